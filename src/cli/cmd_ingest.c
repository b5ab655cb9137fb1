/*
 * cmd_ingest.c: `vigil ingest`: codes documents like `vigil code` (-j
 * threads) and stores them in the store (--db) in input order, each batch
 * of documents in one transaction (each document still all or nothing). A
 * bad document is reported and skipped; a store error (read-only, disk
 * full) stops the run, keeping every batch already committed. A progress
 * line is drawn only when stderr is a terminal.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define MAX_JOBS 64
#define BATCH_DOCS 5000       /* documents a transaction, by default */
#define BATCH_DOCS_MAX 100000
#define BATCH_BYTES ((size_t)32 << 20)

static const char ingest_usage[] =
	"usage: vigil ingest --db PATH|URL [options] FILE...\n"
	"\n"
	"Codes documents (as vigil code does) and stores their records in the\n"
	"store PATH, an SQLite file created on first use, or a PostgreSQL\n"
	"database postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB (a libpq URL;\n"
	"the tables are made on first use). Each document is stored whole or\n"
	"not at all, even if ingest is killed (SQLite commits documents in\n"
	"batches: --batch). Ingesting a document again changes nothing; a\n"
	"document whose records changed (new dictionaries, a new text under the\n"
	"same id) replaces its old records. Several ingesters may write one\n"
	"store at once, on one machine (SQLite) or on many (PostgreSQL).\n"
	"\n"
	"options:\n"
	"  --db PATH|URL        the store (required): a file or postgresql://URL\n"
	"  --date YYYY-MM-DD    publication date of documents that have none\n"
	"  --repair             code invalid UTF-8 with U+FFFD instead of skipping\n"
	"  --dict PATH          also load this dictionary file or directory;\n"
	"                       repeatable\n"
	"  --no-default-dict    do not load the default dictionaries\n"
	"  -j, --jobs N         code with N threads (default 1)\n"
	"  --batch N            documents a transaction (default 5000, or\n"
	"                       32 MB of text): larger batches store faster;\n"
	"                       a killed ingest loses at most its open batch\n"
	"  -h, --help           this help\n"
	"\n"
	"At the end it prints on stderr the documents (added, replaced,\n"
	"unchanged), their events and figures, and what was skipped and why.\n"
	"Exit status: 0; 1 when a document or file was skipped; 2 on bad usage\n"
	"or a store error (the batches committed before it are kept).\n";

typedef struct ingest_options {
	const char *db;
	size_t batch; /* documents a transaction */
	cli_coding_opts c;
} ingest_options;

typedef struct slot {
	vigil_doc doc;        /* strings point into `mem` */
	char *mem;
} slot;

typedef struct totals {
	size_t added, replaced, unchanged, events, figures;
	size_t bad_docs, bad_files;
} totals;

/* One batch of documents, coded by the threads and stored in order. */
typedef struct run {
	vigil_store *store;
	slot *slots;
	size_t n, cap, bytes;
	size_t next;            /* next slot to code (under `lock`) */
	size_t turn;            /* next slot to store (under `lock`) */
	int fatal;              /* a store error: store nothing more */
	int progress;           /* stderr is a terminal */
	double last_draw;
	totals t;
	pthread_mutex_t lock;
	pthread_cond_t cond;
} run;

/*===== Options ========================================================*/

/* --batch N: 1 to BATCH_DOCS_MAX documents; -1 (printed) otherwise. */
static int parse_batch(const char *arg, size_t *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || *arg == '-' || v < 1 ||
	    v > BATCH_DOCS_MAX) {
		fprintf(stderr, "vigil ingest: --batch %s: expected a number of "
			"documents from 1 to %d\n", arg, BATCH_DOCS_MAX);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

/* Returns -1 on a usage error (printed), 1 for --help, 0 to go on. */
static int parse_options(int argc, char **argv, ingest_options *o)
{
	enum { OPT_DB = CLI_OPT_OWN, OPT_BATCH };
	static const struct option longopts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"batch", required_argument, NULL, OPT_BATCH},
		CLI_CODING_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, taken;

	o->db = NULL;
	o->batch = BATCH_DOCS;
	cli_coding_init(&o->c, MAX_JOBS);
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:h", longopts, NULL)) != -1) {
		taken = cli_coding_option(&o->c, "ingest", c, optarg);
		if (taken < 0)
			return -1;
		if (taken)
			continue;
		switch (c) {
		case OPT_DB: o->db = optarg; break;
		case OPT_BATCH:
			if (parse_batch(optarg, &o->batch) != 0)
				return -1;
			break;
		case 'h':
			fputs(ingest_usage, stdout);
			return 1;
		default:
			fputs("see vigil ingest --help\n", stderr);
			return -1;
		}
	}
	if (!o->db || optind >= argc) {
		fprintf(stderr, "vigil ingest: %s (see vigil ingest --help)\n",
			!o->db ? "--db PATH is required" : "no FILE given");
		return -1;
	}
	return 0;
}

/*===== Coding and storing =============================================*/


static void draw_progress(run *r, int final)
{
	double now = cli_now_seconds();
	size_t docs = r->t.added + r->t.replaced + r->t.unchanged;

	if (!r->progress || (!final && now - r->last_draw < 0.2))
		return;
	r->last_draw = now;
	fprintf(stderr, "\rvigil ingest: %zu documents, %zu events, %zu figures",
		docs, r->t.events, r->t.figures);
	if (final)
		fputs("\r\033[K", stderr);
}

/* Stores (or reports) slot i's coded document, its records and fingerprint
 * made (rc: how coding and making them went); runs in input order. */
static void store_slot(run *r, vigil_worker *w, int rc, size_t i,
		       const vigil_doc_records *recs,
		       const vigil_doc_fingerprint *fp)
{
	const vigil_doc *doc = &r->slots[i].doc;
	const char *warning = vigil_worker_warning(w);
	vigil_store_outcome outcome;
	vigil_doc_summary sum;

	if (r->fatal)
		return;
	if (rc == VIGIL_OK && warning)
		fprintf(stderr, "vigil ingest: warning: %s\n", warning);
	if (rc != VIGIL_OK) {
		fprintf(stderr, "vigil ingest: %s\n", vigil_worker_errmsg(w));
		r->t.bad_docs++;
		return;
	}
	if (vigil_store_put_fingerprinted(r->store, recs, fp, &outcome) !=
	    VIGIL_OK) {
		fprintf(stderr, "vigil ingest: %s (document %s from %s:%lu; "
			"ingest stopped, the batches committed before it are "
			"kept)\n",
			vigil_store_errmsg(r->store), recs->id,
			doc->origin ? doc->origin : "-", doc->line);
		r->fatal = 1;
		return;
	}
	vigil_worker_summary(w, &sum);
	r->t.events += sum.events;
	r->t.figures += sum.figures;
	if (outcome == VIGIL_STORE_ADDED)
		r->t.added++;
	else if (outcome == VIGIL_STORE_REPLACED)
		r->t.replaced++;
	else
		r->t.unchanged++;
	draw_progress(r, 0);
}

static void *ingest_thread(void *p)
{
	void **args = p;
	run *r = args[0];
	vigil_worker *w = args[1];

	for (;;) {
		vigil_doc_records recs = {0};
		vigil_doc_fingerprint fp = {0};
		size_t i;
		int rc;

		pthread_mutex_lock(&r->lock);
		i = r->next++;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->n)
			break;
		/* coding, and the part of storing that needs no store (the
		 * fingerprint), run while another thread stores */
		rc = vigil_worker_code(w, &r->slots[i].doc);
		if (rc == VIGIL_OK)
			rc = vigil_worker_doc_records(w, &recs);
		if (rc == VIGIL_OK)
			vigil_store_fingerprint(&recs, &fp);
		pthread_mutex_lock(&r->lock);
		while (r->turn != i)
			pthread_cond_wait(&r->cond, &r->lock);
		pthread_mutex_unlock(&r->lock);
		/* only the thread whose turn it is */
		store_slot(r, w, rc, i, &recs, &fp);
		pthread_mutex_lock(&r->lock);
		r->turn++;
		pthread_cond_broadcast(&r->cond);
		pthread_mutex_unlock(&r->lock);
	}
	return NULL;
}

/* Codes and stores the batch with `nw` workers, then empties it. */
static void flush_batch(run *r, vigil_worker **workers, int nw)
{
	pthread_t tid[MAX_JOBS];
	void *args[MAX_JOBS][2];
	totals before;
	int i, started = 0;
	size_t k;

	before = r->t;
	r->next = r->turn = 0;
	/* the batch's documents in one transaction (each all or nothing) */
	if (!r->fatal && r->n && vigil_store_begin(r->store) != VIGIL_OK) {
		fprintf(stderr, "vigil ingest: %s\n", vigil_store_errmsg(r->store));
		r->fatal = 1;
	}
	for (i = 0; i < nw && nw > 1 && r->n > 1 && !r->fatal; i++) {
		args[i][0] = r;
		args[i][1] = workers[i];
		if (pthread_create(&tid[i], NULL, ingest_thread, args[i]) != 0)
			break;
		started++;
	}
	if (!started && !r->fatal) {
		args[0][0] = r;
		args[0][1] = workers[0];
		ingest_thread(args[0]);
	}
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	if (r->n && vigil_store_commit(r->store) != VIGIL_OK) {
		fprintf(stderr, "vigil ingest: %s (this batch of %zu documents "
			"was not stored)\n", vigil_store_errmsg(r->store), r->n);
		r->fatal = 1;
		before.bad_docs = r->t.bad_docs;
		before.bad_files = r->t.bad_files;
		r->t = before; /* the summary counts what was stored */
	}
	for (k = 0; k < r->n; k++)
		free(r->slots[k].mem);
	r->n = 0;
	r->bytes = 0;
}

/* The documents of one file go to a run coded with these workers. */
typedef struct sink_ctx {
	run *r;
	vigil_worker **workers;
	int jobs;
	size_t batch; /* documents a transaction */
} sink_ctx;

static int sink_flush(void *p)
{
	sink_ctx *c = p;

	flush_batch(c->r, c->workers, c->jobs);
	return c->r->fatal;
}

static int sink_add(void *p, const vigil_doc *doc)
{
	sink_ctx *c = p;
	run *r = c->r;

	if (r->n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 64;
		slot *ns = realloc(r->slots, ncap * sizeof(*ns));

		if (!ns)
			return -1;
		r->slots = ns;
		r->cap = ncap;
	}
	r->slots[r->n].mem = cli_doc_copy(doc, &r->slots[r->n].doc);
	if (!r->slots[r->n].mem)
		return -1;
	r->n++;
	r->bytes += doc->text_len;
	return r->n >= c->batch || r->bytes >= BATCH_BYTES;
}

static int sink_bad(void *p, int rc, const char *msg)
{
	sink_ctx *c = p;

	/* earlier documents first, so stderr follows input */
	flush_batch(c->r, c->workers, c->jobs);
	fprintf(stderr, "vigil ingest: %s\n", msg);
	if (rc != VIGIL_EINPUT) {
		c->r->t.bad_files++;
		return 1;
	}
	c->r->t.bad_docs++;
	return c->r->fatal;
}

static void sink_unreadable(void *p)
{
	((sink_ctx *)p)->r->t.bad_files++;
}

static void print_summary(const totals *t)
{
	size_t docs = t->added + t->replaced + t->unchanged;

	fprintf(stderr,
		"vigil ingest: %zu document%s (%zu added, %zu replaced, %zu "
		"unchanged), %zu events, %zu figures; skipped %zu bad "
		"document%s and %zu unreadable file%s\n",
		docs, docs == 1 ? "" : "s", t->added, t->replaced, t->unchanged,
		t->events, t->figures, t->bad_docs, t->bad_docs == 1 ? "" : "s",
		t->bad_files, t->bad_files == 1 ? "" : "s");
}

int cli_ingest(int argc, char **argv)
{
	ingest_options o;
	vigil_coder_options copts = VIGIL_CODER_OPTIONS_INIT;
	vigil_store_options sopts = VIGIL_STORE_OPTIONS_INIT;
	vigil_dict *dict = NULL;
	vigil_coder *coder = NULL;
	vigil_worker *workers[MAX_JOBS] = {0};
	run r;
	sink_ctx sc = {&r, workers, 0, 0};
	cli_doc_sink sink = {&sc, sink_add, sink_flush, sink_bad,
			     sink_unreadable};
	char err[1024];
	int i, status = CLI_USAGE, rc = parse_options(argc, argv, &o);

	memset(&r, 0, sizeof(r));
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.cond, NULL);
	if (rc != 0) {
		status = rc > 0 ? CLI_OK : CLI_USAGE;
		goto done;
	}
	/* past a file size limit, writes fail (EFBIG) instead of killing us */
	signal(SIGXFSZ, SIG_IGN);
	if (vigil_store_open(&r.store, o.db, &sopts, err, sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "vigil ingest: %s\n", err);
		goto done;
	}
	if (!o.c.no_default_dict || o.c.ndicts) {
		dict = cli_open_dicts(o.c.dicts, o.c.ndicts, o.c.no_default_dict);
		if (!dict)
			goto done;
	}
	copts.dict = dict;
	copts.flags = o.c.flags;
	if (vigil_coder_new(&coder, &copts) != VIGIL_OK)
		goto oom;
	for (i = 0; i < o.c.jobs; i++)
		if (vigil_worker_new(&workers[i], coder) != VIGIL_OK)
			goto oom;
	r.progress = isatty(STDERR_FILENO);
	sc.jobs = o.c.jobs;
	sc.batch = o.batch;
	for (i = optind; i < argc && !r.fatal; i++)
		if (cli_read_file(argv[i], "ingest", o.c.date, &sink) < 0)
			goto done;
	flush_batch(&r, workers, o.c.jobs);
	draw_progress(&r, 1);
	print_summary(&r.t);
	status = r.fatal ? CLI_USAGE
			 : (r.t.bad_docs || r.t.bad_files ? CLI_INPUT : CLI_OK);
	goto done;
oom:
	fprintf(stderr, "vigil ingest: out of memory\n");
done:
	for (i = 0; i < MAX_JOBS; i++)
		vigil_worker_free(workers[i]);
	for (size_t k = 0; k < r.n; k++)
		free(r.slots[k].mem);
	free(r.slots);
	pthread_cond_destroy(&r.cond);
	pthread_mutex_destroy(&r.lock);
	vigil_coder_free(coder);
	vigil_dict_free(dict);
	vigil_store_free(r.store);
	return status;
}
