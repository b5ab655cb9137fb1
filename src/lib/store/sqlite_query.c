/*
 * sqlite_query.c: reading events and clusters back. The filters of a
 * vigil_query become a WHERE clause with bound parameters (code prefixes
 * as ranges, so the (code, date) indexes serve them; the full-text filter
 * through the FTS5 table of sentences); rows come sorted by date. Cluster
 * counts are computed from the clusters' events (for events, only when
 * the format writes them), once per cluster and query, leaving out
 * documents recorded as near-duplicates.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query_filter.h"
#include "sqlite_int.h"

static const vigil__filter_style sqlite_style = {
	.mark = '?',
	.always = " WHERE 1",
	.no_range = 0xff,
	.no_range_fmt = " AND %s = %c%d",
	.codes_table = 1,
	.place_fmt = "e.place_id IN (SELECT id FROM places WHERE country = %c%d"
		     " OR admin1 = %c%d OR code = %c%d OR name = %c%d"
		     " COLLATE NOCASE)",
};

/* The conditions, and the full-text query a parameter points into. */
typedef struct where {
	vigil__filter f;
	char fts[1024];     /* the full-text query */
} where;

/* The words of `text` as an FTS5 query: each a quoted string, all needed. */
static int fts_query(where *w, const char *text)
{
	size_t o = 0;
	const char *p = text;

	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (o + 4 >= sizeof(w->fts))
			return -1;
		if (o)
			w->fts[o++] = ' ';
		w->fts[o++] = '"';
		for (; *p && *p != ' ' && *p != '\t'; p++) {
			if (o + 4 >= sizeof(w->fts))
				return -1;
			if (*p == '"')
				w->fts[o++] = '"';
			w->fts[o++] = *p;
		}
		w->fts[o++] = '"';
	}
	w->fts[o] = '\0';
	return o ? 0 : -1;
}

/* Builds the conditions of q over events e (sentences e.sentence_id). */
_Static_assert(VIGIL__SQ_EVENT_SHIFT == 12, "the --text filter: 2^12");
static int build_where(struct vigil_store *s, where *w, const vigil_query *q)
{
	vigil__filter_build(&w->f, &sqlite_style, q);
	if (q->text) {
		if (fts_query(w, q->text) < 0) {
			vigil__store_fail(s, "--text: no words, or longer than "
					  "%zu bytes", sizeof(w->fts) - 8);
			vigil__filter_free(&w->f);
			return VIGIL_EINPUT;
		}
		/* a sentence's events are the rowids sentence * 2^12 + 0.. */
		vigil__filter_cond(&w->f, "e.id IN (SELECT m.id FROM"
				   " sentence_text t JOIN events m ON m.id BETWEEN"
				   " t.rowid * 4096 AND t.rowid * 4096 + 4095"
				   " WHERE t.sentence_text MATCH %c%d)", w->fts);
	}
	return VIGIL_OK;
}

static int prepare_where(struct vigil_store *s, where *w, const char *head,
			 const char *tail, size_t limit, sqlite3_stmt **out)
{
	vigil__buf sql;
	int rc, i;

	vigil__buf_init(&sql, 1 << 16);
	vigil__buf_puts(&sql, head);
	vigil__buf_append(&sql, w->f.sql.data, w->f.sql.len);
	vigil__buf_puts(&sql, tail);
	if (limit)
		vigil__buf_printf(&sql, " LIMIT %zu", limit);
	rc = sql.failed ? VIGIL_ENOMEM : vigil__sq_prepare(s, out, sql.data);
	vigil__buf_free(&sql);
	for (i = 0; rc == VIGIL_OK && i < w->f.nparam; i++)
		sqlite3_bind_text(*out, i + 1, w->f.param[i], -1, SQLITE_STATIC);
	return rc;
}

/*===== Cluster counts =================================================*/

/*
 * A cluster's counts over original documents, as PostgreSQL's count(*),
 * count(DISTINCT doc_id) and count(DISTINCT coalesce(source, doc)), but
 * counted in C from one row per event (SQLite builds two temporary
 * B-trees for the two count(DISTINCT) at each execution: about 40,000
 * instructions per cluster). The events are read through the (date,
 * cluster) index, as a cluster's events share its date, in rowid order,
 * so a document's events are adjacent.
 */
#define COUNT_ROWS \
	"SELECT e.doc_id, coalesce(d.source, d.doc) FROM events e" \
	" JOIN documents d ON d.id = e.doc_id WHERE e.date = ?1" \
	" AND e.cluster = ?2 AND d.duplicate_of IS NULL ORDER BY e.id"

typedef struct counter {
	sqlite3_stmt *st;      /* COUNT_ROWS, prepared on first use */
	vigil__buf names;      /* one source per document, each NUL-ended */
	const char **sorted;   /* into names, to sort them */
	size_t cap;            /* of sorted */
} counter;

typedef struct counts {
	int64_t mentions, documents, sources;
} counts;

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct names among the n NUL-ended ones of c->names. */
static int distinct_names(counter *c, size_t n, int64_t *out)
{
	const char *p = c->names.data;
	size_t i;

	*out = (int64_t)n;
	if (n < 2)
		return VIGIL_OK;
	if (n > c->cap) {
		const char **m = realloc(c->sorted, n * sizeof(*m));

		if (!m)
			return VIGIL_ENOMEM;
		c->sorted = m;
		c->cap = n;
	}
	for (i = 0; i < n; p += strlen(p) + 1)
		c->sorted[i++] = p;
	qsort(c->sorted, n, sizeof(*c->sorted), cmp_name);
	for (i = 1; i < n; i++)
		if (strcmp(c->sorted[i], c->sorted[i - 1]) == 0)
			(*out)--;
	return VIGIL_OK;
}

/* The counts of cluster `id` of `date` (0 0 0 without original events). */
static int count_cluster(struct vigil_store *s, counter *c,
			 const char *date, const char *id, counts *out)
{
	sqlite3_int64 last = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!c->st && (rc = vigil__sq_prepare(s, &c->st, COUNT_ROWS)) != VIGIL_OK)
		return rc;
	sqlite3_bind_text(c->st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(c->st, 2, id, -1, SQLITE_STATIC);
	vigil__buf_clear(&c->names);
	while ((rc = sqlite3_step(c->st)) == SQLITE_ROW) {
		sqlite3_int64 doc = sqlite3_column_int64(c->st, 0);
		const char *name = vigil__sq_text(c->st, 1);

		out->mentions++;
		if (out->documents && doc == last)
			continue;
		last = doc;
		out->documents++;
		vigil__buf_append(&c->names, name ? name : "",
				  (name ? strlen(name) : 0) + 1);
	}
	sqlite3_reset(c->st);
	if (rc != SQLITE_DONE)
		return vigil__sq_fail(s, rc, "counting a cluster");
	rc = c->names.failed ? VIGIL_ENOMEM
			     : distinct_names(c, (size_t)out->documents,
					      &out->sources);
	if (rc != VIGIL_OK)
		vigil__store_fail(s, "out of memory");
	return rc;
}

static void counter_free(counter *c)
{
	sqlite3_finalize(c->st);
	vigil__buf_free(&c->names);
	free(c->sorted);
}

/*===== Events =========================================================*/

#define EVENT_COLUMNS \
	"SELECT d.doc, e.sentence, e.n, e.date, e.date_precision," \
	" e.actor_code, e.actor_country, e.actor_sector, e.actor_text," \
	" e.recipient_code, e.recipient_country, e.recipient_sector," \
	" e.recipient_text, e.event, e.mode, e.aux_mode, e.hedge, e.quad_code," \
	" e.cameo, e.goldstein, e.said_by_code, e.said_by_text, p.name," \
	" p.country, p.admin1, p.precision, p.lat, p.lon, p.code, e.trigger," \
	" e.span_begin, e.span_end, s.text, d.date, d.url, s.para, e.cluster" \
	" FROM events e JOIN documents d ON d.id = e.doc_id" \
	" JOIN sentences s ON s.id = e.sentence_id" \
	" LEFT JOIN places p ON p.id = e.place_id"

static void read_actor(sqlite3_stmt *st, int i, vigil_actor_rec *a,
		       int with_kind)
{
	a->code = vigil__sq_text(st, i);
	if (with_kind) {
		a->country = vigil__sq_text(st, i + 1);
		a->sector = vigil__sq_text(st, i + 2);
		a->text = vigil__sq_text(st, i + 3);
	} else {
		a->text = vigil__sq_text(st, i + 1);
	}
}

void vigil__sq_read_place(sqlite3_stmt *st, int i, vigil_place_rec *p)
{
	p->name = vigil__sq_text(st, i);
	p->country = vigil__sq_text(st, i + 1);
	p->admin1 = vigil__sq_text(st, i + 2);
	p->precision = vigil__sq_text(st, i + 3);
	p->lat = vigil__sq_real(st, i + 4);
	p->lon = vigil__sq_real(st, i + 5);
	p->code = vigil__sq_text(st, i + 6);
}

static void read_event(sqlite3_stmt *st, vigil__event_row *r, char *id,
		       size_t cap)
{
	vigil_event_rec *e = &r->ev;

	memset(r, 0, sizeof(*r));
	r->doc = vigil__sq_text(st, 0);
	e->sentence = (uint32_t)sqlite3_column_int(st, 1);
	snprintf(id, cap, "%s-%u-%d", r->doc, e->sentence,
		 sqlite3_column_int(st, 2));
	e->id = id;
	e->date = vigil__sq_text(st, 3);
	e->date_precision = vigil__sq_text(st, 4);
	read_actor(st, 5, &e->actor, 1);
	read_actor(st, 9, &e->recipient, 1);
	e->event = vigil__sq_text(st, 13);
	e->mode = vigil__sq_text(st, 14);
	e->aux_mode = vigil__sq_text(st, 15);
	e->hedge = vigil__sq_text(st, 16);
	e->quad_code = sqlite3_column_int(st, 17);
	e->cameo = vigil__sq_text(st, 18);
	e->goldstein = vigil__sq_real(st, 19);
	read_actor(st, 20, &e->said_by, 0);
	vigil__sq_read_place(st, 22, &e->place);
	e->trigger = vigil__sq_text(st, 29);
	e->span.begin = (uint32_t)sqlite3_column_int64(st, 30);
	e->span.end = (uint32_t)sqlite3_column_int64(st, 31);
	r->text = vigil__sq_text(st, 32);
	r->pub_date = vigil__sq_text(st, 33);
	r->url = vigil__sq_text(st, 34);
	r->para = (uint32_t)sqlite3_column_int(st, 35);
	r->cluster = vigil__sq_text(st, 36);
}

/*
 * The cluster counts one events query has read. Its rows come in date
 * order and a cluster's events share its date, so the table holds the
 * clusters of one date and is emptied when the date changes: each
 * cluster is counted once per query, whatever its size. Open addressing
 * on the id, at most half full.
 */
typedef struct counted {
	char id[13]; /* "" marks a free slot */
	counts n;
} counted;

typedef struct count_cache {
	counter count;
	counted *slot;
	size_t cap, n;    /* cap a power of 2, or 0 */
	char date[64];    /* the date of the clusters held */
} count_cache;

/* The slot of id in the table: its entry, else the free slot for it. */
static counted *cache_slot(counted *slot, size_t cap, const char *id)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	const char *p;
	size_t i;

	for (p = id; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (i = h & (cap - 1); slot[i].id[0] && strcmp(slot[i].id, id) != 0;
	     i = (i + 1) & (cap - 1))
		;
	return &slot[i];
}

/* A table of twice the capacity (64 at first) with the same entries. */
static int cache_grow(count_cache *c)
{
	size_t cap = c->cap ? 2 * c->cap : 64, i;
	counted *slot = calloc(cap, sizeof(*slot));

	if (!slot)
		return VIGIL_ENOMEM;
	for (i = 0; i < c->cap; i++)
		if (c->slot[i].id[0])
			*cache_slot(slot, cap, c->slot[i].id) = c->slot[i];
	free(c->slot);
	c->slot = slot;
	c->cap = cap;
	return VIGIL_OK;
}

/* The row's cluster counts over original documents; an event of a
 * near-duplicate only, or of no cluster, counts as itself. */
static int cluster_counts(struct vigil_store *s, count_cache *c,
			  vigil__event_row *r)
{
	const char *date = r->ev.date ? r->ev.date : "";
	counted *k = NULL;
	counts got = {0, 0, 0};
	int rc = VIGIL_OK;

	if (r->cluster && strcmp(date, c->date) != 0) {
		if (c->n)
			memset(c->slot, 0, c->cap * sizeof(*c->slot));
		c->n = 0;
		snprintf(c->date, sizeof(c->date), "%s", date);
	}
	if (r->cluster && strlen(r->cluster) < sizeof(k->id)) {
		if (2 * (c->n + 1) > c->cap && cache_grow(c) != VIGIL_OK) {
			vigil__store_fail(s, "out of memory");
			return VIGIL_ENOMEM;
		}
		k = cache_slot(c->slot, c->cap, r->cluster);
	}
	if (k && k->id[0]) {
		got = k->n;
	} else if (r->cluster) {
		rc = count_cluster(s, &c->count, date, r->cluster, &got);
		if (rc == VIGIL_OK && k) {
			snprintf(k->id, sizeof(k->id), "%s", r->cluster);
			k->n = got;
			c->n++;
		}
	}
	if (got.mentions <= 0)
		got.mentions = got.documents = got.sources = 1;
	r->mentions = got.mentions;
	r->documents = got.documents;
	r->sources = got.sources;
	return rc;
}

int vigil__sq_events(struct vigil_store *s, const vigil_query *q,
		     vigil__event_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	vigil__event_row row;
	count_cache cache;
	char id[512];
	where w;
	int rc = build_where(s, &w, q);

	if (rc != VIGIL_OK)
		return rc;
	memset(&cache, 0, sizeof(cache));
	vigil__buf_init(&cache.count.names, 0);
	rc = prepare_where(s, &w, EVENT_COLUMNS, " ORDER BY e.date IS NULL,"
			   " e.date, d.doc, e.sentence, e.n", q->limit, &st);
	while (rc == VIGIL_OK) {
		int step = sqlite3_step(st);

		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			rc = vigil__sq_fail(s, step, "reading events");
			break;
		}
		read_event(st, &row, id, sizeof(id));
		if (s->row_counts)
			rc = cluster_counts(s, &cache, &row);
		if (rc == VIGIL_OK && fn(ctx, &row) != 0)
			rc = VIGIL_EIO;
	}
	sqlite3_finalize(st);
	counter_free(&cache.count);
	free(cache.slot);
	vigil__filter_free(&w.f);
	return rc;
}

/*===== Clusters =======================================================*/

/* Per cluster with a matching event: its fields, its most frequent cameo,
 * actor, recipient and place among its events, and every member event id
 * (its counts come from count_cluster). Its event type, date and precision
 * are its events' (all share them: they are part of its base key), so no
 * `clusters` row is needed (a base cluster without regions has none).
 * Members are read through the (date, cluster) index: a cluster's events
 * share its date. */
#define MEMBERS "events e WHERE e.date = c.date AND e.cluster = c.id"
#define CLUSTER_SQL_HEAD \
	"WITH c AS (SELECT e.date, e.cluster AS id, min(e.event) AS event," \
	" min(e.date_precision) AS date_precision FROM events e" \
	" JOIN documents d ON d.id = e.doc_id"
#define CLUSTER_SQL_TAIL \
	" AND e.cluster IS NOT NULL GROUP BY e.date, e.cluster)" \
	" SELECT c.id, c.event," \
	" (SELECT cameo FROM " MEMBERS " GROUP BY cameo" \
	"  ORDER BY count(*) DESC, cameo LIMIT 1)," \
	" (SELECT actor_code FROM " MEMBERS " GROUP BY actor_code" \
	"  ORDER BY count(*) DESC, actor_code LIMIT 1)," \
	" (SELECT recipient_code FROM " MEMBERS " GROUP BY recipient_code" \
	"  ORDER BY count(*) DESC, recipient_code LIMIT 1)," \
	" c.date, c.date_precision, p.name, p.country, p.admin1, p.precision," \
	" p.lat, p.lon, p.code," \
	" (SELECT group_concat(eid, ',') FROM (SELECT d.doc || '-' ||" \
	"  e.sentence || '-' || e.n AS eid FROM events e" \
	"  JOIN documents d ON d.id = e.doc_id WHERE e.date = c.date" \
	"  AND e.cluster = c.id ORDER BY d.doc, e.sentence, e.n))" \
	" FROM c" \
	" LEFT JOIN places p ON p.id = (SELECT place_id FROM " MEMBERS \
	"  AND place_id IS NOT NULL GROUP BY place_id" \
	"  ORDER BY count(*) DESC, place_id LIMIT 1)" \
	" ORDER BY c.date, c.id"

int vigil__sq_clusters(struct vigil_store *s, const vigil_query *q,
		       vigil__cluster_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	vigil__cluster_row r;
	counter count;
	counts n;
	where w;
	int rc = build_where(s, &w, q);

	if (rc != VIGIL_OK)
		return rc;
	memset(&count, 0, sizeof(count));
	vigil__buf_init(&count.names, 0);
	rc = prepare_where(s, &w, CLUSTER_SQL_HEAD, CLUSTER_SQL_TAIL, q->limit,
			   &st);
	while (rc == VIGIL_OK) {
		int step = sqlite3_step(st);

		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			rc = vigil__sq_fail(s, step, "reading clusters");
			break;
		}
		memset(&r, 0, sizeof(r));
		r.cluster = vigil__sq_text(st, 0);
		r.event = vigil__sq_text(st, 1);
		r.cameo = vigil__sq_text(st, 2);
		r.actor = vigil__sq_text(st, 3);
		r.recipient = vigil__sq_text(st, 4);
		r.date = vigil__sq_text(st, 5);
		r.date_precision = vigil__sq_text(st, 6);
		vigil__sq_read_place(st, 7, &r.place);
		r.events = vigil__sq_text(st, 14);
		rc = count_cluster(s, &count, r.date, r.cluster, &n);
		r.mentions = n.mentions;
		r.documents = n.documents;
		r.sources = n.sources;
		if (rc == VIGIL_OK && fn(ctx, &r) != 0)
			rc = VIGIL_EIO;
	}
	sqlite3_finalize(st);
	counter_free(&count);
	vigil__filter_free(&w.f);
	return rc;
}

/*===== Counts =========================================================*/

int vigil__sq_stats(struct vigil_store *s, vigil_store_stats *out)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM documents),"
		" (SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL),"
		" (SELECT count(*) FROM sentences), (SELECT count(*) FROM events),"
		" (SELECT count(*) FROM figures),"
		" (SELECT count(DISTINCT cluster) FROM events)";
	sqlite3_stmt *st = NULL;
	int rc = vigil__sq_prepare(s, &st, sql);

	if (rc != VIGIL_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->documents = (size_t)sqlite3_column_int64(st, 0);
		out->duplicates = (size_t)sqlite3_column_int64(st, 1);
		out->sentences = (size_t)sqlite3_column_int64(st, 2);
		out->events = (size_t)sqlite3_column_int64(st, 3);
		out->figures = (size_t)sqlite3_column_int64(st, 4);
		out->clusters = (size_t)sqlite3_column_int64(st, 5);
		rc = VIGIL_OK;
	} else {
		rc = vigil__sq_fail(s, rc, "counting");
	}
	sqlite3_finalize(st);
	return rc;
}
