/*
 * layout_cells.c — the cells every layout reads the same way, wherever
 * they stand: the plan's own lines (a title, the year, 单位：万元), and
 * whether the cell right of a label is its value or another label.
 *
 * The form, department and row layouts each meet these cells; keeping
 * them here, below all three, is what lets each layout call the others'
 * shared rules without the layouts calling one another in a circle.
 */
#include "import_impl.h"

#include <string.h>

static bool digit(char c) {
  return c >= '0' && c <= '9';
}

/* 2021 from "2021年度…", "（2021年度）", "2021年…绩效目标表", or 0. */
static int year_in(const char *k) {
  for (const char *p = k; p[0]; p++)
    if (digit(p[0]) && digit(p[1]) && digit(p[2]) && digit(p[3]) &&
        strncmp(p + 4, "年", 3) == 0 && (p == k || !digit(p[-1])) &&
        (strncmp(p + 7, "度", 3) == 0 || strstr(k, "绩效目标"))) {
      int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
              (p[3] - '0');
      if (y >= 1990 && y <= 2100)
        return y;
    }
  return 0;
}

bool jx_im_plan_cell(im_plan *p, uint32_t sheet, im_cell *c) {
  if (c->used || c->kind != IM_TEXT)
    return false;
  jx_arena *a = &p->arena;
  const char *k = jx_im_key(a, c->text);
  static const char *const cur[] = {"单位:", "金额单位:", "单位："};
  for (size_t i = 0; i < sizeof cur / sizeof *cur; i++) {
    size_t n = strlen(cur[i]);
    const char *u = k + n;
    if (strncmp(k, cur[i], n) == 0 &&
        (strcmp(u, "元") == 0 || strcmp(u, "万元") == 0 ||
         strcmp(u, "亿元") == 0)) {
      c->used = true;
      if (!p->currency) {
        p->currency = jx_arena_strdup(a, u);
        p->currency_src = jx_im_src_cell(sheet, c);
      } else if (strcmp(p->currency, u) != 0) {
        jx_im_note(p, &p->notes, NULL, c->text, jx_im_src_cell(sheet, c),
                   JX_W_IMPORT_CONFLICT, p->currency, -1);
      }
      return true;
    }
  }
  int y = year_in(k);
  size_t kn = strlen(k);
  bool title =
      strstr(k, "绩效目标") && kn >= 3 && strcmp(k + kn - 3, "表") == 0;
  /* "（ 年度）": the year line of a form whose plan has no year, as
   * `jxc build -f xlsx` prints it */
  bool no_year = strcmp(k, "(年度)") == 0;
  /* the title of a unit's form (--sheet unit puts it above the forms) */
  title |= strcmp(k, "单位绩效目标") == 0;
  if (y || title || no_year) {
    c->used = true;
    if (y && !p->year) {
      p->year = y;
      p->year_src = jx_im_src_cell(sheet, c);
    }
    return true;
  }
  return false;
}

im_text jx_im_cell_text(im_plan *p, uint32_t sheet, im_cell *c) {
  im_text t = {NULL, jx_im_src_none()};
  if (!c)
    return t;
  c->used = true;
  t.text = jx_im_clean(&p->arena, c->text, strlen(c->text), NULL);
  t.src = jx_im_src_cell(sheet, c);
  return t;
}

bool jx_im_label_is_value(const im_cell *cells, size_t n, size_t i, size_t j) {
  if (cells[j].span_cols > 1)
    return true;
  uint32_t span = cells[i].span_cols > 1 ? cells[i].span_cols : 1;
  if (cells[j].col != cells[i].col + span)
    return false;
  for (size_t k = j + 1; k < n; k++)
    if (!cells[k].used)
      return false;
  return true;
}
