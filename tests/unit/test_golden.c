/*
 * test_golden.c — the data-driven golden tests, one cmocka test per case.
 *
 * A case is a directory tests/golden/NAME/ holding
 *   cmd     one line: the arguments to jxc (double quotes group words), or
 *           "! shell command" run by /bin/sh with $JXC set to the binary
 *   stdout  the exact expected standard output  (absent: empty)
 *   stderr  the exact expected standard error   (absent: empty)
 *   status  the expected exit status            (absent: 0)
 *   stdin   fed to standard input               (absent: /dev/null)
 * A "! shell command" that exits 77 (the automake convention) is skipped,
 * with its standard error shown: the tests that drive real clients
 * (LibreOffice, Chromium) do so when the client cannot be installed.
 * Commands run from the repository root with NO_COLOR=1 and LC_ALL=C.UTF-8,
 * so paths in diagnostics read tests/golden/NAME/input.jx.
 *
 * A failing case prints a unified diff.  JX_UPDATE_GOLDEN=1 rewrites the
 * expected files from what jxc does now (review them before committing).
 */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#define GOLDEN_DIR "tests/golden"
#define MAX_ARGS 64

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n < 2) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
  }
  fclose(f);
  buf[n] = '\0';
  if (len)
    *len = n;
  return buf;
}

static void write_file(const char *path, const char *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return;
  fwrite(data, 1, n, f);
  fclose(f);
}

/* Splits a command line on spaces; "double quotes" group. */
static int split_args(char *line, char **argv, int max) {
  int n = 0;
  char *p = line;
  while (*p && n < max - 1) {
    while (*p == ' ' || *p == '\t')
      p++;
    if (!*p)
      break;
    char *out = p;
    argv[n++] = out;
    while (*p && *p != ' ' && *p != '\t') {
      if (*p == '"') {
        p++;
        while (*p && *p != '"')
          *out++ = *p++;
        if (*p == '"')
          p++;
      } else {
        *out++ = *p++;
      }
    }
    if (*p)
      p++;
    *out = '\0';
  }
  argv[n] = NULL;
  return n;
}

typedef struct run_result {
  char *out, *err;
  size_t out_len, err_len;
  int status;
} run_result;

static void run_case(const char *dir, const char *jxc, run_result *r) {
  char path[4096];
  snprintf(path, sizeof path, "%s/cmd", dir);
  char *cmd = read_file(path, NULL);
  assert_non_null(cmd);
  cmd[strcspn(cmd, "\n")] = '\0';

  char out_path[] = "/tmp/jx-golden-out-XXXXXX";
  char err_path[] = "/tmp/jx-golden-err-XXXXXX";
  int out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
  assert_true(out_fd >= 0 && err_fd >= 0);
  snprintf(path, sizeof path, "%s/stdin", dir);
  int in_fd = open(path, O_RDONLY);
  if (in_fd < 0)
    in_fd = open("/dev/null", O_RDONLY);

  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    setenv("NO_COLOR", "1", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("JXC", jxc, 1);
    if (cmd[0] == '!') {
      execl("/bin/sh", "sh", "-c", cmd + 1, (char *)NULL);
    } else {
      char *argv[MAX_ARGS + 1];
      argv[0] = (char *)jxc;
      split_args(cmd, argv + 1, MAX_ARGS);
      execv(jxc, argv);
    }
    _exit(127);
  }
  int status;
  waitpid(pid, &status, 0);
  close(in_fd);
  close(out_fd);
  close(err_fd);
  r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r->out = read_file(out_path, &r->out_len);
  r->err = read_file(err_path, &r->err_len);
  unlink(out_path);
  unlink(err_path);
  free(cmd);
}

/* Compares one stream; prints a diff on mismatch and returns 0. */
static int same(const char *dir, const char *name, const char *got,
                size_t got_len, int update) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  size_t want_len = 0;
  char *want = read_file(path, &want_len);
  int ok = want ? (want_len == got_len && memcmp(want, got, got_len) == 0)
                : got_len == 0;
  if (!ok && update) {
    if (got_len == 0)
      unlink(path);
    else
      write_file(path, got, got_len);
    ok = 1;
  } else if (!ok) {
    char got_path[] = "/tmp/jx-golden-got-XXXXXX";
    int fd = mkstemp(got_path);
    if (fd >= 0) {
      if (write(fd, got, got_len) < 0)
        perror("write");
      close(fd);
      char diff[8192 + 64];
      snprintf(diff, sizeof diff, "diff -u %s %s >&2",
               want ? path : "/dev/null", got_path);
      fprintf(stderr, "--- %s/%s differs (expected, then actual):\n", dir,
              name);
      if (system(diff) < 0)
        perror("system");
      unlink(got_path);
    }
  }
  free(want);
  return ok;
}

static void golden_case(void **state) {
  const char *dir = *state;
  const char *jxc = getenv("JXC");
  if (!jxc)
    jxc = "build/jxc";
  int update = getenv("JX_UPDATE_GOLDEN") != NULL;
  run_result r;
  run_case(dir, jxc, &r);
  if (r.status == 77 && !update) {
    fprintf(stderr, "--- %s: %.*s", dir, (int)r.err_len, r.err);
    free(r.out);
    free(r.err);
    skip();
    return; /* skip() does not return; the compiler cannot know */
  }

  int ok = same(dir, "stdout", r.out, r.out_len, update);
  ok &= same(dir, "stderr", r.err, r.err_len, update);

  char path[4096], buf[32];
  snprintf(path, sizeof path, "%s/status", dir);
  char *want = read_file(path, NULL);
  int want_status = want ? atoi(want) : 0;
  free(want);
  if (r.status != want_status) {
    if (update) {
      snprintf(buf, sizeof buf, "%d\n", r.status);
      if (r.status)
        write_file(path, buf, strlen(buf));
      else
        unlink(path);
    } else {
      fprintf(stderr, "--- %s: exit status %d, expected %d\n", dir, r.status,
              want_status);
      ok = 0;
    }
  }
  free(r.out);
  free(r.err);
  assert_true(ok);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
  DIR *d = opendir(GOLDEN_DIR);
  if (!d) {
    fprintf(stderr, "test_golden: run from the repository root\n");
    return 1;
  }
  size_t n = 0, cap = 64;
  char **dirs = malloc(cap * sizeof *dirs);
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/cmd", GOLDEN_DIR, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0)
      continue;
    if (n == cap)
      dirs = realloc(dirs, (cap *= 2) * sizeof *dirs);
    size_t len = strlen(GOLDEN_DIR) + strlen(e->d_name) + 2;
    dirs[n] = malloc(len);
    snprintf(dirs[n], len, "%s/%s", GOLDEN_DIR, e->d_name);
    n++;
  }
  closedir(d);
  qsort(dirs, n, sizeof *dirs, by_name);

  struct CMUnitTest *tests = calloc(n ? n : 1, sizeof *tests);
  for (size_t i = 0; i < n; i++) {
    tests[i].name = dirs[i] + strlen(GOLDEN_DIR) + 1;
    tests[i].test_func = golden_case;
    tests[i].initial_state = dirs[i];
  }
  int rc = _cmocka_run_group_tests("golden", tests, n, NULL, NULL);
  for (size_t i = 0; i < n; i++)
    free(dirs[i]);
  free(dirs);
  free(tests);
  return rc;
}
