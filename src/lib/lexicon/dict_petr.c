/*
 * dict_petr.c: what the TABARI/PETRARCH translators share: recognizing a
 * file's kind, the line reader (XML-style and '#' comments), phrases,
 * plurals, event codes, and the native text they write with its line map.
 * Assumes ASCII dictionaries, as the PETRARCH-2 files are (non-ASCII bytes
 * are kept and normalized by the .vd parser).
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_petr.h"

/*===== Kinds ========================================================*/

static int ends_with_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int kind_by_name(const char *path)
{
	const char *b = base_name(path);

	if (ends_with_ci(b, ".actors.txt"))
		return VIGIL__PETR_ACTORS;
	if (ends_with_ci(b, ".agents.txt"))
		return VIGIL__PETR_AGENTS;
	if (ends_with_ci(b, ".verbs.txt") ||
	    (strncasecmp(b, "CAMEO", 5) == 0 && ends_with_ci(b, ".txt")))
		return VIGIL__PETR_VERBS;
	if (ends_with_ci(b, ".discards.txt"))
		return VIGIL__PETR_DISCARDS;
	if (ends_with_ci(b, "IssueCoding.txt"))
		return VIGIL__PETR_ISSUES;
	return VIGIL__PETR_NONE;
}

int vigil__petr_name(const char *name)
{
	return name[0] != '.' && kind_by_name(name) != VIGIL__PETR_NONE;
}

/* By content: verb block headers, agent codes, or actor brackets. */
static int kind_by_content(const char *data, size_t len)
{
	const char *p = data, *end = data + (len > 65536 ? 65536 : len);
	int brackets = 0, agents = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);

		if (n > 4 && memcmp(p, "--- ", 4) == 0 && memchr(p, '[', n))
			return VIGIL__PETR_VERBS;
		if (memchr(p, '[', n) && p[0] != '#' && p[0] != '<') {
			brackets++;
			if (memchr(p, '~', n))
				agents++;
		}
		p += n + 1;
	}
	if (brackets && agents * 2 > brackets)
		return VIGIL__PETR_AGENTS;
	return brackets ? VIGIL__PETR_ACTORS : VIGIL__PETR_NONE;
}

int vigil__petr_detect(const char *path, const char *data, size_t len)
{
	int k;

	if (ends_with_ci(path, ".vd"))
		return VIGIL__PETR_NONE;
	k = kind_by_name(path);
	return k ? k : kind_by_content(data, len);
}

/*===== Output =======================================================*/

static int reserve(vigil__petr_out *o, size_t extra)
{
	char *t;
	size_t ncap;

	if (o->len + extra + 1 <= o->cap)
		return 0;
	ncap = o->cap ? o->cap * 2 : 65536;
	while (ncap < o->len + extra + 1)
		ncap *= 2;
	t = realloc(o->text, ncap);
	if (!t) {
		o->oom = 1;
		return -1;
	}
	o->text = t;
	o->cap = ncap;
	return 0;
}

int vigil__petr_emit(vigil__petr_out *o, unsigned long line,
		     const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->oom || reserve(o, 256) < 0)
		return -1;
	va_start(ap, fmt);
	n = vsnprintf(o->text + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		o->oom = 1;
		return -1;
	}
	if ((size_t)n + 2 > o->cap - o->len) {
		if (reserve(o, (size_t)n + 2) < 0)
			return -1;
		va_start(ap, fmt);
		vsnprintf(o->text + o->len, o->cap - o->len, fmt, ap);
		va_end(ap);
	}
	o->len += (size_t)n;
	o->text[o->len++] = '\n';
	o->text[o->len] = '\0';
	if (o->nmap == o->map_cap) {
		size_t ncap = o->map_cap ? o->map_cap * 2 : 4096;
		uint32_t *m = realloc(o->map, ncap * sizeof(*m));

		if (!m) {
			o->oom = 1;
			return -1;
		}
		o->map = m;
		o->map_cap = ncap;
	}
	o->map[o->nmap++] = (uint32_t)line;
	return 0;
}

int vigil__petr_section(vigil__petr_out *o, unsigned long line, int kind)
{
	static const char *const headers[] = {"[actors]", "[agents]", "[verbs]",
		"[places]", "[cues]", "[discards]", "[synsets]"};

	if (o->section == kind)
		return 0;
	o->section = kind;
	return vigil__petr_emit(o, line, "%s", headers[kind]);
}

void vigil__petr_out_free(vigil__petr_out *o)
{
	free(o->text);
	free(o->map);
	memset(o, 0, sizeof(*o));
}

/*===== Lines ========================================================*/

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int has_close(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 3 <= n; i++)
		if (p[i] == '-' && p[i + 1] == '-' && p[i + 2] == '>')
			return 1;
	return 0;
}

int vigil__petr_lines(const char *data, size_t len, vigil__petr_line_fn fn,
		      void *ctx)
{
	const char *p = data, *end = data + len;
	char buf[VIGIL__DICT_MAX_LINE * 2];
	unsigned long line = 0;
	int in_comment = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);
		const char *q = p, *hash;

		line++;
		p += n + (nl ? 1 : 0);
		if (in_comment) {
			if (has_close(q, n))
				in_comment = 0;
			continue;
		}
		while (n && is_blank(*q))
			q++, n--;
		if (n >= 2 && q[0] == '<' && q[1] == '!') {
			in_comment = n >= 4 && memcmp(q, "<!--", 4) == 0 &&
				     !has_close(q, n);
			continue;
		}
		hash = memchr(q, '#', n);
		if (hash)
			n = (size_t)(hash - q);
		while (n && is_blank(q[n - 1]))
			n--;
		if (n == 0)
			continue;
		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;  /* the parser reports it as too long */
		memcpy(buf, q, n);
		buf[n] = '\0';
		if (fn(ctx, line, buf, n) < 0)
			return -1;
	}
	return 0;
}

/*===== Phrases and codes ============================================*/

/*
 * Joins the Treebank contractions of a native phrase back as text writes
 * them, one word for the tokenizer: "did n't" -> "didn't", "ca n't" ->
 * "can't", "wo n't" -> "won't". Returns the new length.
 */
static size_t join_contractions(char *s, size_t len)
{
	size_t i;

	for (i = 1; i + 4 <= len; i++) {
		if (memcmp(s + i, " n't", 4) != 0 ||
		    (i + 4 < len && s[i + 4] != ' '))
			continue;
		memmove(s + i, s + i + 1, len - i);  /* drop the space */
		len--;
	}
	return len;
}

int vigil__petr_phrase(const char *p, size_t n, char *out, size_t cap,
		       const char **why)
{
	size_t i, len = 0;
	int word_start = 1, literal = 0;
	unsigned words = 0;

	*why = "empty phrase";
	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c == '_' || is_blank(c)) {
			if (!word_start)
				word_start = 1;
			continue;
		}
		if (word_start)  /* "(AAIA)": the native format keeps it as is */
			literal = c == '(';
		if ((!literal && (c == '(' || c == ')')) || c == '|' || c == '=' ||
		    (c == '+' && word_start)) {
			*why = "a word holds | = ( or ) or starts with +, which "
			       "the native format reserves";
			return -1;
		}
		if (len + 3 >= cap) {
			*why = "phrase too long";
			return -1;
		}
		if (word_start && ++words > VIGIL__DICT_MAX_WORDS) {
			*why = "phrase longer than 16 words";
			return -1;
		}
		if (word_start && len)
			out[len++] = ' ';
		word_start = 0;
		out[len++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[len] = '\0';
	len = join_contractions(out, len);
	return len ? (int)len : -1;
}

int vigil__petr_plural(const char *ph, char *out, size_t cap)
{
	size_t n = strlen(ph);
	char last = n ? ph[n - 1] : 0, prev = n > 1 ? ph[n - 2] : 0;
	const char *suf = "s";
	size_t keep = n;

	if (last == 'y' && prev && !strchr("aeiou", prev)) {
		keep = n - 1;
		suf = "ies";
	} else if (last == 's' || last == 'x' || last == 'z' ||
		   (last == 'h' && (prev == 'c' || prev == 's'))) {
		suf = "es";
	}
	if (keep + strlen(suf) + 1 > cap)
		return -1;
	memcpy(out, ph, keep);
	strcpy(out + keep, suf);
	return (int)(keep + strlen(suf));
}

/* One event code [p, p+k) into out (letters upper-cased); -1: bad. */
static int one_event_code(const char *p, size_t k, char *out, size_t cap)
{
	size_t i;

	if (k < 2 || k > 4 || k + 1 > cap)
		return -1;
	for (i = 0; i < k; i++) {
		char c = p[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!(c >= '0' && c <= '9') && !(i >= 2 && c >= 'A' && c <= 'Z'))
			return -1;
		out[i] = c;
	}
	out[k] = '\0';
	return 0;
}

int vigil__petr_event_code(const char *p, size_t n, char *out, size_t cap)
{
	const char *colon = memchr(p, ':', n);
	size_t k = colon ? (size_t)(colon - p) : n;

	if (colon == p)  /* "[:173]": only the reciprocal code */
		return one_event_code(p + 1, n - 1, out, cap);
	if (k == 3 && memcmp(p, "---", 3) == 0 && !colon) {
		snprintf(out, cap, "---");
		return 0;
	}
	if (one_event_code(p, k, out, cap) < 0)
		return -1;
	if (!colon)
		return 0;
	if (k + 1 >= cap)
		return -1;
	out[k] = ':';
	return one_event_code(colon + 1, n - k - 1, out + k + 1, cap - k - 1);
}

/*===== Translation ==================================================*/

int vigil__petr_translate(vigil__petr_out *o, vigil__dict_set *s,
			  const char *file, int kind, const char *data,
			  size_t len)
{
	int rc = 0;

	memset(o, 0, sizeof(*o));
	o->s = s;
	o->file = file;
	o->section = -1;
	switch (kind) {
	case VIGIL__PETR_ACTORS:
		rc = vigil__petr_actors(o, data, len);
		break;
	case VIGIL__PETR_AGENTS:
		rc = vigil__petr_agents(o, data, len);
		break;
	case VIGIL__PETR_VERBS:
		rc = vigil__petr_verbs(o, data, len);
		break;
	case VIGIL__PETR_DISCARDS:
		rc = vigil__petr_discards(o, data, len);
		break;
	default:
		vigil__dict_skip(s, file, 0,
				 "TABARI issue-coding files are not supported");
		return VIGIL_OK;
	}
	if (rc < 0 || o->oom)
		return VIGIL_ENOMEM;
	return VIGIL_OK;
}

int vigil__petr_parse(vigil__dict_set *s, const char *path, int kind,
		      const char *data, size_t len, int64_t mtime_ns)
{
	vigil__petr_out o;
	int rc = vigil__petr_translate(&o, s, path, kind, data, len);

	if (rc == VIGIL_OK)
		rc = vigil__dict_parse_mapped(s, path, o.text ? o.text : "",
					      o.len, mtime_ns, o.map, o.nmap);
	vigil__petr_out_free(&o);
	if (rc == VIGIL_ENOMEM)
		s->oom = 1;
	return rc;
}

/*===== Import =======================================================*/

static int import_one(vigil__dict_set *s, const char *path, FILE *out)
{
	vigil__petr_out o;
	char *data = NULL;
	size_t len = 0;
	FILE *f = fopen(path, "rb");
	int kind, rc;

	if (!f) {
		vigil__dict_error(s, path, 0, "cannot open: %s", strerror(errno));
		return VIGIL_EIO;
	}
	if (fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);

		if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
		    (data = malloc((size_t)n + 1)) != NULL)
			len = fread(data, 1, (size_t)n, f);
	}
	if (!data || ferror(f)) {
		vigil__dict_error(s, path, 0, "cannot read: %s",
				  data ? strerror(errno) : "out of memory");
		free(data);
		fclose(f);
		return VIGIL_EIO;
	}
	fclose(f);
	kind = vigil__petr_detect(path, data, len);
	if (!kind) {
		vigil__dict_error(s, path, 0,
				  "not a TABARI/PETRARCH dictionary (actors, agents, "
				  "verbs or discards)");
		free(data);
		return VIGIL_EINPUT;
	}
	rc = vigil__petr_translate(&o, s, path, kind, data, len);
	free(data);
	if (rc == VIGIL_OK && o.len) {
		fprintf(out, "# imported from %s\n", base_name(path));
		fwrite(o.text, 1, o.len, out);
	}
	vigil__petr_out_free(&o);
	return rc;
}

int vigil_dict_import(const char *const *paths, size_t npaths,
		      const char *out_path, vigil_diag_fn diag, void *diag_ctx,
		      char *errbuf, size_t errlen)
{
	vigil__dict_set s;
	FILE *out = fopen(out_path, "w");
	size_t i;
	int rc = VIGIL_OK;

	if (!out) {
		snprintf(errbuf, errlen, "%s: %s", out_path, strerror(errno));
		return VIGIL_EIO;
	}
	vigil__dict_set_init(&s, diag, diag_ctx);
	for (i = 0; i < npaths && rc != VIGIL_ENOMEM; i++) {
		int r = import_one(&s, paths[i], out);

		if (r != VIGIL_OK)
			rc = r;
	}
	if (fclose(out) != 0 && rc == VIGIL_OK) {
		snprintf(errbuf, errlen, "%s: %s", out_path, strerror(errno));
		rc = VIGIL_EIO;
	} else if (rc != VIGIL_OK) {
		snprintf(errbuf, errlen, "%zu error%s", s.nerrors,
			 s.nerrors == 1 ? "" : "s");
	}
	vigil__dict_set_free(&s);
	return rc == VIGIL_EIO && s.nerrors ? VIGIL_EINPUT : rc;
}
