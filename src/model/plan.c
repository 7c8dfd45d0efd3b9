/* plan.c - model helpers. */
#include "plan.h"

#include <stdlib.h>

void plan_free(plan *p)
{
    if (!p) return;
    arena_free(&p->arena);
    free(p);
}

day_t plan_default_as_at(const plan *p)
{
    day_t t = date_has_bounds(p->updated) ? date_last_day(p->updated) : DAY_ALWAYS;
    if (p->latest_known != DAY_ALWAYS && p->latest_known > t) t = p->latest_known;
    return t == DAY_ALWAYS ? date_today() : t;
}

const char *entered_status_name(entered_status s)
{
    switch (s) {
    case ENTERED_NOT_STARTED: return "not-started";
    case ENTERED_IN_PROGRESS: return "in-progress";
    case ENTERED_COMPLETE: return "complete";
    case ENTERED_CANCELLED: return "cancelled";
    default: return "";
    }
}

const char *stated_rag_name(stated_rag r)
{
    switch (r) {
    case RAG_RED: return "Red";
    case RAG_AMBER: return "Amber";
    case RAG_GREEN: return "Green";
    case RAG_COMPLETE: return "Complete";
    default: return "";
    }
}

const char *stated_rag_id(stated_rag r)
{
    switch (r) {
    case RAG_RED: return "red";
    case RAG_AMBER: return "amber";
    case RAG_GREEN: return "green";
    case RAG_COMPLETE: return "complete";
    default: return "";
    }
}
