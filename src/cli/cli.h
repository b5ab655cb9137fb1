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

#define CLI_MAX_EXTRA_DICTS 32

/* The options of the commands that code documents (code, ingest). */
typedef struct cli_coding_opts {
	const char *date;       /* --date */
	unsigned flags;         /* VIGIL_CODE_REPAIR from --repair */
	int no_default_dict;    /* --no-default-dict */
	int jobs, max_jobs;     /* -j, from 1 to max_jobs */
	const char *dicts[CLI_MAX_EXTRA_DICTS]; /* --dict */
	size_t ndicts;
} cli_coding_opts;

/* Their getopt_long codes; a command's own codes start at CLI_OPT_OWN. */
enum {
	CLI_OPT_DATE = 256, CLI_OPT_REPAIR, CLI_OPT_DICT, CLI_OPT_NODEFAULT,
	CLI_OPT_OWN,
};

/* Their struct option entries (where <getopt.h> is included). */
#define CLI_CODING_LONGOPTS                                          \
	{"date", required_argument, NULL, CLI_OPT_DATE},             \
	{"repair", no_argument, NULL, CLI_OPT_REPAIR},               \
	{"dict", required_argument, NULL, CLI_OPT_DICT},             \
	{"no-default-dict", no_argument, NULL, CLI_OPT_NODEFAULT},   \
	{"jobs", required_argument, NULL, 'j'}

/* Sets the defaults (one job) and the most jobs allowed. */
void cli_coding_init(cli_coding_opts *o, int max_jobs);

/*
 * Takes getopt_long's option c (argument arg) if it is one of them: 1 when
 * taken, 0 when it is not one of them, -1 on a bad value (printed as
 * "vigil CMD: ...").
 */
int cli_coding_option(cli_coding_opts *o, const char *cmd, int c,
		      const char *arg);

/* What a command does with the documents cli_read_file reads. */
typedef struct cli_doc_sink {
	void *ctx;
	/* Copies doc (the reader reuses its memory) into the batch: 0, 1 when
	 * the batch is full (then flushed), -1 when out of memory. */
	int (*add)(void *ctx, const vigil_doc *doc);
	/* Codes the batch and writes or stores it: 0, or nonzero to stop. */
	int (*flush)(void *ctx);
	/* A reader error rc (VIGIL_EINPUT: a bad document, skipped) with its
	 * message, to print: 0 to read on, or nonzero to stop. */
	int (*bad)(void *ctx, int rc, const char *msg);
	/* The file could not be opened (reported). */
	void (*unreadable)(void *ctx);
} cli_doc_sink;

/*
 * Reads the documents of the file at path ("-": stdin) into sink, those
 * without a date dated `date` (or NULL). Returns 0, the nonzero value of a
 * callback that stopped it, or -1 when out of memory (printed).
 */
int cli_read_file(const char *path, const char *cmd, const char *date,
		  const cli_doc_sink *sink);

/* Seconds on the monotonic clock (for intervals). */
double cli_now_seconds(void);

#endif /* VIGIL_CLI_H */
