/*
 * cluster.c: the cluster rule: which stored events report the same
 * real-world event. Deterministic, from the event alone, so that any
 * ingest order, re-ingest or concurrent ingesters give the same clusters:
 * asserted events with the same PLOVER event type, actor country, recipient
 * country and date at the same precision are one cluster. Its limits are in
 * docs/internals/store.md.
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
	snprintf(id, 13, "%012llx",
		 (unsigned long long)(XXH64(key, (size_t)n, 0) >> 16));
	return 1;
}
