# lib.sh: shared by the command-line tests (sourced). $VIGIL is the binary
# under test and $SHARED the ../shared folder (may be empty); tests/run.sh
# sets both. A test exits 0 to pass, 77 to skip, anything else to fail.
set -u
: "${VIGIL:?VIGIL must name the vigil binary}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

need_shared() {
	[ -n "${SHARED:-}" ] && [ -d "$SHARED/$1" ] || { echo "skipped: ../shared/$1 not found"; exit 77; }
}

# expect_eq WHAT GOT WANT
expect_eq() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }

# count_records FILE TYPE: number of records of a type in JSON Lines
count_records() { grep -c "^{\"type\":\"$2\"" "$1" || true; }
