/*
 * dates.c: recognizes date expressions in a token range and resolves them
 * against the publication date. One left-to-right pass: at each token that
 * can start an expression (a month, weekday, number, or keyword such as
 * "last", "the", "yesterday") the patterns for that class are tried,
 * longest first; a match is emitted and skipped. Each token is classified
 * once per call, into an array the patterns read. Resolution conventions
 * are in dates.h and docs/internals/dates.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include "dates_int.h"

/* The text being scanned and the publication date (pub 0: unknown, then
 * py/pm/pd are 0 and every relative result comes out as 0). */
typedef struct scan {
	const char *text;
	const vigil__token *tok;
	const lexinfo *lx; /* lx[i - begin]: token i classified, once */
	size_t begin, end;
	uint32_t pub;
	int py, pm;
} scan;

/* A resolved range; date and until are both 0 or both valid, date <= until. */
typedef struct res {
	uint32_t date, until;
	uint8_t prec, rel;
} res;

/* ---- Ranges ------------------------------------------------------------ */

static res span(uint32_t a, uint32_t b, int prec, int rel)
{
	res r = {a, b, (uint8_t)prec, (uint8_t)rel};

	if (!a || !b || a > b)
		r.date = r.until = 0;
	return r;
}

static int year_of_date(uint32_t d)
{
	return (int)(d / 10000);
}

static int month_of_date(uint32_t d)
{
	return (int)(d / 100 % 100);
}

static res day(uint32_t d, int rel)
{
	return span(d, d, VIGIL_DP_DAY, rel);
}

static res week_of(uint32_t d, int rel)
{
	uint32_t mon = vigil__date_weekday_on_or_before(d, 0);

	return span(mon, vigil__date_add_days(mon, 6), VIGIL_DP_WEEK, rel);
}

/* Months m0..m1 of year y. */
static res months(int y, int m0, int m1, int prec, int rel)
{
	return span(vigil__date_make(y, m0, 1),
		    vigil__date_make(y, m1, vigil__date_days_in_month(y, m1)),
		    prec, rel);
}

static res month_of(int y, int m, int rel)
{
	return months(y, m, m, VIGIL_DP_MONTH, rel);
}

static res year_of(int y, int rel)
{
	return months(y, 1, 12, VIGIL_DP_YEAR, rel);
}

/* The instance of season s (0 spring .. 3 winter) that starts in year y:
 * Mar-May, Jun-Aug, Sep-Nov, Dec-Feb. */
static res season_of(int y, int s, int rel)
{
	int m0 = 3 + 3 * s;

	if (s == 3)
		return span(vigil__date_make(y, 12, 1),
			    vigil__date_make(
				y + 1, 2, vigil__date_days_in_month(y + 1, 2)),
			    VIGIL_DP_SEASON, rel);
	return months(y, m0, m0 + 2, VIGIL_DP_SEASON, rel);
}

/* The period of `unit` (day, week, month or year) that contains d. */
static res period_of(uint32_t d, int unit, int rel)
{
	switch (unit) {
	case VIGIL_DP_WEEK:
		return week_of(d, rel);
	case VIGIL_DP_MONTH:
		return month_of(year_of_date(d), month_of_date(d), rel);
	case VIGIL_DP_YEAR:
		return year_of(year_of_date(d), rel);
	default:
		return day(d, rel);
	}
}

/* Early/mid/late (part 0/1/2) of a month (days 1-10, 11-20, 21-end) or of
 * a year (months 1-4, 5-8, 9-12); other ranges are returned unchanged. */
static res third_of(res r, int part)
{
	int y = year_of_date(r.date), m = month_of_date(r.date);

	if (!r.date)
		return r;
	if (r.prec == VIGIL_DP_MONTH)
		return span(vigil__date_make(y, m, 1 + 10 * part),
			    part < 2 ? vigil__date_make(y, m, 10 + 10 * part)
				     : r.until,
			    VIGIL_DP_MONTH, r.rel);
	if (r.prec == VIGIL_DP_YEAR)
		return months(y, 1 + 4 * part, 4 + 4 * part, VIGIL_DP_YEAR,
			      r.rel);
	return r;
}

/* ---- Token access ------------------------------------------------------ */

static lexinfo at(const scan *s, size_t i)
{
	lexinfo none = {W_NONE, 0, 0, 0};

	if (i < s->begin || i >= s->end)
		return none;
	return s->lx[i - s->begin];
}

static int is(const scan *s, size_t i, int cls)
{
	return at(s, i).cls == cls;
}

/* A year 1900..2099 written as four digits, or 0. */
static int year_at(const scan *s, size_t i)
{
	lexinfo L = at(s, i);

	if (L.cls != W_NUM || (L.flags & F_ORD) || L.num < 1900 || L.num > 2099)
		return 0;
	return (int)L.num;
}

/* A day of the month 1..31 ("9", "09", "9th"), or 0. */
static int day_at(const scan *s, size_t i)
{
	lexinfo L = at(s, i);

	if (L.cls != W_NUM || L.num < 1 || L.num > 31 || s->tok[i].len > 4)
		return 0;
	return (int)L.num;
}

/* A capitalized month name; abbreviations only when `short_ok`. 0: none. */
static int month_at(const scan *s, size_t i, int short_ok)
{
	lexinfo L = at(s, i);

	if (L.cls != W_MONTH || !(L.flags & F_CAP) ||
	    (!short_ok && (L.flags & F_SHORT)))
		return 0;
	return L.val;
}

/* Words after which a bare year or month is a date: "in", "since", ... */
static int is_trigger(const scan *s, size_t i)
{
	switch (at(s, i).cls) {
	case W_IN:
	case W_ON:
	case W_SINCE:
	case W_UNTIL:
	case W_DURING:
	case W_FROM:
	case W_THROUGH:
	case W_BEFORE:
	case W_AFTER:
		return 1;
	default:
		return 0;
	}
}

/* "last" -1, "this" 0, "next" +1 at token i; 2: none. */
static int direction_at(const scan *s, size_t i)
{
	switch (at(s, i).cls) {
	case W_LAST:
		return -1;
	case W_THIS:
		return 0;
	case W_NEXT:
		return 1;
	default:
		return 2;
	}
}

/* ---- Year inference ---------------------------------------------------- */

/* Month m, day d in the latest year that puts it on or before pub. */
static uint32_t latest_md(const scan *s, int m, int d)
{
	uint32_t dt;
	int y;

	if (!s->pub)
		return 0;
	for (y = s->py; y > s->py - 9; y--) {
		dt = vigil__date_make(y, m, d);
		if (dt && dt <= s->pub)
			return dt;
	}
	return 0;
}

/* Month m in the latest year that makes it start on or before pub
 * (dir 0), strictly before pub's month (dir -1) or strictly after (+1). */
static res month_rel(const scan *s, int m, int dir)
{
	int y = s->py;

	if (dir == 0 && m > s->pm)
		y--;
	else if (dir < 0 && m >= s->pm)
		y--;
	else if (dir > 0 && m <= s->pm)
		y++;
	return month_of(s->pm ? y : 0, m, 1);
}

static uint32_t distance(res r, uint32_t d)
{
	int32_t a, b;

	if (d >= r.date && d <= r.until)
		return 0;
	a = vigil__date_diff(r.date, d);
	b = vigil__date_diff(r.until, d);
	a = a < 0 ? -a : a;
	b = b < 0 ? -b : b;
	return (uint32_t)(a < b ? a : b);
}

/* "last" season: the latest instance that ended before pub; "this": the
 * instance nearest pub (containing it if any); "next": the first one that
 * starts after pub. */
static res season_rel(const scan *s, int season, int dir)
{
	res r, best = span(0, 0, VIGIL_DP_SEASON, 1);
	int y;

	if (!s->pub)
		return best;
	for (y = s->py - 2; y <= s->py + 1; y++) {
		r = season_of(y, season, 1);
		if (!r.date)
			continue;
		if (dir < 0 && r.until < s->pub)
			best = r;
		else if (dir > 0 && r.date > s->pub && !best.date)
			best = r;
		else if (dir == 0 && (!best.date || distance(r, s->pub) <
							distance(best, s->pub)))
			best = r;
	}
	return best;
}

/* ---- Patterns: each returns the number of tokens matched at i, 0 if
 * none, and the range in *r ------------------------------------------------ */

/* MONTH DAY [,] [YEAR] | MONTH [,|of] YEAR: "January 9, 2025", "Jan. 9",
 * "June 2024". */
static size_t month_form(const scan *s, size_t i, res *r)
{
	int m = month_at(s, i, 1), d, y;
	size_t k;
	uint32_t dt;

	if (!m)
		return 0;
	d = day_at(s, i + 1);
	if (d) {
		k = i + 2 + is(s, i + 2, W_COMMA);
		y = year_at(s, k);
		if (y) {
			dt = vigil__date_make(y, m, d);
			*r = day(dt, 0);
			return dt ? k + 1 - i : 0;
		}
		if (!vigil__date_make(2000, m, d))
			return 0;
		*r = day(latest_md(s, m, d), 1);
		return 2;
	}
	k = i + 1 + (is(s, i + 1, W_COMMA) || is(s, i + 1, W_OF));
	y = year_at(s, k);
	if (!y)
		return 0;
	*r = month_of(y, m, 0);
	return k + 1 - i;
}

/* DAY [of] MONTH [YEAR]: "9 January 2025", "9th of January". */
static size_t day_month_form(const scan *s, size_t i, res *r)
{
	int d = day_at(s, i), m, y;
	size_t k = i + 1;
	uint32_t dt;

	if (!d)
		return 0;
	k += is(s, k, W_OF);
	m = month_at(s, k, 1);
	if (!m || !vigil__date_make(2000, m, d))
		return 0;
	y = year_at(s, k + 1);
	if (y) {
		dt = vigil__date_make(y, m, d);
		*r = day(dt, 0);
		return dt ? k + 2 - i : 0;
	}
	*r = day(latest_md(s, m, d), 1);
	return k + 1 - i;
}

/* A bare month after "in", "since", ...: "in June". */
static size_t bare_month(const scan *s, size_t i, res *r)
{
	int m = month_at(s, i, 0);

	if (!m || !is_trigger(s, i - 1) || is(s, i + 1, W_NUM))
		return 0; /* "on February 30" is no date at all */
	*r = month_rel(s, m, 0);
	return 1;
}

/* WEEKDAY [,] DATE | WEEKDAY [DAYPART]: "Friday, Feb. 14", "Monday night". */
static size_t weekday_form(const scan *s, size_t i, res *r)
{
	lexinfo W = at(s, i);
	size_t k = i + 1 + is(s, i + 1, W_COMMA), n;

	if (!(W.flags & F_CAP))
		return 0;
	n = month_form(s, k, r);
	if (!n)
		n = day_month_form(s, k, r);
	if (n && r->prec == VIGIL_DP_DAY)
		return k + n - i;
	if ((W.flags & F_SHORT) || is(s, i + 1, W_BLOCK_AFTER) ||
	    (is(s, i - 1, W_BLOCK_BEFORE) && (at(s, i - 1).flags & F_CAP)))
		return 0;
	*r = day(vigil__date_weekday_on_or_before(s->pub, W.val), 1);
	return 1 + is(s, i + 1, W_DAYPART);
}

/* A year in a date context: "in 2022", "since 2014", "2022's". */
static size_t year_form(const scan *s, size_t i, res *r)
{
	int y = year_at(s, i);

	if (!y || !(is_trigger(s, i - 1) || is(s, i + 1, W_POSS)))
		return 0;
	*r = year_of(y, 0);
	return 1;
}

/* A count: digits 1..999 or "a", "one" .. "twelve"; 0: none. */
static int count_at(const scan *s, size_t i)
{
	lexinfo L = at(s, i);

	if (L.cls == W_NUMWORD)
		return L.val;
	if (L.cls == W_NUM && !(L.flags & F_ORD) && L.num >= 1 && L.num <= 999)
		return (int)L.num;
	return 0;
}

/* COUNT UNIT ago | COUNT UNIT after/before: "two days ago", "four months
 * after". */
static size_t count_form(const scan *s, size_t i, vigil__date_expr *e, res *r)
{
	lexinfo U = at(s, i + 1), W;
	int n, unit;

	if (U.cls != W_UNIT) /* first: most "a" and numbers stop here */
		return 0;
	n = count_at(s, i);
	W = at(s, i + 2);
	if (!n)
		return 0;
	unit = U.val;
	if (W.cls == W_AGO) {
		*r = period_of(vigil__date_shift(s->pub, -n, unit), unit, 1);
		return 3;
	}
	if (W.cls != W_AFTER && W.cls != W_BEFORE)
		return 0;
	e->anchor_needed = 1;
	e->offset_unit = (uint8_t)unit;
	e->offset = W.cls == W_AFTER ? n : -n;
	*r = period_of(vigil__date_shift(s->pub, -e->offset, unit), unit, 1);
	return 3;
}

/* A year reference: YEAR | last/this/next year. 0 tokens: none. */
static size_t year_ref(const scan *s, size_t i, res *r)
{
	int y = year_at(s, i), dir = direction_at(s, i);
	lexinfo U = at(s, i + 1);

	if (y) {
		*r = year_of(y, 0);
		return 1;
	}
	if (dir == 2 || U.cls != W_UNIT || U.val != VIGIL_DP_YEAR ||
	    (U.flags & F_PLURAL))
		return 0;
	*r = year_of(s->py ? s->py + dir : 0, 1);
	return 2;
}

/* What early/mid/late qualify: YEAR, MONTH [YEAR], last/this/next
 * year/month. */
static size_t period_ref(const scan *s, size_t i, res *r)
{
	int m = month_at(s, i, 0), dir = direction_at(s, i);
	size_t n = year_ref(s, i, r);
	lexinfo U = at(s, i + 1);

	if (n)
		return n;
	if (m) {
		n = month_form(s, i, r);
		if (n && r->prec == VIGIL_DP_MONTH)
			return n;
		if (n)
			return 0; /* "early January 9" is not a form */
		*r = month_rel(s, m, 0);
		return 1;
	}
	if (dir != 2 && U.cls == W_UNIT && U.val == VIGIL_DP_MONTH &&
	    !(U.flags & F_PLURAL)) {
		*r = month_of(0, 0, 1);
		if (s->pub) {
			uint32_t d = vigil__date_add_months(s->pub, dir);

			*r = month_of(year_of_date(d), month_of_date(d), 1);
		}
		return 2;
	}
	return 0;
}

/* early/late PERIOD, mid[-]PERIOD: "early 2024", "late last year",
 * "mid-June". */
static size_t part_form(const scan *s, size_t i, res *r)
{
	int cls = at(s, i).cls;
	int part = cls == W_EARLY ? 0 : cls == W_MID ? 1 : 2;
	size_t k = i + 1, n;

	if (cls == W_MID && is(s, k, W_HYPHEN))
		k++;
	n = period_ref(s, k, r);
	if (!n)
		return 0;
	*r = third_of(*r, part);
	return k + n - i;
}

/* last/this/next week|month|year|weekend|SEASON|WEEKDAY|MONTH|night. */
static size_t direction_form(const scan *s, size_t i, res *r)
{
	int dir = direction_at(s, i);
	lexinfo L = at(s, i + 1);
	uint32_t d, mon;

	switch (L.cls) {
	case W_UNIT:
		if (L.flags & F_PLURAL || L.val == VIGIL_DP_DAY)
			return 0;
		d = vigil__date_shift(s->pub, dir, L.val);
		*r = period_of(d, L.val, 1);
		return 2;
	case W_WEEKEND:
		if (dir < 0)
			d = vigil__date_weekday_on_or_before(
			    vigil__date_add_days(s->pub, -1), 6);
		else
			d = vigil__date_add_days(
			    vigil__date_weekday_on_or_before(s->pub, 0),
			    6 + 7 * dir);
		*r = span(vigil__date_add_days(d, -1), d, VIGIL_DP_WEEK, 1);
		return 2;
	case W_SEASON:
		*r = season_rel(s, L.val, dir);
		return 2;
	case W_WDAY:
		if (!(L.flags & F_CAP) || (L.flags & F_SHORT))
			return 0;
		if (dir < 0)
			d = vigil__date_weekday_on_or_before(
			    vigil__date_add_days(s->pub, -1), L.val);
		else if (dir > 0)
			d = vigil__date_weekday_on_or_before(
			    vigil__date_add_days(s->pub, 7), L.val);
		else {
			mon = vigil__date_weekday_on_or_before(s->pub, 0);
			d = vigil__date_add_days(mon, L.val);
		}
		*r = day(d, 1);
		return 2 + is(s, i + 2, W_DAYPART);
	case W_MONTH:
		if (!month_at(s, i + 1, 0))
			return 0;
		*r = dir == 0 ? month_of(s->py, L.val, 1)
			      : month_rel(s, L.val, dir);
		return 2;
	case W_DAYPART:
		if (dir > 0 || (dir < 0) != (L.val == 1))
			return 0; /* "last night", "this morning" */
		*r =
		    day(dir < 0 ? vigil__date_add_days(s->pub, -1) : s->pub, 1);
		return 2;
	default:
		return 0;
	}
}

/* earlier/later this week|month|year, earlier/later today. */
static size_t earlier_form(const scan *s, size_t i, res *r)
{
	int later = is(s, i, W_LATER);
	lexinfo U = at(s, i + 2);
	res p;

	if (is(s, i + 1, W_TODAY)) {
		*r = day(s->pub, 1);
		return 2;
	}
	if (!is(s, i + 1, W_THIS) || U.cls != W_UNIT || (U.flags & F_PLURAL) ||
	    U.val == VIGIL_DP_DAY)
		return 0;
	p = period_of(s->pub, U.val, 1);
	if (!later) {
		uint32_t d = vigil__date_add_days(s->pub, -1);

		*r = span(p.date, d > p.date ? d : p.date, U.val, 1);
	} else {
		uint32_t d = vigil__date_add_days(s->pub, 1);

		*r = span(d < p.until ? d : p.until, p.until, U.val, 1);
	}
	return 3;
}

/* the ORD half|quarter of YEARREF: "the first half of this year". */
static size_t fraction_form(const scan *s, size_t i, res *r)
{
	lexinfo O = at(s, i + 1), F = at(s, i + 2);
	int parts = F.cls == W_HALF ? 2 : F.cls == W_QUARTER ? 4 : 0, len, y;
	size_t n;

	if (O.cls != W_ORD || !parts || O.val > parts || !is(s, i + 3, W_OF))
		return 0;
	n = year_ref(s, i + 4, r);
	if (!n)
		return 0;
	len = 12 / parts;
	y = year_of_date(r->date);
	*r = months(y, 1 + len * (O.val - 1), len * O.val,
		    parts == 2 ? VIGIL_DP_YEAR : VIGIL_DP_SEASON, r->rel);
	return 4 + n;
}

/* [the] SEASON [of] YEARREF: "the summer of 2023", "summer 2023". */
static size_t season_form(const scan *s, size_t i, res *r)
{
	size_t k = i + is(s, i, W_THE);
	lexinfo S = at(s, k);
	int of = is(s, k + 1, W_OF), y;
	size_t n;

	if (S.cls != W_SEASON)
		return 0;
	n = year_ref(s, k + 1 + of, r);
	if (!n || (!of && r->rel)) /* "summer this year" is not English */
		return 0;
	y = year_of_date(r->date);
	*r = season_of(S.val == 3 && y ? y - 1 : y, S.val, r->rel);
	return k + 1 + of + n - i;
}

/* the day before yesterday | the day after tomorrow | the weekend. */
static size_t the_form(const scan *s, size_t i, res *r)
{
	lexinfo U = at(s, i + 1), W, Y;
	size_t n;
	uint32_t sat;

	if (U.cls != W_UNIT && U.cls != W_WEEKEND && U.cls != W_ORD &&
	    U.cls != W_SEASON)
		return 0; /* most "the": one look ahead */
	W = at(s, i + 2);
	Y = at(s, i + 3);
	if (U.cls == W_UNIT && U.val == VIGIL_DP_DAY && !(U.flags & F_PLURAL) &&
	    ((W.cls == W_BEFORE && Y.cls == W_YESTERDAY) ||
	     (W.cls == W_AFTER && Y.cls == W_TOMORROW))) {
		*r = day(
		    vigil__date_add_days(s->pub, W.cls == W_BEFORE ? -2 : 2),
		    1);
		return 4;
	}
	if (U.cls == W_WEEKEND && (is(s, i - 1, W_OVER) || is(s, i - 1, W_AT) ||
				   is(s, i - 1, W_DURING))) {
		/* the latest weekend that has started by pub */
		sat = vigil__date_weekday_on_or_before(s->pub, 5);
		*r = span(sat, vigil__date_add_days(sat, 1), VIGIL_DP_WEEK, 1);
		return 2;
	}
	n = fraction_form(s, i, r);
	if (n)
		return n;
	return season_form(s, i, r);
}

/* today, tonight, yesterday [DAYPART], tomorrow [DAYPART], overnight. */
static size_t deictic_form(const scan *s, size_t i, res *r)
{
	switch (at(s, i).cls) {
	case W_TODAY:
	case W_TONIGHT:
		*r = day(s->pub, 1);
		return 1;
	case W_YESTERDAY:
		*r = day(vigil__date_add_days(s->pub, -1), 1);
		return 1 + is(s, i + 1, W_DAYPART);
	case W_TOMORROW:
		*r = day(vigil__date_add_days(s->pub, 1), 1);
		return 1 + is(s, i + 1, W_DAYPART);
	default: /* W_OVERNIGHT: the night from pub-1 to pub */
		*r = span(vigil__date_add_days(s->pub, -1), s->pub,
			  VIGIL_DP_DAY, 1);
		return 1;
	}
}

/* Tries every pattern that can start with token i (class L). */
static size_t match_at(const scan *s, size_t i, lexinfo L, vigil__date_expr *e,
		       res *r)
{
	size_t n = 0;

	switch (L.cls) {
	case W_MONTH:
		n = month_form(s, i, r);
		return n ? n : bare_month(s, i, r);
	case W_WDAY:
		return weekday_form(s, i, r);
	case W_ISO:
		*r = day(L.num, 0);
		return 1;
	case W_NUM:
		n = day_month_form(s, i, r);
		if (!n)
			n = year_form(s, i, r);
		return n ? n : count_form(s, i, e, r);
	case W_NUMWORD:
		return count_form(s, i, e, r);
	case W_LAST:
	case W_THIS:
	case W_NEXT:
		return direction_form(s, i, r);
	case W_EARLIER:
	case W_LATER:
		return earlier_form(s, i, r);
	case W_EARLY:
	case W_MID:
	case W_LATE:
		return part_form(s, i, r);
	case W_THE:
		return the_form(s, i, r);
	case W_SEASON:
		return season_form(s, i, r);
	case W_TODAY:
	case W_TONIGHT:
	case W_YESTERDAY:
	case W_TOMORROW:
	case W_OVERNIGHT:
		return deictic_form(s, i, r);
	default:
		return 0;
	}
}

/* Sentences up to this many tokens are classified into a stack array;
 * longer ones into the arena. */
#define LX_STACK 256

int vigil__dates_find(vigil__arena *a, const char *text,
		      const vigil__token *tok, size_t begin, size_t end,
		      uint32_t pub, vigil__date_expr **out, size_t *n)
{
	scan s = {text, tok, NULL, begin, end, 0, 0, 0};
	lexinfo stack_lx[LX_STACK], *lx = stack_lx, L;
	vigil__date_expr *v = NULL, e;
	size_t cap = 0, cnt = 0, i, k;
	res r;

	*out = NULL;
	*n = 0;
	if (end <= begin)
		return 0;
	if (end - begin > LX_STACK &&
	    (lx = vigil__arena_alloc(a, (end - begin) * sizeof(*lx))) == NULL)
		return -1;
	vigil__dates_lex_range(text, tok, begin, end, lx);
	s.lx = lx;
	if (vigil__date_valid(pub)) {
		s.pub = pub;
		s.py = year_of_date(pub);
		s.pm = month_of_date(pub);
	}
	for (i = begin; i < end; i += k ? k : 1) {
		L = lx[i - begin];
		k = 0;
		if (L.cls == W_NONE)
			continue;
		e = (vigil__date_expr){0};
		k = match_at(&s, i, L, &e, &r);
		if (!k)
			continue;
		if (cnt == cap && vigil__arena_grow(a, (void **)&v, &cap,
						    cnt + 1, sizeof(*v)) < 0)
			return -1;
		e.tok_begin = (uint32_t)i;
		e.tok_end = (uint32_t)(i + k);
		e.date = r.date;
		e.until = r.until;
		e.precision = r.prec;
		e.relative = r.rel;
		v[cnt++] = e;
	}
	*out = v;
	*n = cnt;
	return 0;
}
