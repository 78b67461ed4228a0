/*
 * backends.c — the registry of output formats behind `jxc build -f NAME`.
 *
 * One table, so the driver's -f look-up, its `--help` list and its error
 * message for an unknown format all come from the same place.  A new back
 * end adds its jx_backend here (and its extern to backend.h).
 */
#include "backend.h"

#include <string.h>

const jx_backend *const jx_backends[] = {
    &jx_backend_json,
    &jx_backend_csv,
    &jx_backend_c,
    &jx_backend_xlsx,
    &jx_backend_html,
    NULL,
};

const jx_backend *jx_backend_find(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; jx_backends[i]; i++)
    if (strcmp(jx_backends[i]->name, name) == 0)
      return jx_backends[i];
  return NULL;
}
