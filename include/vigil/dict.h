/*
 * vigil/dict.h: dictionaries. A vigil_dict is a compiled, read-only set of
 * entries (actors, agents, verbs, places, cues) loaded from native `.vd`
 * files (format: data/README.md). The compiled form is one position-
 * independent blob, cached on disk and mapped with mmap; it is rebuilt when a
 * source file changes. A vigil_dict is immutable after it is opened and may be
 * shared by any number of threads.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DICT_H
#define VIGIL_DICT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vigil_dict vigil_dict;

/* Kinds of dictionary entry (the `[section]` of a .vd file). */
typedef enum vigil_entry_kind {
	VIGIL_KIND_ACTOR = 0,
	VIGIL_KIND_AGENT,
	VIGIL_KIND_VERB,
	VIGIL_KIND_PLACE,
	VIGIL_KIND_CUE,
	VIGIL_KIND_DISCARD,      /* a sentence (code "sentence") or story
				    ("story") containing it is not coded */
	VIGIL_KIND_COUNT_
} vigil_entry_kind;

/* "actor", "agent", "verb", "place", "cue", "discard"; NULL for an unknown kind. */
const char *vigil_kind_name(vigil_entry_kind kind);

typedef struct vigil_dict_options {
	unsigned version;      /* VIGIL_DICT_OPTIONS_VERSION */
	const char *cache_dir; /* where compiled caches live; NULL: $VIGIL_CACHE_DIR,
				  else $XDG_CACHE_HOME/vigil, else ~/.cache/vigil */
	int no_cache;          /* compile in memory, read and write no cache */
	vigil_diag_fn diag;    /* receives every error in the sources; may be NULL */
	void *diag_ctx;
} vigil_dict_options;

#define VIGIL_DICT_OPTIONS_VERSION 1
#define VIGIL_DICT_OPTIONS_INIT {VIGIL_DICT_OPTIONS_VERSION, NULL, 0, NULL, NULL}

/*
 * Opens the dictionaries in `paths` (files, or directories whose *.vd files are
 * read in name order). Uses the cache when it matches every source (path,
 * size, modification time); otherwise compiles and rewrites it atomically (a
 * cache that cannot be written is not an error). Any error in a source is
 * reported through opts->diag with file:line and makes the call fail with
 * VIGIL_EINPUT after all sources were read. On failure *out is NULL and
 * `errbuf` (if not NULL) holds a one-line summary.
 */
int vigil_dict_open(vigil_dict **out, const char *const *paths, size_t npaths,
		    const vigil_dict_options *opts, char *errbuf, size_t errlen);

/*
 * Parses the sources in `paths` and reports every error through `diag`,
 * writing nothing. *nerrors_out (may be NULL) receives the error count.
 * Returns VIGIL_OK when there is no error, VIGIL_EINPUT when there are.
 */
int vigil_dict_check(const char *const *paths, size_t npaths, vigil_diag_fn diag,
		     void *diag_ctx, size_t *nerrors_out);
/* The same, also giving the number of lines of TABARI/PETRARCH sources
 * that were skipped (reported as "skipped: reason"; no errors). */
int vigil_dict_check_counts(const char *const *paths, size_t npaths,
			    vigil_diag_fn diag, void *diag_ctx,
			    size_t *nerrors_out, size_t *nskipped_out);

/*
 * Compiles the sources in `paths` into the cache file `out_path` (written to
 * a temporary name and renamed). Returns VIGIL_EINPUT on source errors
 * (reported through `diag`), VIGIL_EIO if the file cannot be written.
 */
int vigil_dict_compile(const char *const *paths, size_t npaths,
		       const char *out_path, vigil_diag_fn diag, void *diag_ctx,
		       char *errbuf, size_t errlen);

/*
 * Converts TABARI/PETRARCH dictionaries (actors, agents, verbs with
 * patterns and synonym sets, discards: recognized by name or content) into
 * one native .vd file `out_path`. Lines that cannot be converted are
 * reported through `diag` ("skipped: reason") and left out; that is no
 * error. Returns VIGIL_EINPUT when a source is not such a dictionary or
 * cannot be read, VIGIL_EIO when OUT cannot be written.
 */
int vigil_dict_import(const char *const *paths, size_t npaths,
		      const char *out_path, vigil_diag_fn diag, void *diag_ctx,
		      char *errbuf, size_t errlen);

/* Statistics of an open dictionary. */
typedef struct vigil_dict_stats {
	size_t entries;        /* entries after expansion of alternatives */
	size_t phrases;        /* distinct token sequences */
	size_t words;          /* distinct words */
	size_t blob_bytes;     /* size of the compiled form */
	int from_cache;        /* 1 when the compiled form was mapped from a cache */
	const char *cache_path;/* the cache file used or written, or NULL */
} vigil_dict_stats;

void vigil_dict_get_stats(const vigil_dict *d, vigil_dict_stats *out);

void vigil_dict_free(vigil_dict *d);

#ifdef __cplusplus
}
#endif
#endif /* VIGIL_DICT_H */
