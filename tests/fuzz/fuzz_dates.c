/*
 * fuzz_dates.c: libFuzzer target for the date recognizer. Arbitrary bytes
 * go through repair -> normalize -> layout -> segment, then
 * vigil__dates_find runs on every sentence against several publication
 * dates (unknown, ordinary, leap day, the ends of the calendar). Asserted:
 * expressions lie inside their sentence, in order, without overlap; dates
 * are 0 together or valid with date <= until; absolute expressions always
 * resolve, relative ones never do without a publication date; anchored
 * ones carry a unit and a non-zero offset. Corpus: tests/fuzz/corpus/dates/.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "resolve/dates.h"
#include "fuzz_common.h"
#include "text/text.h"


static const uint32_t pubs[] = {
	0, 20250215, 20240229, 20250101, 19000101, 99991231, 20251231,
};

static void check(const vigil__sentence *s, uint32_t pub,
		  const vigil__date_expr *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		CHECK(e[i].tok_begin >= s->tok_begin && e[i].tok_begin < e[i].tok_end);
		CHECK(e[i].tok_end <= s->tok_end);
		if (i > 0)
			CHECK(e[i - 1].tok_end <= e[i].tok_begin);
		CHECK((e[i].date == 0) == (e[i].until == 0));
		if (e[i].date) {
			CHECK(vigil__date_valid(e[i].date) && vigil__date_valid(e[i].until));
			CHECK(e[i].date <= e[i].until);
		}
		CHECK(e[i].precision <= VIGIL_DP_YEAR);
		CHECK(e[i].relative || e[i].date != 0);
		if (!pub)
			CHECK(!e[i].relative || e[i].date == 0);
		if (e[i].anchor_needed) {
			CHECK(e[i].relative && e[i].offset != 0);
			CHECK(e[i].offset_unit == VIGIL_DP_DAY || e[i].offset_unit == VIGIL_DP_WEEK ||
			      e[i].offset_unit == VIGIL_DP_MONTH || e[i].offset_unit == VIGIL_DP_YEAR);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *norm = NULL;
	size_t nlen, k, p, n;
	vigil__date_expr *e;
	vigil__segmented sg;
	vigil__arena a;

	vigil__arena_init(&a, 0);
	fuzz_segment(&a, data, size, &norm, &nlen, &sg);
	for (p = 0; p < sizeof(pubs) / sizeof(pubs[0]); p++) {
		for (k = 0; k < sg.nsent; k++) {
			const vigil__sentence *s = &sg.sent[k];

			CHECK(vigil__dates_find(&a, norm, sg.tok, s->tok_begin, s->tok_end,
						pubs[p], &e, &n) == 0);
			CHECK((n == 0) == (e == NULL));
			check(s, pubs[p], e, n);
		}
	}
	CHECK(!a.failed);
	vigil__arena_free(&a);
	return 0;
}
