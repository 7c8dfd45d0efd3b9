/* changes_out.c - changes since the previous report for terminals, dashboards and
 * spreadsheets (tabled changes). The wording is labels.c's, so every output says the
 * same thing as the paper's changes block. */
#include <stdio.h>

#include "../report/labels.h"
#include "../util/csv.h"
#include "summary_out.h"
#include "text_table.h"

static const char *direction_id(int d) { return d > 0 ? "better" : d < 0 ? "worse" : NULL; }

void changes_text(const analysis *an, strbuf *out, int width, int color)
{
    const changes *c = an->changes;
    summary_heading(an, out, "Changes", width, color);
    char p[DATE_BUF], t[DATE_BUF];
    date_format(date_of_day(an->since), p, sizeof p);
    date_format(date_of_day(an->as_at), t, sizeof t);
    if (!c || !c->n_rows) {
        strbuf none = STRBUF_INIT;
        sb_printf(&none, "No changes between %s and %s.", p, t);
        summary_wrapped(out, none.data, width, 0);
        sb_free(&none);
        return;
    }
    char hp[DATE_BUF + 8], ht[DATE_BUF + 8];
    snprintf(hp, sizeof hp, "As at %s", p);
    snprintf(ht, sizeof ht, "As at %s", t);
    const char *headers[] = {"Ref", "Action, risk or indicator", hp, ht, "Change"};
    text_table tt;
    text_table_init(&tt, headers, 5, -1);
    text_table_flags(&tt, 0, TT_KEEP);
    for (size_t i = 0; i < c->n_rows; i++) {
        const change_row *r = &c->rows[i];
        if (i == 0 || c->rows[i - 1].kind != r->kind) {
            char title[128];
            snprintf(title, sizeof title, "%s (%zu)", change_kind_title(r->kind), c->count[r->kind]);
            text_table_group(&tt, title);
        }
        strbuf b = STRBUF_INIT, a = STRBUF_INIT, d = STRBUF_INIT, item = STRBUF_INIT;
        label_change_state(&b, r, 0);
        label_change_state(&a, r, 1);
        label_change_detail(&d, r);
        if (r->milestone) sb_printf(&item, "Milestone: %s", change_item(r));
        else sb_puts(&item, change_item(r));
        const char *cells[] = {change_ref(r), item.data, b.data, a.data, d.data ? d.data : ""};
        text_table_row(&tt, cells, NULL);
        sb_free(&b);
        sb_free(&a);
        sb_free(&d);
        sb_free(&item);
    }
    text_table_render(&tt, out, width, color, NULL);
    text_table_free(&tt);
    strbuf total = STRBUF_INIT;
    sb_printf(&total, "%zu change%s: ", c->n_rows, c->n_rows == 1 ? "" : "s");
    const char *sep = "";
    for (int k = 0; k < CHANGE__COUNT; k++) {
        if (!c->count[k]) continue;
        sb_printf(&total, "%s%zu %s", sep, c->count[k], change_kind_id((change_kind)k));
        sep = ", ";
    }
    sb_puts(&total, ".");
    sb_putc(out, '\n');
    summary_wrapped(out, total.data, width, 0);
    sb_free(&total);
}

static void json_change(json_writer *w, const change_row *r)
{
    json_begin_object(w);
    json_key(w, "kind");
    json_string(w, change_kind_id(r->kind));
    json_key(w, "ref");
    json_string(w, change_ref(r));
    json_key(w, "theme");
    json_string(w, r->theme ? r->theme->ref : NULL);
    json_key(w, "item");
    json_string(w, r->milestone ? (r->action->description ? r->action->description : "") : change_item(r));
    json_key(w, "milestone");
    json_string(w, r->milestone ? change_item(r) : NULL);
    strbuf s = STRBUF_INIT;
    label_change_state(&s, r, 0);
    json_key(w, "before");
    json_string(w, s.data ? s.data : "");
    sb_reset(&s);
    label_change_state(&s, r, 1);
    json_key(w, "after");
    json_string(w, s.data ? s.data : "");
    sb_reset(&s);
    if (r->action && r->kind != CHANGE_REVISED) {
        json_key(w, "status_before");
        json_string(w, r->kind == CHANGE_ADDED ? NULL : status_kind_id(r->before.kind));
        json_key(w, "status_after");
        json_string(w, status_kind_id(r->after.kind));
    }
    if (r->kind == CHANGE_REVISED) {
        summary_json_date(w, "due_before", r->due_before);
        summary_json_date(w, "due_after", r->revision->date);
        json_key(w, "days_slipped");
        if (r->has_slip) json_int(w, r->days_slipped);
        else json_null(w);
        summary_json_date(w, "agreed", r->revision->agreed);
        json_key(w, "reason");
        json_string(w, r->revision->reason);
    }
    json_key(w, "direction");
    json_string(w, direction_id(r->direction));
    label_change_detail(&s, r);
    json_key(w, "detail");
    json_string(w, s.data ? s.data : "");
    sb_free(&s);
    json_end_object(w);
}

void changes_json(const analysis *an, strbuf *out)
{
    const changes *c = an->changes;
    json_writer w;
    json_init(&w, out);
    json_begin_object(&w);
    summary_json_header(&w, an);
    json_key(&w, "counts");
    json_begin_object(&w);
    for (int k = 0; k < CHANGE__COUNT; k++) {
        json_key(&w, change_kind_id((change_kind)k));
        json_int(&w, c ? (long long)c->count[k] : 0);
    }
    json_key(&w, "total");
    json_int(&w, c ? (long long)c->n_rows : 0);
    json_end_object(&w);
    json_key(&w, "changes");
    json_begin_array(&w);
    for (size_t i = 0; c && i < c->n_rows; i++) json_change(&w, &c->rows[i]);
    json_end_array(&w);
    json_end_object(&w);
}

void changes_csv(const analysis *an, strbuf *out)
{
    static const char *const cols[] = {"Kind", "Theme", "Ref", "Item", "Milestone", "Before",
                                       "After", "Direction", "Detail"};
    csv_bom(out);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) csv_field(out, cols[i], i == 0);
    csv_end_row(out);
    const changes *c = an->changes;
    for (size_t i = 0; c && i < c->n_rows; i++) {
        const change_row *r = &c->rows[i];
        strbuf b = STRBUF_INIT, a = STRBUF_INIT, d = STRBUF_INIT;
        label_change_state(&b, r, 0);
        label_change_state(&a, r, 1);
        label_change_detail(&d, r);
        const char *dir = direction_id(r->direction);
        csv_field(out, change_kind_id(r->kind), 1);
        csv_field(out, r->theme ? r->theme->ref : "", 0);
        csv_field(out, change_ref(r), 0);
        csv_field(out, r->milestone ? r->action->description : change_item(r), 0);
        csv_field(out, r->milestone ? change_item(r) : "", 0);
        csv_field(out, b.data ? b.data : "", 0);
        csv_field(out, a.data ? a.data : "", 0);
        csv_field(out, dir ? dir : "", 0);
        csv_field(out, d.data ? d.data : "", 0);
        csv_end_row(out);
        sb_free(&b);
        sb_free(&a);
        sb_free(&d);
    }
}
