/*
 * clause_actors.c: actor phrases of one sentence. Adjacent actor and agent
 * matches (possibly joined by 's) make one phrase whose code is the country
 * of its first country-bearing part plus the sector of its head ("South
 * Korea's military" -> KORMIL), or the head's own code when the head is a
 * person, organization or capital; a bare agent "in"/"from" a country
 * takes it ("rebels in the Ivory Coast" -> CIVREB). Bodies ("---MIL") take
 * their country from context; bare agents after "the/these", pronouns and
 * "the North" are resolved against earlier actors. Assumes c->tm is filled.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "clause_int.h"

#define MAX_PARTS 8
#define LOOKBACK 256 /* actors searched back for context and coreference */
#define QUOTE_REACH 4 /* sentences a quotation runs on after its frame */

vigil__actor *vigil__clause_new_actor(vigil__cctx *c, uint32_t begin,
				      uint32_t end)
{
	vigil__clauses *o = c->out;
	vigil__actor *a;

	if (o->nactor == c->acap &&
	    vigil__arena_grow(c->a, (void **)&o->actors, &c->acap,
			      o->nactor + 1, sizeof(*o->actors)) < 0)
		return NULL;
	a = &o->actors[o->nactor];
	memset(a, 0, sizeof(*a));
	a->sent = c->sent;
	a->tok_begin = a->head_begin = begin;
	a->tok_end = end;
	a->entry = a->agent = a->ref = -1;
	a->group = (uint32_t)o->nactor;
	a->ngroup = 1;
	o->nactor++;
	return a;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* code = prefix + sector, both possibly empty; a sector written "NGO~"
 * (TABARI's prefix agents) goes first instead: "NGO" + prefix. A sector
 * the prefix already ends with is not repeated ("the Quibbler [HGWGOVMED]
 * government newspaper [~GOVMED]": HGWGOVMED). */
static void join_code(vigil__actor *a, const char *prefix)
{
	char head[sizeof(a->code)];
	size_t n, s = strlen(a->sector);

	copy_str(head, sizeof(head), prefix);
	n = strlen(head);
	if (s && a->sector[s - 1] == '~') {
		a->sector[--s] = '\0';
		if (n + s < sizeof(a->code)) {
			memcpy(a->code, a->sector, s);
			memcpy(a->code + s, head, n + 1);
			return;
		}
	}
	if (n + s >= sizeof(a->code))
		n = s = 0;
	if (s && n >= s && memcmp(head + n - s, a->sector, s) == 0)
		s = 0;
	memcpy(a->code, head, n);
	memcpy(a->code + n, a->sector, s);
	a->code[n + s] = '\0';
}

static int actorish(const vigil__cctx *c, int32_t mi)
{
	return mi >= 0 && c->mc[mi].verb < 0 &&
	       (c->mc[mi].actor >= 0 || c->mc[mi].agent >= 0);
}

static int starts_match(const vigil__cctx *c, uint32_t i, int32_t mi)
{
	return mi >= 0 && c->m[mi].tok_begin == i;
}

static int32_t match_at(const vigil__cctx *c, uint32_t i)
{
	return i < c->te ? c->tm[i - c->tb] : -1;
}

/* Whether tokens x and y have the same text. */
static int same_word(const vigil__cctx *c, uint32_t x, uint32_t y)
{
	const vigil__token *a = &c->tok[x], *b = &c->tok[y];

	return a->len == b->len &&
	       memcmp(c->text + a->off, c->text + b->off, a->len) == 0;
}

/* Whether token i is a capitalized word that no dictionary phrase covers. */
static int loose_name(const vigil__cctx *c, uint32_t i)
{
	return i < c->te && c->tok[i].type == VIGIL_TOK_WORD &&
	       (c->tok[i].flags & VIGIL_TF_CAP) && match_at(c, i) < 0;
}

/* Whether `country` is one of the comma-separated codes in `list`. */
static int in_list(const char *list, const char *country)
{
	const char *p = list;

	while (p && *p) {
		if (strncmp(p, country, 3) == 0 && (p[3] == ',' || !p[3]))
			return 1;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return 0;
}

/* The most recent actor (before the ones being built) satisfying a test;
 * with `sector`, verb arguments are preferred ("these soldiers" are the
 * troops that were deployed, not the forces they bolster). */
static int32_t recent_actor(const vigil__cctx *c, size_t before,
			    const char *context, const char *sector)
{
	size_t k, stop = before > LOOKBACK ? before - LOOKBACK : 0;
	int32_t any = -1;

	for (k = before; k-- > stop;) {
		const vigil__actor *a = &c->out->actors[k];

		if (!a->country[0] || (a->flags & VIGIL__AF_PLACE))
			continue;
		if (sector) {
			if (strcmp(a->sector, sector) != 0)
				continue;
			if (any < 0)
				any = (int32_t)k;
			if (a->flags & VIGIL__AF_ARG)
				return (int32_t)k;
			continue;
		}
		if (context && !in_list(context, a->country))
			continue;
		return (int32_t)k;
	}
	return any;
}

/* The most recent actor with a country, in this sentence or the one
 * before, whose phrase ends with the word at token `head`: "the ministry"
 * is the "defence ministry" named last, even when its sector differs
 * (bodies are MIL, a bare "ministry" GOV). */
static int32_t recent_head(const vigil__cctx *c, size_t before, uint32_t head)
{
	size_t k, stop = before > LOOKBACK ? before - LOOKBACK : 0;

	for (k = before; k-- > stop;) {
		const vigil__actor *a = &c->out->actors[k];

		if (a->sent + 1 < c->sent)
			break;
		if (a->country[0] && !(a->flags & VIGIL__AF_PLACE) &&
		    a->tok_end > a->tok_begin + 1 && a->tok_end - 1 != head &&
		    same_word(c, a->tok_end - 1, head))
			return (int32_t)k;
	}
	return -1;
}

static void copy_actor_code(vigil__actor *dst, const vigil__actor *src,
			    int32_t ref)
{
	memcpy(dst->code, src->code, sizeof(dst->code));
	memcpy(dst->country, src->country, sizeof(dst->country));
	memcpy(dst->sector, src->sector, sizeof(dst->sector));
	dst->ref = ref;
	dst->flags |= VIGIL__AF_COREF;
}

/* The most recent actor of `sector` whose country is in `context`, -1 when
 * none: a military body of several possible countries belongs to the one
 * whose forces were named last ("South Korea's military ... a visit by U.S.
 * Secretary of State Blinken ... the JCS" -> KOR). */
static int32_t recent_sector_in_context(const vigil__cctx *c, size_t before,
					const char *context, const char *sector)
{
	size_t k, stop = before > LOOKBACK ? before - LOOKBACK : 0;

	for (k = before; k-- > stop;) {
		const vigil__actor *a = &c->out->actors[k];

		if (a->country[0] && !(a->flags & VIGIL__AF_PLACE) &&
		    strcmp(a->sector, sector) == 0 &&
		    in_list(context, a->country))
			return (int32_t)k;
	}
	return -1;
}

/* A body without a country: from the context list or earlier actors, an
 * actor of the body's own sector first when the list names several. */
static int resolve_body(vigil__cctx *c, vigil__actor *a, const char *context,
			const char *sector, size_t before)
{
	int32_t k = -1;

	if (context && strlen(context) > 3 && sector && *sector)
		k = recent_sector_in_context(c, before, context, sector);
	if (k < 0)
		k = recent_actor(c, before, context && *context ? context : NULL,
				 NULL);

	if (k >= 0)
		memcpy(a->country, c->out->actors[k].country, 4);
	else if (context && strlen(context) >= 3)
		copy_str(a->country, 4, context);
	else
		return 0;
	a->flags |= VIGIL__AF_CONTEXT;
	return 1;
}

/*
 * Whether token i (after a bare agent) shows the agent is a noun head, not
 * a modifier ("the troops said" vs "the military ties"): punctuation, a
 * closed-class word, another match, or the end.
 */
static int ends_noun_phrase(const vigil__cctx *c, uint32_t i)
{
	const vigil__token *t;

	if (i >= c->te)
		return 1;
	t = &c->tok[i];
	if (t->type != VIGIL_TOK_WORD)
		return 1;
	return vigil__cctx_word(c, i) != 0 || match_at(c, i) >= 0;
}

/* A plural noun ("soldiers") is a head, never a modifier. */
static int plural(const vigil__cctx *c, uint32_t i)
{
	const vigil__token *t = &c->tok[i];

	return t->len > 3 && c->text[t->off + t->len - 1] == 's';
}

/* Whether sector is one of list[0, n) (first byte tested before strcmp:
 * most sectors differ there). */
static int sector_in(const char *sector, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sector[0] == list[i][0] && strcmp(sector, list[i]) == 0)
			return 1;
	return 0;
}

/* Sectors of state office: a former holder of one is an elite (ELI); a
 * former rebel or opposition leader keeps the group's code. */
static int state_sector(const char *sector)
{
	static const char *const state[] = {"GOV", "MIL", "JUD", "LEG",
					    "SPY", "COP", "ELI"};

	return sector && sector_in(sector, state,
				   sizeof(state) / sizeof(state[0]));
}

/* Sectors whose singular noun after "the" is one institution of the
 * country in view: "the government", "the opposition", "the parliament". */
static int institution_sector(const char *sector)
{
	static const char *const inst[] = {"GOV", "OPP", "LEG", "JUD"};

	return sector_in(sector, inst, sizeof(inst) / sizeof(inst[0]));
}

/* Gives the phrase [begin,end) with parts `parts` its code. 0: unresolved. */
/* A title before a head actor coded with a bare country ("Bree Prime
 * Minister Romendacil", TABARI's country-coded persons): the last agent
 * of parts [0, n) gives the sector, joined to the head's code. */
static void title_sector(const vigil__cctx *c, vigil__actor *a,
			 const int32_t *parts, size_t n)
{
	vigil__entry e;
	char head[sizeof(a->code)];

	while (n > 0 && c->mc[parts[n - 1]].agent < 0)
		n--;
	if (n == 0 || c->mc[parts[n - 1]].actor >= 0)
		return;
	vigil__lexicon_entry(c->lx, (uint32_t)c->mc[parts[n - 1]].agent, &e);
	if (!e.code[0])
		return;
	copy_str(head, sizeof(head), a->code);
	copy_str(a->sector, sizeof(a->sector), e.code);
	join_code(a, head);
}

/* A prefix agent ("NGO~") among parts [0, n) before an agent head: "An
 * MSF Arnor diplomat" is NGO + ARNGOV. */
static void prefix_agent(const vigil__cctx *c, vigil__actor *a,
			 const int32_t *parts, size_t n)
{
	char code[sizeof(a->code)];
	vigil__entry e;
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (c->mc[parts[i]].agent < 0 || c->mc[parts[i]].actor >= 0)
			continue;
		vigil__lexicon_entry(c->lx, (uint32_t)c->mc[parts[i]].agent, &e);
		k = strlen(e.code);
		if (k < 2 || e.code[k - 1] != '~' ||
		    k - 1 + strlen(a->code) >= sizeof(a->code))
			continue;
		memcpy(code, e.code, k - 1);
		copy_str(code + k - 1, sizeof(code) - (k - 1), a->code);
		copy_str(a->code, sizeof(a->code), code);
		return;
	}
}

static int resolve_phrase(vigil__cctx *c, vigil__actor *a,
			  const int32_t *parts, size_t n, size_t before)
{
	const vigil__mclass *head = &c->mc[parts[n - 1]];
	const char *org = NULL, *context = NULL;
	vigil__entry e;
	size_t i;

	for (i = 0; i < n; i++) {
		const vigil__mclass *p = &c->mc[parts[i]];

		if (p->actor < 0)
			continue;
		vigil__lexicon_entry(c->lx, (uint32_t)p->actor, &e);
		if (e.country && *e.country && !a->country[0])
			copy_str(a->country, 4, e.country);
		if (!org && e.code[0] != '-' && !(e.country && *e.country))
			org = e.code;
	}
	if (head->actor >= 0) {  /* e: the head, the loop's last part */
		a->entry = head->actor;
		copy_str(a->sector, sizeof(a->sector), e.sector);
		if (strncmp(e.code, "---", 3) == 0) {
			if (!a->country[0] &&
			    !resolve_body(c, a, e.context, e.sector, before))
				return 0;
			join_code(a, a->country);
			return 1;
		}
		if (e.country && *e.country)
			copy_str(a->country, 4, e.country);
		copy_str(a->code, sizeof(a->code), e.code);
		if (e.type && strcmp(e.type, "person") == 0 &&
		    c->m[parts[n - 1]].tok_end - c->m[parts[n - 1]].tok_begin >= 2)
			a->flags |= VIGIL__AF_NAMED;
		if (head->former && a->country[0] && state_sector(a->sector)) {
			copy_str(a->sector, sizeof(a->sector), "ELI");
			join_code(a, a->country);
		}
		if (!a->sector[0] && strlen(a->code) == 3)
			title_sector(c, a, parts, n - 1);
		return 1;
	}
	vigil__lexicon_entry(c->lx, (uint32_t)head->agent, &e);
	a->agent = head->agent;
	copy_str(a->sector, sizeof(a->sector), e.code);
	for (i = 0; i < n && a->entry < 0; i++)
		if (c->mc[parts[i]].actor >= 0)
			a->entry = c->mc[parts[i]].actor;
	if (a->country[0]) {
		join_code(a, a->country);
		prefix_agent(c, a, parts, n - 1);
		return 1;
	}
	if (org) {
		join_code(a, org);
		prefix_agent(c, a, parts, n - 1);
		return 1;
	}
	(void)context;
	return 0;
}

/* Extends an actor's text left over determiners and numbers. */
/* Words after a hyphen that make the name before them a patron, not the
 * actor: "the Iran-backed group Hezbollah", "Rwanda-backed M23 rebels". */
static const char *const patron_words[] = {
	"backed", "linked", "aligned", "allied", "sponsored", "supported",
	"funded", "affiliated", "armed",
};

int vigil__clause_patron(const vigil__cctx *c, int32_t mi)
{
	const vigil__token *t = &c->tok[c->m[mi].tok_end - 1];
	const char *p = c->text + t->off + t->len;
	size_t k, n;

	if (*p != '-')
		return 0;
	p++;
	for (k = 0; k < sizeof(patron_words) / sizeof(patron_words[0]); k++) {
		n = strlen(patron_words[k]);
		if (strncmp(p, patron_words[k], n) == 0 &&
		    !((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z')))
			return 1;
	}
	return 0;
}

/* The first token of a patron ("Iran-backed") ending right before token
 * j, or j. */
static uint32_t patron_at_end(const vigil__cctx *c, uint32_t j, uint32_t floor)
{
	int32_t mi;

	/* the patron is no actor (phrase_at skips it): floor may be its end */
	if (j < c->tb + 3 || j < floor || !(c->tok[j - 2].flags & VIGIL_TF_INNER))
		return j;
	mi = match_at(c, j - 3);
	if (mi < 0 || c->m[mi].tok_end != j - 2 || !vigil__clause_patron(c, mi))
		return j;
	return c->m[mi].tok_begin;
}

/* The first token of "Iran-backed" or "Iran-backed group" (a patron and
 * at most one lowercase word) ending right before token k, or k. */
static uint32_t patron_before(const vigil__cctx *c, uint32_t k, uint32_t floor)
{
	uint32_t j = patron_at_end(c, k, floor);

	if (j < k || k <= floor || c->tok[k - 1].type != VIGIL_TOK_WORD ||
	    match_at(c, k - 1) >= 0 || vigil__cctx_word(c, k - 1) ||
	    !(c->text[c->tok[k - 1].off] >= 'a' &&
	      c->text[c->tok[k - 1].off] <= 'z'))
		return j;
	j = patron_at_end(c, k - 1, floor);
	return j < k - 1 ? j : k;
}

static void take_determiners(const vigil__cctx *c, vigil__actor *a,
			     uint32_t floor)
{
	uint32_t k = patron_before(c, a->head_begin, floor), steps = 0;

	if (k < floor) /* the skipped patron ends at floor */
		floor = c->tb;

	while (k > floor && steps < 3) {
		const vigil__token *t = &c->tok[k - 1];

		if (t->type != VIGIL_TOK_NUMBER &&
		    !(vigil__cctx_word(c, k - 1) & (W_DET | W_NUM)))
			break;
		k--;
		steps++;
	}
	a->tok_begin = k;
}

/*
 * "Rebels in the Ivory Coast", "demonstrators in Baghdad", "troops from
 * Chad", "the government of Gondor": a bare agent followed by one of these
 * prepositions ("of" after a singular agent only), an optional
 * "the" and at most one direction word, then a country or capital (a whole
 * actor match, not a possessor), takes that country. "in" does not place
 * armed forces: "troops in Ukraine" are as often foreign as Ukrainian.
 */
static const struct {
	const char *word;
	uint8_t armed;    /* also for the MIL sector */
	uint8_t singular; /* only after a singular agent */
} home_preps[] = {{"in", 0, 0}, {"from", 1, 0}, {"of", 0, 1}};

static const char *const directions[] = {
	"eastern", "western", "northern", "southern", "central",
	"northeastern", "northwestern", "southeastern", "southwestern"};

static int word_is(const vigil__cctx *c, uint32_t i, const char *w)
{
	const vigil__token *t = &c->tok[i];
	size_t n = strlen(w), k;

	if (t->len != n)
		return 0;
	for (k = 0; k < n; k++)
		if ((c->text[t->off + k] | 0x20) != w[k])
			return 0;
	return 1;
}

static int word_in(const vigil__cctx *c, uint32_t i, const char *const *w,
		   size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (word_is(c, i, w[k]))
			return 1;
	return 0;
}

/* Whether a verb match follows token i over auxiliaries and "-ly"
 * adverbs: the phrase before i is a subject ("troops in Chad have
 * attacked"), so "in" places its armed forces too. */
static int verb_follows(const vigil__cctx *c, uint32_t i)
{
	for (; i < c->te; i++) {
		int32_t mi = match_at(c, i);
		const vigil__token *t = &c->tok[i];

		if (mi >= 0)
			return c->mc[mi].verb >= 0 && c->m[mi].tok_begin == i;
		if (vigil__cctx_word(c, i) & (W_BE | W_HAVE | W_MODAL | W_DO))
			continue;
		if (t->type == VIGIL_TOK_WORD && t->len > 2 &&
		    memcmp(c->text + t->off + t->len - 2, "ly", 2) == 0 &&
		    !vigil__cctx_word(c, i))
			continue;
		return 0;
	}
	return 0;
}

/* The country of the agent at [.., j) from "in/from X" (a singular agent:
 * also "of X") after it; on
 * success copies it into `country` and returns the end of X, else 0. */
static uint32_t home_country(const vigil__cctx *c, uint32_t j,
			     const char *sector, char *country)
{
	uint32_t k = j;
	size_t p, np = sizeof(home_preps) / sizeof(home_preps[0]);
	int32_t mi;
	int armed;
	vigil__entry e;

	if (k >= c->te)
		return 0;
	for (p = 0; p < np && !word_is(c, k, home_preps[p].word); p++)
		;
	if (p == np || (home_preps[p].singular && plural(c, j - 1)))
		return 0;
	armed = home_preps[p].armed;
	k++;
	if (k < c->te && word_is(c, k, "the"))
		k++;
	if (k < c->te &&
	    word_in(c, k, directions, sizeof(directions) / sizeof(directions[0])))
		k++;
	mi = match_at(c, k);
	if (!actorish(c, mi) || !starts_match(c, k, mi) || c->mc[mi].actor < 0)
		return 0;
	if (c->m[mi].tok_end < c->te &&
	    (c->tok[c->m[mi].tok_end].type == VIGIL_TOK_POSS ||
	     actorish(c, match_at(c, c->m[mi].tok_end))))
		return 0;
	vigil__lexicon_entry(c->lx, (uint32_t)c->mc[mi].actor, &e);
	if (!e.type || (strcmp(e.type, "country") != 0 &&
			strcmp(e.type, "capital") != 0))
		return 0;
	if (!armed && strcmp(sector, "MIL") == 0 &&
	    !verb_follows(c, c->m[mi].tok_end))
		return 0;
	copy_str(country, 4, e.country && *e.country ? e.country : e.code);
	if (strlen(country) != 3 || country[0] == '-')
		return 0;
	return c->m[mi].tok_end;
}

/*
 * The actor owning the plural agent at [.., j) (TABARI's agent of an
 * actor): "of", an optional "the", then a whole actor match with a code of
 * its own ("human rights activists of Gonzo GMO" [GONGMO]: GONGMOOPP); a
 * country or capital only after a definite agent ("the human rights
 * activists of Amnesty International" [NGM]: NGMOPP; not "troops of
 * Chad"). Returns the end of the actor, its entry in *entry and *e;
 * else 0.
 */
static uint32_t owning_actor(const vigil__cctx *c, uint32_t j, int definite,
			     int32_t *entry, vigil__entry *e)
{
	uint32_t k = j + 1;
	int32_t mi;

	if (k >= c->te || !word_is(c, j, "of") || !plural(c, j - 1))
		return 0;
	if (word_is(c, k, "the"))
		k++;
	if (k >= c->te)
		return 0;
	mi = match_at(c, k);
	if (!actorish(c, mi) || !starts_match(c, k, mi) || c->mc[mi].actor < 0)
		return 0;
	if (c->m[mi].tok_end < c->te &&
	    (c->tok[c->m[mi].tok_end].type == VIGIL_TOK_POSS ||
	     actorish(c, match_at(c, c->m[mi].tok_end))))
		return 0;
	*entry = c->mc[mi].actor;
	vigil__lexicon_entry(c->lx, (uint32_t)*entry, e);
	if (!e->code[0] || e->code[0] == '-' ||
	    (!definite && e->type && (strcmp(e->type, "country") == 0 ||
				      strcmp(e->type, "capital") == 0)))
		return 0;
	return c->m[mi].tok_end;
}

/*
 * Sectors a bare agent may take from the sentence's only country
 * ("Leaders of the opposition coalition agreed to postpone the
 * demonstration in Baku" -> AZEOPP): the domestic ones. Armed forces,
 * spies, settlers, refugees and international bodies are as often
 * foreign as local, and so are reporters and analysts (MED, EDU).
 */
static const char *const domestic_sectors[] = {
	"GOV", "COP", "CVL", "LEG", "JUD", "OPP", "ELI", "LAB", "REB",
	"BUS", "HLH", "REL", "CRM", "AGR", "SEP", "RAD", "MOD"};

/* The country of an actor or place match, or NULL for an organization
 * or a body (no country of its own). */
static const char *match_country(const vigil__cctx *c, int32_t mi,
				 vigil__entry *e)
{
	int32_t entry =
	    c->mc[mi].actor >= 0 ? c->mc[mi].actor : c->mc[mi].place;

	vigil__lexicon_entry(c->lx, (uint32_t)entry, e);
	if (e->country && strlen(e->country) == 3)
		return e->country;
	return NULL;
}

/* Prepositions of a target ("protested against Russia"). */
static const char *const target_preps[] = {"against", "on", "toward",
					   "towards"};

/* Whether the match at token i is the target of a verb or of a
 * preposition of target, over determiners and numbers ("criticized
 * Russia", "attacked the Russian embassy", "against two American
 * ships"): the country of the target says nothing of the agent's. */
static int target_position(const vigil__cctx *c, uint32_t i)
{
	while (i > c->tb &&
	       (c->tok[i - 1].type == VIGIL_TOK_NUMBER ||
		(vigil__cctx_word(c, i - 1) & (W_DET | W_NUM))))
		i--;
	if (i == c->tb)
		return 0;
	if (match_at(c, i - 1) >= 0)
		return c->mc[match_at(c, i - 1)].verb >= 0;
	return word_in(c, i - 1, target_preps,
		       sizeof(target_preps) / sizeof(target_preps[0]));
}

/* The one country named (by actors and places) in the part of the
 * sentence around the agent [i, j) that no attribution cue divides, into
 * `country`: "Officials said Russia may supply" names none for the
 * officials. 0 when it names none, two or more, or an organization
 * (whose agent the bare one may be), and for a speaker ("..., officials
 * said"): whose officials they are is not said. */
static int sole_country(const vigil__cctx *c, uint32_t i, uint32_t j,
			char *country)
{
	uint32_t mi, lo = c->tb, hi = c->te;
	vigil__entry e;

	for (mi = c->mb; mi < c->me; mi++)
		if (c->mc[mi].cue_class == VIGIL__CUE_ATTRIB) {
			if (c->m[mi].tok_end <= i)
				lo = c->m[mi].tok_end;
			else if (c->m[mi].tok_begin >= j && hi == c->te)
				hi = c->m[mi].tok_begin;
		}
	if (hi < c->te && hi - j <= 3)
		return 0;
	country[0] = '\0';
	for (mi = c->mb; mi < c->me; mi++) {
		const char *cc;

		if (c->mc[mi].verb >= 0 ||
		    (c->mc[mi].actor < 0 && c->mc[mi].place < 0) ||
		    c->m[mi].tok_begin < lo || c->m[mi].tok_begin >= hi ||
		    target_position(c, c->m[mi].tok_begin) ||
		    vigil__clause_patron(c, (int32_t)mi))
			continue;
		cc = match_country(c, (int32_t)mi, &e);
		if (!cc) {
			if (c->mc[mi].actor >= 0 && e.code[0] != '-')
				return 0; /* "UN officials" */
			continue;
		}
		if (country[0] && strncmp(country, cc, 3) != 0)
			return 0;
		copy_str(country, 4, cc);
	}
	return country[0] != '\0';
}

/* A bare agent of a domestic sector in a sentence that names one country
 * belongs to it. */
static int sole_country_agent(const vigil__cctx *c, vigil__actor *a)
{
	if (!sector_in(a->sector, domestic_sectors,
		       sizeof(domestic_sectors) / sizeof(domestic_sectors[0])) ||
	    !c->words ||
	    !sole_country(c, a->head_begin, a->tok_end, a->country))
		return 0;
	a->flags |= VIGIL__AF_CONTEXT;
	join_code(a, a->country);
	return 1;
}

/*
 * A bare agent at token i right after "and"/"or" that ends the phrase of a
 * country's agent ("Danish media and government"): it shares the phrase's
 * modifiers, DNKMED and DNKGOV ("Danish Islamist media and government":
 * DNKMUSGOV). Codes a and returns 1, else 0.
 */
static int shared_modifier(const vigil__cctx *c, vigil__actor *a, uint32_t i,
			   size_t before)
{
	const vigil__actor *p;
	char head[sizeof(a->code)];
	size_t n, s;

	if (before <= c->ab || i < c->tb + 2 ||
	    !(word_is(c, i - 1, "and") || word_is(c, i - 1, "or")))
		return 0;
	p = &c->out->actors[before - 1];
	if (p->tok_end != i - 1 || p->agent < 0 ||
	    (p->flags & (VIGIL__AF_HOME | VIGIL__AF_POSS)) ||
	    strlen(p->country) != 3 || !p->sector[0])
		return 0;
	n = strlen(p->code);
	s = strlen(p->sector);
	if (n <= s || strcmp(p->code + n - s, p->sector) != 0 ||
	    a->sector[0] == '\0')
		return 0;
	copy_str(head, n - s + 1, p->code);
	copy_str(a->country, sizeof(a->country), p->country);
	join_code(a, head);
	return 1;
}

/* Builds the phrase starting at token i (a match start); returns its end. */
/*
 * The end of a name written after a singular title that the dictionary does
 * not know ("Guyana's President Irfaan Ali"): up to 4 capitalized words
 * that are neither matches nor closed-class words; j when there is none.
 * The phrase then runs over the name, so its surname refers back later.
 */
static uint32_t title_name(const vigil__cctx *c, int32_t head, uint32_t j)
{
	uint32_t k = j;

	if (c->mc[head].actor >= 0 || plural(c, j - 1))
		return j;
	while (k < j + 4 && loose_name(c, k) && !vigil__cctx_word(c, k))
		k++;
	return loose_name(c, k) ? j : k;
}

static int phrase_at(vigil__cctx *c, uint32_t i, uint32_t floor,
		     uint32_t *end_out)
{
	int32_t parts[MAX_PARTS];
	size_t n = 0, before = c->out->nactor;
	uint32_t j = i, dem, name;
	int poss = 0;
	vigil__actor *a;
	vigil__entry e;

	if (vigil__clause_patron(c, match_at(c, i))) {
		*end_out = c->m[match_at(c, i)].tok_end;
		return 0;
	}
	for (;;) {
		int32_t mi = match_at(c, j);

		if (!actorish(c, mi) || !starts_match(c, j, mi))
			break;
		parts[n++] = mi;
		j = c->m[mi].tok_end;
		if (j < c->te && c->tok[j].type == VIGIL_TOK_POSS) {
			int32_t next = match_at(c, j + 1);

			if (n < MAX_PARTS && actorish(c, next) &&
			    starts_match(c, j + 1, next)) {
				j++;
				continue;
			}
			poss = 1;
			break;
		}
		if (n == MAX_PARTS)
			break;
	}
	name = poss ? j : title_name(c, parts[n - 1], j);
	if (name > j && name < c->te && c->tok[name].type == VIGIL_TOK_POSS &&
	    !actorish(c, match_at(c, name + 1)))
		poss = 1;
	*end_out = j;
	a = vigil__clause_new_actor(c, i, j);
	if (!a)
		return -1;
	if (poss)
		a->flags |= VIGIL__AF_POSS;
	take_determiners(c, a, floor);
	if (resolve_phrase(c, a, parts, n, before)) {
		if (name > j) {
			a->tok_end = *end_out = name;
			a->flags |= VIGIL__AF_NAMED;
		}
		return 0;
	}
	if (n == 1 && c->mc[parts[0]].actor < 0 && !poss) {
		uint32_t home = home_country(c, j, a->sector, a->country);

		if (home) {
			a->agent = c->mc[parts[0]].agent;
			a->tok_end = *end_out = home;
			a->flags |= VIGIL__AF_HOME;
			join_code(a, a->country);
			return 0;
		}
		home = owning_actor(c, j, word_is(c, a->tok_begin, "the"),
				    &a->entry, &e);
		if (home) {
			a->agent = c->mc[parts[0]].agent;
			a->tok_end = *end_out = home;
			a->flags |= VIGIL__AF_HOME;
			copy_str(a->country, 4, e.country);
			join_code(a, e.code);
			return 0;
		}
		a->country[0] = '\0';
	}
	/* a bare agent: "these soldiers" refers back; else it is no actor */
	/* the determiner may open the agent's own phrase ("the opposition") */
	dem = (vigil__cctx_word(c, i) & W_DEM) || i == c->tb ? i : i - 1;
	if (n == 1 && c->mc[parts[0]].agent >= 0 && a->country[0] == '\0' &&
	    (vigil__cctx_word(c, dem) & W_DEM) &&
	    (ends_noun_phrase(c, j) || plural(c, j - 1))) {
		int32_t k = plural(c, j - 1) ? -1 : recent_head(c, before, j - 1);

		if (k < 0)
			k = recent_actor(c, before, NULL, a->sector);

		if (k >= 0) {
			copy_actor_code(a, &c->out->actors[k], k);
			return 0;
		}
		/* "the ministry", "the government", "the opposition": a
		 * singular institution of the country in view, like a body
		 * without context= */
		if (!plural(c, j - 1) && word_is(c, dem, "the") &&
		    institution_sector(a->sector) &&
		    resolve_body(c, a, NULL, NULL, before)) {
			join_code(a, a->country);
			return 0;
		}
	}
	if (n == 1 && c->mc[parts[0]].agent >= 0 && !poss &&
	    a->country[0] == '\0' && sole_country_agent(c, a)) {
		a->agent = c->mc[parts[0]].agent;
		return 0;
	}
	if (n == 1 && c->mc[parts[0]].agent >= 0 && !poss &&
	    shared_modifier(c, a, i, before)) {
		a->agent = c->mc[parts[0]].agent;
		return 0;
	}
	c->out->nactor--;
	return 0;
}

/* The first actor of the sentence that holds `before`'s predecessor. */
static int32_t topic_actor(const vigil__cctx *c, size_t before)
{
	size_t k = before, s;

	while (k > 0 && (c->out->actors[k - 1].flags & VIGIL__AF_PLACE))
		k--;
	if (k == 0)
		return -1;
	s = c->out->actors[k - 1].sent;
	while (k > 1 && c->out->actors[k - 2].sent == s)
		k--;
	return (int32_t)(k - 1);
}

/* "his office said": the nearest person named in full before `before`,
 * in this sentence or the one before; -1 when there is none. */
static int32_t recent_person(const vigil__cctx *c, size_t before)
{
	size_t k = before;

	while (k-- > 0 && c->out->actors[k].sent + 1 >= c->sent)
		if (c->out->actors[k].flags & VIGIL__AF_NAMED)
			return (int32_t)k;
	return -1;
}

/* Whether token i is a straight double quote (typographic ones are
 * normalized to it). */
static int quote_mark(const vigil__cctx *c, uint32_t i)
{
	return c->tok[i].len == 1 && c->text[c->tok[i].off] == '"';
}

/* Whether token i lies inside a quotation: an odd number of quote marks
 * before it in its sentence. */
static int quoted(const vigil__cctx *c, uint32_t i)
{
	uint32_t k, n = 0;

	for (k = c->tb; k < i; k++)
		n += (uint32_t)quote_mark(c, k);
	return n % 2;
}

/* Whether token t begins an attribution cue ("said", "according to"). */
static int attrib_at(const vigil__cctx *c, uint32_t t)
{
	int32_t mi = match_at(c, t);

	return mi >= 0 && c->m[mi].tok_begin == t &&
	       c->mc[mi].cue_class == VIGIL__CUE_ATTRIB;
}

/* The speaker of the quotation holding token i: the actor right before or
 * right after the attribution cue past the closing quote ("...," the JCS
 * said; "...," said Lammy), or right before the cue that opens it ("Seoul
 * said: \"...\""), else, when the sentence has no such cue at all, the
 * speaker of the last frame of the QUOTE_REACH sentences before ("Lammy
 * said:" and a quotation running over several sentences); -1 when there
 * is none. */
static int32_t quote_speaker(const vigil__cctx *c, uint32_t i)
{
	const vigil__clauses *o = c->out;
	uint32_t q = i, open = i, t;
	size_t k;
	int32_t before = -1;

	while (q < c->te && !quote_mark(c, q))
		q++;
	while (open > c->tb && !quote_mark(c, open))
		open--;
	for (k = c->ab; k < o->nactor; k++) {
		const vigil__actor *a = &o->actors[k];

		if (!a->country[0])
			continue;
		if (a->tok_end + 3 >= open && a->tok_end < open &&
		    attrib_at(c, a->tok_end))
			before = (int32_t)k;
		if (a->tok_begin > q &&
		    (attrib_at(c, a->tok_end) || attrib_at(c, a->tok_begin - 1)))
			return (int32_t)k;
	}
	if (before >= 0)
		return before;
	for (t = c->tb; t < c->te; t++)
		if (attrib_at(c, t))
			return -1;
	if (o->nframe > 0 &&
	    o->frames[o->nframe - 1].sent + QUOTE_REACH >= c->sent)
		return o->frames[o->nframe - 1].speaker;
	return -1;
}

/* Moves the last actor to position pos of the sentence's actors (which
 * are in text order, not grouped yet), renumbering the references to
 * those it passes. */
static void move_last_to(vigil__cctx *c, size_t pos)
{
	vigil__clauses *o = c->out;
	vigil__actor last = o->actors[o->nactor - 1];
	size_t k;

	memmove(&o->actors[pos + 1], &o->actors[pos],
		(o->nactor - 1 - pos) * sizeof(*o->actors));
	o->actors[pos] = last;
	for (k = c->ab; k < o->nactor; k++) {
		o->actors[k].group = (uint32_t)k;
		if (o->actors[k].ref >= (int32_t)pos)
			o->actors[k].ref++;
	}
}

/* Gives actor a (a possessive pronoun: "our military", "his forces") the
 * agent phrase matched right after it: the country a stands for with the
 * agent's sector. 1 when it did. */
static int own_agent(vigil__cctx *c, vigil__actor *a, uint32_t i)
{
	int32_t mi = match_at(c, i + 1);
	vigil__entry e;

	if (!a->country[0] || !actorish(c, mi) || !starts_match(c, i + 1, mi) ||
	    c->mc[mi].actor >= 0)
		return 0;
	vigil__lexicon_entry(c->lx, (uint32_t)c->mc[mi].agent, &e);
	a->agent = c->mc[mi].agent;
	a->tok_end = c->m[mi].tok_end;
	a->flags &= (uint16_t)~VIGIL__AF_POSS;
	copy_str(a->sector, sizeof(a->sector), e.code);
	join_code(a, a->country);
	return 1;
}

/* "we" and "our" inside a quotation are its speaker ("\"Our military will
 * respond ...,\" the JCS said" -> KORMIL). Returns 0, or -1 when the
 * arena fails. */
static int quoted_first_person(vigil__cctx *c)
{
	uint32_t n;

	for (n = 0; n < c->nquoted; n++) {
		uint32_t i = c->quoted[n];
		int32_t sp = quote_speaker(c, i);
		size_t pos = c->ab;
		vigil__actor *a;

		if (sp < 0)
			continue;
		while (pos < c->out->nactor &&
		       c->out->actors[pos].tok_begin <= i)
			pos++;
		if (pos < c->out->nactor &&
		    c->out->actors[pos].tok_begin <= i + 1)
			continue; /* an actor phrase of its own follows */
		a = vigil__clause_new_actor(c, i, i + 1);
		if (!a)
			return -1;
		copy_actor_code(a, &c->out->actors[sp], sp);
		a->flags |= VIGIL__AF_PRONOUN;
		if (word_is(c, i, "our")) {
			a->flags |= VIGIL__AF_POSS;
			own_agent(c, a, i);
		}
		move_last_to(c, pos);
	}
	return 0;
}

/* Pronouns: subject ones refer to the sentence's (or the last) topic;
 * possessive ones to the nearest actor before them; "he"/"she" and
 * "his"/"her" to the nearest person named in full when there is one (this
 * sentence or the one before). "we" and "our" are the speaker of the
 * quotation they are in (quoted_first_person), nothing outside one. */
static int pronoun_at(vigil__cctx *c, uint32_t i, uint32_t cls)
{
	size_t before = c->out->nactor;
	int32_t k, mi;
	vigil__actor *a;

	if (word_is(c, i, "we") || word_is(c, i, "our")) {
		if (quoted(c, i) && c->nquoted < VIGIL__QUOTED_MAX)
			c->quoted[c->nquoted++] = i;
		return 0;
	}

	/* "his Indian counterpart Narendra Modi": a determiner of a phrase
	 * with a code of its own, which may join a compound over it */
	mi = match_at(c, i + 1);
	if ((cls & W_POSSPRON) && actorish(c, mi) && starts_match(c, i + 1, mi) &&
	    c->mc[mi].actor >= 0)
		return 0;
	if (cls & W_POSSPRON) {
		k = word_is(c, i, "his") || word_is(c, i, "her") ?
			    recent_person(c, before) : -1;
		if (k < 0)
			k = before > 0 ? (int32_t)before - 1 : -1;
		while (k >= 0 && !c->out->actors[k].country[0] &&
		       !c->out->actors[k].code[0])
			k--;
	} else if ((word_is(c, i, "he") || word_is(c, i, "she")) &&
		   recent_person(c, before) >= 0) {
		/* "he said": the person named last, not a country */
		k = recent_person(c, before);
	} else if (before > c->ab) {
		k = (int32_t)c->ab;
	} else {
		k = topic_actor(c, before);
	}
	if (k < 0)
		return 0;
	a = vigil__clause_new_actor(c, i, i + 1);
	if (!a)
		return -1;
	copy_actor_code(a, &c->out->actors[k], k);
	a->flags |= VIGIL__AF_PRONOUN;
	if (!(cls & W_POSSPRON))
		return 0;
	a->flags |= VIGIL__AF_POSS;
	/* "his forces": the referent's country with the agent's sector */
	return own_agent(c, a, i);
}

/* "the North"/"the South" in a Korean context. */
static const struct {
	const char *word, *code;
} korea[] = {{"North", "PRK"}, {"South", "KOR"}};

static int the_north_at(vigil__cctx *c, uint32_t i)
{
	const vigil__token *t = &c->tok[i + 1];
	size_t k;

	if (i + 1 >= c->te || match_at(c, i + 1) >= 0 || t->len != 5 ||
	    (i + 2 < c->te && (c->tok[i + 2].flags & VIGIL_TF_CAP)))
		return 0;
	for (k = 0; k < sizeof(korea) / sizeof(korea[0]); k++) {
		vigil__actor *a;

		if (memcmp(c->text + t->off, korea[k].word, 5) != 0)
			continue;
		if (recent_actor(c, c->out->nactor, "KOR,PRK", NULL) < 0)
			return 0;
		a = vigil__clause_new_actor(c, i + 1, i + 2);
		if (!a)
			return -1;
		a->tok_begin = i;
		copy_str(a->code, sizeof(a->code), korea[k].code);
		copy_str(a->country, 4, korea[k].code);
		a->flags |= VIGIL__AF_COREF;
		return 1;
	}
	return 0;
}

/* "the two countries", "both armies": the two countries in view, with
 * the sector the noun gives (table `pair_nouns[]`). */
static const struct {
	const char *word, *sector;
} pair_nouns[] = {
	{"countries", ""},   {"nations", ""},     {"sides", ""},
	{"neighbours", ""},  {"neighbors", ""},   {"rivals", ""},
	{"armies", "MIL"},   {"militaries", "MIL"}, {"governments", "GOV"},
	{"leaders", "GOV"},
};

/* Sectors of armed groups that are no state: "Wagner" (RUSUAF) is no
 * member of "the two countries". */
static const char *const nonstate_sectors[] = {"REB", "UAF", "INS", "SEP",
					       "CRM"};

/* Whether actor a may be one of "the two countries": a country's actor
 * (no place, no pronoun, no non-state armed group). */
static int state_actor(const vigil__actor *a)
{
	size_t k;

	if (!a->country[0] || !a->country[1] || !a->country[2] ||
	    a->country[3] || (a->flags & (VIGIL__AF_PLACE | VIGIL__AF_PRONOUN)))
		return 0;
	for (k = 0; k < sizeof(nonstate_sectors) / sizeof(nonstate_sectors[0]);
	     k++)
		if (a->sector[0] == nonstate_sectors[k][0] &&
		    strcmp(a->sector, nonstate_sectors[k]) == 0)
			return 0;
	return 1;
}

/* The two most recent distinct countries of actors in [stop, before)
 * (state actors only), in text order; 0 when there are fewer than two. */
static int distinct_countries(const vigil__actor *as, size_t stop,
			      size_t before, int32_t out[2])
{
	size_t k;
	int n = 0;

	for (k = before; k-- > stop && n < 2;) {
		if (!state_actor(&as[k]) ||
		    (n == 1 && strcmp(as[k].country, as[out[1]].country) == 0))
			continue;
		out[1 - n++] = (int32_t)k;
	}
	return n == 2;
}

/* Whether actors k and k + 1 are two distinct countries named together:
 * "A and B" with nothing else between (in the current sentence, not
 * grouped yet; before it, a compound of exactly these two). A looser link
 * ("cleared of Ukrainian forces and singled out North Korean units") is
 * no pair. */
static int country_pair(const vigil__cctx *c, size_t k)
{
	const vigil__actor *as = c->out->actors;

	if ((k < c->ab && as[k].ngroup != 2) ||
	    as[k + 1].tok_begin != as[k].tok_end + 1 ||
	    !word_is(c, as[k].tok_end, "and"))
		return 0;
	return state_actor(&as[k]) && state_actor(&as[k + 1]) &&
	       strcmp(as[k].country, as[k + 1].country) != 0;
}

/* The countries "the two countries" refers to: the members of the most
 * recent compound of two distinct countries ("Aliyev and Pashinyan signed
 * a declaration in which the two nations pledged", "India and Pakistan",
 * "between Somalia and Ethiopia"), else the two most recent distinct
 * countries. */
static int two_countries(const vigil__cctx *c, size_t before, int32_t out[2])
{
	size_t k, stop = before > LOOKBACK ? before - LOOKBACK : 0;

	for (k = before - (before > 0); k-- > stop;)
		if (country_pair(c, k)) {
			out[0] = (int32_t)k;
			out[1] = (int32_t)k + 1;
			return 1;
		}
	return distinct_countries(c->out->actors, stop, before, out);
}

/* Tokens [i, n) are "the two" or "both": a pair noun at n makes them a
 * compound of two actors over [i, n + 1). Returns 1 when one was built, 0
 * when not, -1 when the arena fails. */
static int pair_at(vigil__cctx *c, uint32_t i, uint32_t n)
{
	int32_t ref[2], prev;
	size_t k, first;
	int m;

	if (n >= c->te ||
	    (n + 1 < c->te && c->tok[n + 1].type == VIGIL_TOK_POSS))
		return 0;
	/* right after a verb ("urged both sides to ..."): an object, left
	 * alone */
	prev = i > c->tb ? match_at(c, i - 1) : -1;
	if (prev >= 0 && c->mc[prev].verb >= 0)
		return 0;
	for (k = 0; k < sizeof(pair_nouns) / sizeof(pair_nouns[0]); k++)
		if (word_is(c, n, pair_nouns[k].word))
			break;
	if (k == sizeof(pair_nouns) / sizeof(pair_nouns[0]) ||
	    !two_countries(c, c->out->nactor, ref))
		return 0;
	first = c->out->nactor;
	for (m = 0; m < 2; m++) {
		vigil__actor *a = vigil__clause_new_actor(c, i, n + 1);

		if (!a)
			return -1;
		copy_actor_code(a, &c->out->actors[ref[m]], ref[m]);
		copy_str(a->sector, sizeof(a->sector), pair_nouns[k].sector);
		join_code(a, a->country);
		a->group = (uint32_t)first;
		a->ngroup = m ? 0 : 2;
	}
	return 1;
}

/* Token i is "the": "the two" + a pair noun (pair_at). */
static int the_two_at(vigil__cctx *c, uint32_t i)
{
	if (i + 2 >= c->te || c->tok[i + 1].len != 3 || !word_is(c, i + 1, "two"))
		return 0;
	return pair_at(c, i, i + 2);
}

/*
 * A surname alone ("Kobakhidze accused ...", "Ali's accusations") of a
 * person the document named in full before (actor flagged NAMED, whose
 * last token it repeats): that person's code, as resolved on the date. The
 * word must stand alone, not inside another name ("Hassan Ali Khan").
 */
static int surname_at(vigil__cctx *c, uint32_t i)
{
	size_t before = c->out->nactor, k;
	size_t stop = before > LOOKBACK ? before - LOOKBACK : 0;
	vigil__actor *a;

	if (c->tok[i].len < 3 || (i > c->tb && loose_name(c, i - 1)) ||
	    loose_name(c, i + 1) || vigil__cctx_word(c, i))
		return 0;
	for (k = before; k-- > stop;) {
		const vigil__actor *src = &c->out->actors[k];

		if (!(src->flags & VIGIL__AF_NAMED) ||
		    !same_word(c, src->tok_end - 1, i))
			continue;
		a = vigil__clause_new_actor(c, i, i + 1);
		if (!a)
			return -1;
		copy_actor_code(a, &c->out->actors[k], (int32_t)k);
		a->entry = c->out->actors[k].entry;
		if (i + 1 < c->te && c->tok[i + 1].type == VIGIL_TOK_POSS &&
		    !actorish(c, match_at(c, i + 2)))
			a->flags |= VIGIL__AF_POSS;
		return 1;
	}
	return 0;
}

/* "the agency"/"the service" (no dictionary agent by themselves: "news
 * agency", "ambulance service"): the most recent actor of the sector
 * (South Korea's National Intelligence Service ... "The agency" ->
 * KORSPY); nothing when there is none. "the ministry"/"the army" are
 * agents, resolved in phrase_at. */
static const struct {
	const char *word, *sector;
} institutions[] = {{"agency", "SPY"}, {"service", "SPY"}};

static int the_institution_at(vigil__cctx *c, uint32_t i)
{
	size_t k;

	if (i + 1 >= c->te || match_at(c, i + 1) >= 0 ||
	    (i + 2 < c->te && (c->tok[i + 2].flags & VIGIL_TF_CAP)))
		return 0;
	for (k = 0; k < sizeof(institutions) / sizeof(institutions[0]); k++) {
		int32_t ref;
		vigil__actor *a;

		if (!word_is(c, i + 1, institutions[k].word))
			continue;
		ref = recent_actor(c, c->out->nactor, NULL, institutions[k].sector);
		if (ref < 0)
			return 0;
		a = vigil__clause_new_actor(c, i + 1, i + 2);
		if (!a)
			return -1;
		a->tok_begin = i;
		copy_actor_code(a, &c->out->actors[ref], ref);
		return 1;
	}
	return 0;
}

/* Token i (word classes w) is "the" ("the North", "the two countries",
 * "the ministry") or "both" ("both armies"): the actor it opens, as the
 * functions above. */
static int determiner_at(vigil__cctx *c, uint32_t i, uint32_t w)
{
	int r;

	if ((w & W_PAIR) && c->tok[i].len == 4)
		return pair_at(c, i, i + 1);
	if (!(w & W_DEM) || c->tok[i].len != 3)
		return 0;
	if ((r = the_north_at(c, i)) != 0 || (r = the_two_at(c, i)) != 0)
		return r;
	return the_institution_at(c, i);
}

/* How actors a and b are joined: 0 not, 1 by commas only, 2 by "and"/"or",
 * 3 by a comma and "and"/"or". */
/* Whether token t (word class w) can stand between "and" and the next
 * member of a compound: an article, or a lowercase adjective-like word
 * of no match (not an adverb such as "then": "and then Ukraine seized"). */
static int modifier(const vigil__cctx *c, uint32_t t, uint32_t w)
{
	static const char *const adverbs[] = {"then", "also", "now", "later",
		"still", "again", "even", "yet", "so", "thus", "too", "soon"};
	const vigil__token *tk = &c->tok[t];
	size_t i;

	if (w & W_DET)
		return 1;
	if (w != 0 || tk->type != VIGIL_TOK_WORD ||
	    (tk->flags & VIGIL_TF_CAP) || match_at(c, t) >= 0 ||
	    (tk->len > 2 && strncmp(c->text + tk->off + tk->len - 2, "ly", 2) == 0))
		return 0;
	for (i = 0; i < sizeof(adverbs) / sizeof(adverbs[0]); i++)
		if (word_is(c, t, adverbs[i]))
			return 0;
	return 1;
}

static int link_type(const vigil__cctx *c, const vigil__actor *a,
		     const vigil__actor *b)
{
	uint32_t t;
	int comma = 0, coord = 0, mods = 0;

	if (b->tok_begin <= a->tok_end || (a->flags & VIGIL__AF_PRONOUN) ||
	    (b->flags & VIGIL__AF_PRONOUN))
		return 0;
	for (t = a->tok_end; t < b->tok_begin; t++) {
		const vigil__token *tk = &c->tok[t];
		uint32_t w = vigil__cctx_word(c, t);

		if (tk->type == VIGIL_TOK_PUNCT && tk->len == 1 &&
		    c->text[tk->off] == ',')
			comma = 1;
		else if ((w & W_COORD) && !(w & W_BUT) && !mods)
			coord = 1;
		else if ((comma || coord) && modifier(c, t, w) && ++mods <= 3)
			continue;  /* "and the evil awful Gondor" */
		else if (!(w & W_POSSPRON) || t + 1 != b->tok_begin)
			return 0;
	}
	return coord ? 2 + comma : comma;
}

/* "Lawmakers in Fornost and Gondor": a bare country joined to an agent's
 * home country (member a of the compound led by g) is the agent's too. */
static void share_home_agent(vigil__actor *a, const vigil__actor *g)
{
	if (a == g || !(g->flags & VIGIL__AF_HOME) || a->agent >= 0 ||
	    a->sector[0] || strlen(a->country) != 3 ||
	    strcmp(a->code, a->country) != 0)
		return;
	a->agent = g->agent;
	copy_str(a->sector, sizeof(a->sector), g->sector);
	join_code(a, a->country);
}

static int is_demonym(const vigil__cctx *c, const vigil__actor *a)
{
	vigil__entry e;

	if (a->entry < 0)
		return 0;
	vigil__lexicon_entry(c->lx, (uint32_t)a->entry, &e);
	return e.type && strcmp(e.type, "demonym") == 0;
}

/* "Indian and Pakistani troops", "Russian and Ukrainian delegations": a
 * bare demonym joined to a last member that is a demonym with an agent
 * shares that agent (INDMIL, PAKMIL). */
static void share_demonym_agent(const vigil__cctx *c, vigil__actor *a,
				const vigil__actor *last)
{
	if (a == last || a->agent >= 0 || a->sector[0] || last->agent < 0 ||
	    !last->sector[0] || strcmp(a->code, a->country) != 0 ||
	    !is_demonym(c, a) || !is_demonym(c, last))
		return;
	a->agent = last->agent;
	copy_str(a->sector, sizeof(a->sector), last->sector);
	join_code(a, a->country);
}

/* Compounds ("A and B", "A, B and C", "both A and B"): a comma joins only
 * inside a list that ends with "and"/"or"; then "between", PREP flags. */
static void group_actors(vigil__cctx *c)
{
	vigil__actor *as = c->out->actors;
	size_t k, j, n = c->out->nactor;

	for (k = c->ab; k + 1 < n; k++) {
		vigil__actor *a = &as[k], *b = &as[k + 1];
		int t = link_type(c, a, b);

		for (j = k + 1; t == 1 && j + 1 < n; j++) {
			int next = link_type(c, &as[j], &as[j + 1]);

			if (next != 1) {
				t = next >= 2 ? 1 : 0;
				break;
			}
		}
		if (t == 1 && j + 1 >= n)
			t = 0;
		if (t == 3 && as[a->group].ngroup < 2)
			t = 0; /* ", and" joins clauses unless it ends a list */
		if (!t)
			continue;
		b->group = a->group;
		b->ngroup = 0;
		as[a->group].ngroup++;
	}
	for (k = c->ab; k < n; k++) {
		vigil__actor *a = &as[k];
		const vigil__actor *g = &as[a->group];

		share_home_agent(a, g);
		if (g->ngroup >= 2)
			share_demonym_agent(c, a, g + g->ngroup - 1);
		uint32_t w = g->tok_begin > c->tb
				     ? vigil__cctx_word(c, g->tok_begin - 1)
				     : 0;
		const vigil__token *p = g->tok_begin > c->tb
						? &c->tok[g->tok_begin - 1]
						: NULL;

		if ((w & W_PREP) && !(w & W_SUBX))
			a->flags |= VIGIL__AF_PREP;
		if (p && g->ngroup >= 2 && p->len == 7 &&
		    strncmp(c->text + p->off, "between", 7) == 0) {
			a->flags |= VIGIL__AF_BETWEEN;
			a->flags &= (uint16_t)~VIGIL__AF_PREP;
		}
	}
}

int vigil__clause_actors(vigil__cctx *c)
{
	uint32_t i = c->tb, floor = c->tb;
	size_t k;

	c->nquoted = 0;
	while (i < c->te) {
		int32_t mi = match_at(c, i);
		uint32_t end = i + 1;

		int named = loose_name(c, i) ? surname_at(c, i) : 0;

		if (named < 0)
			return -1;
		if (named > 0) {
			floor = end;
		} else if (actorish(c, mi) && starts_match(c, i, mi)) {
			if (phrase_at(c, i, floor, &end) < 0)
				return -1;
			floor = end;
		} else if (c->referents) {
			uint32_t w = c->wc[i - c->tb];
			int r = 0;

			if ((w & (W_PRON | W_POSSPRON)) && mi < 0 && c->words)
				r = pronoun_at(c, i, w);
			else if ((w & (W_DEM | W_PAIR)) && mi < 0)
				r = determiner_at(c, i, w);
			if (r < 0)
				return -1;
			if (r > 0)
				end = c->out->actors[c->out->nactor - 1].tok_end;
			if (c->out->nactor > c->ab &&
			    c->out->actors[c->out->nactor - 1].tok_end > i)
				floor = c->out->actors[c->out->nactor - 1].tok_end;
		} else if (mi >= 0 && starts_match(c, i, mi)) {
			end = c->m[mi].tok_end;
		}
		i = end > i ? end : i + 1;
	}
	if (quoted_first_person(c) < 0)
		return -1;
	group_actors(c);
	for (k = c->ab; k < c->out->nactor; k++) {
		const vigil__actor *a = &c->out->actors[k];
		uint32_t t;

		for (t = a->tok_begin; t < a->tok_end; t++)
			c->ta[t - c->tb] = (int32_t)k;
	}
	return 0;
}
