/*
 * dict.c: the public dictionary API (include/vigil/dict.h) and the lexicon
 * accessors of lexicon.h. Opening is: expand the source paths, map the cache
 * when it matches them, else parse, compile, validate and (best effort)
 * rewrite the cache. A vigil_dict is immutable once returned.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_int.h"

struct vigil_dict {
	vigil__lexicon lx;    /* view of `blob` or of `map` */
	vigil__capital *capitals; /* lx.capitals (malloc'd) */
	void *blob;           /* compiled in memory (malloc'd), or NULL */
	vigil__mapped map;    /* mapped cache file, or addr NULL */
	char *cache_path;     /* file used or written; NULL: none */
	int from_cache;
};

static const char *const kind_names[VIGIL_KIND_COUNT_] = {
	"actor", "agent", "verb", "place", "cue", "discard"
};

const char *vigil_kind_name(vigil_entry_kind kind)
{
	return (unsigned)kind < VIGIL_KIND_COUNT_ ? kind_names[kind] : NULL;
}

static void set_err(char *errbuf, size_t errlen, const char *fmt, size_t n)
{
	if (errbuf && errlen)
		snprintf(errbuf, errlen, fmt, n, n == 1 ? "" : "s");
}

/*
 * Expands and parses every source into `s` (errors reported and counted in
 * s->nerrors). Returns VIGIL_OK, VIGIL_EINPUT when a source has an error,
 * or VIGIL_ENOMEM.
 */
static int read_sources(vigil__dict_set *s, const char *const *paths,
			size_t npaths)
{
	vigil__src_list src;
	size_t i;
	int rc;

	rc = vigil__src_expand(&src, paths, npaths, s->diag, s->diag_ctx,
			       &s->nerrors);
	for (i = 0; rc == VIGIL_OK && i < src.n; i++)
		if (vigil__dict_parse_file(s, src.v[i].path) == VIGIL_ENOMEM)
			rc = VIGIL_ENOMEM;
	vigil__src_list_free(&src);
	if (rc == VIGIL_OK && (s->oom || s->nerrors))
		rc = s->oom ? VIGIL_ENOMEM : VIGIL_EINPUT;
	return rc;
}

/* Parses and compiles `paths` into a malloc'd blob; messages in errbuf. */
static int compile_sources(void **blob, size_t *size, const char *const *paths,
			   size_t npaths, vigil_diag_fn diag, void *ctx,
			   char *errbuf, size_t errlen)
{
	vigil__dict_set s;
	int64_t now = vigil__now_ns();
	int rc;

	vigil__dict_set_init(&s, diag, ctx);
	rc = read_sources(&s, paths, npaths);
	if (rc == VIGIL_OK)
		rc = vigil__dict_build(blob, size, &s, now);
	if (rc == VIGIL_EINPUT && s.nerrors)
		set_err(errbuf, errlen, "%zu error%s in dictionary sources",
			s.nerrors);
	else if (rc == VIGIL_EINPUT)
		set_err(errbuf, errlen, "dictionary too large (%zu entr%s)",
			s.nitems);
	else if (rc == VIGIL_ENOMEM && errbuf && errlen)
		snprintf(errbuf, errlen, "out of memory compiling dictionaries");
	vigil__dict_set_free(&s);
	return rc;
}

/*===== Public API ===================================================*/

int vigil_dict_check_counts(const char *const *paths, size_t npaths,
			    vigil_diag_fn diag, void *diag_ctx,
			    size_t *nerrors_out, size_t *nskipped_out)
{
	vigil__dict_set s;
	int rc;

	vigil__dict_set_init(&s, diag, diag_ctx);
	rc = read_sources(&s, paths, npaths);
	if (nerrors_out)
		*nerrors_out = s.nerrors;
	if (nskipped_out)
		*nskipped_out = s.nskipped;
	vigil__dict_set_free(&s);
	return rc;
}

int vigil_dict_check(const char *const *paths, size_t npaths, vigil_diag_fn diag,
		     void *diag_ctx, size_t *nerrors_out)
{
	return vigil_dict_check_counts(paths, npaths, diag, diag_ctx,
				       nerrors_out, NULL);
}

int vigil_dict_compile(const char *const *paths, size_t npaths,
		       const char *out_path, vigil_diag_fn diag, void *diag_ctx,
		       char *errbuf, size_t errlen)
{
	void *blob = NULL;
	size_t size = 0;
	int rc;

	if (errbuf && errlen)
		errbuf[0] = '\0';
	rc = compile_sources(&blob, &size, paths, npaths, diag, diag_ctx, errbuf,
			     errlen);
	if (rc == VIGIL_OK)
		rc = vigil__blob_write(out_path, blob, size, errbuf, errlen);
	free(blob);
	return rc;
}

/* Tries the cache; returns 1 when `d` now maps a fresh one. */
static int open_cached(vigil_dict *d, const char *const *paths, size_t npaths)
{
	vigil__src_list src;
	size_t nerrors = 0;
	int ok = 0;

	if (vigil__src_expand(&src, paths, npaths, NULL, NULL, &nerrors) < 0)
		return 0;
	if (nerrors == 0 &&
	    vigil__cache_load(&d->map, &d->lx, d->cache_path, &src) == 0)
		ok = d->from_cache = 1;
	vigil__src_list_free(&src);
	return ok;
}

static int index_capitals(vigil_dict *d);

int vigil_dict_open(vigil_dict **out, const char *const *paths, size_t npaths,
		    const vigil_dict_options *opts, char *errbuf, size_t errlen)
{
	static const vigil_dict_options defaults = VIGIL_DICT_OPTIONS_INIT;
	const vigil_dict_options *o = opts ? opts : &defaults;
	vigil_dict *d;
	size_t size = 0;
	const char *why = NULL;
	int rc;

	*out = NULL;
	if (errbuf && errlen)
		errbuf[0] = '\0';
	if (o->version != VIGIL_DICT_OPTIONS_VERSION) {
		if (errbuf && errlen)
			snprintf(errbuf, errlen, "bad vigil_dict_options version");
		return VIGIL_EINPUT;
	}
	d = calloc(1, sizeof(*d));
	if (!d)
		return VIGIL_ENOMEM;
	if (!o->no_cache)
		d->cache_path = vigil__cache_path(o->cache_dir, paths, npaths);
	if (d->cache_path && open_cached(d, paths, npaths)) {
		rc = index_capitals(d);
		if (rc != VIGIL_OK) {
			vigil_dict_free(d);
			return rc;
		}
		*out = d;
		return VIGIL_OK;
	}
	rc = compile_sources(&d->blob, &size, paths, npaths, o->diag, o->diag_ctx,
			     errbuf, errlen);
	if (rc == VIGIL_OK && vigil__lexicon_view(&d->lx, d->blob, size, &why) < 0) {
		if (errbuf && errlen)  /* a bug in the compiler, not in the input */
			snprintf(errbuf, errlen, "compiled dictionary invalid: %s", why);
		rc = VIGIL_ERROR;
	}
	if (rc == VIGIL_OK)
		rc = index_capitals(d);
	if (rc != VIGIL_OK) {
		vigil_dict_free(d);
		return rc;
	}
	if (d->cache_path &&
	    vigil__blob_write(d->cache_path, d->blob, size, NULL, 0) != VIGIL_OK) {
		free(d->cache_path);  /* not an error: stay in memory */
		d->cache_path = NULL;
	}
	*out = d;
	return VIGIL_OK;
}

void vigil_dict_get_stats(const vigil_dict *d, vigil_dict_stats *out)
{
	const vigil__blob_header *h = d->lx.hdr;

	memset(out, 0, sizeof(*out));
	out->entries = h->n_entries;
	out->phrases = h->n_phrases;
	out->words = h->n_words;
	out->blob_bytes = (size_t)h->total_size;
	out->from_cache = d->from_cache;
	out->cache_path = d->cache_path;
}

void vigil_dict_free(vigil_dict *d)
{
	if (!d)
		return;
	vigil__cache_unmap(&d->map);
	free(d->blob);
	free(d->capitals);
	free(d->cache_path);
	free(d);
}

/*===== Lexicon accessors ============================================*/

const vigil__lexicon *vigil__dict_lexicon(const vigil_dict *d)
{
	return d ? &d->lx : NULL;
}

size_t vigil__lexicon_entry_count(const vigil__lexicon *lx)
{
	return lx && lx->hdr ? lx->hdr->n_slots : 0;
}

/* The pool string at off, NULL for 0: without a branch, as entries have
 * their optional fields set in no predictable pattern. */
static const char *pool_at(const vigil__lexicon *lx, uint32_t off)
{
	uintptr_t p = (uintptr_t)(lx->pool + off);

	return (const char *)(p & ((uintptr_t)0 - (uintptr_t)(off != 0)));
}

void vigil__lexicon_entry(const vigil__lexicon *lx, uint32_t i,
			  vigil__entry *out)
{
	const vigil__blob_entry *e;
	double goldstein, lat, lon;

	if (!lx || !lx->hdr || i >= lx->hdr->n_slots) {
		*out = (vigil__entry){.goldstein = NAN, .lat = NAN, .lon = NAN};
		return;
	}
	e = &lx->entries[lx->slots[i]];
	memcpy(&goldstein, &e->goldstein, sizeof(double));
	memcpy(&lat, &e->lat, sizeof(double));
	memcpy(&lon, &e->lon, sizeof(double));
	/* one compound literal: fields not named here are zero, with no
	 * memset of the whole record before it is filled */
	*out = (vigil__entry){
		.kind = e->kind,
		.code = pool_at(lx, e->code),
		.phrase = pool_at(lx, e->phrase),
		.file = pool_at(lx, e->file),
		.line = e->line,
		.country = pool_at(lx, e->country),
		.sector = pool_at(lx, e->sector),
		.type = pool_at(lx, e->type),
		.role = pool_at(lx, e->role),
		.context = pool_at(lx, e->context),
		.plover = pool_at(lx, e->plover),
		.mode = pool_at(lx, e->mode),
		.pos = pool_at(lx, e->pos),
		.pattern = pool_at(lx, e->pattern),
		.from = e->from,
		.until = e->until,
		.goldstein = goldstein,
		.quad = e->quad,
		.lat = lat,
		.lon = lon,
	};
}

/* The blob entry of slot i, or NULL when i is out of range. */
static const vigil__blob_entry *entry_at(const vigil__lexicon *lx, uint32_t i)
{
	if (!lx || !lx->hdr || i >= lx->hdr->n_slots)
		return NULL;
	return &lx->entries[lx->slots[i]];
}

/* The prefix of the phrase the gazetteer writes for each country's capital
 * ("the capital of Haiti"); its entry carries the capital's place. */
static const char capital_of[] = "the capital of ";

/* The country of slot i when it is such a capital entry, else NULL. */
static const char *capital_country(const vigil__lexicon *lx, uint32_t i)
{
	const vigil__blob_entry *e = &lx->entries[lx->slots[i]];
	const char *ph;

	if (e->kind != VIGIL_KIND_PLACE || !e->country)
		return NULL;
	ph = pool_at(lx, e->phrase);
	if (!ph || ph[0] != 't' ||
	    strncmp(ph, capital_of, sizeof(capital_of) - 1) != 0)
		return NULL;
	return pool_at(lx, e->country);
}

static int capital_cmp(const void *a, const void *b)
{
	const vigil__capital *x = a, *y = b;
	int c = strcmp(x->country, y->country);

	if (c)
		return c;
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Fills d->lx.capitals: one capital entry per country (the first in slot
 * order), sorted by country: one pass over the slots, then a sort of the
 * few hundred found. */
static int index_capitals(vigil_dict *d)
{
	vigil__lexicon *lx = &d->lx;
	uint32_t i, n = 0, k, cap = 0;
	uint32_t ns = (uint32_t)vigil__lexicon_entry_count(lx);
	const char *c;
	vigil__capital *v;

	for (i = 0; i < ns; i++) {
		if (!(c = capital_country(lx, i)))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 512;
			v = realloc(d->capitals, cap * sizeof(*v));
			if (!v)
				return VIGIL_ENOMEM;
			d->capitals = v;
		}
		d->capitals[n].country = c;
		d->capitals[n++].entry = i;
	}
	if (n == 0)
		return VIGIL_OK;
	qsort(d->capitals, n, sizeof(*d->capitals), capital_cmp);
	for (i = k = 1; i < n; i++)
		if (strcmp(d->capitals[i].country, d->capitals[k - 1].country))
			d->capitals[k++] = d->capitals[i];
	lx->capitals = d->capitals;
	lx->ncapitals = k;
	return VIGIL_OK;
}

int64_t vigil__lexicon_capital(const vigil__lexicon *lx, const char *country)
{
	uint32_t lo = 0, hi, mid;
	int c;

	if (!lx || !country)
		return -1;
	hi = lx->ncapitals;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(lx->capitals[mid].country, country);
		if (c == 0)
			return lx->capitals[mid].entry;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

uint8_t vigil__lexicon_entry_kind(const vigil__lexicon *lx, uint32_t i)
{
	const vigil__blob_entry *e = entry_at(lx, i);

	return e ? e->kind : 0;
}

const char *vigil__lexicon_entry_code(const vigil__lexicon *lx, uint32_t i)
{
	const vigil__blob_entry *e = entry_at(lx, i);

	return e ? pool_at(lx, e->code) : NULL;
}

const char *vigil__lexicon_entry_line_head(const vigil__lexicon *lx,
					   uint32_t i)
{
	const vigil__blob_entry *e = entry_at(lx, i), *p = e;

	if (!e)
		return NULL;
	while (p > lx->entries && p[-1].line == e->line &&
	       p[-1].file == e->file && p[-1].kind == e->kind)
		p--;
	return pool_at(lx, p->phrase);
}

const char *vigil__lexicon_entry_pattern(const vigil__lexicon *lx,
					 uint32_t i)
{
	const vigil__blob_entry *e = entry_at(lx, i);

	return e ? pool_at(lx, e->pattern) : NULL;
}

const char *vigil__lexicon_entry_pos(const vigil__lexicon *lx, uint32_t i)
{
	const vigil__blob_entry *e = entry_at(lx, i);

	return e ? pool_at(lx, e->pos) : NULL;
}

const char *vigil__lexicon_entry_place(const vigil__lexicon *lx, uint32_t i,
				       int *is_country, int *has_pt)
{
	const vigil__blob_entry *e = entry_at(lx, i);
	const char *type;

	*is_country = *has_pt = 0;
	if (!e)
		return NULL;
	type = pool_at(lx, e->type);
	*is_country = type && strcmp(type, "country") == 0;
	*has_pt = !isnan(e->lat) && !isnan(e->lon);
	return pool_at(lx, e->country);
}

const char *vigil__lexicon_entry_phrase(const vigil__lexicon *lx, uint32_t i)
{
	const vigil__blob_entry *e = entry_at(lx, i);

	return e ? pool_at(lx, e->phrase) : NULL;
}

const uint16_t *vigil__lexicon_pattern_keys(const vigil__lexicon *lx)
{
	return lx->keys;
}

uint32_t vigil__lexicon_entry_rank(const vigil__lexicon *lx, uint32_t i)
{
	return lx->slots[i];
}

int vigil__lexicon_has_kind(const vigil__lexicon *lx, int kind)
{
	return lx && lx->hdr && ((lx->hdr->kinds >> kind) & 1u);
}

int vigil__lexicon_entry_kind_on(const vigil__lexicon *lx, uint32_t i,
				 uint32_t date)
{
	const vigil__blob_entry *e = entry_at(lx, i);

	if (!e)
		return 0;
	if (date && ((e->from && date < e->from) ||
		     (e->until && date > e->until)))
		return -1;
	return e->kind;
}
