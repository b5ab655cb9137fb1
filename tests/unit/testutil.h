/*
 * testutil.h: helpers shared by the unit tests: where ../shared is, reading
 * a file, and writing a temporary file.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_TESTUTIL_H
#define VIGIL_TESTUTIL_H

#include <stddef.h>

/* The path of ../shared (or $SHARED) if it exists, else NULL. */
const char *tu_shared_dir(void);

/* The seed article's path (static storage) if ../shared has it, else NULL. */
const char *tu_seed_path(void);

/* Reads a whole file into a malloc'd NUL-terminated buffer; NULL on error. */
char *tu_read_file(const char *path, size_t *len_out);

/* Writes `len` bytes to a new temporary file whose name (static storage,
 * overwritten by the next call) is returned; `suffix` like ".vd". */
const char *tu_write_temp(const char *suffix, const char *data, size_t len);

#endif
