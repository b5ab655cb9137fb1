/*
 * dup_index.h: a connection's in-memory candidate index of near-duplicate
 * originals (dup_index.c, internal): signatures of the original documents
 * of the days loaded so far, found by hash from one of their first
 * VIGIL__MINHASH_BANDS minima. Days are numbers (0 is 1970-01-01, the
 * proleptic Gregorian calendar SQLite's date() uses).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DUP_INDEX_H
#define VIGIL_DUP_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "store_int.h"

/* Past this many signatures held (removed ones included) the caller
 * forgets them all before loading more (bounded memory). */
#define VIGIL__DUP_MAX ((size_t)1 << 17)

/* The days of a window: a document dated D looks at D - 3 .. D + 3. */
#define VIGIL__DUP_WINDOW 7

/* An original's signature; its date's text is in [text(day),
 * text(day + 1)), equal to text(day) when `exact`. id 0: removed. */
typedef struct vigil__dup_doc {
	int64_t id;
	int32_t day;
	int32_t exact;
	uint32_t sig[VIGIL__MINHASH_K];
} vigil__dup_doc;

typedef struct vigil__dup_index {
	vigil__dup_doc *docs;     /* in the order added */
	size_t ndocs, capdocs;
	uint32_t (*slots)[2];     /* {docs index + 1 (0: free), minimum},
				     one per indexed minimum; linear probing */
	size_t capslots;          /* a power of 2, or 0 */
	int32_t *days;            /* the loaded days; INT32_MIN: free */
	size_t ndays, capdays;    /* capdays a power of 2, or 0 */
} vigil__dup_index;

/* The day whose text begins `text` ("YYYY-MM-DD", years 0000-9999, a real
 * date) into *day, *exact whether that is all of it; 0 when none. */
int vigil__dup_day(const char *text, int32_t *day, int *exact);

/* "YYYY-MM-DD" of a day of years 0000-9999. */
void vigil__dup_day_text(int32_t day, char out[11]);

/* Whether the window first .. first + VIGIL__DUP_WINDOW - 1, and the day
 * after it, are days of years 0000-9999. */
int vigil__dup_window_ok(int32_t first);

/* The day d of [from, to] with text(d) <= date < text(d + 1), for a date
 * read from that range (date >= text(from)), and whether it is text(d). */
void vigil__dup_day_in(const char *date, int32_t from, int32_t to,
		       int32_t *day, int *exact);

int vigil__dup_loaded(const vigil__dup_index *x, int32_t day);
int vigil__dup_mark_loaded(vigil__dup_index *x, int32_t day);

/* Adds an original's signature. On VIGIL_ENOMEM the index is emptied
 * (never left without a document of a loaded day). */
int vigil__dup_add(vigil__dup_index *x, int64_t id, int32_t day, int exact,
		   const uint32_t *sig);

/* Removes document id (whose signature is sig), when held. */
void vigil__dup_remove(vigil__dup_index *x, int64_t id, const uint32_t *sig);

/* The lowest id held that shares at least VIGIL__NEAR_DUP_SAME minima with
 * sig and is dated in [text(first), text(first + 6)]; 0 when none. */
int64_t vigil__dup_find(const vigil__dup_index *x, const uint32_t *sig,
			int32_t first);

/* Forgets every signature and loaded day (and frees their memory). */
void vigil__dup_clear(vigil__dup_index *x);

#endif /* VIGIL_DUP_INDEX_H */
