/* image_decode.c - PNG (libpng) and JPEG (libjpeg) decoded in full, with error
 * handlers that longjmp back here, limits checked before anything large is
 * allocated, and every warning about damaged data treated as an error. */
#include "image_decode.h"

#include <setjmp.h>
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <libdeflate.h>
#include <png.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

image_format image_sniff(const unsigned char *data, size_t len)
{
    if (len >= 8 && !memcmp(data, "\x89PNG\r\n\x1a\n", 8)) return IMAGE_PNG;
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return IMAGE_JPEG;
    return 0;
}

static int too_big(uint64_t w, uint64_t h, const char **why)
{
    if (w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE || w * h > IMAGE_MAX_PIXELS) {
        *why = "is too large (more than 10,000 pixels a side or 16 million pixels)";
        return 1;
    }
    return 0;
}

void image_release(decoded_image *img)
{
    if (!img) return;
    free(img->pixels);
    free(img->alpha);
    img->pixels = img->alpha = NULL;
}

/* Splits interleaved grey+alpha or RGB+alpha rows into colour and opacity; drops
 * the opacity when every pixel is opaque. rows is freed. */
static int split_alpha(decoded_image *out, unsigned char *rows, int channels)
{
    size_t n = (size_t)out->width * out->height;
    int colour = channels == 2 || channels == 1 ? 1 : 3;
    int has_alpha = channels == 2 || channels == 4;
    out->channels = colour;
    if (!has_alpha) {
        out->pixels = rows;
        return 0;
    }
    out->pixels = malloc(n * (size_t)colour);
    unsigned char *alpha = malloc(n);
    if (!out->pixels || !alpha) {
        free(alpha);
        free(rows);
        return -1;
    }
    int opaque = 1;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *px = rows + i * (size_t)channels;
        memcpy(out->pixels + i * (size_t)colour, px, (size_t)colour);
        alpha[i] = px[colour];
        opaque &= px[colour] == 255;
    }
    free(rows);
    if (opaque) free(alpha);
    else out->alpha = alpha;
    return 0;
}

/* ---- PNG ------------------------------------------------------------------ */

/* The chunk structure, before libpng: every chunk's length and checksum, the header's
 * values, a palette where one is needed, no unknown critical chunk, and enough
 * compressed data for the size the header claims (deflate expands at most ~1032
 * times), so a small file cannot make us allocate a huge image. */
static int png_structure(const unsigned char *d, size_t len, const char **why)
{
    size_t pos = 8;
    int seen_ihdr = 0, seen_plte = 0, seen_iend = 0;
    uint32_t w = 0, h = 0;
    unsigned depth = 0, ctype = 0;
    uint64_t idat_len = 0;
    while (pos + 12 <= len) {
        uint32_t clen = be32(d + pos);
        const unsigned char *type = d + pos + 4;
        if (clen > len - pos - 12) {
            *why = "is a damaged or truncated PNG (a chunk runs past the end)";
            return -1;
        }
        if (libdeflate_crc32(0, type, 4 + (size_t)clen) != be32(d + pos + 8 + clen)) {
            *why = "is a damaged PNG (a chunk fails its checksum)";
            return -1;
        }
        const unsigned char *body = d + pos + 8;
        if (!seen_ihdr && memcmp(type, "IHDR", 4) != 0) {
            *why = "is a damaged PNG (it does not start with a header)";
            return -1;
        }
        if (!memcmp(type, "IHDR", 4)) {
            if (seen_ihdr || clen != 13) {
                *why = "is a damaged PNG (bad header)";
                return -1;
            }
            seen_ihdr = 1;
            w = be32(body);
            h = be32(body + 4);
            depth = body[8];
            ctype = body[9];
            static const unsigned channels[] = {1, 0, 3, 1, 2, 0, 4};
            int depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            if (!w || !h || ctype > 6 || !channels[ctype] || !depth_ok || body[10] ||
                body[11] || body[12] > 1 || (ctype == 3 && depth == 16) ||
                ((ctype == 2 || ctype == 4 || ctype == 6) && depth < 8)) {
                *why = "is a PNG with an invalid header";
                return -1;
            }
            if (too_big(w, h, why)) return -1;
        } else if (!memcmp(type, "PLTE", 4)) {
            seen_plte = 1;
        } else if (!memcmp(type, "IDAT", 4)) {
            idat_len += clen;
        } else if (!memcmp(type, "IEND", 4)) {
            seen_iend = 1;
            break;
        } else if (!(type[0] & 0x20)) {
            *why = "is a PNG with a feature tabled cannot read (an unknown critical chunk)";
            return -1;
        }
        pos += 12 + (size_t)clen;
    }
    if (!seen_ihdr || !seen_iend || !idat_len) {
        *why = "is a damaged or truncated PNG";
        return -1;
    }
    if (ctype == 3 && !seen_plte) {
        *why = "is a damaged PNG (a palette image without a palette)";
        return -1;
    }
    static const unsigned channels[] = {1, 0, 3, 1, 2, 0, 4};
    uint64_t raw = (uint64_t)h * (1 + ((uint64_t)w * depth * channels[ctype] + 7) / 8);
    if (raw > idat_len * 1040 + 4096) {
        *why = "is a damaged PNG (too little image data for its size)";
        return -1;
    }
    return 0;
}

typedef struct {
    jmp_buf jb;
    const char *why;
    const unsigned char *data;
    size_t len, pos;
    png_structp png;
    png_infop info;
    unsigned char *rows;
    png_bytep *rowp;
} png_job;

static void png_fail(png_structp png, png_const_charp msg)
{
    png_job *j = png_get_error_ptr(png);
    (void)msg;
    longjmp(j->jb, 1);
}

static void png_quiet(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

static void png_read_mem(png_structp png, png_bytep out, png_size_t n)
{
    png_job *j = png_get_io_ptr(png);
    if (n > j->len - j->pos) png_error(png, "read past the end");
    memcpy(out, j->data + j->pos, n);
    j->pos += n;
}

static int png_decode(const unsigned char *data, size_t len, decoded_image *out,
                      const char **why)
{
    if (png_structure(data, len, why) < 0) return -1;
    /* Heap state: nothing the decoder changes lives in a local that longjmp could
     * leave indeterminate. */
    png_job *j = calloc(1, sizeof *j);
    if (!j) {
        *why = "is too large to read (out of memory)";
        return -1;
    }
    j->data = data;
    j->len = len;
    j->why = "is a damaged PNG (its image data does not decode)";
    volatile int rc = -1;
    j->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, j, png_fail, png_quiet);
    if (!j->png) goto done;
    j->info = png_create_info_struct(j->png);
    if (!j->info) goto done;
    if (setjmp(j->jb)) goto done;
    png_set_user_limits(j->png, IMAGE_MAX_SIDE, IMAGE_MAX_SIDE);
    png_set_chunk_cache_max(j->png, 256);
    png_set_chunk_malloc_max(j->png, (png_alloc_size_t)8 * 1024 * 1024);
    png_set_read_fn(j->png, j, png_read_mem);
    png_read_info(j->png, j->info);
    png_uint_32 w = png_get_image_width(j->png, j->info);
    png_uint_32 h = png_get_image_height(j->png, j->info);
    if (too_big(w, h, &j->why)) goto done;
    png_set_expand(j->png);         /* palette to RGB, low-bit grey to 8, tRNS to alpha */
    png_set_strip_16(j->png);
    png_set_interlace_handling(j->png);
    png_read_update_info(j->png, j->info);
    int channels = png_get_channels(j->png, j->info);
    size_t rowbytes = png_get_rowbytes(j->png, j->info);
    if (channels < 1 || channels > 4 || rowbytes != (size_t)w * (size_t)channels) goto done;
    j->rows = malloc(rowbytes * h);
    j->rowp = malloc(sizeof *j->rowp * h);
    if (!j->rows || !j->rowp) {
        j->why = "is too large to read (out of memory)";
        goto done;
    }
    for (png_uint_32 y = 0; y < h; y++) j->rowp[y] = j->rows + (size_t)y * rowbytes;
    png_read_image(j->png, j->rowp);
    png_read_end(j->png, NULL);
    if (out) {
        memset(out, 0, sizeof *out);
        out->format = IMAGE_PNG;
        out->width = w;
        out->height = h;
        unsigned char *rows = j->rows;
        j->rows = NULL;
        if (split_alpha(out, rows, channels) < 0) {
            j->why = "is too large to read (out of memory)";
            goto done;
        }
    }
    rc = 0;
done:
    if (rc < 0) *why = j->why;
    png_destroy_read_struct(j->png ? &j->png : NULL, j->info ? &j->info : NULL, NULL);
    free(j->rows);
    free(j->rowp);
    free(j);
    return rc;
}

/* ---- JPEG ----------------------------------------------------------------- */

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jb;
    const char *why;
    int created;
    unsigned char *pixels;
    JSAMPROW row;
} jpeg_job;

static void jpeg_fail(j_common_ptr c)
{
    jpeg_job *j = (jpeg_job *)c->err;
    longjmp(j->jb, 1);
}

/* libjpeg reports damaged data (a premature end, a bad Huffman code) as a warning and
 * carries on with grey; we stop. */
static void jpeg_message(j_common_ptr c, int level)
{
    if (level < 0) {
        jpeg_job *j = (jpeg_job *)c->err;
        longjmp(j->jb, 1);
    }
}

static void jpeg_quiet(j_common_ptr c) { (void)c; }

/* A scan is a full pass over the image: a progressive JPEG with thousands of tiny
 * scans costs thousands of decodes. Counts start-of-scan markers (an upper bound). */
static size_t jpeg_scans(const unsigned char *d, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i + 1 < len; i++)
        if (d[i] == 0xFF && d[i + 1] == 0xDA) n++;
    return n;
}

static int jpeg_decode(const unsigned char *data, size_t len, decoded_image *out,
                       const char **why)
{
    jpeg_job *j = calloc(1, sizeof *j);
    struct jpeg_decompress_struct *c = calloc(1, sizeof *c);
    if (!j || !c) {
        free(j);
        free(c);
        *why = "is too large to read (out of memory)";
        return -1;
    }
    j->why = "is a damaged or truncated JPEG";
    volatile int rc = -1;
    c->err = jpeg_std_error(&j->pub);
    j->pub.error_exit = jpeg_fail;
    j->pub.emit_message = jpeg_message;
    j->pub.output_message = jpeg_quiet;
    if (setjmp(j->jb)) goto done;
    jpeg_create_decompress(c);
    j->created = 1;
    c->mem->max_memory_to_use = (long)512 * 1024 * 1024;
    jpeg_mem_src(c, data, (unsigned long)len);
    if (jpeg_read_header(c, TRUE) != JPEG_HEADER_OK) goto done;
    if (too_big(c->image_width, c->image_height, &j->why)) goto done;
    size_t scans = jpeg_scans(data, len);
    if ((uint64_t)scans * c->image_width * c->image_height > (uint64_t)400 * 1000 * 1000) {
        j->why = "is a JPEG with too many scans for its size";
        goto done;
    }
    int cmyk = c->jpeg_color_space == JCS_CMYK || c->jpeg_color_space == JCS_YCCK;
    c->out_color_space = c->num_components == 1 ? JCS_GRAYSCALE : cmyk ? JCS_CMYK : JCS_RGB;
    jpeg_start_decompress(c);
    int comps = c->output_components;
    if ((comps != 1 && comps != 3 && comps != 4) || c->output_width != c->image_width ||
        c->output_height != c->image_height)
        goto done;
    size_t w = c->output_width, h = c->output_height;
    int colour = comps == 1 ? 1 : 3;
    j->pixels = malloc(w * h * (size_t)colour);
    j->row = malloc(w * (size_t)comps);
    if (!j->pixels || !j->row) {
        j->why = "is too large to read (out of memory)";
        goto done;
    }
    while (c->output_scanline < c->output_height) {
        size_t y = c->output_scanline;
        if (jpeg_read_scanlines(c, &j->row, 1) != 1) goto done;
        unsigned char *dst = j->pixels + y * w * (size_t)colour;
        if (comps != 4) {
            memcpy(dst, j->row, w * (size_t)colour);
            continue;
        }
        /* CMYK to RGB; Adobe's files store the inks inverted. */
        int inverted = c->saw_Adobe_marker;
        for (size_t x = 0; x < w; x++) {
            const unsigned char *p = j->row + x * 4;
            unsigned k = inverted ? p[3] : 255u - p[3];
            for (int ch = 0; ch < 3; ch++) {
                unsigned v = inverted ? p[ch] : 255u - p[ch];
                dst[x * 3 + (size_t)ch] = (unsigned char)(v * k / 255u);
            }
        }
    }
    jpeg_finish_decompress(c);
    if (out) {
        memset(out, 0, sizeof *out);
        out->format = IMAGE_JPEG;
        out->width = (uint32_t)w;
        out->height = (uint32_t)h;
        out->channels = colour;
        out->pixels = j->pixels;
        j->pixels = NULL;
    }
    rc = 0;
done:
    if (rc < 0) *why = j->why;
    if (j->created) jpeg_destroy_decompress(c);
    free(j->pixels);
    free(j->row);
    free(j);
    free(c);
    return rc;
}

int image_decode(const unsigned char *data, size_t len, decoded_image *out, const char **why)
{
    if (out) memset(out, 0, sizeof *out);
    if (len > IMAGE_MAX_BYTES) {
        *why = "is larger than 32 MiB";
        return -1;
    }
    switch (image_sniff(data, len)) {
    case IMAGE_PNG: return png_decode(data, len, out, why);
    case IMAGE_JPEG: return jpeg_decode(data, len, out, why);
    default: *why = "is not a PNG or JPEG image"; return -1;
    }
}
