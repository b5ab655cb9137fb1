/*
 * inflect.c: the forms a `+verb` of a dictionary phrase matches: the base,
 * the regular -s, -ing and -ed forms from English spelling rules, and the
 * irregular forms of WordNet's exception list (irregular_verbs.inc, generated
 * by tools/gen_irregular.py). Works on bytes; the rules only look at ASCII
 * letters, so any other word just gets the suffixes appended.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_int.h"

/* irregular_verbs.inc flags: which regular forms survive next to WordNet's. */
#define IRR_KEEP_PAST 0x1u
#define IRR_KEEP_ING  0x2u

struct irregular_verb {
	const char *base;
	const char *forms; /* separated by single spaces */
	unsigned flags;    /* IRR_* */
};

#include "irregular_verbs.inc"

/* Bump when a spelling rule below changes: compiled caches record it. */
#define INFLECT_RULES_REVISION 1u

uint64_t vigil__inflect_fingerprint(void)
{
	return irregular_verbs_hash ^ ((uint64_t)INFLECT_RULES_REVISION << 56);
}

/*===== Spelling rules ================================================*/

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int is_consonant(char c)
{
	return c >= 'a' && c <= 'z' && !is_vowel(c);
}

static int ends_with(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

/* Vowel groups of w[0..n): "stop" 1, "visit" 2; 'u' after 'q' is no vowel. */
static unsigned syllables(const char *w, size_t n)
{
	unsigned groups = 0;
	int in_vowel = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int v = is_vowel(w[i]) && !(w[i] == 'u' && i && w[i - 1] == 'q');

		if (w[i] == 'y' && i && !is_vowel(w[i - 1]))
			v = 1;
		if (v && !in_vowel)
			groups++;
		in_vowel = v;
	}
	return groups;
}

/*
 * Whether the last consonant doubles before -ed/-ing: a one-syllable word
 * ending consonant-vowel-consonant, the last not w, x or y (stop, plan, quit;
 * not visit, open, rain, fix). Longer words that double (admit, occur) are in
 * WordNet's list. Looks at the part after the last hyphen (ad-lib).
 */
static int doubles_final(const char *w, size_t n)
{
	const char *dash = memchr(w, '-', n);

	while (dash) {
		n -= (size_t)(dash + 1 - w);
		w = dash + 1;
		dash = memchr(w, '-', n);
	}
	if (n < 3 || syllables(w, n) != 1)
		return 0;
	if (!is_consonant(w[n - 1]) || strchr("wxy", w[n - 1]))
		return 0;
	if (!is_vowel(w[n - 2]))
		return 0;
	return is_consonant(w[n - 3]) || (w[n - 3] == 'u' && n >= 4 && w[n - 4] == 'q');
}

/*
 * A small writer into the caller's buffer; `failed` sticks when it is full.
 * Every form is NUL-terminated and recorded in forms[] unless it repeats one.
 */
typedef struct form_writer {
	char *buf;
	size_t cap, used;
	const char **forms;
	size_t max, n;
	int failed;
} form_writer;

static void add_form(form_writer *fw, const char *stem, size_t stem_len,
		     const char *suffix)
{
	size_t slen = strlen(suffix), i;
	char *p;

	if (fw->failed)
		return;
	if (fw->n == fw->max || fw->cap - fw->used < stem_len + slen + 1) {
		fw->failed = 1;
		return;
	}
	p = fw->buf + fw->used;
	memcpy(p, stem, stem_len);
	memcpy(p + stem_len, suffix, slen + 1);
	for (i = 0; i < fw->n; i++)
		if (strcmp(fw->forms[i], p) == 0)
			return;
	fw->used += stem_len + slen + 1;
	fw->forms[fw->n++] = p;
}

static void add_third_person(form_writer *fw, const char *w, size_t n)
{
	static const char *const es_endings[] = {"s", "x", "z", "ch", "sh"};
	size_t i;

	for (i = 0; i < sizeof(es_endings) / sizeof(es_endings[0]); i++)
		if (ends_with(w, n, es_endings[i])) {
			add_form(fw, w, n, "es");
			return;
		}
	if (n >= 2 && w[n - 1] == 'o' && is_consonant(w[n - 2]))
		add_form(fw, w, n, "es");
	else if (n >= 2 && w[n - 1] == 'y' && is_consonant(w[n - 2]))
		add_form(fw, w, n - 1, "ies");
	else
		add_form(fw, w, n, "s");
}

/* "-ed" or "-ing" after doubling the final consonant: stop -> stopp + ed. */
static void add_doubled(form_writer *fw, const char *w, size_t n,
			const char *suffix)
{
	char suf[8];

	suf[0] = w[n - 1];
	memcpy(suf + 1, suffix, strlen(suffix) + 1);
	add_form(fw, w, n, suf);
}

static void add_past(form_writer *fw, const char *w, size_t n)
{
	if (w[n - 1] == 'e')
		add_form(fw, w, n, "d");
	else if (n >= 2 && w[n - 1] == 'y' && is_consonant(w[n - 2]))
		add_form(fw, w, n - 1, "ied");
	else if (ends_with(w, n, "ic"))
		add_form(fw, w, n, "ked");
	else if (doubles_final(w, n))
		add_doubled(fw, w, n, "ed");
	else
		add_form(fw, w, n, "ed");
}

static void add_present_participle(form_writer *fw, const char *w, size_t n)
{
	if (ends_with(w, n, "ie"))
		add_form(fw, w, n - 2, "ying");
	else if (n <= 2 || ends_with(w, n, "ee") || ends_with(w, n, "ye") ||
		 ends_with(w, n, "oe"))
		add_form(fw, w, n, "ing");
	else if (w[n - 1] == 'e')
		add_form(fw, w, n - 1, "ing");
	else if (ends_with(w, n, "ic"))
		add_form(fw, w, n, "king");
	else if (doubles_final(w, n))
		add_doubled(fw, w, n, "ing");
	else
		add_form(fw, w, n, "ing");
}

/*===== WordNet's exceptions ==========================================*/

static int cmp_base(const void *key, const void *elem)
{
	return strcmp(key, ((const struct irregular_verb *)elem)->base);
}

static const struct irregular_verb *find_irregular(const char *verb)
{
	return bsearch(verb, irregular_verbs,
		       sizeof(irregular_verbs) / sizeof(irregular_verbs[0]),
		       sizeof(irregular_verbs[0]), cmp_base);
}

static void add_listed_forms(form_writer *fw, const char *list)
{
	while (*list) {
		size_t k = strcspn(list, " ");

		add_form(fw, list, k, "");
		list += k;
		if (*list == ' ')
			list++;
	}
}

int vigil__inflect_irregular_past(const char *word, size_t len)
{
	char w[32];
	size_t i;

	if (len < 2 || len >= sizeof(w))
		return 0;
	for (i = 0; i < len; i++)
		w[i] = (word[i] >= 'A' && word[i] <= 'Z') ? (char)(word[i] + 32)
							  : word[i];
	w[len] = '\0';
	if (ends_with(w, len, "ing") || w[len - 1] == 's' || find_irregular(w))
		return 0;
	for (i = 0; i < sizeof(irregular_verbs) / sizeof(irregular_verbs[0]);
	     i++) {
		const char *f = irregular_verbs[i].forms;

		while (*f) {
			size_t k = strcspn(f, " ");

			if (k == len && memcmp(f, w, len) == 0)
				return 1;
			f += k + (f[k] == ' ');
		}
	}
	return 0;
}

/* Whether WordNet spells the -ed form itself ("admitted", "accompanied"). */
static int lists_ed_form(const char *list)
{
	while (*list) {
		size_t k = strcspn(list, " ");

		if (k > 2 && memcmp(list + k - 2, "ed", 2) == 0)
			return 1;
		list += k + (list[k] == ' ');
	}
	return 0;
}

size_t vigil__inflect_replaced_past(const char *verb, size_t len, char *out,
				    size_t cap)
{
	char w[64];
	const char *form;
	form_writer fw = {out, cap, 0, &form, 1, 0, 0};
	const struct irregular_verb *irr;
	size_t i;

	if (len == 0 || len >= sizeof(w))
		return 0;
	for (i = 0; i < len; i++)
		w[i] = (verb[i] >= 'A' && verb[i] <= 'Z') ? (char)(verb[i] + 32)
							  : verb[i];
	w[len] = '\0';
	irr = find_irregular(w);
	if (!irr || (irr->flags & IRR_KEEP_PAST) || lists_ed_form(irr->forms))
		return 0;
	add_past(&fw, w, len);
	return fw.failed || fw.n == 0 ? 0 : strlen(out);
}

/*===== Entry point ===================================================*/

size_t vigil__inflect(const char *verb, size_t len, char *buf, size_t cap,
		      const char **forms, size_t max)
{
	form_writer fw = {buf, cap, 0, forms, max, 0, 0};
	const struct irregular_verb *irr;
	unsigned flags = IRR_KEEP_PAST | IRR_KEEP_ING;
	const char *w;
	size_t i;

	if (len == 0 || cap < len + 1 || max == 0)
		return 0;
	for (i = 0; i < len; i++)
		buf[i] = (verb[i] >= 'A' && verb[i] <= 'Z') ? (char)(verb[i] + 32)
							    : verb[i];
	buf[len] = '\0';
	w = buf;
	fw.used = len + 1;
	forms[fw.n++] = w;
	irr = find_irregular(w);
	if (irr)
		flags = irr->flags;
	add_third_person(&fw, w, len);
	if (flags & IRR_KEEP_ING)
		add_present_participle(&fw, w, len);
	if (flags & IRR_KEEP_PAST)
		add_past(&fw, w, len);
	if (irr)
		add_listed_forms(&fw, irr->forms);
	return fw.failed ? 0 : fw.n;
}
