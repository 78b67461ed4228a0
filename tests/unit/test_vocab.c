/*
 * test_vocab.c — the vocabulary table (compiler/domain/vocab.def) and its
 * lookups (vocab.h): every spelling is found, whole, as what the table
 * says; no spelling means two things; the names agree with the runtime's
 * (jx_op_text, jx_kind_text) and cover every value of its enums.
 * test_lexer checks that the scanner returns each spelling's token.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "vocab.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_every_spelling_is_found(void **state) {
  (void)state;
  jx_vocab_index ix;
  jx_vocab_index_init(&ix);
  assert_true(jx_vocab_n_spellings >= 111);
  for (size_t i = 0; i < jx_vocab_n_spellings; i++) {
    const jx_vocab_spelling *e = &jx_vocab_spellings[i];
    /* Well-formed, short enough to be looked up, and known as itself. */
    assert_true(e->len > 0 && e->len <= JX_VOCAB_MAX_LEN);
    assert_int_equal(e->len, strlen(e->text));
    assert_true(utf8proc_decompose((const utf8proc_uint8_t *)e->text, e->len,
                                   NULL, 0, 0) >= 0);
    const jx_vocab_spelling *f = jx_vocab_find(&ix, e->text, e->len);
    assert_non_null(f);
    assert_string_equal(f->text, e->text);
    /* The same text twice (">" as GT's English and Chinese) is one
     * entry: never two tokens, never two months. */
    assert_int_equal(f->kw, e->kw);
    assert_int_equal(f->month, e->month);
    assert_true(e->kw < JX_KW_COUNT);
    assert_int_equal(e->month != 0, e->kw == JX_KW_MONTH);
  }
}

/* Only a whole spelling is found: not a prefix, an extension, another
 * case, or a text longer than any spelling. */
static void test_only_whole_spellings(void **state) {
  (void)state;
  jx_vocab_index ix;
  jx_vocab_index_init(&ix);
  static const char *const no[] = {
      "项目名称", "项", "plan2", "Plan", "pla",  "n/A", "N/a",
      "不低",     ">>", "=>",    "Jan",  "mar3", "",    "指标体系x"};
  for (size_t i = 0; i < COUNT(no); i++)
    assert_null(jx_vocab_find(&ix, no[i], strlen(no[i])));
  char long_word[JX_VOCAB_MAX_LEN + 8];
  memset(long_word, 'a', sizeof long_word);
  assert_null(jx_vocab_find(&ix, long_word, sizeof long_word));
  const jx_vocab_spelling *e = jx_vocab_find(&ix, "项目", 6);
  assert_non_null(e);
  assert_int_equal(e->kw, JX_KW_PROJECT);
  e = jx_vocab_find(&ix, "大于或等于", strlen("大于或等于"));
  assert_non_null(e);
  assert_int_equal(e->kw, JX_KW_GE);
  e = jx_vocab_find(&ix, "oct", 3);
  assert_non_null(e);
  assert_int_equal(e->month, 10);
}

/* The table is sparse enough that a lookup probes a slot or two. */
static void test_index_is_sparse(void **state) {
  (void)state;
  jx_vocab_index ix;
  jx_vocab_index_init(&ix);
  size_t used = 0, worst = 0;
  for (size_t j = 0; j < JX_VOCAB_SLOTS; j++)
    used += ix.slot[j].spelling != 0;
  for (size_t i = 0; i < jx_vocab_n_spellings; i++) {
    const jx_vocab_spelling *e = &jx_vocab_spellings[i];
    if (e->len == 1)
      continue; /* by its byte (ix.ascii) */
    const unsigned char *t = (const unsigned char *)e->text;
    size_t j = jx_vocab_hash(jx_vocab_key(t, e->len), e->len), probes = 1;
    while (strcmp(jx_vocab_spellings[ix.slot[j].spelling - 1].text, e->text) !=
           0)
      j = (j + 1) & (JX_VOCAB_SLOTS - 1), probes++;
    worst = probes > worst ? probes : worst;
  }
  assert_true(4 * used <= JX_VOCAB_SLOTS);
  assert_true(worst <= 4);
}

/* What fmt writes reads back as the same entry, in both languages. */
static void test_canonical_spellings(void **state) {
  (void)state;
  jx_vocab_index ix;
  jx_vocab_index_init(&ix);
  for (int k = 0; k < JX_KW_MONTH; k++)
    for (int zh = 0; zh < 2; zh++) {
      const char *s = jx_keyword((jx_kw)k, zh);
      const jx_vocab_spelling *e = jx_vocab_find(&ix, s, strlen(s));
      assert_non_null(e);
      assert_int_equal(e->kw, k);
    }
  assert_string_equal(jx_keyword(JX_KW_FUNDS, false), "funds");
  assert_string_equal(jx_keyword(JX_KW_FUNDS, true), "资金来源");
  assert_string_equal(jx_keyword(JX_KW_COUNT, true), "");
  assert_true(jx_kw_is_keyword(JX_KW_NA));
  assert_false(jx_kw_is_keyword(JX_KW_GE));
  assert_false(jx_kw_is_keyword(JX_KW_MONTH));
  for (int m = 1; m <= 12; m++) {
    char zh[32];
    snprintf(zh, sizeof zh, "%d月底", m);
    assert_string_equal(jx_month_name(m, true), zh);
    const char *en = jx_month_name(m, false);
    const jx_vocab_spelling *e = jx_vocab_find(&ix, en, strlen(en));
    assert_non_null(e);
    assert_int_equal(e->month, m);
  }
  assert_null(jx_month_name(0, false));
  assert_null(jx_month_name(13, true));
}

/* Operators, kinds and dimensions name every value of the runtime's
 * enums, and say what the runtime says. */
static void test_runtime_names(void **state) {
  (void)state;
  for (jx_op op = JX_OP_EQ; op <= JX_OP_LT; op++)
    assert_string_equal(jx_keyword(jx_op_kw(op), false), jx_op_text(op));
  assert_string_equal(jx_keyword(jx_op_kw(JX_OP_GE), true), "≥");
  static const struct {
    jx_kind kind;
    const char *text;
  } kinds[] = {
#define JX_KIND(k, text, en, zh) {JX_KIND_##k, text},
#include "vocab.def"
  };
  assert_int_equal(COUNT(kinds), JX_KIND_DATE_RANGE + 1);
  for (size_t i = 0; i < COUNT(kinds); i++) {
    assert_string_equal(kinds[i].text, jx_kind_text(kinds[i].kind));
    assert_true(*jx_kind_word(kinds[i].kind, false));
    assert_true(*jx_kind_word(kinds[i].kind, true));
  }
  static const jx_dimension dims[] = {
#define JX_DIMENSION(d, en, zh) JX_DIM_##d,
#include "vocab.def"
  };
  assert_int_equal(COUNT(dims), JX_DIM_MONEY_PER + 1);
  for (size_t i = 0; i < COUNT(dims); i++) {
    assert_int_equal(dims[i], (jx_dimension)i);
    assert_true(*jx_dimension_word(dims[i], true));
  }
  assert_string_equal(jx_dimension_word(JX_DIM_MONEY, false), "money");
  assert_string_equal(jx_kind_word(JX_KIND_QUALITATIVE, true), "定性");
}

static void test_roles(void **state) {
  (void)state;
  unsigned levels = 0;
  int cost = jx_vocab_role_find("cost", &levels);
  assert_true(cost >= 0);
  assert_int_equal(levels, 3);
  assert_int_equal(jx_vocab_role_find("成本", NULL), cost);
  assert_string_equal(jx_vocab_role_word(cost, true), "成本");
  int q = jx_vocab_role_find("quantity", &levels);
  assert_true(q >= 0);
  assert_int_equal(levels, 2);
  assert_int_equal(jx_vocab_role_find("spending", NULL), -1);
  assert_null(jx_vocab_role_word(-1, false));
}

/* The did-you-mean for a misspelt keyword offers a canonical spelling in
 * the language of what was written. */
static void test_keyword_suggest(void **state) {
  (void)state;
  assert_string_equal(jx_keyword_suggest("projct"), "project");
  assert_string_equal(jx_keyword_suggest("indicater"), "indicator");
  assert_string_equal(jx_keyword_suggest("资金来"), "资金来源");
  assert_null(jx_keyword_suggest("project")); /* not a typo */
  assert_null(jx_keyword_suggest("zzzzzz"));
}

/* docs/language.md lists every spelling (but the months, written there as
 * `jan` … `dec`), each in backquotes. */
static void test_language_doc_lists_every_spelling(void **state) {
  (void)state;
  FILE *f = fopen("docs/language.md", "rb");
  assert_non_null(f);
  static char doc[1 << 20];
  size_t n = fread(doc, 1, sizeof doc - 1, f);
  fclose(f);
  doc[n] = '\0';
  static const char *const dots[] = {
#define JX_DOT(text) text,
#include "vocab.def"
  };
  size_t missing = 0;
  for (size_t i = 0; i < jx_vocab_n_spellings + COUNT(dots); i++) {
    const char *s = i < jx_vocab_n_spellings ? jx_vocab_spellings[i].text
                                             : dots[i - jx_vocab_n_spellings];
    if (i < jx_vocab_n_spellings && jx_vocab_spellings[i].kw == JX_KW_MONTH)
      continue;
    char quoted[64];
    snprintf(quoted, sizeof quoted, "`%s`", s);
    if (!strstr(doc, quoted)) {
      print_message("docs/language.md does not list %s\n", quoted);
      missing++;
    }
  }
  /* The comparisons written after a value, too (§3.8). */
  for (size_t i = 0; i < jx_vocab_n_postfixes; i++) {
    char quoted[64];
    snprintf(quoted, sizeof quoted, "`%s`", jx_vocab_postfixes[i].text);
    if (!strstr(doc, quoted)) {
      print_message("docs/language.md does not list %s\n", quoted);
      missing++;
    }
  }
  assert_int_equal(missing, 0);
}

/* A postfix word is found at the end of a unit, the longest first, and
 * only there; the bitmap of last bytes never hides one. */
static void test_postfix(void **state) {
  (void)state;
  jx_vocab_index ix;
  jx_vocab_index_init(&ix);
  size_t len = 0;
  assert_int_equal(jx_vocab_postfix(&ix, "%以上", strlen("%以上"), &len),
                   JX_POST_GE);
  assert_int_equal(len, strlen("以上"));
  assert_int_equal(jx_vocab_postfix(&ix, "%及以上", strlen("%及以上"), &len),
                   JX_POST_GE);
  assert_int_equal(len, strlen("及以上"));
  assert_int_equal(
      jx_vocab_postfix(&ix, "个工作日内", strlen("个工作日内"), &len),
      JX_POST_LE);
  assert_int_equal(len, strlen("内"));
  assert_int_equal(jx_vocab_postfix(&ix, "月底前", strlen("月底前"), &len),
                   JX_POST_BEFORE);
  assert_int_equal(jx_vocab_postfix(&ix, "月之前", strlen("月之前"), &len),
                   JX_POST_BEFORE);
  assert_int_equal(len, strlen("之前"));
  assert_int_equal(jx_vocab_postfix(&ix, "人", strlen("人"), &len),
                   JX_POST_NONE);
  assert_int_equal(jx_vocab_postfix(&ix, "以上人", strlen("以上人"), &len),
                   JX_POST_NONE);
  assert_int_equal(jx_vocab_postfix(&ix, "", 0, &len), JX_POST_NONE);
  for (size_t i = 0; i < jx_vocab_n_postfixes; i++) {
    const jx_vocab_postfix_row *r = &jx_vocab_postfixes[i];
    assert_int_equal(jx_vocab_postfix(&ix, r->text, r->len, &len), r->kind);
    assert_int_equal(len, r->len);
  }
  assert_int_equal(jx_postfix_op(JX_POST_GE), JX_OP_GE);
  assert_int_equal(jx_postfix_op(JX_POST_LE), JX_OP_LE);
  assert_int_equal(jx_postfix_op(JX_POST_BEFORE), JX_OP_LE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_spelling_is_found),
      cmocka_unit_test(test_postfix),
      cmocka_unit_test(test_only_whole_spellings),
      cmocka_unit_test(test_index_is_sparse),
      cmocka_unit_test(test_canonical_spellings),
      cmocka_unit_test(test_runtime_names),
      cmocka_unit_test(test_roles),
      cmocka_unit_test(test_keyword_suggest),
      cmocka_unit_test(test_language_doc_lists_every_spelling),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
