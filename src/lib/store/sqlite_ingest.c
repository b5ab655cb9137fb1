/*
 * sqlite_ingest.c: stores one document's records in one transaction (or
 * in a vigil_store_begin batch, redone without it when it fails): the
 * same records again change nothing (their hash is kept on the document), different records
 * replace the old ones, and a failure rolls the document back so that it
 * is either all in or all out. Near-duplicates and clusters are decided
 * here, under the write lock, by the rules of cluster.c and minhash.c.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY /* XXH64_state_t on the stack */
#include <xxhash.h>

#include "sqlite_int.h"

/* The sentences and the events of document ?1 (rowid ranges). */
#define DOC_SENTENCES "id BETWEEN ?1 * 1048576 AND ?1 * 1048576 + 1048575"
#define DOC_EVENTS \
	"id BETWEEN ?1 * 4294967296 AND ?1 * 4294967296 + 4294967295"
_Static_assert(VIGIL__SQ_SENTENCE_SHIFT == 20 && VIGIL__SQ_EVENT_SHIFT == 12,
	       "DOC_SENTENCES: 2^20, DOC_EVENTS: 2^32");

static const char *const stmt_sql[ST_COUNT_] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_DOC_FIND] = "SELECT id, records_hash, duplicate_of IS NULL, minhash"
			" FROM documents WHERE doc = ?1",
	[ST_DEL_EVENTS] = "DELETE FROM events WHERE " DOC_EVENTS,
	[ST_DEL_FIGURES] = "DELETE FROM figures WHERE doc_id = ?1",
	[ST_DEL_TEXT] = "INSERT INTO sentence_text(sentence_text, rowid, text)"
			" SELECT 'delete', id, text FROM sentences"
			" WHERE " DOC_SENTENCES " AND id < ?2",
	[ST_DEL_SENTENCES] = "DELETE FROM sentences WHERE " DOC_SENTENCES,
	[ST_DEL_DOC] = "DELETE FROM documents WHERE id = ?1",
	[ST_DUP_WINDOW] = "SELECT date(?1, '-3 days')",
	[ST_DUP_LOAD] = "SELECT id, date, minhash FROM documents"
			" WHERE date >= ?1 AND date < ?2"
			" AND duplicate_of IS NULL AND minhash IS NOT NULL",
	[ST_DUP_DOC] = "SELECT doc FROM documents WHERE id = ?1",
	[ST_DOC_INSERT] = "INSERT INTO documents(doc, date, source, url, title,"
			  " sentences, records_hash, minhash, duplicate_of)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[ST_SENT_INSERT] = "INSERT INTO sentences(doc_id, n, span_begin,"
			   " span_end, para, text, id)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_TEXT_INSERT] = "INSERT INTO sentence_text(rowid, text)"
			   " SELECT id, text FROM sentences WHERE id >= ?1",
	[ST_PLACE_FIND] = "SELECT id FROM places WHERE name = ?1 AND country IS ?2"
			  " AND admin1 IS ?3 AND precision IS ?4 AND code IS ?5",
	[ST_PLACE_INSERT] = "INSERT INTO places(name, country, admin1, precision,"
			    " code, lat, lon) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_CODE_INSERT] = "INSERT OR IGNORE INTO codes(code) VALUES (?1)",
	[ST_CLUSTER_INSERT] = "INSERT OR IGNORE INTO clusters(id, event, actor,"
			      " recipient, date, date_precision, base, region)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_CLUSTER_REGIONS] = "SELECT regions, region_id FROM clusters"
			       " WHERE date = ?1 AND id = ?2",
	[ST_CLUSTER_SET] = "UPDATE clusters SET regions = ?3, region_id = ?4"
			   " WHERE date = ?1 AND id = ?2",
	[ST_MOVE_ALL] = "UPDATE events SET cluster = ?3 WHERE date = ?1"
			" AND cluster = ?2",
	[ST_MOVE_PLACELESS] = "UPDATE events SET cluster = ?3 WHERE date = ?1"
			      " AND cluster = ?2 AND (place_id IS NULL OR"
			      " (SELECT coalesce(admin1, country) FROM places"
			      " WHERE id = place_id) IS NULL)",
	[ST_DOC_REGIONS] = "SELECT DISTINCT e.cluster, e.date, k.base FROM events e"
			   " JOIN clusters k ON k.date = e.date"
			   " AND k.id = e.cluster"
			   " WHERE e." DOC_EVENTS " AND k.base IS NOT NULL",
	[ST_CLUSTER_USED] = "SELECT 1 FROM events e JOIN places p"
			    " ON p.id = e.place_id WHERE e.date = ?1"
			    " AND e.cluster = ?2 AND coalesce(p.admin1,"
			    " p.country) IS NOT NULL LIMIT 1",
	[ST_CLUSTER_DEL] = "DELETE FROM clusters WHERE date = ?1 AND id = ?2",
	[ST_REGION_LEFT] = "SELECT k.id FROM events e JOIN clusters k"
			   " ON k.date = e.date AND k.id = e.cluster"
			   " WHERE e.date = ?1"
			   " AND k.base = ?2 LIMIT 1",
	[ST_EVENT_INSERT] = "INSERT INTO events(doc_id, sentence_id, sentence, n,"
			    " date, date_precision, actor_code, actor_country,"
			    " actor_sector, actor_text, recipient_code,"
			    " recipient_country, recipient_sector, recipient_text,"
			    " event, mode, aux_mode, hedge, quad_code, cameo,"
			    " goldstein, said_by_code, said_by_text, place_id,"
			    " trigger, span_begin, span_end, cluster, id) VALUES"
			    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
			    " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
			    " ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
	[ST_FIGURE_INSERT] = "INSERT INTO figures(doc_id, sentence, n, value, low,"
			     " high, qualifier, unit, category, subject_code,"
			     " subject_country, subject_sector, subject_text,"
			     " said_by_code, said_by_text, place_id, date,"
			     " span_begin, span_end) VALUES (?1, ?2, ?3, ?4, ?5,"
			     " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
			     " ?17, ?18, ?19)",
	[ST_DATA_VERSION] = "PRAGMA data_version",
};

/* The statement, prepared on first use, its parameters still bound from
 * its last use: for statements that bind every one each time and are only
 * stepped by run() (which resets them). */
static sqlite3_stmt *stmt_rebound(struct vigil_store *s, enum sqlite_stmt k)
{
	sqlite_impl *q = vigil__sq(s);

	if (!q->st[k] && vigil__sq_prepare(s, &q->st[k], stmt_sql[k]) != VIGIL_OK)
		return NULL;
	return q->st[k];
}

/* The statement, prepared on first use and reset for this one, with every
 * parameter NULL. */
static sqlite3_stmt *stmt(struct vigil_store *s, enum sqlite_stmt k)
{
	sqlite3_stmt *st = stmt_rebound(s, k);

	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	return st;
}

static void log_clear(sqlite_impl *q);

void vigil__sq_finalize(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);
	int k;

	for (k = 0; k < ST_COUNT_; k++) {
		sqlite3_finalize(q->st[k]);
		q->st[k] = NULL;
	}
	log_clear(q);
	free(q->log);
	q->log = NULL;
	q->caplog = 0;
	vigil__dup_clear(&q->dups);
}

/* Steps a bound statement to its end; `what` names it in the message. */
static int run(struct vigil_store *s, sqlite3_stmt *st, const char *what)
{
	int rc;

	if (!st)
		return VIGIL_ERROR;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return VIGIL_OK;
	return vigil__sq_fail(s, rc, what);
}

static int run_simple(struct vigil_store *s, enum sqlite_stmt k,
		      const char *what)
{
	return run(s, stmt(s, k), what);
}

static int commit(struct vigil_store *s);

/* Forgets what the connection knew stored: after a rollback. */
static void forget_known(sqlite_impl *q)
{
	vigil__known_clear(&q->codes);
	vigil__known_clear(&q->clusters);
	vigil__dup_clear(&q->dups);
}

/*
 * BEGIN IMMEDIATE; once under the write lock, a commit of another
 * connection since our last transaction (PRAGMA data_version changed) may
 * have deleted clusters and added or replaced documents: the known cluster
 * ids and the near-duplicate candidates are forgotten. Codes are never
 * deleted.
 */
static int begin(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);
	int rc = run_simple(s, ST_BEGIN, "starting a transaction");
	sqlite3_stmt *st;

	if (rc != VIGIL_OK)
		return rc;
	st = stmt(s, ST_DATA_VERSION);
	rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (rc == SQLITE_ROW && sqlite3_column_int64(st, 0) != q->data_version) {
		q->data_version = sqlite3_column_int64(st, 0);
		vigil__known_clear(&q->clusters);
		vigil__dup_clear(&q->dups);
	}
	if (st)
		sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return VIGIL_OK;
	rc = st ? vigil__sq_fail(s, rc, "starting a transaction") : VIGIL_ERROR;
	sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int vigil__sq_begin(struct vigil_store *s)
{
	int rc = begin(s);

	if (rc == VIGIL_OK)
		vigil__sq(s)->in_batch = 1;
	return rc;
}

int vigil__sq_commit(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);

	if (!q->in_batch)
		return VIGIL_OK;
	q->in_batch = 0;
	log_clear(q);
	return commit(s);
}

/*===== The records' hash ==============================================*/

/* XXH64 fed through a buffer: one update per KB instead of one per field
 * (the same digest as feeding each field). */
typedef struct hasher {
	XXH64_state_t st;
	size_t n;
	unsigned char buf[1024];
} hasher;

static void hash_bytes(hasher *h, const void *p, size_t len)
{
	if (h->n + len > sizeof(h->buf)) {
		XXH64_update(&h->st, h->buf, h->n);
		h->n = 0;
		if (len > sizeof(h->buf)) {
			XXH64_update(&h->st, p, len);
			return;
		}
	}
	memcpy(h->buf + h->n, p, len);
	h->n += len;
}

static void hash_str(hasher *h, const char *v)
{
	static const char tag[2] = {0, 1};

	if (v)
		hash_bytes(h, v, strlen(v) + 1);
	else
		hash_bytes(h, tag, sizeof(tag)); /* NULL differs from "" */
}

static void hash_num(hasher *h, double v)
{
	if (v != v)
		v = NAN; /* one NaN */
	else if (v == 0)
		v = 0; /* one zero */
	hash_bytes(h, &v, sizeof(v));
}

static void hash_actor(hasher *h, const vigil_actor_rec *a)
{
	hash_str(h, a->code);
	hash_str(h, a->country);
	hash_str(h, a->sector);
	hash_str(h, a->text);
}

static void hash_place(hasher *h, const vigil_place_rec *p)
{
	hash_str(h, p->name);
	hash_str(h, p->code);
	hash_str(h, p->country);
	hash_str(h, p->admin1);
	hash_str(h, p->precision);
	hash_num(h, p->lat);
	hash_num(h, p->lon);
}

static void hash_event(hasher *h, const vigil_event_rec *e)
{
	hash_num(h, e->sentence);
	hash_str(h, e->id);
	hash_str(h, e->date);
	hash_str(h, e->date_precision);
	hash_actor(h, &e->actor);
	hash_actor(h, &e->recipient);
	hash_actor(h, &e->said_by);
	hash_str(h, e->event);
	hash_str(h, e->mode);
	hash_str(h, e->aux_mode);
	hash_str(h, e->hedge);
	hash_num(h, e->quad_code);
	hash_str(h, e->cameo);
	hash_num(h, e->goldstein);
	hash_place(h, &e->place);
	hash_str(h, e->trigger);
	hash_num(h, e->span.begin);
	hash_num(h, e->span.end);
}

static void hash_figure(hasher *h, const vigil_figure_rec *f)
{
	hash_str(h, f->id);
	hash_num(h, f->value);
	hash_num(h, f->low);
	hash_num(h, f->high);
	hash_str(h, f->qualifier);
	hash_str(h, f->unit);
	hash_str(h, f->category);
	hash_actor(h, &f->subject);
	hash_actor(h, &f->said_by);
	hash_place(h, &f->place);
	hash_str(h, f->date);
	hash_num(h, f->span.begin);
	hash_num(h, f->span.end);
}

/* XXH64 of everything stored about the document, as 16 hex digits. */
static void records_hash(const vigil_doc_records *r, char out[17])
{
	hasher h;
	size_t i;

	XXH64_reset(&h.st, VIGIL__RECORDS_HASH_SEED);
	h.n = 0;
	hash_str(&h, r->id);
	hash_str(&h, r->date);
	hash_str(&h, r->source);
	hash_str(&h, r->url);
	hash_str(&h, r->title);
	for (i = 0; i < r->nsentences; i++) {
		hash_num(&h, r->sentences[i].span.begin);
		hash_num(&h, r->sentences[i].para);
		hash_str(&h, r->sentences[i].text);
	}
	for (i = 0; i < r->nevents; i++)
		hash_event(&h, &r->events[i]);
	for (i = 0; i < r->nfigures; i++)
		hash_figure(&h, &r->figures[i]);
	XXH64_update(&h.st, h.buf, h.n);
	snprintf(out, 17, "%016llx", (unsigned long long)XXH64_digest(&h.st));
}

/*===== Writing a document =============================================*/

/* A stored version of the document (found by its id). */
typedef struct old_doc {
	sqlite3_int64 id;       /* 0: none */
	int same;               /* its records hash is the new one's */
	int original;           /* not a near-duplicate: indexed */
	uint32_t sig[VIGIL__MINHASH_K];
	int has_sig;
} old_doc;

/* What the events of the document being written share. */
typedef struct doc_ctx {
	sqlite3_int64 doc, sent1;
	uint16_t *per_sentence; /* events stored so far, by sentence number */
	int original;           /* not a near-duplicate */
} doc_ctx;

static int find_doc(struct vigil_store *s, const char *doc, const char *hash,
		    old_doc *o)
{
	sqlite3_stmt *st = stmt(s, ST_DOC_FIND);
	int rc;

	memset(o, 0, sizeof(*o));
	if (!st)
		return VIGIL_ERROR;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *old = vigil__sq_text(st, 1);

		o->id = sqlite3_column_int64(st, 0);
		o->same = old && strcmp(old, hash) == 0;
		o->original = sqlite3_column_int(st, 2);
		o->has_sig = sqlite3_column_bytes(st, 3) == (int)sizeof(o->sig);
		if (o->has_sig)
			memcpy(o->sig, sqlite3_column_blob(st, 3), sizeof(o->sig));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return vigil__sq_fail(s, rc, "looking up a document");
	return VIGIL_OK;
}

/* Runs a statement on the old version, id ?1 (and for the full-text
 * deletion ?2: the sentences already indexed are below it). */
static int run_doc_stmt(struct vigil_store *s, enum sqlite_stmt k,
			const old_doc *o)
{
	sqlite3_stmt *st = stmt(s, k);
	sqlite3_int64 from = vigil__sq(s)->fts_from;

	if (st && k == ST_DEL_TEXT)
		sqlite3_bind_int64(st, 2, from ? from : INT64_MAX);
	if (st)
		sqlite3_bind_int64(st, 1, o->id);
	return run(s, st, "removing the old version of a document");
}

/*===== Near-duplicates ================================================*/

/*
 * The first day of the window of a document dated `date` (date - 3 days,
 * as SQLite's date() computes it: in C for a plain "YYYY-MM-DD") into
 * *first; *has 0 when it has none (date() knows no such date, or the
 * window leaves years 0000-9999).
 */
static int window_start(struct vigil_store *s, const char *date,
			int32_t *first, int *has)
{
	sqlite3_stmt *st;
	int exact = 0, rc;

	*has = vigil__dup_day(date, first, &exact) && exact;
	if (*has) {
		*first -= 3;
	} else {
		st = stmt(s, ST_DUP_WINDOW);
		if (!st)
			return VIGIL_ERROR;
		sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		*has = rc == SQLITE_ROW && vigil__sq_text(st, 0) &&
		       vigil__dup_day(vigil__sq_text(st, 0), first, &exact) &&
		       exact;
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return vigil__sq_fail(s, rc, "looking for near-duplicates");
	}
	*has = *has && vigil__dup_window_ok(*first);
	return VIGIL_OK;
}

/* Loads the originals with a signature dated from text(from) to before
 * text(to + 1) (one range of the date index) into the candidates. */
static int load_days(struct vigil_store *s, int32_t from, int32_t to)
{
	sqlite_impl *q = vigil__sq(s);
	sqlite3_stmt *st = stmt(s, ST_DUP_LOAD);
	char lo[11], hi[11];
	int32_t day;
	int rc = SQLITE_DONE, exact, added = VIGIL_OK;

	if (!st)
		return VIGIL_ERROR;
	vigil__dup_day_text(from, lo);
	vigil__dup_day_text(to + 1, hi);
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	while (added == VIGIL_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_bytes(st, 2) != (int)(VIGIL__MINHASH_K * 4))
			continue;
		vigil__dup_day_in(vigil__sq_text(st, 1), from, to, &day, &exact);
		added = vigil__dup_add(&q->dups, sqlite3_column_int64(st, 0),
				       day, exact, sqlite3_column_blob(st, 2));
	}
	sqlite3_reset(st);
	for (day = from; day <= to && added == VIGIL_OK; day++)
		added = vigil__dup_mark_loaded(&q->dups, day);
	if (added != VIGIL_OK) {
		vigil__dup_clear(&q->dups);
		vigil__store_fail(s, "out of memory");
		return VIGIL_ENOMEM;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return vigil__sq_fail(s, rc, "looking for near-duplicates");
	return VIGIL_OK;
}

/* Loads the days of the window not loaded yet, each run of them with one
 * statement; past VIGIL__DUP_MAX signatures held, all are forgotten first. */
static int load_window(struct vigil_store *s, int32_t first)
{
	vigil__dup_index *x = &vigil__sq(s)->dups;
	int32_t last = first + VIGIL__DUP_WINDOW - 1, day, end;
	int rc = VIGIL_OK;

	if (x->ndocs > VIGIL__DUP_MAX)
		vigil__dup_clear(x);
	for (day = first; day <= last && rc == VIGIL_OK; day = end + 1) {
		end = day;
		if (vigil__dup_loaded(x, day))
			continue;
		while (end < last && !vigil__dup_loaded(x, end + 1))
			end++;
		rc = load_days(s, day, end);
	}
	return rc;
}

/*
 * The earliest stored document this one nearly duplicates (its `doc` into
 * dup, or "" when none): dated within 3 days, sharing at least
 * VIGIL__NEAR_DUP_SAME of the minima of its signature, itself an original.
 * Candidates are the connection's (dup_index.c): every original of the
 * window's days, read from `documents` once per day.
 */
static int find_original(struct vigil_store *s, const vigil_doc_records *r,
			 const uint32_t *sig, char *dup, size_t cap)
{
	sqlite3_stmt *st;
	sqlite3_int64 id;
	int32_t first;
	int has, rc;

	dup[0] = '\0';
	if (!sig || !r->date)
		return VIGIL_OK;
	rc = window_start(s, r->date, &first, &has);
	if (rc == VIGIL_OK && has)
		rc = load_window(s, first);
	if (rc != VIGIL_OK || !has)
		return rc;
	id = vigil__dup_find(&vigil__sq(s)->dups, sig, first);
	if (!id)
		return VIGIL_OK;
	st = stmt(s, ST_DUP_DOC);
	if (!st)
		return VIGIL_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(dup, cap, "%s", vigil__sq_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return vigil__sq_fail(s, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
				      "looking for near-duplicates");
	return VIGIL_OK;
}

/*
 * A new original joins the candidates when its day is loaded (else that
 * day's reading will find it). A date that has no day but could sort
 * inside a window (it begins with a digit) empties them: which day's text
 * range holds it is not worked out.
 */
static void remember_original(sqlite_impl *q, const char *date,
			      sqlite3_int64 id, const uint32_t *sig)
{
	int32_t day;
	int exact;

	if (!date)
		return;
	if (!vigil__dup_day(date, &day, &exact)) {
		if (date[0] >= '0' && date[0] <= '9')
			vigil__dup_clear(&q->dups);
		return;
	}
	/* a failed addition empties the candidates: still consistent */
	if (vigil__dup_loaded(&q->dups, day))
		(void)vigil__dup_add(&q->dups, id, day, exact, sig);
}

static int insert_doc(struct vigil_store *s, const vigil_doc_records *r,
		      const vigil_doc_fingerprint *fp, const char *hash,
		      doc_ctx *d)
{
	sqlite3_stmt *st = stmt(s, ST_DOC_INSERT);
	const uint32_t *sig = fp->minima;
	int has_sig = fp->valid;
	char dup[256];
	int rc = find_original(s, r, has_sig ? sig : NULL, dup, sizeof(dup));

	if (rc != VIGIL_OK)
		return rc;
	if (!st)
		return VIGIL_ERROR;
	vigil__sq_bind_text(st, 1, r->id);
	vigil__sq_bind_text(st, 2, r->date);
	vigil__sq_bind_text(st, 3, r->source);
	vigil__sq_bind_text(st, 4, r->url);
	vigil__sq_bind_text(st, 5, r->title);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)r->nsentences);
	sqlite3_bind_text(st, 7, hash, -1, SQLITE_STATIC);
	if (has_sig)
		sqlite3_bind_blob(st, 8, sig, (int)sizeof(fp->minima),
				  SQLITE_STATIC);
	vigil__sq_bind_text(st, 9, dup[0] ? dup : NULL);
	rc = run(s, st, "storing a document");
	d->doc = sqlite3_last_insert_rowid(vigil__sq(s)->db);
	d->original = !dup[0];
	if (rc == VIGIL_OK && has_sig && d->original)
		remember_original(vigil__sq(s), r->date, d->doc, sig);
	return rc;
}

/* Sentence rows with their text, rowids doc * 2^20 + n; first_id gets
 * the rowid of sentence 1. The full-text index gets them at the commit
 * (index_text). */
static int insert_sentences(struct vigil_store *s, const vigil_doc_records *r,
			    sqlite3_int64 doc, sqlite3_int64 *first_id)
{
	sqlite_impl *q = vigil__sq(s);
	size_t i;
	int rc = VIGIL_OK;

	*first_id = (doc << VIGIL__SQ_SENTENCE_SHIFT) + 1;
	if (r->nsentences >= (size_t)1 << VIGIL__SQ_SENTENCE_SHIFT ||
	    doc >= (sqlite3_int64)1 << (62 - VIGIL__SQ_SENTENCE_SHIFT -
					VIGIL__SQ_EVENT_SHIFT)) {
		vigil__store_fail(s, "a document of %zu sentences, or the "
				  "document row %lld: more than the store holds "
				  "(2^20 sentences, 2^30 documents)",
				  r->nsentences, (long long)doc);
		return VIGIL_EINPUT;
	}
	if (r->nsentences && (!q->fts_from || *first_id < q->fts_from))
		q->fts_from = *first_id;
	for (i = 0; i < r->nsentences && rc == VIGIL_OK; i++) {
		const vigil_sentence_rec *se = &r->sentences[i];
		sqlite3_stmt *st = stmt(s, ST_SENT_INSERT);

		if (!st)
			return VIGIL_ERROR;
		sqlite3_bind_int64(st, 1, doc);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(st, 3, se->span.begin);
		sqlite3_bind_int64(st, 4, se->span.end);
		sqlite3_bind_int64(st, 5, se->para);
		vigil__sq_bind_text(st, 6, se->text);
		sqlite3_bind_int64(st, 7, *first_id + (sqlite3_int64)i);
		rc = run(s, st, "storing sentences");
	}
	return rc;
}

/*
 * Adds the sentences stored since the last commit to the full-text index,
 * in one statement just before the commit: FTS5 writes its pending terms
 * at every savepoint, so indexing per document would write one small
 * segment per document. A rowid is new when >= fts_from: a new document
 * takes the largest document id + 1, so its sentences' rowids are above
 * every indexed row that exists.
 */
static int index_text(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);
	sqlite3_stmt *st;
	int rc;

	if (!q->fts_from)
		return VIGIL_OK;
	st = stmt(s, ST_TEXT_INSERT);
	if (st)
		sqlite3_bind_int64(st, 1, q->fts_from);
	rc = run(s, st, "indexing sentences");
	if (rc == VIGIL_OK)
		q->fts_from = 0;
	return rc;
}

/* Ends the transaction: the pending text indexed, then COMMIT; on failure
 * everything since BEGIN is rolled back. */
static int commit(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);
	int rc = index_text(s);

	if (rc == VIGIL_OK)
		rc = run_simple(s, ST_COMMIT, "committing");
	if (rc != VIGIL_OK) {
		sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
		q->fts_from = 0;
		forget_known(q);
	}
	return rc;
}

/* The row of a place (added when new) into *id; 0 for no place. */
static int place_id(struct vigil_store *s, const vigil_place_rec *p,
		    sqlite3_int64 *id)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (!p->name)
		return VIGIL_OK;
	st = stmt(s, ST_PLACE_FIND);
	if (!st)
		return VIGIL_ERROR;
	vigil__sq_bind_text(st, 1, p->name);
	vigil__sq_bind_text(st, 2, p->country);
	vigil__sq_bind_text(st, 3, p->admin1);
	vigil__sq_bind_text(st, 4, p->precision);
	vigil__sq_bind_text(st, 5, p->code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return VIGIL_OK;
	if (rc != SQLITE_DONE)
		return vigil__sq_fail(s, rc, "looking up a place");
	st = stmt(s, ST_PLACE_INSERT);
	if (!st)
		return VIGIL_ERROR;
	vigil__sq_bind_text(st, 1, p->name);
	vigil__sq_bind_text(st, 2, p->country);
	vigil__sq_bind_text(st, 3, p->admin1);
	vigil__sq_bind_text(st, 4, p->precision);
	vigil__sq_bind_text(st, 5, p->code);
	vigil__sq_bind_real(st, 6, p->lat);
	vigil__sq_bind_real(st, 7, p->lon);
	rc = run(s, st, "storing a place");
	*id = sqlite3_last_insert_rowid(vigil__sq(s)->db);
	return rc;
}

/*===== Clusters and regions ===========================================*/

/* One text column of a one-row query with `nbind` text parameters into out
 * ("" when no row or NULL); *found says whether a row came. */
static int query_text(struct vigil_store *s, enum sqlite_stmt k,
		      const char *const *bind, int nbind, int col, char *out,
		      size_t cap, int *found)
{
	sqlite3_stmt *st = stmt(s, k);
	int i, rc;

	out[0] = '\0';
	if (!st)
		return VIGIL_ERROR;
	for (i = 0; i < nbind; i++)
		sqlite3_bind_text(st, i + 1, bind[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (found)
		*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW && vigil__sq_text(st, col))
		snprintf(out, cap, "%s", vigil__sq_text(st, col));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return vigil__sq_fail(s, rc, "reading a cluster");
	return VIGIL_OK;
}

/* The region count and single region ("" unless one) of base cluster
 * `base` of `date`. */
static int read_regions(struct vigil_store *s, const char *base,
			const char *date, int *n, char region_id[13])
{
	sqlite3_stmt *st = stmt(s, ST_CLUSTER_REGIONS);
	int rc;

	*n = 0;
	region_id[0] = '\0';
	if (!st)
		return VIGIL_ERROR;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, base, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int(st, 0);
		if (vigil__sq_text(st, 1))
			snprintf(region_id, 13, "%s", vigil__sq_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return vigil__sq_fail(s, rc, "reading a cluster");
	return VIGIL_OK;
}

/* Moves the events without a place of base `base` (date) from cluster
 * `from` to `to`; a base cluster holds only such events. */
static int move_placeless(struct vigil_store *s, const char *base,
			  const char *date, const char *from, const char *to)
{
	sqlite3_stmt *st;

	if (strcmp(from, to) == 0)
		return VIGIL_OK;
	st = stmt(s, strcmp(from, base) == 0 ? ST_MOVE_ALL : ST_MOVE_PLACELESS);
	if (st) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	}
	return run(s, st, "moving events between clusters");
}

/*
 * Base cluster `base` (date) gains (delta 1: region cluster `region`) or
 * loses (delta -1) a region with events. Events without a place belong
 * to the single region when there is one, else to the base cluster: those
 * that were elsewhere move.
 */
static int change_regions(struct vigil_store *s, const char *base,
			  const char *date, int delta, const char *region)
{
	const char *bind[2] = {date, base};
	char old_id[13], new_id[13] = "";
	sqlite3_stmt *st;
	int n, rc = read_regions(s, base, date, &n, old_id);

	if (rc != VIGIL_OK)
		return rc;
	if (n + delta == 1 && delta > 0)
		snprintf(new_id, sizeof(new_id), "%s", region);
	else if (n + delta == 1)
		rc = query_text(s, ST_REGION_LEFT, bind, 2, 0, new_id,
				sizeof(new_id), NULL);
	st = rc == VIGIL_OK ? stmt(s, ST_CLUSTER_SET) : NULL;
	if (st) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, base, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, n + delta > 0 ? n + delta : 0);
		vigil__sq_bind_text(st, 4, new_id[0] ? new_id : NULL);
	}
	if (rc == VIGIL_OK)
		rc = run(s, st, "storing a cluster");
	if (rc != VIGIL_OK)
		return rc;
	return move_placeless(s, base, date, n == 1 && old_id[0] ? old_id : base,
			      new_id[0] ? new_id : base);
}

/* Records a cluster row (base and region NULL for a base cluster); *added
 * says whether it is new. */
static int insert_cluster(struct vigil_store *s, const vigil_event_rec *e,
			  const char *id, const char *base, const char *region,
			  int *added)
{
	sqlite_impl *q = vigil__sq(s);
	sqlite3_stmt *st;
	int rc;

	*added = 0;
	if (vigil__known_has(&q->clusters, id))
		return VIGIL_OK;
	st = stmt_rebound(s, ST_CLUSTER_INSERT);
	if (!st)
		return VIGIL_ERROR;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	vigil__sq_bind_text(st, 2, e->event);
	vigil__sq_bind_text(st, 3, e->actor.code);
	vigil__sq_bind_text(st, 4, e->recipient.code);
	vigil__sq_bind_text(st, 5, e->date);
	vigil__sq_bind_text(st, 6, e->date_precision);
	vigil__sq_bind_text(st, 7, base);
	vigil__sq_bind_text(st, 8, region);
	rc = run(s, st, "storing a cluster");
	*added = rc == VIGIL_OK && sqlite3_changes(q->db) > 0;
	if (rc == VIGIL_OK)
		vigil__known_add(&q->clusters, id);
	return rc;
}

/*
 * The cluster of the event into id ("" when it joins none): with a region,
 * its base key plus region (a new region of its base key records the base
 * key's row and may move events without a place); without, its base key's
 * single region, else its base key. A base key without regions has no row
 * (reading none means no region): most clusters need none.
 */
static int place_in_cluster(struct vigil_store *s, const vigil_event_rec *e,
			    char id[13])
{
	char base_key[VIGIL__CLUSTER_KEY_MAX], key[VIGIL__CLUSTER_KEY_MAX];
	char base[13];
	const char *region = vigil__cluster_region(e);
	int added, n, rc;

	id[0] = '\0';
	if (!vigil__cluster_key(e, base_key, sizeof(base_key), base))
		return VIGIL_OK;
	if (region &&
	    vigil__cluster_region_key(base_key, region, key, sizeof(key), id)) {
		rc = insert_cluster(s, e, id, base, region, &added);
		if (rc != VIGIL_OK || !added)
			return rc;
		rc = insert_cluster(s, e, base, NULL, NULL, &added);
		if (rc == VIGIL_OK)
			rc = change_regions(s, base, e->date, 1, id);
		return rc;
	}
	rc = read_regions(s, base, e->date, &n, id);
	if (rc == VIGIL_OK && (n != 1 || !id[0]))
		memcpy(id, base, 13);
	return rc;
}

/* A region cluster of the old version: dropped when it has no event left. */
typedef struct old_region {
	char id[13], base[13], date[32];
} old_region;

/* The region clusters of document id into *out (*n of them). */
static int old_regions(struct vigil_store *s, sqlite3_int64 id,
		       old_region **out, size_t *n)
{
	sqlite3_stmt *st = stmt(s, ST_DOC_REGIONS);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return VIGIL_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		old_region *r;

		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			r = realloc(*out, cap * sizeof(*r));
			if (!r) {
				sqlite3_reset(st);
				vigil__store_fail(s, "out of memory");
				return VIGIL_ENOMEM;
			}
			*out = r;
		}
		r = &(*out)[(*n)++];
		snprintf(r->id, sizeof(r->id), "%s", vigil__sq_text(st, 0));
		snprintf(r->date, sizeof(r->date), "%s", vigil__sq_text(st, 1));
		snprintf(r->base, sizeof(r->base), "%s", vigil__sq_text(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return vigil__sq_fail(s, rc, "reading a document's clusters");
	return VIGIL_OK;
}

/* Drops the region clusters left without events with a place (events
 * without one may have joined them); their base loses them. */
static int drop_empty_regions(struct vigil_store *s, const old_region *r,
			      size_t n)
{
	size_t i;
	int rc = VIGIL_OK;

	for (i = 0; i < n && rc == VIGIL_OK; i++) {
		const char *bind[2] = {r[i].date, r[i].id};
		char one[4];
		sqlite3_stmt *st;
		int used;

		rc = query_text(s, ST_CLUSTER_USED, bind, 2, 0, one, sizeof(one),
				&used);
		if (rc != VIGIL_OK || used)
			continue;
		st = stmt(s, ST_CLUSTER_DEL);
		if (st) {
			sqlite3_bind_text(st, 1, r[i].date, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, r[i].id, -1, SQLITE_STATIC);
		}
		rc = run(s, st, "removing a cluster");
		vigil__known_clear(&vigil__sq(s)->clusters);
		if (rc == VIGIL_OK)
			rc = change_regions(s, r[i].base, r[i].date, -1, NULL);
	}
	return rc;
}

/* Takes the old version out of the near-duplicate candidates (an original
 * only: duplicates are not among them), then deletes it; region clusters
 * it leaves empty go. */
static int delete_doc(struct vigil_store *s, const old_doc *o)
{
	static const enum sqlite_stmt order[] = {
		ST_DEL_EVENTS, ST_DEL_FIGURES, ST_DEL_TEXT, ST_DEL_SENTENCES,
		ST_DEL_DOC,
	};
	old_region *regions = NULL;
	size_t i, nregions = 0;
	int rc = old_regions(s, o->id, &regions, &nregions);

	if (rc == VIGIL_OK && o->original && o->has_sig)
		vigil__dup_remove(&vigil__sq(s)->dups, o->id, o->sig);
	for (i = 0; i < sizeof(order) / sizeof(order[0]) && rc == VIGIL_OK; i++)
		rc = run_doc_stmt(s, order[i], o);
	if (rc == VIGIL_OK)
		rc = drop_empty_regions(s, regions, nregions);
	free(regions);
	return rc;
}

/* Records the actor codes that code-prefix filters expand to (those the
 * connection knows stored are skipped). */
static int insert_codes(struct vigil_store *s, const vigil_event_rec *e)
{
	sqlite_impl *q = vigil__sq(s);
	const char *codes[2] = {e->actor.code, e->recipient.code};
	int i, rc = VIGIL_OK;

	for (i = 0; i < 2 && rc == VIGIL_OK; i++) {
		sqlite3_stmt *st;

		if (!codes[i] || vigil__known_has(&q->codes, codes[i]))
			continue;
		st = stmt(s, ST_CODE_INSERT);
		if (st)
			sqlite3_bind_text(st, 1, codes[i], -1, SQLITE_STATIC);
		rc = run(s, st, "storing an actor code");
		if (rc == VIGIL_OK)
			vigil__known_add(&q->codes, codes[i]);
	}
	return rc;
}

static void bind_actor(sqlite3_stmt *st, int i, const vigil_actor_rec *a)
{
	vigil__sq_bind_text(st, i, a->code);
	vigil__sq_bind_text(st, i + 1, a->country);
	vigil__sq_bind_text(st, i + 2, a->sector);
	vigil__sq_bind_text(st, i + 3, a->text);
}

/* The number after the last '-' of a record id ("f" skipped). */
static int64_t id_number(const char *id)
{
	const char *dash = strrchr(id, '-');
	const char *p = dash ? dash + 1 : id;

	if (*p == 'f')
		p++;
	return strtoll(p, NULL, 10);
}

/* d->per_sentence, the count of each sentence's events stored so far,
 * which ranks them (an event's rowid is its sentence's * 2^12 + its rank);
 * a sentence number beyond the layout is refused. */
static int count_per_sentence(struct vigil_store *s,
			      const vigil_doc_records *r, doc_ctx *d)
{
	uint32_t most = 0;
	size_t i;

	for (i = 0; i < r->nevents; i++)
		if (r->events[i].sentence > most)
			most = r->events[i].sentence;
	if (most >= (uint32_t)1 << VIGIL__SQ_SENTENCE_SHIFT) {
		vigil__store_fail(s, "an event of sentence %u: more than the "
				  "store holds (2^20 sentences)", most);
		return VIGIL_EINPUT;
	}
	d->per_sentence = calloc((size_t)most + 1, sizeof(*d->per_sentence));
	if (!d->per_sentence) {
		vigil__store_fail(s, "out of memory");
		return VIGIL_ENOMEM;
	}
	return VIGIL_OK;
}

static int insert_event(struct vigil_store *s, const vigil_event_rec *e,
			doc_ctx *d)
{
	sqlite3_int64 place;
	char cluster[13];
	sqlite3_stmt *st;
	int rc = place_id(s, &e->place, &place);

	if (rc == VIGIL_OK)
		rc = place_in_cluster(s, e, cluster);
	if (rc == VIGIL_OK)
		rc = insert_codes(s, e);
	if (rc != VIGIL_OK)
		return rc;
	if (d->per_sentence[e->sentence] >= 1 << VIGIL__SQ_EVENT_SHIFT) {
		vigil__store_fail(s, "more than %d events in one sentence",
				  1 << VIGIL__SQ_EVENT_SHIFT);
		return VIGIL_EINPUT;
	}
	st = stmt_rebound(s, ST_EVENT_INSERT);
	if (!st)
		return VIGIL_ERROR;
	sqlite3_bind_int64(st, 1, d->doc);
	sqlite3_bind_int64(st, 2, d->sent1 + e->sentence - 1);
	sqlite3_bind_int64(st, 3, e->sentence);
	sqlite3_bind_int64(st, 4, id_number(e->id));
	vigil__sq_bind_text(st, 5, e->date);
	vigil__sq_bind_text(st, 6, e->date_precision);
	bind_actor(st, 7, &e->actor);
	bind_actor(st, 11, &e->recipient);
	vigil__sq_bind_text(st, 15, e->event);
	vigil__sq_bind_text(st, 16, e->mode);
	vigil__sq_bind_text(st, 17, e->aux_mode);
	vigil__sq_bind_text(st, 18, e->hedge);
	if (e->quad_code)
		sqlite3_bind_int(st, 19, e->quad_code);
	else
		sqlite3_bind_null(st, 19);
	vigil__sq_bind_text(st, 20, e->cameo);
	vigil__sq_bind_real(st, 21, e->goldstein);
	vigil__sq_bind_text(st, 22, e->said_by.code);
	vigil__sq_bind_text(st, 23, e->said_by.text);
	if (place)
		sqlite3_bind_int64(st, 24, place);
	else
		sqlite3_bind_null(st, 24);
	vigil__sq_bind_text(st, 25, e->trigger);
	sqlite3_bind_int64(st, 26, e->span.begin);
	sqlite3_bind_int64(st, 27, e->span.end);
	vigil__sq_bind_text(st, 28, cluster[0] ? cluster : NULL);
	sqlite3_bind_int64(st, 29, ((d->sent1 + e->sentence - 1)
				    << VIGIL__SQ_EVENT_SHIFT) +
				   d->per_sentence[e->sentence]++);
	return run(s, st, "storing an event");
}

static int insert_figure(struct vigil_store *s, const vigil_figure_rec *f,
			 sqlite3_int64 doc)
{
	sqlite3_int64 place;
	sqlite3_stmt *st;
	int rc = place_id(s, &f->place, &place);

	if (rc != VIGIL_OK)
		return rc;
	st = stmt(s, ST_FIGURE_INSERT);
	if (!st)
		return VIGIL_ERROR;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, f->sentence);
	sqlite3_bind_int64(st, 3, id_number(f->id));
	vigil__sq_bind_real(st, 4, f->value);
	vigil__sq_bind_real(st, 5, f->low);
	vigil__sq_bind_real(st, 6, f->high);
	vigil__sq_bind_text(st, 7, f->qualifier);
	vigil__sq_bind_text(st, 8, f->unit);
	vigil__sq_bind_text(st, 9, f->category);
	bind_actor(st, 10, &f->subject);
	vigil__sq_bind_text(st, 14, f->said_by.code);
	vigil__sq_bind_text(st, 15, f->said_by.text);
	if (place)
		sqlite3_bind_int64(st, 16, place);
	vigil__sq_bind_text(st, 17, f->date);
	sqlite3_bind_int64(st, 18, f->span.begin);
	sqlite3_bind_int64(st, 19, f->span.end);
	return run(s, st, "storing a figure");
}

/* Everything of the document, inside the open transaction. */
static int write_doc(struct vigil_store *s, const vigil_doc_records *r,
		     const vigil_doc_fingerprint *fp,
		     vigil_store_outcome *outcome)
{
	char hash[17];
	old_doc old;
	doc_ctx d;
	int rc;
	size_t i;

	records_hash(r, hash);
	rc = find_doc(s, r->id, hash, &old);
	if (rc != VIGIL_OK)
		return rc;
	if (old.same) {
		*outcome = VIGIL_STORE_UNCHANGED;
		return VIGIL_OK;
	}
	*outcome = old.id ? VIGIL_STORE_REPLACED : VIGIL_STORE_ADDED;
	memset(&d, 0, sizeof(d));
	if (old.id)
		rc = delete_doc(s, &old);
	if (rc == VIGIL_OK)
		rc = insert_doc(s, r, fp, hash, &d);
	if (rc == VIGIL_OK)
		rc = insert_sentences(s, r, d.doc, &d.sent1);
	if (rc == VIGIL_OK)
		rc = count_per_sentence(s, r, &d);
	for (i = 0; i < r->nevents && rc == VIGIL_OK; i++)
		rc = insert_event(s, &r->events[i], &d);
	for (i = 0; i < r->nfigures && rc == VIGIL_OK; i++)
		rc = insert_figure(s, &r->figures[i], d.doc);
	free(d.per_sentence);
	if (rc == VIGIL_OK)
		vigil__sq(s)->wrote = 1;
	return rc;
}

/* Adds to the store's message that the batch was rolled back. */
static void batch_lost(struct vigil_store *s)
{
	size_t n = strlen(s->errmsg);

	snprintf(s->errmsg + n, sizeof(s->errmsg) - n,
		 "; the documents put since vigil_store_begin were rolled back");
}

/* Forgets the batch's copies of its documents. */
static void log_clear(sqlite_impl *q)
{
	size_t i;

	for (i = 0; i < q->nlog; i++)
		free(q->log[i].mem);
	q->nlog = 0;
}

/* Keeps a copy of a document put in the batch. */
static int log_add(struct vigil_store *s, const vigil_doc_records *r,
		   const vigil_doc_fingerprint *fp)
{
	sqlite_impl *q = vigil__sq(s);
	vigil__sq_logged *l;

	if (q->nlog == q->caplog) {
		size_t ncap = q->caplog ? 2 * q->caplog : 64;

		l = realloc(q->log, ncap * sizeof(*l));
		if (!l)
			goto nomem;
		q->log = l;
		q->caplog = ncap;
	}
	l = &q->log[q->nlog];
	if (vigil__records_copy(r, &l->r, &l->mem) != VIGIL_OK)
		goto nomem;
	l->fp = *fp;
	q->nlog++;
	return VIGIL_OK;
nomem:
	vigil__store_fail(s, "out of memory");
	return VIGIL_ENOMEM;
}

/* Ends a failed transaction: everything since BEGIN rolled back. */
static void rollback(sqlite_impl *q)
{
	if (!sqlite3_get_autocommit(q->db))
		sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
	q->fts_from = 0;
	forget_known(q);
}

/*
 * A document of the batch failed: the batch's transaction is rolled back
 * and its earlier documents are put again in a new one (without per-document
 * savepoints, this is what keeps the failed document all out and the others
 * in). The store's message stays the failed document's. When the batch
 * cannot be put again, it is lost and the message says so.
 */
static void redo_batch(struct vigil_store *s)
{
	sqlite_impl *q = vigil__sq(s);
	char msg[sizeof(s->errmsg)];
	vigil_store_outcome o;
	size_t i;
	int rc;

	memcpy(msg, s->errmsg, sizeof(msg));
	rollback(q);
	rc = begin(s);
	for (i = 0; i < q->nlog && rc == VIGIL_OK; i++)
		rc = write_doc(s, &q->log[i].r, &q->log[i].fp, &o);
	memcpy(s->errmsg, msg, sizeof(msg));
	if (rc == VIGIL_OK)
		return;
	rollback(q);
	log_clear(q);
	q->in_batch = 0;
	batch_lost(s);
}

int vigil__sq_put(struct vigil_store *s, const vigil_doc_records *r,
		  const vigil_doc_fingerprint *fp,
		  vigil_store_outcome *outcome)
{
	sqlite_impl *q = vigil__sq(s);
	int rc;

	if (!r->id) {
		vigil__store_fail(s, "a document without an id");
		return VIGIL_EINPUT;
	}
	if (q->in_batch) {
		rc = write_doc(s, r, fp, outcome);
		if (rc == VIGIL_OK && *outcome != VIGIL_STORE_UNCHANGED)
			rc = log_add(s, r, fp);
		if (rc != VIGIL_OK)
			redo_batch(s);
		return rc;
	}
	rc = begin(s);
	if (rc != VIGIL_OK)
		return rc;
	rc = write_doc(s, r, fp, outcome);
	if (rc == VIGIL_OK)
		return commit(s);
	rollback(q);
	return rc;
}
