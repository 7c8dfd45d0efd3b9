/* html_index.c - out/index.html: every paper newest first, with its RAG summary. */
#include "html_render.h"

#include <stdlib.h>
#include <string.h>

#include "../../report/labels.h"
#include "html_internal.h"

/* ---- index --------------------------------------------------------------- */

typedef struct {
    const html_index_entry *e;
    size_t pos;
} ientry;

static int cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

static int cmp_entry(const void *pa, const void *pb)
{
    const ientry *a = pa, *b = pb;
    int r = cmp_str(b->e->meeting_iso, a->e->meeting_iso); /* newest first */
    if (!r) r = cmp_str(a->e->subject, b->e->subject);
    if (!r) r = a->pos < b->pos ? -1 : a->pos > b->pos;
    return r;
}

void html_index(const html_index_entry *entries, size_t n, const house_style *h, const char *css,
                strbuf *out)
{
    house_style def;
    if (!h) {
        house_style_default(&def);
        h = &def;
    }
    ientry *v = n ? malloc(n * sizeof *v) : NULL;
    for (size_t i = 0; i < n; i++) v[i] = (ientry){&entries[i], i};
    if (n > 1) qsort(v, n, sizeof *v, cmp_entry);

    /* one organisation: name it in the heading; several: a column */
    const char *org = n ? entries[0].organisation : NULL;
    int many_orgs = 0;
    for (size_t i = 1; i < n; i++)
        if (cmp_str(entries[i].organisation, org)) many_orgs = 1;

    strbuf title = STRBUF_INIT;
    sb_puts(&title, "Committee papers");
    if (!many_orgs && html_nonempty(org)) {
        sb_puts(&title, " \xE2\x80\x93 ");
        sb_puts(&title, org);
    }
    html_page_head(out, "en-GB", title.data, css);
    sb_puts(out, "<style>\n");
    rdoc *pal = rdoc_new();    /* the house's colours and words, checked */
    rdoc_set_palette(pal, h);
    html_put_palette_css(out, &pal->palette);
    sb_puts(out, "</style>\n");
    sb_puts(out, "</head>\n<body class=\"index\">\n<header class=\"front-sheet\">\n");
    if (!many_orgs && html_nonempty(org)) {
        sb_puts(out, "<div class=\"masthead\"><p class=\"org\">");
        html_put_text(out, org);
        sb_puts(out, "</p></div>\n");
    }
    sb_puts(out, "<h1>Committee papers</h1>\n");
    sb_printf(out, "<p class=\"lede\">%zu paper%s, newest first. Each links to the paper as a web "
              "page and, where there is one, as a PDF.</p>\n</header>\n<main id=\"main\">\n",
              n, n == 1 ? "" : "s");

    int ncols = many_orgs ? 7 : 6;
    sb_puts(out, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" "
            "aria-labelledby=\"papers-caption\">\n<table class=\"papers\">\n"
            "<caption id=\"papers-caption\">Committee papers and the progress of their "
            "plans, newest first</caption>\n<thead>\n<tr>");
    if (many_orgs) sb_puts(out, "<th scope=\"col\">Organisation</th>");
    sb_puts(out, "<th scope=\"col\">Meeting</th><th scope=\"col\">Subject</th>"
            "<th scope=\"col\">Actions by status</th><th scope=\"col\" class=\"n\">% complete</th>"
            "<th scope=\"col\">Overall</th><th scope=\"col\">Documents</th></tr>\n</thead>\n"
            "<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const html_index_entry *e = v[i].e;
        const rdoc_summary *s = &e->summary;
        sb_puts(out, "<tr>");
        if (many_orgs) {
            sb_puts(out, "<td>");
            html_put_text(out, e->organisation);
            sb_puts(out, "</td>");
        }
        sb_puts(out, "<td class=\"meeting\">");
        html_put_text(out, e->committee);
        if (html_nonempty(e->meeting_date)) {
            sb_puts(out, "<br><span class=\"date\">");
            html_put_text(out, e->meeting_date);
            sb_puts(out, "</span>");
        }
        if (html_nonempty(e->item)) {
            sb_puts(out, "<br><span class=\"item\">Item ");
            html_put_text(out, e->item);
            sb_puts(out, "</span>");
        }
        sb_puts(out, "</td><th scope=\"row\">");
        if (html_nonempty(e->html_href)) {
            sb_puts(out, "<a href=\"");
            html_put_rel_href(out, e->html_href);
            sb_puts(out, "\">");
            html_put_text(out, html_nonempty(e->subject) ? e->subject : "Untitled paper");
            sb_puts(out, "</a>");
        } else {
            html_put_text(out, html_nonempty(e->subject) ? e->subject : "Untitled paper");
        }
        sb_puts(out, "</th><td>");
        if (s->total) {
            sb_puts(out, "<ul class=\"counts\">");
            for (size_t k = 0; k < STATUS__COUNT; k++) {
                size_t cnt = s->count[status_order[k]];
                if (!cnt) continue;
                sb_printf(out, "<li><span class=\"n\">%zu</span> ", cnt);
                html_put_text(out, status_kind_name(status_order[k]));
                sb_puts(out, "</li>");
            }
            sb_printf(out, "<li class=\"total\"><span class=\"n\">%zu</span> in all</li></ul>",
                      s->total);
        } else {
            sb_puts(out, "No actions");
        }
        sb_puts(out, "</td><td class=\"n\">");
        if (s->percent_complete >= 0) sb_printf(out, "%d%%", s->percent_complete);
        else sb_puts(out, "&#8211;");
        sb_printf(out, "</td><td><span class=\"badge rag-%s\">", rag_level_id(s->rag));
        html_put_text(out, pal->palette.rag[s->rag <= LEVEL_RED ? s->rag : LEVEL_NONE].word);
        sb_puts(out, "</span></td><td class=\"docs\">");
        int any = 0;
        if (html_nonempty(e->html_href)) {
            sb_puts(out, "<a href=\"");
            html_put_rel_href(out, e->html_href);
            sb_puts(out, "\">Web page<span class=\"visually-hidden\">: ");
            html_put_text(out, e->subject);
            sb_puts(out, "</span></a>");
            any = 1;
        }
        if (html_nonempty(e->pdf_href)) {
            if (any) sb_puts(out, "<br>");
            sb_puts(out, "<a href=\"");
            html_put_rel_href(out, e->pdf_href);
            sb_puts(out, "\">PDF<span class=\"visually-hidden\">: ");
            html_put_text(out, e->subject);
            sb_puts(out, "</span></a>");
        }
        sb_puts(out, "</td></tr>\n");
    }
    if (!n) sb_printf(out, "<tr><td colspan=\"%d\">No papers.</td></tr>\n", ncols);
    sb_puts(out, "</tbody>\n</table>\n</div>\n</main>\n");
    sb_puts(out, "<footer class=\"page-foot\"><p>");
    html_put_text(out, title.data);
    sb_puts(out, "</p></footer>\n</body>\n</html>\n");
    sb_free(&title);
    rdoc_free(pal);
    free(v);
}
