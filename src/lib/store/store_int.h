/*
 * store_int.h: inside the store (internal). The public API (store.c) talks
 * to a backend through the table vigil__store_backend; every SQL statement
 * lives in a backend's files (sqlite_*.c, pg_*.c): SQLite and PostgreSQL
 * are two such tables. Backends hand rows to the writers of store_format.c;
 * the cluster and near-duplicate rules (cluster.c, minhash.c) are pure C.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_STORE_INT_H
#define VIGIL_STORE_INT_H

#include <stdint.h>

#include <vigil/store.h>

#include "../util/buf.h"

/* Versions of the schemas this build writes, one per backend
 * (docs/internals/store.md): SQLite's changes alone when only its layout
 * changes. */
#define VIGIL__SQLITE_SCHEMA 4
#define VIGIL__PG_SCHEMA 3

/* The seed of the records hash kept on each document: bumped only when
 * what is hashed changes (a store's documents are then all replaced at
 * their next ingest), not with the schemas. */
#define VIGIL__RECORDS_HASH_SEED 2

/* One stored event as read back, with what the output formats add. */
typedef struct vigil__event_row {
	vigil_event_rec ev;
	const char *doc;        /* document id */
	const char *text;       /* its sentence */
	const char *pub_date;   /* the document's date, or NULL */
	const char *url;
	uint32_t para;          /* the sentence's paragraph */
	const char *cluster;    /* cluster id, or NULL */
	int64_t mentions, documents, sources; /* the cluster's; 1 without;
						 set when the store's
						 row_counts says so */
} vigil__event_row;

typedef struct vigil__cluster_row {
	const char *cluster;
	const char *event, *cameo;
	const char *actor, *recipient; /* codes, or NULL */
	const char *date, *date_precision;
	vigil_place_rec place;
	int64_t mentions, documents, sources;
	const char *events;     /* member event ids, comma-separated */
} vigil__cluster_row;

typedef struct vigil__figure_row {
	vigil_figure_rec f;
	const char *doc, *source;
} vigil__figure_row;

typedef int (*vigil__event_row_fn)(void *ctx, const vigil__event_row *r);
typedef int (*vigil__cluster_row_fn)(void *ctx, const vigil__cluster_row *r);
typedef int (*vigil__figure_row_fn)(void *ctx, const vigil__figure_row *r);

struct vigil_store;

/* A backend: each returns 0 or a VIGIL_E* code with the store's message set.
 * Row callbacks return non-zero to stop (VIGIL_EIO is then returned). */
typedef struct vigil__store_backend {
	const char *name;
	int (*open)(struct vigil_store *s, const char *where,
		    const vigil_store_options *o);
	void (*close)(struct vigil_store *s);
	int (*put)(struct vigil_store *s, const vigil_doc_records *r,
		   const vigil_doc_fingerprint *fp,
		   vigil_store_outcome *outcome);
	int (*begin)(struct vigil_store *s);
	int (*commit)(struct vigil_store *s);
	int (*events)(struct vigil_store *s, const vigil_query *q,
		      vigil__event_row_fn fn, void *ctx);
	int (*clusters)(struct vigil_store *s, const vigil_query *q,
			vigil__cluster_row_fn fn, void *ctx);
	int (*figures)(struct vigil_store *s, const char *subject,
		       const char *category, vigil__figure_row_fn fn,
		       void *ctx);
	int (*stats)(struct vigil_store *s, vigil_store_stats *out);
} vigil__store_backend;

struct vigil_store {
	const vigil__store_backend *be;
	void *impl;             /* the backend's connection state */
	char *where;            /* path as given (URL without password) */
	char errmsg[1024];
	int row_counts;         /* the events being read need their cluster's
				   counts (GDELT writes them): the SQLite
				   backend counts only then */
};

extern const vigil__store_backend vigil__sqlite_backend;
extern const vigil__store_backend vigil__pg_backend;

/* A postgresql:// URL without its password, for messages (pg_schema.c);
 * malloc'ed, NULL when out of memory. */
char *vigil__pg_redact(const char *url);

/* Sets the store's message: "<where>: " then the printf-formatted text. */
void vigil__store_fail(struct vigil_store *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*===== Clusters (cluster.c) ===========================================*/

/*
 * The base cluster of an event, or 0 when it joins none (not asserted, no
 * date, no PLOVER event type). key (cap >= VIGIL__CLUSTER_KEY_MAX) gets the
 * base key "EVENT|ACTOR|RECIPIENT|DATE|PRECISION" and id its 12-hex-digit
 * id. Events with a region are clustered under the base key plus region
 * (vigil__cluster_region_key); events without one join the single region
 * stored for their base key, else the base cluster (docs/internals/store.md).
 */
#define VIGIL__CLUSTER_KEY_MAX 160
int vigil__cluster_key(const vigil_event_rec *ev, char *key, size_t cap,
		       char id[13]);

/* The region of an event's place (its admin1, else its country), or NULL
 * without a place (or a place with neither). */
const char *vigil__cluster_region(const vigil_event_rec *ev);

/* The key "BASE|REGION" of the events of base key `base` in `region`, and
 * its id; 0 when it does not fit. */
int vigil__cluster_region_key(const char *base, const char *region,
			      char *key, size_t cap, char id[13]);

/*===== Near-duplicates (minhash.c) ====================================*/

/* Minima in a signature; a document nearly duplicates another when at
 * least VIGIL__NEAR_DUP_SAME of them are equal (estimated Jaccard
 * similarity of their word 3-shingles >= 0.5). */
#define VIGIL__MINHASH_K 32
_Static_assert(sizeof(((vigil_doc_fingerprint *)0)->minima) ==
	       VIGIL__MINHASH_K * sizeof(uint32_t), "store.h's fingerprint");
#define VIGIL__NEAR_DUP_SAME 16
/* Minima indexed to find candidates (LSH with bands of one minimum): two
 * signatures sharing VIGIL__NEAR_DUP_SAME minima share at least one of the
 * first K - SAME + 1, so looking up those finds every near-duplicate. */
#define VIGIL__MINHASH_BANDS (VIGIL__MINHASH_K - VIGIL__NEAR_DUP_SAME + 1)

/* The MinHash signature of a document's sentences. Returns 1, or 0 when
 * it has too few words (8 shingles) to judge: it then has no signature. */
int vigil__minhash(const vigil_doc_records *r,
		   uint32_t sig[VIGIL__MINHASH_K]);

/* How many minima two signatures share (0..VIGIL__MINHASH_K). */
unsigned vigil__minhash_same(const uint32_t *a, const uint32_t *b);

/*===== Output (store_format.c) ========================================*/

typedef struct vigil__out {
	vigil__buf buf;
	vigil_write_fn write;
	void *ctx;
	vigil_store_format format;
	int failed;             /* the write function failed */
} vigil__out;

void vigil__out_init(vigil__out *o, vigil_store_format format,
		     vigil_write_fn write, void *ctx);
/* Passes the buffer to the write function; returns 0 or -1. */
int vigil__out_flush(vigil__out *o);
void vigil__out_free(vigil__out *o);

/* Row callbacks (ctx: a vigil__out) writing in the out's format. */
int vigil__out_event(void *ctx, const vigil__event_row *r);
int vigil__out_cluster(void *ctx, const vigil__cluster_row *r);
void vigil__out_event_header(vigil__out *o);

/* The ledger: rows come grouped by subject and category, in date order. */
typedef struct vigil__ledger vigil__ledger;
int vigil__ledger_new(vigil__ledger **out, vigil__out *o);
int vigil__ledger_row(void *ledger, const vigil__figure_row *r);
int vigil__ledger_end(vigil__ledger *l);
void vigil__ledger_free(vigil__ledger *l);

#endif /* VIGIL_STORE_INT_H */
