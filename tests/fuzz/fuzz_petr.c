/*
 * fuzz_petr.c: libFuzzer target for the TABARI/PETRARCH dictionary readers.
 * The first byte picks the kind (A actors, G agents, V verbs, D discards,
 * anything else: detected from the content as a file of another name); the
 * rest is translated and parsed, and when that gives no errors, compiled,
 * validated (which must then succeed) and matched against a fixed sentence.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/dict_petr.h"
#include "fuzz_common.h"

static const char sentence[] =
	"Bree Prime Minister Romendacil will not pay 50 dollars to Gondor's "
	"army, and MSF Arnor wire tapped the embassy of North Korea's troops.";

static int kind_of(uint8_t c, const char *data, size_t len)
{
	switch (c) {
	case 'A': return VIGIL__PETR_ACTORS;
	case 'G': return VIGIL__PETR_AGENTS;
	case 'V': return VIGIL__PETR_VERBS;
	case 'D': return VIGIL__PETR_DISCARDS;
	default: return vigil__petr_detect("fuzz.txt", data, len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	vigil__dict_set s;
	vigil__lexicon lx;
	void *blob = NULL;
	size_t bsize = 0;
	const char *text = (const char *)data + 1, *why = NULL;
	int kind;

	if (size == 0)
		return 0;
	kind = kind_of(data[0], text, size - 1);
	if (kind == VIGIL__PETR_NONE)
		return 0;
	vigil__dict_set_init(&s, NULL, NULL);
	if (vigil__petr_parse(&s, "fuzz.txt", kind, text, size - 1, 0) ==
		    VIGIL_OK && s.nerrors == 0 &&
	    vigil__dict_build(&blob, &bsize, &s, 0) == VIGIL_OK) {
		if (vigil__lexicon_view(&lx, blob, bsize, &why) < 0)
			abort();  /* the compiler made a blob it rejects */
		fuzz_match(&lx, sentence);
	}
	free(blob);
	vigil__dict_set_free(&s);
	return 0;
}
