/*
 * jsonl.c: serializes a coded document as JSON Lines records of DESIGN.md:
 * one "document" record, then per sentence (with the flags asking for them)
 * a "sentence" record and "mention" records (one per dictionary entry that
 * matched and is valid on the document's date), then the sentence's "event"
 * and "figure" records (always). Absent values are null,
 * never empty strings; spans are byte offsets into the normalized text;
 * sentence numbers start at 1.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../code/analysis.h"

/* `key` is a literal that needs no escaping: `,"key":` with one room
 * check. */
static inline void put_key(vigil__buf *b, const char *key)
{
	size_t n = strlen(key);
	char *p;

	if (b->cap - b->len <= n + 4 && vigil__buf_reserve(b, n + 4) < 0)
		return;
	p = b->data + b->len;
	p[0] = ',';
	p[1] = '"';
	memcpy(p + 2, key, n);
	p[n + 2] = '"';
	p[n + 3] = ':';
	p[n + 4] = '\0';
	b->len += n + 4;
}

/* Inline (like put_null, put_range): strlen(key) of the literal key then
 * folds to a constant at each call. */
static inline void put_str(vigil__buf *b, const char *key, const char *value)
{
	put_key(b, key);
	vigil__buf_json_str(b, value, value ? strlen(value) : 0);
}

/* A range of the normalized text as a JSON string, or null when empty. */
static inline void put_range(vigil__buf *b, const char *key,
			     const char *text, vigil__range r)
{
	put_key(b, key);
	vigil__buf_json_str(b, r.len ? text + r.off : NULL, r.len);
}

static void write_document(vigil__buf *b, const vigil__analysis *an)
{
	const vigil_doc *doc = an->doc;

	vigil__buf_puts(b, "{\"type\":\"document\"");
	put_str(b, "doc", an->id);
	put_str(b, "date", doc->date);
	put_str(b, "source", doc->source);
	put_str(b, "url", doc->url);
	put_str(b, "title", doc->title);
	put_key(b, "sentences");
	vigil__buf_put_uint(b, an->seg.nsent);
	put_range(b, "byline", an->text, an->layout.byline);
	put_range(b, "dateline", an->text, an->layout.dateline);
	vigil__buf_puts(b, "}\n");
}

/* Whether a date-restricted entry applies on `date` (0: date unknown). */
static int valid_on(const vigil__entry *e, uint32_t date)
{
	if (!date)
		return 1;
	return (!e->from || date >= e->from) && (!e->until || date <= e->until);
}

/* Whether an earlier entry of the same match already gave (kind, code). */
static int seen_before(const vigil__analysis *an, const vigil__match *m,
		       uint32_t upto, const vigil__entry *e)
{
	uint32_t i;
	vigil__entry prev;

	for (i = m->entry_first; i < upto; i++) {
		vigil__lexicon_entry(an->lx, i, &prev);
		if (prev.kind == e->kind && strcmp(prev.code, e->code) == 0 &&
		    valid_on(&prev, an->date))
			return 1;
	}
	return 0;
}

static void write_mention(vigil__buf *b, const vigil__analysis *an,
			  const vigil__match *m, size_t sentence,
			  const vigil__entry *e, unsigned flags)
{
	const vigil__token *first = &an->seg.tok[m->tok_begin];
	const vigil__token *last = &an->seg.tok[m->tok_end - 1];
	uint32_t begin = first->off, end = last->off + last->len;
	const char *kind = vigil_kind_name((vigil_entry_kind)e->kind);

	vigil__buf_puts(b, "{\"type\":\"mention\"");
	put_str(b, "doc", an->id);
	put_key(b, "sentence");
	vigil__buf_put_uint(b, sentence + 1);
	put_str(b, "kind", kind);
	put_str(b, "code", e->code);
	put_key(b, "text");
	vigil__buf_json_str(b, an->text + begin, end - begin);
	put_key(b, "span");
	vigil__buf_putc(b, '[');
	vigil__buf_put_uint(b, begin);
	vigil__buf_putc(b, ',');
	vigil__buf_put_uint(b, end);
	vigil__buf_putc(b, ']');
	if (flags & VIGIL_CODE_EXPLAIN) {
		vigil__buf_puts(b, ",\"why\":{\"phrase\":");
		vigil__buf_json_str(b, e->phrase, strlen(e->phrase));
		put_str(b, "dict", e->file);
		put_key(b, "line");
		vigil__buf_put_uint(b, e->line);
		vigil__buf_putc(b, '}');
	}
	vigil__buf_puts(b, "}\n");
}

static void write_sentence(vigil__buf *b, const vigil__analysis *an,
			   size_t i)
{
	const vigil__sentence *s = &an->seg.sent[i];

	vigil__buf_puts(b, "{\"type\":\"sentence\"");
	put_str(b, "doc", an->id);
	put_key(b, "sentence");
	vigil__buf_put_uint(b, i + 1);
	put_key(b, "span");
	vigil__buf_putc(b, '[');
	vigil__buf_put_uint(b, s->off);
	vigil__buf_putc(b, ',');
	vigil__buf_put_uint(b, (uint64_t)s->off + s->len);
	vigil__buf_putc(b, ']');
	put_key(b, "text");
	vigil__buf_json_str(b, an->text + s->off, s->len);
	vigil__buf_puts(b, "}\n");
}

static void write_match(vigil__buf *b, const vigil__analysis *an,
			const vigil__match *m, size_t sentence, unsigned flags)
{
	uint32_t k;

	for (k = m->entry_first; k < m->entry_first + m->entry_count; k++) {
		vigil__entry e;

		vigil__lexicon_entry(an->lx, k, &e);
		if (valid_on(&e, an->date) && !seen_before(an, m, k, &e))
			write_mention(b, an, m, sentence, &e, flags);
	}
}

/*===== Events =========================================================*/

static inline void put_null(vigil__buf *b, const char *key)
{
	put_key(b, key);
	vigil__buf_puts(b, "null");
}

static void put_tokens(vigil__buf *b, const vigil__analysis *an,
		       uint32_t tb, uint32_t te)
{
	const vigil__token *first = &an->seg.tok[tb], *last = &an->seg.tok[te - 1];

	vigil__buf_json_str(b, an->text + first->off,
			    last->off + last->len - first->off);
}

/* A string value, or null when absent or empty. */
static inline void put_opt(vigil__buf *b, const char *key, const char *value)
{
	if (value && *value)
		put_str(b, key, value);
	else
		put_null(b, key);
}

static void put_actor(vigil__buf *b, const vigil__analysis *an,
		      const char *key, int32_t k)
{
	const vigil__actor *a;

	if (k < 0) {
		put_null(b, key);
		return;
	}
	a = &an->cl.actors[k];
	put_key(b, key);
	vigil__buf_puts(b, "{\"code\":");
	vigil__buf_json_str(b, a->code, strlen(a->code));
	put_opt(b, "country", a->country);
	put_opt(b, "sector", a->sector);
	put_key(b, "text");
	put_tokens(b, an, a->tok_begin, a->tok_end);
	vigil__buf_putc(b, '}');
}

/* A YYYYMMDD date as a "YYYY-MM-DD" string. */
static void put_ymd(vigil__buf *b, uint32_t ymd)
{
	char d[12];
	uint32_t y = ymd / 10000, m = ymd / 100 % 100, day = ymd % 100;

	d[0] = '"';
	d[1] = (char)('0' + y / 1000 % 10);
	d[2] = (char)('0' + y / 100 % 10);
	d[3] = (char)('0' + y / 10 % 10);
	d[4] = (char)('0' + y % 10);
	d[5] = '-';
	d[6] = (char)('0' + m / 10);
	d[7] = (char)('0' + m % 10);
	d[8] = '-';
	d[9] = (char)('0' + day / 10);
	d[10] = (char)('0' + day % 10);
	d[11] = '"';
	vigil__buf_append(b, d, sizeof(d));
}

/* "date" (and "date_precision" when `precision`) of a dated record. */
static void put_dated(vigil__buf *b, const vigil__dated *d, int precision)
{
	put_key(b, "date");
	if (d->date)
		put_ymd(b, d->date);
	else
		vigil__buf_puts(b, "null");
	if (!precision)
		return;
	if (d->date)
		put_str(b, "date_precision", vigil__date_precision_name(d->precision));
	else
		put_null(b, "date_precision");
}

/* The text of date expression k under `key`, or null when k is -1. */
static void put_date_text(vigil__buf *b, const vigil__analysis *an,
			  const char *key, int32_t k)
{
	if (k >= 0 && (size_t)k < an->ndate) {
		const vigil__date_expr *e = &an->dates[k];

		put_key(b, key);
		put_tokens(b, an, e->tok_begin, e->tok_end);
	} else {
		put_null(b, key);
	}
}

/* --explain: where the date comes from, the expression's text and, for
 * an act re-dated to its report, the later date it announces. */
static void put_date_why(vigil__buf *b, const vigil__analysis *an,
			 const vigil__dated *d)
{
	put_str(b, "date_source", vigil__date_source_name(d->source));
	put_date_text(b, an, "date_text", d->expr);
	put_date_text(b, an, "planned_date_text", d->planned);
}

/* "file:line" of an entry, as a JSON string. */
static void put_where(vigil__buf *b, const vigil__analysis *an,
		      const char *key, int32_t entry)
{
	vigil__entry e;

	if (entry < 0) {
		put_null(b, key);
		return;
	}
	vigil__lexicon_entry(an->lx, (uint32_t)entry, &e);
	put_key(b, key);
	vigil__buf_printf(b, "\"%s:%u\"", e.file ? e.file : "?",
			  (unsigned)e.line);
}

static void put_match_where(vigil__buf *b, const vigil__analysis *an,
			    const char *key, int32_t match, int cue)
{
	int32_t entry = -1;
	uint32_t k;

	if (match >= 0) {
		const vigil__match *m = &an->matches[match];

		for (k = m->entry_first; k < m->entry_first + m->entry_count;
		     k++) {
			vigil__entry e;

			vigil__lexicon_entry(an->lx, k, &e);
			if (e.kind == (cue ? VIGIL_KIND_CUE : VIGIL_KIND_VERB)) {
				entry = (int32_t)k;
				break;
			}
		}
	}
	put_where(b, an, key, entry);
}

/* The actor whose dictionary entries explain actor k (coreference). */
static const vigil__actor *source_actor(const vigil__analysis *an, int32_t k)
{
	const vigil__actor *a = &an->cl.actors[k];
	int hops = 0;

	while (a->ref >= 0 && hops++ < 8)
		a = &an->cl.actors[a->ref];
	return a;
}

static void put_actor_why(vigil__buf *b, const vigil__analysis *an,
			  const char *key, int32_t k)
{
	const vigil__actor *a;

	if (k < 0)
		return;
	a = source_actor(an, k);
	put_key(b, key);
	vigil__buf_puts(b, "{\"coref\":");
	vigil__buf_puts(b, a != &an->cl.actors[k] ? "true" : "false");
	put_where(b, an, "entry", a->entry);
	put_where(b, an, "agent", a->agent);
	vigil__buf_putc(b, '}');
}

static void write_why(vigil__buf *b, const vigil__analysis *an,
		      const vigil__event *e)
{
	const vigil__cverb *v = &an->cl.verbs[e->verb];
	unsigned i, first = 1;

	put_key(b, "why");
	vigil__buf_puts(b, "{\"rules\":[");
	for (i = 0; i < VIGIL__R_COUNT_; i++) {
		if (!(e->rules & (1u << i)))
			continue;
		if (!first)
			vigil__buf_putc(b, ',');
		first = 0;
		vigil__buf_putc(b, '"');
		vigil__buf_puts(b, vigil__rule_name(i));
		vigil__buf_putc(b, '"');
	}
	vigil__buf_putc(b, ']');
	put_where(b, an, "verb", v->entry);
	put_actor_why(b, an, "actor", e->actor);
	put_actor_why(b, an, "recipient", e->recipient);
	put_match_where(b, an, "aux_cue", v->aux_cue, 1);
	put_match_where(b, an, "hedge_cue", v->hedge, 1);
	put_match_where(b, an, "said_by_cue", v->said_cue, 1);
	put_date_why(b, an, &e->when);
	vigil__buf_putc(b, '}');
}

/* NaN: null; else as vigil__buf_put_score. */
static void put_goldstein(vigil__buf *b, double g)
{
	put_key(b, "goldstein");
	if (isnan(g))
		vigil__buf_puts(b, "null");
	else
		vigil__buf_put_score(b, g);
}

static void put_match_text(vigil__buf *b, const vigil__analysis *an,
			   const char *key, int32_t match)
{
	if (match < 0) {
		put_null(b, key);
		return;
	}
	put_key(b, key);
	put_tokens(b, an, an->matches[match].tok_begin,
		   an->matches[match].tok_end);
}

/*
 * Where the text of sentence `sent` was last written as a JSON string in
 * the buffer: the other events of the sentence copy those bytes instead of
 * escaping the text again.
 */
typedef struct text_memo {
	size_t sent;      /* SIZE_MAX: nothing written yet */
	size_t off, len;  /* bytes [off, off + len) of the buffer */
} text_memo;

static void put_sentence_text(vigil__buf *b, const vigil__analysis *an,
			      size_t sent, text_memo *memo)
{
	const vigil__sentence *s = &an->seg.sent[sent];
	size_t start = b->len;

	if (memo->sent == sent && !b->failed) {
		/* reserve first: the copy's source moves if the buffer does */
		if (vigil__buf_reserve(b, memo->len) < 0)
			return;
		memcpy(b->data + b->len, b->data + memo->off, memo->len);
		b->len += memo->len;
		b->data[b->len] = '\0';
		return;
	}
	vigil__buf_json_str(b, an->text + s->off, s->len);
	if (!b->failed) {
		memo->sent = sent;
		memo->off = start;
		memo->len = b->len - start;
	}
}

static void put_number(vigil__buf *b, const char *key, double v);

/* event_loc: the place entry of the record (name: the first phrase of its
 * dictionary line, "Kursk Oblast" for "Kursk region"), or null; precision
 * is that of its coordinates ("country" for a region placed at its
 * country's point), else its type. */
static void put_place(vigil__buf *b, const vigil__analysis *an,
		      const vigil__placed *p)
{
	vigil__entry e;
	char a1[32];

	if (p->match < 0 || !an->lx) {
		put_null(b, "event_loc");
		return;
	}
	vigil__place_entry(an->lx, p->entry, &e);
	put_key(b, "event_loc");
	vigil__buf_puts(b, "{\"name\":");
	vigil__buf_json_str(b, e.phrase, strlen(e.phrase));
	put_opt(b, "country", e.country);
	put_opt(b, "admin1", vigil__place_admin1(e.type, e.code, a1, sizeof(a1)));
	put_number(b, "lat", e.lat);
	put_number(b, "lon", e.lon);
	put_opt(b, "precision", e.mode ? e.mode : e.type);
	vigil__buf_putc(b, '}');
}

static void write_event(vigil__buf *b, const vigil__analysis *an,
			const vigil__event *e, unsigned flags,
			text_memo *memo)
{
	const vigil__cverb *v = &an->cl.verbs[e->verb];
	vigil__entry ve;

	vigil__lexicon_entry(an->lx, (uint32_t)v->entry, &ve);
	vigil__buf_puts(b, "{\"type\":\"event\",\"id\":\"");
	vigil__buf_json_chars(b, an->id, strlen(an->id));
	vigil__buf_putc(b, '-');
	vigil__buf_put_uint(b, (unsigned)e->sent + 1);
	vigil__buf_putc(b, '-');
	vigil__buf_put_uint(b, (unsigned)e->n);
	vigil__buf_putc(b, '"');
	put_str(b, "doc", an->id);
	put_key(b, "sentence");
	vigil__buf_put_uint(b, e->sent + 1);
	put_dated(b, &e->when, 1);
	put_actor(b, an, "actor", e->actor);
	put_actor(b, an, "recipient", e->recipient);
	put_opt(b, "event", ve.plover);
	put_opt(b, "mode", ve.mode);
	put_str(b, "aux_mode", vigil__aux_name(v->aux));
	put_match_text(b, an, "hedge", v->hedge);
	put_key(b, "quad_code");
	if (ve.quad)
		vigil__buf_put_uint(b, (unsigned)ve.quad);
	else
		vigil__buf_puts(b, "null");
	put_str(b, "cameo", ve.code);
	put_goldstein(b, ve.goldstein);
	if (v->said_by >= 0) {
		const vigil__actor *sp = &an->cl.actors[v->said_by];

		put_key(b, "said_by");
		vigil__buf_puts(b, "{\"code\":");
		vigil__buf_json_str(b, sp->code, strlen(sp->code));
		put_key(b, "text");
		put_tokens(b, an, sp->tok_begin, sp->tok_end);
		vigil__buf_putc(b, '}');
	} else {
		put_null(b, "said_by");
	}
	put_place(b, an, &e->where);
	put_match_text(b, an, "trigger", (int32_t)v->match);
	put_key(b, "span");
	vigil__buf_putc(b, '[');
	vigil__buf_put_uint(b, (unsigned)e->span_begin);
	vigil__buf_putc(b, ',');
	vigil__buf_put_uint(b, (unsigned)e->span_end);
	vigil__buf_putc(b, ']');
	put_key(b, "text");
	put_sentence_text(b, an, e->sent, memo);
	if (flags & VIGIL_CODE_EXPLAIN)
		write_why(b, an, e);
	vigil__buf_puts(b, "}\n");
}

/*===== Figures ========================================================*/

/* A number: an integer when it is one (below 2^53), else as "%.15g" would
 * write it; null for NaN. */
static void put_number(vigil__buf *b, const char *key, double v)
{
	put_key(b, key);
	if (isnan(v))
		vigil__buf_puts(b, "null");
	else if (v >= 0 && v < 9007199254740992.0 && v == floor(v))
		vigil__buf_put_uint(b, (uint64_t)v);
	else
		vigil__buf_put_g15(b, v);
}

/* The claimant: its code, and its text through f->said_end. */
static void put_claimant(vigil__buf *b, const vigil__analysis *an,
			 const vigil__figure *f)
{
	const vigil__actor *sp = &an->cl.actors[f->said_by];

	put_key(b, "said_by");
	vigil__buf_puts(b, "{\"code\":");
	vigil__buf_json_str(b, sp->code, strlen(sp->code));
	put_key(b, "text");
	put_tokens(b, an, sp->tok_begin,
		   f->said_end > sp->tok_end ? f->said_end : sp->tok_end);
	vigil__buf_putc(b, '}');
}

static void write_figure(vigil__buf *b, const vigil__analysis *an,
			 const vigil__figure *f, unsigned flags)
{
	const vigil__quantity *q = &f->q;

	vigil__buf_puts(b, "{\"type\":\"figure\",\"id\":\"");
	vigil__buf_json_chars(b, an->id, strlen(an->id));
	vigil__buf_putc(b, '-');
	vigil__buf_put_uint(b, (unsigned)f->sent + 1);
	vigil__buf_puts(b, "-f");
	vigil__buf_put_uint(b, (unsigned)f->n);
	vigil__buf_putc(b, '"');
	put_str(b, "doc", an->id);
	put_key(b, "sentence");
	vigil__buf_put_uint(b, f->sent + 1);
	put_number(b, "value", q->value);
	put_number(b, "low", q->low);
	put_number(b, "high", q->high);
	put_str(b, "qualifier", vigil__qualifier_name(q->qualifier));
	if (q->unit_end > q->unit_begin) {
		put_key(b, "unit");
		put_tokens(b, an, q->unit_begin, q->unit_end);
	} else {
		put_null(b, "unit");
	}
	put_str(b, "category", vigil__figure_category_name(f->category));
	if (f->subject >= 0) {
		put_key(b, "subject");
		vigil__buf_puts(b, "{\"code\":");
		vigil__buf_json_str(b, f->subj_code, strlen(f->subj_code));
		put_opt(b, "country", f->subj_country);
		put_opt(b, "sector", f->subj_sector);
		put_key(b, "text");
		put_tokens(b, an, f->subj_begin, f->subj_end);
		vigil__buf_putc(b, '}');
	} else {
		put_null(b, "subject");
	}
	if (f->said_by >= 0)
		put_claimant(b, an, f);
	else
		put_null(b, "said_by");
	put_place(b, an, &f->where);
	put_dated(b, &f->when, 0);
	put_key(b, "span");
	vigil__buf_putc(b, '[');
	vigil__buf_put_uint(b, (unsigned)f->span_begin);
	vigil__buf_putc(b, ',');
	vigil__buf_put_uint(b, (unsigned)f->span_end);
	vigil__buf_putc(b, ']');
	if (flags & VIGIL_CODE_EXPLAIN) {
		put_key(b, "why");
		vigil__buf_puts(b, "{\"predicate\":");
		if (f->pred_tok != UINT32_MAX)
			put_tokens(b, an, f->pred_tok, f->pred_tok + 1);
		else
			vigil__buf_puts(b, "null");
		put_str(b, "date_precision",
			f->when.date ? vigil__date_precision_name(f->when.precision)
				     : NULL);
		put_date_why(b, an, &f->when);
		put_match_where(b, an, "said_by_cue", f->said_cue, 1);
		vigil__buf_putc(b, '}');
	}
	vigil__buf_puts(b, "}\n");
}

/* Sentence records, mentions and events, sentence by sentence. */
static void write_sentences(vigil__buf *b, const vigil__analysis *an,
			    unsigned flags)
{
	size_t s, m = 0, ev = 0, fi = 0;
	int mentions = (flags & VIGIL_CODE_MENTIONS) && an->lx;
	text_memo memo = {SIZE_MAX, 0, 0};

	for (s = 0; s < an->seg.nsent; s++) {
		if (flags & VIGIL_CODE_SENTENCES)
			write_sentence(b, an, s);
		for (; mentions && m < an->nmatch &&
		       an->matches[m].tok_begin < an->seg.sent[s].tok_end;
		     m++)
			write_match(b, an, &an->matches[m], s, flags);
		for (; ev < an->nevent && an->events[ev].sent == s; ev++)
			write_event(b, an, &an->events[ev], flags, &memo);
		for (; fi < an->nfigure && an->figures[fi].sent == s; fi++)
			write_figure(b, an, &an->figures[fi], flags);
	}
}

void vigil__write_jsonl(vigil__buf *out, const vigil__analysis *an,
			unsigned flags)
{
	write_document(out, an);
	write_sentences(out, an, flags);
}
