/*
 * dict_pattern.c: verb patterns and synonym sets of the .vd format
 * (data/README.md, "Verb patterns"). A pattern such as `$,*,aid_to,+` is
 * checked, its words folded like document tokens, and every `&synset` it
 * names replaced by each member in turn: the set keeps one folded pattern
 * per expansion, which src/lib/code/patterns.c applies around the verb.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "dict_pattern.h"

#define MAX_ITEMS 32u  /* items of one pattern */

static int is_marker(char c)
{
	return c == '*' || c == '$' || c == '+' || c == '^' || c == '%';
}

static int is_sep(char c)
{
	return c == ',' || c == '_';
}

/* Appends [p, p+n) to buf (cap bytes, *len used); -1 when it does not fit. */
static int put(char *buf, size_t cap, size_t *len, const char *p, size_t n)
{
	if (*len + n + 1 > cap)
		return -1;
	memcpy(buf + *len, p, n);
	*len += n;
	buf[*len] = '\0';
	return 0;
}

int vigil__pattern_fold(vigil__dict_set *s, const char *p, size_t n,
			char *out, size_t cap)
{
	vigil__token tok[64];
	char fold[VIGIL__DICT_MAX_WORD + 1];
	size_t ntok, i, len = 0, fl;

	(void)s;
	ntok = vigil__tokenize_phrase(p, n, tok, 64);
	if (ntok > 64)
		return -1;
	out[0] = '\0';
	for (i = 0; i < ntok; i++) {
		if (tok[i].flags & VIGIL_TF_INNER)
			continue;
		fl = vigil__fold(p + tok[i].off, tok[i].len, fold,
				 sizeof(fold) - 1);
		if (fl == (size_t)-1 || fl == 0)
			return -1;
		if ((len && put(out, cap, &len, "_", 1) < 0) ||
		    put(out, cap, &len, fold, fl) < 0)
			return -1;
	}
	return len ? (int)len : -1;
}

static vigil__synset *find_synset(vigil__dict_set *s, const char *name,
				  size_t n)
{
	size_t i;

	for (i = 0; i < s->nsynsets; i++)
		if (strlen(s->synsets[i].name) == n &&
		    strncmp(s->synsets[i].name, name, n) == 0)
			return &s->synsets[i];
	return NULL;
}

/* Lower-cases ASCII in place. */
static void lower(char *p)
{
	for (; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

int vigil__synset_add(vigil__dict_set *s, const char *file,
		      unsigned long line, const char *name, const char *p,
		      size_t n)
{
	char folded[VIGIL__DICT_MAX_LINE + 1], key[VIGIL__DICT_MAX_LINE + 1];
	vigil__synset *set;
	size_t kn = strlen(name + 1);

	memcpy(key, name + 1, kn + 1);
	lower(key);
	if (vigil__pattern_fold(s, p, n, folded, sizeof(folded)) < 0) {
		vigil__dict_error(s, file, line, "bad synset member '%.*s'",
				  (int)n, p);
		return -1;
	}
	set = find_synset(s, key, kn);
	if (!set) {
		if (s->nsynsets == s->synsets_cap &&
		    vigil__arena_grow(&s->arena, (void **)&s->synsets,
				      &s->synsets_cap, s->nsynsets + 1,
				      sizeof(*s->synsets)) < 0)
			goto oom;
		set = &s->synsets[s->nsynsets++];
		memset(set, 0, sizeof(*set));
		set->name = vigil__arena_strndup(&s->arena, key, kn);
		if (!set->name)
			goto oom;
	}
	if (set->n == set->cap &&
	    vigil__arena_grow(&s->arena, (void **)&set->members, &set->cap,
			      set->n + 1, sizeof(*set->members)) < 0)
		goto oom;
	set->members[set->n] = vigil__arena_strndup(&s->arena, folded,
						    strlen(folded));
	if (!set->members[set->n])
		goto oom;
	set->n++;
	return 0;
oom:
	s->oom = 1;
	return -1;
}

/* One item of a pattern: a marker, a folded word run, or a synset. */
typedef struct item {
	char sep;                  /* separator before it: ',' '_' or 0 */
	const char *text;          /* marker or folded words (arena) */
	const vigil__synset *set;  /* or a synset */
} item;

/* Splits and checks `pat`; returns the item count or -1 (reported). */
static int split_items(vigil__dict_set *s, const char *file,
		       unsigned long line, const char *pat, item *it)
{
	char folded[VIGIL__DICT_MAX_LINE + 1];
	const char *p = pat;
	int n = 0, stars = 0;
	char sep = 0;

	while (*p) {
		size_t len = 0;

		while (p[len] && !is_sep(p[len]))
			len++;
		if (len == 0 || n == (int)MAX_ITEMS) {
			vigil__dict_error(s, file, line, len ?
					  "bad pattern '%s' (more than 32 items)" :
					  "bad pattern '%s' (empty item)", pat);
			return -1;
		}
		it[n].sep = sep;
		it[n].set = NULL;
		if (len == 1 && is_marker(*p)) {
			it[n].text = *p == '*' ? "*" : *p == '$' ? "$" :
				     *p == '+' ? "+" : *p == '^' ? "^" : "%";
			stars += *p == '*';
		} else if (*p == '&') {
			char key[VIGIL__DICT_MAX_LINE + 1];

			memcpy(key, p + 1, len - 1);
			key[len - 1] = '\0';
			lower(key);
			it[n].set = find_synset(s, key, len - 1);
			if (!it[n].set) {
				vigil__dict_error(s, file, line,
						  "unknown synset '%.*s' (define it in "
						  "[synsets] first)", (int)len, p);
				return -1;
			}
		} else {
			if (memchr(p, '&', len) || vigil__pattern_fold(s, p, len,
					folded, sizeof(folded)) < 0) {
				vigil__dict_error(s, file, line,
						  "bad pattern word '%.*s'",
						  (int)len, p);
				return -1;
			}
			it[n].text = vigil__arena_strndup(&s->arena, folded,
							  strlen(folded));
			if (!it[n].text) {
				s->oom = 1;
				return -1;
			}
		}
		n++;
		p += len;
		if (*p) {
			sep = *p++;
			if (!*p) {
				vigil__dict_error(s, file, line,
						  "bad pattern '%s' (empty item)", pat);
				return -1;
			}
		}
	}
	if (stars != 1) {
		vigil__dict_error(s, file, line,
				  "bad pattern '%s' (needs exactly one * for the verb)",
				  pat);
		return -1;
	}
	return n;
}

int vigil__pattern_expand(vigil__dict_set *s, const char *file,
			  unsigned long line, const char *pat,
			  const char ***out, size_t *nout)
{
	item it[MAX_ITEMS];
	size_t pick[MAX_ITEMS] = {0}, variants = 1, k, i, len;
	char buf[VIGIL__DICT_MAX_LINE * 4];
	const char **v;
	int n = split_items(s, file, line, pat, it);

	if (n < 0)
		return -1;
	for (i = 0; i < (size_t)n; i++)
		if (it[i].set) {
			variants *= it[i].set->n;
			if (variants > VIGIL__DICT_MAX_VARIANTS)
				variants = VIGIL__DICT_MAX_VARIANTS + 1;
		}
	if (variants > VIGIL__DICT_MAX_VARIANTS) {
		vigil__dict_error(s, file, line,
				  "pattern expands to more than %u variants",
				  VIGIL__DICT_MAX_VARIANTS);
		return -1;
	}
	v = vigil__arena_alloc(&s->arena, variants * sizeof(*v));
	if (!v) {
		s->oom = 1;
		return -1;
	}
	for (k = 0; k < variants; k++) {
		len = 0;
		buf[0] = '\0';
		for (i = 0; i < (size_t)n; i++) {
			const char *t = it[i].set ? it[i].set->members[pick[i]] :
				       it[i].text;

			if ((it[i].sep && put(buf, sizeof(buf), &len, &it[i].sep,
					      1) < 0) ||
			    put(buf, sizeof(buf), &len, t, strlen(t)) < 0) {
				vigil__dict_error(s, file, line,
						  "pattern longer than %zu bytes",
						  sizeof(buf) - 1);
				return -1;
			}
		}
		v[k] = vigil__arena_strndup(&s->arena, buf, len);
		if (!v[k]) {
			s->oom = 1;
			return -1;
		}
		for (i = (size_t)n; i-- > 0;) {
			if (!it[i].set)
				continue;
			if (++pick[i] < it[i].set->n)
				break;
			pick[i] = 0;
		}
	}
	*out = v;
	*nout = variants;
	return 0;
}

uint16_t vigil__pattern_word_key(const char *w, size_t n)
{
	uint32_t h = 2166136261u;  /* FNV-1a, folded to 16 bits */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	h = (h ^ (h >> 16)) & 0xffffu;
	return (uint16_t)(h ? h : 1);
}

uint16_t vigil__pattern_key(const char *pattern)
{
	const char *p = pattern, *best = NULL;
	size_t best_n = 0;

	while (*p) {
		size_t n = strcspn(p, ",_");

		if (!(n == 1 && is_marker(*p)) && n > best_n) {
			best = p;
			best_n = n;
		}
		p += n;
		if (*p)
			p++;
	}
	return best ? vigil__pattern_word_key(best, best_n) : 0;
}
