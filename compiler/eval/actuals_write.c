/*
 * actuals_write.c — an actuals table written in the language's form, for
 * `jxc fmt actuals.csv` (docs/eval.md): the rows a budget system exported
 * become an `actuals` block, one `project` per project in the order the
 * table first names it, its rows in their order (two indicators of one
 * name take their actuals in order), so that `jxc diff` of the table and
 * of what is written finds nothing, and `jxc eval` scores both alike.
 *
 * What is written is rough source with English keywords; jxc fmt lays it
 * out, in either language, like any other.  The words (ratings, reasons,
 * likelihoods) are written in the language asked for, since fmt prints
 * words as they are.  A row with an empty actual cell is a statement
 * without a value, as the language allows.  Every value put outside a
 * string passes the language's own lexer first; a value it would not read
 * back the same (a number with a unit the language cannot spell, a date
 * without its year, money that is not a number) is reported at its cell
 * (actuals-convert), and nothing is written.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "strmap.h"
#include "table.h" /* the importer's decoding */

/* ---- what the lexer reads back ----------------------------------------- */

typedef struct one_token {
  int n;
  const char *name;
  uint32_t len;
} one_token;

static void count_token(void *ud, const jx_token *t) {
  one_token *c = ud;
  if (t->kind != 0 && c->n++ == 0) {
    c->name = t->name;
    c->len = t->loc.len;
  }
}

static void discard(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

/* Is text one token of the kind named (the lexer's names: "number",
 * "date"), and all of it? */
static bool one_token_of(const char *text, const char *kind) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  jx_arena a;
  jx_arena_init(&a);
  size_t n = strlen(text);
  uint32_t file = jx_diag_add_source(d, "<value>", text, n);
  one_token c = {0, NULL, 0};
  int errors = jx_lex_mem(text, n, file, d, &a, count_token, &c);
  bool ok = errors == 0 && c.n == 1 && strcmp(c.name, kind) == 0 && c.len == n;
  jx_arena_free(&a);
  jx_diag_free(d);
  return ok;
}

/* ---- writing ------------------------------------------------------------- */

/* A string literal.  The table reader dropped the controls the lexer
 * refuses in a string (all but tab and line feed). */
static void str(jx_strbuf *o, const char *s) {
  jx_sb_puts(o, "\"");
  for (const char *p = s ? s : ""; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      jx_sb_add(o, e, 2);
    } else if (c == '\n') {
      jx_sb_puts(o, "\\n");
    } else if (c == '\t') {
      jx_sb_puts(o, "\\t");
    } else if (c >= 0x20 && c != 0x7F) {
      jx_sb_add(o, p, 1);
    }
  }
  jx_sb_puts(o, "\"");
}

static void dec(jx_strbuf *o, jx_decimal v) {
  char b[JX_DECIMAL_BUFSZ];
  jx_decimal_format(v, b);
  jx_sb_puts(o, b);
}

/* The value of an entry as one token (or a string), or false after
 * reporting why it cannot be. */
static bool value(jx_strbuf *o, const jx_entry *e, jx_diag *d) {
  const jx_av *v = &e->value;
  jx_strbuf t = {0};
  bool ok = true;
  switch (v->kind) {
  case JX_AV_NONE:
    /* An empty cell is no value, not a rating alone (which would be the
     * result): written without one, it scores 0 in both forms. */
    return true;
  case JX_AV_NUMBER:
    dec(&t, v->number);
    if (v->unit)
      jx_sb_puts(&t, v->unit);
    ok = one_token_of(t.p, "number");
    break;
  case JX_AV_DATE:
    if (v->year > 0) {
      jx_sb_printf(&t, "%d年%d月", v->year, v->month);
      if (v->day)
        jx_sb_printf(&t, "%d日", v->day);
    }
    ok = v->year > 0 && one_token_of(t.p, "date");
    break;
  case JX_AV_TEXT:
    if (e->kind != JX_ENTRY_INDICATOR) {
      ok = false; /* money is a number */
      break;
    }
    str(o, v->text);
    return true;
  case JX_AV_TARGETED:
  case JX_AV_NA:
    /* 执行数 and 全年预算数 are amounts: the form has no word for them. */
    if (e->kind != JX_ENTRY_INDICATOR) {
      ok = false;
      break;
    }
    jx_sb_puts(o, v->kind == JX_AV_NA ? "n/a" : "targeted");
    return true;
  }
  if (ok)
    jx_sb_add(o, t.p, t.n);
  else
    jx_diag_report(d, JX_E_CONVERT_VALUE, v->loc, v->text ? v->text : "");
  jx_sb_free(&t);
  return ok;
}

static bool entry(jx_strbuf *o, const jx_entry *e, bool zh, jx_diag *d) {
  jx_lang lang = zh ? JX_LANG_ZH : JX_LANG_EN;
  jx_sb_puts(o, "    ");
  if (e->kind == JX_ENTRY_SPENT)
    jx_sb_puts(o, "spent");
  else if (e->kind == JX_ENTRY_BUDGET_FULL)
    jx_sb_puts(o, "budget_full");
  else
    str(o, e->indicator);
  if (e->value.kind != JX_AV_NONE)
    jx_sb_puts(o, " ");
  if (!value(o, e, d))
    return false;
  if (e->rating && e->value.kind != JX_AV_NONE)
    jx_sb_printf(o, " %s", jx_rating_word(e->rating, lang));
  if (e->has_weight) {
    jx_sb_puts(o, " weight ");
    dec(o, e->weight);
  }
  if (e->has_score) {
    jx_sb_puts(o, " score ");
    dec(o, e->score);
  }
  if (e->reason || e->reason_text) {
    jx_sb_puts(o, " reason");
    if (e->reason)
      jx_sb_printf(o, " %s", jx_reason_word(e->reason, lang));
    if (e->reason_text) {
      jx_sb_puts(o, " ");
      str(o, e->reason_text);
    }
  }
  if (e->measure) {
    jx_sb_puts(o, " measure ");
    str(o, e->measure);
  }
  if (e->likelihood)
    jx_sb_printf(o, " likelihood %s", jx_likelihood_word(e->likelihood, lang));
  jx_sb_puts(o, ";\n");
  return true;
}

/* The entries as one `actuals` block: projects in order of first mention.
 * Returns 0, or 1 after reporting an entry the form cannot hold. */
static int write_block(const jx_actuals *a, bool zh, jx_strbuf *out,
                       jx_diag *d) {
  size_t n = a->n;
  size_t *next = jx_xmalloc((n ? n : 1) * sizeof *next);
  size_t *head = jx_xmalloc((n ? n : 1) * sizeof *head);
  size_t *tail = jx_xmalloc((n ? n : 1) * sizeof *tail);
  size_t groups = 0;
  jx_strmap *m = jx_strmap_new(n);
  for (size_t i = 0; i < n; i++) {
    const char *p = a->entries[i].project ? a->entries[i].project : "";
    size_t g = jx_strmap_get(m, p);
    if (g == SIZE_MAX) {
      g = groups++;
      jx_strmap_add(m, p, g);
      head[g] = i;
    } else {
      next[tail[g]] = i;
    }
    tail[g] = i;
    next[i] = SIZE_MAX;
  }
  int rc = 0;
  jx_sb_puts(out, "actuals {\n");
  for (size_t g = 0; g < groups; g++) {
    jx_sb_puts(out, "  project ");
    str(out, a->entries[head[g]].project);
    jx_sb_puts(out, " {\n");
    for (size_t i = head[g]; i != SIZE_MAX; i = next[i])
      if (!entry(out, &a->entries[i], zh, d))
        rc = 1;
    jx_sb_puts(out, "  }\n");
  }
  jx_sb_puts(out, "}\n");
  jx_strmap_free(m);
  free(next);
  free(head);
  free(tail);
  return rc;
}

int jx_actuals_fmt_table(const char *name, const char *data, size_t n, bool zh,
                         jx_strbuf *out, jx_diag *d) {
  /* First, quietly: is it an actuals table at all?  (Only the table
   * reader is asked: jixiao source is fmt's own business.) */
  size_t tn;
  char *text = jx_table_decode(data, n, &tn);
  if (!text)
    return -1;
  jx_diag *quiet = jx_diag_new();
  jx_diag_set_writer(quiet, discard, NULL);
  jx_actuals probe;
  memset(&probe, 0, sizeof probe);
  jx_arena_init(&probe.arena);
  uint32_t qf = jx_diag_add_source(quiet, name, text, tn);
  int rc = jx_actuals_read_csv(&probe, name, qf, text, tn, quiet);
  jx_actuals_free(&probe);
  jx_diag_free(quiet);
  free(text);
  if (rc < 0)
    return -1;
  if (!out)
    return 0;
  /* Then for real: the rows' own mistakes are reported, at their cells. */
  jx_actuals a;
  jx_diag_set_hold(d, true); /* what is said comes out by place */
  rc = jx_actuals_read_mem(&a, name, data, n, d);
  if (rc != 2 && write_block(&a, zh, out, d) != 0)
    rc = 1; /* both kinds of trouble, in one run */
  if (rc)
    jx_sb_clear(out);
  /* The messages quote the decoded text, which goes with a. */
  jx_diag_set_hold(d, false);
  jx_diag_flush(d);
  jx_actuals_free(&a);
  return rc ? 1 : 0;
}
