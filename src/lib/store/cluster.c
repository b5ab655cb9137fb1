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
#include <stdio.h>
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
	snprintf(id, 13, "%012llx",
		 (unsigned long long)(XXH64(key, n, 0) >> 16));
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
	int n = snprintf(key, cap, "%s|%s", base, region);

	if (n < 0 || (size_t)n >= cap)
		return 0;
	key_id(key, (size_t)n, id);
	return 1;
}

int vigil__cluster_key(const vigil_event_rec *ev, char *key, size_t cap,
		       char id[13])
{
	int n;

	if (!ev->event || !ev->date || !ev->date_precision ||
	    strcmp(ev->aux_mode, "asserted") != 0)
		return 0;
	n = snprintf(key, cap, "%s|%s|%s|%s|%s", ev->event, side(&ev->actor),
		     side(&ev->recipient), ev->date, ev->date_precision);
	if (n < 0 || (size_t)n >= cap)
		return 0;
	key_id(key, (size_t)n, id);
	return 1;
}
