/* rag.h - RAG levels (the colours a status or a judgement is shown in) and the house
 * style's policy for a theme's RAG. Model types: the analysis works levels out, the
 * house style colours and words them, the report and renderers show them. */
#ifndef TABLED_RAG_H
#define TABLED_RAG_H

/* A RAG level for colours and roll-ups, from best to worst. */
typedef enum {
    LEVEL_NONE = 0,     /* nothing to judge (only cancelled actions) */
    LEVEL_COMPLETE,
    LEVEL_NOT_DUE,
    LEVEL_GREEN,
    LEVEL_AMBER,
    LEVEL_RED
} rag_level;

#define RAG_LEVELS (LEVEL_RED + 1)

/* "None", "Complete", "Not yet due", "Green", "Amber", "Red"; "" when out of range. */
const char *rag_level_name(rag_level l);
/* Machine names: "none", "complete", "not-due", "green", "amber", "red". */
const char *rag_level_id(rag_level l);

/* How a theme's RAG is worked out (house style). */
typedef enum { THEME_RAG_WORST = 0, THEME_RAG_THRESHOLD } theme_rag_method;

typedef struct {
    theme_rag_method method;
    int red_overdue_percent;    /* THRESHOLD: Red when this % or more are overdue */
    int amber_percent;          /* THRESHOLD: Amber when this % or more are overdue,
                                 * rescheduled or late */
} rag_policy;

#endif
