/*
 * layout.c: vigil__layout_text, the third step of the text stage. It cuts
 * normalized text (lines end in '\n') into paragraphs, one per line or, for
 * hard-wrapped text, one per block between blank lines; leaves out the
 * lines boilerplate.c calls boilerplate and the bylines, which it records;
 * and cuts off and records a dateline that opens the first paragraph
 * ("SEOUL, Feb 14 (Reuters) - ").
 *
 * SPDX-License-Identifier: MIT
 */
#include "text_int.h"

#include <string.h>

#define WRAP_MIN 30           /* hard-wrapped lines are 30..100 characters */
#define WRAP_MAX 100

typedef struct line {
	uint32_t off, len;   /* trimmed, never empty */
	uint8_t kind;        /* vigil__line_kind */
	uint8_t blank_after; /* a blank line or the end of the text follows */
} line;

typedef struct unit {
	uint32_t off, len; /* trimmed */
	uint32_t nlines;
	uint8_t kind;
	uint8_t drop;
} unit;

/* ---- Lines and hard wrapping -------------------------------------------- */

/* Characters in s[0, n), counted up to `most` + 1. */
static size_t count_chars(const char *s, size_t n, size_t most)
{
	size_t i, k = 0;

	for (i = 0; i < n && k <= most; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/*
 * Hard-wrapped text: at least a third of the lines (and at least two) are
 * 30-100 characters long, end without terminal punctuation and run on into
 * the next line, and hardly any line is longer than 100 characters.
 */
static int hard_wrapped(const char *text, const line *ln, size_t n)
{
	size_t i, open = 0, longer = 0, chars;
	char c;

	for (i = 0; i < n; i++) {
		chars = ln[i].len;
		if (chars > WRAP_MAX && chars <= 4 * WRAP_MAX)
			chars = count_chars(text + ln[i].off, ln[i].len, WRAP_MAX);
		if (chars > WRAP_MAX) {
			if (++longer * 10 > n)
				return 0;
			continue;
		}
		c = text[ln[i].off + ln[i].len - 1];
		if (chars >= WRAP_MIN && !ln[i].blank_after &&
		    !strchr(".!?:\"')", c))
			open++;
	}
	return open >= 2 && open * 3 >= n && longer * 10 <= n;
}

/* Collects the non-blank lines of text, trimmed. Returns their count or
 * (size_t)-1 when the arena fails. */
static size_t collect_lines(vigil__arena *a, const char *text, size_t len,
			    line **out)
{
	const char *p = text, *end = text + len, *nl;
	size_t n = 1, k = 0;
	line *ln;
	uint32_t b, e;

	*out = NULL;
	if (len == 0)
		return 0;
	for (nl = memchr(p, '\n', len); nl; nl = memchr(nl + 1, '\n', (size_t)(end - nl - 1)))
		n++;
	ln = vigil__arena_alloc(a, n * sizeof(*ln));
	if (!ln)
		return (size_t)-1;
	while (p <= end) {
		nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		if (!nl)
			nl = end;
		b = (uint32_t)(p - text);
		e = (uint32_t)(nl - text);
		while (b < e && (vigil__text_cls[(unsigned char)text[b]] & C_SPACE))
			b++;
		while (e > b && (vigil__text_cls[(unsigned char)text[e - 1]] & C_SPACE))
			e--;
		if (e > b) {
			ln[k].off = b;
			ln[k].len = e - b;
			ln[k].kind = LINE_TEXT;
			ln[k].blank_after = 0;
			k++;
		} else if (k > 0) {
			ln[k - 1].blank_after = 1;
		}
		if (nl == end)
			break;
		p = nl + 1;
	}
	if (k > 0)
		ln[k - 1].blank_after = 1;
	*out = ln;
	return k;
}

/* ---- Units: lines, or blocks of wrapped lines --------------------------- */

static void add_unit(unit *u, size_t *nu, const line *first, const line *last,
		     uint8_t kind, uint32_t nlines)
{
	u[*nu].off = first->off;
	u[*nu].len = last->off + last->len - first->off;
	u[*nu].nlines = nlines;
	u[*nu].kind = kind;
	u[*nu].drop = 0;
	(*nu)++;
}

/*
 * Builds units from wrapped lines: each block between blank lines is one
 * unit, after peeling off boilerplate lines at its edges (and byline or name
 * lines in the first and last block).
 */
static size_t wrapped_units(const char *text, line *ln, size_t n, unit *u)
{
	size_t nu = 0, b = 0, e, i, tail;

	while (b < n) {
		for (e = b; !ln[e].blank_after; e++)
			;
		for (i = b; i <= e; i++)
			ln[i].kind = vigil__text_line_kind(text + ln[i].off, ln[i].len);
		for (i = b; i <= e; i++) {
			if (ln[i].kind == LINE_TEXT ||
			    (ln[i].kind != LINE_BOILER && b != 0 && e != n - 1))
				break;
			add_unit(u, &nu, &ln[i], &ln[i], ln[i].kind, 1);
		}
		b = i;
		for (tail = e + 1; tail > b; tail--) {
			uint8_t k = ln[tail - 1].kind;

			if (k == LINE_TEXT || (k != LINE_BOILER && e != n - 1))
				break;
		}
		if (tail > b)
			add_unit(u, &nu, &ln[b], &ln[tail - 1], LINE_TEXT,
				 (uint32_t)(tail - b));
		for (i = tail; i <= e; i++)
			add_unit(u, &nu, &ln[i], &ln[i], ln[i].kind, 1);
		b = e + 1;
	}
	return nu;
}

static size_t line_units(const char *text, const line *ln, size_t n, unit *u)
{
	size_t i, nu = 0;

	for (i = 0; i < n; i++)
		add_unit(u, &nu, &ln[i], &ln[i],
			 vigil__text_line_kind(text + ln[i].off, ln[i].len), 1);
	return nu;
}

/* ---- Bylines and drops -------------------------------------------------- */

static void set_byline(const char *text, const unit *u, vigil__layout *out)
{
	size_t name = 0;

	if (out->byline.len)
		return;
	if (u->kind == LINE_BY)
		name = vigil__text_byline_name(text + u->off, u->len);
	out->byline.off = u->off + (uint32_t)name;
	out->byline.len = u->len - (uint32_t)name;
}

/*
 * Marks the units to leave out: boilerplate anywhere; a "By" line among the
 * first three others when prose follows; a name or "By" line last, when
 * prose precedes. A lone name-like line at the start is kept: there it is
 * more often a title-case headline ("Putin Visits Pyongyang") than a byline.
 */
static void mark_drops(const char *text, unit *u, size_t nu, vigil__layout *out)
{
	size_t i, seen = 0, first = nu, last = nu;

	for (i = 0; i < nu; i++) {
		if (u[i].kind == LINE_BOILER) {
			u[i].drop = 1;
			continue;
		}
		if (first == nu)
			first = i;
		last = i;
	}
	if (first == nu || first == last)
		return;
	for (i = first; i < last && seen < 3; i++) {
		if (u[i].drop)
			continue;
		seen++;
		if (u[i].kind == LINE_BY) {
			set_byline(text, &u[i], out);
			u[i].drop = 1;
			break;
		}
	}
	if ((u[last].kind == LINE_NAME || u[last].kind == LINE_BY) && !u[last].drop) {
		for (i = first; i < last; i++)
			if (!u[i].drop)
				break;
		if (i < last) {
			set_byline(text, &u[last], out);
			u[last].drop = 1;
		}
	}
}

/* ---- Datelines ---------------------------------------------------------- */

/* Parses capitalized words at p[i]: returns the end, counts letters and
 * notes a lowercase letter. */
static size_t cap_words(const char *p, size_t i, size_t n, size_t maxw,
			size_t *letters, int *lower)
{
	size_t words = 0, j;

	while (words < maxw && i < n && vigil__text_upper_at(p + i, n - i)) {
		for (j = i; j < n; j++) {
			unsigned char c = (unsigned char)p[j];

			if (c >= 0x80 || (vigil__text_cls[c] & C_ALPHA)) {
				*letters += (c & 0xC0) != 0x80;
				*lower |= (vigil__text_cls[c] & C_LOWER) != 0;
			} else if (!strchr(".'-/", c)) {
				break;
			}
		}
		i = j;
		words++;
		if (i + 1 < n && p[i] == ' ' && vigil__text_upper_at(p + i + 1, n - i - 1))
			i++;
		else
			break;
	}
	return i;
}

static const char *const months[] = {
	"april", "august", "december", "february", "january", "july", "june",
	"march", "may", "november", "october", "september",
};

/* Whether w[0, n) is a month name (any case). */
static int month(const char *w, size_t n)
{
	size_t i, j;

	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++) {
		if (strlen(months[i]) != n)
			continue;
		for (j = 0; j < n; j++)
			if (vigil__text_lower[(unsigned char)w[j]] != (unsigned char)months[i][j])
				break;
		if (j == n)
			return 1;
	}
	return 0;
}

/* A month name or abbreviation and a day at p[i]: "Feb 14", "Jan. 9",
 * "March 3". Returns the end, or i. */
static size_t month_day(const char *p, size_t i, size_t n)
{
	size_t j = i, w;

	while (j < n && (vigil__text_cls[(unsigned char)p[j]] & C_ALPHA))
		j++;
	w = j - i;
	if (vigil__text_abbrev_lookup(p + i, w) != ABBR_MONTH && !month(p + i, w))
		return i;
	if (j < n && p[j] == '.')
		j++;
	if (j + 1 >= n || p[j] != ' ' ||
	    !(vigil__text_cls[(unsigned char)p[j + 1]] & C_DIGIT))
		return i;
	j++;
	for (w = 0; j < n && w < 2 && (vigil__text_cls[(unsigned char)p[j]] & C_DIGIT); w++)
		j++;
	return j;
}

/*
 * Length of a dateline at the start of p[0, n), through its dash, or 0:
 * PLACE[, REGION][, Month Day][ (AGENCY)] - , where PLACE is written in
 * capitals (three letters or more) unless an (AGENCY) follows.
 */
static size_t dateline(const char *p, size_t n)
{
	size_t i, j, letters = 0, k;
	int lower = 0, agency = 0;

	if (n > 160)
		n = 160;
	i = cap_words(p, 0, n, 6, &letters, &lower);
	for (k = 0; k < 2 && i > 0 && i + 2 < n && p[i] == ',' && p[i + 1] == ' '; k++) {
		size_t l2 = 0;
		int lo2 = 0;

		j = month_day(p, i + 2, n);
		if (j == i + 2)
			j = cap_words(p, i + 2, n, 4, &l2, &lo2);
		if (j == i + 2)
			break;
		i = j;
	}
	j = i;
	if (j < n && p[j] == ' ')
		j++;
	if (j < n && p[j] == '(' && (j == 0 || j > i)) {
		size_t close = j + 1;

		while (close < n && close < j + 40 && p[close] != ')')
			close++;
		if (close < n && p[close] == ')' && vigil__text_upper_at(p + j + 1, n - j - 1)) {
			agency = 1;
			i = close + 1;
		}
	}
	if (!agency && (lower || letters < 3 || i == 0))
		return 0;
	while (i < n && p[i] == ' ')
		i++;
	if (i >= n || p[i] != '-' || (i + 1 < n && p[i + 1] != ' '))
		return 0;
	return i + 1;
}

/* Whether paragraph p[0, n) looks like a headline: short, no final stop. */
static int headline(const char *p, size_t n)
{
	return n <= 150 && !strchr(".!?\"'):", p[n - 1]);
}

/* Cuts a dateline off paragraph r; returns 1 when there was one. */
static int cut_dateline(const char *text, vigil__range *r, vigil__layout *out)
{
	size_t d = dateline(text + r->off, r->len);

	if (d == 0)
		return 0;
	out->dateline.off = r->off;
	out->dateline.len = (uint32_t)d;
	while (d < r->len && (vigil__text_cls[(unsigned char)text[r->off + d]] & C_SPACE))
		d++;
	r->off += (uint32_t)d;
	r->len -= (uint32_t)d;
	return 1;
}

/* ---- vigil__layout_text ------------------------------------------------- */

int vigil__layout_text(vigil__arena *a, const char *text, size_t len,
		       vigil__layout *out)
{
	line *ln = NULL;
	unit *u;
	size_t n, nu, i, k, cut;
	vigil__range *r;

	memset(out, 0, sizeof(*out));
	if (len > UINT32_MAX)
		return -1;
	n = collect_lines(a, text, len, &ln);
	if (n == (size_t)-1)
		return -1;
	/* A unit holds one line or more: n + 1 is enough for both arrays. */
	u = vigil__arena_alloc(a, (n + 1) * sizeof(*u));
	r = vigil__arena_alloc(a, (n + 1) * sizeof(*r));
	if (!u || !r)
		return -1;
	if (hard_wrapped(text, ln, n))
		nu = wrapped_units(text, ln, n, u);
	else
		nu = line_units(text, ln, n, u);
	mark_drops(text, u, nu, out);
	for (i = 0, k = 0; i < nu; i++) {
		if (u[i].drop) {
			out->dropped += u[i].nlines;
			continue;
		}
		cut = vigil__text_cut_credit(text + u[i].off, u[i].len);
		if (cut < u[i].len)
			out->dropped++;
		if (cut == 0)
			continue;
		r[k].off = u[i].off;
		r[k].len = (uint32_t)cut;
		k++;
	}
	/* The dateline opens the first paragraph, or the second after a
	 * headline. */
	for (i = 0; i < k && i < 2; i++) {
		if (cut_dateline(text, &r[i], out)) {
			if (r[i].len == 0) {
				memmove(&r[i], &r[i + 1], (k - i - 1) * sizeof(*r));
				k--;
			}
			break;
		}
		if (!headline(text + r[i].off, r[i].len))
			break;
	}
	out->paras = r;
	out->npara = k;
	return 0;
}
