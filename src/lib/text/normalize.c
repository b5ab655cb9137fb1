/*
 * normalize.c: text normalization, the second step of the text stage. One
 * pass maps typographic characters to ASCII (quotes, dashes, spaces, the
 * ellipsis), line ends to '\n' and drops invisible characters; Unicode NFC
 * (utf8proc) then runs only over the runs of non-ASCII text holding a code
 * point that NFC can change. Input must be valid UTF-8 (vigil__utf8_check);
 * a malformed byte is copied through unchanged.
 *
 * SPDX-License-Identifier: MIT
 */
#include "text_int.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <utf8proc.h>

#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* ---- The mapping table -------------------------------------------------- */

/*
 * Replacements for U+2000..U+206F; NULL keeps the character. Dashes
 * (U+2010..U+2015) are handled by map_dashes() and are NULL here.
 */
static const char *const punct_block[0x70] = {
	[0x00] = " ", [0x01] = " ", [0x02] = " ", [0x03] = " ", [0x04] = " ",
	[0x05] = " ", [0x06] = " ", [0x07] = " ", [0x08] = " ", [0x09] = " ",
	[0x0A] = " ",
	[0x0B] = "", [0x0C] = "", [0x0D] = "", [0x0E] = "", [0x0F] = "",
	[0x18] = "'", [0x19] = "'", [0x1A] = "'", [0x1B] = "'",
	[0x1C] = "\"", [0x1D] = "\"", [0x1E] = "\"", [0x1F] = "\"",
	[0x26] = "...",
	[0x28] = "\n", [0x29] = "\n\n",
	[0x2A] = "", [0x2B] = "", [0x2C] = "", [0x2D] = "", [0x2E] = "",
	[0x2F] = " ",
	[0x32] = "'", [0x33] = "\"", [0x35] = "'", [0x36] = "\"",
	[0x39] = "'", [0x3A] = "'",
	[0x5F] = " ", [0x60] = "", [0x61] = "", [0x62] = "", [0x63] = "",
	[0x64] = "", [0x66] = "", [0x67] = "", [0x68] = "", [0x69] = "",
};

/*
 * Returns the replacement of code point cp (>= 0x80), or NULL to keep it.
 * No replacement is longer than the UTF-8 form of what it replaces.
 */
static const char *replacement(int32_t cp)
{
	if (cp >= 0x2000 && cp < 0x2070)
		return punct_block[cp - 0x2000];
	if (cp < 0xA0)
		return cp == 0x85 ? "\n" : " "; /* C1 controls */
	switch (cp) {
	case 0x00A0: return " ";  /* no-break space */
	case 0x00AB: return "\""; /* guillemets */
	case 0x00BB: return "\"";
	case 0x00AD: return "";   /* soft hyphen */
	case 0x02BC: return "'";  /* modifier letter apostrophe */
	case 0x1680: return " ";
	case 0x180E: return "";   /* Mongolian vowel separator */
	case 0x3000: return " ";  /* ideographic space */
	case 0xFEFF: return "";   /* byte order mark, zero-width no-break space */
	default: return NULL;
	}
}

/* 1: a dash; 2: a dash that separates words (em dash, horizontal bar). */
static int dash_kind(int32_t cp)
{
	switch (cp) {
	case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013:
	case 0x2212: case 0xFE63: case 0xFF0D:
		return 1;
	case 0x2014: case 0x2015: case 0xFE58:
		return 2;
	default:
		return 0;
	}
}

/* ---- NFC ---------------------------------------------------------------- */

static int comb_second(const utf8proc_property_t *p)
{
#if UTF8PROC_VERSION_MAJOR > 2 || \
	(UTF8PROC_VERSION_MAJOR == 2 && UTF8PROC_VERSION_MINOR >= 9)
	return p->comb_issecond;
#else
	return p->comb_index != UINT16_MAX && p->comb_index >= 0x8000;
#endif
}

int vigil__text_nfc_unsafe(int32_t cp)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t d[8];
	utf8proc_ssize_t n;
	int bc = 0;

	/* Hangul vowel and trailing jamo compose algorithmically. */
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
		return 1;
	p = utf8proc_get_property(cp);
	if (p->combining_class != 0 || comb_second(p))
		return 1;
	if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
		return 0;
	/* A primary composite (é) recomposes to itself; a singleton (U+212B
	 * ANGSTROM SIGN, U+1F71) or an excluded composition does not. */
	n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &bc);
	if (n < 2 || n > 8)
		return 1;
	n = utf8proc_normalize_utf32(d, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	return !(n == 1 && d[0] == cp);
}

typedef struct outbuf {
	char *p;
	size_t len, cap;
} outbuf;

static int out_append(vigil__arena *a, outbuf *o, const void *s, size_t n)
{
	void *p = o->p;

	if (o->len + n + 1 > o->cap &&
	    vigil__arena_grow(a, &p, &o->cap, o->len + n + 1, 1) < 0)
		return -1;
	o->p = p;
	memcpy(o->p + o->len, s, n);
	o->len += n;
	return 0;
}

/* Appends NFC of the UTF-8 segment s[0, n), which starts at a character
 * that does not combine with what precedes it. */
static int nfc_segment(vigil__arena *a, outbuf *o, const char *s, size_t n)
{
	const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	utf8proc_int32_t local[256], *buf = local;
	utf8proc_ssize_t ncp, nb;

	ncp = utf8proc_decompose((const utf8proc_uint8_t *)s,
				 (utf8proc_ssize_t)n, buf, 256, opt);
	if (ncp > 256) {
		buf = vigil__arena_alloc(a, (size_t)ncp * sizeof(*buf));
		if (!buf)
			return -1;
		ncp = utf8proc_decompose((const utf8proc_uint8_t *)s,
					 (utf8proc_ssize_t)n, buf, ncp, opt);
	}
	if (ncp < 0)
		return out_append(a, o, s, n); /* malformed: keep as is */
	nb = utf8proc_reencode(buf, ncp, opt);
	if (nb < 0)
		return out_append(a, o, s, n);
	return out_append(a, o, buf, (size_t)nb);
}

/* Index of the first byte >= 0x80 in s[i, len), or len. */
static size_t next_high(const unsigned char *s, size_t i, size_t len)
{
	uint64_t w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & HIGHS)
			break;
	}
	while (i < len && s[i] < 0x80)
		i++;
	return i;
}

/*
 * NFC over s[0, len): ASCII characters never combine with a preceding
 * character, so each non-ASCII run together with the ASCII character before
 * it is normalized on its own, and only when it holds an unstable code
 * point.
 */
static int nfc_pass(vigil__arena *a, const char *s, size_t len, char **out,
		    size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)s;
	outbuf o = {NULL, 0, 0};
	size_t i = 0, j, seg, r;
	void *p = NULL;
	int32_t cp;
	int unsafe;

	if (vigil__arena_grow(a, &p, &o.cap, len + len / 8 + 64, 1) < 0)
		return -1;
	o.p = p;
	while (i < len) {
		j = next_high(u, i, len);
		seg = j > i ? j - 1 : j;
		if (out_append(a, &o, s + i, seg - i) < 0)
			return -1;
		if (j >= len) {
			if (out_append(a, &o, s + seg, len - seg) < 0)
				return -1;
			break;
		}
		unsafe = 0;
		for (r = j; r < len && u[r] >= 0x80;) {
			r += vigil__text_decode(u + r, len - r, &cp);
			unsafe |= vigil__text_nfc_unsafe(cp);
		}
		if (unsafe ? nfc_segment(a, &o, s + seg, r - seg) < 0
			   : out_append(a, &o, s + seg, r - seg) < 0)
			return -1;
		i = r;
	}
	o.p[o.len] = '\0';
	*out = o.p;
	*out_len = o.len;
	return 0;
}

/* ---- The mapping pass --------------------------------------------------- */

/* 1: the byte may need work (see skip_plain); 2: '-' (work only when a
 * dash follows). */
static const uint8_t special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Whether any of the 8 bytes at s is >= 0x80, < 0x20, '-' or DEL. */
static int maybe_special8(const unsigned char *s)
{
	uint64_t w, d, x;

	memcpy(&w, s, 8);
	d = w ^ (ONES * '-');
	x = w ^ (ONES * 0x7F);
	return ((w | ((w - ONES * 0x20) & ~w) | ((d - ONES) & ~d) |
		 ((x - ONES) & ~x)) & HIGHS) != 0;
}

#ifdef __SSE2__
/* As maybe_special8 for the 16 bytes at s (SSE2: every x86-64), as a bit
 * mask; a signed compare with 0x20 takes bytes >= 0x80 too. */
static inline unsigned maybe_special16(const unsigned char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i m = _mm_or_si128(
		_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')),
			     _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));

	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* Index of the first byte in s[i, len) that needs work, or len. */
static size_t skip_plain(const unsigned char *s, size_t i, size_t len)
{
	size_t stop;
	unsigned k;

	for (;;) {
#ifdef __SSE2__
		/* 16 bytes a step, then straight to the first flagged one */
		while (i + 16 <= len) {
			unsigned m = maybe_special16(s + i);

			if (m) {
				i += (size_t)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
#endif
		while (i + 8 <= len && !maybe_special8(s + i))
			i += 8;
		stop = i + 8 < len ? i + 8 : len;
		for (; i < stop; i++) {
			k = special[s[i]];
			if (k == 1)
				return i;
			if (k == 2 && i + 1 < len &&
			    (s[i + 1] == '-' || s[i + 1] >= 0x80))
				return i;
		}
		if (i >= len)
			return len;
	}
}

/* Whether the character at s[j] (j < len) becomes white space. */
static int space_at(const unsigned char *s, size_t j, size_t len)
{
	const char *r;
	int32_t cp;

	if (s[j] < 0x80) /* every control byte becomes ' ' or '\n' */
		return s[j] <= 0x20 || s[j] == 0x7F;
	vigil__text_decode(s + j, len - j, &cp);
	r = replacement(cp);
	return r && (r[0] == ' ' || r[0] == '\n');
}

/*
 * Maps the run of dashes at s[*i]: "--" or "---" between spaces and a lone
 * em dash between two words become one "-" (the latter " - "); every other
 * dash becomes "-". Never writes more bytes than it consumes.
 */
static void map_dashes(const unsigned char *s, size_t len, size_t *i,
		       char *out, size_t *o)
{
	size_t j = *i, k = 0, n;
	int em = 0, kind, before, after;
	int32_t cp;

	/* Invisible characters inside or after the run are dropped here, so
	 * that the run reads the same when normalized again. */
	while (j < len) {
		n = vigil__text_decode(s + j, len - j, &cp);
		kind = dash_kind(cp);
		if (!kind) {
			const char *r = cp >= 0x80 ? replacement(cp) : NULL;

			if (!r || *r)
				break;
		} else {
			em |= kind == 2;
			k++;
		}
		j += n;
	}
	before = *o > 0 && (out[*o - 1] == ' ' || out[*o - 1] == '\n');
	after = j >= len || space_at(s, j, len);
	if (k >= 2 && k <= 3 && *o > 0 && out[*o - 1] == ' ' && after) {
		out[(*o)++] = '-';
	} else if (k == 1 && em && *o > 0 && !before && !after) {
		memcpy(out + *o, " - ", 3);
		*o += 3;
	} else {
		memset(out + *o, '-', k);
		*o += k;
	}
	*i = j;
}

/*
 * What the mapping pass does with a non-ASCII code point. A small cache,
 * local to one call, remembers the answer for the code points of the text
 * (a Cyrillic or Greek text uses a few dozen).
 */
enum { CP_PLAIN, CP_UNSAFE, CP_SPECIAL };

#define CP_CACHE 256

typedef struct cpcache {
	int ready;
	int32_t cp[CP_CACHE];
	uint8_t cls[CP_CACHE];
} cpcache;

static unsigned cp_class(cpcache *c, int32_t cp)
{
	unsigned h = (unsigned)cp & (CP_CACHE - 1), k;

	if (!c->ready) {
		memset(c->cp, 0xFF, sizeof(c->cp)); /* -1: no code point */
		c->ready = 1;
	}
	if (c->cp[h] == cp)
		return c->cls[h];
	if (dash_kind(cp) || replacement(cp))
		k = CP_SPECIAL;
	else
		k = vigil__text_nfc_unsafe(cp) ? CP_UNSAFE : CP_PLAIN;
	c->cp[h] = cp;
	c->cls[h] = (uint8_t)k;
	return k;
}

/*
 * Maps s[0, len) into out (room for len bytes); returns the output length.
 * Bytes that stay as they are accumulate in a pending run [run, i) that is
 * copied in one go. *need_nfc is set when a code point that NFC may change
 * was copied.
 */
static size_t map_pass(const unsigned char *s, size_t len, char *out,
		       int *need_nfc)
{
	size_t i = 0, o = 0, j, n, run = 0;
	const char *r;
	cpcache cache;
	unsigned k;
	int32_t cp;

	cache.ready = 0;
	while (i < len) {
		j = skip_plain(s, i, len);
		k = CP_PLAIN;
		while (j < len && s[j] >= 0x80) {
			n = vigil__text_decode(s + j, len - j, &cp);
			k = cp_class(&cache, cp);
			if (k == CP_SPECIAL)
				break;
			*need_nfc |= k == CP_UNSAFE;
			j += n;
		}
		if (k != CP_SPECIAL && j < len && !special[s[j]] && s[j] != '-') {
			i = j; /* more plain text follows */
			continue;
		}
		memcpy(out + o, s + run, j - run);
		o += j - run;
		i = run = j;
		if (i >= len)
			break;
		if (s[i] == '-' || s[i] >= 0x80) {
			vigil__text_decode(s + i, len - i, &cp);
			if (dash_kind(cp)) {
				map_dashes(s, len, &i, out, &o);
			} else {
				r = replacement(cp);
				n = strlen(r);
				memcpy(out + o, r, n);
				o += n;
				i += vigil__text_decode(s + i, len - i, &cp);
			}
		} else if (s[i] == '\r') {
			out[o++] = '\n';
			i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
		} else {
			/* \v \f: a line end; tab, other controls, DEL: a space */
			out[o++] = (s[i] == '\v' || s[i] == '\f') ? '\n' : ' ';
			i++;
		}
		run = i;
	}
	memcpy(out + o, s + run, len - run);
	return o + (len - run);
}

int vigil__normalize(vigil__arena *a, const char *s, size_t len, char **out,
		     size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)s;
	int need_nfc = 0;
	size_t n;
	char *p;

	*out = NULL;
	*out_len = 0;
	p = vigil__arena_alloc(a, len + 1);
	if (!p)
		return -1;
	n = len ? map_pass(u, len, p, &need_nfc) : 0;
	p[n] = '\0';
	if (need_nfc)
		return nfc_pass(a, p, n, out, out_len);
	*out = p;
	*out_len = n;
	return 0;
}
