/*
 * reader.c: the vigil_reader handle (see vigil/document.h): opening a file
 * or stream, choosing the format from the file name or else from the first
 * bytes, dispatching next() to the format's reader, and error messages of
 * the form "FILE:LINE: what". Each reader owns all its state: thread-safe
 * as long as one reader is used by one thread at a time.
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#define DEFAULT_MAX_DOC ((size_t)64 * 1024 * 1024)
#define SNIFF_BYTES	4096u

/* ---- Errors -------------------------------------------------------------- */

int vigil__reader_error(vigil_reader *r, int code, unsigned long line,
			const char *fmt, ...)
{
	va_list ap;
	int n;

	if (line)
		n = snprintf(r->errmsg, sizeof(r->errmsg), "%s:%lu: ", r->name,
			     line);
	else
		n = snprintf(r->errmsg, sizeof(r->errmsg), "%s: ", r->name);
	if (n < 0 || (size_t)n >= sizeof(r->errmsg))
		return code;
	va_start(ap, fmt);
	vsnprintf(r->errmsg + n, sizeof(r->errmsg) - (size_t)n, fmt, ap);
	va_end(ap);
	return code;
}

static void set_errbuf(char *errbuf, size_t errlen, const char *name,
		       const char *what)
{
	if (errbuf && errlen)
		snprintf(errbuf, errlen, "%s: %s", name, what);
}

const char *vigil__reader_default_date(const vigil_reader *r)
{
	return r->default_date[0] ? r->default_date : NULL;
}

int vigil__reader_date(vigil_reader *r, const char **out, const char *s,
		       size_t len, unsigned long line)
{
	char date[VIGIL__DATE_LEN + 1];

	*out = NULL;
	while (len && strchr(" \t\r\n", *s) && *s) {
		s++;
		len--;
	}
	while (len && strchr(" \t\r\n", s[len - 1]) && s[len - 1])
		len--;
	if (len == 0)
		return 0;
	if (vigil__date_normalize(s, len, date) < 0) {
		int n = len > 64 ? 64 : (int)len;

		return vigil__reader_error(r, VIGIL_EINPUT, line,
					   "unparseable date \"%.*s%s\"", n, s,
					   len > 64 ? "..." : "");
	}
	*out = vigil__arena_strndup(&r->arena, date, VIGIL__DATE_LEN);
	return *out ? 0
		    : vigil__reader_error(r, VIGIL_ENOMEM, 0, "out of memory");
}

/* ---- Format detection ---------------------------------------------------- */

static const struct {
	const char *ext;
	vigil_input_format format;
} extensions[] = {
    {".txt", VIGIL_INPUT_TEXT},	    {".jsonl", VIGIL_INPUT_JSONL},
    {".ndjson", VIGIL_INPUT_JSONL}, {".html", VIGIL_INPUT_HTML},
    {".htm", VIGIL_INPUT_HTML},	    {".xml", VIGIL_INPUT_FEED},
    {".rss", VIGIL_INPUT_FEED},	    {".atom", VIGIL_INPUT_FEED},
};

static vigil_input_format format_from_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t i;

	if (!dot || strchr(dot, '/'))
		return VIGIL_INPUT_AUTO;
	for (i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
		if (strcasecmp(dot, extensions[i].ext) == 0)
			return extensions[i].format;
	return VIGIL_INPUT_AUTO;
}

static int starts_with_ci(const unsigned char *p, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return n >= k && strncasecmp((const char *)p, lit, k) == 0;
}

static size_t skip_blank(const unsigned char *p, size_t n, size_t i)
{
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
			 p[i] == '\n' || p[i] == '\f'))
		i++;
	return i;
}

/* Returns the first occurrence of `lit` in [p, p+n), or NULL. */
static const unsigned char *find(const unsigned char *p, size_t n,
				 const char *lit)
{
	size_t k = strlen(lit), i;

	for (i = 0; i + k <= n; i++)
		if (p[i] == (unsigned char)lit[0] && memcmp(p + i, lit, k) == 0)
			return p + i;
	return NULL;
}

/* Skips "<?...?>", "<!--...-->" and "<!DOCTYPE ...>" (unless it is the
 * HTML one) before the root element; returns where the root may start. */
static size_t skip_prolog(const unsigned char *p, size_t n, size_t i)
{
	for (;;) {
		const unsigned char *e;

		i = skip_blank(p, n, i);
		if (starts_with_ci(p + i, n - i, "<?"))
			e = find(p + i, n - i, "?>");
		else if (starts_with_ci(p + i, n - i, "<!--"))
			e = find(p + i, n - i, "-->");
		else if (starts_with_ci(p + i, n - i, "<!doctype") &&
			 !starts_with_ci(p + i, n - i, "<!doctype html"))
			e = memchr(p + i, '>', n - i);
		else
			return i;
		if (!e)
			return n;
		i = (size_t)(e - p) + (*e == '>' ? 1 : *e == '?' ? 2 : 3);
	}
}

/* Whether p starts with "<name" followed by a delimiter (or the end). */
static int is_tag(const unsigned char *p, size_t n, const char *name)
{
	size_t k = strlen(name);

	return n > k && p[0] == '<' &&
	       strncasecmp((const char *)p + 1, name, k) == 0 &&
	       (n == k + 1 || (p[k + 1] && strchr(" \t\r\n>/", p[k + 1])));
}

static vigil_input_format format_from_content(const unsigned char *p, size_t n)
{
	static const char *const feed_roots[] = {"rss", "feed", "rdf:RDF"};
	size_t i = 0, j, k;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	i = skip_blank(p, n, i);
	if (i < n && p[i] == '{')
		return VIGIL_INPUT_JSONL;
	if (i == n || p[i] != '<')
		return VIGIL_INPUT_TEXT;
	j = skip_prolog(p, n, i);
	if (starts_with_ci(p + j, n - j, "<!doctype html") ||
	    is_tag(p + j, n - j, "html"))
		return VIGIL_INPUT_HTML;
	for (k = 0; k < sizeof(feed_roots) / sizeof(feed_roots[0]); k++)
		if (is_tag(p + j, n - j, feed_roots[k]))
			return VIGIL_INPUT_FEED;
	/* Other XML goes to the feed reader, which names its root element. */
	if (starts_with_ci(p + i, n - i, "<?xml"))
		return VIGIL_INPUT_FEED;
	if (is_tag(p + j, n - j, "head") || is_tag(p + j, n - j, "body"))
		return VIGIL_INPUT_HTML;
	return VIGIL_INPUT_TEXT;
}

/* ---- Open and free ------------------------------------------------------- */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

void vigil_reader_free(vigil_reader *r)
{
	if (!r)
		return;
	vigil__jsonl_release(r);
	vigil__feed_free(r->feed);
	if (r->own_file && r->in.f)
		fclose(r->in.f);
	vigil__in_free(&r->in);
	vigil__arena_free(&r->arena);
	vigil__buf_free(&r->data);
	vigil__buf_free(&r->out);
	free(r->name);
	free(r);
}

static int setup(vigil_reader *r, FILE *f, const char *name,
		 const vigil_reader_options *opts, char *errbuf, size_t errlen)
{
	vigil_input_format format = opts ? opts->format : VIGIL_INPUT_AUTO;
	const unsigned char *p;
	long n;

	r->max_doc =
	    opts && opts->max_doc_bytes ? opts->max_doc_bytes : DEFAULT_MAX_DOC;
	vigil__arena_init(&r->arena, 0);
	vigil__buf_init(&r->data, r->max_doc);
	/* Extracted text is bounded by the capped input it comes from (at
	 * most about twice its size, when a Latin-1 page becomes UTF-8). */
	vigil__buf_init(&r->out, 0);
	r->name = strdup(name);
	if (!r->name || vigil__in_init(&r->in, f) < 0) {
		set_errbuf(errbuf, errlen, name, "out of memory");
		return VIGIL_ENOMEM;
	}
	if (opts && opts->default_date) {
		const char *d = opts->default_date;

		if (vigil__date_normalize(d, strlen(d), r->default_date) < 0) {
			set_errbuf(errbuf, errlen, name,
				   "invalid default date");
			return VIGIL_EINPUT;
		}
	}
	if ((int)format < VIGIL_INPUT_AUTO || format > VIGIL_INPUT_FEED) {
		set_errbuf(errbuf, errlen, name, "unknown input format");
		return VIGIL_EINPUT;
	}
	if (format == VIGIL_INPUT_AUTO && strcmp(name, "-") != 0)
		format = format_from_name(name);
	if (format == VIGIL_INPUT_AUTO) {
		n = vigil__in_peek(&r->in, SNIFF_BYTES, &p);
		if (n < 0) {
			set_errbuf(errbuf, errlen, name, strerror(r->in.err));
			return VIGIL_EIO;
		}
		format = format_from_content(p, (size_t)n);
	}
	r->format = format;
	if (format == VIGIL_INPUT_HTML || format == VIGIL_INPUT_FEED)
		pthread_once(&xml_once, xml_init);
	return 0;
}

int vigil_reader_open_stream(vigil_reader **out, FILE *stream, const char *name,
			     const vigil_reader_options *opts, char *errbuf,
			     size_t errlen)
{
	vigil_reader *r;
	int rc;

	*out = NULL;
	if (!name)
		name = "-";
	if (!stream) {
		set_errbuf(errbuf, errlen, name, "no stream");
		return VIGIL_EIO;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		set_errbuf(errbuf, errlen, name, "out of memory");
		return VIGIL_ENOMEM;
	}
	rc = setup(r, stream, name, opts, errbuf, errlen);
	if (rc < 0) {
		vigil_reader_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int vigil_reader_open(vigil_reader **out, const char *path,
		      const vigil_reader_options *opts, char *errbuf,
		      size_t errlen)
{
	struct stat st;
	FILE *f;
	int rc;

	*out = NULL;
	if (strcmp(path, "-") == 0)
		return vigil_reader_open_stream(out, stdin, "-", opts, errbuf,
						errlen);
	f = fopen(path, "rb");
	if (!f) {
		set_errbuf(errbuf, errlen, path, strerror(errno));
		return VIGIL_EIO;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		set_errbuf(errbuf, errlen, path, strerror(EISDIR));
		return VIGIL_EIO;
	}
	rc = vigil_reader_open_stream(out, f, path, opts, errbuf, errlen);
	if (rc < 0) {
		fclose(f);
		return rc;
	}
	(*out)->own_file = 1;
	return 0;
}

/* ---- Reading ------------------------------------------------------------- */

int vigil_reader_next(vigil_reader *r, vigil_doc *doc)
{
	int rc;

	memset(doc, 0, sizeof(*doc));
	if (r->fatal)
		return r->fatal;
	if (r->done)
		return VIGIL_EOF;
	vigil__arena_reset(&r->arena);
	r->errmsg[0] = '\0';
	switch (r->format) {
	case VIGIL_INPUT_JSONL:
		rc = vigil__read_jsonl(r, doc);
		break;
	case VIGIL_INPUT_HTML:
		rc = vigil__read_html(r, doc);
		break;
	case VIGIL_INPUT_FEED:
		rc = vigil__read_feed(r, doc);
		break;
	default:
		rc = vigil__read_text(r, doc);
		break;
	}
	if (rc == VIGIL_EIO || rc == VIGIL_ENOMEM) {
		if (!r->errmsg[0])
			vigil__reader_error(r, rc, 0, "%s",
					    rc == VIGIL_EIO && r->in.err
						? strerror(r->in.err)
						: vigil_strerror(rc));
		r->fatal = rc;
	}
	if (rc == VIGIL_OK) {
		doc->origin = r->name;
		if (!doc->date)
			doc->date = vigil__reader_default_date(r);
	} else {
		memset(doc, 0, sizeof(*doc));
	}
	return rc;
}

const char *vigil_reader_errmsg(const vigil_reader *r)
{
	return r ? r->errmsg : "";
}

int vigil__reader_slurp(vigil_reader *r)
{
	int rc;

	r->done = 1;
	vigil__buf_clear(&r->data);
	rc = vigil__in_read_all(&r->in, &r->data);
	if (rc == VIGIL_EINPUT)
		return vigil__reader_error(
		    r, rc, 0, "document larger than %zu bytes", r->max_doc);
	return rc < 0 ? rc : 0;
}
