/*
 * profiles.c — the profile in force: one of libjixiao's built-in tables
 * (runtime/profile.c) chosen by name.
 */
#include "eval.h"

#include <string.h>

const jx_profile *jx_ev_profile_find(const char *name) {
  return jx_profile_builtin(name);
}

void jx_ev_profile_names(jx_strbuf *out, jx_lang lang) {
  size_t n;
  const jx_profile *list = jx_profile_list(&n);
  const char *names[16];
  for (size_t i = 0; i < n && i < 16; i++)
    names[i] = list[i].name;
  jx_join(out, lang, names, n < 16 ? n : 16, false);
}
