/*
 * fuzz_common.h: what the fuzz targets share: CHECK, an invariant check that
 * aborts (so libFuzzer and the standalone replay both report it), and the
 * text stage run on arbitrary bytes (repaired, normalized, laid out and
 * segmented) for the targets of later stages.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_FUZZ_COMMON_H
#define VIGIL_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

#endif /* VIGIL_FUZZ_COMMON_H */
