/*
 * main.c: the vigil command: dispatches to the subcommands and prints the
 * top-level help. Each subcommand lives in its own cmd_*.c file.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: vigil <command> [options] [arguments]\n"
	"\n"
	"vigil turns news reporting on conflict into structured, sourced event data.\n"
	"\n"
	"commands:\n"
	"  code     code documents (text, JSON Lines, HTML, RSS/Atom) to JSON Lines records\n"
	"  ingest   code documents and store them (--db PATH: an SQLite file, or\n"
	"           --db postgresql://URL: a PostgreSQL database)\n"
	"  query    events or clusters of a store, filtered (JSON Lines, CSV, GDELT)\n"
	"  figures  the figures ledger of a store: who claimed which number, when\n"
	"  dict     check, compile, import and inspect dictionaries\n"
	"  conform  run a PETRARCH validation file and report what passes\n"
	"\n"
	"  vigil <command> --help   options of one command\n"
	"  vigil --version          the version\n"
	"\n"
	"environment:\n"
	"  VIGIL_DATA_DIR    directory of the default dictionaries (default: %s)\n"
	"  VIGIL_CACHE_DIR   where compiled dictionaries are cached\n"
	"                    (default: $XDG_CACHE_HOME/vigil or ~/.cache/vigil)\n"
	"\n"
	"exit status: 0 success; 1 some input was bad (reported on stderr, the rest\n"
	"was processed); 2 bad usage or a fatal error.\n";

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"code", cli_code},
	{"ingest", cli_ingest},
	{"query", cli_query},
	{"figures", cli_figures},
	{"dict", cli_dict},
	{"conform", cli_conform},
};

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		fprintf(stderr, usage, cli_default_dict_dir());
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		printf(usage, cli_default_dict_dir());
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("vigil %s\n", VIGIL_VERSION);
		return CLI_OK;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "vigil: unknown command '%s' (see vigil --help)\n",
		argv[1]);
	return CLI_USAGE;
}
