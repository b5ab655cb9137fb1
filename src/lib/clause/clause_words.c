/*
 * clause_words.c: the closed-class words of English that the clause stage
 * needs to find clause boundaries, passive voice, determiners, pronouns and
 * prepositions. One static table of buckets indexed by (length, first
 * letter): a lookup lowercases the token once and compares it with the few
 * words of its bucket as two integers; words longer than 10 bytes are never
 * in it. No strcmp, no search, nothing mutable.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "clause_int.h"

#define MAX_WORD 10   /* the longest word below ("throughout") */
#define PER_BUCKET 5  /* words sharing a length and a first letter, at most */

/* A word, NUL-padded to 12 bytes so it compares as a uint64 and a uint32. */
typedef struct word_class {
	char w[12];
	uint32_t cls;
} word_class;

#define P  W_PREP
#define PB (W_PREP | W_BLOCK)
#define PO (W_PREP | W_OBJPREP)
/* The bucket of the words of length `len` starting with `ch`. Naming a
 * bucket twice is a compile error (-Woverride-init, in -Wextra). */
#define AT(len, ch) [len][(ch) - 'a']

/* Per (length, first letter), its words; unused entries are all zero.
 * Lowercase ASCII words only; vigil__clause_words_check() (tested) checks
 * that every word sits in its bucket, once. */
static const word_class words[MAX_WORD + 1][26][PER_BUCKET] = {
	AT(1, 'a') = {{"a", W_DET}},
	AT(2, 'a') = {{"an", W_DET}, {"as", PB | W_SUBX}, {"at", PB}},
	AT(2, 'b') = {{"be", W_BE}, {"by", PB}},
	AT(2, 'd') = {{"do", W_DO}},
	AT(2, 'h') = {{"he", W_PRON}},
	AT(2, 'i') = {{"if", W_SUB}, {"in", PB}, {"is", W_BE}, {"it", W_PRON}},
	AT(2, 'o') = {{"of", PB}, {"on", PO}, {"or", W_COORD}},
	AT(2, 't') = {{"to", PO}},
	AT(2, 'w') = {{"we", W_PRON}},
	AT(3, 'a') = {
		{"all", W_DET}, {"and", W_COORD}, {"any", W_DET | W_NONSPEC},
		{"are", W_BE}
	},
	AT(3, 'b') = {{"but", W_COORD | W_BUT}},
	AT(3, 'c') = {{"can", W_MODAL}},
	AT(3, 'd') = {{"did", W_DO}},
	AT(3, 'f') = {{"few", W_DET}, {"for", PB}},
	AT(3, 'h') = {
		{"had", W_HAVE}, {"has", W_HAVE}, {"her", W_POSSPRON},
		{"his", W_POSSPRON}
	},
	AT(3, 'i') = {{"its", W_POSSPRON}},
	AT(3, 'm') = {{"may", W_MODAL | W_MONTH}},
	AT(3, 'n') = {{"nor", W_COORD}},
	AT(3, 'o') = {{"one", W_NUM}, {"our", W_POSSPRON}},
	AT(3, 'p') = {{"per", PB}},
	AT(3, 's') = {{"she", W_PRON}, {"six", W_NUM}},
	AT(3, 't') = {{"ten", W_NUM}, {"the", W_DET | W_DEM}, {"two", W_NUM}},
	AT(3, 'v') = {{"via", PB}},
	AT(3, 'w') = {{"was", W_BE}, {"who", W_REL}},
	AT(4, 'a') = {{"also", W_ADV}, {"amid", PB}},
	AT(4, 'b') = {{"been", W_BE}, {"both", W_PAIR}},
	AT(4, 'd') = {{"does", W_DO}},
	AT(4, 'e') = {{"each", W_DET}},
	AT(4, 'f') = {{"five", W_NUM}, {"four", W_NUM}, {"from", PB}},
	AT(4, 'h') = {{"have", W_HAVE}},
	AT(4, 'i') = {{"into", PO}},
	AT(4, 'j') = {{"july", W_MONTH}, {"june", W_MONTH}, {"just", W_ADV}},
	AT(4, 'm') = {
		{"many", W_DET}, {"more", W_DET}, {"most", W_DET},
		{"must", W_MODAL}
	},
	AT(4, 'n') = {{"near", PB}, {"nine", W_NUM}},
	AT(4, 'o') = {{"once", W_SUBX}, {"onto", PO}, {"over", P}},
	AT(4, 's') = {{"some", W_DET}, {"such", W_DET}},
	AT(4, 't') = {
		{"than", PB}, {"that", W_THAT}, {"they", W_PRON},
		{"this", W_DET | W_DEM}
	},
	AT(4, 'u') = {{"upon", PO}},
	AT(4, 'w') = {
		{"were", W_BE}, {"when", W_SUB}, {"whom", W_REL},
		{"will", W_MODAL}, {"with", PO}
	},
	AT(5, 'a') = {
		{"about", PB}, {"after", PB | W_SUBX}, {"along", P},
		{"among", PB}, {"april", W_MONTH}
	},
	AT(5, 'b') = {{"being", W_BE}},
	AT(5, 'c') = {{"could", W_MODAL}},
	AT(5, 'e') = {{"eight", W_NUM}, {"every", W_DET}},
	AT(5, 'm') = {{"march", W_MONTH}, {"might", W_MODAL}},
	AT(5, 'o') = {{"other", W_DET}},
	AT(5, 's') = {
		{"seven", W_NUM}, {"shall", W_MODAL}, {"since", PB | W_SUBX}
	},
	AT(5, 't') = {
		{"their", W_POSSPRON}, {"these", W_DET | W_DEM},
		{"those", W_DET | W_DEM}, {"three", W_NUM}
	},
	AT(5, 'u') = {{"under", PB}, {"until", PB | W_SUBX}},
	AT(5, 'w') = {
		{"where", W_REL}, {"which", W_REL}, {"while", W_SUB},
		{"whose", W_REL}, {"would", W_MODAL}
	},
	AT(6, 'a') = {{"across", P}, {"around", P}, {"august", W_MONTH}},
	AT(6, 'b') = {{"before", PB | W_SUBX}, {"behind", P}, {"beyond", P}},
	AT(6, 'c') = {{"commit", W_COMMIT}},
	AT(6, 'd') = {{"dozens", W_NUM}, {"during", PB}},
	AT(6, 'e') = {{"either", W_PAIR}, {"eleven", W_NUM}},
	AT(6, 'h') = {{"having", W_HAVE}},
	AT(6, 'i') = {{"inside", PB}},
	AT(6, 's') = {{"should", W_MODAL}},
	AT(6, 't') = {{"though", W_SUB}, {"toward", PO}, {"twelve", W_NUM}},
	AT(6, 'u') = {{"unless", W_SUB}},
	AT(6, 'w') = {{"within", PB}},
	AT(7, 'a') = {{"against", PO}, {"already", W_ADV}, {"another", W_DET}},
	AT(7, 'b') = {{"because", W_SUB}, {"between", P}},
	AT(7, 'c') = {{"commits", W_COMMIT}},
	AT(7, 'd') = {{"despite", PB}},
	AT(7, 'j') = {{"january", W_MONTH}},
	AT(7, 'n') = {{"neither", W_PAIR}},
	AT(7, 'o') = {{"october", W_MONTH}},
	AT(7, 's') = {{"several", W_DET}},
	AT(7, 't') = {{"through", PB}, {"towards", PO}},
	AT(7, 'w') = {{"whereas", W_SUB}, {"without", PB}},
	AT(8, 'a') = {{"although", W_SUB}},
	AT(8, 'd') = {{"december", W_MONTH}},
	AT(8, 'f') = {{"february", W_MONTH}},
	AT(8, 'h') = {{"hundreds", W_NUM}},
	AT(8, 'n') = {{"november", W_MONTH}},
	AT(9, 'c') = {{"committed", W_COMMIT}},
	AT(9, 's') = {{"september", W_MONTH}},
	AT(9, 't') = {{"thousands", W_NUM}},
	AT(10, 'c') = {{"committing", W_COMMIT}},
	AT(10, 't') = {{"throughout", PB}},
};

#undef P
#undef PB
#undef PO
#undef AT

/* Whether the entry's word is the one packed in (lo, hi): its first 8 bytes
 * and its next 4 as little-endian numbers, NUL-padded. */
static inline int same_word(const word_class *e, uint64_t lo, uint32_t hi)
{
	uint64_t x;
	uint32_t y;

	memcpy(&x, e->w, 8);
	memcpy(&y, e->w + 8, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
	y = __builtin_bswap32(y);
#endif
	return x == lo && y == hi;
}

/* The classes of word s[0, len); `room`: the bytes readable from s. */
static inline uint32_t lookup(const char *s, size_t len, size_t room)
{
	const word_class *b;
	uint64_t w[2];
	unsigned first;
	size_t i;

	if (len == 0 || len > MAX_WORD)
		return 0;
	/* most tokens end here: no word of this length and first letter */
	first = (unsigned char)s[0];
	first += first - 'A' < 26u ? 32 : 0;
	first -= 'a';
	if (first >= 26u || !words[len][first][0].w[0])
		return 0;
	/* lowercased as two integers: non-letters stay as they are, and no
	 * word of the table has one */
	vigil__text_lower16_room(s, len, room, w);
	b = words[len][first];
	for (i = 0; i < PER_BUCKET && b[i].w[0]; i++)
		if (same_word(&b[i], w[0], (uint32_t)w[1]))
			return b[i].cls;
	return 0;
}

uint32_t vigil__clause_word(const char *s, size_t len)
{
	return lookup(s, len, len);
}

uint32_t vigil__clause_words_of(const char *text, const vigil__token *tok,
				uint32_t n, uint32_t *out)
{
	/* the text up to the end of the last token is readable */
	size_t bound = n ? (size_t)tok[n - 1].off + tok[n - 1].len : 0;
	uint32_t i, all = 0;

	for (i = 0; i < n; i++) {
		out[i] = tok[i].type == VIGIL_TOK_WORD &&
				 (tok[i].flags & VIGIL_TF_ASCII)
			 ? lookup(text + tok[i].off, tok[i].len,
				  bound - tok[i].off)
			 : 0;
		all |= out[i];
	}
	return all;
}

size_t vigil__clause_words_count(void)
{
	size_t len, ch, i, n = 0;

	for (len = 0; len <= MAX_WORD; len++)
		for (ch = 0; ch < 26; ch++)
			for (i = 0; i < PER_BUCKET && words[len][ch][i].w[0]; i++)
				n++;
	return n;
}

/* Whether entry i of bucket (len, ch) is a well-placed lowercase word,
 * padded with NULs, different from the entries before it. */
static int entry_ok(size_t len, size_t ch, size_t i)
{
	const word_class *e = &words[len][ch][i];
	size_t k;

	if (strnlen(e->w, sizeof(e->w)) != len || e->w[0] != (char)('a' + ch))
		return 0;
	for (k = 0; k < sizeof(e->w); k++)
		if (k < len ? e->w[k] < 'a' || e->w[k] > 'z' : e->w[k] != 0)
			return 0;
	for (k = 0; k < i; k++)
		if (memcmp(e->w, words[len][ch][k].w, sizeof(e->w)) == 0)
			return 0;
	return 1;
}

int vigil__clause_words_check(void)
{
	size_t len, ch, i;

	for (len = 0; len <= MAX_WORD; len++)
		for (ch = 0; ch < 26; ch++)
			for (i = 0; i < PER_BUCKET; i++) {
				const word_class *e = &words[len][ch][i];

				if (!e->w[0]) {
					/* the rest of the bucket is empty */
					if (i + 1 < PER_BUCKET && e[1].w[0])
						return 0;
					continue;
				}
				if (!entry_ok(len, ch, i) ||
				    vigil__clause_word(e->w, len) != e->cls)
					return 0;
			}
	return 1;
}
