/*
 * cluster.c: the cluster rule: which stored events report the same
 * real-world event. Deterministic, from the event alone, so that any
 * ingest order, re-ingest or concurrent ingesters give the same clusters:
 * asserted events with the same PLOVER event type, actor country, recipient
 * country and date at the same precision have one base key; an event with
 * a place adds its region (admin1, else country) to it. Which cluster an
 * event without a place joins depends on the regions stored for its base
 * key (sqlite_ingest.c); the rule and its limits: docs/internals/store.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include <xxhash.h>

#include "store_int.h"

/* The country an actor stands for: its country, else its code (an
 * international body), else "-" (absent). */
static const char *side(const vigil_actor_rec *a)
{
	if (a->country)
		return a->country;
	return a->code ? a->code : "-";
}

/* The 12-hex-digit id of a key: the top 48 bits of its XXH64. */
static void key_id(const char *key, size_t n, char id[13])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = XXH64(key, n, 0) >> 16;
	int i;

	for (i = 11; i >= 0; i--, h >>= 4)
		id[i] = hex[h & 15];
	id[12] = '\0';
}

/* parts[0..n) joined by '|' into key (cap bytes with the NUL); its length,
 * or -1 when it does not fit (what snprintf("%s|%s...") would write). */
static int join_key(char *key, size_t cap, const char *const *parts, int n)
{
	size_t o = 0;
	int i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(parts[i]);

		if (o + len + (i > 0) >= cap)
			return -1;
		if (i > 0)
			key[o++] = '|';
		memcpy(key + o, parts[i], len);
		o += len;
	}
	key[o] = '\0';
	return (int)o;
}

const char *vigil__cluster_region(const vigil_event_rec *ev)
{
	if (!ev->place.name)
		return NULL;
	return ev->place.admin1 ? ev->place.admin1 : ev->place.country;
}

int vigil__cluster_region_key(const char *base, const char *region, char *key,
			      size_t cap, char id[13])
{
	const char *parts[2] = {base, region};
	int n = join_key(key, cap, parts, 2);

	if (n < 0)
		return 0;
	key_id(key, (size_t)n, id);
	return 1;
}

int vigil__cluster_key(const vigil_event_rec *ev, char *key, size_t cap,
		       char id[13])
{
	const char *parts[5];
	int n;

	if (!ev->event || !ev->date || !ev->date_precision ||
	    strcmp(ev->aux_mode, "asserted") != 0)
		return 0;
	parts[0] = ev->event;
	parts[1] = side(&ev->actor);
	parts[2] = side(&ev->recipient);
	parts[3] = ev->date;
	parts[4] = ev->date_precision;
	n = join_key(key, cap, parts, 5);
	if (n < 0)
		return 0;
	key_id(key, (size_t)n, id);
	return 1;
}
