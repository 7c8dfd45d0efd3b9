/* sheet_load.c - a returned spreadsheet read against its plan (sheet_load.h). */
#include "sheet_load.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/hashmap.h"
#include "../util/utf8.h"
#include "../util/xalloc.h"
#include "sheet_values.h"

/* Suggestions ("did you mean") search every ref of the plan; only for the first few. */
#define MAX_SUGGESTIONS 20

typedef struct {
    sheet_return *r;
    plan *p;
    diag_list *diags;
    const csv_doc *doc;
    const sheet_column **col_of;    /* by 0-based CSV column: the sheet column, or NULL */
    size_t n_cols;
    hashmap items;                  /* item key -> the row number that named it first */
    hashmap refs;                   /* ref or code -> action, risk or indicator */
    size_t errors, suggestions, cap_rows;
} loader;

static srcpos at(loader *L, int row, int col) { return make_pos(L->doc->file, row, col); }

static const char *cell_name(loader *L, int row, int col)
{
    char c[16];
    csv_column_name(col, c, sizeof c);
    return arena_printf(&L->r->a, "%s%d", c, row);
}

static void error(loader *L, int row, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void error(loader *L, int row, int col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error(L->diags, at(L, row, col), "%s", msg);
    L->errors++;
}

static const char *text_at(const csv_row *row, size_t i) { return i < row->n ? row->cells[i].text : ""; }

/* Lower case, single spaces, trimmed: for the marker's words. */
static void fold(const char *s, char *buf, size_t len)
{
    size_t n = 0;
    int gap = 0;
    for (; *s && n + 2 < len; s++) {
        if (isspace((unsigned char)*s)) {
            gap = 1;
            continue;
        }
        if (gap && n) buf[n++] = ' ';
        gap = 0;
        buf[n++] = (char)tolower((unsigned char)*s);
    }
    buf[n] = '\0';
}

static int blank_row(const csv_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        for (const char *s = row->cells[i].text; *s; s++)
            if (!isspace((unsigned char)*s)) return 0;
    return 1;
}

/* ---- row 1: which sheet, which plan, which date ---------------------------------- */

static int is_marker(const csv_row *row)
{
    char buf[128];
    fold(text_at(row, 0), buf, sizeof buf);
    return !strcmp(buf, SHEET_MARKER);
}

/* 1 when the row has the header of the sheet's key column (Ref, Code). */
static int names_key(const sheet_spec *spec, const csv_row *row)
{
    for (size_t i = 0; i < row->n; i++) {
        const sheet_column *c = sheet_column_by_header(spec, row->cells[i].text);
        if (c && c->col == COL_REF) return 1;
    }
    return 0;
}

static int read_marker(loader *L, const csv_row *row, const char *plan_id)
{
    char buf[128];
    if (!is_marker(row)) {
        error(L, row->row, 1, "this sheet does not start with the row 'tabled export' writes, "
              "so tabled cannot tell which plan it is for; export the plan with 'tabled export' "
              "and enter the updates in that sheet");
        return -1;
    }
    fold(text_at(row, 1), buf, sizeof buf);
    L->r->spec = sheet_spec_named(buf);
    if (!L->r->spec) {
        error(L, row->row, 2, "'%s' is not a kind of sheet tabled exports (actions, risks or "
              "indicators)", text_at(row, 1));
        return -1;
    }
    int plan_col = 0, date_col = 0;
    const char *id = NULL, *date = NULL;
    for (size_t i = 2; i < row->n; i++) {
        const char *t = row->cells[i].text;
        while (isspace((unsigned char)*t)) t++;
        if (!plan_col && !strncasecmp(t, "plan:", 5)) {
            plan_col = (int)i + 1;
            id = sheet_trim(&L->r->a, t + 5);
        } else if (!date_col && !strncasecmp(t, "as at:", 6)) {
            date_col = (int)i + 1;
            date = t + 6;
        }
    }
    if (!id) {
        error(L, row->row, 3, "the sheet does not say which plan it is for (a cell 'plan: NAME' "
              "in row %d); export the plan again with 'tabled export'", row->row);
        return -1;
    }
    if (strcmp(id, plan_id) != 0) {
        error(L, row->row, plan_col, "this sheet is for the plan '%s', not '%s' (%s); import it "
              "into its own plan", id, plan_id, L->p->file);
        return -1;
    }
    char why[256];
    if (!date) {
        error(L, row->row, 4, "the sheet does not say the date it was exported as at (a cell "
              "'as at: DATE' in row %d); export the plan again", row->row);
        return -1;
    }
    L->r->as_at_pos = at(L, row->row, date_col);
    if (sheet_date(date, &L->r->as_at, why, sizeof why) != 0 || !date_has_bounds(L->r->as_at)) {
        error(L, row->row, date_col, "the date the sheet was exported as at, '%s', %s",
              sheet_trim(&L->r->a, date), why[0] ? why : "is not a date");
        return -1;
    }
    return 0;
}

/* ---- the headers --------------------------------------------------------------------- */

static int read_headers(loader *L, const csv_row *row)
{
    const sheet_spec *spec = L->r->spec;
    L->n_cols = row->n;
    L->col_of = arena_alloc(&L->r->a, (row->n + 1) * sizeof *L->col_of);
    int first_at[COL__COUNT] = {0};
    for (size_t i = 0; i < row->n; i++) {
        const char *h = sheet_trim(&L->r->a, row->cells[i].text);
        if (!*h) continue;
        const sheet_column *c = sheet_column_by_header(spec, h);
        char name[16];
        csv_column_name((int)i + 1, name, sizeof name);
        if (!c) {
            diag_warning(L->diags, at(L, row->row, (int)i + 1), "column %s, '%s', is not a column "
                         "of the %s sheet; tabled ignores it", name, h, spec->name);
            continue;
        }
        if (first_at[c->col]) {
            char first[16];
            csv_column_name(first_at[c->col], first, sizeof first);
            error(L, row->row, (int)i + 1, "column %s, '%s', is the same column as %s; keep one",
                  name, h, first);
            continue;
        }
        first_at[c->col] = (int)i + 1;
        L->col_of[i] = c;
    }
    int bad = 0;
    for (size_t i = 0; i < spec->n_columns; i++) {
        const sheet_column *c = &spec->columns[i];
        if (first_at[c->col] || c->role != ROLE_KEY || c->col == COL_MILESTONE) continue;
        error(L, row->row, 1, "row %d has no '%s' column, so tabled cannot tell which %s each "
              "row is about", row->row, c->header, spec->rows);
        bad = 1;
    }
    return bad ? -1 : 0;
}

/* ---- the rows ---------------------------------------------------------------------- */

/* Which item the row's key cells name; NULL after reporting why there is none. */
static void *find_item(loader *L, sheet_row *sr, const csv_row *row, int ref_col)
{
    const sheet_value *ref = &sr->v[COL_REF];
    const sheet_spec *spec = L->r->spec;
    const char *what = spec->kind == SHEET_INDICATORS ? "indicator" : spec->kind == SHEET_RISKS ? "risk" : "action";
    if (!ref->text[0]) {
        error(L, row->row, ref_col, "row %d has no %s, so tabled cannot tell which %s it is "
              "about", row->row, sheet_column_of(spec, COL_REF)->header, spec->rows);
        return NULL;
    }
    void *x = hashmap_get(&L->refs, ref->text);
    if (x) return x;
    const plan *p = L->p;
    const char *near = NULL;
    if (L->suggestions++ < MAX_SUGGESTIONS) {
        size_t n = spec->kind == SHEET_ACTIONS ? p->n_actions : spec->kind == SHEET_RISKS ? p->n_risks : p->n_indicators;
        const char **names = xcalloc(n + 1, sizeof *names);
        for (size_t i = 0; i < n; i++)
            names[i] = spec->kind == SHEET_ACTIONS ? p->actions[i].ref
                       : spec->kind == SHEET_RISKS ? p->risks[i].ref : p->indicators[i].code;
        near = closest_word(ref->text, names, n);
        free(names);
    }
    error(L, row->row, ref_col, "%s '%s' in %s is not in the plan%s%s%s", what, ref->text,
          cell_name(L, row->row, ref_col), near ? "; did you mean '" : "", near ? near : "",
          near ? "'?" : "");
    return NULL;
}

static milestone *find_milestone(loader *L, action *a, const sheet_value *key)
{
    const char *k = key->text;
    if (k[0] == '#') {
        char *end;
        long n = strtol(k + 1, &end, 10);
        if (!*end && end != k + 1 && n >= 1 && (size_t)n <= a->n_milestones) return &a->milestones[n - 1];
    } else {
        for (size_t j = 0; j < a->n_milestones; j++)
            if (a->milestones[j].ref && !strcmp(a->milestones[j].ref, k)) return &a->milestones[j];
        for (size_t j = 0; j < a->n_milestones; j++)
            if (a->milestones[j].title && !strcmp(a->milestones[j].title, k)) return &a->milestones[j];
    }
    if (!a->n_milestones)
        error(L, key->pos.line, key->pos.col, "action %s has no milestones, so Milestone '%s' in "
              "%s names none", a->ref, k, cell_name(L, key->pos.line, key->pos.col));
    else
        error(L, key->pos.line, key->pos.col, "action %s has no milestone '%s' (in %s); its "
              "milestones are #1 to #%zu or their refs", a->ref, k,
              cell_name(L, key->pos.line, key->pos.col), a->n_milestones);
    return NULL;
}

/* Reads a cell as its column's type; reports what does not read. */
static void read_value(loader *L, const sheet_column *c, const csv_cell *cell, sheet_value *v)
{
    v->ok = 1;
    if (!v->text[0]) return;
    const char *raw = cell->text;
    while (*raw == ' ') raw++;
    if (sheet_is_excel_error(v->text)) {
        error(L, v->pos.line, v->pos.col, "%s in %s is Excel's error '%s': Excel could not show "
              "or work out the cell; type the value in again", c->header, cell_name(L, v->pos.line, v->pos.col), v->text);
        v->ok = 0;
        return;
    }
    /* A formula saved as written (=TODAY()) where a date, word or number belongs. Text
     * may start with "=": Excel saves the text of a ="=..." cell that way. */
    if (!cell->formula && cell->text[0] == '=' && c->type != VAL_TEXT) {
        error(L, v->pos.line, v->pos.col, "%s in %s is a formula, '%s', not a value; save the "
              "sheet with its values (or type the value)", c->header, cell_name(L, v->pos.line, v->pos.col), v->text);
        v->ok = 0;
        return;
    }
    char why[320];
    const char *near = NULL;
    switch (c->type) {
    case VAL_TEXT: break;
    case VAL_DATE:
        if (sheet_date(v->text, &v->date, why, sizeof why) != 0) {
            error(L, v->pos.line, v->pos.col, "%s '%s' in %s %s", c->header, v->text, cell_name(L, v->pos.line, v->pos.col), why);
            v->ok = 0;
        }
        break;
    case VAL_STATUS: {
        entered_status s;
        if (sheet_status(v->text, &s, &near) == 0) {
            v->word = (int)s;
        } else {
            error(L, v->pos.line, v->pos.col, "%s '%s' in %s is not one of %s%s%s%s", c->header,
                  v->text, cell_name(L, v->pos.line, v->pos.col), sheet_status_words(), near ? "; did you mean '" : "",
                  near ? near : "", near ? "'?" : "");
            v->ok = 0;
        }
        break;
    }
    case VAL_RAG: {
        stated_rag g;
        if (sheet_rag(v->text, &g, &near) == 0) {
            v->word = (int)g;
        } else {
            error(L, v->pos.line, v->pos.col, "%s '%s' in %s is not one of %s%s%s%s", c->header,
                  v->text, cell_name(L, v->pos.line, v->pos.col), sheet_rag_words(), near ? "; did you mean '" : "",
                  near ? near : "", near ? "'?" : "");
            v->ok = 0;
        }
        break;
    }
    case VAL_SCORE:
        if (sheet_score(v->text, &v->word) != 0) {
            error(L, v->pos.line, v->pos.col, "%s '%s' in %s must be a whole number from 1 to 5",
                  c->header, v->text, cell_name(L, v->pos.line, v->pos.col));
            v->ok = 0;
        }
        break;
    case VAL_NUMBER:
        if (sheet_number(v->text, &v->number) != 0) {
            error(L, v->pos.line, v->pos.col, "%s '%s' in %s is not a number", c->header,
                  v->text, cell_name(L, v->pos.line, v->pos.col));
            v->ok = 0;
        }
        break;
    }
}

static void read_row(loader *L, const csv_row *row)
{
    const sheet_spec *spec = L->r->spec;
    sheet_row sr;
    memset(&sr, 0, sizeof sr);
    sr.row = row->row;
    int ref_col = 1, any = 0;
    for (size_t k = 0; k < COL__COUNT; k++) sr.v[k].text = "";
    for (size_t i = 0; i < L->n_cols; i++) {
        const sheet_column *c = L->col_of[i];
        if (!c) continue;
        sheet_value *v = &sr.v[c->col];
        v->present = 1;
        v->ok = 1; /* blank, unless read_value finds otherwise */
        v->pos = at(L, row->row, (int)i + 1);
        v->text = i < row->n ? sheet_trim(&L->r->a, row->cells[i].text) : "";
        if (v->text[0]) any = 1;
        uint32_t cp;
        if (utf8_find_invisible(v->text, strlen(v->text), &cp) != (size_t)-1)
            /* said here, at the cell, as the plan loader says it of the update file */
            diag_warning(L->diags, v->pos, "U+%04X %s in this cell: an invisible character (is "
                         "it meant?); it is kept in the update file", (unsigned)cp,
                         utf8_invisible_name(cp));
        if (c->col == COL_REF) ref_col = (int)i + 1;
    }
    if (!any) return; /* only cells in columns tabled does not read */

    /* Which item: one message for a row that names none, and nothing more about it. */
    void *item = find_item(L, &sr, row, ref_col);
    if (!item) return;
    const char *key = sr.v[COL_REF].text;
    if (spec->kind == SHEET_ACTIONS) {
        sr.action = item;
        if (sr.v[COL_MILESTONE].text[0]) {
            if (!(sr.milestone = find_milestone(L, sr.action, &sr.v[COL_MILESTONE]))) return;
            key = arena_printf(&L->r->a, "%s\x1f%zu", sr.action->ref,
                               (size_t)(sr.milestone - sr.action->milestones));
        }
    } else if (spec->kind == SHEET_RISKS) {
        sr.risk = item;
    } else {
        sr.indicator = item;
        sheet_value *pv = &sr.v[COL_PERIOD];
        char why[320];
        if (!pv->text[0]) {
            error(L, row->row, pv->pos.col, "row %d gives indicator %s but no Period", row->row, key);
            return;
        }
        if (sheet_date(pv->text, &sr.period, why, sizeof why) != 0 || !date_has_bounds(sr.period)) {
            error(L, row->row, pv->pos.col, "Period '%s' in %s %s", pv->text,
                  cell_name(L, row->row, pv->pos.col), why[0] ? why : "must be a period, not 'ongoing'");
            return;
        }
        /* a period is known by its first day, as in the plan */
        key = arena_printf(&L->r->a, "%s\x1f%d", key, (int)date_first_day(sr.period));
    }
    intptr_t first = (intptr_t)hashmap_get(&L->items, key);
    if (first) {
        if (spec->kind == SHEET_INDICATORS)
            error(L, row->row, ref_col, "row %d is about the same indicator and period as row %d "
                  "(periods that start on the same day, such as a year and its first quarter, are "
                  "one period); give each one row", row->row, (int)first);
        else
            error(L, row->row, ref_col, "row %d is about the same %s as row %d; give each one row",
                  row->row, spec->rows, (int)first);
        return;
    }

    for (size_t i = 0; i < L->n_cols && i < row->n; i++) {
        const sheet_column *c = L->col_of[i];
        if (!c || c->role == ROLE_KEY) continue;
        read_value(L, c, &row->cells[i], &sr.v[c->col]);
    }
    sheet_return *r = L->r;
    if (r->n_rows == L->cap_rows) {
        L->cap_rows = L->cap_rows ? L->cap_rows * 2 : 64;
        r->rows = xrealloc(r->rows, L->cap_rows * sizeof *r->rows);
    }
    r->rows[r->n_rows++] = sr;
    hashmap_put(&L->items, key, (void *)(intptr_t)sr.row); /* row numbers start at 1 */
}

int sheet_return_read(sheet_return *r, plan *p, const char *plan_id, const csv_doc *doc,
                      diag_list *diags)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->a);
    r->file = doc->file;
    loader L;
    memset(&L, 0, sizeof L);
    L.r = r;
    L.p = p;
    L.diags = diags;
    L.doc = doc;
    size_t i = 0;
    while (i < doc->n_rows && blank_row(&doc->rows[i])) i++;
    if (i == doc->n_rows) {
        diag_error(diags, make_pos(doc->file, 0, 0), "the sheet is empty");
        return -2;
    }
    /* Rows an officer put above the marker (a title) are left alone. */
    size_t first = i;
    while (i < doc->n_rows && !is_marker(&doc->rows[i])) i++;
    if (i == doc->n_rows) i = first;
    if (read_marker(&L, &doc->rows[i], plan_id) != 0) return -2;
    /* The headers: the first row naming the key column (rows between are notes). */
    size_t marker = i;
    for (i++; i < doc->n_rows && !names_key(r->spec, &doc->rows[i]); i++) {}
    if (i == doc->n_rows) {
        for (i = marker + 1; i < doc->n_rows && blank_row(&doc->rows[i]); i++) {}
        if (i == doc->n_rows) {
            diag_error(diags, make_pos(doc->file, 0, 0), "the sheet has no column headers and no rows");
            return -2;
        }
    }
    if (read_headers(&L, &doc->rows[i]) != 0) return -2;
    const sheet_spec *spec = r->spec;
    if (spec->kind == SHEET_ACTIONS)
        for (size_t k = 0; k < p->n_actions; k++) hashmap_put(&L.refs, p->actions[k].ref, &p->actions[k]);
    else if (spec->kind == SHEET_RISKS)
        for (size_t k = 0; k < p->n_risks; k++) hashmap_put(&L.refs, p->risks[k].ref, &p->risks[k]);
    else
        for (size_t k = 0; k < p->n_indicators; k++)
            hashmap_put(&L.refs, p->indicators[k].code, &p->indicators[k]);
    for (i++; i < doc->n_rows; i++)
        if (!blank_row(&doc->rows[i])) read_row(&L, &doc->rows[i]);
    hashmap_free(&L.items);
    hashmap_free(&L.refs);
    return L.errors ? -1 : 0;
}

void sheet_return_free(sheet_return *r)
{
    free(r->rows);
    arena_free(&r->a);
    memset(r, 0, sizeof *r);
}
