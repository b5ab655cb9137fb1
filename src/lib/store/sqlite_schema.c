/*
 * sqlite_schema.c: the SQLite backend's connection: opens the file (WAL,
 * busy timeout), recognizes a vigil store by its application_id, refuses
 * other programs' databases and files that are not databases, and brings
 * the schema to VIGIL__STORE_SCHEMA by running the migrations in order,
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

/* Migration k takes the schema from version k to k + 1. */
static const char *const migrations[VIGIL__STORE_SCHEMA] = {
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
	"CREATE TABLE events("
	" id INTEGER PRIMARY KEY,"
	" doc_id INTEGER NOT NULL,"
	" sentence_id INTEGER NOT NULL,"
	" sentence INTEGER NOT NULL, n INTEGER NOT NULL,"
	" date TEXT, date_precision TEXT,"
	" actor_code TEXT, actor_country TEXT, actor_sector TEXT, actor_text TEXT,"
	" recipient_code TEXT, recipient_country TEXT, recipient_sector TEXT,"
	" recipient_text TEXT,"
	" event TEXT, mode TEXT, aux_mode TEXT NOT NULL, hedge TEXT,"
	" quad_code INTEGER, cameo TEXT, goldstein REAL,"
	" said_by_code TEXT, said_by_text TEXT,"
	" place_id INTEGER, trigger TEXT,"
	" span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,"
	" cluster TEXT);"
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
	if (*version > VIGIL__STORE_SCHEMA) {
		vigil__store_fail(s, "store schema version %lld is newer than "
				  "this vigil's (%d); upgrade vigil",
				  (long long)*version, VIGIL__STORE_SCHEMA);
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
		if (rc != VIGIL_OK || v == VIGIL__STORE_SCHEMA)
			break;
		rc = vigil__sq_exec(s, migrations[v]);
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

static int sq_open(struct vigil_store *s, const char *where,
		   const vigil_store_options *o)
{
	int ro = (o->flags & VIGIL_STORE_READONLY) != 0;
	int flags = ro ? SQLITE_OPEN_READONLY
		       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	sqlite_impl *q = calloc(1, sizeof(*q));
	int64_t version = 0;
	int rc;

	if (!q) {
		vigil__store_fail(s, "out of memory");
		return VIGIL_ENOMEM;
	}
	s->impl = q;
	rc = sqlite3_open_v2(where, &q->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return vigil__sq_fail(s, rc, "cannot open");
	sqlite3_extended_result_codes(q->db, 1);
	sqlite3_busy_timeout(q->db, o->busy_timeout_ms > 0 ? o->busy_timeout_ms
							   : 60000);
	rc = read_schema_once(s, &version);
	if (rc != VIGIL_OK && ro && reopen_immutable(s, where) == VIGIL_OK)
		rc = read_schema_once(s, &version);
	if (rc != VIGIL_OK)
		return rc;
	if (ro) {
		if (version != VIGIL__STORE_SCHEMA) {
			vigil__store_fail(s, "not a vigil store (no schema)");
			return VIGIL_EINPUT;
		}
		return VIGIL_OK;
	}
	if (sqlite3_db_readonly(q->db, "main") == 1) {
		vigil__store_fail(s, "the store is read-only (cannot write "
				  "the file); nothing was changed");
		return VIGIL_EIO;
	}
	rc = vigil__sq_exec(s, "PRAGMA journal_mode = WAL");
	if (rc == VIGIL_OK) /* a commit is atomic; durable at the checkpoint */
		rc = vigil__sq_exec(s, "PRAGMA synchronous = NORMAL");
	if (rc == VIGIL_OK) /* index pages of big stores stay in memory */
		rc = vigil__sq_exec(s, "PRAGMA cache_size = -65536");
	if (rc == VIGIL_OK && version < VIGIL__STORE_SCHEMA)
		rc = migrate(s);
	return rc;
}

static void sq_close(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);

	vigil__sq_finalize(s);
	sqlite3_close(q->db);
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
