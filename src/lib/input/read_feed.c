/*
 * read_feed.c: RSS 2.0 / RSS 1.0 / Atom feeds, one document per <item> or
 * <entry>, streamed with libxml2's xmlTextReader so a feed of any length
 * needs memory for one item only. Safe on hostile XML: no network, no DTD
 * loading, no entity substitution (so no external entities and no entity
 * expansion bombs); entity references are simply dropped. An item's HTML
 * content goes through html_extract.c. Namespaces are checked, so
 * <media:content> or <media:title> are not mistaken for the item's own.
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#define READER_OPTIONS                                                         \
	(XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

#define NS_ATOM	   "http://www.w3.org/2005/Atom"
#define NS_DC	   "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_CORE	   NULL /* none, Atom, RSS 1.0 or Atom 0.3: see is_core_ns */

/* Item fields in order of preference within each group; F_CHANNEL is the
 * feed's own title, the default source. */
enum field {
	F_TITLE,
	F_LINK,
	F_ID,
	F_SOURCE,
	/* dates, the preferred first */
	F_PUBDATE,
	F_PUBLISHED,
	F_DCDATE,
	F_UPDATED,
	/* texts, the preferred first */
	F_ENCODED,
	F_CONTENT,
	F_DESCRIPTION,
	F_SUMMARY,
	F_CHANNEL,
	NFIELDS
};

/* How a field's text is to be read. */
enum ftype { FT_HTML, FT_TEXT, FT_XHTML };

static const struct {
	const char *name; /* local name */
	const char *ns;	  /* namespace URI, or NS_CORE */
	enum field field;
} field_names[] = {
    {"title", NS_CORE, F_TITLE},
    {"link", NS_CORE, F_LINK},
    {"guid", NS_CORE, F_ID},
    {"id", NS_CORE, F_ID},
    {"source", NS_CORE, F_SOURCE},
    {"pubDate", NS_CORE, F_PUBDATE},
    {"published", NS_CORE, F_PUBLISHED},
    {"issued", NS_CORE, F_PUBLISHED},
    {"date", NS_DC, F_DCDATE},
    {"updated", NS_CORE, F_UPDATED},
    {"modified", NS_CORE, F_UPDATED},
    {"encoded", NS_CONTENT, F_ENCODED},
    {"content", NS_CORE, F_CONTENT},
    {"description", NS_CORE, F_DESCRIPTION},
    {"summary", NS_CORE, F_SUMMARY},
};

static const char *const core_namespaces[] = {
    NS_ATOM,
    "http://purl.org/rss/1.0/",
    "http://purl.org/atom/ns#",
    "http://backend.userland.com/rss2",
};

static const char *const feed_roots[] = {"rss", "feed", "RDF"};

typedef struct field_text {
	vigil__buf buf;
	unsigned long line; /* 0: the field was not seen */
	enum ftype type;
} field_text;

struct vigil__feed {
	xmlTextReaderPtr xr;
	int root_seen;
	int pending; /* the current node is loaded but not handled */
	int in_item;
	int item_depth;
	unsigned long item_line;
	int too_big; /* a field of the item passed max_doc_bytes */
	int field;   /* the field being read, or -1 */
	int field_depth;
	field_text f[NFIELDS];
	/* the first XML error since the last report */
	char err[400];
	int err_line;
	int err_level;
};

/* ---- libxml2 callbacks --------------------------------------------------- */

/* Whether [p, gt] (gt at a '>') ends an item: "</item>", "</entry>", or
 * the same with a namespace prefix. */
static int ends_item(const unsigned char *p, const unsigned char *gt)
{
	static const char *const names[] = {"item", "entry"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t k = strlen(names[i]);
		const unsigned char *q = gt - k;

		if (gt - p < (long)k + 2 || memcmp(q, names[i], k) != 0)
			continue;
		if (q[-1] == ':')
			for (q--; q > p && q[-1] != '/' && q[-1] != '<' &&
				  q[-1] != '>';
			     q--)
				;
		if (q - p >= 2 && q[-1] == '/' && q[-2] == '<')
			return 1;
	}
	return 0;
}

/*
 * The most bytes handed to libxml2 per read: less than the 512-byte chunks
 * in which xmlTextReader feeds its parser (CHUNK_SIZE in xmlreader.c), so
 * that each read is parsed whole, alone, and the reader's input buffer is
 * trimmed after each one. Larger or irregular reads make that buffer keep
 * the whole feed (libxml2 2.9 trims it only when under a chunk is left).
 */
#define PIECE_MAX 480

/*
 * Hands the parser the next piece of the feed: at most PIECE_MAX bytes,
 * ending right after an item end tag if there is one, else before the last
 * '<' so that no tag is split. libxml2's reader stops at the first fatal
 * error it has parsed, even ahead of the node it returns; ending pieces at
 * item ends keeps a malformed item from reaching the parser before the
 * items in front of it are delivered.
 */
static int io_read(void *ctx, char *buf, int len)
{
	vigil_reader *r = ctx;
	const unsigned char *p, *gt, *end, *lt;
	size_t cap = len < PIECE_MAX ? (size_t)len : PIECE_MAX;
	long n = vigil__in_peek(&r->in, cap, &p);

	if (n <= 0)
		return n < 0 ? -1 : 0;
	if ((size_t)n > cap)
		n = (long)cap;
	end = p + n;
	for (gt = p; (gt = memchr(gt, '>', (size_t)(end - gt))) != NULL; gt++) {
		if (ends_item(p, gt)) {
			n = gt + 1 - p;
			break;
		}
	}
	if (!gt && (size_t)n == cap) {
		for (lt = end - 1; lt > p && *lt != '<'; lt--)
			;
		if (lt > p)
			n = lt - p;
	}
	n = vigil__in_read(&r->in, buf, (size_t)n);
	return n < 0 ? -1 : (int)n;
}

static int io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* Keeps the first fatal error, else the first error; drops warnings. */
static void on_error(void *ctx, xmlErrorPtr e)
{
	vigil__feed *f = ctx;
	size_t n;

	if (!e || e->level < XML_ERR_ERROR || f->err_level >= (int)e->level)
		return;
	if (f->err_level == XML_ERR_ERROR && e->level != XML_ERR_FATAL)
		return;
	snprintf(f->err, sizeof(f->err), "%s",
		 e->message ? e->message : "XML error");
	n = strlen(f->err);
	while (n && (f->err[n - 1] == '\n' || f->err[n - 1] == ' '))
		f->err[--n] = '\0';
	/* Errors inside an entity's replacement text count lines from the
	 * entity; the parser's position in the file is the useful one. */
	f->err_line = !e->file && f->xr
			  ? xmlTextReaderGetParserLineNumber(f->xr)
			  : e->line;
	f->err_level = (int)e->level;
}

/* ---- State --------------------------------------------------------------- */

void vigil__feed_free(vigil__feed *f)
{
	int i;

	if (!f)
		return;
	if (f->xr)
		xmlFreeTextReader(f->xr);
	for (i = 0; i < NFIELDS; i++)
		vigil__buf_free(&f->f[i].buf);
	free(f);
}

static int feed_start(vigil_reader *r)
{
	vigil__feed *f = calloc(1, sizeof(*f));
	const unsigned char *p;
	long n, i;
	int k;

	if (!f)
		return VIGIL_ENOMEM;
	r->feed = f;
	f->field = -1;
	for (k = 0; k < NFIELDS; k++)
		vigil__buf_init(&f->f[k].buf, 0);
	n = vigil__in_peek(&r->in, VIGIL__IN_CHUNK, &p);
	if (n < 0)
		return (int)n;
	for (i = 0; i < n && p[i] && strchr(" \t\r\n", p[i]); i++)
		;
	if (i == n && (size_t)n < VIGIL__IN_CHUNK) {
		r->done = 1;
		return vigil__reader_error(r, VIGIL_EINPUT, 0,
					   "empty document");
	}
	f->xr =
	    xmlReaderForIO(io_read, io_close, r, r->name, NULL, READER_OPTIONS);
	if (!f->xr)
		return r->in.err ? VIGIL_EIO : VIGIL_ENOMEM;
	xmlTextReaderSetStructuredErrorHandler(f->xr, on_error, f);
	return 0;
}

static void start_item(vigil__feed *f, int depth, unsigned long line)
{
	int k;

	for (k = 0; k < F_CHANNEL; k++) {
		vigil__buf_clear(&f->f[k].buf);
		f->f[k].line = 0;
		f->f[k].type = FT_HTML;
	}
	f->in_item = 1;
	f->item_depth = depth;
	f->item_line = line;
	f->too_big = 0;
	f->field = -1;
}

/* ---- Names --------------------------------------------------------------- */

static int is_core_ns(const xmlChar *ns)
{
	size_t i;

	if (!ns || !*ns)
		return 1;
	for (i = 0; i < sizeof(core_namespaces) / sizeof(core_namespaces[0]);
	     i++)
		if (strcmp((const char *)ns, core_namespaces[i]) == 0)
			return 1;
	return 0;
}

static int field_of(const xmlChar *name, const xmlChar *ns)
{
	size_t i;

	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++) {
		if (strcmp((const char *)name, field_names[i].name) != 0)
			continue;
		if (field_names[i].ns
			? ns && strcmp((const char *)ns, field_names[i].ns) == 0
			: is_core_ns(ns))
			return (int)field_names[i].field;
	}
	return -1;
}

static int is_atom(const xmlChar *ns)
{
	return ns && strcmp((const char *)ns, NS_ATOM) == 0;
}

/* ---- Reading fields ------------------------------------------------------ */

static void field_append(vigil_reader *r, field_text *ft, const char *s,
			 size_t n)
{
	if (n > r->max_doc - ft->buf.len) {
		r->feed->too_big = 1;
		return;
	}
	vigil__buf_append(&ft->buf, s, n);
}

/* The text type of an Atom text construct from its type attribute. */
static enum ftype atom_type(xmlTextReaderPtr xr)
{
	xmlChar *t = xmlTextReaderGetAttribute(xr, BAD_CAST "type");
	enum ftype type = FT_TEXT;

	if (t && (strcmp((const char *)t, "html") == 0 ||
		  strcmp((const char *)t, "text/html") == 0))
		type = FT_HTML;
	else if (t && (strcmp((const char *)t, "xhtml") == 0 ||
		       strcmp((const char *)t, "application/xhtml+xml") == 0))
		type = FT_XHTML;
	xmlFree(t);
	return type;
}

/*
 * Handles the start of a field element. Returns 1 when the reader was moved
 * past the element (xhtml content read whole), 0 when the element's text is
 * to be collected from the nodes that follow, or a negative code.
 */
static int start_field(vigil_reader *r, int k, const xmlChar *ns, int depth)
{
	vigil__feed *f = r->feed;
	field_text *ft = &f->f[k];
	xmlTextReaderPtr xr = f->xr;
	xmlNodePtr node = xmlTextReaderCurrentNode(xr);

	if (k == F_LINK && is_atom(ns)) {
		xmlChar *rel = xmlTextReaderGetAttribute(xr, BAD_CAST "rel");
		xmlChar *href = xmlTextReaderGetAttribute(xr, BAD_CAST "href");
		int alternate =
		    !rel || strcmp((const char *)rel, "alternate") == 0;

		if (href && alternate && (!ft->line || ft->buf.len == 0)) {
			vigil__buf_clear(&ft->buf);
			field_append(r, ft, (const char *)href,
				     strlen((const char *)href));
			ft->line = node ? (unsigned long)xmlGetLineNo(node)
					: f->item_line;
		}
		xmlFree(rel);
		xmlFree(href);
		return 0;
	}
	if (ft->line) /* the first occurrence wins */
		return 0;
	ft->line = node ? (unsigned long)xmlGetLineNo(node) : f->item_line;
	if (ft->line == 0 || ft->line == (unsigned long)-1)
		ft->line = f->item_line;
	ft->type = is_atom(ns) && k >= F_ENCODED ? atom_type(xr) : FT_HTML;
	if (xmlTextReaderIsEmptyElement(xr))
		return 0;
	if (ft->type == FT_XHTML) {
		xmlChar *inner = xmlTextReaderReadInnerXml(xr);
		int rc;

		if (inner)
			field_append(r, ft, (const char *)inner,
				     strlen((const char *)inner));
		xmlFree(inner);
		rc = xmlTextReaderNext(xr);
		if (rc < 0)
			return VIGIL_EINPUT;
		f->pending = rc == 1;
		return rc == 1 ? 1 : 0;
	}
	f->field = k;
	f->field_depth = depth;
	return 0;
}

/* Trims and collapses a field in place; NULL when empty or absent. */
static const char *field_string(field_text *ft)
{
	size_t n;

	if (!ft->line || !ft->buf.data)
		return NULL;
	n = vigil__collapse_space(ft->buf.data, ft->buf.len);
	ft->buf.data[n] = '\0';
	ft->buf.len = n;
	return n ? ft->buf.data : NULL;
}

/* Writes the item's text into r->out from the first text field that has
 * any. Returns 0 (r->out.len 0: none) or VIGIL_ENOMEM. */
static int item_text(vigil_reader *r)
{
	vigil__feed *f = r->feed;
	int k, rc;

	vigil__buf_clear(&r->out);
	for (k = F_ENCODED; k <= F_SUMMARY && r->out.len == 0; k++) {
		field_text *ft = &f->f[k];

		if (!ft->line || !ft->buf.len)
			continue;
		if (ft->type == FT_TEXT) {
			size_t n =
			    vigil__collapse_space(ft->buf.data, ft->buf.len);

			vigil__buf_append(&r->out, ft->buf.data, n);
			if (r->out.failed)
				return VIGIL_ENOMEM;
			continue;
		}
		rc = vigil__html_extract(&r->arena, &r->out, ft->buf.data,
					 ft->buf.len, 1, NULL);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* Turns the finished item into *doc. */
static int finish_item(vigil_reader *r, vigil_doc *doc)
{
	vigil__feed *f = r->feed;
	int k, rc;

	f->in_item = 0;
	f->field = -1;
	if (f->too_big)
		return vigil__reader_error(r, VIGIL_EINPUT, f->item_line,
					   "item larger than %zu bytes",
					   r->max_doc);
	for (k = 0; k < NFIELDS; k++)
		if (f->f[k].buf.failed)
			return VIGIL_ENOMEM;
	for (k = F_PUBDATE; k <= F_UPDATED && !doc->date; k++) {
		field_text *ft = &f->f[k];

		if (!ft->line)
			continue;
		rc = vigil__reader_date(r, &doc->date,
					ft->buf.data ? ft->buf.data : "",
					ft->buf.len, ft->line);
		if (rc < 0)
			return rc;
	}
	rc = item_text(r);
	if (rc < 0)
		return rc;
	if (r->out.len == 0)
		return vigil__reader_error(r, VIGIL_EINPUT, f->item_line,
					   "item has no text");
	doc->title = field_string(&f->f[F_TITLE]);
	doc->url = field_string(&f->f[F_LINK]);
	doc->id = field_string(&f->f[F_ID]);
	doc->source = field_string(&f->f[F_SOURCE]);
	if (!doc->source && f->f[F_CHANNEL].buf.len)
		doc->source = f->f[F_CHANNEL].buf.data;
	doc->text = r->out.data;
	doc->text_len = r->out.len;
	doc->line = f->item_line;
	doc->text_offset = -1;
	return 0;
}

/* ---- The node loop ------------------------------------------------------- */

static int xml_error(vigil_reader *r)
{
	vigil__feed *f = r->feed;

	r->done = 1;
	if (r->in.err)
		return VIGIL_EIO;
	return vigil__reader_error(
	    r, VIGIL_EINPUT, f->err_line > 0 ? (unsigned long)f->err_line : 0,
	    "%s", f->err[0] ? f->err : "malformed XML");
}

static int check_root(vigil_reader *r, const xmlChar *name)
{
	size_t i;

	r->feed->root_seen = 1;
	for (i = 0; i < sizeof(feed_roots) / sizeof(feed_roots[0]); i++)
		if (strcmp((const char *)name, feed_roots[i]) == 0)
			return 0;
	r->done = 1;
	return vigil__reader_error(
	    r, VIGIL_EINPUT, 0,
	    "not an RSS or Atom feed (root element <%.60s>)",
	    (const char *)name);
}

/*
 * Handles one element start. Returns 1 when the item ended (an empty
 * <item/>), 0 to go on, or a negative code.
 */
static int on_element(vigil_reader *r, int depth)
{
	vigil__feed *f = r->feed;
	xmlTextReaderPtr xr = f->xr;
	const xmlChar *name = xmlTextReaderConstLocalName(xr);
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(xr);
	int k;

	if (!name)
		return VIGIL_ENOMEM;
	if (!f->root_seen)
		return check_root(r, name);
	if (f->in_item) {
		if (depth != f->item_depth + 1 || f->field >= 0)
			return 0;
		k = field_of(name, ns);
		return k < 0				  ? 0
		       : start_field(r, k, ns, depth) < 0 ? VIGIL_EINPUT
							  : 0;
	}
	if (is_core_ns(ns) && (strcmp((const char *)name, "item") == 0 ||
			       strcmp((const char *)name, "entry") == 0)) {
		xmlNodePtr node = xmlTextReaderCurrentNode(xr);
		long line = node ? xmlGetLineNo(node) : 0;

		start_item(f, depth, line > 0 ? (unsigned long)line : 0);
		return xmlTextReaderIsEmptyElement(xr) ? 1 : 0;
	}
	if (depth <= 2 && is_core_ns(ns) && !f->f[F_CHANNEL].line &&
	    strcmp((const char *)name, "title") == 0 &&
	    !xmlTextReaderIsEmptyElement(xr)) {
		f->f[F_CHANNEL].line = 1;
		f->field = F_CHANNEL;
		f->field_depth = depth;
	}
	return 0;
}

/* Collects a text node into the field being read. */
static void on_text(vigil_reader *r, int depth)
{
	vigil__feed *f = r->feed;
	const xmlChar *v;

	if (f->field < 0 || depth <= f->field_depth)
		return;
	if (f->field == F_SOURCE && depth != f->field_depth + 1)
		return;
	v = xmlTextReaderConstValue(f->xr);
	if (v)
		field_append(r, &f->f[f->field], (const char *)v,
			     strlen((const char *)v));
}

/* Ends a field or the item at an element end; 1 when the item ended. */
static int on_end(vigil_reader *r, int depth)
{
	vigil__feed *f = r->feed;

	if (f->field >= 0 && depth == f->field_depth) {
		if (f->field == F_CHANNEL) {
			field_text *ft = &f->f[F_CHANNEL];

			if (ft->buf.data) {
				ft->buf.len = vigil__collapse_space(
				    ft->buf.data, ft->buf.len);
				ft->buf.data[ft->buf.len] = '\0';
			}
		}
		f->field = -1;
		return 0;
	}
	return f->in_item && depth == f->item_depth;
}

/* Reads nodes up to the end of the next item. */
static int next_item(vigil_reader *r, vigil_doc *doc)
{
	vigil__feed *f = r->feed;
	int rc;

	if (!f) {
		rc = feed_start(r);
		if (rc < 0)
			return rc;
		f = r->feed;
	}
	f->err[0] = '\0';
	f->err_level = 0;
	f->err_line = 0;
	for (;;) {
		int type, depth, ended = 0;

		if (f->pending) {
			f->pending = 0;
		} else {
			rc = xmlTextReaderRead(f->xr);
			if (rc < 0)
				return xml_error(r);
			if (rc == 0) {
				r->done = 1;
				if (f->in_item)
					return vigil__reader_error(
					    r, VIGIL_EINPUT, f->item_line,
					    "unterminated item");
				return VIGIL_EOF;
			}
		}
		type = xmlTextReaderNodeType(f->xr);
		depth = xmlTextReaderDepth(f->xr);
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			ended = on_element(r, depth);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			on_text(r, depth);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			ended = on_end(r, depth);
			break;
		default:
			break;
		}
		if (ended < 0)
			return ended == VIGIL_EINPUT && !r->errmsg[0]
				   ? xml_error(r)
				   : ended;
		if (ended)
			return finish_item(r, doc);
	}
}

int vigil__read_feed(vigil_reader *r, vigil_doc *doc)
{
	vigil__xml_quiet quiet;
	int rc;

	vigil__xml_quiet_begin(&quiet);
	rc = next_item(r, doc);
	vigil__xml_quiet_end(&quiet);
	return rc;
}
