#!/bin/sh
# Install what the tagged-PDF checks need, on Debian 12: Node.js and npm (Debian's, when
# missing) and pdfjs-dist pinned in tests/pdf/package-lock.json (npm ci, install
# scripts and optional packages off: nothing is built or downloaded but the pinned
# package). python3-pikepdf comes with the test packages (make test-deps). Idempotent,
# and silent when all is there.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail() {
	cat "$log" >&2
	echo "tests/pdf/install.sh: $*" >&2
	exit 1
}

need=""
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -n "$need" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "tests/pdf/install.sh: missing Debian packages:$need (run as root, or apt-get install them)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	if ! apt-get install -y -q $need >"$log" 2>&1; then
		apt-get update -q >>"$log" 2>&1 || fail "apt-get update failed"
		# shellcheck disable=SC2086
		apt-get install -y -q $need >>"$log" 2>&1 || fail "apt-get install$need failed"
	fi
fi

stamp="$here/node_modules/.tabled-installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp" ||
	[ ! -f "$here/node_modules/pdfjs-dist/legacy/build/pdf.mjs" ]; then
	(cd "$here" && npm ci --ignore-scripts --omit=optional --no-audit --no-fund --loglevel=error) >"$log" 2>&1 ||
		fail "npm ci failed in tests/pdf"
	cp "$here/package-lock.json" "$stamp"
fi
