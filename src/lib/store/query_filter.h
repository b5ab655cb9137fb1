/*
 * query_filter.h: the WHERE clause both store backends build from a
 * vigil_query (internal): code prefixes as ranges, equalities, dates,
 * places, with bound parameters numbered ?N (SQLite) or $N (PostgreSQL).
 * The full-text filter is each backend's own (vigil__filter_cond).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_QUERY_FILTER_H
#define VIGIL_QUERY_FILTER_H

#include <vigil/store.h>

#include "../util/buf.h"

#define VIGIL__FILTER_MAX_PARAMS 48

/* How a backend's SQL reads (static tables in sqlite_query.c, pg_query.c). */
typedef struct vigil__filter_style {
	char mark;                /* '?' (SQLite) or '$' (PostgreSQL) */
	const char *always;       /* the clause's first, always true condition */
	unsigned char no_range;   /* a prefix whose last byte is this or above
				   * has no range... */
	const char *no_range_fmt; /* ...but this (args: column, mark, N) */
	int codes_table;          /* actor prefixes as IN (codes of the range) */
	const char *place_fmt;    /* the --place condition (mark, N) x 4 */
} vigil__filter_style;

/* A WHERE clause under construction with its parameters (borrowed). */
typedef struct vigil__filter {
	vigil__buf sql;
	const vigil__filter_style *style;
	const char *param[VIGIL__FILTER_MAX_PARAMS];
	char upper[4][64];  /* ends of prefix ranges */
	int nparam, nupper;
} vigil__filter;

/* Starts f and adds every condition of q but its text (q->text). */
void vigil__filter_build(vigil__filter *f, const vigil__filter_style *style,
			 const vigil_query *q);

/* Adds parameter v; returns its number (from 1). */
int vigil__filter_param(vigil__filter *f, const char *v);

/* Adds " AND " and fmt, whose every placeholder reads %c%d: parameter v. */
void vigil__filter_cond(vigil__filter *f, const char *fmt, const char *v);

void vigil__filter_free(vigil__filter *f);

#endif /* VIGIL_QUERY_FILTER_H */
