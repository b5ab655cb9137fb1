/*
 * lexicon.h: the lexicon stage (internal). Native dictionary sources are
 * parsed (dict_parse.c), verb inflections generated (inflect.c), and the
 * result compiled (dict_compile.c) into one position-independent blob: a
 * string pool, a vocabulary hash (folded word -> word id), a trie over word-id
 * sequences stored as an edge hash ((node, word) -> child node), and an entry
 * table. The blob is cached on disk and mapped (dict_cache.c). The matcher
 * (match.c) walks the trie once over a document's tokens and reports every
 * leftmost-longest phrase. A compiled blob is never written after it is
 * built, so it is shared by all threads.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_LEXICON_H
#define VIGIL_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include <vigil/dict.h>

#include "../text/text.h"
#include "../util/arena.h"

/* A dictionary entry as the coder sees it (a view into the blob). */
typedef struct vigil__entry {
	uint8_t kind;            /* vigil_entry_kind */
	const char *code;        /* "PRK", "UKRGOV", "111", "RU-KRS", "ATTRIB" */
	const char *phrase;      /* the phrase as written in the source */
	const char *file;        /* source file name (for --explain) */
	uint32_t line;           /* source line */
	/* attributes; absent ones are NULL / NaN / 0 */
	const char *country;     /* ISO alpha-3 (actor, place) */
	const char *sector;      /* actor sector ("GOV", "MIL") */
	const char *type;        /* actor: country|capital|demonym|person|org|body;
				    place: country|admin1|city */
	const char *role;        /* actor: free text, e.g. "president" */
	const char *context;     /* actor: countries that can own a body */
	const char *plover;      /* verb: PLOVER event type */
	const char *mode;        /* verb: PLOVER mode; place: the precision of
				    lat/lon when coarser than type
				    (precision=country), else NULL */
	const char *pos;         /* verb: "verb" or "noun" */
	const char *pattern;     /* verb: words around it (patterns.c), or NULL */
	uint32_t from, until;    /* validity as YYYYMMDD; 0: open */
	double goldstein;        /* verb; NaN when absent */
	int quad;                /* verb: 1..4; 0 when absent */
	double lat, lon;         /* place; NaN when absent */
} vigil__entry;

/* Opaque compiled dictionary. */
typedef struct vigil__lexicon vigil__lexicon;

/* The lexicon inside a public vigil_dict (borrowed). */
const vigil__lexicon *vigil__dict_lexicon(const vigil_dict *d);

/*
 * Entries are numbered by trie node: an entry whose phrase has several
 * spellings (`+verb`, `word(s)`) appears once per distinct token sequence,
 * so the count can exceed vigil_dict_stats.entries.
 */
size_t vigil__lexicon_entry_count(const vigil__lexicon *lx);
/* Fills *out with entry `i` (0 <= i < count); pointers borrow the blob. */
void vigil__lexicon_entry(const vigil__lexicon *lx, uint32_t i,
			  vigil__entry *out);

/*
 * Light accessors of entry `i` for hot loops that need one field, not the
 * whole vigil__entry: same values as vigil__lexicon_entry() gives (kind 0,
 * NULL code, open dates when `i` is out of range). Codes borrow the blob's
 * string pool, where equal strings share one copy.
 */
uint8_t vigil__lexicon_entry_kind(const vigil__lexicon *lx, uint32_t i);
const char *vigil__lexicon_entry_code(const vigil__lexicon *lx, uint32_t i);
const char *vigil__lexicon_entry_pos(const vigil__lexicon *lx, uint32_t i);
const char *vigil__lexicon_entry_phrase(const vigil__lexicon *lx, uint32_t i);
/* The verb pattern of entry `i` (folded, as `pattern=` gives it), or NULL. */
const char *vigil__lexicon_entry_pattern(const vigil__lexicon *lx,
					 uint32_t i);

/*
 * The key of a folded word (never 0), and of a stored pattern: the key of
 * its longest word, which must occur in a sentence for the pattern to
 * match, or 0 when it has none. patterns.c skips, with one bit test, the
 * patterns whose key no word of the sentence has.
 */
uint16_t vigil__pattern_word_key(const char *w, size_t n);
uint16_t vigil__pattern_key(const char *pattern);

/* vigil__pattern_key() of each entry (0 without a pattern), indexed like
 * the entries: a contiguous table that patterns.c searches. A match's
 * entries with a pattern are ordered by key, then by rank: the entry's
 * place in the dictionary sources (file and line order). */
const uint16_t *vigil__lexicon_pattern_keys(const vigil__lexicon *lx);
uint32_t vigil__lexicon_entry_rank(const vigil__lexicon *lx, uint32_t i);
/* The kind of entry `i` when it applies on `date` (YYYYMMDD; 0: always, as
 * vigil__entry_valid_on() of the clause stage says), else -1. */
int vigil__lexicon_entry_kind_on(const vigil__lexicon *lx, uint32_t i,
				 uint32_t date);
/* Whether some entry of the dictionary has `kind` (on some date). */
int vigil__lexicon_has_kind(const vigil__lexicon *lx, int kind);

/* The phrase of the first entry written on the same source line as entry
 * `i` ("Kursk Oblast" for "Kursk region" of "Kursk Oblast | Kursk region"):
 * the line's canonical name. NULL when `i` is out of range. */
const char *vigil__lexicon_entry_line_head(const vigil__lexicon *lx,
					   uint32_t i);

/* The country of place entry i (NULL when none), whether its type is
 * country and whether it has lat and lon: no full decode. */
const char *vigil__lexicon_entry_place(const vigil__lexicon *lx, uint32_t i,
				       int *is_country, int *has_pt);

/* The [places] entry of the capital of `country` (alpha-3): the entry of
 * the line the gazetteer writes as "the capital of COUNTRY" (tools/
 * gen_gazetteer.py), indexed when the dictionary opens; -1 when none. */
int64_t vigil__lexicon_capital(const vigil__lexicon *lx, const char *country);

/* One phrase found in the text. */
typedef struct vigil__match {
	uint32_t tok_begin, tok_end; /* token range [begin, end) */
	uint32_t entry_first;        /* entries [first, first+count) share the phrase */
	uint32_t entry_count;        /* those without a verb pattern */
	uint32_t pattern_count;      /* then its entries with one (patterns.c) */
	uint32_t kinds;              /* bit 1 << kind of each kind among all
					its entries, whatever their dates */
} vigil__match;

/* Whether some entry of match m has `kind` (on some date): the loops that
 * look for one kind skip, with one bit test, the matches without it. */
static inline int vigil__match_has_kind(const vigil__match *m, int kind)
{
	return (m->kinds >> kind) & 1u;
}

/*
 * Finds, in one left-to-right pass over tokens [begin, end) of `text`, the
 * longest phrase starting at each token that is not inside an earlier match
 * (leftmost-longest). INNER tokens (intra-word hyphens) are skipped both here
 * and in dictionary phrases. Words written in capitals in the dictionary
 * ("US", "JCS") match only tokens written in capitals; all others match in
 * any case. Matches are appended to *out (arena-grown, *cap elements), *n
 * updated. Returns 0, or -1 when the arena fails.
 */
int vigil__match_tokens(const vigil__lexicon *lx, const char *text,
			const vigil__token *tok, size_t begin, size_t end,
			vigil__arena *a, vigil__match **out, size_t *n,
			size_t *cap);

/*
 * Whether word[0, len) (any case) is an irregular past or participle form in
 * WordNet's exception list that differs from its base and is no -s or -ing
 * form ("said", "met", "fought"; not "cut", "is", "lying").
 */
int vigil__inflect_irregular_past(const char *word, size_t len);

#endif /* VIGIL_LEXICON_H */
