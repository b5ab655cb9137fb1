# Clusters and places (tests/data/clusters_regions): reports of one event
# type between the same countries on the same day are one cluster per
# region (admin1, else country); a report without a place joins the single
# region when there is one, else a cluster of its own. The result does not
# depend on the order of ingest, and replacing a report moves them again.
# Read through vigil query, so that it runs on both backends.
. "$(dirname "$0")/lib.sh"
DATA=$ROOT/tests/data/clusters_regions

# doc|cluster-mates (the other documents in its cluster), by document
groups() {
	"$VIGIL" query --db "$1" >"$TMP/ev" || fail "query $1"
	python3 - "$TMP/ev" <<'PY' | tr '\n' ' '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
for e in sorted(ev, key=lambda e: e["doc"]):
    mates = sorted(o["doc"] for o in ev if o["cluster"] == e["cluster"] and o["doc"] != e["doc"])
    print(e["doc"] + "|" + ",".join(mates))
PY
}
# each cluster's mentions|documents|sources, sorted
counts() {
	"$VIGIL" query --db "$1" --clusters >"$TMP/cl" || fail "query --clusters $1"
	python3 -c 'import json, sys
print(" ".join(sorted("%d|%d|%d" % (c["mentions"], c["documents"], c["sources"]) for c in map(json.loads, open(sys.argv[1])))))' "$TMP/cl"
}
# the clusters of the events, sorted
ids() { "$VIGIL" query --db "$1" | python3 -c 'import json, sys
print(" ".join(sorted(json.loads(l)["cluster"] for l in sys.stdin)))'; }
ingest() { # db, then input names
	db=$1
	shift
	for n in "$@"; do
		"$VIGIL" ingest --db "$db" "$DATA/$n.jsonl" 2>"$TMP/err" || fail "ingest $n: $(cat "$TMP/err")"
	done
}

ABC=$(new_store abc) || exit $?
CBA=$(new_store cba) || exit $?
AC=$(new_store ac) || exit $?
CA=$(new_store ca) || exit $?
ingest "$ABC" a b c
expect_eq "two regions" "$(groups "$ABC")" "shelling-a| shelling-b| shelling-c| "
ingest "$CBA" c b a
expect_eq "any order" "$(groups "$CBA")" "shelling-a| shelling-b| shelling-c| "
expect_eq "same ids" "$(ids "$CBA")" "$(ids "$ABC")"

ingest "$AC" a c
expect_eq "one region" "$(groups "$AC")" "shelling-a|shelling-c shelling-c|shelling-a "
ingest "$CA" c a
expect_eq "one region, placed last" "$(groups "$CA")" "shelling-a|shelling-c shelling-c|shelling-a "
expect_eq "same ids, one region" "$(ids "$CA")" "$(ids "$AC")"
"$VIGIL" query --db "$CA" --clusters >"$TMP/cl" || fail "query --clusters"
python3 - "$TMP/cl" <<'PY' || fail "the merged cluster's counts"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
assert [(c["mentions"], c["documents"], c["sources"], c["event_loc"]["admin1"]) for c in got] == [(2, 2, 2, "UA-63")], got
PY

# a loses its place: no region is left, a and c are one cluster, as in a
# store that never had a place (c then a_noplace)
NP=$(new_store np) || exit $?
ingest "$NP" c a_noplace
ingest "$AC" a_noplace
expect_eq "no region left" "$(groups "$AC")" "shelling-a|shelling-c shelling-c|shelling-a "
expect_eq "same ids as never placed" "$(ids "$AC")" "$(ids "$NP")"
expect_eq "counts without a region" "$(counts "$AC")" "2|2|2"

# b moves from Kherson to Kharkiv: one region left, c joins it; then back
ingest "$ABC" b_kharkiv
expect_eq "replaced" "$(groups "$ABC")" \
	"shelling-a|shelling-b,shelling-c shelling-b|shelling-a,shelling-c shelling-c|shelling-a,shelling-b "
expect_eq "counts after the move" "$(counts "$ABC")" "3|3|3"
ingest "$ABC" b
expect_eq "replaced back" "$(groups "$ABC")" "shelling-a| shelling-b| shelling-c| "
expect_eq "counts after moving back" "$(counts "$ABC")" "1|1|1 1|1|1 1|1|1"
expect_eq "same ids after moving back" "$(ids "$ABC")" "$(ids "$CBA")"
expect_eq "integrity" "$(db_integrity "$ABC")" ok
exit 0
