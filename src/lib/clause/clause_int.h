/*
 * clause_int.h: what the files of the clause stage share: the closed-class
 * word table (clause_words.c), the per-document workspace, and the actor
 * phrase builder (clause_actors.c) used by the driver (clause.c).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_CLAUSE_INT_H
#define VIGIL_CLAUSE_INT_H

#include "clause.h"

/* Closed-class word classes (bits; a word may have several). */
#define W_DET     0x000001u /* a, the, these, any, both */
#define W_NUM     0x000002u /* number words: two, dozens */
#define W_PREP    0x000004u /* of, in, to, against, during */
#define W_PRON    0x000008u /* subject pronouns: he, she, it, they */
#define W_POSSPRON 0x00010u /* its, their, his, her */
#define W_BE      0x000020u /* is, was, were, been, being */
#define W_HAVE    0x000040u /* has, have, had */
#define W_DO      0x000080u /* do, does, did */
#define W_MODAL   0x000100u /* can, could, will, would */
#define W_COORD   0x000200u /* and, or, but */
#define W_SUB     0x000400u /* while, though, because: always open a clause */
#define W_SUBX    0x000800u /* after, since, as: open one before a subject */
#define W_REL     0x001000u /* which, who, whom, whose */
#define W_THAT    0x002000u /* that: complementizer or determiner */
#define W_OBJPREP 0x004000u /* to, against, with, on: introduce an object */
#define W_DEM     0x008000u /* the, these, those, this: anaphoric */
#define W_MONTH   0x010000u /* January ... December */
#define W_NONSPEC 0x020000u /* any: a non-specific event noun */
#define W_BUT     0x040000u /* but: a clause boundary anywhere */
#define W_BLOCK   0x080000u /* prepositions that end an object search */
#define W_PAIR    0x100000u /* both, either, neither: open a compound */
#define W_COMMIT  0x200000u /* commit(s), committed, committing */
#define W_ADV     0x400000u /* also, already, just: skipped before a verb */

/* The classes of token text [s, s+len) (case-insensitive), or 0. */
uint32_t vigil__clause_word(const char *s, size_t len);

/* out[i] = the classes of token tok[i] (0 unless an ASCII word), i < n.
 * Returns the union of all classes (which ones the text has at all). */
uint32_t vigil__clause_words_of(const char *text, const vigil__token *tok,
				uint32_t n, uint32_t *out);

/* Number of words in the table, and whether every word sits in its
 * (length, first letter) bucket once and is found by lookup (for tests). */
size_t vigil__clause_words_count(void);
int vigil__clause_words_check(void);

/* What one match is, as far as the clause stage cares (entries valid on
 * the date; -1 when the match has none of that kind). */
typedef struct vigil__mclass {
	int32_t actor, agent, verb, place, cue;
	uint8_t cue_class; /* enum vigil__cue of `cue` */
	uint8_t former;    /* `actor` is a person outside the dates of every
			      office listed: a former or future office
			      holder, coded country + ELI */
} vigil__mclass;

#define VIGIL__FRAME_CODES_MAX 64
#define VIGIL__QUOTED_MAX 4 /* first-person pronouns per sentence */

/* The document being analyzed, and scratch space for one sentence. */
typedef struct vigil__cctx {
	vigil__arena *a;
	const char *text;
	const vigil__token *tok;
	const vigil__lexicon *lx;
	const vigil__match *m;
	size_t nm;
	vigil__mclass *mc;      /* one per match */
	uint32_t date;
	vigil__clauses *out;
	size_t acap, vcap;
	/* the current sentence */
	uint32_t sent, tb, te;  /* sentence index, token range */
	uint32_t mb, me;        /* its matches */
	uint32_t ab;            /* its first actor */
	uint32_t year_at;       /* its first 4-digit number token, or te */
	uint32_t commit_at;     /* its first form of "commit", or te;
				   UINT32_MAX: not sought yet */
	uint32_t doc_words;     /* the word classes the document has */
	int words;              /* a verb sentence: pronouns are actors */
	int referents;          /* a verb or ATTRIB sentence: "the North",
				   "the agency" are actors */
	uint32_t quoted[VIGIL__QUOTED_MAX]; /* "we"/"our" inside a quotation,
				   resolved to its speaker once the
				   sentence's actors are built */
	uint32_t nquoted;
	uint32_t *wc;           /* closed classes per token (index - tb):
				   out->words + tb */
	int32_t *tm;            /* match starting at or covering the token */
	int32_t *ta;            /* actor covering the token (-1) */
	uint16_t *cl;           /* clause number per token */
	uint8_t *ctype;         /* per clause number: CT_* */
	uint32_t *cbeg;         /* per clause number: first token */
	/* verb entries of the frame codes (clause.c frame_codes[]), looked
	 * up once per document: -2 not yet, -1 none in the dictionary */
	int32_t frame_entry[VIGIL__FRAME_CODES_MAX];
} vigil__cctx;

/* Clause types (how a clause was opened). */
enum { CT_START = 0, CT_HARD, CT_SUB, CT_MAIN, CT_REL, CT_RELNR, CT_COMP,
       CT_COORD, CT_RESUME };

/* Word classes of token i of the sentence (looked up when not cached). */
uint32_t vigil__cctx_word(const vigil__cctx *c, uint32_t i);

/*
 * Builds the actor phrases of the current sentence (appended to c->out),
 * resolves bodies, coreference and compounds, and fills c->ta. Returns 0,
 * or -1 when the arena fails.
 */
int vigil__clause_actors(vigil__cctx *c);

/* Whether the match at mi is written right before "-backed", "-aligned"
 * and the like: a patron, not an actor or a place. */
int vigil__clause_patron(const vigil__cctx *c, int32_t mi);

/* Appends one actor (zeroed but for the given span); NULL on failure. */
vigil__actor *vigil__clause_new_actor(vigil__cctx *c, uint32_t begin,
				      uint32_t end);

#endif /* VIGIL_CLAUSE_INT_H */
