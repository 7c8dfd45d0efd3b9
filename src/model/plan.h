/* plan.h - the model: a plan as loaded and resolved, before any analysis.
 *
 * Everything lives in the plan's arena. References are resolved to pointers by the
 * loader; each value that can be wrong keeps its source position for diagnostics. */
#ifndef TABLED_PLAN_H
#define TABLED_PLAN_H

#include <stddef.h>

#include "../util/arena.h"
#include "../util/diag.h"
#include "date.h"

typedef struct person person;
typedef struct theme theme;
typedef struct action action;

struct person {
    const char *id;
    const char *name;       /* defaults to id */
    const char *role, *phone, *email;
    srcpos pos;
};

typedef struct {
    const char *id, *title;
    fuzzy_date date;
    srcpos pos;
} source;

typedef struct {
    const char *ref, *text;
    source *source;
    srcpos pos;
} recommendation;

struct theme {
    const char *ref, *title, *description;
    person *lead;
    int priority;           /* 0 = not given */
    size_t index;           /* position in plan->themes */
    action **actions;       /* in plan order */
    size_t n_actions;
    srcpos pos;
};

typedef enum {
    ENTERED_NONE = 0,       /* not given: treated as in progress */
    ENTERED_NOT_STARTED,
    ENTERED_IN_PROGRESS,
    ENTERED_COMPLETE,
    ENTERED_CANCELLED
} entered_status;

/* An officer's stated RAG judgement, ordered from worst to best. */
typedef enum {
    RAG_NONE = 0,
    RAG_RED,
    RAG_AMBER,
    RAG_GREEN,
    RAG_COMPLETE
} stated_rag;

typedef struct {
    fuzzy_date date;        /* the new due date */
    fuzzy_date agreed;      /* when it was agreed (may be DATE_NONE) */
    const char *reason;
    srcpos pos;
} revision;

/* Fields that actions and milestones share. */
typedef struct {
    person **who;
    size_t n_who;
    fuzzy_date start, due, completed;
    revision *revisions;
    size_t n_revisions;
    entered_status status;
    stated_rag rag;
    const char *progress;
    srcpos pos, due_pos, rag_pos;
} schedule;

typedef struct {
    const char *title, *measure;
    schedule s;
    action *action;
} milestone;

struct action {
    const char *ref, *description, *measure, *resources;
    theme *theme;
    schedule s;
    milestone *milestones;
    size_t n_milestones;
    recommendation **recommendations;
    size_t n_recommendations;
    action **related;
    size_t n_related;
    size_t index;           /* position in plan->actions */
};

typedef enum { POLARITY_HIGHER = 0, POLARITY_LOWER } polarity;

typedef struct {
    fuzzy_date period;
    double value;
    srcpos pos;
} period_value;

typedef struct {
    const char *code, *description, *unit;
    polarity polarity;
    double tolerance;       /* percent of target; default 5 */
    theme *theme;
    int has_baseline;
    period_value baseline;
    period_value *targets, *actuals;    /* sorted by period */
    size_t n_targets, n_actuals;
    srcpos pos;
} indicator;

typedef struct {
    int likelihood, impact; /* 1-5; 0 = not given */
} risk_score;

typedef struct {
    const char *ref, *description, *consequence, *controls, *further_actions;
    theme *theme;
    person *owner;
    risk_score inherent, net;
    fuzzy_date reviewed, review_by;
    srcpos pos;
} risk;

typedef struct {
    const char *name;
    person *person;
} plan_role;

typedef struct {
    const char *file;
    const char *title, *organisation, *short_title;
    fuzzy_date updated;
    plan_role *roles;
    size_t n_roles;

    person *people;
    size_t n_people;
    source *sources;
    size_t n_sources;
    recommendation *recommendations;
    size_t n_recommendations;
    theme *themes;
    size_t n_themes;
    action *actions;
    size_t n_actions;
    indicator *indicators;
    size_t n_indicators;
    risk *risks;
    size_t n_risks;

    arena arena;            /* owns everything above */
} plan;

void plan_free(plan *p);
/* The date a plan's statuses stand at when no --as-at is given: its 'updated' date,
 * else today (SOURCE_DATE_EPOCH when set). */
day_t plan_default_as_at(const plan *p);

const char *entered_status_name(entered_status s);
const char *stated_rag_name(stated_rag r);

#endif
