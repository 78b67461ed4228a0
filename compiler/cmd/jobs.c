/*
 * jobs.c — tasks N at a time in child processes, said in input order (see
 * jobs.h).  What crosses the pipe: a fixed header (status, counts, the
 * lengths), the diagnostics as the child rendered them, then the task's
 * data.
 */
#include "jobs.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32
#include <sys/wait.h>
#endif
#include <unistd.h>

#include "arena.h"

/* A task run here: its diagnostics go where d's go. */
static void run_here(const jx_tasks *t, int i, jx_diag *d, jx_task_out *out) {
  int e0 = jx_diag_errors(d), w0 = jx_diag_warnings(d);
  jx_diag_restart_cap(d);
  t->run(t->ud, i, d, out);
  jx_diag_flush(d);
  out->errors = jx_diag_errors(d) - e0;
  out->warnings = jx_diag_warnings(d) - w0;
}

#ifdef _WIN32
static int start_child(const jx_tasks *t, int i, jx_diag *d, pid_t *pid) {
  (void)t, (void)i, (void)d, (void)pid;
  return -1;
}
static bool collect(int fd, pid_t pid, jx_diag *d, jx_task_out *out) {
  (void)fd, (void)pid, (void)d, (void)out;
  return false;
}
#else
typedef struct report {
  int status, errors, warnings;
  size_t diag_len, data_len;
} report;

static void to_buffer(void *ud, const char *text, size_t n) {
  jx_sb_add(ud, text, n);
}

static bool write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n > 0) {
    ssize_t k = write(fd, c, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return false;
    c += k;
    n -= (size_t)k;
  }
  return true;
}

static bool read_all(int fd, void *p, size_t n) {
  char *c = p;
  while (n > 0) {
    ssize_t k = read(fd, c, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return false;
    c += k;
    n -= (size_t)k;
  }
  return true;
}

static void child(const jx_tasks *t, int i, jx_diag *d, int fd) {
  jx_strbuf said = {0};
  jx_diag_set_writer(d, to_buffer, &said);
  jx_task_out out;
  memset(&out, 0, sizeof out);
  run_here(t, i, d, &out);
  /* Zeroed whole: its padding goes down the pipe too (valgrind). */
  report rep;
  memset(&rep, 0, sizeof rep);
  rep.status = out.status;
  rep.errors = out.errors;
  rep.warnings = out.warnings;
  rep.diag_len = said.n;
  rep.data_len = out.data.n;
  bool ok = write_all(fd, &rep, sizeof rep) && write_all(fd, said.p, said.n) &&
            write_all(fd, out.data.p, out.data.n);
  _exit(ok ? 0 : 3);
}

/* Task i's report into *out, its diagnostics printed; false if there is
 * none (the task is then done here). */
static bool collect(int fd, pid_t pid, jx_diag *d, jx_task_out *out) {
  report rep;
  char *said = NULL, *data = NULL;
  bool ok = read_all(fd, &rep, sizeof rep) && rep.diag_len < SIZE_MAX / 2 &&
            rep.data_len < SIZE_MAX / 2;
  if (ok) {
    said = jx_xmalloc(rep.diag_len + 1);
    data = jx_xmalloc(rep.data_len + 1);
    ok = read_all(fd, said, rep.diag_len) && read_all(fd, data, rep.data_len);
  }
  close(fd);
  int st;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
    ;
  ok = ok && WIFEXITED(st) && WEXITSTATUS(st) == 0;
  if (ok) {
    jx_diag_write(d, said, rep.diag_len); /* SARIF: kept for its log */
    out->status = rep.status;
    out->errors = rep.errors;
    out->warnings = rep.warnings;
    jx_sb_add(&out->data, data, rep.data_len);
    jx_diag_add_counts(d, rep.errors, rep.warnings);
  }
  free(said);
  free(data);
  return ok;
}

/* Starts a child doing task i; its pipe's read end, or -1. */
static int start_child(const jx_tasks *t, int i, jx_diag *d, pid_t *pid) {
  int p[2];
  if (pipe(p) != 0)
    return -1;
  *pid = fork();
  if (*pid == 0) {
    close(p[0]);
    child(t, i, d, p[1]);
  }
  close(p[1]);
  if (*pid > 0)
    return p[0];
  close(p[0]);
  return -1;
}
#endif /* _WIN32 */

int jx_tasks_run(const jx_tasks *t, jx_diag *d) {
  int n = t->n, rc = 0;
  int *fd = jx_xmalloc((size_t)(n ? n : 1) * sizeof *fd);
  pid_t *pid = jx_xmalloc((size_t)(n ? n : 1) * sizeof *pid);
  jx_diag_flush(d);
  fflush(NULL); /* nothing buffered is written twice */
  int started = 0;
  for (int i = 0; i < n; i++) {
    while (t->jobs > 1 && started < n && started < i + t->jobs) {
      fd[started] = start_child(t, started, d, &pid[started]);
      started++;
    }
    jx_task_out out;
    memset(&out, 0, sizeof out);
    if (t->jobs <= 1 || fd[i] < 0 || !collect(fd[i], pid[i], d, &out)) {
      jx_sb_free(&out.data);
      memset(&out, 0, sizeof out);
      run_here(t, i, d, &out);
    }
    if (out.status > rc)
      rc = out.status;
    t->done(t->ud, i, &out);
    jx_sb_free(&out.data);
  }
  free(fd);
  free(pid);
  return rc;
}

int jx_jobs_option(jx_cmdline *cl, int key, int *jobs) {
  const char *v = jx_opt_last(cl, key);
  if (!v) {
#ifdef _SC_NPROCESSORS_ONLN
    long c = sysconf(_SC_NPROCESSORS_ONLN);
#else
    long c = 1; /* Windows: no children (start_child) */
#endif
    *jobs = c < 1 ? 1 : c > 256 ? 256 : (int)c;
    return -1;
  }
  char *end;
  long k = strtol(v, &end, 10);
  if (!*v || *end || k < 1 || k > 256)
    return jx_usage(cl, JX_U_JOBS);
  *jobs = (int)k;
  return -1;
}
