/* ids.c - unique, valid ids for everything a reader can link to, and each heading's
 * rank in the document's outline; decided once so that every output names and nests
 * the same things the same way.
 *
 * Ids: headings (their own id, else "s-" and their number), numbered paragraphs and
 * items ("p-2-1"), appendices ("appendix-a") and their titles ("appendix-a-title"),
 * tables (their own id, else "table-N") and their captions ("table-1-caption"). An id
 * keeps letters, digits, '-' and '_' (a '.' after a prefix becomes '-'); anything else
 * becomes one '-'; a repeat gets "-2", "-3". "main" is the web page's own.
 *
 * Ranks: the outline never skips a level. The document's title is rank 1; the body's
 * and each appendix's headings start at 2 (an appendix's own content at 3), a heading
 * is one below the nearest before it written at a higher level, and nothing is deeper
 * than 6. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/hashmap.h"
#include "../util/strbuf.h"
#include "report.h"

typedef struct {
    rdoc *d;
    hashmap used;
    int ntables, nfigures;
    int src[8], rank[8], depth, base;   /* the open headings, by level written */
} walk;

static const char *unique_id(walk *w, const char *prefix, const char *raw)
{
    if (!raw || !*raw) return NULL;
    strbuf b = STRBUF_INIT;
    sb_puts(&b, prefix);
    for (const unsigned char *p = (const unsigned char *)raw; *p; p++) {
        if (isalnum(*p) || *p == '-' || *p == '_') sb_putc(&b, (char)*p);
        else if (*p == '.' && prefix[0]) sb_putc(&b, '-');
        else if (*p == '.') sb_putc(&b, '.');
        else if (b.len && b.data[b.len - 1] != '-') sb_putc(&b, '-');
    }
    if (!b.len) sb_puts(&b, "x");
    char *id = arena_strdup(&w->d->arena, b.data);
    for (int k = 2; hashmap_get(&w->used, id); k++) id = arena_printf(&w->d->arena, "%s-%d", b.data, k);
    hashmap_put(&w->used, id, id);
    sb_free(&b);
    return id;
}

static void outline_reset(walk *w, int base)
{
    w->depth = 0;
    w->base = base;
}

static int outline_rank(walk *w, int level)
{
    while (w->depth > 0 && w->src[w->depth - 1] >= level) w->depth--;
    int r = w->depth ? w->rank[w->depth - 1] + 1 : w->base;
    if (r > 6) r = 6;
    if (w->depth < 8) {
        w->src[w->depth] = level;
        w->rank[w->depth] = r;
        w->depth++;
    }
    return r;
}

static void heading(walk *w, rnode *n)
{
    n->rank = (int16_t)outline_rank(w, n->level > 0 ? n->level : 1);
    n->id = n->id ? unique_id(w, "", n->id) : n->number ? unique_id(w, "s-", n->number) : NULL;
}

static void children(walk *w, rnode *n);

static void node(walk *w, rnode *n)
{
    switch (n->type) {
    case RN_HEADING:
        heading(w, n);
        break;
    case RN_PARAGRAPH:
    case RN_ITEM:
        n->id = n->number ? unique_id(w, "p-", n->number) : NULL;
        break;
    case RN_TABLE: {
        w->ntables++;
        const char *tid = n->id ? unique_id(w, "", n->id) : NULL;
        if (!tid) {
            char buf[32];
            snprintf(buf, sizeof buf, "table-%d", w->ntables);
            tid = unique_id(w, "", buf);
        }
        n->id = tid;
        if (n->first && n->first->type == RN_CAPTION)
            n->first->id = unique_id(w, "", arena_printf(&w->d->arena, "%s-caption", tid));
        else
            n->text = arena_printf(&w->d->arena, "Table %d", w->ntables);
        break;
    }
    case RN_APPENDIX: {
        const char *id = n->id ? unique_id(w, "", n->id) : n->number ? unique_id(w, "app-", n->number) : NULL;
        if (!id) id = unique_id(w, "", "appendix");
        n->id = id;
        rnode *title = n->first && n->first->type == RN_HEADING ? n->first : NULL;
        outline_reset(w, 2);
        if (title) {
            title->id = unique_id(w, "", arena_printf(&w->d->arena, "%s-title", id));
            title->rank = (int16_t)outline_rank(w, title->level > 0 ? title->level : 1);
            outline_reset(w, 3);
            children(w, title);
        }
        for (rnode *k = title ? title->next : n->first; k; k = k->next) node(w, k);
        return;
    }
    case RN_FIGURE: {
        w->nfigures++;
        char buf[32];
        snprintf(buf, sizeof buf, "figure-%d", w->nfigures);
        n->id = unique_id(w, "", n->id ? n->id : buf);
        if (n->first && n->first->type == RN_CAPTION)
            n->first->id = unique_id(w, "", arena_printf(&w->d->arena, "%s-caption", n->id));
        for (rnode *k = n->first; k; k = k->next)
            if (k->type != RN_CAPTION) node(w, k);
        return;
    }
    case RN_FRONT_SHEET:
    case RN_BODY:
        outline_reset(w, 2);
        break;
    case RN_FIELD:
        n->id = NULL;   /* nothing links to a field */
        break;
    case RN_ROW:        /* a row the builder named (an agenda's item) */
        n->id = n->id ? unique_id(w, "", n->id) : NULL;
        break;
    case RN_DOCUMENT:
    case RN_FRONT_LINE:
    case RN_LIST:
    case RN_BLOCKQUOTE:
    case RN_CODE_BLOCK:
    case RN_THEMATIC_BREAK:
    case RN_CAPTION:
    case RN_CELL:
    case RN_NOTICE:
    RN_INLINE_CASES:
        break;
    }
    children(w, n);
}

static void children(walk *w, rnode *n)
{
    for (rnode *k = n->first; k; k = k->next) {
        if (k->type == RN_CAPTION && n->type == RN_TABLE) continue;  /* named with it */
        node(w, k);
    }
}

/* An appendix's label ("Appendix A"), unless its title already says "Appendix"; a
 * title numbered with the bare letter shows the label as its number. */
static void appendix_label(rdoc *d, rnode *ap)
{
    rnode *title = ap->first && ap->first->type == RN_HEADING ? ap->first : NULL;
    char *tt = title ? rnode_plain_text(title) : NULL;
    ap->text = tt && !strncasecmp(tt, "Appendix", 8)
                   ? NULL
                   : arena_printf(&d->arena, "Appendix %s", ap->number ? ap->number : "");
    free(tt);
    if (title && title->number && ap->number && !strcmp(title->number, ap->number) &&
        strncasecmp(title->number, "Appendix", 8))
        title->number = arena_printf(&d->arena, "Appendix %s", title->number);
}

void rdoc_settle_structure(rdoc *d)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.d = d;
    hashmap_init(&w.used);
    hashmap_put(&w.used, "main", (void *)"main");   /* the web page's <main> */
    for (rnode *k = d->root ? d->root->first : NULL; k; k = k->next) {
        if (k->type == RN_APPENDIX) appendix_label(d, k);
        outline_reset(&w, 2);
        node(&w, k);
    }
    hashmap_free(&w.used);
}
