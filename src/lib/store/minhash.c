/*
 * minhash.c: the near-duplicate fingerprint of a document: a MinHash
 * signature of its word 3-shingles. Words are runs of letters, digits and
 * non-ASCII bytes, ASCII-lowercased; each shingle is hashed once (XXH64)
 * and VIGIL__MINHASH_K hash functions derived from it (multiply-add with
 * fixed odd constants, high 32 bits) each keep their minimum. The share of
 * equal minima estimates the Jaccard similarity of the shingle sets:
 * syndicated copies of one story (another headline, byline, a sentence
 * more or less) share most shingles; different stories almost none.
 *
 * SPDX-License-Identifier: MIT
 */
#include <ctype.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY /* XXH64_state_t on the stack */
#include <xxhash.h>

#include "store_int.h"

#define SHINGLE 3
#define MIN_SHINGLES 8

/* A word of a sentence: [p, p + len). */
typedef struct word {
	const char *p;
	size_t len;
} word;

/* XXH64 of the shingle's words, lowercased, each followed by a space (in
 * one call when they fit the buffer: the same digest as streaming them). */
static uint64_t shingle_hash(const word *w)
{
	char buf[256];
	XXH64_state_t st;
	size_t k, j, n = 0;

	for (k = 0; k < SHINGLE; k++)
		n += w[k].len + 1;
	if (n <= sizeof(buf)) {
		n = 0;
		for (k = 0; k < SHINGLE; k++) {
			for (j = 0; j < w[k].len; j++)
				buf[n++] = (char)tolower((unsigned char)w[k].p[j]);
			buf[n++] = ' ';
		}
		return XXH64(buf, n, 0);
	}
	XXH64_reset(&st, 0);
	for (k = 0; k < SHINGLE; k++) {
		for (j = 0; j < w[k].len; j++) {
			char c = (char)tolower((unsigned char)w[k].p[j]);

			XXH64_update(&st, &c, 1);
		}
		XXH64_update(&st, " ", 1);
	}
	return XXH64_digest(&st);
}

/*
 * Hash function k of a shingle hash h is the high 32 bits of a_k * h + b_k
 * (mod 2^64) with a_k = A * (2k + 1), b_k = B * (k + 1): that is
 * (A * h + B) + k * (2 * A * h + B), so each function is the previous one
 * plus a step (no multiplication per function). Keeps the minima in sig.
 */
static void keep_minima(uint64_t h, uint32_t sig[VIGIL__MINHASH_K])
{
	const uint64_t a = 0x9e3779b97f4a7c15ull, b = 0xc2b2ae3d27d4eb4full;
	uint64_t x = a * h + b, step = 2 * a * h + b;
	unsigned k;

	for (k = 0; k < VIGIL__MINHASH_K; k++, x += step) {
		uint32_t v = (uint32_t)(x >> 32);

		sig[k] = v < sig[k] ? v : sig[k];
	}
}

static int is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

int vigil__minhash(const vigil_doc_records *r,
		   uint32_t sig[VIGIL__MINHASH_K])
{
	word win[SHINGLE];
	size_t nwords = 0, i;
	unsigned k;

	for (k = 0; k < VIGIL__MINHASH_K; k++)
		sig[k] = UINT32_MAX;
	for (i = 0; i < r->nsentences; i++) {
		const unsigned char *p = (const unsigned char *)r->sentences[i].text;

		while (p && *p) {
			const unsigned char *start;

			while (*p && !is_word_byte(*p))
				p++;
			if (!*p)
				break;
			start = p;
			while (*p && is_word_byte(*p))
				p++;
			memmove(win, win + 1, sizeof(word) * (SHINGLE - 1));
			win[SHINGLE - 1].p = (const char *)start;
			win[SHINGLE - 1].len = (size_t)(p - start);
			if (++nwords < SHINGLE)
				continue;
			keep_minima(shingle_hash(win), sig);
		}
	}
	return nwords >= SHINGLE - 1 + MIN_SHINGLES;
}

unsigned vigil__minhash_same(const uint32_t *a, const uint32_t *b)
{
	unsigned k, same = 0;

	for (k = 0; k < VIGIL__MINHASH_K; k++)
		same += a[k] == b[k];
	return same;
}
