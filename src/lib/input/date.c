/*
 * date.c: normalizes the publication dates found in documents (text
 * headers, JSONL, HTML meta tags, RSS/Atom) to YYYY-MM-DD. Accepted: ISO
 * 8601 dates and date-times (the time and zone are checked, then dropped),
 * "February 15, 2025", "Feb. 15, 2025", "15 February 2025", "15th Feb 2025"
 * and RFC 822 ("Fri, 14 Feb 2025 09:30:00 GMT", two-digit years too).
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <string.h>

/* A cursor over the date text; every parser advances `p` only on success. */
typedef struct cur {
	const char *p;
	const char *end;
} cur;

static const char *const month_names[12] = {
    "january", "february", "march",	"april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

static const char *const weekday_names[7] = {
    "monday", "tuesday",  "wednesday", "thursday",
    "friday", "saturday", "sunday",
};

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static void skip_space(cur *c)
{
	while (c->p < c->end && is_space((unsigned char)*c->p))
		c->p++;
}

static int at_end(const cur *c)
{
	return c->p == c->end;
}

static int accept_char(cur *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return 1;
	}
	return 0;
}

/* Reads exactly `n` digits; returns the value or -1. */
static int digits(cur *c, int n)
{
	int v = 0, i;

	if (c->end - c->p < n)
		return -1;
	for (i = 0; i < n; i++) {
		if (!is_digit((unsigned char)c->p[i]))
			return -1;
		v = v * 10 + (c->p[i] - '0');
	}
	c->p += n;
	return v;
}

/* Reads 1 to `max` digits; returns the value or -1. */
static int number(cur *c, int max)
{
	int v = 0, n = 0;

	while (n < max && c->p + n < c->end &&
	       is_digit((unsigned char)c->p[n])) {
		v = v * 10 + (c->p[n] - '0');
		n++;
	}
	if (n == 0 || (c->p + n < c->end && is_digit((unsigned char)c->p[n])))
		return -1;
	c->p += n;
	return v;
}

/* Reads a word of letters into lowercase `w` (at most cap-1 letters). */
static size_t word(cur *c, char *w, size_t cap)
{
	size_t n = 0;

	while (c->p + n < c->end && is_alpha((unsigned char)c->p[n])) {
		if (n + 1 >= cap)
			return 0;
		w[n] = (char)lower((unsigned char)c->p[n]);
		n++;
	}
	w[n] = '\0';
	c->p += n;
	return n;
}

/* Matches a full name or an abbreviation of at least 3 letters of one. */
static int name_index(const char *w, size_t n, const char *const *names,
		      int count)
{
	int i;

	if (n < 3)
		return -1;
	for (i = 0; i < count; i++) {
		size_t full = strlen(names[i]);

		if (n == full && memcmp(w, names[i], n) == 0)
			return i;
		if (n == 3 && memcmp(w, names[i], 3) == 0)
			return i;
	}
	if (n == 4 && memcmp(w, "sept", 4) == 0 && names == month_names)
		return 8;
	if (n == 4 && memcmp(w, "tues", 4) == 0 && names == weekday_names)
		return 1;
	if (n == 5 && memcmp(w, "thurs", 5) == 0 && names == weekday_names)
		return 3;
	return -1;
}

/* Reads a month name, with an optional '.' after an abbreviation; 1-12. */
static int month(cur *c)
{
	cur save = *c;
	char w[16];
	size_t n = word(c, w, sizeof(w));
	int m = name_index(w, n, month_names, 12);

	if (m < 0) {
		*c = save;
		return -1;
	}
	if (n < strlen(month_names[m]))
		accept_char(c, '.');
	return m + 1;
}

/* Skips an optional leading weekday name with its comma ("Fri, "). */
static void skip_weekday(cur *c)
{
	cur save = *c;
	char w[16];
	size_t n = word(c, w, sizeof(w));

	if (name_index(w, n, weekday_names, 7) < 0) {
		*c = save;
		return;
	}
	accept_char(c, '.');
	skip_space(c);
	accept_char(c, ',');
	skip_space(c);
}

/* Reads a day of month with an optional ordinal suffix ("15th"). */
static int day(cur *c)
{
	static const char *const suffixes[] = {"st", "nd", "rd", "th"};
	int d = number(c, 2);
	size_t i;

	if (d < 0)
		return -1;
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		if (c->end - c->p >= 2 &&
		    lower((unsigned char)c->p[0]) == suffixes[i][0] &&
		    lower((unsigned char)c->p[1]) == suffixes[i][1] &&
		    (c->end - c->p == 2 || !is_alpha((unsigned char)c->p[2]))) {
			c->p += 2;
			break;
		}
	}
	return d;
}

/* A four-digit year, or a two-digit one (RFC 822): 70-99 -> 19xx. */
static int year(cur *c)
{
	const char *start = c->p;
	int y = number(c, 4);

	if (y < 0)
		return -1;
	if (c->p - start == 2)
		return y + (y >= 70 ? 1900 : 2000);
	return c->p - start == 4 ? y : -1;
}

/* HH:MM[:SS[.frac]]; returns 0 or -1. */
static int clock_time(cur *c)
{
	int h = digits(c, 2), m;

	if (h < 0 || h > 23 || !accept_char(c, ':'))
		return -1;
	m = digits(c, 2);
	if (m < 0 || m > 59)
		return -1;
	if (accept_char(c, ':')) {
		int s = digits(c, 2);

		if (s < 0 || s > 60)
			return -1;
		if (accept_char(c, '.') || accept_char(c, ','))
			if (number(c, 9) < 0)
				return -1;
	}
	return 0;
}

/* Z, +HH, +HHMM or +HH:MM; returns 0 or -1. */
static int numeric_zone(cur *c)
{
	if (accept_char(c, 'Z') || accept_char(c, 'z'))
		return 0;
	if (!accept_char(c, '+') && !accept_char(c, '-'))
		return -1;
	if (digits(c, 2) < 0)
		return -1;
	accept_char(c, ':');
	if (at_end(c) || is_space((unsigned char)*c->p))
		return 0;
	return digits(c, 2) < 0 ? -1 : 0;
}

/* An optional time after a date written with words:
 * [","] HH:MM[:SS] [zone name | numeric zone]. */
static int optional_time(cur *c)
{
	char w[8];

	skip_space(c);
	if (at_end(c))
		return 0;
	accept_char(c, ',');
	skip_space(c);
	if (clock_time(c) < 0)
		return -1;
	skip_space(c);
	if (at_end(c))
		return 0;
	if (numeric_zone(c) < 0 && word(c, w, sizeof(w)) == 0)
		return -1;
	skip_space(c);
	return at_end(c) ? 0 : -1;
}

static int days_in_month(int y, int m)
{
	static const unsigned char days[12] = {31, 28, 31, 30, 31, 30,
					       31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* YYYY-MM-DD with an optional T or space and time and zone. */
static int parse_iso(cur *c, int *y, int *m, int *d)
{
	*y = digits(c, 4);
	if (*y < 0 || !accept_char(c, '-'))
		return -1;
	*m = digits(c, 2);
	if (*m < 0 || !accept_char(c, '-'))
		return -1;
	*d = digits(c, 2);
	if (*d < 0)
		return -1;
	if (at_end(c))
		return 0;
	if (!accept_char(c, 'T') && !accept_char(c, 't') &&
	    !accept_char(c, ' '))
		return -1;
	if (clock_time(c) < 0)
		return -1;
	if (!at_end(c) && numeric_zone(c) < 0)
		return -1;
	return at_end(c) ? 0 : -1;
}

/* [Weekday,] "15 February 2025" or "February 15, 2025", then a time. */
static int parse_words(cur *c, int *y, int *m, int *d)
{
	skip_weekday(c);
	if (!at_end(c) && is_digit((unsigned char)*c->p)) {
		*d = day(c);
		skip_space(c);
		accept_char(c, '-'); /* "15-Feb-2025" */
		*m = month(c);
		skip_space(c);
		accept_char(c, '-');
		accept_char(c, ',');
	} else {
		*m = month(c);
		skip_space(c);
		*d = day(c);
		accept_char(c, ',');
	}
	if (*d < 0 || *m < 0)
		return -1;
	skip_space(c);
	*y = year(c);
	if (*y < 0)
		return -1;
	return optional_time(c);
}

int vigil__date_normalize(const char *s, size_t len,
			  char out[VIGIL__DATE_LEN + 1])
{
	cur c = {s, s + len};
	int y, m, d, rc;

	skip_space(&c);
	while (c.end > c.p && is_space((unsigned char)c.end[-1]))
		c.end--;
	if (at_end(&c))
		return -1;
	if (is_digit((unsigned char)*c.p) && c.end - c.p >= 10 &&
	    c.p[4] == '-') {
		rc = parse_iso(&c, &y, &m, &d);
	} else {
		rc = parse_words(&c, &y, &m, &d);
	}
	if (rc < 0 || y < 1000 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 0;
}
