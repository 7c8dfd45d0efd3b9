/* pack.h - what tabled check takes from tabled pack: checking a meeting file and the
 * papers it names without building anything. */
#ifndef TABLED_PACK_H
#define TABLED_PACK_H

#include "../util/diag.h"
#include "plan_cache.h"
#include "template_set.h"

/* 1 when the YAML file at path is a meeting file (top-level 'meeting:' and 'items:'
 * keys), not a plan; 0 for anything but a regular file (a pipe is never read here). */
int is_meeting_file(const char *path);
/* Loads and checks a meeting file and its papers, as 'tabled pack' does, writing
 * nothing; diagnostics to diags. */
void pack_check(const char *path, diag_list *diags, template_cache *tc, plan_cache *pc);

#endif
