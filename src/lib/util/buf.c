/*
 * buf.c: the growable, capped byte buffer (see buf.h) and its JSON string
 * writer, which escapes control characters, quotes and backslashes and
 * passes valid UTF-8 through unchanged.
 *
 * SPDX-License-Identifier: MIT
 */
#include "buf.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

void vigil__buf_init(vigil__buf *b, size_t limit)
{
	memset(b, 0, sizeof(*b));
	b->limit = limit;
}

int vigil__buf_reserve(vigil__buf *b, size_t extra)
{
	size_t need, ncap;
	char *p;

	if (b->failed)
		return -1;
	if (extra > (size_t)-1 - b->len - 1 ||
	    (b->limit && b->len + extra > b->limit)) {
		b->failed = 1;
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 256;
	while (ncap < need)
		ncap = ncap > ((size_t)-1) / 2 ? need : ncap * 2;
	p = realloc(b->data, ncap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = ncap;
	return 0;
}

/* Written in place, two digits a step from the end: records carry many
 * small numbers (sentences, spans, values). */
void vigil__buf_put_uint(vigil__buf *b, unsigned long long v)
{
	static const char pairs[201] =
		"00010203040506070809101112131415161718192021222324"
		"25262728293031323334353637383940414243444546474849"
		"50515253545556575859606162636465666768697071727374"
		"75767778798081828384858687888990919293949596979899";
	unsigned long long x = v;
	size_t n = 1;
	char *p;

	while (x >= 10) {
		x /= 10;
		n++;
	}
	if (b->cap - b->len <= n && vigil__buf_reserve(b, n) < 0)
		return;
	p = b->data + b->len + n;
	*p = '\0';
	while (v >= 100) {
		unsigned k = (unsigned)(v % 100) * 2;

		v /= 100;
		*--p = pairs[k + 1];
		*--p = pairs[k];
	}
	if (v >= 10) {
		*--p = pairs[v * 2 + 1];
		*--p = pairs[v * 2];
	} else {
		*--p = (char)('0' + v);
	}
	b->len += n;
}

void vigil__buf_printf(vigil__buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || vigil__buf_reserve(b, (size_t)n) < 0) {
		b->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/*
 * %.15g without printf for the values records carry (coordinates, counts):
 * the fewest decimals k (k <= 15) such that n = round(|v| * 10^k) < 10^15
 * and n / 10^k == |v|. That decimal has at most 15 significant digits and
 * rounds to v, so it is the 15-digit rounding of v that printf prints,
 * with printf's trailing zeros already absent: within half an ulp of v,
 * it is nearer to v than half the 15-digit spacing (4.5 ulps or more).
 * Returns 0 when there is none or |v| is outside [1e-3, 1e14) (printf's
 * exponent forms, left to printf).
 */
static int put_g15_fixed(vigil__buf *b, double v)
{
	static const double p10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,
				       1e6, 1e7, 1e8,  1e9,  1e10, 1e11,
				       1e12, 1e13, 1e14, 1e15};
	double a = fabs(v), r;
	uint64_t n = 0, ip, fp;
	char tmp[40];
	size_t i = sizeof(tmp);
	int k;

	if (!(a >= 1e-3 && a < 1e14))
		return 0;
	for (k = 0; k < 16; k++) {
		r = round(a * p10[k]);
		if (r >= 1e15)
			return 0;
		n = (uint64_t)r;
		if ((double)n / p10[k] == a)
			break;
	}
	if (k == 16)
		return 0;
	ip = n / (uint64_t)p10[k];
	fp = n % (uint64_t)p10[k];
	for (; k > 0; k--) {
		tmp[--i] = (char)('0' + fp % 10);
		fp /= 10;
	}
	if (i < sizeof(tmp))
		tmp[--i] = '.';
	do {
		tmp[--i] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (signbit(v))
		tmp[--i] = '-';
	vigil__buf_append(b, tmp + i, sizeof(tmp) - i);
	return 1;
}

/* For |v| < 1000, a multiple of 0.1 is written without printf: tenths =
 * round(v * 10) is within 1e-9 of v * 10, far from a rounding boundary, so
 * "%.1f" would print exactly its digits, with a '-' whenever v's sign bit
 * is set. */
void vigil__buf_put_score(vigil__buf *b, double v)
{
	double tenths = round(v * 10);

	if (isnan(v))
		return;
	if (fabs(v * 10 - tenths) < 1e-9 && fabs(v) < 1000) {
		unsigned t = (unsigned)fabs(tenths);

		if (signbit(v))
			vigil__buf_putc(b, '-');
		vigil__buf_put_uint(b, t / 10);
		vigil__buf_putc(b, '.');
		vigil__buf_putc(b, (char)('0' + t % 10));
	} else if (fabs(v * 10 - tenths) < 1e-9) {
		vigil__buf_printf(b, "%.1f", v);
	} else {
		vigil__buf_printf(b, "%.2f", v);
	}
}

void vigil__buf_put_g15(vigil__buf *b, double v)
{
	if (!put_g15_fixed(b, v))
		vigil__buf_printf(b, "%.15g", v);
}

/* Bytes that JSON strings must escape: control characters, '"', '\\'. */
static int needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* Whether one of the 8 bytes of x needs escaping (exact: the usual "has a
 * zero byte" and "has a byte below n" tests have no false positives). */
static inline int word_needs_escape(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull, highs = ones << 7;
	uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');

	return ((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) |
		 ((bs - ones) & ~bs)) & highs) != 0;
}

#ifdef __SSE2__
/* Bit k set when byte k of the 16 at s needs escaping (SSE2: every
 * x86-64); max(v, 0x1F) == 0x1F is an unsigned byte below 0x20. */
static inline unsigned escape_mask16(const char *s)
{
	const __m128i low = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'),
		      bslash = _mm_set1_epi8('\\');
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, low), low),
				 _mm_or_si128(_mm_cmpeq_epi8(v, quote),
					      _mm_cmpeq_epi8(v, bslash)));

	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* Offset of the first byte to escape in s[0, n), n when none: 16 bytes a
 * step with SSE2, then 8 as one word, then byte by byte. */
static size_t first_escape(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t x;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		unsigned bits = escape_mask16(s + i);

		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (word_needs_escape(x))
			break;
	}
	for (; i < n && !needs_escape((unsigned char)s[i]); i++)
		;
	return i;
}

static void append_escape(vigil__buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};

	switch (c) {
	case '"': vigil__buf_append(b, "\\\"", 2); return;
	case '\\': vigil__buf_append(b, "\\\\", 2); return;
	case '\n': vigil__buf_append(b, "\\n", 2); return;
	case '\r': vigil__buf_append(b, "\\r", 2); return;
	case '\t': vigil__buf_append(b, "\\t", 2); return;
	default: vigil__buf_append(b, esc, sizeof(esc));
	}
}

void vigil__buf_json_chars(vigil__buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	if (vigil__buf_reserve(b, n) < 0)
		return;
	while ((i = run + first_escape(s + run, n - run)) < n) {
		vigil__buf_append(b, s + run, i - run);
		append_escape(b, (unsigned char)s[i]);
		run = i + 1;
	}
	vigil__buf_append(b, s + run, n - run);
}

/* Whether s[0, n) has a byte to escape. */
static int any_escape(const char *s, size_t n)
{
	const uint64_t fill = 0x4141414141414141ull; /* 'A': not escaped */
	size_t i;
	uint64_t x;
	uint32_t a, b;

	/* Only which bytes occur matters, not where: short strings are
	 * tested as one word of overlapping loads, the tail of a long one
	 * as its last 16 (SSE2) or 8 bytes; no branch per byte. */
	if (n < 4) {
		if (n == 0)
			return 0;
		x = fill << 24 | (uint64_t)(unsigned char)s[0] |
		    (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (uint64_t)(unsigned char)s[n - 1] << 16;
		return word_needs_escape(x);
	}
	if (n < 8) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return word_needs_escape((uint64_t)a | (uint64_t)b << 32);
	}
#ifdef __SSE2__
	if (n >= 16) {
		for (i = 0; i + 16 <= n; i += 16)
			if (escape_mask16(s + i))
				return 1;
		return i < n && escape_mask16(s + n - 16) != 0;
	}
#endif
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (word_needs_escape(x))
			return 1;
	}
	if (i == n)
		return 0;
	memcpy(&x, s + n - 8, 8);
	return word_needs_escape(x);
}

void vigil__buf_json_str(vigil__buf *b, const char *s, size_t n)
{
	char *p;

	if (!s) {
		vigil__buf_append(b, "null", 4);
		return;
	}
	if (any_escape(s, n)) {
		vigil__buf_putc(b, '"');
		vigil__buf_json_chars(b, s, n);
		vigil__buf_putc(b, '"');
		return;
	}
	/* the common case: quotes around a verbatim copy, one room check */
	if (b->cap - b->len <= n + 2 && vigil__buf_reserve(b, n + 2) < 0)
		return;
	p = b->data + b->len;
	p[0] = '"';
	memcpy(p + 1, s, n);
	p[n + 1] = '"';
	p[n + 2] = '\0';
	b->len += n + 2;
}

void vigil__buf_clear(vigil__buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->data)
		b->data[0] = '\0';
}

int vigil__buf_take(vigil__buf *b, char **out)
{
	size_t cap = b->cap ? b->cap : 256;
	char *shrunk, *next;

	*out = NULL;
	if (!b->data && vigil__buf_reserve(b, 0) < 0)
		return -1;
	/* the caller keeps only len + 1 bytes: shrinking (in place, nothing
	 * copied) before the next block is allocated lets the rest join the
	 * free space that block is cut from, rather than stay a hole */
	shrunk = realloc(b->data, b->len + 1);
	if (shrunk) {
		b->data = shrunk;
		b->cap = b->len + 1;
	}
	next = malloc(cap);
	if (!next)
		return -1;
	next[0] = '\0';
	*out = b->data;
	b->data = next;
	b->cap = cap;
	b->len = 0;
	return 0;
}

void vigil__buf_free(vigil__buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}
