/*
 * dict_petr_verbs.c: TABARI/PETRARCH verb dictionaries (CAMEO.2.0.txt,
 * *.verbs.txt) to native [synsets] and [verbs] lines. `&NAME` + `+MEMBER`
 * lines become synset members (with their regular plural unless the member
 * ends in '_'); a `--- NAME [code] ---` block gives each of its verbs one
 * line with the block's (or the verb's own) code and one line per pattern
 * `- words * words [code]` with pattern=... (syntax: data/README.md).
 * Transformation lines (`~`) cannot be expressed and are reported.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_petr.h"

#define MAX_VERBS 64
#define MAX_PATTERNS 1024
#define MAX_SYNSETS 512
#define NAME_CAP 64
#define ALT_CAP 1024
#define PAT_CAP 512

typedef struct verb {
	char alts[ALT_CAP];       /* native phrases: "+hurry" */
	char code[16];            /* own code, "" for the block's */
	unsigned long line;
} verb;

typedef struct pattern {
	char text[PAT_CAP];       /* native pattern value */
	char code[16];            /* "ddd" or "ddd:eee" (reciprocal) */
	unsigned long line;
} pattern;

typedef struct verbs {
	vigil__petr_out *o;
	char synsets[MAX_SYNSETS][NAME_CAP]; /* names known, upper case */
	size_t members[MAX_SYNSETS];         /* native members of each */
	size_t nsynsets;
	int in_synset;            /* '+' lines are members of synsets[last] */
	unsigned long synset_line;
	int in_block;
	char block_code[16];
	unsigned long block_line;
	verb v[MAX_VERBS];
	size_t nv;
	pattern pat[MAX_PATTERNS];
	size_t npat;
} verbs;

static void lower_into(char *out, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] - 'A' + 'a') : p[i];
	out[n] = '\0';
}

/*===== Synsets ======================================================*/

static void start_synset(verbs *vs, unsigned long line, const char *p,
			 size_t n)
{
	size_t k = n;

	while (k > 1 && p[k - 1] == '_')
		k--;
	if (k < 2 || k >= NAME_CAP || vs->nsynsets == MAX_SYNSETS ||
	    memchr(p, ' ', n)) {
		vigil__dict_skip(vs->o->s, vs->o->file, line,
				 "bad synset name '%.*s'", (int)n, p);
		vs->in_synset = 0;
		return;
	}
	memcpy(vs->synsets[vs->nsynsets], p + 1, k - 1);
	vs->synsets[vs->nsynsets][k - 1] = '\0';
	vs->members[vs->nsynsets] = 0;
	vs->nsynsets++;
	vs->in_synset = 1;
	vs->synset_line = line;
}

static int synset_member(verbs *vs, unsigned long line, const char *p,
			 size_t n)
{
	char ph[ALT_CAP], pl[ALT_CAP], name[NAME_CAP];
	const char *why;
	int plural = n && p[n - 1] != '_';

	if (vigil__petr_phrase(p, n, ph, sizeof(ph), &why) < 0) {
		vigil__dict_skip(vs->o->s, vs->o->file, line, "%s", why);
		return 0;
	}
	lower_into(name, vs->synsets[vs->nsynsets - 1],
		   strlen(vs->synsets[vs->nsynsets - 1]));
	if (vigil__petr_section(vs->o, line, VIGIL_KIND_COUNT_) < 0)
		return -1;
	plural = plural && vigil__petr_plural(ph, pl, sizeof(pl)) > 0;
	vs->members[vs->nsynsets - 1] += plural ? 2 : 1;
	if (plural)
		return vigil__petr_emit(vs->o, line, "%s | %s = &%s", ph, pl,
					name);
	return vigil__petr_emit(vs->o, line, "%s = &%s", ph, name);
}

/* Length of the longest known synset name at p ("&NAME"), or 0; its
 * member count in *members. */
static size_t synset_at(const verbs *vs, const char *p, size_t n,
			size_t *members)
{
	size_t i, best = 0;

	for (i = 0; i < vs->nsynsets; i++) {
		size_t k = strlen(vs->synsets[i]);

		if (k + 1 <= n && k > best &&
		    strncasecmp(p + 1, vs->synsets[i], k) == 0 &&
		    (k + 1 == n || strchr("_(){}", p[k + 1]))) {
			best = k;
			*members = vs->members[i];
		}
	}
	return best ? best + 1 : 0;
}

/*===== Blocks =======================================================*/

/* Writes `alts = ddd pos=verb-only [pattern=pat]`; a code "ddd:eee" adds
 * `alts = eee pos=verb-reverse [pattern=pat]`, its reciprocal event. */
static int emit_verb(verbs *vs, unsigned long line, const char *alts,
		     const char *code, const char *pat)
{
	const char *colon = strchr(code, ':');
	int k = colon ? (int)(colon - code) : (int)strlen(code);

	if (vigil__petr_emit(vs->o, line, "%s = %.*s pos=verb-only%s%s", alts,
			     k, code, pat ? " pattern=" : "",
			     pat ? pat : "") < 0)
		return -1;
	if (colon && vigil__petr_emit(vs->o, line,
				      "%s = %s pos=verb-reverse%s%s", alts,
				      colon + 1, pat ? " pattern=" : "",
				      pat ? pat : "") < 0)
		return -1;
	return 0;
}

static int flush_block(verbs *vs)
{
	size_t i, k;

	if (vs->nv && vigil__petr_section(vs->o, vs->v[0].line,
					  VIGIL_KIND_VERB) < 0)
		return -1;
	for (i = 0; i < vs->nv; i++) {
		const verb *v = &vs->v[i];
		const char *code = v->code[0] ? v->code : vs->block_code;

		if (emit_verb(vs, v->line, v->alts, code, NULL) < 0)
			return -1;
		for (k = 0; k < vs->npat; k++)
			if (emit_verb(vs, vs->pat[k].line, v->alts,
				      vs->pat[k].code, vs->pat[k].text) < 0)
				return -1;
	}
	if (vs->in_block && vs->nv == 0 && vs->npat)
		vigil__dict_skip(vs->o->s, vs->o->file, vs->block_line,
				 "verb block without verbs: its patterns are unused");
	vs->nv = vs->npat = 0;
	return 0;
}

/* The code of the last "[...]" in [p, p+n): native code into out; the
 * text before the bracket is left in *before_n. 1: no bracket; -1: bad. */
static int trailing_code(const char *p, size_t n, char *out, size_t cap,
			 size_t *before_n)
{
	const char *open = NULL, *close, *q;

	for (q = p; q < p + n; q++)
		if (*q == '[')
			open = q;
	*before_n = n;
	if (!open)
		return 1;
	close = memchr(open, ']', (size_t)(p + n - open));
	if (!close)
		return -1;
	*before_n = (size_t)(open - p);
	q = open + 1;
	while (q < close && *q == ' ')
		q++;
	{
		const char *e = close;

		while (e > q && e[-1] == ' ')
			e--;
		return vigil__petr_event_code(q, (size_t)(e - q), out, cap);
	}
}

static int block_header(verbs *vs, unsigned long line, const char *p,
			size_t n)
{
	size_t before;

	if (flush_block(vs) < 0)
		return -1;
	vs->in_synset = 0;
	vs->in_block = 1;
	vs->block_line = line;
	if (trailing_code(p, n, vs->block_code, sizeof(vs->block_code),
			  &before) != 0) {
		vigil__dict_skip(vs->o->s, vs->o->file, line,
				 "bad verb block header (expected --- NAME [code] ---)");
		snprintf(vs->block_code, sizeof(vs->block_code), "---");
	}
	return 0;
}

/* "WIRE_+TAP" -> "wire +tap"; "ABANDON" -> "+abandon"; literal when
 * `literal` (forms listed in braces). Returns 0 or -1. */
static int verb_phrase(const char *p, size_t n, int literal, char *out,
		       size_t cap)
{
	size_t i, len = 0, words = 0;
	int has_plus = memchr(p, '+', n) != NULL, start = 1;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c == '_' || c == ' ') {
			start = 1;
			continue;
		}
		if (len + 4 >= cap)
			return -1;
		if (start) {
			if (words++)
				out[len++] = ' ';
			if (!literal && (c == '+' || (!has_plus && words == 1)))
				out[len++] = '+';
			start = 0;
		}
		if (c == '+')
			continue;
		if (c == '(' || c == ')' || c == '|' || c == '=')
			return -1;
		out[len++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[len] = '\0';
	return len && out[len - 1] != '+' ? 0 : -1;
}

/* TABARI adds the regular -ed form to a verb without {forms}, also where
 * WordNet's irregular forms replace it (CHIDE: "chided" beside "chid"):
 * after "+chide" the block gets the verb "chided" with the same code (a
 * verb of its own, so that a [ddd:eee] pair stays on consecutive lines). */
static void add_replaced_past(verbs *vs, const verb *v)
{
	const char *plus = strchr(v->alts, '+');
	verb *r = &vs->v[vs->nv];
	size_t wn;
	char past[64], alt[ALT_CAP];

	if (!plus || vs->nv == MAX_VERBS)
		return;
	wn = strcspn(plus + 1, " ");
	if (vigil__inflect_replaced_past(plus + 1, wn, past, sizeof(past)) == 0)
		return;
	snprintf(alt, sizeof(alt), "%.*s%s%s", (int)(plus - v->alts), v->alts,
		 past, plus + 1 + wn);
	memcpy(r->alts, alt, sizeof(r->alts));
	memcpy(r->code, v->code, sizeof(r->code));
	r->line = v->line;
	vs->nv++;
}

static void verb_line(verbs *vs, unsigned long line, const char *p, size_t n)
{
	verb *v;
	const char *brace, *bclose;
	size_t before, len;
	int rc;

	if (!vs->in_block) {
		vigil__dict_skip(vs->o->s, vs->o->file, line,
				 "verb outside a --- block ---");
		return;
	}
	if (vs->nv == MAX_VERBS) {
		vigil__dict_skip(vs->o->s, vs->o->file, line,
				 "more than %d verbs in one block", MAX_VERBS);
		return;
	}
	v = &vs->v[vs->nv];
	v->line = line;
	v->code[0] = '\0';
	rc = trailing_code(p, n, v->code, sizeof(v->code), &before);
	if (rc < 0) {
		vigil__dict_skip(vs->o->s, vs->o->file, line, "bad event code");
		return;
	}
	brace = memchr(p, '{', before);
	bclose = brace ? memchr(brace, '}', before - (size_t)(brace - p)) : NULL;
	if (brace && !bclose) {
		vigil__dict_skip(vs->o->s, vs->o->file, line, "'{' without '}'");
		return;
	}
	if (verb_phrase(p, (size_t)((brace ? brace : p + before) - p), brace != NULL,
			v->alts, sizeof(v->alts)) < 0) {
		vigil__dict_skip(vs->o->s, vs->o->file, line,
				 "bad verb '%.*s'", (int)before, p);
		return;
	}
	len = strlen(v->alts);
	if (brace) {
		const char *q = brace + 1;

		while (q < bclose) {
			const char *w = q;
			char form[ALT_CAP];

			while (q < bclose && *q != ' ')
				q++;
			if (q > w && verb_phrase(w, (size_t)(q - w), 1, form,
						 sizeof(form)) == 0 &&
			    len + strlen(form) + 4 < sizeof(v->alts))
				len += (size_t)snprintf(v->alts + len,
							sizeof(v->alts) - len,
							" | %s", form);
			while (q < bclose && *q == ' ')
				q++;
		}
	}
	vs->nv++;
	if (!brace)
		add_replaced_past(vs, v);
}

/*===== Patterns =====================================================*/

/* Appends one token of a pattern ("WOULD_*_TALKS", "(TO", "&CURRENCY").
 * Returns the number of '*' items, or -1 with *why. */
static int pattern_token(const verbs *vs, const char *p, size_t n, char *out,
			 size_t cap, size_t *len, size_t *variants,
			 const char **why)
{
	int stars = 0, first = 1;
	size_t i = 0;

	while (i < n) {
		size_t k;

		if (p[i] == '(' || p[i] == ')' || p[i] == '{' || p[i] == '}' ||
		    p[i] == '_') {
			i++;
			continue;
		}
		if (p[i] == '&') {
			size_t members = 0;

			k = synset_at(vs, p + i, n - i, &members);
			if (!k) {
				*why = "unknown synset";
				return -1;
			}
			*variants *= members ? members : 1;
			if (*variants > VIGIL__DICT_MAX_VARIANTS) {
				*why = "synsets expand to more than 256 variants";
				return -1;
			}
		} else {
			k = 0;
			while (i + k < n && !strchr("(){}_&", p[i + k]))
				k++;
		}
		if (*len + k + 2 >= cap) {
			*why = "pattern too long";
			return -1;
		}
		if (*len)
			out[(*len)++] = first ? ',' : '_';
		first = 0;
		if (k == 1 && p[i] == '*')
			stars++;
		if (k == 1 && strchr("$+^%*", p[i])) {
			out[(*len)++] = p[i];
		} else {
			if (memchr(p + i, ',', k) || memchr(p + i, '|', k) ||
			    strchr("$+^%*", p[i])) {
				*why = "bad pattern word";
				return -1;
			}
			lower_into(out + *len, p + i, k);
			*len += k;
		}
		out[*len] = '\0';
		i += k;
	}
	return stars;
}

static void pattern_line(verbs *vs, unsigned long line, const char *p,
			 size_t n)
{
	pattern *pt;
	const char *q, *end, *why = NULL;
	size_t before, len = 0, variants = 1;
	int stars = 0, rc;

	if (!vs->in_block || vs->npat == MAX_PATTERNS) {
		vigil__dict_skip(vs->o->s, vs->o->file, line, vs->in_block ?
				 "more than 1024 patterns in one block" :
				 "pattern outside a --- block ---");
		return;
	}
	pt = &vs->pat[vs->npat];
	pt->line = line;
	rc = trailing_code(p + 1, n - 1, pt->code, sizeof(pt->code), &before);
	if (rc != 0) {
		vigil__dict_skip(vs->o->s, vs->o->file, line, rc > 0 ?
				 "pattern without [code]" : "bad event code");
		return;
	}
	pt->text[0] = '\0';
	for (q = p + 1, end = p + 1 + before; q < end;) {
		const char *w;

		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		w = q;
		while (q < end && *q != ' ' && *q != '\t')
			q++;
		if (q > w) {
			rc = pattern_token(vs, w, (size_t)(q - w), pt->text,
					   sizeof(pt->text), &len, &variants,
					   &why);
			if (rc < 0) {
				vigil__dict_skip(vs->o->s, vs->o->file, line,
						 "%s in '%.*s'", why,
						 (int)(q - w), w);
				return;
			}
			stars += rc;
		}
	}
	if (stars != 1) {
		vigil__dict_skip(vs->o->s, vs->o->file, line,
				 "pattern needs exactly one * for the verb");
		return;
	}
	vs->npat++;
}

static int line_fn(void *ctx, unsigned long line, char *p, size_t n)
{
	verbs *vs = ctx;

	if (n >= 3 && memcmp(p, "---", 3) == 0)
		return block_header(vs, line, p, n);
	switch (p[0]) {
	case '&':
		if (flush_block(vs) < 0)
			return -1;
		vs->in_block = 0;
		start_synset(vs, line, p, n);
		return 0;
	case '+':
		if (vs->in_synset)
			return synset_member(vs, line, p + 1, n - 1);
		verb_line(vs, line, p, n);
		return 0;
	case '-':
		pattern_line(vs, line, p, n);
		return 0;
	case '~':
		vigil__dict_skip(vs->o->s, vs->o->file, line,
				 "transformation rules (~) are not supported");
		return 0;
	default:
		vs->in_synset = 0;
		verb_line(vs, line, p, n);
		return 0;
	}
}

int vigil__petr_verbs(vigil__petr_out *o, const char *data, size_t len)
{
	verbs *vs = calloc(1, sizeof(*vs));
	int rc = -1;

	if (!vs) {
		o->oom = 1;
		return -1;
	}
	vs->o = o;
	if (vigil__petr_lines(data, len, line_fn, vs) == 0)
		rc = flush_block(vs);
	free(vs);
	return rc;
}
