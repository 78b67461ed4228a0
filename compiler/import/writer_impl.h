/*
 * writer_impl.h — what the two halves of import's source writer share.
 *
 * writer.c writes the plan's statements; writer_frame.c keeps the frame
 * around each of them: the places recorded for its parts, the "# 表1!A9"
 * comment above it, and the notes kept before it.  Internal to
 * compiler/import/.
 */
#ifndef JX_IMPORT_WRITER_IMPL_H
#define JX_IMPORT_WRITER_IMPL_H

#include "import_impl.h"

#include "framework.h"
#include "vocab.h"

typedef struct writer {
  const im_plan *p;
  const im_book *b;
  bool zh;
  jx_lang lang; /* of the keywords: the comments' words follow them */
  jx_strbuf *o;
  im_written *w;
  const jx_framework *fw;
  int depth;
  struct im_stmt *cur;         /* the statement being written */
  size_t line_start;           /* where its line starts in o */
  bool dept_written;           /* the department part is in the file */
  const char *unit_supervisor; /* written in the unit: its projects' own */
} writer;

/* The parts of a statement (import.c pairs them with a node's); IM_W_MORE
 * is a cell that went into a part, such as the 计算符号 of a value. */
enum {
  IM_W_NAME = 1,
  IM_W_VALUE,
  IM_W_DESC,
  IM_W_BASIS,
  IM_W_CAT,
  IM_W_CODE,
  IM_W_MORE
};

void imw_indent(writer *w);
void imw_kw(writer *w, jx_kw k);
/* A string literal; controls other than tab and line feed are dropped. */
void imw_str(writer *w, const char *s);
/* Text inside a comment, kept on one line. */
void imw_comment_text(jx_strbuf *o, const char *s, size_t n);

/* A statement: begun (its line's start remembered), its parts recorded in
 * writing order, ended with its place comment above it. */
void imw_begin_stmt(writer *w, const im_src *main_src);
void imw_record(writer *w, int what, const im_src *src);
void imw_end_stmt(writer *w);
/* A comment written: n the note it holds, or NULL (a place comment). */
void imw_add_comment(writer *w, const im_note *n);
/* Notes kept before a statement, a comment each. */
void imw_notes(writer *w, const im_note *n);
/* A block's opening line, its place in a comment above it. */
void imw_open_block(writer *w, const im_src *src, const im_src *also);

#endif
