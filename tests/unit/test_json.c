/* test_json.c - the JSON reader (util/json_parse.c) on what is valid and what is not,
 * and the paper's JSON (render/paper_json.c) written and read back by the same code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "render/paper_json.h"
#include "util/json_parse.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

/* Parses s; a failure's place and message as "line L, column C: message" in why. */
static jvalue *parse(arena *a, const char *s, char *why)
{
    json_error err;
    jvalue *v = json_parse(a, s, strlen(s), &err);
    snprintf(why, 200, "line %d, column %d: %s", err.line, err.col, err.message);
    return v;
}

TEST(test_valid)
{
    arena a;
    arena_init(&a);
    char why[200];
    jvalue *v = parse(&a, " {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"} ", why);
    assert_non_null(v);
    assert_int_equal(v->kind, JV_OBJECT);
    const jvalue *arr = json_get(v, "a");
    assert_int_equal(arr->kind, JV_ARRAY);
    assert_int_equal(arr->n, 5);
    assert_true(arr->items[1]->number == -2500);
    assert_int_equal(arr->items[2]->kind, JV_TRUE);
    assert_int_equal(arr->items[4]->kind, JV_NULL);
    assert_string_equal(json_get_string(v, "b"), "x\xC3\xA9\xF0\x9F\x98\x80\n");
    long n;
    assert_true(json_get_int(arr, "x", 0, 1, &n) == 0);
    assert_null(json_get(arr, "a"));        /* not an object */
    arena_free(&a);
}

TEST(test_invalid_positioned)
{
    static const struct {
        const char *in, *why;
    } bad[] = {
        {"", "line 1, column 1: a value expected, not the end of the file"},
        {"{\"a\": 1,}", "line 1, column 9: a key (a string) expected"},
        {"{\"a\": 1 \"b\": 2}", "line 1, column 9: ',' or '}' expected"},
        {"{\"a\": 1, \"a\": 2}", "line 1, column 10: the key \"a\" is given twice"},
        {"[1, 2]\n x", "line 2, column 2: something after the value"},
        {"\"a\\qb\"", "line 1, column 5: an invalid escape in a string"},
        {"\"\\ud800x\"", "line 1, column 8: an unpaired surrogate in a string"},
        {"\"a\\u0000\"", "line 1, column 9: a NUL character in a string"},
        {"\"a\nb\"", "line 1, column 3: a control character in a string"},
        {"\"\xC3\x28\"", "line 1, column 2: invalid UTF-8 in a string"},
        {"01", "line 1, column 2: something after the value"},
        {"1.", "line 1, column 3: a digit expected after '.'"},
        {"tru", "line 1, column 1: a value expected"},
        {"1e999", "line 1, column 6: a number out of range"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        arena a;
        arena_init(&a);
        char why[200];
        if (parse(&a, bad[i].in, why)) fail_msg("accepted: %s", bad[i].in);
        if (strcmp(why, bad[i].why)) fail_msg("%s: said \"%s\", not \"%s\"", bad[i].in, why, bad[i].why);
        arena_free(&a);
    }
    /* too deep, and an object with too many members */
    arena a;
    arena_init(&a);
    char why[200], deep[2 * JSON_MAX_DEPTH + 8];
    memset(deep, '[', JSON_MAX_DEPTH + 1);
    memset(deep + JSON_MAX_DEPTH + 1, ']', JSON_MAX_DEPTH + 1);
    deep[2 * JSON_MAX_DEPTH + 2] = 0;
    assert_null(parse(&a, deep, why));
    assert_non_null(strstr(why, "nested deeper than 64"));
    strbuf big = STRBUF_INIT;
    sb_putc(&big, '{');
    for (int i = 0; i <= JSON_MAX_MEMBERS; i++) sb_printf(&big, "%s\"k%d\": %d", i ? ", " : "", i, i);
    sb_putc(&big, '}');
    assert_null(parse(&a, big.data, why));
    assert_non_null(strstr(why, "more than 4096 members"));
    sb_free(&big);
    arena_free(&a);
}

static char dir[64];

static char *tmpfile_with(const char *name, const char *data)
{
    size_t len = strlen(data);
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/tabled-test-json-XXXXXX");
        assert_non_null(mkdtemp(dir));
    }
    char *path = malloc(200);
    snprintf(path, 200, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(data, 1, len, f);
    fclose(f);
    return path;
}

/* What is written is what is read back. */
TEST(test_paper_json_round_trip)
{
    paper_record r = {.subject = "S \"quoted\" \xC3\xA9", .committee = "Board", .meeting_iso = "2011-01-13",
                      .meeting_date = "13 January 2011", .item = "7", .report_of = NULL,
                      .organisation = "Council", .variant = "executive", .as_at = "31 December 2010",
                      .html = 1, .pdf = 0, .exempt_paragraph = 0, .has_rollup = 0,
                      .summary = {{0}, 0, -1, LEVEL_NONE}};
    /* no analysis: written as the public edition of an exempt paper would be */
    r.exempt_paragraph = 4;
    strbuf out = STRBUF_INIT;
    paper_json_write(&r, NULL, &out);
    char *path = tmpfile_with("exec.json", out.data);
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_init(&dl);
    paper_record back;
    /* an output that is not there is never linked */
    assert_int_equal(paper_json_read(path, &a, &dl, &back), 0);
    assert_null(back.html_href);
    free(tmpfile_with("exec.html", "<!doctype html>"));
    assert_int_equal(paper_json_read(path, &a, &dl, &back), 0);
    assert_string_equal(back.subject, r.subject);
    assert_string_equal(back.committee, "Board");
    assert_string_equal(back.meeting_iso, "2011-01-13");
    assert_string_equal(back.meeting_date, "13 January 2011");
    assert_string_equal(back.item, "7");
    assert_null(back.report_of);
    assert_string_equal(back.variant, "executive");
    assert_int_equal(back.exempt_paragraph, 4);
    assert_int_equal(back.html, 1);
    assert_int_equal(back.pdf, 0);
    assert_int_equal(back.has_rollup, 0);
    assert_int_equal(back.summary.percent_complete, -1);
    assert_non_null(strstr(back.html_href, "/exec.html"));
    assert_null(back.pdf_href);
    free(path);
    sb_free(&out);

    /* not a paper's JSON (a plan's roll-up): skipped; damaged: an error naming the file */
    path = tmpfile_with("rollup.json", "{\"plan\": \"P\", \"overall\": {}}");
    assert_int_equal(paper_json_read(path, &a, &dl, &back), 1);
    free(path);
    path = tmpfile_with("bad.json", "{\"paper\": {\"subject\": \"S\",}}");
    assert_int_equal(paper_json_read(path, &a, &dl, &back), -1);
    assert_int_equal(dl.errors, 1);
    assert_int_equal(dl.items[0].pos.line, 1);
    assert_int_equal(dl.items[0].pos.col, 27);
    assert_non_null(strstr(dl.items[0].message, "not JSON: a key (a string) expected"));
    assert_non_null(strstr(dl.items[0].pos.file, "bad.json"));
    free(path);
    path = tmpfile_with("damaged.json", "{\"paper\": {}, \"rollup\": {\"overall\": {\"counts\": 3}}}");
    assert_int_equal(paper_json_read(path, &a, &dl, &back), -1);
    assert_int_equal(dl.errors, 2);
    free(path);
    diag_free(&dl);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_invalid_positioned),
        cmocka_unit_test(test_paper_json_round_trip),
    };
    int rc = cmocka_run_group_tests_name("json", tests, NULL, NULL);
    if (dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0 && !rc) rc = 1;
    }
    return rc;
}
