/*
 * gdelt.c: serializes the asserted events of a coded document as rows of the
 * GDELT 2.0 event table: 61 tab-separated columns in the order of GDELT's
 * event codebook (V2.0), no header. GDELT has no modality, so events that are
 * negated, future, hypothetical, historical or denied are left out. What
 * vigil does not know (ethnic and religion codes, tone, the actors' places)
 * is an empty field; ActionGeo_* is the event's place. The mapping is
 * documented in docs/formats.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY /* XXH64_state_t on the stack */
#include <xxhash.h>

#include "tabular.h"

typedef void column_fn(vigil__buf *b, const vigil__event_view *ev);

/*===== Date and id ====================================================*/

/* The event's date as YYYYMMDD: the publication date for now; 0 unknown. */
static uint32_t event_date(const vigil__event_view *ev)
{
	return ev->an->date;
}

/*
 * GlobalEventID: XXH64 (seed 0) of the JSON Lines event id
 * "<doc>-<sentence>-<n>", masked to 63 bits so it is a non-negative int64.
 */
static uint64_t global_event_id(const vigil__event_view *ev)
{
	XXH64_state_t st;
	char tail[32];
	int n = snprintf(tail, sizeof(tail), "-%u-%u",
			 (unsigned)ev->e->sent + 1, (unsigned)ev->e->n);

	XXH64_reset(&st, 0);
	XXH64_update(&st, ev->an->id, strlen(ev->an->id));
	XXH64_update(&st, tail, (size_t)n);
	return XXH64_digest(&st) & (uint64_t)INT64_MAX;
}

static void col_global_id(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_put_uint(b, global_event_id(ev));
}

static void col_day(vigil__buf *b, const vigil__event_view *ev)
{
	if (event_date(ev))
		vigil__buf_put_uint(b, event_date(ev));
}

static void col_month_year(vigil__buf *b, const vigil__event_view *ev)
{
	if (event_date(ev))
		vigil__buf_put_uint(b, event_date(ev) / 100);
}

static void col_year(vigil__buf *b, const vigil__event_view *ev)
{
	if (event_date(ev))
		vigil__buf_put_uint(b, event_date(ev) / 10000);
}

/* GDELT's codebook: YYYY + (MONTH * 30 + DAY) / 365, four decimals. */
static void col_fraction_date(vigil__buf *b, const vigil__event_view *ev)
{
	uint32_t d = event_date(ev);
	unsigned year = d / 10000, month = d / 100 % 100, day = d % 100;

	if (d)
		vigil__buf_printf(b, "%.4f", year + (month * 30 + day) / 365.0);
}

/*===== Actors =========================================================*/

static void put_code(vigil__buf *b, const vigil__actor *a)
{
	if (a)
		vigil__tsv_put_str(b, a->code);
}

static void put_name(vigil__buf *b, const vigil__event_view *ev,
		     const vigil__actor *a)
{
	if (a)
		vigil__tsv_put_tokens(b, ev->an, a->tok_begin, a->tok_end);
}

static void put_country(vigil__buf *b, const vigil__actor *a)
{
	if (a)
		vigil__tsv_put_str(b, a->country);
}

static void put_sector(vigil__buf *b, const vigil__actor *a)
{
	if (a)
		vigil__tsv_put_str(b, a->sector);
}

static void col_actor1_code(vigil__buf *b, const vigil__event_view *ev)
{
	put_code(b, ev->actor);
}

static void col_actor1_name(vigil__buf *b, const vigil__event_view *ev)
{
	put_name(b, ev, ev->actor);
}

static void col_actor1_country(vigil__buf *b, const vigil__event_view *ev)
{
	put_country(b, ev->actor);
}

static void col_actor1_type1(vigil__buf *b, const vigil__event_view *ev)
{
	put_sector(b, ev->actor);
}

static void col_actor2_code(vigil__buf *b, const vigil__event_view *ev)
{
	put_code(b, ev->recipient);
}

static void col_actor2_name(vigil__buf *b, const vigil__event_view *ev)
{
	put_name(b, ev, ev->recipient);
}

static void col_actor2_country(vigil__buf *b, const vigil__event_view *ev)
{
	put_country(b, ev->recipient);
}

static void col_actor2_type1(vigil__buf *b, const vigil__event_view *ev)
{
	put_sector(b, ev->recipient);
}

/*===== Event ==========================================================*/

/* GDELT's lead-paragraph flag: the first paragraph of the coded text. */
static void col_is_root(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_putc(b, ev->an->seg.sent[ev->e->sent].para == 0 ? '1' : '0');
}

/* The first `n` characters of the CAMEO code (all of it when shorter). */
static void put_cameo_prefix(vigil__buf *b, const vigil__event_view *ev,
			     size_t n)
{
	const char *code = ev->verb.code ? ev->verb.code : "";
	size_t len = strlen(code);

	vigil__tsv_put(b, code, len < n ? len : n);
}

static void col_event_code(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_str(b, ev->verb.code);
}

static void col_event_base(vigil__buf *b, const vigil__event_view *ev)
{
	put_cameo_prefix(b, ev, 3);
}

static void col_event_root(vigil__buf *b, const vigil__event_view *ev)
{
	put_cameo_prefix(b, ev, 2);
}

static void col_quad(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->verb.quad)
		vigil__buf_put_uint(b, (unsigned)ev->verb.quad);
}

static void col_goldstein(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__buf_put_score(b, ev->verb.goldstein);
}

/* NumMentions, NumSources, NumArticles: one document, one mention. */
static void col_one(vigil__buf *b, const vigil__event_view *ev)
{
	(void)ev;
	vigil__buf_putc(b, '1');
}

/* GDELT's DATEADDED (YYYYMMDDHHMMSS): the publication date at midnight. */
static void col_date_added(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->an->date)
		vigil__buf_printf(b, "%u000000", (unsigned)ev->an->date);
}

static void col_source_url(vigil__buf *b, const vigil__event_view *ev)
{
	vigil__tsv_put_str(b, ev->an->doc->url);
}

/*===== Rows ===========================================================*/

/* ActionGeo_*: the event's place (places.c). Type is GDELT's geographic
 * resolution of the coordinates: 1 country, 2 US state, 3 US city, 4
 * world city, 5 world state (admin1); a region placed at its country's
 * point (precision=country) is 1. Codes are ISO (alpha-3, ISO 3166-2),
 * not GDELT's FIPS. */
static void col_geo_type(vigil__buf *b, const vigil__event_view *ev)
{
	const char *t = ev->place.mode ? ev->place.mode : ev->place.type;
	const char *c = ev->place.country;
	int us;

	if (!ev->has_place || !t)
		return;
	us = c && strcmp(c, "USA") == 0;
	if (strcmp(t, "country") == 0)
		vigil__buf_putc(b, '1');
	else if (strcmp(t, "admin1") == 0)
		vigil__buf_putc(b, us ? '2' : '5');
	else if (strcmp(t, "city") == 0)
		vigil__buf_putc(b, us ? '3' : '4');
}

static void col_geo_name(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_str(b, ev->place.phrase);
}

static void col_geo_country(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_str(b, ev->place.country);
}

static void col_geo_adm1(vigil__buf *b, const vigil__event_view *ev)
{
	char buf[32];

	if (ev->has_place)
		vigil__tsv_put_str(b, vigil__place_admin1(ev->place.type,
							  ev->place.code, buf,
							  sizeof(buf)));
}

static void col_geo_lat(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_coord(b, ev->place.lat);
}

static void col_geo_long(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_coord(b, ev->place.lon);
}

static void col_geo_feature(vigil__buf *b, const vigil__event_view *ev)
{
	if (ev->has_place)
		vigil__tsv_put_str(b, ev->place.code);
}

/* GDELT 2.0 event table columns; NULL writes an empty field. */
static const struct column {
	const char *name; /* GDELT's, for the reader of this table */
	column_fn *put;
} columns[] = {
	{"GlobalEventID", col_global_id},
	{"Day", col_day},
	{"MonthYear", col_month_year},
	{"Year", col_year},
	{"FractionDate", col_fraction_date},
	{"Actor1Code", col_actor1_code},
	{"Actor1Name", col_actor1_name},
	{"Actor1CountryCode", col_actor1_country},
	{"Actor1KnownGroupCode", NULL},
	{"Actor1EthnicCode", NULL},
	{"Actor1Religion1Code", NULL},
	{"Actor1Religion2Code", NULL},
	{"Actor1Type1Code", col_actor1_type1},
	{"Actor1Type2Code", NULL},
	{"Actor1Type3Code", NULL},
	{"Actor2Code", col_actor2_code},
	{"Actor2Name", col_actor2_name},
	{"Actor2CountryCode", col_actor2_country},
	{"Actor2KnownGroupCode", NULL},
	{"Actor2EthnicCode", NULL},
	{"Actor2Religion1Code", NULL},
	{"Actor2Religion2Code", NULL},
	{"Actor2Type1Code", col_actor2_type1},
	{"Actor2Type2Code", NULL},
	{"Actor2Type3Code", NULL},
	{"IsRootEvent", col_is_root},
	{"EventCode", col_event_code},
	{"EventBaseCode", col_event_base},
	{"EventRootCode", col_event_root},
	{"QuadClass", col_quad},
	{"GoldsteinScale", col_goldstein},
	{"NumMentions", col_one},
	{"NumSources", col_one},
	{"NumArticles", col_one},
	{"AvgTone", NULL},
	{"Actor1Geo_Type", NULL},
	{"Actor1Geo_FullName", NULL},
	{"Actor1Geo_CountryCode", NULL},
	{"Actor1Geo_ADM1Code", NULL},
	{"Actor1Geo_ADM2Code", NULL},
	{"Actor1Geo_Lat", NULL},
	{"Actor1Geo_Long", NULL},
	{"Actor1Geo_FeatureID", NULL},
	{"Actor2Geo_Type", NULL},
	{"Actor2Geo_FullName", NULL},
	{"Actor2Geo_CountryCode", NULL},
	{"Actor2Geo_ADM1Code", NULL},
	{"Actor2Geo_ADM2Code", NULL},
	{"Actor2Geo_Lat", NULL},
	{"Actor2Geo_Long", NULL},
	{"Actor2Geo_FeatureID", NULL},
	{"ActionGeo_Type", col_geo_type},
	{"ActionGeo_FullName", col_geo_name},
	{"ActionGeo_CountryCode", col_geo_country},
	{"ActionGeo_ADM1Code", col_geo_adm1},
	{"ActionGeo_ADM2Code", NULL},
	{"ActionGeo_Lat", col_geo_lat},
	{"ActionGeo_Long", col_geo_long},
	{"ActionGeo_FeatureID", col_geo_feature},
	{"DATEADDED", col_date_added},
	{"SOURCEURL", col_source_url},
};

_Static_assert(sizeof(columns) / sizeof(columns[0]) == 61,
	       "the GDELT 2.0 event table has 61 columns");

void vigil__write_gdelt(vigil__buf *out, const vigil__analysis *an)
{
	size_t i, c;

	for (i = 0; i < an->nevent; i++) {
		vigil__event_view ev;

		if (an->cl.verbs[an->events[i].verb].aux != VIGIL__AUX_ASSERTED)
			continue;
		vigil__event_view_init(&ev, an, &an->events[i]);
		for (c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
			if (c)
				vigil__buf_putc(out, '\t');
			if (columns[c].put)
				columns[c].put(out, &ev);
		}
		vigil__buf_putc(out, '\n');
	}
}
