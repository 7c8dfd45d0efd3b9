/* cmd_schema.c - tabled schema: the JSON Schema of a paper's front block.
 *
 * The plan and house-style schemas are fixed files (templates/schemas/); a paper's
 * front block depends on the front-sheet variants, which are data
 * (the .yaml files in templates/variants), so its schema is written from them: one
 * $defs entry per variant with its own fields and required keys, chosen by the
 * paper's `variant`.
 * Editors (yaml-language-server) and CI validators read it; the loader stays the
 * judge of what a schema cannot say (dates that do not exist, plans that are
 * missing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fileio.h"
#include "../util/json.h"
#include "cli.h"
#include "template_set.h"

/* Keys every front block may have (paper_load.c's common_keys), with their schemas
 * when optional (YAML null means absent, except for the keys that decide what is
 * published: plan, variant, as-at, since, exempt, numbering, previous-report) and when
 * required; a variant field of the
 * same name is checked as the common key. */
static const struct {
    const char *key, *optional, *required;
} common[] = {
    {"plan", "{\"type\": \"string\", \"description\": \"The plan the paper reports on, "
             "relative to the paper (default plan.yaml beside it).\"}", NULL},
    {"variant", "true", "true"}, /* the variant names are checked at the top */
    {"as-at", "{\"$ref\": \"#/$defs/period\", \"description\": \"The reporting date; a "
              "period means its last day.\"}", "{\"$ref\": \"#/$defs/period\"}"},
    {"since", "{\"$ref\": \"#/$defs/period\", \"description\": \"The previous report's "
              "date, for changes since it.\"}", "{\"$ref\": \"#/$defs/period\"}"},
    {"committee", "{\"$ref\": \"#/$defs/text-or-null\"}", "{\"$ref\": \"#/$defs/text\"}"},
    {"meeting", "{\"$ref\": \"#/$defs/day-or-null\", \"description\": \"The meeting date, a day.\"}",
     "{\"$ref\": \"#/$defs/day\", \"description\": \"The meeting date, a day.\"}"},
    {"item", "{\"$ref\": \"#/$defs/text-or-null\", \"description\": \"The agenda item.\"}",
     "{\"$ref\": \"#/$defs/text\"}"},
    {"report-of", "{\"$ref\": \"#/$defs/text-or-null\"}", "{\"$ref\": \"#/$defs/text\"}"},
    {"subject", "{\"$ref\": \"#/$defs/text\"}", "{\"$ref\": \"#/$defs/text\"}"},
    {"exempt", "{\"description\": \"Exempt under this paragraph (1-7) of Part 1 of Schedule "
               "12A to the Local Government Act 1972.\", \"anyOf\": [{\"type\": \"integer\", "
               "\"minimum\": 1, \"maximum\": 7}, {\"type\": \"string\", \"pattern\": "
               "\"^ *[1-7] *$\"}]}", NULL},
    {"previous-report", "{\"type\": \"string\", \"description\": \"The paper "
                        "presented last time, relative to this one: its as-at date (or meeting) is "
                        "this paper's since date.\"}", NULL},
    {"numbering", "{\"description\": \"full (1, 1.1), sections (1, 2) or none.\", \"anyOf\": "
                  "[{\"enum\": [\"full\", \"sections\", \"none\"]}, {\"type\": \"string\", "
                  "\"pattern\": \"^([Ff][Uu][Ll][Ll]|[Ss][Ee][Cc][Tt][Ii][Oo][Nn][Ss]|[Nn]"
                  "[Oo][Nn][Ee])$\"}]}", NULL},
};
#define N_COMMON (sizeof common / sizeof common[0])

/* Shared definitions: text is any YAML scalar but null (tabled reads every scalar as
 * text); dates as tabled reads them; "-or-null" where null means not given. */
static const char defs[] =
    "    \"text\": {\"type\": [\"string\", \"number\", \"boolean\"]},\n"
    "    \"text-or-null\": {\"type\": [\"string\", \"number\", \"boolean\", \"null\"]},\n"
    "    \"markdown\": {\"description\": \"Markdown text, or a list of paragraphs.\", "
    "\"anyOf\": [{\"$ref\": \"#/$defs/text\"}, {\"type\": \"array\", \"items\": {\"$ref\": "
    "\"#/$defs/text\"}}]},\n"
    "    \"markdown-or-null\": {\"anyOf\": [{\"$ref\": \"#/$defs/markdown\"}, {\"type\": "
    "\"null\"}]},\n"
    "    \"day\": {\"type\": \"string\", \"pattern\": "
    "\"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$\"},\n"
    "    \"day-or-null\": {\"anyOf\": [{\"$ref\": \"#/$defs/day\"}, {\"type\": \"null\"}]},\n"
    "    \"period\": {\"type\": \"string\", \"description\": \"2010-12-31, 2010-12, 2010/11 Q3 "
    "or 2010/11.\", \"pattern\": \"^([0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|"
    "[0-9]{4}/([0-9]{2}|[0-9]{4})( [Qq][1-4])?|[Qq][1-4] [0-9]{4}/([0-9]{2}|[0-9]{4}))$\"},\n"
    "    \"period-or-null\": {\"anyOf\": [{\"$ref\": \"#/$defs/period\"}, {\"type\": \"null\"}]}";

static int is_common(const char *key)
{
    for (size_t i = 0; i < N_COMMON; i++)
        if (!strcmp(common[i].key, key)) return 1;
    return 0;
}

static const variant_field *field_of(const variant *v, const char *key)
{
    for (size_t k = 0; k < v->n_fields; k++)
        if (!strcmp(v->fields[k].key, key)) return &v->fields[k];
    return NULL;
}

/* The schema of one variant field. */
static void field_schema(strbuf *o, const variant_field *f)
{
    const char *null = f->required ? "" : "-or-null"; /* null means not given */
    sb_puts(o, "{\"description\": ");
    json_escape(o, f->label);
    if (f->type == FIELD_DATE) {
        sb_printf(o, ", \"$ref\": \"#/$defs/period%s\"}", null);
    } else if (f->type == FIELD_TABLE) {
        sb_printf(o, ", \"type\": %s, \"items\": {\"type\": \"array\", \"minItems\": %zu, "
                     "\"maxItems\": %zu, \"items\": {\"$ref\": \"#/$defs/text\"}, \"description\": ",
                  f->required ? "\"array\"" : "[\"array\", \"null\"]", f->n_columns, f->n_columns);
        strbuf cols = STRBUF_INIT;
        sb_word_list(&cols, f->columns, f->n_columns, f->n_columns, NULL);
        json_escape(o, cols.data);
        sb_free(&cols);
        sb_puts(o, "}}");
    } else {
        sb_printf(o, ", \"$ref\": \"#/$defs/markdown%s\"}", null);
    }
}

static void write_schema(strbuf *o, const variant_set *vs)
{
    sb_puts(o, "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
               "  \"$id\": \"tabled-paper.schema.json\",\n"
               "  \"title\": \"tabled paper front block\",\n"
               "  \"description\": \"The YAML between the --- lines at the top of a paper. "
               "Written by 'tabled schema' from the front-sheet variants; regenerate it after "
               "adding or changing a variant.\",\n"
               "  \"type\": \"object\",\n  \"required\": [\"variant\", \"subject\"],\n"
               "  \"anyOf\": [{\"type\": \"object\", \"properties\": {\"as-at\": true}, \"required\": [\"as-at\"]},\n"
               "            {\"type\": \"object\", \"properties\": {\"meeting\": true}, \"required\": "
               "[\"meeting\"]}],\n"
               "  \"not\": {\"description\": \"since or previous-report, not both\", \"type\": "
               "\"object\", \"properties\": {\"since\": true, \"previous-report\": true}, "
               "\"required\": [\"since\", \"previous-report\"]},\n"
               "  \"properties\": {\n    \"variant\": {\"description\": \"The front sheet: a "
               "file in templates/variants.\", \"enum\": [");
    for (size_t i = 0; i < vs->n; i++) {
        if (i) sb_puts(o, ", ");
        json_escape(o, vs->items[i].name);
    }
    sb_puts(o, "]}");
    /* The keys every variant has (each variant's $defs entry says the rest). */
    for (size_t k = 0; k < N_COMMON; k++) {
        if (!strcmp(common[k].key, "variant")) continue;
        sb_puts(o, ",\n    ");
        json_escape(o, common[k].key);
        sb_puts(o, ": ");
        sb_puts(o, !strcmp(common[k].key, "subject") ? common[k].required : common[k].optional);
    }
    sb_puts(o, "\n  },\n  \"allOf\": [");
    for (size_t i = 0; i < vs->n; i++) {
        sb_puts(o, i ? ",\n    " : "\n    ");
        sb_puts(o, "{\"if\": {\"type\": \"object\", \"properties\": {\"variant\": {\"const\": ");
        json_escape(o, vs->items[i].name);
        sb_puts(o, "}}, \"required\": [\"variant\"]}, \"then\": {\"$ref\": ");
        strbuf ref = STRBUF_INIT;
        sb_printf(&ref, "#/$defs/variant-%s", vs->items[i].name);
        json_escape(o, ref.data);
        sb_free(&ref);
        sb_puts(o, "}}");
    }
    sb_puts(o, "\n  ],\n  \"$defs\": {\n");
    for (size_t i = 0; i < vs->n; i++) {
        const variant *v = &vs->items[i];
        strbuf name = STRBUF_INIT;
        sb_printf(&name, "variant-%s", v->name);
        sb_puts(o, "    ");
        json_escape(o, name.data);
        sb_free(&name);
        sb_puts(o, ": {\n      \"description\": ");
        strbuf d = STRBUF_INIT;
        const char *base = strrchr(v->file, '/');
        sb_printf(&d, "The %s front sheet (variants/%s).", v->name, base ? base + 1 : v->file);
        json_escape(o, d.data);
        sb_free(&d);
        sb_puts(o, ",\n      \"type\": \"object\",\n      \"properties\": {");
        int first = 1;
        for (size_t k = 0; k < N_COMMON; k++) {
            sb_puts(o, first ? "\n        " : ",\n        ");
            first = 0;
            json_escape(o, common[k].key);
            sb_puts(o, ": ");
            const variant_field *f = field_of(v, common[k].key);
            int req = (f && f->required) || !strcmp(common[k].key, "subject");
            sb_puts(o, req && common[k].required ? common[k].required : common[k].optional);
        }
        for (size_t k = 0; k < v->n_fields; k++) {
            if (is_common(v->fields[k].key)) continue;
            sb_puts(o, ",\n        ");
            json_escape(o, v->fields[k].key);
            sb_puts(o, ": ");
            field_schema(o, &v->fields[k]);
        }
        sb_puts(o, "\n      },\n      \"required\": [");
        int n = 0;
        for (size_t k = 0; k < v->n_fields; k++) {
            if (!v->fields[k].required) continue;
            if (n++) sb_puts(o, ", ");
            json_escape(o, v->fields[k].key);
        }
        sb_puts(o, "],\n      \"additionalProperties\": false\n    },\n");
    }
    sb_puts(o, defs);
    sb_puts(o, "\n  }\n}\n");
}

int cmd_schema(int argc, char **argv)
{
    opt_iter it;
    opt_init(&it, "schema", argc, argv);
    template_cache tc = {NULL, NULL, NULL, 0};
    const char *output = NULL;
    const char *o;
    while ((o = opt_next(&it))) {
        int common_opt = opt_common(&it, o);
        if (common_opt < 0) goto usage;
        if (common_opt) continue;
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help("schema");
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "templates")) {
            if (!(tc.templates_opt = opt_value(&it, o))) goto usage;
        } else if (!strcmp(o, "o") || !strcmp(o, "output")) {
            if (!(output = opt_value(&it, o))) goto usage;
        } else {
            usage_error("schema", "unknown option '%s'", argv[it.i - 1]);
            goto usage;
        }
    }
    if (it.npositional) {
        usage_error("schema", "no arguments expected; the variants come from the templates");
        goto usage;
    }
    diag_list diags;
    diag_init(&diags);
    /* The variants of the project the current folder is in (then the installed ones). */
    template_set *ts = templates_for(&tc, ".", TS_VARIANTS, &diags);
    int status = EXIT_OK;
    if (ts) {
        strbuf out = STRBUF_INIT;
        write_schema(&out, &ts->variants);
        if (output) {
            if (write_file_atomic(output, out.data, out.len) != 0)
                diag_error(&diags, make_pos(output, 0, 0), "cannot write the schema");
        } else {
            fwrite(out.data, 1, out.len, stdout);
            if (fflush(stdout) != 0) status = EXIT_INPUT;
        }
        sb_free(&out);
    }
    diag_print(&diags, stderr, 0);
    if (diags.errors) status = EXIT_INPUT;
    diag_free(&diags);
    template_cache_free(&tc);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}
