/* plan_load.h - YAML plan file to resolved model (plan.h), with every error reported. */
#ifndef TABLED_PLAN_LOAD_H
#define TABLED_PLAN_LOAD_H

#include "../model/plan.h"
#include "../util/diag.h"

/* Loads and checks a plan, with the update files in the folder beside it
 * (updates_load.h). Returns NULL when any error was reported (the model is freed);
 * warnings alone still return the plan. */
plan *plan_load_file(const char *path, diag_list *diags);
/* The plan file alone, from memory (no update files are read). */
plan *plan_load_buffer(const char *name, const char *data, size_t len, diag_list *diags);
/* The plan and n update files, all from memory (tests and fuzzers). */
plan *plan_load_buffers(const char *name, const char *data, size_t len, size_t n,
                        const char *const *update_names, const char *const *update_datas,
                        const size_t *update_lens, diag_list *diags);

/* plan_load_file, with n more update files from memory merged in after those beside
 * the plan (to check an update file before it is written: tabled import). */
plan *plan_load_file_with(const char *path, size_t n, const char *const *update_names,
                          const char *const *update_datas, const size_t *update_lens,
                          diag_list *diags);

#endif
