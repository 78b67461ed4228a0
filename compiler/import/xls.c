/*
 * xls.c — a legacy Excel workbook (BIFF, .xls) into the grid, with freexl.
 *
 * freexl reads only from a path, so bytes in memory (standard input) go
 * through a temporary file that is removed at once.  freexl does not
 * report merged ranges: in a .xls a merged value sits in the range's first
 * cell and the others are blank, which the recognisers read as "same as
 * above" anyway.  Nor does it report number formats other than dates: a
 * percentage cell arrives as its fraction (0.25), which the schedule
 * reader recognises (docs/import.md).  Numbers arrive as doubles and are
 * turned at once into the shortest decimal text that reads back the same.
 *
 * freexl runs in a child process (below): a flaw of it that a crafted file
 * reaches can make the import fail, not jxc.
 */
#include "import_impl.h"

#ifndef JX_NO_FREEXL /* the Windows build: docs/windows.md */
#include <errno.h>
#include <fcntl.h>
#include <freexl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Built with AddressSanitizer (the tests' second run, the fuzzers): a
 * report in the child is the child's end, not the run's (a fuzzer's death
 * callback would record it as a crash of jxc). */
#if defined(__SANITIZE_ADDRESS__)
#define JX_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JX_SANITIZED 1
#endif
#endif
#ifdef JX_SANITIZED
#include <sanitizer/common_interface_defs.h>
#endif

static int read_handle(im_book *b, const void *h) {
  unsigned int count = 0, pw = 0;
  unsigned long long area = 0; /* of the sheets so far */
  if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &pw) == FREEXL_OK &&
      pw == FREEXL_BIFF_OBFUSCATED)
    return jx_im_fail(b, JX_E_IMPORT_XLS_PASSWORD, NULL);
  if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK ||
      count == 0)
    return jx_im_fail(b, JX_E_IMPORT_NO_SHEET, NULL);
  for (unsigned short i = 0; i < count && i < JX_IM_MAX_SHEETS; i++) {
    const char *name = NULL;
    char fallback[32];
    if (freexl_get_worksheet_name(h, i, &name) != FREEXL_OK || !name ||
        !jx_im_utf8_valid(name, strlen(name))) {
      snprintf(fallback, sizeof fallback, "Sheet%u", (unsigned)i + 1);
      name = fallback;
    }
    im_sheet *s = jx_im_add_sheet(b, name, strlen(name));
    if (!s)
      return -1;
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_select_active_worksheet(h, i) != FREEXL_OK ||
        freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
      return jx_im_fail(b, JX_E_IMPORT_XLS_SHEET, s->name, NULL);
    char nr[24], nc[24];
    /* freexl has no list of the cells that hold something: each cell of
     * the areas it reports is asked for, so the areas are the work (a
     * 5 KB file claiming sheets of millions of cells took seconds) */
    area += (unsigned long long)rows * cols;
    if (area > JX_IM_MAX_CELLS || rows > JX_IM_MAX_ROWS)
      return jx_im_fail(b, JX_E_IMPORT_BIG_XLS, s->name, jx_im_num(nr, rows),
                        jx_im_num(nc, cols), NULL);
    for (unsigned int r = 0; r < rows && cols > 0; r++)
      for (unsigned short c = 0; c < cols; c++) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
          continue;
        char buf[128];
        const char *text = buf;
        im_kind kind = IM_TEXT;
        switch (v.type) {
        case FREEXL_CELL_INT:
          snprintf(buf, sizeof buf, "%d", v.value.int_value);
          kind = IM_NUMBER;
          break;
        case FREEXL_CELL_DOUBLE:
          jx_im_shortest(v.value.double_value, buf, sizeof buf);
          kind = v.value.double_value == v.value.double_value ? IM_NUMBER
                                                              : IM_ERROR;
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
          text = v.value.text_value ? v.value.text_value : "";
          if (!jx_im_utf8_valid(text, strlen(text))) {
            text = "#VALUE!"; /* text in an unknown encoding */
            kind = IM_ERROR;
          }
          break;
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          text = v.value.text_value ? v.value.text_value : "";
          kind = IM_DATE;
          break;
        default:
          continue;
        }
        if (*text &&
            !jx_im_put(b, s, r + 1, (uint32_t)c + 1, kind, text, strlen(text)))
          return -1;
      }
  }
  return 0;
}

/* ---- freexl in a child process ------------------------------------------
 *
 * freexl 1.0.6 reads past a buffer of its own on a crafted file (the .xls
 * fuzzer found a stack over-read in its UTF-16 conversion within seconds),
 * and nothing in the file can be checked before it without a parser of our
 * own.  So freexl runs in a child: the cells it gives come back through a
 * pipe as records, and the grid is built here from them, every limit
 * checked again.  A child that dies, overruns its time or says nothing is
 * a file that cannot be read (import-unreadable), never a crash of jxc.
 */

/* How long freexl may take over one file. */
#define JX_IM_XLS_SECONDS 60

typedef struct wire {
  int fd;
  bool failed;
} wire;

static void put_bytes(wire *w, const void *p, size_t n) {
  const char *c = p;
  while (n > 0 && !w->failed) {
    ssize_t k = write(w->fd, c, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0) {
      w->failed = true;
      return;
    }
    c += k;
    n -= (size_t)k;
  }
}

static void put_u32(wire *w, uint32_t v) {
  put_bytes(w, &v, sizeof v);
}

static void put_str(wire *w, const char *s) {
  uint32_t n = (uint32_t)strlen(s);
  put_u32(w, n);
  put_bytes(w, s, n);
}

/* The child's book as records: 'S' a sheet, 'C' a cell, 'F' the failure,
 * 'E' the end. */
static void send_book(wire *w, const im_book *cb) {
  if (cb->failed) {
    put_bytes(w, "F", 1);
    put_u32(w, (uint32_t)cb->fail_id);
    put_u32(w, (uint32_t)cb->fail_n);
    for (int i = 0; i < cb->fail_n; i++)
      put_str(w, cb->fail_args[i]);
    put_u32(w, cb->fail_has_err);
    put_u32(w, (uint32_t)cb->fail_err);
  } else {
    for (size_t s = 0; s < cb->n_sheets; s++) {
      const im_sheet *sh = &cb->sheets[s];
      put_bytes(w, "S", 1);
      put_str(w, sh->name);
      for (size_t i = 0; i < sh->n; i++) {
        put_bytes(w, "C", 1);
        put_u32(w, sh->cells[i].row);
        put_u32(w, sh->cells[i].col);
        put_u32(w, (uint32_t)sh->cells[i].kind);
        put_str(w, sh->cells[i].text);
      }
    }
  }
  put_bytes(w, "E", 1);
}

static void child(const char *path, const char *name, int fd) {
  /* nothing of freexl's (or a sanitizer's) on jxc's standard error */
  int null = open("/dev/null", O_WRONLY);
  if (null >= 0)
    dup2(null, STDERR_FILENO);
  /* A fault or the alarm ends the child, whatever handlers the parent
   * has (a fuzzer's, a sanitizer's): the parent reports the file. */
  static const int ends[] = {SIGALRM, SIGSEGV, SIGBUS, SIGFPE, SIGILL};
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
    sigaction(ends[i], &dfl, NULL);
#ifdef JX_SANITIZED
  __sanitizer_set_death_callback(NULL);
#endif
  alarm(JX_IM_XLS_SECONDS);
  im_book cb;
  jx_im_book_init(&cb, name, IM_SRC_SHEET);
  const void *h = NULL;
  if (freexl_open(path, &h) != FREEXL_OK)
    jx_im_fail(&cb, JX_E_IMPORT_XLS, NULL);
  else
    read_handle(&cb, h);
  wire w = {fd, false};
  send_book(&w, &cb);
  _exit(w.failed ? 1 : 0); /* no atexit handlers of the parent's */
}

/* Reading the child's records back. */
typedef struct reader {
  const char *p, *end;
  bool bad;
} reader;

static bool get_bytes(reader *r, void *out, size_t n) {
  if (r->bad || (size_t)(r->end - r->p) < n) {
    r->bad = true;
    return false;
  }
  memcpy(out, r->p, n);
  r->p += n;
  return true;
}

static uint32_t get_u32(reader *r) {
  uint32_t v = 0;
  get_bytes(r, &v, sizeof v);
  return v;
}

/* A string of the record (not NUL-terminated in the stream): its start
 * and length, or NULL. */
static const char *get_str(reader *r, uint32_t *n) {
  *n = get_u32(r);
  if (r->bad || (size_t)(r->end - r->p) < *n) {
    r->bad = true;
    return NULL;
  }
  const char *s = r->p;
  r->p += *n;
  return s;
}

static int rebuild(im_book *b, const char *data, size_t n) {
  reader r = {data, data + n, false};
  im_sheet *sh = NULL;
  for (;;) {
    char tag = 0;
    if (!get_bytes(&r, &tag, 1))
      break;
    uint32_t len;
    const char *s;
    if (tag == 'E') {
      return 0;
    } else if (tag == 'S') {
      if (!(s = get_str(&r, &len)) || !(sh = jx_im_add_sheet(b, s, len)))
        return -1;
    } else if (tag == 'C' && sh) {
      uint32_t row = get_u32(&r), col = get_u32(&r), kind = get_u32(&r);
      if (!(s = get_str(&r, &len)) || kind > IM_ERROR ||
          !jx_im_utf8_valid(s, len))
        break;
      if (!jx_im_put(b, sh, row, col, (im_kind)kind, s, len) && b->failed)
        return -1;
    } else if (tag == 'F') {
      uint32_t id = get_u32(&r), k = get_u32(&r);
      char args[4][128] = {"", "", "", ""};
      for (uint32_t i = 0; i < k && i < 4; i++) {
        s = get_str(&r, &len);
        if (s)
          snprintf(args[i], sizeof args[i], "%.*s", (int)len, s);
      }
      uint32_t has_err = get_u32(&r), err = get_u32(&r);
      if (r.bad || id >= JX_DIAG_COUNT || k > 4)
        break;
      const char *a[5] = {NULL, NULL, NULL, NULL, NULL};
      for (uint32_t i = 0; i < k; i++)
        a[i] = args[i];
      if (has_err)
        jx_im_fail_errno(b, (jx_diag_id)id, (int)err, a[0], a[1], a[2], a[3],
                         NULL);
      else
        jx_im_fail(b, (jx_diag_id)id, a[0], a[1], a[2], a[3], NULL);
      return -1;
    } else {
      break;
    }
  }
  /* cut short or garbled: the child died on the way */
  return jx_im_fail(b, JX_E_IMPORT_XLS, NULL);
}

/* Runs freexl on path in a child and builds b from what it sends. */
static int read_isolated(im_book *b, const char *path) {
  int fds[2];
  if (pipe(fds) != 0)
    return jx_im_fail_errno(b, JX_E_IMPORT_XLS_CHILD, errno, NULL);
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    close(fds[0]);
    close(fds[1]);
    return jx_im_fail_errno(b, JX_E_IMPORT_XLS_CHILD, err, NULL);
  }
  if (pid == 0) {
    close(fds[0]);
    child(path, b->path, fds[1]);
  }
  close(fds[1]);
  /* what the limits allow, and the records' own bytes around it */
  size_t cap = 1 << 16, len = 0,
         max = (size_t)JX_IM_MAX_TEXT + 16 * (size_t)JX_IM_MAX_CELLS;
  char *buf = jx_xmalloc(cap);
  for (;;) {
    if (len == cap) {
      if (cap >= max)
        break;
      cap *= 2;
      buf = jx_xrealloc(buf, cap);
    }
    ssize_t k = read(fds[0], buf + len, cap - len);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      break;
    len += (size_t)k;
  }
  close(fds[0]);
  if (len >= max) /* more than any book within the limits */
    kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  int rc = WIFEXITED(status) && WEXITSTATUS(status) == 0
               ? rebuild(b, buf, len)
               : jx_im_fail(b, JX_E_IMPORT_XLS, NULL);
  free(buf);
  return rc;
}

int jx_im_read_xls(im_book *b, const char *data, size_t n) {
  const char *dir = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/jxc-import-XXXXXX",
           dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd < 0)
    return jx_im_fail_errno(b, JX_E_IMPORT_XLS_TEMP, errno, NULL);
  size_t off = 0;
  int err = 0;
  while (off < n) {
    ssize_t k = write(fd, data + off, n - off);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0) {
      err = k < 0 ? errno : ENOSPC;
      break;
    }
    off += (size_t)k;
  }
  close(fd);
  int rc = off < n ? jx_im_fail_errno(b, JX_E_IMPORT_XLS_TEMP, err, NULL)
                   : read_isolated(b, path);
  unlink(path);
  if (rc == 0)
    rc = jx_im_book_finish(b);
  return b->failed ? -1 : rc;
}
#else
/* Built without freexl: the Windows build, where the child process that
 * keeps freexl's flaws away from jxc (fork) does not exist, and freexl
 * is not run in jxc's own process (docs/windows.md). */
int jx_im_read_xls(im_book *b, const char *data, size_t n) {
  (void)data, (void)n;
  return jx_im_fail(b, JX_E_IMPORT_NOT_BUILT, "freexl", NULL);
}
#endif
