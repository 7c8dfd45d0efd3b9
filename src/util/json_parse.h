/* json_parse.h - a strict JSON reader (RFC 8259) into a tree in an arena, for reading
 * back what tabled wrote (a paper's JSON). Refused, with the line and column: syntax
 * errors, invalid UTF-8 and escapes, nesting deeper than JSON_MAX_DEPTH, duplicate
 * keys, objects of more than JSON_MAX_MEMBERS members, anything after the value. */
#ifndef TABLED_JSON_PARSE_H
#define TABLED_JSON_PARSE_H

#include <stddef.h>

#include "arena.h"

#define JSON_MAX_DEPTH 64
#define JSON_MAX_MEMBERS 4096    /* an object's; arrays are not limited */

typedef enum { JV_NULL, JV_FALSE, JV_TRUE, JV_NUMBER, JV_STRING, JV_ARRAY, JV_OBJECT } jv_kind;

typedef struct jvalue jvalue;
struct jvalue {
    jv_kind kind;
    double number;          /* JV_NUMBER */
    const char *string;     /* JV_STRING: UTF-8, NUL-terminated (a \u0000 is refused) */
    const char **keys;      /* JV_OBJECT: keys[i] names items[i] */
    jvalue **items;         /* JV_ARRAY, JV_OBJECT */
    size_t n;
};

/* Where and why a parse failed: line and column from 1 (columns in characters). */
typedef struct {
    int line, col;
    char message[160];      /* "',' or '}' expected" */
} json_error;

/* Parses data (len bytes). Returns the value (in a), or NULL with *err filled in. */
jvalue *json_parse(arena *a, const char *data, size_t len, json_error *err);

/* The member of an object named key, or NULL (also when obj is not an object). */
const jvalue *json_get(const jvalue *obj, const char *key);
/* A string member's text, or NULL when absent, null or not a string. */
const char *json_get_string(const jvalue *obj, const char *key);
/* A number member as a whole number in [lo, hi] into *out: 1, or 0 when absent, null,
 * not a whole number or out of range. */
int json_get_int(const jvalue *obj, const char *key, long lo, long hi, long *out);
/* A boolean member: 1 true, 0 false, -1 absent or not a boolean. */
int json_get_bool(const jvalue *obj, const char *key);

#endif
