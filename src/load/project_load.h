/* project_load.h - a project's columns in a service improvement plan (seed 003). */
#ifndef TABLED_PROJECT_LOAD_H
#define TABLED_PROJECT_LOAD_H

#include "../model/plan.h"
#include "schema.h"

/* Reads issue, tasks, outcomes, resources (a text, or a list of lines: each a text or
 * {post, number, percent, note}) and comments from an action's map into x->detail
 * (left NULL when none is given) and x->resources. where names the action. */
void load_project_detail(schema_ctx *c, const ynode *map, action *x, const char *where);

#endif
