/* paper_json.h - a built paper's JSON (out/<plan>/<paper>.json): its front-sheet facts
 * and the plan's roll-up as at its date, for dashboards, and what `tabled index`
 * rebuilds the index from. This module alone writes and reads the format; README
 * ("The paper's JSON") documents it. */
#ifndef TABLED_PAPER_JSON_H
#define TABLED_PAPER_JSON_H

#include "../analysis/analysis.h"
#include "../report/index_doc.h"
#include "../util/arena.h"
#include "../util/diag.h"
#include "../util/strbuf.h"

/* Appends the JSON of paper r to out; an is the analysis it was built from, whose
 * roll-up is written in full, or NULL for the public edition of an exempt paper. */
void paper_json_write(const paper_record *r, const analysis *an, strbuf *out);

/* Reads the JSON at path (named in errors) into *r, its strings in a; the hrefs are
 * those of the outputs beside it (out/<plan>/<paper>.json -> <plan>/<paper>.html) that
 * exist as regular files: the index never links an output that is not there.
 * Returns 0; 1 when the file is JSON but not a paper's (a plan's rollup.json, which the
 * index skips); -1 when it cannot be read (the error in diags). */
int paper_json_read(const char *path, arena *a, diag_list *diags, paper_record *r);
/* The same, from len bytes already read (path names the file, for the hrefs and
 * errors); the hrefs are as the JSON says, and no file is looked at. */
int paper_json_parse(const char *path, const char *data, size_t len, arena *a, diag_list *diags,
                     paper_record *r);

#endif
