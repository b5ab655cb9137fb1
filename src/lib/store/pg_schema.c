/*
 * pg_schema.c: the PostgreSQL backend's connection: parses the URL,
 * connects (errors name the URL without its password), recognizes a vigil
 * store by its vigil_meta table, refuses a schema holding another
 * program's tables, and brings the schema to VIGIL__PG_SCHEMA by the
 * migrations, each in one transaction under an advisory lock. Also the
 * helpers the backend's files share. Schema: docs/internals/store.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"

/* Advisory lock of the migrations (two-int form: class, key). */
#define PG_LOCK_MIGRATE "SELECT pg_advisory_xact_lock(1447642880, 0)"

#define T " text COLLATE \"C\""
/* ASCII punctuation, made spaces before full-text indexing (as FTS5's
 * unicode61 tokenizer, which splits words there). */
#define PUNCT "'!\"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~'"

/* Migration k takes the schema from version k to k + 1. */
static const char *const migrations[VIGIL__PG_SCHEMA] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE vigil_meta(application" T " NOT NULL,"
	" schema_version integer NOT NULL);"
	"INSERT INTO vigil_meta VALUES ('vigil', 0);"
	"CREATE TABLE documents("
	" id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
	" doc" T " NOT NULL UNIQUE,"
	" date" T ", source" T ", url" T ", title" T ","
	" sentences integer NOT NULL,"
	" records_hash" T " NOT NULL,"
	" minhash bytea,"
	" duplicate_of" T ");"
	"CREATE INDEX documents_date ON documents(date);"
	"CREATE TABLE sentences("
	" doc_id bigint NOT NULL,"
	" n integer NOT NULL,"
	" span_begin bigint NOT NULL, span_end bigint NOT NULL,"
	" para integer NOT NULL,"
	" text" T ","
	" tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,"
	"  translate(coalesce(text, ''), " PUNCT ", repeat(' ', 32)))) STORED,"
	" PRIMARY KEY(doc_id, n));"
	"CREATE INDEX sentences_tsv ON sentences USING gin(tsv);"
	"CREATE TABLE places("
	" id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
	" name" T " NOT NULL, code" T ", country" T ", admin1" T ","
	" precision" T ","
	" lat double precision, lon double precision,"
	" UNIQUE NULLS NOT DISTINCT (name, country, admin1, precision, code));"
	"CREATE TABLE clusters("
	" id" T " PRIMARY KEY,"
	" key" T " NOT NULL,"
	" event" T " NOT NULL, actor" T ", recipient" T ","
	" date" T " NOT NULL, date_precision" T " NOT NULL);"
	"CREATE TABLE events("
	" id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
	" doc_id bigint NOT NULL,"
	" sentence integer NOT NULL, n integer NOT NULL,"
	" date" T ", date_precision" T ","
	" actor_code" T ", actor_country" T ", actor_sector" T ", actor_text" T ","
	" recipient_code" T ", recipient_country" T ", recipient_sector" T ","
	" recipient_text" T ","
	" event" T ", mode" T ", aux_mode" T " NOT NULL, hedge" T ","
	" quad_code integer, cameo" T ", goldstein double precision,"
	" said_by_code" T ", said_by_text" T ","
	" place_id bigint, trigger" T ","
	" span_begin bigint NOT NULL, span_end bigint NOT NULL,"
	" cluster" T ");"
	"CREATE INDEX events_actor ON events(actor_code, date);"
	"CREATE INDEX events_recipient ON events(recipient_code, date);"
	"CREATE INDEX events_date ON events(date);"
	"CREATE INDEX events_doc ON events(doc_id);"
	"CREATE INDEX events_cluster ON events(cluster);"
	"CREATE TABLE figures("
	" id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
	" doc_id bigint NOT NULL,"
	" sentence integer NOT NULL, n integer NOT NULL,"
	" value double precision, low double precision, high double precision,"
	" qualifier" T " NOT NULL, unit" T ", category" T " NOT NULL,"
	" subject_code" T ", subject_country" T ", subject_sector" T ","
	" subject_text" T ", said_by_code" T ", said_by_text" T ","
	" place_id bigint, date" T ","
	" span_begin bigint NOT NULL, span_end bigint NOT NULL);"
	"CREATE INDEX figures_subject ON figures(subject_code, category, date);"
	"CREATE INDEX figures_doc ON figures(doc_id);",

	/* 1 -> 2: clusters by region (regroup_v1() then moves the events) */
	"ALTER TABLE clusters ADD COLUMN base" T ", ADD COLUMN region" T ";"
	"CREATE INDEX clusters_base ON clusters(base);",

	/* 2 -> 3: the near-duplicate candidates of a date window read from
	 * one index (an index-only scan) rather than from the table's pages */
	"CREATE INDEX documents_originals ON documents(date)"
	" INCLUDE (id, doc, minhash)"
	" WHERE duplicate_of IS NULL AND minhash IS NOT NULL;",
};

/* What C adds to migration k (NULL: its SQL is all), run after the SQL in
 * the same transaction. */
static int regroup_v1(struct vigil_store *s);
static int (*const migration_steps[VIGIL__PG_SCHEMA])(struct vigil_store *) = {
	NULL,
	regroup_v1,
	NULL,
};

/*===== Helpers shared by the backend's files ==========================*/

/* Copies a libpq or server message onto one line (no newlines, tabs). */
static void one_line(char *out, size_t cap, const char *msg)
{
	size_t o = 0;
	int space = 0;

	for (; msg && *msg && o + 1 < cap; msg++) {
		if (*msg == '\n' || *msg == '\t' || *msg == '\r' || *msg == ' ') {
			space = o > 0;
			continue;
		}
		if (space && o + 2 < cap)
			out[o++] = ' ';
		space = 0;
		out[o++] = *msg;
	}
	out[o] = '\0';
}

char *vigil__pg_redact(const char *url)
{
	size_t n = strlen(url);
	char *out = malloc(n + 1);
	const char *p = strstr(url, "://");
	const char *host, *at, *colon, *q;
	size_t o;

	if (!out)
		return NULL;
	host = p ? p + 3 : url;
	at = strchr(host, '@');
	q = strchr(host, '/');
	if (at && q && q < at)
		at = NULL;
	colon = at ? memchr(host, ':', (size_t)(at - host)) : NULL;
	/* scheme and user, then from '@' on */
	o = (size_t)((colon ? colon : host) - url);
	memcpy(out, url, o);
	if (colon) {
		memcpy(out + o, at, strlen(at));
		o += strlen(at);
	} else {
		memcpy(out + o, host, strlen(host));
		o += strlen(host);
	}
	out[o] = '\0';
	/* ?password=... or &password=... up to the next '&' */
	for (p = strchr(out, '?'); p && (p = strstr(p, "password=")) != NULL;) {
		if (p[-1] == '?' || p[-1] == '&') {
			const char *end = strchr(p, '&');
			char *start = (char *)p - 1;

			if (end)
				memmove(start + 1, end + 1, strlen(end + 1) + 1);
			else
				*start = '\0';
			p = start;
		} else {
			p += 9;
		}
	}
	return out;
}

/* Sets the store's message from a failed result; returns its VIGIL_E*. */
static int result_fail(struct vigil_store *s, const PGresult *res,
		       const char *what, char *sqlstate)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *primary =
		res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char line[768];

	one_line(line, sizeof(line),
		 primary ? primary : PQerrorMessage(vigil__pg(s)->conn));
	if (sqlstate)
		snprintf(sqlstate, 6, "%s", state ? state : "");
	if (state && strcmp(state, "53100") == 0) {
		vigil__store_fail(s, "%s: %s (the server's disk is full; "
				  "nothing of this document was stored)",
				  what, line);
		return VIGIL_EIO;
	}
	if (state && strcmp(state, "25006") == 0) {
		vigil__store_fail(s, "%s: %s (the store is read-only)", what,
				  line);
		return VIGIL_EIO;
	}
	vigil__store_fail(s, "%s: %s", what, line);
	if (state && strncmp(state, "22", 2) == 0)
		return VIGIL_EINPUT;
	return VIGIL_EIO;
}

PGresult *vigil__pg_run(struct vigil_store *s, const char *sql, int n,
			const char *const *params, const char *what, int *code,
			char *sqlstate)
{
	return vigil__pg_check(s, PQexecParams(vigil__pg(s)->conn, sql, n, NULL,
					       params, NULL, NULL, 0),
			       what, code, sqlstate);
}

PGresult *vigil__pg_check(struct vigil_store *s, PGresult *res,
			  const char *what, int *code, char *sqlstate)
{
	ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	*code = VIGIL_OK;
	if (sqlstate)
		sqlstate[0] = '\0';
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	if (!res) {
		vigil__store_fail(s, "%s: out of memory", what);
		*code = VIGIL_ENOMEM;
		return NULL;
	}
	*code = result_fail(s, res, what, sqlstate);
	PQclear(res);
	return NULL;
}

int vigil__pg_exec(struct vigil_store *s, const char *sql, const char *what)
{
	int code;
	PGresult *res = vigil__pg_check(s, PQexec(vigil__pg(s)->conn, sql),
					what, &code, NULL);

	PQclear(res);
	return code;
}

void vigil__pg_array_text(vigil__buf *b, const char *v)
{
	if (b->len > 1)
		vigil__buf_putc(b, ',');
	if (!v) {
		vigil__buf_puts(b, "NULL");
		return;
	}
	vigil__buf_putc(b, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			vigil__buf_putc(b, '\\');
		vigil__buf_putc(b, *v);
	}
	vigil__buf_putc(b, '"');
}

const char *vigil__pg_text(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

double vigil__pg_real(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NAN
					: strtod(PQgetvalue(r, row, col), NULL);
}

long long vigil__pg_int(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? 0
					: strtoll(PQgetvalue(r, row, col), NULL, 10);
}

void vigil__pg_read_place(const PGresult *r, int row, int col,
			  vigil_place_rec *p)
{
	p->name = vigil__pg_text(r, row, col);
	p->country = vigil__pg_text(r, row, col + 1);
	p->admin1 = vigil__pg_text(r, row, col + 2);
	p->precision = vigil__pg_text(r, row, col + 3);
	p->lat = vigil__pg_real(r, row, col + 4);
	p->lon = vigil__pg_real(r, row, col + 5);
	p->code = vigil__pg_text(r, row, col + 6);
}

/* Rows fetched per round trip by vigil__pg_rows. */
#define PG_PAGE "FETCH 500 FROM vigil_rows"

int vigil__pg_rows(struct vigil_store *s, const char *sql, int n,
		   const char *const *params, const char *what,
		   vigil__pg_row_fn row_fn, void *ctx)
{
	vigil__buf decl;
	PGresult *res;
	int rc, i;

	rc = vigil__pg_exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
			    what);
	if (rc != VIGIL_OK)
		return rc;
	vigil__buf_init(&decl, 0);
	vigil__buf_puts(&decl, "DECLARE vigil_rows NO SCROLL CURSOR FOR ");
	vigil__buf_puts(&decl, sql);
	if (decl.failed) {
		vigil__store_fail(s, "%s: out of memory", what);
		rc = VIGIL_ENOMEM;
	} else {
		PQclear(vigil__pg_run(s, decl.data, n, params, what, &rc, NULL));
	}
	vigil__buf_free(&decl);
	while (rc == VIGIL_OK) {
		res = vigil__pg_run(s, PG_PAGE, 0, NULL, what, &rc, NULL);
		if (!res)
			break;
		for (i = 0; i < PQntuples(res) && rc == VIGIL_OK; i++)
			rc = row_fn(s, res, i, ctx);
		i = PQntuples(res);
		PQclear(res);
		if (i == 0)
			break;
	}
	PQclear(PQexec(vigil__pg(s)->conn, "ROLLBACK"));
	return rc;
}

/*===== Migration 2: clusters by region ===============================*/

/* The version 1 clusters are the base clusters: each (base cluster,
 * region) of an event with a place gets its region's cluster by the rule
 * of cluster.c, the events with a place move to it, then every base
 * cluster is regrouped. */
static int regroup_v1(struct vigil_store *s)
{
	static const char regions[] =
		"SELECT DISTINCT k.id, k.key, coalesce(p.admin1, p.country)"
		" FROM events e JOIN clusters k ON k.id = e.cluster"
		" JOIN places p ON p.id = e.place_id"
		" WHERE coalesce(p.admin1, p.country) IS NOT NULL";
	static const char move[] =
		"WITH m AS (SELECT * FROM unnest($1::text[], $2::text[],"
		" $3::text[], $4::text[]) AS m(base, region, id, key)),"
		" c AS (INSERT INTO clusters(id, key, event, actor, recipient,"
		" date, date_precision, base, region) SELECT m.id, m.key,"
		" k.event, k.actor, k.recipient, k.date, k.date_precision,"
		" m.base, m.region FROM m JOIN clusters k ON k.id = m.base"
		" ON CONFLICT DO NOTHING)"
		" UPDATE events e SET cluster = m.id FROM m, places p"
		" WHERE e.cluster = m.base AND p.id = e.place_id"
		" AND coalesce(p.admin1, p.country) = m.region";
	vigil__buf col[4];
	const char *p[4];
	PGresult *res;
	int rc, i, k;

	res = vigil__pg_run(s, regions, 0, NULL, "migrating the clusters", &rc,
			    NULL);
	if (!res)
		return rc;
	for (k = 0; k < 4; k++) {
		vigil__buf_init(&col[k], 0);
		vigil__buf_putc(&col[k], '{');
	}
	for (i = 0; i < PQntuples(res); i++) {
		char key[VIGIL__CLUSTER_KEY_MAX], id[13];
		const char *v[4] = {PQgetvalue(res, i, 0), PQgetvalue(res, i, 2),
				    id, key};

		if (!vigil__cluster_region_key(PQgetvalue(res, i, 1), v[1], key,
					       sizeof(key), id))
			continue;
		for (k = 0; k < 4; k++)
			vigil__pg_array_text(&col[k], v[k]);
	}
	PQclear(res);
	for (k = 0; k < 4; k++) {
		vigil__buf_putc(&col[k], '}');
		p[k] = col[k].data;
		if (col[k].failed)
			rc = VIGIL_ENOMEM;
	}
	if (rc == VIGIL_OK)
		PQclear(vigil__pg_run(s, move, 4, p, "migrating the clusters",
				      &rc, NULL));
	else
		vigil__store_fail(s, "migrating the clusters: out of memory");
	for (k = 0; k < 4; k++)
		vigil__buf_free(&col[k]);
	if (rc == VIGIL_OK)
		rc = vigil__pg_exec(s, VIGIL__PG_REGROUP("id FROM clusters"
						      " WHERE base IS NULL"),
				    "migrating the clusters");
	return rc;
}

/*===== Opening ========================================================*/

/* Reads what the schema holds: a vigil store's version, nothing (version
 * 0), or a refusal. */
static int read_schema(struct vigil_store *s, long long *version)
{
	static const char probe[] =
		"SELECT to_regclass('vigil_meta') IS NOT NULL,"
		" (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
		"  ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
		"  AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))";
	PGresult *res;
	int rc, meta;
	long long tables;

	*version = 0;
	res = vigil__pg_run(s, probe, 0, NULL, "reading the schema", &rc, NULL);
	if (!res)
		return rc;
	meta = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	tables = vigil__pg_int(res, 0, 1);
	PQclear(res);
	if (!meta) {
		if (tables == 0)
			return VIGIL_OK;
		vigil__store_fail(s, "not a vigil store (a PostgreSQL schema "
				  "holding another program's tables); nothing "
				  "was changed");
		return VIGIL_EINPUT;
	}
	res = vigil__pg_run(s, "SELECT application, schema_version FROM "
			    "vigil_meta", 0, NULL, "reading the schema", &rc,
			    NULL);
	if (!res)
		return rc;
	if (PQntuples(res) != 1 ||
	    strcmp(PQgetvalue(res, 0, 0), "vigil") != 0) {
		PQclear(res);
		vigil__store_fail(s, "not a vigil store (its vigil_meta table "
				  "is not vigil's); nothing was changed");
		return VIGIL_EINPUT;
	}
	*version = vigil__pg_int(res, 0, 1);
	PQclear(res);
	if (*version > VIGIL__PG_SCHEMA) {
		vigil__store_fail(s, "store schema version %lld is newer than "
				  "this vigil's (%d); upgrade vigil",
				  *version, VIGIL__PG_SCHEMA);
		return VIGIL_EINPUT;
	}
	return VIGIL_OK;
}

/* Runs the migrations from the store's version to ours, one transaction
 * each, re-reading the version under the migration lock (another process
 * may have migrated meanwhile). */
static int migrate(struct vigil_store *s)
{
	long long v = 0;
	char sql[96];
	int rc;

	for (;;) {
		rc = vigil__pg_exec(s, "BEGIN", "migrating");
		if (rc != VIGIL_OK)
			return rc;
		rc = vigil__pg_exec(s, PG_LOCK_MIGRATE, "migrating");
		if (rc == VIGIL_OK)
			rc = read_schema(s, &v);
		if (rc != VIGIL_OK || v == VIGIL__PG_SCHEMA)
			break;
		rc = vigil__pg_exec(s, migrations[v], "migrating");
		if (rc == VIGIL_OK && migration_steps[v])
			rc = migration_steps[v](s);
		snprintf(sql, sizeof(sql),
			 "UPDATE vigil_meta SET schema_version = %lld", v + 1);
		if (rc == VIGIL_OK)
			rc = vigil__pg_exec(s, sql, "migrating");
		if (rc != VIGIL_OK)
			break;
		rc = vigil__pg_exec(s, "COMMIT", "migrating");
		if (rc != VIGIL_OK)
			return rc;
	}
	if (rc == VIGIL_OK)
		return vigil__pg_exec(s, "COMMIT", "migrating");
	PQclear(PQexec(vigil__pg(s)->conn, "ROLLBACK"));
	return rc;
}

static void ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static int connect_to(struct vigil_store *s, const char *url)
{
	static const char *const keys[] = {
		"connect_timeout", "application_name", "dbname", NULL,
	};
	const char *values[] = {"10", "vigil", url, NULL};
	PQconninfoOption *opts;
	char *err = NULL;
	char line[768];
	pg_impl *q = vigil__pg(s);
	int rc = vigil__pg_load(s);

	if (rc != VIGIL_OK)
		return rc;
	opts = PQconninfoParse(url, &err);
	if (!opts) {
		one_line(line, sizeof(line), err ? err : "out of memory");
		PQfreemem(err);
		vigil__store_fail(s, "bad PostgreSQL URL: %s", line);
		return VIGIL_EINPUT;
	}
	PQconninfoFree(opts);
	q->conn = PQconnectdbParams(keys, values, 1);
	if (!q->conn) {
		vigil__store_fail(s, "cannot connect: out of memory");
		return VIGIL_ENOMEM;
	}
	if (PQstatus(q->conn) != CONNECTION_OK) {
		one_line(line, sizeof(line), PQerrorMessage(q->conn));
		vigil__store_fail(s, "cannot connect to PostgreSQL: %s", line);
		return VIGIL_EIO;
	}
	PQsetNoticeProcessor(q->conn, ignore_notice, NULL);
	return VIGIL_OK;
}

static int pg_open(struct vigil_store *s, const char *where,
		   const vigil_store_options *o)
{
	int ro = (o->flags & VIGIL_STORE_READONLY) != 0;
	pg_impl *q = calloc(1, sizeof(*q));
	long long version = 0;
	char sql[160];
	int rc;

	if (!q) {
		vigil__store_fail(s, "out of memory");
		return VIGIL_ENOMEM;
	}
	s->impl = q;
	rc = connect_to(s, where);
	/* writers wait for each other's locks as long as SQLite's writers
	 * wait for the file; a commit is atomic, durable a moment later
	 * (as SQLite's synchronous = NORMAL; see docs/internals/store.md) */
	snprintf(sql, sizeof(sql),
		 "SET client_min_messages = warning; SET lock_timeout = %d;"
		 "SET synchronous_commit = off",
		 o->busy_timeout_ms > 0 ? o->busy_timeout_ms : 60000);
	if (rc == VIGIL_OK)
		rc = vigil__pg_exec(s, sql, "setting up the session");
	if (rc == VIGIL_OK)
		rc = read_schema(s, &version);
	if (rc != VIGIL_OK)
		return rc;
	/* a reader of an older store migrates it (the server says when the
	 * user may not) */
	if (ro && version > 0 && version < VIGIL__PG_SCHEMA)
		ro = 0;
	if (ro) {
		if (version != VIGIL__PG_SCHEMA) {
			vigil__store_fail(s, "not a vigil store (no schema)");
			return VIGIL_EINPUT;
		}
		return VIGIL_OK;
	}
	return version < VIGIL__PG_SCHEMA ? migrate(s) : VIGIL_OK;
}

/* Documents written by a connection after which closing it analyses. */
#define ANALYZE_AFTER 1000

static void pg_close(struct vigil_store *s)
{
	pg_impl *q = vigil__pg(s);
	size_t i;

	/* the planner's statistics after a large ingest, which autovacuum
	 * would give them only later (its nap is a minute): queries right
	 * after a bulk load would otherwise be planned for the small tables;
	 * skipped when another session is analysing them */
	if (q->conn && q->written >= ANALYZE_AFTER)
		PQclear(PQexec(q->conn, "SET lock_timeout = 1000; ANALYZE"
				       " documents, sentences, events, figures,"
				       " clusters, places"));
	if (q->conn)
		PQfinish(q->conn);
	for (i = 0; i < q->nplaces; i++)
		free(q->places[i].key);
	free(q->places);
	free(q);
	s->impl = NULL;
}

const vigil__store_backend vigil__pg_backend = {
	"postgresql",
	pg_open,
	pg_close,
	vigil__pg_put,
	vigil__pg_begin,
	vigil__pg_commit,
	vigil__pg_events,
	vigil__pg_clusters,
	vigil__pg_figures,
	vigil__pg_stats,
};
