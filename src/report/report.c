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
    return d;
}

void rdoc_free(rdoc *d)
{
    if (!d) return;
    arena_free(&d->arena);
    free(d);
}

rnode *rnode_new(rdoc *d, rnode_type type)
{
    rnode *n = arena_alloc(&d->arena, sizeof *n);
    n->type = type;
    return n;
}

void rnode_append(rnode *parent, rnode *child)
{
    child->parent = parent;
    child->next = NULL;
    child->prev = parent->last;
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
    if (!n->parent) return;
    if (n->prev) n->prev->next = n->next;
    else n->parent->first = n->next;
    if (n->next) n->next->prev = n->prev;
    else n->parent->last = n->prev;
    n->parent = n->next = n->prev = NULL;
}

const char *rnode_type_name(rnode_type t)
{
    static const char *const names[] = {
        "document", "front_sheet", "field", "body", "heading", "paragraph", "list", "item",
        "blockquote", "code_block", "thematic_break", "table", "caption", "row", "cell",
        "appendix", "notice", "text", "softbreak", "linebreak", "code", "emph", "strong",
        "strike", "link", "image", "badge"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}

int rnode_is_block(const rnode *n) { return n->type < RN_TEXT; }

static void plain(const rnode *n, strbuf *sb)
{
    switch (n->type) {
    case RN_TEXT:
    case RN_CODE:
    case RN_BADGE:
    case RN_CODE_BLOCK:
        sb_puts(sb, n->text ? n->text : "");
        return;
    case RN_IMAGE:
        sb_puts(sb, n->text ? n->text : "");
        return;
    case RN_SOFTBREAK:
    case RN_LINEBREAK:
        sb_putc(sb, ' ');
        return;
    default:
        break;
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
