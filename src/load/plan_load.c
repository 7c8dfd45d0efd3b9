/* plan_load.c - the plan schema: typed fields, references, date rules.
 *
 * Passes: people, sources, recommendations and themes first (they are referred to),
 * then actions (refs registered before related links are resolved), then indicators
 * and risks. Every lookup is a hash lookup, so loading is linear in the plan's size. */
#include "plan_load.h"

#include <stdlib.h>
#include <string.h>

#include "../util/fileio.h"
#include "../util/hashmap.h"
#include "../util/xalloc.h"
#include "../util/strbuf.h"
#include "history_load.h"
#include "indicator_load.h"
#include "project_load.h"
#include "schema.h"
#include "updates_load.h"
#include "yaml_tree.h"

typedef struct {
    schema_ctx sc;
    plan *p;
    hashmap people, sources, recs, themes, actions, indicators, risks;
} loader;

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const top_keys[] = {"plan", "people", "sources", "recommendations",
                                       "themes", "actions", "indicators", "risks"};
static const char *const meta_keys[] = {"title", "organisation", "short-title", "updated",
                                        "roles"};
static const char *const person_keys[] = {"id", "name", "role", "phone", "email"};
static const char *const source_keys[] = {"id", "title", "date"};
static const char *const rec_keys[] = {"ref", "source", "text"};
static const char *const theme_keys[] = {"ref", "title", "description", "lead", "priority"};
static const char *const action_keys[] = {
    "ref", "theme", "description", "who", "start", "due", "revisions", "measure",
    "recommendations", "related", "resources", "progress", "status", "completed", "rag",
    "milestones", "updates", "added", "issue", "tasks", "outcomes", "comments", "ongoing",
    "deadline", "illustrative"};
static const char *const milestone_keys[] = {"ref", "title", "who", "start", "due", "revisions",
                                             "measure", "progress", "status", "completed",
                                             "rag", "updates", "group", "ongoing", "deadline",
                                             "illustrative"};
static const char *const revision_keys[] = {"date", "agreed", "reason"};
static const char *const indicator_keys[] = {"code", "description", "unit", "polarity",
                                             "tolerance", "theme", "baseline", "targets",
                                             "actuals", "label", "note"};
static const char *const risk_keys[] = {"ref", "theme", "description", "consequence",
                                        "owner", "inherent", "net", "controls",
                                        "further-actions", "reviewed", "review-by",
                                        "reviews", "added", "closed", "impact"};
static const char *const polarity_words[] = {"higher", "lower"};
static const char *const impact_words[] = {"high", "low", "h", "l"};

/* The next slot of a list, cleared. Every list loader fills its next slot and counts
 * it only when the entry is valid, so an entry that is skipped (no ref, a duplicate)
 * leaves its fields - counts of arrays that were allocated for it - in the slot the
 * next entry is written to: clear it first, every time. */
static void *fresh_slot(void *slot, size_t size)
{
    memset(slot, 0, size);
    return slot;
}

/* A list section: returns the items of a sequence of mappings, or NULL. */
static ynode **section(loader *L, const ynode *root, const char *key, size_t *n)
{
    *n = 0;
    ynode *s = ynode_get(root, key);
    if (!s || schema_is_null(s)) return NULL;
    if (!schema_expect(&L->sc, s, YN_SEQ, key, "the plan")) return NULL;
    *n = s->len;
    return s->items;
}

static int is_map(loader *L, const ynode *n, const char *what)
{
    return schema_expect(&L->sc, n, YN_MAP, NULL, what);
}

/* Registers id in map; reports a duplicate. Returns 1 if new. */
static int register_ref(loader *L, hashmap *m, const char *id, void *obj, srcpos pos,
                        const char *what, srcpos (*pos_of)(void *))
{
    void *prev = hashmap_put(m, id, obj);
    if (prev) {
        srcpos pp = pos_of(prev);
        diag_error(L->sc.diags, pos, "duplicate %s '%s' (first defined on line %d)", what, id,
                   pp.line);
        return 0;
    }
    return 1;
}

static srcpos person_pos(void *o) { return ((person *)o)->pos; }
static srcpos source_pos(void *o) { return ((source *)o)->pos; }
static srcpos rec_pos(void *o) { return ((recommendation *)o)->pos; }
static srcpos theme_pos(void *o) { return ((theme *)o)->pos; }
static srcpos action_pos(void *o) { return ((action *)o)->s.pos; }
static srcpos indicator_pos(void *o) { return ((indicator *)o)->pos; }
static srcpos risk_pos(void *o) { return ((risk *)o)->pos; }

/* schema_text, copied into the plan's arena: the YAML tree is freed once the plan is
 * loaded (it was a quarter of the peak memory of a large build). */
static const char *plan_text(loader *L, const ynode *map, const char *key, int required,
                             const char *where)
{
    const char *s = schema_text(&L->sc, map, key, required, where);
    return s ? arena_strdup(&L->p->arena, s) : NULL;
}

/* The text of key, with its node for positions. */
static const ynode *key_node(const ynode *map, const char *key)
{
    const ynode *n = ynode_get(map, key);
    return n && !schema_is_null(n) ? n : NULL;
}

static void *lookup(loader *L, hashmap *m, const ynode *ref, const char *what, const char *where)
{
    void *o = hashmap_get(m, ref->text);
    if (o) return o;
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s refers to %s '%s', which is not defined", where, what, ref->text);
    if (m == &L->themes) {
        /* Themes are few: name them. */
        size_t n = L->p->n_themes;
        const char **refs = malloc((n + 1) * sizeof *refs);
        for (size_t i = 0; i < n; i++) refs[i] = L->p->themes[i].ref;
        const char *near = closest_word(ref->text, refs, n);
        if (near) sb_printf(&sb, "; did you mean '%s'?", near);
        sb_puts(&sb, " (themes: ");
        sb_word_list(&sb, refs, n, 20, NULL);
        sb_putc(&sb, ')');
        free(refs);
    }
    diag_error(L->sc.diags, ref->pos, "%s", sb.data);
    sb_free(&sb);
    return NULL;
}

static person *lookup_person(loader *L, const ynode *ref, const char *where)
{
    void *o = hashmap_get(&L->people, ref->text);
    if (!o) {
        /* Suggest a near id: people lists are short, so a scan is cheap. */
        const char **ids = xmalloc(L->p->n_people * sizeof *ids + 1);
        for (size_t i = 0; i < L->p->n_people; i++) ids[i] = L->p->people[i].id;
        const char *near = closest_word(ref->text, ids, L->p->n_people);
        if (near)
            diag_error(L->sc.diags, ref->pos,
                       "%s names person '%s', who is not in people; did you mean '%s'?", where,
                       ref->text, near);
        else
            diag_error(L->sc.diags, ref->pos,
                       "%s names person '%s', who is not in people; add them there", where,
                       ref->text);
        free(ids);
    }
    return o;
}

static void load_meta(loader *L, const ynode *root)
{
    plan *p = L->p;
    const ynode *m = ynode_get(root, "plan");
    if (!m) {
        diag_error(L->sc.diags, root->pos, "the plan has no 'plan' section (title, organisation)");
        return;
    }
    if (!is_map(L, m, "'plan'")) return;
    schema_check_keys(&L->sc, m, meta_keys, N(meta_keys), "'plan'");
    p->title = plan_text(L, m, "title", 1, "'plan'");
    p->organisation = plan_text(L, m, "organisation", 1, "'plan'");
    p->short_title = plan_text(L, m, "short-title", 0, "'plan'");
    srcpos upos = m->pos;
    if (schema_date_as(&L->sc, m, "updated", "updated date", DATE_ACCEPT_PERIOD, &p->updated, &upos) > 0)
        p->undated_known = entry_day(p->updated);
    const ynode *roles = key_node(m, "roles");
    if (roles && schema_expect(&L->sc, roles, YN_MAP, "roles", "'plan'")) {
        p->roles = arena_alloc(&p->arena, (roles->len + 1) * sizeof *p->roles);
        for (size_t i = 0; i < roles->len; i++) {
            const ynode *v = roles->pairs[i].value;
            if (!schema_expect(&L->sc, v, YN_SCALAR, roles->pairs[i].key->text, "'roles'")) continue;
            plan_role *r = fresh_slot(&p->roles[p->n_roles], sizeof *r);
            r->name = arena_strdup(&p->arena, roles->pairs[i].key->text);
            r->person = lookup_person(L, v, "role");
            if (r->person) p->n_roles++;
        }
    }
}

static void load_people(loader *L, const ynode *root)
{
    size_t n;
    ynode **items = section(L, root, "people", &n);
    L->p->people = arena_alloc(&L->p->arena, (n + 1) * sizeof(person));
    for (size_t i = 0; i < n; i++) {
        if (!is_map(L, items[i], "each person")) continue;
        schema_check_keys(&L->sc, items[i], person_keys, N(person_keys), "a person");
        person *x = fresh_slot(&L->p->people[L->p->n_people], sizeof *x);
        x->pos = items[i]->pos;
        x->id = plan_text(L, items[i], "id", 1, "a person");
        if (!x->id) continue;
        x->name = plan_text(L, items[i], "name", 0, "a person");
        if (!x->name) x->name = x->id;
        x->role = plan_text(L, items[i], "role", 0, "a person");
        x->phone = plan_text(L, items[i], "phone", 0, "a person");
        x->email = plan_text(L, items[i], "email", 0, "a person");
        if (register_ref(L, &L->people, x->id, x, key_node(items[i], "id")->pos, "person id",
                         person_pos))
            L->p->n_people++;
    }
}

static void load_sources(loader *L, const ynode *root)
{
    size_t n;
    ynode **items = section(L, root, "sources", &n);
    L->p->sources = arena_alloc(&L->p->arena, (n + 1) * sizeof(source));
    for (size_t i = 0; i < n; i++) {
        if (!is_map(L, items[i], "each source")) continue;
        schema_check_keys(&L->sc, items[i], source_keys, N(source_keys), "a source");
        source *x = fresh_slot(&L->p->sources[L->p->n_sources], sizeof *x);
        x->pos = items[i]->pos;
        x->id = plan_text(L, items[i], "id", 1, "a source");
        x->title = plan_text(L, items[i], "title", 1, "a source");
        schema_date_as(&L->sc, items[i], "date", "source date", DATE_ACCEPT_PERIOD, &x->date, NULL);
        if (x->id && register_ref(L, &L->sources, x->id, x, key_node(items[i], "id")->pos,
                                  "source id", source_pos))
            L->p->n_sources++;
    }
}

static void load_recommendations(loader *L, const ynode *root)
{
    size_t n;
    ynode **items = section(L, root, "recommendations", &n);
    L->p->recommendations = arena_alloc(&L->p->arena, (n + 1) * sizeof(recommendation));
    for (size_t i = 0; i < n; i++) {
        if (!is_map(L, items[i], "each recommendation")) continue;
        schema_check_keys(&L->sc, items[i], rec_keys, N(rec_keys), "a recommendation");
        recommendation *x = fresh_slot(&L->p->recommendations[L->p->n_recommendations], sizeof *x);
        x->pos = items[i]->pos;
        x->ref = plan_text(L, items[i], "ref", 1, "a recommendation");
        x->text = plan_text(L, items[i], "text", 0, "a recommendation");
        const ynode *src = key_node(items[i], "source");
        if (src && schema_expect(&L->sc, src, YN_SCALAR, "source", "a recommendation"))
            x->source = lookup(L, &L->sources, src, "source", "recommendation");
        if (x->ref && register_ref(L, &L->recs, x->ref, x, key_node(items[i], "ref")->pos,
                                   "recommendation", rec_pos))
            L->p->n_recommendations++;
    }
}

static void load_themes(loader *L, const ynode *root)
{
    size_t n;
    ynode **items = section(L, root, "themes", &n);
    L->p->themes = arena_alloc(&L->p->arena, (n + 1) * sizeof(theme));
    for (size_t i = 0; i < n; i++) {
        if (!is_map(L, items[i], "each theme")) continue;
        schema_check_keys(&L->sc, items[i], theme_keys, N(theme_keys), "a theme");
        theme *x = fresh_slot(&L->p->themes[L->p->n_themes], sizeof *x);
        x->pos = items[i]->pos;
        x->ref = plan_text(L, items[i], "ref", 1, "a theme");
        x->title = plan_text(L, items[i], "title", 1, "a theme");
        x->description = plan_text(L, items[i], "description", 0, "a theme");
        schema_int(&L->sc, items[i], "priority", 1, 9, &x->priority, "a theme");
        const ynode *lead = key_node(items[i], "lead");
        if (lead && schema_expect(&L->sc, lead, YN_SCALAR, "lead", "a theme"))
            x->lead = lookup_person(L, lead, "theme lead");
        if (x->ref && register_ref(L, &L->themes, x->ref, x, key_node(items[i], "ref")->pos,
                                   "theme", theme_pos)) {
            x->index = L->p->n_themes;
            L->p->n_themes++;
        }
    }
}

static void load_revisions(loader *L, const ynode *map, schedule *s, const char *where)
{
    const ynode *r = key_node(map, "revisions");
    if (!r || !schema_expect(&L->sc, r, YN_SEQ, "revisions", where)) return;
    s->revisions = arena_alloc(L->sc.a, (r->len + 1) * sizeof *s->revisions);
    for (size_t i = 0; i < r->len; i++) {
        const ynode *it = r->items[i];
        if (!schema_expect(&L->sc, it, YN_MAP, NULL, "each revision")) continue;
        schema_check_keys(&L->sc, it, revision_keys, N(revision_keys), "a revision");
        revision *v = fresh_slot(&s->revisions[s->n_revisions], sizeof *v);
        v->pos = it->pos;
        int ok = schema_date(&L->sc, it, "date", "revised date", &v->date, &v->pos);
        if (ok == 0) diag_error(L->sc.diags, it->pos, "revision in %s has no 'date'; add the new due date", where);
        schema_date_as(&L->sc, it, "agreed", "agreed date", DATE_ACCEPT_PERIOD, &v->agreed, NULL);
        v->reason = plan_text(L, it, "reason", 0, "a revision");
        if (ok > 0) s->n_revisions++;
    }
}

/* 'illustrative': true (every value made up) or the list of values made up. */
static unsigned load_illustrative(loader *L, const ynode *map, const char *where)
{
    const ynode *n = ynode_get(map, "illustrative");
    if (!n || schema_is_null(n)) return 0;
    if (n->kind == YN_SCALAR) return schema_flag(&L->sc, map, "illustrative", where) ? ILLUSTRATIVE_ALL : 0;
    size_t count;
    ynode **v = schema_list(&L->sc, map, "illustrative", &count, where);
    unsigned bits = 0;
    for (size_t i = 0; i < count; i++) {
        int w = schema_enum(&L->sc, v[i], illustrative_names, ILLUSTRATIVE_KINDS, "illustrative", where);
        if (w >= 0) bits |= 1u << w;
    }
    return bits;
}

/* The fields actions and milestones share, and their date rules. */
static void load_schedule(loader *L, const ynode *map, schedule *s, const char *where)
{
    s->pos = map->pos;
    size_t nw;
    ynode **who = schema_list(&L->sc, map, "who", &nw, where);
    s->who = arena_alloc(L->sc.a, (nw + 1) * sizeof *s->who);
    for (size_t i = 0; i < nw; i++) {
        person *x = lookup_person(L, who[i], where);
        if (x) s->who[s->n_who++] = x;
    }
    srcpos start_pos = map->pos;
    s->due_pos = map->pos;
    schema_date_as(&L->sc, map, "start", "start date", DATE_ACCEPT_PERIOD, &s->start, &start_pos);
    schema_date(&L->sc, map, "due", "due date", &s->due, &s->due_pos);
    int ongoing = schema_flag(&L->sc, map, "ongoing", where), deadline = schema_flag(&L->sc, map, "deadline", where);
    if (ongoing && deadline)
        diag_error(L->sc.diags, ynode_get(map, "deadline")->pos,
                   "%s is both 'ongoing' and a 'deadline'; a due date is one or the other", where);
    else if ((ongoing || deadline) && !date_has_bounds(s->due))
        diag_error(L->sc.diags, ynode_get(map, ongoing ? "ongoing" : "deadline")->pos,
                   "'%s' in %s needs a due date to qualify", ongoing ? "ongoing" : "deadline", where);
    else
        s->due_words = ongoing ? DUE_AND_ONGOING : deadline ? DUE_DEADLINE : DUE_AS_DATE;
    s->illustrative = load_illustrative(L, map, where);
    load_revisions(L, map, s, where);
    set_revisions_known(&L->sc, s, where, L->p->undated_known);

    /* Date rules. */
    char a[DATE_BUF], b[DATE_BUF];
    int has_start = date_has_bounds(s->start);
    if (has_start && date_has_bounds(s->due) && date_last_day(s->due) < date_first_day(s->start)) {
        date_format(s->due, a, sizeof a);
        date_format(s->start, b, sizeof b);
        diag_error(L->sc.diags, s->due_pos, "due date %s of %s is before its start, %s", a, where, b);
    }
    for (size_t i = 0; i < s->n_revisions; i++) {
        revision *v = &s->revisions[i];
        if (v->date.kind == DATE_ONGOING) continue;
        if (has_start && date_last_day(v->date) < date_first_day(s->start)) {
            date_format(v->date, a, sizeof a);
            date_format(s->start, b, sizeof b);
            diag_error(L->sc.diags, v->pos,
                       "revised date %s of %s moves before its start, %s", a, where, b);
        }
    }
    /* What was entered about it: the simple undated form and its dated updates. */
    load_schedule_updates(&L->sc, map, s, where, L->p->undated_known);
}

static void load_actions(loader *L, const ynode *root)
{
    plan *p = L->p;
    size_t n;
    ynode **items = section(L, root, "actions", &n);
    p->actions = arena_alloc(&p->arena, (n + 1) * sizeof(action));
    const ynode **maps = xcalloc(n + 1, sizeof *maps);
    size_t *theme_counts = xcalloc(p->n_themes + 1, sizeof *theme_counts);

    for (size_t i = 0; i < n; i++) {
        const ynode *m = items[i];
        if (!is_map(L, m, "each action")) continue;
        action *x = fresh_slot(&p->actions[p->n_actions], sizeof *x);
        x->s.pos = m->pos;
        x->ref = plan_text(L, m, "ref", 1, "an action");
        const char *where = x->ref ? arena_printf(&p->arena, "action %s", x->ref) : "an action";
        schema_check_keys(&L->sc, m, action_keys, N(action_keys), where);
        x->description = plan_text(L, m, "description", 1, where);
        x->measure = plan_text(L, m, "measure", 0, where);
        load_project_detail(&L->sc, m, x, where);
        srcpos added_pos = m->pos;
        x->added_known = DAY_ALWAYS;
        if (schema_date_as(&L->sc, m, "added", "date added", DATE_ACCEPT_PERIOD, &x->added, &added_pos) > 0)
            x->added_known = entry_day(x->added);
        const ynode *th = key_node(m, "theme");
        if (!th)
            diag_error(L->sc.diags, m->pos, "%s has no 'theme'; add one", where);
        else if (schema_expect(&L->sc, th, YN_SCALAR, "theme", where))
            x->theme = lookup(L, &L->themes, th, "theme", where);
        load_schedule(L, m, &x->s, where);

        const ynode *ms = key_node(m, "milestones");
        if (ms && schema_expect(&L->sc, ms, YN_SEQ, "milestones", where)) {
            x->milestones = arena_alloc(&p->arena, (ms->len + 1) * sizeof *x->milestones);
            for (size_t j = 0; j < ms->len; j++) {
                const ynode *mm = ms->items[j];
                if (!schema_expect(&L->sc, mm, YN_MAP, NULL, "each milestone")) continue;
                milestone *y = fresh_slot(&x->milestones[x->n_milestones++], sizeof *y);
                const char *mwhere = arena_printf(&p->arena, "milestone %zu of %s", j + 1, where);
                schema_check_keys(&L->sc, mm, milestone_keys, N(milestone_keys), mwhere);
                y->ref = plan_text(L, mm, "ref", 0, mwhere);
                y->title = plan_text(L, mm, "title", 1, mwhere);
                y->measure = plan_text(L, mm, "measure", 0, mwhere);
                y->group = plan_text(L, mm, "group", 0, mwhere);
                y->action = x;
                load_schedule(L, mm, &y->s, mwhere);
            }
        }
        if (!x->ref) continue;
        if (!register_ref(L, &L->actions, x->ref, x, key_node(m, "ref")->pos, "action",
                          action_pos))
            continue;
        maps[p->n_actions] = m;
        x->index = p->n_actions++;
        if (x->theme) theme_counts[x->theme->index]++;
    }

    /* Theme action lists, in plan order. */
    for (size_t t = 0; t < p->n_themes; t++) {
        p->themes[t].actions = arena_alloc(&p->arena, (theme_counts[t] + 1) * sizeof(action *));
    }
    for (size_t i = 0; i < p->n_actions; i++) {
        theme *t = p->actions[i].theme;
        if (t) t->actions[t->n_actions++] = &p->actions[i];
    }

    /* Links, now that every ref is known. */
    for (size_t i = 0; i < p->n_actions; i++) {
        action *x = &p->actions[i];
        const char *where = arena_printf(&p->arena, "action %s", x->ref);
        size_t k;
        ynode **refs = schema_list(&L->sc, maps[i], "recommendations", &k, where);
        x->recommendations = arena_alloc(&p->arena, (k + 1) * sizeof(recommendation *));
        for (size_t j = 0; j < k; j++) {
            recommendation *r = lookup(L, &L->recs, refs[j], "recommendation", where);
            if (r) x->recommendations[x->n_recommendations++] = r;
        }
        refs = schema_list(&L->sc, maps[i], "related", &k, where);
        x->related = arena_alloc(&p->arena, (k + 1) * sizeof(action *));
        for (size_t j = 0; j < k; j++) {
            action *r = lookup(L, &L->actions, refs[j], "action", where);
            if (r == x) {
                diag_error(L->sc.diags, refs[j]->pos, "%s lists itself as related", where);
                continue;
            }
            if (r) x->related[x->n_related++] = r;
        }
    }
    free(maps);
    free(theme_counts);
}

static void load_indicators(loader *L, const ynode *root)
{
    plan *p = L->p;
    size_t n;
    ynode **items = section(L, root, "indicators", &n);
    p->indicators = arena_alloc(&p->arena, (n + 1) * sizeof(indicator));
    for (size_t i = 0; i < n; i++) {
        const ynode *m = items[i];
        if (!is_map(L, m, "each indicator")) continue;
        indicator *x = fresh_slot(&p->indicators[p->n_indicators], sizeof *x);
        x->pos = m->pos;
        x->code = plan_text(L, m, "code", 1, "an indicator");
        const char *where = x->code ? arena_printf(&p->arena, "indicator %s", x->code) : "an indicator";
        schema_check_keys(&L->sc, m, indicator_keys, N(indicator_keys), where);
        x->description = plan_text(L, m, "description", 1, where);
        x->unit = plan_text(L, m, "unit", 0, where);
        const ynode *pol = key_node(m, "polarity");
        if (pol) {
            int k = schema_enum(&L->sc, pol, polarity_words, N(polarity_words), "polarity", where);
            if (k >= 0) x->polarity = (polarity)k;
        }
        x->tolerance = 5;
        const ynode *tol = key_node(m, "tolerance");
        if (tol) schema_number_node(&L->sc, tol, &x->tolerance, "tolerance");
        const ynode *th = key_node(m, "theme");
        if (th && schema_expect(&L->sc, th, YN_SCALAR, "theme", where))
            x->theme = lookup(L, &L->themes, th, "theme", where);
        x->label = plan_text(L, m, "label", 0, where);
        x->note = plan_text(L, m, "note", 0, where);
        load_indicator_baseline(&L->sc, m, x, where);
        x->targets = load_indicator_series(&L->sc, m, "targets", &x->n_targets, where);
        x->actuals = load_indicator_series(&L->sc, m, "actuals", &x->n_actuals, where);
        if (x->code && register_ref(L, &L->indicators, x->code, x, key_node(m, "code")->pos,
                                    "indicator", indicator_pos))
            p->n_indicators++;
    }
}

static void load_risks(loader *L, const ynode *root)
{
    plan *p = L->p;
    size_t n;
    ynode **items = section(L, root, "risks", &n);
    p->risks = arena_alloc(&p->arena, (n + 1) * sizeof(risk));
    for (size_t i = 0; i < n; i++) {
        const ynode *m = items[i];
        if (!is_map(L, m, "each risk")) continue;
        risk *x = fresh_slot(&p->risks[p->n_risks], sizeof *x);
        x->pos = m->pos;
        x->ref = plan_text(L, m, "ref", 1, "a risk");
        const char *where = x->ref ? arena_printf(&p->arena, "risk %s", x->ref) : "a risk";
        schema_check_keys(&L->sc, m, risk_keys, N(risk_keys), where);
        x->description = plan_text(L, m, "description", 1, where);
        x->consequence = plan_text(L, m, "consequence", 0, where);
        x->controls = plan_text(L, m, "controls", 0, where);
        x->further_actions = plan_text(L, m, "further-actions", 0, where);
        const ynode *th = key_node(m, "theme");
        if (th && schema_expect(&L->sc, th, YN_SCALAR, "theme", where))
            x->theme = lookup(L, &L->themes, th, "theme", where);
        const ynode *ow = key_node(m, "owner");
        if (ow && schema_expect(&L->sc, ow, YN_SCALAR, "owner", where))
            x->owner = lookup_person(L, ow, where);
        const ynode *im = key_node(m, "impact");
        if (im) {
            int k = schema_enum(&L->sc, im, impact_words, N(impact_words), "impact", where);
            if (k >= 0) x->impact = (k % 2) ? QUAL_LOW : QUAL_HIGH;
        }
        load_risk_history(&L->sc, m, x, where, p->undated_known);
        if (x->impact && (key_node(m, "inherent") || key_node(m, "net")))
            diag_error(L->sc.diags, im->pos, "%s is assessed both by impact (High/Low) and by "
                       "scores; give 'impact' for a risk assessed in words, or 'inherent' and "
                       "'net' scores (a later review in 'reviews' may score it)", where);
        if (x->ref && register_ref(L, &L->risks, x->ref, x, key_node(m, "ref")->pos, "risk",
                                   risk_pos))
            p->n_risks++;
    }
}

/* The plan file alone, before any update file is merged in. NULL after errors. */
static plan *plan_parse(const char *name, const char *data, size_t len, diag_list *diags)
{
    plan *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    arena_init(&p->arena);
    size_t errors_before = diags->errors;
    p->file = arena_strdup(&p->arena, name);
    p->undated_known = DAY_ALWAYS;
    p->latest_known = DAY_ALWAYS;

    loader L;
    memset(&L, 0, sizeof L);
    L.sc.a = &p->arena;
    L.sc.diags = diags;
    L.sc.today = date_today();
    L.p = p;

    int empty;
    arena tree;             /* the YAML tree, freed before returning */
    arena_init(&tree);
    ynode *root = yaml_tree_parse(&tree, diags, p->file, data, len, &empty);
    if (root && root->kind != YN_MAP) {
        diag_error(diags, root->pos, "a plan must be a mapping with 'plan', 'themes' and "
                                     "'actions' sections, not %s", ynode_kind_name(root));
        root = NULL;
    } else if (!root && empty) {
        diag_error(diags, make_pos(p->file, 1, 1), "the plan is empty");
    }
    if (root) {
        schema_check_keys(&L.sc, root, top_keys, N(top_keys), "the plan");
        load_people(&L, root);
        load_meta(&L, root);
        load_sources(&L, root);
        load_recommendations(&L, root);
        load_themes(&L, root);
        load_actions(&L, root);
        load_indicators(&L, root);
        load_risks(&L, root);
    }
    hashmap_free(&L.people);
    hashmap_free(&L.sources);
    hashmap_free(&L.recs);
    hashmap_free(&L.themes);
    hashmap_free(&L.actions);
    hashmap_free(&L.indicators);
    hashmap_free(&L.risks);
    arena_free(&tree);
    if (diags->errors > errors_before) {
        plan_free(p);
        return NULL;
    }
    return p;
}

/* Every history in the order it became known, checked as a whole. */
static plan *finish(plan *p, diag_list *diags, size_t errors_before)
{
    if (p) plan_history_finish(p, diags);
    if (p && diags->errors > errors_before) {
        plan_free(p);
        return NULL;
    }
    return p;
}

plan *plan_load_buffer(const char *name, const char *data, size_t len, diag_list *diags)
{
    size_t errors_before = diags->errors;
    return finish(plan_parse(name, data, len, diags), diags, errors_before);
}

plan *plan_load_buffers(const char *name, const char *data, size_t len, size_t n,
                        const char *const *update_names, const char *const *update_datas,
                        const size_t *update_lens, diag_list *diags)
{
    size_t errors_before = diags->errors;
    plan *p = plan_parse(name, data, len, diags);
    if (p) updates_load_buffers(p, n, update_names, update_datas, update_lens, diags);
    return finish(p, diags, errors_before);
}

plan *plan_load_file(const char *path, diag_list *diags)
{
    return plan_load_file_with(path, 0, NULL, NULL, NULL, diags);
}

plan *plan_load_file_with(const char *path, size_t n, const char *const *update_names,
                          const char *const *update_datas, const size_t *update_lens,
                          diag_list *diags)
{
    char *data;
    size_t len;
    size_t errors_before = diags->errors;
    if (read_input(path, "plan", diags, &data, &len) != 0) return NULL;
    plan *p = plan_parse(path, data, len, diags);
    free(data);
    if (p) updates_load_beside(p, diags);
    if (p && n) updates_load_buffers(p, n, update_names, update_datas, update_lens, diags);
    return finish(p, diags, errors_before);
}
