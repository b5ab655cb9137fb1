/*
 * patterns.h: verb patterns and discards applied between the clause stage
 * and the events (internal; rules in docs/internals/conformance.md). Both
 * change only the document's clauses, in its arena.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_PATTERNS_H
#define VIGIL_PATTERNS_H

#include "analysis.h"

/* Picks each verb's entry by its patterns; a "---" code drops the verb
 * (entry -1); `$`/`+` markers set its subject and object. Folded words go
 * to arena `a`. Returns 0, or -1 when the arena fails. */
int vigil__patterns_apply(vigil__arena *a, vigil__analysis *an);

/* Drops the verbs of sentences with a sentence discard, and all verbs of a
 * document with a story discard ([discards] entries). */
void vigil__discards_apply(vigil__analysis *an);

#endif /* VIGIL_PATTERNS_H */
