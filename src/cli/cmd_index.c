/* cmd_index.c - tabled index: out/index.html from the papers' JSON files, so make can
 * rebuild the index without rebuilding any paper (index_files.c finds them, paper_json_read.c reads them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../render/paper_json.h"
#include "../util/fileio.h"
#include "../util/project_root.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "index_files.h"
#include "template_set.h"

/* The folder whose project root decides the templates: the output folder when it is in
 * a project, else the first input. */
static const char *project_root_of_any(const char *outdir, const char *first)
{
    char *root = project_root_find(outdir);
    if (root || !first) {
        free(root);
        return outdir;
    }
    return first;
}

int cmd_index(int argc, char **argv)
{
    opt_iter it;
    opt_init(&it, "index", argc, argv);
    const char *outdir = "out";
    template_cache tc = {NULL, NULL, NULL, 0};
    const char *o;
    while ((o = opt_next(&it))) {
        int common = opt_common(&it, o);
        if (common < 0) goto usage;
        if (common) continue;
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help("index");
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "o") || !strcmp(o, "output")) {
            if (!(outdir = opt_value(&it, o))) goto usage;
        } else if (!strcmp(o, "templates")) {
            if (!(tc.templates_opt = opt_value(&it, o))) goto usage;
        } else {
            usage_error("index", "unknown option '%s'", argv[it.i - 1]);
            goto usage;
        }
    }
    if (!it.npositional) {
        usage_error("index", "nothing to index: give the papers' JSON files (%s/*/*.json)", outdir);
        goto usage;
    }
    arena a;
    arena_init(&a);
    diag_list diags;
    diag_init(&diags);
    /* The house style and stylesheet of the project the output folder is in, else of
     * the first paper's, else the installed ones. */
    const char *near = project_root_of_any(outdir, it.npositional ? it.positional[0] : NULL);
    template_set *ts = templates_for(&tc, near, TS_HOUSE | TS_CSS, &diags);
    paper_record *entries = xcalloc((size_t)it.npositional + 1, sizeof *entries);
    meeting_record *meetings = xcalloc((size_t)it.npositional + 1, sizeof *meetings);
    size_t n = 0, nm = 0;
    for (int i = 0; i < it.npositional; i++) {
        /* a paper's JSON, else a meeting's page map; anything else is passed over */
        int rc = index_read(it.positional[i], &a, &diags, &entries[n], &meetings[nm]);
        if (rc == 0) n++;
        else if (rc == 1) nm++;
    }
    /* A JSON that cannot be read is an error, but the index is still written without
     * it: it must never keep listing a paper whose outputs are gone. */
    if (ts) index_write(outdir, entries, n, meetings, nm, &ts->house, ts->css, &diags);
    free(meetings);
    diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    int status = diags.errors ? EXIT_INPUT : EXIT_OK;
    template_cache_free(&tc);
    free(entries);
    diag_free(&diags);
    arena_free(&a);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}
