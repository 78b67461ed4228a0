/*
 * fuzz_import_map.c — libFuzzer over `jxc import --map`: the map file's
 * reader (inih through a line-counting reader, the keys and values, the
 * places its mistakes are reported at), then an import that follows the
 * map (columns named by letter or by header text, the profile, the sheet,
 * the header row).
 *
 * An input is the map file, a NUL byte, and the table it maps (CSV or
 * text, by content or as the map's profile says); without a NUL, the map
 * maps a small table of its own.  Seeds: tests/fuzz/corpus-fuzz_import_map/.
 * Built and run by `make fuzz-import`.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char table[] =
    "项目,大类,小类,指标,目标,说明\n"
    "规划业务费,产出指标,数量指标,保障公务车数量,2辆,公务车数量\n"
    ",效益指标,社会效益指标,保障运转,有效,\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  const char *nul = memchr(in, '\0', size);
  size_t map_n = nul ? (size_t)(nul - in) : size;
  const char *tab = nul ? nul + 1 : table;
  size_t tab_n = nul ? size - map_n - 1 : sizeof table - 1;
  for (int zh = 0; zh < 2; zh++) {
    jx_diag *d = fuzz_diag(zh);
    jx_out out;
    jx_out_init_mem(&out);
    int rc = jx_import_mem_map("fuzz.csv", tab, tab_n, in, map_n, zh, d, &out);
    fuzz_check(rc, &out, zh);
    jx_diag_free(d);
    jx_out_free(&out);
  }
  return 0;
}
