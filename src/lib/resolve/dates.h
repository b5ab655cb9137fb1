/*
 * dates.h: date expressions in news text (internal). vigil__dates_find
 * recognizes absolute dates ("June 2024", "Jan. 9", "2025-01-09") and
 * expressions relative to the publication date ("on Friday", "last autumn",
 * "four months after") in a token range and resolves each to a date range
 * with a precision; calendar helpers (proleptic Gregorian, dates as
 * YYYYMMDD in a uint32_t, 0 meaning unknown) come with it. Pure functions,
 * results in the caller's arena: thread-safe. Rules: docs/internals/dates.md.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DATES_H
#define VIGIL_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../util/arena.h"

/* How precise a resolved date is: the unit the text names. */
typedef enum vigil__date_precision {
	VIGIL_DP_DAY = 0,
	VIGIL_DP_WEEK,   /* a Monday-Sunday week, or a Saturday-Sunday weekend */
	VIGIL_DP_MONTH,  /* a month, or a third of one ("early June") */
	VIGIL_DP_SEASON, /* a meteorological season or a quarter */
	VIGIL_DP_YEAR    /* a year, or a part of one ("late 2024", a half) */
} vigil__date_precision;

typedef struct vigil__date_expr {
	uint32_t tok_begin, tok_end; /* tokens [begin, end) of the expression,
					inside the range given to dates_find;
					a governing preposition ("on", "in",
					"since") is not part of it */
	uint32_t date;        /* first day YYYYMMDD; 0: unresolved (no pub) */
	uint32_t until;       /* last day; == date for a day, except
				 "overnight" (pub-1 .. pub); 0 iff date is 0;
				 date <= until */
	uint8_t precision;    /* vigil__date_precision */
	uint8_t relative;     /* 1: resolved against the publication date
				 (including a year inferred for "January 9") */
	uint8_t anchor_needed; /* 1: "N units after/before X"; see offset */
	uint8_t offset_unit;  /* anchor_needed: VIGIL_DP_DAY/WEEK/MONTH/YEAR */
	int32_t offset;       /* anchor_needed: the clause the expression
				 modifies is at date(X) + offset units ("after"
				 > 0, "before" < 0). date/until then hold the
				 fallback estimate of X, assuming that clause
				 is at pub: pub - offset, at the unit's
				 precision */
} vigil__date_expr;

/*
 * Finds the date expressions in tokens [begin, end) of `text` (normally one
 * sentence of vigil__segment's output) and resolves them against `pub`, the
 * publication date YYYYMMDD (0 or invalid: unknown; relative expressions
 * are then reported with date 0). Expressions are in token order and do not
 * overlap. *out (arena memory, NULL when *n is 0) receives them. Conventions
 * (all documented in docs/internals/dates.md): a weekday is the latest such
 * day on or before pub; a month or a month-day without a year is the latest
 * one starting on or before pub; "last week" is the previous Monday-Sunday
 * week; seasons are northern meteorological (winter of Y: Dec Y-1 .. Feb Y).
 * Returns 0, or -1 when the arena fails (then *out is NULL and *n 0).
 */
int vigil__dates_find(vigil__arena *a, const char *text,
		      const vigil__token *tok, size_t begin, size_t end,
		      uint32_t pub, vigil__date_expr **out, size_t *n);

/* "day", "week", "month", "season", "year"; "unknown" for others. */
const char *vigil__date_precision_name(int p);

/* ---- Calendar helpers: 0 in, or any result outside years 1..9999, gives
 * 0 ---------------------------------------------------------------------- */

/* 1 when ymd is a real calendar date in years 1..9999, else 0. */
int vigil__date_valid(uint32_t ymd);

/* The date y-m-d as YYYYMMDD, or 0 when it does not exist. */
uint32_t vigil__date_make(int y, int m, int d);

/* Days in month m (1..12) of year y; 0 for a bad month. */
int vigil__date_days_in_month(int y, int m);

/* Day of the week: 0 Monday .. 6 Sunday; -1 for an invalid date. */
int vigil__date_weekday(uint32_t ymd);

/* ymd plus n days. */
uint32_t vigil__date_add_days(uint32_t ymd, int32_t n);

/* ymd plus n months, the day clamped to the month's end (Jan 31 + 1 month
 * = Feb 28 or 29). */
uint32_t vigil__date_add_months(uint32_t ymd, int32_t n);

/* ymd plus n units (VIGIL_DP_DAY, WEEK, MONTH or YEAR; SEASON = 3 months). */
uint32_t vigil__date_shift(uint32_t ymd, int32_t n, int unit);

/* The latest day with weekday wd (0 Monday .. 6 Sunday) on or before ymd. */
uint32_t vigil__date_weekday_on_or_before(uint32_t ymd, int wd);

/* Days from a to b (b - a); 0 when either is invalid. */
int32_t vigil__date_diff(uint32_t a, uint32_t b);

#endif /* VIGIL_DATES_H */
