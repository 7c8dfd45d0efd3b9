#!/bin/sh
# install-peers.sh - install the tools make bench compares tabled with (make bench-peers):
# Debian's pandoc and wkhtmltopdf, Node.js and npm if missing, and the Typst compiler
# pinned in tests/bench/package-lock.json, with install scripts off. npm picks the
# platform binary, @myriaddreamin/typst-ts-node-compiler-linux-x64-gnu here, from the
# package's optional dependencies: an ordinary registry package, so nothing else is
# downloaded at install or run time. `npm install --no-save` rather than `npm ci`:
# version 0.7.0 was published for linux-x64 (gnu, musl) only, so the lock file cannot
# list the other platforms' optional packages and `npm ci` refuses it as out of sync;
# npm install keeps to the lock file's versions and integrity hashes all the same.
# Idempotent, and quiet when all is there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
"$here/../tools/install-debs.sh" pandoc wkhtmltopdf
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	"$here/../tools/install-debs.sh" nodejs npm

stamp="$here/node_modules/.tabled-installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp" ||
	! (cd "$here" && node -e 'require("@myriaddreamin/typst-ts-node-compiler")') >/dev/null 2>&1; then
	log=$(mktemp)
	trap 'rm -f "$log"' EXIT
	if ! (cd "$here" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
		cat "$log" >&2
		echo "tests/bench/install-peers.sh: npm install failed" >&2
		exit 1
	fi
	cp "$here/package-lock.json" "$stamp"
fi
(cd "$here" && node -e 'require("@myriaddreamin/typst-ts-node-compiler")') ||
	{ echo "tests/bench/install-peers.sh: the Typst node compiler does not load" >&2; exit 1; }
