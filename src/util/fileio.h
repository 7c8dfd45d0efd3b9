/* fileio.h - reading inputs with a size limit, writing outputs atomically. */
#ifndef TABLED_FILEIO_H
#define TABLED_FILEIO_H

#include <stddef.h>

#include "diag.h"

#define MAX_INPUT_BYTES ((size_t)64 * 1024 * 1024)

/* Opens path for reading only if it is a regular file: a FIFO, socket, device or
 * directory is refused without blocking (a FIFO with no writer would hang an open).
 * Returns the descriptor (close it), or -1 with *why set to a static message. Every
 * input tabled reads - plans, papers, templates, images, fonts - is opened this way. */
int open_regular(const char *path, const char **why);

/* A path that names the open file fd itself ("/proc/self/fd/N"), for libraries that
 * take a file name, so they read what open_regular checked; path itself when the
 * system has no /proc. malloc'd. */
char *fd_path(int fd, const char *path);

/* Reads a whole regular file (see open_regular). Returns 0 on success; on failure returns -1 and sets *why to a
 * static message (errno text or "file is larger than 64 MiB"). */
int read_file(const char *path, size_t limit, char **data, size_t *len, const char **why);

/* read_file for an input of tabled's (up to 64 MiB); on failure reports
 * "PATH: error: cannot read the WHAT: why" to diags and returns -1. */
int read_input(const char *path, const char *what, diag_list *diags, char **data, size_t *len);

/* Writes data to path through a temporary file in the same directory and rename(2),
 * so readers see the old file or the new one, never a part. Creates parent
 * directories. Returns 0 or -1 with errno set. */
int write_file_atomic(const char *path, const void *data, size_t len);

/* The name of the folder a file is in: "plans/norwich-hip/plan.yaml" -> "norwich-hip"
 * (a plan's slug in out/). "plan.yaml", "./plan.yaml" and "x/../plan.yaml" give the
 * real name of the folder meant, never "." or ".."; "plan" when there is none (the
 * file system root, or a folder that does not exist). malloc'd. */
char *parent_dir_name(const char *path);

/* The names (not paths) of the *.yaml and *.yml files in dir, not hidden ones, sorted
 * byte-wise: *names is malloc'd, each name too (free with free_names). Returns 0, or
 * -1 when dir cannot be opened. */
int list_yaml_files(const char *dir, char ***names, size_t *n);
void free_names(char **names, size_t n);

/* rel resolved against the folder dir (rel itself when absolute), with "." and
 * "name/.." segments taken out lexically: "plans/meetings" + "../x/p.md" is
 * "plans/x/p.md". malloc'd. */
char *path_resolve(const char *dir, const char *rel);

/* write_file_atomic for a file that must not exist yet: fails with errno EEXIST, and
 * leaves the existing file as it is, when path exists. Returns 0 or -1. */
int write_file_new(const char *path, const void *data, size_t len);

/* mkdir -p for the directory part of path. */
int make_parent_dirs(const char *path);

#endif
