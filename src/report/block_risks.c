/* block_risks.c - the risks block: the register of scored risks by net score, with
 * bands (seed 000); then the risks assessed in words, as seed 003 prints them - risk
 * area, High/Low impact, possible consequences, reducing risks - High before Low and
 * then by reference, grouped by theme, never scored. "Last reviewed" is shown, and a
 * review's age checked against the house style's period, only when the plan records
 * reviews as at T (risk_reviews_recorded). A column no risk fills is left out.
 * Options: theme=, caption= (the first table's), refs=no (leave the Ref column out:
 * for a plan whose source gives its risks no references). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/risk.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "blocks.h"
#include "labels.h"
#include "table_build.h"

typedef struct {
    const char *label;
    int on;
} column;

/* A table of the columns that are on. */
static rnode *make_table(build_ctx *b, const char *caption, const column *cols, int n)
{
    const char *hdr[16];
    int k = 0;
    for (int i = 0; i < n; i++)
        if (cols[i].on) hdr[k++] = cols[i].label;
    rnode *t = tb_table(b->d, caption, hdr, k);
    t->flags |= RF_COMPUTED;
    return t;
}

static void reviewed_cell(build_ctx *b, rnode *tr, const risk_view *v)
{
    char d[DATE_BUF];
    label_date(b->house->dates, v->reviewed, d, sizeof d);
    rnode *rc = tb_cell(b->d, tr, d[0] ? d : "Never", LEVEL_NONE);
    if (risk_review_overdue(v, b->an->as_at, b->house->risk_review_days)) {
        rnode_add(b->d, rc, RN_LINEBREAK);
        rnode *badge = rnode_add(b->d, rc, RN_BADGE);
        badge->text = "Review overdue";
        badge->rag = LEVEL_AMBER;
    }
}

enum { SC_REF, SC_RISK, SC_OWNER, SC_INHERENT, SC_CONTROLS, SC_NET, SC_BAND, SC_FURTHER, SC_REVIEWED, SC__N };

static void scored(build_ctx *b, rnode *parent, const block_args *a, const size_t *order, size_t n,
                   int refs, int reviews, const char *caption)
{
    const plan *p = b->plan;
    column c[SC__N] = {{"Ref", refs}, {"Risk", 1}, {"Owner", 0}, {"Inherent (L \xC3\x97 I)", 1},
                       {"Controls", 0}, {"Net (L \xC3\x97 I)", 1}, {"Net risk", 1},
                       {"Further actions", 0}, {"Last reviewed", reviews}};
    for (size_t i = 0; i < n; i++) {
        const risk *r = &p->risks[order[i]];
        if (a->theme && r->theme != a->theme) continue;
        c[SC_OWNER].on |= r->owner != NULL;
        c[SC_CONTROLS].on |= r->controls != NULL;
        c[SC_FURTHER].on |= r->further_actions != NULL;
    }
    rnode *t = make_table(b, caption, c, SC__N);
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        const risk *r = &p->risks[order[i]];
        if (a->theme && r->theme != a->theme) continue;
        risk_view v = risk_at(r, b->an->as_at);
        rnode *tr = tb_row(b->d, t, 0);
        rows++;
        if (refs) tb_cell(b->d, tr, r->ref, LEVEL_NONE)->flags |= RF_ROW_HEADER;
        rnode *desc = tb_cell(b->d, tr, r->description, LEVEL_NONE);
        if (!refs) desc->flags |= RF_ROW_HEADER;
        if (r->consequence) {
            rnode_add(b->d, desc, RN_LINEBREAK);
            rnode *em = rnode_add(b->d, desc, RN_EMPH);
            strbuf sb = STRBUF_INIT;
            sb_printf(&sb, "Impact: %s", r->consequence);
            tb_lines(b->d, em, sb.data);
            sb_free(&sb);
        }
        if (c[SC_OWNER].on) tb_cell(b->d, tr, r->owner ? r->owner->name : "", LEVEL_NONE);
        strbuf sb = STRBUF_INIT;
        label_score(&sb, v.inherent);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_reset(&sb);
        if (c[SC_CONTROLS].on) tb_cell(b->d, tr, r->controls, LEVEL_NONE);
        label_score(&sb, v.net);
        tb_cell(b->d, tr, sb.data, LEVEL_NONE);
        sb_free(&sb);
        risk_band band = risk_band_of(risk_score_value(v.net));
        tb_cell(b->d, tr, band ? risk_band_name(band) : "-", risk_band_level(band));
        if (c[SC_FURTHER].on) tb_cell(b->d, tr, r->further_actions, LEVEL_NONE);
        if (reviews) reviewed_cell(b, tr, &v);
    }
    if (!rows) return;
    t->flags |= RF_WIDE;
    rnode_append(parent, t);
}

enum { QC_REF, QC_AREA, QC_IMPACT, QC_CONSEQ, QC_REDUCING, QC_OWNER, QC_REVIEWED, QC__N };

static void qualitative_row(build_ctx *b, rnode *t, const risk *r, const column *c)
{
    risk_view v = risk_at(r, b->an->as_at);
    rnode *tr = tb_row(b->d, t, 0);
    if (c[QC_REF].on) tb_cell(b->d, tr, r->ref, LEVEL_NONE)->flags |= RF_ROW_HEADER;
    rnode *area = tb_cell(b->d, tr, r->description, LEVEL_NONE);
    if (!c[QC_REF].on) area->flags |= RF_ROW_HEADER;
    rnode *imp = tb_cell(b->d, tr, "", LEVEL_NONE);
    rnode *strong = v.qualitative == QUAL_HIGH ? rnode_add(b->d, imp, RN_STRONG) : imp;
    rnode_add_text(b->d, strong, qualitative_impact_name(v.qualitative));
    rnode *cq = tb_cell(b->d, tr, "", LEVEL_NONE);
    if (r->consequence) tb_lines(b->d, cq, r->consequence);
    rnode *rd = tb_cell(b->d, tr, "", LEVEL_NONE);
    const char *reducing = r->further_actions ? r->further_actions : r->controls;
    if (reducing) tb_lines(b->d, rd, reducing);
    if (c[QC_OWNER].on) tb_cell(b->d, tr, r->owner ? r->owner->name : "", LEVEL_NONE);
    if (c[QC_REVIEWED].on) reviewed_cell(b, tr, &v);
}

static void qualitative(build_ctx *b, rnode *parent, const block_args *a, const size_t *order, size_t n,
                        int refs, int reviews, const char *caption)
{
    const plan *p = b->plan;
    column c[QC__N] = {{"Ref", refs}, {"Risk area", 1}, {"High/Low impact", 1},
                       {"Possible consequences", 1}, {"Reducing risks", 1}, {"Owner", 0},
                       {"Last reviewed", reviews}};
    int themed = 0;
    for (size_t i = 0; i < n; i++) {
        const risk *r = &p->risks[order[i]];
        if (a->theme && r->theme != a->theme) continue;
        c[QC_OWNER].on |= r->owner != NULL;
        themed |= r->theme != NULL;
    }
    rnode *t = make_table(b, caption, c, QC__N);
    size_t rows = 0;
    if (!themed || a->theme) {
        for (size_t i = 0; i < n; i++)
            if (!a->theme || p->risks[order[i]].theme == a->theme) {
                qualitative_row(b, t, &p->risks[order[i]], c);
                rows++;
            }
    } else {
        /* By theme in plan order (risks with none last), keeping the order within. */
        for (size_t th = 0; th <= p->n_themes; th++) {
            const theme *tp = th < p->n_themes ? &p->themes[th] : NULL;
            int any = 0;
            for (size_t i = 0; i < n; i++) {
                const risk *r = &p->risks[order[i]];
                if (r->theme != tp) continue;
                if (!any)
                    tb_group(b->d, t, tp ? arena_printf(&b->d->arena, "%s %s", tp->ref, tp->title ? tp->title : "")
                                         : "Other risks");
                any = 1;
                qualitative_row(b, t, r, c);
                rows++;
            }
        }
    }
    if (!rows) return;
    rnode_append(parent, t);
}

void block_risks(build_ctx *b, rnode *parent, const block_args *a)
{
    const opt_list *o = a->opts;
    const plan *p = b->plan;
    const char *rv = opts_get(o, "refs");
    if (rv && strcmp(rv, "yes") && strcmp(rv, "no")) {
        diag_error(b->diags, a->pos, "risks block: refs=%s; write refs=yes or refs=no", rv);
        return;
    }
    int refs = !rv || !strcmp(rv, "yes");
    size_t *order = xcalloc(p->n_risks + 1, sizeof *order);
    size_t *qorder = xcalloc(p->n_risks + 1, sizeof *qorder);
    size_t ns = risk_register_order(p, b->an->as_at, order);
    size_t nq = risk_qualitative_order(p, b->an->as_at, qorder);
    size_t shown_s = 0, shown_q = 0;
    for (size_t i = 0; i < ns; i++) shown_s += !a->theme || p->risks[order[i]].theme == a->theme;
    for (size_t i = 0; i < nq; i++) shown_q += !a->theme || p->risks[qorder[i]].theme == a->theme;
    if (!shown_s && !shown_q) {
        free(order);
        free(qorder);
        char msg[160];
        if (p->n_risks) snprintf(msg, sizeof msg, "The plan records no open risks as at %s.", block_as_at(b));
        else snprintf(msg, sizeof msg, "The plan records no risks.");
        rnode *n = rnode_add(b->d, parent, RN_NOTICE);
        rnode_add_text(b->d, rnode_add(b->d, n, RN_PARAGRAPH), msg);
        return;
    }
    int reviews = risk_reviews_recorded(p, b->an->as_at);
    char cap[256];
    if (shown_s) {
        snprintf(cap, sizeof cap, "Risk register by net score as at %s", block_as_at(b));
        scored(b, parent, a, order, ns, refs, reviews, block_caption(b, o, cap));
    }
    if (shown_q) {
        snprintf(cap, sizeof cap, "Risk assessments, High impact before Low, as at %s", block_as_at(b));
        qualitative(b, parent, a, qorder, nq, refs, reviews,
                    shown_s ? arena_strdup(&b->d->arena, cap) : block_caption(b, o, cap));
    }
    free(order);
    free(qorder);
}
