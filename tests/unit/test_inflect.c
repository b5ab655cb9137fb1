/*
 * test_inflect.c: the forms a `+verb` of a dictionary matches (inflect.c):
 * regular spelling rules, consonant doubling, and WordNet's irregular forms
 * (which replace the regular past, except British l/s doubling, where the
 * American spelling is kept too).
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon/lexicon_int.h"

/* The forms joined by single spaces, in vigil__inflect's order. */
static void forms_of(const char *verb, char *out, size_t cap)
{
	char buf[1024];
	const char *forms[VIGIL__INFLECT_MAX];
	size_t n = vigil__inflect(verb, strlen(verb), buf, sizeof(buf), forms,
				  VIGIL__INFLECT_MAX), i;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strncat(out, " ", cap - strlen(out) - 1);
		strncat(out, forms[i], cap - strlen(out) - 1);
	}
}

static const struct {
	const char *verb;
	const char *forms;
} cases[] = {
	/* regular: -s, -ing, -ed */
	{"raise", "raise raises raising raised"},
	{"seize", "seize seizes seizing seized"},
	{"visit", "visit visits visiting visited"},
	{"open", "open opens opening opened"},
	{"offer", "offer offers offering offered"},
	{"rain", "rain rains raining rained"},
	{"kill", "kill kills killing killed"},
	{"play", "play plays playing played"},
	{"fix", "fix fixes fixing fixed"},
	{"row", "row rows rowing rowed"},
	{"watch", "watch watches watching watched"},
	{"push", "push pushes pushing pushed"},
	{"focus", "focus focuses focusing focused"},
	{"veto", "veto vetoes vetoing vetoed"},
	{"agree", "agree agrees agreeing agreed"},
	{"argue", "argue argues arguing argued"},
	{"dye", "dye dyes dyeing dyed"},
	{"attack", "attack attacks attacking attacked"},
	/* consonant + y */
	{"try", "try tries trying tried"},
	{"deny", "deny denies denying denied"},
	/* one-syllable consonant-vowel-consonant doubles (WordNet agrees) */
	{"stop", "stop stops stopped stopping"},
	{"ban", "ban bans banned banning"},
	{"shop", "shop shops shopped shopping"},
	/* -ic takes a k */
	{"panic", "panic panics panicked panicking"},
	{"picnic", "picnic picnics picnicked picnicking"},
	/* -ie */
	{"die", "die dies died dying"},
	/* WordNet irregulars replace the regular past */
	{"go", "go goes going gone went"},
	{"send", "send sends sending sent"},
	{"make", "make makes making made"},
	{"see", "see sees seeing saw seen"},
	{"do", "do does doing did done"},
	{"lie", "lie lies lain lay lying"},
	{"seek", "seek seeks seeking sought"},
	{"fight", "fight fights fighting fought"},
	{"strike", "strike strikes striking struck"},
	/* longer verbs that double: from WordNet */
	{"admit", "admit admits admitted admitting"},
	{"occur", "occur occurs occurred occurring"},
	{"ad-lib", "ad-lib ad-libs ad-libbed ad-libbing"},
	/* British doubling in WordNet keeps the American spelling too */
	{"travel", "travel travels traveling traveled travelled travelling"},
	{"cancel", "cancel cancels canceling canceled cancelled cancelling"},
	/* ASCII letters are lowercased */
	{"Raise", "raise raises raising raised"},
};

static void test_forms(void **state)
{
	char got[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		forms_of(cases[i].verb, got, sizeof(got));
		if (strcmp(got, cases[i].forms) != 0)
			print_error("verb '%s'\n", cases[i].verb);
		assert_string_equal(got, cases[i].forms);
	}
}

static void test_limits(void **state)
{
	char buf[16];
	const char *forms[VIGIL__INFLECT_MAX];

	(void)state;
	assert_int_equal(vigil__inflect("", 0, buf, sizeof(buf), forms, 4), 0);
	/* too small a buffer: 0, never a partial list */
	assert_int_equal(vigil__inflect("raise", 5, buf, 12, forms, 4), 0);
	assert_int_equal(vigil__inflect("raise", 5, buf, sizeof(buf), forms, 1), 0);
	/* a word the rules do not know still gets its suffixes */
	assert_int_equal(vigil__inflect("x", 1, buf, sizeof(buf), forms, 8), 4);
	assert_string_equal(forms[3], "xed");
}

/* Irregular past forms (what makes "a senior official said" a verb). */
static const struct {
	const char *word;
	int past;
} past_cases[] = {
	{"said", 1}, {"Said", 1}, {"met", 1}, {"fought", 1}, {"left", 1},
	{"cut", 0},    /* the same as its base */
	{"say", 0},    /* a base */
	{"attack", 0}, {"attacked", 0}, /* regular */
	{"is", 0}, {"lying", 0}, {"x", 0},
	{"was", 0},    /* ends in -s: taken for an -s form */
};

static void test_irregular_past(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(past_cases) / sizeof(past_cases[0]); i++) {
		const char *w = past_cases[i].word;

		if (vigil__inflect_irregular_past(w, strlen(w)) !=
		    past_cases[i].past)
			fail_msg("%s: want %d", w, past_cases[i].past);
	}
}

/* The regular past beside WordNet's forms, for TABARI's verbs ("" none). */
static const struct {
	const char *verb, *past;
} replaced_cases[] = {
	{"chide", "chided"}, {"BURN", "burned"}, {"meet", "meeted"},
	{"admit", ""},   /* WordNet spells the -ed form: admitted */
	{"annul", ""},   /* the regular form is kept anyway */
	{"attack", ""},  /* not in WordNet's list */
	{"", ""},
};

static void test_replaced_past(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(replaced_cases) / sizeof(replaced_cases[0]);
	     i++) {
		const char *v = replaced_cases[i].verb;
		char out[32] = "";
		size_t n = vigil__inflect_replaced_past(v, strlen(v), out,
							sizeof(out));

		if (n != strlen(replaced_cases[i].past) ||
		    (n && strcmp(out, replaced_cases[i].past) != 0))
			fail_msg("%s: got '%s', want '%s'", v, n ? out : "",
				 replaced_cases[i].past);
	}
	assert_int_equal(vigil__inflect_replaced_past("chide", 5, (char[4]){0},
						      4), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_irregular_past),
		cmocka_unit_test(test_replaced_past),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
