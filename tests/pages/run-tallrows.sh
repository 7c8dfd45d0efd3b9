#!/bin/sh
# run-tallrows.sh - a table row taller than a page (issue 12's tall-row split) loses
# nothing, however many pages it runs over: a 70,000-letter word and 9,000 numbered words
# in a two-column table's header row, first, middle and last body rows, either column,
# must come back from the PDF whole and in order; and a plan table's row continued over
# many pages repeats its reference marked "(cont.)" on every page it continues onto.
# (A header row taller than a page was drawn as it was, off the page's foot: of the
# 70,000 letters 5,390 came back.) TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/tallrows
rm -rf $T && mkdir -p $T/plans/p
export SOURCE_DATE_EPOCH=1700000000
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "ok 1 - # SKIP pdftotext or python3 missing (make test-deps)"
    exit 0
fi
cp plans/copeland-shap/plan.yaml $T/plans/p/plan.yaml
front() {
    printf '%s\n' '---' 'variant: exception' 'as-at: 2010/11 Q3' 'committee: Audit Committee' \
        'meeting: 2011-01-26' 'subject: Exception report' 'lead-officer: L' 'report-author: A' \
        'summary: S' 'recommendation: R' '---' '' '# Introduction' '' >$1
}
# every W, or every numbered word in order, is in the PDF
whole() { # PDF KIND
    pdftotext "$1" - | python3 -c "
import re, sys
t = sys.stdin.read()
if sys.argv[1] == 'word': sys.exit(t.count('W') != 70000)
got = re.findall(r'w(\d{5})', t)
sys.exit(got != ['%05d' % i for i in range(9000)])" "$2"
}
for kind in word words; do
    for where in header header2 first middle last first2 middle2 last2; do
        f=$T/plans/p/$kind-$where.md
        front $f
        python3 - "$kind" "$where" >>$f <<'PY'
import sys
kind, where = sys.argv[1:]
cell = 'W' * 70000 if kind == 'word' else ' '.join('w%05d' % i for i in range(9000))
hdr = ['Ref', 'Note']
body = [['r%d' % i, 'x%d' % i] for i in range(4)]
col = 1 if where.endswith('2') else 0
pos = where.rstrip('2')
if pos == 'header': hdr[col] = cell
else: body[{'first': 0, 'middle': 2, 'last': 3}[pos]][col] = cell
print('| %s | %s |\n|---|---|' % tuple(hdr))
for r in body: print('| %s | %s |' % tuple(r))
print('\nAfter the table.')
PY
        out=$T/out/p/$kind-$where.pdf
        rc=0
        ./tabled build --templates templates --fonts fonts -o $T/out $f 2>$T/err || rc=$?
        sed 's/^/# /' $T/err | head -3
        pages=$(pdfinfo $out 2>/dev/null | sed -n 's/^Pages: *//p')
        check "a $kind cell several pages tall in the $where row ($pages pages): all of it in the PDF, in order" \
            "[ $rc -eq 0 ] && [ \"\${pages:-0}\" -ge 4 ] && whole $out $kind"
    done
done

# A plan table (exceptions, its reference a row header): an action's measure of 6,000
# numbered words runs over some twenty pages; every word comes back in order, and each
# page the row continues onto repeats its reference, marked "(cont.)", once.
mkdir -p $T/plans/c
python3 - plans/copeland-shap/plan.yaml $T/plans/c/plan.yaml <<'PY'
import sys
s = open(sys.argv[1]).read()
old = """    measure: >-
      Finalised online form changed from consultation undertaken; Articles published in
      Copeland Matters and Website
"""
assert s.count(old) == 1
words = ' '.join('m%05d' % i for i in range(6000))
open(sys.argv[2], 'w').write(s.replace(old, '    measure: "' + words + '"\n'))
PY
cp plans/copeland-shap/exception-2010-q3.md $T/plans/c/
rc=0
./tabled build --templates templates --fonts fonts -o $T/out $T/plans/c/exception-2010-q3.md 2>$T/err || rc=$?
sed 's/^/# /' $T/err | head -3
pdftotext $T/out/c/exception-2010-q3.pdf $T/c.txt 2>/dev/null
python3 - $T/c.txt >$T/c.log <<'PY'
import re, sys
t = open(sys.argv[1]).read()
pages = t.split('\f')
got = re.findall(r'm(\d{5})', t)
print('words', int(got == ['%05d' % i for i in range(6000)]))
# the pages the row is on, and on each after its first the reference "(cont.)" once
on = [i for i, p in enumerate(pages) if re.search(r'm\d{5}', p)]
cont = [len(re.findall(r'SH1\.2\.1\s+\(cont\.\)', pages[i])) for i in on]
print('pages', len(on))
print('cont', int(len(on) >= 10 and cont[0] == 0 and all(c == 1 for c in cont[1:])))
PY
sed 's/^/# /' $T/c.log
check "a plan table's row over $(sed -n 's/^pages //p' $T/c.log) pages: every word in order" \
    "[ $rc -eq 0 ] && grep -qx 'words 1' $T/c.log"
check "... its reference marked (cont.) once on each page it continues onto" "grep -qx 'cont 1' $T/c.log"
