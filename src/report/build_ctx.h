/* build_ctx.h - what the paper builder passes around while making a report. */
#ifndef TABLED_BUILD_CTX_H
#define TABLED_BUILD_CTX_H

#include "../analysis/analysis.h"
#include "../model/house.h"
#include "../model/paper.h"
#include "../model/plan.h"
#include "report.h"

typedef struct {
    rdoc *d;
    const paper *paper;
    const plan *plan;
    const analysis *an;
    const house_style *house;
    diag_list *diags;
    int line_offset;        /* added to cmark's lines to give file lines */
    const exempt_parts *parts;  /* the paper's exempt parts, or NULL */
    int leave_out_parts;    /* public edition: the parts' bytes are never read */
    char *root;             /* the project root (see build_root) */
    int root_done;
} build_ctx;

/* The project root of the paper (domain rules, section 9: the nearest folder at or
 * above it that holds templates/), or, for a paper in no project, its own folder:
 * canonical, found once. NULL when the paper's folder does not exist. */
const char *build_root(build_ctx *b);

/* Options of a computed block or placeholder: name key=value key="a b" flag. */
#define MAX_OPTS 12
typedef struct {
    char *name;
    char *keys[MAX_OPTS], *values[MAX_OPTS];    /* value NULL for a bare word */
    int n;
} opt_list;

/* Parses s into opts (strings allocated in the document arena). -1 on a syntax error. */
int opts_parse(rdoc *d, const char *s, opt_list *opts);
const char *opts_get(const opt_list *o, const char *key);
/* Reports options not in allowed[] at pos. Returns the number of bad ones. */
int opts_check(build_ctx *b, const opt_list *o, const char *const *allowed, size_t n,
               const char *what, srcpos pos);

/* 1 when a fenced block's info string starts with a computed block's name (blocks.c:
 * rollup, exceptions, plan, ...); otherwise 0, and *near is a block name the
 * first word is close to (a likely typo), or NULL. */
int is_computed_block(const char *info, const char **near);
/* Reports "WHAT: the plan has no theme 'REF'; did you mean 'A'? (themes: A, B)". */
void theme_not_found(build_ctx *b, srcpos pos, const char *what, const char *ref);

/* Computed blocks (blocks.c): appends the named block's content, or reports why not. */
void computed_block(build_ctx *b, rnode *parent, const char *info, srcpos pos);

/* The front sheet (front_sheet.c): the variant's fields as the paper gives them (the
 * public edition's only), and the fields printed after the report. */
void front_sheet_build(build_ctx *b, int public_only);
void front_fields_at_end(build_ctx *b, rnode *body);
/* A variant's title or kind with {committee}, {subject}, {meeting}, {organisation}. */
const char *expand_variant_text(rdoc *d, const char *tmpl, const paper *p, const plan *pl);

/* The statutory notice in place of an exempt paper's content (exempt.c). */
void public_notice(rdoc *d, const paper *p);
/* The appendix that stands for an exempt part in the public edition: its letter, its
 * public title and the statutory notice naming the paragraph (exempt.c). */
void exempt_part_notice(rdoc *d, const exempt_part *part);
/* If text (a heading's plain text) ends in an {exempt=N} marker, its length without
 * the marker (and the spaces before it), and the paragraph in *para (0 when the marker
 * is malformed); else (size_t)-1. */
size_t exempt_marker(const char *text, int *para);

/* "Appendix: Title", "Appendix A - Title", "Appendix A" -> "Title" (or ""), with
 * *is_appendix set; any other heading text is returned as it is (from_markdown.c). */
const char *appendix_heading_title(const char *text, int *is_appendix);
/* The narrative parsed as the builder parses it (Word's bullets made lists, the GFM
 * extensions), with no warnings: for finding its structure (from_markdown.c). */
struct cmark_node *markdown_parse_quiet(const char *md, size_t len);

/* Placeholders (placeholders.c): appends text with {{ ... }} expanded to parent. */
void expand_placeholders(build_ctx *b, rnode *parent, const char *text, srcpos pos);

/* Markdown to report nodes (from_markdown.c). markdown_blocks converts a fragment
 * (front-sheet values); markdown_body converts the paper's narrative into RN_BODY and
 * RN_APPENDIX children of root, numbering as the paper says. */
void markdown_blocks(build_ctx *b, rnode *parent, const char *md, size_t len, int line_offset);
void markdown_body(build_ctx *b, rnode *root);

#endif
