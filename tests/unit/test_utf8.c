/*
 * test_utf8.c: UTF-8 validation (offset and reason of the first bad byte)
 * and repair (maximal subparts replaced by U+FFFD) on exact inputs,
 * including bad bytes at every position around the 16- and 8-byte ASCII
 * fast paths, alone and after a valid character at every position.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "text/text.h"

#define FFFD "\xEF\xBF\xBD"

static const struct check_case {
	const char *in;
	size_t len;       /* 0: strlen(in) */
	long long off;    /* expected result */
	const char *why;  /* expected reason starts with this; NULL when valid */
} check_cases[] = {
	{"", 0, -1, NULL},
	{"plain ASCII text, long enough for the fast path", 0, -1, NULL},
	{"caf\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", 0, -1, NULL},
	{"\xE2\x80\x99 \xF0\x9F\x98\x80 \xEF\xBF\xBD \xF4\x8F\xBF\xBF", 0, -1, NULL},
	{"\xED\x9F\xBF", 0, -1, NULL},            /* U+D7FF, just below surrogates */
	{"\xEE\x80\x80", 0, -1, NULL},            /* U+E000, just above */
	{"ab\0cd", 5, 2, "NUL byte"},
	{"\0", 1, 0, "NUL byte"},
	{"abc\x80", 0, 3, "invalid UTF-8: unexpected continuation"},
	{"\xC0\xAF", 0, 0, "invalid UTF-8: overlong"},
	{"\xC1\xBF", 0, 0, "invalid UTF-8: overlong"},
	{"x\xE0\x80\xAF", 0, 1, "invalid UTF-8: overlong"},
	{"\xF0\x80\x80\xAF", 0, 0, "invalid UTF-8: overlong"},
	{"\xED\xA0\x80", 0, 0, "invalid UTF-8: surrogate"},
	{"\xED\xBF\xBF", 0, 0, "invalid UTF-8: surrogate"},
	{"\xF4\x90\x80\x80", 0, 0, "invalid UTF-8: code point above U+10FFFF"},
	{"\xF5\x80\x80\x80", 0, 0, "invalid UTF-8: code point above U+10FFFF"},
	{"\xFF", 0, 0, "invalid UTF-8: byte 0xf8-0xff"},
	{"ab\xE2\x80", 0, 2, "invalid UTF-8: truncated"},
	{"ab\xE2\x80z", 0, 2, "invalid UTF-8: truncated"},
	{"\xC3", 0, 0, "invalid UTF-8: truncated"},
	{"\xF0\x9F\x98", 0, 0, "invalid UTF-8: truncated"},
	{"ok \xC3\xA9 then \xC3(", 0, 11, "invalid UTF-8: truncated"},
};

static void test_check_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(check_cases) / sizeof(check_cases[0]); i++) {
		const struct check_case *c = &check_cases[i];
		size_t len = c->len ? c->len : strlen(c->in);
		const char *why = "unset";
		long long off = vigil__utf8_check(c->in, len, &why);

		if (off != c->off)
			fail_msg("case %zu: offset %lld, expected %lld", i, off, c->off);
		if (c->why == NULL)
			assert_null(why);
		else if (!why || strncmp(why, c->why, strlen(c->why)) != 0)
			fail_msg("case %zu: why \"%s\", expected \"%s\"", i,
				 why ? why : "(null)", c->why);
		/* why may be NULL */
		assert_int_equal(vigil__utf8_check(c->in, len, NULL), c->off);
	}
}

/* A bad byte at each position of a 40-byte ASCII buffer is found exactly,
 * whatever its alignment against the 16- and 8-byte fast paths, also with
 * a valid two-byte character at any position before it. */
static void test_check_every_position(void **state)
{
	static const unsigned char bad[] = {0x00, 0x80, 0xC0, 0xFF};
	char buf[40];
	size_t pos, b;

	(void)state;
	for (b = 0; b < sizeof(bad); b++) {
		for (pos = 0; pos < sizeof(buf); pos++) {
			memset(buf, 'a', sizeof(buf));
			buf[pos] = (char)bad[b];
			assert_int_equal(vigil__utf8_check(buf, sizeof(buf), NULL),
					 (long long)pos);
			/* and nothing is read past len */
			assert_int_equal(vigil__utf8_check(buf, pos, NULL), -1);
			/* after a valid two-byte character anywhere before it */
			if (pos >= 2) {
				size_t at;

				for (at = 0; at + 2 <= pos; at++) {
					memset(buf, 'a', sizeof(buf));
					buf[at] = (char)0xC3;
					buf[at + 1] = (char)0xA9;
					buf[pos] = (char)bad[b];
					assert_int_equal(vigil__utf8_check(buf, sizeof(buf), NULL),
							 (long long)pos);
				}
			}
		}
	}
}

static const struct repair_case {
	const char *in;
	size_t len;
	const char *out;
	size_t nrepaired;
} repair_cases[] = {
	{"clean text", 0, "clean text", 0},
	{"caf\xC3\xA9", 0, "caf\xC3\xA9", 0},
	{"a\0b", 3, "a" FFFD "b", 1},
	{"\xFF\xFE", 0, FFFD FFFD, 2},
	/* a truncated sequence is one maximal subpart: one U+FFFD */
	{"x\xE2\x80y", 0, "x" FFFD "y", 1},
	{"x\xF0\x9F\x98", 0, "x" FFFD, 1},
	/* a surrogate's lead byte fails on its second byte: three parts */
	{"\xED\xA0\x80", 0, FFFD FFFD FFFD, 3},
	{"\xC0\xAF!", 0, FFFD FFFD "!", 2},
	{"\xE2\x80\x99ok\x80", 0, "\xE2\x80\x99ok" FFFD, 1},
};

static void test_repair_table(void **state)
{
	vigil__arena a;
	size_t i;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < sizeof(repair_cases) / sizeof(repair_cases[0]); i++) {
		const struct repair_case *c = &repair_cases[i];
		size_t len = c->len ? c->len : strlen(c->in);
		char *out = NULL;
		size_t out_len = 99, k = 99;

		assert_int_equal(vigil__utf8_repair(&a, c->in, len, &out, &out_len, &k), 0);
		if (out_len != strlen(c->out) || memcmp(out, c->out, out_len) != 0)
			fail_msg("case %zu: wrong repair (%zu bytes)", i, out_len);
		assert_int_equal(out[out_len], '\0');
		assert_int_equal(k, c->nrepaired);
		assert_int_equal(vigil__utf8_check(out, out_len, NULL), -1);
	}
	vigil__arena_free(&a);
}

/* An arena at its cap makes repair fail cleanly. */
static void test_repair_arena_failure(void **state)
{
	vigil__arena a;
	char *out = (char *)"x";
	size_t n = 7, k = 7;
	char big[256];

	(void)state;
	memset(big, 0xFF, sizeof(big));
	vigil__arena_init(&a, 64);
	assert_int_equal(vigil__utf8_repair(&a, big, sizeof(big), &out, &n, &k), -1);
	assert_null(out);
	assert_int_equal(n, 0);
	assert_true(a.failed);
	vigil__arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_table),
		cmocka_unit_test(test_check_every_position),
		cmocka_unit_test(test_repair_table),
		cmocka_unit_test(test_repair_arena_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
