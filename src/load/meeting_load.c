/* meeting_load.c - a meeting file into a meeting (model/meeting.h).
 *
 * Every key is checked ("did you mean"), every date typed, every item numbered in
 * order: 1, 2, 3 ..., or the item's own 'number:' (a whole number restarts the count
 * from it); an item added after publication without a number takes the one before it
 * with a letter (5A, 5B), so the published numbers never move. Each paper named must
 * exist inside the project; a paper, a number or a standard item named twice is an
 * error at the second with the first's line. What needs the papers themselves (their
 * committee, date, item, exempt paragraph) is checked by meeting_check_paper. */
#include "meeting_load.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/fileio.h"
#include "../util/hashmap.h"
#include "../util/project_root.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "schema.h"
#include "yaml_tree.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const top_keys[] = {"meeting", "items"};
static const char *const meeting_keys[] = {"council", "committee", "date", "time", "venue",
                                           "membership", "clerk", "published", "illustrative"};
static const char *const clerk_keys[] = {"name", "role", "phone", "email"};
static const char *const item_keys[] = {"standard", "paper", "title", "text", "lead",
                                        "number", "exempt", "supplementary", "illustrative",
                                        "minutes-of"};
/* the words of 'standard', in item_kind order (ITEM_BUSINESS is not written) */
static const char *const standard_words[] = {"apologies", "declarations", "minutes",
                                             "public-questions", "urgent-business", "exclusion"};
static const char *const supplementary_words[] = {"to-follow", "added"};

typedef struct {
    meeting *m;
    schema_ctx sc;
    char *dir;              /* the meeting file's folder */
    char *root;             /* its project root, or NULL */
} loader;

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? strndup(path, (size_t)(slash - path)) : xstrdup(".");
}

static const char *text(loader *L, const ynode *map, const char *key, int required,
                        const char *where)
{
    const char *s = schema_text(&L->sc, map, key, required, where);
    return s ? arena_strdup(&L->m->arena, s) : NULL;
}

/* true/false (yes/no); 0 when absent. */
static void load_clerk(loader *L, const ynode *n)
{
    meeting *m = L->m;
    if (n->kind == YN_SCALAR) {
        if (!schema_is_null(n)) m->clerk_name = arena_strdup(&m->arena, n->text);
        return;
    }
    if (!schema_expect(&L->sc, n, YN_MAP, "clerk", "the meeting")) return;
    schema_check_keys(&L->sc, n, clerk_keys, N(clerk_keys), "the clerk");
    m->clerk_name = text(L, n, "name", 1, "the clerk");
    m->clerk_role = text(L, n, "role", 0, "the clerk");
    m->clerk_phone = text(L, n, "phone", 0, "the clerk");
    m->clerk_email = text(L, n, "email", 0, "the clerk");
}

/* 'illustrative': true (the whole meeting is made up) or the list of details made up
 * for a real meeting (illustrative: [time, venue, clerk]), each printed with the mark. */
static void load_illustrative(loader *L, const ynode *mt)
{
    meeting *m = L->m;
    const ynode *n = ynode_get(mt, "illustrative");
    if (!n || n->kind != YN_SEQ) {
        m->illustrative = schema_flag(&L->sc, mt, "illustrative", "the meeting");
        return;
    }
    const char *words[MEETING_DETAIL__COUNT];
    for (unsigned i = 0; i < MEETING_DETAIL__COUNT; i++) words[i] = meeting_detail_word(i);
    size_t count;
    ynode **v = schema_list(&L->sc, mt, "illustrative", &count, "the meeting");
    for (size_t i = 0; i < count; i++) {
        int w = schema_enum(&L->sc, v[i], words, MEETING_DETAIL__COUNT, "illustrative",
                            "the meeting");
        if (w >= 0) m->illustrative_details |= 1u << w;
    }
}

/* An agenda is published five clear working days before its meeting (domain.md 10):
 * the days strictly between publication and meeting, Saturdays and Sundays left out.
 * Bank holidays are not known here, so the count can only be too high: a warning is
 * never wrong, though a short notice over a bank holiday may pass. */
static void check_notice(loader *L, srcpos pos)
{
    const meeting *m = L->m;
    if (m->published.kind != DATE_DAY || m->date.kind != DATE_DAY) return;
    day_t pub = date_first_day(m->published), day = date_first_day(m->date);
    if (pub >= day) {
        diag_error(L->sc.diags, pos, "the agenda is published on or after the day of the "
                   "meeting; 'published' is the day the agenda was published");
        return;
    }
    int clear = 0;
    for (day_t d = pub + 1; d < day && clear < 5; d++) {
        int wd = (int)(((d % 7) + 7 + 4) % 7);  /* 0 Sunday: 1 January 1970 was a Thursday */
        if (wd != 0 && wd != 6) clear++;
    }
    if (clear < 5)
        diag_warning(L->sc.diags, pos, "the agenda was published %d clear working day%s before "
                     "the meeting; it must be published at least five clear working days "
                     "before (section 100B of the Local Government Act 1972), or the late items "
                     "given as 'supplementary: added'",
                     clear, clear == 1 ? "" : "s");
}

static void load_meeting(loader *L, const ynode *root)
{
    meeting *m = L->m;
    const ynode *mt = ynode_get(root, "meeting");
    if (!mt || schema_is_null(mt)) {
        diag_error(L->sc.diags, root->pos, "the meeting file has no 'meeting' section "
                   "(council, committee, date); add one above 'items'");
        return;
    }
    if (!schema_expect(&L->sc, mt, YN_MAP, "meeting", "the meeting file")) return;
    schema_check_keys(&L->sc, mt, meeting_keys, N(meeting_keys), "the meeting");
    m->council = text(L, mt, "council", 1, "the meeting");
    m->committee = text(L, mt, "committee", 1, "the meeting");
    const ynode *k;
    if ((k = ynode_get(mt, "council"))) m->council_pos = k->pos;
    if ((k = ynode_get(mt, "committee"))) m->committee_pos = k->pos;
    if (schema_date_as(&L->sc, mt, "date", "meeting date", DATE_ACCEPT(DATE_DAY), &m->date,
                       &m->date_pos) == 0)
        diag_error(L->sc.diags, mt->pos, "the meeting has no 'date'; add it as a day "
                   "(date: 2009-05-13)");
    srcpos published_pos;
    if (schema_date_as(&L->sc, mt, "published", "publication date", DATE_ACCEPT(DATE_DAY),
                       &m->published, &published_pos) > 0)
        check_notice(L, published_pos);
    m->time = text(L, mt, "time", 0, "the meeting");
    m->venue = text(L, mt, "venue", 0, "the meeting");
    load_illustrative(L, mt);
    size_t n;
    ynode **mem = schema_list(&L->sc, mt, "membership", &n, "the meeting");
    m->members = arena_alloc(&m->arena, (n + 1) * sizeof *m->members);
    for (size_t i = 0; i < n; i++)
        if (!schema_is_null(mem[i])) m->members[m->n_members++] = arena_strdup(&m->arena, mem[i]->text);
    if ((k = ynode_get(mt, "clerk")) && !schema_is_null(k)) load_clerk(L, k);
}

/* The paper named by an item: resolved against the meeting file's folder; it must be
 * a Markdown paper that exists inside the project. */
static void load_paper_ref(loader *L, meeting_item *it, const ynode *n, const char *where)
{
    meeting *m = L->m;
    if (!schema_expect(&L->sc, n, YN_SCALAR, "paper", where) || schema_is_null(n)) return;
    it->paper_pos = n->pos;
    it->paper_written = arena_strdup(&m->arena, n->text);
    size_t len = n->text_len;
    if (len < 4 || strcmp(n->text + len - 3, ".md") != 0) {
        diag_error(L->sc.diags, n->pos, "'paper' names a paper, a Markdown file (.md) beside "
                   "its plan, not '%s'", n->text);
        return;
    }
    char *resolved = path_resolve(L->dir, n->text);
    const char *path = arena_strdup(&m->arena, resolved ? resolved : n->text);
    free(resolved);
    if (access(path, R_OK) != 0) {
        diag_error(L->sc.diags, n->pos, "the paper %s does not exist (looked for %s); paper "
                   "paths are relative to the meeting file", n->text, path);
        return;
    }
    if (L->root && !project_root_contains(L->root, path, NULL)) {
        diag_error(L->sc.diags, n->pos, "the paper %s is outside the project folder", n->text);
        return;
    }
    it->paper = path;
}

static void load_item(loader *L, const ynode *n, meeting_item *it, size_t index)
{
    meeting *m = L->m;
    char where[48];
    snprintf(where, sizeof where, "item %zu of the agenda", index + 1);
    it->pos = n->pos;
    it->kind = ITEM_BUSINESS;
    schema_check_keys(&L->sc, n, item_keys, N(item_keys), where);
    const ynode *k = ynode_get(n, "standard");
    int standard = 0;
    if (k && !schema_is_null(k)) {
        int w = schema_enum(&L->sc, k, standard_words, N(standard_words), "standard", where);
        if (w >= 0) it->kind = (item_kind)w;
        standard = 1;
    }
    if ((k = ynode_get(n, "paper")) && !schema_is_null(k)) {
        if (standard)
            diag_error(L->sc.diags, k->pos, "a standard item (%s) has no paper: give the report "
                       "an item of its own", item_kind_word(it->kind));
        else
            load_paper_ref(L, it, k, where);
    }
    it->title = text(L, n, "title", 0, where);
    it->text = text(L, n, "text", 0, where);
    it->lead = text(L, n, "lead", 0, where);
    if (!standard && !it->title && !it->paper_written)
        diag_error(L->sc.diags, n->pos, "%s needs 'standard' (apologies, declarations, minutes, "
                   "public-questions, urgent-business or exclusion), a 'paper' or a 'title'", where);
    if ((k = ynode_get(n, "number")) && !schema_is_null(k) &&
        schema_expect(&L->sc, k, YN_SCALAR, "number", where)) {
        it->number = arena_strdup(&m->arena, k->text);
        it->number_given = 1;
        it->number_pos = k->pos;
    }
    if ((k = ynode_get(n, "exempt"))) {
        it->exempt_pos = k->pos;
        int para = 0;
        if (schema_is_null(k) || k->kind != YN_SCALAR || !isdigit((unsigned char)k->text[0])) {
            diag_error(L->sc.diags, k->pos, "'exempt' in %s must give the paragraph of Part 1 of "
                       "Schedule 12A to the Local Government Act 1972 that applies, 1 to 7 "
                       "(exempt: 3), not %s", where,
                       k->kind != YN_SCALAR ? ynode_kind_name(k)
                       : schema_is_null(k) ? "nothing" : k->text);
        } else if (schema_int(&L->sc, n, "exempt", 1, 7, &para, where) > 0) {
            it->exempt = para;
        }
        if (it->exempt && it->kind != ITEM_BUSINESS && it->kind != ITEM_MINUTES)
            diag_error(L->sc.diags, k->pos, "the %s item cannot be exempt", item_kind_word(it->kind));
    }
    if ((k = ynode_get(n, "supplementary")) && !schema_is_null(k)) {
        int w = schema_enum(&L->sc, k, supplementary_words, N(supplementary_words),
                            "supplementary", where);
        if (w >= 0) it->supplementary = (supplementary_mode)(w + 1);
        if (standard && it->kind != ITEM_MINUTES)
            diag_error(L->sc.diags, k->pos, "the %s item is on the published agenda; only "
                       "business can be supplementary", item_kind_word(it->kind));
    }
    it->illustrative = schema_flag(&L->sc, n, "illustrative", where);
    if ((k = ynode_get(n, "minutes-of")) && !schema_is_null(k)) {
        if (it->kind != ITEM_MINUTES)
            diag_error(L->sc.diags, k->pos, "'minutes-of' belongs to a minutes item "
                       "(standard: minutes)");
        else
            schema_date_node_as(&L->sc, k, "minutes-of date", DATE_ACCEPT(DATE_DAY), &it->minutes_of);
    }
}

/* 1, 2, 3 ... in order; a given whole number restarts the count; an added item with no
 * number takes the previous number with a letter. */
static void number_items(loader *L)
{
    meeting *m = L->m;
    long count = 0;
    const char *prev = NULL;
    int letter = 0;
    for (size_t i = 0; i < m->n_items; i++) {
        meeting_item *it = &m->items[i];
        if (it->number_given) {
            char *end;
            long v = strtol(it->number, &end, 10);
            if (isdigit((unsigned char)it->number[0]) && !*end && v >= 0 && v < 100000) count = v;
            letter = 0;
        } else if (it->supplementary == SUPP_ADDED && prev) {
            it->number = arena_printf(&m->arena, "%s%c", prev, 'A' + (letter < 25 ? letter : 25));
            letter++;
            continue;   /* the letters follow the item before, which stays 'prev' */
        } else {
            it->number = arena_printf(&m->arena, "%ld", ++count);
            letter = 0;
        }
        prev = it->number;
    }
}

/* A paper, a number or a standard item given twice. */
static void check_duplicates(loader *L)
{
    meeting *m = L->m;
    hashmap numbers, papers;
    hashmap_init(&numbers);
    hashmap_init(&papers);
    const meeting_item *kinds[ITEM__COUNT] = {0};
    for (size_t i = 0; i < m->n_items; i++) {
        meeting_item *it = &m->items[i];
        const meeting_item *o;
        if (it->number && (o = hashmap_get(&numbers, it->number)))
            diag_error(L->sc.diags, it->number_given ? it->number_pos : it->pos,
                       "duplicate item: item %s is already on the agenda (line %d); give each "
                       "item its own number", it->number, o->pos.line);
        else if (it->number)
            hashmap_put(&numbers, it->number, it);
        if (it->paper) {
            char *canon = realpath(it->paper, NULL);
            const char *key = canon ? arena_strdup(&m->arena, canon) : it->paper;
            free(canon);
            if ((o = hashmap_get(&papers, key))) {
                diag_error(L->sc.diags, it->paper_pos, "duplicate item: the paper %s is already "
                           "item %s (line %d)", it->paper_written, o->number ? o->number : "?",
                           o->pos.line);
                it->paper = NULL;   /* checked once, as the first */
            } else
                hashmap_put(&papers, key, it);
        }
        if (it->kind != ITEM_BUSINESS && it->kind != ITEM_MINUTES) {
            if ((o = kinds[it->kind]))
                diag_error(L->sc.diags, it->pos, "duplicate item: the agenda already has the %s "
                           "item (item %s, line %d)", item_kind_word(it->kind),
                           o->number ? o->number : "?", o->pos.line);
            else
                kinds[it->kind] = it;
        }
    }
    hashmap_free(&numbers);
    hashmap_free(&papers);
}

static void load_items(loader *L, const ynode *root)
{
    meeting *m = L->m;
    const ynode *items = ynode_get(root, "items");
    if (!items || schema_is_null(items)) {
        diag_error(L->sc.diags, root->pos, "the meeting file has no 'items': list the agenda's "
                   "items in order");
        return;
    }
    if (!schema_expect(&L->sc, items, YN_SEQ, "items", "the meeting file")) return;
    if (items->len == 0) {
        diag_error(L->sc.diags, items->pos, "the agenda has no items");
        return;
    }
    m->items = arena_alloc(&m->arena, items->len * sizeof *m->items);
    for (size_t i = 0; i < items->len; i++) {
        const ynode *n = items->items[i];
        meeting_item *it = &m->items[m->n_items++];
        memset(it, 0, sizeof *it);
        it->pos = n->pos;
        if (n->kind != YN_MAP) {
            diag_error(L->sc.diags, n->pos, "each item is a mapping, such as "
                       "'- standard: apologies' or '- paper: ../plan/report.md', not %s",
                       ynode_kind_name(n));
            it->kind = ITEM_BUSINESS;
            continue;
        }
        load_item(L, n, it, i);
    }
    number_items(L);
    check_duplicates(L);
}

static char *slug_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && !strcmp(base + n - 5, ".yaml")) n -= 5;
    else if (n > 4 && !strcmp(base + n - 4, ".yml")) n -= 4;
    return strndup(base, n);
}

meeting *meeting_load_buffer(const char *name, const char *data, size_t len, diag_list *diags)
{
    meeting *m = xcalloc(1, sizeof *m);
    arena_init(&m->arena);
    size_t errors_before = diags->errors;
    m->file = arena_strdup(&m->arena, name);
    char *slug = slug_of(name);
    m->slug = arena_strdup(&m->arena, slug);
    free(slug);
    loader L = {m, {&m->arena, diags, date_today()}, dir_of(name), project_root_find(name)};
    int empty, usable = 0;
    arena tree;
    arena_init(&tree);
    ynode *root = yaml_tree_parse(&tree, diags, m->file, data, len, &empty);
    if (root && root->kind != YN_MAP) {
        diag_error(diags, root->pos, "a meeting file is a mapping with 'meeting' and 'items' "
                   "sections, not %s", ynode_kind_name(root));
    } else if (!root && empty) {
        diag_error(diags, make_pos(m->file, 1, 1), "the meeting file is empty");
    } else if (root) {
        /* usable when its YAML is whole: its items' mistakes are reported, and what can
         * still be checked (the papers it names) is checked too */
        usable = diags->errors == errors_before;
        schema_check_keys(&L.sc, root, top_keys, N(top_keys), "the meeting file");
        load_meeting(&L, root);
        load_items(&L, root);
        usable = usable && m->n_items > 0;
    }
    arena_free(&tree);
    free(L.dir);
    free(L.root);
    if (!usable) {
        meeting_free(m);
        return NULL;
    }
    return m;
}

meeting *meeting_load_file(const char *path, diag_list *diags)
{
    char *data;
    size_t len;
    if (read_input(path, "meeting file", diags, &data, &len) != 0) return NULL;
    meeting *m = meeting_load_buffer(path, data, len, diags);
    free(data);
    return m;
}

/* ---- references ------------------------------------------------------------------ */

static int same_text(const char *a, const char *b)
{
    /* case and runs of spaces do not matter: "Audit committee" is "Audit Committee" */
    while (*a && *b) {
        if (isspace((unsigned char)*a) && isspace((unsigned char)*b)) {
            while (isspace((unsigned char)*a)) a++;
            while (isspace((unsigned char)*b)) b++;
            continue;
        }
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
        a++, b++;
    }
    while (isspace((unsigned char)*a)) a++;
    while (isspace((unsigned char)*b)) b++;
    return !*a && !*b;
}

int meeting_check_paper(const meeting *m, const meeting_item *it, const paper *p,
                        const plan *pl, diag_list *diags)
{
    srcpos at = it->paper_pos;
    const char *name = it->paper_written ? it->paper_written : p->file;
    if (p->committee && m->committee && !same_text(p->committee, m->committee))
        diag_error(diags, at, "the paper %s is for the %s, not this meeting's %s: name the "
                   "right paper, or correct 'committee' in its front block", name, p->committee,
                   m->committee);
    else if (!p->committee)
        diag_warning(diags, at, "the paper %s does not say its committee; add 'committee: %s' "
                     "to its front block", name, m->committee ? m->committee : "");
    char want[DATE_BUF], got[DATE_BUF];
    date_format(m->date, want, sizeof want);
    if (p->meeting.kind == DATE_NONE) {
        char iso[DATE_BUF];
        date_format_iso(m->date, iso, sizeof iso);
        diag_warning(diags, at, "the paper %s does not say its meeting date; add 'meeting: %s' "
                     "to its front block", name, iso);
    } else if (m->date.kind && (p->meeting.kind != DATE_DAY || p->meeting.year != m->date.year ||
                                p->meeting.month != m->date.month || p->meeting.day != m->date.day)) {
        date_format(p->meeting, got, sizeof got);
        diag_error(diags, at, "the paper %s is for the meeting of %s, not this one of %s: name "
                   "the right paper, or correct 'meeting' in its front block", name, got, want);
    }
    if (p->item && it->number && !same_text(p->item, it->number))
        diag_error(diags, at, "the paper %s says it is item %s, but it is item %s on this "
                   "agenda: correct 'item' in its front block or 'number' here", name, p->item,
                   it->number);
    if (pl && pl->organisation && m->council && !same_text(pl->organisation, m->council))
        diag_error(diags, at, "the paper %s reports on a plan of %s, not %s", name,
                   pl->organisation, m->council);
    int exempt = p->exempt_paragraph;
    if (it->exempt && !exempt)
        diag_error(diags, it->exempt_pos, "item %s is exempt under paragraph %d, but its paper %s "
                   "is not: add 'exempt: %d' to the paper's front block, or its public edition "
                   "would publish it", it->number ? it->number : "?", it->exempt, name, it->exempt);
    else if (it->exempt && exempt != it->exempt)
        diag_error(diags, it->exempt_pos, "item %s is exempt under paragraph %d here, but its "
                   "paper %s says paragraph %d: make them agree", it->number ? it->number : "?",
                   it->exempt, name, exempt);
    return exempt ? exempt : it->exempt;
}

void meeting_check_order(const meeting *m, const int *exempt, const int *has_exempt_parts,
                         diag_list *diags)
{
    const meeting_item *excl = NULL;
    int any_parts = 0;
    for (size_t i = 0; i < m->n_items; i++) {
        const meeting_item *it = &m->items[i];
        const char *num = it->number ? it->number : "?";
        any_parts |= has_exempt_parts[i];
        if (it->kind == ITEM_EXCLUSION) {
            if (!excl) excl = it;
            continue;
        }
        if (exempt[i] && !excl) {
            int later = 0;
            for (size_t j = i + 1; j < m->n_items; j++) later |= m->items[j].kind == ITEM_EXCLUSION;
            diag_error(diags, it->exempt_pos.line ? it->exempt_pos : it->paper_pos.line ? it->paper_pos : it->pos,
                       "item %s is exempt (paragraph %d), so it must come after the exclusion "
                       "of the public: %s", num, exempt[i],
                       later ? "move it below the 'standard: exclusion' item"
                             : "add '- standard: exclusion' before it");
        } else if (!exempt[i] && excl && !it->exempt_pos.line) {
            /* (an 'exempt' that could not be read was reported where it is) */
            diag_error(diags, it->pos, "item %s comes after the exclusion of the public (item %s) "
                       "but is not exempt: give the paragraph of Schedule 12A that applies "
                       "(exempt: N), or move it above item %s", num,
                       excl->number ? excl->number : "?", excl->number ? excl->number : "?");
        }
    }
    if (any_parts && !excl) {
        for (size_t i = 0; i < m->n_items; i++) {
            if (!has_exempt_parts[i]) continue;
            diag_warning(diags, m->items[i].paper_pos, "the paper of item %s has an exempt "
                         "appendix, but the agenda has no exclusion of the public to name it; "
                         "add '- standard: exclusion' to the items",
                         m->items[i].number ? m->items[i].number : "?");
            break;
        }
    }
    if (excl) {
        int any = any_parts;
        for (size_t i = 0; i < m->n_items; i++) any |= exempt[i] != 0;
        if (!any)
            diag_warning(diags, excl->pos, "the exclusion of the public names no exempt item or "
                         "appendix; remove it, or mark the exempt items (exempt: N)");
    }
}
