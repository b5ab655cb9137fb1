/*
 * test_match.c: the dictionary matcher (match.c) over real tokens:
 * leftmost-longest without overlaps, case rules ("US" vs "us"), inner
 * hyphens ("Kim Jong-un" = "Kim Jong Un"), possessives, several entries on
 * one phrase (date ranges, kinds), token sub-ranges and empty input; the
 * kind masks of matches and of the dictionary.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon/lexicon_int.h"

static const char dict_vd[] =
	"[actors]\n"
	"North Korea | DPRK = PRK type=country\n"               /* 2 */
	"North Korean(s) = PRK type=demonym\n"                  /* 3 */
	"South Korea = KOR type=country\n"                      /* 4 */
	"Korea University = KORUNI\n"                           /* 5 */
	"US | United States = USA type=country\n"               /* 6 */
	"U.S. = USA\n"                                          /* 7 */
	"Kim Jong-un = PRKGOV type=person\n"                    /* 8 */
	"Korean People's Army = PRKMIL\n"                       /* 9 */
	"Joe Biden = USAGOV role=president from=2021-01-20 until=2025-01-20\n"
	"Joe Biden = USALEG role=senator from=1973-01-03 until=2009-01-15\n"
	"Russia = RUS type=country\n"                           /* 12 */
	"[places]\n"
	"Russia = RUS type=country lat=60 lon=90\n"             /* 14 */
	"[agents]\n"
	"troop(s) = MIL\n"                                      /* 16 */
	"us = PEOPLE\n"                                         /* 17 */
	"[verbs]\n"
	"+send troop(s) to = 0743 goldstein=5\n"                /* 19 */
	"the capture of = 173 pos=noun\n"                       /* 20 */
	"capture = 17\n"                                        /* 21 */
	"a b c d e f g h i j k l m n o p = 99\n"                /* 22 */
	"[cues]\n"
	"told us = ATTRIB\n";                                   /* 24 */

static vigil__lexicon lx;
static void *blob;

static int setup(void **state)
{
	vigil__dict_set s;
	size_t size;

	(void)state;
	vigil__dict_set_init(&s, NULL, NULL);
	if (vigil__dict_parse_mem(&s, "m.vd", dict_vd, sizeof(dict_vd) - 1, 0) ||
	    s.nerrors || vigil__dict_build(&blob, &size, &s, 0) ||
	    vigil__lexicon_view(&lx, blob, size, NULL)) {
		vigil__dict_set_free(&s);
		return -1;
	}
	vigil__dict_set_free(&s);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(blob);
	return 0;
}

/* Matches of `text` as "[b,e) CODE@LINE,...; ..." */
static void render(const char *text, size_t begin, size_t end, char *out,
		   size_t cap)
{
	vigil__token tok[256];
	vigil__arena a;
	vigil__match *m = NULL;
	size_t ntok, n = 0, mcap = 0, i, len = 0;
	uint32_t k;

	ntok = vigil__tokenize_phrase(text, strlen(text), tok, 256);
	assert_true(ntok <= 256);
	if (end > ntok)
		end = ntok;
	vigil__arena_init(&a, 0);
	assert_int_equal(vigil__match_tokens(&lx, text, tok, begin, end, &a, &m,
					     &n, &mcap), 0);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		len += (size_t)snprintf(out + len, cap - len, "%s[%u,%u)",
					i ? "; " : "", m[i].tok_begin, m[i].tok_end);
		for (k = 0; k < m[i].entry_count; k++) {
			vigil__entry e;

			vigil__lexicon_entry(&lx, m[i].entry_first + k, &e);
			len += (size_t)snprintf(out + len, cap - len, "%s%s@%u",
						k ? "," : " ", e.code, e.line);
		}
	}
	vigil__arena_free(&a);
}

static const struct {
	const char *text;
	const char *matches;
} cases[] = {
	/* longest match wins; the demonym is longer than the country */
	{"North Korea sent troops to Russia.",
	 "[0,2) PRK@2; [2,5) 0743@19; [5,6) RUS@12,RUS@14"},
	{"North Korean troops", "[0,2) PRK@3; [2,3) MIL@16"},
	{"North Koreans", "[0,2) PRK@3"},
	{"sending a troop to", "[2,3) MIL@16"},
	/* leftmost wins over a longer overlapping phrase to its right */
	{"South Korea University", "[0,2) KOR@4"},
	{"the Korea University", "[1,3) KORUNI@5"},
	/* a longer phrase that fails falls back to a shorter one inside */
	{"the capture was", "[1,2) 17@21"},
	{"the capture of Kursk", "[0,3) 173@20"},
	/* case: capitals-only words match capitals only */
	{"US troops", "[0,1) USA@6; [1,2) MIL@16"},
	{"they told us", "[1,3) ATTRIB@24"},
	{"THEY TOLD US", "[1,3) ATTRIB@24"},
	{"Us and us", "[0,1) PEOPLE@17; [2,3) PEOPLE@17"},
	{"US", "[0,1) USA@6"},
	{"u.s. and U.S.", "[2,3) USA@7"},
	{"NORTH KOREA and dprk", "[0,2) PRK@2"},
	{"united states", "[0,2) USA@6"},
	/* inner hyphens are skipped, in the text as in the dictionary */
	{"Kim Jong Un said", "[0,3) PRKGOV@8"},
	{"Kim Jong-un said", "[0,4) PRKGOV@8"},
	{"kim jong-un", "[0,4) PRKGOV@8"},
	{"Kim Jong - un", ""},
	/* possessives */
	{"North Korea's troops", "[0,2) PRK@2; [3,4) MIL@16"},
	{"the Korean People's Army said", "[1,5) PRKMIL@9"},
	/* several entries share a phrase, in source order */
	{"Joe Biden", "[0,2) USAGOV@10,USALEG@11"},
	/* 16 words is the longest phrase */
	{"a b c d e f g h i j k l m n o p q", "[0,16) 99@22"},
	{"a b c", ""},
	{"", ""},
	{"   ", ""},
	{"-", ""},
};

static void test_cases(void **state)
{
	char got[1024];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		render(cases[i].text, 0, 256, got, sizeof(got));
		if (strcmp(got, cases[i].matches) != 0)
			print_error("text '%s'\n", cases[i].text);
		assert_string_equal(got, cases[i].matches);
	}
}

static void test_entry_fields(void **state)
{
	vigil__entry e;
	uint32_t i, found = 0;

	(void)state;
	for (i = 0; i < vigil__lexicon_entry_count(&lx); i++) {
		vigil__lexicon_entry(&lx, i, &e);
		if (strcmp(e.phrase, "Joe Biden") == 0 && e.line == 10) {
			assert_int_equal(e.kind, VIGIL_KIND_ACTOR);
			assert_string_equal(e.role, "president");
			assert_int_equal(e.from, 20210120);
			assert_int_equal(e.until, 20250120);
			assert_string_equal(e.country, "USA");  /* USA is a country */
			assert_string_equal(e.sector, "GOV");
			assert_string_equal(e.file, "m.vd");
			found |= 1;
		}
		if (strcmp(e.code, "KORUNI") == 0) {
			assert_string_equal(e.country, "KOR");
			assert_string_equal(e.sector, "UNI");
			assert_null(e.type);
			found |= 2;
		}
		if (strcmp(e.code, "0743") == 0) {
			assert_int_equal(e.kind, VIGIL_KIND_VERB);
			assert_string_equal(e.phrase, "+send troop(s) to");
			assert_true(e.goldstein == 5.0);
			assert_string_equal(e.pos, "verb");  /* the default */
			assert_int_equal(e.quad, 0);
			assert_null(e.country);
			found |= 4;
		}
		if (e.kind == VIGIL_KIND_PLACE) {
			assert_true(e.lat == 60.0 && e.lon == 90.0);
			found |= 8;
		}
		if (strcmp(e.code, "RUS") == 0 && e.kind == VIGIL_KIND_ACTOR) {
			assert_true(isnan(e.lat) && isnan(e.goldstein));
			assert_null(e.sector);
			found |= 16;
		}
	}
	assert_int_equal(found, 31);
	/* out of range: an empty entry, not a crash */
	vigil__lexicon_entry(&lx, (uint32_t)vigil__lexicon_entry_count(&lx), &e);
	assert_null(e.code);
}

/* Only tokens [begin, end) are looked at; results are appended. */
static void test_ranges(void **state)
{
	static const char text[] = "North Korea and South Korea";
	vigil__token tok[16];
	vigil__arena a;
	vigil__match *m = NULL;
	size_t ntok, n = 0, cap = 0;

	(void)state;
	ntok = vigil__tokenize_phrase(text, sizeof(text) - 1, tok, 16);
	assert_int_equal(ntok, 5);
	vigil__arena_init(&a, 0);
	assert_int_equal(vigil__match_tokens(&lx, text, tok, 0, 1, &a, &m, &n, &cap), 0);
	assert_int_equal(n, 0);  /* "North Korea" crosses the end */
	assert_int_equal(vigil__match_tokens(&lx, text, tok, 1, 4, &a, &m, &n, &cap), 0);
	assert_int_equal(n, 0);
	assert_int_equal(vigil__match_tokens(&lx, text, tok, 3, 5, &a, &m, &n, &cap), 0);
	assert_int_equal(n, 1);
	assert_int_equal(vigil__match_tokens(&lx, text, tok, 0, 5, &a, &m, &n, &cap), 0);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].tok_begin, 3);
	assert_int_equal(m[1].tok_begin, 0);
	assert_int_equal(m[2].tok_begin, 3);
	assert_int_equal(m[2].tok_end, 5);
	/* empty range and no dictionary: nothing, no error */
	assert_int_equal(vigil__match_tokens(&lx, text, tok, 2, 2, &a, &m, &n, &cap), 0);
	assert_int_equal(vigil__match_tokens(NULL, text, tok, 0, 5, &a, &m, &n, &cap), 0);
	assert_int_equal(n, 3);
	vigil__arena_free(&a);
}

/* The kinds of a match's entries (all dates, pattern entries included)
 * and of the whole dictionary (no [discards] here). */
static void test_kinds(void **state)
{
	static const struct {
		const char *text;
		uint32_t kinds;
	} kind_cases[] = {
		{"Russia", 1u << VIGIL_KIND_ACTOR | 1u << VIGIL_KIND_PLACE},
		{"Joe Biden", 1u << VIGIL_KIND_ACTOR},
		{"troops", 1u << VIGIL_KIND_AGENT},
		{"capture", 1u << VIGIL_KIND_VERB},
		{"told us", 1u << VIGIL_KIND_CUE},
	};
	vigil__token tok[16];
	vigil__arena a;
	vigil__match *m;
	size_t i, ntok, n, cap;
	int k;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < sizeof(kind_cases) / sizeof(kind_cases[0]); i++) {
		m = NULL;
		n = cap = 0;
		ntok = vigil__tokenize_phrase(kind_cases[i].text,
					      strlen(kind_cases[i].text), tok, 16);
		assert_int_equal(vigil__match_tokens(&lx, kind_cases[i].text, tok, 0,
						     ntok, &a, &m, &n, &cap), 0);
		assert_int_equal(n, 1);
		assert_int_equal(m[0].kinds, kind_cases[i].kinds);
		for (k = 0; k < VIGIL_KIND_COUNT_; k++)
			assert_int_equal(vigil__match_has_kind(&m[0], k),
					 (kind_cases[i].kinds >> k) & 1);
	}
	vigil__arena_free(&a);
	for (k = 0; k < VIGIL_KIND_COUNT_; k++)
		assert_int_equal(vigil__lexicon_has_kind(&lx, k),
				 k != VIGIL_KIND_DISCARD);
	assert_false(vigil__lexicon_has_kind(NULL, VIGIL_KIND_ACTOR));
}

/* Many matches grow the array through the arena; a full arena fails. */
static void test_arena(void **state)
{
	char text[4096];
	vigil__token tok[1024];
	vigil__arena a;
	vigil__match *m = NULL;
	size_t ntok, n = 0, cap = 0, i, len = 0;

	(void)state;
	for (i = 0; i < 500; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, "US ");
	ntok = vigil__tokenize_phrase(text, len, tok, 1024);
	assert_int_equal(ntok, 500);
	vigil__arena_init(&a, 0);
	assert_int_equal(vigil__match_tokens(&lx, text, tok, 0, ntok, &a, &m, &n, &cap), 0);
	assert_int_equal(n, 500);
	assert_int_equal(m[499].tok_begin, 499);
	vigil__arena_free(&a);

	vigil__arena_init(&a, 1024);  /* too small for 500 matches */
	m = NULL;
	n = cap = 0;
	assert_int_equal(vigil__match_tokens(&lx, text, tok, 0, ntok, &a, &m, &n, &cap), -1);
	assert_true(a.failed);
	vigil__arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_entry_fields),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_arena),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
