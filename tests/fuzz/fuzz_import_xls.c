/*
 * fuzz_import_xls.c — libFuzzer over `jxc import` reading legacy .xls:
 * freexl (through the temporary file it needs), the cells it gives (text
 * in unknown encodings, dates, numbers), then the recognisers, writer, fmt
 * and checker.  Inputs go in as they are; the seeds are BIFF8 workbooks
 * xlwt wrote (tests/import/sheets.py's rows-xls and form-xls), in
 * tests/fuzz/corpus-fuzz_import_xls/.  Built and run by `make fuzz-import`.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char ole[8] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  /* only the .xls reader: anything else is another fuzzer's */
  if (size >= 8 && memcmp(data, ole, 8) == 0)
    fuzz_import((const char *)data, size, JX_IMPORT_AUTO);
  return 0;
}
