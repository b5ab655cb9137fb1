/*
 * arena.c: the per-document region allocator (see arena.h). Chunks double in
 * size from 64 KiB; a request larger than half a chunk gets a chunk of its
 * own size so that big token arrays do not waste the rest of a chunk.
 *
 * SPDX-License-Identifier: MIT
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16u
#define ARENA_FIRST_CHUNK (64u * 1024u)

struct vigil__arena_chunk {
	vigil__arena_chunk *next;
	size_t size; /* usable bytes after the header */
	_Alignas(16) unsigned char data[];
};

void vigil__arena_init(vigil__arena *a, size_t cap)
{
	memset(a, 0, sizeof(*a));
	a->cap = cap;
}

static size_t align_up(size_t n)
{
	return (n + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
}

static int add_chunk(vigil__arena *a, size_t need)
{
	size_t size = a->head ? a->head->size * 2 : ARENA_FIRST_CHUNK;
	vigil__arena_chunk *c;

	if (size < need)
		size = need;
	if (a->cap && (a->total + size > a->cap)) {
		if (a->total + need > a->cap)
			return -1;
		size = need;
	}
	c = malloc(sizeof(*c) + size);
	if (!c)
		return -1;
	c->next = a->head;
	c->size = size;
	a->head = c;
	a->used = 0;
	a->total += size;
	return 0;
}

void *vigil__arena_alloc(vigil__arena *a, size_t size)
{
	void *p;

	if (size > SIZE_MAX - ARENA_ALIGN) {
		a->failed = 1;
		return NULL;
	}
	size = align_up(size ? size : 1);
	if (!a->head || a->head->size - a->used < size) {
		if (add_chunk(a, size) < 0) {
			a->failed = 1;
			return NULL;
		}
	}
	p = a->head->data + a->used;
	a->used += size;
	return p;
}

void *vigil__arena_calloc(vigil__arena *a, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size) {
		a->failed = 1;
		return NULL;
	}
	p = vigil__arena_alloc(a, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

char *vigil__arena_strndup(vigil__arena *a, const char *s, size_t len)
{
	char *p = vigil__arena_alloc(a, len + 1);

	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int vigil__arena_grow_slow(vigil__arena *a, void **p, size_t *cap,
			   size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : 16;
	void *np;

	if (need <= *cap)
		return 0;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2) {
			a->failed = 1;
			return -1;
		}
		ncap *= 2;
	}
	if (size && ncap > SIZE_MAX / size) {
		a->failed = 1;
		return -1;
	}
	np = vigil__arena_alloc(a, ncap * size);
	if (!np)
		return -1;
	if (*p && *cap)
		memcpy(np, *p, *cap * size);
	*p = np;
	*cap = ncap;
	return 0;
}

void vigil__arena_reset(vigil__arena *a)
{
	vigil__arena_chunk *keep = a->head, *c, *next;

	for (c = a->head; c; c = c->next)
		if (c->size > keep->size)
			keep = c;
	for (c = a->head; c; c = next) {
		next = c->next;
		if (c != keep)
			free(c);
	}
	if (keep)
		keep->next = NULL;
	a->head = keep;
	a->used = 0;
	a->total = keep ? keep->size : 0;
	a->failed = 0;
}

void vigil__arena_free(vigil__arena *a)
{
	vigil__arena_chunk *c, *next;

	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
	a->used = 0;
	a->total = 0;
	a->failed = 0;
}
