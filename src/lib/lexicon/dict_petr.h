/*
 * dict_petr.h: TABARI/PETRARCH dictionaries (actors, agents, verbs with
 * patterns, discards) translated line by line into native .vd text, which
 * dict_parse.c then reads as any .vd source; a map gives each native line
 * the line of the original it came from, so every message names the
 * original file:line. Lines that cannot be translated are reported with
 * vigil__dict_skip() and left out. Mapping rules: data/README.md.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DICT_PETR_H
#define VIGIL_DICT_PETR_H

#include "lexicon_int.h"

enum vigil__petr_kind {
	VIGIL__PETR_NONE = 0,  /* not a TABARI/PETRARCH dictionary */
	VIGIL__PETR_ACTORS,
	VIGIL__PETR_AGENTS,
	VIGIL__PETR_VERBS,
	VIGIL__PETR_DISCARDS,
	VIGIL__PETR_ISSUES     /* recognized, not supported */
};

/* The kind of a file by its name (*.actors.txt, *.agents.txt, *.verbs.txt,
 * CAMEO*.txt, *.discards.txt, *.IssueCoding.txt), else by its content. */
int vigil__petr_detect(const char *path, const char *data, size_t len);

/* Whether a directory entry named `name` is read as a TABARI/PETRARCH
 * dictionary (its name says so). */
int vigil__petr_name(const char *name);

/* Native text being written, with the original line of each line. */
typedef struct vigil__petr_out {
	vigil__dict_set *s;   /* where skipped lines are reported */
	const char *file;     /* the original file */
	char *text;           /* malloc'd */
	size_t len, cap;
	uint32_t *map;        /* malloc'd: original line of each native line */
	size_t nmap, map_cap;
	int section;          /* vigil_entry_kind of the last header, or -1 */
	int oom;
} vigil__petr_out;

/* Appends a native line for original line `line` (printf-style; no '\n').
 * Returns 0 or -1 (out->oom set). */
int vigil__petr_emit(vigil__petr_out *o, unsigned long line,
		     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Emits the section header of `kind` (or "[synsets]" for
 * VIGIL_KIND_COUNT_) unless it is the current one. */
int vigil__petr_section(vigil__petr_out *o, unsigned long line, int kind);

/*
 * Line reader shared by the translators: calls `fn` with each line that
 * carries content: "<!...>" lines and "<!-- ... -->" blocks, blank lines
 * and comments ('#' to the end of the line) removed, trimmed, CR dropped.
 */
typedef int (*vigil__petr_line_fn)(void *ctx, unsigned long line,
				   char *p, size_t n);
int vigil__petr_lines(const char *data, size_t len, vigil__petr_line_fn fn,
		      void *ctx);

/*
 * Writes PETRARCH phrase [p, p+n) ("NORTH_KOREA_", "HAMAS WING") as a native
 * phrase: words split at '_' and blanks, lower-cased, joined by one space.
 * Returns the length, or -1 when empty or when a word holds a character the
 * native format reserves ('(' or ')' except in a word starting with '(', '|',
 * '=', a leading '+'); *why says which.
 */
int vigil__petr_phrase(const char *p, size_t n, char *out, size_t cap,
		       const char **why);

/* Regular plural of the last word of native phrase `ph` (S/ES/IES rules)
 * into out. Returns the length, or -1 when it does not fit. */
int vigil__petr_plural(const char *ph, char *out, size_t cap);

/*
 * An event code of a bracket "[ddd]", "[ddd:eee]" (written "ddd:eee": the
 * code and its reciprocal), "[:eee]" (eee), "[---]": writes it into out
 * (letters upper-cased). Returns 0, or -1 when it is not a usable code.
 */
int vigil__petr_event_code(const char *p, size_t n, char *out, size_t cap);

/* Translators, one per kind (dict_petr_*.c). Return 0 or -1 (out->oom). */
int vigil__petr_actors(vigil__petr_out *o, const char *data, size_t len);
int vigil__petr_agents(vigil__petr_out *o, const char *data, size_t len);
int vigil__petr_verbs(vigil__petr_out *o, const char *data, size_t len);
int vigil__petr_discards(vigil__petr_out *o, const char *data, size_t len);

/*
 * Translates [data, data+len) of kind `kind` into o (initialized here;
 * free with vigil__petr_out_free). Returns 0, VIGIL_ENOMEM, or VIGIL_EINPUT
 * for an unsupported kind (reported).
 */
int vigil__petr_translate(vigil__petr_out *o, vigil__dict_set *s,
			  const char *file, int kind, const char *data,
			  size_t len);
void vigil__petr_out_free(vigil__petr_out *o);

/* Translates and parses one TABARI/PETRARCH source of kind `kind` into s,
 * as vigil__dict_parse_mem() does for .vd text. */
int vigil__petr_parse(vigil__dict_set *s, const char *path, int kind,
		      const char *data, size_t len, int64_t mtime_ns);

#endif /* VIGIL_DICT_PETR_H */
