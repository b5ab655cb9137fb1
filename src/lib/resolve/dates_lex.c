/*
 * dates_lex.c: classifies tokens for the date recognizer: month and weekday
 * names (full and abbreviated), date keywords ("yesterday", "last", "ago"),
 * numbers (days, years, ISO dates), from a sorted table of ASCII words. A
 * 256-entry table of word lengths by first byte rejects most ordinary
 * tokens before any lowercasing; the rest scan their first letter's words.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "dates_int.h"

typedef struct word {
	const char *w;
	uint8_t len, cls, val, flags;
} word;

#define WD(w, cls, val, flags)                                                 \
	{                                                                      \
		w, sizeof(w) - 1, cls, val, flags                              \
	}

/* Sorted by first letter, then length, then strcmp: the words of letter c
 * and length n are words[start[c - 'a'][n] .. start[c - 'a'][n + 1]).
 * vigil__dates_lex_check (run by test_dates) checks order and indexes. */
static const word words[] = {
    WD("a", W_NUMWORD, 1, 0),
    WD("an", W_NUMWORD, 1, 0),
    WD("at", W_AT, 0, 0),
    WD("ago", W_AGO, 0, 0),
    WD("apr", W_MONTH, 4, F_SHORT),
    WD("ash", W_BLOCK_BEFORE, 0, 0),
    WD("aug", W_MONTH, 8, F_SHORT),
    WD("after", W_AFTER, 0, 0),
    WD("april", W_MONTH, 4, 0),
    WD("august", W_MONTH, 8, 0),
    WD("autumn", W_SEASON, 2, 0),
    WD("afternoon", W_DAYPART, 0, 0),
    WD("black", W_BLOCK_BEFORE, 0, 0),
    WD("before", W_BEFORE, 0, 0),
    WD("bloody", W_BLOCK_BEFORE, 0, 0),
    WD("cyber", W_BLOCK_BEFORE, 0, 0),
    WD("day", W_UNIT, VIGIL_DP_DAY, 0),
    WD("dec", W_MONTH, 12, F_SHORT),
    WD("days", W_UNIT, VIGIL_DP_DAY, F_PLURAL),
    WD("during", W_DURING, 0, 0),
    WD("december", W_MONTH, 12, 0),
    WD("early", W_EARLY, 0, 0),
    WD("eight", W_NUMWORD, 8, 0),
    WD("easter", W_BLOCK_BEFORE, 0, 0),
    WD("eleven", W_NUMWORD, 11, 0),
    WD("earlier", W_EARLIER, 0, 0),
    WD("evening", W_DAYPART, 0, 0),
    WD("feb", W_MONTH, 2, F_SHORT),
    WD("fri", W_WDAY, 4, F_SHORT),
    WD("fall", W_SEASON, 2, 0),
    WD("five", W_NUMWORD, 5, 0),
    WD("four", W_NUMWORD, 4, 0),
    WD("from", W_FROM, 0, 0),
    WD("first", W_ORD, 1, 0),
    WD("fourth", W_ORD, 4, 0),
    WD("friday", W_WDAY, 4, 0),
    WD("february", W_MONTH, 2, 0),
    WD("good", W_BLOCK_BEFORE, 0, 0),
    WD("half", W_HALF, 0, 0),
    WD("holy", W_BLOCK_BEFORE, 0, 0),
    WD("in", W_IN, 0, 0),
    WD("jan", W_MONTH, 1, F_SHORT),
    WD("jul", W_MONTH, 7, F_SHORT),
    WD("jun", W_MONTH, 6, F_SHORT),
    WD("july", W_MONTH, 7, 0),
    WD("june", W_MONTH, 6, 0),
    WD("january", W_MONTH, 1, 0),
    WD("last", W_LAST, 0, 0),
    WD("late", W_LATE, 0, 0),
    WD("later", W_LATER, 0, 0),
    WD("mar", W_MONTH, 3, F_SHORT),
    WD("may", W_MONTH, 5, 0),
    WD("mid", W_MID, 0, 0),
    WD("mon", W_WDAY, 0, F_SHORT),
    WD("march", W_MONTH, 3, 0),
    WD("month", W_UNIT, VIGIL_DP_MONTH, 0),
    WD("maundy", W_BLOCK_BEFORE, 0, 0),
    WD("monday", W_WDAY, 0, 0),
    WD("months", W_UNIT, VIGIL_DP_MONTH, F_PLURAL),
    WD("morning", W_DAYPART, 0, 0),
    WD("nov", W_MONTH, 11, F_SHORT),
    WD("next", W_NEXT, 0, 0),
    WD("nine", W_NUMWORD, 9, 0),
    WD("night", W_DAYPART, 1, 0),
    WD("november", W_MONTH, 11, 0),
    WD("of", W_OF, 0, 0),
    WD("on", W_ON, 0, 0),
    WD("oct", W_MONTH, 10, F_SHORT),
    WD("one", W_NUMWORD, 1, 0),
    WD("over", W_OVER, 0, 0),
    WD("october", W_MONTH, 10, 0),
    WD("overnight", W_OVERNIGHT, 0, 0),
    WD("palm", W_BLOCK_BEFORE, 0, 0),
    WD("prayer", W_BLOCK_AFTER, 0, 0),
    WD("prayers", W_BLOCK_AFTER, 0, 0),
    WD("quarter", W_QUARTER, 0, 0),
    WD("sat", W_WDAY, 5, F_SHORT),
    WD("sep", W_MONTH, 9, F_SHORT),
    WD("six", W_NUMWORD, 6, 0),
    WD("sun", W_WDAY, 6, F_SHORT),
    WD("sept", W_MONTH, 9, F_SHORT),
    WD("seven", W_NUMWORD, 7, 0),
    WD("since", W_SINCE, 0, 0),
    WD("super", W_BLOCK_BEFORE, 0, 0),
    WD("second", W_ORD, 2, 0),
    WD("sermon", W_BLOCK_AFTER, 0, 0),
    WD("spring", W_SEASON, 0, 0),
    WD("summer", W_SEASON, 1, 0),
    WD("sunday", W_WDAY, 6, 0),
    WD("saturday", W_WDAY, 5, 0),
    WD("september", W_MONTH, 9, 0),
    WD("ten", W_NUMWORD, 10, 0),
    WD("the", W_THE, 0, 0),
    WD("thu", W_WDAY, 3, F_SHORT),
    WD("tue", W_WDAY, 1, F_SHORT),
    WD("two", W_NUMWORD, 2, 0),
    WD("this", W_THIS, 0, 0),
    WD("thur", W_WDAY, 3, F_SHORT),
    WD("till", W_UNTIL, 0, 0),
    WD("tues", W_WDAY, 1, F_SHORT),
    WD("third", W_ORD, 3, 0),
    WD("three", W_NUMWORD, 3, 0),
    WD("thurs", W_WDAY, 3, F_SHORT),
    WD("today", W_TODAY, 0, 0),
    WD("twelve", W_NUMWORD, 12, 0),
    WD("through", W_THROUGH, 0, 0),
    WD("tonight", W_TONIGHT, 0, 0),
    WD("tuesday", W_WDAY, 1, 0),
    WD("thursday", W_WDAY, 3, 0),
    WD("tomorrow", W_TOMORROW, 0, 0),
    WD("until", W_UNTIL, 0, 0),
    WD("wed", W_WDAY, 2, F_SHORT),
    WD("week", W_UNIT, VIGIL_DP_WEEK, 0),
    WD("weeks", W_UNIT, VIGIL_DP_WEEK, F_PLURAL),
    WD("winter", W_SEASON, 3, 0),
    WD("weekend", W_WEEKEND, 0, 0),
    WD("wednesday", W_WDAY, 2, 0),
    WD("year", W_UNIT, VIGIL_DP_YEAR, 0),
    WD("years", W_UNIT, VIGIL_DP_YEAR, F_PLURAL),
    WD("yesterday", W_YESTERDAY, 0, 0),
};

#define NWORDS	(sizeof(words) / sizeof(words[0]))
#define MAXWORD 9

/* Bucket boundaries into words[] by first letter and length (see above). */
static const uint8_t start[26][MAXWORD + 2] = {
    /* a */ {0, 0, 1, 3, 7, 7, 9, 11, 11, 11, 12},
    /* b */ {12, 12, 12, 12, 12, 12, 13, 15, 15, 15, 15},
    /* c */ {15, 15, 15, 15, 15, 15, 16, 16, 16, 16, 16},
    /* d */ {16, 16, 16, 16, 18, 19, 19, 20, 20, 21, 21},
    /* e */ {21, 21, 21, 21, 21, 21, 23, 25, 27, 27, 27},
    /* f */ {27, 27, 27, 27, 29, 33, 34, 36, 36, 37, 37},
    /* g */ {37, 37, 37, 37, 37, 38, 38, 38, 38, 38, 38},
    /* h */ {38, 38, 38, 38, 38, 40, 40, 40, 40, 40, 40},
    /* i */ {40, 40, 40, 41, 41, 41, 41, 41, 41, 41, 41},
    /* j */ {41, 41, 41, 41, 44, 46, 46, 46, 47, 47, 47},
    /* k */ {47, 47, 47, 47, 47, 47, 47, 47, 47, 47, 47},
    /* l */ {47, 47, 47, 47, 47, 49, 50, 50, 50, 50, 50},
    /* m */ {50, 50, 50, 50, 54, 54, 56, 59, 60, 60, 60},
    /* n */ {60, 60, 60, 60, 61, 63, 64, 64, 64, 65, 65},
    /* o */ {65, 65, 65, 67, 69, 70, 70, 70, 71, 71, 72},
    /* p */ {72, 72, 72, 72, 72, 73, 73, 74, 75, 75, 75},
    /* q */ {75, 75, 75, 75, 75, 75, 75, 75, 76, 76, 76},
    /* r */ {76, 76, 76, 76, 76, 76, 76, 76, 76, 76, 76},
    /* s */ {76, 76, 76, 76, 80, 81, 84, 89, 89, 90, 91},
    /* t */ {91, 91, 91, 91, 96, 100, 104, 105, 108, 110, 110},
    /* u */ {110, 110, 110, 110, 110, 110, 111, 111, 111, 111, 111},
    /* v */ {111, 111, 111, 111, 111, 111, 111, 111, 111, 111, 111},
    /* w */ {111, 111, 111, 111, 112, 113, 114, 115, 116, 116, 117},
    /* x */ {117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117},
    /* y */ {117, 117, 117, 117, 117, 118, 119, 119, 119, 119, 120},
    /* z */ {120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120},
};

/* Lengths of the table's words by first byte (either case): bit n set when
 * some word of that letter has n letters; 0 for bytes no word starts with.
 * Most ordinary tokens are rejected here, before any lowercasing. */
#define LM(c, m) [c] = m, [(c)-32] = m
static const uint16_t len_mask[256] = {
    LM('a', 0x26e), LM('b', 0x060), LM('c', 0x020), LM('d', 0x158),
    LM('e', 0x0e0), LM('f', 0x178), LM('g', 0x010), LM('h', 0x010),
    LM('i', 0x004), LM('j', 0x098), LM('l', 0x030), LM('m', 0x0e8),
    LM('n', 0x138), LM('o', 0x29c), LM('p', 0x0d0), LM('q', 0x080),
    LM('s', 0x378), LM('t', 0x1f8), LM('u', 0x020), LM('w', 0x2f8),
    LM('y', 0x230),
};
#undef LM

/* The word s[0..len) in any case: s is ASCII, 1 <= len <= MAXWORD and
 * s[0] a letter. For ASCII bytes, c | 0x20 is a lowercase letter only when
 * c is a letter, so a byte that is not one never matches. */
static const word *find_word(const char *s, size_t len)
{
	const uint8_t *b = start[((unsigned char)s[0] | 0x20) - 'a'];
	size_t i, j;

	for (i = b[len]; i < b[len + 1]; i++) {
		for (j = 1; j < len && ((unsigned char)s[j] | 0x20) ==
					   (unsigned char)words[i].w[j];
		     j++)
			;
		if (j == len)
			return &words[i];
	}
	return NULL;
}

/* The (letter, length, strcmp) key order of the word table. */
static int word_cmp(const word *a, const word *b)
{
	if (a->w[0] != b->w[0])
		return (unsigned char)a->w[0] < (unsigned char)b->w[0] ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return strcmp(a->w, b->w);
}

int vigil__dates_lex_check(void)
{
	uint16_t mask[26] = {0};
	size_t i, c, n;

	for (i = 0; i < NWORDS; i++) {
		c = (size_t)(words[i].w[0] - 'a');
		n = words[i].len;
		if (c >= 26 || n == 0 || n > MAXWORD ||
		    n != strlen(words[i].w) ||
		    (i > 0 && word_cmp(&words[i - 1], &words[i]) >= 0) ||
		    i < start[c][n] || i >= start[c][n + 1])
			return -1;
		mask[c] |= (uint16_t)(1u << n);
	}
	for (c = 0; c < 26; c++) {
		for (n = 0; n <= MAXWORD; n++)
			if (start[c][n] > start[c][n + 1])
				return -1;
		if (start[c][0] != (c ? start[c - 1][MAXWORD + 1] : 0) ||
		    len_mask['a' + c] != mask[c] ||
		    len_mask['A' + c] != mask[c])
			return -1;
	}
	if (start[25][MAXWORD + 1] != NWORDS)
		return -1;
	for (i = 0; i < 256; i++)
		if (len_mask[i] &&
		    !((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z')))
			return -1;
	return 0;
}

/* The word s[0..len) (ASCII, a first letter and length some table word
 * has) looked up in the table; L carries F_DOT already. */
static lexinfo lex_known(const char *s, size_t len, unsigned tflags, lexinfo L)
{
	const word *w = find_word(s, len);

	if (!w)
		return L;
	L.cls = w->cls;
	L.val = w->val;
	L.flags |= w->flags;
	if (tflags & VIGIL_TF_CAP)
		L.flags |= F_CAP;
	return L;
}

/* Inlined in the per-sentence loop: most words stop at the length test. */
static inline lexinfo lex_word(const char *s, size_t len, unsigned tflags)
{
	lexinfo L = {W_NONE, 0, 0, 0};

	if ((tflags & VIGIL_TF_ABBREV) && len > 1 && s[len - 1] == '.') {
		len--;
		L.flags |= F_DOT;
	}
	if (len == 0 || len > MAXWORD || !(tflags & VIGIL_TF_ASCII) ||
	    !((len_mask[(unsigned char)s[0]] >> len) & 1u))
		return L;
	return lex_known(s, len, tflags, L);
}

static int digits(const char *s, size_t n, uint32_t *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (uint32_t)(s[i] - '0');
	}
	return n > 0;
}

/* "2025-01-09" as a date, or 0. */
static uint32_t iso_date(const char *s)
{
	uint32_t y, m, d;

	if (s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
	    !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d) || y < 1900 ||
	    y > 2099)
		return 0;
	return vigil__date_make((int)y, (int)m, (int)d);
}

static lexinfo lex_number(const char *s, size_t len)
{
	static const char *const sfx[] = {"st", "nd", "rd", "th"};
	lexinfo L = {W_NONE, 0, 0, 0};
	size_t i;

	if (len == 10) {
		L.num = iso_date(s);
		L.cls = L.num ? W_ISO : W_NONE;
		return L;
	}
	if (len >= 3 && len <= 4) {
		for (i = 0; i < 4; i++)
			if ((s[len - 2] | 0x20) == sfx[i][0] &&
			    (s[len - 1] | 0x20) == sfx[i][1])
				break;
		if (i < 4) {
			len -= 2;
			L.flags |= F_ORD;
		}
	}
	if (len > 4 || !digits(s, len, &L.num))
		return L;
	L.cls = W_NUM;
	return L;
}

static inline lexinfo lex(const char *text, const vigil__token *t)
{
	const char *s = text + t->off;
	lexinfo L = {W_NONE, 0, 0, 0};

	switch (t->type) {
	case VIGIL_TOK_WORD:
		return lex_word(s, t->len, t->flags);
	case VIGIL_TOK_NUMBER:
		return lex_number(s, t->len);
	case VIGIL_TOK_POSS:
		L.cls = W_POSS;
		return L;
	case VIGIL_TOK_PUNCT:
		if (t->len == 1 && s[0] == ',')
			L.cls = W_COMMA;
		else if (t->len == 1 && s[0] == '-') {
			L.cls = W_HYPHEN;
			if (t->flags & VIGIL_TF_INNER)
				L.flags |= F_INNER;
		}
		return L;
	default:
		return L;
	}
}

lexinfo vigil__dates_lex(const char *text, const vigil__token *t)
{
	return lex(text, t);
}

void vigil__dates_lex_range(const char *text, const vigil__token *tok,
			    size_t begin, size_t end, lexinfo *out)
{
	size_t i;

	for (i = begin; i < end; i++)
		out[i - begin] = lex(text, &tok[i]);
}
