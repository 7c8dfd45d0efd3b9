/* sheet.c - the sheets' columns and the plan identity they carry (sheet.h). */
#include "sheet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/fileio.h"
#include "../util/xalloc.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const sheet_column action_columns[] = {
    {COL_THEME, "Theme", "objective", ROLE_INFO, VAL_TEXT},
    {COL_REF, "Ref", "reference|action ref", ROLE_KEY, VAL_TEXT},
    {COL_MILESTONE, "Milestone", "milestone ref", ROLE_KEY, VAL_TEXT},
    {COL_DESCRIPTION, "Action or milestone", "description|title", ROLE_INFO, VAL_TEXT},
    {COL_WHO, "Who", "lead|owner", ROLE_INFO, VAL_TEXT},
    {COL_START, "Start", "start date", ROLE_FIXED, VAL_DATE},
    {COL_DUE, "Due", "due date|original due|original due date|when", ROLE_FIXED, VAL_DATE},
    {COL_POSITION, "Position", "derived status|position as at", ROLE_INFO, VAL_TEXT},
    {COL_STATUS, "Status", "entered status", ROLE_EDIT, VAL_STATUS},
    {COL_RAG, "RAG", "rag status|reported rag|rag rating", ROLE_EDIT, VAL_RAG},
    {COL_PROGRESS, "Progress", "progress note|progress update|comments|update", ROLE_EDIT, VAL_TEXT},
    {COL_COMPLETED, "Completed", "completion date|date completed|completed on", ROLE_EDIT, VAL_DATE},
    {COL_REVISED, "Revised due", "revised date|revised due date|revised", ROLE_EDIT, VAL_DATE},
    {COL_AGREED, "Revision agreed", "agreed|date agreed|agreed on", ROLE_EDIT, VAL_DATE},
    {COL_REASON, "Reason for revision", "reason|revision reason", ROLE_EDIT, VAL_TEXT},
    {COL_UPDATED, "Update date", "updated|date of update|as at", ROLE_EDIT, VAL_DATE},
};

static const sheet_column risk_columns[] = {
    {COL_THEME, "Theme", "objective", ROLE_INFO, VAL_TEXT},
    {COL_REF, "Ref", "reference|risk ref", ROLE_KEY, VAL_TEXT},
    {COL_DESCRIPTION, "Risk", "description", ROLE_INFO, VAL_TEXT},
    {COL_WHO, "Owner", "who|lead", ROLE_INFO, VAL_TEXT},
    {COL_INHERENT_L, "Inherent likelihood", NULL, ROLE_EDIT, VAL_SCORE},
    {COL_INHERENT_I, "Inherent impact", NULL, ROLE_EDIT, VAL_SCORE},
    {COL_NET_L, "Net likelihood", "residual likelihood", ROLE_EDIT, VAL_SCORE},
    {COL_NET_I, "Net impact", "residual impact", ROLE_EDIT, VAL_SCORE},
    {COL_NET_SCORE, "Net score", "residual score|score", ROLE_INFO, VAL_TEXT},
    {COL_BAND, "Band", "net band", ROLE_INFO, VAL_TEXT},
    {COL_REVIEW_BY, "Review by", "next review|review date", ROLE_EDIT, VAL_DATE},
    {COL_NOTE, "Review note", "note|comments", ROLE_EDIT, VAL_TEXT},
    {COL_UPDATED, "Reviewed", "reviewed on|date reviewed|update date", ROLE_EDIT, VAL_DATE},
    {COL_CLOSED, "Closed", "date closed|closed on", ROLE_EDIT, VAL_DATE},
};

static const sheet_column indicator_columns[] = {
    {COL_THEME, "Theme", "objective", ROLE_INFO, VAL_TEXT},
    {COL_REF, "Code", "indicator code|ref", ROLE_KEY, VAL_TEXT},
    {COL_DESCRIPTION, "Indicator", "description", ROLE_INFO, VAL_TEXT},
    {COL_UNIT, "Unit", NULL, ROLE_INFO, VAL_TEXT},
    {COL_PERIOD, "Period", NULL, ROLE_KEY, VAL_DATE},
    {COL_TARGET, "Target", NULL, ROLE_FIXED, VAL_NUMBER},
    {COL_ACTUAL, "Actual", "outturn|value", ROLE_EDIT, VAL_NUMBER},
    {COL_RESULT, "Result", "status", ROLE_INFO, VAL_TEXT},
    {COL_UPDATED, "Update date", "updated|date of update|as at", ROLE_EDIT, VAL_DATE},
};

static const sheet_spec specs[SHEET__COUNT] = {
    {SHEET_ACTIONS, "actions", "action or milestone", action_columns, N(action_columns)},
    {SHEET_RISKS, "risks", "risk", risk_columns, N(risk_columns)},
    {SHEET_INDICATORS, "indicators", "indicator", indicator_columns, N(indicator_columns)},
};

const sheet_spec *sheet_spec_of(sheet_kind k) { return k < SHEET__COUNT ? &specs[k] : NULL; }

const sheet_spec *sheet_spec_named(const char *name)
{
    for (size_t i = 0; i < SHEET__COUNT; i++)
        if (!strcmp(specs[i].name, name)) return &specs[i];
    return NULL;
}

/* Lower case, letters and digits only, one space between words. */
static void normalise(const char *s, char *buf, size_t len)
{
    size_t n = 0;
    int gap = 0;
    for (; *s && n + 2 < len; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || c >= 0x80) {
            if (gap && n) buf[n++] = ' ';
            gap = 0;
            buf[n++] = (char)tolower(c);
        } else {
            gap = 1;
        }
    }
    buf[n] = '\0';
}

const sheet_column *sheet_column_by_header(const sheet_spec *spec, const char *header)
{
    char want[128], have[128];
    normalise(header, want, sizeof want);
    if (!want[0]) return NULL;
    for (size_t i = 0; i < spec->n_columns; i++) {
        const sheet_column *c = &spec->columns[i];
        normalise(c->header, have, sizeof have);
        if (!strcmp(want, have)) return c;
        for (const char *a = c->aliases; a && *a;) {
            const char *bar = strchr(a, '|');
            size_t n = bar ? (size_t)(bar - a) : strlen(a);
            if (n == strlen(want) && !strncmp(a, want, n)) return c;
            a = bar ? bar + 1 : a + n;
        }
    }
    return NULL;
}

const sheet_column *sheet_column_of(const sheet_spec *spec, sheet_col col)
{
    for (size_t i = 0; i < spec->n_columns; i++)
        if (spec->columns[i].col == col) return &spec->columns[i];
    return NULL;
}

char *sheet_plan_id(const char *plan_path)
{
    const char *slash = strrchr(plan_path, '/');
    const char *base = slash ? slash + 1 : plan_path;
    size_t n = strlen(base);
    if (n > 5 && !strcmp(base + n - 5, ".yaml")) n -= 5;
    else if (n > 4 && !strcmp(base + n - 4, ".yml")) n -= 4;
    if (n == 4 && !strncmp(base, "plan", 4)) {
        /* the folder's own name, however the path was written (./plan.yaml) */
        char *real = realpath(plan_path, NULL);
        char *id = parent_dir_name(real ? real : plan_path);
        free(real);
        return id;
    }
    char *id = xmalloc(n + 1);
    memcpy(id, base, n);
    id[n] = '\0';
    return id;
}
