/*
 * vigil/conform.h: the PETRARCH/TABARI validation suite. A validation file
 * (`<Validation>` with `<Sentence>` records, `<EventCoding>` expectations and
 * `<Config>` settings between records) is read record by record; each
 * record's <Text> (never its <Parse> tree) is coded with its date under the
 * settings in force, and the events are returned as source/target/code
 * triples for comparison. Page: docs/internals/conformance.md.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_CONFORM_H
#define VIGIL_CONFORM_H

#include "coder.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One event as the suite writes it: codes, "---" for an absent actor. */
typedef struct vigil_conform_event {
	char source[32];
	char target[32];
	char code[8];
} vigil_conform_event;

/* The <Config> options the records honour (PETRARCH's names). */
typedef struct vigil_conform_config {
	int require_dyad;       /* drop events without source or target (1) */
	int new_actor_length;   /* read; vigil makes no actors from unknown
				   noun phrases, so only 0 is reproduced */
	int comma_min, comma_max;   /* internal ", ... ," clauses of this many */
	int comma_bmin, comma_bmax; /* words (initial, terminal) are removed */
	int comma_emin, comma_emax; /* before coding; max 0: none */
} vigil_conform_config;

#define VIGIL_CONFORM_MAX_EVENTS 16

typedef struct vigil_conform_record {
	const char *id, *category;
	const char *date;           /* YYYY-MM-DD */
	const char *text;           /* the <Text>, trimmed */
	unsigned long line;         /* of the <Sentence> element */
	vigil_conform_event expected[VIGIL_CONFORM_MAX_EVENTS];
	size_t nexpected;
	const char *error;          /* expected error ("sentencediscard"...) or NULL */
	int noevents;               /* noevents="True", or no EventCoding */
	vigil_conform_config config;/* in force for this record */
} vigil_conform_record;

typedef struct vigil_conform vigil_conform;

/*
 * Reads the validation file `path`. Returns VIGIL_OK, VIGIL_EIO (cannot
 * read) or VIGIL_EINPUT (not a validation file); messages in errbuf.
 */
int vigil_conform_open(vigil_conform **out, const char *path, char *errbuf,
		       size_t errlen);
void vigil_conform_free(vigil_conform *c);

/* Number of records, and record i (borrowed, valid until free). */
size_t vigil_conform_count(const vigil_conform *c);
const vigil_conform_record *vigil_conform_get(const vigil_conform *c,
					      size_t i);

/*
 * Codes record `r` with worker `w`: the comma clauses its config removes
 * are cut from the text, the rest is coded with its date, and the events
 * (without source or target dropped when require_dyad) are written to
 * out[0..*n) (at most `max`, duplicates once). Returns what
 * vigil_worker_code() returns.
 */
int vigil_conform_code(vigil_worker *w, const vigil_conform_record *r,
		       vigil_conform_event *out, size_t max, size_t *n);

/* Whether got[0..ngot) is exactly the expected set of `r` (order aside). */
int vigil_conform_passes(const vigil_conform_record *r,
			 const vigil_conform_event *got, size_t ngot);

#ifdef __cplusplus
}
#endif

#endif /* VIGIL_CONFORM_H */
