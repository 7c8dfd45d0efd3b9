/* test_desk.c - what a clerk meets at the desk: libyaml's errors reworded with their
 * positions, case-insensitive status words, dates that say which forms a field
 * takes, "did you mean" for short words, Word's pasted bullets, terminal tables that
 * fit their width, and diagnostics for CI (GitHub, GitLab) written a line at a time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/history.h"
#include "load/plan_load.h"
#include "model/date.h"
#include "render/text_table.h"
#include "report/word_paste.h"
#include "util/diag.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static diag_list D;

static int setup(void **state)
{
    (void)state;
    diag_init(&D);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    diag_free(&D);
    return 0;
}

/* Loads a plan from text; every diagnostic lands in D. */
static plan *load(const char *yaml)
{
    return plan_load_buffer("t.yaml", yaml, strlen(yaml), &D);
}

/* The one diagnostic there must be, at line:col, containing every needle. */
static void expect_only_(int line, int col, ...)
{
    if (D.len != 1) {
        for (size_t i = 0; i < D.len; i++)
            print_message("  %d:%d %s\n", D.items[i].pos.line, D.items[i].pos.col, D.items[i].message);
        fail_msg("expected one diagnostic, got %zu", D.len);
    }
    const diagnostic *g = &D.items[0];
    if (g->pos.line != line || g->pos.col != col)
        fail_msg("at %d:%d, expected %d:%d: %s", g->pos.line, g->pos.col, line, col, g->message);
    va_list ap;
    va_start(ap, col);
    for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *))
        if (!strstr(g->message, s)) fail_msg("'%s' not in: %s", s, g->message);
    va_end(ap);
}
#define expect_only(line, col, ...) expect_only_((line), (col), __VA_ARGS__, (const char *)NULL)

static void no_libyaml_words(void)
{
    for (size_t i = 0; i < D.len; i++) {
        const char *m = D.items[i].message;
        if (strstr(m, "YAML syntax") || strstr(m, "mapping values") || strstr(m, "simple key") ||
            strstr(m, "block collection") || strstr(m, "violates indentation"))
            fail_msg("libyaml's words reached the clerk: %s", m);
    }
}

/* ---- YAML syntax in a clerk's words -------------------------------------------------- */

TEST(colon_in_text_says_quote_it)
{
    assert_null(load("plan:\n  title: Housing: the plan\n  organisation: X\n"));
    expect_only(2, 10, "text containing ': ' must be in quotes",
                "write title: \"Housing: the plan\"");
    no_libyaml_words();
}

TEST(colon_in_text_with_double_quotes_suggests_single)
{
    assert_null(load("plan:\n  title: The \"new\" plan: 2010\n"));
    expect_only(2, 10, "must be in quotes", "write title: 'The \"new\" plan: 2010'");
}

TEST(comment_is_not_part_of_the_suggestion)
{
    assert_null(load("plan:\n  title: a: b # note\n"));
    expect_only(2, 10, "write title: \"a: b\"");
}

TEST(tab_indent_says_spaces)
{
    assert_null(load("plan:\n\ttitle: X\n"));
    expect_only(2, 1, "indent with spaces, not tabs");
    diag_free(&D);
    assert_null(load("plan:\n  title: x\n\tb: 1\n"));
    expect_only(3, 1, "indent with spaces, not tabs");
}

TEST(key_without_colon_names_the_line)
{
    assert_null(load("plan:\n  title: X\n  organisation Y\n  short-title: Z\n"));
    expect_only(3, 3, "'key: value'", "write organisation: Y");
    no_libyaml_words();
}

TEST(unclosed_quote_points_at_its_start)
{
    assert_null(load("plan:\n  title: \"X\n"));
    expect_only(2, 10, "never closed", "closing \"");
}

TEST(unclosed_list_and_mapping)
{
    assert_null(load("plan:\n  title: [a, b\n"));
    expect_only(2, 10, "list opened with '['", "add ']'");
    diag_free(&D);
    assert_null(load("plan: {title: X\n"));
    expect_only(1, 7, "mapping opened with '{'", "add '}'");
}

TEST(misaligned_keys)
{
    assert_null(load("plan:\n  title: X\n   organisation: Y\n"));
    expect_only(3, 4, "indented more than the key above it");
    diag_free(&D);
    assert_null(load("actions:\n  - ref: A\n   theme: B\n"));
    expect_only(3, 4, "does not line up with the list above it");
    no_libyaml_words();
}

TEST(reserved_first_character)
{
    assert_null(load("plan:\n  title: @home\n"));
    expect_only(2, 10, "cannot start with '@'", "write title: \"@home\"");
    diag_free(&D);
    assert_null(load("plan:\n  title: `x`\n"));
    expect_only(2, 10, "cannot start with '`'");
}

TEST(text_after_closing_quote)
{
    assert_null(load("plan:\n  title: 'it's'\n"));
    expect_only(2, 14, "text after the closing quote", "'it''s'");
}

TEST(backslash_in_double_quotes)
{
    assert_null(load("plan:\n  title: \"C:\\Reports\"\n"));
    assert_int_equal(D.len, 1);
    assert_non_null(strstr(D.items[0].message, "backslash"));
    assert_int_equal(D.items[0].pos.line, 2);
}

/* ---- words and dates ------------------------------------------------------------------ */

#define HEAD                                                                                \
    "plan: {title: T, organisation: O}\n"                                                   \
    "people: [{id: ann}]\n"                                                                 \
    "themes:\n"                                                                             \
    "  - {ref: A, title: Alpha}\n"                                                          \
    "  - {ref: B, title: Beta}\n"                                                           \
    "actions:\n"

TEST(status_and_rag_ignore_case)
{
    plan *p = load(HEAD "  - {ref: A.1, theme: A, description: D, status: In Progress, rag: Amber}\n"
                        "  - {ref: A.2, theme: A, description: D, status: NOT_STARTED, rag: GREEN}\n"
                        "  - {ref: A.3, theme: A, description: D, status: Complete, due: Ongoing}\n"
                        "  - {ref: A.4, theme: A, description: D, due: ONGOING}\n");
    assert_non_null(p);
    assert_int_equal(D.errors, 0);
    /* What was entered, as known at any date (the values are undated). */
    day_t t = date_from_ymd(2011, 1, 1);
    assert_int_equal(schedule_at(&p->actions[0].s, t).status, ENTERED_IN_PROGRESS);
    assert_int_equal(schedule_at(&p->actions[0].s, t).rag, RAG_AMBER);
    assert_int_equal(schedule_at(&p->actions[1].s, t).status, ENTERED_NOT_STARTED);
    assert_int_equal(schedule_at(&p->actions[1].s, t).rag, RAG_GREEN);
    assert_int_equal(schedule_at(&p->actions[2].s, t).status, ENTERED_COMPLETE);
    assert_int_equal(p->actions[2].s.due.kind, DATE_ONGOING);
    assert_int_equal(p->actions[3].s.due.kind, DATE_ONGOING);
    plan_free(p);
}

TEST(unknown_status_still_suggests)
{
    assert_null(load(HEAD "  - {ref: A.1, theme: A, description: D, status: in progres}\n"));
    expect_only(7, 50, "did you mean 'in-progress'");
}

TEST(financial_year_with_a_hyphen)
{
    assert_null(load(HEAD "  - {ref: A.1, theme: A, description: D, due: 2014-15}\n"));
    expect_only(7, 47, "due date 2014-15", "for the financial year write 2014/15");
    diag_free(&D);
    assert_null(load(HEAD "  - {ref: A.1, theme: A, description: D, due: 2014-2015}\n"));
    expect_only(7, 47, "write 2014/15");
}

TEST(dates_name_only_the_forms_a_field_takes)
{
    char why[320];
    fuzzy_date d;
    assert_int_equal(date_parse_as("soon", DATE_ACCEPT(DATE_DAY), &d, why, sizeof why), -1);
    assert_null(strstr(why, "ongoing"));
    assert_non_null(strstr(why, "a day (2010-12-31)"));
    assert_int_equal(date_parse_as("ongoing", DATE_ACCEPT(DATE_DAY), &d, why, sizeof why), -1);
    assert_null(strstr(why, "write ongoing"));
    assert_int_equal(date_parse_as("2011-01", DATE_ACCEPT(DATE_DAY), &d, why, sizeof why), -1);
    assert_string_equal(why, "is a month; write a day (2010-12-31)");
    assert_int_equal(date_parse_as("2014-15", DATE_ACCEPT(DATE_DAY), &d, why, sizeof why), -1);
    assert_null(strstr(why, "2014/15")); /* a meeting is a day, not a year */
    assert_int_equal(date_parse_as("soon", DATE_ACCEPT_ANY, &d, why, sizeof why), -1);
    assert_non_null(strstr(why, "or ongoing"));
    assert_int_equal(date_parse_as("2010-02-30", DATE_ACCEPT_PERIOD, &d, why, sizeof why), -1);
    assert_non_null(strstr(why, "does not exist"));
    assert_int_equal(date_parse_as("2010/11 q3", DATE_ACCEPT_PERIOD, &d, why, sizeof why), 0);
    assert_int_equal(d.kind, DATE_QUARTER);
}

TEST(did_you_mean_three_letter_keys)
{
    assert_null(load(HEAD "  - {ref: A.1, theme: A, description: D, rga: red}\n"));
    expect_only(7, 42, "unknown key 'rga'", "did you mean 'rag'?");
    diag_free(&D);
    assert_null(load(HEAD "  - {ref: A.1, theme: A, description: D, woh: ann}\n"));
    expect_only(7, 42, "did you mean 'who'?");
    assert_int_equal(edit_distance("rga", "rag"), 1);
    assert_int_equal(edit_distance("DUE", "due"), 0);
    assert_null(closest_word("xyz", (const char *const[]){"rag", "who"}, 2));
}

TEST(unknown_theme_lists_the_themes)
{
    assert_null(load(HEAD "  - {ref: A.1, theme: C, description: D}\n"));
    expect_only(7, 23, "theme 'C', which is not defined (themes: A, B)");
    diag_free(&D);
    assert_null(load(HEAD "  - {ref: A.1, theme: a, description: D}\n"));
    expect_only(7, 23, "did you mean 'A'?", "(themes: A, B)");
}

/* ---- Word pastes ------------------------------------------------------------------------ */

static int warnings;
static int warn_line;
static void on_warn(void *ctx, int line, int col, const char *msg)
{
    (void)ctx;
    (void)col;
    warnings++;
    warn_line = line;
    assert_non_null(strstr(msg, "1., 2., 3."));
}

static char *fix(const char *md)
{
    size_t n = 0;
    warnings = 0;
    return word_paste_fix(md, strlen(md), &n, on_warn, NULL);
}

TEST(word_bullets_become_a_list)
{
    char *s = fix("Agreed:\n\xE2\x80\xA2\tOne\n\xE2\x80\xA2\tTwo\no\tTwo a\n\xC2\xB7 Three\n");
    assert_non_null(s);
    assert_string_equal(s, "Agreed:\n-   One\n-   Two\n    - Two a\n-  Three\n");
    free(s);
    /* Column kept: "•<tab>" is four bytes, so is "-   ". */
    s = fix("\xEF\x82\xB7\tSymbol bullet\n");
    assert_string_equal(s, "-   Symbol bullet\n");
    free(s);
}

TEST(word_bullets_left_alone_where_they_mean_something_else)
{
    assert_null(fix("Plain text\n\nNo bullets here.\n"));
    assert_null(fix("```\n\xE2\x80\xA2\tin code\n```\n"));
    assert_null(fix("o\tnot under a bullet\n"));
    assert_null(fix("Costs \xE2\x80\xA2 inline\n"));
    assert_int_equal(warnings, 0);
}

TEST(word_lettered_lines_warn_with_their_line)
{
    assert_null(fix("Options:\n\na.\tFirst\nb.\tSecond\n"));
    assert_int_equal(warnings, 2);
    assert_int_equal(warn_line, 4);
    assert_null(fix("iv)\tFourth\n"));
    assert_int_equal(warnings, 1);
    assert_null(fix("e.g.\tnot a list\n"));
    assert_int_equal(warnings, 0);
}

/* ---- terminal tables ---------------------------------------------------------------------- */

static int widest_line(const char *s)
{
    int best = 0;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        int w = text_width(s, n);
        if (w > best) best = w;
        s += n + (nl ? 1 : 0);
    }
    return best;
}

TEST(tables_fit_every_width)
{
    static const char *const headers[] = {"Ref", "Action", "Mile\u00ADstone", "When",
                                          "Days over\u00ADdue", "Measure of suc\u00ADcess"};
    text_table t;
    text_table_init(&t, headers, 6, -1);
    text_table_flags(&t, 0, TT_KEEP);
    text_table_flags(&t, 4, TT_RIGHT | TT_DROP_EMPTY);
    text_table_flags(&t, 5, TT_DROP_EMPTY);
    const char *rows[][6] = {
        {"SH2.2.10", "Interrogate the Strategic Housing Market and Needs Assessment to determine "
                     "the needs of groups", "- Consultation\n- Publication", "Nov 2010, revised "
                     "Mar 2011 (agreed 24 Nov 2010)", "61", ""},
        {"A.1", "Supercalifragilisticexpialidocious", "", "ongoing", "", ""},
    };
    for (size_t r = 0; r < 2; r++) text_table_row(&t, rows[r], NULL);
    text_table_group(&t, "SH2 A theme whose title is long enough to wrap in a narrow terminal");
    for (int width = 40; width <= 160; width += 7) {
        strbuf out = STRBUF_INIT;
        text_table_render(&t, &out, width, 0, NULL);
        if (widest_line(out.data) > width)
            fail_msg("width %d: a line of %d columns:\n%s", width, widest_line(out.data), out.data);
        /* The empty column is left out; the reference is never broken. */
        assert_null(strstr(out.data, "Measure"));
        assert_non_null(strstr(out.data, "SH2.2.10"));
        sb_free(&out);
    }
    text_table_free(&t);
}

TEST(zero_columns_drop_only_when_needed)
{
    static const char *const headers[] = {"Theme", "Com\u00ADplete", "Can\u00ADcelled"};
    text_table t;
    text_table_init(&t, headers, 3, -1);
    text_table_flags(&t, 1, TT_RIGHT | TT_DROP_ZERO);
    text_table_flags(&t, 2, TT_RIGHT | TT_DROP_ZERO);
    text_table_row(&t, (const char *[]){"A theme with a long title that needs room", "3", "0"}, NULL);
    int dropped[3];
    strbuf out = STRBUF_INIT;
    text_table_render(&t, &out, 120, 0, dropped);
    assert_non_null(strstr(out.data, "Cancelled"));
    assert_int_equal(dropped[2], 0);
    sb_reset(&out);
    text_table_render(&t, &out, 40, 0, dropped);
    assert_null(strstr(out.data, "Can"));
    assert_int_equal(dropped[2], 1);
    assert_int_equal(dropped[1], 0);
    assert_true(widest_line(out.data) <= 40);
    sb_free(&out);
    text_table_free(&t);
}

TEST(wrap_breaks_at_soft_hyphens_and_long_words)
{
    strbuf out = STRBUF_INIT;
    static const char *const h[] = {"Re\u00ADsched\u00ADuled"};
    text_table t;
    text_table_init(&t, h, 1, -1);
    text_table_row(&t, (const char *[]){"1"}, NULL);
    text_table_render(&t, &out, 8, 0, NULL);
    assert_string_equal(out.data, "Resched-\nuled\n1\n");
    sb_free(&out);
    text_table_free(&t);
}

/* ---- diagnostics for CI ---------------------------------------------------------------------- */

__attribute__((noinline)) static char *printed(diag_format f)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    diag_set_format(f);
    diag_print(&D, fp, 0);
    diag_set_format(DIAG_FORMAT_GCC);
    fclose(fp);
    return out;
}

TEST(github_workflow_commands)
{
    diag_error(&D, make_pos("plans/a,b/plan.yaml", 3, 5), "100%% wrong\nsecond line");
    diag_warning(&D, make_pos("p.md", 0, 0), "no position");
    char *s = printed(DIAG_FORMAT_GITHUB);
    assert_string_equal(s, "::warning file=p.md,title=tabled::no position\n"
                           "::error file=plans/a%2Cb/plan.yaml,line=3,col=5,title=tabled::100%25 "
                           "wrong%0Asecond line\n");
    free(s);
}

TEST(gitlab_code_quality)
{
    char *s = printed(DIAG_FORMAT_GITLAB);
    assert_string_equal(s, "[]\n");
    free(s);
    diag_error(&D, make_pos("plan.yaml", 3, 5), "a \"quoted\" word");
    diag_error(&D, make_pos("plan.yaml", 3, 5), "a \"quoted\" word"); /* printed once */
    s = printed(DIAG_FORMAT_GITLAB);
    assert_non_null(strstr(s, "\"description\": \"a \\\"quoted\\\" word\""));
    assert_non_null(strstr(s, "\"severity\": \"major\""));
    assert_non_null(strstr(s, "\"location\": {\"path\": \"plan.yaml\", \"lines\": {\"begin\": 3}}"));
    assert_null(strstr(strstr(s, "fingerprint") + 1, "fingerprint")); /* one issue */
    free(s);
}

TEST(repeats_are_printed_once)
{
    diag_error(&D, make_pos("plan.yaml", 3, 5), "bad");
    diag_error(&D, make_pos("plan.yaml", 3, 5), "bad");
    diag_error(&D, make_pos("plan.yaml", 3, 6), "bad");
    char *s = printed(DIAG_FORMAT_GCC);
    assert_string_equal(s, "plan.yaml:3:5: error: bad\nplan.yaml:3:6: error: bad\n");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(colon_in_text_says_quote_it),
        T(colon_in_text_with_double_quotes_suggests_single),
        T(comment_is_not_part_of_the_suggestion),
        T(tab_indent_says_spaces),
        T(key_without_colon_names_the_line),
        T(unclosed_quote_points_at_its_start),
        T(unclosed_list_and_mapping),
        T(misaligned_keys),
        T(reserved_first_character),
        T(text_after_closing_quote),
        T(backslash_in_double_quotes),
        T(status_and_rag_ignore_case),
        T(unknown_status_still_suggests),
        T(financial_year_with_a_hyphen),
        T(dates_name_only_the_forms_a_field_takes),
        T(did_you_mean_three_letter_keys),
        T(unknown_theme_lists_the_themes),
        T(word_bullets_become_a_list),
        T(word_bullets_left_alone_where_they_mean_something_else),
        T(word_lettered_lines_warn_with_their_line),
        T(tables_fit_every_width),
        T(zero_columns_drop_only_when_needed),
        T(wrap_breaks_at_soft_hyphens_and_long_words),
        T(github_workflow_commands),
        T(gitlab_code_quality),
        T(repeats_are_printed_once),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
