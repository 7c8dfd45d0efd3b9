/* image_check.h - is this file a PNG or JPEG that tabled can print? It is decoded in
 * full (image_decode.h): a bad image is an error at its line, never a crash. */
#ifndef TABLED_IMAGE_CHECK_H
#define TABLED_IMAGE_CHECK_H

#include <stddef.h>

/* 1 if data is a whole PNG or JPEG that decodes within the limits; else 0 and *why
 * says what is wrong ("is not a PNG or JPEG image", "is a damaged PNG (a chunk fails
 * its checksum)", ...). */
int image_check_bytes(const unsigned char *data, size_t len, const char **why);

/* Reads path (a regular file of at most 32 MiB) and checks it as above. On success
 * returns 1 and, when bytes is not NULL, hands over the file's bytes (malloc'd) in
 * *bytes and *len, so what is printed is exactly what was checked. */
int image_check_file(const char *path, const char **why, unsigned char **bytes, size_t *len);

#endif
