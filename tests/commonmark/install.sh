#!/bin/sh
# Install what run-commonmark.sh needs, on Debian 12 as root: Node.js and npm, and the
# commonmark-spec package pinned in package-lock.json (npm ci, install scripts off).
# Idempotent, and silent when all is there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
need=""
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -n "$need" ]; then
    "$here/../tools/install-debs.sh" $need
fi
stamp="$here/node_modules/.tabled-installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp" ||
    [ ! -f "$here/node_modules/commonmark-spec/spec.txt" ]; then
    (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
    cp "$here/package-lock.json" "$stamp"
fi
