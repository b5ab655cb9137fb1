/*
 * figures.h: figure records (internal): counts of people or materiel that
 * are the subject or object of a predicate ("approximately 11,000 North
 * Korean troops have been deployed"), with the category the predicate gives
 * (deployed, killed, ...), whose people they are (the subject actor), who
 * says so (the clause's attribution) and the date. Built from the quantity
 * phrases of src/lib/resolve/quantity.h; only VIGIL_QK_COUNT phrases qualify.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_FIGURES_H
#define VIGIL_FIGURES_H

#include <stdint.h>

#include "../resolve/quantity.h"
#include "../util/arena.h"
#include "dating.h"
#include "places.h"

/* Figure categories of DESIGN.md; the order is the names' table. */
enum vigil__figure_category {
	VIGIL__FC_OTHER = 0,
	VIGIL__FC_DEPLOYED,
	VIGIL__FC_KILLED,
	VIGIL__FC_WOUNDED,
	VIGIL__FC_KILLED_OR_WOUNDED,
	VIGIL__FC_CAPTURED,
	VIGIL__FC_MISSING,
	VIGIL__FC_DISPLACED,
	VIGIL__FC_ARRESTED,
	VIGIL__FC_CASUALTIES,
	VIGIL__FC_COUNT_
};

/* "deployed", "killed_or_wounded", ...; "other" when out of range. */
const char *vigil__figure_category_name(int c);

typedef struct vigil__figure {
	uint32_t sent;             /* sentence index */
	uint32_t n;                /* 1-based number within its sentence */
	vigil__quantity q;         /* the quantity phrase */
	uint32_t pred_tok;         /* token of the predicate; UINT32_MAX: the
				      unit noun gave the category */
	int32_t subject;           /* actor the people belong to, or -1 */
	uint32_t subj_begin, subj_end; /* the subject's text (tokens) */
	char subj_code[24];        /* the subject's code: the actor's, or its
				      country + the unit's sector ("Russia
				      has deployed 50,000 troops": RUSMIL) */
	char subj_country[4], subj_sector[8];
	int32_t said_by;           /* speaker actor, or -1 */
	int32_t said_cue;          /* attribution cue match, or -1 */
	uint32_t said_end;         /* end token of the claimant's text */
	uint32_t span_begin, span_end; /* bytes: quantity and predicate */
	uint8_t category;          /* enum vigil__figure_category */
	vigil__dated when;
	vigil__placed where;       /* set by vigil__places_locate */
} vigil__figure;

struct vigil__analysis;

/*
 * The quantity phrases of sentence s that may be figures: counts, not
 * definite ("the two nations"), whose unit (if any) is people or materiel.
 * *out is arena memory (NULL when *n is 0); nothing without a dictionary.
 * Returns 0, or -1 when the arena fails.
 */
int vigil__figures_candidates(vigil__arena *a, const struct vigil__analysis *an,
			      uint32_t s, vigil__quantity **out, size_t *n);

/*
 * Appends to an->figures those of candidates q[0..n) of sentence s that a
 * predicate or their unit gives a category; `cl` the sentence's clause
 * numbers, its dates already found. Returns 0, or -1 when the arena fails.
 */
int vigil__figures_of_sentence(vigil__arena *a, struct vigil__analysis *an,
			       uint32_t s, const vigil__quantity *q, size_t n,
			       const uint16_t *cl);

#endif /* VIGIL_FIGURES_H */
