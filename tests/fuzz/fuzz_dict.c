/*
 * fuzz_dict.c: libFuzzer target for the dictionary engine. Input that starts
 * with the compiled-blob magic is validated as a blob, its checksum fixed up
 * first so mutations reach the structural checks (a corrupt cache must never
 * crash); anything else is parsed as a .vd file and, when it parses without
 * errors, compiled, validated (which must then succeed) and matched against
 * a fixed sentence.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/lexicon_int.h"
#include "fuzz_common.h"

static const char sentence[] =
	"North Korea's troops, U.S.-led forces and Kim Jong-un's army raised "
	"concerns over the capture of JCS officials in Kursk region, according "
	"to US sources; THE US TOLD US they're sending 11,000 more (reportedly).";

static void fuzz_blob(const uint8_t *data, size_t size)
{
	vigil__lexicon lx;
	void *copy = malloc(size ? size : 1);  /* aligned, as mmap would be */

	if (!copy)
		return;
	memcpy(copy, data, size);
	if (size >= sizeof(vigil__blob_header)) {
		/* fix the checksum so mutations reach the structural checks */
		vigil__blob_header h;

		memcpy(&h, copy, sizeof(h));
		h.checksum = XXH3_64bits((const char *)copy + sizeof(h),
					 size - sizeof(h));
		memcpy(copy, &h, sizeof(h));
	}
	if (vigil__lexicon_view(&lx, copy, size, NULL) == 0)
		fuzz_match(&lx, sentence);
	free(copy);
}

static void fuzz_source(const uint8_t *data, size_t size)
{
	vigil__dict_set s;
	vigil__lexicon lx;
	void *blob = NULL;
	size_t bsize = 0;
	const char *why = NULL;

	vigil__dict_set_init(&s, NULL, NULL);
	if (vigil__dict_parse_mem(&s, "fuzz.vd", (const char *)data, size, 0) ==
		    VIGIL_OK && s.nerrors == 0 &&
	    vigil__dict_build(&blob, &bsize, &s, 0) == VIGIL_OK) {
		if (vigil__lexicon_view(&lx, blob, bsize, &why) < 0)
			abort();  /* the compiler made a blob it rejects */
		fuzz_match(&lx, sentence);
	}
	free(blob);
	vigil__dict_set_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 8 && memcmp(data, VIGIL__BLOB_MAGIC, 8) == 0)
		fuzz_blob(data, size);
	else
		fuzz_source(data, size);
	return 0;
}
