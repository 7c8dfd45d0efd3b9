/* pack_json.c - a meeting's page map, written and read (see pack_json.h). */
#include "pack_json.h"

#include <string.h>

#include "../util/json.h"
#include "../util/json_parse.h"

static void page_or_null(json_writer *w, const char *key, size_t page)
{
    json_key(w, key);
    if (page) json_int(w, (long long)page);
    else json_null(w);
}

static void item_json(json_writer *w, const agenda_spec *a, size_t i)
{
    const agenda_entry *e = &a->items[i];
    const meeting_item *it = e->item;
    json_begin_object(w);
    json_key(w, "number"); json_string(w, it->number);
    json_key(w, "kind");
    json_string(w, it->kind == ITEM_BUSINESS ? (e->has_paper ? "report" : "business")
                                             : item_kind_word(it->kind));
    json_key(w, "title"); json_string(w, e->title);
    json_key(w, "lead"); json_string(w, e->lead);
    json_key(w, "paper"); json_string(w, e->paper_href);
    json_key(w, "exempt_paragraph");
    if (e->exempt) json_int(w, e->exempt);
    else json_null(w);
    json_key(w, "exempt_appendices");
    json_begin_array(w);
    for (size_t k = 0; k < e->n_parts; k++) {
        char letter[2] = {e->parts[k].letter, 0};
        json_begin_object(w);
        json_key(w, "appendix"); json_string(w, letter);
        json_key(w, "paragraph"); json_int(w, e->parts[k].paragraph);
        json_end_object(w);
    }
    json_end_array(w);
    json_key(w, "illustrative"); json_bool(w, it->illustrative);
    json_key(w, "supplementary");
    json_string(w, it->supplementary == SUPP_TO_FOLLOW ? "to-follow"
                   : it->supplementary == SUPP_ADDED   ? "added" : NULL);
    page_or_null(w, "first", e->first);
    page_or_null(w, "last", e->last);
    page_or_null(w, "agenda_page", e->agenda_page);
    json_end_object(w);
}

void pack_json_write(const meeting *m, const char *agenda_html, const pack_out *packs,
                     size_t n, strbuf *out)
{
    json_writer w;
    json_init(&w, out);
    json_begin_object(&w);
    json_key(&w, "meeting");
    json_begin_object(&w);
    char iso[DATE_BUF], printed[DATE_BUF];
    date_format_iso(m->date, iso, sizeof iso);
    date_format(m->date, printed, sizeof printed);
    json_key(&w, "council"); json_string(&w, m->council);
    json_key(&w, "committee"); json_string(&w, m->committee);
    json_key(&w, "date"); json_string(&w, iso);
    json_key(&w, "date_printed"); json_string(&w, printed);
    json_key(&w, "time"); json_string(&w, m->time);
    json_key(&w, "venue"); json_string(&w, m->venue);
    json_key(&w, "illustrative"); json_bool(&w, m->illustrative);
    json_key(&w, "illustrative_details");
    json_begin_array(&w);
    for (unsigned i = 0; i < MEETING_DETAIL__COUNT; i++)
        if (m->illustrative_details & (1u << i)) json_string(&w, meeting_detail_word(i));
    json_end_array(&w);
    json_key(&w, "agenda"); json_string(&w, agenda_html);
    json_end_object(&w);
    json_key(&w, "packs");
    json_begin_array(&w);
    for (size_t p = 0; p < n; p++) {
        const pack_out *po = &packs[p];
        const agenda_spec *a = po->spec;
        json_begin_object(&w);
        json_key(&w, "kind");
        json_string(&w, a->kind == AGENDA_MAIN ? "agenda" : "supplementary");
        json_key(&w, "edition"); json_string(&w, a->private_pack ? "private" : "public");
        json_key(&w, "pdf"); json_string(&w, po->pdf);
        json_key(&w, "pages"); json_int(&w, (long long)po->pages);
        json_key(&w, "page_prefix"); json_string(&w, a->page_prefix ? a->page_prefix : "");
        json_key(&w, "agenda");
        json_begin_object(&w);
        page_or_null(&w, "first", po->agenda_pages ? 1 : 0);
        page_or_null(&w, "last", po->agenda_pages);
        json_end_object(&w);
        json_key(&w, "items");
        json_begin_array(&w);
        for (size_t i = 0; i < a->n; i++)
            if (agenda_lists(a, i)) item_json(&w, a, i);
        json_end_array(&w);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_end_object(&w);
}

/* ---- reading --------------------------------------------------------------------- */

static const char *keep(arena *a, const jvalue *o, const char *key)
{
    const char *s = json_get_string(o, key);
    return s ? arena_strdup(a, s) : NULL;
}

int pack_json_parse(const char *path, const char *data, size_t len, arena *a, diag_list *diags,
                    meeting_record *r)
{
    memset(r, 0, sizeof *r);
    json_error err;
    jvalue *root = json_parse(a, data, len, &err);
    if (!root) {
        diag_error(diags, make_pos(path, err.line, err.col), "not JSON: %s; build the packs again",
                   err.message);
        return -1;
    }
    const jvalue *mt = json_get(root, "meeting"), *packs = json_get(root, "packs");
    if (!mt || mt->kind != JV_OBJECT || !packs || packs->kind != JV_ARRAY) return 1;
    r->council = keep(a, mt, "council");
    r->committee = keep(a, mt, "committee");
    r->date_iso = keep(a, mt, "date");
    r->date_printed = keep(a, mt, "date_printed");
    r->illustrative = json_get_bool(mt, "illustrative") == 1;
    /* hrefs relative to the folder above the page map's: out/meetings/x.json ->
     * meetings/... */
    const char *slash = strrchr(path, '/');
    const char *dir = slash ? slash : path;
    while (slash && dir > path && dir[-1] != '/') dir--;
    const char *folder = slash ? arena_strndup(a, dir, (size_t)(slash - dir)) : NULL;
#define HREF(name) (!(name) || strchr((name), '/') || (name)[0] == '.' ? NULL                 \
                    : folder ? arena_printf(a, "%s/%s", folder, (name)) : arena_strdup(a, (name)))
    const char *agenda = json_get_string(mt, "agenda");
    r->agenda_href = HREF(agenda);
    for (size_t p = 0; p < packs->n; p++) {
        const jvalue *pk = packs->items[p];
        const char *kind = json_get_string(pk, "kind"), *ed = json_get_string(pk, "edition");
        const char *pdf = json_get_string(pk, "pdf");
        long pages = 0;
        json_get_int(pk, "pages", 0, 1000000, &pages);
        if (!kind || !ed || strcmp(ed, "public")) continue;   /* the index is public */
        const jvalue *items = json_get(pk, "items");
        size_t ni = items && items->kind == JV_ARRAY ? items->n : 0;
        if (!strcmp(kind, "agenda")) {
            r->pack_href = HREF(pdf);
            r->pack_pages = (size_t)pages;
            r->n_items += ni;
        } else if (!strcmp(kind, "supplementary")) {
            r->supplement_href = HREF(pdf);
            r->supplement_pages = (size_t)pages;
        }
        /* every item once: those of the agenda, and those added after it */
        for (size_t i = 0; i < ni; i++) {
            const jvalue *it = items->items[i];
            const char *supp = json_get_string(it, "supplementary");
            if (strcmp(kind, "agenda") && !(supp && !strcmp(supp, "added"))) continue;
            if (strcmp(kind, "agenda")) r->n_items++;
            long para;
            if (json_get_int(it, "exempt_paragraph", 1, 7, &para)) r->n_exempt++;
            const jvalue *parts = json_get(it, "exempt_appendices");
            if (parts && parts->kind == JV_ARRAY) r->n_exempt += parts->n;
        }
    }
#undef HREF
    return 0;
}
