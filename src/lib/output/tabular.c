/*
 * tabular.c: field writers and the event view shared by the tab-separated
 * writers. Values are copied in runs between control bytes, so plain text
 * costs one memcpy per field.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "tabular.h"

static const vigil__actor *actor_at(const vigil__analysis *an, int32_t k)
{
	return k >= 0 ? &an->cl.actors[k] : NULL;
}

void vigil__event_view_init(vigil__event_view *out, const vigil__analysis *an,
			    const vigil__event *e)
{
	out->an = an;
	out->e = e;
	out->v = &an->cl.verbs[e->verb];
	out->actor = actor_at(an, e->actor);
	out->recipient = actor_at(an, e->recipient);
	out->said_by = actor_at(an, out->v->said_by);
	vigil__lexicon_entry(an->lx, (uint32_t)out->v->entry, &out->verb);
	out->has_place = e->where.match >= 0;
	if (out->has_place) {
		vigil__place_entry(an->lx, e->where.entry, &out->place);
	} else
		memset(&out->place, 0, sizeof(out->place));
}

void vigil__tsv_put_coord(vigil__buf *b, double v)
{
	if (!isnan(v))
		vigil__buf_put_g15(b, v);
}

void vigil__tsv_put(vigil__buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
			continue;
		vigil__buf_append(b, s + run, i - run);
		vigil__buf_putc(b, ' ');
		run = i + 1;
	}
	vigil__buf_append(b, s + run, n - run);
}

void vigil__tsv_put_str(vigil__buf *b, const char *s)
{
	if (s)
		vigil__tsv_put(b, s, strlen(s));
}

void vigil__tsv_put_tokens(vigil__buf *b, const vigil__analysis *an,
			   uint32_t tb, uint32_t te)
{
	const vigil__token *first = &an->seg.tok[tb], *last = &an->seg.tok[te - 1];

	vigil__tsv_put(b, an->text + first->off,
		       last->off + last->len - first->off);
}

void vigil__tsv_put_match(vigil__buf *b, const vigil__analysis *an,
			  int32_t match)
{
	if (match >= 0)
		vigil__tsv_put_tokens(b, an, an->matches[match].tok_begin,
				      an->matches[match].tok_end);
}

void vigil__tsv_put_event_id(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_str(b, ev->an->id);
	vigil__buf_printf(b, "-%u-%u", (unsigned)ev->e->sent + 1,
			  (unsigned)ev->e->n);
}
