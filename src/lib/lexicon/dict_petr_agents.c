/*
 * dict_petr_agents.c: TABARI/PETRARCH agent dictionaries (*.agents.txt) to
 * native [agents] lines. `PHRASE {PLURALS} [~CODE]` gives the phrase and
 * its plurals (regular ones when there are no braces, none for `{}`) with
 * sector CODE; `[CODE~]` (the code goes before the actor's) is written
 * `CODE~`. Substitution sets `!NAME! = A, B` expand where `!NAME!` is used;
 * a member may not name a set, and a line expanding to more than
 * VIGIL__DICT_MAX_VARIANTS phrases is refused (before any is emitted).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_petr.h"

#define MAX_SUBSTS 32
#define MAX_MEMBERS 16
#define WORD_CAP 64
#define PHRASE_CAP 512

typedef struct subst {
	char name[WORD_CAP];          /* "!PERSON!" */
	char members[MAX_MEMBERS][WORD_CAP];
	size_t n;
} subst;

typedef struct agents {
	vigil__petr_out *o;
	subst subst[MAX_SUBSTS];
	size_t nsubst;
} agents;

/* `!NAME! = A, B, C`. */
static void define_subst(agents *a, unsigned long line, const char *p,
			 size_t n)
{
	const char *eq = memchr(p, '=', n), *q, *end = p + n;
	const char *close = memchr(p + 1, '!', n - 1);
	subst *s;

	if (!eq || !close || close > eq || (size_t)(close + 1 - p) >= WORD_CAP ||
	    a->nsubst == MAX_SUBSTS) {
		vigil__dict_skip(a->o->s, a->o->file, line,
				 "bad substitution set (expected !NAME! = A, B)");
		return;
	}
	s = &a->subst[a->nsubst];
	memcpy(s->name, p, (size_t)(close + 1 - p));
	s->name[close + 1 - p] = '\0';
	s->n = 0;
	for (q = eq + 1; q < end && s->n < MAX_MEMBERS;) {
		const char *comma = memchr(q, ',', (size_t)(end - q));
		const char *e = comma ? comma : end;

		while (q < e && *q == ' ')
			q++;
		while (e > q && e[-1] == ' ')
			e--;
		if (memchr(q, '!', (size_t)(e - q))) {
			vigil__dict_skip(a->o->s, a->o->file, line,
					 "substitution set member names a set");
			return;
		}
		if (e > q && (size_t)(e - q) < WORD_CAP) {
			memcpy(s->members[s->n], q, (size_t)(e - q));
			s->members[s->n++][e - q] = '\0';
		}
		q = comma ? comma + 1 : end;
	}
	if (s->n)
		a->nsubst++;
	else
		vigil__dict_skip(a->o->s, a->o->file, line,
				 "substitution set without members");
}

/* The native code of bracket [p, p+n): "~GOV" -> "GOV", "IGO~" -> "IGO~". */
static int agent_code(const char *p, size_t n, char *out, size_t cap)
{
	size_t i, k = 0;

	while (n && *p == ' ')
		p++, n--;
	while (n && p[n - 1] == ' ')
		n--;
	if (n < 2 || n >= cap)
		return -1;
	if (p[0] == '~')
		p++, n--;
	else if (p[n - 1] != '~')
		return -1;
	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') &&
		    !(c == '~' && i == n - 1))
			return -1;
		out[k++] = c;
	}
	out[k] = '\0';
	return k > (out[k - 1] == '~') ? 0 : -1;
}

/* Emits one agent line: phrase, plurals, code. */
static int emit_agent(agents *a, unsigned long line, const char *phrase,
		      size_t pn, const char *plurals, size_t pln, int braces,
		      const char *code)
{
	char ph[PHRASE_CAP], pl[PHRASE_CAP], lhs[VIGIL__DICT_MAX_LINE];
	const char *why;
	size_t len;

	if (vigil__petr_phrase(phrase, pn, ph, sizeof(ph), &why) < 0) {
		vigil__dict_skip(a->o->s, a->o->file, line, "%s", why);
		return 0;
	}
	len = (size_t)snprintf(lhs, sizeof(lhs), "%s", ph);
	if (!braces) {
		if (vigil__petr_plural(ph, pl, sizeof(pl)) > 0)
			len += (size_t)snprintf(lhs + len, sizeof(lhs) - len,
						" | %s", pl);
	} else {
		const char *q = plurals, *end = plurals + pln;

		while (q < end) {
			const char *w = q;

			while (q < end && *q != ' ')
				q++;
			if (q > w && vigil__petr_phrase(w, (size_t)(q - w), pl,
							sizeof(pl), &why) > 0 &&
			    len + strlen(pl) + 4 < sizeof(lhs))
				len += (size_t)snprintf(lhs + len,
							sizeof(lhs) - len,
							" | %s", pl);
			while (q < end && *q == ' ')
				q++;
		}
	}
	return vigil__petr_emit(a->o, line, "%s = %s", lhs, code);
}

/* The set named by [bang, close] ("!PERSON!"), or NULL. */
static const subst *find_subst(const agents *a, const char *bang,
			       const char *close)
{
	size_t i, n = (size_t)(close + 1 - bang);

	for (i = 0; i < a->nsubst; i++)
		if (strlen(a->subst[i].name) == n &&
		    memcmp(a->subst[i].name, bang, n) == 0)
			return &a->subst[i];
	return NULL;
}

/* How many phrases [p, p+n) expands to (at most the cap + 1); 0 when it
 * uses an unknown set. Members name no set, so this is the product of the
 * sizes of the sets used. */
static size_t variant_count(const agents *a, const char *p, size_t n)
{
	const char *end = p + n, *bang, *close;
	size_t count = 1;

	while ((bang = memchr(p, '!', (size_t)(end - p))) &&
	       (close = memchr(bang + 1, '!', (size_t)(end - bang - 1)))) {
		const subst *s = find_subst(a, bang, close);

		if (!s)
			return 0;
		count *= s->n;
		if (count > VIGIL__DICT_MAX_VARIANTS)
			return VIGIL__DICT_MAX_VARIANTS + 1;
		p = close + 1;
	}
	return count;
}

/* Expands the first !NAME! of phrase [p, p+n) and recurses; the caller
 * checked with variant_count that every set is known. */
static int expand(agents *a, unsigned long line, const char *p, size_t n,
		  const char *plurals, size_t pln, int braces, const char *code)
{
	const char *bang = memchr(p, '!', n), *close = NULL;
	const subst *s;
	char buf[PHRASE_CAP];
	size_t k;

	if (bang)
		close = memchr(bang + 1, '!', n - (size_t)(bang + 1 - p));
	if (!close)
		return emit_agent(a, line, p, n, plurals, pln, braces, code);
	s = find_subst(a, bang, close);
	for (k = 0; s && k < s->n; k++) {
		int m = snprintf(buf, sizeof(buf), "%.*s%s%.*s",
				 (int)(bang - p), p, s->members[k],
				 (int)(p + n - close - 1), close + 1);

		if (m < 0 || (size_t)m >= sizeof(buf))
			return 0;
		if (expand(a, line, buf, (size_t)m, plurals, pln, braces,
			   code) < 0)
			return -1;
	}
	return 0;
}

/* Expands phrase [p, p+n) unless it uses an unknown set or too many
 * variants (then the line is reported and skipped whole). */
static int expand_line(agents *a, unsigned long line, const char *p, size_t n,
		       const char *plurals, size_t pln, int braces,
		       const char *code)
{
	size_t count = variant_count(a, p, n);

	if (count == 0) {
		vigil__dict_skip(a->o->s, a->o->file, line,
				 "unknown substitution set in '%.*s'", (int)n, p);
		return 0;
	}
	if (count > VIGIL__DICT_MAX_VARIANTS) {
		vigil__dict_skip(a->o->s, a->o->file, line,
				 "substitution sets expand to more than %u "
				 "phrases in '%.*s'", VIGIL__DICT_MAX_VARIANTS,
				 (int)n, p);
		return 0;
	}
	return expand(a, line, p, n, plurals, pln, braces, code);
}

static int agent_line(void *ctx, unsigned long line, char *p, size_t n)
{
	agents *a = ctx;
	const char *open = memchr(p, '[', n), *close, *brace, *bclose = NULL;
	char code[64];
	size_t pn;

	if (p[0] == '!' && memchr(p, '=', n)) {
		define_subst(a, line, p, n);
		return 0;
	}
	close = open ? memchr(open, ']', n - (size_t)(open - p)) : NULL;
	if (!close) {
		vigil__dict_skip(a->o->s, a->o->file, line,
				 "expected PHRASE {PLURALS} [~CODE]");
		return 0;
	}
	if (agent_code(open + 1, (size_t)(close - open - 1), code,
		       sizeof(code)) < 0) {
		vigil__dict_skip(a->o->s, a->o->file, line,
				 "bad agent code '%.*s' (expected ~CODE or CODE~)",
				 (int)(close - open + 1), open);
		return 0;
	}
	brace = memchr(p, '{', (size_t)(open - p));
	if (brace)
		bclose = memchr(brace, '}', (size_t)(open - brace));
	if (brace && !bclose) {
		vigil__dict_skip(a->o->s, a->o->file, line, "'{' without '}'");
		return 0;
	}
	pn = (size_t)((brace ? brace : open) - p);
	return expand_line(a, line, p, pn, brace ? brace + 1 : "",
		      brace ? (size_t)(bclose - brace - 1) : 0, brace != NULL,
		      code);
}

int vigil__petr_agents(vigil__petr_out *o, const char *data, size_t len)
{
	agents *a = calloc(1, sizeof(*a));
	int rc = -1;

	if (!a) {
		o->oom = 1;
		return -1;
	}
	a->o = o;
	if (vigil__petr_section(o, 1, VIGIL_KIND_AGENT) == 0)
		rc = vigil__petr_lines(data, len, agent_line, a);
	free(a);
	return rc;
}
