/*
 * places.c: event_loc of events and figures. A record gets the [places]
 * match of its own clause that stands in a locative form ("in X", "near
 * X", "Russia's X region", "the X region of Russia"), else such a match
 * elsewhere in its sentence, else an admin1 or city of its sentence that is
 * no actor; the nearest to the record's anchor token wins; never a place of
 * another sentence. Rules: docs/internals/places.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "analysis.h"

/* A place match of the sentence being located. */
typedef struct cand {
	uint32_t match, entry;
	uint32_t tok_begin, tok_end;
	uint8_t country;   /* type=country */
	uint8_t actor;	   /* the phrase is also an actor ("Pyongyang") */
	uint8_t located;   /* in a locative form */
	uint8_t qualifier; /* the country of another place ("Russia's X") */
} cand;

const char *vigil__place_source_name(int src)
{
	static const char *const names[] = {"none", "clause", "sentence",
					    "bare"};

	if (src < 0 || src >= (int)(sizeof(names) / sizeof(names[0])))
		return names[0];
	return names[src];
}

const char *vigil__place_admin1(const char *type, const char *code, char *buf,
				size_t cap)
{
	const char *dot;
	size_t n;

	if (!type || !code)
		return NULL;
	if (strcmp(type, "admin1") == 0)
		return code;
	if (strcmp(type, "city") != 0 || !(dot = strchr(code, '.')))
		return NULL;
	n = (size_t)(dot - code);
	if (n < 4 || n >= cap || !memchr(code, '-', n))
		return NULL;
	memcpy(buf, code, n);
	buf[n] = '\0';
	return buf;
}

/* Words that put a place after them (lower case; sorted is not needed). */
static const char *const preps[] = {
    "in",   "at",     "near",	 "into",       "from",	 "on",	   "across",
    "over", "inside", "outside", "throughout", "within", "around", "through"};

/* Prepositions that locate only a region or city: "sanctions on Russia",
 * "concerns over Iran" are no places. */
static const char *const country_shy[] = {"on", "over"};

/* Words that may stand between the preposition and the place. */
static const char *const fillers[] = {
    "the",	     "eastern",	      "western",       "northern",
    "southern",	     "central",	      "northeastern",  "northwestern",
    "southeastern",  "southwestern",  "north-eastern", "north-western",
    "south-eastern", "south-western", "east",	       "west",
    "north",	     "south",	      "occupied",      "besieged",
    "frontline",     "front-line",    "embattled",     "neighbouring",
    "neighboring",   "border"};

/* Nouns after a place that "the X region of Y" allows. */
static const char *const region_nouns[] = {
    "region",	   "regions", "province", "oblast",
    "governorate", "state",   "district", "area"};

static int tok_is(const vigil__analysis *an, uint32_t t, const char *w)
{
	const vigil__token *k = &an->seg.tok[t];
	size_t n = strlen(w), i;

	if (k->len != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = an->text[k->off + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return 0;
	}
	return 1;
}

static int tok_in(const vigil__analysis *an, uint32_t t,
		  const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tok_is(an, t, words[i]))
			return 1;
	return 0;
}

#define IN(an, t, tbl) tok_in(an, t, tbl, sizeof(tbl) / sizeof(tbl[0]))

/* The candidate ending at token t (exclusive end), or NULL. */
static cand *ending_at(cand *c, size_t n, uint32_t t)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i].tok_end == t)
			return &c[i];
	return NULL;
}

static cand *starting_at(cand *c, size_t n, uint32_t t)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i].tok_begin == t)
			return &c[i];
	return NULL;
}

/* Marks c[i] located when a preposition (over fillers and a possessive
 * country) precedes it, when a possessive country does ("Russia's Kursk
 * region"), or when "of COUNTRY" follows it (over a region noun). */
static void mark_located(const vigil__analysis *an, uint32_t tb, uint32_t te,
			 cand *c, size_t n, size_t i)
{
	cand *q = &c[i], *o;
	uint32_t t = q->tok_begin, u = q->tok_end;

	while (t > tb) {
		if (IN(an, t - 1, fillers)) {
			t--;
		} else if (an->seg.tok[t - 1].type == VIGIL_TOK_POSS &&
			   (o = ending_at(c, n, t - 1)) && o->country) {
			o->qualifier = 1;
			if (!q->country)
				q->located = 1;
			t = o->tok_begin;
		} else {
			break;
		}
	}
	if (t > tb && IN(an, t - 1, preps) &&
	    !(q->country && IN(an, t - 1, country_shy)))
		q->located = 1;
	if (q->country) {
		if (u < te && an->seg.tok[u].type == VIGIL_TOK_POSS)
			q->located = 0; /* "over North Korea's plans" */
		return;
	}
	if (u < te && IN(an, u, region_nouns))
		u++;
	if (u + 1 < te && tok_is(an, u, "of") &&
	    (o = starting_at(c, n, u + 1)) && o->country) {
		o->qualifier = 1;
		q->located = 1;
	}
}

/* The first [places] entry of match k valid on the document's date, and
 * whether an actor entry shares the phrase; 0 when it is no place. */
static int place_of(const vigil__analysis *an, uint32_t k, cand *out)
{
	const vigil__match *m = &an->matches[k];
	uint32_t i, found = 0;
	vigil__entry e;

	memset(out, 0, sizeof(*out));
	for (i = m->entry_first; i < m->entry_first + m->entry_count; i++) {
		int kind = vigil__lexicon_entry_kind_on(an->lx, i, an->date);

		if (kind == VIGIL_KIND_ACTOR)
			out->actor = 1;
		if (kind == VIGIL_KIND_PLACE && !found) {
			found = 1;
			out->entry = i;
		}
	}
	if (!found)
		return 0;
	vigil__lexicon_entry(an->lx, out->entry, &e);
	out->match = k;
	out->tok_begin = m->tok_begin;
	out->tok_end = m->tok_end;
	out->country = e.type && strcmp(e.type, "country") == 0;
	return 1;
}

static uint32_t udist(uint32_t a, uint32_t b)
{
	return a > b ? a - b : b - a;
}

/* Rank of candidate q for a record at tok (lower is better); 0 if none. */
static int rank_of(const cand *q, const uint16_t *cl, uint32_t tb, uint32_t tok)
{
	int same = cl[q->tok_begin - tb] == cl[tok - tb];

	if (q->qualifier)
		return 0;
	if (q->located)
		return same ? 1 : 2;
	if (q->country || q->actor)
		return 0;
	return same ? 3 : 4;
}

static void locate_one(const cand *c, size_t n, const uint16_t *cl, uint32_t tb,
		       uint32_t tok, vigil__placed *out)
{
	static const uint8_t source[] = {VIGIL__PS_NONE, VIGIL__PS_CLAUSE,
					 VIGIL__PS_SENTENCE, VIGIL__PS_BARE,
					 VIGIL__PS_BARE};
	int best = 0, r;
	size_t i, k = 0;

	out->match = -1;
	out->entry = 0;
	out->source = VIGIL__PS_NONE;
	for (i = 0; i < n; i++) {
		r = rank_of(&c[i], cl, tb, tok);
		if (!r ||
		    (best && (r > best ||
			      (r == best && udist(c[i].tok_begin, tok) >=
						udist(c[k].tok_begin, tok)))))
			continue;
		best = r;
		k = i;
	}
	if (!best)
		return;
	out->match = (int32_t)c[k].match;
	out->entry = c[k].entry;
	out->source = source[best];
}

static uint32_t event_tok(const vigil__analysis *an, const vigil__event *e)
{
	return an->matches[an->cl.verbs[e->verb].match].tok_begin;
}

/* Candidates of sentence s from matches [*mi, ...): advances *mi. */
static size_t sentence_cands(const vigil__analysis *an, uint32_t s, size_t *mi,
			     cand *c)
{
	const vigil__sentence *st = &an->seg.sent[s];
	size_t n = 0, i;

	while (*mi < an->nmatch && an->matches[*mi].tok_begin < st->tok_begin)
		(*mi)++;
	for (; *mi < an->nmatch && an->matches[*mi].tok_begin < st->tok_end;
	     (*mi)++)
		if (an->matches[*mi].tok_end <= st->tok_end &&
		    place_of(an, (uint32_t)*mi, &c[n]))
			n++;
	for (i = 0; i < n; i++)
		mark_located(an, st->tok_begin, st->tok_end, c, n, i);
	return n;
}

static void clear_all(vigil__analysis *an)
{
	static const vigil__placed none = {-1, 0, VIGIL__PS_NONE};
	size_t i;

	for (i = 0; i < an->nevent; i++)
		an->events[i].where = none;
	for (i = 0; i < an->nfigure; i++)
		an->figures[i].where = none;
}

int vigil__places_locate(vigil__arena *a, vigil__analysis *an)
{
	size_t ev = 0, fg = 0, mi = 0, n;
	cand *c;
	uint32_t s;

	clear_all(an);
	if (!an->lx || (an->nevent == 0 && an->nfigure == 0) || an->nmatch == 0)
		return 0;
	c = vigil__arena_alloc(a, an->nmatch * sizeof(*c));
	if (!c)
		return -1;
	for (s = 0; s < an->seg.nsent; s++) {
		size_t e0 = ev, f0 = fg;
		uint32_t tb = an->seg.sent[s].tok_begin;
		uint16_t *cl;

		while (ev < an->nevent && an->events[ev].sent == s)
			ev++;
		while (fg < an->nfigure && an->figures[fg].sent == s)
			fg++;
		if (e0 == ev && f0 == fg)
			continue;
		n = sentence_cands(an, s, &mi, c);
		if (n == 0)
			continue;
		cl = vigil__sentence_clauses(a, an, s);
		if (!cl)
			return -1;
		for (; e0 < ev; e0++)
			locate_one(c, n, cl, tb, event_tok(an, &an->events[e0]),
				   &an->events[e0].where);
		for (; f0 < fg; f0++)
			locate_one(c, n, cl, tb, an->figures[f0].q.num_begin,
				   &an->figures[f0].where);
	}
	return 0;
}
