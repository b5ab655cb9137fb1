/*
 * patterns.c: verb patterns (TABARI/PETRARCH `- words * words [code]`, .vd
 * `pattern=`) applied to the clause stage's verbs. Among the verb entries
 * of a verb match, the pattern with the most words that all occur around
 * the verb in its sentence (in order; '_' joins adjacent words) gives the
 * code, and its `$`/`+` markers the source and target; without one, the
 * entry without a pattern does. A code "---" means no event. Verbs whose
 * entries have neither patterns nor "---" are left as they are.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "patterns.h"

#define MAX_ITEMS 32
#define WORD_CAP 64

typedef struct item {
	char sep;           /* ',' gap allowed before it, '_' adjacent, 0 first */
	char mark;          /* '*', '$', '+', '^', '%' or 0 for a word */
	const char *w;      /* the word (not NUL-terminated), len n */
	size_t n;
} item;

typedef struct ctx {
	const vigil__analysis *an;
	vigil__clauses *cl;
	uint32_t sb, se;    /* the sentence's tokens */
	uint32_t vb, ve;    /* the verb's tokens */
	uint32_t sent;
} ctx;

static size_t split(const char *p, item *it)
{
	size_t n = 0;
	char sep = 0;

	while (*p && n < MAX_ITEMS) {
		size_t len = strcspn(p, ",_");

		it[n].sep = sep;
		it[n].mark = len == 1 && strchr("*$+^%", *p) ? *p : 0;
		it[n].w = p;
		it[n].n = len;
		n++;
		p += len;
		if (*p)
			sep = *p++;
	}
	return n;
}

/* Whether token t (folded) is word [w, w+n). */
static int token_is(const ctx *c, uint32_t t, const char *w, size_t n)
{
	const vigil__token *tok = &c->an->seg.tok[t];
	char fold[WORD_CAP];
	size_t fl;

	const unsigned char first = (unsigned char)c->an->text[tok->off];

	if (tok->len >= WORD_CAP)
		return 0;
	/* an ASCII letter folds to its lower case: most tokens end here */
	if (((first | 0x20u) >= 'a' && (first | 0x20u) <= 'z') &&
	    (char)(first | 0x20u) != w[0])
		return 0;
	fl = vigil__fold(c->an->text + tok->off, tok->len, fold, sizeof(fold));
	return fl == n && memcmp(fold, w, n) == 0;
}

static int inner(const ctx *c, uint32_t t)
{
	return (c->an->seg.tok[t].flags & VIGIL_TF_INNER) != 0;
}

/* The first actor (group head) starting in [from, to), or -1. */
static int32_t actor_in(const ctx *c, uint32_t from, uint32_t to, int last)
{
	int32_t found = -1;
	size_t i;

	for (i = 0; i < c->cl->nactor; i++) {
		const vigil__actor *a = &c->cl->actors[i];

		if (a->sent != c->sent || a->tok_begin < from || a->tok_end > to ||
		    (a->flags & VIGIL__AF_PRONOUN) || !a->code[0])
			continue;
		found = (int32_t)a->group;
		if (!last)
			break;
	}
	return found;
}

/*
 * Matches items [0, star) leftwards from the verb and (star, n) rightwards.
 * Returns the number of word items matched, or -1 when one is missing.
 * *src and *tgt receive the actors at `$` and `+` (or stay -1).
 */
static int match_items(const ctx *c, const item *it, size_t n, size_t star,
		       int32_t *src, int32_t *tgt)
{
	uint32_t pos = c->ve;
	int words = 0;
	size_t i;

	for (i = star + 1; i < n; i++) {        /* after the verb */
		int adjacent = it[i].sep == '_';

		if (it[i].mark == '$' || it[i].mark == '+') {
			int32_t a = actor_in(c, pos, c->se, 0);

			if (a >= 0) {
				*(it[i].mark == '$' ? src : tgt) = a;
				pos = c->cl->actors[a].tok_end;
			}
			continue;
		}
		if (it[i].mark)
			continue;
		while (pos < c->se && inner(c, pos))
			pos++;
		if (adjacent) {
			if (pos >= c->se || !token_is(c, pos, it[i].w, it[i].n))
				return -1;
		} else {
			while (pos < c->se && !token_is(c, pos, it[i].w, it[i].n))
				pos++;
			if (pos >= c->se)
				return -1;
		}
		pos++;
		words++;
	}
	pos = c->vb;                             /* before the verb */
	for (i = star; i-- > 0;) {
		int adjacent = it[i + 1].sep == '_';

		if (it[i].mark == '$' || it[i].mark == '+') {
			int32_t a = actor_in(c, c->sb, pos, 1);

			if (a >= 0) {
				*(it[i].mark == '$' ? src : tgt) = a;
				pos = c->cl->actors[a].tok_begin;
			}
			continue;
		}
		if (it[i].mark)
			continue;
		while (pos > c->sb && inner(c, pos - 1))
			pos--;
		if (adjacent) {
			if (pos <= c->sb ||
			    !token_is(c, pos - 1, it[i].w, it[i].n))
				return -1;
		} else {
			while (pos > c->sb &&
			       !token_is(c, pos - 1, it[i].w, it[i].n))
				pos--;
			if (pos <= c->sb)
				return -1;
		}
		pos--;
		words++;
	}
	return words;
}

/* Score of `pattern` around the verb (-1: no match). */
static int try_pattern(const ctx *c, const char *pattern, int32_t *src,
		       int32_t *tgt)
{
	item it[MAX_ITEMS];
	size_t n = split(pattern, it), star;

	for (star = 0; star < n && it[star].mark != '*'; star++)
		;
	if (star == n)
		return -1;
	return match_items(c, it, n, star, src, tgt);
}

static void apply_to_verb(const vigil__analysis *an, vigil__clauses *cl,
			  vigil__cverb *v)
{
	const vigil__match *m = &an->matches[v->match];
	const vigil__sentence *s = &an->seg.sent[v->sent];
	ctx c = {an, cl, s->tok_begin, s->tok_end, m->tok_begin, m->tok_end,
		 v->sent};
	int32_t best = -1, dflt = -1, bsrc = -1, btgt = -1;
	int best_score = -1, patterned = 0;
	uint32_t k;

	for (k = m->entry_first; k < m->entry_first + m->entry_count; k++) {
		vigil__entry e;
		int32_t src = -1, tgt = -1;
		int score;

		if (vigil__lexicon_entry_kind_on(an->lx, k, an->date) !=
		    VIGIL_KIND_VERB)
			continue;
		vigil__lexicon_entry(an->lx, k, &e);
		if (!e.pattern) {
			if (dflt < 0)
				dflt = (int32_t)k;
			patterned |= strcmp(e.code, "---") == 0;
			continue;
		}
		patterned = 1;
		score = try_pattern(&c, e.pattern, &src, &tgt);
		if (score > best_score) {
			best_score = score;
			best = (int32_t)k;
			bsrc = src;
			btgt = tgt;
		}
	}
	if (!patterned)
		return;
	if (best < 0)
		best = dflt;
	if (best >= 0 && bsrc >= 0)
		v->subj = bsrc;
	if (best >= 0 && btgt >= 0)
		v->obj = btgt;
	if (best >= 0 && strcmp(vigil__lexicon_entry_code(an->lx,
							  (uint32_t)best),
				"---") == 0)
		best = -1;
	v->entry = best;
}

void vigil__patterns_apply(vigil__analysis *an)
{
	size_t i;

	if (!an->lx)
		return;
	for (i = 0; i < an->cl.nverb; i++)
		if (an->cl.verbs[i].entry >= 0)
			apply_to_verb(an, &an->cl, &an->cl.verbs[i]);
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

	if (!an->lx)
		return;
	for (i = 0; i < an->nmatch; i++) {
		const vigil__match *m = &an->matches[i];

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
