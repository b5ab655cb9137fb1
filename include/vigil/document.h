/*
 * vigil/document.h: documents and the reader that turns input files (plain
 * text with an optional header block, JSON Lines, HTML, RSS/Atom, stdin) into
 * them, one document at a time so that batches of any size stream in bounded
 * memory.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DOCUMENT_H
#define VIGIL_DOCUMENT_H

#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * One document as read. Strings are NUL-terminated; absent values are NULL.
 * `text` is the raw body bytes (not yet validated as UTF-8): `text_len` may
 * count NUL bytes that the text stage then rejects.
 */
typedef struct vigil_doc {
	const char *id;      /* JSONL "id", else NULL: the coder derives one */
	const char *date;    /* YYYY-MM-DD, or NULL */
	const char *source;  /* outlet name, or NULL */
	const char *url;
	const char *title;
	const char *text;
	size_t text_len;
	/* where it came from, for error messages */
	const char *origin;       /* file name, or "-" for stdin */
	unsigned long line;       /* first line of the document in origin (1-based) */
	long long text_offset;    /* byte offset of text[0] in origin, or -1 if the
				     text was decoded (JSON escapes, HTML) */
} vigil_doc;

/* Input formats; VIGIL_FORMAT_AUTO picks from the file name and content. */
typedef enum vigil_input_format {
	VIGIL_INPUT_AUTO = 0,
	VIGIL_INPUT_TEXT,
	VIGIL_INPUT_JSONL,
	VIGIL_INPUT_HTML,
	VIGIL_INPUT_FEED /* RSS 2.0 / Atom: one document per item or entry */
} vigil_input_format;

typedef struct vigil_reader_options {
	unsigned version;            /* VIGIL_READER_OPTIONS_VERSION */
	vigil_input_format format;   /* AUTO by default */
	const char *default_date;    /* used when a document has none (--date) */
	size_t max_doc_bytes;        /* a larger document is an error; 0: 64 MiB */
} vigil_reader_options;

#define VIGIL_READER_OPTIONS_VERSION 1
#define VIGIL_READER_OPTIONS_INIT {VIGIL_READER_OPTIONS_VERSION, VIGIL_INPUT_AUTO, NULL, 0}

typedef struct vigil_reader vigil_reader;

/*
 * Opens `path` ("-" is stdin) for reading documents. On failure returns a
 * negative code, sets *out to NULL and, when `errbuf` is not NULL, writes a
 * message naming the file into it.
 */
int vigil_reader_open(vigil_reader **out, const char *path,
		      const vigil_reader_options *opts, char *errbuf,
		      size_t errlen);

/* Same, over an already open stream named `name` (not closed by the reader). */
int vigil_reader_open_stream(vigil_reader **out, FILE *stream, const char *name,
			     const vigil_reader_options *opts, char *errbuf,
			     size_t errlen);

/*
 * Reads the next document into *doc, whose strings stay valid until the next
 * call or vigil_reader_free(). Returns VIGIL_OK, VIGIL_EOF at the end, or
 * VIGIL_EINPUT for a bad document (message: vigil_reader_errmsg(), naming the
 * file and line or byte offset): the caller may go on calling next() to read
 * the documents after it. VIGIL_EIO and VIGIL_ENOMEM are final.
 */
int vigil_reader_next(vigil_reader *r, vigil_doc *doc);

const char *vigil_reader_errmsg(const vigil_reader *r);
void vigil_reader_free(vigil_reader *r);

#ifdef __cplusplus
}
#endif
#endif /* VIGIL_DOCUMENT_H */
