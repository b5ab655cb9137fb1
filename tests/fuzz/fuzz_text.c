/*
 * fuzz_text.c: libFuzzer target for the text stage. Arbitrary bytes go
 * through check -> repair -> normalize -> layout -> segment (and fold and
 * tokenize_phrase on the result); every invariant the later stages rely on
 * is asserted: valid UTF-8 out of repair and normalize, normalization
 * idempotent, paragraphs ordered inside the text, sentences inside their
 * paragraphs, tokens inside their sentences on character boundaries, in
 * order. Corpus: tests/fuzz/corpus/text/.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fuzz_common.h"
#include "text/text.h"


static int boundary(const char *t, size_t len, size_t off)
{
	return off == len || ((unsigned char)t[off] & 0xC0) != 0x80;
}

static void check_normalized(const char *t, size_t n)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t k;
	size_t i;

	CHECK(t[n] == '\0');
	CHECK(vigil__utf8_check(t, n, NULL) < 0);
	k = utf8proc_map((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)n, &nfc,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	CHECK(k >= 0 && (size_t)k == n && memcmp(nfc, t, n) == 0);
	free(nfc);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		CHECK(c >= 0x20 || c == '\n');
		CHECK(c != 0x7F);
	}
}

static void check_layout(const char *t, size_t n, const vigil__layout *l)
{
	size_t i;

	CHECK(l->byline.off + (size_t)l->byline.len <= n);
	CHECK(l->dateline.off + (size_t)l->dateline.len <= n);
	for (i = 0; i < l->npara; i++) {
		const vigil__range *p = &l->paras[i];

		CHECK(p->len > 0);
		CHECK(p->off + (size_t)p->len <= n);
		CHECK(t[p->off] != ' ' && t[p->off] != '\n');
		CHECK(t[p->off + p->len - 1] != ' ' && t[p->off + p->len - 1] != '\n');
		CHECK(boundary(t, n, p->off) && boundary(t, n, p->off + p->len));
		if (i > 0)
			CHECK(l->paras[i - 1].off + (size_t)l->paras[i - 1].len < p->off);
	}
}

static void check_segments(const char *t, size_t n, const vigil__layout *l,
			   const vigil__segmented *sg)
{
	char fold[4 * 65535 + 16];
	size_t i, k, f;

	for (i = 0; i < sg->ntok; i++) {
		const vigil__token *tk = &sg->tok[i];

		CHECK(tk->len > 0);
		CHECK(tk->off + (size_t)tk->len <= n);
		CHECK(tk->type <= VIGIL_TOK_SYMBOL);
		CHECK(boundary(t, n, tk->off) && boundary(t, n, tk->off + tk->len));
		CHECK(t[tk->off] != ' ' && t[tk->off] != '\n');
		if (i > 0)
			CHECK(sg->tok[i - 1].off + (size_t)sg->tok[i - 1].len <= tk->off);
		f = vigil__fold(t + tk->off, tk->len, fold, sizeof(fold));
		CHECK(f != (size_t)-1 && f <= 3 * (size_t)tk->len);
	}
	for (k = 0; k < sg->nsent; k++) {
		const vigil__sentence *s = &sg->sent[k];
		const vigil__range *p;

		CHECK(s->para < l->npara);
		p = &l->paras[s->para];
		CHECK(s->tok_begin < s->tok_end && s->tok_end <= sg->ntok);
		CHECK(s->tok_end - s->tok_begin <= VIGIL__SENT_MAX_TOK);
		CHECK(s->tok_begin == (k ? sg->sent[k - 1].tok_end : 0));
		CHECK(s->off == sg->tok[s->tok_begin].off);
		CHECK(s->off + (size_t)s->len == sg->tok[s->tok_end - 1].off +
							 (size_t)sg->tok[s->tok_end - 1].len);
		CHECK(s->off >= p->off && s->off + (size_t)s->len <= p->off + (size_t)p->len);
		if (k > 0)
			CHECK(s->para >= sg->sent[k - 1].para);
	}
	CHECK(sg->nsent == 0 ? sg->ntok == 0 : sg->sent[sg->nsent - 1].tok_end == sg->ntok);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *why = NULL;
	char *text = NULL, *norm = NULL, *again = NULL;
	size_t tlen, nlen, alen, rep, ph;
	vigil__token tok[16];
	vigil__segmented sg;
	vigil__layout l;
	vigil__arena a;
	long long bad;

	vigil__arena_init(&a, 0);
	bad = vigil__utf8_check(in, size, &why);
	CHECK(bad < 0 ? why == NULL : (bad < (long long)size && why != NULL));
	CHECK(vigil__utf8_repair(&a, in, size, &text, &tlen, &rep) == 0);
	CHECK(vigil__utf8_check(text, tlen, NULL) < 0);
	CHECK(bad < 0 ? (rep == 0 && tlen == size && memcmp(text, in, size) == 0)
		      : rep > 0);

	CHECK(vigil__normalize(&a, text, tlen, &norm, &nlen) == 0);
	check_normalized(norm, nlen);
	CHECK(vigil__normalize(&a, norm, nlen, &again, &alen) == 0);
	CHECK(alen == nlen && memcmp(again, norm, nlen) == 0);

	CHECK(vigil__layout_text(&a, norm, nlen, &l) == 0);
	check_layout(norm, nlen, &l);
	CHECK(vigil__segment(&a, norm, nlen, l.paras, l.npara, &sg) == 0);
	check_segments(norm, nlen, &l, &sg);

	ph = nlen < 300 ? nlen : 300;
	CHECK(vigil__tokenize_phrase(norm, ph, tok, 16) ==
	      vigil__tokenize_phrase(norm, ph, NULL, 0));
	CHECK(!a.failed);
	vigil__arena_free(&a);
	return 0;
}
