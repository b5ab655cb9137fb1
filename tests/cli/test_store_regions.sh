# Clusters and places (tests/data/clusters_regions): reports of one event
# type between the same countries on the same day are one cluster per
# region (admin1, else country); a report without a place joins the single
# region when there is one, else a cluster of its own. The result does not
# depend on the order of ingest, and replacing a report moves them again.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3"; exit 77; }
DATA=$ROOT/tests/data/clusters_regions

# doc:cluster-mates (the other documents in its cluster), by document
groups() {
	sqlite3 "$1" "SELECT d.doc, (SELECT group_concat(o.doc) FROM (SELECT d2.doc
		FROM events e2 JOIN documents d2 ON d2.id = e2.doc_id
		WHERE e2.cluster = e.cluster AND d2.id <> d.id ORDER BY d2.doc) o)
		FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY d.doc" | tr '\n' ' '
}
ingest() { # db, then input names
	db=$1
	shift
	for n in "$@"; do
		"$VIGIL" ingest --db "$db" "$DATA/$n.jsonl" 2>"$TMP/err" || fail "ingest $n: $(cat "$TMP/err")"
	done
}

ingest "$TMP/abc.db" a b c
expect_eq "two regions" "$(groups "$TMP/abc.db")" "shelling-a| shelling-b| shelling-c| "
ingest "$TMP/cba.db" c b a
expect_eq "any order" "$(groups "$TMP/cba.db")" "shelling-a| shelling-b| shelling-c| "
expect_eq "same ids" "$(sqlite3 "$TMP/cba.db" 'SELECT cluster FROM events ORDER BY doc_id' | sort)" \
	"$(sqlite3 "$TMP/abc.db" 'SELECT cluster FROM events ORDER BY doc_id' | sort)"

ingest "$TMP/ac.db" a c
expect_eq "one region" "$(groups "$TMP/ac.db")" "shelling-a|shelling-c shelling-c|shelling-a "
ingest "$TMP/ca.db" c a
expect_eq "one region, placed last" "$(groups "$TMP/ca.db")" "shelling-a|shelling-c shelling-c|shelling-a "
"$VIGIL" query --db "$TMP/ca.db" --clusters >"$TMP/cl" || fail "query --clusters"
python3 - "$TMP/cl" <<'PY' || fail "the merged cluster's counts"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
assert [(c["mentions"], c["documents"], c["sources"], c["event_loc"]["admin1"]) for c in got] == [(2, 2, 2, "UA-63")], got
PY

# b moves from Kherson to Kharkiv: one region left, c joins it; then back
ingest "$TMP/abc.db" b_kharkiv
expect_eq "replaced" "$(groups "$TMP/abc.db")" \
	"shelling-a|shelling-b,shelling-c shelling-b|shelling-a,shelling-c shelling-c|shelling-a,shelling-b "
expect_eq "counts after the move" "$(sqlite3 "$TMP/abc.db" 'SELECT sum(mentions), sum(documents), count(*) FROM cluster_sources')" "3|3|3"
ingest "$TMP/abc.db" b
expect_eq "replaced back" "$(groups "$TMP/abc.db")" "shelling-a| shelling-b| shelling-c| "
expect_eq "counts after moving back" "$(sqlite3 "$TMP/abc.db" 'SELECT cluster, mentions, documents FROM cluster_sources ORDER BY source' | cut -d'|' -f2,3 | tr '\n' ' ')" "1|1 1|1 1|1 "
expect_eq "integrity" "$(sqlite3 "$TMP/abc.db" 'PRAGMA integrity_check')" ok
exit 0
