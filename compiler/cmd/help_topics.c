/*
 * help_topics.c — `jxc help TOPIC`: pages about the language itself, for
 * a clerk who asks "which units are there?" rather than "which options?".
 *
 * Each topic has an English and a Chinese name, and is found by either
 * whatever the language of the run.  The prose is the catalog's
 * (messages.def, JX_M_TOPIC_*), a summary of docs/language.md with a
 * pointer to it; what the compiler knows as data is printed from that
 * data, never from a second list: the keywords from vocab.def, the units
 * from units.c, the frameworks from framework.c, the keys of jxc.ini
 * from config_file.c's table.
 */
#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "config.h"
#include "framework.h"
#include "text_width.h"
#include "units.h"
#include "vocab.h"

/* Lines are filled to this many display columns at most. */
#define TOPIC_WIDTH 78

static size_t width(const char *s) {
  return jx_text_width_z(s);
}

/* s, then spaces up to column col (at least one). */
static void padded(jx_strbuf *out, const char *s, size_t col) {
  jx_sb_puts(out, s);
  size_t w = width(s);
  jx_sb_fill(out, ' ', w < col ? col - w : 1);
}

/* Appends items to a line that started `indent` columns in, separated by
 * sep, going on to a new line (indented so) before one that would pass
 * TOPIC_WIDTH. */
typedef struct filler {
  jx_strbuf *out;
  size_t indent, col;
  const char *sep;
  bool first;
} filler;

static void fill(filler *f, const char *item) {
  size_t w = width(item), sw = f->first ? 0 : width(f->sep);
  if (!f->first && f->col + sw + w > TOPIC_WIDTH) {
    /* the separator ends the line, without its trailing space */
    size_t n = strlen(f->sep);
    while (n > 0 && f->sep[n - 1] == ' ')
      n--;
    jx_sb_add(f->out, f->sep, n);
    jx_sb_puts(f->out, "\n");
    jx_sb_fill(f->out, ' ', f->indent);
    f->col = f->indent;
  } else if (!f->first) {
    jx_sb_puts(f->out, f->sep);
    f->col += sw;
  }
  jx_sb_puts(f->out, item);
  f->col += w;
  f->first = false;
}

/* ---- the pages ----------------------------------------------------------- */

static void text(jx_strbuf *out, jx_msg id, jx_lang lang) {
  jx_msg_printf(out, lang, id);
}

/* The keywords a first file uses, as fmt writes them in each language. */
static const jx_kw shown[] = {
    JX_KW_PLAN,     JX_KW_FRAMEWORK, JX_KW_FORM,      JX_KW_CURRENCY,
    JX_KW_UNIT,     JX_KW_PROJECT,   JX_KW_BUDGET,    JX_KW_CODE,
    JX_KW_FUNDS,    JX_KW_FISCAL,    JX_KW_OTHER,     JX_KW_PURPOSE,
    JX_KW_SCHEDULE, JX_KW_GOAL,      JX_KW_DESC,      JX_KW_BASIS,
    JX_KW_TARGET,   JX_KW_PERIOD,    JX_KW_TOTAL,     JX_KW_DEPARTMENT,
    JX_KW_DIVISION, JX_KW_MEASURE,   JX_KW_INDICATOR, JX_KW_NA,
};

static void page_language(jx_strbuf *out, jx_lang lang) {
  text(out, JX_M_TOPIC_LANGUAGE, lang);
  enum { N = sizeof shown / sizeof *shown, PER_LINE = 3 };
  char cell[N][64];
  size_t col = 0;
  for (size_t i = 0; i < N; i++) {
    snprintf(cell[i], sizeof cell[i], "%s %s", jx_keyword(shown[i], false),
             jx_keyword(shown[i], true));
    if (width(cell[i]) + 2 > col)
      col = width(cell[i]) + 2;
  }
  for (size_t i = 0; i < N; i++) {
    if (i % PER_LINE == 0)
      jx_sb_puts(out, "  ");
    if (i % PER_LINE == PER_LINE - 1 || i == N - 1) {
      jx_sb_puts(out, cell[i]);
      jx_sb_puts(out, "\n");
    } else {
      padded(out, cell[i], col);
    }
  }
  text(out, JX_M_TOPIC_LANGUAGE_END, lang);
}

static void page_indicators(jx_strbuf *out, jx_lang lang) {
  text(out, JX_M_TOPIC_INDICATORS, lang);
}

static void page_values(jx_strbuf *out, jx_lang lang) {
  text(out, JX_M_TOPIC_VALUES, lang);
}

/* The units table by dimension, in its order; a unit's spellings (those
 * with the same normalised name) together: "万元 = 万". */
static void page_units(jx_strbuf *out, jx_lang lang) {
  bool zh = lang == JX_LANG_ZH;
  const char *sep = zh ? "、" : ", ";
  text(out, JX_M_TOPIC_UNITS, lang);
  size_t n;
  const jx_unit_info *t = jx_unit_table(&n);
  size_t col = 0;
  for (size_t i = 0; i < n; i++)
    if (width(jx_dimension_word(t[i].dimension, zh)) + 2 > col)
      col = width(jx_dimension_word(t[i].dimension, zh)) + 2;
  jx_strbuf item = {0};
  for (size_t i = 0; i < n; i++) {
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++)
      seen = t[j].dimension == t[i].dimension;
    if (seen)
      continue;
    padded(out, jx_dimension_word(t[i].dimension, zh), col);
    filler f = {out, col, col, sep, true};
    for (size_t k = i; k < n; k++) {
      if (t[k].dimension != t[i].dimension)
        continue;
      bool again = false;
      for (size_t j = i; j < k && !again; j++)
        again = t[j].dimension == t[k].dimension &&
                strcmp(t[j].norm, t[k].norm) == 0;
      if (again)
        continue;
      jx_sb_clear(&item);
      for (size_t j = k; j < n; j++)
        if (t[j].dimension == t[k].dimension &&
            strcmp(t[j].norm, t[k].norm) == 0)
          jx_sb_printf(&item, "%s%s", item.n ? " = " : "", t[j].spelling);
      fill(&f, item.p);
    }
    jx_sb_puts(out, "\n");
  }
  text(out, JX_M_TOPIC_UNITS_WAN, lang);
  size_t nw;
  const jx_unit_info *w = jx_unit_wan_table(&nw);
  jx_sb_puts(out, "  ");
  filler f = {out, 2, 2, sep, true};
  for (size_t i = 0; i < nw; i++)
    fill(&f, w[i].spelling);
  jx_sb_puts(out, "\n");
  text(out, JX_M_TOPIC_UNITS_END, lang);
  jx_sb_free(&item);
}

/* Every built-in framework: its names, its level-1 categories (* where
 * every project needs one) and their level-2 ones with their paths. */
static void page_categories(jx_strbuf *out, jx_lang lang) {
  bool zh = lang == JX_LANG_ZH;
  text(out, JX_M_TOPIC_CATEGORIES, lang);
  size_t n;
  const jx_framework *const *fws = jx_framework_list(&n);
  for (size_t i = 0; i < n; i++) {
    const jx_framework *fw = fws[i];
    jx_sb_printf(out, "\n%s%s", fw->name, zh ? "（" : " (");
    for (const char *const *a = fw->aliases; a && *a; a++)
      jx_sb_printf(out, "%s%s", a == fw->aliases ? "" : zh ? "、" : ", ", *a);
    jx_sb_printf(out, "%s%s", zh ? "）：" : "): ", fw->label);
    if (i == 0)
      jx_sb_printf(out, "%s%s", zh ? "；" : "; ",
                   jx_msg_text(JX_M_TOPIC_FRAMEWORK_DEFAULT, lang));
    jx_sb_puts(out, "\n");
    size_t col = 0;
    for (size_t l = 0; l < fw->n_levels; l++)
      for (size_t k = 0; k < fw->levels[l].n_children; k++)
        if (width(fw->levels[l].children[k].label) + 6 > col)
          col = width(fw->levels[l].children[k].label) + 6;
    for (size_t l = 0; l < fw->n_levels; l++) {
      const jx_level1 *l1 = &fw->levels[l];
      jx_sb_printf(out, "  %s%s\n", l1->label, l1->required ? " *" : "");
      for (size_t k = 0; k < l1->n_children; k++) {
        jx_sb_puts(out, "    ");
        padded(out, l1->children[k].label, col - 4);
        jx_sb_printf(out, "%s.%s\n", l1->code, l1->children[k].code);
      }
    }
  }
  text(out, JX_M_TOPIC_CATEGORIES_END, lang);
}

/* jxc.ini's keys by section, from config_file.c's table. */
static void page_config(jx_strbuf *out, jx_lang lang) {
  text(out, JX_M_TOPIC_CONFIG, lang);
  const char *section = NULL;
  for (const jx_config_key *k = jx_config_keys; k->section; k++) {
    if (!section || strcmp(section, k->section) != 0) {
      section = k->section;
      jx_sb_printf(out, "%s[%s]\n", k == jx_config_keys ? "" : "\n", section);
    }
    jx_sb_printf(out, "  %s = ", k->key);
    jx_config_values(out, k);
    jx_sb_printf(out, "\n      %s\n", jx_msg_text(k->help, lang));
  }
  text(out, JX_M_TOPIC_CONFIG_END, lang);
}

static void page_topics(jx_strbuf *out, jx_lang lang);

typedef struct topic {
  const char *names[3]; /* English, Chinese, another (or NULL) */
  jx_msg title;
  void (*page)(jx_strbuf *out, jx_lang lang);
} topic;

static const topic topics[] = {
    {{"language", "语言", NULL}, JX_M_TITLE_LANGUAGE, page_language},
    {{"indicators", "指标", "绩效指标"},
     JX_M_TITLE_INDICATORS,
     page_indicators},
    {{"values", "指标值", NULL}, JX_M_TITLE_VALUES, page_values},
    {{"units", "单位", "计量单位"}, JX_M_TITLE_UNITS, page_units},
    {{"categories", "指标类别", "指标体系"},
     JX_M_TITLE_CATEGORIES,
     page_categories},
    {{"config", "配置", "jxc.ini"}, JX_M_TITLE_CONFIG, page_config},
    {{"topics", "主题", NULL}, JX_M_TITLE_TOPICS, page_topics},
};

#define N_TOPICS (sizeof topics / sizeof *topics)

static void page_topics(jx_strbuf *out, jx_lang lang) {
  text(out, JX_M_TOPIC_TOPICS, lang);
  size_t c1 = 0, c2 = 0;
  for (size_t i = 0; i < N_TOPICS; i++) {
    if (width(topics[i].names[0]) + 2 > c1)
      c1 = width(topics[i].names[0]) + 2;
    if (width(topics[i].names[1]) + 2 > c2)
      c2 = width(topics[i].names[1]) + 2;
  }
  for (size_t i = 0; i < N_TOPICS; i++) {
    jx_sb_puts(out, "  ");
    padded(out, topics[i].names[0], c1);
    padded(out, topics[i].names[1], c2);
    jx_sb_puts(out, jx_msg_text(topics[i].title, lang));
    jx_sb_puts(out, "\n");
  }
  text(out, JX_M_TOPIC_TOPICS_END, lang);
}

bool jx_help_topic(jx_strbuf *out, const char *name, jx_lang lang) {
  for (size_t i = 0; i < N_TOPICS; i++)
    for (int k = 0; k < 3; k++)
      if (topics[i].names[k] && strcmp(topics[i].names[k], name) == 0) {
        topics[i].page(out, lang);
        return true;
      }
  return false;
}

const char *jx_help_suggest(const jx_command *commands, const char *name) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  size_t len = width(name); /* about its characters, for the bound */
  size_t limit = len / 3 > 1 ? len / 3 : 1;
  for (const jx_command *c = commands; c && c->name; c++) {
    size_t d = jx_edit_distance(name, c->name);
    if (d <= limit && d < best_d) {
      best = c->name;
      best_d = d;
    }
  }
  for (size_t i = 0; i < N_TOPICS; i++)
    for (int k = 0; k < 3; k++) {
      const char *t = topics[i].names[k];
      size_t d = t ? jx_edit_distance(name, t) : (size_t)-1;
      if (t && d <= limit && d < best_d) {
        best = t;
        best_d = d;
      }
    }
  return best;
}
