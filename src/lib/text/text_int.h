/*
 * text_int.h: private declarations shared by the files of the text stage:
 * the ASCII character-class table, a UTF-8 decoder for text that is already
 * valid, the resumable tokenizer that vigil__segment drives, and the
 * abbreviation and sentence-opener word lists the tokenizer and the sentence
 * splitter agree on. Nothing here is used outside src/lib/text/.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_TEXT_INT_H
#define VIGIL_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* ---- Character classes (ASCII; every byte >= 0x80 is C_HIGH) ----------- */

#define C_SPACE 0x01u /* ' ' \t \n \v \f \r */
#define C_UPPER 0x02u /* A-Z */
#define C_LOWER 0x04u /* a-z */
#define C_DIGIT 0x08u /* 0-9 */
#define C_HIGH  0x10u /* a byte of a multi-byte UTF-8 sequence */
#define C_PUNCT 0x20u /* ASCII punctuation that forms PUNCT tokens */
#define C_SYM   0x40u /* ASCII symbols and control bytes: SYMBOL tokens */
#define C_TERM  0x80u /* . ! ? sentence terminals */
#define C_ALPHA (C_UPPER | C_LOWER)
#define C_ALNUM (C_UPPER | C_LOWER | C_DIGIT)

extern const uint8_t vigil__text_cls[256];
extern const uint8_t vigil__text_lower[256]; /* ASCII tolower, other bytes kept */

/*
 * Decodes one code point at s (n > 0 bytes available) and returns its length.
 * The text stage works on text that vigil__utf8_check accepted; a malformed
 * byte still decodes (as U+FFFD, length 1) so that no caller can loop or read
 * past n.
 */
static inline size_t vigil__text_decode(const unsigned char *s, size_t n,
					int32_t *cp)
{
	unsigned c = s[0];

	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c < 0xE0 && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = (int32_t)(((c & 0x1Fu) << 6) | (s[1] & 0x3Fu));
		return 2;
	}
	if (c >= 0xE0 && c < 0xF0 && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*cp = (int32_t)(((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) |
				(s[2] & 0x3Fu));
		return 3;
	}
	if (c >= 0xF0 && c < 0xF5 && n >= 4 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
		*cp = (int32_t)(((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
				((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu));
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

/* ---- Normalization helper (exposed for the exhaustive unit test) ------- */

/*
 * Returns 1 when code point cp (>= 0x80) may change under NFC depending on
 * its neighbours or by itself (combining marks, characters that compose as
 * the second of a pair, singletons, composition exclusions), 0 when it is
 * certainly stable. vigil__normalize runs utf8proc only on runs holding such
 * a code point.
 */
int vigil__text_nfc_unsafe(int32_t cp);

/* ---- Tokenizer ---------------------------------------------------------- */

/*
 * Resumable tokenizer over text[pos, end). Offsets in the tokens are
 * absolute (relative to `text`). `space` says whether the next token is
 * preceded by white space; `prev_end`/`prev_type` describe the previous
 * token for the POSS and INNER rules (prev_end == UINT32_MAX: none).
 */
typedef struct vigil__tokstate {
	const char *text;
	size_t pos, end;
	int space;
	uint32_t prev_end;
	uint8_t prev_type;
	uint8_t prev_last; /* last byte of the previous token */
} vigil__tokstate;

/* Starts tokenizing text[begin, end); `space`: begin follows white space. */
void vigil__text_tok_init(vigil__tokstate *st, const char *text, size_t begin,
			  size_t end, int space);

/*
 * Writes up to `max` next tokens into tok and returns how many; fewer than
 * `max` (possibly 0) only at the end of the range. Never allocates.
 */
size_t vigil__text_tokenize(vigil__tokstate *st, vigil__token *tok, size_t max);

/* ---- Line classes (boilerplate.c) -------------------------------------- */

typedef enum vigil__line_kind {
	LINE_TEXT = 0, /* prose */
	LINE_BOILER,   /* share/follow prompts, navigation, ads, credits, rights */
	LINE_BY,       /* "By Jane Doe, Reuters" */
	LINE_NAME      /* a lone name: "Melissa Enoch" */
} vigil__line_kind;

/* Class of the trimmed line l[0, n). */
int vigil__text_line_kind(const char *l, size_t n);

/* Offset of the author text in a LINE_BY line (after "By "), else 0. */
size_t vigil__text_byline_name(const char *l, size_t n);

/* Length of paragraph p[0, n) without a final "(Reporting by ...)" credit
 * and the white space before it; n when there is none. */
size_t vigil__text_cut_credit(const char *p, size_t n);

/* Whether s[0, n) starts with an uppercase letter (ASCII or Unicode). */
int vigil__text_upper_at(const char *s, size_t n);

/* ---- Abbreviations and sentence openers -------------------------------- */

typedef enum vigil__abbrev_class {
	ABBR_NONE = 0,   /* not an abbreviation */
	ABBR_NEVER,      /* Mr. Gen. No. vs. e.g.: never ends a sentence */
	ABBR_MONTH,      /* Jan.: not before a number, else like ABBR_OPENER */
	ABBR_OPENER,     /* U.S. Inc. J.: ends only before a typical opener */
	ABBR_LOWER       /* a.m. etc.: ends before a capital that is not a
			    weekday, month or time-zone word */
} vigil__abbrev_class;

/* Flag or'ed into the table class: the word is an abbreviation only when a
 * number follows ("No. 10", "Fig. 3"). */
#define ABBR_DIGIT_ONLY 0x10

/*
 * Class of a known abbreviation word w[0, n) written without its final
 * period (case-insensitive: "gen", "Jan", "etc"), possibly or'ed with
 * ABBR_DIGIT_ONLY; ABBR_NONE when unknown. Initialisms ("U.S", "a.m") and
 * single letters are classified by vigil__text_abbrev_token_class().
 */
int vigil__text_abbrev_lookup(const char *w, size_t n);

/* Class of an ABBREV token's text (including its final period). */
vigil__abbrev_class vigil__text_abbrev_token_class(const char *w, size_t n);

/* Whether the word w[0, n) typically opens a sentence ("The", "He"). */
int vigil__text_is_opener(const char *w, size_t n);

/* Whether w[0, n) names a weekday or month ("Monday", "March"). */
int vigil__text_is_date_word(const char *w, size_t n);

#endif /* VIGIL_TEXT_INT_H */
