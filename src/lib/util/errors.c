/*
 * errors.c: English names of the VIGIL_E* error codes (see vigil/common.h).
 * The table is indexed by -code; unknown codes get a generic name.
 *
 * SPDX-License-Identifier: MIT
 */
#include <vigil/common.h>

static const char *const error_names[] = {
    [-VIGIL_OK] = "success",	       [-VIGIL_ERROR] = "error",
    [-VIGIL_ENOMEM] = "out of memory", [-VIGIL_EIO] = "input/output error",
    [-VIGIL_EINPUT] = "bad input",     [-VIGIL_EOF] = "end of input",
};

const char *vigil_strerror(int code)
{
	if (code > 0 ||
	    code < -(int)(sizeof(error_names) / sizeof(error_names[0]) - 1))
		return "unknown error";
	return error_names[-code];
}
