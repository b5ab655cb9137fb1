/*
 * dating.h: dates of events and figures (internal). The date expressions of
 * every sentence (src/lib/resolve/dates.h) are found once; a record gets the
 * date of an expression in its own clause, else of the statement reporting
 * it (the attribution cue's clause), else the publication date. An act
 * reported as done (not future or hypothetical) is never dated after the
 * report: a later date belongs to what it announces. "N units
 * after X" dates X's clause by the module's fallback and the clause it
 * modifies from X's event when that event has a date of its own.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DATING_H
#define VIGIL_DATING_H

#include <stdint.h>

#include "../util/arena.h"

/* Where a record's date comes from (--explain names them). */
enum vigil__date_source {
	VIGIL__DS_NONE = 0,    /* no date: no publication date, no expression */
	VIGIL__DS_PUBLICATION, /* the document's date */
	VIGIL__DS_CLAUSE,      /* an expression in the record's own clause */
	VIGIL__DS_STATEMENT,   /* an expression in the reporting statement's clause */
	VIGIL__DS_ANCHOR,      /* X of "N units after X": the module's estimate */
	VIGIL__DS_ANCHORED,    /* the clause "N units after X" modifies: date(X) + N */
	VIGIL__DS_EARLIER      /* X of "N units after X" is an earlier dated event */
};

/* "publication", "clause", "statement", ...; "none" otherwise. */
const char *vigil__date_source_name(int src);

typedef struct vigil__dated {
	uint32_t date;     /* first day YYYYMMDD; 0: none (null) */
	int32_t expr;      /* index into vigil__analysis.dates, or -1 */
	int32_t planned;   /* an act dated after its report: the expression
			      that dates what it announces, else -1 */
	uint8_t precision; /* vigil__date_precision */
	uint8_t source;    /* enum vigil__date_source */
} vigil__dated;

struct vigil__analysis;

/*
 * Prepares `an` for dating: the index of each sentence's actors
 * (an->sent_actor) and an empty an->sent_date. Sentences are then dated
 * in order. Returns 0, or -1 when the arena fails.
 */
int vigil__dating_begin(vigil__arena *a, struct vigil__analysis *an);

/*
 * Appends the date expressions of sentence s to an->dates and sets
 * an->sent_date[s], [s + 1]; sentences must come in order (a skipped one
 * gets none: vigil__dates_skip). Returns 0, or -1 when the arena fails.
 */
int vigil__dates_of_sentence(vigil__arena *a, struct vigil__analysis *an,
			     uint32_t s);
void vigil__dates_skip(struct vigil__analysis *an, uint32_t s);

/*
 * Clause numbers of the tokens of sentence s (arena memory, index token -
 * tok_begin), or NULL when the arena fails. Computed once per sentence
 * after vigil__dating_begin(): later calls return the same array (kept in
 * an->sent_clauses, a memo that leaves the analysis otherwise unchanged).
 */
uint16_t *vigil__sentence_clauses(vigil__arena *a,
				  const struct vigil__analysis *an, uint32_t s);

/*
 * The date of a record whose anchor token is `tok` in sentence s (clause
 * numbers `cl`), reported by the attribution cue at token `cue_tok`
 * (UINT32_MAX: none). Anchored clauses without a dated X fall through to
 * the statement and the publication date.
 */
void vigil__date_at(const struct vigil__analysis *an, uint32_t s,
		    const uint16_t *cl, uint32_t tok, uint32_t cue_tok,
		    vigil__dated *out);

/*
 * Dates events [first, end) of sentence s (after vigil__dates_of_sentence
 * or _skip); `cl` its clause numbers, or NULL when it has no expression.
 */
void vigil__events_date(const struct vigil__analysis *an, uint32_t s,
			size_t first, size_t end, const uint16_t *cl);

#endif /* VIGIL_DATING_H */
