/* labels.h - the words every output uses for statuses, dates and people, so the
 * terminal, JSON, HTML and PDF say the same thing. Formatting only: no domain rules. */
#ifndef TABLED_LABELS_H
#define TABLED_LABELS_H

#include "../analysis/analysis.h"
#include "../util/strbuf.h"

/* The order statuses are listed in, everywhere: roll-up tables, the index, the
 * terminal, JSON and CSV. */
extern const status_kind status_order[STATUS__COUNT];

/* "Overdue: 40 days", "Rescheduled", "On target", ... */
void label_status(strbuf *out, derived_status s);
/* "reported Green; 40 days overdue" for an optimistic row, else nothing. */
void label_optimistic(strbuf *out, const schedule *s, derived_status d);
/* "December 2010, revised March 2011" (original then each shown revision); with
 * short_dates "Dec 2010, revised Mar 2011", for narrow terminal columns. */
void label_when(strbuf *out, const schedule *s, const revision *const *revs, size_t n,
                int short_dates);
/* "Web Manager / HSM" */
void label_who(strbuf *out, const schedule *s);
/* "40%" or "-" */
void label_percent(strbuf *out, int percent);
/* Comma-joined names of the EXC_* bits: "overdue, reported Red" */
void label_reasons(strbuf *out, unsigned reasons);

#endif
