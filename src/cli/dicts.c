/*
 * dicts.c: how the commands find and open dictionaries, and how they print
 * diagnostics.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli.h"

#ifndef VIGIL_DATA_DIR
#define VIGIL_DATA_DIR "/usr/local/share/vigil/dict"
#endif

#define MAX_DICTS 64

void cli_print_diag(void *ctx, const char *file, unsigned long line,
		    long long offset, const char *message)
{
	(void)ctx;
	if (line)
		fprintf(stderr, "%s:%lu: %s\n", file, line, message);
	else if (offset >= 0)
		fprintf(stderr, "%s: byte offset %lld: %s\n", file, offset,
			message);
	else
		fprintf(stderr, "%s: %s\n", file, message);
}

const char *cli_default_dict_dir(void)
{
	const char *env = getenv("VIGIL_DATA_DIR");

	return env && *env ? env : VIGIL_DATA_DIR;
}

vigil_dict *cli_open_dicts(const char *const *extra, size_t nextra,
			   int no_default)
{
	const char *paths[MAX_DICTS];
	vigil_dict_options opts = VIGIL_DICT_OPTIONS_INIT;
	vigil_dict *d = NULL;
	char err[512];
	size_t n = 0, i;
	struct stat st;

	if (!no_default) {
		paths[n] = cli_default_dict_dir();
		if (stat(paths[n], &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr,
				"vigil: default dictionaries not found in %s "
				"(set VIGIL_DATA_DIR, or use --no-default-dict)\n",
				paths[n]);
			return NULL;
		}
		n++;
	}
	if (n + nextra > MAX_DICTS) {
		fprintf(stderr, "vigil: at most %d dictionaries\n", MAX_DICTS);
		return NULL;
	}
	for (i = 0; i < nextra; i++)
		paths[n++] = extra[i];
	opts.diag = cli_print_diag;
	if (vigil_dict_open(&d, paths, n, &opts, err, sizeof(err)) != VIGIL_OK) {
		fprintf(stderr, "vigil: %s\n", err);
		return NULL;
	}
	return d;
}
