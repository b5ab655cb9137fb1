/*
 * tsv.c: serializes the events of a coded document as tab-separated values:
 * one line per event (every aux_mode, unlike the GDELT export), the columns
 * of TSV_COLUMNS below in that order, described in docs/formats.md. The
 * header line is not part of a document's records: vigil_output_header()
 * gives it, to write once per run. Absent values are empty fields; control
 * bytes inside values become spaces (tabular.c); nothing is quoted.
 *
 * SPDX-License-Identifier: MIT
 */
#include "tabular.h"

/* The columns, in output order; each NAME has a writer col_NAME below. */
#define TSV_COLUMNS(X) \
	X(id) X(doc) X(sentence) X(date) X(date_precision) \
	X(actor_code) X(actor_country) X(actor_sector) X(actor_text) \
	X(recipient_code) X(recipient_country) X(recipient_sector) \
	X(recipient_text) X(event) X(mode) X(aux_mode) X(quad_code) X(cameo) \
	X(goldstein) X(said_by_code) X(said_by_text) X(hedge) X(trigger) \
	X(span_begin) X(span_end) X(text) X(place_name) X(place_country) \
	X(place_lat) X(place_lon)

typedef void column_fn(vigil__buf *b, const vigil__event_view *ev);

/*===== Columns ========================================================*/

static void col_id(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_event_id(b, ev);
}

static void col_doc(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_str(b, ev->an->id);
}

static void col_sentence(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_put_uint(b, ev->e->sent + 1);
}

/* Events take the publication date for now, as in JSON Lines. */
static void col_date(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->an->date)
		vigil__tsv_put_str(b, ev->an->doc->date);
}

static void col_date_precision(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->an->date)
		vigil__buf_puts(b, "day");
}

static void put_text(vigil__buf *b, const vigil__event_view *ev,
		     const vigil__actor *a)
{
	if (a)
		vigil__tsv_put_tokens(b, ev->an, a->tok_begin, a->tok_end);
}

static void col_actor_code(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->actor)
		vigil__tsv_put_str(b, ev->actor->code);
}

static void col_actor_country(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->actor)
		vigil__tsv_put_str(b, ev->actor->country);
}

static void col_actor_sector(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->actor)
		vigil__tsv_put_str(b, ev->actor->sector);
}

static void col_actor_text(vigil__buf *b, const vigil__event_view *ev)
{
	put_text(b, ev, ev->actor);
}

static void col_recipient_code(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->recipient)
		vigil__tsv_put_str(b, ev->recipient->code);
}

static void col_recipient_country(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->recipient)
		vigil__tsv_put_str(b, ev->recipient->country);
}

static void col_recipient_sector(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->recipient)
		vigil__tsv_put_str(b, ev->recipient->sector);
}

static void col_recipient_text(vigil__buf *b, const vigil__event_view *ev)
{
	put_text(b, ev, ev->recipient);
}

static void col_event(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_str(b, ev->verb.plover);
}

static void col_mode(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_str(b, ev->verb.mode);
}

static void col_aux_mode(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_puts(b, vigil__aux_name(ev->v->aux));
}

static void col_quad_code(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->verb.quad)
		vigil__buf_put_uint(b, (unsigned)ev->verb.quad);
}

static void col_cameo(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_str(b, ev->verb.code);
}

static void col_goldstein(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_put_score(b, ev->verb.goldstein);
}

static void col_said_by_code(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->said_by)
		vigil__tsv_put_str(b, ev->said_by->code);
}

static void col_said_by_text(vigil__buf *b, const vigil__event_view *ev)
{
	put_text(b, ev, ev->said_by);
}

static void col_hedge(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_match(b, ev->an, ev->v->hedge);
}

static void col_trigger(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_match(b, ev->an, (int32_t)ev->v->match);
}

static void col_span_begin(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_put_uint(b, ev->e->span_begin);
}

static void col_span_end(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_put_uint(b, ev->e->span_end);
}

static void col_text(vigil__buf *b, const vigil__event_view *ev)
{
	const vigil__sentence *s = &ev->an->seg.sent[ev->e->sent];

	vigil__tsv_put(b, ev->an->text + s->off, s->len);
}

static void col_place_name(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_str(b, ev->place.phrase);
}

static void col_place_country(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_str(b, ev->place.country);
}

static void col_place_lat(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_coord(b, ev->place.lat);
}

static void col_place_lon(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_coord(b, ev->place.lon);
}

/*===== Lines ==========================================================*/

#define COLUMN_FN(name) col_##name,
#define TAB_NAME(name) "\t" #name

static column_fn *const columns[] = {TSV_COLUMNS(COLUMN_FN)};

/* Every name after a tab; the header skips the first one. */
static const char header[] = TSV_COLUMNS(TAB_NAME) "\n";

const char *vigil_output_header(vigil_output_format format)
{
	switch (format) {
	case VIGIL_OUTPUT_TSV:
		return header + 1;
	case VIGIL_OUTPUT_JSONL:
	case VIGIL_OUTPUT_GDELT:
		return "";
	}
	return NULL;
}

void vigil__write_tsv(vigil__buf *out, const vigil__analysis *an)
{
	size_t i, c;

	for (i = 0; i < an->nevent; i++) {
		vigil__event_view ev;

		vigil__event_view_init(&ev, an, &an->events[i]);
		for (c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
			if (c)
				vigil__buf_putc(out, '\t');
			columns[c](out, &ev);
		}
		vigil__buf_putc(out, '\n');
	}
}
