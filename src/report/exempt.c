/* exempt.c - Schedule 12A to the Local Government Act 1972: the words of its
 * paragraphs; the statutory notice the public edition of an exempt paper gives in
 * place of its content, and the notice that stands for an exempt part (an appendix);
 * and finding those parts in a paper's narrative. (The marking of every page of a
 * private edition is furniture.c's.) */
#include <cmark-gfm.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "../util/strbuf.h"
#include "build_ctx.h"
#include "build_paper.h"

const char *exempt_paragraph_words(int paragraph)
{
    static const char *const words[] = {
        "Information relating to any individual.",
        "Information which is likely to reveal the identity of an individual.",
        "Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information).",
        "Information relating to any consultations or negotiations, or contemplated "
        "consultations or negotiations, in connection with any labour relations matter arising "
        "between the authority or a Minister of the Crown and employees of, or office-holders "
        "under, the authority.",
        "Information in respect of which a claim to legal professional privilege could be "
        "maintained in legal proceedings.",
        "Information which reveals that the authority proposes to give under any enactment a "
        "notice under or by virtue of which requirements are imposed on a person, or to make "
        "an order or direction under any enactment.",
        "Information relating to any action taken or to be taken in connection with the "
        "prevention, investigation or prosecution of crime."};
    return paragraph >= 1 && paragraph <= 7 ? words[paragraph - 1] : "";
}

/* The public edition of an exempt paper: its public facts and the statutory notice. */
void public_notice(rdoc *d, const paper *p)
{
    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode *n = rnode_add(d, body, RN_NOTICE);
    rnode *para = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, para, RN_STRONG), "Not for publication.");
    char *text = arena_printf(&d->arena,
                              " This report is not for publication because it contains exempt "
                              "information within the meaning of paragraph %d of Part 1 of "
                              "Schedule 12A to the Local Government Act 1972:",
                              p->exempt_paragraph);
    rnode_add_text(d, para, text);
    rnode *q = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, q, RN_EMPH), exempt_paragraph_words(p->exempt_paragraph));
}

/* The appendix that stands for an exempt part in the public edition. */
void exempt_part_notice(rdoc *d, const exempt_part *part)
{
    rnode *app = rnode_add(d, d->root, RN_APPENDIX);
    char letter[2] = {part->letter, 0};
    app->number = arena_strdup(&d->arena, letter);
    app->id = arena_printf(&d->arena, "appendix-%c", part->letter + 32);
    app->line = (uint32_t)part->line;
    rnode *h = rnode_add(d, app, RN_HEADING);
    h->level = 1;
    h->number = app->number;
    h->id = app->id;
    h->line = (uint32_t)part->line;
    if (part->title && *part->title) rnode_add_text(d, h, part->title);
    rnode *n = rnode_add(d, app, RN_NOTICE);
    rnode *para = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, para, RN_STRONG), "Not for publication.");
    rnode_add_text(d, para, arena_printf(&d->arena,
                                         " This appendix contains exempt information within the "
                                         "meaning of paragraph %d of Part 1 of Schedule 12A to "
                                         "the Local Government Act 1972:",
                                         part->paragraph));
    rnode *q = rnode_add(d, n, RN_PARAGRAPH);
    rnode_add_text(d, rnode_add(d, q, RN_EMPH), exempt_paragraph_words(part->paragraph));
}

/* ---- finding the exempt parts ----------------------------------------------------- */

size_t exempt_marker(const char *text, int *para)
{
    size_t n = strlen(text);
    while (n && isspace((unsigned char)text[n - 1])) n--;
    if (!n || text[n - 1] != '}') return (size_t)-1;
    size_t open = n - 1;
    while (open > 0 && text[open] != '{') open--;
    if (text[open] != '{') return (size_t)-1;
    const char *s = text + open + 1, *e = text + n - 1;
    while (s < e && isspace((unsigned char)*s)) s++;
    if (e - s < 6 || strncasecmp(s, "exempt", 6) != 0) return (size_t)-1;
    s += 6;
    *para = -1;
    while (s < e && isspace((unsigned char)*s)) s++;
    if (s < e && *s == '=') {
        s++;
        while (s < e && isspace((unsigned char)*s)) s++;
        int v = 0, digits = 0;
        while (s < e && isdigit((unsigned char)*s) && digits < 4) v = v * 10 + (*s++ - '0'), digits++;
        while (s < e && isspace((unsigned char)*s)) s++;
        if (digits && s == e) *para = v;
    }
    size_t keep = open;
    while (keep && isspace((unsigned char)text[keep - 1])) keep--;
    return keep;
}

/* A heading's text as written: its text and code, without markup (malloc'd). */
static void collect_text(cmark_node *n, strbuf *sb)
{
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        cmark_node_type t = cmark_node_get_type(c);
        if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
            const char *lit = cmark_node_get_literal(c);
            if (lit) sb_puts(sb, lit);
        } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
            sb_putc(sb, ' ');
        } else {
            collect_text(c, sb);
        }
    }
}

/* The byte offset where line (1-based within md) starts. */
static size_t line_offset(const char *md, size_t len, int line)
{
    size_t i = 0;
    for (int l = 1; l < line && i < len; i++)
        if (md[i] == '\n') l++;
    return i;
}

static int mentions_exempt(const char *s, size_t n)
{
    for (size_t i = 0; i + 7 <= n; i++)
        if (s[i] == '{') {
            size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
            if (j + 6 <= n && !strncasecmp(s + j, "exempt", 6)) return 1;
        }
    return 0;
}

size_t exempt_parts_find(const paper *p, diag_list *diags, exempt_parts *out)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->arena);
    /* no marker written, nothing to parse */
    if (!p->markdown || !mentions_exempt(p->markdown, p->markdown_len)) return 0;
    cmark_node *doc = markdown_parse_quiet(p->markdown, p->markdown_len);
    if (!doc) return 0;
    size_t cap = 0;
    int appendices = 0;
    exempt_part *open = NULL;   /* the part that runs to the next appendix */
    int offset = p->markdown_line - 1;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *h = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(h) != CMARK_NODE_HEADING) continue;
        strbuf sb = STRBUF_INIT;
        collect_text(h, &sb);
        const char *text = sb.data ? sb.data : "";
        int top = cmark_node_parent(h) == doc && cmark_node_get_heading_level(h) == 1;
        int is_app = 0;
        const char *title = top ? appendix_heading_title(text, &is_app) : text;
        int line = cmark_node_get_start_line(h);
        srcpos pos = make_pos(p->file, line + offset, cmark_node_get_start_column(h));
        if (is_app) {
            char letter = (char)('A' + (appendices < 26 ? appendices : 25));
            appendices++;
            if (open) {
                open->end = line_offset(p->markdown, p->markdown_len, line);
                open = NULL;
            }
            int para;
            size_t keep = exempt_marker(title, &para);
            if (keep != (size_t)-1) {
                if (para < 1 || para > 7) {
                    diag_error(diags, pos, "an exempt appendix is marked {exempt=N}, where N is "
                               "the paragraph of Part 1 of Schedule 12A to the Local Government "
                               "Act 1972 that applies, 1 to 7 (for example {exempt=3})");
                } else {
                    if (out->n == cap) {
                        cap = cap ? cap * 2 : 4;
                        exempt_part *nv = arena_alloc(&out->arena, cap * sizeof *nv);
                        if (out->n) memcpy(nv, out->v, out->n * sizeof *nv);
                        out->v = nv;
                    }
                    exempt_part *x = &out->v[out->n++];
                    x->kind = EXEMPT_PART_APPENDIX;
                    x->paragraph = para;
                    x->letter = letter;
                    x->title = arena_strndup(&out->arena, title, keep);
                    x->start = line_offset(p->markdown, p->markdown_len, line);
                    x->end = p->markdown_len;
                    x->line = line + offset;
                    open = x;
                }
            }
        } else {
            int para;
            if (exempt_marker(text, &para) != (size_t)-1)
                diag_error(diags, pos, "only an appendix can be exempt: write its heading as "
                           "'# Appendix: Title {exempt=N}' (a level-1 heading); for a whole "
                           "paper write 'exempt: N' in the front block");
        }
        sb_free(&sb);
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return out->n;
}

void exempt_parts_free(exempt_parts *parts)
{
    if (!parts) return;
    arena_free(&parts->arena);
    memset(parts, 0, sizeof *parts);
}
