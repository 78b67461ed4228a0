/*
 * fuzz_import.h — what the `jxc import` fuzzers share: run one input
 * through the whole import (reader, layouts, writer, formatter, checker,
 * diagnostics quoting both places) in both keyword languages, and check
 * the properties the sanitizers cannot see: an import that produced a .jx
 * produced one that parses, and that `jxc fmt` leaves unchanged.
 */
#ifndef JX_FUZZ_IMPORT_H
#define JX_FUZZ_IMPORT_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fmt.h"
#include "import.h"
#include "out.h"

static void fuzz_discard(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

/* What an import wrote (rc its status): a .jx when it says it imported,
 * and one that parses and that `jxc fmt` leaves unchanged. */
static inline void fuzz_check(int rc, jx_out *out, bool zh) {
  size_t n;
  const char *jx = jx_out_data(out, &n);
  if ((rc == 0 || rc == 1) && n == 0) {
    fprintf(stderr, "import produced no .jx (rc %d)\n", rc);
    abort(); /* the writer wrote something fmt could not parse */
  }
  if (n == 0)
    return;
  jx_diag *d2 = jx_diag_new();
  jx_diag_set_writer(d2, fuzz_discard, NULL);
  uint32_t file = jx_diag_add_source(d2, "out.jx", jx, n);
  jx_out again;
  jx_out_init_mem(&again);
  if (jx_fmt(jx, n, file, d2, zh, &again) != 0) {
    fprintf(stderr, "the imported .jx does not parse\n");
    abort();
  }
  size_t m;
  const char *twice = jx_out_data(&again, &m);
  if (m != n || memcmp(twice, jx, n) != 0) {
    fprintf(stderr, "the imported .jx is not a fmt fixed point\n");
    /* JX_FUZZ_DUMP=DIR: both texts, to see the difference */
    const char *dir = getenv("JX_FUZZ_DUMP");
    if (dir) {
      char path[4096];
      snprintf(path, sizeof path, "%s/imported.jx", dir);
      FILE *f1 = fopen(path, "wb");
      snprintf(path, sizeof path, "%s/formatted.jx", dir);
      FILE *f2 = fopen(path, "wb");
      if (f1 && f2) {
        fwrite(jx, 1, n, f1);
        fwrite(twice, 1, m, f2);
      }
      if (f1)
        fclose(f1);
      if (f2)
        fclose(f2);
    }
    abort();
  }
  jx_out_free(&again);
  jx_diag_free(d2);
}

static inline jx_diag *fuzz_diag(bool zh) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, fuzz_discard, NULL);
  jx_diag_set_lang(d, zh ? JX_LANG_ZH : JX_LANG_EN);
  return d;
}

static inline void fuzz_import(const char *data, size_t size,
                               jx_import_format f) {
  for (int zh = 0; zh < 2; zh++) {
    jx_diag *d = fuzz_diag(zh);
    jx_out out;
    jx_out_init_mem(&out);
    int rc = jx_import_mem("fuzz.in", data, size, f, zh, d, &out);
    fuzz_check(rc, &out, zh);
    jx_diag_free(d);
    jx_out_free(&out);
  }
}

#endif
