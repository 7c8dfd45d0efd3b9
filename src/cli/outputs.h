/* outputs.h - the files a build writes for each input, and keeping the output folder
 * true to its sources (domain rules, section 9).
 *
 * A paper whose plan is in folder P and whose file is N.md writes OUT/P/N.html, .pdf
 * and .json (and N.d with -MD); an exempt paper also writes its private edition to
 * OUT/private/P/N.html and .pdf, and its dependency file there, never in the public
 * folder. A plan writes OUT/P/rollup.json. Two inputs of one run that would write the
 * same file are an error naming both; a paper called rollup.md (its JSON would be the
 * plan's roll-up) and a plan folder called private are errors. When a paper fails,
 * every file it could have written is removed. */
#ifndef TABLED_OUTPUTS_H
#define TABLED_OUTPUTS_H

#include "../util/diag.h"
#include "../util/hashmap.h"

typedef enum {
    OUT_PDF,
    OUT_HTML,
    OUT_PRIVATE_PDF,
    OUT_PRIVATE_HTML,
    OUT_PRIVATE_DEP,
    OUT_DEP,
    OUT_JSON,               /* written last: the index lists a paper by its JSON */
    OUT__COUNT
} out_kind;

/* OUTDIR/PLAN/PAPER.ext, or OUTDIR/private/PLAN/PAPER.ext for the private kinds.
 * malloc'd. */
char *out_path(const char *outdir, const char *plan, const char *paper, out_kind k);

/* Removes every file of the paper whose kind is not in keep (a bit set of 1 << kind);
 * a file that is not there is fine, one that cannot be removed is reported. 0 or -1. */
int out_remove(const char *outdir, const char *plan, const char *paper, unsigned keep,
               diag_list *diags);

/* Refuses output names that would land on another output: an empty name, a paper
 * called rollup, a plan folder called private. Reports at pos; 0 or -1. */
int out_check_names(const char *plan, const char *paper, srcpos pos, diag_list *diags);

/* Which input of this run writes each PLAN/PAPER (a plan's roll-up is PLAN/rollup). */
typedef struct {
    hashmap owners;         /* "plan/paper" -> input path (both malloc'd) */
} out_claims;

void out_claims_init(out_claims *c);
void out_claims_free(out_claims *c);
/* Claims plan/paper for input. Returns 1 when it is new, 0 when input already had it,
 * and -1 (after an error at pos naming both inputs) when another input has it; then
 * *other is that input. */
int out_claim(out_claims *c, const char *plan, const char *paper, const char *input,
              srcpos pos, diag_list *diags, const char **other);

#endif
