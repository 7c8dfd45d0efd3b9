#!/bin/sh
# run-schema.sh - the JSON Schemas in templates/schemas (for editors and CI) and
# tabled's loader agree. With ajv (draft 2020-12, strict) reading YAML as editors do:
#   - every schema compiles, and paper.schema.json is what 'tabled schema' writes from
#     the variants;
#   - every example plan, update file, paper, meeting file, the house style and every
#     variant validate;
#   - on a corpus of good and bad files (tests/schema/corpus, one mistake per bad file)
#     the schema and the loader give the same verdict;
#   - each kind of mapping allows exactly the keys the loader allows (keys.py).
# TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
S=templates/schemas
C=tests/schema/corpus
T=build/schema-test
rm -rf $T && mkdir -p $T

if ! sh tests/schema/install.sh; then
    notok "install ajv and yaml (tests/schema/install.sh)"
    echo "1..$n"
    exit 1
fi
v() { node tests/schema/validate.mjs "$@"; }

for s in plan paper house variant updates meeting; do
    v $S/$s.schema.json templates/house.yaml >/dev/null 2>$T/compile.err
    check "$s.schema.json compiles (draft 2020-12, strict)" "[ \$? -ne 2 ]"
done
./tabled schema >$T/paper.schema.json 2>$T/schema.err
check "paper.schema.json is what 'tabled schema' writes from templates/variants" \
    "cmp -s $T/paper.schema.json $S/paper.schema.json"

v $S/plan.schema.json plans/*/plan.yaml >$T/out
check "every example plan validates against plan.schema.json" "[ \$? -eq 0 ]"
sed -n 's/^invalid /# invalid /p' $T/out
v $S/paper.schema.json plans/*/*.md >$T/out
check "every example paper's front block validates against paper.schema.json" "[ \$? -eq 0 ]"
sed -n 's/^invalid /# invalid /p' $T/out
v $S/updates.schema.json plans/*/updates/*.yaml >$T/out
check "every example update file validates against updates.schema.json" "[ \$? -eq 0 ]"
sed -n 's/^invalid /# invalid /p' $T/out
v $S/meeting.schema.json plans/meetings/*.yaml >$T/out
check "every example meeting file validates against meeting.schema.json" "[ \$? -eq 0 ]"
sed -n 's/^invalid /# invalid /p' $T/out
v $S/house.schema.json templates/house.yaml >$T/out
check "the house style validates against house.schema.json" "[ \$? -eq 0 ]"
v $S/variant.schema.json templates/variants/*.yaml >$T/out
check "every front-sheet variant validates against variant.schema.json" "[ \$? -eq 0 ]"
sed -n 's/^invalid /# invalid /p' $T/out

# The loader's verdict on one corpus file: 0 accepted (warnings allowed), 1 refused.
loader() { # kind file
    case $1 in
    plan | paper) ./tabled check "$2" >/dev/null 2>&1 ;;
    house)
        rm -rf $T/tpl && mkdir -p $T/tpl && cp "$2" $T/tpl/house.yaml
        ./tabled rollup $C/plan/good-minimal.yaml --as-at 2010-06-30 --templates $T/tpl >/dev/null 2>&1 ;;
    variant)
        rm -rf $T/vtpl && mkdir -p $T/vtpl/variants && cp "$2" $T/vtpl/variants/
        ./tabled schema --templates $T/vtpl >/dev/null 2>&1 ;;
    updates) # the file alone in the updates folder of a plan
        rm -rf $T/up && mkdir -p $T/up/updates && cp $C/updates/base-plan.yaml $T/up/plan.yaml
        cp "$2" $T/up/updates/
        ./tabled check $T/up/plan.yaml >/dev/null 2>&1 ;;
    meeting) ./tabled pack --dry-run "$2" >/dev/null 2>&1 ;;
    esac
}
for kind in plan paper house variant updates meeting; do
    # One node for every file of a kind: a line "valid FILE" or "invalid FILE: why" each.
    v $S/$kind.schema.json $C/$kind/good-* $C/$kind/bad-* >$T/verdicts-$kind 2>&1
    for f in $C/$kind/good-* $C/$kind/bad-*; do
        [ -f "$f" ] || continue
        loader $kind "$f"
        l=$?
        ajv=$(grep -F " $f" $T/verdicts-$kind | head -1)
        case $ajv in valid*) a=0 ;; invalid*) a=1 ;; *) a=2 ;; esac
        case $(basename "$f") in
        good-*) want="accepted by both"; [ $l -eq 0 ] && [ $a -eq 0 ]; agree=$? ;;
        *) want="refused by both"; [ $l -eq 1 ] && [ $a -eq 1 ]; agree=$? ;;
        esac
        what=$(sed -n '1s/^\(---\)\{0,1\}$//;s/^# //p' "$f" | head -1)
        [ -z "$what" ] && what=$(sed -n '2s/^# //p' "$f")
        if [ $agree -eq 0 ]; then ok "$kind $(basename "$f") $want: $what"; else
            notok "$kind $(basename "$f") $want: $what (loader exit $l, schema: $ajv)"
        fi
    done
done

python3 tests/schema/keys.py ./tabled $S $T/keys >$T/keys.tap 2>&1
rc=$?
# keys.py numbers its own lines: renumber them into this suite.
while IFS= read -r line; do
    case $line in
    "ok "*) ok "${line#ok [0-9]* - }" ;;
    "not ok "*) notok "${line#not ok [0-9]* - }" ;;
    "#"*) echo "$line" ;;
    esac
done <$T/keys.tap
[ $rc -eq 0 ] || grep -q '^not ok' $T/keys.tap || { notok "keys.py ran (exit $rc)"; tail -5 $T/keys.tap | sed 's/^/# /'; }
echo "1..$n"
