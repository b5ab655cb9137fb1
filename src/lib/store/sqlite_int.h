/*
 * sqlite_int.h: what the SQLite backend's files share (internal): the
 * connection state with its prepared statements (made once, reset after
 * each use) and the error helpers that put SQLite's message on the store.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_SQLITE_INT_H
#define VIGIL_SQLITE_INT_H

#include <sqlite3.h>

#include "dup_index.h"
#include "store_int.h"

/* The statements of ingest (sqlite_ingest.c), in the order of its table. */
enum sqlite_stmt {
	ST_BEGIN,
	ST_COMMIT,
	ST_DOC_FIND,
	ST_DEL_EVENTS,
	ST_DEL_FIGURES,
	ST_DEL_TEXT,
	ST_DEL_SENTENCES,
	ST_DEL_DOC,
	ST_DUP_WINDOW,
	ST_DUP_LOAD,
	ST_DUP_DOC,
	ST_DOC_INSERT,
	ST_SENT_INSERT,
	ST_TEXT_INSERT,
	ST_PLACE_FIND,
	ST_PLACE_INSERT,
	ST_CODE_INSERT,
	ST_CLUSTER_INSERT,
	ST_CLUSTER_REGIONS,
	ST_CLUSTER_SET,
	ST_MOVE_ALL,
	ST_MOVE_PLACELESS,
	ST_DOC_REGIONS,
	ST_CLUSTER_USED,
	ST_CLUSTER_DEL,
	ST_REGION_LEFT,
	ST_EVENT_INSERT,
	ST_FIGURE_INSERT,
	ST_DATA_VERSION,
	ST_COUNT_
};

/* Keys a connection knows to be stored (sqlite_known.c): up to 15 bytes. */
#define VIGIL__KNOWN_KEY 16
typedef struct vigil__known {
	char (*keys)[VIGIL__KNOWN_KEY]; /* "" marks a free slot */
	size_t cap, n;                  /* cap a power of 2, or 0 */
} vigil__known;

int vigil__known_has(const vigil__known *k, const char *key);
void vigil__known_add(vigil__known *k, const char *key);
void vigil__known_clear(vigil__known *k);
void vigil__known_free(vigil__known *k);

/* A document put in the open batch, copied (records_copy.c) so that the
 * batch can be put again after a rollback. */
typedef struct vigil__sq_logged {
	vigil_doc_records r;
	vigil_doc_fingerprint fp;
	void *mem;                   /* the block holding r's contents */
} vigil__sq_logged;

/* Copies *src into *dst and one malloc'd block *mem (free it). */
int vigil__records_copy(const vigil_doc_records *src, vigil_doc_records *dst,
			void **mem);

/* A sentence's rowid is its document's id * 2^VIGIL__SQ_SENTENCE_SHIFT +
 * its number (from 1), an event's its sentence's rowid *
 * 2^VIGIL__SQ_EVENT_SHIFT + its rank among that sentence's events (from
 * 0): a document's sentences, and its events, are each one rowid range,
 * and so are a sentence's events. */
#define VIGIL__SQ_SENTENCE_SHIFT 20
#define VIGIL__SQ_EVENT_SHIFT 12

/* The key of minimum `pos` of a signature in `minhash_keys` (filled by
 * the migration to schema 3; ingest no longer reads it). */
static inline int64_t vigil__sq_band_key(int pos, uint32_t minimum)
{
	return ((int64_t)pos << 32) | minimum;
}

typedef struct sqlite_impl {
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT_]; /* prepared on first use; NULL before */
	int in_batch;                /* between vigil_store_begin and commit */
	int wrote;                   /* documents were added: ANALYZE on close */
	sqlite3_int64 fts_from;      /* sentences from this rowid on are not in
					the full-text index yet; 0: none */
	vigil__known codes;          /* rows of `codes` (never deleted) */
	vigil__known clusters;       /* ids of `clusters` rows */
	vigil__dup_index dups;       /* originals of the days loaded, for the
					near-duplicate lookup */
	vigil__sq_logged *log;       /* the batch's documents, in order */
	size_t nlog, caplog;
	sqlite3_int64 data_version;  /* PRAGMA data_version at our last
					transaction: another writer's commit
					changes it */
} sqlite_impl;

static inline sqlite_impl *vigil__sq(struct vigil_store *s)
{
	return (sqlite_impl *)s->impl;
}

/*
 * Sets the store's message from SQLite's for `what` and returns the
 * matching VIGIL_E* code: VIGIL_EIO for I/O, full disk, read-only and
 * locks; VIGIL_EINPUT for a file that is not a (sound) database.
 */
int vigil__sq_fail(struct vigil_store *s, int rc, const char *what);

/* Runs SQL without results (schema, pragmas). */
int vigil__sq_exec(struct vigil_store *s, const char *sql);

/* The statements of ingest; sqlite_ingest.c prepares them. */
int vigil__sq_prepare(struct vigil_store *s, sqlite3_stmt **out,
		      const char *sql);

/* Binds NULL for a NULL string or a NaN. */
void vigil__sq_bind_text(sqlite3_stmt *st, int i, const char *v);
void vigil__sq_bind_real(sqlite3_stmt *st, int i, double v);

/* A column as text (NULL when SQL NULL) or real (NaN when NULL). */
const char *vigil__sq_text(sqlite3_stmt *st, int i);
double vigil__sq_real(sqlite3_stmt *st, int i);

/* Seven columns from i: name, country, admin1, precision, lat, lon, code. */
void vigil__sq_read_place(sqlite3_stmt *st, int i, vigil_place_rec *p);

/* Ingest, queries, ledger: the backend's entries (sqlite_*.c). */
int vigil__sq_put(struct vigil_store *s, const vigil_doc_records *r,
		  const vigil_doc_fingerprint *fp,
		  vigil_store_outcome *outcome);
int vigil__sq_begin(struct vigil_store *s);
int vigil__sq_commit(struct vigil_store *s);
void vigil__sq_finalize(struct vigil_store *s);
int vigil__sq_events(struct vigil_store *s, const vigil_query *q,
		     vigil__event_row_fn fn, void *ctx);
int vigil__sq_clusters(struct vigil_store *s, const vigil_query *q,
		       vigil__cluster_row_fn fn, void *ctx);
int vigil__sq_figures(struct vigil_store *s, const char *subject,
		      const char *category, vigil__figure_row_fn fn,
		      void *ctx);
int vigil__sq_stats(struct vigil_store *s, vigil_store_stats *out);

#endif /* VIGIL_SQLITE_INT_H */
