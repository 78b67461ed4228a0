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
#include "fmt_print.h" /* jx_fmt_text: the source read again */
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

/* ---- where the formatted text goes --------------------------------------
 * The text comes piece by piece (fmt.h, jx_fmt_print) and is never held
 * whole: to standard output; compared with the source as it comes
 * (--check); written to the file's replacement from the first byte that
 * differs on, with the bytes before it copied from the source (-w: a file
 * that is already formatted is not rewritten, nor even copied); or cut
 * into pieces at the declarations for the diff (--diff). */

/* The bytes of the source before `upto` into o. */
static void copy_source(jx_fmt_text *t, uint64_t upto, jx_out *o) {
  for (uint64_t at = 0; at < upto;) {
    const char *w;
    size_t n = jx_fmt_text_get(t, at, 1, &w);
    if (n == 0)
      break;
    if (n > upto - at)
      n = (size_t)(upto - at);
    jx_out_write(o, w, n);
    at += n;
  }
}

typedef struct compare {
  jx_fmt_text old; /* the source, as it was */
  uint64_t pos;    /* bytes of the new text so far */
  bool differ;
  /* -w: the replacement, opened at the first difference */
  const char *path;
  jx_diag *d;
  jx_outfile of;
  jx_out o;
  bool opened, failed;
} compare;

static void open_rewrite(compare *c, uint64_t same) {
  c->differ = true;
  if (!c->path)
    return;
  memset(&c->of, 0, sizeof c->of);
  if (jx_outfile_open(&c->of, c->path, JX_OUTFILE_REGULAR) != 0) {
    jx_report_outfile(c->d, c->path, &c->of);
    jx_outfile_abort(&c->of);
    c->failed = true;
    return;
  }
  c->opened = true;
  jx_out_init_fd(&c->o, c->of.fd);
  copy_source(&c->old, same, &c->o);
}

static void compare_write(void *ud, const char *p, size_t n) {
  compare *c = ud;
  size_t i = 0;
  while (!c->differ && i < n) {
    const char *w;
    size_t k = jx_fmt_text_get(&c->old, c->pos + i, 1, &w);
    size_t m = k < n - i ? k : n - i, j = 0;
    while (j < m && w[j] == p[i + j])
      j++;
    i += j;
    if (j < m || k == 0)
      open_rewrite(c, c->pos + i);
  }
  if (c->opened && i < n)
    jx_out_write(&c->o, p + i, n - i);
  c->pos += n;
}

/* After the last piece: whether the text changed; -w has written it. */
static int compare_end(compare *c, bool *changed) {
  const char *w;
  if (!c->differ && jx_fmt_text_get(&c->old, c->pos, 1, &w) > 0)
    open_rewrite(c, c->pos); /* the new text is shorter */
  *changed = c->differ;
  int rc = c->failed ? JX_EXIT_USAGE : JX_EXIT_OK;
  if (c->opened) {
    if (jx_out_flush(&c->o) != 0) {
      jx_report_write(c->d, c->path, c->o.errno_saved);
      rc = JX_EXIT_USAGE;
    }
    jx_out_free(&c->o);
    if (rc == JX_EXIT_OK && jx_outfile_commit(&c->of) != 0) {
      jx_report_outfile(c->d, c->path, &c->of);
      rc = JX_EXIT_USAGE;
    }
  }
  return rc;
}

static void compare_free(compare *c) {
  if (c->opened) {
    jx_out_free(&c->o);
    jx_outfile_abort(&c->of);
  }
  jx_fmt_text_free(&c->old);
}

/* --diff: the old and new texts are compared a piece at a time, cut
 * where a declaration ends a line in both (sync), once the old piece has
 * DIFF_PIECE bytes: a file smaller than that is one piece, and its diff is
 * the diff of the whole texts. */
enum { DIFF_PIECE = 65536 };

typedef struct differ {
  jx_fmt_text old;
  uint64_t cut;   /* the old text before this is compared */
  jx_strbuf a, b; /* the pieces */
  jx_udiff *u;
} differ;

static void differ_write(void *ud, const char *p, size_t n) {
  differ *f = ud;
  jx_sb_add(&f->b, p, n);
}

/* Compares the old text up to `upto` with the new text so far. */
static void differ_piece(differ *f, uint64_t upto) {
  jx_sb_clear(&f->a);
  for (uint64_t at = f->cut; at < upto;) {
    const char *w;
    size_t n = jx_fmt_text_get(&f->old, at, 1, &w);
    if (n == 0)
      break;
    if (n > upto - at)
      n = (size_t)(upto - at);
    jx_sb_add(&f->a, w, n);
    at += n;
  }
  jx_udiff_add(f->u, f->a.p ? f->a.p : "", f->a.n, f->b.p ? f->b.p : "",
               f->b.n);
  jx_sb_clear(&f->b);
  f->cut = upto;
}

static void differ_sync(void *ud, uint64_t offset) {
  differ *f = ud;
  if (offset < f->cut || offset - f->cut < DIFF_PIECE)
    return;
  /* The end of the line that holds offset (the next declaration starts
   * on a line after it, so there is one). */
  for (uint64_t at = offset;;) {
    const char *w;
    size_t n = jx_fmt_text_get(&f->old, at, 1, &w);
    if (n == 0)
      return;
    const char *nl = memchr(w, '\n', n);
    if (nl) {
      differ_piece(f, at + (uint64_t)(nl - w) + 1);
      return;
    }
    at += n;
  }
}

/* -w replaces regular files: standard input, a device or a FIFO cannot
 * be rewritten, and reading one and writing the result back into it makes
 * no sense.  Refused before any file is read or written.  Returns -1 to go
 * on, or the exit status of a usage error. */
static void stdout_write(void *ud, const char *p, size_t n) {
  jx_out_write(ud, p, n);
}

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

/* ---- actuals tables ------------------------------------------------------
 * A table (CSV) is formatted as an `actuals` block, and whether a file is
 * one was decided on its whole text.  A file is only read whole for that
 * now if its first PROBE bytes (up to their last line end) read as a
 * table: a table's header is its first row, and 20 lines decide whether
 * text is delimited at all (jx_actuals_fmt_table).  A smaller file is
 * asked about whole, as before. */
enum { PROBE = 65536 };

/* The first bytes of a rereadable input: *whole when that is all of it.
 * NULL after a read error (reported). */
static char *probe(jx_source *s, size_t *n, bool *whole) {
  char *buf = jx_xmalloc(PROBE + 2);
  size_t got = 0, k;
  while (got < PROBE + 1 &&
         (k = jx_source_pread(s, buf + got, PROBE + 1 - got, got)) > 0)
    got += k;
  if (jx_source_failed(s)) {
    free(buf);
    return NULL;
  }
  *whole = got <= PROBE;
  if (!*whole) {
    got = PROBE;
    while (got > 0 && buf[got - 1] != '\n')
      got--;
  }
  buf[got] = '\0';
  *n = got;
  return buf;
}

/* The keyword language fmt was told to write: 1 Chinese, 0 English, -1
 * none (each file keeps its own).  Told here, or in jxc.ini's [fmt] lang.
 * A table has no keywords to tell by: its block is written in English
 * unless told. */
static int told_lang(jx_cmdline *cl) {
  return jx_opt_given(cl, F_ZH)   ? 1
         : jx_opt_given(cl, F_EN) ? 0
         : cl->config             ? cl->config->fmt_lang
                                  : -1;
}

/* The framework a file whose header names none is read with when its
 * categories are respelt: jxc.ini's [plan] framework, as check reads it
 * (NULL: local). */
static const char *plan_framework(const jx_cmdline *cl) {
  return cl->config && cl->config->framework[0] ? cl->config->framework : NULL;
}

/* One file: formatted to standard output, checked, diffed or rewritten.
 * Returns the exit status it calls for; *stop after a read error, which
 * ends the run. */
static int fmt_file(jx_cmdline *cl, const char *path, jx_source **sp,
                    jx_out *stdout_out, bool *stop) {
  jx_source *s = *sp;
  jx_diag *d = cl->d;
  bool write = jx_opt_given(cl, F_WRITE), check = jx_opt_given(cl, F_CHECK);
  bool diff = jx_opt_given(cl, F_DIFF); /* --check, saying what changes */
  int told = told_lang(cl);
  /* A regular file is read as the parser goes, twice; anything else is
   * read whole first (src), as is a file that may be a table.  Windows
   * cannot rename over a file that is open (here, and the diagnostics
   * engine's duplicate of it): there -w reads a file whole and closes it
   * first, as fmt always did. */
  char *src = NULL;
  size_t len = 0;
  bool whole = true, streamable = jx_source_rereadable(s);
#ifdef _WIN32
  streamable = streamable && !write;
#endif
  if (streamable)
    src = probe(s, &len, &whole);
  else
    src = jx_source_read_all(s, &len);
  if (!src) {
    *stop = true;
    return JX_EXIT_USAGE;
  }
  int t = jx_actuals_fmt_table(jx_source_name(s), src, len, told == 1, NULL, d);
  if (t == 0 && !whole) {
    free(src);
    src = jx_source_read_all(s, &len);
    whole = true;
    if (!src) {
      *stop = true;
      return JX_EXIT_USAGE;
    }
  }
  jx_strbuf table = {0};
  if (t == 0 && !write && !check)
    t = jx_actuals_fmt_table(jx_source_name(s), src, len, told == 1, &table, d);
  int rc = JX_EXIT_OK;
  if (t >= 0 && (write || check)) {
    jx_diag_report_file(d, JX_U_FMT_TABLE, path, path);
    rc = JX_EXIT_USAGE;
  } else if (t > 0) {
    rc = JX_EXIT_INPUT;
  }
  if (t >= 0 && (t > 0 || write || check)) {
    jx_sb_free(&table);
    jx_diag_flush(d);
    free(src);
    return rc;
  }
  bool streamed = t < 0 && streamable && !jx_source_failed(s);
  jx_fmt_input in = {NULL, 0, NULL, 0, plan_framework(cl)};
  if (t == 0) { /* the table as jixiao: formatted as jixiao */
    free(src);
    len = table.n;
    src = jx_xmalloc(len + 1);
    memcpy(src, table.p, len + 1);
  }
  jx_sb_free(&table);
  if (streamed) {
    free(src);
    src = NULL;
    in.src = s;
    in.file = jx_source_register(s, NULL);
  } else {
    in.data = src;
    in.len = len;
    in.file = jx_diag_add_source(d, jx_source_name(s), src, len);
    jx_source_close(s); /* read: -w may replace it */
    *sp = s = NULL;
  }
  bool zh = told == 1;
  int r = jx_fmt_scan(&in, d, told >= 0 ? NULL : &zh);
  if (r != 0) {
    jx_diag_flush(d); /* (it quotes src) */
    free(src);
    *stop = r == 2;
    return r == 2 ? JX_EXIT_USAGE : JX_EXIT_INPUT;
  }
  bool changed = false;
  if (diff) {
    /* As git names the two sides: a/PATH as it is, b/PATH formatted. */
    size_t pn = strlen(path) + 3;
    char *na = jx_xmalloc(pn), *nb = jx_xmalloc(pn);
    snprintf(na, pn, "a/%s", path);
    snprintf(nb, pn, "b/%s", path);
    differ f;
    memset(&f, 0, sizeof f);
    if (streamed)
      jx_fmt_text_source(&f.old, s);
    else
      jx_fmt_text_mem(&f.old, src, len);
    f.u = jx_udiff_new(stdout_out, na, nb);
    jx_fmt_to to = {differ_write, differ_sync, &f, 0};
    r = jx_fmt_print(&in, zh, &to);
    if (r == 0)
      differ_piece(&f, UINT64_MAX);
    changed = jx_udiff_end(f.u);
    jx_sb_free(&f.a);
    jx_sb_free(&f.b);
    jx_fmt_text_free(&f.old);
    free(na);
    free(nb);
  } else if (check || write) {
    compare c;
    memset(&c, 0, sizeof c);
    if (streamed)
      jx_fmt_text_source(&c.old, s);
    else
      jx_fmt_text_mem(&c.old, src, len);
    c.path = write ? path : NULL;
    c.d = d;
    jx_fmt_to to = {compare_write, NULL, &c, 0};
    r = jx_fmt_print(&in, zh, &to);
    if (r == 0)
      rc = compare_end(&c, &changed);
    compare_free(&c);
    if (r == 0 && check && changed)
      printf("%s\n", path);
  } else {
    jx_fmt_to to = {stdout_write, NULL, stdout_out, 0};
    r = jx_fmt_print(&in, zh, &to);
  }
  if (r == 1)
    jx_diag_report_file(d, JX_E_READ_FORMATTING, path, path);
  if (r != 0) {
    rc = JX_EXIT_USAGE;
    *stop = r == 2;
  } else if (changed && !write && rc == JX_EXIT_OK) {
    rc = JX_EXIT_INPUT;
  }
  /* The diagnostics engine quotes lines from src until it is freed. */
  jx_diag_flush(d);
  free(src);
  return rc;
}

/* ---- --encoding ----------------------------------------------------------
 * A file in another encoding (GB18030) is read whole and converted to
 * UTF-8 for the formatter; what is shown, compared or written is
 * converted back, so that -w never changes a file's encoding behind the
 * user's back and --diff applies to the file as it is.  Not streamed. */

/* data, n into path's atomic replacement. */
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

/* fmt_file for a file in the encoding `enc` (an iconv name). */
static int fmt_file_encoded(jx_cmdline *cl, const char *path, jx_source **sp,
                            const char *enc, jx_out *stdout_out, bool *stop) {
  jx_diag *d = cl->d;
  bool write = jx_opt_given(cl, F_WRITE), check = jx_opt_given(cl, F_CHECK);
  bool diff = jx_opt_given(cl, F_DIFF);
  int told = told_lang(cl);
  size_t raw_n, len, bad = 0;
  char *raw = jx_source_read_all(*sp, &raw_n);
  if (!raw) {
    *stop = true;
    return JX_EXIT_USAGE;
  }
  /* The raw bytes are kept, to compare and diff against in the file's own
   * encoding; the formatter reads the text as UTF-8. */
  char *src = jx_to_utf8(enc, raw, raw_n, &len, &bad);
  if (!src) {
    jx_diag_report_file(d, JX_E_READ_ENCODING, path, path, enc,
                        (unsigned long long)bad);
    free(raw);
    *stop = true;
    return JX_EXIT_USAGE;
  }
  int rc = JX_EXIT_OK;
  jx_strbuf table = {0};
  int t = jx_actuals_fmt_table(jx_source_name(*sp), src, len, told == 1,
                               write || check ? NULL : &table, d);
  if (t >= 0 && (write || check)) {
    jx_diag_report_file(d, JX_U_FMT_TABLE, path, path);
    rc = JX_EXIT_USAGE;
  } else if (t > 0) {
    rc = JX_EXIT_INPUT;
  }
  if (t >= 0 && (t > 0 || write || check)) {
    jx_sb_free(&table);
    jx_diag_flush(d);
    free(src);
    free(raw);
    return rc;
  }
  if (t == 0) { /* the table as jixiao: formatted as jixiao */
    free(src);
    len = table.n;
    src = jx_xmalloc(len + 1);
    memcpy(src, table.p, len + 1);
    free(raw); /* the table's block, as it would be in its encoding */
    raw = jx_from_utf8(enc, src, len, &raw_n, NULL);
  }
  jx_sb_free(&table);
  uint32_t file = jx_diag_add_source(d, jx_source_name(*sp), src, len);
  jx_source_close(*sp); /* read: -w may replace it */
  *sp = NULL;
  jx_out mem;
  jx_out_init_mem(&mem);
  bool zh = told >= 0 ? told == 1 : jx_fmt_is_zh(src, len);
  jx_fmt_input in = {src, len, NULL, file, plan_framework(cl)};
  if (jx_fmt_in(&in, d, zh, &mem) != 0) {
    rc = JX_EXIT_INPUT;
  } else {
    size_t flen, en;
    const char *formatted = jx_out_data(&mem, &flen);
    bool same = flen == len && memcmp(formatted, src, len) == 0;
    /* In the file's encoding from here on: what is shown or written. */
    char *encoded = raw ? jx_from_utf8(enc, formatted, flen, &en, &bad) : NULL;
    if (!encoded) {
      jx_diag_report_file(d, JX_E_WRITE_ENCODING, path, path, enc,
                          (unsigned long long)bad);
      rc = JX_EXIT_USAGE;
    } else if (diff) {
      /* As git names the two sides: a/PATH as it is, b/PATH formatted. */
      size_t pn = strlen(path) + 3;
      char *na = jx_xmalloc(pn), *nb = jx_xmalloc(pn);
      snprintf(na, pn, "a/%s", path);
      snprintf(nb, pn, "b/%s", path);
      if (jx_unified_diff(stdout_out, raw, raw_n, encoded, en, na, nb))
        rc = JX_EXIT_INPUT;
      free(na);
      free(nb);
    } else if (check) {
      if (!same) {
        printf("%s\n", path);
        rc = JX_EXIT_INPUT;
      }
    } else if (write) {
      if (!same)
        rc = rewrite(d, path, encoded, en);
    } else {
      jx_out_write(stdout_out, encoded, en);
    }
    free(encoded);
  }
  jx_out_free(&mem);
  /* The diagnostics engine quotes lines from src until it is freed. */
  jx_diag_flush(d);
  free(src);
  free(raw);
  return rc;
}

int jx_cmd_fmt(jx_cmdline *cl) {
  jx_diag *d = cl->d;
  bool write = jx_opt_given(cl, F_WRITE), check = jx_opt_given(cl, F_CHECK);
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
   * a read error ends the run at once, the file it was reading left
   * exactly as it was. */
  jx_source **in = jx_sources_open(files, n, d);
  if (!in) {
    jx_diag_summary(d);
    free((void *)files);
    return JX_EXIT_USAGE;
  }
  jx_out stdout_out;
  jx_out_init_fd(&stdout_out, STDOUT_FILENO);
  for (int i = 0; i < n; i++) {
    bool stop = false;
    int r =
        *enc ? fmt_file_encoded(cl, files[i], &in[i], enc, &stdout_out, &stop)
             : fmt_file(cl, files[i], &in[i], &stdout_out, &stop);
    if (r == JX_EXIT_USAGE || (r == JX_EXIT_INPUT && rc == JX_EXIT_OK))
      rc = r;
    jx_source_close(in[i]);
    in[i] = NULL;
    if (stop)
      break;
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
