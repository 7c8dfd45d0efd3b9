/* project_root.h - where a project's shared files live, and what may be read from it.
 *
 * The project root is the nearest folder at or above an input file that holds a
 * templates/ folder (domain rules, section 9). Templates, fonts and images are looked
 * up there; no image or other file named in a plan or paper may resolve (symbolic
 * links followed) outside it. */
#ifndef TABLED_PROJECT_ROOT_H
#define TABLED_PROJECT_ROOT_H

/* The project root of input_path (a file or folder) as an absolute, canonical path
 * without a trailing slash; NULL when no folder at or above it holds templates/ or
 * the input does not exist. malloc'd. */
char *project_root_find(const char *input_path);

/* The root for files named in input_path (a plan or paper): its project root, or,
 * for an input in no project, the input's own folder (canonical). NULL when even
 * that folder does not exist. malloc'd. */
char *project_root_of(const char *input_path);

/* 1 when path, with every symbolic link resolved, is root itself or lies below it;
 * 0 otherwise (also when path does not exist). root must be canonical (as returned
 * by project_root_find). When canonical is not NULL it receives the resolved path
 * (malloc'd) on success, NULL otherwise. */
int project_root_contains(const char *root, const char *path, char **canonical);

#endif
