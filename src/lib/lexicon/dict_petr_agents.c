/*
 * dict_petr_agents.c: TABARI/PETRARCH agent dictionaries (*.agents.txt) to
 * native [agents] lines. `PHRASE {PLURALS} [~CODE]` gives the phrase and
 * its plurals (regular ones when there are no braces, none for `{}`) with
 * sector CODE; `[CODE~]` (the code goes before the actor's) is written
 * `CODE~`. Substitution sets `!NAME! = A, B` expand where `!NAME!` is used.
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

/* Expands the first !NAME! of phrase [p, p+n) and recurses. */
static int expand(agents *a, unsigned long line, const char *p, size_t n,
		  const char *plurals, size_t pln, int braces, const char *code)
{
	const char *bang = memchr(p, '!', n), *close;
	char buf[PHRASE_CAP];
	size_t i, k;

	if (!bang)
		return emit_agent(a, line, p, n, plurals, pln, braces, code);
	close = memchr(bang + 1, '!', n - (size_t)(bang + 1 - p));
	for (i = 0; close && i < a->nsubst; i++) {
		const subst *s = &a->subst[i];

		if (strlen(s->name) != (size_t)(close + 1 - bang) ||
		    memcmp(s->name, bang, strlen(s->name)) != 0)
			continue;
		for (k = 0; k < s->n; k++) {
			int m = snprintf(buf, sizeof(buf), "%.*s%s%.*s",
					 (int)(bang - p), p, s->members[k],
					 (int)(p + n - close - 1), close + 1);

			if (m < 0 || (size_t)m >= sizeof(buf) ||
			    expand(a, line, buf, (size_t)m, plurals, pln, braces,
				   code) < 0)
				return m < 0 || (size_t)m >= sizeof(buf) ? 0 : -1;
		}
		return 0;
	}
	vigil__dict_skip(a->o->s, a->o->file, line,
			 "unknown substitution set in '%.*s'", (int)n, p);
	return 0;
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
	return expand(a, line, p, pn, brace ? brace + 1 : "",
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
