/*
 * cmd_query.c: the commands that read a store: `vigil query` (events or
 * clusters matching filters, as JSON Lines, CSV or GDELT rows) and
 * `vigil figures` (the figures ledger). They open the store read-only and
 * write to stdout.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char query_usage[] =
	"usage: vigil query --db PATH|URL [filters] [--format jsonl|csv|gdelt]\n"
	"\n"
	"--db is an SQLite file or a postgresql://URL (see vigil ingest --help).\n"
	"Writes the stored events that match every filter, sorted by date\n"
	"(undated last): JSON Lines event records as vigil code writes them,\n"
	"with \"cluster\", the id of the real-world event they report (null for\n"
	"events that are not asserted or not dated); CSV with a header; or GDELT\n"
	"2.0 rows of asserted events with their cluster's NumMentions,\n"
	"NumSources and NumArticles.\n"
	"\n"
	"filters:\n"
	"  --actor C            actor code starting with C (PRK matches PRKMIL)\n"
	"  --recipient C        recipient code starting with C\n"
	"  --said-by C          claimant code starting with C\n"
	"  --event T            PLOVER event type (ASSAULT, MOBILIZE, ...)\n"
	"  --cameo CODE         CAMEO code starting with CODE (19 matches 190-196)\n"
	"  --aux-mode M         asserted, negated, future, hypothetical,\n"
	"                       historical or denied\n"
	"  --since D, --until D event date from / to YYYY-MM-DD, inclusive\n"
	"  --place P            place by any name or code the gazetteer knows\n"
	"                       (\"Kursk region\", RU-KRS, RUS, Kharkiv)\n"
	"  --text WORDS         sentences holding all these words (full text)\n"
	"  --limit N            at most N records\n"
	"options:\n"
	"  --clusters           one \"cluster\" record per real-world event that\n"
	"                       has a matching event: counts of mentions,\n"
	"                       documents and sources (near-duplicate documents\n"
	"                       counted once) and its event ids\n"
	"  --format F           jsonl (default), csv or gdelt\n"
	"  -h, --help           this help\n";

static const char figures_usage[] =
	"usage: vigil figures --db PATH|URL [--subject C] [--category K] [--format text|jsonl]\n"
	"\n"
	"The figures ledger: for each subject and category (PRKMIL killed,\n"
	"...), every claim in date order with its value, qualifier, unit,\n"
	"claimant and figure id, and the range of the estimates. Claims of\n"
	"near-duplicate documents are counted once.\n"
	"\n"
	"options:\n"
	"  --subject C          subjects whose code starts with C\n"
	"  --category K         deployed, killed, wounded, killed_or_wounded,\n"
	"                       captured, missing, displaced, arrested,\n"
	"                       casualties or other\n"
	"  --format F           text (default) or jsonl: one \"ledger\" record\n"
	"                       per subject and category\n"
	"  -h, --help           this help\n";

static int write_stdout(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

static int open_store(const char *cmd, const char *db, vigil_store **out)
{
	vigil_store_options o = VIGIL_STORE_OPTIONS_INIT;
	char err[1024];

	if (!db) {
		fprintf(stderr, "vigil %s: --db PATH is required\n", cmd);
		return -1;
	}
	o.flags = VIGIL_STORE_READONLY;
	if (vigil_store_open(out, db, &o, err, sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "vigil %s: %s\n", cmd, err);
		return -1;
	}
	return 0;
}

/* The end of a read: flushes stdout, reports an error. */
static int finish(const char *cmd, vigil_store *s, int rc)
{
	if (rc == VIGIL_OK && fflush(stdout) != 0)
		rc = VIGIL_EIO;
	if (rc != VIGIL_OK)
		fprintf(stderr, "vigil %s: %s\n", cmd,
			ferror(stdout) ? strerror(errno) : vigil_store_errmsg(s));
	vigil_store_free(s);
	return rc == VIGIL_OK ? CLI_OK : CLI_USAGE;
}

static int parse_limit(const char *s, size_t *out)
{
	char *end;
	unsigned long long n;

	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || *end || *s == '-' || n == 0)
		return -1;
	*out = (size_t)n;
	return 0;
}

/* --place by any name the default gazetteer knows ("Kursk region"): the
 * code it stands for; a name it does not know is kept as given (a stored
 * place's name or code). -1 when the dictionaries cannot be opened. */
static int resolve_place(const char **place, char *buf, size_t cap)
{
	vigil_dict *d = cli_open_dicts(NULL, 0, 0);

	if (!d)
		return -1;
	if (vigil_place_code(d, *place, buf, cap) == VIGIL_OK)
		*place = buf;
	vigil_dict_free(d);
	return 0;
}

/*===== vigil query ====================================================*/

static const struct {
	const char *name;
	vigil_store_format format;
} query_formats[] = {
	{"jsonl", VIGIL_STORE_JSONL},
	{"csv", VIGIL_STORE_CSV},
	{"gdelt", VIGIL_STORE_GDELT},
};

static int query_format(const char *s, vigil_store_format *out)
{
	size_t i;

	for (i = 0; i < sizeof(query_formats) / sizeof(query_formats[0]); i++) {
		if (strcmp(s, query_formats[i].name) == 0) {
			*out = query_formats[i].format;
			return 0;
		}
	}
	return -1;
}

int cli_query(int argc, char **argv)
{
	enum { OPT_DB = 256, OPT_ACTOR, OPT_RECIPIENT, OPT_SAID_BY, OPT_EVENT,
	       OPT_CAMEO, OPT_AUX, OPT_SINCE, OPT_UNTIL, OPT_PLACE, OPT_TEXT,
	       OPT_LIMIT, OPT_CLUSTERS, OPT_FORMAT };
	static const struct option longopts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"actor", required_argument, NULL, OPT_ACTOR},
		{"recipient", required_argument, NULL, OPT_RECIPIENT},
		{"said-by", required_argument, NULL, OPT_SAID_BY},
		{"event", required_argument, NULL, OPT_EVENT},
		{"cameo", required_argument, NULL, OPT_CAMEO},
		{"aux-mode", required_argument, NULL, OPT_AUX},
		{"since", required_argument, NULL, OPT_SINCE},
		{"until", required_argument, NULL, OPT_UNTIL},
		{"place", required_argument, NULL, OPT_PLACE},
		{"text", required_argument, NULL, OPT_TEXT},
		{"limit", required_argument, NULL, OPT_LIMIT},
		{"clusters", no_argument, NULL, OPT_CLUSTERS},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	vigil_query q = VIGIL_QUERY_INIT;
	vigil_store_format format = VIGIL_STORE_JSONL;
	vigil_store *s = NULL;
	const char *db = NULL;
	char place[128];
	int c, clusters = 0, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DB: db = optarg; break;
		case OPT_ACTOR: q.actor = optarg; break;
		case OPT_RECIPIENT: q.recipient = optarg; break;
		case OPT_SAID_BY: q.said_by = optarg; break;
		case OPT_EVENT: q.event = optarg; break;
		case OPT_CAMEO: q.cameo = optarg; break;
		case OPT_AUX: q.aux_mode = optarg; break;
		case OPT_PLACE: q.place = optarg; break;
		case OPT_TEXT: q.text = optarg; break;
		case OPT_CLUSTERS: clusters = 1; break;
		case OPT_SINCE:
		case OPT_UNTIL:
			if (!cli_valid_date(optarg)) {
				fprintf(stderr, "vigil query: bad --%s '%s' (want YYYY-MM-DD)\n",
					c == OPT_SINCE ? "since" : "until", optarg);
				return CLI_USAGE;
			}
			*(c == OPT_SINCE ? &q.since : &q.until) = optarg;
			break;
		case OPT_LIMIT:
			if (parse_limit(optarg, &q.limit) < 0) {
				fprintf(stderr, "vigil query: bad --limit '%s'\n", optarg);
				return CLI_USAGE;
			}
			break;
		case OPT_FORMAT:
			if (query_format(optarg, &format) < 0) {
				fprintf(stderr, "vigil query: unknown --format '%s' (jsonl, csv or gdelt)\n", optarg);
				return CLI_USAGE;
			}
			break;
		case 'h':
			fputs(query_usage, stdout);
			return CLI_OK;
		default:
			fputs("see vigil query --help\n", stderr);
			return CLI_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "vigil query: unexpected argument '%s'\n", argv[optind]);
		return CLI_USAGE;
	}
	if (clusters && format != VIGIL_STORE_JSONL) {
		fputs("vigil query: --clusters writes jsonl only\n", stderr);
		return CLI_USAGE;
	}
	if (q.place && resolve_place(&q.place, place, sizeof(place)) < 0)
		return CLI_USAGE;
	if (open_store("query", db, &s) < 0)
		return CLI_USAGE;
	rc = clusters ? vigil_store_clusters(s, &q, write_stdout, NULL)
		      : vigil_store_query(s, &q, format, write_stdout, NULL);
	return finish("query", s, rc);
}

/*===== vigil figures ==================================================*/

int cli_figures(int argc, char **argv)
{
	enum { OPT_DB = 256, OPT_SUBJECT, OPT_CATEGORY, OPT_FORMAT };
	static const struct option longopts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"subject", required_argument, NULL, OPT_SUBJECT},
		{"category", required_argument, NULL, OPT_CATEGORY},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	vigil_store_format format = VIGIL_STORE_TEXT;
	vigil_store *s = NULL;
	const char *db = NULL, *subject = NULL, *category = NULL;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DB: db = optarg; break;
		case OPT_SUBJECT: subject = optarg; break;
		case OPT_CATEGORY: category = optarg; break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0) {
				format = VIGIL_STORE_TEXT;
			} else if (strcmp(optarg, "jsonl") == 0) {
				format = VIGIL_STORE_JSONL;
			} else {
				fprintf(stderr, "vigil figures: unknown --format '%s' (text or jsonl)\n", optarg);
				return CLI_USAGE;
			}
			break;
		case 'h':
			fputs(figures_usage, stdout);
			return CLI_OK;
		default:
			fputs("see vigil figures --help\n", stderr);
			return CLI_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "vigil figures: unexpected argument '%s'\n", argv[optind]);
		return CLI_USAGE;
	}
	if (open_store("figures", db, &s) < 0)
		return CLI_USAGE;
	return finish("figures", s,
		      vigil_store_figures(s, subject, category, format,
					  write_stdout, NULL));
}
