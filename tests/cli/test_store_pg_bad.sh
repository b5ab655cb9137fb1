# PostgreSQL stores that cannot be used: an unreachable server, a bad URL, a
# wrong password, a missing database, another program's schema and a store
# of a newer schema each give a one-line error naming the URL without its
# password and a non-zero exit, and change nothing. Needs VIGIL_TEST_PG.
. "$(dirname "$0")/lib.sh"
STORE_BACKEND=pg
DB=$(new_store base) || exit $?
DOC=$ROOT/tests/data/clusters/01_eastport_wire.txt
SERVER=${VIGIL_TEST_PG%/*}

# expect_error NAME PATTERN CMD...: fails unless CMD exits 2 with PATTERN on
# one line of stderr
expect_error() {
	name=$1 pattern=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$name: exit $rc, want 2 ($(cat "$TMP/err"))"
	expect_eq "$name: lines of stderr" "$(wc -l <"$TMP/err")" 1
	grep -q -- "$pattern" "$TMP/err" || fail "$name: message '$(cat "$TMP/err")' lacks '$pattern'"
}

expect_error "unreachable" "postgresql://127.0.0.1:1/vigil: cannot connect to PostgreSQL: .*refused" \
	"$VIGIL" ingest --db postgresql://127.0.0.1:1/vigil "$DOC"
expect_error "bad URL" "postgresql://\[::1/x: bad PostgreSQL URL" "$VIGIL" query --db "postgresql://[::1/x"
expect_error "bad port" "postgresql://localhost:port/x: .*invalid integer value \"port\"" \
	"$VIGIL" query --db "postgresql://localhost:port/x"

# a wrong password: the URL is named without it
user_host=$(echo "$SERVER" | sed 's|^postgresql://\([^:@]*\):[^@]*@|\1@|')
bad_url=$(echo "$DB" | sed 's|^\(postgresql://[^:@]*\):[^@]*@|\1:Wr0ngPassw0rd@|')
expect_error "wrong password" "^vigil ingest: postgresql://$user_host/vt_[0-9]*_base: cannot connect to PostgreSQL: .*password authentication failed" \
	"$VIGIL" ingest --db "$bad_url" "$DOC"
grep -q Wr0ngPassw0rd "$TMP/err" && fail "the password is in the message"
expect_error "password in the query string" "postgresql://$user_host/vt_[0-9]*_base?sslmode=disable: " \
	"$VIGIL" ingest --db "${bad_url%%:Wr0ng*}@${bad_url#*@}?password=Wr0ngPassw0rd&sslmode=disable" "$DOC"
grep -q Wr0ngPassw0rd "$TMP/err" && fail "the password is in the message"
expect_error "missing database" "/vt_nothere_$$: cannot connect to PostgreSQL: .*does not exist" \
	"$VIGIL" query --db "$SERVER/vt_nothere_$$"

# another program's tables: refused untouched
db_sql "$DB" "CREATE TABLE notes(t text); INSERT INTO notes VALUES ('keep me')"
expect_error "foreign schema" "not a vigil store (a PostgreSQL schema holding another program's tables); nothing was changed" \
	"$VIGIL" ingest --db "$DB" "$DOC"
expect_eq "foreign schema untouched" "$(db_sql "$DB" "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")|$(db_sql "$DB" 'SELECT t FROM notes')" "notes|keep me"

# an empty database is no store to query; a newer schema is refused
DB2=$(new_store second) || exit $?
expect_error "query before any ingest" "not a vigil store (no schema)" "$VIGIL" query --db "$DB2"
"$VIGIL" ingest --db "$DB2" "$DOC" 2>"$TMP/err" || fail "ingest: $(cat "$TMP/err")"
db_sql "$DB2" "UPDATE vigil_meta SET schema_version = 99"
expect_error "newer schema" "store schema version 99 is newer than this vigil's" "$VIGIL" query --db "$DB2"

# a statement failing inside a document's transaction (a trigger refusing
# its events, in the pipeline that inserts and commits it): the document is
# rolled back whole, the message names the cause; once the trigger is gone
# the same document goes in
DOC2=$ROOT/tests/data/clusters/02_harbor_daily.txt
DB3=$(new_store third) || exit $?
"$VIGIL" ingest --db "$DB3" "$DOC" 2>"$TMP/err" || fail "ingest: $(cat "$TMP/err")"
db_sql "$DB3" "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
	\$\$BEGIN RAISE EXCEPTION 'no events today'; END\$\$;
	CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse()"
rows="SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM sentences) || ' ' || (SELECT count(*) FROM events)"
before=$(db_sql "$DB3" "$rows")
"$VIGIL" ingest --db "$DB3" "$DOC2" 2>"$TMP/err"
expect_eq "refused events: exit" "$?" 2
grep -q "storing a document: no events today (document " "$TMP/err" ||
	fail "refused events: message '$(cat "$TMP/err")'"
expect_eq "refused document rolled back" "$(db_sql "$DB3" "$rows")" "$before"
db_sql "$DB3" "DROP TRIGGER refuse ON events"
"$VIGIL" ingest --db "$DB3" "$DOC2" 2>"$TMP/err" || fail "ingest after the trigger: $(cat "$TMP/err")"
expect_eq "documents after the trigger" "$(db_sql "$DB3" "SELECT count(*) FROM documents")" 2
exit 0
