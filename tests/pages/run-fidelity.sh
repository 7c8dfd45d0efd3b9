#!/bin/sh
# run-fidelity.sh - the example papers as their seeds went to committee (issue 12):
# a table field's label said once (Leicester's Decision Status: no caption repeating
# it); a milestone whose title gives its date not given it twice; the front sheet's
# kind of report printed ("Report for Information", seed 000), a meeting date the kind
# already gives not printed again (seed 001), a kind the title says not repeated; a
# milestone's own Who beside it when not the action's (seed 004); totals ruled and bold
# (seed 002's budget); the recommendation codes the action plan cites, with a key (seed
# 000); due dates as the seeds word them ("October 2010 and ongoing", "Must be fully
# implemented by November 2009") and no revision a seed does not give; Leicester's
# "Supporting information" over its report and no Decision | Status header row; every
# value an example plan made up printed with the illustrative mark and its note.
# Read from the printed PDF (the footer, 'Committee, date', apart) and the HTML. TAP
# output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/fidelity
rm -rf $T && mkdir -p $T
export SOURCE_DATE_EPOCH=1700000000
if ! command -v pdftotext >/dev/null 2>&1; then
    echo "ok 1 - # SKIP pdftotext missing (make test-deps)"
    exit 0
fi
check "the example papers build" \
    "./tabled build --templates templates -o $T/out plans/*/plan.yaml plans/*/*.md 2>$T/err"
sed 's/^/# /' $T/err
L=$T/out/leicester-bv-review/cabinet-2003-03-10
pdftotext -f 1 -l 1 $L.pdf $T/lei1.txt
check "Leicester: Decision Status said once on the front sheet (PDF and HTML)" \
    "[ \$(grep -o 'Decision Status' $T/lei1.txt | wc -l) -eq 1 ] && ! grep -q '<caption[^>]*>Decision Status' $L.html"
pdftotext $L.pdf - | tr '\n' ' ' | sed 's/  */ /g' >$T/lei.txt
check "Leicester: a milestone titled with its date is not dated twice" \
    "grep -q 'Continue Service Assessment (March 2003)' $T/lei.txt && ! grep -q '(March 2003) (March' $T/lei.txt && ! grep -q '(March 2003) (March' $L.html"
E=$T/out/norwich-hip/executive-2009-05-13
check "Norwich executive: 'Report for Information' above 'Report to Executive' (seed 000)" \
    "pdftotext -f 1 -l 1 $E.pdf - | grep -v '^\$' | head -3 | tr '\n' '|' | grep -q 'Report for Information|Report to Executive' && grep -q '<p class=\"kind\">Report for Information</p>' $E.html"
S=$T/out/norwich-hip/scrutiny-2010-07-22
pdftotext -f 1 -l 1 $S.pdf $T/scr1.txt
check "Norwich scrutiny: the meeting date once, in 'Report for meeting to be held on 22 July 2010'" \
    "grep -q 'Report for meeting to be held on 22 July 2010' $T/scr1.txt && [ \$(grep -v 'Scrutiny Committee, 22 July 2010' $T/scr1.txt | grep -o '22 July 2010' | wc -l) -eq 1 ]"
C=$T/out/copeland-shap/exception-2010-q3
pdftotext -f 1 -l 1 $C.pdf $T/cop1.txt
check "Copeland: the title once on page 1 (its kind, 'Exception report', is in it)" \
    "[ \$(grep -ic 'Exception Report\$' $T/cop1.txt) -eq 1 ] && ! grep -q 'class=\"kind\"' $C.html"
pdftotext $C.pdf - | tr '\n' ' ' | sed 's/  */ /g' >$T/cop.txt
check "Copeland: a milestone's own Who printed with it (seed 004's HSM/HPO)" \
    "grep -q 'website (November 2010; HSM / HPO)' $T/cop.txt && grep -q 'website (November 2010; HSM / HPO)' $C.html"
check "Leicester: the budget's totals are total rows (ruled and bold), as the roll-up's Whole plan" \
    "[ \$(grep -c '<tr class=\"total\"><th scope=\"row\"[^>]*>Total \\|<tr class=\"total\"><td[^>]*>Total ' $L.html) -eq 2 ] && grep -q '<tr class=\"total\"><th scope=\"row\"[^>]*>Whole plan' $S.html"
# Every recommendation code the action plan cites has its key (seed 000's R1, HQN...).
python3 - $E.html >$T/recs.txt <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
tables = re.findall(r"<table.*?</table>", html, re.S)
plan = [t for t in tables if "action plan as at" in t]
key = [t for t in tables if "Recommendations the action plan refers to" in t]
cited = set()
for t in plan:
    for cell in re.findall(r'<td data-label="Recommendation">(.*?)</td>', t, re.S):
        cited |= {c.strip() for c in re.sub(r"<[^>]+>", "", cell).split(",") if c.strip()}
keyed = set(re.findall(r'<th scope="row"[^>]*>(.*?)</th>', key[0])) if key else set()
print(len(cited), len(keyed), " ".join(sorted(cited - keyed)))
PY
read cited keyed missing <$T/recs.txt
echo "# Norwich executive: $cited recommendation codes cited, $keyed in the key; missing: ${missing:-none}"
check "Norwich executive: every recommendation code the plan cites is in its key" \
    "[ '${cited:-0}' -gt 0 ] && [ '$cited' = '$keyed' ] && [ -z '$missing' ] && pdftotext $E.pdf - | grep -q 'Recommendations the action plan refers to'"

# Seed 004: "October 2010 and ongoing" and "September 2010 and ongoing Revised March
# 2011"; SH3.3.2 and SH4.5.1 with the notes the seed prints beside their dates, no
# revision; SH4.5.1 listed for an officer's Amber the seed does not give: marked.
python3 - $C.html >$T/cop-rows.txt <<'PY'
import html, re, sys
src = open(sys.argv[1], encoding="utf-8").read()
for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", src, re.S):
    text = html.unescape(re.sub(r"<[^>]+>", " ", tr))
    text = re.sub(r"\s+", " ", text).strip()
    m = re.match(r"(SH[0-9.]+) ", text)
    if m:
        print(text)
PY
check "Copeland: SH3.3.2 is 'October 2010 and ongoing', overdue, with its note and no revision" \
    "grep '^SH3.3.2 ' $T/cop-rows.txt | grep 'October 2010 and ongoing' | grep 'Link to service plan 2011/12' | grep -qv 'Revised'"
check "Copeland: SH5.4.1 and SH5.4.2 are 'September 2010 and ongoing', revised March 2011" \
    "[ \$(grep '^SH5.4.[12] ' $T/cop-rows.txt | grep -c 'September 2010 and ongoing Revised March 2011') -eq 2 ]"
check "Copeland: SH4.5.1 is January 2011 with 'Paper to March 2011 Panel', no revision, its Amber marked illustrative" \
    "grep '^SH4.5.1 ' $T/cop-rows.txt | grep 'January 2011' | grep 'Reported Amber\. *†' | grep 'Paper to March 2011 Panel' | grep -qv 'Revised' && grep -q '† Illustrative: made up for this example' $T/cop.txt"
pdftotext $E.pdf - | tr '\n' ' ' | sed 's/  */ /g' >$T/exec.txt
n_must=$(grep -c '^    deadline: true' plans/norwich-hip/plan.yaml)
check "Norwich executive: the seed's $n_must dates read 'Must be fully implemented by ...' (PDF and HTML)" \
    "[ \$(grep -o 'Must be fully implemented by [A-Z][a-z]* 20[0-9][0-9]' $T/exec.txt | wc -l) -eq $n_must ] && [ \$(grep -o 'Must be fully implemented by [A-Z][a-z]* 20[0-9][0-9]' $E.html | wc -l) -eq $n_must ]"
check "Norwich executive: made-up start and finish dates marked, and the mark explained" \
    "grep -q 'May 2009† June 2009†' $T/exec.txt && grep -q '† Illustrative: made up for this example' $T/exec.txt"
check "Leicester: 'Supporting information' heads the report, unnumbered, before 1 Report" \
    "grep -q 'Supporting information 1 Report' $T/lei.txt && grep -q '<h2 id=\"report-body\">Supporting information</h2>' $L.html"
check "Leicester: the Decision Status rows have no Decision | Status header row" \
    "! grep -q 'Decision Status Decision Status' $T/lei1.txt && ! grep -q '<th scope=\"col\">Decision</th>' $L.html && grep -q 'Key Decision' $T/lei1.txt"
check "Norwich executive: the paper's JSON says which values are made up (A.12 start and due; A.13 start)" \
    "python3 -c 'import json,sys; a={x[\"ref\"]: x for x in json.load(open(sys.argv[1]))[\"rollup\"][\"actions\"]}; assert a[\"A.12\"][\"illustrative\"]==[\"start\",\"due\"]; assert a[\"A.13\"][\"illustrative\"]==[\"start\"]' $E.json"
