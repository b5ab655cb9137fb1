/*
 * dict_petr_actors.c: TABARI/PETRARCH actor dictionaries (*.actors.txt) to
 * native [actors] lines. A group is a primary phrase, its `+SYNONYM` lines
 * and its codes (on the phrase lines or on indented `[CODE]` lines); each
 * code becomes one native line for every phrase of the group, its date
 * restriction (`<date`, `>date`, `date-date`) becoming until=/from=.
 * A three-letter code is marked type=country so that agents and codes that
 * start with it take it as their country.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_petr.h"

#define MAX_PHRASES 1024
#define MAX_CODES 64
#define PHRASE_CAP 256

typedef struct actor_code {
	char code[32];
	uint32_t from, until;  /* YYYYMMDD, 0: open */
} actor_code;

typedef struct group {
	vigil__petr_out *o;
	unsigned long line;    /* of the primary phrase; 0: no group */
	char phrases[MAX_PHRASES][PHRASE_CAP];
	size_t nphrases;
	actor_code codes[MAX_CODES];
	size_t ncodes;
} group;

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static unsigned days_in(unsigned y, unsigned m)
{
	static const unsigned char d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30,
					    31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* YYMMDD (00-30: 20YY, else 19YY) or YYYYMMDD -> YYYYMMDD; 0 if bad. */
static uint32_t petr_date(const char *p, size_t n)
{
	unsigned v = 0, y, m, d;
	size_t i;

	if (n != 6 && n != 8)
		return 0;
	for (i = 0; i < n; i++) {
		if (!is_digit(p[i]))
			return 0;
		v = v * 10 + (unsigned)(p[i] - '0');
	}
	if (n == 6)
		v += (v / 10000 <= 30 ? 20000000u : 19000000u);
	y = v / 10000;
	m = v / 100 % 100;
	d = v % 100;
	if (y == 0 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		return 0;
	return v;
}

/* The day after (+1) or before (-1) YYYYMMDD. */
static uint32_t day_step(uint32_t v, int step)
{
	unsigned y = v / 10000, m = v / 100 % 100, d = v % 100;

	if (step > 0) {
		if (++d > days_in(y, m)) {
			d = 1;
			if (++m > 12)
				m = 1, y++;
		}
	} else if (--d == 0) {
		if (--m == 0)
			m = 12, y--;
		d = days_in(y, m);
	}
	return y * 10000 + m * 100 + d;
}

/* One bracket's content "CODE [restriction]". Returns 0 or -1 (*why). */
static int parse_code(const char *p, size_t n, actor_code *c, const char **why)
{
	size_t k = 0, i;
	const char *r;
	size_t rn;

	while (n && *p == ' ')
		p++, n--;
	while (k < n && p[k] != ' ' && p[k] != '\t')
		k++;
	if (k == 0 || k >= sizeof(c->code)) {
		*why = k ? "code too long" : "empty code []";
		return -1;
	}
	for (i = 0; i < k; i++) {
		char ch = p[i];

		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (!(ch >= 'A' && ch <= 'Z') && !is_digit(ch) && ch != '-' &&
		    !(ch == '/' && i > 0 && i + 1 < k && p[i - 1] != '/')) {
			*why = "a code has only letters, digits, - and / "
			       "between codes";
			return -1;
		}
		c->code[i] = ch;
	}
	c->code[k] = '\0';
	c->from = c->until = 0;
	r = p + k;
	rn = n - k;
	while (rn && (*r == ' ' || *r == '\t'))
		r++, rn--;
	while (rn && (r[rn - 1] == ' ' || r[rn - 1] == '\t'))
		rn--;
	if (rn == 0)
		return 0;
	*why = "bad date restriction (expected <date, >date or date-date)";
	if (*r == '<' || *r == '>') {
		const char *d = r + 1;
		size_t dn = rn - 1;
		uint32_t v;

		while (dn && *d == ' ')
			d++, dn--;
		v = petr_date(d, dn);
		if (!v)
			return -1;
		if (*r == '<')
			c->until = day_step(v, -1);
		else
			c->from = day_step(v, +1);
		return 0;
	}
	{
		const char *dash = memchr(r, '-', rn);

		if (!dash)
			return -1;
		const char *a_end = dash, *b = dash + 1, *b_end = r + rn;

		while (a_end > r && a_end[-1] == ' ')
			a_end--;
		while (b < b_end && *b == ' ')
			b++;
		c->from = petr_date(r, (size_t)(a_end - r));
		c->until = petr_date(b, (size_t)(b_end - b));
		if (!c->from || !c->until || c->from > c->until)
			return -1;
	}
	return 0;
}

/* Adds the codes of the brackets in [p, p+n). Returns 0 or -1 (*why). */
static int take_codes(group *g, const char *p, size_t n, const char **why)
{
	const char *end = p + n;

	while (p < end) {
		const char *open = memchr(p, '[', (size_t)(end - p)), *close;

		if (!open)
			break;
		close = memchr(open, ']', (size_t)(end - open));
		if (!close) {
			*why = "'[' without ']'";
			return -1;
		}
		if (g->ncodes == MAX_CODES) {
			*why = "more than 64 codes in one group";
			return -1;
		}
		if (parse_code(open + 1, (size_t)(close - open - 1),
			       &g->codes[g->ncodes], why) < 0)
			return -1;
		g->ncodes++;
		p = close + 1;
	}
	return 0;
}

static void put_date(char *out, size_t cap, const char *key, uint32_t v)
{
	if (v)
		snprintf(out, cap, " %s=%04u-%02u-%02u", key, v / 10000,
			 v / 100 % 100, v % 100);
	else
		out[0] = '\0';
}

static int is_country_code(const char *c)
{
	return strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' &&
	       c[1] >= 'A' && c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z';
}

/* Writes one line per phrase of the group for code c. */
static int emit_code(group *g, const actor_code *c)
{
	char from[32], until[32];
	size_t i;

	put_date(from, sizeof(from), "from", c->from);
	put_date(until, sizeof(until), "until", c->until);
	for (i = 0; i < g->nphrases; i++)
		if (vigil__petr_emit(g->o, g->line, "%s = %s%s%s%s",
				     g->phrases[i], c->code,
				     is_country_code(c->code) ?
					     " type=country" : "",
				     from, until) < 0)
			return -1;
	return 0;
}

/* Writes the group: one line per (phrase, code), the codes with dates
 * first, so that on their dates they come before the group's open code
 * (the coder takes the first entry valid on the date). */
static int flush(group *g)
{
	size_t k;
	int dated;

	if (!g->line)
		return 0;
	if (g->ncodes == 0)
		vigil__dict_skip(g->o->s, g->o->file, g->line,
				 "actor '%s' has no code", g->phrases[0]);
	for (dated = 1; dated >= 0; dated--)
		for (k = 0; k < g->ncodes; k++)
			if ((g->codes[k].from || g->codes[k].until) == dated &&
			    emit_code(g, &g->codes[k]) < 0)
				return -1;
	g->line = 0;
	g->nphrases = g->ncodes = 0;
	return 0;
}

static int actor_line(void *ctx, unsigned long line, char *p, size_t n)
{
	group *g = ctx;
	const char *why = NULL, *open, *end = p + n;
	size_t pn;

	if (p[0] == '[') {  /* codes of the current group */
		if (!g->line) {
			vigil__dict_skip(g->o->s, g->o->file, line,
					 "codes before any actor phrase");
			return 0;
		}
		if (take_codes(g, p, n, &why) < 0)
			vigil__dict_skip(g->o->s, g->o->file, line, "%s", why);
		return 0;
	}
	if (p[0] != '+') {
		if (flush(g) < 0)
			return -1;
	} else if (!g->line) {
		vigil__dict_skip(g->o->s, g->o->file, line,
				 "synonym before any actor phrase");
		return 0;
	}
	open = memchr(p, '[', n);
	pn = open ? (size_t)(open - p) : n;
	if (p[0] == '+')
		p++, pn--;
	if (g->nphrases == MAX_PHRASES) {
		vigil__dict_skip(g->o->s, g->o->file, line,
				 "more than 1024 phrases in one group");
		return 0;
	}
	if (vigil__petr_phrase(p, pn, g->phrases[g->nphrases], PHRASE_CAP,
			       &why) < 0) {
		vigil__dict_skip(g->o->s, g->o->file, line, "%s", why);
		return 0;
	}
	if (open && take_codes(g, open, (size_t)(end - open), &why) < 0) {
		vigil__dict_skip(g->o->s, g->o->file, line, "%s", why);
		return 0;
	}
	g->nphrases++;
	if (!g->line)
		g->line = line;
	return 0;
}

int vigil__petr_actors(vigil__petr_out *o, const char *data, size_t len)
{
	group *g = calloc(1, sizeof(*g));  /* 260 KB: kept off the stack */
	int rc = -1;

	if (!g) {
		o->oom = 1;
		return -1;
	}
	g->o = o;
	if (vigil__petr_section(o, 1, VIGIL_KIND_ACTOR) == 0 &&
	    vigil__petr_lines(data, len, actor_line, g) == 0)
		rc = flush(g);
	free(g);
	return rc;
}
