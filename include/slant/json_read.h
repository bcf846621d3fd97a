/*
 * json_read.h - JSON text to jansson values, faster than json_loadb and
 * never different from it: where it is not sure, it returns NULL and the
 * caller asks json_loadb (which also explains any error).
 */
#ifndef SLANT_JSON_READ_H
#define SLANT_JSON_READ_H

#include <jansson.h>

#include "slant/util.h"

enum { SLANT_JSON_ALLOW_NUL = 1 }; /* as jansson's JSON_ALLOW_NUL */

/* The JSON value text[0 .. len) as json_loadb(text, len, JSON_DECODE_ANY,
 * plus JSON_ALLOW_NUL when flags has SLANT_JSON_ALLOW_NUL) reads it; NULL
 * when the text is not valid JSON or is unusual (nested over 1024 deep, an
 * integer of more than 18 digits, a real that overflows). skip: a member of
 * the root object left out (NULL: none). scratch: a buffer for decoded
 * strings, reused across calls (NULL: one of its own). */
json_t *slant_json_parse(const char *text, size_t len, int flags, const char *skip, slant_buf *scratch);

#endif
