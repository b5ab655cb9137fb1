/*
 * events.h: events from clauses (internal). One event per verb match that
 * has an actor (or, in the passive, a recipient) and a CAMEO code; compound
 * actors and recipients give one event per pair; an event repeated in a
 * sentence (same actor, recipient and code) is kept once. Codes, Goldstein,
 * quad class, PLOVER type and mode come from the verb's dictionary entry.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_EVENTS_H
#define VIGIL_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "../clause/clause.h"
#include "dating.h"
#include "places.h"

typedef struct vigil__event {
	uint32_t sent;           /* sentence index */
	uint32_t n;              /* 1-based number within its sentence */
	uint32_t verb;           /* index into vigil__clauses.verbs */
	int32_t actor;           /* index into vigil__clauses.actors, or -1 */
	int32_t recipient;       /* same, or -1 */
	uint32_t span_begin;     /* bytes covering trigger and the arguments */
	uint32_t span_end;       /* found in the same sentence */
	uint16_t rules;          /* the verb's VIGIL__R_* plus event rules */
	const char *cameo;       /* the verb entry's code (borrowed, lexicon) */
	vigil__dated when;       /* set by vigil__events_date (dating.c) */
	vigil__placed where;     /* set by vigil__places_locate (places.c) */
} vigil__event;

/*
 * Builds the events of a document from its clauses, in sentence order.
 * `tok` and `m` are the tokens and matches the clauses point into; `lx`
 * the lexicon. *out is arena memory. Returns 0, or -1 when the arena fails.
 */
int vigil__events_build(vigil__arena *a, const vigil__clauses *cl,
			const vigil__token *tok, const vigil__match *m,
			const vigil__lexicon *lx, vigil__event **out,
			size_t *nout);

#endif /* VIGIL_EVENTS_H */
