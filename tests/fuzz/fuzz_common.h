/*
 * fuzz_common.h: what the fuzz targets share: CHECK, an invariant check that
 * aborts (so libFuzzer and the standalone replay both report it), and the
 * text stage run on arbitrary bytes (repaired, normalized, laid out and
 * segmented) for the targets of later stages, and a compiled lexicon matched
 * against a fixed sentence with the matcher's contracts checked.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_FUZZ_COMMON_H
#define VIGIL_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lexicon/lexicon.h"
#include "text/text.h"

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: invariant failed: %s\n",   \
				__FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

/* Runs the text stage on any bytes; *norm is the normalized text. */
static inline void fuzz_segment(vigil__arena *a, const uint8_t *data,
				size_t size, char **norm, size_t *nlen,
				vigil__segmented *sg)
{
	char *text = NULL;
	size_t tlen, rep;
	vigil__layout l;

	CHECK(vigil__utf8_repair(a, (const char *)data, size, &text, &tlen,
				 &rep) == 0);
	CHECK(vigil__normalize(a, text, tlen, norm, nlen) == 0);
	CHECK(vigil__layout_text(a, *norm, *nlen, &l) == 0);
	CHECK(vigil__segment(a, *norm, *nlen, l.paras, l.npara, sg) == 0);
}

/* Matches lx against sentence: each match spans tokens of the sentence and
 * names entries of the lexicon that have a code, phrase and file, those with
 * a verb pattern last. */
static inline void fuzz_match(const vigil__lexicon *lx, const char *sentence)
{
	vigil__token tok[128];
	vigil__arena a;
	vigil__match *m = NULL;
	vigil__entry e;
	size_t ntok, n = 0, cap = 0, i;
	uint32_t k;

	ntok = vigil__tokenize_phrase(sentence, strlen(sentence), tok, 128);
	if (ntok > 128)
		ntok = 128;
	vigil__arena_init(&a, 0);
	CHECK(vigil__match_tokens(lx, sentence, tok, 0, ntok, &a, &m, &n,
				  &cap) >= 0);
	for (i = 0; i < n; i++) {
		uint32_t end = m[i].entry_first + m[i].entry_count;

		CHECK(m[i].tok_begin < m[i].tok_end && m[i].tok_end <= ntok);
		CHECK(m[i].entry_count + m[i].pattern_count > 0);
		CHECK((size_t)end + m[i].pattern_count <=
		      vigil__lexicon_entry_count(lx));
		for (k = m[i].entry_first; k < end + m[i].pattern_count; k++) {
			vigil__lexicon_entry(lx, k, &e);
			CHECK(e.code && e.phrase && e.file);
			CHECK((k < end) == !vigil__lexicon_entry_pattern(lx, k));
		}
	}
	vigil__arena_free(&a);
}

#endif /* VIGIL_FUZZ_COMMON_H */
