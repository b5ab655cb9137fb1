/*
 * dict_petr_discards.c: TABARI/PETRARCH discard lists (*.discards.txt) to
 * native [discards] lines: `+PHRASE` discards the story (`= story`), any
 * other phrase the sentence (`= sentence`). Phrases match whole words: the
 * stem matching TABARI gives a phrase without a trailing '_' is not kept.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "dict_petr.h"

static int discard_line(void *ctx, unsigned long line, char *p, size_t n)
{
	vigil__petr_out *o = ctx;
	char ph[VIGIL__DICT_MAX_LINE];
	const char *why;
	int story = p[0] == '+';

	if (vigil__petr_phrase(p + story, n - (size_t)story, ph, sizeof(ph),
			       &why) < 0) {
		vigil__dict_skip(o->s, o->file, line, "%s", why);
		return 0;
	}
	return vigil__petr_emit(o, line, "%s = %s", ph,
				story ? "story" : "sentence");
}

int vigil__petr_discards(vigil__petr_out *o, const char *data, size_t len)
{
	if (vigil__petr_section(o, 1, VIGIL_KIND_DISCARD) < 0)
		return -1;
	return vigil__petr_lines(data, len, discard_line, o);
}
