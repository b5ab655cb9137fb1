/*
 * read_text.c: plain text files: the whole file is one document. An optional
 * header block at the very top (lines "Title:", "Date:", "Source:", "URL:",
 * any case and order, each at most once, ended by a blank line) gives the
 * metadata; anything else there means the file has no header at all. The
 * body bytes are passed through untouched (the text stage validates them).
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <string.h>
#include <strings.h>

enum header_key { KEY_TITLE, KEY_DATE, KEY_SOURCE, KEY_URL, NKEYS };

static const char *const key_names[NKEYS] = {"title", "date", "source", "url"};

/* One header value: [val, val+len) on line `line`; line 0: absent. */
typedef struct header_field {
	const char *val;
	size_t len;
	unsigned long line;
} header_field;

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

static int is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!is_space((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Returns the key of a "Key: value" line, or -1. */
static int line_key(const char *s, size_t len, size_t *colon)
{
	const char *c = memchr(s, ':', len);
	int k;

	if (!c)
		return -1;
	for (k = 0; k < NKEYS; k++) {
		size_t n = strlen(key_names[k]);

		if ((size_t)(c - s) == n &&
		    strncasecmp(s, key_names[k], n) == 0) {
			*colon = n;
			return k;
		}
	}
	return -1;
}

/*
 * Parses the header block of [s, s+len). Returns the byte offset where the
 * body starts: after the blank line ending a header, or 0 when the file has
 * no header (then no field is set).
 */
static size_t parse_header(const char *s, size_t len, header_field f[NKEYS])
{
	size_t pos = 0, colon = 0;
	unsigned long line = 1;
	int nfields = 0;

	memset(f, 0, NKEYS * sizeof(f[0]));
	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;
		int k;

		if (is_blank(s + pos, end - pos)) {
			if (nfields == 0 || !nl)
				break;
			return end + 1;
		}
		k = line_key(s + pos, end - pos, &colon);
		if (k < 0 || f[k].line || !nl)
			break;
		f[k].val = s + pos + colon + 1;
		f[k].len = end - pos - colon - 1;
		f[k].line = line;
		nfields++;
		pos = end + 1;
		line++;
	}
	memset(f, 0, NKEYS * sizeof(f[0]));
	return 0;
}

/* Stores a trimmed copy of a header value in the arena; empty: NULL. */
static int header_string(vigil_reader *r, const char **out,
			 const header_field *f)
{
	const char *v = f->val;
	size_t n = f->len;

	*out = NULL;
	while (n && is_space((unsigned char)*v)) {
		v++;
		n--;
	}
	while (n && is_space((unsigned char)v[n - 1]))
		n--;
	if (!f->line || n == 0)
		return 0;
	*out = vigil__arena_strndup(&r->arena, v, n);
	return *out ? 0 : VIGIL_ENOMEM;
}

int vigil__read_text(vigil_reader *r, vigil_doc *doc)
{
	header_field f[NKEYS];
	const char *s;
	size_t len, start = 0, body;
	int rc;

	rc = vigil__reader_slurp(r);
	if (rc < 0)
		return rc;
	s = r->data.data ? r->data.data : "";
	len = r->data.len;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	body = start + parse_header(s + start, len - start, f);
	if (is_blank(s + body, len - body))
		return vigil__reader_error(r, VIGIL_EINPUT, 0,
					   "empty document");
	rc = vigil__reader_date(r, &doc->date, f[KEY_DATE].val, f[KEY_DATE].len,
				f[KEY_DATE].line);
	if (rc < 0)
		return rc;
	if (header_string(r, &doc->title, &f[KEY_TITLE]) < 0 ||
	    header_string(r, &doc->source, &f[KEY_SOURCE]) < 0 ||
	    header_string(r, &doc->url, &f[KEY_URL]) < 0)
		return VIGIL_ENOMEM;
	doc->text = s + body;
	doc->text_len = len - body;
	doc->line = 1;
	doc->text_offset = (long long)body;
	return 0;
}
