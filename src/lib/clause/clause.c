/*
 * clause.c: the clause stage's driver. Per sentence: classifies its
 * matches, builds actor phrases (clause_actors.c), cuts clauses at
 * closed-class boundaries, finds attribution frames, then gives each verb
 * match a subject, an object, voice, aux mode, hedge and said_by. Sentences
 * without a verb match only get actor phrases (kept for coreference).
 * The rules and their order are documented in docs/internals/clause.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "clause_int.h"
#include "../code/places.h"

#define MAX_FRAMES 16
#define OBJECT_REACH 12 /* tokens searched right of a verb for its object */
#define NUMBER_REACH 3  /* words from a cue to the number it reports */

/*===== Names ==========================================================*/

const char *vigil__aux_name(int aux)
{
	static const char *const names[] = {"asserted",     "negated",
					    "future",       "hypothetical",
					    "historical",   "denied"};

	if (aux < 0 || aux >= (int)(sizeof(names) / sizeof(names[0])))
		return names[0];
	return names[aux];
}

const char *vigil__rule_name(unsigned i)
{
	static const char *const names[VIGIL__R_COUNT_] = {
		"subject-left",   "subject-possessor", "subject-antecedent",
		"subject-past-attribution", "object-right", "object-antecedent",
		"passive",        "passive-by-agent",  "between",
		"attribution",    "pluperfect",        "past-year",
		"non-specific",   "statement-that",    "event-anaphora",
		"verb-frame"};

	return i < VIGIL__R_COUNT_ ? names[i] : "?";
}

int vigil__entry_valid_on(const vigil__entry *e, uint32_t date)
{
	if (!date)
		return 1;
	return (!e->from || date >= e->from) && (!e->until || date <= e->until);
}

static const struct {
	const char *name;
	uint8_t cls;
} cue_classes[] = {
	{"ATTRIB", VIGIL__CUE_ATTRIB}, {"HEDGE", VIGIL__CUE_HEDGE},
	{"NEG", VIGIL__CUE_NEG},       {"MODAL", VIGIL__CUE_MODAL},
	{"FUTURE", VIGIL__CUE_FUTURE}, {"PAST", VIGIL__CUE_PAST},
	{"REFUSE", VIGIL__CUE_REFUSE}, {"DENY", VIGIL__CUE_DENY},
};

static uint8_t cue_class(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(cue_classes) / sizeof(cue_classes[0]); i++)
		if (code[0] == cue_classes[i].name[0] &&
		    strcmp(code, cue_classes[i].name) == 0)
			return cue_classes[i].cls;
	return VIGIL__CUE_NONE;
}

/*===== Matches and words ==============================================*/

/* Verbs that also act as cues on the verbs after them: a denial denies
 * what it is about ("denied the reports of troop deployments"), an appeal
 * or a demand (02x, 10x) asks for what it names ("called for a ceasefire",
 * "urged Europe to impose sanctions"): see request_reaches(). */
static const struct {
	const char *prefix;
	uint8_t cls;
} verb_cues[] = {
	{"016", VIGIL__CUE_DENY},
	{"02", VIGIL__CUE_MODAL},
	{"10", VIGIL__CUE_MODAL},
};

static uint8_t verb_cue_class(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(verb_cues) / sizeof(verb_cues[0]); i++)
		if (strncmp(code, verb_cues[i].prefix,
			    strlen(verb_cues[i].prefix)) == 0)
			return verb_cues[i].cls;
	return VIGIL__CUE_NONE;
}

/* A person named outside the dates of their offices ("President Bush"
 * in 2000) is still of that country: an elite (ELI) of it. */
static void former_office_holder(vigil__cctx *c, vigil__mclass *mc,
				 uint32_t k)
{
	vigil__entry e;

	vigil__lexicon_entry(c->lx, k, &e);
	if (e.kind == VIGIL_KIND_ACTOR && e.type &&
	    strcmp(e.type, "person") == 0 && e.country && *e.country) {
		mc->actor = (int32_t)k;
		mc->former = 1;
	}
}

/* First valid entry of each kind for every match. */
static void classify_matches(vigil__cctx *c, size_t nm)
{
	size_t i;

	for (i = 0; i < nm; i++) {
		vigil__mclass *mc = &c->mc[i];
		uint32_t k, end = c->m[i].entry_first + c->m[i].entry_count;

		int32_t former = -1;

		mc->actor = mc->agent = mc->verb = mc->place = mc->cue = -1;
		mc->cue_class = VIGIL__CUE_NONE;
		mc->former = 0;
		for (k = c->m[i].entry_first; k < end; k++) {
			int32_t *slot = NULL;
			int kind = vigil__lexicon_entry_kind_on(c->lx, k, c->date);

			if (kind < 0 && former < 0)
				former = (int32_t)k;
			switch (kind) {
			case VIGIL_KIND_ACTOR: slot = &mc->actor; break;
			case VIGIL_KIND_AGENT: slot = &mc->agent; break;
			case VIGIL_KIND_VERB: slot = &mc->verb; break;
			case VIGIL_KIND_PLACE: slot = &mc->place; break;
			case VIGIL_KIND_CUE: slot = &mc->cue; break;
			default: break;
			}
			if (!slot || *slot >= 0)
				continue;
			*slot = (int32_t)k;
			if (slot == &mc->cue)
				mc->cue_class = cue_class(
					vigil__lexicon_entry_code(c->lx, k));
		}
		if (mc->actor < 0 && former >= 0)
			former_office_holder(c, mc, (uint32_t)former);
		/* a verb with patterns only ("+give = 070 pattern=*,aid") is a
		 * verb here; patterns.c codes it, or drops it when none fits */
		if (mc->verb < 0 && c->m[i].pattern_count &&
		    vigil__lexicon_entry_kind_on(c->lx, end, c->date) ==
			    VIGIL_KIND_VERB)
			mc->verb = (int32_t)end;
		if (mc->verb >= 0 && mc->cue < 0) {
			mc->cue_class = verb_cue_class(vigil__lexicon_entry_code(
				c->lx, (uint32_t)mc->verb));
			if (mc->cue_class != VIGIL__CUE_NONE)
				mc->cue = mc->verb;
		}
	}
}

/* Drops the actor reading of a phrase that the document's countries read
 * as a place of another country ("Georgia" next to "Atlanta"): the same
 * choice as places.c makes for event_loc. */
static void drop_foreign_place_actors(vigil__cctx *c, size_t nm)
{
	vigil__place_doc d;
	vigil__entry e;
	size_t i;

	vigil__place_doc_init(&d, c->lx, c->m, nm, c->date,
			      &c->out->place_ev);
	for (i = 0; i < nm; i++) {
		/* an actor and places of two countries: 3 entries at least */
		if (c->mc[i].actor < 0 || c->mc[i].place < 0 ||
		    c->m[i].entry_count < 3)
			continue;
		vigil__lexicon_entry(c->lx, (uint32_t)c->mc[i].actor, &e);
		if (vigil__place_elsewhere(&d, (uint32_t)i, e.country))
			c->mc[i].actor = -1;
	}
}

uint32_t vigil__cctx_word(const vigil__cctx *c, uint32_t i)
{
	const vigil__token *t = &c->tok[i];

	if (c->words && i >= c->tb && i < c->te)
		return c->wc[i - c->tb];
	if (t->type != VIGIL_TOK_WORD || !(t->flags & VIGIL_TF_ASCII))
		return 0;
	return vigil__clause_word(c->text + t->off, t->len);
}

static int is_punct(const vigil__cctx *c, uint32_t i, char ch)
{
	const vigil__token *t = &c->tok[i];

	return t->type == VIGIL_TOK_PUNCT && t->len == 1 &&
	       c->text[t->off] == ch;
}

/* The rest of tok_is once the first bytes agree. */
static int tok_rest_is(const vigil__cctx *c, const vigil__token *t,
		       const char *w)
{
	size_t n = strlen(w), k;

	if (t->len != n)
		return 0;
	for (k = 1; k < n; k++) {
		char ch = c->text[t->off + k];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch + 32);
		if (ch != w[k])
			return 0;
	}
	return 1;
}

/* Whether token i is the lowercase word w in any case. Inline: most
 * tokens differ in the first byte, with no call and no strlen then. */
static inline int tok_is(const vigil__cctx *c, uint32_t i, const char *w)
{
	const vigil__token *t = &c->tok[i];
	char first = c->text[t->off];

	if (first >= 'A' && first <= 'Z')
		first = (char)(first + 32);
	return t->len != 0 && first == w[0] && tok_rest_is(c, t, w);
}

#define WC(c, i) ((c)->wc[(i) - (c)->tb])
#define TM(c, i) ((c)->tm[(i) - (c)->tb])
#define TA(c, i) ((c)->ta[(i) - (c)->tb])
#define CL(c, i) ((c)->cl[(i) - (c)->tb])

static int is_verb_match(const vigil__cctx *c, int32_t mi)
{
	return mi >= 0 && c->mc[mi].verb >= 0;
}

/* Whether token i is only preceded by punctuation and "However"-like
 * adverbs in its sentence (the start of the sentence's content). */
static int at_start(const vigil__cctx *c, uint32_t i)
{
	uint32_t k;

	for (k = c->tb; k < i; k++)
		if (c->tok[k].type != VIGIL_TOK_PUNCT && !tok_is(c, k, "however"))
			return 0;
	return 1;
}

/*===== Clauses ========================================================*/

/* Whether a bare agent with its own verb (not a noun event) begins at
 * token i, after determiners, numbers and at most one other word: "since
 * the first troops arrived", "after two soldiers were killed". */
static int agent_clause_at(const vigil__cctx *c, uint32_t i)
{
	int32_t mi;
	int other = 0;

	while (i < c->te && TM(c, i) < 0 && c->tok[i].type == VIGIL_TOK_WORD) {
		if (WC(c, i) & ~(W_DET | W_NUM | W_DEM))
			return 0;
		if (!WC(c, i) && other++)
			return 0;
		i++;
	}
	mi = i < c->te ? TM(c, i) : -1;
	if (mi < 0 || c->mc[mi].agent < 0 || c->m[mi].tok_begin != i)
		return 0;
	for (i = c->m[mi].tok_end; i < c->te; i++) {
		vigil__entry e;

		mi = TM(c, i);
		if (mi >= 0) {
			if (c->mc[mi].verb < 0 || c->m[mi].tok_begin != i)
				return 0;
			/* "after the troop deployments": a noun event */
			vigil__lexicon_entry(c->lx, (uint32_t)c->mc[mi].verb, &e);
			return !(e.pos && strcmp(e.pos, "noun") == 0);
		}
		if (!(WC(c, i) & (W_BE | W_HAVE | W_MODAL | W_DO)))
			return 0;
	}
	return 0;
}

/* Whether an actor (or a pronoun), or a bare agent with a verb of its
 * own, begins right after token i. */
static int subject_follows(const vigil__cctx *c, uint32_t i)
{
	if (i + 1 >= c->te)
		return 0;
	return TA(c, i + 1) >= 0 || (WC(c, i + 1) & W_PRON) ||
	       agent_clause_at(c, i + 1);
}

static int same_compound(const vigil__cctx *c, uint32_t i)
{
	int32_t a, b;

	if (i < c->tb + 2 || i + 1 >= c->te)
		return 0;
	a = TA(c, i - 2);
	b = TA(c, i + 1);
	return a >= 0 && b >= 0 &&
	       c->out->actors[a].group == c->out->actors[b].group;
}

static int ends_with(const vigil__cctx *c, uint32_t i, const char *suffix);

/* Whether the comma at token i closes a non-restrictive relative clause
 * and the main clause resumes with its verb, over -ly adverbs: "Mali,
 * Burkina Faso and Niger, which formed the alliance in 2023, accuse
 * ECOWAS". A verb in -ing opens an adjunct instead. */
static int resumes_main(const vigil__cctx *c, uint32_t i)
{
	uint32_t k = i + 1;

	while (k < c->te && TM(c, k) < 0 && WC(c, k) == 0 &&
	       c->tok[k].type == VIGIL_TOK_WORD && ends_with(c, k, "ly"))
		k++;
	return k < c->te && is_verb_match(c, TM(c, k)) &&
	       c->m[TM(c, k)].tok_begin == k && !ends_with(c, k, "ing");
}

/* Cuts the sentence into clauses: c->cl per token, c->ctype/cbeg. */
static void segment_clauses(vigil__cctx *c)
{
	uint32_t i, n = 0;
	int sub_open = 0;

	c->ctype[0] = CT_START;
	c->cbeg[0] = c->tb;
	for (i = c->tb; i < c->te; i++) {
		uint32_t w = WC(c, i);
		int prev_comma = i > c->tb && is_punct(c, i - 1, ',');
		int type = -1;

		if (is_punct(c, i, ';') || is_punct(c, i, ':')) {
			type = CT_HARD;
		} else if (is_punct(c, i, ',') && sub_open) {
			type = CT_MAIN;
			sub_open = 0;
		} else if (is_punct(c, i, ',') && c->ctype[n] == CT_RELNR &&
			   resumes_main(c, i)) {
			type = CT_RESUME;
		} else if ((w & W_SUB) ||
			   ((w & W_SUBX) && subject_follows(c, i))) {
			type = CT_SUB;
			sub_open = at_start(c, i);
		} else if (w & W_REL) {
			type = prev_comma ? CT_RELNR : CT_REL;
		} else if ((w & W_THAT) && i > c->tb &&
			   !(WC(c, i - 1) & W_PREP)) {
			type = CT_COMP;
		} else if ((w & W_BUT) ||
			   ((w & W_COORD) && prev_comma && !same_compound(c, i))) {
			type = CT_COORD;
		}
		if (type >= 0 && c->cbeg[n] < i) {
			n++;
			c->ctype[n] = (uint8_t)type;
			c->cbeg[n] = i;
		} else if (type >= 0) {
			c->ctype[n] = (uint8_t)type;
		}
		CL(c, i) = (uint16_t)n;
	}
}

/*===== Attribution frames =============================================*/

typedef vigil__cframe frame;

/* "Pakistan's military spokesman, Lieutenant General Ahmed Sharif
 * Chaudhry, said": comma (token cm) closes an appositive of at most six
 * capitalised words; the actor ending before its opening comma, else one
 * inside it; -1 when there is no such appositive. */
static int32_t appositive_speaker(const vigil__cctx *c, uint32_t cm)
{
	uint32_t k = cm;
	int32_t inner = -1;

	while (k > c->tb && cm - k < 7) {
		const vigil__token *t = &c->tok[--k];

		if (is_punct(c, k, ','))
			return k > c->tb && TA(c, k - 1) >= 0 ? TA(c, k - 1)
							     : inner;
		if (t->type != VIGIL_TOK_WORD ||
		    !(c->text[t->off] >= 'A' && c->text[t->off] <= 'Z'))
			return -1;
		if (inner < 0)
			inner = TA(c, k);
	}
	return -1;
}

/* The actor whose text ends within 3 tokens before `cb` (no comma, verb or
 * determiner between), or the speaker of an appositive; -1 if none. */
static int32_t speaker_before(const vigil__cctx *c, uint32_t cb)
{
	uint32_t k = cb, gap = 0;

	if (k > c->tb && is_punct(c, k - 1, ','))
		return appositive_speaker(c, k - 1);
	while (k > c->tb && gap <= 3) {
		k--;
		if (TA(c, k) >= 0)
			return TA(c, k);
		/* "Washington over the tariffs announced by ...": a noun
		 * phrase of its own lies between, the actor is no speaker */
		if (is_punct(c, k, ',') || is_verb_match(c, TM(c, k)) ||
		    (WC(c, k) & W_DET))
			return -1;
		gap++;
	}
	return -1;
}

static int ends_with(const vigil__cctx *c, uint32_t i, const char *suffix)
{
	const vigil__token *t = &c->tok[i];
	size_t n = strlen(suffix);

	return t->len > n && memcmp(c->text + t->off + t->len - n, suffix, n) == 0;
}

/* Whether a verb match starts at token i, over auxiliaries, "not" and
 * up to two adverbs: the phrase ending before i is that verb's subject. */
static int verb_starts_at(const vigil__cctx *c, uint32_t i)
{
	int adverbs = 0;

	for (; i < c->te; i++) {
		if (is_verb_match(c, TM(c, i)))
			return c->m[TM(c, i)].tok_begin == i;
		if (WC(c, i) & (W_BE | W_HAVE | W_MODAL | W_DO) ||
		    tok_is(c, i, "not"))
			continue;
		if (adverbs++ < 2 && c->tok[i].type == VIGIL_TOK_WORD &&
		    TM(c, i) < 0 && !WC(c, i) && ends_with(c, i, "ly"))
			continue;
		return 0;
	}
	return 0;
}

/* "according to X", "claims by X": the actor right after the cue; never
 * a subject pronoun ("Milei, a critic of the bloc, said he supported the
 * deal": he is the reported clause's subject, not a speaker), nor an
 * actor followed by its verb ("Officials said Russia attacked ...": the
 * speaker has no code, Russia is the attacker). */
static int32_t speaker_after(const vigil__cctx *c, uint32_t ce)
{
	int32_t k;

	if (ce < c->te && tok_is(c, ce, "by"))
		ce++;
	k = ce < c->te ? TA(c, ce) : -1;
	if (k >= 0 && (c->out->actors[k].flags & VIGIL__AF_PRONOUN) &&
	    (WC(c, ce) & W_PRON))
		return -1;
	if (k >= 0 && verb_starts_at(c, c->out->actors[k].tok_end))
		return -1;
	return k;
}

/* Token i, or the token after the parenthetical that opens at i
 * ("JNIM (Jama'at Nusrat al-Islam) claimed"). */
static uint32_t past_parens(const vigil__cctx *c, uint32_t i)
{
	uint32_t k;

	if (i >= c->te || !is_punct(c, i, '('))
		return i;
	for (k = i + 1; k < c->te && k < i + 16; k++)
		if (is_punct(c, k, ')'))
			return k + 1;
	return i;
}

/* "X confirmed the swap and said ...", "X recalled its diplomats,
 * saying ...": a cue after "and" or after a comma (in -ing) is spoken by
 * the subject of the verb before it: the last actor before the cue that
 * a verb follows and that is no prepositional object; -1 when none. */
static int32_t speaker_coord(const vigil__cctx *c, uint32_t cb)
{
	int32_t k, best = -1;

	if (cb <= c->tb || !(tok_is(c, cb - 1, "and") ||
			     (is_punct(c, cb - 1, ',') && ends_with(c, cb, "ing"))))
		return -1;
	for (k = (int32_t)c->ab; k < (int32_t)c->out->nactor; k++) {
		const vigil__actor *a = &c->out->actors[k];

		if (a->tok_begin >= cb)
			break;
		if (!(a->flags & (VIGIL__AF_PREP | VIGIL__AF_POSS |
				  VIGIL__AF_BETWEEN)) &&
		    verb_starts_at(c, past_parens(c, a->tok_end)))
			best = k;
	}
	return best;
}

/* The end of a shared frame: the next comma after the cue ("..., saying
 * Rwanda had declared war, ..."), else the end of the sentence. */
static uint32_t next_comma(const vigil__cctx *c, uint32_t i)
{
	while (i < c->te && !is_punct(c, i, ','))
		i++;
	return i;
}

static int verb_after(const vigil__cctx *c, uint32_t from)
{
	uint32_t mi;

	for (mi = c->mb; mi < c->me; mi++)
		if (c->m[mi].tok_begin >= from && c->mc[mi].verb >= 0)
			return 1;
	return 0;
}

/* Whether an actor or a subject pronoun and then an auxiliary or modal
 * begin at token k: a reported clause ("said Georgia would not put ...",
 * "said it had"), whether or not its verb is coded. */
static int clause_at(const vigil__cctx *c, uint32_t k)
{
	if (k >= c->te)
		return 0;
	if (WC(c, k) & W_PRON)
		k++;
	else if (TA(c, k) >= 0)
		k = c->out->actors[TA(c, k)].tok_end;
	else
		return 0;
	return k < c->te && (WC(c, k) & (W_MODAL | W_HAVE | W_BE | W_DO));
}

/* Whether content follows an attribution cue [cb, ce): a verb, "that"
 * (in the cue or after it), a subject with an auxiliary, or a number at
 * most NUMBER_REACH words on ("said 5,000 troops were sent", "estimated
 * that around 15,000 ..."). */
static int content_after(const vigil__cctx *c, uint32_t cb, uint32_t ce)
{
	uint32_t k;

	if (verb_after(c, ce) || (ce > cb && (WC(c, ce - 1) & W_THAT)) ||
	    (ce < c->te && (WC(c, ce) & W_THAT)) || clause_at(c, ce))
		return 1;
	for (k = ce; k < c->te && k <= ce + NUMBER_REACH; k++) {
		if (c->tok[k].type == VIGIL_TOK_NUMBER)
			return 1;
		if (c->tok[k].type != VIGIL_TOK_WORD)
			return 0;
	}
	return 0;
}

/* Words after a cue that ask rather than report ("has not said
 * whether ..."), and negations between the speaker and the cue. */
static const char *const question_words[] = {"whether", "why", "how",
					     "when", "what", "who", "if"};
static const char *const negations[] = {"not", "never", "n't"};

/* Whether the cue m after a speaker ending at token se reports nothing
 * of what precedes: "..., but he has not said whether he will halt". */
static int unsaid(const vigil__cctx *c, uint32_t se, const vigil__match *m)
{
	size_t i, nq = sizeof(question_words) / sizeof(question_words[0]);
	size_t nn = sizeof(negations) / sizeof(negations[0]);
	uint32_t k;

	for (i = 0; m->tok_end < c->te && i < nq; i++)
		if (tok_is(c, m->tok_end, question_words[i]))
			return 1;
	for (k = se; k < m->tok_begin; k++)
		for (i = 0; i < nn; i++)
			if (tok_is(c, k, negations[i]))
				return 1;
	return 0;
}

/* The speaker of the ATTRIB cue m and the tokens it covers in
 * f; -1 when the cue has none. */
/* Where what a statement reports ends: the first ';' at or after token
 * i, or ", and"/", but" opening a clause with a subject of its own ("...
 * would be considered an act of war, and it closed its airspace"), else
 * the end of the sentence ("China's sweeping claims ... had no legal
 * basis; Beijing has refused" is the narrator's). */
static uint32_t report_end(const vigil__cctx *c, uint32_t i)
{
	for (; i < c->te; i++) {
		if (is_punct(c, i, ';'))
			break;
		if (is_punct(c, i, ',') && i + 1 < c->te &&
		    (WC(c, i + 1) & W_COORD) && subject_follows(c, i + 1))
			break;
	}
	return i;
}

static int32_t frame_of(const vigil__cctx *c, const vigil__match *m, frame *f)
{
	const vigil__actor *sp;
	/* "Russia criticized Ukraine and said": Ukraine is no speaker */
	int32_t k = m->tok_begin > c->tb && tok_is(c, m->tok_begin - 1, "and") ?
		    -1 : speaker_before(c, m->tok_begin);

	f->shared = 0;
	if (k >= 0) {
		/* "X said that ..." covers what follows; "..., X said"
		 * and "..., X said, a day after ..." what precedes */
		int ahead = content_after(c, m->tok_begin, m->tok_end) &&
			    !is_punct(c, m->tok_end, ',') &&
			    !is_punct(c, m->tok_end, '.');

		sp = &c->out->actors[k];
		f->from = ahead ? m->tok_end : c->tb;
		f->to = ahead ? report_end(c, m->tok_end) : sp->tok_begin;
		if (ahead || !unsaid(c, sp->tok_end, m))
			return k;
	}
	k = speaker_after(c, m->tok_end);
	if (k >= 0) {
		sp = &c->out->actors[k];
		f->from = at_start(c, m->tok_begin) ? c->tb : sp->tok_end;
		f->to = c->te;
		return k;
	}
	/* the speaker stays the subject of its own verb: no AF_FRAME */
	k = speaker_coord(c, m->tok_begin);
	f->from = m->tok_end;
	f->to = next_comma(c, m->tok_end);
	f->shared = 1;
	return k;
}

/* Appends the sentence's frames to c->out->frames; *f, *n: them. */
static int find_frames(vigil__cctx *c, frame **fp, size_t *np)
{
	vigil__clauses *o = c->out;
	size_t first = o->nframe, n = 0;
	uint32_t mi;

	for (mi = c->mb; mi < c->me && n < MAX_FRAMES; mi++) {
		const vigil__match *m = &c->m[mi];
		frame *f;
		int32_t k;

		if (c->mc[mi].cue_class != VIGIL__CUE_ATTRIB ||
		    c->mc[mi].verb >= 0)
			continue;
		if (o->nframe == o->frame_cap &&
		    vigil__arena_grow(c->a, (void **)&o->frames, &o->frame_cap,
				      o->nframe + 1, sizeof(*o->frames)) < 0)
			return -1;
		f = &o->frames[o->nframe];
		k = frame_of(c, m, f);
		if (k < 0)
			continue;
		o->nframe++;
		if (!f->shared)
			o->actors[k].flags |= VIGIL__AF_FRAME;
		f->sent = c->sent;
		f->cue_tok = m->tok_begin;
		f->speaker = k;
		f->cue = (int32_t)mi;
		n++;
	}
	*fp = n ? o->frames + first : NULL;  /* frames is NULL before any */
	*np = n;
	return 0;
}

/* Among frames f[0..n) covering tok, the one whose cue is the last before
 * tok, else the first; `skip` (may be NULL) rejects some. -1: none. */
static int32_t best_frame(const frame *f, size_t n, uint32_t tok,
			  int (*skip)(const void *, const frame *),
			  const void *arg)
{
	size_t i;
	int32_t best = -1;

	for (i = 0; i < n; i++) {
		uint32_t cb = f[i].cue_tok;

		if (tok < f[i].from || tok >= f[i].to || (skip && skip(arg, &f[i])))
			continue;
		if (best < 0 || (cb <= tok && cb > f[best].cue_tok))
			best = (int32_t)i;
	}
	return best;
}

int32_t vigil__clause_frame_at(const vigil__clauses *cl, uint32_t sent,
			       uint32_t tok)
{
	size_t lo = 0, hi = cl->nframe, n;
	int32_t k;

	while (lo < hi) { /* the first frame of sentence >= sent */
		size_t mid = lo + (hi - lo) / 2;

		if (cl->frames[mid].sent < sent)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (n = 0; lo + n < cl->nframe && cl->frames[lo + n].sent == sent; n++)
		;
	if (n == 0)
		return -1;
	k = best_frame(cl->frames + lo, n, tok, NULL, NULL);
	return k < 0 ? -1 : (int32_t)(lo + (size_t)k);
}

/*===== Arguments ======================================================*/

static int32_t group_of(const vigil__cctx *c, int32_t k)
{
	return k < 0 ? -1 : (int32_t)c->out->actors[k].group;
}

static int word_in(const vigil__cctx *c, int64_t i, const char *const *w,
		   size_t n);

/* The token before i, skipping up to two adverbs ("-ly" words, W_ADV:
 * "also", "already", "just"; hedges). */
static int64_t before_adverbs(const vigil__cctx *c, uint32_t i)
{
	int skipped = 0;

	while (i > c->tb) {
		i--;
		if (skipped < 2 && WC(c, i) == W_ADV) {
			skipped++;
			continue;
		}
		if (skipped < 2 && c->tok[i].type == VIGIL_TOK_WORD &&
		    WC(c, i) == 0 &&
		    (ends_with(c, i, "ly") ||
		     (TM(c, i) >= 0 &&
		      c->mc[TM(c, i)].cue_class == VIGIL__CUE_HEDGE))) {
			skipped++;
			continue;
		}
		return i;
	}
	return -1;
}

/* The possessor or modifier of a noun event: "Putin's visit", "its war",
 * "North Korean troop deployments". */
static int32_t noun_owner(const vigil__cctx *c, uint32_t vb)
{
	uint32_t k = vb, steps = 0;

	while (k > c->tb && steps < 4) {
		const vigil__token *t;
		uint32_t w;

		k--;
		if (TA(c, k) >= 0)
			return TA(c, k);
		t = &c->tok[k];
		w = WC(c, k);
		if (TM(c, k) >= 0 || (w & ~(W_DET | W_NUM | W_DEM | W_NONSPEC)))
			return -1;
		if (t->type == VIGIL_TOK_PUNCT && !is_punct(c, k, '"'))
			return -1;
		steps++;
	}
	return -1;
}

/* The antecedent of the relative clause opened at token r: an actor, or a
 * place (as a new PLACE actor). -1 when none. */
static int32_t place_actor(vigil__cctx *c, int32_t mi);

static int32_t antecedent(vigil__cctx *c, uint32_t r)
{
	uint32_t k = r;

	if (k > c->tb && is_punct(c, k - 1, ','))
		k--;
	if (k == c->tb)
		return -1;
	k--;
	if (TA(c, k) >= 0)
		return group_of(c, TA(c, k));
	if (TM(c, k) >= 0 && c->mc[TM(c, k)].place >= 0)
		return place_actor(c, TM(c, k));
	return -1;
}

static int32_t place_actor(vigil__cctx *c, int32_t mi)
{
	vigil__entry e;
	vigil__actor *a;
	size_t n;

	vigil__lexicon_entry(c->lx, (uint32_t)c->mc[mi].place, &e);
	if (!e.country || !*e.country || vigil__clause_patron(c, mi))
		return -1;
	a = vigil__clause_new_actor(c, c->m[mi].tok_begin, c->m[mi].tok_end);
	if (!a)
		return -1;
	a->entry = c->mc[mi].place;
	a->flags |= VIGIL__AF_PLACE;
	n = strlen(e.country);
	if (n > 3)
		n = 3;
	memcpy(a->country, e.country, n);
	memcpy(a->code, e.country, n);
	return (int32_t)(c->out->nactor - 1);
}

/* Whether only auxiliaries and adverbs lie in [from, to): "of these
 * soldiers have been killed" makes the soldiers the verb's subject. */
static int only_auxiliaries(const vigil__cctx *c, uint32_t from, uint32_t to)
{
	uint32_t k;

	for (k = from; k < to; k++)
		if (!(WC(c, k) & (W_BE | W_HAVE | W_MODAL | W_DO)) &&
		    !(c->tok[k].type == VIGIL_TOK_WORD && WC(c, k) == 0 &&
		      ends_with(c, k, "ly")))
			return 0;
	return 1;
}

/* Prepositions that attach an actor to the noun phrase before them
 * ("Russian troops in Ukraine", "officials from Seoul"): such an actor
 * is a modifier, not the head of the subject. */
static const char *const modifier_preps[] = {"in", "from", "of", "near",
					     "at", "across"};

/* Whether the group of actor k modifies an actor phrase ending right
 * before its preposition ("Russian troops in Ukraine attacked": the head
 * is the troops). After a bare agent ("doctors from two American aid
 * groups donated") or a quantity ("of these soldiers have been killed")
 * the later actor stays the best subject there is. */
static int modifies_actor(const vigil__cctx *c, int32_t k)
{
	const vigil__actor *g = &c->out->actors[group_of(c, k)];
	uint32_t p = g->tok_begin;
	size_t i, n = sizeof(modifier_preps) / sizeof(modifier_preps[0]);

	if (p < c->tb + 2)
		return 0;
	for (i = 0; i < n && !tok_is(c, p - 1, modifier_preps[i]); i++)
		;
	return i < n && TA(c, p - 2) >= 0 && CL(c, p - 2) == CL(c, p - 1);
}

/* CAMEO roots of verbs that talk about their object (praise,
 * investigation, disapproval, rejection, threats): an event noun they
 * govern is what they talk about, not an act of their subject ("condemned
 * the assault", "called the strikes an act of war"), or agreed on, which
 * that verb already codes ("agreed on the text of a peace treaty"). Not
 * statements (01: "declared a ceasefire" declares one's own),
 * consultations (04), nor appeals and demands (02, 10: "demanded a
 * ceasefire" is the demander's hypothetical one, section 6), nor verbs
 * that are cues ("refused a truce": a negated truce of the refuser). */
static const char *const verbal_roots[] = {"03", "05", "09", "11", "12",
					   "13"};

/* Whether token k begins a verb match of a verbal root, or a verb that is
 * an attribution cue ("called"), whose direct object
 * is the event noun at vb: at most 4 tokens between, none a preposition
 * or punctuation, and the verb not part of a hyphenated word
 * ("its long-threatened invasion"). */
static int verbal_verb_at(const vigil__cctx *c, uint32_t k, uint32_t vb)
{
	int32_t mi = TM(c, k);
	const char *code;
	uint32_t t;
	size_t i;

	if (mi < 0 || c->mc[mi].verb < 0 || c->m[mi].tok_begin != k ||
	    c->m[mi].tok_end > vb || vb - c->m[mi].tok_end > 4 ||
	    (c->tok[k].flags & VIGIL_TF_INNER) ||
	    (k > c->tb && (c->tok[k - 1].flags & VIGIL_TF_INNER)))
		return 0;
	for (t = c->m[mi].tok_end; t < vb; t++)
		if (c->tok[t].type != VIGIL_TOK_WORD || (WC(c, t) & W_PREP))
			return 0;
	if (c->mc[mi].cue_class == VIGIL__CUE_ATTRIB) /* "called" */
		return 1;
	if (c->mc[mi].cue >= 0) /* "refused a truce": a cue governs it */
		return 0;
	code = vigil__lexicon_entry_code(c->lx, (uint32_t)c->mc[mi].verb);
	for (i = 0; i < sizeof(verbal_roots) / sizeof(verbal_roots[0]); i++)
		if (strncmp(code, verbal_roots[i], 2) == 0)
			return 1;
	return 0;
}

/*
 * "U.S. airstrikes on Houthi targets across Yemen killed 31 people": the
 * prepositional object before the verb belongs to an event noun earlier in
 * the clause, and the noun's owner is the verb's subject ("The attack on
 * Kyiv killed ...": none; the event noun rule of events.c applies). Returns
 * 1 with *owner = the noun's subject (by the possessor rule, or -1) when
 * such a noun ends before token `before` in `clause` with no verb between;
 * else 0.
 */
static int other_verb_in(const vigil__cctx *c, uint32_t from, uint32_t to);

static int owned_noun_before(const vigil__cctx *c, uint32_t before,
			     uint16_t clause, int32_t *owner)
{
	size_t i = c->out->nverb;

	while (i-- > 0 && c->out->verbs[i].sent == c->sent) {
		const vigil__cverb *w = &c->out->verbs[i];
		const vigil__match *m = &c->m[w->match];

		if (m->tok_end > before)
			continue;
		if (!w->noun ||
		    (w->subj >= 0 && !(w->rules & VIGIL__R_SUBJ_POSS)) ||
		    CL(c, m->tok_begin) != clause ||
		    other_verb_in(c, m->tok_end, before))
			return 0;
		*owner = w->subj;
		return 1;
	}
	return 0;
}

static const char *const past_irregular[] = {"began", "came", "took",
					     "broke", "went"};

/* Whether the event noun at [vb, ve) heads a clause of time opened by
 * "since", "after", "before", "until", "as" or "once" over determiners
 * and up to three modifier words ("full-scale": two) and a verb of its
 * own follows ("since the full-scale invasion began in February 2022"):
 * it is that clause's subject, with no actor from the clause around it. */
static int noun_heads_time_clause(const vigil__cctx *c, uint32_t vb,
				  uint32_t ve)
{
	uint32_t k = vb, mods = 0;

	while (k > c->tb && TM(c, k - 1) < 0 && TA(c, k - 1) < 0 &&
	       (is_punct(c, k - 1, '-') ||
		(c->tok[k - 1].type == VIGIL_TOK_WORD &&
		 ((WC(c, k - 1) & (W_DET | W_NUM)) ||
		  (!WC(c, k - 1) && mods++ < 3)))))
		k--;
	if (k <= c->tb || !(WC(c, k - 1) & W_SUBX) || ve >= c->te ||
	    c->tok[ve].type != VIGIL_TOK_WORD || TM(c, ve) >= 0)
		return 0;
	return (WC(c, ve) & (W_BE | W_HAVE)) ||
	       (!WC(c, ve) && ends_with(c, ve, "ed")) ||
	       word_in(c, ve, past_irregular,
			    sizeof(past_irregular) / sizeof(past_irregular[0]));
}

/* Whether the verb entry of match mi is an event noun (pos=noun). */
static int noun_entry(const vigil__cctx *c, int32_t mi)
{
	const char *pos = vigil__lexicon_entry_pos(c->lx, (uint32_t)c->mc[mi].verb);

	return pos && strcmp(pos, "noun") == 0;
}

/* "Pakistan, a key U.S. ally in the war against terrorism, has refused":
 * the verb (over auxiliaries and adverbs; k: the token before it over
 * adverbs) right after the closing comma of an aside that opens with an
 * article right after an actor phrase; that actor, or -1. The aside holds
 * no verb (event nouns are fine) and no other punctuation. */
static int32_t before_aside(const vigil__cctx *c, int64_t k)
{
	uint32_t open, steps = 0;

	while (k > (int64_t)c->tb &&
	       (WC(c, (uint32_t)k) & (W_HAVE | W_BE | W_MODAL | W_DO)))
		k = before_adverbs(c, (uint32_t)k);
	if (k <= (int64_t)c->tb || !is_punct(c, (uint32_t)k, ','))
		return -1;
	for (open = (uint32_t)k; open-- > c->tb && steps++ < 16;) {
		if ((is_verb_match(c, TM(c, open)) &&
		     !noun_entry(c, TM(c, open))) ||
		    (c->tok[open].type == VIGIL_TOK_PUNCT &&
		     !is_punct(c, open, ',') && !is_punct(c, open, '.')))
			return -1;
		if (!is_punct(c, open, ','))
			continue;
		if (open + 1 >= (uint32_t)k || open <= c->tb ||
		    !(tok_is(c, open + 1, "a") || tok_is(c, open + 1, "an") ||
		      tok_is(c, open + 1, "the")) ||
		    TA(c, open - 1) < 0)
			return -1;
		return group_of(c, TA(c, open - 1));
	}
	return -1;
}

static int32_t find_subject(vigil__cctx *c, vigil__cverb *v, uint32_t vb,
			    int64_t before)
{
	uint16_t clause = CL(c, vb);
	int frame_skipped = 0;
	uint32_t k;
	int32_t aside;

	if (v->noun) {
		int32_t owner = noun_owner(c, vb);

		if (owner >= 0) {
			v->rules |= VIGIL__R_SUBJ_POSS;
			return group_of(c, owner);
		}
		if (noun_heads_time_clause(c, vb, c->m[v->match].tok_end))
			return -1;
	} else if ((aside = before_aside(c, before)) >= 0 &&
		   !(c->out->actors[aside].flags & VIGIL__AF_FRAME)) {
		v->rules |= VIGIL__R_SUBJ_LEFT;
		return aside;
	}
	for (k = vb; k > c->tb;) {
		const vigil__actor *a;

		k--;
		if (CL(c, k) != clause) {
			uint8_t type = c->ctype[clause];

			if (type == CT_RESUME && !frame_skipped) {
				int32_t ante = antecedent(c, c->cbeg[clause - 1]);

				if (ante >= 0)
					v->rules |= VIGIL__R_SUBJ_REL;
				return ante;
			}
			if ((type == CT_REL || type == CT_RELNR) && !frame_skipped) {
				int32_t ante = antecedent(c, c->cbeg[clause]);

				if (ante >= 0)
					v->rules |= VIGIL__R_SUBJ_REL;
				return ante;
			}
			if (!frame_skipped || type == CT_HARD)
				return -1;
			clause = CL(c, k);
		}
		if (v->noun && verbal_verb_at(c, k, vb))
			return -1;
		if (TA(c, k) < 0)
			continue;
		a = &c->out->actors[TA(c, k)];
		k = a->tok_begin;
		if (a->flags & VIGIL__AF_FRAME) {
			frame_skipped = 1;
			continue;
		}
		if ((a->flags & VIGIL__AF_PREP) &&
		    !(a->flags & (VIGIL__AF_POSS | VIGIL__AF_BETWEEN)) &&
		    (!only_auxiliaries(c, a->tok_end, vb) ||
		     modifies_actor(c, TA(c, k))))
			continue;
		if ((a->flags & VIGIL__AF_PREP) &&
		    !(a->flags & (VIGIL__AF_POSS | VIGIL__AF_BETWEEN))) {
			int32_t owner;

			if (owned_noun_before(c, k, clause, &owner)) {
				if (owner >= 0)
					v->rules |= VIGIL__R_SUBJ_POSS;
				return owner;
			}
		}
		v->rules |= VIGIL__R_SUBJ_LEFT;
		if (frame_skipped)
			v->rules |= VIGIL__R_SUBJ_FRAME;
		return group_of(c, TA(c, k));
	}
	return -1;
}

/* Whether match mi is an event noun that ends with the preposition of its
 * own argument ("agreement with", "attack on"), starting at token k: as
 * the object of a verb ("signed a defence and economic agreement with
 * Mogadishu"), that argument is the verb's. */
static int noun_with_argument(const vigil__cctx *c, int32_t mi, uint32_t k)
{
	const vigil__match *m = &c->m[mi];

	return m->tok_begin == k && m->tok_end > k + 1 &&
	       (WC(c, m->tok_end - 1) & W_OBJPREP) && noun_entry(c, mi);
}

static int32_t find_object(vigil__cctx *c, uint32_t ve, uint16_t clause)
{
	uint32_t k;

	for (k = ve; k < c->te && k < ve + OBJECT_REACH; k++) {
		int32_t mi = TM(c, k);
		uint32_t w = WC(c, k);

		if (CL(c, k) != clause)
			break;
		if (TA(c, k) >= 0) {
			if (c->out->actors[TA(c, k)].flags & VIGIL__AF_FRAME)
				break;
			return group_of(c, TA(c, k));
		}
		if (is_verb_match(c, mi) && noun_with_argument(c, mi, k)) {
			k = c->m[mi].tok_end - 1;
			continue;
		}
		if (is_verb_match(c, mi))
			break;
		if (mi >= 0 && c->mc[mi].place >= 0)
			return place_actor(c, mi);
		if ((w & (W_BLOCK | W_BE | W_HAVE | W_MODAL | W_DO)) ||
		    is_punct(c, k, ',') || is_punct(c, k, '.'))
			break;
	}
	return -1;
}

/* The actor at token i, over up to two lowercase modifiers ("by current
 * Haitian government officials"), or -1. */
static int32_t actor_after_by(const vigil__cctx *c, uint32_t i)
{
	uint32_t k;

	for (k = i; k < c->te && k < i + 3; k++) {
		const vigil__token *t = &c->tok[k];

		if (TA(c, k) >= 0)
			return group_of(c, TA(c, k));
		if (t->type != VIGIL_TOK_WORD || TM(c, k) >= 0 || WC(c, k) ||
		    !(c->text[t->off] >= 'a' && c->text[t->off] <= 'z'))
			return -1;
	}
	return -1;
}

/* The passive agent: "by X" up to OBJECT_REACH tokens after the verb in
 * its clause, with no other verb or end of sentence between ("has been
 * accused of misusing public funds by officials"); a parenthetical
 * between two commas is stepped over ("..., much of it believed to have
 * been embezzled, by officials"), a lone comma ends the search. */
static int32_t find_by_agent(const vigil__cctx *c, uint32_t ve)
{
	uint32_t k, words = 0, paren = 0;
	uint16_t clause = ve > c->tb ? CL(c, ve - 1) : 0;

	for (k = ve; k < c->te && words < OBJECT_REACH; k++) {
		const vigil__token *t = &c->tok[k];

		if (CL(c, k) != clause || is_verb_match(c, TM(c, k)))
			break;
		if (is_punct(c, k, ',')) {
			paren++;
			continue;
		}
		if (t->type == VIGIL_TOK_PUNCT &&
		    (is_punct(c, k, '.') || is_punct(c, k, ';') ||
		     is_punct(c, k, ':') || is_punct(c, k, '!') ||
		     is_punct(c, k, '?')))
			break;
		if (paren == 1) { /* inside the parenthetical */
			if (k - ve > 2 * OBJECT_REACH)
				break;
			continue;
		}
		if (paren == 2 && !is_punct(c, k - 1, ','))
			break;
		if (tok_is(c, k, "by"))
			return actor_after_by(c, k + 1);
		words++;
	}
	return -1;
}

/* A participle or event noun right before "by X" ("talks mediated by the
 * United States", "soldiers captured by Ukraine", "mediation by the UAE"):
 * X is the actor whatever subject lies to the left; an actor that ends
 * right before the participle is its recipient. Returns 1 when applied. */
static int reduced_by_agent(vigil__cctx *c, vigil__cverb *v, uint32_t vb,
			    uint32_t ve)
{
	int32_t by;
	uint32_t after = ve;

	if (ve == vb + 2 && tok_is(c, vb + 1, "by")) /* "mediation by" */
		after = vb + 1;
	if (v->passive || after >= c->te || after != vb + 1 ||
	    !tok_is(c, after, "by") || (!v->noun && !ends_with(c, vb, "ed")) ||
	    (vb > c->tb && (WC(c, vb - 1) & (W_HAVE | W_BE))))
		return 0;
	by = actor_after_by(c, after + 1);
	if (by < 0)
		return 0;
	v->obj = !v->noun && v->subj >= 0 && vb > c->tb &&
			 TA(c, vb - 1) >= 0 &&
			 group_of(c, TA(c, vb - 1)) == v->subj
		 ? v->subj
		 : -1;
	v->subj = by;
	v->rules |= VIGIL__R_BY_AGENT;
	return 1;
}

/* Whether the actor phrase k stands as an object: a preposition or a verb
 * right before it, or another actor earlier in its clause ("Ukraine still
 * holds two North Korean soldiers"). */
static int object_position(const vigil__cctx *c, int32_t k)
{
	uint32_t b = c->out->actors[k].tok_begin, i;

	if (b <= c->tb)
		return 0;
	if (WC(c, b - 1) & W_THAT)
		return 0; /* "denied that India attacked" */
	if (((WC(c, b - 1) & W_PREP) && !tok_is(c, b - 1, "of")) ||
	    is_verb_match(c, TM(c, b - 1)))
		return 1; /* not "supporters of X blocked roads" */
	for (i = b; i-- > c->cbeg[CL(c, b)];) {
		if (TM(c, i) >= 0 && TA(c, i) < 0)
			return 0; /* a verb or cue between: "X said Y" */
		if (TA(c, i) >= 0)
			return !(c->out->actors[TA(c, i)].flags & VIGIL__AF_FRAME);
	}
	return 0;
}

/* A reduced relative without "by": a participle (a one-word match) right
 * after an actor in object position and followed by a preposition or
 * punctuation, not an object ("two North Korean soldiers captured in
 * January", "Ukrainians held in Russia"): that actor is the recipient,
 * the actor unknown. Returns 1 when applied. */
static int reduced_relative(vigil__cctx *c, vigil__cverb *v, uint32_t vb,
			    uint32_t ve)
{
	int32_t k;

	if (v->passive || v->noun || v->obj >= 0 || v->subj < 0 ||
	    vb <= c->tb || ve != vb + 1 || ve >= c->te ||
	    !ends_with(c, vb, "ed") ||
	    TA(c, vb - 1) < 0)
		return 0;
	k = group_of(c, TA(c, vb - 1));
	if (k != v->subj || tok_is(c, ve, "by") ||
	    !((WC(c, ve) & W_PREP) || is_punct(c, ve, ',') ||
	      is_punct(c, ve, '.')) ||
	    !object_position(c, k))
		return 0;
	v->obj = k;
	v->subj = -1;
	v->passive = 1;
	v->rules = (uint16_t)((v->rules & ~VIGIL__R_SUBJ_LEFT) |
			      VIGIL__R_PASSIVE);
	return 1;
}

/* A one-word -ed verb match right after an article or a preposition, with
 * a word of no closed class after it, modifies that noun ("the freed men",
 * "the released soldiers", "in occupied areas"): that noun, when an
 * actor, is its recipient, as in a passive without agent; it has no
 * subject. Returns 1 when applied. */
static int adjectival_participle(vigil__cctx *c, vigil__cverb *v, uint32_t vb,
				 uint32_t ve)
{
	if (v->passive || v->noun || ve != vb + 1 || vb <= c->tb ||
	    ve >= c->te || !ends_with(c, vb, "ed") ||
	    c->tok[ve].type != VIGIL_TOK_WORD || (WC(c, ve) & ~W_NUM) ||
	    !(tok_is(c, vb - 1, "the") || tok_is(c, vb - 1, "a") ||
	      tok_is(c, vb - 1, "an") || (WC(c, vb - 1) & W_PREP)))
		return 0; /* not "those killed in the region" */
	v->subj = -1;
	v->obj = TA(c, ve) >= 0 ? group_of(c, TA(c, ve)) : -1;
	v->passive = 1;
	v->rules = (uint16_t)((v->rules & ~(VIGIL__R_SUBJ_LEFT |
					    VIGIL__R_OBJ_RIGHT |
					    VIGIL__R_SUBJ_REL)) |
			      VIGIL__R_PASSIVE);
	return 1;
}

/* The arguments after an event noun without owner: "a ceasefire between
 * A and B" (the group as object: events.c makes it A <-> B, or A -> B),
 * "a visit to Seoul by X", "the release of 26 prisoners by Russia" (X is
 * the actor, as for a passive). */
static void noun_arguments(vigil__cctx *c, vigil__cverb *v, uint32_t ve)
{
	int32_t k = ve < c->te && tok_is(c, ve, "between") && ve + 1 < c->te ?
		    TA(c, ve + 1) : -1;

	if (v->obj < 0 && k >= 0 &&
	    (c->out->actors[k].flags & VIGIL__AF_BETWEEN) &&
	    c->out->actors[k].ngroup >= 2) {
		v->obj = group_of(c, k);
		v->rules |= VIGIL__R_BETWEEN;
		return;
	}
	v->subj = find_by_agent(c, ve);
	if (v->subj >= 0)
		v->rules |= VIGIL__R_BY_AGENT;
}

/*===== Modality =======================================================*/

/* Whether a verb match other than the one at [vb, ve) begins in [from, to). */
static int other_verb_in(const vigil__cctx *c, uint32_t from, uint32_t to)
{
	uint32_t k;

	for (k = from; k < to; k++)
		if (is_verb_match(c, TM(c, k)) && c->m[TM(c, k)].tok_begin == k)
			return 1;
	return 0;
}

/* A 4-digit year before the report's year, after "in" or a month, in the
 * clause of the verb at [vb, ve); after a verb in the present perfect only
 * with no other verb between ("has offered to hand over the men suspected
 * of blowing up a plane in 1988": the year dates the blowing up, and the
 * offer is news). */
static int past_year_in(const vigil__cctx *c, uint32_t vb, uint32_t ve)
{
	uint32_t k, year = c->date / 10000;
	uint16_t clause = CL(c, vb);
	int64_t p = before_adverbs(c, vb);
	int perfect = p >= 0 && (tok_is(c, (uint32_t)p, "has") ||
				 tok_is(c, (uint32_t)p, "have"));

	if (!year)
		return 0;
	for (k = c->year_at > c->tb ? c->year_at : c->tb + 1; k < c->te; k++) {
		const vigil__token *t = &c->tok[k];
		uint32_t y;

		if (CL(c, k) != clause || t->type != VIGIL_TOK_NUMBER ||
		    t->len != 4)
			continue;
		y = (uint32_t)strtoul(c->text + t->off, NULL, 10);
		if (y >= 1900 && y < year &&
		    (tok_is(c, k - 1, "in") || (WC(c, k - 1) & W_MONTH)) &&
		    (k < vb || !perfect || !other_verb_in(c, ve, k)))
			return 1;
	}
	return 0;
}

/* Priority and aux mode of a cue class: the highest priority wins. */
static const struct {
	uint8_t prio, aux;
} cue_effect[] = {
	[VIGIL__CUE_NONE] = {0, VIGIL__AUX_ASSERTED},
	[VIGIL__CUE_ATTRIB] = {0, VIGIL__AUX_ASSERTED},
	[VIGIL__CUE_HEDGE] = {0, VIGIL__AUX_ASSERTED},
	[VIGIL__CUE_NEG] = {3, VIGIL__AUX_NEGATED},
	[VIGIL__CUE_MODAL] = {2, VIGIL__AUX_HYPOTHETICAL},
	[VIGIL__CUE_FUTURE] = {2, VIGIL__AUX_FUTURE},
	[VIGIL__CUE_PAST] = {1, VIGIL__AUX_HISTORICAL},
	[VIGIL__CUE_REFUSE] = {3, VIGIL__AUX_NEGATED},
	[VIGIL__CUE_DENY] = {4, VIGIL__AUX_DENIED},
};

/* Whether the verb at vb continues the verb before it: "to V" (an
 * infinitive chain: "urged them to stop attacking") or "and / or V" with
 * no subject of its own ("blockading ports and striking facilities"). */
static int chained(const vigil__cctx *c, uint32_t vb)
{
	int64_t p = before_adverbs(c, vb);

	if (p < 0)
		return 0;
	return tok_is(c, (uint32_t)p, "to") ||
	       ((WC(c, (uint32_t)p) & W_COORD) && !(WC(c, (uint32_t)p) & W_BUT));
}

/* Whether a cue ending at token `from` reaches the verb at vb: no verb
 * lies between, or every verb from the first one after the cue on is
 * chained to the one before it and none of them is a cue itself (the
 * nearer cue verb governs: "said, urging Europe to impose sanctions"). */
static int chain_reaches(const vigil__cctx *c, uint32_t from, uint32_t vb)
{
	uint32_t cur = vb, k;

	for (k = vb; k > from; k--) {
		int32_t mi = TM(c, k - 1);

		if (!is_verb_match(c, mi) || c->m[mi].tok_end > cur)
			continue;
		if (!chained(c, cur) || c->mc[mi].cue >= 0)
			return 0;
		cur = c->m[mi].tok_begin;
		k = cur + 1;
	}
	return 1;
}

/* The scope of an appeal or demand verb (02x, 10x) or of "refused" ending
 * at `from`: an infinitive after its addressee ("urged European leaders to
 * prepare new sanctions", "called on both warring parties to agree": up
 * to three words of no class or match) or its direct object, a noun event after
 * determiners and at most one other word ("called for an immediate
 * ceasefire"); not a noun further on ("demanded an investigation into the
 * attack"). */
static int request_reaches(const vigil__cctx *c, uint32_t from, uint32_t vb)
{
	uint32_t k = from, words = 0, t;

	while (k < vb && (WC(c, k) & (W_DET | W_PAIR | W_NUM)))
		k++;
	/* an addressee that is no actor: "called on both warring parties to
	 * agree" */
	for (t = k; t < vb && t < k + 3 && c->tok[t].type == VIGIL_TOK_WORD &&
		    !WC(c, t) && TM(c, t) < 0;
	     t++)
		;
	if (t > k && t < vb && tok_is(c, t, "to"))
		return 1;
	if (k < vb && TA(c, k) >= 0) {
		const vigil__actor *g =
			&c->out->actors[c->out->actors[TA(c, k)].group];
		uint16_t n = g->ngroup ? g->ngroup : 1;

		k = g[n - 1].tok_end;
		return k < vb && tok_is(c, k, "to");
	}
	if (k < vb && tok_is(c, k, "to"))
		return 1;
	for (; k < vb; k++)
		if (c->tok[k].type != VIGIL_TOK_WORD || WC(c, k) || ++words > 1)
			return 0;
	return 1;
}

/* A clause opened by "until" under a modal, future or negated clause is a
 * condition ("nothing would be achieved until he met Putin"). */
static int conditional_until(const vigil__cctx *c, uint16_t clause)
{
	uint32_t mi;

	if (clause == 0 || c->ctype[clause] != CT_SUB ||
	    !tok_is(c, c->cbeg[clause], "until"))
		return 0;
	for (mi = c->mb; mi < c->me; mi++) {
		uint8_t cls = c->mc[mi].cue_class;

		if (c->mc[mi].cue >= 0 && CL(c, c->m[mi].tok_begin) == clause - 1 &&
		    (cls == VIGIL__CUE_MODAL || cls == VIGIL__CUE_FUTURE ||
		     cls == VIGIL__CUE_NEG))
			return 1;
	}
	return 0;
}

/* Adjectives that make an event noun a claim, not a fact ("an alleged
 * arson attack"); the adverbs ("allegedly attacked") only hedge. */
static const char *const claimed_adj[] = {"alleged", "purported"};

/* Whether the noun phrase of the event noun at vb (up to 6 tokens back,
 * no verb, preposition or punctuation but '-' between) has such an
 * adjective. */
static int claimed_noun(const vigil__cctx *c, uint32_t vb)
{
	uint32_t k, steps = 0;
	size_t i;

	for (k = vb; k > c->tb && steps++ < 6; k--) {
		const vigil__token *t = &c->tok[k - 1];

		if (t->type == VIGIL_TOK_PUNCT) {
			if (!is_punct(c, k - 1, '-'))
				return 0;
			continue;
		}
		if ((WC(c, k - 1) & W_PREP) ||
		    (is_verb_match(c, TM(c, k - 1)) &&
		     c->m[TM(c, k - 1)].tok_begin != vb))
			return 0;
		for (i = 0; i < sizeof(claimed_adj) / sizeof(claimed_adj[0]); i++)
			if (tok_is(c, k - 1, claimed_adj[i]))
				return 1;
	}
	return 0;
}

/* Whether the verb or event noun at vb is the object of "commit X to" in
 * its clause: a "to" at most TO_REACH tokens before it with no verb,
 * punctuation or "and" between ("to end", "and to a withdrawal"; not
 * "committed to the ceasefire and accused India"), and a form of "commit"
 * (W_COMMIT) before that "to", within COMMIT_REACH tokens of vb, no ';' or
 * ':' between. A commitment, not yet done. Nothing is scanned in a
 * document without such a form; only after such a "to" is the sentence's
 * first one sought (commit_at, once a sentence). */
#define TO_REACH 3
#define COMMIT_REACH 32
static int committed_to(vigil__cctx *c, uint32_t vb)
{
	uint32_t k, to = vb, floor = vb > c->tb + COMMIT_REACH ?
					     vb - COMMIT_REACH : c->tb;

	if (!(c->doc_words & W_COMMIT))
		return 0;
	for (k = vb; k > c->tb && k + TO_REACH > vb && to == vb; k--) {
		const vigil__token *t = &c->tok[k - 1];

		if (t->type == VIGIL_TOK_PUNCT)
			return 0;
		if (t->len == 2 && tok_is(c, k - 1, "to"))
			to = k - 1;
	}
	if (to == vb)
		return 0;
	for (k = to + 1; k < vb; k++)
		if (CL(c, k) != CL(c, vb) || is_verb_match(c, TM(c, k)) ||
		    tok_is(c, k, "and"))
			return 0;
	if (c->commit_at == UINT32_MAX) {
		for (k = c->tb; k < c->te && !(WC(c, k) & W_COMMIT); k++)
			;
		c->commit_at = k;
	}
	if (c->commit_at >= to || c->commit_at < floor)
		return 0;
	for (k = to; k > c->commit_at; k--)
		if (CL(c, k - 1) != CL(c, vb) || is_punct(c, k - 1, ';') ||
		    is_punct(c, k - 1, ':'))
			return 0;
	return 1;
}

/* Whether cue match mi is in scope of the verb at [vb, ...). */
/* Whether a comma follows token i at once, or after at most 3 words that
 * are no actor, verb or cue ("Earlier on Saturday, ..."). */
static int opener_comma(const vigil__cctx *c, uint32_t i)
{
	uint32_t k;

	for (k = i; k < c->te && k < i + 4; k++) {
		if (is_punct(c, k, ','))
			return 1;
		if (TA(c, k) >= 0 || TM(c, k) >= 0)
			return 0;
	}
	return 0;
}

/* Whether a verb or an attribution cue starts in tokens [from, to): a PAST
 * cue after it dates that one ("negotiate with Washington over the tariffs
 * announced by Trump last month": last month is the announcement's). */
static int verb_or_cue_in(const vigil__cctx *c, uint32_t from, uint32_t to)
{
	uint32_t k;

	for (k = from; k < to; k++) {
		int32_t mi = TM(c, k);

		if (mi >= 0 && c->m[mi].tok_begin == k &&
		    (c->mc[mi].verb >= 0 ||
		     c->mc[mi].cue_class == VIGIL__CUE_ATTRIB))
			return 1;
	}
	return 0;
}

/* Whether the verb at vb is in -ed right after "and"/"or" (over
 * adverbs). */
static int past_after_and(const vigil__cctx *c, uint32_t vb)
{
	int64_t p = before_adverbs(c, vb);

	return p >= 0 && (WC(c, (uint32_t)p) & W_COORD) &&
	       !(WC(c, (uint32_t)p) & W_BUT) && ends_with(c, vb, "ed");
}

static int cue_in_scope(const vigil__cctx *c, uint32_t mi, uint32_t vb,
			uint32_t ve)
{
	const vigil__match *m = &c->m[mi];
	uint8_t cls = c->mc[mi].cue_class;
	uint16_t clause = CL(c, vb);

	if (cls == VIGIL__CUE_PAST) {
		/* "Initially, ..." or "Earlier on Saturday, ..." opening a
		 * sentence sequences the story */
		if (m->tok_end - m->tok_begin == 1 && at_start(c, m->tok_begin) &&
		    opener_comma(c, m->tok_end))
			return 0;
		return CL(c, m->tok_begin) == clause &&
		       (m->tok_end <= vb ||
			(m->tok_begin >= ve &&
			 !verb_or_cue_in(c, ve, m->tok_begin)));
	}
	if (m->tok_end > vb || !chain_reaches(c, m->tok_end, vb))
		return 0;
	/* a past tense joined by "and" is no infinitive under a modal or
	 * future cue ("Moscow would respond and described the decision") */
	if ((cls == VIGIL__CUE_MODAL || cls == VIGIL__CUE_FUTURE) &&
	    c->mc[mi].verb < 0 && past_after_and(c, vb))
		return 0;
	/* a denial verb with its object governs nothing that "and" joins to
	 * it ("denied any involvement and called for an investigation") */
	if (c->mc[mi].verb >= 0 && cls == VIGIL__CUE_DENY && m->tok_end < vb &&
	    (WC(c, m->tok_end) & W_COORD))
		return 0;
	/* a verb asking for or refusing something ("refused" is both a verb
	 * and a REFUSE cue) governs its infinitive or direct object only */
	if (c->mc[mi].verb >= 0 &&
	    (cls == VIGIL__CUE_MODAL || cls == VIGIL__CUE_REFUSE))
		return request_reaches(c, m->tok_end, vb);
	if (CL(c, m->tok_begin) == clause)
		return 1;
	/* denials and refusals govern the complement clause they open
	 * ("denied that its troops attacked"), not a clause of time or
	 * cause after them ("rejected the plan after Russia attacked") */
	return (cls == VIGIL__CUE_DENY || cls == VIGIL__CUE_REFUSE ||
		c->mc[mi].verb >= 0) &&
	       c->ctype[clause] == CT_COMP && clause == CL(c, m->tok_begin) + 1;
}

/* Whether the verb at vb opens a participial adjunct: ", accusing the
 * Kremlin of ...". Its subject is the previous verb's, and cues before
 * the comma do not reach it. */
static int participial(const vigil__cctx *c, const vigil__cverb *v,
		       uint32_t vb)
{
	return !v->noun && vb > c->tb + 1 && is_punct(c, vb - 1, ',') &&
	       ends_with(c, vb, "ing");
}

/*
 * An event noun that is the subject of its clause's predicate takes the
 * plan, condition or negation that predicate carries: "A sixth round of
 * talks between A and B is expected to take place", "the summit will be
 * held", "the talks could resume". The predicate is the first form of
 * be/do or modal after the noun in its clause, with no verb or comma
 * between; the cue must start there or right after it. Returns the cue's
 * match, or -1.
 */
static int32_t predicate_cue(const vigil__cctx *c, uint32_t ve)
{
	uint32_t k, end = ve + 16 < c->te ? ve + 16 : c->te;
	uint16_t clause = CL(c, ve - 1);

	for (k = ve; k < end && CL(c, k) == clause; k++) {
		int32_t mi = TM(c, k);

		if (is_punct(c, k, ',') ||
		    (is_verb_match(c, mi) && c->mc[mi].cue < 0))
			return -1;
		if (!(WC(c, k) & (W_BE | W_MODAL | W_DO)))
			continue;
		for (; k < end; k++) {
			mi = TM(c, k);
			if (mi >= 0 && c->mc[mi].cue >= 0 &&
			    cue_effect[c->mc[mi].cue_class].prio >= 2)
				return mi;
			if (!(WC(c, k) & (W_BE | W_MODAL | W_DO)))
				return -1;
		}
		return -1;
	}
	return -1;
}

/* Whether verb v is reported speech: a speaker, or an attribution cue
 * whose joint voice has no one code. */
static int reported(const vigil__cverb *v)
{
	return v->said_by >= 0 || v->said_cue >= 0;
}

static void set_aux(vigil__cctx *c, vigil__cverb *v, uint32_t vb, uint32_t ve)
{
	uint8_t best = 0;
	uint32_t mi, best_at = 0;
	int64_t k;

	v->aux = VIGIL__AUX_ASSERTED;
	v->aux_cue = v->hedge = -1;
	for (mi = c->mb; mi < c->me; mi++) {
		uint8_t cls = c->mc[mi].cue_class, prio;

		if (mi == v->match || c->mc[mi].cue < 0)
			continue;
		if (cls == VIGIL__CUE_HEDGE) {
			if (c->m[mi].tok_end <= vb &&
			    CL(c, c->m[mi].tok_begin) == CL(c, vb))
				v->hedge = (int32_t)mi;
			continue;
		}
		prio = cue_effect[cls].prio;
		if (!prio || prio < best || !cue_in_scope(c, mi, vb, ve) ||
		    (c->m[mi].tok_begin < vb && participial(c, v, vb)))
			continue;
		if (prio == best && c->m[mi].tok_begin < best_at)
			continue;
		best = prio;
		best_at = c->m[mi].tok_begin;
		v->aux = cue_effect[cls].aux;
		v->aux_cue = (int32_t)mi;
	}
	if (v->noun && best < 2) {
		/* "any deployment": a non-specific event noun */
		for (k = vb; k > (int64_t)c->tb && k > (int64_t)vb - 3; k--)
			if (WC(c, (uint32_t)k - 1) & W_NONSPEC) {
				v->aux = VIGIL__AUX_HYPOTHETICAL;
				v->aux_cue = -1;
				v->rules |= VIGIL__R_NONSPECIFIC;
				return;
			}
	}
	if (v->noun && best < 2 && c->mc[v->match].cue < 0) {
		int32_t pc = predicate_cue(c, ve);

		if (pc >= 0) {
			v->aux = cue_effect[c->mc[pc].cue_class].aux;
			v->aux_cue = pc;
			return;
		}
	}
	if (v->noun && best < 2 && claimed_noun(c, vb)) {
		v->aux = VIGIL__AUX_HYPOTHETICAL;
		return;
	}
	if (best < 2 && committed_to(c, vb)) {
		v->aux = VIGIL__AUX_FUTURE;
		return;
	}
	if (best >= 1)
		return;
	if (conditional_until(c, CL(c, vb))) {
		v->aux = VIGIL__AUX_HYPOTHETICAL;
		return;
	}
	k = before_adverbs(c, vb);
	if (!v->noun && k >= 0 && tok_is(c, (uint32_t)k, "had") &&
	    !v->passive && !reported(v)) {
		v->aux = VIGIL__AUX_HISTORICAL;
		v->rules |= VIGIL__R_PLUPERFECT;
	} else if (past_year_in(c, vb, ve)) {
		v->aux = VIGIL__AUX_HISTORICAL;
		v->rules |= VIGIL__R_PAST_YEAR;
	}
}

/*===== Verbs ==========================================================*/

/* The verb a frame is sought for, for outside_nonrestrictive. */
typedef struct verb_at {
	const vigil__cctx *c;
	uint32_t vb;
} verb_at;

/* A frame outside the verb's non-restrictive relative clause (", which
 * ...") does not cover it. */
static int outside_nonrestrictive(const void *arg, const frame *f)
{
	const verb_at *va = arg;
	const vigil__cctx *c = va->c;

	return c->ctype[CL(c, va->vb)] == CT_RELNR &&
	       CL(c, f->cue_tok) != CL(c, va->vb);
}

/* Whether group member k names country cc. */
static int group_has(const vigil__cctx *c, int32_t k, const char *cc)
{
	const vigil__actor *g = &c->out->actors[c->out->actors[k].group];
	uint16_t i, n = g->ngroup ? g->ngroup : 1;

	for (i = 0; i < n; i++)
		if (strcmp(g[i].country, cc) == 0)
			return 1;
	return 0;
}

/* Whether speaker k is a compound of several countries that all are the
 * verb's own subject: the parties' joint word on their own act ("Britain
 * and India have agreed a deal, the two governments announced"), which
 * no one code names. "Officials in Seoul and Tokyo said North Korea
 * fired" keeps its speaker. */
static int joint_self_report(const vigil__cctx *c, int32_t k, int32_t subj)
{
	const vigil__actor *g = &c->out->actors[c->out->actors[k].group];
	uint16_t i;
	int several = 0;

	if (subj < 0 || g->ngroup < 2)
		return 0;
	for (i = 0; i < g->ngroup; i++) {
		if (!group_has(c, subj, g[i].country))
			return 0;
		several |= strcmp(g[i].country, g->country) != 0;
	}
	return several;
}

/* said_by: the speaker of the frame covering vb; none for a joint self
 * report, whose cue still makes vb reported speech (said_cue). */
static void set_said_by(vigil__cctx *c, vigil__cverb *v, uint32_t vb,
			const frame *f, size_t nf)
{
	verb_at va = {c, vb};
	int32_t best = best_frame(f, nf, vb, outside_nonrestrictive, &va);

	v->said_by = v->said_cue = -1;
	if (best < 0)
		return;
	v->said_cue = f[best].cue;
	if (joint_self_report(c, f[best].speaker, v->subj))
		return;
	v->said_by = f[best].speaker;
	v->rules |= VIGIL__R_ATTRIB;
}

static void mark_argument(vigil__cctx *c, int32_t first)
{
	uint32_t k, n;

	if (first < 0)
		return;
	n = c->out->actors[first].ngroup ? c->out->actors[first].ngroup : 1;
	for (k = 0; k < n && (size_t)first + k < c->out->nactor; k++)
		c->out->actors[(uint32_t)first + k].flags |= VIGIL__AF_ARG;
}

/* Part of speech of a one-word verb entry written in a form that is also
 * a noun ("attack", "attacks", "support"): a noun after a determiner, a
 * possessive, a number or a preposition other than "to", over up to two
 * unknown lowercase words, a hyphen inside a word not counting ("the
 * deadly attack", "Russia's latest strikes", "in support of", "a day-old
 * blockade"). -ed and -ing forms stay verbs. */
static int noun_use(const vigil__cctx *c, uint32_t vb, uint32_t ve)
{
	uint32_t k = vb, skipped = 0;

	if (ve - vb != 1 || ends_with(c, vb, "ed") || ends_with(c, vb, "ing"))
		return 0;
	while (k > c->tb) {
		uint32_t w;

		k--;
		if (c->tok[k].flags & VIGIL_TF_INNER)
			continue;
		w = WC(c, k);
		if (c->tok[k].type == VIGIL_TOK_POSS)
			return 1;
		if (c->tok[k].type != VIGIL_TOK_WORD)
			return 0;
		if (w & (W_DET | W_POSSPRON | W_NUM))
			return 1;
		if (w & W_PREP)
			return !tok_is(c, k, "to");
		if (w || TM(c, k) >= 0 || skipped++ == 2 || ends_with(c, k, "ly") ||
		    (c->tok[k].flags & VIGIL_TF_CAP))
			return 0;
	}
	return 0;
}

/* Whether the event noun at vb only describes something: "described
 * Russia as a long-term threat", "such as attacks on". */
static int predicative_noun(const vigil__cctx *c, uint32_t vb)
{
	uint32_t k = vb, steps = 0;

	while (k > c->tb && steps++ < 4) {
		k--;
		if (tok_is(c, k, "as"))
			return 1;
		if (c->tok[k].flags & VIGIL_TF_INNER) {
			steps--; /* "long-term" */
			continue;
		}
		if (c->tok[k].type != VIGIL_TOK_WORD || TM(c, k) >= 0 ||
		    (WC(c, k) && !(WC(c, k) & W_DET)))
			return 0;
	}
	return 0;
}

/* Verbs whose noun reading names a state, not an event: "its support
 * for the group", "in support of its ally" are no act of support. */
static const char *const state_nouns[] = {"support", "supports"};

static int state_noun(const vigil__cctx *c, uint32_t vb)
{
	size_t k;

	for (k = 0; k < sizeof(state_nouns) / sizeof(state_nouns[0]); k++)
		if (tok_is(c, vb, state_nouns[k]))
			return 1;
	return 0;
}

/* Whether the word before a state noun's verb form makes it a verb:
 * "to", "help", a modal or "do", a subject pronoun, a relative, "not", or a
 * subject phrase ("Hungary supports", "officials support"; not a
 * singular demonym or agent, which modify a noun: "Arab support",
 * "government support"). Anything else ("seek support", "strong
 * support", sentence-initial "Support for ...") leaves a noun. */
static const char *const verb_before[] = {"to",    "not",  "never",
					  "also",  "still", "help",
					  "helps", "helped"};

static int state_verb_context(const vigil__cctx *c, uint32_t vb)
{
	int64_t p = before_adverbs(c, vb);
	const vigil__token *t;
	vigil__entry e;
	size_t k;
	int32_t mi;

	if (p < 0)
		return 0;
	for (k = 0; k < sizeof(verb_before) / sizeof(verb_before[0]); k++)
		if (tok_is(c, (uint32_t)p, verb_before[k]))
			return 1;
	if (WC(c, (uint32_t)p) & (W_MODAL | W_DO | W_PRON | W_REL | W_THAT))
		return 1;
	mi = TM(c, (uint32_t)p);
	if (TA(c, (uint32_t)p) < 0 || mi < 0)
		return 0;
	t = &c->tok[p];
	if (t->len > 1 && c->text[t->off + t->len - 1] == 's')
		return 1;
	if (c->mc[mi].actor < 0)
		return 0; /* "government support" */
	vigil__lexicon_entry(c->lx, (uint32_t)c->mc[mi].actor, &e);
	return !e.type || strcmp(e.type, "demonym") != 0;
}

/* Whether the subject of the finite verb at vb is the event noun before
 * it that opens its clause, one without an actor ("A roadside bombing
 * near the town on Sunday killed one soldier"): no actor or verb before
 * the noun in the clause, no comma or relative between it and the verb,
 * and no "to" before the verb ("used tear gas to disperse protesters"). */
static int event_noun_subject(const vigil__cctx *c, uint32_t vb)
{
	const vigil__clauses *o = c->out;
	const vigil__cverb *n;
	int64_t p = before_adverbs(c, vb);
	uint32_t k, nb;

	if (o->nverb < 2 || (p >= 0 && tok_is(c, (uint32_t)p, "to")))
		return 0;
	n = &o->verbs[o->nverb - 2];
	nb = c->m[n->match].tok_begin;
	if (n->sent != c->sent || !n->noun || n->subj >= 0 ||
	    CL(c, nb) != CL(c, vb))
		return 0;
	for (k = c->cbeg[CL(c, nb)]; k < nb; k++)
		if (TA(c, k) >= 0 || is_verb_match(c, TM(c, k)))
			return 0;
	for (k = c->m[n->match].tok_end; k < vb; k++)
		if (is_punct(c, k, ',') || WC(c, k) & (W_REL | W_THAT))
			return 0;
	return 1;
}

/* "Turkey trains Somali soldiers and in February signed an agreement":
 * when the nearest actor before verb vb is the object of the sentence's
 * previous verb, and "and"/"or" lies between that object and vb with no
 * comma, actor or other match, vb shares the previous verb's subject. */
static int32_t coordinated_subject(const vigil__cctx *c, uint32_t vb,
				   int32_t subj)
{
	const vigil__clauses *o = c->out;
	const vigil__cverb *p;
	uint32_t k;
	int coord = 0;

	if (subj < 0 || o->nverb < 2)
		return subj;
	p = &o->verbs[o->nverb - 2];
	if (p->sent != c->sent || p->noun || p->passive || p->obj != subj ||
	    p->subj < 0)
		return subj;
	for (k = o->actors[subj].tok_end; k < vb; k++) {
		if (is_punct(c, k, ',') || TM(c, k) >= 0 || TA(c, k) >= 0)
			return subj;
		if (WC(c, k) & W_COORD)
			coord = 1;
	}
	return coord ? p->subj : subj;
}

static const char *const speech_roots[] = {"01", "02", "03", "05", "09",
					   "10", "11", "12", "13"};

/* Whether a CAMEO code starts with one of the n two-digit roots. */
static int root_in(const char *code, const char *const *roots, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strncmp(code, roots[i], 2) == 0)
			return 1;
	return 0;
}

int vigil__speech_code(const char *code)
{
	return root_in(code, speech_roots,
		       sizeof(speech_roots) / sizeof(speech_roots[0]));
}

void vigil__speech_act(vigil__cverb *v, const char *code)
{
	if (v->speaker < 0 || !vigil__speech_code(code))
		return;
	v->subj = v->speaker;
	v->said_by = -1;
	v->rules = (uint16_t)((v->rules & ~(VIGIL__R_ATTRIB | VIGIL__R_SUBJ_LEFT)) |
			      VIGIL__R_SUBJ_FRAME);
}

static const char *const appeal_roots[] = {"02", "03", "10"};

/* "X says S and calls for Y", "X said S and urged Y": an appeal, intent or
 * demand right after "and" (token p, before vb over adverbs) in the
 * reported part of a coded speaker's frame is the speaker's own act; its
 * speaker, or -1. */
static int32_t coordinated_speaker(const vigil__cctx *c, int64_t p,
				   uint32_t vb, int32_t entry, const frame *f,
				   size_t nf)
{
	const char *code;
	int32_t best;

	if (nf == 0 || p < 0 || !tok_is(c, (uint32_t)p, "and") ||
	    (p > c->tb && is_punct(c, (uint32_t)p - 1, ',')))
		return -1;
	code = vigil__lexicon_entry_code(c->lx, (uint32_t)entry);
	if (!root_in(code, appeal_roots,
		     sizeof(appeal_roots) / sizeof(appeal_roots[0])))
		return -1;
	best = best_frame(f, nf, vb, NULL, NULL);
	if (best < 0 || f[best].speaker < 0 || f[best].shared ||
	    f[best].cue_tok >= vb)
		return -1;
	return group_of(c, f[best].speaker);
}

/* A new verb of this sentence coding `entry`, zeroed but for its sentence and
 * speaker (none); NULL when the arena is out of memory. */
static vigil__cverb *new_verb(vigil__cctx *c, int32_t entry)
{
	vigil__clauses *o = c->out;
	vigil__cverb *v;

	if (o->nverb == c->vcap &&
	    vigil__arena_grow(c->a, (void **)&o->verbs, &c->vcap, o->nverb + 1,
			      sizeof(*o->verbs)) < 0)
		return NULL;
	v = &o->verbs[o->nverb++];
	memset(v, 0, sizeof(*v));
	v->sent = c->sent;
	v->entry = entry;
	v->speaker = -1;
	return v;
}

/* Adds the verb of match mi with its arguments. A participial adjunct
 * after reported speech (", calling the incursion a threat") that is a
 * speech act is the speaker's, told by the narrator: its subject is the
 * previous verb's speaker (kept in v->speaker for an entry whose code its
 * patterns pick later) and it has no said_by. */
static int add_verb(vigil__cctx *c, uint32_t mi, const frame *f, size_t nf)
{
	const vigil__match *m = &c->m[mi];
	vigil__clauses *o = c->out;
	vigil__cverb *v;
	const char *pos;
	uint32_t vb = m->tok_begin, ve = m->tok_end;
	int64_t k;

	v = new_verb(c, c->mc[mi].verb);
	if (!v)
		return -1;
	v->match = mi;
	pos = vigil__lexicon_entry_pos(c->lx, (uint32_t)v->entry);
	v->noun = pos && strcmp(pos, "noun") == 0;
	if (!v->noun && state_noun(c, vb) &&
	    (noun_use(c, vb, ve) || !state_verb_context(c, vb))) {
		o->nverb--;
		return 0;
	}
	if (!v->noun && noun_use(c, vb, ve))
		v->noun = 1; /* "Russia's attack", "after the strikes" */
	if (v->noun && predicative_noun(c, vb)) {
		o->nverb--;
		return 0;
	}
	k = before_adverbs(c, vb);
	v->passive = !v->noun && k >= 0 && (WC(c, (uint32_t)k) & W_BE) &&
		     !ends_with(c, vb, "ing");
	v->subj = find_subject(c, v, vb, k);
	if (!v->noun && !v->passive)
		v->subj = coordinated_subject(c, vb, v->subj);
	if (participial(c, v, vb)) {
		size_t i = o->nverb - 1;
		const vigil__cverb *p;

		while (i > 0 && o->verbs[i - 1].sent == c->sent &&
		       o->verbs[i - 1].noun)
			i--;
		p = i > 0 && o->verbs[i - 1].sent == c->sent ? &o->verbs[i - 1]
							     : NULL;
		if (p && p->said_by >= 0)
			v->speaker = group_of(c, p->said_by);
		if (p && p->subj >= 0 && !p->passive) {
			v->subj = p->subj;
			v->rules |= VIGIL__R_SUBJ_LEFT;
		}
	}
	if (v->speaker < 0 && !v->noun && !v->passive)
		v->speaker = coordinated_speaker(c, k, vb, v->entry, f, nf);
	v->obj = -1;
	if (v->passive) {
		v->rules |= VIGIL__R_PASSIVE;
		v->obj = v->subj;
		v->subj = find_by_agent(c, ve);
		if (v->subj >= 0)
			v->rules |= VIGIL__R_BY_AGENT;
	} else {
		v->obj = find_object(c, ve, CL(c, ve - 1));
		if (v->obj >= 0)
			v->rules |= VIGIL__R_OBJ_RIGHT;
		else if ((c->ctype[CL(c, vb)] == CT_REL ||
			  c->ctype[CL(c, vb)] == CT_RELNR) &&
			 (v->rules & VIGIL__R_SUBJ_LEFT)) {
			v->obj = antecedent(c, c->cbeg[CL(c, vb)]);
			if (v->obj >= 0)
				v->rules |= VIGIL__R_OBJ_REL;
		}
		if (v->subj < 0 && v->obj >= 0 && !v->noun &&
		    event_noun_subject(c, vb))
			v->noun_subj = 1;
		if (v->subj >= 0 && v->obj < 0 &&
		    (o->actors[v->subj].flags & VIGIL__AF_BETWEEN) &&
		    o->actors[v->subj].ngroup >= 2) {
			v->obj = v->subj + 1;
			v->rules |= VIGIL__R_BETWEEN;
		}
		if (v->noun && v->subj < 0)
			noun_arguments(c, v, ve);
	}
	if (reduced_by_agent(c, v, vb, ve))
		v->rules &= (uint16_t)~(VIGIL__R_OBJ_RIGHT | VIGIL__R_SUBJ_LEFT);
	else if (!reduced_relative(c, v, vb, ve))
		adjectival_participle(c, v, vb, ve);
	if (c->a->failed)
		return -1;
	mark_argument(c, v->passive ? v->obj : v->subj);
	set_said_by(c, v, vb, f, nf);
	if (v->speaker >= 0)
		vigil__speech_act(v, vigil__lexicon_entry_code(c->lx,
							       (uint32_t)v->entry));
	set_aux(c, v, vb, ve);
	return 0;
}

/* "X asserted that ...": a statement verb (CAMEO 01x) followed by "that"
 * is the frame of the verbs after it that have no speaker yet, up to a
 * ';' ("ruled that ...; Beijing has refused" is the narrator's). */
static void statement_frames(vigil__cctx *c, size_t first)
{
	vigil__clauses *o = c->out;
	size_t i, j;

	for (i = first; i < o->nverb; i++) {
		const vigil__cverb *v = &o->verbs[i];
		uint32_t ve = c->m[v->match].tok_end, end;

		if (v->subj < 0 || ve >= c->te || !(WC(c, ve) & W_THAT))
			continue;
		if (strncmp(vigil__lexicon_entry_code(c->lx, (uint32_t)v->entry),
			    "01", 2) != 0)
			continue;
		end = report_end(c, ve);
		for (j = i + 1; j < o->nverb; j++)
			if (o->verbs[j].said_by < 0 &&
			    c->m[o->verbs[j].match].tok_begin < end) {
				o->verbs[j].said_by = v->subj;
				o->verbs[j].rules |= VIGIL__R_STATEMENT;
			}
	}
}

/*===== Intent, refusal and demand frames ==============================*/

/* "X is willing to V" / "X will V" (intent: CAMEO 03x, PLOVER AGREE),
 * "X refused to V" (REJECT, 12x), "X said Y must V" (REQUEST, 10x): the
 * frame is an event of its own by X, coded from V's code; V itself keeps
 * (or gets) the future, negated or hypothetical mode. URGE only makes V
 * hypothetical ("urged Y to V": the urging verb is already an event). */
enum {
	FR_NONE = -1,
	FR_INTENT,
	FR_REFUSE,
	FR_DEMAND,
	FR_URGE,
	FR_ULTIMATUM,
	FR_LABOUR, /* not a frame: the code of a strike by workers */
	FR_TERRITORY /* not a frame: the code of a place captured */
};

/* The frame event's code by V's code prefix (the first row of the kind
 * whose prefix V's code has; "" matches any; a NULL code: no frame event),
 * and a phrase of the default dictionary with that code: its entry gives
 * the Goldstein score, quad class and PLOVER type. Intent toward a
 * cooperative V (04-08) is an intent to cooperate (03x), toward a
 * conflictual one (14, 16-20) a threat (13x); an intent with "unless"
 * after V is an ultimatum (139). */
static const struct {
	uint8_t kind;
	const char *root, *code, *phrase;
} frame_codes[] = {
	{FR_INTENT, "045", "039", "offer to mediate"},
	{FR_INTENT, "04", "036", "agree to meet"},
	{FR_INTENT, "057", "037", "agree to settle"},
	{FR_INTENT, "052", NULL, NULL}, /* defend verbally, apologize, */
	{FR_INTENT, "055", NULL, NULL}, /* forgive: no cooperation to */
	{FR_INTENT, "056", NULL, NULL}, /* intend */
	{FR_INTENT, "05", "032", "pledge support"},
	{FR_INTENT, "06", "031", "agree to cooperate"},
	{FR_INTENT, "071", "0331", "pledge financial aid"},
	{FR_INTENT, "072", "0332", "pledge military aid"},
	{FR_INTENT, "073", "0333", "pledge humanitarian aid"},
	{FR_INTENT, "074", "0334", "offer peacekeepers"},
	{FR_INTENT, "07", "033", "pledge aid"},
	{FR_INTENT, "083", "034", "promise to reform"},
	{FR_INTENT, "084", "0353", "agree to release"},
	{FR_INTENT, "087", "0356", "agree to withdraw"},
	{FR_INTENT, "08", "035", "offer concessions"},
	/* an announced conflictual action is a threat (CAMEO 13x) */
	{FR_INTENT, "161", "1313", "threaten to sever ties"},
	{FR_INTENT, "162", "1311", "threaten to cut off aid"},
	{FR_INTENT, "163", "1312", "threaten sanctions"},
	{FR_INTENT, "164", "134", "threaten to halt talks"},
	{FR_INTENT, "165", "135", "threaten to halt mediation"},
	{FR_INTENT, "166", "136", "threaten to expel"},
	{FR_INTENT, "16", "131", "threaten consequences"},
	{FR_INTENT, "1723", "1323", "threaten a curfew"},
	{FR_INTENT, "1724", "1324", "threaten martial law"},
	{FR_INTENT, "172", "132", "threaten to ban"},
	{FR_INTENT, "173", "137", "threaten a crackdown"},
	{FR_INTENT, "175", "137", "threaten a crackdown"},
	{FR_INTENT, "17", "131", "threaten consequences"},
	{FR_INTENT, "14", "133", "threaten to protest"},
	{FR_INTENT, "191", "1381", "threaten a blockade"},
	{FR_INTENT, "192", "1382", "threaten to invade"},
	{FR_INTENT, "18", "1383", "threaten to kill"},
	{FR_INTENT, "204", "1385", "threaten nuclear war"},
	{FR_INTENT, "20", "1383", "threaten to kill"},
	{FR_INTENT, "19", "1384", "threaten to attack"},
	{FR_REFUSE, "045", "126", "reject mediation"},
	{FR_REFUSE, "04", "125", "refuse to meet"},
	{FR_REFUSE, "057", "127", "refuse to sign"},
	{FR_REFUSE, "06", "121", "refuse to cooperate"},
	{FR_REFUSE, "087", "1246", "rule out a truce"},
	{FR_REFUSE, "08", "124", "refuse to yield"},
	{FR_REFUSE, "", "120", "refuse"},
	{FR_DEMAND, "045", "108", "demand mediation"},
	{FR_DEMAND, "04", "106", "demand talks"},
	{FR_DEMAND, "057", "107", "demand a settlement"},
	{FR_DEMAND, "05", "102", "demand support"},
	{FR_DEMAND, "06", "101", "demand cooperation"},
	{FR_DEMAND, "07", "103", "demand aid"},
	{FR_DEMAND, "083", "104", "demand reforms"},
	{FR_DEMAND, "084", "1053", "demand the release of"},
	{FR_DEMAND, "087", "1056", "demand a withdrawal"},
	{FR_DEMAND, "08", "105", "demand concessions"},
	{FR_DEMAND, "", "100", "demand"},
	{FR_ULTIMATUM, "", "139", "issue an ultimatum"},
	{FR_LABOUR, "19", "143", "labour strike"},
	{FR_TERRITORY, "173", "192", "capture territory"},
};

_Static_assert(sizeof(frame_codes) / sizeof(frame_codes[0]) <=
		       VIGIL__FRAME_CODES_MAX,
	       "frame_entry[] too small");

/* Words that open a frame: before "to" ("willing to"), or right before
 * the verb ("will meet", "must return"). */
static const char *const intent_to[] = {
	"willing", "ready",   "prepared", "offer",    "offers",   "offered",
	"offering", "agree",  "agrees",   "agreed",   "agreeing", "pledge",
	"pledges", "pledged", "pledging", "promise",  "promises", "promised",
	"promising", "vow",   "vows",     "vowed",    "vowing",   "plan",
	"plans",   "planned", "planning", "threaten", "threatens",
	"threatened", "threatening"};
static const char *const refuse_to[] = {
	"refuse",  "refuses",  "refused",  "refusing", "decline",
	"declines", "declined", "declining", "unwilling"};
static const char *const intent_modal[] = {"will", "would"};
/* "will not V", "would never V", "won't V": a refusal */
static const char *const refuse_modal[] = {"won't", "wouldn't"};
static const char *const modal_not[] = {"not", "never"};
static const char *const demand_modal[] = {"must", "should"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int word_in(const vigil__cctx *c, int64_t i, const char *const *w,
		   size_t n)
{
	size_t k;

	if (i < (int64_t)c->tb || c->tok[i].type != VIGIL_TOK_WORD)
		return 0;
	for (k = 0; k < n; k++)
		if (tok_is(c, (uint32_t)i, w[k]))
			return 1;
	return 0;
}

/* The verb entry of frame_codes[row] (cached per document), or -1. */
static int32_t frame_entry(vigil__cctx *c, size_t row)
{
	const char *phrase = frame_codes[row].phrase;
	vigil__token tok[8];
	vigil__match *m = NULL;
	size_t n, nm = 0, cap = 0;
	uint32_t k;

	if (c->frame_entry[row] != -2)
		return c->frame_entry[row];
	c->frame_entry[row] = -1;
	if (!phrase)
		return -1;
	n = vigil__tokenize_phrase(phrase, strlen(phrase), tok, COUNT(tok));
	if (n == 0 || n > COUNT(tok) ||
	    vigil__match_tokens(c->lx, phrase, tok, 0, n, c->a, &m, &nm,
				&cap) < 0 ||
	    nm == 0 || m[0].tok_begin != 0 || m[0].tok_end != n)
		return -1;
	for (k = m[0].entry_first; k < m[0].entry_first + m[0].entry_count; k++)
		if (vigil__lexicon_entry_kind_on(c->lx, k, c->date) ==
			    VIGIL_KIND_VERB &&
		    strcmp(vigil__lexicon_entry_code(c->lx, k),
			   frame_codes[row].code) == 0) {
			c->frame_entry[row] = (int32_t)k;
			break;
		}
	return c->frame_entry[row];
}

static int frame_row(int kind, const char *vcode)
{
	size_t i;

	for (i = 0; i < COUNT(frame_codes); i++)
		if (frame_codes[i].kind == kind &&
		    strncmp(vcode, frame_codes[i].root,
			    strlen(frame_codes[i].root)) == 0)
			return (int)i;
	return -1;
}

static int is_cue(const vigil__cctx *c, uint32_t i, uint8_t cls)
{
	int32_t mi = TM(c, i);

	return mi >= 0 && c->mc[mi].cue_class == cls;
}

/* "must be ready to" / "should be willing to": a demand, not an intent. */
static int demand_before(const vigil__cctx *c, uint32_t j)
{
	int64_t p = before_adverbs(c, j);

	if (p >= 0 && (WC(c, (uint32_t)p) & W_BE))
		p = before_adverbs(c, (uint32_t)p);
	return word_in(c, p, demand_modal, COUNT(demand_modal));
}

/* The frame governing verb v at token vb: its kind, and its tokens in
 * [*fb, *fe). Bare modals must stand right before the verb ("would" only
 * in reported speech); "to"-frames may be a few words back ("willing to
 * send material to help defend"), with no negation, punctuation, clause
 * boundary or other verb between. */
static int find_frame(const vigil__cctx *c, const vigil__cverb *v,
		      uint32_t vb, uint32_t *fb, uint32_t *fe)
{
	int64_t p = before_adverbs(c, vb);
	uint32_t k = vb, steps = 0;

	if (word_in(c, p, intent_modal, COUNT(intent_modal)) &&
	    (reported(v) || !tok_is(c, (uint32_t)p, "would"))) {
		*fb = (uint32_t)p;
		*fe = (uint32_t)p + 1;
		return FR_INTENT;
	}
	if (word_in(c, p, demand_modal, COUNT(demand_modal))) {
		*fb = (uint32_t)p;
		*fe = (uint32_t)p + 1;
		return FR_DEMAND;
	}
	if (word_in(c, p, modal_not, COUNT(modal_not)) && p > c->tb)
		p--;
	else if (!word_in(c, p, refuse_modal, COUNT(refuse_modal)))
		p = -1;
	if (p >= 0 && (word_in(c, p, intent_modal, COUNT(intent_modal)) ||
		       word_in(c, p, refuse_modal, COUNT(refuse_modal))) &&
	    (reported(v) || tok_is(c, (uint32_t)p, "will") ||
	     tok_is(c, (uint32_t)p, "won't"))) {
		*fb = (uint32_t)p;
		*fe = vb;
		return FR_REFUSE;
	}
	while (k > c->tb && steps++ < 8) {
		int64_t j;

		k--;
		if (c->tok[k].type == VIGIL_TOK_PUNCT || CL(c, k) != CL(c, vb) ||
		    is_cue(c, k, VIGIL__CUE_NEG))
			return FR_NONE;
		if (!tok_is(c, k, "to")) {
			if (is_verb_match(c, TM(c, k)))
				return FR_NONE;
			continue;
		}
		j = before_adverbs(c, k);
		*fb = (uint32_t)(j >= 0 ? j : k);
		*fe = k + 1;
		if (word_in(c, j, intent_to, COUNT(intent_to)))
			return demand_before(c, (uint32_t)j) ? FR_DEMAND
							    : FR_INTENT;
		if (word_in(c, j, refuse_to, COUNT(refuse_to)))
			return FR_REFUSE;
		if (j >= 0 && TA(c, (uint32_t)j) >= 0) {
			/* "urged Iran to V", "called on Iran to V" */
			const vigil__actor *a = &c->out->actors[TA(c, (uint32_t)j)];
			int32_t mi = a->tok_begin > c->tb ? TM(c, a->tok_begin - 1)
							  : -1;
			const char *code;

			if (!is_verb_match(c, mi))
				return FR_NONE;
			code = vigil__lexicon_entry_code(c->lx,
							 (uint32_t)c->mc[mi].verb);
			return strncmp(code, "02", 2) == 0 ||
					       strncmp(code, "10", 2) == 0
				       ? FR_URGE
				       : FR_NONE;
		}
	}
	return FR_NONE;
}

/* The verb of this sentence (from `first`) whose trigger is match mi. */
static int64_t verb_of_match(const vigil__cctx *c, size_t first, int32_t mi)
{
	size_t i;

	for (i = first; mi >= 0 && i < c->out->nverb; i++)
		if (c->out->verbs[i].match == (uint32_t)mi)
			return (int64_t)i;
	return -1;
}

/* V's own mode under its frame: never asserted. */
static void frame_inner_aux(vigil__cverb *v, int kind)
{
	static const uint8_t aux[] = {
		[FR_INTENT] = VIGIL__AUX_FUTURE,
		[FR_REFUSE] = VIGIL__AUX_NEGATED,
		[FR_DEMAND] = VIGIL__AUX_HYPOTHETICAL,
		[FR_URGE] = VIGIL__AUX_HYPOTHETICAL,
	};

	if (v->aux == VIGIL__AUX_ASSERTED)
		v->aux = aux[kind];
}

/* Whether "unless" follows token i in the sentence: "will withdraw its
 * force unless ..." is an ultimatum. */
static int unless_after(const vigil__cctx *c, uint32_t i)
{
	for (; i < c->te; i++)
		if (tok_is(c, i, "unless"))
			return 1;
	return 0;
}

/* Adds the frame event of verb vi, or recodes the frame when it is a
 * verb itself ("agreed to withdraw": 030 -> 0356). */
static int frame_event(vigil__cctx *c, size_t first, size_t vi, int kind,
		       uint32_t fb, uint32_t fe)
{
	vigil__clauses *o = c->out;
	vigil__cverb base = o->verbs[vi], *d;
	int32_t entry, actor = base.subj, recipient = base.obj, fm = TM(c, fb);
	int64_t fv;
	int row;

	row = frame_row(kind, vigil__lexicon_entry_code(c->lx,
							(uint32_t)base.entry));
	if (kind == FR_INTENT && unless_after(c, c->m[base.match].tok_end))
		row = frame_row(FR_ULTIMATUM, "");
	if (row >= 0 && frame_codes[row].code &&
	    frame_entry(c, (size_t)row) < 0)
		row = frame_row(kind, ""); /* the generic code, if any */
	if (row < 0 || (entry = frame_entry(c, (size_t)row)) < 0)
		return 0;
	if (kind == FR_DEMAND) {
		if (base.said_by < 0 || base.subj < 0)
			return 0;
		actor = group_of(c, base.said_by);
		recipient = base.subj;
		if (strcmp(o->actors[actor].code, o->actors[recipient].code) == 0)
			return 0;
	}
	if (actor >= 0 && recipient >= 0 &&
	    strcmp(o->actors[actor].code, o->actors[recipient].code) == 0)
		recipient = -1;
	/* a bare "will V" states an intent toward someone ("will visit
	 * Albania"), not a plan ("will meet its targets") */
	if (actor < 0 || (kind == FR_INTENT && fe - fb == 1 && recipient < 0 &&
			  strncmp(frame_codes[row].code, "036", 3) == 0))
		return 0;
	fv = verb_of_match(c, first, fm);
	if (fv >= 0) {
		const char *code = vigil__lexicon_entry_code(
			c->lx, (uint32_t)o->verbs[fv].entry);

		if (strncmp(code, frame_codes[row].code, 2) == 0) {
			o->verbs[fv].entry = entry;
			if (o->verbs[fv].obj < 0)
				o->verbs[fv].obj = recipient;
			o->verbs[fv].rules |= VIGIL__R_FRAME;
		}
		return 0;
	}
	d = new_verb(c, entry);
	if (!d)
		return -1;
	d->subj = actor;
	d->obj = recipient;
	d->rules = VIGIL__R_FRAME;
	/* trigger: the frame ("willing to", "refused to"); for modals ("will
	 * meet", "will not meet") the speaker's cue ("said ... must") or V itself ("will meet") */
	if (fe - fb > 1 && !word_in(c, fb, intent_modal, COUNT(intent_modal)) &&
	    !word_in(c, fb, refuse_modal, COUNT(refuse_modal)))
		d->match = fm >= 0 ? (uint32_t)fm : base.match;
	else if (kind == FR_DEMAND && base.said_cue >= 0)
		d->match = (uint32_t)base.said_cue;
	else
		d->match = base.match;
	if (kind == FR_DEMAND) {
		d->said_by = d->said_cue = -1;
	} else {
		d->said_by = base.said_by;
		d->said_cue = base.said_cue;
		d->rules |= base.rules & (VIGIL__R_SUBJ_LEFT | VIGIL__R_SUBJ_REL |
					  VIGIL__R_SUBJ_FRAME | VIGIL__R_ATTRIB |
					  VIGIL__R_STATEMENT);
	}
	set_aux(c, d, fb, fe);
	return 0;
}

/* The labour sense of "strike(s)": struck by workers, unions, teachers,
 * doctors, farmers or the opposition ("Nigerian workers began an
 * open-ended strike"); a military strike otherwise, whatever its length
 * ("a two-day strike on Gaza"). Civilians at large (CVL) are more often
 * a military strike's victims than a labour strike's strikers. */
static const char *const strike_words[] = {"strike", "strikes"};
static const char *const civilian_sectors[] = {"LAB", "EDU", "HLH", "AGR",
					       "OPP"};

static int labour_strike(const vigil__cctx *c, const vigil__cverb *v,
			 uint32_t vb)
{
	size_t k;

	if (v->subj < 0 || !word_in(c, vb, strike_words, COUNT(strike_words)))
		return 0;
	for (k = 0; k < COUNT(civilian_sectors); k++)
		if (strcmp(c->out->actors[v->subj].sector, civilian_sectors[k]) ==
		    0)
			return 1;
	return 0;
}

/* Recodes the military strikes of the sentence's verbs [first, nverb)
 * that are labour strikes (143, PLOVER PROTEST). */
static void labour_strikes(vigil__cctx *c, size_t first)
{
	size_t vi;

	for (vi = first; vi < c->out->nverb; vi++) {
		vigil__cverb *v = &c->out->verbs[vi];
		int row;
		int32_t entry;

		if (v->entry < 0 ||
		    !labour_strike(c, v, c->m[v->match].tok_begin))
			continue;
		row = frame_row(FR_LABOUR, vigil__lexicon_entry_code(
						   c->lx, (uint32_t)v->entry));
		if (row >= 0 && (entry = frame_entry(c, (size_t)row)) >= 0)
			v->entry = entry;
	}
}

/* Recodes the captures (173) of the sentence's verbs [first, nverb) whose
 * object is a place ("captured Goma"): taking a place is occupying
 * territory (192, PLOVER COERCE/seize); people captured stay arrests. */
static void territory_captures(vigil__cctx *c, size_t first)
{
	size_t vi;

	for (vi = first; vi < c->out->nverb; vi++) {
		vigil__cverb *v = &c->out->verbs[vi];
		int row;
		int32_t entry;

		if (v->entry < 0 || v->obj < 0 || v->passive ||
		    !(c->out->actors[v->obj].flags & VIGIL__AF_PLACE))
			continue;
		row = frame_row(FR_TERRITORY, vigil__lexicon_entry_code(
						      c->lx, (uint32_t)v->entry));
		if (row >= 0 && (entry = frame_entry(c, (size_t)row)) >= 0)
			v->entry = entry;
	}
}

/* Whether the verb at token t (right after a modal) is coded; also true
 * for "must have", "must be": a conclusion or a passive, no demand. */
static int coded_or_aux(const vigil__cctx *c, uint32_t t)
{
	return t >= c->te || c->tok[t].type != VIGIL_TOK_WORD ||
	       (WC(c, t) & (W_BE | W_HAVE)) || is_verb_match(c, TM(c, t));
}

/* Adds the generic demand (FR_DEMAND's row 100) of actor `speaker` on
 * actor `subj` (first members), triggered by frame cue `cue`, unless they
 * are one. Returns 0, or -1 when the arena fails. */
static int add_demand(vigil__cctx *c, int32_t speaker, int32_t subj,
		      int32_t cue)
{
	vigil__clauses *o = c->out;
	int row = frame_row(FR_DEMAND, "");
	int32_t entry;
	vigil__cverb *d;

	if (subj == speaker || !o->actors[subj].code[0] ||
	    strcmp(o->actors[subj].code, o->actors[speaker].code) == 0 ||
	    row < 0 || (entry = frame_entry(c, (size_t)row)) < 0)
		return 0;
	d = new_verb(c, entry);
	if (!d)
		return -1;
	d->match = (uint32_t)cue;
	d->subj = speaker;
	d->obj = subj;
	d->said_by = d->said_cue = d->aux_cue = d->hedge = -1;
	d->rules = VIGIL__R_FRAME;
	return 0;
}

/* Forms of "tell" that order when an actor and "to" + verb follow. */
static const char *const tell_words[] = {"told", "tells", "telling"};

/* "He also told Iran to end its support": a speaker telling an actor to
 * do something demands it (frame fi's cue is "told" and the actor right
 * after it is followed by "to" and a word). */
static int told_to(vigil__cctx *c, const frame *f, int32_t fi)
{
	const vigil__match *m = &c->m[f[fi].cue];
	uint32_t e;
	int32_t x;

	if (m->tok_end >= c->te || TA(c, m->tok_end) < 0 ||
	    !word_in(c, m->tok_begin, tell_words, COUNT(tell_words)))
		return 0;
	x = group_of(c, TA(c, m->tok_end));
	e = c->out->actors[x + c->out->actors[x].ngroup - 1].tok_end;
	if (e + 1 >= c->te || !tok_is(c, e, "to") ||
	    c->tok[e + 1].type != VIGIL_TOK_WORD)
		return 0;
	return add_demand(c, group_of(c, f[fi].speaker), x, f[fi].cue);
}

/* "Russia said that Sudan must return a helicopter": in what a speaker
 * reports, an actor other than the speaker followed by "must"/"should" and
 * a verb of no code is the speaker's demand on that actor (the generic
 * FR_DEMAND row, 100); a coded verb there gets its own demand frame. And
 * "told X to V" (told_to). "must"/"should" are MODAL cues (cues.vd). */
static int bare_demands(vigil__cctx *c, const frame *f, size_t nf)
{
	uint32_t mi;
	size_t i;

	for (i = 0; i < nf; i++)
		if (f[i].speaker >= 0 && told_to(c, f, (int32_t)i) < 0)
			return -1;
	for (mi = c->mb; nf > 0 && mi < c->me; mi++) {
		uint32_t t = c->m[mi].tok_begin;
		int32_t fi;

		if (c->mc[mi].cue_class != VIGIL__CUE_MODAL || t == c->tb ||
		    t + 1 >= c->te ||
		    !word_in(c, t, demand_modal, COUNT(demand_modal)) ||
		    TA(c, t - 1) < 0 || coded_or_aux(c, t + 1))
			continue;
		fi = best_frame(f, nf, t, NULL, NULL);
		if (fi >= 0 && f[fi].speaker >= 0 &&
		    add_demand(c, group_of(c, f[fi].speaker),
			       group_of(c, TA(c, t - 1)), f[fi].cue) < 0)
			return -1;
	}
	return 0;
}

/* Applies the frames of the sentence's verbs [first, nverb). */
static int apply_frames(vigil__cctx *c, size_t first)
{
	size_t vi, n = c->out->nverb;

	for (vi = first; vi < n; vi++) {
		vigil__cverb *v = &c->out->verbs[vi];
		uint32_t fb = 0, fe = 0;
		int kind;

		if (v->noun || v->passive || v->entry < 0)
			continue;
		kind = find_frame(c, v, c->m[v->match].tok_begin, &fb, &fe);
		if (kind == FR_NONE)
			continue;
		frame_inner_aux(v, kind);
		if (kind != FR_URGE && frame_event(c, first, vi, kind, fb, fe) < 0)
			return -1;
	}
	return 0;
}

/*===== Driver =========================================================*/

static int analyze_sentence(vigil__cctx *c, const vigil__sentence *s)
{
	uint32_t i, mi;
	int has_verb = 0, has_attrib = 0;
	frame *f;
	size_t nf, first_verb;

	c->tb = s->tok_begin;
	c->te = s->tok_end;
	c->mb = c->me;
	c->year_at = c->te;
	c->commit_at = UINT32_MAX;
	for (i = 0; i < c->te - c->tb; i++) {
		const vigil__token *t = &c->tok[c->tb + i];

		c->tm[i] = -1;
		c->ta[i] = -1;
		if (t->type == VIGIL_TOK_NUMBER && t->len == 4 &&
		    c->year_at == c->te)
			c->year_at = c->tb + i;
	}
	for (mi = c->mb; c->m && mi < c->nm && c->m[mi].tok_begin < c->te; mi++) {
		const vigil__match *m = &c->m[mi];

		for (i = m->tok_begin; i < m->tok_end && i < c->te; i++)
			TM(c, i) = (int32_t)mi;
		if (c->mc[mi].verb >= 0)
			has_verb = 1;
		if (c->mc[mi].cue_class == VIGIL__CUE_ATTRIB)
			has_attrib = 1;
	}
	c->me = mi;
	c->ab = (uint32_t)c->out->nactor;
	c->wc = c->out->words + c->tb;
	c->words = has_verb;
	c->referents = has_verb || has_attrib; /* a frame's speaker */
	if (vigil__clause_actors(c) < 0 || find_frames(c, &f, &nf) < 0)
		return -1;
	if (!has_verb)
		return bare_demands(c, f, nf);
	segment_clauses(c);
	first_verb = c->out->nverb;
	for (mi = c->mb; mi < c->me; mi++)
		if (c->mc[mi].verb >= 0 && add_verb(c, mi, f, nf) < 0)
			return -1;
	statement_frames(c, first_verb);
	labour_strikes(c, first_verb);
	territory_captures(c, first_verb);
	if (apply_frames(c, first_verb) < 0)
		return -1;
	return bare_demands(c, f, nf);
}

int vigil__clause_analyze(vigil__arena *a, const char *text,
			  const vigil__segmented *seg, const vigil__match *m,
			  size_t nm, const vigil__lexicon *lx, uint32_t date,
			  vigil__clauses *out)
{
	vigil__cctx c;
	size_t s, maxtok = 0;

	memset(out, 0, sizeof(*out));
	if (!lx || nm == 0)
		return 0;
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.text = text;
	c.tok = seg->tok;
	c.lx = lx;
	c.m = m;
	c.nm = nm;
	c.date = date;
	c.out = out;
	for (s = 0; s < VIGIL__FRAME_CODES_MAX; s++)
		c.frame_entry[s] = -2;
	for (s = 0; s < seg->nsent; s++)
		if (seg->sent[s].tok_end - seg->sent[s].tok_begin > maxtok)
			maxtok = seg->sent[s].tok_end - seg->sent[s].tok_begin;
	c.mc = vigil__arena_alloc(a, nm * sizeof(*c.mc));
	out->words = vigil__arena_alloc(a, (seg->ntok + 1) * sizeof(*out->words));
	c.tm = vigil__arena_alloc(a, (maxtok + 1) * sizeof(*c.tm));
	c.ta = vigil__arena_alloc(a, (maxtok + 1) * sizeof(*c.ta));
	c.cl = vigil__arena_alloc(a, (maxtok + 1) * sizeof(*c.cl));
	c.ctype = vigil__arena_alloc(a, (maxtok + 1) * sizeof(*c.ctype));
	c.cbeg = vigil__arena_alloc(a, (maxtok + 1) * sizeof(*c.cbeg));
	if (!c.mc || !out->words || !c.tm || !c.ta || !c.cl || !c.ctype ||
	    !c.cbeg)
		return -1;
	c.doc_words = vigil__clause_words_of(text, seg->tok, (uint32_t)seg->ntok,
					     out->words);
	classify_matches(&c, nm);
	drop_foreign_place_actors(&c, nm);
	for (s = 0; s < seg->nsent; s++) {
		c.sent = (uint32_t)s;
		if (analyze_sentence(&c, &seg->sent[s]) < 0)
			return -1;
	}
	return a->failed ? -1 : 0;
}
