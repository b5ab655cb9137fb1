/*
 * read_jsonl.c: JSON Lines, one document per line:
 * {"id","date","source","url","title","text"}; "text" is a required string,
 * the others optional strings or null, unknown keys ignored. Lines are read
 * into one reused buffer and each parsed object lives until the next call,
 * so memory stays flat however many documents the file holds. A bad line is
 * reported with its line number and skipped. Lines go to the fast parser of
 * json_flat.c first and to jansson when it gives up.
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <stddef.h>
#include <string.h>

#include <jansson.h>

/* The members read; the rest of an object is ignored. */
enum member { M_TEXT, M_ID, M_DATE, M_SOURCE, M_URL, M_TITLE, NMEMBERS };

static const char *const member_names[NMEMBERS] = {
    "text", "id", "date", "source", "url", "title",
};

/* Where each optional string member goes in vigil_doc. */
static const struct {
	enum member m;
	size_t field; /* offsetof a const char * in vigil_doc */
} doc_fields[] = {
    {M_ID, offsetof(vigil_doc, id)},
    {M_SOURCE, offsetof(vigil_doc, source)},
    {M_URL, offsetof(vigil_doc, url)},
    {M_TITLE, offsetof(vigil_doc, title)},
};

void vigil__jsonl_release(vigil_reader *r)
{
	json_decref((json_t *)r->json);
	r->json = NULL;
}

static int is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c != ' ' && c != '\t' && c != '\r' && c != '\n' &&
		    c != '\f' && c != '\v')
			return 0;
	}
	return 1;
}

/*
 * Collects the members of an object parsed by jansson into m[] (borrowed
 * from the object). Values other than strings and null are errors.
 */
static int jansson_members(vigil_reader *r, json_t *obj, unsigned long line,
			   vigil__json_str m[NMEMBERS])
{
	int k;

	memset(m, 0, NMEMBERS * sizeof(m[0]));
	if (!json_is_object(obj))
		return vigil__reader_error(r, VIGIL_EINPUT, line,
					   "not a JSON object");
	for (k = 0; k < NMEMBERS; k++) {
		json_t *v = json_object_get(obj, member_names[k]);

		if (!v)
			continue;
		m[k].present = 1;
		if (json_is_null(v)) {
			m[k].is_null = 1;
			continue;
		}
		if (!json_is_string(v))
			return vigil__reader_error(r, VIGIL_EINPUT, line,
						   "\"%s\" is not a string",
						   member_names[k]);
		m[k].s = json_string_value(v);
		m[k].len = json_string_length(v);
		m[k].has_nul = strlen(m[k].s) != m[k].len;
	}
	return 0;
}

/* Checks the members of line `line` and turns them into *doc. */
static int members_to_doc(vigil_reader *r, const vigil__json_str m[NMEMBERS],
			  unsigned long line, vigil_doc *doc)
{
	size_t i;
	int rc;

	if (!m[M_TEXT].present)
		return vigil__reader_error(r, VIGIL_EINPUT, line,
					   "missing \"text\"");
	if (m[M_TEXT].is_null)
		return vigil__reader_error(r, VIGIL_EINPUT, line,
					   "\"text\" is not a string");
	for (i = 0; i < sizeof(doc_fields) / sizeof(doc_fields[0]); i++) {
		const vigil__json_str *v = &m[doc_fields[i].m];
		const char **field =
		    (const char **)((char *)doc + doc_fields[i].field);

		if (v->has_nul)
			return vigil__reader_error(
			    r, VIGIL_EINPUT, line,
			    "\"%s\" contains a NUL character",
			    member_names[doc_fields[i].m]);
		*field = v->s && v->len ? v->s : NULL;
	}
	if (m[M_DATE].has_nul)
		return vigil__reader_error(r, VIGIL_EINPUT, line,
					   "\"date\" contains a NUL character");
	if (m[M_DATE].s) {
		rc = vigil__reader_date(r, &doc->date, m[M_DATE].s,
					m[M_DATE].len, line);
		if (rc < 0)
			return rc;
	}
	if (is_blank(m[M_TEXT].s, m[M_TEXT].len))
		return vigil__reader_error(r, VIGIL_EINPUT, line,
					   "empty document");
	doc->text = m[M_TEXT].s;
	doc->text_len = m[M_TEXT].len;
	doc->line = line;
	doc->text_offset = -1;
	return 0;
}

/* Parses one non-blank line: the fast parser, else jansson. */
static int parse_line(vigil_reader *r, const char *s, size_t len,
		      vigil_doc *doc)
{
	vigil__json_str m[NMEMBERS];
	json_error_t jerr;
	int rc;

	rc = vigil__json_flat(&r->arena, s, len, member_names, NMEMBERS, m);
	if (rc < 0)
		return VIGIL_ENOMEM;
	if (rc > 0) {
		r->json = json_loadb(s, len, JSON_ALLOW_NUL, &jerr);
		if (!r->json)
			return vigil__reader_error(
			    r, VIGIL_EINPUT, r->lineno,
			    "invalid JSON at column %d: %s", jerr.column,
			    jerr.text);
		rc = jansson_members(r, r->json, r->lineno, m);
		if (rc < 0)
			return rc;
	}
	return members_to_doc(r, m, r->lineno, doc);
}

int vigil__read_jsonl(vigil_reader *r, vigil_doc *doc)
{
	vigil__jsonl_release(r);
	for (;;) {
		const char *s;
		size_t len;
		int too_long, rc;

		rc = vigil__in_getline(&r->in, &r->data, r->max_doc, &too_long);
		if (rc == 0) {
			r->done = 1;
			return VIGIL_EOF;
		}
		if (rc < 0)
			return rc;
		r->lineno++;
		if (too_long)
			return vigil__reader_error(r, VIGIL_EINPUT, r->lineno,
						   "line longer than %zu bytes",
						   r->max_doc);
		s = r->data.data ? r->data.data : "";
		len = r->data.len;
		if (r->lineno == 1 && len >= 3 &&
		    memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			len -= 3;
		}
		if (is_blank(s, len))
			continue;
		return parse_line(r, s, len, doc);
	}
}
