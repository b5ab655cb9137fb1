/*
 * conform.c: the PETRARCH/TABARI validation suite (include/vigil/conform.h).
 * The file is read with libxml2 into records, each carrying the <Config>
 * settings in force where it stands; coding a record cuts the comma clauses
 * those settings remove (PETRARCH's comma_* rules, counted in words), codes
 * the rest as one document, and lists its events as code triples. The
 * <Parse> tree is never read. Rules: docs/internals/conformance.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <vigil/conform.h>

#include "../code/analysis.h"

struct vigil_conform {
	xmlDocPtr doc;
	vigil_conform_record *v;
	size_t n, cap;
	char *strings;         /* owned copies, freed with the set */
	char **owned;
	size_t nowned, owned_cap;
};

/* PETRARCH's defaults (PETR_config.ini). */
static const vigil_conform_config default_config = {
	1, 0, 2, 8, 0, 0, 2, 8
};

static char *own(vigil_conform *c, const char *s)
{
	char *copy;

	if (c->nowned == c->owned_cap) {
		size_t ncap = c->owned_cap ? c->owned_cap * 2 : 256;
		char **o = realloc(c->owned, ncap * sizeof(*o));

		if (!o)
			return NULL;
		c->owned = o;
		c->owned_cap = ncap;
	}
	copy = strdup(s ? s : "");
	if (copy)
		c->owned[c->nowned++] = copy;
	return copy;
}

/* An attribute's value (trimmed) in buf, or "" when absent. */
static const char *attr(xmlNodePtr n, const char *name, char *buf, size_t cap)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	const char *p;
	size_t len;

	buf[0] = '\0';
	if (!v)
		return buf;
	p = (const char *)v;
	while (*p == ' ')
		p++;
	len = strlen(p);
	while (len && p[len - 1] == ' ')
		len--;
	if (len >= cap)
		len = cap - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	xmlFree(v);
	return buf;
}

static int is_true(const char *v)
{
	return strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0;
}

static void apply_config(vigil_conform_config *cfg, xmlNodePtr n)
{
	char opt[64], val[64];
	static const struct {
		const char *name;
		size_t off;
	} ints[] = {
		{"new_actor_length", offsetof(vigil_conform_config, new_actor_length)},
		{"comma_min", offsetof(vigil_conform_config, comma_min)},
		{"comma_max", offsetof(vigil_conform_config, comma_max)},
		{"comma_bmin", offsetof(vigil_conform_config, comma_bmin)},
		{"comma_bmax", offsetof(vigil_conform_config, comma_bmax)},
		{"comma_emin", offsetof(vigil_conform_config, comma_emin)},
		{"comma_emax", offsetof(vigil_conform_config, comma_emax)},
	};
	size_t i;

	attr(n, "option", opt, sizeof(opt));
	attr(n, "value", val, sizeof(val));
	if (strcmp(opt, "require_dyad") == 0) {
		cfg->require_dyad = is_true(val);
		return;
	}
	for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		if (strcmp(opt, ints[i].name) == 0)
			*(int *)((char *)cfg + ints[i].off) = atoi(val);
}

/* The trimmed text content of n, owned by c: one paragraph (line breaks
 * are spaces), and `_`, TABARI's word connector ("Dol_Amroth"), a space. */
static const char *text_of(vigil_conform *c, xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *p, *r;
	char *copy;
	size_t len;

	if (!t)
		return own(c, "");
	p = (const char *)t;
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	len = strlen(p);
	while (len && strchr(" \n\t\r", p[len - 1]))
		len--;
	copy = malloc(len + 1);
	if (copy) {
		size_t i;

		for (i = 0; i < len; i++)
			copy[i] = strchr("\n\r\t_", p[i]) ? ' ' : p[i];
		copy[len] = '\0';
	}
	r = own(c, copy);
	free(copy);
	xmlFree(t);
	return r;
}

static void set_code(char *dst, size_t cap, const char *v)
{
	snprintf(dst, cap, "%s", v[0] ? v : "---");
}

static int add_record(vigil_conform *c, xmlNodePtr s,
		      const vigil_conform_config *cfg)
{
	vigil_conform_record *r;
	char buf[256];
	xmlNodePtr k;
	int codings = 0;

	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		vigil_conform_record *v = realloc(c->v, ncap * sizeof(*v));

		if (!v)
			return -1;
		c->v = v;
		c->cap = ncap;
	}
	r = &c->v[c->n];
	memset(r, 0, sizeof(*r));
	r->config = *cfg;
	r->line = (unsigned long)xmlGetLineNo(s);
	r->id = own(c, attr(s, "id", buf, sizeof(buf)));
	r->category = own(c, attr(s, "category", buf, sizeof(buf)));
	attr(s, "date", buf, sizeof(buf));
	if (strlen(buf) == 8) {
		char d[16];

		snprintf(d, sizeof(d), "%.4s-%.2s-%.2s", buf, buf + 4, buf + 6);
		r->date = own(c, d);
	} else {
		r->date = own(c, "");
	}
	r->text = "";
	for (k = s->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(k->name, (const xmlChar *)"Text") == 0) {
			r->text = text_of(c, k);
		} else if (xmlStrcmp(k->name, (const xmlChar *)"EventCoding") == 0) {
			codings++;
			if (attr(k, "error", buf, sizeof(buf))[0]) {
				r->error = own(c, buf);
			} else if (is_true(attr(k, "noevents", buf, sizeof(buf)))) {
				r->noevents = 1;
			} else if (r->nexpected < VIGIL_CONFORM_MAX_EVENTS) {
				vigil_conform_event *e = &r->expected[r->nexpected++];

				set_code(e->source, sizeof(e->source),
					 attr(k, "sourcecode", buf, sizeof(buf)));
				set_code(e->target, sizeof(e->target),
					 attr(k, "targetcode", buf, sizeof(buf)));
				set_code(e->code, sizeof(e->code),
					 attr(k, "eventcode", buf, sizeof(buf)));
			}
		}
	}
	if (!codings)
		r->noevents = 1;
	if (!r->id || !r->category || !r->date || !r->text)
		return -1;
	c->n++;
	return 0;
}

/* Walks the tree in document order: <Config> changes the settings of the
 * records after it, <Sentence> is a record. */
static int walk(vigil_conform *c, xmlNodePtr n, vigil_conform_config *cfg)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(n->name, (const xmlChar *)"Config") == 0)
			apply_config(cfg, n);
		else if (xmlStrcmp(n->name, (const xmlChar *)"Sentence") == 0) {
			if (add_record(c, n, cfg) < 0)
				return -1;
		} else if (xmlStrcmp(n->name, (const xmlChar *)"Environment") != 0 &&
			   walk(c, n->children, cfg) < 0)
			return -1;
	}
	return 0;
}

int vigil_conform_open(vigil_conform **out, const char *path, char *errbuf,
		       size_t errlen)
{
	vigil_conform *c = calloc(1, sizeof(*c));
	vigil_conform_config cfg = default_config;
	xmlNodePtr root;

	*out = NULL;
	if (!c)
		return VIGIL_ENOMEM;
	c->doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
				 XML_PARSE_NOWARNING);
	if (!c->doc) {
		const xmlError *e = xmlGetLastError();

		snprintf(errbuf, errlen, "%s:%d: %s", path, e ? e->line : 0,
			 e && e->message ? e->message : "cannot read XML\n");
		errbuf[strcspn(errbuf, "\n")] = '\0';
		free(c);
		return VIGIL_EIO;
	}
	root = xmlDocGetRootElement(c->doc);
	if (!root || xmlStrcmp(root->name, (const xmlChar *)"Validation") != 0) {
		snprintf(errbuf, errlen, "%s: not a validation file "
			 "(the root element must be <Validation>)", path);
		vigil_conform_free(c);
		return VIGIL_EINPUT;
	}
	if (walk(c, root->children, &cfg) < 0) {
		snprintf(errbuf, errlen, "out of memory reading %s", path);
		vigil_conform_free(c);
		return VIGIL_ENOMEM;
	}
	xmlFreeDoc(c->doc);
	c->doc = NULL;
	*out = c;
	return VIGIL_OK;
}

void vigil_conform_free(vigil_conform *c)
{
	size_t i;

	if (!c)
		return;
	if (c->doc)
		xmlFreeDoc(c->doc);
	for (i = 0; i < c->nowned; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->v);
	free(c);
}

size_t vigil_conform_count(const vigil_conform *c)
{
	return c ? c->n : 0;
}

const vigil_conform_record *vigil_conform_get(const vigil_conform *c, size_t i)
{
	return c && i < c->n ? &c->v[i] : NULL;
}

/*===== Comma clauses ================================================*/

static int upper(char ch)
{
	return ch >= 'A' && ch <= 'Z';
}

static int blank(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t';
}

static size_t words_in(const char *p, size_t n)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (!blank(p[i]) && !in)
			w++;
		in = !blank(p[i]);
	}
	return w;
}

static int within(size_t w, int lo, int hi)
{
	return hi > 0 && (int)w >= lo && (int)w <= hi;
}

/* Whether the word at p (not blank) is "and" or "or". */
static int coordinator(const char *p)
{
	return (strncmp(p, "and", 3) == 0 && (blank(p[3]) || !p[3])) ||
	       (strncmp(p, "or", 2) == 0 && (blank(p[2]) || !p[2]));
}

/*
 * Whether the comma at text[p] separates members of a list of names
 * ("Mordor, Rohan, Fornost and Bree", "Evil Mordor, the awful Fornost,
 * and good Gondor"): a capitalized word before it, and after it "and"/"or"
 * or at most 4 words of which the last is capitalized and followed by a
 * comma or "and"/"or" (1), or "and"/"or" right after it (2: a list comma
 * only after another one). PETRARCH removes comma clauses as whole phrases
 * of the parse tree, and such a list is one phrase.
 */
static int list_comma(const char *text, size_t p)
{
	size_t b = p, w;
	const char *q = text + p + 1, *last = NULL;

	while (b > 0 && !blank(text[b - 1]))
		b--;
	if (b == p || !upper(text[b]))
		return 0;
	for (w = 0; w <= 4; w++) {
		while (blank(*q))
			q++;
		if (!*q)
			return 0;
		if (coordinator(q))
			return w == 0 ? 2 : upper(*last);
		if (w == 4)
			return 0;
		last = q;
		while (*q && !blank(*q) && *q != ',')
			q++;
		if (*q == ',')
			return upper(*last);
	}
	return 0;
}

/* The length of the open-class lowercase word at p ("full", "war-torn"),
 * or 0 (another word, or a closed-class one: "it", "the", "and"). */
static size_t open_word(const char *p)
{
	vigil__token t = {0, 0, VIGIL_TOK_WORD, VIGIL_TF_ASCII};
	size_t n = 0;

	while ((p[n] >= 'a' && p[n] <= 'z') || (n && p[n] == '-'))
		n++;
	if (n == 0 || (p[n] && !blank(p[n]) && p[n] != ','))
		return 0;
	t.len = (uint16_t)n;
	return vigil__clause_is_closed(p, &t) ? 0 : n;
}

/*
 * Whether the comma at text[p] separates adjectives of one noun phrase
 * ("restore complete, full diplomatic ties"): open-class lowercase words
 * on both sides, the one after it followed by another lowercase word.
 */
static int adjective_comma(const char *text, size_t p)
{
	size_t b = p, n;
	const char *q = text + p + 1;

	while (b > 0 && !blank(text[b - 1]))
		b--;
	if (b == p || open_word(text + b) != p - b)
		return 0;
	while (blank(*q))
		q++;
	n = open_word(q);
	if (n == 0 || !blank(q[n]))
		return 0;
	q += n;
	while (blank(*q))
		q++;
	return *q >= 'a' && *q <= 'z';
}

/*
 * Copies `text` into out (cap >= strlen(text) + 1) without the comma
 * clauses `cfg` removes: the initial clause (up to the first comma) of
 * comma_bmin..bmax words, the terminal one (after the last comma, up to the
 * final punctuation) of comma_emin..emax, internal ones (between two
 * commas) of comma_min..max. Counted in words of the original text. A
 * clause next to a comma of a list of names, or of adjectives, is kept.
 */
static void cut_commas(const char *text, const vigil_conform_config *cfg,
		       char *out)
{
	size_t n = strlen(text), commas[64], nc = 0, i, len = 0, end = n;
	unsigned char cut[64 + 1] = {0};   /* segment k removed */
	unsigned char list[64];            /* comma k separates list members */

	for (i = 0; i < n && nc < 64; i++)
		if (text[i] == ',')
			commas[nc++] = i;
	while (end && strchr(" \n\t.!?\"'", text[end - 1]))
		end--;
	if (nc == 0) {
		memcpy(out, text, n + 1);
		return;
	}
	for (i = 0; i < nc; i++) {
		int k = list_comma(text, commas[i]);

		/* ", and" ends a list only after another list comma */
		list[i] = (unsigned char)(k == 1 || (k == 2 && i && list[i - 1]) ||
					  adjective_comma(text, commas[i]));
	}
	/* segment k runs from commas[k-1] (or 0) to commas[k] (or end) */
	if (!list[0] &&
	    within(words_in(text, commas[0]), cfg->comma_bmin, cfg->comma_bmax))
		cut[0] = 1;
	if (commas[nc - 1] < end && !list[nc - 1] &&
	    within(words_in(text + commas[nc - 1] + 1, end - commas[nc - 1] - 1),
		   cfg->comma_emin, cfg->comma_emax))
		cut[nc] = 1;
	for (i = 1; i < nc; i++)
		if (!list[i - 1] && !list[i] && within(words_in(text + commas[i - 1] + 1,
				    commas[i] - commas[i - 1] - 1),
			   cfg->comma_min, cfg->comma_max))
			cut[i] = 1;
	for (i = 0; i <= nc; i++) {
		size_t b = i ? commas[i - 1] + 1 : 0, e = i < nc ? commas[i] : n;

		if (cut[i]) {
			if (i == nc) {  /* keep the final punctuation */
				memcpy(out + len, text + end, n - end);
				len += n - end;
			}
			continue;
		}
		if (len)
			out[len++] = ',';
		memcpy(out + len, text + b, e - b);
		len += e - b;
	}
	out[len] = '\0';
}

/*===== Coding =======================================================*/

static int same(const vigil_conform_event *a, const vigil_conform_event *b)
{
	return strcmp(a->source, b->source) == 0 &&
	       strcmp(a->target, b->target) == 0 &&
	       strcmp(a->code, b->code) == 0;
}

/* The i-th of the codes joined by '/' in `codes` (a TABARI multi-code actor,
 * "FRO/BIL/SAM") into dst; returns 0, or -1 when there is no i-th. */
static int nth_code(const char *codes, size_t i, char *dst, size_t cap)
{
	size_t n;

	while (i--) {
		codes = strchr(codes, '/');
		if (!codes)
			return -1;
		codes++;
	}
	n = strcspn(codes, "/");
	if (n == 0)
		set_code(dst, cap, "");
	else
		snprintf(dst, cap, "%.*s", (int)n, codes);
	return 0;
}

static void add_triple(const vigil_conform_event *t, vigil_conform_event *out,
		       size_t max, size_t *n)
{
	size_t k;

	for (k = 0; k < *n; k++)
		if (same(&out[k], t))
			return;
	if (*n < max)
		out[(*n)++] = *t;
}

/* Adds the (source, target, code) triples of event e: one per pair of the
 * codes of a multi-code actor and recipient, each triple once. */
static void add_triples(const vigil__analysis *an, const vigil__event *e,
			vigil_conform_event *out, size_t max, size_t *n)
{
	const char *src = e->actor >= 0 ? an->cl.actors[e->actor].code : "";
	const char *tgt = e->recipient >= 0 ? an->cl.actors[e->recipient].code
					    : "";
	vigil_conform_event t;
	size_t i, j;

	set_code(t.code, sizeof(t.code), e->cameo ? e->cameo : "");
	for (i = 0; nth_code(src, i, t.source, sizeof(t.source)) == 0; i++)
		for (j = 0; nth_code(tgt, j, t.target, sizeof(t.target)) == 0;
		     j++)
			add_triple(&t, out, max, n);
}

/* Whether the word at token t is one PETRARCH's parse leaves out of a
 * verb's noun phrases: a time adverb ("said today") or an -ly adverb. */
static int not_noun_phrase(const vigil__analysis *an, uint32_t t)
{
	static const char *const words[] = {"today", "yesterday", "tonight",
					    "now", "again", "also"};
	const vigil__token *tok = &an->seg.tok[t];
	size_t i;

	if (tok->len > 2 &&
	    strncasecmp(an->text + tok->off + tok->len - 2, "ly", 2) == 0)
		return 1;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (tok->len == strlen(words[i]) &&
		    strncasecmp(an->text + tok->off, words[i], tok->len) == 0)
			return 1;
	return 0;
}

/*
 * Whether event e, which has no target, is one PETRARCH codes without
 * require_dyad: its verb has a noun phrase after it in its clause (up to
 * , ; : or the sentence's end), an actor or not ("burned down its
 * embassy", "said on Saturday"; not "said today").
 */
static int has_noun_phrase(const vigil__analysis *an, const vigil__event *e)
{
	const vigil__match *m = &an->matches[an->cl.verbs[e->verb].match];
	uint32_t t, end = an->seg.sent[e->sent].tok_end;

	for (t = m->tok_end; t < end; t++) {
		const vigil__token *tok = &an->seg.tok[t];

		if (tok->type == VIGIL_TOK_PUNCT && tok->len == 1 &&
		    strchr(",;:", an->text[tok->off]))
			return 0;
		if (tok->type == VIGIL_TOK_WORD && !not_noun_phrase(an, t))
			return 1;
	}
	return 0;
}

int vigil_conform_code(vigil_worker *w, const vigil_conform_record *r,
		       vigil_conform_event *out, size_t max, size_t *n)
{
	const vigil__analysis *an;
	vigil_doc doc;
	char *text = malloc(strlen(r->text) + 1);
	size_t i;
	int rc;

	*n = 0;
	if (!text)
		return VIGIL_ENOMEM;
	cut_commas(r->text, &r->config, text);
	memset(&doc, 0, sizeof(doc));
	doc.id = r->id;
	doc.date = r->date[0] ? r->date : NULL;
	doc.text = text;
	doc.text_len = strlen(text);
	doc.origin = r->id;
	doc.line = r->line;
	doc.text_offset = -1;
	rc = vigil_worker_code(w, &doc);
	free(text);
	if (rc != VIGIL_OK)
		return rc;
	an = vigil__worker_analysis(w);
	for (i = 0; an && i < an->nevent && *n < max; i++) {
		if (r->config.require_dyad &&
		    (an->events[i].actor < 0 || an->events[i].recipient < 0))
			continue;
		if (an->events[i].recipient < 0 &&
		    !has_noun_phrase(an, &an->events[i]))
			continue;
		add_triples(an, &an->events[i], out, max, n);
	}
	return VIGIL_OK;
}

int vigil_conform_passes(const vigil_conform_record *r,
			 const vigil_conform_event *got, size_t ngot)
{
	size_t i, k, nexp = 0;

	for (i = 0; i < r->nexpected; i++) {
		for (k = 0; k < i; k++)
			if (same(&r->expected[k], &r->expected[i]))
				break;
		if (k < i)
			continue;  /* listed twice: one event */
		nexp++;
		for (k = 0; k < ngot; k++)
			if (same(&r->expected[i], &got[k]))
				break;
		if (k == ngot)
			return 0;
	}
	return ngot == nexp;
}
