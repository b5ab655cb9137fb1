/*
 * text.h: the text stage of the pipeline (internal). Raw document bytes go
 * through, in order:
 *   vigil__utf8_check / vigil__utf8_repair   UTF-8 validation (no NUL bytes)
 *   vigil__normalize                         NFC, quotes, dashes, spaces
 *   vigil__layout_text                       paragraphs, boilerplate, byline,
 *                                            dateline
 *   vigil__segment                           tokens with byte offsets and
 *                                            sentences, over kept paragraphs
 * All output lives in the caller's per-document arena. Offsets are bytes into
 * the normalized text. Nothing here keeps state between calls: thread-safe.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_TEXT_H
#define VIGIL_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../util/arena.h"

/* ---- UTF-8 ------------------------------------------------------------- */

/*
 * Returns the byte offset of the first invalid UTF-8 sequence (overlong
 * forms, surrogates, > U+10FFFF, truncated sequences; the offset of its
 * first byte) or NUL byte in [s, s+len), or -1 when the whole input is
 * valid. When `why` is not NULL it receives a static description ("NUL
 * byte", "invalid UTF-8: surrogate", ...), or NULL when valid.
 */
long long vigil__utf8_check(const char *s, size_t len, const char **why);

/*
 * Copies [s, s+len) into the arena replacing each invalid sequence (each
 * maximal subpart, as Unicode recommends: "\xE2\x80A" is U+FFFD "A") and
 * NUL byte by U+FFFD; *out is NUL-terminated. *nrepaired receives the
 * number of replacements. Returns 0, or -1 when the arena fails.
 */
int vigil__utf8_repair(vigil__arena *a, const char *s, size_t len, char **out,
		       size_t *out_len, size_t *nrepaired);

/* ---- Normalization ----------------------------------------------------- */

/*
 * Normalizes valid UTF-8 text: Unicode NFC (utf8proc); curly single quotes
 * and primes to ', curly double quotes and guillemets to ", en/em dashes and
 * minus signs to "-" (an em dash glued to words on both sides becomes
 * " - "; "--" or "---" between spaces becomes "-"), the ellipsis character
 * to "...", non-breaking and other Unicode spaces to ' ', CRLF, CR and
 * Unicode line separators to '\n', tabs and other control characters to
 * ' ', zero-width characters, direction marks and soft hyphens removed.
 * Never longer than its input unless NFC expands it. Idempotent. Pure-ASCII
 * input without CR takes a fast path (one scan, one copy). *out is
 * NUL-terminated. Returns 0, or -1 when the arena fails.
 */
int vigil__normalize(vigil__arena *a, const char *s, size_t len, char **out,
		     size_t *out_len);

/* ---- Layout: paragraphs and boilerplate ------------------------------- */

typedef struct vigil__range {
	uint32_t off; /* byte offset into the normalized text */
	uint32_t len;
} vigil__range;

typedef struct vigil__layout {
	vigil__range *paras;   /* paragraphs to code, in text order */
	size_t npara;
	vigil__range byline;   /* author text of a "By Jane Doe" line (without
				  "By ") or a lone name line; len 0: none */
	vigil__range dateline; /* "SEOUL, Feb 14 (Reuters) -" prefix, dash
				  included; len 0: none */
	size_t dropped;        /* lines left out: boilerplate, bylines, wire
				  credits */
} vigil__layout;

/*
 * Splits normalized text into paragraphs (blank lines; single newlines too,
 * unless the text is hard-wrapped, i.e. many lines are 30-100 characters
 * long and end without terminal punctuation) and leaves out boilerplate:
 * share/follow/subscribe lines ("Follow us on:"), "Read more", "Related:",
 * "Advertisement", copyright lines, image credits, wire credits
 * ("Reporting by ...; Editing by ..."), bylines ("By X" near the start or at the
 * end, or a lone 2-4 word name line at the end). A dateline at the start of the first
 * paragraph (or of the second, after a headline) is cut from that paragraph
 * and recorded. Paragraph ranges are trimmed, non-empty, in order and do
 * not overlap. Rules: docs/internals/text.md. Returns 0, or -1 when the
 * arena fails or len > UINT32_MAX.
 */
int vigil__layout_text(vigil__arena *a, const char *text, size_t len,
		       vigil__layout *out);

/* ---- Tokens and sentences ---------------------------------------------- */

typedef enum vigil__tok_type {
	VIGIL_TOK_WORD = 0, /* letters, with inner apostrophes/periods: "U.S.", "Mr." */
	VIGIL_TOK_NUMBER,   /* "11,000", "1.5", "2024", "3rd" */
	VIGIL_TOK_PUNCT,    /* . , ; : ! ? ( ) " ' - and other punctuation */
	VIGIL_TOK_POSS,     /* the possessive "'s" (also of "it's") or a lone
			       "'" after s */
	VIGIL_TOK_SYMBOL    /* $ % & @ and other symbols */
} vigil__tok_type;

/* vigil__token.flags */
#define VIGIL_TF_CAP     0x01u /* first character is an uppercase letter */
#define VIGIL_TF_UPPER   0x02u /* all letters uppercase, at least 2 of them */
#define VIGIL_TF_SPACE   0x04u /* preceded by white space (or the start of the
				  text given to vigil__tokenize_phrase) */
#define VIGIL_TF_ABBREV  0x08u /* a word ending in its own '.' (Mr., U.S.) */
#define VIGIL_TF_INNER   0x10u /* a hyphen or slash with no space either side
				  ("Russia-Ukraine"): matching skips it */
#define VIGIL_TF_ASCII   0x20u /* all bytes of the token are ASCII */

typedef struct vigil__token {
	uint32_t off;  /* byte offset into the normalized text */
	uint16_t len;  /* bytes; tokens longer than 65535 are cut into pieces */
	uint8_t type;  /* vigil__tok_type */
	uint8_t flags; /* VIGIL_TF_* */
} vigil__token;

typedef struct vigil__sentence {
	uint32_t off, len;            /* byte span of the sentence */
	uint32_t tok_begin, tok_end;  /* token index range [begin, end) */
	uint32_t para;                /* index of its paragraph */
} vigil__sentence;

/* A sentence never holds more tokens than this: a longer run without a
 * sentence end (a table, a list) is cut, so that later stages can bound
 * their per-sentence work. */
#define VIGIL__SENT_MAX_TOK 1024

typedef struct vigil__segmented {
	vigil__token *tok;
	size_t ntok;
	vigil__sentence *sent;
	size_t nsent;
} vigil__segmented;

/*
 * Tokenizes the given paragraphs of `text` and splits them into sentences
 * for news English: a sentence ends at . ! ? (with closing quotes or
 * brackets) before a capital, digit or opening quote, or at a paragraph end;
 * not after titles and other abbreviations (Mr., Gen., Jan., No., a.m.),
 * initials ("J. R."), decimals, or inside an ellipsis that continues in lower
 * case. "U.S." and similar end a sentence only before a typical sentence
 * opener ("The", "He", ...). Tokens: "11,000", "1.5" and "3,000th" are one
 * NUMBER; "Russia's" is WORD "Russia" + POSS "'s"; "Russia-Ukraine" is WORD,
 * PUNCT "-" (INNER), WORD; "(JCS)" is three tokens; "U.S.-led" is "U.S.",
 * "-", "led"; "don't" is one WORD. A sentence-final abbreviation keeps its
 * period ("... in the U.S." ends with the WORD "U.S."). Paragraph ranges
 * must lie in [0, len) (ranges past len are skipped); sentences carry the
 * index of their range. Every token belongs to exactly one sentence, in
 * order. Rules: docs/internals/text.md. Returns 0, or -1 when the arena
 * fails or len > UINT32_MAX.
 */
int vigil__segment(vigil__arena *a, const char *text, size_t len,
		   const vigil__range *paras, size_t npara, vigil__segmented *out);

/*
 * Tokenizes one short string (a dictionary phrase) with the same rules as
 * vigil__segment, into at most `max` tokens (tok may be NULL when max is
 * 0); offsets are relative to s. Returns the token count (which may exceed
 * `max`: then only `max` were written). Phrases should be normalized with
 * vigil__normalize first, as documents are.
 */
size_t vigil__tokenize_phrase(const char *s, size_t len, vigil__token *tok,
			      size_t max);

/*
 * Writes the case-folded form of token text [s, s+len) used for dictionary
 * lookup into `out` (capacity `cap`), returning its length, or (size_t)-1 if
 * it does not fit. ASCII is lowercased by table; other text is case-folded
 * with utf8proc, per code point, without allocating ("Straße" -> "strasse";
 * the result is at most 3 * len bytes). Identical for document tokens and
 * dictionary words.
 */
size_t vigil__fold(const char *s, size_t len, char *out, size_t cap);

/*
 * Short-token helpers for lookups that compare words as integers. Loads
 * bytes [s, s + len) (len <= 16) into w[0] (bytes 0-7) and w[1] (8-15) in
 * little-endian order, zero-padded, reading no byte outside them.
 */
static inline uint64_t vigil__text_load_le(const char *s, size_t n)
{
	uint64_t x = 0;
	size_t i;

	for (i = n; i-- > 0;)
		x = x << 8 | (unsigned char)s[i];
	return x;
}

/* Up to 8 bytes with at most three loads: overlapping words for 4-8
 * bytes, first, middle and last byte for 1-3. */
static inline uint64_t vigil__text_load8(const char *s, size_t n)
{
	uint32_t a, b;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return (uint64_t)a | (uint64_t)b << (8 * (n - 4));
	}
#else
	if (n >= 4)
		return vigil__text_load_le(s, n);
#endif
	if (n == 0)
		return 0;
	a = (unsigned char)s[0];
	b = (unsigned char)s[n - 1];
	return (uint64_t)(a | (uint32_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
			  b << (8 * (n - 1)));
}

static inline void vigil__text_load16(const char *s, size_t len, uint64_t w[2])
{
	if (len > 8) {
		w[0] = vigil__text_load8(s, 8);
		w[1] = vigil__text_load8(s + 8, len - 8);
	} else {
		w[0] = vigil__text_load8(s, len);
		w[1] = 0;
	}
}

/*
 * As vigil__text_load16 when at least 16 bytes from s are readable (`room`,
 * e.g. up to the end of a sentence's last token): two whole 8-byte loads
 * masked to len bytes, with no branch on the length, which is what
 * mispredicts in word lookups. Shorter room: vigil__text_load16.
 */
static inline void vigil__text_load16_room(const char *s, size_t len,
					   size_t room, uint64_t w[2])
{
	static const uint64_t keep[9] = {
		0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull,
		0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull,
		~0ull,
	};
	size_t n0 = len < 8 ? len : 8;

	if (room < 16) {
		vigil__text_load16(s, len, w);
		return;
	}
	memcpy(&w[0], s, 8);
	memcpy(&w[1], s + 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w[0] = __builtin_bswap64(w[0]);
	w[1] = __builtin_bswap64(w[1]);
#endif
	w[0] &= keep[n0];
	w[1] &= keep[len - n0];
}

/* ASCII 'A'-'Z' -> 'a'-'z' in each byte of x; other bytes kept (as
 * vigil__text_lower does byte by byte). */
static inline uint64_t vigil__text_lower8(uint64_t x)
{
	const uint64_t highs = 0x8080808080808080ull;
	uint64_t h = x & ~highs;
	uint64_t ge_a = h + 0x3f3f3f3f3f3f3f3full;   /* byte >= 'A' */
	uint64_t gt_z = h + 0x2525252525252525ull;   /* byte > 'Z' */

	return x | ((ge_a & ~gt_z & ~x & highs) >> 2);
}

/*
 * The ASCII word s[0, len) (len <= 16) lowercased and zero-padded into
 * w[0], w[1], as vigil__text_load16_room then vigil__text_lower8 on both
 * words give it; room as there. With SSE2 (every x86-64) and room >= 16,
 * one 16-byte load, mask and case fold.
 */
static inline void vigil__text_lower16_room(const char *s, size_t len,
					    size_t room, uint64_t w[2])
{
#if defined(__SSE2__) && defined(__BYTE_ORDER__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* 16 bytes of 0xFF then 16 of 0: from ones + 16 - len, len kept */
	static const unsigned char ones[32] = {
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	};

	if (room >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
		__m128i keep = _mm_loadu_si128(
			(const __m128i *)(const void *)(ones + 16 - len));
		/* 'A'..'Z' (signed compares: bytes >= 0x80 are below 'A') */
		__m128i up = _mm_and_si128(
			_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
			_mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));

		v = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
		_mm_storeu_si128((__m128i *)(void *)w, _mm_and_si128(v, keep));
		return;
	}
#endif
	vigil__text_load16_room(s, len, room, w);
	w[0] = vigil__text_lower8(w[0]);
	w[1] = vigil__text_lower8(w[1]);
}

#endif /* VIGIL_TEXT_H */
