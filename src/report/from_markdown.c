/* from_markdown.c - cmark-gfm's tree to report nodes: numbering (1, 1.1), lettered
 * appendices, computed blocks, placeholders, and the safety rules (no raw HTML,
 * links only to http, https, mailto or anchors, images only PNG or JPEG files). */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../util/image_check.h"
#include "../util/project_root.h"
#include "../util/strbuf.h"
#include "build_ctx.h"
#include "word_paste.h"

/* How deep block quotes, lists and inline emphasis may nest: every walk of the
 * report tree (renderers, plain text, hashing) recurses, so depth is capped here,
 * where the tree is made, with an error at the line that goes too deep. */
#define MARKDOWN_MAX_NESTING 32

/* What cmark-gfm 0.29 (Debian 12) is given, so that no input makes it slow: its table
 * parsing is quadratic in cells (a 12 KB table of 2000 x 2000 cells took 12 s), and
 * its bracket matching is quadratic in the openers of one paragraph ("![[]()" 30,000
 * times took 3 s, 60,000 times 16 s). Checked before parsing, on the narrative and on
 * every front-sheet field. */
#define MAX_TABLE_COLUMNS 64
#define MAX_TABLE_PIPES 200000
#define MAX_BRACKETS_PER_BLOCK 1000
#define MAX_BRACKETS 200000

/* Longest link target (browsers and PDF readers cope with far less; libharu refuses
 * any string over 65,535 bytes). */
#define MAX_URL_BYTES 8000

typedef struct {
    build_ctx *b;
    int line_offset;
    const char *dir;        /* the paper's directory, for images */
    int depth;              /* nesting of blocks() and inlines() calls */
    int too_deep;           /* reported once */
} conv;

/* 1 (after reporting it once) when descending into n would nest too deep. */
static int too_deep(conv *c, cmark_node *n);

static srcpos node_pos(conv *c, cmark_node *n)
{
    int line = cmark_node_get_start_line(n);
    int col = cmark_node_get_start_column(n);
    for (cmark_node *p = n; line <= 0 && p; p = cmark_node_parent(p)) {
        line = cmark_node_get_start_line(p);
        col = cmark_node_get_start_column(p);
    }
    return make_pos(c->b->paper->file, line > 0 ? line + c->line_offset : 0, col > 0 ? col : 1);
}

static const char *type_string(cmark_node *n) { return cmark_node_get_type_string(n); }

static void inlines(conv *c, rnode *parent, cmark_node *first);

static int url_allowed(const char *url)
{
    if (!url || !*url) return 0;
    if (url[0] == '#') return 1;
    if (!strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8) ||
        !strncasecmp(url, "mailto:", 7))
        return 1;
    /* A relative reference (no scheme) such as other-paper.html. */
    const char *colon = strchr(url, ':');
    const char *slash = strchr(url, '/');
    return !colon || (slash && slash < colon);
}

/* An image may be printed when its file lies inside the project (domain rules,
 * section 9: symbolic links followed) and decodes in full; its bytes are kept in the
 * report, once, so renderers print what was checked. Reports the error and returns
 * 0 otherwise. */
static int image_allowed(conv *c, cmark_node *n, const char *url, const char *path)
{
    rdoc *d = c->b->d;
    if (rdoc_image(d, path)) return 1;
    const char *root = build_root(c->b);
    if (!root) {
        diag_error(c->b->diags, node_pos(c, n), "image %s: the paper's folder cannot be found", url);
        return 0;
    }
    struct stat st;
    char *canon = NULL;
    if (stat(path, &st) == 0 && !project_root_contains(root, path, &canon)) {
        diag_error(c->b->diags, node_pos(c, n),
                   "image %s is outside the project (%s): images must be in the project's "
                   "folders",
                   url, root);
        return 0;
    }
    const char *why = "";
    unsigned char *bytes;
    size_t len;
    int ok = image_check_file(canon ? canon : path, &why, &bytes, &len);
    free(canon);
    if (!ok) {
        diag_error(c->b->diags, node_pos(c, n), "image %s %s", url, why);
        return 0;
    }
    rdoc_add_image(d, path, bytes, len);
    free(bytes);
    return 1;
}

static void text_run(conv *c, rnode *parent, cmark_node **np)
{
    /* Merge adjacent text nodes so a placeholder split by cmark is seen whole. */
    cmark_node *n = *np;
    srcpos pos = node_pos(c, n);
    strbuf sb = STRBUF_INIT;
    while (n && cmark_node_get_type(n) == CMARK_NODE_TEXT) {
        sb_puts(&sb, cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "");
        *np = n;
        n = cmark_node_next(n);
    }
    diag_invisible(c->b->diags, pos, sb.data);
    if (strstr(sb.data ? sb.data : "", "{{"))
        expand_placeholders(c->b, parent, sb.data, pos);
    else
        rnode_add_text(c->b->d, parent, sb.data ? sb.data : "");
    sb_free(&sb);
}

static void inlines_at(conv *c, rnode *parent, cmark_node *n);

static void inlines(conv *c, rnode *parent, cmark_node *n)
{
    if (!n || too_deep(c, n)) return;
    c->depth++;
    inlines_at(c, parent, n);
    c->depth--;
}

static void inlines_at(conv *c, rnode *parent, cmark_node *n)
{
    rdoc *d = c->b->d;
    for (; n; n = cmark_node_next(n)) {
        rnode *r;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: text_run(c, parent, &n); break;
        case CMARK_NODE_SOFTBREAK: rnode_add(d, parent, RN_SOFTBREAK); break;
        case CMARK_NODE_LINEBREAK: rnode_add(d, parent, RN_LINEBREAK); break;
        case CMARK_NODE_CODE:
            diag_invisible(c->b->diags, node_pos(c, n), cmark_node_get_literal(n));
            r = rnode_add(d, parent, RN_CODE);
            r->text = arena_strdup(&d->arena, cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "");
            break;
        case CMARK_NODE_EMPH: inlines(c, rnode_add(d, parent, RN_EMPH), cmark_node_first_child(n)); break;
        case CMARK_NODE_STRONG: inlines(c, rnode_add(d, parent, RN_STRONG), cmark_node_first_child(n)); break;
        case CMARK_NODE_LINK: {
            const char *url = cmark_node_get_url(n);
            if (url && strlen(url) > MAX_URL_BYTES) {
                diag_error(c->b->diags, node_pos(c, n),
                           "link target is longer than %d bytes; shorten it", MAX_URL_BYTES);
                inlines(c, parent, cmark_node_first_child(n));
            } else if (url_allowed(url)) {
                r = rnode_add(d, parent, RN_LINK);
                r->url = arena_strdup(&d->arena, url);
                inlines(c, r, cmark_node_first_child(n));
            } else {
                diag_warning(c->b->diags, node_pos(c, n),
                             "link '%s' left out: links must be http, https, mailto or #anchors",
                             url ? url : "");
                inlines(c, parent, cmark_node_first_child(n));
            }
            break;
        }
        case CMARK_NODE_IMAGE: {
            const char *url = cmark_node_get_url(n);
            r = rnode_new(d, RN_IMAGE);
            rnode tmp = {0};
            inlines(c, &tmp, cmark_node_first_child(n));
            r->text = rnode_plain_text(&tmp);
            char *alt = r->text ? arena_strdup(&d->arena, r->text) : "";
            free((char *)r->text);
            r->text = alt;
            if (!url || !*url || strchr(url, ':')) {
                diag_error(c->b->diags, node_pos(c, n), "image '%s' must be a PNG or JPEG file beside the paper", url ? url : "");
                break;
            }
            char *path = url[0] == '/' ? arena_strdup(&d->arena, url) : arena_printf(&d->arena, "%s/%s", c->dir, url);
            if (!image_allowed(c, n, url, path)) break;
            if (!*alt)
                diag_warning(c->b->diags, node_pos(c, n), "image %s has no text alternative: write ![what it shows](%s)", url, url);
            r->url = path;
            rnode_append(parent, r);
            break;
        }
        case CMARK_NODE_HTML_INLINE:
            diag_warning(c->b->diags, node_pos(c, n), "raw HTML is not allowed in a paper; it was left out");
            break;
        case CMARK_NODE_NONE:               /* not among inlines, or not parsed (no */
        case CMARK_NODE_DOCUMENT:           /* footnote option): their children, so */
        case CMARK_NODE_BLOCK_QUOTE:        /* no text is lost */
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_FOOTNOTE_DEFINITION:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            inlines(c, parent, cmark_node_first_child(n));
            break;
        default:    /* the extensions' types, which the enum does not list */
            if (!strcmp(type_string(n), "strikethrough"))
                inlines(c, rnode_add(d, parent, RN_STRIKE), cmark_node_first_child(n));
            else
                inlines(c, parent, cmark_node_first_child(n));
        }
    }
}

static void blocks(conv *c, rnode *parent, cmark_node *n);

static void table(conv *c, rnode *parent, cmark_node *n)
{
    rdoc *d = c->b->d;
    rnode *t = rnode_add(d, parent, RN_TABLE);
    int ncols = cmark_gfm_extensions_get_table_columns(n);
    uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
    t->ncols = ncols;
    rnode_set_pos(t, node_pos(c, n));
    for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
        rnode *r = rnode_add(d, t, RN_ROW);
        if (cmark_gfm_extensions_get_table_row_is_header(row)) r->flags |= RF_HEADER;
        int i = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), i++) {
            rnode *rc = rnode_add(d, r, RN_CELL);
            if (al && i < ncols)
                rc->align = al[i] == 'l' ? ALIGN_LEFT : al[i] == 'c' ? ALIGN_CENTER : al[i] == 'r' ? ALIGN_RIGHT : ALIGN_DEFAULT;
            inlines(c, rc, cmark_node_first_child(cell));
        }
        /* a body row whose first cell says "Total..." is a total (seed 002's budget) */
        if (!(r->flags & RF_HEADER) && r->first) {
            char *first = rnode_plain_text(r->first);
            if (first && !strncasecmp(first, "total", 5)) r->flags |= RF_TOTAL;
            free(first);
        }
    }
}

static rnode *block(conv *c, rnode *parent, cmark_node *n)
{
    rdoc *d = c->b->d;
    rnode *r = NULL;
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
        r = rnode_add(d, parent, RN_PARAGRAPH);
        inlines(c, r, cmark_node_first_child(n));
        break;
    case CMARK_NODE_HEADING:
        r = rnode_add(d, parent, RN_HEADING);
        r->level = cmark_node_get_heading_level(n);
        inlines(c, r, cmark_node_first_child(n));
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        r = rnode_add(d, parent, RN_BLOCKQUOTE);
        blocks(c, r, cmark_node_first_child(n));
        break;
    case CMARK_NODE_LIST:
        r = rnode_add(d, parent, RN_LIST);
        if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) r->flags |= RF_ORDERED;
        r->start = cmark_node_get_list_start(n);
        if (cmark_node_get_list_tight(n)) r->flags |= RF_TIGHT;
        for (cmark_node *it = cmark_node_first_child(n); it; it = cmark_node_next(it))
            blocks(c, rnode_add(d, r, RN_ITEM), cmark_node_first_child(it));
        break;
    case CMARK_NODE_CODE_BLOCK: {
        /* Only an info string that starts with a block's name makes a computed block
         * (one a typo away from a name is an error); any other (```text, ```ruby) is
         * narrative code. */
        const char *info = cmark_node_get_fence_info(n);
        const char *lit = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        const char *near = NULL;
        if (info && is_computed_block(info, &near)) {
            for (const char *q = lit; *q; q++)
                if (!isspace((unsigned char)*q)) {
                    diag_error(c->b->diags, node_pos(c, n),
                               "a computed block takes nothing between its fences; this text "
                               "would be lost (move it before or after the block)");
                    break;
                }
            rnode *before = parent->last;
            computed_block(c->b, parent, info, node_pos(c, n));
            if (parent->last && parent->last != before) rnode_set_pos(parent->last, node_pos(c, n));
            return parent->last != before ? parent->last : NULL;
        }
        if (near) {
            /* ```rolup: a block's name mistyped, not code to print; computed_block says
             * "unknown block 'rolup'; did you mean 'rollup'? (blocks: ...)" */
            computed_block(c->b, parent, info, node_pos(c, n));
            return NULL;
        }
        diag_invisible(c->b->diags, node_pos(c, n), lit);
        r = rnode_add(d, parent, RN_CODE_BLOCK);
        r->text = arena_strdup(&d->arena, lit);
        break;
    }
    case CMARK_NODE_THEMATIC_BREAK: r = rnode_add(d, parent, RN_THEMATIC_BREAK); break;
    case CMARK_NODE_HTML_BLOCK:
        diag_warning(c->b->diags, node_pos(c, n), "raw HTML is not allowed in a paper; it was left out");
        return NULL;
    case CMARK_NODE_NONE:           /* not blocks, or not parsed (no footnote option): */
    case CMARK_NODE_DOCUMENT:       /* their children, so no text is lost */
    case CMARK_NODE_ITEM:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_FOOTNOTE_DEFINITION:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_CUSTOM_INLINE:
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        blocks(c, parent, cmark_node_first_child(n));
        return NULL;
    default:        /* the extensions' types, which the enum does not list */
        if (!strcmp(type_string(n), "table")) {
            table(c, parent, n);
            return parent->last;
        }
        blocks(c, parent, cmark_node_first_child(n));
        return NULL;
    }
    if (r) rnode_set_pos(r, node_pos(c, n));
    return r;
}

static void blocks(conv *c, rnode *parent, cmark_node *n)
{
    if (!n || too_deep(c, n)) return;
    c->depth++;
    for (; n; n = cmark_node_next(n)) block(c, parent, n);
    c->depth--;
}

static int too_deep(conv *c, cmark_node *n)
{
    if (c->depth < MARKDOWN_MAX_NESTING) return 0;
    if (!c->too_deep)
        diag_error(c->b->diags, node_pos(c, n),
                   "block quotes, lists and emphasis nest more than %d deep here; flatten them",
                   MARKDOWN_MAX_NESTING);
    c->too_deep = 1;
    return 1;
}

/* 1 when md is within the limits above; else reports at its line (line_offset + the
 * line in md) and returns 0. */
static int within_limits(conv *c, const char *md, size_t len)
{
    const char *file = c->b->paper->file;
    size_t total = 0, line_pipes = 0, brackets = 0, all_brackets = 0;
    int line = 1, block_line = 1, blank = 1;
    for (size_t i = 0; i < len; i++) {
        char ch = md[i];
        if (ch == '\n') {
            if (blank) {        /* a blank line ends a paragraph */
                brackets = 0;
                block_line = line + 1;
            }
            line++;
            line_pipes = 0;
            blank = 1;
            continue;
        }
        if (ch != ' ' && ch != '\t' && ch != '\r') blank = 0;
        if (ch == '|') {
            total++;
            if (++line_pipes == MAX_TABLE_COLUMNS + 2) {
                diag_error(c->b->diags, make_pos(file, c->line_offset + line, 1),
                           "a table row has more than %d columns; split the table", MAX_TABLE_COLUMNS);
                return 0;
            }
        } else if (ch == '[') {
            if (++brackets == MAX_BRACKETS_PER_BLOCK + 1) {
                diag_error(c->b->diags, make_pos(file, c->line_offset + block_line, 1),
                           "this paragraph has more than %d '[' (links and images); split it",
                           MAX_BRACKETS_PER_BLOCK);
                return 0;
            }
            if (++all_brackets == MAX_BRACKETS + 1) {
                diag_error(c->b->diags, make_pos(file, c->line_offset + line, 1),
                           "more than %d '[' (links and images) in all", MAX_BRACKETS);
                return 0;
            }
        }
    }
    if (total > MAX_TABLE_PIPES) {
        diag_error(c->b->diags, make_pos(file, c->line_offset + 1, 1),
                   "more than %d table cells; move large tables into the plan", MAX_TABLE_PIPES);
        return 0;
    }
    return 1;
}

static void paste_warning(void *ctx, int line, int col, const char *msg)
{
    conv *c = ctx;
    diag_warning(c->b->diags, make_pos(c->b->paper->file, line + c->line_offset, col), "%s", msg);
}

static cmark_node *parse(conv *c, const char *md, size_t len)
{
    /* Bullets pasted from Word become list items first. */
    size_t fixed_len;
    char *fixed = word_paste_fix(md, len, &fixed_len, c ? paste_warning : NULL, c);
    if (fixed) {
        md = fixed;
        len = fixed_len;
    }
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
    static const char *const exts[] = {"table", "strikethrough", "autolink", "tagfilter"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
        if (e) cmark_parser_attach_syntax_extension(p, e);
    }
    cmark_parser_feed(p, md, len);
    cmark_node *doc = cmark_parser_finish(p);
    cmark_parser_free(p);
    free(fixed);
    return doc;
}

cmark_node *markdown_parse_quiet(const char *md, size_t len) { return parse(NULL, md, len); }

static char *paper_dir(rdoc *d, const char *file)
{
    const char *slash = strrchr(file, '/');
    return slash ? arena_strndup(&d->arena, file, (size_t)(slash - file)) : ".";
}

void markdown_blocks(build_ctx *b, rnode *parent, const char *md, size_t len, int line_offset)
{
    conv c = {b, line_offset, paper_dir(b->d, b->paper->file), 0, 0};
    if (!within_limits(&c, md, len)) return;
    cmark_node *doc = parse(&c, md, len);
    blocks(&c, parent, cmark_node_first_child(doc));
    cmark_node_free(doc);
}

const char *appendix_heading_title(const char *text, int *is_appendix)
{
    *is_appendix = 0;
    if (strncasecmp(text, "appendix", 8) != 0) return text;
    const char *p = text + 8;
    if (*p && !isspace((unsigned char)*p) && *p != ':') return text;
    while (isspace((unsigned char)*p)) p++;
    /* an optional letter written by the clerk is replaced by ours */
    if (isalpha((unsigned char)p[0]) && (!p[1] || isspace((unsigned char)p[1]) || p[1] == ':' ||
                                         p[1] == '.'))
        p++;
    while (*p == ':' || *p == '.' || *p == '-' || isspace((unsigned char)*p)) p++;
    if (!strncmp(p, "\xE2\x80\x93", 3) || !strncmp(p, "\xE2\x80\x94", 3)) p += 3; /* – — */
    while (isspace((unsigned char)*p)) p++;
    *is_appendix = 1;
    return p;
}

/* Removes the leading "Appendix X:" text from a heading's first text node. */
static void strip_prefix(rnode *h, size_t n)
{
    rnode *t = h->first;
    while (t && n) {
        if (t->type != RN_TEXT) return;
        size_t l = strlen(t->text);
        if (l <= n) {
            n -= l;
            rnode *next = t->next;
            rnode_unlink(t);
            t = next;
        } else {
            t->text += n;
            n = 0;
        }
    }
}

/* Where the numbered body has got to: it runs on across the pieces of a public
 * edition that leaves exempt parts out. */
typedef struct {
    rnode *body, *target;
    int section, para, appendices, in_appendix;
} body_state;

/* The exempt part that starts on line (of the paper), or NULL. */
static const exempt_part *part_at(const build_ctx *b, int line)
{
    for (size_t i = 0; b->parts && i < b->parts->n; i++)
        if (b->parts->v[i].line == line) return &b->parts->v[i];
    return NULL;
}

/* The private edition prints an exempt appendix's heading without its marker. */
static void strip_marker(rdoc *d, rnode *h)
{
    rnode *t = h->last;
    if (!t || t->type != RN_TEXT || !t->text) return;
    int para;
    size_t keep = exempt_marker(t->text, &para);
    if (keep == (size_t)-1) return;
    if (keep == 0) rnode_unlink(t);
    else t->text = arena_strndup(&d->arena, t->text, keep);
}

/* The top-level blocks of md (len bytes from line first_line of the narrative) into
 * the body and appendices, numbering as the paper says. */
static void body_piece(build_ctx *b, body_state *st, const char *md, size_t len, int first_line)
{
    rdoc *d = b->d;
    rnode *root = d->root;
    conv c = {b, b->paper->markdown_line - 1 + first_line - 1, paper_dir(d, b->paper->file), 0, 0};
    /* the limits are the whole paper's: a piece over them is reported and left out */
    if (!within_limits(&c, md, len)) return;
    cmark_node *doc = parse(&c, md, len);
    numbering_mode mode = b->paper->numbering;

    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 1) {
            rnode *h = rnode_new(d, RN_HEADING);
            h->level = 1;
            rnode_set_pos(h, node_pos(&c, n));
            inlines(&c, h, cmark_node_first_child(n));
            char *plain = rnode_plain_text(h);
            int is_app;
            const char *title = appendix_heading_title(plain, &is_app);
            if (is_app) {
                strip_prefix(h, (size_t)(title - plain));
                rnode *app = rnode_add(d, root, RN_APPENDIX);
                char letter[2] = {(char)('A' + (st->appendices < 26 ? st->appendices : 25)), 0};
                st->appendices++;
                app->number = arena_strdup(&d->arena, letter);
                app->id = arena_printf(&d->arena, "appendix-%c", letter[0] + 32);
                app->line = h->line;
                app->col = h->col;
                const exempt_part *part = part_at(b, (int)h->line);
                if (part) {
                    app->exempt = part->paragraph;
                    strip_marker(d, h);
                }
                h->number = app->number;
                h->id = app->id;
                rnode_append(app, h);
                st->target = app;
                st->in_appendix = 1;
            } else if (st->in_appendix) {
                h->level = 2;
                rnode_append(st->target, h);
            } else {
                st->section++;
                st->para = 0;
                if (mode != NUMBER_NONE) h->number = arena_printf(&d->arena, "%d", st->section);
                h->id = arena_printf(&d->arena, "section-%d", st->section);
                rnode_append(st->target, h);
            }
            free(plain);
            continue;
        }
        rnode *r = block(&c, st->target, n);
        if (st->in_appendix) continue;
        if (!r || mode != NUMBER_FULL) continue;
        if (r->type == RN_PARAGRAPH && r->parent == st->body) {
            st->para++;
            r->number = st->section ? arena_printf(&d->arena, "%d.%d", st->section, st->para)
                                    : arena_printf(&d->arena, "%d", st->para);
            r->id = arena_printf(&d->arena, "para-%s", r->number);
        } else if (r->type == RN_LIST && (r->flags & RF_ORDERED) && r->parent == st->body) {
            for (rnode *it = r->first; it; it = it->next) {
                st->para++;
                it->number = st->section ? arena_printf(&d->arena, "%d.%d", st->section, st->para)
                                         : arena_printf(&d->arena, "%d", st->para);
                it->id = arena_printf(&d->arena, "para-%s", it->number);
            }
        }
    }
    cmark_node_free(doc);
}

static int line_of(const char *md, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++) line += md[i] == '\n';
    return line;
}

void markdown_body(build_ctx *b, rnode *root)
{
    rdoc *d = b->d;
    const paper *p = b->paper;
    body_state st = {0};
    st.body = st.target = rnode_add(d, root, RN_BODY);
    if (p->variant && p->variant->body_heading) {
        /* the variant's heading over the numbered sections (seed 002's "SUPPORTING
         * INFORMATION"): unnumbered, as the report's first line */
        rnode *h = rnode_add(d, st.body, RN_HEADING);
        h->level = 1;
        h->id = "report-body";
        rnode_set_pos(h, make_pos(p->file, p->markdown_line, 1));
        rnode_add_text(d, h, p->variant->body_heading);
    }
    if (!b->leave_out_parts || !b->parts || !b->parts->n) {
        body_piece(b, &st, p->markdown, p->markdown_len, 1);
        return;
    }
    /* The public edition: the narrative around the exempt parts, each part's bytes
     * never read; the notice in its place keeps its letter. */
    size_t at = 0;
    for (size_t i = 0; i < b->parts->n; i++) {
        const exempt_part *part = &b->parts->v[i];
        if (part->start > at) body_piece(b, &st, p->markdown + at, part->start - at, line_of(p->markdown, at));
        st.appendices++;
        exempt_part_notice(d, part);
        st.target = d->root->last;
        st.in_appendix = 1;
        at = part->end;
    }
    if (at < p->markdown_len) body_piece(b, &st, p->markdown + at, p->markdown_len - at, line_of(p->markdown, at));
}
