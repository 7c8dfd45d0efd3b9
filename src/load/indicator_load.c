/* indicator_load.c - an indicator's figures as seed 003 writes them: a baseline that
 * may be "N/A" for its period, targets and actuals by period, each a number or
 * {value, note} (a footnote: why a target is above the baseline), kept with the
 * number of decimals written ("95.50%" prints as 95.50%). */
#include "indicator_load.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const baseline_keys[] = {"period", "value"};
static const char *const value_keys[] = {"value", "note"};

uint8_t number_shown_dp(const char *text)
{
    const char *dot = text ? strchr(text, '.') : NULL;
    if (!dot) return 1;
    unsigned k = 0;
    for (const char *s = dot + 1; *s >= '0' && *s <= '9'; s++) k++;
    return (uint8_t)(k > 6 ? 7 : k + 1);
}

static int is_na(const ynode *n)
{
    if (!n || n->kind != YN_SCALAR) return 0;
    return !strcasecmp(n->text, "N/A") || !strcasecmp(n->text, "n.a.") || !strcasecmp(n->text, "NA");
}

static int cmp_period(const void *a, const void *b)
{
    day_t x = date_first_day(((const period_value *)a)->period);
    day_t y = date_first_day(((const period_value *)b)->period);
    return x < y ? -1 : x > y;
}

/* One value: a number, or {value, note}. 1 read, -1 error (reported). */
static int read_value(schema_ctx *c, const ynode *v, period_value *pv, const char *where)
{
    const ynode *num = v;
    if (v->kind == YN_MAP) {
        schema_check_keys(c, v, value_keys, N(value_keys), where);
        num = ynode_get(v, "value");
        if (!num || schema_is_null(num)) {
            diag_error(c->diags, v->pos, "a value of %s with a note has no 'value'; write "
                       "{value: 25, note: ...}", where);
            return -1;
        }
        const char *note = schema_text(c, v, "note", 0, where);
        if (note) pv->note = arena_strdup(c->a, note);
    }
    if (schema_number_node(c, num, &pv->value, "a value") < 0) return -1;
    pv->shown_dp = number_shown_dp(num->text);
    return 1;
}

period_value *load_indicator_series(schema_ctx *c, const ynode *m, const char *key, size_t *n,
                                    const char *where)
{
    *n = 0;
    const ynode *s = ynode_get(m, key);
    if (!s || schema_is_null(s) || !schema_expect(c, s, YN_MAP, key, where)) return NULL;
    period_value *v = arena_alloc(c->a, (s->len + 1) * sizeof *v);
    for (size_t i = 0; i < s->len; i++) {
        period_value *pv = &v[*n];
        memset(pv, 0, sizeof *pv);
        pv->pos = s->pairs[i].key->pos;
        if (schema_date_node_as(c, s->pairs[i].key, "period", DATE_ACCEPT_PERIOD, &pv->period) < 0)
            continue;
        if (read_value(c, s->pairs[i].value, pv, where) < 0) continue;
        (*n)++;
    }
    qsort(v, *n, sizeof *v, cmp_period);
    for (size_t i = 1; i < *n; i++)
        if (date_first_day(v[i].period) == date_first_day(v[i - 1].period))
            diag_error(c->diags, v[i].pos, "period given twice in %s %s", where, key);
    return v;
}

void load_indicator_baseline(schema_ctx *c, const ynode *m, indicator *x, const char *where)
{
    const ynode *bl = ynode_get(m, "baseline");
    if (!bl || schema_is_null(bl) || !schema_expect(c, bl, YN_MAP, "baseline", where)) return;
    schema_check_keys(c, bl, baseline_keys, N(baseline_keys), "a baseline");
    const ynode *v = ynode_get(bl, "value");
    int okp = schema_date_as(c, bl, "period", "baseline period", DATE_ACCEPT_PERIOD,
                             &x->baseline.period, NULL);
    if (!v || schema_is_null(v) || okp <= 0) return;
    if (is_na(v)) {
        x->has_baseline = 2;
        return;
    }
    if (schema_number_node(c, v, &x->baseline.value, "baseline value (a number, or N/A)") > 0) {
        x->baseline.shown_dp = number_shown_dp(v->text);
        x->has_baseline = 1;
    }
}
