/*
 * failread.c — an LD_PRELOAD shim that makes read(2) fail part-way, for the
 * golden cases that prove a read error is never taken for the end of the
 * input (tests/golden/io-*).  Built by the Makefile as $(B)/failread.so:
 *
 *   JX_FAILREAD_AFTER=N   let the first N bytes through (over all reads of
 *                         the process), then fail every read
 *   JX_FAILREAD_MODE=eio  fail with EIO (the default), or
 *                    eof  pretend the input ended there (a short file)
 *
 * Without JX_FAILREAD_AFTER, read() is untouched.  Under AddressSanitizer
 * the shim loads only with ASAN_OPTIONS=verify_asan_link_order=0; its
 * read() then hands over to ASan's, which hands over to the C library's.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ssize_t read(int fd, void *buf, size_t n);

static ssize_t (*real_read)(int, void *, size_t);
static long long left = -1; /* bytes still allowed; -1: no limit */
static int eof_mode;

static void init(void) {
  if (real_read)
    return;
  real_read = (ssize_t(*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
  const char *after = getenv("JX_FAILREAD_AFTER");
  const char *mode = getenv("JX_FAILREAD_MODE");
  if (after && *after)
    left = atoll(after);
  eof_mode = mode && strcmp(mode, "eof") == 0;
}

ssize_t read(int fd, void *buf, size_t n) {
  init();
  if (left < 0)
    return real_read(fd, buf, n);
  if (left == 0) {
    if (eof_mode)
      return 0;
    errno = EIO;
    return -1;
  }
  if ((long long)n > left)
    n = (size_t)left;
  ssize_t r = real_read(fd, buf, n);
  if (r > 0)
    left -= r;
  return r;
}
