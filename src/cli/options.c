/* options.c - git-style option scanning, usage errors, terminal facts. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../util/xalloc.h"
#include "cli.h"

void opt_init(opt_iter *it, const char *cmd, int argc, char **argv)
{
    memset(it, 0, sizeof *it);
    it->argc = argc;
    it->argv = argv;
    it->i = 1;
    it->cmd = cmd;
    it->positional = xcalloc((size_t)argc + 1, sizeof *it->positional);
}

void opt_free(opt_iter *it) { free(it->positional); }

static char namebuf[64];
static const char *inline_value;

const char *opt_next(opt_iter *it)
{
    inline_value = NULL;
    while (it->i < it->argc) {
        char *a = it->argv[it->i++];
        if (it->only_positional || a[0] != '-' || a[1] == '\0') {
            it->positional[it->npositional++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            it->only_positional = 1;
            continue;
        }
        const char *name = a + (a[1] == '-' ? 2 : 1);
        const char *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        if (n >= sizeof namebuf) n = sizeof namebuf - 1;
        memcpy(namebuf, name, n);
        namebuf[n] = '\0';
        inline_value = eq ? eq + 1 : NULL;
        return namebuf;
    }
    return NULL;
}

const char *opt_value(opt_iter *it, const char *name)
{
    if (inline_value) return inline_value;
    if (it->i >= it->argc) {
        usage_error(it->cmd, "option '--%s' needs a value", name);
        return NULL;
    }
    return it->argv[it->i++];
}

int opt_common(opt_iter *it, const char *name)
{
    if (strcmp(name, "diagnostics-format") != 0) return 0;
    const char *v = opt_value(it, name);
    if (!v) return -1;
    diag_format f;
    if (diag_parse_format(v, &f) != 0) {
        usage_error(it->cmd, "--diagnostics-format must be gcc, github or gitlab, not '%s'", v);
        return -1;
    }
    diag_set_format(f);
    return 1;
}

int opt_output(opt_iter *it, const char *name, const output_opts *to)
{
    const char **text = !strcmp(name, "o") || !strcmp(name, "output") ? to->outdir
                        : !strcmp(name, "templates") ? to->templates
                        : !strcmp(name, "fonts") ? to->fonts : NULL;
    if (text) {
        const char *v = opt_value(it, name);
        if (!v) return -1;
        *text = v;
        return 1;
    }
    int *flag = !strcmp(name, "MD") ? to->depfiles
                : !strcmp(name, "dry-run") || !strcmp(name, "n") ? to->dry_run
                : !strcmp(name, "werror") ? to->werror
                : !strcmp(name, "no-plan-diagnostics") ? to->quiet_plans : NULL;
    if (!flag) return 0;
    *flag = 1;
    return 1;
}

int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "tabled %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nSee 'tabled %s --help'.\n", cmd);
    return EXIT_USAGE;
}

int parse_as_at(const char *cmd, const char *opt, const char *value, day_t *out)
{
    fuzzy_date d;
    char why[320];
    if (date_parse_as(value, DATE_ACCEPT_PERIOD, &d, why, sizeof why) != 0) {
        usage_error(cmd, "--%s %s %s", opt, value, why);
        return -1;
    }
    *out = date_last_day(d);
    return 0;
}

int terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    if (c && atoi(c) > 20) return atoi(c);
    return 120;
}

int use_color(void)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc) return 0;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0) return 0;
    return isatty(STDOUT_FILENO);
}
