/*
 * dates_int.h: what the date recognizer's files share (private to
 * src/lib/resolve): the date words and token classes of dates_lex.c, which
 * the patterns of dates.c read.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DATES_INT_H
#define VIGIL_DATES_INT_H

#include "dates.h"

/* Token classes; keywords have one class each. */
enum {
	W_NONE = 0,
	W_MONTH,    /* val 1..12 */
	W_WDAY,     /* val 0 Monday .. 6 Sunday */
	W_NUM,      /* plain digits or an ordinal ("9th"): num */
	W_ISO,      /* "2025-01-09": num is the date YYYYMMDD */
	W_NUMWORD,  /* "a", "an", "one" .. "twelve": val */
	W_UNIT,     /* day(s) .. year(s): val is a vigil__date_precision */
	W_SEASON,   /* val 0 spring, 1 summer, 2 autumn/fall, 3 winter */
	W_DAYPART,  /* morning, afternoon, evening; night (val 1) */
	W_ORD,      /* first .. fourth: val 1..4 */
	W_COMMA,
	W_HYPHEN,
	W_POSS,     /* "'s" */
	W_TODAY, W_TONIGHT, W_YESTERDAY, W_TOMORROW, W_OVERNIGHT,
	W_AGO, W_AFTER, W_BEFORE, W_LAST, W_THIS, W_NEXT, W_EARLIER, W_LATER,
	W_EARLY, W_LATE, W_MID, W_IN, W_ON, W_SINCE, W_UNTIL, W_DURING,
	W_FROM, W_THROUGH, W_THE, W_OF, W_HALF, W_QUARTER, W_WEEKEND, W_OVER,
	W_AT,
	W_BLOCK_AFTER,  /* "prayers": a weekday before it is a name, not a date */
	W_BLOCK_BEFORE  /* "Good", "Black": likewise after it */
};

/* lexinfo.flags */
#define F_SHORT 0x01u /* abbreviated month or weekday ("Jan", "Fri") */
#define F_DOT   0x02u /* the word ends in its own period ("Jan.") */
#define F_CAP   0x04u /* capitalized */
#define F_ORD   0x08u /* an ordinal number ("9th") */
#define F_INNER 0x10u /* a hyphen glued to both neighbours ("mid-2023") */
#define F_PLURAL 0x20u /* "days", "weeks", "months", "years" */

typedef struct lexinfo {
	uint8_t cls;   /* W_* */
	uint8_t val;
	uint8_t flags; /* F_* */
	uint32_t num;  /* W_NUM: value (<= 9999); W_ISO: date */
} lexinfo;

/* 0 when the word table is sorted and well formed (for the tests). */
int vigil__dates_lex_check(void);

/* Classifies token t of text. Never fails; W_NONE for ordinary words. */
lexinfo vigil__dates_lex(const char *text, const vigil__token *t);

/* Classifies tokens [begin, end): out[i - begin] = vigil__dates_lex of
 * token i. One call per sentence rather than one per token. */
void vigil__dates_lex_range(const char *text, const vigil__token *tok,
			    size_t begin, size_t end, lexinfo *out);

#endif /* VIGIL_DATES_INT_H */
