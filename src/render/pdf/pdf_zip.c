/* pdf_zip.c - deflate for the PDF writer.
 *
 * libharu compresses every stream with zlib at its default level when it saves, which
 * was a third of the run time. Instead each page's content is taken from libharu as
 * soon as the page is drawn (freeing it there) and compressed with libdeflate on a
 * second thread while the next pages are drawn; the font streams are compressed
 * before saving. How the bytes go in and out of libharu is pdf_libharu.c's business.
 *
 * Output is byte-identical run to run: each stream's bytes depend only on its input
 * and the level, never on which thread compressed it or when. */
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/xalloc.h"
#include "pdf_libharu.h"
#include "pdf_zip.h"

/* libdeflate 6 gives the size zlib's default gave, in about half zlib's time. */
#define PZ_LEVEL 6

struct pz_deflater {
    struct libdeflate_compressor *c;
};

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

pz_deflater *pz_deflater_new(void)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(PZ_LEVEL);
    if (!c) return NULL;
    pz_deflater *z = xmalloc(sizeof *z);
    z->c = c;
    return z;
}

void pz_deflater_free(pz_deflater *z)
{
    if (!z) return;
    libdeflate_free_compressor(z->c);
    free(z);
}

int pz_deflate(pz_deflater *z, const void *in, size_t n, unsigned char **out, size_t *outn)
{
    return z ? deflate_with(z->c, in, n, out, outn) : -1;
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
    size_t n;
    unsigned char *raw = hp_stream_take(d, &n);
    if (!raw) return -1;
    return pz_pool_add_bytes(p, d, raw, n);
}

int pz_pool_add_bytes(pz_pool *p, HPDF_Dict d, unsigned char *raw, size_t n)
{
    if (!raw) return -1;
    pthread_mutex_lock(&p->mu);     /* the raw bytes live in the job now */
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

int pz_pool_finish(pz_pool *p, pz_deflater *z)
{
    pthread_mutex_lock(&p->mu);
    p->closing = 1;
    pthread_cond_broadcast(&p->cv);
    while (p->next < p->end) run_job(p, --p->end, z ? z->c : NULL);
    pthread_mutex_unlock(&p->mu);
    if (p->started == 1) pthread_join(p->th, NULL);
    p->started = 0;
    int rc = 0;
    for (size_t i = 0; i < p->len; i++) {
        pz_job *j = &p->jobs[i];
        if (j->failed || hp_stream_put_deflated(j->d, j->z, j->zn) < 0) rc = -1;
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
