/*
 * read_html.c: an HTML file is one document: its article text and metadata
 * as found by html_extract.c. The text is decoded (entities, charset), so
 * text_offset is -1.
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

static int is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f')
			return 0;
	return 1;
}

int vigil__read_html(vigil_reader *r, vigil_doc *doc)
{
	vigil__html_meta meta;
	int rc;

	rc = vigil__reader_slurp(r);
	if (rc < 0)
		return rc;
	if (is_blank(r->data.data, r->data.len))
		return vigil__reader_error(r, VIGIL_EINPUT, 0,
					   "empty document");
	rc = vigil__html_extract(&r->arena, &r->out,
				 r->data.data ? r->data.data : "", r->data.len,
				 0, &meta);
	if (rc < 0)
		return rc;
	if (r->out.len == 0)
		return vigil__reader_error(r, VIGIL_EINPUT, 0,
					   "no article text found");
	doc->title = meta.title;
	doc->date = meta.date;
	doc->url = meta.url;
	doc->source = meta.source;
	doc->text = r->out.data;
	doc->text_len = r->out.len;
	doc->line = 1;
	doc->text_offset = -1;
	return 0;
}
