/*
 * test_fmt_props.c — property tests of `jxc fmt` (compiler/fmt/fmt.c).
 *
 * Examples prove that fmt handles the cases someone thought of; this test
 * checks what fmt promises (tests/unit/fmt_props.h: output that formats to
 * itself, the same plan, every comment kept in its place) over many
 * sources nobody wrote by hand.  The seeds are every example, every golden
 * and fuzzer-corpus input, every .jx input of a case file, a few plans from
 * bench/gen.c (jx-gen) and one that uses every statement form; each seed that
 * parses gives variants (tests/unit/fmt_mutate.h) with keywords respelt in
 * English and Chinese, comments in every position, other spacing, CRLF,
 * everything on one line, and long CJK texts with spaces, escapes and tabs at
 * every offset.  Each variant is formatted with English and Chinese keywords in
 * turn.  For the variants that build cleanly, `jxc diff` (in-process) must also
 * call x and fmt(x) identical.
 *
 * The random choices come from a fixed seed: a failure names its seed file
 * and variant number, and writes the variant to /tmp/jx-fmt-props-*.jx.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diff_model.h"
#include "load.h"
#include "fmt_mutate.h"
#include "fmt_props.h"

#define VARIANTS_PER_SEED 10
#define MAX_SEED_BYTES (1u << 20)

/* Uses every statement and value form, in blocks of every kind. */
static const char every_form[] =
    "plan 2021 framework local currency 万元;\n"
    "framework local \"本地\" {\n"
    "  output \"产出指标\" { quantity \"数量指标\"; cost \"成本指标\" role "
    "cost; }\n"
    "  benefit \"效益指标\" { social \"社会效益指标\"; }\n"
    "  satisfaction \"满意度指标\" { recipient \"服务对象满意度指标\" role "
    "satisfaction; }\n"
    "}\n"
    "department \"某局\" {\n"
    "  goal \"部门目标\";\n"
    "  measure \"措施\" \"措施内容\";\n"
    "  measure \"只有标题\";\n"
    "  indicator \"完成率\" 100%;\n"
    "  division \"办公室\" { goal \"处室目标\"; output.quantity \"件数\" >= "
    "3件 desc \"说明\" basis \"依据\"; }\n"
    "}\n"
    "unit \"A01\" \"单位甲\" {\n"
    "  goal \"单位目标\";\n"
    "  project \"项目一\" budget 10 <\n"
    "    code 1303042100000000001;\n"
    "    funds fiscal 10 other 0;\n"
    "    purpose \"用途\";\n"
    "    schedule 3月 25% jun 50% 9月底 75% dec 100%;\n"
    "    output.quantity \"人数\" = 22人 basis \"计划\" desc \"描述\";\n"
    "    output.cost \"成本\" <= 10万元;\n"
    "    benefit.social \"效果\" \"明显\";\n"
    "    benefit.social \"日期\" 2021年12月31日;\n"
    "    benefit.social \"不涉及\" n/a;\n"
    "    benefit.social \"不涉及二\" = 不涉及;\n"
    "    satisfaction.recipient \"满意度\" > 90%;\n"
    "    satisfaction.recipient \"投诉\" < 5%;\n"
    "  >\n"
    "  project \"空项目\" { }\n"
    "}\n"
    "unit 324002 \"单位乙\" {\n"
    "  project \"项目二\" {\n"
    "    code \"1303042100000000002\"; budget 5; funds other 5;\n"
    "    schedule dec 100%;\n"
    "    benefit.social \"x\" = 2021-12-31;\n"
    "  }\n"
    "  project “印刷“成本”项目” 预算：3,309,840.00元 {\n"
    "    funds 财政：３３０.９８４万 other 0; schedule 12月底 100%;\n"
    "    output.quantity \"面积\" 指标值：≥１２００亩;\n"
    "    output.quantity \"户数\" 2万户以上;\n"
    "    output.quality \"合格率\" 95%以上 desc “验收”;\n"
    "    output.timeliness \"开工\" 9月前;\n"
    "    output.timeliness \"完工\" 2023年6月底前;\n"
    "    output.timeliness \"时限\" 10个工作日内;\n"
    "    output.timeliness \"周期\" 2023.07-2024.01;\n"
    "    output.timeliness \"实施期\" = 2020年-2022年;\n"
    "    output.cost \"亩均\" ≦475元/亩;\n"
    "    output.cost \"劳务\" 17元/人.每天;\n"
    "    benefit.social \"年限\" ═ ２０年;\n"
    "    satisfaction.recipient \"满意度\" 90%以上;\n"
    "  }\n"
    "}\n"
    "project \"单位外项目\" { budget 1; funds fiscal 1; schedule dec 100%; }\n";

/* The statements of issue 11: what the forms of other regions print. */
static const char forms_of_other_regions[] =
    "plan 2023 framework central2021 form mof2021 currency 万元;\n"
    "department \"湘西州教育和体育局\" {\n"
    "  code 901001033; budget 171.41;\n"
    "  breakdown \"基本支出\" 100 \"项目支出\" 71.41;\n"
    "  goal \"部门目标\";\n"
    "}\n"
    "unit \"湘西州民族中学\" {\n"
    "  supervisor 505 \"湘西州教育和体育局\";\n"
    "  implementer \"[610001]湖南省润山润水生态农业发展有限公司\";\n"
    "  project \"校舍维修\" budget 65 {\n"
    "    total 200; period \"2023.07-2024.01\";\n"
    "    class \"资产资源类--房屋类\"; nature \"延续项目\";\n"
    "    policy \"奉节民宗委发〔2022〕3号\"; document \"湘财预〔2023〕12号\";\n"
    "    subject 21305; manager \"张三\" \"0743-8221234\"; contact \"李四\";\n"
    "    attribute \"资金性质\" \"一般公共预算\";\n"
    "    funds 上级资金 40 本级 20 自有资金 5;\n"
    "    breakdown \"修缮\" 40 \"设备\" 25;\n"
    "    overall \"三年内完成校舍改造\"; goal \"完成年度维修\";\n"
    "    output.quantity \"维修面积\" >= 500平方米 period >= 1500平方米\n"
    "      standard \"计划标准\" explanation \"解释\" note \"说明\"\n"
    "      remark \"备注\" scoring \"每少1平方米扣1分\";\n"
    "    cost.ecological;\n"
    "    benefit.ecological \"生态修复功能提高\";\n"
    "    benefit.social = \"明显\" desc \"受益\";\n"
    "    satisfaction.recipient \"满意度\" >= 90% period >= 95%;\n"
    "  }\n"
    "}\n"
    "unit 324001 \"有编码的单位\" {\n"
    "  project \"二\" budget 5 { funds fiscal 5 其它 0;\n"
    "    implementer 324001 \"有编码的单位\"; supervisor \"505_湘西州\"; }\n"
    "}\n";

typedef struct seed {
  char *name;
  char *text;
  size_t len;
} seed;

typedef struct seeds {
  seed *v;
  size_t n, cap;
} seeds;

static void add_seed(seeds *s, const char *name, char *text, size_t len) {
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    s->v = realloc(s->v, s->cap * sizeof *s->v);
    assert_non_null(s->v);
  }
  seed x = {strdup(name), text, len};
  s->v[s->n++] = x;
}

static char *slurp(FILE *f, size_t *len) {
  sd_buf b = {NULL, 0, 0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    sd_put(&b, chunk, got);
  if (!b.p)
    mut_putc(&b, '\0'), b.n = 0;
  *len = b.n;
  return b.p;
}

static void add_file(seeds *s, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return;
  size_t len;
  char *text = slurp(f, &len);
  fclose(f);
  if (len > MAX_SEED_BYTES) {
    free(text);
    return;
  }
  add_seed(s, path, text, len);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.jx files in dir (and in its subdirectories, one level deep, when
 * deep), in name order so that the run is the same everywhere. */
static void add_dir(seeds *s, const char *dir, bool deep) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  char **names = NULL;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    names = realloc(names, (n + 1) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  for (size_t i = 0; i < n; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    size_t l = strlen(names[i]);
    if (l > 3 && strcmp(names[i] + l - 3, ".jx") == 0)
      add_file(s, path);
    else if (deep && !strchr(names[i], '.'))
      add_dir(s, path, false);
    free(names[i]);
  }
  free(names);
}

/* The .jx inputs of the case files in dir (tests/cases/NAME.txtar: every
 * section "-- FILE.jx --" up to the next "-- ... --" line), in name order. */
static void add_cases(seeds *s, const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  char **names = NULL;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l > 6 && strcmp(e->d_name + l - 6, ".txtar") == 0) {
      names = realloc(names, (n + 1) * sizeof *names);
      names[n++] = strdup(e->d_name);
    }
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  for (size_t i = 0; i < n; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t len;
    char *text = slurp(f, &len);
    fclose(f);
    /* Each section starts after a marker line and ends before the next. */
    const char *p = text, *end = text + len, *body = NULL;
    char name[1024] = "";
    while (p <= end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      const char *eol = nl ? nl : end;
      size_t ll = (size_t)(eol - p);
      bool marker =
          ll >= 7 && memcmp(p, "-- ", 3) == 0 && memcmp(eol - 3, " --", 3) == 0;
      if (marker || !nl) {
        size_t nn = strlen(name);
        const char *stop = marker ? p : end;
        if (body && nn > 3 && strcmp(name + nn - 3, ".jx") == 0 &&
            (size_t)(stop - body) <= MAX_SEED_BYTES) {
          char label[2100];
          snprintf(label, sizeof label, "%s:%s", path, name);
          char *copy = malloc((size_t)(stop - body) + 1);
          memcpy(copy, body, (size_t)(stop - body));
          copy[stop - body] = '\0';
          add_seed(s, label, copy, (size_t)(stop - body));
        }
        if (marker && ll - 6 < sizeof name) {
          memcpy(name, p + 3, ll - 6);
          name[ll - 6] = '\0';
          body = nl ? nl + 1 : end;
        }
      }
      if (!nl)
        break;
      p = nl + 1;
    }
    free(text);
    free(names[i]);
  }
  free(names);
}

/* jx-gen sits beside jxc ($JXC; under make test-valgrind, the binary that
 * JX_VALGRIND_JXC names). */
static void add_generated(seeds *s) {
  const char *jxc = getenv("JX_VALGRIND_JXC");
  if (!jxc)
    jxc = getenv("JXC");
  if (!jxc)
    jxc = "build/jxc";
  char dir[1024];
  snprintf(dir, sizeof dir, "%s", jxc);
  char *slash = strrchr(dir, '/');
  if (slash)
    *slash = '\0';
  else
    snprintf(dir, sizeof dir, ".");
  static const char *const opts[] = {"-s 1 -u 1 -p 3", "-s 2 -u 2 -p 2 -z 30",
                                     "-s 3 -y 2022 -u 1 -p 4 -z 100"};
  for (size_t i = 0; i < MUT_COUNT(opts); i++) {
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "%s/jx-gen %s", dir, opts[i]);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t len;
    char *text = slurp(p, &len);
    int rc = pclose(p);
    if (rc != 0 || len == 0)
      fail_msg("cannot run %s (make builds jx-gen beside jxc)", cmd);
    add_seed(s, cmd, text, len);
  }
}

/* What each variant number does to its seed. */
static const mut_opts plans[VARIANTS_PER_SEED] = {
    {0, 0, 0, 0, false, false, 0},      /* the seed as it is */
    {100, 0, 0, 0, false, false, 0},    /* every keyword respelt */
    {0, 40, 0, 0, false, false, 0},     /* comments here and there */
    {0, 100, 0, 0, false, false, 0},    /* a comment in every gap */
    {0, 0, 70, 0, false, true, 0},      /* other spacing, CRLF */
    {0, 15, 0, 0, true, false, 0},      /* one line, comments kept */
    {0, 0, 0, 90, false, false, 60},    /* long mixed texts, IME-typed */
    {30, 30, 30, 50, false, true, 30},  /* a bit of everything */
    {0, 0, 0, 90, true, false, 0},      /* long texts on one long line */
    {60, 50, 50, 30, false, false, 90}, /* respelt, commented, re-spaced,
                                           IME-typed */
};

typedef struct tally {
  size_t variants, formatted, clean, diffed, failures;
} tally;

static void quiet_writer(void *ud, const char *text, size_t n) {
  (void)ud, (void)text, (void)n;
}

static void write_tmp(char *path, size_t size, const char *tag,
                      const char *text, size_t n) {
  snprintf(path, size, "/tmp/jx-fmt-props-%s-XXXXXX", tag);
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, n), (ssize_t)n);
  close(fd);
}

/* `jxc diff x y` in-process: no difference at all. */
static bool diff_identical(const char *x, size_t xn, const char *y, size_t yn) {
  char px[64], py[64];
  write_tmp(px, sizeof px, "x", x, xn);
  write_tmp(py, sizeof py, "y", y, yn);
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet_writer, NULL);
  const char *a[1] = {px}, *b[1] = {py};
  jx_loaded_plan *sa = jx_load_whole(a, 1, d);
  jx_loaded_plan *sb = jx_load_whole(b, 1, d);
  bool same = false;
  if (jx_loaded_status(sa) == 0 && jx_loaded_status(sb) == 0) {
    jx_diff df;
    jx_diff_compute(&df, sa, sb, d);
    same = df.n_items == 0;
    jx_diff_free(&df);
  }
  jx_loaded_free(sa);
  jx_loaded_free(sb);
  jx_diag_free(d);
  unlink(px);
  unlink(py);
  return same;
}

static void report(tally *t, const seed *s, int v, bool zh, const char *why,
                   const char *x, size_t xn) {
  t->failures++;
  if (t->failures > 20)
    return;
  char path[64];
  write_tmp(path, sizeof path, "fail", x, xn);
  print_message("%s, variant %d (%s): %s\n  input: %s\n", s->name, v,
                zh ? "--zh" : "en", why, path);
}

static void check_one(tally *t, const seed *s, int v, bool zh, const char *x,
                      size_t xn) {
  props_result r;
  const char *why = props_check(x, xn, zh, &r);
  t->variants++;
  t->formatted += r.formatted;
  if (!why && r.formatted && r.build_rc == 0) {
    t->clean++;
    if (!diff_identical(x, xn, r.y, r.yn))
      why = "diff: x and fmt(x) are not identical";
    t->diffed++;
  }
  if (why)
    report(t, s, v, zh, why, x, xn);
  free(r.y);
}

static bool parses(const char *x, size_t n) {
  jx_arena a;
  jx_arena_init(&a);
  size_t count = 0;
  props_comment *c = props_comments(x, n, &a, &count);
  jx_arena_free(&a);
  bool ok = c != NULL;
  free(c);
  return ok;
}

static void test_properties(void **state) {
  (void)state;
  seeds s = {NULL, 0, 0};
  add_dir(&s, "examples", false);
  add_dir(&s, "tests/golden", true);
  add_cases(&s, "tests/cases");
  add_dir(&s, "tests/fuzz/corpus", false);
  add_generated(&s);
  add_seed(&s, "every_form", strdup(every_form), strlen(every_form));
  add_seed(&s, "forms_of_other_regions", strdup(forms_of_other_regions),
           strlen(forms_of_other_regions));

  tally t = {0, 0, 0, 0, 0};
  size_t mutated_seeds = 0, broken_variants = 0;
  for (size_t i = 0; i < s.n; i++) {
    const seed *sd = &s.v[i];
    bool ok = parses(sd->text, sd->len);
    mutated_seeds += ok;
    for (int v = 0; v < (ok ? VARIANTS_PER_SEED : 1); v++) {
      mut_rng r = {0x5EED0000u + i * 131u + (uint64_t)v};
      unsigned id = (unsigned)(i * 1000 + (size_t)v * 100);
      size_t xn = sd->len;
      char *x =
          v == 0 ? NULL : mut_pass(sd->text, sd->len, &plans[v], &r, &id, &xn);
      const char *text = x ? x : sd->text;
      /* The mutations keep a source that parses parsing. */
      if (v > 0 && (!x || !parses(text, xn))) {
        broken_variants++;
        report(&t, sd, v, false, "mutation broke the source", text, xn);
      } else {
        check_one(&t, sd, v, (i + (size_t)v) % 2 == 1, text, xn);
      }
      free(x);
    }
  }
  print_message("fmt properties: %zu seeds (%zu mutated), %zu variants, "
                "%zu formatted, %zu build cleanly and diff identical; "
                "%zu failures\n",
                s.n, mutated_seeds, t.variants, t.formatted, t.clean,
                t.failures);
  for (size_t i = 0; i < s.n; i++) {
    free(s.v[i].name);
    free(s.v[i].text);
  }
  free(s.v);
  assert_int_equal(broken_variants, 0);
  assert_int_equal(t.failures, 0);
  /* Not vacuous: most of it formats and builds. */
  assert_true(mutated_seeds >= 40);
  assert_true(t.formatted >= 400);
  assert_true(t.clean >= 200);
}

/* A space (or a tab, a full-width space, an escape) at every column a
 * wrapped text can reach, at several depths: the lexer drops the spaces
 * after a line break inside a string, so fmt must never break there. */
static void test_space_at_every_column(void **state) {
  (void)state;
  static const char *const seps[] = {" ",   "  ", "\u3000", "\t",    "\\t",
                                     "\\n", " x", "x ",     "\u00a0"};
  static const char *const shapes[] = {
      "project \"p\" { goal \"%s\"; }\n",
      "unit 1 \"u\" {\n  measure \"m\" \"%s\";\n}\n",
      "department \"d\" { division \"v\" { indicator \"i\" 1 desc \"%s\"; } "
      "}\n"};
  tally t = {0, 0, 0, 0, 0};
  seed sd = {"space sweep", NULL, 0};
  for (size_t shape = 0; shape < MUT_COUNT(shapes); shape++)
    for (size_t k = 0; k < 110; k++)
      for (size_t j = 0; j < MUT_COUNT(seps); j++) {
        sd_buf text = {NULL, 0, 0};
        for (size_t c = 0; c < k; c++)
          mut_puts(&text, c % 7 == 6 ? "a" : "绩");
        mut_puts(&text, seps[j]);
        for (size_t c = 0; c < 120; c++)
          mut_puts(&text, "效");
        size_t len = strlen(shapes[shape]) + text.n;
        char *src = malloc(len);
        snprintf(src, len, shapes[shape], text.p);
        check_one(&t, &sd, (int)(k * 100 + j), (k + j) % 2 == 1, src,
                  strlen(src));
        free(src);
        free(text.p);
      }
  assert_int_equal(t.failures, 0);
  assert_int_equal(t.formatted, t.variants);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_properties),
      cmocka_unit_test(test_space_at_every_column),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
