/*
 * cmd_import.c — `jxc import FILE [-o OUT.jx] [--zh|--en] [--map MAP]`.
 *
 * Reads an existing target table (Excel .xlsx, legacy .xls, CSV, or the
 * published text layout) and prints it as formatted, checked jixiao source
 * (compiler/import/, docs/import.md).  With -o the file is written
 * atomically (out.h); it is written even when the import has errors, since
 * its lines are where the errors are reported and fixed.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "import.h"

enum { I_OUTPUT = 1, I_ZH, I_EN, I_MAP };

const jx_option jx_import_opts[] = {
    {"output", 'o', true, I_OUTPUT, JX_M_ARG_FILE, NULL, false, NULL,
     JX_M_OPT_OUTPUT_IMPORT},
    {"zh", 0, false, I_ZH, JX_M_NONE, NULL, false, NULL, JX_M_OPT_ZH_IMPORT},
    {"en", 0, false, I_EN, JX_M_NONE, NULL, false, NULL, JX_M_OPT_EN_IMPORT},
    {"map", 0, true, I_MAP, JX_M_ARG_MAP, NULL, false, NULL, JX_M_OPT_MAP},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

/* Writes the imported source to output (NULL or "-": standard output),
 * atomically for a file.  Returns 0, or 2 after saying why. */
static int write_result(jx_diag *d, const char *output, const char *data,
                        size_t n) {
  bool to_file = output && strcmp(output, "-") != 0;
  jx_outfile of = {0};
  if (to_file && jx_outfile_open(&of, output, 0) != 0) {
    jx_report_outfile(d, output, &of);
    jx_outfile_abort(&of);
    return JX_EXIT_USAGE;
  }
  jx_out o;
  jx_out_init_fd(&o, to_file ? of.fd : STDOUT_FILENO);
  jx_out_write(&o, data, n);
  int rc = JX_EXIT_OK;
  if (jx_out_flush(&o) != 0) {
    jx_report_write(d, to_file ? output : NULL, o.errno_saved);
    rc = JX_EXIT_USAGE;
  }
  jx_out_free(&o);
  if (to_file && rc == JX_EXIT_OK && jx_outfile_commit(&of) != 0) {
    jx_report_outfile(d, output, &of);
    rc = JX_EXIT_USAGE;
  }
  jx_outfile_abort(&of); /* a no-op after a successful commit */
  return rc;
}

int jx_cmd_import(jx_cmdline *cl) {
  jx_diag *d = cl->d;
  if (cl->n_operands == 0)
    return jx_usage(cl, JX_U_NO_INPUT);
  if (cl->n_operands > 1)
    return jx_usage(cl, JX_U_ONE_INPUT);
  const char **files = jx_opts_operands(cl);
  const char *input = files[0];
  free((void *)files);
  const char *output = jx_opt_last(cl, I_OUTPUT);
#ifdef JX_NO_INIH /* a Windows build without it (docs/windows.md) */
  if (jx_opt_last(cl, I_MAP))
    return jx_usage(cl, JX_U_NOT_BUILT, "--map", "libinih");
#endif
  bool to_file = output && strcmp(output, "-") != 0;
  if (to_file && jx_outfile_same_input(output, &input, 1) >= 0)
    return jx_usage(cl, JX_U_SAME_FILE, output, input);
  /* --zh and --en: the last one given wins. */
  bool zh = false;
  for (int i = 0; i < cl->n_use; i++)
    if (cl->use[i].key == I_ZH || cl->use[i].key == I_EN)
      zh = cl->use[i].key == I_ZH;
  jx_import_options opt = {input, to_file ? output : "<stdout>",
                           jx_opt_last(cl, I_MAP), zh};
  jx_out mem;
  jx_out_init_mem(&mem);
  int rc = jx_import(&opt, d, &mem);
  if (rc == 0 || rc == 1) {
    size_t n;
    const char *data = jx_out_data(&mem, &n);
    int wrc = write_result(d, output, data, n);
    if (wrc != JX_EXIT_OK)
      rc = wrc;
  } else if (rc == 3) {
    rc = JX_EXIT_INPUT; /* nothing imported: the input is not readable */
  }
  jx_diag_summary(d);
  jx_out_free(&mem);
  return rc;
}
