/* diag_print.c - print diagnostics for people (GCC style) and for CI systems
 * (GitHub Actions workflow commands, GitLab code quality JSON).
 *
 * make -j runs many tabled processes on one terminal or log: every line is built in
 * memory and written with one write(2), so lines from different processes never
 * interleave (a pipe write of up to PIPE_BUF bytes is atomic; a longer one, or one
 * to a file, is a single call). The GitLab report is one JSON document, so it goes out
 * in a single write. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "json.h"
#include "strbuf.h"

static diag_format format = DIAG_FORMAT_GCC;

void diag_set_format(diag_format f) { format = f; }
diag_format diag_get_format(void) { return format; }

int diag_parse_format(const char *name, diag_format *f)
{
    if (!strcmp(name, "gcc")) *f = DIAG_FORMAT_GCC;
    else if (!strcmp(name, "github")) *f = DIAG_FORMAT_GITHUB;
    else if (!strcmp(name, "gitlab")) *f = DIAG_FORMAT_GITLAB;
    else return -1;
    return 0;
}

/* One write(2) of the whole buffer (retried only on EINTR or a short write). */
static void write_whole(FILE *out, const char *s, size_t n)
{
    fflush(out); /* keep order with anything printed through stdio */
    int fd = fileno(out);
    if (fd < 0) { /* a memory stream */
        fwrite(s, 1, n, out);
        return;
    }
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static int cmp_diag(const void *pa, const void *pb)
{
    const diagnostic *a = pa, *b = pb;
    int c = strcmp(a->pos.file ? a->pos.file : "", b->pos.file ? b->pos.file : "");
    if (c) return c;
    if (a->pos.line != b->pos.line) return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col) return a->pos.col < b->pos.col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int same(const diagnostic *a, const diagnostic *b)
{
    return a->level == b->level && a->pos.line == b->pos.line && a->pos.col == b->pos.col &&
           strcmp(a->pos.file ? a->pos.file : "", b->pos.file ? b->pos.file : "") == 0 &&
           strcmp(a->message, b->message) == 0;
}

static void gcc_line(strbuf *sb, const diagnostic *g, int color)
{
    static const char *names[] = {"note", "warning", "error"};
    static const char *colors[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};
    const char *file = g->pos.file ? g->pos.file : "tabled";
    if (color) sb_puts(sb, "\033[1m");
    if (g->pos.line > 0 && g->pos.col > 0) sb_printf(sb, "%s:%d:%d: ", file, g->pos.line, g->pos.col);
    else if (g->pos.line > 0) sb_printf(sb, "%s:%d: ", file, g->pos.line);
    else sb_printf(sb, "%s: ", file);
    if (color) sb_printf(sb, "\033[0m%s%s:\033[0m ", colors[g->level], names[g->level]);
    else sb_printf(sb, "%s: ", names[g->level]);
    sb_printf(sb, "%s\n", g->message);
}

/* Workflow-command escaping: the message escapes %, CR and LF; a property value
 * also ':' and ','. */
static void github_escape(strbuf *sb, const char *s, int property)
{
    for (; *s; s++) {
        if (*s == '%') sb_puts(sb, "%25");
        else if (*s == '\r') sb_puts(sb, "%0D");
        else if (*s == '\n') sb_puts(sb, "%0A");
        else if (property && *s == ':') sb_puts(sb, "%3A");
        else if (property && *s == ',') sb_puts(sb, "%2C");
        else sb_putc(sb, *s);
    }
}

static void github_line(strbuf *sb, const diagnostic *g)
{
    static const char *names[] = {"notice", "warning", "error"};
    sb_printf(sb, "::%s ", names[g->level]);
    if (g->pos.file) {
        sb_puts(sb, "file=");
        github_escape(sb, g->pos.file, 1);
        if (g->pos.line > 0) sb_printf(sb, ",line=%d", g->pos.line);
        if (g->pos.col > 0) sb_printf(sb, ",col=%d", g->pos.col);
        sb_puts(sb, ",");
    }
    sb_puts(sb, "title=tabled::");
    github_escape(sb, g->message, 0);
    sb_putc(sb, '\n');
}

/* A stable fingerprint (GitLab tells issues apart by it): two FNV-1a hashes of the
 * file, position, level and message, as 32 hex digits. */
static void fingerprint(strbuf *sb, const diagnostic *g)
{
    uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
    char pos[64];
    snprintf(pos, sizeof pos, ":%d:%d:%d:", g->pos.line, g->pos.col, (int)g->level);
    const char *parts[] = {g->pos.file ? g->pos.file : "", pos, g->message};
    for (size_t i = 0; i < 3; i++)
        for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++) {
            h1 = (h1 ^ *p) * 0x100000001b3ULL;
            h2 = (h2 ^ *p) * 0x100000001b3ULL;
            h2 ^= h2 >> 29;
        }
    sb_printf(sb, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

static void gitlab_issue(strbuf *sb, const diagnostic *g)
{
    static const char *severities[] = {"info", "minor", "major"};
    strbuf fp = STRBUF_INIT;
    fingerprint(&fp, g);
    sb_puts(sb, "{\"description\": ");
    json_escape(sb, g->message);
    sb_printf(sb, ", \"check_name\": \"tabled-%s\", \"fingerprint\": \"%s\", \"severity\": \"%s\", "
                  "\"location\": {\"path\": ",
              g->level == DIAG_ERROR ? "error" : g->level == DIAG_WARNING ? "warning" : "note",
              fp.data, severities[g->level]);
    json_escape(sb, g->pos.file ? g->pos.file : "tabled");
    sb_printf(sb, ", \"lines\": {\"begin\": %d}}}", g->pos.line > 0 ? g->pos.line : 1);
    sb_free(&fp);
}

void diag_print(diag_list *d, FILE *out, int color)
{
    if (d->len) qsort(d->items, d->len, sizeof *d->items, cmp_diag);
    strbuf sb = STRBUF_INIT;
    size_t shown = 0;
    if (format == DIAG_FORMAT_GITLAB) sb_puts(&sb, "[");
    for (size_t i = 0; i < d->len; i++) {
        diagnostic *g = &d->items[i];
        if (i && same(g, &d->items[i - 1])) continue; /* reported by two paths */
        switch (format) {
        case DIAG_FORMAT_GCC:
            gcc_line(&sb, g, color);
            break;
        case DIAG_FORMAT_GITHUB:
            github_line(&sb, g);
            break;
        case DIAG_FORMAT_GITLAB:
            sb_puts(&sb, shown ? ",\n  " : "\n  ");
            gitlab_issue(&sb, g);
            break;
        }
        shown++;
        /* after the last line of a file: how many were left out (the cap, diag.h) */
        const char *next = i + 1 < d->len ? d->items[i + 1].pos.file : NULL;
        size_t hidden = 0;
        if (i + 1 == d->len || strcmp(next ? next : "", g->pos.file ? g->pos.file : ""))
            hidden = diag_hidden(d, g->pos.file);
        if (hidden) {
            char msg[96];
            snprintf(msg, sizeof msg, "%zu more errors and warnings in this file are not shown",
                     hidden);
            diagnostic note = {make_pos(g->pos.file, 0, 0), DIAG_NOTE, msg, 0};
            switch (format) {
            case DIAG_FORMAT_GCC:
                gcc_line(&sb, &note, color);
                break;
            case DIAG_FORMAT_GITHUB:
                github_line(&sb, &note);
                break;
            case DIAG_FORMAT_GITLAB:
                sb_puts(&sb, ",\n  ");
                gitlab_issue(&sb, &note);
                break;
            }
        }
        if (format != DIAG_FORMAT_GITLAB) {
            write_whole(out, sb.data, sb.len);
            sb_reset(&sb);
        }
    }
    if (format == DIAG_FORMAT_GITLAB) {
        sb_puts(&sb, shown ? "\n]\n" : "]\n");
        write_whole(out, sb.data, sb.len);
    }
    sb_free(&sb);
}

void diag_print_counts(const diag_list *d, FILE *out)
{
    if (format != DIAG_FORMAT_GCC || (!d->errors && !d->warnings)) return;
    /* as printed (diag_print sorted them and drops repeats), with those the cap left
     * out (counted in d->errors and d->warnings, never kept in items) */
    size_t errors = 0, warnings = 0, kept_errors = 0, kept_warnings = 0;
    for (size_t i = 0; i < d->len; i++) {
        kept_errors += d->items[i].level == DIAG_ERROR;
        kept_warnings += d->items[i].level == DIAG_WARNING;
        if (i && same(&d->items[i], &d->items[i - 1])) continue;
        errors += d->items[i].level == DIAG_ERROR;
        warnings += d->items[i].level == DIAG_WARNING;
    }
    if (d->errors > kept_errors) errors += d->errors - kept_errors;
    if (d->warnings > kept_warnings) warnings += d->warnings - kept_warnings;
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
              warnings == 1 ? "" : "s");
    write_whole(out, sb.data, sb.len);
    sb_free(&sb);
}
