/*
 * fmt_stream.c — `jxc fmt` as the parser goes (see fmt.h): the parser's
 * sink prints each declaration it hands over (fmt.c) into a small buffer
 * that is passed on at once, and the parser gives the declaration's memory
 * back (parse.h, without keep_tree), so memory does not grow with the
 * file.  Comments reach the printer through the sink as they are read;
 * blank lines are read from the source beside the parser (fmt_text.c).
 *
 * What needed the whole file is done in a first reading, jx_fmt_scan: a
 * file with a syntax error or a repeated part is not formatted at all,
 * and its keyword language is that of most of its keywords (counted as
 * jx_fmt_is_zh counts them, from the bytes of each token the parser
 * reads).  Repeated parts are reported only when there is no syntax
 * error, after all of them, as when the tree was kept whole: they are
 * counted in the first reading and, if there are any, reported in
 * another.
 */
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fmt_cat.h"
#include "fmt_print.h"
#include "parse.h"
#include "vocab.h"

/* ---- the file's own language ------------------------------------------- */

typedef struct spoken {
  jx_vocab_index vocab;
  size_t en, zh;
} spoken;

/* One token's bytes: a keyword (or month) in one language or the other? */
static void count_word(spoken *k, const char *b, size_t n) {
  const jx_vocab_spelling *e = jx_vocab_find(&k->vocab, b, n);
  if (e && (jx_kw_is_keyword((jx_kw)e->kw) || e->kw == JX_KW_MONTH)) {
    if ((unsigned char)b[0] >= 0x80)
      k->zh++;
    else
      k->en++;
  }
}

typedef struct lexed_zh {
  const char *src;
  spoken k;
} lexed_zh;

static void count_token(void *ud, const jx_token *t) {
  lexed_zh *l = ud;
  if (t->loc.len == 0 || t->loc.len > JX_VOCAB_MAX_LEN)
    return;
  count_word(&l->k, l->src + t->loc.offset, t->loc.len);
}

static void quiet(void *ud, const jx_diag_record *r) {
  (void)ud;
  (void)r;
}

/* A diagnostics engine that says nothing, for a reading whose errors were
 * (or will be) reported by another. */
static jx_diag *quiet_diag(uint32_t *file) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_sink(d, quiet, NULL);
  *file = jx_diag_add_source(d, "", NULL, 0);
  return d;
}

bool jx_fmt_is_zh(const char *src, size_t len) {
  lexed_zh l;
  memset(&l, 0, sizeof l);
  l.src = src;
  jx_vocab_index_init(&l.k.vocab);
  /* Lexed on its own, quietly: jx_fmt's parse reports what is wrong. */
  jx_diag *d = jx_diag_new();
  jx_diag_set_sink(d, quiet, NULL);
  uint32_t file = jx_diag_add_source(d, "", src, len);
  jx_arena a;
  jx_arena_init(&a);
  jx_lex_mem(src, len, file, d, &a, count_token, &l);
  jx_arena_free(&a);
  jx_diag_free(d);
  return l.k.zh > l.k.en;
}

/* ---- one reading -------------------------------------------------------- */

typedef struct reading {
  jx_diag *pd; /* the parser's */
  int errors;  /* its errors before the reading */
  /* Repeated parts: reported through report, or only counted. */
  jx_diag *report;
  int repeated;
  /* Keywords counted (count set), their bytes read through kw. */
  bool count;
  spoken k;
  jx_fmt_text kw;
  /* Printing (p set): into buf, passed on to `to` as it fills. */
  jx_printer *p;
  jx_out buf;
  jx_fmt_to *to;
  jx_arena *arena; /* the parser's */
  bool broken;     /* the parser found an error: printing stopped */
} reading;

/* What was printed goes on to its reader. */
static void drain(reading *r) {
  size_t held = (r->arena ? jx_arena_size(r->arena) : 0) + r->buf.cap;
  if (held > r->to->held_max)
    r->to->held_max = held;
  size_t n;
  const char *t = jx_out_data(&r->buf, &n);
  if (n)
    r->to->write(r->to->ud, t, n);
  r->buf.len = 0;
}

/* Whether to print the next declaration: not after a syntax error (the
 * output is thrown away then, and a tree the parser recovered is not
 * worth printing). */
static bool printing(reading *r) {
  if (!r->p || r->broken)
    return false;
  if (jx_diag_errors(r->pd) != r->errors) {
    r->broken = true;
    return false;
  }
  return true;
}

/* Before what starts at n: the line before it ends, and if it ended a
 * source line of its own, the reader may cut the old and new texts
 * there. */
static void before(reading *r, const jx_node *n) {
  jx_printer *p = r->p;
  bool had = p->pending;
  jx_loc end = p->pending_end;
  jx_fmt_settle(p, n->loc.offset);
  if (had && n->loc.line > end.line && r->to->sync) {
    drain(r);
    r->to->sync(r->to->ud, end.offset + end.len);
  }
}

static void whole(reading *r, const jx_node *n) {
  r->repeated += jx_fmt_repeated(n, r->report);
  if (!printing(r))
    return;
  before(r, n);
  jx_fmt_node(r->p, n);
  drain(r);
}

static void on_decl(void *ud, jx_node *n) {
  whole(ud, n);
}

static void on_project(void *ud, jx_node *n, const jx_node *unit) {
  (void)unit;
  whole(ud, n);
}

static void on_unit_open(void *ud, jx_node *u) {
  reading *r = ud;
  if (!printing(r))
    return;
  before(r, u);
  jx_fmt_open(r->p, u);
  drain(r);
}

static void on_unit_item(void *ud, jx_node *n) {
  reading *r = ud;
  if (!printing(r))
    return;
  before(r, n);
  jx_fmt_node(r->p, n);
  drain(r);
}

static void on_unit_close(void *ud, jx_node *u) {
  reading *r = ud;
  /* (Its own statements, which came one by one, cannot repeat a part;
   * its projects were counted as they came.) */
  if (!printing(r))
    return;
  jx_fmt_close(r->p, &u->u.block.close);
  drain(r);
}

static void on_comment(void *ud, const char *text, size_t n, jx_loc loc) {
  reading *r = ud;
  if (r->p && !r->broken)
    jx_pr_add_comment(r->p, text, n, loc);
}

static void on_token(void *ud, int kind, const jx_loc *loc) {
  reading *r = ud;
  (void)kind;
  if (loc->len == 0 || loc->len > JX_VOCAB_MAX_LEN)
    return;
  const char *b;
  if (jx_fmt_text_get(&r->kw, loc->offset, loc->len, &b) >= loc->len)
    count_word(&r->k, b, loc->len);
}

/* Parses the input once with r's sink; returns what the parser does. */
static int parse(const jx_fmt_input *in, reading *r, uint32_t file) {
  jx_sink sink;
  memset(&sink, 0, sizeof sink);
  sink.ud = r;
  sink.header = on_decl;
  sink.framework = on_decl;
  sink.department = on_decl;
  sink.actuals = on_decl;
  sink.profile = on_decl;
  sink.project = on_project;
  sink.unit_open = on_unit_open;
  sink.unit_close = on_unit_close;
  jx_parse_hooks hooks;
  memset(&hooks, 0, sizeof hooks);
  hooks.ud = r;
  hooks.unit_item = on_unit_item;
  if (r->p)
    hooks.comment = on_comment;
  if (r->count) {
    hooks.token = on_token;
    if (in->data)
      jx_fmt_text_mem(&r->kw, in->data, in->len);
    else
      jx_fmt_text_source(&r->kw, in->src);
  }
  jx_parse_options opt = {false, r->p != NULL, NULL};
  jx_arena arena;
  jx_arena_init(&arena);
  r->arena = &arena;
  r->errors = jx_diag_errors(r->pd);
  int rc;
  if (!in->data && !jx_source_rewind(in->src))
    rc = 2;
  else
    rc = jx_parse_hooked(in->data ? NULL : in->src, in->data, in->len, file,
                         r->pd, &arena, &sink, &opt, &hooks);
  jx_arena_free(&arena);
  r->arena = NULL;
  if (r->count)
    jx_fmt_text_free(&r->kw);
  return rc;
}

/* The repeated parts, reported in a reading of their own: only when there
 * is no syntax error, and after everything else. */
static void report_repeated(const jx_fmt_input *in, jx_diag *d) {
  reading r;
  memset(&r, 0, sizeof r);
  uint32_t file;
  r.pd = quiet_diag(&file);
  r.report = d;
  parse(in, &r, file);
  jx_diag_free(r.pd);
}

int jx_fmt_scan(const jx_fmt_input *in, jx_diag *d, bool *zh) {
  reading r;
  memset(&r, 0, sizeof r);
  r.pd = d;
  r.count = zh != NULL;
  if (r.count)
    jx_vocab_index_init(&r.k.vocab);
  int rc = parse(in, &r, in->file);
  if (rc == 0 && r.repeated > 0) {
    report_repeated(in, d);
    rc = 1;
  }
  if (zh)
    *zh = r.k.zh > r.k.en;
  return rc;
}

/* Whether the source's lines end with CR LF (its first line break does):
 * Notepad's files stay Notepad's. */
static bool crlf(jx_fmt_text *t) {
  char prev = 0;
  uint64_t at = 0;
  const char *w;
  size_t n;
  while ((n = jx_fmt_text_get(t, at, 1, &w)) > 0) {
    const char *nl = memchr(w, '\n', n);
    if (nl)
      return nl > w ? nl[-1] == '\r' : prev == '\r';
    prev = w[n - 1];
    at += n;
  }
  return false;
}

/* Prints the input into `to` in one reading whose syntax errors go to pd
 * (and whose repeated parts, if report, to report).  Returns what the
 * parser does, or 1 for repeated parts. */
static int print(const jx_fmt_input *in, jx_diag *pd, uint32_t file,
                 jx_diag *report, bool zh, jx_fmt_to *to) {
  jx_fmt_text text;
  if (in->data)
    jx_fmt_text_mem(&text, in->data, in->len);
  else
    jx_fmt_text_source(&text, in->src);
  jx_arena cats;
  jx_arena_init(&cats);
  jx_printer p;
  memset(&p, 0, sizeof p);
  p.text = &text;
  p.zh = zh;
  p.crlf = crlf(&text);
  p.comment_end = &p.comment;
  p.cats = jx_fmt_cats_new(&cats, zh, in->framework);
  p.block_start = true;
  reading r;
  memset(&r, 0, sizeof r);
  r.pd = pd;
  r.p = &p;
  r.to = to;
  jx_out_init_mem(&r.buf);
  p.out = &r.buf;
  int rc = parse(in, &r, file);
  if (rc == 0 && r.repeated > 0) {
    if (report)
      report_repeated(in, report);
    rc = 1;
  }
  if (rc == 0 && !r.broken) {
    jx_fmt_end(&p);
    drain(&r);
  }
  jx_pr_drop_comments(&p);
  jx_out_free(&r.buf);
  jx_fmt_cats_free(p.cats);
  jx_arena_free(&cats);
  jx_fmt_text_free(&text);
  return rc;
}

int jx_fmt_print(const jx_fmt_input *in, bool zh, jx_fmt_to *to) {
  uint32_t file;
  jx_diag *q = quiet_diag(&file);
  int rc = print(in, q, file, NULL, zh, to);
  jx_diag_free(q);
  return rc;
}

static void to_out(void *ud, const char *p, size_t n) {
  jx_out_write(ud, p, n);
}

int jx_fmt(const char *src, size_t len, uint32_t file, jx_diag *d, bool zh,
           jx_out *out) {
  jx_fmt_input in = {src, len, NULL, file, NULL};
  return jx_fmt_in(&in, d, zh, out);
}

int jx_fmt_in(const jx_fmt_input *in, jx_diag *d, bool zh, jx_out *out) {
  /* One reading: what it reports goes to d, what it prints waits in
   * memory until the reading is through without an error. */
  jx_out held;
  jx_out_init_mem(&held);
  jx_fmt_to to = {to_out, NULL, &held, 0};
  int rc = print(in, d, in->file, d, zh, &to);
  if (rc == 0) {
    size_t n;
    const char *t = jx_out_data(&held, &n);
    jx_out_write(out, t, n);
  }
  jx_out_free(&held);
  return rc == 0 ? 0 : 1;
}
