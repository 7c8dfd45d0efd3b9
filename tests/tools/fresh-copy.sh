#!/bin/sh
# fresh-copy.sh DIR - make DIR hold the tree as a fresh clone would: every file git
# tracks or would track (tracked, and untracked but not ignored), as it is in the
# working tree, and nothing built. When DIR already holds a copy of the same files
# (same content hash) it is kept, with whatever was built in it, so the suites that
# need a fresh clone (tests/ci, tests/install) share one build. Prints nothing; exit 1
# when git cannot list the files.
set -eu
dir=$1
cd "$(dirname "$0")/../.."
list=$(mktemp)
trap 'rm -f "$list"' EXIT
git ls-files -z --cached --others --exclude-standard >"$list" || exit 1
# Files deleted in the working tree but still in the index are skipped.
files=$(mktemp)
trap 'rm -f "$list" "$files"' EXIT
tr '\0' '\n' <"$list" | while IFS= read -r f; do [ -f "$f" ] && printf '%s\0' "$f"; done >"$files"
hash=$(LC_ALL=C sort -z "$files" | xargs -0 sha1sum | sha1sum | cut -c1-40)
if [ -f "$dir/.fresh-copy-hash" ] && [ "$(cat "$dir/.fresh-copy-hash")" = "$hash" ]; then
    exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
tar --null -T "$files" -cf - | tar -xf - -C "$dir"
echo "$hash" >"$dir/.fresh-copy-hash"
