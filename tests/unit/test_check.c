/*
 * test_check.c — the checker's rules, driven the way jxc drives them: the
 * parser streams declarations into a sink that calls jx_check_*, and the
 * diagnostics are captured through jx_diag_set_writer.
 *
 * Each test states the exact list of codes a source produces (in order of
 * position, as the text printer shows them), so a rule that fires too often
 * or not at all fails.  The case files (tests/cases/check-*.txtar) hold the
 * full messages; here the point is the edges: exact decimals, unit
 * conversion, leap years, the lazily resolved framework, codes across
 * files and a set that grows past its first table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "parse.h"
#include "resolve.h"

/* ---- fixture ------------------------------------------------------------- */

typedef struct fx {
  jx_diag *d;
  jx_checker *c;
  jx_arena arena;
  bool seen_decl;
  char out[16384];
  size_t n;
} fx;

static void capture(void *ud, const char *text, size_t n) {
  fx *f = ud;
  if (f->n + n >= sizeof f->out)
    n = sizeof f->out - f->n - 1;
  memcpy(f->out + f->n, text, n);
  f->n += n;
  f->out[f->n] = '\0';
}

static void on_header(void *ud, jx_node *n) {
  fx *f = ud;
  jx_check_header(f->c, n, !f->seen_decl);
  f->seen_decl = true;
}
static void on_framework(void *ud, jx_node *n) {
  fx *f = ud;
  jx_check_framework(f->c, n);
  f->seen_decl = true;
}
static void on_department(void *ud, jx_node *n) {
  fx *f = ud;
  jx_check_department(f->c, n);
  f->seen_decl = true;
}
static void on_unit_open(void *ud, jx_node *n) {
  fx *f = ud;
  jx_check_unit_open(f->c, n);
  f->seen_decl = true;
}
static void on_project(void *ud, jx_node *n, const jx_node *unit) {
  fx *f = ud;
  jx_check_project(f->c, n, unit);
  f->seen_decl = true;
}
static void on_unit_close(void *ud, jx_node *n) {
  jx_check_unit_close(((fx *)ud)->c, n);
}

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  f->d = jx_diag_new();
  jx_diag_set_writer(f->d, capture, f);
  jx_diag_set_format(f->d, JX_DIAG_TEXT);
  jx_diag_set_color(f->d, false);
  f->c = jx_checker_new(f->d);
  jx_arena_init(&f->arena);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  jx_checker_free(f->c);
  jx_diag_free(f->d);
  jx_arena_free(&f->arena);
  free(f);
  return 0;
}

/* Feeds one more file (src must outlive the fixture: string literals). */
static void feed(fx *f, const char *name, const char *src) {
  jx_sink sink = {
      f,          on_header,     on_framework, on_department, on_unit_open,
      on_project, on_unit_close, NULL,         NULL};
  jx_parse_options opt = {false, false, NULL};
  uint32_t file = jx_diag_add_source(f->d, name, src, strlen(src));
  f->seen_decl = false;
  jx_check_begin_file(f->c, file);
  jx_parse_mem(src, strlen(src), file, f->d, &f->arena, &sink, &opt, NULL);
}

/* The codes of every error and warning printed, space-separated. */
static const char *codes(fx *f) {
  static char buf[2048];
  jx_check_end(f->c);
  jx_diag_flush(f->d);
  buf[0] = '\0';
  /* A header line ends with " [code]\n"; source and caret lines do not. */
  const char *line = f->out;
  while (*line) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    if (len > 2 && line[len - 1] == ']' &&
        (strstr(line, ": error: ") || strstr(line, ": warning: "))) {
      const char *open = line + len - 1;
      while (open > line && *open != '[')
        open--;
      if (buf[0])
        strcat(buf, " ");
      strncat(buf, open + 1, (size_t)(line + len - 1 - open - 1));
    }
    line = end ? end + 1 : line + len;
  }
  return buf;
}

static const char *check1(fx *f, const char *src) {
  feed(f, "t.jx", src);
  return codes(f);
}

/* A complete, clean project around the given lines. */
#define HDR "plan 2021 framework local form hebei2021 currency 万元;\n"
#define PROJ(budget, funds, sched, inds)                                       \
  "project \"p\" " budget " {\n" funds "\n" sched "\n" inds "\n}\n"
#define INDS                                                                   \
  "output.quantity \"人数\" = 22人;\nbenefit.social \"效果\" = \"好\";"
#define SCHED "schedule mar 25% jun 50% oct 75% dec 100%;"

/* ---- funds --------------------------------------------------------------- */

static void test_funds_exact(void **state) {
  fx *f = *state;
  /* 0.1 + 0.2 is 0.3 exactly; in binary floating point it is not. */
  assert_string_equal(
      check1(f, HDR PROJ("budget 0.3", "funds fiscal 0.1 other 0.2;", SCHED,
                         INDS)),
      "");
}

static void test_funds_units(void **state) {
  fx *f = *state;
  /* 891000元 is 89.1 万元; an absent part is 0. */
  assert_string_equal(
      check1(f,
             HDR PROJ("budget 89.10", "funds fiscal 891000元;", SCHED, INDS)),
      "");
}

static void test_funds_rules(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, HDR PROJ("budget 89.10", "funds fiscal 891001元 other 0;",
                         SCHED, INDS)),
      "funds-sum");
  assert_non_null(strstr(f->out, "fiscal 89.1001 + other 0 = 89.1001, but "
                                 "the budget is 89.1 万元"));
}

static void test_funds_negative_and_budget(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, HDR PROJ("budget -1", "funds fiscal -1 other 0;", SCHED, INDS)
                    PROJ("", "", SCHED, INDS)),
      "budget-positive funds-negative budget-missing funds-missing");
}

/* ---- schedule ------------------------------------------------------------ */

static void test_schedule(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, HDR PROJ("budget 1", "funds fiscal 1;",
                         "schedule mar 25% mar 30% feb 40% jun 20% dec 99%;",
                         INDS)),
      "schedule-month schedule-order schedule-decrease schedule-end");
}

static void test_schedule_flat_is_fine(void **state) {
  fx *f = *state;
  /* Nothing spent in the first half is a plan, not an error. */
  assert_string_equal(
      check1(f, HDR PROJ("budget 1", "funds fiscal 1;",
                         "schedule 3月底 0% 6月底 0% 12月 100%;", INDS)),
      "");
}

/* ---- indicators ------------------------------------------------------------
 */

static void test_cost_against_budget(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, HDR PROJ("budget 89.10", "funds fiscal 89.10;", SCHED,
                         INDS "\noutput.cost \"a\" = 891000元;"
                              "\noutput.cost \"b\" = 89.1万元;"
                              "\noutput.cost \"c\" = 100%;"
                              "\noutput.cost \"d\" = 891000.01元;"
                              "\noutput.cost \"e\" = 0.00892亿元;")),
      "cost-exceeds-budget cost-exceeds-budget");
}

static void test_values(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, HDR PROJ("budget 1", "funds fiscal 1;", SCHED,
                         INDS "\nsatisfaction.recipient \"s\" >= 100%;"
                              "\nsatisfaction.recipient \"t\" = \"满意\";"
                              "\noutput.quality \"q\" = 100.000001%;"
                              "\noutput.quantity \"n\" = 3;"
                              "\noutput.timeliness \"t1\" <= 2000-02-29;"
                              "\noutput.timeliness \"t2\" <= 2100-02-29;")),
      "rate-range value-unit-missing bad-date");
}

static void test_duplicates(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, HDR PROJ("budget 1", "funds fiscal 1;", SCHED,
                         INDS "\n产出.数量 \"人数\" = 2人;"
                              "\noutput.quality \"人数\" = 100%;")),
      "indicator-duplicate");
}

/* The duplicate rule gives the same answers whether the block is scanned
 * row by row (up to 16 rows) or goes through the hash table: the second
 * and the third "r3" are duplicates, each noted at the first (line 8),
 * and "r3" under another category is not one. */
static void test_duplicates_scanned_and_hashed(void **state) {
  (void)state;
  static const int rows[] = {10, 13, 14, 40};
  for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
    void *st;
    setup(&st);
    fx *f = st;
    size_t cap = 64 * 64 + 512;
    char *src = malloc(cap);
    size_t n = (size_t)snprintf(src, cap,
                                "%sproject \"p\" budget 1 {\nfunds fiscal 1;\n"
                                "%s\n",
                                HDR, SCHED);
    for (int i = 0; i < rows[k]; i++)
      n += (size_t)snprintf(src + n, cap - n,
                            "output.quantity \"r%d\" = 1人;\n", i);
    n += (size_t)snprintf(src + n, cap - n,
                          "output.quality \"r3\" = 100%%;\n"
                          "output.quantity \"r3\" = 2人;\n"
                          "产出.数量 \"r3\" = 3人;\nbenefit.social \"效果\" = "
                          "\"好\";\n}\n");
    feed(f, "t.jx", src);
    assert_string_equal(codes(f), "indicator-duplicate indicator-duplicate");
    size_t notes = 0;
    for (const char *q = f->out; (q = strstr(q, "t.jx:8:")); q++)
      notes++;
    assert_int_equal(notes, 2);
    free(src);
    teardown(&st);
  }
}

/* The checker's memo of categories tells apart spellings that differ
 * only in their middle (the same length, first and last eight bytes),
 * keeps answering right when there are more of them than slots, and
 * does not answer for a spelling it has not seen. */
static void test_category_memo_long_spellings(void **state) {
  fx *f = *state;
  size_t cap = 100 * 160 + 2048;
  char *src = malloc(cap);
  size_t n = (size_t)snprintf(src, cap, "%s",
                              "plan 2021 framework mine;\n"
                              "framework mine \"m\" { out \"产出\" {\n");
  for (int i = 0; i < 90; i++)
    n += (size_t)snprintf(src + n, cap - n, "  abcdefgh%04dstuvwxyz \"L%d\";\n",
                          i * 7, i);
  n += (size_t)snprintf(src + n, cap - n, "} }\n");
  for (int round = 0; round < 2; round++) {
    n += (size_t)snprintf(src + n, cap - n,
                          "project \"p%d\" budget 1 {\nfunds fiscal 1;\n%s\n",
                          round, SCHED);
    for (int i = 0; i < 90; i++)
      n += (size_t)snprintf(src + n, cap - n,
                            "out.abcdefgh%04dstuvwxyz \"x%d\" = 1人;\n", i * 7,
                            i);
    /* 0001 is between two declared spellings: unknown */
    n += (size_t)snprintf(src + n, cap - n,
                          "out.abcdefgh0001stuvwxyz \"y\" = 1人;\n}\n");
  }
  feed(f, "long.jx", src);
  assert_string_equal(codes(f), "unknown-category unknown-category");
  free(src);
}

static void test_completeness_skipped_on_unknown_category(void **state) {
  fx *f = *state;
  /* The author misspelt the benefit row; no second message about it. */
  assert_string_equal(check1(f, HDR PROJ("budget 1", "funds fiscal 1;", SCHED,
                                         "output.quantity \"n\" = 1人;"
                                         "\nbenefit.socail \"e\" = \"好\";")),
                      "unknown-category");
}

static void test_central_cost_is_level1(void **state) {
  fx *f = *state;
  assert_string_equal(check1(f, "plan 2021 framework central2021;\n" PROJ(
                                    "budget 1", "funds fiscal 1;", SCHED,
                                    INDS "\ncost.economic \"c\" = 2万元;"
                                         "\noutput.cost \"d\" = 1万元;")),
                      "cost-exceeds-budget unknown-category");
}

/* ---- identity --------------------------------------------------------------
 */

static void test_codes_across_files(void **state) {
  fx *f = *state;
  feed(f, "a.jx",
       HDR PROJ("budget 1", "funds fiscal 1; code \"130304215088A\";", SCHED,
                INDS) "unit 1 \"u\" { }\n");
  feed(f, "b.jx",
       HDR PROJ("budget 1", "funds fiscal 1; code \"130304215088A\";", SCHED,
                INDS) "unit 1 \"u\" { }\n" PROJ("budget 1",
                                                "funds fiscal 1; code "
                                                "\"1303042\";",
                                                SCHED, INDS)
           PROJ("budget 1", "funds fiscal 1; code \"130304205088B\";", SCHED,
                INDS));
  assert_string_equal(codes(f), "code-duplicate unit-code-duplicate code-year");
  assert_non_null(strstr(f->out, "a.jx:3:"));
}

static void test_code_year_needs_plan_year(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, PROJ("budget 1", "funds fiscal 1; code \"130304205088B\";",
                     SCHED, INDS)),
      "");
}

static void test_many_codes(void **state) {
  fx *f = *state;
  /* 3000 distinct codes: the set grows many times and finds no twin. */
  size_t cap = 3000 * 400 + 64;
  char *src = malloc(cap);
  size_t n = (size_t)snprintf(src, cap, "%s", HDR);
  for (int i = 0; i < 3000; i++)
    n += (size_t)snprintf(src + n, cap - n,
                          "project \"p\" budget 1 {\nfunds fiscal 1; code "
                          "\"C%d\";\n%s\n%s\n}\n",
                          i, SCHED, INDS);
  feed(f, "many.jx", src);
  assert_string_equal(codes(f), "");
  free(src);
}

static void test_many_costs_per_unit(void **state) {
  fx *f = *state;
  /* 300 distinct costs per unit, each written twice, and a rate per day
   * that is no money: the table of spellings grows several times, finds
   * each second spelling again and still knows which one is no cost. */
  size_t cap = 700 * 64 + 512;
  char *src = malloc(cap);
  size_t n = (size_t)snprintf(src, cap, "%s%s", HDR,
                              "project \"p\" budget 1 {\nfunds fiscal 1;\n"
                              "output.cost \"r\" <= 20人/天;\n");
  for (int i = 0; i < 600; i++)
    n += (size_t)snprintf(src + n, cap - n,
                          "output.cost \"c%d\" <= %d元/亩%c%c;\n", i,
                          i % 300 + 1, 'a' + i % 300 / 26, 'a' + i % 26);
  n += (size_t)snprintf(src + n, cap - n,
                        "output.cost \"s\" <= 20人/天;\n%s\n%s\n}\n", SCHED,
                        INDS);
  feed(f, "many.jx", src);
  assert_string_equal(codes(f), "cost-unit cost-unit");
  free(src);
}

/* ---- frameworks ------------------------------------------------------------
 */

static void test_framework_declared_later(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, "plan 2021 framework mine;\n"
                "framework mine \"m\" { out \"产出\" { n \"数量\"; }\n"
                "  eff \"效益\" { s \"社会\" role satisfaction; } }\n" PROJ(
                    "budget 1", "funds fiscal 1;", SCHED,
                    "out.n \"x\" = 1人;\neff.s \"y\" = 90人;")),
      "satisfaction-percent");
  assert_string_equal(jx_checker_framework(f->c)->name, "mine");
}

static void test_framework_never_declared(void **state) {
  fx *f = *state;
  /* Reported once, at the header, when the file ends. */
  assert_string_equal(check1(f, "plan 2021 framework nope;\n"),
                      "unknown-framework");
  assert_non_null(strstr(f->out, "t.jx:1:21:"));
}

static void test_framework_rules(void **state) {
  fx *f = *state;
  assert_string_equal(
      check1(f, "framework 中央 \"x\" { a \"A\" { b \"B\"; } }\n"
                "framework m \"x\" { a \"A\" { b \"B\" role cost; b \"C\"; }\n"
                "  a \"D\" { c \"E\" role size; } }\n"),
      "framework-redefined framework-code-duplicate framework-code-duplicate "
      "framework-role");
}

/* jx_value_decimal reads the usual numbers (12 digits, 6 decimals) by a
 * fast path of its own (resolve.c): for every text, it answers what
 * jx_decimal_parse answers — the same status, the same value — around
 * each of the fast path's limits and for texts it must leave alone. */
static void test_value_decimal(void **state) {
  (void)state;
  static const char *const fixed[] = {"0",
                                      "7",
                                      "007",
                                      "406.40",
                                      "92.4",
                                      "0.000001",
                                      "0.0000001",
                                      "1.",
                                      ".5",
                                      "1.2.3",
                                      "+5",
                                      "-5",
                                      "-0.25",
                                      "12a",
                                      "1 ",
                                      "",
                                      "999999999999",
                                      "9999999999999",
                                      "999999999999.999999",
                                      "999999999999.9999999",
                                      "9223372036854.775807",
                                      "9223372036854.775808",
                                      "89.1000000",
                                      "1234567890123456789",
                                      "1e5",
                                      "\xe4\xb8\x80"};
  unsigned seed = 16;
  for (size_t k = 0; k < sizeof fixed / sizeof fixed[0] + 20000; k++) {
    char buf[32];
    const char *text = buf;
    if (k < sizeof fixed / sizeof fixed[0]) {
      text = fixed[k];
    } else {
      /* Digits with at most a dot and a sign, of every length to 24. */
      seed = seed * 1103515245u + 12345u;
      size_t n = (seed >> 16) % 25, dot = (seed >> 8) % 26;
      for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (char)('0' + (seed >> 16) % 10);
      }
      if (dot < n)
        buf[dot] = '.';
      if (n > 0 && (seed >> 4) % 9 == 0)
        buf[0] = '-';
      buf[n] = '\0';
    }
    jx_value v = {.kind = JX_VAL_NUMBER, .number = text};
    jx_decimal got = {-1}, want = {0};
    jx_decimal_status sg = jx_value_decimal(&v, &got);
    jx_decimal_status sw = jx_decimal_parse(text, strlen(text), &want);
    if (sg != sw || (sw == JX_DEC_OK && got.micros != want.micros)) {
      print_error("'%s': status %d value %lld, want %d %lld\n", text, (int)sg,
                  (long long)got.micros, (int)sw, (long long)want.micros);
      fail();
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
      T(test_funds_exact),
      T(test_funds_units),
      T(test_funds_rules),
      T(test_funds_negative_and_budget),
      T(test_schedule),
      T(test_schedule_flat_is_fine),
      T(test_cost_against_budget),
      T(test_values),
      T(test_duplicates),
      T(test_duplicates_scanned_and_hashed),
      T(test_category_memo_long_spellings),
      T(test_completeness_skipped_on_unknown_category),
      T(test_central_cost_is_level1),
      T(test_codes_across_files),
      T(test_code_year_needs_plan_year),
      T(test_many_codes),
      T(test_many_costs_per_unit),
      T(test_framework_declared_later),
      T(test_framework_never_declared),
      T(test_framework_rules),
      T(test_value_decimal),
#undef T
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
