/*
 * places.c: event_loc of events and figures. A record gets the [places]
 * match of its own clause that stands in a locative form ("in X", "near
 * X", "Russia's X region", "the X region of Russia"), else such a match
 * elsewhere in its sentence, else an admin1 or city of its sentence that is
 * no actor; the nearest to the record's anchor token wins; never a place of
 * another sentence. A phrase with places of several countries ("Georgia",
 * "Tripoli") takes the one of the countries the document names most.
 * Rules: docs/internals/places.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "analysis.h"

/* A place match of the sentence being located. */
typedef struct cand {
	uint32_t match, entry;
	uint32_t tok_begin, tok_end;
	uint8_t country;   /* type=country */
	uint8_t actor;	   /* the phrase is also an actor ("Pyongyang") */
	uint8_t located;   /* in a locative form */
	uint8_t target;	   /* a country fired or aimed "at" */
	uint8_t qualifier; /* the country of another place ("Russia's X") */
	uint8_t named;	   /* a capitalised word follows: part of a name */
	uint8_t patient;   /* object of a verb, or subject of a passive one */
	uint8_t inferred;  /* a bare "the capital": never refines a country */
	const char *ctry;  /* its entry's country (alpha-3), or NULL */
} cand;

#define PLACE_ALTS 8
#define PLACE_CAPITALS 4 /* bare "the capital"s located per sentence */

typedef struct vigil__place_evidence evidence;

/* A [places] entry of a match: its slot, country and whether it is one. */
typedef struct alt {
	uint32_t entry;
	const char *country;
	uint8_t is_country;
	uint8_t has_pt; /* lat and lon given */
} alt;

/* What the sentence loop shares: the document and its evidence. */
typedef struct ctx {
	const vigil__analysis *an;
	vigil__place_doc doc;
} ctx;

const char *vigil__place_source_name(int src)
{
	static const char *const names[] = {"none", "clause", "sentence",
					    "bare"};

	if (src < 0 || src >= (int)(sizeof(names) / sizeof(names[0])))
		return names[0];
	return names[src];
}

void vigil__place_entry(const vigil__lexicon *lx, uint32_t entry,
			vigil__entry *e)
{
	vigil__lexicon_entry(lx, entry, e);
	e->phrase = vigil__lexicon_entry_line_head(lx, entry);
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

/* A lower-case word and its length (tables are scanned by length first). */
typedef struct word {
	const char *w;
	uint8_t n;
} word;

#define W(s)                                                                   \
	{                                                                      \
		s, sizeof(s) - 1                                               \
	}

/* Words that put a place after them (lower case; sorted is not needed). */
static const word preps[] = {
    W("in"),	     W("at"),	  W("near"),   W("into"),   W("from"),
    W("on"),	     W("across"), W("over"),   W("inside"), W("outside"),
    W("throughout"), W("within"), W("around"), W("through")};

/* Prepositions that locate only a region or city: "sanctions on Russia",
 * "concerns over Iran" are no places. */
static const word country_shy[] = {W("on"), W("over")};

/* The preposition of a target: "firing at Israel" names where the fire
 * lands, not where the act happens. */
static const word target_preps[] = {W("at")};

/* Words that may stand between the preposition and the place. */
static const word fillers[] = {
    W("the"),		W("eastern"),	    W("western"),
    W("northern"),	W("southern"),	    W("central"),
    W("northeastern"),	W("northwestern"),  W("southeastern"),
    W("southwestern"),	W("north-eastern"), W("north-western"),
    W("south-eastern"), W("south-western"), W("east"),
    W("west"),		W("north"),	    W("south"),
    W("occupied"),	W("besieged"),	    W("frontline"),
    W("front-line"),	W("embattled"),	    W("neighbouring"),
    W("neighboring"),	W("border")};

/* Settlement nouns: fillers too ("in Mali's capital Bamako"), and before
 * "of" ("in the town of Pont-Sonde"). */
static const word settlements[] = {W("capital"), W("city"), W("town"),
				   W("village"), W("port")};

/* Nouns after a place that "the X region of Y" allows. */
static const word region_nouns[] = {
    W("region"),      W("regions"), W("province"), W("oblast"),
    W("governorate"), W("state"),   W("district"), W("area")};

/* Whether token t, case-folded (ASCII), is one of words[0..n). */
static int tok_in(const vigil__analysis *an, uint32_t t, const word *words,
		  size_t n)
{
	const vigil__token *k = &an->seg.tok[t];
	const char *p = an->text + k->off;
	size_t i, j;

	if (k->type != VIGIL_TOK_WORD || k->len > 16)
		return 0;
	for (i = 0; i < n; i++) {
		if (words[i].n != k->len)
			continue;
		for (j = 0; j < k->len; j++) {
			char c = p[j];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != words[i].w[j])
				break;
		}
		if (j == k->len)
			return 1;
	}
	return 0;
}

#define IN(an, t, tbl) tok_in(an, t, tbl, sizeof(tbl) / sizeof(tbl[0]))

static int tok_is_of(const vigil__analysis *an, uint32_t t)
{
	static const word of[] = {W("of")};

	return IN(an, t, of);
}

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
		if (IN(an, t - 1, fillers) || IN(an, t - 1, settlements)) {
			t--;
		} else if (t - 1 > tb && tok_is_of(an, t - 1) &&
			   IN(an, t - 2, settlements)) {
			t -= 2;
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
	    !(q->country && IN(an, t - 1, country_shy))) {
		q->located = 1;
		q->target = q->country && IN(an, t - 1, target_preps);
	}
	if (q->country) {
		if (u < te && an->seg.tok[u].type == VIGIL_TOK_POSS)
			q->located = 0; /* "over North Korea's plans" */
		return;
	}
	if (u < te && IN(an, u, region_nouns))
		u++;
	if (u + 1 < te && tok_is_of(an, u) && (o = starting_at(c, n, u + 1)) &&
	    o->country) {
		o->qualifier = 1;
		q->located = 1;
	}
}

/* The [places] entries of match k valid on the document's date (up to
 * PLACE_ALTS, in dictionary order); sets *actor when an actor entry shares
 * the phrase. */
static size_t place_alts(const vigil__place_doc *d, uint32_t k, alt *out,
			 uint8_t *actor)
{
	const vigil__match *m = &d->m[k];
	uint32_t i;
	size_t n = 0;

	*actor = 0;
	if (!vigil__match_has_kind(m, VIGIL_KIND_PLACE) &&
	    !vigil__match_has_kind(m, VIGIL_KIND_ACTOR))
		return 0;
	for (i = m->entry_first; i < m->entry_first + m->entry_count; i++) {
		int kind = vigil__lexicon_entry_kind_on(d->lx, i, d->date);

		if (kind == VIGIL_KIND_ACTOR)
			*actor = 1;
		if (kind == VIGIL_KIND_PLACE && n < PLACE_ALTS)
			out[n++].entry = i;
	}
	return n;
}

/* Fills country and is_country of alts[0..n); returns whether they name
 * one country only. */
static int alts_detail(const vigil__lexicon *lx, alt *alts, size_t n)
{
	size_t i;
	int one = 1, is_country, has_pt;

	for (i = 0; i < n; i++) {
		alts[i].country = vigil__lexicon_entry_place(
			lx, alts[i].entry, &is_country, &has_pt);
		alts[i].is_country = (uint8_t)is_country;
		alts[i].has_pt = (uint8_t)has_pt;
		if (i && (!alts[i].country || !alts[0].country ||
			  strcmp(alts[i].country, alts[0].country) != 0))
			one = 0;
	}
	return one;
}

static int evidence_slot(evidence *ev, const char *country, int add)
{
	int i;

	for (i = 0; i < ev->n; i++)
		if (ev->country[i] == country ||
		    strcmp(ev->country[i], country) == 0)
			return i;
	if (!add || ev->n >= VIGIL__EVIDENCE_MAX)
		return -1;
	ev->country[ev->n] = country;
	ev->weight[ev->n] = 0;
	return ev->n++;
}

/* Counts the document's mentions of places of one country. */
static void evidence_build(const vigil__place_doc *d, evidence *ev)
{
	alt alts[PLACE_ALTS];
	uint8_t actor;
	size_t k, n;
	int i;

	ev->built = 1;
	for (k = 0; k < d->nm; k++) {
		n = place_alts(d, (uint32_t)k, alts, &actor);
		if (n == 0 || !alts_detail(d->lx, alts, n) || !alts[0].country)
			continue;
		i = evidence_slot(ev, alts[0].country, 1);
		if (i >= 0 && ev->weight[i] < UINT16_MAX - 2)
			ev->weight[i] += alts[0].is_country || actor ? 1 : 2;
	}
}

/* The entry of alts[0..n) whose country the document names most; a country
 * entry counts one more (a bare "Georgia" is the country unless the text
 * names places of the other); ties keep dictionary order. */
static uint32_t choose_alt(vigil__place_doc *d, const alt *alts, size_t n)
{
	size_t i, best = 0;
	int w, best_w = -1, j;

	if (!d->ev->built)
		evidence_build(d, d->ev);
	for (i = 0; i < n; i++) {
		j = alts[i].country ? evidence_slot(d->ev, alts[i].country, 0)
				    : -1;
		w = (j >= 0 ? d->ev->weight[j] : 0) + alts[i].is_country;
		if (w > best_w) {
			best_w = w;
			best = i;
		}
	}
	return alts[best].entry;
}

/* The first of alts[0..n) (one country) with coordinates: an alias of
 * country_aliases.vd ("Russia") and its gazetteer line with lat/lon. */
static uint32_t first_with_pt(const alt *alts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (alts[i].has_pt)
			return alts[i].entry;
	return alts[0].entry;
}

void vigil__place_doc_init(vigil__place_doc *d, const vigil__lexicon *lx,
			   const vigil__match *m, size_t nm, uint32_t date,
			   struct vigil__place_evidence *ev)
{
	d->lx = lx;
	d->m = m;
	d->nm = nm;
	d->date = date;
	d->ev = ev;
}

int vigil__place_elsewhere(vigil__place_doc *d, uint32_t k,
			   const char *country)
{
	alt alts[PLACE_ALTS];
	uint8_t actor;
	size_t n = place_alts(d, k, alts, &actor);
	vigil__entry e;

	if (n < 2 || !country || alts_detail(d->lx, alts, n))
		return 0;
	vigil__lexicon_entry(d->lx, choose_alt(d, alts, n), &e);
	return e.country && strcmp(e.country, country) != 0;
}

/* Match k as a candidate: its [places] entry (chosen by the document's
 * countries when it has several), whether it is a country or an actor too;
 * 0 when it is no place. */
static int place_of(ctx *x, uint32_t k, cand *out)
{
	const vigil__analysis *an = x->an;
	const vigil__match *m = &an->matches[k];
	alt alts[PLACE_ALTS];
	size_t n;
	vigil__entry e;

	memset(out, 0, sizeof(*out));
	n = place_alts(&x->doc, k, alts, &out->actor);
	if (n == 0)
		return 0;
	if (n == 1)
		out->entry = alts[0].entry;
	else if (alts_detail(an->lx, alts, n))
		out->entry = first_with_pt(alts, n);
	else
		out->entry = choose_alt(&x->doc, alts, n);
	vigil__lexicon_entry(an->lx, out->entry, &e);
	out->match = k;
	out->tok_begin = m->tok_begin;
	out->tok_end = m->tok_end;
	out->country = e.type && strcmp(e.type, "country") == 0;
	out->ctry = e.country;
	out->named = m->tok_end < an->seg.ntok &&
		     an->seg.tok[m->tok_end].type == VIGIL_TOK_WORD &&
		     (an->seg.tok[m->tok_end].flags & VIGIL_TF_CAP);
	return 1;
}

static uint32_t udist(uint32_t a, uint32_t b)
{
	return a > b ? a - b : b - a;
}

/* Rank of candidate q for a record at tok (lower is better); 0 if none:
 * located (own clause, sentence), a target country (own clause, sentence:
 * after every other located place, so "fired from southern Lebanon at
 * Israel" is in Lebanon), then bare regions and cities. */
static int rank_of(const cand *q, const uint16_t *cl, uint32_t tb, uint32_t tok)
{
	int same = cl[q->tok_begin - tb] == cl[tok - tb];

	if (q->qualifier)
		return 0;
	if (q->located)
		return (q->target ? 3 : 1) + !same;
	if (q->country || q->named || (q->actor && !q->patient))
		return 0;
	return same ? 5 : 6;
}

/* A finer candidate than country c[k] in that country ("captured Goma,
 * the largest city in eastern Congo"): the best ranked, nearest to tok. */
static size_t refine_country(const cand *c, size_t n, const uint16_t *cl,
			     uint32_t tb, uint32_t tok, size_t k)
{
	size_t i, best = k;
	int r, best_r = 0;

	if (!c[k].country || !c[k].ctry)
		return k;
	for (i = 0; i < n; i++) {
		if (c[i].country || c[i].inferred || !c[i].ctry ||
		    strcmp(c[i].ctry, c[k].ctry))
			continue;
		r = rank_of(&c[i], cl, tb, tok);
		if (!r || (best_r && (r > best_r ||
				      (r == best_r &&
				       udist(c[i].tok_begin, tok) >=
					       udist(c[best].tok_begin, tok)))))
			continue;
		best_r = r;
		best = i;
	}
	return best;
}

static void locate_one(const cand *c, size_t n, const uint16_t *cl, uint32_t tb,
		       uint32_t tok, vigil__placed *out)
{
	static const uint8_t source[] = {
	    VIGIL__PS_NONE,   VIGIL__PS_CLAUSE, VIGIL__PS_SENTENCE,
	    VIGIL__PS_CLAUSE, VIGIL__PS_SENTENCE, VIGIL__PS_BARE,
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
	k = refine_country(c, n, cl, tb, tok, k);
	out->match = (int32_t)c[k].match;
	out->entry = c[k].entry;
	out->source = source[best];
}

static uint32_t event_tok(const vigil__analysis *an, const vigil__event *e)
{
	return an->matches[an->cl.verbs[e->verb].match].tok_begin;
}

/* Whether actor k (a group's first member) or one of its members spans
 * candidate q. */
static int actor_holds(const vigil__analysis *an, int32_t k, const cand *q)
{
	size_t i, end;

	if (k < 0)
		return 0;
	end = (size_t)k + (an->cl.actors[k].ngroup ? an->cl.actors[k].ngroup : 1);
	for (i = (size_t)k; i < end && i < an->cl.nactor; i++)
		if (an->cl.actors[i].tok_begin <= q->tok_begin &&
		    q->tok_end <= an->cl.actors[i].tok_end)
			return 1;
	return 0;
}

/* Whether verb v acts where its patient is: CAMEO 04 (visit, meet), 15
 * (force posture), 17-20 (coerce, assault, fight, mass violence); "Putin
 * visited Pyongyang" is in Pyongyang, "Pyongyang criticized Seoul" is not
 * in Seoul. */
static int acts_on_place(const vigil__analysis *an, const vigil__cverb *v)
{
	static const char roots[][3] = {"04", "15", "17", "18", "19", "20"};
	const char *code;
	size_t i;

	if (v->entry < 0)
		return 0;
	code = vigil__lexicon_entry_code(an->lx, (uint32_t)v->entry);
	for (i = 0; code && i < sizeof(roots) / sizeof(roots[0]); i++)
		if (code[0] == roots[i][0] && code[1] == roots[i][1])
			return 1;
	return 0;
}

/* Marks the candidates that a verb of sentence s acts on in place
 * ("seized Damascus", "Kyiv was attacked"); *vi advances over the verbs
 * (text order). */
static void mark_patients(const vigil__analysis *an, uint32_t s, size_t *vi,
			  cand *c, size_t n)
{
	size_t i;

	while (*vi < an->cl.nverb && an->cl.verbs[*vi].sent < s)
		(*vi)++;
	for (; *vi < an->cl.nverb && an->cl.verbs[*vi].sent == s; (*vi)++) {
		const vigil__cverb *v = &an->cl.verbs[*vi];
		int32_t k = v->obj; /* a passive's patient too */

		if (k < 0 || !acts_on_place(an, v))
			continue;
		for (i = 0; i < n; i++)
			if (actor_holds(an, k, &c[i]))
				c[i].patient = 1;
	}
}

/* The country of match k's entries valid on the document's date: a place's
 * country, or the alpha-3 of a country, capital or demonym actor ("Haiti",
 * "Port-au-Prince", "Haitian"), written into buf; NULL when none. */
static const char *match_country(const vigil__place_doc *d, uint32_t k,
				 char buf[4])
{
	const vigil__match *m = &d->m[k];
	vigil__entry e;
	uint32_t i;
	int kind;

	if (!vigil__match_has_kind(m, VIGIL_KIND_PLACE) &&
	    !vigil__match_has_kind(m, VIGIL_KIND_ACTOR))
		return NULL;
	for (i = m->entry_first; i < m->entry_first + m->entry_count; i++) {
		kind = vigil__lexicon_entry_kind_on(d->lx, i, d->date);
		if (kind != VIGIL_KIND_PLACE && kind != VIGIL_KIND_ACTOR)
			continue;
		vigil__lexicon_entry(d->lx, i, &e);
		if (kind == VIGIL_KIND_PLACE && e.country)
			return e.country;
		if (kind == VIGIL_KIND_ACTOR && e.type && e.code &&
		    strlen(e.code) >= 3 &&
		    (!strcmp(e.type, "country") || !strcmp(e.type, "capital") ||
		     !strcmp(e.type, "demonym"))) {
			memcpy(buf, e.code, 3);
			buf[3] = '\0';
			return buf;
		}
	}
	return NULL;
}

/* Nouns that make "the capital" no place ("the capital markets"). */
static const word capital_nouns[] = {
    W("markets"),     W("market"),	W("punishment"), W("gains"),
    W("flight"),      W("flows"),	W("controls"),	 W("expenditure"),
    W("spending"),    W("investment"), W("requirements"), W("offence"),
    W("offense"),     W("crime"),	W("crimes"),	 W("letters")};

/* Whether token t is a bare "the capital": "the" before it, no country or
 * demonym (those are dictionary phrases: "Haiti's capital", "the Haitian
 * capital"), no name, "of" or compound noun after it. */
static int bare_capital(const vigil__analysis *an, uint32_t tb, uint32_t te,
			uint32_t t)
{
	static const word capital[] = {W("capital")}, the[] = {W("the")};
	const vigil__token *k = &an->seg.tok[t], *nx;

	if ((an->text[k->off] | 32) != 'c' || t <= tb ||
	    !IN(an, t, capital) || !IN(an, t - 1, the))
		return 0;
	if (t + 1 >= te)
		return 1;
	nx = &an->seg.tok[t + 1];
	return !(nx->type == VIGIL_TOK_WORD && (nx->flags & VIGIL_TF_CAP)) &&
	       !tok_is_of(an, t + 1) && !IN(an, t + 1, capital_nouns);
}

/* Whether token t lies inside a match before matches[mi] (matches do not
 * overlap and come in text order). */
static int inside_match(const vigil__analysis *an, size_t mi, uint32_t t)
{
	while (mi > 0 && an->matches[mi - 1].tok_begin > t)
		mi--;
	return mi > 0 && an->matches[mi - 1].tok_end > t;
}

/* The candidate of a bare "the capital" at token t: the capital of the
 * country in view, the country of the document's last match before t that
 * names one (a country, capital or demonym actor, or a place), through the
 * lexicon's capital index. An actor-like candidate: a place only when
 * located ("in the capital"). 0 when no country or capital is known. */
static int capital_cand(ctx *x, size_t mi, uint32_t t, cand *out)
{
	const vigil__analysis *an = x->an;
	const char *ctry = NULL;
	char buf[4];
	int64_t entry;
	vigil__entry e;
	size_t k = mi;

	while (k > 0 && an->matches[k - 1].tok_begin >= t)
		k--;
	while (k > 0 && !(ctry = match_country(&x->doc, (uint32_t)(k - 1), buf)))
		k--;
	if (!ctry || (entry = vigil__lexicon_capital(an->lx, ctry)) < 0)
		return 0;
	memset(out, 0, sizeof(*out));
	out->match = (uint32_t)(k - 1);
	out->entry = (uint32_t)entry;
	out->tok_begin = t;
	out->tok_end = t + 1;
	out->actor = 1;
	out->inferred = 1;
	vigil__lexicon_entry(an->lx, out->entry, &e);
	out->ctry = e.country;
	return 1;
}

/* Whether sentence st's text holds "apital" (memchr over its 'p's before
 * any token is looked at: most sentences have none). */
static int has_capital(const vigil__analysis *an, const vigil__sentence *st)
{
	const vigil__token *a, *z;
	const char *p, *end;

	if (st->tok_end <= st->tok_begin)
		return 0;
	a = &an->seg.tok[st->tok_begin];
	z = &an->seg.tok[st->tok_end - 1];
	p = an->text + a->off + 1;
	end = an->text + z->off + z->len;
	while (end - p >= 5 && (p = memchr(p, 'p', (size_t)(end - p - 4)))) {
		if (p[-1] == 'a' && memcmp(p + 1, "ital", 4) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* Candidates of sentence s from matches [*mi, ...), then its bare "the
 * capital"s (at most PLACE_CAPITALS): advances *mi. */
static size_t sentence_cands(ctx *x, uint32_t s, size_t *mi, cand *c)
{
	const vigil__analysis *an = x->an;
	const vigil__sentence *st = &an->seg.sent[s];
	size_t n = 0, i, caps;
	uint32_t t;

	while (*mi < an->nmatch && an->matches[*mi].tok_begin < st->tok_begin)
		(*mi)++;
	for (; *mi < an->nmatch && an->matches[*mi].tok_begin < st->tok_end;
	     (*mi)++)
		if (an->matches[*mi].tok_end <= st->tok_end &&
		    place_of(x, (uint32_t)*mi, &c[n]))
			n++;
	for (t = has_capital(an, st) ? st->tok_begin : st->tok_end, caps = 0;
	     t < st->tok_end && caps < PLACE_CAPITALS; t++)
		if (an->seg.tok[t].len == 7 &&
		    bare_capital(an, st->tok_begin, st->tok_end, t) &&
		    !inside_match(an, *mi, t) && capital_cand(x, *mi, t, &c[n])) {
			n++;
			caps++;
		}
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

/* Whether any candidate can be a record's place (rank_of above 0 for some
 * clause): sentences without one need no clause numbers. */
static int any_rankable(const cand *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!c[i].qualifier &&
		    (c[i].located ||
		     !(c[i].country || c[i].named ||
		       (c[i].actor && !c[i].patient))))
			return 1;
	return 0;
}

int vigil__places_locate(vigil__arena *a, vigil__analysis *an)
{
	size_t ev = 0, fg = 0, mi = 0, vi = 0, n;
	cand *c;
	uint32_t s;
	ctx x;

	clear_all(an);
	if (!an->lx || (an->nevent == 0 && an->nfigure == 0) || an->nmatch == 0)
		return 0;
	c = vigil__arena_alloc(a, (an->nmatch + PLACE_CAPITALS) * sizeof(*c));
	if (!c)
		return -1;
	memset(&x, 0, sizeof(x));
	x.an = an;
	vigil__place_doc_init(&x.doc, an->lx, an->matches, an->nmatch,
			      an->date, &an->cl.place_ev);
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
		n = sentence_cands(&x, s, &mi, c);
		mark_patients(an, s, &vi, c, n);
		if (n == 0 || !any_rankable(c, n))
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
