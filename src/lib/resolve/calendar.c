/*
 * calendar.c: proleptic Gregorian arithmetic on YYYYMMDD dates for the date
 * resolver: validity, day numbers (days since 1970-01-01, after H. Hinnant's
 * civil-from-days algorithms), weekdays, adding days, months and years.
 * Every function maps an invalid input, or a result outside years 1..9999,
 * to 0 (unknown), so callers can chain them without checks.
 *
 * SPDX-License-Identifier: MIT
 */
#include "dates.h"

static const char *const precision_names[] = {
    "day", "week", "month", "season", "year",
};

const char *vigil__date_precision_name(int p)
{
	if (p < 0 || p > VIGIL_DP_YEAR)
		return "unknown";
	return precision_names[p];
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int vigil__date_days_in_month(int y, int m)
{
	static const unsigned char mdays[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (m < 1 || m > 12)
		return 0;
	return mdays[m - 1] + (m == 2 && is_leap(y));
}

uint32_t vigil__date_make(int y, int m, int d)
{
	if (y < 1 || y > 9999 || d < 1 || d > vigil__date_days_in_month(y, m))
		return 0;
	return (uint32_t)y * 10000u + (uint32_t)m * 100u + (uint32_t)d;
}

int vigil__date_valid(uint32_t ymd)
{
	return ymd != 0 &&
	       vigil__date_make((int)(ymd / 10000), (int)(ymd / 100 % 100),
				(int)(ymd % 100)) == ymd;
}

/* Days since 1970-01-01 of a valid date. */
static int32_t to_days(uint32_t ymd)
{
	int y = (int)(ymd / 10000), m = (int)(ymd / 100 % 100),
	    d = (int)(ymd % 100);
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = y / 400; /* y >= 0 here */
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of day number z, or 0 outside years 1..9999. */
static uint32_t from_days(int64_t z)
{
	int64_t era, doe, yoe, y, doy, mp, d, m;

	if (z < -719162 || z > 2932896) /* 0001-01-01 .. 9999-12-31 */
		return 0;
	z += 719468;
	era = z / 146097; /* z >= 0 here */
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	return vigil__date_make((int)y, (int)m, (int)d);
}

int vigil__date_weekday(uint32_t ymd)
{
	int32_t z;

	if (!vigil__date_valid(ymd))
		return -1;
	z = to_days(ymd); /* 1970-01-01 was a Thursday (3) */
	return (int)(((z % 7) + 7 + 3) % 7);
}

uint32_t vigil__date_add_days(uint32_t ymd, int32_t n)
{
	if (!vigil__date_valid(ymd))
		return 0;
	return from_days((int64_t)to_days(ymd) + n);
}

uint32_t vigil__date_add_months(uint32_t ymd, int32_t n)
{
	int64_t y, m, months;
	int d, dim;

	if (!vigil__date_valid(ymd) || n > 120000 || n < -120000)
		return 0;
	months = (int64_t)(ymd / 10000) * 12 + (ymd / 100 % 100) - 1 + n;
	y = months / 12;
	m = months % 12 + 1;
	if (months < 0 || y < 1 || y > 9999)
		return 0;
	d = (int)(ymd % 100);
	dim = vigil__date_days_in_month((int)y, (int)m);
	return vigil__date_make((int)y, (int)m, d < dim ? d : dim);
}

uint32_t vigil__date_shift(uint32_t ymd, int32_t n, int unit)
{
	switch (unit) {
	case VIGIL_DP_DAY:
		return vigil__date_add_days(ymd, n);
	case VIGIL_DP_WEEK:
		return n > 300000000 || n < -300000000
			   ? 0
			   : vigil__date_add_days(ymd, n * 7);
	case VIGIL_DP_MONTH:
		return vigil__date_add_months(ymd, n);
	case VIGIL_DP_SEASON:
		return n > 40000 || n < -40000
			   ? 0
			   : vigil__date_add_months(ymd, n * 3);
	case VIGIL_DP_YEAR:
		return n > 10000 || n < -10000
			   ? 0
			   : vigil__date_add_months(ymd, n * 12);
	default:
		return 0;
	}
}

uint32_t vigil__date_weekday_on_or_before(uint32_t ymd, int wd)
{
	int cur = vigil__date_weekday(ymd);

	if (cur < 0 || wd < 0 || wd > 6)
		return 0;
	return vigil__date_add_days(ymd, -(int32_t)((cur - wd + 7) % 7));
}

int32_t vigil__date_diff(uint32_t a, uint32_t b)
{
	if (!vigil__date_valid(a) || !vigil__date_valid(b))
		return 0;
	return to_days(b) - to_days(a);
}
