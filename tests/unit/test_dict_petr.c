/*
 * test_dict_petr.c: the TABARI/PETRARCH translators (dict_petr*.c) and the
 * .vd pattern syntax (dict_pattern.c): for each kind, source lines in, the
 * exact native lines and skipped-line messages out; format detection; and
 * every error message of patterns and synsets in .vd sources.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon/dict_petr.h"

typedef struct diags {
	char text[8192];
} diags;

static void collect(void *ctx, const char *file, unsigned long line,
		    long long offset, const char *message)
{
	diags *d = ctx;
	size_t n = strlen(d->text);

	(void)file;
	(void)offset;
	snprintf(d->text + n, sizeof(d->text) - n, "%lu: %s\n", line, message);
}

static const struct {
	int kind;
	const char *src;
	const char *native;   /* translated text */
	const char *skipped;  /* messages */
} cases[] = {
	/* actors: groups, synonyms, indented codes, restrictions, comments */
	{VIGIL__PETR_ACTORS,
	 "<!-- header -->\nARNOR_  [ARN] # c\n+ARNORIAN_\nKING_X\n"
	 "\t[ARNGOV 950101-991231]\n\t[ARNELI <20000105] [ARNREB > 010101]\n"
	 "HAMAS [PSEREB]\n",
	 "[actors]\narnor = ARN type=country\narnorian = ARN type=country\n"
	 "king x = ARNGOV from=1995-01-01 until=1999-12-31\n"
	 "king x = ARNELI until=2000-01-04\n"
	 "king x = ARNREB from=2001-01-02\nhamas = PSEREB\n",
	 ""},
	/* a dated code comes before the group's open code */
	{VIGIL__PETR_ACTORS,
	 "HAMFAST GAMGEE [HOB]\n\t[HOBGOV 20121109-20130119]\n",
	 "[actors]\nhamfast gamgee = HOBGOV from=2012-11-09 until=2013-01-19\n"
	 "hamfast gamgee = HOB type=country\n",
	 ""},
	{VIGIL__PETR_ACTORS,
	 "+ORPHAN\n\t[ABC]\nA [B//C]\nB [ABC 9901]\nC [X\nD_(E)_ [DDD]\nF=G [H]\nLONE\n",
	 "[actors]\nd (e) = DDD type=country\n",
	 "1: skipped: synonym before any actor phrase\n"
	 "2: skipped: codes before any actor phrase\n"
	 "3: skipped: a code has only letters, digits, - and / between codes\n"
	 "4: skipped: bad date restriction (expected <date, >date or date-date)\n"
	 "5: skipped: '[' without ']'\n"
	 "7: skipped: a word holds | = ( or ) or starts with +, which the native format reserves\n"
	 "8: skipped: actor 'lone' has no code\n"},
	/* a multi-code actor keeps its codes joined by / */
	{VIGIL__PETR_ACTORS, "THE_SHIRE  [FRO/BIL/SAM]\nLORIEN [ELR/GAL]\n",
	 "[actors]\nthe shire = FRO/BIL/SAM\nlorien = ELR/GAL\n", ""},
	/* agents: plurals, braces, substitution sets, prefixes */
	{VIGIL__PETR_AGENTS,
	 "!P! = MAN, WOMEN\nCHAIR!P! {} [~GOV]\nARMY [~MIL]\nBOSS [~BUS]\n"
	 "GOOSE {GEESE} [~GGS]\nMSF {} [NGO~]\nX [GOV]\nY [~]\nZ !Q! [~A]\n",
	 "[agents]\nchairman = GOV\nchairwomen = GOV\narmy | armies = MIL\n"
	 "boss | bosses = BUS\ngoose | geese = GGS\nmsf = NGO~\n",
	 "7: skipped: bad agent code '[GOV]' (expected ~CODE or CODE~)\n"
	 "8: skipped: bad agent code '[~]' (expected ~CODE or CODE~)\n"
	 "9: skipped: unknown substitution set in 'Z !Q! '\n"},
	/* a set naming a set; more than 256 phrases from one line */
	{VIGIL__PETR_AGENTS,
	 "!R! = A, !R!\n!S! = A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P\n"
	 "!S!!S!!S! [~GOV]\n!T! = X, Y\nQ!T! {} [~GOV]\n",
	 "[agents]\nqx = GOV\nqy = GOV\n",
	 "1: skipped: substitution set member names a set\n"
	 "3: skipped: substitution sets expand to more than 256 phrases in "
	 "'!S!!S!!S! '\n"},
	/* Treebank contractions joined as text writes them */
	{VIGIL__PETR_VERBS, "&NEG\n+DID N'T\n+CA_N'T_\n+N'T_GO_\n+WILL NOT\n",
	 "[synsets]\ndidn't | didn'ts = &neg\ncan't = &neg\nn't go = &neg\n"
	 "will not | will nots = &neg\n",
	 ""},
	/* verbs: synsets, blocks, forms, multi-word verbs, patterns */
	{VIGIL__PETR_VERBS,
	 "&MONEY\n+DOLLAR\n+EURO_\n--- PAY [070] ---\nPAY {PAYS PAID}\n"
	 "WIRE_+TAP [071]\n- $ WILL * &MONEY_TO + [072:073]\n- * BACK [---]\n"
	 "- NOTHING [070]\n- * &NOPE [070]\n- * [a1]\n- * X\n~ a b\n",
	 "[synsets]\ndollar | dollars = &money\neuro = &money\n[verbs]\n"
	 "pay | pays | paid = 070 pos=verb-only\n"
	 "pay | pays | paid = 072 pos=verb-only pattern=$,will,*,&money_to,+\n"
	 "pay | pays | paid = 073 pos=verb-reverse pattern=$,will,*,&money_to,+\n"
	 "pay | pays | paid = --- pos=verb-only pattern=*,back\n"
	 "wire +tap = 071 pos=verb-only\n"
	 "wire +tap = 072 pos=verb-only pattern=$,will,*,&money_to,+\n"
	 "wire +tap = 073 pos=verb-reverse pattern=$,will,*,&money_to,+\n"
	 "wire +tap = --- pos=verb-only pattern=*,back\n",
	 "9: skipped: pattern needs exactly one * for the verb\n"
	 "10: skipped: unknown synset in '&NOPE'\n"
	 "11: skipped: bad event code\n"
	 "12: skipped: pattern without [code]\n"
	 "13: skipped: transformation rules (~) are not supported\n"},
	/* TABARI's regular past beside WordNet's irregular forms */
	{VIGIL__PETR_VERBS, "--- CHIDE [131] ---\nCHIDE\nCHIDE_OFF {CHID_OFF}\n"
	 "- * SOFTLY [132:133]\n",
	 "[verbs]\n+chide = 131 pos=verb-only\n"
	 "+chide = 132 pos=verb-only pattern=*,softly\n"
	 "+chide = 133 pos=verb-reverse pattern=*,softly\n"
	 "chided = 131 pos=verb-only\n"
	 "chided = 132 pos=verb-only pattern=*,softly\n"
	 "chided = 133 pos=verb-reverse pattern=*,softly\n"
	 "chide off | chid off = 131 pos=verb-only\n"
	 "chide off | chid off = 132 pos=verb-only pattern=*,softly\n"
	 "chide off | chid off = 133 pos=verb-reverse pattern=*,softly\n",
	 ""},
	{VIGIL__PETR_VERBS, "- * X [010]\nLONE\n--- A ---\n",
	 "",
	 "1: skipped: pattern outside a --- block ---\n"
	 "2: skipped: verb outside a --- block ---\n"
	 "3: skipped: bad verb block header (expected --- NAME [code] ---)\n"},
	/* discards */
	{VIGIL__PETR_DISCARDS, "BASEBALL\n+TYPHOON # story\n",
	 "[discards]\nbaseball = sentence\ntyphoon = story\n", ""},
};

static void test_translate(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vigil__dict_set s;
		vigil__petr_out o;
		diags d;

		memset(&d, 0, sizeof(d));
		vigil__dict_set_init(&s, collect, &d);
		print_message("case %zu\n", i);
		assert_int_equal(vigil__petr_translate(&o, &s, "t", cases[i].kind,
						       cases[i].src,
						       strlen(cases[i].src)),
				 VIGIL_OK);
		assert_string_equal(o.text ? o.text : "", cases[i].native);
		assert_string_equal(d.text, cases[i].skipped);
		assert_int_equal(s.nerrors, 0);
		vigil__petr_out_free(&o);
		vigil__dict_set_free(&s);
	}
}

static void test_detect(void **state)
{
	(void)state;
	assert_int_equal(vigil__petr_detect("a/x.actors.txt", "", 0), VIGIL__PETR_ACTORS);
	assert_int_equal(vigil__petr_detect("X.Agents.txt", "", 0), VIGIL__PETR_AGENTS);
	assert_int_equal(vigil__petr_detect("CAMEO.2.0.txt", "", 0), VIGIL__PETR_VERBS);
	assert_int_equal(vigil__petr_detect("p.discards.txt", "", 0), VIGIL__PETR_DISCARDS);
	assert_int_equal(vigil__petr_detect("Phoenix.IssueCoding.txt", "", 0),
			 VIGIL__PETR_ISSUES);
	assert_int_equal(vigil__petr_detect("a.vd", "--- X [010] ---\n", 16),
			 VIGIL__PETR_NONE);
	assert_int_equal(vigil__petr_detect("v", "--- X [010] ---\n", 16),
			 VIGIL__PETR_VERBS);
	assert_int_equal(vigil__petr_detect("g", "A [~GOV]\nB [~MIL]\n", 18),
			 VIGIL__PETR_AGENTS);
	assert_int_equal(vigil__petr_detect("c", "A [AAA]\n", 8), VIGIL__PETR_ACTORS);
	assert_int_equal(vigil__petr_detect("n", "x = 1\n", 6), VIGIL__PETR_NONE);
	assert_true(vigil__petr_name("Phoenix.agents.txt"));
	assert_false(vigil__petr_name(".hidden.agents.txt"));
	assert_false(vigil__petr_name("README.md"));
}

/* .vd patterns and synsets: items stored, and every error message. */
static const struct {
	const char *vd;
	const char *patterns;  /* stored patterns, one per line */
	const char *errors;
} vd_cases[] = {
	{"[synsets]\na | b c = &s\n[verbs]\n+go = 010 pattern=$,*,&S_to,+\n",
	 "$,*,a_to,+\n$,*,b_c_to,+\n", ""},
	{"[verbs]\n+go = 010 pattern=*,Home\n+go = 010 pattern=N'T_*\n",
	 "*,home\nn't_*\n", ""},
	{"[verbs]\n+go = 010 pattern=x\n", "",
	 "2: bad pattern 'x' (needs exactly one * for the verb)\n"},
	{"[verbs]\n+go = 010 pattern=*,,x\n", "", "2: bad pattern '*,,x' (empty item)\n"},
	{"[verbs]\n+go = 010 pattern=*,x,\n", "", "2: bad pattern '*,x,' (empty item)\n"},
	{"[verbs]\n+go = 010 pattern=*,&nope\n", "",
	 "2: unknown synset '&nope' (define it in [synsets] first)\n"},
	{"[verbs]\n+go = 010 pattern=*,a&b\n", "", "2: bad pattern word 'a&b'\n"},
	{"[synsets]\nx = food\n", "",
	 "2: bad synset name 'food' (must be & and letters, digits or _)\n"},
	{"[verbs]\n+go = 1x\n", "",
	 "2: bad CAMEO code '1x' (must be 2 to 4 digits, the third and fourth may be capitals, or ---)\n"},
	{"[discards]\nfoo = page\n", "",
	 "2: bad discard scope 'page' (must be sentence or story)\n"},
};

static void test_vd_patterns(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(vd_cases) / sizeof(vd_cases[0]); i++) {
		vigil__dict_set s;
		diags d;
		char got[1024] = "";

		memset(&d, 0, sizeof(d));
		vigil__dict_set_init(&s, collect, &d);
		print_message("vd case %zu\n", i);
		assert_int_equal(vigil__dict_parse_mem(&s, "t.vd", vd_cases[i].vd,
						       strlen(vd_cases[i].vd), 0),
				 VIGIL_OK);
		for (k = 0; k < s.nitems; k++)
			if (s.items[k].pattern)
				snprintf(got + strlen(got), sizeof(got) - strlen(got),
					 "%s\n", s.items[k].pattern);
		assert_string_equal(got, vd_cases[i].patterns);
		assert_string_equal(d.text, vd_cases[i].errors);
		vigil__dict_set_free(&s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_translate),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_vd_patterns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
