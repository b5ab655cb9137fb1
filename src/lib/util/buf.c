/*
 * buf.c: the growable, capped byte buffer (see buf.h) and its JSON string
 * writer, which escapes control characters, quotes and backslashes and
 * passes valid UTF-8 through unchanged.
 *
 * SPDX-License-Identifier: MIT
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void vigil__buf_append(vigil__buf *b, const void *p, size_t n)
{
	if (vigil__buf_reserve(b, n) < 0)
		return;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void vigil__buf_puts(vigil__buf *b, const char *s)
{
	vigil__buf_append(b, s, strlen(s));
}

void vigil__buf_putc(vigil__buf *b, char c)
{
	vigil__buf_append(b, &c, 1);
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

void vigil__buf_json_str(vigil__buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	if (!s) {
		vigil__buf_append(b, "null", 4);
		return;
	}
	vigil__buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6];
		size_t elen = 2;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		vigil__buf_append(b, s + run, i - run);
		run = i + 1;
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
		}
		vigil__buf_append(b, esc, elen);
	}
	vigil__buf_append(b, s + run, n - run);
	vigil__buf_putc(b, '"');
}

void vigil__buf_clear(vigil__buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->data)
		b->data[0] = '\0';
}

void vigil__buf_free(vigil__buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}
