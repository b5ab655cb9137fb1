/*
 * query_filter.c: the WHERE clause of a vigil_query, shared by the SQLite
 * and PostgreSQL backends (query_filter.h). Code prefixes become ranges
 * (col >= prefix AND col < prefix-with-its-last-byte-incremented) so the
 * (code, date) indexes serve them; parameters are borrowed from the query.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "query_filter.h"

int vigil__filter_param(vigil__filter *f, const char *v)
{
	f->param[f->nparam] = v;
	return ++f->nparam;
}

void vigil__filter_cond(vigil__filter *f, const char *fmt, const char *v)
{
	char m = f->style->mark;
	int p = vigil__filter_param(f, v);

	vigil__buf_puts(&f->sql, " AND ");
	vigil__buf_printf(&f->sql, fmt, m, p, m, p, m, p, m, p);
}

/* With `codes`, col IN the codes of the range (the codes table lists the
 * actor codes stored), so that the (code, date) indexes seek each code's
 * date range instead of reading every entry of the prefix. */
static void prefix(vigil__filter *f, const char *col, const char *v,
		   int codes)
{
	char *up = f->upper[f->nupper++];
	char m = f->style->mark;
	size_t n = strlen(v);
	int lo, hi;

	if (n == 0 || n >= sizeof(f->upper[0]) ||
	    (unsigned char)v[n - 1] >= f->style->no_range) {
		lo = vigil__filter_param(f, v);
		vigil__buf_printf(&f->sql, f->style->no_range_fmt, col, m, lo);
		return;
	}
	memcpy(up, v, n + 1);
	up[n - 1] = (char)((unsigned char)up[n - 1] + 1);
	lo = vigil__filter_param(f, v);
	hi = vigil__filter_param(f, up);
	if (codes && f->style->codes_table)
		vigil__buf_printf(&f->sql, " AND %s IN (SELECT code FROM codes"
				  " WHERE code >= %c%d AND code < %c%d)", col,
				  m, lo, m, hi);
	else
		vigil__buf_printf(&f->sql, " AND %s >= %c%d AND %s < %c%d", col,
				  m, lo, col, m, hi);
}

void vigil__filter_build(vigil__filter *f, const vigil__filter_style *style,
			 const vigil_query *q)
{
	memset(f, 0, sizeof(*f));
	f->style = style;
	vigil__buf_init(&f->sql, 1 << 16);
	vigil__buf_puts(&f->sql, style->always);
	if (q->actor)
		prefix(f, "e.actor_code", q->actor, 1);
	if (q->recipient)
		prefix(f, "e.recipient_code", q->recipient, 1);
	if (q->said_by)
		prefix(f, "e.said_by_code", q->said_by, 0);
	if (q->cameo)
		prefix(f, "e.cameo", q->cameo, 0);
	if (q->event)
		vigil__filter_cond(f, "e.event = %c%d", q->event);
	if (q->aux_mode)
		vigil__filter_cond(f, "e.aux_mode = %c%d", q->aux_mode);
	if (q->since)
		vigil__filter_cond(f, "e.date >= %c%d", q->since);
	if (q->until)
		vigil__filter_cond(f, "e.date <= %c%d", q->until);
	if (q->place)
		vigil__filter_cond(f, style->place_fmt, q->place);
}

void vigil__filter_free(vigil__filter *f)
{
	vigil__buf_free(&f->sql);
}
