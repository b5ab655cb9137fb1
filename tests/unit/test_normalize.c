/*
 * test_normalize.c: vigil__normalize on exact inputs (quotes, dashes,
 * spaces, line ends, invisible characters, NFC), the ASCII fast path at
 * every alignment, and two exhaustive checks over all assigned code points:
 * the NFC pre-check never calls a changing code point stable, and
 * normalization is idempotent and yields NFC.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"
#include "text/text_int.h"

static const struct norm_case {
	const char *in;
	const char *out;
} norm_cases[] = {
	{"", ""},
	{"Plain ASCII, nothing to do.", "Plain ASCII, nothing to do."},
	/* line ends, tabs, controls */
	{"a\r\nb\rc\n", "a\nb\nc\n"},
	{"a\r\r\nb", "a\n\nb"},
	{"a\tb\x01" "c\x7F", "a b c "},
	{"a\vb\fc", "a\nb\nc"},
	{"a\xC2\x85" "b", "a\nb"},                     /* NEL */
	{"p1\xE2\x80\xA8p2\xE2\x80\xA9p3", "p1\np2\n\np3"}, /* LS, PS */
	/* quotes */
	{"\xE2\x80\x9CHi,\xE2\x80\x9D he\xE2\x80\x99s \xE2\x80\x98ok\xE2\x80\x99",
	 "\"Hi,\" he's 'ok'"},
	{"\xC2\xAB" "non\xC2\xBB \xE2\x80\x9E" "da\xE2\x80\x9C", "\"non\" \"da\""},
	{"5\xE2\x80\xB2 10\xE2\x80\xB3", "5' 10\""},       /* primes */
	{"Kyiv\xCA\xBCs", "Kyiv's"},                       /* U+02BC */
	/* dashes */
	{"2020\xE2\x80\x93" "2024", "2020-2024"},
	{"Russia\xE2\x80\x93Ukraine", "Russia-Ukraine"},
	{"war\xE2\x80\x94which", "war - which"},
	{"war \xE2\x80\x94 which", "war - which"},
	{"war\xE2\x80\x94 which", "war- which"},
	{"(Xinhua) -- Russia", "(Xinhua) - Russia"},
	{"a --- b", "a - b"},
	{"a ---- b", "a ---- b"},
	{"a--b", "a--b"},
	{"x -\xE2\x80\x93 y", "x - y"},
	{"end --\nnext", "end -\nnext"},
	{"\xE2\x88\x92" "5 and F\xE2\x80\x91" "16", "-5 and F-16"},
	{"-- start", "-- start"},
	/* ellipsis, spaces, invisible characters */
	{"Wait\xE2\x80\xA6 then", "Wait... then"},
	{"10\xC2\xA0km, 5\xE2\x80\x89%, \xE3\x80\x80x", "10 km, 5 %,  x"},
	{"\xEF\xBB\xBFStart", "Start"},
	{"a\xE2\x80\x8B" "b\xE2\x80\x8C" "c\xE2\x80\x8D" "d\xE2\x80\x8E" "e", "abcde"},
	{"co\xC2\xAD" "operation", "cooperation"},
	/* NFC */
	{"caf\xC3\xA9", "caf\xC3\xA9"},
	{"cafe\xCC\x81", "caf\xC3\xA9"},
	{"Mu\xCC\x88nchen Mu\xCC\x88nchen", "M\xC3\xBCnchen M\xC3\xBCnchen"},
	{"\xE2\x84\xAB" "ngstr\xC3\xB6m", "\xC3\x85ngstr\xC3\xB6m"}, /* U+212B */
	{"\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"},      /* Hangul jamo */
	{"q\xCC\x87\xCC\xA3", "q\xCC\xA3\xCC\x87"},        /* mark reordering */
	/* an invisible joiner is dropped before composition */
	{"e\xE2\x80\x8D\xCC\x81", "\xC3\xA9"},
	/* mixed: mapping and NFC in one text */
	{"\xE2\x80\x9CZelenskiy\xE2\x80\x9D met Erdog\xCC\x86" "an",
	 "\"Zelenskiy\" met Erdo\xC4\x9F" "an"},
};

static void test_normalize_table(void **state)
{
	vigil__arena a;
	size_t i;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < sizeof(norm_cases) / sizeof(norm_cases[0]); i++) {
		const struct norm_case *c = &norm_cases[i];
		char *out = NULL;
		size_t n = 0;

		assert_int_equal(vigil__normalize(&a, c->in, strlen(c->in), &out, &n), 0);
		assert_non_null(out);
		assert_int_equal(out[n], '\0');
		if (n != strlen(c->out) || memcmp(out, c->out, n) != 0)
			fail_msg("case %zu: \"%s\" gave \"%s\", expected \"%s\"", i,
				 c->in, out, c->out);
	}
	vigil__arena_free(&a);
}

/* One special byte at each position of a long ASCII line is handled
 * whatever its alignment against the 16- and 8-byte scans. */
static void test_fast_path_alignment(void **state)
{
	vigil__arena a;
	char in[48], expect[48], *out;
	size_t pos, n;

	(void)state;
	vigil__arena_init(&a, 0);
	for (pos = 0; pos + 2 < sizeof(in); pos++) {
		memset(in, 'x', sizeof(in));
		memcpy(expect, in, sizeof(in));
		in[pos] = '\t';
		expect[pos] = ' ';
		in[pos + 1] = '-'; /* a lone hyphen is kept */
		expect[pos + 1] = '-';
		assert_int_equal(vigil__normalize(&a, in, sizeof(in), &out, &n), 0);
		assert_int_equal(n, sizeof(in));
		assert_memory_equal(out, expect, n);

		memset(in, 'x', sizeof(in));
		memcpy(expect, in, sizeof(in));
		in[pos] = 0x7F; /* DEL: a space */
		expect[pos] = ' ';
		in[pos + 1] = '\v'; /* a line end */
		expect[pos + 1] = '\n';
		assert_int_equal(vigil__normalize(&a, in, sizeof(in), &out, &n), 0);
		assert_int_equal(n, sizeof(in));
		assert_memory_equal(out, expect, n);

		memset(in, 'x', sizeof(in));
		in[pos] = '\r';
		in[pos + 1] = '\n';
		assert_int_equal(vigil__normalize(&a, in, sizeof(in), &out, &n), 0);
		assert_int_equal(n, sizeof(in) - 1);
		assert_int_equal(out[pos], '\n');
		assert_int_equal(out[pos + 1], 'x');
		vigil__arena_reset(&a);
	}
	vigil__arena_free(&a);
}

static void test_arena_failure(void **state)
{
	vigil__arena a;
	char in[512], *out = (char *)"x";
	size_t n = 5;

	(void)state;
	memset(in, 'a', sizeof(in));
	vigil__arena_init(&a, 128);
	assert_int_equal(vigil__normalize(&a, in, sizeof(in), &out, &n), -1);
	assert_null(out);
	assert_int_equal(n, 0);
	vigil__arena_free(&a);
}

static size_t put_cp(char *p, int32_t cp)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)p);
}

/* NFC of s[0, n) through utf8proc (malloc'd); compares with s. */
static int nfc_stable(const char *s, size_t n)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t k;
	int same;

	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &r,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	assert_true(k >= 0);
	same = (size_t)k == n && memcmp(r, s, n) == 0;
	free(r);
	return same;
}

static int assigned(int32_t cp)
{
	return !(cp >= 0xD800 && cp <= 0xDFFF) &&
	       utf8proc_category(cp) != UTF8PROC_CATEGORY_CN;
}

/* Every code point the pre-check calls stable is unchanged by NFC alone,
 * after an ASCII letter, before one, and doubled. */
static void test_nfc_precheck_sound(void **state)
{
	char buf[16];
	int32_t cp;
	size_t n, safe = 0;

	(void)state;
	for (cp = 0x80; cp <= 0x10FFFF; cp++) {
		if (!assigned(cp) || vigil__text_nfc_unsafe(cp))
			continue;
		safe++;
		n = put_cp(buf, cp);
		if (!nfc_stable(buf, n))
			fail_msg("U+%04X changes under NFC", (unsigned)cp);
		buf[0] = 'a';
		n = 1 + put_cp(buf + 1, cp);
		if (!nfc_stable(buf, n))
			fail_msg("a U+%04X changes under NFC", (unsigned)cp);
		n = put_cp(buf, cp);
		buf[n++] = 'a';
		n += put_cp(buf + n, cp);
		if (!nfc_stable(buf, n))
			fail_msg("U+%04X a U+%04X changes under NFC", (unsigned)cp,
				 (unsigned)cp);
	}
	/* and the check is not trivially "unsafe" */
	assert_true(safe > 200000);
	assert_false(vigil__text_nfc_unsafe(0xE9));  /* é */
	assert_false(vigil__text_nfc_unsafe(0x41C)); /* М */
	assert_true(vigil__text_nfc_unsafe(0x301));  /* combining acute */
	assert_true(vigil__text_nfc_unsafe(0x212B)); /* ANGSTROM SIGN */
	assert_true(vigil__text_nfc_unsafe(0x1161)); /* Hangul jungseong */
}

/* For every assigned code point c, normalizing "x c y" twice gives the
 * same text as once, and that text is NFC. */
static void test_idempotent_all_code_points(void **state)
{
	vigil__arena a;
	char buf[16], *o1, *o2;
	size_t n, n1, n2;
	int32_t cp;

	(void)state;
	vigil__arena_init(&a, 0);
	for (cp = 1; cp <= 0x10FFFF; cp++) {
		if (!assigned(cp))
			continue;
		buf[0] = 'x';
		n = 1 + put_cp(buf + 1, cp);
		buf[n++] = 'y';
		assert_int_equal(vigil__normalize(&a, buf, n, &o1, &n1), 0);
		assert_int_equal(vigil__normalize(&a, o1, n1, &o2, &n2), 0);
		if (n1 != n2 || memcmp(o1, o2, n1) != 0)
			fail_msg("U+%04X: not idempotent", (unsigned)cp);
		if (!nfc_stable(o1, n1))
			fail_msg("U+%04X: output not NFC", (unsigned)cp);
		vigil__arena_reset(&a);
	}
	vigil__arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_table),
		cmocka_unit_test(test_fast_path_alignment),
		cmocka_unit_test(test_arena_failure),
		cmocka_unit_test(test_nfc_precheck_sound),
		cmocka_unit_test(test_idempotent_all_code_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
