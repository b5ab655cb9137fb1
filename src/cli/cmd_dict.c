/*
 * cmd_dict.c: `vigil dict`: check dictionary sources (every error with
 * file:line), compile them into a binary cache file, and show statistics
 * of a dictionary set, including how long it takes to open.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"

#define MAX_PATHS 64

static const char dict_usage[] =
	"usage: vigil dict check PATH...\n"
	"       vigil dict compile -o OUT PATH...\n"
	"       vigil dict import FILE... -o OUT.vd\n"
	"       vigil dict stats [--no-default-dict] [PATH...]\n"
	"\n"
	"PATH is a .vd dictionary file, a TABARI/PETRARCH dictionary (*.actors.txt,\n"
	"*.agents.txt, *.verbs.txt or CAMEO*.txt, *.discards.txt) or a directory of\n"
	"them (format and mapping: data/README.md).\n"
	"\n"
	"  check     report every error as file:line: reason; exit 1 if there is any\n"
	"            (lines of TABARI/PETRARCH files left out: file:line: skipped:\n"
	"            reason, and their count after the summary)\n"
	"  compile   compile the sources into the binary file OUT (what the cache holds)\n"
	"  import    convert TABARI/PETRARCH dictionaries into one native .vd file;\n"
	"            lines that cannot be converted are reported as skipped\n"
	"  stats     open the default dictionaries plus PATHs (through the cache) and\n"
	"            print entries, phrases, words, compiled size, cache use and the\n"
	"            time to open\n";

/* ", N lines skipped" when imported sources had lines left out. */
static void print_skipped(FILE *f, size_t nskipped)
{
	if (nskipped)
		fprintf(f, ", %zu line%s skipped", nskipped,
			nskipped == 1 ? "" : "s");
	fputc('\n', f);
}

static int dict_check(int argc, char **argv)
{
	size_t nerrors = 0, nskipped = 0;
	int rc;

	if (argc < 1) {
		fputs(dict_usage, stderr);
		return CLI_USAGE;
	}
	rc = vigil_dict_check_counts((const char *const *)argv, (size_t)argc,
				     cli_print_diag, NULL, &nerrors, &nskipped);
	if (rc == VIGIL_OK) {
		printf("ok: %d source%s, no errors", argc, argc == 1 ? "" : "s");
		print_skipped(stdout, nskipped);
		return CLI_OK;
	}
	if (rc == VIGIL_EINPUT) {
		fprintf(stderr, "%zu error%s", nerrors, nerrors == 1 ? "" : "s");
		print_skipped(stderr, nskipped);
		return CLI_INPUT;
	}
	fprintf(stderr, "vigil dict check: %s\n", vigil_strerror(rc));
	return CLI_USAGE;
}

static int dict_compile(int argc, char **argv)
{
	char err[512];
	int rc;

	if (argc < 3 || strcmp(argv[0], "-o") != 0) {
		fputs(dict_usage, stderr);
		return CLI_USAGE;
	}
	rc = vigil_dict_compile((const char *const *)argv + 2,
				(size_t)argc - 2, argv[1], cli_print_diag, NULL,
				err, sizeof(err));
	if (rc != VIGIL_OK) {
		fprintf(stderr, "vigil dict compile: %s\n", err);
		return rc == VIGIL_EINPUT ? CLI_INPUT : CLI_USAGE;
	}
	return CLI_OK;
}

static int dict_import(int argc, char **argv)
{
	const char *paths[MAX_PATHS], *out = NULL;
	size_t n = 0;
	char err[512];
	int i, rc;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && !out)
			out = argv[++i];
		else if (n < MAX_PATHS && argv[i][0] != '-')
			paths[n++] = argv[i];
		else
			break;
	}
	if (i < argc || !out || n == 0) {
		fputs(dict_usage, stderr);
		return CLI_USAGE;
	}
	rc = vigil_dict_import(paths, n, out, cli_print_diag, NULL, err,
			       sizeof(err));
	if (rc != VIGIL_OK) {
		fprintf(stderr, "vigil dict import: %s\n", err);
		return rc == VIGIL_EINPUT ? CLI_INPUT : CLI_USAGE;
	}
	return CLI_OK;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int dict_stats(int argc, char **argv)
{
	int no_default = 0;
	vigil_dict *d;
	vigil_dict_stats st;
	double t0;

	if (argc > 0 && strcmp(argv[0], "--no-default-dict") == 0) {
		no_default = 1;
		argc--;
		argv++;
	}
	if (no_default && argc == 0) {
		fputs(dict_usage, stderr);
		return CLI_USAGE;
	}
	t0 = now_ms();
	d = cli_open_dicts((const char *const *)argv, (size_t)argc, no_default);
	if (!d)
		return CLI_INPUT;
	vigil_dict_get_stats(d, &st);
	printf("entries      %zu\nphrases      %zu\nwords        %zu\n"
	       "compiled     %zu bytes\ncache        %s%s\nopen time    %.2f ms\n",
	       st.entries, st.phrases, st.words, st.blob_bytes,
	       st.from_cache ? "hit: " : "miss (compiled): ",
	       st.cache_path ? st.cache_path : "(none)", now_ms() - t0);
	vigil_dict_free(d);
	return CLI_OK;
}

int cli_dict(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(dict_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_USAGE : CLI_OK;
	}
	if (strcmp(argv[1], "check") == 0)
		return dict_check(argc - 2, argv + 2);
	if (strcmp(argv[1], "compile") == 0)
		return dict_compile(argc - 2, argv + 2);
	if (strcmp(argv[1], "import") == 0)
		return dict_import(argc - 2, argv + 2);
	if (strcmp(argv[1], "stats") == 0)
		return dict_stats(argc - 2, argv + 2);
	fprintf(stderr, "vigil dict: unknown subcommand '%s'\n%s", argv[1],
		dict_usage);
	return CLI_USAGE;
}
