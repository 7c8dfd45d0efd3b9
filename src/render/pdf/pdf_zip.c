/* pdf_zip.c - deflate for the PDF renderer.
 *
 * libharu compresses every stream with zlib at its default level when it saves, which
 * was a third of the run time. Instead each page's content is taken from libharu as
 * soon as the page is drawn (freeing it there) and compressed with libdeflate on a
 * second thread while the next pages are drawn; the font streams are compressed
 * before saving. libharu gets the compressed bytes with its own filter off, and the
 * /Filter /FlateDecode entry is written by the dict's write hook (libharu drops a
 * /Filter entry from a stream whose filter flag is off).
 *
 * Output is byte-identical run to run: each stream's bytes depend only on its input
 * and the level, never on which thread compressed it or when. */
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "../../util/xalloc.h"
#include "pdf_internal.h"

/* libdeflate 6 gives the size zlib's default gave, in about half zlib's time. */
#define PZ_LEVEL 6

static struct libdeflate_compressor *main_comp;     /* the calling thread's */

static int deflate_with(struct libdeflate_compressor *c, const void *in, size_t n,
                        unsigned char **out, size_t *outn)
{
    size_t cap = libdeflate_zlib_compress_bound(c, n);
    unsigned char *buf = xmalloc(cap ? cap : 1);
    size_t got = libdeflate_zlib_compress(c, in, n, buf, cap);
    if (!got) {
        free(buf);
        return -1;
    }
    *out = xrealloc(buf, got);     /* the bound is about the input's size: give it back */
    *outn = got;
    return 0;
}

int pz_deflate(const void *in, size_t n, unsigned char **out, size_t *outn)
{
    if (!main_comp && !(main_comp = libdeflate_alloc_compressor(PZ_LEVEL))) return -1;
    return deflate_with(main_comp, in, n, out, outn);
}

void pz_cleanup(void)
{
    if (main_comp) libdeflate_free_compressor(main_comp);
    main_comp = NULL;
}

/* The bytes of a memory stream, gathered (malloc'd). */
static unsigned char *stream_bytes(HPDF_Stream s, size_t *n)
{
    HPDF_UINT cnt = HPDF_MemStream_GetBufCount(s);
    size_t total = HPDF_Stream_Size(s);
    unsigned char *buf = xmalloc(total ? total : 1);
    size_t at = 0;
    for (HPDF_UINT i = 0; i < cnt && at < total; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);
        if (!p) break;
        if (len > total - at) len = (HPDF_UINT)(total - at);
        memcpy(buf + at, p, len);
        at += len;
    }
    *n = at;
    return buf;
}

static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream out)
{
    (void)d;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Puts compressed bytes into d's (emptied) stream and marks it FlateDecode. */
static int put_compressed(HPDF_Dict d, const unsigned char *z, size_t zn)
{
    HPDF_MemStream_FreeData(d->stream);
    if (zn && HPDF_Stream_Write(d->stream, z, (HPDF_UINT)zn) != HPDF_OK) return -1;
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = write_filter;
    return 0;
}

int pz_compress_dict(HPDF_Dict d)
{
    if (!d || !d->stream || d->write_fn) return -1;
    size_t n, zn;
    unsigned char *raw = stream_bytes(d->stream, &n), *z;
    int rc = pz_deflate(raw, n, &z, &zn);
    free(raw);
    if (rc < 0) return -1;
    rc = put_compressed(d, z, zn);
    free(z);
    return rc;
}

/* ---- the page queue: one worker thread, the caller helps at the end ------------- */

typedef struct {
    HPDF_Dict d;
    unsigned char *raw, *z;
    size_t n, zn;
    int failed;
} pz_job;

struct pz_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t th;
    int started, closing;
    pz_job *jobs;
    size_t len, cap;
    size_t next, end;       /* the worker takes from next; the caller from end - 1 */
};

/* Compresses job i (taken under the lock) without holding it. */
static void run_job(pz_pool *p, size_t i, struct libdeflate_compressor *c)
{
    unsigned char *raw = p->jobs[i].raw, *z = NULL;
    size_t n = p->jobs[i].n, zn = 0;
    pthread_mutex_unlock(&p->mu);
    int bad = !c || deflate_with(c, raw, n, &z, &zn) < 0;
    free(raw);
    pthread_mutex_lock(&p->mu);
    p->jobs[i].raw = NULL;
    p->jobs[i].z = z;
    p->jobs[i].zn = zn;
    p->jobs[i].failed = bad;
}

static void *worker(void *arg)
{
    pz_pool *p = arg;
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(PZ_LEVEL);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next >= p->end && !p->closing) pthread_cond_wait(&p->cv, &p->mu);
        if (p->next >= p->end) break;
        run_job(p, p->next++, c);
    }
    pthread_mutex_unlock(&p->mu);
    if (c) libdeflate_free_compressor(c);
    return NULL;
}

pz_pool *pz_pool_new(void)
{
    pz_pool *p = xcalloc(1, sizeof *p);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    return p;
}

int pz_pool_add(pz_pool *p, HPDF_Dict d)
{
    if (!d || !d->stream || d->write_fn) return -1;
    size_t n;
    unsigned char *raw = stream_bytes(d->stream, &n);
    HPDF_MemStream_FreeData(d->stream);     /* the raw page lives in the job now */
    pthread_mutex_lock(&p->mu);
    if (p->len == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->jobs = xrealloc(p->jobs, p->cap * sizeof *p->jobs);
    }
    p->jobs[p->len] = (pz_job){d, raw, NULL, n, 0, 0};
    p->end = ++p->len;
    if (!p->started) {
        p->started = pthread_create(&p->th, NULL, worker, p) == 0 ? 1 : -1;
    }
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

int pz_pool_finish(pz_pool *p)
{
    if (!main_comp) main_comp = libdeflate_alloc_compressor(PZ_LEVEL);
    pthread_mutex_lock(&p->mu);
    p->closing = 1;
    pthread_cond_broadcast(&p->cv);
    while (p->next < p->end) run_job(p, --p->end, main_comp);
    pthread_mutex_unlock(&p->mu);
    if (p->started == 1) pthread_join(p->th, NULL);
    p->started = 0;
    int rc = 0;
    for (size_t i = 0; i < p->len; i++) {
        pz_job *j = &p->jobs[i];
        if (j->failed || put_compressed(j->d, j->z, j->zn) < 0) rc = -1;
        free(j->z);
        j->z = NULL;
    }
    p->len = p->end = p->next = 0;
    return rc;
}

void pz_pool_free(pz_pool *p)
{
    if (!p) return;
    if (p->started == 1 || p->len) {
        pthread_mutex_lock(&p->mu);
        p->closing = 1;
        p->next = p->end;       /* abandon what is queued */
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        if (p->started == 1) pthread_join(p->th, NULL);
    }
    for (size_t i = 0; i < p->len; i++) {
        free(p->jobs[i].raw);
        free(p->jobs[i].z);
    }
    free(p->jobs);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p);
}
