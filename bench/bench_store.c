/*
 * bench_store.c: the store benchmark. Generates a store of N events
 * (default one million; 10 per document) through the public API, with a
 * Zipf-like spread of actor and recipient countries and sectors, dates over
 * two years and a few event types; prints ingest throughput (events/s, wall
 * and per CPU second: the machine may be shared; the time spent generating
 * the documents is left out), then, from a read-only
 * reopening, the latency (p50, p95 over 200 queries, wall and CPU time,
 * JSON Lines written to a counting sink) of dyad + date-range queries, one-word full-text
 * queries and dyad + date-range --clusters queries, and peak RSS.
 * Usage: bench_store DB [EVENTS [DOCS_PER_TRANSACTION [ORDER]]]; EVENTS 0
 * queries the store DB as it is; ORDER `random` (the default: documents
 * dated at random over the two years, the worst case for locality) or
 * `dated` (documents arrive in date order, as a news feed does).
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <vigil/vigil.h>

#define PER_DOC 10
#define QUERIES 200

static const char *const countries[] = {
	"RUS", "UKR", "USA", "PRK", "KOR", "CHN", "ISR", "IRN", "SYR", "TUR",
	"IND", "PAK", "SDN", "YEM", "JPN", "FRA", "DEU", "GBR", "LBN", "IRQ",
	"AFG", "MMR", "ETH", "SOM", "NGA", "MLI", "COD", "VEN", "COL", "MEX",
};
static const char *const sectors[] = {"", "GOV", "MIL", "REB", "CVL", "SPY"};
static const char *const events[][3] = {
	{"ASSAULT", "190", "-10.0"}, {"CONSULT", "040", "1.0"},
	{"MOBILIZE", "150", "-7.2"}, {"ACCUSE", "111", "-2.0"},
	{"COERCE", "173", "-5.0"},   {"AID", "070", "7.0"},
	{"THREATEN", "138", "-7.0"}, {"COOPERATE", "060", "6.0"},
};

static unsigned long long rng = 88172645463325252ull;

static unsigned next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

/* A Zipf-like pick in [0, n): low indexes far more often. */
static unsigned zipf(unsigned n)
{
	double u = (next_rand() % 1000000 + 1) / 1000001.0;

	return (unsigned)(pow(u, 2.5) * n) % n;
}

static double tv_seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static double cpu_user(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return tv_seconds(ru.ru_utime);
}

static double cpu_sys(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return tv_seconds(ru.ru_stime);
}

static double thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void day_of(unsigned k, char *out)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = 2024 + (int)(k / 365), d = (int)(k % 365), m = 0;

	while (d >= mdays[m]) {
		d -= mdays[m];
		m++;
	}
	snprintf(out, 11, "%04d-%02d-%02d", y % 10000, (m + 1) % 100, (d + 1) % 100);
}

typedef struct gen_doc {
	char id[32], date[11], source[16];
	char codes[PER_DOC][2][16], ids[PER_DOC][48];
	char texts[PER_DOC][128];
	vigil_sentence_rec sent[PER_DOC];
	vigil_event_rec ev[PER_DOC];
	vigil_doc_records r;
} gen_doc;

static void actor(vigil_actor_rec *a, char *code, const char *text)
{
	const char *c = countries[zipf(sizeof(countries) / sizeof(countries[0]))];
	const char *sec = sectors[next_rand() % 6];

	snprintf(code, 16, "%s%s", c, sec);
	a->code = code;
	a->country = c;
	a->sector = *sec ? sec : NULL;
	a->text = text;
}

/* Document n of `docs`, dated at random, or in date order when `dated`. */
static void make_doc(gen_doc *g, size_t n, size_t docs, int dated)
{
	unsigned k;
	unsigned day = dated ? (unsigned)(n * 730 / docs) : next_rand() % 730;

	memset(g, 0, sizeof(*g));
	snprintf(g->id, sizeof(g->id), "bench-%zu", n);
	day_of(day, g->date);
	snprintf(g->source, sizeof(g->source), "outlet %u", zipf(200));
	for (k = 0; k < PER_DOC; k++) {
		vigil_event_rec *e = &g->ev[k];
		unsigned t = next_rand() % 8;

		/* words drawn at random: documents are not near-duplicates */
		snprintf(g->texts[k], sizeof(g->texts[k]),
			 "w%u w%u w%u w%u w%u w%u w%u w%u w%u w%u reports.",
			 next_rand() % 5000, next_rand() % 5000, next_rand() % 5000,
			 next_rand() % 5000, next_rand() % 5000, next_rand() % 5000,
			 next_rand() % 5000, next_rand() % 5000, next_rand() % 5000,
			 next_rand() % 5000);
		g->sent[k].span.begin = k * 128;
		g->sent[k].span.end = k * 128 + 100;
		g->sent[k].text = g->texts[k];
		snprintf(g->ids[k], sizeof(g->ids[k]), "%s-%u-1", g->id, k + 1);
		e->id = g->ids[k];
		e->sentence = k + 1;
		e->date = g->date;
		e->date_precision = "day";
		actor(&e->actor, g->codes[k][0], "the first party");
		if (next_rand() % 4)
			actor(&e->recipient, g->codes[k][1], "the second party");
		e->event = events[t][0];
		e->cameo = events[t][1];
		e->goldstein = atof(events[t][2]);
		e->aux_mode = next_rand() % 10 ? "asserted" : "future";
		e->quad_code = 1 + (int)(t % 4);
		e->place.lat = e->place.lon = NAN;
		e->trigger = "reports";
		e->span = g->sent[k].span;
	}
	g->r.id = g->id;
	g->r.date = g->date;
	g->r.source = g->source;
	g->r.sentences = g->sent;
	g->r.nsentences = PER_DOC;
	g->r.events = g->ev;
	g->r.nevents = PER_DOC;
}

static int count_bytes(void *ctx, const char *data, size_t len)
{
	(void)data;
	*(size_t *)ctx += len;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

enum query_kind { Q_DYAD, Q_TEXT, Q_CLUSTERS };

/* QUERIES queries of one kind: dyad (actor and recipient countries drawn
 * Zipf-like) + 30 days as events, one word in full text, or the dyad +
 * 30 days as clusters; prints p50 and p95 of their latency. */
static int time_queries(vigil_store *s, enum query_kind kind)
{
	static const char *const names[] = {
		"dyad + 30-day query", "--text one word", "--clusters dyad + 30 days",
	};
	double lat[QUERIES], cpu[QUERIES], t0, c0;
	size_t bytes = 0;
	int i, rc = VIGIL_OK;

	for (i = 0; i < QUERIES && rc == VIGIL_OK; i++) {
		vigil_query q = VIGIL_QUERY_INIT;
		char since[11], until[11], word[16];
		unsigned day = next_rand() % 700;

		q.actor = countries[zipf(10)];
		q.recipient = countries[zipf(10)];
		day_of(day, since);
		day_of(day + 30, until);
		q.since = since;
		q.until = until;
		t0 = now();
		c0 = thread_cpu();
		if (kind == Q_TEXT) {
			vigil_query t = VIGIL_QUERY_INIT;

			snprintf(word, sizeof(word), "w%u", next_rand() % 5000);
			t.text = word;
			rc = vigil_store_query(s, &t, VIGIL_STORE_JSONL, count_bytes,
					       &bytes);
		} else if (kind == Q_CLUSTERS) {
			rc = vigil_store_clusters(s, &q, count_bytes, &bytes);
		} else {
			rc = vigil_store_query(s, &q, VIGIL_STORE_JSONL, count_bytes,
					       &bytes);
		}
		lat[i] = (now() - t0) * 1e3;
		cpu[i] = (thread_cpu() - c0) * 1e3;
	}
	if (rc != VIGIL_OK)
		return rc;
	qsort(lat, QUERIES, sizeof(lat[0]), cmp_double);
	qsort(cpu, QUERIES, sizeof(cpu[0]), cmp_double);
	printf("%s: p50 %.2f ms, p95 %.2f ms; CPU p50 %.2f ms, p95 %.2f ms "
	       "(%d queries, %zu bytes of JSON Lines)\n", names[kind],
	       lat[QUERIES / 2], lat[QUERIES * 95 / 100], cpu[QUERIES / 2],
	       cpu[QUERIES * 95 / 100], QUERIES, bytes);
	return VIGIL_OK;
}

/* Generates and stores `docs` documents, `per_tx` a transaction; prints
 * the throughput. 0, or 1 on a store error. */
static int ingest(const char *path, size_t docs, size_t per_tx, int dated,
		  gen_doc *g)
{
	vigil_store_options o = VIGIL_STORE_OPTIONS_INIT;
	vigil_store *s = NULL;
	char err[1024];
	double t0, secs, gen_secs = 0, gen_cpu = 0;
	size_t n;

	unlink(path);
	if (vigil_store_open(&s, path, &o, err, sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "bench_store: %s\n", err);
		return 1;
	}
	/* generating a document is not ingest: its time is left out */
	t0 = now();
	for (n = 0; n < docs; n++) {
		double g0 = now(), c0 = thread_cpu();

		make_doc(g, n, docs, dated);
		gen_secs += now() - g0;
		gen_cpu += thread_cpu() - c0;
		if (n % per_tx == 0 && vigil_store_begin(s) != VIGIL_OK)
			break;
		if (vigil_store_put(s, &g->r, NULL) != VIGIL_OK)
			break;
		if ((n % per_tx == per_tx - 1 || n + 1 == docs) &&
		    vigil_store_commit(s) != VIGIL_OK)
			break;
	}
	if (n < docs) {
		fprintf(stderr, "bench_store: %s\n", vigil_store_errmsg(s));
		vigil_store_free(s);
		return 1;
	}
	secs = now() - t0 - gen_secs;
	printf("ingest: %zu events in %zu documents, %.1f s, %.0f events/s "
	       "(%zu documents a transaction, %s; generating them took "
	       "%.1f s more)\n", docs * PER_DOC, docs, secs,
	       docs * PER_DOC / secs, per_tx,
	       dated ? "in date order" : "dates at random", gen_secs);
	printf("ingest CPU: %.1f s user + %.1f s system, less %.1f s "
	       "generating, %.0f events per CPU second\n", cpu_user(),
	       cpu_sys(), gen_cpu,
	       docs * PER_DOC / (cpu_user() + cpu_sys() - gen_cpu));
	/* closing runs the sampled ANALYZE */
	t0 = now();
	vigil_store_free(s);
	printf("close (ANALYZE): %.1f s\n", now() - t0);
	return 0;
}

int main(int argc, char **argv)
{
	vigil_store_options o = VIGIL_STORE_OPTIONS_INIT;
	vigil_store *s = NULL;
	gen_doc *g = malloc(sizeof(*g));
	size_t total = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000000;
	size_t per_tx = argc > 3 ? strtoul(argv[3], NULL, 10) : 5000;
	const char *order = argc > 4 ? argv[4] : "random";
	int dated = strcmp(order, "dated") == 0;
	char err[1024];
	struct rusage ru;
	int i;

	if (argc < 2 || !g || per_tx == 0 ||
	    (!dated && strcmp(order, "random") != 0)) {
		fprintf(stderr, "usage: bench_store DB [EVENTS "
			"[DOCS_PER_TRANSACTION [random|dated]]]\n"
			"EVENTS 0: query the store DB as it is\n");
		free(g);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (total && ingest(argv[1], total / PER_DOC, per_tx, dated, g) != 0) {
		free(g);
		return 1;
	}
	free(g);
	/* queries come from a reader, as with vigil query */
	o.flags = VIGIL_STORE_READONLY;
	if (vigil_store_open(&s, argv[1], &o, err, sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "bench_store: %s\n", err);
		return 2;
	}
	for (i = 0; i < 3; i++)
		if (time_queries(s, (enum query_kind)i) != VIGIL_OK) {
			fprintf(stderr, "bench_store: %s\n", vigil_store_errmsg(s));
			vigil_store_free(s);
			return 1;
		}
	getrusage(RUSAGE_SELF, &ru);
	printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
	vigil_store_free(s);
	return 0;
}
