/*
 * test_quantity.c: quantity phrases on exact inputs: every number form,
 * qualifier, range and unit, and the non-figures (distances, years, ages,
 * money, percentages, durations, dates, times, ordinals, measures, labels);
 * the token indices of the seed's figures; the seed article through the
 * whole text stage (read from ../shared, skipped when absent); range bounds;
 * arena failure; names.
 *
 * Expected phrases are "phrase|unit|value|low|high|kind|qualifier" with "-"
 * for NaN, then "|@word" for the anaphor, "|the" when definite and "|~N"
 * for the scale of a vague quantity; phrases are joined by "; ".
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

#include "resolve/quantity.h"
#include "resolve/quantity_int.h"
#include "text/text.h"
#include "testutil.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static size_t put(char *out, size_t o, size_t cap, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (o >= cap)
		return o;
	va_start(ap, fmt);
	k = vsnprintf(out + o, cap - o, fmt, ap);
	va_end(ap);
	return k < 0 ? o : o + (size_t)k;
}

static size_t put_num(char *out, size_t o, size_t cap, double v)
{
	return isnan(v) ? put(out, o, cap, "|-") : put(out, o, cap, "|%.15g", v);
}

static size_t put_span(char *out, size_t o, size_t cap, const char *s,
		       const vigil__token *t, uint32_t b, uint32_t e)
{
	if (b >= e)
		return o;
	return put(out, o, cap, "%.*s", (int)(t[e - 1].off + t[e - 1].len - t[b].off),
		   s + t[b].off);
}

/* Renders quantities in the format described at the top. */
static void render(const char *s, const vigil__token *t, const vigil__quantity *q,
		   size_t n, char *out, size_t cap)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			o = put(out, o, cap, "; ");
		o = put_span(out, o, cap, s, t, q[i].tok_begin, q[i].tok_end);
		o = put(out, o, cap, "|");
		o = put_span(out, o, cap, s, t, q[i].unit_begin, q[i].unit_end);
		o = put_num(out, o, cap, q[i].value);
		o = put_num(out, o, cap, q[i].low);
		o = put_num(out, o, cap, q[i].high);
		o = put(out, o, cap, "|%s|%s", vigil__quantity_kind_name(q[i].kind),
			vigil__qualifier_name(q[i].qualifier));
		if (q[i].anaphor_tok != VIGIL__QTY_NONE)
			o = put(out, o, cap, "|@%.*s", (int)t[q[i].anaphor_tok].len,
				s + t[q[i].anaphor_tok].off);
		if (q[i].definite)
			o = put(out, o, cap, "|the");
		if (q[i].vague)
			o = put(out, o, cap, "|~%g", q[i].scale);
	}
}

/* The contract of vigil__quantity, checked on every result. */
static void check_invariants(const vigil__quantity *q, size_t n, size_t begin,
			     size_t end)
{
	size_t i;

	for (i = 0; i < n; i++) {
		assert_true(q[i].tok_begin >= begin && q[i].tok_end <= end);
		assert_true(q[i].tok_begin <= q[i].num_begin);
		assert_true(q[i].num_begin < q[i].num_end);
		assert_true(q[i].num_end <= q[i].tok_end);
		assert_true(q[i].unit_begin == q[i].unit_end ||
			    (q[i].num_end <= q[i].unit_begin &&
			     q[i].unit_end <= q[i].tok_end));
		assert_true(q[i].kind <= VIGIL_QK_OTHER);
		assert_true(q[i].qualifier < VIGIL_QQ_COUNT_);
		if (!isnan(q[i].low))
			assert_true(q[i].low < q[i].high && isnan(q[i].value));
		if (q[i].vague)
			assert_true(isnan(q[i].value) && q[i].scale > 0);
		if (i)
			assert_true(q[i - 1].tok_end <= q[i].tok_begin);
	}
}

static const struct qcase {
	const char *in;
	const char *expect;
} cases[] = {
	{"approximately 11,000 North Korean troops have been deployed",
	 "approximately 11,000 North Korean troops|troops|11000|-|-|count|approximately"},
	{"Kyiv estimates that over 3,000 of these soldiers have been killed or wounded.",
	 "over 3,000 of these soldiers|soldiers|3000|-|-|count|over|@these"},
	{"two North Korean soldiers were captured in Russia's Kursk region",
	 "two North Korean soldiers|soldiers|2|-|-|count|exact"},
	{"The statement comes four months after North Korea initially deployed soldiers.",
	 "four months|months|4|-|-|duration|exact"},
	{"cooperation between the two nations.",
	 "two nations|nations|2|-|-|count|exact|the"},
	{"some 12,000 North Korean soldiers",
	 "some 12,000 North Korean soldiers|soldiers|12000|-|-|count|some"},
	{"15,000 in two waves",
	 "15,000||15000|-|-|count|exact; two waves|waves|2|-|-|count|exact"},
	{"12 people were killed",
	 "12 people|people|12|-|-|count|exact"},
	{"a total of 3,000 troops",
	 "3,000 troops|troops|3000|-|-|count|exact"},
	{"1.5 million people fled",
	 "1.5 million people|people|1500000|-|-|count|exact"},
	{"2.3bn",
	 "2.3bn||2300000000|-|-|count|exact"},
	{"between 300 and 400 troops",
	 "between 300 and 400 troops|troops|-|300|400|count|between"},
	{"300 to 400 troops",
	 "300 to 400 troops|troops|-|300|400|count|between"},
	{"300-400 people",
	 "300-400 people|people|-|300|400|count|between"},
	{"from 300 to 400 civilians",
	 "from 300 to 400 civilians|civilians|-|300|400|count|between"},
	{"two or three soldiers",
	 "two or three soldiers|soldiers|-|2|3|count|between"},
	{"between 1 and 2 million people",
	 "between 1 and 2 million people|people|-|1000000|2000000|count|between"},
	{"$1-2 billion",
	 "$1-2 billion||-|1000000000|2000000000|money|between"},
	{"twenty-five soldiers",
	 "twenty-five soldiers|soldiers|25|-|-|count|exact"},
	{"two hundred and fifty soldiers",
	 "two hundred and fifty soldiers|soldiers|250|-|-|count|exact"},
	{"a hundred soldiers",
	 "a hundred soldiers|soldiers|100|-|-|count|exact"},
	{"one thousand troops",
	 "one thousand troops|troops|1000|-|-|count|exact"},
	{"a dozen drones",
	 "a dozen drones|drones|12|-|-|count|exact"},
	{"two dozen tanks",
	 "two dozen tanks|tanks|24|-|-|count|exact"},
	{"half a million people",
	 "half a million people|people|500000|-|-|count|exact"},
	{"nineteen soldiers",
	 "nineteen soldiers|soldiers|19|-|-|count|exact"},
	{"dozens of civilians",
	 "dozens of civilians|civilians|-|-|-|count|dozens|~12"},
	{"dozens were hurt",
	 "dozens||-|-|-|count|dozens|~12"},
	{"scores of people",
	 "scores of people|people|-|-|-|count|scores|~20"},
	{"hundreds of people",
	 "hundreds of people|people|-|-|-|count|hundreds|~100"},
	{"thousands of troops",
	 "thousands of troops|troops|-|-|-|count|thousands|~1000"},
	{"tens of thousands of people",
	 "tens of thousands of people|people|-|-|-|count|tens_of_thousands|~10000"},
	{"hundreds of thousands of refugees",
	 "hundreds of thousands of refugees|refugees|-|-|-|count|hundreds_of_thousands|~100000"},
	{"many thousands of residents",
	 "many thousands of residents|residents|-|-|-|count|thousands|~1000"},
	{"several hundred soldiers",
	 "several hundred soldiers|soldiers|-|-|-|count|several|~100"},
	{"a few thousand protesters",
	 "a few thousand protesters|protesters|-|-|-|count|few|~1000"},
	{"a few soldiers",
	 ""},
	{"several soldiers",
	 ""},
	{"about 200",
	 "about 200||200|-|-|count|approximately"},
	{"around 500 troops",
	 "around 500 troops|troops|500|-|-|count|approximately"},
	{"roughly 600 fighters",
	 "roughly 600 fighters|fighters|600|-|-|count|approximately"},
	{"circa 700",
	 "circa 700||700|-|-|count|approximately"},
	{"nearly 500 civilians",
	 "nearly 500 civilians|civilians|500|-|-|count|nearly"},
	{"almost 70 villages",
	 "almost 70 villages|villages|70|-|-|count|nearly"},
	{"close to 2,000 troops",
	 "close to 2,000 troops|troops|2000|-|-|count|nearly"},
	{"just under 900 troops",
	 "just under 900 troops|troops|900|-|-|count|nearly"},
	{"over 100 drones",
	 "over 100 drones|drones|100|-|-|count|over"},
	{"more than 1,000 soldiers",
	 "more than 1,000 soldiers|soldiers|1000|-|-|count|over"},
	{"upwards of 5,000 men",
	 "upwards of 5,000 men|men|5000|-|-|count|over"},
	{"in excess of 800 missiles",
	 "in excess of 800 missiles|missiles|800|-|-|count|over"},
	{"at least 20 killed",
	 "at least 20||20|-|-|count|at_least"},
	{"no fewer than 30 people",
	 "no fewer than 30 people|people|30|-|-|count|at_least"},
	{"up to 300 troops",
	 "up to 300 troops|troops|300|-|-|count|up_to"},
	{"as many as 40 aircraft",
	 "as many as 40 aircraft|aircraft|40|-|-|count|up_to"},
	{"at most 50 tanks",
	 "at most 50 tanks|tanks|50|-|-|count|at_most"},
	{"no more than 60 people",
	 "no more than 60 people|people|60|-|-|count|at_most"},
	{"fewer than 100 troops",
	 "fewer than 100 troops|troops|100|-|-|count|fewer_than"},
	{"less than 10 soldiers",
	 "less than 10 soldiers|soldiers|10|-|-|count|fewer_than"},
	{"an estimated 10,000 people",
	 "an estimated 10,000 people|people|10000|-|-|count|estimated"},
	{"300 or more troops",
	 "300 or more troops|troops|300|-|-|count|at_least"},
	{"300 troops or so",
	 "300 troops or so|troops|300|-|-|count|approximately"},
	{"300-plus",
	 "300-plus||300|-|-|count|over"},
	{"300+ troops",
	 "300+ troops|troops|300|-|-|count|over"},
	{"200-odd soldiers",
	 "200-odd soldiers|soldiers|200|-|-|count|approximately"},
	{"4,000 containers of artillery shells",
	 "4,000 containers of artillery shells|containers of artillery shells|4000|-|-|count|exact"},
	/* a plural modifying a plural noun: the unit goes on to the noun */
	{"five police officers", "five police officers|officers|5|-|-|count|exact"},
	{"12 arms shipments", "12 arms shipments|shipments|12|-|-|count|exact"},
	{"40 soldiers hours later", "40 soldiers|soldiers|40|-|-|count|exact"},
	{"two of them",
	 "two of them||2|-|-|count|exact|@them"},
	{"three of the soldiers",
	 "three of the soldiers|soldiers|3|-|-|count|exact|@the"},
	{"over 3,000 of whom died",
	 "over 3,000 of whom||3000|-|-|count|over|@whom"},
	{"a 500-strong force",
	 "500-strong force|force|500|-|-|count|exact"},
	{"300 more troops",
	 "300 more troops|troops|300|-|-|count|exact"},
	{"12 killed and 20 injured civilians",
	 "12||12|-|-|count|exact; 20 injured civilians|civilians|20|-|-|count|exact"},
	{"5 billion US dollars",
	 "5 billion US dollars|dollars|5000000000|-|-|money|exact"},
	{"$5 billion",
	 "$5 billion||5000000000|-|-|money|exact"},
	{"US$5 million",
	 "US$5 million||5000000|-|-|money|exact"},
	{"$5m",
	 "$5m||5000000|-|-|money|exact"},
	{"USD 5 million",
	 "USD 5 million||5000000|-|-|money|exact"},
	{"\xE2\x82\xAC" "300 million",
	 "\xE2\x82\xAC" "300 million||300000000|-|-|money|exact"},
	{"1.2 million euros",
	 "1.2 million euros|euros|1200000|-|-|money|exact"},
	{"30% of the troops",
	 "30%|%|30|-|-|percent|exact"},
	{"30 percent",
	 "30 percent|percent|30|-|-|percent|exact"},
	{"3 per cent",
	 "3 per cent|per cent|3|-|-|percent|exact"},
	{"2 percentage points",
	 "2 percentage points|percentage points|2|-|-|percent|exact"},
	{"250 km",
	 "250 km|km|250|-|-|distance|exact"},
	{"1,100 kilometres",
	 "1,100 kilometres|kilometres|1100|-|-|distance|exact"},
	{"a 1,100-kilometre range",
	 "1,100-kilometre|kilometre|1100|-|-|distance|exact"},
	{"5 miles",
	 "5 miles|miles|5|-|-|distance|exact"},
	{"5m",
	 "5m|m|5|-|-|distance|exact"},
	{"10km",
	 "10km|km|10|-|-|distance|exact"},
	{"7.8 magnitude",
	 "7.8 magnitude|magnitude|7.8|-|-|measure|exact"},
	{"155mm shells",
	 "155mm|mm|155|-|-|measure|exact"},
	{"5,000 tonnes of ammunition",
	 "5,000 tonnes of ammunition|tonnes of ammunition|5000|-|-|measure|exact"},
	{"in 2022",
	 "2022||2022|-|-|year|exact"},
	{"signed in June 2024.",
	 "2024||2024|-|-|year|exact"},
	{"2024 was a hard year",
	 "2024||2024|-|-|year|exact"},
	{"the 2024 election",
	 "2024||2024|-|-|year|exact|the"},
	{"2000 troops",
	 "2000 troops|troops|2000|-|-|count|exact"},
	{"in 2000 troops were sent",
	 "2000||2000|-|-|year|exact"},
	{"the 1990s",
	 "1990s||1990|-|-|year|exact|the"},
	{"mid-2022",
	 "2022||2022|-|-|year|exact"},
	{"2024-25",
	 "2024-25||-|2024|2025|year|between"},
	{"2022-2024",
	 "2022-2024||-|2022|2024|year|between"},
	{"aged 45",
	 "45||45|-|-|age|exact"},
	{"a 45-year-old man",
	 "45-year-old|year-old|45|-|-|age|exact"},
	{"45 years old",
	 "45 years old|years old|45|-|-|age|exact"},
	{"Jane Smith, 45, said",
	 "45||45|-|-|age|exact"},
	{"two days after the attack",
	 "two days|days|2|-|-|duration|exact"},
	{"a two-day visit",
	 "two-day|day|2|-|-|duration|exact"},
	{"He was sentenced to 10 years in prison.",
	 "10 years|years|10|-|-|duration|exact"},
	{"9 a.m.",
	 "9 a.m.|a.m.|9|-|-|time|exact"},
	{"9:30 a.m. local time",
	 "9:30 a.m.|a.m.|9|-|-|time|exact"},
	{"9am",
	 "9am|am|9|-|-|time|exact"},
	{"0800 GMT",
	 "0800 GMT|GMT|800|-|-|time|exact"},
	{"January 9",
	 "9||9|-|-|date|exact"},
	{"9 January 2025",
	 "9||9|-|-|date|exact; 2025||2025|-|-|year|exact"},
	{"2024-06-15",
	 "2024-06-15||2024|-|-|date|exact"},
	{"died on May 5, 2024.",
	 "5||5|-|-|date|exact; 2024||2024|-|-|year|exact"},
	{"3rd",
	 "3rd||3|-|-|ordinal|exact"},
	{"the first time",
	 "first||1|-|-|ordinal|exact|the"},
	{"the twenty-first century",
	 "twenty-first||21|-|-|ordinal|exact|the"},
	{"3,000th",
	 "3,000th||3000|-|-|ordinal|exact"},
	{"F-16 jets",
	 "F-16||16|-|-|label|exact"},
	{"two F-16s",
	 "two F-16s|F-16s|2|-|-|count|exact"},
	{"Su-27",
	 "Su-27||27|-|-|label|exact"},
	{"COVID-19",
	 "COVID-19||19|-|-|label|exact"},
	{"+1 555-123-4567",
	 "+1 555-123-4567||1|-|-|label|exact"},
	{"call 555-123-4567",
	 "555-123-4567||555|-|-|label|exact"},
	{"(555) 123 4567",
	 "(555) 123 4567||555|-|-|label|exact"},
	{"1) troops",
	 "1)||1|-|-|label|exact"},
	{"1. Troops",
	 "1.||1|-|-|label|exact"},
	{"No. 3",
	 "No. 3||3|-|-|label|exact"},
	{"#3",
	 "#3||3|-|-|label|exact"},
	{"Resolution 2231",
	 "Resolution 2231||2231|-|-|label|exact"},
	{"5G networks",
	 "5G||5|-|-|label|exact"},
	{"24/7",
	 "24/7||24|-|-|label|exact"},
	{"3-1",
	 "3-1||3|-|-|other|exact"},
	{"a 12-point plan",
	 "12-point||12|-|-|other|exact"},
	{"7.8",
	 "7.8||7.8|-|-|other|exact"},
	{"one of the largest",
	 ""},
	{"One person was killed",
	 "One person|person|1|-|-|count|exact"},
	{"one",
	 ""},
	{"no one",
	 ""},
	{"a soldier",
	 ""},
};

static void test_table(void **state)
{
	vigil__token tok[256];
	vigil__quantity *q;
	vigil__arena a;
	char out[2048];
	size_t i, n, nq;
	int bad = 0;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < NELEM(cases); i++) {
		n = vigil__tokenize_phrase(cases[i].in, strlen(cases[i].in), tok, 256);
		assert_true(n <= 256);
		assert_int_equal(vigil__quantities_find(&a, cases[i].in, tok, 0, n, &q, &nq), 0);
		check_invariants(q, nq, 0, n);
		render(cases[i].in, tok, q, nq, out, sizeof(out));
		if (strcmp(out, cases[i].expect) != 0) {
			print_error("case %zu \"%s\":\n got    %s\n expect %s\n", i,
				    cases[i].in, out, cases[i].expect);
			bad++;
		}
		vigil__arena_reset(&a);
	}
	vigil__arena_free(&a);
	assert_int_equal(bad, 0);
}

/* Token indices of the seed's three figures. */
static void test_indices(void **state)
{
	static const struct {
		const char *in;
		uint32_t tb, te, nb, ne, ub, ue, ana;
	} idx[] = {
		/* 0 Kyiv 1 estimates 2 that 3 over 4 3,000 5 of 6 these 7 soldiers */
		{"Kyiv estimates that over 3,000 of these soldiers have", 3, 8, 4, 5, 7,
		 8, 6},
		/* 0 approximately 1 11,000 2 North 3 Korean 4 troops */
		{"approximately 11,000 North Korean troops have", 0, 5, 1, 2, 4, 5,
		 VIGIL__QTY_NONE},
		/* 0 that 1 two 2 North 3 Korean 4 soldiers */
		{"that two North Korean soldiers were", 1, 5, 1, 2, 4, 5, VIGIL__QTY_NONE},
		/* 0 4,000 1 containers 2 of 3 artillery 4 shells */
		{"4,000 containers of artillery shells", 0, 5, 0, 1, 1, 5, VIGIL__QTY_NONE},
		/* 0 between 1 1 2 and 3 2 4 million 5 people */
		{"between 1 and 2 million people", 0, 6, 1, 5, 5, 6, VIGIL__QTY_NONE},
	};
	vigil__token tok[64];
	vigil__quantity *q;
	vigil__arena a;
	size_t i, n, nq;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < NELEM(idx); i++) {
		n = vigil__tokenize_phrase(idx[i].in, strlen(idx[i].in), tok, 64);
		assert_int_equal(vigil__quantities_find(&a, idx[i].in, tok, 0, n, &q, &nq), 0);
		assert_int_equal(nq, 1);
		assert_int_equal(q[0].tok_begin, idx[i].tb);
		assert_int_equal(q[0].tok_end, idx[i].te);
		assert_int_equal(q[0].num_begin, idx[i].nb);
		assert_int_equal(q[0].num_end, idx[i].ne);
		assert_int_equal(q[0].unit_begin, idx[i].ub);
		assert_int_equal(q[0].unit_end, idx[i].ue);
		assert_int_equal(q[0].anaphor_tok, idx[i].ana);
	}
	vigil__arena_free(&a);
}

/* Phrases stay inside [begin, end): a qualifier or unit outside is not
 * read, and token indices are absolute. */
static void test_bounds(void **state)
{
	static const char s[] = "Officials said over 3,000 troops and 12 tanks";
	vigil__token tok[16];
	vigil__quantity *q;
	vigil__arena a;
	char out[256];
	size_t n, nq;

	(void)state;
	vigil__arena_init(&a, 0);
	n = vigil__tokenize_phrase(s, strlen(s), tok, 16);
	assert_int_equal(n, 8);
	/* "3,000" alone: "over" (token 2) and "troops" (4) are outside */
	assert_int_equal(vigil__quantities_find(&a, s, tok, 3, 4, &q, &nq), 0);
	render(s, tok, q, nq, out, sizeof(out));
	assert_string_equal(out, "3,000||3000|-|-|count|exact");
	assert_int_equal(q[0].tok_begin, 3);
	assert_int_equal(vigil__quantities_find(&a, s, tok, 5, 8, &q, &nq), 0);
	render(s, tok, q, nq, out, sizeof(out));
	assert_string_equal(out, "12 tanks|tanks|12|-|-|count|exact");
	assert_int_equal(q[0].tok_begin, 6);
	assert_int_equal(vigil__quantities_find(&a, s, tok, 0, 2, &q, &nq), 0);
	assert_null(q);
	assert_int_equal(nq, 0);
	assert_int_equal(vigil__quantities_find(&a, s, tok, 4, 4, &q, &nq), 0);
	assert_int_equal(nq, 0);
	vigil__arena_free(&a);
}

/* The seed article through normalize, layout and segment: its three
 * figures, and no other count except the definite "the two nations". */
static void test_seed(void **state)
{
	static const char *const expect[] = {
		"four months|months|4|-|-|duration|exact",
		"two North Korean soldiers|soldiers|2|-|-|count|exact",
		"first||1|-|-|ordinal|exact|the",
		"approximately 11,000 North Korean troops|troops|11000|-|-|count|approximately",
		"over 3,000 of these soldiers|soldiers|3000|-|-|count|over|@these",
		"2024||2024|-|-|year|exact",
		"two nations|nations|2|-|-|count|exact|the",
	};
	const char *dir = tu_shared_dir();
	char path[4096], out[1024];
	char *raw, *text;
	size_t rawlen, len, k, nq, got = 0;
	vigil__layout l;
	vigil__segmented sg;
	vigil__quantity *q;
	vigil__arena a;

	(void)state;
	if (!dir)
		skip();
	snprintf(path, sizeof(path), "%s/seed/000_9bb96f86e2a42407.txt", dir);
	raw = tu_read_file(path, &rawlen);
	if (!raw)
		skip();
	vigil__arena_init(&a, 0);
	assert_int_equal(vigil__normalize(&a, raw, rawlen, &text, &len), 0);
	assert_int_equal(vigil__layout_text(&a, text, len, &l), 0);
	assert_int_equal(vigil__segment(&a, text, len, l.paras, l.npara, &sg), 0);
	for (k = 0; k < sg.nsent; k++) {
		const vigil__sentence *st = &sg.sent[k];
		size_t i;

		assert_int_equal(vigil__quantities_find(&a, text, sg.tok, st->tok_begin,
							st->tok_end, &q, &nq), 0);
		check_invariants(q, nq, st->tok_begin, st->tok_end);
		for (i = 0; i < nq; i++, got++) {
			render(text, sg.tok, &q[i], 1, out, sizeof(out));
			assert_true(got < NELEM(expect));
			assert_string_equal(out, expect[got]);
		}
	}
	assert_int_equal(got, NELEM(expect));
	vigil__arena_free(&a);
	free(raw);
}

/* An arena that cannot allocate: -1, and nothing half-returned. */
static void test_arena_failure(void **state)
{
	static const char s[] = "12 soldiers and 30 tanks";
	vigil__token tok[8];
	vigil__quantity *q = (vigil__quantity *)1;
	vigil__arena a;
	size_t n, nq = 99;

	(void)state;
	vigil__arena_init(&a, 1);
	n = vigil__tokenize_phrase(s, strlen(s), tok, 8);
	assert_int_equal(vigil__quantities_find(&a, s, tok, 0, n, &q, &nq), -1);
	assert_null(q);
	assert_int_equal(nq, 0);
	assert_true(a.failed);
	vigil__arena_free(&a);
}

static void test_names(void **state)
{
	static const char *const qn[VIGIL_QQ_COUNT_] = {
		"exact", "approximately", "estimated", "some", "over", "at_least",
		"up_to", "at_most", "nearly", "fewer_than", "between", "several",
		"few", "dozens", "scores", "hundreds", "thousands",
		"tens_of_thousands", "hundreds_of_thousands", "millions",
	};
	static const char *const kn[] = {
		"count", "money", "percent", "distance", "year", "age", "duration",
		"ordinal", "date", "time", "measure", "label", "other",
	};
	int i;

	(void)state;
	for (i = 0; i < VIGIL_QQ_COUNT_; i++)
		assert_string_equal(vigil__qualifier_name(i), qn[i]);
	assert_string_equal(vigil__qualifier_name(-1), "exact");
	assert_string_equal(vigil__qualifier_name(VIGIL_QQ_COUNT_), "exact");
	for (i = 0; i <= VIGIL_QK_OTHER; i++)
		assert_string_equal(vigil__quantity_kind_name(i), kn[i]);
	assert_string_equal(vigil__quantity_kind_name(99), "other");
}

/* The word tables are in the order their lookups rely on: a list out of
 * order would silently miss words. */
static void test_tables_in_order(void **state)
{
	(void)state;
	assert_int_equal(vigil__quantity_tables_check(), 0);
}

/* Whether a number starts at token j (either reading of "m"). */
static int parses_at(const vigil__qscan *s, size_t j)
{
	vigil__qcore c;

	return vigil__qcore_parse(s, j, 0, &c) || vigil__qcore_parse(s, j, 1, &c);
}

/* vigil__qnext_start skips tokens without parsing them (by first letter,
 * length and second letter): it must never skip one at which a number
 * parses, or quantities_find would miss it. Checked from every start
 * token against the full parse of every token, on each number word, its
 * capitalized and upper-case forms and its variants with every other
 * second byte, alone and before and after other number words. */
static void test_next_start_exact(void **state)
{
	static const char *const ctx[][2] = {
		{"", ""}, {"", " hundred"}, {"a ", ""}, {"several ", " million"},
		{"the ", " of 12"}, {"half a ", " people"},
	};
	static const char seconds[] = "abcdefghijklmnopqrstuvwxyz"
				      "ABCDEFGHIJKLMNOPQRSTUVWXYZ-'.1";
	const char *words[512];
	char w[32], in[96];
	vigil__token tok[32];
	vigil__qscan s;
	size_t nw, i, j, k, v, c, n, ref, checked = 0, parsed = 0;

	(void)state;
	nw = vigil__qwords_list(words, NELEM(words));
	assert_true(nw > 50 && nw <= NELEM(words));
	for (i = 0; i < nw; i++)
		for (v = 0; v < 3 + sizeof(seconds) - 1; v++) {
			size_t len = strlen(words[i]);

			assert_true(len < sizeof(w));
			memcpy(w, words[i], len + 1);
			if (v == 1)
				w[0] = (char)(w[0] - 32);
			for (k = 0; v == 2 && k < len; k++)
				w[k] = (char)(w[k] - 32);
			if (v >= 3) {
				if (len < 2)
					continue;
				w[1] = seconds[v - 3];
			}
			for (c = 0; c < NELEM(ctx); c++) {
				snprintf(in, sizeof(in), "%s%s%s", ctx[c][0], w, ctx[c][1]);
				n = vigil__tokenize_phrase(in, strlen(in), tok, NELEM(tok));
				assert_true(n <= NELEM(tok));
				s.text = in;
				s.tok = tok;
				s.begin = 0;
				s.end = n;
				for (ref = n, j = n; j-- > 0;) {
					if (parses_at(&s, j)) {
						ref = j;
						parsed++;
					}
					/* ref: the first token >= j where a number parses */
					assert_true(vigil__qnext_start(&s, j) <= ref);
					checked++;
				}
			}
		}
	/* the inputs do exercise both sides */
	assert_true(parsed > 1000);
	assert_true(checked > 20000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_in_order),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_indices),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_arena_failure),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_next_start_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
