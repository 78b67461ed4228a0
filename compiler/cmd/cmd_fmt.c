/*
 * cmd_fmt.c — `jxc fmt [-w | --check [--diff]] [--zh | --en] FILE...`.
 *
 * Prints each file in the canonical layout (fmt.c), in the keyword
 * language it is written in unless --zh or --en converts it, with the line
 * ends it has; -w rewrites files in
 * place (atomically, and only those that change; out.c decides what
 * that means for links and metadata), --check lists the files
 * that are not formatted and exits 1, like gofmt -l; --diff prints what
 * would change instead, as a unified diff (gofmt -d).  An actuals table
 * (CSV, as a budget system exports it) is printed as the language's
 * `actuals` block, laid out the same way (compiler/eval/actuals_write.c);
 * it is never rewritten or checked, being a table and not jixiao.
 *
 * --encoding=gb18030 reads a file saved as Notepad's "ANSI" and writes it
 * back in that encoding (to standard output, with -w, and in --diff), so
 * formatting never changes a file's encoding behind its owner's back: the
 * text is converted to UTF-8 for the formatter and the result back again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cmds.h"
#include "config.h"
#include "diff_unified.h"
#include "eval.h"
#include "fmt.h"
#include "parse.h"
#include "source.h"
#include "to_utf8.h"

enum { F_WRITE = 1, F_CHECK, F_ZH, F_EN, F_DIFF, F_ENCODING };

const jx_option jx_fmt_options[] = {
    {"write", 'w', false, F_WRITE, JX_M_NONE, NULL, false, NULL,
     JX_M_OPT_WRITE},
    {"check", 0, false, F_CHECK, JX_M_NONE, NULL, false, NULL, JX_M_OPT_CHECK},
    {"diff", 0, false, F_DIFF, JX_M_NONE, NULL, false, NULL, JX_M_OPT_DIFF},
    {"zh", 0, false, F_ZH, JX_M_NONE, NULL, false, NULL, JX_M_OPT_ZH},
    {"en", 0, false, F_EN, JX_M_NONE, NULL, false, NULL, JX_M_OPT_EN},
    {"encoding", 0, true, F_ENCODING, JX_M_NONE, "utf-8|gb18030", false, NULL,
     JX_M_OPT_ENCODING_FMT},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

/* Replaces path with the bytes, atomically, keeping its mode, owner and
 * symbolic links (out.h).  Returns 0, or 2 after saying why. */
static int rewrite(jx_diag *d, const char *path, const char *data, size_t n) {
  jx_outfile of;
  bool failed = false;
  if (jx_outfile_open(&of, path, JX_OUTFILE_REGULAR) != 0) {
    jx_report_outfile(d, path, &of);
    failed = true;
  } else {
    jx_out o;
    jx_out_init_fd(&o, of.fd);
    jx_out_write(&o, data, n);
    if (jx_out_flush(&o) != 0) {
      jx_report_write(d, path, o.errno_saved);
      failed = true;
    }
    jx_out_free(&o);
    if (!failed && jx_outfile_commit(&of) != 0) {
      jx_report_outfile(d, path, &of);
      failed = true;
    }
  }
  jx_outfile_abort(&of);
  return failed ? JX_EXIT_USAGE : JX_EXIT_OK;
}

/* -w replaces regular files: standard input, a device or a FIFO cannot
 * be rewritten, and reading one and writing the result back into it makes
 * no sense.  Refused before any file is read or written.  Returns -1 to go
 * on, or the exit status of a usage error. */
static int refuse(jx_cmdline *cl, const char **files, int n, bool write,
                  bool check, const char **enc) {
  if (n == 0)
    return jx_usage(cl, JX_U_NO_INPUT);
  int rc = jx_encoding_option(cl, F_ENCODING, enc);
  if (rc >= 0)
    return rc;
  if (write && check)
    return jx_usage(cl, JX_U_FMT_W_CHECK);
  if (write && jx_opt_given(cl, F_DIFF))
    return jx_usage(cl, JX_U_FMT_W_DIFF);
  if (jx_opt_given(cl, F_ZH) && jx_opt_given(cl, F_EN))
    return jx_usage(cl, JX_U_FMT_ZH_EN);
  for (int i = 0; write && i < n; i++) {
    if (strcmp(files[i], "-") == 0)
      return jx_usage(cl, JX_U_FMT_W_STDIN);
    if (jx_outfile_is_special(files[i]))
      return jx_usage(cl, JX_U_FMT_W_SPECIAL, files[i]);
  }
  return -1;
}

int jx_cmd_fmt(jx_cmdline *cl) {
  jx_diag *d = cl->d;
  bool write = jx_opt_given(cl, F_WRITE), check = jx_opt_given(cl, F_CHECK);
  bool diff = jx_opt_given(cl, F_DIFF); /* --check, saying what changes */
  bool to_zh = jx_opt_given(cl, F_ZH), to_en = jx_opt_given(cl, F_EN);
  const char **files = jx_opts_operands(cl);
  int n = cl->n_operands;
  const char *enc = "";
  int rc = refuse(cl, files, n, write, check, &enc);
  if (rc >= 0) {
    free((void *)files);
    return rc;
  }
  rc = JX_EXIT_OK;
  /* Every input opens before anything is formatted, written or rewritten;
   * then each is read whole, and a read error ends the run at once, the
   * file it was reading left exactly as it was. */
  jx_source **in = jx_sources_open(files, n, d);
  if (!in) {
    jx_diag_summary(d);
    free((void *)files);
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
    /* --encoding: the raw bytes are kept, to compare and diff against in
     * the file's own encoding; the formatter reads the text as UTF-8. */
    char *raw = NULL;
    size_t raw_n = len;
    if (*enc) {
      size_t bad = 0;
      raw = src;
      src = jx_to_utf8(enc, raw, raw_n, &len, &bad);
      if (!src) {
        jx_diag_report_file(d, JX_E_READ_ENCODING, path, path, enc,
                            (unsigned long long)bad);
        free(raw);
        rc = JX_EXIT_USAGE;
        break;
      }
    }
    /* Each file keeps its own language, unless told (here, or in
     * jxc.ini's [fmt] lang).  A table has no keywords to tell by: its
     * block is written in English unless told. */
    int told = to_zh ? 1 : to_en ? 0 : cl->config ? cl->config->fmt_lang : -1;
    jx_strbuf table = {0};
    int t = jx_actuals_fmt_table(jx_source_name(in[i]), src, len, told == 1,
                                 write || check ? NULL : &table, d);
    if (t >= 0 && (write || check)) {
      jx_diag_report_file(d, JX_U_FMT_TABLE, path, path);
      rc = JX_EXIT_USAGE;
    } else if (t > 0 && rc == JX_EXIT_OK) {
      rc = JX_EXIT_INPUT;
    }
    if (t >= 0 && (t > 0 || write || check)) {
      jx_sb_free(&table);
      jx_source_close(in[i]);
      in[i] = NULL;
      jx_diag_flush(d);
      free(src);
      free(raw);
      continue;
    }
    if (t == 0) { /* the table as jixiao: formatted as jixiao */
      free(src);
      len = table.n;
      src = jx_xmalloc(len + 1);
      memcpy(src, table.p, len + 1);
      if (raw) { /* the table's block, as it would be in its encoding */
        free(raw);
        raw = jx_from_utf8(enc, src, len, &raw_n, NULL);
      }
    }
    jx_sb_free(&table);
    uint32_t file = jx_diag_add_source(d, jx_source_name(in[i]), src, len);
    jx_source_close(in[i]);
    in[i] = NULL;
    jx_out mem;
    jx_out_init_mem(&mem);
    bool zh = told >= 0 ? told == 1 : jx_fmt_is_zh(src, len);
    if (jx_fmt(src, len, file, d, zh, &mem) != 0) {
      jx_diag_flush(d);
      if (rc == JX_EXIT_OK)
        rc = JX_EXIT_INPUT;
    } else {
      size_t flen;
      const char *formatted = jx_out_data(&mem, &flen);
      bool same = flen == len && memcmp(formatted, src, len) == 0;
      /* In the file's encoding from here on: what is shown or written. */
      const char *orig = src;
      size_t orig_n = len;
      char *encoded = NULL;
      if (*enc && raw && !check) {
        size_t bad = 0, en;
        encoded = jx_from_utf8(enc, formatted, flen, &en, &bad);
        if (!encoded) {
          jx_diag_report_file(d, JX_E_WRITE_ENCODING, path, path, enc,
                              (unsigned long long)bad);
          rc = JX_EXIT_USAGE;
          jx_out_free(&mem);
          jx_diag_flush(d);
          free(src);
          free(raw);
          continue;
        }
        formatted = encoded;
        flen = en;
        orig = raw;
        orig_n = raw_n;
      }
      if (diff) {
        /* As git names the two sides: a/PATH as it is, b/PATH formatted. */
        size_t pn = strlen(path) + 3;
        char *na = jx_xmalloc(pn), *nb = jx_xmalloc(pn);
        snprintf(na, pn, "a/%s", path);
        snprintf(nb, pn, "b/%s", path);
        if (jx_unified_diff(&stdout_out, orig, orig_n, formatted, flen, na,
                            nb) &&
            rc == JX_EXIT_OK)
          rc = JX_EXIT_INPUT;
        free(na);
        free(nb);
      } else if (check) {
        if (!same) {
          printf("%s\n", path);
          if (rc == JX_EXIT_OK)
            rc = JX_EXIT_INPUT;
        }
      } else if (write) {
        if (!same && rewrite(d, path, formatted, flen) != JX_EXIT_OK)
          rc = JX_EXIT_USAGE;
      } else {
        jx_out_write(&stdout_out, formatted, flen);
      }
      free(encoded);
    }
    jx_out_free(&mem);
    /* The diagnostics engine quotes lines from src until it is freed. */
    jx_diag_flush(d);
    free(src);
    free(raw);
  }
  if (jx_out_flush(&stdout_out) != 0 && rc == JX_EXIT_OK) {
    jx_report_write(d, NULL, stdout_out.errno_saved);
    rc = JX_EXIT_USAGE;
  }
  jx_out_free(&stdout_out);
  jx_sources_close(in, n);
  jx_diag_summary(d);
  free((void *)files);
  return rc;
}
