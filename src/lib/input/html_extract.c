/*
 * html_extract.c: the main text of an HTML page (or of an HTML fragment from
 * a feed) and the page's metadata. libxml2's HTML parser builds the tree;
 * one pass scores elements and collects metadata, a second walks the chosen
 * element and writes its paragraphs. Both walks are iterative (parent and
 * sibling links), so hostile nesting depth cannot overflow the stack.
 * Content root: the <article> with the most text, else <main>, else the
 * element whose <p> children hold the most text, else <body>.
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#define PARSE_OPTIONS                                                          \
	(HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |      \
	 HTML_PARSE_NONET)

/* ---- What to drop -------------------------------------------------------- */

enum drop { KEEP, DROP_CONTENT, DROP_ALL };

/* Elements never holding article text (DROP_CONTENT: its text is not the
 * article's, but metadata such as <h1> or <time> may be read from it). */
static const struct {
	const char *tag;
	enum drop drop;
} drop_tags[] = {
    {"script", DROP_ALL},     {"style", DROP_ALL},	{"noscript", DROP_ALL},
    {"nav", DROP_ALL},	      {"footer", DROP_ALL},	{"aside", DROP_ALL},
    {"form", DROP_ALL},	      {"button", DROP_ALL},	{"iframe", DROP_ALL},
    {"svg", DROP_ALL},	      {"template", DROP_ALL},	{"select", DROP_ALL},
    {"textarea", DROP_ALL},   {"object", DROP_ALL},	{"embed", DROP_ALL},
    {"figcaption", DROP_ALL}, {"header", DROP_CONTENT},
};

/* Class or id words marking page furniture ("comment" but not
 * "commentary"). */
static const char *const furniture_words[] = {
    "share",	 "sharing", "social", "comment", "related",    "newsletter",
    "subscribe", "promo",   "advert", "cookie",	 "breadcrumb",
};

/* ARIA landmark roles that are not the article. */
static const char *const furniture_roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search",
};

/* Containers never dropped for their class or id: sites put words like
 * "comments-open" on them while they hold the whole article. */
static const char *const trusted_tags[] = {"html", "body", "article", "main"};

/* Elements that end a paragraph where they start and where they end. */
static const char *const block_tags[] = {
    "p",       "h1",	  "h2",		"h3",	 "h4",	    "h5",
    "h6",      "li",	  "blockquote", "div",	 "section", "article",
    "main",    "ul",	  "ol",		"dl",	 "dt",	    "dd",
    "table",   "tr",	  "td",		"th",	 "caption", "pre",
    "figure",  "address", "br",		"hr",	 "center",  "details",
    "summary", "hgroup",  "fieldset",	"tbody", "thead",   "tfoot",
};

static int name_in(const xmlChar *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp((const char *)name, list[i]) == 0)
			return 1;
	return 0;
}

#define NAME_IN(name, list) name_in(name, list, sizeof(list) / sizeof(list[0]))

/* The value of attribute `name` without copying, or NULL. Values made of
 * several nodes (entities) are read from the first one only. */
static const char *attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return a->children && a->children->content
				   ? (const char *)a->children->content
				   : "";
	return NULL;
}

/* Whether a class or id value contains a word of furniture_words. */
static int mentions_furniture(const char *v)
{
	char low[256];
	size_t i, n;

	if (!v)
		return 0;
	for (n = 0; v[n] && n < sizeof(low) - 1; n++)
		low[n] =
		    (char)((v[n] >= 'A' && v[n] <= 'Z') ? v[n] + 32 : v[n]);
	low[n] = '\0';
	if (strstr(low, "byline"))
		return 0;
	for (i = 0; i < sizeof(furniture_words) / sizeof(furniture_words[0]);
	     i++) {
		const char *p = low;

		while ((p = strstr(p, furniture_words[i])) != NULL) {
			p += strlen(furniture_words[i]);
			if (strcmp(furniture_words[i], "comment") != 0 ||
			    strncmp(p, "ary", 3) != 0)
				return 1;
		}
	}
	return 0;
}

static int attr_is(const xmlNode *n, const char *name, const char *value)
{
	const char *v = attr(n, name);

	return v && strcasecmp(v, value) == 0;
}

static enum drop drop_kind(const xmlNode *n)
{
	const char *role;
	size_t i;

	for (i = 0; i < sizeof(drop_tags) / sizeof(drop_tags[0]); i++)
		if (strcmp((const char *)n->name, drop_tags[i].tag) == 0)
			return drop_tags[i].drop;
	if (NAME_IN(n->name, trusted_tags))
		return KEEP;
	if (attr(n, "hidden") || attr_is(n, "aria-hidden", "true"))
		return DROP_ALL;
	role = attr(n, "role");
	if (role && NAME_IN((const xmlChar *)role, furniture_roles))
		return DROP_ALL;
	if (mentions_furniture(attr(n, "class")) ||
	    mentions_furniture(attr(n, "id")))
		return DROP_ALL;
	return KEEP;
}

static int is_block(const xmlNode *n)
{
	const char *cls;

	if (NAME_IN(n->name, block_tags))
		return 1;
	cls = attr(n, "class");
	return cls && strstr(cls, "byline");
}

static int is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* ---- Tree walk ----------------------------------------------------------- */

typedef struct walk_ops {
	int (*enter)(void *ctx, xmlNode *n); /* nonzero: visit the children */
	void (*leave)(void *ctx, xmlNode *n);
} walk_ops;

/* Visits the subtree of `root` in document order without recursion. */
static void walk(xmlNode *root, const walk_ops *ops, void *ctx)
{
	xmlNode *n = root;

	for (;;) {
		if (ops->enter(ctx, n) && n->children) {
			n = n->children;
			continue;
		}
		for (;;) {
			ops->leave(ctx, n);
			if (n == root)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

/* ---- White space --------------------------------------------------------- */

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Length of the white space at s (ASCII, or U+00A0 as C2 A0), or 0. */
static size_t ws_len(const unsigned char *s, const unsigned char *end)
{
	if (s < end && is_ws(*s))
		return 1;
	if (end - s >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	return 0;
}

size_t vigil__collapse_space(char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t o = 0;
	int space = 0;

	while (p < end) {
		size_t w = ws_len(p, end);

		if (w) {
			space = o > 0;
			p += w;
			continue;
		}
		if (space)
			s[o++] = ' ';
		space = 0;
		s[o++] = (char)*p++;
	}
	return o;
}

/* Non-space bytes of a text, the measure of "how much text". */
static size_t text_weight(const xmlChar *t)
{
	size_t n = 0;

	for (; *t; t++)
		n += !is_ws(*t);
	return n;
}

/* ---- Pass 1: scores and metadata ----------------------------------------- */

enum meta_slot {
	M_OG_TITLE,
	M_TITLE,
	M_H1,
	M_PUBLISHED,
	M_DATE,
	M_TIME,
	M_CANONICAL,
	M_OG_URL,
	M_SITE,
	NSLOTS
};

/* <meta property|name=KEY content=...> keys and their slots. */
static const struct {
	const char *key;
	enum meta_slot slot;
} meta_keys[] = {
    {"og:title", M_OG_TITLE}, {"article:published_time", M_PUBLISHED},
    {"date", M_DATE},	      {"og:url", M_OG_URL},
    {"og:site_name", M_SITE},
};

typedef struct scan {
	vigil__arena *a;
	xmlNode *dropped; /* outermost dropped element we are in */
	enum drop dropped_kind;
	xmlNode *article, *main, *best_p;
	size_t article_w, main_w, best_p_w;
	const char *meta[NSLOTS]; /* arena strings; first occurrence wins */
} scan;

/* Element weights live in the node's application pointer during the scan. */
static size_t weight(const xmlNode *n)
{
	return (size_t)(uintptr_t)n->_private;
}

static void add_weight(xmlNode *n, size_t w)
{
	n->_private = (void *)(uintptr_t)(weight(n) + w);
}

static void set_meta(scan *s, enum meta_slot slot, const char *v)
{
	char *copy;

	if (s->meta[slot] || !v)
		return;
	copy = vigil__arena_strndup(s->a, v, strlen(v));
	if (!copy)
		return;
	copy[vigil__collapse_space(copy, strlen(copy))] = '\0';
	if (copy[0])
		s->meta[slot] = copy;
}

static void set_meta_content(scan *s, enum meta_slot slot, xmlNode *n)
{
	xmlChar *c;

	if (s->meta[slot])
		return;
	c = xmlNodeGetContent(n);
	if (!c) {
		s->a->failed = 1;
		return;
	}
	set_meta(s, slot, (const char *)c);
	xmlFree(c);
}

static void scan_meta(scan *s, xmlNode *n)
{
	const char *v;
	size_t i;

	if (is_elem(n, "meta")) {
		v = attr(n, "property");
		if (!v)
			v = attr(n, "name");
		for (i = 0; v && i < sizeof(meta_keys) / sizeof(meta_keys[0]);
		     i++)
			if (strcasecmp(v, meta_keys[i].key) == 0)
				set_meta(s, meta_keys[i].slot,
					 attr(n, "content"));
	} else if (is_elem(n, "link")) {
		if (attr_is(n, "rel", "canonical"))
			set_meta(s, M_CANONICAL, attr(n, "href"));
	} else if (is_elem(n, "title")) {
		set_meta_content(s, M_TITLE, n);
	} else if (s->dropped_kind != DROP_ALL || !s->dropped) {
		if (is_elem(n, "h1"))
			set_meta_content(s, M_H1, n);
		else if (is_elem(n, "time"))
			set_meta(s, M_TIME, attr(n, "datetime"));
	}
}

static int scan_enter(void *ctx, xmlNode *n)
{
	scan *s = ctx;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (!s->dropped && n->parent &&
		    n->parent->type == XML_ELEMENT_NODE && n->content)
			add_weight(n->parent, text_weight(n->content));
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	n->_private = NULL;
	if (!s->dropped) {
		enum drop d = drop_kind(n);

		if (d != KEEP) {
			s->dropped = n;
			s->dropped_kind = d;
		}
	}
	scan_meta(s, n);
	return !(s->dropped && s->dropped_kind == DROP_ALL);
}

static void scan_leave(void *ctx, xmlNode *n)
{
	scan *s = ctx;
	size_t w, pw = 0;
	xmlNode *c;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (n == s->dropped) {
		s->dropped = NULL;
		return;
	}
	if (s->dropped)
		return;
	w = weight(n);
	if (n->parent && n->parent->type == XML_ELEMENT_NODE)
		add_weight(n->parent, w);
	for (c = n->children; c; c = c->next)
		if (is_elem(c, "p"))
			pw += weight(c);
	if (pw > s->best_p_w) {
		s->best_p = n;
		s->best_p_w = pw;
	}
	if (is_elem(n, "article") && w > s->article_w) {
		s->article = n;
		s->article_w = w;
	} else if (is_elem(n, "main") && w > s->main_w) {
		s->main = n;
		s->main_w = w;
	}
}

static const walk_ops scan_ops = {scan_enter, scan_leave};

/* ---- Pass 2: paragraphs -------------------------------------------------- */

typedef struct emit {
	vigil__buf *out;
	xmlNode *root;
	int in_para; /* the current paragraph has text */
	int space;   /* white space seen since the last word */
} emit;

static void end_paragraph(emit *e)
{
	e->in_para = 0;
	e->space = 0;
}

static void emit_text(emit *e, const unsigned char *t)
{
	const unsigned char *end = t + strlen((const char *)t);

	while (t < end) {
		const unsigned char *w;
		size_t sp;

		while ((sp = ws_len(t, end)) != 0) {
			t += sp;
			e->space = 1;
		}
		if (t == end)
			break;
		w = t;
		while (t < end && ws_len(t, end) == 0)
			t++;
		if (!e->in_para) {
			if (e->out->len)
				vigil__buf_append(e->out, "\n\n", 2);
			e->in_para = 1;
		} else if (e->space) {
			vigil__buf_putc(e->out, ' ');
		}
		e->space = 0;
		vigil__buf_append(e->out, w, (size_t)(t - w));
	}
}

static int emit_enter(void *ctx, xmlNode *n)
{
	emit *e = ctx;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			emit_text(e, n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (n != e->root && drop_kind(n) != KEEP)
		return 0;
	if (is_block(n))
		end_paragraph(e);
	return 1;
}

static void emit_leave(void *ctx, xmlNode *n)
{
	emit *e = ctx;

	if (n->type == XML_ELEMENT_NODE && is_block(n))
		end_paragraph(e);
}

static const walk_ops emit_ops = {emit_enter, emit_leave};

/* ---- Quiet libxml2 ------------------------------------------------------- */

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void vigil__xml_quiet_begin(vigil__xml_quiet *q)
{
	q->fn = xmlGenericError;
	q->ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
}

void vigil__xml_quiet_end(const vigil__xml_quiet *q)
{
	xmlSetGenericErrorFunc(q->ctx, q->fn);
}

/* ---- Entry point --------------------------------------------------------- */

static xmlNode *find_body(xmlNode *root)
{
	xmlNode *c;

	for (c = root->children; c; c = c->next)
		if (is_elem(c, "body"))
			return c;
	return root;
}

static const char *first_date(vigil__arena *a, const scan *s)
{
	static const enum meta_slot order[] = {M_PUBLISHED, M_DATE, M_TIME};
	char d[VIGIL__DATE_LEN + 1];
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *v = s->meta[order[i]];

		if (v && vigil__date_normalize(v, strlen(v), d) == 0)
			return vigil__arena_strndup(a, d, VIGIL__DATE_LEN);
	}
	return NULL;
}

static void fill_meta(vigil__arena *a, const scan *s, vigil__html_meta *m)
{
	m->title = s->meta[M_OG_TITLE] ? s->meta[M_OG_TITLE]
		   : s->meta[M_TITLE]  ? s->meta[M_TITLE]
				       : s->meta[M_H1];
	m->date = first_date(a, s);
	m->url =
	    s->meta[M_CANONICAL] ? s->meta[M_CANONICAL] : s->meta[M_OG_URL];
	m->source = s->meta[M_SITE];
}

int vigil__html_extract(vigil__arena *a, vigil__buf *out, const char *html,
			size_t len, int fragment, vigil__html_meta *meta)
{
	vigil__xml_quiet quiet;
	scan s;
	emit e;
	htmlDocPtr doc;
	xmlNode *root, *content;

	vigil__buf_clear(out);
	if (meta)
		memset(meta, 0, sizeof(*meta));
	if (len > INT_MAX) /* libxml2 takes an int; max_doc_bytes allows more */
		return VIGIL_ENOMEM;
	vigil__xml_quiet_begin(&quiet);
	doc = htmlReadMemory(html, (int)len, NULL, fragment ? "UTF-8" : NULL,
			     PARSE_OPTIONS);
	vigil__xml_quiet_end(&quiet);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		xmlFreeDoc(doc);
		return 0;
	}
	memset(&s, 0, sizeof(s));
	s.a = a;
	content = find_body(root);
	if (!fragment) {
		walk(root, &scan_ops, &s);
		if (s.article)
			content = s.article;
		else if (s.main)
			content = s.main;
		else if (s.best_p)
			content = s.best_p;
		if (meta)
			fill_meta(a, &s, meta);
	}
	memset(&e, 0, sizeof(e));
	e.out = out;
	e.root = content;
	walk(content, &emit_ops, &e);
	xmlFreeDoc(doc);
	return out->failed || a->failed ? VIGIL_ENOMEM : 0;
}
