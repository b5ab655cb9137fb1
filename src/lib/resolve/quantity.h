/*
 * quantity.h: quantity phrases in tokens (internal). Finds every number in a
 * token range ("approximately 11,000 North Korean troops", "over 3,000 of
 * these soldiers", "between 300 and 400", "tens of thousands of people") with
 * its qualifier, range, unit noun and kind, and tells figures (COUNT) apart
 * from distances, years, ages, money, percentages, durations, dates, times,
 * ordinals, measures and labels ("F-16"). Tokens come from vigil__segment.
 * Output lives in the caller's arena; no state is kept: thread-safe.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_QUANTITY_H
#define VIGIL_QUANTITY_H

#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../util/arena.h"

/* What a number measures. Only COUNT can be a casualty or troop figure. */
typedef enum vigil__quantity_kind {
	VIGIL_QK_COUNT = 0, /* "11,000 troops", "dozens of civilians", "two" */
	VIGIL_QK_MONEY,     /* "$5 billion", "1.2 million euros" */
	VIGIL_QK_PERCENT,   /* "30%", "30 percent", "30 per cent" */
	VIGIL_QK_DISTANCE,  /* "250 km", "1,100-kilometre", "5 miles" */
	VIGIL_QK_YEAR,      /* "in 2022", "June 2024", "the 1990s", "2024-25" */
	VIGIL_QK_AGE,       /* "aged 45", "45-year-old", "45 years old", "Smith, 45," */
	VIGIL_QK_DURATION,  /* "four months", "two-day", "24 hours" */
	VIGIL_QK_ORDINAL,   /* "3rd", "first", "twenty-first" */
	VIGIL_QK_DATE,      /* the day in "January 9", "9 January"; "2024-06-15" */
	VIGIL_QK_TIME,      /* "9 a.m.", "12:30", "0900 GMT" */
	VIGIL_QK_MEASURE,   /* other physical units: "155mm", "5 tonnes", "30 knots" */
	VIGIL_QK_LABEL,     /* identifiers: "F-16", "Su-27", "No. 3", "Resolution
			       2231", "24/7", "5G", phone numbers, list
			       numbering "1)" */
	VIGIL_QK_OTHER      /* a number that is none of the above and no count:
			       "7.8", "a 12-point plan", "3-1" */
} vigil__quantity_kind;

/* The qualifier of a quantity. Vague quantities carry their magnitude word
 * here (DOZENS ... MILLIONS, SEVERAL, FEW) instead of a prefix qualifier. */
typedef enum vigil__quantity_qualifier {
	VIGIL_QQ_EXACT = 0,
	VIGIL_QQ_APPROXIMATELY,   /* approximately, about, around, roughly, circa,
				     "or so", "-odd" */
	VIGIL_QQ_ESTIMATED,       /* "an estimated", "estimated" */
	VIGIL_QQ_SOME,            /* "some 12,000" */
	VIGIL_QQ_OVER,            /* over, more than, upwards of, in excess of,
				     above, "-plus", "+" */
	VIGIL_QQ_AT_LEAST,        /* at least, no fewer than, "or more" */
	VIGIL_QQ_UP_TO,           /* up to, as many as */
	VIGIL_QQ_AT_MOST,         /* at most, no more than, "or fewer" */
	VIGIL_QQ_NEARLY,          /* nearly, almost, close to, just under */
	VIGIL_QQ_FEWER_THAN,      /* fewer than, less than, under, below */
	VIGIL_QQ_BETWEEN,         /* a range: "between 300 and 400", "300-400" */
	VIGIL_QQ_SEVERAL,         /* "several hundred" (vague) */
	VIGIL_QQ_FEW,             /* "a few thousand" (vague) */
	VIGIL_QQ_DOZENS,          /* "dozens of" (vague) */
	VIGIL_QQ_SCORES,          /* "scores of" (vague) */
	VIGIL_QQ_HUNDREDS,        /* "hundreds of" (vague) */
	VIGIL_QQ_THOUSANDS,       /* "thousands of", "many thousands" (vague) */
	VIGIL_QQ_TENS_OF_THOUSANDS,
	VIGIL_QQ_HUNDREDS_OF_THOUSANDS,
	VIGIL_QQ_MILLIONS,        /* "millions of", "tens of millions" ... */
	VIGIL_QQ_COUNT_
} vigil__quantity_qualifier;

/* No token: the value of vigil__quantity.anaphor_tok when unset. */
#define VIGIL__QTY_NONE UINT32_MAX

/*
 * One quantity phrase. Token indices are absolute (into the token array
 * given to vigil__quantities_find) and satisfy
 *   tok_begin <= num_begin < num_end <= tok_end,
 *   unit_begin == unit_end (no unit) or
 *   num_end <= unit_begin < unit_end <= tok_end.
 * Values are NaN where absent: an exact or qualified number has `value`
 * and NaN low/high; a range has low < high and NaN value; a vague quantity
 * has all three NaN and its magnitude in `scale`.
 */
typedef struct vigil__quantity {
	uint32_t tok_begin, tok_end;   /* whole phrase [begin, end): qualifier,
					  currency, number, modifiers, unit,
					  "or more" */
	uint32_t num_begin, num_end;   /* the number itself, ranges and scale
					  words included ("1.5 million") */
	uint32_t unit_begin, unit_end; /* the unit: head noun ("troops" in
					  "North Korean troops"), with an "of"
					  continuation after a container noun
					  ("containers of artillery shells"),
					  or a unit word ("km", "%", "euros");
					  empty if none */
	uint32_t anaphor_tok;          /* "these"/"those"/"the"/"them"/"whom"
					  of a partitive "3,000 of these
					  soldiers"; VIGIL__QTY_NONE if none */
	double value;                  /* 11000, 1.5e6, 2; NaN for ranges and
					  vague quantities */
	double low, high;              /* ranges; NaN otherwise */
	double scale;                  /* vague magnitude: 12 dozens, 20 scores,
					  100 (several) hundred(s), 1000,
					  10000, 100000, 1e6; NaN otherwise */
	uint8_t kind;                  /* vigil__quantity_kind */
	uint8_t qualifier;             /* vigil__quantity_qualifier */
	uint8_t vague;                 /* 1: no definite number ("dozens",
					  "several hundred") */
	uint8_t definite;              /* 1: right after "the", "these" or
					  "those" ("the two nations"): likely
					  a reference, not a new figure */
} vigil__quantity;

/*
 * Finds the quantity phrases among tokens [begin, end) of `text` (normally
 * one sentence). *out receives an arena array of *n phrases in token order,
 * not overlapping, all inside [begin, end) (*out is NULL when *n is 0).
 * Every number token yields a phrase of some kind; number words do unless
 * noted in docs/internals/quantity.md ("one" needs a unit or a scale; "one
 * of ..." is never a quantity; bare "several"/"a few" are not quantities;
 * "a" counts only in "a hundred/thousand/million/billion/dozen").
 * Returns 0, or -1 when the arena fails (then *out is NULL and *n is 0).
 */
int vigil__quantities_find(vigil__arena *a, const char *text,
			   const vigil__token *tok, size_t begin, size_t end,
			   vigil__quantity **out, size_t *n);

/* The record name of a qualifier ("approximately", "over", "at_least",
 * "exact", "tens_of_thousands", ...); "exact" for out-of-range values. */
const char *vigil__qualifier_name(int q);

/* The name of a kind ("count", "money", ...); "other" when out of range. */
const char *vigil__quantity_kind_name(int k);

#endif /* VIGIL_QUANTITY_H */
