/*
 * clause.h: the clause stage (internal). From a document's tokens and
 * dictionary matches, without a parser: actor phrases ("South Korea's
 * military" -> KORMIL), compound actors, simple coreference, clause
 * boundaries, and for each verb match its subject, object, passive voice,
 * attribution (said_by), modality (aux mode) and hedge. Rules, in order:
 * docs/internals/clause.md. Output lives in the caller's per-document arena;
 * nothing is kept between calls (thread-safe).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_CLAUSE_H
#define VIGIL_CLAUSE_H

#include <stddef.h>
#include <stdint.h>

#include "../code/places.h"
#include "../lexicon/lexicon.h"
#include "../text/text.h"
#include "../util/arena.h"

/* aux_mode of DESIGN.md; the order is the output's, not a priority. */
enum vigil__aux {
	VIGIL__AUX_ASSERTED = 0,
	VIGIL__AUX_NEGATED,
	VIGIL__AUX_FUTURE,
	VIGIL__AUX_HYPOTHETICAL,
	VIGIL__AUX_HISTORICAL,
	VIGIL__AUX_DENIED
};

/* "asserted", "negated", ...; "asserted" for an unknown value. */
const char *vigil__aux_name(int aux);

/* Cue classes of data/README.md ([cues] codes). */
enum vigil__cue {
	VIGIL__CUE_NONE = 0,
	VIGIL__CUE_ATTRIB,
	VIGIL__CUE_HEDGE,
	VIGIL__CUE_NEG,
	VIGIL__CUE_MODAL,
	VIGIL__CUE_FUTURE,
	VIGIL__CUE_PAST,
	VIGIL__CUE_REFUSE,
	VIGIL__CUE_DENY
};

/* vigil__actor.flags */
#define VIGIL__AF_POSS    0x001u /* followed by the possessive 's */
#define VIGIL__AF_FRAME   0x002u /* speaker of an attribution frame */
#define VIGIL__AF_COREF   0x004u /* code copied from an earlier actor */
#define VIGIL__AF_CONTEXT 0x008u /* a body whose country came from context */
#define VIGIL__AF_PREP    0x010u /* object of a preposition ("to Russia") */
#define VIGIL__AF_BETWEEN 0x020u /* member of "between A and B" */
#define VIGIL__AF_PLACE   0x040u /* a place standing as an argument */
#define VIGIL__AF_PRONOUN 0x080u /* a pronoun (he, they, its) */
#define VIGIL__AF_ARG     0x100u /* subject (or passive patient) of a verb */
#define VIGIL__AF_NAMED   0x200u /* a person named in full ("Irakli
				    Kobakhidze"): later surnames refer back */
#define VIGIL__AF_HOME    0x400u /* an agent "in/from" a country */

/*
 * An actor phrase. Members of a compound ("both Moscow and Pyongyang") are
 * consecutive: [group, group + ngroup) where ngroup is read on the first.
 */
typedef struct vigil__actor {
	uint32_t sent;                /* sentence index */
	uint32_t tok_begin, tok_end;  /* its text, leading determiners included */
	uint32_t head_begin;          /* first token of the dictionary phrase */
	int32_t entry;                /* entry giving country/code; -1: none */
	int32_t agent;                /* agent entry giving the sector; -1 */
	int32_t ref;                  /* COREF: actor it was resolved to; -1 */
	uint32_t group;               /* first member of its compound (itself) */
	uint16_t ngroup;              /* members, on the first member; else 0 */
	uint16_t flags;               /* VIGIL__AF_* */
	char code[24];                /* "UKRGOV", "PRK", "IGOUNO" */
	char country[4];              /* ISO alpha-3 or "" */
	char sector[8];               /* "MIL" or "" */
} vigil__actor;

/* vigil__cverb.rules: which rules gave the arguments (for --explain). */
#define VIGIL__R_SUBJ_LEFT   0x0001u /* nearest actor to the left */
#define VIGIL__R_SUBJ_POSS   0x0002u /* possessor of a noun event */
#define VIGIL__R_SUBJ_REL    0x0004u /* antecedent of a relative clause */
#define VIGIL__R_SUBJ_FRAME  0x0008u /* past an attribution frame */
#define VIGIL__R_OBJ_RIGHT   0x0010u /* first actor to the right */
#define VIGIL__R_OBJ_REL     0x0020u /* antecedent as object */
#define VIGIL__R_PASSIVE     0x0040u /* passive: subject is the recipient */
#define VIGIL__R_BY_AGENT    0x0080u /* passive agent after "by" */
#define VIGIL__R_BETWEEN     0x0100u /* "between A and B": A -> B */
#define VIGIL__R_ATTRIB      0x0200u /* said_by from a frame */
#define VIGIL__R_PLUPERFECT  0x0400u /* "had seized": historical */
#define VIGIL__R_PAST_YEAR   0x0800u /* "in June 2024", before the report */
#define VIGIL__R_NONSPECIFIC 0x1000u /* "any deployment": hypothetical */
#define VIGIL__R_STATEMENT   0x2000u /* said_by from "X asserted that" */
#define VIGIL__R_ANAPHORA    0x4000u /* recipient from an earlier event */
#define VIGIL__R_FRAME       0x8000u /* intent, refusal or demand frame */
#define VIGIL__R_COUNT_      16

/* The name of rule bit `i` (0-based) for --explain. */
const char *vigil__rule_name(unsigned i);

/* A verb match with its arguments. */
typedef struct vigil__cverb {
	uint32_t sent;
	uint32_t match;   /* index into the matches */
	int32_t entry;    /* the verb entry */
	int32_t subj;     /* actor (first of its group) or -1 */
	int32_t obj;      /* actor (first of its group) or -1 */
	int32_t said_by;  /* actor or -1 */
	int32_t said_cue; /* match of the attribution cue or -1 */
	int32_t aux_cue;  /* match of the cue that set aux, or -1 */
	int32_t hedge;    /* match of the hedge cue, or -1 */
	uint8_t aux;      /* enum vigil__aux */
	uint8_t passive;
	uint8_t noun;     /* pos=noun entry */
	uint8_t noun_subj; /* subject is an event noun without actor ("a
			      roadside bombing killed X"): X is the recipient
			      of an event without actor, as in the passive */
	uint8_t mutual;   /* TABARI's `%` pattern: events among the members
			     of the subject's compound, each toward each */
	uint16_t rules;   /* VIGIL__R_* */
	int32_t speaker;  /* a participle after reported speech (", calling
			     X a threat"): that speech's speaker, its subject
			     when it is a speech act (vigil__speech_act); -1 */
} vigil__cverb;

/* Whether a CAMEO code is a speech act: a statement, appeal, intent,
 * praise, demand, criticism, rejection or threat (01-03, 05, 09-13). */
int vigil__speech_code(const char *code);

/* A participle after reported speech that proves a speech act once its
 * patterns picked its entry: the speaker's own act, told by the narrator
 * (subject v->speaker, no said_by). */
void vigil__speech_act(vigil__cverb *v, const char *code);

/* An attribution frame: cue `cue` (a match) with speaker `speaker` (an
 * actor) covers the tokens [from, to) of sentence `sent`. */
typedef struct vigil__cframe {
	uint32_t sent;
	int32_t speaker, cue;
	uint32_t cue_tok;  /* the cue's first token */
	uint32_t from, to;
	int shared;        /* the speaker is also the subject of a verb */
} vigil__cframe;

typedef struct vigil__clauses {
	uint32_t *words;       /* closed-class word classes of every token of
				  the document (clause_int.h W_*), or NULL
				  when nothing was analyzed */
	vigil__actor *actors;  /* in text order within each sentence */
	size_t nactor;
	vigil__cverb *verbs;   /* in text order */
	size_t nverb;
	vigil__cframe *frames; /* attribution frames, in text order */
	size_t nframe, frame_cap;
	/* the countries the document's places name (places.c), built on
	 * first need by the clause stage or places.c, shared by both */
	struct vigil__place_evidence place_ev;
} vigil__clauses;

/*
 * Analyzes every sentence of a document: `text` and `seg` from the text
 * stage, `m` (nm matches, text order) from the lexicon stage, `date` the
 * publication date as YYYYMMDD (0: unknown; entries with date ranges are
 * then all valid). `lx` may be NULL (no dictionary: nothing found). Fills
 * *out with arena memory. Returns 0, or -1 when the arena fails.
 */
int vigil__clause_analyze(vigil__arena *a, const char *text,
			  const vigil__segmented *seg, const vigil__match *m,
			  size_t nm, const vigil__lexicon *lx, uint32_t date,
			  vigil__clauses *out);

/*
 * The attribution frame of token `tok` of sentence `sent`, the one verbs
 * get their said_by from (docs/internals/clause.md section 4): among the
 * frames covering tok, the one whose cue is the last before tok, else the
 * first. Returns its index in cl->frames, or -1.
 */
int32_t vigil__clause_frame_at(const vigil__clauses *cl, uint32_t sent,
			       uint32_t tok);

/* Whether entry `e` applies on `date` (YYYYMMDD; 0: always). */
int vigil__entry_valid_on(const vigil__entry *e, uint32_t date);

/* ---- Helpers for dates and figures (clause_figures.c) ------------------ */

/*
 * Numbers the clauses of sentence tokens [tb, te) by the boundary rules of
 * docs/internals/clause.md section 3: out[i - tb] is token i's clause (0 for
 * the first; equal numbers mean the same clause). `actor_at` (may be NULL)
 * flags the tokens that begin an actor phrase, index i - tb ("after" opens
 * a clause only before a subject). `words` is vigil__clauses.words (index:
 * token), or NULL: the classes are then looked up into `wc`, scratch of
 * te - tb entries.
 */
void vigil__clause_numbers(const char *text, const vigil__token *tok,
			   uint32_t tb, uint32_t te, const uint8_t *actor_at,
			   const uint32_t *words, uint32_t *wc, uint16_t *out);

/* Whether token t is a form of be/have/do or a modal ("have", "were"). */
int vigil__clause_is_aux(const char *text, const vigil__token *t);

/* Whether token t is in the closed-class word table (the, of, and, two). */
int vigil__clause_is_closed(const char *text, const vigil__token *t);

#endif /* VIGIL_CLAUSE_H */
