/*
 * vigil/vigil.h: the umbrella header of the vigil library: everything a
 * program (the vigil CLI, the store, the server) may use. Internal headers
 * under src/lib/ are not part of the API.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VIGIL_VIGIL_H
#define VIGIL_VIGIL_H

#include "common.h"
#include "document.h"
#include "dict.h"
#include "coder.h"
#include "conform.h"
#include "store.h"

#endif /* VIGIL_VIGIL_H */
