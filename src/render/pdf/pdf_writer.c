/* pdf_writer.c - one PDF: its libharu document, fonts and compressors, its structure
 * tree; the documents laid out into it (pdf_layout.c, drawn and tagged by pdf_draw.c as
 * their pages complete); then the furniture, the internal links, the metadata and the
 * bytes: libharu writes its objects, we write the structure tree's in object streams
 * and one cross-reference stream for all (pdf_objects.c).
 *
 * No clock is read: CreationDate/ModDate are the report's build time (SOURCE_DATE_EPOCH
 * when it is set) and are omitted otherwise; the /ID is the report's fingerprint, so
 * two runs give the same bytes. Nothing here is shared between writers. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../util/build_epoch.h"
#include "../../util/xalloc.h"
#include "pdf_draw.h"
#include "pdf_libharu.h"
#include "pdf_xmp.h"

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    hpdf_err *e = user_data;
    if (!e->err) {
        e->err = error_no;
        e->detail = detail_no;
        e->at = e->cur;
        e->at_doc = e->cur_doc;
    }
}

/* ---- metadata ------------------------------------------------------------------ */

static void set_info(HPDF_Doc pdf, HPDF_InfoType t, const char *v)
{
    if (!v || !*v) return;
    strbuf tmp = STRBUF_INIT;
    HPDF_SetInfoAttr(pdf, t, pdf_capped(&tmp, v, PDF_TITLE_MAX));
    sb_free(&tmp);
}

static int epoch_date(const char *s, HPDF_Date *out)
{
    struct tm tm;
    if (!build_epoch_utc(s, &tm)) return 0;
    memset(out, 0, sizeof *out);
    out->year = tm.tm_year + 1900;
    out->month = tm.tm_mon + 1;
    out->day = tm.tm_mday;
    out->hour = tm.tm_hour;
    out->minutes = tm.tm_min;
    out->seconds = tm.tm_sec;
    out->ind = 'Z';
    return 1;
}

/* Title, author, subject, language and dates from the first document, in the
 * information dictionary and the XMP packet; the document marked tagged; the /ID from
 * every document's fingerprint. */
static void metadata(pdf_writer *w, unsigned char id[16])
{
    HPDF_Doc pdf = w->pdf;
    const rdoc *d = w->docs[0].d;
    set_info(pdf, HPDF_INFO_TITLE, d->title);
    set_info(pdf, HPDF_INFO_AUTHOR, d->report_of);
    set_info(pdf, HPDF_INFO_SUBJECT, d->subject);
    set_info(pdf, HPDF_INFO_CREATOR, "tabled");
    HPDF_Date date;
    if (epoch_date(d->epoch, &date)) {
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    }
    if (d->lang && *d->lang) hp_set_lang(pdf, d->lang);
    strbuf xmp = STRBUF_INIT;
    xmp_packet(&xmp, d, HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER));
    if (hp_set_metadata(pdf, xmp.data, xmp.len) < 0 || hp_set_tagged(pdf, &w->struct_root) < 0)
        if (!w->err.err) w->err.err = HPDF_INVALID_OBJECT;
    sb_free(&xmp);
    memcpy(id, d->fingerprint, 16);
    for (size_t k = 1; k < w->ndocs; k++) fingerprint_combine(id, w->docs[k].d->fingerprint);
}

/* ---- the writer ------------------------------------------------------------------ */

static void font_error(pdf_writer *w, const char *file, const pfont *f)
{
    if (f->why) {
        diag_error(w->diags, make_pos(file, 0, 0), "PDF: the font %s/%s %s",
                   w->font_dir ? w->font_dir : ".", file, f->why);
        return;
    }
    diag_error(w->diags, make_pos(file, 0, 0),
               "PDF: cannot load font %s/%s (libharu error 0x%04X, detail %u)",
               w->font_dir ? w->font_dir : ".", file ? file : "(none)", (unsigned)w->err.err,
               (unsigned)w->err.detail);
}

static const char *face_file(const house_style *h, int i)
{
    const char *files[FACE__COUNT] = {h->font_regular, h->font_bold, h->font_italic,
                                      h->font_bold_italic};
    return files[i];
}

pdf_writer *pdf_writer_new(const house_style *h, const char *font_dir, diag_list *diags)
{
    pdf_writer *w = xcalloc(1, sizeof *w);
    w->h = h;
    w->font_dir = font_dir;
    w->diags = diags;
    arena_init(&w->store);
    w->pdf = HPDF_New(on_error, &w->err);
    w->z = pz_deflater_new();
    if (!w->pdf || !w->z) {
        diag_error(diags, make_pos(NULL, 0, 0), "PDF: cannot start libharu");
        pdf_writer_free(w);
        return NULL;
    }
    w->zp = pz_pool_new();
    w->tags = tag_new();
    w->objs = pobj_new();
    hashmap_init(&w->images);
    /* page contents and fonts are compressed by us (pdf_zip.c), images by libharu */
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_IMAGE);
    HPDF_UseUTFEncodings(w->pdf);
    HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
    hp_use_pdf_17(w->pdf);
    for (int i = 0; i < FACE__COUNT; i++) {
        const char *file = face_file(h, i);
        if (!file || pfont_init(&w->fonts[i], w->pdf, font_dir, file) < 0 ||
            (i == FACE_REGULAR && !pfont_font(&w->fonts[i]))) {
            font_error(w, file, &w->fonts[i]);
            pdf_writer_free(w);
            return NULL;
        }
    }
    if (w->err.err) {
        diag_error(diags, make_pos(NULL, 0, 0), "PDF: libharu error 0x%04X (detail %u)",
                   (unsigned)w->err.err, (unsigned)w->err.detail);
        pdf_writer_free(w);
        return NULL;
    }
    w->utf8 = HPDF_GetEncoder(w->pdf, "UTF-8");
    return w;
}

/* A document joins the writer: its pages are drawn next. */
static void add_doc(pdf_writer *w, const rdoc *d)
{
    if (w->ndocs == w->capdocs) {
        w->capdocs = w->capdocs ? w->capdocs * 2 : 4;
        w->docs = xrealloc(w->docs, w->capdocs * sizeof *w->docs);
    }
    wdoc *wd = &w->docs[w->ndocs++];
    memset(wd, 0, sizeof *wd);
    wd->d = d;
    hashmap_init(&wd->anchors);
    w->osp = 0;     /* a document's bookmarks start at the top level (or the nest) */
    tag_doc_begin(w->tags, d);
    /* pages put in front of others: the structure tree reads as the pages do */
    if (w->insert_before) tag_doc_before(w->tags, w->pages[w->insert_at].doc);
}

static void add_stats(pdf_writer *w, const layout *L)
{
    w->stats.pages += L->stats.pages;
    w->stats.lines += L->stats.lines;
    w->stats.rows += L->stats.rows;
    w->stats.breaks_fallback += L->stats.breaks_fallback;
}

int pdf_writer_add(pdf_writer *w, const rdoc *d)
{
    if (w->broken) return -1;
    add_doc(w, d);
    layout L;
    layout_init(&L, d, w->h, w->diags, w->pdf, w->fonts);
    L.err = &w->err;
    L.on_page = draw_page;
    L.on_page_ctx = w;
    size_t errors_before = w->diags->errors;
    layout_document(&L);     /* draws each page as soon as it is complete */
    /* an error reported while laying out (an image that could not be added): the
     * PDF is not written */
    if (w->diags->errors > errors_before) w->broken = 1;
    add_stats(w, &L);
    layout_free(&L);
    return w->err.err || w->broken ? -1 : 0;
}

/* ---- one layout, several PDFs ----------------------------------------------------- */

typedef struct {
    pdf_writer **ws;
    size_t n;
} fan;

static void draw_page_fan(void *ctx, layout *L, const lpage *pg)
{
    fan *f = ctx;
    draw_page(f->ws[0], L, pg);
    for (size_t k = 1; k < f->n; k++) draw_page_foreign(f->ws[k], L, pg);
}

int pdf_writers_add(pdf_writer **ws, size_t n, const rdoc *d)
{
    if (!n) return 0;
    for (size_t k = 0; k < n; k++)
        if (ws[k]->broken) return -1;
    for (size_t k = 0; k < n; k++) add_doc(ws[k], d);
    fan f = {ws, n};
    layout L;
    layout_init(&L, d, ws[0]->h, ws[0]->diags, ws[0]->pdf, ws[0]->fonts);
    L.err = &ws[0]->err;
    L.on_page = draw_page_fan;
    L.on_page_ctx = &f;
    size_t errors_before = ws[0]->diags->errors;
    layout_document(&L);
    int rc = 0;
    for (size_t k = 0; k < n; k++) {
        add_stats(ws[k], &L);
        if (ws[0]->diags->errors > errors_before) ws[k]->broken = 1;
        if (ws[k]->err.err || ws[k]->broken) rc = -1;
    }
    layout_free(&L);
    return rc;
}

/* ---- packs ------------------------------------------------------------------------ */

static void count_page(void *ctx, layout *L, const lpage *pg)
{
    (void)L;
    (void)pg;
    (*(size_t *)ctx)++;
}

size_t pdf_writer_measure(pdf_writer *w, const rdoc *d)
{
    size_t pages = 0;
    layout L;
    layout_init(&L, d, w->h, w->diags, w->pdf, w->fonts);
    L.err = &w->err;
    L.quiet = 1;
    L.on_page = count_page;
    L.on_page_ctx = &pages;
    layout_document(&L);
    layout_free(&L);
    return pages;
}

void pdf_writer_pack_numbering(pdf_writer *w, const char *prefix)
{
    w->pack = 1;
    w->page_prefix = prefix;
}

size_t pdf_writer_bookmark(pdf_writer *w, const char *title)
{
    if (w->nmarks == w->capmarks) {
        w->capmarks = w->capmarks ? w->capmarks * 2 : 16;
        w->marks = xrealloc(w->marks, w->capmarks * sizeof *w->marks);
    }
    HPDF_Outline o = HPDF_CreateOutline(w->pdf, NULL, title ? title : "", w->utf8);
    if (o) HPDF_Outline_SetOpened(o, HPDF_FALSE);
    w->marks[w->nmarks] = o;
    return w->nmarks++;
}

void pdf_writer_nest(pdf_writer *w, size_t bm)
{
    w->nest = bm < w->nmarks ? w->marks[bm] : NULL;
    w->osp = 0;
}

static void point(pdf_writer *w, size_t bm, HPDF_Page page, double top)
{
    if (bm >= w->nmarks || !w->marks[bm] || !page) return;
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    HPDF_Destination_SetFitH(dst, (HPDF_REAL)top);
    HPDF_Outline_SetDestination(w->marks[bm], dst);
}

void pdf_writer_bookmark_page(pdf_writer *w, size_t bm, size_t page)
{
    if (page < w->npages) point(w, bm, w->pages[page].page, w->pages[page].geo.ph);
}

size_t pdf_writer_bookmark_anchor(pdf_writer *w, size_t bm, size_t doc, const char *id)
{
    double top = 0;
    size_t page = draw_anchor_page(w, doc, id, &top);
    if (page != (size_t)-1) point(w, bm, w->pages[page].page, top);
    return page;
}

size_t pdf_writer_anchor_page(const pdf_writer *w, size_t doc, const char *id)
{
    return draw_anchor_page(w, doc, id, NULL);
}

size_t pdf_writer_pages(const pdf_writer *w) { return w->npages; }
size_t pdf_writer_docs(const pdf_writer *w) { return w->ndocs; }

void pdf_writer_doc_pages(const pdf_writer *w, size_t doc, size_t *first, size_t *count)
{
    *first = (size_t)-1;
    *count = 0;
    for (size_t i = 0; i < w->npages; i++) {
        if (w->pages[i].doc != doc) continue;
        if (*first == (size_t)-1) *first = i;
        (*count)++;
    }
}

void pdf_writer_insert_before(pdf_writer *w, size_t page)
{
    if (page < w->npages) {
        w->insert_before = w->pages[page].page;
        w->insert_at = page;
    } else {
        w->insert_before = NULL;
    }
}

pdf_stats pdf_writer_stats(const pdf_writer *w) { return w->stats; }

/* The saved document appended to out: libharu's objects, then ours and the
 * cross-reference stream (pdf_objects.c) in place of libharu's table. 0 or -1. */
static int save(pdf_writer *w, strbuf *out, const unsigned char id[16])
{
    HPDF_Doc pdf = w->pdf;
    uint32_t nlib = hp_object_count(pdf);
    if (HPDF_SaveToStream(pdf) != HPDF_OK) {
        diag_error(w->diags, make_pos(w->docs[0].d->file, 0, 0), "PDF: cannot save (libharu error 0x%04X)",
                   (unsigned)w->err.err);
        return -1;
    }
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    HPDF_ResetStream(pdf);
    size_t start = out->len;
    sb_grow(out, (size_t)size + 1);
    HPDF_UINT32 got = 0;
    while (got < size) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, (HPDF_BYTE *)out->data + start + got, &n);
        got += n;
        if (st != HPDF_OK || n == 0) break;
    }
    uint32_t *offsets = xmalloc(((size_t)nlib + 1) * sizeof *offsets), xref_at = 0, root, info;
    hp_doc_nums(pdf, &root, &info);
    int rc = got == size && hp_saved_offsets(pdf, offsets, nlib, &xref_at) == 0 && xref_at <= got ? 0 : -1;
    if (rc == 0) {
        out->len = start + xref_at;     /* libharu's table and trailer give way to ours */
        rc = pobj_write(w->objs, out, start, offsets, root, info, id, w->z);
    }
    free(offsets);
    if (rc < 0) {
        diag_error(w->diags, make_pos(w->ndocs ? w->docs[0].d->file : NULL, 0, 0),
                   got != size ? "PDF: short read from libharu stream" : "PDF: cannot write the file's objects");
        out->len = start;
        if (out->data) out->data[start] = 0;
        return -1;
    }
    out->data[out->len] = 0;
    return 0;
}

int pdf_writer_finish(pdf_writer *w, strbuf *out)
{
    if (w->broken) return -1;
    w->broken = 1;      /* finish once */
    w->err.cur = NULL;  /* an error from here on is the paper's, not a node's */
    if (!w->err.err) draw_furniture(w);
    if (w->pack && w->page_prefix && *w->page_prefix && w->npages)
        HPDF_AddPageLabel(w->pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, w->page_prefix);
    for (size_t k = 0; k < w->ndocs; k++) draw_internal_links(w, k);
    if (w->npages > 0) HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    unsigned char id[16] = {0};
    if (w->ndocs) metadata(w, id);

    if (pz_pool_finish(w->zp, w->z) < 0 && !w->err.err) w->err.err = HPDF_INVALID_OBJECT;
    for (int i = 0; i < FACE__COUNT; i++) {
        if (w->fonts[i].failed) {
            font_error(w, face_file(w->h, i), &w->fonts[i]);
            return -1;
        }
        if (pfont_finish(&w->fonts[i], w->z) < 0 && !w->err.err) w->err.err = HPDF_FAILD_TO_ALLOC_MEM;
    }
    if (w->err.err) {
        /* Where it happened: the node being drawn, else the paper. */
        const rdoc *d = w->err.at_doc ? w->err.at_doc : w->ndocs ? w->docs[w->ndocs - 1].d : NULL;
        srcpos at = w->err.at && d ? rnode_pos(d, w->err.at) : make_pos(d ? d->file : NULL, 0, 0);
        if (!at.file) at = make_pos(d ? d->file : NULL, 0, 0);
        diag_error(w->diags, at, "the PDF could not be made here (libharu error 0x%04X, detail %u); "
                   "nothing was written",
                   (unsigned)w->err.err, (unsigned)w->err.detail);
        return -1;
    }
    /* the structure tree: our objects, numbered after libharu's */
    pobj_start(w->objs, hp_object_count(w->pdf));
    w->struct_root = tag_write(w->tags, w->objs);
    /* its objects are bytes in w->objs now: the elements go before the file is put
     * together, which is when memory peaks */
    tag_free(w->tags);
    w->tags = NULL;
    if (w->ndocs && !w->struct_root) {
        diag_error(w->diags, make_pos(NULL, 0, 0), "PDF: cannot write the structure tree");
        return -1;
    }
    return save(w, out, id);
}

void pdf_writer_free(pdf_writer *w)
{
    if (!w) return;
    if (w->zp) pz_pool_free(w->zp);
    tag_free(w->tags);
    pobj_free(w->objs);
    for (size_t k = 0; k < w->ndocs; k++) {
        hashmap_free(&w->docs[k].anchors);
        free(w->docs[k].links);
    }
    free(w->docs);
    free(w->pages);
    free(w->marks);
    hashmap_free(&w->images);
    arena_free(&w->store);
    for (int i = 0; i < FACE__COUNT; i++) pfont_free(&w->fonts[i]);
    if (w->pdf) HPDF_Free(w->pdf);
    pz_deflater_free(w->z);
    free(w);
}

/* ---- one document, one PDF --------------------------------------------------------- */

int pdf_render(const rdoc *d, const house_style *h, const char *font_dir, strbuf *out,
               diag_list *diags)
{
    return pdf_render_ex(d, h, font_dir, out, diags, NULL);
}

int pdf_render_ex(const rdoc *d, const house_style *h, const char *font_dir, strbuf *out,
                  diag_list *diags, pdf_stats *stats)
{
    pdf_writer *w = pdf_writer_new(h, font_dir, diags);
    if (!w) return -1;
    pdf_writer_add(w, d);     /* a drawing error is reported by finish */
    int rc = pdf_writer_finish(w, out);
    if (rc == 0 && stats) *stats = w->stats;
    pdf_writer_free(w);
    return rc;
}
