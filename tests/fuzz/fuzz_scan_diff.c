/*
 * fuzz_scan_diff.c — libFuzzer target: the hand-written scanner
 * (grammar/scan_direct.c) and flex's (grammar/lexer.l, the reference) on
 * the same input must give the same tokens, values, places, comments and
 * diagnostics (tests/unit/scan_diff.h); the target aborts on the first
 * difference, printing where the two part.  The input is read several
 * ways, picked by its first byte: as jxc reads it, with comments and
 * suppression comments kept, and in reads of a few bytes at a time (each
 * token then meets the end of the scanner's buffer), as UTF-8 or as GBK.
 *
 * Built and run by `make fuzz-scan` (build-fuzz/, FUZZ_SECONDS), seeds
 * from tests/fuzz/corpus/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../unit/scan_diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  unsigned how = data[0];
  sd_opts o = {(how & 1) != 0, (how & 2) != 0, (how & 4) != 0,
               (how & 8) ? 1 + (how >> 4) : 0};
  if (o.max_read) /* a few bytes at a time: GBK is decided by the bits */
    o.encoding_seen = true;
  char *why = NULL;
  if (!sd_same((const char *)data + 1, size - 1, &o, &why)) {
    fprintf(stderr, "%s", why);
    abort();
  }
  return 0;
}
