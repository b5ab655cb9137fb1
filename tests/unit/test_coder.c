/*
 * test_coder.c: the coder through the public API: document records, the
 * derived document id, mention records with a small dictionary, date
 * restrictions, rejection and repair of invalid UTF-8, and reuse of one
 * worker for many documents.
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

#include "code/analysis.h"
#include "testutil.h"

static const char test_dict[] =
	"[actors]\n"
	"North Korea | DPRK = PRK type=country\n"
	"Pyongyang = PRKGOV type=capital country=PRK\n"
	"Vladimir Putin = RUSGOV type=person from=2012-05-07\n"
	"Vladimir Putin = RUSGOV type=person role=pm until=2012-05-06\n"
	"C\xc3\xb4te d\xe2\x80\x99Ivoire = CIV type=country\n" /* curly ' */
	"[agents]\n"
	"troop(s) = MIL\n"
	"[verbs]\n"
	"+send = 072 goldstein=8.3 quad=2 plover=AID mode=military\n"
	"[places]\n"
	"North Korea = PRK type=country country=PRK\n";

typedef struct fixture {
	vigil_dict *dict;
	vigil_coder *coder;
	vigil_worker *worker;
} fixture;

static fixture *make_fixture(unsigned flags)
{
	fixture *f = calloc(1, sizeof(*f));
	vigil_dict_options dopts = VIGIL_DICT_OPTIONS_INIT;
	vigil_coder_options copts = VIGIL_CODER_OPTIONS_INIT;
	const char *path = tu_write_temp(".vd", test_dict, strlen(test_dict));
	char err[256];

	assert_non_null(f);
	assert_non_null(path);
	dopts.no_cache = 1;
	assert_int_equal(vigil_dict_open(&f->dict, &path, 1, &dopts, err, sizeof(err)),
			 VIGIL_OK);
	remove(path);
	copts.dict = f->dict;
	copts.flags = flags;
	assert_int_equal(vigil_coder_new(&f->coder, &copts), VIGIL_OK);
	assert_int_equal(vigil_worker_new(&f->worker, f->coder), VIGIL_OK);
	return f;
}

static void free_fixture(fixture *f)
{
	vigil_worker_free(f->worker);
	vigil_coder_free(f->coder);
	vigil_dict_free(f->dict);
	free(f);
}

static vigil_doc text_doc(const char *text, const char *date)
{
	vigil_doc d;

	memset(&d, 0, sizeof(d));
	d.text = text;
	d.text_len = strlen(text);
	d.date = date;
	d.origin = "t.txt";
	d.line = 0;
	d.text_offset = 0;
	return d;
}

static const char *records_of(fixture *f, const vigil_doc *d)
{
	const char *data;
	size_t len;

	assert_int_equal(vigil_worker_code(f->worker, d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(f->worker, VIGIL_OUTPUT_JSONL, &data, &len),
			 VIGIL_OK);
	assert_int_equal(strlen(data), len);
	return data;
}

static void test_document_record(void **state)
{
	fixture *f = make_fixture(0);
	vigil_doc d = text_doc("North Korea sent troops. Pyongyang said nothing.\n",
			       "2025-02-15");
	const char *out;
	char want[512];
	char id[17];

	(void)state;
	d.source = "Harbor Wire";
	d.title = "A \"title\"";
	vigil__doc_id(&d, id);
	snprintf(want, sizeof(want),
		 "{\"type\":\"document\",\"doc\":\"%s\",\"date\":\"2025-02-15\","
		 "\"source\":\"Harbor Wire\",\"url\":null,\"title\":\"A \\\"title\\\"\","
		 "\"sentences\":2,\"byline\":null,\"dateline\":null}\n",
		 id);
	/* the document record comes first; the event of sentence 1 follows */
	out = records_of(f, &d);
	assert_memory_equal(out, want, strlen(want));
	assert_true(strncmp(out + strlen(want), "{\"type\":\"event\"", 15) == 0);
	free_fixture(f);
}

static void test_doc_id_is_stable(void **state)
{
	vigil_doc a = text_doc("Same text.", NULL), b = a;
	char ia[17], ib[17], ic[17];

	(void)state;
	vigil__doc_id(&a, ia);
	b.origin = "elsewhere.txt"; /* the file name does not matter */
	vigil__doc_id(&b, ib);
	assert_string_equal(ia, ib);
	b.source = "Other Outlet"; /* the source does */
	vigil__doc_id(&b, ic);
	assert_string_not_equal(ia, ic);
	assert_int_equal(strlen(ia), 16);
	/* XXH64("" NUL "Same text.", seed 0): a change breaks stored ids */
	assert_string_equal(ia, "70f6073c1a5db62d");
}

static void test_given_id_is_kept(void **state)
{
	fixture *f = make_fixture(0);
	vigil_doc d = text_doc("Troops.", NULL);
	vigil_doc_summary s;

	(void)state;
	d.id = "story-42";
	assert_non_null(strstr(records_of(f, &d), "\"doc\":\"story-42\""));
	vigil_worker_summary(f->worker, &s);
	assert_string_equal(s.id, "story-42");
	assert_int_equal(s.sentences, 1);
	free_fixture(f);
}

static void test_mentions(void **state)
{
	fixture *f = make_fixture(VIGIL_CODE_MENTIONS);
	vigil_doc d = text_doc("North Korea sent troops to Russia.", "2025-02-15");
	const char *out;
	char id[17], want[2048];

	(void)state;
	vigil__doc_id(&d, id);
	snprintf(want, sizeof(want),
		 "{\"type\":\"document\",\"doc\":\"%s\",\"date\":\"2025-02-15\","
		 "\"source\":null,\"url\":null,\"title\":null,\"sentences\":1,"
		 "\"byline\":null,\"dateline\":null}\n"
		 "{\"type\":\"mention\",\"doc\":\"%s\",\"sentence\":1,\"kind\":\"actor\","
		 "\"code\":\"PRK\",\"text\":\"North Korea\",\"span\":[0,11]}\n"
		 "{\"type\":\"mention\",\"doc\":\"%s\",\"sentence\":1,\"kind\":\"place\","
		 "\"code\":\"PRK\",\"text\":\"North Korea\",\"span\":[0,11]}\n"
		 "{\"type\":\"mention\",\"doc\":\"%s\",\"sentence\":1,\"kind\":\"verb\","
		 "\"code\":\"072\",\"text\":\"sent\",\"span\":[12,16]}\n"
		 "{\"type\":\"mention\",\"doc\":\"%s\",\"sentence\":1,\"kind\":\"agent\","
		 "\"code\":\"MIL\",\"text\":\"troops\",\"span\":[17,23]}\n",
		 id, id, id, id, id);
	out = records_of(f, &d);
	/* mentions first, then the sentence's event (tests/unit/test_events.c) */
	assert_memory_equal(out, want, strlen(want));
	assert_non_null(strstr(out + strlen(want), "\"actor\":{\"code\":\"PRK\""));
	free_fixture(f);
}

/* An entry restricted by dates is used only on documents of those dates. */
static void test_dated_entries(void **state)
{
	static const struct {
		const char *date;
		int mentions;      /* how many mentions of RUSGOV */
		const char *line;  /* the source line of the entry used */
	} cases[] = {
		{"2025-02-15", 1, "\"line\":4"},
		{"2010-01-01", 1, "\"line\":5"},
		{NULL, 1, "\"line\":4"}, /* no date: each code once */
	};
	fixture *f = make_fixture(VIGIL_CODE_MENTIONS | VIGIL_CODE_EXPLAIN);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil_doc d = text_doc("Vladimir Putin spoke.", cases[i].date);
		const char *out = records_of(f, &d), *p = out;
		int n = 0;

		while ((p = strstr(p, "\"code\":\"RUSGOV\"")) != NULL) {
			n++;
			p++;
		}
		assert_int_equal(n, cases[i].mentions);
		assert_non_null(strstr(out, cases[i].line));
		assert_non_null(strstr(out, "\"why\":{\"phrase\":\"Vladimir Putin\""));
	}
	free_fixture(f);
}

static void test_invalid_utf8_rejected(void **state)
{
	fixture *f = make_fixture(0);
	vigil_doc d = text_doc("Troops\xff moved.", NULL);

	(void)state;
	d.text_offset = 100; /* the text starts at byte 100 of the file */
	assert_int_equal(vigil_worker_code(f->worker, &d), VIGIL_EINPUT);
	assert_non_null(strstr(vigil_worker_errmsg(f->worker),
			       "t.txt: byte offset 106: "));
	assert_null(vigil_worker_warning(f->worker));
	free_fixture(f);
}

static void test_invalid_utf8_repaired(void **state)
{
	fixture *f = make_fixture(VIGIL_CODE_REPAIR);
	vigil_doc d = text_doc("Troops\xff moved.", NULL);

	(void)state;
	assert_non_null(strstr(records_of(f, &d), "\"sentences\":1"));
	assert_non_null(vigil_worker_warning(f->worker));
	assert_non_null(strstr(vigil_worker_warning(f->worker),
			       "t.txt: byte offset 6: "));
	free_fixture(f);
}

/* Dictionary phrases and text are normalized alike: NFD text and a curly
 * apostrophe in the dictionary still match. */
static void test_normalized_matching(void **state)
{
	fixture *f = make_fixture(VIGIL_CODE_MENTIONS);
	vigil_doc d = text_doc("Troops left Co\xcc\x82te d'Ivoire.", NULL);
	const char *out = records_of(f, &d);

	(void)state;
	assert_non_null(strstr(out, "\"code\":\"CIV\",\"text\":\"C\xc3\xb4te d'Ivoire\",\"span\":[12,26]"));
	free_fixture(f);
}

/* A given id is escaped wherever it appears, event ids included. */
static void test_id_escaped(void **state)
{
	fixture *f = make_fixture(0);
	vigil_doc d = text_doc("North Korea sent troops.", NULL);
	const char *out;

	(void)state;
	d.id = "a\t\"b";
	out = records_of(f, &d);
	assert_non_null(strstr(out, "{\"type\":\"document\",\"doc\":\"a\\t\\\"b\","));
	assert_non_null(strstr(out, "{\"type\":\"event\",\"id\":\"a\\t\\\"b-1-1\","));
	free_fixture(f);
}

/* One worker codes many documents; each result is that document's alone. */
static void test_worker_reuse(void **state)
{
	fixture *f = make_fixture(VIGIL_CODE_MENTIONS);
	int i;

	(void)state;
	for (i = 0; i < 200; i++) {
		vigil_doc d = text_doc(i % 2 ? "DPRK troops." : "Nothing here.", NULL);
		const char *out = records_of(f, &d);

		assert_int_equal(strstr(out, "\"kind\":\"agent\"") != NULL, i % 2);
	}
	free_fixture(f);
}

static void test_parse_date(void **state)
{
	static const struct {
		const char *in;
		uint32_t want;
	} cases[] = {
		{"2025-02-15", 20250215}, {"2024-02-29", 20240229},
		{"2025-13-01", 0},        {"2025-02-30", 0},
		{"2025-2-15", 0},         {"20250215", 0},
		{NULL, 0},                {"2025-02-15x", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(vigil__parse_date(cases[i].in), cases[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document_record),
		cmocka_unit_test(test_doc_id_is_stable),
		cmocka_unit_test(test_given_id_is_kept),
		cmocka_unit_test(test_mentions),
		cmocka_unit_test(test_dated_entries),
		cmocka_unit_test(test_invalid_utf8_rejected),
		cmocka_unit_test(test_invalid_utf8_repaired),
		cmocka_unit_test(test_normalized_matching),
		cmocka_unit_test(test_id_escaped),
		cmocka_unit_test(test_worker_reuse),
		cmocka_unit_test(test_parse_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
