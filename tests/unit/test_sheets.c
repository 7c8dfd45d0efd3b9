/* test_sheets.c - officers' spreadsheets: the CSV reader (encodings, line endings,
 * quotes, ="..." cells, positions, what it refuses), the CSV writer's cells that Excel
 * keeps as text, the dates, words and numbers officers type, and a sheet exported and
 * read back in memory (unedited: no changes; edited: exactly the edits). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"
#include "analysis/sheet_diff.h"
#include "load/plan_load.h"
#include "load/sheet_load.h"
#include "load/sheet_values.h"
#include "render/sheet_out.h"
#include "render/updates_yaml.h"
#include "util/csv.h"
#include "util/csv_read.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static diag_list D;
static csv_doc DOC;

static int setup(void **state __attribute__((unused)))
{
    diag_init(&D);
    memset(&DOC, 0, sizeof DOC);
    setenv("SOURCE_DATE_EPOCH", "1798761600", 1); /* 1 January 2027 */
    return 0;
}

static int teardown(void **state __attribute__((unused)))
{
    csv_doc_free(&DOC);
    diag_free(&D);
    return 0;
}

static const char *dump(void)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < D.len && n < sizeof buf - 300; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "\n  %s:%d:%d %s: %s",
                              D.items[i].pos.file ? D.items[i].pos.file : "", D.items[i].pos.line,
                              D.items[i].pos.col, D.items[i].level == DIAG_ERROR ? "error" : "warning",
                              D.items[i].message);
    return D.len ? buf : " (none)";
}

static int read_csv(const char *data, size_t len)
{
    csv_doc_free(&DOC);
    diag_free(&D);
    diag_init(&D);
    return csv_read(&DOC, "r.csv", data, len, &D);
}

static const char *at(size_t row, size_t col)
{
    if (row >= DOC.n_rows || col >= DOC.rows[row].n) return NULL;
    return DOC.rows[row].cells[col].text;
}

static int has_diag(diag_level level, int line, int col, const char *words)
{
    for (size_t i = 0; i < D.len; i++)
        if (D.items[i].level == level && D.items[i].pos.line == line && D.items[i].pos.col == col &&
            strstr(D.items[i].message, words))
            return 1;
    return 0;
}

/* ---- the reader ------------------------------------------------------------------------ */

TEST(excel_csv_utf8_with_bom_crlf_and_quoted_cells)
{
    const char s[] = "\xEF\xBB\xBFRef,Progress,Status\r\n"
                     "A.1,\"Two lines,\nwith \"\"quotes\"\"\",In progress \r\n"
                     "\r\n"
                     ",,,\r\n"
                     "A.2,\xE2\x80\x9C" "curly\xE2\x80\x9D,Amber\r\n";
    assert_int_equal(read_csv(s, sizeof s - 1), 0);
    assert_string_equal(DOC.encoding, "UTF-8");
    assert_int_equal(DOC.delimiter, ',');
    assert_int_equal(DOC.n_rows, 5);
    assert_string_equal(at(0, 0), "Ref");
    assert_string_equal(at(1, 1), "Two lines,\nwith \"quotes\"");
    assert_string_equal(at(1, 2), "In progress ");
    /* the quoted line break does not start a row: rows are the spreadsheet's */
    assert_int_equal(DOC.rows[1].row, 2);
    assert_int_equal(DOC.rows[2].n, 0);
    assert_int_equal(DOC.rows[3].n, 0); /* trailing empty cells dropped */
    assert_int_equal(DOC.rows[4].row, 5);
    assert_string_equal(at(4, 1), "\xE2\x80\x9C" "curly\xE2\x80\x9D");
    assert_int_equal(D.len, 0);
}

TEST(line_endings_lf_and_cr_and_no_final_newline)
{
    assert_int_equal(read_csv("a,b\nc,d", 7), 0);
    assert_int_equal(DOC.n_rows, 2);
    assert_string_equal(at(1, 1), "d");
    assert_int_equal(read_csv("a,b\rc,d\r", 8), 0);
    assert_int_equal(DOC.n_rows, 2);
    assert_string_equal(at(1, 0), "c");
    /* a CR inside quotes is a line break in the cell */
    assert_int_equal(read_csv("\"x\r\ny\"\r\n", 8), 0);
    assert_string_equal(at(0, 0), "x\ny");
    assert_int_equal(read_csv("", 0), 0);
    assert_int_equal(DOC.n_rows, 0);
}

TEST(formula_cells_are_read_as_their_text)
{
    const char s[] = "\"=\"\"2010/11\"\"\",=\"31/03/2014\",\"=\"\"say \"\"\"\"hi\"\"\"\"\"\"\",=SUM(A1)\n";
    assert_int_equal(read_csv(s, sizeof s - 1), 0);
    assert_string_equal(at(0, 0), "2010/11");
    assert_int_equal(DOC.rows[0].cells[0].formula, 1);
    assert_string_equal(at(0, 1), "31/03/2014");
    assert_string_equal(at(0, 2), "say \"hi\"");
    assert_string_equal(at(0, 3), "=SUM(A1)"); /* not the text form: kept as written */
    assert_int_equal(DOC.rows[0].cells[3].formula, 0);
}

TEST(semicolons_tabs_utf16_and_windows_1252)
{
    const char semi[] = "tabled export;actions;\"a, b\"\r\nx;y;z\r\n";
    assert_int_equal(read_csv(semi, sizeof semi - 1), 0);
    assert_int_equal(DOC.delimiter, ';');
    assert_string_equal(at(0, 2), "a, b");
    const char tab[] = "a\tb\tc\n1\t2\t3\n";
    assert_int_equal(read_csv(tab, sizeof tab - 1), 0);
    assert_int_equal(DOC.delimiter, '\t');
    assert_string_equal(at(1, 2), "3");
    /* UTF-16LE with its byte order mark ("Unicode Text"): "a\t£\r\n" */
    const char u16[] = "\xFF\xFE" "a\0\t\0\xA3\0\r\0\n\0";
    assert_int_equal(read_csv(u16, sizeof u16 - 1), 0);
    assert_string_equal(DOC.encoding, "UTF-16");
    assert_string_equal(at(0, 1), "\xC2\xA3");
    /* Windows-1252: a curly apostrophe is 0x92, a pound sign 0xA3 */
    const char w[] = "Tenants\x92 panel,\xA3" "5\r\n";
    assert_int_equal(read_csv(w, sizeof w - 1), 0);
    assert_string_equal(DOC.encoding, "Windows-1252");
    assert_string_equal(at(0, 0), "Tenants\xE2\x80\x99 panel");
    assert_string_equal(at(0, 1), "\xC2\xA3" "5");
    assert_true(has_diag(DIAG_WARNING, 1, 0, "Windows-1252"));
}

TEST(what_the_reader_refuses_is_positioned)
{
    const char open[] = "a,b\nc,\"never closed\nd\n";
    assert_int_equal(read_csv(open, sizeof open - 1), -1);
    assert_true(has_diag(DIAG_ERROR, 2, 2, "never closed"));
    const char after[] = "a,\"b\"x,c\n";
    assert_int_equal(read_csv(after, sizeof after - 1), -1);
    assert_true(has_diag(DIAG_ERROR, 1, 2, "after its closing quote"));
    const char ctl[] = "a,b\nc,d\x0c\n";
    assert_int_equal(read_csv(ctl, sizeof ctl - 1), -1);
    assert_true(has_diag(DIAG_ERROR, 2, 2, "control character"));
    const char bom_bad[] = "\xEF\xBB\xBF" "a,\xFF\n";
    assert_int_equal(read_csv(bom_bad, sizeof bom_bad - 1), -1);
    assert_true(has_diag(DIAG_ERROR, 1, 2, "not valid UTF-8"));
    assert_int_equal(read_csv("PK\x03\x04rest", 8), -1);
    assert_true(has_diag(DIAG_ERROR, 0, 0, ".xlsx"));
    assert_int_equal(read_csv("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), -1);
    assert_true(has_diag(DIAG_ERROR, 0, 0, ".xls"));
    const char nul[] = "a,b\0c\n";
    assert_int_equal(read_csv(nul, sizeof nul - 1), -1);
    assert_true(has_diag(DIAG_ERROR, 1, 2, "NUL"));
}

TEST(column_names_are_the_spreadsheets)
{
    char b[16];
    csv_column_name(1, b, sizeof b);
    assert_string_equal(b, "A");
    csv_column_name(26, b, sizeof b);
    assert_string_equal(b, "Z");
    csv_column_name(27, b, sizeof b);
    assert_string_equal(b, "AA");
    csv_column_name(16384, b, sizeof b);
    assert_string_equal(b, "XFD");
}

/* ---- the writer ------------------------------------------------------------------------ */

static const char *field(const char *s)
{
    static char buf[1024];
    strbuf out = STRBUF_INIT;
    csv_field(&out, s, 1);
    snprintf(buf, sizeof buf, "%s", out.data ? out.data : "");
    sb_free(&out);
    return buf;
}

TEST(cells_excel_would_change_are_written_as_text)
{
    const char *convert[] = {"2010/11", "1.10", "007", "31/03/2014", "2014-03", "Mar-14",
                             "December 2010", "50%", "1,234", "1e5", "TRUE", "false", "12:30",
                             "-3", "- item", "=SUM(A1)", "+44", "@x", "\xC2\xA3" "5", "(12)"};
    for (size_t i = 0; i < sizeof convert / sizeof *convert; i++)
        assert_true(csv_excel_would_convert(convert[i]));
    const char *keep[] = {"", "A.1", "SH1.2.1", "KT2/1", "Q3 2010/11", "2010/11 Q3", "ongoing",
                          "3 panels held", "In progress", "#2", "Overdue: 40 days", "1st April"};
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        assert_false(csv_excel_would_convert(keep[i]));
    assert_string_equal(field("2010/11"), "\"=\"\"2010/11\"\"\"");
    assert_string_equal(field("- item"), "\"=\"\"- item\"\"\"");
    assert_string_equal(field("A.1"), "A.1");
    assert_string_equal(field("a, b"), "\"a, b\"");
    assert_string_equal(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_string_equal(field("two\nlines"), "\"two\nlines\"");
    /* too long for a formula, or on two lines: a leading space, never a quote mark */
    char long_dash[300];
    memset(long_dash, 'x', sizeof long_dash - 1);
    long_dash[0] = '-';
    long_dash[sizeof long_dash - 1] = '\0';
    const char *f = field(long_dash);
    assert_int_equal(f[0], '"');
    assert_int_equal(f[1], ' ');
    assert_int_equal(f[2], '-');
    assert_string_equal(field("- one\n- two"), "\" - one\n- two\"");
    strbuf out = STRBUF_INIT;
    csv_bom(&out);
    csv_number(&out, "96.1", 0);
    assert_string_equal(out.data, "\xEF\xBB\xBF,96.1");
    sb_free(&out);
}

TEST(written_cells_read_back_as_written)
{
    const char *cells[] = {"2010/11", "plain", "a, b", "say \"hi\"", "two\nlines", "- item",
                           "", "=\"x\"", "\xE2\x80\x99", "1.10"};
    strbuf out = STRBUF_INIT;
    csv_bom(&out);
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) csv_field(&out, cells[i], i == 0);
    csv_end_row(&out);
    assert_int_equal(read_csv(out.data, out.len), 0);
    for (size_t i = 0; i + 1 < sizeof cells / sizeof *cells; i++)
        if (cells[i][0]) assert_string_equal(at(0, i), cells[i]);
    assert_string_equal(at(0, 9), "1.10");
    sb_free(&out);
}

/* ---- what officers type --------------------------------------------------------------- */

static const char *date_of(const char *s)
{
    static char buf[64];
    fuzzy_date d;
    char why[320];
    if (sheet_date(s, &d, why, sizeof why) != 0) {
        snprintf(buf, sizeof buf, "error");
        return buf;
    }
    date_format_iso(d, buf, sizeof buf);
    return buf;
}

static const char *date_why(const char *s)
{
    static char why[320];
    fuzzy_date d;
    if (sheet_date(s, &d, why, sizeof why) == 0) return "(read)";
    return why;
}

TEST(dates_as_officers_and_excel_write_them)
{
    assert_string_equal(date_of("31/03/2014"), "2014-03-31");
    assert_string_equal(date_of(" 31/3/14 "), "2014-03-31");
    assert_string_equal(date_of("1/4/99"), "1999-04-01");
    assert_string_equal(date_of("31-03-2014"), "2014-03-31");
    assert_string_equal(date_of("31.03.2014"), "2014-03-31");
    assert_string_equal(date_of("31-Mar-2014"), "2014-03-31");
    assert_string_equal(date_of("31-mar-14"), "2014-03-31");
    assert_string_equal(date_of("31 March 2014"), "2014-03-31");
    assert_string_equal(date_of("1st April 2014"), "2014-04-01");
    assert_string_equal(date_of("March 31, 2014"), "2014-03-31");
    assert_string_equal(date_of("2014-03-31"), "2014-03-31");
    assert_string_equal(date_of("2014/03/31"), "2014-03-31");
    assert_string_equal(date_of("31/03/2014 00:00"), "2014-03-31");
    assert_string_equal(date_of("31/03/2014 14:30:00"), "2014-03-31");
    assert_string_equal(date_of("41729"), "2014-03-31");    /* Excel's serial number */
    assert_string_equal(date_of("41729.5"), "2014-03-31");
    /* months, quarters, years, ongoing */
    assert_string_equal(date_of("Mar-14"), "2014-03");
    assert_string_equal(date_of("Mar 2014"), "2014-03");
    assert_string_equal(date_of("march 2014"), "2014-03");
    assert_string_equal(date_of("Sept-10"), "2010-09");
    assert_string_equal(date_of("2014-03"), "2014-03");
    assert_string_equal(date_of("December 2010"), "2010-12");
    assert_string_equal(date_of("Q3 2010/11"), "2010/11 Q3");
    assert_string_equal(date_of("q3 2010/11"), "2010/11 Q3");
    assert_string_equal(date_of("2010/11 Q3"), "2010/11 Q3");
    assert_string_equal(date_of("2010/11"), "2010/11");
    assert_string_equal(date_of("Ongoing"), "ongoing");
    assert_string_equal(date_of("ONGOING"), "ongoing");
}

TEST(dates_that_do_not_read_say_why)
{
    assert_non_null(strstr(date_why("31/02/2014"), "February 2014 has 28 days"));
    assert_non_null(strstr(date_why("03/31/2014"), "day first"));
    assert_non_null(strstr(date_why("03/31/2014"), "31/03/2014"));
    assert_non_null(strstr(date_why("14-Mar"), "no year"));
    assert_non_null(strstr(date_why("12345"), "not a date"));
    assert_non_null(strstr(date_why("soon"), "31/03/2014"));
    assert_non_null(strstr(date_why("2010-02-30"), "does not exist"));
    assert_non_null(strstr(date_why("2010/12"), "financial year"));
    assert_non_null(strstr(date_why("32/01/2014"), "does not exist"));
    assert_non_null(strstr(date_why("31/13/2014"), "no month 13"));
    assert_non_null(strstr(date_why("00/13/2014"), "no month 13")); /* found by fuzz_sheet */
    assert_non_null(strstr(date_why("00/03/2014"), "does not exist"));
    assert_string_equal(date_of(""), "error");
    assert_string_equal(date_of("Smarch 2014"), "error");
}

TEST(status_and_rag_words_in_any_case_with_suggestions)
{
    entered_status s;
    stated_rag r;
    const char *near;
    assert_int_equal(sheet_status("In progress", &s, &near), 0);
    assert_int_equal(s, ENTERED_IN_PROGRESS);
    assert_int_equal(sheet_status(" in-progress ", &s, &near), 0);
    assert_int_equal(sheet_status("IN_PROGRESS", &s, &near), 0);
    assert_int_equal(sheet_status("Not  Started", &s, &near), 0);
    assert_int_equal(s, ENTERED_NOT_STARTED);
    assert_int_equal(sheet_status("Completed", &s, &near), 0);
    assert_int_equal(s, ENTERED_COMPLETE);
    assert_int_equal(sheet_status("Canceled", &s, &near), 0);
    assert_int_equal(s, ENTERED_CANCELLED);
    assert_int_equal(sheet_status("Inprogress", &s, &near), -1);
    assert_string_equal(near, "in-progress");
    assert_int_equal(sheet_status("Cancelld", &s, &near), -1);
    assert_string_equal(near, "cancelled");
    assert_int_equal(sheet_status("On hold", &s, &near), -1);
    assert_null(near);
    assert_int_equal(sheet_rag("Amber", &r, &near), 0);
    assert_int_equal(r, RAG_AMBER);
    assert_int_equal(sheet_rag("  GREEN ", &r, &near), 0);
    assert_int_equal(r, RAG_GREEN);
    assert_int_equal(sheet_rag("r", &r, &near), 0);
    assert_int_equal(r, RAG_RED);
    assert_int_equal(sheet_rag("Blue", &r, &near), 0);
    assert_int_equal(r, RAG_COMPLETE);
    assert_int_equal(sheet_rag("Ambre", &r, &near), -1);
    assert_string_equal(near, "amber");
}

TEST(numbers_scores_and_excel_errors)
{
    double v;
    int k;
    assert_int_equal(sheet_number("96.1", &v), 0);
    assert_true(v == 96.1);
    assert_int_equal(sheet_number(" 1,234.5 ", &v), 0);
    assert_true(v == 1234.5);
    assert_int_equal(sheet_number("12%", &v), 0);
    assert_true(v == 12);
    assert_int_equal(sheet_number("\xC2\xA3" "1,200", &v), 0);
    assert_true(v == 1200);
    assert_int_equal(sheet_number("-3", &v), 0);
    assert_true(v == -3);
    assert_int_equal(sheet_number("1,5", &v), -1);       /* a decimal comma, or a typo */
    assert_int_equal(sheet_number("n/a", &v), -1);
    assert_int_equal(sheet_number("", &v), -1);
    assert_int_equal(sheet_number("1e999", &v), -1);
    assert_int_equal(sheet_score("3", &k), 0);
    assert_int_equal(k, 3);
    assert_int_equal(sheet_score(" 5.0 ", &k), 0);
    assert_int_equal(sheet_score("6", &k), -1);
    assert_int_equal(sheet_score("2.5", &k), -1);
    assert_int_equal(sheet_score("high", &k), -1);
    assert_true(sheet_is_excel_error("#NAME?"));
    assert_true(sheet_is_excel_error(" #VALUE! "));
    assert_true(sheet_is_excel_error("#DIV/0!"));
    assert_true(sheet_is_excel_error("########"));
    assert_false(sheet_is_excel_error("#2"));
    assert_false(sheet_is_excel_error("Amber"));
}

/* ---- a sheet exported and read back, in memory ------------------------------------------- */

static const char plan_yaml[] =
    "plan: {title: Sheet Plan, organisation: Test Council, updated: 2010-12-31}\n"
    "people: [{id: ann, name: Ann Able}]\n"
    "themes: [{ref: A, title: Alpha}]\n"
    "actions:\n"
    "  - {ref: A.1, theme: A, description: One, who: ann, start: 2010-04, due: 2010-11,\n"
    "     status: in-progress, progress: \"Under way; 50% done\",\n"
    "     milestones: [{title: First step, start: 2010-04, due: 2010-06, status: complete}]}\n"
    "  - {ref: A.2, theme: A, description: \"2010/11 review\", start: 2010-04, due: 2011-03,\n"
    "     status: not-started}\n"
    "risks:\n"
    "  - {ref: RK1, description: Staff leave, net: {likelihood: 3, impact: 4}, reviewed: 2010-12-01}\n"
    "indicators:\n"
    "  - {code: PI 1, description: Rent collected, unit: \"%\", targets: {2010/11 Q3: 97}}\n";

typedef struct {
    plan *p;
    analysis *an;
    strbuf csv;
    sheet_return r;
    sheet_changes c;
} round;

/* Exports sheet k as at 31 December 2010, applies edit (a function of the CSV text,
 * or NULL), reads it back and compares it with the plan; returns sheet_diff's result. */
static int round_trip(round *t, sheet_kind k, char *(*edit)(const char *), const fuzzy_date *date)
{
    memset(t, 0, sizeof *t);
    t->p = plan_load_buffer("plans/sheet/plan.yaml", plan_yaml, sizeof plan_yaml - 1, &D);
    assert_non_null(t->p);
    t->an = analyse(t->p, date_from_ymd(2010, 12, 31), NULL, NULL);
    sheet_write(t->an, k, "sheet", "x.csv", &t->csv, &D);
    char *text = edit ? edit(t->csv.data) : strdup(t->csv.data);
    int rc = read_csv(text, strlen(text));
    assert_int_equal(rc, 0);
    rc = sheet_return_read(&t->r, t->p, "sheet", &DOC, &D);
    if (rc == 0) rc = sheet_diff(t->p, &t->r, date, date_from_ymd(2026, 1, 1), &t->c, &D);
    free(text);
    return rc;
}

static void round_free(round *t)
{
    sheet_changes_free(&t->c);
    sheet_return_free(&t->r);
    sb_free(&t->csv);
    analysis_free(t->an);
    plan_free(t->p);
}

static char *replace(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    assert_non_null(at);
    size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
    return out;
}

TEST(an_unedited_sheet_changes_nothing)
{
    fuzzy_date q4 = {DATE_DAY, 2011, 3, 31, 0};
    for (int k = 0; k < SHEET__COUNT; k++) {
        round t;
        assert_int_equal(round_trip(&t, (sheet_kind)k, NULL, &q4), 0);
        assert_int_equal(t.c.n, 0);
        round_free(&t);
    }
    assert_int_equal(D.errors, 0);
}

static char *edit_status(const char *s)
{
    /* A.1: In progress -> Complete with a UK completion date, progress note rewritten */
    char *a = replace(s, "In progress,,Under way; 50% done,,", "complete ,,\"Done, at last\",15/02/2011,");
    return a;
}

TEST(an_edited_sheet_gives_exactly_the_edits)
{
    fuzzy_date q4 = {DATE_DAY, 2011, 3, 31, 0};
    round t;
    assert_int_equal(round_trip(&t, SHEET_ACTIONS, edit_status, &q4), 0);
    if (t.c.n != 1) fail_msg("entries: %zu%s", t.c.n, dump());
    const sheet_entry *e = &t.c.entries[0];
    assert_string_equal(e->action->ref, "A.1");
    assert_null(e->milestone);
    assert_int_equal(e->u.status, ENTERED_COMPLETE);
    assert_string_equal(e->u.progress, "Done, at last");
    assert_int_equal(e->u.completed.kind, DATE_DAY);
    assert_int_equal(e->u.completed.day, 15);
    assert_int_equal(e->u.rag, RAG_NONE);
    assert_false(e->has_revision);
    strbuf y = STRBUF_INIT;
    updates_yaml(&t.c, &t.r, "plans/sheet/plan.yaml", &y);
    assert_non_null(strstr(y.data, "\ndate: 2011-03-31\n"));
    assert_non_null(strstr(y.data, "  - ref: A.1  # row 4\n    status: complete\n"));
    assert_non_null(strstr(y.data, "    completed: 2011-02-15\n"));
    assert_non_null(strstr(y.data, "    progress: Done, at last\n"));
    /* the file loads with the plan and says what the sheet says */
    const char *names[] = {"u.yaml"}, *datas[] = {y.data};
    size_t lens[] = {y.len};
    diag_list d2;
    diag_init(&d2);
    plan *applied = plan_load_buffers("plans/sheet/plan.yaml", plan_yaml, sizeof plan_yaml - 1, 1,
                                      names, datas, lens, &d2);
    assert_non_null(applied);
    assert_int_equal(d2.errors + d2.warnings, 0);
    assert_int_equal(sheet_changes_check(applied, &t.c, &d2), 0);
    plan_free(applied);
    diag_free(&d2);
    sb_free(&y);
    round_free(&t);
}

static char *edit_due(const char *s) { return replace(s, "\"=\"\"November 2010\"\"\"", "30/11/2010"); }

TEST(a_changed_due_date_is_an_error_at_its_cell)
{
    fuzzy_date q4 = {DATE_DAY, 2011, 3, 31, 0};
    round t;
    assert_int_equal(round_trip(&t, SHEET_ACTIONS, edit_due, &q4), -1);
    if (!has_diag(DIAG_ERROR, 4, 7, "original due date")) fail_msg("%s", dump());
    round_free(&t);
}

/* A.1's row cut after Position, as a spreadsheet saves a row whose last cells are
 * blank: its Status cleared. */
static char *edit_clear_status(const char *s)
{
    const char *at = strstr(s, "In progress,,Under way");
    assert_non_null(at);
    const char *eol = strstr(at, "\r\n");
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    snprintf(out, n + 1, "%.*s%s", (int)(at - s), s, eol);
    return out;
}

TEST(a_status_cleared_in_a_row_cut_short_is_an_error)
{
    fuzzy_date q4 = {DATE_DAY, 2011, 3, 31, 0};
    round t;
    assert_int_equal(round_trip(&t, SHEET_ACTIONS, edit_clear_status, &q4), -1);
    if (!has_diag(DIAG_ERROR, 4, 9, "Status in I4 is blank")) fail_msg("%s", dump());
    round_free(&t);
}

static char *edit_actual(const char *s) { return replace(s, ",97,,,", ",97,96.5,,"); }

TEST(an_indicator_actual_and_the_date_it_is_reported)
{
    fuzzy_date q4 = {DATE_DAY, 2011, 3, 31, 0};
    round t;
    assert_int_equal(round_trip(&t, SHEET_INDICATORS, edit_actual, &q4), 0);
    assert_int_equal(t.c.n, 1);
    assert_true(t.c.entries[0].actual == 96.5);
    round_free(&t);
    /* without --date, the row needs an Update date of its own */
    assert_int_equal(round_trip(&t, SHEET_INDICATORS, edit_actual, NULL), -1);
    assert_true(has_diag(DIAG_ERROR, 4, 9, "no date for the update"));
    round_free(&t);
}

static char *edit_two_periods(const char *s)
{
    size_t n = strlen(s) + 128;
    char *out = malloc(n);
    snprintf(out, n, "%s,PI 1,,,Q1 2010/11,,96,,\r\n,PI 1,,,2010/11,,95,,\r\n", s);
    return out;
}

TEST(a_year_and_its_first_quarter_are_one_period)
{
    /* found by fuzz_sheet: the plan knows a period by its first day */
    fuzzy_date q4 = {DATE_DAY, 2011, 3, 31, 0};
    round t;
    assert_int_equal(round_trip(&t, SHEET_INDICATORS, edit_two_periods, &q4), -1);
    if (!has_diag(DIAG_ERROR, 6, 2, "same indicator and period as row 5")) fail_msg("%s", dump());
    round_free(&t);
}

TEST(yaml_scalars_read_back_as_written)
{
    const char *texts[] = {"plain words", "null", "~", "a: b", "# not a comment", "- dash",
                           "two\nlines", " edge ", "tab\there", "quote \"q\" and \\",
                           "x\xE2\x80\xA8y", "a long line of words that goes on well past the "
                           "width of a line so that it has to be folded somewhere sensible, twice "
                           "or more, without losing  double spaces or anything else"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        strbuf y = STRBUF_INIT;
        sb_puts(&y, "plan: {title: T, organisation: O, updated: 2010-12-31}\n"
                    "themes: [{ref: A, title: A}]\n"
                    "actions:\n  - ref: A.1\n    theme: A\n    description: d\n    progress: ");
        yaml_scalar(&y, texts[i], 4);
        sb_putc(&y, '\n');
        diag_list d2;
        diag_init(&d2);
        plan *p = plan_load_buffer("t.yaml", y.data, y.len, &d2);
        if (!p) fail_msg("%s did not load:\n%s", texts[i], y.data);
        schedule_view v = schedule_at(&p->actions[0].s, date_from_ymd(2011, 1, 1));
        if (strcmp(v.progress, texts[i]) != 0) fail_msg("wrote:\n%s\nread back: [%s]", y.data, v.progress);
        plan_free(p);
        diag_free(&d2);
        sb_free(&y);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(excel_csv_utf8_with_bom_crlf_and_quoted_cells, setup, teardown),
        cmocka_unit_test_setup_teardown(line_endings_lf_and_cr_and_no_final_newline, setup, teardown),
        cmocka_unit_test_setup_teardown(formula_cells_are_read_as_their_text, setup, teardown),
        cmocka_unit_test_setup_teardown(semicolons_tabs_utf16_and_windows_1252, setup, teardown),
        cmocka_unit_test_setup_teardown(what_the_reader_refuses_is_positioned, setup, teardown),
        cmocka_unit_test(column_names_are_the_spreadsheets),
        cmocka_unit_test_setup_teardown(cells_excel_would_change_are_written_as_text, setup, teardown),
        cmocka_unit_test_setup_teardown(written_cells_read_back_as_written, setup, teardown),
        cmocka_unit_test(dates_as_officers_and_excel_write_them),
        cmocka_unit_test(dates_that_do_not_read_say_why),
        cmocka_unit_test(status_and_rag_words_in_any_case_with_suggestions),
        cmocka_unit_test(numbers_scores_and_excel_errors),
        cmocka_unit_test_setup_teardown(an_unedited_sheet_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(an_edited_sheet_gives_exactly_the_edits, setup, teardown),
        cmocka_unit_test_setup_teardown(a_changed_due_date_is_an_error_at_its_cell, setup, teardown),
        cmocka_unit_test_setup_teardown(a_status_cleared_in_a_row_cut_short_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(an_indicator_actual_and_the_date_it_is_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(a_year_and_its_first_quarter_are_one_period, setup, teardown),
        cmocka_unit_test_setup_teardown(yaml_scalars_read_back_as_written, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
