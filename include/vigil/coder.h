/*
 * vigil/coder.h: the coder. A vigil_coder holds the configuration and the
 * dictionaries; it is read-only once made and shared by all threads. A
 * vigil_worker is one thread's workspace: it codes one document at a time into
 * a per-document arena that is reset (not freed) between documents, and keeps
 * the records of the last document until the next call.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_CODER_H
#define VIGIL_CODER_H

#include "common.h"
#include "dict.h"
#include "document.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vigil_coder vigil_coder;
typedef struct vigil_worker vigil_worker;

/* Output formats of vigil_worker_records(); columns in docs/formats.md. */
typedef enum vigil_output_format {
	VIGIL_OUTPUT_JSONL = 0, /* records of DESIGN.md, one object per line */
	VIGIL_OUTPUT_TSV,       /* one tab-separated line per event */
	VIGIL_OUTPUT_GDELT      /* GDELT 2.0 event table rows, asserted events */
} vigil_output_format;

/*
 * The line to write once before all the records of a run in `format` (TSV:
 * the column names, ending in '\n'); "" for formats without a header; NULL
 * for an unknown format. Static storage.
 */
const char *vigil_output_header(vigil_output_format format);

/* Flags for vigil_coder_options.flags */
#define VIGIL_CODE_MENTIONS 0x1u /* emit one "mention" record per match */
#define VIGIL_CODE_EXPLAIN  0x2u /* add "why" to records */
#define VIGIL_CODE_REPAIR   0x4u /* replace invalid UTF-8 with U+FFFD, warn */
#define VIGIL_CODE_SENTENCES 0x8u /* emit one "sentence" record per sentence */

typedef struct vigil_coder_options {
	unsigned version;           /* VIGIL_CODER_OPTIONS_VERSION */
	const vigil_dict *dict;     /* borrowed; must outlive the coder; may be NULL */
	unsigned flags;             /* VIGIL_CODE_* */
	size_t max_doc_bytes;       /* per-document arena cap; 0: 256 MiB */
} vigil_coder_options;

#define VIGIL_CODER_OPTIONS_VERSION 1
#define VIGIL_CODER_OPTIONS_INIT {VIGIL_CODER_OPTIONS_VERSION, NULL, 0, 0}

/* Makes a coder. Returns VIGIL_ENOMEM or VIGIL_EINPUT (bad options). */
int vigil_coder_new(vigil_coder **out, const vigil_coder_options *opts);
void vigil_coder_free(vigil_coder *c);

/* Makes a worker for `coder` (borrowed; must outlive the worker). */
int vigil_worker_new(vigil_worker **out, const vigil_coder *coder);
void vigil_worker_free(vigil_worker *w);

/*
 * Codes one document. Returns VIGIL_OK; VIGIL_EINPUT when the document is
 * rejected (invalid UTF-8 or a NUL byte without VIGIL_CODE_REPAIR: the message
 * names doc->origin with its line or byte offset); VIGIL_ENOMEM past the cap.
 * Warnings about a document that was still coded (a repair) are in
 * vigil_worker_warning(), else it returns NULL.
 */
int vigil_worker_code(vigil_worker *w, const vigil_doc *doc);

const char *vigil_worker_errmsg(const vigil_worker *w);
const char *vigil_worker_warning(const vigil_worker *w);

/*
 * The records of the last coded document, serialized in `format`, each line
 * ending in '\n' (JSON Lines: one object per line; TSV and GDELT: one row per
 * event, no header, possibly nothing). Returns VIGIL_EINPUT for an unknown
 * format. Borrowed: valid until the next vigil_worker_code(),
 * vigil_worker_records() in another format, or vigil_worker_free().
 */
int vigil_worker_records(vigil_worker *w, vigil_output_format format,
			 const char **data_out, size_t *len_out);

/*
 * Like vigil_worker_records(), but hands the records over instead of lending
 * them: on VIGIL_OK, *data_out is a NUL-terminated block of *len_out bytes
 * allocated with malloc() that THE CALLER OWNS and must free() (never NULL,
 * "" when there are no records). The worker keeps no pointer to it and starts
 * its next records in a fresh block of the same capacity, so a caller that
 * keeps each document's records (a batch written later in input order) need
 * not copy them. On error *data_out is NULL and *len_out 0; VIGIL_ENOMEM when
 * the fresh block cannot be allocated (the records stay with the worker).
 */
int vigil_worker_records_take(vigil_worker *w, vigil_output_format format,
			      char **data_out, size_t *len_out);

/* Facts about the last coded document. */
typedef struct vigil_doc_summary {
	const char *id;        /* the document id (given or derived) */
	size_t text_bytes;     /* bytes of normalized text */
	size_t sentences;
	size_t tokens;
	size_t mentions;       /* dictionary matches */
	size_t events;         /* event records */
	size_t figures;        /* figure records */
} vigil_doc_summary;

void vigil_worker_summary(const vigil_worker *w, vigil_doc_summary *out);

/*===== Structured records =============================================*/

/*
 * The records of the last coded document as structs, for programs (the
 * store) that would otherwise parse the JSON Lines. Field meanings are those
 * of the JSON records of DESIGN.md; an absent value is NULL for strings, NaN
 * for numbers, 0 for quad_code. All memory is the worker's: valid until its
 * next vigil_worker_code() or vigil_worker_free().
 */
typedef struct vigil_actor_rec {
	const char *code;      /* NULL: no actor (the whole struct is absent) */
	const char *country;   /* ISO alpha-3, or NULL */
	const char *sector;    /* "MIL", or NULL; said_by has neither */
	const char *text;      /* the words of the document */
} vigil_actor_rec;

typedef struct vigil_place_rec {
	const char *name;      /* NULL: no place */
	const char *code;      /* the gazetteer's code ("RU-KRS") */
	const char *country;
	const char *admin1;    /* ISO 3166-2, or NULL */
	const char *precision; /* "country", "admin1", "city" */
	double lat, lon;
} vigil_place_rec;

typedef struct vigil_sentence_rec {
	vigil_span span;
	uint32_t para;         /* paragraph, from 0 (GDELT's IsRootEvent) */
	const char *text;      /* the sentence, NUL-terminated */
} vigil_sentence_rec;

typedef struct vigil_event_rec {
	const char *id;        /* "DOC-SENTENCE-N" */
	uint32_t sentence;     /* 1-based */
	const char *date;      /* "YYYY-MM-DD" or NULL */
	const char *date_precision;
	vigil_actor_rec actor, recipient, said_by;
	const char *event, *mode; /* PLOVER */
	const char *aux_mode;  /* never NULL */
	const char *hedge;
	int quad_code;
	const char *cameo;
	double goldstein;
	vigil_place_rec place; /* "event_loc" */
	const char *trigger;
	vigil_span span;
} vigil_event_rec;

typedef struct vigil_figure_rec {
	const char *id;        /* "DOC-SENTENCE-fN" */
	uint32_t sentence;
	double value, low, high;
	const char *qualifier, *unit, *category;
	vigil_actor_rec subject, said_by;
	vigil_place_rec place;
	const char *date;
	vigil_span span;
} vigil_figure_rec;

typedef struct vigil_doc_records {
	const char *id, *date, *source, *url, *title;
	const vigil_sentence_rec *sentences; /* every sentence, in order */
	size_t nsentences;
	const vigil_event_rec *events;
	size_t nevents;
	const vigil_figure_rec *figures;
	size_t nfigures;
} vigil_doc_records;

/*
 * Fills *out with the records of the last coded document. Returns VIGIL_OK,
 * VIGIL_ERROR when no document was coded, VIGIL_ENOMEM past the arena cap.
 */
int vigil_worker_doc_records(vigil_worker *w, vigil_doc_records *out);

#ifdef __cplusplus
}
#endif
#endif /* VIGIL_CODER_H */
