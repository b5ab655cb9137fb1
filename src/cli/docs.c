/*
 * docs.c: what the commands that code documents share (code, ingest):
 * copying a document out of the reader (which reuses its memory for the
 * next one) into one malloc'd block, the options they share (--date,
 * --repair, --dict, --no-default-dict, -j), reading a file's documents in
 * batches, and the monotonic clock their timings read.
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

/* Reads a --jobs value, a whole number from 1 to max, into *out: 0, or -1
 * when it is not one. */
static int parse_jobs(const char *s, int max, int *out)
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

void cli_coding_init(cli_coding_opts *o, int max_jobs)
{
	memset(o, 0, sizeof(*o));
	o->jobs = 1;
	o->max_jobs = max_jobs;
}

int cli_coding_option(cli_coding_opts *o, const char *cmd, int c,
		      const char *arg)
{
	switch (c) {
	case CLI_OPT_DATE:
		if (!cli_valid_date(arg)) {
			fprintf(stderr, "vigil %s: bad --date '%s' (want YYYY-MM-DD)\n",
				cmd, arg);
			return -1;
		}
		o->date = arg;
		return 1;
	case CLI_OPT_REPAIR: o->flags |= VIGIL_CODE_REPAIR; return 1;
	case CLI_OPT_NODEFAULT: o->no_default_dict = 1; return 1;
	case CLI_OPT_DICT:
		if (o->ndicts == CLI_MAX_EXTRA_DICTS) {
			fprintf(stderr, "vigil %s: at most %d --dict\n", cmd,
				CLI_MAX_EXTRA_DICTS);
			return -1;
		}
		o->dicts[o->ndicts++] = arg;
		return 1;
	case 'j':
		if (parse_jobs(arg, o->max_jobs, &o->jobs) < 0) {
			fprintf(stderr, "vigil %s: bad --jobs '%s' (1..%d)\n", cmd,
				arg, o->max_jobs);
			return -1;
		}
		return 1;
	default:
		return 0;
	}
}

int cli_read_file(const char *path, const char *cmd, const char *date,
		  const cli_doc_sink *sink)
{
	vigil_reader_options ropts = VIGIL_READER_OPTIONS_INIT;
	vigil_reader *r = NULL;
	vigil_doc doc;
	char err[512];
	int rc, stop = 0;

	ropts.default_date = date;
	if (vigil_reader_open(&r, path, &ropts, err, sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "vigil %s: %s\n", cmd, err);
		sink->unreadable(sink->ctx);
		return 0;
	}
	while (!stop && (rc = vigil_reader_next(r, &doc)) != VIGIL_EOF) {
		if (rc != VIGIL_OK) {
			stop = sink->bad(sink->ctx, rc, vigil_reader_errmsg(r));
			continue;
		}
		rc = sink->add(sink->ctx, &doc);
		if (rc < 0) {
			fprintf(stderr, "vigil %s: out of memory\n", cmd);
			stop = -1;
		} else if (rc > 0) {
			stop = sink->flush(sink->ctx);
		}
	}
	vigil_reader_free(r);
	return stop;
}
