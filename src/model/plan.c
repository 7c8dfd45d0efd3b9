/* plan.c - model helpers. */
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"

const char *const illustrative_names[ILLUSTRATIVE_KINDS] = {"start", "due", "status", "rag", "who"};

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

/* "3 x Principal Officers (20%) for 6 months". */
void resource_line_text(strbuf *out, const resource_line *r)
{
    if (r->number > 0) sb_printf(out, "%d \xC3\x97 ", r->number);      /* "3 x " */
    sb_puts(out, r->post ? r->post : "");
    if (r->percent >= 0) {
        char num[32];
        snprintf(num, sizeof num, "%.1f", r->percent);
        size_t len = strlen(num);
        if (len > 2 && !strcmp(num + len - 2, ".0")) num[len - 2] = '\0';
        sb_printf(out, " (%s%%)", num);
    }
    if (r->note) sb_printf(out, " %s", r->note);
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
