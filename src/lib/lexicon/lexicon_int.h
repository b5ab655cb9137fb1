/*
 * lexicon_int.h: private to src/lib/lexicon/: the compiled blob layout, the
 * parsed form of .vd sources, and the functions the lexicon files share
 * (parse -> compile -> cache -> match). See docs/internals/lexicon.md for the
 * blob layout, the hashing and the cache rules.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_LEXICON_INT_H
#define VIGIL_LEXICON_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "lexicon.h"

/*===== Limits of the .vd format ======================================*/

#define VIGIL__DICT_MAX_LINE 4096u     /* bytes of a line, without '\n' */
#define VIGIL__DICT_MAX_WORDS 16u      /* tokens of a phrase (INNER excluded) */
#define VIGIL__DICT_MAX_WORD 255u      /* bytes of a folded word */
#define VIGIL__DICT_MAX_VARIANTS 256u  /* token sequences of one phrase */
#define VIGIL__DICT_MAX_FILE ((size_t)256 << 20)

/*===== Compiled blob =================================================*/
/*
 * One contiguous, position-independent byte array: a header, then sections
 * at 8-aligned offsets. All references are byte offsets into the string
 * pool or indexes into the arrays below; pool offset 0 is the empty string
 * and means "absent". Numbers are in host byte order (`endian` detects a
 * blob from another byte order, which is then treated as stale).
 */
#define VIGIL__BLOB_MAGIC "VIGILDCT"
#define VIGIL__BLOB_VERSION 6u
#define VIGIL__BLOB_ENDIAN 0x01020304u
/* The TABARI/PETRARCH translation (dict_petr*.c): part of the engine
 * fingerprint, so bump it when a translation changes and compiled caches
 * of imported dictionaries are rebuilt. */
#define VIGIL__PETR_VERSION 7u
#define VIGIL__NONE UINT32_MAX

typedef struct vigil__blob_header {
	char magic[8];        /* VIGIL__BLOB_MAGIC, not NUL-terminated */
	uint32_t version;     /* VIGIL__BLOB_VERSION */
	uint32_t endian;      /* VIGIL__BLOB_ENDIAN as written by the builder */
	uint64_t total_size;  /* bytes of the whole blob, header included */
	uint64_t checksum;    /* XXH3-64 of bytes [sizeof header, total_size) */
	uint64_t engine;      /* vigil__lexicon_engine() of the builder */
	int64_t built_ns;     /* wall clock when the sources were read */
	uint32_t n_sources;   /* files read, in reading order */
	uint32_t n_entries;   /* entries: one per phrase alternative */
	uint32_t n_slots;     /* (node, entry) pairs, grouped by node */
	uint32_t n_nodes;     /* trie nodes; node 0 is the root */
	uint32_t n_words;     /* used vocabulary slots */
	uint32_t n_phrases;   /* nodes with at least one entry */
	uint32_t vocab_cap;   /* vocabulary slots, a power of two */
	uint32_t edge_cap;    /* edge slots, a power of two */
	uint32_t n_edges;     /* used edge slots */
	uint32_t kinds;       /* bit 1 << kind of every entry's kind */
	uint64_t sources_off; /* vigil__blob_source[n_sources] */
	uint64_t pool_off;    /* char[pool_size], first and last byte NUL */
	uint64_t pool_size;
	uint64_t vocab_off;   /* vigil__blob_word[vocab_cap] */
	uint64_t edges_off;   /* vigil__blob_edge[edge_cap] */
	uint64_t nodes_off;   /* uint32_t[n_nodes + 1]: slot range of each node */
	uint64_t flags_off;   /* uint8_t[n_nodes]: VIGIL__NODE_* */
	uint64_t kinds_off;   /* uint8_t[n_nodes]: bit 1 << kind of each
				 kind among the node's entries */
	uint64_t slots_off;   /* uint32_t[n_slots]: entry index */
	uint64_t keys_off;    /* uint16_t[n_slots]: its entry's pattern_key */
	uint64_t entries_off; /* vigil__blob_entry[n_entries] */
} vigil__blob_header;

typedef struct vigil__blob_source {
	uint32_t path;        /* pool offset of the path as it was read */
	uint32_t reserved;
	uint64_t size;        /* st_size when read */
	int64_t mtime_ns;     /* st_mtim when read, in nanoseconds */
} vigil__blob_source;

/*
 * A vocabulary slot; the word id IS the slot index. Empty when len == 0.
 * `cs` words come from dictionary words written in capitals: their key is
 * (folded bytes, cs=1), distinct from the same bytes with cs=0.
 */
#define VIGIL__WORD_HEAD 16u
typedef struct vigil__blob_word {
	uint32_t hash;        /* high 32 bits of vigil__word_hash() */
	uint32_t root;        /* child of the root through this word; 0: none */
	uint32_t str;         /* pool offset of the folded bytes (NUL-terminated) */
	uint16_t len;         /* bytes, 1..VIGIL__DICT_MAX_WORD; 0: empty slot */
	uint8_t cs;           /* 1: matches only tokens written in capitals */
	uint8_t reserved;
	unsigned char head[VIGIL__WORD_HEAD]; /* first bytes, zero-padded: most
				  words compare without touching the pool */
} vigil__blob_word;

/* Node flags: what the matcher may skip without touching other tables. */
#define VIGIL__NODE_ENTRIES 0x1u /* nodes[n] < nodes[n + 1] */
#define VIGIL__NODE_KIDS 0x2u    /* some edge leaves the node */
#define VIGIL__NODE_PATTERNS 0x4u /* some of its entries have a pattern: they
				     come after those without one */

/* An edge slot: (node, word) -> child. Empty when child == 0. */
typedef struct vigil__blob_edge {
	uint32_t node;
	uint32_t word;
	uint32_t child;       /* never 0 (the root is nobody's child) */
} vigil__blob_edge;

typedef struct vigil__blob_entry {
	uint32_t code, phrase, file, line;      /* pool offsets; line number */
	uint32_t country, sector, type, role;   /* pool offsets, 0: absent */
	uint32_t context, plover, mode, pos;
	uint32_t from, until;                   /* YYYYMMDD, 0: open */
	uint8_t kind;                           /* vigil_entry_kind */
	int8_t quad;                            /* 1..4, 0: absent */
	uint16_t pattern_key;                   /* vigil__pattern_key() of
						   the pattern, 0: none */
	uint32_t pattern;                       /* pool offset: verb pattern
						   (patterns.c), 0: none */
	double goldstein, lat, lon;             /* NaN: absent */
} vigil__blob_entry;

/* The layout is the file format: sizes are fixed, no hidden padding. */
_Static_assert(VIGIL_KIND_COUNT_ <= 8, "kinds fit the node kind masks");
_Static_assert(sizeof(vigil__blob_header) == 176, "blob header layout");
_Static_assert(sizeof(vigil__blob_source) == 24, "blob source layout");
_Static_assert(sizeof(vigil__blob_word) == 32, "blob word layout");
_Static_assert(sizeof(vigil__blob_edge) == 12, "blob edge layout");
_Static_assert(sizeof(vigil__blob_entry) == 88, "blob entry layout");

/* A validated view of a blob (all pointers borrow it). */
/* A country (alpha-3, in the pool) and its capital's place entry. */
typedef struct vigil__capital {
	const char *country;
	uint32_t entry;
} vigil__capital;

struct vigil__lexicon {
	const vigil__blob_header *hdr;
	const vigil__blob_source *sources;
	const char *pool;
	const vigil__blob_word *vocab;
	const vigil__blob_edge *edges;
	const uint32_t *nodes;
	const uint8_t *flags;
	const uint8_t *kinds;
	const uint32_t *slots;
	const uint16_t *keys;
	const vigil__blob_entry *entries;
	uint32_t vocab_mask, edge_mask;
	/* Built at open (dict.c), not part of the blob: the place entry of
	 * each country's capital, sorted by country; NULL when none. */
	const struct vigil__capital *capitals;
	uint32_t ncapitals;
};

/*
 * Hash of a folded word of at most 16 bytes given zero-padded to 16 bytes
 * (wyhash-style multiply-fold of the two halves); `cs` selects the
 * capitals-only key space. The matcher calls this on its padded buffer.
 */
static inline uint64_t vigil__word_hash16(const unsigned char *p16,
					  size_t len, int cs)
{
	uint64_t a, b;
	unsigned __int128 m;

	memcpy(&a, p16, 8);
	memcpy(&b, p16 + 8, 8);
	b ^= (uint64_t)len << 56 ^ (cs ? 0x2d358dccaa6c78a5ull : 0);
	m = (unsigned __int128)(a ^ 0xa0761d6478bd642full) *
	    (b ^ 0xe7037ed1a0b428dbull);
	return (uint64_t)(m >> 64) ^ (uint64_t)m;
}

/* Hash of any folded word: vigil__word_hash16 up to 16 bytes, else XXH3. */
static inline uint64_t vigil__word_hash(const char *s, size_t len, int cs)
{
	unsigned char pad[VIGIL__WORD_HEAD] = {0};

	if (len > VIGIL__WORD_HEAD)
		return XXH3_64bits_withSeed(s, len, cs ? 0x9e3779b97f4a7c15ull : 0);
	memcpy(pad, s, len);
	return vigil__word_hash16(pad, len, cs);
}

/* Slot of the edge (node, word) before probing (murmur3's finalizer). */
static inline uint32_t vigil__edge_hash(uint32_t node, uint32_t word)
{
	uint64_t x = (uint64_t)node << 32 | word;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return (uint32_t)x;
}

/*
 * Makes `lx` a view of the blob [p, p+size) after checking everything a
 * reader relies on: header, section bounds and alignment, checksum, every
 * string, id and range, and that each hash table has an empty slot. Returns
 * 0, or -1 with a static reason in *why: a bad blob is never read past.
 */
int vigil__lexicon_view(vigil__lexicon *lx, const void *p, size_t size,
			const char **why);

/* Fingerprint of everything besides the sources that shapes a blob: the
 * format version, the tokenizer and folding, the inflection tables. */
uint64_t vigil__lexicon_engine(void);

/* Word id of (folded bytes, cs) in the vocabulary, or VIGIL__NONE. */
uint32_t vigil__lexicon_word(const vigil__lexicon *lx, const char *s,
			     size_t len, int cs);

/* Child of `node` through word id `word`, or 0. */
uint32_t vigil__lexicon_child(const vigil__lexicon *lx, uint32_t node,
			      uint32_t word);

/*===== Inflection (inflect.c) ========================================*/

#define VIGIL__INFLECT_MAX 20
/*
 * Writes the forms `+verb` matches into `buf` (NUL-terminated strings, ASCII
 * letters lowercased) and points forms[0..n) at them: the base, the regular
 * -s form, the regular -ing and -ed forms unless WordNet's irregular forms
 * replace them, then WordNet's forms, without repeats. Returns n, or 0 when
 * `buf` (cap bytes) or `max` is too small or the verb is empty.
 */
size_t vigil__inflect(const char *verb, size_t len, char *buf, size_t cap,
		      const char **forms, size_t max);

/*
 * The regular -ed form of a verb whose WordNet irregular forms replace it
 * ("chide": "chided", beside "chid"), lowercased into `out`, for
 * dictionaries that add regular forms to every verb (TABARI). Returns its
 * length, or 0 when vigil__inflect already writes the regular form, the
 * verb is not in WordNet's list, the list spells an -ed form itself
 * ("admit": "admitted", not "admited"), or `out` (cap bytes) is too small.
 */
size_t vigil__inflect_replaced_past(const char *verb, size_t len, char *out,
				    size_t cap);

/* Fingerprint of the irregular table and the spelling rules. */
uint64_t vigil__inflect_fingerprint(void);

/*===== Parsed sources (dict_parse.c) =================================*/

typedef struct vigil__dict_source {
	const char *path;     /* as given, or directory + "/" + name */
	uint64_t size;
	int64_t mtime_ns;
} vigil__dict_source;

/* One phrase alternative of an entry line: it becomes one blob entry. */
typedef struct vigil__dict_item {
	uint8_t kind;         /* vigil_entry_kind */
	int8_t quad;
	uint32_t source;      /* index into set->src */
	uint32_t line;
	const char *code, *phrase;
	const char *country, *sector, *type, *role, *context, *plover, *mode,
		*pos;             /* NULL: absent */
	const char *pattern;      /* verb pattern, synsets expanded; NULL: none */
	uint32_t from, until;
	double goldstein, lat, lon;
	uint32_t seq_first;   /* its token sequences: set->seqs[first..+count) */
	uint32_t seq_count;
} vigil__dict_item;

typedef struct vigil__dict_seq {
	uint32_t first;       /* set->seq_words[first..first+len) */
	uint32_t len;
} vigil__dict_seq;

/* A distinct (folded word, cs) of the sources; its index is a parse id. */
typedef struct vigil__dict_word {
	const char *s;        /* folded bytes, NUL-terminated, in the arena */
	uint32_t len;
	uint32_t cs;
	uint64_t hash;        /* vigil__word_hash(s, len, cs) */
} vigil__dict_word;

/*
 * Everything read from the sources. All memory is in `arena`; `nerrors`
 * counts the errors reported through `diag`; `oom` sticks when an
 * allocation failed (the set is then incomplete).
 */
typedef struct vigil__dict_set {
	vigil__arena arena;
	vigil_diag_fn diag;
	void *diag_ctx;
	size_t nerrors;
	int oom;
	vigil__dict_source *src;
	size_t nsrc, src_cap;
	vigil__dict_item *items;
	size_t nitems, items_cap;
	vigil__dict_seq *seqs;
	size_t nseqs, seqs_cap;
	uint32_t *seq_words;  /* parse word ids */
	size_t nseq_words, seq_words_cap;
	vigil__dict_word *words;
	size_t nwords, words_cap;
	uint32_t *word_index; /* open addressing: word id + 1; 0 empty */
	size_t word_index_cap;
	struct vigil__synset *synsets; /* [synsets] seen so far, in order */
	size_t nsynsets, synsets_cap;
	size_t nskipped;      /* lines of imported sources that were skipped */
} vigil__dict_set;

/* A synonym set of verb patterns: `&name` and its members, each a pattern
 * fragment of folded words joined by '_'. */
typedef struct vigil__synset {
	const char *name;     /* without '&', lower case */
	const char **members;
	size_t n, cap;
} vigil__synset;

void vigil__dict_set_init(vigil__dict_set *s, vigil_diag_fn diag, void *ctx);
void vigil__dict_set_free(vigil__dict_set *s);

/* Reports an error about `file`:`line` (0: the whole file) through the
 * set's diag callback and counts it. */
void vigil__dict_error(vigil__dict_set *s, const char *file,
		       unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Parses the .vd text [data, data+len) as source `name` (recorded with
 * `size` and `mtime_ns`). Every error is reported and counted; parsing goes
 * on with the next line. Returns 0, or VIGIL_ENOMEM (then s->oom is set).
 */
int vigil__dict_parse_mem(vigil__dict_set *s, const char *name,
			  const char *data, size_t len, int64_t mtime_ns);

/*
 * Parses native text translated from another format: line i of `data`
 * (1-based) is reported as line map[i - 1] of `name` (nmap entries).
 */
int vigil__dict_parse_mapped(vigil__dict_set *s, const char *name,
			     const char *data, size_t len, int64_t mtime_ns,
			     const uint32_t *map, size_t nmap);

/* Reports a source line that an importer cannot use (counted in
 * s->nskipped, not an error: the rest of the source is used). */
void vigil__dict_skip(vigil__dict_set *s, const char *file,
		      unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Reads and parses one file: a .vd file, or a TABARI/PETRARCH dictionary
 * (dict_petr.c) recognized by its name or content. Errors opening or reading it are reported
 * (line 0) and counted. Returns 0, VIGIL_EIO when the file could not be
 * read, or VIGIL_ENOMEM.
 */
int vigil__dict_parse_file(vigil__dict_set *s, const char *path);

/*===== Compilation (dict_compile.c) ==================================*/

/*
 * Builds the blob of an error-free set: *out (malloc'd, owned by the
 * caller) of *size_out bytes. `built_ns` is recorded in the header.
 * Returns 0 or VIGIL_ENOMEM; VIGIL_EINPUT when the set is too large for
 * 32-bit offsets.
 */
int vigil__dict_build(void **out, size_t *size_out, const vigil__dict_set *s,
		      int64_t built_ns);

/*===== Sources and cache (dict_cache.c) ==============================*/

/* A list of source files after expanding directories (malloc'd). */
typedef struct vigil__src_list {
	vigil__dict_source *v;
	size_t n;
} vigil__src_list;

/*
 * Expands `paths` into files (a directory gives its *.vd files in name
 * order) with their size and mtime. Unreadable paths and directories
 * without .vd files are reported through diag (line 0) and counted in
 * *nerrors. Returns 0 (possibly with errors), or VIGIL_ENOMEM.
 */
int vigil__src_expand(vigil__src_list *out, const char *const *paths,
		      size_t npaths, vigil_diag_fn diag, void *ctx,
		      size_t *nerrors);
void vigil__src_list_free(vigil__src_list *l);

/* Current wall-clock time in nanoseconds. */
int64_t vigil__now_ns(void);

/*
 * Writes [blob, blob+size) to `path` through a temporary file in the same
 * directory and rename(2). Returns 0 or VIGIL_EIO (errno-based message in
 * errbuf); the temporary file never survives a failure.
 */
int vigil__blob_write(const char *path, const void *blob, size_t size,
		      char *errbuf, size_t errlen);

/*
 * The cache file for `paths`: <dir>/dict-<16 hex>.vdc, where dir comes from
 * `cache_dir` or the environment (see dict.h) and the hex is the hash of the
 * canonical (realpath) source paths in order. Creates the directory. Returns
 * a malloc'd path, or NULL when no cache directory can be used.
 */
char *vigil__cache_path(const char *cache_dir, const char *const *paths,
			size_t npaths);

/* A blob mapped from a file (MAP_PRIVATE, PROT_READ). */
typedef struct vigil__mapped {
	void *addr;
	size_t size;
} vigil__mapped;

/*
 * Maps the cache file `path` and checks that it is a valid blob built by
 * this engine from exactly the files in `src` (same paths, sizes and
 * mtimes, none modified within a second before it was built). Returns 0
 * with *m and *lx set, or -1 (stale, missing or corrupt: nothing mapped).
 */
int vigil__cache_load(vigil__mapped *m, vigil__lexicon *lx, const char *path,
		      const vigil__src_list *src);
void vigil__cache_unmap(vigil__mapped *m);

#endif /* VIGIL_LEXICON_INT_H */
