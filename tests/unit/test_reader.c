/*
 * test_reader.c: the document readers (vigil/document.h): plain text with
 * its header block, JSON Lines, HTML article extraction, RSS/Atom feeds,
 * format detection, errors and recovery. Each case reads a whole input and
 * compares a transcript of every next() call with the expected one.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include <vigil/document.h>

#include "input/input_int.h"
#include "testutil.h"

/* ---- Helpers ------------------------------------------------------------- */

/* A reader over an in-memory copy of `data`, named `name`. */
typedef struct mem_reader {
	char *copy;
	FILE *f;
	vigil_reader *r;
	int rc; /* of vigil_reader_open_stream */
	char err[256];
} mem_reader;

static void mem_open(mem_reader *m, const char *name, const char *data,
		     size_t len, const vigil_reader_options *opts)
{
	memset(m, 0, sizeof(*m));
	m->copy = malloc(len + 1);
	assert_non_null(m->copy);
	memcpy(m->copy, data, len);
	m->f = fmemopen(m->copy, len, "r");
	assert_non_null(m->f);
	m->rc = vigil_reader_open_stream(&m->r, m->f, name, opts, m->err,
					 sizeof(m->err));
}

static void mem_close(mem_reader *m)
{
	vigil_reader_free(m->r);
	fclose(m->f);
	free(m->copy);
}

static const char *str(const char *s)
{
	return s ? s : "-";
}

/*
 * Reads every document of r and returns a malloc'd transcript: one line per
 * next() call, "doc L O id|date|source|url|title [text]" or "err CODE MSG",
 * then "eof".
 */
static char *transcript(vigil_reader *r)
{
	vigil__buf b;
	vigil_doc d;
	int rc, guard = 0;

	vigil__buf_init(&b, 0);
	while ((rc = vigil_reader_next(r, &d)) != VIGIL_EOF && guard++ < 100) {
		if (rc == VIGIL_OK) {
			vigil__buf_printf(&b, "doc %lu %lld %s|%s|%s|%s|%s [", d.line,
					  d.text_offset, str(d.id), str(d.date),
					  str(d.source), str(d.url), str(d.title));
			vigil__buf_append(&b, d.text, d.text_len);
			vigil__buf_puts(&b, "]\n");
			assert_non_null(d.origin);
			assert_int_equal(d.text[d.text_len], '\0');
		} else {
			vigil__buf_printf(&b, "err %d %s\n", rc,
					  vigil_reader_errmsg(r));
			if (rc != VIGIL_EINPUT)
				break;
		}
	}
	vigil__buf_puts(&b, "eof");
	assert_false(b.failed);
	return b.data;
}

/* A table row: input named `name`, expected transcript. */
typedef struct reader_case {
	const char *name;
	const char *input;
	const char *expect;
} reader_case;

static void run_cases(const reader_case *cases, size_t n,
		      const vigil_reader_options *opts)
{
	size_t i;

	for (i = 0; i < n; i++) {
		mem_reader m;
		char *got;

		mem_open(&m, cases[i].name, cases[i].input,
			 strlen(cases[i].input), opts);
		assert_int_equal(m.rc, 0);
		got = transcript(m.r);
		if (strcmp(got, cases[i].expect) != 0)
			print_error("case %zu (%s):\n got: %s\nwant: %s\n", i,
				    cases[i].name, got, cases[i].expect);
		assert_string_equal(got, cases[i].expect);
		free(got);
		mem_close(&m);
	}
}

#define RUN(cases, opts) run_cases(cases, sizeof(cases) / sizeof(cases[0]), opts)

/* ---- Errors -------------------------------------------------------------- */

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(vigil_strerror(VIGIL_OK), "success");
	assert_string_equal(vigil_strerror(VIGIL_ERROR), "error");
	assert_string_equal(vigil_strerror(VIGIL_ENOMEM), "out of memory");
	assert_string_equal(vigil_strerror(VIGIL_EIO), "input/output error");
	assert_string_equal(vigil_strerror(VIGIL_EINPUT), "bad input");
	assert_string_equal(vigil_strerror(VIGIL_EOF), "end of input");
	assert_string_equal(vigil_strerror(-99), "unknown error");
	assert_string_equal(vigil_strerror(3), "unknown error");
}

/* ---- Dates --------------------------------------------------------------- */

static void test_date_normalize(void **state)
{
	static const struct {
		const char *in;
		const char *out; /* NULL: rejected */
	} cases[] = {
		{"2025-02-15", "2025-02-15"},
		{"  2025-02-15\n", "2025-02-15"},
		{"2025-02-15T09:30:00Z", "2025-02-15"},
		{"2025-02-15T09:30:00.123+05:30", "2025-02-15"},
		{"2025-02-15 09:30", "2025-02-15"},
		{"2025-02-15T23:59:59-0500", "2025-02-15"},
		{"February 15, 2025", "2025-02-15"},
		{"15 February 2025", "2025-02-15"},
		{"Feb 15, 2025", "2025-02-15"},
		{"Feb. 15, 2025", "2025-02-15"},
		{"Sept 3, 2024", "2024-09-03"},
		{"3rd March 2024", "2024-03-03"},
		{"may 1 2024", "2024-05-01"},
		{"Fri, 14 Feb 2025 09:30:00 GMT", "2025-02-14"},
		{"Fri, 14 Feb 2025 09:30:00 +0000", "2025-02-14"},
		{"Friday, February 14, 2025", "2025-02-14"},
		{"14 Feb 25 09:30 EST", "2025-02-14"},
		{"1 Jan 99", "1999-01-01"},
		{"29 February 2024", "2024-02-29"},
		{"29 February 2025", NULL},
		{"2025-13-01", NULL},
		{"2025-02-30", NULL},
		{"2025-02-15T25:00:00Z", NULL},
		{"2025-02-15junk", NULL},
		{"2025-2-15", NULL},
		{"Febtober 15, 2025", NULL},
		{"February 15", NULL},
		{"15 February 2025 and more", NULL},
		{"0999-01-01", NULL},
		{"yesterday", NULL},
		{"", NULL},
		{"   ", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char out[VIGIL__DATE_LEN + 1];
		int rc = vigil__date_normalize(cases[i].in, strlen(cases[i].in), out);

		if (cases[i].out) {
			if (rc != 0)
				print_error("rejected: \"%s\"\n", cases[i].in);
			assert_int_equal(rc, 0);
			assert_string_equal(out, cases[i].out);
		} else {
			if (rc == 0)
				print_error("accepted: \"%s\" as %s\n", cases[i].in, out);
			assert_int_equal(rc, -1);
		}
	}
}

/* ---- Plain text ---------------------------------------------------------- */

static void test_text_header(void **state)
{
	static const reader_case cases[] = {
		{"a.txt",
		 "Title: Troops  move\nDate: February 15, 2025\nSource: Wire\n"
		 "URL: https://e.com/a?b=c:d\n\nBody text.\n",
		 "doc 1 85 -|2025-02-15|Wire|https://e.com/a?b=c:d|Troops  move "
		 "[Body text.\n]\neof"},
		/* keys in any case and order; CRLF; text starts after the blank line */
		{"a.txt", "source: S\r\nTITLE: T\r\ndate: 2025-01-02T10:00:00Z\r\n\r\n\r\nX",
		 "doc 1 51 -|2025-01-02|S|-|T [\r\nX]\neof"},
		/* a UTF-8 BOM before the header */
		{"a.txt", "\xEF\xBB\xBFTitle: T\n\nX", "doc 1 13 -|-|-|-|T [X]\neof"},
		/* a line with an unknown key: not a header */
		{"a.txt", "Note: something\n\nBody",
		 "doc 1 0 -|-|-|-|- [Note: something\n\nBody]\neof"},
		{"a.txt", "Title: A\nNote: b\n\nBody",
		 "doc 1 0 -|-|-|-|- [Title: A\nNote: b\n\nBody]\neof"},
		/* no blank line after the block: not a header */
		{"a.txt", "Title: A\nThe text starts here.\n",
		 "doc 1 0 -|-|-|-|- [Title: A\nThe text starts here.\n]\neof"},
		{"a.txt", "Title: A\n", "doc 1 0 -|-|-|-|- [Title: A\n]\neof"},
		/* a repeated key: not a header */
		{"a.txt", "Title: A\nTitle: B\n\nX",
		 "doc 1 0 -|-|-|-|- [Title: A\nTitle: B\n\nX]\neof"},
		/* a blank first line: no header */
		{"a.txt", "\nTitle: A\n\nX", "doc 1 0 -|-|-|-|- [\nTitle: A\n\nX]\neof"},
		/* a space before the colon: not a key */
		{"a.txt", "Title : A\n\nX", "doc 1 0 -|-|-|-|- [Title : A\n\nX]\neof"},
		/* empty values are absent */
		{"a.txt", "Title:\nURL:   \n\nX", "doc 1 16 -|-|-|-|- [X]\neof"},
		/* an unparseable date in a header names file and line */
		{"a.txt", "Date: yesterday\n\nX",
		 "err -4 a.txt:1: unparseable date \"yesterday\"\neof"},
		{"dir/b.txt", "Title: A\nDate: 2025-02-30\n\nX",
		 "err -4 dir/b.txt:2: unparseable date \"2025-02-30\"\neof"},
		/* the same line without a blank line after it is just text */
		{"a.txt", "Date: yesterday\nX", "doc 1 0 -|-|-|-|- [Date: yesterday\nX]\neof"},
	};

	(void)state;
	RUN(cases, NULL);
}

static void test_text_empty_and_limits(void **state)
{
	static const reader_case cases[] = {
		{"e.txt", "", "err -4 e.txt: empty document\neof"},
		{"e.txt", " \n\t\r\n", "err -4 e.txt: empty document\neof"},
		{"e.txt", "Title: A\n\n \n", "err -4 e.txt: empty document\neof"},
		{"e.txt", "0123456789abcdef", "doc 1 0 -|-|-|-|- [0123456789abcdef]\neof"},
		{"e.txt", "0123456789abcdefg",
		 "err -4 e.txt: document larger than 16 bytes\neof"},
	};
	vigil_reader_options o = VIGIL_READER_OPTIONS_INIT;

	(void)state;
	o.max_doc_bytes = 16;
	RUN(cases, &o);
}

static void test_text_binary_passthrough(void **state)
{
	static const char data[] = "ab\0cd\xff\n";
	mem_reader m;
	vigil_doc d;

	(void)state;
	mem_open(&m, "bin.txt", data, sizeof(data) - 1, NULL);
	assert_int_equal(m.rc, 0);
	assert_int_equal(vigil_reader_next(m.r, &d), VIGIL_OK);
	assert_int_equal(d.text_len, 7);
	assert_memory_equal(d.text, data, 7);
	assert_string_equal(d.origin, "bin.txt");
	assert_int_equal(vigil_reader_next(m.r, &d), VIGIL_EOF);
	assert_int_equal(vigil_reader_next(m.r, &d), VIGIL_EOF);
	mem_close(&m);
}

static void test_default_date(void **state)
{
	static const reader_case cases[] = {
		{"a.txt", "X", "doc 1 0 -|2024-12-31|-|-|- [X]\neof"},
		{"a.txt", "Date: 2025-01-01\n\nX", "doc 1 18 -|2025-01-01|-|-|- [X]\neof"},
		{"a.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\",\"date\":\"Jan 2, 2025\"}",
		 "doc 1 -1 -|2024-12-31|-|-|- [a]\ndoc 2 -1 -|2025-01-02|-|-|- [b]\neof"},
	};
	vigil_reader_options o = VIGIL_READER_OPTIONS_INIT;
	mem_reader m;

	(void)state;
	o.default_date = "31 December 2024";
	RUN(cases, &o);
	o.default_date = "someday";
	mem_open(&m, "a.txt", "X", 1, &o);
	assert_int_equal(m.rc, VIGIL_EINPUT);
	assert_null(m.r);
	assert_string_equal(m.err, "a.txt: invalid default date");
	mem_close(&m);
}

/* ---- JSON Lines ---------------------------------------------------------- */

static void test_jsonl(void **state)
{
	static const reader_case cases[] = {
		{"a.jsonl",
		 "{\"id\":\"x-1\",\"date\":\"2025-02-15T09:30:00Z\",\"source\":\"Wire\","
		 "\"url\":\"https://e.com/1\",\"title\":\"T\",\"text\":\"caf\\u00e9\\nline\","
		 "\"extra\":{\"a\":[1,2]}}\n",
		 "doc 1 -1 x-1|2025-02-15|Wire|https://e.com/1|T [caf\xC3\xA9\nline]\neof"},
		/* a malformed line in the middle: the documents around it come through */
		{"a.jsonl", "{\"text\":\"one\"}\n{\"text\": \"two\"\n{\"text\":\"three\"}\n",
		 "doc 1 -1 -|-|-|-|- [one]\n"
		 "err -4 a.jsonl:2: invalid JSON at column 14: '}' expected near end of file\n"
		 "doc 3 -1 -|-|-|-|- [three]\neof"},
		/* blank lines are skipped and still counted; CRLF; no final newline */
		{"a.ndjson", "\n  \n{\"text\":\"a\"}\r\n\r\n{\"text\":\"b\"}",
		 "doc 3 -1 -|-|-|-|- [a]\ndoc 5 -1 -|-|-|-|- [b]\neof"},
		/* null and "" are absent; the id is kept as is */
		{"a.jsonl", "{\"text\":\"a\",\"id\":\" 7 \",\"title\":null,\"url\":\"\"}",
		 "doc 1 -1  7 |-|-|-|- [a]\neof"},
		{"a.jsonl",
		 "{\"text\":5}\n{\"title\":\"t\"}\n{\"text\":\"a\",\"id\":7}\n[1]\n"
		 "{\"text\":\"a\",\"title\":true}\n{\"text\":\" \\n\"}\n"
		 "{\"text\":\"a\",\"date\":\"soon\"}\n{\"text\":\"a\",\"url\":\"a\\u0000b\"}\n"
		 "{\"text\":\"a\"} x\n",
		 "err -4 a.jsonl:1: \"text\" is not a string\n"
		 "err -4 a.jsonl:2: missing \"text\"\n"
		 "err -4 a.jsonl:3: \"id\" is not a string\n"
		 "err -4 a.jsonl:4: not a JSON object\n"
		 "err -4 a.jsonl:5: \"title\" is not a string\n"
		 "err -4 a.jsonl:6: empty document\n"
		 "err -4 a.jsonl:7: unparseable date \"soon\"\n"
		 "err -4 a.jsonl:8: \"url\" contains a NUL character\n"
		 "err -4 a.jsonl:9: invalid JSON at column 14: end of file expected near 'x'\n"
		 "eof"},
		/* an empty file or only blank lines: no documents, no error */
		{"e.jsonl", "", "eof"},
		{"e.jsonl", "\n\n \n", "eof"},
	};

	(void)state;
	RUN(cases, NULL);
}

static void test_jsonl_nul_in_text(void **state)
{
	static const char line[] = "{\"text\":\"a\\u0000b\"}";
	mem_reader m;
	vigil_doc d;

	(void)state;
	mem_open(&m, "n.jsonl", line, sizeof(line) - 1, NULL);
	assert_int_equal(vigil_reader_next(m.r, &d), VIGIL_OK);
	assert_int_equal(d.text_len, 3);
	assert_memory_equal(d.text, "a\0b", 3);
	mem_close(&m);
}

static void test_jsonl_long_line(void **state)
{
	char input[512];
	char expect[256];
	reader_case cases[1];
	vigil_reader_options o = VIGIL_READER_OPTIONS_INIT;
	int n;

	(void)state;
	n = snprintf(input, sizeof(input), "{\"text\":\"short\"}\n{\"text\":\"");
	memset(input + n, 'x', 200);
	snprintf(input + n + 200, sizeof(input) - (size_t)n - 200,
		 "\"}\n{\"text\":\"after\"}\n");
	snprintf(expect, sizeof(expect),
		 "doc 1 -1 -|-|-|-|- [short]\n"
		 "err -4 big.jsonl:2: line longer than 64 bytes\n"
		 "doc 3 -1 -|-|-|-|- [after]\neof");
	cases[0] = (reader_case){"big.jsonl", input, expect};
	o.max_doc_bytes = 64;
	run_cases(cases, 1, &o);
}

/* Memory does not grow with the number of documents. */
static void test_jsonl_flat_memory(void **state)
{
	static const char line[] = "{\"id\":\"n\",\"text\":\"Troops moved.\"}\n";
	size_t n = 20000, i, len = sizeof(line) - 1;
	char *data = malloc(n * len);
	mem_reader m;
	vigil_doc d;
	size_t count = 0;

	(void)state;
	assert_non_null(data);
	for (i = 0; i < n; i++)
		memcpy(data + i * len, line, len);
	mem_open(&m, "many.jsonl", data, n * len, NULL);
	while (vigil_reader_next(m.r, &d) == VIGIL_OK)
		count++;
	assert_int_equal(count, n);
	assert_true(m.r->data.cap <= 256);
	assert_int_equal(m.r->lineno, n);
	mem_close(&m);
	free(data);
}

/*
 * The fast JSON parser either gives up or agrees with jansson. `fast`: 1
 * when the fast parser must take the line itself.
 */
static void test_json_flat_matches_jansson(void **state)
{
	static const char *const keys[] = {"text", "id", "t\u00e9"};
	static const struct {
		const char *line;
		int fast;
	} cases[] = {
		{"{\"text\":\"a\"}", 1},
		{" {\"text\" : \"a\" , \"id\":null }\r", 1},
		{"{}", 1},
		{"{\"x\":\"1\",\"text\":\"a\",\"text\":\"b\"}", 1},
		{"{\"text\":\"\\\"q\\\\ \\/ \\b\\f\\n\\r\\t\"}", 1},
		{"{\"text\":\"\\u00e9\\u20AC\\ud83d\\ude00 \\u0000x\"}", 1},
		{"{\"text\":\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"}", 1},
		{"{\"t\xC3\xA9\":\"k\"}", 1},
		{"{\"text\":\"0123456789abcdefghijklmnopqrstuvwxyz0123456789\"}", 1},
		/* escapes and UTF-8 inside and across 16-byte blocks */
		{"{\"text\":\"0123456789abcdef\\\"ghijklmnopqrstu\\n0123456789abcdefghij\"}", 1},
		{"{\"text\":\"0123456789abcdefghij\xC3\xA9klmnopqrstuvwxyz012\xE2\x82\xAC" "3\"}", 1},
		/* given up: jansson decides */
		{"{\"text\":5}", 0},
		{"{\"text\":\"a\",\"n\":[1,{\"b\":null}]}", 0},
		{"{\"text\":\"a\"", 0},
		{"{\"text\":\"a\"} x", 0},
		{"{\"text\":\"a\tb\"}", 0},
		{"{\"text\":\"0123456789abcdefghijklmn\tb\"}", 0},
		{"{\"text\":\"\xC3\"}", 0},
		{"{\"text\":\"\xC0\xAF\"}", 0},
		{"{\"text\":\"\xED\xA0\x80\"}", 0},
		{"{\"text\":\"\xF4\x90\x80\x80\"}", 0},
		{"{\"text\":\"\\ud83d\"}", 0},
		{"{\"text\":\"\\ude00\"}", 0},
		{"{\"text\":\"\\x\"}", 0},
		{"{\"text\":\"\\u12\"}", 0},
		{"{\"te\\u0000xt\":\"a\"}", 0},
		{"{\"text\":\"a\",}", 0},
		{"{,}", 0},
		{"{\"text\":nul}", 0},
		{"[\"text\"]", 0},
		{"", 0},
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *line = cases[i].line;
		vigil__json_str m[3];
		vigil__arena a;
		json_error_t jerr;
		json_t *j;
		int rc;

		vigil__arena_init(&a, 0);
		rc = vigil__json_flat(&a, line, strlen(line), keys, 3, m);
		j = json_loadb(line, strlen(line), JSON_ALLOW_NUL, &jerr);
		if (rc != !cases[i].fast)
			print_error("case %zu: %s: rc %d\n", i, line, rc);
		assert_int_equal(rc, !cases[i].fast);
		if (rc == 0) {
			assert_non_null(j);
			for (k = 0; k < 3; k++) {
				json_t *v = json_object_get(j, keys[k]);

				assert_int_equal(m[k].present, v != NULL);
				if (!v)
					continue;
				assert_int_equal(m[k].is_null, json_is_null(v));
				if (json_is_null(v)) {
					assert_null(m[k].s);
					continue;
				}
				assert_int_equal(m[k].len, json_string_length(v));
				assert_memory_equal(m[k].s, json_string_value(v), m[k].len);
				assert_int_equal(m[k].s[m[k].len], '\0');
				assert_int_equal(m[k].has_nul,
						 memchr(m[k].s, 0, m[k].len) != NULL);
			}
		}
		json_decref(j);
		vigil__arena_free(&a);
	}
}

/* ---- HTML ---------------------------------------------------------------- */

static const char page_article[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head>\n"
	"<meta charset=\"utf-8\">\n"
	"<title>Troops cross border | Example News</title>\n"
	"<meta property=\"og:title\" content=\"Troops  cross\n border\">\n"
	"<meta property=\"article:published_time\" content=\"2025-02-14T09:30:00+00:00\">\n"
	"<meta property=\"og:site_name\" content=\"Example News\">\n"
	"<meta property=\"og:url\" content=\"https://example.com/og\">\n"
	"<link rel=\"canonical\" href=\"https://example.com/a\">\n"
	"<script>var p = '<p>not text</p>';</script><style>p { color: red }</style>\n"
	"</head><body>\n"
	"<nav><ul><li>Home</li><li>World</li><li>Sport</li></ul></nav>\n"
	"<div class=\"cookie-banner\"><p>We use cookies to improve your experience "
	"on this site and to show you relevant advertising.</p></div>\n"
	"<article class=\"story\">\n"
	" <header><h1>Troops cross border</h1></header>\n"
	" <p class=\"byline\">By Jane Doe</p>\n"
	" <div class=\"share-bar\"><a>Share on X</a> <a>Email</a></div>\n"
	" <p>Soldiers   crossed the\n border at dawn &amp; took&nbsp;positions, "
	"officials said.</p>\n"
	" <script>track();</script>\n"
	" <p>The ministry <b>denied</b> the report.</p>\n"
	" <h2>Reaction</h2>\n"
	" <ul><li>Talks were suspended.</li><li>Flights were cancelled.</li></ul>\n"
	" <blockquote><p>\"We will respond,\" he said.</p></blockquote>\n"
	" <div class=\"related-links\"><ul><li><a>Earlier clashes</a></li></ul></div>\n"
	" <section id=\"comments\"><h3>3 comments</h3><p>Great article!</p></section>\n"
	" <footer>Tags: border</footer>\n"
	"</article>\n"
	"<aside><p>Most read: a long list of other stories on this site.</p></aside>\n"
	"<footer><p>Copyright 2025 Example News. All rights reserved.</p></footer>\n"
	"</body></html>\n";

static void test_html_article(void **state)
{
	static const reader_case cases[] = {
		{"a.html", page_article,
		 "doc 1 -1 -|2025-02-14|Example News|https://example.com/a|"
		 "Troops cross border [By Jane Doe\n\n"
		 "Soldiers crossed the border at dawn & took positions, "
		 "officials said.\n\n"
		 "The ministry denied the report.\n\nReaction\n\n"
		 "Talks were suspended.\n\nFlights were cancelled.\n\n"
		 "\"We will respond,\" he said.]\neof"},
	};

	(void)state;
	RUN(cases, NULL);
}

static void test_html_layouts(void **state)
{
	static const reader_case cases[] = {
		/* no <article>: <main> */
		{"m.htm",
		 "<html><head><title> Main  page </title></head><body>"
		 "<div id=\"menu\"><p>Menu entry with a fairly long text in it.</p></div>"
		 "<main><p>Main text one.</p><p>Main text two.</p></main></body></html>",
		 "doc 1 -1 -|-|-|-|Main page [Main text one.\n\nMain text two.]\neof"},
		/* neither: the element with the most paragraph text */
		{"p.html",
		 "<html><body><div class=\"top\"><p>Short teaser.</p></div>"
		 "<div class=\"body\"><h1>Headline</h1><p>First real paragraph of the "
		 "story.</p><p>Second real paragraph.</p></div>"
		 "<div><p>Footer note.</p></div></body></html>",
		 "doc 1 -1 -|-|-|-|Headline [Headline\n\nFirst real paragraph of the "
		 "story.\n\nSecond real paragraph.]\neof"},
		/* unclosed tags still yield text */
		{"u.html",
		 "<html><body><article><p>One <b>bold<p>Two<div>Loose text<br>after "
		 "a break<li>item",
		 "doc 1 -1 -|-|-|-|- [One bold\n\nTwo\n\nLoose text\n\nafter a break"
		 "\n\nitem]\neof"},
		/* date from <meta name=date>, then <time>; url from og:url */
		{"d.html",
		 "<html><head><meta name=\"date\" content=\"not a date\">"
		 "<meta property=\"og:url\" content=\"https://e.com/og\"></head><body>"
		 "<article><time datetime=\"2025-01-05\">Jan 5</time><p>X.</p></article>",
		 "doc 1 -1 -|2025-01-05|-|https://e.com/og|- [Jan 5\n\nX.]\neof"},
		{"d.html",
		 "<html><head><meta name=\"date\" content=\"March 3, 2024\"></head><body>"
		 "<p>Y.</p>",
		 "doc 1 -1 -|2024-03-03|-|-|- [Y.]\neof"},
		/* "commentary" is not a comment section */
		{"c.html",
		 "<html><body><div class=\"commentary-body\"><p>Opinion text.</p></div>"
		 "<div class=\"comments\"><p>Reader comment that is longer than the "
		 "opinion.</p></div></body></html>",
		 "doc 1 -1 -|-|-|-|- [Opinion text.]\neof"},
		/* the page is parsed as read (white space matters in <pre>) */
		{"w.html", "<p>One</p>          Two<pre>a\n  b</pre>",
		 "doc 1 -1 -|-|-|-|- [One\n\nTwo\n\na b]\neof"},
		/* no text at all */
		{"n.html", "<html><head><title>T</title></head><body><nav>Menu</nav>"
			   "<script>x()</script></body></html>",
		 "err -4 n.html: no article text found\neof"},
		{"e.html", "", "err -4 e.html: empty document\neof"},
		{"e.html", " \n ", "err -4 e.html: empty document\neof"},
	};

	(void)state;
	RUN(cases, NULL);
}

/* ---- Feeds --------------------------------------------------------------- */

static const char feed_rss[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
	"     xmlns:media=\"http://search.yahoo.com/mrss/\"\n"
	"     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	"<channel><title>World  News</title><link>https://ex.com/</link>\n"
	"<image><title>Logo</title><url>https://ex.com/l.png</url></image>\n"
	"<item>\n"
	" <title>First item</title>\n"
	" <link>https://ex.com/1</link>\n"
	" <guid isPermaLink=\"false\">id-1</guid>\n"
	" <pubDate>Fri, 14 Feb 2025 09:30:00 GMT</pubDate>\n"
	" <media:content url=\"x.jpg\"><media:title>Photo</media:title></media:content>\n"
	" <description>&lt;p&gt;Short &amp;amp; sweet.&lt;/p&gt;</description>\n"
	" <content:encoded><![CDATA[<p>Full text one.</p><p>Para <i>two</i>.</p>"
	"<div class=\"social-links\">Share</div>]]></content:encoded>\n"
	"</item>\n"
	"<item>\n"
	" <title>Second</title><dc:date>2025-02-13</dc:date>\n"
	" <description>Plain description two.</description>\n"
	"</item>\n"
	"<item><title>Third</title><source url=\"https://w.com\">Wire</source>\n"
	" <description>&lt;p&gt;Text three.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;"
	"</description></item>\n"
	"</channel></rss>\n";

static const char feed_atom[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
	"<title type=\"text\">Atom Feed</title>\n"
	"<entry>\n"
	" <title>E1</title>\n"
	" <link rel=\"self\" href=\"https://x.org/self\"/>\n"
	" <link href=\"https://x.org/1\"/>\n"
	" <id>urn:uuid:1</id>\n"
	" <updated>2025-02-10T00:00:00Z</updated>\n"
	" <published>2025-02-09T12:00:00Z</published>\n"
	" <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
	"<p>Para A.</p><p>Para <b>B</b>.</p></div></content>\n"
	"</entry>\n"
	"<entry><title>E2</title><updated>2025-02-11T00:00:00Z</updated>\n"
	" <summary>Plain   summary &lt;b&gt;kept&lt;/b&gt;</summary></entry>\n"
	"<entry><title>E3</title><summary type=\"html\">&lt;p&gt;Html "
	"summary.&lt;/p&gt;</summary></entry>\n"
	"</feed>\n";

static void test_feeds(void **state)
{
	static const reader_case cases[] = {
		{"f.xml", feed_rss,
		 "doc 7 -1 id-1|2025-02-14|World News|https://ex.com/1|First item "
		 "[Full text one.\n\nPara two.]\n"
		 "doc 16 -1 -|2025-02-13|World News|-|Second [Plain description two.]\n"
		 "doc 20 -1 -|-|Wire|-|Third [Text three.]\neof"},
		{"f.atom", feed_atom,
		 "doc 4 -1 urn:uuid:1|2025-02-09|Atom Feed|https://x.org/1|E1 "
		 "[Para A.\n\nPara B.]\n"
		 "doc 13 -1 -|2025-02-11|Atom Feed|-|E2 [Plain summary <b>kept</b>]\n"
		 "doc 15 -1 -|-|Atom Feed|-|E3 [Html summary.]\neof"},
		/* a bad date or a missing text loses that item only */
		{"f.rss",
		 "<rss><channel>\n<item><pubDate>someday</pubDate><description>a"
		 "</description></item>\n<item><title>No text</title></item>\n"
		 "<item/>\n<item><description>ok</description></item>\n"
		 "</channel></rss>",
		 "err -4 f.rss:2: unparseable date \"someday\"\n"
		 "err -4 f.rss:3: item has no text\n"
		 "err -4 f.rss:4: item has no text\n"
		 "doc 5 -1 -|-|-|-|- [ok]\neof"},
		/* malformed XML: items before the error come through */
		{"m.xml",
		 "<?xml version=\"1.0\"?>\n<rss><channel>\n"
		 "<item><title>ok</title><description>one</description></item>\n"
		 "<item><title>bad</title><description>x</descr></item>\n"
		 "<item><description>three</description></item></channel></rss>\n",
		 "doc 3 -1 -|-|-|-|ok [one]\n"
		 "err -4 m.xml:4: Opening and ending tag mismatch: description line 4 "
		 "and descr\neof"},
		{"t.xml", "<rss><channel><item><description>unclosed",
		 "err -4 t.xml:1: Extra content at the end of the document\neof"},
		{"s.xml", "<?xml version=\"1.0\"?>\n<urlset><url/></urlset>",
		 "err -4 s.xml: not an RSS or Atom feed (root element <urlset>)\neof"},
		{"e.xml", "", "err -4 e.xml: empty document\neof"},
		{"e.xml", "\n  \n", "err -4 e.xml: empty document\neof"},
		{"e.xml", "<rss><channel><title>Empty</title></channel></rss>", "eof"},
	};

	(void)state;
	RUN(cases, NULL);
}

static void test_feed_hostile(void **state)
{
	static const reader_case cases[] = {
		/* external entities are not loaded */
		{"x.xml",
		 "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
		 "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
		 "<rss><channel><item><title>T&xxe;</title>"
		 "<description>Body &xxe;end</description></item></channel></rss>",
		 "doc 4 -1 -|-|-|-|T [Body end]\neof"},
		/* entity expansion bombs are refused */
		{"b.xml",
		 "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
		 "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		 "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		 "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
		 "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
		 "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
		 "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
		 "]>\n<rss><channel><item><description>&g;&g;&g;&g;</description>"
		 "</item></channel></rss>",
		 "err -4 b.xml:11: Detected an entity reference loop\neof"},
	};

	(void)state;
	RUN(cases, NULL);
}

/* Items of every size before a malformed one all come through, whatever
 * the way the feed is cut into the pieces handed to libxml2. */
static void test_feed_items_before_error(void **state)
{
	vigil__buf in;
	mem_reader m;
	vigil_doc d;
	int i, k, rc;

	(void)state;
	vigil__buf_init(&in, 0);
	vigil__buf_puts(&in, "<?xml version=\"1.0\"?>\n<rss><channel>\n");
	for (i = 0; i < 60; i++) {
		vigil__buf_printf(&in, "<item><guid>g%d</guid><description>", i);
		for (k = 0; k < 1 + (i * 37) % 700; k++)
			vigil__buf_putc(&in, (char)('a' + k % 26));
		vigil__buf_puts(&in, "</description></item>");
	}
	vigil__buf_puts(&in, "<item><description>bad</descr></item>"
			     "<item><description>after</description></item>"
			     "</channel></rss>\n");
	assert_false(in.failed);
	mem_open(&m, "many.xml", in.data, in.len, NULL);
	for (i = 0; i < 60; i++) {
		char id[16];

		rc = vigil_reader_next(m.r, &d);
		if (rc != VIGIL_OK)
			print_error("item %d: %s\n", i, vigil_reader_errmsg(m.r));
		assert_int_equal(rc, VIGIL_OK);
		snprintf(id, sizeof(id), "g%d", i);
		assert_string_equal(d.id, id);
	}
	assert_int_equal(vigil_reader_next(m.r, &d), VIGIL_EINPUT);
	assert_string_equal(vigil_reader_errmsg(m.r),
			    "many.xml:3: Opening and ending tag mismatch: "
			    "description line 3 and descr");
	assert_int_equal(vigil_reader_next(m.r, &d), VIGIL_EOF);
	mem_close(&m);
	vigil__buf_free(&in);
}

/* Items, HTML pages and lines past max_doc_bytes are errors of their own. */
static void test_size_caps(void **state)
{
	static const reader_case cases[] = {
		{"c.rss",
		 "<rss><channel>\n<item><description>0123456789012345678901234567"
		 "890123456789012345678901234567890123456789</description></item>\n"
		 "<item><description>small</description></item></channel></rss>",
		 "err -4 c.rss:2: item larger than 64 bytes\n"
		 "doc 3 -1 -|-|-|-|- [small]\neof"},
		{"c.html",
		 "<html><body><p>0123456789012345678901234567890123456789012345678"
		 "9</p></body></html>",
		 "err -4 c.html: document larger than 64 bytes\neof"},
	};
	vigil_reader_options o = VIGIL_READER_OPTIONS_INIT;

	(void)state;
	o.max_doc_bytes = 64;
	RUN(cases, &o);
}

/* A read error is final and sticky. */
static void test_read_error(void **state)
{
	const char *path = tu_write_temp(".txt", "x", 1);
	char err[256];
	vigil_reader *r;
	vigil_doc d;
	FILE *f;

	(void)state;
	assert_non_null(path);
	f = fopen(path, "w"); /* reading from it fails with EBADF */
	assert_non_null(f);
	assert_int_equal(vigil_reader_open_stream(&r, f, "-", NULL, err,
						  sizeof(err)),
			 VIGIL_EIO);
	assert_null(r);
	assert_string_equal(err, "-: Bad file descriptor");
	assert_int_equal(vigil_reader_open_stream(&r, f, "w.txt", NULL, err,
						  sizeof(err)),
			 0);
	assert_int_equal(vigil_reader_next(r, &d), VIGIL_EIO);
	assert_string_equal(vigil_reader_errmsg(r), "w.txt: Bad file descriptor");
	assert_int_equal(vigil_reader_next(r, &d), VIGIL_EIO);
	vigil_reader_free(r);
	fclose(f);
	remove(path);
}

/* ---- Detection, streams and files ---------------------------------------- */

static void test_detect_format(void **state)
{
	static const struct {
		const char *name;
		const char *input;
		vigil_input_format format;
	} cases[] = {
		{"-", "{\"text\":\"a\"}", VIGIL_INPUT_JSONL},
		{"-", "\xEF\xBB\xBF  \n{\"text\":\"a\"}", VIGIL_INPUT_JSONL},
		{"-", "<!DOCTYPE html><html><p>x", VIGIL_INPUT_HTML},
		{"-", "<!doctype HTML>", VIGIL_INPUT_HTML},
		{"-", "\n<html lang=en><body>", VIGIL_INPUT_HTML},
		{"-", "<!-- c --><html>", VIGIL_INPUT_HTML},
		{"-", "<?xml version=\"1.0\"?><!DOCTYPE html><html>", VIGIL_INPUT_HTML},
		{"-", "<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">",
		 VIGIL_INPUT_FEED},
		{"-", "<?xml version=\"1.0\"?><feed xmlns=\"x\">", VIGIL_INPUT_FEED},
		{"-", "<rdf:RDF xmlns:rdf=\"x\">", VIGIL_INPUT_FEED},
		{"-", "<?xml version=\"1.0\"?><other/>", VIGIL_INPUT_FEED},
		{"-", "Title: A\n\nText", VIGIL_INPUT_TEXT},
		{"-", "<htmlish> text", VIGIL_INPUT_TEXT},
		{"-", "", VIGIL_INPUT_TEXT},
		{"story", "{\"text\":\"a\"}", VIGIL_INPUT_JSONL},
		{"a.TXT", "{\"text\":\"a\"}", VIGIL_INPUT_TEXT},
		{"a.jsonl", "<html>", VIGIL_INPUT_JSONL},
		{"a.NDJSON", "", VIGIL_INPUT_JSONL},
		{"a.htm", "x", VIGIL_INPUT_HTML},
		{"a.rss", "x", VIGIL_INPUT_FEED},
		{"a.atom", "x", VIGIL_INPUT_FEED},
		{"dir.xml/story", "Text", VIGIL_INPUT_TEXT},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mem_reader m;

		mem_open(&m, cases[i].name, cases[i].input, strlen(cases[i].input),
			 NULL);
		assert_int_equal(m.rc, 0);
		if (m.r->format != cases[i].format)
			print_error("case %zu: format %d\n", i, (int)m.r->format);
		assert_int_equal(m.r->format, cases[i].format);
		mem_close(&m);
	}
}

/* The bytes peeked to detect the format are read again by the reader. */
static void test_stdin_stream(void **state)
{
	static const reader_case cases[] = {
		{"-", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n",
		 "doc 1 -1 -|-|-|-|- [a]\ndoc 2 -1 -|-|-|-|- [b]\neof"},
		{"-", "Title: T\n\nBody", "doc 1 10 -|-|-|-|T [Body]\neof"},
		{"-", "<!DOCTYPE html><title>T</title><p>Body</p>",
		 "doc 1 -1 -|-|-|-|T [Body]\neof"},
		{"-", "<?xml version=\"1.0\"?><rss><channel><item><description>d"
		      "</description></item></channel></rss>",
		 "doc 1 -1 -|-|-|-|- [d]\neof"},
		{"-", "", "err -4 -: empty document\neof"},
	};
	vigil_reader_options o = VIGIL_READER_OPTIONS_INIT;

	(void)state;
	RUN(cases, NULL);
	/* an explicit format overrides detection */
	o.format = VIGIL_INPUT_TEXT;
	{
		static const reader_case forced[] = {
			{"-", "{\"text\":\"a\"}", "doc 1 0 -|-|-|-|- [{\"text\":\"a\"}]\neof"},
		};
		RUN(forced, &o);
	}
}

/* A text longer than the 64 KiB read buffer arrives whole. */
static void test_large_text(void **state)
{
	size_t n = 300000, i;
	char *data = malloc(n);
	mem_reader m;
	vigil_doc d;

	(void)state;
	assert_non_null(data);
	memcpy(data, "Title: Big\n\n", 12);
	for (i = 12; i < n; i++)
		data[i] = (char)('a' + i % 26);
	mem_open(&m, "-", data, n, NULL);
	assert_int_equal(vigil_reader_next(m.r, &d), VIGIL_OK);
	assert_string_equal(d.title, "Big");
	assert_int_equal(d.text_offset, 12);
	assert_int_equal(d.text_len, n - 12);
	assert_memory_equal(d.text, data + 12, n - 12);
	mem_close(&m);
	free(data);
}

static void test_open_errors(void **state)
{
	char err[256];
	vigil_reader *r = (vigil_reader *)1;
	const char *path;

	(void)state;
	assert_int_equal(vigil_reader_open(&r, "/nonexistent/story.txt", NULL, err,
					   sizeof(err)),
			 VIGIL_EIO);
	assert_null(r);
	assert_string_equal(err, "/nonexistent/story.txt: No such file or directory");
	assert_int_equal(vigil_reader_open(&r, "/tmp", NULL, err, sizeof(err)),
			 VIGIL_EIO);
	assert_null(r);
	assert_string_equal(err, "/tmp: Is a directory");
	/* a NULL errbuf is allowed */
	assert_int_equal(vigil_reader_open(&r, "/nonexistent", NULL, NULL, 0),
			 VIGIL_EIO);
	vigil_reader_free(NULL);
	assert_string_equal(vigil_reader_errmsg(NULL), "");

	/* a real file, opened and closed by the reader */
	path = tu_write_temp(".jsonl", "{\"text\":\"x\"}\n", 13);
	assert_non_null(path);
	assert_int_equal(vigil_reader_open(&r, path, NULL, err, sizeof(err)), 0);
	{
		vigil_doc d;

		assert_int_equal(vigil_reader_next(r, &d), VIGIL_OK);
		assert_string_equal(d.origin, path);
		assert_string_equal(d.text, "x");
		assert_int_equal(vigil_reader_next(r, &d), VIGIL_EOF);
		assert_string_equal(vigil_reader_errmsg(r), "");
	}
	vigil_reader_free(r);
	remove(path);
}

/* The seed article reads as one plain-text document. */
static void test_seed_article(void **state)
{
	const char *path;
	char err[256];
	vigil_reader *r;
	vigil_doc d;
	size_t len = 0;
	char *raw;

	(void)state;
	path = tu_seed_path();
	raw = path ? tu_read_file(path, &len) : NULL;
	if (!raw)
		skip(); /* ../shared/seed is not here */
	assert_int_equal(vigil_reader_open(&r, path, NULL, err, sizeof(err)), 0);
	assert_int_equal(vigil_reader_next(r, &d), VIGIL_OK);
	assert_int_equal(d.text_len, len);
	assert_int_equal(d.text_offset, 0);
	assert_null(d.title);
	assert_memory_equal(d.text, raw, len);
	assert_int_equal(vigil_reader_next(r, &d), VIGIL_EOF);
	vigil_reader_free(r);
	free(raw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_date_normalize),
		cmocka_unit_test(test_text_header),
		cmocka_unit_test(test_text_empty_and_limits),
		cmocka_unit_test(test_text_binary_passthrough),
		cmocka_unit_test(test_default_date),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_jsonl_nul_in_text),
		cmocka_unit_test(test_jsonl_long_line),
		cmocka_unit_test(test_jsonl_flat_memory),
		cmocka_unit_test(test_json_flat_matches_jansson),
		cmocka_unit_test(test_html_article),
		cmocka_unit_test(test_html_layouts),
		cmocka_unit_test(test_feeds),
		cmocka_unit_test(test_feed_hostile),
		cmocka_unit_test(test_feed_items_before_error),
		cmocka_unit_test(test_size_caps),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_detect_format),
		cmocka_unit_test(test_stdin_stream),
		cmocka_unit_test(test_large_text),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_seed_article),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
