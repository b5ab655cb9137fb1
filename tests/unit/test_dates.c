/*
 * test_dates.c: vigil__dates_find on sentences run through the text stage,
 * one table row per expression form (absolute, relative to the publication
 * date, anchored "N units after X"), the negative cases, calendar edges
 * (leap years, week, month and year boundaries), unknown publication
 * dates, the seed article's five date expressions, the calendar helpers
 * and arena failure. Expected values are exact.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resolve/dates_int.h"
#include "testutil.h"

enum { D = VIGIL_DP_DAY, W = VIGIL_DP_WEEK, M = VIGIL_DP_MONTH,
       S = VIGIL_DP_SEASON, Y = VIGIL_DP_YEAR };

/* Publication dates used below (weekday in the name). */
#define SAT 20250215u /* the seed article's date */
#define FRI 20250214u
#define SUN 20250216u
#define MON 20250217u

typedef struct dcase {
	uint32_t pub;
	const char *text;
	const char *first, *last; /* texts of the expression's first and last
				     token; NULL: no expression expected */
	uint32_t date, until;
	int prec;
	int rel;
} dcase;

static const dcase cases[] = {
	/* the seed's expressions (anchored "four months after" below) */
	{SAT, "The JCS stated on Friday that troops were moving.", "Friday", "Friday", 20250214, 20250214, D, 1},
	{SAT, "They entered the war last autumn.", "last", "autumn", 20240901, 20241130, S, 1},
	{SAT, "Ukraine seized it in a surprise offensive last year.", "last", "year", 20240101, 20241231, Y, 1},
	{SAT, "The treaty was signed in June 2024.", "June", "2024", 20240601, 20240630, M, 0},
	/* weekdays: the latest such day on or before pub */
	{FRI, "The JCS stated on Friday that troops were moving.", "Friday", "Friday", 20250214, 20250214, D, 1},
	{SUN, "The JCS stated on Friday that troops were moving.", "Friday", "Friday", 20250214, 20250214, D, 1},
	{MON, "Officials met on Friday in Seoul.", "Friday", "Friday", 20250214, 20250214, D, 1},
	{MON, "Officials met on Monday in Seoul.", "Monday", "Monday", 20250217, 20250217, D, 1},
	{SAT, "Officials met Saturday in Seoul.", "Saturday", "Saturday", 20250215, 20250215, D, 1},
	{SAT, "Officials met on Sunday in Seoul.", "Sunday", "Sunday", 20250209, 20250209, D, 1},
	{SAT, "Shelling resumed on Monday night near the border.", "Monday", "night", 20250210, 20250210, D, 1},
	{SAT, "Earlier on Tuesday, the ministry denied it.", "Tuesday", "Tuesday", 20250211, 20250211, D, 1},
	{SAT, "Thursday's strike killed four.", "Thursday", "Thursday", 20250213, 20250213, D, 1},
	{SAT, "He spoke on Friday, Feb. 14, in Seoul.", "Friday", "14", 20250214, 20250214, D, 1},
	{SAT, "He spoke on Friday 14 February in Seoul.", "Friday", "February", 20250214, 20250214, D, 1},
	{SAT, "He spoke on Friday, Feb. 14, 2025, in Seoul.", "Friday", "2025", 20250214, 20250214, D, 0},
	{SAT, "They met last Friday.", "last", "Friday", 20250214, 20250214, D, 1},
	{FRI, "They met last Friday.", "last", "Friday", 20250207, 20250207, D, 1},
	{SAT, "They meet next Friday.", "next", "Friday", 20250221, 20250221, D, 1},
	{MON, "They meet this Friday.", "this", "Friday", 20250221, 20250221, D, 1},
	{20250105, "The vote was held on Sunday.", "Sunday", "Sunday", 20250105, 20250105, D, 1},
	{20250105, "The vote was held last Sunday.", "last", "Sunday", 20241229, 20241229, D, 1},
	{20250101, "The attack came on Tuesday.", "Tuesday", "Tuesday", 20241231, 20241231, D, 1},
	/* day words */
	{SAT, "The ministry said today that talks failed.", "today", "today", 20250215, 20250215, D, 1},
	{SAT, "A drone struck a depot yesterday.", "yesterday", "yesterday", 20250214, 20250214, D, 1},
	{SAT, "A drone struck a depot yesterday afternoon.", "yesterday", "afternoon", 20250214, 20250214, D, 1},
	{SAT, "They left the day before yesterday.", "the", "yesterday", 20250213, 20250213, D, 1},
	{SAT, "They arrive the day after tomorrow.", "the", "tomorrow", 20250217, 20250217, D, 1},
	{SAT, "Talks resume tomorrow.", "tomorrow", "tomorrow", 20250216, 20250216, D, 1},
	{SAT, "Sirens sounded last night in Kyiv.", "last", "night", 20250214, 20250214, D, 1},
	{SAT, "The minister said this morning that it was over.", "this", "morning", 20250215, 20250215, D, 1},
	{SAT, "He will speak tonight.", "tonight", "tonight", 20250215, 20250215, D, 1},
	{SAT, "Russia launched 90 drones overnight.", "overnight", "overnight", 20250214, 20250215, D, 1},
	{SAT, "The ministry confirmed it earlier today.", "earlier", "today", 20250215, 20250215, D, 1},
	/* month-day and day-month dates */
	{SAT, "Talks were held on January 9 in Geneva.", "January", "9", 20250109, 20250109, D, 1},
	{SAT, "Talks were held on Jan. 9 in Geneva.", "Jan.", "9", 20250109, 20250109, D, 1},
	{SAT, "Talks were held on 9 January 2025 in Geneva.", "9", "2025", 20250109, 20250109, D, 0},
	{SAT, "Talks were held on January 9, 2025, in Geneva.", "January", "2025", 20250109, 20250109, D, 0},
	{SAT, "Talks were held on 2025-01-09 in Geneva.", "2025-01-09", "2025-01-09", 20250109, 20250109, D, 0},
	{SAT, "Talks were held on Sept. 3 in Geneva.", "Sept.", "3", 20240903, 20240903, D, 1},
	{SAT, "Talks were held on Sep 3, 2024 in Geneva.", "Sep", "2024", 20240903, 20240903, D, 0},
	{SAT, "Talks were held on 3rd February in Geneva.", "3rd", "February", 20250203, 20250203, D, 1},
	{SAT, "Talks were held on the 9th of January in Geneva.", "9th", "January", 20250109, 20250109, D, 1},
	{SAT, "Talks were held on February 15 in Geneva.", "February", "15", 20250215, 20250215, D, 1},
	{SAT, "Talks were held on February 16 in Geneva.", "February", "16", 20240216, 20240216, D, 1},
	{20250110, "Talks were held on December 20 in Geneva.", "December", "20", 20241220, 20241220, D, 1},
	{20250301, "The deal was signed on February 29.", "February", "29", 20240229, 20240229, D, 1},
	{SAT, "The deal was signed on February 29, 2024.", "February", "2024", 20240229, 20240229, D, 0},
	{SAT, "May 9 parades were cancelled.", "May", "9", 20240509, 20240509, D, 1},
	/* months */
	{SAT, "In March 2022, Russia withdrew from Kyiv.", "March", "2022", 20220301, 20220331, M, 0},
	{SAT, "It happened in March of 2022.", "March", "2022", 20220301, 20220331, M, 0},
	{20250615, "Fighting intensified in May.", "May", "May", 20250501, 20250531, M, 1},
	{SAT, "Fighting has continued since January.", "January", "January", 20250101, 20250131, M, 1},
	{SAT, "The truce held until March.", "March", "March", 20240301, 20240331, M, 1},
	{20250615, "Fighting intensified last May.", "last", "May", 20250501, 20250531, M, 1},
	{20250515, "Fighting intensified last May.", "last", "May", 20240501, 20240531, M, 1},
	{SAT, "Elections are due next March.", "next", "March", 20250301, 20250331, M, 1},
	{20250715, "Fighting resumed in early June.", "early", "June", 20250601, 20250610, M, 1},
	{SAT, "Fighting resumed in mid-June.", "mid", "June", 20240611, 20240620, M, 1},
	{SAT, "Fighting resumed in late March 2024.", "late", "2024", 20240321, 20240331, M, 0},
	{SAT, "Fighting resumed early last month.", "early", "month", 20250101, 20250110, M, 1},
	{SAT, "The offensive began last month.", "last", "month", 20250101, 20250131, M, 1},
	{SAT, "The offensive began this month.", "this", "month", 20250201, 20250228, M, 1},
	{SAT, "The offensive began earlier this month.", "earlier", "month", 20250201, 20250214, M, 1},
	{SAT, "More troops will arrive later this month.", "later", "month", 20250216, 20250228, M, 1},
	{20251215, "More troops will arrive next month.", "next", "month", 20260101, 20260131, M, 1},
	{20250101, "The offensive began last month.", "last", "month", 20241201, 20241231, M, 1},
	{20250331, "The offensive began last month.", "last", "month", 20250201, 20250228, M, 1},
	/* weeks and weekends (Monday-Sunday weeks) */
	{SAT, "Drones hit the port last week.", "last", "week", 20250203, 20250209, W, 1},
	{SAT, "Drones hit the port this week.", "this", "week", 20250210, 20250216, W, 1},
	{SAT, "Talks resume next week.", "next", "week", 20250217, 20250223, W, 1},
	{SAT, "Drones hit the port earlier this week.", "earlier", "week", 20250210, 20250214, W, 1},
	{20250101, "Drones hit the port last week.", "last", "week", 20241223, 20241229, W, 1},
	{20250101, "Drones hit the port this week.", "this", "week", 20241230, 20250105, W, 1},
	{MON, "Drones hit the port last weekend.", "last", "weekend", 20250215, 20250216, W, 1},
	{MON, "Drones hit the port over the weekend.", "the", "weekend", 20250215, 20250216, W, 1},
	{SAT, "Drones hit the port over the weekend.", "the", "weekend", 20250215, 20250216, W, 1},
	{SAT, "Drones hit the port two weeks ago.", "two", "ago", 20250127, 20250202, W, 1},
	/* years and parts of years */
	{SAT, "North Korea joined the war in 2022.", "2022", "2022", 20220101, 20221231, Y, 0},
	{SAT, "The region has been occupied since 2014.", "2014", "2014", 20140101, 20141231, Y, 0},
	{SAT, "2022's invasion changed Europe.", "2022", "2022", 20220101, 20221231, Y, 0},
	{SAT, "Growth slowed in mid-2023.", "mid", "2023", 20230501, 20230831, Y, 0},
	{SAT, "The plant reopens in early 2024.", "early", "2024", 20240101, 20240430, Y, 0},
	{SAT, "Troops arrived late last year.", "late", "year", 20240901, 20241231, Y, 1},
	{SAT, "Troops arrived this year.", "this", "year", 20250101, 20251231, Y, 1},
	{SAT, "Troops arrived earlier this year.", "earlier", "year", 20250101, 20250214, Y, 1},
	{SAT, "Troops arrive next year.", "next", "year", 20260101, 20261231, Y, 1},
	{SAT, "Exports fell in the first half of this year.", "the", "year", 20250101, 20250630, Y, 1},
	{SAT, "Exports fell in the second half of last year.", "the", "year", 20240701, 20241231, Y, 1},
	{SAT, "Exports fell in the first quarter of 2024.", "the", "2024", 20240101, 20240331, S, 0},
	{SAT, "Troops arrived two years ago.", "two", "ago", 20230101, 20231231, Y, 1},
	{SAT, "Troops arrived a year ago.", "a", "ago", 20240101, 20241231, Y, 1},
	/* seasons (northern meteorological) */
	{SAT, "The front was quiet during the summer of 2023.", "the", "2023", 20230601, 20230831, S, 0},
	{SAT, "The front was quiet in the summer of last year.", "the", "year", 20240601, 20240831, S, 1},
	{SAT, "The front was quiet in summer 2023.", "summer", "2023", 20230601, 20230831, S, 0},
	{SAT, "The front was quiet in the winter of 2023.", "the", "2023", 20221201, 20230228, S, 0},
	{SAT, "They entered the war last fall.", "last", "fall", 20240901, 20241130, S, 1},
	{SAT, "The offensive began last spring.", "last", "spring", 20240301, 20240531, S, 1},
	{SAT, "The offensive began last summer.", "last", "summer", 20240601, 20240831, S, 1},
	{SAT, "The offensive began last winter.", "last", "winter", 20231201, 20240229, S, 1},
	{20241215, "They entered the war last autumn.", "last", "autumn", 20240901, 20241130, S, 1},
	{20250915, "The offensive began this summer.", "this", "summer", 20250601, 20250831, S, 1},
	{SAT, "The offensive begins next summer.", "next", "summer", 20250601, 20250831, S, 1},
	{SAT, "The offensive began this winter.", "this", "winter", 20241201, 20250228, S, 1},
	/* days and months ago */
	{SAT, "The convoy left three days ago.", "three", "ago", 20250212, 20250212, D, 1},
	{SAT, "The convoy left 12 days ago.", "12", "ago", 20250203, 20250203, D, 1},
	{SAT, "The convoy left six months ago.", "six", "ago", 20240801, 20240831, M, 1},
	/* leap years and boundaries */
	{20240301, "A drone struck a depot yesterday.", "yesterday", "yesterday", 20240229, 20240229, D, 1},
	{20250301, "A drone struck a depot yesterday.", "yesterday", "yesterday", 20250228, 20250228, D, 1},
	{20250101, "A drone struck a depot yesterday.", "yesterday", "yesterday", 20241231, 20241231, D, 1},
	{20240229, "The convoy left a year ago.", "a", "ago", 20230101, 20231231, Y, 1},
	/* unknown publication date: relative ones unresolved, absolute kept */
	{0, "The JCS stated on Friday that troops were moving.", "Friday", "Friday", 0, 0, D, 1},
	{0, "Fighting intensified last year.", "last", "year", 0, 0, Y, 1},
	{0, "The treaty was signed in June 2024.", "June", "2024", 20240601, 20240630, M, 0},
	{0, "Talks were held on January 9.", "January", "9", 0, 0, D, 1},
	{20250230, "Fighting intensified last year.", "last", "year", 0, 0, Y, 1},
	/* negative cases: no date */
	{SAT, "May we never forget the victims.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "Russia sent 2,000 troops to the front.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "He drives a 2024 model.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "Crowds gathered after Friday prayers in Gaza.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "The Good Friday Agreement held.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "Troops may march on the capital.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "Protesters will March on the capital.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "The fall of Kabul shocked the world.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "They built an early warning system.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "He served 30 years in prison.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "Officials said 1999 people were arrested.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "Aid reached 2,000 villages in 2,000 trucks.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "The summer offensive stalled.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "June Smith said the talks failed.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "They declared a day of mourning.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "The fort was built in 1850.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "The deal was signed on February 30.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "He was freed on Fri. after talks.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "They met in Jan. after talks.", NULL, NULL, 0, 0, 0, 0},
	{SAT, "The ministry is open every day of the year.", NULL, NULL, 0, 0, 0, 0},
};

typedef struct run_out {
	vigil__arena a;
	char *t;
	vigil__segmented sg;
	vigil__date_expr *e;
	size_t n;
} run_out;

/* Runs the text stage and dates_find over the whole text. */
static void run(run_out *r, const char *in, uint32_t pub)
{
	vigil__layout l;
	size_t tl;

	vigil__arena_init(&r->a, 0);
	assert_int_equal(vigil__normalize(&r->a, in, strlen(in), &r->t, &tl), 0);
	assert_int_equal(vigil__layout_text(&r->a, r->t, tl, &l), 0);
	assert_int_equal(vigil__segment(&r->a, r->t, tl, l.paras, l.npara, &r->sg), 0);
	assert_int_equal(vigil__dates_find(&r->a, r->t, r->sg.tok, 0, r->sg.ntok, pub,
					   &r->e, &r->n), 0);
}

static int tok_is(const run_out *r, uint32_t i, const char *want)
{
	const vigil__token *t = &r->sg.tok[i];

	return strlen(want) == t->len && memcmp(r->t + t->off, want, t->len) == 0;
}

static void test_table(void **state)
{
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const dcase *c = &cases[i];
		run_out r;
		int ok;

		run(&r, c->text, c->pub);
		if (!c->first)
			ok = r.n == 0;
		else
			ok = r.n == 1 && tok_is(&r, r.e[0].tok_begin, c->first) &&
			     tok_is(&r, r.e[0].tok_end - 1, c->last) &&
			     r.e[0].date == c->date && r.e[0].until == c->until &&
			     r.e[0].precision == c->prec && r.e[0].relative == c->rel &&
			     !r.e[0].anchor_needed;
		if (!ok) {
			bad++;
			printf("case %zu (pub %u) \"%s\": got %zu:", i, c->pub, c->text, r.n);
			for (size_t k = 0; k < r.n; k++)
				printf(" [%.*s .. %.*s] %u-%u %s rel=%d anchor=%d;",
				       r.sg.tok[r.e[k].tok_begin].len,
				       r.t + r.sg.tok[r.e[k].tok_begin].off,
				       r.sg.tok[r.e[k].tok_end - 1].len,
				       r.t + r.sg.tok[r.e[k].tok_end - 1].off, r.e[k].date,
				       r.e[k].until,
				       vigil__date_precision_name(r.e[k].precision),
				       r.e[k].relative, r.e[k].anchor_needed);
			printf("\n");
		}
		vigil__arena_free(&r.a);
	}
	assert_int_equal(bad, 0);
}

/* "N units after/before X": anchor needed, fallback X = pub - offset. */
static void test_anchored(void **state)
{
	static const struct {
		uint32_t pub;
		const char *text, *first, *last;
		int offset, unit;
		uint32_t date, until;
		int prec;
	} c[] = {
		{SAT, "The statement comes four months after North Korea deployed soldiers.",
		 "four", "after", 4, M, 20241001, 20241031, M},
		{SAT, "The strike came two days after the attack.", "two", "after", 2, D,
		 20250213, 20250213, D},
		{SAT, "Troops withdrew a week before the vote.", "a", "before", -1, W,
		 20250217, 20250223, W},
		{SAT, "Talks began 3 years after the war.", "3", "after", 3, Y, 20220101,
		 20221231, Y},
		{0, "The statement comes four months after the deployment.", "four",
		 "after", 4, M, 0, 0, M},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		run_out r;

		run(&r, c[i].text, c[i].pub);
		assert_int_equal(r.n, 1);
		assert_true(tok_is(&r, r.e[0].tok_begin, c[i].first));
		assert_true(tok_is(&r, r.e[0].tok_end - 1, c[i].last));
		assert_int_equal(r.e[0].anchor_needed, 1);
		assert_int_equal(r.e[0].relative, 1);
		assert_int_equal(r.e[0].offset, c[i].offset);
		assert_int_equal(r.e[0].offset_unit, c[i].unit);
		assert_int_equal(r.e[0].date, c[i].date);
		assert_int_equal(r.e[0].until, c[i].until);
		assert_int_equal(r.e[0].precision, c[i].prec);
		vigil__arena_free(&r.a);
	}
}

/* Several expressions in one sentence, in order, within [begin, end). */
static void test_several(void **state)
{
	static const char in[] =
		"On Friday, the JCS said troops arrived in June 2024 and left last week.";
	run_out r;
	vigil__date_expr *e2;
	size_t n2;

	(void)state;
	run(&r, in, SAT);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.e[0].date, 20250214);
	assert_int_equal(r.e[1].date, 20240601);
	assert_int_equal(r.e[2].date, 20250203);
	assert_true(r.e[0].tok_end <= r.e[1].tok_begin && r.e[1].tok_end <= r.e[2].tok_begin);
	/* a sub-range cuts "June 2024" off: "2024" alone has no date context */
	assert_int_equal(vigil__dates_find(&r.a, r.t, r.sg.tok, r.e[1].tok_begin + 1,
					   r.sg.ntok, SAT, &e2, &n2), 0);
	assert_int_equal(n2, 1);
	assert_int_equal(e2[0].date, 20250203);
	/* an empty range */
	assert_int_equal(vigil__dates_find(&r.a, r.t, r.sg.tok, 3, 3, SAT, &e2, &n2), 0);
	assert_int_equal(n2, 0);
	assert_null(e2);
	vigil__arena_free(&r.a);
}

/* The seed article: its five date expressions, per sentence, and no other. */
static void test_seed(void **state)
{
	static const struct {
		unsigned sent;
		const char *first;
		uint32_t date, until;
		int prec, anchor;
	} expect[] = {
		{1, "Friday", 20250214, 20250214, D, 0},
		{2, "four", 20241001, 20241031, M, 1},
		{4, "last", 20240901, 20241130, S, 0},
		{5, "last", 20240101, 20241231, Y, 0},
		{9, "June", 20240601, 20240630, M, 0},
	};
	const char *path = tu_seed_path();
	char *raw = path ? tu_read_file(path, NULL) : NULL;
	run_out r;
	vigil__layout l;
	size_t len, tl, k, found = 0, n;
	vigil__date_expr *e;

	(void)state;
	if (!raw)
		skip(); /* ../shared/seed is not here */
	len = strlen(raw);
	vigil__arena_init(&r.a, 0);
	assert_int_equal(vigil__normalize(&r.a, raw, len, &r.t, &tl), 0);
	assert_int_equal(vigil__layout_text(&r.a, r.t, tl, &l), 0);
	assert_int_equal(vigil__segment(&r.a, r.t, tl, l.paras, l.npara, &r.sg), 0);
	for (k = 0; k < r.sg.nsent; k++) {
		const vigil__sentence *s = &r.sg.sent[k];

		assert_int_equal(vigil__dates_find(&r.a, r.t, r.sg.tok, s->tok_begin,
						   s->tok_end, SAT, &e, &n), 0);
		for (size_t j = 0; j < n; j++, found++) {
			assert_true(found < sizeof(expect) / sizeof(expect[0]));
			assert_int_equal(k, expect[found].sent);
			r.e = e + j;
			assert_true(tok_is(&r, e[j].tok_begin, expect[found].first));
			assert_int_equal(e[j].date, expect[found].date);
			assert_int_equal(e[j].until, expect[found].until);
			assert_int_equal(e[j].precision, expect[found].prec);
			assert_int_equal(e[j].anchor_needed, expect[found].anchor);
		}
	}
	assert_int_equal(found, sizeof(expect) / sizeof(expect[0]));
	vigil__arena_free(&r.a);
	free(raw);
}

static void test_calendar(void **state)
{
	static const struct {
		uint32_t d;
		int wd;
	} wd[] = {
		{19700101, 3}, {20000101, 5}, {20240229, 3}, {20250215, 5},
		{20250217, 0}, {16000301, 2}, {99991231, 4}, {20230229, -1},
		{0, -1}, {20251301, -1},
	};
	static const struct {
		uint32_t d;
		int32_t n;
		int unit;
		uint32_t want;
	} sh[] = {
		{20241231, 1, D, 20250101}, {20240301, -1, D, 20240229},
		{20250301, -1, D, 20250228}, {20240131, 1, M, 20240229},
		{20250131, 1, M, 20250228}, {20250331, -1, M, 20250228},
		{20240229, 1, Y, 20250228}, {20240229, 4, Y, 20280229},
		{20250215, -2, W, 20250201}, {20250215, 1, S, 20250515},
		{99991231, 1, D, 0}, {10101, -1, D, 0}, {20250215, -12, M, 20240215},
		{0, 1, D, 0}, {20250215, 1, 9, 0}, {20250215, INT32_MAX, D, 0},
		{20250215, INT32_MIN, M, 0},
	};
	size_t i;

	(void)state;
	assert_int_equal(vigil__dates_lex_check(), 0); /* the word table */
	for (i = 0; i < sizeof(wd) / sizeof(wd[0]); i++)
		assert_int_equal(vigil__date_weekday(wd[i].d), wd[i].wd);
	for (i = 0; i < sizeof(sh) / sizeof(sh[0]); i++)
		assert_int_equal(vigil__date_shift(sh[i].d, sh[i].n, sh[i].unit), sh[i].want);
	assert_int_equal(vigil__date_valid(20240229), 1);
	assert_int_equal(vigil__date_valid(19000229), 0);
	assert_int_equal(vigil__date_valid(20000229), 1);
	assert_int_equal(vigil__date_valid(20250100), 0);
	assert_int_equal(vigil__date_make(2025, 2, 29), 0);
	assert_int_equal(vigil__date_make(2025, 12, 31), 20251231);
	assert_int_equal(vigil__date_days_in_month(2024, 2), 29);
	assert_int_equal(vigil__date_days_in_month(2100, 2), 28);
	assert_int_equal(vigil__date_days_in_month(2024, 13), 0);
	assert_int_equal(vigil__date_weekday_on_or_before(20250215, 4), 20250214);
	assert_int_equal(vigil__date_weekday_on_or_before(20250214, 4), 20250214);
	assert_int_equal(vigil__date_weekday_on_or_before(20250215, 5), 20250215);
	assert_int_equal(vigil__date_weekday_on_or_before(20250215, 6), 20250209);
	assert_int_equal(vigil__date_weekday_on_or_before(20250215, 7), 0);
	assert_int_equal(vigil__date_diff(20240101, 20250101), 366);
	assert_int_equal(vigil__date_diff(20250101, 20240101), -366);
	assert_int_equal(vigil__date_add_days(20250215, 0), 20250215);
	assert_string_equal(vigil__date_precision_name(VIGIL_DP_DAY), "day");
	assert_string_equal(vigil__date_precision_name(VIGIL_DP_WEEK), "week");
	assert_string_equal(vigil__date_precision_name(VIGIL_DP_MONTH), "month");
	assert_string_equal(vigil__date_precision_name(VIGIL_DP_SEASON), "season");
	assert_string_equal(vigil__date_precision_name(VIGIL_DP_YEAR), "year");
	assert_string_equal(vigil__date_precision_name(5), "unknown");
	assert_string_equal(vigil__date_precision_name(-1), "unknown");
}

/* Every day 1900-2099 round-trips through add_days and has the next
 * weekday. */
static void test_calendar_walk(void **state)
{
	uint32_t d = 19000101, next;
	int wd = vigil__date_weekday(d), days = 0;

	(void)state;
	assert_int_equal(wd, 0); /* 1900-01-01 was a Monday */
	while (d < 21000101) {
		next = vigil__date_add_days(d, 1);
		assert_true(vigil__date_valid(next) && next > d);
		assert_int_equal(vigil__date_add_days(next, -1), d);
		assert_int_equal(vigil__date_weekday(next), (wd + 1) % 7);
		wd = (wd + 1) % 7;
		d = next;
		days++;
	}
	assert_int_equal(days, 73049);
	assert_int_equal(vigil__date_diff(19000101, 21000101), 73049);
}

/* A failing arena: -1, nothing returned. */
static void test_arena_failure(void **state)
{
	run_out r;
	vigil__arena small;
	vigil__date_expr *e = (vigil__date_expr *)&small;
	size_t n = 7;

	(void)state;
	run(&r, "On Friday, troops arrived in June 2024.", SAT);
	vigil__arena_init(&small, 1);
	assert_int_equal(vigil__dates_find(&small, r.t, r.sg.tok, 0, r.sg.ntok, SAT, &e, &n), -1);
	assert_null(e);
	assert_int_equal(n, 0);
	vigil__arena_free(&small);
	vigil__arena_free(&r.a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_anchored),
		cmocka_unit_test(test_several),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_calendar_walk),
		cmocka_unit_test(test_arena_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
