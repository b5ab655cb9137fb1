/*
 * test_output.c: the output formats end to end through the public API, with
 * a small dictionary written here: the exact lines of a two-paragraph
 * document in JSON Lines, TSV and GDELT; the TSV header; absent values as
 * empty fields; control bytes in values; modality in GDELT (asserted events
 * only); re-serializing one document in several formats. Expected rows are
 * written with '|' for the tab (no value here contains '|').
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

#include "output/tabular.h"
#include "testutil.h"

static const char test_dict[] =
	"[actors]\n"
	"North Korea = PRK type=country\n"
	"South Korea = KOR type=country\n"
	"Pyongyang = PRKGOV type=capital country=PRK\n"
	"Seoul = KORGOV type=capital country=KOR\n"
	"[agents]\n"
	"troop(s) = MIL\n"
	"[verbs]\n"
	"+fire missile(s) at = 195 goldstein=-9.5 quad=4 plover=ASSAULT mode=aerial\n"
	"+criticize = 1121 goldstein=-2.25 quad=3 plover=ACCUSE\n"
	"[cues]\n"
	"said | +say = ATTRIB\n"
	"not = NEG\n"
	"reportedly = HEDGE\n";

/* Two sentences in two paragraphs: a negated event, then an asserted one
 * whose recipient ("South Korean troops") is not in the dictionary. */
static const char two_sentences[] =
	"Pyongyang did not criticize Seoul.\n\n"
	"North Korea fired missiles at South Korean troops, Seoul said.";

typedef struct fixture {
	vigil_dict *dict;
	vigil_coder *coder;
	vigil_worker *worker;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	vigil_dict_options dopts = VIGIL_DICT_OPTIONS_INIT;
	vigil_coder_options copts = VIGIL_CODER_OPTIONS_INIT;
	const char *path = tu_write_temp(".vd", test_dict, strlen(test_dict));
	char err[256];

	if (!f || !path)
		return -1;
	dopts.no_cache = 1;
	if (vigil_dict_open(&f->dict, &path, 1, &dopts, err, sizeof(err)) != VIGIL_OK)
		return -1;
	remove(path);
	copts.dict = f->dict;
	if (vigil_coder_new(&f->coder, &copts) != VIGIL_OK ||
	    vigil_worker_new(&f->worker, f->coder) != VIGIL_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	vigil_worker_free(f->worker);
	vigil_coder_free(f->coder);
	vigil_dict_free(f->dict);
	free(f);
	return 0;
}

static vigil_doc make_doc(const char *id, const char *date, const char *url,
			  const char *text)
{
	vigil_doc d;

	memset(&d, 0, sizeof(d));
	d.id = id;
	d.date = date;
	d.url = url;
	d.text = text;
	d.text_len = strlen(text);
	d.origin = "t.jsonl";
	d.text_offset = -1;
	return d;
}

/* The records of the worker's last document in `format` (borrowed). */
static const char *records(fixture *f, vigil_output_format format)
{
	const char *data = NULL;
	size_t len = 1;

	assert_int_equal(vigil_worker_records(f->worker, format, &data, &len),
			 VIGIL_OK);
	assert_non_null(data);
	assert_int_equal(strlen(data), len);
	return data;
}

static const char *code(fixture *f, const vigil_doc *d,
			vigil_output_format format)
{
	assert_int_equal(vigil_worker_code(f->worker, d), VIGIL_OK);
	return records(f, format);
}

/* `rows` with '|' turned into tabs, in static storage. */
static const char *tabs(const char *rows)
{
	static char out[4096];
	size_t i;

	assert_true(strlen(rows) < sizeof(out));
	for (i = 0; rows[i]; i++)
		out[i] = rows[i] == '|' ? '\t' : rows[i];
	out[i] = '\0';
	return out;
}

static size_t count_fields(const char *line)
{
	size_t n = 1;

	for (; *line && *line != '\n'; line++)
		n += *line == '\t';
	return n;
}

/*===== Header =========================================================*/

static void test_header(void **state)
{
	(void)state;
	assert_string_equal(
		vigil_output_header(VIGIL_OUTPUT_TSV),
		tabs("id|doc|sentence|date|date_precision|actor_code|actor_country|"
		     "actor_sector|actor_text|recipient_code|recipient_country|"
		     "recipient_sector|recipient_text|event|mode|aux_mode|quad_code|"
		     "cameo|goldstein|said_by_code|said_by_text|hedge|trigger|"
		     "span_begin|span_end|text|place_name|place_country|"
		     "place_lat|place_lon\n"));
	assert_string_equal(vigil_output_header(VIGIL_OUTPUT_JSONL), "");
	assert_string_equal(vigil_output_header(VIGIL_OUTPUT_GDELT), "");
	assert_null(vigil_output_header((vigil_output_format)99));
}

/*===== Exact lines ====================================================*/

static const char want_jsonl[] =
	"{\"type\":\"document\",\"doc\":\"a1\",\"date\":\"2025-03-04\",\"source\":null,"
	"\"url\":\"https://x.test/a\",\"title\":null,\"sentences\":2,\"byline\":null,"
	"\"dateline\":null}\n"
	"{\"type\":\"event\",\"id\":\"a1-1-1\",\"doc\":\"a1\",\"sentence\":1,"
	"\"date\":\"2025-03-04\",\"date_precision\":\"day\","
	"\"actor\":{\"code\":\"PRKGOV\",\"country\":\"PRK\",\"sector\":\"GOV\",\"text\":\"Pyongyang\"},"
	"\"recipient\":{\"code\":\"KORGOV\",\"country\":\"KOR\",\"sector\":\"GOV\",\"text\":\"Seoul\"},"
	"\"event\":\"ACCUSE\",\"mode\":null,\"aux_mode\":\"negated\",\"hedge\":null,"
	"\"quad_code\":3,\"cameo\":\"1121\",\"goldstein\":-2.25,\"said_by\":null,"
	"\"event_loc\":null,\"trigger\":\"criticize\",\"span\":[0,33],"
	"\"text\":\"Pyongyang did not criticize Seoul.\"}\n"
	"{\"type\":\"event\",\"id\":\"a1-2-1\",\"doc\":\"a1\",\"sentence\":2,"
	"\"date\":\"2025-03-04\",\"date_precision\":\"day\","
	"\"actor\":{\"code\":\"PRK\",\"country\":\"PRK\",\"sector\":null,\"text\":\"North Korea\"},"
	"\"recipient\":null,\"event\":\"ASSAULT\",\"mode\":\"aerial\",\"aux_mode\":\"asserted\","
	"\"hedge\":null,\"quad_code\":4,\"cameo\":\"195\",\"goldstein\":-9.5,"
	"\"said_by\":{\"code\":\"KORGOV\",\"text\":\"Seoul\"},\"event_loc\":null,"
	"\"trigger\":\"fired missiles at\",\"span\":[36,65],"
	"\"text\":\"North Korea fired missiles at South Korean troops, Seoul said.\"}\n";

/* Both events; absent recipient, sector, mode, said_by and place are empty. */
static const char want_tsv[] =
	"a1-1-1|a1|1|2025-03-04|day|PRKGOV|PRK|GOV|Pyongyang|KORGOV|KOR|GOV|Seoul|"
	"ACCUSE||negated|3|1121|-2.25||||criticize|0|33|"
	"Pyongyang did not criticize Seoul.||||\n"
	"a1-2-1|a1|2|2025-03-04|day|PRK|PRK||North Korea|||||"
	"ASSAULT|aerial|asserted|4|195|-9.5|KORGOV|Seoul||fired missiles at|36|65|"
	"North Korea fired missiles at South Korean troops, Seoul said.||||\n";

/*
 * Only the asserted event. GlobalEventID = XXH64("a1-2-1", seed 0) & INT64_MAX;
 * FractionDate = 2025 + (3 * 30 + 4) / 365; IsRootEvent 0: second paragraph.
 */
static const char want_gdelt[] =
	"6581610928718436505|20250304|202503|2025|2025.2575|"
	"PRK|North Korea|PRK||||||||"     /* Actor1: 10 columns */
	"||||||||||"                      /* Actor2: 10 columns, all absent */
	"0|195|195|19|4|-9.5|1|1|1||"     /* IsRootEvent .. AvgTone */
	"||||||||"                        /* Actor1Geo_* */
	"||||||||"                        /* Actor2Geo_* */
	"||||||||"                        /* ActionGeo_* */
	"20250304000000|https://x.test/a\n";

static void test_exact_lines(void **state)
{
	fixture *f = *state;
	vigil_doc d = make_doc("a1", "2025-03-04", "https://x.test/a", two_sentences);

	assert_string_equal(code(f, &d, VIGIL_OUTPUT_JSONL), want_jsonl);
	assert_string_equal(records(f, VIGIL_OUTPUT_TSV), tabs(want_tsv));
	assert_string_equal(records(f, VIGIL_OUTPUT_GDELT), tabs(want_gdelt));
	/* back to JSON Lines: the same records again */
	assert_string_equal(records(f, VIGIL_OUTPUT_JSONL), want_jsonl);
}

/*===== Absent values and control bytes ================================*/

/*
 * No date: empty date columns (and GDELT's Day .. FractionDate, DATEADDED).
 * Tabs and newlines in the id and url become spaces; the hedge is kept in
 * TSV, and a hedged but asserted event is exported to GDELT, as the lead
 * paragraph (IsRootEvent 1). The GlobalEventID hashes the id as given.
 */
static void test_absent_and_escaped(void **state)
{
	fixture *f = *state;
	vigil_doc d = make_doc("d\t1", NULL, "https://x.test/a\tb\nc",
			       "North Korea reportedly criticized Seoul.");

	assert_string_equal(
		code(f, &d, VIGIL_OUTPUT_TSV),
		tabs("d 1-1-1|d 1|1|||PRK|PRK||North Korea|KORGOV|KOR|GOV|Seoul|"
		     "ACCUSE||asserted|3|1121|-2.25|||reportedly|criticized|0|39|"
		     "North Korea reportedly criticized Seoul.||||\n"));
	assert_string_equal(
		records(f, VIGIL_OUTPUT_GDELT),
		tabs("7055824635472132212|||||"
		     "PRK|North Korea|PRK||||||||"
		     "KORGOV|Seoul|KOR|||||GOV|||"
		     "1|1121|112|11|3|-2.25|1|1|1||"
		     "||||||||||||||||||||||||"
		     "|https://x.test/a b c\n"));
}

/* A document without events has no rows (and an empty, non-NULL string). */
static void test_no_events(void **state)
{
	fixture *f = *state;
	vigil_doc d = make_doc("n1", "2025-03-04", NULL, "Nothing happened in Seoul.");

	assert_string_equal(code(f, &d, VIGIL_OUTPUT_TSV), "");
	assert_string_equal(records(f, VIGIL_OUTPUT_GDELT), "");
	assert_string_equal(records(f, VIGIL_OUTPUT_JSONL),
			    "{\"type\":\"document\",\"doc\":\"n1\",\"date\":\"2025-03-04\","
			    "\"source\":null,\"url\":null,\"title\":null,\"sentences\":1,"
			    "\"byline\":null,\"dateline\":null}\n");
}

/* Every row has as many fields as its format has columns. */
static void test_field_counts(void **state)
{
	fixture *f = *state;
	vigil_doc d = make_doc("a1", "2025-03-04", "https://x.test/a", two_sentences);
	const char *p;
	size_t rows = 0;

	for (p = code(f, &d, VIGIL_OUTPUT_TSV); *p; p = strchr(p, '\n') + 1, rows++)
		assert_int_equal(count_fields(p), 30);
	assert_int_equal(count_fields(vigil_output_header(VIGIL_OUTPUT_TSV)), 30);
	for (p = records(f, VIGIL_OUTPUT_GDELT); *p; p = strchr(p, '\n') + 1, rows++)
		assert_int_equal(count_fields(p), 61);
	assert_int_equal(rows, 3);
}

static void test_unknown_format(void **state)
{
	fixture *f = *state;
	vigil_doc d = make_doc("a1", NULL, NULL, two_sentences);
	const char *data = "x";
	size_t len = 1;

	assert_int_equal(vigil_worker_code(f->worker, &d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(f->worker, (vigil_output_format)99,
					      &data, &len),
			 VIGIL_EINPUT);
	assert_null(data);
	assert_int_equal(len, 0);
	assert_string_equal(vigil_worker_errmsg(f->worker), "unknown output format");
}

/* vigil_worker_records_take hands over exactly the bytes that
 * vigil_worker_records lends, in every format, and the worker renders the
 * same records again afterwards; TSV of a document without events is "". */
static void test_records_take(void **state)
{
	static const vigil_output_format formats[] = {
		VIGIL_OUTPUT_JSONL, VIGIL_OUTPUT_TSV, VIGIL_OUTPUT_GDELT,
	};
	static const char *const texts[] = {two_sentences, "Nothing happened."};
	fixture *f = *state;
	size_t i, k, len;
	char *taken, *again, *lent;

	for (k = 0; k < 2; k++)
		for (i = 0; i < 3; i++) {
			vigil_doc d = make_doc("a1", "2025-03-04", NULL, texts[k]);

			lent = strdup(code(f, &d, formats[i]));
			assert_non_null(lent);
			assert_int_equal(vigil_worker_records_take(f->worker, formats[i],
								   &taken, &len),
					 VIGIL_OK);
			assert_non_null(taken);
			assert_int_equal(len, strlen(lent));
			assert_string_equal(taken, lent);
			assert_string_equal(records(f, formats[i]), lent);
			assert_int_equal(vigil_worker_records_take(f->worker, formats[i],
								   &again, &len),
					 VIGIL_OK);
			assert_true(again != taken);
			assert_string_equal(again, lent);
			if (k == 1 && formats[i] == VIGIL_OUTPUT_TSV)
				assert_string_equal(taken, "");
			free(again);
			free(taken);
			free(lent);
		}
	assert_int_equal(vigil_worker_records_take(f->worker, (vigil_output_format)99,
						   &taken, &len),
			 VIGIL_EINPUT);
	assert_null(taken);
	assert_int_equal(len, 0);
}

/*===== Field writer ===================================================*/

static void test_field_writer(void **state)
{
	static const struct {
		const char *in;
		size_t len;
		const char *want;
	} cases[] = {
		{"plain", 5, "plain"},
		{"", 0, ""},
		{"a\tb", 3, "a b"},
		{"line\r\nnext\n", 11, "line  next "},
		{"\x01x\x7f\x1f", 4, " x  "},
		{"na\xc3\xafve \xe2\x80\x94 ok", 13, "na\xc3\xafve \xe2\x80\x94 ok"},
		{"nul\0byte", 8, "nul byte"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil__buf b;

		vigil__buf_init(&b, 0);
		vigil__tsv_put(&b, cases[i].in, cases[i].len);
		assert_int_equal(b.len, strlen(cases[i].want));
		assert_memory_equal(b.len ? b.data : "", cases[i].want, b.len);
		vigil__buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_exact_lines),
		cmocka_unit_test(test_absent_and_escaped),
		cmocka_unit_test(test_no_events),
		cmocka_unit_test(test_field_counts),
		cmocka_unit_test(test_unknown_format),
		cmocka_unit_test(test_records_take),
		cmocka_unit_test(test_field_writer),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
