/* json.c - streaming JSON writer. */
#include "json.h"

#include <math.h>
#include <stdio.h>

void json_init(json_writer *w, strbuf *out)
{
    w->out = out;
    w->depth = 0;
    w->need_comma = 0;
    w->after_key = 0;
}

static void indent(json_writer *w)
{
    sb_putc(w->out, '\n');
    for (int i = 0; i < w->depth; i++) sb_puts(w->out, "  ");
}

static void before_value(json_writer *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->need_comma) sb_putc(w->out, ',');
    if (w->depth > 0) indent(w);
}

void json_escape(strbuf *out, const char *s)
{
    sb_putc(out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': sb_puts(out, "\\\""); break;
        case '\\': sb_puts(out, "\\\\"); break;
        case '\n': sb_puts(out, "\\n"); break;
        case '\r': sb_puts(out, "\\r"); break;
        case '\t': sb_puts(out, "\\t"); break;
        case '<': sb_puts(out, "\\u003c"); break; /* safe inside HTML script blocks */
        default:
            if (c < 0x20) sb_printf(out, "\\u%04x", c);
            else sb_putc(out, (char)c);
        }
    }
    sb_putc(out, '"');
}

void json_begin_object(json_writer *w)
{
    before_value(w);
    sb_putc(w->out, '{');
    w->depth++;
    w->need_comma = 0;
}

void json_end_object(json_writer *w)
{
    w->depth--;
    if (w->need_comma) indent(w);
    sb_putc(w->out, '}');
    w->need_comma = 1;
    if (w->depth == 0) sb_putc(w->out, '\n');
}

void json_begin_array(json_writer *w)
{
    before_value(w);
    sb_putc(w->out, '[');
    w->depth++;
    w->need_comma = 0;
}

void json_end_array(json_writer *w)
{
    w->depth--;
    if (w->need_comma) indent(w);
    sb_putc(w->out, ']');
    w->need_comma = 1;
    if (w->depth == 0) sb_putc(w->out, '\n');
}

void json_key(json_writer *w, const char *key)
{
    before_value(w);
    json_escape(w->out, key);
    sb_puts(w->out, ": ");
    w->after_key = 1;
    w->need_comma = 1;
}

void json_string(json_writer *w, const char *s)
{
    before_value(w);
    if (s) json_escape(w->out, s);
    else sb_puts(w->out, "null");
    w->need_comma = 1;
}

void json_int(json_writer *w, long long v)
{
    before_value(w);
    sb_printf(w->out, "%lld", v);
    w->need_comma = 1;
}

void json_bool(json_writer *w, int v)
{
    before_value(w);
    sb_puts(w->out, v ? "true" : "false");
    w->need_comma = 1;
}

void json_null(json_writer *w)
{
    before_value(w);
    sb_puts(w->out, "null");
    w->need_comma = 1;
}
