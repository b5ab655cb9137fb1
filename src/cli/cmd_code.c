/*
 * cmd_code.c: `vigil code`: reads documents from files or stdin, codes them
 * with -j worker threads and writes their records to stdout in input order,
 * identical for any -j. Documents are read in batches (bounded by count and
 * bytes) so memory does not grow with the input. A bad document or file is
 * reported on stderr and skipped; the rest of the batch is still coded.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_JOBS 256
#define BATCH_DOCS_PER_JOB 32
#define BATCH_BYTES ((size_t)64 << 20)

static const char code_usage[] =
	"usage: vigil code [options] [FILE|-]...\n"
	"\n"
	"Codes documents and writes records to stdout: JSON Lines by default (per\n"
	"document a \"document\" record, its \"event\" and \"figure\" records; \"sentence\"\n"
	"and \"mention\" records on request), or one line per event (--format).\n"
	"FILE may be plain text (.txt, with an optional Title:/Date:/Source:/URL:\n"
	"header block ended by a blank line), JSON Lines (.jsonl: {\"id\",\"date\",\n"
	"\"source\",\"url\",\"title\",\"text\"} per line), HTML (.html) or RSS/Atom\n"
	"(.xml); the format is detected from the name, else the content. No FILE,\n"
	"or -, reads stdin.\n"
	"\n"
	"options:\n"
	"  --date YYYY-MM-DD    publication date of documents that have none\n"
	"  --format FORMAT      jsonl (default): JSON Lines records; tsv: a header\n"
	"                       line, then one tab-separated line per event; gdelt:\n"
	"                       one GDELT 2.0 event table row (61 columns, no header)\n"
	"                       per asserted event. Columns: docs/formats.md\n"
	"  --mentions           also write one \"mention\" record per dictionary match\n"
	"                       (jsonl only)\n"
	"  --sentences          also write one \"sentence\" record (span, text) per\n"
	"                       sentence (jsonl only)\n"
	"  --explain            add \"why\" (dictionary entry, file and line) to records\n"
	"                       (jsonl only)\n"
	"  --repair             replace invalid UTF-8 and NUL bytes with U+FFFD and\n"
	"                       code the document (default: report it and skip it)\n"
	"  --dict PATH          also load this dictionary file or directory (.vd, or\n"
	"                       TABARI/PETRARCH actors, agents, verbs, discards);\n"
	"                       repeatable\n"
	"  --no-default-dict    do not load the default dictionaries\n"
	"  -j, --jobs N         code with N threads (default 1); output order and\n"
	"                       content do not depend on N\n"
	"  --stats              print documents, sentences, mentions, events,\n"
	"                       figures and throughput on stderr at the end\n"
	"  -h, --help           this help\n"
	"\n"
	"Errors name the file and line or byte offset; the exit status is 1 when\n"
	"any document was skipped, 2 on bad usage or when dictionaries fail to load.\n";

typedef struct code_options {
	cli_coding_opts c;
	vigil_output_format format;
	int stats;
} code_options;

/* A document copied out of the reader, and what coding it produced. */
typedef struct slot {
	vigil_doc doc;     /* strings point into `store` */
	char *store;       /* owns all of doc's strings */
	int rc;            /* result of vigil_worker_code */
	char *out;         /* records (taken from the worker) or error message,
			      malloc'd either way */
	size_t outlen;
	char *warning;     /* malloc'd, or NULL */
	vigil_doc_summary sum; /* counts (id not kept) */
} slot;

typedef struct batch {
	slot *slots;
	size_t n, cap;
	size_t bytes;
	size_t next;            /* next slot to code (under lock) */
	vigil_output_format format; /* of the records; set once per run */
	pthread_mutex_t lock;
} batch;

typedef struct run_totals {
	size_t docs, skipped, sentences, mentions, events, figures, bytes;
	int status;
} run_totals;

/*===== Options ========================================================*/

static const struct format_name {
	vigil_output_format format;
	const char *name;
} format_names[] = {
	{VIGIL_OUTPUT_JSONL, "jsonl"},
	{VIGIL_OUTPUT_TSV, "tsv"},
	{VIGIL_OUTPUT_GDELT, "gdelt"},
};

static int parse_format(const char *s, vigil_output_format *out)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(s, format_names[i].name) == 0) {
			*out = format_names[i].format;
			return 0;
		}
	}
	return -1;
}

/* Options that add to JSON Lines records and mean nothing in other formats. */
static const struct jsonl_only {
	unsigned flag;
	const char *option;
} jsonl_only[] = {
	{VIGIL_CODE_MENTIONS, "--mentions"},
	{VIGIL_CODE_SENTENCES, "--sentences"},
	{VIGIL_CODE_EXPLAIN, "--explain"},
};

/* Rejects a JSON-Lines-only option with another --format (-1, printed). */
static int check_format_flags(const code_options *o, const char *format)
{
	size_t i;

	if (o->format == VIGIL_OUTPUT_JSONL)
		return 0;
	for (i = 0; i < sizeof(jsonl_only) / sizeof(jsonl_only[0]); i++) {
		if (o->c.flags & jsonl_only[i].flag) {
			fprintf(stderr,
				"vigil code: %s applies to --format jsonl only, not '%s'\n",
				jsonl_only[i].option, format);
			return -1;
		}
	}
	return 0;
}

/* Returns -1 on a usage error (printed), 1 for --help, 0 to go on. */
static int parse_options(int argc, char **argv, code_options *o)
{
	enum { OPT_FORMAT = CLI_OPT_OWN, OPT_MENTIONS, OPT_SENTENCES,
	       OPT_EXPLAIN, OPT_STATS };
	static const struct option longopts[] = {
		CLI_CODING_LONGOPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"mentions", no_argument, NULL, OPT_MENTIONS},
		{"sentences", no_argument, NULL, OPT_SENTENCES},
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{"stats", no_argument, NULL, OPT_STATS},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *format = "jsonl";
	int c, taken;

	cli_coding_init(&o->c, MAX_JOBS);
	o->format = VIGIL_OUTPUT_JSONL;
	o->stats = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:h", longopts, NULL)) != -1) {
		taken = cli_coding_option(&o->c, "code", c, optarg);
		if (taken < 0)
			return -1;
		if (taken)
			continue;
		switch (c) {
		case OPT_FORMAT:
			if (parse_format(optarg, &o->format) < 0) {
				fprintf(stderr, "vigil code: unknown --format '%s' (jsonl, tsv or gdelt)\n", optarg);
				return -1;
			}
			format = optarg;
			break;
		case OPT_MENTIONS: o->c.flags |= VIGIL_CODE_MENTIONS; break;
		case OPT_SENTENCES: o->c.flags |= VIGIL_CODE_SENTENCES; break;
		case OPT_EXPLAIN: o->c.flags |= VIGIL_CODE_EXPLAIN; break;
		case OPT_STATS: o->stats = 1; break;
		case 'h':
			fputs(code_usage, stdout);
			return 1;
		default:
			fputs("see vigil code --help\n", stderr);
			return -1;
		}
	}
	return check_format_flags(o, format);
}

/*===== Batches ========================================================*/

static char *dup_bytes(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static void code_slot(vigil_worker *w, vigil_output_format format, slot *s)
{
	const char *msg, *warning;
	size_t len = 0;

	s->out = NULL;
	s->rc = vigil_worker_code(w, &s->doc);
	if (s->rc == VIGIL_OK)
		s->rc = vigil_worker_records_take(w, format, &s->out, &len);
	if (s->rc != VIGIL_OK) {
		msg = vigil_worker_errmsg(w);
		len = strlen(msg);
		s->out = dup_bytes(msg, len);
	}
	s->outlen = s->out ? len : 0;
	warning = vigil_worker_warning(w);
	s->warning = warning ? dup_bytes(warning, strlen(warning)) : NULL;
	vigil_worker_summary(w, &s->sum);
	s->sum.id = NULL;
}

typedef struct thread_arg {
	batch *b;
	vigil_worker *w;
} thread_arg;

static void *code_thread(void *p)
{
	thread_arg *t = p;
	batch *b = t->b;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n)
			break;
		code_slot(t->w, b->format, &b->slots[i]);
	}
	return NULL;
}

/* Codes every slot with `nw` workers (threads when nw > 1). */
static void code_batch(batch *b, vigil_worker **workers, int nw)
{
	pthread_t tid[MAX_JOBS];
	thread_arg args[MAX_JOBS];
	int i, started = 0;

	b->next = 0;
	if (nw > 1 && b->n > 1) {
		for (i = 0; i < nw; i++) {
			args[i].b = b;
			args[i].w = workers[i];
			if (pthread_create(&tid[i], NULL, code_thread, &args[i]) != 0)
				break;
			started++;
		}
		for (i = 0; i < started; i++)
			pthread_join(tid[i], NULL);
	}
	args[0].b = b;
	args[0].w = workers[0];
	code_thread(&args[0]); /* all of it, or what threads left undone */
}

/* Writes the batch in order, reports its errors, and empties it. */
static int flush_batch(batch *b, run_totals *t)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < b->n; i++) {
		slot *s = &b->slots[i];

		if (s->warning)
			fprintf(stderr, "vigil code: warning: %s\n", s->warning);
		if (s->rc == VIGIL_OK && s->out) {
			if (fwrite(s->out, 1, s->outlen, stdout) != s->outlen)
				rc = -1;
			t->docs++;
			t->sentences += s->sum.sentences;
			t->mentions += s->sum.mentions;
			t->events += s->sum.events;
			t->figures += s->sum.figures;
			t->bytes += s->doc.text_len;
		} else {
			fprintf(stderr, "vigil code: %s\n",
				s->out ? s->out : "out of memory");
			t->skipped++;
			t->status = CLI_INPUT;
		}
		free(s->store);
		free(s->out);
		free(s->warning);
	}
	b->n = 0;
	b->bytes = 0;
	if (rc < 0 || ferror(stdout)) {
		fprintf(stderr, "vigil code: writing to stdout: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/*===== Running ========================================================*/

/* The documents of every file go to one batch coded with these workers. */
typedef struct sink_ctx {
	batch *b;
	vigil_worker **workers;
	int jobs;
	run_totals *t;
} sink_ctx;

/* Copies *doc (whose memory the reader reuses) into a new slot. */
static int sink_add(void *p, const vigil_doc *doc)
{
	sink_ctx *c = p;
	batch *b = c->b;
	slot *s;

	if (b->n == b->cap) {
		size_t ncap = b->cap ? b->cap * 2 : 64;
		slot *ns = realloc(b->slots, ncap * sizeof(*ns));

		if (!ns)
			return -1;
		b->slots = ns;
		b->cap = ncap;
	}
	s = &b->slots[b->n];
	memset(s, 0, sizeof(*s));
	s->store = cli_doc_copy(doc, &s->doc);
	if (!s->store)
		return -1;
	b->n++;
	b->bytes += doc->text_len;
	return b->n >= (size_t)c->jobs * BATCH_DOCS_PER_JOB ||
	       b->bytes >= BATCH_BYTES;
}

/* Codes and writes the batch: 0, or -1 on a fatal error. */
static int sink_flush(void *p)
{
	sink_ctx *c = p;

	code_batch(c->b, c->workers, c->jobs);
	return flush_batch(c->b, c->t);
}

static int sink_bad(void *p, int rc, const char *msg)
{
	sink_ctx *c = p;

	/* earlier documents first, so stderr follows input order */
	if (rc == VIGIL_EINPUT && sink_flush(c) < 0)
		return -1;
	fprintf(stderr, "vigil code: %s\n", msg);
	c->t->status = CLI_INPUT;
	if (rc != VIGIL_EINPUT)
		return 1;
	c->t->skipped++;
	return 0;
}

static void sink_unreadable(void *p)
{
	sink_ctx *c = p;

	c->t->status = CLI_INPUT;
	c->t->skipped++;
}

/* Coding time excludes opening the dictionaries, reported on its own. */
static void print_stats(const run_totals *t, double dict_seconds,
			double seconds)
{
	double mb = (double)t->bytes / 1e6;

	fprintf(stderr,
		"vigil code: dictionaries opened in %.1f ms; %zu documents, "
		"%zu skipped, %zu sentences, %zu mentions, %zu events, %zu figures, "
		"%.1f MB in "
		"%.2f s (%.1f MB/s, %.0f sentences/s, %.0f mentions/s, "
		"%.0f events/s)\n",
		dict_seconds * 1e3, t->docs, t->skipped, t->sentences,
		t->mentions, t->events, t->figures, mb, seconds,
		seconds > 0 ? mb / seconds : 0.0,
		seconds > 0 ? (double)t->sentences / seconds : 0.0,
		seconds > 0 ? (double)t->mentions / seconds : 0.0,
		seconds > 0 ? (double)t->events / seconds : 0.0);
}


int cli_code(int argc, char **argv)
{
	static char *const stdin_only[] = {"-"};
	code_options o;
	vigil_coder_options copts = VIGIL_CODER_OPTIONS_INIT;
	vigil_dict *dict = NULL;
	vigil_coder *coder = NULL;
	vigil_worker *workers[MAX_JOBS] = {0};
	batch b;
	run_totals t = {0};
	sink_ctx sc = {&b, workers, 0, &t};
	cli_doc_sink sink = {&sc, sink_add, sink_flush, sink_bad,
			     sink_unreadable};
	char *const *files;
	int nfiles, i, rc;
	double start, dict_seconds;

	memset(&b, 0, sizeof(b));
	pthread_mutex_init(&b.lock, NULL);
	rc = parse_options(argc, argv, &o);
	if (rc != 0) {
		t.status = rc > 0 ? CLI_OK : CLI_USAGE;
		goto done;
	}
	b.format = o.format;
	start = cli_now_seconds();
	if (!o.c.no_default_dict || o.c.ndicts) {
		dict = cli_open_dicts(o.c.dicts, o.c.ndicts, o.c.no_default_dict);
		if (!dict) {
			t.status = CLI_USAGE;
			goto done;
		}
	}
	dict_seconds = cli_now_seconds() - start;
	start = cli_now_seconds();
	copts.dict = dict;
	copts.flags = o.c.flags;
	if (vigil_coder_new(&coder, &copts) != VIGIL_OK)
		goto oom;
	for (i = 0; i < o.c.jobs; i++)
		if (vigil_worker_new(&workers[i], coder) != VIGIL_OK)
			goto oom;

	if (fputs(vigil_output_header(o.format), stdout) == EOF)
		goto fatal;
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	sc.jobs = o.c.jobs;
	for (i = 0; i < nfiles; i++)
		if (cli_read_file(files[i], "code", o.c.date, &sink) < 0)
			goto fatal;
	code_batch(&b, workers, o.c.jobs);
	if (flush_batch(&b, &t) < 0 || fflush(stdout) != 0)
		goto fatal;
	if (o.stats)
		print_stats(&t, dict_seconds, cli_now_seconds() - start);
	goto done;
oom:
	fprintf(stderr, "vigil code: out of memory\n");
fatal:
	t.status = CLI_USAGE;
done:
	for (i = 0; i < MAX_JOBS; i++)
		vigil_worker_free(workers[i]);
	for (size_t k = 0; k < b.n; k++) {
		free(b.slots[k].store);
		free(b.slots[k].out);
		free(b.slots[k].warning);
	}
	free(b.slots);
	pthread_mutex_destroy(&b.lock);
	vigil_coder_free(coder);
	vigil_dict_free(dict);
	return t.status;
}
