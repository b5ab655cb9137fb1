/*
 * store.c: the public store API: picks the backend from the location
 * (a file path: SQLite; a postgresql:// URL: PostgreSQL, named in messages
 * without its password), keeps the error message, and runs queries
 * through the output writers of store_format.c.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

void vigil__store_fail(struct vigil_store *s, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(s->errmsg, sizeof(s->errmsg), "%s: ", s->where);

	if (n < 0 || (size_t)n >= sizeof(s->errmsg))
		return;
	va_start(ap, fmt);
	vsnprintf(s->errmsg + n, sizeof(s->errmsg) - (size_t)n, fmt, ap);
	va_end(ap);
}

static int is_url(const char *where)
{
	return strncmp(where, "postgresql://", 13) == 0 ||
	       strncmp(where, "postgres://", 11) == 0;
}

int vigil_store_open(vigil_store **out, const char *where,
		     const vigil_store_options *opts, char *err, size_t errlen)
{
	static const vigil_store_options defaults = VIGIL_STORE_OPTIONS_INIT;
	vigil_store *s;
	int rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != VIGIL_STORE_OPTIONS_VERSION || !where || !*where) {
		snprintf(err, errlen, "%s: bad store options",
			 where ? where : "(null)");
		return VIGIL_EINPUT;
	}
	s = calloc(1, sizeof(*s));
	if (s)
		s->where = is_url(where) ? vigil__pg_redact(where) : strdup(where);
	if (!s || !s->where) {
		free(s);
		snprintf(err, errlen, "out of memory opening a store");
		return VIGIL_ENOMEM;
	}
	s->be = is_url(where) ? &vigil__pg_backend : &vigil__sqlite_backend;
	rc = s->be->open(s, where, opts);
	if (rc != VIGIL_OK) {
		snprintf(err, errlen, "%s", s->errmsg);
		vigil_store_free(s);
		return rc;
	}
	*out = s;
	return VIGIL_OK;
}

void vigil_store_free(vigil_store *s)
{
	if (!s)
		return;
	if (s->impl)
		s->be->close(s);
	free(s->where);
	free(s);
}

const char *vigil_store_errmsg(const vigil_store *s)
{
	return s->errmsg;
}

void vigil_store_fingerprint(const vigil_doc_records *r,
			     vigil_doc_fingerprint *out)
{
	out->valid = vigil__minhash(r, out->minima);
}

int vigil_store_put_fingerprinted(vigil_store *s, const vigil_doc_records *r,
				  const vigil_doc_fingerprint *fp,
				  vigil_store_outcome *outcome)
{
	vigil_store_outcome ignored;

	return s->be->put(s, r, fp, outcome ? outcome : &ignored);
}

int vigil_store_put(vigil_store *s, const vigil_doc_records *r,
		    vigil_store_outcome *outcome)
{
	vigil_doc_fingerprint fp;

	vigil_store_fingerprint(r, &fp);
	return vigil_store_put_fingerprinted(s, r, &fp, outcome);
}

int vigil_store_begin(vigil_store *s)
{
	return s->be->begin(s);
}

int vigil_store_commit(vigil_store *s)
{
	return s->be->commit(s);
}

/* Finishes a read: flushes the output, or reports the write error. */
static int finish(vigil_store *s, vigil__out *o, int rc)
{
	if (rc == VIGIL_OK && vigil__out_flush(o) < 0)
		rc = VIGIL_EIO;
	if (o->failed || o->buf.failed) {
		snprintf(s->errmsg, sizeof(s->errmsg), "%s",
			 o->buf.failed ? "out of memory formatting records"
				       : "writing the output failed");
		rc = o->buf.failed ? VIGIL_ENOMEM : VIGIL_EIO;
	}
	vigil__out_free(o);
	return rc;
}

int vigil_store_query(vigil_store *s, const vigil_query *q,
		      vigil_store_format format, vigil_write_fn write,
		      void *ctx)
{
	vigil__out o;

	if (format == VIGIL_STORE_TEXT || format > VIGIL_STORE_TEXT) {
		snprintf(s->errmsg, sizeof(s->errmsg),
			 "events are written as jsonl, csv or gdelt");
		return VIGIL_EINPUT;
	}
	vigil__out_init(&o, format, write, ctx);
	vigil__out_event_header(&o);
	s->row_counts = format == VIGIL_STORE_GDELT;
	return finish(s, &o, s->be->events(s, q, vigil__out_event, &o));
}

int vigil_store_clusters(vigil_store *s, const vigil_query *q,
			 vigil_write_fn write, void *ctx)
{
	vigil__out o;

	vigil__out_init(&o, VIGIL_STORE_JSONL, write, ctx);
	return finish(s, &o, s->be->clusters(s, q, vigil__out_cluster, &o));
}

int vigil_store_figures(vigil_store *s, const char *subject,
			const char *category, vigil_store_format format,
			vigil_write_fn write, void *ctx)
{
	vigil__out o;
	vigil__ledger *l = NULL;
	int rc;

	if (format != VIGIL_STORE_TEXT && format != VIGIL_STORE_JSONL) {
		snprintf(s->errmsg, sizeof(s->errmsg),
			 "the figures ledger is written as text or jsonl");
		return VIGIL_EINPUT;
	}
	vigil__out_init(&o, format, write, ctx);
	rc = vigil__ledger_new(&l, &o);
	if (rc == VIGIL_OK)
		rc = s->be->figures(s, subject, category, vigil__ledger_row, l);
	if (rc == VIGIL_OK)
		rc = vigil__ledger_end(l);
	vigil__ledger_free(l);
	return finish(s, &o, rc);
}

int vigil_store_stats_get(vigil_store *s, vigil_store_stats *out)
{
	memset(out, 0, sizeof(*out));
	return s->be->stats(s, out);
}
