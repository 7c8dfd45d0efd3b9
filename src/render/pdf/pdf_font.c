/* pdf_font.c - TrueType fonts for the PDF renderer, with a cache of glyph advances.
 *
 * Coverage and advances come from libharu's own font definition (its cmap and hmtx),
 * so what we measure is what libharu writes: advance * 1000 / unitsPerEm, rounded
 * down. libharu maps only the BMP (cmap format 4), so anything above U+FFFF is
 * missing. Looking a glyph up marks it used for the subset, which is why the ASCII
 * table is filled lazily.
 *
 * Speed. A face is read only when first measured (pfont_init), and its libharu font
 * made only when first drawn (pfont_font). libharu 2.3.0 builds a UTF-8 Type0 font by
 * looking up every BMP code point (65,536 cmap searches) and writes a /W array and a
 * 128 KB CIDToGIDMap for all of them; we make it skip that (hp_font_sparse), then
 * before saving write /W, the CIDToGIDMap and a ToUnicode CMap for the code points the
 * document measured, and the subset font file compressed by us (pfont_finish). Every
 * drawn character was measured first, so the maps cover it. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../util/fileio.h"
#include "../../util/strbuf.h"
#include "../../util/utf8.h"
#include "../../util/xalloc.h"
#include "pdf_font.h"
#include "pdf_libharu.h"

static void pf_reset(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < 128; i++) f->ascii[i] = -2;
    f->file = file;
    f->dir = font_dir;
    f->pdf = pdf;
}

static char *font_path(const char *font_dir, const char *file)
{
    strbuf path = STRBUF_INIT;
    sb_puts(&path, font_dir && *font_dir ? font_dir : ".");
    if (path.data[path.len - 1] != '/') sb_putc(&path, '/');
    sb_puts(&path, file ? file : "");
    return sb_detach(&path);
}

/* The font files that passed font_check in this process, by identity (device, inode,
 * size, modification time): a build makes a PDF for each edition of each paper, and
 * each opens the same four faces; reading and checking them every time was a fifth of
 * the whole-build fuzzer's time. A file that changes is checked again. */
typedef struct {
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
} checked_font;
#define CHECKED_MAX 16
static checked_font checked[CHECKED_MAX];
static size_t n_checked;
static pthread_mutex_t checked_lock = PTHREAD_MUTEX_INITIALIZER;

static int same_file(const checked_font *c, const struct stat *st)
{
    return c->dev == st->st_dev && c->ino == st->st_ino && c->size == st->st_size &&
           c->mtime.tv_sec == st->st_mtim.tv_sec && c->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static int font_known_good(const struct stat *st)
{
    int known = 0;
    pthread_mutex_lock(&checked_lock);
    for (size_t i = 0; i < n_checked && !known; i++) known = same_file(&checked[i], st);
    pthread_mutex_unlock(&checked_lock);
    return known;
}

static void font_remember_good(const struct stat *st)
{
    pthread_mutex_lock(&checked_lock);
    checked_font c = {st->st_dev, st->st_ino, st->st_size, st->st_mtim};
    if (n_checked < CHECKED_MAX) checked[n_checked++] = c;
    else checked[(size_t)st->st_ino % CHECKED_MAX] = c;    /* any slot: only a cache */
    pthread_mutex_unlock(&checked_lock);
}

static int ensure_def(pfont *f)
{
    if (f->def) return 0;
    if (f->failed || !f->pdf || !f->file) return -1;
    /* libharu opens the file by name: give it the regular file open_regular checked
     * (a FIFO named as a font would block its open for ever). */
    char *path = font_path(f->dir, f->file);
    const char *why;
    int fd = open_regular(path, &why);
    const char *name = NULL;
    HPDF_FontDef def = NULL;
    if (fd >= 0) {
        /* Checked before libharu parses it (font_check.c), then handed over as the
         * very file that was checked. */
        char *self = fd_path(fd, path);
        struct stat st;
        int good = fstat(fd, &st) == 0 && font_known_good(&st);
        char *data;
        size_t len;
        if (!good && read_file(self, MAX_INPUT_BYTES, &data, &len, &why) == 0) {
            good = font_check((const unsigned char *)data, len, &why);
            if (good) font_remember_good(&st);
            else f->why = why;
            free(data);
        }
        if (good) def = hp_load_truetype(f->pdf, self, &name);
        free(self);
        close(fd);
    }
    free(path);
    if (!def) {
        f->failed = 1;
        return -1;
    }
    f->name = name;
    f->def = def;
    return 0;
}

int pfont_load(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file)
{
    pf_reset(f, pdf, font_dir, file);
    if (ensure_def(f) < 0) return -1;
    f->font = HPDF_GetFont(pdf, f->name, "UTF-8");
    return f->font ? 0 : -1;
}

int pfont_init(pfont *f, HPDF_Doc pdf, const char *font_dir, const char *file)
{
    pf_reset(f, pdf, font_dir, file);
    if (!file) return -1;
    char *path = font_path(font_dir, file);
    const char *why;
    int fd = open_regular(path, &why);
    free(path);
    if (fd < 0) {
        f->failed = 1;
        return -1;
    }
    close(fd);
    return 0;
}

HPDF_Font pfont_font(pfont *f)
{
    if (f->font) return f->font;
    if (ensure_def(f) < 0) return NULL;
    f->font = hp_font_sparse(f->pdf, f->name);
    return f->font;
}

void pfont_free(pfont *f)
{
    free(f->slots);
    f->slots = NULL;
    f->cap = f->len = 0;
}

static int32_t lookup(pfont *f, uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0xFFFF) return -1;
    if (cp >= 0xD800 && cp <= 0xDFFF) return -1;
    if (!f->def && ensure_def(f) < 0) return -1;
    if (hp_glyph_id(f->def, cp) == 0) return -1;
    /* Marks the glyph used (for the subset) and returns libharu's rounded width. */
    return hp_glyph_units(f->def, cp);
}

static void grow(pfont *f)
{
    size_t ncap = f->cap ? f->cap * 2 : 256;
    pf_slot *ns = xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < f->cap; i++) {
        if (!f->slots[i].cp) continue;
        size_t j = (f->slots[i].cp * 2654435761u) & (ncap - 1);
        while (ns[j].cp) j = (j + 1) & (ncap - 1);
        ns[j] = f->slots[i];
    }
    free(f->slots);
    f->slots = ns;
    f->cap = ncap;
}

int32_t pfont_units(pfont *f, uint32_t cp)
{
    if (cp < 128) {
        if (f->ascii[cp] == -2) f->ascii[cp] = lookup(f, cp);
        return f->ascii[cp];
    }
    if (f->cap) {
        size_t j = (cp * 2654435761u) & (f->cap - 1);
        while (f->slots[j].cp) {
            if (f->slots[j].cp == cp) return f->slots[j].units;
            j = (j + 1) & (f->cap - 1);
        }
    }
    if ((f->len + 1) * 2 > f->cap) grow(f);
    int32_t u = lookup(f, cp);
    size_t j = (cp * 2654435761u) & (f->cap - 1);
    while (f->slots[j].cp) j = (j + 1) & (f->cap - 1);
    f->slots[j].cp = cp;
    f->slots[j].units = u;
    f->len++;
    return u;
}

double pfont_width(pfont *f, const char *s, size_t len, double size)
{
    long total = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp = utf8_next(s, len, &i);
        if (cp == UTF8_SKIP) continue;
        int32_t u = pfont_units(f, cp);
        if (u > 0) total += u;
    }
    return (double)total * size / 1000.0;
}

/* ---- finishing: the maps and the embedded file ---------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void hex4(strbuf *sb, uint32_t v) { sb_printf(sb, "<%04X>", (unsigned)v); }

/* The ToUnicode CMap of code points cps[0..n) (sorted): bfrange per run, never
 * crossing a 256-code boundary. */
static void tounicode_cmap(strbuf *tu, const uint32_t *cps, size_t n)
{
    sb_puts(tu, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    size_t nr = 0, i = 0;
    uint32_t lo[100], hi[100];
    while (i < n) {
        size_t j = i;
        while (j + 1 < n && cps[j + 1] == cps[j] + 1 && (cps[j + 1] >> 8) == (cps[i] >> 8)) j++;
        lo[nr] = cps[i];
        hi[nr] = cps[j];
        nr++;
        i = j + 1;
        if (nr == 100 || i == n) {
            sb_printf(tu, "%zu beginbfrange\n", nr);
            for (size_t k = 0; k < nr; k++) {
                hex4(tu, lo[k]);
                sb_putc(tu, ' ');
                hex4(tu, hi[k]);
                sb_putc(tu, ' ');
                hex4(tu, lo[k]);
                sb_putc(tu, '\n');
            }
            sb_puts(tu, "endbfrange\n");
            nr = 0;
        }
    }
    sb_puts(tu, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

int pfont_finish(pfont *f, pz_deflater *z)
{
    if (!f->font || !f->def) return 0;
    /* the code points measured and present, in order, with their advances */
    size_t n = 0;
    uint32_t *cps = xmalloc((f->len + 128) * sizeof *cps);
    for (uint32_t c = 0; c < 128; c++)
        if (f->ascii[c] >= 0) cps[n++] = c;
    for (size_t i = 0; i < f->cap; i++)
        if (f->slots[i].cp && f->slots[i].units >= 0) cps[n++] = f->slots[i].cp;
    qsort(cps, n, sizeof *cps, cmp_u32);
    uint32_t maxcp = n ? cps[n - 1] : 0x20;
    int32_t *units = xmalloc((n + 1) * sizeof *units);
    unsigned char *map = xcalloc((size_t)maxcp + 1, 2);    /* CIDToGIDMap: CID = code point */
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        uint16_t gid = hp_glyph_id(f->def, c);
        map[2 * c] = (unsigned char)(gid >> 8);
        map[2 * c + 1] = (unsigned char)gid;
        units[i] = c < 128 ? f->ascii[c] : pfont_units(f, c);
    }
    strbuf tu = STRBUF_INIT;
    tounicode_cmap(&tu, cps, n);
    int rc = hp_font_finish(f->font, f->def, cps, units, n, map, ((size_t)maxcp + 1) * 2, tu.data,
                            tu.len, z);
    sb_free(&tu);
    free(map);
    free(units);
    free(cps);
    return rc;
}
