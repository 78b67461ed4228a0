/*
 * fuzz_import_csv.c — libFuzzer over `jxc import` reading CSV and TSV:
 * encoding detection (UTF-8, UTF-16, GB18030 through iconv), libcsv, the
 * row and form recognisers on the grid, the writer, fmt and the checker.
 * Seeds: tests/fuzz/corpus-import-csv/.  Built and run by `make fuzz`.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_import((const char *)data, size, JX_IMPORT_CSV);
  return 0;
}
