/*
 * timeit.c — jx-timeit: runs a command N times and prints its best wall
 * time, the CPU time (user + system) of that run and the largest peak
 * resident set of all runs, for bench/run.sh:
 *
 *   jx-timeit [-n RUNS] [-o OUTFILE] [-x STATUS] -- COMMAND [ARG...]
 *   → "WALL_SECONDS CPU_SECONDS PEAK_RSS_KB MIN_CPU_SECONDS"  (or "FAIL
 * STATUS")
 *
 * CPU_SECONDS is that of the fastest run by wall time; MIN_CPU_SECONDS the
 * least CPU time (user + system) of any run, the steadier figure on a
 * machine that other work shares.
 *
 * An exit status above STATUS (default 0) is a failure; `jxc diff` of two
 * different plans exits 1 by design, so its row passes -x 1.
 *
 * /usr/bin/time has 10 ms resolution, too coarse for a 10 MB input at
 * 100 MB/s; this has the clock's.  The best of N runs, because on a shared
 * machine noise only ever adds time.  The command's standard output goes
 * to OUTFILE (default /dev/null), so a peer like `jq -c .` is timed without
 * a pipe; its standard error is left alone.
 */
/* wait4() is BSD/GNU, not POSIX. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double tv(struct timeval t) {
  return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

int main(int argc, char **argv) {
  int runs = 3, ok_status = 0, i = 1;
  const char *outfile = "/dev/null";
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
      runs = atoi(argv[++i]);
    else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      outfile = argv[++i];
    else if (strcmp(argv[i], "-x") == 0 && i + 1 < argc)
      ok_status = atoi(argv[++i]);
    else
      break;
  }
  if (i >= argc || strcmp(argv[i], "--") != 0 || i + 1 >= argc || runs < 1) {
    fputs("usage: jx-timeit [-n RUNS] [-o OUTFILE] [-x STATUS] -- COMMAND "
          "[ARG...]\n",
          stderr);
    return 2;
  }
  char **cmd = argv + i + 1;
  double best = -1, best_cpu = 0, min_cpu = -1;
  long peak = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
      perror("jx-timeit: fork");
      return 2;
    }
    if (pid == 0) {
      int fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0666);
      if (fd < 0 || dup2(fd, 1) < 0) {
        perror(outfile);
        _exit(127);
      }
      close(fd);
      execvp(cmd[0], cmd);
      perror(cmd[0]);
      _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
      perror("jx-timeit: wait4");
      return 2;
    }
    double wall = now() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) > ok_status) {
      printf("FAIL %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128);
      return 1;
    }
    if (ru.ru_maxrss > peak)
      peak = ru.ru_maxrss; /* kilobytes on Linux */
    double cpu = tv(ru.ru_utime) + tv(ru.ru_stime);
    if (min_cpu < 0 || cpu < min_cpu)
      min_cpu = cpu;
    if (best < 0 || wall < best) {
      best = wall;
      best_cpu = cpu;
    }
  }
  printf("%.4f %.4f %ld %.4f\n", best, best_cpu, peak, min_cpu);
  return 0;
}
