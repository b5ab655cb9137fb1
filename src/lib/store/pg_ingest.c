/*
 * pg_ingest.c: stores one document's records in one PostgreSQL transaction
 * (a savepoint inside a vigil_store_begin batch). Concurrent ingesters
 * serialize per document id with an advisory lock, and per publication
 * date window for the near-duplicate decision; places and clusters are
 * shared rows added with INSERT ... ON CONFLICT DO NOTHING in sorted
 * order. A deadlock or serialization failure retries the document. The
 * rows go in as arrays (one INSERT ... unnest per table); the records'
 * hash is taken over those arrays. The argument is in docs/internals/store.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "pg_int.h"

/* Advisory lock classes (two-int form): a document id's hash; a day; a
 * base cluster id's hash. */
#define LOCK_DOC "1447642881"
#define LOCK_DAY "1447642882"
#define LOCK_BASE "1447642883"
/* Attempts of one document when the server picks it as a deadlock victim. */
#define PUT_ATTEMPTS 8

/*===== Arrays of column values ========================================*/

typedef struct col {
	const char *name;
	const char *type; /* "pix": a place index into the place ids ($2) */
} col;

static const col sentence_cols[] = {
	{"n", "integer"}, {"span_begin", "bigint"}, {"span_end", "bigint"},
	{"para", "integer"}, {"text", "text"},
};

static const col event_cols[] = {
	{"sentence", "integer"}, {"n", "integer"}, {"date", "text"},
	{"date_precision", "text"}, {"actor_code", "text"},
	{"actor_country", "text"}, {"actor_sector", "text"},
	{"actor_text", "text"}, {"recipient_code", "text"},
	{"recipient_country", "text"}, {"recipient_sector", "text"},
	{"recipient_text", "text"}, {"event", "text"}, {"mode", "text"},
	{"aux_mode", "text"}, {"hedge", "text"}, {"quad_code", "integer"},
	{"cameo", "text"}, {"goldstein", "double precision"},
	{"said_by_code", "text"}, {"said_by_text", "text"},
	{"place_id", "pix"}, {"trigger", "text"}, {"span_begin", "bigint"},
	{"span_end", "bigint"}, {"cluster", "text"},
};

static const col figure_cols[] = {
	{"sentence", "integer"}, {"n", "integer"},
	{"value", "double precision"}, {"low", "double precision"},
	{"high", "double precision"}, {"qualifier", "text"}, {"unit", "text"},
	{"category", "text"}, {"subject_code", "text"},
	{"subject_country", "text"}, {"subject_sector", "text"},
	{"subject_text", "text"}, {"said_by_code", "text"},
	{"said_by_text", "text"}, {"place_id", "pix"}, {"date", "text"},
	{"span_begin", "bigint"}, {"span_end", "bigint"},
};

static const col cluster_cols[] = {
	{"id", "text"}, {"key", "text"}, {"event", "text"}, {"actor", "text"},
	{"recipient", "text"}, {"date", "text"}, {"date_precision", "text"},
	{"base", "text"}, {"region", "text"},
};

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_COLS 26

/* One array literal per column ("{...}"), filled row by row. */
typedef struct arrays {
	vigil__buf b[MAX_COLS];
	size_t n, at; /* columns; the next column of the current row */
} arrays;

static void arrays_init(arrays *a, size_t ncols)
{
	size_t i;

	a->n = ncols;
	a->at = 0;
	for (i = 0; i < ncols; i++) {
		vigil__buf_init(&a->b[i], 0);
		vigil__buf_putc(&a->b[i], '{');
	}
}

static void arrays_free(arrays *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		vigil__buf_free(&a->b[i]);
}

/* The buffer of the next column, with a separator when not the first. */
static vigil__buf *next(arrays *a)
{
	vigil__buf *b = &a->b[a->at];

	a->at = (a->at + 1) % a->n;
	if (b->len > 1)
		vigil__buf_putc(b, ',');
	return b;
}

static void put_text(arrays *a, const char *v)
{
	vigil__buf *b = &a->b[a->at];

	a->at = (a->at + 1) % a->n;
	vigil__pg_array_text(b, v);
}

static void put_int(arrays *a, long long v)
{
	vigil__buf_printf(next(a), "%lld", v);
}

/* An integer, NULL when 0 (quad_code, place index). */
static void put_int_or_null(arrays *a, long long v)
{
	if (v)
		put_int(a, v);
	else
		vigil__buf_puts(next(a), "NULL");
}

static void put_real(arrays *a, double v)
{
	if (isnan(v))
		vigil__buf_puts(next(a), "NULL");
	else
		vigil__buf_printf(next(a), "%.17g", v);
}

static int arrays_done(arrays *a)
{
	size_t i;
	int failed = 0;

	for (i = 0; i < a->n; i++) {
		vigil__buf_putc(&a->b[i], '}');
		failed |= a->b[i].failed;
	}
	return failed ? VIGIL_ENOMEM : VIGIL_OK;
}

/* ", name AS (INSERT INTO table(doc_id, cols) SELECT d.id, ... FROM d,
 * unnest(one array parameter per column from *param))"; a place column
 * maps its index through the place ids ($10). */
static void insert_sql(vigil__buf *sql, const char *table, const col *c,
		       size_t n, int *param)
{
	size_t i;

	vigil__buf_printf(sql, ", %c AS (INSERT INTO %s(doc_id", table[0], table);
	for (i = 0; i < n; i++)
		vigil__buf_printf(sql, ", %s", c[i].name);
	vigil__buf_puts(sql, ") SELECT d.id");
	for (i = 0; i < n; i++) {
		if (strcmp(c[i].type, "pix") == 0)
			vigil__buf_printf(sql, ", ($10::bigint[])[u.%s]", c[i].name);
		else
			vigil__buf_printf(sql, ", u.%s", c[i].name);
	}
	vigil__buf_puts(sql, " FROM d, unnest(");
	for (i = 0; i < n; i++)
		vigil__buf_printf(sql, "%s$%d::%s[]", i ? ", " : "", (*param)++,
				  strcmp(c[i].type, "pix") == 0 ? "integer"
								: c[i].type);
	vigil__buf_puts(sql, ") AS u(");
	for (i = 0; i < n; i++)
		vigil__buf_printf(sql, "%s%s", i ? ", " : "", c[i].name);
	vigil__buf_puts(sql, "))");
}

/* The statement storing a document and all its rows at once: $1-$9 the
 * document, $10 its place ids, then the arrays of sentences, events,
 * figures and clusters (in the order of their column tables). */
static void put_sql(vigil__buf *sql)
{
	int param = 11;
	size_t i;

	vigil__buf_puts(sql, "WITH d AS (INSERT INTO documents(doc, date, source,"
			" url, title, sentences, records_hash, minhash,"
			" duplicate_of) VALUES ($1, $2, $3, $4, $5, $6, $7,"
			" $8::bytea, $9) RETURNING id)");
	insert_sql(sql, "sentences", sentence_cols, NCOLS(sentence_cols), &param);
	insert_sql(sql, "events", event_cols, NCOLS(event_cols), &param);
	insert_sql(sql, "figures", figure_cols, NCOLS(figure_cols), &param);
	vigil__buf_puts(sql, ", c AS (INSERT INTO clusters(");
	for (i = 0; i < NCOLS(cluster_cols); i++)
		vigil__buf_printf(sql, "%s%s", i ? ", " : "", cluster_cols[i].name);
	vigil__buf_puts(sql, ") SELECT * FROM unnest(");
	for (i = 0; i < NCOLS(cluster_cols); i++)
		vigil__buf_printf(sql, "%s$%d::%s[]", i ? ", " : "", param++,
				  cluster_cols[i].type);
	vigil__buf_puts(sql, ") ON CONFLICT DO NOTHING) SELECT id FROM d");
}

#define PUT_PARAMS                                                        \
	(10 + NCOLS(sentence_cols) + NCOLS(event_cols) + NCOLS(figure_cols) + \
	 NCOLS(cluster_cols))

/*===== A document ready to store ======================================*/

/* A distinct place of the document: the record and its key. */
typedef struct doc_place {
	const vigil_place_rec *p;
	char *key;
} doc_place;

/* A distinct cluster of the document, from its first event; a region's
 * cluster names its base cluster and region. */
typedef struct doc_cluster {
	char id[13], base[13];
	char key[VIGIL__CLUSTER_KEY_MAX];
	const char *region;
	const vigil_event_rec *e;
	size_t order;
} doc_cluster;

typedef struct prepared {
	arrays sent, ev, fig, cl;
	doc_place *places;
	size_t nplaces;
	doc_cluster *clusters; /* up to two per event: region and base */
	size_t nclusters;
	vigil__buf bases;       /* the base clusters' ids, an array literal */
	char hash[17];
	uint32_t sig[VIGIL__MINHASH_K];
	int has_sig;
} prepared;

/* "name\x1f..." with "\x1e" for an absent field: one string per place. */
static char *place_key(const vigil_place_rec *p)
{
	const char *f[5] = {p->name, p->code, p->country, p->admin1,
			    p->precision};
	vigil__buf b;
	size_t i;

	vigil__buf_init(&b, 0);
	for (i = 0; i < 5; i++) {
		vigil__buf_puts(&b, f[i] ? f[i] : "\x1e");
		vigil__buf_putc(&b, '\x1f');
	}
	if (b.failed) {
		vigil__buf_free(&b);
		return NULL;
	}
	return b.data;
}

static int cmp_place(const void *a, const void *b)
{
	return strcmp(((const doc_place *)a)->key, ((const doc_place *)b)->key);
}

static int cmp_cluster(const void *a, const void *b)
{
	const doc_cluster *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* The sorted distinct places of the events and figures. */
static int collect_places(prepared *d, const vigil_doc_records *r)
{
	size_t n = r->nevents + r->nfigures, i, k = 0;

	d->places = calloc(n ? n : 1, sizeof(*d->places));
	if (!d->places)
		return VIGIL_ENOMEM;
	for (i = 0; i < n; i++) {
		const vigil_place_rec *p = i < r->nevents
			? &r->events[i].place
			: &r->figures[i - r->nevents].place;

		if (!p->name)
			continue;
		d->places[k].p = p;
		if (!(d->places[k++].key = place_key(p))) {
			d->nplaces = k;
			return VIGIL_ENOMEM;
		}
	}
	qsort(d->places, k, sizeof(*d->places), cmp_place);
	d->nplaces = 0;
	for (i = 0; i < k; i++) {
		if (d->nplaces &&
		    strcmp(d->places[d->nplaces - 1].key, d->places[i].key) == 0) {
			free(d->places[i].key);
			continue;
		}
		d->places[d->nplaces++] = d->places[i];
	}
	return VIGIL_OK;
}

/* The 1-based index of a place among the document's, 0 for none. */
static long long place_index(const prepared *d, const vigil_place_rec *p)
{
	char *key;
	size_t lo = 0, hi = d->nplaces;

	if (!p->name || !(key = place_key(p)))
		return 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(d->places[mid].key, key);

		if (c == 0) {
			free(key);
			return (long long)mid + 1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	free(key);
	return 0;
}

static void put_actor(arrays *a, const vigil_actor_rec *x)
{
	put_text(a, x->code);
	put_text(a, x->country);
	put_text(a, x->sector);
	put_text(a, x->text);
}

/* The number after the last '-' of a record id ("f" skipped). */
static long long id_number(const char *id)
{
	const char *dash = strrchr(id, '-');
	const char *p = dash ? dash + 1 : id;

	if (*p == 'f')
		p++;
	return strtoll(p, NULL, 10);
}

/* The event's clusters (its base key's, and its region's when it has a
 * region) added to the document's; returns the id the event is stored
 * under before pg_normalize() moves the events without a place, or NULL
 * when it joins none. */
static const char *event_clusters(prepared *d, const vigil_event_rec *e)
{
	doc_cluster *b = &d->clusters[d->nclusters];
	doc_cluster *r = b + 1;
	const char *region = vigil__cluster_region(e);

	if (!vigil__cluster_key(e, b->key, sizeof(b->key), b->id))
		return NULL;
	b->e = e;
	b->order = d->nclusters++;
	if (!region || !vigil__cluster_region_key(b->key, region, r->key,
						  sizeof(r->key), r->id))
		return b->id;
	memcpy(r->base, b->id, sizeof(r->base));
	r->region = region;
	r->e = e;
	r->order = d->nclusters++;
	return r->id;
}

static void put_event(prepared *d, const vigil_event_rec *e)
{
	arrays *a = &d->ev;

	put_int(a, e->sentence);
	put_int(a, id_number(e->id));
	put_text(a, e->date);
	put_text(a, e->date_precision);
	put_actor(a, &e->actor);
	put_actor(a, &e->recipient);
	put_text(a, e->event);
	put_text(a, e->mode);
	put_text(a, e->aux_mode);
	put_text(a, e->hedge);
	put_int_or_null(a, e->quad_code);
	put_text(a, e->cameo);
	put_real(a, e->goldstein);
	put_text(a, e->said_by.code);
	put_text(a, e->said_by.text);
	put_int_or_null(a, place_index(d, &e->place));
	put_text(a, e->trigger);
	put_int(a, e->span.begin);
	put_int(a, e->span.end);
	put_text(a, event_clusters(d, e));
}

static void put_figure(prepared *d, const vigil_figure_rec *f)
{
	arrays *a = &d->fig;

	put_int(a, f->sentence);
	put_int(a, id_number(f->id));
	put_real(a, f->value);
	put_real(a, f->low);
	put_real(a, f->high);
	put_text(a, f->qualifier);
	put_text(a, f->unit);
	put_text(a, f->category);
	put_actor(a, &f->subject);
	put_text(a, f->said_by.code);
	put_text(a, f->said_by.text);
	put_int_or_null(a, place_index(d, &f->place));
	put_text(a, f->date);
	put_int(a, f->span.begin);
	put_int(a, f->span.end);
}

/* The distinct clusters, sorted by id, each with its first event's codes;
 * the base clusters' ids into d->bases. */
static void put_clusters(prepared *d)
{
	size_t i, k = 0;

	qsort(d->clusters, d->nclusters, sizeof(*d->clusters), cmp_cluster);
	vigil__buf_putc(&d->bases, '{');
	for (i = 0; i < d->nclusters; i++) {
		const doc_cluster *c = &d->clusters[i];

		if (k && strcmp(d->clusters[k - 1].id, c->id) == 0)
			continue;
		d->clusters[k++] = *c;
		put_text(&d->cl, c->id);
		put_text(&d->cl, c->key);
		put_text(&d->cl, c->e->event);
		put_text(&d->cl, c->e->actor.code);
		put_text(&d->cl, c->e->recipient.code);
		put_text(&d->cl, c->e->date);
		put_text(&d->cl, c->e->date_precision);
		put_text(&d->cl, c->region ? c->base : NULL);
		put_text(&d->cl, c->region);
		if (!c->region)
			vigil__buf_printf(&d->bases, "%s%s",
					  d->bases.len > 1 ? "," : "", c->id);
	}
	vigil__buf_putc(&d->bases, '}');
	d->nclusters = k;
}

static void hash_str(XXH64_state_t *h, const char *v)
{
	static const char tag[2] = {0, 1};

	if (v)
		XXH64_update(h, v, strlen(v) + 1);
	else
		XXH64_update(h, tag, sizeof(tag)); /* NULL differs from "" */
}

/* XXH64 of everything stored: the document's fields, the places (fields
 * and coordinates) and the arrays, as 16 hex digits. */
static void records_hash(prepared *d, const vigil_doc_records *r)
{
	const arrays *all[] = {&d->sent, &d->ev, &d->fig};
	XXH64_state_t *h = XXH64_createState();
	char num[64];
	size_t i, j;

	XXH64_reset(h, VIGIL__RECORDS_HASH_SEED);
	hash_str(h, r->id);
	hash_str(h, r->date);
	hash_str(h, r->source);
	hash_str(h, r->url);
	hash_str(h, r->title);
	for (i = 0; i < d->nplaces; i++) {
		hash_str(h, d->places[i].key);
		snprintf(num, sizeof(num), "%.17g %.17g", d->places[i].p->lat,
			 d->places[i].p->lon);
		hash_str(h, num);
	}
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		for (j = 0; j < all[i]->n; j++)
			hash_str(h, all[i]->b[j].data);
	snprintf(d->hash, sizeof(d->hash), "%016llx",
		 (unsigned long long)XXH64_digest(h));
	XXH64_freeState(h);
}

static void prepared_free(prepared *d)
{
	size_t i;

	arrays_free(&d->sent);
	arrays_free(&d->ev);
	arrays_free(&d->fig);
	arrays_free(&d->cl);
	vigil__buf_free(&d->bases);
	for (i = 0; i < d->nplaces; i++)
		free(d->places[i].key);
	free(d->places);
	free(d->clusters);
}

/* Everything of the document as arrays, with its hash and signature. */
static int prepare(prepared *d, const vigil_doc_records *r)
{
	size_t i;
	int rc;

	memset(d, 0, sizeof(*d));
	arrays_init(&d->sent, NCOLS(sentence_cols));
	arrays_init(&d->ev, NCOLS(event_cols));
	arrays_init(&d->fig, NCOLS(figure_cols));
	arrays_init(&d->cl, NCOLS(cluster_cols));
	vigil__buf_init(&d->bases, 0);
	d->clusters = calloc(2 * r->nevents + 1, sizeof(*d->clusters));
	rc = d->clusters ? collect_places(d, r) : VIGIL_ENOMEM;
	if (rc != VIGIL_OK)
		return rc;
	for (i = 0; i < r->nsentences; i++) {
		put_int(&d->sent, (long long)i + 1);
		put_int(&d->sent, r->sentences[i].span.begin);
		put_int(&d->sent, r->sentences[i].span.end);
		put_int(&d->sent, r->sentences[i].para);
		put_text(&d->sent, r->sentences[i].text);
	}
	for (i = 0; i < r->nevents; i++)
		put_event(d, &r->events[i]);
	for (i = 0; i < r->nfigures; i++)
		put_figure(d, &r->figures[i]);
	put_clusters(d);
	rc = arrays_done(&d->sent) | arrays_done(&d->ev) |
	     arrays_done(&d->fig) | arrays_done(&d->cl);
	if (rc != VIGIL_OK || d->bases.failed)
		return VIGIL_ENOMEM;
	records_hash(d, r);
	d->has_sig = vigil__minhash(r, d->sig);
	return VIGIL_OK;
}

/*===== Dates ==========================================================*/

/* Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian); 0 when it
 * is not such a date. */
static int day_number(const char *s, long *out)
{
	int y, m, d, n = 0;
	long era, yoe, doy, doe;

	if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    s[10] || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = era * 146097 + doe - 719468;
	return 1;
}

static void day_text(long z, char out[24])
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	snprintf(out, 24, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)d);
}

/*===== Statements =====================================================*/

/* The statements of a document, prepared once per connection (parsed and,
 * after a few runs, planned once): named "vigil_<index>". */
enum stmt {
	ST_PUT, ST_FIND_DOC, ST_LOCK_BASES, ST_ORIGINAL, ST_REGROUP,
	ST_DELETE, ST_PLACE_ADD, ST_PLACE_GET, NSTMTS
};

/* The base clusters of the new and the old version ($1, $2) locked in the
 * order of their lock keys, so that two documents sharing some take turns
 * without waiting on each other in a cycle. */
#define LOCK_BASES \
	"SELECT count(pg_advisory_xact_lock(" LOCK_BASE ", h)) FROM" \
	" (SELECT DISTINCT hashtext(b) AS h FROM unnest($1::text[] ||" \
	" coalesce($2::text[], '{}')) AS b ORDER BY 1) AS k"

static const char *const stmt_sql[NSTMTS] = {
	[ST_FIND_DOC] = "SELECT id, records_hash, (SELECT"
			" array_agg(DISTINCT coalesce(k.base, k.id))"
			" FROM events e JOIN clusters k ON k.id = e.cluster"
			" WHERE e.doc_id = documents.id) FROM documents"
			" WHERE doc = $1",
	[ST_LOCK_BASES] = LOCK_BASES,
	[ST_ORIGINAL] = "SELECT doc, minhash FROM documents"
			" WHERE date BETWEEN $1 AND $2 AND duplicate_of IS NULL"
			" AND minhash IS NOT NULL AND doc <> $3 ORDER BY id",
	[ST_REGROUP] = VIGIL__PG_REGROUP("unnest($1::text[] ||"
					 " coalesce($2::text[], '{}'))"),
	[ST_DELETE] = "WITH e AS (DELETE FROM events WHERE doc_id = $1),"
		      " f AS (DELETE FROM figures WHERE doc_id = $1),"
		      " t AS (DELETE FROM sentences WHERE doc_id = $1)"
		      " DELETE FROM documents WHERE id = $1::bigint",
	[ST_PLACE_ADD] = "INSERT INTO places(name, country, admin1,"
			 " precision, code, lat, lon) VALUES ($1, $2,"
			 " $3, $4, $5, $6::double precision,"
			 " $7::double precision) ON CONFLICT DO"
			 " NOTHING RETURNING id",
	[ST_PLACE_GET] = "SELECT id FROM places WHERE name = $1 AND"
			 " country IS NOT DISTINCT FROM $2 AND admin1"
			 " IS NOT DISTINCT FROM $3 AND precision IS NOT"
			 " DISTINCT FROM $4 AND code IS NOT DISTINCT"
			 " FROM $5 AND $6::text IS NOT DISTINCT FROM"
			 " $6 AND $7::text IS NOT DISTINCT FROM $7",
};

/* Prepares the statements once per connection (put_sql builds ST_PUT's). */
static int prepare_statements(struct vigil_store *s, char *state)
{
	pg_impl *q = vigil__pg(s);
	vigil__buf put;
	char name[16];
	int i, rc = VIGIL_OK;

	if (q->put_prepared)
		return VIGIL_OK;
	vigil__buf_init(&put, 0);
	put_sql(&put);
	if (put.failed) {
		vigil__buf_free(&put);
		vigil__store_fail(s, "out of memory");
		return VIGIL_ENOMEM;
	}
	for (i = 0; i < NSTMTS && rc == VIGIL_OK; i++) {
		snprintf(name, sizeof(name), "vigil_%d", i);
		PQclear(vigil__pg_check(s, PQprepare(q->conn, name,
						     i == ST_PUT ? put.data
								 : stmt_sql[i],
						     0, NULL),
					"preparing a statement", &rc, state));
	}
	vigil__buf_free(&put);
	q->put_prepared = rc == VIGIL_OK;
	return rc;
}

/* Runs a prepared statement (binary: its result in binary format);
 * lengths and formats may be NULL (all text). */
static PGresult *exec_stmt(struct vigil_store *s, enum stmt st, int n,
			   const char *const *params, const int *lengths,
			   const int *formats, int binary, const char *what,
			   int *rc, char *state)
{
	char name[16];

	snprintf(name, sizeof(name), "vigil_%d", (int)st);
	return vigil__pg_check(s, PQexecPrepared(vigil__pg(s)->conn, name, n,
						 params, lengths, formats,
						 binary),
			       what, rc, state);
}

/*===== Writing ========================================================*/

/* Runs a statement that returns nothing we need. */
static int run(struct vigil_store *s, const char *sql, int n,
	       const char *const *params, const char *what, char *state)
{
	int rc;

	PQclear(vigil__pg_run(s, sql, n, params, what, &rc, state));
	return rc;
}

/* The same for a prepared statement. */
static int run_stmt(struct vigil_store *s, enum stmt st, int n,
		    const char *const *params, const char *what, char *state)
{
	int rc;

	PQclear(exec_stmt(s, st, n, params, NULL, NULL, 0, what, &rc, state));
	return rc;
}

/* Starts the document's transaction and takes its first locks,
 * in one round trip and in this order: the document id (ingesters of the
 * same document take turns), then, for a document that may be a
 * near-duplicate, its day exclusively and the days within 3 of it shared,
 * in ascending order. */
static int begin_and_lock(struct vigil_store *s, const vigil_doc_records *r,
			  const prepared *d, char *state)
{
	char sql[400];
	long day;
	int n, rc;

	n = snprintf(sql, sizeof(sql), "%s; SELECT pg_advisory_xact_lock("
		     LOCK_DOC ", %d)",
		     "BEGIN; SET LOCAL enable_seqscan = off",
		     (int32_t)XXH32(r->id, strlen(r->id), 0));
	if (d->has_sig && day_number(r->date, &day))
		snprintf(sql + n, sizeof(sql) - (size_t)n,
			 ", (SELECT count(CASE WHEN k = %ld"
			 " THEN pg_advisory_xact_lock(" LOCK_DAY ", k)"
			 " ELSE pg_advisory_xact_lock_shared(" LOCK_DAY ", k)"
			 " END) FROM generate_series(%ld, %ld) AS k)",
			 day, day - 3, day + 3);
	PQclear(vigil__pg_check(s, PQexec(vigil__pg(s)->conn, sql),
				"starting a transaction", &rc, state));
	return rc;
}

/* The earliest stored original this document nearly duplicates (into
 * dup, "" when none), published within 3 days. */
static int find_original(struct vigil_store *s, const vigil_doc_records *r,
			 const prepared *d, char *dup, size_t cap, char *state)
{
	char lo[24], hi[24];
	const char *p[3] = {lo, hi, r->id};
	PGresult *res;
	long day;
	int rc, i;

	dup[0] = '\0';
	if (!d->has_sig || !day_number(r->date, &day))
		return VIGIL_OK;
	day_text(day - 3, lo);
	day_text(day + 3, hi);
	res = exec_stmt(s, ST_ORIGINAL, 3, p, NULL, NULL, 1,
			"looking for near-duplicates", &rc, state);
	if (!res)
		return rc;
	for (i = 0; i < PQntuples(res); i++) {
		uint32_t other[VIGIL__MINHASH_K];

		if (PQgetlength(res, i, 1) != (int)sizeof(other))
			continue;
		memcpy(other, PQgetvalue(res, i, 1), sizeof(other));
		if (vigil__minhash_same(d->sig, other) >= VIGIL__NEAR_DUP_SAME) {
			snprintf(dup, cap, "%.*s", PQgetlength(res, i, 0),
				 PQgetvalue(res, i, 0));
			break;
		}
	}
	PQclear(res);
	return VIGIL_OK;
}

/* The document and all its rows, in one statement. */
static int insert_all(struct vigil_store *s, const vigil_doc_records *r,
		      prepared *d, const char *dup, const char *places,
		      char *state)
{
	const char *p[PUT_PARAMS] = {
		r->id, r->date, r->source, r->url, r->title, NULL, d->hash,
		d->has_sig ? (const char *)d->sig : NULL, dup[0] ? dup : NULL,
		places,
	};
	int len[PUT_PARAMS] = {[7] = (int)sizeof(d->sig)};
	int fmt[PUT_PARAMS] = {[7] = 1};
	const arrays *all[] = {&d->sent, &d->ev, &d->fig, &d->cl};
	char nsent[24];
	size_t i, j, k = 10;
	int rc;

	snprintf(nsent, sizeof(nsent), "%zu", r->nsentences);
	p[5] = nsent;
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		for (j = 0; j < all[i]->n; j++)
			p[k++] = all[i]->b[j].data;
	PQclear(exec_stmt(s, ST_PUT, (int)k, p, len, fmt, 0,
			  "storing a document", &rc, state));
	return rc;
}

/* A place's row id from the cache of stored places, or 0. */
static long long cached_place(const pg_impl *q, const char *key)
{
	size_t i;

	for (i = q->nplaces; i-- > 0;)
		if (strcmp(q->places[i].key, key) == 0)
			return q->places[i].id;
	return 0;
}

static int cache_place(pg_impl *q, const char *key, long long id)
{
	if (q->nplaces == q->capplaces) {
		size_t cap = q->capplaces ? 2 * q->capplaces : 64;
		pg_place *p = realloc(q->places, cap * sizeof(*p));

		if (!p)
			return VIGIL_ENOMEM;
		q->places = p;
		q->capplaces = cap;
	}
	if (!(q->places[q->nplaces].key = strdup(key)))
		return VIGIL_ENOMEM;
	q->places[q->nplaces++].id = id;
	return VIGIL_OK;
}

/* Forgets the places cached after the first n (their rows rolled back). */
static void uncache_places(pg_impl *q, size_t n)
{
	while (q->nplaces > n)
		free(q->places[--q->nplaces].key);
}

/* The row id of a place, added when new (another ingester may add it at
 * the same moment: ON CONFLICT waits for it, then the row is read). */
static int place_row(struct vigil_store *s, const vigil_place_rec *p,
		     const char *key, char *id, size_t cap, char *state)
{
	char lat[32], lon[32];
	const char *v[7] = {p->name, p->country, p->admin1, p->precision,
			    p->code, isnan(p->lat) ? NULL : lat,
			    isnan(p->lon) ? NULL : lon};
	long long known = cached_place(vigil__pg(s), key);
	PGresult *res;
	int rc, pass;

	if (known) {
		snprintf(id, cap, "%lld", known);
		return VIGIL_OK;
	}
	snprintf(lat, sizeof(lat), "%.17g", p->lat);
	snprintf(lon, sizeof(lon), "%.17g", p->lon);
	for (pass = 0; pass < 2; pass++) {
		res = exec_stmt(s, pass == 0 ? ST_PLACE_ADD : ST_PLACE_GET, 7,
				v, NULL, NULL, 0, "storing a place", &rc, state);
		if (!res)
			return rc;
		if (PQntuples(res) == 1) {
			snprintf(id, cap, "%s", PQgetvalue(res, 0, 0));
			PQclear(res);
			return cache_place(vigil__pg(s), key, strtoll(id, NULL, 10));
		}
		PQclear(res);
	}
	vigil__store_fail(s, "storing a place: its row vanished");
	return VIGIL_ERROR;
}

/* The ids of the document's places as an array literal, in their order. */
static int place_ids(struct vigil_store *s, const prepared *d, vigil__buf *out,
		     char *state)
{
	char id[24];
	size_t i;
	int rc = VIGIL_OK;

	vigil__buf_putc(out, '{');
	for (i = 0; i < d->nplaces && rc == VIGIL_OK; i++) {
		rc = place_row(s, d->places[i].p, d->places[i].key, id,
			       sizeof(id), state);
		vigil__buf_printf(out, "%s%s", i ? "," : "", id);
	}
	vigil__buf_putc(out, '}');
	return rc != VIGIL_OK ? rc : out->failed ? VIGIL_ENOMEM : VIGIL_OK;
}

/* A stored version of the document. */
typedef struct old_doc {
	char id[24];     /* its row id, "" when none */
	int same;        /* its records have the new hash */
	char *bases;     /* its events' base clusters, an array literal */
} old_doc;

/* Looks the document up, with the base clusters of its events (their
 * placeless events may move when it goes). */
static int find_doc(struct vigil_store *s, const vigil_doc_records *r,
		    const prepared *d, old_doc *o, char *state)
{
	PGresult *res;
	int rc;

	memset(o, 0, sizeof(*o));
	res = exec_stmt(s, ST_FIND_DOC, 1, &r->id, NULL, NULL, 0,
			"looking up a document", &rc, state);
	if (!res)
		return rc;
	if (PQntuples(res) == 1) {
		snprintf(o->id, sizeof(o->id), "%s", PQgetvalue(res, 0, 0));
		o->same = strcmp(PQgetvalue(res, 0, 1), d->hash) == 0;
		if (!PQgetisnull(res, 0, 2) &&
		    !(o->bases = strdup(PQgetvalue(res, 0, 2))))
			rc = VIGIL_ENOMEM;
	}
	PQclear(res);
	if (rc != VIGIL_OK)
		vigil__store_fail(s, "looking up a document: out of memory");
	return rc;
}

static int lock_bases(struct vigil_store *s, const prepared *d,
		      const old_doc *o, char *state)
{
	const char *p[2] = {d->bases.data, o->bases};

	if (d->bases.len <= 2 && !o->bases)
		return VIGIL_OK;
	return run_stmt(s, ST_LOCK_BASES, 2, p, "locking clusters", state);
}

/* The base clusters of the new and the old version regrouped (pg_schema.c:
 * the events without a place in their base key's single region). */
static int normalize(struct vigil_store *s, const prepared *d,
		     const old_doc *o, char *state)
{
	const char *p[2] = {d->bases.data, o->bases};

	if (d->bases.len <= 2 && !o->bases)
		return VIGIL_OK;
	return run_stmt(s, ST_REGROUP, 2, p, "regrouping clusters", state);
}

static int delete_doc(struct vigil_store *s, const char *id, char *state)
{
	const char *p[1] = {id};

	return run_stmt(s, ST_DELETE, 1, p,
			"removing the old version of a document", state);
}

/* Everything of the document, inside its locked transaction: the locks
 * of its clusters, the old version deleted, the new one inserted, then
 * the events of those clusters regrouped. */
static int write_doc(struct vigil_store *s, const vigil_doc_records *r,
		     prepared *d, vigil_store_outcome *outcome, char *state)
{
	char dup[256];
	vigil__buf places;
	old_doc old;
	int rc;

	rc = find_doc(s, r, d, &old, state);
	if (rc != VIGIL_OK || old.same) {
		*outcome = VIGIL_STORE_UNCHANGED;
		free(old.bases);
		return rc;
	}
	*outcome = old.id[0] ? VIGIL_STORE_REPLACED : VIGIL_STORE_ADDED;
	rc = lock_bases(s, d, &old, state);
	if (rc == VIGIL_OK && old.id[0])
		rc = delete_doc(s, old.id, state);
	if (rc == VIGIL_OK)
		rc = find_original(s, r, d, dup, sizeof(dup), state);
	vigil__buf_init(&places, 0);
	if (rc == VIGIL_OK) /* after the clusters' locks: one order for all */
		rc = place_ids(s, d, &places, state);
	if (rc == VIGIL_OK)
		rc = insert_all(s, r, d, dup, places.data, state);
	if (rc == VIGIL_OK)
		rc = normalize(s, d, &old, state);
	vigil__buf_free(&places);
	free(old.bases);
	return rc;
}

/*
 * A batch is not one transaction here: each document commits alone.
 * Holding the locks of earlier documents while taking a later one's would
 * let concurrent ingesters wait on each other in a cycle (their documents
 * share clusters, days and places in no common order), and a deadlock
 * victim inside a batch could not be retried. With synchronous_commit off
 * a commit costs one round trip (docs/internals/store.md).
 */
int vigil__pg_begin(struct vigil_store *s)
{
	(void)s;
	return VIGIL_OK;
}

int vigil__pg_commit(struct vigil_store *s)
{
	(void)s;
	return VIGIL_OK;
}

/* One attempt: the transaction of the document. */
static int attempt(struct vigil_store *s, const vigil_doc_records *r,
		   prepared *d, vigil_store_outcome *outcome, char *state)
{
	int rc = begin_and_lock(s, r, d, state);

	if (rc == VIGIL_OK)
		rc = write_doc(s, r, d, outcome, state);
	if (rc == VIGIL_OK)
		rc = run(s, "COMMIT", 0, NULL, "committing", state);
	if (rc != VIGIL_OK) /* keep the first message: it names the cause */
		PQclear(PQexec(vigil__pg(s)->conn, "ROLLBACK"));
	return rc;
}

int vigil__pg_put(struct vigil_store *s, const vigil_doc_records *r,
		  vigil_store_outcome *outcome)
{
	pg_impl *q = vigil__pg(s);
	size_t cached = q->nplaces;
	char state[6] = "";
	prepared d;
	int rc, n;

	if (!r->id) {
		vigil__store_fail(s, "a document without an id");
		return VIGIL_EINPUT;
	}
	rc = prepare(&d, r);
	if (rc != VIGIL_OK)
		vigil__store_fail(s, "out of memory preparing a document");
	else
		rc = prepare_statements(s, state);
	for (n = 1; rc == VIGIL_OK; n++) {
		rc = attempt(s, r, &d, outcome, state);
		if (rc == VIGIL_OK)
			break;
		uncache_places(q, cached);
		/* a deadlock victim or a serialization failure goes again */
		if (n == PUT_ATTEMPTS ||
		    (strcmp(state, "40P01") != 0 && strcmp(state, "40001") != 0))
			break;
		rc = VIGIL_OK;
	}
	prepared_free(&d);
	return rc;
}
