/*
 * cmd_import.c — `jxc import FILE [-o OUT.jx] [--zh|--en] [--map MAP]`.
 *
 * Reads an existing target table (Excel .xlsx, legacy .xls, CSV, or the
 * published text layout) and prints it as formatted, checked jixiao source
 * (compiler/import/, docs/import.md).  With -o the file is written
 * atomically (out.h); it is written even when the import has errors, since
 * its lines are where the errors are reported and fixed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"

const char jx_import_usage[] =
    "usage: jxc import [-o OUT.jx] [--zh | --en] [--map MAP] FILE\n"
    "\n"
    "Reads an existing target table and writes it as jixiao source,\n"
    "formatted and checked.  The format is recognised by content: Excel\n"
    ".xlsx, legacy .xls, CSV or TSV (UTF-8, UTF-16 or GB18030), or the\n"
    "published text layout.  Layouts: a row per indicator (as budget\n"
    "systems export it), the official 项目支出绩效目标表 (one or several\n"
    "a sheet), the published text.  Every value keeps a comment naming\n"
    "its cell (# 表1!C7); what the language cannot hold yet is kept as a\n"
    "comment with a warning; diagnostics name the .jx line and the cell.\n"
    "\n"
    "  -o, --output=FILE  write to FILE (atomically) instead of standard\n"
    "                     output\n"
    "  --zh               Chinese keywords and comments\n"
    "  --en               English keywords (the default)\n"
    "  --map=MAP          an INI file saying which column is which and\n"
    "                     where the header row is (docs/import.md)\n"
    "\n" JX_DIAG_OPTS_HELP "\n"
    "Exit status: 0 imported (warnings allowed), 1 the input has errors\n"
    "(cells that could not be read, or the checker's errors on the result;\n"
    "the .jx is still written), 2 usage or I/O trouble.\n";

static int write_result(const char *output, const char *data, size_t n) {
  bool to_file = output && strcmp(output, "-") != 0;
  jx_outfile of = {0};
  if (to_file && jx_outfile_open(&of, output) != 0) {
    fprintf(stderr, "jxc import: cannot write %s: %s\n", output,
            strerror(errno));
    return JX_EXIT_USAGE;
  }
  jx_out o;
  jx_out_init_fd(&o, to_file ? of.fd : STDOUT_FILENO);
  jx_out_write(&o, data, n);
  int rc = JX_EXIT_OK;
  if (jx_out_flush(&o) != 0) {
    fprintf(stderr, "jxc import: cannot write %s: %s\n",
            to_file ? output : "standard output", strerror(o.errno_saved));
    rc = JX_EXIT_USAGE;
  }
  jx_out_free(&o);
  if (to_file) {
    if (rc == JX_EXIT_OK && jx_outfile_commit(&of) != 0) {
      fprintf(stderr, "jxc import: cannot write %s: %s\n", output,
              strerror(errno));
      rc = JX_EXIT_USAGE;
    } else if (rc != JX_EXIT_OK) {
      jx_outfile_abort(&of);
    }
  }
  return rc;
}

int jx_cmd_import(int argc, char **argv) {
  jx_diag_opts dopt;
  jx_diag_opts_init(&dopt);
  const char *input = NULL, *output = NULL, *map = NULL;
  bool zh = false, only_files = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    int r;
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      if (input)
        return jx_usage_error("import", "one input file at a time");
      input = a;
    } else if (strcmp(a, "--") == 0) {
      only_files = true;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(jx_import_usage, stdout);
      return JX_EXIT_OK;
    } else if ((r = jx_opt_value("import", "--output", "-o", argc, argv, &i,
                                 &v))) {
      if (r < 0)
        return JX_EXIT_USAGE;
      output = v;
    } else if ((r = jx_opt_value("import", "--map", NULL, argc, argv, &i,
                                 &v))) {
      if (r < 0)
        return JX_EXIT_USAGE;
      map = v;
    } else if (strcmp(a, "--zh") == 0) {
      zh = true;
    } else if (strcmp(a, "--en") == 0) {
      zh = false;
    } else {
      r = jx_diag_opts_parse(&dopt, "import", argc, argv, &i);
      if (r <= 0)
        return r < 0 ? JX_EXIT_USAGE
                     : jx_usage_error("import", "unknown option '%s'", a);
    }
  }
  if (!input)
    return jx_usage_error("import", "no input file");
  bool to_file = output && strcmp(output, "-") != 0;
  jx_import_options opt = {input, to_file ? output : "<stdout>", map, zh};
  jx_diag *d = jx_diag_from_opts(&dopt);
  jx_out mem;
  jx_out_init_mem(&mem);
  int rc = jx_import(&opt, d, &mem);
  if (rc == 0 || rc == 1) {
    size_t n;
    const char *data = jx_out_data(&mem, &n);
    int wrc = write_result(output, data, n);
    if (wrc != JX_EXIT_OK)
      rc = wrc;
  } else if (rc == 3) {
    rc = JX_EXIT_INPUT; /* nothing imported: the input is not readable */
  }
  jx_diag_summary(d);
  jx_diag_free(d);
  jx_out_free(&mem);
  return rc;
}
