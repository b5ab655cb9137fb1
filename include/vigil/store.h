/*
 * vigil/store.h: the store: coded documents kept over time, in an embedded
 * SQLite file or a PostgreSQL database (a postgresql:// URL). A vigil_store
 * is one connection, used by one thread at a time; several processes may
 * open one store at once (SQLite: WAL, busy timeout; PostgreSQL: locks per
 * document). Each document is stored in one transaction: all of its records
 * or none. Schema, clusters and near-duplicates: docs/internals/store.md.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_STORE_H
#define VIGIL_STORE_H

#include <stdint.h>

#include "coder.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vigil_store vigil_store;

#define VIGIL_STORE_READONLY 0x1u /* open for queries; never create */

typedef struct vigil_store_options {
	unsigned version;     /* VIGIL_STORE_OPTIONS_VERSION */
	unsigned flags;       /* VIGIL_STORE_* */
	int busy_timeout_ms;  /* wait this long for another writer; 0: 60 s */
} vigil_store_options;

#define VIGIL_STORE_OPTIONS_VERSION 1
#define VIGIL_STORE_OPTIONS_INIT {VIGIL_STORE_OPTIONS_VERSION, 0, 0}

/*
 * Opens the store at `where` (a file path or a postgresql:// URL), creating
 * it (its tables) unless READONLY,
 * and brings its schema up to date. On failure returns VIGIL_EIO (cannot
 * open, read-only, disk full), VIGIL_EINPUT (not a vigil store: another
 * program's database, a corrupt or foreign file, a newer schema, a bad
 * URL) and writes a message naming `where` (without a password) into err.
 */
int vigil_store_open(vigil_store **out, const char *where,
		     const vigil_store_options *opts, char *err, size_t errlen);
void vigil_store_free(vigil_store *s);

/* The message of the last failed call (names the store's file). */
const char *vigil_store_errmsg(const vigil_store *s);

/* What vigil_store_put() did with a document. */
typedef enum vigil_store_outcome {
	VIGIL_STORE_ADDED = 0,  /* a new document id */
	VIGIL_STORE_REPLACED,   /* its records differed: replaced */
	VIGIL_STORE_UNCHANGED   /* the same records were stored: nothing done */
} vigil_store_outcome;

/*
 * Stores one document's records (from vigil_worker_doc_records) in one
 * transaction, replacing a previous version with the same document id. On
 * error nothing of the document is stored (the previous version is kept).
 */
int vigil_store_put(vigil_store *s, const vigil_doc_records *r,
		    vigil_store_outcome *outcome);

/* A document's near-duplicate fingerprint: a MinHash signature of its word
 * 3-shingles (`valid` 0: too few words to judge). */
typedef struct vigil_doc_fingerprint {
	uint32_t minima[32];
	int valid;
} vigil_doc_fingerprint;

/*
 * Computes r's fingerprint. Needs no store and is thread-safe, so worker
 * threads can make it while another thread stores (vigil ingest -j N);
 * it is the part of vigil_store_put() that needs no store.
 */
void vigil_store_fingerprint(const vigil_doc_records *r,
			     vigil_doc_fingerprint *out);

/* vigil_store_put() with r's fingerprint made beforehand by
 * vigil_store_fingerprint(r, fp). */
int vigil_store_put_fingerprinted(vigil_store *s, const vigil_doc_records *r,
				  const vigil_doc_fingerprint *fp,
				  vigil_store_outcome *outcome);

/*
 * Groups the next puts into one transaction (faster for many small
 * documents) until vigil_store_commit(); each put is still all or nothing.
 */
int vigil_store_begin(vigil_store *s);
int vigil_store_commit(vigil_store *s);

/* Output formats of the readers below. */
typedef enum vigil_store_format {
	VIGIL_STORE_JSONL = 0, /* records of DESIGN.md ("cluster" on events) */
	VIGIL_STORE_CSV,       /* a header line, then one row per record */
	VIGIL_STORE_GDELT,     /* GDELT 2.0 event rows, asserted events */
	VIGIL_STORE_TEXT       /* a table for people (figures ledger only) */
} vigil_store_format;

/* Where output goes: returns 0, or non-zero to stop (a write error). */
typedef int (*vigil_write_fn)(void *ctx, const char *data, size_t len);

/*
 * Filters of vigil_store_query(); NULL (or 0) means no filter. actor,
 * recipient, said_by and cameo match a code prefix ("PRK" matches PRKMIL;
 * a country code also matches actors of that country); place matches the
 * place's country, ISO 3166-2 region, code or canonical name (see
 * vigil_place_code() for any other name); text: sentences holding all
 * of its words (full-text search).
 */
typedef struct vigil_query {
	unsigned version;      /* VIGIL_QUERY_VERSION */
	const char *actor, *recipient, *said_by;
	const char *event;     /* PLOVER event type */
	const char *cameo;
	const char *aux_mode;
	const char *since, *until; /* YYYY-MM-DD, inclusive */
	const char *place;
	const char *text;
	size_t limit;          /* 0: all */
} vigil_query;

#define VIGIL_QUERY_VERSION 1
#define VIGIL_QUERY_INIT {VIGIL_QUERY_VERSION}

/*
 * The code that vigil_query.place matches for a place the gazetteer of
 * `dict` knows by `name`, any of its names or its code ("Kursk region",
 * "Kursk Oblast", "RU-KRS" all give RU-KRS; "Russia" or "RUS" give RUS; a
 * city gives its code, "RU-KRS.KURSK"), written into buf (cap bytes).
 * Returns VIGIL_OK, or VIGIL_EINPUT when no place has that name.
 */
int vigil_place_code(const vigil_dict *dict, const char *name, char *buf,
		     size_t cap);

/*
 * Writes the matching events sorted by date (undated last), then id, in
 * `format` (JSONL, CSV or GDELT).
 */
int vigil_store_query(vigil_store *s, const vigil_query *q,
		      vigil_store_format format, vigil_write_fn write,
		      void *ctx);

/*
 * Writes one "cluster" record (JSONL) per cluster with a matching event,
 * sorted by date: the counts cover the whole cluster, near-duplicate
 * documents counted once.
 */
int vigil_store_clusters(vigil_store *s, const vigil_query *q,
			 vigil_write_fn write, void *ctx);

/*
 * Writes the figures ledger (TEXT or JSONL): per subject and category
 * (subject and category filter when not NULL; subject is a code prefix),
 * every claim in date order and the current range of estimates.
 */
int vigil_store_figures(vigil_store *s, const char *subject,
			const char *category, vigil_store_format format,
			vigil_write_fn write, void *ctx);

typedef struct vigil_store_stats {
	size_t documents, duplicates, sentences, events, figures, clusters;
} vigil_store_stats;

int vigil_store_stats_get(vigil_store *s, vigil_store_stats *out);

#ifdef __cplusplus
}
#endif
#endif /* VIGIL_STORE_H */
