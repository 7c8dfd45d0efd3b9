/* depfile.h - make dependency files (-MD): an output's every input, as gcc -MD -MP
 * writes them, so `make -j papers` rebuilds exactly what changed. tabled build and
 * tabled pack share it. */
#ifndef TABLED_DEPFILE_H
#define TABLED_DEPFILE_H

#include "../model/plan.h"
#include "../report/report.h"
#include "../util/strbuf.h"
#include "template_set.h"

/* Appends " path", escaped for make (spaces, '#', ':' and '$'). */
void dep_path(strbuf *sb, const char *path);
/* The images a report shows. */
void dep_images(strbuf *sb, const rnode *n);
/* A plan and its update files (and their folder, so that a new file is noticed). */
void dep_plan(strbuf *sb, const plan *pl);
/* The templates read, and with fonts the four faces of the house style. */
void dep_templates(strbuf *sb, const template_set *ts, int fonts);
/* Writes "targets: deps" and a phony rule for each input (so that make goes on when one
 * is deleted) to path, atomically. 0 or -1 (errno set). targets and deps are lists as
 * dep_path makes them. */
int depfile_write(const char *path, const strbuf *targets, const strbuf *deps);

#endif
