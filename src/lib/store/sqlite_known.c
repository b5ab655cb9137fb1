/*
 * sqlite_known.c: a connection's memory of short keys (actor codes,
 * cluster ids) it knows to be stored, so ingest skips an INSERT OR IGNORE
 * that would change nothing. An open-addressing hash set of keys of at
 * most VIGIL__KNOWN_KEY - 1 bytes; callers empty it whenever the stored
 * rows may have gone (a rollback, a deletion, another writer's commit).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "sqlite_int.h"

/* Past this many keys the set starts again empty (bounded memory). */
#define KNOWN_MAX (1u << 20)

static size_t slot_of(const vigil__known *k, const char *key, size_t len)
{
	return (size_t)XXH64(key, len, 0) & (k->cap - 1);
}

int vigil__known_has(const vigil__known *k, const char *key)
{
	size_t len = strlen(key), i;

	if (!k->cap || len >= VIGIL__KNOWN_KEY)
		return 0;
	for (i = slot_of(k, key, len); k->keys[i][0];
	     i = (i + 1) & (k->cap - 1))
		if (strcmp(k->keys[i], key) == 0)
			return 1;
	return 0;
}

/* Doubles the table (or makes the first one), rehashing the keys. */
static int grow(vigil__known *k)
{
	size_t cap = k->cap ? 2 * k->cap : 256, i;
	char(*old)[VIGIL__KNOWN_KEY] = k->keys;
	size_t old_cap = k->cap;

	k->keys = calloc(cap, sizeof(*k->keys));
	if (!k->keys) {
		k->keys = old;
		return VIGIL_ENOMEM;
	}
	k->cap = cap;
	for (i = 0; i < old_cap; i++) {
		size_t len = strlen(old[i]), j;

		if (!len)
			continue;
		for (j = slot_of(k, old[i], len); k->keys[j][0];
		     j = (j + 1) & (cap - 1))
			;
		memcpy(k->keys[j], old[i], len + 1);
	}
	free(old);
	return VIGIL_OK;
}

void vigil__known_add(vigil__known *k, const char *key)
{
	size_t len = strlen(key), i;

	if (!len || len >= VIGIL__KNOWN_KEY)
		return;
	if (k->n >= KNOWN_MAX)
		vigil__known_clear(k);
	/* a failed allocation only means the key is not remembered */
	if (2 * (k->n + 1) > k->cap && grow(k) != VIGIL_OK)
		return;
	/* one probe finds the key or the free slot it goes to */
	for (i = slot_of(k, key, len); k->keys[i][0];
	     i = (i + 1) & (k->cap - 1))
		if (strcmp(k->keys[i], key) == 0)
			return;
	memcpy(k->keys[i], key, len + 1);
	k->n++;
}

void vigil__known_clear(vigil__known *k)
{
	if (k->n)
		memset(k->keys, 0, k->cap * sizeof(*k->keys));
	k->n = 0;
}

void vigil__known_free(vigil__known *k)
{
	free(k->keys);
	memset(k, 0, sizeof(*k));
}
