/* updates_load.c - reading update files and merging them into the plan.
 *
 * Two passes: each file is read into a list of pending entries (an update of an
 * action or milestone, a revision, a risk review or closure, an indicator actual),
 * checked and positioned in its file; then the entries are grouped by what they are
 * about and appended to the plan's arrays, once each. plan_history_finish then sorts
 * every history into the order it became known. */
#include "updates_load.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/fileio.h"
#include "../util/hashmap.h"
#include "../util/project_root.h"
#include "../util/xalloc.h"
#include "history_load.h"
#include "indicator_load.h"
#include "schema.h"
#include "yaml_tree.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const file_keys[] = {"date", "actions", "risks", "indicators"};
static const char *const action_keys[] = {"ref", "date", "status", "rag", "progress",
                                          "completed", "reopened", "revisions", "milestones"};
static const char *const milestone_keys[] = {"ref", "number", "title", "date", "status", "rag",
                                             "progress", "completed", "reopened", "revisions"};
static const char *const revision_keys[] = {"date", "agreed", "reason"};
static const char *const risk_keys[] = {"ref", "date", "inherent", "net", "review-by", "note",
                                        "closed"};
static const char *const indicator_keys[] = {"code", "date", "actuals"};

typedef enum { PK_UPDATE, PK_REVISION, PK_REVIEW, PK_CLOSE, PK_ACTUAL } pending_kind;

typedef struct {
    pending_kind kind;
    void *target;               /* schedule (UPDATE, REVISION), risk, indicator */
    size_t seq;                 /* order read: files in name order, entries in file order */
    union {
        schedule_update u;
        revision v;
        risk_review w;          /* REVIEW; CLOSE uses date, known and pos */
        period_value a;
    } e;
} pending;

typedef struct {
    plan *p;
    diag_list *diags;
    schema_ctx sc;
    hashmap actions, risks, indicators;
    pending *items;
    size_t n, cap;
} merger;

static void merger_init(merger *m, plan *p, diag_list *diags)
{
    memset(m, 0, sizeof *m);
    m->p = p;
    m->diags = diags;
    m->sc.a = &p->arena;
    m->sc.diags = diags;
    m->sc.today = date_today();
    for (size_t i = 0; i < p->n_actions; i++) hashmap_put(&m->actions, p->actions[i].ref, &p->actions[i]);
    for (size_t i = 0; i < p->n_risks; i++) hashmap_put(&m->risks, p->risks[i].ref, &p->risks[i]);
    for (size_t i = 0; i < p->n_indicators; i++)
        hashmap_put(&m->indicators, p->indicators[i].code, &p->indicators[i]);
}

static pending *add(merger *m, pending_kind kind, void *target)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        m->items = xrealloc(m->items, m->cap * sizeof *m->items);
    }
    pending *x = &m->items[m->n];
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->target = target;
    x->seq = m->n++;
    return x;
}

/* "is not in the plan; did you mean ...?" for a reference of kind `what`. */
static void unknown_ref(merger *m, const ynode *ref, const char *what, const char *const *known,
                        size_t n)
{
    const char *near = closest_word(ref->text, known, n);
    if (near)
        diag_error(m->diags, ref->pos, "%s '%s' is not in the plan %s; did you mean '%s'?", what,
                   ref->text, m->p->file, near);
    else
        diag_error(m->diags, ref->pos, "%s '%s' is not in the plan %s", what, ref->text, m->p->file);
}

static void *find_ref(merger *m, hashmap *map, const ynode *item, const char *key,
                      const char *what)
{
    const ynode *ref = ynode_get(item, key);
    if (!ref || schema_is_null(ref)) {
        diag_error(m->diags, item->pos, "each entry under '%ss' needs '%s', naming the %s", what,
                   key, what);
        return NULL;
    }
    if (!schema_expect(&m->sc, ref, YN_SCALAR, key, what)) return NULL;
    void *o = hashmap_get(map, ref->text);
    if (o) return o;
    const plan *p = m->p;
    size_t n = map == &m->actions ? p->n_actions : map == &m->risks ? p->n_risks : p->n_indicators;
    const char **names = xcalloc(n + 1, sizeof *names);
    for (size_t i = 0; i < n; i++)
        names[i] = map == &m->actions ? p->actions[i].ref
                   : map == &m->risks ? p->risks[i].ref : p->indicators[i].code;
    unknown_ref(m, ref, what, names, n);
    free(names);
    return NULL;
}

/* The date an entry reports on: its own 'date', else the file's. -1 after an error. */
static int entry_date(merger *m, const ynode *item, const fuzzy_date *file_date,
                      fuzzy_date *out, const char *where)
{
    srcpos pos = item->pos;
    int ok = schema_date_as(&m->sc, item, "date", "date", DATE_ACCEPT_PERIOD, out, &pos);
    if (ok < 0) return -1;
    if (ok == 0) {
        if (file_date->kind == DATE_NONE) {
            diag_error(m->diags, item->pos, "the entry for %s has no date, and the file has no "
                       "'date' for it; add 'date: ...' at the top of the file", where);
            return -1;
        }
        *out = *file_date;
        return 0;
    }
    char d[DATE_BUF];
    date_format(*out, d, sizeof d);
    if (date_first_day(*out) > m->sc.today) {
        diag_error(m->diags, pos, "the entry for %s is dated %s, which is in the future", where, d);
        return -1;
    }
    return 0;
}

static void read_revisions(merger *m, const ynode *item, schedule *s, fuzzy_date date,
                           const char *where)
{
    const ynode *list = ynode_get(item, "revisions");
    if (!list || schema_is_null(list) || !schema_expect(&m->sc, list, YN_SEQ, "revisions", where))
        return;
    char a[DATE_BUF], b[DATE_BUF];
    for (size_t i = 0; i < list->len; i++) {
        const ynode *it = list->items[i];
        if (!schema_expect(&m->sc, it, YN_MAP, NULL, "each revision")) continue;
        schema_check_keys(&m->sc, it, revision_keys, N(revision_keys), "a revision");
        revision v;
        memset(&v, 0, sizeof v);
        v.pos = it->pos;
        int ok = schema_date(&m->sc, it, "date", "revised date", &v.date, &v.pos);
        if (ok == 0)
            diag_error(m->diags, it->pos, "revision of %s has no 'date'; add the new due date", where);
        if (ok <= 0) continue;
        srcpos apos = it->pos;
        if (schema_date_as(&m->sc, it, "agreed", "agreed date", DATE_ACCEPT_PERIOD, &v.agreed, &apos) > 0 &&
            date_has_bounds(v.agreed) && date_first_day(v.agreed) > entry_day(date)) {
            date_format(v.agreed, a, sizeof a);
            date_format(date, b, sizeof b);
            diag_error(m->diags, apos, "a revision of %s agreed on %s cannot be reported in an "
                       "update dated %s", where, a, b);
        }
        const char *reason = schema_text(&m->sc, it, "reason", 0, "a revision");
        v.reason = reason ? arena_strdup(&m->p->arena, reason) : NULL;
        v.known = entry_day(date);
        if (v.date.kind != DATE_ONGOING && date_has_bounds(s->start) &&
            date_last_day(v.date) < date_first_day(s->start)) {
            date_format(v.date, a, sizeof a);
            date_format(s->start, b, sizeof b);
            diag_error(m->diags, v.pos, "revised date %s of %s moves before its start, %s", a,
                       where, b);
            continue;
        }
        add(m, PK_REVISION, s)->e.v = v;
    }
}

/* The update fields and revisions of an action or milestone entry. */
static void read_schedule_entry(merger *m, const ynode *item, schedule *s,
                                const fuzzy_date *file_date, const char *where)
{
    fuzzy_date date;
    if (entry_date(m, item, file_date, &date, where) != 0) return;
    schedule_update u;
    memset(&u, 0, sizeof u);
    u.date = date;
    u.known = entry_day(date);
    u.pos = item->pos;
    if (read_update_fields(&m->sc, item, s, &u, where) > 0) add(m, PK_UPDATE, s)->e.u = u;
    read_revisions(m, item, s, date, where);
}

/* The milestone an entry names: by ref; else by number (its place under the action,
 * for milestones without a ref whose titles repeat, as seed 003's "Amendments" do),
 * with its title, if given, checked against it; else by a title no other milestone of
 * the action has. NULL after an error. */
static milestone *find_milestone(merger *m, action *a, const ynode *item)
{
    const ynode *ref = ynode_get(item, "ref");
    const ynode *title = ynode_get(item, "title");
    const ynode *number = ynode_get(item, "number");
    if ((!ref || schema_is_null(ref)) && number && !schema_is_null(number)) {
        int k;
        if (schema_int(&m->sc, item, "number", 1, a->n_milestones ? (int)a->n_milestones : 1, &k,
                       "a milestone") < 0)
            return NULL;
        if ((size_t)k > a->n_milestones) {
            diag_error(m->diags, number->pos, "action %s has no milestones", a->ref);
            return NULL;
        }
        milestone *y = &a->milestones[k - 1];
        if (title && !schema_is_null(title) && title->kind == YN_SCALAR &&
            (!y->title || strcmp(y->title, title->text))) {
            diag_error(m->diags, title->pos, "milestone %d of action %s is titled '%s', not '%s'", k,
                       a->ref, y->title ? y->title : "", title->text);
            return NULL;
        }
        return y;
    }
    const ynode *key = ref && !schema_is_null(ref) ? ref : title && !schema_is_null(title) ? title : NULL;
    if (!key) {
        diag_error(m->diags, item->pos, "each milestone of action %s here needs 'ref', 'number' or "
                   "'title' to say which milestone it is", a->ref);
        return NULL;
    }
    if (key == title && key->kind == YN_SCALAR) {
        size_t same = 0, first = 0;
        for (size_t j = 0; j < a->n_milestones; j++)
            if (a->milestones[j].title && !strcmp(a->milestones[j].title, key->text) && !same++) first = j;
        if (same > 1) {
            diag_error(m->diags, key->pos, "action %s has %zu milestones titled '%s' (the first is "
                       "number %zu); name the one meant by its place: 'number: N'", a->ref, same,
                       key->text, first + 1);
            return NULL;
        }
    }
    if (!schema_expect(&m->sc, key, YN_SCALAR, key == ref ? "ref" : "title", "a milestone"))
        return NULL;
    for (size_t j = 0; j < a->n_milestones; j++) {
        const milestone *x = &a->milestones[j];
        if (key == ref ? x->ref && !strcmp(x->ref, key->text)
                       : x->title && !strcmp(x->title, key->text))
            return &a->milestones[j];
    }
    const char **names = xcalloc(a->n_milestones + 1, sizeof *names);
    size_t n = 0;
    for (size_t j = 0; j < a->n_milestones; j++) {
        const char *w = key == ref ? a->milestones[j].ref : a->milestones[j].title;
        if (w) names[n++] = w;
    }
    const char *near = closest_word(key->text, names, n);
    diag_error(m->diags, key->pos, "action %s has no milestone %s '%s'%s%s%s", a->ref,
               key == ref ? "with ref" : "titled", key->text, near ? "; did you mean '" : "",
               near ? near : "", near ? "'?" : "");
    free(names);
    return NULL;
}

/* The start of every entry: a mapping naming something in the plan (by key: ref or
 * code) with only the keys allowed. Returns the thing, or NULL after an error; *where
 * names it for messages ("action A.1"). */
static void *entry_of(merger *m, const ynode *item, hashmap *map, const char *key,
                      const char *what, const char *const *keys, size_t n_keys,
                      const char **where)
{
    if (!schema_expect(&m->sc, item, YN_MAP, NULL, arena_printf(&m->p->arena, "each %s", what)))
        return NULL;
    void *x = find_ref(m, map, item, key, what);
    if (!x) return NULL;
    *where = arena_printf(&m->p->arena, "%s %s", what, ynode_get(item, key)->text);
    schema_check_keys(&m->sc, item, keys, n_keys, *where);
    return x;
}

static void read_actions(merger *m, const ynode *list, const fuzzy_date *file_date)
{
    for (size_t i = 0; i < list->len; i++) {
        const ynode *item = list->items[i];
        const char *where;
        action *a = entry_of(m, item, &m->actions, "ref", "action", action_keys,
                             N(action_keys), &where);
        if (!a) continue;
        read_schedule_entry(m, item, &a->s, file_date, where);
        const ynode *ms = ynode_get(item, "milestones");
        if (!ms || schema_is_null(ms) || !schema_expect(&m->sc, ms, YN_SEQ, "milestones", where))
            continue;
        fuzzy_date own;
        const fuzzy_date *mdate = file_date;
        if (schema_date_as(&m->sc, item, "date", "date", DATE_ACCEPT_PERIOD, &own, NULL) > 0) mdate = &own;
        for (size_t j = 0; j < ms->len; j++) {
            const ynode *mm = ms->items[j];
            if (!schema_expect(&m->sc, mm, YN_MAP, NULL, "each milestone")) continue;
            milestone *y = find_milestone(m, a, mm);
            if (!y) continue;
            const char *mwhere = arena_printf(&m->p->arena, "milestone %zu of action %s",
                                              (size_t)(y - a->milestones) + 1, a->ref);
            schema_check_keys(&m->sc, mm, milestone_keys, N(milestone_keys), mwhere);
            read_schedule_entry(m, mm, &y->s, mdate, mwhere);
        }
    }
}

static void read_risks(merger *m, const ynode *list, const fuzzy_date *file_date)
{
    static const char *const review_fields[] = {"inherent", "net", "review-by", "note"};
    for (size_t i = 0; i < list->len; i++) {
        const ynode *item = list->items[i];
        const char *where;
        risk *r = entry_of(m, item, &m->risks, "ref", "risk", risk_keys, N(risk_keys), &where);
        if (!r) continue;
        fuzzy_date date;
        if (entry_date(m, item, file_date, &date, where) != 0) continue;
        int review = 0;
        for (size_t k = 0; k < N(review_fields); k++) review |= ynode_get(item, review_fields[k]) != NULL;
        if (review) {
            risk_review w;
            memset(&w, 0, sizeof w);
            w.date = date;
            w.known = entry_day(date);
            w.pos = item->pos;
            read_review_fields(&m->sc, item, &w, where);
            add(m, PK_REVIEW, r)->e.w = w;
        }
        srcpos cpos = item->pos;
        fuzzy_date closed;
        if (schema_date_as(&m->sc, item, "closed", "date closed", DATE_ACCEPT_PERIOD, &closed, &cpos) > 0) {
            char a[DATE_BUF], b[DATE_BUF];
            date_format(closed, a, sizeof a);
            date_format(date, b, sizeof b);
            if (date_first_day(closed) > entry_day(date)) {
                diag_error(m->diags, cpos, "%s closed on %s cannot be reported in an update dated %s",
                           where, a, b);
            } else {
                pending *x = add(m, PK_CLOSE, r);
                x->e.w.date = closed;
                x->e.w.known = entry_day(date);
                x->e.w.pos = cpos;
            }
        } else if (!review) {
            diag_warning(m->diags, item->pos, "the entry for %s gives nothing: add scores, a note "
                         "or 'closed'", where);
        }
    }
}

static void read_indicators(merger *m, const ynode *list, const fuzzy_date *file_date)
{
    for (size_t i = 0; i < list->len; i++) {
        const ynode *item = list->items[i];
        const char *where;
        indicator *ind = entry_of(m, item, &m->indicators, "code", "indicator", indicator_keys,
                                  N(indicator_keys), &where);
        if (!ind) continue;
        fuzzy_date date;
        if (entry_date(m, item, file_date, &date, where) != 0) continue;
        const ynode *s = ynode_get(item, "actuals");
        if (!s || schema_is_null(s)) {
            diag_warning(m->diags, item->pos, "the entry for %s gives no actuals", where);
            continue;
        }
        if (!schema_expect(&m->sc, s, YN_MAP, "actuals", where)) continue;
        for (size_t k = 0; k < s->len; k++) {
            period_value pv;
            memset(&pv, 0, sizeof pv);
            pv.pos = s->pairs[k].key->pos;
            if (schema_date_node_as(&m->sc, s->pairs[k].key, "period", DATE_ACCEPT_PERIOD, &pv.period) < 0)
                continue;
            if (schema_number_node(&m->sc, s->pairs[k].value, &pv.value, "a value") < 0) continue;
            pv.shown_dp = number_shown_dp(s->pairs[k].value->text);
            pv.known = entry_day(date);
            add(m, PK_ACTUAL, ind)->e.a = pv;
        }
    }
}

static void merge_file(merger *m, const char *name, const char *data, size_t len)
{
    name = arena_strdup(&m->p->arena, name); /* positions outlive the file */
    arena tree;
    arena_init(&tree);
    int empty;
    ynode *root = yaml_tree_parse(&tree, m->diags, name, data, len, &empty);
    if (!root) {
        if (empty) diag_warning(m->diags, make_pos(name, 1, 1), "the update file is empty");
        arena_free(&tree);
        return;
    }
    if (root->kind != YN_MAP) {
        diag_error(m->diags, root->pos, "an update file is a mapping with 'date' and 'actions', "
                   "'risks' or 'indicators', not %s", ynode_kind_name(root));
        arena_free(&tree);
        return;
    }
    schema_check_keys(&m->sc, root, file_keys, N(file_keys), "an update file");
    fuzzy_date file_date = {DATE_NONE, 0, 0, 0, 0};
    srcpos dpos = root->pos;
    if (schema_date_as(&m->sc, root, "date", "date", DATE_ACCEPT_PERIOD, &file_date, &dpos) > 0) {
        char d[DATE_BUF];
        date_format(file_date, d, sizeof d);
        if (date_first_day(file_date) > m->sc.today) {
            diag_error(m->diags, dpos, "the update file is dated %s, which is in the future", d);
            file_date.kind = DATE_NONE;
        }
    }
    static const char *const sections[] = {"actions", "risks", "indicators"};
    for (size_t k = 0; k < N(sections); k++) {
        const ynode *list = ynode_get(root, sections[k]);
        if (!list || schema_is_null(list) ||
            !schema_expect(&m->sc, list, YN_SEQ, sections[k], "an update file"))
            continue;
        if (k == 0) read_actions(m, list, &file_date);
        else if (k == 1) read_risks(m, list, &file_date);
        else read_indicators(m, list, &file_date);
    }
    arena_free(&tree);
}

/* ---- the second pass: append each group of entries to the plan's arrays ----------- */

static int cmp_pending(const void *pa, const void *pb)
{
    const pending *a = pa, *b = pb;
    uintptr_t x = (uintptr_t)a->target, y = (uintptr_t)b->target;
    if (x != y) return x < y ? -1 : 1;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Appends k elements of `size` bytes to *arr (of *n), copying into the plan's arena. */
static void *grow(arena *a, void *arr, size_t n, size_t k, size_t size)
{
    char *fresh = arena_alloc(a, (n + k + 1) * size);
    if (n) memcpy(fresh, arr, n * size);
    return fresh;
}

static void distribute(merger *m)
{
    if (!m->n) return;
    qsort(m->items, m->n, sizeof *m->items, cmp_pending);
    arena *a = &m->p->arena;
    for (size_t i = 0; i < m->n;) {
        size_t j = i;
        while (j < m->n && m->items[j].target == m->items[i].target &&
               m->items[j].kind == m->items[i].kind)
            j++;
        size_t k = j - i;
        pending *g = &m->items[i];
        switch (g->kind) {
        case PK_UPDATE: {
            schedule *s = g->target;
            s->updates = grow(a, s->updates, s->n_updates, k, sizeof *s->updates);
            for (size_t x = i; x < j; x++) s->updates[s->n_updates++] = m->items[x].e.u;
            break;
        }
        case PK_REVISION: {
            schedule *s = g->target;
            s->revisions = grow(a, s->revisions, s->n_revisions, k, sizeof *s->revisions);
            for (size_t x = i; x < j; x++) s->revisions[s->n_revisions++] = m->items[x].e.v;
            break;
        }
        case PK_REVIEW: {
            risk *r = g->target;
            r->reviews = grow(a, r->reviews, r->n_reviews, k, sizeof *r->reviews);
            for (size_t x = i; x < j; x++) r->reviews[r->n_reviews++] = m->items[x].e.w;
            break;
        }
        case PK_CLOSE: {
            risk *r = g->target;
            for (size_t x = i; x < j; x++) {
                const risk_review *c = &m->items[x].e.w;
                if (r->closed_known != DAY_NEVER) {
                    diag_error(m->diags, c->pos, "risk %s is already closed; close it once", r->ref);
                    continue;
                }
                if (c->known < r->added_known) {
                    diag_error(m->diags, c->pos, "risk %s is closed before it was added", r->ref);
                    continue;
                }
                r->closed = c->date;
                r->closed_known = c->known;
            }
            break;
        }
        case PK_ACTUAL: {
            indicator *ind = g->target;
            ind->actuals = grow(a, ind->actuals, ind->n_actuals, k, sizeof *ind->actuals);
            for (size_t x = i; x < j; x++) ind->actuals[ind->n_actuals++] = m->items[x].e.a;
            break;
        }
        }
        i = j;
    }
}

static void merger_free(merger *m)
{
    hashmap_free(&m->actions);
    hashmap_free(&m->risks);
    hashmap_free(&m->indicators);
    free(m->items);
}

void updates_load_buffers(plan *p, size_t n, const char *const *names,
                          const char *const *datas, const size_t *lens, diag_list *diags)
{
    merger m;
    merger_init(&m, p, diags);
    for (size_t i = 0; i < n; i++) merge_file(&m, names[i], datas[i], lens[i]);
    distribute(&m);
    merger_free(&m);
}

char *updates_dir_of(const char *plan_path)
{
    const char *slash = strrchr(plan_path, '/');
    size_t dl = slash ? (size_t)(slash - plan_path) : 0;
    const char *base = slash ? slash + 1 : plan_path;
    size_t bl = strlen(base);
    if (bl > 5 && !strcmp(base + bl - 5, ".yaml")) bl -= 5;
    else if (bl > 4 && !strcmp(base + bl - 4, ".yml")) bl -= 4;
    int is_plan = bl == 4 && !strncmp(base, "plan", 4);
    size_t n = dl + bl + 16;
    char *out = xmalloc(n);
    if (is_plan) snprintf(out, n, "%.*s%supdates", (int)dl, plan_path, slash ? "/" : "");
    else snprintf(out, n, "%.*s%s%.*s-updates", (int)dl, plan_path, slash ? "/" : "", (int)bl, base);
    return out;
}

static void note_input(plan *p, const char *path, size_t *cap)
{
    if (p->n_inputs == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        const char **fresh = arena_alloc(&p->arena, *cap * sizeof *fresh);
        if (p->n_inputs) memcpy(fresh, p->inputs, p->n_inputs * sizeof *fresh);
        p->inputs = fresh;
    }
    p->inputs[p->n_inputs++] = arena_strdup(&p->arena, path);
}

void updates_load_beside(plan *p, diag_list *diags)
{
    char *dir = updates_dir_of(p->file);
    struct stat st;
    size_t cap = 0;
    if (stat(dir, &st) != 0) {
        /* No update folder: the plan's own folder, so that make notices one appearing. */
        char *slash = strrchr(p->file, '/');
        note_input(p, slash ? arena_strndup(&p->arena, p->file, (size_t)(slash - p->file)) : ".",
                   &cap);
        free(dir);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        diag_error(diags, make_pos(arena_strdup(&p->arena, dir), 0, 0),
                   "is where the plan's update files go, but it is not a folder");
        free(dir);
        return;
    }
    note_input(p, dir, &cap);
    char **names;
    size_t n;
    if (list_yaml_files(dir, &names, &n) != 0) {
        diag_error(diags, make_pos(arena_strdup(&p->arena, dir), 0, 0),
                   "cannot open the plan's update folder");
        free(dir);
        return;
    }
    char *root = project_root_find(p->file);
    merger m;
    merger_init(&m, p, diags);
    for (size_t i = 0; i < n; i++) {
        size_t pl = strlen(dir) + strlen(names[i]) + 2;
        char *path = xmalloc(pl);
        snprintf(path, pl, "%s/%s", dir, names[i]);
        const char *kept = arena_strdup(&p->arena, path);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            /* a folder named x.yaml, a dangling link: not an update file */
        } else if (root && !project_root_contains(root, path, NULL)) {
            diag_error(diags, make_pos(kept, 0, 0),
                       "this update file resolves outside the project folder %s", root);
        } else {
            char *data;
            size_t len;
            note_input(p, path, &cap);
            if (read_input(kept, "update file", diags, &data, &len) == 0) {
                merge_file(&m, kept, data, len);
                free(data);
            }
        }
        free(path);
    }
    distribute(&m);
    merger_free(&m);
    free_names(names, n);
    free(root);
    free(dir);
}
