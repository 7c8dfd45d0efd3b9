/* sheet_out.c - writing the officers' spreadsheets (sheet_out.h). */
#include "sheet_out.h"

#include <stdlib.h>
#include <string.h>

#include "../analysis/sheet_view.h"
#include "../util/csv.h"
#include "../util/csv_read.h"
#include "../util/utf8.h"

typedef struct {
    const sheet_spec *spec;
    strbuf *out;
    const char *file;
    diag_list *diags;
    int row;                /* the spreadsheet row being written */
    size_t rows;            /* rows under the headers */
} writer;

static void marker(writer *w, const analysis *an, const char *plan_id)
{
    const plan *p = an->plan;
    char d[DATE_BUF];
    sheet_date_text(date_of_day(an->as_at), d, sizeof d);
    strbuf s = STRBUF_INIT;
    csv_field(w->out, SHEET_MARKER, 1);
    csv_field(w->out, w->spec->name, 0);
    sb_printf(&s, "plan: %s", plan_id);
    csv_field(w->out, s.data, 0);
    sb_reset(&s);
    sb_printf(&s, "as at: %s", d);
    csv_field(w->out, s.data, 0);
    sb_reset(&s);
    sb_printf(&s, "%s, %s", p->title ? p->title : "", p->organisation ? p->organisation : "");
    csv_field(w->out, s.data, 0);
    sb_reset(&s);
    sb_puts(&s, "Update ");
    size_t n_edit = 0, k = 0;
    for (size_t i = 0; i < w->spec->n_columns; i++) n_edit += w->spec->columns[i].role == ROLE_EDIT;
    for (size_t i = 0; i < w->spec->n_columns; i++) {
        const sheet_column *c = &w->spec->columns[i];
        if (c->role != ROLE_EDIT) continue;
        k++;
        sb_printf(&s, "%s%s", k == 1 ? "" : k == n_edit ? " and " : ", ", c->header);
    }
    sb_puts(&s, "; keep rows 1 and 3 and the key columns as they are. Save as CSV UTF-8, then: "
                "tabled import PLAN FILE.csv --date DATE");
    csv_field(w->out, s.data, 0);
    csv_end_row(w->out);
    sb_free(&s);
    csv_end_row(w->out); /* row 2: blank */
    for (size_t i = 0; i < w->spec->n_columns; i++) csv_field(w->out, w->spec->columns[i].header, i == 0);
    csv_end_row(w->out);
    w->row = SHEET_HEADER_ROW;
}

static void row(writer *w, const sheet_item *it)
{
    w->row++;
    w->rows++;
    for (size_t i = 0; i < w->spec->n_columns; i++) {
        const sheet_column *c = &w->spec->columns[i];
        const char *t = it->text[c->col];
        size_t chars = utf8_width(t, strlen(t));
        if (chars > SHEET_CELL_MAX) {
            char name[16];
            csv_column_name((int)i + 1, name, sizeof name);
            diag_warning(w->diags, make_pos(w->file, w->row, (int)i + 1),
                         "cell %s%d has %zu characters, more than the %d a spreadsheet cell "
                         "holds: Excel will cut it short", name, w->row, chars, SHEET_CELL_MAX);
        }
        if (c->type == VAL_NUMBER || c->type == VAL_SCORE || c->col == COL_NET_SCORE)
            csv_number(w->out, t, i == 0);
        else
            csv_field(w->out, t, i == 0);
    }
    csv_end_row(w->out);
}

size_t sheet_write(const analysis *an, sheet_kind k, const char *plan_id, const char *file,
                   strbuf *out, diag_list *diags)
{
    writer w = {sheet_spec_of(k), out, file, diags, 0, 0};
    const plan *p = an->plan;
    arena ar;
    arena_init(&ar);
    sheet_item it;
    csv_bom(out);
    marker(&w, an, plan_id);
    switch (k) {
    case SHEET_ACTIONS:
        for (size_t i = 0; i < p->n_actions; i++) {
            const action *a = &p->actions[i];
            if (!analysis_shows(an, a)) continue;
            sheet_item_action(an, a, NULL, &it, &ar);
            row(&w, &it);
            for (size_t j = 0; j < a->n_milestones; j++) {
                sheet_item_action(an, a, &a->milestones[j], &it, &ar);
                row(&w, &it);
            }
        }
        break;
    case SHEET_RISKS:
        for (size_t i = 0; i < p->n_risks; i++) {
            if (!risk_at(&p->risks[i], an->as_at).present) continue;
            sheet_item_risk(an, &p->risks[i], &it, &ar);
            row(&w, &it);
        }
        break;
    case SHEET_INDICATORS:
        for (size_t i = 0; i < p->n_indicators; i++) {
            fuzzy_date *periods;
            size_t n = sheet_indicator_periods(&p->indicators[i], an->as_at, &periods);
            for (size_t j = 0; j < n; j++) {
                sheet_item_indicator(an, &p->indicators[i], periods[j], &it, &ar);
                row(&w, &it);
            }
            free(periods);
        }
        break;
    case SHEET__COUNT: break;
    }
    arena_free(&ar);
    return w.rows;
}
