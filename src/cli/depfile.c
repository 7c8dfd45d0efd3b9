/* depfile.c - make dependency files (depfile.h). */
#include "depfile.h"

#include <stdlib.h>

#include "../util/fileio.h"

void dep_path(strbuf *sb, const char *p)
{
    sb_putc(sb, ' ');
    for (; *p; p++) {
        if (*p == ' ' || *p == '#' || *p == ':') sb_putc(sb, '\\');
        if (*p == '$') sb_putc(sb, '$');
        sb_putc(sb, *p);
    }
}

void dep_images(strbuf *sb, const rnode *n)
{
    for (const rnode *c = n ? n->first : NULL; c; c = c->next) {
        if (c->type == RN_IMAGE && c->url) dep_path(sb, c->url);
        dep_images(sb, c);
    }
}

void dep_plan(strbuf *sb, const plan *pl)
{
    dep_path(sb, pl->file);
    for (size_t i = 0; i < pl->n_inputs; i++) dep_path(sb, pl->inputs[i]);
}

void dep_templates(strbuf *sb, const template_set *ts, int fonts)
{
    for (size_t i = 0; i < ts->n_inputs; i++) dep_path(sb, ts->inputs[i]);
    if (!fonts) return;
    const char *faces[] = {ts->house.font_regular, ts->house.font_bold, ts->house.font_italic,
                           ts->house.font_bold_italic};
    for (int i = 0; i < 4; i++) {
        strbuf fp = STRBUF_INIT;
        sb_printf(&fp, "%s/%s", ts->fonts, faces[i]);
        dep_path(sb, fp.data);
        sb_free(&fp);
    }
}

int depfile_write(const char *path, const strbuf *targets, const strbuf *deps)
{
    strbuf out = STRBUF_INIT;
    sb_printf(&out, "%s:%s\n", targets->data ? targets->data + 1 : "", deps->data ? deps->data : "");
    /* phony rules for the inputs */
    for (char *p = deps->data; p && *p;) {
        char *e = p + 1;
        while (*e && !(*e == ' ' && e[-1] != '\\')) e++;
        sb_putn(&out, p + 1, (size_t)(e - p - 1));
        sb_puts(&out, ":\n");
        p = e;
    }
    int rc = write_file_atomic(path, out.data, out.len);
    sb_free(&out);
    return rc;
}
