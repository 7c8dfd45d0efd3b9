/* test_project_root.c - the project root (domain rules, section 9): the nearest folder
 * at or above an input holding templates/, and the containment check that keeps
 * images and other named files inside it (symbolic links followed). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/project_root.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static char top[256]; /* a temporary tree: top/proj/{templates,plans/p/plan.yaml}, top/outside.png */

static void touch(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("x", f);
    fclose(f);
}

static char *at(const char *rel)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", top, rel);
    return buf[k];
}

static int setup(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/tabled-root-XXXXXX";
    char *d = mkdtemp(tmpl);
    if (!d) return -1;
    char *real = realpath(d, NULL);
    snprintf(top, sizeof top, "%s", real);
    free(real);
    mkdir(at("proj"), 0755);
    mkdir(at("proj/templates"), 0755);
    mkdir(at("proj/plans"), 0755);
    mkdir(at("proj/plans/p"), 0755);
    mkdir(at("proj/plans/p/img"), 0755);
    touch(at("proj/plans/p/plan.yaml"));
    touch(at("proj/plans/p/img/logo.png"));
    touch(at("outside.png"));
    if (symlink(at("outside.png"), at("proj/plans/p/img/link.png")) != 0) return -1;
    if (symlink(at("proj/plans/p/img/logo.png"), at("proj/plans/p/img/inner.png")) != 0) return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    return system(cmd) == 0 ? 0 : -1;
}

TEST(root_of_a_plan_is_the_folder_holding_templates)
{
    char *r = project_root_find(at("proj/plans/p/plan.yaml"));
    assert_non_null(r);
    assert_string_equal(r, at("proj"));
    free(r);
}

TEST(root_of_a_folder_and_of_the_root_itself)
{
    char *r = project_root_find(at("proj/plans/p"));
    assert_non_null(r);
    assert_string_equal(r, at("proj"));
    free(r);
    r = project_root_find(at("proj"));
    assert_non_null(r);
    assert_string_equal(r, at("proj"));
    free(r);
}

TEST(no_root_above_a_file_outside_any_project)
{
    assert_null(project_root_find(at("outside.png")));
    assert_null(project_root_find(at("proj/no-such-file.md")));
}

TEST(files_inside_the_root_are_contained)
{
    char *canon = NULL;
    assert_int_equal(project_root_contains(at("proj"), at("proj/plans/p/img/logo.png"), &canon), 1);
    assert_string_equal(canon, at("proj/plans/p/img/logo.png"));
    free(canon);
    /* a link that stays inside is fine, and resolves to its target */
    assert_int_equal(project_root_contains(at("proj"), at("proj/plans/p/img/inner.png"), &canon), 1);
    assert_string_equal(canon, at("proj/plans/p/img/logo.png"));
    free(canon);
}

TEST(dot_dot_absolute_paths_and_links_out_are_not_contained)
{
    char *canon = (char *)1;
    assert_int_equal(project_root_contains(at("proj"), at("proj/plans/p/../../../outside.png"), &canon), 0);
    assert_null(canon);
    assert_int_equal(project_root_contains(at("proj"), at("outside.png"), NULL), 0);
    assert_int_equal(project_root_contains(at("proj"), at("proj/plans/p/img/link.png"), NULL), 0);
    assert_int_equal(project_root_contains(at("proj"), "/etc/passwd", NULL), 0);
}

TEST(a_sibling_with_the_same_prefix_is_not_inside)
{
    mkdir(at("proj2"), 0755);
    touch(at("proj2/x.png"));
    assert_int_equal(project_root_contains(at("proj"), at("proj2/x.png"), NULL), 0);
}

TEST(missing_files_are_not_contained)
{
    assert_int_equal(project_root_contains(at("proj"), at("proj/plans/p/missing.png"), NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(root_of_a_plan_is_the_folder_holding_templates),
        cmocka_unit_test(root_of_a_folder_and_of_the_root_itself),
        cmocka_unit_test(no_root_above_a_file_outside_any_project),
        cmocka_unit_test(files_inside_the_root_are_contained),
        cmocka_unit_test(dot_dot_absolute_paths_and_links_out_are_not_contained),
        cmocka_unit_test(a_sibling_with_the_same_prefix_is_not_inside),
        cmocka_unit_test(missing_files_are_not_contained),
    };
    return cmocka_run_group_tests_name("project_root", tests, setup, teardown);
}
