/*
 * plan.c — building the import plan (import_impl.h): places, notes kept as
 * comments, list appends and the units projects go into.
 */
#include "import_impl.h"

#include <string.h>

void jx_im_plan_init(im_plan *p) {
  memset(p, 0, sizeof *p);
  jx_arena_init(&p->arena);
}

void jx_im_plan_free(im_plan *p) {
  jx_arena_free(&p->arena);
}

im_src jx_im_src_none(void) {
  im_src s;
  memset(&s, 0, sizeof s);
  s.sheet = IM_NO_SHEET;
  return s;
}

bool jx_im_src_valid(const im_src *s) {
  return s->sheet != IM_NO_SHEET && (s->row != 0 || s->loc.line != 0);
}

im_src jx_im_src_cell(uint32_t sheet, const im_cell *c) {
  im_src s = jx_im_src_none();
  if (!c)
    return s;
  s.sheet = sheet;
  s.row = c->row;
  s.col = c->col;
  s.loc = c->loc;
  return s;
}

void jx_im_append(void *list_head, void *item) {
  /* Every plan list links through a `next` pointer at offset 0. */
  void **head = list_head;
  while (*head)
    head = (void **)*head;
  *head = item;
}

im_note *jx_im_note(im_plan *p, im_note **list, const char *label,
                    const char *text, im_src src, jx_diag_id id,
                    const char *arg, int group) {
  im_note *n = jx_arena_alloc(&p->arena, sizeof *n);
  n->label = label;
  n->text = text ? text : "";
  n->src = src;
  n->id = id;
  n->arg = arg;
  n->group = group;
  n->reason = -1;
  if (id < JX_DIAG_COUNT && jx_diag_severity(id) == JX_SEV_ERROR)
    p->errors++;
  jx_im_append(list, n);
  return n;
}

im_note *jx_im_heading(im_plan *p, im_note **list, const char *text,
                       im_src src) {
  im_note *n = jx_im_note(p, list, NULL, text, src, JX_DIAG_COUNT, NULL, -1);
  n->silent_src = true;
  return n;
}

im_unit *jx_im_unit(im_plan *p, const char *code, const char *name,
                    im_src code_src, im_src name_src) {
  for (im_unit *u = p->units; u; u = u->next) {
    bool same =
        code ? u->code.text && strcmp(u->code.text, code) == 0
             : !u->code.text &&
                   ((!name && !u->name.text) ||
                    (name && u->name.text && strcmp(u->name.text, name) == 0));
    if (same)
      return u;
  }
  im_unit *u = jx_arena_alloc(&p->arena, sizeof *u);
  u->code.text = code;
  u->code.src = code_src;
  u->name.text = name;
  u->name.src = name_src;
  jx_im_append(&p->units, u);
  return u;
}
