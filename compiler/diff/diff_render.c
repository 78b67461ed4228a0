/*
 * diff_render.c — the three ways of printing a jx_diff: text for a
 * terminal or a pager, Markdown for a review comment, JSON for programs
 * (see diff_render.h; docs/diff.md shows each).
 */
#include "diff_render.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff_inline.h"
#include "json.h"

/* ---- Names --------------------------------------------------------------- */

static const char *const what_names[JX_DW_COUNT] = {"year",
                                                    "framework",
                                                    "department",
                                                    "division",
                                                    "unit",
                                                    "unit_name",
                                                    "project",
                                                    "project_name",
                                                    "project_code",
                                                    "project_unit",
                                                    "budget",
                                                    "fiscal",
                                                    "other",
                                                    "schedule",
                                                    "goal",
                                                    "purpose",
                                                    "measure",
                                                    "indicator",
                                                    "indicator_value",
                                                    "indicator_desc",
                                                    "indicator_basis",
                                                    "total",
                                                    "source",
                                                    "line_item",
                                                    "period",
                                                    "supervisor",
                                                    "implementer",
                                                    "field",
                                                    "overall_goal",
                                                    "indicator_period",
                                                    "indicator_note"};

/* How each kind reads in text and Markdown: the catalog's labels, in
 * jx_diff_what order (messages.def). */
static const char *what_label(jx_diff_what w, jx_lang lang) {
  return jx_msg_text((jx_msg)(JX_M_DIFF_LABEL_YEAR + (int)w), lang);
}

/* ... and in the summary's count of changes. */
static const char *what_kind(jx_diff_what w, jx_lang lang) {
  return jx_msg_text((jx_msg)(JX_M_DIFF_KIND_YEAR + (int)w), lang);
}

/* A catalog message into the output. */
static void put_msg(jx_out *o, jx_lang lang, jx_msg id, ...) {
  jx_strbuf sb = {0};
  va_list ap;
  va_start(ap, id);
  jx_msg_vprintf(&sb, lang, id, ap);
  va_end(ap);
  jx_out_write(o, sb.p ? sb.p : "", sb.n);
  jx_sb_free(&sb);
}

const char *jx_diff_what_name(jx_diff_what w) {
  return w < JX_DW_COUNT ? what_names[w] : "?";
}

const char *jx_diff_op_name(jx_diff_op op) {
  static const char *const n[] = {"added", "removed", "changed"};
  return op <= JX_DIFF_CHANGED ? n[op] : "?";
}

const char *jx_diff_verdict_name(jx_diff_verdict v) {
  static const char *const n[] = {NULL, "tightened", "loosened", "changed"};
  return v <= JX_VERDICT_CHANGED ? n[v] : NULL;
}

/* ---- Shared helpers ------------------------------------------------------ */

typedef struct rd {
  jx_out *o;
  const jx_diff_render_opts *opt;
  const char *section, *project, *sub; /* current headings */
} rd;

#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_CYAN "\033[36m"
#define C_RESET "\033[0m"

static void color(rd *r, const char *c) {
  if (r->opt->color)
    jx_out_puts(r->o, c);
}

static bool same(const char *x, const char *y) {
  return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

static void put_dec(jx_out *o, jx_decimal d, bool sign) {
  char b[JX_DECIMAL_BUFSZ];
  jx_decimal_format(d, b);
  if (sign && d.micros > 0)
    jx_out_putc(o, '+');
  jx_out_puts(o, b);
}

/* Hundredths of a percent as "+6.62" (exact: integer arithmetic). */
static void put_cents(jx_out *o, int64_t c, bool sign) {
  uint64_t u = c < 0 ? (uint64_t)0 - (uint64_t)c : (uint64_t)c;
  jx_out_printf(o, "%s%llu.%02llu", c < 0 ? "-" : (sign && c > 0 ? "+" : ""),
                (unsigned long long)(u / 100), (unsigned long long)(u % 100));
}

/* A change's percentage for people: signed like the change itself, so a
 * rise too small to show is "+0.00%", never a bare "0.00%" that reads as
 * no change. */
static void put_pct(jx_out *o, int64_t cents, jx_decimal delta) {
  if (cents == 0 && delta.micros != 0)
    jx_out_putc(o, delta.micros > 0 ? '+' : '-');
  put_cents(o, cents, true);
  jx_out_putc(o, '%');
}

static void put_loc(jx_out *o, jx_diff_loc l) {
  if (l.path)
    jx_out_printf(o, "%s:%d", l.path, l.line);
  else
    jx_out_puts(o, "-");
}

static void put_locs(jx_out *o, jx_diff_loc a, jx_diff_loc b) {
  put_loc(o, a);
  jx_out_puts(o, " → ");
  put_loc(o, b);
}

/* Markdown text: HTML's three specials, and the marks of emphasis, code
 * and links, so that no plan text can format the comment. */
static void md_escape(jx_out *o, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    switch (ch) {
    case '&':
      jx_out_puts(o, "&amp;");
      break;
    case '<':
      jx_out_puts(o, "&lt;");
      break;
    case '>':
      jx_out_puts(o, "&gt;");
      break;
    case '*':
    case '_':
    case '`':
    case '[':
    case ']':
    case '\\':
    case '#':
    case '|':
      jx_out_putc(o, '\\');
      jx_out_putc(o, ch);
      break;
    case '\n':
      jx_out_puts(o, "<br>");
      break;
    default:
      jx_out_putc(o, ch);
    }
  }
}

static void put_txt(rd *r, const char *s, size_t n) {
  if (r->opt->format == JX_DIFF_FMT_MD)
    md_escape(r->o, s, n);
  else
    jx_out_write(r->o, s, n);
}

static void put_str(rd *r, const char *s) {
  if (!s)
    s = jx_msg_text(JX_M_DIFF_NONE, r->opt->lang);
  put_txt(r, s, strlen(s));
}

/* Bytes taken by the first k code points of s (at most n). */
static size_t cp_prefix(const char *s, size_t n, size_t k) {
  size_t i = 0;
  while (i < n && k > 0) {
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
      i++;
    k--;
  }
  return i;
}

static size_t cp_count(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* Unchanged text around a change: a paragraph-long goal with one word
 * changed shows JX_DIFF_CONTEXT code points on each side of it. */
#define JX_DIFF_CONTEXT 12
static void put_context(rd *r, const char *s, size_t n, bool before,
                        bool after) {
  size_t k = cp_count(s, n);
  size_t keep = (before ? JX_DIFF_CONTEXT : 0) + (after ? JX_DIFF_CONTEXT : 0);
  if (k <= keep + 2) {
    put_txt(r, s, n);
    return;
  }
  if (before)
    put_txt(r, s, cp_prefix(s, n, JX_DIFF_CONTEXT));
  jx_out_puts(r->o, "…");
  if (after) {
    size_t from = cp_prefix(s, n, k - JX_DIFF_CONTEXT);
    put_txt(r, s + from, n - from);
  }
}

static void put_inline(rd *r, const char *a, const char *b) {
  jx_seg *sg;
  size_t n = jx_inline_diff(a, b, &sg, NULL);
  bool md = r->opt->format == JX_DIFF_FMT_MD;
  for (size_t i = 0; i < n; i++) {
    if (sg[i].op == JX_SEG_DEL) {
      color(r, C_RED);
      jx_out_puts(r->o, md ? "<del>" : "[-");
      put_txt(r, sg[i].text, sg[i].len);
      jx_out_puts(r->o, md ? "</del>" : "-]");
      color(r, C_RESET);
    } else if (sg[i].op == JX_SEG_INS) {
      color(r, C_GREEN);
      jx_out_puts(r->o, md ? "<ins>" : "{+");
      put_txt(r, sg[i].text, sg[i].len);
      jx_out_puts(r->o, md ? "</ins>" : "+}");
      color(r, C_RESET);
    } else {
      put_context(r, sg[i].text, sg[i].len, i > 0, i + 1 < n);
    }
  }
  free(sg);
}

/* The value part of an item, the same in text and Markdown. */
static void put_value(rd *r, const jx_diff_item *it) {
  jx_out *o = r->o;
  if (it->op == JX_DIFF_ADDED) {
    put_str(r, it->new_text);
  } else if (it->op == JX_DIFF_REMOVED) {
    put_str(r, it->old_text);
  } else if (it->inline_diff) {
    put_inline(r, it->old_text, it->new_text);
  } else {
    put_str(r, it->old_text);
    jx_out_puts(o, " → ");
    put_str(r, it->new_text);
  }
  if (it->has_amount) {
    jx_out_puts(o, " (");
    put_dec(o, it->delta, true);
    put_txt(r, it->currency, strlen(it->currency));
    if (it->has_percent) {
      jx_out_puts(o, ", ");
      put_pct(o, it->percent_cents, it->delta);
    }
    jx_out_putc(o, ')');
  }
  if (jx_diff_verdict_name(it->verdict)) {
    /* in jx_diff_verdict order from TIGHTENED (messages.def) */
    const char *v = jx_msg_text(
        (jx_msg)(JX_M_DIFF_TIGHTENED + (int)it->verdict - 1), r->opt->lang);
    jx_out_putc(o, ' ');
    color(r, it->verdict == JX_VERDICT_TIGHTENED  ? C_CYAN
             : it->verdict == JX_VERDICT_LOOSENED ? C_YELLOW
                                                  : "");
    jx_out_printf(o, "[%s]", v);
    color(r, C_RESET);
  }
  if (it->by_name)
    jx_out_puts(o, jx_msg_text(JX_M_DIFF_BY_NAME, r->opt->lang));
}

static void put_label(rd *r, const jx_diff_item *it) {
  jx_lang lang = r->opt->lang;
  /* A changed measure is under a heading with its title: its text. */
  jx_out_puts(r->o, it->what == JX_DW_MEASURE && it->op == JX_DIFF_CHANGED
                        ? jx_msg_text(JX_M_DIFF_MEASURE_TEXT, lang)
                        : what_label(it->what, lang));
  if (it->what == JX_DW_SCHEDULE && it->month >= 1 && it->month <= 12)
    jx_out_printf(r->o, " %s",
                  jx_msg_text((jx_msg)(JX_M_MONTH_1 + it->month - 1), lang));
  if (it->field) {
    jx_out_putc(r->o, ' ');
    put_txt(r, it->field, strlen(it->field));
  }
}

/* ---- Text and Markdown --------------------------------------------------- */

static const char *mark(jx_diff_op op) {
  return op == JX_DIFF_ADDED ? "+" : op == JX_DIFF_REMOVED ? "-" : "~";
}

static const char *mark_color(jx_diff_op op) {
  return op == JX_DIFF_ADDED     ? C_GREEN
         : op == JX_DIFF_REMOVED ? C_RED
                                 : C_YELLOW;
}

static void headings(rd *r, const jx_diff_item *it) {
  jx_out *o = r->o;
  bool md = r->opt->format == JX_DIFF_FMT_MD;
  bool new_section = !same(r->section, it->unit);
  if (new_section) {
    r->section = it->unit;
    r->project = r->sub = NULL;
    jx_out_putc(o, '\n');
    if (md) {
      jx_out_puts(o, "#### ");
      put_str(r, it->unit);
    } else {
      color(r, C_BOLD);
      put_str(r, it->unit);
      color(r, C_RESET);
    }
    jx_out_puts(o, md ? "\n\n" : "\n");
  }
  if (!same(r->project, it->project)) {
    r->project = it->project;
    r->sub = NULL;
    if (it->project) {
      const char *word = jx_msg_text(JX_M_DIFF_PROJECT, r->opt->lang);
      jx_out_puts(o, md ? "- **" : "  ");
      if (md) {
        jx_out_puts(o, word);
      } else {
        color(r, C_BOLD);
        jx_out_puts(o, word);
      }
      put_str(r, it->project);
      if (md)
        jx_out_puts(o, "**");
      color(r, C_RESET);
      jx_out_puts(o, md ? " (`" : "  (");
      put_locs(o, it->project_old, it->project_new);
      jx_out_puts(o, md ? "`)\n" : ")\n");
    }
  }
  if (!same(r->sub, it->sub)) {
    r->sub = it->sub;
    if (it->sub) {
      int depth = (it->project ? 1 : 0) + (md ? 0 : 1);
      for (int i = 0; i < depth; i++)
        jx_out_puts(o, "  ");
      if (md)
        jx_out_puts(o, "- ");
      put_str(r, it->sub);
      jx_out_putc(o, '\n');
    }
  }
}

static void line_item(rd *r, const jx_diff_item *it) {
  jx_out *o = r->o;
  bool md = r->opt->format == JX_DIFF_FMT_MD;
  headings(r, it);
  int depth = 1 + (it->project != NULL) + (it->sub != NULL);
  if (md)
    depth--;
  for (int i = 0; i < depth; i++)
    jx_out_puts(o, "  ");
  if (md)
    jx_out_puts(o, "- ");
  color(r, mark_color(it->op));
  if (md) /* escaped: "- -" and "- +" would start nested lists */
    jx_out_putc(o, '\\');
  jx_out_puts(o, mark(it->op));
  color(r, C_RESET);
  jx_out_putc(o, ' ');
  put_label(r, it);
  jx_out_puts(o, ": ");
  put_value(r, it);
  jx_out_puts(o, md ? " (`" : "  (");
  put_locs(o, it->old_loc, it->new_loc);
  jx_out_puts(o, md ? "`)\n" : ")\n");
}

static void summary_text(rd *r, const jx_diff *df) {
  jx_out *o = r->o;
  const jx_diff_summary *s = &df->summary;
  bool md = r->opt->format == JX_DIFF_FMT_MD;
  jx_lang lang = r->opt->lang;
  const char *title = jx_msg_text(JX_M_DIFF_SUMMARY, lang);
  if (md) {
    jx_out_printf(o, "\n#### %s\n\n", title);
  } else {
    jx_out_putc(o, '\n');
    color(r, C_BOLD);
    jx_out_puts(o, title);
    color(r, C_RESET);
    jx_out_putc(o, '\n');
  }
  const char *ind = md ? "- " : "  ";
  put_msg(o, lang, JX_M_DIFF_PROJECTS, ind, s->projects_old, s->projects_new,
          s->projects_matched, s->matched_by_name, s->projects_unchanged,
          s->count[JX_DW_PROJECT][JX_DIFF_ADDED],
          s->count[JX_DW_PROJECT][JX_DIFF_REMOVED]);
  put_msg(o, lang, JX_M_DIFF_CHANGES, ind);
  bool any = false;
  for (int w = 0; w < JX_DW_COUNT; w++) {
    const size_t *n = s->count[w];
    if (!(n[0] || n[1] || n[2]))
      continue;
    if (any)
      jx_out_puts(o, jx_msg_text(JX_M_DIFF_CHANGES_SEP, lang));
    jx_out_puts(o, what_kind((jx_diff_what)w, lang));
    any = true;
    if (n[JX_DIFF_ADDED])
      jx_out_printf(o, " +%zu", n[JX_DIFF_ADDED]);
    if (n[JX_DIFF_REMOVED])
      jx_out_printf(o, " -%zu", n[JX_DIFF_REMOVED]);
    if (n[JX_DIFF_CHANGED])
      jx_out_printf(o, " ~%zu", n[JX_DIFF_CHANGED]);
    if (w == JX_DW_IND_VALUE)
      put_msg(o, lang, JX_M_DIFF_VERDICTS, s->tightened, s->loosened);
  }
  if (!any)
    jx_out_puts(o, jx_msg_text(JX_M_DIFF_CHANGES_NONE, lang));
  jx_out_putc(o, '\n');
  put_msg(o, lang, JX_M_DIFF_TOTAL, ind);
  if (s->budget_ok) {
    put_dec(o, s->budget_old, false);
    put_txt(r, s->currency, strlen(s->currency));
    jx_out_puts(o, " → ");
    put_dec(o, s->budget_new, false);
    put_txt(r, s->currency, strlen(s->currency));
    if (s->budget_delta.micros == 0) {
      jx_out_puts(o, jx_msg_text(JX_M_DIFF_UNCHANGED, lang));
      jx_out_putc(o, '\n');
      return;
    }
    jx_out_puts(o, " (");
    put_dec(o, s->budget_delta, true);
    put_txt(r, s->currency, strlen(s->currency));
    if (s->has_percent) {
      jx_out_puts(o, ", ");
      put_pct(o, s->percent_cents, s->budget_delta);
    }
    jx_out_puts(o, ")\n");
  } else {
    jx_out_puts(o, jx_msg_text(JX_M_DIFF_NOT_TOTALLED, lang));
    jx_out_putc(o, '\n');
  }
}

static void render_lines(rd *r, const jx_diff *df) {
  jx_out *o = r->o;
  bool md = r->opt->format == JX_DIFF_FMT_MD;
  if (md) {
    jx_out_puts(o, "### jxc diff: `");
    jx_out_puts(o, r->opt->old_name ? r->opt->old_name : "old");
    jx_out_puts(o, "` → `");
    jx_out_puts(o, r->opt->new_name ? r->opt->new_name : "new");
    jx_out_puts(o, "`\n");
  } else {
    color(r, C_BOLD);
    jx_out_printf(o, "--- %s\n+++ %s\n",
                  r->opt->old_name ? r->opt->old_name : "old",
                  r->opt->new_name ? r->opt->new_name : "new");
    color(r, C_RESET);
  }
  for (size_t i = 0; i < df->n_items; i++)
    line_item(r, &df->items[i]);
  summary_text(r, df);
}

/* ---- JSON ---------------------------------------------------------------- */

/* A JSON string literal, escaped as every JSON writer of jxc does
 * (json.h); null for NULL. */
static void jstr(jx_out *o, const char *s) {
  jx_json_string(o, s);
}

/* n bytes of s (a piece of an inline diff, not NUL-terminated). */
static void js(jx_out *o, const char *s, size_t n) {
  char small[256];
  char *t = n < sizeof small ? small : jx_xmalloc(n + 1);
  memcpy(t, s, n);
  t[n] = '\0';
  jx_json_string(o, t);
  if (t != small)
    free(t);
}

static void jloc(jx_out *o, jx_diff_loc l) {
  if (!l.path) {
    jx_out_puts(o, "null");
    return;
  }
  jx_out_puts(o, "{\"path\": ");
  jstr(o, l.path);
  jx_out_printf(o, ", \"line\": %d}", l.line);
}

static void jitem(jx_out *o, const jx_diff_item *it) {
  jx_out_puts(o, "    {\"what\": ");
  jstr(o, what_names[it->what]);
  jx_out_puts(o, ", \"op\": ");
  jstr(o, jx_diff_op_name(it->op));
  jx_out_puts(o, ",\n     \"section\": ");
  jstr(o, it->unit);
  jx_out_puts(o, ", \"project\": ");
  jstr(o, it->project);
  jx_out_puts(o, ", \"sub\": ");
  jstr(o, it->sub);
  jx_out_puts(o, ",\n     \"old_loc\": ");
  jloc(o, it->old_loc);
  jx_out_puts(o, ", \"new_loc\": ");
  jloc(o, it->new_loc);
  jx_out_puts(o, ",\n     \"old\": ");
  jstr(o, it->old_text);
  jx_out_puts(o, ", \"new\": ");
  jstr(o, it->new_text);
  if (it->what == JX_DW_SCHEDULE)
    jx_out_printf(o, ", \"month\": %d", it->month);
  if (it->field_id) {
    jx_out_puts(o, ", \"field\": ");
    jstr(o, it->field_id);
  }
  if (it->has_amount) {
    jx_out_puts(o, ",\n     \"amount\": {\"old\": ");
    put_dec(o, it->old_amount, false);
    jx_out_puts(o, ", \"new\": ");
    put_dec(o, it->new_amount, false);
    jx_out_puts(o, ", \"delta\": ");
    put_dec(o, it->delta, false);
    jx_out_puts(o, ", \"percent\": ");
    if (it->has_percent)
      put_cents(o, it->percent_cents, false);
    else
      jx_out_puts(o, "null");
    jx_out_puts(o, ", \"currency\": ");
    jstr(o, it->currency);
    jx_out_putc(o, '}');
  }
  if (it->verdict) {
    jx_out_puts(o, ", \"verdict\": ");
    jstr(o, jx_diff_verdict_name(it->verdict));
  }
  if (it->what == JX_DW_PROJECT_CODE)
    jx_out_printf(o, ", \"matched_by_name\": %s",
                  it->by_name ? "true" : "false");
  if (it->inline_diff) {
    jx_seg *sg;
    size_t n = jx_inline_diff(it->old_text, it->new_text, &sg, NULL);
    jx_out_puts(o, ",\n     \"inline\": [");
    for (size_t i = 0; i < n; i++) {
      static const char *const op[] = {"=", "-", "+"};
      jx_out_printf(o, "%s[\"%s\", ", i ? ", " : "", op[sg[i].op]);
      js(o, sg[i].text, sg[i].len);
      jx_out_putc(o, ']');
    }
    jx_out_putc(o, ']');
    free(sg);
  }
  jx_out_putc(o, '}');
}

static void render_json(jx_out *o, const jx_diff *df,
                        const jx_diff_render_opts *opt) {
  const jx_diff_summary *s = &df->summary;
  jx_out_puts(o, "{\n  \"old\": ");
  jstr(o, opt->old_name);
  jx_out_puts(o, ",\n  \"new\": ");
  jstr(o, opt->new_name);
  jx_out_printf(o, ",\n  \"identical\": %s,\n  \"changes\": [",
                df->n_items ? "false" : "true");
  for (size_t i = 0; i < df->n_items; i++) {
    jx_out_puts(o, i ? ",\n" : "\n");
    jitem(o, &df->items[i]);
  }
  jx_out_puts(o, df->n_items ? "\n  ],\n" : "],\n");
  jx_out_printf(o,
                "  \"summary\": {\n    \"projects\": {\"old\": %zu, \"new\": "
                "%zu, \"matched\": %zu, \"matched_by_name\": %zu, "
                "\"unchanged\": %zu},\n    \"counts\": {",
                s->projects_old, s->projects_new, s->projects_matched,
                s->matched_by_name, s->projects_unchanged);
  bool any = false;
  for (int w = 0; w < JX_DW_COUNT; w++) {
    const size_t *n = s->count[w];
    if (!(n[0] || n[1] || n[2]))
      continue;
    jx_out_printf(o,
                  "%s\n      \"%s\": {\"added\": %zu, \"removed\": %zu, "
                  "\"changed\": %zu}",
                  any ? "," : "", what_names[w], n[0], n[1], n[2]);
    any = true;
  }
  jx_out_printf(o, "%s},\n    \"tightened\": %zu, \"loosened\": %zu,\n",
                any ? "\n    " : "", s->tightened, s->loosened);
  jx_out_puts(o, "    \"budget\": ");
  if (s->budget_ok) {
    jx_out_puts(o, "{\"old\": ");
    put_dec(o, s->budget_old, false);
    jx_out_puts(o, ", \"new\": ");
    put_dec(o, s->budget_new, false);
    jx_out_puts(o, ", \"delta\": ");
    put_dec(o, s->budget_delta, false);
    jx_out_puts(o, ", \"percent\": ");
    if (s->has_percent)
      put_cents(o, s->percent_cents, false);
    else
      jx_out_puts(o, "null");
    jx_out_puts(o, ", \"currency\": ");
    jstr(o, s->currency);
    jx_out_puts(o, "}\n");
  } else {
    jx_out_puts(o, "null\n");
  }
  jx_out_puts(o, "  }\n}\n");
}

void jx_diff_render(jx_out *o, const jx_diff *df,
                    const jx_diff_render_opts *opt) {
  if (opt->format == JX_DIFF_FMT_JSON) {
    render_json(o, df, opt);
    return;
  }
  rd r = {o, opt, NULL, NULL, NULL};
  render_lines(&r, df);
}
