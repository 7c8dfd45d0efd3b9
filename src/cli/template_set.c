/* template_set.c - load templates once per search path (template_set.h). */
#include "template_set.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../load/house_load.h"
#include "../util/fileio.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "tabled_config.h"

static void note_input(template_set *t, const char *path)
{
    t->inputs = xrealloc(t->inputs, (t->n_inputs + 1) * sizeof *t->inputs);
    t->inputs[t->n_inputs++] = xstrdup(path);
}

/* "no html/paper.css in templates or /usr/local/share/tabled/templates" */
static void missing(template_set *t, const char *input, const char *rel, diag_list *diags)
{
    char *where = resource_describe_templates(&t->rp);
    diag_error(diags, make_pos(input ? input : "tabled", 0, 0),
               "no %s in the templates (looked in %s); give --templates DIR", rel, where);
    free(where);
}

static int load_house(template_set *t, const char *input, diag_list *diags)
{
    (void)input;
    char *path = resource_template(&t->rp, "house.yaml");
    int rc = 0;
    if (path) {
        note_input(t, path);
        rc = house_load(&t->house, path, &t->arena, diags);
    } else {
        house_style_default(&t->house); /* the built-in style house.yaml restates */
    }
    free(path);
    return rc;
}

static int load_variants(template_set *t, const char *input, diag_list *diags)
{
    char *dirs[2];
    int n = resource_template_dirs(&t->rp, "variants", dirs);
    if (n == 0) {
        missing(t, input, "variants/ folder", diags);
        return -1;
    }
    int rc = variants_load_dirs(&t->variants, dirs, (size_t)n, diags);
    for (size_t i = 0; i < t->variants.n; i++) note_input(t, t->variants.items[i].file);
    for (int i = 0; i < n; i++) free(dirs[i]);
    return rc;
}

static int load_css(template_set *t, const char *input, diag_list *diags)
{
    char *path = resource_template(&t->rp, "html/paper.css");
    if (!path) {
        missing(t, input, "html/paper.css", diags);
        return -1;
    }
    note_input(t, path);
    size_t len;
    int rc = read_input(path, "stylesheet", diags, &t->css, &len);
    free(path);
    return rc;
}

/* The folder holding the house style's four faces; a face in none of the font folders
 * is an error now, before any PDF is begun (and in tabled check). */
static int load_fonts(template_set *t, const char *input, diag_list *diags)
{
    const char *faces[] = {t->house.font_regular, t->house.font_bold, t->house.font_italic,
                           t->house.font_bold_italic};
    t->fonts = resource_fonts_dir(&t->rp, faces, 4);
    int rc = 0;
    for (size_t i = 0; i < 4; i++) {
        strbuf path = STRBUF_INIT;
        sb_printf(&path, "%s/%s", t->fonts, faces[i]);
        struct stat st;
        if (access(path.data, R_OK) == 0 && (stat(path.data, &st) != 0 || !S_ISREG(st.st_mode))) {
            /* a folder, FIFO or device: libharu would read it for ever or fail */
            diag_error(diags, make_pos(input ? input : "tabled", 0, 0),
                       "the font %s (named by the house style) is not a regular file: %s", faces[i],
                       path.data);
            rc = -1;
        } else if (access(path.data, R_OK) != 0) {
            strbuf where = STRBUF_INIT;
            for (int k = 0; k < t->rp.n_fonts; k++) sb_printf(&where, "%s%s", k ? ", " : "", t->rp.fonts[k]);
            diag_error(diags, make_pos(input ? input : "tabled", 0, 0),
                       "the font %s (named by the house style) is not in %s; give --fonts DIR",
                       faces[i], where.data ? where.data : "any fonts/ folder");
            sb_free(&where);
            rc = -1;
        }
        sb_free(&path);
    }
    return rc;
}

template_set *templates_for(template_cache *c, const char *input, unsigned parts,
                            diag_list *diags)
{
    resource_path rp;
    resource_path_init(&rp, input, c->templates_opt, c->fonts_opt);
    char *key = resource_path_key(&rp);
    template_set *t = NULL;
    for (size_t i = 0; i < c->n && !t; i++)
        if (strcmp(c->items[i]->key, key) == 0) t = c->items[i];
    if (t) {
        free(key);
        resource_path_free(&rp);
    } else {
        t = xcalloc(1, sizeof *t);
        t->rp = rp;
        t->key = key;
        arena_init(&t->arena);
        house_style_default(&t->house);
        c->items = xrealloc(c->items, (c->n + 1) * sizeof *c->items);
        c->items[c->n++] = t;
    }
    if (t->rp.n_templates == 0 && (parts & (TS_VARIANTS | TS_CSS))) {
        /* The house style has built-in defaults; front sheets and the stylesheet do not. */
        if (!t->failed)
            diag_error(diags, make_pos(input ? input : "tabled", 0, 0),
                       "no templates: there is no templates/ folder beside this file or above it, "
                       "and none installed in %s; give --templates DIR",
                       TABLED_DATADIR);
        t->failed = ~0u;
        return NULL;
    }
    /* Fonts are named by the house style. */
    if (parts & TS_FONTS) parts |= TS_HOUSE;
    static const unsigned order[] = {TS_HOUSE, TS_VARIANTS, TS_CSS, TS_FONTS};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        unsigned part = order[i];
        if (!(parts & part) || (t->loaded & part)) continue;
        t->loaded |= part;
        int rc = part == TS_HOUSE      ? load_house(t, input, diags)
                 : part == TS_VARIANTS ? load_variants(t, input, diags)
                 : part == TS_CSS      ? load_css(t, input, diags)
                                       : load_fonts(t, input, diags);
        if (rc != 0) t->failed |= part;
    }
    return (t->failed & parts) ? NULL : t;
}

void template_cache_free(template_cache *c)
{
    for (size_t i = 0; i < c->n; i++) {
        template_set *t = c->items[i];
        resource_path_free(&t->rp);
        free(t->key);
        if (t->loaded & TS_VARIANTS) variants_free(&t->variants);
        arena_free(&t->arena);
        free(t->css);
        free(t->fonts);
        for (size_t k = 0; k < t->n_inputs; k++) free(t->inputs[k]);
        free(t->inputs);
        free(t);
    }
    free(c->items);
    c->items = NULL;
    c->n = 0;
}
