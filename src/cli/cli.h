/*
 * cli.h: what the subcommands of the vigil command share: their entry
 * points, the exit codes, the diagnostics printer and where the default
 * dictionaries are. The CLI is a client of the library: it includes only
 * <vigil/vigil.h>.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_CLI_H
#define VIGIL_CLI_H

#include <stddef.h>

#include <vigil/vigil.h>

/* Exit codes of every subcommand. */
enum {
	CLI_OK = 0,       /* everything done */
	CLI_INPUT = 1,    /* done, but some input was bad and reported */
	CLI_USAGE = 2,    /* bad command line, or a fatal error */
};

int cli_code(int argc, char **argv);
int cli_dict(int argc, char **argv);
int cli_conform(int argc, char **argv);
int cli_ingest(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_figures(int argc, char **argv);

/* Prints a diagnostic as "file:line: message" on stderr (a vigil_diag_fn). */
void cli_print_diag(void *ctx, const char *file, unsigned long line,
		    long long offset, const char *message);

/* The directory of the default dictionaries: $VIGIL_DATA_DIR, else the one
 * compiled in. */
const char *cli_default_dict_dir(void);

/*
 * Opens the dictionaries: the default directory unless `no_default`, then
 * each of `extra`. Prints errors and returns NULL on failure.
 */
vigil_dict *cli_open_dicts(const char *const *extra, size_t nextra,
			   int no_default);

/*
 * Copies *doc (whose memory the reader reuses) into *out; returns the one
 * malloc'd block that holds all of out's strings (free it when done), or
 * NULL when out of memory.
 */
char *cli_doc_copy(const vigil_doc *doc, vigil_doc *out);

/* Whether an option value is a date YYYY-MM-DD (1) or not (0). */
int cli_valid_date(const char *s);

/* Reads a --jobs value, a whole number from 1 to max, into *out: 0, or -1
 * when it is not one. */
int cli_parse_jobs(const char *s, int max, int *out);

/* Seconds on the monotonic clock (for intervals). */
double cli_now_seconds(void);

#endif /* VIGIL_CLI_H */
