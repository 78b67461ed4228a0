/*
 * emit_csv.c — the CSV back end: `jxc build -f csv [--table T] [--bom]`.
 *
 * One table per run (indicators, projects or schedule; docs/csv.md lists
 * the columns), written as RFC 4180 CSV: a header row, CRLF after every
 * record, and a cell quoted when it holds `,` `"` CR or LF (with `"`
 * doubled).  Finance staff open the file in Excel or WPS and pipelines load
 * it into databases, so two more rules apply:
 *
 *   - Formula injection: a text cell that starts with = + - @ TAB or CR is
 *     written as '<text>, quoted (the OWASP recommendation), so a
 *     spreadsheet shows it as text instead of evaluating it.  Numbers that
 *     this back end formats itself (amounts, values, percentages) are left
 *     alone: "-5" in a value column is a number, not an attack.
 *   - Ill-formed UTF-8 (the checker rejects it, so this is a second line of
 *     defence) becomes U+FFFD per maximal subpart, as in the JSON output.
 *
 * Streaming: every row is written as soon as its event arrives; nothing
 * but a few counters is kept between events.
 */
#include "arena.h"
#include "backend.h"
#include "units.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

void jx_csv_text(jx_out *o, int *col, const char *s) {
  put_text(o, col, s);
}

void jx_csv_figure(jx_out *o, int *col, const char *s) {
  field(o, col);
  jx_out_puts(o, s);
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

/* ---- Tables ----------------------------------------------------------- */

/* Columns are only ever added at the end (a load that maps them by
 * position keeps working): the roles came after line, issue 11's columns
 * after the roles. */
static const char indicators_header[] =
    "scope,unit_code,unit_name,project_code,project_name,division,"
    "level1,level1_label,level2,level2_label,name,description,kind,op,"
    "value,unit,text,basis,line,level1_role,level2_role,"
    "period_op,period_value,period_unit,period_text,"
    "standard,explanation,value_note,remark,scoring,value_end,per_unit\r\n";

static const char projects_header[] =
    "unit_code,unit_name,project_code,project_name,budget,fiscal,other,"
    "purpose,m01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,m12,"
    "goals,indicators,line,"
    "total,period,period_start,period_end,supervisor_code,supervisor_name,"
    "implementer_code,implementer_name,classification,nature,continuity,"
    "policy,document,subject,manager,manager_phone,contact,contact_phone,"
    "sources,overall_goals\r\n";

static const char schedule_header[] =
    "unit_code,unit_name,project_code,project_name,month,percent\r\n";

static const char sources_header[] =
    "unit_code,unit_name,project_code,project_name,kind,label,amount,"
    "fiscal\r\n";

static const char breakdown_header[] =
    "scope,unit_code,unit_name,project_code,project_name,name,amount\r\n";

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

/* scope: "project", "division" or "department" (docs/csv.md). */
/* The four columns that say whose a row is: unit code and name, project
 * code and name (empty for a unit's or the department's own rows). */
/*
 * The four cells that say whose a row is — unit code and name, project
 * code and name — are the same in every row of a project (an indicators
 * table has nine or so), so they are formatted once per event into
 * `owner` and copied into each row.
 */
static void format_owner(jx_out *owner, const jx_unit *u, const jx_project *p) {
  int col = 0;
  owner->len = 0;
  put_text(owner, &col, u ? u->code : NULL);
  put_text(owner, &col, u ? u->name : NULL);
  put_text(owner, &col, p ? p->code : NULL);
  put_text(owner, &col, p ? p->name : NULL);
}

static void put_owner(jx_out *o, int *col, const jx_out *owner) {
  field(o, col);
  jx_out_write(o, owner->buf, owner->len);
  *col += 3;
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

static void indicator_row(jx_out *o, jx_memo *m, jx_blocks *cats,
                          const char *scope, const jx_out *owner,
                          const char *division, const jx_indicator *x) {
  int col = 0;
  put_text_memo(o, &col, m, scope);
  put_owner(o, &col, owner);
  put_text_memo(o, &col, m, division);
  const jx_block_slot *e = cats
                               ? jx_block_find(cats, x->level1, x->level1_label,
                                               x->level2, x->level2_label, 0)
                               : NULL;
  if (e) {
    jx_out_write(o, e->out, e->n);
    col += 4;
  } else {
    category_cells(o, &col, m, cats, x);
  }
  put_text(o, &col, x->name);
  put_text(o, &col, x->description);
  put_text_memo(o, &col, m, jx_kind_text(x->kind));
  put_op(o, &col, x->op);
  put_value(o, &col, x->kind, x->value, x->text);
  put_text(o, &col, x->unit);
  put_text(o, &col, x->text);
  put_text(o, &col, x->basis);
  put_int(o, &col, x->line);
  put_text_memo(o, &col, m, jx_role_text(x->level1_role));
  put_text_memo(o, &col, m, jx_role_text(x->level2_role));
  const jx_target *t = x->period_target;
  if (t) {
    put_op(o, &col, t->op);
    put_value(o, &col, t->kind, t->value, t->text);
    put_text(o, &col, t->unit);
    put_text(o, &col, t->text);
  } else {
    for (int i = 0; i < 4; i++)
      field(o, &col);
  }
  put_text(o, &col, x->standard);
  put_text(o, &col, x->explanation);
  put_text(o, &col, x->value_note);
  put_text(o, &col, x->remark);
  put_text(o, &col, x->scoring);
  if (x->kind == JX_KIND_DATE_RANGE)
    put_date(o, &col, x->value_end);
  else
    field(o, &col);
  put_text(o, &col, x->per_unit);
  end_row(o);
}

/* ---- The indicator row's fast path -------------------------------------
 *
 * An indicators table is nine rows in ten of a build, and most of a row is
 * fixed pieces (separators, the kind and op words, the roles, a run of
 * empty cells at the end).  Room is tested once per text cell, not once
 * per piece: the row starts with ROW_SLACK bytes free, every text cell
 * leaves them free again, and the pieces between two cells (at most the
 * category block, JX_BLOCK_OUT, and a few dozen bytes) are written
 * without a test.  Anything unusual (a period target, a date, an enum out
 * of its table, a cell to quote) goes through the checked writers above
 * and then restores the room.  Used when the category block memo is
 * (framework_texts_stable); the output is the same byte for byte.
 */
enum { ROW_SLACK = 1024, PREFIX_MOVE = 256 };
_Static_assert(ROW_SLACK >= JX_BLOCK_OUT + 256, "ROW_SLACK under a block");
_Static_assert(ROW_SLACK >= PREFIX_MOVE, "ROW_SLACK under a prefix's move");

static inline __attribute__((always_inline)) void keep_room(jx_out *o) {
  jx_out_reserve(o, ROW_SLACK);
}

static inline __attribute__((always_inline)) void
put_raw(jx_out *o, const char *p, size_t n) {
  memcpy(o->buf + o->len, p, n);
  o->len += n;
}
#define RAW(o, s) put_raw((o), (s), sizeof(s) - 1)

/* n bytes of s (all readable) with at most two overlapping moves of a
 * constant size up to 64 bytes, memcpy past that: a name of six CJK
 * characters is 18 bytes, past jx_copy_short's moves. */
static inline __attribute__((always_inline)) void
copy_cell(char *d, const char *s, size_t n) {
  if (n <= 16) {
    jx_copy_short(d, s, n);
  } else if (n <= 32) {
    memcpy(d, s, 16);
    memcpy(d + n - 16, s + n - 16, 16);
  } else if (n <= 64) {
    memcpy(d, s, 32);
    memcpy(d + n - 32, s + n - 32, 32);
  } else {
    memcpy(d, s, n);
  }
}

/* n bytes of s, which is readable for `max` bytes (a buffer of the
 * writer's own), in one move of 64, 128 or `max` bytes when n fits:
 * the category block and the row's prefix. */
static inline __attribute__((always_inline)) void
put_block(jx_out *o, const char *s, size_t n, size_t max) {
  char *d = o->buf + o->len;
  if (n <= 64)
    memcpy(d, s, 64);
  else if (n <= 128)
    memcpy(d, s, 128);
  else
    memcpy(d, s, max);
  o->len += n;
}

/* A non-empty text cell (its comma written), leaving ROW_SLACK free. */
static __attribute__((noinline)) void cell_keep_nonempty(jx_out *o,
                                                         const char *str) {
  size_t n = plain_cell(str);
  if (n != SIZE_MAX && n + ROW_SLACK <= o->cap - o->len) {
    copy_cell(o->buf + o->len, str, n);
    o->len += n;
    return;
  }
  put_cell(o, str);
  keep_room(o);
}

/* ',' and a text cell; NULL is an empty cell. */
static inline __attribute__((always_inline)) void cell_keep(jx_out *o,
                                                            const char *s) {
  o->buf[o->len++] = ',';
  if (s && *s)
    cell_keep_nonempty(o, s);
}

/* A fixed piece of a row, made once per writer. */
typedef struct csv_piece {
  char s[32];
  size_t n; /* 0: not made, go the long way */
} csv_piece;

/* The unit table's normalised names as ",<unit>", by their addresses
 * (lowering gives an indicator the table's own `norm` for every unit the
 * table knows; an address of static storage is no other text's, so a hit
 * looks at no byte).  key NULL: empty. */
enum { UNIT_SLOTS = 512 };
typedef struct csv_unit {
  const char *key;
  csv_piece p;
} csv_unit;

static inline size_t unit_slot(const char *s) {
  return (size_t)(((uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15u) >> 55);
}
_Static_assert(UNIT_SLOTS == 512, "the slot is the hash's top 9 bits");

enum { N_KINDS = 6, N_OPS = 5, N_ROLES = 8 };
typedef struct csv_pieces {
  csv_piece kind_op[N_KINDS][N_OPS]; /* ",kind,op" */
  csv_piece roles[N_ROLES][N_ROLES]; /* ",role1,role2" */
  csv_unit unit[UNIT_SLOTS];
} csv_pieces;

/* What the checked writers make of the cells after a first one, as a
 * piece (not made when it does not fit). */
static void piece_of(csv_piece *pc, const jx_out *m) {
  if (m->len <= sizeof pc->s) {
    memcpy(pc->s, m->buf, m->len);
    pc->n = m->len;
  }
}

static void pieces_init(csv_pieces *t) {
  jx_memo memo;
  memset(&memo, 0, sizeof memo);
  for (int k = 0; k < N_KINDS; k++)
    for (int op = 0; op < N_OPS; op++) {
      jx_out m;
      int col = 1;
      jx_out_init_mem(&m);
      put_text_memo(&m, &col, &memo, jx_kind_text((jx_kind)k));
      put_op(&m, &col, (jx_op)op);
      piece_of(&t->kind_op[k][op], &m);
      jx_out_free(&m);
    }
  for (int a = 0; a < N_ROLES; a++)
    for (int b = 0; b < N_ROLES; b++) {
      jx_out m;
      int col = 1;
      jx_out_init_mem(&m);
      put_text_memo(&m, &col, &memo, jx_role_text((jx_role)a));
      put_text_memo(&m, &col, &memo, jx_role_text((jx_role)b));
      piece_of(&t->roles[a][b], &m);
      jx_out_free(&m);
    }
  for (int w = 0; w < 2; w++) {
    size_t n;
    const jx_unit_info *u = w ? jx_unit_wan_table(&n) : jx_unit_table(&n);
    for (size_t i = 0; i < n; i++) {
      const char *s = u[i].norm;
      csv_unit *e = s ? &t->unit[unit_slot(s)] : NULL;
      if (!e || e->key || !*s || plain_cell(s) == SIZE_MAX)
        continue;
      jx_out m;
      int col = 1;
      jx_out_init_mem(&m);
      put_text(&m, &col, s);
      piece_of(&e->p, &m);
      if (e->p.n)
        e->key = s;
      jx_out_free(&m);
    }
  }
}

/* Numbers are made at the end of a local buffer and copied with one move
 * of NUM_COPY bytes (the longest: a comma, a sign, 20 digits, a point
 * and six places), of which only the number is kept. */
enum { NUM_COPY = 32 };

/* The digits of a line number (a number this back end formats: never
 * quoted), after its comma. */
static inline __attribute__((always_inline)) void put_line(jx_out *o,
                                                           int line) {
  char b[JX_DIGITS_MAX + 2 + NUM_COPY];
  char *end = b + JX_DIGITS_MAX + 2, *p;
  unsigned long long u =
      line < 0 ? 0ULL - (unsigned long long)line : (unsigned long long)line;
  p = jx_digits(end, u);
  if (line < 0)
    *--p = '-';
  *--p = ',';
  memcpy(o->buf + o->len, p, NUM_COPY); /* one move; the digits are kept */
  o->len += (size_t)(end - p);
}

/* An amount's text, after its comma: jx_decimal_format's, inline. */
static inline __attribute__((always_inline)) void
put_decimal_inline(jx_out *o, jx_decimal d) {
  char b[JX_DIGITS_MAX + JX_DECIMAL_PLACES + 4 + NUM_COPY];
  char *end = b + JX_DIGITS_MAX + JX_DECIMAL_PLACES + 4, *p = end;
  uint64_t m =
      d.micros < 0 ? (uint64_t)0 - (uint64_t)d.micros : (uint64_t)d.micros;
  uint64_t whole = m / JX_DECIMAL_SCALE;
  uint32_t frac = (uint32_t)(m % JX_DECIMAL_SCALE);
  _Static_assert(JX_DECIMAL_SCALE == 1000000, "six places: three pairs");
  if (frac && frac % 10000 == 0) { /* one or two places: 92.4, 406.45 */
    uint32_t f1 = frac / 10000;
    p -= JX_DECIMAL_PLACES;
    memcpy(p, jx_digit_pairs + 2 * f1, 2);
    end = p + 2 - (f1 % 10 == 0);
    *--p = '.';
  } else if (frac) {
    uint32_t f1 = frac / 10000, f2 = frac / 100 % 100, f3 = frac % 100;
    p -= JX_DECIMAL_PLACES;
    memcpy(p, jx_digit_pairs + 2 * f1, 2);
    memcpy(p + 2, jx_digit_pairs + 2 * f2, 2);
    memcpy(p + 4, jx_digit_pairs + 2 * f3, 2);
    size_t keep = f3   ? 6 - (f3 % 10 == 0)
                  : f2 ? 4 - (f2 % 10 == 0)
                       : 2 - (f1 % 10 == 0);
    end = p + keep;
    *--p = '.';
  }
  p = jx_digits(p, whole);
  if (d.micros < 0)
    *--p = '-';
  *--p = ',';
  memcpy(o->buf + o->len, p, NUM_COPY);
  o->len += (size_t)(end - p);
}

/* indicator_row with the category block memo (cats not NULL) and the
 * pieces; prefix is the row's first six cells (scope, owner, division). */
static void indicator_row_fast(jx_out *o, jx_memo *m, jx_blocks *cats,
                               const csv_pieces *t, const jx_out *prefix,
                               const jx_indicator *x) {
  keep_room(o);
  if (prefix->len <= PREFIX_MOVE && ROW_SLACK <= o->cap - o->len) {
    put_block(o, prefix->buf, prefix->len, PREFIX_MOVE);
  } else if (prefix->len + ROW_SLACK <= o->cap - o->len) {
    put_raw(o, prefix->buf, prefix->len);
  } else {
    jx_out_write(o, prefix->buf, prefix->len);
    keep_room(o);
  }
  const jx_block_slot *e = jx_block_find(cats, x->level1, x->level1_label,
                                         x->level2, x->level2_label, 0);
  if (e) {
    put_block(o, e->out, e->n, JX_BLOCK_OUT);
  } else {
    int col = 1;
    category_cells(o, &col, m, cats, x);
    keep_room(o);
  }
  cell_keep(o, x->name);
  cell_keep(o, x->description);
  const csv_piece *ko = (unsigned)x->kind < N_KINDS && (unsigned)x->op < N_OPS
                            ? &t->kind_op[x->kind][x->op]
                            : NULL;
  if (ko && ko->n) {
    memcpy(o->buf + o->len, ko->s, sizeof ko->s);
    o->len += ko->n;
  } else {
    int col = 1;
    put_text_memo(o, &col, m, jx_kind_text(x->kind));
    put_op(o, &col, x->op);
    keep_room(o);
  }
  if (x->kind == JX_KIND_QUANTITATIVE) {
    put_decimal_inline(o, x->value);
  } else {
    int col = 1;
    put_value(o, &col, x->kind, x->value, x->text);
    keep_room(o);
  }
  const csv_unit *u = x->unit ? &t->unit[unit_slot(x->unit)] : NULL;
  if (u && u->key == x->unit) {
    memcpy(o->buf + o->len, u->p.s, sizeof u->p.s);
    o->len += u->p.n;
  } else {
    cell_keep(o, x->unit);
  }
  cell_keep(o, x->text);
  cell_keep(o, x->basis);
  put_line(o, x->line);
  const csv_piece *r =
      (unsigned)x->level1_role < N_ROLES && (unsigned)x->level2_role < N_ROLES
          ? &t->roles[x->level1_role][x->level2_role]
          : NULL;
  if (r && r->n) {
    memcpy(o->buf + o->len, r->s, sizeof r->s);
    o->len += r->n;
  } else {
    int col = 1;
    put_text_memo(o, &col, m, jx_role_text(x->level1_role));
    put_text_memo(o, &col, m, jx_role_text(x->level2_role));
    keep_room(o);
  }
  if (!x->period_target && x->kind != JX_KIND_DATE_RANGE &&
      !((uintptr_t)x->standard | (uintptr_t)x->explanation |
        (uintptr_t)x->value_note | (uintptr_t)x->remark |
        (uintptr_t)x->scoring | (uintptr_t)x->per_unit)) {
    /* the period's four cells, standard to scoring, value_end, per_unit */
    RAW(o, ",,,,,,,,,,,\r\n");
    return;
  }
  const jx_target *pt = x->period_target;
  if (pt) {
    int col = 1;
    put_op(o, &col, pt->op);
    put_value(o, &col, pt->kind, pt->value, pt->text);
    put_text(o, &col, pt->unit);
    put_text(o, &col, pt->text);
    keep_room(o);
  } else {
    RAW(o, ",,,,");
  }
  cell_keep(o, x->standard);
  cell_keep(o, x->explanation);
  cell_keep(o, x->value_note);
  cell_keep(o, x->remark);
  cell_keep(o, x->scoring);
  if (x->kind == JX_KIND_DATE_RANGE) {
    int col = 1;
    put_date(o, &col, x->value_end);
    keep_room(o);
  } else {
    RAW(o, ",");
  }
  cell_keep(o, x->per_unit);
  RAW(o, "\r\n");
}

static const char *continuity_word(jx_continuity c) {
  return c == JX_CONTINUITY_NEW          ? "new"
         : c == JX_CONTINUITY_CONTINUING ? "continuing"
                                         : NULL;
}

/* The sources of funds in one cell, for a sheet: "上级资金 40; 本级资金 20"
 * (the sources table has them one to a row). */
static void put_sources_cell(jx_out *o, int *col, const jx_project *p) {
  jx_out cell;
  jx_out_init_mem(&cell);
  for (size_t i = 0; i < p->n_sources; i++) {
    char b[JX_DECIMAL_BUFSZ];
    jx_decimal_format(p->sources[i].amount, b);
    jx_out_printf(&cell, "%s%s %s", i ? "; " : "",
                  p->sources[i].label ? p->sources[i].label : "", b);
  }
  jx_out_putc(&cell, '\0');
  size_t n;
  const char *text = jx_out_data(&cell, &n);
  put_text(o, col, n > 1 ? text : NULL);
  jx_out_free(&cell);
}

static void project_row(jx_out *o, const jx_out *owner, const jx_project *p) {
  int col = 0;
  const jx_schedule_point *by_month[13] = {0};
  for (size_t i = 0; i < p->n_schedule; i++)
    if (p->schedule[i].month >= 1 && p->schedule[i].month <= 12)
      by_month[p->schedule[i].month] = &p->schedule[i];
  put_owner(o, &col, owner);
  put_decimal(o, &col, p->budget);
  put_decimal(o, &col, p->fiscal);
  put_decimal(o, &col, p->other);
  put_text(o, &col, p->purpose);
  for (int m = 1; m <= 12; m++) {
    if (by_month[m])
      put_decimal(o, &col, by_month[m]->percent);
    else
      field(o, &col);
  }
  put_int(o, &col, (long long)p->n_goals);
  put_int(o, &col, (long long)p->n_indicators);
  put_int(o, &col, p->line);
  if (p->has_total)
    put_decimal(o, &col, p->total);
  else
    field(o, &col);
  put_text(o, &col, p->period);
  if (p->period_start.micros)
    put_date(o, &col, p->period_start);
  else
    field(o, &col);
  if (p->period_end.micros)
    put_date(o, &col, p->period_end);
  else
    field(o, &col);
  put_text(o, &col, p->supervisor.code);
  put_text(o, &col, p->supervisor.name);
  put_text(o, &col, p->implementer.code);
  put_text(o, &col, p->implementer.name);
  put_text(o, &col, p->classification);
  put_text(o, &col, p->nature);
  put_text(o, &col, continuity_word(p->continuity));
  put_text(o, &col, p->policy);
  put_text(o, &col, p->document);
  put_text(o, &col, p->subject);
  put_text(o, &col, p->manager.name);
  put_text(o, &col, p->manager.phone);
  put_text(o, &col, p->contact.name);
  put_text(o, &col, p->contact.phone);
  put_sources_cell(o, &col, p);
  put_int(o, &col, (long long)p->n_overall_goals);
  end_row(o);
}

static void source_rows(jx_out *o, const jx_out *owner, const jx_project *p) {
  for (size_t i = 0; i < p->n_sources; i++) {
    int col = 0;
    put_owner(o, &col, owner);
    put_text(o, &col, p->sources[i].kind);
    put_text(o, &col, p->sources[i].label);
    put_decimal(o, &col, p->sources[i].amount);
    put_text(o, &col, p->sources[i].fiscal ? "true" : "false");
    end_row(o);
  }
}

static void breakdown_rows(jx_out *o, const char *scope, const jx_out *owner,
                           const jx_line_item *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    int col = 0;
    put_text(o, &col, scope);
    put_owner(o, &col, owner);
    put_text(o, &col, v[i].name);
    put_decimal(o, &col, v[i].amount);
    end_row(o);
  }
}

static void schedule_rows(jx_out *o, const jx_out *owner, const jx_project *p) {
  for (size_t i = 0; i < p->n_schedule; i++) {
    int col = 0;
    put_owner(o, &col, owner);
    put_int(o, &col, p->schedule[i].month);
    put_decimal(o, &col, p->schedule[i].percent);
    end_row(o);
  }
}

/* ---- The back end ----------------------------------------------------- */

typedef struct csv_state {
  jx_out *out;
  jx_emit_options opt;
  jx_out owner;       /* the owner cells of the event being written */
  jx_memo memo;       /* indicator_row's */
  jx_blocks *cats;    /* likewise, when the texts' addresses are keys */
  csv_pieces *pieces; /* with cats: indicator_row_fast's */
  jx_out prefix;      /* with cats: a row's scope, owner and division */
} csv_state;

/* An indicators row of scope, division (NULL for none) and indicator x,
 * whose owner cells st->owner holds. */
static void csv_indicator(csv_state *st, const char *scope,
                          const char *division, const jx_indicator *x) {
  if (st->cats)
    indicator_row_fast(st->out, &st->memo, st->cats, st->pieces, &st->prefix,
                       x);
  else
    indicator_row(st->out, &st->memo, st->cats, scope, &st->owner, division, x);
}

/* With cats: the first six cells of the rows to come into st->prefix. */
static void csv_prefix(csv_state *st, const char *scope, const char *division) {
  if (!st->cats)
    return;
  int col = 0;
  st->prefix.len = 0;
  put_text(&st->prefix, &col, scope);
  put_owner(&st->prefix, &col, &st->owner);
  put_text(&st->prefix, &col, division);
}

static void *csv_create(jx_out *out, const jx_emit_options *opt) {
  csv_state *st = jx_xcalloc(1, sizeof *st);
  st->out = out;
  st->opt = *opt;
  jx_out_init_mem(&st->owner);
  jx_out_init_mem(&st->prefix);
  /* indicator_row_fast reads PREFIX_MOVE bytes of it (out.c's memory
   * buffers start larger) */
  jx_out_reserve(&st->prefix, PREFIX_MOVE);
  memset(st->prefix.buf, 0, st->prefix.cap);
  if (opt->framework_texts_stable) {
    st->cats = jx_xcalloc(1, sizeof *st->cats);
    st->pieces = jx_xcalloc(1, sizeof *st->pieces);
    pieces_init(st->pieces);
  }
  return st;
}

static void csv_begin(void *vst, const jx_plan *h) {
  csv_state *st = vst;
  (void)h; /* year, framework and currency are in docs, not in rows */
  if (st->opt.bom)
    LIT(st->out, "\xEF\xBB\xBF");
  switch (st->opt.csv_table) {
  case JX_CSV_PROJECTS:
    LIT(st->out, projects_header);
    break;
  case JX_CSV_SCHEDULE:
    LIT(st->out, schedule_header);
    break;
  case JX_CSV_SOURCES:
    LIT(st->out, sources_header);
    break;
  case JX_CSV_BREAKDOWN:
    LIT(st->out, breakdown_header);
    break;
  case JX_CSV_INDICATORS:
  default:
    LIT(st->out, indicators_header);
    break;
  }
}

static void csv_unit_open(void *vst, const jx_unit *u) {
  (void)vst; /* rows carry their unit; nothing to open */
  (void)u;
}

static void csv_project(void *vst, const jx_unit *u, const jx_project *p) {
  csv_state *st = vst;
  static const jx_unit none = {0};
  if (!u)
    u = &none;
  format_owner(&st->owner, u, p);
  switch (st->opt.csv_table) {
  case JX_CSV_PROJECTS:
    project_row(st->out, &st->owner, p);
    break;
  case JX_CSV_SCHEDULE:
    schedule_rows(st->out, &st->owner, p);
    break;
  case JX_CSV_SOURCES:
    source_rows(st->out, &st->owner, p);
    break;
  case JX_CSV_BREAKDOWN:
    breakdown_rows(st->out, "project", &st->owner, p->breakdown,
                   p->n_breakdown);
    break;
  case JX_CSV_INDICATORS:
  default:
    csv_prefix(st, "project", NULL);
    for (size_t i = 0; i < p->n_indicators; i++)
      csv_indicator(st, "project", NULL, &p->indicators[i]);
    break;
  }
}

static void csv_unit_close(void *vst, const jx_unit *u) {
  (void)vst; /* unit goals and measures are not part of any table */
  (void)u;
}

/* Division and department indicators belong to the indicators table only:
   the other tables are about projects. */
static void csv_department(void *vst, const jx_department *d) {
  csv_state *st = vst;
  format_owner(&st->owner, NULL, NULL);
  if (d && st->opt.csv_table == JX_CSV_BREAKDOWN)
    breakdown_rows(st->out, "department", &st->owner, d->breakdown,
                   d->n_breakdown);
  if (!d || st->opt.csv_table != JX_CSV_INDICATORS)
    return;
  for (size_t i = 0; i < d->n_divisions; i++) {
    const jx_division *dv = &d->divisions[i];
    csv_prefix(st, "division", dv->name);
    for (size_t j = 0; j < dv->n_indicators; j++)
      csv_indicator(st, "division", dv->name, &dv->indicators[j]);
  }
  csv_prefix(st, "department", NULL);
  for (size_t i = 0; i < d->n_indicators; i++)
    csv_indicator(st, "department", NULL, &d->indicators[i]);
}

static void csv_end(void *vst) {
  (void)vst; /* every row is out already */
}

static void csv_destroy(void *vst) {
  csv_state *st = vst;
  if (!st)
    return;
  jx_out_free(&st->owner);
  jx_out_free(&st->prefix);
  free(st->cats);
  free(st->pieces);
  free(st);
}

const jx_backend jx_backend_csv = {
    .name = "csv",
    .create = csv_create,
    .begin = csv_begin,
    .unit_open = csv_unit_open,
    .project = csv_project,
    .unit_close = csv_unit_close,
    .department = csv_department,
    .end = csv_end,
    .destroy = csv_destroy,
};
