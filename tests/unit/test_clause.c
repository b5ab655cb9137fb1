/*
 * test_clause.c: the clause stage through its internal results: the
 * closed-class word table, actor phrases (codes, texts, coreference,
 * compounds, bodies from context) and verb arguments (subject, object,
 * passive, rules), with a small dictionary written here.
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

#include <vigil/vigil.h>

#include "clause/clause_int.h"
#include "code/analysis.h"
#include "testutil.h"

static const char test_dict[] =
	"[actors]\n"
	"North Korea = PRK type=country\n"
	"North Korean(s) = PRK type=demonym\n"
	"South Korea = KOR type=country\n"
	"Russia = RUS type=country\n"
	"Ukrainian(s) = UKR type=demonym\n"
	"Pyongyang = PRKGOV type=capital country=PRK\n"
	"Moscow = RUSGOV type=capital country=RUS\n"
	"Volodymyr Zelenskiy = UKRGOV type=person\n"
	"Joint Chiefs of Staff | JCS = ---MIL type=body context=KOR,USA\n"
	"United Nations = IGOUNO type=org sector=IGO\n"
	"National Intelligence Service = KORSPY type=body\n"
	"[agents]\n"
	"troop(s) | soldier(s) | military = MIL\n"
	"official(s) | president = GOV\n"
	"peacekeeper(s) = PKO\n"
	"[verbs]\n"
	"+attack = 190\n"
	"+capture = 173\n"
	"[cues]\n"
	"said = ATTRIB\n";

typedef struct fixture {
	vigil_dict *dict;
	vigil_coder *coder;
	vigil_worker *worker;
} fixture;

static int setup(void **state)
{
	static fixture f;
	vigil_dict_options o = VIGIL_DICT_OPTIONS_INIT;
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	const char *path = tu_write_temp(".vd", test_dict, strlen(test_dict));
	char err[256];

	o.no_cache = 1;
	if (!path || vigil_dict_open(&f.dict, &path, 1, &o, err, sizeof(err)))
		return -1;
	remove(path);
	co.dict = f.dict;
	if (vigil_coder_new(&f.coder, &co) ||
	    vigil_worker_new(&f.worker, f.coder))
		return -1;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	vigil_worker_free(f->worker);
	vigil_coder_free(f->coder);
	vigil_dict_free(f->dict);
	return 0;
}

static const vigil__analysis *analyze(fixture *f, const char *text)
{
	static vigil_doc d;

	memset(&d, 0, sizeof(d));
	d.text = text;
	d.text_len = strlen(text);
	d.date = "2025-02-15";
	d.origin = "t.txt";
	assert_int_equal(vigil_worker_code(f->worker, &d), VIGIL_OK);
	return vigil__worker_analysis(f->worker);
}

static void test_words(void **state)
{
	static const struct {
		const char *w;
		uint32_t has;
	} rows[] = {
		{"The", W_DET | W_DEM}, {"which", W_REL},    {"against", W_OBJPREP},
		{"of", W_BLOCK},        {"were", W_BE},      {"had", W_HAVE},
		{"after", W_SUBX},      {"While", W_SUB},    {"both", W_PAIR},
		{"its", W_POSSPRON},    {"they", W_PRON},    {"June", W_MONTH},
		{"any", W_NONSPEC},     {"but", W_BUT},      {"that", W_THAT},
		{"nor", W_COORD},       {"Committing", W_COMMIT},
		{"already", W_ADV},     {"just", W_ADV},     {"Also", W_ADV},
	};
	size_t i;

	(void)state;
	assert_true(vigil__clause_words_check());
	assert_int_equal(vigil__clause_words_count(), 149);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		assert_int_equal(vigil__clause_word(rows[i].w, strlen(rows[i].w)) &
					 rows[i].has,
				 rows[i].has);
	assert_int_equal(vigil__clause_word("troops", 6), 0);
	assert_int_equal(vigil__clause_word("thecontinuationofwords", 22), 0);
	assert_int_equal(vigil__clause_word("", 0), 0);
	assert_int_equal(vigil__clause_word("THROUGHOUT", 10), W_PREP | W_BLOCK);
	assert_int_equal(vigil__clause_word("th3", 3), 0);
	assert_int_equal(vigil__clause_word("the\0", 4), 0);
	assert_int_equal(vigil__clause_word("@n", 2), 0);
}

/* Actor phrases of a text as "CODE'text'" joined by " | ". */
static void render_actors(const vigil__analysis *an, char *out, size_t cap)
{
	size_t k, used = 0;

	out[0] = '\0';
	for (k = 0; k < an->cl.nactor; k++) {
		const vigil__actor *a = &an->cl.actors[k];
		const vigil__token *b = &an->seg.tok[a->tok_begin];
		const vigil__token *e = &an->seg.tok[a->tok_end - 1];

		used += (size_t)snprintf(out + used, cap - used, "%s%s'%.*s'%s",
					 used ? " | " : "", a->code,
					 (int)(e->off + e->len - b->off),
					 an->text + b->off,
					 a->ngroup > 1 ? "+" : "");
		assert_true(used < cap);
	}
}

static void test_actor_phrases(void **state)
{
	static const struct {
		const char *text, *want;
	} rows[] = {
		{"South Korea's military spoke.", "KORMIL'South Korea's military'"},
		{"Two North Korean soldiers spoke.",
		 "PRKMIL'Two North Korean soldiers'"},
		{"Ukrainian President Volodymyr Zelenskiy spoke.",
		 "UKRGOV'Ukrainian President Volodymyr Zelenskiy'"},
		{"A North Korean official spoke.", "PRKGOV'A North Korean official'"},
		{"Moscow's troops moved.", "RUSMIL'Moscow's troops'"},
		{"United Nations peacekeepers moved.",
		 "IGOUNOPKO'United Nations peacekeepers'"},
		{"The JCS spoke.", "KORMIL'The JCS'"},
		{"Russia spoke. The JCS replied.", "RUS'Russia' | KORMIL'The JCS'"},
		{"Both Moscow and Pyongyang spoke.",
		 "RUSGOV'Moscow'+ | PRKGOV'Pyongyang'"},
		{"Troops moved.", ""},
		{"North Korean troops moved. These soldiers rested.",
		 "PRKMIL'North Korean troops' | PRKMIL'These soldiers'"},
		{"South Korea said the North would attack.",
		 "KOR'South Korea' | PRK'the North'"},
		{"Russia said it would attack.", "RUS'Russia' | RUS'it'"},
		/* "the agency"/"the service": the last SPY actor, also in a
		 * sentence with a frame but no verb; none without one */
		{"South Korea's National Intelligence Service spoke. The agency "
		 "said Russia attacked.",
		 "KORSPY'South Korea's National Intelligence Service' | "
		 "KORSPY'The agency' | RUS'Russia'"},
		{"The National Intelligence Service spoke. The service said 300 "
		 "soldiers.",
		 "KORSPY'The National Intelligence Service' | KORSPY'The service'"},
		{"North Korean troops spoke. The agency said Russia attacked.",
		 "PRKMIL'North Korean troops' | RUS'Russia'"},
		{"The National Intelligence Service spoke. The agency Yonhap said "
		 "Russia attacked.",
		 "KORSPY'The National Intelligence Service' | RUS'Russia'"},
		{"North Korea's military said its troops would attack.",
		 "PRKMIL'North Korea's military' | PRKMIL'its troops'"},
	};
	fixture *f = *state;
	char got[512];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		render_actors(analyze(f, rows[i].text), got, sizeof(got));
		if (strcmp(got, rows[i].want) != 0)
			fail_msg("row %zu: \"%s\"\n  got  \"%s\"\n  want \"%s\"", i,
				 rows[i].text, got, rows[i].want);
	}
}

static void test_verb_arguments(void **state)
{
	static const struct {
		const char *text;
		const char *subj, *obj; /* codes, "" when none */
		int passive;
		uint16_t rules;
	} rows[] = {
		{"Russia attacked North Korea.", "RUS", "PRK", 0,
		 VIGIL__R_SUBJ_LEFT | VIGIL__R_OBJ_RIGHT},
		{"North Korean soldiers were captured.", "", "PRKMIL", 1,
		 VIGIL__R_SUBJ_LEFT | VIGIL__R_PASSIVE},
		{"Russia said Pyongyang attacked.", "PRKGOV", "", 0,
		 VIGIL__R_SUBJ_LEFT | VIGIL__R_ATTRIB},
		{"Moscow's troops, which attacked, rested.", "RUSMIL", "", 0,
		 VIGIL__R_SUBJ_REL},
	};
	fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const vigil__analysis *an = analyze(f, rows[i].text);
		const vigil__cverb *v;
		int32_t subj, obj;

		assert_int_equal(an->cl.nverb, 1);
		v = &an->cl.verbs[0];
		subj = v->passive ? v->subj : v->subj;
		obj = v->obj;
		assert_string_equal(subj >= 0 ? an->cl.actors[subj].code : "",
				    rows[i].subj);
		assert_string_equal(obj >= 0 ? an->cl.actors[obj].code : "",
				    rows[i].obj);
		assert_int_equal(v->passive, rows[i].passive);
		assert_int_equal(v->rules, rows[i].rules);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_actor_phrases),
		cmocka_unit_test(test_verb_arguments),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
