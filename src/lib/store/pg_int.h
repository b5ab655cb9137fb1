/*
 * pg_int.h: what the PostgreSQL backend's files share (internal): the
 * connection state and helpers running SQL through libpq with the error
 * put on the store. Statements are sent with parameters in text format;
 * every text column is COLLATE "C" so that comparisons and ordering are
 * byte-wise, as in the SQLite store.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_PG_INT_H
#define VIGIL_PG_INT_H

#include <libpq-fe.h>

#include "store_int.h"

/* A place already stored: its fields (one string) and row id. */
typedef struct pg_place {
	char *key;
	long long id;
} pg_place;

typedef struct pg_impl {
	PGconn *conn;
	int put_prepared;    /* the ingest statements are prepared */
	size_t written;      /* documents this connection added or replaced */
	pg_place *places;    /* places known to be stored (never deleted) */
	size_t nplaces, capplaces;
} pg_impl;

static inline pg_impl *vigil__pg(struct vigil_store *s)
{
	return (pg_impl *)s->impl;
}

/*
 * Runs a statement with n text parameters (NULL: SQL NULL). Returns the
 * result (PGRES_COMMAND_OK or TUPLES_OK), or NULL with the store's message
 * set from the server's, for `what`; *code gets the VIGIL_E* code and
 * sqlstate (when not NULL, 6 bytes) the SQLSTATE of the failure.
 */
PGresult *vigil__pg_run(struct vigil_store *s, const char *sql, int n,
			const char *const *params, const char *what, int *code,
			char *sqlstate);

/* The same for a result from any PQexec* call (NULL: out of memory). */
PGresult *vigil__pg_check(struct vigil_store *s, PGresult *res,
			  const char *what, int *code, char *sqlstate);

/* Runs SQL without parameters or rows (may be several statements); 0
 * or a VIGIL_E* code. */
int vigil__pg_exec(struct vigil_store *s, const char *sql, const char *what);

/* Appends a text element (NULL: SQL NULL) to an array literal that b
 * holds from its opening '{' on, with a comma after the first. */
void vigil__pg_array_text(vigil__buf *b, const char *v);

/* A result field: text (NULL when SQL NULL), real (NaN), integer (0). */
const char *vigil__pg_text(const PGresult *r, int row, int col);
double vigil__pg_real(const PGresult *r, int row, int col);
long long vigil__pg_int(const PGresult *r, int row, int col);

/* Seven columns from col: name, country, admin1, precision, lat, lon, code. */
void vigil__pg_read_place(const PGresult *r, int row, int col,
			  vigil_place_rec *p);

/*
 * Streams the rows of a query through a cursor (FETCH in pages) inside a
 * read-only REPEATABLE READ transaction (one snapshot for the whole read);
 * row_fn returns 0 to go on, else a VIGIL_E* code that stops the read.
 */
typedef int (*vigil__pg_row_fn)(struct vigil_store *s, const PGresult *r,
				int row, void *ctx);
int vigil__pg_rows(struct vigil_store *s, const char *sql, int n,
		   const char *const *params, const char *what,
		   vigil__pg_row_fn row_fn, void *ctx);

/*
 * Regroups the events of the base clusters that `bases` selects (SQL
 * after SELECT, giving base cluster ids): the events without a region go
 * to the base key's single region cluster holding events with a place
 * when there is exactly one, else to the base cluster
 * (docs/internals/store.md). Idempotent; the caller holds the base
 * clusters' locks. Every step is an index probe from the given ids (no
 * date condition: a cluster's events all have its date, part of its key),
 * so that even a plan made while the tables were small and had no
 * statistics reaches the events through events_cluster.
 */
#define VIGIL__PG_REGROUP(bases) \
	"WITH b AS (SELECT id FROM clusters WHERE id IN (SELECT " bases "))," \
	" r AS (SELECT k.base, min(k.id) AS one, count(*) AS n" \
	" FROM clusters k JOIN b ON k.base = b.id WHERE EXISTS (SELECT 1" \
	" FROM events e JOIN places p ON p.id = e.place_id" \
	" WHERE e.cluster = k.id" \
	" AND coalesce(p.admin1, p.country) IS NOT NULL) GROUP BY k.base)," \
	" t AS (SELECT b.id AS base, CASE WHEN r.n = 1 THEN r.one" \
	" ELSE b.id END AS target FROM b LEFT JOIN r ON r.base = b.id)" \
	" UPDATE events e SET cluster = t.target FROM t, LATERAL" \
	" (SELECT t.base AS id UNION ALL SELECT id FROM clusters" \
	" WHERE base = t.base) m WHERE e.cluster = m.id" \
	" AND e.cluster <> t.target" \
	" AND NOT EXISTS (SELECT 1 FROM places p WHERE p.id = e.place_id" \
	" AND coalesce(p.admin1, p.country) IS NOT NULL)"

/* Loads libpq (pg_lib.c) once per process: 0, or VIGIL_EIO with the
 * store's message set. Before any libpq call. */
int vigil__pg_load(struct vigil_store *s);

/* The backend's entries (pg_*.c). */
int vigil__pg_put(struct vigil_store *s, const vigil_doc_records *r,
		  const vigil_doc_fingerprint *fp,
		  vigil_store_outcome *outcome);
int vigil__pg_begin(struct vigil_store *s);
int vigil__pg_commit(struct vigil_store *s);
int vigil__pg_events(struct vigil_store *s, const vigil_query *q,
		     vigil__event_row_fn fn, void *ctx);
int vigil__pg_clusters(struct vigil_store *s, const vigil_query *q,
		       vigil__cluster_row_fn fn, void *ctx);
int vigil__pg_figures(struct vigil_store *s, const char *subject,
		      const char *category, vigil__figure_row_fn fn,
		      void *ctx);
int vigil__pg_stats(struct vigil_store *s, vigil_store_stats *out);

#endif /* VIGIL_PG_INT_H */
