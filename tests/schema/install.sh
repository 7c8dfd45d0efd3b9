#!/bin/sh
# Install what validate.mjs needs, on Debian 12: Debian's nodejs and npm (as root,
# when missing), then the npm packages pinned in package-lock.json (npm ci, install
# scripts off). Idempotent, and silent when all is there.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

need=""
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -n "$need" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "tests/schema/install.sh: missing Debian packages:$need (run as root, or apt-get install them)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	apt-get install -y -q $need >"$log" 2>&1 || {
		apt-get update -q >>"$log" 2>&1 &&
			apt-get install -y -q $need >>"$log" 2>&1
	} || { cat "$log" >&2; echo "tests/schema/install.sh: apt-get install$need failed" >&2; exit 1; }
fi

stamp="$here/node_modules/.tabled-installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp" ||
	[ ! -f "$here/node_modules/ajv/dist/2020.js" ] || [ ! -f "$here/node_modules/yaml/package.json" ]; then
	(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$log" 2>&1 || {
		cat "$log" >&2
		echo "tests/schema/install.sh: npm ci failed in tests/schema" >&2
		exit 1
	}
	cp "$here/package-lock.json" "$stamp"
fi
