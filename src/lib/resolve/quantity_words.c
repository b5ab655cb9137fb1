/*
 * quantity_words.c: the number at the heart of a quantity phrase: digit
 * tokens ("11,000", "1.5", "3rd", "1990s", "12:30"), scale words ("million",
 * "bn"), number words ("twenty-five", "a hundred", "two hundred and fifty"),
 * vague magnitudes ("dozens", "tens of thousands", "several hundred") and
 * word ordinals. Keywords are ASCII; other tokens never match them.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "quantity_int.h"

/* ---- Token helpers ------------------------------------------------------ */

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

size_t vigil__qfold(const vigil__qscan *s, size_t i, char *buf, size_t cap)
{
	const vigil__token *t = &s->tok[i];
	const unsigned char *p = (const unsigned char *)s->text + t->off;
	size_t k;

	if (!(t->flags & VIGIL_TF_ASCII) || (size_t)t->len + 1 > cap)
		return 0;
	for (k = 0; k < t->len; k++)
		buf[k] = (char)lower(p[k]);
	buf[k] = '\0';
	return k;
}

int vigil__qinner(const vigil__qscan *s, size_t i, char c)
{
	const vigil__token *t;

	if (i >= s->end)
		return 0;
	t = &s->tok[i];
	return t->type == VIGIL_TOK_PUNCT && t->len == 1 &&
	       (t->flags & VIGIL_TF_INNER) && s->text[t->off] == c;
}

/* ---- Number words ------------------------------------------------------- */

enum wclass {
	W_UNIT,     /* zero .. nineteen */
	W_TENS,     /* twenty .. ninety */
	W_HUNDRED,  /* hundred */
	W_SCALE,    /* thousand, million, billion, trillion */
	W_DOZEN,    /* dozen */
	W_VAGUE,    /* dozens, scores, hundreds, thousands, millions, billions */
	W_TENS_PL,  /* tens (only in "tens of thousands/millions") */
	W_ORD,      /* first .. millionth */
	W_A,        /* a */
	W_HALF,     /* half (a million) */
	W_SEVERAL,  /* several (hundred) */
	W_FEW,      /* few (only after "a") */
	W_MANY      /* many (thousands) */
};

typedef struct wentry {
	const char *w;
	uint8_t len;
	uint8_t cls;  /* enum wclass */
	double v;     /* value, scale or vague magnitude */
} wentry;

/* The number words by first letter, as X-macro lists (X(arg, word, class,
 * value)) sorted by length, then alphabetically: lookup takes the entries
 * of one length as a contiguous run whose bounds (below) are counted from
 * the lists themselves at compile time. */
#define WORDS_A(X, a) \
	X(a, "a", W_A, 1)
#define WORDS_B(X, a) \
	X(a, "billion", W_SCALE, 1e9) \
	X(a, "billions", W_VAGUE, 1e9)
#define WORDS_D(X, a) \
	X(a, "dozen", W_DOZEN, 12) \
	X(a, "dozens", W_VAGUE, 12)
#define WORDS_E(X, a) \
	X(a, "eight", W_UNIT, 8) \
	X(a, "eighth", W_ORD, 8) \
	X(a, "eighty", W_TENS, 80) \
	X(a, "eleven", W_UNIT, 11) \
	X(a, "eighteen", W_UNIT, 18) \
	X(a, "eleventh", W_ORD, 11) \
	X(a, "eightieth", W_ORD, 80) \
	X(a, "eighteenth", W_ORD, 18)
#define WORDS_F(X, a) \
	X(a, "few", W_FEW, 0) \
	X(a, "five", W_UNIT, 5) \
	X(a, "four", W_UNIT, 4) \
	X(a, "fifth", W_ORD, 5) \
	X(a, "fifty", W_TENS, 50) \
	X(a, "first", W_ORD, 1) \
	X(a, "forty", W_TENS, 40) \
	X(a, "fourth", W_ORD, 4) \
	X(a, "fifteen", W_UNIT, 15) \
	X(a, "fiftieth", W_ORD, 50) \
	X(a, "fortieth", W_ORD, 40) \
	X(a, "fourteen", W_UNIT, 14) \
	X(a, "fifteenth", W_ORD, 15) \
	X(a, "fourteenth", W_ORD, 14)
#define WORDS_H(X, a) \
	X(a, "half", W_HALF, 0.5) \
	X(a, "hundred", W_HUNDRED, 100) \
	X(a, "hundreds", W_VAGUE, 100) \
	X(a, "hundredth", W_ORD, 100)
#define WORDS_M(X, a) \
	X(a, "many", W_MANY, 0) \
	X(a, "million", W_SCALE, 1e6) \
	X(a, "millions", W_VAGUE, 1e6) \
	X(a, "millionth", W_ORD, 1e6)
#define WORDS_N(X, a) \
	X(a, "nine", W_UNIT, 9) \
	X(a, "ninth", W_ORD, 9) \
	X(a, "ninety", W_TENS, 90) \
	X(a, "nineteen", W_UNIT, 19) \
	X(a, "ninetieth", W_ORD, 90) \
	X(a, "nineteenth", W_ORD, 19)
#define WORDS_O(X, a) \
	X(a, "one", W_UNIT, 1)
#define WORDS_S(X, a) \
	X(a, "six", W_UNIT, 6) \
	X(a, "seven", W_UNIT, 7) \
	X(a, "sixth", W_ORD, 6) \
	X(a, "sixty", W_TENS, 60) \
	X(a, "scores", W_VAGUE, 20) \
	X(a, "second", W_ORD, 2) \
	X(a, "seventh", W_ORD, 7) \
	X(a, "seventy", W_TENS, 70) \
	X(a, "several", W_SEVERAL, 0) \
	X(a, "sixteen", W_UNIT, 16) \
	X(a, "sixtieth", W_ORD, 60) \
	X(a, "seventeen", W_UNIT, 17) \
	X(a, "sixteenth", W_ORD, 16) \
	X(a, "seventieth", W_ORD, 70) \
	X(a, "seventeenth", W_ORD, 17)
#define WORDS_T(X, a) \
	X(a, "ten", W_UNIT, 10) \
	X(a, "two", W_UNIT, 2) \
	X(a, "tens", W_TENS_PL, 10) \
	X(a, "tenth", W_ORD, 10) \
	X(a, "third", W_ORD, 3) \
	X(a, "three", W_UNIT, 3) \
	X(a, "thirty", W_TENS, 30) \
	X(a, "twelve", W_UNIT, 12) \
	X(a, "twenty", W_TENS, 20) \
	X(a, "twelfth", W_ORD, 12) \
	X(a, "thirteen", W_UNIT, 13) \
	X(a, "thousand", W_SCALE, 1e3) \
	X(a, "trillion", W_SCALE, 1e12) \
	X(a, "thirtieth", W_ORD, 30) \
	X(a, "thousands", W_VAGUE, 1e3) \
	X(a, "twentieth", W_ORD, 20) \
	X(a, "thirteenth", W_ORD, 13) \
	X(a, "thousandth", W_ORD, 1e3)
#define WORDS_Z(X, a) \
	X(a, "zero", W_UNIT, 0)

#define E(a, w, cls, v) {w, sizeof(w) - 1, cls, v},
static const wentry words_a[] = {WORDS_A(E, 0)};
static const wentry words_b[] = {WORDS_B(E, 0)};
static const wentry words_d[] = {WORDS_D(E, 0)};
static const wentry words_e[] = {WORDS_E(E, 0)};
static const wentry words_f[] = {WORDS_F(E, 0)};
static const wentry words_h[] = {WORDS_H(E, 0)};
static const wentry words_m[] = {WORDS_M(E, 0)};
static const wentry words_n[] = {WORDS_N(E, 0)};
static const wentry words_o[] = {WORDS_O(E, 0)};
static const wentry words_s[] = {WORDS_S(E, 0)};
static const wentry words_t[] = {WORDS_T(E, 0)};
static const wentry words_z[] = {WORDS_Z(E, 0)};
#undef E

/* MAXLEN: the longest number word. By the token's first byte (either
 * case): that letter's entries, those of length n being e[at[n] ..
 * at[n + 1]); a byte no word starts with has only empty runs. second[n]
 * has bit c - 'a' set when one of the words of length n >= 2 has c as its
 * second letter (all bits for n < 2): a token whose lowercased second
 * byte is not among them is no number word, without a lookup ("the" and
 * "for" stop there, not at "ten", "two" and "few"). */
#define MAXLEN 11
typedef struct letter {
	const wentry *e;
	uint8_t at[MAXLEN + 2];
	uint32_t second[MAXLEN + 1];
} letter;

#define SHORTER(n, w, cls, v) (sizeof(w) - 1 < (n)) +
#define RUNS(L)                                                                \
	{                                                                      \
		WORDS_##L(SHORTER, 0) 0, WORDS_##L(SHORTER, 1) 0,              \
		WORDS_##L(SHORTER, 2) 0, WORDS_##L(SHORTER, 3) 0,              \
		WORDS_##L(SHORTER, 4) 0, WORDS_##L(SHORTER, 5) 0,              \
		WORDS_##L(SHORTER, 6) 0, WORDS_##L(SHORTER, 7) 0,              \
		WORDS_##L(SHORTER, 8) 0, WORDS_##L(SHORTER, 9) 0,              \
		WORDS_##L(SHORTER, 10) 0, WORDS_##L(SHORTER, 11) 0,            \
		WORDS_##L(SHORTER, 12) 0                                       \
	}
#define SECOND(n, w, cls, v)                                                   \
	(sizeof(w) - 1 == (n) ? 1u << (((unsigned)(w)[1] - 'a') & 31u) : 0u) |
#define SECONDS(L)                                                             \
	{                                                                      \
		~0u, ~0u, WORDS_##L(SECOND, 2) 0u, WORDS_##L(SECOND, 3) 0u,    \
		WORDS_##L(SECOND, 4) 0u, WORDS_##L(SECOND, 5) 0u,              \
		WORDS_##L(SECOND, 6) 0u, WORDS_##L(SECOND, 7) 0u,              \
		WORDS_##L(SECOND, 8) 0u, WORDS_##L(SECOND, 9) 0u,              \
		WORDS_##L(SECOND, 10) 0u, WORDS_##L(SECOND, 11) 0u             \
	}
#define LETTER(lc, uc, l, L)                                                   \
	[lc] = {words_##l, RUNS(L), SECONDS(L)},                               \
	[uc] = {words_##l, RUNS(L), SECONDS(L)}
static const letter by_byte[256] = {
	LETTER('a', 'A', a, A),
	LETTER('b', 'B', b, B),
	LETTER('d', 'D', d, D),
	LETTER('e', 'E', e, E),
	LETTER('f', 'F', f, F),
	LETTER('h', 'H', h, H),
	LETTER('m', 'M', m, M),
	LETTER('n', 'N', n, N),
	LETTER('o', 'O', o, O),
	LETTER('s', 'S', s, S),
	LETTER('t', 'T', t, T),
	LETTER('z', 'Z', z, Z),
};
#undef LETTER
#undef SECONDS
#undef SECOND
#undef RUNS

/* Every word is at most MAXLEN letters long (else lookup would miss it). */
#define ALL_FIT(L, l)                                                          \
	_Static_assert(WORDS_##L(SHORTER, MAXLEN + 1) 0 ==                     \
			   sizeof(words_##l) / sizeof(words_##l[0]),           \
		       "a number word longer than MAXLEN")
ALL_FIT(A, a);
ALL_FIT(B, b);
ALL_FIT(D, d);
ALL_FIT(E, e);
ALL_FIT(F, f);
ALL_FIT(H, h);
ALL_FIT(M, m);
ALL_FIT(N, n);
ALL_FIT(O, o);
ALL_FIT(S, s);
ALL_FIT(T, t);
ALL_FIT(Z, z);
#undef ALL_FIT
#undef SHORTER

static const wentry *lookup(const vigil__qscan *s, size_t i)
{
	const vigil__token *t;
	const unsigned char *p;
	const letter *l;
	size_t k, j, n;

	if (i >= s->end)
		return NULL;
	t = &s->tok[i];
	n = t->len;
	if (t->type != VIGIL_TOK_WORD || n > MAXLEN)
		return NULL;
	p = (const unsigned char *)s->text + t->off;
	l = &by_byte[p[0]];
	for (k = l->at[n]; k < l->at[n + 1]; k++) {
		/* ASCII c | 0x20 is a lowercase letter only if c is a letter;
		 * bytes >= 0x80 never match either */
		for (j = 1; j < n && (p[j] | 0x20) == (unsigned char)l->e[k].w[j];
		     j++)
			;
		if (j == n)
			return &l->e[k];
	}
	return NULL;
}

static int lookup_class(const vigil__qscan *s, size_t i, int cls)
{
	const wentry *w = lookup(s, i);

	return w && w->cls == cls;
}

int vigil__qword_numeric(const vigil__qscan *s, size_t i)
{
	const wentry *w = lookup(s, i);

	return w && w->cls != W_A && w->cls != W_FEW && w->cls != W_MANY &&
	       w->cls != W_SEVERAL && w->cls != W_HALF;
}

/* ---- Scale words after digits ------------------------------------------- */

/* Power of ten of a scale word after digits; 0 when none. "m" is million
 * only for money ("$5m"); otherwise it is metres. */
static int scale_exp(const vigil__qscan *s, size_t i, int money)
{
	static const struct {
		const char *w;
		int exp;
	} scales[] = {
		{"hundred", 2}, {"thousand", 3}, {"million", 6}, {"mn", 6},
		{"mln", 6},     {"billion", 9},  {"bn", 9},      {"trillion", 12},
		{"tn", 12},
	};
	size_t k;

	for (k = 0; k < sizeof(scales) / sizeof(scales[0]); k++)
		if (vigil__qword_is(s, i, scales[k].w))
			return scales[k].exp;
	if (money && i < s->end && s->tok[i].len == 1 &&
	    (s->text[s->tok[i].off] == 'm' || s->text[s->tok[i].off] == 'M'))
		return 6;
	return 0;
}

static double pow10i(int e)
{
	static const double p[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
				   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

	if (e >= 0 && e <= 22)
		return p[e];
	return pow(10.0, e);
}

/* ---- Digit tokens ------------------------------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The kind a digit token's own suffix forces, or -1: "3rd" ORDINAL,
 * "1990s" YEAR, "12:30" TIME, "2024-06-15" DATE, anything else OTHER. */
static int suffix_hint(const char *p, size_t n, const vigil__qcore *c)
{
	char a, b;

	if (n == 0)
		return -1;
	if (n == 2) {
		a = (char)lower((unsigned char)p[0]);
		b = (char)lower((unsigned char)p[1]);
		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
			return VIGIL_QK_ORDINAL;
	}
	if (n == 1 && (p[0] == 's' || p[0] == 'S'))
		return (c->flags & (VIGIL__QF_DECIMAL | VIGIL__QF_COMMA)) ||
				       fmod(c->value, 10.0) != 0.0
			       ? VIGIL_QK_OTHER
			       : VIGIL_QK_YEAR;
	if (p[0] == ':' && n == 3 && is_digit(p[1]) && is_digit(p[2]))
		return VIGIL_QK_TIME;
	if (p[0] == '-' && n == 6 && is_digit(p[1]) && is_digit(p[2]) &&
	    p[3] == '-' && is_digit(p[4]) && is_digit(p[5]))
		return VIGIL_QK_DATE;
	return VIGIL_QK_OTHER;
}

/* A thousands separator at p[i]: after the first group of 1-3 digits or a
 * later group of 3, followed by exactly three digits. */
static int comma_group(const char *p, size_t n, size_t i, size_t grp,
		       unsigned seen)
{
	return grp >= 1 && grp <= 3 && (!seen || grp == 3) && i + 3 < n &&
	       is_digit(p[i + 1]) && is_digit(p[i + 2]) && is_digit(p[i + 3]) &&
	       (i + 4 == n || !is_digit(p[i + 4]));
}

/* Reads the value of a NUMBER token: digits with well-formed thousands
 * groups, an optional decimal part, then a suffix (see suffix_hint). The
 * mantissa keeps at most 18 digits; longer runs are labels. */
static void parse_digit_token(const char *p, size_t n, vigil__qcore *c,
			      uint64_t *mant, int *exp)
{
	size_t i = 0, grp = 0, sig = 0;
	int frac = 0, overflow = 0;

	*mant = 0;
	while (i < n) {
		if (is_digit(p[i])) {
			if (sig < 18)
				*mant = *mant * 10 + (uint64_t)(p[i] - '0');
			else
				overflow++;
			if (*mant)
				sig++;
			c->ndigits++;
			grp++;
			i++;
		} else if (p[i] == ',' &&
			   comma_group(p, n, i, grp, c->flags & VIGIL__QF_COMMA)) {
			c->flags |= VIGIL__QF_COMMA;
			grp = 0;
			i++;
		} else {
			break;
		}
	}
	if (i + 1 < n && p[i] == '.' && is_digit(p[i + 1])) {
		c->flags |= VIGIL__QF_DECIMAL;
		for (i++; i < n && is_digit(p[i]); i++) {
			if (sig < 18) {
				*mant = *mant * 10 + (uint64_t)(p[i] - '0');
				frac++;
				if (*mant)
					sig++;
			}
		}
	}
	*exp = overflow - frac;
	c->value = (double)*mant * pow10i(overflow) / pow10i(frac);
	if (c->ndigits >= 2 && p[0] == '0' && !(c->flags & (VIGIL__QF_COMMA |
							    VIGIL__QF_DECIMAL)))
		c->flags |= VIGIL__QF_LEADZERO;
	c->hint = suffix_hint(p + i, n - i, c);
	if (c->ndigits > 18 && c->hint < 0)
		c->hint = VIGIL_QK_LABEL;
}

static int parse_digits(const vigil__qscan *s, size_t i, int money,
			vigil__qcore *c)
{
	const vigil__token *t = &s->tok[i];
	uint64_t mant;
	int exp, k, last = 0;
	size_t j = i + 1;

	c->flags = VIGIL__QF_DIGITS;
	parse_digit_token(s->text + t->off, t->len, c, &mant, &exp);
	if (c->hint >= 0) {
		c->e = j;
		return 1;
	}
	/* scale words, each larger than the one before: "3 hundred thousand" */
	while (j < s->end && (k = scale_exp(s, j, money)) > last) {
		exp += k;
		last = k;
		c->flags |= VIGIL__QF_SCALED;
		j++;
	}
	if (!last && vigil__qword_is(s, j, "dozen")) {
		c->value = (double)mant * pow10i(exp > 0 ? exp : 0) /
			   pow10i(exp < 0 ? -exp : 0) * 12.0;
		c->flags |= VIGIL__QF_SCALED;
		c->e = j + 1;
		return 1;
	}
	if (last)
		c->value = exp >= 0 ? (double)mant * pow10i(exp)
				    : (double)mant / pow10i(-exp);
	if (j == i + 1 && j < s->end && s->tok[j].type == VIGIL_TOK_WORD &&
	    !(s->tok[j].flags & VIGIL_TF_SPACE))
		c->flags |= VIGIL__QF_GLUED;
	c->e = j;
	return 1;
}

/* ---- Word numbers ------------------------------------------------------- */

enum last { L_NONE, L_A, L_UNIT, L_TENS, L_HUNDRED, L_SCALE };

/* "two hundred and fifty thousand", "twenty-five", "a dozen", "a million".
 * `j` is the first number word; `cur` is 1 after "a". */
static int compose(const vigil__qscan *s, size_t j, double cur, int last,
		   vigil__qcore *c)
{
	double total = 0, bigscale = INFINITY;
	size_t e = j;
	const wentry *w;

	while ((w = lookup(s, j)) != NULL) {
		if (w->cls == W_UNIT && (last == L_NONE || last == L_HUNDRED ||
					 last == L_SCALE ||
					 (last == L_TENS && w->v >= 1 && w->v <= 9))) {
			cur += w->v;
			last = L_UNIT;
		} else if (w->cls == W_TENS && (last == L_NONE || last == L_HUNDRED ||
						last == L_SCALE)) {
			cur += w->v;
			last = L_TENS;
		} else if (w->cls == W_HUNDRED &&
			   (last == L_UNIT || last == L_A) && cur >= 1 && cur < 100) {
			cur *= 100;
			last = L_HUNDRED;
		} else if (w->cls == W_SCALE && w->v < bigscale &&
			   (last == L_UNIT || last == L_TENS || last == L_HUNDRED ||
			    last == L_A) && cur > 0) {
			total += cur * w->v;
			bigscale = w->v;
			cur = 0;
			last = L_SCALE;
		} else if (w->cls == W_DOZEN &&
			   (last == L_UNIT || last == L_TENS || last == L_A)) {
			cur *= 12;
			last = L_UNIT;
			e = j + 1;
			break;
		} else {
			break;
		}
		e = ++j;
		/* "twenty-five" */
		if (last == L_TENS && vigil__qinner(s, j, '-') &&
		    (w = lookup(s, j + 1)) != NULL && w->cls == W_UNIT &&
		    w->v >= 1 && w->v <= 9)
			j++;
		/* "two hundred and fifty", "a thousand and one" */
		else if ((last == L_HUNDRED || last == L_SCALE) &&
			 vigil__qword_is(s, j, "and") &&
			 (lookup_class(s, j + 1, W_UNIT) || lookup_class(s, j + 1, W_TENS)))
			j++;
	}
	if (last == L_A || e == c->b)
		return 0;
	c->value = total + cur;
	c->e = e;
	if (e == c->b + 1 && vigil__qword_is(s, c->b, "one"))
		c->flags |= VIGIL__QF_ONE;
	return 1;
}

/* A chain of scale words after a vague word: "several hundred thousand". */
static size_t scale_chain(const vigil__qscan *s, size_t j, double *scale)
{
	const wentry *w;
	double last = 0;

	*scale = 1;
	while ((w = lookup(s, j)) != NULL &&
	       (w->cls == W_HUNDRED || w->cls == W_SCALE || w->cls == W_DOZEN) &&
	       (last == 0 || (w->v > last && w->cls != W_DOZEN))) {
		*scale *= w->v;
		last = w->v;
		j++;
	}
	return j;
}

static int vague(vigil__qcore *c, size_t e, double scale, int qual)
{
	c->e = e;
	c->scale = scale;
	c->qual = qual;
	c->value = NAN;
	return 1;
}

/* The qualifier a vague magnitude names. */
static int vague_qual(double scale)
{
	if (scale == 12)
		return VIGIL_QQ_DOZENS;
	if (scale == 20)
		return VIGIL_QQ_SCORES;
	if (scale == 100)
		return VIGIL_QQ_HUNDREDS;
	if (scale == 1e3)
		return VIGIL_QQ_THOUSANDS;
	if (scale == 1e4)
		return VIGIL_QQ_TENS_OF_THOUSANDS;
	if (scale == 1e5)
		return VIGIL_QQ_HUNDREDS_OF_THOUSANDS;
	return VIGIL_QQ_MILLIONS;
}

/* "dozens", "hundreds of thousands", "tens of millions"; "scores" and
 * "tens" only with "of". */
static int parse_vague(const vigil__qscan *s, size_t i, const wentry *w,
		       vigil__qcore *c)
{
	const wentry *w2 = NULL;
	int of = vigil__qword_is(s, i + 1, "of");

	if (of)
		w2 = lookup(s, i + 2);
	if (w2 && w2->cls == W_VAGUE && w2->v >= 1e3 && w2->v > w->v &&
	    (w->cls == W_TENS_PL || w->v == 100))
		return vague(c, i + 3, w->v * w2->v, vague_qual(w->v * w2->v));
	if (w->cls == W_TENS_PL || (w->v == 20 && !of))
		return 0;
	return vague(c, i + 1, w->v, vague_qual(w->v));
}

/* Word ordinals, with "twenty-first". */
static int parse_ordinal(const vigil__qscan *s, size_t i, const wentry *w,
			 vigil__qcore *c)
{
	const wentry *w2;

	c->value = w->v;
	c->e = i + 1;
	if (w->cls == W_TENS) {
		if (!vigil__qinner(s, i + 1, '-') || (w2 = lookup(s, i + 2)) == NULL ||
		    w2->cls != W_ORD || w2->v < 1 || w2->v > 9)
			return 0;
		c->value += w2->v;
		c->e = i + 3;
	}
	c->hint = VIGIL_QK_ORDINAL;
	return 1;
}

static int parse_words(const vigil__qscan *s, size_t i, vigil__qcore *c)
{
	const wentry *w = lookup(s, i), *w2;
	double scale;
	size_t e;

	if (!w)
		return 0;
	switch (w->cls) {
	case W_ORD:
		return parse_ordinal(s, i, w, c);
	case W_TENS:
		if (parse_ordinal(s, i, w, c))
			return 1;
		c->hint = -1;
		return compose(s, i, 0, L_NONE, c);
	case W_UNIT:
	case W_HUNDRED:
	case W_DOZEN:
		return compose(s, i, 0, L_NONE, c);
	case W_VAGUE:
	case W_TENS_PL:
		return parse_vague(s, i, w, c);
	case W_A:
		if (vigil__qword_is(s, i + 1, "few")) {
			e = scale_chain(s, i + 2, &scale);
			return e > i + 2 && vague(c, e, scale, VIGIL_QQ_FEW);
		}
		return compose(s, i + 1, 1, L_A, c);
	case W_HALF:
		if (!vigil__qword_is(s, i + 1, "a") || (w2 = lookup(s, i + 2)) == NULL ||
		    (w2->cls != W_HUNDRED && w2->cls != W_SCALE && w2->cls != W_DOZEN))
			return 0;
		c->value = w2->v / 2;
		c->e = i + 3;
		return 1;
	case W_SEVERAL:
		e = scale_chain(s, i + 1, &scale);
		return e > i + 1 && vague(c, e, scale, VIGIL_QQ_SEVERAL);
	case W_MANY:
		if ((w2 = lookup(s, i + 1)) == NULL || w2->cls != W_VAGUE || w2->v < 100)
			return 0;
		return parse_vague(s, i + 1, w2, c);
	default:
		return 0;
	}
}

size_t vigil__qnext_start(const vigil__qscan *s, size_t i)
{
	const wentry *w;

	for (; i < s->end; i++) {
		const vigil__token *t = &s->tok[i];
		const letter *l;
		unsigned c;

		if (t->type == VIGIL_TOK_NUMBER)
			return i;
		if (t->type != VIGIL_TOK_WORD || t->len > MAXLEN)
			continue;
		/* most words: no number word of this first letter and length,
		 * or none with this second letter */
		l = &by_byte[(unsigned char)s->text[t->off]];
		if (l->at[t->len] == l->at[t->len + 1])
			continue;
		if (t->len >= 2) {
			c = ((unsigned char)s->text[t->off + 1] | 0x20u) - 'a';
			if (c >= 26 || !((l->second[t->len] >> c) & 1u))
				continue;
		}
		w = lookup(s, i);
		if (!w || w->cls == W_FEW)
			continue;
		/* "a", "half", "several", "many" start a number only before
		 * another number word (parse_words fails otherwise) */
		if ((w->cls == W_A || w->cls == W_HALF || w->cls == W_SEVERAL ||
		     w->cls == W_MANY) && !lookup(s, i + 1))
			continue;
		return i;
	}
	return s->end;
}

int vigil__qcore_parse(const vigil__qscan *s, size_t i, int money,
		       vigil__qcore *c)
{
	const vigil__token *t;

	memset(c, 0, sizeof(*c));
	c->b = i;
	c->value = NAN;
	c->scale = NAN;
	c->hint = -1;
	c->qual = VIGIL_QQ_EXACT;
	if (i >= s->end)
		return 0;
	t = &s->tok[i];
	if (t->type == VIGIL_TOK_NUMBER)
		return parse_digits(s, i, money, c);
	if (t->type != VIGIL_TOK_WORD)
		return 0;
	return parse_words(s, i, c);
}

/* Each letter's words start with that letter and run by length (lookup's
 * runs rely on it). */
int vigil__qwords_check(void)
{
	unsigned c;
	size_t k;

	for (c = 'a'; c <= 'z'; c++) {
		const letter *l = &by_byte[c];
		size_t n = l->at[MAXLEN + 1];

		for (k = 0; k < n; k++)
			if (l->e[k].w[0] != (char)c || l->e[k].len != strlen(l->e[k].w) ||
			    (k > 0 && l->e[k - 1].len > l->e[k].len) ||
			    (l->e[k].len >= 2 &&
			     !((l->second[l->e[k].len] >> (l->e[k].w[1] - 'a')) & 1u)))
				return -1;
	}
	return 0;
}

size_t vigil__qwords_list(const char **out, size_t cap)
{
	unsigned c;
	size_t k, n = 0;

	for (c = 'a'; c <= 'z'; c++) {
		const letter *l = &by_byte[c];

		for (k = 0; k < l->at[MAXLEN + 1]; k++, n++)
			if (n < cap)
				out[n] = l->e[k].w;
	}
	return n;
}
