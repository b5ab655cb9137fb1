/*
 * pg_ingest.c: stores one document's records in one PostgreSQL transaction,
 * sent as prepared statements in two pipelined round trips (libpq 14's
 * pipeline mode; a third for places not yet known). Concurrent ingesters
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
static int prepare(prepared *d, const vigil_doc_records *r,
		   const vigil_doc_fingerprint *fp)
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
	memcpy(d->sig, fp->minima, sizeof(d->sig));
	d->has_sig = fp->valid;
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

/* The statements of a document, prepared once per connection and run
 * with their generic plans (planned once). */
enum stmt {
	ST_PUT, ST_LOCK, ST_FIND_DOC, ST_LOCK_BASES, ST_ORIGINAL, ST_REGROUP,
	ST_DELETE, ST_PLACE_ADD, ST_PLACE_GET, NSTMTS
};

/* The document id's lock ($1, a hash), then, for a document that may be
 * a near-duplicate (its day $2, else NULL: no rows), its day exclusively
 * and the days within 3 of it shared, in ascending order. */
#define LOCK_DOC_DAYS \
	"SELECT pg_advisory_xact_lock(" LOCK_DOC ", $1::integer)," \
	" (SELECT count(CASE WHEN k = $2::integer" \
	" THEN pg_advisory_xact_lock(" LOCK_DAY ", k)" \
	" ELSE pg_advisory_xact_lock_shared(" LOCK_DAY ", k) END)" \
	" FROM generate_series($2::integer - 3, $2::integer + 3) AS k)"

/* The base clusters of the new and the old version ($1, $2) locked in the
 * order of their lock keys, so that two documents sharing some take turns
 * without waiting on each other in a cycle. */
#define LOCK_BASES \
	"SELECT count(pg_advisory_xact_lock(" LOCK_BASE ", h)) FROM" \
	" (SELECT DISTINCT hashtext(b) AS h FROM unnest($1::text[] ||" \
	" coalesce($2::text[], '{}')) AS b ORDER BY 1) AS k"

static const char *const stmt_sql[NSTMTS] = {
	[ST_LOCK] = LOCK_DOC_DAYS,
	[ST_FIND_DOC] = "SELECT id, records_hash, (SELECT"
			" array_agg(DISTINCT coalesce(k.base, k.id))"
			" FROM events e JOIN clusters k ON k.id = e.cluster"
			" WHERE e.doc_id = documents.id) FROM documents"
			" WHERE doc = $1",
	[ST_LOCK_BASES] = LOCK_BASES,
	/* its conditions are those of the index documents_originals */
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

/* The name a statement is prepared under: "vigil_<index>". */
static void stmt_name(int st, char out[24])
{
	snprintf(out, 24, "vigil_%u", (unsigned)st % 100u);
}

/* Prepares the statements once per connection (put_sql builds ST_PUT's). */
static int prepare_statements(struct vigil_store *s, char *state)
{
	pg_impl *q = vigil__pg(s);
	vigil__buf put;
	char name[24];
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
		stmt_name(i, name);
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

/*===== Pipelines =====================================================*/

/* A statement of a pipeline: a prepared one, or sql (no parameters); its
 * result goes to *keep when keep is set. */
typedef struct step {
	enum stmt st;
	const char *sql;
	int n;
	const char *const *params;
	const int *lengths, *formats;
	int binary;
	const char *what;
	PGresult **keep;
} step;

/* Sends one step; 0 when libpq could not queue it. */
static int send_step(PGconn *c, const step *t)
{
	char name[24];

	if (t->sql)
		return PQsendQueryParams(c, t->sql, 0, NULL, NULL, NULL, NULL, 0);
	stmt_name(t->st, name);
	return PQsendQueryPrepared(c, name, t->n, t->params, t->lengths,
				   t->formats, t->binary);
}

/* The connection failed doing `what`: libpq's message, its first line. */
static int lost(struct vigil_store *s, const char *what)
{
	const char *m = PQerrorMessage(vigil__pg(s)->conn);

	vigil__store_fail(s, "%s: %.*s", what, (int)strcspn(m, "\n"), m);
	return VIGIL_EIO;
}

/*
 * Runs the steps in one pipeline: one round trip, the server running them
 * in order and skipping the rest after a failure (the transaction is then
 * to be rolled back). 0, or the code, message and SQLSTATE of the first
 * failure. Kept results are the caller's to PQclear (NULL when not run).
 */
static int run_pipeline(struct vigil_store *s, const step *t, size_t n,
			char *state)
{
	PGconn *c = vigil__pg(s)->conn;
	size_t i, sent;
	int rc = VIGIL_OK, code;

	for (i = 0; i < n; i++)
		if (t[i].keep)
			*t[i].keep = NULL;
	if (!PQenterPipelineMode(c))
		return lost(s, "starting a pipeline");
	for (sent = 0; sent < n && send_step(c, &t[sent]); sent++)
		;
	if (sent < n)
		rc = lost(s, t[sent].what);
	if (!PQpipelineSync(c))
		return rc != VIGIL_OK ? rc : lost(s, "sending statements");
	for (i = 0; i < sent; i++) {
		PGresult *res = PQgetResult(c);

		if (!res)
			return rc != VIGIL_OK ? rc : lost(s, t[i].what);
		if (rc != VIGIL_OK ||
		    PQresultStatus(res) == PGRES_PIPELINE_ABORTED)
			PQclear(res);
		else if ((res = vigil__pg_check(s, res, t[i].what, &code,
						 state)) == NULL)
			rc = code;
		else if (t[i].keep)
			*t[i].keep = res;
		else
			PQclear(res);
		PQclear(PQgetResult(c)); /* the end of the step's results */
	}
	PQclear(PQgetResult(c)); /* the sync */
	if (!PQexitPipelineMode(c) && rc == VIGIL_OK)
		rc = lost(s, "ending a pipeline");
	return rc;
}

/* A prepared statement alone, its result kept. */
static PGresult *exec_stmt(struct vigil_store *s, enum stmt st, int n,
			   const char *const *params, const char *what,
			   int *rc, char *state)
{
	char name[24];

	stmt_name(st, name);
	return vigil__pg_check(s, PQexecPrepared(vigil__pg(s)->conn, name, n,
						 params, NULL, NULL, 0),
			       what, rc, state);
}

/*===== Reading before writing =========================================*/

/* A stored version of the document. */
typedef struct old_doc {
	char id[24];     /* its row id, "" when none */
	int same;        /* its records have the new hash */
	char *bases;     /* its events' base clusters, an array literal */
} old_doc;

/* The stored version from ST_FIND_DOC's row, with the base clusters of
 * its events (their placeless events may move when it goes). */
static int read_doc(struct vigil_store *s, const PGresult *res,
		    const prepared *d, old_doc *o)
{
	if (PQntuples(res) != 1)
		return VIGIL_OK;
	snprintf(o->id, sizeof(o->id), "%s", PQgetvalue(res, 0, 0));
	o->same = strcmp(PQgetvalue(res, 0, 1), d->hash) == 0;
	if (!PQgetisnull(res, 0, 2) &&
	    !(o->bases = strdup(PQgetvalue(res, 0, 2)))) {
		vigil__store_fail(s, "looking up a document: out of memory");
		return VIGIL_ENOMEM;
	}
	return VIGIL_OK;
}

/* The earliest stored original this document nearly duplicates, from
 * ST_ORIGINAL's rows (the originals published within 3 days, in order):
 * into dup, "" when none. */
static void read_original(const PGresult *res, const prepared *d, char *dup,
			  size_t cap)
{
	int i;

	dup[0] = '\0';
	for (i = 0; res && i < PQntuples(res); i++) {
		uint32_t other[VIGIL__MINHASH_K];

		if (PQgetlength(res, i, 1) != (int)sizeof(other))
			continue;
		memcpy(other, PQgetvalue(res, i, 1), sizeof(other));
		if (vigil__minhash_same(d->sig, other) >= VIGIL__NEAR_DUP_SAME) {
			snprintf(dup, cap, "%.*s", PQgetlength(res, i, 0),
				 PQgetvalue(res, i, 0));
			return;
		}
	}
}

/*===== Places =========================================================*/

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

/* A place not yet cached: its parameters and the result of adding it. */
typedef struct new_place {
	const char *v[7];
	char lat[32], lon[32];
	size_t at; /* its index among the document's places */
	PGresult *res;
} new_place;

/* The document's places not in the cache, with their parameters. */
static int new_places(const pg_impl *q, const prepared *d, new_place **out,
		      size_t *n)
{
	size_t i;

	*n = 0;
	*out = calloc(d->nplaces ? d->nplaces : 1, sizeof(**out));
	if (!*out)
		return VIGIL_ENOMEM;
	for (i = 0; i < d->nplaces; i++) {
		const vigil_place_rec *p = d->places[i].p;
		new_place *w = &(*out)[*n];

		if (cached_place(q, d->places[i].key))
			continue;
		snprintf(w->lat, sizeof(w->lat), "%.17g", p->lat);
		snprintf(w->lon, sizeof(w->lon), "%.17g", p->lon);
		w->v[0] = p->name;
		w->v[1] = p->country;
		w->v[2] = p->admin1;
		w->v[3] = p->precision;
		w->v[4] = p->code;
		w->v[5] = isnan(p->lat) ? NULL : w->lat;
		w->v[6] = isnan(p->lon) ? NULL : w->lon;
		w->at = i;
		(*n)++;
	}
	return VIGIL_OK;
}

/* The row id of an added place (from ST_PLACE_ADD's row, else, another
 * ingester having added it at the same moment, read after it committed:
 * ON CONFLICT waited for it), cached. */
static int place_added(struct vigil_store *s, const prepared *d,
		       new_place *w, char *state)
{
	PGresult *res = w->res;
	int rc = VIGIL_OK;

	if (PQntuples(res) != 1) {
		res = exec_stmt(s, ST_PLACE_GET, 7, w->v, "storing a place",
				&rc, state);
		if (!res)
			return rc;
		PQclear(w->res);
		w->res = res;
	}
	if (PQntuples(res) != 1) {
		vigil__store_fail(s, "storing a place: its row vanished");
		return VIGIL_ERROR;
	}
	if (cache_place(vigil__pg(s), d->places[w->at].key,
			strtoll(PQgetvalue(res, 0, 0), NULL, 10)) != VIGIL_OK) {
		vigil__store_fail(s, "storing a place: out of memory");
		return VIGIL_ENOMEM;
	}
	return VIGIL_OK;
}

/* The ids of the document's places (all cached by now) as an array
 * literal, in their order. */
static int place_ids(struct vigil_store *s, const prepared *d, vigil__buf *out)
{
	size_t i;

	vigil__buf_putc(out, '{');
	for (i = 0; i < d->nplaces; i++)
		vigil__buf_printf(out, "%s%lld", i ? "," : "",
				  cached_place(vigil__pg(s), d->places[i].key));
	vigil__buf_putc(out, '}');
	if (!out->failed)
		return VIGIL_OK;
	vigil__store_fail(s, "storing a document: out of memory");
	return VIGIL_ENOMEM;
}

/*===== Writing ========================================================*/

/* The most steps of a pipeline besides the new places: the base
 * clusters' lock, the old version's deletion, the document, its
 * regrouping and the commit. */
#define MAX_STEPS 5

/* Adds the document's places that are not known (w, nnew) after the steps
 * t[0..n) (the locks that come first), in one pipeline, and caches them. */
static int add_places(struct vigil_store *s, const prepared *d, step *t,
		      size_t n, new_place *w, size_t nnew, char *state)
{
	size_t i;
	int rc;

	for (i = 0; i < nnew; i++)
		t[n + i] = (step){.st = ST_PLACE_ADD, .n = 7, .params = w[i].v,
				  .what = "storing a place", .keep = &w[i].res};
	rc = run_pipeline(s, t, n + nnew, state);
	for (i = 0; i < nnew && rc == VIGIL_OK; i++)
		rc = place_added(s, d, &w[i], state);
	for (i = 0; i < nnew; i++)
		PQclear(w[i].res);
	return rc;
}

/*
 * The document's writes inside its locked transaction, ending with its
 * commit: the base clusters of the new and the old version locked (in the
 * order of their lock keys), the old version deleted, the places not yet
 * known added (after the clusters' locks: one order for all; their ids
 * are needed, so this is a round trip of its own), the document inserted,
 * the events of those clusters regrouped, the commit. One round trip when
 * the places are known.
 */
static int write_doc(struct vigil_store *s, const vigil_doc_records *r,
		     prepared *d, const old_doc *o, const char *dup,
		     char *state)
{
	const char *bases[2] = {d->bases.data, o->bases};
	const char *put[PUT_PARAMS] = {
		r->id, r->date, r->source, r->url, r->title, NULL, d->hash,
		d->has_sig ? (const char *)d->sig : NULL, dup[0] ? dup : NULL,
	};
	int len[PUT_PARAMS] = {[7] = (int)sizeof(d->sig)};
	int fmt[PUT_PARAMS] = {[7] = 1};
	const arrays *all[] = {&d->sent, &d->ev, &d->fig, &d->cl};
	int any_bases = d->bases.len > 2 || o->bases;
	const char *old_id = o->id;
	size_t n = 0, k = 10, i, j, nnew = 0;
	new_place *w = NULL;
	step *t = NULL;
	vigil__buf places;
	char nsent[24];
	int rc;

	vigil__buf_init(&places, 0);
	rc = new_places(vigil__pg(s), d, &w, &nnew);
	if (rc == VIGIL_OK && !(t = calloc(nnew + MAX_STEPS, sizeof(*t))))
		rc = VIGIL_ENOMEM;
	if (rc != VIGIL_OK) {
		vigil__store_fail(s, "storing a document: out of memory");
		goto out;
	}
	if (any_bases)
		t[n++] = (step){.st = ST_LOCK_BASES, .n = 2, .params = bases,
				.what = "locking clusters"};
	if (o->id[0])
		t[n++] = (step){.st = ST_DELETE, .n = 1, .params = &old_id,
				.what = "removing the old version of a document"};
	if (nnew) {
		rc = add_places(s, d, t, n, w, nnew, state);
		n = 0;
	}
	if (rc == VIGIL_OK)
		rc = place_ids(s, d, &places);
	if (rc != VIGIL_OK)
		goto out;
	snprintf(nsent, sizeof(nsent), "%zu", r->nsentences);
	put[5] = nsent;
	put[9] = places.data;
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		for (j = 0; j < all[i]->n; j++)
			put[k++] = all[i]->b[j].data;
	t[n++] = (step){.st = ST_PUT, .n = (int)k, .params = put,
			.lengths = len, .formats = fmt,
			.what = "storing a document"};
	if (any_bases)
		t[n++] = (step){.st = ST_REGROUP, .n = 2, .params = bases,
				.what = "regrouping clusters"};
	t[n++] = (step){.sql = "COMMIT", .what = "committing"};
	rc = run_pipeline(s, t, n, state);
out:
	vigil__buf_free(&places);
	free(w);
	free(t);
	return rc;
}

/*
 * A batch is not one transaction here: each document commits alone.
 * Holding the locks of earlier documents while taking a later one's would
 * let concurrent ingesters wait on each other in a cycle (their documents
 * share clusters, days and places in no common order), and a deadlock
 * victim inside a batch could not be retried. With synchronous_commit off
 * a commit waits for no disk, and it goes in the document's last round
 * trip (docs/internals/store.md).
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

/*
 * One attempt: the transaction of the document. Its first round trip
 * starts it, takes the locks of the document id and of its days
 * (ingesters of the same document, or of documents within 3 days of each
 * other, take turns), then reads, under them, the stored version and the
 * near-duplicate candidates; write_doc does the rest.
 */
static int attempt(struct vigil_store *s, const vigil_doc_records *r,
		   prepared *d, vigil_store_outcome *outcome, char *state)
{
	char hash[16], daynum[24], lo[24], hi[24], dup[256];
	const char *lock[2] = {hash, NULL};
	const char *window[3] = {lo, hi, r->id};
	PGresult *found = NULL, *originals = NULL;
	old_doc old = {{0}, 0, NULL};
	step t[5];
	size_t n = 0;
	long day;
	int rc;

	snprintf(hash, sizeof(hash), "%d",
		 (int32_t)XXH32(r->id, strlen(r->id), 0));
	t[n++] = (step){.sql = "BEGIN", .what = "starting a transaction"};
	/* each statement planned once per connection (its generic plan),
	 * never to scan a table: a plan made while the tables were small and
	 * had no statistics still probes the indexes from the parameters */
	t[n++] = (step){.sql = "SELECT set_config('enable_seqscan', 'off',"
			       " true), set_config('plan_cache_mode',"
			       " 'force_generic_plan', true)",
			.what = "starting a transaction"};
	t[n++] = (step){.st = ST_LOCK, .n = 2, .params = lock,
			.what = "locking a document"};
	t[n++] = (step){.st = ST_FIND_DOC, .n = 1, .params = &r->id,
			.what = "looking up a document", .keep = &found};
	if (d->has_sig && day_number(r->date, &day)) {
		snprintf(daynum, sizeof(daynum), "%ld", day);
		lock[1] = daynum;
		day_text(day - 3, lo);
		day_text(day + 3, hi);
		t[n++] = (step){.st = ST_ORIGINAL, .n = 3, .params = window,
				.binary = 1, .keep = &originals,
				.what = "looking for near-duplicates"};
	}
	rc = run_pipeline(s, t, n, state);
	if (rc == VIGIL_OK)
		rc = read_doc(s, found, d, &old);
	read_original(originals, d, dup, sizeof(dup));
	PQclear(found);
	PQclear(originals);
	if (rc == VIGIL_OK && old.same) {
		*outcome = VIGIL_STORE_UNCHANGED;
		PQclear(vigil__pg_run(s, "COMMIT", 0, NULL, "committing", &rc,
				      state));
	} else if (rc == VIGIL_OK) {
		*outcome = old.id[0] ? VIGIL_STORE_REPLACED : VIGIL_STORE_ADDED;
		rc = write_doc(s, r, d, &old, dup, state);
		vigil__pg(s)->written += rc == VIGIL_OK;
	}
	if (rc != VIGIL_OK) /* keep the first message: it names the cause */
		PQclear(PQexec(vigil__pg(s)->conn, "ROLLBACK"));
	free(old.bases);
	return rc;
}

int vigil__pg_put(struct vigil_store *s, const vigil_doc_records *r,
		  const vigil_doc_fingerprint *fp,
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
	rc = prepare(&d, r, fp);
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
