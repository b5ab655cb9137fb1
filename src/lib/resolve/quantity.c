/*
 * quantity.c: quantity phrases. Around each number found by
 * quantity_words.c it reads the currency and qualifier before it, a range
 * ("between 300 and 400", "300-400"), "or more" after it, the unit noun
 * phrase, and decides the kind (count, money, distance, year, age, ...).
 * Rules and their reasons: docs/internals/quantity.md.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "quantity_int.h"

/* ---- Word lists --------------------------------------------------------- */

/* Words that end a unit noun phrase: function words, days, months. Sorted
 * by strcmp for in_list's binary search. */
static const char *const stop_words[] = {
	"a", "a.m.", "about", "above", "according", "across", "after", "again",
	"against", "ago", "all", "along", "already", "also", "am", "amid",
	"amidst", "among", "an", "and", "another", "any", "april", "are",
	"around", "as", "at", "august", "be", "because", "been", "before",
	"being", "below", "between", "both", "but", "by", "can", "could",
	"december", "despite", "did", "do", "does", "during", "each", "earlier",
	"either", "even", "every", "february", "for", "friday", "from", "had",
	"has", "have", "having", "he", "her", "here", "his", "how", "i", "if",
	"in", "including", "into", "is", "it", "its", "january", "july", "june",
	"just", "last", "later", "least", "less", "like", "many", "march", "may",
	"me", "might", "monday", "most", "much", "must", "my", "near", "neither",
	"next", "no", "nor", "not", "november", "now", "october", "of", "off",
	"on", "once", "only", "onto", "or", "our", "out", "over", "p.m.", "past",
	"per", "reportedly", "said", "saturday", "say", "says", "september",
	"since", "so", "some", "still", "sunday", "than", "that", "the", "their",
	"them", "then", "there", "these", "they", "this", "those", "though",
	"through", "thursday", "thus", "till", "to", "today", "told", "tomorrow",
	"too", "toward", "towards", "tuesday", "under", "until", "up", "upon",
	"us", "very", "via", "was", "we", "wednesday", "were", "what", "when",
	"where", "whereas", "whether", "which", "while", "who", "whom", "whose",
	"why", "will", "with", "within", "without", "would", "yesterday", "yet",
	"you", "your",
};

/* Plural nouns that do not end in -s. */
static const char *const plural_irregular[] = {
	"aircraft", "cattle", "children", "crew", "infantry", "livestock", "men",
	"people", "personnel", "police", "staff", "women",
};

/* Words that modify a head noun but are never one. */
static const char *const modifiers[] = {
	"additional", "combined", "extra", "fresh", "further", "more", "new",
	"other", "own", "such", "total",
};

/* Nouns whose "of" continuation belongs to the unit: "containers of
 * artillery shells", "tonnes of ammunition". */
static const char *const containers[] = {
	"bags", "barrels", "batches", "battalions", "boxes", "brigades",
	"cases", "consignments", "containers", "crates", "divisions", "groups",
	"kinds", "loads", "packages", "pallets", "pieces", "rounds", "sets",
	"shipments", "tonnes", "tons", "truckloads", "trucks", "types",
	"units", "wagons", "waves",
};

typedef struct phrase_entry {
	const char *w; /* lowercase words separated by single spaces */
	uint8_t n;     /* strlen(w) */
	uint8_t v;     /* a vigil__quantity_kind or vigil__quantity_qualifier */
} phrase_entry;

#define P(w, v) {w, sizeof(w) - 1, v}

/* Unit words right after a number, and the kind they give it. Sorted by
 * first letter (match_table relies on it); within a letter, entries keep
 * their order of precedence. */
static const phrase_entry unit_words[] = {
	P("acres", VIGIL_QK_MEASURE), P("acre", VIGIL_QK_MEASURE),
	P("a.m.", VIGIL_QK_TIME), P("am", VIGIL_QK_TIME),
	P("cm", VIGIL_QK_DISTANCE), P("calibre", VIGIL_QK_MEASURE),
	P("caliber", VIGIL_QK_MEASURE), P("centuries", VIGIL_QK_DURATION),
	P("century", VIGIL_QK_DURATION), P("cents", VIGIL_QK_MONEY),
	P("degrees", VIGIL_QK_MEASURE), P("degree", VIGIL_QK_MEASURE),
	P("days", VIGIL_QK_DURATION), P("day", VIGIL_QK_DURATION),
	P("decades", VIGIL_QK_DURATION), P("decade", VIGIL_QK_DURATION),
	P("dollars", VIGIL_QK_MONEY), P("dollar", VIGIL_QK_MONEY),
	P("dinars", VIGIL_QK_MONEY), P("dirhams", VIGIL_QK_MONEY),
	P("euros", VIGIL_QK_MONEY), P("euro", VIGIL_QK_MONEY),
	P("eur", VIGIL_QK_MONEY),
	P("ft", VIGIL_QK_DISTANCE), P("feet", VIGIL_QK_DISTANCE),
	P("foot", VIGIL_QK_DISTANCE), P("fortnight", VIGIL_QK_DURATION),
	P("francs", VIGIL_QK_MONEY),
	P("gallons", VIGIL_QK_MEASURE), P("gw", VIGIL_QK_MEASURE),
	P("gmt", VIGIL_QK_TIME), P("gbp", VIGIL_QK_MONEY),
	P("hectares", VIGIL_QK_MEASURE), P("hectare", VIGIL_QK_MEASURE),
	P("hours", VIGIL_QK_DURATION), P("hour", VIGIL_QK_DURATION),
	P("hrs", VIGIL_QK_DURATION), P("hryvnias", VIGIL_QK_MONEY),
	P("hryvnia", VIGIL_QK_MONEY),
	P("km", VIGIL_QK_DISTANCE), P("kms", VIGIL_QK_DISTANCE),
	P("kilometre", VIGIL_QK_DISTANCE), P("kilometres", VIGIL_QK_DISTANCE),
	P("kilometer", VIGIL_QK_DISTANCE), P("kilometers", VIGIL_QK_DISTANCE),
	P("kg", VIGIL_QK_MEASURE), P("kilograms", VIGIL_QK_MEASURE),
	P("kilogram", VIGIL_QK_MEASURE), P("kilos", VIGIL_QK_MEASURE),
	P("kilotons", VIGIL_QK_MEASURE), P("kiloton", VIGIL_QK_MEASURE),
	P("knots", VIGIL_QK_MEASURE), P("kph", VIGIL_QK_MEASURE),
	P("km/h", VIGIL_QK_MEASURE),
	P("lb", VIGIL_QK_MEASURE), P("lbs", VIGIL_QK_MEASURE),
	P("litres", VIGIL_QK_MEASURE), P("liters", VIGIL_QK_MEASURE),
	P("lira", VIGIL_QK_MONEY),
	P("mile", VIGIL_QK_DISTANCE), P("miles", VIGIL_QK_DISTANCE),
	P("metre", VIGIL_QK_DISTANCE), P("metres", VIGIL_QK_DISTANCE),
	P("meter", VIGIL_QK_DISTANCE), P("meters", VIGIL_QK_DISTANCE),
	P("m", VIGIL_QK_DISTANCE), P("mm", VIGIL_QK_MEASURE),
	P("millimetre", VIGIL_QK_MEASURE), P("millimetres", VIGIL_QK_MEASURE),
	P("millimeter", VIGIL_QK_MEASURE), P("mph", VIGIL_QK_MEASURE),
	P("megawatts", VIGIL_QK_MEASURE), P("mw", VIGIL_QK_MEASURE),
	P("magnitude", VIGIL_QK_MEASURE), P("minutes", VIGIL_QK_DURATION),
	P("minute", VIGIL_QK_DURATION), P("months", VIGIL_QK_DURATION),
	P("month", VIGIL_QK_DURATION),
	P("nautical miles", VIGIL_QK_DISTANCE), P("nautical mile", VIGIL_QK_DISTANCE),
	P("nm", VIGIL_QK_DISTANCE), P("nights", VIGIL_QK_DURATION),
	P("night", VIGIL_QK_DURATION),
	P("o'clock", VIGIL_QK_TIME),
	P("per cent", VIGIL_QK_PERCENT), P("percent", VIGIL_QK_PERCENT),
	P("pct", VIGIL_QK_PERCENT), P("percentage points", VIGIL_QK_PERCENT),
	P("percentage point", VIGIL_QK_PERCENT), P("pound", VIGIL_QK_MEASURE),
	P("p.m.", VIGIL_QK_TIME), P("pm", VIGIL_QK_TIME), P("pounds", VIGIL_QK_MONEY),
	P("pesos", VIGIL_QK_MONEY),
	P("renminbi", VIGIL_QK_MONEY), P("rubles", VIGIL_QK_MONEY),
	P("roubles", VIGIL_QK_MONEY), P("ruble", VIGIL_QK_MONEY),
	P("rouble", VIGIL_QK_MONEY), P("rupees", VIGIL_QK_MONEY),
	P("riyals", VIGIL_QK_MONEY), P("rials", VIGIL_QK_MONEY),
	P("square kilometres", VIGIL_QK_MEASURE),
	P("square kilometers", VIGIL_QK_MEASURE), P("square miles", VIGIL_QK_MEASURE),
	P("sq km", VIGIL_QK_MEASURE), P("seconds", VIGIL_QK_DURATION),
	P("second", VIGIL_QK_DURATION), P("sterling", VIGIL_QK_MONEY),
	P("shekels", VIGIL_QK_MONEY),
	P("tonnes", VIGIL_QK_MEASURE), P("tonne", VIGIL_QK_MEASURE),
	P("tons", VIGIL_QK_MEASURE), P("ton", VIGIL_QK_MEASURE),
	P("utc", VIGIL_QK_TIME), P("usd", VIGIL_QK_MONEY),
	P("weeks", VIGIL_QK_DURATION), P("week", VIGIL_QK_DURATION),
	P("won", VIGIL_QK_MONEY),
	P("yard", VIGIL_QK_DISTANCE), P("yards", VIGIL_QK_DISTANCE),
	P("years old", VIGIL_QK_AGE), P("year old", VIGIL_QK_AGE),
	P("years", VIGIL_QK_DURATION), P("year", VIGIL_QK_DURATION),
	P("yuan", VIGIL_QK_MONEY), P("yen", VIGIL_QK_MONEY),
};

/* Qualifiers written before the number. The longest match wins. */
static const phrase_entry qual_before[] = {
	P("approximately", VIGIL_QQ_APPROXIMATELY), P("about", VIGIL_QQ_APPROXIMATELY),
	P("around", VIGIL_QQ_APPROXIMATELY), P("roughly", VIGIL_QQ_APPROXIMATELY),
	P("circa", VIGIL_QQ_APPROXIMATELY), P("some", VIGIL_QQ_SOME),
	P("an estimated", VIGIL_QQ_ESTIMATED), P("estimated", VIGIL_QQ_ESTIMATED),
	P("nearly", VIGIL_QQ_NEARLY), P("almost", VIGIL_QQ_NEARLY),
	P("close to", VIGIL_QQ_NEARLY), P("just under", VIGIL_QQ_NEARLY),
	P("over", VIGIL_QQ_OVER), P("more than", VIGIL_QQ_OVER),
	P("upwards of", VIGIL_QQ_OVER), P("in excess of", VIGIL_QQ_OVER),
	P("above", VIGIL_QQ_OVER), P("just over", VIGIL_QQ_OVER),
	P("well over", VIGIL_QQ_OVER), P("at least", VIGIL_QQ_AT_LEAST),
	P("no fewer than", VIGIL_QQ_AT_LEAST), P("no less than", VIGIL_QQ_AT_LEAST),
	P("not less than", VIGIL_QQ_AT_LEAST), P("a minimum of", VIGIL_QQ_AT_LEAST),
	P("up to", VIGIL_QQ_UP_TO), P("as many as", VIGIL_QQ_UP_TO),
	P("as much as", VIGIL_QQ_UP_TO), P("at most", VIGIL_QQ_AT_MOST),
	P("no more than", VIGIL_QQ_AT_MOST), P("not more than", VIGIL_QQ_AT_MOST),
	P("a maximum of", VIGIL_QQ_AT_MOST), P("fewer than", VIGIL_QQ_FEWER_THAN),
	P("less than", VIGIL_QQ_FEWER_THAN), P("under", VIGIL_QQ_FEWER_THAN),
	P("below", VIGIL_QQ_FEWER_THAN),
};

/* Qualifiers written after the number (or after its unit). */
static const phrase_entry qual_after[] = {
	P("or more", VIGIL_QQ_AT_LEAST), P("or so", VIGIL_QQ_APPROXIMATELY),
	P("or fewer", VIGIL_QQ_AT_MOST), P("or less", VIGIL_QQ_AT_MOST),
};

#undef P

/* Words before a number that make it an identifier: "Resolution 2231". */
static const char *const label_words[] = {
	"annex", "article", "chapter", "decree", "flight", "gate", "highway",
	"no.", "nos.", "page", "paragraph", "platform", "protocol", "resolution",
	"room", "route", "section", "terminal",
};

/* Words before a 4-digit number that make it a year even before a plural
 * noun ("in 2000 troops ..." is rare; "in 2000" is common). */
static const char *const year_context[] = {
	"after", "autumn", "before", "by", "during", "early", "end", "fall",
	"fiscal", "from", "in", "late", "mid", "since", "spring", "summer",
	"till", "until", "winter", "year",
};

static const char *const months[] = {
	"apr", "april", "aug", "aug.", "august", "dec", "dec.", "december",
	"feb", "feb.", "february", "jan", "jan.", "january", "jul", "july",
	"jun", "june", "march", "may", "nov", "nov.", "november", "oct",
	"oct.", "october", "sep", "sep.", "sept", "sept.", "september",
};

/* Currency symbols, as UTF-8. */
static const char *const currency_symbols[] = {
	"$", "\xC2\xA3", "\xE2\x82\xAC", "\xC2\xA5", "\xE2\x82\xBD", "\xE2\x82\xB4",
	"\xE2\x82\xA9", "\xE2\x82\xB9", "\xE2\x82\xBA", "\xE2\x82\xAA",
};

static const char *const currency_codes[] = {
	"chf", "cny", "eur", "gbp", "inr", "jpy", "rs", "rs.", "rub", "uah", "usd",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Token predicates --------------------------------------------------- */

/* 1 when token i is an ASCII word listed in the sorted array `list`: a
 * binary search that compares first bytes and calls strcmp only on words
 * of the same first letter. */
/* strcmp of ASCII token text p[0, n) lowered (as vigil__qfold) with w. */
static int cmp_lowered(const char *p, size_t n, const char *w)
{
	size_t k;
	int a, b;

	for (k = 0;; k++) {
		a = k < n ? (unsigned char)p[k] : 0;
		a += (unsigned)(a - 'A') < 26u ? 32 : 0;
		b = (unsigned char)w[k];
		if (a != b || a == 0)
			return a - b;
	}
}

static int in_list(const vigil__qscan *s, size_t i, const char *const *list,
		   size_t n)
{
	const vigil__token *t;
	const char *p;
	size_t lo = 0, hi = n, k;
	int d;

	if (i >= s->end)
		return 0;
	t = &s->tok[i];
	/* the words vigil__qfold folds (ASCII, shorter than its buffer of
	 * 24), compared lowered in place */
	if (t->type != VIGIL_TOK_WORD || !(t->flags & VIGIL_TF_ASCII) ||
	    t->len == 0 || t->len + 1u > 24)
		return 0;
	p = s->text + t->off;
	while (lo < hi) {
		k = lo + (hi - lo) / 2;
		d = cmp_lowered(p, t->len, list[k]);
		if (d == 0)
			return 1;
		if (d < 0)
			hi = k;
		else
			lo = k + 1;
	}
	return 0;
}

static int is_punct(const vigil__qscan *s, size_t i, char c)
{
	return i < s->end && s->tok[i].type == VIGIL_TOK_PUNCT &&
	       s->tok[i].len == 1 && s->text[s->tok[i].off] == c;
}

static int is_symbol(const vigil__qscan *s, size_t i, const char *sym)
{
	size_t n = strlen(sym);

	return i < s->end && s->tok[i].type == VIGIL_TOK_SYMBOL &&
	       s->tok[i].len == n && memcmp(s->text + s->tok[i].off, sym, n) == 0;
}

static int glued(const vigil__qscan *s, size_t i)
{
	return i < s->end && !(s->tok[i].flags & VIGIL_TF_SPACE);
}

/* Number of tokens of the phrase `w` ("per cent") matched from token i;
 * 0 when it does not match. "/" inside a word matches an inner slash. */
static size_t match_phrase(const vigil__qscan *s, size_t i, const char *w)
{
	char buf[24];
	size_t n = 0, len;

	while (*w) {
		len = strcspn(w, " /");
		if (len >= sizeof(buf))
			return 0;
		memcpy(buf, w, len);
		buf[len] = '\0';
		if (!vigil__qword_is(s, i + n, buf))
			return 0;
		n++;
		w += len;
		if (*w == '/') {
			if (!vigil__qinner(s, i + n, '/'))
				return 0;
			n++;
			w++;
		} else if (*w == ' ') {
			w++;
		}
	}
	return n;
}

/* Whether entry word list `w` starts (at_end 0) or ends (at_end 1) with the
 * folded word buf[0, len): a cheap test before match_phrase. The word
 * boundary is tested before the bytes: most entries fail it, without a
 * memcmp call. */
static int entry_has(const phrase_entry *e, const char *buf, size_t len,
		     int at_end)
{
	const char *w = e->w;
	size_t n = e->n;

	if (n < len)
		return 0;
	if (at_end)
		return (n == len || w[n - len - 1] == ' ') &&
		       w[n - 1] == buf[len - 1] &&
		       memcmp(w + n - len, buf, len) == 0;
	return (w[len] == '\0' || w[len] == ' ' || w[len] == '/') &&
	       w[0] == buf[0] && memcmp(w, buf, len) == 0;
}

/* The longest entry of `t` matching from token i: its value in *v and its
 * token count returned (0: none). */
static size_t match_table(const vigil__qscan *s, size_t i, const phrase_entry *t,
			  size_t n, uint8_t *v)
{
	char buf[24];
	size_t k, m, len, lo, hi, best = 0;

	if (i >= s->end || s->tok[i].type != VIGIL_TOK_WORD ||
	    (len = vigil__qfold(s, i, buf, sizeof(buf))) == 0)
		return 0;
	for (lo = 0, hi = n; lo < hi;) {
		k = (lo + hi) / 2;
		if ((unsigned char)t[k].w[0] < (unsigned char)buf[0])
			lo = k + 1;
		else
			hi = k;
	}
	for (k = lo; k < n && t[k].w[0] == buf[0]; k++) {
		if (!entry_has(&t[k], buf, len, 0))
			continue;
		m = match_phrase(s, i, t[k].w);
		if (m > best) {
			best = m;
			*v = t[k].v;
		}
	}
	return best;
}

/* The longest entry of `t` ending just before token i and starting at or
 * after lo: its start returned (i: none), its value in *v. */
static size_t match_before(const vigil__qscan *s, size_t i, size_t lo,
			   const phrase_entry *t, size_t n, uint8_t *v)
{
	char buf[24];
	size_t k, words, len, start = i;
	const char *p;

	if (i <= lo || s->tok[i - 1].type != VIGIL_TOK_WORD ||
	    (len = vigil__qfold(s, i - 1, buf, sizeof(buf))) == 0)
		return i;
	for (k = 0; k < n; k++) {
		if (!entry_has(&t[k], buf, len, 1))
			continue;
		for (words = 1, p = t[k].w; *p; p++)
			words += *p == ' ';
		if (i < lo + words || i - words >= start)
			continue;
		if (match_phrase(s, i - words, t[k].w) == words) {
			start = i - words;
			*v = t[k].v;
		}
	}
	return start;
}

static int is_plural(const vigil__qscan *s, size_t i)
{
	const vigil__token *t = &s->tok[i];
	const char *p = s->text + t->off;
	char a, b;

	if (in_list(s, i, plural_irregular, NELEM(plural_irregular)))
		return 1;
	if (t->len < 3 || !(t->flags & VIGIL_TF_ASCII))
		return t->type == VIGIL_TOK_NUMBER && t->len >= 2 && p[t->len - 1] == 's';
	a = p[t->len - 2];
	b = p[t->len - 1];
	return (b == 's' || b == 'S') && a != 's' && a != 'u' && a != 'i' &&
	       a != '\'';
}

/* Words that cannot head a unit noun phrase: participles and adverbs
 * ("killed", "fighting", "reportedly") and modifiers ("more"). */
static int not_head(const vigil__qscan *s, size_t i)
{
	const vigil__token *t = &s->tok[i];
	const char *p = s->text + t->off;
	size_t n = t->len;

	if (t->type != VIGIL_TOK_WORD)
		return t->type == VIGIL_TOK_POSS;
	if (in_list(s, i, modifiers, NELEM(modifiers)))
		return 1;
	if (t->flags & VIGIL_TF_CAP)
		return 0;
	return (n > 3 && p[n - 2] == 'e' && p[n - 1] == 'd') ||
	       (n > 4 && p[n - 3] == 'i' && p[n - 2] == 'n' && p[n - 1] == 'g') ||
	       (n > 3 && p[n - 2] == 'l' && p[n - 1] == 'y');
}

/* ---- Unit noun phrases -------------------------------------------------- */

typedef struct np {
	size_t end;    /* first token after the phrase (== start: none) */
	size_t hb, he; /* head word (a hyphenated compound counts as one) */
	int plural;
} np;

#define NP_MAX_WORDS 6

/* Whether the plural before token k is a noun modifier ("police", "arms")
 * of a plural noun at k ("police officers", "arms shipments"): the phrase
 * goes on to that noun. Other plurals end it ("40 soldiers hours later"). */
static int plural_compound(const vigil__qscan *s, size_t k)
{
	return k > 0 && k < s->end &&
	       (vigil__qword_is(s, k - 1, "police") ||
		vigil__qword_is(s, k - 1, "arms")) &&
	       s->tok[k].type == VIGIL_TOK_WORD &&
	       !in_list(s, k, stop_words, NELEM(stop_words)) &&
	       is_plural(s, k) && !not_head(s, k);
}

/*
 * The noun phrase starting at token j: up to NP_MAX_WORDS words (hyphenated
 * compounds count as one, "Su-27" included), ending at the first plural
 * (but "police officers", "arms shipments"), before a function word, number word or punctuation; trailing participles,
 * adverbs and modifiers are not part of it.
 */
static void scan_np(const vigil__qscan *s, size_t j, np *o)
{
	size_t wb[NP_MAX_WORDS], we[NP_MAX_WORDS], k = j, b;
	size_t n = 0;

	memset(o, 0, sizeof(*o));
	o->end = o->hb = o->he = j;
	while (k < s->end && n < NP_MAX_WORDS) {
		if (s->tok[k].type != VIGIL_TOK_WORD ||
		    (!(s->tok[k].flags & VIGIL_TF_UPPER) &&
		     in_list(s, k, stop_words, NELEM(stop_words))) ||
		    vigil__qword_numeric(s, k))
			break;
		b = k++;
		while ((vigil__qinner(s, k, '-') || vigil__qinner(s, k, '/')) &&
		       k + 1 < s->end && (s->tok[k + 1].type == VIGIL_TOK_WORD ||
					  s->tok[k + 1].type == VIGIL_TOK_NUMBER))
			k += 2;
		wb[n] = b;
		we[n] = k;
		n++;
		if (is_plural(s, k - 1) && !plural_compound(s, k)) {
			o->plural = 1;
			break;
		}
		if (k < s->end && s->tok[k].type == VIGIL_TOK_POSS)
			we[n - 1] = ++k;
	}
	while (n > 0 && (s->tok[we[n - 1] - 1].type == VIGIL_TOK_POSS ||
			 (we[n - 1] == wb[n - 1] + 1 && not_head(s, wb[n - 1]))))
		n--;
	if (n == 0) {
		o->plural = 0;
		return;
	}
	o->hb = wb[n - 1];
	o->he = o->end = we[n - 1];
}

/* ---- Building a phrase -------------------------------------------------- */

/* Everything known about a phrase while it is being read. */
typedef struct build {
	vigil__quantity q;
	vigil__qcore c;
	int kind;        /* decided kind, or -1 */
	int money;       /* a currency symbol or code came first */
	int unit_np;     /* the unit came from scan_np (dropped unless COUNT) */
	int plural;      /* the unit head is plural */
	int year_range;  /* "2024-25" */
	int modifier;    /* "12-point": a number inside a compound adjective */
	size_t num_end;  /* end of number + range + postfix, before the unit */
} build;

/* A currency before token i ("$", "US$", "USD", "Rs"): its first token
 * returned (i: none). */
static size_t currency_before(const vigil__qscan *s, size_t i, size_t lo)
{
	size_t k;

	if (i <= lo)
		return i;
	for (k = 0; s->tok[i - 1].type == VIGIL_TOK_SYMBOL && k < NELEM(currency_symbols);
	     k++) {
		if (!is_symbol(s, i - 1, currency_symbols[k]))
			continue;
		/* "US$", "HK$", "A$" */
		if (i - 1 > lo && glued(s, i - 1) && s->tok[i - 2].type == VIGIL_TOK_WORD &&
		    s->tok[i - 2].len <= 3 && (s->tok[i - 2].flags & VIGIL_TF_CAP))
			return i - 2;
		return i - 1;
	}
	if (in_list(s, i - 1, currency_codes, NELEM(currency_codes)) &&
	    (s->tok[i - 1].flags & VIGIL_TF_CAP))
		return i - 1;
	return i;
}

static int year_candidate(const vigil__qcore *c)
{
	return (c->flags & VIGIL__QF_DIGITS) && c->ndigits == 4 && c->hint < 0 &&
	       !(c->flags & (VIGIL__QF_COMMA | VIGIL__QF_DECIMAL | VIGIL__QF_SCALED |
			     VIGIL__QF_LEADZERO)) &&
	       c->value >= 1000 && c->value <= 2100;
}

/* The multiplier the trailing scale words gave a number ("2 million": 1e6),
 * 1 when none. */
static double scale_of(const vigil__qscan *s, const vigil__qcore *c)
{
	static const struct {
		const char *w;
		double v;
	} sc[] = {{"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6},
		  {"mn", 1e6}, {"mln", 1e6}, {"m", 1e6}, {"billion", 1e9},
		  {"bn", 1e9}, {"trillion", 1e12}, {"tn", 1e12}};
	double m = 1;
	size_t k, i;

	for (i = c->e; i > c->b + 1; i--) {
		for (k = 0; k < NELEM(sc); k++)
			if (vigil__qword_is(s, i - 1, sc[k].w))
				break;
		if (k == NELEM(sc))
			break;
		m *= sc[k].v;
	}
	return m;
}

/* Reads a range after the first number: "between X and Y", "from X to Y",
 * "X to Y", "X or Y", "X-Y". Returns the end of the range, or c->e. */
static size_t read_range(const vigil__qscan *s, build *bd, int between, int from)
{
	vigil__qcore *c = &bd->c, c2;
	size_t j = c->e, k;
	double low = c->value, high, m1, m2;
	int hyphen = vigil__qinner(s, j, '-');

	if (c->hint >= 0 || c->qual != VIGIL_QQ_EXACT)
		return j;
	if (!(between ? vigil__qword_is(s, j, "and")
		      : vigil__qword_is(s, j, "to") ||
				(!from && (vigil__qword_is(s, j, "or") || hyphen))))
		return j;
	k = currency_before(s, j + 2, j + 1) < j + 2 ? j + 2 : j + 1;
	if (!vigil__qcore_parse(s, k, bd->money, &c2) || c2.hint >= 0 ||
	    c2.qual != VIGIL_QQ_EXACT)
		return j;
	if (hyphen && (!(c->flags & VIGIL__QF_DIGITS) || !(c2.flags & VIGIL__QF_DIGITS)))
		return j;
	high = c2.value;
	if (hyphen && year_candidate(c) && c2.ndigits == 2 && c2.hint < 0 &&
	    !(c2.flags & ~VIGIL__QF_DIGITS)) {
		high = low - fmod(low, 100) + high;
		bd->year_range = high > low;
	}
	m1 = scale_of(s, c);
	m2 = scale_of(s, &c2);
	if (m1 == 1 && m2 > 1 && low < high / m2)
		low *= m2;
	if (!(low < high)) {
		if (!hyphen)
			return j;
		bd->kind = VIGIL_QK_OTHER; /* "3-1": a score, not a range */
		bd->c.e = c2.e;
		return c2.e;
	}
	bd->q.low = low;
	bd->q.high = high;
	bd->q.value = NAN;
	bd->q.qualifier = VIGIL_QQ_BETWEEN;
	c->e = c2.e;
	return c2.e;
}

/* "or more", "or so", "-plus", "+", "-odd" after token j. */
static size_t read_postfix(const vigil__qscan *s, build *bd, size_t j, int unit_seen)
{
	uint8_t v = 0;
	size_t m;

	if (bd->q.qualifier != VIGIL_QQ_EXACT || bd->c.qual != VIGIL_QQ_EXACT)
		return j;
	if ((m = match_table(s, j, qual_after, NELEM(qual_after), &v)) > 0) {
		bd->q.qualifier = v;
		return j + m;
	}
	if (unit_seen)
		return j;
	if (is_symbol(s, j, "+") && glued(s, j)) {
		bd->q.qualifier = VIGIL_QQ_OVER;
		return j + 1;
	}
	m = vigil__qinner(s, j, '-') ? 1 : 0;
	if (vigil__qword_is(s, j + m, "plus")) {
		bd->q.qualifier = VIGIL_QQ_OVER;
		return j + m + 1;
	}
	if (vigil__qword_is(s, j + m, "odd")) {
		bd->q.qualifier = VIGIL_QQ_APPROXIMATELY;
		return j + m + 1;
	}
	return j;
}

static void set_unit(build *bd, size_t b, size_t e)
{
	bd->q.unit_begin = (uint32_t)b;
	bd->q.unit_end = (uint32_t)e;
}

/* A partitive "of these soldiers", "of them", "of the troops" at j: the
 * anaphor is recorded and the noun after it becomes the unit. */
static size_t read_partitive(const vigil__qscan *s, build *bd, size_t j)
{
	static const char *const det[] = {"her", "his", "its", "our", "the",
					  "their", "these", "those", "your"};
	static const char *const pron[] = {"them", "these", "those", "us",
					   "which", "whom"};
	np n;

	if (!vigil__qword_is(s, j, "of"))
		return j;
	if (in_list(s, j + 1, det, NELEM(det))) {
		scan_np(s, j + 2, &n);
		if (n.end > j + 2) {
			bd->q.anaphor_tok = (uint32_t)(j + 1);
			set_unit(bd, n.hb, n.he);
			bd->unit_np = 1;
			bd->plural = n.plural;
			return n.end;
		}
	}
	if (in_list(s, j + 1, pron, NELEM(pron))) {
		bd->q.anaphor_tok = (uint32_t)(j + 1);
		return j + 2;
	}
	return j;
}

/* The unit after the number at j: a unit word ("km", "per cent", "%"), a
 * hyphenated compound ("1,100-kilometre", "45-year-old", "500-strong"), a
 * partitive, or a noun phrase with an "of" continuation after a container
 * noun. Returns the end of the phrase so far. */
static size_t read_unit(const vigil__qscan *s, build *bd, size_t j)
{
	uint8_t v = 0;
	size_t m, e;
	np n, n2;

	if (is_symbol(s, j, "%")) {
		set_unit(bd, j, j + 1);
		bd->kind = VIGIL_QK_PERCENT;
		return j + 1;
	}
	if (vigil__qinner(s, j, '-') && j + 1 < s->end &&
	    s->tok[j + 1].type == VIGIL_TOK_WORD) {
		if ((m = match_table(s, j + 1, unit_words, NELEM(unit_words), &v)) > 0) {
			e = j + 1 + m;
			if (v == VIGIL_QK_DURATION && vigil__qinner(s, e, '-') &&
			    vigil__qword_is(s, e + 1, "old")) {
				v = VIGIL_QK_AGE;
				e += 2;
			}
			set_unit(bd, j + 1, e);
			bd->kind = v;
			return e;
		}
		if (!vigil__qword_is(s, j + 1, "strong")) {
			bd->modifier = 1; /* "a 12-point plan" */
			return j + 2;
		}
		j += 2; /* "a 500-strong force": a count of the noun after */
	} else if ((m = match_table(s, j, unit_words, NELEM(unit_words), &v)) > 0 &&
		   !(v == VIGIL_QK_DISTANCE && bd->money && m == 1 &&
		     vigil__qword_is(s, j, "m"))) {
		set_unit(bd, j, j + m);
		bd->kind = v;
		if (v == VIGIL_QK_MEASURE && vigil__qword_is(s, j + m, "of")) {
			scan_np(s, j + m + 1, &n); /* "5,000 tonnes of ammunition" */
			if (n.end > j + m + 1) {
				set_unit(bd, j, n.he);
				return n.end;
			}
		}
		return j + m;
	}
	if (bd->money)
		return j;
	if ((e = read_partitive(s, bd, j)) > j)
		return e;
	if (bd->c.qual != VIGIL_QQ_EXACT && vigil__qword_is(s, j, "of")) {
		scan_np(s, j + 1, &n); /* "hundreds of civilians" */
		if (n.end == j + 1)
			return j;
	} else {
		scan_np(s, j, &n);
		if (n.end == j)
			return j;
	}
	e = n.end;
	set_unit(bd, n.hb, n.he);
	bd->unit_np = 1;
	bd->plural = n.plural;
	if (in_list(s, n.hb, containers, NELEM(containers)) && n.he == n.hb + 1 &&
	    vigil__qword_is(s, n.end, "of")) {
		scan_np(s, n.end + 1, &n2);
		if (n2.end > n.end + 1) {
			set_unit(bd, n.hb, n2.he);
			e = n2.end;
		}
	}
	/* "5 billion US dollars" */
	if (match_table(s, n.hb, unit_words, NELEM(unit_words), &v) == n.he - n.hb &&
	    v == VIGIL_QK_MONEY) {
		bd->kind = VIGIL_QK_MONEY;
		bd->unit_np = 0;
	}
	return e;
}

/* ---- Identifiers -------------------------------------------------------- */

static int line_start(const vigil__qscan *s, size_t i)
{
	const vigil__token *p;
	size_t k;

	if (i == s->begin)
		return 1;
	p = &s->tok[i - 1];
	for (k = p->off + p->len; k < s->tok[i].off; k++)
		if (s->text[k] == '\n')
			return 1;
	return 0;
}

/* A plain group of digits: no thousands separator, no decimal point. */
static int digit_group(const vigil__qscan *s, size_t i)
{
	const vigil__token *t = &s->tok[i];

	return i < s->end && t->type == VIGIL_TOK_NUMBER &&
	       memchr(s->text + t->off, ',', t->len) == NULL &&
	       memchr(s->text + t->off, '.', t->len) == NULL;
}

/* The digit groups after token e that continue an identifier: "555 1234",
 * "-123-4567". Returns the end of the run. */
static size_t group_run(const vigil__qscan *s, size_t e)
{
	for (;;) {
		if (e < s->end && digit_group(s, e) && (s->tok[e].flags & VIGIL_TF_SPACE))
			e++;
		else if (vigil__qinner(s, e, '-') && e + 1 < s->end && digit_group(s, e + 1))
			e += 2;
		else
			return e;
	}
}

/* "555-123-4567": three digit groups joined by hyphens. */
static int phone_dashes(const vigil__qscan *s, size_t e)
{
	return vigil__qinner(s, e, '-') && e + 1 < s->end && digit_group(s, e + 1) &&
	       vigil__qinner(s, e + 2, '-') && e + 3 < s->end && digit_group(s, e + 3);
}

/*
 * Whether the number at c is an identifier rather than an amount: "F-16",
 * "No. 3", "#3", "Resolution 2231", "+1 555 123 4567", "555-123-4567",
 * "(555) 123 4567", list numbering "1)" or "1." at a line start, "0800".
 * Returns the end of the label and its first token in *b (from lo on), or 0
 * when the number is no label.
 */
static size_t label_end(const vigil__qscan *s, const vigil__qcore *c, size_t lo,
			size_t *b)
{
	static const char *const year_prefix[] = {"early", "late", "mid", "post",
						  "pre"};
	size_t i = c->b, e = c->e;
	unsigned plain = !(c->flags & (VIGIL__QF_COMMA | VIGIL__QF_DECIMAL));

	*b = i;
	if (!(c->flags & VIGIL__QF_DIGITS))
		return 0;
	if (i >= lo + 2 && vigil__qinner(s, i - 1, '-') &&
	    s->tok[i - 2].type == VIGIL_TOK_WORD &&
	    !in_list(s, i - 2, year_prefix, NELEM(year_prefix))) {
		*b = i - 2;
		return e; /* "F-16", "Su-27", "COVID-19", "F-16s" */
	}
	if (c->hint >= 0)
		return 0;
	if (i > lo && (in_list(s, i - 1, label_words, NELEM(label_words)) ||
		       ((vigil__qword_is(s, i - 1, "no") ||
			 vigil__qword_is(s, i - 1, "number")) &&
			(s->tok[i - 1].flags & VIGIL_TF_CAP)) ||
		       is_symbol(s, i - 1, "#") || is_symbol(s, i - 1, "+"))) {
		*b = i - 1;
		return group_run(s, e);
	}
	if (e != i + 1)
		return 0; /* scaled: "3 million" */
	if (phone_dashes(s, e))
		return group_run(s, e);
	if (c->flags & VIGIL__QF_GLUED) {
		uint8_t v;

		/* "10km" has a unit; "5G" is a name */
		return match_table(s, e, unit_words, NELEM(unit_words), &v) ? 0 : e + 1;
	}
	if (vigil__qinner(s, e, '/') && e + 1 < s->end &&
	    s->tok[e + 1].type == VIGIL_TOK_NUMBER)
		return e + 2; /* "24/7", "9/11" */
	if (i > lo && is_punct(s, i - 1, '(') && is_punct(s, e, ')')) {
		if (plain && e + 1 < s->end && digit_group(s, e + 1)) {
			*b = i - 1;
			return group_run(s, e + 1); /* "(555) 123 4567" */
		}
		if (plain && line_start(s, i - 1)) {
			*b = i - 1;
			return e + 1; /* "(1)" opening a list item */
		}
	}
	if (line_start(s, i) && plain && c->value < 100 &&
	    (is_punct(s, e, ')') || is_punct(s, e, '.')))
		return e + 1; /* "1)", "1." opening a list item */
	if (plain && c->ndigits >= 2 && e < s->end && digit_group(s, e) &&
	    (s->tok[e].flags & VIGIL_TF_SPACE) &&
	    (s->tok[e].len >= 4 || (c->flags & VIGIL__QF_LEADZERO)))
		return group_run(s, e); /* "123 4567" */
	if ((c->flags & VIGIL__QF_LEADZERO) &&
	    !(vigil__qword_is(s, e, "gmt") || vigil__qword_is(s, e, "utc") ||
	      vigil__qword_is(s, e, "hours") || vigil__qword_is(s, e, "hrs")))
		return e; /* "007" */
	return 0;
}

/* ---- Kinds -------------------------------------------------------------- */

static int is_month(const vigil__qscan *s, size_t i)
{
	return i >= s->begin && i < s->end && (s->tok[i].flags & VIGIL_TF_CAP) &&
	       in_list(s, i, months, NELEM(months));
}

static int plain_integer(const vigil__qcore *c)
{
	return (c->flags & VIGIL__QF_DIGITS) && c->hint < 0 &&
	       !(c->flags & (VIGIL__QF_COMMA | VIGIL__QF_DECIMAL | VIGIL__QF_SCALED |
			     VIGIL__QF_LEADZERO | VIGIL__QF_GLUED));
}

/* "Jane Smith, 45, said": a bare small number between commas after a
 * name. */
static int age_apposition(const vigil__qscan *s, const build *bd)
{
	size_t i = bd->c.b, e = bd->c.e;

	return plain_integer(&bd->c) && bd->c.value >= 1 && bd->c.value <= 120 &&
	       i >= s->begin + 2 && is_punct(s, i - 1, ',') &&
	       s->tok[i - 2].type == VIGIL_TOK_WORD &&
	       (s->tok[i - 2].flags & VIGIL_TF_CAP) &&
	       (is_punct(s, e, ',') || is_punct(s, e, '.') || is_punct(s, e, ')')) &&
	       bd->q.unit_begin == bd->q.unit_end;
}

/* The kind of the phrase, from the number's form, its unit and the words
 * around it; pb is the first token before the number (qualifier or
 * currency). */
static int classify(const vigil__qscan *s, const build *bd, size_t pb)
{
	const vigil__qcore *c = &bd->c;
	size_t i = c->b;

	if (c->hint >= 0)
		return c->hint;
	if (bd->kind >= 0)
		return bd->kind;
	if (bd->money)
		return VIGIL_QK_MONEY;
	if (c->flags & VIGIL__QF_GLUED)
		return VIGIL_QK_LABEL; /* "5G": a glued word that is no unit */
	if (bd->modifier)
		return VIGIL_QK_OTHER;
	if (c->qual != VIGIL_QQ_EXACT)
		return VIGIL_QK_COUNT;
	if (i > s->begin && (vigil__qword_is(s, i - 1, "aged") ||
			     vigil__qword_is(s, i - 1, "age") ||
			     vigil__qword_is(s, i - 1, "ages")))
		return VIGIL_QK_AGE;
	if (plain_integer(c) && c->value >= 1 && c->value <= 31 && isnan(bd->q.low) &&
	    (is_month(s, i - 1) || is_month(s, c->e)))
		return VIGIL_QK_DATE;
	if (bd->year_range)
		return VIGIL_QK_YEAR;
	if (year_candidate(c) &&
	    ((i > s->begin && (is_month(s, i - 1) ||
			       in_list(s, i - 1, year_context, NELEM(year_context)))) ||
	     (pb > s->begin && in_list(s, pb - 1, year_context, NELEM(year_context))) ||
	     !bd->plural))
		return VIGIL_QK_YEAR;
	if (age_apposition(s, bd))
		return VIGIL_QK_AGE;
	if (!isnan(bd->q.value) && bd->q.value != floor(bd->q.value))
		return VIGIL_QK_OTHER; /* "7.8", "1.5" alone */
	return VIGIL_QK_COUNT;
}

/* ---- Phrases ------------------------------------------------------------ */

static void init_build(build *bd)
{
	memset(bd, 0, sizeof(*bd));
	bd->kind = -1;
	bd->q.value = bd->q.low = bd->q.high = bd->q.scale = NAN;
	bd->q.anaphor_tok = VIGIL__QTY_NONE;
	bd->q.qualifier = VIGIL_QQ_EXACT;
}

/* A label [b, le): "F-16" (from "F"), "Resolution 2231", "#3". */
static size_t finish_label(build *bd, size_t b, size_t le)
{
	bd->q.tok_begin = (uint32_t)b;
	bd->q.tok_end = (uint32_t)le;
	bd->q.num_begin = (uint32_t)bd->c.b;
	bd->q.num_end = (uint32_t)bd->c.e;
	bd->q.unit_begin = bd->q.unit_end = (uint32_t)bd->c.e;
	bd->q.value = bd->c.value;
	bd->q.kind = VIGIL_QK_LABEL;
	return le;
}

/*
 * Reads the quantity phrase whose number starts at token i; the phrase may
 * begin before i (qualifier, currency) but not before lo. Returns the end
 * of the phrase with *out filled, or 0 when no quantity starts at i.
 */
static size_t read_phrase(const vigil__qscan *s, size_t i, size_t lo,
			  vigil__quantity *out)
{
	build bd;
	size_t pb = i, qb, j, le;
	uint8_t v = 0;
	int between = 0, from = 0;

	init_build(&bd);
	if (s->tok[i].type == VIGIL_TOK_NUMBER)
		pb = currency_before(s, i, lo);
	bd.money = pb < i;
	if (!vigil__qcore_parse(s, i, bd.money, &bd.c))
		return 0;
	if ((bd.c.flags & VIGIL__QF_ONE) &&
	    (vigil__qword_is(s, i + 1, "of") || vigil__qword_is(s, i + 1, "another") ||
	     (i > s->begin && vigil__qword_is(s, i - 1, "no"))))
		return 0;
	if ((le = label_end(s, &bd.c, lo, &qb)) > 0) {
		j = finish_label(&bd, qb, le);
		*out = bd.q;
		return j;
	}
	bd.q.value = bd.c.value;
	qb = pb;
	if (bd.c.qual == VIGIL_QQ_EXACT && bd.c.hint < 0) {
		qb = match_before(s, pb, lo, qual_before, NELEM(qual_before), &v);
		if (qb < pb)
			bd.q.qualifier = v;
		between = qb > lo && vigil__qword_is(s, qb - 1, "between");
		from = qb > lo && vigil__qword_is(s, qb - 1, "from");
	}
	j = bd.c.e;
	if (bd.c.hint == VIGIL_QK_TIME &&
	    (le = match_table(s, j, unit_words, NELEM(unit_words), &v)) > 0 &&
	    v == VIGIL_QK_TIME) {
		set_unit(&bd, j, j + le); /* "9:30 a.m." */
		j += le;
	}
	if (bd.c.hint < 0) {
		j = read_range(s, &bd, between, from);
		if (bd.q.qualifier == VIGIL_QQ_BETWEEN && (between || from))
			qb--;
		j = read_postfix(s, &bd, j, 0);
		bd.num_end = j;
		j = read_unit(s, &bd, j);
	}
	bd.q.kind = (uint8_t)classify(s, &bd, pb);
	if (bd.q.kind != VIGIL_QK_COUNT && bd.unit_np) {
		bd.q.unit_begin = bd.q.unit_end = 0;
		bd.q.anaphor_tok = VIGIL__QTY_NONE;
		j = bd.num_end;
	} else if (bd.c.hint < 0) {
		j = read_postfix(s, &bd, j, 1);
	}
	if ((bd.c.flags & VIGIL__QF_ONE) && bd.q.kind == VIGIL_QK_COUNT &&
	    bd.q.unit_begin == bd.q.unit_end && isnan(bd.q.low))
		return 0; /* "one" alone is a pronoun far more often than a number */
	if (bd.c.qual != VIGIL_QQ_EXACT) {
		bd.q.qualifier = (uint8_t)bd.c.qual;
		bd.q.vague = 1;
		bd.q.scale = bd.c.scale;
	}
	if (bd.q.unit_begin == bd.q.unit_end)
		bd.q.unit_begin = bd.q.unit_end = (uint32_t)bd.c.e;
	bd.q.tok_begin = (uint32_t)qb;
	bd.q.tok_end = (uint32_t)j;
	bd.q.num_begin = (uint32_t)bd.c.b;
	bd.q.num_end = (uint32_t)bd.c.e;
	bd.q.definite = qb > s->begin && (vigil__qword_is(s, qb - 1, "the") ||
					  vigil__qword_is(s, qb - 1, "these") ||
					  vigil__qword_is(s, qb - 1, "those"));
	*out = bd.q;
	return j;
}

int vigil__quantities_find(vigil__arena *a, const char *text,
			   const vigil__token *tok, size_t begin, size_t end,
			   vigil__quantity **out, size_t *n)
{
	vigil__qscan s;
	vigil__quantity *arr = NULL, q;
	size_t cap = 0, cnt = 0, i = begin, e;

	*out = NULL;
	*n = 0;
	s.text = text;
	s.tok = tok;
	s.begin = begin;
	s.end = end;
	while ((i = vigil__qnext_start(&s, i)) < end) {
		e = read_phrase(&s, i, cnt ? arr[cnt - 1].tok_end : begin, &q);
		if (e == 0) {
			i++;
			continue;
		}
		if (vigil__arena_grow(a, (void **)&arr, &cap, cnt + 1, sizeof(*arr)) < 0)
			return -1;
		arr[cnt++] = q;
		i = e;
	}
	*out = cnt ? arr : NULL;
	*n = cnt;
	return 0;
}

/* ---- Names -------------------------------------------------------------- */

const char *vigil__qualifier_name(int q)
{
	static const char *const names[VIGIL_QQ_COUNT_] = {
		[VIGIL_QQ_EXACT] = "exact",
		[VIGIL_QQ_APPROXIMATELY] = "approximately",
		[VIGIL_QQ_ESTIMATED] = "estimated",
		[VIGIL_QQ_SOME] = "some",
		[VIGIL_QQ_OVER] = "over",
		[VIGIL_QQ_AT_LEAST] = "at_least",
		[VIGIL_QQ_UP_TO] = "up_to",
		[VIGIL_QQ_AT_MOST] = "at_most",
		[VIGIL_QQ_NEARLY] = "nearly",
		[VIGIL_QQ_FEWER_THAN] = "fewer_than",
		[VIGIL_QQ_BETWEEN] = "between",
		[VIGIL_QQ_SEVERAL] = "several",
		[VIGIL_QQ_FEW] = "few",
		[VIGIL_QQ_DOZENS] = "dozens",
		[VIGIL_QQ_SCORES] = "scores",
		[VIGIL_QQ_HUNDREDS] = "hundreds",
		[VIGIL_QQ_THOUSANDS] = "thousands",
		[VIGIL_QQ_TENS_OF_THOUSANDS] = "tens_of_thousands",
		[VIGIL_QQ_HUNDREDS_OF_THOUSANDS] = "hundreds_of_thousands",
		[VIGIL_QQ_MILLIONS] = "millions",
	};

	return q >= 0 && q < VIGIL_QQ_COUNT_ ? names[q] : "exact";
}

const char *vigil__quantity_kind_name(int k)
{
	static const char *const names[] = {
		[VIGIL_QK_COUNT] = "count",       [VIGIL_QK_MONEY] = "money",
		[VIGIL_QK_PERCENT] = "percent",   [VIGIL_QK_DISTANCE] = "distance",
		[VIGIL_QK_YEAR] = "year",         [VIGIL_QK_AGE] = "age",
		[VIGIL_QK_DURATION] = "duration", [VIGIL_QK_ORDINAL] = "ordinal",
		[VIGIL_QK_DATE] = "date",         [VIGIL_QK_TIME] = "time",
		[VIGIL_QK_MEASURE] = "measure",   [VIGIL_QK_LABEL] = "label",
		[VIGIL_QK_OTHER] = "other",
	};

	return k >= 0 && k < (int)NELEM(names) ? names[k] : "other";
}

/* ---- Table order -------------------------------------------------------- */

static int sorted_strictly(const char *const *list, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (strcmp(list[i - 1], list[i]) >= 0)
			return 0;
	return 1;
}

static int by_first_letter(const phrase_entry *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].n != strlen(t[i].w) ||
		    (i > 0 && (unsigned char)t[i - 1].w[0] > (unsigned char)t[i].w[0]))
			return 0;
	return 1;
}

int vigil__quantity_tables_check(void)
{
	static const struct {
		const char *const *list;
		size_t n;
	} lists[] = {
		{stop_words, NELEM(stop_words)},
		{plural_irregular, NELEM(plural_irregular)},
		{modifiers, NELEM(modifiers)},
		{containers, NELEM(containers)},
		{label_words, NELEM(label_words)},
		{year_context, NELEM(year_context)},
		{months, NELEM(months)},
		{currency_codes, NELEM(currency_codes)},
	};
	size_t i;

	for (i = 0; i < NELEM(lists); i++)
		if (!sorted_strictly(lists[i].list, lists[i].n))
			return -1;
	if (!by_first_letter(unit_words, NELEM(unit_words)) ||
	    !by_first_letter(qual_after, NELEM(qual_after)))
		return -1;
	return vigil__qwords_check();
}
