/* fuzz_meeting.c - libFuzzer harness for agenda packs' new input paths: any bytes as a
 * meeting file (load/meeting_load.c: the loader, numbering, duplicates; the papers it
 * names checked against it, their exempt appendices found; the order of business; the
 * agenda built for the main and supplementary packs, laid out and measured by the PDF
 * writer, drawn as HTML; the page map written and read back), or, when the input
 * starts with "---", as a paper on the Copeland plan whose exempt appendices are found
 * (each a range of its narrative) and whose two editions are built, the public one
 * from the narrative around them. Never a crash, a hang or a leak.
 *
 * Run from the repository root: papers named in a meeting resolve against tests/fuzz/
 * (the seeds name ../../plans/...). Loaded papers, plans and the PDF writer used to
 * measure are kept across runs, as a build keeps them across papers. Built by make
 * fuzz-build with the other harnesses (tests/fuzz/run-fuzz.sh runs its smoke). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "load/house_load.h"
#include "load/meeting_load.h"
#include "load/paper_load.h"
#include "load/plan_load.h"
#include "render/html/html_render.h"
#include "render/pack_json.h"
#include "render/pdf/pdf_render.h"
#include "report/agenda_doc.h"
#include "report/build_paper.h"
#include "util/hashmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    paper *pp;
    plan *pl;           /* owned here when loaded for this paper */
    exempt_parts parts;
    int ok;
} cached_paper;

static variant_set variants;
static house_style house;
static arena house_arena;
static plan *seed_plan;
static hashmap papers;      /* path -> cached_paper* */
static hashmap plans;       /* path -> plan* (or NULL marker via missing) */
static pdf_writer *measurer;
static diag_list setup_diags;

static void setup(void)
{
    static int ready;
    if (ready) return;
    ready = 1;
    setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    diag_init(&setup_diags);
    arena_init(&house_arena);
    if (variants_load(&variants, "templates/variants", &setup_diags) != 0 ||
        house_load(&house, "templates/house.yaml", &house_arena, &setup_diags) != 0) {
        fprintf(stderr, "fuzz_meeting: run from the repository root\n");
        exit(2);
    }
    seed_plan = plan_load_file("plans/copeland-shap/plan.yaml", &setup_diags);
    if (!seed_plan) exit(2);
    hashmap_init(&papers);
    hashmap_init(&plans);
    measurer = pdf_writer_new(&house, "fonts", &setup_diags);
    if (!measurer) exit(2);
}

/* A paper as the pack loads it, once per path for the whole run. */
static cached_paper *get_paper(const char *path)
{
    cached_paper *c = hashmap_get(&papers, path);
    if (c) return c;
    c = calloc(1, sizeof *c);
    diag_list d;
    diag_init(&d);
    c->pp = paper_load_file(path, &variants, &d);
    if (c->pp) {
        plan *pl = hashmap_get(&plans, c->pp->plan_path);
        if (!pl) {
            pl = plan_load_file(c->pp->plan_path, &d);
            if (pl) hashmap_put(&plans, strdup(c->pp->plan_path), pl);
        }
        c->pl = pl;
        exempt_parts_find(c->pp, &d, &c->parts);
        c->ok = c->pl && !d.errors;
    }
    diag_free(&d);
    hashmap_put(&papers, strdup(path), c);
    return c;
}

static void one_agenda(const meeting *m, agenda_entry *e, agenda_kind kind)
{
    agenda_spec s;
    memset(&s, 0, sizeof s);
    s.m = m;
    s.items = e;
    s.n = m->n_items;
    s.kind = kind;
    s.page_prefix = kind == AGENDA_SUPPLEMENTARY ? "S" : NULL;
    for (int web = 0; web < 2; web++) {
        s.web = web;
        s.pack_href = web ? "m.pdf" : NULL;
        rdoc *d = build_agenda(&s, &house);
        if (!web) {
            size_t pages = pdf_writer_measure(measurer, d);
            if (!pages) __builtin_trap();   /* an agenda has at least its front page */
        } else {
            strbuf h = STRBUF_INIT;
            html_render(d, NULL, &h);
            sb_free(&h);
        }
        rdoc_free(d);
    }
    /* the page map, written and read back */
    pack_out po = {&s, "m.pdf", 1, 1};
    strbuf j = STRBUF_INIT;
    pack_json_write(m, "m.html", &po, 1, &j);
    arena a;
    arena_init(&a);
    diag_list d;
    diag_init(&d);
    meeting_record r;
    if (pack_json_parse("out/meetings/m.json", j.data, j.len, &a, &d, &r) != 0) __builtin_trap();
    diag_free(&d);
    arena_free(&a);
    sb_free(&j);
}

static void fuzz_meeting(const uint8_t *data, size_t size)
{
    diag_list d;
    diag_init(&d);
    meeting *m = meeting_load_buffer("tests/fuzz/meeting.yaml", (const char *)data, size, &d);
    if (m) {
        size_t n = m->n_items;
        int *exempt = calloc(n + 1, sizeof *exempt), *parts = calloc(n + 1, sizeof *parts);
        agenda_entry *e = calloc(n + 1, sizeof *e);
        arena a;
        arena_init(&a);
        for (size_t i = 0; i < n; i++) {
            const meeting_item *it = &m->items[i];
            cached_paper *c = it->paper ? get_paper(it->paper) : NULL;
            exempt[i] = it->exempt;
            if (c && c->pp)
                exempt[i] = meeting_check_paper(m, it, c->pp, c->ok ? c->pl : NULL, &d);
            parts[i] = c && c->ok && c->parts.n;
            e[i].item = it;
            e[i].title = agenda_item_title(&a, it, c && c->pp ? c->pp->subject : NULL);
            e[i].lead = it->lead;
            e[i].exempt = exempt[i];
            if (c && c->ok) {
                e[i].parts = c->parts.v;
                e[i].n_parts = c->parts.n;
                e[i].has_paper = 1;
                e[i].first = e[i].last = 3 + i;
            }
        }
        meeting_check_order(m, exempt, parts, &d);
        one_agenda(m, e, AGENDA_MAIN);
        one_agenda(m, e, AGENDA_SUPPLEMENTARY);
        arena_free(&a);
        free(e);
        free(exempt);
        free(parts);
        meeting_free(m);
    }
    diag_free(&d);
}

/* A paper: its exempt parts found (ranges of the narrative, paragraphs 1-7), both
 * editions built. */
static void fuzz_paper(const uint8_t *data, size_t size)
{
    diag_list d;
    diag_init(&d);
    paper *pp = paper_load_buffer("tests/fuzz/paper.md", (const char *)data, size, &variants, &d);
    if (pp) {
        exempt_parts parts;
        exempt_parts_find(pp, &d, &parts);
        analysis *an = analyse(seed_plan, date_last_day(pp->as_at), NULL, &house.theme_rag);
        rdoc *priv = build_paper_ex(pp, seed_plan, an, &house, EDITION_PRIVATE, &parts, "1", &d);
        rdoc *pub = build_paper_ex(pp, seed_plan, an, &house, EDITION_PUBLIC, &parts, "1", &d);
        for (size_t i = 0; i < parts.n; i++) {
            const exempt_part *x = &parts.v[i];
            if (x->start > x->end || x->end > pp->markdown_len || x->paragraph < 1 || x->paragraph > 7)
                __builtin_trap();
        }
        rdoc_free(priv);
        rdoc_free(pub);
        analysis_free(an);
        exempt_parts_free(&parts);
        paper_free(pp);
    }
    diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    if (size >= 3 && !memcmp(data, "---", 3)) fuzz_paper(data, size);
    else fuzz_meeting(data, size);
    return 0;
}
