/*
 * boilerplate.c: the line classifier of the layout step. A line (trimmed,
 * at most LINE_CLASSIFY_MAX bytes) is boilerplate (share, follow and
 * subscribe prompts, navigation, advertising, copyright, image and wire
 * credits, page furniture), a "By ..." byline, a lone name, or prose; and a
 * paragraph may end in a wire credit "(Reporting by ...)". Pattern tables
 * are static const; matching is ASCII case-insensitive.
 *
 * SPDX-License-Identifier: MIT
 */
#include "text_int.h"

#include <string.h>
#include <utf8proc.h>

#define LINE_CLASSIFY_MAX 400 /* longer lines are always prose */

/* ---- Small string helpers ----------------------------------------------- */

int vigil__text_upper_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	utf8proc_category_t c;
	int32_t cp;

	if (n == 0)
		return 0;
	if (u[0] < 0x80)
		return (vigil__text_cls[u[0]] & C_UPPER) != 0;
	vigil__text_decode(u, n, &cp);
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* Case-insensitive (ASCII) prefix test; pat is lowercase. */
static int iprefix(const char *s, size_t n, const char *pat)
{
	size_t i;

	for (i = 0; pat[i]; i++)
		if (i >= n || vigil__text_lower[(unsigned char)s[i]] !=
				      (unsigned char)pat[i])
			return 0;
	return 1;
}

/* Exact substring test (memmem() is a GNU extension). */
static int has_sub(const char *s, size_t n, const char *pat, size_t m)
{
	const char *p = s, *end = s + n;

	while (m > 0 && (size_t)(end - p) >= m &&
	       (p = memchr(p, pat[0], (size_t)(end - p) - m + 1)) != NULL) {
		if ((m == 1 || p[1] == pat[1]) && memcmp(p, pat, m) == 0)
			return 1;
		p++;
	}
	return 0;
}

/*
 * Case-insensitive (ASCII) substring test; pat is lowercase. When `hint`
 * (a lowercase piece of pat with a rare letter) is given, an exact search
 * for it in lower and upper case rules out most lines first.
 */
static int icontains(const char *s, size_t n, const char *pat, const char *hint)
{
	size_t m = strlen(pat), i, h = hint ? strlen(hint) : 0;
	char up[8];

	if (h > 0 && h < sizeof(up)) {
		for (i = 0; i < h; i++)
			up[i] = (char)(hint[i] - 'a' + 'A');
		if (!has_sub(s, n, hint, h) && !has_sub(s, n, up, h))
			return 0;
	}
	for (i = 0; i + m <= n; i++)
		if (vigil__text_lower[(unsigned char)s[i]] == (unsigned char)pat[0] &&
		    iprefix(s + i, n - i, pat))
			return 1;
	return 0;
}

static int has_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (vigil__text_cls[(unsigned char)s[i]] & C_DIGIT)
			return 1;
	return 0;
}

/* ---- Boilerplate lines -------------------------------------------------- */

enum bmode {
	B_PREFIX,  /* the line starts with the pattern (at a word end) */
	B_EQUAL,   /* the line is the pattern, give or take a final ':' or '.' */
	B_CONTAINS,
	B_SUFFIX,
	B_PREFIX_DIGIT, /* prefix, and the line holds a digit */
	B_SOCIAL   /* prefix, and the line names a social network */
};

struct boiler {
	const char *pat;  /* lowercase ASCII or UTF-8 */
	const char *hint; /* B_CONTAINS: lowercase letters of pat, see icontains */
	uint8_t patlen;
	uint8_t mode;     /* enum bmode */
	uint16_t maxlen;  /* longest line the pattern applies to, bytes */
};

#define B(pat, mode, maxlen) {pat, NULL, sizeof(pat) - 1, mode, maxlen}
#define C(pat, hint, maxlen) {pat, hint, sizeof(pat) - 1, B_CONTAINS, maxlen}

/*
 * Patterns a line starts with (share, follow and subscribe prompts,
 * navigation, advertising, rights, image and wire credits, page furniture).
 * Sorted by first byte: is_boiler() looks up the first letter of a line.
 */
static const struct boiler anchored[] = {
	B("(additional reporting", B_PREFIX, 400),
	B("(c)", B_PREFIX, 300),
	B("(editing by", B_PREFIX, 400),
	B("(reporting", B_PREFIX, 400),
	B("(writing by", B_PREFIX, 400),
	B("additional reporting", B_PREFIX, 400),
	B("advertisement", B_PREFIX, 80),
	B("also read", B_PREFIX, 300),
	B("caption:", B_PREFIX, 300),
	B("click here", B_PREFIX, 200),
	B("compiled by", B_PREFIX, 200),
	B("continue reading", B_PREFIX, 80),
	B("copyright", B_PREFIX_DIGIT, 300),
	B("editing by", B_PREFIX, 400),
	B("file photo", B_PREFIX, 300),
	B("follow", B_SOCIAL, 120),
	B("follow us", B_PREFIX, 120),
	B("image source", B_PREFIX, 300),
	B("image:", B_PREFIX, 300),
	B("last updated", B_PREFIX_DIGIT, 80),
	B("like us on", B_PREFIX, 120),
	B("more on this", B_PREFIX, 300),
	B("most read", B_EQUAL, 20),
	B("photo by", B_PREFIX, 300),
	B("photo credit", B_PREFIX, 300),
	B("photo:", B_PREFIX, 300),
	B("photograph:", B_PREFIX, 300),
	B("photos:", B_PREFIX, 300),
	B("picture:", B_PREFIX, 300),
	B("published", B_PREFIX_DIGIT, 80),
	B("read also", B_PREFIX, 300),
	B("read more", B_PREFIX, 300),
	B("recommended", B_EQUAL, 20),
	B("related", B_EQUAL, 20),
	B("related articles", B_PREFIX, 300),
	B("related coverage", B_PREFIX, 300),
	B("related news", B_PREFIX, 300),
	B("related stories", B_PREFIX, 300),
	B("related:", B_PREFIX, 300),
	B("reporting by", B_PREFIX, 400),
	B("see also", B_PREFIX, 300),
	B("share", B_EQUAL, 20),
	B("share on", B_PREFIX, 80),
	B("share this", B_PREFIX, 80),
	B("sign up", B_PREFIX, 160),
	B("sponsored", B_PREFIX, 60),
	B("story continues", B_PREFIX, 80),
	B("subscribe", B_PREFIX, 120),
	B("tags:", B_PREFIX, 300),
	B("topics:", B_PREFIX, 300),
	B("trending", B_EQUAL, 20),
	B("updated", B_PREFIX_DIGIT, 80),
	B("video:", B_PREFIX, 300),
	B("watch:", B_PREFIX, 300),
	B("writing by", B_PREFIX, 400),
	B("\xc2\xa9", B_PREFIX, 300), /* © */
};

/* Patterns found anywhere in a line, or at its end (image credits). */
static const struct boiler floating[] = {
	C("all rights reserved", "ved", 300),
	C("newsletter", "wsl", 80),
	B("/ afp", B_SUFFIX, 300),
	B("/afp", B_SUFFIX, 300),
	B("/ reuters", B_SUFFIX, 300),
	B("/reuters", B_SUFFIX, 300),
	B("/ ap", B_SUFFIX, 300),
	B("/ap", B_SUFFIX, 300),
	B("getty images", B_SUFFIX, 300),
};

#undef B
#undef C

static const char *const socials[] = {
	"twitter", "facebook", "instagram", "telegram", "youtube", "tiktok",
	"linkedin", "whatsapp", " on x",
};

/* Whether line l[0, n) matches boilerplate entry b. */
static int boiler_match(const struct boiler *b, const char *l, size_t n)
{
	size_t m = b->patlen, i;
	unsigned char last = (unsigned char)b->pat[m - 1];

	switch (b->mode) {
	case B_EQUAL:
		while (n > 0 && (l[n - 1] == ':' || l[n - 1] == '.' || l[n - 1] == ' '))
			n--;
		return n == m && iprefix(l, n, b->pat);
	case B_CONTAINS:
		return icontains(l, n, b->pat, b->hint);
	case B_SUFFIX:
		while (n > 0 && (l[n - 1] == '.' || l[n - 1] == ')' || l[n - 1] == ' '))
			n--;
		return n >= m && vigil__text_lower[(unsigned char)l[n - 1]] == last &&
		       iprefix(l + n - m, m, b->pat) &&
		       (n == m || !(vigil__text_cls[(unsigned char)b->pat[0]] & C_ALPHA) ||
			!(vigil__text_cls[(unsigned char)l[n - m - 1]] & C_ALPHA));
	default:
		break;
	}
	if (!iprefix(l, n, b->pat))
		return 0;
	/* A pattern ending in a letter must end a word: "subscribe" does not
	 * match "subscribers". */
	if ((vigil__text_cls[last] & C_ALPHA) && n > m &&
	    (vigil__text_cls[(unsigned char)l[m]] & C_ALPHA))
		return 0;
	if (b->mode == B_PREFIX_DIGIT)
		return has_digit(l, n);
	if (b->mode == B_SOCIAL) {
		for (i = 0; i < sizeof(socials) / sizeof(socials[0]); i++)
			if (icontains(l, n, socials[i], NULL))
				return 1;
		return 0;
	}
	return 1;
}

static int is_boiler(const char *l, size_t n)
{
	const size_t na = sizeof(anchored) / sizeof(anchored[0]);
	unsigned char c = vigil__text_lower[(unsigned char)l[0]], last;
	size_t lo = 0, hi = na, i, e;

	/* The first anchored pattern starting with c. */
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		if ((unsigned char)anchored[i].pat[0] < c)
			lo = i + 1;
		else
			hi = i;
	}
	for (i = lo; i < na && (unsigned char)anchored[i].pat[0] == c; i++)
		if (n <= anchored[i].maxlen && boiler_match(&anchored[i], l, n))
			return 1;
	/* the line's last character before trailing ". ) ": most suffix
	 * patterns are ruled out by it without a call */
	for (e = n; e > 0 && (l[e - 1] == '.' || l[e - 1] == ')' || l[e - 1] == ' ');)
		e--;
	last = e ? vigil__text_lower[(unsigned char)l[e - 1]] : 0;
	for (i = 0; i < sizeof(floating) / sizeof(floating[0]); i++) {
		const struct boiler *b = &floating[i];

		if (n > b->maxlen || (b->mode == B_SUFFIX &&
				      (unsigned char)b->pat[b->patlen - 1] != last))
			continue;
		if (boiler_match(b, l, n))
			return 1;
	}
	return 0;
}

/* ---- Bylines ------------------------------------------------------------ */

/* Lowercase words allowed inside a name or byline. */
static const char *const particles[] = {
	"al", "and", "bin", "da", "de", "del", "der", "di", "dos", "du", "el",
	"for", "ibn", "in", "la", "le", "van", "von",
};

/* Capitalized words that show a line is a heading, not a name. */
static const char *const not_names[] = {
	"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the",
	"to", "with",
};

static int word_in(const char *const *list, size_t nlist, const char *w,
		   size_t n, int fold)
{
	size_t i, j;

	for (i = 0; i < nlist; i++) {
		if (strlen(list[i]) != n)
			continue;
		for (j = 0; j < n; j++) {
			unsigned char c = (unsigned char)w[j];

			if ((fold ? vigil__text_lower[c] : c) != (unsigned char)list[i][j])
				break;
		}
		if (j == n)
			return 1;
	}
	return 0;
}

#define NPART (sizeof(particles) / sizeof(particles[0]))
#define NNOT (sizeof(not_names) / sizeof(not_names[0]))

/* A capitalized name word: "Jane", "O'Brien", "Smith-Jones", "J.", "JANE". */
static int name_word(const char *w, size_t n)
{
	size_t i;

	if (!vigil__text_upper_at(w, n))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 0x80 || (vigil__text_cls[c] & C_ALPHA) || c == '\'' ||
		    c == '-')
			continue;
		if (c == '.' && i == n - 1)
			continue;
		return 0;
	}
	return 1;
}

/* "By Jane Doe", "By JANE DOE", "By Jane Doe, Reuters", "By Jane Doe and
 * John Roe in Seoul". *name receives the offset of the author text. */
static int by_line(const char *l, size_t n, size_t *name)
{
	size_t i = 3, w, e, names = 0;

	if (n < 4 || n > 100 || l[0] != 'B' || (l[1] != 'y' && l[1] != 'Y') ||
	    l[2] != ' ')
		return 0;
	while (i < n && l[i] == ' ')
		i++;
	*name = i;
	while (i < n) {
		for (w = i; i < n && l[i] != ' '; i++)
			;
		e = i;
		while (i < n && l[i] == ' ')
			i++;
		if (e > w && (l[e - 1] == ',' || l[e - 1] == ';'))
			e--;
		if (e == w || (e - w == 1 && strchr("|-&/", l[w])))
			continue;
		if (names > 0 && word_in(particles, NPART, l + w, e - w, 0))
			continue;
		if (!name_word(l + w, e - w) || has_digit(l + w, e - w))
			return 0;
		if (++names > 8)
			return 0;
	}
	return names > 0;
}

/* A lone name: two to four words, "Melissa Enoch", "Ursula von der Leyen". */
static int name_line(const char *l, size_t n)
{
	size_t i = 0, w, words = 0;

	if (n < 3 || n > 60 || l[n - 1] == '.')
		return 0;
	while (i < n) {
		for (w = i; i < n && l[i] != ' '; i++)
			;
		if (i == w || ++words > 4)
			return 0;
		if (word_in(not_names, NNOT, l + w, i - w, 1))
			return 0;
		if (!(words > 1 && word_in(particles, NPART, l + w, i - w, 0)) &&
		    !name_word(l + w, i - w))
			return 0;
		if (i < n)
			i++; /* exactly one space between words */
	}
	return words >= 2;
}

int vigil__text_line_kind(const char *l, size_t n)
{
	size_t name;

	if (n == 0 || n > LINE_CLASSIFY_MAX)
		return LINE_TEXT;
	if (is_boiler(l, n))
		return LINE_BOILER;
	if (by_line(l, n, &name))
		return LINE_BY;
	if (name_line(l, n))
		return LINE_NAME;
	return LINE_TEXT;
}

size_t vigil__text_byline_name(const char *l, size_t n)
{
	size_t name = 0;

	return by_line(l, n, &name) ? name : 0;
}

/* ---- Wire credits ------------------------------------------------------- */

static const char *const credits[] = {
	"reporting", "writing by", "editing by", "additional reporting",
	"compiled by",
};

size_t vigil__text_cut_credit(const char *p, size_t n)
{
	size_t q, lim = n > 400 ? n - 400 : 0, i;

	if (n < 12 || p[n - 1] != ')')
		return n;
	for (q = n - 1; q > lim; q--)
		if (p[q - 1] == '(')
			break;
	if (q <= lim)
		return n;
	for (i = 0; i < sizeof(credits) / sizeof(credits[0]); i++)
		if (iprefix(p + q, n - q, credits[i]))
			break;
	if (i == sizeof(credits) / sizeof(credits[0]))
		return n;
	q--;
	while (q > 0 && (vigil__text_cls[(unsigned char)p[q - 1]] & C_SPACE))
		q--;
	return q;
}
