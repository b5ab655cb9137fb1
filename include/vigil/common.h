/*
 * vigil/common.h: error codes, diagnostics callback and small shared types of
 * the public API. Every function that can fail returns an int: VIGIL_OK (0) on
 * success or a negative VIGIL_E* code; the message is kept on the handle.
 *
 * Ownership rule for the whole API: getters return borrowed pointers valid
 * until the handle changes or is freed; anything returned through `**out`
 * belongs to the caller and is freed with the matching vigil_*_free(), which
 * accepts NULL.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_COMMON_H
#define VIGIL_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VIGIL_VERSION "0.1.0"

enum vigil_error_code {
	VIGIL_OK = 0,
	VIGIL_ERROR = -1,   /* generic failure; see the handle's message */
	VIGIL_ENOMEM = -2,  /* allocation failed or a size cap was reached */
	VIGIL_EIO = -3,     /* read, write, open or mmap failed */
	VIGIL_EINPUT = -4,  /* bad input (document, dictionary line, option) */
	VIGIL_EOF = -5      /* no more items: not an error for iterators */
};

/* Returns a static English name for an error code ("out of memory", ...). */
const char *vigil_strerror(int code);

/*
 * A diagnostic about an input: `file` and `line` locate it when known (line 0:
 * no line; then `offset` is a byte offset, or -1 when unknown). `message`
 * says what is wrong. Called synchronously; pointers are valid only during
 * the call.
 */
typedef void (*vigil_diag_fn)(void *ctx, const char *file, unsigned long line,
			      long long offset, const char *message);

/* A byte range [begin, end) into a document's normalized text. */
typedef struct vigil_span {
	uint32_t begin;
	uint32_t end;
} vigil_span;

#ifdef __cplusplus
}
#endif
#endif /* VIGIL_COMMON_H */
