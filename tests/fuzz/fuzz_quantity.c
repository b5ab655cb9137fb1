/*
 * fuzz_quantity.c: libFuzzer target for quantity phrases. Arbitrary bytes
 * go through repair -> normalize -> layout -> segment, then
 * vigil__quantities_find runs on every sentence and on the whole token
 * array; every contract of vigil__quantity (quantity.h) is asserted.
 * Corpus: tests/fuzz/corpus/quantity/.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "resolve/quantity.h"
#include "fuzz_common.h"
#include "text/text.h"


static void check(vigil__arena *a, const char *text, const vigil__token *tok,
		  size_t begin, size_t end)
{
	vigil__quantity *q;
	size_t n, i;

	CHECK(vigil__quantities_find(a, text, tok, begin, end, &q, &n) == 0);
	CHECK(n == 0 ? q == NULL : q != NULL);
	for (i = 0; i < n; i++) {
		const vigil__quantity *x = &q[i];

		CHECK(x->tok_begin >= begin && x->tok_end <= end);
		CHECK(x->tok_begin <= x->num_begin && x->num_begin < x->num_end);
		CHECK(x->num_end <= x->tok_end);
		CHECK(x->unit_begin == x->unit_end ||
		      (x->num_end <= x->unit_begin && x->unit_begin < x->unit_end &&
		       x->unit_end <= x->tok_end));
		CHECK(x->anaphor_tok == VIGIL__QTY_NONE ||
		      (x->anaphor_tok >= x->num_end && x->anaphor_tok < x->tok_end));
		CHECK(x->kind <= VIGIL_QK_OTHER);
		CHECK(x->qualifier < VIGIL_QQ_COUNT_);
		CHECK(x->vague <= 1 && x->definite <= 1);
		CHECK(isnan(x->low) == isnan(x->high));
		if (!isnan(x->low))
			CHECK(x->low < x->high && isnan(x->value));
		if (x->vague)
			CHECK(isnan(x->value) && isnan(x->low) && x->scale > 0);
		else
			CHECK(isnan(x->scale));
		CHECK(!isnan(x->value) || !isnan(x->low) || x->vague);
		if (i > 0)
			CHECK(q[i - 1].tok_end <= x->tok_begin);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *norm = NULL;
	size_t nlen, k;
	vigil__segmented sg;
	vigil__arena a;

	vigil__arena_init(&a, 0);
	fuzz_segment(&a, data, size, &norm, &nlen, &sg);
	for (k = 0; k < sg.nsent; k++)
		check(&a, norm, sg.tok, sg.sent[k].tok_begin, sg.sent[k].tok_end);
	check(&a, norm, sg.tok, 0, sg.ntok);
	CHECK(!a.failed);
	vigil__arena_free(&a);
	return 0;
}
