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

void vigil__buf_puts(vigil__buf *b, const char *s)
{
	vigil__buf_append(b, s, strlen(s));
}

void vigil__buf_put_uint(vigil__buf *b, unsigned long long v)
{
	char tmp[20];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	vigil__buf_append(b, tmp + i, sizeof(tmp) - i);
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

/* Bytes that JSON strings must escape: control characters, '"', '\\'. */
static int needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
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
	for (i = 0; i < n; i++) {
		if (!needs_escape((unsigned char)s[i]))
			continue;
		vigil__buf_append(b, s + run, i - run);
		append_escape(b, (unsigned char)s[i]);
		run = i + 1;
	}
	vigil__buf_append(b, s + run, n - run);
}

void vigil__buf_json_str(vigil__buf *b, const char *s, size_t n)
{
	if (!s) {
		vigil__buf_append(b, "null", 4);
		return;
	}
	vigil__buf_putc(b, '"');
	vigil__buf_json_chars(b, s, n);
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
