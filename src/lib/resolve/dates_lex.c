/*
 * dates_lex.c: classifies tokens for the date recognizer: month and weekday
 * names (full and abbreviated), date keywords ("yesterday", "last", "ago"),
 * numbers (days, years, ISO dates). One binary search over a sorted table of
 * ASCII words per candidate token; everything else is rejected by length
 * and type first, so ordinary tokens cost a few comparisons.
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

/* Sorted by strcmp (find_word relies on it; test_dates checks it). */
static const word words[] = {
    WD("a", W_NUMWORD, 1, 0),
    WD("after", W_AFTER, 0, 0),
    WD("afternoon", W_DAYPART, 0, 0),
    WD("ago", W_AGO, 0, 0),
    WD("an", W_NUMWORD, 1, 0),
    WD("apr", W_MONTH, 4, F_SHORT),
    WD("april", W_MONTH, 4, 0),
    WD("ash", W_BLOCK_BEFORE, 0, 0),
    WD("at", W_AT, 0, 0),
    WD("aug", W_MONTH, 8, F_SHORT),
    WD("august", W_MONTH, 8, 0),
    WD("autumn", W_SEASON, 2, 0),
    WD("before", W_BEFORE, 0, 0),
    WD("black", W_BLOCK_BEFORE, 0, 0),
    WD("bloody", W_BLOCK_BEFORE, 0, 0),
    WD("cyber", W_BLOCK_BEFORE, 0, 0),
    WD("day", W_UNIT, VIGIL_DP_DAY, 0),
    WD("days", W_UNIT, VIGIL_DP_DAY, F_PLURAL),
    WD("dec", W_MONTH, 12, F_SHORT),
    WD("december", W_MONTH, 12, 0),
    WD("during", W_DURING, 0, 0),
    WD("earlier", W_EARLIER, 0, 0),
    WD("early", W_EARLY, 0, 0),
    WD("easter", W_BLOCK_BEFORE, 0, 0),
    WD("eight", W_NUMWORD, 8, 0),
    WD("eleven", W_NUMWORD, 11, 0),
    WD("evening", W_DAYPART, 0, 0),
    WD("fall", W_SEASON, 2, 0),
    WD("feb", W_MONTH, 2, F_SHORT),
    WD("february", W_MONTH, 2, 0),
    WD("first", W_ORD, 1, 0),
    WD("five", W_NUMWORD, 5, 0),
    WD("four", W_NUMWORD, 4, 0),
    WD("fourth", W_ORD, 4, 0),
    WD("fri", W_WDAY, 4, F_SHORT),
    WD("friday", W_WDAY, 4, 0),
    WD("from", W_FROM, 0, 0),
    WD("good", W_BLOCK_BEFORE, 0, 0),
    WD("half", W_HALF, 0, 0),
    WD("holy", W_BLOCK_BEFORE, 0, 0),
    WD("in", W_IN, 0, 0),
    WD("jan", W_MONTH, 1, F_SHORT),
    WD("january", W_MONTH, 1, 0),
    WD("jul", W_MONTH, 7, F_SHORT),
    WD("july", W_MONTH, 7, 0),
    WD("jun", W_MONTH, 6, F_SHORT),
    WD("june", W_MONTH, 6, 0),
    WD("last", W_LAST, 0, 0),
    WD("late", W_LATE, 0, 0),
    WD("later", W_LATER, 0, 0),
    WD("mar", W_MONTH, 3, F_SHORT),
    WD("march", W_MONTH, 3, 0),
    WD("maundy", W_BLOCK_BEFORE, 0, 0),
    WD("may", W_MONTH, 5, 0),
    WD("mid", W_MID, 0, 0),
    WD("mon", W_WDAY, 0, F_SHORT),
    WD("monday", W_WDAY, 0, 0),
    WD("month", W_UNIT, VIGIL_DP_MONTH, 0),
    WD("months", W_UNIT, VIGIL_DP_MONTH, F_PLURAL),
    WD("morning", W_DAYPART, 0, 0),
    WD("next", W_NEXT, 0, 0),
    WD("night", W_DAYPART, 1, 0),
    WD("nine", W_NUMWORD, 9, 0),
    WD("nov", W_MONTH, 11, F_SHORT),
    WD("november", W_MONTH, 11, 0),
    WD("oct", W_MONTH, 10, F_SHORT),
    WD("october", W_MONTH, 10, 0),
    WD("of", W_OF, 0, 0),
    WD("on", W_ON, 0, 0),
    WD("one", W_NUMWORD, 1, 0),
    WD("over", W_OVER, 0, 0),
    WD("overnight", W_OVERNIGHT, 0, 0),
    WD("palm", W_BLOCK_BEFORE, 0, 0),
    WD("prayer", W_BLOCK_AFTER, 0, 0),
    WD("prayers", W_BLOCK_AFTER, 0, 0),
    WD("quarter", W_QUARTER, 0, 0),
    WD("sat", W_WDAY, 5, F_SHORT),
    WD("saturday", W_WDAY, 5, 0),
    WD("second", W_ORD, 2, 0),
    WD("sep", W_MONTH, 9, F_SHORT),
    WD("sept", W_MONTH, 9, F_SHORT),
    WD("september", W_MONTH, 9, 0),
    WD("sermon", W_BLOCK_AFTER, 0, 0),
    WD("seven", W_NUMWORD, 7, 0),
    WD("since", W_SINCE, 0, 0),
    WD("six", W_NUMWORD, 6, 0),
    WD("spring", W_SEASON, 0, 0),
    WD("summer", W_SEASON, 1, 0),
    WD("sun", W_WDAY, 6, F_SHORT),
    WD("sunday", W_WDAY, 6, 0),
    WD("super", W_BLOCK_BEFORE, 0, 0),
    WD("ten", W_NUMWORD, 10, 0),
    WD("the", W_THE, 0, 0),
    WD("third", W_ORD, 3, 0),
    WD("this", W_THIS, 0, 0),
    WD("three", W_NUMWORD, 3, 0),
    WD("through", W_THROUGH, 0, 0),
    WD("thu", W_WDAY, 3, F_SHORT),
    WD("thur", W_WDAY, 3, F_SHORT),
    WD("thurs", W_WDAY, 3, F_SHORT),
    WD("thursday", W_WDAY, 3, 0),
    WD("till", W_UNTIL, 0, 0),
    WD("today", W_TODAY, 0, 0),
    WD("tomorrow", W_TOMORROW, 0, 0),
    WD("tonight", W_TONIGHT, 0, 0),
    WD("tue", W_WDAY, 1, F_SHORT),
    WD("tues", W_WDAY, 1, F_SHORT),
    WD("tuesday", W_WDAY, 1, 0),
    WD("twelve", W_NUMWORD, 12, 0),
    WD("two", W_NUMWORD, 2, 0),
    WD("until", W_UNTIL, 0, 0),
    WD("wed", W_WDAY, 2, F_SHORT),
    WD("wednesday", W_WDAY, 2, 0),
    WD("week", W_UNIT, VIGIL_DP_WEEK, 0),
    WD("weekend", W_WEEKEND, 0, 0),
    WD("weeks", W_UNIT, VIGIL_DP_WEEK, F_PLURAL),
    WD("winter", W_SEASON, 3, 0),
    WD("year", W_UNIT, VIGIL_DP_YEAR, 0),
    WD("years", W_UNIT, VIGIL_DP_YEAR, F_PLURAL),
    WD("yesterday", W_YESTERDAY, 0, 0),
};

#define NWORDS	(sizeof(words) / sizeof(words[0]))
#define MAXWORD 9

/* Binary search on the first letter (byte compares, no calls), then a
 * scan of that letter's few words by length. */
static const word *find_word(const char *s, size_t len)
{
	size_t lo = 0, hi = NWORDS, i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if ((unsigned char)words[mid].w[0] < (unsigned char)s[0])
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < NWORDS && words[i].w[0] == s[0]; i++)
		if (words[i].len == len && memcmp(words[i].w, s, len) == 0)
			return &words[i];
	return NULL;
}

int vigil__dates_lex_check(void)
{
	size_t i;

	for (i = 1; i < NWORDS; i++)
		if (strcmp(words[i - 1].w, words[i].w) >= 0 ||
		    words[i].len > MAXWORD)
			return -1;
	return 0;
}

static lexinfo lex_word(const char *s, size_t len, unsigned tflags)
{
	lexinfo L = {W_NONE, 0, 0, 0};
	char buf[MAXWORD + 1];
	const word *w;
	size_t i;

	if ((tflags & VIGIL_TF_ABBREV) && len > 1 && s[len - 1] == '.') {
		len--;
		L.flags |= F_DOT;
	}
	if (len == 0 || len > MAXWORD || !(tflags & VIGIL_TF_ASCII))
		return L;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c < 'a' || c > 'z')
			return L;
		buf[i] = (char)c;
	}
	w = find_word(buf, len);
	if (!w)
		return L;
	L.cls = w->cls;
	L.val = w->val;
	L.flags |= w->flags;
	if (tflags & VIGIL_TF_CAP)
		L.flags |= F_CAP;
	return L;
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

lexinfo vigil__dates_lex(const char *text, const vigil__token *t)
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
