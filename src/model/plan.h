/* plan.h - the model: a plan as loaded and resolved, before any analysis.
 *
 * Everything lives in the plan's arena. References are resolved to pointers by the
 * loader; each value that can be wrong keeps its source position for diagnostics. */
#ifndef TABLED_PLAN_H
#define TABLED_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"
#include "../util/diag.h"
#include "../util/strbuf.h"
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

/* When an entry counts as entered (domain rules, section 3a): a day. Undated values
 * count from the plan's 'updated' date; with no such date they are known at any date. */
#define DAY_ALWAYS INT32_MIN    /* known at every date */
#define DAY_NEVER INT32_MAX     /* never happens (a risk not closed) */

typedef struct {
    fuzzy_date date;        /* the new due date */
    fuzzy_date agreed;      /* when it was agreed, as written (may be DATE_NONE) */
    day_t known;            /* when it counts as entered: agreed, the date of the update
                             * that reported it, or the plan's updated date */
    const char *reason;
    srcpos pos;
} revision;

/* A dated report on an action or milestone: what it says as at its date. Each field is
 * optional; one not given keeps the value of the previous update. The simple undated
 * form (status, rag, progress and completed on the action itself) is one update with
 * date DATE_NONE, known from the plan's updated date. */
typedef struct {
    fuzzy_date date;        /* the date it reports on, as written; DATE_NONE if undated */
    day_t known;            /* when it counts as entered */
    entered_status status;  /* ENTERED_NONE: not given */
    stated_rag rag;         /* RAG_NONE: not given */
    const char *progress;   /* NULL: not given */
    fuzzy_date completed;   /* DATE_NONE: not given */
    const char *reopened;   /* why a complete or cancelled item is open again */
    srcpos pos, rag_pos;
} schedule_update;

/* How a due date is worded where it is printed, as the plan's paper wrote it. */
typedef enum {
    DUE_AS_DATE = 0,        /* "November 2009" */
    DUE_AND_ONGOING,        /* "October 2010 and ongoing" (seed 004): the work goes on */
    DUE_DEADLINE            /* "Must be fully implemented by November 2009" (seed 000) */
} due_wording;

/* Values an example plan made up where its seed gives none ('illustrative: [start,
 * due, status, rag, who]' in the plan): printed with a mark, never as the council's. */
enum {
    ILLUSTRATIVE_START = 1,
    ILLUSTRATIVE_DUE = 2,
    ILLUSTRATIVE_STATUS = 4,    /* the entered status and progress */
    ILLUSTRATIVE_RAG = 8,       /* the officer's RAG */
    ILLUSTRATIVE_WHO = 16,
    ILLUSTRATIVE_ALL = 31,
    ILLUSTRATIVE_KINDS = 5
};
/* Their names in the plan and the paper's JSON, bit by bit: "start", "due", ... */
extern const char *const illustrative_names[ILLUSTRATIVE_KINDS];

/* Fields that actions and milestones share. What was entered about them (status, RAG,
 * progress, completion) is only in their dated updates: analysis/history.h says what
 * was known at a date. */

typedef struct {
    person **who;
    size_t n_who;
    fuzzy_date start, due;
    due_wording due_words;
    unsigned illustrative;  /* ILLUSTRATIVE_* bits */
    revision *revisions;    /* in the order they became known */
    size_t n_revisions;
    schedule_update *updates;   /* in the order they became known */
    size_t n_updates;
    srcpos pos, due_pos;
} schedule;

typedef struct {
    const char *ref;        /* optional: names the milestone in update files */
    const char *title, *measure;
    const char *group;      /* optional: the heading it is listed under in a Gantt chart
                             * ("Rent", "Letting and voids"); NULL: none */
    schedule s;
    action *action;
} milestone;

/* One line of a project's resources (seed 003): a post or person, how many, and the
 * share of their time ("Principal Officer Best Value (50%) for 6 months"). */
typedef struct {
    const char *post;       /* "Principal Officer Best Value", "Ian Blease" */
    int number;             /* how many such posts; 0: not given */
    double percent;         /* share of time, 0-100; < 0: not given */
    const char *note;       /* "for 6 months", "currently being recruited"; NULL: none */
} resource_line;

/* What a project of a service improvement plan says besides its dates (seed 003's
 * columns Issue, Solution (tasks), Outcomes, Resource and Comments/evidence). All
 * optional; lists are in plan order. */
typedef struct {
    const char *issue;              /* the problem the project addresses */
    const char **tasks;             /* the solution, task by task */
    size_t n_tasks;
    const char **outcomes;          /* the service improvements expected */
    size_t n_outcomes;
    resource_line *resources;       /* the resource column, line by line */
    size_t n_resources;
    const char *comments;           /* comments and evidence */
} project_detail;

struct action {
    const char *ref, *description, *measure;
    const char *resources;  /* as text: written so, or the resource lines joined */
    theme *theme;
    fuzzy_date added;       /* when it was added to the plan (DATE_NONE: from the start) */
    day_t added_known;      /* DAY_ALWAYS, or the last day of added */
    schedule s;
    milestone *milestones;
    size_t n_milestones;
    recommendation **recommendations;
    size_t n_recommendations;
    action **related;
    size_t n_related;
    project_detail *detail; /* seed 003's project columns; NULL when none is given */
    size_t index;           /* position in plan->actions */
};

typedef enum { POLARITY_HIGHER = 0, POLARITY_LOWER } polarity;

typedef struct {
    fuzzy_date period;
    double value;
    day_t known;            /* DAY_ALWAYS, or the date of the update that reported it */
    const char *note;       /* a footnote to the value (a target's reason), or NULL */
    uint8_t shown_dp;       /* decimals as written plus one ("95.50": 3); 0: not known,
                             * print without trailing zeros */
    srcpos pos;
} period_value;

typedef struct {
    const char *code, *description, *unit;
    const char *label;      /* the code as printed ("LPI"), when codes must differ; NULL:
                             * the code */
    const char *note;       /* printed in place of its figures ("Information not yet
                             * available"), or NULL */
    polarity polarity;
    double tolerance;       /* percent of target; default 5 */
    theme *theme;
    int has_baseline;       /* 1: baseline.value; 2: the baseline is "N/A" for its period */
    period_value baseline;
    period_value *targets, *actuals;    /* sorted by period, then by when known */
    size_t n_targets, n_actuals;
    srcpos pos;
} indicator;

typedef struct {
    int likelihood, impact; /* 1-5; 0 = not given */
} risk_score;

/* A risk assessed in words rather than scored (seed 003: "High/Low impact"). */
typedef enum { QUAL_NONE = 0, QUAL_LOW, QUAL_HIGH } qualitative_impact;

/* A dated review of a risk. Scores not given keep the previous review's. The simple
 * form (inherent, net, reviewed, review-by on the risk itself) is one review, dated by
 * 'reviewed' or, without it, known from the plan's updated date. */
typedef struct {
    fuzzy_date date;        /* the review date; DATE_NONE if undated */
    day_t known;
    risk_score inherent, net;   /* 0 = not given */
    fuzzy_date review_by;
    const char *note;
    srcpos pos;
} risk_review;

typedef struct {
    const char *ref, *description, *consequence, *controls, *further_actions;
    theme *theme;
    person *owner;
    qualitative_impact impact;  /* High/Low, for a risk assessed in words; it is scored
                                 * (and on the heat map) only from a review that scores it */
    fuzzy_date added, closed;   /* DATE_NONE: from the start / still open */
    day_t added_known;          /* DAY_ALWAYS or the last day of added */
    day_t closed_known;         /* DAY_NEVER, or when the closure counts as entered */
    const char *closed_note;
    risk_review *reviews;       /* in the order they became known */
    size_t n_reviews;
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
    day_t undated_known;    /* when undated values count as entered: updated, or DAY_ALWAYS */
    day_t latest_known;     /* the latest date any update or review reports on; DAY_ALWAYS if none */
    const char **inputs;    /* files and folders read besides the plan (update files) */
    size_t n_inputs;
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
/* The date a plan's statuses stand at when no --as-at is given: the later of its
 * 'updated' date and its latest dated update or review, else today (SOURCE_DATE_EPOCH
 * when set). */
day_t plan_default_as_at(const plan *p);

const char *entered_status_name(entered_status s);
/* A resource line as printed: "3 x Principal Officers (20%) for 6 months". */
void resource_line_text(strbuf *out, const resource_line *r);
const char *stated_rag_name(stated_rag r);      /* "Amber" */
const char *stated_rag_id(stated_rag r);        /* "amber", as plans write it */

#endif
