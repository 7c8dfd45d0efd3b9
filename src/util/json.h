/* json.h - a small streaming JSON writer (pretty, stable key order as written). */
#ifndef TABLED_JSON_H
#define TABLED_JSON_H

#include "strbuf.h"

typedef struct {
    strbuf *out;
    int depth;
    int need_comma;
    int after_key;
} json_writer;

void json_init(json_writer *w, strbuf *out);
void json_begin_object(json_writer *w);
void json_end_object(json_writer *w);
void json_begin_array(json_writer *w);
void json_end_array(json_writer *w);
void json_key(json_writer *w, const char *key);
void json_string(json_writer *w, const char *s);   /* NULL writes null */
void json_int(json_writer *w, long long v);
void json_bool(json_writer *w, int v);
void json_null(json_writer *w);
/* Escaped JSON string literal appended to out. */
void json_escape(strbuf *out, const char *s);

#endif
