/*
 * fmt.c — `jxc fmt`: prints a file back in the one canonical layout.
 *
 * The formatter works on the syntax tree as written (parse.h with
 * keep_tree and keep_comments), so it needs no checking and changes no
 * meaning: numbers, units, dates and date ranges stay as the author
 * spelled them, a comparison written after a value too (90%以上,
 * 2023年6月底前); keywords, operators, months (from
 * compiler/domain/vocab.def), categories (from the framework in force,
 * fmt_cat.c), indentation, spacing and string wrapping become canonical,
 * in English or Chinese.  What the lexer reads as a layout of the same
 * text becomes canonical too: full-width digits and letters are written
 * in ASCII (their NFKC form, ９０％ → 90%), a string in Chinese quotes
 * “…” in ASCII ones, and the colon after a keyword (预算：) and the column
 * heading 指标值 before a value are left out.  Its output formats to
 * itself, byte for byte.
 *
 * Comments stay with the statement they were written beside: one after a
 * statement's ';' (or a block's '{' or '}') on the same line stays at the
 * end of that line, however the statement is wrapped; one before a
 * statement, or between the parts of a statement written over several
 * lines, goes on a line of its own just before the statement.  A blank
 * line in the source before a statement or comment is kept as one blank
 * line.  The source's layout is read with one forward pass (struct scan),
 * so formatting is linear in the size of the file, however long its lines.
 *
 * Long strings are wrapped at JX_FMT_WIDTH display columns, only between
 * two characters at least one of which is CJK, and continue aligned after
 * the opening quote.  The lexer removes a line break inside a string and
 * every space, tab and full-width space after it, so a break is never put
 * next to a space of any kind (one after it would be lost; one before it
 * would be trailing whitespace, which editors strip), nor next to an
 * escape, nor inside a grapheme: the wrapped text is the same string.
 * English text is never broken inside a word or at a space, so an ASCII
 * sentence stays on one line.
 *
 * The tree keeps only the first of a repeated desc, basis, fiscal or other
 * part; a file with one is not formatted (the checker's error is reported)
 * rather than silently losing the repeat.
 */
#include "fmt.h"

#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "eval.h" /* the words of actuals and profiles, in either language */
#include "fmt_cat.h"
#include "forms.h"
#include "lower.h"
#include "parse.h"
#include "vocab.h"

#define JX_FMT_WIDTH 100
#define JX_FMT_INDENT 2

/* What the source looks like at a point, read forward once: the printer
 * asks only about increasing offsets (statements and comments in order),
 * so no line is ever scanned twice. */
typedef struct scan {
  size_t pos;         /* bytes of the source looked at */
  bool line_has_text; /* pos's line has more than spaces before pos */
  bool blank_above;   /* the line before pos's line has only spaces */
} scan;

typedef struct printer {
  jx_out *out;
  const char *src;
  size_t len;
  bool zh;
  const jx_comment *comment; /* next comment not yet printed */
  jx_fmt_cats *cats;         /* how categories are spelt */
  size_t col;                /* display column of the output line */
  int depth;
  bool block_start; /* nothing printed yet in the current block */
  bool blank_done;  /* a blank line was just printed */
  scan scan;
} printer;

static void put(printer *p, const char *s, size_t n) {
  jx_out_write(p->out, s, n);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* most of the output: no decoding */
      p->col = c == '\n' ? 0 : p->col + 1;
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      p->col++;
      i++;
      continue;
    }
    p->col += (size_t)utf8proc_charwidth(cp);
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
/* A word of an actuals statement in the keywords' language, when jxc
 * knows it (met, 部分达成, staff, 有可能 …); else as written. */
static const char *spelt(jx_ev_word kind, const char *word, bool zh) {
  const char *s = jx_ev_word_spelling(kind, word, zh);
  return s ? s : word;
}

static void kw_word(printer *p, jx_kw k, const char *word) {
  puts_(p, " ");
  kw(p, k);
  puts_(p, " ");
  puts_(p, word);
}

static void spaces(printer *p, size_t n) {
  static const char blank[] = "                                ";
  while (n > 0) {
    size_t k = n < sizeof blank - 1 ? n : sizeof blank - 1;
    put(p, blank, k);
    n -= k;
  }
}

static void newline(printer *p) {
  put(p, "\n", 1);
}

/* The start of a line with something on it, indented to the block. */
static void begin_line(printer *p) {
  spaces(p, (size_t)p->depth * JX_FMT_INDENT);
  p->block_start = false;
  p->blank_done = false;
}

/* Moves the scan to `offset` (never backwards) and says whether the text
 * there is the first thing on its line and the line above it is blank.
 * Spaces are what the lexer skips: space, tab, CR and U+3000. */
static bool blank_line_before(printer *p, uint64_t offset) {
  scan *s = &p->scan;
  size_t end = offset < p->len ? (size_t)offset : p->len;
  const unsigned char *u = (const unsigned char *)p->src;
  while (s->pos < end) {
    unsigned char c = u[s->pos];
    if (c == '\n') {
      s->blank_above = !s->line_has_text;
      s->line_has_text = false;
      s->pos++;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      s->pos++;
    } else if (c == 0xE3 && s->pos + 2 < p->len && u[s->pos + 1] == 0x80 &&
               u[s->pos + 2] == 0x80) {
      s->pos += 3;
    } else {
      s->line_has_text = true;
      s->pos++;
    }
  }
  return !s->line_has_text && s->blank_above;
}

/* A blank line before what starts at `offset`, if the source had one there
 * and it is not the first thing in its block: at most one in a row. */
static void blank_line(printer *p, uint64_t offset) {
  if (blank_line_before(p, offset) && !p->block_start && !p->blank_done) {
    newline(p);
    p->blank_done = true;
  }
}

/* The comments that start before `offset`, each on a line of its own. */
static void comments_before(printer *p, uint64_t offset) {
  while (p->comment && p->comment->loc.offset < offset) {
    blank_line(p, p->comment->loc.offset);
    begin_line(p);
    puts_(p, "#");
    puts_(p, p->comment->text);
    newline(p);
    p->comment = p->comment->next;
  }
}

/* A comment after `end` (a ';', '{' or '}') on the same source line, and
 * before `limit` (where the next statement starts), stays at the end of
 * the line `end` is printed on. */
static void comment_after(printer *p, const jx_loc *end, uint64_t limit) {
  const jx_comment *c = p->comment;
  if (c && c->loc.offset > end->offset && c->loc.line == end->line &&
      c->loc.offset < limit) {
    puts_(p, "  #");
    puts_(p, c->text);
    p->comment = c->next;
  }
}

static bool is_cjk(utf8proc_int32_t cp) {
  return cp >= 0x2E80;
}

/* A space of any kind, or something invisible: a line never starts or ends
 * next to one.  The lexer drops space, tab, CR and U+3000 after a line
 * break in a string; editors strip Unicode spaces before one. */
static bool is_space_like(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF:
    return true;
  default:
    return utf8proc_charwidth(cp) == 0;
  }
}

/* Chinese typesetting (禁则): closing punctuation never starts a line and
 * opening punctuation never ends one.  ASCII punctuation (which includes
 * the escapes \" \\ \n \t) never starts or ends one either. */
static bool no_break_before(utf8proc_int32_t cp) {
  static const utf8proc_int32_t closing[] = {
      0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09,
      0x300D, 0x300F, 0x300B, 0x3011, 0x3009, 0x201D, 0x2019, 0xFF05,
      0x3015, 0xFF3D, 0xFF5D, 0x2026, 0xFF0E, 0x30FB, 0x00B7};
  for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
    if (cp == closing[i])
      return true;
  return cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
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

/* May a wrapped string line end between prev and cp, where `grapheme` says
 * whether a grapheme cluster ends there?  Only where the string keeps its
 * value and its look: see the file comment. */
static bool can_break(utf8proc_int32_t prev, utf8proc_int32_t cp,
                      bool grapheme) {
  return grapheme && (is_cjk(prev) || is_cjk(cp)) && !is_space_like(prev) &&
         !is_space_like(cp) && !no_break_before(cp) && !no_break_after(prev);
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
    newline(p);
    spaces(p, cont);
  } else {
    put(p, " ", 1);
  }
}

/* A string literal: escaped, and wrapped after the opening quote's column
 * where can_break() allows. */
static void string(printer *p, const char *s) {
  put(p, "\"", 1);
  size_t cont = p->col; /* continuation lines align after the quote */
  size_t n = strlen(s);
  utf8proc_int32_t prev = 0;
  utf8proc_int32_t state = 0; /* for grapheme clusters */
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) { /* cannot happen for lexed text; keep the byte */
      put(p, s + i, 1);
      prev = 0;
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
    /* Every pair goes through the grapheme state machine, in order. */
    bool grapheme = prev && utf8proc_grapheme_break_stateful(prev, cp, &state);
    /* Leave room for the closing quote and semicolon on the last line. */
    if (p->col + w + 2 > JX_FMT_WIDTH && cont + 8 < JX_FMT_WIDTH &&
        can_break(prev, cp, grapheme)) {
      newline(p);
      spaces(p, cont);
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
  case JX_VAL_NONE:
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

/* A code: bare when it is all digits (it lexes as a number), else a
 * string. */
static void code_text(printer *p, const char *code) {
  if (code[0] && strspn(code, "0123456789") == strlen(code))
    puts_(p, code);
  else
    string(p, code);
}

/* " KEYWORD "text"", wrapped before the keyword if it would not fit. */
static void kw_string_attr(printer *p, jx_kw k, const char *text) {
  soft_space(p, strlen(jx_keyword(k, p->zh)) + 1 + literal_width(text) + 1);
  kw(p, k);
  puts_(p, " ");
  string(p, text);
}

/* An actual (compiler/eval): what it reports, then its attributes. */
static void actual(printer *p, const jx_node *n) {
  switch (n->u.actual.what) {
  case JX_ACT_INDICATOR:
    string(p, n->u.actual.name.text);
    break;
  case JX_ACT_SPENT:
    kw(p, JX_KW_SPENT);
    break;
  case JX_ACT_BUDGET_FULL:
    kw(p, JX_KW_BUDGET_FULL);
    break;
  }
  if (n->u.actual.targeted) {
    puts_(p, " ");
    kw(p, JX_KW_TARGETED);
  } else if (n->u.actual.value.kind != JX_VAL_NONE) {
    puts_(p, " ");
    value(p, &n->u.actual.value);
  }
  if (n->u.actual.rating.text) {
    puts_(p, " ");
    puts_(p, spelt(JX_EVW_RATING, n->u.actual.rating.text, p->zh));
  }
  if (n->u.actual.weight.kind != JX_VAL_NONE)
    kw_value(p, JX_KW_WEIGHT, &n->u.actual.weight);
  if (n->u.actual.score.kind != JX_VAL_NONE)
    kw_value(p, JX_KW_SCORE, &n->u.actual.score);
  const char *why = n->u.actual.reason.text;
  if (why) {
    kw_word(p, JX_KW_REASON, spelt(JX_EVW_REASON, why, p->zh));
    if (n->u.actual.reason_text.text) {
      soft_space(p, literal_width(n->u.actual.reason_text.text) + 1);
      string(p, n->u.actual.reason_text.text);
    }
  } else if (n->u.actual.reason_text.text) {
    kw_string_attr(p, JX_KW_REASON, n->u.actual.reason_text.text);
  }
  if (n->u.actual.measure.text)
    kw_string_attr(p, JX_KW_MEASURE, n->u.actual.measure.text);
  if (n->u.actual.likelihood.text)
    kw_word(p, JX_KW_LIKELIHOOD,
            spelt(JX_EVW_LIKELIHOOD, n->u.actual.likelihood.text, p->zh));
  puts_(p, ";");
}

/* The keywords of the header fields (ast.h jx_attr_key) and of the
 * explanation columns (jx_expl), in their order. */
static const jx_kw attr_kw[JX_ATTR_COUNT] = {
    JX_KW_CLASS,   JX_KW_NATURE,  JX_KW_POLICY,  JX_KW_DOCUMENT,
    JX_KW_SUBJECT, JX_KW_MANAGER, JX_KW_CONTACT, JX_KW_ATTRIBUTE};
static const jx_kw expl_kw[JX_EXPL_COUNT] = {
    JX_KW_STANDARD, JX_KW_EXPLANATION, JX_KW_NOTE, JX_KW_REMARK, JX_KW_SCORING};
static const jx_msg expl_field[JX_EXPL_COUNT] = {
    JX_M_FIELD_STANDARD, JX_M_FIELD_EXPLANATION, JX_M_FIELD_NOTE,
    JX_M_FIELD_REMARK, JX_M_FIELD_SCORING};

/* A source of funds as the language of the output spells it (上级资金 or
 * superior), or as written when the table does not know it. */
static void source_word(printer *p, const jx_funds_part *x) {
  if (x->token) {
    kw(p, x->token == 1 ? JX_KW_FISCAL : JX_KW_OTHER);
    return;
  }
  /* A word for fiscal or other money (财政拨款, 其它) stays a word: the
   * canonical spelling would be the keyword, another statement part. */
  const jx_source_kind *k = jx_source_find(x->word.text);
  if (!k || k == jx_source_fiscal() || k == jx_source_other())
    puts_(p, x->word.text);
  else
    puts_(p, p->zh ? k->label : k->code);
}

/* A statement, or a block's head up to its opening brace. */
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
    if (n->u.header.form.text) {
      kw_word(p, JX_KW_FORM, n->u.header.form.text);
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
    if (n->kind == JX_N_LEVEL1 && n->u.block.role.text) {
      kw_word(p, JX_KW_ROLE, n->u.block.role.text);
    }
    block_open(p);
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
    break;
  case JX_N_UNIT: {
    kw(p, JX_KW_UNIT);
    puts_(p, " ");
    if (n->u.block.code.text) { /* a unit may be known by its name alone */
      code_text(p, n->u.block.code.text);
      puts_(p, " ");
    }
    string(p, n->u.block.name.text);
    block_open(p);
    break;
  }
  case JX_N_PROJECT: {
    kw(p, JX_KW_PROJECT);
    puts_(p, " ");
    string(p, n->u.block.name.text);
    const jx_node *first = n->u.block.items;
    if (first && first->kind == JX_N_BUDGET && first->u.budget.in_header)
      kw_value(p, JX_KW_BUDGET, &first->u.budget.amount);
    block_open(p);
    break;
  }
  case JX_N_GOAL:
  case JX_N_PURPOSE:
  case JX_N_CODE:
  case JX_N_OVERALL:
    kw(p, n->kind == JX_N_GOAL      ? JX_KW_GOAL
          : n->kind == JX_N_PURPOSE ? JX_KW_PURPOSE
          : n->kind == JX_N_OVERALL ? JX_KW_OVERALL
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
  case JX_N_TOTAL:
    kw(p, n->kind == JX_N_BUDGET ? JX_KW_BUDGET : JX_KW_TOTAL);
    puts_(p, " ");
    value(p, &n->u.budget.amount);
    puts_(p, ";");
    break;
  case JX_N_FUNDS:
    kw(p, JX_KW_FUNDS);
    for (const jx_funds_part *x = n->u.funds.parts; x; x = x->next) {
      puts_(p, " ");
      source_word(p, x);
      puts_(p, " ");
      value(p, &x->amount);
    }
    puts_(p, ";");
    break;
  case JX_N_ORG:
    kw(p, n->u.org.role == JX_ORG_SUPERVISOR ? JX_KW_SUPERVISOR
                                             : JX_KW_IMPLEMENTER);
    puts_(p, " ");
    if (n->u.org.code.text) {
      code_text(p, n->u.org.code.text);
      puts_(p, " ");
    }
    string(p, n->u.org.name.text);
    puts_(p, ";");
    break;
  case JX_N_PERIOD:
    kw(p, JX_KW_PERIOD);
    puts_(p, " ");
    value(p, &n->u.period.value);
    puts_(p, ";");
    break;
  case JX_N_ATTR:
    kw(p, attr_kw[n->u.attr.key]);
    puts_(p, " ");
    if (n->u.attr.key == JX_ATTR_OTHER) {
      string(p, n->u.attr.name.text);
      soft_space(p, literal_width(n->u.attr.value.text) + 1);
      string(p, n->u.attr.value.text);
    } else if (n->u.attr.key == JX_ATTR_SUBJECT) {
      code_text(p, n->u.attr.value.text);
    } else {
      string(p, n->u.attr.value.text);
    }
    if (n->u.attr.extra.text) {
      puts_(p, " ");
      string(p, n->u.attr.extra.text);
    }
    puts_(p, ";");
    break;
  case JX_N_BREAKDOWN:
    kw(p, JX_KW_BREAKDOWN);
    for (const jx_line *x = n->u.breakdown.items; x; x = x->next) {
      size_t need = strlen(x->amount.text ? x->amount.text : "") + 1;
      if (x->name.text) {
        soft_space(p, literal_width(x->name.text) + 1 + need);
        string(p, x->name.text);
        puts_(p, " ");
      } else {
        soft_space(p, need);
      }
      value(p, &x->amount);
    }
    puts_(p, ";");
    break;
  case JX_N_SCHEDULE:
    kw(p, JX_KW_SCHEDULE);
    for (const jx_schedule_entry *e = n->u.schedule.entries; e; e = e->next) {
      int m = jx_schedule_month(e);
      puts_(p, " ");
      if (m) {
        puts_(p, jx_month_name(m, p->zh));
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
    const char *cat = jx_fmt_cats_spell(p->cats, l1, l2);
    if (!l2->text) {
      kw(p, JX_KW_INDICATOR);
    } else if (cat) {
      puts_(p, cat);
    } else if (l1->text) {
      puts_(p, l1->text);
      puts_(p, ".");
      puts_(p, l2->text);
    } else {
      puts_(p, l2->text);
    }
    /* A row may have no name (a value printed alone) and no value (an
     * empty row). */
    if (n->u.indicator.name.text) {
      puts_(p, " ");
      string(p, n->u.indicator.name.text);
    }
    /* '=' is written where none was, but not before n/a, a date range
     * or a value that ends in its comparison (90%以上): those read as
     * printed. */
    const jx_value *v = &n->u.indicator.value;
    if (v->kind != JX_VAL_NONE) {
      if (n->u.indicator.op_written ||
          (v->kind != JX_VAL_NA && v->kind != JX_VAL_DATE_RANGE && !v->post)) {
        puts_(p, " ");
        kw(p, jx_op_kw(n->u.indicator.op));
      }
      puts_(p, " ");
      value(p, v);
    }
    /* The period's target beside the year's: two columns of one row. */
    if (n->u.indicator.has_period) {
      const jx_value *pv = &n->u.indicator.period_value;
      soft_space(p, strlen(jx_keyword(JX_KW_PERIOD, p->zh)) + 4 +
                        (pv->kind == JX_VAL_TEXT ? literal_width(pv->text)
                         : pv->text              ? strlen(pv->text)
                                                 : 0));
      kw(p, JX_KW_PERIOD);
      if (n->u.indicator.period_op_written ||
          (pv->kind != JX_VAL_NA && pv->kind != JX_VAL_DATE_RANGE &&
           !pv->post)) {
        puts_(p, " ");
        kw(p, jx_op_kw(n->u.indicator.period_op));
      }
      puts_(p, " ");
      value(p, pv);
    }
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
    for (int k = 0; k < JX_EXPL_COUNT; k++)
      if (n->u.indicator.expl[k].text)
        kw_string_attr(p, expl_kw[k], n->u.indicator.expl[k].text);
    puts_(p, ";");
    break;
  }
  case JX_N_ACTUALS:
    kw(p, JX_KW_ACTUALS);
    if (n->u.block.name.text) {
      puts_(p, " ");
      string(p, n->u.block.name.text);
    }
    if (n->u.block.code.text)
      kw_word(p, JX_KW_PROFILE, n->u.block.code.text);
    block_open(p);
    break;
  case JX_N_ACTUAL_PROJECT:
    kw(p, JX_KW_PROJECT);
    puts_(p, " ");
    string(p, n->u.block.name.text);
    block_open(p);
    break;
  case JX_N_ACTUAL:
    actual(p, n);
    break;
  case JX_N_PROFILE:
    kw(p, JX_KW_PROFILE);
    puts_(p, " ");
    puts_(p, n->u.block.code.text);
    if (n->u.block.uses) {
      puts_(p, ";");
      break;
    }
    if (n->u.block.name.text) {
      puts_(p, " ");
      string(p, n->u.block.name.text);
    }
    block_open(p);
    break;
  case JX_N_SETTING: {
    const char *name = n->u.setting.name.text;
    const char *s = jx_ev_setting_spelling(name, p->zh);
    puts_(p, s ? s : name);
    for (const jx_setting_arg *a = n->u.setting.args; a; a = a->next) {
      puts_(p, " ");
      const char *c = a->value.kind == JX_VAL_WORD
                          ? jx_ev_choice_spelling(name, a->value.text, p->zh)
                          : NULL;
      if (c)
        puts_(p, c);
      else
        value(p, &a->value);
    }
    puts_(p, ";");
    break;
  }
  }
}

/* A block's statements (NULL if n is not a block): for a project, those
 * after a budget written in its head. */
static const jx_node *block_items(const jx_node *n) {
  switch (n->kind) {
  case JX_N_PROJECT: {
    const jx_node *first = n->u.block.items;
    if (first && first->kind == JX_N_BUDGET && first->u.budget.in_header)
      first = first->next;
    return first;
  }
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
  case JX_N_UNIT:
  case JX_N_ACTUALS:
  case JX_N_ACTUAL_PROJECT:
  case JX_N_PROFILE:
    return n->u.block.items;
  default:
    return NULL;
  }
}

static bool is_block(const jx_node *n) {
  switch (n->kind) {
  case JX_N_PROFILE:
    return !n->u.block.uses; /* `profile NAME;` is a statement */
  case JX_N_FRAMEWORK:
  case JX_N_LEVEL1:
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
  case JX_N_UNIT:
  case JX_N_PROJECT:
  case JX_N_ACTUALS:
  case JX_N_ACTUAL_PROJECT:
    return true;
  default:
    return false;
  }
}

/* The statements of a block (or of the file), each with its comments, then
 * the comments before the block's closing brace at offset `close`. */
static void items(printer *p, const jx_node *n, uint64_t close) {
  p->block_start = true;
  for (; n; n = n->next) {
    uint64_t next = n->next ? n->next->loc.offset : close;
    comments_before(p, n->loc.offset);
    blank_line(p, n->loc.offset);
    comments_before(p, n->end.offset); /* between the statement's parts */
    begin_line(p);
    if (p->depth == 0)
      jx_fmt_cats_enter(p->cats, n);
    statement(p, n);
    if (!is_block(n)) {
      comment_after(p, &n->end, next);
      newline(p);
      continue;
    }
    const jx_node *inner = block_items(n);
    const jx_loc *brace = &n->u.block.close;
    comment_after(p, &n->end, inner ? inner->loc.offset : brace->offset);
    newline(p);
    p->depth++;
    items(p, inner, brace->offset);
    p->depth--;
    begin_line(p);
    puts_(p, "}");
    comment_after(p, brace, next);
    newline(p);
  }
  comments_before(p, close);
}

/* The tree keeps the first of a repeated part only; formatting would drop
 * the others, so report them as the checker does and format nothing. */
static int repeated_parts(const jx_node *n, jx_diag *d) {
  int found = 0;
  for (; n; n = n->next) {
    if (n->kind == JX_N_HEADER) {
      if (n->u.header.dup_loc.line)
        jx_diag_report(d, JX_E_HEADER_TWICE, n->u.header.dup_loc);
      found += n->u.header.dup_loc.line != 0;
    } else if (n->kind == JX_N_INDICATOR) {
      if (n->u.indicator.n_desc > 1)
        jx_diag_report(d, JX_E_DUP_DESC, n->u.indicator.dup_loc);
      if (n->u.indicator.n_basis > 1)
        jx_diag_report(d, JX_E_DUP_BASIS,
                       n->u.indicator.n_desc > 1 ? n->loc
                                                 : n->u.indicator.dup_loc);
      if (n->u.indicator.n_expl_dup > 0)
        jx_diag_report(d, JX_E_DUP_FIELD, n->u.indicator.expl_dup_loc,
                       (int)expl_field[n->u.indicator.expl_dup]);
      if (n->u.indicator.n_period > 1)
        jx_diag_report(d, JX_E_DUP_FIELD, n->loc,
                       (int)JX_M_FIELD_PERIOD_TARGET);
      found += n->u.indicator.n_desc > 1 || n->u.indicator.n_basis > 1 ||
               n->u.indicator.n_expl_dup > 0 || n->u.indicator.n_period > 1;
    } else if (n->kind == JX_N_FUNDS) {
      if (n->u.funds.n_fiscal > 1)
        jx_diag_report(d, JX_E_DUP_FISCAL, n->loc);
      if (n->u.funds.n_other > 1)
        jx_diag_report(d, JX_E_DUP_OTHER, n->loc);
      found += n->u.funds.n_fiscal > 1 || n->u.funds.n_other > 1;
    } else if (n->kind == JX_N_ACTUAL) {
      if (n->u.actual.dup_loc.line)
        jx_diag_report(d, JX_E_ACTUAL_REPEAT, n->u.actual.dup_loc);
      found += n->u.actual.dup_loc.line != 0;
    } else if (is_block(n)) {
      found += repeated_parts(n->u.block.items, d);
    }
  }
  return found;
}

/* ---- the file's own language and line ends ---------------------------- */

typedef struct spoken {
  const char *src;
  jx_vocab_index vocab;
  size_t en, zh;
} spoken;

static void count_keyword(void *ud, const jx_token *t) {
  spoken *k = ud;
  if (t->loc.len == 0 || t->loc.len > JX_VOCAB_MAX_LEN)
    return;
  const jx_vocab_spelling *e =
      jx_vocab_find(&k->vocab, k->src + t->loc.offset, t->loc.len);
  if (e && (jx_kw_is_keyword((jx_kw)e->kw) || e->kw == JX_KW_MONTH)) {
    if ((unsigned char)k->src[t->loc.offset] >= 0x80)
      k->zh++;
    else
      k->en++;
  }
}

static void quiet(void *ud, const jx_diag_record *r) {
  (void)ud;
  (void)r;
}

bool jx_fmt_is_zh(const char *src, size_t len) {
  spoken k;
  memset(&k, 0, sizeof k);
  k.src = src;
  jx_vocab_index_init(&k.vocab);
  /* Lexed on its own, quietly: jx_fmt's parse reports what is wrong. */
  jx_diag *d = jx_diag_new();
  jx_diag_set_sink(d, quiet, NULL);
  uint32_t file = jx_diag_add_source(d, "", src, len);
  jx_arena a;
  jx_arena_init(&a);
  jx_lex_mem(src, len, file, d, &a, count_keyword, &k);
  jx_arena_free(&a);
  jx_diag_free(d);
  return k.zh > k.en;
}

/* Whether the file's lines end with CR LF (its first line break does):
 * Notepad's files stay Notepad's. */
static bool crlf(const char *src, size_t len) {
  const char *nl = memchr(src, '\n', len);
  return nl && nl > src && nl[-1] == '\r';
}

int jx_fmt(const char *src, size_t len, uint32_t file, jx_diag *d, bool zh,
           jx_out *out) {
  jx_arena arena;
  jx_arena_init(&arena);
  jx_parse_options opt = {true, true, NULL};
  jx_file_ast ast = {NULL, NULL};
  int rc = jx_parse_mem(src, len, file, d, &arena, NULL, &opt, &ast);
  if (rc == 0 && repeated_parts(ast.items, d) > 0)
    rc = 1;
  if (rc == 0) {
    printer p;
    memset(&p, 0, sizeof p);
    /* The layout is printed with LF; CR LF is put back after. */
    bool dos = crlf(src, len);
    jx_out lf;
    jx_out_init_mem(&lf);
    p.out = dos ? &lf : out;
    p.src = src;
    p.len = len;
    p.zh = zh;
    p.comment = ast.comments;
    p.cats = jx_fmt_cats_new(&arena, zh);
    items(&p, ast.items, UINT64_MAX);
    jx_fmt_cats_free(p.cats);
    if (dos) {
      /* No string or comment holds a raw line break: each is a line end. */
      size_t n, from = 0;
      const char *t = jx_out_data(&lf, &n);
      for (size_t i = 0; i < n; i++)
        if (t[i] == '\n') {
          jx_out_write(out, t + from, i - from);
          jx_out_write(out, "\r\n", 2);
          from = i + 1;
        }
      jx_out_write(out, t + from, n - from);
    }
    jx_out_free(&lf);
  }
  jx_arena_free(&arena);
  return rc;
}
