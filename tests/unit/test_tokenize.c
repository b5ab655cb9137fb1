/*
 * test_tokenize.c: the tokenizer on exact inputs (types, spans and every
 * flag of every token), the cutting of over-long tokens, the count
 * returned by vigil__tokenize_phrase past `max`, word ends around the
 * 8-byte word scan, vigil__fold, and the short-token helpers
 * (vigil__text_load16, vigil__text_load16_room, vigil__text_lower8,
 * vigil__text_lower16_room).
 *
 * Expected tokens are written "TYPE:text:FLAGS" with TYPE W N P POSS S and
 * FLAGS from C (CAP) U (UPPER) S (SPACE) A (ABBREV) I (INNER) X (ASCII).
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

static const char *const type_names[] = {"W", "N", "P", "POSS", "S"};

/* Renders tokens as "TYPE:text:FLAGS ..." into out. */
static void render(const char *s, const vigil__token *t, size_t n, char *out,
		   size_t cap)
{
	static const struct {
		unsigned flag;
		char c;
	} letters[] = {
		{VIGIL_TF_CAP, 'C'},   {VIGIL_TF_UPPER, 'U'}, {VIGIL_TF_SPACE, 'S'},
		{VIGIL_TF_ABBREV, 'A'}, {VIGIL_TF_INNER, 'I'}, {VIGIL_TF_ASCII, 'X'},
	};
	size_t i, k, o = 0;

	out[0] = '\0';
	for (i = 0; i < n && o + 1 < cap; i++) {
		o += (size_t)snprintf(out + o, cap - o, "%s%s:%.*s:", i ? " " : "",
				      type_names[t[i].type], (int)t[i].len, s + t[i].off);
		for (k = 0; k < sizeof(letters) / sizeof(letters[0]) && o + 1 < cap; k++)
			if (t[i].flags & letters[k].flag)
				out[o++] = letters[k].c;
		out[o < cap ? o : cap - 1] = '\0';
	}
}

static const struct tok_case {
	const char *in;
	const char *expect;
} tok_cases[] = {
	/* numbers */
	{"11,000 troops", "N:11,000:SX W:troops:SX"},
	{"1.5 million", "N:1.5:SX W:million:SX"},
	{"3.5 percent", "N:3.5:SX W:percent:SX"},
	{"$5 billion", "S:$:SX N:5:X W:billion:SX"},
	{"30%", "N:30:SX S:%:X"},
	{"2024-06-15", "N:2024-06-15:SX"},
	{"2024-25", "N:2024:SX P:-:IX N:25:X"},
	{"12:30", "N:12:30:SX"},
	{"3rd 3,000th 1990s", "N:3rd:SX N:3,000th:SX N:1990s:SX"},
	{"1,2", "N:1:SX P:,:X N:2:X"},
	{"10km", "N:10:SX W:km:X"},
	{"'90s", "P:':SX N:90s:X"},
	{"-5 - 3", "P:-:SX N:5:X P:-:SX N:3:SX"},
	/* possessives and apostrophes */
	{"Russia's", "W:Russia:CSX POSS:'s:X"},
	{"soldiers' lives", "W:soldiers:SX POSS:':X W:lives:SX"},
	{"don't", "W:don't:SX"},
	{"O'Brien's", "W:O'Brien:CSX POSS:'s:X"},
	{"U.S.'s", "W:U.S.:CUSAX POSS:'s:X"},
	{"\"We'll fight,\" he said.",
	 "P:\":SX W:We'll:CX W:fight:SX P:,:X P:\":X W:he:SX W:said:SX P:.:X"},
	/* hyphens and slashes */
	{"Russia-Ukraine war", "W:Russia:CSX P:-:IX W:Ukraine:CX W:war:SX"},
	{"U.S.-led", "W:U.S.:CUSAX P:-:IX W:led:X"},
	{"F-16", "W:F:CSX P:-:IX N:16:X"},
	{"COVID-19", "W:COVID:CUSX P:-:IX N:19:X"},
	{"and/or 24/7", "W:and:SX P:/:IX W:or:X N:24:SX P:/:IX N:7:X"},
	{"a--b", "W:a:SX P:-:X P:-:X W:b:X"},
	/* brackets, capitals */
	{"(JCS)", "P:(:SX W:JCS:CUX P:):X"},
	{"ICBM", "W:ICBM:CUSX"},
	{"A AB A1", "W:A:CSX W:AB:CUSX W:A1:CSX"},
	/* periods: abbreviations, initials, sentence ends */
	{"U.S. U.N. a.m. p.m.", "W:U.S.:CUSAX W:U.N.:CUSAX W:a.m.:SAX W:p.m.:SAX"},
	{"Mr. Gen. Jan. 9", "W:Mr.:CSAX W:Gen.:CSAX W:Jan.:CSAX N:9:SX"},
	{"Lt. Col. Smith", "W:Lt.:CSAX W:Col.:CSAX W:Smith:CSX"},
	{"No. 10", "W:No.:CSAX N:10:SX"},
	{"No. It said no.", "W:No:CSX P:.:X W:It:CSX W:said:SX W:no:SX P:.:X"},
	{"the troops.", "W:the:SX W:troops:SX P:.:X"},
	{"George W. Bush", "W:George:CSX W:W.:CSAX W:Bush:CSX"},
	{"e.g. i.e., etc.", "W:e.g.:SAX W:i.e.:SAX P:,:X W:etc.:SAX"},
	{"U.S", "W:U.S:CUSX"},
	{"X.AB", "W:X:CSX P:.:X W:AB:CUX"},
	{"Jan...", "W:Jan:CSX P:...:X"},
	{"Wait... what?!", "W:Wait:CSX P:...:X W:what:SX P:?!:X"},
	{"reuters.com", "W:reuters.com:SX"},
	{"St.Petersburg", "W:St.:CSAX W:Petersburg:CX"},
	/* symbols */
	{"AT&T @user #tag", "W:AT:CUSX S:&:X W:T:CX S:@:SX W:user:X S:#:SX W:tag:X"},
	/* Unicode letters are word characters */
	{"caf\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xC3\x9C" "BER \xC3\x87" "a",
	 "W:caf\xC3\xA9:S W:\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0:CS "
	 "W:\xC3\x9C" "BER:CUS W:\xC3\x87" "a:CS"},
	{"\xE6\x97\xA5\xE6\x9C\xAC \xE2\x82\xAC" "5", "W:\xE6\x97\xA5\xE6\x9C\xAC:S S:\xE2\x82\xAC:S N:5:X"},
	{"\xC2\xBFQu\xC3\xA9?", "P:\xC2\xBF:S W:Qu\xC3\xA9:C P:?:X"},
	{"\xC3\x89. Macron", "W:\xC3\x89.:CSA W:Macron:CSX"},
	{"na\xC3\xAFve's", "W:na\xC3\xAFve:S POSS:'s:X"},
	{"x\xC2\xB2", "W:x\xC2\xB2:S"},
	/* white space of any kind */
	{"  a\n\tb\xE2\x80\x83" "c", "W:a:SX W:b:SX W:c:SX"},
	{"", ""},
};

static void test_tokens_table(void **state)
{
	vigil__token tok[64];
	char out[1024];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(tok_cases) / sizeof(tok_cases[0]); i++) {
		const struct tok_case *c = &tok_cases[i];

		n = vigil__tokenize_phrase(c->in, strlen(c->in), tok, 64);
		assert_true(n <= 64);
		render(c->in, tok, n, out, sizeof(out));
		if (strcmp(out, c->expect) != 0)
			fail_msg("case %zu \"%s\":\n got    %s\n expect %s", i, c->in,
				 out, c->expect);
	}
}

static void test_phrase_count_past_max(void **state)
{
	static const char s[] = "a b c d e f g h i j k l m n o p q r s t u v w x y z "
				"a b c d e f g h i j k l m n o p q r s t u v w x y z "
				"a b c d e f g h i j k l m n o p q r s t u v w x y z";
	vigil__token tok[3];

	(void)state;
	assert_int_equal(vigil__tokenize_phrase(s, strlen(s), tok, 3), 78);
	assert_int_equal(tok[2].off, 4);
	assert_int_equal(tok[2].len, 1);
	assert_int_equal(vigil__tokenize_phrase(s, strlen(s), NULL, 0), 78);
	assert_int_equal(vigil__tokenize_phrase("", 0, tok, 3), 0);
}

/* Tokens longer than 65535 bytes are cut into pieces at a character
 * boundary; the pieces cover the word exactly. */
static void test_long_token_cut(void **state)
{
	vigil__token tok[4];
	char *s;
	size_t n, i;

	(void)state;
	s = malloc(80002);
	assert_non_null(s);
	memset(s, 'a', 70000);
	s[0] = 'A';
	n = vigil__tokenize_phrase(s, 70000, tok, 4);
	assert_int_equal(n, 2);
	assert_int_equal(tok[0].off, 0);
	assert_int_equal(tok[0].len, 65535);
	assert_int_equal(tok[0].flags, VIGIL_TF_CAP | VIGIL_TF_SPACE | VIGIL_TF_ASCII);
	assert_int_equal(tok[1].off, 65535);
	assert_int_equal(tok[1].len, 70000 - 65535);
	assert_int_equal(tok[1].flags, VIGIL_TF_ASCII);

	/* 40000 x "é": 80000 bytes, cut before the odd byte 65535 */
	for (i = 0; i < 40000; i++)
		memcpy(s + 2 * i, "\xC3\xA9", 2);
	n = vigil__tokenize_phrase(s, 80000, tok, 4);
	assert_int_equal(n, 2);
	assert_int_equal(tok[0].len, 65534);
	assert_int_equal(tok[1].off, 65534);
	assert_int_equal(tok[1].len, 80000 - 65534);
	assert_int_equal(tok[0].type, VIGIL_TOK_WORD);
	assert_int_equal(tok[1].type, VIGIL_TOK_WORD);
	free(s);
}

/* Every assigned code point between two letters joins them into one word
 * exactly when utf8proc calls it a letter, mark or number (the tokenizer
 * answers Latin and Cyrillic without utf8proc). */
static void test_word_characters(void **state)
{
	vigil__token tok[4];
	utf8proc_category_t c;
	char buf[8];
	size_t n, k;
	int32_t cp;
	int word;

	(void)state;
	for (cp = 0x80; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		c = utf8proc_category(cp);
		if (c == UTF8PROC_CATEGORY_CN)
			continue;
		word = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
		buf[0] = 'a';
		n = 1 + (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + 1);
		buf[n++] = 'a';
		k = vigil__tokenize_phrase(buf, n, tok, 4);
		if ((k == 1) != word)
			fail_msg("U+%04X (category %d): %zu tokens", (unsigned)cp, c, k);
	}
}

static const struct fold_case {
	const char *in;
	const char *out;
} fold_cases[] = {
	{"Russia", "russia"},
	{"U.S.", "u.s."},
	{"JCS", "jcs"},
	{"don't", "don't"},
	{"\xC3\x9C" "BER", "\xC3\xBC" "ber"},
	{"Stra\xC3\x9F" "e", "strasse"},
	{"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
	 "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
	{"\xC4\xB0stanbul", "i\xCC\x87stanbul"},
	{"\xE6\x97\xA5\xE6\x9C\xAC", "\xE6\x97\xA5\xE6\x9C\xAC"},
	{"", ""},
};

static void test_fold_table(void **state)
{
	char out[64];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++) {
		const struct fold_case *c = &fold_cases[i];

		n = vigil__fold(c->in, strlen(c->in), out, sizeof(out));
		if (n != strlen(c->out) || memcmp(out, c->out, n) != 0)
			fail_msg("case %zu: fold of \"%s\" wrong (%zu bytes)", i, c->in, n);
	}
}

static void test_fold_capacity(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(vigil__fold("Russia", 6, out, 6), 6);
	assert_memory_equal(out, "russia", 6);
	assert_int_equal(vigil__fold("Russia", 6, out, 5), (size_t)-1);
	/* "ß" folds to two bytes "ss": fits in 2, not in 1 */
	assert_int_equal(vigil__fold("\xC3\x9F", 2, out, 2), 2);
	assert_int_equal(vigil__fold("\xC3\x9F", 2, out, 1), (size_t)-1);
	/* a malformed byte is kept */
	assert_int_equal(vigil__fold("A\xFF", 2, out, 8), 2);
	assert_memory_equal(out, "a\xFF", 2);
}

/* vigil__text_load16 and vigil__text_lower8 against byte loops: every
 * length 0-16 at every offset of a buffer holding all 256 byte values. */
static void test_load16_lower8(void **state)
{
	unsigned char bytes[256 + 16];
	size_t len, off, i;

	(void)state;
	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i * 37 + 11);
	for (len = 0; len <= 16; len++)
		for (off = 0; off + len <= sizeof(bytes); off++) {
			uint64_t w[2], want[2] = {0, 0}, low[2] = {0, 0};

			vigil__text_load16((const char *)bytes + off, len, w);
			for (i = 0; i < len; i++) {
				unsigned c = bytes[off + i];
				unsigned l = c >= 'A' && c <= 'Z' ? c + 32 : c;

				want[i / 8] |= (uint64_t)c << (8 * (i % 8));
				low[i / 8] |= (uint64_t)l << (8 * (i % 8));
			}
			assert_int_equal(w[0], want[0]);
			assert_int_equal(w[1], want[1]);
			assert_int_equal(vigil__text_lower8(w[0]), low[0]);
			assert_int_equal(vigil__text_lower8(w[1]), low[1]);
		}
}

/* vigil__text_load16_room equals vigil__text_load16 whatever the room:
 * every length 0-16, room from the length to 32, every offset. */
static void test_load16_room(void **state)
{
	unsigned char bytes[256 + 32];
	size_t len, room, off, i;

	(void)state;
	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i * 53 + 7);
	for (len = 0; len <= 16; len++)
		for (room = len; room <= 32; room++)
			for (off = 0; off + room <= sizeof(bytes); off += 5) {
				uint64_t w[2], want[2];

				vigil__text_load16((const char *)bytes + off, len, want);
				vigil__text_load16_room((const char *)bytes + off, len,
							room, w);
				assert_int_equal(w[0], want[0]);
				assert_int_equal(w[1], want[1]);
			}
}

/* vigil__text_lower16_room as vigil__text_load16 then vigil__text_lower8
 * on both words, for every byte value (each is at every offset mod 16 in
 * turn), every length up to 16 and every room from the length to 32. */
static void test_lower16_room(void **state)
{
	unsigned char bytes[256 + 32];
	size_t len, room, off, i;

	(void)state;
	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i * 53 + 7);
	for (len = 0; len <= 16; len++)
		for (room = len; room <= 32; room++)
			for (off = 0; off + room <= sizeof(bytes); off += 3) {
				uint64_t w[2], want[2];

				vigil__text_load16((const char *)bytes + off, len, want);
				want[0] = vigil__text_lower8(want[0]);
				want[1] = vigil__text_lower8(want[1]);
				vigil__text_lower16_room((const char *)bytes + off,
							 len, room, w);
				assert_int_equal(w[0], want[0]);
				assert_int_equal(w[1], want[1]);
			}
}

/* Word ends and case flags around the 8-byte word scan: words of 1 to 20
 * letters and digits (lowercase, capitals, mixed), followed by every ASCII
 * byte or by the end of the text. */
static void test_word_ends(void **state)
{
	static const char *const stems[] = {
		"abcdefghijklmnopqrst", "ABCDEFGHIJKLMNOPQRST",
		"Ab3defGh9jkLmnopqrsT", "X1234567890123456789",
	};
	vigil__token tok[8];
	char text[32];
	size_t st, n, k, up, low;
	int b;

	(void)state;
	for (st = 0; st < sizeof(stems) / sizeof(stems[0]); st++)
		for (n = 1; n <= 20; n++)
			for (b = -1; b < 128; b++) {
				const char *w = stems[st];
				unsigned want = VIGIL_TF_ASCII | VIGIL_TF_SPACE;
				size_t len = n;

				if (b >= 0 && (isalnum(b) || b == '\'' || b == '.'))
					continue; /* the word goes on, or other rules */
				memcpy(text, w, n);
				if (b >= 0) {
					text[len++] = (char)b;
					memcpy(text + len, " x", 2);
					len += 2;
				}
				for (k = up = low = 0; k < n; k++) {
					up += w[k] >= 'A' && w[k] <= 'Z';
					low += w[k] >= 'a' && w[k] <= 'z';
				}
				if (w[0] >= 'A' && w[0] <= 'Z')
					want |= VIGIL_TF_CAP;
				if (up >= 2 && !low)
					want |= VIGIL_TF_UPPER;
				k = vigil__tokenize_phrase(text, len, tok, 8);
				if (k < 1 || tok[0].type != VIGIL_TOK_WORD ||
				    tok[0].len != n || tok[0].flags != want)
					fail_msg("stem %zu, %zu bytes, then byte %d: %zu tokens, "
						 "first %u bytes, flags %#x (want %#x)",
						 st, n, b, k, k ? tok[0].len : 0,
						 k ? tok[0].flags : 0, want);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens_table),
		cmocka_unit_test(test_phrase_count_past_max),
		cmocka_unit_test(test_long_token_cut),
		cmocka_unit_test(test_word_characters),
		cmocka_unit_test(test_fold_table),
		cmocka_unit_test(test_fold_capacity),
		cmocka_unit_test(test_load16_lower8),
		cmocka_unit_test(test_load16_room),
		cmocka_unit_test(test_lower16_room),
		cmocka_unit_test(test_word_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
