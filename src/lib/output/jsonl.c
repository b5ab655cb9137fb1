/*
 * jsonl.c: serializes a coded document as JSON Lines records of DESIGN.md:
 * one "document" record, then per sentence (with the flags asking for them)
 * a "sentence" record and "mention" records (one per dictionary entry that
 * matched and is valid on the document's date). Absent values are null,
 * never empty strings; spans are byte offsets into the normalized text;
 * sentence numbers start at 1.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "../code/analysis.h"

static void put_key(vigil__buf *b, const char *key)
{
	vigil__buf_putc(b, ',');
	vigil__buf_json_str(b, key, strlen(key));
	vigil__buf_putc(b, ':');
}

static void put_str(vigil__buf *b, const char *key, const char *value)
{
	put_key(b, key);
	vigil__buf_json_str(b, value, value ? strlen(value) : 0);
}

/* A range of the normalized text as a JSON string, or null when empty. */
static void put_range(vigil__buf *b, const char *key, const char *text,
		      vigil__range r)
{
	put_key(b, key);
	vigil__buf_json_str(b, r.len ? text + r.off : NULL, r.len);
}

static void write_document(vigil__buf *b, const vigil__analysis *an)
{
	const vigil_doc *doc = an->doc;

	vigil__buf_puts(b, "{\"type\":\"document\"");
	put_str(b, "doc", an->id);
	put_str(b, "date", doc->date);
	put_str(b, "source", doc->source);
	put_str(b, "url", doc->url);
	put_str(b, "title", doc->title);
	put_key(b, "sentences");
	vigil__buf_put_uint(b, an->seg.nsent);
	put_range(b, "byline", an->text, an->layout.byline);
	put_range(b, "dateline", an->text, an->layout.dateline);
	vigil__buf_puts(b, "}\n");
}

/* Whether a date-restricted entry applies on `date` (0: date unknown). */
static int valid_on(const vigil__entry *e, uint32_t date)
{
	if (!date)
		return 1;
	return (!e->from || date >= e->from) && (!e->until || date <= e->until);
}

/* Whether an earlier entry of the same match already gave (kind, code). */
static int seen_before(const vigil__analysis *an, const vigil__match *m,
		       uint32_t upto, const vigil__entry *e)
{
	uint32_t i;
	vigil__entry prev;

	for (i = m->entry_first; i < upto; i++) {
		vigil__lexicon_entry(an->lx, i, &prev);
		if (prev.kind == e->kind && strcmp(prev.code, e->code) == 0 &&
		    valid_on(&prev, an->date))
			return 1;
	}
	return 0;
}

static void write_mention(vigil__buf *b, const vigil__analysis *an,
			  const vigil__match *m, size_t sentence,
			  const vigil__entry *e, unsigned flags)
{
	const vigil__token *first = &an->seg.tok[m->tok_begin];
	const vigil__token *last = &an->seg.tok[m->tok_end - 1];
	uint32_t begin = first->off, end = last->off + last->len;
	const char *kind = vigil_kind_name((vigil_entry_kind)e->kind);

	vigil__buf_puts(b, "{\"type\":\"mention\"");
	put_str(b, "doc", an->id);
	put_key(b, "sentence");
	vigil__buf_put_uint(b, sentence + 1);
	put_str(b, "kind", kind);
	put_str(b, "code", e->code);
	put_key(b, "text");
	vigil__buf_json_str(b, an->text + begin, end - begin);
	put_key(b, "span");
	vigil__buf_putc(b, '[');
	vigil__buf_put_uint(b, begin);
	vigil__buf_putc(b, ',');
	vigil__buf_put_uint(b, end);
	vigil__buf_putc(b, ']');
	if (flags & VIGIL_CODE_EXPLAIN) {
		vigil__buf_puts(b, ",\"why\":{\"phrase\":");
		vigil__buf_json_str(b, e->phrase, strlen(e->phrase));
		put_str(b, "dict", e->file);
		put_key(b, "line");
		vigil__buf_put_uint(b, e->line);
		vigil__buf_putc(b, '}');
	}
	vigil__buf_puts(b, "}\n");
}

static void write_sentence(vigil__buf *b, const vigil__analysis *an,
			   size_t i)
{
	const vigil__sentence *s = &an->seg.sent[i];

	vigil__buf_puts(b, "{\"type\":\"sentence\"");
	put_str(b, "doc", an->id);
	put_key(b, "sentence");
	vigil__buf_put_uint(b, i + 1);
	put_key(b, "span");
	vigil__buf_putc(b, '[');
	vigil__buf_put_uint(b, s->off);
	vigil__buf_putc(b, ',');
	vigil__buf_put_uint(b, (uint64_t)s->off + s->len);
	vigil__buf_putc(b, ']');
	put_key(b, "text");
	vigil__buf_json_str(b, an->text + s->off, s->len);
	vigil__buf_puts(b, "}\n");
}

static void write_match(vigil__buf *b, const vigil__analysis *an,
			const vigil__match *m, size_t sentence, unsigned flags)
{
	uint32_t k;

	for (k = m->entry_first; k < m->entry_first + m->entry_count; k++) {
		vigil__entry e;

		vigil__lexicon_entry(an->lx, k, &e);
		if (valid_on(&e, an->date) && !seen_before(an, m, k, &e))
			write_mention(b, an, m, sentence, &e, flags);
	}
}

/* Sentence records and mentions, sentence by sentence in text order. */
static void write_sentences(vigil__buf *b, const vigil__analysis *an,
			    unsigned flags)
{
	size_t s, m = 0;
	int mentions = (flags & VIGIL_CODE_MENTIONS) && an->lx;

	for (s = 0; s < an->seg.nsent; s++) {
		if (flags & VIGIL_CODE_SENTENCES)
			write_sentence(b, an, s);
		for (; mentions && m < an->nmatch &&
		       an->matches[m].tok_begin < an->seg.sent[s].tok_end;
		     m++)
			write_match(b, an, &an->matches[m], s, flags);
	}
}

void vigil__write_jsonl(vigil__buf *out, const vigil__analysis *an,
			unsigned flags)
{
	write_document(out, an);
	write_sentences(out, an, flags);
}
