/*
 * pg_query.c: reading events, clusters and the figures ledger back from
 * PostgreSQL, with the filters and the order of the SQLite store (code
 * prefixes as ranges so the (code, date) indexes serve them; byte-wise
 * order from COLLATE "C"; NULLs first where SQLite puts them first). The
 * full-text filter goes through the sentences' tsvector (GIN index): each
 * word a phrase of its parts, as FTS5 reads a quoted word.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "query_filter.h"

#define MAX_WORDS 16

static const vigil__filter_style pg_style = {
	.mark = '$',
	.always = " WHERE true",
	.no_range = 0x7e, /* the incremented byte stays ASCII (valid UTF-8) */
	.no_range_fmt = " AND starts_with(%s, %c%d)", /* no index */
	.place_fmt = "e.place_id IN (SELECT id FROM places WHERE country = %c%d"
		     " OR admin1 = %c%d OR code = %c%d OR lower(name) = lower(%c%d))",
};

/* The conditions, and the full-text words their parameters point into. */
typedef struct where {
	vigil__filter f;
	char *words;        /* the full-text words, NUL-separated (owned) */
} where;

static int is_punct(char c)
{
	return c > ' ' && c < 0x7f && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c);
}

/* The words of `text` (split at blanks), ASCII punctuation made spaces as
 * in the indexed text: each word is one phrase; all are needed. */
static int text_cond(where *w, const char *text)
{
	size_t n = strlen(text), i;
	char *p;
	int nwords = 0;

	if (!(w->words = malloc(n + 1)))
		return -1;
	for (i = 0; i <= n; i++)
		w->words[i] = text[i] == ' ' || text[i] == '\t' ? '\0'
			      : is_punct(text[i])          ? ' '
							   : text[i];
	vigil__buf_puts(&w->f.sql, " AND (e.doc_id, e.sentence) IN (SELECT doc_id,"
			" n FROM sentences WHERE tsv @@ (");
	for (p = w->words; p < w->words + n; p += strlen(p) + 1) {
		if (!*p)
			continue;
		if (++nwords > MAX_WORDS)
			return -1;
		vigil__buf_printf(&w->f.sql, "%sphraseto_tsquery('simple', $%d)",
				  nwords > 1 ? " && " : "",
				  vigil__filter_param(&w->f, p));
	}
	vigil__buf_puts(&w->f.sql, "))");
	return nwords ? 0 : -1;
}

static void where_free(where *w)
{
	vigil__filter_free(&w->f);
	free(w->words);
}

/* Builds the conditions of q over events e and documents d. */
static int build_where(struct vigil_store *s, where *w, const vigil_query *q)
{
	w->words = NULL;
	vigil__filter_build(&w->f, &pg_style, q);
	if (q->text && text_cond(w, q->text) < 0) {
		vigil__store_fail(s, "--text: no words, or more than %d",
				  MAX_WORDS);
		where_free(w);
		return VIGIL_EINPUT;
	}
	return VIGIL_OK;
}

/* Streams head + conditions + tail (+ LIMIT) through row_fn. */
static int read_where(struct vigil_store *s, where *w, const char *head,
		      const char *tail, size_t limit, const char *what,
		      vigil__pg_row_fn row_fn, void *ctx)
{
	vigil__buf sql;
	int rc;

	vigil__buf_init(&sql, 1 << 16);
	vigil__buf_puts(&sql, head);
	vigil__buf_append(&sql, w->f.sql.data, w->f.sql.len);
	vigil__buf_puts(&sql, tail);
	if (limit)
		vigil__buf_printf(&sql, " LIMIT %zu", limit);
	if (sql.failed || w->f.sql.failed) {
		vigil__store_fail(s, "%s: out of memory", what);
		rc = VIGIL_ENOMEM;
	} else {
		rc = vigil__pg_rows(s, sql.data, w->f.nparam, w->f.param, what,
				    row_fn, ctx);
	}
	vigil__buf_free(&sql);
	return rc;
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
	" LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.n = e.sentence" \
	" LEFT JOIN places p ON p.id = e.place_id"

#define CLUSTER_COUNTS \
	"SELECT count(*), count(DISTINCT e.doc_id)," \
	" count(DISTINCT coalesce(d.source, d.doc))" \
	" FROM events e JOIN documents d ON d.id = e.doc_id" \
	" WHERE e.cluster = $1 AND d.duplicate_of IS NULL"

typedef struct event_ctx {
	vigil__event_row_fn fn;
	void *ctx;
} event_ctx;

static void read_actor(const PGresult *r, int row, int i, vigil_actor_rec *a,
		       int with_kind)
{
	a->code = vigil__pg_text(r, row, i);
	if (with_kind) {
		a->country = vigil__pg_text(r, row, i + 1);
		a->sector = vigil__pg_text(r, row, i + 2);
		a->text = vigil__pg_text(r, row, i + 3);
	} else {
		a->text = vigil__pg_text(r, row, i + 1);
	}
}

/* Counts of the row's cluster over original (not near-duplicate)
 * documents, in the read's snapshot; 1 each without a cluster. */
static int cluster_counts(struct vigil_store *s, vigil__event_row *r)
{
	PGresult *res;
	int rc;

	r->mentions = r->documents = r->sources = 1;
	if (!r->cluster)
		return VIGIL_OK;
	res = vigil__pg_run(s, CLUSTER_COUNTS, 1, &r->cluster,
			    "counting a cluster", &rc, NULL);
	if (!res)
		return rc;
	if (vigil__pg_int(res, 0, 0) > 0) {
		r->mentions = vigil__pg_int(res, 0, 0);
		r->documents = vigil__pg_int(res, 0, 1);
		r->sources = vigil__pg_int(res, 0, 2);
	}
	PQclear(res);
	return VIGIL_OK;
}

static int event_row(struct vigil_store *s, const PGresult *r, int i,
		     void *ctx)
{
	event_ctx *c = ctx;
	vigil__event_row row;
	vigil_event_rec *e = &row.ev;
	char id[512];
	int rc;

	memset(&row, 0, sizeof(row));
	row.doc = vigil__pg_text(r, i, 0);
	e->sentence = (uint32_t)vigil__pg_int(r, i, 1);
	snprintf(id, sizeof(id), "%s-%u-%lld", row.doc, e->sentence,
		 vigil__pg_int(r, i, 2));
	e->id = id;
	e->date = vigil__pg_text(r, i, 3);
	e->date_precision = vigil__pg_text(r, i, 4);
	read_actor(r, i, 5, &e->actor, 1);
	read_actor(r, i, 9, &e->recipient, 1);
	e->event = vigil__pg_text(r, i, 13);
	e->mode = vigil__pg_text(r, i, 14);
	e->aux_mode = vigil__pg_text(r, i, 15);
	e->hedge = vigil__pg_text(r, i, 16);
	e->quad_code = (int)vigil__pg_int(r, i, 17);
	e->cameo = vigil__pg_text(r, i, 18);
	e->goldstein = vigil__pg_real(r, i, 19);
	read_actor(r, i, 20, &e->said_by, 0);
	vigil__pg_read_place(r, i, 22, &e->place);
	e->trigger = vigil__pg_text(r, i, 29);
	e->span.begin = (uint32_t)vigil__pg_int(r, i, 30);
	e->span.end = (uint32_t)vigil__pg_int(r, i, 31);
	row.text = vigil__pg_text(r, i, 32);
	row.pub_date = vigil__pg_text(r, i, 33);
	row.url = vigil__pg_text(r, i, 34);
	row.para = (uint32_t)vigil__pg_int(r, i, 35);
	row.cluster = vigil__pg_text(r, i, 36);
	rc = cluster_counts(s, &row);
	if (rc == VIGIL_OK && c->fn(c->ctx, &row) != 0)
		rc = VIGIL_EIO;
	return rc;
}

int vigil__pg_events(struct vigil_store *s, const vigil_query *q,
		     vigil__event_row_fn fn, void *ctx)
{
	event_ctx c = {fn, ctx};
	where w;
	int rc = build_where(s, &w, q);

	if (rc != VIGIL_OK)
		return rc;
	rc = read_where(s, &w, EVENT_COLUMNS,
			" ORDER BY e.date IS NULL, e.date, d.doc, e.sentence, e.n",
			q->limit, "reading events", event_row, &c);
	where_free(&w);
	return rc;
}

/*===== Clusters =======================================================*/

/* Per cluster with a matching event: its fields, its most frequent cameo,
 * actor, recipient and place among its events (ties: the smallest, NULL
 * first as in SQLite), the counts over original documents, and every
 * member event id. */
#define CLUSTER_SQL_HEAD \
	"WITH m AS (SELECT DISTINCT e.cluster AS id FROM events e" \
	" JOIN documents d ON d.id = e.doc_id"
#define MOST(col) \
	" (SELECT " col " FROM mem WHERE cluster = c.id GROUP BY " col \
	"  ORDER BY count(*) DESC, " col " NULLS FIRST LIMIT 1),"
#define CLUSTER_SQL_TAIL \
	" AND e.cluster IS NOT NULL)," \
	" mem AS (SELECT e.*, d.doc, d.source, d.duplicate_of FROM events e" \
	" JOIN documents d ON d.id = e.doc_id WHERE e.cluster IN (SELECT id FROM m))" \
	" SELECT c.id, c.event," MOST("cameo") MOST("actor_code") \
	MOST("recipient_code") \
	" c.date, c.date_precision, p.name, p.country, p.admin1, p.precision," \
	" p.lat, p.lon, p.code," \
	" (SELECT count(*) FROM mem WHERE cluster = c.id AND duplicate_of IS NULL)," \
	" (SELECT count(DISTINCT doc) FROM mem WHERE cluster = c.id" \
	"  AND duplicate_of IS NULL)," \
	" (SELECT count(DISTINCT coalesce(source, doc)) FROM mem" \
	"  WHERE cluster = c.id AND duplicate_of IS NULL)," \
	" (SELECT string_agg(doc || '-' || sentence || '-' || n, ','" \
	"  ORDER BY doc, sentence, n) FROM mem WHERE cluster = c.id)" \
	" FROM clusters c JOIN m ON m.id = c.id" \
	" LEFT JOIN places p ON p.id = (SELECT place_id FROM mem" \
	"  WHERE cluster = c.id AND place_id IS NOT NULL GROUP BY place_id" \
	"  ORDER BY count(*) DESC, place_id LIMIT 1)" \
	" ORDER BY c.date, c.id"

typedef struct cluster_ctx {
	vigil__cluster_row_fn fn;
	void *ctx;
} cluster_ctx;

static int cluster_row(struct vigil_store *s, const PGresult *res, int i,
		       void *ctx)
{
	cluster_ctx *c = ctx;
	vigil__cluster_row r;

	(void)s;
	memset(&r, 0, sizeof(r));
	r.cluster = vigil__pg_text(res, i, 0);
	r.event = vigil__pg_text(res, i, 1);
	r.cameo = vigil__pg_text(res, i, 2);
	r.actor = vigil__pg_text(res, i, 3);
	r.recipient = vigil__pg_text(res, i, 4);
	r.date = vigil__pg_text(res, i, 5);
	r.date_precision = vigil__pg_text(res, i, 6);
	vigil__pg_read_place(res, i, 7, &r.place);
	r.mentions = vigil__pg_int(res, i, 14);
	r.documents = vigil__pg_int(res, i, 15);
	r.sources = vigil__pg_int(res, i, 16);
	r.events = vigil__pg_text(res, i, 17);
	return c->fn(c->ctx, &r) != 0 ? VIGIL_EIO : VIGIL_OK;
}

int vigil__pg_clusters(struct vigil_store *s, const vigil_query *q,
		       vigil__cluster_row_fn fn, void *ctx)
{
	cluster_ctx c = {fn, ctx};
	where w;
	int rc = build_where(s, &w, q);

	if (rc != VIGIL_OK)
		return rc;
	rc = read_where(s, &w, CLUSTER_SQL_HEAD, CLUSTER_SQL_TAIL, q->limit,
			"reading clusters", cluster_row, &c);
	where_free(&w);
	return rc;
}

/*===== Figures ledger =================================================*/

#define FIGURE_SQL \
	"SELECT d.doc, f.sentence, f.n, f.value, f.low, f.high, f.qualifier," \
	" f.unit, f.category, f.subject_code, f.subject_country," \
	" f.subject_sector, f.subject_text, f.said_by_code, f.said_by_text," \
	" p.name, p.country, p.admin1, p.precision, p.lat, p.lon, p.code, f.date," \
	" f.span_begin, f.span_end, d.source" \
	" FROM figures f JOIN documents d ON d.id = f.doc_id" \
	" LEFT JOIN places p ON p.id = f.place_id" \
	" WHERE d.duplicate_of IS NULL" \
	" AND ($1::text IS NULL OR (f.subject_code >= $1 AND f.subject_code < $2))" \
	" AND ($3::text IS NULL OR f.category = $3)" \
	" ORDER BY f.subject_code IS NULL, f.subject_code, f.category," \
	" f.date IS NULL, f.date, d.doc, f.sentence, f.n"

typedef struct figure_ctx {
	vigil__figure_row_fn fn;
	void *ctx;
} figure_ctx;

static int figure_row(struct vigil_store *s, const PGresult *r, int i,
		      void *ctx)
{
	figure_ctx *c = ctx;
	vigil__figure_row row;
	vigil_figure_rec *f = &row.f;
	char id[512];

	(void)s;
	memset(&row, 0, sizeof(row));
	row.doc = vigil__pg_text(r, i, 0);
	f->sentence = (uint32_t)vigil__pg_int(r, i, 1);
	snprintf(id, sizeof(id), "%s-%u-f%lld", row.doc, f->sentence,
		 vigil__pg_int(r, i, 2));
	f->id = id;
	f->value = vigil__pg_real(r, i, 3);
	f->low = vigil__pg_real(r, i, 4);
	f->high = vigil__pg_real(r, i, 5);
	f->qualifier = vigil__pg_text(r, i, 6);
	f->unit = vigil__pg_text(r, i, 7);
	f->category = vigil__pg_text(r, i, 8);
	read_actor(r, i, 9, &f->subject, 1);
	read_actor(r, i, 13, &f->said_by, 0);
	vigil__pg_read_place(r, i, 15, &f->place);
	f->date = vigil__pg_text(r, i, 22);
	f->span.begin = (uint32_t)vigil__pg_int(r, i, 23);
	f->span.end = (uint32_t)vigil__pg_int(r, i, 24);
	row.source = vigil__pg_text(r, i, 25);
	return c->fn(c->ctx, &row) != 0 ? VIGIL_EIO : VIGIL_OK;
}

int vigil__pg_figures(struct vigil_store *s, const char *subject,
		      const char *category, vigil__figure_row_fn fn,
		      void *ctx)
{
	figure_ctx c = {fn, ctx};
	char upper[64];
	const char *p[3] = {NULL, NULL, category};
	size_t n = subject ? strlen(subject) : 0;

	if (n > 0 && n < sizeof(upper) && (unsigned char)subject[n - 1] < 0x7e) {
		/* the codes that start with `subject` */
		memcpy(upper, subject, n + 1);
		upper[n - 1] = (char)(upper[n - 1] + 1);
		p[0] = subject;
		p[1] = upper;
	} else if (n > 0) {
		vigil__store_fail(s, "--subject: not a code prefix");
		return VIGIL_EINPUT;
	}
	return vigil__pg_rows(s, FIGURE_SQL, 3, p, "reading figures",
			      figure_row, &c);
}

/*===== Counts =========================================================*/

int vigil__pg_stats(struct vigil_store *s, vigil_store_stats *out)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM documents),"
		" (SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL),"
		" (SELECT count(*) FROM sentences), (SELECT count(*) FROM events),"
		" (SELECT count(*) FROM figures),"
		" (SELECT count(DISTINCT cluster) FROM events)";
	int rc;
	PGresult *res = vigil__pg_run(s, sql, 0, NULL, "counting", &rc, NULL);

	if (!res)
		return rc;
	out->documents = (size_t)vigil__pg_int(res, 0, 0);
	out->duplicates = (size_t)vigil__pg_int(res, 0, 1);
	out->sentences = (size_t)vigil__pg_int(res, 0, 2);
	out->events = (size_t)vigil__pg_int(res, 0, 3);
	out->figures = (size_t)vigil__pg_int(res, 0, 4);
	out->clusters = (size_t)vigil__pg_int(res, 0, 5);
	PQclear(res);
	return VIGIL_OK;
}
