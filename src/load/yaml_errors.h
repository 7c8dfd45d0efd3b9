/* yaml_errors.h - libyaml's syntax errors in words a clerk can act on.
 *
 * libyaml says "mapping values are not allowed in this context" or "found a tab
 * character that violates indentation"; a clerk needs "text containing ': ' must be in
 * quotes: write title: "Housing: the plan"" at the line and column that show it. This
 * looks at the text around libyaml's marks to tell the usual mistakes apart. */
#ifndef TABLED_YAML_ERRORS_H
#define TABLED_YAML_ERRORS_H

#include <stddef.h>

#include "../util/diag.h"
#include "../util/strbuf.h"

/* A libyaml parser error: its problem and context strings (either may be NULL) and
 * their marks (0-based line and column, in characters). */
typedef struct {
    const char *problem, *context;
    size_t problem_line, problem_col;
    size_t context_line, context_col;
    int has_context;
} yaml_syntax_error;

/* Writes the message for e to msg and its position (file, 1-based) to *pos. data and
 * len are the whole document, for reading the lines the marks point at. */
void yaml_explain_error(const yaml_syntax_error *e, const char *file, const char *data,
                        size_t len, srcpos *pos, strbuf *msg);

#endif
