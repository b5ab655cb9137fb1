/*
 * analysis.h: what the coder knows about one document after the text and
 * lexicon stages (internal): the normalized text, its layout, tokens,
 * sentences and dictionary matches. Everything points into the worker's
 * per-document arena and lives until the worker codes the next document.
 * The output stage (src/lib/output/) turns an analysis into records.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_ANALYSIS_H
#define VIGIL_ANALYSIS_H

#include <stdint.h>

#include <vigil/coder.h>

#include "../clause/clause.h"
#include "../lexicon/lexicon.h"
#include "../text/text.h"
#include "../util/buf.h"
#include "../resolve/dates.h"
#include "events.h"
#include "figures.h"

typedef struct vigil__analysis {
	const vigil_doc *doc;     /* borrowed from the caller of vigil_worker_code */
	const char *id;           /* doc->id, or the derived 16-hex-digit id */
	uint32_t date;            /* publication date as YYYYMMDD; 0 if unknown */
	const char *text;         /* normalized text, NUL-terminated */
	size_t len;
	vigil__layout layout;
	vigil__segmented seg;
	vigil__match *matches;    /* in text order */
	size_t nmatch;
	const vigil__lexicon *lx; /* NULL when the coder has no dictionary */
	vigil__clauses cl;        /* actor phrases and verbs with arguments */
	vigil__event *events;     /* in sentence order */
	size_t nevent;
	vigil__date_expr *dates;  /* date expressions, in text order */
	size_t ndate, date_cap;
	uint32_t *sent_date;      /* nsent + 1: sentence s has dates
				     [sent_date[s], sent_date[s + 1]) */
	uint32_t *sent_actor;     /* nsent + 1: its actors, the same way */
	uint16_t **sent_clauses;  /* nsent: clause numbers of sentence s once
				     computed (vigil__sentence_clauses), or
				     NULL; shared by dating and places */
	vigil__figure *figures;   /* in sentence order */
	size_t nfigure, figure_cap;
} vigil__analysis;

/* The analysis of the worker's last coded document (borrowed), or NULL. */
const vigil__analysis *vigil__worker_analysis(const vigil_worker *w);

/* The worker's per-document arena, for records derived from the analysis. */
vigil__arena *vigil__worker_arena(vigil_worker *w);

/*
 * Derives the id of a document that has none: the XXH64 hash (seed 0) of its
 * source (or "" when absent), a NUL byte, and its raw text, as 16 lowercase
 * hex digits. Stable across versions: changing it changes every stored id.
 */
void vigil__doc_id(const vigil_doc *doc, char out[17]);

/* Parses "YYYY-MM-DD" into YYYYMMDD; returns 0 for NULL or a malformed date. */
uint32_t vigil__parse_date(const char *s);

/*
 * Appends the JSON Lines records of `an` to `out`: the document record, then
 * sentence by sentence a sentence record (VIGIL_CODE_SENTENCES in `flags`)
 * and one mention record per dictionary entry that matched and is valid on
 * the document's date (VIGIL_CODE_MENTIONS), then the sentence's event
 * records. Errors are left in out->failed.
 */
void vigil__write_jsonl(vigil__buf *out, const vigil__analysis *an,
			unsigned flags);

/*
 * Append the event rows of `an` to `out`: tab-separated values, one line per
 * event (tsv.c), or GDELT 2.0 event table rows, asserted events only
 * (gdelt.c). Columns: docs/formats.md. Errors are left in out->failed.
 */
void vigil__write_tsv(vigil__buf *out, const vigil__analysis *an);
void vigil__write_gdelt(vigil__buf *out, const vigil__analysis *an);

#endif /* VIGIL_ANALYSIS_H */
