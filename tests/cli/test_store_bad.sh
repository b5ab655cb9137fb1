# Bad stores: a PNG, another program's SQLite database, a damaged store, a
# read-only store and a full disk (RLIMIT_FSIZE) each give a clear error
# naming the file, a non-zero exit, and lose nothing already stored.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3"; exit 77; }
DOC=$ROOT/tests/data/clusters/01_eastport_wire.txt

# expect_error NAME PATTERN CMD...: fails unless CMD exits 2 with PATTERN
expect_error() {
	name=$1 pattern=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$name: exit $rc, want 2 ($(cat "$TMP/err"))"
	grep -q -- "$pattern" "$TMP/err" || fail "$name: message '$(cat "$TMP/err")' lacks '$pattern'"
}

printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\37\25\304\211' >"$TMP/image.png"
cp "$TMP/image.png" "$TMP/image.orig"
expect_error "png" "image.png: .*not a vigil store" "$VIGIL" ingest --db "$TMP/image.png" "$DOC"
cmp -s "$TMP/image.png" "$TMP/image.orig" || fail "the PNG was changed"
expect_error "png query" "image.png: .*not a vigil store" "$VIGIL" query --db "$TMP/image.png"

sqlite3 "$TMP/other.db" "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('keep me')"
expect_error "foreign db" "other.db: not a vigil store (a SQLite database of another program)" "$VIGIL" ingest --db "$TMP/other.db" "$DOC"
expect_eq "foreign db untouched" "$(sqlite3 "$TMP/other.db" 'SELECT group_concat(name) FROM sqlite_master')|$(sqlite3 "$TMP/other.db" 'SELECT t FROM notes')" "notes|keep me"

expect_error "missing store" "nothere.db: " "$VIGIL" query --db "$TMP/nothere.db"

# A damaged store: a good one with its pages overwritten past the header.
"$VIGIL" ingest --db "$TMP/good.db" "$ROOT"/tests/data/clusters/*.txt 2>/dev/null || fail "ingest good.db"
cp "$TMP/good.db" "$TMP/bad.db"
# a fixed pattern, not random bytes: the same damage, the same error, every run
head -c 40960 /dev/zero | tr '\0' '\245' | dd of="$TMP/bad.db" bs=1024 seek=2 conv=notrunc 2>/dev/null
"$VIGIL" query --db "$TMP/bad.db" >/dev/null 2>"$TMP/err"
[ $? -eq 2 ] || fail "damaged store: no error"
grep -q "bad.db: .*\(malformed\|not a vigil store\|damaged\)" "$TMP/err" || fail "damaged store: $(cat "$TMP/err")"

# A read-only store (as another user when we are root: root writes anyway).
cp "$TMP/good.db" "$TMP/ro.db"
chmod 444 "$TMP/ro.db"
chmod 755 "$TMP"
run_as() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null || { echo "skipped: root without setpriv"; exit 77; }
	run_as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
fi
before=$(sqlite3 "$TMP/ro.db" 'SELECT count(*) FROM events')
expect_error "read-only" "ro.db: .*read-only" run_as "$VIGIL" ingest --db "$TMP/ro.db" "$ROOT/data/samples/004_prk_srbm_launch.txt"
expect_eq "read-only store unchanged" "$(sqlite3 "$TMP/ro.db" 'SELECT count(*) FROM events')" "$before"
run_as "$VIGIL" query --db "$TMP/ro.db" --limit 1 >/dev/null 2>"$TMP/err" || fail "read-only store cannot be queried: $(cat "$TMP/err")"

# A full disk: the file may not grow past RLIMIT_FSIZE.
python3 "$ROOT/tests/cli/store_batch.py" "$TMP/batch.jsonl" 300
cp "$TMP/good.db" "$TMP/full.db"
sqlite3 "$TMP/full.db" 'PRAGMA journal_mode=DELETE' >/dev/null
before=$(sqlite3 "$TMP/full.db" 'SELECT count(*) FROM events')
size=$(($(wc -c <"$TMP/full.db") / 512 + 400))
(ulimit -f "$size"; "$VIGIL" ingest --db "$TMP/full.db" "$TMP/batch.jsonl") >/dev/null 2>"$TMP/err"
rc=$?
[ $rc -eq 2 ] || fail "full disk: exit $rc ($(cat "$TMP/err"))"
grep -q "full.db: .*\(full\|I/O error\|disk\)" "$TMP/err" || fail "full disk: $(cat "$TMP/err")"
expect_eq "integrity after a full disk" "$(sqlite3 "$TMP/full.db" 'PRAGMA integrity_check')" "ok"
expect_eq "earlier documents kept" "$(sqlite3 "$TMP/full.db" "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.doc NOT LIKE 'batch-%'")" "$before"
exit 0
