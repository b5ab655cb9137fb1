/*
 * events.c: turns the clause stage's verbs into events. Compound subjects
 * and objects ("both Moscow and Pyongyang") expand into one event per
 * actor-recipient pair, and a compound doing a symmetric action ("A and B
 * met") one event each way; "between A and B" gives A -> B; a recipient equal
 * to the actor is dropped; a noun event without recipient ("an additional
 * dispatch of troops") takes the recipient of the last event of the same
 * code and actor country (event anaphora). Rules: docs/internals/clause.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "events.h"

#define MAX_MEMBERS 4      /* members of a compound expanded into events */
#define ANAPHORA_REACH 64  /* earlier events searched for event anaphora */

typedef struct builder {
	vigil__arena *a;
	const vigil__clauses *cl;
	const vigil__token *tok;
	const vigil__match *m;
	const vigil__lexicon *lx;
	vigil__event *ev;
	size_t n, cap;
	size_t sent_first;  /* first event of the current sentence */
} builder;

static const char *verb_code(const builder *b, uint32_t verb)
{
	return vigil__lexicon_entry_code(b->lx,
					 (uint32_t)b->cl->verbs[verb].entry);
}

/* The members of the compound whose first actor is `first`. */
static size_t members(const vigil__clauses *cl, int32_t first, int32_t *out)
{
	size_t k, n;

	if (first < 0)
		return 0;
	n = cl->actors[first].ngroup ? cl->actors[first].ngroup : 1;
	if (n > MAX_MEMBERS)
		n = MAX_MEMBERS;
	for (k = 0; k < n; k++)
		out[k] = first + (int32_t)k;
	return n;
}

static const char *code_of(const builder *b, int32_t actor)
{
	return actor < 0 ? "" : b->cl->actors[actor].code;
}

/* An earlier event with the same code and actor country that has a
 * recipient: "an additional dispatch of troops" continues "send troops to
 * Russia". */
static int32_t anaphoric_recipient(const builder *b, const vigil__cverb *v,
				   int32_t actor)
{
	const char *code = verb_code(b, (uint32_t)(v - b->cl->verbs));
	const char *country = b->cl->actors[actor].country;
	size_t k, stop = b->n > ANAPHORA_REACH ? b->n - ANAPHORA_REACH : 0;

	if (!country[0])
		return -1;
	for (k = b->n; k-- > stop;) {
		const vigil__event *e = &b->ev[k];

		if (e->recipient < 0 || e->actor < 0 ||
		    strcmp(b->cl->actors[e->actor].country, country) != 0 ||
		    strcmp(e->cameo, code) != 0)
			continue;
		return e->recipient;
	}
	return -1;
}

static void widen(const builder *b, vigil__event *e, uint32_t tb, uint32_t te)
{
	uint32_t begin = b->tok[tb].off;
	uint32_t end = b->tok[te - 1].off + b->tok[te - 1].len;

	if (begin < e->span_begin)
		e->span_begin = begin;
	if (end > e->span_end)
		e->span_end = end;
}

static void set_span(const builder *b, vigil__event *e)
{
	const vigil__match *m = &b->m[b->cl->verbs[e->verb].match];
	int32_t who[2];
	size_t i;

	e->span_begin = UINT32_MAX;
	e->span_end = 0;
	widen(b, e, m->tok_begin, m->tok_end);
	who[0] = e->actor;
	who[1] = e->recipient;
	for (i = 0; i < 2; i++) {
		const vigil__actor *a = who[i] >= 0 ? &b->cl->actors[who[i]] : NULL;

		if (a && a->sent == e->sent)
			widen(b, e, a->tok_begin, a->tok_end);
	}
}

/* Adds (actor, recipient) for verb `vi` unless the sentence has it. */
static int add_event(builder *b, uint32_t vi, int32_t actor,
		     int32_t recipient, uint16_t rules)
{
	const vigil__cverb *v = &b->cl->verbs[vi];
	const char *code = verb_code(b, vi);
	vigil__event *e;
	size_t k;

	if (recipient >= 0 && actor >= 0 &&
	    strcmp(code_of(b, actor), code_of(b, recipient)) == 0)
		recipient = -1;
	if (actor < 0 && recipient < 0)
		return 0;
	for (k = b->sent_first; k < b->n; k++) {
		e = &b->ev[k];
		if (strcmp(code_of(b, e->actor), code_of(b, actor)) != 0 ||
		    strcmp(code_of(b, e->recipient), code_of(b, recipient)) != 0 ||
		    strcmp(e->cameo, code) != 0)
			continue;
		if (b->cl->verbs[e->verb].noun && !v->noun) {
			e->verb = vi; /* the verb is the better trigger */
			set_span(b, e);
		}
		return 0;
	}
	if (b->n == b->cap &&
	    vigil__arena_grow(b->a, (void **)&b->ev, &b->cap, b->n + 1,
			      sizeof(*b->ev)) < 0)
		return -1;
	e = &b->ev[b->n];
	memset(e, 0, sizeof(*e));
	e->sent = v->sent;
	e->n = (uint32_t)(b->n - b->sent_first + 1);
	e->verb = vi;
	e->actor = actor;
	e->recipient = recipient;
	e->rules = (uint16_t)(v->rules | rules);
	e->cameo = code;
	set_span(b, e);
	b->n++;
	return 0;
}

/*
 * Symmetric actions: "A and B met / signed a treaty / clashed" is A -> B and
 * B -> A. A row is a CAMEO prefix and, where the code also covers one-sided
 * verbs (190 is "attack" as well as "clash"), the first words of the
 * dictionary phrases that are symmetric (a stem; NULL: every phrase).
 */
#define MAX_STEMS 5

static const struct {
	const char *prefix;
	const char *stems[MAX_STEMS];
} symmetric[] = {
	{"040", {NULL}},	/* consult, meet, hold talks */
	{"041", {NULL}},	/* by telephone */
	{"044", {NULL}},	/* meet at a third location */
	{"046", {NULL}},	/* negotiate */
	{"036", {NULL}},	/* agree to meet */
	{"03", {"agree", "pledg", "commit"}}, /* agree to cooperate, to a
						* ceasefire; pledge jointly */
	{"050", {NULL}},	/* restore relations */
	{"057", {NULL}},	/* sign, reach an agreement */
	{"060", {NULL}},	/* cooperate */
	{"064", {"exchang"}},	/* exchange intelligence */
	{"0841", {"swap", "exchang", "prisoner", "POW"}},
	{"0871", {NULL}},	/* ceasefire, truce (between A and B) */
	{"19", {"fight", "fought", "clash", "battl", "exchang"}},
};

static int stem_matches(const char *phrase, const char *const *stems)
{
	size_t k;

	if (!stems[0])
		return 1;
	if (*phrase == '+')
		phrase++;
	for (k = 0; k < MAX_STEMS && stems[k]; k++)
		if (strncmp(phrase, stems[k], strlen(stems[k])) == 0)
			return 1;
	return 0;
}

/* Whether verb `vi`'s entry (its code and the phrase that matched) is a
 * symmetric action. */
static int is_symmetric(const builder *b, uint32_t vi)
{
	const char *code = verb_code(b, vi);
	vigil__entry e;
	size_t k;

	if (!code)
		return 0;
	for (k = 0; k < sizeof(symmetric) / sizeof(symmetric[0]); k++) {
		if (strncmp(code, symmetric[k].prefix,
			    strlen(symmetric[k].prefix)) != 0)
			continue;
		if (!symmetric[k].stems[0])
			return 1;
		vigil__lexicon_entry(b->lx, (uint32_t)b->cl->verbs[vi].entry, &e);
		return e.phrase && stem_matches(e.phrase, symmetric[k].stems);
	}
	return 0;
}

/* The members of a symmetric action's compound, each toward each other
 * one: A -> B, B -> A, then A -> C, C -> A, B -> C, C -> B (events
 * numbered in that order, all with the same trigger). */
static int reciprocal_events(builder *b, uint32_t vi, const int32_t *who,
			     size_t n)
{
	size_t i, j;

	for (j = 1; j < n; j++)
		for (i = 0; i < j; i++)
			if (add_event(b, vi, who[i], who[j], 0) < 0 ||
			    add_event(b, vi, who[j], who[i], 0) < 0)
				return -1;
	return 0;
}

/* Whether v's object is a "between" group of a noun after the verb, and v
 * has a subject of its own: "Fornost welcomed a resumption of ties between
 * Gondor and Osgiliath" is Fornost's act toward each of them. */
static int between_of_noun(const builder *b, const vigil__cverb *v)
{
	const vigil__actor *o = &b->cl->actors[v->obj];

	return v->subj >= 0 &&
	       !(b->cl->actors[v->subj].flags & VIGIL__AF_BETWEEN) &&
	       o->tok_begin > b->m[v->match].tok_end + 1;
}

/* The compound a symmetric verb spreads over, or 0 members: its subject
 * without an object ("A and B met"), or a "between" group after it ("talks
 * between A and B", "signed between A and B"), unless it follows a noun
 * and the verb has a subject. A "between" group before
 * the verb keeps A -> B ("ties between A and B stem from a pact signed"). */
static size_t reciprocal_group(const builder *b, const vigil__cverb *v,
			       int32_t *out)
{
	const vigil__clauses *cl = b->cl;
	int32_t g = -1;

	if (v->mutual && v->subj >= 0 && v->entry >= 0)
		return members(cl, v->subj, out);
	if (v->passive)
		return 0;
	if (v->subj >= 0 && v->obj < 0 &&
	    !(cl->actors[v->subj].flags & VIGIL__AF_BETWEEN))
		g = v->subj;
	else if (v->obj >= 0 && (cl->actors[v->obj].flags & VIGIL__AF_BETWEEN) &&
		 !between_of_noun(b, v))
		g = v->obj;
	if (g < 0 || cl->actors[g].ngroup < 2 ||
	    !is_symmetric(b, (uint32_t)(v - cl->verbs)))
		return 0;
	return members(cl, g, out);
}

static int events_of_verb(builder *b, uint32_t vi)
{
	const vigil__cverb *v = &b->cl->verbs[vi];
	int32_t act[MAX_MEMBERS], rec[MAX_MEMBERS];
	size_t na, nr, i, j;
	uint16_t rules = 0;

	if (v->entry < 0)
		return 0;
	na = reciprocal_group(b, v, act);
	if (na >= 2)
		return reciprocal_events(b, vi, act, na);
	if ((v->rules & VIGIL__R_BETWEEN) && v->subj < 0) {
		/* "a ceasefire between A and B", one-sided code: A -> B */
		act[0] = v->obj;
		rec[0] = v->obj + 1;
		na = nr = 1;
	} else if (v->rules & VIGIL__R_BETWEEN) {
		act[0] = v->subj;
		rec[0] = v->obj;
		na = nr = 1;
	} else {
		na = members(b->cl, v->subj, act);
		nr = members(b->cl, v->obj, rec);
	}
	if (na == 0 && !((v->passive || v->noun_subj) && nr > 0))
		return 0;
	if (na > 0 && nr == 0 && v->noun) {
		rec[0] = anaphoric_recipient(b, v, act[0]);
		if (rec[0] >= 0) {
			nr = 1;
			rules = VIGIL__R_ANAPHORA;
		}
	}
	for (i = 0; i < (na ? na : 1); i++)
		for (j = 0; j < (nr ? nr : 1); j++)
			if (add_event(b, vi, na ? act[i] : -1, nr ? rec[j] : -1,
				      rules) < 0)
				return -1;
	return 0;
}

int vigil__events_build(vigil__arena *a, const vigil__clauses *cl,
			const vigil__token *tok, const vigil__match *m,
			const vigil__lexicon *lx, vigil__event **out,
			size_t *nout)
{
	builder b;
	size_t i;

	memset(&b, 0, sizeof(b));
	b.a = a;
	b.cl = cl;
	b.tok = tok;
	b.m = m;
	b.lx = lx;
	*out = NULL;
	*nout = 0;
	for (i = 0; i < cl->nverb; i++) {
		if (i == 0 || cl->verbs[i].sent != cl->verbs[i - 1].sent)
			b.sent_first = b.n;
		if (events_of_verb(&b, (uint32_t)i) < 0)
			return -1;
	}
	*out = b.ev;
	*nout = b.n;
	return 0;
}
