/* summary_out.c - roll-ups and exceptions for terminals, dashboards and spreadsheets. */
#include "summary_out.h"

#include <stdio.h>
#include <stdlib.h>

#include "../report/labels.h"
#include "../util/csv.h"
#include "../util/json.h"
#include "text_table.h"

static const char *level_color(rag_level l)
{
    switch (l) {
    case LEVEL_RED: return "\033[31m";
    case LEVEL_AMBER: return "\033[33m";
    case LEVEL_GREEN: return "\033[32m";
    case LEVEL_COMPLETE: return "\033[35m";
    case LEVEL_NOT_DUE:
    case LEVEL_NONE: return NULL;     /* the terminal's own colour */
    }
    return NULL;
}

typedef struct {
    strbuf *out;
    int bold;
} line_sink;

static void put_line(void *ctx, const char *s, size_t n)
{
    line_sink *k = ctx;
    if (k->bold) sb_puts(k->out, "\033[1m");
    sb_putn(k->out, s, n);
    if (k->bold) sb_puts(k->out, "\033[0m");
    sb_putc(k->out, '\n');
}

/* Text wrapped to the terminal's width. */
void summary_wrapped(strbuf *out, const char *text, int width, int bold)
{
    line_sink k = {out, bold};
    wrap_text(text, width, put_line, &k);
}

void summary_heading(const analysis *an, strbuf *out, const char *what, int width, int color)
{
    char d[DATE_BUF];
    strbuf line = STRBUF_INIT;
    sb_printf(&line, "%s: %s, %s", what, an->plan->title ? an->plan->title : "",
              an->plan->organisation ? an->plan->organisation : "");
    summary_wrapped(out, line.data, width, color);
    sb_reset(&line);
    date_format(date_of_day(an->as_at), d, sizeof d);
    sb_printf(&line, "As at %s", d);
    if (an->has_since) {
        date_format(date_of_day(an->since), d, sizeof d);
        sb_printf(&line, "; changes since %s", d);
    }
    summary_wrapped(out, line.data, width, 0);
    sb_putc(out, '\n');
    sb_free(&line);
}

/* Under a table whose all-zero columns were left out to fit: say which. */
static void dropped_note(strbuf *out, const char *const *headers, const int *dropped, size_t n,
                         const char *lead, int width)
{
    strbuf note = STRBUF_INIT;
    size_t k = 0, total = 0;
    for (size_t c = 0; c < n; c++) total += dropped[c] != 0;
    for (size_t c = 0; c < n; c++) {
        if (!dropped[c]) continue;
        sb_puts(&note, k == 0 ? lead : k + 1 == total ? " or " : ", ");
        k++;
        for (const char *h = headers[c]; *h; h++) /* without soft hyphens */
            if (!((unsigned char)h[0] == 0xC2 && (unsigned char)h[1] == 0xAD)) sb_putc(&note, *h);
            else h++;
    }
    if (k) {
        sb_putc(&note, '.');
        sb_putc(out, '\n');
        summary_wrapped(out, note.data, width, 0);
    }
    sb_free(&note);
}

/* ---- roll-up ---------------------------------------------------------- */

#define rollup_order status_order
#define N_ROLLUP STATUS__COUNT

static void rollup_cells(const rollup_counts *r, char bufs[][32], const char **cells)
{
    for (size_t k = 0; k < N_ROLLUP; k++) {
        snprintf(bufs[k], 32, "%zu", r->count[rollup_order[k]]);
        cells[k] = bufs[k];
    }
    snprintf(bufs[N_ROLLUP], 32, "%zu", r->total);
    cells[N_ROLLUP] = bufs[N_ROLLUP];
    if (r->percent_complete < 0) snprintf(bufs[N_ROLLUP + 1], 32, "-");
    else snprintf(bufs[N_ROLLUP + 1], 32, "%d%%", r->percent_complete);
    cells[N_ROLLUP + 1] = bufs[N_ROLLUP + 1];
    cells[N_ROLLUP + 2] = rag_level_name(r->rag);
}

void rollup_text(const analysis *an, strbuf *out, int width, int color)
{
    /* Soft hyphens (U+00AD) say where a header may break in a narrow terminal. */
    static const char *const headers[] = {
        "Theme", "Com\u00ADplete", "On target", "Re\u00ADsched\u00ADuled", "Late start",
        "Over\u00ADdue", "Not yet due", "Can\u00ADcelled", "Total", "% com\u00ADplete", "RAG"};
    const plan *p = an->plan;
    summary_heading(an, out, "Roll-up", width, color);
    text_table t;
    text_table_init(&t, headers, 11, 10);
    for (size_t c = 1; c <= N_ROLLUP; c++) text_table_flags(&t, c, TT_RIGHT | TT_DROP_ZERO);
    text_table_flags(&t, N_ROLLUP + 1, TT_RIGHT);
    text_table_flags(&t, N_ROLLUP + 2, TT_RIGHT);
    char bufs[N_ROLLUP + 2][32];
    const char *cells[11];
    for (size_t i = 0; i < p->n_themes; i++) {
        strbuf name = STRBUF_INIT;
        sb_printf(&name, "%s %s", p->themes[i].ref, p->themes[i].title ? p->themes[i].title : "");
        cells[0] = name.data;
        rollup_cells(&an->themes[i], bufs, cells + 1);
        text_table_row(&t, cells, level_color(an->themes[i].rag));
        sb_free(&name);
    }
    cells[0] = "Whole plan";
    rollup_cells(&an->overall, bufs, cells + 1);
    text_table_row(&t, cells, level_color(an->overall.rag));
    int dropped[11];
    text_table_render(&t, out, width, color, dropped);
    dropped_note(out, headers, dropped, 11, "Left out to fit: no action is ", width);
    text_table_free(&t);
}

static void json_counts(json_writer *w, const rollup_counts *r)
{
    json_key(w, "counts");
    json_begin_object(w);
    for (size_t k = 0; k < N_ROLLUP; k++) {
        json_key(w, status_kind_id(rollup_order[k]));
        json_int(w, (long long)r->count[rollup_order[k]]);
    }
    json_end_object(w);
    json_key(w, "total");
    json_int(w, (long long)r->total);
    json_key(w, "percent_complete");
    if (r->percent_complete < 0) json_null(w);
    else json_int(w, r->percent_complete);
    json_key(w, "rag");
    json_string(w, rag_level_id(r->rag));
}

void summary_json_date(json_writer *w, const char *key, fuzzy_date d)
{
    char buf[DATE_BUF];
    json_key(w, key);
    if (d.kind == DATE_NONE) {
        json_null(w);
        return;
    }
    date_format_iso(d, buf, sizeof buf);
    json_string(w, buf);
}

static void json_day(json_writer *w, const char *key, day_t d)
{
    char buf[DATE_BUF];
    date_format_iso(date_of_day(d), buf, sizeof buf);
    json_key(w, key);
    json_string(w, buf);
}

void summary_json_header(json_writer *w, const analysis *an)
{
    json_key(w, "plan");
    json_string(w, an->plan->title);
    json_key(w, "organisation");
    json_string(w, an->plan->organisation);
    json_day(w, "as_at", an->as_at);
    if (an->has_since) json_day(w, "since", an->since);
}

void rollup_json(const analysis *an, strbuf *out)
{
    json_writer w;
    json_init(&w, out);
    rollup_json_write(&w, an);
}

/* "illustrative": the values an example plan made up, when it made any up. */
static void json_illustrative(json_writer *w, unsigned bits)
{
    if (!bits) return;
    json_key(w, "illustrative");
    json_begin_array(w);
    for (unsigned i = 0; i < ILLUSTRATIVE_KINDS; i++)
        if (bits & (1u << i)) json_string(w, illustrative_names[i]);
    json_end_array(w);
}

void rollup_json_write(json_writer *w, const analysis *an)
{
    const plan *p = an->plan;
    json_begin_object(w);
    summary_json_header(w, an);
    json_key(w, "overall");
    json_begin_object(w);
    json_counts(w, &an->overall);
    json_end_object(w);
    json_key(w, "themes");
    json_begin_array(w);
    for (size_t i = 0; i < p->n_themes; i++) {
        const theme *t = &p->themes[i];
        json_begin_object(w);
        json_key(w, "ref");
        json_string(w, t->ref);
        json_key(w, "title");
        json_string(w, t->title);
        json_key(w, "lead");
        json_string(w, t->lead ? t->lead->name : NULL);
        json_counts(w, &an->themes[i]);
        json_end_object(w);
    }
    json_end_array(w);
    json_key(w, "actions");
    json_begin_array(w);
    for (size_t i = 0; i < p->n_actions; i++) {
        const action *a = &p->actions[i];
        if (!analysis_shows(an, a)) continue;
        derived_status s = an->actions[i];
        json_begin_object(w);
        json_key(w, "ref");
        json_string(w, a->ref);
        json_key(w, "theme");
        json_string(w, a->theme ? a->theme->ref : NULL);
        json_key(w, "status");
        json_string(w, status_kind_id(s.kind));
        json_key(w, "rag");
        json_string(w, rag_level_id(status_level(s.kind)));
        if (s.kind == STATUS_OVERDUE) {
            json_key(w, "days_overdue");
            json_int(w, s.days_overdue);
        }
        summary_json_date(w, "due", a->s.due);
        summary_json_date(w, "current_due", schedule_due_at(&a->s, an->as_at));
        if (s.reported) {
            json_key(w, "reported_rag");
            json_string(w, stated_rag_name(s.reported));
        }
        json_illustrative(w, a->s.illustrative);
        if (s.optimistic) {
            json_key(w, "optimistic");
            json_bool(w, 1);
        }
        json_end_object(w);
    }
    json_end_array(w);
    json_end_object(w);
}

void rollup_csv(const analysis *an, strbuf *out)
{
    const plan *p = an->plan;
    csv_bom(out);
    csv_field(out, "Theme", 1);
    csv_field(out, "Title", 0);
    for (size_t k = 0; k < N_ROLLUP; k++) csv_field(out, status_kind_name(rollup_order[k]), 0);
    csv_field(out, "Total", 0);
    csv_field(out, "Percent complete", 0);
    csv_field(out, "RAG", 0);
    csv_end_row(out);
    for (size_t i = 0; i <= p->n_themes; i++) {
        const rollup_counts *r = i < p->n_themes ? &an->themes[i] : &an->overall;
        csv_field(out, i < p->n_themes ? p->themes[i].ref : "", 1);
        csv_field(out, i < p->n_themes ? p->themes[i].title : "Whole plan", 0);
        char buf[32];
        for (size_t k = 0; k < N_ROLLUP; k++) {
            snprintf(buf, sizeof buf, "%zu", r->count[rollup_order[k]]);
            csv_number(out, buf, 0);
        }
        snprintf(buf, sizeof buf, "%zu", r->total);
        csv_number(out, buf, 0);
        if (r->percent_complete < 0) buf[0] = '\0';
        else snprintf(buf, sizeof buf, "%d", r->percent_complete);
        csv_number(out, buf, 0);
        csv_field(out, rag_level_id(r->rag), 0);
        csv_end_row(out);
    }
}

/* ---- exceptions ------------------------------------------------------- */

/* One line per milestone; bulleted "- " for the terminal, plain in a spreadsheet cell
 * (where a leading "-" reads as a formula). */
static void milestone_cell(strbuf *out, const exception_row *row, day_t as_at, int bullets)
{
    char d[DATE_BUF];
    for (size_t j = 0; j < row->n_milestones; j++) {
        const exception_milestone *m = &row->milestones[j];
        if (j) sb_putc(out, '\n');
        sb_printf(out, "%s%s", bullets ? "- " : "", m->milestone->title ? m->milestone->title : "");
        fuzzy_date due = schedule_due_at(&m->milestone->s, as_at);
        date_format(due, d, sizeof d);
        if (d[0] && m->reasons) {
            sb_printf(out, " (%s; ", d);
            label_status(out, m->status);
            sb_putc(out, ')');
        }
    }
}

static void reason_cell(strbuf *out, const exception_row *row)
{
    strbuf flag = STRBUF_INIT;
    label_exception_flag(&flag, row);
    if (flag.len) sb_printf(out, row->reason ? "%s. " : "%s", flag.data);
    sb_free(&flag);
    if (row->reason) sb_puts(out, row->reason);
}

void exceptions_text(const analysis *an, strbuf *out, int width, int color)
{
    static const char *const headers[] = {"Ref", "Action", "Mile\u00ADstone", "Who", "When",
                                          "Days over\u00ADdue", "Reason",
                                          "Measure of suc\u00ADcess"};
    summary_heading(an, out, "Exception report", width, color);
    if (!an->n_exceptions) {
        summary_wrapped(out, "No exceptions: no action or milestone is overdue, rescheduled or reported "
                     "Red or Amber.", width, 0);
        return;
    }
    text_table t;
    text_table_init(&t, headers, 8, 5);
    text_table_flags(&t, 0, TT_KEEP);
    text_table_flags(&t, 2, TT_DROP_EMPTY);
    text_table_flags(&t, 5, TT_DROP_EMPTY | TT_RIGHT);
    text_table_flags(&t, 6, TT_DROP_EMPTY);
    text_table_flags(&t, 7, TT_DROP_EMPTY);
    for (size_t g = 0; g < an->n_groups; g++) {
        const exception_group *grp = &an->groups[g];
        strbuf title = STRBUF_INIT;
        if (grp->theme)
            sb_printf(&title, "%s %s", grp->theme->ref, grp->theme->title ? grp->theme->title : "");
        else
            sb_puts(&title, "No theme");
        text_table_group(&t, title.data);
        sb_free(&title);
        for (size_t r = 0; r < grp->n_rows; r++) {
            const exception_row *row = &grp->rows[r];
            strbuf ms = STRBUF_INIT, who = STRBUF_INIT, when = STRBUF_INIT, reason = STRBUF_INIT;
            milestone_cell(&ms, row, an->as_at, 1);
            label_who(&who, &row->action->s);
            label_when(&when, &row->action->s, row->revisions, row->n_revisions, row->first_new, 1);
            reason_cell(&reason, row);
            char days[32] = "";
            if (row->status.kind == STATUS_OVERDUE) snprintf(days, sizeof days, "%d", row->status.days_overdue);
            const char *cells[8] = {row->action->ref, row->action->description, ms.data,
                                    who.data, when.data, days, reason.data, row->action->measure};
            text_table_row(&t, cells, row->status.kind == STATUS_OVERDUE ? "\033[1;31m" : NULL);
            sb_free(&ms);
            sb_free(&who);
            sb_free(&when);
            sb_free(&reason);
        }
    }
    text_table_render(&t, out, width, color, NULL);
    text_table_free(&t);
    sb_printf(out, "\n%zu exception%s", an->n_exceptions, an->n_exceptions == 1 ? "" : "s");
    if (an->n_optimistic)
        sb_printf(out, ", %zu optimistic report%s", an->n_optimistic, an->n_optimistic == 1 ? "" : "s");
    sb_puts(out, ".\n");
}

static void json_revisions(json_writer *w, const exception_row *row)
{
    json_key(w, "revisions");
    json_begin_array(w);
    for (size_t k = 0; k < row->n_revisions; k++) {
        json_begin_object(w);
        summary_json_date(w, "date", row->revisions[k]->date);
        summary_json_date(w, "agreed", row->revisions[k]->agreed);
        json_key(w, "reason");
        json_string(w, row->revisions[k]->reason);
        json_end_object(w);
    }
    json_end_array(w);
}

static void json_reasons(json_writer *w, unsigned r)
{
    json_key(w, "reasons");
    json_begin_array(w);
    if (r & EXC_OVERDUE) json_string(w, "overdue");
    if (r & EXC_RESCHEDULED) json_string(w, "rescheduled");
    if (r & EXC_REPORTED_RED) json_string(w, "reported-red");
    if (r & EXC_REPORTED_AMBER) json_string(w, "reported-amber");
    if (r & EXC_OPTIMISTIC) json_string(w, "optimistic");
    json_end_array(w);
}

void exceptions_json(const analysis *an, strbuf *out)
{
    json_writer w;
    json_init(&w, out);
    json_begin_object(&w);
    summary_json_header(&w, an);
    json_key(&w, "count");
    json_int(&w, (long long)an->n_exceptions);
    json_key(&w, "themes");
    json_begin_array(&w);
    for (size_t g = 0; g < an->n_groups; g++) {
        const exception_group *grp = &an->groups[g];
        json_begin_object(&w);
        json_key(&w, "ref");
        json_string(&w, grp->theme ? grp->theme->ref : NULL);
        json_key(&w, "title");
        json_string(&w, grp->theme ? grp->theme->title : NULL);
        json_key(&w, "rows");
        json_begin_array(&w);
        for (size_t r = 0; r < grp->n_rows; r++) {
            const exception_row *row = &grp->rows[r];
            const action *a = row->action;
            json_begin_object(&w);
            json_key(&w, "ref");
            json_string(&w, a->ref);
            json_key(&w, "action");
            json_string(&w, a->description);
            json_key(&w, "status");
            json_string(&w, status_kind_id(row->status.kind));
            json_key(&w, "days_overdue");
            if (row->status.kind == STATUS_OVERDUE) json_int(&w, row->status.days_overdue);
            else json_null(&w);
            json_reasons(&w, row->reasons);
            strbuf who = STRBUF_INIT;
            label_who(&who, &a->s);
            json_key(&w, "who");
            json_string(&w, who.data ? who.data : "");
            sb_free(&who);
            summary_json_date(&w, "due", a->s.due);
            summary_json_date(&w, "current_due", schedule_due_at(&a->s, an->as_at));
            json_revisions(&w, row);
            json_key(&w, "reason");
            json_string(&w, row->reason);
            json_illustrative(&w, a->s.illustrative);
            if (row->status.optimistic) {
                strbuf flag = STRBUF_INIT;
                label_optimistic(&flag, row->status);
                json_key(&w, "flag");
                json_string(&w, flag.data);
                sb_free(&flag);
            }
            json_key(&w, "measure");
            json_string(&w, a->measure);
            json_key(&w, "milestones");
            json_begin_array(&w);
            for (size_t j = 0; j < row->n_milestones; j++) {
                const exception_milestone *m = &row->milestones[j];
                json_begin_object(&w);
                json_key(&w, "title");
                json_string(&w, m->milestone->title);
                json_key(&w, "status");
                json_string(&w, status_kind_id(m->status.kind));
                summary_json_date(&w, "due", m->milestone->s.due);
                summary_json_date(&w, "current_due", schedule_due_at(&m->milestone->s, an->as_at));
                json_reasons(&w, m->reasons);
                json_end_object(&w);
            }
            json_end_array(&w);
            json_end_object(&w);
        }
        json_end_array(&w);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_end_object(&w);
}

void exceptions_csv(const analysis *an, strbuf *out)
{
    static const char *const cols[] = {"Theme", "Theme title", "Ref", "Action", "Milestones",
                                       "Who", "Due", "Current due", "When", "Status",
                                       "Days overdue", "Reasons", "Reason", "Measure of success"};
    csv_bom(out);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) csv_field(out, cols[i], i == 0);
    csv_end_row(out);
    for (size_t i = 0; i < an->n_exceptions; i++) {
        const exception_row *row = &an->exceptions[i];
        const action *a = row->action;
        strbuf ms = STRBUF_INIT, who = STRBUF_INIT, when = STRBUF_INIT, reasons = STRBUF_INIT,
               reason = STRBUF_INIT;
        milestone_cell(&ms, row, an->as_at, 0);
        label_who(&who, &a->s);
        label_when(&when, &a->s, row->revisions, row->n_revisions, row->first_new, 0);
        label_reasons(&reasons, row->reasons);
        reason_cell(&reason, row);
        char due[DATE_BUF], cur[DATE_BUF], days[32] = "";
        date_format_iso(a->s.due, due, sizeof due);
        date_format_iso(schedule_due_at(&a->s, an->as_at), cur, sizeof cur);
        if (row->status.kind == STATUS_OVERDUE) snprintf(days, sizeof days, "%d", row->status.days_overdue);
        csv_field(out, a->theme ? a->theme->ref : "", 1);
        csv_field(out, a->theme ? a->theme->title : "", 0);
        csv_field(out, a->ref, 0);
        csv_field(out, a->description, 0);
        csv_field(out, ms.data, 0);
        csv_field(out, who.data, 0);
        csv_field(out, due, 0);
        csv_field(out, cur, 0);
        csv_field(out, when.data, 0);
        csv_field(out, status_kind_id(row->status.kind), 0);
        csv_number(out, days, 0);
        csv_field(out, reasons.data, 0);
        csv_field(out, reason.data, 0);
        csv_field(out, a->measure, 0);
        csv_end_row(out);
        sb_free(&ms);
        sb_free(&who);
        sb_free(&when);
        sb_free(&reasons);
        sb_free(&reason);
    }
}
