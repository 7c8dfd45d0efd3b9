/* html_escape.c - text, URLs and CSS made safe for HTML: every byte of untrusted text
 * goes through one of these before it reaches the page. */
#include "html_render.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../util/utf8.h"
#include "html_internal.h"

/* ---- escaping ------------------------------------------------------------ */

/* Text or attribute value: & < > " ' escaped; invalid UTF-8 becomes U+FFFD; control
 * characters (other than tab and newline), C1 controls and noncharacters are dropped,
 * since HTML forbids them, and so are bidi controls (utf8.h). */
void html_put_text(strbuf *out, const char *s)
{
    if (!s) return;
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': sb_puts(out, "&amp;"); break;
            case '<': sb_puts(out, "&lt;"); break;
            case '>': sb_puts(out, "&gt;"); break;
            case '"': sb_puts(out, "&quot;"); break;
            case '\'': sb_puts(out, "&#39;"); break;
            case '\t':
            case '\n': sb_putc(out, (char)c); break;
            default:
                if (c >= 0x20 && c != 0x7F) sb_putc(out, (char)c);
                break;
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            sb_puts(out, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        if ((cp >= 0x80 && cp <= 0x9F) || utf8_is_bidi_control(cp)) {
            /* C1 control: dropped. Bidi embedding, override and isolate controls are
             * dropped too (the builder warned at their line), so they can never reorder
             * the text and markup around them. */
        } else if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            sb_puts(out, "\xEF\xBF\xBD");
        } else {
            sb_putn(out, s + i, len);
        }
        i += len;
    }
}

/* A URL inside an attribute: bytes that make URLs invalid (space, controls, quotes,
                                                            * angle brackets, non-ASCII, a stray %, a second #) are percent-encoded. */
void html_put_url(strbuf *out, const char *u)
{
    static const char hex[] = "0123456789ABCDEF";
    int seen_hash = 0;
    for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
        unsigned c = *p;
        int enc = c <= 0x20 || c >= 0x7F || strchr("\"'<>\\^`{|}", (int)c) != NULL;
        if (c == '%' && !(isxdigit(p[1]) && isxdigit(p[2]))) enc = 1;
        if (c == '#') {
            if (seen_hash) enc = 1;
            seen_hash = 1;
        }
        if (c == '&') {
            sb_puts(out, "&amp;");
        } else if (enc) {
            sb_putc(out, '%');
            sb_putc(out, hex[c >> 4]);
            sb_putc(out, hex[c & 15]);
        } else {
            sb_putc(out, (char)c);
        }
    }
}

static int has_prefix_ci(const char *s, const char *p) { return !strncasecmp(s, p, strlen(p)); }

/* Only http:, https:, mailto: and #fragment links are kept. */
int html_link_ok(const char *u)
{
    if (!u) return 0;
    while (*u == ' ' || *u == '\t' || *u == '\n') u++;
    if (u[0] == '#') return u[1] != '\0';
    return (has_prefix_ci(u, "http://") && u[7]) || (has_prefix_ci(u, "https://") && u[8]) ||
           (has_prefix_ci(u, "mailto:") && u[7]);
}

/* Relative href for the index (a path under out/): ':' is percent-encoded so no part of
 * it can read as a scheme, and a path that had one gets "./" in front. */
void html_put_rel_href(strbuf *out, const char *path)
{
    if (strchr(path, ':')) sb_puts(out, "./");
    for (const char *p = path; *p; p++) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        char *seg = strndup(p, n);
        html_put_url(out, seg);
        free(seg);
        if (!colon) break;
        sb_puts(out, "%3A");
        p = colon;
    }
}

/* A string for CSS content: every character outside [A-Za-z0-9 .,-] as a hex escape,
 * so nothing in it can end the string or the <style> element. */
void html_put_css_string(strbuf *out, const char *s)
{
    sb_putc(out, '"');
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0x80) {
            len = utf8_decode(s + i, n - i, &cp);
            if (!len) {
                cp = 0xFFFD;
                len = 1;
            }
        }
        i += len;
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || utf8_is_bidi_control(cp))
            continue;
        if (cp < 0x80 && (isalnum((int)cp) || cp == ' ' || cp == '.' || cp == ',' || cp == '-'))
            sb_putc(out, (char)cp);
        else
            sb_printf(out, "\\%X ", (unsigned)cp);
    }
    sb_putc(out, '"');
}

/* The stylesheet, with every '<' that could start a tag ("</style", "<!--", "<script")
 * written as the CSS escape \3C; '<' before a space or '=' (media query ranges) stays. */
void html_put_css(strbuf *out, const char *css)
{
    for (const char *p = css; *p; p++) {
        if (p[0] == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
            sb_puts(out, "\\3C ");
        else
            sb_putc(out, *p);
    }
}

/* ---- images -------------------------------------------------------------- */

void html_put_base64(strbuf *out, const unsigned char *p, size_t n)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    sb_grow(out, (n + 2) / 3 * 4 + 1);
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
        char q[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], tbl[v & 63]};
        sb_putn(out, q, 4);
    }
    if (n - i == 1) {
        unsigned v = (unsigned)p[i] << 16;
        char q[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], '=', '='};
        sb_putn(out, q, 4);
    } else if (n - i == 2) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
        char q[4] = {tbl[v >> 18], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], '='};
        sb_putn(out, q, 4);
    }
}
