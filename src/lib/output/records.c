/*
 * records.c: the records of a coded document as the public structs of
 * coder.h (vigil_doc_records), for the store. Fields are those jsonl.c
 * writes, taken from the same analysis; strings are copied into the
 * worker's arena (NUL-terminated) and live until its next document.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../code/analysis.h"

/* The NUL-terminated copy of a token range (NULL when the range is empty). */
static const char *token_text(vigil__arena *a, const vigil__analysis *an,
			      uint32_t tb, uint32_t te)
{
	const vigil__token *first, *last;

	if (te <= tb)
		return NULL;
	first = &an->seg.tok[tb];
	last = &an->seg.tok[te - 1];
	return vigil__arena_strndup(a, an->text + first->off,
				    last->off + last->len - first->off);
}

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

/* Actor k (or an absent actor for k < 0); its text ends at text_end when
 * that is past the actor's own end (a claimant's longer text). */
static void actor_rec(vigil__arena *a, const vigil__analysis *an, int32_t k,
		      uint32_t tb, uint32_t te, int with_kind,
		      vigil_actor_rec *out)
{
	const vigil__actor *ac;

	memset(out, 0, sizeof(*out));
	if (k < 0)
		return;
	ac = &an->cl.actors[k];
	out->code = ac->code;
	if (with_kind) {
		out->country = opt(ac->country);
		out->sector = opt(ac->sector);
	}
	out->text = token_text(a, an, tb, te);
}

static void actor_own(vigil__arena *a, const vigil__analysis *an, int32_t k,
		      int with_kind, vigil_actor_rec *out)
{
	if (k < 0) {
		memset(out, 0, sizeof(*out));
		return;
	}
	actor_rec(a, an, k, an->cl.actors[k].tok_begin,
		  an->cl.actors[k].tok_end, with_kind, out);
}

static void place_rec(vigil__arena *a, const vigil__analysis *an,
		      const vigil__placed *p, vigil_place_rec *out)
{
	vigil__entry e;
	char a1[32];
	const char *admin1;

	memset(out, 0, sizeof(*out));
	out->lat = out->lon = NAN;
	if (p->match < 0 || !an->lx)
		return;
	vigil__place_entry(an->lx, p->entry, &e);
	out->name = e.phrase;
	out->code = opt(e.code);
	out->country = opt(e.country);
	admin1 = vigil__place_admin1(e.type, e.code, a1, sizeof(a1));
	out->admin1 = admin1 == a1 ? vigil__arena_strndup(a, a1, strlen(a1))
				   : opt(admin1);
	out->precision = opt(e.type);
	out->lat = e.lat;
	out->lon = e.lon;
}

static const char *ymd_text(vigil__arena *a, uint32_t ymd)
{
	char d[16];

	if (!ymd)
		return NULL;
	snprintf(d, sizeof(d), "%04u-%02u-%02u", (unsigned)(ymd / 10000),
		 (unsigned)(ymd / 100 % 100), (unsigned)(ymd % 100));
	return vigil__arena_strndup(a, d, strlen(d));
}

static const char *record_id(vigil__arena *a, const char *doc, uint32_t sent,
			     const char *infix, uint32_t n)
{
	size_t len = strlen(doc) + 32;
	char *s = vigil__arena_alloc(a, len);

	if (s)
		snprintf(s, len, "%s-%u-%s%u", doc, (unsigned)sent, infix,
			 (unsigned)n);
	return s;
}

static const char *match_text(vigil__arena *a, const vigil__analysis *an,
			      int32_t m)
{
	if (m < 0)
		return NULL;
	return token_text(a, an, an->matches[m].tok_begin,
			  an->matches[m].tok_end);
}

static void event_rec(vigil__arena *a, const vigil__analysis *an,
		      const vigil__event *e, vigil_event_rec *out)
{
	const vigil__cverb *v = &an->cl.verbs[e->verb];
	vigil__entry ve;

	vigil__lexicon_entry(an->lx, (uint32_t)v->entry, &ve);
	memset(out, 0, sizeof(*out));
	out->id = record_id(a, an->id, e->sent + 1, "", e->n);
	out->sentence = e->sent + 1;
	out->date = ymd_text(a, e->when.date);
	out->date_precision =
		e->when.date ? vigil__date_precision_name(e->when.precision) : NULL;
	actor_own(a, an, e->actor, 1, &out->actor);
	actor_own(a, an, e->recipient, 1, &out->recipient);
	actor_own(a, an, v->said_by, 0, &out->said_by);
	out->event = opt(ve.plover);
	out->mode = opt(ve.mode);
	out->aux_mode = vigil__aux_name(v->aux);
	out->hedge = match_text(a, an, v->hedge);
	out->quad_code = ve.quad;
	out->cameo = ve.code;
	out->goldstein = ve.goldstein;
	place_rec(a, an, &e->where, &out->place);
	out->trigger = match_text(a, an, (int32_t)v->match);
	out->span.begin = e->span_begin;
	out->span.end = e->span_end;
}

static void figure_rec(vigil__arena *a, const vigil__analysis *an,
		       const vigil__figure *f, vigil_figure_rec *out)
{
	const vigil__quantity *q = &f->q;

	memset(out, 0, sizeof(*out));
	out->id = record_id(a, an->id, f->sent + 1, "f", f->n);
	out->sentence = f->sent + 1;
	out->value = q->value;
	out->low = q->low;
	out->high = q->high;
	out->qualifier = vigil__qualifier_name(q->qualifier);
	out->unit = token_text(a, an, q->unit_begin, q->unit_end);
	out->category = vigil__figure_category_name(f->category);
	if (f->subject >= 0)
		actor_rec(a, an, f->subject, f->subj_begin, f->subj_end, 1,
			  &out->subject);
	if (f->said_by >= 0) {
		const vigil__actor *sp = &an->cl.actors[f->said_by];

		actor_rec(a, an, f->said_by, sp->tok_begin,
			  f->said_end > sp->tok_end ? f->said_end : sp->tok_end,
			  0, &out->said_by);
	}
	place_rec(a, an, &f->where, &out->place);
	out->date = ymd_text(a, f->when.date);
	out->span.begin = f->span_begin;
	out->span.end = f->span_end;
}

int vigil_worker_doc_records(vigil_worker *w, vigil_doc_records *out)
{
	const vigil__analysis *an = vigil__worker_analysis(w);
	vigil__arena *a = vigil__worker_arena(w);
	vigil_sentence_rec *s;
	vigil_event_rec *ev;
	vigil_figure_rec *fig;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (!an)
		return VIGIL_ERROR;
	s = vigil__arena_calloc(a, an->seg.nsent + 1, sizeof(*s));
	ev = vigil__arena_calloc(a, an->nevent + 1, sizeof(*ev));
	fig = vigil__arena_calloc(a, an->nfigure + 1, sizeof(*fig));
	if (!s || !ev || !fig)
		return VIGIL_ENOMEM;
	for (i = 0; i < an->seg.nsent; i++) {
		const vigil__sentence *st = &an->seg.sent[i];

		s[i].span.begin = st->off;
		s[i].span.end = st->off + st->len;
		s[i].para = st->para;
		s[i].text = vigil__arena_strndup(a, an->text + st->off, st->len);
	}
	for (i = 0; i < an->nevent; i++)
		event_rec(a, an, &an->events[i], &ev[i]);
	for (i = 0; i < an->nfigure; i++)
		figure_rec(a, an, &an->figures[i], &fig[i]);
	if (a->failed)
		return VIGIL_ENOMEM;
	out->id = an->id;
	out->date = an->doc->date;
	out->source = an->doc->source;
	out->url = an->doc->url;
	out->title = an->doc->title;
	out->sentences = s;
	out->nsentences = an->seg.nsent;
	out->events = ev;
	out->nevents = an->nevent;
	out->figures = fig;
	out->nfigures = an->nfigure;
	return VIGIL_OK;
}
