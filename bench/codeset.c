/*
 * codeset.c — jx-codeset: the checker's set of project codes
 * (compiler/check/chk_set.c) at national scale, alone: adds N distinct
 * codes shaped like the seed's (130304, the year, 13 of [0-9A-Z]; 21
 * bytes) or, with -c, like the card generator's (16 digits), each with a
 * place, then looks every tenth one up again and prints the set's bytes a
 * code (in memory: the entries past 1 MiB go to a temporary file).  Run
 * under `/usr/bin/time -v` for the peak RSS
 * (docs/performance.md, "The code set").
 *
 *   jx-codeset [-c] [N]        (N: 12000000)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_state.h"

int main(int argc, char **argv) {
  bool card = argc > 1 && strcmp(argv[1], "-c") == 0;
  uint64_t n = argc > 1 + card ? strtoull(argv[1 + card], NULL, 10) : 12000000;
  static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  jx_chk_set s;
  jx_chk_set_init(&s);
  char buf[32];
  for (int pass = 0; pass < 2; pass++)
    for (uint64_t i = 0; i < n; i += pass ? 10 : 1) {
      size_t len;
      /* An affine bijection of i: distinct codes, nothing remembered. */
      uint64_t x = i * 2654435761u + 12345;
      memcpy(buf, "13030421", 8);
      if (card) {
        snprintf(buf + 8, 9, "%08" PRIu64, (i * 7919 + 13) % 100000000);
        len = 16;
      } else {
        for (int k = 0; k < 13; k++, x /= 36)
          buf[8 + k] = digits[x % 36];
        len = 21;
      }
      jx_loc l = {i * 460, (uint32_t)(i * 9 + 3), 3, (uint32_t)len, 0};
      const jx_loc *first = jx_chk_set_add(&s, buf, len, l);
      if ((first != NULL) != (pass == 1) || (first && first->line != l.line)) {
        fprintf(stderr, "jx-codeset: wrong answer for code %" PRIu64 "\n", i);
        return 1;
      }
    }
  uint64_t entries = s.spilled + s.n_bytes;
  printf("%" PRIu64 " codes of %d bytes: %" PRIu64 " bytes of entries (%.1f a "
         "code, %" PRIu64 " of them in a temporary file), %zu slots (%.1f a "
         "code): %.1f bytes a code in memory\n",
         n, card ? 16 : 21, entries, (double)entries / (double)n, s.spilled,
         s.cap, 8.0 * (double)s.cap / (double)n,
         (double)(s.n_bytes + 8 * s.cap) / (double)n);
  jx_chk_set_free(&s);
  return 0;
}
