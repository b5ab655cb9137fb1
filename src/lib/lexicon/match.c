/*
 * match.c: the dictionary matcher. One left-to-right pass over a sentence's
 * tokens: each token is folded once into a stack buffer and looked up in the
 * vocabulary hash (its case-insensitive word id, plus its capitals-only id
 * when the token is written in capitals); from each token the trie is walked
 * through the edge hash for the longest phrase, skipping INNER tokens.
 * Leftmost-longest, non-overlapping; nothing is allocated per token.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "lexicon_int.h"

/*===== Lookups ======================================================*/

/*
 * Word id of the folded word in `buf` (len bytes, zero-padded to at least
 * 16 bytes) with hash h, or VIGIL__NONE. Words up to 16 bytes compare in the
 * slot itself; the view guarantees an empty slot, so the probe ends.
 */
static inline uint32_t find_word(const vigil__lexicon *lx,
				 const unsigned char *buf, size_t len, int cs,
				 uint64_t h)
{
	uint32_t fp = (uint32_t)(h >> 32), j = (uint32_t)h & lx->vocab_mask;
	uint64_t a, b;

	memcpy(&a, buf, 8);
	memcpy(&b, buf + 8, 8);
	for (;; j = (j + 1) & lx->vocab_mask) {
		const vigil__blob_word *w = &lx->vocab[j];
		uint64_t wa, wb;

		if (!w->len)
			return VIGIL__NONE;
		if (w->hash != fp || w->len != len || w->cs != cs)
			continue;
		memcpy(&wa, w->head, 8);
		memcpy(&wb, w->head + 8, 8);
		if (wa == a && wb == b &&
		    (len <= VIGIL__WORD_HEAD ||
		     memcmp(lx->pool + w->str + VIGIL__WORD_HEAD,
			    buf + VIGIL__WORD_HEAD, len - VIGIL__WORD_HEAD) == 0))
			return j;
	}
}

static inline uint64_t padded_hash(const unsigned char *buf, size_t len, int cs)
{
	return len <= VIGIL__WORD_HEAD ? vigil__word_hash16(buf, len, cs)
				       : vigil__word_hash((const char *)buf, len, cs);
}

uint32_t vigil__lexicon_word(const vigil__lexicon *lx, const char *s,
			     size_t len, int cs)
{
	unsigned char buf[VIGIL__DICT_MAX_WORD + VIGIL__WORD_HEAD];

	if (len == 0 || len > VIGIL__DICT_MAX_WORD)
		return VIGIL__NONE;
	memcpy(buf, s, len);
	memset(buf + len, 0, VIGIL__WORD_HEAD);
	return find_word(lx, buf, len, cs != 0, padded_hash(buf, len, cs != 0));
}

static inline uint32_t child_of(const vigil__lexicon *lx, uint32_t node,
				uint32_t word)
{
	uint32_t j;

	if (node == 0)
		return lx->vocab[word].root;
	for (j = vigil__edge_hash(node, word) & lx->edge_mask;;
	     j = (j + 1) & lx->edge_mask) {
		const vigil__blob_edge *e = &lx->edges[j];

		if (!e->child)
			return 0;
		if (e->node == node && e->word == word)
			return e->child;
	}
}

uint32_t vigil__lexicon_child(const vigil__lexicon *lx, uint32_t node,
			      uint32_t word)
{
	return child_of(lx, node, word);
}

/*===== Matcher ======================================================*/

/*
 * Word ids of the tokens looked up lately, by token index modulo RING: a
 * phrase walk looks ahead at most 16 words (plus INNER tokens), so a token
 * is folded and hashed once whether it starts a phrase or continues one.
 * Tokens are looked up BLOCK at a time, ahead of the walk, so the cache
 * misses of a block's vocabulary probes overlap instead of queueing.
 */
#define RING 128u
#define BLOCK 32u

typedef struct tok_ids {
	uint32_t tok;    /* token index this slot holds, or VIGIL__NONE */
	uint32_t id[2];  /* [0] capitals-only id, [1] case-insensitive id */
} tok_ids;

typedef struct walk {
	const vigil__lexicon *lx;
	const char *text;
	const vigil__token *tok;
	size_t end;
	size_t bound;    /* end byte of the last token: text below is readable */
	size_t ready;    /* tokens below this were looked up by a block */
	tok_ids ring[RING];
} walk;

/* Folds token t into buf (zero-padded: to 16 bytes for a word of up to
 * 16, the head that find_word and the hash read, else 16 bytes past its
 * end); returns its length or 0. An ASCII token of up to 16 bytes is
 * folded as two integers (its fold is its lowercase, as vigil__fold
 * writes it). Inlined: it runs once per token. */
static inline __attribute__((always_inline)) size_t
fold_token(const walk *w, size_t t, unsigned char *buf)
{
	const vigil__token *tk = &w->tok[t];
	size_t n;

	if ((tk->flags & VIGIL_TF_ASCII) && tk->len <= VIGIL__WORD_HEAD) {
		uint64_t x[2];

		vigil__text_lower16_room(w->text + tk->off, tk->len,
					 w->bound - tk->off, x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		x[0] = __builtin_bswap64(x[0]);
		x[1] = __builtin_bswap64(x[1]);
#endif
		memcpy(buf, x, sizeof(x));
		return tk->len;
	}
	n = vigil__fold(w->text + tk->off, tk->len, (char *)buf,
			VIGIL__DICT_MAX_WORD + 1);
	if (n == (size_t)-1 || n > VIGIL__DICT_MAX_WORD)
		return 0;
	memset(buf + n, 0, VIGIL__WORD_HEAD);
	return n;
}

/* Looks token t up into its ring slot r (not holding it yet). */
static __attribute__((noinline)) const uint32_t *
look_up_token(walk *w, size_t t, tok_ids *r)
{
	unsigned char buf[VIGIL__DICT_MAX_WORD + 1 + VIGIL__WORD_HEAD];
	size_t n;

	r->tok = (uint32_t)t;
	r->id[0] = r->id[1] = VIGIL__NONE;
	n = fold_token(w, t, buf);
	if (!n)
		return r->id;
	r->id[1] = find_word(w->lx, buf, n, 0, padded_hash(buf, n, 0));
	if (w->tok[t].flags & VIGIL_TF_UPPER)
		r->id[0] = find_word(w->lx, buf, n, 1, padded_hash(buf, n, 1));
	return r->id;
}

/* The ids of token t: from the ring (nearly always: blocks look tokens up
 * ahead), else looked up now. A slot is trusted only below `ready`: the
 * blocks wrote every slot there, while slots beyond hold what the stack
 * held (the ring is not cleared per sentence). */
static inline const uint32_t *token_ids(walk *w, size_t t)
{
	tok_ids *r = &w->ring[t % RING];

	return t < w->ready && r->tok == (uint32_t)t ? r->id
						      : look_up_token(w, t, r);
}

/*
 * Looks up tokens [from, from + BLOCK) in two passes: fold, hash and
 * prefetch every home slot, then probe. Every slot of the block is written:
 * INNER tokens and words longer than the slot head (left to token_ids,
 * rare) get no token. A token looked up ahead by token_ids is looked up
 * again (rare: a phrase walk across a block's end).
 */
static void look_up_block(walk *w, size_t from)
{
	const vigil__lexicon *lx = w->lx;
	unsigned char buf[VIGIL__DICT_MAX_WORD + 1 + VIGIL__WORD_HEAD];
	unsigned char head[BLOCK][VIGIL__WORD_HEAD];
	uint64_t h[BLOCK][2];
	uint8_t len[BLOCK];
	size_t to = from + BLOCK < w->end ? from + BLOCK : w->end, t, k;

	for (t = from; t < to; t++) {
		k = t - from;
		len[k] = 0;
		if (w->tok[t].flags & VIGIL_TF_INNER)
			continue;
		if ((w->tok[t].flags & VIGIL_TF_ASCII) &&
		    w->tok[t].len <= VIGIL__WORD_HEAD) {
			/* folded in place: the head is the whole word */
			len[k] = (uint8_t)fold_token(w, t, head[k]);
		} else {
			buf[0] = 0;
			len[k] = (uint8_t)fold_token(w, t, buf);
			if (len[k] > VIGIL__WORD_HEAD)
				len[k] = 0;
			else if (len[k])
				memcpy(head[k], buf, VIGIL__WORD_HEAD);
		}
		if (!len[k])
			continue;
		h[k][1] = vigil__word_hash16(head[k], len[k], 0);
		__builtin_prefetch(&lx->vocab[h[k][1] & lx->vocab_mask]);
		if (w->tok[t].flags & VIGIL_TF_UPPER) {
			h[k][0] = vigil__word_hash16(head[k], len[k], 1);
			__builtin_prefetch(&lx->vocab[h[k][0] & lx->vocab_mask]);
		}
	}
	for (t = from; t < to; t++) {
		tok_ids *r = &w->ring[t % RING];

		k = t - from;
		r->tok = len[k] ? (uint32_t)t : VIGIL__NONE;
		if (!len[k])
			continue;
		r->id[1] = find_word(lx, head[k], len[k], 0, h[k][1]);
		r->id[0] = (w->tok[t].flags & VIGIL_TF_UPPER)
				   ? find_word(lx, head[k], len[k], 1, h[k][0])
				   : VIGIL__NONE;
	}
	w->ready = to;
}

/* A pending trie state: `node` reached with tokens up to `next`. */
typedef struct frame {
	uint32_t node;
	uint32_t next;   /* index of the token after the last one consumed */
	uint32_t depth;  /* words consumed */
} frame;

/*
 * Longest phrase starting at token `i` (not INNER): returns the token index
 * after it (0 when none) and its node in *node_out. A token written in
 * capitals may follow two edges, so this is a depth-first search, which
 * only stacks a state when a token really has two ways on; the
 * capitals-only edge is followed first and wins ties.
 */
static uint32_t longest_at(walk *w, size_t i, uint32_t *node_out)
{
	const vigil__lexicon *lx = w->lx;
	frame stack[VIGIL__DICT_MAX_WORDS + 2], f;
	size_t sp = 0, t = 0;
	uint32_t best = 0, c0, c1;
	const uint32_t *ids = token_ids(w, i);

	c0 = ids[0] != VIGIL__NONE ? lx->vocab[ids[0]].root : 0;
	c1 = ids[1] != VIGIL__NONE ? lx->vocab[ids[1]].root : 0;
	if (!c0 && !c1)
		return 0;
	if (c0 && c1)
		stack[sp++] = (frame){c1, (uint32_t)i + 1, 1};
	f = (frame){c0 ? c0 : c1, (uint32_t)i + 1, 1};
	for (;;) {
		uint8_t fl = lx->flags[f.node];

		if ((fl & VIGIL__NODE_ENTRIES) && f.next > best) {
			best = f.next;
			*node_out = f.node;
		}
		c0 = c1 = 0;
		if ((fl & VIGIL__NODE_KIDS) && f.depth < VIGIL__DICT_MAX_WORDS) {
			for (t = f.next; t < w->end && (w->tok[t].flags & VIGIL_TF_INNER); t++)
				;
			if (t < w->end) {
				ids = token_ids(w, t);
				if (ids[0] != VIGIL__NONE)
					c0 = child_of(lx, f.node, ids[0]);
				if (ids[1] != VIGIL__NONE)
					c1 = child_of(lx, f.node, ids[1]);
			}
		}
		if (c0 && c1)
			stack[sp++] = (frame){c1, (uint32_t)t + 1, f.depth + 1};
		if (c0 || c1)
			f = (frame){c0 ? c0 : c1, (uint32_t)t + 1, f.depth + 1};
		else if (sp)
			f = stack[--sp];
		else
			break;
	}
	return best;
}

/* Splits the entries of a node flagged VIGIL__NODE_PATTERNS: those without
 * a pattern come first, then those with one (binary search). */
static void split_patterns(const vigil__lexicon *lx, vigil__match *m)
{
	uint32_t lo = 0, hi = m->entry_count;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (lx->entries[lx->slots[m->entry_first + mid]].pattern)
			hi = mid;
		else
			lo = mid + 1;
	}
	m->pattern_count = m->entry_count - lo;
	m->entry_count = lo;
}

int vigil__match_tokens(const vigil__lexicon *lx, const char *text,
			const vigil__token *tok, size_t begin, size_t end,
			vigil__arena *a, vigil__match **out, size_t *n,
			size_t *cap)
{
	walk w;
	size_t i = begin;

	if (!lx || begin >= end)
		return 0;
	w.lx = lx;
	w.text = text;
	w.tok = tok;
	w.end = end;
	w.bound = (size_t)tok[end - 1].off + tok[end - 1].len;
	w.ready = begin;
	while (i < end) {
		uint32_t node = 0, stop;
		vigil__match *m;

		if (i >= w.ready)
			look_up_block(&w, i);

		if (tok[i].flags & VIGIL_TF_INNER) {
			i++;
			continue;
		}
		stop = longest_at(&w, i, &node);
		if (!stop) {
			i++;
			continue;
		}
		if (vigil__arena_grow(a, (void **)out, cap, *n + 1, sizeof(**out)) < 0)
			return -1;
		m = &(*out)[(*n)++];
		m->tok_begin = (uint32_t)i;
		m->tok_end = stop;
		m->entry_first = lx->nodes[node];
		m->entry_count = lx->nodes[node + 1] - lx->nodes[node];
		m->pattern_count = 0;
		m->kinds = lx->kinds[node];
		if (lx->flags[node] & VIGIL__NODE_PATTERNS)
			split_patterns(lx, m);
		i = stop;
	}
	return 0;
}
