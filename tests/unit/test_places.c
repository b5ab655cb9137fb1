/*
 * test_places.c: event_loc of events and figures end to end (text -> matches,
 * clauses -> events and figures -> places -> JSON Lines) with a small fixed
 * dictionary written here: each place form (in/near/into X, "Russia's X
 * region", "the X region of Russia", "eastern X", a bare region), clause
 * before sentence, nearest to the trigger, never from another sentence,
 * country vs admin1 vs city precision, and the negative cases (a country
 * after "over"/"on", a possessive country, a capital standing as an actor).
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

#include "code/places.h"
#include "testutil.h"

static const char test_dict[] =
	"[actors]\n"
	"North Korea = PRK type=country\n"
	"North Korean(s) = PRK type=demonym\n"
	"Russia = RUS type=country\n"
	"Russian(s) = RUS type=demonym\n"
	"Ukraine = UKR type=country\n"
	"Ukrainian(s) = UKR type=demonym\n"
	"South Korea = KOR type=country\n"
	"Kyiv = UKRGOV type=capital country=UKR\n"
	"Pyongyang = PRKGOV type=capital country=PRK\n"
	"Seoul = KORGOV type=capital country=KOR\n"
	"Georgia = GEO type=country\n"
	"United States = USA type=country\n"
	"Lebanon = LBN type=country\n"
	"Washington = USAGOV type=capital country=USA\n"
	"Damascus = SYRGOV type=capital country=SYR\n"
	"Mali = MLI type=country\n"
	"Bamako = MLIGOV type=capital country=MLI\n"
	"[agents]\n"
	"rebel(s) = REB\n"
	"troop(s) | soldier(s) | forces = MIL\n"
	"official(s) = GOV\n"
	"[verbs]\n"
	"+attack = 190 goldstein=-10 quad=4 plover=ASSAULT\n"
	"+capture = 173 goldstein=-5 quad=4 plover=COERCE mode=arrest\n"
	"+criticize = 111 goldstein=-2 quad=3 plover=ACCUSE\n"
	"+seize = 192 goldstein=-9.5 quad=4 plover=COERCE mode=seize\n"
	"+visit = 042 goldstein=1.9 quad=1 plover=CONSULT mode=visit\n"
	"+deploy = 154 goldstein=-7.2 quad=4 plover=MOBILIZE mode=troops\n"
	"+fire = 190 goldstein=-10 quad=4 plover=ASSAULT\n"
	"[places]\n"
	"Russia = RUS type=country country=RUS\n"
	"Ukraine = UKR type=country country=UKR\n"
	"North Korea = PRK type=country country=PRK\n"
	"Kursk Oblast | Kursk region = RU-KRS type=admin1 country=RUS lat=51.7 lon=36.2\n"
	"Donetsk Oblast | Donetsk = UA-14 type=admin1 country=UKR lat=48.0 lon=37.8\n"
	"Kharkiv = UA-63.KHARKIV type=city country=UKR lat=49.99 lon=36.23\n"
	"Kyiv = UA-30.KYIV type=city country=UKR lat=50.45 lon=30.52\n"
	/* a capital by its country, as tools/gen_gazetteer.py writes it */
	"Kyiv | Ukraine's capital | the capital of Ukraine | the Ukrainian "
	"capital = UA-30.KYIV type=city country=UKR lat=50.45 lon=30.52\n"
	"Pyongyang = KP-01.PYONGYANG type=city country=PRK lat=39.03 lon=125.75\n"
	"Seoul = KOR.SEOUL type=city country=KOR lat=37.57 lon=126.98\n"
	"Damascus = SY-DI.DAMASCUS type=city country=SYR lat=33.51 lon=36.29\n"
	"Mali = MLI type=country country=MLI\n"
	"Bamako = ML-BKO.BAMAKO type=city country=MLI lat=12.65 lon=-8\n"
	"Belgorod = RU-BEL type=admin1 country=RUS lat=50.6 lon=36.6\n"
	/* ambiguous names: a country and a US state, two cities */
	"Georgia = GEO type=country country=GEO\n"
	"United States = USA type=country country=USA\n"
	"Lebanon = LBN type=country country=LBN\n"
	"Georgia | Georgia state = US-GA type=admin1 country=USA lat=33.4 "
	"lon=-83.9\n"
	"Atlanta = US-GA.ATLANTA type=city country=USA lat=33.75 lon=-84.39\n"
	"Tbilisi = GE-TB.TBILISI type=city country=GEO lat=41.72 lon=44.79\n"
	"Tripoli = LY-TB.TRIPOLI type=city country=LBY lat=32.89 lon=13.19\n"
	"Tripoli = LB-AS.TRIPOLI type=city country=LBN lat=34.44 lon=35.85\n"
	"Washington | Washington D.C. = US-DC.WASHINGTON type=city country=USA "
	"lat=38.9 lon=-77.04\n"
	"Washington state = US-WA type=admin1 country=USA lat=47.3 lon=-121.9\n"
	/* a region at its country's point (the gazetteer's fallback) */
	"Sidès = HT-SE type=admin1 country=HTI lat=18.9 lon=-72.6 "
	"precision=country\n"
	"[cues]\n"
	"said | says = ATTRIB\n";

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

/* "name:precision:admin1", or "-" when event_loc is null. */
static size_t render_place(json_t *loc, char *out, size_t cap)
{
	if (!json_is_object(loc))
		return (size_t)snprintf(out, cap, "-");
	return (size_t)snprintf(out, cap, "%s:%s:%s",
				str_or_dash(json_object_get(loc, "name")),
				str_or_dash(json_object_get(loc, "precision")),
				str_or_dash(json_object_get(loc, "admin1")));
}

/* Codes `text`; one part per event ("E trigger@place") and figure
 * ("F value@place"), in record order, joined by "; ". With `loc` the
 * last record's event_loc is also returned (serialized; caller frees). */
static void render(const char *text, char *out, size_t cap, char **loc)
{
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	vigil_coder *coder;
	vigil_worker *w;
	vigil_doc d;
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
		const char *type;

		assert_non_null(r);
		type = json_string_value(json_object_get(r, "type"));
		if (strcmp(type, "event") == 0)
			used += (size_t)snprintf(
				out + used, cap - used, "%sE %s@", used ? "; " : "",
				str_or_dash(json_object_get(r, "trigger")));
		else if (strcmp(type, "figure") == 0)
			used += (size_t)snprintf(
				out + used, cap - used, "%sF %lld@", used ? "; " : "",
				(long long)json_integer_value(json_object_get(r, "value")));
		if (strcmp(type, "event") == 0 || strcmp(type, "figure") == 0) {
			assert_true(used < cap);
			used += render_place(json_object_get(r, "event_loc"),
					     out + used, cap - used);
			if (loc) {
				free(*loc);
				*loc = json_dumps(json_object_get(r, "event_loc"),
						  JSON_PRESERVE_ORDER | JSON_COMPACT |
							  JSON_ENCODE_ANY |
							  JSON_REAL_PRECISION(15));
			}
		}
		assert_true(used < cap);
		json_decref(r);
		line = nl + 1;
	}
	vigil_worker_free(w);
	vigil_coder_free(coder);
}

static const struct {
	const char *text;
	const char *want;
} cases[] = {
	/* the forms of an admin1 */
	{"Ukrainian forces attacked Russian troops in Kursk Oblast.",
	 "E attacked@Kursk Oblast:admin1:RU-KRS"},
	{"Ukrainian forces attacked Russian troops in Russia's Kursk region.",
	 "E attacked@Kursk Oblast:admin1:RU-KRS"},
	{"Ukrainian forces attacked Russian troops in the Kursk region of Russia.",
	 "E attacked@Kursk Oblast:admin1:RU-KRS"},
	{"Russian forces attacked Ukrainian troops in eastern Donetsk.",
	 "E attacked@Donetsk Oblast:admin1:UA-14"},
	{"Russia deployed troops into the Donetsk Oblast.",
	 "E deployed@Donetsk Oblast:admin1:UA-14"},
	/* the seed's figure and event in one clause */
	{"Two North Korean soldiers were captured in Russia's Kursk region.",
	 "E captured@Kursk Oblast:admin1:RU-KRS; F 2@Kursk Oblast:admin1:RU-KRS"},
	/* a bare region as the object: no locative form, still the place */
	{"Ukraine attacked the Kursk region.",
	 "E attacked@Kursk Oblast:admin1:RU-KRS"},
	/* precision: city (admin1 from the code), country (no admin1) */
	{"Russian forces attacked Ukrainian troops near Kharkiv.",
	 "E attacked@Kharkiv:city:UA-63"},
	{"Russian forces attacked Ukrainian troops in Ukraine.",
	 "E attacked@Ukraine:country:-"},
	{"North Korean troops attacked South Korean troops near Seoul.",
	 "E attacked@Seoul:city:-"},
	/* a capital is an actor and a place: "in Kyiv" places, "Kyiv" acts */
	{"Russian forces attacked Ukrainian troops in Kyiv.",
	 "E attacked@Kyiv:city:UA-30"},
	{"Pyongyang criticized Seoul.", "E criticized@-"},
	/* the own clause wins over the sentence */
	{"Russian forces attacked Ukrainian troops in Kharkiv, and Ukrainian "
	 "forces attacked Russian troops in Kursk Oblast.",
	 "E attacked@Kharkiv:city:UA-63; E attacked@Kursk Oblast:admin1:RU-KRS"},
	/* the nearest of the clause */
	{"Russian forces attacked Ukrainian troops in Kharkiv and in Donetsk.",
	 "E attacked@Kharkiv:city:UA-63"},
	/* never from another sentence */
	{"Fighting continued in Kharkiv. Russian forces attacked Ukrainian troops.",
	 "E attacked@-"},
	/* "over"/"on" locate a city, not a country; a possessive is no place */
	{"Ukraine criticized Russia over Kharkiv.",
	 "E criticized@Kharkiv:city:UA-63"},
	{"Ukraine criticized North Korea over Russia.", "E criticized@-"},
	{"Ukraine criticized Russia over North Korea's troops.", "E criticized@-"},
	/* the country of "Russia's Kursk region" is not the place */
	{"Russia's Kursk region was attacked by Ukraine.",
	 "E attacked@Kursk Oblast:admin1:RU-KRS"},
	/* "Georgia": the country, unless the document names places of the US
	 * state's country more than Georgia's ("Atlanta", "United States") */
	{"Russian forces attacked troops in Georgia.",
	 "E attacked@Georgia:country:-"},
	{"Russia deployed troops in Atlanta. Russian forces attacked troops "
	 "in Georgia.",
	 "E deployed@Atlanta:city:US-GA; E attacked@Georgia:admin1:US-GA"},
	{"The United States criticized Russia. Russian forces attacked troops "
	 "in Georgia.",
	 "E criticized@-; E attacked@Georgia:country:-"},
	{"Russian forces attacked troops in Tbilisi. Russia deployed troops in "
	 "Atlanta. Russian forces attacked troops in Georgia.",
	 "E attacked@Tbilisi:city:GE-TB; E deployed@Atlanta:city:US-GA; "
	 "E attacked@Georgia:country:-"},
	{"Russian forces attacked troops in Georgia state. Russian forces "
	 "attacked troops in Georgia.",
	 "E attacked@Georgia:admin1:US-GA; E attacked@Georgia:admin1:US-GA"},
	/* the actor reading follows the same choice: "Georgia" next to
	 * "Atlanta" is the US state, no actor (no event); alone, the country */
	{"Russia deployed troops in Atlanta. Georgia criticized Russia.",
	 "E deployed@Atlanta:city:US-GA"},
	{"Georgia criticized Russia.", "E criticized@-"},
	{"Russia deployed troops in Atlanta. Russia criticized Georgia.",
	 "E deployed@Atlanta:city:US-GA; E criticized@-"},
	/* coordinates coarser than the entry: precision says so */
	{"Russian forces attacked troops in Sidès.",
	 "E attacked@Sidès:country:HT-SE"},
	/* a city of two countries: the one the document names, else the first */
	{"Russian forces attacked troops in Tripoli.",
	 "E attacked@Tripoli:city:LY-TB"},
	{"Lebanon criticized Russia. Russian forces attacked troops in Tripoli.",
	 "E criticized@-; E attacked@Tripoli:city:LB-AS"},
	/* "Washington" is the capital (and the actor); the state is written out */
	{"Russian forces attacked troops near Washington.",
	 "E attacked@Washington:city:US-DC"},
	{"Russian forces attacked troops in Washington state.",
	 "E attacked@Washington state:admin1:US-WA"},
	/* the canonical name of the line: "Washington D.C." is "Washington" */
	{"Russian forces attacked troops in Washington D.C.",
	 "E attacked@Washington:city:US-DC"},
	/* a place name before a capitalised word is part of a name: no bare
	 * place ("led by Vladimir Medinsky") */
	{"Russian forces attacked troops led by Kharkiv Petrenko.",
	 "E attacked@-"},
	{"Russian forces attacked Kharkiv.", "E attacked@Kharkiv:city:UA-63"},
	/* a capital acted on in place: seized, visited, attacked (passive);
	 * a statement toward it is not there */
	{"Russian forces seized Damascus.", "E seized@Damascus:city:SY-DI"},
	{"Russian officials visited Pyongyang.",
	 "E visited@Pyongyang:city:KP-01"},
	{"Kyiv was attacked by Russia.", "E attacked@Kyiv:city:UA-30"},
	{"Russian officials criticized Kyiv.", "E criticized@-"},
	/* a settlement noun between the preposition and the place */
	{"Rebels attacked troops in Mali's capital Bamako.",
	 "E attacked@Bamako:city:ML-BKO"},
	{"Rebels attacked troops in the city of Kharkiv.",
	 "E attacked@Kharkiv:city:UA-63"},
	/* a finer place of the located country ("Goma, the largest city in
	 * eastern Congo"); one of another country does not refine */
	{"Rebels seized Kharkiv, the second city in eastern Ukraine.",
	 "E seized@Kharkiv:city:UA-63"},
	{"Russian forces attacked troops in Ukraine near Belgorod.",
	 "E attacked@Ukraine:country:-"},
	/* cross-border fire: the launch area when the text names it, the
	 * target country otherwise; a place in the target is located */
	{"Russian forces fired at Ukraine.", "E fired@Ukraine:country:-"},
	{"Russian forces fired at Ukraine from Belgorod.",
	 "E fired@Belgorod:admin1:RU-BEL"},
	{"Russian forces fired at Ukraine from Russia.",
	 "E fired@Russia:country:-"},
	{"Russian forces attacked troops in Russia after North Korean forces "
	 "fired at Ukraine.",
	 "E attacked@Russia:country:-; E fired@Russia:country:-"},
	{"Russian forces fired at troops in Kharkiv.",
	 "E fired@Kharkiv:city:UA-63"},
	/* a capital named by its country or demonym: the capital's entry */
	{"Rebels attacked troops in Ukraine's capital.",
	 "E attacked@Kyiv:city:UA-30"},
	{"Rebels attacked troops in the Ukrainian capital.",
	 "E attacked@Kyiv:city:UA-30"},
	{"Rebels attacked troops in the capital of Ukraine.",
	 "E attacked@Kyiv:city:UA-30"},
	/* a bare "the capital": the capital of the country in view (the last
	 * country, capital, demonym or place named before it), when located */
	{"Ukraine criticized Russia. Russian forces attacked Ukrainian troops "
	 "in the capital.",
	 "E criticized@-; E attacked@Kyiv:city:UA-30"},
	{"Russian forces attacked Ukrainian troops near the capital on Friday.",
	 "E attacked@Kyiv:city:UA-30"},
	{"Ukrainian forces attacked troops in the capital.",
	 "E attacked@Kyiv:city:UA-30"},
	/* no capital known for the country in view */
	{"Russia criticized Ukraine. North Korean forces attacked troops in "
	 "the capital.",
	 "E criticized@-; E attacked@-"},
	/* a compound noun after it: no bare capital */
	{"Russian forces attacked Ukrainian troops in the capital markets.",
	 "E attacked@-"},
	/* not located: "the capital" as an object is no place */
	{"Russian forces attacked Ukrainian troops and the capital.",
	 "E attacked@-"},
	/* a located country is not refined to an inferred capital */
	{"Rebels attacked troops in Ukraine and in the capital.",
	 "E attacked@Ukraine:country:-"},
};

static void test_place_table(void **state)
{
	size_t i, bad = 0;
	char got[1024];

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		render(cases[i].text, got, sizeof(got), NULL);
		if (strcmp(got, cases[i].want) != 0) {
			print_error("case %zu: \"%s\"\n  got  \"%s\"\n  want \"%s\"\n",
				    i, cases[i].text, got, cases[i].want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* One event_loc exactly: keys in DESIGN.md's order, numbers as written. */
static void test_place_record(void **state)
{
	char got[256], *loc = NULL;

	(void)state;
	render("Russian forces attacked Ukrainian troops near Kharkiv.", got,
	       sizeof(got), &loc);
	assert_non_null(loc);
	assert_string_equal(loc, "{\"name\":\"Kharkiv\",\"country\":\"UKR\","
				 "\"admin1\":\"UA-63\",\"lat\":49.99,\"lon\":36.23,"
				 "\"precision\":\"city\"}");
	free(loc);
}

/* The admin1 of an entry: its code, the prefix of a city code, or none. */
/* The capital index built when the dictionary opens. */
static void test_place_capital_index(void **state)
{
	static const struct {
		const char *country, *code;
	} want[] = {{"UKR", "UA-30.KYIV"}, {"PRK", NULL}, {"RUS", NULL},
		    {"", NULL}};
	const vigil__lexicon *lx = vigil__dict_lexicon(dict);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		int64_t e = vigil__lexicon_capital(lx, want[i].country);

		if (!want[i].code) {
			assert_int_equal(e, -1);
			continue;
		}
		assert_true(e >= 0);
		assert_string_equal(vigil__lexicon_entry_code(lx, (uint32_t)e),
				    want[i].code);
	}
	assert_int_equal(vigil__lexicon_capital(lx, NULL), -1);
}

static void test_place_admin1(void **state)
{
	static const struct {
		const char *type, *code, *want;
	} rows[] = {
		{"admin1", "RU-KRS", "RU-KRS"},
		{"city", "UA-63.KHARKIV", "UA-63"},
		{"city", "KOR.SEOUL", NULL},     /* no hyphen: no admin1 */
		{"city", "KYIV", NULL},          /* no '.' */
		{"country", "RUS", NULL},
		{NULL, "RUS", NULL},
		{"city", "VERY-LONG-ADMIN1-CODE-BEYOND.X", NULL}, /* > buffer */
	};
	char buf[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *got = vigil__place_admin1(rows[i].type, rows[i].code,
						      buf, sizeof(buf));

		if (rows[i].want)
			assert_string_equal(got, rows[i].want);
		else
			assert_null(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_place_table),
		cmocka_unit_test(test_place_record),
		cmocka_unit_test(test_place_admin1),
		cmocka_unit_test(test_place_capital_index),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
