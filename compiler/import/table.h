/*
 * table.h — the importer's table reading, for other readers of tables:
 * `jxc eval` reads actuals exported from a budget system with the same
 * decoding (UTF-8, UTF-16, GB18030), the same CSV reader (libcsv, csv.c)
 * and the same limits as `jxc import`, and compares headers the same way.
 *
 * A thin front to import_impl.h's grid, which stays private to the
 * importer.  Texts are UTF-8; rows and columns are 1-based, as Excel
 * counts them.
 */
#ifndef JX_IMPORT_TABLE_H
#define JX_IMPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct jx_table jx_table;

typedef struct jx_table_cell {
  uint32_t col;
  const char *text; /* never empty */
} jx_table_cell;

/* Text input as UTF-8 (a BOM dropped, UTF-16 and GB18030 converted):
 * malloc'd, NUL-terminated, *out_n bytes; NULL when the bytes are none of
 * these. */
char *jx_table_decode(const char *data, size_t n, size_t *out_n);
/* Does UTF-8 text look like delimited rows rather than prose? */
bool jx_table_looks_delimited(const char *text, size_t n);
/* The delimiter jx_table_read_csv uses for text: ',', '\t' or ';'. */
unsigned char jx_table_delim(const char *text, size_t n);
/* Reads delimited UTF-8 text (named `name`); NULL when libcsv refuses it
 * or it passes the importer's limits. */
jx_table *jx_table_read_csv(const char *name, const char *text, size_t n);
void jx_table_free(jx_table *t);

uint32_t jx_table_rows(const jx_table *t);
/* The cells of a row, sorted by column; returns how many (0: none). */
size_t jx_table_row(const jx_table *t, uint32_t row,
                    const jx_table_cell **cells);
/* The text at (row, col), or NULL. */
const char *jx_table_at(const jx_table *t, uint32_t row, uint32_t col);

/* NFKC without whitespace: how the importer compares headers. */
char *jx_table_key(jx_arena *a, const char *s);
/* Trimmed, CRLF as LF, other control characters dropped. */
char *jx_table_clean(jx_arena *a, const char *s, size_t n);

#endif
