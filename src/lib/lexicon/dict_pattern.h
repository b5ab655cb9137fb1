/*
 * dict_pattern.h: verb patterns and synonym sets of .vd sources (private to
 * src/lib/lexicon/). A stored pattern is its items joined by ',' (words may
 * stand between) or '_' (adjacent): `*` the verb, `$` the source, `+` the
 * target, `^` and `%` kept from TABARI, and runs of folded words.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_DICT_PATTERN_H
#define VIGIL_DICT_PATTERN_H

#include "lexicon_int.h"

/*
 * Folds phrase [p, p+n) as documents are (tokenizer + vigil__fold, INNER
 * tokens dropped) into `out` (cap bytes): words joined by '_'. Returns the
 * length, or -1 when it is empty or does not fit.
 */
int vigil__pattern_fold(vigil__dict_set *s, const char *p, size_t n,
			char *out, size_t cap);

/* Adds member [p, p+n) to synset `name` ("&name"). Returns 0 or -1
 * (reported, or s->oom). */
int vigil__synset_add(vigil__dict_set *s, const char *file,
		      unsigned long line, const char *name, const char *p,
		      size_t n);

/*
 * Checks the .vd pattern `pat` and expands its synsets: *out receives
 * *nout folded patterns (arena). Returns 0, or -1 after reporting an error
 * (or with s->oom set).
 */
int vigil__pattern_expand(vigil__dict_set *s, const char *file,
			  unsigned long line, const char *pat,
			  const char ***out, size_t *nout);

#endif /* VIGIL_DICT_PATTERN_H */
