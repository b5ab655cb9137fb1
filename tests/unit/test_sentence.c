/*
 * test_sentence.c: vigil__segment: the exact twelve sentences of the seed
 * article (read from ../shared, skipped when absent), the hard cases of news
 * English (titles, months, "U.S.", initials, decimals, quotations,
 * ellipses, parentheses), explicit paragraph ranges, the sentence length
 * cap, and arena failure.
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

#include "text/text.h"
#include "testutil.h"

/* Runs the text stage on `in`: normalized text in *t, sentences in *sg. */
static void run(vigil__arena *a, const char *in, size_t len, char **t,
		vigil__layout *l, vigil__segmented *sg)
{
	size_t tl;

	assert_int_equal(vigil__normalize(a, in, len, t, &tl), 0);
	assert_int_equal(vigil__layout_text(a, *t, tl, l), 0);
	assert_int_equal(vigil__segment(a, *t, tl, l->paras, l->npara, sg), 0);
}

/* Checks the invariants every segmentation must keep. */
static void check_invariants(const vigil__layout *l, const vigil__segmented *sg)
{
	size_t i, k;

	for (i = 0; i < sg->ntok; i++)
		if (i > 0)
			assert_true(sg->tok[i - 1].off + sg->tok[i - 1].len <= sg->tok[i].off);
	for (k = 0; k < sg->nsent; k++) {
		const vigil__sentence *s = &sg->sent[k];
		const vigil__range *p = &l->paras[s->para];

		assert_true(s->tok_begin < s->tok_end);
		assert_int_equal(s->tok_begin, k ? sg->sent[k - 1].tok_end : 0);
		assert_int_equal(s->off, sg->tok[s->tok_begin].off);
		assert_int_equal(s->off + s->len, sg->tok[s->tok_end - 1].off +
							  sg->tok[s->tok_end - 1].len);
		assert_true(s->off >= p->off && s->off + s->len <= p->off + p->len);
		if (k > 0)
			assert_true(s->para >= sg->sent[k - 1].para);
	}
	if (sg->nsent)
		assert_int_equal(sg->sent[sg->nsent - 1].tok_end, sg->ntok);
}

static void test_seed_sentences(void **state)
{
	static const struct {
		unsigned para;
		const char *start, *end;
	} expect[12] = {
		{0, "South Korea's military", "prisoner-of-war situations."},
		{1, "The Joint Chiefs of Staff", "as the conflict persists."},
		{1, "The statement comes four", "multiple losses and captives."},
		{2, "While the JCS did not", "action on these fronts."},
		{3, "The revelations follow", "the war last autumn."},
		{4, "According to Ukrainian", "offensive last year."},
		{4, "Kyiv estimates that over", "wounded in the conflict."},
		{5, "Initially, both Moscow", "North Korean troop deployments."},
		{5, "However, Russian President", "deployment was lawful."},
		{6, "The strengthened military", "Pyongyang in June 2024."},
		{6, "This agreement includes", "between the two nations."},
		{7, "As the situation develops", "the Russia-Ukraine war."},
	};
	const char *path;
	char *raw, *t;
	vigil__segmented sg;
	vigil__layout l;
	vigil__arena a;
	size_t n = 0, i, k, found = 0;

	(void)state;
	path = tu_seed_path();
	raw = path ? tu_read_file(path, &n) : NULL;
	if (!raw)
		skip(); /* ../shared/seed is not here */
	vigil__arena_init(&a, 0);
	run(&a, raw, n, &t, &l, &sg);
	assert_int_equal(sg.nsent, 12);
	check_invariants(&l, &sg);
	for (i = 0; i < 12; i++) {
		const vigil__sentence *s = &sg.sent[i];
		size_t ls = strlen(expect[i].start), le = strlen(expect[i].end);

		assert_int_equal(s->para, expect[i].para);
		if (s->len < ls + le || memcmp(t + s->off, expect[i].start, ls) != 0 ||
		    memcmp(t + s->off + s->len - le, expect[i].end, le) != 0)
			fail_msg("sentence %zu: \"%.*s\"", i, (int)s->len, t + s->off);
	}
	/* a few tokens that later stages rely on */
	for (k = 0; k < sg.ntok; k++) {
		const vigil__token *tk = &sg.tok[k];

		if (tk->len == 6 && memcmp(t + tk->off, "11,000", 6) == 0) {
			assert_int_equal(tk->type, VIGIL_TOK_NUMBER);
			found |= 1;
		}
		if (tk->len == 3 && memcmp(t + tk->off, "JCS", 3) == 0 &&
		    t[tk->off - 1] == '(') {
			assert_int_equal(tk->flags, VIGIL_TF_CAP | VIGIL_TF_UPPER |
							    VIGIL_TF_ASCII);
			found |= 2;
		}
		if (tk->type == VIGIL_TOK_POSS && t[tk->off - 1] == 'a' &&
		    memcmp(t + tk->off - 6, "Russia's", 8) == 0)
			found |= 4;
		if (tk->type == VIGIL_TOK_PUNCT && (tk->flags & VIGIL_TF_INNER) &&
		    memcmp(t + tk->off - 6, "Russia-Ukraine", 14) == 0)
			found |= 8;
	}
	assert_int_equal(found, 15);
	vigil__arena_free(&a);
	free(raw);
}

static const struct sent_case {
	const char *in;
	const char *expect; /* sentences joined by "|" */
} cases[] = {
	/* titles never end a sentence */
	{"Mr. Smith met Mrs. Jones. Dr. Lee and Gen. Park came.",
	 "Mr. Smith met Mrs. Jones.|Dr. Lee and Gen. Park came."},
	{"Lt. Col. Kim spoke to Sen. Warren and Rep. Cole. Gov. Hochul met Prof. Roe "
	 "at St. Paul. No. 10 said so.",
	 "Lt. Col. Kim spoke to Sen. Warren and Rep. Cole.|Gov. Hochul met Prof. Roe "
	 "at St. Paul.|No. 10 said so."},
	{"Kim visited Pyongyang's No. 1 factory.", "Kim visited Pyongyang's No. 1 factory."},
	{"He said no. Then he left.", "He said no.|Then he left."},
	/* months */
	{"On Jan. 9 the army moved. It left.", "On Jan. 9 the army moved.|It left."},
	{"The talks began in Sept. The army left.", "The talks began in Sept.|The army left."},
	/* "U.S." ends a sentence only before a typical opener */
	{"He lives in the U.S. The army left. The U.S. Army moved. Talks with the "
	 "U.S. continued.",
	 "He lives in the U.S.|The army left.|The U.S. Army moved.|Talks with the "
	 "U.S. continued."},
	{"The U.N. Security Council met.", "The U.N. Security Council met."},
	{"Apple Inc. The company said. Acme Inc. shares rose.",
	 "Apple Inc.|The company said.|Acme Inc. shares rose."},
	/* initials and decimals */
	{"George W. Bush met J. R. R. Tolkien. Growth was 3.5 percent. Then it fell.",
	 "George W. Bush met J. R. R. Tolkien.|Growth was 3.5 percent.|Then it fell."},
	{"The vote was 52-48. Opponents left.", "The vote was 52-48.|Opponents left."},
	/* a.m. and p.m. */
	{"They met at 9 a.m. Officials said it went well. They met at 9 a.m. Monday.",
	 "They met at 9 a.m.|Officials said it went well.|They met at 9 a.m. Monday."},
	{"It was 5 p.m. GMT when it began.", "It was 5 p.m. GMT when it began."},
	/* quotations */
	{"He said: \"We will fight.\" Then he left.",
	 "He said: \"We will fight.\"|Then he left."},
	{"\"Go,\" he said.", "\"Go,\" he said."},
	{"\"Where?\" he asked. \"Here,\" she said.",
	 "\"Where?\" he asked.|\"Here,\" she said."},
	{"\xE2\x80\x9CWe will win.\xE2\x80\x9D The crowd cheered.",
	 "\"We will win.\"|The crowd cheered."},
	{"They called it 'a lie.' Then they left.", "They called it 'a lie.'|Then they left."},
	/* ellipses, ? and ! */
	{"Wait... then what? Nothing! Really.", "Wait... then what?|Nothing!|Really."},
	{"Wait\xE2\x80\xA6 Then it fell.", "Wait...|Then it fell."},
	{"Is it over? Yes! 2025 will tell.", "Is it over?|Yes!|2025 will tell."},
	/* parentheses */
	{"The army (which had left.) Then came back. (He said so.) Next.",
	 "The army (which had left.)|Then came back.|(He said so.)|Next."},
	{"The JCS (Joint Chiefs) said so. Kim left.",
	 "The JCS (Joint Chiefs) said so.|Kim left."},
	/* a paragraph end always ends a sentence */
	{"A paragraph without end\nSecond paragraph.", "A paragraph without end|Second paragraph."},
	{"No final stop here", "No final stop here"},
	{"", ""},
};

static void test_sentence_table(void **state)
{
	char got[1024], *t;
	vigil__segmented sg;
	vigil__layout l;
	vigil__arena a;
	size_t i, k, o;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run(&a, cases[i].in, strlen(cases[i].in), &t, &l, &sg);
		check_invariants(&l, &sg);
		got[0] = '\0';
		for (k = 0, o = 0; k < sg.nsent && o < sizeof(got); k++)
			o += (size_t)snprintf(got + o, sizeof(got) - o, "%s%.*s", k ? "|" : "",
					      (int)sg.sent[k].len, t + sg.sent[k].off);
		if (strcmp(got, cases[i].expect) != 0)
			fail_msg("case %zu:\n got    %s\n expect %s", i, got, cases[i].expect);
		vigil__arena_reset(&a);
	}
	vigil__arena_free(&a);
}

/* Paragraph ranges given directly: sentences carry the paragraph index,
 * empty and out-of-range ranges add nothing. */
static void test_explicit_paragraphs(void **state)
{
	static const char text[] = "One. Two.\nSKIPPED\nThree";
	const vigil__range paras[] = {{0, 9}, {10, 0}, {18, 5}, {100, 4}};
	vigil__segmented sg;
	vigil__arena a;

	(void)state;
	vigil__arena_init(&a, 0);
	assert_int_equal(vigil__segment(&a, text, strlen(text), paras, 4, &sg), 0);
	assert_int_equal(sg.ntok, 5);
	assert_int_equal(sg.nsent, 3);
	assert_int_equal(sg.sent[0].off, 0);
	assert_int_equal(sg.sent[0].len, 4);
	assert_int_equal(sg.sent[0].para, 0);
	assert_int_equal(sg.sent[1].off, 5);
	assert_int_equal(sg.sent[1].len, 4);
	assert_int_equal(sg.sent[1].tok_begin, 2);
	assert_int_equal(sg.sent[1].tok_end, 4);
	assert_int_equal(sg.sent[2].off, 18);
	assert_int_equal(sg.sent[2].len, 5);
	assert_int_equal(sg.sent[2].para, 2);
	/* each paragraph start follows white space or the text start */
	assert_true(sg.tok[0].flags & VIGIL_TF_SPACE);
	assert_true(sg.tok[4].flags & VIGIL_TF_SPACE);
	vigil__arena_free(&a);
}

/* A paragraph with no sentence end is cut every VIGIL__SENT_MAX_TOK tokens. */
static void test_sentence_cap(void **state)
{
	const size_t words = 3000;
	vigil__range para;
	vigil__segmented sg;
	vigil__arena a;
	char *text;
	size_t i;

	(void)state;
	text = malloc(2 * words);
	assert_non_null(text);
	for (i = 0; i < words; i++) {
		text[2 * i] = 'a';
		text[2 * i + 1] = ' ';
	}
	para.off = 0;
	para.len = (uint32_t)(2 * words - 1);
	vigil__arena_init(&a, 0);
	assert_int_equal(vigil__segment(&a, text, 2 * words, &para, 1, &sg), 0);
	assert_int_equal(sg.ntok, words);
	assert_int_equal(sg.nsent, 3);
	assert_int_equal(sg.sent[0].tok_end, VIGIL__SENT_MAX_TOK);
	assert_int_equal(sg.sent[1].tok_end, 2 * VIGIL__SENT_MAX_TOK);
	assert_int_equal(sg.sent[2].tok_end, words);
	vigil__arena_free(&a);
	free(text);
}

static void test_arena_failure(void **state)
{
	static const char text[] = "One sentence. Another one.";
	const vigil__range para = {0, sizeof(text) - 1};
	vigil__segmented sg;
	vigil__arena a;

	(void)state;
	vigil__arena_init(&a, 64);
	assert_int_equal(vigil__segment(&a, text, sizeof(text) - 1, &para, 1, &sg), -1);
	assert_int_equal(sg.nsent, 0);
	assert_true(a.failed);
	vigil__arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_sentences),
		cmocka_unit_test(test_sentence_table),
		cmocka_unit_test(test_explicit_paragraphs),
		cmocka_unit_test(test_sentence_cap),
		cmocka_unit_test(test_arena_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
