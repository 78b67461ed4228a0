/*
 * text.c — the published text layout: a target document saved from Word
 * as plain text (shared/seeds/beidaihe-2021-targets.txt is one).
 *
 *   第一部分 / 部门整体绩效目标             a part and its title
 *   一、总体绩效目标 TC … \f A \l 1          a section (Word's TC field
 *                                            code is not content)
 *   （一）办公室                             a division, or a measure's title
 *   绩效目标：…                              a goal paragraph (label dropped)
 *   绩效指标：完成各项工作任务，完成率=100%。 indicators: [desc，]name op value
 *   林业局：…                                what follows, to the end of the
 *                                            section, is that unit's
 *   1.劳务派遣人员经费绩效目标表 TC …        a project table: its cells one a
 *   <TAB>cell                                line after a tab, a blank line
 *   <TAB>cell                                between rows, a line without a
 *   continued cell text                      tab continuing the cell above
 *
 * A section's kind comes from its title: 保障/措施 → measures, 分项/内设/科
 * 室 → divisions, 目标 → the department's goals.  Each project table is
 * turned into a grid sheet (its heading in row 1) and read by the form
 * recogniser, so a table in a text and a form in a workbook are one code
 * path.  Headings become comments; a line the reader does not understand
 * is kept as a comment with a warning.
 */
#include "import_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum section {
  S_NONE,
  S_GOALS,
  S_DIVISIONS,
  S_MEASURES,
  S_OTHER
} section;

typedef struct owned {
  struct owned *next;
  const char *owner; /* 林业局 */
  im_goal *goal;     /* one of these */
  im_measure *measure;
  im_src src;
} owned;

typedef struct reader {
  im_plan *p;
  im_book *b;
  const char *text;
  size_t n;
  /* the current line */
  const char *line;
  size_t len, offset;
  uint32_t lineno;
  section sec;
  im_division *division;
  im_measure *measure;
  const char *owner; /* an owner prefix in force, to the section's end */
  im_src owner_src;
  owned *owned;
  im_note *pending; /* headings waiting for the next item */
  jx_strbuf more;   /* the measure's text while paragraphs join it */
  bool any;         /* saw the layout's structure */
  int tables;
} reader;

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static im_src line_src(reader *r, size_t at, size_t len) {
  im_src s = jx_im_src_none();
  s.sheet = 0;
  s.loc.line = r->lineno;
  s.loc.col = (uint32_t)at + 1;
  s.loc.offset = r->offset + at;
  s.loc.len = (uint32_t)(len > 4096 ? 4096 : len);
  s.loc.file = r->b->file;
  s.row = r->lineno;
  return s;
}

static const char *const cn_num[] = {"一", "二", "三", "四", "五",
                                     "六", "七", "八", "九", "十"};

/* Bytes of a run of Chinese numerals at s. */
static size_t cn_digits(const char *s) {
  size_t i = 0;
  for (;;) {
    bool hit = false;
    for (int k = 0; k < 10; k++)
      if (starts(s + i, cn_num[k])) {
        i += 3;
        hit = true;
        break;
      }
    if (!hit)
      return i;
  }
}

/* The line without Word's " TC … \f A \l 1" field code and trimmed. */
static char *strip_field(reader *r, const char *s, size_t n) {
  for (size_t i = n; i-- > 0;)
    if (i + 4 <= n && memcmp(s + i, " TC ", 4) == 0) {
      const char *rest = s + i;
      size_t rn = n - i;
      bool code = false;
      for (size_t j = 0; j + 2 < rn; j++)
        if (rest[j] == '\\' && (rest[j + 1] == 'l' || rest[j + 1] == 'f'))
          code = true;
      if (code)
        n = i;
      break;
    }
  return jx_im_clean(&r->p->arena, s, n, NULL);
}

static void heading(reader *r, const char *text) {
  jx_im_heading(r->p, &r->pending, text, line_src(r, 0, r->len));
}

/* Headings waiting for an item go before it. */
static im_note *take_pending(reader *r) {
  im_note *n = r->pending;
  r->pending = NULL;
  return n;
}

/* An owner prefix: a short organisation name and a colon (林业局：). */
static size_t owner_prefix(const char *s) {
  static const char *const suffix[] = {"局", "院", "委", "办",  "中心", "站",
                                       "所", "队", "处", "科",  "股",   "室",
                                       "馆", "会", "厅", "公司"};
  const char *colon = strstr(s, "：");
  if (!colon || colon == s || (size_t)(colon - s) > 36)
    return 0;
  for (const char *p = s; p < colon; p++)
    if ((unsigned char)*p < 0x80)
      return 0;
  if (strncmp(s, "绩效", strlen("绩效")) == 0)
    return 0;
  for (size_t k = 0; k < sizeof suffix / sizeof *suffix; k++) {
    size_t n = strlen(suffix[k]);
    if ((size_t)(colon - s) >= n && strncmp(colon - n, suffix[k], n) == 0)
      return (size_t)(colon - s);
  }
  return 0;
}

static void own(reader *r, im_goal *g, im_measure *m, im_src src) {
  owned *o = jx_arena_alloc(&r->p->arena, sizeof *o);
  o->owner = r->owner;
  o->goal = g;
  o->measure = m;
  o->src = src;
  jx_im_append(r->p, &r->owned, o);
}

static void add_goal(reader *r, im_goal **list, const char *text, im_src src) {
  im_goal *g = jx_arena_alloc(&r->p->arena, sizeof *g);
  g->notes = take_pending(r);
  g->text.text = text;
  g->text.src = src;
  if (r->owner && (!r->division || list != &r->division->goals))
    own(r, g, NULL, src);
  else
    jx_im_append(r->p, list, g);
}

/* 绩效指标：[desc，]name op value[；…]。 — the division's (or the
 * department's) indicators, each clause "desc，name=value". */
static void indicators(reader *r, const char *line, size_t at) {
  jx_arena *a = &r->p->arena;
  size_t label = strlen("绩效指标：");
  char *t = jx_arena_strdup(a, line + label);
  size_t n = strlen(t);
  if (n >= 3 && strcmp(t + n - 3, "。") == 0)
    t[n - 3] = '\0';
  im_indicator **list =
      r->division ? &r->division->indicators : &r->p->dept->indicators;
  im_note **notes = r->division ? &r->division->tail : &r->p->dept->tail;
  bool first = true;
  char *clause = t;
  while (clause && *clause) {
    char *semi = strstr(clause, "；");
    if (semi)
      *semi = '\0';
    static const char *const ops[] = {"≥", "≤", ">=", "<=", "＝", "=",
                                      ">", "<", "＞", "＜", NULL};
    char *op = NULL;
    for (size_t k = 0; ops[k]; k++) {
      char *hit = strstr(clause, ops[k]);
      if (hit && (!op || hit < op))
        op = hit;
    }
    im_src src = line_src(r, at + label + (size_t)(clause - t), strlen(clause));
    if (!op || op == clause) {
      jx_im_note(r->p, notes, "绩效指标", clause, src, JX_W_IMPORT_STRAY, NULL,
                 -1);
    } else {
      /* the name is the last clause before the operator */
      char *name = clause, *desc = NULL;
      for (char *c = clause; c < op; c++)
        if (starts(c, "，")) {
          desc = clause;
          name = c + 3;
        }
      im_indicator *ind = jx_arena_alloc(a, sizeof *ind);
      ind->notes = take_pending(r);
      if (first) /* the sentence as printed */
        jx_im_heading(r->p, &ind->notes, line, line_src(r, at, strlen(line)));
      first = false;
      ind->name.text = jx_im_clean(a, name, (size_t)(op - name), NULL);
      ind->name.src = src;
      if (desc) {
        ind->desc.text = jx_im_clean(a, desc, (size_t)(name - 3 - desc), NULL);
        ind->desc.src = src;
      }
      im_read_value rv;
      jx_im_read_value(a, NULL, jx_im_clean(a, op, strlen(op), NULL), NULL,
                       &rv);
      ind->value = rv.v;
      ind->value.src = src;
      if (rv.kept_id != JX_DIAG_COUNT)
        jx_im_note(r->p, &ind->notes, "绩效指标", op, src, rv.kept_id,
                   jx_im_value_text(a, &rv.v), -1)
            ->reason = rv.reason;
      jx_im_append(r->p, list, ind);
    }
    clause = semi ? semi + 3 : NULL;
  }
}

/* The measure's joined paragraphs into its text (one copy, however many
 * paragraphs joined it). */
static void end_measure(reader *r) {
  if (r->measure && r->more.n)
    r->measure->text.text = jx_arena_strdup(&r->p->arena, r->more.p);
  jx_sb_clear(&r->more);
}

/* A line of the department part. */
static void dept_line(reader *r, const char *s, size_t at) {
  jx_arena *a = &r->p->arena;
  im_department *d = r->p->dept;
  im_src src = line_src(r, at, strlen(s));
  size_t own_n = owner_prefix(s);
  if (own_n && (r->sec == S_GOALS || r->sec == S_MEASURES)) {
    r->owner = jx_arena_strndup(a, s, own_n);
    r->owner_src = src;
    jx_im_heading(r->p, &r->pending, jx_arena_strndup(a, s, own_n + 3), src);
    s += own_n + 3;
    at += own_n + 3;
    src = line_src(r, at, strlen(s));
    if (!*s)
      return;
  }
  size_t cn = starts(s, "（") ? cn_digits(s + 3) : 0;
  if (cn && starts(s + 3 + cn, "）") &&
      (r->sec == S_DIVISIONS || r->sec == S_MEASURES)) {
    const char *rest = s + 3 + cn + 3;
    heading(r, r->sec == S_DIVISIONS
                   ? s
                   : jx_arena_strndup(a, s, (size_t)(rest - s)));
    if (r->sec == S_DIVISIONS) {
      char *name = jx_arena_strdup(a, rest);
      size_t n = strlen(name);
      if (n >= 3 && strcmp(name + n - 3, "。") == 0)
        name[n -= 3] = '\0';
      if (n > strlen("绩效目标") &&
          strcmp(name + n - strlen("绩效目标"), "绩效目标") == 0)
        name[n - strlen("绩效目标")] = '\0';
      im_division *dv = jx_arena_alloc(a, sizeof *dv);
      dv->notes = take_pending(r);
      dv->name.text = name;
      dv->name.src = line_src(r, at + (size_t)(rest - s), strlen(rest));
      jx_im_append(r->p, &d->divisions, dv);
      r->division = dv;
      return;
    }
    const char *stop = strstr(rest, "。");
    im_measure *m = jx_arena_alloc(a, sizeof *m);
    m->notes = take_pending(r);
    m->title.text =
        jx_arena_strndup(a, rest, stop ? (size_t)(stop - rest) : strlen(rest));
    m->title.src = line_src(r, at + (size_t)(rest - s), strlen(rest));
    if (stop && stop[3]) {
      m->text.text = jx_im_clean(a, stop + 3, strlen(stop + 3), NULL);
      m->text.src = line_src(r, at + (size_t)(stop + 3 - s), strlen(stop + 3));
    }
    end_measure(r);
    r->measure = m;
    if (r->owner)
      own(r, NULL, m, src);
    else
      jx_im_append(r->p, &d->measures, m);
    return;
  }
  if (starts(s, "绩效目标：")) {
    s += strlen("绩效目标：");
    at += strlen("绩效目标：");
    src = line_src(r, at, strlen(s));
  } else if (starts(s, "绩效指标：")) {
    indicators(r, s, at);
    return;
  }
  const char *para = jx_arena_strdup(a, s);
  switch (r->sec) {
  case S_GOALS:
    add_goal(r, &d->goals, para, src);
    return;
  case S_DIVISIONS:
    if (r->division) {
      add_goal(r, &r->division->goals, para, src);
      return;
    }
    add_goal(r, &d->goals, para, src);
    return;
  case S_MEASURES:
    if (r->measure && !r->measure->text.text) {
      r->measure->text.text = para;
      r->measure->text.src = src;
      return;
    }
    if (r->measure) { /* more paragraphs: one text, line breaks */
      if (!r->more.n)
        jx_sb_puts(&r->more, r->measure->text.text);
      jx_sb_puts(&r->more, "\n");
      jx_sb_puts(&r->more, para);
      return;
    }
    break;
  default:
    break;
  }
  jx_im_note(r->p, &r->p->dept->tail, NULL, para, src, JX_W_IMPORT_STRAY, NULL,
             -1);
}

/* ---- project tables
 * ------------------------------------------------------------- */

static bool is_table_heading(const char *s) {
  size_t i = 0;
  while (s[i] >= '0' && s[i] <= '9')
    i++;
  if (i == 0 || i > 3)
    return false;
  return (s[i] == '.' || starts(s + i, "、") || starts(s + i, "．")) &&
         strstr(s, "绩效目标表") != NULL;
}

/* Reads the table that follows a heading line into a sheet of its own and
 * hands it to the form recogniser.  *pos is the offset after the heading;
 * returns with *pos after the table. */
static void table(reader *r, const char *title, size_t *pos) {
  im_book *b = r->b;
  char name[32];
  snprintf(name, sizeof name, "表%d", ++r->tables);
  im_sheet *s = jx_im_add_sheet(b, name, strlen(name));
  if (!s)
    return;
  im_cell *c = jx_im_put(b, s, 1, 1, IM_TEXT, title, strlen(title));
  if (c)
    c->loc = line_src(r, 0, r->len).loc;
  uint32_t row = 2, col = 0;
  bool in_row = false, blank = false;
  im_cell *last = NULL;
  jx_strbuf more = {0};
  size_t p = *pos;
  uint32_t lineno = r->lineno;
  while (p < r->n) {
    const char *l = r->text + p;
    const char *nl = memchr(l, '\n', r->n - p);
    size_t len = nl ? (size_t)(nl - l) : r->n - p;
    size_t next = nl ? p + len + 1 : r->n;
    size_t vis = len && l[len - 1] == '\r' ? len - 1 : len;
    bool empty = true;
    for (size_t i = 0; i < vis; i++)
      if (l[i] != ' ' && l[i] != '\r')
        empty = false;
    if (empty) {
      if (in_row) {
        row++;
        col = 0;
        in_row = false;
      }
      blank = true;
    } else if (l[0] == '\t') {
      in_row = true;
      blank = false;
      for (size_t i = 0; i < vis;) {
        size_t j = i + 1;
        while (j < vis && l[j] != '\t')
          j++;
        col++;
        /* flush the continuation of the cell before */
        if (last && more.n) {
          jx_strbuf t = {0};
          jx_sb_printf(&t, "%s%s", last->text, more.p);
          last->text = jx_arena_strdup(&b->arena, t.p);
          jx_sb_free(&t);
          jx_sb_clear(&more);
        }
        last = NULL;
        if (j > i + 1) {
          last = jx_im_put(b, s, row, col, IM_TEXT, l + i + 1, j - i - 1);
          if (last) {
            last->loc.file = b->file;
            last->loc.line = lineno + 1;
            last->loc.col = (uint32_t)i + 2;
            last->loc.offset = p + i + 1;
            last->loc.len = (uint32_t)(j - i - 1);
          }
        }
        i = j;
      }
    } else if (!blank && last) {
      jx_sb_puts(&more, "\n");
      jx_sb_add(&more, l, vis); /* a cell's text continued */
    } else {
      break; /* the table is over */
    }
    p = next;
    lineno++;
  }
  if (last && more.n) {
    jx_strbuf t = {0};
    jx_sb_printf(&t, "%s%s", last->text, more.p);
    last->text = jx_arena_strdup(&b->arena, t.p);
    jx_sb_free(&t);
  }
  jx_sb_free(&more);
  r->lineno = lineno;
  *pos = p;
}

/* ---- the document
 * ------------------------------------------------------------------- */

static section section_kind(const char *t) {
  if (strstr(t, "保障") || strstr(t, "措施"))
    return S_MEASURES;
  if (strstr(t, "分项") || strstr(t, "内设") || strstr(t, "科室"))
    return S_DIVISIONS;
  if (strstr(t, "目标"))
    return S_GOALS;
  return S_OTHER;
}

/* The document's title, before its first part: "示例市教育局2022年部门整体
 * 绩效目标" names the department (and the year). */
static void title(reader *r, const char *s, im_src src) {
  const char *end = strstr(s, "绩效目标");
  if (!end)
    return;
  const char *cut = end;
  for (const char *p = s; p + 7 <= end; p++)
    if (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
        p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
        starts(p + 4, "年")) {
      int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
              (p[3] - '0');
      if (y >= 1990 && y <= 2100 && !r->p->year) {
        r->p->year = y;
        r->p->year_src = src;
      }
      cut = p;
      break;
    }
  static const char *const tails[] = {"部门整体", "部门预算", "部门",
                                      "整体",     "预算",     "度"};
  size_t n = (size_t)(cut - s);
  for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
    size_t t = strlen(tails[k]);
    if (n > t && strncmp(s + n - t, tails[k], t) == 0)
      n -= t;
  }
  if (n == 0)
    return;
  r->p->dept->name.text = jx_arena_strndup(&r->p->arena, s, n);
  r->p->dept->name.src = src;
}

/* The owner prefixes, now that the units are known: 林业局 → the unit whose
 * name holds it. */
static void resolve_owners(reader *r) {
  for (owned *o = r->owned; o; o = o->next) {
    im_unit *u = NULL;
    for (im_unit *x = r->p->units; x && !u; x = x->next)
      if (x->name.text && strstr(x->name.text, o->owner))
        u = x;
    if (!u) {
      im_note **to = o->goal ? &o->goal->notes : &o->measure->notes;
      jx_im_note(r->p, to, NULL, o->owner, o->src, JX_W_IMPORT_OWNER, NULL, -1);
    }
    if (o->goal)
      jx_im_append(r->p, u ? &u->goals : &r->p->dept->goals, o->goal);
    else
      jx_im_append(r->p, u ? &u->measures : &r->p->dept->measures, o->measure);
  }
}

int jx_im_read_text(im_plan *p, im_book *b, const char *text, size_t n) {
  reader r;
  memset(&r, 0, sizeof r);
  r.p = p;
  r.b = b;
  r.text = text;
  r.n = n;
  p->dept = jx_arena_alloc(&p->arena, sizeof *p->dept);
  im_note **before = NULL; /* the headings before each table's project */
  size_t n_before = 0;
  size_t pos = 0;
  while (pos < n) {
    const char *l = text + pos;
    const char *nl = memchr(l, '\n', n - pos);
    size_t len = nl ? (size_t)(nl - l) : n - pos;
    r.line = l;
    r.len = len;
    r.offset = pos;
    r.lineno++;
    pos = nl ? pos + len + 1 : n;
    char *s = strip_field(&r, l, len);
    size_t at = 0;
    while (at < len && (l[at] == ' ' || l[at] == '\t'))
      at++;
    if (!*s)
      continue;
    size_t cn = cn_digits(s);
    size_t pn = starts(s, "第") ? cn_digits(s + 3) : 0;
    if (pn && strcmp(s + 3 + pn, "部分") == 0) {
      r.any = true;
      heading(&r, s);
      r.sec = S_NONE;
      r.owner = NULL;
      end_measure(&r);
      r.measure = NULL;
      continue;
    }
    if (is_table_heading(s)) {
      r.any = true;
      r.sec = S_NONE;
      end_measure(&r);
      r.measure = NULL;
      table(&r, s, &pos);
      if (r.b->n_sheets > n_before) {
        before = jx_xrealloc(before, r.b->n_sheets * sizeof *before);
        for (size_t i = n_before; i < r.b->n_sheets; i++)
          before[i] = NULL;
        n_before = r.b->n_sheets;
        before[r.b->n_sheets - 1] = take_pending(&r);
      }
      continue;
    }
    if (cn && starts(s + cn, "、")) {
      r.any = true;
      r.sec = section_kind(s);
      r.owner = NULL;
      r.division = NULL;
      end_measure(&r);
      r.measure = NULL;
      if (r.sec == S_OTHER) /* kept with what it heads */
        jx_im_heading(p, &p->dept->tail, s, line_src(&r, at, len - at));
      else
        heading(&r, s);
      continue;
    }
    if (r.sec == S_NONE) {
      /* the document's title, a part's title, a lone page number */
      if (!r.any && !p->dept->name.text)
        title(&r, s, line_src(&r, at, len - at));
      heading(&r, s);
      continue;
    }
    if (r.sec == S_OTHER) {
      jx_im_note(p, &p->dept->tail, NULL, s, line_src(&r, at, len - at),
                 JX_W_IMPORT_STRAY, NULL, -1);
      continue;
    }
    dept_line(&r, s, at);
  }
  end_measure(&r);
  jx_sb_free(&r.more);
  jx_im_append(p, &p->tail, r.pending);
  if (!r.any) {
    free(before);
    return 0;
  }
  if (jx_im_book_finish(b) != 0) {
    free(before);
    return 0; /* b->failed says why */
  }
  for (size_t i = 0; i < b->n_sheets; i++)
    jx_im_layout_form(p, b, (uint32_t)i, NULL, i < n_before ? before[i] : NULL);
  free(before);
  resolve_owners(&r);
  return 1;
}
