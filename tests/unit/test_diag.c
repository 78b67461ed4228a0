/*
 * test_diag.c — unit tests for the diagnostic engine (compiler/base/diag.c).
 *
 * Output is captured through jx_diag_set_writer and compared byte for byte,
 * because golden tests and tools parse exactly this text: the header, the
 * source line with tabs and bad bytes made visible, the caret placed by
 * display width under CJK text, notes and help, the error cap, the summary
 * in both languages, and the JSON lines.  The table itself is checked too:
 * only errors and warnings have codes (several rows may share one), and each
 * English/Chinese pair takes the same arguments.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"

/* ---- fixture: an engine writing into a growable buffer ---------------- */

typedef struct fx {
  jx_diag *d;
  char *buf;
  size_t n, cap;
} fx;

static void capture(void *ud, const char *text, size_t n) {
  fx *f = ud;
  if (f->n + n + 1 > f->cap) {
    f->cap = (f->n + n + 1) * 2;
    f->buf = realloc(f->buf, f->cap);
    assert_non_null(f->buf);
  }
  memcpy(f->buf + f->n, text, n);
  f->n += n;
  f->buf[f->n] = '\0';
}

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  f->d = jx_diag_new();
  jx_diag_set_writer(f->d, capture, f);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  jx_diag_free(f->d);
  free(f->buf);
  free(f);
  return 0;
}

/* What was written since the last call, as a string; resets the capture. */
static const char *taken(fx *f) {
  static char empty[] = "";
  const char *s = f->n ? f->buf : empty;
  f->n = 0;
  return s;
}

/* The location of the first `needle` on line `line` of src. */
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

/* ---- text format ------------------------------------------------------- */

static const char x_src[] = "plan 2021 framework local;\n"
                            "unit 324001 \"局\" {\n"
                            "  budget 89.10;\n"
                            "  goal \"a\";\n"
                            "  goal \"b\";\n"
                            "  goal \"c\";\n"
                            "  goal \"d\";\n"
                            "  goal \"e\";\n"
                            "  goal \"f\";\n"
                            "  goal \"g\";\n"
                            "  project \"劳务派遣人员经费\" {\n"
                            "    output.quantty \"人数\" = 22人;\n"
                            "  }\n"
                            "}\n";

static void test_ascii_help_note(void **state) {
  fx *f = *state;
  uint32_t file =
      jx_diag_add_source(f->d, "examples/x.jx", x_src, sizeof x_src - 1);
  jx_diag_report(f->d, JX_E_UNKNOWN_CATEGORY,
                 loc_at(x_src, file, 12, "output.quantty"), "output.quantty",
                 "local");
  jx_diag_note(f->d, JX_N_DID_YOU_MEAN, NOPOS, "output.quantity");
  jx_diag_note(f->d, JX_N_DECLARED_HERE, loc_at(x_src, file, 3, "budget"),
               "budget");
  assert_string_equal(taken(f), ""); /* held until flushed */
  jx_diag_flush(f->d);
  assert_string_equal(
      taken(f), "examples/x.jx:12:5: error: unknown indicator category "
                "'output.quantty' in framework 'local' [unknown-category]\n"
                "   12 |     output.quantty \"人数\" = 22人;\n"
                "      |     ^~~~~~~~~~~~~~\n"
                "      = help: did you mean 'output.quantity'?\n"
                "examples/x.jx:3:3: note: budget declared here\n"
                "    3 |   budget 89.10;\n"
                "      |   ^~~~~~\n");
  assert_int_equal(jx_diag_errors(f->d), 1);
  assert_string_equal(jx_diag_source_path(f->d, file), "examples/x.jx");
  assert_null(jx_diag_source_path(f->d, file + 1));
}

static void test_cjk_caret(void **state) {
  fx *f = *state;
  static const char src[] = "  产出.数亮 \"人数\" = 22人;\n"
                            "\u3000\u3000budget 89.10；\n"
                            "e\u0301 bad\n";
  uint32_t file = jx_diag_add_source(f->d, "c.jx", src, sizeof src - 1);
  /* 2 spaces + 产出 (4 columns) + '.' = 7 columns before 数亮; 6 chars. */
  jx_diag_report(f->d, JX_E_UNKNOWN_CATEGORY, loc_at(src, file, 1, "数亮"),
                 "产出.数亮", "local");
  jx_diag_report(f->d, JX_E_NUMBER_OVERFLOW, loc_at(src, file, 1, "22人"),
                 "22人");
  /* U+3000 is two columns wide; a combining accent takes none. */
  jx_diag_report(f->d, JX_E_NUMBER_OVERFLOW, loc_at(src, file, 2, "89.10"),
                 "89.10");
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 3, "bad"), "bad");
  jx_diag_flush(f->d);
  assert_string_equal(
      taken(f), "c.jx:1:6: error: unknown indicator category '产出.数亮' in "
                "framework 'local' [unknown-category]\n"
                "    1 |   产出.数亮 \"人数\" = 22人;\n"
                "      |        ^~~~\n"
                "c.jx:1:16: error: '22人' is too large [number-overflow]\n"
                "    1 |   产出.数亮 \"人数\" = 22人;\n"
                "      |                      ^~~~\n"
                "c.jx:2:10: error: '89.10' is too large [number-overflow]\n"
                "    2 | \u3000\u3000budget 89.10；\n"
                "      |            ^~~~~\n"
                "c.jx:3:4: error: unknown word 'bad' [unknown-word]\n"
                "    3 | e\u0301 bad\n"
                "      |   ^~~\n");
}

static void test_tabs(void **state) {
  fx *f = *state;
  static const char src[] = "\tbudget\t89.10;\n";
  uint32_t file = jx_diag_add_source(f->d, "t.jx", src, sizeof src - 1);
  jx_diag_report(f->d, JX_E_SYNTAX, loc_at(src, file, 1, "89.10"), "here");
  /* The underline spans the tab as displayed: budget, 2 columns, 89. */
  jx_diag_report(f->d, JX_E_SYNTAX, loc_at(src, file, 1, "budget\t89"),
                 "there");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f), "t.jx:1:9: error: here [syntax]\n"
                                "    1 |         budget  89.10;\n"
                                "      |                 ^~~~~\n"
                                "t.jx:1:2: error: there [syntax]\n"
                                "    1 |         budget  89.10;\n"
                                "      |         ^~~~~~~~~~\n");
}

static void test_invalid_utf8_and_controls(void **state) {
  fx *f = *state;
  static const char src[] = "ab \xFF\xFE cd\x01;\xE4\xBA\n";
  uint32_t file = jx_diag_add_source(f->d, "u.jx", src, sizeof src - 1);
  jx_diag_report(f->d, JX_E_BAD_UTF8, loc_at(src, file, 1, "\xFF"), 0xFF);
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 1, "cd"), "cd");
  jx_diag_report(f->d, JX_E_CONTROL_CHAR, loc_at(src, file, 1, "\x01"), 1);
  /* A truncated 人: each byte is its own (escaped) character. */
  jx_diag_report(f->d, JX_E_BAD_UTF8, loc_at(src, file, 1, "\xE4\xBA"), 0xE4);
  jx_diag_flush(f->d);
  const char *line = "    1 | ab \\xFF\\xFE cd\\x01;\\xE4\\xBA\n";
  char want[1024];
  /* display columns: "ab " 0-2, \xFF 3-6, \xFE 7-10, ' ' 11, cd 12-13,
   * \x01 14-17, ';' 18, \xE4 19-22, \xBA 23-26 */
  snprintf(want, sizeof want,
           "u.jx:1:4: error: invalid UTF-8 byte 0xFF [bad-utf8]\n"
           "%s"
           "      | %*s^~~~\n"
           "u.jx:1:7: error: unknown word 'cd' [unknown-word]\n"
           "%s"
           "      | %*s^~\n"
           "u.jx:1:9: error: control character U+0001 in string "
           "[control-char]\n"
           "%s"
           "      | %*s^~~~\n"
           "u.jx:1:11: error: invalid UTF-8 byte 0xE4 [bad-utf8]\n"
           "%s"
           "      | %*s^~~~~~~~\n",
           line, 3, "", line, 12, "", line, 14, "", line, 19, "");
  assert_string_equal(taken(f), want);
}

static void test_line_edges(void **state) {
  fx *f = *state;
  /* Line 10000 (a 5-digit gutter), CRLF ending, positions at its edges. */
  size_t n = 9999 + sizeof "abc;\r\nz";
  char *src = malloc(n);
  assert_non_null(src);
  memset(src, '\n', 9999);
  memcpy(src + 9999, "abc;\r\nz", sizeof "abc;\r\nz");
  uint32_t file = jx_diag_add_source(f->d, "e.jx", src, n - 1);
  jx_loc at_c = loc_at(src, file, 10000, "c;");
  at_c.len = 10; /* runs past the end of the line: clipped */
  jx_loc empty = loc_at(src, file, 10000, "b");
  empty.len = 0;
  jx_loc eol = loc_at(src, file, 10000, "\r");
  jx_diag_report(f->d, JX_E_SYNTAX, at_c, "long");
  jx_diag_note(f->d, JX_N_TEXT, NOPOS, "a help row under a wide gutter");
  jx_diag_report(f->d, JX_E_SYNTAX, empty, "empty");
  jx_diag_report(f->d, JX_E_UNTERMINATED_STRING, eol);
  jx_diag_flush(f->d);
  assert_string_equal(taken(f),
                      "e.jx:10000:3: error: long [syntax]\n"
                      " 10000 | abc;\n"
                      "       |   ^~\n"
                      "       = help: a help row under a wide gutter\n"
                      "e.jx:10000:2: error: empty [syntax]\n"
                      " 10000 | abc;\n"
                      "       |  ^\n"
                      "e.jx:10000:5: error: unterminated string "
                      "[unterminated-string]\n"
                      " 10000 | abc;\n"
                      "       |     ^\n");
  free(src);
}

static void test_no_position(void **state) {
  fx *f = *state;
  jx_diag_report(f->d, JX_E_UNKNOWN_FRAMEWORK, NOPOS, "locl");
  jx_diag_note(f->d, JX_N_DID_YOU_MEAN, NOPOS, "local");
  jx_diag_note(f->d, JX_N_FIRST_HERE, NOPOS); /* a note without a place */
  jx_diag_flush(f->d);
  assert_string_equal(taken(f),
                      "jxc: error: unknown indicator framework 'locl' "
                      "[unknown-framework]\n"
                      "      = help: did you mean 'local'?\n"
                      "      = note: first declared here\n");
  /* Notes with nothing pending are dropped, not printed on their own. */
  jx_diag_note(f->d, JX_N_DID_YOU_MEAN, NOPOS, "x");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f), "");
}

static void test_color(void **state) {
  fx *f = *state;
  static const char src[] = "    output.x \"n\" = 1;\n";
  uint32_t file = jx_diag_add_source(f->d, "k.jx", src, sizeof src - 1);
  jx_diag_set_color(f->d, true);
  jx_diag_report(f->d, JX_E_SYNTAX, loc_at(src, file, 1, "output.x"), "bad");
  jx_diag_note(f->d, JX_N_TEXT, NOPOS, "hint");
  jx_diag_note(f->d, JX_N_FIRST_HERE, loc_at(src, file, 1, "1"));
  jx_diag_report(f->d, JX_E_SYNTAX, NOPOS, "whole run");
  jx_diag_flush(f->d);
  assert_string_equal(
      taken(f),
      "\033[1mk.jx:1:5:\033[0m \033[1;31merror:\033[0m bad [syntax]\n"
      "    1 |     output.x \"n\" = 1;\n"
      "      |     \033[1;32m^~~~~~~~\033[0m\n"
      "      = \033[1mhelp:\033[0m hint\n"
      "\033[1mk.jx:1:20:\033[0m \033[1;36mnote:\033[0m first declared here\n"
      "    1 |     output.x \"n\" = 1;\n"
      "      |                    \033[1;32m^\033[0m\n"
      "\033[1mjxc:\033[0m \033[1;31merror:\033[0m whole run [syntax]\n");
}

/* An argument longer than 200 bytes (a 10 MB word or number, a long
 * name) is quoted by its first 200 bytes, cut at a character boundary,
 * and "…"; the rest of the message is intact. */
static void test_long_message(void **state) {
  fx *f = *state;
  char big[5001];
  memset(big, 'x', 5000);
  big[5000] = '\0';
  jx_diag_report(f->d, JX_E_SYNTAX, NOPOS, big);
  jx_diag_flush(f->d);
  char want[512];
  snprintf(want, sizeof want, "jxc: error: %.200s\u2026 [syntax]\n", big);
  assert_string_equal(taken(f), want);
  /* 人 is 3 bytes: byte 200 falls inside the 67th, which is dropped whole. */
  char cjk[3 * 100 + 1] = "";
  for (int i = 0; i < 100; i++)
    strcat(cjk, "人");
  jx_diag_report(f->d, JX_E_NUMBER_OVERFLOW, NOPOS, cjk);
  jx_diag_flush(f->d);
  snprintf(want, sizeof want,
           "jxc: error: '%.198s\u2026' is too large [number-overflow]\n", cjk);
  assert_string_equal(taken(f), want);
  /* Exactly 200 bytes: not cut. */
  big[200] = '\0';
  jx_diag_report(f->d, JX_E_BAD_WORD, NOPOS, big);
  jx_diag_flush(f->d);
  snprintf(want, sizeof want,
           "jxc: error: unknown word '%.200s' [unknown-word]\n", big);
  assert_string_equal(taken(f), want);
  /* Positional arguments are cut the same way, each on its own. */
  jx_diag_set_lang(f->d, JX_LANG_ZH);
  jx_diag_report(f->d, JX_E_UNKNOWN_CATEGORY, NOPOS, "a", cjk);
  jx_diag_flush(f->d);
  snprintf(want, sizeof want,
           "jxc: 错误: 指标体系“%.198s\u2026”中没有指标类别“a” "
           "[unknown-category]\n",
           cjk);
  assert_string_equal(taken(f), want);
}

/* Controls, ESC and bidi overrides from the input reach the terminal
 * escaped, in the source line, the file name and the message alike; JSON
 * escapes by its own rules and keeps the text. */
static void test_terminal_escapes(void **state) {
  fx *f = *state;
  static const char src[] = "project \"a\u202Eb\" {\n";
  uint32_t file =
      jx_diag_add_source(f->d, "x\033[31m\u2066.jx", src, sizeof src - 1);
  jx_diag_report(f->d, JX_E_BUDGET_MISSING,
                 loc_at(src, file, 1, "\"a\u202Eb\""),
                 "a\u202Eb\033]0;t\a\xC2\x9B");
  jx_diag_flush(f->d);
  assert_string_equal(
      taken(f),
      "x\\x1B[31m<U+2066>.jx:1:9: error: project "
      "'a<U+202E>b\\x1B]0;t\\x07\\xC2\\x9B' has no budget; write `budget N` "
      "after its name [budget-missing]\n"
      "    1 | project \"a<U+202E>b\" {\n"
      "      |         ^~~~~~~~~~~~\n");
  jx_diag_set_format(f->d, JX_DIAG_JSON);
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 1, "b"), "\u202E\033");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f),
                      "{\"file\":\"x\\u001b[31m\u2066.jx\",\"line\":1,"
                      "\"column\":12,\"end_line\":1,\"end_column\":13,"
                      "\"byte_offset\":13,\"severity\":\"error\",\"code\":"
                      "\"unknown-word\",\"message\":\"unknown word "
                      "'\u202E\\u001b'\",\"notes\":[]}\n");
}

/* read-error: no position, the path never shortened, JSON names the file,
 * and it is reported even past the error cap. */
static void test_read_error(void **state) {
  fx *f = *state;
  char path[400];
  memset(path, 'p', sizeof path - 1);
  path[sizeof path - 1] = '\0';
  jx_diag_report_file(f->d, JX_E_READ, path, path, EIO);
  jx_diag_flush(f->d);
  char want[600];
  snprintf(want, sizeof want,
           "jxc: error: cannot read %s: Input/output error [read-error]\n",
           path);
  assert_string_equal(taken(f), want);
  assert_int_equal(jx_diag_errors(f->d), 1);
  jx_diag_set_max_errors(f->d, 2);
  jx_diag_set_format(f->d, JX_DIAG_JSON);
  jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS);
  jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS); /* dropped */
  jx_diag_report_file(f->d, JX_E_READ, "a\"b.jx", "a\"b.jx", EISDIR);
  jx_diag_flush(f->d);
  assert_string_equal(
      taken(f),
      "{\"file\":null,\"line\":0,\"column\":0,\"end_line\":0,"
      "\"end_column\":0,\"byte_offset\":0,\"severity\":\"error\","
      "\"code\":\"header-place\",\"message\":\"the plan header must come "
      "before everything else in the file\",\"notes\":[]}\n"
      "{\"file\":null,\"line\":0,\"column\":0,\"end_line\":0,"
      "\"end_column\":0,\"byte_offset\":0,\"severity\":\"error\","
      "\"code\":\"too-many-errors\",\"message\":\"too many errors (2); "
      "stopping\",\"notes\":[]}\n"
      "{\"file\":\"a\\\"b.jx\",\"line\":0,\"column\":0,\"end_line\":0,"
      "\"end_column\":0,\"byte_offset\":0,\"severity\":\"error\","
      "\"code\":\"read-error\",\"message\":\"cannot read a\\\"b.jx: Is a "
      "directory\",\"notes\":[]}\n");
}

static void test_zh_positional(void **state) {
  fx *f = *state;
  static const char src[] = "    output.quantty \"人数\" = 22人;\n";
  uint32_t file = jx_diag_add_source(f->d, "z.jx", src, sizeof src - 1);
  jx_diag_set_lang(f->d, JX_LANG_ZH);
  jx_diag_report(f->d, JX_E_UNKNOWN_CATEGORY,
                 loc_at(src, file, 1, "output.quantty"), "output.quantty",
                 "local");
  jx_diag_note(f->d, JX_N_DID_YOU_MEAN, NOPOS, "output.quantity");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f), "z.jx:1:5: 错误: 指标体系“local”中没有指标类别"
                                "“output.quantty” [unknown-category]\n"
                                "    1 |     output.quantty \"人数\" = 22人;\n"
                                "      |     ^~~~~~~~~~~~~~\n"
                                "      = 帮助: 是否应为“output.quantity”？\n");
}

/* ---- reading lines back from a file or a stream ------------------------ */

static void test_file_source(void **state) {
  fx *f = *state;
  static const char src[] = "plan 2021;\n"
                            "\n"
                            "project \"人\" budget 8x;\n";
  char path[] = "/tmp/jx-test-diag-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  /* Two bytes before the source: the engine reads at base + offset. */
  assert_int_equal(write(fd, "##", 2), 2);
  assert_int_equal(write(fd, src, sizeof src - 1), (ssize_t)(sizeof src - 1));
  uint32_t file = jx_diag_add_file(f->d, path, fd, 2);
  /* The engine has its own descriptor and never opens the path: closed
   * and unlinked, the file's lines can still be quoted. */
  close(fd);
  unlink(path);
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 3, "8x"), "8x");
  /* a later message on an earlier line: read back at its own offset */
  jx_diag_note(f->d, JX_N_DECLARED_HERE, loc_at(src, file, 1, "plan"), "plan");
  jx_diag_flush(f->d);
  char want[512];
  snprintf(want, sizeof want,
           "%s:3:20: error: unknown word '8x' [unknown-word]\n"
           "    3 | project \"人\" budget 8x;\n"
           "      |                     ^~\n"
           "%s:1:1: note: plan declared here\n"
           "    1 | plan 2021;\n"
           "      | ^~~~\n",
           path, path);
  assert_string_equal(taken(f), want);

  /* No descriptor: the header alone, with the byte column. */
  uint32_t gone = jx_diag_add_file(f->d, "/nonexistent/jx/gone.jx", -1, 0);
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, gone, 3, "8x"), "8x");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f), "/nonexistent/jx/gone.jx:3:22: error: "
                                "unknown word '8x' [unknown-word]\n");
}

/* A stream is quoted from what its reader kept: a line is shown while it
 * is kept, marked "..." where the reading has not reached its end yet,
 * and not shown (header only) once forgotten; the pending diagnostic's
 * lines are never forgotten under it. */
static void test_stream_source(void **state) {
  fx *f = *state;
  static const char src[] = "plan 2021;\n"
                            "project \"a\" budget 8x;\n"
                            "project \"b\" budget 9y;\n";
  uint32_t file = jx_diag_add_stream(f->d, "<stdin>");
  const char *line3 = strstr(src, "project \"b\"");
  /* Read so far: up to the middle of line 3. */
  jx_diag_keep(f->d, file, src, (size_t)(line3 - src) + 12);
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 2, "8x"), "8x");
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 3, "\"b"), "b");
  /* pending: line 3's bytes must survive this */
  jx_diag_forget(f->d, file, (uint64_t)(line3 - src) + 5);
  jx_diag_flush(f->d);
  assert_string_equal(taken(f), "<stdin>:2:20: error: unknown word '8x' "
                                "[unknown-word]\n"
                                "    2 | project \"a\" budget 8x;\n"
                                "      |                    ^~\n"
                                "<stdin>:3:9: error: unknown word 'b' "
                                "[unknown-word]\n"
                                "    3 | project \"b\" ...\n"
                                "      |         ^~\n");
  /* Nothing pending now: the forget takes effect; lines 1 and 2 are gone,
   * line 3 was kept from its start. */
  jx_diag_forget(f->d, file, (uint64_t)(line3 - src));
  jx_diag_keep(f->d, file, line3 + 12, strlen(line3 + 12));
  jx_diag_keep(f->d, file, NULL, 0); /* the end: line 3 is whole */
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 2, "8x"), "8x");
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 3, "9y"), "9y");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f), "<stdin>:2:20: error: unknown word '8x' "
                                "[unknown-word]\n"
                                "<stdin>:3:20: error: unknown word '9y' "
                                "[unknown-word]\n"
                                "    3 | project \"b\" budget 9y;\n"
                                "      |                    ^~\n");
}

/* A stream keeps at most 8 MiB, whatever the parser says: an endless line
 * costs bounded memory, and what fell out is simply not quoted. */
static void test_stream_bounded(void **state) {
  fx *f = *state;
  uint32_t file = jx_diag_add_stream(f->d, "endless");
  static char chunk[1 << 20];
  memset(chunk, 'a', sizeof chunk);
  for (int i = 0; i < 20; i++)
    jx_diag_keep(f->d, file, chunk, sizeof chunk);
  jx_loc start = {.offset = 0, .line = 1, .col = 1, .len = 1, .file = file};
  jx_loc late = {.offset = (20u << 20) - 2,
                 .line = 1,
                 .col = (20u << 20) - 1,
                 .len = 1,
                 .file = file};
  jx_diag_report(f->d, JX_E_BAD_WORD, start, "a");
  jx_diag_report(f->d, JX_E_BAD_WORD, late, "a");
  jx_diag_flush(f->d);
  /* Neither line start is kept any more: headers only, byte columns. */
  assert_string_equal(taken(f), "endless:1:1: error: unknown word 'a' "
                                "[unknown-word]\n"
                                "endless:1:20971519: error: unknown word 'a' "
                                "[unknown-word]\n");
}

/* ---- counting, cap, summary -------------------------------------------- */

static void test_cap(void **state) {
  fx *f = *state;
  jx_diag_set_max_errors(f->d, 3);
  static const char *const words[] = {"1", "2", "3", "4", "5"};
  for (int i = 0; i < 5; i++) {
    assert_int_equal(jx_diag_too_many(f->d), i >= 3);
    jx_diag_report(f->d, JX_E_BAD_CHAR, NOPOS, words[i]);
    jx_diag_note(f->d, JX_N_DID_YOU_MEAN, NOPOS, "x");
  }
  assert_true(jx_diag_too_many(f->d));
  jx_diag_summary(f->d);
  assert_string_equal(
      taken(f), "jxc: error: unexpected character '1' [bad-char]\n"
                "      = help: did you mean 'x'?\n"
                "jxc: error: unexpected character '2' [bad-char]\n"
                "      = help: did you mean 'x'?\n"
                "jxc: error: unexpected character '3' [bad-char]\n"
                "      = help: did you mean 'x'?\n"
                "jxc: error: too many errors (3); stopping [too-many-errors]\n"
                "jxc: 3 errors\n");
  assert_int_equal(jx_diag_errors(f->d), 3);
  jx_diag_flush(f->d); /* the too-many line is printed once only */
  assert_string_equal(taken(f), "");
}

static void test_summary_errors(void **state) {
  fx *f = *state;
  jx_diag_summary(f->d); /* nothing to say */
  assert_string_equal(taken(f), "");
  jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS);
  jx_diag_summary(f->d);
  assert_string_equal(taken(f), "jxc: error: the plan header must come "
                                "before everything else in the file "
                                "[header-place]\n"
                                "jxc: 1 error\n");
  jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS);
  jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS);
  jx_diag_flush(f->d);
  taken(f);
  jx_diag_summary(f->d);
  assert_string_equal(taken(f), "jxc: 3 errors\n");
  jx_diag_set_lang(f->d, JX_LANG_ZH);
  jx_diag_summary(f->d);
  assert_string_equal(taken(f), "jxc: 共 3 个错误\n");
  jx_diag_set_format(f->d, JX_DIAG_JSON);
  jx_diag_summary(f->d); /* never in JSON */
  assert_string_equal(taken(f), "");
}

/* The table has no warning row yet; the warning tests use the first one
 * whose arguments are all strings, and are skipped until one exists. */
static bool all_string_args(const char *fmt) {
  for (const char *p = fmt; (p = strchr(p, '%')) != NULL; p++) {
    p++;
    if (*p == '%')
      continue;
    p += strspn(p, "0123456789$-+ #.");
    if (*p != 's')
      return false;
  }
  return true;
}

static bool find_warning(jx_diag_id *id) {
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    jx_diag_id k = (jx_diag_id)i;
    if (jx_diag_severity(k) == JX_SEV_WARNING &&
        all_string_args(jx_diag_format_string(k, JX_LANG_EN))) {
      *id = k;
      return true;
    }
  }
  return false;
}

static void test_werror_and_warning_summary(void **state) {
  fx *f = *state;
  jx_diag_id w;
  if (!find_warning(&w)) {
    skip();
    return;
  }
  char msg[512], want[1024];
  snprintf(msg, sizeof msg, jx_diag_format_string(w, JX_LANG_EN), "w", "w", "w",
           "w");
  jx_diag_report(f->d, w, NOPOS, "w", "w", "w", "w");
  jx_diag_report(f->d, w, NOPOS, "w", "w", "w", "w");
  jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS);
  jx_diag_flush(f->d);
  snprintf(want, sizeof want, "jxc: warning: %s [%s]\n", msg, jx_diag_code(w));
  assert_memory_equal(taken(f), want, strlen(want));
  jx_diag_summary(f->d);
  assert_string_equal(taken(f), "jxc: 1 error, 2 warnings\n");
  jx_diag_set_lang(f->d, JX_LANG_ZH);
  jx_diag_summary(f->d);
  assert_string_equal(taken(f), "jxc: 共 1 个错误，2 个警告\n");

  /* A fresh engine with werror: the warning prints and counts as an error */
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, capture, f);
  jx_diag_set_werror(d, true);
  jx_diag_report(d, w, NOPOS, "w", "w", "w", "w");
  jx_diag_summary(d);
  snprintf(want, sizeof want, "jxc: error: %s [%s]\njxc: 1 error\n", msg,
           jx_diag_code(w));
  assert_string_equal(taken(f), want);
  assert_int_equal(jx_diag_errors(d), 1);
  assert_int_equal(jx_diag_warnings(d), 0);
  jx_diag_free(d);

  d = jx_diag_new();
  jx_diag_set_writer(d, capture, f);
  jx_diag_report(d, w, NOPOS, "w", "w", "w", "w");
  jx_diag_flush(d);
  taken(f);
  jx_diag_summary(d);
  assert_string_equal(taken(f), "jxc: 1 warning\n");
  jx_diag_set_lang(d, JX_LANG_ZH);
  jx_diag_summary(d);
  assert_string_equal(taken(f), "jxc: 共 1 个警告\n");
  jx_diag_free(d);
}

/* Warning control: per code, in order, the filter asked first. */
static int filter_calls;
static bool drop_at_line_2(void *ud, const char *code, jx_loc loc) {
  (void)ud;
  (void)code;
  filter_calls++;
  return loc.line == 2;
}

static void test_warning_control(void **state) {
  fx *f = *state;
  static const char src[] = "project \"x\" {\n  budget 1;\n}\n";
  uint32_t file = jx_diag_add_source(f->d, "w.jx", src, sizeof src - 1);
  jx_loc one = loc_at(src, file, 1, "\"x\""), two = loc_at(src, file, 2, "1");
  assert_int_equal(jx_diag_code_kind("funds-missing"), JX_CODE_WARNING);
  assert_int_equal(jx_diag_code_kind("funds-sum"), JX_CODE_ERROR);
  assert_int_equal(jx_diag_code_kind("nothing"), JX_CODE_UNKNOWN);
  assert_int_equal(jx_diag_code_kind(NULL), JX_CODE_UNKNOWN);
  assert_string_equal(jx_diag_warning_suggest("fund-missing"), "funds-missing");
  assert_null(jx_diag_warning_suggest("syntax"));
  assert_false(jx_diag_warning_set(f->d, "funds-sum", JX_WARN_OFF));
  /* Off: neither shown nor counted. */
  assert_true(jx_diag_warning_set(f->d, "funds-missing", JX_WARN_OFF));
  jx_diag_report(f->d, JX_W_FUNDS_MISSING, one, "x");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f), "");
  assert_int_equal(jx_diag_warnings(f->d), 0);
  /* On again, then an error of its own. */
  jx_diag_warning_set(f->d, "funds-missing", JX_WARN_ON);
  jx_diag_report(f->d, JX_W_FUNDS_MISSING, one, "x");
  jx_diag_warning_set(f->d, "funds-missing", JX_WARN_ERROR);
  jx_diag_report(f->d, JX_W_FUNDS_MISSING, one, "x");
  jx_diag_flush(f->d);
  assert_int_equal(jx_diag_warnings(f->d), 1);
  assert_int_equal(jx_diag_errors(f->d), 1);
  assert_non_null(strstr(taken(f), "w.jx:1:9: error: project 'x'"));
  /* -W error, but this one stays a warning. */
  jx_diag_set_werror(f->d, true);
  jx_diag_warning_set(f->d, "funds-missing", JX_WARN_NO_ERROR);
  jx_diag_report(f->d, JX_W_FUNDS_MISSING, one, "x");
  jx_diag_report(f->d, JX_W_SCHEDULE_MISSING, one, "x");
  jx_diag_flush(f->d);
  assert_int_equal(jx_diag_warnings(f->d), 2);
  assert_int_equal(jx_diag_errors(f->d), 2);
  taken(f);
  /* The filter is asked about warnings only, before -W turns them off. */
  jx_diag_set_werror(f->d, false);
  jx_diag_set_filter(f->d, drop_at_line_2, NULL);
  jx_diag_warning_set(f->d, "rate-range", JX_WARN_OFF);
  filter_calls = 0;
  jx_diag_report(f->d, JX_W_RATE_RANGE, two, "1");
  jx_diag_report(f->d, JX_W_FUNDS_MISSING, two, "x");
  jx_diag_report(f->d, JX_W_FUNDS_MISSING, one, "x");
  jx_diag_report(f->d, JX_E_HEADER_PLACE, two);
  jx_diag_flush(f->d);
  assert_int_equal(filter_calls, 3);
  assert_int_equal(jx_diag_warnings(f->d), 3);
  assert_int_equal(jx_diag_errors(f->d), 3);
}

/* Every warning's code can be turned off, and then nothing is said (a
 * dropped report reads none of its arguments). */
static void test_every_warning_off(void **state) {
  fx *f = *state;
  int n = 0;
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    jx_diag_id id = (jx_diag_id)i;
    if (jx_diag_severity(id) != JX_SEV_WARNING)
      continue;
    assert_int_equal(jx_diag_code_kind(jx_diag_code(id)), JX_CODE_WARNING);
    assert_true(jx_diag_warning_set(f->d, jx_diag_code(id), JX_WARN_OFF));
    jx_diag_report(f->d, id, NOPOS);
    n++;
  }
  jx_diag_flush(f->d);
  assert_true(n >= 8);
  assert_string_equal(taken(f), "");
  assert_int_equal(jx_diag_warnings(f->d), 0);
}

/* --max-errors=0: no cap. */
static void test_no_cap(void **state) {
  fx *f = *state;
  jx_diag_set_max_errors(f->d, 0);
  for (int i = 0; i < 500; i++)
    jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS);
  jx_diag_flush(f->d);
  assert_false(jx_diag_too_many(f->d));
  assert_int_equal(jx_diag_errors(f->d), 500);
}

/* ---- JSON -------------------------------------------------------------- */

static void test_json(void **state) {
  fx *f = *state;
  static const char src[] = "  产出.数亮 \"人数\" = 22人;\n"
                            "  budget 1;\n";
  uint32_t file =
      jx_diag_add_source(f->d, "dir/j\"1\".jx", src, sizeof src - 1);
  jx_diag_set_format(f->d, JX_DIAG_JSON);
  jx_diag_report(f->d, JX_E_SYNTAX, loc_at(src, file, 1, "数亮"),
                 "expected \"}\" \\ here\nnext\ttab\x01\r 人");
  jx_diag_note(f->d, JX_N_DID_YOU_MEAN, NOPOS, "产出.数量");
  jx_diag_note(f->d, JX_N_DECLARED_HERE, loc_at(src, file, 2, "budget"),
               "budget");
  jx_diag_report(f->d, JX_E_SYNTAX, NOPOS, "bad \xFF\xE4\xBA byte");
  jx_diag_summary(f->d);
  assert_string_equal(
      taken(f),
      "{\"file\":\"dir/j\\\"1\\\".jx\",\"line\":1,\"column\":6,"
      "\"end_line\":1,\"end_column\":8,\"byte_offset\":9,"
      "\"severity\":\"error\",\"code\":\"syntax\","
      "\"message\":\"expected \\\"}\\\" \\\\ here\\nnext\\ttab\\u0001\\r 人\","
      "\"notes\":[{\"severity\":\"help\",\"message\":\"did you mean "
      "'产出.数量'?\"},{\"severity\":\"note\",\"message\":\"budget declared "
      "here\",\"file\":\"dir/j\\\"1\\\".jx\",\"line\":2,\"column\":3,"
      "\"end_column\":9}]}\n"
      "{\"file\":null,\"line\":0,\"column\":0,\"end_line\":0,"
      "\"end_column\":0,\"byte_offset\":0,\"severity\":\"error\","
      "\"code\":\"syntax\",\"message\":\"bad \\ufffd\\ufffd byte\","
      "\"notes\":[]}\n");
}

/* ---- records as data --------------------------------------------------- */

/* What a sink (a SARIF writer, a language server) would keep of each
 * record: everything as data, the message worded in both languages. */
typedef struct seen {
  char text[8][512];
  int n;
} seen;

static void keep_record(void *ud, const jx_diag_record *r) {
  seen *s = ud;
  jx_strbuf en = {0}, zh = {0}, notes = {0};
  jx_diag_message(&en, r, &r->main, JX_LANG_EN);
  jx_diag_message(&zh, r, &r->main, JX_LANG_ZH);
  for (size_t i = 0; i < r->n_notes; i++) {
    const jx_diag_part *nt = &r->notes[i];
    jx_sb_printf(&notes, " | note %d %s:%u:%u-%u ", (int)nt->sev,
                 nt->at.path ? nt->at.path : "-", nt->at.loc.line, nt->at.col,
                 nt->at.end_col);
    jx_diag_message(&notes, r, nt, JX_LANG_ZH);
  }
  assert_true(s->n < 8);
  snprintf(s->text[s->n++], sizeof s->text[0],
           "%s %d %s:%u:%u-%u file=%s cmd=%s quote=[%.*s]@%zu+%zu | %s | %s%s",
           r->code ? r->code : "-", (int)r->main.sev,
           r->main.at.path ? r->main.at.path : "-", r->main.at.loc.line,
           r->main.at.col, r->main.at.end_col, r->file ? r->file : "-",
           r->command ? r->command : "-", (int)r->main.at.quote_len,
           r->main.at.quote ? r->main.at.quote : "", r->main.at.quote_at,
           r->main.at.quote_span, en.p, zh.p, notes.p ? notes.p : "");
  jx_sb_free(&en);
  jx_sb_free(&zh);
  jx_sb_free(&notes);
}

static void test_records(void **state) {
  fx *f = *state;
  static const char src[] = "plan 2021;\n"
                            "  产出.数亮 \"人数\" = 22人;\n";
  uint32_t file = jx_diag_add_source(f->d, "r.jx", src, sizeof src - 1);
  seen s = {0};
  jx_diag_set_sink(f->d, keep_record, &s);
  jx_diag_set_werror(f->d, true);
  /* held: released sorted by position, the later one first reported */
  jx_diag_set_hold(f->d, true);
  jx_diag_report(f->d, JX_E_UNKNOWN_CATEGORY, loc_at(src, file, 2, "数亮"),
                 "产出.数亮", "local");
  jx_diag_note(f->d, JX_N_DECLARED_HERE, loc_at(src, file, 1, "plan"), "plan");
  jx_diag_report(f->d, JX_E_HEADER_MISMATCH, loc_at(src, file, 1, "2021"),
                 (int)JX_M_FIELD_YEAR, "2021", "2020");
  jx_diag_release(f->d);
  jx_diag_set_hold(f->d, false);
  jx_diag_report_file(f->d, JX_E_WRITE, "out.json", "out.json", EACCES);
  jx_diag_usage(f->d, "build", JX_U_NO_INPUT);
  jx_diag_flush(f->d);
  assert_int_equal(s.n, 4);
  assert_string_equal(s.text[0],
                      "header-mismatch 3 r.jx:1:6-10 file=- cmd=- "
                      "quote=[plan 2021;]@5+4 | year '2021' differs from "
                      "'2020' declared by an earlier file | "
                      "年度“2021”与之前文件声明的“2020”不一致");
  assert_string_equal(s.text[1],
                      "unknown-category 3 r.jx:2:6-8 file=- cmd=- "
                      "quote=[  产出.数亮 \"人数\" = 22人;]@9+6 | unknown "
                      "indicator category '产出.数亮' in framework 'local' | "
                      "指标体系“local”中没有指标类别“产出.数亮” | note 1 "
                      "r.jx:1:1-5 plan在此处声明");
  assert_string_equal(s.text[2],
                      "write-error 3 -:0:0-0 file=out.json cmd=- quote=[]@0+0 "
                      "| cannot write out.json: Permission denied | 无法写入 "
                      "out.json：权限不够");
  assert_string_equal(s.text[3],
                      "usage 3 -:0:0-0 file=- cmd=build "
                      "quote=[]@0+0 | no input files | 没有输入文件");
  /* Nothing went to the writer: the sink took it all. */
  assert_string_equal(taken(f), "");
  /* Records made the same way, rendered by the engine's own renderers. */
  jx_diag_set_sink(f->d, NULL, NULL);
  jx_diag_set_lang(f->d, JX_LANG_ZH);
  jx_diag_report_file(f->d, JX_E_READ_CHANGED, "a.jx", "a.jx",
                      (unsigned long long)10, (unsigned long long)20);
  jx_diag_usage(f->d, "fmt", JX_U_FMT_W_STDIN);
  jx_diag_note(f->d, JX_N_TRY_HELP, NOPOS, "fmt");
  jx_diag_flush(f->d);
  assert_string_equal(taken(f),
                      "jxc: 错误: 无法读取 a.jx：文件原有 20 字节，读到 10 "
                      "字节就结束了（读取时文件被改动过） [read-error]\n"
                      "jxc fmt: -w 不能改写标准输入\n"
                      "请运行“jxc help fmt”查看帮助。\n");
  /* Counted: the two reports and the two files' trouble; not usage. */
  assert_int_equal(jx_diag_errors(f->d), 4);
}

/* Fix-its travel on the record to a sink, with their columns worked out
 * like a note's (characters, end exclusive), and in the order attached;
 * text rendering does not show them; one without a record is dropped. */
typedef struct fixes_seen {
  int n;
  char text[2][160];
} fixes_seen;

static void keep_fixits(void *ud, const jx_diag_record *r) {
  fixes_seen *s = ud;
  assert_true(s->n < 2);
  jx_strbuf b = {0};
  jx_sb_printf(&b, "%s:", r->code);
  for (size_t i = 0; i < r->n_fixits; i++) {
    const jx_diag_fixit *x = &r->fixits[i];
    jx_sb_printf(&b, " %s:%u:%u-%u+%u=[%s]", x->at.path, x->at.loc.line,
                 x->at.col, x->at.end_col, x->at.loc.len, x->text);
  }
  snprintf(s->text[s->n++], sizeof s->text[0], "%s", b.p);
  jx_sb_free(&b);
}

static void test_fixits(void **state) {
  fx *f = *state;
  static const char src[] = "plan 2021;\n"
                            "  产出.数亮 \"人数\" = 22人;\n";
  uint32_t file = jx_diag_add_source(f->d, "f.jx", src, sizeof src - 1);
  jx_diag_add_fixit(f->d, loc_at(src, file, 2, "22"), "x"); /* no record */
  fixes_seen s = {0};
  jx_diag_set_sink(f->d, keep_fixits, &s);
  jx_diag_set_hold(f->d, true);
  jx_diag_report(f->d, JX_E_UNKNOWN_CATEGORY, loc_at(src, file, 2, "产出.数亮"),
                 "产出.数亮", "local");
  jx_diag_add_fixit(f->d, loc_at(src, file, 2, "产出.数亮"), "产出.数量");
  jx_loc after = loc_at(src, file, 2, "22人");
  after.offset += after.len;
  after.col += after.len;
  after.len = 0;
  jx_diag_add_fixit(f->d, after, "%");
  jx_diag_report(f->d, JX_E_HEADER_MISMATCH, loc_at(src, file, 1, "2021"),
                 (int)JX_M_FIELD_YEAR, "2021", "2020");
  jx_diag_release(f->d);
  jx_diag_set_hold(f->d, false);
  assert_int_equal(s.n, 2);
  assert_string_equal(s.text[0], "header-mismatch:");
  assert_string_equal(s.text[1], "unknown-category: f.jx:2:3-8+13=[产出.数量] "
                                 "f.jx:2:19-19+0=[%]");
  /* The same record, rendered as text: no trace of the fix-its. */
  jx_diag_set_sink(f->d, NULL, NULL);
  jx_diag_report(f->d, JX_E_UNKNOWN_CATEGORY, loc_at(src, file, 2, "产出.数亮"),
                 "产出.数亮", "local");
  jx_diag_add_fixit(f->d, loc_at(src, file, 2, "产出.数亮"), "产出.数量");
  jx_diag_flush(f->d);
  assert_null(strstr(taken(f), "数量"));
}

/* The observer (build -f html --with-diagnostics): each diagnostic as it
 * is finished, worded in the run's language, and NULL after a release. */
static void observe_event(void *ud, const jx_diag_event *e) {
  jx_strbuf *sb = ud;
  if (!e) {
    jx_sb_puts(sb, "|");
    return;
  }
  jx_sb_printf(sb, "[%d %s %s:%u:%u %s]", (int)e->severity,
               e->code ? e->code : "-", e->path ? e->path : "-", e->line,
               e->col, e->message);
}

static void test_observer(void **state) {
  fx *f = *state;
  static const char src[] = "plan 2021;\nproject 8x;\n";
  uint32_t file = jx_diag_add_source(f->d, "o.jx", src, sizeof src - 1);
  jx_strbuf seen_events = {0};
  jx_diag_set_observer(f->d, observe_event, &seen_events);
  jx_diag_set_lang(f->d, JX_LANG_ZH);
  jx_diag_set_hold(f->d, true);
  jx_diag_report(f->d, JX_E_BAD_WORD, loc_at(src, file, 2, "8x"), "8x");
  jx_diag_note(f->d, JX_N_DID_YOU_MEAN, NOPOS, "8");
  jx_diag_report(f->d, JX_E_HEADER_PLACE, loc_at(src, file, 1, "plan"));
  jx_diag_release(f->d);
  jx_diag_set_hold(f->d, false);
  jx_diag_report(f->d, JX_E_TOO_MANY_ERRORS, NOPOS, 3);
  jx_diag_flush(f->d);
  jx_diag_set_observer(f->d, NULL, NULL);
  jx_diag_report(f->d, JX_E_HEADER_PLACE, NOPOS);
  jx_diag_flush(f->d);
  /* Seen as finished (in report order, before the release sorts them);
   * set_hold(false) and each flush end with a release. */
  assert_string_equal(seen_events.p,
                      "[3 unknown-word o.jx:2:9 无法识别的词“8x”]"
                      "[3 header-place o.jx:1:1 计划头（“计划”语句）必须位于"
                      "文件最前面]||[3 too-many-errors -:0:0 错误过多（3 "
                      "个），停止检查]|");
  taken(f);
  jx_sb_free(&seen_events);
}

/* ---- the table --------------------------------------------------------- */

/* The kind of argument each position of fmt takes: the conversion letter
 * with its length modifier ("s", "d", "lu", "zu", "M", "E", "L"). */
static int conversions(const char *fmt, char conv[][4], int max) {
  int next = 0, top = 0;
  for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
    p++;
    if (*p == '%') {
      p++;
      continue;
    }
    int pos = next++;
    const char *q = p;
    int v = 0;
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

static void test_table(void **state) {
  (void)state;
  assert_string_equal(jx_diag_code(JX_E_SYNTAX), "syntax");
  assert_null(jx_diag_code(JX_N_TEXT));
  assert_int_equal(jx_diag_severity(JX_N_DECLARED_HERE), JX_SEV_NOTE);
  assert_string_equal(jx_diag_format_string(JX_N_FIRST_HERE, JX_LANG_ZH),
                      "首次声明于此处");
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    jx_diag_id id = (jx_diag_id)i;
    jx_severity sev = jx_diag_severity(id);
    const char *code = jx_diag_code(id);
    /* errors and warnings have a code; notes and help never do */
    assert_int_equal(code != NULL,
                     sev == JX_SEV_ERROR || sev == JX_SEV_WARNING);
    char en[16][4], zh[16][4];
    memset(en, 0, sizeof en);
    memset(zh, 0, sizeof zh);
    int ne = conversions(jx_diag_format_string(id, JX_LANG_EN), en, 16);
    int nz = conversions(jx_diag_format_string(id, JX_LANG_ZH), zh, 16);
    if (ne != nz || memcmp(en, zh, sizeof en) != 0)
      fail_msg("row %d: English and Chinese take different arguments", i);
    /* and only what the catalog's formatter knows (catalog.h) */
    for (int k = 0; k < ne; k++) {
      const char *c = en[k] + strspn(en[k], "lz");
      if (!*c || !strchr("sduxXMEL", *c))
        fail_msg("row %d: argument %d is not one the catalog formats", i,
                 k + 1);
    }
  }
}

/* Every code has its entry in docs/diagnostics.md (when run from the
 * repository root, as make test does). */
static void test_docs_cover_codes(void **state) {
  (void)state;
  FILE *fp = fopen("docs/diagnostics.md", "rb");
  if (!fp) {
    skip();
    return;
  }
  static char doc[1 << 20];
  size_t n = fread(doc, 1, sizeof doc - 1, fp);
  fclose(fp);
  doc[n] = '\0';
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    const char *code = jx_diag_code((jx_diag_id)i);
    if (!code)
      continue;
    char head[128];
    snprintf(head, sizeof head, "\n## `%s`\n", code);
    if (!strstr(doc, head))
      fail_msg("docs/diagnostics.md has no '## `%s`' entry", code);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_ascii_help_note, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cjk_caret, setup, teardown),
      cmocka_unit_test_setup_teardown(test_tabs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_invalid_utf8_and_controls, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_line_edges, setup, teardown),
      cmocka_unit_test_setup_teardown(test_no_position, setup, teardown),
      cmocka_unit_test_setup_teardown(test_color, setup, teardown),
      cmocka_unit_test_setup_teardown(test_long_message, setup, teardown),
      cmocka_unit_test_setup_teardown(test_zh_positional, setup, teardown),
      cmocka_unit_test_setup_teardown(test_terminal_escapes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_read_error, setup, teardown),
      cmocka_unit_test_setup_teardown(test_file_source, setup, teardown),
      cmocka_unit_test_setup_teardown(test_stream_source, setup, teardown),
      cmocka_unit_test_setup_teardown(test_stream_bounded, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cap, setup, teardown),
      cmocka_unit_test_setup_teardown(test_summary_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_werror_and_warning_summary, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_warning_control, setup, teardown),
      cmocka_unit_test_setup_teardown(test_no_cap, setup, teardown),
      cmocka_unit_test_setup_teardown(test_every_warning_off, setup, teardown),
      cmocka_unit_test_setup_teardown(test_json, setup, teardown),
      cmocka_unit_test_setup_teardown(test_records, setup, teardown),
      cmocka_unit_test_setup_teardown(test_fixits, setup, teardown),
      cmocka_unit_test_setup_teardown(test_observer, setup, teardown),
      cmocka_unit_test(test_table),
      cmocka_unit_test(test_docs_cover_codes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
