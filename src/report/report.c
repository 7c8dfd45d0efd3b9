/* report.c - report description node API. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/xalloc.h"

rdoc *rdoc_new(void)
{
    rdoc *d = xcalloc(1, sizeof *d);
    arena_init(&d->arena);
    d->lang = "en-GB";
    d->summary.percent_complete = -1;
    d->root = rnode_new(d, RN_DOCUMENT);
    house_style h;
    house_style_default(&h);
    rdoc_set_palette(d, &h);
    return d;
}

void rdoc_finish(rdoc *d)
{
    if (!d->has_fingerprint) rdoc_fingerprint(d, NULL);
    rdoc_settle_front_sheet(d);
    rdoc_settle_furniture(d);
    rdoc_settle_structure(d);
}

void rdoc_free(rdoc *d)
{
    if (!d) return;
    arena_free(&d->arena);
    free(d);
}

const rimage *rdoc_image(const rdoc *d, const char *path)
{
    for (const rimage *m = path ? d->images : NULL; m; m = m->next)
        if (!strcmp(m->path, path)) return m;
    return NULL;
}

const rimage *rdoc_add_image(rdoc *d, const char *path, const unsigned char *data, size_t len)
{
    rimage *m = arena_alloc(&d->arena, sizeof *m);
    m->path = arena_strdup(&d->arena, path);
    unsigned char *copy = arena_alloc(&d->arena, len ? len : 1);
    if (len) memcpy(copy, data, len);
    m->data = copy;
    m->len = len;
    m->next = d->images;
    d->images = m;
    return m;
}

/* Nodes come from slabs: the arena rounds each allocation up to 16 bytes, a slab
 * packs them at their own 8-byte alignment. */
#define NODES_PER_SLAB 512

rnode *rnode_new(rdoc *d, rnode_type type)
{
    if (!d->nspare) {
        d->spare = arena_alloc(&d->arena, NODES_PER_SLAB * sizeof *d->spare);    /* zeroed */
        d->nspare = NODES_PER_SLAB;
    }
    rnode *n = d->spare++;
    d->nspare--;
    n->type = type;
    return n;
}

void rnode_append(rnode *parent, rnode *child)
{
    child->parent = parent;
    child->next = NULL;
    if (parent->last) parent->last->next = child;
    else parent->first = child;
    parent->last = child;
}

rnode *rnode_add(rdoc *d, rnode *parent, rnode_type type)
{
    rnode *n = rnode_new(d, type);
    rnode_append(parent, n);
    return n;
}

rnode *rnode_add_text(rdoc *d, rnode *parent, const char *text)
{
    rnode *n = rnode_add(d, parent, RN_TEXT);
    n->text = arena_strdup(&d->arena, text ? text : "");
    return n;
}

void rnode_unlink(rnode *n)
{
    rnode *p = n->parent;
    if (!p) return;
    rnode *prev = NULL;
    if (p->first != n) {
        prev = p->first;
        while (prev && prev->next != n) prev = prev->next;
        if (!prev) return;      /* not among its parent's children */
        prev->next = n->next;
    } else {
        p->first = n->next;
    }
    if (p->last == n) p->last = prev;
    n->parent = n->next = NULL;
}

void rnode_set_pos(rnode *n, srcpos pos)
{
    n->line = pos.line > 0 ? (uint32_t)pos.line : 0;
    n->col = pos.col <= 0 ? 0 : pos.col > UINT16_MAX ? UINT16_MAX : (uint16_t)pos.col;
}

srcpos rnode_pos(const rdoc *d, const rnode *n)
{
    for (; n; n = n->parent)
        if (n->line || n->col) return make_pos(d ? d->file : NULL, (int)n->line, n->col);
    return make_pos(NULL, 0, 0);
}

int rnode_is_block(const rnode *n) { return n->type < RN_TEXT; }

int rnode_table_columns(const rnode *t)
{
    if (t->ncols > 0) return t->ncols;
    int best = 1;
    for (const rnode *r = t->first; r; r = r->next) {
        if (r->type != RN_ROW) continue;
        int w = 0;
        for (const rnode *cell = r->first; cell; cell = cell->next)
            w += cell->colspan > 1 ? cell->colspan : 1;
        if (w > best) best = w;
    }
    return best;
}

_Static_assert(sizeof(rnode) == 72, "a report node stays 72 bytes");

static void plain(const rnode *n, strbuf *sb)
{
    switch (n->type) {
    case RN_TEXT:
    case RN_CODE:
    case RN_BADGE:
    case RN_CODE_BLOCK:
    case RN_IMAGE:          /* its alternative text */
    case RN_FIGURE:
    case RN_FRONT_LINE:
        sb_puts(sb, n->text ? n->text : "");
        return;
    case RN_SOFTBREAK:
    case RN_LINEBREAK:
        sb_putc(sb, ' ');
        return;
    case RN_DOCUMENT:
    case RN_FRONT_SHEET:
    case RN_FIELD:
    case RN_BODY:
    case RN_HEADING:
    case RN_PARAGRAPH:
    case RN_LIST:
    case RN_ITEM:
    case RN_BLOCKQUOTE:
    case RN_THEMATIC_BREAK:
    case RN_TABLE:
    case RN_CAPTION:
    case RN_ROW:
    case RN_CELL:
    case RN_APPENDIX:
    case RN_NOTICE:
    case RN_EMPH:
    case RN_STRONG:
    case RN_STRIKE:
    case RN_LINK:
        break;      /* the text of its children */
    }
    for (const rnode *c = n->first; c; c = c->next) {
        if (c != n->first && rnode_is_block(c)) sb_putc(sb, ' ');
        plain(c, sb);
    }
}

char *rnode_plain_text(const rnode *n)
{
    strbuf sb = STRBUF_INIT;
    plain(n, &sb);
    return sb_detach(&sb);
}
