/*
 * parse.c — runs the flex scanner and bison parser over one source.
 *
 * Input is read in pieces (flex's YY_INPUT calls jx_scan_read), from a
 * jx_source or from memory, so the source is never held whole: a gigabyte
 * plan parses in the scanner's buffer plus one project's nodes.
 */
#include "parse.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
/* The generated headers need jx_scan, then the parser's token types. */
#include "parser.h"
#include "lexer.h"

static size_t scan_read(jx_scan *s, char *buf, size_t max);

/* Whether the first bytes of an input read as GBK text: two characters
 * past ASCII at least, no control character but tab and line breaks, and every
 * character one of GB18030 (glibc's iconv; a character cut at the end
 * counts).  Random bytes never do; a file saved as "ANSI" on Chinese
 * Windows does.  Asked once per input, of at most 64 KiB. */
static bool looks_gbk(const char *buf, size_t n) {
  size_t high = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)buf[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      return false;
    high += c >= 0x80;
  }
  if (high < 4) /* two Chinese characters at least: not a stray pair */
    return false;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1)
    return false;
  char out[4096];
  char *ip = (char *)buf;
  size_t left = n;
  bool ok = true;
  while (left > 0) {
    char *op = out;
    size_t room = sizeof out;
    if (iconv(cd, &ip, &left, &op, &room) != (size_t)-1)
      break;
    if (errno != E2BIG) {
      ok = errno == EINVAL; /* cut at the end */
      break;
    }
  }
  iconv_close(cd);
  return ok;
}

size_t jx_scan_read(jx_scan *s, char *buf, size_t max) {
  size_t n = scan_read(s, buf, max);
  if (!s->encoding_seen && n > 0) {
    s->encoding_seen = true;
    s->gbk_text = looks_gbk(buf, n < 65536 ? n : 65536);
  }
  return n;
}

static size_t scan_read(jx_scan *s, char *buf, size_t max) {
  /* Past the error cap nothing more could be reported: the input ends
   * here, so /dev/zero or a gigabyte of garbage costs one more buffer, not
   * forever.  Checked once per buffer, off the per-token path. */
  if (jx_diag_too_many(s->diag))
    return 0;
  if (s->src) {
    size_t n = jx_source_read(s->src, buf, max);
    if (n == 0 && jx_source_failed(s->src))
      s->read_failed = true;
    return n;
  }
  size_t left = s->mem_len - s->mem_pos;
  size_t n = left < max ? left : max;
  if (n)
    memcpy(buf, s->mem + s->mem_pos, n);
  s->mem_pos += n;
  return n;
}

void jx_scan_forget(jx_scan *s, const jx_loc *lookahead) {
  if (!s->src)
    return;
  uint64_t at = s->line_start;
  if (lookahead && lookahead->line) {
    uint64_t col = lookahead->col ? lookahead->col - 1 : 0;
    uint64_t start = lookahead->offset >= col ? lookahead->offset - col : 0;
    if (start < at)
      at = start;
  }
  jx_source_forget(s->src, at);
}

static void scan_init(jx_scan *s, uint32_t file, jx_diag *d, jx_arena *arena,
                      const jx_sink *sink, const jx_parse_options *opt) {
  memset(s, 0, sizeof *s);
  s->arena = arena;
  s->diag = d;
  s->file = file;
  s->line = 1;
  s->sink = sink;
  jx_vocab_index_init(&s->vocab);
  /* Every token by flex's scanner, the reference, instead of the
   * hand-written one (scan_direct.c): for tests only. */
  const char *sc = getenv("JX_SCANNER");
  s->flex_scanner = sc && strcmp(sc, "flex") == 0;
  if (opt) {
    s->keep_tree = opt->keep_tree;
    s->keep_comments = opt->keep_comments;
    s->suppress = opt->suppress;
  }
}

static void noop_project(void *ud, jx_node *project, const jx_node *unit) {
  (void)ud;
  (void)project;
  (void)unit;
}

static int run(jx_scan *s, jx_file_ast *out) {
  static const jx_sink empty = {.project = noop_project};
  if (!s->sink)
    s->sink = &empty;
  else if (!s->sink->project) {
    /* The grammar calls project() unconditionally; keep the caller's other
     * callbacks but give it a project one. */
    jx_sink *copy = jx_arena_alloc(s->arena, sizeof *copy);
    *copy = *s->sink;
    copy->project = noop_project;
    s->sink = copy;
  }
  s->on_token = s->hooks ? s->hooks->token : NULL;
  yyscan_t scanner;
  if (yylex_init_extra(s, &scanner) != 0)
    return -1;
  int rc = yyparse(scanner, s);
  yylex_destroy(scanner);
  free(s->sbuf);
  free(s->dir.buf);
  free(s->sup_open);
  free(s->block_at);
  if (out) {
    out->items = s->items.head;
    out->comments = s->comments;
  }
  return (rc != 0 || s->syntax_errors || s->lex_errors) ? 1 : 0;
}

int jx_parse_source(jx_source *src, uint32_t file, jx_diag *d, jx_arena *arena,
                    const jx_sink *sink, const jx_parse_options *opt,
                    jx_file_ast *out) {
  jx_scan s;
  scan_init(&s, file, d, arena, sink, opt);
  s.src = src;
  int rc = run(&s, out);
  return s.read_failed ? 2 : rc;
}

int jx_parse_mem(const char *data, size_t n, uint32_t file, jx_diag *d,
                 jx_arena *arena, const jx_sink *sink,
                 const jx_parse_options *opt, jx_file_ast *out) {
  jx_scan s;
  scan_init(&s, file, d, arena, sink, opt);
  s.mem = data;
  s.mem_len = n;
  return run(&s, out);
}

int jx_parse_hooked(jx_source *src, const char *data, size_t n, uint32_t file,
                    jx_diag *d, jx_arena *arena, const jx_sink *sink,
                    const jx_parse_options *opt, const jx_parse_hooks *hooks) {
  jx_scan s;
  scan_init(&s, file, d, arena, sink, opt);
  s.hooks = hooks;
  s.src = src;
  s.mem = data;
  s.mem_len = n;
  int rc = run(&s, NULL);
  return s.read_failed ? 2 : rc;
}

int jx_lex_mem(const char *data, size_t n, uint32_t file, jx_diag *d,
               jx_arena *arena, void (*fn)(void *ud, const jx_token *t),
               void *ud) {
  jx_scan s;
  scan_init(&s, file, d, arena, NULL, NULL);
  s.mem = data;
  s.mem_len = n;
  yyscan_t scanner;
  if (yylex_init_extra(&s, &scanner) != 0)
    return -1;
  for (;;) {
    YYSTYPE v;
    jx_loc loc;
    memset(&v, 0, sizeof v);
    memset(&loc, 0, sizeof loc);
    int kind = yylex(&v, &loc, scanner);
    jx_token t = {kind, jx_token_name(kind), NULL, 0, loc, NULL};
    switch (kind) {
    case STRING:
    case WORD:
      t.text = v.str;
      break;
    case NUMBER:
    case DATE:
    case DATE_RANGE:
      t.text = v.value->text;
      t.value = v.value;
      break;
    case MONTH:
      t.month = v.month;
      break;
    case PATH: {
      size_t a = strlen(v.path->l1.text), b = strlen(v.path->l2.text);
      char *joined = jx_arena_alloc(arena, a + b + 2);
      memcpy(joined, v.path->l1.text, a);
      joined[a] = '.';
      memcpy(joined + a + 1, v.path->l2.text, b + 1);
      t.text = joined;
      break;
    }
    default:
      break;
    }
    fn(ud, &t);
    if (kind == YYEOF)
      break;
  }
  yylex_destroy(scanner);
  free(s.sbuf);
  free(s.dir.buf);
  free(s.block_at);
  return s.lex_errors;
}
