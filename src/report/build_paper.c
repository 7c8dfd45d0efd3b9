/* build_paper.c - the report description of one paper: metadata, front sheet, the
 * numbered body, fields printed after it, appendices; then what the renderers draw
 * around them (rdoc_finish). */
#include "build_paper.h"

#include <stdlib.h>
#include <string.h>

#include "../util/build_epoch.h"
#include "../util/fileio.h"
#include "../util/project_root.h"
#include "build_ctx.h"
#include "labels.h"

static const char *fmt_date(rdoc *d, fuzzy_date f)
{
    char buf[DATE_BUF];
    label_date(d->dates, f, buf, sizeof buf);
    return arena_strdup(&d->arena, buf);
}

const char *build_root(build_ctx *b)
{
    if (b->root_done) return b->root;
    b->root_done = 1;
    b->root = project_root_of(b->paper->file);
    return b->root;
}

static void summarise(rdoc *d, const analysis *an)
{
    for (int k = 0; k < STATUS__COUNT; k++) d->summary.count[k] = an->overall.count[k];
    d->summary.total = an->overall.total;
    d->summary.percent_complete = an->overall.percent_complete;
    d->summary.rag = an->overall.rag;
}

rdoc *build_paper(const paper *p, const plan *pl, const analysis *an, const house_style *h,
                  edition ed, diag_list *diags)
{
    exempt_parts parts;
    exempt_parts_find(p, diags, &parts);
    rdoc *d = build_paper_ex(p, pl, an, h, ed, &parts, NULL, diags);
    exempt_parts_free(&parts);
    return d;
}

rdoc *build_paper_ex(const paper *p, const plan *pl, const analysis *an, const house_style *h,
                     edition ed, const exempt_parts *parts, const char *item, diag_list *diags)
{
    int public_only = ed == EDITION_PUBLIC && p->exempt_paragraph > 0;
    rdoc *d = rdoc_new();
    build_ctx b = {d, p, pl, an, h, diags, 0, parts, ed == EDITION_PUBLIC, NULL, 0};
    d->dates = h->dates;
    /* Copied: the report outlives the paper and the plan it was built from. */
#define KEEP(s) ((s) ? arena_strdup(&d->arena, (s)) : NULL)
    d->subject = KEEP(p->subject);
    d->title = d->subject;
    d->committee = KEEP(p->committee);
    d->meeting_date = p->meeting.kind ? fmt_date(d, p->meeting) : NULL;
    if (p->meeting.kind == DATE_DAY)
        d->meeting_iso = arena_printf(&d->arena, "%04d-%02d-%02d", p->meeting.year, p->meeting.month, p->meeting.day);
    d->item = KEEP(p->item ? p->item : item);
    d->report_of = KEEP(p->report_of);
    d->organisation = KEEP(pl->organisation);
    d->variant = p->variant ? KEEP(p->variant->name) : NULL;
    d->variant_title = p->variant ? expand_variant_text(d, p->variant->title, p, pl) : NULL;
    d->as_at = fmt_date(d, date_of_day(an->as_at));
    char iso[DATE_BUF];
    date_format_iso(date_of_day(an->as_at), iso, sizeof iso);
    d->as_at_iso = arena_strdup(&d->arena, iso);
    d->exempt_paragraph = public_only ? 0 : p->exempt_paragraph;
    char *slug = parent_dir_name(p->plan_path);
    d->plan_slug = arena_strdup(&d->arena, slug);
    free(slug);
    d->paper_slug = KEEP(p->slug);
    d->file = KEEP(p->file);
    d->epoch = KEEP(build_epoch());
#undef KEEP
    rdoc_set_palette(d, h);
    if (!public_only) summarise(d, an);

    /* Everything in the report is somewhere in the paper: what has no line of its
     * own (the masthead, say) is placed at the front block. */
    rnode_set_pos(d->root, make_pos(p->file, 1, 1));
    front_sheet_build(&b, public_only);
    if (public_only) {
        public_notice(d, p);
    } else {
        markdown_body(&b, d->root);
        /* Fields printed after the report (seed 001's contact block), before appendices. */
        rnode *body = NULL;
        for (rnode *n = d->root->first; n; n = n->next)
            if (n->type == RN_BODY) body = n;
        if (body) front_fields_at_end(&b, body);
    }
    /* What the document says is complete: its fingerprint, then its presentation. */
    rdoc_fingerprint(d, h);
    rdoc_finish(d);
    free(b.root);
    return d;
}
