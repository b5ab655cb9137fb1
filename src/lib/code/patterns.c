/*
 * patterns.c: verb patterns (TABARI/PETRARCH `- words * words [code]`, .vd
 * `pattern=`) applied to the clause stage's verbs. Among the verb entries
 * of a verb match, the pattern with the most words that all occur around
 * the verb in its sentence (in order; '_' joins adjacent words) gives the
 * code, and its `$`/`+` markers the source and target; without one, the
 * entry without a pattern does. A code "---" means no event. Only the
 * patterns whose key (longest word) is in the sentence are tried. For
 * pos=verb-only verbs (TABARI/PETRARCH), noun uses after an article code
 * nothing, a verb left without object takes the first actor after it in
 * its clause (TABARI's default target), one verb is coded per clause, and
 * actor phrases are coded as PETRARCH codes them. Rules: conformance.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "patterns.h"

#define MAX_ITEMS 32
#define WORD_CAP 64
/* The set of a sentence's word keys: one bit per key modulo KEY_BITS, a
 * filter (a shared bit lets a pattern through to the word comparison);
 * small, as it is zeroed once per document. */
#define KEY_BITS 8192
#define KEY_WORDS (KEY_BITS / 64)
#define SCAN_MAX 64   /* more patterns than this: binary search by key */

typedef struct item {
	char sep;           /* ',' gap allowed before it, '_' adjacent, 0 first */
	char mark;          /* '*', '$', '+', '^', '%' or 0 for a word */
	uint16_t key;       /* vigil__pattern_word_key() of a word */
	const char *w;      /* the word (not NUL-terminated), len n */
	size_t n;
} item;

/* A token folded once per document: its folded text and key (s NULL for
 * tokens too long to be a pattern word). */
typedef struct ftok {
	const char *s;
	uint16_t n, key;
} ftok;

/* The folded tokens of the sentences that have verbs with patterns (tok is
 * set only in the sentences marked in folded), and
 * the set of the keys of the current sentence's words. */
typedef struct doc_words {
	ftok *tok;
	uint8_t *folded;    /* per sentence: its tokens are in tok */
	uint64_t *keys;     /* KEY_WORDS */
	uint16_t *list;     /* the same keys, each once: nlist of them */
	uint32_t nlist;
	uint32_t keys_sent; /* the sentence whose keys are set, or UINT32_MAX */
} doc_words;

/* What a pattern found: the actors at its `$` and `+` (or -1), the first
 * token it matched left of the verb and the token after its last word
 * right of it. */
typedef struct found {
	int32_t src, tgt;
	uint32_t begin, end;
	int mutual;         /* `%` took a compound: events among its members */
} found;

/* The best pattern so far. */
typedef struct choice {
	int32_t k;          /* its entry, or -1 */
	int score;          /* words matched */
	uint32_t rank;      /* source order: the first wins a tie */
	found f;
} choice;

typedef struct ctx {
	const vigil__analysis *an;
	vigil__clauses *cl;
	const ftok *ft;
	const uint64_t *keys;
	uint32_t sb, se;    /* the sentence's tokens */
	uint32_t vb, ve;    /* the verb's tokens */
	uint32_t sent;
} ctx;

static int has_key(const uint64_t *keys, uint16_t key)
{
	key &= KEY_BITS - 1;
	return (int)(keys[key >> 6] >> (key & 63) & 1);
}

static int in_list(const uint16_t *list, uint32_t n, uint16_t key)
{
	while (n-- > 0)
		if (list[n] == key)
			return 1;
	return 0;
}

/* Token tok folded into arena memory (NUL-terminated), its length in
 * *len; NULL with *len 0 when it is too long to be a pattern word, NULL
 * with *len 1 when the arena fails. An ASCII token is copied and lowered
 * in the copy (the bytes vigil__fold gives, without its decoding). */
static char *fold_token(vigil__arena *a, const char *text,
			const vigil__token *tok, size_t *len)
{
	char fold[WORD_CAP], *copy;
	size_t fl = (size_t)-1, i;
	uint64_t w;

	*len = 0;
	if (tok->len >= WORD_CAP)
		return NULL;
	if (!(tok->flags & VIGIL_TF_ASCII)) {
		fl = vigil__fold(text + tok->off, tok->len, fold, sizeof(fold));
		if (fl == (size_t)-1 || fl >= WORD_CAP)
			return NULL;
		copy = vigil__arena_strndup(a, fold, fl);
	} else {
		fl = tok->len;
		copy = vigil__arena_strndup(a, text + tok->off, fl);
		for (i = 0; copy && i + 8 <= fl; i += 8) {
			memcpy(&w, copy + i, 8);
			w = vigil__text_lower8(w);
			memcpy(copy + i, &w, 8);
		}
		for (; copy && i < fl; i++)
			if (copy[i] >= 'A' && copy[i] <= 'Z')
				copy[i] = (char)(copy[i] + ('a' - 'A'));
	}
	*len = copy ? fl : 1;
	return copy;
}

/* Folds the tokens of sentence s once. Returns 0, or -1 when the arena
 * fails. */
static int fold_sentence(vigil__arena *a, const vigil__analysis *an,
			 doc_words *wd, uint32_t s)
{
	const vigil__sentence *se = &an->seg.sent[s];
	uint32_t t;

	for (t = se->tok_begin; t < se->tok_end; t++) {
		ftok *f = &wd->tok[t];
		size_t fl;

		f->s = fold_token(a, an->text, &an->seg.tok[t], &fl);
		if (!f->s) {
			if (fl)
				return -1;
			continue;
		}
		f->n = (uint16_t)fl;
		f->key = vigil__pattern_word_key(f->s, fl);
	}
	wd->folded[s] = 1;
	return 0;
}

/* Sets (on 1, set and list) or clears the keys of sentence s's words. */
static void sentence_keys(const vigil__analysis *an, doc_words *wd,
			  uint32_t s, int on)
{
	const vigil__sentence *se = &an->seg.sent[s];
	uint32_t t;

	wd->nlist = 0;
	for (t = se->tok_begin; t < se->tok_end; t++) {
		uint16_t key = wd->tok[t].key;
		uint16_t bit = key & (KEY_BITS - 1);

		if (!wd->tok[t].s)
			continue;
		if (!on) {
			wd->keys[bit >> 6] = 0;
		} else if (!has_key(wd->keys, key)) {
			wd->keys[bit >> 6] |= 1ull << (bit & 63);
			wd->list[wd->nlist++] = key;
		} else if (!in_list(wd->list, wd->nlist, key)) {
			wd->list[wd->nlist++] = key;
		}
	}
}

/* Makes sentence s the current one (folded, its keys set). Returns 0, or
 * -1 when the arena fails. */
static int enter_sentence(vigil__arena *a, const vigil__analysis *an,
			  doc_words *wd, uint32_t s)
{
	if (wd->keys_sent == s)
		return 0;
	if (wd->keys_sent != UINT32_MAX)
		sentence_keys(an, wd, wd->keys_sent, 0);
	if (!wd->folded[s] && fold_sentence(a, an, wd, s) < 0)
		return -1;
	sentence_keys(an, wd, s, 1);
	wd->keys_sent = s;
	return 0;
}

/* Splits a pattern into items; returns their number, or 0 when one of its
 * words is not in the sentence (the pattern cannot match). */
static size_t split(const char *p, item *it, const uint64_t *keys)
{
	size_t n = 0;
	char sep = 0;

	while (*p && n < MAX_ITEMS) {
		size_t len = strcspn(p, ",_");

		it[n].sep = sep;
		it[n].mark = len == 1 && strchr("*$+^%", *p) ? *p : 0;
		it[n].w = p;
		it[n].n = len;
		if (!it[n].mark) {
			it[n].key = vigil__pattern_word_key(p, len);
			if (!has_key(keys, it[n].key))
				return 0;
		}
		n++;
		p += len;
		if (*p)
			sep = *p++;
	}
	return n;
}

/* Whether token t (folded) is the word of item `it`. */
static int token_is(const ctx *c, uint32_t t, const item *it)
{
	const ftok *f = &c->ft[t];

	return f->s && f->key == it->key && f->n == it->n &&
	       memcmp(f->s, it->w, it->n) == 0;
}

static int inner(const ctx *c, uint32_t t)
{
	return (c->an->seg.tok[t].flags & VIGIL_TF_INNER) != 0;
}

/* The first actor (group head) starting in [from, to), or -1. */
static int32_t actor_in(const ctx *c, uint32_t from, uint32_t to, int last)
{
	int32_t hit = -1;
	size_t i;

	for (i = 0; i < c->cl->nactor; i++) {
		const vigil__actor *a = &c->cl->actors[i];

		if (a->sent != c->sent || a->tok_begin < from || a->tok_end > to ||
		    (a->flags & VIGIL__AF_PRONOUN) || !a->code[0])
			continue;
		hit = (int32_t)a->group;
		if (!last)
			break;
	}
	return hit;
}

/*
 * Whether item i of n takes an actor phrase: `$` and `+`, and `^` (TABARI's
 * skipped phrase) when the next item in matching order (step 1 rightwards,
 * -1 leftwards) takes one ("IFTAR IN ^ +"); before a word `^` skips
 * nothing, the word being searched for past any phrase anyway.
 */
static int takes_actor(const item *it, size_t n, size_t i, int step)
{
	size_t j = step > 0 ? i + 1 : i - 1;

	if (it[i].mark == '$' || it[i].mark == '+' || it[i].mark == '%')
		return 1;
	return it[i].mark == '^' && j < n && takes_actor(it, n, j, step);
}

/*
 * Item `it` takes actor a (-1: none there): `$` as source, `+` as target;
 * TABARI's `%` only a compound, else the pattern fails (-1): before the
 * verb the source of events among its members ("% HAVE *": "Gondor and
 * Osgiliath have delayed their meeting"), after it (`right`) the target
 * ("* WITH %": "agrees with the Philippines and France").
 */
static int take_actor(const ctx *c, const item *it, int32_t a, int right,
		      found *f)
{
	if (it->mark == '%') {
		if (a < 0 || c->cl->actors[a].ngroup < 2)
			return -1;
		f->mutual = !right;
	}
	if (a < 0 || it->mark == '^')
		return 0;
	if (it->mark == '+' || (it->mark == '%' && right))
		f->tgt = a;
	else
		f->src = a;
	return 0;
}

/*
 * Matches items [0, star) leftwards from the verb and (star, n) rightwards.
 * Returns the number of word items matched, or -1 when one is missing.
 * f->src and f->tgt receive the actors at `$` and `+` (or stay -1), f->end
 * the token after the last item matched right of the verb.
 */
static int match_items(const ctx *c, const item *it, size_t n, size_t star,
		       found *f)
{
	uint32_t pos = c->ve;
	int words = 0;
	size_t i;

	for (i = star + 1; i < n; i++) {        /* after the verb */
		int adjacent = it[i].sep == '_';

		if (takes_actor(it, n, i, 1)) {
			int32_t a = actor_in(c, pos, c->se, 0);

			if (take_actor(c, &it[i], a, 1, f) < 0)
				return -1;
			if (a >= 0)
				pos = c->cl->actors[a].tok_end;
			words += it[i].mark == '%';
			continue;
		}
		if (it[i].mark)
			continue;
		while (pos < c->se && inner(c, pos))
			pos++;
		if (adjacent) {
			if (pos >= c->se || !token_is(c, pos, &it[i]))
				return -1;
		} else {
			while (pos < c->se && !token_is(c, pos, &it[i]))
				pos++;
			if (pos >= c->se)
				return -1;
		}
		pos++;
		words++;
	}
	f->end = pos;
	pos = c->vb;                             /* before the verb */
	for (i = star; i-- > 0;) {
		int adjacent = it[i + 1].sep == '_';

		if (takes_actor(it, star, i, -1)) {
			int32_t a = actor_in(c, c->sb, pos, 1);

			if (take_actor(c, &it[i], a, 0, f) < 0)
				return -1;
			if (a >= 0)
				pos = c->cl->actors[a].tok_begin;
			words += it[i].mark == '%';
			continue;
		}
		if (it[i].mark)
			continue;
		while (pos > c->sb && inner(c, pos - 1))
			pos--;
		if (adjacent) {
			if (pos <= c->sb ||
			    !token_is(c, pos - 1, &it[i]))
				return -1;
		} else {
			while (pos > c->sb &&
			       !token_is(c, pos - 1, &it[i]))
				pos--;
			if (pos <= c->sb)
				return -1;
		}
		pos--;
		words++;
	}
	f->begin = pos;
	return words;
}

/* Score of `pattern` around the verb (-1: no match). */
static int try_pattern(const ctx *c, const char *pattern, found *f)
{
	item it[MAX_ITEMS];
	size_t n = split(pattern, it, c->keys), star;

	for (star = 0; star < n && it[star].mark != '*'; star++)
		;
	if (star == n)
		return -1;
	f->src = f->tgt = -1;
	f->begin = c->vb;
	f->end = c->ve;
	f->mutual = 0;
	return match_items(c, it, n, star, f);
}

/* Whether token t is the word w (ASCII, any case). */
static int word_is(const vigil__analysis *an, uint32_t t, const char *w)
{
	const vigil__token *tok = &an->seg.tok[t];
	size_t n = strlen(w);

	return tok->type == VIGIL_TOK_WORD && tok->len == n &&
	       strncasecmp(an->text + tok->off, w, n) == 0;
}

/* Whether token t is one of the n words w. */
static int word_among(const vigil__analysis *an, uint32_t t,
		      const char *const *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (word_is(an, t, w[i]))
			return 1;
	return 0;
}

/* Whether token t ends a clause for the object search: , ; : or a word
 * that opens a relative or adverbial clause ("raids in which ..."). */
static int clause_stop(const ctx *c, uint32_t t)
{
	static const char *const opens[] = {"which", "who", "whom", "whose",
		"where", "when", "while", "because", "although"};
	const vigil__token *tok = &c->an->seg.tok[t];

	if (tok->type == VIGIL_TOK_PUNCT)
		return tok->len == 1 && strchr(",;:", c->an->text[tok->off]) &&
		       c->an->text[tok->off];
	return word_among(c->an, t, opens, sizeof(opens) / sizeof(opens[0]));
}

/* Whether token t opens a new clause (TABARI's clauses, in which the
 * source and the one verb coded are sought): where the object search
 * stops, a coordinating conjunction, or a word opening a subordinate
 * clause. */
static int opens_clause(const ctx *c, uint32_t t)
{
	static const char *const more[] = {"and", "but", "or", "nor", "that",
		"after", "before", "since", "until", "if", "as"};

	return clause_stop(c, t) ||
	       word_among(c->an, t, more, sizeof(more) / sizeof(more[0]));
}

/* Whether entry k codes no event (code "---"). */
static int no_event(const vigil__analysis *an, uint32_t k)
{
	const char *code = vigil__lexicon_entry_code(an->lx, k);

	return code[0] == '-' && strcmp(code, "---") == 0;
}

/* The first token at or after `from` where a verb of the clause stage
 * that codes something starts, or the sentence's end. */
static uint32_t next_coded_verb(const ctx *c, uint32_t from)
{
	uint32_t first = c->se;
	size_t i;

	for (i = 0; i < c->cl->nverb; i++) {
		const vigil__cverb *v = &c->cl->verbs[i];
		uint32_t t = c->an->matches[v->match].tok_begin;

		if (v->sent == c->sent && v->entry >= 0 && t >= from &&
		    t < first &&
		    !no_event(c->an, (uint32_t)v->entry))
			first = t;
	}
	return first;
}

/*
 * The object of a verb whose pattern matched without a `+`: as TABARI
 * takes it, the first actor after the verb in the same clause (before
 * , ; : past the pattern's last word `end`, or the next verb that codes
 * something past it: "promised raids to X" with the pattern "* RAIDS"),
 * past prepositions ("fired two artillery shells at Seoul").
 */
static int32_t object_after(const ctx *c, uint32_t end)
{
	uint32_t to = c->ve, stop = next_coded_verb(c, end);

	while (to < stop && !(to >= end && clause_stop(c, to)))
		to++;
	return actor_in(c, c->ve, to, 0);
}

/* Whether entry k has pos=`pos`. */
static int pos_is(const vigil__analysis *an, int32_t k, const char *pos)
{
	const char *p;

	if (k < 0)
		return 0;
	p = vigil__lexicon_entry_pos(an->lx, (uint32_t)k);
	return p && p[0] == pos[0] && strcmp(p, pos) == 0;
}

/* Whether entry k is a pos=verb-only verb (TABARI/PETRARCH). */
static int verb_only(const vigil__analysis *an, int32_t k)
{
	return pos_is(an, k, "verb-only");
}

/* Whether verb entry k is written in its dictionary as the one word the
 * match covers ("LEFT" of the block LEFT, not the inflected "+leave"). */
static int written_as(const vigil__analysis *an, const vigil__match *m,
		      int32_t k)
{
	const vigil__token *tok = &an->seg.tok[m->tok_begin];
	const char *ph;

	if (k < 0 || m->tok_end != m->tok_begin + 1)
		return 0;
	ph = vigil__lexicon_entry_phrase(an->lx, (uint32_t)k);
	ph += ph[0] == '+';
	return strlen(ph) == tok->len &&
	       strncasecmp(ph, an->text + tok->off, tok->len) == 0;
}

/* The reciprocal of entry k among a match's entries [k + 1, end): the
 * pos=verb-reverse entry written right after it (TABARI's [ddd:eee]),
 * or -1. */
static int32_t reciprocal(const vigil__analysis *an, int32_t k, uint32_t end)
{
	if (k < 0 || (uint32_t)k + 1 >= end ||
	    vigil__lexicon_entry_rank(an->lx, (uint32_t)k + 1) !=
		    vigil__lexicon_entry_rank(an->lx, (uint32_t)k) + 1 ||
	    !pos_is(an, k + 1, "verb-reverse"))
		return -1;
	return k + 1;
}

/*
 * Whether group g is a pronoun that is no TABARI target: a possessive
 * ("renewed his license", "welcomed their resumption of ties with X")
 * qualifies the object's noun, and a subject pronoun ("to question whether
 * he has a future with X") opens a clause of its own.
 */
static int pronoun_not_object(const ctx *c, int32_t g)
{
	static const char *const words[] = {"his", "her", "its", "their",
					    "he", "she", "they", "we"};
	const vigil__actor *a;

	if (g < 0 || (size_t)g >= c->cl->nactor)
		return 0;
	a = &c->cl->actors[g];
	return (a->flags & VIGIL__AF_PRONOUN) &&
	       a->tok_end == a->tok_begin + 1 &&
	       word_among(c->an, a->tok_begin, words,
			  sizeof(words) / sizeof(words[0]));
}

/*
 * TABARI reads no passive voice: a pos=verb-only verb in the passive
 * without a "by" agent takes its surface subject as source ("The
 * Philippines was criticized over its dispute with Eriador": PHL -> ERI).
 */
static void surface_subject(vigil__cverb *v)
{
	if (!v->passive || v->subj >= 0 || (v->rules & VIGIL__R_BY_AGENT))
		return;
	v->subj = v->obj;
	v->obj = -1;
	v->passive = 0;
	v->rules &= (uint16_t)~VIGIL__R_PASSIVE;
}

/* TABARI's default target: a pos=verb-only verb left without object by
 * the clause stage takes the first actor after it in its clause. */
static void default_object(const ctx *c, vigil__cverb *v, uint32_t end)
{
	if (v->obj < 0 && !v->passive && verb_only(c->an, v->entry))
		v->obj = object_after(c, end);
}

/* The first entry of [k, end) whose pattern key is 0 or in the sentence:
 * the hot loop, which reads only the contiguous key table. */
static uint32_t next_candidate(const uint16_t *keys, const uint64_t *set,
			       uint32_t k, uint32_t end)
{
	for (; k < end; k++) {
		uint16_t key = keys[k];

		if (!key || has_key(set, key))
			break;
	}
	return k;
}

/* Tries pattern entry k; keeps it in *ch when it matches with more words
 * than the best so far, or as many and comes first in the sources. */
static void try_entry(const ctx *c, uint32_t k, choice *ch)
{
	const vigil__lexicon *lx = c->an->lx;
	uint32_t rank;
	found f;
	int score;

	if (vigil__lexicon_entry_kind_on(lx, k, c->an->date) != VIGIL_KIND_VERB ||
	    pos_is(c->an, (int32_t)k, "verb-reverse"))
		return;
	score = try_pattern(c, vigil__lexicon_entry_pattern(lx, k), &f);
	rank = vigil__lexicon_entry_rank(lx, k);
	if (score < 0 || score < ch->score ||
	    (score == ch->score && rank > ch->rank))
		return;
	ch->k = (int32_t)k;
	ch->score = score;
	ch->rank = rank;
	ch->f = f;
}

/* Few patterns: scans the key table of entries [k, end). */
static void scan_patterns(const ctx *c, const doc_words *wd, uint32_t k,
			  uint32_t end, choice *ch)
{
	const uint16_t *keys = vigil__lexicon_pattern_keys(c->an->lx);

	for (; (k = next_candidate(keys, wd->keys, k, end)) < end; k++)
		try_entry(c, k, ch);
}

/* The first of entries [lo, hi) (ordered by key) whose key is >= key. */
static uint32_t key_bound(const uint16_t *keys, uint32_t lo, uint32_t hi,
			  uint32_t key)
{
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Many patterns: looks up, in entries [first, end) ordered by key, those
 * of key 0 and of each word key of the sentence. */
static void search_patterns(const ctx *c, const doc_words *wd,
			    uint32_t first, uint32_t end, choice *ch)
{
	const uint16_t *keys = vigil__lexicon_pattern_keys(c->an->lx);
	uint32_t i, k;

	for (i = 0; i <= wd->nlist; i++) {
		uint16_t key = i ? wd->list[i - 1] : 0;

		for (k = key_bound(keys, first, end, key);
		     k < end && keys[k] == key; k++)
			try_entry(c, k, ch);
	}
}

/*
 * Inserts after each verb i with rev[i] >= 0 its reciprocal event: a copy
 * with subject and object swapped and entry rev[i]. Returns 0, or -1 when
 * the arena fails.
 */
static int add_reciprocals(vigil__arena *a, vigil__clauses *cl,
			   const int32_t *rev, size_t nrev)
{
	vigil__cverb *out;
	size_t i, n = 0;

	if (nrev == 0)
		return 0;
	out = vigil__arena_alloc(a, (cl->nverb + nrev) * sizeof(*out));
	if (!out)
		return -1;
	for (i = 0; i < cl->nverb; i++) {
		out[n++] = cl->verbs[i];
		if (rev[i] < 0)
			continue;
		out[n] = cl->verbs[i];
		out[n].subj = cl->verbs[i].obj;
		out[n].obj = cl->verbs[i].subj;
		out[n].entry = rev[i];
		out[n].passive = 0;
		out[n].rules &= (uint16_t)~VIGIL__R_BETWEEN;
		n++;
	}
	cl->verbs = out;
	cl->nverb = n;
	return 0;
}

/*
 * The source when a pattern's `+` before the verb took the verb's subject,
 * the subject of a "that" clause after the pattern's first word ("NOTED +
 * *": "Gondor's Prime Minister noted that Cirith Ungol regretted", target
 * MORMIL): the last actor before that word, the one reporting (TABARI's
 * source is the sentence's subject), unless a coded verb lies between.
 * Otherwise the subject stays.
 */
static int32_t source_before(const ctx *c, const found *f, int32_t subj)
{
	uint32_t t, begin = c->cl->actors[subj].tok_begin;
	int32_t a;

	for (t = f->begin; t < begin && !word_is(c->an, t, "that"); t++)
		;
	if (t >= begin)
		return subj;
	a = actor_in(c, c->sb, f->begin, 1);
	if (a < 0 || next_coded_verb(c, c->cl->actors[a].tok_end) < f->begin)
		return subj;
	return a;
}

/*
 * TABARI's source is the first actor of the verb's clause: a pos=verb-only
 * verb whose subject is the object of a preposition ("Gollum centre of a
 * diplomatic row between Radagast the Brown called on Gondor": HOB, not
 * RAD) takes the first actor of its clause (after the last , ; : or clause
 * word before the verb) that is no such object, when it comes first.
 */
static void clause_source(const ctx *c, vigil__cverb *v)
{
	const vigil__actor *s;
	uint32_t from = c->vb;
	int32_t a;

	if (v->subj < 0 || v->passive || !verb_only(c->an, v->entry))
		return;
	s = &c->cl->actors[v->subj];
	if (!(s->flags & VIGIL__AF_PREP) || s->sent != c->sent ||
	    s->tok_end > c->vb)
		return;
	while (from > c->sb && !opens_clause(c, from - 1))
		from--;
	for (a = 0; (size_t)a < c->cl->nactor; a++) {
		const vigil__actor *b = &c->cl->actors[a];

		if (b->sent != c->sent || b->tok_begin < from ||
		    b->group != (uint32_t)a || !b->code[0] ||
		    (b->flags & (VIGIL__AF_PREP | VIGIL__AF_PRONOUN)))
			continue;
		if (b->tok_begin < s->tok_begin)
			v->subj = a;
		return;
	}
}

/* A later event noun, or verb used as a noun, holding the last word of the
 * pattern that codes verb v ("lifted a day-old blockade", "declared a
 * 30-day state of siege") is what v acts on, not an event of its own: it
 * codes nothing. (A verb stays one: "promised raids" still raids.) */
static void drop_pattern_noun(const vigil__analysis *an, vigil__clauses *cl,
			      const vigil__cverb *v, uint32_t ve, uint32_t end)
{
	size_t i;

	for (i = (size_t)(v - cl->verbs) + 1;
	     i < cl->nverb && cl->verbs[i].sent == v->sent; i++) {
		vigil__cverb *n = &cl->verbs[i];
		const vigil__match *m = &an->matches[n->match];

		if (n->noun && m->tok_begin >= ve && m->tok_begin < end &&
		    m->tok_end >= end)
			n->entry = -1;
	}
}

/*
 * The verb's entry: the entry with a pattern that matches with the most
 * words (ties: the first), trying only those whose key is 0 or the key of
 * a word of the sentence; without one, its first entry without a pattern.
 * Verbs with neither patterns nor an entry "---" are left alone.
 */
static int32_t apply_to_verb(const vigil__analysis *an, vigil__clauses *cl,
			     const doc_words *wd, vigil__cverb *v)
{
	const vigil__match *m = &an->matches[v->match];
	const vigil__sentence *s = &an->seg.sent[v->sent];
	ctx c = {an, cl, wd->tok, wd->keys, s->tok_begin, s->tok_end,
		 m->tok_begin, m->tok_end, v->sent};
	choice ch = {-1, -1, UINT32_MAX, {-1, -1, 0, 0}};
	int32_t best, dflt = -1;
	int patterned = m->pattern_count > 0;
	uint32_t k, end = m->entry_first + m->entry_count;

	for (k = m->entry_first; k < end; k++) {  /* without a pattern */
		if (vigil__lexicon_entry_kind_on(an->lx, k, an->date) !=
			    VIGIL_KIND_VERB ||
		    pos_is(an, (int32_t)k, "verb-reverse"))
			continue;
		if (dflt < 0 || (!written_as(an, m, dflt) &&
				 written_as(an, m, (int32_t)k)))
			dflt = (int32_t)k;
		patterned |= no_event(an, k);
	}
	if (v->rules & VIGIL__R_FRAME)
		patterned = 0; /* a frame chose the code: "would not recognise
				  the ruling" is a refusal (124), whatever the
				  pattern would give "recognise" */
	if (verb_only(an, v->entry))
		surface_subject(v);
	clause_source(&c, v);
	if (verb_only(an, v->entry) && pronoun_not_object(&c, v->obj))
		v->obj = -1;
	if (verb_only(an, v->entry) && dflt >= 0 && dflt != v->entry &&
	    written_as(an, m, dflt) && !written_as(an, m, v->entry))
		v->entry = dflt;
	if (!patterned) {
		default_object(&c, v, c.ve);
		return reciprocal(an, v->entry, end);
	}
	if (m->pattern_count <= SCAN_MAX)
		scan_patterns(&c, wd, end, end + m->pattern_count, &ch);
	else
		search_patterns(&c, wd, end, end + m->pattern_count, &ch);
	best = ch.k;
	if (best >= 0) {
		if (ch.f.src >= 0)
			v->subj = ch.f.src;
		else if (ch.f.tgt >= 0 && ch.f.tgt == v->subj)
			v->subj = source_before(&c, &ch.f, v->subj);
		v->mutual = (uint8_t)ch.f.mutual;
		if (ch.f.tgt >= 0)
			v->obj = ch.f.tgt;
		else if (v->obj < 0 && !v->mutual)
			v->obj = object_after(&c, ch.f.end);
	} else {
		best = dflt;
	}
	if (best >= 0 && no_event(an, (uint32_t)best))
		best = -1;
	else if (best >= 0 && best == ch.k)
		drop_pattern_noun(an, cl, v, c.ve, ch.f.end);
	if (best >= 0 && v->obj < 0 && !v->mutual)
		default_object(&c, v, c.ve);
	v->entry = best;
	return reciprocal(an, best, (uint32_t)best < end ?
					    end : end + m->pattern_count);
}

/* Whether token t is a lowercase word not ending in -s: what can stand
 * between an article and its noun ("a brief visit"). */
static int modifier_at(const vigil__analysis *an, uint32_t t)
{
	const vigil__token *tok = &an->seg.tok[t];

	return tok->type == VIGIL_TOK_WORD && !(tok->flags & VIGIL_TF_CAP) &&
	       an->text[tok->off + tok->len - 1] != 's';
}

/* Whether token tok ends with `suffix` (ASCII, any case). */
static int ends_with(const vigil__analysis *an, const vigil__token *tok,
		     const char *suffix)
{
	size_t n = strlen(suffix);

	return tok->len > n &&
	       strncasecmp(an->text + tok->off + tok->len - n, suffix, n) == 0;
}

/* Whether token t is a degree adverb, which modifies adjectives and
 * adverbs, never a verb ("very close", "too late"). */
static int degree_word(const vigil__analysis *an, uint32_t t)
{
	static const char *const degree[] = {"very", "too", "quite", "rather",
		"extremely"};

	return word_among(an, t, degree, sizeof(degree) / sizeof(degree[0]));
}

/* The first token of the hyphenated word ending at token t ("12-year",
 * "long-term": parts written together), not before token `first`. */
static uint32_t hyphen_start(const vigil__analysis *an, uint32_t t,
			     uint32_t first)
{
	const vigil__token *tok = an->seg.tok;

	while (t >= first + 2 && tok[t - 1].type == VIGIL_TOK_PUNCT &&
	       tok[t - 1].len == 1 && an->text[tok[t - 1].off] == '-' &&
	       tok[t - 1].off + 1 == tok[t].off &&
	       tok[t - 2].off + tok[t - 2].len == tok[t - 1].off &&
	       (tok[t - 2].type == VIGIL_TOK_WORD ||
		tok[t - 2].type == VIGIL_TOK_NUMBER))
		t -= 2;
	return t;
}

/*
 * Whether a pos=verb-only verb (TABARI/PETRARCH verbs) is used as a noun
 * (or an adjective after a degree adverb: "very close"):
 * in base or -s form (not -ed nor an irregular past: "a senior official
 * said") after an article or possessive, with at most two
 * modifiers between ("during a brief private visit"), or an -ing form
 * right after one ("their meeting").
 */
static int noun_use(const vigil__analysis *an, const vigil__cverb *v)
{
	static const char *const dets[] = {"a", "an", "the", "his", "her",
		"its", "their", "our", "this"};
	static const char *const time_preps[] = {"after", "before", "since",
		"without", "upon"};
	const vigil__match *m = &an->matches[v->match];
	const vigil__sentence *s = &an->seg.sent[v->sent];
	const vigil__token *last = &an->seg.tok[m->tok_end - 1];
	uint32_t t = m->tok_begin, skipped = 0, most = 2;
	size_t i;

	if (!verb_only(an, v->entry) || ends_with(an, last, "ed") ||
	    vigil__inflect_irregular_past(an->text + last->off, last->len))
		return 0;
	if (t > s->tok_begin && degree_word(an, t - 1))
		return 1;  /* "marched very close to": no verb */
	if (ends_with(an, last, "ing") && t > s->tok_begin &&
	    word_among(an, t - 1, time_preps,
		       sizeof(time_preps) / sizeof(time_preps[0])))
		return 1;  /* "after leaving Eriador": a gerund */
	if (ends_with(an, last, "ing"))
		most = 0;  /* "their meeting", not "the army attacking" */
	while (t > s->tok_begin) {
		t--;
		for (i = 0; i < sizeof(dets) / sizeof(dets[0]); i++)
			if (word_is(an, t, dets[i]))
				return 1;
		if (++skipped > most || !modifier_at(an, t))
			return 0;
		t = hyphen_start(an, t, s->tok_begin);
	}
	return 0;
}

/*
 * A pos=verb-only verb right after "and" (an adverb in -ly may stand
 * between) continues the verb phrase of the sentence's previous verb
 * ("condemned an attack ... and promised aid"): it takes that verb's
 * subject, as TABARI does, rather than the nearest actor before it.
 */
static void shared_subject(const vigil__analysis *an, vigil__clauses *cl,
			   size_t i)
{
	vigil__cverb *v = &cl->verbs[i];
	const vigil__match *m = &an->matches[v->match];
	uint32_t t = m->tok_begin;

	if (!verb_only(an, v->entry) || t == an->seg.sent[v->sent].tok_begin)
		return;
	if (ends_with(an, &an->seg.tok[t - 1], "ly") &&
	    t - 1 > an->seg.sent[v->sent].tok_begin)
		t--;
	if (!word_is(an, t - 1, "and"))
		return;
	while (i-- > 0) {
		const vigil__cverb *p = &cl->verbs[i];

		if (p->sent != v->sent)
			return;
		if (p->noun)  /* "an attack by X": X is the noun's actor */
			continue;
		if (p->subj >= 0 && an->matches[p->match].tok_end < t) {
			v->subj = p->subj;
			return;
		}
	}
}

/* Whether the verb at token vb is an infinitive: "to stop", "to be
 * allowed", "to have acted". */
static int infinitive(const vigil__analysis *an, uint32_t sent, uint32_t vb)
{
	uint32_t sb = an->seg.sent[sent].tok_begin;

	if (vb > sb && (word_is(an, vb - 1, "be") || word_is(an, vb - 1, "have")))
		vb--;
	return vb > sb && word_is(an, vb - 1, "to");
}

/* Whether token t opens a clause of background time, a duration before
 * after, before or since ("almost five years after crowds burned down its
 * embassy"), which PETRARCH's parse puts inside the verb phrase before
 * it. */
static int background_time(const vigil__analysis *an, uint32_t t)
{
	static const char *const conj[] = {"after", "before", "since"};
	static const char *const units[] = {"day", "days", "week", "weeks",
		"month", "months", "year", "years", "decade", "decades"};

	return t > 0 && word_among(an, t, conj, sizeof(conj) / sizeof(conj[0])) &&
	       word_among(an, t - 1, units, sizeof(units) / sizeof(units[0]));
}

/*
 * TABARI codes one verb per clause: a pos=verb-only infinitive in the
 * clause of an earlier pos=verb-only verb of its sentence that codes
 * something ("abandoned efforts to stop an anti-Gondor parade": abandoned,
 * not stop) codes nothing, so the first verb's target is sought past it;
 * nor does a verb of a clause of background time that follows that verb
 * ("restore ties with Gondor, almost five years after crowds burned down
 * its embassy"), when the last clause opener between them opens it.
 */
static void one_verb_per_clause(vigil__analysis *an)
{
	const ctx c = {.an = an};  /* what opens_clause reads */
	size_t i, j;

	for (i = 1; i < an->cl.nverb; i++) {
		vigil__cverb *v = &an->cl.verbs[i];
		uint32_t t, last, vb = an->matches[v->match].tok_begin;
		int inf;

		if (v->entry < 0 || !verb_only(an, v->entry))
			continue;
		inf = infinitive(an, v->sent, vb);
		for (j = i; j-- > 0;) {
			const vigil__cverb *p = &an->cl.verbs[j];

			if (p->sent != v->sent)
				break;
			if (p->entry < 0 || !verb_only(an, p->entry) ||
			    p->passive || no_event(an, (uint32_t)p->entry))
				continue;
			last = UINT32_MAX;
			for (t = an->matches[p->match].tok_end; t < vb; t++)
				if (opens_clause(&c, t))
					last = t;
			if (inf ? last == UINT32_MAX
				: last != UINT32_MAX && background_time(an, last))
				v->entry = -1;
			break;
		}
	}
}

/* The agent entry of match i, or -1. */
static int32_t agent_entry(const vigil__analysis *an, size_t i)
{
	const vigil__match *m = &an->matches[i];
	uint32_t k;

	if (!vigil__match_has_kind(m, VIGIL_KIND_AGENT))
		return -1;
	for (k = m->entry_first; k < m->entry_first + m->entry_count; k++)
		if (vigil__lexicon_entry_kind_on(an->lx, k, an->date) ==
		    VIGIL_KIND_AGENT)
			return (int32_t)k;
	return -1;
}

/* The sector (agent code) of the agent match nearest to the verb match
 * `vm` within tokens [from, to), looking before it (step -1) or after it
 * (step 1), or NULL; *at receives the match. The matches are in text
 * order, so the walk stops at the range's edge. */
static const char *agent_near(const vigil__analysis *an, size_t vm,
			      uint32_t from, uint32_t to, int step,
			      const vigil__match **at)
{
	size_t i = vm;

	while (step < 0 ? i-- > 0 : ++i < an->nmatch) {
		const vigil__match *m = &an->matches[i];
		int32_t k;

		if (m->tok_begin < from || m->tok_end > to)
			break;
		k = agent_entry(an, i);
		if (k >= 0) {
			*at = m;
			return vigil__lexicon_entry_code(an->lx, (uint32_t)k);
		}
	}
	return NULL;
}

/* Whether an actor of sentence `sent` starts in tokens [from, to). */
static int actor_starts_in(const vigil__clauses *cl, uint32_t sent,
			   uint32_t from, uint32_t to)
{
	size_t i;

	for (i = 0; i < cl->nactor; i++)
		if (cl->actors[i].sent == sent &&
		    cl->actors[i].tok_begin >= from &&
		    cl->actors[i].tok_begin < to)
			return 1;
	return 0;
}

/* Appends to the actors an agent without country, coded "---" + `sector`
 * (TABARI's code for it), over match m; returns its index, or -1 when the
 * arena fails. */
static int32_t add_bare_agent(vigil__arena *a, vigil__clauses *cl,
			      uint32_t sent, const vigil__match *m,
			      const char *sector)
{
	vigil__actor *out = vigil__arena_alloc(a, (cl->nactor + 1) *
						      sizeof(*out));
	vigil__actor *n;
	size_t len = strcspn(sector, "~");

	if (!out)
		return -1;
	memcpy(out, cl->actors, cl->nactor * sizeof(*out));
	n = &out[cl->nactor];
	memset(n, 0, sizeof(*n));
	n->sent = sent;
	n->tok_begin = n->head_begin = m->tok_begin;
	n->tok_end = m->tok_end;
	n->entry = n->agent = n->ref = -1;
	n->group = (uint32_t)cl->nactor;
	n->ngroup = 1;
	if (len > sizeof(n->sector) - 1)
		len = sizeof(n->sector) - 1;
	memcpy(n->sector, sector, len);
	memcpy(n->code, "---", 3);
	memcpy(n->code + 3, sector, len);
	cl->actors = out;
	return (int32_t)cl->nactor++;
}

/*
 * TABARI codes an agent without a country as "---" + its sector: a
 * pos=verb-only verb whose own phrase before it (from the last , ; : or
 * the sentence's start) names an agent but no actor takes that agent as
 * its subject ("..., a senior official said": ---GOV), rather than an
 * actor across the comma; an object before the verb goes with it.
 * Returns 0, or -1 when the arena fails.
 */
static int bare_agent_subject(vigil__arena *a, vigil__analysis *an,
			      vigil__cverb *v)
{
	const vigil__sentence *s = &an->seg.sent[v->sent];
	const vigil__match *vm = &an->matches[v->match], *at = NULL;
	uint32_t vb = vm->tok_begin, lo = vb;
	const char *sector;
	int32_t k;

	if (v->entry < 0 || !verb_only(an, v->entry) || v->passive)
		return 0;
	while (lo > s->tok_begin) {
		const vigil__token *tok = &an->seg.tok[lo - 1];

		if (tok->type == VIGIL_TOK_PUNCT && tok->len == 1 &&
		    strchr(",;:", an->text[tok->off]))
			break;
		lo--;
	}
	if (actor_starts_in(&an->cl, v->sent, lo, vb))
		return 0;
	sector = agent_near(an, v->match, lo, vb, -1, &at);
	if (!sector)
		return 0;
	k = add_bare_agent(a, &an->cl, v->sent, at, sector);
	if (k < 0)
		return -1;
	v->subj = k;
	if (v->obj >= 0 && an->cl.actors[v->obj].tok_begin < vb)
		v->obj = -1;
	v->rules &= (uint16_t)~VIGIL__R_BETWEEN;
	return 0;
}

/*
 * The same as a target: a pos=verb-only verb still without object whose
 * clause after it (as for the default target) names an agent takes it
 * ("Russian police arrested students in Moscow": ---EDU). Returns 0, or
 * -1 when the arena fails.
 */
static int bare_agent_object(vigil__arena *a, vigil__analysis *an,
			     vigil__cverb *v)
{
	const vigil__sentence *s = &an->seg.sent[v->sent];
	const vigil__match *vm = &an->matches[v->match], *at = NULL;
	ctx c = {an, &an->cl, NULL, NULL, s->tok_begin, s->tok_end,
		 vm->tok_begin, vm->tok_end, v->sent};
	uint32_t to = c.ve, stop;
	const char *sector;
	int32_t k;

	if (v->entry < 0 || !verb_only(an, v->entry) || v->passive ||
	    v->obj >= 0)
		return 0;
	stop = next_coded_verb(&c, c.ve);
	while (to < stop && !clause_stop(&c, to))
		to++;
	sector = agent_near(an, v->match, c.ve, to, 1, &at);
	if (!sector)
		return 0;
	k = add_bare_agent(a, &an->cl, v->sent, at, sector);
	if (k < 0)
		return -1;
	v->obj = k;
	return 0;
}

/* The first actor entry of the match that ends at token `end`, or -1. */
static int32_t actor_ending_at(const vigil__analysis *an, uint32_t end)
{
	size_t i;
	uint32_t k;

	for (i = 0; i < an->nmatch; i++) {
		const vigil__match *m = &an->matches[i];

		if (m->tok_end != end ||
		    !vigil__match_has_kind(m, VIGIL_KIND_ACTOR))
			continue;
		for (k = m->entry_first; k < m->entry_first + m->entry_count; k++)
			if (vigil__lexicon_entry_kind_on(an->lx, k, an->date) ==
			    VIGIL_KIND_ACTOR)
				return (int32_t)k;
	}
	return -1;
}

#define MAX_MODIFIERS 4

/* Whether token t can stand between a possessor's 's and the possessed
 * actor: "and", or a lowercase word that is no closed-class word and
 * starts no verb ("awful", "evil", "minister"). */
static int possessed_modifier(const vigil__analysis *an, uint32_t t)
{
	const vigil__token *tok = &an->seg.tok[t];
	size_t i;

	if (word_is(an, t, "and"))
		return 1;
	if (tok->type != VIGIL_TOK_WORD || an->text[tok->off] < 'a' ||
	    an->text[tok->off] > 'z' || vigil__clause_is_closed(an->text, tok))
		return 0;
	for (i = 0; i < an->cl.nverb; i++)
		if (an->matches[an->cl.verbs[i].match].tok_begin == t)
			return 0;
	return 1;
}

/* The token after the first 's inside actor m's phrase ("Arnor's
 * Elrond", one phrase), or its first token. */
static uint32_t poss_inside(const vigil__analysis *an, const vigil__actor *m)
{
	uint32_t q;

	for (q = m->tok_begin + 1; q + 1 < m->tok_end; q++)
		if (an->seg.tok[q].type == VIGIL_TOK_POSS)
			return q + 1;
	return m->tok_begin;
}

/*
 * PETRARCH codes a noun phrase by its first actor: actor m, when its
 * dictionary phrase follows a possessor's 's with only lowercase modifiers
 * between ("Ithilen's awful and evil minister Calimehtar", "Ithilen's sly
 * Elrond", "Arnor's Elrond"), takes the possessor's country, with the
 * sector of its agent (ITHGOV, ITH, ARN), not the person's code (CALGOV,
 * ELF).
 */
static void possessor_code(const vigil__analysis *an, vigil__actor *m)
{
	uint32_t t = m->head_begin, sb = an->seg.sent[m->sent].tok_begin;
	vigil__entry e;
	int32_t p;

	while (t > sb && t + MAX_MODIFIERS > m->head_begin &&
	       possessed_modifier(an, t - 1))
		t--;
	if (t <= sb || an->seg.tok[t - 1].type != VIGIL_TOK_POSS)
		t = poss_inside(an, m);
	if (t <= sb || an->seg.tok[t - 1].type != VIGIL_TOK_POSS)
		return;
	p = actor_ending_at(an, t - 1);
	if (p < 0)
		return;
	vigil__lexicon_entry(an->lx, (uint32_t)p, &e);
	if (!e.country || strlen(e.country) != 3 ||
	    strncmp(m->code, e.country, 3) == 0)
		return;
	snprintf(m->code, sizeof(m->code), "%s%s", e.country, m->sector);
	memcpy(m->country, e.country, 4);
}

/* The members of group g coded as PETRARCH codes them (in place: only
 * pos=verb-only verbs call this). */
static void petrarch_codes(const vigil__analysis *an, vigil__clauses *cl,
			 int32_t g)
{
	uint16_t k, n;

	if (g < 0)
		return;
	n = cl->actors[g].ngroup ? cl->actors[g].ngroup : 1;
	for (k = 0; k < n && (size_t)g + k < cl->nactor; k++)
		possessor_code(an, &cl->actors[g + k]);
}

int vigil__patterns_apply(vigil__arena *a, vigil__analysis *an)
{
	doc_words wd;
	int32_t *rev;
	size_t i, nrev = 0;

	if (!an->lx || an->cl.nverb == 0)
		return 0;
	rev = vigil__arena_alloc(a, an->cl.nverb * sizeof(*rev));
	if (!rev)
		return -1;
	wd.tok = NULL;
	wd.keys = NULL;
	wd.folded = NULL;
	wd.list = NULL;
	wd.nlist = 0;
	wd.keys_sent = UINT32_MAX;
	for (i = 0; i < an->cl.nverb; i++)  /* first, so objects pass them */
		if (an->cl.verbs[i].entry >= 0 && noun_use(an, &an->cl.verbs[i]))
			an->cl.verbs[i].entry = -1;
	one_verb_per_clause(an);
	for (i = 0; i < an->cl.nverb; i++) {
		vigil__cverb *v = &an->cl.verbs[i];
		const vigil__match *m = &an->matches[v->match];

		rev[i] = -1;
		if (v->entry < 0 || m->entry_count + m->pattern_count == 0)
			continue;
		if (!wd.tok) {
			wd.tok = vigil__arena_alloc(a, an->seg.ntok *
						    sizeof(*wd.tok));
			wd.folded = vigil__arena_calloc(a, an->seg.nsent, 1);
			wd.keys = vigil__arena_calloc(a, KEY_WORDS,
						      sizeof(*wd.keys));
			wd.list = vigil__arena_alloc(a, an->seg.ntok *
						     sizeof(*wd.list));
			if (!wd.tok || !wd.folded || !wd.keys || !wd.list)
				return -1;
		}
		if (m->pattern_count &&
		    enter_sentence(a, an, &wd, v->sent) < 0)
			return -1;
		shared_subject(an, &an->cl, i);
		rev[i] = apply_to_verb(an, &an->cl, &wd, v);
		nrev += rev[i] >= 0;
		if (v->entry >= 0 && verb_only(an, v->entry)) {
			petrarch_codes(an, &an->cl, v->subj);
			petrarch_codes(an, &an->cl, v->obj);
		}
		if (v->entry >= 0 && v->speaker >= 0)
			vigil__speech_act(v, vigil__lexicon_entry_code(
						     an->lx, (uint32_t)v->entry));
		if (bare_agent_subject(a, an, v) < 0 ||
		    bare_agent_object(a, an, v) < 0)
			return -1;
	}
	return add_reciprocals(a, &an->cl, rev, nrev);
}

/* The sentence holding token t. */
static uint32_t sentence_of(const vigil__analysis *an, uint32_t t)
{
	size_t lo = 0, hi = an->seg.nsent;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (an->seg.sent[mid].tok_begin <= t)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

void vigil__discards_apply(vigil__analysis *an)
{
	size_t i, j;
	uint32_t k;

	if (!vigil__lexicon_has_kind(an->lx, VIGIL_KIND_DISCARD))
		return;
	for (i = 0; i < an->nmatch; i++) {
		const vigil__match *m = &an->matches[i];

		if (!vigil__match_has_kind(m, VIGIL_KIND_DISCARD))
			continue;
		for (k = m->entry_first; k < m->entry_first + m->entry_count; k++) {
			int story;
			uint32_t s;

			if (vigil__lexicon_entry_kind_on(an->lx, k, an->date) !=
			    VIGIL_KIND_DISCARD)
				continue;
			story = strcmp(vigil__lexicon_entry_code(an->lx, k),
				       "story") == 0;
			s = sentence_of(an, m->tok_begin);
			for (j = 0; j < an->cl.nverb; j++)
				if (story || an->cl.verbs[j].sent == s)
					an->cl.verbs[j].entry = -1;
		}
	}
}
