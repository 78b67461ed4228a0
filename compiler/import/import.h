/*
 * import.h — `jxc import`: existing target tables (Excel, legacy XLS, CSV,
 * the published text layout) into checked jixiao source.
 *
 * The pipeline (docs/import.md):
 *
 *   bytes ─► sniff ─► xlsx.c / xls.c / csv.c ─► grid (cells with places)
 *                 └─► text.c (the published layout) ─┐
 *   grid ─► layout_form.c / layout_rows.c ───────────┴─► plan (import.h's
 *   private twin, import_impl.h) ─► writer.c ─► jx_fmt ─► the checker
 *
 * Every value keeps the place it came from (a sheet and cell, or a line
 * of the text), the writer puts that place in a comment beside it, and
 * every diagnostic — the importer's own and the checker's on the result —
 * is printed at the .jx line with a note naming the source cell.
 */
#ifndef JX_IMPORT_H
#define JX_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "out.h"

typedef struct jx_import_options {
  const char *path;     /* the input ("-": standard input) */
  const char *out_name; /* what diagnostics call the .jx ("<stdout>") */
  const char *map_path; /* --map FILE, or NULL */
  bool zh;              /* Chinese keywords and comments */
} jx_import_options;

/* Imports opt->path into *out (formatted .jx source), reporting through d.
 * Returns 0 (imported; warnings allowed), 1 (imported, but the input has
 * errors: cells that could not be read or the checker's errors — *out
 * still holds the .jx, so the errors can be fixed in it), 3 (nothing
 * imported: the input is not a readable spreadsheet or text; reported),
 * or 2 (the input or the map file could not be read, or the map file has
 * a mistake; reported through d). */
int jx_import(const jx_import_options *opt, jx_diag *d, jx_out *out);

/* What text input is read as: found by content, or forced (the fuzzers
 * aim at one reader each). */
typedef enum jx_import_format {
  JX_IMPORT_AUTO,
  JX_IMPORT_CSV, /* text as CSV or TSV */
  JX_IMPORT_TEXT /* text as the published layout */
} jx_import_format;

/* The same over bytes in memory, named `name`; no map file.  The fuzzers
 * use it.  *out must be in memory mode. */
int jx_import_mem(const char *name, const char *data, size_t n,
                  jx_import_format format, bool zh, jx_diag *d, jx_out *out);
/* The same with a map file's text (map_n bytes): the map fuzzer.  Returns
 * 2 after reporting the map file's mistakes. */
int jx_import_mem_map(const char *name, const char *data, size_t n,
                      const char *map_text, size_t map_n, bool zh, jx_diag *d,
                      jx_out *out);

#endif
