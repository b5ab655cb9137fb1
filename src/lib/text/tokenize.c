/*
 * tokenize.c: the byte-level tokenizer of normalized text (words, numbers,
 * punctuation, possessives, symbols with byte offsets and flags), the list
 * of abbreviations it keeps whole ("Mr.", "U.S.", "Jan."), and the case
 * folding used for dictionary lookup. ASCII goes through the class table;
 * only bytes >= 0x80 are decoded and classified with utf8proc. The rules are
 * described in docs/internals/text.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include "text_int.h"

#include <string.h>
#include <utf8proc.h>

/* ---- Character tables --------------------------------------------------- */

#define S C_SPACE
#define U C_UPPER
#define L C_LOWER
#define D C_DIGIT
#define T (C_PUNCT | C_TERM)
#define P C_PUNCT
#define Y C_SYM
#define H C_HIGH
#define H16 H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H
const uint8_t vigil__text_cls[256] = {
	Y, Y, Y, Y, Y, Y, Y, Y, Y, S, S, S, S, S, Y, Y, /* 00 */
	Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, /* 10 */
	S, T, P, Y, Y, Y, Y, P, P, P, Y, Y, P, P, T, P, /* 20  !"#$%&'()*+,-./ */
	D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, T, /* 30 0-9:;<=>? */
	Y, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* 40 @A-O */
	U, U, U, U, U, U, U, U, U, U, U, P, Y, P, Y, Y, /* 50 P-Z[\]^_ */
	Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 60 `a-o */
	L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, Y, /* 70 p-z{|}~DEL */
	H16, H16, H16, H16, H16, H16, H16, H16,
};
#undef S
#undef U
#undef L
#undef D
#undef T
#undef P
#undef Y
#undef H
#undef H16

#define R8(b) (b), (b) + 1, (b) + 2, (b) + 3, (b) + 4, (b) + 5, (b) + 6, (b) + 7
#define R16(b) R8(b), R8((b) + 8)
const uint8_t vigil__text_lower[256] = {
	R16(0x00), R16(0x10), R16(0x20), R16(0x30),
	0x40, R8(0x61), R8(0x69), R8(0x71), 0x79, 0x7A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
	R16(0x60), R16(0x70), R16(0x80), R16(0x90), R16(0xA0), R16(0xB0),
	R16(0xC0), R16(0xD0), R16(0xE0), R16(0xF0),
};
#undef R8
#undef R16

/* ---- Abbreviations ------------------------------------------------------ */

/* Known abbreviations, lowercase, without the final period, sorted. */
static const struct abbrev {
	const char *w;
	uint8_t cls; /* vigil__abbrev_class | ABBR_DIGIT_ONLY */
} abbrevs[] = {
	{"adm", ABBR_NEVER},    {"al", ABBR_OPENER},     {"approx", ABBR_NEVER},
	{"apr", ABBR_MONTH},    {"assn", ABBR_OPENER},   {"atty", ABBR_NEVER},
	{"aug", ABBR_MONTH},    {"ave", ABBR_OPENER},    {"blvd", ABBR_OPENER},
	{"brig", ABBR_NEVER},   {"bros", ABBR_OPENER},   {"ca", ABBR_NEVER},
	{"capt", ABBR_NEVER},   {"cdr", ABBR_NEVER},     {"cf", ABBR_NEVER},
	{"cmdr", ABBR_NEVER},   {"co", ABBR_OPENER},     {"col", ABBR_NEVER},
	{"corp", ABBR_OPENER},  {"cpl", ABBR_NEVER},     {"cpt", ABBR_NEVER},
	{"dec", ABBR_MONTH},    {"dept", ABBR_OPENER},   {"det", ABBR_NEVER},
	{"dr", ABBR_NEVER},     {"drs", ABBR_NEVER},     {"e.g", ABBR_NEVER},
	{"est", ABBR_OPENER},   {"etc", ABBR_LOWER},     {"feb", ABBR_MONTH},
	{"fig", ABBR_NEVER | ABBR_DIGIT_ONLY},           {"figs", ABBR_NEVER | ABBR_DIGIT_ONLY},
	{"ft", ABBR_NEVER},     {"gen", ABBR_NEVER},     {"gens", ABBR_NEVER},
	{"gov", ABBR_NEVER},    {"govs", ABBR_NEVER},    {"hon", ABBR_NEVER},
	{"i.e", ABBR_NEVER},    {"inc", ABBR_OPENER},    {"insp", ABBR_NEVER},
	{"jan", ABBR_MONTH},    {"jr", ABBR_OPENER},     {"jul", ABBR_MONTH},
	{"jun", ABBR_MONTH},    {"llc", ABBR_OPENER},    {"lt", ABBR_NEVER},
	{"ltd", ABBR_OPENER},   {"maj", ABBR_NEVER},     {"mar", ABBR_MONTH},
	{"messrs", ABBR_NEVER}, {"mlle", ABBR_NEVER},    {"mme", ABBR_NEVER},
	{"mr", ABBR_NEVER},     {"mrs", ABBR_NEVER},     {"ms", ABBR_NEVER},
	{"mt", ABBR_NEVER},     {"no", ABBR_NEVER | ABBR_DIGIT_ONLY},
	{"nos", ABBR_NEVER | ABBR_DIGIT_ONLY},           {"nov", ABBR_MONTH},
	{"oct", ABBR_MONTH},    {"plc", ABBR_OPENER},    {"pp", ABBR_NEVER | ABBR_DIGIT_ONLY},
	{"pres", ABBR_NEVER},   {"prof", ABBR_NEVER},    {"pvt", ABBR_NEVER},
	{"rep", ABBR_NEVER},    {"reps", ABBR_NEVER},    {"rev", ABBR_NEVER},
	{"sec", ABBR_NEVER},    {"sen", ABBR_NEVER},     {"sens", ABBR_NEVER},
	{"sep", ABBR_MONTH},    {"sept", ABBR_MONTH},    {"sgt", ABBR_NEVER},
	{"sr", ABBR_OPENER},    {"st", ABBR_NEVER},      {"supt", ABBR_NEVER},
	{"univ", ABBR_OPENER},  {"vol", ABBR_NEVER | ABBR_DIGIT_ONLY},
	{"vs", ABBR_NEVER},
};

#define ABBR_MAX_LEN 6 /* longest entry ("messrs") */

int vigil__text_abbrev_lookup(const char *w, size_t n)
{
	char k[ABBR_MAX_LEN + 1];
	size_t lo = 0, hi = sizeof(abbrevs) / sizeof(abbrevs[0]), i;
	int c;

	if (n == 0 || n > ABBR_MAX_LEN)
		return ABBR_NONE;
	for (i = 0; i < n; i++)
		k[i] = (char)vigil__text_lower[(unsigned char)w[i]];
	k[n] = '\0';
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		c = strcmp(k, abbrevs[i].w);
		if (c == 0)
			return abbrevs[i].cls;
		if (c < 0)
			hi = i;
		else
			lo = i + 1;
	}
	return ABBR_NONE;
}

vigil__abbrev_class vigil__text_abbrev_token_class(const char *w, size_t n)
{
	int k;

	if (n < 2 || w[n - 1] != '.')
		return ABBR_NONE;
	n--;
	k = vigil__text_abbrev_lookup(w, n);
	if (k != ABBR_NONE)
		return (vigil__abbrev_class)(k & ~ABBR_DIGIT_ONLY);
	/* Initialisms ("U.S", "a.m") and initials ("J", "É"). */
	if ((unsigned char)w[0] < 0x80)
		return (vigil__text_cls[(unsigned char)w[0]] & C_UPPER)
			       ? ABBR_OPENER : ABBR_LOWER;
	return ABBR_OPENER;
}

/* ---- Tokenizer ---------------------------------------------------------- */

static int word_cat(utf8proc_category_t c)
{
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

static int upper_cat(utf8proc_category_t c)
{
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int space_cat(utf8proc_category_t c)
{
	return c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP;
}

/*
 * Whether code point cp (>= 0x80) is a letter, mark or digit. Latin-1,
 * Latin Extended-A/B and Cyrillic letters, the bulk of non-ASCII news
 * text, are answered without a utf8proc lookup.
 */
static int word_cp(int32_t cp)
{
	if (cp >= 0xC0 && cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	if (cp >= 0x400 && cp <= 0x52F)
		return cp != 0x482;
	return word_cat(utf8proc_category(cp));
}

/* Whether s[i] (i < end or not) starts a letter, digit or mark. */
static int word_at(const unsigned char *s, size_t i, size_t end)
{
	int32_t cp;

	if (i >= end)
		return 0;
	if (s[i] < 0x80)
		return (vigil__text_cls[s[i]] & C_ALNUM) != 0;
	vigil__text_decode(s + i, end - i, &cp);
	return word_cp(cp);
}

/* Whether s[i] starts a letter (not a digit). */
static int letter_at(const unsigned char *s, size_t i, size_t end)
{
	int32_t cp;
	utf8proc_category_t c;

	if (i >= end)
		return 0;
	if (s[i] < 0x80)
		return (vigil__text_cls[s[i]] & C_ALPHA) != 0;
	vigil__text_decode(s + i, end - i, &cp);
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* A letter at s[i] that is a whole segment of an initialism: followed by
 * '.' or by something that is not a letter or digit. Returns its length. */
static size_t single_letter_at(const unsigned char *s, size_t i, size_t end)
{
	int32_t cp;
	size_t n;

	if (!letter_at(s, i, end))
		return 0;
	n = vigil__text_decode(s + i, end - i, &cp);
	if (i + n < end && s[i + n] != '.' && word_at(s, i + n, end))
		return 0;
	return n;
}

/* Whether a digit follows s[i] after at most 8 blanks. */
static int digit_follows(const unsigned char *s, size_t i, size_t end)
{
	size_t lim = i + 8 < end ? i + 8 : end;

	while (i < lim && (s[i] == ' ' || s[i] == '\n'))
		i++;
	return i < end && (vigil__text_cls[s[i]] & C_DIGIT);
}

typedef struct wscan {
	int lower;        /* an ASCII lowercase letter was seen */
	unsigned cps;     /* code points in the current segment */
	int ascii;        /* no byte >= 0x80 so far */
} wscan;

/* 0x80 in each byte of the 7-bit bytes a (high bits clear) within
 * [lo, hi]: no carry crosses a byte. */
static inline uint64_t bytes_in(uint64_t a, unsigned lo, unsigned hi)
{
	const uint64_t ones = 0x0101010101010101ull;

	return (a + (0x80u - lo) * ones) & ~(a + (0x7Fu - hi) * ones);
}

/*
 * The ASCII letters and digits among 8 bytes x (first byte lowest): 0x80 in
 * each such byte; the lowercase letters likewise in *lower. Bytes >= 0x80
 * are neither. As the class table's C_ALNUM and C_LOWER, 8 at a time.
 */
static inline uint64_t alnum8(uint64_t x, uint64_t *lower)
{
	const uint64_t highs = 0x8080808080808080ull;
	uint64_t a = x & ~highs, ascii = ~x & highs;

	*lower = bytes_in(a, 'a', 'z') & ascii;
	return (bytes_in(a, '0', '9') | bytes_in(a | 0x2020202020202020ull, 'a', 'z')) &
	       ascii;
}

/* Consumes letters, digits and marks from s[p]; returns the new position.
 * ASCII runs are read 8 bytes at a time: the end of a word is found with
 * one count of trailing zeros rather than a branch per byte. Inlined in
 * scan_word, once per word: a call would cost more than the scan. */
static inline __attribute__((always_inline)) size_t
scan_alnum(const unsigned char *s, size_t p, size_t end, wscan *w)
{
	const uint8_t *cls = vigil__text_cls;
	const uint64_t highs = 0x8080808080808080ull;
	uint64_t x, low, stop;
	unsigned c, acc = 0;
	int32_t cp;
	size_t n, q;

	w->cps = 0;
	for (;;) {
		q = p;
		for (;;) {
			if (p + 8 > end) { /* the text's last bytes */
				for (; p < end && ((c = cls[s[p]]) & C_ALNUM); p++)
					acc |= c;
				break;
			}
			x = vigil__text_load8((const char *)s + p, 8);
			stop = ~alnum8(x, &low) & highs;
			/* the bits below the first stop: the bytes consumed */
			low &= (stop & -stop) - 1;
			acc |= low ? C_LOWER : 0;
			if (stop) {
				p += (size_t)__builtin_ctzll(stop) / 8;
				break;
			}
			p += 8;
		}
		w->cps += (unsigned)(p - q);
		if (p >= end || s[p] < 0x80)
			break;
		n = vigil__text_decode(s + p, end - p, &cp);
		if (!word_cp(cp))
			break;
		w->ascii = 0;
		w->cps++;
		p += n;
	}
	w->lower |= (acc & C_LOWER) != 0;
	return p;
}

/* Whether s[i, p) has at least two uppercase letters and no lowercase. */
static int all_upper(const unsigned char *s, size_t i, size_t p)
{
	utf8proc_category_t c;
	unsigned up = 0;
	int32_t cp;

	while (i < p) {
		if (s[i] < 0x80) {
			if (vigil__text_cls[s[i]] & C_LOWER)
				return 0;
			up += (vigil__text_cls[s[i]] & C_UPPER) != 0;
			i++;
			continue;
		}
		i += vigil__text_decode(s + i, p - i, &cp);
		c = utf8proc_category(cp);
		if (c == UTF8PROC_CATEGORY_LL)
			return 0;
		up += upper_cat(c);
	}
	return up >= 2;
}

/*
 * Scans a word starting at s[i] (a letter or non-ASCII word character).
 * Apostrophes stay inside before a letter ("don't", "O'Brien") except in a
 * final "'s"; periods stay inside initialisms ("U.S.", "a.m."), known
 * abbreviations ("Mr."), single capital initials ("W.") and before a
 * lowercase letter ("reuters.com"). Returns the end; *flags gets CAP,
 * UPPER, ABBREV and ASCII. Inlined in the tokenizer's loop (most tokens
 * are words).
 */
static inline __attribute__((always_inline)) size_t
scan_word(const unsigned char *s, size_t i, size_t end, unsigned *flags)
{
	wscan w = {0, 0, 1};
	size_t p = i, seg;
	int32_t cp;
	int k;

	*flags = 0;
	if (s[i] < 0x80) {
		/* no branch on the capital: it is data */
		*flags |= (unsigned)((vigil__text_cls[s[i]] & C_UPPER) != 0) *
			  VIGIL_TF_CAP;
	} else {
		vigil__text_decode(s + i, end - i, &cp);
		if (upper_cat(utf8proc_category(cp)))
			*flags |= VIGIL_TF_CAP;
	}
	for (;;) {
		seg = p;
		p = scan_alnum(s, p, end, &w);
		if (p >= end)
			break;
		/* one test for what may continue a word, ' and . (0x27,
		 * 0x2E; also & and /, which the tests below end) */
		if ((s[p] | 0x09) != 0x2F)
			break;
		if (s[p] == '\'') {
			if (p + 1 < end && (s[p + 1] | 0x20) == 's' &&
			    !word_at(s, p + 2, end))
				break; /* possessive "'s" */
			if (!letter_at(s, p + 1, end))
				break;
			p++;
			continue;
		}
		if (s[p] != '.')
			break;
		if (seg == i && w.cps == 1 && letter_at(s, i, end) &&
		    single_letter_at(s, p + 1, end) > 0) {
			/* An initialism: X.Y. ... */
			while (single_letter_at(s, p + 1, end) > 0) {
				w.cps = 0;
				p = scan_alnum(s, p + 1, end, &w);
				if (p >= end || s[p] != '.')
					break;
			}
			if (p < end && s[p] == '.' &&
			    !(p + 1 < end && s[p + 1] == '.')) {
				p++;
				*flags |= VIGIL_TF_ABBREV;
			}
			break;
		}
		if (seg == i) {
			k = vigil__text_abbrev_lookup((const char *)s + i, p - i);
			if (k != ABBR_NONE &&
			    !(p + 1 < end && s[p + 1] == '.') &&
			    (!(k & ABBR_DIGIT_ONLY) || digit_follows(s, p + 1, end))) {
				p++;
				*flags |= VIGIL_TF_ABBREV;
				break;
			}
			if (w.cps == 1 && (*flags & VIGIL_TF_CAP) &&
			    letter_at(s, i, end) && !(p + 1 < end && s[p + 1] == '.') &&
			    !word_at(s, p + 1, end)) {
				p++; /* an initial: "W." */
				*flags |= VIGIL_TF_ABBREV;
				break;
			}
		}
		if (p + 1 < end && (vigil__text_cls[s[p + 1]] & C_LOWER)) {
			p++; /* "reuters.com" */
			continue;
		}
		break;
	}
	/* All-capital words are rare: look at their letters only then. */
	if (!w.lower && all_upper(s, i, p))
		*flags |= VIGIL_TF_UPPER;
	if (w.ascii)
		*flags |= VIGIL_TF_ASCII;
	return p;
}

/*
 * Scans a number starting at the digit s[i]: digits with thousands groups
 * ("11,000"), decimals ("1.5"), times ("12:30"), ISO dates ("2024-06-15"),
 * and an ordinal or decade suffix ("3rd", "1990s"). Returns the end.
 */
static size_t scan_number(const unsigned char *s, size_t i, size_t end,
			  unsigned *flags)
{
	const uint8_t *cls = vigil__text_cls;
	size_t p = i;

#define DIG(k) ((k) < end && (cls[s[k]] & C_DIGIT))
	*flags = VIGIL_TF_ASCII;
	while (DIG(p))
		p++;
	if (p - i == 4 && p < end && s[p] == '-' && DIG(p + 1) && DIG(p + 2) &&
	    p + 3 < end && s[p + 3] == '-' && DIG(p + 4) && DIG(p + 5) &&
	    !DIG(p + 6) && !word_at(s, p + 6, end))
		return p + 6;
	while (p < end) {
		if (s[p] == ',' && DIG(p + 1) && DIG(p + 2) && DIG(p + 3) &&
		    !DIG(p + 4)) {
			p += 4;
		} else if (s[p] == '.' && DIG(p + 1)) {
			p++;
			while (DIG(p))
				p++;
		} else if (s[p] == ':' && DIG(p + 1) && DIG(p + 2) && !DIG(p + 3)) {
			p += 3;
		} else {
			break;
		}
	}
	if (p + 1 < end && (cls[s[p]] & C_ALPHA) && (cls[s[p + 1]] & C_ALPHA) &&
	    !word_at(s, p + 2, end)) {
		char a = (char)(s[p] | 0x20), b = (char)(s[p + 1] | 0x20);

		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
			if ((cls[s[p]] & C_UPPER) && (cls[s[p + 1]] & C_UPPER))
				*flags |= VIGIL_TF_UPPER;
			return p + 2;
		}
	}
	if (p < end && (s[p] | 0x20) == 's' && !word_at(s, p + 1, end))
		return p + 1;
#undef DIG
	return p;
}

/* Flags of a token cut out of an over-long one: recomputed from its bytes. */
static unsigned piece_flags(const unsigned char *s, size_t n)
{
	unsigned up = 0, low = 0, ascii = 1, f = 0;
	int first = 1;
	size_t i = 0;
	int32_t cp;
	utf8proc_category_t c;

	while (i < n) {
		if (s[i] < 0x80) {
			c = (vigil__text_cls[s[i]] & C_UPPER) ? UTF8PROC_CATEGORY_LU
			  : (vigil__text_cls[s[i]] & C_LOWER) ? UTF8PROC_CATEGORY_LL
								: UTF8PROC_CATEGORY_PO;
			i++;
		} else {
			ascii = 0;
			i += vigil__text_decode(s + i, n - i, &cp);
			c = utf8proc_category(cp);
		}
		if (first && upper_cat(c))
			f |= VIGIL_TF_CAP;
		first = 0;
		up += upper_cat(c);
		low += c == UTF8PROC_CATEGORY_LL;
	}
	if (up >= 2 && low == 0)
		f |= VIGIL_TF_UPPER;
	if (ascii)
		f |= VIGIL_TF_ASCII;
	return f;
}

void vigil__text_tok_init(vigil__tokstate *st, const char *text, size_t begin,
			  size_t end, int space)
{
	st->text = text;
	st->pos = begin;
	st->end = end;
	st->space = space;
	st->prev_end = UINT32_MAX;
	st->prev_type = VIGIL_TOK_PUNCT;
	st->prev_last = 0;
}

size_t vigil__text_tokenize(vigil__tokstate *st, vigil__token *tok, size_t max)
{
	const unsigned char *s = (const unsigned char *)st->text;
	const uint8_t *cls = vigil__text_cls;
	size_t p = st->pos, end = st->end, start, q, n = 0, cl;
	int space = st->space;
	unsigned flags, type, c;
	int32_t cp;
	utf8proc_category_t cat;
	/* the previous token, in locals: stores through `tok` may alias *st */
	uint32_t prev_end = st->prev_end;
	uint8_t prev_type = st->prev_type, prev_last = st->prev_last;

	while (n < max) {
		/* White space. */
		while (p < end) {
			c = s[p];
			if (c < 0x80) {
				if (!(cls[c] & C_SPACE))
					break;
				p++;
				space = 1;
				continue;
			}
			cl = vigil__text_decode(s + p, end - p, &cp);
			if (word_cp(cp) || !space_cat(utf8proc_category(cp)))
				break;
			p += cl;
			space = 1;
		}
		if (p >= end)
			break;
		start = p;
		c = s[p];
		cl = cls[c];
		type = VIGIL_TOK_PUNCT;
		flags = VIGIL_TF_ASCII;
		if (cl & C_ALPHA) {
			type = VIGIL_TOK_WORD;
			q = scan_word(s, p, end, &flags);
		} else if (cl & C_DIGIT) {
			type = VIGIL_TOK_NUMBER;
			q = scan_number(s, p, end, &flags);
		} else if (cl & C_HIGH) {
			q = p + vigil__text_decode(s + p, end - p, &cp);
			flags = 0;
			if (word_cp(cp)) {
				type = VIGIL_TOK_WORD;
				q = scan_word(s, p, end, &flags);
			} else {
				cat = utf8proc_category(cp);
				if (cat < UTF8PROC_CATEGORY_PC || cat > UTF8PROC_CATEGORY_PO)
					type = VIGIL_TOK_SYMBOL;
			}
		} else if (c == '\'') {
			q = p + 1;
			if (prev_end == p && (prev_type == VIGIL_TOK_WORD ||
					      prev_type == VIGIL_TOK_NUMBER)) {
				if (p + 1 < end && (s[p + 1] | 0x20) == 's' &&
				    !word_at(s, p + 2, end)) {
					type = VIGIL_TOK_POSS;
					q = p + 2;
				} else if ((prev_last | 0x20) == 's' &&
					   !word_at(s, p + 1, end)) {
					type = VIGIL_TOK_POSS;
				}
			}
		} else if (cl & C_TERM) {
			q = p + 1;
			while (q < end && (cls[s[q]] & C_TERM))
				q++;
		} else if (c == '-' || c == '/') {
			q = p + 1;
			if (prev_end == p && (prev_type == VIGIL_TOK_WORD ||
					      prev_type == VIGIL_TOK_NUMBER) &&
			    word_at(s, q, end))
				flags |= VIGIL_TF_INNER;
		} else {
			q = p + 1;
			if (!(cl & C_PUNCT))
				type = VIGIL_TOK_SYMBOL;
		}
		if (q - start > UINT16_MAX) {
			q = start + UINT16_MAX;
			while (q > start + 1 && (s[q] & 0xC0) == 0x80)
				q--;
			flags = piece_flags(s + start, q - start);
		}
		if (space)
			flags |= VIGIL_TF_SPACE;
		tok[n].off = (uint32_t)start;
		tok[n].len = (uint16_t)(q - start);
		tok[n].type = (uint8_t)type;
		tok[n].flags = (uint8_t)flags;
		n++;
		prev_end = (uint32_t)q;
		prev_type = (uint8_t)type;
		prev_last = s[q - 1];
		space = 0;
		p = q;
	}
	st->pos = p;
	st->space = space;
	st->prev_end = prev_end;
	st->prev_type = prev_type;
	st->prev_last = prev_last;
	return n;
}

size_t vigil__tokenize_phrase(const char *s, size_t len, vigil__token *tok,
			      size_t max)
{
	vigil__token scratch[64];
	vigil__tokstate st;
	size_t n, k;

	if (len > UINT32_MAX - 1)
		len = UINT32_MAX - 1;
	vigil__text_tok_init(&st, s, 0, len, 1);
	n = tok && max ? vigil__text_tokenize(&st, tok, max) : 0;
	if (n < max)
		return n;
	while ((k = vigil__text_tokenize(&st, scratch, 64)) > 0)
		n += k;
	return n;
}

/* ---- Case folding ------------------------------------------------------- */

size_t vigil__fold(const char *s, size_t len, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	utf8proc_int32_t f[8];
	utf8proc_ssize_t nf, k;
	size_t i = 0, o = 0, n;
	int32_t cp;
	int bc;

	while (i < len) {
		if (u[i] < 0x80) {
			if (o >= cap)
				return (size_t)-1;
			out[o++] = (char)vigil__text_lower[u[i++]];
			continue;
		}
		n = vigil__text_decode(u + i, len - i, &cp);
		if (n == 1) {
			/* A malformed byte: kept as is. */
			if (o >= cap)
				return (size_t)-1;
			out[o++] = (char)u[i++];
			continue;
		}
		bc = 0;
		nf = utf8proc_decompose_char(cp, f, 8, UTF8PROC_CASEFOLD, &bc);
		if (nf < 1 || nf > 8) {
			f[0] = cp;
			nf = 1;
		}
		for (k = 0; k < nf; k++) {
			utf8proc_uint8_t b[4];
			utf8proc_ssize_t m = utf8proc_encode_char(f[k], b);

			if (o + (size_t)m > cap)
				return (size_t)-1;
			memcpy(out + o, b, (size_t)m);
			o += (size_t)m;
		}
		i += n;
	}
	return o;
}
