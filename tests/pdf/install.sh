#!/bin/sh
# Install what the tagged-PDF checks need, on Debian 12: Node.js and npm (Debian's, when
# missing, by tests/tools/install-debs.sh) and pdfjs-dist pinned in
# tests/pdf/package-lock.json (npm ci, install scripts and optional packages off:
# nothing is built or downloaded but the pinned package). python3-pikepdf comes with
# the test packages (make test-deps). Idempotent, and silent when all is there.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail() {
	cat "$log" >&2
	echo "tests/pdf/install.sh: $*" >&2
	exit 1
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	"$here/../tools/install-debs.sh" nodejs npm >"$log" 2>&1 || fail "cannot install nodejs and npm"
fi

stamp="$here/node_modules/.tabled-installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp" ||
	[ ! -f "$here/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ]; then
	(cd "$here" && npm ci --ignore-scripts --omit=optional --no-audit --no-fund --loglevel=error) >"$log" 2>&1 ||
		fail "npm ci failed in tests/pdf"
	cp "$here/package-lock.json" "$stamp"
fi
