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

/* The countries a document names, for phrases with places of several
 * countries: a country name or a capital (an actor too: "Washington") counts
 * 1, another region or city of one country 2 (built on the first such
 * phrase; per document, no global state). */
#define VIGIL__EVIDENCE_MAX 48

struct vigil__place_evidence {
	const char *country[VIGIL__EVIDENCE_MAX]; /* pooled: one per country */
	uint16_t weight[VIGIL__EVIDENCE_MAX];
	uint8_t n, built;
};

/* A document's matches as the choice between countries sees them. */
typedef struct vigil__place_doc {
	const vigil__lexicon *lx;
	const vigil__match *m;
	size_t nm;
	uint32_t date;
	struct vigil__place_evidence *ev; /* built on first need */
} vigil__place_doc;

/* `ev` is the document's evidence (vigil__clauses.place_ev), zeroed once
 * per document: the clause stage and places.c build it at most once. */
void vigil__place_doc_init(vigil__place_doc *d, const vigil__lexicon *lx,
			   const vigil__match *m, size_t nm, uint32_t date,
			   struct vigil__place_evidence *ev);

/*
 * Whether match k names places of several countries and the document's
 * countries choose one of another country than `country`: "Georgia" in an
 * article on Atlanta is the US state, not the actor GEO. The clause stage
 * drops such an actor reading.
 */
int vigil__place_elsewhere(vigil__place_doc *d, uint32_t k,
			   const char *country);

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
