/* image_check.h - is this file a PNG or JPEG that the PDF library can read safely?
 * libharu hands PNGs to libpng, which aborts the whole process on a corrupt file, so
 * images are checked here first: a bad image is an error at its line, never a crash. */
#ifndef TABLED_IMAGE_CHECK_H
#define TABLED_IMAGE_CHECK_H

#include <stddef.h>

/* 1 if data is a whole, well-formed PNG or JPEG; else 0 and *why says what is wrong
 * ("is not a PNG or JPEG image", "is a damaged PNG (bad checksum in IDAT)", ...). */
int image_check_bytes(const unsigned char *data, size_t len, const char **why);
int image_check_file(const char *path, const char **why);

#endif
