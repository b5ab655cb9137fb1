/*
 * tabular.h: what the tab-separated writers (tsv.c, gdelt.c) share
 * (internal): a view of one event with its dictionary entries looked up once,
 * and field writers that keep a line one record: tabs, newlines and other
 * ASCII control bytes inside a value become spaces; there is no quoting; an
 * absent value is an empty field.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_TABULAR_H
#define VIGIL_TABULAR_H

#include <stdint.h>

#include "../code/analysis.h"

/* One event of an analysis with what every column needs (all borrowed). */
typedef struct vigil__event_view {
	const vigil__analysis *an;
	const vigil__event *e;
	const vigil__cverb *v;      /* the event's verb */
	const vigil__actor *actor;  /* NULL when absent */
	const vigil__actor *recipient;
	const vigil__actor *said_by;
	vigil__entry verb;          /* the verb's dictionary entry */
	vigil__entry place;         /* its place's entry, when has_place */
	int has_place;
} vigil__event_view;

/* Fills *out for event `e` of `an` (which has a lexicon: events need one). */
void vigil__event_view_init(vigil__event_view *out, const vigil__analysis *an,
			    const vigil__event *e);

/* Appends n bytes of s with control bytes (tab, CR, LF, ...) as spaces. */
void vigil__tsv_put(vigil__buf *b, const char *s, size_t n);

/* A NUL-terminated value; NULL appends nothing (an empty field). */
void vigil__tsv_put_str(vigil__buf *b, const char *s);

/* The text of tokens [tb, te) of the analysis. */
void vigil__tsv_put_tokens(vigil__buf *b, const vigil__analysis *an,
			   uint32_t tb, uint32_t te);

/* The text of match `match`, or nothing when it is -1. */
void vigil__tsv_put_match(vigil__buf *b, const vigil__analysis *an,
			  int32_t match);

/* A coordinate ("51.7", "-72.34"); NaN: nothing. */
void vigil__tsv_put_coord(vigil__buf *b, double v);

/* The event id of JSON Lines: "<doc>-<sentence>-<n>", sentences from 1. */
void vigil__tsv_put_event_id(vigil__buf *b, const vigil__event_view *ev);

#endif /* VIGIL_TABULAR_H */
