/*
 * sqlite_figures.c: the rows of the figures ledger: the claims of original
 * documents (near-duplicates repeat a claim and are left out), grouped by
 * subject code and category, each group in date order (undated last).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "sqlite_int.h"

#define FIGURE_SQL \
	"SELECT d.doc, f.sentence, f.n, f.value, f.low, f.high, f.qualifier," \
	" f.unit, f.category, f.subject_code, f.subject_country," \
	" f.subject_sector, f.subject_text, f.said_by_code, f.said_by_text," \
	" p.name, p.country, p.admin1, p.precision, p.lat, p.lon, p.code, f.date," \
	" f.span_begin, f.span_end, d.source" \
	" FROM figures f JOIN documents d ON d.id = f.doc_id" \
	" LEFT JOIN places p ON p.id = f.place_id" \
	" WHERE d.duplicate_of IS NULL" \
	" AND (?1 IS NULL OR (f.subject_code >= ?1 AND f.subject_code < ?2))" \
	" AND (?3 IS NULL OR f.category = ?3)" \
	" ORDER BY f.subject_code IS NULL, f.subject_code, f.category," \
	" f.date IS NULL, f.date, d.doc, f.sentence, f.n"

static void read_figure(sqlite3_stmt *st, vigil__figure_row *r, char *id,
			size_t cap)
{
	vigil_figure_rec *f = &r->f;

	memset(r, 0, sizeof(*r));
	r->doc = vigil__sq_text(st, 0);
	f->sentence = (uint32_t)sqlite3_column_int(st, 1);
	snprintf(id, cap, "%s-%u-f%d", r->doc, f->sentence,
		 sqlite3_column_int(st, 2));
	f->id = id;
	f->value = vigil__sq_real(st, 3);
	f->low = vigil__sq_real(st, 4);
	f->high = vigil__sq_real(st, 5);
	f->qualifier = vigil__sq_text(st, 6);
	f->unit = vigil__sq_text(st, 7);
	f->category = vigil__sq_text(st, 8);
	f->subject.code = vigil__sq_text(st, 9);
	f->subject.country = vigil__sq_text(st, 10);
	f->subject.sector = vigil__sq_text(st, 11);
	f->subject.text = vigil__sq_text(st, 12);
	f->said_by.code = vigil__sq_text(st, 13);
	f->said_by.text = vigil__sq_text(st, 14);
	vigil__sq_read_place(st, 15, &f->place);
	f->date = vigil__sq_text(st, 22);
	f->span.begin = (uint32_t)sqlite3_column_int64(st, 23);
	f->span.end = (uint32_t)sqlite3_column_int64(st, 24);
	r->source = vigil__sq_text(st, 25);
}

int vigil__sq_figures(struct vigil_store *s, const char *subject,
		      const char *category, vigil__figure_row_fn fn,
		      void *ctx)
{
	sqlite3_stmt *st = NULL;
	vigil__figure_row row;
	char id[512], upper[64];
	int rc = vigil__sq_prepare(s, &st, FIGURE_SQL);
	size_t n = subject ? strlen(subject) : 0;

	if (rc != VIGIL_OK)
		return rc;
	if (n > 0 && n < sizeof(upper)) {
		/* the codes that start with `subject` */
		memcpy(upper, subject, n + 1);
		upper[n - 1] = (char)((unsigned char)upper[n - 1] + 1);
		sqlite3_bind_text(st, 1, subject, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
	}
	if (category)
		sqlite3_bind_text(st, 3, category, -1, SQLITE_STATIC);
	while (rc == VIGIL_OK) {
		int step = sqlite3_step(st);

		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			rc = vigil__sq_fail(s, step, "reading figures");
			break;
		}
		read_figure(st, &row, id, sizeof(id));
		if (fn(ctx, &row) != 0)
			rc = VIGIL_EIO;
	}
	sqlite3_finalize(st);
	return rc;
}
