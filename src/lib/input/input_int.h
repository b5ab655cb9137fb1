/*
 * input_int.h: private structures of the document readers (src/lib/input/).
 * reader.c owns the vigil_reader handle, format detection and error
 * messages; stream.c buffers the input so its first bytes can be peeked;
 * date.c normalizes dates; read_*.c turn one format into documents;
 * html_extract.c finds the article text of an HTML page or fragment.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_INPUT_INT_H
#define VIGIL_INPUT_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <vigil/document.h>

#include "../util/arena.h"
#include "../util/buf.h"

/* ---- Buffered input (stream.c) ------------------------------------------- */

#define VIGIL__IN_CHUNK (64u * 1024u)

/*
 * A read buffer over a FILE. Bytes buf[pos, len) are read but not consumed;
 * `offset` is the stream offset of buf[0], so buf[pos] is at offset + pos.
 */
typedef struct vigil__in {
	FILE *f;
	unsigned char *buf; /* VIGIL__IN_CHUNK bytes */
	size_t pos;
	size_t len;
	long long offset;
	int eof; /* fread reached the end of the stream */
	int err; /* errno of the first read error, 0 if none */
} vigil__in;

/* Sets up the buffer over `f`; 0, or VIGIL_ENOMEM. */
int vigil__in_init(vigil__in *in, FILE *f);
void vigil__in_free(vigil__in *in);

/*
 * Makes at least `n` (<= VIGIL__IN_CHUNK) unconsumed bytes available unless
 * the stream ends first; *p receives them. Returns how many are available,
 * or VIGIL_EIO on a read error. Consumes nothing.
 */
long vigil__in_peek(vigil__in *in, size_t n, const unsigned char **p);

/* Consumes up to `n` bytes into dst; returns the count, 0 at the end, or
 * VIGIL_EIO. */
long vigil__in_read(vigil__in *in, void *dst, size_t n);

/*
 * Appends the rest of the stream to `b`. Returns 0, VIGIL_EINPUT when it
 * would pass b->limit (the rest is then left unread), VIGIL_ENOMEM or
 * VIGIL_EIO.
 */
int vigil__in_read_all(vigil__in *in, vigil__buf *b);

/*
 * Reads the next line, without its '\n', into `line` (cleared first). A
 * line longer than `max` bytes is consumed up to its newline but not kept:
 * *too_long is set and `line` is left empty. Returns 1 for a line, 0 at the
 * end of the stream, VIGIL_ENOMEM or VIGIL_EIO.
 */
int vigil__in_getline(vigil__in *in, vigil__buf *line, size_t max,
		      int *too_long);

/* ---- Dates (date.c) ------------------------------------------------------ */

#define VIGIL__DATE_LEN 10 /* "YYYY-MM-DD" */

/*
 * Parses a date in one of the accepted forms (ISO 8601 date or date-time,
 * "February 15, 2025", "15 February 2025", "Feb 15, 2025", RFC 822 as in
 * "Fri, 14 Feb 2025 09:30:00 GMT"; surrounding white space ignored) and
 * writes it as "YYYY-MM-DD\0" into out. Returns 0, or -1 when it is not a
 * valid date in any form.
 */
int vigil__date_normalize(const char *s, size_t len,
			  char out[VIGIL__DATE_LEN + 1]);

/* ---- Flat JSON objects (json_flat.c) ------------------------------------- */

/* One member value found by vigil__json_flat. */
typedef struct vigil__json_str {
	const char *s; /* arena copy, NUL-terminated; NULL for null */
	size_t len;
	int present; /* the key occurred (last occurrence wins) */
	int is_null;
	int has_nul; /* s holds a NUL character (from \u0000) */
} vigil__json_str;

/*
 * Parses `line` as a JSON object whose member values are all strings or
 * null, storing the members named in keys[0..nkeys) into out[]. Returns 0,
 * 1 when the line is anything else or invalid (the caller then parses it
 * with jansson, which accepts a superset and reports errors), or -1 when
 * the arena fails.
 */
int vigil__json_flat(vigil__arena *a, const char *line, size_t len,
		     const char *const *keys, size_t nkeys,
		     vigil__json_str *out);

/* ---- HTML extraction (html_extract.c) ------------------------------------ */

/* Metadata of an HTML page; arena strings, NULL when absent. */
typedef struct vigil__html_meta {
	const char *title;
	const char *date; /* normalized YYYY-MM-DD */
	const char *url;
	const char *source;
} vigil__html_meta;

/*
 * Extracts the main text of the HTML in [html, html+len) into `out`
 * (cleared first): paragraphs separated by "\n\n", white space collapsed,
 * no leading or trailing space. A whole page (`fragment` 0) is searched for
 * its article; a fragment (feed content, always UTF-8) is taken whole. When
 * `meta` is not NULL it receives the page's metadata, allocated in `a`.
 * Returns 0 (out->len may be 0: no text), or VIGIL_ENOMEM.
 */
int vigil__html_extract(vigil__arena *a, vigil__buf *out, const char *html,
			size_t len, int fragment, vigil__html_meta *meta);

/*
 * libxml2 reports some errors (charset conversion, I/O) through its
 * per-thread generic handler, which prints to stderr. Around each call into
 * libxml2, vigil__xml_quiet_begin() installs a silent handler for the
 * calling thread and vigil__xml_quiet_end() puts the caller's back.
 */
typedef void (*vigil__xml_errfn)(void *ctx, const char *msg, ...);
typedef struct vigil__xml_quiet {
	vigil__xml_errfn fn;
	void *ctx;
} vigil__xml_quiet;

void vigil__xml_quiet_begin(vigil__xml_quiet *q);
void vigil__xml_quiet_end(const vigil__xml_quiet *q);

/* Collapses runs of ASCII white space in [s, s+len) to one space and trims
 * both ends, in place; returns the new length (the result is not
 * NUL-terminated by this function). */
size_t vigil__collapse_space(char *s, size_t len);

/* ---- The reader handle (reader.c) ---------------------------------------- */

typedef struct vigil__feed vigil__feed;

struct vigil_reader {
	vigil__in in;
	vigil_input_format format;		/* never AUTO once open */
	char *name;				/* origin, as given */
	char default_date[VIGIL__DATE_LEN + 1]; /* "" when none */
	size_t max_doc;	      /* cap on one document's bytes */
	int own_file;	      /* fclose(in.f) in vigil_reader_free */
	int done;	      /* next() returns VIGIL_EOF from now on */
	int fatal;	      /* last VIGIL_EIO/ENOMEM, returned again */
	unsigned long lineno; /* JSONL: lines consumed so far */
	vigil__arena arena;   /* the current document's strings */
	vigil__buf data;      /* file contents or the current line */
	vigil__buf out;	      /* extracted text (HTML, feeds) */
	void *json;	      /* JSONL: the current json_t, or NULL */
	vigil__feed *feed;    /* feed parser state, or NULL */
	char errmsg[1024];
};

/*
 * Reads the whole input into r->data for the formats that are one document
 * per file (text, HTML) and marks the reader done. Returns 0, VIGIL_EINPUT
 * (message set) when it is larger than r->max_doc, or VIGIL_EIO/ENOMEM.
 */
int vigil__reader_slurp(vigil_reader *r);

/*
 * Formats "NAME:LINE: message" (line 0: "NAME: message") into r->errmsg and
 * returns `code`, so that a reader can `return vigil__reader_error(...)`.
 */
int vigil__reader_error(vigil_reader *r, int code, unsigned long line,
			const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Returns the reader's default date, or NULL when there is none. */
const char *vigil__reader_default_date(const vigil_reader *r);

/*
 * Normalizes the date [s, s+len) into the arena and stores it in *out; an
 * empty or all-space value leaves *out NULL. Returns 0, VIGIL_EINPUT (with a
 * message naming `line`) or VIGIL_ENOMEM.
 */
int vigil__reader_date(vigil_reader *r, const char **out, const char *s,
		       size_t len, unsigned long line);

/* Per-format document readers; each fills *doc or returns an error. */
int vigil__read_text(vigil_reader *r, vigil_doc *doc);
int vigil__read_jsonl(vigil_reader *r, vigil_doc *doc);
int vigil__read_html(vigil_reader *r, vigil_doc *doc);
int vigil__read_feed(vigil_reader *r, vigil_doc *doc);

/* Releases the per-format state kept between calls (JSONL object, feed). */
void vigil__jsonl_release(vigil_reader *r);
void vigil__feed_free(vigil__feed *f);

#endif /* VIGIL_INPUT_INT_H */
