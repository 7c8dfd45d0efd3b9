#!/bin/sh
# seed.sh DIR - the seed corpora of the harnesses, made from the repository's own plans,
# papers, test fixtures and images: DIR/plan, DIR/paper, DIR/image, DIR/build, and (with
# ./tabled built) DIR/sheet (tests/sheets/fuzz-seeds.sh) and DIR/paper_json (the example
# papers' JSON).
set -e
cd "$(dirname "$0")/../.."
D=$1
rm -rf "$D" && mkdir -p "$D/plan" "$D/paper" "$D/image" "$D/build" "$D/sheet" "$D/paper_json" "$D/meeting"
i=0
for f in plans/*/plan.yaml plans/*/updates/*.yaml tests/bad/*.yaml tests/cli/fixtures/*.yaml \
    tests/html/fixtures/*/plan.yaml tests/history/fixtures/*/plan.yaml tests/figures/charts/plan.yaml \
    tests/history/fixtures/*/updates/*.yaml templates/house.yaml templates/variants/*.yaml; do
    [ -f "$f" ] || continue
    [ "$(wc -c <"$f")" -le 262144 ] || continue
    i=$((i + 1))
    cp "$f" "$D/plan/seed-$i.yaml"
done
# Plans with their update files (the plan, then each update file after a line "=====").
for d in plans/* tests/history/fixtures/*; do
    [ -d "$d/updates" ] && [ "$(cat "$d/plan.yaml" "$d"/updates/*.yaml | wc -c)" -le 65536 ] || continue
    i=$((i + 1))
    { cat "$d/plan.yaml"; for u in "$d"/updates/*.yaml; do echo "====="; cat "$u"; done; } >"$D/plan/updates-$i.txt"
done
# Papers alone (they run on the Copeland plan), and each with its own plan.
i=0
for f in plans/*/*.md tests/html/fixtures/*/*.md tests/history/fixtures/*/*.md tests/fuzz/papers/*.md \
    tests/figures/charts/*.md; do
    [ -f "$f" ] || continue
    i=$((i + 1))
    cp "$f" "$D/paper/seed-$i.md"
    cp "$f" "$D/build/seed-$i.md"
    plan=$(dirname "$f")/plan.yaml
    if [ -f "$plan" ] && [ "$(wc -c <"$plan")" -le 65536 ]; then
        { cat "$plan"; echo "====="; cat "$f"; } >"$D/paper/pair-$i.txt"
        cp "$D/paper/pair-$i.txt" "$D/build/pair-$i.txt"
    fi
done
cp tests/fuzz/assets/* "$D/image/"
python3 tests/hardening/make_images.py "$D/image/made" >/dev/null
for f in "$D"/image/made/*; do
    [ "$(wc -c <"$f")" -le 65536 ] && mv "$f" "$D/image/"
done
rm -rf "$D/image/made"
# The sheet harness: the fixture council's sheets as exported, saved every way.
if [ -x ./tabled ]; then
    tests/sheets/fuzz-seeds.sh "$D/sheet" >/dev/null 2>&1 || true
    # The paper's JSON as tabled build writes it, for every example paper.
    ./tabled build --format json -o "$D/json-out" plans/*/*.md >/dev/null 2>&1 || true
    for f in "$D"/json-out/*/*.json; do
        [ -f "$f" ] && cp "$f" "$D/paper_json/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    rm -rf "$D/json-out"
fi
# The meeting harness: meeting files (their papers' paths made relative to tests/fuzz/,
# where the harness names its input), and papers with exempt appendices.
M="$D/meeting"
for f in plans/meetings/*.yaml; do
    [ -f "$f" ] && sed 's#\.\./\([a-z-]*\)/#../../plans/\1/#' "$f" >"$M/$(basename "$f")"
done
for f in tests/pack/fixtures/*.yaml; do
    sed 's#\.\./\.\./\.\./plans/#../../plans/#' "$f" >"$M/fixture-$(basename "$f")"
done
sed 's#^\(  - paper: \)\./#\1../../tests/pack/fixtures/cabinet/#' \
    tests/pack/fixtures/cabinet/2011-03-09-cabinet.yaml >"$M/fixture-cabinet.yaml"
cp tests/schema/corpus/meeting/*.yaml "$M/"
for f in plans/copeland-shap/executive-2011-02-15-progress.md plans/copeland-shap/exception-2010-q3.md; do
    sed 's/^plan: .*/plan: ..\/..\/plans\/copeland-shap\/plan.yaml/' "$f" >"$M/$(basename "$f")"
done
