/*
 * jobs.h — work on many files, N at a time, said in input order (-j N).
 *
 * `check --each` and `build --each` do one task per file; with -j N each
 * task runs in a child process (fork) whose diagnostics are held in a
 * buffer and sent back with what the task hands over, and the parent
 * prints every task's diagnostics in input order, so standard error (and
 * whatever the command writes from the results) is byte for byte that of
 * -j 1.  A child that cannot be started, or that dies, has its task done
 * again in the parent.  Windows has no fork: there every task runs in
 * the parent, in turn, which prints the same bytes (docs/windows.md).
 */
#ifndef JX_JOBS_H
#define JX_JOBS_H

#include <stdbool.h>

#include "opts.h"
#include "strbuf.h"

/* What one task hands back: its exit status and the bytes the command
 * makes of its result (the task's own encoding of it). */
typedef struct jx_task_out {
  int status;
  int errors, warnings; /* the diagnostics it reported (set here) */
  jx_strbuf data;
} jx_task_out;

typedef struct jx_tasks {
  int n;    /* how many tasks */
  int jobs; /* at most this many at a time; 1: all in the parent */
  /* Task i, reporting through d (with its error cap restarted): fills
   * out->status and out->data.  It runs in a child or in the parent. */
  void (*run)(void *ud, int i, jx_diag *d, jx_task_out *out);
  /* In the parent, in the order of i, once task i is done and its
   * diagnostics printed. */
  void (*done)(void *ud, int i, const jx_task_out *out);
  void *ud;
} jx_tasks;

/* Runs every task as described above; returns the worst status. */
int jx_tasks_run(const jx_tasks *t, jx_diag *d);

/* -j N (the option with `key`): 1 to 256; by default, the processors
 * online (1 where there are no child processes).  Returns -1 to go on, or
 * the exit status of a usage error. */
int jx_jobs_option(jx_cmdline *cl, int key, int *jobs);

#endif
