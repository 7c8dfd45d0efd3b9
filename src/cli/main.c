/* main.c - tabled: compile improvement plans into committee papers.
 * Git-style subcommands; exit 0 ok, 1 input errors, 2 usage. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifndef TABLED_VERSION
#define TABLED_VERSION "0.1.0"
#endif

/* Where templates and fonts come from, said once for every command that reads them. */
#define TEMPLATES_HELP                                                                      \
    "  --templates DIR   templates (house style, front-sheet variants, stylesheet) from\n" \
    "                    DIR; default: templates/ in the project root (the nearest\n"      \
    "                    folder at or above the input holding templates/), then the\n"     \
    "                    installed ones\n"
#define FONTS_HELP                                                                          \
    "  --fonts DIR       TrueType fonts for PDF; default: fonts/ in the project root,\n"   \
    "                    then the installed ones\n"
#define DIAG_HELP                                                                           \
    "  --diagnostics-format FMT\n"                                                        \
    "                    gcc (default: FILE:LINE:COL: error: MESSAGE), github (GitHub\n"  \
    "                    Actions annotations) or gitlab (a code quality JSON report)\n"
#define COLUMNS_HELP                                                                        \
    "  --columns N       fit the table to N columns (default: the terminal's width,\n"    \
    "                    else $COLUMNS, else 120)\n"

/* The options rollup and exceptions (and changes) share. */
#define TERMINAL_REPORT_HELP                                                                \
    "  --format FMT      text (default; fitted to the terminal, colour on a terminal\n"    \
    "                    unless NO_COLOR is set), json or csv\n"                          \
    COLUMNS_HELP                                                                            \
    "  --templates DIR   the house style (theme RAG policy) from DIR/house.yaml;\n"       \
    "                    default: the project root's templates/, then the installed one\n" \
    DIAG_HELP

static const command commands[] = {
    {"check", cmd_check, "load and analyse plans and papers; print errors and warnings",
     "usage: tabled check [--werror] [--as-at DATE] [--templates DIR] PLAN|PAPER...\n"
     "\n"
     "Loads each plan, checks it against the plan format and the date rules, and\n"
     "prints every error and warning, sorted, as FILE:LINE:COL: error: MESSAGE.\n"
     "An officer's stated RAG that is better than the derived status is a warning.\n"
     "A paper (.md) is checked as 'tabled build --dry-run' would: front block,\n"
     "narrative, computed blocks and placeholders, and the plan it reports on. A plan\n"
     "named directly and by a paper is checked, and reported, once.\n"
     "\n"
     "  --as-at DATE      judge plans' statuses as at DATE (default: the plan's\n"
     "                    'updated' date, else today)\n"
     "  --werror          treat warnings as errors\n"
     TEMPLATES_HELP FONTS_HELP DIAG_HELP
     "\n"
     "Exit status: 0 clean, 1 errors (or warnings with --werror), 2 usage.\n"},
    {"rollup", cmd_rollup, "counts and percent complete by theme as at a date",
     "usage: tabled rollup PLAN --as-at DATE [--format text|json|csv] [--columns N]\n"
     "\n"
     "Counts the plan's actions in each status as at DATE, by theme and for the whole\n"
     "plan, with percent complete (cancelled actions left out) and each theme's RAG.\n"
     "\n"
     "  --as-at DATE      the reporting date: 2010-06-30, 2010-06, \"2010/11 Q3\", 2010/11\n"
     "                    (a period means its last day)\n"
     TERMINAL_REPORT_HELP},
    {"exceptions", cmd_exceptions, "overdue, rescheduled and flagged actions as at a date",
     "usage: tabled exceptions PLAN --as-at DATE [--since DATE] [--format text|json|csv]\n"
     "                         [--columns N]\n"
     "\n"
     "Lists every overdue or rescheduled action or milestone, every action reported\n"
     "Red or Amber, and every optimistic report, grouped by theme in reference order.\n"
     "\n"
     "  --as-at DATE      the reporting date (a period means its last day)\n"
     "  --since DATE      the previous report's date: a row that is only rescheduled is\n"
     "                    listed when a revision was agreed after it (marked new)\n"
     TERMINAL_REPORT_HELP},
    {"changes", cmd_changes, "what moved since the previous report",
     "usage: tabled changes PLAN --since DATE --as-at DATE [--format text|json|csv]\n"
     "                      [--columns N]\n"
     "\n"
     "Compares the plan as known at the previous report's date (--since) with the plan\n"
     "as known at --as-at: actions completed, cancelled, reopened or added; actions\n"
     "that became overdue or stopped being overdue; revisions agreed in between, with\n"
     "the days they slipped; reported RAG and status that moved (worse or better);\n"
     "risks new, closed or whose net band moved; indicators whose status moved. Each\n"
     "row gives the state at both dates.\n"
     "\n"
     "  --since DATE      the previous report's date (a period means its last day)\n"
     "  --as-at DATE      this report's date\n"
     TERMINAL_REPORT_HELP},
    {"build", cmd_build, "compile papers (HTML, PDF) and JSON roll-ups",
     "usage: tabled build [-o DIR] [--format html,pdf,json] [--as-at DATE] FILE...\n"
     "\n"
     "Compiles each paper (plans/<plan>/<paper>.md) into DIR/<plan>/<paper>.html, .pdf\n"
     "and .json (front-sheet facts and roll-up), and writes DIR/index.html. Given a\n"
     "plan.yaml instead, writes its JSON roll-up as DIR/<plan>/rollup.json (as at\n"
     "--as-at, else the plan's 'updated' date).\n"
     "An exempt paper's full edition goes to DIR/private/<plan>/, its public edition\n"
     "(front-sheet facts and the statutory notice) to DIR/<plan>/.\n"
     "\n"
     "  -o, --output DIR  output directory (default: out)\n"
     "  --format LIST     comma-separated formats: html, pdf, json\n"
     TEMPLATES_HELP FONTS_HELP
     "  -MD               write DIR/<plan>/<paper>.d naming every input, for make\n"
     "  --no-index        do not write DIR/index.html (see 'tabled index')\n"
     "  --no-plan-diagnostics\n"
     "                    do not repeat the diagnostics of the plans the papers use (a\n"
     "                    plan with errors still fails its papers, with one error at\n"
     "                    each paper's plan: line); make papers reports each plan once\n"
     "  -n, --dry-run     check the papers and plans, write nothing\n"
     "  --werror          treat warnings as errors\n"
     DIAG_HELP},
    {"pack", cmd_pack, "a meeting's agenda packs: agenda and papers in one PDF",
     "usage: tabled pack [-o DIR] [-MD] [--dry-run] MEETING.yaml...\n"
     "\n"
     "Builds a meeting's agenda pack from its meeting file (plans/meetings/<meeting>.yaml,\n"
     "see 'man tabled' and README): the agenda, listing each item with the page it\n"
     "starts on, then every report in item order, numbered through (\"Page 17\"), with a\n"
     "bookmark per item, as DIR/<folder>/<meeting>.pdf. An exempt item's report is\n"
     "replaced by the statutory notice and an exempt appendix by its notice; the\n"
     "private pack, with everything and NOT FOR PUBLICATION on each exempt page, goes to\n"
     "DIR/private/<folder>/. Items to follow or added after publication make a\n"
     "supplementary pack (<meeting>-supplement.pdf, pages S1, S2 ...). Also writes the\n"
     "page map (<meeting>.json: each item's first and last page) and the agenda as a\n"
     "web page linking each paper's (<meeting>.html).\n"
     "\n"
     "  -o, --output DIR  output directory (default: out)\n"
     TEMPLATES_HELP FONTS_HELP
     "  -MD               write DIR/<folder>/<meeting>.d naming every input, for make\n"
     "  --no-plan-diagnostics\n"
     "                    do not repeat the diagnostics of the plans the papers use\n"
     "  -n, --dry-run     check the meeting and its papers, write nothing\n"
     "  --werror          treat warnings as errors\n"
     DIAG_HELP},
    {"export", cmd_export, "a plan as spreadsheets (CSV) for officers to update",
     "usage: tabled export PLAN [--as-at DATE] [--sheet actions|risks|indicators] [-o DIR]\n"
     "\n"
     "Writes the plan as at DATE as CSV that Excel opens as written (UTF-8 with a byte\n"
     "order mark; refs and dates kept as text): one row per action and milestone with\n"
     "the columns an officer updates (Status, RAG, Progress, Completed, Revised due,\n"
     "Revision agreed, Reason for revision, Update date); one row per risk (scores,\n"
     "review by, review note, reviewed, closed); one row per indicator and period\n"
     "(actual). Row 1 names the plan and the date, so 'tabled import' can check that a\n"
     "returned sheet is for this plan.\n"
     "\n"
     "  --as-at DATE     the date the sheet shows the plan at (default: the plan's\n"
     "                   'updated' date or its latest update)\n"
     "  --sheet KIND     actions (default), risks or indicators\n"
     "  -o, --output DIR write DIR/<plan>-actions.csv, -risks.csv and -indicators.csv\n"
     "                   (those the plan has, or the --sheet asked for) instead of\n"
     "                   writing one sheet to standard output\n"
     DIAG_HELP},
    {"import", cmd_import, "turn a returned spreadsheet into an update file",
     "usage: tabled import PLAN FILE.csv [--date DATE] [-n]\n"
     "\n"
     "Reads a sheet written by 'tabled export' and returned by an officer, finds every\n"
     "cell changed since it was exported, and writes the changes as a new update file\n"
     "beside the plan, plans/<plan>/updates/<date>.yaml (or <date>-2.yaml, -3, ... when\n"
     "that name is taken). The plan and existing update files are never rewritten.\n"
     "Dates may be written as officers and Excel write them (31/03/2014, 31-Mar-2014,\n"
     "March 2014, 2014-03-31); words in any case (Amber, In progress). Every cell that\n"
     "cannot be applied is reported as FILE.csv:ROW:COLUMN, and then nothing is written.\n"
     "A sheet with no changes writes nothing.\n"
     "\n"
     "  --date DATE   the date the updates report on (a period means its last day);\n"
     "                without it, each changed row needs its own Update date\n"
     "  -n, --dry-run check the sheet and print the update file, write nothing\n"
     DIAG_HELP
     "\n"
     "Exit status: 0 written (or nothing to write), 1 errors in the sheet, 2 usage.\n"},
    {"index", cmd_index, "write out/index.html from built papers' JSON",
     "usage: tabled index [-o DIR] PAPER.json...\n"
     "\n"
     "Lists every paper, newest first, with its RAG summary and links to its HTML and\n"
     "PDF, reading the JSON that 'tabled build' writes beside each paper. Files that\n"
     "are not a paper's JSON (such as rollup.json) are skipped.\n"
     "\n"
     "  -o, --output DIR  where index.html goes (default: out)\n"
     "  --templates DIR   stylesheet and house colours; default: the templates/ of the\n"
     "                    project DIR is in, then the installed ones\n"
     DIAG_HELP},
    {"schema", cmd_schema, "write the JSON Schema of papers' front blocks",
     "usage: tabled schema [--templates DIR] [-o FILE]\n"
     "\n"
     "Writes the JSON Schema (draft 2020-12) of a paper's front block for the\n"
     "front-sheet variants of this project (templates/variants, then the installed\n"
     "ones), for editors and CI. The plan and house-style schemas are fixed files in\n"
     "templates/schemas/; after adding or changing a variant, run\n"
     "'tabled schema -o templates/schemas/paper.schema.json'.\n"
     "\n"
     "  -o, --output FILE write FILE (atomically) instead of standard output\n"
     TEMPLATES_HELP},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void main_usage(FILE *f)
{
    fprintf(f, "usage: tabled [--version] [--help] COMMAND [ARGS]\n\n"
               "tabled compiles council improvement plans into committee papers.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nSee 'tabled COMMAND --help' for one command.\n");
}

void print_help(const char *cmd)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, cmd) == 0) fputs(commands[i].usage, stdout);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        main_usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("tabled %s\n", TABLED_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        main_usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            main_usage(stdout);
            return EXIT_OK;
        }
        cmd = argv[2];
        for (size_t i = 0; i < N_COMMANDS; i++)
            if (strcmp(commands[i].name, cmd) == 0) {
                print_help(cmd);
                return EXIT_OK;
            }
        fprintf(stderr, "tabled: '%s' is not a tabled command. See 'tabled --help'.\n", cmd);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, cmd) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "tabled: '%s' is not a tabled command. See 'tabled --help'.\n", cmd);
    return EXIT_USAGE;
}
