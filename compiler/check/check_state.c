/*
 * check_state.c — what every rule file of the checker uses: the framework
 * in force (a header may name one declared further down), blank texts,
 * statements given twice, and the organisations a form prints in one
 * cell.  The bottom of the checker with chk_set.c: it calls none of the
 * other checker files (check_state.h).
 */
#include "check_state.h"

#include <stdint.h>

void jx_chk_settle(jx_checker *c) {
  if (!c->pending)
    return;
  c->pending = false;
  jx_diag_report(c->diag, JX_E_UNKNOWN_FRAMEWORK, c->pending_loc,
                 c->pending_name);
  jx_diag_note(c->diag, JX_N_UNKNOWN_FRAMEWORK_LATER, c->pending_loc);
}

const jx_framework *jx_chk_framework(jx_checker *c) {
  jx_chk_settle(c);
  return c->framework;
}

bool jx_chk_blank_slow(const char *s) {
  if (!s)
    return true;
  for (; *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      return false;
  return true;
}

void jx_chk_first(jx_checker *c, jx_node **slot, jx_node *n, jx_msg field) {
  if (!*slot) {
    *slot = n;
    return;
  }
  jx_diag_report(c->diag, JX_E_DUP_FIELD, n->loc, (int)field);
  jx_diag_note(c->diag, JX_N_FIRST_HERE, (*slot)->loc);
}

/* ---- what forms print in one cell ---------------------------------------- */

void jx_chk_org(jx_node *n) {
  if (n->u.org.resolved)
    return;
  n->u.org.resolved = true;
  size_t a, len, b;
  const char *name = n->u.org.name.text;
  if (n->u.org.code.text || !name || !jx_org_split(name, &a, &len, &b))
    return;
  n->u.org.split = true;
  n->u.org.code_at = (uint32_t)a;
  n->u.org.code_len = (uint32_t)len;
  n->u.org.name_at = (uint32_t)b;
}
