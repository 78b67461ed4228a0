/*
 * import_impl.h — what the files of compiler/import share (not import.h).
 *
 *   grid.c         the cell grid every reader fills, places, text helpers
 *   encoding.c     UTF-8 / UTF-16 / GB18030 input to UTF-8 (iconv)
 *   xlsx.c         .xlsx (minizip + expat) into a grid
 *   xls.c          .xls (freexl) into a grid
 *   csv.c          CSV / TSV (libcsv) into a grid
 *   columns.c      the column table, the profiles and the map file (inih)
 *   values.c       printed values into the language's operators and values
 *   layout_cells.c the cells every layout reads alike (title, year,
 *                  currency; a label's value)
 *   layout_rows.c  the indicator table (a row per indicator)
 *   layout_form.c  the official 项目支出绩效目标表, one or many per sheet
 *   layout_dept.c  the department's and units' own forms, the summary sheet
 *   text.c         the published text layout
 *   writer.c       the plan into .jx source with a comment per place
 *   import.c       the driver: sniff, read, recognise, write, format, check
 *
 * Ownership: a grid (im_book) owns its cells and texts in its arena; the
 * plan (im_plan) owns everything it holds in its own arena.  Nothing is
 * freed piece by piece.
 */
#ifndef JX_IMPORT_IMPL_H
#define JX_IMPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "strbuf.h"

/* ---- Limits: what a hostile file can make us hold ---------------------- */

#define JX_IM_MAX_INPUT (256u << 20)    /* bytes of the input file */
#define JX_IM_MAX_PART (64u << 20)      /* uncompressed bytes of one zip part */
#define JX_IM_MAX_UNZIPPED (256u << 20) /* uncompressed bytes, all parts */
#define JX_IM_MAX_CELLS 1000000u        /* non-empty cells, all sheets */
#define JX_IM_MAX_TEXT (64u << 20)      /* bytes of cell text, all sheets */
#define JX_IM_MAX_SHEETS 1000u
#define JX_IM_MAX_ROWS 1048576u /* Excel's own limits */
#define JX_IM_MAX_COLS 16384u

/* ---- The grid ---------------------------------------------------------- */

typedef enum im_kind {
  IM_TEXT,   /* text as stored */
  IM_NUMBER, /* text: the shortest exact decimal ("89.1"); "25%" when the
                cell's format shows a percentage */
  IM_BOOL,   /* "TRUE" / "FALSE" */
  IM_DATE,   /* "2021-08-25" (a serial number with a date format) */
  IM_ERROR   /* "#DIV/0!" and the like */
} im_kind;

typedef struct im_cell {
  uint32_t row, col; /* 1-based */
  im_kind kind;
  bool used; /* a recogniser took it into the plan */
  /* The top-left cell of a merged range spans this many rows/columns. */
  uint32_t span_rows, span_cols;
  const char *text; /* UTF-8, never NULL, never empty */
  jx_loc loc;       /* text sources: where the cell starts (else line 0) */
} im_cell;

typedef struct im_merge {
  uint32_t r1, c1, r2, c2;
} im_merge;

typedef struct im_sheet {
  const char *name;
  im_cell *cells; /* sorted by row, then column, by jx_im_book_finish */
  size_t n, cap;
  im_merge *merges;
  size_t n_merges, cap_merges;
  uint32_t rows, cols; /* extent */
  size_t *row_at;      /* rows + 2 entries: first cell of each row */
  /* The merged ranges by column, each column's sorted by first row, so a
   * look-up is a binary search (jx_im_value): mcol[mcol_at[c] …
   * mcol_at[c + 1]) are the ranges that cover column c. */
  uint32_t mcols;
  size_t *mcol_at;
  const im_merge **mcol;
} im_sheet;

typedef enum im_source_kind {
  IM_SRC_SHEET,
  IM_SRC_CSV,
  IM_SRC_TEXT
} im_source_kind;

typedef struct im_book {
  jx_arena arena;
  const char *path; /* as the user named it */
  im_source_kind kind;
  uint32_t file; /* IM_SRC_TEXT: the source registered with the diagnostics */
  im_sheet *sheets;
  size_t n_sheets, cap_sheets;
  size_t cells, bytes; /* totals, against the limits */
  /* The first failure of a reader: the diagnostic (import-unreadable or
   * import-too-large) and its arguments after the input's name. */
  bool failed;
  jx_diag_id fail_id;
  char fail_args[4][128];
  int fail_n;
  bool fail_has_err; /* an errno value follows the strings (%E) */
  int fail_err;
} im_book;

void jx_im_book_init(im_book *b, const char *path, im_source_kind kind);
void jx_im_book_free(im_book *b);
/* Records the first failure (later ones are consequences): the diagnostic
 * and its arguments after the input's name, strings ending with NULL (at
 * most four); returns -1.  jx_im_report_failure reports it. */
int jx_im_fail(im_book *b, jx_diag_id id, ...);
/* The same, with an errno value after the strings (the message's %E). */
int jx_im_fail_errno(im_book *b, jx_diag_id id, int err, ...);
void jx_im_report_failure(const im_book *b, jx_diag *d);
/* v as decimal text in buf (for a failure's arguments). */
const char *jx_im_num(char buf[24], unsigned long long v);
im_sheet *jx_im_add_sheet(im_book *b, const char *name, size_t n);
/* Adds a cell (text of n bytes, copied; empty text is ignored).  Returns
 * the cell, or NULL after jx_im_fail when a limit is passed. */
im_cell *jx_im_put(im_book *b, im_sheet *s, uint32_t row, uint32_t col,
                   im_kind kind, const char *text, size_t n);
int jx_im_merge(im_book *b, im_sheet *s, uint32_t r1, uint32_t c1, uint32_t r2,
                uint32_t c2);
/* Sorts the cells, indexes the rows and the merged ranges.  Returns 0, or
 * -1 after jx_im_fail when the merged ranges cover too many columns. */
int jx_im_book_finish(im_book *b);

/* The cell at (row, col), or NULL. */
im_cell *jx_im_at(const im_sheet *s, uint32_t row, uint32_t col);
/* The same, but a cell inside a merged range gives the range's top-left
 * cell: a merged value applies to every cell of the range. */
im_cell *jx_im_value(const im_sheet *s, uint32_t row, uint32_t col);
/* The cells of a row (sorted by column); *n gets their number. */
im_cell *jx_im_row(const im_sheet *s, uint32_t row, size_t *n);

/* "C7", "AB12" (col 1-based) into buf (at least 16 bytes). */
void jx_im_cell_name(uint32_t row, uint32_t col, char *buf);
/* Parses "C", "AB" into a 1-based column; 0 if not a column name. */
uint32_t jx_im_col_from_name(const char *s);

/* ---- Text helpers (grid.c) --------------------------------------------- */

/* NFKC, without any whitespace: how headers and labels are compared
 * (全角 and half-width forms, stray spaces and line breaks alike). */
char *jx_im_key(jx_arena *a, const char *s);
/* Leading and trailing whitespace (ASCII and U+3000) removed, CRLF as LF,
 * other control characters dropped (the language cannot hold them). */
char *jx_im_clean(jx_arena *a, const char *s, size_t n, bool *dropped);
/* Is the whole of s[0..n) valid UTF-8? */
bool jx_im_utf8_valid(const char *s, size_t n);
/* The shortest decimal text that reads back as the same double, in plain
 * notation (no exponent): "89.1" for 89.099999999999994.  The double
 * lives only inside this function; the grid and the plan hold text. */
void jx_im_shortest(double v, char *buf, size_t bufsz);

/* ---- Input decoding (encoding.c) --------------------------------------- */

/* Converts text input to UTF-8: a UTF-8 BOM is dropped, UTF-16 with a BOM
 * and GB18030 (which includes GBK and GB2312) are converted with iconv.
 * Returns a malloc'd buffer (*out_n bytes, NUL-terminated) and sets *enc
 * to "UTF-8", "UTF-16LE", … , or returns NULL when the bytes are none of
 * these (binary data). */
char *jx_im_decode(const char *data, size_t n, size_t *out_n, const char **enc);

/* ---- Readers ------------------------------------------------------------ */

int jx_im_read_xlsx(im_book *b, const char *data, size_t n);
/* xlsx_cells.c: 'd' (a date or time), 'p' (a percentage) or 0 for a
 * number format's code, or for a built-in format's id. */
char jx_im_xlsx_format_kind(const char *code);
char jx_im_xlsx_builtin_kind(unsigned id);
/* A stored number as exact decimal text; false if it is not a number. */
bool jx_im_xlsx_number(const char *v, char *buf, size_t n);
/* "0.25" → "25%". */
void jx_im_xlsx_percent(const char *num, char *buf, size_t n);
/* A serial date as "2021-08-25" (with the time if it has one). */
bool jx_im_xlsx_date(const char *v, bool date1904, char *buf, size_t n);
int jx_im_read_xls(im_book *b, const char *data, size_t n);
/* CSV or TSV in UTF-8 (decoded already); the delimiter is found from the
 * first lines. */
int jx_im_read_csv(im_book *b, const char *text, size_t n);
/* Does UTF-8 text look like delimited rows rather than prose? */
bool jx_im_looks_delimited(const char *text, size_t n);
/* The delimiter jx_im_read_csv uses for text: ',', '\t' or ';'. */
unsigned char jx_im_csv_delim(const char *text, size_t n);

/* ---- Columns, profiles and the map file (columns.c) -------------------- */

/* What a column of an indicator table holds.  The `target` of each field
 * in columns.c says which statement or attribute it becomes; a field the
 * language cannot hold yet is kept as a comment (target IM_T_COMMENT), so
 * that when the language grows the field, only the table changes. */
typedef enum im_field {
  IM_F_NONE = 0,
  IM_F_DEPT,      /* 主管部门, 部门名称: the department's name */
  IM_F_UNIT_CODE, /* 单位编码 */
  IM_F_UNIT_NAME, /* 单位名称 */
  IM_F_PROJECT,   /* 项目名称 */
  IM_F_CODE,      /* 项目编码 */
  IM_F_BUDGET,    /* 预算数 */
  IM_F_FISCAL,    /* 财政资金 */
  IM_F_OTHER,     /* 其他资金 */
  IM_F_SOURCE,  /* another source of funds: 政府性基金, 单位资金 … */
  IM_F_PURPOSE, /* 资金用途 */
  IM_F_GOAL,    /* 绩效目标 */
  IM_F_L1,      /* 一级指标 */
  IM_F_L2,      /* 二级指标 */
  IM_F_L3,      /* 三级指标: the indicator's name */
  IM_F_CONTENT, /* 指标内容 / 绩效指标描述 */
  IM_F_SIGN,    /* 计算符号 / 指标性质 */
  IM_F_VALUE,   /* 指标值 */
  IM_F_UNIT,    /* 度量单位 / 计量单位 */
  IM_F_VALUE_DESC, /* 指标值说明 */
  IM_F_BASIS,      /* 指标值确定依据 */
  IM_F_SCORING,    /* 评（扣）分标准 */
  IM_F_WEIGHT,     /* 权重 / 分值 */
  IM_F_NOTE,       /* 备注 */
  IM_F_PREV,       /* 上年指标值 */
  IM_F_SEQ,        /* 序号: a row number, nothing to keep */
  /* issue 11: the columns and header fields of other regions' forms */
  IM_F_STANDARD, /* 绩效标准 */
  IM_F_EXPLAIN,  /* 指标解释 */
  IM_F_PERIOD_VALUE, /* 实施期指标值, 中长期指标值: the period's target */
  IM_F_TOTAL,        /* 项目总预算, 中期资金总额 */
  IM_F_PERIOD,       /* 实施期 */
  IM_F_OVERALL,  /* 实施期目标, 中长期目标 */
  IM_F_CLASS,    /* 项目分类 */
  IM_F_NATURE,   /* 项目属性 */
  IM_F_POLICY,   /* 立项依据 */
  IM_F_DOCUMENT, /* 资金文号 */
  IM_F_SUBJECT,  /* 科目代码 */
  IM_F_MANAGER,  /* 项目负责人 */
  IM_F_CONTACT,  /* 联系人 */
  IM_F_COUNT
} im_field;

typedef enum im_target {
  IM_T_PROJECT,   /* the project's own statements (name, code, budget …) */
  IM_T_INDICATOR, /* the indicator statement (category, name, value) */
  IM_T_DESC,      /* the indicator's desc */
  IM_T_BASIS,     /* the indicator's basis */
  IM_T_EXPL,    /* an explanation column of the indicator (绩效标准 …) */
  IM_T_COMMENT, /* not in the language yet: a comment and a warning */
  IM_T_IGNORE   /* nothing to keep (a row number) */
} im_target;

typedef struct im_field_info {
  im_field field;
  const char *id;           /* map-file key: "level3" */
  const char *label;        /* canonical header: "三级指标" */
  const char *const *names; /* header spellings, compared by jx_im_key */
  im_target target;
} im_field_info;

const im_field_info *jx_im_field_info(im_field f);
/* The field a header cell names (by jx_im_key, allowing a parenthesised
 * suffix such as （万元）), or IM_F_NONE. */
im_field jx_im_field_of(const char *header);
/* The field named by a map-file key (id or any spelling). */
im_field jx_im_field_by_name(const char *name);

/* A column map: which column holds which field.  Filled from the header
 * row, or given by the map file. */
typedef struct im_colmap {
  uint32_t col[IM_F_COUNT];            /* 1-based column, 0: absent */
  const char *header_text[IM_F_COUNT]; /* map file: a header to look for */
} im_colmap;

/* The map file (--map): INI, read with inih. */
typedef struct im_map {
  bool present;
  const char *profile; /* "rows", "form", "text", or NULL: by content */
  const char *sheet;   /* only this sheet */
  uint32_t header_row; /* 0: found automatically */
  im_colmap cols;
  int year;             /* 0: found in the input */
  const char *currency; /* NULL: found in the input */
  const char *framework;
} im_map;

/* Reads a map file's text (n bytes, named `name`) into *m (strings in a),
 * registering the text with d — it must stay until d has flushed — so
 * that a mistake is reported at its line (import-map).  Returns 0, or -1
 * after reporting every mistake. */
int jx_im_map_parse(im_map *m, const char *name, const char *text, size_t n,
                    jx_diag *d, jx_arena *a);

/* ---- The plan: what was recognised, with the place of every value ------ */

#define IM_NO_SHEET UINT32_MAX

typedef struct im_src {
  uint32_t sheet; /* IM_NO_SHEET: none */
  uint32_t row, col;
  jx_loc loc; /* a text source: the place in the text */
} im_src;

typedef struct im_text {
  const char *text; /* NULL: absent */
  im_src src;
} im_text;

/* Something kept as a comment: a heading, a cell the language cannot hold
 * yet, a cell that could not be read.  With a diagnostic id, the importer
 * reports it at the comment (notes of one group share one diagnostic). */
typedef struct im_note {
  struct im_note *next;
  const char *label; /* the column or label it was under, or NULL */
  const char *text;
  im_src src;
  jx_diag_id id;   /* JX_DIAG_COUNT: no diagnostic (a heading) */
  const char *arg; /* the diagnostic's extra argument */
  int group;       /* >= 0: one diagnostic for the group's first note */
  int reason;      /* an im_reason for import-cell and import-as-text, or -1 */
  bool silent_src; /* a heading: no place printed in the comment */
} im_note;

typedef enum im_vkind { IM_V_NUMBER, IM_V_TEXT, IM_V_NA, IM_V_DATE } im_vkind;

typedef struct im_value {
  im_vkind kind;
  int op;           /* jx_op */
  bool op_written;  /* print the operator even before n/a */
  bool bare;        /* no operator: the text carries its own comparison
                       (90%以上, 9月前) or is a date range */
  uint8_t post_len; /* bytes of the comparison word ending text (以上) */
  const char *text; /* NUMBER: "22人"; TEXT: the text; DATE: "2021-08-25" */
  im_src src;
} im_value;

/* The explanation columns of an indicator, in the writer's order. */
enum {
  IM_X_STANDARD,
  IM_X_EXPLAIN,
  IM_X_NOTE,
  IM_X_REMARK,
  IM_X_SCORING,
  IM_X_COUNT
};

typedef struct im_indicator {
  struct im_indicator *next;
  im_note *notes;      /* kept before it */
  const char *l1, *l2; /* as written: NULL l2 → the `indicator` keyword */
  im_src cat_src;
  im_text name;
  im_value value;
  im_src sign_src, unit_src; /* 计算符号 and 度量单位, when in columns */
  im_text desc, basis;
  im_text expl[IM_X_COUNT]; /* 绩效标准, 指标解释, 指标值说明, 备注, 评分标准 */
  bool has_period; /* 实施期指标值 */
  im_value period;
  bool empty; /* a level-2 row with no name and no value (written alone) */
} im_indicator;

/* A source of funds beside 财政/其他 (上级资金 30): the word the language
 * spells it with, and the amount as written. */
typedef struct im_source {
  struct im_source *next;
  const char *word;
  im_text amount;
} im_source;

/* A header field of the form the language has no statement of its own
 * for (资金性质: 一般公共预算): `attribute "key" "value"`. */
typedef struct im_attr {
  struct im_attr *next;
  im_text key, value;
} im_attr;

/* A line item of the budget (明细：高标准农田建设 400): its name (NULL for
 * a line printed without one) and amount. */
typedef struct im_line {
  struct im_line *next;
  const char *name;
  im_text amount;
} im_line;

typedef struct im_goal {
  struct im_goal *next;
  im_note *notes;
  im_text text;
} im_goal;

typedef struct im_month {
  struct im_month *next;
  int month;
  im_src month_src;
  im_text percent; /* "25%" */
} im_month;

typedef struct im_project {
  struct im_project *next;
  im_note *notes; /* before the project */
  im_text name, code, budget, fiscal, other, purpose;
  /* issue 11: the header fields of other regions' forms */
  im_text total, period, klass, nature, policy, document, subject, manager,
      contact, supervisor;
  im_text implementer, implementer_code; /* 实施单位 under a 预算单位 */
  im_source *sources;
  im_line *lines; /* the budget's line items (breakdown) */
  im_attr *attrs; /* other header fields */
  im_goal *overall;
  im_month *schedule;
  im_goal *goals;
  im_indicator *indicators;
  im_note *tail;         /* kept at the end of the block */
  const char *key;       /* rows layout: what groups rows into this project */
  const char *goal_cell; /* rows layout: the 绩效目标 cell last read */
  struct im_unit *unit;  /* the unit it went into */
  bool summarised;       /* a summary row has been matched with it */
} im_project;

typedef struct im_measure {
  struct im_measure *next;
  im_note *notes;
  im_text title, text;
} im_measure;

typedef struct im_division {
  struct im_division *next;
  im_note *notes;
  im_text name;
  im_goal *goals;
  im_indicator *indicators;
  im_note *tail;
} im_division;

typedef struct im_unit {
  struct im_unit *next;
  im_note *notes;
  im_text code, name;
  im_goal *goals;
  im_measure *measures;
  im_project *projects;
  im_note *tail;
} im_unit;

typedef struct im_department {
  im_note *notes;
  im_text name;
  im_text code, budget;  /* 部门预算编码, 部门预算 (issue 11) */
  struct im_line *lines; /* its line items (明细) */
  bool guessed;      /* the name is made up (a text's 本级 unit), not read */
  bool from_project; /* the name is a project form's 主管部门 */
  im_goal *goals;
  im_indicator *indicators;
  im_division *divisions;
  im_measure *measures;
  im_note *tail;
} im_department;

typedef struct im_plan {
  jx_arena arena;
  int year; /* 0: unknown */
  im_src year_src;
  const char *framework; /* NULL: the default (local) */
  im_src framework_src;
  const char *form; /* the form the plan follows (表式); NULL: none */
  im_src form_src;
  const char *currency; /* NULL: the default (万元) */
  im_src currency_src;
  im_note *notes; /* before everything */
  im_department *dept;
  im_unit *units; /* a unit with code.text NULL holds loose projects */
  im_note *tail;
  int errors; /* notes with an error diagnostic */
  int next_group;
  /* Two hash tables (plan.c), so that a hostile input of a million
   * rows costs linear time: the tail of every list appended to, and the
   * units and projects by name. */
  struct im_tail {
    void **head; /* the list's head pointer (its address is the key) */
    void *first, *last;
  } * tails;
  size_t n_tails, cap_tails;
  struct im_named {
    const char *key; /* in the arena */
    void *value;
  } * named;
  size_t n_named, cap_named;
} im_plan;

/* Where a value is, for people: 表1!C7 (a quoted sheet name where Excel
 * would quote it), C7 in a CSV, "line 12" (第12行) in a text. */
void jx_im_place(const im_book *b, const im_src *s, jx_lang lang,
                 jx_strbuf *out);

void jx_im_plan_init(im_plan *p);
void jx_im_plan_free(im_plan *p);
im_src jx_im_src_cell(uint32_t sheet, const im_cell *c);
/* Does s name a place?  (A zeroed im_src does not.) */
bool jx_im_src_valid(const im_src *s);
im_src jx_im_src_none(void);
/* Appends a note to *list (a list's tail is found by walking). */
im_note *jx_im_note(im_plan *p, im_note **list, const char *label,
                    const char *text, im_src src, jx_diag_id id,
                    const char *arg, int group);
/* A heading kept as a comment, with no diagnostic. */
im_note *jx_im_heading(im_plan *p, im_note **list, const char *text,
                       im_src src);
/* A source of funds labelled `label` with the amount at v, into the
 * project's sources when the label names one the language knows (and is
 * not a part of another: "其中：…"), else a note kept in *notes.  Returns
 * false when it was kept as a note. */
bool jx_im_source(im_plan *p, im_project *pr, const char *label, im_text v,
                  im_note **notes);
/* The project's slot for a header field (IM_F_PERIOD, IM_F_CLASS …), or
 * NULL for a field that has none. */
im_text *jx_im_header_slot(im_project *pr, im_field f);

/* Appends item (or a chain of items) to a NULL-terminated singly linked
 * list through `next` at the start of each struct (all plan lists are
 * laid out so), in constant time: the plan remembers each list's tail. */
void jx_im_append(im_plan *p, void *list_head, void *item);
/* The value stored under a key of kind `kind` (a unit, a project of a
 * unit), or NULL; jx_im_name_put stores one. */
void *jx_im_name_get(im_plan *p, char kind, const void *scope, const char *key);
void jx_im_name_put(im_plan *p, char kind, const void *scope, const char *key,
                    void *value);
/* The unit with this code (or name, when code is NULL), made if new. */
im_unit *jx_im_unit(im_plan *p, const char *code, const char *name,
                    im_src code_src, im_src name_src);
/* The unit with this code (or name), or NULL: jx_im_unit without making
 * one. */
im_unit *jx_im_unit_find(im_plan *p, const char *code, const char *name);
/* Appends a project to its unit, and makes it known to summaries: by its
 * code, and by its name in the unit. */
void jx_im_add_project(im_plan *p, im_unit *u, im_project *pr);
/* The project a summary row names (by code; a row without a code by its
 * name in the unit, among projects without a code), not matched with an
 * earlier row; or NULL. */
im_project *jx_im_summary_match(im_plan *p, const char *code,
                                const char *unit_code, const char *unit_name,
                                const char *name);
/* The department's name, from a form; a different second name is kept
 * in *notes (import-conflict). */
/* own: the department's own form (部门名称) says it, and wins over a name
 * taken from a project's 主管部门 before it (that project then keeps its
 * 主管部门 as its supervisor). */
void jx_im_dept_name(im_plan *p, const im_text *name, bool own,
                     im_note **notes);

/* ---- Values (values.c) -------------------------------------------------- */

/* Why a cell was not read, or kept as text: the last argument of the
 * import-cell and import-as-text messages (messages.def, JX_M_IM_R_*, in
 * this order). */
typedef enum im_reason {
  IM_R_ERROR_VALUE, /* #DIV/0! and the like */
  IM_R_SIGN,        /* not a 计算符号 */
  IM_R_EMPTY_VALUE,
  IM_R_CATEGORY,
  IM_R_NO_CATEGORY,
  IM_R_AMOUNT,
  IM_R_PERCENT,
  IM_R_TWO_OPS,
  IM_R_DATE,
  IM_R_RANGE,
  IM_R_UNIT,
  IM_R_NUMBER,
  IM_R_COUNT
} im_reason;

jx_msg jx_im_reason(im_reason r);

/* A goal cell's text split into its numbered items ("1.… 2.…"), without
 * the numbers; calls fn for each item. */
void jx_im_split_goals(jx_arena *a, const char *text,
                       void (*fn)(void *ud, const char *item), void *ud);
/* An amount as the language writes it ("1,909.00" → "1909.00", "89.1万" →
 * "89.1万元"), or NULL if the text is not an amount. */
const char *jx_im_amount(jx_arena *a, const char *text);
/* A month heading (3月底, 3月, 第一季度末 → 3, …), or 0. */
int jx_im_month(const char *text);
/* A percentage as the language writes it ("25.00%" → "25.00%", "0.25" with
 * fraction true → "25%"), or NULL. */
const char *jx_im_percent(jx_arena *a, const char *text, bool fraction);

/* The result of reading an indicator's value cells. */
typedef struct im_read_value {
  im_value v;
  jx_diag_id kept_id; /* JX_W_IMPORT_PRINTED or _AS_TEXT, else JX_DIAG_COUNT */
  int reason;         /* _AS_TEXT: an im_reason */
  bool unreadable;    /* the sign column held something unknown */
} im_read_value;

/* Reads sign (计算符号, may be NULL), value (指标值) and unit (度量单位, may
 * be NULL) as printed into a value of the language. */
void jx_im_read_value(jx_arena *a, const char *sign, const char *value,
                      const char *unit, im_read_value *out);

/* Does the lexer read all of text as one token of this kind ("number",
 * "date", "word", "category")?  Every value the writer puts outside a
 * string is checked so. */
bool jx_im_token_ok(const char *text, const char *kind);
/* A value as the .jx writes it, operator included: ">= 90%". */
const char *jx_im_value_text(jx_arena *a, const im_value *v);
/* A category cell's text as the language can write it (a word), or NULL. */
const char *jx_im_category_word(jx_arena *a, const char *text);

/* ---- Layouts ------------------------------------------------------------ */

/* Recognises the official forms in a sheet; returns how many.  `before`
 * (may be NULL) goes before the first form's project. */
int jx_im_layout_form(im_plan *p, im_book *b, uint32_t sheet, const im_map *m,
                      im_note *before);
/* Recognises a department form or a unit form (layout_dept.c); returns 1
 * if the sheet is one. */
int jx_im_layout_dept(im_plan *p, im_book *b, uint32_t sheet);
/* Recognises a summary of projects (a header with 项目编码 and no
 * indicator columns), checked against the projects read so far; returns
 * 1 if the sheet is one.  Run after every other sheet. */
int jx_im_layout_summary(im_plan *p, im_book *b, uint32_t sheet);
/* Recognises a row-per-indicator table in a sheet; returns 1 if found. */
int jx_im_layout_rows(im_plan *p, im_book *b, uint32_t sheet, const im_map *m);

/* An indicator table below a header row (shared by both layouts): reads
 * rows first_row.. until last_row (0: the end of the sheet, or a row that
 * starts another form), adding indicators to the projects that `project_of`
 * picks (fixed: that one project).  Returns the row after the table. */
typedef struct im_table {
  im_plan *p;
  im_book *b;
  uint32_t sheet;
  uint32_t header_row;
  im_colmap map;
  /* The header row's columns, sorted by column (only those with a header
   * or named by the map file: a header cell at column XFD costs one
   * entry, not 16,384). */
  struct im_column {
    uint32_t col;
    im_field field; /* IM_F_NONE: a header jxc does not know */
    const char *hdr;
    int group; /* its note group, -1 until its first note */
  } * cols;
  size_t ncols;
  im_project *fixed;     /* the form's project, or NULL */
  im_division *division; /* a department form's division: indicators
                            without a category are its `indicator`s */
  im_unit *unit;         /* where rows without a unit column go */
  /* A row that ends the table (the next form's start), or NULL: to the
   * end of the sheet. */
  bool (*stop)(const struct im_table *t, uint32_t row);
} im_table;

/* The cells of a row where a form prints its labels: those left of the
 * table's name column (三级指标; all of them when it has none).  A stop
 * looks only there, so that an indicator named like a label (项目名称,
 * 保障措施) stays an indicator. */
im_cell *jx_im_label_cells(const im_table *t, uint32_t row, size_t *n);

/* Reads the header row into t (using the map file's columns if given);
 * returns how many known fields it found. */
int jx_im_header_row(im_table *t, uint32_t row, const im_colmap *given);
/* Reads rows first_row.. into indicators; stops before a row that starts
 * another form (form mode) or at the end.  Returns the row it stopped at. */
uint32_t jx_im_table_rows(im_table *t, uint32_t first_row);
/* Keeps the header of every column the table did not know and found no
 * value in (jx_im_table_rows does it at the end of the table). */
void jx_im_keep_headers(im_table *t);
/* Is this row an indicator header (一级指标 … or 三级指标 and 指标值)? */
bool jx_im_is_header_row(im_book *b, uint32_t sheet, uint32_t row);
/* A cell above a table that says something about the whole plan: a title
 * with the year (2021年度), the currency (单位：万元).  Takes it and returns
 * true, or returns false. */
bool jx_im_plan_cell(im_plan *p, uint32_t sheet, im_cell *c);
/* Does this row start an official form (its title, or a label such as
 * 项目名称 that only a form's header block has)?  Looks at cells[0..n). */
bool jx_im_form_start(im_cell *cells, size_t n);
/* Does one of the cells name a part of a department or unit form
 * (部门名称, 单位绩效目标, 保障措施 …)?  layout_dept.c. */
bool jx_im_dept_label(im_cell *cells, size_t n);
/* Rows first..last of a sheet that follow a unit's project forms (the
 * unit's goals and measures, as `jxc build -f xlsx --sheet unit` writes
 * them after its projects): read into u.  layout_dept.c. */
void jx_im_unit_tail(im_plan *p, im_book *b, uint32_t sheet, uint32_t first,
                     uint32_t last, im_unit *u);
/* A cell's text, cleaned (jx_im_clean) into p's arena, with its place on
 * the sheet; the cell is marked used.  NULL text for no cell. */
im_text jx_im_cell_text(im_plan *p, uint32_t sheet, im_cell *c);
/* Is cells[j], which reads like a label, the value of the label at
 * cells[i] after all?  Yes when it is merged across columns (labels are
 * single cells), or stands right beside the label with nothing after it
 * (a division named 保障措施); an empty value between them (实施单位 |
 * empty | 单位编码) leaves it a label. */
bool jx_im_label_is_value(const im_cell *cells, size_t n, size_t i, size_t j);
/* Keeps every cell of the row that no recogniser took, as notes. */
void jx_im_keep_rest(im_plan *p, im_book *b, uint32_t sheet, uint32_t row,
                     im_note **list);

/* ---- The text layout (text.c) ------------------------------------------- */

/* Reads the published layout (UTF-8 text registered as b->file) into p.
 * Returns 1 if the text had that layout's structure, else 0. */
int jx_im_read_text(im_plan *p, im_book *b, const char *text, size_t n);

/* ---- The writer (writer.c) ---------------------------------------------- */

/* Where each statement and comment of the written .jx came from, in the
 * order written: the driver pairs them with the formatted file's. */
typedef struct im_field_src {
  int what; /* which part of the statement (writer.c's IM_W_*) */
  im_src src;
} im_field_src;

typedef struct im_written {
  /* statements in order of their keyword */
  struct im_stmt {
    im_src src;         /* its main place */
    im_field_src f[26]; /* its parts (a schedule: 12 months) */
    int nf;
  } * stmts;
  size_t n_stmts, cap_stmts;
  /* comments in order; note is NULL for place comments */
  const im_note **comments;
  size_t n_comments, cap_comments;
} im_written;

void jx_im_write(const im_plan *p, const im_book *b, bool zh, jx_strbuf *out,
                 im_written *w);
void jx_im_written_free(im_written *w);

#endif
