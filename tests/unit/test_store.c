/*
 * test_store.c: unit tests of the store: the cluster rule (exact keys and
 * ids, regions of places), the near-duplicate signature, the SQLite
 * connection's set of known keys, and vigil_store_put's outcomes and
 * counts on a real SQLite file (also with two connections writing one
 * file, their near-duplicates, and a batch with a failing document),
 * cluster counts as read back, with refusals of foreign locations.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vigil/vigil.h>

#include "store/sqlite_int.h"

static vigil_event_rec event(const char *type, const char *actor_country,
			     const char *actor_code, const char *date,
			     const char *aux)
{
	vigil_event_rec e;

	memset(&e, 0, sizeof(e));
	e.event = type;
	e.actor.code = actor_code;
	e.actor.country = actor_country;
	e.date = date;
	e.date_precision = date ? "day" : NULL;
	e.aux_mode = aux;
	e.goldstein = NAN;
	e.place.lat = e.place.lon = NAN;
	return e;
}

static void test_cluster_keys(void **state)
{
	static const struct {
		const char *type, *country, *code, *date, *aux, *key;
	} cases[] = {
		{"MOBILIZE", "PRK", "PRK", "2025-01-06", "asserted", "MOBILIZE|PRK|-|2025-01-06|day"},
		{"MOBILIZE", "PRK", "PRKMIL", "2025-01-06", "asserted", "MOBILIZE|PRK|-|2025-01-06|day"},
		{"AID", NULL, "IGOUNO", "2025-02-01", "asserted", "AID|IGOUNO|-|2025-02-01|day"},
		{"MOBILIZE", "PRK", "PRK", "2025-01-06", "future", NULL},
		{"MOBILIZE", "PRK", "PRK", NULL, "asserted", NULL},
		{NULL, "PRK", "PRK", "2025-01-06", "asserted", NULL},
	};
	char key[VIGIL__CLUSTER_KEY_MAX], id[13], id2[13];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil_event_rec e = event(cases[i].type, cases[i].country,
					  cases[i].code, cases[i].date, cases[i].aux);
		int in = vigil__cluster_key(&e, key, sizeof(key), id);

		assert_int_equal(in, cases[i].key != NULL);
		if (cases[i].key) {
			assert_string_equal(key, cases[i].key);
			assert_int_equal(strlen(id), 12);
		}
	}
	/* a week later is another cluster */
	{
		vigil_event_rec a = event("MOBILIZE", "PRK", "PRK", "2025-01-06", "asserted");
		vigil_event_rec b = event("MOBILIZE", "PRK", "PRK", "2025-01-14", "asserted");

		assert_true(vigil__cluster_key(&a, key, sizeof(key), id));
		assert_true(vigil__cluster_key(&b, key, sizeof(key), id2));
		assert_string_not_equal(id, id2);
	}
}

static void test_cluster_regions(void **state)
{
	static const struct {
		const char *name, *country, *admin1, *region, *key;
	} cases[] = {
		{"Kharkiv", "UKR", "UA-63", "UA-63", "B|UA-63"},
		{"Kursk Oblast", "RUS", "RU-KRS", "RU-KRS", "B|RU-KRS"},
		{"Ukraine", "UKR", NULL, "UKR", "B|UKR"},
		{NULL, NULL, NULL, NULL, NULL},
	};
	char key[VIGIL__CLUSTER_KEY_MAX], id[13], base[13];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil_event_rec e = event("ASSAULT", "RUS", "RUSMIL", "2025-02-03",
					  "asserted");
		const char *region;

		e.place.name = cases[i].name;
		e.place.country = cases[i].country;
		e.place.admin1 = cases[i].admin1;
		region = vigil__cluster_region(&e);
		if (!cases[i].region) {
			assert_null(region);
			continue;
		}
		assert_string_equal(region, cases[i].region);
		assert_true(vigil__cluster_region_key("B", region, key,
						      sizeof(key), id));
		assert_string_equal(key, cases[i].key);
		/* the base key ignores the place; the region key differs */
		assert_true(vigil__cluster_key(&e, key, sizeof(key), base));
		assert_string_equal(key, "ASSAULT|RUS|-|2025-02-03|day");
		assert_string_not_equal(id, base);
	}
	assert_false(vigil__cluster_region_key("B", "UA-63", key, 4, id));
	/* "B|UA-63" and its NUL take 8 bytes: 7 do not hold it */
	assert_false(vigil__cluster_region_key("B", "UA-63", key, 7, id));
	assert_true(vigil__cluster_region_key("B", "UA-63", key, 8, id));
	assert_string_equal(key, "B|UA-63");
}

static vigil_doc_records doc_of(const char *id, const char *date,
				vigil_sentence_rec *s, const char *text,
				vigil_event_rec *ev, size_t nev)
{
	vigil_doc_records r;

	memset(&r, 0, sizeof(r));
	memset(s, 0, sizeof(*s));
	s->text = text;
	s->span.end = (uint32_t)strlen(text);
	r.id = id;
	r.date = date;
	r.sentences = s;
	r.nsentences = 1;
	r.events = ev;
	r.nevents = nev;
	return r;
}

static void test_minhash(void **state)
{
	static const char a[] = "North Korea fired a ballistic missile into the sea off its east coast on Monday, South Korea's military said, its first launch in two months.";
	static const char b[] = "North Korea fired a ballistic missile into the sea off its east coast on Monday, South Korea's military said, its first launch in two months and a day.";
	static const char c[] = "Russian forces struck energy facilities across Ukraine overnight with drones and cruise missiles, the Ukrainian air force said on Tuesday morning.";
	vigil_sentence_rec sa, sb, sc, sd;
	vigil_doc_records ra = doc_of("a", "2025-01-06", &sa, a, NULL, 0);
	vigil_doc_records rb = doc_of("b", "2025-01-06", &sb, b, NULL, 0);
	vigil_doc_records rc = doc_of("c", "2025-01-06", &sc, c, NULL, 0);
	vigil_doc_records shortdoc = doc_of("d", NULL, &sd, "Too short.", NULL, 0);
	uint32_t ga[VIGIL__MINHASH_K], gb[VIGIL__MINHASH_K], gc[VIGIL__MINHASH_K];
	/* a's signature: stored signatures must match new ones, so the
	 * functions never change (values of the multiply-add form) */
	static const uint32_t sig_a[VIGIL__MINHASH_K] = {
		0x1661ed9f, 0x003544dc, 0x12ebfaab, 0x04a43894,
		0x071edc8a, 0x0f83a4db, 0x0aede20b, 0x08678363,
		0x0235e2ce, 0x0b3965fd, 0x1541898d, 0x007a2e1e,
		0x0d7fe35b, 0x05916848, 0x00df0bb4, 0x04ee0887,
		0x0883561b, 0x06e32b6a, 0x0c0ad48c, 0x06f84314,
		0x02066fb9, 0x1a791a80, 0x0128a2c1, 0x0126ee21,
		0x0521cccb, 0x240919a8, 0x0286bf35, 0x02a65e29,
		0x0086724a, 0x1a00a372, 0x00e87928, 0x0d5095e7
	};
	unsigned k;

	(void)state;
	assert_int_equal(vigil__minhash(&ra, ga), 1);
	for (k = 0; k < VIGIL__MINHASH_K; k++)
		assert_int_equal(ga[k], sig_a[k]);
	assert_int_equal(vigil__minhash(&rb, gb), 1);
	assert_int_equal(vigil__minhash(&rc, gc), 1);
	assert_int_equal(vigil__minhash_same(ga, ga), VIGIL__MINHASH_K);
	assert_true(vigil__minhash_same(ga, gb) >= VIGIL__NEAR_DUP_SAME);
	assert_true(vigil__minhash_same(ga, gc) < 4);
	assert_int_equal(vigil__minhash(&shortdoc, gc), 0);
}

static void test_known_keys(void **state)
{
	static const struct {
		const char *key;
		int kept; /* remembered after vigil__known_add */
	} cases[] = {
		{"PRK", 1},
		{"PRKMIL", 1},
		{"0123456789ab", 1},
		{"123456789012345", 1},  /* 15 bytes: the longest kept */
		{"1234567890123456", 0}, /* 16 bytes: too long, never known */
		{"", 0},
	};
	vigil__known k = {0};
	char key[16];
	size_t i;

	(void)state;
	assert_int_equal(vigil__known_has(&k, "PRK"), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil__known_add(&k, cases[i].key);
		assert_int_equal(vigil__known_has(&k, cases[i].key), cases[i].kept);
	}
	assert_int_equal(vigil__known_has(&k, "PR"), 0);
	for (i = 0; i < 1000; i++) { /* past the first table's 256 slots */
		snprintf(key, sizeof(key), "k%zu", i);
		vigil__known_add(&k, key);
	}
	assert_int_equal(k.n, 1000 + 4);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_int_equal(vigil__known_has(&k, key), 1);
	}
	assert_int_equal(vigil__known_has(&k, "k1000"), 0);
	vigil__known_clear(&k);
	assert_int_equal(vigil__known_has(&k, "PRK"), 0);
	assert_int_equal(vigil__known_has(&k, "k7"), 0);
	vigil__known_free(&k);
}

/* Removes a store file and its WAL files. */
/* A path for a new store: a unique name in /tmp (no file made). */
static void new_store_path(char db[64])
{
	char path[] = "/tmp/vigil_store_test_XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	snprintf(db, 64, "%s.db", path);
}

static void remove_store(const char *db)
{
	char wal[80], shm[80];

	snprintf(wal, sizeof(wal), "%s-wal", db);
	snprintf(shm, sizeof(shm), "%s-shm", db);
	unlink(db);
	unlink(wal);
	unlink(shm);
}

/*
 * Two connections on one file: a cluster that connection b deletes (the
 * region of a replaced report left empty) is not taken as stored by
 * connection a, which recorded it earlier: a's next report in that region
 * records it again, and the report without a place moves into it.
 */
static void test_two_writers_clusters(void **state)
{
	char db[64], err[1024];
	vigil_store *a = NULL, *b = NULL;
	vigil_store_stats st;
	vigil_store_outcome out;
	vigil_sentence_rec s1, s2;
	vigil_event_rec e1 = event("ASSAULT", "PRK", "PRK", "2025-01-06", "asserted");
	vigil_event_rec e2 = e1;
	vigil_doc_records r1, r2;

	(void)state;
	new_store_path(db);
	e1.id = "d1-1-1";
	e2.id = "d2-1-1";
	e1.sentence = e2.sentence = 1;
	e1.place.name = e2.place.name = "Seoul";
	e1.place.country = e2.place.country = "KOR";
	e1.place.admin1 = e2.place.admin1 = "KR-11";
	e1.place.precision = e2.place.precision = "city";
	r1 = doc_of("d1", "2025-01-06", &s1, "North Korea shelled Seoul.", &e1, 1);
	r2 = doc_of("d2", "2025-01-06", &s2, "North Korea shelled Seoul again.",
		    &e2, 1);
	assert_int_equal(vigil_store_open(&a, db, NULL, err, sizeof(err)), VIGIL_OK);
	assert_int_equal(vigil_store_open(&b, db, NULL, err, sizeof(err)), VIGIL_OK);
	assert_int_equal(vigil_store_put(a, &r1, &out), VIGIL_OK);
	/* b replaces d1 with a report without a place: Seoul's cluster goes */
	memset(&e1.place, 0, sizeof(e1.place));
	e1.place.lat = e1.place.lon = NAN;
	assert_int_equal(vigil_store_put(b, &r1, &out), VIGIL_OK);
	assert_int_equal(out, VIGIL_STORE_REPLACED);
	/* a, in a batch as vigil ingest writes */
	assert_int_equal(vigil_store_begin(a), VIGIL_OK);
	assert_int_equal(vigil_store_put(a, &r2, &out), VIGIL_OK);
	assert_int_equal(vigil_store_commit(a), VIGIL_OK);
	assert_int_equal(vigil_store_stats_get(b, &st), VIGIL_OK);
	assert_int_equal(st.events, 2);
	assert_int_equal(st.clusters, 1); /* both in Seoul's */
	vigil_store_free(a);
	vigil_store_free(b);
	remove_store(db);
}

/*
 * The near-duplicate candidates a connection holds in memory are what its
 * transaction sees: an original it added is found, one another
 * connection replaced is not, nor one it replaced itself.
 */
static void test_two_writers_near_dups(void **state)
{
	static const char story[] = "North Korea fired a ballistic missile into the sea off its east coast on Monday, South Korea's military said, its first launch in two months.";
	static const char copy[] = "North Korea fired a ballistic missile into the sea off its east coast on Monday, South Korea's military said, its first launch in two months and a day.";
	static const char other[] = "Russian forces struck energy facilities across Ukraine overnight with drones and cruise missiles, the Ukrainian air force said on Tuesday morning.";
	static const struct {
		int writer; /* 0: a, 1: b */
		const char *id, *date, *text;
		vigil_store_outcome outcome;
		size_t duplicates; /* in the store after the put */
	} steps[] = {
		{0, "d1", "2025-01-06", story, VIGIL_STORE_ADDED, 0},
		/* d1, added by a, is in a's candidates */
		{0, "c1", "2025-01-08", copy, VIGIL_STORE_ADDED, 1},
		/* b replaces d1 by another story: a forgets what it held */
		{1, "d1", "2025-01-06", other, VIGIL_STORE_REPLACED, 1},
		{0, "c2", "2025-01-07", story, VIGIL_STORE_ADDED, 1},
		/* a replaces e1 itself: its old signature is no candidate */
		{0, "e1", "2025-03-01", other, VIGIL_STORE_ADDED, 1},
		{0, "e1", "2025-03-01", copy, VIGIL_STORE_REPLACED, 1},
		{0, "e2", "2025-03-02", other, VIGIL_STORE_ADDED, 1},
		{0, "e3", "2025-03-04", other, VIGIL_STORE_ADDED, 2},
	};
	char db[64], err[1024];
	vigil_store *w[2] = {NULL, NULL};
	vigil_store_stats st;
	vigil_store_outcome out;
	vigil_sentence_rec sent;
	vigil_doc_records r;
	size_t i;

	(void)state;
	new_store_path(db);
	assert_int_equal(vigil_store_open(&w[0], db, NULL, err, sizeof(err)), VIGIL_OK);
	assert_int_equal(vigil_store_open(&w[1], db, NULL, err, sizeof(err)), VIGIL_OK);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		r = doc_of(steps[i].id, steps[i].date, &sent, steps[i].text,
			   NULL, 0);
		assert_int_equal(vigil_store_put(w[steps[i].writer], &r, &out),
				 VIGIL_OK);
		assert_int_equal(out, steps[i].outcome);
		assert_int_equal(vigil_store_stats_get(w[0], &st), VIGIL_OK);
		assert_int_equal(st.duplicates, steps[i].duplicates);
	}
	vigil_store_free(w[0]);
	vigil_store_free(w[1]);
	remove_store(db);
}

static void test_put_outcomes(void **state)
{
	char db[64], err[1024], wal[80], shm[80];
	vigil_store *s = NULL;
	vigil_store_stats st;
	vigil_store_outcome out;
	vigil_sentence_rec sent;
	vigil_event_rec ev = event("MOBILIZE", "PRK", "PRK", "2025-01-06", "asserted");
	vigil_doc_records r;

	(void)state;
	new_store_path(db);
	ev.id = "d1-1-1";
	ev.sentence = 1;
	ev.cameo = "150";
	r = doc_of("d1", "2025-01-06", &sent, "North Korea fired a missile.", &ev, 1);
	assert_int_equal(vigil_store_open(&s, db, NULL, err, sizeof(err)), VIGIL_OK);
	assert_int_equal(vigil_store_put(s, &r, &out), VIGIL_OK);
	assert_int_equal(out, VIGIL_STORE_ADDED);
	assert_int_equal(vigil_store_put(s, &r, &out), VIGIL_OK);
	assert_int_equal(out, VIGIL_STORE_UNCHANGED);
	ev.cameo = "151";
	assert_int_equal(vigil_store_put(s, &r, &out), VIGIL_OK);
	assert_int_equal(out, VIGIL_STORE_REPLACED);
	assert_int_equal(vigil_store_stats_get(s, &st), VIGIL_OK);
	assert_int_equal(st.documents, 1);
	assert_int_equal(st.events, 1);
	assert_int_equal(st.sentences, 1);
	assert_int_equal(st.clusters, 1);
	vigil_store_free(s);
	s = NULL;
	/* nothing listens on port 1: the message names the URL, not its
	 * password */
	assert_int_equal(vigil_store_open(&s, "postgresql://u:secret@127.0.0.1:1/db",
					  NULL, err, sizeof(err)),
			 VIGIL_EIO);
	assert_non_null(strstr(err, "postgresql://u@127.0.0.1:1/db: cannot connect"));
	assert_null(strstr(err, "secret"));
	assert_null(strchr(err, '\n'));
	assert_int_equal(vigil_store_open(&s, "postgresql://h/db?port=x&password=p",
					  NULL, err, sizeof(err)),
			 VIGIL_EIO);
	assert_non_null(strstr(err, "postgresql://h/db?port=x: "));
	snprintf(wal, sizeof(wal), "%s-wal", db);
	snprintf(shm, sizeof(shm), "%s-shm", db);
	unlink(db);
	unlink(wal);
	unlink(shm);
}

/* One SQL statement on the store's file, outside vigil. */
static void raw_sql(const char *db, const char *sql, char *out, size_t len)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	size_t n = 0;

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (out)
		out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW && out) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		n += (size_t)snprintf(out + n, len - n, "%s|", t ? (const char *)t : "");
		assert_true(n < len);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/*
 * The public fingerprint is the store's signature, and a document put with
 * one made beforehand is stored as vigil_store_put stores it: its copy
 * (put plainly) is found as its near-duplicate, the stored minima are the
 * fingerprint's, in the machine's order, and the store takes the
 * fingerprint it is given.
 */
static void test_put_fingerprinted(void **state)
{
	static const char a[] = "North Korea fired a ballistic missile into the sea off its east coast on Monday, South Korea's military said, its first launch in two months.";
	static const char b[] = "North Korea fired a ballistic missile into the sea off its east coast on Monday, South Korea's military said, its first launch in two months and a day.";
	vigil_sentence_rec sa, sb, sd;
	vigil_doc_records ra = doc_of("a", "2025-01-06", &sa, a, NULL, 0);
	vigil_doc_records rb = doc_of("b", "2025-01-07", &sb, b, NULL, 0);
	vigil_doc_records shortdoc = doc_of("d", NULL, &sd, "Too short.", NULL, 0);
	uint32_t sig[VIGIL__MINHASH_K];
	vigil_doc_fingerprint fp;
	vigil_store *s = NULL;
	vigil_store_stats st;
	vigil_store_outcome out;
	char db[64], err[1024], hex[300], want[300];
	unsigned k;

	(void)state;
	vigil_store_fingerprint(&shortdoc, &fp);
	assert_int_equal(fp.valid, 0);
	vigil_store_fingerprint(&ra, &fp);
	assert_int_equal(fp.valid, 1);
	assert_int_equal(vigil__minhash(&ra, sig), 1);
	assert_memory_equal(fp.minima, sig, sizeof(sig));
	new_store_path(db);
	assert_int_equal(vigil_store_open(&s, db, NULL, err, sizeof(err)), VIGIL_OK);
	assert_int_equal(vigil_store_put_fingerprinted(s, &ra, &fp, &out), VIGIL_OK);
	assert_int_equal(out, VIGIL_STORE_ADDED);
	assert_int_equal(vigil_store_put(s, &rb, &out), VIGIL_OK);
	assert_int_equal(vigil_store_stats_get(s, &st), VIGIL_OK);
	assert_int_equal(st.documents, 2);
	assert_int_equal(st.duplicates, 1);
	/* the store uses the fingerprint it is given, not one of its own */
	ra.id = "e";
	fp.valid = 0;
	assert_int_equal(vigil_store_put_fingerprinted(s, &ra, &fp, &out), VIGIL_OK);
	vigil_store_free(s);
	raw_sql(db, "SELECT minhash IS NULL FROM documents WHERE doc = 'e'", hex,
		sizeof(hex));
	assert_string_equal(hex, "1|");
	for (k = 0; k < sizeof(sig); k++)
		snprintf(want + 2 * k, 3, "%02X", ((const unsigned char *)sig)[k]);
	strcat(want, "|");
	raw_sql(db, "SELECT hex(minhash) FROM documents WHERE doc = 'a'", hex,
		sizeof(hex));
	assert_string_equal(hex, want);
	remove_store(db);
}

/*
 * The rowid layout of schema 3: an event's rowid is its sentence's
 * (document * 2^20 + n) * 2^12 + its rank, so a sentence holds 4,096
 * events; one more, or a sentence number of 2^20, is refused and leaves
 * the stored version as it was.
 */
static void test_rowid_layout(void **state)
{
	char db[64], err[1024], out[256], side[80];
	vigil_event_rec *ev = calloc(4097, sizeof(*ev));
	vigil_store *s = NULL;
	vigil_store_outcome o;
	vigil_sentence_rec sent;
	vigil_doc_records r;
	size_t i;

	(void)state;
	assert_non_null(ev);
	new_store_path(db);
	for (i = 0; i < 4097; i++) {
		ev[i] = event("MOBILIZE", "PRK", "PRK", "2025-01-06", "future");
		ev[i].id = "big-1-1";
		ev[i].sentence = 1;
	}
	r = doc_of("big", "2025-01-06", &sent, "North Korea fired a missile.",
		   ev, 4096);
	assert_int_equal(vigil_store_open(&s, db, NULL, err, sizeof(err)), VIGIL_OK);
	assert_int_equal(vigil_store_put(s, &r, &o), VIGIL_OK);
	r.nevents = 4097;
	assert_int_equal(vigil_store_put(s, &r, &o), VIGIL_EINPUT);
	assert_non_null(strstr(vigil_store_errmsg(s),
			       "more than 4096 events in one sentence"));
	r.nevents = 1;
	ev[0].sentence = 1u << 20;
	assert_int_equal(vigil_store_put(s, &r, &o), VIGIL_EINPUT);
	assert_non_null(strstr(vigil_store_errmsg(s), "an event of sentence 1048576"));
	vigil_store_free(s);
	raw_sql(db, "SELECT count(*) || ' ' || (min(e.id) - d.id * 4294967296)"
		" || ' ' || (max(e.id) - d.id * 4294967296) || ' ' ||"
		" (min(s.id) - d.id * 1048576) FROM events e, documents d,"
		" sentences s", out, sizeof(out));
	assert_string_equal(out, "4096 4096 8191 1|");
	for (i = 0; i < 3; i++) {
		snprintf(side, sizeof(side), "%s%s", db,
			 (const char *const[]){"", "-wal", "-shm"}[i]);
		unlink(side);
	}
	free(ev);
}

/*
 * A document that fails in a batch (a trigger refuses its event, after its
 * document and sentence rows were written) is all out; the documents put
 * before it are put again from the store's copies (their caller's memory
 * has changed since) and those after it go in as usual.
 */
static void test_batch_failure(void **state)
{
	char db[64], err[1024], rows[256];
	char text1[] = "North Korea fired a missile.";
	vigil_store *s = NULL;
	vigil_store_stats st;
	vigil_store_outcome out;
	vigil_sentence_rec s1, s2, s3;
	vigil_event_rec e1 = event("MOBILIZE", "PRK", "PRK", "2025-01-06", "asserted");
	vigil_event_rec e2 = e1, e3 = e1;
	vigil_doc_records r1, r2, r3;

	(void)state;
	new_store_path(db);
	e1.id = "d1-1-1";
	e2.id = "bad-1-1";
	e3.id = "d3-1-1";
	e1.sentence = e2.sentence = e3.sentence = 1;
	e2.cameo = "999";
	r1 = doc_of("d1", "2025-01-06", &s1, text1, &e1, 1);
	r2 = doc_of("bad", "2025-01-06", &s2, "Refused.", &e2, 1);
	r3 = doc_of("d3", "2025-01-07", &s3, "Seoul protested.", &e3, 1);
	assert_int_equal(vigil_store_open(&s, db, NULL, err, sizeof(err)), VIGIL_OK);
	raw_sql(db, "CREATE TRIGGER refuse BEFORE INSERT ON events"
		" WHEN NEW.cameo = '999' BEGIN SELECT RAISE(ABORT, 'refused');"
		" END", NULL, 0);
	assert_int_equal(vigil_store_begin(s), VIGIL_OK);
	assert_int_equal(vigil_store_put(s, &r1, &out), VIGIL_OK);
	memset(text1, 'X', sizeof(text1) - 1); /* the caller reuses its memory */
	e1.id = "gone";
	assert_int_equal(vigil_store_put(s, &r2, &out), VIGIL_EIO);
	assert_non_null(strstr(vigil_store_errmsg(s), "refused"));
	assert_null(strstr(vigil_store_errmsg(s), "rolled back"));
	assert_int_equal(vigil_store_put(s, &r3, &out), VIGIL_OK);
	assert_int_equal(out, VIGIL_STORE_ADDED);
	assert_int_equal(vigil_store_commit(s), VIGIL_OK);
	assert_int_equal(vigil_store_stats_get(s, &st), VIGIL_OK);
	assert_int_equal(st.documents, 2);
	assert_int_equal(st.events, 2);
	assert_int_equal(st.sentences, 2);
	vigil_store_free(s);
	raw_sql(db, "SELECT doc || ':' || s.text FROM documents d JOIN sentences s"
		" ON s.doc_id = d.id ORDER BY d.doc", rows, sizeof(rows));
	assert_string_equal(rows, "d1:North Korea fired a missile.|d3:Seoul protested.|");
	raw_sql(db, "SELECT count(*) FROM sentence_text WHERE sentence_text"
		" MATCH 'missile OR refused OR seoul'", rows, sizeof(rows));
	assert_string_equal(rows, "2|");
	remove_store(db);
}

/* Appends a query's output to a growing string (ctx: a sink). */
typedef struct sink {
	char *data;
	size_t len;
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
	sink *k = ctx;
	char *m = realloc(k->data, k->len + len + 1);

	if (!m)
		return -1;
	memcpy(m + k->len, data, len);
	k->len += len;
	m[k->len] = '\0';
	k->data = m;
	return 0;
}

/* Occurrences of `needle` in `hay`. */
static int occurrences(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)) != NULL; hay += strlen(needle))
		n++;
	return n;
}

/*
 * Cluster counts computed when read: 100 documents of one date, each with
 * an event in a cluster of its own (100 clusters of that date, more than
 * the first tables of the query's count cache hold) and the even ones
 * also in one shared cluster, read in document order so the shared
 * cluster's events come between the others. Sources: S0..S2, and every
 * tenth document has none (its own source): the shared cluster has 50
 * mentions, 50 documents and 3 + 10 sources, on every event row (GDELT's
 * NumMentions, NumSources, NumArticles) and on its --clusters record.
 */
static void test_cluster_counts(void **state)
{
	char db[64], err[1024], ids[100][2][32], doc[100][16], src[100][16];
	char country[100][16];
	vigil_event_rec ev[2];
	vigil_sentence_rec sent;
	vigil_store *s = NULL;
	vigil_store_outcome out;
	vigil_query q = VIGIL_QUERY_INIT;
	sink k = {NULL, 0};
	int i;

	(void)state;
	new_store_path(db);
	assert_int_equal(vigil_store_open(&s, db, NULL, err, sizeof(err)), VIGIL_OK);
	assert_int_equal(vigil_store_begin(s), VIGIL_OK);
	for (i = 0; i < 100; i++) {
		vigil_doc_records r;

		snprintf(doc[i], sizeof(doc[i]), "d%03d", i);
		snprintf(src[i], sizeof(src[i]), "S%d", i % 3);
		snprintf(country[i], sizeof(country[i]), "X%02d", i);
		snprintf(ids[i][0], sizeof(ids[i][0]), "%s-1-1", doc[i]);
		snprintf(ids[i][1], sizeof(ids[i][1]), "%s-1-2", doc[i]);
		ev[0] = event("ASSAULT", country[i], country[i], "2025-01-06",
			      "asserted");
		ev[1] = event("ASSAULT", "PRK", "PRK", "2025-01-06", "asserted");
		ev[0].id = ids[i][0];
		ev[1].id = ids[i][1];
		ev[0].sentence = ev[1].sentence = 1;
		r = doc_of(doc[i], "2025-01-06", &sent, "A report.", ev,
			   i % 2 ? 1 : 2);
		r.source = i % 10 ? src[i] : NULL;
		assert_int_equal(vigil_store_put(s, &r, &out), VIGIL_OK);
	}
	assert_int_equal(vigil_store_commit(s), VIGIL_OK);
	assert_int_equal(vigil_store_query(s, &q, VIGIL_STORE_GDELT, sink_write,
					   &k), VIGIL_OK);
	assert_int_equal(occurrences(k.data, "\n"), 150);
	assert_int_equal(occurrences(k.data, "\t50\t13\t50\t\t\t"), 50);
	assert_int_equal(occurrences(k.data, "\t1\t1\t1\t\t\t"), 100);
	k.len = 0;
	assert_int_equal(vigil_store_clusters(s, &q, sink_write, &k), VIGIL_OK);
	assert_int_equal(occurrences(k.data, "\"type\":\"cluster\""), 101);
	assert_int_equal(occurrences(k.data, "\"mentions\":50,\"documents\":50,"
				     "\"sources\":13"), 1);
	assert_int_equal(occurrences(k.data, "\"mentions\":1,\"documents\":1,"
				     "\"sources\":1"), 100);
	free(k.data);
	vigil_store_free(s);
	remove_store(db);
}

/* Puts the steps' documents into s from `from` to `to` (exclusive): each
 * an ASSAULT by North Korea on 2025-01-06, placed in Seoul or nowhere. */
static void put_base_steps(vigil_store *s, const char *const *doc,
			   const int *seoul, size_t from, size_t to)
{
	vigil_store_outcome out;
	vigil_sentence_rec sent;
	vigil_doc_records r;
	vigil_event_rec ev;
	char id[32];
	size_t i;

	for (i = from; i < to; i++) {
		ev = event("ASSAULT", "PRK", "PRK", "2025-01-06", "asserted");
		snprintf(id, sizeof(id), "%s-1-1", doc[i]);
		ev.id = id;
		ev.sentence = 1;
		if (seoul[i]) {
			ev.place.name = "Seoul";
			ev.place.country = "KOR";
			ev.place.admin1 = "KR-11";
			ev.place.precision = "city";
		}
		r = doc_of(doc[i], "2025-01-06", &sent,
			   seoul[i] ? "North Korea shelled Seoul."
				    : "North Korea shelled the south.",
			   &ev, 1);
		assert_int_equal(vigil_store_put(s, &r, &out), VIGIL_OK);
	}
}

/*
 * A base key without regions has no `clusters` row (its events name its
 * cluster; --clusters reads its fields from them). The first report with
 * a place records the base key's row (one region: that one) and moves the
 * reports without a place into the region's cluster; when that report
 * loses its place, the region's row goes, the base row stays with no
 * region and the reports move back; a new report in Seoul moves them
 * again. Once with a transaction per document (checked after each), once
 * all in one batch (checked at the end: the connection's known ids span
 * the documents).
 */
static void test_base_rows(void **state)
{
	static const char *const doc[] = {"d1", "d2", "d3", "d3", "d4"};
	static const int seoul[] = {0, 0, 1, 0, 1};
	/* clusters rows (id regions region_id, the base row first) and each
	 * document's event's cluster, B the base key's, S Seoul's; and
	 * --clusters' records */
	static const char *const rows[] = {
		"", "", "B 1 S|S 0 -|", "B 0 -|", "B 1 S|S 0 -|",
	};
	static const char *const events[] = {
		"B|", "B|B|", "S|S|S|", "B|B|B|", "S|S|S|S|",
	};
	static const int mentions[] = {1, 2, 3, 3, 4};
	char db[64], err[1024], out[256], sql[512], want[128];
	char key[VIGIL__CLUSTER_KEY_MAX], rkey[VIGIL__CLUSTER_KEY_MAX];
	char base[13], region[13];
	vigil_event_rec e = event("ASSAULT", "PRK", "PRK", "2025-01-06", "asserted");
	vigil_query q;
	vigil_store *s = NULL;
	size_t i, n = sizeof(doc) / sizeof(doc[0]);
	int batch;

	(void)state;
	assert_true(vigil__cluster_key(&e, key, sizeof(key), base));
	assert_true(vigil__cluster_region_key(key, "KR-11", rkey, sizeof(rkey),
					      region));
	memset(&q, 0, sizeof(q));
	for (batch = 0; batch < 2; batch++) {
		new_store_path(db);
		assert_int_equal(vigil_store_open(&s, db, NULL, err, sizeof(err)),
				 VIGIL_OK);
		if (batch) {
			assert_int_equal(vigil_store_begin(s), VIGIL_OK);
			put_base_steps(s, doc, seoul, 0, n);
			assert_int_equal(vigil_store_commit(s), VIGIL_OK);
		}
		for (i = batch ? n - 1 : 0; i < n; i++) {
			sink k = {NULL, 0};

			if (!batch)
				put_base_steps(s, doc, seoul, i, i + 1);
			snprintf(sql, sizeof(sql),
				 "SELECT replace(replace(id || ' ' || regions || ' '"
				 " || coalesce(region_id, '-'), '%s', 'B'), '%s', 'S')"
				 " FROM clusters ORDER BY base IS NOT NULL, id",
				 base, region);
			raw_sql(db, sql, out, sizeof(out));
			assert_string_equal(out, rows[i]);
			snprintf(sql, sizeof(sql),
				 "SELECT replace(replace(e.cluster, '%s', 'B'), '%s',"
				 " 'S') FROM events e JOIN documents d"
				 " ON d.id = e.doc_id ORDER BY d.doc", base, region);
			raw_sql(db, sql, out, sizeof(out));
			assert_string_equal(out, events[i]);
			assert_int_equal(vigil_store_clusters(s, &q, sink_write, &k),
					 VIGIL_OK);
			snprintf(want, sizeof(want), "{\"type\":\"cluster\","
				 "\"cluster\":\"%s\",\"event\":\"ASSAULT\"",
				 events[i][0] == 'B' ? base : region);
			assert_int_equal(occurrences(k.data, "\"type\""), 1);
			assert_int_equal(occurrences(k.data, want), 1);
			assert_int_equal(occurrences(k.data, "\"date\":\"2025-01-06\","
						     "\"date_precision\":\"day\""), 1);
			snprintf(want, sizeof(want), "\"mentions\":%d,", mentions[i]);
			assert_int_equal(occurrences(k.data, want), 1);
			free(k.data);
		}
		vigil_store_free(s);
		remove_store(db);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cluster_keys),
		cmocka_unit_test(test_cluster_regions),
		cmocka_unit_test(test_minhash),
		cmocka_unit_test(test_put_fingerprinted),
		cmocka_unit_test(test_known_keys),
		cmocka_unit_test(test_two_writers_clusters),
		cmocka_unit_test(test_two_writers_near_dups),
		cmocka_unit_test(test_put_outcomes),
		cmocka_unit_test(test_rowid_layout),
		cmocka_unit_test(test_batch_failure),
		cmocka_unit_test(test_cluster_counts),
		cmocka_unit_test(test_base_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
