/*
 * dup_index.c: the in-memory candidate index of near-duplicate originals
 * (pure C): an array of signatures, an open-addressing multimap from each
 * one's minima 0..VIGIL__MINHASH_BANDS-1 (key pos * 2^32 + minimum) to
 * them, and the set of days loaded. Days convert to and from "YYYY-MM-DD"
 * in the proleptic Gregorian calendar, as SQLite's date() does.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "dup_index.h"

/*===== Days ===========================================================*/

/* Days since 1970-01-01 of a date (H. Hinnant's days_from_civil). */
static int32_t days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				     30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

/* The number of `n` digits at p, or -1. */
static int digits(const char *p, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = 10 * v + (p[i] - '0');
	}
	return v;
}

int vigil__dup_day(const char *text, int32_t *day, int *exact)
{
	int y, m, d;

	if (strnlen(text, 10) < 10 || text[4] != '-' || text[7] != '-')
		return 0;
	y = digits(text, 4);
	m = digits(text + 5, 2);
	d = digits(text + 8, 2);
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return 0;
	*day = days_from_civil(y, m, d);
	*exact = text[10] == '\0';
	return 1;
}

void vigil__dup_day_text(int32_t day, char out[11])
{
	int y, m, d, i;

	civil_from_days(day, &y, &m, &d);
	for (i = 3; i >= 0; i--, y /= 10)
		out[i] = (char)('0' + y % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int vigil__dup_window_ok(int32_t first)
{
	return first >= days_from_civil(0, 1, 1) &&
	       first + VIGIL__DUP_WINDOW <= days_from_civil(9999, 12, 31);
}

void vigil__dup_day_in(const char *date, int32_t from, int32_t to,
		       int32_t *day, int *exact)
{
	char text[11];
	int cmp;

	for (*day = to;; (*day)--) {
		vigil__dup_day_text(*day, text);
		cmp = strcmp(text, date);
		if (cmp <= 0 || *day == from)
			break;
	}
	*exact = cmp == 0;
}

/*===== Loaded days ====================================================*/

static size_t day_slot(const vigil__dup_index *x, int32_t day)
{
	return (size_t)(((uint32_t)day * 0x9E3779B1u) >> 8) &
	       (x->capdays - 1);
}

int vigil__dup_loaded(const vigil__dup_index *x, int32_t day)
{
	size_t i;

	if (!x->capdays)
		return 0;
	for (i = day_slot(x, day); x->days[i] != INT32_MIN;
	     i = (i + 1) & (x->capdays - 1))
		if (x->days[i] == day)
			return 1;
	return 0;
}

static void day_put(vigil__dup_index *x, int32_t day)
{
	size_t i;

	for (i = day_slot(x, day); x->days[i] != INT32_MIN;
	     i = (i + 1) & (x->capdays - 1))
		if (x->days[i] == day)
			return;
	x->days[i] = day;
	x->ndays++;
}

int vigil__dup_mark_loaded(vigil__dup_index *x, int32_t day)
{
	if (2 * (x->ndays + 1) > x->capdays) {
		size_t cap = x->capdays ? 2 * x->capdays : 64, i;
		int32_t *old = x->days, *days = malloc(cap * sizeof(*days));
		size_t old_cap = x->capdays;

		if (!days)
			return VIGIL_ENOMEM;
		for (i = 0; i < cap; i++)
			days[i] = INT32_MIN;
		x->days = days;
		x->capdays = cap;
		x->ndays = 0;
		for (i = 0; i < old_cap; i++)
			if (old[i] != INT32_MIN)
				day_put(x, old[i]);
		free(old);
	}
	day_put(x, day);
	return VIGIL_OK;
}

/*===== Signatures =====================================================*/

/* The first slot of minimum `pos` of value m (multiplicative hash). */
static size_t key_slot(size_t cap, int pos, uint32_t m)
{
	uint64_t key = ((uint64_t)pos << 32) | m;

	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

static void index_doc(uint32_t (*slots)[2], size_t cap, size_t k,
		      const uint32_t *sig)
{
	int pos;

	for (pos = 0; pos < VIGIL__MINHASH_BANDS; pos++) {
		size_t i = key_slot(cap, pos, sig[pos]);

		while (slots[i][0])
			i = (i + 1) & (cap - 1);
		slots[i][0] = (uint32_t)k + 1;
		slots[i][1] = sig[pos];
	}
}

/* New slots of `cap` for the documents held, removed ones dropped. */
static int rebuild(vigil__dup_index *x, size_t cap)
{
	uint32_t (*slots)[2] = calloc(cap, sizeof(*slots));
	size_t i, n = 0;

	if (!slots)
		return VIGIL_ENOMEM;
	for (i = 0; i < x->ndocs; i++) {
		if (!x->docs[i].id)
			continue;
		x->docs[n] = x->docs[i];
		index_doc(slots, cap, n, x->docs[n].sig);
		n++;
	}
	free(x->slots);
	x->slots = slots;
	x->capslots = cap;
	x->ndocs = n;
	return VIGIL_OK;
}

/* Room for one more document: slots at most half full, a docs entry. */
static int make_room(vigil__dup_index *x)
{
	size_t need = (x->ndocs + 1) * VIGIL__MINHASH_BANDS;

	if (2 * need > x->capslots) {
		size_t cap = 1024;

		while (cap < 4 * need)
			cap *= 2;
		if (rebuild(x, cap) != VIGIL_OK)
			return VIGIL_ENOMEM;
	}
	if (x->ndocs == x->capdocs) {
		size_t cap = x->capdocs ? 2 * x->capdocs : 256;
		vigil__dup_doc *d = realloc(x->docs, cap * sizeof(*d));

		if (!d)
			return VIGIL_ENOMEM;
		x->docs = d;
		x->capdocs = cap;
	}
	return VIGIL_OK;
}

int vigil__dup_add(vigil__dup_index *x, int64_t id, int32_t day, int exact,
		   const uint32_t *sig)
{
	vigil__dup_doc *d;

	if (make_room(x) != VIGIL_OK) {
		vigil__dup_clear(x);
		return VIGIL_ENOMEM;
	}
	d = &x->docs[x->ndocs];
	d->id = id;
	d->day = day;
	d->exact = exact;
	memcpy(d->sig, sig, sizeof(d->sig));
	index_doc(x->slots, x->capslots, x->ndocs++, sig);
	return VIGIL_OK;
}

void vigil__dup_remove(vigil__dup_index *x, int64_t id, const uint32_t *sig)
{
	size_t i;

	if (!x->capslots)
		return;
	for (i = key_slot(x->capslots, 0, sig[0]); x->slots[i][0];
	     i = (i + 1) & (x->capslots - 1)) {
		vigil__dup_doc *d = &x->docs[x->slots[i][0] - 1];

		if (x->slots[i][1] == sig[0] && d->id == id &&
		    d->sig[0] == sig[0])
			d->id = 0;
	}
}

/* Whether d is dated in [text(first), text(first + 6)]. */
static int in_window(const vigil__dup_doc *d, int32_t first)
{
	int32_t last = first + VIGIL__DUP_WINDOW - 1;

	return d->day >= first && (d->day < last || (d->day == last && d->exact));
}

int64_t vigil__dup_find(const vigil__dup_index *x, const uint32_t *sig,
			int32_t first)
{
	int64_t best = 0;
	int pos;

	if (!x->capslots)
		return 0;
	for (pos = 0; pos < VIGIL__MINHASH_BANDS; pos++) {
		size_t i;

		for (i = key_slot(x->capslots, pos, sig[pos]); x->slots[i][0];
		     i = (i + 1) & (x->capslots - 1)) {
			const vigil__dup_doc *d = &x->docs[x->slots[i][0] - 1];

			if (x->slots[i][1] != sig[pos] || !d->id ||
			    d->sig[pos] != sig[pos] || (best && d->id >= best) ||
			    !in_window(d, first))
				continue;
			if (vigil__minhash_same(sig, d->sig) >=
			    VIGIL__NEAR_DUP_SAME)
				best = d->id;
		}
	}
	return best;
}

void vigil__dup_clear(vigil__dup_index *x)
{
	free(x->docs);
	free(x->slots);
	free(x->days);
	memset(x, 0, sizeof(*x));
}
