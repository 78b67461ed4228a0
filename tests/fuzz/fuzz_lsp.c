/*
 * fuzz_lsp.c — libFuzzer entry point for `jxc lsp`'s reading side.
 *
 * Each input is a byte stream as a client might send it.  It goes twice
 * through the JSON-RPC reader (compiler/lsp/lsp_rpc.c): pushed whole, and
 * pushed in pieces cut where the input's first byte says, so framing that
 * spans reads is exercised; the two must frame the same messages.  Then
 * the whole server reads it from a pipe (replies go to /dev/null): every
 * message it can frame and parse is handled — didOpen of arbitrary text
 * loads it through the compiler, requests run against it.  The sanitizers
 * and libFuzzer's timeout are the oracle.
 *
 * Built and run by `make fuzz-lsp` (build-fuzz/, FUZZ_SECONDS); seeds in
 * tests/fuzz/corpus-fuzz_lsp/.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp.h"
#include "lsp_rpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Frames everything, pushed in pieces of `step` bytes (0: whole); returns
 * a summary: messages and their kinds, as text. */
static size_t frame(const uint8_t *data, size_t size, size_t step,
                    char *kinds, size_t cap) {
  jx_rpc_reader r;
  jx_rpc_reader_init(&r);
  size_t n = 0;
  for (size_t at = 0; at <= size;) {
    size_t k = step && size - at > step ? step : size - at;
    jx_rpc_push(&r, (const char *)data + at, k);
    at += k;
    for (;;) {
      json_t *m;
      jx_rpc_status st = jx_rpc_take(&r, &m, NULL);
      if (st == JX_RPC_NEED_MORE)
        break;
      if (n < cap)
        kinds[n] = (char)('0' + st);
      n++;
      json_decref(m);
    }
    if (k == 0)
      break;
  }
  jx_rpc_reader_free(&r);
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 60000) /* the pipe below must take it all at once */
    return 0;
  char a[256], b[256];
  size_t na = frame(data, size, 0, a, sizeof a);
  size_t step = size ? (size_t)data[0] % 17 + 1 : 1;
  size_t nb = frame(data, size, step, b, sizeof b);
  /* The same messages whatever the reads were (a header block cut short
   * by the size limit may be judged differently, so only when small). */
  if (size < 4000 &&
      (na != nb || memcmp(a, b, na < sizeof a ? na : sizeof a) != 0))
    abort();

  int p[2];
  if (pipe(p) != 0)
    return 0;
  if (write(p[1], data, size) != (ssize_t)size) {
    close(p[0]);
    close(p[1]);
    return 0;
  }
  close(p[1]);
  int devnull = open("/dev/null", O_WRONLY);
  jx_lsp_serve(p[0], devnull, JX_LANG_EN, false);
  close(devnull);
  close(p[0]);
  return 0;
}
