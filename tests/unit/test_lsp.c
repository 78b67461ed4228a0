/*
 * test_lsp.c — the language server's two pieces that must be exact and
 * that a scripted session exercises only by example: LSP's Content-Length
 * framing (compiler/lsp/lsp_rpc.c) and positions in UTF-16 code units
 * against byte offsets (lsp_pos.c).  The rest of jxc lsp is tested through
 * its replies (tests/lsp/test_lsp.py).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include <string.h>

#include "lsp_pos.h"
#include "lsp_rpc.h"
#include "strbuf.h"

/* ---- framing ------------------------------------------------------------- */

static jx_rpc_status take(jx_rpc_reader *r, json_int_t *id) {
  json_t *m;
  jx_rpc_status st = jx_rpc_take(r, &m, NULL);
  if (st == JX_RPC_MESSAGE) {
    *id = json_integer_value(json_object_get(m, "id"));
    json_decref(m);
  }
  return st;
}

static void test_frames(void **state) {
  (void)state;
  jx_rpc_reader r;
  jx_rpc_reader_init(&r);
  json_int_t id = 0;
  /* Nothing pushed yet (no buffer at all), and an empty push. */
  assert_int_equal(take(&r, &id), JX_RPC_NEED_MORE);
  jx_rpc_push(&r, "", 0);
  assert_int_equal(take(&r, &id), JX_RPC_NEED_MORE);
  const char two[] = "Content-Length: 10\r\n\r\n{\"id\": 1}"
                     "\r\ncontent-length:10\r\nContent-Type: x\r\n\r\n"
                     "{\"id\": 2} ";
  /* Exactly 10 bytes of body: the "\r\n" after the first is not part of
   * it (blank lines between messages are skipped); the second's body
   * ends with a space, still 10 bytes. */
  jx_rpc_push(&r, two, sizeof two - 1);
  assert_int_equal(take(&r, &id), JX_RPC_MESSAGE);
  assert_int_equal(id, 1);
  assert_int_equal(take(&r, &id), JX_RPC_MESSAGE);
  assert_int_equal(id, 2);
  assert_int_equal(take(&r, &id), JX_RPC_NEED_MORE);
  /* A body arriving a byte at a time. */
  const char one[] = "Content-Length: 9\r\n\r\n{\"id\": 3}";
  for (size_t i = 0; i + 1 < sizeof one; i++) {
    assert_int_equal(take(&r, &id), JX_RPC_NEED_MORE);
    jx_rpc_push(&r, one + i, 1);
  }
  assert_int_equal(take(&r, &id), JX_RPC_MESSAGE);
  assert_int_equal(id, 3);
  jx_rpc_reader_free(&r);
}

static void test_bad_frames(void **state) {
  (void)state;
  jx_rpc_reader r;
  jx_rpc_reader_init(&r);
  json_int_t id = 0;
  const char bad[] = "Content-Type: x\r\n\r\n"    /* no length */
                     "Content-Length: 1x\r\n\r\n" /* not a number */
                     "Content-Length: -1\r\n\r\n" /* negative */
                     "Content-Length: 99999999999999999999999\r\n\r\n"
                     "Content-Length: 2\r\nContent-Length: 2\r\n\r\n"
                     "Content-Length: 4\r\n\r\nnope" /* not JSON */
                     "Content-Length: 9\r\n\r\n{\"id\": 4}";
  jx_rpc_push(&r, bad, sizeof bad - 1);
  for (int i = 0; i < 5; i++)
    assert_int_equal(take(&r, &id), JX_RPC_BAD_HEADER);
  assert_int_equal(take(&r, &id), JX_RPC_BAD_JSON);
  assert_int_equal(take(&r, &id), JX_RPC_MESSAGE);
  assert_int_equal(id, 4);
  /* A body too big is skipped as it streams past, never buffered. */
  char head[64];
  size_t big = JX_RPC_MAX_BODY + 1;
  int n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", big);
  jx_rpc_push(&r, head, (size_t)n);
  assert_int_equal(take(&r, &id), JX_RPC_TOO_BIG);
  static char chunk[1 << 20];
  memset(chunk, 'x', sizeof chunk);
  for (size_t left = big; left > 0;) {
    size_t k = left < sizeof chunk ? left : sizeof chunk;
    jx_rpc_push(&r, chunk, k);
    left -= k;
  }
  assert_true(r.cap < (size_t)8 << 20);
  jx_rpc_push(&r, "Content-Length: 9\r\n\r\n{\"id\": 5}", 30);
  assert_int_equal(take(&r, &id), JX_RPC_MESSAGE);
  assert_int_equal(id, 5);
  /* Ill-formed UTF-8 inside a string is not JSON. */
  jx_rpc_push(&r, "Content-Length: 4\r\n\r\n\"\xC3\x28\"", 25);
  assert_int_equal(take(&r, &id), JX_RPC_BAD_JSON);
  jx_rpc_reader_free(&r);
}

/* ---- positions ----------------------------------------------------------- */

static void test_positions(void **state) {
  (void)state;
  /* line 0: "a项𠀀b" (1 + 3 + 4 + 1 bytes; 1 + 1 + 2 + 1 units), CRLF;
   * line 1: "x", a lone CR; line 2: "y", LF; line 3: "z". */
  const char t[] = "a\xE9\xA1\xB9\xF0\xA0\x80\x80"
                   "b\r\nx\ry\nz";
  size_t len = sizeof t - 1;
  jx_lsp_lines l = {0};
  jx_lsp_lines_build(&l, t, len);
  assert_int_equal(l.n, 4);
  struct {
    size_t off;
    uint32_t line, ch;
  } cases[] = {{0, 0, 0},  {1, 0, 1},  {4, 0, 2},  {8, 0, 4},
               {9, 0, 5},  {11, 1, 0}, {12, 1, 1}, {13, 2, 0},
               {14, 2, 1}, {15, 3, 0}, {16, 3, 1}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    jx_lsp_pos p = jx_lsp_pos_at(&l, t, len, cases[i].off);
    assert_int_equal(p.line, cases[i].line);
    assert_int_equal(p.character, cases[i].ch);
    assert_int_equal(jx_lsp_offset_at(&l, t, len, p), cases[i].off);
  }
  /* Inside a character: its start.  Past a line's end: before its
   * break.  Past the last line: the end. */
  assert_int_equal(jx_lsp_pos_at(&l, t, len, 6).character, 2);
  jx_lsp_pos mid = {0, 3}; /* between the two units of 𠀀 */
  assert_int_equal(jx_lsp_offset_at(&l, t, len, mid), 4);
  jx_lsp_pos far = {0, 99};
  assert_int_equal(jx_lsp_offset_at(&l, t, len, far), 9);
  jx_lsp_pos below = {7, 0};
  assert_int_equal(jx_lsp_offset_at(&l, t, len, below), len);
  assert_int_equal(jx_lsp_utf16_len(t, 9), 5);
  jx_lsp_lines_free(&l);
}

/* A line of megabytes (a plan on one line) is read through checkpoints
 * (lsp_pos.h): every offset must get the position a scan from the line's
 * start gives, whatever characters (or bad bytes) surround a checkpoint.
 * The expected column is counted here independently: one unit a
 * character, two for 4-byte ones, one a stray byte. */
static void test_long_line(void **state) {
  (void)state;
  static const char *const pieces[] = {
      "a", "\xE9\xA1\xB9", "\xF0\xA0\x80\x80", "\xFF", "\xE9\xA1", "b"};
  static const size_t units[] = {1, 1, 2, 1, 2, 1}; /* \xE9\xA1: 2 stray */
  jx_strbuf b = {0};
  jx_sb_puts(&b, "x\n"); /* the long line is line 1 */
  size_t n_at = 0, cap_at = 0;
  size_t *at = NULL, *col = NULL; /* piece starts and their columns */
  size_t c = 0;
  for (size_t i = 0; b.n < 3 * JX_LSP_CHECKPOINT * 4; i++) {
    size_t k = (i * 7 + i / 5) % 6;
    if (n_at == cap_at) {
      cap_at = cap_at ? 2 * cap_at : 256;
      at = realloc(at, cap_at * sizeof *at);
      col = realloc(col, cap_at * sizeof *col);
    }
    at[n_at] = b.n;
    col[n_at++] = c;
    jx_sb_puts(&b, pieces[k]);
    c += units[k];
  }
  jx_sb_puts(&b, "\nz");
  jx_lsp_lines l = {0};
  jx_lsp_lines_build(&l, b.p, b.n);
  assert_true(l.n_ck > 4);
  for (size_t i = 0; i < n_at; i++) {
    jx_lsp_pos p = jx_lsp_pos_at(&l, b.p, b.n, at[i]);
    assert_int_equal(p.line, 1);
    assert_int_equal(p.character, col[i]);
  }
  jx_lsp_pos end = jx_lsp_pos_at(&l, b.p, b.n, b.n);
  assert_int_equal(end.line, 2);
  assert_int_equal(end.character, 1);
  free(at);
  free(col);
  jx_lsp_lines_free(&l);
  jx_sb_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_frames),
      cmocka_unit_test(test_bad_frames),
      cmocka_unit_test(test_positions),
      cmocka_unit_test(test_long_line),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
