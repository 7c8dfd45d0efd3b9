#!/usr/bin/env python3
"""make_images.py DIR - PNG files that exercise the image decoder, made with the
standard library: valid ones of every colour type (interlaced too, with alpha) and
hostile ones that crashed libharu's own loader or would make a decoder allocate far
more than the file holds."""
import os
import struct
import sys
import zlib


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(w, h, depth, ctype, rows, interlace=0, extra=b"", idat=None):
    """rows: raw filtered scanline data (already with filter bytes)."""
    data = idat if idat is not None else zlib.compress(rows)
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace)) +
            extra + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def pixels(w, h, channels, depth=8):
    """Rows of pixel bytes (no filter byte), a gradient."""
    out = []
    for y in range(h):
        row = bytearray()
        for x in range(w):
            for c in range(channels):
                v = (x * 37 + y * 11 + c * 80) % 256
                if depth == 16:
                    row += bytes((v, v))
                else:
                    row.append(v)
        out.append(bytes(row))
    return out


def filtered(rows, filt=0):
    return b"".join(bytes((filt,)) + r for r in rows)


def adam7(w, h, channels, filt=0):
    """Interlaced scanlines of an 8-bit image."""
    starts = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    full = pixels(w, h, channels)
    data = b""
    for x0, y0, dx, dy in starts:
        for y in range(y0, h, dy):
            xs = list(range(x0, w, dx))
            if not xs:
                continue
            row = b"".join(full[y][x * channels:(x + 1) * channels] for x in xs)
            data += bytes((filt,)) + row
    return data


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)

    def put(name, data):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)

    # valid
    put("rgb.png", png(40, 20, 8, 2, filtered(pixels(40, 20, 3))))
    put("rgba-interlaced.png", png(33, 17, 8, 6, adam7(33, 17, 4), interlace=1))
    put("grey-alpha.png", png(16, 16, 8, 4, filtered(pixels(16, 16, 2))))
    put("rgba16.png", png(12, 9, 16, 6, filtered(pixels(12, 9, 4, 16))))
    plte = chunk(b"PLTE", bytes(range(48)))
    trns = chunk(b"tRNS", bytes((0, 128, 255)))
    put("palette-trns.png", png(10, 10, 8, 3, filtered([bytes(x % 16 for x in range(10))] * 10), extra=plte + trns))
    put("grey1.png", png(17, 5, 1, 0, filtered([b"\xaa\x55\x80"] * 5)))
    # hostile: a scanline filter byte of 7 (aborted the process inside libharu/libpng)
    put("bad-filter.png", png(40, 20, 8, 2, filtered(pixels(40, 20, 3), filt=7)))
    # hostile: interlaced with alpha and a bad filter byte in a late pass (libharu
    # double-freed on interlaced alpha images)
    put("bad-interlaced-alpha.png", png(33, 17, 8, 6, adam7(33, 17, 4, filt=9), interlace=1))
    # hostile: claims 10000 x 1600 pixels with a few bytes of data
    put("bomb.png", png(10000, 1600, 8, 6, b"", idat=zlib.compress(b"\0" * 1000)))
    # hostile: more pixels than the limit
    put("huge.png", png(9000, 9000, 8, 0, b"", idat=zlib.compress(b"\0" * 9001 * 9000, 9)))
    # hostile: image data one row short
    put("short.png", png(40, 20, 8, 2, filtered(pixels(40, 19, 3))))


main()
