/* image_check.c - structural checks of PNG (every chunk, CRC, and the image data
 * inflates to exactly the size its header promises) and JPEG (markers up to the scan). */
#include "image_check.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"

#define MAX_IMAGE_BYTES ((size_t)32 * 1024 * 1024)
#define MAX_PIXELS ((uint64_t)64 * 1024 * 1024)

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Bytes of filtered scanlines for a w x h image (one filter byte a row). */
static uint64_t raw_size(uint64_t w, uint64_t h, unsigned bpp)
{
    if (!w || !h) return 0;
    return h * (1 + (w * bpp + 7) / 8);
}

static int png_check(const unsigned char *d, size_t len, const char **why)
{
    size_t pos = 8;
    int seen_ihdr = 0, seen_plte = 0, seen_iend = 0;
    uint32_t w = 0, h = 0;
    unsigned depth = 0, ctype = 0, interlace = 0;
    unsigned char *idat = NULL;
    size_t idat_len = 0;
    int ok = 0;
    while (pos + 12 <= len) {
        uint32_t clen = be32(d + pos);
        const unsigned char *type = d + pos + 4;
        if (clen > len - pos - 12) {
            *why = "is a damaged or truncated PNG (a chunk runs past the end)";
            goto out;
        }
        uint32_t crc = be32(d + pos + 8 + clen);
        if (libdeflate_crc32(0, type, 4 + (size_t)clen) != crc) {
            *why = "is a damaged PNG (a chunk fails its checksum)";
            goto out;
        }
        const unsigned char *body = d + pos + 8;
        if (!seen_ihdr && memcmp(type, "IHDR", 4) != 0) {
            *why = "is a damaged PNG (it does not start with a header)";
            goto out;
        }
        if (!memcmp(type, "IHDR", 4)) {
            if (seen_ihdr || clen != 13) {
                *why = "is a damaged PNG (bad header)";
                goto out;
            }
            seen_ihdr = 1;
            w = be32(body);
            h = be32(body + 4);
            depth = body[8];
            ctype = body[9];
            interlace = body[12];
            static const unsigned channels[] = {1, 0, 3, 1, 2, 0, 4};
            int depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            if (!w || !h || ctype > 6 || !channels[ctype] || !depth_ok || body[10] || body[11] ||
                interlace > 1 || (ctype == 3 && depth == 16) ||
                ((ctype == 2 || ctype == 4 || ctype == 6) && depth < 8)) {
                *why = "is a PNG with an invalid header";
                goto out;
            }
            if ((uint64_t)w * h > MAX_PIXELS) {
                *why = "is too large (more than 64 million pixels)";
                goto out;
            }
        } else if (!memcmp(type, "PLTE", 4)) {
            seen_plte = 1;
        } else if (!memcmp(type, "IDAT", 4)) {
            unsigned char *grown = realloc(idat, idat_len + clen + 1);
            if (!grown) {
                *why = "is too large to check";
                goto out;
            }
            idat = grown;
            memcpy(idat + idat_len, body, clen);
            idat_len += clen;
        } else if (!memcmp(type, "IEND", 4)) {
            seen_iend = 1;
            break;
        } else if (!(type[0] & 0x20)) { /* an unknown critical chunk */
            *why = "is a PNG with a feature the PDF library cannot read";
            goto out;
        }
        pos += 12 + (size_t)clen;
    }
    if (!seen_ihdr || !seen_iend || !idat_len) {
        *why = "is a damaged or truncated PNG";
        goto out;
    }
    if (ctype == 3 && !seen_plte) {
        *why = "is a damaged PNG (a palette image without a palette)";
        goto out;
    }
    {
        static const unsigned channels[] = {1, 0, 3, 1, 2, 0, 4};
        unsigned bpp = depth * channels[ctype];
        uint64_t expect = 0;
        if (!interlace) {
            expect = raw_size(w, h, bpp);
        } else { /* Adam7: seven passes */
            static const unsigned xs[] = {0, 4, 0, 2, 0, 1, 0}, ys[] = {0, 0, 4, 0, 2, 0, 1};
            static const unsigned dx[] = {8, 8, 4, 4, 2, 2, 1}, dy[] = {8, 8, 8, 4, 4, 2, 2};
            for (int p = 0; p < 7; p++) {
                uint64_t pw = w > xs[p] ? (w - xs[p] + dx[p] - 1) / dx[p] : 0;
                uint64_t ph = h > ys[p] ? (h - ys[p] + dy[p] - 1) / dy[p] : 0;
                expect += raw_size(pw, ph, bpp);
            }
        }
        if (expect > MAX_PIXELS * 8 + h) {
            *why = "is too large to check";
            goto out;
        }
        unsigned char *raw = malloc(expect + 1);
        struct libdeflate_decompressor *z = libdeflate_alloc_decompressor();
        size_t got = 0;
        enum libdeflate_result r = raw && z
            ? libdeflate_zlib_decompress(z, idat, idat_len, raw, expect + 1, &got)
            : LIBDEFLATE_INSUFFICIENT_SPACE;
        if (z) libdeflate_free_decompressor(z);
        free(raw);
        if (r != LIBDEFLATE_SUCCESS || got != expect) {
            *why = "is a damaged PNG (its image data does not decode)";
            goto out;
        }
    }
    ok = 1;
out:
    free(idat);
    return ok;
}

static int jpeg_check(const unsigned char *d, size_t len, const char **why)
{
    size_t pos = 2;
    int seen_sof = 0;
    while (pos + 4 <= len) {
        if (d[pos] != 0xFF) break;
        unsigned m = d[pos + 1];
        if (m == 0xFF) {
            pos++;
            continue;
        }
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
            pos += 2;
            continue;
        }
        size_t seg = (size_t)d[pos + 2] << 8 | d[pos + 3];
        if (seg < 2 || seg > len - pos - 2) break;
        if ((m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (seg < 8) break;
            unsigned hgt = (unsigned)d[pos + 5] << 8 | d[pos + 6];
            unsigned wid = (unsigned)d[pos + 7] << 8 | d[pos + 8];
            if (!hgt || !wid) break;
            seen_sof = 1;
        }
        if (m == 0xDA) { /* start of scan: the image data follows */
            if (!seen_sof) break;
            if (len < 4 || d[len - 2] != 0xFF || d[len - 1] != 0xD9) {
                *why = "is a truncated JPEG (no end-of-image marker)";
                return 0;
            }
            return 1;
        }
        pos += 2 + seg;
    }
    *why = "is a damaged or truncated JPEG";
    return 0;
}

int image_check_bytes(const unsigned char *data, size_t len, const char **why)
{
    if (len >= 8 && !memcmp(data, "\x89PNG\r\n\x1a\n", 8)) return png_check(data, len, why);
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return jpeg_check(data, len, why);
    *why = "is not a PNG or JPEG image";
    return 0;
}

int image_check_file(const char *path, const char **why)
{
    char *data;
    size_t len;
    const char *err;
    if (read_file(path, MAX_IMAGE_BYTES, &data, &len, &err) != 0) {
        *why = "cannot be read (missing, or larger than 32 MiB)";
        return 0;
    }
    int ok = image_check_bytes((const unsigned char *)data, len, why);
    free(data);
    return ok;
}
