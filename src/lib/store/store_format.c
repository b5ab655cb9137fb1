/*
 * store_format.c: writes what the store reads back: events as the JSON
 * Lines records `vigil code` writes (plus "cluster"), as CSV (RFC 4180) or
 * as GDELT 2.0 rows (the columns of docs/formats.md, with the cluster's
 * NumMentions, NumSources and NumArticles); cluster records; and the
 * figures ledger as a text table or JSON Lines. Output is buffered and
 * handed to the caller's write function in pieces of about 64 KiB.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "store_int.h"

#define FLUSH_AT ((size_t)64 << 10)

void vigil__out_init(vigil__out *o, vigil_store_format format,
		     vigil_write_fn write, void *ctx)
{
	memset(o, 0, sizeof(*o));
	vigil__buf_init(&o->buf, (size_t)256 << 20);
	o->write = write;
	o->ctx = ctx;
	o->format = format;
}

int vigil__out_flush(vigil__out *o)
{
	if (o->buf.failed || o->failed)
		return -1;
	if (o->buf.len && o->write(o->ctx, o->buf.data, o->buf.len) != 0)
		o->failed = 1;
	vigil__buf_clear(&o->buf);
	return o->failed ? -1 : 0;
}

void vigil__out_free(vigil__out *o)
{
	vigil__buf_free(&o->buf);
}

static int maybe_flush(vigil__out *o)
{
	return o->buf.len >= FLUSH_AT ? vigil__out_flush(o) : (o->buf.failed ? -1 : 0);
}

/*===== JSON values ====================================================*/

static void key(vigil__buf *b, const char *k)
{
	vigil__buf_putc(b, ',');
	vigil__buf_putc(b, '"');
	vigil__buf_puts(b, k);
	vigil__buf_puts(b, "\":");
}

static void str(vigil__buf *b, const char *k, const char *v)
{
	key(b, k);
	vigil__buf_json_str(b, v, v ? strlen(v) : 0);
}

/* As jsonl.c: an integer when integral (below 2^53), else %.15g; NaN null. */
static void num_value(vigil__buf *b, double v)
{
	if (isnan(v))
		vigil__buf_puts(b, "null");
	else if (v >= 0 && v < 9007199254740992.0 && v == floor(v))
		vigil__buf_put_uint(b, (uint64_t)v);
	else
		vigil__buf_printf(b, "%.15g", v);
}

static void num(vigil__buf *b, const char *k, double v)
{
	key(b, k);
	num_value(b, v);
}

static void int_field(vigil__buf *b, const char *k, int64_t v)
{
	key(b, k);
	vigil__buf_printf(b, "%lld", (long long)v);
}

/* Member k: null when v is NULL (returns 0), else an object opened with its
 * first member `first`: v (returns 1; the caller closes it). */
static int open_object(vigil__buf *b, const char *k, const char *first,
		       const char *v)
{
	key(b, k);
	if (!v) {
		vigil__buf_puts(b, "null");
		return 0;
	}
	vigil__buf_puts(b, "{\"");
	vigil__buf_puts(b, first);
	vigil__buf_puts(b, "\":");
	vigil__buf_json_str(b, v, strlen(v));
	return 1;
}

static void actor(vigil__buf *b, const char *k, const vigil_actor_rec *a,
		  int with_kind)
{
	if (!open_object(b, k, "code", a->code))
		return;
	if (with_kind) {
		str(b, "country", a->country);
		str(b, "sector", a->sector);
	}
	str(b, "text", a->text);
	vigil__buf_putc(b, '}');
}

static void place(vigil__buf *b, const vigil_place_rec *p)
{
	if (!open_object(b, "event_loc", "name", p->name))
		return;
	str(b, "country", p->country);
	str(b, "admin1", p->admin1);
	num(b, "lat", p->lat);
	num(b, "lon", p->lon);
	str(b, "precision", p->precision);
	vigil__buf_putc(b, '}');
}

static void span(vigil__buf *b, vigil_span s)
{
	key(b, "span");
	vigil__buf_printf(b, "[%u,%u]", (unsigned)s.begin, (unsigned)s.end);
}

/*===== Events: JSON Lines =============================================*/

static void event_jsonl(vigil__buf *b, const vigil__event_row *r)
{
	const vigil_event_rec *e = &r->ev;

	vigil__buf_puts(b, "{\"type\":\"event\"");
	str(b, "id", e->id);
	str(b, "doc", r->doc);
	int_field(b, "sentence", e->sentence);
	str(b, "date", e->date);
	str(b, "date_precision", e->date_precision);
	actor(b, "actor", &e->actor, 1);
	actor(b, "recipient", &e->recipient, 1);
	str(b, "event", e->event);
	str(b, "mode", e->mode);
	str(b, "aux_mode", e->aux_mode);
	str(b, "hedge", e->hedge);
	key(b, "quad_code");
	if (e->quad_code)
		vigil__buf_printf(b, "%d", e->quad_code);
	else
		vigil__buf_puts(b, "null");
	str(b, "cameo", e->cameo);
	key(b, "goldstein");
	if (isnan(e->goldstein))
		vigil__buf_puts(b, "null");
	vigil__buf_put_score(b, e->goldstein);
	actor(b, "said_by", &e->said_by, 0);
	place(b, &e->place);
	str(b, "trigger", e->trigger);
	span(b, e->span);
	str(b, "text", r->text);
	str(b, "cluster", r->cluster);
	vigil__buf_puts(b, "}\n");
}

/*===== Events: CSV ====================================================*/

static const char csv_header[] =
	"id,doc,sentence,date,date_precision,actor_code,actor_country,"
	"actor_sector,actor_text,recipient_code,recipient_country,"
	"recipient_sector,recipient_text,event,mode,aux_mode,hedge,quad_code,"
	"cameo,goldstein,said_by_code,said_by_text,place,place_country,"
	"place_admin1,lat,lon,trigger,span_begin,span_end,cluster,text\r\n";

/* A field, quoted when it holds a comma, quote or line break. */
static void csv(vigil__buf *b, const char *v, int last)
{
	if (v && strpbrk(v, ",\"\r\n")) {
		vigil__buf_putc(b, '"');
		for (; *v; v++) {
			if (*v == '"')
				vigil__buf_putc(b, '"');
			vigil__buf_putc(b, *v);
		}
		vigil__buf_putc(b, '"');
	} else if (v) {
		vigil__buf_puts(b, v);
	}
	vigil__buf_puts(b, last ? "\r\n" : ",");
}

static void csv_num(vigil__buf *b, double v)
{
	if (!isnan(v))
		num_value(b, v);
	vigil__buf_putc(b, ',');
}

static void csv_actor(vigil__buf *b, const vigil_actor_rec *a)
{
	csv(b, a->code, 0);
	csv(b, a->country, 0);
	csv(b, a->sector, 0);
	csv(b, a->text, 0);
}

static void event_csv(vigil__buf *b, const vigil__event_row *r)
{
	const vigil_event_rec *e = &r->ev;

	csv(b, e->id, 0);
	csv(b, r->doc, 0);
	vigil__buf_printf(b, "%u,", (unsigned)e->sentence);
	csv(b, e->date, 0);
	csv(b, e->date_precision, 0);
	csv_actor(b, &e->actor);
	csv_actor(b, &e->recipient);
	csv(b, e->event, 0);
	csv(b, e->mode, 0);
	csv(b, e->aux_mode, 0);
	csv(b, e->hedge, 0);
	if (e->quad_code)
		vigil__buf_printf(b, "%d", e->quad_code);
	vigil__buf_putc(b, ',');
	csv(b, e->cameo, 0);
	vigil__buf_put_score(b, e->goldstein);
	vigil__buf_putc(b, ',');
	csv(b, e->said_by.code, 0);
	csv(b, e->said_by.text, 0);
	csv(b, e->place.name, 0);
	csv(b, e->place.country, 0);
	csv(b, e->place.admin1, 0);
	csv_num(b, e->place.lat);
	csv_num(b, e->place.lon);
	csv(b, e->trigger, 0);
	vigil__buf_printf(b, "%u,%u,", (unsigned)e->span.begin,
			  (unsigned)e->span.end);
	csv(b, r->cluster, 0);
	csv(b, r->text, 1);
}

/*===== Events: GDELT 2.0 ==============================================*/

/* A field with tabs and line breaks as spaces; NULL is empty. */
static void tsv(vigil__buf *b, const char *v)
{
	for (; v && *v; v++)
		vigil__buf_putc(b, (unsigned char)*v < 0x20 ? ' ' : *v);
}

static unsigned pub_ymd(const vigil__event_row *r)
{
	unsigned y, m, d;

	if (!r->pub_date || sscanf(r->pub_date, "%4u-%2u-%2u", &y, &m, &d) != 3)
		return 0;
	return y * 10000 + m * 100 + d;
}

static void gdelt_actor(vigil__buf *b, const vigil_actor_rec *a)
{
	/* Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2,
	 * Type1, Type2, Type3 */
	tsv(b, a->code);
	vigil__buf_putc(b, '\t');
	tsv(b, a->code ? a->text : NULL);
	vigil__buf_putc(b, '\t');
	tsv(b, a->country);
	vigil__buf_puts(b, "\t\t\t\t\t");
	tsv(b, a->sector);
	vigil__buf_puts(b, "\t\t\t");
}

/* ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5
 * world state (admin1), as gdelt.c. */
static int geo_type(const vigil_place_rec *p)
{
	int us = p->country && strcmp(p->country, "USA") == 0;

	if (!p->name || !p->precision)
		return 0;
	if (strcmp(p->precision, "country") == 0)
		return 1;
	if (strcmp(p->precision, "admin1") == 0)
		return us ? 2 : 5;
	if (strcmp(p->precision, "city") == 0)
		return us ? 3 : 4;
	return 0;
}

static void coord(vigil__buf *b, double v)
{
	if (!isnan(v))
		vigil__buf_printf(b, "%.15g", v);
}

static void event_gdelt(vigil__buf *b, const vigil__event_row *r)
{
	const vigil_event_rec *e = &r->ev;
	const vigil_place_rec *p = &e->place;
	unsigned d = pub_ymd(r);
	size_t cl = e->cameo ? strlen(e->cameo) : 0;
	int gt = geo_type(p);

	if (!e->aux_mode || strcmp(e->aux_mode, "asserted") != 0)
		return;
	vigil__buf_printf(b, "%llu\t",
			  (unsigned long long)(XXH64(e->id, strlen(e->id), 0) &
					       (uint64_t)INT64_MAX));
	if (d)
		vigil__buf_printf(b, "%u\t%u\t%u\t%.4f\t", d, d / 100, d / 10000,
				  d / 10000 + (d / 100 % 100 * 30 + d % 100) / 365.0);
	else
		vigil__buf_puts(b, "\t\t\t\t");
	gdelt_actor(b, &e->actor);
	gdelt_actor(b, &e->recipient);
	vigil__buf_printf(b, "%d\t", r->para == 0);
	tsv(b, e->cameo);
	vigil__buf_putc(b, '\t');
	vigil__buf_append(b, e->cameo ? e->cameo : "", cl < 3 ? cl : 3);
	vigil__buf_putc(b, '\t');
	vigil__buf_append(b, e->cameo ? e->cameo : "", cl < 2 ? cl : 2);
	vigil__buf_putc(b, '\t');
	if (e->quad_code)
		vigil__buf_printf(b, "%d", e->quad_code);
	vigil__buf_putc(b, '\t');
	vigil__buf_put_score(b, e->goldstein);
	vigil__buf_printf(b, "\t%lld\t%lld\t%lld\t\t", (long long)r->mentions,
			  (long long)r->sources, (long long)r->documents);
	vigil__buf_puts(b, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"); /* actor geos */
	if (gt)
		vigil__buf_printf(b, "%d", gt);
	vigil__buf_putc(b, '\t');
	tsv(b, p->name);
	vigil__buf_putc(b, '\t');
	tsv(b, p->country);
	vigil__buf_putc(b, '\t');
	tsv(b, p->admin1);
	vigil__buf_puts(b, "\t\t");
	if (p->name)
		coord(b, p->lat);
	vigil__buf_putc(b, '\t');
	if (p->name)
		coord(b, p->lon);
	vigil__buf_putc(b, '\t');
	tsv(b, p->name ? p->code : NULL);
	vigil__buf_putc(b, '\t');
	if (d)
		vigil__buf_printf(b, "%u000000", d);
	vigil__buf_putc(b, '\t');
	tsv(b, r->url);
	vigil__buf_putc(b, '\n');
}

void vigil__out_event_header(vigil__out *o)
{
	if (o->format == VIGIL_STORE_CSV)
		vigil__buf_puts(&o->buf, csv_header);
}

int vigil__out_event(void *ctx, const vigil__event_row *r)
{
	vigil__out *o = ctx;

	switch (o->format) {
	case VIGIL_STORE_CSV:
		event_csv(&o->buf, r);
		break;
	case VIGIL_STORE_GDELT:
		event_gdelt(&o->buf, r);
		break;
	default:
		event_jsonl(&o->buf, r);
		break;
	}
	return maybe_flush(o);
}

/*===== Clusters =======================================================*/

static void code_only(vigil__buf *b, const char *k, const char *code)
{
	if (open_object(b, k, "code", code))
		vigil__buf_putc(b, '}');
}

int vigil__out_cluster(void *ctx, const vigil__cluster_row *r)
{
	vigil__out *o = ctx;
	vigil__buf *b = &o->buf;
	const char *p = r->events ? r->events : "";

	vigil__buf_puts(b, "{\"type\":\"cluster\"");
	str(b, "cluster", r->cluster);
	str(b, "event", r->event);
	str(b, "cameo", r->cameo);
	code_only(b, "actor", r->actor);
	code_only(b, "recipient", r->recipient);
	str(b, "date", r->date);
	str(b, "date_precision", r->date_precision);
	place(b, &r->place);
	int_field(b, "mentions", r->mentions);
	int_field(b, "documents", r->documents);
	int_field(b, "sources", r->sources);
	key(b, "events");
	vigil__buf_putc(b, '[');
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		if (p != r->events)
			vigil__buf_putc(b, ',');
		vigil__buf_json_str(b, p, n);
		p += n + (comma ? 1 : 0);
	}
	vigil__buf_puts(b, "]}\n");
	return maybe_flush(o);
}

/*===== The figures ledger =============================================*/

struct vigil__ledger {
	vigil__out *o;
	vigil__buf claims;      /* the group's claims, written at its end */
	char subject[64];       /* the group: "" for no subject */
	char category[32];
	int open;               /* a group has claims */
	size_t n;
	double low, high;       /* range of the estimates; NaN: none */
	char latest[128];       /* the last dated claim, for the text table */
};

int vigil__ledger_new(vigil__ledger **out, vigil__out *o)
{
	vigil__ledger *l = calloc(1, sizeof(*l));

	*out = l;
	if (!l)
		return VIGIL_ENOMEM;
	l->o = o;
	vigil__buf_init(&l->claims, (size_t)64 << 20);
	return VIGIL_OK;
}

void vigil__ledger_free(vigil__ledger *l)
{
	if (!l)
		return;
	vigil__buf_free(&l->claims);
	free(l);
}

/* A quantity for people: "11000", "1000-1500"; "?" when vague. */
static void amount(vigil__buf *b, const vigil_figure_rec *f)
{
	if (!isnan(f->value))
		vigil__buf_printf(b, "%.15g", f->value);
	else if (!isnan(f->low) && !isnan(f->high))
		vigil__buf_printf(b, "%.15g-%.15g", f->low, f->high);
	else if (!isnan(f->low))
		vigil__buf_printf(b, "%.15g+", f->low);
	else
		vigil__buf_putc(b, '?');
}

static void widen(vigil__ledger *l, double v)
{
	if (isnan(v))
		return;
	if (isnan(l->low) || v < l->low)
		l->low = v;
	if (isnan(l->high) || v > l->high)
		l->high = v;
}

static void claim_text(vigil__ledger *l, const vigil__figure_row *r)
{
	const vigil_figure_rec *f = &r->f;
	vigil__buf *b = &l->claims;
	vigil__buf a;

	vigil__buf_init(&a, 256);
	amount(&a, f);
	vigil__buf_printf(b, "  %-10s  %-13s %10s  %-10s  %-8s  %s%s%s\n",
			  f->date ? f->date : "undated",
			  f->qualifier ? f->qualifier : "",
			  a.data ? a.data : "?", f->unit ? f->unit : "",
			  f->said_by.code ? f->said_by.code : "-", f->id,
			  r->source ? "  " : "", r->source ? r->source : "");
	vigil__buf_free(&a);
}

static void claim_json(vigil__ledger *l, const vigil__figure_row *r)
{
	const vigil_figure_rec *f = &r->f;
	vigil__buf *b = &l->claims;

	if (l->n > 1)
		vigil__buf_putc(b, ',');
	vigil__buf_puts(b, "{\"figure\":");
	vigil__buf_json_str(b, f->id, strlen(f->id));
	str(b, "doc", r->doc);
	str(b, "source", r->source);
	str(b, "date", f->date);
	num(b, "value", f->value);
	num(b, "low", f->low);
	num(b, "high", f->high);
	str(b, "qualifier", f->qualifier);
	str(b, "unit", f->unit);
	actor(b, "said_by", &f->said_by, 0);
	place(b, &f->place);
	vigil__buf_putc(b, '}');
}

/* Writes the open group: its header with the range, then its claims. */
static int close_group(vigil__ledger *l)
{
	vigil__buf *b = &l->o->buf;
	int json = l->o->format == VIGIL_STORE_JSONL;

	if (!l->open)
		return VIGIL_OK;
	if (json) {
		vigil__buf_puts(b, "{\"type\":\"ledger\"");
		str(b, "subject", l->subject[0] ? l->subject : NULL);
		str(b, "category", l->category);
		int_field(b, "count", (int64_t)l->n);
		num(b, "low", l->low);
		num(b, "high", l->high);
		key(b, "claims");
		vigil__buf_putc(b, '[');
		vigil__buf_append(b, l->claims.data, l->claims.len);
		vigil__buf_puts(b, "]}\n");
	} else {
		vigil__buf_printf(b, "%s %s: %zu claim%s", 
				  l->subject[0] ? l->subject : "(no subject)",
				  l->category, l->n, l->n == 1 ? "" : "s");
		if (!isnan(l->low) && l->low != l->high)
			vigil__buf_printf(b, "; estimates %.15g to %.15g",
					  l->low, l->high);
		else if (!isnan(l->low))
			vigil__buf_printf(b, "; estimate %.15g", l->low);
		vigil__buf_printf(b, "%s%s\n", l->latest[0] ? "; latest " : "",
				  l->latest);
		vigil__buf_append(b, l->claims.data, l->claims.len);
		vigil__buf_putc(b, '\n');
	}
	vigil__buf_clear(&l->claims);
	l->open = 0;
	return maybe_flush(l->o) < 0 ? VIGIL_EIO : VIGIL_OK;
}

int vigil__ledger_row(void *ctx, const vigil__figure_row *r)
{
	vigil__ledger *l = ctx;
	const vigil_figure_rec *f = &r->f;
	const char *subj = f->subject.code ? f->subject.code : "";
	const char *cat = f->category ? f->category : "other";

	if (l->open && (strcmp(subj, l->subject) != 0 ||
			strcmp(cat, l->category) != 0)) {
		if (close_group(l) != VIGIL_OK)
			return -1;
	}
	if (!l->open) {
		snprintf(l->subject, sizeof(l->subject), "%s", subj);
		snprintf(l->category, sizeof(l->category), "%s", cat);
		l->open = 1;
		l->n = 0;
		l->low = l->high = NAN;
		l->latest[0] = '\0';
	}
	l->n++;
	widen(l, f->value);
	widen(l, f->low);
	widen(l, f->high);
	if (f->date) {
		vigil__buf a;

		vigil__buf_init(&a, 256);
		amount(&a, f);
		snprintf(l->latest, sizeof(l->latest), "%s %s (%s)",
			 a.data ? a.data : "?", f->date,
			 f->said_by.code ? f->said_by.code : "no claimant");
		vigil__buf_free(&a);
	}
	if (l->o->format == VIGIL_STORE_JSONL)
		claim_json(l, r);
	else
		claim_text(l, r);
	return l->claims.failed ? -1 : 0;
}

int vigil__ledger_end(vigil__ledger *l)
{
	return close_group(l);
}
