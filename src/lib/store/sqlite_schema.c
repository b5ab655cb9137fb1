/*
 * sqlite_schema.c: the SQLite backend's connection: opens the file (WAL,
 * busy timeout), recognizes a vigil store by its application_id, refuses
 * other programs' databases and files that are not databases, and brings
 * the schema to VIGIL__SQLITE_SCHEMA by running the migrations in order,
 * each in one transaction. The schema is documented in
 * docs/internals/store.md, table by table.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_int.h"

/* PRAGMA application_id of a vigil store: "VIGL". */
#define VIGIL_APP_ID 0x5649474c

/* The columns of `events` and the closing parenthesis (versions 1 to 3:
 * migration 3 makes the table again with them; a later version changing
 * them writes its own list). */
#define EVENTS_COLUMNS \
	" id INTEGER PRIMARY KEY," \
	" doc_id INTEGER NOT NULL," \
	" sentence_id INTEGER NOT NULL," \
	" sentence INTEGER NOT NULL, n INTEGER NOT NULL," \
	" date TEXT, date_precision TEXT," \
	" actor_code TEXT, actor_country TEXT, actor_sector TEXT, actor_text TEXT," \
	" recipient_code TEXT, recipient_country TEXT, recipient_sector TEXT," \
	" recipient_text TEXT," \
	" event TEXT, mode TEXT, aux_mode TEXT NOT NULL, hedge TEXT," \
	" quad_code INTEGER, cameo TEXT, goldstein REAL," \
	" said_by_code TEXT, said_by_text TEXT," \
	" place_id INTEGER, trigger TEXT," \
	" span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL," \
	" cluster TEXT);"

/* Migration k takes the schema from version k to k + 1. */
static const char *const migrations[VIGIL__SQLITE_SCHEMA] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE documents("
	" id INTEGER PRIMARY KEY,"
	" doc TEXT NOT NULL UNIQUE,"
	" date TEXT, source TEXT, url TEXT, title TEXT,"
	" sentences INTEGER NOT NULL,"
	" records_hash TEXT NOT NULL,"
	" minhash BLOB,"
	" duplicate_of TEXT);"
	"CREATE INDEX documents_date ON documents(date);"
	"CREATE TABLE sentences("
	" id INTEGER PRIMARY KEY,"
	" doc_id INTEGER NOT NULL,"
	" n INTEGER NOT NULL,"
	" span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,"
	" para INTEGER NOT NULL,"
	" UNIQUE(doc_id, n));"
	"CREATE VIRTUAL TABLE sentence_text USING fts5(text);"
	"CREATE TABLE places("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL, code TEXT, country TEXT, admin1 TEXT,"
	" precision TEXT,"
	" lat REAL, lon REAL);"
	"CREATE INDEX places_name ON places(name);"
	"CREATE TABLE clusters("
	" id TEXT PRIMARY KEY,"
	" key TEXT NOT NULL,"
	" event TEXT NOT NULL, actor TEXT, recipient TEXT,"
	" date TEXT NOT NULL, date_precision TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE events(" EVENTS_COLUMNS
	"CREATE INDEX events_actor ON events(actor_code, date);"
	"CREATE INDEX events_recipient ON events(recipient_code, date);"
	"CREATE INDEX events_date ON events(date);"
	"CREATE INDEX events_doc ON events(doc_id);"
	"CREATE INDEX events_cluster ON events(cluster);"
	"CREATE TABLE figures("
	" id INTEGER PRIMARY KEY,"
	" doc_id INTEGER NOT NULL,"
	" sentence INTEGER NOT NULL, n INTEGER NOT NULL,"
	" value REAL, low REAL, high REAL,"
	" qualifier TEXT NOT NULL, unit TEXT, category TEXT NOT NULL,"
	" subject_code TEXT, subject_country TEXT, subject_sector TEXT,"
	" subject_text TEXT, said_by_code TEXT, said_by_text TEXT,"
	" place_id INTEGER, date TEXT,"
	" span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL);"
	"CREATE INDEX figures_subject ON figures(subject_code, category, date);"
	"CREATE INDEX figures_doc ON figures(doc_id);",

	/* 1 -> 2: text once (external-content FTS5), fewer and covering
	 * indexes, the codes table, the near-duplicate index, cluster counts
	 * kept at ingest (rekey_clusters() then recomputes the clusters) */
	"ALTER TABLE sentences ADD COLUMN text TEXT;"
	"UPDATE sentences SET text ="
	" (SELECT text FROM sentence_text WHERE rowid = sentences.id);"
	"DROP TABLE sentence_text;"
	"CREATE VIRTUAL TABLE sentence_text USING fts5(text,"
	" content='sentences', content_rowid='id');"
	"INSERT INTO sentence_text(sentence_text) VALUES ('rebuild');"
	"DROP INDEX events_actor;"
	"DROP INDEX events_recipient;"
	"DROP INDEX events_date;"
	"DROP INDEX events_cluster;"
	"CREATE INDEX events_actor ON events(actor_code, date, recipient_code);"
	"CREATE INDEX events_recipient ON events(recipient_code, date,"
	" actor_code);"
	"CREATE INDEX events_date ON events(date, cluster);"
	"DROP INDEX events_doc;"
	"CREATE INDEX events_sentence ON events(sentence_id);"
	"CREATE TABLE codes(code TEXT PRIMARY KEY) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO codes SELECT actor_code FROM events"
	" WHERE actor_code IS NOT NULL UNION SELECT recipient_code FROM events"
	" WHERE recipient_code IS NOT NULL;"
	"CREATE TABLE minhash_bands(pos INTEGER NOT NULL, value BLOB NOT NULL,"
	" doc_id INTEGER NOT NULL, PRIMARY KEY(pos, value, doc_id))"
	" WITHOUT ROWID;"
	"WITH RECURSIVE p(pos) AS (SELECT 0 UNION ALL SELECT pos + 1 FROM p"
	" WHERE pos + 1 < 17)"
	" INSERT INTO minhash_bands SELECT p.pos, substr(d.minhash,"
	" 4 * p.pos + 1, 4), d.id FROM documents d, p"
	" WHERE d.minhash IS NOT NULL AND d.duplicate_of IS NULL;"
	"ALTER TABLE clusters ADD COLUMN base TEXT;"
	"ALTER TABLE clusters ADD COLUMN region TEXT;"
	"ALTER TABLE clusters ADD COLUMN regions INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE clusters ADD COLUMN region_id TEXT;"
	"CREATE TABLE cluster_sources("
	" cluster TEXT NOT NULL, source TEXT NOT NULL,"
	" mentions INTEGER NOT NULL, documents INTEGER NOT NULL,"
	" PRIMARY KEY(cluster, source)) WITHOUT ROWID;",

	/* 2 -> 3: a sentence's rowid is its document's id * 2^20 + its
	 * number, an event's its sentence's * 2^12 + its rank (no (doc_id, n)
	 * or sentence_id index: a document's sentences and events, and a
	 * sentence's events, are rowid ranges); the full-text index without
	 * per-row sizes, merging 8 segments a level instead of 4; clusters
	 * without their key (never read: the rule recomputes it); the
	 * near-duplicate index keyed by one integer (position * 2^32 +
	 * minimum: band_keys() fills it) */
	"CREATE TABLE sentences_v3("
	" id INTEGER PRIMARY KEY,"
	" doc_id INTEGER NOT NULL,"
	" n INTEGER NOT NULL,"
	" span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,"
	" para INTEGER NOT NULL,"
	" text TEXT);"
	"INSERT INTO sentences_v3 SELECT doc_id * 1048576 + n, doc_id, n,"
	" span_begin, span_end, para, text FROM sentences;"
	"CREATE TABLE events_v3(" EVENTS_COLUMNS
	"INSERT INTO events_v3 SELECT (doc_id * 1048576 + sentence) * 4096"
	" + row_number() OVER (PARTITION BY doc_id, sentence ORDER BY id) - 1,"
	" doc_id, doc_id * 1048576 + sentence, sentence, n, date,"
	" date_precision, actor_code, actor_country, actor_sector, actor_text,"
	" recipient_code, recipient_country, recipient_sector, recipient_text,"
	" event, mode, aux_mode, hedge, quad_code, cameo, goldstein,"
	" said_by_code, said_by_text, place_id, trigger, span_begin, span_end,"
	" cluster FROM events ORDER BY 1;"
	"DROP TABLE events;"
	"ALTER TABLE events_v3 RENAME TO events;"
	"CREATE INDEX events_actor ON events(actor_code, date, recipient_code);"
	"CREATE INDEX events_recipient ON events(recipient_code, date,"
	" actor_code);"
	"CREATE INDEX events_date ON events(date, cluster);"
	"DROP TABLE sentence_text;"
	"DROP TABLE sentences;"
	"ALTER TABLE sentences_v3 RENAME TO sentences;"
	"CREATE VIRTUAL TABLE sentence_text USING fts5(text,"
	" content='sentences', content_rowid='id', columnsize=0);"
	"INSERT INTO sentence_text(sentence_text, rank) VALUES ('automerge', 8);"
	"INSERT INTO sentence_text(sentence_text) VALUES ('rebuild');"
	"CREATE TABLE clusters_v3("
	" id TEXT PRIMARY KEY,"
	" event TEXT NOT NULL, actor TEXT, recipient TEXT,"
	" date TEXT NOT NULL, date_precision TEXT NOT NULL,"
	" base TEXT, region TEXT,"
	" regions INTEGER NOT NULL DEFAULT 0, region_id TEXT) WITHOUT ROWID;"
	"INSERT INTO clusters_v3 SELECT id, event, actor, recipient, date,"
	" date_precision, base, region, regions, region_id FROM clusters;"
	"DROP TABLE clusters;"
	"ALTER TABLE clusters_v3 RENAME TO clusters;"
	"DROP TABLE minhash_bands;"
	"CREATE TABLE minhash_keys(key INTEGER NOT NULL,"
	" doc_id INTEGER NOT NULL, PRIMARY KEY(key, doc_id)) WITHOUT ROWID;",

	/* 3 -> 4: cluster counts computed when read, from the clusters'
	 * events (no counts kept at ingest); no near-duplicate index (the
	 * candidates are read into memory); clusters keyed by (date, id), so
	 * that a document's clusters, which mostly share its date, are
	 * written side by side; the recipient index without the events that
	 * have none (a recipient filter implies recipient_code IS NOT NULL,
	 * so the planner still uses it) */
	"DROP TABLE cluster_sources;"
	"DROP TABLE minhash_keys;"
	"CREATE TABLE clusters_v4("
	" id TEXT NOT NULL,"
	" event TEXT NOT NULL, actor TEXT, recipient TEXT,"
	" date TEXT NOT NULL, date_precision TEXT NOT NULL,"
	" base TEXT, region TEXT,"
	" regions INTEGER NOT NULL DEFAULT 0, region_id TEXT,"
	" PRIMARY KEY(date, id)) WITHOUT ROWID;"
	"INSERT INTO clusters_v4 SELECT id, event, actor, recipient, date,"
	" date_precision, base, region, regions, region_id FROM clusters"
	" ORDER BY date, id;"
	"DROP TABLE clusters;"
	"ALTER TABLE clusters_v4 RENAME TO clusters;"
	"DROP INDEX events_recipient;"
	"CREATE INDEX events_recipient ON events(recipient_code, date,"
	" actor_code) WHERE recipient_code IS NOT NULL;",
};
_Static_assert(VIGIL__SQ_SENTENCE_SHIFT == 20 && VIGIL__SQ_EVENT_SHIFT == 12,
	       "migration 3 multiplies by 2^20 and 2^12");

/* What C adds to migration k (NULL: its SQL is all), run after the SQL in
 * the same transaction. */
static int rekey_clusters(struct vigil_store *s);
static int band_keys(struct vigil_store *s);
static int (*const migration_steps[VIGIL__SQLITE_SCHEMA])(struct vigil_store *) = {
	NULL,
	rekey_clusters,
	band_keys,
};

/*===== Helpers shared by the backend's files ==========================*/

int vigil__sq_fail(struct vigil_store *s, int rc, const char *what)
{
	sqlite_impl *q = vigil__sq(s);
	const char *msg = q && q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc);
	int prim = rc & 0xff;

	switch (prim) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		vigil__store_fail(s, "%s: %s (not a vigil store, or damaged)",
				  what, msg);
		return VIGIL_EINPUT;
	case SQLITE_FULL:
		vigil__store_fail(s, "%s: %s (nothing of this document was "
				  "stored)", what, msg);
		return VIGIL_EIO;
	case SQLITE_READONLY:
		vigil__store_fail(s, "%s: %s (the store is read-only)", what,
				  msg);
		return VIGIL_EIO;
	case SQLITE_NOMEM:
		vigil__store_fail(s, "%s: out of memory", what);
		return VIGIL_ENOMEM;
	case SQLITE_IOERR:
		vigil__store_fail(s, "%s: %s (a full disk or a file size limit?"
				  " nothing of this document was stored)", what,
				  msg);
		return VIGIL_EIO;
	default:
		vigil__store_fail(s, "%s: %s", what, msg);
		return VIGIL_EIO;
	}
}

int vigil__sq_exec(struct vigil_store *s, const char *sql)
{
	int rc = sqlite3_exec(vigil__sq(s)->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? VIGIL_OK : vigil__sq_fail(s, rc, "SQL");
}

int vigil__sq_prepare(struct vigil_store *s, sqlite3_stmt **out,
		      const char *sql)
{
	int rc = sqlite3_prepare_v2(vigil__sq(s)->db, sql, -1, out, NULL);

	return rc == SQLITE_OK ? VIGIL_OK
			       : vigil__sq_fail(s, rc, "preparing a statement");
}

void vigil__sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void vigil__sq_bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

const char *vigil__sq_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

double vigil__sq_real(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NAN;
	return sqlite3_column_double(st, i);
}

/* Runs sql with the SQL function `name` (nargs arguments) of C defined for
 * it; `what` names the step in a message. */
static int exec_with_fn(struct vigil_store *s, const char *name, int nargs,
			void (*fn)(sqlite3_context *, int, sqlite3_value **),
			const char *sql, const char *what)
{
	sqlite3 *db = vigil__sq(s)->db;
	int rc = sqlite3_create_function(db, name, nargs, SQLITE_UTF8, NULL, fn,
					 NULL, NULL);

	if (rc != SQLITE_OK)
		return vigil__sq_fail(s, rc, what);
	rc = vigil__sq_exec(s, sql);
	sqlite3_create_function(db, name, nargs, SQLITE_UTF8, NULL, NULL, NULL,
				NULL);
	return rc;
}

/*===== Migration 2: clusters again, by the rule of cluster.c ============*/

/* vigil_cluster(which, event, aux_mode, actor_code, actor_country,
 * recipient_code, recipient_country, date, date_precision, place_country,
 * place_admin1) of an event, by the rule of cluster.c: 0 the id of its own
 * cluster (of its region, else of its base key), 1 that cluster's key, 2
 * the id of its base key when it has a region, 3 its region, 4 its base
 * key; NULL when it joins no cluster (or for 2 and 3, has no region). */
static void cluster_fn(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	vigil_event_rec e;
	char base_key[VIGIL__CLUSTER_KEY_MAX], key[VIGIL__CLUSTER_KEY_MAX];
	char base[13], id[13];
	const char *t[11], *region, *out = NULL;
	int i, which = sqlite3_value_int(v[0]);

	for (i = 1; i < argc && i < 11; i++)
		t[i] = (const char *)sqlite3_value_text(v[i]);
	memset(&e, 0, sizeof(e));
	e.event = t[1];
	e.aux_mode = t[2] ? t[2] : "";
	e.actor.code = t[3];
	e.actor.country = t[4];
	e.recipient.code = t[5];
	e.recipient.country = t[6];
	e.date = t[7];
	e.date_precision = t[8];
	e.place.country = t[9];
	e.place.admin1 = t[10];
	e.place.name = t[9] || t[10] ? "" : NULL;
	region = vigil__cluster_region(&e);
	if (vigil__cluster_key(&e, base_key, sizeof(base_key), base)) {
		int regional = region &&
			       vigil__cluster_region_key(base_key, region, key,
							 sizeof(key), id);
		const char *own[5] = {
			regional ? id : base, regional ? key : base_key,
			regional ? base : NULL, regional ? region : NULL,
			base_key,
		};

		out = which >= 0 && which < 5 ? own[which] : NULL;
	}
	if (out)
		sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

#define CLUSTER_ARGS \
	" event, aux_mode, actor_code, actor_country, recipient_code," \
	" recipient_country, date, date_precision," \
	" (SELECT country FROM places WHERE id = place_id)," \
	" (SELECT admin1 FROM places WHERE id = place_id))"

/* Every event's cluster by the current rule (events without a place in
 * the single region of their base key), the clusters' rows and their
 * counts over original documents, per source. */
static int rekey_clusters(struct vigil_store *s)
{
	static const char sql[] =
		"UPDATE events SET cluster = vigil_cluster(0," CLUSTER_ARGS ";"
		"DELETE FROM clusters;"
		"INSERT OR IGNORE INTO clusters(id, key, event, actor, recipient,"
		" date, date_precision, base, region) SELECT cluster,"
		" vigil_cluster(1," CLUSTER_ARGS ", event, actor_code,"
		" recipient_code, date, date_precision,"
		" vigil_cluster(2," CLUSTER_ARGS ", vigil_cluster(3," CLUSTER_ARGS
		" FROM events WHERE cluster IS NOT NULL ORDER BY id;"
		"INSERT OR IGNORE INTO clusters(id, key, event, actor, recipient,"
		" date, date_precision) SELECT vigil_cluster(2," CLUSTER_ARGS ","
		" vigil_cluster(4," CLUSTER_ARGS ", event, actor_code,"
		" recipient_code, date, date_precision FROM events"
		" WHERE vigil_cluster(2," CLUSTER_ARGS " IS NOT NULL ORDER BY id;"
		"CREATE INDEX clusters_base ON clusters(base);"
		"UPDATE clusters SET regions = (SELECT count(*) FROM clusters r"
		" WHERE r.base = clusters.id) WHERE base IS NULL;"
		"UPDATE clusters SET region_id = (SELECT r.id FROM clusters r"
		" WHERE r.base = clusters.id) WHERE base IS NULL AND regions = 1;"
		"DROP INDEX clusters_base;"
		"UPDATE events SET cluster = (SELECT region_id FROM clusters"
		" WHERE id = events.cluster) WHERE cluster IN"
		" (SELECT id FROM clusters WHERE regions = 1);"
		"INSERT INTO cluster_sources SELECT e.cluster,"
		" coalesce(d.source, d.doc), count(*), count(DISTINCT e.doc_id)"
		" FROM events e JOIN documents d ON d.id = e.doc_id"
		" WHERE e.cluster IS NOT NULL AND d.duplicate_of IS NULL"
		" GROUP BY 1, 2;";

	return exec_with_fn(s, "vigil_cluster", 11, cluster_fn, sql,
			    "migrating the clusters");
}

/*===== Migration 3: the near-duplicate index by integer keys ===========*/

/* vigil_band_key(minhash, pos): the index key of minimum `pos` of a
 * signature (vigil__sq_band_key), NULL for a blob that is not one. */
static void band_key_fn(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	int pos = sqlite3_value_int(v[1]);
	uint32_t sig[VIGIL__MINHASH_K];

	(void)argc;
	if (sqlite3_value_bytes(v[0]) != (int)sizeof(sig) || pos < 0 ||
	    pos >= VIGIL__MINHASH_BANDS) {
		sqlite3_result_null(ctx);
		return;
	}
	memcpy(sig, sqlite3_value_blob(v[0]), sizeof(sig));
	sqlite3_result_int64(ctx, vigil__sq_band_key(pos, sig[pos]));
}

/* The index keys of every original's signature. */
static int band_keys(struct vigil_store *s)
{
	static const char sql[] =
		"WITH RECURSIVE p(pos) AS (SELECT 0 UNION ALL SELECT pos + 1"
		" FROM p WHERE pos + 1 < 17)"
		" INSERT INTO minhash_keys SELECT vigil_band_key(d.minhash,"
		" p.pos), d.id FROM documents d, p WHERE d.duplicate_of IS NULL"
		" AND length(d.minhash) = 128 ORDER BY 1, 2";

	return exec_with_fn(s, "vigil_band_key", 2, band_key_fn, sql,
			    "migrating the near-duplicate index");
}
_Static_assert(VIGIL__MINHASH_BANDS == 17 && VIGIL__MINHASH_K * 4 == 128,
	       "band_keys() indexes 17 minima of 128-byte signatures");

/*===== Opening ========================================================*/

/* One integer from a query ("PRAGMA user_version"). */
static int query_int(struct vigil_store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int rc = vigil__sq_prepare(s, &st, sql);

	if (rc != VIGIL_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = VIGIL_OK;
	} else {
		rc = vigil__sq_fail(s, rc, "reading the schema");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Reads what the file is: a vigil store's version, an empty database
 * (version 0), or a refusal. */
static int read_schema(struct vigil_store *s, int64_t *version)
{
	int64_t app = 0, tables = 0;
	int rc;

	rc = query_int(s, "PRAGMA application_id", &app);
	if (rc == VIGIL_OK)
		rc = query_int(s, "SELECT count(*) FROM sqlite_master", &tables);
	if (rc == VIGIL_OK)
		rc = query_int(s, "PRAGMA user_version", version);
	if (rc != VIGIL_OK)
		return rc;
	if (app != VIGIL_APP_ID && (app != 0 || tables > 0)) {
		vigil__store_fail(s, "not a vigil store (a SQLite database of "
				  "another program); nothing was changed");
		return VIGIL_EINPUT;
	}
	if (*version > VIGIL__SQLITE_SCHEMA) {
		vigil__store_fail(s, "store schema version %lld is newer than "
				  "this vigil's (%d); upgrade vigil",
				  (long long)*version, VIGIL__SQLITE_SCHEMA);
		return VIGIL_EINPUT;
	}
	return VIGIL_OK;
}

/* read_schema in one read transaction: its three reads see one snapshot,
 * never "no application id" before and "tables" after another process
 * creates the store between them. On failure the transaction is left to
 * the connection's close (a ROLLBACK would clear the error code that
 * reopen_immutable reads). */
static int read_schema_once(struct vigil_store *s, int64_t *version)
{
	int rc = vigil__sq_exec(s, "BEGIN");

	if (rc == VIGIL_OK)
		rc = read_schema(s, version);
	if (rc == VIGIL_OK)
		rc = vigil__sq_exec(s, "COMMIT");
	return rc;
}

/* Runs the migrations from the file's version to ours, one transaction
 * each, re-reading the version under the write lock (another process may
 * have migrated meanwhile). */
static int migrate(struct vigil_store *s)
{
	int64_t v = 0;
	char sql[128];
	int rc;

	for (;;) {
		rc = vigil__sq_exec(s, "BEGIN IMMEDIATE");
		if (rc != VIGIL_OK)
			return rc;
		rc = read_schema(s, &v);
		if (rc != VIGIL_OK || v == VIGIL__SQLITE_SCHEMA)
			break;
		rc = vigil__sq_exec(s, migrations[v]);
		if (rc == VIGIL_OK && migration_steps[v])
			rc = migration_steps[v](s);
		if (rc == VIGIL_OK) {
			snprintf(sql, sizeof(sql),
				 "PRAGMA user_version = %lld;"
				 "PRAGMA application_id = %d",
				 (long long)v + 1, VIGIL_APP_ID);
			rc = vigil__sq_exec(s, sql);
		}
		if (rc != VIGIL_OK)
			break;
		rc = vigil__sq_exec(s, "COMMIT");
		if (rc != VIGIL_OK)
			return rc;
	}
	if (rc == VIGIL_OK)
		return vigil__sq_exec(s, "COMMIT");
	sqlite3_exec(vigil__sq(s)->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/*
 * A WAL store in a place we cannot write (no -shm file can be made) is
 * unreadable the normal way; for queries it is opened again as immutable,
 * which is right as long as nobody writes it meanwhile (nobody can, from
 * here). The path is made a file: URI, its special bytes %-escaped.
 */
static int reopen_immutable(struct vigil_store *s, const char *where)
{
	sqlite_impl *q = vigil__sq(s);
	char uri[4200];
	size_t o = 0;
	const char *p;

	if ((sqlite3_errcode(q->db) & 0xff) != SQLITE_READONLY &&
	    (sqlite3_errcode(q->db) & 0xff) != SQLITE_CANTOPEN)
		return VIGIL_ERROR;
	o = (size_t)snprintf(uri, sizeof(uri), "file:");
	for (p = where; *p && o + 24 < sizeof(uri); p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			o += (size_t)snprintf(uri + o, sizeof(uri) - o, "%%%02X",
					      (unsigned char)*p);
		else
			uri[o++] = *p;
	}
	if (*p)
		return VIGIL_ERROR;
	snprintf(uri + o, sizeof(uri) - o, "?mode=ro&immutable=1");
	sqlite3_close(q->db);
	q->db = NULL;
	if (sqlite3_open_v2(uri, &q->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return VIGIL_EIO;
	sqlite3_extended_result_codes(q->db, 1);
	return VIGIL_OK;
}

/* Opens the file; SQLite's errors are reported with extended codes and
 * busy waits up to the options' timeout. */
static int open_db(struct vigil_store *s, const char *where, int flags,
		   const vigil_store_options *o)
{
	sqlite_impl *q = vigil__sq(s);
	int rc = sqlite3_open_v2(where, &q->db, flags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK)
		return vigil__sq_fail(s, rc, "cannot open");
	sqlite3_extended_result_codes(q->db, 1);
	sqlite3_busy_timeout(q->db, o->busy_timeout_ms > 0 ? o->busy_timeout_ms
							   : 60000);
	/* a new store gets 16 KB pages (an existing one keeps its own):
	 * shallower trees that split less, for batches that touch most
	 * index pages anyway (store.md, Benchmark); the index pages of big
	 * stores stay in memory; sorts too; freed space is not zeroed
	 * (Debian's build zeroes it by default) */
	return vigil__sq_exec(s, "PRAGMA page_size = 16384;"
			      "PRAGMA cache_size = -262144;"
			      "PRAGMA temp_store = MEMORY;"
			      "PRAGMA secure_delete = OFF");
}

/*
 * WAL mode. Switching a new store to it needs the file to itself, which
 * the busy timeout does not wait for: while another process creates or
 * migrates the same store, this retries until the timeout.
 */
static int set_wal(struct vigil_store *s, int timeout_ms)
{
	sqlite3 *db = vigil__sq(s)->db;
	int waited = 0, rc;

	while ((rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL,
				  NULL)) != SQLITE_OK &&
	       (rc & 0xff) == SQLITE_BUSY && waited < timeout_ms)
		waited += sqlite3_sleep(20);
	return rc == SQLITE_OK ? VIGIL_OK
			       : vigil__sq_fail(s, rc, "switching to WAL");
}

static int sq_open(struct vigil_store *s, const char *where,
		   const vigil_store_options *o)
{
	int ro = (o->flags & VIGIL_STORE_READONLY) != 0;
	sqlite_impl *q = calloc(1, sizeof(*q));
	int64_t version = 0;
	int rc;

	if (!q) {
		vigil__store_fail(s, "out of memory");
		return VIGIL_ENOMEM;
	}
	s->impl = q;
	rc = open_db(s, where, ro ? SQLITE_OPEN_READONLY
				  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, o);
	if (rc == VIGIL_OK)
		rc = read_schema_once(s, &version);
	if (rc != VIGIL_OK && ro && reopen_immutable(s, where) == VIGIL_OK)
		rc = read_schema_once(s, &version);
	if (rc != VIGIL_OK)
		return rc;
	if (ro && version > 0 && version < VIGIL__SQLITE_SCHEMA) {
		/* an older store: a reader that may write it migrates it */
		sqlite3_close(q->db);
		q->db = NULL;
		ro = 0;
		rc = open_db(s, where, SQLITE_OPEN_READWRITE, o);
		if (rc != VIGIL_OK)
			return rc;
	}
	if (ro) {
		if (version != VIGIL__SQLITE_SCHEMA) {
			vigil__store_fail(s, "not a vigil store (no schema)");
			return VIGIL_EINPUT;
		}
		return VIGIL_OK;
	}
	if (sqlite3_db_readonly(q->db, "main") == 1) {
		vigil__store_fail(s, "the store is read-only (cannot write "
				  "the file%s); nothing was changed",
				  version > 0 && version < VIGIL__SQLITE_SCHEMA
					  ? ", to migrate its older schema"
					  : "");
		return VIGIL_EIO;
	}
	rc = set_wal(s, o->busy_timeout_ms > 0 ? o->busy_timeout_ms : 60000);
	/* a commit is atomic; it is durable once checkpointed (power loss may
	 * lose the last commits, never half of one) */
	if (rc == VIGIL_OK)
		rc = vigil__sq_exec(s, "PRAGMA synchronous = NORMAL");
	if (rc == VIGIL_OK && version < VIGIL__SQLITE_SCHEMA)
		rc = migrate(s);
	return rc;
}

static void sq_close(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);

	vigil__sq_finalize(s);
	/* the planner's statistics after adding documents (sampled: quick);
	 * a store busy elsewhere gets them from its next writer */
	if (q->wrote) {
		sqlite3_busy_timeout(q->db, 1000);
		sqlite3_exec(q->db, "PRAGMA analysis_limit = 400; ANALYZE",
			     NULL, NULL, NULL);
	}
	sqlite3_close(q->db);
	vigil__known_free(&q->codes);
	vigil__known_free(&q->clusters);
	free(q);
	s->impl = NULL;
}

const vigil__store_backend vigil__sqlite_backend = {
	"sqlite",
	sq_open,
	sq_close,
	vigil__sq_put,
	vigil__sq_begin,
	vigil__sq_commit,
	vigil__sq_events,
	vigil__sq_clusters,
	vigil__sq_figures,
	vigil__sq_stats,
};
