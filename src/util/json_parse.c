/* json_parse.c - a strict JSON reader (see json_parse.h). Recursive descent over the
 * bytes; strings are unescaped into the arena; every error names its line and column. */
#include "json_parse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

typedef struct {
    arena *a;
    const char *s;
    size_t len, i;
    json_error *err;
    int failed;
} jp;

static void fail(jp *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(jp *p, const char *fmt, ...)
{
    if (p->failed) return;
    p->failed = 1;
    int line = 1, col = 1;
    for (size_t k = 0; k < p->i && k < p->len; k++) {
        if (p->s[k] == '\n') line++, col = 1;
        else if (((unsigned char)p->s[k] & 0xC0) != 0x80) col++;
    }
    p->err->line = line;
    p->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
}

static void skip_ws(jp *p)
{
    while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
                             p->s[p->i] == '\r'))
        p->i++;
}

static int peek(jp *p) { return p->i < p->len ? (unsigned char)p->s[p->i] : -1; }

static jvalue *new_value(jp *p, jv_kind k)
{
    jvalue *v = arena_alloc(p->a, sizeof *v);
    v->kind = k;
    return v;
}

static int hex4(jp *p, unsigned *out)
{
    if (p->len - p->i < 4) return 0;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p->s[p->i + (size_t)k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return 0;
    }
    p->i += 4;
    *out = v;
    return 1;
}

static void put_utf8(strbuf *sb, unsigned cp)
{
    if (cp < 0x80) {
        sb_putc(sb, (char)cp);
    } else if (cp < 0x800) {
        sb_putc(sb, (char)(0xC0 | (cp >> 6)));
        sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        sb_putc(sb, (char)(0xE0 | (cp >> 12)));
        sb_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
    } else {
        sb_putc(sb, (char)(0xF0 | (cp >> 18)));
        sb_putc(sb, (char)(0x80 | ((cp >> 12) & 0x3F)));
        sb_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(sb, (char)(0x80 | (cp & 0x3F)));
    }
}

/* A string, the opening quote at p->i; NULL after an error. */
static const char *string(jp *p)
{
    p->i++;
    strbuf sb = STRBUF_INIT;
    for (;;) {
        if (p->i >= p->len) {
            fail(p, "a string is not closed");
            break;
        }
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            const char *r = arena_strndup(p->a, sb.data ? sb.data : "", sb.len);
            sb_free(&sb);
            return r;
        }
        if (c < 0x20) {
            fail(p, "a control character in a string");
            break;
        }
        if (c == '\\') {
            if (p->i + 1 >= p->len) {
                fail(p, "a string is not closed");
                break;
            }
            char e = p->s[p->i + 1];
            p->i += 2;
            const char *simple = strchr("\"\\/bfnrt", e);
            if (e && simple) {
                static const char out[] = "\"\\/\b\f\n\r\t";
                sb_putc(&sb, out[simple - "\"\\/bfnrt"]);
                continue;
            }
            unsigned cp, lo;
            if (e != 'u' || !hex4(p, &cp)) {
                fail(p, "an invalid escape in a string");
                break;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (p->len - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') {
                    fail(p, "an unpaired surrogate in a string");
                    break;
                }
                p->i += 2;
                if (!hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
                    fail(p, "an unpaired surrogate in a string");
                    break;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
                fail(p, cp ? "an unpaired surrogate in a string" : "a NUL character in a string");
                break;
            }
            put_utf8(&sb, cp);
            continue;
        }
        if (c < 0x80) {
            sb_putc(&sb, (char)c);
            p->i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(p->s + p->i, p->len - p->i, &cp);
        if (!n) {
            fail(p, "invalid UTF-8 in a string");
            break;
        }
        sb_putn(&sb, p->s + p->i, n);
        p->i += n;
    }
    sb_free(&sb);
    return NULL;
}

static jvalue *number(jp *p)
{
    size_t start = p->i;
    if (peek(p) == '-') p->i++;
    if (peek(p) == '0') {
        p->i++;
    } else if (peek(p) >= '1' && peek(p) <= '9') {
        while (peek(p) >= '0' && peek(p) <= '9') p->i++;
    } else {
        fail(p, "a number expected");
        return NULL;
    }
    if (peek(p) == '.') {
        p->i++;
        if (!(peek(p) >= '0' && peek(p) <= '9')) {
            fail(p, "a digit expected after '.'");
            return NULL;
        }
        while (peek(p) >= '0' && peek(p) <= '9') p->i++;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        p->i++;
        if (peek(p) == '+' || peek(p) == '-') p->i++;
        if (!(peek(p) >= '0' && peek(p) <= '9')) {
            fail(p, "a digit expected in the exponent");
            return NULL;
        }
        while (peek(p) >= '0' && peek(p) <= '9') p->i++;
    }
    char buf[64];
    size_t n = p->i - start;
    if (n >= sizeof buf) {
        fail(p, "a number too long");
        return NULL;
    }
    memcpy(buf, p->s + start, n);
    buf[n] = 0;
    jvalue *v = new_value(p, JV_NUMBER);
    v->number = strtod(buf, NULL);
    if (!isfinite(v->number)) {
        fail(p, "a number out of range");
        return NULL;
    }
    return v;
}

static int word(jp *p, const char *w)
{
    size_t n = strlen(w);
    if (p->len - p->i >= n && !memcmp(p->s + p->i, w, n)) {
        p->i += n;
        return 1;
    }
    return 0;
}

static jvalue *value(jp *p, int depth);

/* Items or members between the brackets, growing arrays by doubling. */
static jvalue *container(jp *p, int depth, int object)
{
    if (depth >= JSON_MAX_DEPTH) {
        fail(p, "nested deeper than %d", JSON_MAX_DEPTH);
        return NULL;
    }
    p->i++;
    jvalue *v = new_value(p, object ? JV_OBJECT : JV_ARRAY);
    size_t cap = 0;
    skip_ws(p);
    if (peek(p) == (object ? '}' : ']')) {
        p->i++;
        return v;
    }
    for (;;) {
        const char *key = NULL;
        skip_ws(p);
        if (object) {
            if (peek(p) != '"') {
                fail(p, "a key (a string) expected");
                return NULL;
            }
            size_t at = p->i;
            if (!(key = string(p))) return NULL;
            for (size_t k = 0; k < v->n; k++)
                if (!strcmp(v->keys[k], key)) {
                    p->i = at;
                    fail(p, "the key \"%s\" is given twice", key);
                    return NULL;
                }
            skip_ws(p);
            if (peek(p) != ':') {
                fail(p, "':' expected after a key");
                return NULL;
            }
            p->i++;
        }
        jvalue *item = value(p, depth + 1);
        if (!item) return NULL;
        if (v->n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            jvalue **items = arena_alloc(p->a, ncap * sizeof *items);
            if (v->n) memcpy(items, v->items, v->n * sizeof *items);
            v->items = items;
            if (object) {
                const char **keys = arena_alloc(p->a, ncap * sizeof *keys);
                if (v->n) memcpy(keys, v->keys, v->n * sizeof *keys);
                v->keys = keys;
            }
            cap = ncap;
        }
        if (v->n == JSON_MAX_MEMBERS && object) {
            fail(p, "an object with more than %d members", JSON_MAX_MEMBERS);
            return NULL;
        }
        if (object) v->keys[v->n] = key;
        v->items[v->n++] = item;
        skip_ws(p);
        if (peek(p) == ',') {
            p->i++;
            continue;
        }
        if (peek(p) == (object ? '}' : ']')) {
            p->i++;
            return v;
        }
        fail(p, object ? "',' or '}' expected" : "',' or ']' expected");
        return NULL;
    }
}

static jvalue *value(jp *p, int depth)
{
    skip_ws(p);
    switch (peek(p)) {
    case '{': return container(p, depth, 1);
    case '[': return container(p, depth, 0);
    case '"': {
        const char *s = string(p);
        if (!s) return NULL;
        jvalue *v = new_value(p, JV_STRING);
        v->string = s;
        return v;
    }
    case 't':
        if (word(p, "true")) return new_value(p, JV_TRUE);
        break;
    case 'f':
        if (word(p, "false")) return new_value(p, JV_FALSE);
        break;
    case 'n':
        if (word(p, "null")) return new_value(p, JV_NULL);
        break;
    case -1:
        fail(p, "a value expected, not the end of the file");
        return NULL;
    default:
        if (peek(p) == '-' || (peek(p) >= '0' && peek(p) <= '9')) return number(p);
        break;
    }
    fail(p, "a value expected");
    return NULL;
}

jvalue *json_parse(arena *a, const char *data, size_t len, json_error *err)
{
    jp p = {a, data, len, 0, err, 0};
    memset(err, 0, sizeof *err);
    jvalue *v = value(&p, 0);
    if (v) {
        skip_ws(&p);
        if (p.i < p.len) {
            fail(&p, "something after the value");
            v = NULL;
        }
    }
    return p.failed ? NULL : v;
}

const jvalue *json_get(const jvalue *obj, const char *key)
{
    if (!obj || obj->kind != JV_OBJECT) return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (!strcmp(obj->keys[i], key)) return obj->items[i];
    return NULL;
}

const char *json_get_string(const jvalue *obj, const char *key)
{
    const jvalue *v = json_get(obj, key);
    return v && v->kind == JV_STRING ? v->string : NULL;
}

int json_get_int(const jvalue *obj, const char *key, long lo, long hi, long *out)
{
    const jvalue *v = json_get(obj, key);
    if (!v || v->kind != JV_NUMBER || v->number != floor(v->number) || v->number < (double)lo ||
        v->number > (double)hi)
        return 0;
    *out = (long)v->number;
    return 1;
}

int json_get_bool(const jvalue *obj, const char *key)
{
    const jvalue *v = json_get(obj, key);
    return !v ? -1 : v->kind == JV_TRUE ? 1 : v->kind == JV_FALSE ? 0 : -1;
}
