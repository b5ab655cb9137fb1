/*
 * test_dup_index.c: unit tests of the in-memory near-duplicate candidate
 * index (dup_index.c): days to and from "YYYY-MM-DD", which day's text
 * range holds a date, candidates at exactly VIGIL__NEAR_DUP_SAME shared
 * minima and not one fewer, the window's edges, the earliest id,
 * removal, growth and forgetting.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "store/dup_index.h"

static int32_t day_of(const char *text)
{
	int32_t day = 0;
	int exact = 0;

	assert_int_equal(vigil__dup_day(text, &day, &exact), 1);
	return day;
}

static void test_days(void **state)
{
	static const struct {
		const char *text;
		int ok, exact;
		int32_t day; /* days since 1970-01-01 */
	} cases[] = {
		{"1970-01-01", 1, 1, 0},
		{"1969-12-31", 1, 1, -1},
		{"2024-02-29", 1, 1, 19782},
		{"2024-03-01", 1, 1, 19783},
		{"2024-03-05T10:00:00Z", 1, 0, 19787},
		{"0000-01-01", 1, 1, -719528},
		{"9999-12-31", 1, 1, 2932896},
		{"2023-02-29", 0, 0, 0}, /* not a date: SQL decides */
		{"2024-13-01", 0, 0, 0},
		{"2024-3-5", 0, 0, 0},
		{"2024-03", 0, 0, 0},
		{"March 5", 0, 0, 0},
	};
	char text[11];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int32_t day = 0;
		int exact = 0;

		assert_int_equal(vigil__dup_day(cases[i].text, &day, &exact),
				 cases[i].ok);
		if (!cases[i].ok)
			continue;
		assert_int_equal(day, cases[i].day);
		assert_int_equal(exact, cases[i].exact);
		vigil__dup_day_text(day, text);
		assert_memory_equal(text, cases[i].text, 10);
	}
	vigil__dup_day_text(day_of("2024-03-01") - 1, text);
	assert_string_equal(text, "2024-02-29");
	vigil__dup_day_text(day_of("2100-03-01") - 1, text);
	assert_string_equal(text, "2100-02-28");
	assert_int_equal(vigil__dup_window_ok(day_of("0000-01-01")), 1);
	assert_int_equal(vigil__dup_window_ok(day_of("0000-01-01") - 1), 0);
	assert_int_equal(vigil__dup_window_ok(day_of("9999-12-24")), 1);
	assert_int_equal(vigil__dup_window_ok(day_of("9999-12-25")), 0);
}

/* The day of [2024-02-27, 2024-03-02] whose text range holds a date. */
static void test_day_in(void **state)
{
	static const struct {
		const char *date;
		const char *day;
		int exact;
	} cases[] = {
		{"2024-02-27", "2024-02-27", 1},
		{"2024-02-27 23:59", "2024-02-27", 0},
		{"2024-02-29", "2024-02-29", 1},
		{"2024-03", "2024-02-29", 0}, /* sorts after "2024-02-29" */
		{"2024-03-02", "2024-03-02", 1},
		{"2024-03-02T08:00", "2024-03-02", 0},
	};
	int32_t from = day_of("2024-02-27"), to = day_of("2024-03-02");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int32_t day;
		int exact;

		vigil__dup_day_in(cases[i].date, from, to, &day, &exact);
		assert_int_equal(day, day_of(cases[i].day));
		assert_int_equal(exact, cases[i].exact);
	}
}

/* A signature: minimum k is base + k. */
static void sig_of(uint32_t base, uint32_t *sig)
{
	int k;

	for (k = 0; k < VIGIL__MINHASH_K; k++)
		sig[k] = base + (uint32_t)k;
}

/* sig with the minima [from, to) of `with` instead. */
static void share(uint32_t *sig, const uint32_t *with, int from, int to)
{
	int k;

	for (k = from; k < to; k++)
		sig[k] = with[k];
}

static void test_shared_minima(void **state)
{
	static const struct {
		int from, to; /* the minima shared with the stored original */
		int found;
	} cases[] = {
		{16, 32, 1}, /* 16 shared, only minimum 16 among the indexed */
		{0, 16, 1},
		{8, 24, 1},
		{17, 32, 0}, /* 15: none indexed */
		{0, 15, 0},  /* 15, all indexed: candidates, not enough */
		{1, 16, 0},
		{0, 32, 1},
	};
	vigil__dup_index x = {0};
	uint32_t stored[VIGIL__MINHASH_K], sig[VIGIL__MINHASH_K];
	int32_t day = day_of("2025-01-06");
	size_t i;

	(void)state;
	sig_of(1000, stored);
	assert_int_equal(vigil__dup_add(&x, 7, day, 1, stored), VIGIL_OK);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sig_of(5000, sig);
		share(sig, stored, cases[i].from, cases[i].to);
		assert_int_equal(vigil__dup_find(&x, sig, day - 3),
				 cases[i].found ? 7 : 0);
	}
	vigil__dup_clear(&x);
}

static void test_window(void **state)
{
	static const struct {
		int offset; /* the original's day from the new document's */
		int exact;  /* its date is just "YYYY-MM-DD" */
		int found;
	} cases[] = {
		{-4, 1, 0}, {-4, 0, 0}, {-3, 1, 1}, {-3, 0, 1}, {0, 1, 1},
		{2, 0, 1},  {3, 1, 1},  {3, 0, 0},  {4, 1, 0},
	};
	int32_t day = day_of("2025-01-06");
	uint32_t sig[VIGIL__MINHASH_K];
	size_t i;

	(void)state;
	sig_of(1000, sig);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil__dup_index x = {0};

		assert_int_equal(vigil__dup_add(&x, 3, day + cases[i].offset,
						cases[i].exact, sig),
				 VIGIL_OK);
		assert_int_equal(vigil__dup_find(&x, sig, day - 3),
				 cases[i].found ? 3 : 0);
		vigil__dup_clear(&x);
	}
}

static void test_earliest_removal_forget(void **state)
{
	vigil__dup_index x = {0};
	uint32_t sig[VIGIL__MINHASH_K], other[VIGIL__MINHASH_K];
	uint32_t near[VIGIL__MINHASH_K];
	int32_t day = day_of("2025-01-06");
	int64_t id;

	(void)state;
	sig_of(1000, sig);
	sig_of(1000, near);
	near[31] = 9; /* 31 shared */
	/* the earliest id wins, whatever the order added */
	assert_int_equal(vigil__dup_add(&x, 40, day, 1, near), VIGIL_OK);
	assert_int_equal(vigil__dup_add(&x, 12, day + 1, 1, sig), VIGIL_OK);
	assert_int_equal(vigil__dup_add(&x, 25, day, 1, sig), VIGIL_OK);
	assert_int_equal(vigil__dup_find(&x, sig, day - 3), 12);
	vigil__dup_remove(&x, 12, sig);
	assert_int_equal(vigil__dup_find(&x, sig, day - 3), 25);
	vigil__dup_remove(&x, 99, sig); /* not held: nothing */
	assert_int_equal(vigil__dup_find(&x, sig, day - 3), 25);
	vigil__dup_remove(&x, 25, sig);
	assert_int_equal(vigil__dup_find(&x, sig, day - 3), 40);
	/* a replaced document's id again, with its new signature */
	assert_int_equal(vigil__dup_add(&x, 12, day, 1, sig), VIGIL_OK);
	assert_int_equal(vigil__dup_find(&x, sig, day - 3), 12);
	/* thousands more: the table grows, removed ones are dropped */
	for (id = 100; id < 5100; id++) {
		sig_of((uint32_t)id * 64, other);
		assert_int_equal(vigil__dup_add(&x, id, day, 1, other), VIGIL_OK);
	}
	assert_int_equal(x.ndocs, 5002);
	for (id = 100; id < 5100; id += 999) {
		sig_of((uint32_t)id * 64, other);
		assert_int_equal(vigil__dup_find(&x, other, day - 3), id);
	}
	assert_int_equal(vigil__dup_find(&x, sig, day - 3), 12);
	/* loaded days, then everything forgotten */
	assert_int_equal(vigil__dup_loaded(&x, day), 0);
	for (id = 0; id < 100; id++)
		assert_int_equal(vigil__dup_mark_loaded(&x, day + (int32_t)id),
				 VIGIL_OK);
	assert_int_equal(vigil__dup_loaded(&x, day + 99), 1);
	assert_int_equal(vigil__dup_loaded(&x, day + 100), 0);
	vigil__dup_clear(&x);
	assert_int_equal(vigil__dup_loaded(&x, day), 0);
	assert_int_equal(vigil__dup_find(&x, sig, day - 3), 0);
	assert_int_equal(x.ndocs, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_day_in),
		cmocka_unit_test(test_shared_minima),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_earliest_removal_forget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
