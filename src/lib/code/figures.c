/*
 * figures.c: figure records from quantity phrases. A COUNT phrase (never a
 * distance, year, age, sum of money, percentage or duration; never "the two
 * nations") becomes a figure when a predicate of its clause names what
 * happened to it ("have been deployed", "killed 20 civilians") or its unit
 * says so ("3,000 casualties"); the category comes from static tables of
 * word forms and CAMEO codes. The subject is the actor phrase of the unit
 * ("North Korean troops" -> PRKMIL), for "of these soldiers" the last actor
 * of that sector, for a bare "troops" the deploying actor or the one group
 * of that sector its sentence (or the one before) names; said_by is the
 * attribution of the predicate's verb.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "analysis.h"

#define AUX_SKIP 4     /* auxiliaries/adverbs between a subject and its verb */
#define ASIDE_REACH 16 /* tokens of an aside between a subject and its verb */
#define CONJ_NOUNS 3   /* words of a noun joined to the counted one */
#define TOLL_REACH 4   /* tokens back from "to 50" to "death toll" */
#define ANAPHOR_REACH 256 /* actors searched back for "these soldiers" */
#define CLAIMANT_REACH 4  /* tokens from a speaker to the noun it modifies */
#define FORCED_REACH 6  /* tokens from "forced" to "homes" */
#define FORCE_REACH 8   /* tokens from "has" back to "mission" */

const char *vigil__figure_category_name(int c)
{
	static const char *const names[VIGIL__FC_COUNT_] = {
		"other",     "deployed",          "killed",
		"wounded",   "killed_or_wounded", "captured",
		"missing",   "displaced",         "arrested",
		"casualties"};

	return c >= 0 && c < VIGIL__FC_COUNT_ ? names[c] : names[0];
}

typedef struct word_cat {
	const char *w; /* lowercase */
	uint8_t cat;
} word_cat;

/* Predicates, as written (participles, verb forms, predicative adjectives). */
static const word_cat predicates[] = {
	{"deployed", VIGIL__FC_DEPLOYED},   {"deploy", VIGIL__FC_DEPLOYED},
	{"deploys", VIGIL__FC_DEPLOYED},    {"deploying", VIGIL__FC_DEPLOYED},
	{"sent", VIGIL__FC_DEPLOYED},       {"send", VIGIL__FC_DEPLOYED},
	{"sends", VIGIL__FC_DEPLOYED},      {"sending", VIGIL__FC_DEPLOYED},
	{"dispatched", VIGIL__FC_DEPLOYED}, {"dispatch", VIGIL__FC_DEPLOYED},
	{"dispatching", VIGIL__FC_DEPLOYED}, {"stationed", VIGIL__FC_DEPLOYED},
	{"killed", VIGIL__FC_KILLED},       {"kill", VIGIL__FC_KILLED},
	{"kills", VIGIL__FC_KILLED},        {"killing", VIGIL__FC_KILLED},
	{"dead", VIGIL__FC_KILLED},         {"died", VIGIL__FC_KILLED},
	{"die", VIGIL__FC_KILLED},          {"slain", VIGIL__FC_KILLED},
	{"perished", VIGIL__FC_KILLED},
	{"wounded", VIGIL__FC_WOUNDED},     {"wounding", VIGIL__FC_WOUNDED},
	{"injured", VIGIL__FC_WOUNDED},     {"injuring", VIGIL__FC_WOUNDED},
	{"hurt", VIGIL__FC_WOUNDED},
	{"captured", VIGIL__FC_CAPTURED},   {"capture", VIGIL__FC_CAPTURED},
	{"capturing", VIGIL__FC_CAPTURED},
	{"detained", VIGIL__FC_ARRESTED},   {"detain", VIGIL__FC_ARRESTED},
	{"arrested", VIGIL__FC_ARRESTED},   {"arrest", VIGIL__FC_ARRESTED},
	{"missing", VIGIL__FC_MISSING},
	{"displaced", VIGIL__FC_DISPLACED}, {"displacing", VIGIL__FC_DISPLACED},
	{"fled", VIGIL__FC_DISPLACED},      {"flee", VIGIL__FC_DISPLACED},
	{"fleeing", VIGIL__FC_DISPLACED},   {"uprooted", VIGIL__FC_DISPLACED},
	{"evacuated", VIGIL__FC_DISPLACED},
	{"abducted", VIGIL__FC_CAPTURED},   {"kidnapped", VIGIL__FC_CAPTURED},
	{"operating", VIGIL__FC_DEPLOYED},
	/* weapons used ("launched 298 drones", "266 drones were shot down") */
	{"launched", VIGIL__FC_OTHER},      {"fired", VIGIL__FC_OTHER},
	{"firing", VIGIL__FC_OTHER},        {"shot", VIGIL__FC_OTHER},
	{"downed", VIGIL__FC_OTHER},        {"intercepted", VIGIL__FC_OTHER},
	{"destroyed", VIGIL__FC_OTHER},     {"jammed", VIGIL__FC_OTHER},
	/* prisoner exchanges: people set free are no longer "captured" */
	{"returned", VIGIL__FC_OTHER},      {"released", VIGIL__FC_OTHER},
	{"freed", VIGIL__FC_OTHER},         {"swapped", VIGIL__FC_OTHER},
	{"exchanged", VIGIL__FC_OTHER},     {"repatriated", VIGIL__FC_OTHER},
	{"exchange", VIGIL__FC_OTHER},      {"exchanging", VIGIL__FC_OTHER},
	{"swap", VIGIL__FC_OTHER},          {"swapping", VIGIL__FC_OTHER},
	{"release", VIGIL__FC_OTHER},       {"releasing", VIGIL__FC_OTHER},
	/* movements of people with no other category */
	{"escaped", VIGIL__FC_OTHER},       {"crossed", VIGIL__FC_OTHER},
};

/* Unit nouns that are a category by themselves ("3,000 casualties"). */
static const word_cat unit_cats[] = {
	{"casualties", VIGIL__FC_CASUALTIES}, {"losses", VIGIL__FC_CASUALTIES},
	{"dead", VIGIL__FC_KILLED},           {"deaths", VIGIL__FC_KILLED},
	{"fatalities", VIGIL__FC_KILLED},     {"wounded", VIGIL__FC_WOUNDED},
	{"injured", VIGIL__FC_WOUNDED},       {"injuries", VIGIL__FC_WOUNDED},
	{"prisoners", VIGIL__FC_CAPTURED},    {"captives", VIGIL__FC_CAPTURED},
	{"pows", VIGIL__FC_CAPTURED},         {"detainees", VIGIL__FC_ARRESTED},
	{"refugees", VIGIL__FC_DISPLACED},    {"evacuees", VIGIL__FC_DISPLACED},
};

/* Predicate verbs known only by their CAMEO code (prefixes). */
static const struct {
	const char *prefix;
	uint8_t cat;
} cameo_cats[] = {
	{"173", VIGIL__FC_ARRESTED}, {"186", VIGIL__FC_KILLED},
	{"1823", VIGIL__FC_KILLED},  {"154", VIGIL__FC_DEPLOYED},
	{"074", VIGIL__FC_DEPLOYED},
};

/* People and materiel: the units a figure may count (with "-s"/"-es"). */
typedef struct word {
	const char *w;
	uint8_t len;
} word;
#define W(s) {s, sizeof(s) - 1}
static const word countables[] = {
	W("troop"), W("soldier"), W("people"), W("person"), W("civilian"),
	W("officer"), W("fighter"), W("militant"), W("insurgent"), W("rebel"),
	W("child"), W("children"), W("woman"), W("women"), W("man"), W("men"),
	W("resident"), W("personnel"), W("police"), W("policemen"), W("serviceman"),
	W("servicemen"), W("member"), W("protester"), W("demonstrator"),
	W("migrant"), W("worker"), W("journalist"), W("citizen"), W("villager"),
	W("student"), W("prisoner"), W("hostage"), W("recruit"), W("conscript"),
	W("mercenary"), W("mercenaries"), W("marine"), W("sailor"), W("pilot"),
	W("guard"), W("volunteer"), W("refugee"), W("national"), W("casualty"),
	W("casualties"), W("loss"), W("dead"), W("death"), W("fatality"),
	W("fatalities"), W("injured"), W("wounded"), W("injury"), W("injuries"),
	W("captive"), W("pow"), W("detainee"), W("evacuee"), W("missile"),
	W("drone"), W("tank"), W("shell"), W("rocket"), W("container"), W("round"),
	W("aircraft"), W("jet"), W("plane"), W("helicopter"), W("vehicle"),
	W("artillery"), W("weapon"), W("gun"), W("rifle"), W("ship"), W("boat"),
	W("warship"), W("bomb"), W("munition"), W("munitions"), W("warhead"),
	W("launcher"), W("howitzer"), W("mine"), W("staff"), W("inmate"),
	W("peacekeeper"), W("family"), W("families"), W("infant"), W("baby"),
	W("babies"), W("projectile")
};

/* Weapons: a count of them is a figure (category other) whatever the verb
 * ("an attack of 14 ballistic missiles and 250 drones"). */
static const word weapons[] = {
	W("missile"), W("drone"), W("rocket"), W("shell"), W("bomb"),
	W("munition"), W("munitions"), W("warhead"), W("projectile")
};

/* Adverbs without "-ly" that may stand between a subject and its verb. */
static const char *const plain_adverbs[] = {
	"still", "also", "now", "already", "then", "since", "later", "all"
};

/* Whether the first n bytes of word token t are w (lowercase), ASCII
 * case-insensitively. */
static int prefix_eq(const char *text, const vigil__token *t, const char *w,
		     size_t n)
{
	size_t k;

	if (t->len < n || t->type != VIGIL_TOK_WORD)
		return 0;
	for (k = 0; k < n; k++) {
		char ch = text[t->off + k];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch + 32);
		if (ch != w[k])
			return 0;
	}
	return 1;
}

static int tok_eq(const char *text, const vigil__token *t, const char *w,
		  size_t n)
{
	return t->len == n && prefix_eq(text, t, w, n);
}

static int tok_is(const char *text, const vigil__token *t, const char *w)
{
	return tok_eq(text, t, w, strlen(w));
}

/* The category of token t in `table`, or -1. */
static int lookup(const word_cat *table, size_t n, const char *text,
		  const vigil__token *t)
{
	size_t i;

	if (t->type != VIGIL_TOK_WORD)
		return -1;
	for (i = 0; i < n; i++)
		if ((text[t->off] | 32) == table[i].w[0] &&
		    tok_is(text, t, table[i].w))
			return table[i].cat;
	return -1;
}

/* predicates[] by the low 5 bits of their first byte: the entries of
 * bucket b are order[at[b]..at[b + 1]), in table order. Built once
 * (pthread_once), constant afterwards. */
#define NPREDICATES (sizeof(predicates) / sizeof(predicates[0]))
static struct {
	uint8_t at[33];
	uint8_t order[NPREDICATES];
} pred_index;
static pthread_once_t pred_once = PTHREAD_ONCE_INIT;
_Static_assert(NPREDICATES < 256, "pred_index holds uint8_t positions");

static void index_predicates(void)
{
	uint8_t fill[32] = {0};
	size_t i, b;

	for (i = 0; i < NPREDICATES; i++)
		pred_index.at[(predicates[i].w[0] & 31) + 1]++;
	for (b = 0; b < 32; b++)
		pred_index.at[b + 1] += pred_index.at[b];
	for (i = 0; i < NPREDICATES; i++) {
		b = predicates[i].w[0] & 31;
		pred_index.order[pred_index.at[b] + fill[b]++] = (uint8_t)i;
	}
}

/* lookup(predicates, ...) through the index: the entries of t's bucket
 * only (the others differ from t in the first byte). */
static int predicate_of(const char *text, const vigil__token *t)
{
	const word_cat *w;
	size_t k, b;

	if (t->type != VIGIL_TOK_WORD)
		return -1;
	pthread_once(&pred_once, index_predicates);
	b = (unsigned char)text[t->off] & 31;
	for (k = pred_index.at[b]; k < pred_index.at[b + 1]; k++) {
		w = &predicates[pred_index.order[k]];
		if ((text[t->off] | 32) == w->w[0] && tok_is(text, t, w->w))
			return w->cat;
	}
	return -1;
}

#define PRED(text, t) predicate_of(text, t)

/* Whether t is a noun of `list`, singular or with "-s"/"-es". */
static int noun_in(const word *list, size_t count, const char *text,
		   const vigil__token *t)
{
	size_t i, n;

	if (t->type != VIGIL_TOK_WORD)
		return 0;
	for (i = 0; i < count; i++) {
		n = list[i].len;
		if (t->len < n || t->len > n + 2 ||
		    (text[t->off] | 32) != list[i].w[0] ||
		    !prefix_eq(text, t, list[i].w, n))
			continue;
		if (t->len == n ||
		    (t->len == n + 1 && (text[t->off + n] | 32) == 's') ||
		    (t->len == n + 2 && (text[t->off + n] | 32) == 'e' &&
		     (text[t->off + n + 1] | 32) == 's'))
			return 1;
	}
	return 0;
}

#define NOUN_IN(list, text, t) \
	noun_in(list, sizeof(list) / sizeof(list[0]), text, t)

static int is_adverb(const char *text, const vigil__token *t)
{
	size_t i;

	if (t->type != VIGIL_TOK_WORD)
		return 0;
	if (t->len > 3 && text[t->off + t->len - 2] == 'l' &&
	    text[t->off + t->len - 1] == 'y')
		return 1;
	for (i = 0; i < sizeof(plain_adverbs) / sizeof(plain_adverbs[0]); i++)
		if (tok_is(text, t, plain_adverbs[i]))
			return 1;
	return 0;
}

/* The sentence being worked on. */
typedef struct fctx {
	const vigil__analysis *an;
	uint32_t s, tb, te;
	const uint16_t *cl; /* clause numbers, NULL until needed */
} fctx;

static int same_clause(const fctx *c, uint32_t a, uint32_t b)
{
	return c->cl[a - c->tb] == c->cl[b - c->tb];
}

/* Whether token k is "forced"/"driven" with "homes"/"home"/"flee" within
 * FORCED_REACH tokens after `from` in k's clause: "were forced from their
 * homes", "forced 580,000 people from their homes" (displaced). */
static int forced_out(const fctx *c, uint32_t k, uint32_t from)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	uint32_t i;

	if (!tok_is(text, &tok[k], "forced") && !tok_is(text, &tok[k], "driven"))
		return 0;
	for (i = from; i < c->te && i < from + FORCED_REACH; i++)
		if (same_clause(c, k, i) &&
		    (tok_is(text, &tok[i], "homes") || tok_is(text, &tok[i], "home") ||
		     tok_is(text, &tok[i], "flee")))
			return 1;
	return 0;
}

static int is_the_those(const char *text, const vigil__token *t)
{
	return tok_is(text, t, "the") || tok_is(text, t, "those");
}

/* The category of a predicate word at k: the table's, "killed or wounded"
 * (killed_or_wounded), "forced from their homes" (displaced); -1. */
static int predicate_at(const fctx *c, uint32_t k)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	int cat = PRED(text, &tok[k]), other;

	if (cat < 0)
		return forced_out(c, k, k + 1) ? VIGIL__FC_DISPLACED : -1;
	if (k + 2 >= c->te ||
	    !(tok_is(text, &tok[k + 1], "or") || tok_is(text, &tok[k + 1], "and")))
		return cat;
	other = PRED(text, &tok[k + 2]);
	if ((cat == VIGIL__FC_KILLED && other == VIGIL__FC_WOUNDED) ||
	    (cat == VIGIL__FC_WOUNDED && other == VIGIL__FC_KILLED))
		return VIGIL__FC_KILLED_OR_WOUNDED;
	return cat;
}

/* "were taken into Gaza": abducted (captured) when a capitalized word,
 * a place, follows "into"; -1 otherwise ("taken into account"). */
static int taken_into_place(const fctx *c, uint32_t k)
{
	const vigil__token *t = &c->an->seg.tok[k];
	char first = c->an->text[t->off];

	return t->type == VIGIL_TOK_WORD && first >= 'A' && first <= 'Z'
		       ? VIGIL__FC_CAPTURED
		       : -1;
}

/* Whether k is a punctuation token ',' . */
static int comma_at(const fctx *c, uint32_t k)
{
	const vigil__token *t = &c->an->seg.tok[k];

	return t->type == VIGIL_TOK_PUNCT && c->an->text[t->off] == ',';
}

static int aux_at(const fctx *c, uint32_t k)
{
	return k < c->te && vigil__clause_is_aux(c->an->text, &c->an->seg.tok[k]);
}

/* The token after what stands between a subject quantity ending at k and
 * its auxiliary: a noun joined by "and"/"or" ("13 peacekeepers and
 * soldiers"), then an aside closed by a comma before an auxiliary (",
 * including nine South Africans, were killed"; ", some from as far away as
 * Morocco, are among those killed"), or only that comma when the quantity
 * is inside such an aside ("including nine South Africans, were"). k
 * itself when nothing such follows. */
static uint32_t subject_tail(const fctx *c, const vigil__quantity *q,
			     uint32_t k)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	uint32_t i, n;

	if (k + 1 < c->te && (tok_is(text, &tok[k], "and") ||
			      tok_is(text, &tok[k], "or"))) {
		for (i = k + 1, n = 0; i < c->te && n < CONJ_NOUNS; i++, n++)
			if (tok[i].type != VIGIL_TOK_WORD ||
			    (text[tok[i].off] >= 'A' && text[tok[i].off] <= 'Z') ||
			    aux_at(c, i) || PRED(text, &tok[i]) >= 0 ||
			    tok_is(text, &tok[i], "who") ||
			    tok_is(text, &tok[i], "that"))
				break;
		if (n > 0 && i < c->te && (comma_at(c, i) || aux_at(c, i)))
			k = i;
	}
	if (k + 1 >= c->te || !comma_at(c, k))
		return k;
	if (q->tok_begin > c->tb && aux_at(c, k + 1) &&
	    tok_is(text, &tok[q->tok_begin - 1], "including"))
		return k + 1;
	for (i = k + 1; i < c->te && i <= k + ASIDE_REACH; i++) {
		if (tok[i].type == VIGIL_TOK_PUNCT && !comma_at(c, i))
			return k;
		if (comma_at(c, i))
			return aux_at(c, i + 1) ? i + 1 : k;
	}
	return k;
}

/* The predicate after a subject quantity: "have been deployed", "were
 * killed or wounded", "were taken prisoner", "went missing", "who had
 * fled", "were among those killed". Sets *at; returns the category or
 * -1. */
static int predicate_right(const fctx *c, const vigil__quantity *q,
			   uint32_t *at)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	uint32_t k = q->tok_end, skipped = 0, from = q->num_begin, i;

	if (k + 1 < c->te && (tok_is(text, &tok[k], "who") ||
			      tok_is(text, &tok[k], "that")))
		from = ++k; /* a relative clause of the counted noun */
	else if (k < c->te && (i = subject_tail(c, q, k)) != k)
		from = k = i; /* the auxiliary after an aside */
	while (k < c->te && skipped < AUX_SKIP &&
	       (vigil__clause_is_aux(text, &tok[k]) || is_adverb(text, &tok[k]))) {
		k++;
		skipped++;
	}
	if (k >= c->te || !same_clause(c, from, k))
		return -1;
	if (k + 2 < c->te && tok_is(text, &tok[k], "among") &&
	    is_the_those(text, &tok[k + 1]))
		k += 2; /* "were among those killed" */
	*at = k;
	if (tok_is(text, &tok[k], "taken") && k + 1 < c->te &&
	    (tok_is(text, &tok[k + 1], "prisoner") ||
	     tok_is(text, &tok[k + 1], "captive") ||
	     tok_is(text, &tok[k + 1], "hostage")))
		return VIGIL__FC_CAPTURED;
	if (tok_is(text, &tok[k], "taken") && k + 2 < c->te &&
	    tok_is(text, &tok[k + 1], "into"))
		return tok_is(text, &tok[k + 2], "custody")
			       ? VIGIL__FC_ARRESTED /* "taken into custody" */
			       : taken_into_place(c, k + 2);
	if ((tok_is(text, &tok[k], "went") || tok_is(text, &tok[k], "gone")) &&
	    k + 1 < c->te && tok_is(text, &tok[k + 1], "missing"))
		return VIGIL__FC_MISSING; /* "went missing" */
	return predicate_at(c, k);
}

/* "Among the dead were N ...": the predicate word before the auxiliary
 * before the quantity; -1 if none. */
static int predicate_among(const fctx *c, const vigil__quantity *q,
			   uint32_t *at)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	uint32_t k = q->tok_begin;

	if (k < c->tb + 4 || !vigil__clause_is_aux(text, &tok[k - 1]) ||
	    !is_the_those(text, &tok[k - 3]) ||
	    !tok_is(text, &tok[k - 4], "among"))
		return -1;
	*at = k - 2;
	return PRED(text, &tok[k - 2]);
}

static int force_word(const char *text, const vigil__token *t)
{
	return tok_is(text, t, "mission") || tok_is(text, t, "force") ||
	       tok_is(text, t, "contingent");
}

/* "The mission, led by Kenya, has 400 officers": a force word at most
 * FORCE_REACH tokens before "has"/"had"/"have" at k, in its clause. */
static int force_has(const fctx *c, uint32_t k)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	uint32_t i, stop = k > c->tb + FORCE_REACH ? k - FORCE_REACH : c->tb;

	if (!tok_is(text, &tok[k], "has") && !tok_is(text, &tok[k], "had") &&
	    !tok_is(text, &tok[k], "have"))
		return 0;
	for (i = k; i-- > stop;)
		if (force_word(text, &tok[i]) && same_clause(c, i, k))
			return 1;
	return 0;
}

/* The predicate before an object quantity ("killed 20 civilians", "forced
 * 580,000 people from their homes"), "among the dead were", a force of
 * people ("a mission of 2,500 personnel", "the mission has 400 officers":
 * deployed), or the death toll ("the death toll rose to 50"). */
static int predicate_left(const fctx *c, const vigil__quantity *q,
			  uint32_t *at)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	uint32_t k, stop;
	int cat;

	if (q->tok_begin <= c->tb)
		return -1;
	k = q->tok_begin - 1;
	cat = PRED(text, &tok[k]);
	if (cat < 0 && forced_out(c, k, q->tok_end))
		cat = VIGIL__FC_DISPLACED;
	if (cat >= 0 && same_clause(c, k, q->num_begin)) {
		*at = k;
		return cat;
	}
	cat = predicate_among(c, q, at);
	if (cat >= 0)
		return cat;
	if (k > c->tb && tok_is(text, &tok[k], "of") &&
	    (cat = PRED(text, &tok[k - 1])) >= 0 &&
	    same_clause(c, k - 1, q->num_begin)) {
		*at = k - 1; /* "the exchange of 26 people" */
		return cat;
	}
	if (k > c->tb && tok_is(text, &tok[k], "of") &&
	    force_word(text, &tok[k - 1])) {
		*at = k - 1;
		return VIGIL__FC_DEPLOYED;
	}
	if (q->unit_end > q->unit_begin && force_has(c, k)) {
		*at = k;
		return VIGIL__FC_DEPLOYED;
	}
	stop = k > c->tb + TOLL_REACH ? k - TOLL_REACH : c->tb;
	for (; k > stop; k--)
		if (tok_is(text, &tok[k], "toll") && same_clause(c, k, q->num_begin)) {
			*at = k;
			return VIGIL__FC_KILLED;
		}
	return -1;
}

/* The verb match at token k, or -1 (verbs of the sentence only). */
static int32_t verb_at(const fctx *c, uint32_t k)
{
	const vigil__analysis *an = c->an;
	size_t v;

	for (v = 0; v < an->cl.nverb; v++) {
		const vigil__cverb *cv = &an->cl.verbs[v];
		const vigil__match *m = &an->matches[cv->match];

		if (cv->sent == c->s && m->tok_begin <= k && k < m->tok_end)
			return (int32_t)v;
	}
	return -1;
}

static int cameo_category(const fctx *c, int32_t v)
{
	const char *code;
	size_t i;

	if (v < 0 || c->an->cl.verbs[v].entry < 0)  /* dropped by a pattern */
		return -1;
	code = vigil__lexicon_entry_code(c->an->lx,
					 (uint32_t)c->an->cl.verbs[v].entry);
	for (i = 0; i < sizeof(cameo_cats) / sizeof(cameo_cats[0]); i++)
		if (strncmp(code, cameo_cats[i].prefix,
			    strlen(cameo_cats[i].prefix)) == 0)
			return cameo_cats[i].cat;
	return VIGIL__FC_OTHER;
}

/* A predicate word among the unit's modifiers: "thousands of displaced
 * families", "40 wounded soldiers"; -1. */
static int predicate_in_unit(const fctx *c, const vigil__quantity *q)
{
	uint32_t k;
	int cat;

	for (k = q->num_end; k + 1 < q->unit_end; k++) {
		cat = PRED(c->an->text, &c->an->seg.tok[k]);
		if (cat > VIGIL__FC_OTHER)
			return cat;
	}
	return -1;
}

/* The category of quantity q and its predicate token; -1: no figure. */
static int category_of(const fctx *c, const vigil__quantity *q, uint32_t *pred)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	int has_unit = q->unit_end > q->unit_begin;
	const vigil__token *head = has_unit ? &tok[q->unit_end - 1] : NULL;
	uint32_t right = UINT32_MAX, left = UINT32_MAX;
	int cat;

	*pred = UINT32_MAX;
	cat = predicate_right(c, q, &right);
	if (cat >= 0) {
		*pred = right;
		return cat;
	}
	if (head && q->tok_begin > c->tb &&
	    PRED(text, &tok[q->tok_begin - 1]) == VIGIL__FC_OTHER) {
		*pred = q->tok_begin - 1; /* "swapped 390 prisoners": not captured */
		return VIGIL__FC_OTHER;
	}
	if (head) {
		cat = lookup(unit_cats, sizeof(unit_cats) / sizeof(unit_cats[0]),
			     text, head);
		if (cat >= 0)
			return cat;
	}
	cat = predicate_left(c, q, &left);
	if (cat >= 0) {
		*pred = left;
		return cat;
	}
	if (!has_unit)
		return -1;
	cat = predicate_in_unit(c, q);
	if (cat >= 0)
		return cat;
	/* another verb of the dictionary: its CAMEO code, else "other" */
	if (right != UINT32_MAX)
		cat = cameo_category(c, verb_at(c, right));
	if (cat >= 0) {
		*pred = right;
		return cat;
	}
	if (q->tok_begin > c->tb)
		cat = cameo_category(c, verb_at(c, q->tok_begin - 1));
	if (cat >= 0)
		*pred = q->tok_begin - 1;
	else if (NOUN_IN(weapons, text, head))
		cat = VIGIL__FC_OTHER;
	return cat;
}

/*===== Subject and claimant ===========================================*/

/* The match covering token k, or -1 (matches are in text order). */
static int32_t match_at(const vigil__analysis *an, uint32_t k)
{
	size_t lo = 0, hi = an->nmatch;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (an->matches[mid].tok_begin <= k)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || an->matches[lo - 1].tok_end <= k)
		return -1;
	return (int32_t)(lo - 1);
}

/* The sector of the agent entry matching token k ("soldiers": MIL), or
 * NULL. */
static const char *agent_sector(const vigil__analysis *an, uint32_t k)
{
	int32_t mi = match_at(an, k);
	uint32_t e, end;

	if (mi < 0 || !an->lx)
		return NULL;
	if (!vigil__match_has_kind(&an->matches[mi], VIGIL_KIND_AGENT))
		return NULL;
	end = an->matches[mi].entry_first + an->matches[mi].entry_count;
	for (e = an->matches[mi].entry_first; e < end; e++)
		if (vigil__lexicon_entry_kind_on(an->lx, e, an->date) ==
		    VIGIL_KIND_AGENT)
			return vigil__lexicon_entry_code(an->lx, e);
	return NULL;
}

/* Sets the subject to actor k, text [b, e). With `sector` (the unit's,
 * for a group from context) the code is the actor's country + that sector:
 * "Russia" + "troops" -> RUSMIL. */
static void set_subject(const vigil__analysis *an, vigil__figure *f,
			uint32_t k, uint32_t b, uint32_t e, const char *sector)
{
	const vigil__actor *a = &an->cl.actors[k];

	f->subject = (int32_t)k;
	f->subj_begin = b;
	f->subj_end = e;
	memcpy(f->subj_country, a->country, sizeof(f->subj_country));
	if (sector && a->country[0] && strlen(sector) < sizeof(f->subj_sector)) {
		memcpy(f->subj_code, a->country, 3);
		memcpy(f->subj_code + 3, sector, strlen(sector) + 1);
		memcpy(f->subj_sector, sector, strlen(sector) + 1);
	} else {
		memcpy(f->subj_code, a->code, sizeof(f->subj_code));
		memcpy(f->subj_sector, a->sector, sizeof(f->subj_sector));
	}
}

/* Whether actor a can own a group: it has a country and is no place or
 * pronoun. */
static int owner_like(const vigil__actor *a)
{
	return a->country[0] && !(a->flags & (VIGIL__AF_PLACE | VIGIL__AF_PRONOUN));
}

#define NO_GROUP (-1)
#define MANY_GROUPS (-2)

/* The one group of sector `sector` that actors [from, to) name (speakers
 * aside: they need not own it); NO_GROUP when none, MANY_GROUPS when
 * several codes or a compound ("Russian and Ukrainian troops"). */
static int32_t only_group(const vigil__analysis *an, uint32_t from,
			  uint32_t to, const char *sector)
{
	int32_t found = NO_GROUP;
	uint32_t k;

	for (k = from; k < to; k++) {
		const vigil__actor *a = &an->cl.actors[k];

		if (!owner_like(a) || (a->flags & VIGIL__AF_FRAME))
			continue;
		if (a->group < an->cl.nactor && an->cl.actors[a->group].ngroup > 1)
			return MANY_GROUPS;
		if (strcmp(a->sector, sector) != 0)
			continue;
		if (found >= 0 && strcmp(an->cl.actors[found].code, a->code) != 0)
			return MANY_GROUPS;
		if (found < 0)
			found = (int32_t)k;
	}
	return found;
}

/* The actor deploying at predicate token p ("Russia has deployed 50,000
 * troops", "North Korea sent 11,000 soldiers"): the subject of the active
 * verb there, else the last owner actor before p in its clause that is no
 * object of a preposition; -1 if none. */
static int32_t deployer(const fctx *c, uint32_t p)
{
	const vigil__analysis *an = c->an;
	int32_t v = verb_at(c, p), found = -1;
	uint32_t k;

	if (v >= 0) {
		const vigil__cverb *cv = &an->cl.verbs[v];

		return !cv->passive && cv->subj >= 0 &&
				       owner_like(&an->cl.actors[cv->subj])
			       ? cv->subj
			       : -1;
	}
	for (k = an->sent_actor[c->s]; k < an->sent_actor[c->s + 1]; k++) {
		const vigil__actor *a = &an->cl.actors[k];

		if (a->tok_end > p)
			break;
		if (owner_like(a) && !(a->flags & VIGIL__AF_PREP) &&
		    same_clause(c, a->tok_begin, p))
			found = (int32_t)k;
	}
	return found;
}

/* A bare unit ("troops") from context: the agent of an active deployment
 * verb ("Russia has deployed 50,000 troops" -> RUSMIL), else the one group
 * of the unit's sector named before the number in the sentence, else in the
 * sentence before ("Russian forces advanced. 200 troops were killed"). */
static void subject_from_context(const fctx *c, vigil__figure *f,
				 const char *sector)
{
	const vigil__analysis *an = c->an;
	const vigil__quantity *q = &f->q;
	uint32_t k, first = an->sent_actor[c->s];
	int32_t g;

	if (f->category == VIGIL__FC_DEPLOYED && f->pred_tok != UINT32_MAX &&
	    f->pred_tok < q->num_begin && (g = deployer(c, f->pred_tok)) >= 0) {
		set_subject(an, f, (uint32_t)g, q->unit_begin, q->unit_end,
			    sector);
		return;
	}
	for (k = first; k < an->sent_actor[c->s + 1] &&
			an->cl.actors[k].tok_begin < q->num_begin;
	     k++)
		;
	g = only_group(an, first, k, sector);
	if (g == NO_GROUP && c->s > 0)
		g = only_group(an, an->sent_actor[c->s - 1], first, sector);
	if (g >= 0)
		set_subject(an, f, (uint32_t)g, q->unit_begin, q->unit_end, NULL);
}

/* A casualty word without a group ("including roughly 600 dead") counts
 * the people of the figure before it in its sentence: its subject. */
static void subject_of_previous(const vigil__analysis *an, const fctx *c,
				vigil__figure *f)
{
	const vigil__figure *p;

	if (an->nfigure < 2 || f->pred_tok != UINT32_MAX)
		return;
	p = f - 1;
	if (p->sent != c->s || p->subject < 0)
		return;
	f->subject = p->subject;
	f->subj_begin = p->subj_begin;
	f->subj_end = p->subj_end;
	memcpy(f->subj_code, p->subj_code, sizeof(f->subj_code));
	memcpy(f->subj_country, p->subj_country, sizeof(f->subj_country));
	memcpy(f->subj_sector, p->subj_sector, sizeof(f->subj_sector));
}

/* The subject: the actor phrase of the unit ("11,000 North Korean troops"
 * -> PRKMIL, text from after the number), else for a partitive "of these
 * soldiers" the last earlier actor of the unit's sector, else a group from
 * context (subject_from_context). */
static void find_subject(const fctx *c, vigil__figure *f)
{
	const vigil__analysis *an = c->an;
	const vigil__quantity *q = &f->q;
	const char *sector;
	uint32_t k, stop;

	f->subject = -1;
	for (k = an->sent_actor[c->s]; k < an->sent_actor[c->s + 1]; k++) {
		const vigil__actor *a = &an->cl.actors[k];

		if (!a->code[0] || a->tok_end <= q->num_end ||
		    a->tok_begin >= q->tok_end ||
		    (a->flags & (VIGIL__AF_PLACE | VIGIL__AF_PRONOUN)))
			continue;
		set_subject(an, f, k,
			    a->tok_begin > q->num_end ? a->tok_begin : q->num_end,
			    a->tok_end, NULL);
		return;
	}
	if (q->unit_end <= q->unit_begin)
		return;
	sector = agent_sector(an, q->unit_end - 1);
	if (!sector) {
		subject_of_previous(an, c, f);
		return;
	}
	if (q->anaphor_tok == VIGIL__QTY_NONE) {
		subject_from_context(c, f, sector);
		return;
	}
	k = an->sent_actor[c->s];
	stop = k > ANAPHOR_REACH ? k - ANAPHOR_REACH : 0;
	while (k-- > stop) {
		const vigil__actor *a = &an->cl.actors[k];

		if (a->country[0] && strcmp(a->sector, sector) == 0) {
			set_subject(an, f, k, q->anaphor_tok, q->unit_end, NULL);
			return;
		}
	}
}

/* Whether match mi is an attribution cue ("assessments"). */
static int is_attrib_cue(const vigil__analysis *an, int32_t mi)
{
	uint32_t e, end;

	if (mi < 0 || !vigil__match_has_kind(&an->matches[mi], VIGIL_KIND_CUE))
		return 0;
	end = an->matches[mi].entry_first + an->matches[mi].entry_count;
	for (e = an->matches[mi].entry_first; e < end; e++)
		if (vigil__lexicon_entry_kind_on(an->lx, e, an->date) ==
			    VIGIL_KIND_CUE &&
		    strcmp(vigil__lexicon_entry_code(an->lx, e), "ATTRIB") == 0)
			return 1;
	return 0;
}

/* The end of the claimant's text: the speaker, through an attribution
 * noun it modifies together with others ("Ukrainian and Western
 * assessments"). */
static uint32_t claimant_end(const fctx *c, const vigil__actor *sp)
{
	const vigil__analysis *an = c->an;
	const vigil__token *tok = an->seg.tok;
	uint32_t k, stop = sp->tok_end + CLAIMANT_REACH;
	int coord = 0;

	if (sp->sent != c->s)
		return sp->tok_end;
	for (k = sp->tok_end; k < c->te && k < stop; k++) {
		int32_t mi = match_at(an, k);

		if (tok[k].type == VIGIL_TOK_PUNCT)
			break;
		if (tok_is(an->text, &tok[k], "and") || tok_is(an->text, &tok[k], "or"))
			coord = 1;
		else if (coord && is_attrib_cue(an, mi))
			return an->matches[mi].tok_end;
	}
	return sp->tok_end;
}

/* said_by of the predicate's verb, else of the verb of the quantity's
 * clause nearest to it, else of the attribution frame covering the number
 * ("Kyiv said 5,000 troops were sent": one frame result shared with
 * events). */
static void find_claimant(const fctx *c, vigil__figure *f)
{
	const vigil__analysis *an = c->an;
	int32_t v = f->pred_tok != UINT32_MAX ? verb_at(c, f->pred_tok) : -1;
	uint32_t best = UINT32_MAX;
	size_t i;

	if (v < 0) {
		for (i = 0; i < an->cl.nverb; i++) {
			const vigil__cverb *cv = &an->cl.verbs[i];
			uint32_t vt = an->matches[cv->match].tok_begin;
			uint32_t d = vt > f->q.num_begin ? vt - f->q.num_begin
							 : f->q.num_begin - vt;

			if (cv->sent != c->s || !same_clause(c, vt, f->q.num_begin) ||
			    d >= best)
				continue;
			best = d;
			v = (int32_t)i;
		}
	}
	if (v >= 0) {
		f->said_by = an->cl.verbs[v].said_by;
		f->said_cue = an->cl.verbs[v].said_cue;
	} else {
		/* no verb: the clause stage's frame of the number itself */
		int32_t k = vigil__clause_frame_at(&an->cl, c->s, f->q.num_begin);

		f->said_by = k >= 0 ? an->cl.frames[k].speaker : -1;
		f->said_cue = k >= 0 ? an->cl.frames[k].cue : -1;
	}
	if (f->said_by >= 0)
		f->said_end = claimant_end(c, &an->cl.actors[f->said_by]);
}

/*===== Driver =========================================================*/

static uint32_t tok_end_byte(const vigil__token *t)
{
	return t->off + t->len;
}

/* Whether quantities a and b (a first) are joined by "and"/"or" alone,
 * both with a unit: "298 drones and 69 missiles". */
static int coordinated(const fctx *c, const vigil__quantity *a,
		       const vigil__quantity *b)
{
	const char *text = c->an->text;
	const vigil__token *t = &c->an->seg.tok[a->tok_end];

	return a->tok_end + 1 == b->tok_begin && a->unit_end > a->unit_begin &&
	       b->unit_end > b->unit_begin &&
	       (tok_is(text, t, "and") || tok_is(text, t, "or"));
}

/* Whether quantity q is a part of the figure before it: "including 20
 * children", "among them 20 children". */
static int part_of_previous(const fctx *c, const vigil__quantity *q)
{
	const char *text = c->an->text;
	const vigil__token *tok = c->an->seg.tok;
	uint32_t b = q->tok_begin;

	if (b > c->tb && tok_is(text, &tok[b - 1], "including"))
		return 1;
	return b > c->tb + 1 && tok_is(text, &tok[b - 2], "among") &&
	       (tok_is(text, &tok[b - 1], "them") ||
		tok_is(text, &tok[b - 1], "whom"));
}

/* The category of q[i] (its predicate token in *pred), else one it
 * shares: a part of the sentence's figure before it, or a quantity
 * coordinated with it ("298 drones and 69 missiles were launched"); -1.
 * prev_cat/prev_pred: q[i - 1]'s. */
static int category_shared(const fctx *c, const vigil__quantity *q, size_t n,
			   size_t i, int prev_cat, uint32_t prev_pred,
			   uint32_t *pred)
{
	const vigil__analysis *an = c->an;
	int cat = category_of(c, &q[i], pred);

	if (cat >= 0)
		return cat;
	if (part_of_previous(c, &q[i]) && an->nfigure > 0 &&
	    an->figures[an->nfigure - 1].sent == c->s)
		return an->figures[an->nfigure - 1].category;
	if (i > 0 && prev_cat >= 0 && coordinated(c, &q[i - 1], &q[i])) {
		*pred = prev_pred;
		return prev_cat;
	}
	if (i + 1 < n && coordinated(c, &q[i], &q[i + 1]))
		return category_of(c, &q[i + 1], pred);
	return -1;
}

static int add_figure(vigil__arena *a, vigil__analysis *an, const fctx *c,
		      const vigil__quantity *q, int cat, uint32_t pred,
		      uint32_t *nth)
{
	const vigil__token *tok = an->seg.tok;
	vigil__figure *f;
	uint32_t last, cue_tok;

	if (an->nfigure == an->figure_cap &&
	    vigil__arena_grow(a, (void **)&an->figures, &an->figure_cap,
			      an->nfigure + 1,
			      sizeof(*an->figures)) < 0)
		return -1;
	f = &an->figures[an->nfigure++];
	memset(f, 0, sizeof(*f));
	f->sent = c->s;
	f->n = ++*nth;
	f->q = *q;
	f->category = (uint8_t)cat;
	f->pred_tok = pred;
	find_subject(c, f);
	find_claimant(c, f);
	cue_tok = f->said_cue >= 0 ? an->matches[f->said_cue].tok_begin
				   : UINT32_MAX;
	vigil__date_at(an, c->s, c->cl, q->num_begin, cue_tok, &f->when);
	last = q->tok_end - 1;
	if (pred != UINT32_MAX && pred > last)
		last = pred;
	f->span_begin = tok[pred != UINT32_MAX && pred < q->tok_begin ? pred
								      : q->tok_begin].off;
	f->span_end = tok_end_byte(&tok[last]);
	return 0;
}

/* Whether token k of sentence s is a people in the plural ("Palestinians",
 * "South Africans"): "-s" ending an actor coded as its country alone (not
 * "Moscow", RUSGOV), no place or pronoun. */
static int people_of(const vigil__analysis *an, uint32_t s, uint32_t k)
{
	const vigil__token *t = &an->seg.tok[k];
	uint32_t i;

	if (t->type != VIGIL_TOK_WORD || an->text[t->off + t->len - 1] != 's')
		return 0;
	for (i = an->sent_actor[s]; i < an->sent_actor[s + 1]; i++) {
		const vigil__actor *a = &an->cl.actors[i];

		if (a->tok_begin <= k && k < a->tok_end)
			return a->country[0] && strcmp(a->code, a->country) == 0 &&
			       !(a->flags & (VIGIL__AF_PLACE | VIGIL__AF_PRONOUN));
	}
	return 0;
}

int vigil__figures_candidates(vigil__arena *a, const vigil__analysis *an,
			      uint32_t s, vigil__quantity **out, size_t *nout)
{
	const vigil__sentence *st = &an->seg.sent[s];
	vigil__quantity *q;
	size_t n, i, k = 0;

	*out = NULL;
	*nout = 0;
	if (!an->lx)
		return 0; /* no dictionary, no coding (as for events) */
	if (vigil__quantities_find(a, an->text, an->seg.tok, st->tok_begin,
				   st->tok_end, &q, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (q[i].kind != VIGIL_QK_COUNT ||
		    (q[i].definite && q[i].unit_end > q[i].unit_begin))
			continue;
		if (q[i].unit_end > q[i].unit_begin &&
		    !NOUN_IN(countables, an->text, &an->seg.tok[q[i].unit_end - 1]) &&
		    !people_of(an, s, q[i].unit_end - 1))
			continue;
		q[k++] = q[i];
	}
	*out = k ? q : NULL;
	*nout = k;
	return 0;
}

/* A restated figure: "the" + a number without a unit after a figure of
 * the same sentence ("a higher figure than the approximately 11,000",
 * "far fewer than the 2,500 originally planned"). It is recorded with
 * that figure's unit and subject, and its category unless a predicate of
 * its own gives one; claimant, place and date as any figure's. Without
 * such a figure it is a reference ("the two met"): nothing. */
static int add_restated(vigil__arena *a, vigil__analysis *an, const fctx *c,
			const vigil__quantity *q, uint32_t *nth)
{
	const vigil__figure *p;
	vigil__quantity r = *q;
	vigil__figure *f;
	uint32_t pred;
	int cat;

	if (an->nfigure == 0 || an->figures[an->nfigure - 1].sent != c->s)
		return 0;
	p = &an->figures[an->nfigure - 1];
	cat = category_of(c, q, &pred);
	if (cat < 0) {
		cat = p->category;
		pred = UINT32_MAX;
	}
	r.unit_begin = p->q.unit_begin;
	r.unit_end = p->q.unit_end;
	if (add_figure(a, an, c, &r, cat, pred, nth) < 0)
		return -1;
	p = &an->figures[an->nfigure - 2]; /* the array may have moved */
	f = &an->figures[an->nfigure - 1];
	f->subject = p->subject;
	f->subj_begin = p->subj_begin;
	f->subj_end = p->subj_end;
	memcpy(f->subj_code, p->subj_code, sizeof(f->subj_code));
	memcpy(f->subj_country, p->subj_country, sizeof(f->subj_country));
	memcpy(f->subj_sector, p->subj_sector, sizeof(f->subj_sector));
	return 0;
}

int vigil__figures_of_sentence(vigil__arena *a, vigil__analysis *an,
			       uint32_t s, const vigil__quantity *q, size_t n,
			       const uint16_t *cl)
{
	const vigil__sentence *st = &an->seg.sent[s];
	uint32_t nth = 0, pred = UINT32_MAX;
	int cat = -1;
	size_t i;
	fctx c;

	c.an = an;
	c.s = s;
	c.tb = st->tok_begin;
	c.te = st->tok_end;
	c.cl = cl;
	for (i = 0; i < n; i++) {
		if (q[i].definite) {
			if (add_restated(a, an, &c, &q[i], &nth) < 0)
				return -1;
			continue;
		}
		cat = category_shared(&c, q, n, i, cat, pred, &pred);
		if (cat >= 0 && add_figure(a, an, &c, &q[i], cat, pred, &nth) < 0)
			return -1;
	}
	return 0;
}
