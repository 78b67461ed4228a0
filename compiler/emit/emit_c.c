/*
 * emit_c.c — the C header back end: `jxc build -f c [--prefix NAME]`.
 *
 * Writes the plan as a header of static const initialisers of the model
 * structs in runtime/jixiao.h, for budget systems in C and C++ that embed
 * the targets (docs/c.md).  The header needs nothing but jixiao.h, compiles
 * cleanly as C99 and as C++11 at -Wall -Wextra -pedantic, and is
 * deterministic.
 *
 * Identifiers are ASCII: the prefix plus indexes (PREFIX_p3_indicators),
 * never a name from the source.  Strings from the source only ever appear
 * inside string literals, escaped so that nothing can end the literal or
 * change its meaning: `"` and `\` are escaped, a `?` after a `?` becomes
 * `\?` (no trigraph), control characters and every non-ASCII byte become
 * three-digit octal escapes (`\345`: a following digit can never join the
 * escape, as it would with `\x`).  A string longer than C99's guaranteed
 * literal length (4095) becomes a char array of its own.  No source text
 * is ever put in a comment; the input file's name in the banner is escaped
 * in the same octal way, with `*` and `?` escaped too.
 *
 * Streaming: a project's schedule, goals and indicator arrays are written
 * when the project arrives; only its initialiser (one line of text) is kept
 * until its unit closes, when the unit's projects array is written, and only
 * each unit's initialiser until end(), when the units array and the plan
 * are.  Arrays are defined before whatever points at them, so the header
 * needs no forward declarations.  What is kept goes into two spools
 * (out.h): past SPOOL_MEM bytes they move to unlinked temporary files, so
 * memory stays flat however many projects a unit (or the bare projects'
 * one group) has and however many units the plan has.
 */
#include "arena.h"
#include "backend.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

/* C99 5.2.4.1: 4095 characters in a string literal; keep clear of it. */
#define MAX_LITERAL 4000
/* What each spool holds in memory before it moves to a temporary file: at
   ~1.2 KB of initialiser per project, about 800 projects. */
#define SPOOL_MEM (1 << 20)

typedef struct c_state {
  jx_out *out;
  const char *prefix;
  const char *input_name;
  jx_out scratch;   /* one group of arrays, written out when complete */
  jx_out projects;  /* initialisers of the open unit's projects (a spool) */
  jx_out units;     /* initialisers of the closed units (a spool) */
  jx_out plan_head; /* year, framework, currency from begin() */
  bool in_unit, have_dept;
  size_t n_units, n_projects, n_unit_projects, n_indicators, n_long;
  size_t n_targets; /* arrays of period targets written so far */
  const char *form; /* the plan's form: a static table's name */
} c_state;

/* ---- Low-level writers ------------------------------------------------ */

/* Appends the bytes collected in src to dst and empties src. */
static void take(jx_out *dst, jx_out *src) {
  size_t n;
  const char *d = jx_out_data(src, &n);
  jx_out_write(dst, d, n);
  src->len = 0;
}

/* \ooo for every byte. */
#define O1(c)                                                                  \
  {                                                                            \
    '\\', (char)('0' + ((c) >> 6)), (char)('0' + (((c) >> 3) & 7)),            \
        (char)('0' + ((c)&7))                                                  \
  }
#define O8(c)                                                                  \
  O1(c), O1(c + 1), O1(c + 2), O1(c + 3), O1(c + 4), O1(c + 5), O1(c + 6),     \
      O1(c + 7)
#define O64(c)                                                                 \
  O8(c), O8(c + 8), O8(c + 16), O8(c + 24), O8(c + 32), O8(c + 40),            \
      O8(c + 48), O8(c + 56)
static const char octal[256][4] = {O64(0), O64(64), O64(128), O64(192)};
#undef O64
#undef O8
#undef O1

static void put_octal(jx_out *o, unsigned char c) {
  jx_out_write(o, octal[c], 4);
}

/*
 * Numbers in decimal, written straight into the output: the header has
 * several in every initialiser, and going through printf for them was
 * 40% of a build's time.
 */
static void put_u64(jx_out *o, uint64_t u) {
  char b[24];
  char *p = b + sizeof b;
  do {
    *--p = (char)('0' + u % 10);
    u /= 10;
  } while (u > 0);
  jx_out_write(o, p, (size_t)(b + sizeof b - p));
}

static void put_i64(jx_out *o, int64_t v) {
  if (v < 0) {
    jx_out_putc(o, '-');
    put_u64(o, (uint64_t)0 - (uint64_t)v);
  } else {
    put_u64(o, (uint64_t)v);
  }
}

/* The prefix, then fmt with its one "%zu" (if any) replaced by idx: one
   identifier (and what follows it). */
static void ident(c_state *st, jx_out *o, const char *fmt, size_t idx) {
  jx_out_puts(o, st->prefix);
  const char *at = strstr(fmt, "%zu");
  if (!at) {
    jx_out_puts(o, fmt);
    return;
  }
  jx_out_write(o, fmt, (size_t)(at - fmt));
  put_u64(o, idx);
  jx_out_puts(o, at + 3);
}

/* A char array for a string too long for a literal; written straight to
   the output (before the array that will point at it). */
static void put_long_string(c_state *st, jx_out *dst, const char *s) {
  size_t id = st->n_long++;
  jx_out *o = st->out;
  LIT(o, "static const char ");
  ident(st, o, "_s%zu[] = {", id);
  for (size_t i = 0; s[i]; i++) {
    if (i % 16 == 0)
      LIT(o, "\n    ");
    jx_out_putc(o, '\'');
    put_octal(o, (unsigned char)s[i]);
    LIT(o, "',");
  }
  LIT(o, "\n    0};\n");
  ident(st, dst, "_s%zu", id);
}

/* A string literal, NULL, or the name of a long string's array. */
static void put_cstr(c_state *st, jx_out *o, const char *str) {
  if (!str) {
    LIT(o, "NULL");
    return;
  }
  if (strlen(str) > MAX_LITERAL) {
    put_long_string(st, o, str);
    return;
  }
  const unsigned char *s = (const unsigned char *)str, *run = s;
  jx_out_putc(o, '"');
  for (;;) {
    /* Printable ASCII but '"', '\\' and '?' goes out in runs. */
    while (*s >= 0x20 && *s < 0x7F && *s != '"' && *s != '\\' && *s != '?')
      s++;
    jx_out_write(o, run, (size_t)(s - run));
    unsigned char c = *s;
    if (c == '\0')
      break;
    if (c == '"')
      LIT(o, "\\\"");
    else if (c == '\\')
      LIT(o, "\\\\");
    else if (c == '?' && s > (const unsigned char *)str && s[-1] == '?')
      LIT(o, "\\?"); /* "??/" and friends are trigraphs in C and C++11 */
    else if (c == '?')
      jx_out_putc(o, '?');
    else if (c == '\n')
      LIT(o, "\\n");
    else if (c == '\t')
      LIT(o, "\\t");
    else {
      /* A run of bytes that need octal (a CJK text is all of them): each
         escape is a copy of 4 bytes from the table. */
      while (*s >= 0x80 || (*s != 0 && *s < 0x20 && *s != '\n' && *s != '\t') ||
             *s == 0x7F) {
        if (o->cap - o->len >= 4) {
          memcpy(o->buf + o->len, octal[*s], 4);
          o->len += 4;
        } else {
          jx_out_write(o, octal[*s], 4);
        }
        s++;
      }
      run = s;
      continue;
    }
    run = ++s;
  }
  jx_out_putc(o, '"');
}

/* A jx_decimal initialiser: {micros}.  Literals beyond int get LL, and
   INT64_MIN is written as an expression (its digits have no type). */
static void put_decimal(jx_out *o, jx_decimal d) {
  int64_t v = d.micros;
  if (v == INT64_MIN)
    LIT(o, "{-9223372036854775807LL - 1}");
  else {
    jx_out_putc(o, '{');
    put_i64(o, v);
    if (v >= -2147483647 && v <= 2147483647)
      jx_out_putc(o, '}');
    else
      LIT(o, "LL}");
  }
}

static const char *kind_name(jx_kind k) {
  static const char *const names[] = {
      "JX_KIND_QUANTITATIVE", "JX_KIND_QUALITATIVE", "JX_KIND_NA",
      "JX_KIND_DATE",         "JX_KIND_EMPTY",       "JX_KIND_DATE_RANGE"};
  return (unsigned)k < 6 ? names[k] : "JX_KIND_NA";
}

static const char *continuity_name(jx_continuity c) {
  static const char *const names[] = {
      "JX_CONTINUITY_UNKNOWN", "JX_CONTINUITY_NEW", "JX_CONTINUITY_CONTINUING"};
  return (unsigned)c < 3 ? names[c] : "JX_CONTINUITY_UNKNOWN";
}

static const char *op_name(jx_op op) {
  static const char *const names[] = {"JX_OP_EQ", "JX_OP_GE", "JX_OP_LE",
                                      "JX_OP_GT", "JX_OP_LT"};
  return (unsigned)op < 5 ? names[op] : "JX_OP_EQ";
}

static const char *dim_name(jx_dimension d) {
  static const char *const names[] = {
      "JX_DIM_NONE",  "JX_DIM_MONEY",    "JX_DIM_PERCENT", "JX_DIM_COUNT",
      "JX_DIM_AREA",  "JX_DIM_LENGTH",   "JX_DIM_MASS",    "JX_DIM_TIME",
      "JX_DIM_OTHER", "JX_DIM_MONEY_PER"};
  return (unsigned)d < 10 ? names[d] : "JX_DIM_OTHER";
}

static const char *role_name(jx_role r) {
  static const char *const names[] = {"JX_ROLE_NONE",    "JX_ROLE_OUTPUT",
                                      "JX_ROLE_BENEFIT", "JX_ROLE_SATISFACTION",
                                      "JX_ROLE_COST",    "JX_ROLE_QUANTITY",
                                      "JX_ROLE_QUALITY", "JX_ROLE_TIMELINESS"};
  return (unsigned)r < 8 ? names[r] : "JX_ROLE_NONE";
}

/* A pointer to an array and its count: "NAME, n" or "NULL, 0". */
static void put_ref(c_state *st, jx_out *o, const char *fmt, size_t idx,
                    size_t n) {
  if (n == 0) {
    LIT(o, "NULL, 0");
    return;
  }
  ident(st, o, fmt, idx);
  LIT(o, ", ");
  put_u64(o, n);
}

/* ---- Arrays ----------------------------------------------------------- */

/* Array definitions go to st->scratch; their long strings to st->out. */

static void open_array(c_state *st, const char *type, const char *fmt,
                       size_t idx) {
  jx_out *o = &st->scratch;
  LIT(o, "static const ");
  jx_out_puts(o, type);
  jx_out_putc(o, ' ');
  ident(st, o, fmt, idx);
  LIT(o, "[] = {\n");
}

static void close_array(c_state *st) {
  LIT(&st->scratch, "};\n");
  take(st->out, &st->scratch);
}

/* An array whose elements a spool holds: they go straight from it to the
   output (never through scratch, which would hold them all again). */
static void spooled_array(c_state *st, const char *type, const char *fmt,
                          size_t idx, jx_out *elements) {
  open_array(st, type, fmt, idx);
  take(st->out, &st->scratch);
  jx_out_take(st->out, elements);
  close_array(st);
}

static void strings_array(c_state *st, const char *fmt, size_t idx,
                          const char *const *v, size_t n) {
  if (n == 0)
    return;
  open_array(st, "char *const", fmt, idx);
  for (size_t i = 0; i < n; i++) {
    LIT(&st->scratch, "    ");
    put_cstr(st, &st->scratch, v[i]);
    LIT(&st->scratch, ",\n");
  }
  close_array(st);
}

static void measures_array(c_state *st, const char *fmt, size_t idx,
                           const jx_measure *m, size_t n) {
  if (n == 0)
    return;
  open_array(st, "jx_measure", fmt, idx);
  for (size_t i = 0; i < n; i++) {
    LIT(&st->scratch, "    {");
    put_cstr(st, &st->scratch, m[i].title);
    LIT(&st->scratch, ", ");
    put_cstr(st, &st->scratch, m[i].text);
    LIT(&st->scratch, "},\n");
  }
  close_array(st);
}

/* The period targets of v (issue 11), in an array of their own before the
 * indicators that point into it; returns its number, or SIZE_MAX when no
 * indicator has one. */
static size_t targets_array(c_state *st, const jx_indicator *v, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += v[i].period_target != NULL;
  if (k == 0)
    return SIZE_MAX;
  size_t id = st->n_targets++;
  jx_out *o = &st->scratch;
  open_array(st, "jx_target", "_t%zu", id);
  for (size_t i = 0; i < n; i++) {
    const jx_target *t = v[i].period_target;
    if (!t)
      continue;
    LIT(o, "    {");
    jx_out_puts(o, kind_name(t->kind));
    LIT(o, ", ");
    jx_out_puts(o, op_name(t->op));
    LIT(o, ", ");
    put_decimal(o, t->value);
    LIT(o, ", ");
    put_cstr(st, o, t->unit);
    LIT(o, ", ");
    jx_out_puts(o, dim_name(t->dimension));
    LIT(o, ", ");
    put_cstr(st, o, t->text);
    LIT(o, ", ");
    put_decimal(o, t->value_end);
    LIT(o, ", ");
    put_cstr(st, o, t->per_unit);
    LIT(o, "},\n");
  }
  close_array(st);
  return id;
}

static void indicators_array(c_state *st, const char *fmt, size_t idx,
                             const jx_indicator *v, size_t n) {
  if (n == 0)
    return;
  jx_out *o = &st->scratch;
  size_t targets = targets_array(st, v, n), nth = 0;
  open_array(st, "jx_indicator", fmt, idx);
  for (size_t i = 0; i < n; i++) {
    const jx_indicator *x = &v[i];
    /* Positional, in field order: C++11 has no designated initialisers. */
    LIT(o, "    {");
    const char *strs[] = {x->level1,       x->level1_label, x->level2,
                          x->level2_label, x->name,         x->description};
    for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++) {
      put_cstr(st, o, strs[k]);
      LIT(o, ",\n     ");
    }
    jx_out_puts(o, kind_name(x->kind));
    LIT(o, ", ");
    jx_out_puts(o, op_name(x->op));
    LIT(o, ", ");
    put_decimal(o, x->value);
    LIT(o, ", ");
    put_cstr(st, o, x->unit);
    LIT(o, ", ");
    jx_out_puts(o, dim_name(x->dimension));
    LIT(o, ",\n     ");
    put_cstr(st, o, x->text);
    LIT(o, ", ");
    put_cstr(st, o, x->basis);
    LIT(o, ", ");
    put_i64(o, x->line);
    LIT(o, ",\n     ");
    jx_out_puts(o, role_name(x->level1_role));
    LIT(o, ", ");
    jx_out_puts(o, role_name(x->level2_role));
    LIT(o, ",\n     ");
    if (x->period_target) {
      jx_out_putc(o, '&');
      ident(st, o, "_t%zu", targets);
      jx_out_putc(o, '[');
      put_u64(o, nth++);
      jx_out_putc(o, ']');
    } else {
      LIT(o, "NULL");
    }
    const char *expl[] = {x->standard, x->explanation, x->value_note, x->remark,
                          x->scoring};
    for (size_t e = 0; e < sizeof expl / sizeof expl[0]; e++) {
      LIT(o, ", ");
      put_cstr(st, o, expl[e]);
    }
    LIT(o, ", ");
    put_decimal(o, x->value_end);
    LIT(o, ", ");
    put_cstr(st, o, x->per_unit);
    LIT(o, "},\n");
  }
  close_array(st);
  st->n_indicators += n;
}

/* {code, name} */
static void put_org(c_state *st, jx_out *o, jx_org org) {
  jx_out_putc(o, '{');
  put_cstr(st, o, org.code);
  LIT(o, ", ");
  put_cstr(st, o, org.name);
  jx_out_putc(o, '}');
}

static void put_person(c_state *st, jx_out *o, jx_person p) {
  jx_out_putc(o, '{');
  put_cstr(st, o, p.name);
  LIT(o, ", ");
  put_cstr(st, o, p.phone);
  jx_out_putc(o, '}');
}

static void lines_array(c_state *st, const char *fmt, size_t idx,
                        const jx_line_item *v, size_t n) {
  if (n == 0)
    return;
  open_array(st, "jx_line_item", fmt, idx);
  for (size_t i = 0; i < n; i++) {
    LIT(&st->scratch, "    {");
    put_cstr(st, &st->scratch, v[i].name);
    LIT(&st->scratch, ", ");
    put_decimal(&st->scratch, v[i].amount);
    LIT(&st->scratch, "},\n");
  }
  close_array(st);
}

/* ---- The prefix ------------------------------------------------------- */

/* C99 5.2.4.1 promises 63 significant characters in an internal identifier;
   the longest suffix ("_div123456_indicators", "_JX_H") leaves 40. */
#define MAX_PREFIX 40

static bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static bool starts_nocase(const char *s, const char *lower) {
  for (; *lower; s++, lower++)
    if ((*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s) != *lower)
      return false;
  return true;
}

/* Why prefix p cannot be used (a phrase to follow "'p' "), or NULL.  Every
   generated name is p + "_" + a suffix, and the include guard is P_JX_H in
   upper case, so a keyword is harmless (int_plan), but anything that puts
   a name in the runtime's namespace or C's reserved ones is not. */
static const char *prefix_problem(const char *p) {
  size_t n = strlen(p);
  if (n == 0 || (p[0] >= '0' && p[0] <= '9'))
    return "is not a C identifier";
  for (size_t i = 0; i < n; i++)
    if (!is_alnum(p[i]) && p[i] != '_')
      return "is not a C identifier";
  if (p[0] == '_')
    return "starts with '_': C reserves such names";
  if (strstr(p, "__"))
    return "contains '__': C++ reserves such names";
  if (p[n - 1] == '_')
    return "ends with '_': the names would contain '__' (C++ reserves them)";
  /* jixiao.h owns jx_*, JX_* and JIXIAO_*: PREFIX_plan and PREFIX_JX_H must
     stay out of them in any case (the guard is upper case). */
  if (starts_nocase(p, "jx") && (n == 2 || p[2] == '_'))
    return "would make names in the runtime's jx_/JX_ namespace (jixiao.h)";
  if (starts_nocase(p, "jixiao") && (n == 6 || p[6] == '_'))
    return "would make names in the runtime's JIXIAO_ namespace (jixiao.h)";
  if (n > MAX_PREFIX)
    return "is longer than 40 characters (C99 guarantees 63 significant "
           "characters in an identifier)";
  return NULL;
}

/* A readable identifier from a file name: its base name without the last
   extension, ASCII letters and digits kept, every run of anything else one
   '_', none at either end, "plan_" before a leading digit, at most 40
   characters.  Empty when nothing readable is left (a name in Chinese). */
static char *prefix_from_name(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  char *p = jx_xmalloc(n + sizeof "plan_");
  size_t k = 0;
  bool gap = false;
  for (size_t i = 0; i < n; i++) {
    if (!is_alnum(base[i])) {
      gap = k > 0;
      continue;
    }
    if (k == 0 && base[i] >= '0' && base[i] <= '9') {
      memcpy(p, "plan_", 5);
      k = 5;
    } else if (gap) {
      p[k++] = '_';
    }
    gap = false;
    p[k++] = base[i];
  }
  while (k > MAX_PREFIX || (k > 0 && p[k - 1] == '_'))
    k--;
  p[k] = '\0';
  return p;
}

char *jx_c_prefix(const char *given, const char *output, const char *input,
                  char *why, size_t why_size) {
  if (given) {
    const char *bad = prefix_problem(given);
    if (!bad) {
      size_t n = strlen(given) + 1;
      return memcpy(jx_xmalloc(n), given, n);
    }
    snprintf(why, why_size, "--prefix '%s' %s; choose another", given, bad);
    return NULL;
  }
  /* Standard input has no name: "plan", as documented. */
  const char *from = output && strcmp(output, "-") != 0 ? output
                     : strcmp(input, "-") == 0          ? "plan"
                                                        : input;
  char *p = prefix_from_name(from);
  const char *bad = *p ? prefix_problem(p) : "";
  if (!bad)
    return p;
  if (*p)
    snprintf(why, why_size,
             "the C prefix '%s' made from the file name '%s' %s; "
             "give one with --prefix NAME",
             p, from, bad);
  else
    snprintf(why, why_size,
             "cannot make a C prefix from the file name '%s' (it has no "
             "ASCII letters or digits); give one with --prefix NAME",
             from);
  free(p);
  return NULL;
}

/* ---- The back end ----------------------------------------------------- */

static void *c_create(jx_out *out, const jx_emit_options *opt) {
  c_state *st = jx_xcalloc(1, sizeof *st);
  st->out = out;
  st->prefix = opt->prefix && *opt->prefix ? opt->prefix : "plan";
  st->input_name = opt->input_name ? opt->input_name : "-";
  jx_out_init_mem(&st->scratch);
  jx_out_init_spool(&st->projects, SPOOL_MEM);
  jx_out_init_spool(&st->units, SPOOL_MEM);
  jx_out_init_mem(&st->plan_head);
  return st;
}

/* The input's name for the banner comment: printable ASCII as is, anything
   else (and '*', '?', '\\', which could end the comment, form a trigraph or
   splice a line) as \ooo. */
static void put_comment_name(jx_out *o, const char *name) {
  for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
    if (*s >= 0x20 && *s < 0x7F && *s != '*' && *s != '?' && *s != '\\')
      jx_out_putc(o, (char)*s);
    else
      put_octal(o, *s);
  }
}

static void c_begin(void *vst, const jx_plan *h) {
  c_state *st = vst;
  jx_out *o = st->out;
  LIT(o, "/*\n * Generated by jxc " JX_VERSION " from ");
  put_comment_name(o, st->input_name);
  LIT(o, ".\n * Do not edit: change the source and run jxc build -f c "
         "again.\n */\n#ifndef ");
  for (const char *p = st->prefix; *p; p++)
    jx_out_putc(o, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
  LIT(o, "_JX_H\n#define ");
  for (const char *p = st->prefix; *p; p++)
    jx_out_putc(o, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
  LIT(o, "_JX_H\n\n#include \"jixiao.h\"\n\n"
         "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
  /* The plan's own fields, formatted now: h is valid only in this call. */
  jx_out_printf(&st->plan_head, "%d, ", h->year);
  put_cstr(st, &st->plan_head, h->framework);
  LIT(&st->plan_head, ", ");
  put_cstr(st, &st->plan_head, h->currency);
  /* The form comes last in jx_plan: kept apart until end(). */
  st->form = h->form ? h->form : "generic";
}

static void c_unit_open(void *vst, const jx_unit *u) {
  c_state *st = vst;
  (void)u; /* code and name come again with unit_close */
  st->in_unit = true;
  st->n_unit_projects = 0;
}

static void c_project(void *vst, const jx_unit *u, const jx_project *p) {
  c_state *st = vst;
  if (!st->in_unit)
    c_unit_open(st, u);
  size_t i = st->n_projects++;
  if (p->n_schedule > 0) {
    open_array(st, "jx_schedule_point", "_p%zu_schedule", i);
    for (size_t k = 0; k < p->n_schedule; k++) {
      LIT(&st->scratch, "    {");
      put_i64(&st->scratch, p->schedule[k].month);
      LIT(&st->scratch, ", ");
      put_decimal(&st->scratch, p->schedule[k].percent);
      LIT(&st->scratch, "},\n");
    }
    close_array(st);
  }
  strings_array(st, "_p%zu_goals", i, p->goals, p->n_goals);
  indicators_array(st, "_p%zu_indicators", i, p->indicators, p->n_indicators);
  strings_array(st, "_p%zu_overall_goals", i, p->overall_goals,
                p->n_overall_goals);
  if (p->n_sources > 0) {
    open_array(st, "jx_source", "_p%zu_sources", i);
    for (size_t k = 0; k < p->n_sources; k++) {
      LIT(&st->scratch, "    {");
      put_cstr(st, &st->scratch, p->sources[k].kind);
      LIT(&st->scratch, ", ");
      put_cstr(st, &st->scratch, p->sources[k].label);
      LIT(&st->scratch, ", ");
      put_decimal(&st->scratch, p->sources[k].amount);
      if (p->sources[k].fiscal)
        LIT(&st->scratch, ", 1},\n");
      else
        LIT(&st->scratch, ", 0},\n");
    }
    close_array(st);
  }
  lines_array(st, "_p%zu_breakdown", i, p->breakdown, p->n_breakdown);
  if (p->n_attributes > 0) {
    open_array(st, "jx_attribute", "_p%zu_attributes", i);
    for (size_t k = 0; k < p->n_attributes; k++) {
      LIT(&st->scratch, "    {");
      put_cstr(st, &st->scratch, p->attributes[k].key);
      LIT(&st->scratch, ", ");
      put_cstr(st, &st->scratch, p->attributes[k].value);
      LIT(&st->scratch, "},\n");
    }
    close_array(st);
  }

  jx_out *o = &st->projects;
  LIT(o, "    {");
  put_cstr(st, o, p->code);
  LIT(o, ", ");
  put_cstr(st, o, p->name);
  LIT(o, ",\n     ");
  put_decimal(o, p->budget);
  LIT(o, ", ");
  put_decimal(o, p->fiscal);
  LIT(o, ", ");
  put_decimal(o, p->other);
  LIT(o, ", ");
  put_cstr(st, o, p->purpose);
  LIT(o, ",\n     ");
  put_ref(st, o, "_p%zu_schedule", i, p->n_schedule);
  LIT(o, ", ");
  put_ref(st, o, "_p%zu_goals", i, p->n_goals);
  LIT(o, ", ");
  put_ref(st, o, "_p%zu_indicators", i, p->n_indicators);
  LIT(o, ", ");
  put_i64(o, p->line);
  if (p->has_total)
    LIT(o, ",\n     1, ");
  else
    LIT(o, ",\n     0, ");
  put_decimal(o, p->total);
  LIT(o, ", ");
  put_cstr(st, o, p->period);
  LIT(o, ", ");
  put_decimal(o, p->period_start);
  LIT(o, ", ");
  put_decimal(o, p->period_end);
  LIT(o, ",\n     ");
  put_org(st, o, p->supervisor);
  LIT(o, ", ");
  put_org(st, o, p->implementer);
  LIT(o, ",\n     ");
  put_ref(st, o, "_p%zu_overall_goals", i, p->n_overall_goals);
  LIT(o, ", ");
  put_ref(st, o, "_p%zu_sources", i, p->n_sources);
  LIT(o, ", ");
  put_ref(st, o, "_p%zu_breakdown", i, p->n_breakdown);
  LIT(o, ",\n     ");
  const char *fields[] = {p->classification, p->nature};
  for (size_t k = 0; k < 2; k++) {
    put_cstr(st, o, fields[k]);
    LIT(o, ", ");
  }
  jx_out_puts(o, continuity_name(p->continuity));
  LIT(o, ",\n     ");
  const char *more[] = {p->policy, p->document, p->subject};
  for (size_t k = 0; k < 3; k++) {
    put_cstr(st, o, more[k]);
    LIT(o, ", ");
  }
  put_person(st, o, p->manager);
  LIT(o, ", ");
  put_person(st, o, p->contact);
  LIT(o, ",\n     ");
  put_ref(st, o, "_p%zu_attributes", i, p->n_attributes);
  LIT(o, "},\n");
  st->n_unit_projects++;
}

/* Closes the open unit; u supplies code, name, goals and measures (NULL:
   none, for events that end without unit_close). */
static void close_unit(c_state *st, const jx_unit *u) {
  static const jx_unit none = {0};
  if (!u)
    u = &none;
  size_t i = st->n_units++;
  strings_array(st, "_u%zu_goals", i, u->goals, u->n_goals);
  measures_array(st, "_u%zu_measures", i, u->measures, u->n_measures);
  if (st->n_unit_projects > 0)
    spooled_array(st, "jx_project", "_u%zu_projects", i, &st->projects);
  jx_out *o = &st->units;
  LIT(o, "    {");
  put_cstr(st, o, u->code);
  LIT(o, ", ");
  put_cstr(st, o, u->name);
  LIT(o, ",\n     ");
  put_ref(st, o, "_u%zu_goals", i, u->n_goals);
  LIT(o, ", ");
  put_ref(st, o, "_u%zu_measures", i, u->n_measures);
  LIT(o, ", ");
  put_ref(st, o, "_u%zu_projects", i, st->n_unit_projects);
  LIT(o, ",\n     ");
  put_org(st, o, u->supervisor);
  LIT(o, ", ");
  put_org(st, o, u->implementer);
  LIT(o, "},\n");
  st->in_unit = false;
}

static void c_unit_close(void *vst, const jx_unit *u) {
  c_state *st = vst;
  if (!st->in_unit)
    c_unit_open(st, u);
  close_unit(st, u);
}

static void c_department(void *vst, const jx_department *d) {
  c_state *st = vst;
  if (!d || st->have_dept) /* at most one department per plan */
    return;
  st->have_dept = true;
  for (size_t i = 0; i < d->n_divisions; i++) {
    const jx_division *dv = &d->divisions[i];
    strings_array(st, "_div%zu_goals", i, dv->goals, dv->n_goals);
    indicators_array(st, "_div%zu_indicators", i, dv->indicators,
                     dv->n_indicators);
  }
  if (d->n_divisions > 0) {
    jx_out *o = &st->scratch;
    open_array(st, "jx_division", "_divisions", 0);
    for (size_t i = 0; i < d->n_divisions; i++) {
      const jx_division *dv = &d->divisions[i];
      LIT(o, "    {");
      put_cstr(st, o, dv->name);
      LIT(o, ", ");
      put_ref(st, o, "_div%zu_goals", i, dv->n_goals);
      LIT(o, ", ");
      put_ref(st, o, "_div%zu_indicators", i, dv->n_indicators);
      LIT(o, "},\n");
    }
    close_array(st);
  }
  strings_array(st, "_dept_goals", 0, d->goals, d->n_goals);
  measures_array(st, "_dept_measures", 0, d->measures, d->n_measures);
  indicators_array(st, "_dept_indicators", 0, d->indicators, d->n_indicators);
  lines_array(st, "_dept_breakdown", 0, d->breakdown, d->n_breakdown);
  jx_out *o = &st->scratch;
  LIT(o, "static const jx_department ");
  ident(st, o, "_department = {\n    ", 0);
  put_cstr(st, o, d->name);
  LIT(o, ",\n    ");
  put_ref(st, o, "_dept_goals", 0, d->n_goals);
  LIT(o, ", ");
  put_ref(st, o, "_divisions", 0, d->n_divisions);
  LIT(o, ",\n    ");
  put_ref(st, o, "_dept_measures", 0, d->n_measures);
  LIT(o, ", ");
  put_ref(st, o, "_dept_indicators", 0, d->n_indicators);
  LIT(o, ",\n    ");
  put_cstr(st, o, d->code);
  jx_out_printf(o, ", %d, ", d->has_budget ? 1 : 0);
  put_decimal(o, d->budget);
  LIT(o, ", ");
  put_ref(st, o, "_dept_breakdown", 0, d->n_breakdown);
  LIT(o, "};\n");
  take(st->out, &st->scratch);
}

static void c_end(void *vst) {
  c_state *st = vst;
  jx_out *o = st->out;
  if (st->in_unit)
    close_unit(st, NULL);
  if (st->n_units > 0)
    spooled_array(st, "jx_unit", "_units", 0, &st->units);
  LIT(o, "\nenum {\n    ");
  ident(st, o, "_n_units = %zu,\n    ", st->n_units);
  ident(st, o, "_n_projects = %zu,\n    ", st->n_projects);
  ident(st, o, "_n_indicators = %zu\n};\n\n", st->n_indicators);
  LIT(o, "static const jx_plan ");
  ident(st, o, "_plan = {\n    ", 0);
  take(o, &st->plan_head);
  LIT(o, ",\n    ");
  if (st->have_dept) {
    jx_out_putc(o, '&');
    ident(st, o, "_department", 0);
  } else {
    LIT(o, "NULL");
  }
  LIT(o, ", ");
  put_ref(st, o, "_units", 0, st->n_units);
  LIT(o, ", ");
  put_cstr(st, o, st->form ? st->form : "generic");
  LIT(o, "};\n\n#ifdef __cplusplus\n}\n#endif\n\n#endif\n");
}

static void c_destroy(void *vst) {
  c_state *st = vst;
  if (!st)
    return;
  jx_out_free(&st->scratch);
  jx_out_free(&st->projects);
  jx_out_free(&st->units);
  jx_out_free(&st->plan_head);
  free(st);
}

const jx_backend jx_backend_c = {
    .name = "c",
    .create = c_create,
    .begin = c_begin,
    .unit_open = c_unit_open,
    .project = c_project,
    .unit_close = c_unit_close,
    .department = c_department,
    .end = c_end,
    .destroy = c_destroy,
};
