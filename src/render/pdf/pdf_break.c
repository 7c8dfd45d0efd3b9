/* pdf_break.c - inline items and Knuth-Plass line breaking, ragged right.
 *
 * A paragraph is a list of boxes (words, in one style each), glue (spaces) and
 * penalties (forced breaks, and the break points inside over-long words). Lines are
 * set ragged right, so glue never stretches when drawn; instead each line's badness
 * measures how far it falls short of the measure against a notional stretch of three
 * ems at its end (Knuth's ragged-right setting), and the total-fit algorithm picks the
 * breaks with least demerits over the whole paragraph. A first pass refuses very
 * loose lines; a second accepts any line that is not overfull; only if that too fails
 * (a single glyph wider than the measure) do we fall back to first fit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_break.h"

void il_reset(itemlist *l)
{
    l->len = 0;
    l->nst = 0;
}

void il_free(itemlist *l)
{
    free(l->it);
    free(l->st);
    memset(l, 0, sizeof *l);
}

uint16_t il_style(itemlist *l, const istyle *s)
{
    /* Recent styles first (a paragraph's runs mostly repeat the last few); a paragraph
     * of more than 65000 styled runs shares styles regardless of source node. */
    int full = l->nst >= 65000;
    size_t lo = full || l->nst < 16 ? 0 : l->nst - 16;
    for (size_t i = l->nst; i-- > lo;) {
        const istyle *t = &l->st[i];
        if (t->face == s->face && t->deco == s->deco && t->size == s->size &&
            t->color == s->color && t->bg == s->bg && t->link == s->link &&
            (full || t->src == s->src))
            return (uint16_t)i;
    }
    if (full) return (uint16_t)(l->nst - 1);
    if (l->nst == l->stcap) {
        l->stcap = l->stcap ? l->stcap * 2 : 16;
        l->st = xrealloc(l->st, l->stcap * sizeof *l->st);
    }
    l->st[l->nst] = *s;
    return (uint16_t)l->nst++;
}

item *il_push(itemlist *l, int kind)
{
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->it = xrealloc(l->it, l->cap * sizeof *l->it);
    }
    item *it = &l->it[l->len++];
    memset(it, 0, sizeof *it);
    it->kind = (uint8_t)kind;
    return it;
}

void klines_free(klines *k)
{
    free(k->v);
    memset(k, 0, sizeof *k);
}

static void kl_push(klines *k, size_t start, size_t end, double w)
{
    if (k->len == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 64;
        k->v = xrealloc(k->v, k->cap * sizeof *k->v);
    }
    k->v[k->len++] = (kline){start, end, w};
}

/* ---- over-long words ---------------------------------------------------- */

static int good_break_after(char c)
{
    return c == '/' || c == '.' || c == '-' || c == '_' || c == '?' || c == '&' ||
           c == '=' || c == '#' || c == ':' || c == ',' || c == ';';
}

/* Splits every word (run of boxes) wider than w into one box per character, with a
 * penalty between characters: cheap after / . - and friends, dearer elsewhere. */
static void split_long_words(itemlist *l, double w, pfont *fonts)
{
    size_t n = l->len, i = 0;
    int any = 0;
    while (i < n) {
        if (l->it[i].kind != IT_BOX) {
            i++;
            continue;
        }
        size_t j = i;
        double ww = 0;
        while (j < n && l->it[j].kind == IT_BOX) ww += l->it[j++].w;
        if (ww > w) {
            any = 1;
            break;
        }
        i = j;
    }
    if (!any) return;

    item *old = l->it;
    size_t oldlen = l->len;
    l->it = NULL;
    l->len = l->cap = 0;
    i = 0;
    while (i < oldlen) {
        if (old[i].kind != IT_BOX) {
            *il_push(l, old[i].kind) = old[i];
            i++;
            continue;
        }
        size_t j = i;
        double ww = 0;
        while (j < oldlen && old[j].kind == IT_BOX) ww += old[j++].w;
        if (ww <= w) {
            for (size_t k = i; k < j; k++) *il_push(l, IT_BOX) = old[k];
            i = j;
            continue;
        }
        for (size_t k = i; k < j; k++) {
            const item *b = &old[k];
            if (k > i) {
                item *p = il_push(l, IT_PENALTY);
                p->penalty = 400;
            }
            if (b->pad > 0 || b->len == 0) {   /* a badge stays whole */
                *il_push(l, IT_BOX) = *b;
                continue;
            }
            const istyle *st = &l->st[b->style];
            size_t off = 0;
            while (off < b->len) {
                uint32_t cp;
                size_t cl = utf8_decode(b->s + off, b->len - off, &cp);
                if (!cl) cl = 1;
                if (off > 0) {
                    item *p = il_push(l, IT_PENALTY);
                    p->penalty = good_break_after(b->s[off - 1]) ? 50 : 400;
                }
                item *c = il_push(l, IT_BOX);
                c->style = b->style;
                c->s = b->s + off;
                c->len = (uint32_t)cl;
                c->w = pfont_width(&fonts[st->face], c->s, cl, st->size);
                off += cl;
            }
        }
        i = j;
    }
    free(old);
}

/* ---- total fit ------------------------------------------------------------ */

typedef struct {
    size_t pos;             /* the break item (SIZE_MAX: paragraph start) */
    size_t start;           /* first item of the line after it */
    int fit, line;
    double dem;
    long prev;
} kpnode;

static size_t after_break(const itemlist *l, size_t b)
{
    size_t i = b == SIZE_MAX ? 0 : b + 1;
    while (i < l->len && (l->it[i].kind == IT_GLUE ||
                          (l->it[i].kind == IT_PENALTY && l->it[i].penalty > PEN_FORCE)))
        i++;
    return i;
}

static int breakable(const itemlist *l, size_t b)
{
    const item *it = &l->it[b];
    if (it->kind == IT_GLUE) return b > 0 && l->it[b - 1].kind == IT_BOX;
    if (it->kind == IT_PENALTY) return it->penalty < PEN_INF;
    return 0;
}

static int total_fit(const itemlist *l, const double *sw, double w, double stretch,
                     double tol, klines *out)
{
    size_t n = l->len;
    kpnode *nodes = NULL;
    size_t nn = 0, ncap = 0;
    long *active = NULL, *next = NULL;
    size_t na = 0, acap = 0;
    int ok = 0;
    double short_last = w * 0.2 < stretch * 2 ? w * 0.2 : stretch * 2;

#define NEWNODE(p, f, ln, d, pr)                                                        \
    do {                                                                                \
        if (nn == ncap) {                                                               \
            ncap = ncap ? ncap * 2 : 64;                                                \
            nodes = xrealloc(nodes, ncap * sizeof *nodes);                              \
        }                                                                               \
        nodes[nn] = (kpnode){(p), after_break(l, (p)), (f), (ln), (d), (pr)};          \
        nn++;                                                                           \
    } while (0)

    acap = 64;
    active = xmalloc(acap * sizeof *active);
    next = xmalloc(acap * sizeof *next);
    NEWNODE(SIZE_MAX, 1, 0, 0.0, -1);
    active[na++] = 0;

    for (size_t b = 0; b < n && na > 0; b++) {
        if (!breakable(l, b)) continue;
        int forced = l->it[b].kind == IT_PENALTY && l->it[b].penalty <= PEN_FORCE;
        int pen = l->it[b].kind == IT_PENALTY ? l->it[b].penalty : 0;
        double bestd[4] = {HUGE_VAL, HUGE_VAL, HUGE_VAL, HUGE_VAL};
        long bestn[4] = {-1, -1, -1, -1};
        size_t nk = 0;
        for (size_t ai = 0; ai < na; ai++) {
            long a = active[ai];
            const kpnode *A = &nodes[a];
            if (A->start > b) {         /* nothing on the line yet */
                next[nk++] = a;
                continue;
            }
            double L = sw[b] - sw[A->start];
            if (L > w + 1e-6) continue; /* overfull from here on: deactivate */
            double bad = 0, r = 0;
            if (!forced) {
                r = (w - L) / stretch;
                bad = 100.0 * r * r * r;
                if (bad > 10000) bad = 10000;
            }
            if (bad <= tol) {
                double d = (10 + bad) * (10 + bad);
                if (pen > 0) d += (double)pen * pen;
                else if (pen < 0 && !forced) d -= (double)pen * pen;
                int fit = forced ? 2 : r > 1.0 ? 0 : r > 0.5 ? 1 : 2;
                if (!forced && abs(fit - A->fit) > 1) d += 3000;
                /* a last line of one short word looks lost: pull a word down to it */
                if (forced && b == n - 1 && A->line >= 1 && L < short_last)
                    d += 2000 * (1 - L / short_last);
                d += A->dem;
                if (d < bestd[fit]) {
                    bestd[fit] = d;
                    bestn[fit] = a;
                }
            }
            if (!forced) next[nk++] = a;
        }
        for (int f = 0; f < 4; f++) {
            if (bestn[f] < 0) continue;
            NEWNODE(b, f, nodes[bestn[f]].line + 1, bestd[f], bestn[f]);
            if (nk + 1 >= acap) {
                acap *= 2;
                active = xrealloc(active, acap * sizeof *active);
                next = xrealloc(next, acap * sizeof *next);
            }
            next[nk++] = (long)(nn - 1);
        }
        long *t = active;
        active = next;
        next = t;
        na = nk;
        if (nk + 4 >= acap) {
            acap *= 2;
            active = xrealloc(active, acap * sizeof *active);
            next = xrealloc(next, acap * sizeof *next);
        }
    }

    /* The best node at the final (forced) break. */
    long best = -1;
    for (size_t ai = 0; ai < na; ai++) {
        long a = active[ai];
        if (nodes[a].pos != n - 1) continue;
        if (best < 0 || nodes[a].dem < nodes[best].dem) best = a;
    }
    if (best >= 0) {
        size_t nl = (size_t)nodes[best].line, base = out->len;
        for (size_t k = 0; k < nl; k++) kl_push(out, 0, 0, 0);
        for (long a = best, k = (long)nl - 1; a > 0 && k >= 0; a = nodes[a].prev, k--) {
            size_t s = nodes[nodes[a].prev].start, e = nodes[a].pos;
            if (s > e) s = e;
            out->v[base + (size_t)k] = (kline){s, e, sw[e] - sw[s]};
        }
        ok = 1;
    }
    free(nodes);
    free(active);
    free(next);
    return ok;
#undef NEWNODE
}

static void first_fit(const itemlist *l, const double *sw, double w, klines *out)
{
    size_t start = after_break(l, SIZE_MAX), lastbrk = SIZE_MAX, b = start;
    while (b < l->len) {
        const item *it = &l->it[b];
        if (it->kind == IT_PENALTY && it->penalty <= PEN_FORCE) {
            kl_push(out, start, b, sw[b] - sw[start]);
            start = after_break(l, b);
            lastbrk = SIZE_MAX;
            b = start;
            continue;
        }
        if (it->kind == IT_BOX && b > start && sw[b + 1] - sw[start] > w + 1e-6) {
            size_t e = lastbrk != SIZE_MAX ? lastbrk : b;
            kl_push(out, start, e, sw[e] - sw[start]);
            start = lastbrk != SIZE_MAX ? after_break(l, lastbrk) : b;
            lastbrk = SIZE_MAX;
            b = start;
            continue;
        }
        if (b > start && breakable(l, b)) lastbrk = b;
        b++;
    }
}

int kp_break(itemlist *l, double w, pfont *fonts, klines *out)
{
    out->len = 0;
    if (w < 1) w = 1;
    if (l->len == 0 || l->it[l->len - 1].kind != IT_PENALTY ||
        l->it[l->len - 1].penalty > PEN_FORCE) {
        item *p = il_push(l, IT_PENALTY);
        p->penalty = PEN_FORCE;
    }
    split_long_words(l, w, fonts);
    size_t n = l->len;
    double *sw = xmalloc((n + 1) * sizeof *sw);
    sw[0] = 0;
    for (size_t i = 0; i < n; i++)
        sw[i + 1] = sw[i] + (l->it[i].kind == IT_PENALTY ? 0 : l->it[i].w);
    double em = l->nst ? l->st[0].size : 10;
    double stretch = 3 * em;
    if (stretch > w * 0.5) stretch = w * 0.5;
    int fell = 0;
    if (!total_fit(l, sw, w, stretch, 800, out)) {
        out->len = 0;
        if (!total_fit(l, sw, w, stretch, HUGE_VAL, out)) {
            out->len = 0;
            first_fit(l, sw, w, out);
            fell = 1;
        }
    }
    free(sw);
    return fell;
}
