/*
 * test_catalog.c — the message catalog (compiler/base/catalog.c) and the
 * rule it exists for: with --lang=zh, jxc prints no English word except
 * codes, file names and the user's own text.
 *
 * The formatter is tested directly (positions, cut strings, numbers with
 * their length modifiers, %M, %E, %L, lists).  The rule is checked
 * mechanically, twice: every Chinese text of both tables, and the expected
 * output of every Chinese case file (tests/cases/zh-*.txtar and *-zh.txtar,
 * which test_golden proves is what jxc prints).  In both, an ASCII word
 * fails the test unless it is a diagnostic code in its brackets, a JSON
 * key, an option (--format=…), a path, a word of the case's own input or
 * command line, the keyword a did-you-mean hint suggests, or one of the few
 * names listed in `allowed` below.
 */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "diff_render.h"

/* ---- the formatter ---------------------------------------------------- */

static char *fmt(jx_lang lang, const char *en, const char *zh, size_t clip,
                 ...) {
  static char out[1024];
  jx_args a;
  jx_strbuf pool = {0}, sb = {0};
  va_list ap;
  va_start(ap, clip);
  assert_true(jx_args_capture(&a, &pool, en, clip, ap));
  va_end(ap);
  jx_format(&sb, lang == JX_LANG_ZH ? zh : en, &a, pool.p, lang);
  snprintf(out, sizeof out, "%s", sb.p ? sb.p : "");
  jx_sb_free(&pool);
  jx_sb_free(&sb);
  return out;
}

static bool captures(const char *text, ...) {
  jx_args a;
  jx_strbuf pool = {0};
  va_list ap;
  va_start(ap, text);
  bool ok = jx_args_capture(&a, &pool, text, 200, ap);
  va_end(ap);
  jx_sb_free(&pool);
  return ok;
}

static void test_format(void **state) {
  (void)state;
  /* Positions: the Chinese text takes the arguments in another order. */
  assert_string_equal(
      fmt(JX_LANG_ZH, "%s in %s", "%2$s里的%1$s", 200, "a", "b"), "b里的a");
  /* Numbers keep their flags, width and length modifiers. */
  assert_string_equal(fmt(JX_LANG_EN, "%04d-%02d %u %X %zu %llu %ld %%", "",
                          200, 7, 3, 42u, 255u, (size_t)12,
                          (unsigned long long)1 << 40, -5L),
                      "0007-03 42 FF 12 1099511627776 -5 %");
  /* Strings are cut at a character boundary, with "…". */
  assert_string_equal(fmt(JX_LANG_EN, "'%s'", "", 4, "人人"), "'人\u2026'");
  assert_string_equal(fmt(JX_LANG_EN, "'%s'", "", 6, "人人"), "'人人'");
  /* %M: a catalog word, in the output language. */
  assert_string_equal(
      fmt(JX_LANG_EN, "%M '%s'", "%M“%s”", 200, (int)JX_M_FIELD_YEAR, "2021"),
      "year '2021'");
  assert_string_equal(
      fmt(JX_LANG_ZH, "%M '%s'", "%M“%s”", 200, (int)JX_M_FIELD_YEAR, "2021"),
      "年度“2021”");
  /* %E: an errno value's reason. */
  assert_string_equal(fmt(JX_LANG_EN, "x: %E", "x：%E", 200, ENOENT),
                      "x: No such file or directory");
  assert_string_equal(fmt(JX_LANG_ZH, "x: %E", "x：%E", 200, ENOENT),
                      "x：没有那个文件或目录");
  assert_string_equal(fmt(JX_LANG_ZH, "%E", "%E", 200, 4095), "系统错误 4095");
  /* %L: one text per language, made by the caller. */
  const char *both[JX_LANG_COUNT] = {"A or B", "甲或乙"};
  assert_string_equal(fmt(JX_LANG_ZH, "want %L", "应为%L", 200, both),
                      "应为甲或乙");
  assert_string_equal(fmt(JX_LANG_EN, "want %L", "应为%L", 200, both),
                      "want A or B");
  /* An argument the English text does not take is written as is. */
  assert_string_equal(fmt(JX_LANG_ZH, "%s", "%s %s", 200, "a"), "a %s");
  /* A conversion the catalog does not know is refused. */
  assert_false(captures("%p", (void *)0));
  assert_false(captures("%2$s", "a", "b")); /* a gap at 1 */
  assert_true(captures("%s %d", "a", 1));
}

static char *joined(jx_lang lang, const char *const *items, size_t n,
                    bool quote) {
  static char out[256];
  jx_strbuf sb = {0};
  jx_join(&sb, lang, items, n, quote);
  snprintf(out, sizeof out, "%s", sb.p ? sb.p : "");
  jx_sb_free(&sb);
  return out;
}

static void test_join(void **state) {
  (void)state;
  static const char *const three[] = {"json", "csv", "c"};
  static const char *const cjk[] = {"文件结尾", "项目"};
  assert_string_equal(joined(JX_LANG_EN, three, 3, false), "json, csv or c");
  assert_string_equal(joined(JX_LANG_ZH, three, 3, false), "json、csv 或 c");
  assert_string_equal(joined(JX_LANG_EN, three, 1, true), "'json'");
  assert_string_equal(joined(JX_LANG_ZH, three, 2, true), "“json”或“csv”");
  assert_string_equal(joined(JX_LANG_ZH, cjk, 2, false), "文件结尾或项目");
  assert_string_equal(joined(JX_LANG_EN, three, 0, false), "");
}

static void test_lang(void **state) {
  (void)state;
  jx_lang l;
  assert_true(jx_lang_parse("zh", &l) && l == JX_LANG_ZH);
  assert_true(jx_lang_parse("en", &l) && l == JX_LANG_EN);
  assert_false(jx_lang_parse("zh_CN", &l));
  /* LC_ALL, then LC_MESSAGES, then LANG; empty ones do not count. */
  setenv("LC_ALL", "", 1);
  setenv("LC_MESSAGES", "", 1);
  setenv("LANG", "zh_CN.UTF-8", 1);
  assert_int_equal(jx_lang_from_env(), JX_LANG_ZH);
  setenv("LC_MESSAGES", "C", 1);
  assert_int_equal(jx_lang_from_env(), JX_LANG_EN);
  setenv("LC_ALL", "zh_TW", 1);
  assert_int_equal(jx_lang_from_env(), JX_LANG_ZH);
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  unsetenv("LANG");
  assert_int_equal(jx_lang_from_env(), JX_LANG_EN);
}

/* Rows indexed by an enum (messages.def says so) stay in its order. */
static void test_indexed_rows(void **state) {
  (void)state;
  assert_int_equal(JX_M_DIFF_LABEL_IND_NOTE - JX_M_DIFF_LABEL_YEAR + 1,
                   JX_DW_COUNT);
  assert_int_equal(JX_M_DIFF_KIND_IND_NOTE - JX_M_DIFF_KIND_YEAR + 1,
                   JX_DW_COUNT);
  for (int w = 0; w < JX_DW_COUNT; w++)
    assert_string_equal(
        jx_msg_text((jx_msg)(JX_M_DIFF_KIND_YEAR + w), JX_LANG_EN),
        jx_diff_what_name((jx_diff_what)w));
  assert_int_equal(JX_M_MONTH_12 - JX_M_MONTH_1 + 1, 12);
  assert_string_equal(jx_msg_text(JX_M_MONTH_3, JX_LANG_EN), "mar");
  assert_string_equal(
      jx_msg_text((jx_msg)(JX_M_DIFF_TIGHTENED + JX_VERDICT_LOOSENED - 1),
                  JX_LANG_EN),
      jx_diff_verdict_name(JX_VERDICT_LOOSENED));
  assert_string_equal(
      jx_msg_text((jx_msg)(JX_M_DIFF_TIGHTENED + JX_VERDICT_CHANGED - 1),
                  JX_LANG_EN),
      jx_diff_verdict_name(JX_VERDICT_CHANGED));
}

/* The kinds of argument a text takes, by position ("s", "zu", "M" …). */
static int kinds(const char *text, char conv[][4], int max) {
  int next = 0, top = 0;
  for (const char *p = text; (p = strchr(p, '%')) != NULL;) {
    p++;
    if (*p == '%') {
      p++;
      continue;
    }
    int pos = next++, v = 0;
    const char *q = p;
    while (*q >= '0' && *q <= '9')
      v = v * 10 + (*q++ - '0');
    if (*q == '$' && v > 0) {
      pos = v - 1;
      p = q + 1;
    }
    p += strspn(p, "0123456789-+ #.");
    size_t len = strspn(p, "lz");
    assert_true(pos < max && len < 3);
    memcpy(conv[pos], p, len + 1);
    conv[pos][len + 1] = '\0';
    p += len;
    if (pos + 1 > top)
      top = pos + 1;
  }
  return top;
}

/* Both languages of every message take the same arguments. */
static void test_messages_agree(void **state) {
  (void)state;
  for (int i = 0; i < JX_MSG_COUNT; i++) {
    char en[16][4], zh[16][4];
    memset(en, 0, sizeof en);
    memset(zh, 0, sizeof zh);
    int ne = kinds(jx_msg_text((jx_msg)i, JX_LANG_EN), en, 16);
    int nz = kinds(jx_msg_text((jx_msg)i, JX_LANG_ZH), zh, 16);
    if (ne != nz || memcmp(en, zh, sizeof en) != 0)
      fail_msg("message %d: English and Chinese take different arguments", i);
    if (i != JX_M_NONE && !*jx_msg_text((jx_msg)i, JX_LANG_ZH))
      fail_msg("message %d has no Chinese text", i);
  }
}

/* ---- no English in Chinese -------------------------------------------- */

/* Names that are not English prose but things a user types or reads as
 * names: the program, its commands and the language, formats and tools,
 * environment variables, unit symbols; option values (json, csv …) and
 * the language's own spellings named in messages (cost, satisfaction,
 * jan … dec); the names of the built-in scoring profiles (caiyu2020,
 * hubei); single letters standing for a value (N, c, C) or a code
 * point (U+202E); file formats by name (Office, Word, OLE2, as Excel);
 * the sections, keys and values of jxc import's map file (columns,
 * profile … central2021, docs/import.md); encodings by name (gb18030,
 * gbk) and where GBK files come from (Notepad's ANSI on Windows); the
 * keyword of a suppression comment (# jxc: ignore[…]); the sections of
 * jxc.ini (docs/config.md). */
static const char *const allowed[] = {
    "jxc",         "jixiao",     "JSON",        "CSV",
    "UTF",         "MiB",        "Excel",       "git",
    "LC_ALL",      "LANG",       "N",           "C",
    "c",           "U",          "NO_COLOR",    "json",
    "csv",         "md",         "text",        "en",
    "zh",          "auto",       "always",      "never",
    "indicators",  "projects",   "schedule",    "cost",
    "jan",         "dec",        "LC_MESSAGES", "satisfaction",
    "check",       "build",      "fmt",         "diff",
    "help",        "version",    "XLSX",        "HTML",
    "xlsx",        "html",       "project",     "unit",
    "import",      "GB18030",    "GBK",         "TSV",
    "XLS",         "INI",        "XML",         "DTD",
    "ZIP",         "zip",        "xls",         "tsv",
    "ini",         "map",        "jx",          "Office",
    "Word",        "OLE2",       "columns",     "profile",
    "sheet",       "header_row", "year",        "currency",
    "framework",   "rows",       "form",        "local",
    "central2021", "ignore",     "ANSI",        "Notepad",
    "Windows",     "gb18030",    "gbk",         "warnings",
    "sources",     "breakdown",  "local2018",   "generic",
    "hebei2021",   "mof2021",    "jsonl",       "jq",
    "caiyu2020",   "eval",       "monitor",     "hubei",
    "SARIF",       "sarif",      NULL};

/* jxc lsp's command and option, and the protocol's own names
 * (stdio, Content-Length, JSON-RPC, initializationOptions), and where its
 * setup is written (docs/editors.md). */
static const char *const allowed_lsp[] = {
    "lsp",  "stdio", "Content", "Length", "RPC", "initializationOptions",
    "lang", "docs",  "editors", NULL};

static bool is_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

/* Blanks every occurrence of `what` in s. */
static void blank(char *s, const char *what) {
  size_t n = strlen(what);
  if (!n)
    return;
  for (char *p = s; (p = strstr(p, what)) != NULL; p += n)
    memset(p, ' ', n);
}

/* Blanks what is code, not prose (see the file comment). */
static void blank_code(char *s) {
  /* [code] after a message */
  for (char *p = s; (p = strchr(p, '[')) != NULL; p++) {
    char *e = strchr(p, ']');
    if (!e)
      break;
    for (int i = 0; i < JX_DIAG_COUNT; i++) {
      const char *code = jx_diag_code((jx_diag_id)i);
      if (code && (size_t)(e - p - 1) == strlen(code) &&
          strncmp(p + 1, code, strlen(code)) == 0) {
        memset(p, ' ', (size_t)(e - p) + 1);
        break;
      }
    }
  }
  /* JSON: keys, the severity enum, the code */
  static const char *const keys[] = {
      "\"file\":",       "\"line\":",        "\"column\":",   "\"end_line\":",
      "\"end_column\":", "\"byte_offset\":", "\"severity\":", "\"code\":",
      "\"message\":",    "\"notes\":",       "\"error\"",     "\"warning\"",
      "\"note\"",        "\"help\"",         "null",          NULL};
  for (int i = 0; keys[i]; i++)
    blank(s, keys[i]);
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    const char *code = jx_diag_code((jx_diag_id)i);
    char quoted[64];
    if (code) {
      snprintf(quoted, sizeof quoted, "\"%s\"", code);
      blank(s, quoted);
    }
  }
  /* The keyword a did-you-mean hint suggests is source to type. */
  const char *hint = "是否应为“";
  for (char *p = s; (p = strstr(p, hint)) != NULL;) {
    p += strlen(hint);
    char *e = strstr(p, "”");
    if (!e)
      break;
    memset(p, ' ', (size_t)(e - p));
  }
  blank(s, "-W error");
  /* Markdown's inline difference is HTML: <del>…</del>, <ins>…</ins>. */
  static const char *const tags[] = {"<del>",  "</del>", "<ins>",
                                     "</ins>", "<br>",   NULL};
  for (int i = 0; tags[i]; i++)
    blank(s, tags[i]);
  /* Options and their values, paths */
  for (char *p = s; *p; p++) {
    bool start = p == s || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '[' ||
                 (unsigned char)p[-1] >= 0x80 || p[-1] == '(';
    if (!start)
      continue;
    char *q = p;
    bool option =
        *q == '-' && (is_word_char((unsigned char)q[1]) ||
                      (q[1] == '-' && is_word_char((unsigned char)q[2])));
    bool path = false;
    size_t n = 0;
    while (q[n] && (is_word_char((unsigned char)q[n]) ||
                    strchr("-./=|", q[n]) != NULL)) {
      if (q[n] == '/' ||
          (q[n] == '.' && is_word_char((unsigned char)q[n + 1]) && n > 0))
        path = true;
      n++;
    }
    if (option || path)
      memset(p, ' ', n);
  }
}

/* Adds every ASCII word of s to the set (a NUL-separated list). */
static void words_of(const char *s, jx_strbuf *set) {
  for (const char *p = s; *p;) {
    if (!is_word_char((unsigned char)*p)) {
      p++;
      continue;
    }
    const char *q = p;
    while (is_word_char((unsigned char)*q))
      q++;
    jx_sb_add(set, p, (size_t)(q - p));
    jx_sb_add(set, "", 1);
    p = q;
  }
}

static bool in_set(const jx_strbuf *set, const char *w, size_t n) {
  for (size_t i = 0; set && i < set->n;) {
    size_t k = strlen(set->p + i);
    if (k == n && memcmp(set->p + i, w, n) == 0)
      return true;
    i += k + 1;
  }
  for (int i = 0; allowed[i]; i++)
    if (strlen(allowed[i]) == n && memcmp(allowed[i], w, n) == 0)
      return true;
  for (int i = 0; allowed_lsp[i]; i++)
    if (strlen(allowed_lsp[i]) == n && memcmp(allowed_lsp[i], w, n) == 0)
      return true;
  return false;
}

/* The first English word in text (after blanking code), or NULL; `user`
 * holds the words of the user's own text. */
static const char *english_word(const char *text, const jx_strbuf *user,
                                char *word, size_t size) {
  char *s = strdup(text);
  blank_code(s);
  const char *found = NULL;
  for (const char *p = s; *p && !found;) {
    if (!is_word_char((unsigned char)*p)) {
      p++;
      continue;
    }
    const char *q = p;
    while (is_word_char((unsigned char)*q))
      q++;
    /* a number, 0xFF, 22人: not a word; nor a spreadsheet cell (C7) */
    bool number = *p >= '0' && *p <= '9';
    size_t caps = 0;
    while (p + caps < q && p[caps] >= 'A' && p[caps] <= 'Z')
      caps++;
    if (caps >= 1 && caps <= 3 && p + caps < q) {
      const char *r = p + caps;
      while (r < q && *r >= '0' && *r <= '9')
        r++;
      number |= r == q;
    }
    bool has_letter = false;
    for (const char *r = p; r < q; r++)
      if ((*r >= 'a' && *r <= 'z') || (*r >= 'A' && *r <= 'Z'))
        has_letter = true;
    if (!number && has_letter && !in_set(user, p, (size_t)(q - p))) {
      snprintf(word, size, "%.*s", (int)(q - p), p);
      found = word;
    }
    p = q;
  }
  free(s);
  return found;
}

/* Removes the catalog's conversions (%s, %2$zu, %%) from a text. */
static char *without_conversions(const char *text) {
  char *s = strdup(text), *o = s;
  for (const char *p = text; *p;) {
    if (*p != '%') {
      *o++ = *p++;
      continue;
    }
    p++;
    if (*p == '%') {
      p++;
      continue;
    }
    p += strspn(p, "0123456789$-+ #.");
    p += strspn(p, "lz");
    if (*p)
      p++;
    *o++ = ' ';
  }
  *o = '\0';
  return s;
}

static void test_catalog_chinese(void **state) {
  (void)state;
  char word[128];
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    char *t =
        without_conversions(jx_diag_format_string((jx_diag_id)i, JX_LANG_ZH));
    if (english_word(t, NULL, word, sizeof word))
      fail_msg("diag_codes.def row %d: English word '%s' in \"%s\"", i, word,
               jx_diag_format_string((jx_diag_id)i, JX_LANG_ZH));
    free(t);
  }
  for (int i = 0; i < JX_MSG_COUNT; i++) {
    char *t = without_conversions(jx_msg_text((jx_msg)i, JX_LANG_ZH));
    if (english_word(t, NULL, word, sizeof word))
      fail_msg("messages.def row %d: English word '%s' in \"%s\"", i, word,
               jx_msg_text((jx_msg)i, JX_LANG_ZH));
    free(t);
  }
  /* The scanner itself finds what it must. */
  assert_non_null(english_word("input.jx:1:1: error: 此处 [syntax]", NULL, word,
                               sizeof word));
  assert_string_equal(word, "error");
  assert_null(english_word("input.jx:1:1: 错误: 此处 [syntax]", NULL, word,
                           sizeof word));
  assert_non_null(english_word("此处应为 'budget'", NULL, word, sizeof word));
}

/* Every code has its JX_CODE row (what SARIF's rules say of it), in both
 * languages, the Chinese one without English words. */
static void test_code_titles(void **state) {
  (void)state;
  char word[128];
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    const char *code = jx_diag_code((jx_diag_id)i);
    if (!code)
      continue;
    const char *en = jx_diag_code_title(code, JX_LANG_EN);
    const char *zh = jx_diag_code_title(code, JX_LANG_ZH);
    if (!en || !zh || !*en || !*zh)
      fail_msg("diag_codes.def: no JX_CODE row for '%s'", code);
    if (english_word(zh, NULL, word, sizeof word))
      fail_msg("diag_codes.def JX_CODE '%s': English word '%s' in \"%s\"", code,
               word, zh);
  }
  assert_string_equal(jx_diag_code_title("funds-missing", JX_LANG_EN),
                      "A project does not say where its funds come from");
  assert_string_equal(jx_diag_code_title("funds-missing", JX_LANG_ZH),
                      "项目未写资金来源");
  assert_null(jx_diag_code_title("no-such-code", JX_LANG_EN));
  assert_null(jx_diag_code_title(NULL, JX_LANG_EN));
}

/* ---- the Chinese case files ------------------------------------------ */

static char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  jx_strbuf sb = {0};
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    jx_sb_add(&sb, buf, n);
  fclose(f);
  return sb.p;
}

static bool chinese_case(const char *name) {
  size_t n = strlen(name);
  if (n < 7 || strcmp(name + n - 6, ".txtar") != 0)
    return false;
  return strncmp(name, "zh-", 3) == 0 ||
         (n >= 9 && strncmp(name + n - 9, "-zh.txtar", 9) == 0);
}

/* Checks one case file: its stdout and stderr sections against the words
 * of its other sections (the command and the inputs). */
static int check_case(const char *path) {
  char *t = read_all(path);
  assert_non_null(t);
  jx_strbuf user = {0}, out = {0};
  const char *sec = NULL;
  bool expected = false;
  for (char *line = t; line && *line;) {
    char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    if (len > 6 && strncmp(line, "-- ", 3) == 0 &&
        strncmp(line + len - 3, " --", 3) == 0) {
      sec = line;
      expected = strncmp(line, "-- stdout --", 12) == 0 ||
                 strncmp(line, "-- stderr --", 12) == 0 ||
                 strncmp(line, "-- status --", 12) == 0;
    } else if (sec) {
      char *copy = strndup(line, len);
      if (expected) {
        jx_sb_puts(&out, copy);
        jx_sb_puts(&out, "\n");
      } else {
        words_of(copy, &user);
      }
      free(copy);
    }
    line = nl ? nl + 1 : NULL;
  }
  char word[128];
  int bad = 0;
  if (out.p) {
    for (char *line = out.p; line && *line;) {
      char *nl = strchr(line, '\n');
      if (nl)
        *nl = '\0';
      if (english_word(line, &user, word, sizeof word)) {
        print_error("%s: English word '%s' in: %s\n", path, word, line);
        bad++;
      }
      line = nl ? nl + 1 : NULL;
    }
  }
  jx_sb_free(&user);
  jx_sb_free(&out);
  free(t);
  return bad;
}

static void test_cases_chinese(void **state) {
  (void)state;
  DIR *d = opendir("tests/cases");
  if (!d) {
    skip();
    return;
  }
  int checked = 0, bad = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!chinese_case(e->d_name))
      continue;
    char path[512];
    snprintf(path, sizeof path, "tests/cases/%s", e->d_name);
    bad += check_case(path);
    checked++;
  }
  closedir(d);
  /* The cases "Done means" names are among them. */
  assert_true(checked >= 5);
  assert_int_equal(bad, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format),
      cmocka_unit_test(test_join),
      cmocka_unit_test(test_lang),
      cmocka_unit_test(test_indexed_rows),
      cmocka_unit_test(test_messages_agree),
      cmocka_unit_test(test_catalog_chinese),
      cmocka_unit_test(test_code_titles),
      cmocka_unit_test(test_cases_chinese),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
