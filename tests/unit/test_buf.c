/*
 * test_buf.c: the output buffer's writers that skip printf and byte loops:
 * JSON string escaping (16 or 8 bytes at a time) with each escaped byte at
 * every position around the block boundaries, unsigned integers and %.15g
 * numbers checked against printf itself (integers at every digit count,
 * %.15g on a table, on coordinates of 0-7 decimals and on pseudo-random
 * doubles of every magnitude).
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

static const struct json_case {
	const char *in;
	const char *out;
} json_cases[] = {
	{"", "\"\""},
	{"plain", "\"plain\""},
	{"exactly8", "\"exactly8\""},
	{"a longer run of text without escapes at all",
	 "\"a longer run of text without escapes at all\""},
	{"say \"no\"", "\"say \\\"no\\\"\""},
	{"back\\slash and \"quotes\" past eight bytes",
	 "\"back\\\\slash and \\\"quotes\\\" past eight bytes\""},
	{"tab\there\nline\rx", "\"tab\\there\\nline\\rx\""},
	{"\x01\x1f ctl", "\"\\u0001\\u001f ctl\""},
	{"caf\xc3\xa9 \xe2\x80\x99 kept", "\"caf\xc3\xa9 \xe2\x80\x99 kept\""},
	{"!#[]{}~\x7f \x20", "\"!#[]{}~\x7f \x20\""},
};

static void test_json_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(json_cases) / sizeof(json_cases[0]); i++) {
		vigil__buf b;

		vigil__buf_init(&b, 0);
		vigil__buf_json_str(&b, json_cases[i].in, strlen(json_cases[i].in));
		assert_false(b.failed);
		assert_string_equal(b.data, json_cases[i].out);
		vigil__buf_free(&b);
	}
}

/* vigil__buf_json_str of s[0, n): `want` between quotes. */
static void check_json_str(const char *s, size_t n, const char *want)
{
	char quoted[72];
	vigil__buf b;

	snprintf(quoted, sizeof(quoted), "\"%s\"", want);
	vigil__buf_init(&b, 0);
	vigil__buf_json_str(&b, s, n);
	assert_non_null(b.data);
	assert_string_equal(b.data, quoted);
	vigil__buf_free(&b);
}

/* Each escaped byte at every position of texts of 1 to 40 bytes, as
 * characters and as a quoted string (whose test for anything to escape
 * reads short texts and tails as whole words). */
static void test_json_every_position(void **state)
{
	static const struct {
		char c;
		const char *esc;
	} bytes[] = {{'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"},
		     {'\x1f', "\\u001f"}, {'\0', "\\u0000"}};
	char in[41], want[64];
	size_t n, at, k;

	(void)state;
	for (k = 0; k < sizeof(bytes) / sizeof(bytes[0]); k++)
		for (n = 1; n <= 40; n++)
			for (at = 0; at < n; at++) {
				vigil__buf b;

				memset(in, 'x', n);
				in[at] = bytes[k].c;
				snprintf(want, sizeof(want), "%.*s%s%.*s",
					 (int)at, in, bytes[k].esc,
					 (int)(n - at - 1), in + at + 1);
				vigil__buf_init(&b, 0);
				vigil__buf_json_chars(&b, in, n);
				assert_non_null(b.data);
				assert_string_equal(b.data, want);
				vigil__buf_free(&b);
				check_json_str(in, n, want);
			}
	/* nothing to escape: copied verbatim, UTF-8 and DEL included */
	for (n = 0; n <= 40; n++) {
		for (at = 0; at < n; at++)
			in[at] = "a\xC3\xA9\x7F ~/"[at % 7];
		in[n] = '\0';
		check_json_str(in, n, in);
	}
}

/* vigil__buf_put_uint against printf's "%llu", appended after a prefix:
 * every length of 1 to 20 digits at its bounds (10^k - 1, 10^k, 10^k + 1),
 * each two-digit pair, and the largest value. */
static void check_uint(unsigned long long v)
{
	char want[32];
	vigil__buf b;

	snprintf(want, sizeof(want), "x=%llu", v);
	vigil__buf_init(&b, 0);
	vigil__buf_puts(&b, "x=");
	vigil__buf_put_uint(&b, v);
	assert_false(b.failed);
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	vigil__buf_free(&b);
}

static void test_put_uint(void **state)
{
	unsigned long long p = 1;
	unsigned v;
	int k;

	(void)state;
	for (v = 0; v < 1000; v++)
		check_uint(v);
	for (k = 0; k < 20; k++, p *= 10) {
		check_uint(p - 1);
		check_uint(p);
		check_uint(p + 1);
	}
	check_uint(18446744073709551615ull);
	check_uint(12345678901234567890ull);
}

/* vigil__buf_put_g15(v) against printf's "%.15g". */
static void check_g15(double v)
{
	char want[64];
	vigil__buf b;

	snprintf(want, sizeof(want), "%.15g", v);
	vigil__buf_init(&b, 0);
	vigil__buf_put_g15(&b, v);
	assert_non_null(b.data);
	if (strcmp(b.data, want) != 0)
		fail_msg("%.17g: got %s, printf %s", v, b.data, want);
	vigil__buf_free(&b);
}

static void test_g15_table(void **state)
{
	static const struct {
		double v;
		const char *out;
	} cases[] = {
		{0, "0"},         {1, "1"},           {-1, "-1"},
		{0.5, "0.5"},     {51.73, "51.73"},   {-33.8688, "-33.8688"},
		{36.2, "36.2"},   {0.1, "0.1"},       {0.3, "0.3"},
		{1e-3, "0.001"},  {1e-4, "0.0001"},   {1e-5, "1e-05"},
		{123456789012345.0, "123456789012345"},
		{1e15, "1e+15"},  {0.1 + 0.2, "0.3"}, {2.0 / 3, "0.666666666666667"},
		{1.0 / 3, "0.333333333333333"},       {1e300, "1e+300"},
		{-0.0, "-0"},     {12.5e6, "12500000"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil__buf b;

		vigil__buf_init(&b, 0);
		vigil__buf_put_g15(&b, cases[i].v);
		assert_string_equal(b.data, cases[i].out);
		vigil__buf_free(&b);
		check_g15(cases[i].v);
	}
}

/* Coordinates as a gazetteer writes them: 0 to 7 decimals. */
static void test_g15_coordinates(void **state)
{
	char s[32];
	int dec, i;

	(void)state;
	for (dec = 0; dec <= 7; dec++)
		for (i = -18000; i <= 18000; i += 7) {
			snprintf(s, sizeof(s), "%.*f", dec,
				 i / 100.0 + i * 0.0000123);
			check_g15(strtod(s, NULL));
		}
}

/* Pseudo-random doubles (xorshift64) of magnitudes 1e-6 to 1e16. */
static void test_g15_random(void **state)
{
	uint64_t x = 0x9e3779b97f4a7c15ull;
	int i;

	(void)state;
	for (i = 0; i < 200000; i++) {
		double m, v;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		m = (double)(x >> 11) / 9007199254740992.0; /* [0, 1) */
		v = m * pow(10, (double)(int)(x % 23) - 6);
		check_g15(x & 1 ? -v : v);
		check_g15(round(v * 1000) / 1000); /* few decimals */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_table),
		cmocka_unit_test(test_json_every_position),
		cmocka_unit_test(test_put_uint),
		cmocka_unit_test(test_g15_table),
		cmocka_unit_test(test_g15_coordinates),
		cmocka_unit_test(test_g15_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
