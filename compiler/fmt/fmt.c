/*
 * fmt.c — `jxc fmt`: prints a file back in the one canonical layout.
 *
 * The formatter works on the syntax tree as written (parse.h with
 * keep_tree and keep_comments), so it needs no checking and changes no
 * meaning: categories, numbers and units stay as the author spelled them;
 * keywords, operators, indentation, spacing and string wrapping become
 * canonical.  Comments stay before the statement they preceded (or at the
 * end of its line), and a blank line in the source before a statement or
 * comment is kept as one blank line.
 *
 * Long strings are wrapped at JX_FMT_WIDTH display columns, only between
 * two characters at least one of which is CJK, and continue aligned after
 * the opening quote.  The lexer removes a line break and the indentation
 * after it inside a string, so the wrapped text is the same string.
 * English text is never broken inside a word or at a space (trailing
 * spaces do not survive editors), so an ASCII sentence stays on one line.
 */
#include "fmt.h"

#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "keywords.h"
#include "lower.h"
#include "parse.h"

#define JX_FMT_WIDTH 100
#define JX_FMT_INDENT 2

static const char *const ops[][2] = {
    [JX_OP_EQ] = {"=", "="}, [JX_OP_GE] = {">=", "≥"}, [JX_OP_LE] = {"<=", "≤"},
    [JX_OP_GT] = {">", ">"}, [JX_OP_LT] = {"<", "<"},
};

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

typedef struct printer {
  jx_out *out;
  const char *src;
  size_t len;
  bool zh;
  const jx_comment *comment; /* next comment not yet printed */
  size_t col;                /* display column of the output line */
  int depth;
} printer;

static void put(printer *p, const char *s, size_t n) {
  jx_out_write(p->out, s, n);
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      p->col++;
      i++;
      continue;
    }
    if (cp == '\n')
      p->col = 0;
    else
      p->col += (size_t)(cp < 0x80 ? 1 : utf8proc_charwidth(cp));
    i += (size_t)k;
  }
}

static void puts_(printer *p, const char *s) {
  put(p, s, strlen(s));
}

static void kw(printer *p, jx_kw k) {
  puts_(p, jx_keyword(k, p->zh));
}

/* " KEYWORD word": an optional part of a statement. */
static void kw_word(printer *p, jx_kw k, const char *word) {
  puts_(p, " ");
  kw(p, k);
  puts_(p, " ");
  puts_(p, word);
}

static void indent(printer *p) {
  for (int i = 0; i < p->depth * JX_FMT_INDENT; i++)
    put(p, " ", 1);
}

static void newline(printer *p) {
  put(p, "\n", 1);
}

/* Is the source line just above `line` empty (spaces only)? */
static bool blank_before(const printer *p, uint64_t offset) {
  if (offset > p->len)
    return false;
  size_t i = (size_t)offset;
  while (i > 0 && p->src[i - 1] != '\n')
    i--;
  if (i == 0)
    return false;
  i--; /* the newline ending the previous line */
  while (i > 0 && p->src[i - 1] != '\n') {
    char c = p->src[i - 1];
    if (c != ' ' && c != '\t' && c != '\r')
      return false;
    i--;
  }
  return i > 0;
}

/* Comments that come before `offset`, each on its own line. */
static void comments_before(printer *p, uint64_t offset, bool *first) {
  while (p->comment && p->comment->loc.offset < offset) {
    if (!*first && blank_before(p, p->comment->loc.offset))
      newline(p);
    indent(p);
    puts_(p, "#");
    puts_(p, p->comment->text);
    newline(p);
    *first = false;
    p->comment = p->comment->next;
  }
}

/* A comment on the same source line as a statement that ends before
 * `limit` stays at the end of that statement's line. */
static void trailing_comment(printer *p, uint32_t line, uint64_t limit) {
  if (p->comment && p->comment->loc.line == line &&
      p->comment->loc.offset < limit) {
    puts_(p, "  #");
    puts_(p, p->comment->text);
    p->comment = p->comment->next;
  }
}

static bool is_cjk(utf8proc_int32_t cp) {
  return cp >= 0x2E80;
}

/* Chinese typesetting (禁则): closing punctuation never starts a line and
 * opening punctuation never ends one. */
static bool no_break_before(utf8proc_int32_t cp) {
  static const utf8proc_int32_t closing[] = {
      0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09,
      0x300D, 0x300F, 0x300B, 0x3011, 0x3009, 0x201D, 0x2019, 0xFF05,
      0x3015, 0xFF3D, 0xFF5D, 0x2026, 0xFF0E, 0x30FB, 0x00B7};
  for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
    if (cp == closing[i])
      return true;
  return cp < 0x80 && cp != ' ' &&
         !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 'a' && cp <= 'z'));
}

static bool no_break_after(utf8proc_int32_t cp) {
  static const utf8proc_int32_t opening[] = {0xFF08, 0x300C, 0x300E, 0x300A,
                                             0x3010, 0x3008, 0x201C, 0x2018,
                                             0x3014, 0xFF3B, 0xFF5B};
  for (size_t i = 0; i < sizeof opening / sizeof *opening; i++)
    if (cp == opening[i])
      return true;
  return cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                        (cp >= 'a' && cp <= 'z'));
}

/* Display width of a string literal as string() prints it unwrapped. */
static size_t literal_width(const char *s) {
  size_t w = 2, n = strlen(s);
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      w++, i++;
      continue;
    }
    w += cp < 0x80 ? (cp == '"' || cp == '\\' || cp < 0x20 ? 2 : 1)
                   : (size_t)utf8proc_charwidth(cp);
    i += (size_t)k;
  }
  return w;
}

/* A space before the next `need` columns, or, if they would run past the
 * width, a line break and a continuation indent. */
static void soft_space(printer *p, size_t need) {
  size_t cont = (size_t)(p->depth + 1) * JX_FMT_INDENT;
  if (p->col + 1 + need > JX_FMT_WIDTH && p->col > cont + 8) {
    put(p, "\n", 1);
    for (size_t i = 0; i < cont; i++)
      put(p, " ", 1);
  } else {
    put(p, " ", 1);
  }
}

/* A string literal: escaped, and wrapped after the opening quote's column
 * where a CJK character allows a break. */
static void string(printer *p, const char *s) {
  put(p, "\"", 1);
  size_t cont = p->col; /* continuation lines align after the quote */
  size_t n = strlen(s);
  utf8proc_int32_t prev = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) { /* cannot happen for lexed text; keep the byte */
      put(p, s + i, 1);
      i++;
      continue;
    }
    char esc[16];
    const char *t = s + i;
    size_t tn = (size_t)k;
    if (cp == '"' || cp == '\\') {
      esc[0] = '\\';
      esc[1] = (char)cp;
      t = esc, tn = 2;
    } else if (cp == '\n') {
      t = "\\n", tn = 2;
    } else if (cp == '\t') {
      t = "\\t", tn = 2;
    } else if (cp < 0x20 || cp == 0x7F) {
      tn = (size_t)snprintf(esc, sizeof esc, "\\u{%X}", (unsigned)cp);
      t = esc;
    }
    size_t w = cp < 0x80 ? tn : (size_t)utf8proc_charwidth(cp);
    bool breakable = prev && (is_cjk(prev) || is_cjk(cp)) &&
                     !no_break_before(cp) && !no_break_after(prev) &&
                     cp != 0x3000 && prev != 0x3000 &&
                     cp != ' '; /* the lexer drops a space after a break */
    /* Leave room for the closing quote and semicolon on the last line. */
    if (breakable && p->col + w + 2 > JX_FMT_WIDTH && cont + 8 < JX_FMT_WIDTH) {
      newline(p);
      for (size_t c = 0; c < cont; c++)
        put(p, " ", 1);
    }
    put(p, t, tn);
    prev = cp;
    i += (size_t)k;
  }
  put(p, "\"", 1);
}

static void value(printer *p, const jx_value *v) {
  switch (v->kind) {
  case JX_VAL_TEXT:
    string(p, v->text);
    break;
  case JX_VAL_NA:
    kw(p, JX_KW_NA);
    break;
  default:
    puts_(p, v->text ? v->text : "");
    break;
  }
}

/* " KEYWORD value": an amount after budget, fiscal or other. */
static void kw_value(printer *p, jx_kw k, const jx_value *v) {
  puts_(p, " ");
  kw(p, k);
  puts_(p, " ");
  value(p, v);
}

static void block_open(printer *p) {
  puts_(p, " {");
}

static void items(printer *p, const jx_node *n, uint64_t close);

static void statement(printer *p, const jx_node *n) {
  switch (n->kind) {
  case JX_N_HEADER:
    kw(p, JX_KW_PLAN);
    if (n->u.header.year.kind == JX_VAL_NUMBER) {
      puts_(p, " ");
      puts_(p, n->u.header.year.text);
    }
    if (n->u.header.framework.text) {
      kw_word(p, JX_KW_FRAMEWORK, n->u.header.framework.text);
    }
    if (n->u.header.currency.text) {
      kw_word(p, JX_KW_CURRENCY, n->u.header.currency.text);
    }
    puts_(p, ";");
    break;
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
    if (n->kind == JX_N_FRAMEWORK) {
      kw(p, JX_KW_FRAMEWORK);
      puts_(p, " ");
    }
    puts_(p, n->u.block.code.text);
    if (n->u.block.name.text) {
      puts_(p, " ");
      string(p, n->u.block.name.text);
    }
    block_open(p);
    items(p, n->u.block.items, n->u.block.close.offset);
    break;
  case JX_N_LEVEL2:
    puts_(p, n->u.level2.code.text);
    puts_(p, " ");
    string(p, n->u.level2.label.text);
    if (n->u.level2.role.text) {
      kw_word(p, JX_KW_ROLE, n->u.level2.role.text);
    }
    puts_(p, ";");
    break;
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
    kw(p, n->kind == JX_N_DEPARTMENT ? JX_KW_DEPARTMENT : JX_KW_DIVISION);
    puts_(p, " ");
    string(p, n->u.block.name.text);
    block_open(p);
    items(p, n->u.block.items, n->u.block.close.offset);
    break;
  case JX_N_UNIT: {
    kw(p, JX_KW_UNIT);
    puts_(p, " ");
    const char *code = n->u.block.code.text;
    if (code[0] && strspn(code, "0123456789") == strlen(code))
      puts_(p, code);
    else
      string(p, code);
    puts_(p, " ");
    string(p, n->u.block.name.text);
    block_open(p);
    items(p, n->u.block.items, n->u.block.close.offset);
    break;
  }
  case JX_N_PROJECT: {
    kw(p, JX_KW_PROJECT);
    puts_(p, " ");
    string(p, n->u.block.name.text);
    const jx_node *first = n->u.block.items;
    if (first && first->kind == JX_N_BUDGET && first->u.budget.in_header) {
      kw_value(p, JX_KW_BUDGET, &first->u.budget.amount);
      first = first->next;
    }
    block_open(p);
    items(p, first, n->u.block.close.offset);
    break;
  }
  case JX_N_GOAL:
  case JX_N_PURPOSE:
  case JX_N_CODE:
    kw(p, n->kind == JX_N_GOAL      ? JX_KW_GOAL
          : n->kind == JX_N_PURPOSE ? JX_KW_PURPOSE
                                    : JX_KW_CODE);
    puts_(p, " ");
    string(p, n->u.text.text.text);
    puts_(p, ";");
    break;
  case JX_N_MEASURE:
    kw(p, JX_KW_MEASURE);
    puts_(p, " ");
    string(p, n->u.measure.title.text);
    if (n->u.measure.text.text) {
      soft_space(p, literal_width(n->u.measure.text.text) + 1);
      string(p, n->u.measure.text.text);
    }
    puts_(p, ";");
    break;
  case JX_N_BUDGET:
    kw(p, JX_KW_BUDGET);
    puts_(p, " ");
    value(p, &n->u.budget.amount);
    puts_(p, ";");
    break;
  case JX_N_FUNDS:
    kw(p, JX_KW_FUNDS);
    if (n->u.funds.fiscal.kind == JX_VAL_NUMBER) {
      kw_value(p, JX_KW_FISCAL, &n->u.funds.fiscal);
    }
    if (n->u.funds.other.kind == JX_VAL_NUMBER) {
      kw_value(p, JX_KW_OTHER, &n->u.funds.other);
    }
    puts_(p, ";");
    break;
  case JX_N_SCHEDULE:
    kw(p, JX_KW_SCHEDULE);
    for (const jx_schedule_entry *e = n->u.schedule.entries; e; e = e->next) {
      int m = jx_schedule_month(e);
      puts_(p, " ");
      if (m && p->zh) {
        char b[16];
        snprintf(b, sizeof b, "%d月底", m);
        puts_(p, b);
      } else if (m) {
        puts_(p, months[m - 1]);
      } else {
        value(p, &e->month);
      }
      puts_(p, " ");
      value(p, &e->percent);
    }
    puts_(p, ";");
    break;
  case JX_N_INDICATOR: {
    const jx_text *l1 = &n->u.indicator.level1, *l2 = &n->u.indicator.level2;
    if (!l2->text) {
      kw(p, JX_KW_INDICATOR);
    } else if (l1->text) {
      puts_(p, l1->text);
      puts_(p, ".");
      puts_(p, l2->text);
    } else {
      puts_(p, l2->text);
    }
    puts_(p, " ");
    string(p, n->u.indicator.name.text);
    const jx_value *v = &n->u.indicator.value;
    if (v->kind != JX_VAL_NA || n->u.indicator.op_written) {
      puts_(p, " ");
      puts_(p, ops[n->u.indicator.op][p->zh]);
    }
    puts_(p, " ");
    value(p, v);
    if (n->u.indicator.desc.text) {
      soft_space(p, strlen(jx_keyword(JX_KW_DESC, p->zh)) + 1 +
                        literal_width(n->u.indicator.desc.text) + 1);
      kw(p, JX_KW_DESC);
      puts_(p, " ");
      string(p, n->u.indicator.desc.text);
    }
    if (n->u.indicator.basis.text) {
      soft_space(p, strlen(jx_keyword(JX_KW_BASIS, p->zh)) + 1 +
                        literal_width(n->u.indicator.basis.text) + 1);
      kw(p, JX_KW_BASIS);
      puts_(p, " ");
      string(p, n->u.indicator.basis.text);
    }
    puts_(p, ";");
    break;
  }
  }
}

static bool is_block(const jx_node *n) {
  switch (n->kind) {
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
  case JX_N_UNIT:
  case JX_N_PROJECT:
    return true;
  default:
    return false;
  }
}

/* The statements of a block (or of the file, with depth 0), then the
 * comments before its closing brace, then the brace. */
static void items(printer *p, const jx_node *n, uint64_t close) {
  bool top = p->depth == 0 && close == UINT64_MAX;
  if (!top) {
    newline(p);
    p->depth++;
  }
  bool first = true;
  for (; n; n = n->next) {
    comments_before(p, n->loc.offset, &first);
    if (!first && blank_before(p, n->loc.offset))
      newline(p);
    indent(p);
    statement(p, n);
    if (!is_block(n)) {
      uint64_t limit = n->next ? n->next->loc.offset : close;
      trailing_comment(p, n->loc.line, limit);
    }
    newline(p);
    first = false;
  }
  comments_before(p, close, &first);
  if (!top) {
    p->depth--;
    indent(p);
    puts_(p, "}");
  }
}

int jx_fmt(const char *src, size_t len, uint32_t file, jx_diag *d, bool zh,
           jx_out *out) {
  jx_arena arena;
  jx_arena_init(&arena);
  jx_parse_options opt = {true, true};
  jx_file_ast ast = {NULL, NULL};
  int rc = jx_parse_mem(src, len, file, d, &arena, NULL, &opt, &ast);
  if (rc == 0) {
    printer p = {out, src, len, zh, ast.comments, 0, 0};
    items(&p, ast.items, UINT64_MAX);
  }
  jx_arena_free(&arena);
  return rc;
}
