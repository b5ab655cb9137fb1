/*
 * coder.c: the coder and its workers: runs one document through the
 * pipeline stages (UTF-8 check, normalization, layout, segmentation,
 * dictionary matching) into the worker's arena, then serializes its records.
 * A coder is read-only after vigil_coder_new(); each worker is used by one
 * thread at a time.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY /* XXH64_state_t on the stack */
#include <xxhash.h>

#include "analysis.h"
#include "patterns.h"

#define DEFAULT_ARENA_CAP ((size_t)256 << 20)
#define MAX_RECORDS_BYTES ((size_t)1 << 30)

struct vigil_coder {
	const vigil_dict *dict;      /* borrowed; NULL: no matching */
	const vigil__lexicon *lx;    /* the dict's lexicon, or NULL */
	unsigned flags;              /* VIGIL_CODE_* */
	size_t arena_cap;
};

struct vigil_worker {
	const vigil_coder *coder;
	vigil__arena arena;          /* everything of the current document */
	vigil__analysis an;          /* valid after a successful code() */
	vigil__buf records;          /* serialized records of the document */
	int records_format;          /* format of `records`; -1: none yet */
	int have_result;             /* an is valid */
	char id[17];                 /* derived document id */
	char errmsg[512];
	char warning[512];
};

/*===== Coder ==========================================================*/

int vigil_coder_new(vigil_coder **out, const vigil_coder_options *opts)
{
	vigil_coder *c;

	*out = NULL;
	if (!opts || opts->version != VIGIL_CODER_OPTIONS_VERSION)
		return VIGIL_EINPUT;
	c = calloc(1, sizeof(*c));
	if (!c)
		return VIGIL_ENOMEM;
	c->dict = opts->dict;
	c->lx = opts->dict ? vigil__dict_lexicon(opts->dict) : NULL;
	c->flags = opts->flags;
	c->arena_cap = opts->max_doc_bytes ? opts->max_doc_bytes : DEFAULT_ARENA_CAP;
	*out = c;
	return VIGIL_OK;
}

void vigil_coder_free(vigil_coder *c)
{
	free(c);
}

/*===== Worker =========================================================*/

int vigil_worker_new(vigil_worker **out, const vigil_coder *coder)
{
	vigil_worker *w;

	*out = NULL;
	w = calloc(1, sizeof(*w));
	if (!w)
		return VIGIL_ENOMEM;
	w->coder = coder;
	vigil__arena_init(&w->arena, coder->arena_cap);
	vigil__buf_init(&w->records, MAX_RECORDS_BYTES);
	*out = w;
	return VIGIL_OK;
}

void vigil_worker_free(vigil_worker *w)
{
	if (!w)
		return;
	vigil__arena_free(&w->arena);
	vigil__buf_free(&w->records);
	free(w);
}

const char *vigil_worker_errmsg(const vigil_worker *w)
{
	return w->errmsg;
}

const char *vigil_worker_warning(const vigil_worker *w)
{
	return w->warning[0] ? w->warning : NULL;
}

/* "file:LINE" or "file" (when the line is unknown) for messages. */
static void describe_origin(const vigil_doc *doc, char *buf, size_t len)
{
	const char *origin = doc->origin ? doc->origin : "<input>";

	if (doc->line)
		snprintf(buf, len, "%s:%lu", origin, doc->line);
	else
		snprintf(buf, len, "%s", origin);
}

/*
 * Formats where a bad byte is: an offset in the file when the text is a
 * verbatim slice of it, else the document's line and an offset into its
 * text; then the reason and the byte's value.
 */
static void describe_bad_byte(const vigil_doc *doc, long long off,
			      const char *why, char *buf, size_t len)
{
	const char *origin = doc->origin ? doc->origin : "<input>";
	unsigned byte = (unsigned char)doc->text[off];

	if (doc->text_offset >= 0)
		snprintf(buf, len, "%s: byte offset %lld: %s (0x%02x)", origin,
			 doc->text_offset + off, why, byte);
	else
		snprintf(buf, len, "%s:%lu: byte %lld of the document text: %s (0x%02x)",
			 origin, doc->line, off, why, byte);
}

static int fail(vigil_worker *w, int code, const char *msg)
{
	char where[300];

	describe_origin(w->an.doc, where, sizeof(where));
	snprintf(w->errmsg, sizeof(w->errmsg), "%s: %s", where, msg);
	return code;
}

/*
 * Validates the raw text. On invalid input either repairs it (with
 * VIGIL_CODE_REPAIR, leaving a warning) or rejects the document.
 */
static int take_valid_text(vigil_worker *w, const char **text, size_t *len)
{
	const vigil_doc *doc = w->an.doc;
	const char *why = NULL;
	long long bad = vigil__utf8_check(doc->text, doc->text_len, &why);
	char *fixed;
	size_t nfixed = 0;

	*text = doc->text;
	*len = doc->text_len;
	if (bad < 0)
		return VIGIL_OK;
	if (!(w->coder->flags & VIGIL_CODE_REPAIR)) {
		describe_bad_byte(doc, bad, why, w->errmsg, sizeof(w->errmsg));
		strncat(w->errmsg, " (document skipped; --repair replaces bad bytes)",
			sizeof(w->errmsg) - strlen(w->errmsg) - 1);
		return VIGIL_EINPUT;
	}
	if (vigil__utf8_repair(&w->arena, doc->text, doc->text_len, &fixed, len,
			       &nfixed) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory repairing the text");
	describe_bad_byte(doc, bad, why, w->warning, sizeof(w->warning));
	snprintf(w->warning + strlen(w->warning),
		 sizeof(w->warning) - strlen(w->warning),
		 " (repaired %zu bad sequence%s with U+FFFD)", nfixed,
		 nfixed == 1 ? "" : "s");
	*text = fixed;
	return VIGIL_OK;
}

static int match_sentences(vigil_worker *w)
{
	vigil__analysis *an = &w->an;
	size_t cap = 0, i;

	an->matches = NULL;
	an->nmatch = 0;
	if (!an->lx)
		return VIGIL_OK;
	for (i = 0; i < an->seg.nsent; i++) {
		const vigil__sentence *s = &an->seg.sent[i];

		if (vigil__match_tokens(an->lx, an->text, an->seg.tok,
					s->tok_begin, s->tok_end, &w->arena,
					&an->matches, &an->nmatch, &cap) < 0)
			return fail(w, VIGIL_ENOMEM,
				    "out of memory matching dictionaries");
	}
	return VIGIL_OK;
}

/* Sentence by sentence: the date expressions of those with events or
 * figure candidates (the others need none), the events' dates, the
 * figures. Returns 0, or -1 when the arena fails. */
static int date_and_count(vigil_worker *w)
{
	vigil__analysis *an = &w->an;
	vigil__arena *a = &w->arena;
	size_t ev = 0, first, nq;
	uint32_t s;

	if (vigil__dating_begin(a, an) < 0)
		return -1;
	for (s = 0; s < an->seg.nsent; s++) {
		vigil__quantity *q;
		uint16_t *cl = NULL;

		first = ev;
		while (ev < an->nevent && an->events[ev].sent == s)
			ev++;
		if (vigil__figures_candidates(a, an, s, &q, &nq) < 0)
			return -1;
		if (first == ev && nq == 0) {
			vigil__dates_skip(an, s);
			continue;
		}
		if (vigil__dates_of_sentence(a, an, s) < 0)
			return -1;
		if (nq > 0 || an->sent_date[s] < an->sent_date[s + 1]) {
			cl = vigil__sentence_clauses(a, an, s);
			if (!cl)
				return -1;
		}
		vigil__events_date(an, s, first, ev, cl);
		if (vigil__figures_of_sentence(a, an, s, q, nq, cl) < 0)
			return -1;
	}
	return 0;
}

/* Clauses, then events, from the matches; then the date expressions, the
 * events' dates and the figures; then the places of events and figures. */
static int code_events(vigil_worker *w)
{
	vigil__analysis *an = &w->an;

	if (vigil__clause_analyze(&w->arena, an->text, &an->seg, an->matches,
				  an->nmatch, an->lx, an->date, &an->cl) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory coding events");
	if (vigil__patterns_apply(&w->arena, an) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory applying patterns");
	vigil__discards_apply(an);
	if (vigil__events_build(&w->arena, &an->cl, an->seg.tok, an->matches,
				an->lx, &an->events, &an->nevent) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory coding events");
	if (date_and_count(w) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory dating events");
	if (vigil__places_locate(&w->arena, an) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory placing events");
	return VIGIL_OK;
}

int vigil_worker_code(vigil_worker *w, const vigil_doc *doc)
{
	vigil__analysis *an = &w->an;
	const char *raw;
	size_t raw_len;
	char *text;
	int rc;

	vigil__arena_reset(&w->arena);
	vigil__buf_clear(&w->records);
	w->records_format = -1;
	memset(an, 0, sizeof(*an));
	w->have_result = 0;
	w->errmsg[0] = '\0';
	w->warning[0] = '\0';
	an->doc = doc;
	an->lx = w->coder->lx;

	rc = take_valid_text(w, &raw, &raw_len);
	if (rc != VIGIL_OK)
		return rc;
	if (raw_len > UINT32_MAX)
		return fail(w, VIGIL_EINPUT, "document larger than 4 GiB");
	if (vigil__normalize(&w->arena, raw, raw_len, &text, &an->len) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory normalizing the text");
	an->text = text;
	if (vigil__layout_text(&w->arena, an->text, an->len, &an->layout) < 0 ||
	    vigil__segment(&w->arena, an->text, an->len, an->layout.paras,
			   an->layout.npara, &an->seg) < 0)
		return fail(w, VIGIL_ENOMEM, "out of memory segmenting the text");
	rc = match_sentences(w);
	if (rc != VIGIL_OK)
		return rc;
	an->date = vigil__parse_date(doc->date);
	rc = code_events(w);
	if (rc != VIGIL_OK)
		return rc;

	if (doc->id) {
		an->id = doc->id;
	} else {
		vigil__doc_id(doc, w->id);
		an->id = w->id;
	}
	w->have_result = 1;
	return VIGIL_OK;
}

/* Serializes the last document's records in `format` into w->records
 * (kept while the format is the same). */
static int render_records(vigil_worker *w, vigil_output_format format)
{
	if (!w->have_result) {
		snprintf(w->errmsg, sizeof(w->errmsg), "no coded document");
		return VIGIL_ERROR;
	}
	if (w->records_format != (int)format) {
		vigil__buf_clear(&w->records);
		switch (format) {
		case VIGIL_OUTPUT_JSONL:
			vigil__write_jsonl(&w->records, &w->an, w->coder->flags);
			break;
		case VIGIL_OUTPUT_TSV:
			vigil__write_tsv(&w->records, &w->an);
			break;
		case VIGIL_OUTPUT_GDELT:
			vigil__write_gdelt(&w->records, &w->an);
			break;
		default:
			snprintf(w->errmsg, sizeof(w->errmsg),
				 "unknown output format");
			return VIGIL_EINPUT;
		}
		w->records_format = (int)format;
	}
	if (w->records.failed) {
		snprintf(w->errmsg, sizeof(w->errmsg),
			 "out of memory writing records");
		return VIGIL_ENOMEM;
	}
	return VIGIL_OK;
}

int vigil_worker_records(vigil_worker *w, vigil_output_format format,
			 const char **data_out, size_t *len_out)
{
	int rc = render_records(w, format);

	*data_out = NULL;
	*len_out = 0;
	if (rc != VIGIL_OK)
		return rc;
	*data_out = w->records.data ? w->records.data : "";
	*len_out = w->records.len;
	return VIGIL_OK;
}

int vigil_worker_records_take(vigil_worker *w, vigil_output_format format,
			      char **data_out, size_t *len_out)
{
	size_t len;
	int rc = render_records(w, format);

	*data_out = NULL;
	*len_out = 0;
	if (rc != VIGIL_OK)
		return rc;
	len = w->records.len;
	if (vigil__buf_take(&w->records, data_out) < 0) {
		snprintf(w->errmsg, sizeof(w->errmsg),
			 "out of memory taking the records");
		return VIGIL_ENOMEM;
	}
	w->records_format = -1; /* handed over: the next call renders anew */
	*len_out = len;
	return VIGIL_OK;
}

void vigil_worker_summary(const vigil_worker *w, vigil_doc_summary *out)
{
	memset(out, 0, sizeof(*out));
	if (!w->have_result)
		return;
	out->id = w->an.id;
	out->text_bytes = w->an.len;
	out->sentences = w->an.seg.nsent;
	out->tokens = w->an.seg.ntok;
	out->mentions = w->an.nmatch;
	out->events = w->an.nevent;
	out->figures = w->an.nfigure;
}

const vigil__analysis *vigil__worker_analysis(const vigil_worker *w)
{
	return w->have_result ? &w->an : NULL;
}

vigil__arena *vigil__worker_arena(vigil_worker *w)
{
	return &w->arena;
}

/*===== Document facts =================================================*/

void vigil__doc_id(const vigil_doc *doc, char out[17])
{
	XXH64_state_t st;
	const char *source = doc->source ? doc->source : "";
	static const char nul = '\0';

	XXH64_reset(&st, 0);
	XXH64_update(&st, source, strlen(source));
	XXH64_update(&st, &nul, 1);
	XXH64_update(&st, doc->text, doc->text_len);
	snprintf(out, 17, "%016llx", (unsigned long long)XXH64_digest(&st));
}

uint32_t vigil__parse_date(const char *s)
{
	static const unsigned char mdays[13] = {0,  31, 29, 31, 30, 31, 30,
						31, 31, 30, 31, 30, 31};
	unsigned y, m, d;
	int i;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (unsigned)atoi(s);
	m = (unsigned)atoi(s + 5);
	d = (unsigned)atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m])
		return 0;
	return y * 10000 + m * 100 + d;
}
