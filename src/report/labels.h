/* labels.h - the words every output uses for statuses, dates and people, so the
 * terminal, JSON, HTML and PDF say the same thing. Formatting only: no domain rules. */
#ifndef TABLED_LABELS_H
#define TABLED_LABELS_H

#include "../analysis/analysis.h"
#include "../model/house.h"
#include "../util/strbuf.h"

/* The order statuses are listed in, everywhere: roll-up tables, the index, the
 * terminal, JSON and CSV. */
extern const status_kind status_order[STATUS__COUNT];

/* A date as the house prints it: "24 November 2010" (DATES_LONG) or "24 Nov 2010"
 * (DATES_SHORT); quarters, years and "ongoing" the same in both. */
void label_date(date_style style, fuzzy_date d, char *buf, size_t len);

/* The original due date in the plan's words: "November 2009", "October 2010 and
 * ongoing", "Must be fully implemented by November 2009"; nothing when it has none. */
void label_due(strbuf *out, date_style style, const schedule *s);
/* "Overdue: 40 days", "Rescheduled", "On target", ... */
/* A milestone's title with its due date in brackets, unless the title already says
 * that date (in either date style), and who does it when not the action's people:
 * "Publicise new forms (November 2010; HSM / HPO)". */
void label_milestone(strbuf *out, date_style style, const milestone *m, fuzzy_date due);
void label_status(strbuf *out, derived_status s);
/* "reported Green; 40 days overdue" for an optimistic row, else nothing. */
void label_optimistic(strbuf *out, derived_status d);
/* Why an exception row is listed, when its status does not say: "reported Green; 40
 * days overdue" for an optimistic row, "reported Amber" for one listed only for the
 * officer's RAG; else nothing. */
void label_exception_flag(strbuf *out, const exception_row *row);
/* "December 2010, revised March 2011 (agreed 15 December 2010)" (original then each
 * revision); revisions from first_new on are marked "new" (agreed since the previous
 * report). With short_dates "Dec 2010, revised Mar 2011", for narrow terminal columns. */
void label_when(strbuf *out, const schedule *s, const revision *const *revs, size_t n,
                size_t first_new, int short_dates);
/* "Web Manager / HSM" */
void label_who(strbuf *out, const schedule *s);
/* "40%" or "-" */
void label_percent(strbuf *out, int percent);
/* Comma-joined names of the EXC_* bits: "overdue, reported Red" */
void label_reasons(strbuf *out, unsigned reasons);
/* An indicator value in its unit: "96.5%", "£12", "17 days", "4". */
void label_value(strbuf *out, double v, const char *unit);
/* A value as written in the plan ("95.50%": the decimals written are kept). */
void label_period_value(strbuf *out, const period_value *v, const char *unit);
/* A risk score: "4 × 3 = 12", or "-" when not scored. */
void label_score(strbuf *out, risk_score s);
/* The words of a risk matrix's scales (seed 000, Annex D): likelihood 1 Remote ...
 * 5 Highly probable; impact 1 Insignificant ... 5 Critical. */
const char *label_likelihood(int l);
const char *label_impact(int i);

/* Changes since the previous report (analysis/changes.h): */
/* the reference and the item's description ("Milestone: title" for a milestone); */
const char *change_ref(const change_row *r);
const char *change_item(const change_row *r);
/* the state as at P (after = 0) or as at T: "Overdue: 12 days", "Due March 2011",
 * "Reported Amber", "High (4 × 4 = 16)", "Met: 96.2% (Q1 2010/11)", and its colour; */
void label_change_state(strbuf *out, const change_row *r, int after, date_style ds);
rag_level change_state_level(const change_row *r, int after);
/* what changed, beyond the two states: "92 days later; agreed 15 December 2010",
 * "worse", "better" ("" when the states say it all). */
void label_change_detail(strbuf *out, const change_row *r, date_style ds);

#endif
