/*
 * test_layout.c: paragraphs, boilerplate, bylines and datelines from
 * vigil__layout_text on the seed article (read from ../shared, skipped when
 * absent) and on small documents written for each rule, after
 * vigil__normalize as in the pipeline.
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

/* Normalizes and lays out `in`; *text receives the normalized text. */
static void lay_out(vigil__arena *a, const char *in, size_t len, char **text,
		    size_t *tlen, vigil__layout *l)
{
	assert_int_equal(vigil__normalize(a, in, len, text, tlen), 0);
	assert_int_equal(vigil__layout_text(a, *text, *tlen, l), 0);
}

/* Paragraphs joined by "|". */
static void join(const char *t, const vigil__layout *l, char *out, size_t cap)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < l->npara && o < cap; i++)
		o += (size_t)snprintf(out + o, cap - o, "%s%.*s", i ? "|" : "",
				      (int)l->paras[i].len, t + l->paras[i].off);
}

static int range_is(const char *t, vigil__range r, const char *s)
{
	return r.len == strlen(s) && memcmp(t + r.off, s, r.len) == 0;
}

static void test_seed_article(void **state)
{
	static const char *const starts[8] = {
		"South Korea's military has", "The Joint Chiefs of Staff",
		"While the JCS did not", "The revelations follow",
		"According to Ukrainian", "Initially, both Moscow",
		"The strengthened military", "As the situation develops",
	};
	static const char *const ends[8] = {
		"prisoner-of-war situations.", "multiple losses and captives.",
		"action on these fronts.", "the war last autumn.",
		"wounded in the conflict.", "deployment was lawful.",
		"between the two nations.", "the Russia-Ukraine war.",
	};
	const char *path;
	char *raw, *t;
	size_t n = 0, tl, i;
	vigil__layout l;
	vigil__arena a;

	(void)state;
	path = tu_seed_path();
	raw = path ? tu_read_file(path, &n) : NULL;
	if (!raw)
		skip(); /* ../shared/seed is not here */
	vigil__arena_init(&a, 0);
	lay_out(&a, raw, n, &t, &tl, &l);
	assert_int_equal(l.npara, 8);
	assert_int_equal(l.dropped, 2);
	assert_true(range_is(t, l.byline, "Melissa Enoch"));
	assert_int_equal(l.dateline.len, 0);
	for (i = 0; i < 8; i++) {
		const vigil__range *r = &l.paras[i];

		assert_true(r->len > strlen(starts[i]) + strlen(ends[i]));
		if (memcmp(t + r->off, starts[i], strlen(starts[i])) != 0 ||
		    memcmp(t + r->off + r->len - strlen(ends[i]), ends[i],
			   strlen(ends[i])) != 0)
			fail_msg("paragraph %zu: \"%.*s\"", i, (int)r->len, t + r->off);
		/* one line each: no newline inside */
		assert_null(memchr(t + r->off, '\n', r->len));
	}
	vigil__arena_free(&a);
	free(raw);
}

static const struct layout_case {
	const char *in;
	const char *paras;    /* joined by "|" */
	const char *byline;   /* "" for none */
	const char *dateline; /* "" for none */
	size_t dropped;
} cases[] = {
	/* Reuters: byline, dateline, share, advertisement, read more, credits */
	{"By Jane Doe, Reuters\n"
	 "SEOUL, Feb 14 (Reuters) - North Korea fired a missile on Friday.\n"
	 "Share this article\n"
	 "It landed at sea.\n"
	 "Advertisement\n"
	 "Read more: Why the missile matters\n"
	 "(Reporting by Josh Smith; Editing by Ed Davies)\n",
	 "North Korea fired a missile on Friday.|It landed at sea.",
	 "Jane Doe, Reuters", "SEOUL, Feb 14 (Reuters) -", 5},
	/* AP: capital byline, em dash dateline, follow, copyright */
	{"By JANE DOE\n\n"
	 "KYIV, Ukraine (AP) \xE2\x80\x94 Russia attacked overnight. Officials said so.\n\n"
	 "Follow us on Twitter\n"
	 "\xC2\xA9 2025 The Associated Press. All rights reserved.\n",
	 "Russia attacked overnight. Officials said so.", "JANE DOE",
	 "KYIV, Ukraine (AP) -", 3},
	/* "--" dateline; a credit at the end of a paragraph; furniture */
	{"WASHINGTON -- The Pentagon will send troops. (Reporting by Idrees Ali; "
	 "Editing by Leslie Adler)\n"
	 "Photo: Soldiers march in Kyiv / AFP\n"
	 "Sign up for our newsletter\n"
	 "Subscribe\n"
	 "Related: Ukraine war latest\n"
	 "Copyright 2025 Reuters\n",
	 "The Pentagon will send troops.", "", "WASHINGTON -", 6},
	{"MOSCOW, Jan. 9 (Xinhua) -- Russia and China held talks.\n"
	 "Reporting by Jane Doe; Editing by John Roe",
	 "Russia and China held talks.", "", "MOSCOW, Jan. 9 (Xinhua) -", 1},
	{"(Reuters) - Oil prices rose.", "Oil prices rose.", "", "(Reuters) -", 0},
	{"GAZA CITY, March 3 (AFP) - Strikes hit the city.\nMore followed.",
	 "Strikes hit the city.|More followed.", "", "GAZA CITY, March 3 (AFP) -", 0},
	/* not datelines */
	{"US - China talks resumed.\nThey ended.", "US - China talks resumed.|They ended.",
	 "", "", 0},
	{"Russia, Ukraine - and the war.\nEnd.", "Russia, Ukraine - and the war.|End.",
	 "", "", 0},
	/* a headline, then the dateline in the second paragraph */
	{"North Korea to send more troops to Russia\n"
	 "LONDON (Reuters) - The North is preparing more troops.",
	 "North Korea to send more troops to Russia|The North is preparing more troops.",
	 "", "LONDON (Reuters) -", 0},
	/* a dateline alone on its line */
	{"WASHINGTON -\nThe Pentagon said so.", "The Pentagon said so.", "",
	 "WASHINGTON -", 0},
	/* "By" that is not a byline; a lone name line at the end */
	{"By contrast, the army held. It said so.\nBy Monday, Russia had moved.\nJane Doe",
	 "By contrast, the army held. It said so.|By Monday, Russia had moved.",
	 "Jane Doe", "", 1},
	{"By Jane Doe and John Roe in Seoul\nText here.\nMore text.",
	 "Text here.|More text.", "Jane Doe and John Roe in Seoul", "", 1},
	/* a name-like first line is kept: more often a title-case headline */
	{"Ursula von der Leyen\nThe Commission met on Monday.\nIt agreed.",
	 "Ursula von der Leyen|The Commission met on Monday.|It agreed.", "", "", 0},
	{"Putin Visits Pyongyang\nThe Kremlin said the trip was a success.",
	 "Putin Visits Pyongyang|The Kremlin said the trip was a success.", "", "", 0},
	/* lookalikes that stay */
	{"Subscribers in Seoul said so.\nCopyright law is complex.\nThe End Of It",
	 "Subscribers in Seoul said so.|Copyright law is complex.|The End Of It",
	 "", "", 0},
	{"Advertisement\nFirst.\nAdvertisement\nSecond.\nShare",
	 "First.|Second.", "", "", 3},
	/* a single name line is the whole text: kept */
	{"Jane Doe", "Jane Doe", "", "", 0},
	{"Advertisement", "", "", "", 1},
	{"", "", "", "", 0},
	{"\n\n  \n", "", "", "", 0},
	/* hard-wrapped text re-flows into blank-line paragraphs */
	{"By Jane Doe\n\n"
	 "SEOUL (Reuters) - North Korea has sent thousands of troops to\n"
	 "Russia to fight against Ukraine, South Korean officials said on\n"
	 "Friday, adding that more could follow in the coming months.\n\n"
	 "The Joint Chiefs of Staff said the North appeared to be preparing\n"
	 "an additional dispatch of soldiers, with no further details\n"
	 "about the timing of the move.\n\n"
	 "Follow us on Twitter\n",
	 "North Korea has sent thousands of troops to\n"
	 "Russia to fight against Ukraine, South Korean officials said on\n"
	 "Friday, adding that more could follow in the coming months.|"
	 "The Joint Chiefs of Staff said the North appeared to be preparing\n"
	 "an additional dispatch of soldiers, with no further details\n"
	 "about the timing of the move.",
	 "Jane Doe", "SEOUL (Reuters) -", 2},
	/* short lines with stops are not hard-wrapped */
	{"Short line one.\nShort line two.\nA longer line that has thirty chars.\nLast.",
	 "Short line one.|Short line two.|A longer line that has thirty chars.|Last.",
	 "", "", 0},
	/* CRLF input and surrounding white space */
	{"  First paragraph.  \r\n\r\n\tSecond one.\r\n",
	 "First paragraph.|Second one.", "", "", 0},
};

static void test_layout_table(void **state)
{
	char got[2048], *t;
	vigil__layout l;
	vigil__arena a;
	size_t i, tl;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct layout_case *c = &cases[i];

		lay_out(&a, c->in, strlen(c->in), &t, &tl, &l);
		join(t, &l, got, sizeof(got));
		if (strcmp(got, c->paras) != 0)
			fail_msg("case %zu: paragraphs\n got    %s\n expect %s", i, got,
				 c->paras);
		if (!range_is(t, l.byline, c->byline))
			fail_msg("case %zu: byline \"%.*s\"", i, (int)l.byline.len,
				 t + l.byline.off);
		if (!range_is(t, l.dateline, c->dateline))
			fail_msg("case %zu: dateline \"%.*s\"", i, (int)l.dateline.len,
				 t + l.dateline.off);
		if (l.dropped != c->dropped)
			fail_msg("case %zu: dropped %zu, expected %zu", i, l.dropped,
				 c->dropped);
		vigil__arena_reset(&a);
	}
	vigil__arena_free(&a);
}

/* Each boilerplate pattern family, alone between two prose lines, is left
 * out. */
static void test_boilerplate_lines(void **state)
{
	static const char *const lines[] = {
		"Share this article", "Share on Facebook", "SHARE:", "Follow us on:",
		"Follow Reuters on Twitter", "Like us on Facebook",
		"Subscribe to our channel", "Sign up for our daily briefing",
		"Get the Morning Newsletter", "Read more: Why it matters",
		"READ MORE", "Also read: Five facts", "See also: Timeline",
		"Related:", "Related Stories", "Related coverage: Kursk",
		"Recommended", "Most read", "Click here to watch",
		"Continue reading below", "Story continues below advertisement",
		"ADVERTISEMENT", "Sponsored content", "Watch: The strike on video",
		"Tags: Ukraine, Russia", "(c) 2025 Reuters", "\xC2\xA9 Reuters 2025",
		"Copyright 2025 The Associated Press", "Reuters. All Rights Reserved.",
		"Photo: Reuters", "Photo by John Smith", "Photograph: AP",
		"Image: Getty", "File photo: the Kremlin", "Soldiers in Kursk / AFP",
		"Soldiers in Kursk/Reuters", "Kim Jong Un (Getty Images)",
		"Reporting by Josh Smith; Editing by Ed Davies",
		"(Reporting by Josh Smith; Editing by Ed Davies)",
		"Additional reporting by Hyonhee Shin", "Writing by Jane Doe",
		"Editing by John Roe", "Published: 14 Feb 2025",
		"Updated 3 hours ago",
	};
	char in[512], *t, got[512];
	vigil__layout l;
	vigil__arena a;
	size_t i, tl;

	(void)state;
	vigil__arena_init(&a, 0);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		snprintf(in, sizeof(in), "The army moved.\n%s\nIt stopped.", lines[i]);
		lay_out(&a, in, strlen(in), &t, &tl, &l);
		join(t, &l, got, sizeof(got));
		if (strcmp(got, "The army moved.|It stopped.") != 0 || l.dropped != 1)
			fail_msg("\"%s\" kept: %s", lines[i], got);
		vigil__arena_reset(&a);
	}
	vigil__arena_free(&a);
}

static void test_arena_failure(void **state)
{
	static const char text[] = "One.\nTwo.\nThree.\n";
	vigil__layout l;
	vigil__arena a;

	(void)state;
	vigil__arena_init(&a, 16);
	assert_int_equal(vigil__layout_text(&a, text, strlen(text), &l), -1);
	assert_int_equal(l.npara, 0);
	vigil__arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_article),
		cmocka_unit_test(test_layout_table),
		cmocka_unit_test(test_boilerplate_lines),
		cmocka_unit_test(test_arena_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
