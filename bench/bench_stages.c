/*
 * bench_stages.c: times the coder's stages one by one on a JSON Lines corpus,
 * on one core: the text stage (UTF-8 check, normalization, layout, tokens and
 * sentences), dictionary matching over those tokens, the whole coder
 * (vigil_worker_code: text, matching, clauses, events) and the JSON records.
 * Reading the corpus is timed apart. Prints MB/s, sentences/s, events/s and
 * peak RSS. Usage: bench_stages CORPUS.jsonl [DICT.vd|DIR]...
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <vigil/vigil.h>

#include "lexicon/lexicon.h"
#include "text/text.h"
#include "util/arena.h"

typedef struct totals {
	double read, text, match, coder, records; /* seconds */
	size_t docs, bytes, sentences, matches, events;
} totals;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The text stage alone; returns the sentence count, or -1. */
static long run_text(vigil__arena *a, const vigil_doc *d,
		     vigil__segmented *seg, const char **text)
{
	vigil__layout lay;
	char *norm;
	size_t len;

	if (vigil__utf8_check(d->text, d->text_len, NULL) >= 0)
		return -1;
	if (vigil__normalize(a, d->text, d->text_len, &norm, &len) < 0 ||
	    vigil__layout_text(a, norm, len, &lay) < 0 ||
	    vigil__segment(a, norm, len, lay.paras, lay.npara, seg) < 0)
		return -1;
	*text = norm;
	return (long)seg->nsent;
}

static size_t run_match(vigil__arena *a, const vigil__lexicon *lx,
			const char *text, const vigil__segmented *seg)
{
	vigil__match *m = NULL;
	size_t n = 0, cap = 0, i;

	for (i = 0; i < seg->nsent; i++)
		if (vigil__match_tokens(lx, text, seg->tok, seg->sent[i].tok_begin,
					seg->sent[i].tok_end, a, &m, &n, &cap) < 0)
			return 0;
	return n;
}

static void one_doc(const vigil_doc *d, vigil__arena *a,
		    const vigil__lexicon *lx, vigil_worker *w, totals *t)
{
	vigil__segmented seg;
	vigil_doc_summary sum;
	const char *text = NULL, *rec;
	size_t reclen;
	double t0, t1, t2, t3;
	long ns;

	vigil__arena_reset(a);
	t0 = now();
	ns = run_text(a, d, &seg, &text);
	t1 = now();
	if (ns < 0)
		return;
	t->matches += lx ? run_match(a, lx, text, &seg) : 0;
	t2 = now();
	if (vigil_worker_code(w, d) != VIGIL_OK)
		return;
	t3 = now();
	vigil_worker_records(w, VIGIL_OUTPUT_JSONL, &rec, &reclen);
	t->records += now() - t3;
	t->text += t1 - t0;
	t->match += t2 - t1;
	t->coder += t3 - t2;
	vigil_worker_summary(w, &sum);
	t->docs++;
	t->bytes += d->text_len;
	t->sentences += (size_t)ns;
	t->events += sum.events;
}

static void line(const char *what, double seconds, const totals *t)
{
	printf("  %-44s %7.1f MB/s %10.0f sentences/s %9.0f events/s\n", what,
	       (double)t->bytes / 1e6 / seconds, (double)t->sentences / seconds,
	       (double)t->events / seconds);
}

int main(int argc, char **argv)
{
	vigil_dict_options dopts = VIGIL_DICT_OPTIONS_INIT;
	vigil_coder_options copts = VIGIL_CODER_OPTIONS_INIT;
	vigil_dict *dict = NULL;
	vigil_coder *coder = NULL;
	vigil_worker *w = NULL;
	vigil_reader *r = NULL;
	vigil__arena a;
	vigil_doc d;
	totals t = {0};
	struct rusage ru;
	char err[512];
	double t0;
	int rc = 1;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_stages CORPUS.jsonl [DICT]...\n");
		return 2;
	}
	vigil__arena_init(&a, 0);
	if (argc > 2 && vigil_dict_open(&dict, (const char *const *)argv + 2,
					(size_t)argc - 2, &dopts, err,
					sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "bench_stages: %s\n", err);
		goto done;
	}
	copts.dict = dict;
	if (vigil_coder_new(&coder, &copts) != VIGIL_OK ||
	    vigil_worker_new(&w, coder) != VIGIL_OK ||
	    vigil_reader_open(&r, argv[1], NULL, err, sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "bench_stages: %s\n", err);
		goto done;
	}
	for (;;) {
		int got;

		t0 = now();
		got = vigil_reader_next(r, &d);
		t.read += now() - t0;
		if (got == VIGIL_EOF)
			break;
		if (got == VIGIL_OK)
			one_doc(&d, &a, dict ? vigil__dict_lexicon(dict) : NULL, w, &t);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("%zu documents, %.1f MB, %zu sentences, %zu matches, %zu events\n",
	       t.docs, (double)t.bytes / 1e6, t.sentences, t.matches, t.events);
	line("reading JSON Lines", t.read, &t);
	line("text stage (check, normalize, layout, segment)", t.text, &t);
	line("text + dictionary matching", t.text + t.match, &t);
	line("whole coder (text, matching, clauses, events)", t.coder, &t);
	line("whole coder + JSON records", t.coder + t.records, &t);
	printf("  peak RSS %.1f MB\n", (double)ru.ru_maxrss / 1024);
	rc = 0;
done:
	vigil_reader_free(r);
	vigil_worker_free(w);
	vigil_coder_free(coder);
	vigil_dict_free(dict);
	vigil__arena_free(&a);
	return rc;
}
