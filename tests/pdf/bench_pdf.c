/* bench_pdf.c - times the PDF renderer on a large hand-built paper.
 *
 *   make build/libtabled.a
 *   cc -std=c17 -O2 -D_GNU_SOURCE -Isrc tests/pdf/bench_pdf.c -o build/bench_pdf \
 *      build/libtabled.a -lyaml -lcmark-gfm -lcmark-gfm-extensions -lhpdf -ldeflate -lm -pthread
 *   build/bench_pdf [ROWS] [PARAGRAPHS] [OUT.pdf]
 *
 * Prints pages, time and size. Not part of `make test`: timings vary by machine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/house.h"
#include "render/pdf/pdf_render.h"
#include "report/report.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static rnode *cell(rdoc *d, rnode *row, const char *s)
{
    rnode *c = rnode_add(d, row, RN_CELL);
    rnode_add_text(d, c, s);
    return c;
}

int main(int argc, char **argv)
{
    int rows = argc > 1 ? atoi(argv[1]) : 12000;
    int paras = argc > 2 ? atoi(argv[2]) : 400;
    const char *outp = argc > 3 ? argv[3] : NULL;

    rdoc *d = rdoc_new();
    d->title = d->subject = "Benchmark paper \xE2\x80\x93 large";
    d->organisation = "Norwich City Council";
    d->committee = "Executive";
    d->meeting_date = "13 May 2009";
    rnode *body = rnode_add(d, d->root, RN_BODY);
    for (int i = 0; i < paras; i++) {
        if (i % 20 == 0) {
            rnode *h = rnode_add(d, body, RN_HEADING);
            h->level = 1;
            h->number = arena_printf(&d->arena, "%d", i / 20 + 1);
            rnode_add_text(d, h, "Progress against the plan");
        }
        rnode *p = rnode_add(d, body, RN_PARAGRAPH);
        p->number = arena_printf(&d->arena, "%d.%d", i / 20 + 1, i % 20 + 1);
        rnode_add_text(d, p,
                       "The board noted that most actions are on target, that some have been "
                       "rescheduled with the agreement of the lead officer, and that the "
                       "remainder will be reported by exception at the next meeting of the "
                       "committee in the autumn, with a revised budget of \xC2\xA3" "1,250,000.");
    }
    rnode *ap = rnode_add(d, d->root, RN_APPENDIX);
    ap->number = "A";
    ap->flags = RF_WIDE;
    rnode *h = rnode_add(d, ap, RN_HEADING);
    h->level = 1;
    rnode_add_text(d, h, "Action plan");
    rnode *t = rnode_add(d, ap, RN_TABLE);
    t->ncols = 6;
    rnode *hr = rnode_add(d, t, RN_ROW);
    hr->flags = RF_HEADER;
    const char *hdr[] = {"Ref", "Action", "Officer lead", "Due", "Status", "Progress"};
    for (int i = 0; i < 6; i++) cell(d, hr, hdr[i]);
    for (int i = 0; i < rows; i++) {
        rnode *r = rnode_add(d, t, RN_ROW);
        cell(d, r, arena_printf(&d->arena, "A.%d", i + 1))->flags = RF_ROW_HEADER;
        cell(d, r, "Develop programme of consultation and engagement.");
        cell(d, r, "Sandra Franklin");
        cell(d, r, "November 2009");
        rnode *s = cell(d, r, i % 3 ? "On target" : "Overdue: 40 days");
        s->rag = i % 3 ? LEVEL_GREEN : LEVEL_RED;
        cell(d, r, "In hand.");
    }

    house_style hs;
    house_style_default(&hs);
    strbuf out = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    pdf_stats st;
    double t0 = now();
    rdoc_finish(d);
    int rc = pdf_render_ex(d, &hs, "fonts", &out, &dl, &st);
    double t1 = now();
    diag_print(&dl, stderr, 0);
    if (rc) return 1;
    printf("%zu pages, %zu lines, %zu rows: %.1f ms (%.0f pages/s), %zu bytes (%.1f KB/page)\n",
           st.pages, st.lines, st.rows, (t1 - t0) * 1000, st.pages / (t1 - t0), out.len,
           out.len / 1024.0 / (st.pages ? st.pages : 1));
    if (outp) {
        FILE *f = fopen(outp, "wb");
        if (f) {
            fwrite(out.data, 1, out.len, f);
            fclose(f);
        }
    }
    sb_free(&out);
    diag_free(&dl);
    rdoc_free(d);
    return 0;
}
