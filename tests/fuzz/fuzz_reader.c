/*
 * fuzz_reader.c: libFuzzer target for the document readers. Each input is
 * read through vigil_reader_open_stream (on fmemopen) once per format,
 * auto-detected and forced, to the end; every document must be well formed
 * (text NUL-terminated, dates YYYY-MM-DD). The fast JSON parser must agree
 * with jansson whenever it accepts the input. Built by `make fuzz`; linked
 * with standalone.c it replays its corpus as a regression test.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <vigil/document.h>

#include "input/input_int.h"

static const vigil_input_format formats[] = {
	VIGIL_INPUT_AUTO, VIGIL_INPUT_TEXT, VIGIL_INPUT_JSONL,
	VIGIL_INPUT_HTML, VIGIL_INPUT_FEED,
};

static void check_doc(const vigil_doc *d)
{
	size_t i;

	if (!d->text || d->text[d->text_len] != '\0' || !d->origin)
		abort();
	if (d->date) {
		if (strlen(d->date) != 10 || d->date[4] != '-' || d->date[7] != '-')
			abort();
		for (i = 0; i < 10; i++)
			if (i != 4 && i != 7 && (d->date[i] < '0' || d->date[i] > '9'))
				abort();
	}
}

static void read_all(char *copy, size_t size, vigil_input_format format)
{
	vigil_reader_options opts = VIGIL_READER_OPTIONS_INIT;
	vigil_reader *r = NULL;
	FILE *f = fmemopen(copy, size, "r");
	vigil_doc d;
	int rc, n = 0;

	if (!f)
		return;
	opts.format = format;
	opts.max_doc_bytes = 1u << 20;
	if (vigil_reader_open_stream(&r, f, "-", &opts, NULL, 0) == 0) {
		while ((rc = vigil_reader_next(r, &d)) != VIGIL_EOF) {
			if (rc == VIGIL_OK)
				check_doc(&d);
			else if (rc != VIGIL_EINPUT)
				break;
			else if (vigil_reader_errmsg(r)[0] == '\0')
				abort(); /* every error has a message */
			if (++n > 1000000)
				abort(); /* next() must make progress */
		}
		vigil_reader_free(r);
	}
	fclose(f);
}

/* vigil__json_flat accepts a subset of what jansson accepts, with the same
 * values. */
static void check_json_flat(const char *s, size_t size)
{
	static const char *const keys[] = {"text", "id", "date"};
	vigil__json_str m[3];
	vigil__arena a;
	json_error_t jerr;
	json_t *j;
	size_t k;

	vigil__arena_init(&a, 0);
	if (vigil__json_flat(&a, s, size, keys, 3, m) == 0) {
		j = json_loadb(s, size, JSON_ALLOW_NUL, &jerr);
		if (!j || !json_is_object(j))
			abort();
		for (k = 0; k < 3; k++) {
			json_t *v = json_object_get(j, keys[k]);

			if (m[k].present != (v != NULL))
				abort();
			if (!v)
				continue;
			if (json_is_null(v) != m[k].is_null)
				abort();
			if (!json_is_null(v) &&
			    (!json_is_string(v) || json_string_length(v) != m[k].len ||
			     memcmp(json_string_value(v), m[k].s, m[k].len) != 0))
				abort();
		}
		json_decref(j);
	}
	vigil__arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	size_t i;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	check_json_flat(copy, size);
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		read_all(copy, size, formats[i]);
	free(copy);
	return 0;
}
