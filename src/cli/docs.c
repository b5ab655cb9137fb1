/*
 * docs.c: what the commands that code documents share (code, ingest):
 * copying a document out of the reader (which reuses its memory for the
 * next one) into one malloc'd block, checking --date and --jobs values, and
 * the monotonic clock their timings read.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static size_t str_size(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

static const char *copy_str(char **p, const char *s)
{
	char *dst = *p;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	memcpy(dst, s, n);
	*p += n;
	return dst;
}

char *cli_doc_copy(const vigil_doc *doc, vigil_doc *out)
{
	size_t need = str_size(doc->id) + str_size(doc->date) +
		      str_size(doc->source) + str_size(doc->url) +
		      str_size(doc->title) + str_size(doc->origin) +
		      doc->text_len + 1;
	char *store = malloc(need), *p = store;

	if (!store)
		return NULL;
	*out = *doc;
	out->id = copy_str(&p, doc->id);
	out->date = copy_str(&p, doc->date);
	out->source = copy_str(&p, doc->source);
	out->url = copy_str(&p, doc->url);
	out->title = copy_str(&p, doc->title);
	out->origin = copy_str(&p, doc->origin);
	memcpy(p, doc->text, doc->text_len);
	p[doc->text_len] = '\0';
	out->text = p;
	return store;
}

int cli_valid_date(const char *s)
{
	int y, m, d;
	char tail;

	return strlen(s) == 10 &&
	       sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
}

int cli_parse_jobs(const char *s, int max, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || *end || n < 1 || n > max)
		return -1;
	*out = (int)n;
	return 0;
}

double cli_now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
