/*
 * plan.c — building the import plan (import_impl.h): places, notes kept as
 * comments, list appends and the units projects go into.
 */
#include "import_impl.h"

#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jx_im_plan_init(im_plan *p) {
  memset(p, 0, sizeof *p);
  jx_arena_init(&p->arena);
}

void jx_im_plan_free(im_plan *p) {
  free(p->tails);
  free(p->named);
  jx_arena_free(&p->arena);
}

/* ---- the hash tables (open addressing, at most half full) -----------------
 */

static size_t hash_bytes(const void *data, size_t n, size_t h) {
  const unsigned char *b = data;
  for (size_t i = 0; i < n; i++)
    h = (h ^ b[i]) * 1099511628211u; /* FNV-1a */
  return h;
}

static struct im_tail *tail_slot(im_plan *p, void **head) {
  if (2 * (p->n_tails + 1) > p->cap_tails) {
    size_t cap = p->cap_tails ? 2 * p->cap_tails : 64;
    struct im_tail *t = jx_xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < p->cap_tails; i++) {
      if (!p->tails[i].head)
        continue;
      size_t h =
          hash_bytes(&p->tails[i].head, sizeof(void *), 14695981039346656037u) &
          (cap - 1);
      while (t[h].head)
        h = (h + 1) & (cap - 1);
      t[h] = p->tails[i];
    }
    free(p->tails);
    p->tails = t;
    p->cap_tails = cap;
  }
  size_t h = hash_bytes(&head, sizeof head, 14695981039346656037u) &
             (p->cap_tails - 1);
  while (p->tails[h].head && p->tails[h].head != head)
    h = (h + 1) & (p->cap_tails - 1);
  if (!p->tails[h].head) {
    p->tails[h].head = head;
    p->tails[h].first = p->tails[h].last = NULL;
    p->n_tails++;
  }
  return &p->tails[h];
}

static struct im_named *name_slot(im_plan *p, const char *key, size_t n) {
  if (2 * (p->n_named + 1) > p->cap_named) {
    size_t cap = p->cap_named ? 2 * p->cap_named : 64;
    struct im_named *t = jx_xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < p->cap_named; i++) {
      if (!p->named[i].key)
        continue;
      size_t h = hash_bytes(p->named[i].key, strlen(p->named[i].key),
                            14695981039346656037u) &
                 (cap - 1);
      while (t[h].key)
        h = (h + 1) & (cap - 1);
      t[h] = p->named[i];
    }
    free(p->named);
    p->named = t;
    p->cap_named = cap;
  }
  size_t h = hash_bytes(key, n, 14695981039346656037u) & (p->cap_named - 1);
  while (p->named[h].key && strcmp(p->named[h].key, key) != 0)
    h = (h + 1) & (p->cap_named - 1);
  return &p->named[h];
}

/* "kind, scope pointer, key" as one string. */
static char *name_key(im_plan *p, char kind, const void *scope,
                      const char *key) {
  jx_strbuf b = {0};
  jx_sb_printf(&b, "%c%p\x01%s", kind, scope, key ? key : "");
  char *k = jx_arena_strdup(&p->arena, b.p);
  jx_sb_free(&b);
  return k;
}

void *jx_im_name_get(im_plan *p, char kind, const void *scope,
                     const char *key) {
  jx_strbuf b = {0};
  jx_sb_printf(&b, "%c%p\x01%s", kind, scope, key ? key : "");
  struct im_named *s = name_slot(p, b.p, b.n);
  jx_sb_free(&b);
  return s->key ? s->value : NULL;
}

void jx_im_name_put(im_plan *p, char kind, const void *scope, const char *key,
                    void *value) {
  char *k = name_key(p, kind, scope, key);
  struct im_named *s = name_slot(p, k, strlen(k));
  if (!s->key) {
    s->key = k;
    p->n_named++;
  }
  s->value = value;
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

void jx_im_append(im_plan *p, void *list_head, void *item) {
  /* Every plan list links through a `next` pointer at offset 0.  A list
   * is known by its first node: a head variable that was emptied and
   * reused (a row's notes) starts a new list.  From the remembered tail
   * the walk covers only what was chained on since. */
  void **head = list_head;
  if (!item)
    return;
  struct im_tail *t = tail_slot(p, head);
  void **at = head;
  if (*head && t->first == *head && t->last)
    at = (void **)t->last;
  else if (*head)
    t->first = *head;
  while (*at)
    at = (void **)*at;
  *at = item;
  if (at == head) /* the list was empty: item is its first node */
    t->first = item;
  void **end = (void **)item;
  while (*end)
    end = (void **)*end;
  t->last = end;
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
  jx_im_append(p, list, n);
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
  /* by code; a unit without one by its name */
  char kind = code ? 'c' : name ? 'n' : '0';
  const char *key = code ? code : name;
  im_unit *u = jx_im_name_get(p, kind, NULL, key);
  if (u)
    return u;
  u = jx_arena_alloc(&p->arena, sizeof *u);
  jx_im_name_put(p, kind, NULL, key, u);
  u->code.text = code;
  u->code.src = code_src;
  u->name.text = name;
  u->name.src = name_src;
  jx_im_append(p, &p->units, u);
  return u;
}

im_unit *jx_im_unit_find(im_plan *p, const char *code, const char *name) {
  return jx_im_name_get(p,
                        code   ? 'c'
                        : name ? 'n'
                               : '0',
                        NULL, code ? code : name);
}

void jx_im_add_project(im_plan *p, im_unit *u, im_project *pr) {
  pr->unit = u;
  jx_im_append(p, &u->projects, pr);
  if (pr->code.text) {
    if (!jx_im_name_get(p, 'C', NULL, pr->code.text))
      jx_im_name_put(p, 'C', NULL, pr->code.text, pr);
  } else if (pr->name.text && !jx_im_name_get(p, 'N', u, pr->name.text)) {
    jx_im_name_put(p, 'N', u, pr->name.text, pr);
  }
}

im_project *jx_im_summary_match(im_plan *p, const char *code,
                                const char *unit_code, const char *unit_name,
                                const char *name) {
  im_project *pr = NULL;
  if (code) {
    pr = jx_im_name_get(p, 'C', NULL, code);
  } else if (name) {
    im_unit *u = jx_im_unit_find(p, unit_code, unit_name);
    pr = u ? jx_im_name_get(p, 'N', u, name) : NULL;
    /* Two projects of one name and no code: the rows go to them in
     * order.  (Rare; the walk is over one unit's projects.) */
    if (pr && pr->summarised)
      for (pr = u->projects; pr; pr = pr->next)
        if (!pr->summarised && !pr->code.text && pr->name.text &&
            strcmp(pr->name.text, name) == 0)
          break;
  }
  if (pr && pr->summarised)
    return NULL;
  if (pr)
    pr->summarised = true;
  return pr;
}

void jx_im_dept_name(im_plan *p, const im_text *name, bool own,
                     im_note **notes) {
  if (!p->dept)
    p->dept = jx_arena_alloc(&p->arena, sizeof *p->dept);
  if (!p->dept->name.text || (own && p->dept->from_project)) {
    p->dept->name = *name;
    p->dept->from_project = !own;
  } else if (strcmp(p->dept->name.text, name->text) != 0)
    jx_im_note(p, notes, "部门名称", name->text, name->src,
               JX_W_IMPORT_CONFLICT, p->dept->name.text, -1);
}

/* ---- issue 11: what other regions' forms print ------------------------ */

bool jx_im_source(im_plan *p, im_project *pr, const char *label, im_text v,
                  im_note **notes) {
  if (!v.text || !*v.text)
    return true;
  /* The label as a word: 上级资金（万元） → 上级资金; "其中：…" is a part of
   * the row above it, not a source beside the others. */
  char *key = jx_im_key(&p->arena, label);
  size_t n = strlen(key);
  if (n > 0 && key[n - 1] == ')') {
    char *open = strrchr(key, '(');
    if (open && open > key)
      *open = '\0';
  }
  const jx_source_kind *k =
      strncmp(key, "其中", strlen("其中")) == 0 ? NULL : jx_source_find(key);
  const char *a = k ? jx_im_amount(&p->arena, v.text) : NULL;
  if (!k || !a) {
    jx_im_note(p, notes, label, v.text, v.src, JX_W_IMPORT_KEPT, NULL, -1);
    return false;
  }
  im_source *s = jx_arena_alloc(&p->arena, sizeof *s);
  s->word = key;
  s->amount = v;
  s->amount.text = a;
  jx_im_append(p, &pr->sources, s);
  return true;
}

im_text *jx_im_header_slot(im_project *pr, im_field f) {
  switch (f) {
  case IM_F_TOTAL:
    return &pr->total;
  case IM_F_PERIOD:
    return &pr->period;
  case IM_F_CLASS:
    return &pr->klass;
  case IM_F_NATURE:
    return &pr->nature;
  case IM_F_POLICY:
    return &pr->policy;
  case IM_F_DOCUMENT:
    return &pr->document;
  case IM_F_SUBJECT:
    return &pr->subject;
  case IM_F_MANAGER:
    return &pr->manager;
  case IM_F_CONTACT:
    return &pr->contact;
  default:
    return NULL;
  }
}
