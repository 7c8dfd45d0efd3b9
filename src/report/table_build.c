/* table_build.c - RN_TABLE construction. */
#include "table_build.h"

#include <string.h>

rnode *tb_table(rdoc *d, const char *caption, const char *const *headers, int ncols)
{
    rnode *t = rnode_new(d, RN_TABLE);
    t->ncols = ncols;
    if (caption) {
        rnode *c = rnode_add(d, t, RN_CAPTION);
        rnode_add_text(d, c, caption);
    }
    if (headers) {
        rnode *r = tb_row(d, t, RF_HEADER);
        for (int i = 0; i < ncols; i++) tb_cell(d, r, headers[i], LEVEL_NONE);
    }
    return t;
}

rnode *tb_row(rdoc *d, rnode *table, unsigned flags)
{
    rnode *r = rnode_add(d, table, RN_ROW);
    r->flags = flags;
    return r;
}

void tb_lines(rdoc *d, rnode *parent, const char *text)
{
    if (!text) return;
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        if (!nl) {
            if (*p) rnode_add_text(d, parent, p);
            break;
        }
        rnode *t = rnode_add(d, parent, RN_TEXT);
        t->text = arena_strndup(&d->arena, p, (size_t)(nl - p));
        rnode_add(d, parent, RN_LINEBREAK);
        p = nl + 1;
    }
}

rnode *tb_cell(rdoc *d, rnode *row, const char *text, rag_level level)
{
    rnode *c = rnode_add(d, row, RN_CELL);
    c->rag = level;
    tb_lines(d, c, text);
    return c;
}

rnode *tb_group(rdoc *d, rnode *table, const char *text)
{
    rnode *r = tb_row(d, table, RF_GROUP);
    rnode *c = tb_cell(d, r, text, LEVEL_NONE);
    c->colspan = table->ncols;
    return r;
}
