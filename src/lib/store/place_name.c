/*
 * place_name.c: the place a query names, by any name or code the
 * gazetteer knows ("Kursk region", "Kursk Oblast", "RU-KRS", "RUS"): the
 * name is matched as the coder matches text (whole phrase), else compared
 * with the codes of the [places] entries; the result is the code a stored
 * place is filtered by (country, ISO 3166-2 region or city code). Assumes
 * the dictionaries are the ones the store's documents were coded with.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <vigil/store.h>

#include "../lexicon/lexicon.h"
#include "../text/text.h"

#define MAX_TOKENS 16

/* The [places] entry whose phrase is the whole of `name`, or -1. */
static int64_t entry_by_phrase(const vigil__lexicon *lx, const char *name)
{
	vigil__token tok[MAX_TOKENS];
	vigil__match *m = NULL;
	size_t n, nm = 0, cap = 0;
	vigil__arena a;
	int64_t found = -1;
	uint32_t k;

	n = vigil__tokenize_phrase(name, strlen(name), tok, MAX_TOKENS);
	if (n == 0 || n > MAX_TOKENS)
		return -1;
	vigil__arena_init(&a, 4096);
	if (vigil__match_tokens(lx, name, tok, 0, n, &a, &m, &nm, &cap) == 0 &&
	    nm == 1 && m[0].tok_begin == 0 && m[0].tok_end == n)
		for (k = m[0].entry_first;
		     found < 0 && k < m[0].entry_first + m[0].entry_count; k++)
			if (vigil__lexicon_entry_kind(lx, k) ==
			    VIGIL_KIND_PLACE)
				found = k;
	vigil__arena_free(&a);
	return found;
}

/* The [places] entry whose code is `code` (any case), or -1. */
static int64_t entry_by_code(const vigil__lexicon *lx, const char *code)
{
	size_t n = vigil__lexicon_entry_count(lx), k;

	for (k = 0; k < n; k++) {
		const char *c = vigil__lexicon_entry_code(lx, (uint32_t)k);

		if (vigil__lexicon_entry_kind(lx, (uint32_t)k) ==
			VIGIL_KIND_PLACE &&
		    c && strcasecmp(c, code) == 0)
			return (int64_t)k;
	}
	return -1;
}

int vigil_place_code(const vigil_dict *dict, const char *name, char *buf,
		     size_t cap)
{
	const vigil__lexicon *lx = vigil__dict_lexicon(dict);
	int64_t k = entry_by_phrase(lx, name);
	const char *code;

	if (k < 0)
		k = entry_by_code(lx, name);
	if (k < 0)
		return VIGIL_EINPUT;
	code = vigil__lexicon_entry_code(lx, (uint32_t)k);
	if (!code || (size_t)snprintf(buf, cap, "%s", code) >= cap)
		return VIGIL_EINPUT;
	return VIGIL_OK;
}
