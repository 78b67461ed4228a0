/*
 * test_golden.c — the data-driven golden tests, one cmocka test per case.
 *
 * A case comes in one of two shapes.
 *
 * A case file tests/cases/NAME.txtar (the txtar format of Go and CUE): a
 * free-text comment, then sections, each starting with a line "-- NAME --":
 *   cmd     one line: the arguments to jxc (double quotes group words), or
 *           "! shell command" run by /bin/sh with $JXC set to the binary
 *   stdin   fed to standard input               (absent: /dev/null)
 *   stdout  the exact expected standard output  (absent: empty)
 *   stderr  the exact expected standard error   (absent: empty)
 *   status  the expected exit status            (absent: 0)
 *   any other name is an input file, written into a fresh directory that
 *   the command runs in, so diagnostics read input.jx:3:5.
 * Every section holds whole lines; a case whose input or output does not end
 * with a line break (or holds a line that looks like a section marker)
 * cannot be a case file.  Rule tests are case files: adding one is adding a
 * few lines.
 *
 * A case directory tests/golden/NAME/ holds the same parts as files (cmd,
 * stdout, stderr, status, stdin) and runs from the repository root, so
 * paths read tests/golden/NAME/input.jx.  It is for what a case file cannot
 * hold: exact bytes (bad UTF-8, no final newline, CRLF) and commands over
 * the repository's own files.
 *
 * A case that cannot run here (it needs root, or a binary that runs under
 * `ulimit -v`, which sanitizers and valgrind do not) exits with status 77,
 * as in automake, after saying why on stderr; it is reported as skipped,
 * with that reason.  jxc itself never exits 77.
 *
 * JX_GOLDEN_LIST=FILE runs only the cases FILE names, one a line (# starts
 * a comment): `make test-windows` runs the Windows jxc.exe under Wine on
 * the cases in tests/windows/cases.txt.
 *
 * Commands run with NO_COLOR=1 and LC_ALL=C.UTF-8, $JXC an absolute path to
 * the binary and $ROOT the repository root.  A failing case prints a
 * unified diff.  JX_UPDATE_GOLDEN=1 rewrites the expected parts from what
 * jxc does now (review them before committing).
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
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
#define CASES_DIR "tests/cases"
#define MAX_ARGS 64

static char root[PATH_MAX]; /* the repository root, absolute */
static char jxc[PATH_MAX];  /* $JXC made absolute */
static bool update;         /* JX_UPDATE_GOLDEN */

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

static bool write_file(const char *path, const char *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return false;
  bool ok = fwrite(data, 1, n, f) == n;
  return fclose(f) == 0 && ok;
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

/* Runs one command line (see the file comment) in directory cwd, with
 * stdin_path (NULL: /dev/null) as its standard input. */
static void run(const char *cmdline, const char *cwd, const char *stdin_path,
                run_result *r) {
  char *cmd = strdup(cmdline);
  cmd[strcspn(cmd, "\n")] = '\0';
  char out_path[] = "/tmp/jx-golden-out-XXXXXX";
  char err_path[] = "/tmp/jx-golden-err-XXXXXX";
  int out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
  assert_true(out_fd >= 0 && err_fd >= 0);
  int in_fd = stdin_path ? open(stdin_path, O_RDONLY) : -1;
  if (in_fd < 0)
    in_fd = open("/dev/null", O_RDONLY);

  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    if (chdir(cwd) != 0)
      _exit(126);
    setenv("NO_COLOR", "1", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("JXC", jxc, 1);
    setenv("ROOT", root, 1);
    if (cmd[0] == '!') {
      execl("/bin/sh", "sh", "-c", cmd + 1, (char *)NULL);
    } else {
      char *argv[MAX_ARGS + 1];
      argv[0] = jxc;
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

/* Compares what a stream gave with what was expected (want NULL: empty);
 * prints a unified diff under `label` when they differ. */
static bool same(const char *label, const char *want, size_t want_len,
                 const char *got, size_t got_len) {
  if (want ? (want_len == got_len && memcmp(want, got, got_len) == 0)
           : got_len == 0)
    return true;
  char a[] = "/tmp/jx-golden-want-XXXXXX", b[] = "/tmp/jx-golden-got-XXXXXX";
  int fa = mkstemp(a), fb = mkstemp(b);
  if (fa >= 0 && fb >= 0 && write(fa, want ? want : "", want_len) >= 0 &&
      write(fb, got, got_len) >= 0) {
    char diff[256];
    snprintf(diff, sizeof diff, "diff -u %s %s >&2", a, b);
    fprintf(stderr, "--- %s differs (expected, then actual):\n", label);
    fflush(stderr);
    if (system(diff) < 0)
      perror("system");
  }
  if (fa >= 0)
    close(fa), unlink(a);
  if (fb >= 0)
    close(fb), unlink(b);
  return false;
}

/* A case that exited 77 is skipped (see the file comment). */
static bool skipped(const char *name, run_result *r) {
  if (r->status != 77)
    return false;
  fprintf(stderr, "--- %s skipped: %.*s", name, (int)r->err_len, r->err);
  free(r->out);
  free(r->err);
  return true;
}

/* ---- case directories ------------------------------------------------- */

/* Compares one stream with DIR/NAME; rewrites the file when updating. */
static bool same_file(const char *dir, const char *name, const char *got,
                      size_t got_len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  size_t want_len = 0;
  char *want = read_file(path, &want_len);
  bool ok;
  if (update) {
    ok = true;
    if (got_len == 0)
      unlink(path);
    else if (!want || want_len != got_len || memcmp(want, got, got_len) != 0)
      ok = write_file(path, got, got_len);
  } else {
    ok = same(path, want, want_len, got, got_len);
  }
  free(want);
  return ok;
}

static void dir_case(void **state) {
  const char *dir = *state;
  char path[4096];
  snprintf(path, sizeof path, "%s/cmd", dir);
  char *cmd = read_file(path, NULL);
  assert_non_null(cmd);
  snprintf(path, sizeof path, "%s/stdin", dir);
  run_result r;
  run(cmd, root, path, &r);
  free(cmd);
  if (skipped(dir, &r)) {
    skip();
    return; /* skip() does not return; the compiler does not know that */
  }

  bool ok = same_file(dir, "stdout", r.out, r.out_len);
  ok &= same_file(dir, "stderr", r.err, r.err_len);
  snprintf(path, sizeof path, "%s/status", dir);
  char *want = read_file(path, NULL);
  int want_status = want ? atoi(want) : 0;
  free(want);
  if (r.status != want_status) {
    if (update) {
      char buf[32];
      snprintf(buf, sizeof buf, "%d\n", r.status);
      if (r.status)
        write_file(path, buf, strlen(buf));
      else
        unlink(path);
    } else {
      fprintf(stderr, "--- %s: exit status %d, expected %d\n", dir, r.status,
              want_status);
      ok = false;
    }
  }
  free(r.out);
  free(r.err);
  assert_true(ok);
}

/* ---- case files (txtar) ----------------------------------------------- */

typedef struct section {
  char *name;
  char *data; /* points into the case file's buffer */
  size_t len;
} section;

typedef struct txtar {
  char *buf;
  size_t comment_len; /* the comment is buf[0..comment_len) */
  section *s;
  size_t n;
} txtar;

/* "-- NAME --" at p (a whole line of n bytes): the name, or NULL. */
static char *marker(const char *p, size_t n) {
  if (n < 7 || memcmp(p, "-- ", 3) != 0 || memcmp(p + n - 3, " --", 3) != 0)
    return NULL;
  return strndup(p + 3, n - 6);
}

static bool txtar_read(const char *path, txtar *t) {
  memset(t, 0, sizeof *t);
  size_t len;
  t->buf = read_file(path, &len);
  if (!t->buf)
    return false;
  char *p = t->buf, *end = t->buf + len;
  section *cur = NULL;
  t->comment_len = len;
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *next = nl ? nl + 1 : end;
    char *name = marker(p, (size_t)((nl ? nl : end) - p));
    if (name) {
      if (!cur)
        t->comment_len = (size_t)(p - t->buf);
      else
        cur->len = (size_t)(p - cur->data);
      t->s = realloc(t->s, (t->n + 1) * sizeof *t->s);
      cur = &t->s[t->n++];
      cur->name = name;
      cur->data = next;
      cur->len = 0;
    }
    p = next;
  }
  if (cur)
    cur->len = (size_t)(end - cur->data);
  return true;
}

static void txtar_free(txtar *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->s[i].name);
  free(t->s);
  free(t->buf);
}

static const section *txtar_get(const txtar *t, const char *name) {
  for (size_t i = 0; i < t->n; i++)
    if (strcmp(t->s[i].name, name) == 0)
      return &t->s[i];
  return NULL;
}

static bool is_expected(const char *name) {
  return strcmp(name, "stdout") == 0 || strcmp(name, "stderr") == 0 ||
         strcmp(name, "status") == 0;
}

/* Writes the case's input files into dir.  Names are relative paths
 * without "..": a case cannot write outside its directory. */
static bool write_inputs(const txtar *t, const char *dir) {
  for (size_t i = 0; i < t->n; i++) {
    const section *s = &t->s[i];
    if (is_expected(s->name) || strcmp(s->name, "cmd") == 0)
      continue;
    if (s->name[0] == '/' || strstr(s->name, "..")) {
      fprintf(stderr, "--- bad input file name '%s'\n", s->name);
      return false;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, s->name);
    for (char *q = path + strlen(dir) + 1; (q = strchr(q, '/')); q++) {
      *q = '\0';
      mkdir(path, 0777);
      *q = '/';
    }
    if (!write_file(path, s->data, s->len))
      return false;
  }
  return true;
}

static void remove_tree(const char *dir) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0)
    fprintf(stderr, "--- could not remove %s\n", dir);
}

/* Appends one section to f, refusing what a case file cannot hold. */
static bool put_section(FILE *f, const char *path, const char *name,
                        const char *data, size_t len) {
  if (len && data[len - 1] != '\n') {
    fprintf(stderr,
            "--- %s: %s does not end with a line break: this case "
            "must be a directory under " GOLDEN_DIR "\n",
            path, name);
    return false;
  }
  for (const char *p = data; p < data + len;) {
    const char *nl = memchr(p, '\n', (size_t)(data + len - p));
    char *m = marker(p, (size_t)(nl - p));
    if (m) {
      free(m);
      fprintf(stderr, "--- %s: %s holds a section marker line\n", path, name);
      return false;
    }
    p = nl + 1;
  }
  fprintf(f, "-- %s --\n", name);
  fwrite(data, 1, len, f);
  return true;
}

/* Rewrites the case file with what jxc does now: comment, cmd, inputs in
 * their order, then stdout, stderr and status when not empty/0. */
static bool txtar_update(const char *path, const txtar *t,
                         const run_result *r) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.new", path);
  FILE *f = fopen(tmp, "wb");
  if (!f)
    return false;
  bool ok = fwrite(t->buf, 1, t->comment_len, f) == t->comment_len;
  for (size_t i = 0; i < t->n && ok; i++)
    if (!is_expected(t->s[i].name))
      ok = put_section(f, path, t->s[i].name, t->s[i].data, t->s[i].len);
  if (ok && r->out_len)
    ok = put_section(f, path, "stdout", r->out, r->out_len);
  if (ok && r->err_len)
    ok = put_section(f, path, "stderr", r->err, r->err_len);
  if (ok && r->status)
    fprintf(f, "-- status --\n%d\n", r->status);
  ok = fclose(f) == 0 && ok;
  if (ok)
    ok = rename(tmp, path) == 0;
  else
    unlink(tmp);
  return ok;
}

static void file_case(void **state) {
  const char *path = *state;
  txtar t;
  assert_true(txtar_read(path, &t));
  const section *cmd = txtar_get(&t, "cmd");
  if (!cmd)
    fprintf(stderr, "--- %s has no cmd section\n", path);
  assert_non_null(cmd);

  char dir[] = "/tmp/jx-case-XXXXXX";
  assert_non_null(mkdtemp(dir));
  bool ok = write_inputs(&t, dir);
  char stdin_path[4200];
  snprintf(stdin_path, sizeof stdin_path, "%s/stdin", dir);
  char *cmdline = strndup(cmd->data, cmd->len);
  run_result r = {0};
  if (ok)
    run(cmdline, dir, txtar_get(&t, "stdin") ? stdin_path : NULL, &r);
  free(cmdline);
  remove_tree(dir);
  if (ok && skipped(path, &r)) {
    txtar_free(&t);
    skip();
    return;
  }

  if (ok && update) {
    ok = txtar_update(path, &t, &r);
  } else if (ok) {
    const section *o = txtar_get(&t, "stdout"), *e = txtar_get(&t, "stderr"),
                  *st = txtar_get(&t, "status");
    char label[4200];
    snprintf(label, sizeof label, "%s: stdout", path);
    ok &= same(label, o ? o->data : NULL, o ? o->len : 0, r.out, r.out_len);
    snprintf(label, sizeof label, "%s: stderr", path);
    ok &= same(label, e ? e->data : NULL, e ? e->len : 0, r.err, r.err_len);
    int want_status = st ? atoi(st->data) : 0;
    if (r.status != want_status) {
      fprintf(stderr, "--- %s: exit status %d, expected %d\n", path, r.status,
              want_status);
      ok = false;
    }
  }
  free(r.out);
  free(r.err);
  txtar_free(&t);
  assert_true(ok);
}

/* ---- collecting the cases --------------------------------------------- */

typedef struct found {
  char *path;
  char *name; /* the case's name: its directory, or its file without .txtar */
  bool is_file;
} found;

static int by_name(const void *a, const void *b) {
  return strcmp(((const found *)a)->name, ((const found *)b)->name);
}

/* Adds the cases under dir: directories with a cmd, or NAME.txtar files. */
static void collect(const char *dir, bool files, found **v, size_t *n,
                    size_t *cap) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    char path[4096];
    struct stat st;
    size_t len = strlen(e->d_name);
    if (files) {
      if (len < 7 || strcmp(e->d_name + len - 6, ".txtar") != 0)
        continue;
    } else {
      snprintf(path, sizeof path, "%s/%s/cmd", dir, e->d_name);
      if (stat(path, &st) != 0)
        continue;
    }
    if (*n == *cap)
      *v = realloc(*v, (*cap = *cap ? 2 * *cap : 64) * sizeof **v);
    found *f = &(*v)[(*n)++];
    size_t plen = strlen(dir) + len + 2;
    f->path = malloc(plen);
    snprintf(f->path, plen, "%s/%s", dir, e->d_name);
    f->name = strndup(e->d_name, files ? len - 6 : len);
    f->is_file = files;
  }
  closedir(d);
}

/* Whether name is a line of the list (a NUL-separated set of names). */
static bool listed(const char *list, size_t len, const char *name) {
  for (size_t i = 0; i < len; i += strlen(list + i) + 1)
    if (strcmp(list + i, name) == 0)
      return true;
  return false;
}

/* The names in the JX_GOLDEN_LIST file, NUL-separated, or NULL (all). */
static char *read_list(const char *path, size_t *len) {
  char *text = read_file(path, len);
  if (!text) {
    fprintf(stderr, "test_golden: %s: %s\n", path, strerror(errno));
    exit(1);
  }
  size_t o = 0;
  for (char *line = text, *next; *line; line = next) {
    next = line + strcspn(line, "\n");
    if (*next)
      *next++ = '\0';
    char *hash = strchr(line, '#');
    if (hash)
      *hash = '\0';
    line += strspn(line, " \t");
    size_t k = strcspn(line, " \t\r");
    if (k) {
      memmove(text + o, line, k);
      text[o + k] = '\0';
      o += k + 1;
    }
  }
  *len = o;
  return text;
}

int main(void) {
  if (!getcwd(root, sizeof root) || access(GOLDEN_DIR, F_OK) != 0) {
    fprintf(stderr, "test_golden: run from the repository root\n");
    return 1;
  }
  /* Case files run in a directory of their own, so the binary's path must
   * not depend on the working directory. */
  const char *j = getenv("JXC");
  if (!realpath(j ? j : "build/jxc", jxc)) {
    fprintf(stderr, "test_golden: %s: %s\n", j ? j : "build/jxc",
            strerror(errno));
    return 1;
  }
  update = getenv("JX_UPDATE_GOLDEN") != NULL;
  const char *list_path = getenv("JX_GOLDEN_LIST");
  size_t list_len = 0;
  char *list = list_path ? read_list(list_path, &list_len) : NULL;

  found *v = NULL;
  size_t n = 0, cap = 0;
  collect(GOLDEN_DIR, false, &v, &n, &cap);
  collect(CASES_DIR, true, &v, &n, &cap);
  if (list) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
      if (listed(list, list_len, v[i].name)) {
        v[k++] = v[i];
      } else {
        free(v[i].path);
        free(v[i].name);
      }
    }
    n = k;
    /* A name that is no case would silently test nothing. */
    for (size_t i = 0; i < list_len; i += strlen(list + i) + 1) {
      bool found_it = false;
      for (size_t c = 0; c < n && !found_it; c++)
        found_it = strcmp(v[c].name, list + i) == 0;
      if (!found_it) {
        fprintf(stderr, "test_golden: %s names no case: %s\n", list_path,
                list + i);
        return 1;
      }
    }
    free(list);
  }
  if (n)
    qsort(v, n, sizeof *v, by_name);

  struct CMUnitTest *tests = calloc(n ? n : 1, sizeof *tests);
  for (size_t i = 0; i < n; i++) {
    tests[i].name = v[i].name;
    tests[i].test_func = v[i].is_file ? file_case : dir_case;
    tests[i].initial_state = v[i].path;
  }
  int rc = _cmocka_run_group_tests("golden", tests, n, NULL, NULL);
  for (size_t i = 0; i < n; i++) {
    free(v[i].path);
    free(v[i].name);
  }
  free(v);
  free(tests);
  return rc;
}
