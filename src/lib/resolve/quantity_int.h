/*
 * quantity_int.h: what quantity.c (phrases: qualifiers, ranges, units,
 * kinds) and quantity_words.c (the number itself: digit tokens, number
 * words, scale words, and the word lists) share. Internal to the module.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_QUANTITY_INT_H
#define VIGIL_QUANTITY_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "quantity.h"

/* The tokens being scanned: [begin, end) of tok, over text. */
typedef struct vigil__qscan {
	const char *text;
	const vigil__token *tok;
	size_t begin, end;
} vigil__qscan;

/* vigil__qcore.flags */
#define VIGIL__QF_DIGITS   0x01u /* written in digits */
#define VIGIL__QF_COMMA    0x02u /* "11,000": digit groups, never a year */
#define VIGIL__QF_DECIMAL  0x04u /* "1.5" */
#define VIGIL__QF_SCALED   0x08u /* a scale word followed ("1.5 million") */
#define VIGIL__QF_ONE      0x10u /* the lone word "one" */
#define VIGIL__QF_LEADZERO 0x20u /* "0800": two or more digits, first 0 */
#define VIGIL__QF_GLUED    0x40u /* a word glued to the digits ("5G", "10km")
				    that is not a scale word */

/* The number at the heart of a phrase. */
typedef struct vigil__qcore {
	size_t b, e;      /* its tokens [b, e), scale words included */
	double value;     /* NaN when vague */
	double scale;     /* vague magnitude; NaN otherwise */
	int qual;         /* vague qualifier (SEVERAL ... MILLIONS) or EXACT */
	int hint;         /* a kind the number's own form forces (ORDINAL,
			     TIME, DATE, YEAR for "1990s", LABEL, OTHER), or -1 */
	unsigned ndigits; /* digits of the integer part (digit forms) */
	unsigned flags;   /* VIGIL__QF_* */
} vigil__qcore;

/*
 * Parses the number starting at token i (digits with scale words, number
 * words, "a hundred", "half a million", "dozens", "tens of thousands",
 * "several hundred", ordinals). `money` allows "m" as million ("$5m").
 * Returns 1 and fills *c, or 0 when no number starts at i.
 */
int vigil__qcore_parse(const vigil__qscan *s, size_t i, int money,
		       vigil__qcore *c);

/* The first token j in [i, s->end) at which vigil__qcore_parse may find a
 * number (digits, or a number word other than "few"; "a", "half",
 * "several" and "many" only before another number word), or s->end: a
 * cheap scan, one call per candidate rather than per token. */
size_t vigil__qnext_start(const vigil__qscan *s, size_t i);

/* 1 when token i (< s->end) is a word equal to lowercase ASCII `w` in any
 * case. Inline: with a literal `w` its length is a constant, and most
 * tokens differ in length or first byte. */
static inline int vigil__qword_is(const vigil__qscan *s, size_t i,
				  const char *w)
{
	const vigil__token *t;
	const unsigned char *p;
	size_t k, n = strlen(w);

	if (i >= s->end)
		return 0;
	t = &s->tok[i];
	if (t->type != VIGIL_TOK_WORD || t->len != n)
		return 0;
	p = (const unsigned char *)s->text + t->off;
	for (k = 0; k < n; k++)
		if ((p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]) !=
		    (unsigned char)w[k])
			return 0;
	return 1;
}

/* 1 when token i is a number word or scale word (it cannot be a unit). */
int vigil__qword_numeric(const vigil__qscan *s, size_t i);

/* 1 when token i is the punctuation character `c` glued to both neighbours
 * (VIGIL_TF_INNER): "-" in "F-16", "/" in "24/7". */
int vigil__qinner(const vigil__qscan *s, size_t i, char c);

/* Lowercases the ASCII word at token i into buf (cap >= 2); returns its
 * length, or 0 when the token is not ASCII or does not fit. */
size_t vigil__qfold(const vigil__qscan *s, size_t i, char *buf, size_t cap);

/* 0 when every word table is in the order its lookup relies on (sorted
 * for bsearch, by first letter, by length), else -1. For the tests. */
int vigil__qwords_check(void);
int vigil__quantity_tables_check(void);

/* The number words of the table (lowercase), for the tests: stores up to
 * cap of them in out and returns how many there are. */
size_t vigil__qwords_list(const char **out, size_t cap);

#endif /* VIGIL_QUANTITY_INT_H */
