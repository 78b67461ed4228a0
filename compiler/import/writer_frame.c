/*
 * writer_frame.c — the frame of each statement import writes.
 *
 * Around every statement writer.c writes: the places of its parts,
 * recorded in writing order for the driver to pair with the formatted
 * file's nodes; the comment above it naming where its values came from
 * (# 表1!A9:F9, # line 12); the notes kept before it; and the small
 * writers (indentation, keywords, string literals, comment text) both
 * halves use.
 */
#include "writer_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void imw_indent(writer *w) {
  for (int i = 0; i < w->depth; i++)
    jx_sb_puts(w->o, "  ");
}

void imw_kw(writer *w, jx_kw k) {
  jx_sb_puts(w->o, jx_keyword(k, w->zh));
}

/* A string literal; characters the lexer refuses in a string (controls
 * other than tab and line feed) were dropped when the cell was read. */
void imw_str(writer *w, const char *s) {
  jx_sb_puts(w->o, "\"");
  for (const char *p = s ? s : ""; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      jx_sb_add(w->o, e, 2);
    } else if (c == '\n') {
      jx_sb_puts(w->o, "\\n");
    } else if (c == '\t') {
      jx_sb_puts(w->o, "\\t");
    } else if (c >= 0x20 && c != 0x7F) {
      jx_sb_add(w->o, p, 1);
    }
  }
  jx_sb_puts(w->o, "\"");
}

/* Text inside a comment: one line, so a line break or another control
 * character (a sheet name or a header may hold one) becomes a space. */
void imw_comment_text(jx_strbuf *o, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) { /* a file name may be any bytes: U+FFFD for a bad one */
      utf8proc_int32_t cp;
      utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                            (utf8proc_ssize_t)(n - i), &cp);
      if (k <= 0) {
        jx_sb_puts(o, "\xEF\xBF\xBD");
        i++;
      } else {
        jx_sb_add(o, s + i, (size_t)k);
        i += (size_t)k;
      }
      continue;
    }
    if ((c < 0x20 && c != '\t') || c == 0x7F)
      jx_sb_puts(o, " ");
    else
      jx_sb_add(o, s + i, 1);
    i++;
  }
}

/* ---- places
 * ------------------------------------------------------------------------ */

static bool has_src(const im_src *s) {
  return jx_im_src_valid(s);
}

/* Every part is recorded, with or without a place, so that the driver can
 * pair the i-th part of a kind with the formatted node's i-th. */
void imw_record(writer *w, int what, const im_src *src) {
  struct im_stmt *st = w->cur;
  if (!st || st->nf >= (int)(sizeof st->f / sizeof *st->f))
    return;
  st->f[st->nf].what = what;
  st->f[st->nf].src = *src;
  st->nf++;
}

void imw_begin_stmt(writer *w, const im_src *main_src) {
  im_written *wr = w->w;
  if (wr->n_stmts == wr->cap_stmts) {
    wr->cap_stmts = wr->cap_stmts ? 2 * wr->cap_stmts : 64;
    wr->stmts = jx_xrealloc(wr->stmts, wr->cap_stmts * sizeof *wr->stmts);
  }
  w->cur = &wr->stmts[wr->n_stmts++];
  memset(w->cur, 0, sizeof *w->cur);
  w->cur->src = main_src ? *main_src : jx_im_src_none();
  size_t k = w->o->n;
  while (k > 0 && w->o->p[k - 1] != '\n')
    k--;
  w->line_start = k;
}

void imw_add_comment(writer *w, const im_note *n) {
  im_written *wr = w->w;
  if (wr->n_comments == wr->cap_comments) {
    wr->cap_comments = wr->cap_comments ? 2 * wr->cap_comments : 64;
    wr->comments =
        jx_xrealloc(wr->comments, wr->cap_comments * sizeof *wr->comments);
  }
  wr->comments[wr->n_comments++] = n;
}

/* The places of a statement's parts: 表1!A9:F9 when they share a row,
 * else each distinct place.  False if no part has a place. */
static bool places(writer *w, const struct im_stmt *st, jx_strbuf *o) {
  const im_src *first = NULL;
  for (int i = 0; i < st->nf && !first; i++)
    if (has_src(&st->f[i].src))
      first = &st->f[i].src;
  if (!first)
    return false;
  if (w->b->kind == IM_SRC_TEXT) { /* line 12, lines 12–15 */
    uint32_t a = first->loc.line, z = a;
    for (int i = 0; i < st->nf; i++) {
      const im_src *s = &st->f[i].src;
      if (!has_src(s))
        continue;
      a = s->loc.line < a ? s->loc.line : a;
      z = s->loc.line > z ? s->loc.line : z;
    }
    if (a == z)
      jx_im_place(w->b, first, w->lang, o);
    else
      jx_msg_printf(o, w->lang, JX_M_IM_LINES, (unsigned long)a,
                    (unsigned long)z);
    return true;
  }
  /* Sheets: the sheet once, then each row's cells as runs (B7:E7, B8:E8)
   * in the order of the rows. */
  im_src cells[32];
  int n = 0;
  for (int i = 0; i < st->nf && n < 32; i++) {
    const im_src *s = &st->f[i].src;
    bool seen = !has_src(s);
    for (int j = 0; j < n && !seen; j++)
      seen = cells[j].sheet == s->sheet && cells[j].row == s->row &&
             cells[j].col == s->col;
    if (!seen)
      cells[n++] = *s;
  }
  for (int i = 1; i < n; i++) /* insertion sort: sheet, row, column */
    for (int j = i; j > 0; j--) {
      im_src *a = &cells[j - 1], *b = &cells[j];
      bool after = a->sheet != b->sheet ? a->sheet > b->sheet
                   : a->row != b->row   ? a->row > b->row
                                        : a->col > b->col;
      if (!after)
        break;
      im_src t = *a;
      *a = *b;
      *b = t;
    }
  for (int i = 0; i < n;) {
    int j = i;
    while (j + 1 < n && cells[j + 1].sheet == cells[i].sheet &&
           cells[j + 1].row == cells[i].row &&
           cells[j + 1].col == cells[j].col + 1)
      j++;
    if (i > 0)
      jx_sb_puts(o, ", ");
    if (i == 0 || cells[i].sheet != cells[i - 1].sheet) {
      jx_im_place(w->b, &cells[i], w->lang, o);
    } else {
      char cell[24];
      jx_im_cell_name(cells[i].row, cells[i].col, cell);
      jx_sb_puts(o, cell);
    }
    if (j > i) {
      char cell[24];
      jx_im_cell_name(cells[j].row, cells[j].col, cell);
      jx_sb_printf(o, ":%s", cell);
    }
    i = j + 1;
  }
  return true;
}

/* "# 表1!A9:F9" on a line of its own above the statement being written
 * (a comment at the end of a statement that fmt wraps would not stay
 * there when the file is formatted again). */
static void place_comment(writer *w) {
  if (!w->cur)
    return;
  jx_strbuf pl = {0};
  if (places(w, w->cur, &pl)) {
    jx_strbuf line = {0};
    for (int i = 0; i < w->depth; i++)
      jx_sb_puts(&line, "  ");
    jx_sb_puts(&line, "# ");
    imw_comment_text(&line, pl.p, pl.n);
    jx_sb_puts(&line, "\n");
    jx_strbuf *o = w->o;
    size_t at = w->line_start, tail = o->n - at;
    jx_sb_add(o, line.p, line.n); /* room; then move the statement down */
    memmove(o->p + at + line.n, o->p + at, tail);
    memcpy(o->p + at, line.p, line.n);
    imw_add_comment(w, NULL);
    jx_sb_free(&line);
  }
  jx_sb_free(&pl);
}

void imw_end_stmt(writer *w) {
  place_comment(w);
  jx_sb_puts(w->o, "\n");
  w->cur = NULL;
}

/* Notes kept before a statement, one comment each (more lines for a
 * text of several lines). */
void imw_notes(writer *w, const im_note *n) {
  for (; n; n = n->next) {
    jx_strbuf line = {0};
    if (!n->silent_src && has_src(&n->src)) {
      jx_im_place(w->b, &n->src, w->lang, &line);
      jx_sb_puts(&line, " ");
    }
    if (n->label && *n->label) {
      jx_sb_puts(&line, n->label);
      jx_sb_puts(&line, w->zh ? "：" : ": ");
    }
    const char *t = n->text;
    bool first = true;
    do {
      const char *nl = strchr(t, '\n');
      size_t k = nl ? (size_t)(nl - t) : strlen(t);
      imw_indent(w);
      jx_sb_puts(w->o, first ? "# " : "#   ");
      imw_add_comment(w, first ? n : NULL);
      if (first)
        imw_comment_text(w->o, line.p ? line.p : "", line.n);
      for (size_t i = 0; i < k; i++) /* no controls in a comment either */
        if ((unsigned char)t[i] >= 0x20 || t[i] == '\t')
          jx_sb_add(w->o, t + i, 1);
      jx_sb_puts(w->o, "\n");
      first = false;
      t = nl ? nl + 1 : t + k;
    } while (*t);
    jx_sb_free(&line);
  }
}

/* A block's opening line; its place goes in a comment above it (fmt keeps
 * no comment at the end of a block's first line). */
void imw_open_block(writer *w, const im_src *src, const im_src *also) {
  imw_begin_stmt(w, src);
  imw_record(w, IM_W_NAME, src);
  if (also) /* a project's budget, in the same comment */
    imw_record(w, IM_W_VALUE, also);
  jx_strbuf pl = {0};
  if (places(w, w->cur, &pl)) {
    imw_indent(w);
    jx_sb_puts(w->o, "# ");
    imw_comment_text(w->o, pl.p, pl.n);
    jx_sb_puts(w->o, "\n");
    imw_add_comment(w, NULL);
  }
  jx_sb_free(&pl);
  imw_indent(w);
}
