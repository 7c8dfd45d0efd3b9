/* cli.h - subcommands and the option parsing they share. */
#ifndef TABLED_CLI_H
#define TABLED_CLI_H

#include "../model/date.h"
#include "../model/plan.h"
#include "../util/diag.h"

#define EXIT_OK 0
#define EXIT_INPUT 1
#define EXIT_USAGE 2

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const char *usage;      /* full --help text */
} command;

int cmd_check(int argc, char **argv);
int cmd_rollup(int argc, char **argv);
int cmd_exceptions(int argc, char **argv);
int cmd_changes(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_pack(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_schema(int argc, char **argv);
/* build and check share one pipeline: check is a dry run that also warns about the
 * plans' optimistic reports. */
int build_run(int argc, char **argv, int check);
/* Warnings for a plan as at a date: an officer's RAG better than the derived status. */
void check_plan_warnings(diag_list *d, const plan *p, day_t as_at);

/* Option scanner: handles "--name value", "--name=value", flags and "--". */
typedef struct {
    int argc, i;
    char **argv;
    const char *cmd;
    char **positional;
    int npositional;
    int only_positional;
} opt_iter;

void opt_init(opt_iter *it, const char *cmd, int argc, char **argv);
/* Next option name (without dashes) or NULL at the end; positionals are collected. */
const char *opt_next(opt_iter *it);
/* The value of the current option, or NULL after printing a usage error. */
const char *opt_value(opt_iter *it, const char *name);
void opt_free(opt_iter *it);
/* Options every command takes (--diagnostics-format=gcc|github|gitlab): 1 when name
 * was one and is handled, -1 after a usage error, 0 when it is not one of them. */
int opt_common(opt_iter *it, const char *name);
/* Where the options 'build' and 'pack' share are stored: -o/--output, --templates,
 * --fonts, -MD, -n/--dry-run, --werror and --no-plan-diagnostics. */
typedef struct {
    const char **outdir, **templates, **fonts;
    int *depfiles, *dry_run, *werror, *quiet_plans;
} output_opts;
/* 1 when name was one of those options and is stored through to, -1 after a usage error
 * (a missing value), 0 when it is not one of them. */
int opt_output(opt_iter *it, const char *name, const output_opts *to);

int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Parses a date option; prints a usage error and returns -1 if invalid. The day is
 * the last day of the period (an as-at date). */
int parse_as_at(const char *cmd, const char *opt, const char *value, day_t *out);
int terminal_width(void);
int use_color(void);
void print_help(const char *cmd);

#endif
