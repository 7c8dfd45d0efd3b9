/* image_check.c - an image file is read once, decoded in full, and its bytes kept. */
#include "image_check.h"

#include <stdio.h>
#include <stdlib.h>

#include "fileio.h"
#include "image_decode.h"

int image_check_bytes(const unsigned char *data, size_t len, const char **why)
{
    return image_decode(data, len, NULL, why) == 0;
}

int image_check_file(const char *path, const char **why, unsigned char **bytes, size_t *len)
{
    char *data;
    size_t n;
    const char *err;
    if (bytes) *bytes = NULL;
    if (len) *len = 0;
    if (read_file(path, IMAGE_MAX_BYTES, &data, &n, &err) != 0) {
        static char msg[160];
        snprintf(msg, sizeof msg, "cannot be read: %s", err);
        *why = msg;
        return 0;
    }
    int ok = image_check_bytes((const unsigned char *)data, n, why);
    if (ok && bytes) {
        *bytes = (unsigned char *)data;
        *len = n;
    } else {
        free(data);
    }
    return ok;
}
