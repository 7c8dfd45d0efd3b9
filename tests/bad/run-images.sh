#!/bin/sh
# run-images.sh - images in papers: a good PNG goes into the HTML and the PDF; a
# truncated or corrupt PNG or JPEG is an error at its line, never a crash. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/images
rm -rf $T && mkdir -p $T/p
cp plans/copeland-shap/plan.yaml $T/p/plan.yaml
python3 tests/bad/make_png.py $T/p/good.png 40 20
head -c 300 $T/p/good.png >$T/p/truncated.png
python3 - $T/p/good.png $T/p/badcrc.png <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
d[40] ^= 0xFF          # inside IDAT: the chunk's checksum no longer matches
open(sys.argv[2], "wb").write(d)
PY
python3 - $T/p/good.png $T/p/baddata.png <<'PY'
import struct, sys, zlib
d = bytearray(open(sys.argv[1], "rb").read())
# Corrupt the compressed image data but give the chunk a correct checksum, so only
# decoding the data finds the damage.
pos = 8
while pos < len(d):
    n = struct.unpack(">I", d[pos:pos + 4])[0]
    if d[pos + 4:pos + 8] == b"IDAT":
        for i in range(pos + 12, pos + 8 + n - 4):
            d[i] ^= 0x55
        d[pos + 8 + n:pos + 12 + n] = struct.pack(">I", zlib.crc32(bytes(d[pos + 4:pos + 8 + n])) & 0xFFFFFFFF)
    pos += 12 + n
open(sys.argv[2], "wb").write(d)
PY
printf '\377\330\377\340\000\020JFIF\000' >$T/p/truncated.jpg
paper() { # file image
    printf '%s\n' '---' 'variant: exception' 'as-at: 2010/11 Q3' 'committee: C' 'meeting: 2011-01-26' \
        'subject: S' 'lead-officer: L' 'report-author: A' 'summary: S' 'recommendation: R' '---' '' \
        '# Introduction' '' "![A chart of progress]($2)" >$1
}
paper $T/p/good.md good.png
check "a paper with a PNG builds" "./tabled build -o $T/out $T/p/good.md 2>$T/err"
check "the PNG is inlined in the HTML" "grep -q 'data:image/png;base64' $T/out/p/good.html"
check "the PNG is drawn in the PDF" "pdfimages -list $T/out/p/good.pdf 2>/dev/null | grep -q ' 40 *20 '"
for bad in truncated.png badcrc.png baddata.png truncated.jpg; do
    paper $T/p/bad.md $bad
    timeout 20 ./tabled build -o $T/out $T/p/bad.md 2>$T/err
    rc=$?
    sed 's/^/# /' $T/err
    check "$bad: exit 1, not a crash" "[ $rc -eq 1 ]"
    check "$bad: the error names the image's line" "grep -q '^$T/p/bad.md:15:1: error: image $bad' $T/err"
    check "$bad: nothing written" "[ ! -e $T/out/p/bad.pdf ] && [ ! -e $T/out/p/bad.html ]"
done
echo "1..$n"
