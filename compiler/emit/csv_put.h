/*
 * csv_put.h — the cell writers of the CSV back end (emit_csv.c, the only
 * file that includes it, directly and through csv_row.h): text cells with
 * their quoting, neutralising and repair, numbers, dates, the comparison
 * word, a target's value and an indicator's category cells, into a jx_out.
 * Kept apart from the tables only to keep each file short; the functions
 * are static, so each is compiled into the one writer that uses them.
 */
#ifndef JX_CSV_PUT_H
#define JX_CSV_PUT_H

#include "backend.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

/* ---- Cells ------------------------------------------------------------ */

/* The length of the well-formed UTF-8 sequence at s (1–4), or 0 when the
   bytes there are ill-formed; *bad is then the maximal subpart's length. */
static size_t utf8_seq(const unsigned char *s, size_t *bad) {
  unsigned char c = s[0];
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlongs */
    hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    lo = c == 0xF0 ? 0x90 : 0x80;
    hi = c == 0xF4 ? 0x8F : 0xBF;
  } else {
    *bad = 1;
    return 0;
  }
  if (s[1] < lo || s[1] > hi) {
    *bad = 1;
    return 0;
  }
  for (size_t i = 2; i < n; i++)
    if ((s[i] & 0xC0) != 0x80) {
      *bad = i;
      return 0;
    }
  return n;
}

/* Whether a cell must be quoted: it holds a byte that ends a field or a
   record, or a quote. */
static int needs_quotes(const char *s) {
  return s[strcspn(s, ",\"\r\n")] != '\0';
}

/* Whether a text cell could be read as a formula by a spreadsheet. */
static int is_formula_lead(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* The field separator before every cell but the first of a row. */
static void field(jx_out *o, int *col) {
  if ((*col)++ > 0)
    jx_out_putc(o, ',');
}

/*
 * What a byte is to the fast path of put_text: 0 a byte that goes out as
 * it is (ASCII but NUL and the four that make a cell quoted), 2 the lead
 * of a two-byte sequence, 3 a lead E1–EF but ED, which any two
 * continuation bytes complete; 1 anything else, for the full treatment.
 */
// clang-format off
static const unsigned char cell_class[256] = {
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, /* 0_: NUL LF CR */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 1_ */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 2_: " , */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 3_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 4_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 5_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 6_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 7_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 8_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 9_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* A_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* B_ */
    1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* C_ */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* D_ */
    1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 3, /* E_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* F_ */
};
// clang-format on

static void put_text_slow(jx_out *o, const char *str);

/* A non-empty text cell.  Nearly every cell needs neither quotes nor a
 * repair: one scan, then one copy. */
static bool put_cell(jx_out *o, const char *str) {
  if (!is_formula_lead(str[0])) {
    const unsigned char *p = (const unsigned char *)str;
    for (;;) {
      unsigned k = cell_class[p[0]];
      if (k == 0)
        p++;
      else if (k == 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
        p += 3; /* p[2] read only when p[1] is not the NUL */
      else if (k == 2 && (p[1] & 0xC0) == 0x80)
        p += 2;
      else
        break;
    }
    size_t n = (size_t)(p - (const unsigned char *)str);
    if (*p == '\0' && n <= o->cap - o->len) {
      jx_copy_short(o->buf + o->len, str, n);
      o->len += n;
      return true;
    }
  }
  put_text_slow(o, str);
  return false;
}

/* A text cell; NULL is an empty cell.  Inline: most of an indicator's
 * cells are empty. */
static inline void put_text(jx_out *o, int *col, const char *str) {
  field(o, col);
  if (str && *str)
    put_cell(o, str);
}

/* put_text through m (out.h's jx_memo), for the texts that repeat from
 * one shared copy (scope, category codes and labels, kinds, roles).
 * Only cells that went out as they are (no quotes, no neutralising, no
 * repair) are kept, so what a slot holds is the string itself. */
static inline void put_text_memo(jx_out *o, int *col, jx_memo *m,
                                 const char *str) {
  field(o, col);
  if (!str || !*str)
    return;
  size_t n = strlen(str);
  jx_memo_slot *e = jx_memo_slot_of(m, str);
  if (jx_memo_put(o, e, str, n, JX_MEMO_OUT))
    return;
  if (put_cell(o, str))
    jx_memo_keep(e, str, n, str, n);
}

/* put_text for any cell: quoted, neutralised, repaired as it needs. */
static void put_text_slow(jx_out *o, const char *str) {
  int neutralise = is_formula_lead(str[0]);
  int quote = neutralise || needs_quotes(str);
  if (quote)
    jx_out_putc(o, '"');
  if (neutralise)
    jx_out_putc(o, '\'');
  const unsigned char *s = (const unsigned char *)str, *run = s;
  for (;;) {
    /* Runs of plain ASCII other than '"', and of whole CJK characters
       (a lead byte E1–EC, EE, EF that any two continuation bytes complete;
       s[2] is read only when s[1] is one, so never past the NUL), go out
       in one write. */
    for (;;) {
      unsigned char c = *s;
      if (c >= 0x01 && c < 0x80 && c != '"')
        s++;
      else if (c >= 0xE1 && c <= 0xEF && c != 0xED && (s[1] & 0xC0) == 0x80 &&
               (s[2] & 0xC0) == 0x80)
        s += 3;
      else
        break;
    }
    if (*s == '\0')
      break;
    if (*s == '"') {
      jx_out_write(o, run, (size_t)(s - run + 1));
      jx_out_putc(o, '"');
      run = ++s;
      continue;
    }
    size_t bad = 0, n = utf8_seq(s, &bad);
    if (n) {
      s += n;
      continue;
    }
    jx_out_write(o, run, (size_t)(s - run));
    LIT(o, "\xEF\xBF\xBD");
    run = s += bad;
  }
  jx_out_write(o, run, (size_t)(s - run));
  if (quote)
    jx_out_putc(o, '"');
}

/* A number this back end formatted: never neutralised, never quoted. */
static void put_decimal(jx_out *o, int *col, jx_decimal d) {
  char b[JX_DECIMAL_BUFSZ];
  field(o, col);
  jx_out_write(o, b, jx_decimal_format(d, b));
}

static void put_int(jx_out *o, int *col, long long v) {
  char b[24];
  char *p = b + sizeof b;
  unsigned long long u =
      v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  field(o, col);
  p = jx_digits(p, u);
  if (v < 0)
    *--p = '-';
  jx_out_write(o, p, (size_t)(b + sizeof b - p));
}

static void end_row(jx_out *o) {
  LIT(o, "\r\n");
}

/* A date value as ISO 8601, the text the JSON output has. */
static void put_date(jx_out *o, int *col, jx_decimal v) {
  if (v.micros < 0 || v.micros % JX_DECIMAL_SCALE != 0) {
    field(o, col);
    return;
  }
  int64_t ymd = v.micros / JX_DECIMAL_SCALE;
  int64_t y = ymd / 10000;
  int m = (int)(ymd / 100 % 100), d = (int)(ymd % 100);
  char b[48];
  if (m == 0)
    snprintf(b, sizeof b, "%04" PRId64, y);
  else if (d == 0)
    snprintf(b, sizeof b, "%04" PRId64 "-%02d", y, m);
  else
    snprintf(b, sizeof b, "%04" PRId64 "-%02d-%02d", y, m, d);
  field(o, col);
  jx_out_puts(o, b); /* digits and '-' after a digit: no formula */
}

/*
 * The comparison as a word.  JSON's "=" would start with a formula lead
 * and so need the quote-prefix, which a database load would then keep;
 * words are safe everywhere and still map one to one (docs/csv.md).
 */
static void put_op(jx_out *o, int *col, jx_op op) {
  static const char *const words[] = {"eq", "ge", "le", "gt", "lt"};
  field(o, col);
  if ((unsigned)op < sizeof words / sizeof words[0])
    jx_out_puts(o, words[op]);
}

/* A target's value by its kind: the number, the text, the date (a date
 * range's start), or an empty cell. */
static void put_value(jx_out *o, int *col, jx_kind kind, jx_decimal value,
                      const char *text) {
  switch (kind) {
  case JX_KIND_QUANTITATIVE:
    put_decimal(o, col, value);
    break;
  case JX_KIND_QUALITATIVE:
    put_text(o, col, text);
    break;
  case JX_KIND_DATE:
  case JX_KIND_DATE_RANGE: /* its start; value_end has an indicator's end */
    put_date(o, col, value);
    break;
  case JX_KIND_NA:
  case JX_KIND_EMPTY:
  default:
    field(o, col);
    break;
  }
}

/* The bytes of str when put_cell's fast path writes it as it is, else
 * SIZE_MAX (the same scan). */
static inline __attribute__((always_inline)) size_t
plain_cell(const char *str) {
  if (is_formula_lead(str[0]))
    return SIZE_MAX;
  const unsigned char *p = (const unsigned char *)str;
  for (;;) {
    unsigned k = cell_class[p[0]];
    /* a CJK character first: most of a cell's bytes are */
    if (k == 3) {
      if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        break;
      p += 3;
    } else if (k == 0) {
      p++;
    } else if (k == 2 && (p[1] & 0xC0) == 0x80) {
      p += 2;
    } else {
      break;
    }
  }
  return *p == '\0' ? (size_t)(p - (const unsigned char *)str) : SIZE_MAX;
}

/* An indicator's four category cells (codes and labels of its levels),
 * after the first cell of the row; kept whole in cats (not NULL: the
 * texts' addresses are keys) when every one goes out as it is. */
static __attribute__((noinline)) void category_cells(jx_out *o, int *col,
                                                     jx_memo *m,
                                                     jx_blocks *cats,
                                                     const jx_indicator *x) {
  const char *k[4] = {x->level1, x->level1_label, x->level2, x->level2_label};
  for (int i = 0; i < 4; i++)
    put_text_memo(o, col, m, k[i]);
  if (!cats)
    return;
  char b[JX_BLOCK_OUT];
  size_t n = 0;
  for (int i = 0; i < 4; i++) {
    size_t len = k[i] ? plain_cell(k[i]) : 0;
    if (len == SIZE_MAX || len >= JX_BLOCK_OUT - n)
      return;
    b[n++] = ',';
    if (len) /* k[i] may be NULL */
      memcpy(b + n, k[i], len);
    n += len;
  }
  jx_block_keep(cats, k[0], k[1], k[2], k[3], 0, b, n);
}

#endif
