/*
 * dict_parse.c: reads native .vd dictionary sources (format: data/README.md)
 * into a vigil__dict_set: one item per phrase alternative, with its typed
 * attributes and the token sequences (folded words) it matches. Phrases are
 * split and folded by the document tokenizer (src/lib/text/) so dictionary
 * words and document tokens agree. Every error goes to the diag callback
 * with file, line and reason; parsing then goes on with the next line.
 * Verb patterns (`pattern=`) are checked here and stored with their
 * `&synset` references expanded, one item per expansion.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict_pattern.h"
#include "dict_petr.h"

/*===== Tables: sections, keys, value types ==========================*/

enum value_type {
	V_WORD,     /* any non-empty word */
	V_ENUM,     /* one of a list */
	V_ALPHA3,   /* ISO 3166 alpha-3 shape: three capital letters */
	V_ALPHA3S,  /* alpha-3 codes separated by commas */
	V_DATE,     /* YYYY-MM-DD */
	V_NUMBER,   /* decimal number within [min, max] */
	V_INT,      /* integer within [min, max] */
	V_PATTERN   /* a verb pattern: checked and expanded in parse_entry */
};

typedef struct key_def {
	const char *name;
	enum value_type type;
	size_t field;                /* offsetof(vigil__dict_item, ...) */
	const char *const *choices;  /* V_ENUM: NULL-terminated */
	const char *must;            /* the "(must be ...)" text */
	double min, max;             /* V_NUMBER, V_INT */
} key_def;

static const char *const actor_types[] = {"country", "capital", "demonym",
	"person", "org", "body", NULL};
static const char *const place_types[] = {"country", "admin1", "city", NULL};
static const char *const pos_values[] = {"verb", "verb-only", "verb-reverse", "noun", NULL};
static const char *const plover_types[] = {"AGREE", "CONSULT", "SUPPORT",
	"CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
	"REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
	"ASSAULT", NULL};
static const char *const discard_scopes[] = {"sentence", "story", NULL};
static const char *const cue_classes[] = {"ATTRIB", "HEDGE", "NEG", "MODAL",
	"FUTURE", "PAST", "REFUSE", "DENY", NULL};

#define F(field) offsetof(vigil__dict_item, field)

static const key_def actor_keys[] = {
	{"type", V_ENUM, F(type), actor_types,
	 "country, capital, demonym, person, org or body", 0, 0},
	{"country", V_ALPHA3, F(country), NULL, "3 capital letters, e.g. RUS", 0, 0},
	{"sector", V_WORD, F(sector), NULL, NULL, 0, 0},
	{"role", V_WORD, F(role), NULL, NULL, 0, 0},
	{"from", V_DATE, F(from), NULL, NULL, 0, 0},
	{"until", V_DATE, F(until), NULL, NULL, 0, 0},
	{"context", V_ALPHA3S, F(context), NULL,
	 "3-letter codes separated by commas, e.g. KOR,USA", 0, 0},
	{NULL, V_WORD, 0, NULL, NULL, 0, 0}
};

static const key_def verb_keys[] = {
	{"goldstein", V_NUMBER, F(goldstein), NULL, "-10..10", -10, 10},
	{"quad", V_INT, F(quad), NULL, "1..4", 1, 4},
	{"plover", V_ENUM, F(plover), plover_types,
	 "a PLOVER event type, e.g. ACCUSE", 0, 0},
	{"mode", V_WORD, F(mode), NULL, NULL, 0, 0},
	{"pos", V_ENUM, F(pos), pos_values, "verb, verb-only, verb-reverse or noun", 0, 0},
	{"pattern", V_PATTERN, F(pattern), NULL, NULL, 0, 0},
	{NULL, V_WORD, 0, NULL, NULL, 0, 0}
};

static const key_def place_keys[] = {
	{"type", V_ENUM, F(type), place_types, "country, admin1 or city", 0, 0},
	{"country", V_ALPHA3, F(country), NULL, "3 capital letters, e.g. RUS", 0, 0},
	{"lat", V_NUMBER, F(lat), NULL, "-90..90", -90, 90},
	{"lon", V_NUMBER, F(lon), NULL, "-180..180", -180, 180},
	/* lat/lon coarser than the type (an admin1 at its country's point);
	 * kept in the mode slot, which places do not use otherwise */
	{"precision", V_ENUM, F(mode), place_types, "country, admin1 or city",
	 0, 0},
	{NULL, V_WORD, 0, NULL, NULL, 0, 0}
};

static const key_def no_keys[] = {{NULL, V_WORD, 0, NULL, NULL, 0, 0}};

/* How a section checks its CODE. */
enum code_rule { CODE_ANY, CODE_CAMEO, CODE_CUE, CODE_DISCARD, CODE_SYNSET };

typedef struct section_def {
	const char *header;   /* "[actors]" */
	vigil_entry_kind kind;
	const key_def *keys;
	enum code_rule code;
} section_def;

static const section_def sections[] = {
	{"[actors]", VIGIL_KIND_ACTOR, actor_keys, CODE_ANY},
	{"[agents]", VIGIL_KIND_AGENT, no_keys, CODE_ANY},
	{"[verbs]", VIGIL_KIND_VERB, verb_keys, CODE_CAMEO},
	{"[places]", VIGIL_KIND_PLACE, place_keys, CODE_ANY},
	{"[cues]", VIGIL_KIND_CUE, no_keys, CODE_CUE},
	{"[discards]", VIGIL_KIND_DISCARD, no_keys, CODE_DISCARD},
	{"[synsets]", VIGIL_KIND_COUNT_, no_keys, CODE_SYNSET},
};
#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

/* Parser state of one file. */
typedef struct parse_ctx {
	vigil__dict_set *s;
	const char *file;
	uint32_t source;             /* index into s->src */
	unsigned long line;
	const section_def *section;  /* NULL: none yet */
	int bad_section;             /* under an unknown [section]: skip */
} parse_ctx;

/*===== Set: memory and errors =======================================*/

void vigil__dict_set_init(vigil__dict_set *s, vigil_diag_fn diag, void *ctx)
{
	memset(s, 0, sizeof(*s));
	vigil__arena_init(&s->arena, 0);
	s->diag = diag;
	s->diag_ctx = ctx;
}

void vigil__dict_set_free(vigil__dict_set *s)
{
	if (!s)
		return;
	vigil__arena_free(&s->arena);
	memset(s, 0, sizeof(*s));
}

void vigil__dict_error(vigil__dict_set *s, const char *file,
		       unsigned long line, const char *fmt, ...)
{
	char msg[VIGIL__DICT_MAX_LINE + 256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	s->nerrors++;
	if (s->diag)
		s->diag(s->diag_ctx, file, line, -1, msg);
}

void vigil__dict_skip(vigil__dict_set *s, const char *file,
		      unsigned long line, const char *fmt, ...)
{
	char msg[VIGIL__DICT_MAX_LINE + 256];
	int n;
	va_list ap;

	n = snprintf(msg, sizeof(msg), "skipped: ");
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	s->nskipped++;
	if (s->diag)
		s->diag(s->diag_ctx, file, line, -1, msg);
}

/* Grows one of the set's arrays to hold `need` elements; sets oom on failure. */
static int grow(vigil__dict_set *s, void *arr, size_t *cap, size_t need,
		size_t size)
{
	if (need <= *cap)
		return 0;
	if (vigil__arena_grow(&s->arena, (void **)arr, cap, need, size) < 0) {
		s->oom = 1;
		return -1;
	}
	return 0;
}

static char *set_strndup(vigil__dict_set *s, const char *p, size_t n)
{
	char *r = vigil__arena_strndup(&s->arena, p, n);

	if (!r)
		s->oom = 1;
	return r;
}

/*===== Vocabulary of the sources ====================================*/

static int rehash_words(vigil__dict_set *s, size_t ncap)
{
	uint32_t *idx = vigil__arena_calloc(&s->arena, ncap, sizeof(*idx));
	size_t i;

	if (!idx) {
		s->oom = 1;
		return -1;
	}
	for (i = 0; i < s->nwords; i++) {
		size_t j = (size_t)s->words[i].hash & (ncap - 1);

		while (idx[j])
			j = (j + 1) & (ncap - 1);
		idx[j] = (uint32_t)i + 1;
	}
	s->word_index = idx;
	s->word_index_cap = ncap;
	return 0;
}

/* Parse id of (folded word, cs), adding it when new; VIGIL__NONE on OOM. */
static uint32_t intern_word(vigil__dict_set *s, const char *w, size_t len,
			    int cs)
{
	uint64_t h = vigil__word_hash(w, len, cs);
	vigil__dict_word *dw;
	size_t j;

	if ((s->nwords + 1) * 2 > s->word_index_cap &&
	    rehash_words(s, s->word_index_cap ? s->word_index_cap * 2 : 1024) < 0)
		return VIGIL__NONE;
	for (j = (size_t)h & (s->word_index_cap - 1); s->word_index[j];
	     j = (j + 1) & (s->word_index_cap - 1)) {
		dw = &s->words[s->word_index[j] - 1];
		if (dw->hash == h && dw->len == len && dw->cs == (uint32_t)cs &&
		    memcmp(dw->s, w, len) == 0)
			return s->word_index[j] - 1;
	}
	if (grow(s, &s->words, &s->words_cap, s->nwords + 1, sizeof(*s->words)))
		return VIGIL__NONE;
	dw = &s->words[s->nwords];
	dw->s = set_strndup(s, w, len);
	if (!dw->s)
		return VIGIL__NONE;
	dw->len = (uint32_t)len;
	dw->cs = (uint32_t)cs;
	dw->hash = h;
	s->word_index[j] = (uint32_t)s->nwords + 1;
	return (uint32_t)s->nwords++;
}

/*===== Small lexical helpers ========================================*/

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void trim(const char **p, size_t *n)
{
	while (*n && is_blank(**p))
		(*p)++, (*n)--;
	while (*n && is_blank((*p)[*n - 1]))
		(*n)--;
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int in_list(const char *const *list, const char *v)
{
	for (; *list; list++)
		if (strcmp(*list, v) == 0)
			return 1;
	return 0;
}

static int is_alpha3(const char *v, size_t n)
{
	return n == 3 && is_upper(v[0]) && is_upper(v[1]) && is_upper(v[2]);
}

static int is_alpha3_list(const char *v)
{
	size_t n;

	for (;;) {
		n = strcspn(v, ",");
		if (!is_alpha3(v, n))
			return 0;
		if (!v[n])
			return 1;
		v += n + 1;
	}
}

/* YYYY-MM-DD -> YYYYMMDD, or 0 when malformed or not a calendar day. */
static uint32_t parse_date(const char *v)
{
	static const unsigned char mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31,
						30, 31, 30, 31};
	unsigned y, m, d, i;

	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(v[i]))
			return 0;
	y = (unsigned)((v[0] - '0') * 1000 + (v[1] - '0') * 100 +
		       (v[2] - '0') * 10 + (v[3] - '0'));
	m = (unsigned)((v[5] - '0') * 10 + (v[6] - '0'));
	d = (unsigned)((v[8] - '0') * 10 + (v[9] - '0'));
	if (y == 0 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return y * 10000 + m * 100 + d;
}

/*
 * Strict decimal: [+-]digits[.digits], at most 15 digits in all (so the
 * value is one correctly rounded division, independent of the locale).
 * Returns 0 with *out, or -1.
 */
static int parse_number(const char *v, double *out)
{
	uint64_t mant = 0;
	unsigned digits = 0, frac = 0;
	int neg = 0, dot = 0;
	double scale = 1;

	if (*v == '+' || *v == '-')
		neg = *v++ == '-';
	if (!is_digit(*v))
		return -1;
	for (; *v; v++) {
		if (*v == '.' && !dot) {
			dot = 1;
			if (!is_digit(v[1]))
				return -1;
			continue;
		}
		if (!is_digit(*v) || ++digits > 15)
			return -1;
		mant = mant * 10 + (uint64_t)(*v - '0');
		frac += (unsigned)dot;
	}
	while (frac--)
		scale *= 10;
	*out = (neg ? -(double)mant : (double)mant) / scale;
	return 0;
}

/*===== Attributes ===================================================*/

static const key_def *find_key(const key_def *keys, const char *k, size_t n)
{
	for (; keys->name; keys++)
		if (strlen(keys->name) == n && memcmp(keys->name, k, n) == 0)
			return keys;
	return NULL;
}

/* Checks `value` of key `kd` and stores it in `it`. Returns 0 or -1 (reported). */
static int set_attribute(parse_ctx *pc, vigil__dict_item *it,
			 const key_def *kd, const char *value)
{
	char *field = (char *)it + kd->field;
	double num;
	uint32_t date;
	int ok = 1;

	switch (kd->type) {
	case V_WORD:
	case V_PATTERN:
		break;
	case V_ENUM:
		ok = in_list(kd->choices, value);
		break;
	case V_ALPHA3:
		ok = is_alpha3(value, strlen(value));
		break;
	case V_ALPHA3S:
		ok = is_alpha3_list(value);
		break;
	case V_DATE:
		date = parse_date(value);
		if (!date) {
			vigil__dict_error(pc->s, pc->file, pc->line,
					  "bad date '%s=%s'", kd->name, value);
			return -1;
		}
		memcpy(field, &date, sizeof(date));
		return 0;
	case V_NUMBER:
	case V_INT:
		ok = parse_number(value, &num) == 0 && num >= kd->min &&
		     num <= kd->max && (kd->type == V_NUMBER || num == floor(num));
		if (ok && kd->type == V_NUMBER)
			memcpy(field, &num, sizeof(num));
		else if (ok)
			*(int8_t *)field = (int8_t)num;
		break;
	}
	if (!ok) {
		if (kd->must)
			vigil__dict_error(pc->s, pc->file, pc->line,
					  "bad %s '%s' (must be %s)", kd->name,
					  value, kd->must);
		else
			vigil__dict_error(pc->s, pc->file, pc->line,
					  "bad %s '%s'", kd->name, value);
		return -1;
	}
	if (kd->type == V_WORD || kd->type == V_ENUM || kd->type == V_ALPHA3 ||
	    kd->type == V_ALPHA3S || kd->type == V_PATTERN) {
		const char *copy = set_strndup(pc->s, value, strlen(value));

		memcpy(field, &copy, sizeof(copy));
	}
	return 0;
}

/*
 * Parses the attributes after CODE: `key=value` words separated by blanks
 * in [p, p+n) (a writable copy). Returns the number of errors reported.
 */
static int parse_attributes(parse_ctx *pc, vigil__dict_item *it, char *p,
			    size_t n)
{
	const key_def *keys = pc->section->keys;
	unsigned seen = 0;
	int errors = 0;
	char *end = p + n;

	while (p < end) {
		char *w = p, *eq;
		const key_def *kd;
		size_t wn;

		while (w < end && is_blank(*w))
			w++;
		if (w == end)
			break;
		wn = 0;
		while (w + wn < end && !is_blank(w[wn]))
			wn++;
		p = w + wn;
		*p = '\0';
		if (p < end)
			p++;
		eq = memchr(w, '=', wn);
		if (!eq || eq == w || !eq[1]) {
			vigil__dict_error(pc->s, pc->file, pc->line,
					  "expected key=value, got '%s'", w);
			errors++;
			continue;
		}
		kd = find_key(keys, w, (size_t)(eq - w));
		if (!kd) {
			vigil__dict_error(pc->s, pc->file, pc->line,
					  "unknown key '%.*s' in %s entry",
					  (int)(eq - w), w, pc->section->header);
			errors++;
			continue;
		}
		if (seen & (1u << (kd - keys))) {
			vigil__dict_error(pc->s, pc->file, pc->line,
					  "duplicate key '%s'", kd->name);
			errors++;
			continue;
		}
		seen |= 1u << (kd - keys);
		if (set_attribute(pc, it, kd, eq + 1) < 0)
			errors++;
	}
	if (it->from && it->until && it->from > it->until) {
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "from=%04u-%02u-%02u is after until=%04u-%02u-%02u",
				  it->from / 10000, it->from / 100 % 100,
				  it->from % 100, it->until / 10000,
				  it->until / 100 % 100, it->until % 100);
		errors++;
	}
	return errors;
}

/* Checks CODE against the section's rule. Returns 0 or -1 (reported). */
static int check_code(parse_ctx *pc, const char *code)
{
	size_t n = strlen(code), i;

	switch (pc->section->code) {
	case CODE_ANY:
		return 0;
	case CODE_CAMEO:
		for (i = 0; i < n; i++)
			if (!is_digit(code[i]) && !(i >= 2 && is_upper(code[i])))
				break;
		if ((n >= 2 && n <= 4 && i == n) || strcmp(code, "---") == 0)
			return 0;
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "bad CAMEO code '%s' (must be 2 to 4 digits, "
				  "the third and fourth may be capitals, or ---)",
				  code);
		return -1;
	case CODE_DISCARD:
		if (in_list(discard_scopes, code))
			return 0;
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "bad discard scope '%s' (must be sentence or story)",
				  code);
		return -1;
	case CODE_SYNSET:
		for (i = 1; i < n; i++)
			if (!is_upper(code[i]) && !is_digit(code[i]) &&
			    !(code[i] >= 'a' && code[i] <= 'z') && code[i] != '_')
				break;
		if (code[0] == '&' && n > 1 && i == n)
			return 0;
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "bad synset name '%s' (must be & and letters, "
				  "digits or _)", code);
		return -1;
	case CODE_CUE:
		if (in_list(cue_classes, code))
			return 0;
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "bad cue class '%s' (must be ATTRIB, HEDGE, NEG, "
				  "MODAL, FUTURE, PAST, REFUSE or DENY)", code);
		return -1;
	}
	return 0;
}

/*===== Phrases: markup, variants, tokens ============================*/

/* The spellings one word of a phrase stands for. */
typedef struct word_alts {
	const char **v;
	size_t n;
} word_alts;

/*
 * Works out the spellings of word [w, w+n): `+verb` gives its inflections,
 * `stem(suf)` gives stem and stem+suf, anything else itself. Returns 0, or
 * -1 after reporting a malformed word.
 */
static int word_spellings(parse_ctx *pc, const char *w, size_t n,
			  word_alts *out)
{
	vigil__dict_set *s = pc->s;
	const char *open = memchr(w, '(', n), *close = memchr(w, ')', n);
	size_t cap;
	char *buf;

	if (w[0] == '+') {
		if (n == 1 || w[1] == '+') {
			vigil__dict_error(s, pc->file, pc->line,
					  "bad verb '%.*s' ('+' must be followed by a word)",
					  (int)n, w);
			return -1;
		}
		if (open || close) {
			vigil__dict_error(s, pc->file, pc->line,
					  "bad verb '%.*s' ('+' and '(...)' cannot be combined)",
					  (int)n, w);
			return -1;
		}
		cap = VIGIL__INFLECT_MAX * (n + 16) + 256;
		buf = vigil__arena_alloc(&s->arena, cap);
		out->v = vigil__arena_alloc(&s->arena,
					    VIGIL__INFLECT_MAX * sizeof(char *));
		if (!buf || !out->v) {
			s->oom = 1;
			return -1;
		}
		out->n = vigil__inflect(w + 1, n - 1, buf, cap, out->v,
					VIGIL__INFLECT_MAX);
		if (out->n == 0) {
			s->oom = 1;
			return -1;
		}
		return 0;
	}
	out->v = vigil__arena_alloc(&s->arena, 2 * sizeof(char *));
	if (!out->v) {
		s->oom = 1;
		return -1;
	}
	if ((open || close) && w[0] != '(') {
		/* stem(suf): one '(' after a stem, ')' last, suffix not empty */
		if (!open || !close || close != w + n - 1 || open + 1 >= close ||
		    memchr(open + 1, '(', (size_t)(close - open - 1)) ||
		    memchr(w, ')', (size_t)(close - w))) {
			vigil__dict_error(s, pc->file, pc->line,
					  "bad word '%.*s' (a suffix is written word(s))",
					  (int)n, w);
			return -1;
		}
		out->v[0] = set_strndup(s, w, (size_t)(open - w));
		buf = vigil__arena_alloc(&s->arena, n);
		if (!out->v[0] || !buf) {
			s->oom = 1;
			return -1;
		}
		memcpy(buf, w, (size_t)(open - w));
		memcpy(buf + (open - w), open + 1, (size_t)(close - open - 1));
		buf[n - 2] = '\0';
		out->v[1] = buf;
		out->n = 2;
		return 0;
	}
	out->v[0] = set_strndup(s, w, n);
	out->n = 1;
	return out->v[0] ? 0 : -1;
}

/*
 * Tokenizes one spelled-out variant and appends its folded word ids as a
 * sequence of item `it`. Returns 0, or -1 after reporting an error (or on
 * OOM with s->oom set).
 */
static int add_sequence(parse_ctx *pc, vigil__dict_item *it, const char *str,
			size_t len)
{
	vigil__dict_set *s = pc->s;
	vigil__token tok[4 * VIGIL__DICT_MAX_WORDS];
	uint32_t ids[VIGIL__DICT_MAX_WORDS];
	char fold[VIGIL__DICT_MAX_WORD + 1];
	size_t ntok, i, nw = 0, fl;

	ntok = vigil__tokenize_phrase(str, len, tok, 4 * VIGIL__DICT_MAX_WORDS);
	if (ntok > 4 * VIGIL__DICT_MAX_WORDS) {
		vigil__dict_error(s, pc->file, pc->line,
				  "phrase longer than %u words",
				  VIGIL__DICT_MAX_WORDS);
		return -1;
	}
	for (i = 0; i < ntok; i++) {
		const char *t = str + tok[i].off;

		if (tok[i].flags & VIGIL_TF_INNER)
			continue;
		if (nw == VIGIL__DICT_MAX_WORDS) {
			vigil__dict_error(s, pc->file, pc->line,
					  "phrase longer than %u words",
					  VIGIL__DICT_MAX_WORDS);
			return -1;
		}
		fl = vigil__fold(t, tok[i].len, fold, sizeof(fold) - 1);
		if (fl == (size_t)-1 || fl > VIGIL__DICT_MAX_WORD) {
			vigil__dict_error(s, pc->file, pc->line,
					  "word longer than %u bytes",
					  VIGIL__DICT_MAX_WORD);
			return -1;
		}
		if (fl == 0) {
			vigil__dict_error(s, pc->file, pc->line,
					  "bad word '%.*s' (nothing left after case folding)",
					  (int)tok[i].len, t);
			return -1;
		}
		ids[nw] = intern_word(s, fold, fl,
				      (tok[i].flags & VIGIL_TF_UPPER) != 0);
		if (ids[nw] == VIGIL__NONE)
			return -1;
		nw++;
	}
	if (nw == 0) {
		vigil__dict_error(s, pc->file, pc->line, "empty phrase");
		return -1;
	}
	if (grow(s, &s->seqs, &s->seqs_cap, s->nseqs + 1, sizeof(*s->seqs)) ||
	    grow(s, &s->seq_words, &s->seq_words_cap, s->nseq_words + nw,
		 sizeof(*s->seq_words)))
		return -1;
	memcpy(s->seq_words + s->nseq_words, ids, nw * sizeof(ids[0]));
	s->seqs[s->nseqs].first = (uint32_t)s->nseq_words;
	s->seqs[s->nseqs].len = (uint32_t)nw;
	s->nseqs++;
	s->nseq_words += nw;
	it->seq_count++;
	return 0;
}

/*
 * Expands phrase [p, p+n) (trimmed, not empty) of item `it`: every
 * combination of the spellings of its words becomes a token sequence.
 * Returns 0, or -1 after reporting an error.
 */
static int expand_phrase(parse_ctx *pc, vigil__dict_item *it, const char *p,
			 size_t n)
{
	word_alts alts[VIGIL__DICT_MAX_WORDS];
	size_t pick[VIGIL__DICT_MAX_WORDS];
	char str[VIGIL__DICT_MAX_LINE + 64 * VIGIL__DICT_MAX_WORDS];
	size_t nwords = 0, variants = 1, i, k, len;
	const char *q = p, *end = p + n;

	while (q < end) {
		const char *w = q;

		while (q < end && !is_blank(*q))
			q++;
		if (nwords == VIGIL__DICT_MAX_WORDS) {
			vigil__dict_error(pc->s, pc->file, pc->line,
					  "phrase longer than %u words",
					  VIGIL__DICT_MAX_WORDS);
			return -1;
		}
		if (word_spellings(pc, w, (size_t)(q - w), &alts[nwords]) < 0)
			return -1;
		variants *= alts[nwords].n;  /* saturates: no overflow */
		if (variants > VIGIL__DICT_MAX_VARIANTS)
			variants = VIGIL__DICT_MAX_VARIANTS + 1;
		nwords++;
		while (q < end && is_blank(*q))
			q++;
	}
	if (variants > VIGIL__DICT_MAX_VARIANTS) {
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "phrase expands to more than %u variants",
				  VIGIL__DICT_MAX_VARIANTS);
		return -1;
	}
	it->seq_first = (uint32_t)pc->s->nseqs;
	it->seq_count = 0;
	memset(pick, 0, sizeof(pick));
	for (k = 0; k < variants; k++) {
		len = 0;
		for (i = 0; i < nwords; i++) {
			const char *sp = alts[i].v[pick[i]];
			size_t sl = strlen(sp);

			if (len + sl + 1 >= sizeof(str))
				break;
			if (i)
				str[len++] = ' ';
			memcpy(str + len, sp, sl);
			len += sl;
		}
		if (add_sequence(pc, it, str, len) < 0)
			return -1;
		for (i = nwords; i-- > 0;) {   /* next combination, odometer style */
			if (++pick[i] < alts[i].n)
				break;
			pick[i] = 0;
		}
	}
	return 0;
}

/*===== Lines ========================================================*/

static void parse_section(parse_ctx *pc, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < NSECTIONS; i++)
		if (strlen(sections[i].header) == n &&
		    memcmp(sections[i].header, p, n) == 0) {
			pc->section = &sections[i];
			pc->bad_section = 0;
			return;
		}
	pc->bad_section = 1;
	if (p[n - 1] != ']')
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "bad section header '%.*s'", (int)n, p);
	else
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "unknown section '%.*s'", (int)n, p);
}

/*
 * Adds a copy of `tmpl` for phrase [p, p+n), one per pattern of
 * patterns[0..npat) when there are any. Returns 0 or -1 (reported).
 */
static int add_item(parse_ctx *pc, const vigil__dict_item *tmpl,
		    const char *p, size_t n, const char *const *patterns,
		    size_t npat)
{
	vigil__dict_set *s = pc->s;
	vigil__dict_item it = *tmpl;
	size_t k;

	if (tmpl->kind == VIGIL_KIND_COUNT_)  /* [synsets] */
		return vigil__synset_add(s, pc->file, pc->line, tmpl->code, p, n);
	it.phrase = set_strndup(s, p, n);
	if (!it.phrase || expand_phrase(pc, &it, p, n) < 0)
		return -1;
	if (grow(s, &s->items, &s->items_cap, s->nitems + npat + 1,
		 sizeof(*s->items)))
		return -1;
	for (k = 0; k < (npat ? npat : 1); k++) {
		if (npat)
			it.pattern = patterns[k];
		s->items[s->nitems++] = it;
	}
	return 0;
}

/*
 * An entry line `PHRASES = CODE [key=value ...]` (comment stripped,
 * trimmed, not empty). Items are added only when the whole line is right.
 */
static void parse_entry(parse_ctx *pc, const char *p, size_t n)
{
	vigil__dict_set *s = pc->s;
	const char *eq = memchr(p, '=', n), *lhs = p, *alt;
	char rhs[VIGIL__DICT_MAX_LINE + 1];
	size_t lhs_n, rhs_n, code_n, nitems_before = s->nitems;
	size_t nseqs_before = s->nseqs, nwords_before = s->nseq_words;
	vigil__dict_item tmpl;
	const char **patterns = NULL;
	size_t npat = 0, nsyn_before = s->nsynsets;
	int errors = 0;

	if (pc->bad_section)
		return;
	if (!pc->section) {
		vigil__dict_error(s, pc->file, pc->line,
				  "entry before any [section]");
		return;
	}
	memset(&tmpl, 0, sizeof(tmpl));
	tmpl.kind = (uint8_t)pc->section->kind;
	tmpl.source = pc->source;
	tmpl.line = (uint32_t)pc->line;
	tmpl.goldstein = tmpl.lat = tmpl.lon = NAN;

	lhs_n = eq ? (size_t)(eq - p) : n;
	trim(&lhs, &lhs_n);
	rhs_n = eq ? n - (size_t)(eq + 1 - p) : 0;
	if (rhs_n)
		memcpy(rhs, eq + 1, rhs_n);
	rhs[rhs_n] = '\0';
	{
		char *c = rhs;

		while (is_blank(*c))
			c++;
		code_n = strcspn(c, " \t\r");
		if (!eq || code_n == 0 || memchr(c, '=', code_n)) {
			vigil__dict_error(s, pc->file, pc->line,
					  "expected 'PHRASES = CODE'");
			return;
		}
		tmpl.code = set_strndup(s, c, code_n);
		if (!tmpl.code)
			return;
		if (check_code(pc, tmpl.code) < 0)
			errors++;
		errors += parse_attributes(pc, &tmpl, c + code_n,
					   strlen(c + code_n));
		if (tmpl.pattern &&
		    vigil__pattern_expand(s, pc->file, pc->line, tmpl.pattern,
					  &patterns, &npat) < 0)
			errors++;
	}
	if (lhs_n == 0) {
		vigil__dict_error(s, pc->file, pc->line, "empty phrase");
		return;
	}
	/* Phrases are checked even after an attribute error, to report all. */
	for (alt = lhs; alt <= lhs + lhs_n;) {
		const char *bar = memchr(alt, '|', (size_t)(lhs + lhs_n - alt));
		const char *a = alt;
		size_t an = (bar ? bar : lhs + lhs_n) - alt;

		trim(&a, &an);
		if (an == 0) {
			vigil__dict_error(s, pc->file, pc->line, "empty phrase");
			errors++;
		} else if (add_item(pc, &tmpl, a, an, patterns, npat) < 0) {
			errors++;
		}
		if (!bar)
			break;
		alt = bar + 1;
	}
	if (errors || s->oom) {  /* a line is taken whole or not at all */
		s->nitems = nitems_before;
		s->nseqs = nseqs_before;
		s->nseq_words = nwords_before;
		s->nsynsets = nsyn_before;
	}
}

static int has_non_ascii(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 0x80)
			return 1;
	return 0;
}

/*
 * One line [p, p+n) without its '\n'. A line with non-ASCII text is first
 * normalized like documents are (NFC, curly quotes, dashes, spaces), so that
 * a phrase typed with a curly apostrophe or a non-breaking hyphen matches the
 * normalized text.
 */
static void parse_line(parse_ctx *pc, const char *p, size_t n)
{
	const char *hash;
	const char *why = NULL;
	char *norm;
	long long bad;

	if (n > VIGIL__DICT_MAX_LINE) {
		vigil__dict_error(pc->s, pc->file, pc->line,
				  "line longer than %u bytes", VIGIL__DICT_MAX_LINE);
		return;
	}
	bad = vigil__utf8_check(p, n, &why);
	if (bad >= 0) {
		vigil__dict_error(pc->s, pc->file, pc->line, "%s",
				  p[bad] == '\0' ? "NUL byte" : "invalid UTF-8");
		return;
	}
	if (has_non_ascii(p, n)) {
		if (vigil__normalize(&pc->s->arena, p, n, &norm, &n) < 0) {
			pc->s->oom = 1;
			return;
		}
		p = norm;
	}
	hash = memchr(p, '#', n);
	if (hash)
		n = (size_t)(hash - p);
	trim(&p, &n);
	if (n == 0)
		return;
	if (p[0] == '[')
		parse_section(pc, p, n);
	else
		parse_entry(pc, p, n);
}

/*===== Sources ======================================================*/

static int parse_text(vigil__dict_set *s, const char *name, const char *data,
		      size_t len, int64_t mtime_ns, const uint32_t *map,
		      size_t nmap)
{
	parse_ctx pc;
	unsigned long nline = 0;
	const char *p = data, *end = data + len;
	vigil__dict_source *src;

	memset(&pc, 0, sizeof(pc));
	pc.s = s;
	if (grow(s, &s->src, &s->src_cap, s->nsrc + 1, sizeof(*s->src)))
		return VIGIL_ENOMEM;
	src = &s->src[s->nsrc];
	src->path = set_strndup(s, name, strlen(name));
	if (!src->path)
		return VIGIL_ENOMEM;
	src->size = len;
	src->mtime_ns = mtime_ns;
	pc.file = src->path;
	pc.source = (uint32_t)s->nsrc++;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)  /* byte order mark */
		p += 3;
	while (p < end && !s->oom) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t full = (size_t)((nl ? nl : end) - p), n = full;

		nline++;
		pc.line = !map ? nline : nline <= nmap ? map[nline - 1] : 0;
		if (n && p[n - 1] == '\r')
			n--;
		parse_line(&pc, p, n);
		p += full + (nl ? 1 : 0);
	}
	return s->oom ? VIGIL_ENOMEM : VIGIL_OK;
}

int vigil__dict_parse_mem(vigil__dict_set *s, const char *name,
			  const char *data, size_t len, int64_t mtime_ns)
{
	return parse_text(s, name, data, len, mtime_ns, NULL, 0);
}

int vigil__dict_parse_mapped(vigil__dict_set *s, const char *name,
			     const char *data, size_t len, int64_t mtime_ns,
			     const uint32_t *map, size_t nmap)
{
	return parse_text(s, name, data, len, mtime_ns, map, nmap);
}

int vigil__dict_parse_file(vigil__dict_set *s, const char *path)
{
	struct stat st;
	char *data = NULL;
	size_t got = 0;
	int64_t mtime;
	int fd, kind, rc = VIGIL_EIO;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		vigil__dict_error(s, path, 0, "cannot open: %s", strerror(errno));
		return VIGIL_EIO;
	}
	if (fstat(fd, &st) < 0) {
		vigil__dict_error(s, path, 0, "cannot stat: %s", strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		vigil__dict_error(s, path, 0, "not a regular file");
		goto done;
	}
	if ((uint64_t)st.st_size > VIGIL__DICT_MAX_FILE) {
		vigil__dict_error(s, path, 0, "file larger than %zu MiB",
				  VIGIL__DICT_MAX_FILE >> 20);
		goto done;
	}
	data = malloc((size_t)st.st_size + 1);
	if (!data) {
		rc = VIGIL_ENOMEM;
		goto done;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, data + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			vigil__dict_error(s, path, 0, "cannot read: %s",
					  strerror(errno));
			goto done;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	kind = vigil__petr_detect(path, data, got);
	rc = kind ? vigil__petr_parse(s, path, kind, data, got, mtime)
		  : vigil__dict_parse_mem(s, path, data, got, mtime);
	if (rc == VIGIL_OK)
		s->src[s->nsrc - 1].size = (uint64_t)st.st_size;
done:
	free(data);
	close(fd);
	return rc;
}
