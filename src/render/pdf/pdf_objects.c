/* pdf_objects.c - our own objects in object streams, and the cross-reference stream
 * (see pdf_objects.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_objects.h"

/* An object stream holds at most this many objects, and about this many bytes. */
#define OBJSTM_MAX_OBJECTS 4096
#define OBJSTM_MAX_BYTES (1u << 20)

typedef struct {
    uint32_t num;           /* object number */
    uint32_t at;            /* offset in the group's data */
} pentry;

typedef struct {
    size_t row;             /* 0: plain */
    strbuf data;
    pentry *e;
    size_t n, cap;
} pgroup;

struct pobjects {
    uint32_t base, next;
    pgroup *g;
    size_t ng, capg;
};

pobjects *pobj_new(void) { return xcalloc(1, sizeof(pobjects)); }

void pobj_free(pobjects *o)
{
    if (!o) return;
    for (size_t i = 0; i < o->ng; i++) {
        sb_free(&o->g[i].data);
        free(o->g[i].e);
    }
    free(o->g);
    free(o);
}

void pobj_start(pobjects *o, uint32_t base) { o->base = o->next = base; }

uint32_t pobj_next(const pobjects *o) { return o->next; }

int pobj_group(pobjects *o, size_t row)
{
    if (o->ng == o->capg) {
        o->capg = o->capg ? o->capg * 2 : 16;
        o->g = xrealloc(o->g, o->capg * sizeof *o->g);
    }
    memset(&o->g[o->ng], 0, sizeof o->g[0]);
    o->g[o->ng].row = row;
    return (int)o->ng++;
}

uint32_t pobj_add(pobjects *o, int gi, const char *s, size_t n)
{
    pgroup *g = &o->g[gi];
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->e = xrealloc(g->e, g->cap * sizeof *g->e);
    }
    g->e[g->n++] = (pentry){o->next, (uint32_t)g->data.len};
    sb_putn(&g->data, s, n);
    if (g->row) {
        /* whitespace after it, to a whole number of rows */
        size_t len = n + 1, pad = (len + g->row - 1) / g->row * g->row - n;
        sb_grow(&g->data, pad);
        memset(g->data.data + g->data.len, ' ', pad);
        g->data.len += pad;
        g->data.data[g->data.len] = 0;
    } else {
        sb_putc(&g->data, '\n');
    }
    return o->next++;
}

uint32_t pobj_size_bound(const pobjects *o, size_t more)
{
    size_t objs = (size_t)(o->next - o->base) + more;
    return (uint32_t)(o->next + more + o->ng + objs / 64 + 64);
}

/* ---- writing -------------------------------------------------------------------- */

static int digits(uint64_t v)
{
    int d = 1;
    while (v >= 10) v /= 10, d++;
    return d;
}

/* v's digits ending just before end. */
static void put_num(char *end, uint32_t v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
}

/* PNG "Up" prediction of rows of width w: each row a filter byte (2) and its bytes
 * less the row above's (the first row's above is zeros). */
static unsigned char *predict_up(const unsigned char *in, size_t n, size_t w, size_t *outn)
{
    size_t rows = n / w;
    unsigned char *out = xmalloc(rows * (w + 1) + 1);
    unsigned char *p = out;
    for (size_t r = 0; r < rows; r++) {
        const unsigned char *cur = in + r * w, *up = r ? cur - w : NULL;
        *p++ = 2;
        if (up)
            for (size_t i = 0; i < w; i++) *p++ = (unsigned char)(cur[i] - up[i]);
        else
            memcpy(p, cur, w), p += w;
    }
    *outn = rows * (w + 1);
    return out;
}

/* One object stream: entries [from, to) of group g, as object num. Its offset goes in
 * *at. */
static int write_objstm(strbuf *out, size_t origin, const pgroup *g, size_t from, size_t to,
                        uint32_t num, uint32_t *at, pz_deflater *z)
{
    size_t start = g->e[from].at, end = to < g->n ? g->e[to].at : g->data.len;
    strbuf s = STRBUF_INIT;
    size_t first;
    if (g->row) {
        /* each pair "number offset" in a slot of whole rows, numbers right-aligned */
        int dn = digits(g->e[to - 1].num), doff = digits(end - start);
        size_t pair = (size_t)(dn + 1 + doff + 1), slot = (pair + g->row - 1) / g->row * g->row;
        sb_grow(&s, slot * (to - from) + (end - start));
        for (size_t i = from; i < to; i++) {
            char *p = s.data + s.len;
            memset(p, ' ', slot);
            put_num(p + dn, g->e[i].num);
            put_num(p + dn + 1 + doff, g->e[i].at - start);
            s.len += slot;
        }
        s.data[s.len] = 0;
    } else {
        sb_grow(&s, 24 * (to - from) + 1);
        for (size_t i = from; i < to; i++) {
            char pair[24];
            int n = snprintf(pair, sizeof pair, "%u %u ", (unsigned)g->e[i].num,
                             (unsigned)(g->e[i].at - start));
            sb_putn(&s, pair, (size_t)n);
        }
        sb_putc(&s, '\n');
    }
    first = s.len;
    sb_putn(&s, g->data.data + start, end - start);

    unsigned char *pred = NULL, *zb = NULL;
    const unsigned char *raw = (const unsigned char *)s.data;
    size_t rawn = s.len, zn = 0;
    if (g->row) {
        pred = predict_up(raw, rawn, g->row, &rawn);
        raw = pred;
    }
    int rc = pz_deflate(z, raw, rawn, &zb, &zn);
    free(pred);
    sb_free(&s);
    if (rc < 0) return -1;
    *at = (uint32_t)(out->len - origin);
    sb_printf(out, "%u 0 obj\n<</Type/ObjStm/N %zu/First %zu/Filter/FlateDecode", (unsigned)num,
              to - from, first);
    if (g->row) sb_printf(out, "/DecodeParms<</Predictor 12/Columns %zu>>", g->row);
    sb_printf(out, "/Length %zu>>\nstream\n", zn);
    sb_putn(out, (const char *)zb, zn);
    sb_puts(out, "\nendstream\nendobj\n");
    free(zb);
    return 0;
}

/* Where each of our objects is: (object stream number, index) by our number. */
typedef struct {
    uint32_t stm, idx;
} ploc;

static void put_be(unsigned char *p, uint64_t v, int w)
{
    for (int i = w - 1; i >= 0; i--) {
        p[i] = (unsigned char)v;
        v >>= 8;
    }
}

static int bytes_for(uint64_t v)
{
    int w = 1;
    while (v >= 256) v >>= 8, w++;
    return w;
}

int pobj_write(pobjects *o, strbuf *out, size_t origin, const uint32_t *offsets, uint32_t root,
               uint32_t info, const unsigned char id[16], pz_deflater *z)
{
    uint32_t nours = o->next - o->base;
    ploc *loc = xcalloc((size_t)nours + 1, sizeof *loc);
    /* the object streams: numbered after ours, as they are written */
    uint32_t *stm_at = NULL;
    size_t nstm = 0, capstm = 0;
    uint32_t num = o->next;
    int rc = 0;
    for (size_t gi = 0; gi < o->ng && rc == 0; gi++) {
        const pgroup *g = &o->g[gi];
        size_t from = 0;
        while (from < g->n && rc == 0) {
            size_t to = from + 1;
            while (to < g->n && to - from < OBJSTM_MAX_OBJECTS &&
                   g->e[to].at - g->e[from].at < OBJSTM_MAX_BYTES)
                to++;
            if (nstm == capstm) {
                capstm = capstm ? capstm * 2 : 16;
                stm_at = xrealloc(stm_at, capstm * sizeof *stm_at);
            }
            for (size_t i = from; i < to; i++)
                loc[g->e[i].num - o->base] = (ploc){num, (uint32_t)(i - from)};
            rc = write_objstm(out, origin, g, from, to, num, &stm_at[nstm], z);
            nstm++;
            num++;
            from = to;
        }
    }
    if (rc < 0) {
        free(loc);
        free(stm_at);
        return -1;
    }

    /* the cross-reference stream: libharu's objects, ours, the object streams, itself */
    uint32_t xref_num = num, size = num + 1;
    uint32_t xref_at = (uint32_t)(out->len - origin);
    int w2 = bytes_for(xref_at > num ? xref_at : num), w = 1 + w2 + 2;
    unsigned char *rows = xcalloc((size_t)size, (size_t)w);
    for (uint32_t i = 0; i < size; i++) {
        unsigned char *r = rows + (size_t)i * (size_t)w;
        if (i == 0) {
            r[0] = 0;
            put_be(r + 1, 0, w2);
            put_be(r + 1 + w2, 65535, 2);
        } else if (i < o->base) {
            r[0] = 1;
            put_be(r + 1, offsets[i], w2);
        } else if (i < o->next) {
            r[0] = 2;
            put_be(r + 1, loc[i - o->base].stm, w2);
            put_be(r + 1 + w2, loc[i - o->base].idx, 2);
        } else if (i < xref_num) {
            r[0] = 1;
            put_be(r + 1, stm_at[i - o->next], w2);
        } else {
            r[0] = 1;
            put_be(r + 1, xref_at, w2);
        }
    }
    size_t predn;
    unsigned char *pred = predict_up(rows, (size_t)size * (size_t)w, (size_t)w, &predn), *zb = NULL;
    size_t zn = 0;
    rc = pz_deflate(z, pred, predn, &zb, &zn);
    free(pred);
    free(rows);
    free(loc);
    free(stm_at);
    if (rc < 0) return -1;
    sb_printf(out, "%u 0 obj\n<</Type/XRef/Size %u/W[1 %d 2]/Root %u 0 R", (unsigned)xref_num,
              (unsigned)size, w2, (unsigned)root);
    if (info) sb_printf(out, "/Info %u 0 R", (unsigned)info);
    sb_puts(out, "/ID[<");
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 16; i++) sb_printf(out, "%02X", id[i]);
        sb_puts(out, k ? ">]" : "><");
    }
    sb_printf(out, "/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns %d>>/Length %zu>>\nstream\n",
              w, zn);
    sb_putn(out, (const char *)zb, zn);
    free(zb);
    sb_printf(out, "\nendstream\nendobj\nstartxref\n%u\n%%%%EOF\n", (unsigned)xref_at);
    return 0;
}
