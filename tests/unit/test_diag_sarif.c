/*
 * test_diag_sarif.c — unit tests for the SARIF renderer (diag_sarif.c):
 * what a piece holds, URIs made of odd and absolute paths, code-point
 * columns beyond the BMP, a place whose line is gone, the rules of pieces
 * from two engines (check -j's children) numbered once, and helpUri when
 * the build names the documentation.  Whole logs, and their validity
 * against the SARIF 2.1.0 schema, are the golden cases' (check-sarif*,
 * tests/golden/sarif-schema).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"

static void capture(void *ud, const char *text, size_t n) {
  jx_sb_add(ud, text, n);
}

static jx_loc loc_at(const char *src, uint32_t file, uint32_t line,
                     const char *needle) {
  const char *p = src;
  for (uint32_t i = 1; i < line; i++) {
    p = strchr(p, '\n');
    assert_non_null(p);
    p++;
  }
  const char *q = strstr(p, needle);
  assert_non_null(q);
  jx_loc l = {.offset = (uint64_t)(q - src),
              .line = line,
              .col = (uint32_t)(q - p) + 1,
              .len = (uint32_t)strlen(needle),
              .file = file};
  return l;
}

static const jx_loc NOPOS = {0};

static const char src[] = "plan 2021;\n"
                          "  𠀀产出.数亮 \"人数\" = 22人;\n";

/* An engine in SARIF format whose pieces go into *pieces. */
static jx_diag *engine(jx_strbuf *pieces) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_format(d, JX_DIAG_SARIF);
  jx_diag_set_writer(d, capture, pieces);
  return d;
}

static void test_piece(void **state) {
  (void)state;
  jx_strbuf p = {0};
  jx_diag *d = engine(&p);
  uint32_t f = jx_diag_add_source(d, "dir/a b%#:人.jx", src, sizeof src - 1);
  jx_diag_report(d, JX_E_UNKNOWN_CATEGORY, loc_at(src, f, 2, "产出.数亮"),
                 "产出.数亮", "local");
  jx_diag_note(d, JX_N_DID_YOU_MEAN, NOPOS, "产出.数量");
  jx_diag_add_fixit(d, loc_at(src, f, 2, "产出.数亮"), "产出.数量");
  jx_diag_report_file(d, JX_E_READ, "/abs/缺.jx", "/abs/缺.jx", 2);
  jx_diag_flush(d);
  /* 𠀀 is one code point (two UTF-16 units): 产 is column 4. */
  assert_string_equal(
      p.p,
      "R\tunknown-category\t,\"level\":\"error\",\"message\":{\"text\":"
      "\"unknown indicator category '产出.数亮' in framework 'local'\\nhelp: "
      "did you mean '产出.数量'?\"},\"locations\":[{\"physicalLocation\":{"
      "\"artifactLocation\":{\"uri\":\"dir/a%20b%25%23%3A%E4%BA%BA.jx\","
      "\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":2,"
      "\"startColumn\":4,\"endLine\":2,\"endColumn\":9}}}],\"fixes\":[{"
      "\"artifactChanges\":[{\"artifactLocation\":{\"uri\":"
      "\"dir/a%20b%25%23%3A%E4%BA%BA.jx\",\"uriBaseId\":\"%SRCROOT%\"},"
      "\"replacements\":[{\"deletedRegion\":{\"startLine\":2,\"startColumn\":4,"
      "\"endLine\":2,\"endColumn\":9},\"insertedContent\":{\"text\":"
      "\"产出.数量\"}}]}]}]}\n"
      "N\tread-error\t,\"level\":\"error\",\"message\":{\"text\":\"cannot read "
      "/abs/缺.jx: No such file or directory\"},\"locations\":[{"
      "\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
      "\"file:///abs/%E7%BC%BA.jx\"}}}]}\n");
  jx_diag_free(d);
  jx_sb_free(&p);
}

/* A place whose line a stream no longer keeps has byte columns in text;
 * SARIF gives its line only, and no fix-it there can be applied. */
static void test_line_gone(void **state) {
  (void)state;
  static const char s[] = "plan 2021;\n"
                          "project \"a\" budget 8x;\n"
                          "project \"b\" budget 9y;\n";
  jx_strbuf p = {0};
  jx_diag *d = engine(&p);
  uint32_t f = jx_diag_add_stream(d, "<stdin>");
  const char *line3 = strstr(s, "project \"b\"");
  jx_diag_keep(d, f, s, strlen(s));
  jx_diag_forget(d, f, (uint64_t)(line3 - s));
  jx_diag_report(d, JX_E_BAD_WORD, loc_at(s, f, 2, "8x"), "8x");
  jx_diag_add_fixit(d, loc_at(s, f, 2, "8x"), "8");
  jx_diag_flush(d);
  assert_non_null(strstr(p.p, "\"uri\":\"%3Cstdin%3E\""));
  assert_non_null(strstr(p.p, "\"region\":{\"startLine\":2}}}]}\n"));
  assert_null(strstr(p.p, "fixes"));
  jx_diag_free(d);
  jx_sb_free(&p);
}

/* Two children's pieces, one after the other: the rules are numbered
 * over both, in order of first occurrence. */
static void test_rules_across_pieces(void **state) {
  (void)state;
  jx_strbuf a = {0}, b = {0}, log = {0};
  jx_diag *da = engine(&a), *db = engine(&b);
  uint32_t fa = jx_diag_add_source(da, "a.jx", src, sizeof src - 1);
  uint32_t fb = jx_diag_add_source(db, "b.jx", src, sizeof src - 1);
  jx_diag_report(da, JX_E_BAD_WORD, loc_at(src, fa, 1, "2021"), "2021");
  jx_diag_report(db, JX_E_UNKNOWN_CATEGORY, loc_at(src, fb, 2, "产出.数亮"),
                 "产出.数亮", "local");
  jx_diag_report(db, JX_E_BAD_WORD, loc_at(src, fb, 2, "22人"), "22人");
  jx_diag_flush(da);
  jx_diag_flush(db);
  jx_sb_add(&a, b.p, b.n);
  jx_diag_sarif_log_at(&log, a.p, a.n, JX_LANG_ZH, NULL);
  const char *r1 = strstr(log.p, "{\"id\":\"unknown-word\"");
  const char *r2 = strstr(log.p, "{\"id\":\"unknown-category\"");
  assert_non_null(r1);
  assert_non_null(r2);
  assert_true(r1 < r2);
  assert_non_null(strstr(r1, "\"shortDescription\":{\"text\":\"未知的词\"}"));
  const char *x1 =
      strstr(log.p, "{\"ruleId\":\"unknown-word\",\"ruleIndex\":0,");
  const char *x2 =
      strstr(log.p, "{\"ruleId\":\"unknown-category\",\"ruleIndex\":1,");
  assert_non_null(x1);
  assert_non_null(x2);
  assert_non_null(
      strstr(x2 + 1, "{\"ruleId\":\"unknown-word\",\"ruleIndex\":0,"));
  assert_non_null(strstr(log.p, "\"language\": \"zh-CN\""));
  assert_non_null(strstr(log.p, "\"executionSuccessful\": true"));
  assert_null(strstr(log.p, "helpUri"));
  jx_diag_free(da);
  jx_diag_free(db);
  jx_sb_free(&a);
  jx_sb_free(&b);
  jx_sb_free(&log);
}

/* A build that names where its documentation is published links each
 * rule to its entry. */
static void test_help_uri(void **state) {
  (void)state;
  jx_strbuf p = {0}, log = {0};
  jx_diag *d = engine(&p);
  jx_diag_usage(d, "check", JX_U_UNKNOWN_OPTION, "--bogus");
  jx_diag_flush(d);
  jx_diag_sarif_log_at(&log, p.p, p.n, JX_LANG_EN,
                       "https://example.org/jixiao/docs/");
  assert_non_null(strstr(log.p, "\"informationUri\": "
                                "\"https://example.org/jixiao/docs/\""));
  assert_non_null(strstr(log.p, "{\"id\":\"usage\",\"shortDescription\":{"
                                "\"text\":\"The command line is wrong\"},"
                                "\"help\":{\"text\":\"See 'usage' in "
                                "docs/diagnostics.md.\"},\"helpUri\":"
                                "\"https://example.org/jixiao/docs/"
                                "diagnostics.md#usage\"}"));
  assert_non_null(strstr(log.p, "\"executionSuccessful\": false"));
  assert_non_null(strstr(log.p, "\"results\": []"));
  jx_diag_free(d);
  jx_sb_free(&p);
  jx_sb_free(&log);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_piece),
      cmocka_unit_test(test_line_gone),
      cmocka_unit_test(test_rules_across_pieces),
      cmocka_unit_test(test_help_uri),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
