#!/usr/bin/env python3
"""make_png.py OUT.png [W H] - a small valid RGB PNG, made with the standard library."""
import struct
import sys
import zlib


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


out = sys.argv[1]
w = int(sys.argv[2]) if len(sys.argv) > 2 else 40
h = int(sys.argv[3]) if len(sys.argv) > 3 else 20
rows = b"".join(b"\0" + b"".join(bytes((x * 6 % 256, y * 12 % 256, 120)) for x in range(w))
                for y in range(h))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
       chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
open(out, "wb").write(png)
