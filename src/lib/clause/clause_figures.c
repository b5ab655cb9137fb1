/*
 * clause_figures.c: clause-level helpers for the stages after events (dates
 * and figures): the clause number of every token of a sentence, by the
 * boundary rules of docs/internals/clause.md section 3 (recomputed from
 * the clause stage's word classes: it keeps no clause numbers), and
 * auxiliary words. Pure functions over the caller's buffers: thread-safe.
 *
 * SPDX-License-Identifier: MIT
 */
#include "clause_int.h"

static int punct_is(const char *text, const vigil__token *t, char ch)
{
	return t->type == VIGIL_TOK_PUNCT && t->len == 1 && text[t->off] == ch;
}

/* Whether tokens before i (in [tb, i)) are only punctuation. */
static int opens_sentence(const vigil__token *tok, uint32_t tb, uint32_t i)
{
	uint32_t k;

	for (k = tb; k < i; k++)
		if (tok[k].type != VIGIL_TOK_PUNCT)
			return 0;
	return 1;
}

void vigil__clause_numbers(const char *text, const vigil__token *tok,
			   uint32_t tb, uint32_t te, const uint8_t *actor_at,
			   const uint32_t *words, uint32_t *scratch,
			   uint16_t *out)
{
	uint32_t i, n = 0, open_at = tb;
	int sub_open = 0;
	const uint32_t *wc = words ? words + tb : scratch;

	if (!words)
		vigil__clause_words_of(text, tok + tb, te - tb, scratch);
	for (i = tb; i < te; i++) {
		uint32_t w = wc[i - tb];
		int prev_comma = i > tb && punct_is(text, &tok[i - 1], ',');
		int subj_next = i + 1 < te &&
				((actor_at && actor_at[i + 1 - tb]) ||
				 (wc[i + 1 - tb] & W_PRON));
		int cut = 0;

		if (punct_is(text, &tok[i], ';') || punct_is(text, &tok[i], ':')) {
			cut = 1;
		} else if (punct_is(text, &tok[i], ',') && sub_open) {
			cut = 1;
			sub_open = 0;
		} else if ((w & W_SUB) || ((w & W_SUBX) && subj_next)) {
			cut = 1;
			sub_open = opens_sentence(tok, tb, i);
		} else if (w & (W_REL | W_BUT)) {
			cut = 1;
		} else if ((w & W_THAT) && i > tb && !(wc[i - 1 - tb] & W_PREP)) {
			cut = 1;
		} else if ((w & W_COORD) && prev_comma) {
			cut = 1;
		}
		if (cut && open_at < i) {
			n++;
			open_at = i;
		}
		out[i - tb] = (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
	}
}

int vigil__clause_is_aux(const char *text, const vigil__token *t)
{
	if (t->type != VIGIL_TOK_WORD || !(t->flags & VIGIL_TF_ASCII))
		return 0;
	return (vigil__clause_word(text + t->off, t->len) &
		(W_BE | W_HAVE | W_DO | W_MODAL)) != 0;
}

int vigil__clause_is_closed(const char *text, const vigil__token *t)
{
	if (t->type != VIGIL_TOK_WORD || !(t->flags & VIGIL_TF_ASCII))
		return 0;
	return vigil__clause_word(text + t->off, t->len) != 0;
}
