/* history_load.c - dated entries written in the plan, and the checks on each history
 * once the update files are merged in. */
#include "history_load.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const update_keys[] = {"date", "status", "rag", "progress", "completed",
                                          "reopened"};
static const char *const review_keys[] = {"date", "inherent", "net", "review-by", "note"};
static const char *const score_keys[] = {"likelihood", "impact"};
static const char *const status_words[] = {"not-started", "in-progress", "complete",
                                           "cancelled"};
static const char *const rag_words[] = {"red", "amber", "green", "complete"};

day_t entry_day(fuzzy_date d)
{
    return date_last_day(d);
}

int read_update_fields(schema_ctx *c, const ynode *map, const schedule *s, schedule_update *u,
                       const char *where)
{
    int n = 0;
    const ynode *st = schema_given(map, "status");
    if (st) {
        n++;
        int k = schema_enum(c, st, status_words, N(status_words), "status", where);
        if (k >= 0) u->status = (entered_status)(k + 1);
    }
    const ynode *rag = schema_given(map, "rag");
    if (rag) {
        n++;
        u->rag_pos = rag->pos;
        int k = schema_enum(c, rag, rag_words, N(rag_words), "rag", where);
        if (k >= 0) u->rag = (stated_rag)(k + 1);
    }
    if ((u->progress = schema_text_copy(c, map, "progress", where))) n++;
    if ((u->reopened = schema_text_copy(c, map, "reopened", where))) n++;
    srcpos cpos = map->pos;
    int has_completed = schema_date_as(c, map, "completed", "completion date",
                                       DATE_ACCEPT(DATE_DAY) | DATE_ACCEPT(DATE_MONTH),
                                       &u->completed, &cpos);
    if (has_completed != 0) n++;
    if (has_completed <= 0) {
        u->completed.kind = DATE_NONE;
        return n;
    }
    char a[DATE_BUF], b[DATE_BUF];
    date_format(u->completed, a, sizeof a);
    if (date_first_day(u->completed) > c->today) {
        diag_error(c->diags, cpos, "completion date %s of %s is in the future", a, where);
    } else if (date_has_bounds(s->start) &&
               date_last_day(u->completed) < date_first_day(s->start)) {
        date_format(s->start, b, sizeof b);
        diag_error(c->diags, cpos, "completion date %s of %s is before its start, %s", a, where, b);
    } else if (u->date.kind != DATE_NONE && date_first_day(u->completed) > entry_day(u->date)) {
        date_format(u->date, b, sizeof b);
        diag_error(c->diags, cpos,
                   "completion date %s of %s is after %s, the date the update reports on", a,
                   where, b);
    }
    if (u->status == ENTERED_NONE)
        u->status = ENTERED_COMPLETE;
    else if (u->status != ENTERED_COMPLETE)
        diag_error(c->diags, cpos,
                   "%s has a completion date but status '%s'; set status: complete or remove "
                   "'completed'",
                   where, entered_status_name(u->status));
    return n;
}

/* The date of a dated entry: required, a period with bounds, not in the future. */
static int entry_date(schema_ctx *c, const ynode *map, fuzzy_date *out, const char *what,
                      const char *where)
{
    srcpos pos = map->pos;
    int ok = schema_date_as(c, map, "date", "date", DATE_ACCEPT_PERIOD, out, &pos);
    if (ok == 0) {
        diag_error(c->diags, map->pos, "%s of %s has no 'date'; add the date it reports on",
                   what, where);
        return -1;
    }
    if (ok < 0) return -1;
    if (date_first_day(*out) > c->today) {
        char d[DATE_BUF];
        date_format(*out, d, sizeof d);
        diag_error(c->diags, pos, "%s of %s is dated %s, which is in the future", what, where, d);
        return -1;
    }
    return 0;
}

/* Entries of one written list must be in date order. */
static void check_list_order(schema_ctx *c, day_t prev, day_t cur, fuzzy_date prev_d,
                             fuzzy_date cur_d, srcpos pos, const char *what, const char *where)
{
    if (cur > prev) return;
    char a[DATE_BUF], b[DATE_BUF];
    date_format(cur_d, a, sizeof a);
    date_format(prev_d, b, sizeof b);
    if (cur == prev)
        diag_error(c->diags, pos, "two %ss of %s for %s; give each its own date", what, where, a);
    else
        diag_error(c->diags, pos, "the %ss of %s must be in date order: %s comes after %s", what,
                   where, a, b);
}

void load_schedule_updates(schema_ctx *c, const ynode *map, schedule *s, const char *where,
                           day_t undated_known)
{
    const ynode *list = schema_given(map, "updates");
    /* The simple form is read first, into a local: most schedules have only it, or
     * nothing at all, and need no more room than that. */
    schedule_update simple;
    memset(&simple, 0, sizeof simple);
    simple.known = undated_known;
    simple.pos = map->pos;
    int has_simple = read_update_fields(c, map, s, &simple, where) > 0;
    size_t n = (size_t)has_simple + (list && list->kind == YN_SEQ ? list->len : 0);
    if (!n && !list) return;
    s->updates = arena_alloc(c->a, (n ? n : 1) * sizeof *s->updates);
    if (has_simple) {
        if (simple.completed.kind != DATE_NONE && undated_known != DAY_ALWAYS &&
            date_first_day(simple.completed) > undated_known) {
            char a[DATE_BUF];
            date_format(simple.completed, a, sizeof a);
            diag_warning(c->diags, simple.pos,
                         "%s was completed on %s, after the plan's 'updated' date, when its "
                         "status counts as entered; move 'updated' on or give the status a date "
                         "in 'updates:'",
                         where, a);
        }
        s->updates[s->n_updates++] = simple;
    }

    if (!list || !schema_expect(c, list, YN_SEQ, "updates", where)) return;
    const schedule_update *prev = NULL;
    for (size_t i = 0; i < list->len; i++) {
        const ynode *it = list->items[i];
        if (!schema_expect(c, it, YN_MAP, NULL, "each update")) continue;
        schema_check_keys(c, it, update_keys, N(update_keys), "an update");
        schedule_update *v = &s->updates[s->n_updates];
        memset(v, 0, sizeof *v);
        v->pos = it->pos;
        if (entry_date(c, it, &v->date, "an update", where) != 0) continue;
        v->known = entry_day(v->date);
        read_update_fields(c, it, s, v, where);
        if (prev) check_list_order(c, prev->known, v->known, prev->date, v->date, v->pos,
                                   "update", where);
        prev = v;
        s->n_updates++;
    }
}

void set_revisions_known(schema_ctx *c, schedule *s, const char *where, day_t undated_known)
{
    const revision *prev = NULL;
    for (size_t i = 0; i < s->n_revisions; i++) {
        revision *v = &s->revisions[i];
        if (!date_has_bounds(v->agreed)) continue;
        v->known = entry_day(v->agreed);
        if (prev && v->known < prev->known) {
            char a[DATE_BUF], b[DATE_BUF];
            date_format(v->agreed, a, sizeof a);
            date_format(prev->agreed, b, sizeof b);
            diag_warning(c->diags, v->pos,
                         "the revisions of %s are not in the order they were agreed: this one was "
                         "agreed %s, before the one above it (%s); the one agreed last is taken "
                         "as the due date in force",
                         where, a, b);
        }
        prev = v;
    }
    /* An undated revision counts from the plan's updated date, but was agreed no later
     * than the revisions listed after it. */
    day_t later = DAY_NEVER;
    for (size_t i = s->n_revisions; i > 0; i--) {
        revision *v = &s->revisions[i - 1];
        if (!date_has_bounds(v->agreed)) v->known = undated_known < later ? undated_known : later;
        later = v->known;
    }
}

void read_risk_score(schema_ctx *c, const ynode *map, const char *key, risk_score *out,
                     const char *where)
{
    const ynode *s = schema_given(map, key);
    if (!s || !schema_expect(c, s, YN_MAP, key, where)) return;
    schema_check_keys(c, s, score_keys, N(score_keys), key);
    if (schema_int(c, s, "likelihood", 1, 5, &out->likelihood, key) == 0)
        diag_error(c->diags, s->pos, "'%s' of %s has no likelihood (1-5)", key, where);
    if (schema_int(c, s, "impact", 1, 5, &out->impact, key) == 0)
        diag_error(c->diags, s->pos, "'%s' of %s has no impact (1-5)", key, where);
    if (!out->likelihood || !out->impact) *out = (risk_score){0, 0};
}

void read_review_fields(schema_ctx *c, const ynode *map, risk_review *w, const char *where)
{
    read_risk_score(c, map, "inherent", &w->inherent, where);
    read_risk_score(c, map, "net", &w->net, where);
    schema_date_as(c, map, "review-by", "next review date", DATE_ACCEPT_PERIOD, &w->review_by, NULL);
    w->note = schema_text_copy(c, map, "note", where);
}

void load_risk_history(schema_ctx *c, const ynode *map, risk *r, const char *where,
                       day_t undated_known)
{
    const ynode *list = schema_given(map, "reviews");
    size_t n = 1 + (list && list->kind == YN_SEQ ? list->len : 0);
    r->reviews = arena_alloc(c->a, (n + 1) * sizeof *r->reviews);

    /* The simple form: one review, dated by 'reviewed' when given. */
    risk_review *w = &r->reviews[0];
    srcpos rpos = map->pos;
    int dated = schema_date_as(c, map, "reviewed", "review date", DATE_ACCEPT_PERIOD, &w->date, &rpos) > 0;
    read_risk_score(c, map, "inherent", &w->inherent, where);
    read_risk_score(c, map, "net", &w->net, where);
    schema_date_as(c, map, "review-by", "next review date", DATE_ACCEPT_PERIOD, &w->review_by, NULL);
    w->pos = map->pos;
    w->known = dated ? entry_day(w->date) : undated_known;
    if (dated || w->inherent.likelihood || w->net.likelihood || w->review_by.kind != DATE_NONE)
        r->n_reviews = 1;
    else
        memset(w, 0, sizeof *w);

    if (list && schema_expect(c, list, YN_SEQ, "reviews", where)) {
        const risk_review *prev = NULL;
        for (size_t i = 0; i < list->len; i++) {
            const ynode *it = list->items[i];
            if (!schema_expect(c, it, YN_MAP, NULL, "each review")) continue;
            schema_check_keys(c, it, review_keys, N(review_keys), "a review");
            risk_review *v = &r->reviews[r->n_reviews];
            memset(v, 0, sizeof *v);
            v->pos = it->pos;
            if (entry_date(c, it, &v->date, "a review", where) != 0) continue;
            v->known = entry_day(v->date);
            read_review_fields(c, it, v, where);
            if (prev) check_list_order(c, prev->known, v->known, prev->date, v->date, v->pos,
                                       "review", where);
            prev = v;
            r->n_reviews++;
        }
    }

    srcpos apos = map->pos, cpos = map->pos;
    r->added_known = DAY_ALWAYS;
    r->closed_known = DAY_NEVER;
    if (schema_date_as(c, map, "added", "date added", DATE_ACCEPT_PERIOD, &r->added, &apos) > 0)
        r->added_known = entry_day(r->added);
    if (schema_date_as(c, map, "closed", "date closed", DATE_ACCEPT_PERIOD, &r->closed, &cpos) > 0) {
        r->closed_known = entry_day(r->closed);
        if (r->closed_known < r->added_known)
            diag_error(c->diags, cpos, "%s is closed before it was added", where);
    }
}

/* ---- once everything is merged --------------------------------------------------- */

typedef struct {
    day_t known;
    size_t index;
} order_key;

static int cmp_order(const void *pa, const void *pb)
{
    const order_key *a = pa, *b = pb;
    if (a->known != b->known) return a->known < b->known ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Stable sort of n elements of `size` bytes by the day_t at known_offset. */
static void sort_by_known(void *base, size_t n, size_t size, size_t known_offset)
{
    if (n < 2) return;
    char *p = base;
    int sorted = 1;
    for (size_t i = 1; i < n && sorted; i++) {
        day_t a, b;
        memcpy(&a, p + (i - 1) * size + known_offset, sizeof a);
        memcpy(&b, p + i * size + known_offset, sizeof b);
        sorted = a <= b;
    }
    if (sorted) return;
    order_key *k = xmalloc(n * sizeof *k);
    for (size_t i = 0; i < n; i++) {
        memcpy(&k[i].known, p + i * size + known_offset, sizeof k[i].known);
        k[i].index = i;
    }
    qsort(k, n, sizeof *k, cmp_order);
    char *tmp = xmalloc(n * size);
    for (size_t i = 0; i < n; i++) memcpy(tmp + i * size, p + k[i].index * size, size);
    memcpy(p, tmp, n * size);
    free(tmp);
    free(k);
}

/* What a history belongs to, named only when a message needs it (a plan has many). */
typedef struct {
    const char *kind;       /* "action", "risk", "indicator" */
    const char *ref;
    size_t milestone;       /* 1-based milestone of the action; 0 for the thing itself */
} subject;

typedef struct {
    diag_list *diags;
    arena *a;
    const srcpos *first_undated;    /* the first value with no date */
    subject undated_subject;
    day_t latest;
} finish_ctx;

static const char *name_of(finish_ctx *f, subject s)
{
    if (s.milestone) return arena_printf(f->a, "milestone %zu of action %s", s.milestone, s.ref);
    return arena_printf(f->a, "%s %s", s.kind, s.ref);
}

static void note_undated(finish_ctx *f, const srcpos *pos, subject s)
{
    if (f->first_undated) return;
    f->first_undated = pos;
    f->undated_subject = s;
}

static int is_closed(entered_status s) { return s == ENTERED_COMPLETE || s == ENTERED_CANCELLED; }

static void finish_schedule(finish_ctx *f, schedule *s, subject who)
{
    sort_by_known(s->updates, s->n_updates, sizeof *s->updates, offsetof(schedule_update, known));
    sort_by_known(s->revisions, s->n_revisions, sizeof *s->revisions, offsetof(revision, known));
    entered_status last = ENTERED_NONE;
    const schedule_update *last_closed = NULL;
    for (size_t i = 0; i < s->n_updates; i++) {
        const schedule_update *u = &s->updates[i];
        if (u->date.kind == DATE_NONE) note_undated(f, &u->pos, who);
        else if (u->known > f->latest) f->latest = u->known;
        if (i > 0 && s->updates[i - 1].known == u->known) {
            const char *where = name_of(f, who);
            const schedule_update *p = &s->updates[i - 1];
            char d[DATE_BUF];
            date_format(date_of_day(u->known), d, sizeof d);
            if (p->date.kind == DATE_NONE || u->date.kind == DATE_NONE)
                diag_warning(f->diags, p->date.kind == DATE_NONE ? p->pos : u->pos,
                             "the undated status of %s counts as entered on %s, the plan's "
                             "'updated' date, the day of its update at %s:%d; the update is used",
                             where, d, (p->date.kind == DATE_NONE ? u : p)->pos.file,
                             (p->date.kind == DATE_NONE ? u : p)->pos.line);
            else
                diag_error(f->diags, u->pos,
                           "a second update of %s for %s (the first is at %s:%d); give each "
                           "update its own date",
                           where, d, p->pos.file, p->pos.line);
        }
        if (u->status == ENTERED_NONE) {
            if (u->reopened)
                diag_warning(f->diags, u->pos, "'reopened' needs a status: the status %s is "
                             "reopened to (not-started or in-progress)", name_of(f, who));
            continue;
        }
        if (is_closed(last) && !is_closed(u->status) && !u->reopened) {
            const char *where = name_of(f, who);
            char d[DATE_BUF];
            date_format(last_closed->date.kind ? last_closed->date : date_of_day(last_closed->known),
                        d, sizeof d);
            diag_warning(f->diags, u->pos,
                         "%s was reported %s in the update of %s (%s:%d) and is %s here; say why "
                         "it is open again with 'reopened: REASON'",
                         where, entered_status_name(last), d, last_closed->pos.file,
                         last_closed->pos.line, entered_status_name(u->status));
        } else if (u->reopened && !(is_closed(last) && !is_closed(u->status))) {
            diag_warning(f->diags, u->pos,
                         "'reopened' is for an update that opens %s again after it was reported "
                         "complete or cancelled",
                         name_of(f, who));
        }
        if (is_closed(u->status)) last_closed = u;
        last = u->status;
    }
    for (size_t i = 0; i < s->n_revisions; i++)
        if (!date_has_bounds(s->revisions[i].agreed)) note_undated(f, &s->revisions[i].pos, who);
}

static void finish_risk(finish_ctx *f, risk *r)
{
    subject who = {"risk", r->ref, 0};
    sort_by_known(r->reviews, r->n_reviews, sizeof *r->reviews, offsetof(risk_review, known));
    for (size_t i = 0; i < r->n_reviews; i++) {
        const risk_review *w = &r->reviews[i];
        if (w->date.kind == DATE_NONE) note_undated(f, &w->pos, who);
        else if (w->known > f->latest) f->latest = w->known;
        if (i > 0 && r->reviews[i - 1].known == w->known && w->date.kind != DATE_NONE &&
            r->reviews[i - 1].date.kind != DATE_NONE) {
            char d[DATE_BUF];
            date_format(w->date, d, sizeof d);
            diag_error(f->diags, w->pos, "a second review of %s for %s (the first is at %s:%d)",
                       name_of(f, who), d, r->reviews[i - 1].pos.file, r->reviews[i - 1].pos.line);
        }
    }
}

typedef struct {
    day_t first, known;
    size_t index;
} actual_key;

static int cmp_actual(const void *pa, const void *pb)
{
    const actual_key *a = pa, *b = pb;
    if (a->first != b->first) return a->first < b->first ? -1 : 1;
    if (a->known != b->known) return a->known < b->known ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void finish_indicator(finish_ctx *f, indicator *ind)
{
    size_t n = ind->n_actuals;
    if (n < 2) return;
    actual_key *k = xmalloc(n * sizeof *k);
    for (size_t i = 0; i < n; i++)
        k[i] = (actual_key){date_first_day(ind->actuals[i].period), ind->actuals[i].known, i};
    qsort(k, n, sizeof *k, cmp_actual);
    period_value *tmp = xmalloc(n * sizeof *tmp);
    for (size_t i = 0; i < n; i++) tmp[i] = ind->actuals[k[i].index];
    memcpy(ind->actuals, tmp, n * sizeof *tmp);
    free(tmp);
    free(k);
    for (size_t i = 1; i < n; i++) {
        const period_value *a = &ind->actuals[i - 1], *b = &ind->actuals[i];
        /* Two in the plan's own map are reported by the plan loader. */
        if (date_first_day(a->period) != date_first_day(b->period) || a->known != b->known ||
            b->known == DAY_ALWAYS)
            continue;
        char d[DATE_BUF];
        date_format(b->period, d, sizeof d);
        diag_error(f->diags, b->pos, "a second actual of %s for %s in the same update (the "
                   "first is at %s:%d)", name_of(f, (subject){"indicator", ind->code, 0}), d, a->pos.file, a->pos.line);
    }
}

void plan_history_finish(plan *p, diag_list *diags)
{
    finish_ctx f = {diags, &p->arena, NULL, {NULL, NULL, 0}, DAY_ALWAYS};
    for (size_t i = 0; i < p->n_actions; i++) {
        action *a = &p->actions[i];
        finish_schedule(&f, &a->s, (subject){"action", a->ref, 0});
        for (size_t j = 0; j < a->n_milestones; j++)
            finish_schedule(&f, &a->milestones[j].s, (subject){"action", a->ref, j + 1});
    }
    for (size_t i = 0; i < p->n_risks; i++) finish_risk(&f, &p->risks[i]);
    for (size_t i = 0; i < p->n_indicators; i++) finish_indicator(&f, &p->indicators[i]);
    p->latest_known = f.latest;
    if (f.first_undated && p->undated_known == DAY_ALWAYS)
        diag_warning(diags, *f.first_undated,
                     "%s has a status, RAG, progress note, revision or risk score with no date, "
                     "and the plan has no 'updated' date to say when it was true; add "
                     "'updated: DATE' to 'plan' (undated values then count from that date)",
                     name_of(&f, f.undated_subject));
}
