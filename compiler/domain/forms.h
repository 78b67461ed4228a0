/*
 * forms.h — the printed forms as data: which form a plan follows (and so
 * which fields it must fill), the sources of funds a form may list, and
 * the readings of what forms print in one cell (a code glued to a name,
 * a project period, 新增/延续).
 *
 * Real tables differ by region and year.  Whether a spending plan or a
 * 财政/其他 split is required is a property of the form, not a rule of
 * the language: a plan names its form in the header (`form hebei2021`),
 * and without one nothing is required (`generic`).  A source of funds is
 * a word looked up in a table (上级资金, 本级, 自有资金, 中央 …), each
 * counted as fiscal money or not, so a new spelling is a row here.
 */
#ifndef JX_FORMS_H
#define JX_FORMS_H

#include <stdbool.h>
#include <stddef.h>

#include "jixiao.h"

/* One known form. */
typedef struct jx_form_spec {
  const char *name;           /* "hebei2021": what the header writes */
  const char *label;          /* what it is, in Chinese */
  const char *const *aliases; /* other names (NULL-terminated), or NULL */
  bool requires_funds;        /* prints 财政资金 / 其他资金 rows */
  bool requires_schedule;     /* prints 资金支出计划 */
} jx_form_spec;

/* A form by name or alias, or NULL. */
const jx_form_spec *jx_form_spec_find(const char *name);
/* The form of a plan that names none: requires nothing. */
const jx_form_spec *jx_form_spec_default(void);
/* Every known form, for help, docs and did-you-mean. */
const jx_form_spec *const *jx_form_spec_list(size_t *n);
/* The known names joined with '/', into buf; returns buf. */
const char *jx_form_spec_names(char *buf, size_t bufsz);

/* One kind of source of funds. */
typedef struct jx_source_kind {
  const char *code;  /* "superior": what the model and JSON say */
  const char *label; /* "上级资金": the canonical Chinese spelling */
  bool fiscal;       /* counted in jx_project.fiscal (else in .other) */
  const char *const *spellings; /* every word it may be written as,
                                   NULL-terminated (code and label too) */
} jx_source_kind;

/* The kind a word spells, or NULL. */
const jx_source_kind *jx_source_find(const char *word);
/* The kinds of the two keywords `fiscal` and `other`. */
const jx_source_kind *jx_source_fiscal(void);
const jx_source_kind *jx_source_other(void);
/* The spelling nearest to word (in its script), or NULL. */
const char *jx_source_suggest(const char *word);

/* Splits an organisation as a form prints it into code and name:
 * "505_湘西州教育和体育局", "[610001]湖南省…", "【505】…", "505 …" and a
 * long run of digits glued to a name ("324001秦皇岛市…").  On success
 * returns true with the code at text+*code_at (*code_len bytes) and the
 * name from text+*name_at; false when text carries no code. */
bool jx_org_split(const char *text, size_t *code_at, size_t *code_len,
                  size_t *name_at);

/* Reads a project period as the forms print it — 2023.07-2024.01,
 * 2023年4月-2024年2月, 202001-202012, 2021.1-2021.12, 2020年-2022年, one
 * year or month, 至/到/~ between — into dates (yyyymmdd × 10^6, 00 for a
 * month or day not given).  False when text is not such a period; true
 * also for an impossible one (a month 13, an end before the start), which
 * the caller judges. */
bool jx_period_read(const char *text, jx_decimal *start, jx_decimal *end);

/* 项目属性 read for whether the project is new or continuing. */
jx_continuity jx_continuity_of(const char *nature);

#endif
