/* options.c - key=value options of computed blocks and placeholders. */
#include <ctype.h>
#include <string.h>

#include "../util/strbuf.h"
#include "build_ctx.h"

static const char *skip_space(const char *s)
{
    while (*s && isspace((unsigned char)*s)) s++;
    return s;
}

/* A word, or a "quoted string"; returns the end. */
static const char *word(rdoc *d, const char *s, char **out, const char *stop)
{
    if (*s == '"' || *s == '\'') {
        char q = *s++;
        const char *e = strchr(s, q);
        if (!e) return NULL;
        *out = arena_strndup(&d->arena, s, (size_t)(e - s));
        return e + 1;
    }
    const char *e = s;
    while (*e && !isspace((unsigned char)*e) && !strchr(stop, *e)) e++;
    *out = arena_strndup(&d->arena, s, (size_t)(e - s));
    return e;
}

int opts_parse(rdoc *d, const char *s, opt_list *o)
{
    memset(o, 0, sizeof *o);
    s = skip_space(s);
    s = word(d, s, &o->name, "=");
    if (!s || !o->name[0]) return -1;
    for (;;) {
        s = skip_space(s);
        if (!*s) break;
        if (o->n == MAX_OPTS) return -1;
        char *k;
        s = word(d, s, &k, "=");
        if (!s || !k[0]) return -1;
        o->keys[o->n] = k;
        o->values[o->n] = NULL;
        if (*s == '=') {
            s = word(d, s + 1, &o->values[o->n], "");
            if (!s) return -1;
        }
        o->n++;
    }
    return 0;
}

const char *opts_get(const opt_list *o, const char *key)
{
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->keys[i], key) == 0) return o->values[i] ? o->values[i] : "";
    return NULL;
}

int opts_check(build_ctx *b, const opt_list *o, const char *const *allowed, size_t n,
               const char *what, srcpos pos)
{
    int bad = 0;
    for (int i = 0; i < o->n; i++) {
        /* Given twice (theme=A theme=B): which one was meant? Given empty (columns=):
         * nothing to use. Both are errors rather than a silent choice. */
        int twice = 0;
        for (int k = 0; k < i; k++) twice |= !strcmp(o->keys[k], o->keys[i]);
        if (twice) {
            diag_error(b->diags, pos, "option '%s' is given twice for %s; keep one", o->keys[i], what);
            bad++;
            continue;
        }
        if (o->values[i] && !*o->values[i]) {
            diag_error(b->diags, pos, "option '%s=' for %s has no value; give one or leave it out",
                       o->keys[i], what);
            bad++;
            continue;
        }
        size_t j;
        for (j = 0; j < n; j++)
            if (strcmp(o->keys[i], allowed[j]) == 0) break;
        if (j < n) continue;
        bad++;
        const char *near = closest_word(o->keys[i], allowed, n);
        strbuf all = STRBUF_INIT;
        for (j = 0; j < n; j++) sb_printf(&all, "%s%s", j ? ", " : "", allowed[j]);
        if (near)
            diag_error(b->diags, pos, "unknown option '%s' for %s; did you mean '%s'?", o->keys[i],
                       what, near);
        else
            diag_error(b->diags, pos, "unknown option '%s' for %s (options: %s)", o->keys[i], what,
                       n ? all.data : "none");
        sb_free(&all);
    }
    return bad;
}

void theme_not_found(build_ctx *b, srcpos pos, const char *what, const char *ref)
{
    size_t n = b->plan->n_themes;
    const char **refs = arena_alloc(&b->d->arena, (n + 1) * sizeof *refs);
    for (size_t i = 0; i < n; i++) refs[i] = b->plan->themes[i].ref;
    strbuf all = STRBUF_INIT;
    sb_word_list(&all, refs, n, 20, NULL);
    const char *near = closest_word(ref, refs, n);
    if (near)
        diag_error(b->diags, pos, "%s: the plan has no theme '%s'; did you mean '%s'? (themes: %s)",
                   what, ref, near, all.data);
    else
        diag_error(b->diags, pos, "%s: the plan has no theme '%s' (themes: %s)", what, ref, all.data);
    sb_free(&all);
}
