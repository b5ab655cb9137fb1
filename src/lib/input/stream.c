/*
 * stream.c: the readers' buffered input (see input_int.h). One fixed 64 KiB
 * buffer per reader, so the first bytes of any stream (stdin included) can
 * be peeked for format detection and then read again, and lines of any
 * length can be skipped without holding them in memory.
 *
 * SPDX-License-Identifier: MIT
 */
#include "input_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int vigil__in_init(vigil__in *in, FILE *f)
{
	memset(in, 0, sizeof(*in));
	in->f = f;
	in->buf = malloc(VIGIL__IN_CHUNK);
	return in->buf ? 0 : VIGIL_ENOMEM;
}

void vigil__in_free(vigil__in *in)
{
	free(in->buf);
	in->buf = NULL;
}

/* Moves the unconsumed bytes to the front and reads more after them.
 * Returns the number of bytes added (0 at the end), or VIGIL_EIO. */
static long fill(vigil__in *in)
{
	size_t got;

	if (in->err)
		return VIGIL_EIO;
	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->offset += (long long)in->pos;
		in->len -= in->pos;
		in->pos = 0;
	}
	if (in->eof || in->len == VIGIL__IN_CHUNK)
		return 0;
	got = fread(in->buf + in->len, 1, VIGIL__IN_CHUNK - in->len, in->f);
	in->len += got;
	if (got == 0) {
		if (ferror(in->f)) {
			in->err = errno ? errno : EIO;
			return VIGIL_EIO;
		}
		in->eof = 1;
	}
	return (long)got;
}

long vigil__in_peek(vigil__in *in, size_t n, const unsigned char **p)
{
	if (n > VIGIL__IN_CHUNK)
		n = VIGIL__IN_CHUNK;
	while (in->len - in->pos < n) {
		long got = fill(in);

		if (got < 0)
			return got;
		if (got == 0)
			break;
	}
	*p = in->buf + in->pos;
	return (long)(in->len - in->pos);
}

long vigil__in_read(vigil__in *in, void *dst, size_t n)
{
	size_t avail;

	if (in->pos == in->len) {
		long got = fill(in);

		if (got <= 0)
			return got;
	}
	avail = in->len - in->pos;
	if (n > avail)
		n = avail;
	memcpy(dst, in->buf + in->pos, n);
	in->pos += n;
	return (long)n;
}

int vigil__in_read_all(vigil__in *in, vigil__buf *b)
{
	for (;;) {
		size_t avail = in->len - in->pos;
		long got;

		if (avail) {
			if (b->limit && avail > b->limit - b->len)
				return VIGIL_EINPUT;
			vigil__buf_append(b, in->buf + in->pos, avail);
			if (b->failed)
				return VIGIL_ENOMEM;
			in->pos = in->len;
		}
		got = fill(in);
		if (got < 0)
			return (int)got;
		if (got == 0 && in->len == 0)
			return 0;
	}
}

int vigil__in_getline(vigil__in *in, vigil__buf *line, size_t max,
		      int *too_long)
{
	int any = 0;

	vigil__buf_clear(line);
	*too_long = 0;
	for (;;) {
		const unsigned char *start = in->buf + in->pos;
		size_t avail = in->len - in->pos;
		const unsigned char *nl =
		    avail ? memchr(start, '\n', avail) : NULL;
		size_t take = nl ? (size_t)(nl - start) : avail;
		long got;

		any |= avail > 0;
		if (!*too_long && line->len + take > max) {
			*too_long = 1;
			vigil__buf_clear(line);
		}
		if (!*too_long && take) {
			vigil__buf_append(line, start, take);
			if (line->failed)
				return VIGIL_ENOMEM;
		}
		in->pos += take;
		if (nl) {
			in->pos++;
			return 1;
		}
		got = fill(in);
		if (got < 0)
			return (int)got;
		if (got == 0 && in->len == 0)
			return any;
	}
}
