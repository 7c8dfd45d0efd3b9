/* updates_yaml.h - the changes read from a returned sheet, written as an update file
 * (README, "Update files") for a person to read as well as tabled: a comment saying
 * which sheet they came from, the file's date, then the actions (with their milestones
 * under them), risks and indicators in plan order, each entry with a comment naming
 * its row of the sheet. Text is written plain where YAML reads it back unchanged,
 * folded or literal when long or on several lines, quoted otherwise. */
#ifndef TABLED_UPDATES_YAML_H
#define TABLED_UPDATES_YAML_H

#include "../analysis/sheet_diff.h"
#include "../util/strbuf.h"

/* Appends the update file for c (read from r, a sheet of the plan at plan_path) to out. */
void updates_yaml(const sheet_changes *c, const sheet_return *r, const char *plan_path,
                  strbuf *out);

/* Appends s as a YAML scalar value for a key at `indent` spaces (the value starts
 * after "key: "; a block scalar's lines are indented two more). */
void yaml_scalar(strbuf *out, const char *s, int indent);

#endif
