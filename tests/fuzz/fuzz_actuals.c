/*
 * fuzz_actuals.c — libFuzzer over the actuals readers of `jxc eval` and
 * `jxc monitor`: the input is an actuals file (its form recognised by
 * content, as --actuals has it: encodings, libcsv and the cell locator,
 * the value reader), matched against a small plan that has every kind of
 * target (bind.c), then scored and monitored by libjixiao and reported in
 * every format, in both languages.  Diagnostics are rendered too, so a
 * place computed wrongly is quoted (and caught by ASan) rather than
 * skipped.  A table is also written in the language's form, as `jxc fmt`
 * does (actuals_write.c): what it writes must read back as jixiao with as
 * many actuals, and format.  Seeds: tests/fuzz/corpus-fuzz_actuals/.
 * Built and run by `make fuzz-actuals`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "eval.h"
#include "fmt.h"
#include "out.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char plan_text[] =
    "plan 2021 framework local currency 万元;\n"
    "unit 101 \"单位\" {\n"
    "project \"示例项目\" budget 100 {\n"
    "  code \"13030421XSZZ00000001A\";\n"
    "  funds fiscal 100 other 0;\n"
    "  schedule jun 50% dec 100%;\n"
    "  output.quantity \"培训人数\" >= 200人;\n"
    "  output.quality \"合格率\" >= 95%;\n"
    "  output.timeliness \"完成时间\" <= 2021年9月;\n"
    "  output.cost \"成本\" = 100万元;\n"
    "  benefit.social \"知晓率\" >= 80%;\n"
    "  benefit.economic \"不涉及\" n/a;\n"
    "  benefit.sustainable \"长效机制\" = \"建立\";\n"
    "  satisfaction.recipient \"满意度\" >= 90%;\n"
    "}\n"
    "project \"示例项目\" budget 5 {\n"
    "  code \"13030421XSZZ00000002A\";\n"
    "  funds fiscal 5 other 0;\n"
    "  schedule dec 100%;\n"
    "  output.quantity \"面积\" = 100亩;\n"
    "  benefit.social \"长效机制\" = \"建立\";\n"
    "  satisfaction.recipient \"满意度\" >= 90%;\n"
    "}\n"
    "}\n";

static char plan_path[] = "/tmp/jx-fuzz-actuals-XXXXXX";

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  int fd = mkstemp(plan_path);
  if (fd < 0 || write(fd, plan_text, sizeof plan_text - 1) !=
                    (ssize_t)(sizeof plan_text - 1))
    abort();
  close(fd);
  return 0;
}

static void discard(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

static void run(const char *data, size_t size, jx_lang lang, int month) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  jx_diag_set_lang(d, lang);
  const char *paths[] = {plan_path};
  jx_ev_plan plan;
  if (jx_ev_plan_load(&plan, paths, 1, NULL, d) != 0)
    abort(); /* the plan above is clean */
  jx_actuals a;
  jx_ev_run r;
  memset(&r, 0, sizeof r);
  int rc = jx_actuals_read_mem(&a, "fuzz.csv", data, size, d);
  if (rc == 0 || (rc == 1 && a.n > 0)) {
    const jx_profile *prof = jx_profile_builtin(month & 1 ? "hubei" : NULL);
    int b = jx_ev_bind(&r, &plan, &a, prof, month, d);
    if (rc == 0 && b == 0 &&
        (month ? jx_ev_monitor(&r, month, d) : jx_ev_score(&r, d)) == 0) {
      for (int f = JX_EV_TEXT; f <= JX_EV_CSV; f++) {
        jx_out out;
        jx_out_init_mem(&out);
        if (month)
          jx_ev_report_monitor(&r, (jx_ev_format)f, lang, &out);
        else
          jx_ev_report_eval(&r, (jx_ev_format)f, lang, &out);
        jx_out_free(&out);
      }
    }
  }
  jx_diag_flush(d);
  jx_ev_run_free(&r);
  jx_actuals_free(&a);
  jx_ev_plan_free(&plan);
  jx_diag_free(d);
}

/* jxc fmt of a table: what it writes is jixiao that reads back as as
 * many actuals, none of them a table's, and formats. */
static void convert(const char *data, size_t size, bool zh) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  jx_strbuf jx = {0};
  if (jx_actuals_fmt_table("fuzz.csv", data, size, zh, &jx, d) == 0) {
    jx_actuals t, j;
    int rt = jx_actuals_read_mem(&t, "fuzz.csv", data, size, d);
    int rj = jx_actuals_read_mem(&j, "fuzz.jx", jx.p, jx.n, d);
    if (rt != 0 || rj != 0 || j.csv || j.n != t.n)
      abort();
    jx_out o;
    jx_out_init_mem(&o);
    uint32_t f = jx_diag_add_source(d, "fuzz.jx", jx.p, jx.n);
    if (jx_fmt(jx.p, jx.n, f, d, zh, &o) != 0)
      abort();
    jx_diag_flush(d);
    jx_out_free(&o);
    jx_actuals_free(&t);
    jx_actuals_free(&j);
  }
  jx_diag_flush(d);
  jx_sb_free(&jx);
  jx_diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* The first byte picks the month (0: eval); the rest is the file. */
  int month = size ? data[0] % 13 : 0;
  const char *text = size ? (const char *)data + 1 : "";
  size_t n = size ? size - 1 : 0;
  run(text, n, JX_LANG_EN, month);
  run(text, n, JX_LANG_ZH, month ? 0 : 7);
  convert(text, n, month & 1);
  return 0;
}
