/*
 * buf.h: a growable byte buffer on the heap with a hard size limit, for
 * output records and file contents. An append that does not fit under the
 * limit, or whose allocation fails, is dropped and sets the sticky `failed`
 * flag: a writer checks once at the end and discards incomplete contents. The contents are always NUL-terminated when data != NULL.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_BUF_H
#define VIGIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct vigil__buf {
	char *data;   /* NULL until the first append */
	size_t len;   /* bytes used, excluding the terminating NUL */
	size_t cap;   /* bytes allocated */
	size_t limit; /* maximum len; 0: unlimited */
	int failed;   /* sticky: an append was lost */
} vigil__buf;

void vigil__buf_init(vigil__buf *b, size_t limit);
/* Makes room for `extra` more bytes; 0, or -1 (and `failed`) past the limit. */
int vigil__buf_reserve(vigil__buf *b, size_t extra);
/* Appends an unsigned number in decimal. */
void vigil__buf_put_uint(vigil__buf *b, unsigned long long v);
/* Appends n bytes. Inline: records are built from many small appends. */
static inline void vigil__buf_append(vigil__buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n && vigil__buf_reserve(b, n) < 0)
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void vigil__buf_putc(vigil__buf *b, char c)
{
	vigil__buf_append(b, &c, 1);
}

/* Appends the string s. Inline: strlen of a literal folds to a constant. */
static inline void vigil__buf_puts(vigil__buf *b, const char *s)
{
	vigil__buf_append(b, s, strlen(s));
}

void vigil__buf_printf(vigil__buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends v exactly as printf("%.15g", v) writes it (without printf for
 * plain decimals: coordinates, counts). */
void vigil__buf_put_g15(vigil__buf *b, double v);
/* Appends v with one decimal when it is a multiple of 0.1, else two
 * ("-2.0", "1.95": Goldstein scores); NaN appends nothing. */
void vigil__buf_put_score(vigil__buf *b, double v);
/* Appends the n bytes of `s` escaped for the inside of a JSON string. */
void vigil__buf_json_chars(vigil__buf *b, const char *s, size_t n);
/* Appends `s` as a JSON string literal with quotes; NULL appends null. */
void vigil__buf_json_str(vigil__buf *b, const char *s, size_t n);
/* Empties the buffer, keeping its memory and clearing `failed`. */
void vigil__buf_clear(vigil__buf *b);
/* Hands the bytes over: *out gets the malloc'd, NUL-terminated data (the
 * caller frees it), shrunk to len + 1 bytes, and the buffer starts empty
 * with a new block of the same capacity, so the next fill of similar size
 * does not grow it. Returns 0, or -1 when no memory (then *out is NULL
 * and the buffer keeps its bytes). */
int vigil__buf_take(vigil__buf *b, char **out);
void vigil__buf_free(vigil__buf *b);

#endif /* VIGIL_BUF_H */
