#!/bin/sh
# check.sh - checks every PDF under a directory (default: out) the way a clerk would
# notice problems: qpdf finds no damage, every font is embedded, the text comes back
# out with pdftotext, every page has its "Page N of M" footer, and page sizes are A4
# (portrait or landscape). Prints one line per paper; exits 1 if any check failed.
#
#   tests/pdf/check.sh [DIR]
set -u
dir=${1:-out}
fail=0
n=0
for tool in qpdf pdffonts pdftotext pdfinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "check.sh: $tool not installed" >&2; exit 2; }
done
bad() { echo "FAIL $1: $2"; fail=1; }
for pdf in $(find "$dir" -name '*.pdf' | LC_ALL=C sort); do
    n=$((n + 1))
    ok=1
    if ! qpdf --check "$pdf" >/dev/null 2>&1; then bad "$pdf" "qpdf --check"; ok=0; fi
    notemb=$(pdffonts "$pdf" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes"' | wc -l)
    [ "$notemb" -eq 0 ] || { bad "$pdf" "$notemb font(s) not embedded"; ok=0; }
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ -n "$pages" ] && [ "$pages" -ge 1 ] || { bad "$pdf" "no pages"; continue; }
    p=1
    while [ "$p" -le "$pages" ]; do
        if ! pdftotext -f "$p" -l "$p" "$pdf" - 2>/dev/null | grep -q "Page $p of $pages"; then
            bad "$pdf" "page $p lacks 'Page $p of $pages'"
            ok=0
        fi
        p=$((p + 1))
    done
    odd=$(pdfinfo -f 1 -l "$pages" "$pdf" 2>/dev/null |
          awk '/^Page .* size:/ { w=$4; h=$6; if (!((w=="595.28" && h=="841.89") || (w=="841.89" && h=="595.28"))) print }' | wc -l)
    [ "$odd" -eq 0 ] || { bad "$pdf" "$odd page(s) not A4"; ok=0; }
    [ "$ok" -eq 1 ] && echo "ok   $pdf ($pages pages)"
done
[ "$n" -gt 0 ] || { echo "check.sh: no PDFs under $dir" >&2; exit 2; }
exit $fail
