/* typography.c - typographic quotes and dashes wherever the report prints text.
 *
 * Plan text, front-block fields and the narrative are typed on keyboards: straight
 * quotes ("quick win", Council's) and hyphens for dashes. A printed paper sets them as
 * a typesetter would: ‘ ’ “ ” for quotes and apostrophes, an en dash for a spaced
 * hyphen or "--", an em dash for "---", an ellipsis for "...". It is one pass over
 * the finished report description (text nodes, badges, front lines, labels and the
 * metadata the furniture is made from), so HTML and PDF agree and no source of text
 * is missed; code spans and code blocks keep their characters, and so does the text
 * of a link that is its own address. Whether a quote opens or closes is decided by
 * the character before it, which may be in the previous text node of the same block
 * (a quote after emphasis, "*win*'s"). */
#include <string.h>

#include "../util/strbuf.h"
#include "figure.h"
#include "report.h"

/* The character before a quote opens it: the start of a block, a space, an opening
 * bracket or quote, a dash. */
static int opens_after(uint32_t prev)
{
    return prev == 0 || prev == ' ' || prev == '\t' || prev == '\n' || prev == 0xA0 ||
           prev == '(' || prev == '[' || prev == '{' || prev == 0x2018 || prev == 0x201C ||
           prev == '-' || prev == 0x2013 || prev == 0x2014 || prev == '/';
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* The last code point of s (0 when empty). */
static uint32_t last_cp(const char *s, size_t n)
{
    if (!n) return 0;
    size_t i = n - 1;
    while (i && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return c;
    uint32_t cp = c & (c >= 0xF0 ? 0x07 : c >= 0xE0 ? 0x0F : 0x1F);
    for (size_t j = i + 1; j < n; j++) cp = (cp << 6) | ((unsigned char)s[j] & 0x3F);
    return cp;
}

/* s with its quotes and dashes set, in the arena; s itself when nothing changes.
 * *prev: the character before s (updated to s's last). */
static const char *set_text_in(arena *a, const char *s, uint32_t *prev)
{
    if (!s) return s;
    size_t n = strlen(s);
    if (!strpbrk(s, "'\"-.")) {
        if (n) *prev = last_cp(s, n);
        return s;
    }
    strbuf sb = STRBUF_INIT;
    uint32_t p = *prev;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        const char *put = NULL;
        size_t used = 1;
        if (c == '\'') {
            /* an apostrophe or a closing quote after a word; before a year's digits
             * ('90s) an apostrophe too; else an opening quote */
            if (!opens_after(p) || (i + 2 < n && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
                                    (i + 3 >= n || !is_digit(s[i + 3]))))
                put = "\xE2\x80\x99";
            else
                put = "\xE2\x80\x98";
        } else if (c == '"') {
            put = opens_after(p) ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
        } else if (c == '-' && i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-') {
            put = "\xE2\x80\x94", used = 3;
        } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            put = "\xE2\x80\x93", used = 2;
        } else if (c == '-' && (p == ' ' || p == 0xA0) && i > 0 && (i + 1 == n || s[i + 1] == ' ')) {
            put = "\xE2\x80\x93";           /* a spaced hyphen: "Update - May" */
        } else if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
            put = "\xE2\x80\xA6", used = 3;
        }
        if (put) {
            sb_puts(&sb, put);
            p = last_cp(put, strlen(put));
            i += used;
            continue;
        }
        size_t start = i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        sb_putn(&sb, s + start, i - start);
        p = last_cp(s + start, i - start);
    }
    *prev = p;
    const char *r = strcmp(sb.data ? sb.data : "", s) ? arena_strdup(a, sb.data) : s;
    sb_free(&sb);
    return r;
}

static const char *set_text(rdoc *d, const char *s, uint32_t *prev)
{
    return set_text_in(&d->arena, s, prev);
}

const char *typeset_text(arena *a, const char *s)
{
    uint32_t prev = 0;
    return set_text_in(a, s, &prev);
}

/* A link whose text is its own address ("http://...", an e-mail address). */
static int link_is_address(const rnode *n)
{
    const rnode *l = n->parent;
    if (!l || l->type != RN_LINK || !l->url || !n->text) return 0;
    const char *u = l->url;
    if (!strncmp(u, "mailto:", 7)) u += 7;
    return !strcmp(u, n->text);
}

static void set_node(rdoc *d, rnode *n, uint32_t *prev)
{
    uint32_t own = 0;
    switch (n->type) {
    case RN_TEXT:
        if (link_is_address(n)) *prev = 'a';
        else n->text = set_text(d, n->text, prev);
        return;
    case RN_CODE:
        *prev = 'a';    /* code keeps its characters, and counts as a word before a quote */
        return;
    case RN_CODE_BLOCK:
        return;
    case RN_SOFTBREAK:
    case RN_LINEBREAK:
        *prev = ' ';
        return;
    case RN_BADGE:
    case RN_IMAGE:
        n->text = set_text(d, n->text, &own);
        return;
    case RN_EMPH:
    case RN_STRONG:
    case RN_STRIKE:
    case RN_LINK:
        for (rnode *c = n->first; c; c = c->next) set_node(d, c, prev);
        return;
    case RN_FRONT_LINE:
        n->text = set_text(d, n->text, &own);
        own = 0;
        n->aside = set_text(d, n->aside, &own);
        return;
    case RN_FIGURE:     /* its text alternative, description and drawn labels (a Gantt
                         * chart's task names are the plan's text) */
        if (n->figure) {
            rfigure *f = (rfigure *)n->figure;  /* (the document's own, in its arena) */
            f->desc = set_text(d, f->desc, &own);
            fband *bands[2] = {f->header, f->bands};
            size_t counts[2] = {f->header ? 1 : 0, f->nbands};
            for (int k = 0; k < 2; k++)
                for (size_t i = 0; i < counts[k]; i++)
                    for (size_t j = 0; j < bands[k][i].nops; j++)
                        if (bands[k][i].ops[j].kind == FO_TEXT) {
                            own = 0;
                            bands[k][i].ops[j].text = set_text(d, bands[k][i].ops[j].text, &own);
                        }
            own = 0;
        }
        n->text = set_text(d, n->text, &own);
        break;
    case RN_FIELD:      /* its label */
    case RN_APPENDIX:   /* its label */
    case RN_TABLE:      /* its name, when it has no caption */
        n->text = set_text(d, n->text, &own);
        break;
    case RN_DOCUMENT:
    case RN_FRONT_SHEET:
    case RN_BODY:
    case RN_HEADING:
    case RN_PARAGRAPH:
    case RN_LIST:
    case RN_ITEM:
    case RN_BLOCKQUOTE:
    case RN_THEMATIC_BREAK:
    case RN_CAPTION:
    case RN_ROW:
    case RN_CELL:
    case RN_NOTICE:
        break;
    }
    /* a block: its inlines are one run of text, each child block its own */
    uint32_t run = 0;
    for (rnode *c = n->first; c; c = c->next) {
        if (rnode_is_block(c)) {
            uint32_t fresh = 0;
            set_node(d, c, &fresh);
            run = 0;
        } else {
            set_node(d, c, &run);
        }
    }
}

void rdoc_settle_typography(rdoc *d)
{
    const char **meta[] = {&d->subject, &d->committee, &d->report_of, &d->organisation,
                           &d->variant_title};
    const char *old_subject = d->subject;
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++) {
        uint32_t prev = 0;
        *meta[i] = set_text(d, *meta[i], &prev);
    }
    if (d->title == old_subject) {
        d->title = d->subject;
    } else {
        uint32_t prev = 0;
        d->title = set_text(d, d->title, &prev);
    }
    uint32_t prev = 0;
    set_node(d, d->root, &prev);
}
