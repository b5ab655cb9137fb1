/*
 * dict_compile.c: turns a parsed, error-free vigil__dict_set into the
 * compiled blob described in lexicon_int.h: string pool, vocabulary hash,
 * trie edges, per-node entry ranges and the entry table (with actor country
 * and sector defaults filled in). The output depends only on the sources
 * and the engine, never on memory addresses.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_int.h"

/*===== Engine fingerprint ===========================================*/

/* Text whose tokens and folds change when the tokenizer or folding does. */
static const char engine_probe[] =
	"U.S.-led forces' Kim Jong-un's \xc3\x89" "COLE stra\xc3\x9f" "e "
	"Mr. J. R. O'Neill 3rd 11,000 (JCS) Russia/Ukraine d\xc3\xa9" "j\xc3\xa0 vu";

uint64_t vigil__lexicon_engine(void)
{
	vigil__token tok[64];
	char fold[VIGIL__DICT_MAX_WORD + 1];
	XXH3_state_t st;
	size_t n, i, fl;
	uint32_t version = VIGIL__BLOB_VERSION, petr = VIGIL__PETR_VERSION;
	uint64_t inflect = vigil__inflect_fingerprint();

	XXH3_64bits_reset(&st);
	XXH3_64bits_update(&st, &version, sizeof(version));
	XXH3_64bits_update(&st, &petr, sizeof(petr));
	XXH3_64bits_update(&st, &inflect, sizeof(inflect));
	n = vigil__tokenize_phrase(engine_probe, sizeof(engine_probe) - 1, tok, 64);
	if (n > 64)
		n = 64;
	for (i = 0; i < n; i++) {
		uint32_t rec[3] = {tok[i].off, tok[i].len,
				   (uint32_t)tok[i].type << 8 | tok[i].flags};

		XXH3_64bits_update(&st, rec, sizeof(rec));
		fl = vigil__fold(engine_probe + tok[i].off, tok[i].len, fold,
				 sizeof(fold));
		if (fl != (size_t)-1)
			XXH3_64bits_update(&st, fold, fl);
	}
	return XXH3_64bits_digest(&st);
}

/*===== Builder state ================================================*/

typedef struct builder {
	const vigil__dict_set *s;
	int failed;                 /* sticky: an allocation failed */
	int too_big;                /* sticky: 32-bit offsets overflowed */
	/* string pool with dedupe */
	char *pool;
	size_t pool_len, pool_cap;
	uint32_t *pool_index;       /* open addressing: offset, 0 empty */
	size_t pool_index_cap, pool_strings;
	/* vocabulary: parse id -> slot */
	vigil__blob_word *vocab;
	size_t vocab_cap;
	uint32_t *remap;
	/* trie */
	vigil__blob_edge *edges;
	size_t edge_cap, n_edges;
	uint32_t n_nodes;
	uint32_t *node_last;        /* last entry given to each node */
	uint32_t *node_count;       /* entries of each node */
	size_t node_cap;
	uint32_t (*pairs)[2];       /* (node, entry), in entry order */
	size_t n_pairs, pairs_cap;
} builder;

static void *grow_array(builder *b, void *p, size_t *cap, size_t need,
			size_t size)
{
	size_t ncap = *cap ? *cap : 64;
	void *np;

	if (need <= *cap)
		return p;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / size) {
		b->failed = 1;
		return NULL;
	}
	np = realloc(p, ncap * size);
	if (!np) {
		b->failed = 1;
		return NULL;
	}
	*cap = ncap;
	return np;
}

static size_t pow2_at_least(size_t n)
{
	size_t c = 16;

	while (c < n)
		c *= 2;
	return c;
}

/*===== String pool ==================================================*/

static int pool_rehash(builder *b, size_t ncap)
{
	uint32_t *idx = calloc(ncap, sizeof(*idx));
	size_t i;

	if (!idx) {
		b->failed = 1;
		return -1;
	}
	for (i = 0; i < b->pool_index_cap; i++) {
		uint32_t off = b->pool_index[i];
		size_t j;

		if (!off)
			continue;
		j = XXH3_64bits(b->pool + off, strlen(b->pool + off)) & (ncap - 1);
		while (idx[j])
			j = (j + 1) & (ncap - 1);
		idx[j] = off;
	}
	free(b->pool_index);
	b->pool_index = idx;
	b->pool_index_cap = ncap;
	return 0;
}

/*
 * Pool offset of string [p, p+n) (no NUL inside), added once; 0 for NULL.
 * Sets b->failed or b->too_big and returns 0 on failure.
 */
static uint32_t pool_add(builder *b, const char *p, size_t n)
{
	size_t j;
	char *np;

	if (!p || n == 0 || b->failed || b->too_big)
		return 0;
	if ((b->pool_strings + 1) * 2 > b->pool_index_cap &&
	    pool_rehash(b, b->pool_index_cap ? b->pool_index_cap * 2 : 4096) < 0)
		return 0;
	for (j = XXH3_64bits(p, n) & (b->pool_index_cap - 1); b->pool_index[j];
	     j = (j + 1) & (b->pool_index_cap - 1)) {
		const char *q = b->pool + b->pool_index[j];

		if (strncmp(q, p, n) == 0 && q[n] == '\0')
			return b->pool_index[j];
	}
	if (b->pool_len + n + 1 > UINT32_MAX) {
		b->too_big = 1;
		return 0;
	}
	np = grow_array(b, b->pool, &b->pool_cap, b->pool_len + n + 1, 1);
	if (!np)
		return 0;
	b->pool = np;
	memcpy(b->pool + b->pool_len, p, n);
	b->pool[b->pool_len + n] = '\0';
	b->pool_index[j] = (uint32_t)b->pool_len;
	b->pool_len += n + 1;
	b->pool_strings++;
	return b->pool_index[j];
}

static uint32_t pool_str(builder *b, const char *p)
{
	return p ? pool_add(b, p, strlen(p)) : 0;
}

/*===== Vocabulary ===================================================*/

static int build_vocab(builder *b)
{
	const vigil__dict_set *s = b->s;
	size_t i;

	b->vocab_cap = pow2_at_least(s->nwords * 2);
	if (b->vocab_cap > UINT32_MAX / 2) {
		b->too_big = 1;
		return -1;
	}
	b->vocab = calloc(b->vocab_cap, sizeof(*b->vocab));
	b->remap = calloc(s->nwords ? s->nwords : 1, sizeof(*b->remap));
	if (!b->vocab || !b->remap) {
		b->failed = 1;
		return -1;
	}
	for (i = 0; i < s->nwords; i++) {
		const vigil__dict_word *w = &s->words[i];
		size_t j = (size_t)w->hash & (b->vocab_cap - 1);

		while (b->vocab[j].len)  /* parse ids are already distinct */
			j = (j + 1) & (b->vocab_cap - 1);
		b->vocab[j].hash = (uint32_t)(w->hash >> 32);
		b->vocab[j].str = pool_add(b, w->s, w->len);
		b->vocab[j].len = (uint16_t)w->len;
		b->vocab[j].cs = (uint8_t)w->cs;
		memcpy(b->vocab[j].head, w->s,
		       w->len < VIGIL__WORD_HEAD ? w->len : VIGIL__WORD_HEAD);
		b->remap[i] = (uint32_t)j;
	}
	return b->failed || b->too_big ? -1 : 0;
}

/*===== Trie =========================================================*/

static int edges_rehash(builder *b, size_t ncap)
{
	vigil__blob_edge *e = calloc(ncap, sizeof(*e));
	size_t i;

	if (!e) {
		b->failed = 1;
		return -1;
	}
	for (i = 0; i < b->edge_cap; i++) {
		const vigil__blob_edge *o = &b->edges[i];
		size_t j;

		if (!o->child)
			continue;
		j = vigil__edge_hash(o->node, o->word) & (ncap - 1);
		while (e[j].child)
			j = (j + 1) & (ncap - 1);
		e[j] = *o;
	}
	free(b->edges);
	b->edges = e;
	b->edge_cap = ncap;
	return 0;
}

static uint32_t new_node(builder *b)
{
	void *p;

	if (b->n_nodes == UINT32_MAX - 1) {
		b->too_big = 1;
		return 0;
	}
	if (b->n_nodes + 1u > b->node_cap) {
		size_t cap = b->node_cap;

		p = grow_array(b, b->node_last, &cap, b->n_nodes + 1u,
			       sizeof(uint32_t));
		if (!p)
			return 0;
		b->node_last = p;
		p = grow_array(b, b->node_count, &b->node_cap, b->n_nodes + 1u,
			       sizeof(uint32_t));
		if (!p)
			return 0;
		b->node_count = p;
	}
	b->node_last[b->n_nodes] = VIGIL__NONE;
	b->node_count[b->n_nodes] = 0;
	return b->n_nodes++;
}

/* Child of `node` through `word`, made when missing; 0 on failure. */
static uint32_t child_of(builder *b, uint32_t node, uint32_t word)
{
	size_t j;
	uint32_t c;

	if (node == 0) {
		if (!b->vocab[word].root)
			b->vocab[word].root = new_node(b);
		return b->vocab[word].root;
	}
	if ((b->n_edges + 1) * 2 > b->edge_cap &&
	    edges_rehash(b, b->edge_cap ? b->edge_cap * 2 : 1024) < 0)
		return 0;
	for (j = vigil__edge_hash(node, word) & (b->edge_cap - 1);
	     b->edges[j].child; j = (j + 1) & (b->edge_cap - 1))
		if (b->edges[j].node == node && b->edges[j].word == word)
			return b->edges[j].child;
	c = new_node(b);
	if (!c)
		return 0;
	b->edges[j].node = node;
	b->edges[j].word = word;
	b->edges[j].child = c;
	b->n_edges++;
	return c;
}

static int build_trie(builder *b)
{
	const vigil__dict_set *s = b->s;
	size_t e, k, i;

	if (new_node(b) != 0 || edges_rehash(b, 16) < 0)  /* the root */
		return -1;
	for (e = 0; e < s->nitems; e++) {
		const vigil__dict_item *it = &s->items[e];

		for (k = 0; k < it->seq_count; k++) {
			const vigil__dict_seq *q = &s->seqs[it->seq_first + k];
			uint32_t node = 0;

			for (i = 0; i < q->len && node != VIGIL__NONE; i++) {
				node = child_of(b, node,
						b->remap[s->seq_words[q->first + i]]);
				if (!node)
					return -1;
			}
			if (b->node_last[node] == (uint32_t)e)
				continue;  /* two spellings, one sequence */
			b->node_last[node] = (uint32_t)e;
			b->node_count[node]++;
			b->pairs = grow_array(b, b->pairs, &b->pairs_cap,
					      b->n_pairs + 1, sizeof(*b->pairs));
			if (!b->pairs)
				return -1;
			b->pairs[b->n_pairs][0] = node;
			b->pairs[b->n_pairs][1] = (uint32_t)e;
			b->n_pairs++;
		}
	}
	if (b->n_pairs > UINT32_MAX - 1) {
		b->too_big = 1;
		return -1;
	}
	return 0;
}

/*===== Entries ======================================================*/

/* Alpha-3 country codes declared by type=country actors and places. */
typedef struct country_set {
	unsigned char bits[26 * 26 * 26 / 8 + 1];
} country_set;

static int alpha3_index(const char *c)
{
	if (!c || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' ||
	    c[2] < 'A' || c[2] > 'Z')
		return -1;
	return ((c[0] - 'A') * 26 + (c[1] - 'A')) * 26 + (c[2] - 'A');
}

static void collect_countries(const vigil__dict_set *s, country_set *cs)
{
	size_t i;

	memset(cs, 0, sizeof(*cs));
	for (i = 0; i < s->nitems; i++) {
		const vigil__dict_item *it = &s->items[i];
		int k;

		if ((it->kind != VIGIL_KIND_ACTOR && it->kind != VIGIL_KIND_PLACE) ||
		    !it->type || strcmp(it->type, "country") != 0 ||
		    strlen(it->code) != 3)
			continue;
		k = alpha3_index(it->code);
		if (k >= 0)
			cs->bits[k / 8] |= (unsigned char)(1u << (k % 8));
	}
}

static int is_country(const country_set *cs, const char *c)
{
	int k = alpha3_index(c);

	return k >= 0 && (cs->bits[k / 8] >> (k % 8) & 1);
}

/*
 * Actor defaults (data/README.md): country = the first three letters of
 * the code when they are a declared country; sector = the rest of the code
 * after the country (or after "---").
 */
static void actor_defaults(builder *b, const country_set *cs,
			   const vigil__dict_item *it, vigil__blob_entry *e)
{
	const char *code = it->code;
	size_t prefix = 0;

	if (it->country) {
		e->country = pool_str(b, it->country);
		if (strncmp(code, it->country, 3) == 0)
			prefix = 3;
	} else if (is_country(cs, code)) {
		e->country = pool_add(b, code, 3);
		prefix = 3;
	}
	if (!prefix && strncmp(code, "---", 3) == 0)
		prefix = 3;
	if (it->sector)
		e->sector = pool_str(b, it->sector);
	else if (prefix && code[prefix])
		e->sector = pool_str(b, code + prefix);
}

static void fill_entry(builder *b, const country_set *cs,
		       const vigil__dict_item *it, vigil__blob_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->kind = it->kind;
	e->quad = it->quad;
	e->code = pool_str(b, it->code);
	e->phrase = pool_str(b, it->phrase);
	e->file = pool_str(b, b->s->src[it->source].path);
	e->line = it->line;
	e->type = pool_str(b, it->type);
	e->role = pool_str(b, it->role);
	e->context = pool_str(b, it->context);
	e->plover = pool_str(b, it->plover);
	e->mode = pool_str(b, it->mode);
	e->pattern = pool_str(b, it->pattern);
	e->pattern_key = it->pattern ? vigil__pattern_key(it->pattern) : 0;
	e->pos = pool_str(b, it->pos ? it->pos
				     : it->kind == VIGIL_KIND_VERB ? "verb" : NULL);
	e->from = it->from;
	e->until = it->until;
	e->goldstein = it->goldstein;
	e->lat = it->lat;
	e->lon = it->lon;
	if (it->kind == VIGIL_KIND_ACTOR) {
		actor_defaults(b, cs, it, e);
	} else {
		e->country = pool_str(b, it->country);
		e->sector = pool_str(b, it->sector);
	}
}

/*===== Layout =======================================================*/

static uint64_t align8(uint64_t n)
{
	return (n + 7) & ~(uint64_t)7;
}

static void builder_free(builder *b)
{
	free(b->pool);
	free(b->pool_index);
	free(b->vocab);
	free(b->remap);
	free(b->edges);
	free(b->node_last);
	free(b->node_count);
	free(b->pairs);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Orders the entries of one node that have a pattern (they follow those
 * without one) by pattern key, then by entry (source order), so that
 * patterns.c finds those of a key by binary search. Returns 0 or
 * VIGIL_ENOMEM. */
static int sort_patterns(const vigil__blob_entry *entries, uint32_t *slot,
			 uint32_t n)
{
	uint64_t *tmp;
	uint32_t first = 0, i;

	while (first < n && !entries[slot[first]].pattern)
		first++;
	if (n - first < 2)
		return 0;
	tmp = malloc((size_t)(n - first) * sizeof(*tmp));
	if (!tmp)
		return VIGIL_ENOMEM;
	for (i = first; i < n; i++)
		tmp[i - first] = (uint64_t)entries[slot[i]].pattern_key << 32 |
				 slot[i];
	qsort(tmp, n - first, sizeof(*tmp), cmp_u64);
	for (i = first; i < n; i++)
		slot[i] = (uint32_t)tmp[i - first];
	free(tmp);
	return 0;
}

/* Lays out and fills the blob once every section is built. */
static int assemble(builder *b, vigil__blob_entry *entries, int64_t built_ns,
		    void **out, size_t *size_out)
{
	const vigil__dict_set *s = b->s;
	vigil__blob_header h;
	vigil__blob_source *src;
	uint32_t *nodes, *slots;
	uint16_t *keys;
	unsigned char *blob, *flags, *kinds;
	size_t i;
	int pass;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, VIGIL__BLOB_MAGIC, 8);
	h.version = VIGIL__BLOB_VERSION;
	h.endian = VIGIL__BLOB_ENDIAN;
	h.engine = vigil__lexicon_engine();
	h.built_ns = built_ns;
	h.n_sources = (uint32_t)s->nsrc;
	h.n_entries = (uint32_t)s->nitems;
	h.n_slots = (uint32_t)b->n_pairs;
	h.n_nodes = b->n_nodes;
	h.n_words = (uint32_t)s->nwords;
	h.vocab_cap = (uint32_t)b->vocab_cap;
	h.edge_cap = (uint32_t)b->edge_cap;
	h.n_edges = (uint32_t)b->n_edges;
	for (i = 0; i < b->n_nodes; i++)
		h.n_phrases += b->node_count[i] != 0;
	h.sources_off = align8(sizeof(h));
	h.pool_off = align8(h.sources_off + (uint64_t)h.n_sources * sizeof(*src));
	h.pool_size = b->pool_len;
	h.vocab_off = align8(h.pool_off + h.pool_size);
	h.edges_off = align8(h.vocab_off + (uint64_t)h.vocab_cap * sizeof(vigil__blob_word));
	h.nodes_off = align8(h.edges_off + (uint64_t)h.edge_cap * sizeof(vigil__blob_edge));
	h.flags_off = align8(h.nodes_off + ((uint64_t)h.n_nodes + 1) * 4);
	h.kinds_off = align8(h.flags_off + h.n_nodes);
	h.slots_off = align8(h.kinds_off + h.n_nodes);
	h.keys_off = align8(h.slots_off + (uint64_t)h.n_slots * 4);
	h.entries_off = align8(h.keys_off + (uint64_t)h.n_slots * 2);
	h.total_size = h.entries_off + (uint64_t)h.n_entries * sizeof(vigil__blob_entry);
	if (h.total_size > SIZE_MAX)
		return VIGIL_ENOMEM;
	blob = calloc(1, (size_t)h.total_size);
	if (!blob)
		return VIGIL_ENOMEM;

	src = (vigil__blob_source *)(blob + h.sources_off);
	for (i = 0; i < s->nsrc; i++) {
		src[i].path = pool_str(b, s->src[i].path);  /* already pooled */
		src[i].size = s->src[i].size;
		src[i].mtime_ns = s->src[i].mtime_ns;
	}
	memcpy(blob + h.pool_off, b->pool, b->pool_len);
	memcpy(blob + h.vocab_off, b->vocab, b->vocab_cap * sizeof(*b->vocab));
	memcpy(blob + h.edges_off, b->edges, b->edge_cap * sizeof(*b->edges));
	nodes = (uint32_t *)(blob + h.nodes_off);
	slots = (uint32_t *)(blob + h.slots_off);
	for (i = 0; i < b->n_nodes; i++)        /* node i: [nodes[i], nodes[i+1]) */
		nodes[i + 1] = nodes[i] + b->node_count[i];
	flags = blob + h.flags_off;
	for (i = 0; i < b->n_nodes; i++) {
		if (b->node_count[i])
			flags[i] |= VIGIL__NODE_ENTRIES;
		b->node_count[i] = 0;
	}
	for (i = 0; i < b->edge_cap; i++)
		if (b->edges[i].child)
			flags[b->edges[i].node] |= VIGIL__NODE_KIDS;
	for (i = 0; i < b->vocab_cap; i++)
		if (b->vocab[i].root)
			flags[0] |= VIGIL__NODE_KIDS;
	for (pass = 0; pass < 2; pass++)       /* stable: entry order per node, */
		for (i = 0; i < b->n_pairs; i++) {  /* those with a pattern last */
			uint32_t n = b->pairs[i][0], e = b->pairs[i][1];

			if ((entries[e].pattern != 0) != pass)
				continue;
			if (pass)
				flags[n] |= VIGIL__NODE_PATTERNS;
			slots[nodes[n] + b->node_count[n]++] = e;
		}
	for (i = 0; i < b->n_nodes; i++)
		if ((flags[i] & VIGIL__NODE_PATTERNS) &&
		    sort_patterns(entries, slots + nodes[i],
				  nodes[i + 1] - nodes[i]) < 0) {
			free(blob);
			return VIGIL_ENOMEM;
		}
	kinds = blob + h.kinds_off;
	for (i = 0; i < b->n_pairs; i++)
		kinds[b->pairs[i][0]] |= (uint8_t)(1u << entries[b->pairs[i][1]].kind);
	for (i = 0; i < b->n_nodes; i++)
		h.kinds |= kinds[i];
	keys = (uint16_t *)(blob + h.keys_off);
	for (i = 0; i < b->n_pairs; i++)
		keys[i] = entries[slots[i]].pattern_key;
	memcpy(blob + h.entries_off, entries, (size_t)h.n_entries * sizeof(*entries));
	memcpy(blob, &h, sizeof(h));
	h.checksum = XXH3_64bits(blob + sizeof(h), (size_t)h.total_size - sizeof(h));
	memcpy(blob, &h, sizeof(h));
	*out = blob;
	*size_out = (size_t)h.total_size;
	return VIGIL_OK;
}

int vigil__dict_build(void **out, size_t *size_out, const vigil__dict_set *s,
		      int64_t built_ns)
{
	builder b;
	country_set cs;
	vigil__blob_entry *entries = NULL;
	size_t i;
	int rc = VIGIL_ENOMEM;

	*out = NULL;
	*size_out = 0;
	memset(&b, 0, sizeof(b));
	b.s = s;
	if (s->nitems > UINT32_MAX / 2 || s->nsrc > UINT32_MAX / 2) {
		rc = VIGIL_EINPUT;
		goto done;
	}
	b.pool = grow_array(&b, NULL, &b.pool_cap, 4096, 1);
	if (!b.pool)
		goto done;
	b.pool[0] = '\0';  /* offset 0: the empty string, "absent" */
	b.pool_len = 1;
	for (i = 0; i < s->nsrc; i++)
		pool_str(&b, s->src[i].path);
	if (build_vocab(&b) < 0 || build_trie(&b) < 0)
		goto done;
	entries = calloc(s->nitems ? s->nitems : 1, sizeof(*entries));
	if (!entries)
		goto done;
	collect_countries(s, &cs);
	for (i = 0; i < s->nitems; i++)
		fill_entry(&b, &cs, &s->items[i], &entries[i]);
	if (b.failed || b.too_big)
		goto done;
	rc = assemble(&b, entries, built_ns, out, size_out);
done:
	if (rc != VIGIL_OK && b.too_big)
		rc = VIGIL_EINPUT;
	free(entries);
	builder_free(&b);
	return rc;
}
