/*
 * dating.c: dates events and figures from the date expressions of their
 * sentence (src/lib/resolve/dates.h): an expression in the record's own
 * clause, else in the clause of the statement that reports it ("The JCS
 * stated on Friday that ..."), else the publication date. "N units after X"
 * (anchored): X's clause gets the dates module's estimate unless X is an
 * earlier event with a date of its own; the clause it modifies gets date(X)
 * + N when X's event has such a date. Rules: docs/internals/clause.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>
#include <strings.h>

#include "analysis.h"

#define EARLIER_REACH 256 /* earlier events searched for X of "after X" */

const char *vigil__date_source_name(int src)
{
	static const char *const names[] = {"none",   "publication", "clause",
					    "statement", "anchor",   "anchored",
					    "earlier-event"};

	if (src < 0 || src >= (int)(sizeof(names) / sizeof(names[0])))
		return names[0];
	return names[src];
}

int vigil__dating_begin(vigil__arena *a, vigil__analysis *an)
{
	size_t s, k = 0, nsent = an->seg.nsent;

	an->dates = NULL;
	an->ndate = 0;
	an->date_cap = 0;
	an->sent_date = vigil__arena_calloc(a, nsent + 1, sizeof(uint32_t));
	an->sent_actor = vigil__arena_alloc(a, (nsent + 1) * sizeof(uint32_t));
	an->sent_clauses = vigil__arena_calloc(a, nsent + 1, sizeof(uint16_t *));
	if (!an->sent_date || !an->sent_actor || !an->sent_clauses)
		return -1;
	for (s = 0; s <= nsent; s++) {
		while (k < an->cl.nactor && an->cl.actors[k].sent < s)
			k++;
		an->sent_actor[s] = (uint32_t)k;
	}
	return 0;
}

void vigil__dates_skip(vigil__analysis *an, uint32_t s)
{
	an->sent_date[s] = an->sent_date[s + 1] = (uint32_t)an->ndate;
}

int vigil__dates_of_sentence(vigil__arena *a, vigil__analysis *an, uint32_t s)
{
	const vigil__sentence *st = &an->seg.sent[s];
	vigil__date_expr *e;
	size_t n;

	vigil__dates_skip(an, s);
	if (vigil__dates_find(a, an->text, an->seg.tok, st->tok_begin,
			      st->tok_end, an->date, &e, &n) < 0)
		return -1;
	if (n == 0)
		return 0;
	if (an->ndate + n > an->date_cap &&
	    vigil__arena_grow(a, (void **)&an->dates, &an->date_cap,
			      an->ndate + n, sizeof(*an->dates)) < 0)
		return -1;
	memcpy(an->dates + an->ndate, e, n * sizeof(*e));
	an->ndate += n;
	an->sent_date[s + 1] = (uint32_t)an->ndate;
	return 0;
}

uint16_t *vigil__sentence_clauses(vigil__arena *a, const vigil__analysis *an,
				  uint32_t s)
{
	const vigil__sentence *st = &an->seg.sent[s];
	uint32_t tb = st->tok_begin, n = st->tok_end - tb, k, i;
	uint16_t *cl;
	uint32_t *wc;
	uint8_t *at;

	if (an->sent_clauses && an->sent_clauses[s])
		return an->sent_clauses[s];
	cl = vigil__arena_alloc(a, (n + 1) * sizeof(*cl));
	wc = an->cl.words ? NULL : vigil__arena_alloc(a, (n + 1) * sizeof(*wc));
	at = vigil__arena_calloc(a, n + 1, 1);
	if (!cl || (!wc && !an->cl.words) || !at)
		return NULL;
	for (k = an->sent_actor[s]; k < an->sent_actor[s + 1]; k++) {
		const vigil__actor *ac = &an->cl.actors[k];

		for (i = ac->tok_begin; i < ac->tok_end && i - tb < n; i++)
			at[i - tb] = 1;
	}
	vigil__clause_numbers(an->text, an->seg.tok, tb, st->tok_end, at,
			      an->cl.words, wc, cl);
	if (an->sent_clauses)
		an->sent_clauses[s] = cl;
	return cl;
}

/* Start of the period of precision p that contains ymd (month: the 1st;
 * year: January 1); days, weeks and seasons keep their day. */
static uint32_t period_start(uint32_t ymd, uint8_t p)
{
	if (!ymd)
		return 0;
	if (p == VIGIL_DP_MONTH)
		return ymd / 100 * 100 + 1;
	if (p == VIGIL_DP_YEAR)
		return ymd / 10000 * 10000 + 101;
	return ymd;
}

static uint32_t udist(uint32_t a, uint32_t b)
{
	return a > b ? a - b : b - a;
}

static int punct_at(const vigil__analysis *an, uint32_t i, const char *set)
{
	const vigil__token *t = &an->seg.tok[i];

	return t->type == VIGIL_TOK_PUNCT && t->len == 1 &&
	       strchr(set, an->text[t->off]) != NULL;
}

/* Whether token i is the article "the", "a" or "an". */
static int article_at(const vigil__analysis *an, uint32_t i)
{
	const vigil__token *t = &an->seg.tok[i];
	const char *w = an->text + t->off;

	if (t->type != VIGIL_TOK_WORD)
		return 0;
	if (t->len == 1)
		return (w[0] | 32) == 'a';
	if (t->len == 2)
		return (w[0] | 32) == 'a' && (w[1] | 32) == 'n';
	return t->len == 3 && (w[0] | 32) == 't' && (w[1] | 32) == 'h' &&
	       (w[2] | 32) == 'e';
}

/* Whether expression e lies in an appositive (", the largest town held
 * since last August,": from a comma before an article to the next comma
 * or the sentence's end) that does not hold tok: it dates the noun
 * phrase's own participle, not the record's verb. */
static int in_other_appositive(const vigil__analysis *an, uint32_t s,
			       const vigil__date_expr *e, uint32_t tok)
{
	uint32_t tb = an->seg.sent[s].tok_begin, te = an->seg.sent[s].tok_end;
	uint32_t b = e->tok_begin, end = e->tok_end;

	while (b > tb && !punct_at(an, b - 1, ",;:"))
		b--;
	if (b <= tb + 1 || !punct_at(an, b - 1, ",") || !article_at(an, b))
		return 0;
	while (end < te && !punct_at(an, end, ",;:"))
		end++;
	return tok < b || tok >= end;
}

static int word_in(const vigil__analysis *an, uint32_t i,
		   const char *const *list, size_t n)
{
	const vigil__token *t = &an->seg.tok[i];
	size_t k;

	if (t->type != VIGIL_TOK_WORD)
		return 0;
	for (k = 0; k < n; k++)
		if (strlen(list[k]) == t->len &&
		    strncasecmp(an->text + t->off, list[k], t->len) == 0)
			return 1;
	return 0;
}

#define WORD_IN(an, i, list) word_in(an, i, list, sizeof(list) / sizeof(list[0]))

/* Whether a verb of the clause stage starts at token i of sentence s. */
static int verb_at(const vigil__analysis *an, uint32_t s, uint32_t i)
{
	size_t lo = 0, hi = an->cl.nverb, k;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (an->cl.verbs[mid].sent < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < an->cl.nverb && an->cl.verbs[k].sent == s; k++)
		if (an->matches[an->cl.verbs[k].match].tok_begin == i)
			return 1;
	return 0;
}

/* Whether expression e modifies a noun ("the April 22 attack"): an
 * article before it and a word after it. */
static int attributive(const vigil__analysis *an, uint32_t s,
		       const vigil__date_expr *e)
{
	return e->tok_begin > an->seg.sent[s].tok_begin &&
	       article_at(an, e->tok_begin - 1) &&
	       e->tok_end < an->seg.sent[s].tok_end &&
	       an->seg.tok[e->tok_end].type == VIGIL_TOK_WORD;
}

/* The end of the noun phrase that attributive expression e modifies: its
 * head words (up to the first preposition or punctuation), then the
 * prepositional phrases after them ("near Pahalgam", "of 26 people in
 * Kashmir") up to a verb, an auxiliary or punctuation, and a
 * non-restrictive relative clause hanging on it (", which killed 26
 * people,") to its closing comma. */
static uint32_t noun_phrase_end(const vigil__analysis *an, uint32_t s,
				const vigil__date_expr *e)
{
	static const char *const preps[] = {"of",   "in",     "near", "on",
					    "at",   "against", "by",  "from",
					    "across", "outside", "inside", "along"};
	static const char *const stops[] = {"is",   "was",  "were", "are", "be",
					    "been", "has",  "have", "had", "will",
					    "would", "could", "can", "may",
					    "might", "did",  "does", "said",
					    "says", "that", "and", "or", "but"};
	static const char *const rel[] = {"which", "who", "that"};
	uint32_t te = an->seg.sent[s].tok_end, i = e->tok_end;

	while (i < te && an->seg.tok[i].type == VIGIL_TOK_WORD &&
	       !WORD_IN(an, i, preps) && !WORD_IN(an, i, stops))
		i++;
	for (; i < te; i++) {
		if (punct_at(an, i, ",") && i + 1 < te &&
		    WORD_IN(an, i + 1, rel)) {
			for (i += 2; i < te && !punct_at(an, i, ",;:"); i++)
				;
			return i;
		}
		if (an->seg.tok[i].type == VIGIL_TOK_PUNCT ||
		    WORD_IN(an, i, stops) || verb_at(an, s, i))
			return i;
	}
	return te;
}

/* Whether the noun phrase of attributive expression e, its article at
 * a, stands as a subject: at the sentence's start, after punctuation or
 * after "said"/"says"/"that" ("officials said the January 9 attack"). */
static int np_is_subject(const vigil__analysis *an, uint32_t s, uint32_t a)
{
	static const char *const heads[] = {"said", "says", "that"};

	return a == an->seg.sent[s].tok_begin ||
	       an->seg.tok[a - 1].type == VIGIL_TOK_PUNCT ||
	       WORD_IN(an, a - 1, heads);
}

/* The end of what a noun phrase as subject dates besides itself: when
 * it ends at a verb of the clause stage ("the January 9 attack on Kharkiv
 * killed 26 people"), that verb names the same event, so the verb and
 * its object up to punctuation or a conjunction not followed by another
 * verb ("killed 26 soldiers and wounded 40") take the date; else np_end. */
static uint32_t subject_verb_end(const vigil__analysis *an, uint32_t s,
				 const vigil__date_expr *e, uint32_t np_end)
{
	static const char *const conj[] = {"and", "or", "but", "while",
					   "as", "after", "before", "when"};
	uint32_t te = an->seg.sent[s].tok_end, i;

	if (np_end >= te || !verb_at(an, s, np_end) ||
	    !np_is_subject(an, s, e->tok_begin - 1))
		return np_end;
	for (i = np_end + 1; i < te; i++)
		if (an->seg.tok[i].type == VIGIL_TOK_PUNCT ||
		    (WORD_IN(an, i, conj) &&
		     !(i + 1 < te && verb_at(an, s, i + 1))))
			break;
	return i;
}

/* Whether tok lies in the noun phrase that attributive expression e
 * modifies, or in the clause of the verb it is the subject of: its records
 * take e's date, which dates nothing else. */
static int in_noun_phrase(const vigil__analysis *an, uint32_t s,
			  const vigil__date_expr *e, uint32_t tok)
{
	uint32_t end;

	if (tok < e->tok_end)
		return 0;
	end = noun_phrase_end(an, s, e);
	return tok < end || tok < subject_verb_end(an, s, e, end);
}

/* An attributive expression whose noun phrase holds tok, or -1. */
static int32_t noun_expression(const vigil__analysis *an, uint32_t s,
			       uint32_t tok)
{
	uint32_t k;

	for (k = an->sent_date[s]; k < an->sent_date[s + 1]; k++) {
		const vigil__date_expr *e = &an->dates[k];

		if (!e->anchor_needed && e->date && attributive(an, s, e) &&
		    in_noun_phrase(an, s, e, tok))
			return (int32_t)k;
	}
	return -1;
}

/* The nearest dated, unanchored expression in tok's clause, or -1; not
 * one that modifies a noun (noun_expression). */
static int32_t own_expression(const vigil__analysis *an, uint32_t s,
			      const uint16_t *cl, uint32_t tok)
{
	uint32_t tb = an->seg.sent[s].tok_begin, k;
	int32_t best = -1;

	for (k = an->sent_date[s]; k < an->sent_date[s + 1]; k++) {
		const vigil__date_expr *e = &an->dates[k];

		if (e->anchor_needed || !e->date ||
		    cl[e->tok_begin - tb] != cl[tok - tb] ||
		    in_other_appositive(an, s, e, tok) ||
		    attributive(an, s, e))
			continue;
		if (best < 0 || udist(e->tok_begin, tok) <
				    udist(an->dates[best].tok_begin, tok))
			best = (int32_t)k;
	}
	return best;
}

/* Whether tok is in X's clause of anchored expression k ("after X"). */
static int in_anchor_x(const vigil__analysis *an, uint32_t s,
		       const uint16_t *cl, uint32_t k, uint32_t tok)
{
	const vigil__date_expr *e = &an->dates[k];
	uint32_t tb = an->seg.sent[s].tok_begin;

	return e->anchor_needed && e->tok_end < an->seg.sent[s].tok_end &&
	       tok >= e->tok_end && cl[tok - tb] == cl[e->tok_end - tb];
}

/* The anchored expression whose X clause holds tok, or -1. */
static int32_t anchor_x(const vigil__analysis *an, uint32_t s,
			const uint16_t *cl, uint32_t tok)
{
	uint32_t k;

	for (k = an->sent_date[s]; k < an->sent_date[s + 1]; k++)
		if (in_anchor_x(an, s, cl, k, tok))
			return (int32_t)k;
	return -1;
}

/* The anchored expression in tok's own clause, before X, or -1. */
static int32_t anchor_modifying(const vigil__analysis *an, uint32_t s,
				const uint16_t *cl, uint32_t tok)
{
	uint32_t tb = an->seg.sent[s].tok_begin, k;

	for (k = an->sent_date[s]; k < an->sent_date[s + 1]; k++) {
		const vigil__date_expr *e = &an->dates[k];

		if (e->anchor_needed && tok < e->tok_begin &&
		    cl[e->tok_begin - tb] == cl[tok - tb])
			return (int32_t)k;
		if (e->anchor_needed && tok >= e->tok_begin &&
		    cl[e->tok_begin - tb] == cl[tok - tb] &&
		    !in_anchor_x(an, s, cl, k, tok))
			return (int32_t)k;
	}
	return -1;
}

static void set_from(vigil__dated *out, const vigil__date_expr *e,
		     int32_t k, uint8_t source)
{
	out->date = e->date;
	out->precision = e->precision;
	out->expr = k;
	out->planned = -1;
	out->source = source;
}

/* X of anchored expression k: the date of the clause it modifies minus
 * the offset when that clause has a date of its own ("fired on Monday, a
 * day after X"), else the dates module's estimate (that clause at pub). */
static void anchor_estimate(const vigil__analysis *an, uint32_t s,
			    const uint16_t *cl, int32_t k, vigil__dated *out)
{
	const vigil__date_expr *x = &an->dates[k];
	int32_t m = own_expression(an, s, cl, x->tok_begin);

	set_from(out, x, k, VIGIL__DS_ANCHOR);
	if (m < 0)
		return;
	out->precision = an->dates[m].precision > x->offset_unit
				 ? an->dates[m].precision
				 : x->offset_unit;
	out->date = period_start(vigil__date_shift(an->dates[m].date, -x->offset,
						   x->offset_unit),
				 out->precision);
}

/* A token of the clause that tok's clause modifies when that clause opens
 * with "after"/"when"/"once"/"as" (X of "Y on Tuesday after X" happened at
 * Y's time or just before it: "resumed it on Tuesday after officials ...
 * agreed"); UINT32_MAX when it does not. */
static uint32_t modified_by(const vigil__analysis *an, uint32_t s,
			    const uint16_t *cl, uint32_t tok)
{
	static const char *const opens[] = {"after", "when", "once", "as"};
	const vigil__token *t = an->seg.tok;
	uint32_t tb = an->seg.sent[s].tok_begin, te = an->seg.sent[s].tok_end;
	uint32_t b = tok, e = tok, i;

	while (b > tb && cl[b - 1 - tb] == cl[tok - tb])
		b--;
	for (i = 0; i < sizeof(opens) / sizeof(opens[0]); i++) {
		if (t[b].type != VIGIL_TOK_WORD || t[b].len != strlen(opens[i]) ||
		    strncasecmp(an->text + t[b].off, opens[i], t[b].len) != 0)
			continue;
		if (b > tb)
			return b - 1; /* "Y ... after X" */
		while (e < te && cl[e - tb] == cl[tok - tb])
			e++;
		return e < te ? e : UINT32_MAX; /* "After X, Y" */
	}
	return UINT32_MAX;
}

void vigil__date_at(const vigil__analysis *an, uint32_t s, const uint16_t *cl,
		    uint32_t tok, uint32_t cue_tok, vigil__dated *out)
{
	uint32_t m;

	int32_t k = cl ? noun_expression(an, s, tok) : -1;

	if (k < 0 && cl)
		k = own_expression(an, s, cl, tok);
	if (k >= 0) {
		set_from(out, &an->dates[k], k, VIGIL__DS_CLAUSE);
		return;
	}
	k = cl ? anchor_x(an, s, cl, tok) : -1;
	if (k >= 0 && an->dates[k].date) {
		anchor_estimate(an, s, cl, k, out);
		return;
	}
	k = cl && cue_tok != UINT32_MAX ? own_expression(an, s, cl, cue_tok) : -1;
	if (k >= 0) {
		set_from(out, &an->dates[k], k, VIGIL__DS_STATEMENT);
		return;
	}
	m = cl ? modified_by(an, s, cl, tok) : UINT32_MAX;
	k = m != UINT32_MAX ? own_expression(an, s, cl, m) : -1;
	if (k >= 0) {
		set_from(out, &an->dates[k], k, VIGIL__DS_ANCHOR);
		return;
	}
	out->expr = -1;
	out->planned = -1;
	out->date = an->date;
	out->precision = VIGIL_DP_DAY;
	out->source = an->date ? VIGIL__DS_PUBLICATION : VIGIL__DS_NONE;
}

/*===== Events =========================================================*/

static int has_own_date(const vigil__dated *d)
{
	return d->source == VIGIL__DS_CLAUSE || d->source == VIGIL__DS_STATEMENT ||
	       d->source == VIGIL__DS_EARLIER || d->source == VIGIL__DS_ANCHORED;
}

static const char *actor_code(const vigil__analysis *an, int32_t k)
{
	return k < 0 ? "" : an->cl.actors[k].code;
}

/* X of "after X" as an earlier event with a date of its own: the same
 * code and actor ("four months after North Korea deployed soldiers" after
 * "North Korea deployed troops in October"). */
static const vigil__event *earlier_event(const vigil__analysis *an, size_t i)
{
	const vigil__event *e = &an->events[i];
	size_t k, stop = i > EARLIER_REACH ? i - EARLIER_REACH : 0;

	for (k = i; k-- > stop;) {
		const vigil__event *p = &an->events[k];

		if (p->sent == e->sent || !has_own_date(&p->when) ||
		    strcmp(p->cameo, e->cameo) != 0 ||
		    strcmp(actor_code(an, p->actor), actor_code(an, e->actor)) != 0)
			continue;
		return p;
	}
	return NULL;
}

static uint32_t trigger_tok(const vigil__analysis *an, const vigil__event *e)
{
	return an->matches[an->cl.verbs[e->verb].match].tok_begin;
}

static uint32_t cue_tok_of(const vigil__analysis *an, const vigil__event *e)
{
	int32_t cue = an->cl.verbs[e->verb].said_cue;

	return cue >= 0 ? an->matches[cue].tok_begin : UINT32_MAX;
}

/* Events [first, end) of sentence s: the clause modified by "N units after
 * X" is dated from X's event when X has a date of its own. */
static void date_anchored(const vigil__analysis *an, uint32_t s,
			  const uint16_t *cl, size_t first, size_t end)
{
	size_t i, j;

	for (i = first; i < end; i++) {
		vigil__event *e = &an->events[i];
		int32_t k = anchor_modifying(an, s, cl, trigger_tok(an, e));
		const vigil__date_expr *x;

		if (k < 0 || e->when.source == VIGIL__DS_CLAUSE)
			continue;
		x = &an->dates[k];
		for (j = first; j < end; j++) {
			const vigil__dated *xd = &an->events[j].when;
			uint8_t p;

			if (j == i || !in_anchor_x(an, s, cl, (uint32_t)k,
						   trigger_tok(an, &an->events[j])) ||
			    (xd->source != VIGIL__DS_CLAUSE &&
			     xd->source != VIGIL__DS_EARLIER))
				continue;
			p = xd->precision > x->offset_unit ? xd->precision
							   : x->offset_unit;
			e->when.date = period_start(
				vigil__date_shift(xd->date, x->offset,
						  x->offset_unit), p);
			e->when.precision = p;
			e->when.expr = k;
			e->when.source = VIGIL__DS_ANCHORED;
			break;
		}
	}
}

/* An act the text reports as done (asserted, negated, denied, historical)
 * cannot have happened after the report: a later date in its clause dates
 * what it announces ("Turkiye will welcome our allies in Ankara in 2026"
 * expresses the intent now). It takes the statement's date, else the
 * publication date, and keeps the later expression as `planned`. Future and
 * hypothetical events keep their planned date (aux_mode says so). */
static void date_of_report(const vigil__analysis *an, uint32_t s,
			   const uint16_t *cl, vigil__event *e)
{
	uint8_t aux = an->cl.verbs[e->verb].aux;
	uint32_t cue = cue_tok_of(an, e);
	int32_t planned = e->when.expr, k;

	if (!an->date || e->when.date <= an->date || planned < 0 ||
	    aux == VIGIL__AUX_FUTURE || aux == VIGIL__AUX_HYPOTHETICAL)
		return;
	k = cl && cue != UINT32_MAX ? own_expression(an, s, cl, cue) : -1;
	if (k >= 0 && k != planned && an->dates[k].date <= an->date) {
		set_from(&e->when, &an->dates[k], k, VIGIL__DS_STATEMENT);
	} else {
		e->when.expr = -1;
		e->when.date = an->date;
		e->when.precision = VIGIL_DP_DAY;
		e->when.source = VIGIL__DS_PUBLICATION;
	}
	e->when.planned = planned;
}

void vigil__events_date(const vigil__analysis *an, uint32_t s, size_t first,
			size_t end, const uint16_t *cl)
{
	size_t k;

	for (k = first; k < end; k++) {
		vigil__event *e = &an->events[k];
		const vigil__event *p = NULL;

		vigil__date_at(an, s, cl, trigger_tok(an, e), cue_tok_of(an, e),
			       &e->when);
		if (e->when.source == VIGIL__DS_ANCHOR &&
		    an->dates[e->when.expr].anchor_needed)
			p = earlier_event(an, k);
		if (p) {
			e->when = p->when;
			e->when.source = VIGIL__DS_EARLIER;
		}
	}
	if (cl)
		date_anchored(an, s, cl, first, end);
	for (k = first; k < end; k++)
		date_of_report(an, s, cl, &an->events[k]);
}
