/*
 * records_copy.c: a deep copy of one document's records in one malloc'd
 * block, so that a batch can put its documents again after a rollback
 * (the caller's records are gone by then). Two passes over the same walk:
 * the first measures, the second copies.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_int.h"

/* Where the walk writes: measuring when base is NULL. */
typedef struct copier {
	char *base;
	size_t used;
} copier;

static void *take(copier *c, const void *src, size_t len)
{
	size_t at =
	    (c->used + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);

	c->used = at + len;
	if (!c->base)
		return NULL;
	if (len)
		memcpy(c->base + at, src, len);
	return c->base + at;
}

static void str(copier *c, const char **v)
{
	size_t len;

	if (!*v)
		return;
	len = strlen(*v) + 1;
	if (c->base) {
		memcpy(c->base + c->used, *v, len);
		*v = c->base + c->used;
	}
	c->used += len;
}

static void actor(copier *c, vigil_actor_rec *a)
{
	str(c, &a->code);
	str(c, &a->country);
	str(c, &a->sector);
	str(c, &a->text);
}

static void place(copier *c, vigil_place_rec *p)
{
	str(c, &p->name);
	str(c, &p->code);
	str(c, &p->country);
	str(c, &p->admin1);
	str(c, &p->precision);
}

static void event(copier *c, vigil_event_rec *e)
{
	const char **s[] = {&e->id,    &e->date,  &e->date_precision,
			    &e->event, &e->mode,  &e->aux_mode,
			    &e->hedge, &e->cameo, &e->trigger};
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		str(c, s[i]);
	actor(c, &e->actor);
	actor(c, &e->recipient);
	actor(c, &e->said_by);
	place(c, &e->place);
}

static void figure(copier *c, vigil_figure_rec *f)
{
	const char **s[] = {&f->id, &f->qualifier, &f->unit, &f->category,
			    &f->date};
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		str(c, s[i]);
	actor(c, &f->subject);
	actor(c, &f->said_by);
	place(c, &f->place);
}

/* The walk: arrays first (aligned), then their strings. When measuring,
 * the copies are scratch structs so that nothing of `r` is written. */
static void walk(copier *c, vigil_doc_records *r)
{
	vigil_sentence_rec *sv;
	vigil_event_rec *ev, e;
	vigil_figure_rec *fv, f;
	size_t i;

	sv = take(c, r->sentences, r->nsentences * sizeof(*sv));
	ev = take(c, r->events, r->nevents * sizeof(*ev));
	fv = take(c, r->figures, r->nfigures * sizeof(*fv));
	str(c, &r->id);
	str(c, &r->date);
	str(c, &r->source);
	str(c, &r->url);
	str(c, &r->title);
	for (i = 0; i < r->nsentences; i++) {
		const char *t = r->sentences[i].text;

		str(c, sv ? &sv[i].text : &t);
	}
	for (i = 0; i < r->nevents; i++) {
		e = r->events[i];
		event(c, ev ? &ev[i] : &e);
	}
	for (i = 0; i < r->nfigures; i++) {
		f = r->figures[i];
		figure(c, fv ? &fv[i] : &f);
	}
	if (c->base) {
		r->sentences = sv;
		r->events = ev;
		r->figures = fv;
	}
}

int vigil__records_copy(const vigil_doc_records *src, vigil_doc_records *dst,
			void **mem)
{
	copier c = {NULL, 0};
	vigil_doc_records m = *src;

	walk(&c, &m);
	c.base = malloc(c.used ? c.used : 1);
	if (!c.base)
		return VIGIL_ENOMEM;
	c.used = 0;
	*dst = *src;
	walk(&c, dst);
	*mem = c.base;
	return VIGIL_OK;
}
