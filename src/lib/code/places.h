/*
 * places.h: the place of each event and figure (internal): a [places]
 * dictionary match of the record's own clause, else of its sentence,
 * never of another sentence. Rules: docs/internals/places.md.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_PLACES_H
#define VIGIL_PLACES_H

#include <stddef.h>
#include <stdint.h>

#include "../lexicon/lexicon.h"
#include "../util/arena.h"

/* Where a record's place comes from (--explain may name them). */
enum vigil__place_source {
	VIGIL__PS_NONE = 0, /* no place: event_loc is null */
	VIGIL__PS_CLAUSE, /* a located place ("in X") of the record's clause */
	VIGIL__PS_SENTENCE, /* a located place elsewhere in its sentence */
	VIGIL__PS_BARE	    /* an admin1 or city without a locative form */
};

typedef struct vigil__placed {
	int32_t match;	/* index into vigil__analysis.matches, or -1 */
	uint32_t entry; /* the match's [places] entry (lexicon entry index) */
	uint8_t source; /* enum vigil__place_source */
} vigil__placed;

/* "clause", "sentence", "bare"; "none" otherwise. */
const char *vigil__place_source_name(int src);

struct vigil__analysis;

/*
 * Sets the place (`where`) of every event and figure of `an`, after they
 * are built and dated. Returns 0, or -1 when the arena fails.
 */
int vigil__places_locate(vigil__arena *a, struct vigil__analysis *an);

/*
 * Decodes a place entry into e, with e->phrase its canonical name: the
 * first phrase of its dictionary line ("Kursk Oblast" for "the Kursk
 * region"). Every writer of event_loc names places through this.
 */
void vigil__place_entry(const vigil__lexicon *lx, uint32_t entry,
			vigil__entry *e);

/*
 * The admin1 code of a place entry: its own code for type=admin1, the part
 * before '.' of a city code written "UA-63.KHARKIV", else NULL. The result
 * is written into buf (cap bytes) when it is a prefix; returns buf or code.
 */
const char *vigil__place_admin1(const char *type, const char *code, char *buf,
				size_t cap);

#endif /* VIGIL_PLACES_H */
