/* changes.c - comparing the plan as known at P with the plan as known at T. */
#include "changes.h"

#include <stdlib.h>
#include <string.h>

#include "../util/natcmp.h"
#include "../util/xalloc.h"

static const char *const kind_ids[CHANGE__COUNT] = {
    "completed", "cancelled", "reopened", "added", "overdue", "no-longer-overdue", "revised",
    "reported-rag", "status", "risk-new", "risk-closed", "risk-moved", "indicator-moved"};
static const char *const kind_titles[CHANGE__COUNT] = {
    "Completed", "Cancelled", "Reopened", "Added to the plan", "Became overdue",
    "No longer overdue", "Revised dates", "Reported RAG moved", "Status moved", "New risks",
    "Risks closed", "Net risk band moved", "Indicator status moved"};

const char *change_kind_id(change_kind k) { return k < CHANGE__COUNT ? kind_ids[k] : ""; }
const char *change_kind_title(change_kind k) { return k < CHANGE__COUNT ? kind_titles[k] : ""; }

typedef struct {
    change_row *rows;
    size_t n, cap;
} row_list;

static change_row *add(row_list *l, change_kind kind)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->rows = xrealloc(l->rows, l->cap * sizeof *l->rows);
    }
    change_row *r = &l->rows[l->n++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    return r;
}

/* -1 worse, +1 better, 0 when equal or not comparable; lower levels are better. */
static int compare_levels(rag_level before, rag_level after)
{
    if (before == LEVEL_NONE || after == LEVEL_NONE || before == after) return 0;
    return after < before ? 1 : -1;
}

/* The derived RAG on the scale an officer would use: not yet due counts as green. */
static rag_level rag_of(derived_status d)
{
    rag_level l = status_level(d.kind);
    return l == LEVEL_NOT_DUE ? LEVEL_GREEN : l;
}

static int is_closed(status_kind k) { return k == STATUS_COMPLETE || k == STATUS_CANCELLED; }

static void action_rows(row_list *l, const action *a, derived_status b, derived_status t)
{
    int listed = 0;
    change_row *r;
#define ROW(KIND, DIR)                                                                       \
    do {                                                                                     \
        r = add(l, KIND);                                                                    \
        r->action = a;                                                                       \
        r->theme = a->theme;                                                                 \
        r->before = b;                                                                       \
        r->after = t;                                                                        \
        r->direction = DIR;                                                                  \
        listed = 1;                                                                          \
    } while (0)
    if (t.kind == STATUS_COMPLETE && b.kind != STATUS_COMPLETE) ROW(CHANGE_COMPLETED, 1);
    if (t.kind == STATUS_CANCELLED && b.kind != STATUS_CANCELLED) ROW(CHANGE_CANCELLED, 0);
    if (is_closed(b.kind) && !is_closed(t.kind)) ROW(CHANGE_REOPENED, 0);
    if (t.kind == STATUS_OVERDUE && b.kind != STATUS_OVERDUE) ROW(CHANGE_OVERDUE, -1);
    if (b.kind == STATUS_OVERDUE && t.kind != STATUS_OVERDUE && !is_closed(t.kind))
        ROW(CHANGE_NO_LONGER_OVERDUE, 1);
    int moved = listed;
    if (b.reported != t.reported)
        ROW(CHANGE_REPORTED, compare_levels(stated_level(b.reported), stated_level(t.reported)));
    if (!moved && rag_of(b) != rag_of(t)) ROW(CHANGE_STATUS, compare_levels(rag_of(b), rag_of(t)));
#undef ROW
}

static void revision_rows(row_list *l, const action *a, const milestone *m, const schedule *s,
                          day_t since, day_t as_at)
{
    for (size_t k = 0; k < s->n_revisions; k++) {
        const revision *v = &s->revisions[k];
        if (v->known <= since || !known_at(v->known, as_at)) continue;
        change_row *r = add(l, CHANGE_REVISED);
        r->action = a;
        r->milestone = m;
        r->theme = a->theme;
        r->revision = v;
        r->due_before = k ? s->revisions[k - 1].date : s->due;
        if (date_has_bounds(r->due_before) && date_has_bounds(v->date)) {
            r->has_slip = 1;
            r->days_slipped = (int)(date_last_day(v->date) - date_last_day(r->due_before));
        }
        int order = due_order(v->date, r->due_before);
        r->direction = order > 0 ? -1 : order < 0 ? 1 : 0;
    }
}

static void risk_rows(row_list *l, const risk *k, day_t since, day_t as_at)
{
    risk_view b = risk_at(k, since), t = risk_at(k, as_at);
    change_row *r;
    if (k->added_known > since && known_at(k->added_known, as_at) && !t.closed) {
        r = add(l, CHANGE_RISK_NEW);
    } else if (t.closed && !b.closed && known_at(k->added_known, since)) {
        r = add(l, CHANGE_RISK_CLOSED);
    } else if (b.present && t.present &&
               risk_band_of(risk_score_value(b.net)) != risk_band_of(risk_score_value(t.net))) {
        r = add(l, CHANGE_RISK_MOVED);
        int sb = risk_score_value(b.net), st = risk_score_value(t.net);
        r->direction = !sb || !st ? 0 : st < sb ? 1 : -1;
    } else {
        return;
    }
    r->risk = k;
    r->theme = k->theme;
    r->risk_before = b;
    r->risk_after = t;
}

static int result_rank(indicator_result x)
{
    return x == IND_MET ? 3 : x == IND_WITHIN_TOLERANCE ? 2 : x == IND_MISSED ? 1 : 0;
}

static void indicator_rows(row_list *l, const indicator *ind, day_t since, day_t as_at)
{
    fuzzy_date pb = {DATE_NONE, 0, 0, 0, 0}, pt = pb;
    int hb = indicator_latest_period(ind, since, &pb);
    int ht = indicator_latest_period(ind, as_at, &pt);
    indicator_period sb = {0, 0, 0, 0, IND_NO_DATA, DIR_NONE}, st = sb;
    if (hb) sb = indicator_status(ind, pb, since);
    if (ht) st = indicator_status(ind, pt, as_at);
    if (sb.result == st.result) return;
    change_row *r = add(l, CHANGE_INDICATOR);
    r->indicator = ind;
    r->theme = ind->theme;
    r->ind_has_before = hb;
    r->ind_has_after = ht;
    r->ind_period_before = pb;
    r->ind_period_after = pt;
    r->ind_before = sb;
    r->ind_after = st;
    int rb = result_rank(sb.result), rt = result_rank(st.result);
    r->direction = !rb || !rt ? 0 : rt > rb ? 1 : -1;
}

static const char *row_ref(const change_row *r)
{
    return r->action ? r->action->ref : r->risk ? r->risk->ref : r->indicator ? r->indicator->code : "";
}

static size_t row_index(const change_row *r)
{
    if (r->action) return r->action->index;
    return 0;
}

static int cmp_rows(const void *pa, const void *pb)
{
    const change_row *a = pa, *b = pb;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    size_t ta = a->theme ? a->theme->index : (size_t)-1;
    size_t tb = b->theme ? b->theme->index : (size_t)-1;
    if (ta != tb) return ta < tb ? -1 : 1;
    int c = natcmp(row_ref(a), row_ref(b));
    if (c) return c;
    if (row_index(a) != row_index(b)) return row_index(a) < row_index(b) ? -1 : 1;
    /* the action's own revisions before its milestones', each in the order agreed */
    const void *ma = a->milestone, *mb = b->milestone;
    if (ma != mb) {
        if (!ma || !mb) return ma ? 1 : -1;
        return ma < mb ? -1 : 1;
    }
    const void *ra = a->revision, *rb = b->revision;
    if (ra != rb) return ra < rb ? -1 : 1;
    return 0;
}

void changes_compute(changes *c, arena *a, const plan *p, day_t since, day_t as_at,
                     const derived_status *before, const unsigned char *present_before,
                     const derived_status *after, const unsigned char *present_after)
{
    memset(c, 0, sizeof *c);
    c->since = since;
    c->as_at = as_at;
    row_list l = {NULL, 0, 0};
    for (size_t i = 0; i < p->n_actions; i++) {
        const action *x = &p->actions[i];
        if (!present_after[i]) continue;
        if (!present_before[i]) {
            change_row *r = add(&l, CHANGE_ADDED);
            r->action = x;
            r->theme = x->theme;
            r->after = after[i];
        } else {
            action_rows(&l, x, before[i], after[i]);
        }
        revision_rows(&l, x, NULL, &x->s, since, as_at);
        for (size_t j = 0; j < x->n_milestones; j++)
            revision_rows(&l, x, &x->milestones[j], &x->milestones[j].s, since, as_at);
    }
    for (size_t i = 0; i < p->n_risks; i++) risk_rows(&l, &p->risks[i], since, as_at);
    for (size_t i = 0; i < p->n_indicators; i++) indicator_rows(&l, &p->indicators[i], since, as_at);
    if (l.n) qsort(l.rows, l.n, sizeof *l.rows, cmp_rows);
    c->rows = arena_alloc(a, (l.n + 1) * sizeof *c->rows);
    if (l.n) memcpy(c->rows, l.rows, l.n * sizeof *c->rows);
    c->n_rows = l.n;
    free(l.rows);
    for (size_t i = 0; i < c->n_rows; i++) {
        const change_row *r = &c->rows[i];
        c->count[r->kind]++;
        if (r->direction < 0) c->worse[r->kind]++;
        if (r->direction > 0) c->better[r->kind]++;
    }
}
