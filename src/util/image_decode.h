/* image_decode.h - PNG and JPEG files decoded in full, by us, before any other code
 * sees them.
 *
 * libharu's own loaders trust libpng and libjpeg to stop cleanly; they do not (a bad
 * PNG filter byte aborts the process, an interlaced PNG with alpha double-frees). So
 * every image is decoded here - libpng and libjpeg with error handlers that return
 * control to us - into 8-bit pixels that the PDF renderer hands to libharu as raw
 * data. An image that does not decode completely, or is larger than the limits
 * below, is refused with a reason for the clerk. */
#ifndef TABLED_IMAGE_DECODE_H
#define TABLED_IMAGE_DECODE_H

#include <stddef.h>
#include <stdint.h>

#define IMAGE_MAX_BYTES ((size_t)32 * 1024 * 1024)  /* the file */
#define IMAGE_MAX_SIDE 10000u                       /* pixels, either way */
#define IMAGE_MAX_PIXELS ((uint64_t)16 * 1000 * 1000) /* width x height */

typedef enum { IMAGE_PNG = 1, IMAGE_JPEG = 2 } image_format;

typedef struct {
    image_format format;
    uint32_t width, height;
    int channels;               /* 1 (grey) or 3 (RGB) */
    unsigned char *pixels;      /* width x height x channels bytes, top row first */
    unsigned char *alpha;       /* width x height opacities, or NULL when opaque */
} decoded_image;

/* The format the bytes claim (by signature), or 0. */
image_format image_sniff(const unsigned char *data, size_t len);

/* Decodes a whole PNG or JPEG. Returns 0 and fills *out (free with image_release),
 * or -1 with *why saying what is wrong in words that follow the file name ("is a
 * damaged PNG (its image data does not decode)"). With out NULL it only checks: the
 * image is still decoded in full. */
int image_decode(const unsigned char *data, size_t len, decoded_image *out, const char **why);

void image_release(decoded_image *img);

#endif
