#!/bin/sh
# Install what tests/html/check.mjs and screenshot.mjs need, on Debian 12 as root:
# Debian's chromium, a Java runtime (17+, for vnu.jar), Node.js and npm, and the
# npm packages pinned in package-lock.json (npm ci, install scripts off: no
# browser or JDK is ever downloaded). Idempotent, and silent when all is there.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail() {
	cat "$log" >&2
	echo "tests/html/install.sh: $*" >&2
	exit 1
}

java_ok() {
	command -v java >/dev/null 2>&1 || return 1
	v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
	[ -n "$v" ] && [ "$v" -ge 17 ]
}

need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
java_ok || need="$need default-jre-headless"
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v npm >/dev/null 2>&1 || need="$need npm"

if [ -n "$need" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "tests/html/install.sh: missing Debian packages:$need (run as root, or apt-get install them)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	if ! apt-get install -y -q $need >"$log" 2>&1; then
		apt-get update -q >>"$log" 2>&1 || fail "apt-get update failed"
		# shellcheck disable=SC2086
		apt-get install -y -q $need >>"$log" 2>&1 || fail "apt-get install$need failed"
	fi
	java_ok || fail "java 17 or later is needed for vnu.jar; java -version says: $(java -version 2>&1 | head -n 1)"
fi

# npm packages: (re)install when node_modules is missing or was installed from
# another package-lock.json.
stamp="$here/node_modules/.tabled-installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp" ||
	[ ! -f "$here/node_modules/vnu-jar/build/dist/vnu.jar" ] ||
	[ ! -f "$here/node_modules/axe-core/axe.min.js" ] ||
	[ ! -f "$here/node_modules/playwright-core/package.json" ]; then
	(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$log" 2>&1 ||
		fail "npm ci failed in tests/html"
	cp "$here/package-lock.json" "$stamp"
fi
