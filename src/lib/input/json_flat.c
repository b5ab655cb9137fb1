/*
 * json_flat.c: a fast parser for the common JSONL line: one object whose
 * members are all strings or null. jansson reads a few tens of MB/s, which
 * would make it the slowest stage of the pipeline; this scanner works on
 * bytes with a lookup table. It is strict and gives up (returns 1) on
 * anything outside that subset or anything invalid, so the caller then
 * parses the line with jansson, which accepts exactly what it always did and
 * writes the error messages. Invariant: if this returns 0, jansson would
 * accept the line and produce the same member values.
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Byte classes inside a JSON string. */
enum { C_PLAIN = 0, C_END, C_ESC, C_CTRL, C_HIGH };

static int str_class(unsigned char c)
{
	if (c >= 0x20 && c < 0x80)
		return c == '"' ? C_END : c == '\\' ? C_ESC : C_PLAIN;
	return c < 0x20 ? C_CTRL : C_HIGH;
}

#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Nonzero when some byte of v equals c (may also flag bytes after a true
 * match: callers then rescan bytewise, so only speed depends on it). */
static uint64_t has_byte(uint64_t v, unsigned char c)
{
	uint64_t x = v ^ (ONES * c);

	return (x - ONES) & ~x & HIGHS;
}

/* The number of C_PLAIN bytes at the start of [p, end): 16 at a time with
 * SSE2 (every x86-64), then 8 as one word, then byte by byte. */
static size_t plain_prefix(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q = p;

#ifdef __SSE2__
	const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'),
		      bslash = _mm_set1_epi8('\\');

	while (end - q >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
		/* signed: bytes >= 0x80 are negative, below 0x20 too */
		int stop = _mm_movemask_epi8(_mm_or_si128(
			_mm_cmplt_epi8(v, space),
			_mm_or_si128(_mm_cmpeq_epi8(v, quote),
				     _mm_cmpeq_epi8(v, bslash))));

		if (stop)
			return (size_t)(q - p) + (size_t)__builtin_ctz((unsigned)stop);
		q += 16;
	}
#endif
	while (end - q >= 8) {
		uint64_t v;

		memcpy(&v, q, 8);
		if ((v & HIGHS) || has_byte(v, '"') || has_byte(v, '\\') ||
		    ((v - ONES * 0x20) & ~v & HIGHS))
			break;
		q += 8;
	}
	while (q < end && str_class(*q) == C_PLAIN)
		q++;
	return (size_t)(q - p);
}

/* The closing quote of the string whose text starts at p, or NULL. */
static const unsigned char *closing_quote(const unsigned char *p,
					  const unsigned char *end)
{
	const unsigned char *q = p;

	while ((q = memchr(q, '"', (size_t)(end - q))) != NULL) {
		const unsigned char *b = q;

		while (b > p && b[-1] == '\\')
			b--;
		if ((q - b) % 2 == 0)
			return q;
		q++;
	}
	return NULL;
}

typedef struct scanner {
	const unsigned char *p;
	const unsigned char *end;
} scanner;

static void skip_ws(scanner *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
				 *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* Length of the valid UTF-8 sequence at p (lead byte >= 0x80), or 0. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
	unsigned c = p[0];
	size_t n, i;
	unsigned cp;

	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if ((size_t)(end - p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

static int hex4(const unsigned char *p, const unsigned char *end, unsigned *v)
{
	int i;

	if (end - p < 4)
		return -1;
	*v = 0;
	for (i = 0; i < 4; i++) {
		unsigned c = p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			return -1;
		*v = (*v << 4) | d;
	}
	return 0;
}

static size_t put_utf8(unsigned char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Decodes one escape after the backslash at s->p into o; returns the
 * bytes written, or 0 when the escape is invalid. */
static size_t unescape(scanner *s, unsigned char *o)
{
	static const char simple_in[] = "\"\\/bfnrt";
	static const char simple_out[] = "\"\\/\b\f\n\r\t";
	const char *k;
	unsigned cp, lo;

	if (s->p >= s->end)
		return 0;
	k = *s->p ? strchr(simple_in, *s->p) : NULL;
	if (k) {
		s->p++;
		*o = (unsigned char)simple_out[k - simple_in];
		return 1;
	}
	if (*s->p != 'u' || hex4(s->p + 1, s->end, &cp) < 0)
		return 0;
	s->p += 5;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return 0;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' ||
		    hex4(s->p + 2, s->end, &lo) < 0 || lo < 0xDC00 ||
		    lo > 0xDFFF)
			return 0;
		s->p += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	return put_utf8(o, cp);
}

/*
 * Reads a string at s->p (the opening quote) into an arena copy. Returns 0,
 * 1 to give up, or -1 when the arena fails.
 */
static int read_string(vigil__arena *a, scanner *s, vigil__json_str *out)
{
	const unsigned char *start = ++s->p, *close;
	unsigned char *buf, *o;
	int nul = 0;

	/* Find the end first so that the copy is allocated once; escapes
	 * only shrink the text. */
	close = closing_quote(start, s->end);
	if (!close)
		return 1;
	buf = vigil__arena_alloc(a, (size_t)(close - start) + 1);
	if (!buf)
		return -1;
	o = buf;
	for (;;) {
		size_t n = plain_prefix(s->p, close);

		memcpy(o, s->p, n);
		o += n;
		s->p += n;
		switch (str_class(*s->p)) {
		case C_END:
			s->p++;
			*o = '\0';
			out->s = (const char *)buf;
			out->len = (size_t)(o - buf);
			out->has_nul = nul;
			return 0;
		case C_ESC:
			s->p++;
			n = unescape(s, o);
			if (n == 0)
				return 1;
			nul |= n == 1 && *o == '\0'; /* raw NULs are rejected */
			o += n;
			break;
		case C_HIGH:
			n = utf8_seq(s->p, s->end);
			if (n == 0)
				return 1;
			memcpy(o, s->p, n);
			o += n;
			s->p += n;
			break;
		default: /* a raw control character */
			return 1;
		}
	}
}

static int accept_lit(scanner *s, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, lit, n) != 0)
		return 0;
	s->p += n;
	return 1;
}

int vigil__json_flat(vigil__arena *a, const char *line, size_t len,
		     const char *const *keys, size_t nkeys,
		     vigil__json_str *out)
{
	scanner s = {(const unsigned char *)line,
		     (const unsigned char *)line + len};
	size_t i;
	int rc;

	memset(out, 0, nkeys * sizeof(out[0]));
	skip_ws(&s);
	if (!accept_lit(&s, "{"))
		return 1;
	skip_ws(&s);
	if (!accept_lit(&s, "}")) {
		for (;;) {
			vigil__json_str key, val;
			size_t k;

			memset(&val, 0, sizeof(val));
			if (s.p >= s.end || *s.p != '"')
				return 1;
			rc = read_string(a, &s, &key);
			if (rc != 0)
				return rc;
			if (key.has_nul)
				return 1;
			skip_ws(&s);
			if (!accept_lit(&s, ":"))
				return 1;
			skip_ws(&s);
			if (s.p < s.end && *s.p == '"') {
				rc = read_string(a, &s, &val);
				if (rc != 0)
					return rc;
				val.present = 1;
			} else if (accept_lit(&s, "null")) {
				val.present = 1;
				val.is_null = 1;
			} else {
				return 1; /* numbers, arrays, ...: jansson's job
					   */
			}
			for (k = 0; k < nkeys; k++)
				if (key.len == strlen(keys[k]) &&
				    memcmp(key.s, keys[k], key.len) == 0)
					out[k] =
					    val; /* the last duplicate wins */
			skip_ws(&s);
			if (accept_lit(&s, "}"))
				break;
			if (!accept_lit(&s, ","))
				return 1;
			skip_ws(&s);
		}
	}
	skip_ws(&s);
	if (s.p != s.end)
		return 1;
	for (i = 0; i < nkeys; i++)
		if (out[i].present && out[i].is_null)
			out[i].s = NULL;
	return 0;
}
