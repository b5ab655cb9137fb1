/*
 * sentence.c: vigil__segment, the last step of the text stage: tokenizes
 * each kept paragraph and splits it into sentences for news English. A
 * sentence ends at a paragraph end, or at a terminal token (". ! ? ...", or
 * an abbreviation that carries its own period) followed by its closing
 * quotes and brackets, when what follows looks like a sentence start. The
 * rules are listed in docs/internals/text.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include "text_int.h"

#include <string.h>

/* ---- Word lists --------------------------------------------------------- */

/* Words that typically open a sentence, lowercase, sorted. After "U.S."
 * or an initial a sentence ends only before one of these. */
static const char *const openers[] = {
	"a", "according", "after", "all", "although", "an", "analysts", "and",
	"as", "at", "before", "both", "but", "despite", "during", "earlier",
	"experts", "five", "for", "four", "from", "he", "her", "here", "his",
	"how", "however", "i", "if", "in", "it", "its", "last", "later", "many",
	"meanwhile", "more", "most", "no", "now", "officials", "on", "one", "our",
	"over", "several", "she", "since", "so", "some", "still", "such", "that",
	"the", "their", "then", "there", "these", "they", "this", "those",
	"though", "three", "two", "under", "we", "what", "when", "where",
	"while", "who", "why", "with", "yet", "you",
};

static const char *const date_words[] = {
	"april", "august", "december", "february", "friday", "january", "july",
	"june", "march", "may", "monday", "november", "october", "saturday",
	"september", "sunday", "thursday", "tuesday", "wednesday",
};

#define LIST_WORD_MAX 12

static int in_list(const char *const *list, size_t n, const char *w,
		   size_t len)
{
	char k[LIST_WORD_MAX + 1];
	size_t lo = 0, hi = n, i;
	int c;

	if (len == 0 || len > LIST_WORD_MAX)
		return 0;
	for (i = 0; i < len; i++)
		k[i] = (char)vigil__text_lower[(unsigned char)w[i]];
	k[len] = '\0';
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		c = strcmp(k, list[i]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = i;
		else
			lo = i + 1;
	}
	return 0;
}

int vigil__text_is_opener(const char *w, size_t n)
{
	return in_list(openers, sizeof(openers) / sizeof(openers[0]), w, n);
}

int vigil__text_is_date_word(const char *w, size_t n)
{
	return in_list(date_words, sizeof(date_words) / sizeof(date_words[0]),
		       w, n);
}

/* ---- Sentence boundaries ------------------------------------------------ */

enum term { T_NONE, T_STOP, T_ELLIPSIS, T_QEX, T_ABBREV };

static enum term terminal(const char *text, const vigil__token *t)
{
	const char *p = text + t->off;

	if (t->type == VIGIL_TOK_WORD)
		return (t->flags & VIGIL_TF_ABBREV) ? T_ABBREV : T_NONE;
	if (t->type != VIGIL_TOK_PUNCT ||
	    !(vigil__text_cls[(unsigned char)p[0]] & C_TERM))
		return T_NONE;
	if (memchr(p, '?', t->len) || memchr(p, '!', t->len))
		return T_QEX;
	return t->len > 1 ? T_ELLIPSIS : T_STOP;
}

static int punct_in(const char *text, const vigil__token *t, const char *set)
{
	return t->type == VIGIL_TOK_PUNCT && t->len == 1 &&
	       strchr(set, text[t->off]) != NULL;
}

/* A closing quote or bracket glued to what precedes it. */
static int closer(const char *text, const vigil__token *t)
{
	return !(t->flags & VIGIL_TF_SPACE) && punct_in(text, t, "\"')]}");
}

/* A token that can start a sentence after ". ! ? ...". */
static int sentence_start(const char *text, const vigil__token *t)
{
	if (t->type == VIGIL_TOK_WORD)
		return (t->flags & VIGIL_TF_CAP) != 0;
	if (t->type == VIGIL_TOK_NUMBER)
		return 1;
	return punct_in(text, t, "\"'([");
}

/* Whether a sentence ends after the terminal token `t` when `next` (the
 * first token after its closing quotes and brackets) follows. */
static int ends_before(const char *text, const vigil__token *t,
		       const vigil__token *next)
{
	const char *w = text + next->off;
	enum term k = terminal(text, t);

	if (!(next->flags & VIGIL_TF_SPACE))
		return 0;
	if (k != T_ABBREV)
		return sentence_start(text, next);
	switch (vigil__text_abbrev_token_class(text + t->off, t->len)) {
	case ABBR_NEVER:
		return 0;
	case ABBR_MONTH:
		if (next->type == VIGIL_TOK_NUMBER)
			return 0;
		/* fall through */
	case ABBR_OPENER:
		return next->type == VIGIL_TOK_WORD &&
		       (next->flags & VIGIL_TF_CAP) &&
		       vigil__text_is_opener(w, next->len);
	case ABBR_LOWER:
		return next->type == VIGIL_TOK_WORD &&
		       (next->flags & VIGIL_TF_CAP) &&
		       !vigil__text_is_date_word(w, next->len) &&
		       !((next->flags & VIGIL_TF_UPPER) && next->len <= 4);
	default:
		return 0;
	}
}

typedef struct sentbuf {
	vigil__sentence *p;
	size_t n, cap;
} sentbuf;

static int add_sentence(vigil__arena *a, sentbuf *sb, const vigil__token *tok,
			size_t b, size_t e, size_t para)
{
	void *p = sb->p;
	vigil__sentence *s;

	if (sb->n == sb->cap &&
	    vigil__arena_grow(a, &p, &sb->cap, sb->n + 1, sizeof(*s)) < 0)
		return -1;
	sb->p = p;
	s = &sb->p[sb->n++];
	s->off = tok[b].off;
	s->len = tok[e - 1].off + tok[e - 1].len - tok[b].off;
	s->tok_begin = (uint32_t)b;
	s->tok_end = (uint32_t)e;
	s->para = (uint32_t)para;
	return 0;
}

/* Splits the tokens [tb, te) of paragraph `para` into sentences. */
static int split(vigil__arena *a, const char *text, const vigil__token *tok,
		 size_t tb, size_t te, size_t para, sentbuf *sb)
{
	size_t start = tb, i, j;

	for (i = tb; i < te; i++) {
		if (i - start >= VIGIL__SENT_MAX_TOK) {
			/* [start, i) is full: cut it. */
			if (add_sentence(a, sb, tok, start, i, para) < 0)
				return -1;
			start = i;
		}
		if ((tok[i].type == VIGIL_TOK_WORD &&
		     !(tok[i].flags & VIGIL_TF_ABBREV)) ||
		    terminal(text, &tok[i]) == T_NONE)
			continue;
		for (j = i; j + 1 < te && j + 1 - start < VIGIL__SENT_MAX_TOK &&
			    closer(text, &tok[j + 1]);
		     j++)
			;
		if (j + 1 >= te)
			break;
		if (ends_before(text, &tok[i], &tok[j + 1])) {
			if (add_sentence(a, sb, tok, start, j + 1, para) < 0)
				return -1;
			start = j + 1;
		}
		i = j;
	}
	if (start < te && add_sentence(a, sb, tok, start, te, para) < 0)
		return -1;
	return 0;
}

/* ---- vigil__segment ----------------------------------------------------- */

int vigil__segment(vigil__arena *a, const char *text, size_t len,
		   const vigil__range *paras, size_t npara, vigil__segmented *out)
{
	vigil__tokstate st;
	vigil__token *tok = NULL;
	sentbuf sb = {NULL, 0, 0};
	size_t ntok = 0, tcap = 0, total = 0, k, n, tb, off, end;
	void *p;

	memset(out, 0, sizeof(*out));
	if (len > UINT32_MAX)
		return -1;
	for (k = 0; k < npara; k++)
		total += paras[k].len;
	p = NULL;
	if (vigil__arena_grow(a, &p, &tcap, total / 5 + 64, sizeof(*tok)) < 0)
		return -1;
	tok = p;
	p = NULL;
	if (vigil__arena_grow(a, &p, &sb.cap, total / 80 + 16, sizeof(*sb.p)) < 0)
		return -1;
	sb.p = p;
	for (k = 0; k < npara; k++) {
		off = paras[k].off;
		end = off + (size_t)paras[k].len;
		if (off >= len || paras[k].len == 0)
			continue;
		if (end > len)
			end = len;
		vigil__text_tok_init(&st, text, off, end,
				     off == 0 || (vigil__text_cls[(unsigned char)text[off - 1]] & C_SPACE));
		tb = ntok;
		for (;;) {
			if (tcap - ntok < 64) {
				p = tok;
				if (vigil__arena_grow(a, &p, &tcap, ntok + 64,
						      sizeof(*tok)) < 0)
					return -1;
				tok = p;
			}
			n = vigil__text_tokenize(&st, tok + ntok, tcap - ntok);
			ntok += n;
			if (ntok < tcap)
				break;
		}
		if (split(a, text, tok, tb, ntok, k, &sb) < 0)
			return -1;
	}
	out->tok = tok;
	out->ntok = ntok;
	out->sent = sb.p;
	out->nsent = sb.n;
	return 0;
}
