/*
 * arena.h: a region allocator for everything that lives as long as one
 * document (tokens, sentences, matches, output). Allocation is a pointer bump
 * inside chunks; vigil__arena_reset() keeps the first chunk for the next
 * document, vigil__arena_free() releases all. A hard cap bounds the total;
 * past it (or when malloc fails) allocations return NULL and `failed` sticks,
 * so callers may check once at the end of a stage.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_ARENA_H
#define VIGIL_ARENA_H

#include <stddef.h>

typedef struct vigil__arena_chunk vigil__arena_chunk;

typedef struct vigil__arena {
	vigil__arena_chunk *head; /* current chunk; older ones follow ->next */
	size_t used;              /* bytes used in head */
	size_t total;             /* bytes of all chunks, for the cap */
	size_t cap;               /* hard limit on total; 0: unlimited */
	int failed;               /* sticky: an allocation returned NULL */
} vigil__arena;

/* Initializes an empty arena with a cap on its total size (0: none). */
void vigil__arena_init(vigil__arena *a, size_t cap);

/* Returns `size` bytes aligned to 16, or NULL (and sets a->failed). */
void *vigil__arena_alloc(vigil__arena *a, size_t size);

/* Same, zero-filled. NULL on overflow of n*size as well. */
void *vigil__arena_calloc(vigil__arena *a, size_t n, size_t size);

/* Copies [s, s+len) and NUL-terminates it; NULL on failure. */
char *vigil__arena_strndup(vigil__arena *a, const char *s, size_t len);

/*
 * Grows the array *p of *cap elements of `size` bytes to hold at least `need`
 * elements, copying the contents (the old block stays in the arena). Returns
 * 0, or -1 on failure with *p unchanged.
 */
int vigil__arena_grow_slow(vigil__arena *a, void **p, size_t *cap,
			   size_t need, size_t size);
/* (inline: most calls have room already and return at once) */
static inline int vigil__arena_grow(vigil__arena *a, void **p, size_t *cap,
				    size_t need, size_t size)
{
	return need <= *cap ? 0 : vigil__arena_grow_slow(a, p, cap, need, size);
}

/* Forgets every allocation; keeps the largest chunk for reuse. */
void vigil__arena_reset(vigil__arena *a);

/* Releases every chunk. Accepts an arena that was only initialized. */
void vigil__arena_free(vigil__arena *a);

#endif /* VIGIL_ARENA_H */
