/*
 * test_figures.c: figure records end to end (text -> quantities, clauses ->
 * figures -> JSON Lines) with a small fixed dictionary written here: one
 * row per category, qualifier and subject rule, and the negative cases
 * (distances, years, ages, money, percentages, durations, "the two
 * nations", numbers without a predicate). Each row gives every figure of
 * the text, exactly.
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

#include <jansson.h>
#include <vigil/vigil.h>

#include "testutil.h"

static const char test_dict[] =
	"[actors]\n"
	"North Korea = PRK type=country\n"
	"North Korean(s) = PRK type=demonym\n"
	"Russia = RUS type=country\n"
	"Russian(s) = RUS type=demonym\n"
	"Ukraine = UKR type=country\n"
	"Ukrainian(s) = UKR type=demonym\n"
	"Kyiv = UKRGOV type=capital country=UKR\n"
	"Moscow = RUSGOV type=capital country=RUS\n"
	"Volodymyr Zelenskiy = UKRGOV type=person\n"
	"South Korea = KOR type=country\n"
	"National Intelligence Service = KORSPY type=body\n"
	"[agents]\n"
	"troop(s) | soldier(s) | forces = MIL\n"
	"police = COP\n"
	"civilian(s) = CVL\n"
	"[verbs]\n"
	"+deploy = 154 goldstein=-7.2 quad=4 plover=MOBILIZE mode=troops\n"
	"+capture = 173 goldstein=-5 quad=4 plover=COERCE mode=arrest\n"
	"+kill = 190 goldstein=-10 quad=4 plover=ASSAULT\n"
	"+launch = 195 goldstein=-10 quad=4 plover=ASSAULT\n"
	"+arrest = 173 goldstein=-5 quad=4 plover=COERCE mode=arrest\n"
	"[cues]\n"
	"said | says | stated = ATTRIB\n"
	"according to | estimates | assessment(s) = ATTRIB\n";

static vigil_dict *dict;

static int setup(void **state)
{
	vigil_dict_options o = VIGIL_DICT_OPTIONS_INIT;
	const char *path = tu_write_temp(".vd", test_dict, strlen(test_dict));
	char err[256];

	(void)state;
	o.no_cache = 1;
	if (!path || vigil_dict_open(&dict, &path, 1, &o, err, sizeof(err)))
		return -1;
	remove(path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	vigil_dict_free(dict);
	return 0;
}

static const char *str_or_dash(json_t *v)
{
	return json_is_string(v) ? json_string_value(v) : "-";
}

static const char *code_or_dash(json_t *obj)
{
	return str_or_dash(json_object_get(obj, "code"));
}

/* A number as the record has it: digits, or "-" for null. */
static void num(json_t *v, char *out, size_t cap)
{
	if (json_is_integer(v))
		snprintf(out, cap, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(out, cap, "%g", json_real_value(v));
	else
		snprintf(out, cap, "-");
}

/*
 * Codes `text` (published 2025-02-15) and renders its figures as
 * "VALUE[LOW..HIGH]:QUALIFIER:UNIT:CATEGORY:SUBJECT:SAID_BY:DATE" joined by
 * "; " ("-" for null).
 */
static void render_figures(const char *text, char *out, size_t cap,
			   size_t *nfig)
{
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	vigil_coder *coder;
	vigil_worker *w;
	vigil_doc d;
	vigil_doc_summary sum;
	const char *data, *line;
	size_t len, used = 0;

	memset(&d, 0, sizeof(d));
	d.text = text;
	d.text_len = strlen(text);
	d.date = "2025-02-15";
	d.origin = "t.txt";
	co.dict = dict;
	assert_int_equal(vigil_coder_new(&coder, &co), VIGIL_OK);
	assert_int_equal(vigil_worker_new(&w, coder), VIGIL_OK);
	assert_int_equal(vigil_worker_code(w, &d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(w, VIGIL_OUTPUT_JSONL, &data, &len),
			 VIGIL_OK);
	out[0] = '\0';
	for (line = data; line < data + len;) {
		const char *nl = memchr(line, '\n', (size_t)(data + len - line));
		json_error_t jerr;
		json_t *r = json_loadb(line, (size_t)(nl - line), 0, &jerr);
		char v[32], lo[32], hi[32];

		assert_non_null(r);
		if (strcmp(json_string_value(json_object_get(r, "type")), "figure") == 0) {
			num(json_object_get(r, "value"), v, sizeof(v));
			num(json_object_get(r, "low"), lo, sizeof(lo));
			num(json_object_get(r, "high"), hi, sizeof(hi));
			used += (size_t)snprintf(
				out + used, cap - used, "%s%s", used ? "; " : "", v);
			if (strcmp(lo, "-") != 0)
				used += (size_t)snprintf(out + used, cap - used,
							 "[%s..%s]", lo, hi);
			used += (size_t)snprintf(
				out + used, cap - used, ":%s:%s:%s:%s:%s:%s",
				str_or_dash(json_object_get(r, "qualifier")),
				str_or_dash(json_object_get(r, "unit")),
				str_or_dash(json_object_get(r, "category")),
				code_or_dash(json_object_get(r, "subject")),
				code_or_dash(json_object_get(r, "said_by")),
				str_or_dash(json_object_get(r, "date")));
			assert_true(used < cap);
		}
		json_decref(r);
		line = nl + 1;
	}
	vigil_worker_summary(w, &sum);
	*nfig = sum.figures;
	vigil_worker_free(w);
	vigil_coder_free(coder);
}

#define P "2025-02-15"

static const struct {
	const char *text;
	const char *want;
} cases[] = {
	/* categories, from the predicate after a subject quantity */
	{"Approximately 11,000 North Korean troops have been deployed to Russia.",
	 "11000:approximately:troops:deployed:PRKMIL:-:" P},
	{"Over 3,000 soldiers have been killed or wounded.",
	 "3000:over:soldiers:killed_or_wounded:-:-:" P},
	{"At least 20 civilians were killed in the strike.",
	 "20:at_least:civilians:killed:-:-:" P},
	{"Nearly 40 people were injured.", "40:nearly:people:wounded:-:-:" P},
	{"About 50 people were wounded overnight.",
	 "50:approximately:people:wounded:-:-:2025-02-14"},
	{"Two North Korean soldiers were captured.",
	 "2:exact:soldiers:captured:PRKMIL:-:" P},
	{"Five soldiers were taken prisoner.", "5:exact:soldiers:captured:-:-:" P},
	{"Some 30 protesters were detained.", "30:some:protesters:arrested:-:-:" P},
	{"More than 100 people were arrested.", "100:over:people:arrested:-:-:" P},
	{"Twelve soldiers are missing.", "12:exact:soldiers:missing:-:-:" P},
	{"About 200 soldiers went missing.",
	 "200:approximately:soldiers:missing:-:-:" P},
	{"Five police officers were killed.", "5:exact:officers:killed:-:-:" P},
	{"Hundreds of soldiers were killed.", "-:hundreds:soldiers:killed:-:-:" P},
	{"Thousands of troops were deployed.",
	 "-:thousands:troops:deployed:-:-:" P},
	{"More than two dozen civilians were wounded.",
	 "24:over:civilians:wounded:-:-:" P},
	{"North Korea has sent 20,000 containers of shells to Russia.",
	 "20000:exact:containers of shells:deployed:-:-:" P},
	{"Up to 2,000 residents were displaced.", "2000:up_to:residents:displaced:-:-:" P},
	{"Tens of thousands of people fled.",
	 "-:tens_of_thousands:people:displaced:-:-:" P},
	{"Dozens of civilians died.", "-:dozens:civilians:killed:-:-:" P},
	{"Between 300 and 400 soldiers were sent to the front.",
	 "-[300..400]:between:soldiers:deployed:-:-:" P},
	/* the unit is the category; the predicate before an object quantity */
	{"Russia suffered 3,000 casualties.", "3000:exact:casualties:casualties:-:-:" P},
	{"The army reported 200 losses.", "200:exact:losses:casualties:-:-:" P},
	{"The strikes killed 12 people.", "12:exact:people:killed:-:-:" P},
	{"Moscow deployed 1.5 million troops.",
	 "1500000:exact:troops:deployed:RUSMIL:-:" P},
	{"Police arrested 45 people.", "45:exact:people:arrested:-:-:" P},
	{"The death toll rose to 57 people.", "57:exact:people:killed:-:-:" P},
	/* another dictionary verb: other */
	{"Russia launched 90 drones.", "90:exact:drones:other:-:-:" P},
	/* weapons: whatever the verb, or none ("an attack of"); quantities
	 * joined by "and"/"or" share a category */
	{"Russia launched 298 drones and 69 missiles.",
	 "298:exact:drones:other:-:-:" P "; 69:exact:missiles:other:-:-:" P},
	{"It says 266 drones and 45 missiles were shot down.",
	 "266:exact:drones:other:-:-:" P "; 45:exact:missiles:other:-:-:" P},
	{"Kyiv was hit by an attack of 14 ballistic missiles.",
	 "14:exact:missiles:other:-:-:" P},
	{"Russia launched 3 satellites.", ""},
	/* prisoner exchanges: other, never captured */
	{"Moscow said 270 servicemen and 120 civilians had been returned.",
	 "270:exact:servicemen:other:-:RUSGOV:" P
	 "; 120:exact:civilians:other:-:RUSGOV:" P},
	{"The two sides swapped 390 prisoners each.",
	 "390:exact:prisoners:other:-:-:" P},
	{"Russia freed 5 Ukrainians.", "5:exact:Ukrainians:other:UKR:-:" P},
	/* an exchange agreed or planned: the base form and -ing too */
	{"The two sides agreed to exchange 1,000 prisoners each.",
	 "1000:exact:prisoners:other:-:-:" P},
	{"Russia is releasing 20 prisoners.",
	 "20:exact:prisoners:other:-:-:" P},
	/* parts of the figure before ("including", "among them"), "among the
	 * dead were", "forced from their homes", a relative clause, a plain
	 * adverb, a predicate among the unit's modifiers, a force of people */
	{"At least 16 people were injured, including two children.",
	 "16:at_least:people:wounded:-:-:" P "; 2:exact:children:wounded:-:-:" P},
	{"At least 100 people were killed, among them 20 children and nine staff.",
	 "100:at_least:people:killed:-:-:" P "; 20:exact:children:killed:-:-:" P
	 "; 9:exact:staff:killed:-:-:" P},
	/* a noun joined to the counted one, an aside before the auxiliary,
	 * a figure inside that aside; no aside without an auxiliary after it */
	{"At least 13 peacekeepers and soldiers, including nine civilians, "
	 "were killed.",
	 "13:at_least:peacekeepers:killed:-:-:" P
	 "; 9:exact:civilians:killed:-:-:" P},
	{"Dozens of fighters, some from as far away as Morocco, are among "
	 "those killed.",
	 "-:dozens:fighters:killed:-:-:" P},
	{"At least 13 peacekeepers and soldiers were killed.",
	 "13:at_least:peacekeepers:killed:-:-:" P},
	{"About 30 soldiers, officials said, fled.", ""},
	{"Five soldiers and 20 civilians were wounded.",
	 "5:exact:soldiers:wounded:-:-:" P "; 20:exact:civilians:wounded:-:-:" P},
	/* a predicate noun before "of" ("the exchange of 26 people") */
	{"The exchange of 26 people took place at the airport.",
	 "26:exact:people:other:-:-:" P},
	{"The release of 26 people took place at the airport.",
	 "26:exact:people:other:-:-:" P},
	{"The village of 26 people stood empty.", ""},
	{"Among the dead were 10 women and three infants.",
	 "10:exact:women:killed:-:-:" P "; 3:exact:infants:killed:-:-:" P},
	{"About 60,000 people were forced from their homes.",
	 "60000:approximately:people:displaced:-:-:" P},
	{"Fighting has forced more than 580,000 people from their homes.",
	 "580000:over:people:displaced:-:-:" P},
	{"It hosts hundreds of thousands of people who had fled.",
	 "-:hundreds_of_thousands:people:displaced:-:-:" P},
	{"The junta said 341 were still missing.",
	 "341:exact:-:missing:-:-:" P},
	{"Thousands of displaced families began driving back.",
	 "-:thousands:families:displaced:-:-:" P},
	{"It is part of a mission of 2,500 personnel.",
	 "2500:exact:personnel:deployed:-:-:" P},
	{"More than 400 Ukrainians were killed.",
	 "400:over:Ukrainians:killed:UKR:-:" P},
	{"Forces were forced to halt 20 km from home.", ""},
	/* subjects: the unit's actor phrase, the partitive anaphor; a bare
	 * agent ("soldiers", "civilians") is nobody's in particular */
	{"Approximately 11,000 North Korean troops arrived. Kyiv estimates that "
	 "over 3,000 of these soldiers have been killed.",
	 "3000:over:soldiers:killed:PRKMIL:UKRGOV:" P},
	{"Ukrainian troops attacked. About 40 of those soldiers were wounded.",
	 "40:approximately:soldiers:wounded:UKRMIL:-:" P},
	/* a bare unit from context: the deploying actor (a dictionary verb or
	 * not), the one group of its sector named before (this sentence, else
	 * the one before); none when two groups or only a speaker name it */
	{"North Korea sent 11,000 soldiers to Russia.",
	 "11000:exact:soldiers:deployed:PRKMIL:-:" P},
	{"Russian troops advanced. Ukraine deployed 500 soldiers.",
	 "500:exact:soldiers:deployed:UKRMIL:-:" P},
	{"Russian troops advanced. More than 200 soldiers were killed.",
	 "200:over:soldiers:killed:RUSMIL:-:" P},
	{"Russian troops advanced and 200 soldiers were killed.",
	 "200:exact:soldiers:killed:RUSMIL:-:" P},
	{"Russian and Ukrainian troops clashed. 200 soldiers were killed.",
	 "200:exact:soldiers:killed:-:-:" P},
	{"Russia killed 300 soldiers.", "300:exact:soldiers:killed:-:-:" P},
	{"Ukrainian troops said that 50 soldiers were captured.",
	 "50:exact:soldiers:captured:-:UKRMIL:" P},
	{"Russian troops advanced. Dozens of civilians died.",
	 "-:dozens:civilians:killed:-:-:" P},
	/* claimants and dates */
	{"According to Ukrainian assessments, 500 Russian soldiers were killed.",
	 "500:exact:soldiers:killed:RUSMIL:UKR:" P},
	{"Volodymyr Zelenskiy said that two North Korean soldiers were captured.",
	 "2:exact:soldiers:captured:PRKMIL:UKRGOV:" P},
	{"Kyiv stated on Friday that 300 Russian soldiers were killed.",
	 "300:exact:soldiers:killed:RUSMIL:UKRGOV:2025-02-14"},
	/* a date modifying a noun dates the records of its noun phrase and
	 * of a relative clause hanging on it, nothing else */
	{"Kyiv said the January 9 attack near Kharkiv, which killed 26 people, "
	 "was carried out by Russia.",
	 "26:exact:people:killed:-:-:2025-01-09"},
	{"Russia struck camps on Wednesday in response to the January 9 "
	 "attack, which killed 26 people.",
	 "26:exact:people:killed:-:-:2025-01-09"},
	{"The January 9 attack was carried out by Russia and 30 soldiers died.",
	 "30:exact:soldiers:killed:-:-:" P},
	/* the noun phrase as the subject of a verb dates the verb's clause up
	 * to punctuation or a conjunction */
	{"The January 9 attack on Kharkiv killed 26 people.",
	 "26:exact:people:killed:-:-:2025-01-09"},
	{"Officials said the January 9 attack on Kharkiv killed 26 people, and "
	 "30 soldiers died.",
	 "26:exact:people:killed:-:-:2025-01-09; 30:exact:soldiers:killed:-:-:" P},
	/* a restated figure ("the" + a number without a unit after a figure
	 * of its sentence): the earlier figure's unit, subject and category
	 * unless its own predicate gives one; alone, "the two" is nothing */
	{"Kyiv said 5,000 Russian troops were sent, more than the 3,000 cited "
	 "earlier.",
	 "5000:exact:troops:deployed:RUSMIL:UKRGOV:" P
	 "; 3000:exact:troops:deployed:RUSMIL:UKRGOV:" P},
	{"The mission has about 400 officers in Kyiv, far fewer than the 2,500 "
	 "originally planned.",
	 "400:approximately:officers:deployed:-:-:" P
	 "; 2500:exact:officers:deployed:-:-:" P},
	{"Russia captured 200 Ukrainian soldiers, more than the 150 killed.",
	 "200:exact:soldiers:captured:UKRMIL:-:" P
	 "; 150:exact:soldiers:killed:UKRMIL:-:" P},
	{"The two met in Kyiv.", ""},
	/* "taken into" a place: abducted; "into custody": arrested */
	{"Russia said 251 people were taken into Ukraine.",
	 "251:exact:people:captured:-:RUS:" P},
	{"Kyiv said 40 soldiers were taken into custody.",
	 "40:exact:soldiers:arrested:-:UKRGOV:" P},
	{"Kyiv said 40 soldiers were taken into account.", ""},
	{"The force had 300 soldiers.", "300:exact:soldiers:deployed:-:-:" P},
	/* no verb in the sentence: the attribution frame of the number */
	{"Kyiv said 5,000 Russian troops were sent.",
	 "5000:exact:troops:deployed:RUSMIL:UKRGOV:" P},
	{"According to Kyiv, 300 Russian soldiers died.",
	 "300:exact:soldiers:killed:RUSMIL:UKRGOV:" P},
	{"About 300 Russian soldiers died, Kyiv said.",
	 "300:approximately:soldiers:killed:RUSMIL:UKRGOV:" P},
	/* a cue with a number a few words on; "the agency" (the last SPY
	 * actor) as the speaker of a sentence without a verb */
	{"Kyiv estimates around 5,000 Russian troops were sent.",
	 "5000:approximately:troops:deployed:RUSMIL:UKRGOV:" P},
	{"South Korea's National Intelligence Service spoke. The agency "
	 "estimates that around 15,000 North Korean troops were sent.",
	 "15000:approximately:troops:deployed:PRKMIL:KORSPY:" P},
	/* ", X said" covers what precedes it only */
	{"Villages burned, Kyiv said, and 300 Russian soldiers died.",
	 "300:exact:soldiers:killed:RUSMIL:-:" P},
	{"In June 2024, 1,000 Russian soldiers were deployed.",
	 "1000:exact:soldiers:deployed:RUSMIL:-:2024-06-01"},
	{"Last year 400 soldiers were killed.", "400:exact:soldiers:killed:-:-:2024-01-01"},
	/* negative cases */
	{"The troops advanced 30 km in two days.", ""},
	{"The war began in 2022 and was deployed again.", ""},
	{"A 45-year-old soldier was killed.", ""},
	{"A man aged 45 was killed.", ""},
	{"The troops advanced 12 miles.", ""},
	{"In 2023 the soldiers were killed.", ""},
	{"Inflation rose 8 percent as soldiers were deployed.", ""},
	{"Russia paid 2 million dollars as troops were deployed.", ""},
	{"Ukraine received $5 billion in aid.", ""},
	{"About 30% of the soldiers were killed.", ""},
	{"The offensive lasted four months.", ""},
	{"Cooperation between the two nations deepened.", ""},
	{"Officials met 12 journalists.", ""},
	{"The 3,000 villages were captured.", ""},
	{"Russia captured 20 villages.", ""},
	{"Talks lasted 24 hours and 20 minutes.", ""},
};

/* The number of figures a row wants: its "; "-joined parts. */
static size_t count_figures(const char *want)
{
	size_t n = want[0] ? 1 : 0;

	for (; (want = strstr(want, "; ")) != NULL; want += 2)
		n++;
	return n;
}

static void test_figure_table(void **state)
{
	size_t i, n, bad = 0;
	char got[1024];

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		render_figures(cases[i].text, got, sizeof(got), &n);
		if (strcmp(got, cases[i].want) != 0 ||
		    n != count_figures(cases[i].want)) {
			print_error("case %zu: \"%s\"\n  got  \"%s\" (%zu)\n  want \"%s\"\n",
				    i, cases[i].text, got, n, cases[i].want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* One record exactly: key order, subject text, span, id. */
static void test_figure_record(void **state)
{
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	vigil_coder *coder;
	vigil_worker *w;
	vigil_doc d;
	const char *data, *fig;
	size_t len;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.text = "Two North Korean soldiers were captured.";
	d.text_len = strlen(d.text);
	d.id = "t1";
	co.dict = dict;
	assert_int_equal(vigil_coder_new(&coder, &co), VIGIL_OK);
	assert_int_equal(vigil_worker_new(&w, coder), VIGIL_OK);
	assert_int_equal(vigil_worker_code(w, &d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(w, VIGIL_OUTPUT_JSONL, &data, &len),
			 VIGIL_OK);
	fig = strstr(data, "{\"type\":\"figure\"");
	assert_non_null(fig);
	assert_string_equal(
		fig,
		"{\"type\":\"figure\",\"id\":\"t1-1-f1\",\"doc\":\"t1\",\"sentence\":1,"
		"\"value\":2,\"low\":null,\"high\":null,\"qualifier\":\"exact\","
		"\"unit\":\"soldiers\",\"category\":\"captured\",\"subject\":{\"code\":"
		"\"PRKMIL\",\"country\":\"PRK\",\"sector\":\"MIL\",\"text\":\"North "
		"Korean soldiers\"},\"said_by\":null,\"event_loc\":null,\"date\":null,"
		"\"span\":[0,39]}\n");
	vigil_worker_free(w);
	vigil_coder_free(coder);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figure_table),
		cmocka_unit_test(test_figure_record),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
