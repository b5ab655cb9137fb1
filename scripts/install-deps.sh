#!/bin/sh
# Installs the Debian packages vigil needs to build and test. Idempotent: does
# nothing (and needs no network) when they are all present. Run as root, or
# with sudo available.
set -eu
PKGS="build-essential pkg-config python3 clang libclang-rt-14-dev
libutf8proc-dev libjansson-dev libxml2-dev libcmocka-dev libxxhash-dev libsqlite3-dev sqlite3 libpq-dev postgresql
iso-codes wordnet-base libgeonames0"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
