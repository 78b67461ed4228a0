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
    &jx_backend_json,  /* the default */
    &jx_backend_jsonl, /* a line per project, for pipelines */
    &jx_backend_csv,   /* tables */
    &jx_backend_c,     /* a header of static data */
    &jx_backend_xlsx,  /* the official forms: a workbook */
    &jx_backend_html,  /* the official forms: a page */
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
