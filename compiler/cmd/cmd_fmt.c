/*
 * cmd_fmt.c — `jxc fmt [-w | --check] [--zh] FILE...`.
 *
 * Prints each file in the canonical layout (fmt.c); -w rewrites files in
 * place (atomically, and only those that change; out.c decides what
 * that means for links and metadata), --check lists the files
 * that are not formatted and exits 1, like gofmt -l.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cli.h"
#include "fmt.h"
#include "parse.h"
#include "source.h"

const char jx_fmt_usage[] =
    "usage: jxc fmt [-w | --check] [--zh] FILE...\n"
    "\n"
    "Prints jixiao files in the canonical layout: two-space indentation,\n"
    "one statement per line, canonical keywords and operators, categories\n"
    "by their codes (or labels, with --zh), long texts wrapped at 100\n"
    "columns.  Comments and the author's blank lines are kept; numbers and\n"
    "units stay as written.  Formatting never changes what a file means.\n"
    "\n"
    "  -w, --write  rewrite the files in place (only those that change)\n"
    "  --check      print the names of files that are not formatted and\n"
    "               exit 1 if there are any; write nothing\n"
    "  --zh         use the Chinese spelling of keywords (项目, 预算, ≥ …)\n"
    "               and categories (产出指标.数量指标)\n"
    "\n" JX_DIAG_OPTS_HELP "\n"
    "Exit status: 0 success, 1 syntax errors (or, with --check, unformatted\n"
    "files), 2 usage or I/O trouble.\n";

/* Replaces path with the bytes, atomically, keeping its mode, owner and
 * symbolic links (out.h).  Returns 0, or 2 after saying why. */
static int rewrite(const char *path, const char *data, size_t n) {
  jx_outfile of;
  const char *why = NULL;
  if (jx_outfile_open(&of, path, JX_OUTFILE_REGULAR) != 0) {
    why = of.error;
  } else {
    jx_out o;
    jx_out_init_fd(&o, of.fd);
    jx_out_write(&o, data, n);
    if (jx_out_flush(&o) != 0)
      why = strerror(o.errno_saved);
    jx_out_free(&o);
    if (!why && jx_outfile_commit(&of) != 0)
      why = of.error;
  }
  if (why)
    fprintf(stderr, "jxc fmt: cannot write %s: %s\n", path, why);
  jx_outfile_abort(&of);
  return why ? JX_EXIT_USAGE : JX_EXIT_OK;
}

int jx_cmd_fmt(int argc, char **argv) {
  jx_diag_opts dopt;
  jx_diag_opts_init(&dopt);
  bool write = false, check = false, zh = false, only_files = false;
  const char **files = jx_xcalloc((size_t)argc + 1, sizeof *files);
  int n = 0, rc = JX_EXIT_OK;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      files[n++] = a;
    } else if (strcmp(a, "--") == 0) {
      only_files = true;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(jx_fmt_usage, stdout);
      free(files);
      return JX_EXIT_OK;
    } else if (strcmp(a, "-w") == 0 || strcmp(a, "--write") == 0) {
      write = true;
    } else if (strcmp(a, "--check") == 0) {
      check = true;
    } else if (strcmp(a, "--zh") == 0) {
      zh = true;
    } else {
      int r = jx_diag_opts_parse(&dopt, "fmt", argc, argv, &i);
      if (r <= 0) {
        free(files);
        return r < 0 ? JX_EXIT_USAGE
                     : jx_usage_error("fmt", "unknown option '%s'", a);
      }
    }
  }
  if (n == 0) {
    free(files);
    return jx_usage_error("fmt", "no input files");
  }
  if (write && check) {
    free(files);
    return jx_usage_error("fmt", "-w and --check do not go together");
  }
  /* -w replaces regular files: standard input, a device or a FIFO cannot
   * be rewritten, and reading one and writing the result back into it
   * makes no sense.  Refused before any file is read or written. */
  for (int i = 0; write && i < n; i++) {
    const char *bad = files[i];
    if (strcmp(bad, "-") == 0) {
      free(files);
      return jx_usage_error("fmt", "-w cannot rewrite standard input");
    }
    if (jx_outfile_is_special(bad)) {
      free(files);
      return jx_usage_error("fmt", "-w rewrites regular files; '%s' is not one",
                            bad);
    }
  }
  jx_diag *d = jx_diag_from_opts(&dopt);
  /* Every input opens before anything is formatted, written or rewritten;
   * then each is read whole, and a read error ends the run at once, the
   * file it was reading left exactly as it was. */
  jx_source **in = jx_sources_open(files, n, d);
  if (!in) {
    jx_diag_summary(d);
    jx_diag_free(d);
    free(files);
    return JX_EXIT_USAGE;
  }
  jx_out stdout_out;
  jx_out_init_fd(&stdout_out, STDOUT_FILENO);
  for (int i = 0; i < n; i++) {
    const char *path = files[i];
    size_t len;
    char *src = jx_source_read_all(in[i], &len);
    if (!src) {
      rc = JX_EXIT_USAGE;
      break;
    }
    uint32_t file = jx_diag_add_source(d, jx_source_name(in[i]), src, len);
    jx_source_close(in[i]);
    in[i] = NULL;
    jx_out mem;
    jx_out_init_mem(&mem);
    if (jx_fmt(src, len, file, d, zh, &mem) != 0) {
      jx_diag_flush(d);
      if (rc == JX_EXIT_OK)
        rc = JX_EXIT_INPUT;
    } else {
      size_t flen;
      const char *formatted = jx_out_data(&mem, &flen);
      bool same = flen == len && memcmp(formatted, src, len) == 0;
      if (check) {
        if (!same) {
          printf("%s\n", path);
          if (rc == JX_EXIT_OK)
            rc = JX_EXIT_INPUT;
        }
      } else if (write) {
        if (!same && rewrite(path, formatted, flen) != JX_EXIT_OK)
          rc = JX_EXIT_USAGE;
      } else {
        jx_out_write(&stdout_out, formatted, flen);
      }
    }
    jx_out_free(&mem);
    /* The diagnostics engine quotes lines from src until it is freed. */
    jx_diag_flush(d);
    free(src);
  }
  if (jx_out_flush(&stdout_out) != 0 && rc == JX_EXIT_OK) {
    fprintf(stderr, "jxc fmt: cannot write standard output: %s\n",
            strerror(stdout_out.errno_saved));
    rc = JX_EXIT_USAGE;
  }
  jx_out_free(&stdout_out);
  jx_sources_close(in, n);
  jx_diag_summary(d);
  jx_diag_free(d);
  free(files);
  return rc;
}
