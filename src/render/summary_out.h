/* summary_out.h - roll-up and exception reports as terminal text, JSON and CSV. */
#ifndef TABLED_SUMMARY_OUT_H
#define TABLED_SUMMARY_OUT_H

#include "../analysis/analysis.h"
#include "../util/json.h"
#include "../util/strbuf.h"

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV } out_format;

void rollup_text(const analysis *an, strbuf *out, int width, int color);
void rollup_json(const analysis *an, strbuf *out);
/* The roll-up as a JSON object at the writer's position (a value, or a key's). */
void rollup_json_write(json_writer *w, const analysis *an);
void rollup_csv(const analysis *an, strbuf *out);

void exceptions_text(const analysis *an, strbuf *out, int width, int color);
void exceptions_json(const analysis *an, strbuf *out);
void exceptions_csv(const analysis *an, strbuf *out);

/* Changes since the previous report (changes_out.c); the analysis has since. */
void changes_text(const analysis *an, strbuf *out, int width, int color);
void changes_json(const analysis *an, strbuf *out);
void changes_csv(const analysis *an, strbuf *out);

/* Shared by the summaries: "WHAT: plan, organisation / As at T; since P" and the same
 * facts as JSON keys; a date as an ISO string key (null when not given). */
void summary_heading(const analysis *an, strbuf *out, const char *what, int width, int color);
/* text wrapped to width columns, a line each, bold when asked */
void summary_wrapped(strbuf *out, const char *text, int width, int bold);
void summary_json_header(json_writer *w, const analysis *an);
void summary_json_date(json_writer *w, const char *key, fuzzy_date d);

#endif
