/* test_hardening.c - issue 8 at the level of the functions: list loaders never reuse a
 * skipped entry's slot, images are decoded in full by us and refused when they do not
 * decode or claim too much, block options given twice or empty are errors, only
 * regular files are read, diagnostics are capped per file, invisible characters are
 * found. Run normally and under ASan/UBSan (where the arena reports overflows). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <libdeflate.h>

#include "load/paper_load.h"
#include "load/plan_load.h"
#include "report/build_ctx.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/image_decode.h"
#include "util/utf8.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static const char *has(const diag_list *d, const char *needle)
{
    for (size_t i = 0; i < d->len; i++)
        if (strstr(d->items[i].message, needle)) return d->items[i].message;
    return NULL;
}

/* ---- 1. list loaders ------------------------------------------------------------------- */

/* Entries skipped for a missing or duplicate key come first and carry arrays (who,
 * milestones, revisions, series); the valid entries after them must get none of it. */
static const char *skipped_yaml =
    "plan: {title: T, organisation: O}\n"
    "people:\n"
    "  - name: No id\n"
    "  - {id: ann, name: Ann}\n"
    "  - {id: bob, name: Bob}\n"
    "  - {id: cat, name: Cat}\n"
    "sources:\n"
    "  - title: No id\n"
    "  - {id: s1, title: Source}\n"
    "recommendations:\n"
    "  - text: No ref\n"
    "  - {ref: R1, source: s1, text: One}\n"
    "themes:\n"
    "  - {title: No ref, lead: ann}\n"
    "  - {ref: A, title: Theme A, lead: ann}\n"
    "actions:\n"
    "  - description: No ref, but three owners, two milestones and two revisions\n"
    "    theme: A\n"
    "    who: [ann, bob, cat]\n"
    "    due: 2010-03\n"
    "    revisions: [{date: 2010-06}, {date: 2010-09}]\n"
    "    milestones:\n"
    "      - {title: M1, due: 2010-01, who: [ann, bob, cat]}\n"
    "      - {title: M2, due: 2010-02}\n"
    "  - ref: A.1\n"
    "    theme: A\n"
    "    description: One\n"
    "    who: ann\n"
    "    due: 2010-03\n"
    "  - ref: A.1\n"
    "    theme: A\n"
    "    description: A duplicate with owners and milestones\n"
    "    who: [ann, bob, cat]\n"
    "    milestones: [{title: X}, {title: Y}, {title: Z}]\n"
    "  - ref: A.2\n"
    "    theme: A\n"
    "    description: Two\n"
    "    who: bob\n"
    "    due: 2010-04\n"
    "indicators:\n"
    "  - description: No code\n"
    "    targets: {2009/10: 1, 2010/11: 2, 2011/12: 3}\n"
    "  - {code: I1, description: One, targets: {2009/10: 5}}\n"
    "risks:\n"
    "  - description: No ref\n"
    "    owner: ann\n"
    "  - {ref: RK1, description: One, owner: bob}\n";

TEST(test_skipped_entries_leave_nothing_behind)
{
    diag_list d;
    diag_init(&d);
    setenv("SOURCE_DATE_EPOCH", "1798761600", 1);
    /* The plan has errors, so the loader returns NULL. What matters is that no entry
     * writes past the arrays made for it: under ASan the arena reports any such write. */
    plan *p = plan_load_buffer("t.yaml", skipped_yaml, strlen(skipped_yaml), &d);
    assert_null(p);
    assert_non_null(has(&d, "has no 'ref'"));
    assert_non_null(has(&d, "duplicate action 'A.1'"));
    diag_free(&d);
}

/* Variant fields: a field without a key, required and a table, is skipped; the next
 * field must not inherit its type or flags. */
TEST(test_skipped_variant_field)
{
    char dir[] = "/tmp/tabled-variant-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/v.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("name: v\nfields:\n"
          "  - {label: No key, type: table, columns: [A, B], required: true, place: end}\n"
          "  - {key: extra, label: Extra}\n",
          f);
    fclose(f);
    variant_set set;
    diag_list d;
    diag_init(&d);
    assert_int_equal(variants_load(&set, dir, &d), -1); /* the missing key */
    assert_int_equal(set.n, 1);
    assert_int_equal(set.items[0].n_fields, 1);
    const variant_field *vf = &set.items[0].fields[0];
    assert_string_equal(vf->key, "extra");
    assert_int_equal(vf->required, 0);
    assert_int_equal(vf->type, FIELD_TEXT);
    assert_int_equal(vf->at_end, 0);
    variants_free(&set);
    diag_free(&d);
    unlink(path);
    rmdir(dir);
}

/* ---- 2. images ---------------------------------------------------------------------------- */

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static size_t chunk(unsigned char *out, const char *type, const unsigned char *data, size_t n)
{
    put32(out, (uint32_t)n);
    memcpy(out + 4, type, 4);
    if (n) memcpy(out + 8, data, n);
    put32(out + 8 + n, libdeflate_crc32(0, out + 4, n + 4));
    return n + 12;
}

/* A PNG of w x h, colour type ctype (8-bit), raw: the filtered scanlines. */
static unsigned char *make_png(uint32_t w, uint32_t h, int ctype, const unsigned char *raw,
                               size_t rawn, size_t *len)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
    size_t zcap = libdeflate_zlib_compress_bound(c, rawn);
    unsigned char *z = malloc(zcap);
    size_t zn = libdeflate_zlib_compress(c, raw, rawn, z, zcap);
    libdeflate_free_compressor(c);
    unsigned char *png = malloc(zn + 100);
    memcpy(png, "\x89PNG\r\n\x1a\n", 8);
    unsigned char ihdr[13] = {0};
    put32(ihdr, w);
    put32(ihdr + 4, h);
    ihdr[8] = 8;
    ihdr[9] = (unsigned char)ctype;
    size_t n = 8;
    n += chunk(png + n, "IHDR", ihdr, 13);
    n += chunk(png + n, "IDAT", z, zn);
    n += chunk(png + n, "IEND", NULL, 0);
    free(z);
    *len = n;
    return png;
}

TEST(test_png_decoded)
{
    /* 2 x 2 RGB: red, green / blue, white */
    const unsigned char raw[] = {0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255};
    size_t n;
    unsigned char *png = make_png(2, 2, 2, raw, sizeof raw, &n);
    decoded_image img;
    const char *why = NULL;
    assert_int_equal(image_decode(png, n, &img, &why), 0);
    assert_int_equal(img.width, 2);
    assert_int_equal(img.height, 2);
    assert_int_equal(img.channels, 3);
    assert_null(img.alpha);
    assert_memory_equal(img.pixels, "\xff\x00\x00\x00\xff\x00\x00\x00\xff\xff\xff\xff", 12);
    image_release(&img);
    free(png);
}

TEST(test_png_alpha_kept_only_when_used)
{
    const unsigned char opaque[] = {0, 10, 255, 20, 255};     /* grey+alpha, 2 x 1 */
    const unsigned char seethrough[] = {0, 10, 128, 20, 255};
    size_t n;
    decoded_image img;
    const char *why;
    unsigned char *png = make_png(2, 1, 4, opaque, sizeof opaque, &n);
    assert_int_equal(image_decode(png, n, &img, &why), 0);
    assert_int_equal(img.channels, 1);
    assert_null(img.alpha);
    image_release(&img);
    free(png);
    png = make_png(2, 1, 4, seethrough, sizeof seethrough, &n);
    assert_int_equal(image_decode(png, n, &img, &why), 0);
    assert_non_null(img.alpha);
    assert_int_equal(img.alpha[0], 128);
    image_release(&img);
    free(png);
}

TEST(test_png_bad_filter_byte)
{
    /* A scanline filter byte of 7: libpng stops with an error; it must come back to us
     * (libharu's loader let libpng abort the process). */
    const unsigned char raw[] = {7, 1, 2, 3, 4, 5, 6};
    size_t n;
    unsigned char *png = make_png(2, 1, 2, raw, sizeof raw, &n);
    const char *why = NULL;
    decoded_image img;
    assert_int_equal(image_decode(png, n, &img, &why), -1);
    assert_non_null(strstr(why, "does not decode"));
    assert_null(img.pixels);
    free(png);
}

TEST(test_png_claims_too_much)
{
    /* 10000 x 1600 pixels from a few bytes: refused before anything is allocated */
    unsigned char raw[100] = {0};
    size_t n;
    unsigned char *png = make_png(10000, 1600, 6, raw, sizeof raw, &n);
    const char *why = NULL;
    assert_int_equal(image_decode(png, n, NULL, &why), -1);
    assert_non_null(strstr(why, "too little image data"));
    free(png);
    png = make_png(20000, 20000, 0, raw, sizeof raw, &n);
    assert_int_equal(image_decode(png, n, NULL, &why), -1);
    assert_non_null(strstr(why, "too large"));
    free(png);
}

TEST(test_image_not_an_image)
{
    const char *why = NULL;
    assert_int_equal(image_decode((const unsigned char *)"GIF89a....", 10, NULL, &why), -1);
    assert_non_null(strstr(why, "not a PNG or JPEG"));
    /* a JPEG start and nothing after it */
    assert_int_equal(image_decode((const unsigned char *)"\xff\xd8\xff\xe0\x00\x10JFIF", 10, NULL, &why), -1);
}

/* ---- 5. regular files only ------------------------------------------------------------------ */

TEST(test_fifo_refused_at_once)
{
    char path[] = "/tmp/tabled-fifo-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    char *data;
    size_t len;
    const char *why = NULL;
    time_t t0 = time(NULL);
    assert_int_equal(read_file(path, 1024, &data, &len, &why), -1); /* no writer: no wait */
    assert_true(time(NULL) - t0 < 3);
    assert_non_null(strstr(why, "not a regular file"));
    unlink(path);
}

/* ---- 13. block options ---------------------------------------------------------------------- */

static int option_errors(const char *info, diag_list *d)
{
    rdoc *doc = rdoc_new();
    build_ctx b;
    memset(&b, 0, sizeof b);
    b.d = doc;
    b.diags = d;
    opt_list o;
    static const char *const allowed[] = {"theme", "caption", "columns"};
    int bad = opts_parse(doc, info, &o) != 0 ? -1
              : opts_check(&b, &o, allowed, 3, "the block", make_pos("p.md", 3, 1));
    rdoc_free(doc);
    return bad;
}

TEST(test_block_options)
{
    diag_list d;
    diag_init(&d);
    assert_int_equal(option_errors("rollup theme=A caption=\"a b\"", &d), 0);
    assert_int_equal(option_errors("rollup theme=A theme=B", &d), 1);
    assert_non_null(has(&d, "option 'theme' is given twice"));
    assert_int_equal(option_errors("exceptions columns=", &d), 1);
    assert_non_null(has(&d, "option 'columns=' for the block has no value"));
    assert_int_equal(option_errors("rollup caption=\"\"", &d), 1);
    diag_free(&d);
}

TEST(test_only_block_names_are_computed)
{
    const char *near = "x";
    assert_int_equal(is_computed_block("text", &near), 0);
    assert_null(near);
    assert_int_equal(is_computed_block("ruby", &near), 0);
    assert_int_equal(is_computed_block("exceptons", &near), 0);
    assert_string_equal(near, "exceptions");
    assert_int_equal(is_computed_block("rollup theme=A", &near), 1);
    assert_int_equal(is_computed_block("  plan", &near), 1);
    assert_int_equal(is_computed_block("planning", &near), 0);
}

/* ---- 11, 14. invisible characters, the diagnostic cap ------------------------------------ */

TEST(test_invisible_characters)
{
    uint32_t cp = 0;
    const char *s = "pay \xE2\x80\xAE" "4321";
    assert_int_equal(utf8_find_invisible(s, strlen(s), &cp), 4);
    assert_int_equal(cp, 0x202E);
    assert_true(utf8_is_bidi_control(cp));
    s = "zero\xE2\x80\x8Bwidth";
    assert_int_equal(utf8_find_invisible(s, strlen(s), &cp), 4);
    assert_false(utf8_is_bidi_control(cp));
    s = "caf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x99 plain";
    assert_int_equal(utf8_find_invisible(s, strlen(s), &cp), (size_t)-1);
    diag_list d;
    diag_init(&d);
    assert_int_equal(diag_invisible(&d, make_pos("p.md", 7, 3), "pay \xE2\x80\xAE" "4321"), 1);
    assert_int_equal(d.items[0].pos.col, 7);
    assert_non_null(strstr(d.items[0].message, "RIGHT-TO-LEFT OVERRIDE"));
    diag_free(&d);
}

TEST(test_diagnostics_capped_per_file)
{
    diag_list d;
    diag_init(&d);
    for (int i = 0; i < 1000; i++) diag_error(&d, make_pos("a.yaml", i + 1, 1), "error %d", i);
    for (int i = 0; i < 5; i++) diag_warning(&d, make_pos("b.yaml", i + 1, 1), "warning %d", i);
    assert_int_equal(d.len, DIAG_MAX_PER_FILE + 5);
    assert_int_equal(d.errors, 1000);
    assert_int_equal(d.warnings, 5);
    assert_false(diag_would_show(&d, "a.yaml"));
    assert_true(diag_would_show(&d, "b.yaml"));
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    diag_print(&d, f, 0);
    fclose(f);
    assert_non_null(strstr(buf, "a.yaml: note: 800 more errors and warnings in this file are not shown\nb.yaml:1:1"));
    free(buf);
    diag_free(&d);
}

TEST(test_folder_names_never_dot)
{
    char *s = parent_dir_name("./plan.yaml");
    assert_string_not_equal(s, ".");
    free(s);
    s = parent_dir_name("x/../plan.yaml");
    assert_string_not_equal(s, "..");
    free(s);
    s = parent_dir_name("plans/norwich-hip/plan.yaml");
    assert_string_equal(s, "norwich-hip");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skipped_entries_leave_nothing_behind),
        cmocka_unit_test(test_skipped_variant_field),
        cmocka_unit_test(test_png_decoded),
        cmocka_unit_test(test_png_alpha_kept_only_when_used),
        cmocka_unit_test(test_png_bad_filter_byte),
        cmocka_unit_test(test_png_claims_too_much),
        cmocka_unit_test(test_image_not_an_image),
        cmocka_unit_test(test_fifo_refused_at_once),
        cmocka_unit_test(test_block_options),
        cmocka_unit_test(test_only_block_names_are_computed),
        cmocka_unit_test(test_invisible_characters),
        cmocka_unit_test(test_diagnostics_capped_per_file),
        cmocka_unit_test(test_folder_names_never_dot),
    };
    return cmocka_run_group_tests_name("hardening", tests, NULL, NULL);
}
