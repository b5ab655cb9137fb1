/*
 * test_dict_parse.c: the .vd parser (dict_parse.c): every error message with
 * its exact text and line, parsing going on after errors, what a good line
 * turns into (items, attributes, token sequences), file and directory
 * errors, and the fuzz corpus as a regression run.
 *
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "lexicon/lexicon_int.h"
#include "testutil.h"

/* Diagnostics collected as "LINE: MESSAGE\n" (file names checked apart). */
typedef struct diags {
	char text[16384];
	char file[256];
} diags;

static void collect(void *ctx, const char *file, unsigned long line,
		    long long offset, const char *message)
{
	diags *d = ctx;
	size_t n = strlen(d->text);

	(void)offset;
	snprintf(d->file, sizeof(d->file), "%s", file);
	snprintf(d->text + n, sizeof(d->text) - n, "%lu: %s\n", line, message);
}

static size_t parse(vigil__dict_set *s, diags *d, const char *text, size_t len)
{
	memset(d, 0, sizeof(*d));
	vigil__dict_set_init(s, collect, d);
	assert_int_equal(vigil__dict_parse_mem(s, "t.vd", text, len, 0), VIGIL_OK);
	return s->nerrors;
}

/*===== Error messages ===============================================*/

static const struct {
	const char *vd;
	const char *errors;
} error_cases[] = {
	{"North Korea = PRK\n", "1: entry before any [section]\n"},
	{"# comment\n\n[actor]\nfoo = X\n", "3: unknown section '[actor]'\n"},
	{"[actors\n", "1: bad section header '[actors'\n"},
	{"[actors] x\n", "1: bad section header '[actors] x'\n"},
	{"[actors]\nNorth Korea PRK\n", "2: expected 'PHRASES = CODE'\n"},
	{"[actors]\nNorth Korea =\n", "2: expected 'PHRASES = CODE'\n"},
	{"[actors]\nNorth Korea = # PRK\n", "2: expected 'PHRASES = CODE'\n"},
	{"[actors]\nNorth Korea = type=country\n", "2: expected 'PHRASES = CODE'\n"},
	{"[verbs]\n+raise = 111 golstein=2\n",
	 "2: unknown key 'golstein' in [verbs] entry\n"},
	{"[agents]\ntroop(s) = MIL type=body\n",
	 "2: unknown key 'type' in [agents] entry\n"},
	{"[cues]\naccording to = ATTRIB x=1\n",
	 "2: unknown key 'x' in [cues] entry\n"},
	{"[actors]\nx = ABC goldstein=1\n",
	 "2: unknown key 'goldstein' in [actors] entry\n"},
	{"[verbs]\nx = 111 goldstein=12\n", "2: bad goldstein '12' (must be -10..10)\n"},
	{"[verbs]\nx = 111 goldstein=-10.5\n",
	 "2: bad goldstein '-10.5' (must be -10..10)\n"},
	{"[verbs]\nx = 111 goldstein=1e3\n", "2: bad goldstein '1e3' (must be -10..10)\n"},
	{"[verbs]\nx = 111 goldstein=2.\n", "2: bad goldstein '2.' (must be -10..10)\n"},
	{"[verbs]\nx = 111 quad=5\n", "2: bad quad '5' (must be 1..4)\n"},
	{"[verbs]\nx = 111 quad=1.5\n", "2: bad quad '1.5' (must be 1..4)\n"},
	{"[verbs]\nx = 111 pos=adj\n", "2: bad pos 'adj' (must be verb, verb-only, verb-reverse or noun)\n"},
	{"[verbs]\nx = 111 plover=ACUSE\n",
	 "2: bad plover 'ACUSE' (must be a PLOVER event type, e.g. ACCUSE)\n"},
	{"[verbs]\nx = 11a\n", "2: bad CAMEO code '11a' (must be 2 to 4 digits, the third and fourth may be capitals, or ---)\n"},
	{"[verbs]\nx = 12345\n", "2: bad CAMEO code '12345' (must be 2 to 4 digits, the third and fourth may be capitals, or ---)\n"},
	{"[cues]\nx = ATRIB\n",
	 "2: bad cue class 'ATRIB' (must be ATTRIB, HEDGE, NEG, MODAL, FUTURE, "
	 "PAST, REFUSE or DENY)\n"},
	{"[actors]\nx = X from=2019-13-01\n", "2: bad date 'from=2019-13-01'\n"},
	{"[actors]\nx = X until=2023-02-29\n", "2: bad date 'until=2023-02-29'\n"},
	{"[actors]\nx = X from=2019-1-1\n", "2: bad date 'from=2019-1-1'\n"},
	{"[actors]\nx = X from=2020-01-01 until=2019-12-31\n",
	 "2: from=2020-01-01 is after until=2019-12-31\n"},
	{"[actors]\nx = X type=state\n",
	 "2: bad type 'state' (must be country, capital, demonym, person, org or body)\n"},
	{"[places]\nx = X type=town\n",
	 "2: bad type 'town' (must be country, admin1 or city)\n"},
	{"[actors]\nx = X country=ru\n",
	 "2: bad country 'ru' (must be 3 capital letters, e.g. RUS)\n"},
	{"[actors]\nx = X context=KOR,us\n",
	 "2: bad context 'KOR,us' (must be 3-letter codes separated by commas, "
	 "e.g. KOR,USA)\n"},
	{"[actors]\nx = X context=KOR,\n",
	 "2: bad context 'KOR,' (must be 3-letter codes separated by commas, "
	 "e.g. KOR,USA)\n"},
	{"[places]\nx = X lat=95\n", "2: bad lat '95' (must be -90..90)\n"},
	{"[places]\nx = X lon=-180.01\n", "2: bad lon '-180.01' (must be -180..180)\n"},
	{"[actors]\nx = X type=country type=org\n", "2: duplicate key 'type'\n"},
	{"[actors]\nx = X type\n", "2: expected key=value, got 'type'\n"},
	{"[actors]\nx = X role=\n", "2: expected key=value, got 'role='\n"},
	{"[actors]\nx = X =a\n", "2: expected key=value, got '=a'\n"},
	{"[actors]\n = X\n", "2: empty phrase\n"},
	{"[actors]\na || b = X\n", "2: empty phrase\n"},
	{"[actors]\na | = X\n", "2: empty phrase\n"},
	{"[actors]\na b c d e f g h i j k l m n o p q = X\n",
	 "2: phrase longer than 16 words\n"},
	{"[actors]\na's b's c's d's e's f's g's h's i's = X\n",
	 "2: phrase longer than 16 words\n"},
	{"[verbs]\n+ = 111\n", "2: bad verb '+' ('+' must be followed by a word)\n"},
	{"[verbs]\n++raise = 111\n",
	 "2: bad verb '++raise' ('+' must be followed by a word)\n"},
	{"[verbs]\n+raise(s) = 111\n",
	 "2: bad verb '+raise(s)' ('+' and '(...)' cannot be combined)\n"},
	{"[agents]\ntroop(s = MIL\n",
	 "2: bad word 'troop(s' (a suffix is written word(s))\n"},
	{"[agents]\ntroop() = MIL\n",
	 "2: bad word 'troop()' (a suffix is written word(s))\n"},
	{"[agents]\ntroop(s)x = MIL\n",
	 "2: bad word 'troop(s)x' (a suffix is written word(s))\n"},
	{"[agents]\ntroops) = MIL\n",
	 "2: bad word 'troops)' (a suffix is written word(s))\n"},
	{"[verbs]\n+raise +raise +raise +raise +raise = 111\n",
	 "2: phrase expands to more than 256 variants\n"},
	/* several errors on one line, in order; then the next line */
	{"[verbs]\nx = abc golstein=1 quad=9\ny = 11 plover=X\n",
	 "2: bad CAMEO code 'abc' (must be 2 to 4 digits, the third and fourth may be capitals, or ---)\n"
	 "2: unknown key 'golstein' in [verbs] entry\n"
	 "2: bad quad '9' (must be 1..4)\n"
	 "3: bad plover 'X' (must be a PLOVER event type, e.g. ACCUSE)\n"},
	/* an attribute error does not hide phrase errors */
	{"[actors]\na || b = X type=x\n",
	 "2: bad type 'x' (must be country, capital, demonym, person, org or body)\n"
	 "2: empty phrase\n"},
	/* line numbers survive CRLF, comments and blank lines */
	{"[actors]\r\n# c\r\n\r\n \t # indented\r\ny PRK\r\n",
	 "5: expected 'PHRASES = CODE'\n"},
	/* an unknown section is reported once, its entries skipped */
	{"[actor]\na = b\nc = d\n[agents]\ne\n",
	 "1: unknown section '[actor]'\n5: expected 'PHRASES = CODE'\n"},
};

static void test_errors(void **state)
{
	vigil__dict_set s;
	diags d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
		parse(&s, &d, error_cases[i].vd, strlen(error_cases[i].vd));
		if (strcmp(d.text, error_cases[i].errors) != 0)
			print_error("case %zu: %s", i, error_cases[i].vd);
		assert_string_equal(d.text, error_cases[i].errors);
		assert_string_equal(d.file, "t.vd");
		assert_int_equal(s.nitems, 0);  /* a bad line adds nothing */
		vigil__dict_set_free(&s);
	}
}

/* Errors that need bytes a C string literal cannot hold. */
static void test_byte_errors(void **state)
{
	static const char nul[] = "[cues]\nx\0y = NEG\nz = NEG\n";
	static const char bad_utf8[] = "[cues]\n\xff = NEG\nok = NEG\n\xc3( = NEG\n";
	char *longline;
	vigil__dict_set s;
	diags d;

	(void)state;
	parse(&s, &d, nul, sizeof(nul) - 1);
	assert_string_equal(d.text, "2: NUL byte\n");
	assert_int_equal(s.nitems, 1);
	vigil__dict_set_free(&s);

	parse(&s, &d, bad_utf8, sizeof(bad_utf8) - 1);
	assert_string_equal(d.text, "2: invalid UTF-8\n4: invalid UTF-8\n");
	assert_int_equal(s.nitems, 1);
	vigil__dict_set_free(&s);

	/* 4096 bytes are fine, 4097 are not; the next line still parses */
	longline = malloc(8300);
	assert_non_null(longline);
	strcpy(longline, "[cues]\n");
	memset(longline + 7, 'a', 4090);
	memcpy(longline + 7 + 4090, " = NEG\n", 7);           /* 4096 + '\n' */
	memset(longline + 7 + 4097, 'b', 4091);
	memcpy(longline + 7 + 4097 + 4091, " = NEG\n", 7);    /* 4097 + '\n' */
	parse(&s, &d, longline, 7 + 4097 + 4098);
	assert_string_equal(d.text, "2: word longer than 255 bytes\n"
				    "3: line longer than 4096 bytes\n");
	vigil__dict_set_free(&s);

	memset(longline + 7, 'a', 300);
	strcpy(longline + 307, " = NEG\n");
	parse(&s, &d, longline, strlen(longline));
	assert_string_equal(d.text, "2: word longer than 255 bytes\n");
	vigil__dict_set_free(&s);
	free(longline);
}

/*===== What good lines become =======================================*/

static const char good_vd[] =
	"\xef\xbb\xbf# byte order mark, then a comment\n"
	"[actors]\n"
	"North Korea | DPRK | N. Korea = PRK  type=country\n"
	"Volodymyr Zelenskiy = UKRGOV type=person role=president from=2019-05-20\n"
	"Joint Chiefs of Staff | JCS = ---MIL  type=body context=KOR,USA  # comment\n"
	"Islamic State (IS) = IMGISL\n"
	"[agents]\n"
	"soldier(s) = MIL\n"
	"[verbs]\n"
	"+raise concern(s) over = 111  goldstein=-2.0 quad=3 plover=ACCUSE mode=disapprove\n"
	"the capture of = 173 pos=noun goldstein=-5 quad=4\n"
	"[places]\n"
	"Kursk Oblast = RU-KRS type=admin1 country=RUS lat=51.7 lon=36.2\n"
	"[cues]\n"
	"+deny = DENY\n";

static const vigil__dict_item *item(const vigil__dict_set *s, const char *phrase)
{
	size_t i;

	for (i = 0; i < s->nitems; i++)
		if (strcmp(s->items[i].phrase, phrase) == 0)
			return &s->items[i];
	fail_msg("no item '%s'", phrase);
	return NULL;
}

/* Sequence k of item `it` as its folded words joined by spaces. */
static void sequence(const vigil__dict_set *s, const vigil__dict_item *it,
		     uint32_t k, char *out, size_t cap)
{
	const vigil__dict_seq *q = &s->seqs[it->seq_first + k];
	uint32_t i;

	out[0] = '\0';
	for (i = 0; i < q->len; i++) {
		const vigil__dict_word *w = &s->words[s->seq_words[q->first + i]];

		if (i)
			strncat(out, " ", cap - strlen(out) - 1);
		strncat(out, w->s, cap - strlen(out) - 1);
		if (w->cs)
			strncat(out, "^", cap - strlen(out) - 1);
	}
}

static void test_good(void **state)
{
	static const char *const raise_seqs[] = {
		"raise concern over", "raise concerns over", "raises concern over",
		"raises concerns over", "raising concern over",
		"raising concerns over", "raised concern over",
		"raised concerns over"};
	const vigil__dict_item *it;
	vigil__dict_set s;
	diags d;
	char seq[256];
	uint32_t k;

	(void)state;
	assert_int_equal(parse(&s, &d, good_vd, sizeof(good_vd) - 1), 0);
	assert_string_equal(d.text, "");
	assert_int_equal(s.nitems, 12);

	it = item(&s, "DPRK");
	assert_int_equal(it->kind, VIGIL_KIND_ACTOR);
	assert_int_equal(it->line, 3);
	assert_string_equal(it->code, "PRK");
	assert_string_equal(it->type, "country");
	assert_null(it->country);
	assert_int_equal(it->seq_count, 1);
	sequence(&s, it, 0, seq, sizeof(seq));
	assert_string_equal(seq, "dprk^");  /* capitals: case-sensitive word */

	it = item(&s, "N. Korea");
	sequence(&s, it, 0, seq, sizeof(seq));
	assert_string_equal(seq, "n. korea");

	it = item(&s, "Volodymyr Zelenskiy");
	assert_string_equal(it->role, "president");
	assert_int_equal(it->from, 20190520);
	assert_int_equal(it->until, 0);

	it = item(&s, "JCS");
	assert_int_equal(it->line, 5);
	assert_string_equal(it->code, "---MIL");
	assert_string_equal(it->context, "KOR,USA");

	it = item(&s, "Islamic State (IS)");  /* parentheses without a stem */
	sequence(&s, it, 0, seq, sizeof(seq));
	assert_string_equal(seq, "islamic state ( is^ )");

	it = item(&s, "soldier(s)");
	assert_int_equal(it->kind, VIGIL_KIND_AGENT);
	assert_int_equal(it->seq_count, 2);
	sequence(&s, it, 1, seq, sizeof(seq));
	assert_string_equal(seq, "soldiers");

	it = item(&s, "+raise concern(s) over");
	assert_int_equal(it->kind, VIGIL_KIND_VERB);
	assert_true(it->goldstein == -2.0);
	assert_int_equal(it->quad, 3);
	assert_string_equal(it->plover, "ACCUSE");
	assert_string_equal(it->mode, "disapprove");
	assert_null(it->pos);
	assert_int_equal(it->seq_count, 8);
	for (k = 0; k < 8; k++) {
		sequence(&s, it, k, seq, sizeof(seq));
		assert_string_equal(seq, raise_seqs[k]);
	}

	it = item(&s, "the capture of");
	assert_string_equal(it->pos, "noun");
	assert_true(it->goldstein == -5.0);
	assert_true(isnan(it->lat));

	it = item(&s, "Kursk Oblast");
	assert_int_equal(it->kind, VIGIL_KIND_PLACE);
	assert_true(it->lat == 51.7);
	assert_true(it->lon == 36.2);
	assert_string_equal(it->country, "RUS");
	assert_true(isnan(it->goldstein));
	assert_int_equal(it->quad, 0);

	it = item(&s, "+deny");  /* `+` works in any section */
	assert_int_equal(it->kind, VIGIL_KIND_CUE);
	assert_int_equal(it->seq_count, 4);
	sequence(&s, it, 3, seq, sizeof(seq));
	assert_string_equal(seq, "denied");
	vigil__dict_set_free(&s);
}

/* Hyphens inside words vanish from sequences: "Kim Jong-un" = "Kim Jong Un". */
static void test_inner_hyphen(void **state)
{
	static const char vd[] = "[actors]\nKim Jong-un | Kim Jong Un = PRKGOV\n";
	vigil__dict_set s;
	diags d;
	char a[64], b[64];

	(void)state;
	assert_int_equal(parse(&s, &d, vd, sizeof(vd) - 1), 0);
	assert_int_equal(s.nitems, 2);
	sequence(&s, &s.items[0], 0, a, sizeof(a));
	sequence(&s, &s.items[1], 0, b, sizeof(b));
	assert_string_equal(a, "kim jong un");
	assert_string_equal(b, a);
	assert_int_equal(s.nwords, 3);
	vigil__dict_set_free(&s);
}

/*===== Files and directories ========================================*/

static void test_files(void **state)
{
	char dir[] = "/tmp/vigil-test-dictdir-XXXXXX";
	char path[512], other[512], missing[512];
	const char *paths[2];
	diags d;
	size_t nerr = 99;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* an empty directory is an error */
	memset(&d, 0, sizeof(d));
	paths[0] = dir;
	assert_int_equal(vigil_dict_check(paths, 1, collect, &d, &nerr), VIGIL_EINPUT);
	assert_int_equal(nerr, 1);
	assert_string_equal(d.text, "0: no .vd or TABARI/PETRARCH dictionary files in directory\n");
	assert_string_equal(d.file, dir);

	/* files are read in name order; errors name their file */
	snprintf(path, sizeof(path), "%s/b.vd", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("[cues]\nx = NOPE\n", f);
	fclose(f);
	snprintf(other, sizeof(other), "%s/a.vd", dir);
	f = fopen(other, "w");
	assert_non_null(f);
	fputs("[cues]\ny = NEG\n\nz NEG\n", f);
	fclose(f);
	snprintf(missing, sizeof(missing), "%s/notes.txt", dir);
	f = fopen(missing, "w");  /* not a .vd: ignored */
	assert_non_null(f);
	fputs("garbage\n", f);
	fclose(f);
	memset(&d, 0, sizeof(d));
	assert_int_equal(vigil_dict_check(paths, 1, collect, &d, &nerr), VIGIL_EINPUT);
	assert_int_equal(nerr, 2);
	assert_string_equal(d.text,
			    "4: expected 'PHRASES = CODE'\n"
			    "2: bad cue class 'NOPE' (must be ATTRIB, HEDGE, NEG, "
			    "MODAL, FUTURE, PAST, REFUSE or DENY)\n");
	assert_string_equal(d.file, path);  /* the last error: b.vd */

	/* a good file alone passes; a missing one is reported */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("[cues]\nx = NEG\n", f);
	fclose(f);
	paths[0] = path;
	assert_int_equal(vigil_dict_check(paths, 1, NULL, NULL, &nerr), VIGIL_OK);
	assert_int_equal(nerr, 0);
	snprintf(missing, sizeof(missing), "%s/none.vd", dir);
	paths[1] = missing;
	memset(&d, 0, sizeof(d));
	assert_int_equal(vigil_dict_check(paths, 2, collect, &d, &nerr), VIGIL_EINPUT);
	assert_int_equal(nerr, 1);
	assert_string_equal(d.text, "0: cannot open: No such file or directory\n");
	assert_string_equal(d.file, missing);

	unlink(path);
	unlink(other);
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	unlink(path);
	rmdir(dir);
}

/* vigil_dict_open reports every error, then fails with VIGIL_EINPUT. */
static void test_open_errors(void **state)
{
	static const char vd[] = "[verbs]\nx = 1\ny = 111 quad=0\n";
	const char *path = tu_write_temp(".vd", vd, sizeof(vd) - 1);
	vigil_dict_options o = VIGIL_DICT_OPTIONS_INIT;
	vigil_dict *dict = (vigil_dict *)&o;
	char err[128];
	diags d;

	(void)state;
	assert_non_null(path);
	memset(&d, 0, sizeof(d));
	o.no_cache = 1;
	o.diag = collect;
	o.diag_ctx = &d;
	assert_int_equal(vigil_dict_open(&dict, &path, 1, &o, err, sizeof(err)),
			 VIGIL_EINPUT);
	assert_null(dict);
	assert_string_equal(err, "2 errors in dictionary sources");
	assert_string_equal(d.text, "2: bad CAMEO code '1' (must be 2 to 4 digits, the third and fourth may be capitals, or ---)\n"
				    "3: bad quad '0' (must be 1..4)\n");
	unlink(path);
}

/* Every seed of the fuzzer parses without crashing (a regression run). */
static void test_fuzz_corpus(void **state)
{
	DIR *dir = opendir("tests/fuzz/corpus/dict");
	struct dirent *de;
	size_t files = 0;

	(void)state;
	if (!dir)
		skip();
	while ((de = readdir(dir)) != NULL) {
		char path[512];
		vigil__dict_set s;
		char *data;
		size_t len = 0;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "tests/fuzz/corpus/dict/%s", de->d_name);
		data = tu_read_file(path, &len);
		if (!data)
			continue;
		vigil__dict_set_init(&s, NULL, NULL);
		assert_int_equal(vigil__dict_parse_mem(&s, path, data, len, 0), VIGIL_OK);
		vigil__dict_set_free(&s);
		free(data);
		files++;
	}
	closedir(dir);
	assert_true(files > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_byte_errors),
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_inner_hyphen),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_fuzz_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
