/*
 * cmd_conform.c: `vigil conform FILE.xml --dict ...`: runs a PETRARCH/TABARI
 * validation file: codes each record's text with its date and the <Config>
 * settings in force, compares the events with the record's <EventCoding>,
 * and prints a table per category and "N passed, M failed".
 *
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define MAX_DICTS 32
#define MAX_CATEGORIES 64
#define MAX_GOT 32

static const char conform_usage[] =
	"usage: vigil conform [--dict PATH]... [--default-dict] [--verbose] FILE.xml\n"
	"\n"
	"Codes each <Sentence> of a PETRARCH validation file (its <Text> only, with\n"
	"its date and the <Config> settings before it) and compares the events with\n"
	"its <EventCoding> elements (source, target, event code; noevents and error\n"
	"records pass when nothing is coded). Prints records, passed and failed per\n"
	"category, then \"N passed, M failed\".\n"
	"\n"
	"  --dict PATH       dictionary file or directory (.vd, or TABARI/PETRARCH\n"
	"                    actors, agents, verbs, discards); repeatable\n"
	"  --default-dict    also load vigil's default dictionaries\n"
	"  --verbose         print each failure: expected and coded events\n"
	"\n"
	"exit status: 0 every record passed; 1 some failed; 2 bad usage, or the\n"
	"file or the dictionaries could not be read.\n";

typedef struct tally {
	const char *name;
	size_t n, passed;
} tally;

static tally *category(tally *t, size_t *nt, const char *name)
{
	size_t i;

	for (i = 0; i < *nt; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	if (*nt == MAX_CATEGORIES)
		return &t[MAX_CATEGORIES - 1];
	t[*nt].name = name;
	t[*nt].n = t[*nt].passed = 0;
	return &t[(*nt)++];
}

static void print_events(const char *label, const vigil_conform_event *e,
			 size_t n)
{
	size_t i;

	printf("    %s:", label);
	if (n == 0)
		printf(" (none)");
	for (i = 0; i < n; i++)
		printf(" %s %s %s%s", e[i].source, e[i].target, e[i].code,
		       i + 1 < n ? ";" : "");
	printf("\n");
}

static void print_failure(const vigil_conform_record *r,
			  const vigil_conform_event *got, size_t ngot)
{
	const char *p;
	int blank = 0;

	printf("FAIL %s (line %lu): ", r->id, r->line);
	for (p = r->text; *p; p++) {  /* the text on one line */
		int b = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';

		if (!b)
			putchar(*p);
		else if (!blank)
			putchar(' ');
		blank = b;
	}
	putchar('\n');
	if (r->error)
		printf("    expected: error %s (no event)\n", r->error);
	else
		print_events("expected", r->expected, r->nexpected);
	print_events("coded   ", got, ngot);
}

static int run(const vigil_conform *set, vigil_worker *w, int verbose)
{
	tally t[MAX_CATEGORIES];
	size_t nt = 0, i, passed = 0, failed = 0;
	vigil_conform_event got[MAX_GOT];

	for (i = 0; i < vigil_conform_count(set); i++) {
		const vigil_conform_record *r = vigil_conform_get(set, i);
		tally *c = category(t, &nt, r->category);
		size_t ngot = 0;
		int rc = vigil_conform_code(w, r, got, MAX_GOT, &ngot);

		if (rc == VIGIL_ENOMEM) {
			fprintf(stderr, "vigil conform: %s: %s\n", r->id,
				vigil_worker_errmsg(w));
			return CLI_USAGE;
		}
		c->n++;
		if (rc == VIGIL_OK && vigil_conform_passes(r, got, ngot)) {
			c->passed++;
			passed++;
			continue;
		}
		failed++;
		if (verbose)
			print_failure(r, got, ngot);
	}
	printf("%-12s %7s %7s %7s\n", "category", "records", "passed", "failed");
	for (i = 0; i < nt; i++)
		printf("%-12s %7zu %7zu %7zu\n", t[i].name, t[i].n, t[i].passed,
		       t[i].n - t[i].passed);
	printf("%zu passed, %zu failed\n", passed, failed);
	return failed ? CLI_INPUT : CLI_OK;
}

int cli_conform(int argc, char **argv)
{
	static const struct option opts[] = {
		{"dict", required_argument, NULL, 'd'},
		{"default-dict", no_argument, NULL, 'D'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *dicts[MAX_DICTS];
	size_t ndicts = 0;
	int verbose = 0, with_default = 0, c, rc;
	vigil_conform *set = NULL;
	vigil_dict *d = NULL;
	vigil_coder *coder = NULL;
	vigil_worker *w = NULL;
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	char err[512];

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (ndicts == MAX_DICTS) {
				fprintf(stderr, "vigil conform: at most %d --dict\n",
					MAX_DICTS);
				return CLI_USAGE;
			}
			dicts[ndicts++] = optarg;
			break;
		case 'D':
			with_default = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'h':
			fputs(conform_usage, stdout);
			return CLI_OK;
		default:
			fputs(conform_usage, stderr);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1 || (ndicts == 0 && !with_default)) {
		fputs(conform_usage, stderr);
		return CLI_USAGE;
	}
	rc = vigil_conform_open(&set, argv[optind], err, sizeof(err));
	if (rc != VIGIL_OK) {
		fprintf(stderr, "vigil conform: %s\n", err);
		return CLI_USAGE;
	}
	d = cli_open_dicts(dicts, ndicts, !with_default);
	co.dict = d;
	if (!d || vigil_coder_new(&coder, &co) != VIGIL_OK ||
	    vigil_worker_new(&w, coder) != VIGIL_OK) {
		if (d)
			fprintf(stderr, "vigil conform: out of memory\n");
		rc = CLI_USAGE;
	} else {
		rc = run(set, w, verbose);
	}
	vigil_worker_free(w);
	vigil_coder_free(coder);
	vigil_dict_free(d);
	vigil_conform_free(set);
	return rc;
}
