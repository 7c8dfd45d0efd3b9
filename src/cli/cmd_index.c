/* cmd_index.c - tabled index: out/index.html from the papers' JSON files, so make can
 * rebuild the index without rebuilding any paper (index_files.c reads them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../load/house_load.h"
#include "../util/fileio.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "index_files.h"

int cmd_index(int argc, char **argv)
{
    opt_iter it;
    opt_init(&it, "index", argc, argv);
    const char *outdir = "out", *templates = "templates";
    const char *o;
    while ((o = opt_next(&it))) {
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help("index");
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "o") || !strcmp(o, "output")) {
            if (!(outdir = opt_value(&it, o))) goto usage;
        } else if (!strcmp(o, "templates")) {
            if (!(templates = opt_value(&it, o))) goto usage;
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
    house_style house;
    house_load(&house, arena_printf(&a, "%s/house.yaml", templates), &a, &diags);
    char *css_path = arena_printf(&a, "%s/html/paper.css", templates), *css = NULL;
    size_t len;
    read_input(css_path, "stylesheet", &diags, &css, &len);
    size_t template_errors = diags.errors;
    html_index_entry *entries = xcalloc((size_t)it.npositional + 1, sizeof *entries);
    size_t n = 0;
    for (int i = 0; i < it.npositional; i++)
        if (index_read_entry(&a, &diags, it.positional[i], &entries[n]) == 0) n++;
    /* A JSON that cannot be read is an error, but the index is still written without
     * it: it must never keep listing a paper whose outputs are gone. */
    if (!template_errors) index_write(outdir, entries, n, &house, css, &diags);
    diag_print(&diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    int status = diags.errors ? EXIT_INPUT : EXIT_OK;
    free(css);
    free(entries);
    diag_free(&diags);
    arena_free(&a);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}
