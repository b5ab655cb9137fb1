/*
 * utf8.c: UTF-8 validation and repair of raw document bytes, the first step
 * of the text stage. Well-formed means Unicode Table 3-7 (no overlongs,
 * surrogates or code points above U+10FFFF, no truncated sequences) and, for
 * vigil, no NUL byte. ASCII is checked eight bytes at a time.
 *
 * SPDX-License-Identifier: MIT
 */
#include "text.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* The 8 bytes at s are all in 0x01..0x7F: ASCII and no NUL. */
static int ascii8(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	/* A byte 0 borrows in w - ONES and sets its high bit; a byte with
	 * its high bit set shows in w itself. */
	return (((w - ONES) | w) & HIGHS) == 0;
}

/*
 * Examines the sequence at s (n >= 1 bytes left). Returns 1 when it is a
 * well-formed non-NUL character, 0 otherwise. *adv receives its length, or
 * for a bad sequence the length of its maximal subpart (the bytes that one
 * U+FFFD replaces, Unicode 3.9 "best practice"), always >= 1.
 */
static int examine(const unsigned char *s, size_t n, size_t *adv,
		   const char **why)
{
	unsigned c = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	size_t need, i;

	*adv = 1;
	if (c == 0) {
		*why = "NUL byte";
		return 0;
	}
	if (c < 0x80)
		return 1;
	if (c < 0xC0) {
		*why = "invalid UTF-8: unexpected continuation byte";
		return 0;
	}
	if (c < 0xC2) {
		*why = "invalid UTF-8: overlong encoding";
		return 0;
	}
	if (c > 0xF4) {
		*why = c < 0xF8 ? "invalid UTF-8: code point above U+10FFFF"
				: "invalid UTF-8: byte 0xf8-0xff";
		return 0;
	}
	need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	/* The second byte's range rules out overlongs, surrogates and
	 * code points above U+10FFFF. */
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	for (i = 1; i < need; i++) {
		unsigned b;

		if (i >= n) {
			*why = "invalid UTF-8: truncated sequence";
			*adv = i;
			return 0;
		}
		b = s[i];
		if (b < lo || b > hi) {
			if (i == 1 && b >= 0x80 && b <= 0xBF)
				*why = c == 0xED ? "invalid UTF-8: surrogate"
				     : c == 0xF4 ? "invalid UTF-8: code point above U+10FFFF"
						 : "invalid UTF-8: overlong encoding";
			else
				*why = "invalid UTF-8: truncated sequence";
			*adv = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	*adv = need;
	return 1;
}

long long vigil__utf8_check(const char *s, size_t len, const char **why)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *w = NULL;
	size_t i = 0, adv;

	while (i < len) {
#ifdef __SSE2__
		/* 16 bytes a step (SSE2: every x86-64), then straight to the
		 * first byte that is not ASCII or is NUL */
		while (i + 16 <= len) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
			unsigned m = (unsigned)_mm_movemask_epi8(v) |
				     (unsigned)_mm_movemask_epi8(
					     _mm_cmpeq_epi8(v, _mm_setzero_si128()));

			if (m) {
				i += (size_t)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
#endif
		while (i + 8 <= len && ascii8(u + i))
			i += 8;
		if (i >= len)
			break;
		if (!examine(u + i, len - i, &adv, &w)) {
			if (why)
				*why = w;
			return (long long)i;
		}
		i += adv;
	}
	if (why)
		*why = NULL;
	return -1;
}

/* Copies or measures the repaired text; returns its length. `out` NULL:
 * measure only. */
static size_t repair_pass(const unsigned char *s, size_t len, char *out,
			  size_t *nrepaired)
{
	static const char fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
	const char *why;
	size_t i = 0, o = 0, adv, start;

	*nrepaired = 0;
	while (i < len) {
		start = i;
		while (i < len && examine(s + i, len - i, &adv, &why))
			i += adv;
		if (out)
			memcpy(out + o, s + start, i - start);
		o += i - start;
		if (i >= len)
			break;
		if (out)
			memcpy(out + o, fffd, 3);
		o += 3;
		i += adv;
		(*nrepaired)++;
	}
	return o;
}

int vigil__utf8_repair(vigil__arena *a, const char *s, size_t len, char **out,
		       size_t *out_len, size_t *nrepaired)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, k;
	char *p;

	*out = NULL;
	*out_len = 0;
	*nrepaired = 0;
	if (vigil__utf8_check(s, len, NULL) < 0) {
		p = vigil__arena_strndup(a, len ? s : "", len);
		if (!p)
			return -1;
		*out = p;
		*out_len = len;
		return 0;
	}
	n = repair_pass(u, len, NULL, &k);
	p = vigil__arena_alloc(a, n + 1);
	if (!p)
		return -1;
	repair_pass(u, len, p, &k);
	p[n] = '\0';
	*out = p;
	*out_len = n;
	*nrepaired = k;
	return 0;
}
