/*
 * fuzz_import_text.c — libFuzzer over `jxc import` reading the published
 * text layout: headings, owner prefixes, indicator sentences, the tables
 * flattened to tab-led lines and the form recogniser over them, the
 * writer, fmt and the checker.  Seeds: tests/fuzz/corpus-import-text/.
 * Built and run by `make fuzz`.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_import((const char *)data, size, JX_IMPORT_TEXT);
  return 0;
}
