/*
 * xls.c — a legacy Excel workbook (BIFF, .xls) into the grid, with freexl.
 *
 * freexl reads only from a path, so bytes in memory (standard input) go
 * through a temporary file that is removed at once.  freexl does not
 * report merged ranges: in a .xls a merged value sits in the range's first
 * cell and the others are blank, which the recognisers read as "same as
 * above" anyway.  Nor does it report number formats other than dates: a
 * percentage cell arrives as its fraction (0.25), which the schedule
 * reader recognises (docs/import.md).  Numbers arrive as doubles and are
 * turned at once into the shortest decimal text that reads back the same.
 */
#include "import_impl.h"

#include <errno.h>
#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int read_handle(im_book *b, const void *h) {
  unsigned int count = 0, pw = 0;
  if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &pw) == FREEXL_OK &&
      pw == FREEXL_BIFF_OBFUSCATED)
    return jx_im_fail(b, JX_E_IMPORT_XLS_PASSWORD, NULL);
  if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK ||
      count == 0)
    return jx_im_fail(b, JX_E_IMPORT_NO_SHEET, NULL);
  for (unsigned short i = 0; i < count && i < JX_IM_MAX_SHEETS; i++) {
    const char *name = NULL;
    char fallback[32];
    if (freexl_get_worksheet_name(h, i, &name) != FREEXL_OK || !name ||
        !jx_im_utf8_valid(name, strlen(name))) {
      snprintf(fallback, sizeof fallback, "Sheet%u", (unsigned)i + 1);
      name = fallback;
    }
    im_sheet *s = jx_im_add_sheet(b, name, strlen(name));
    if (!s)
      return -1;
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_select_active_worksheet(h, i) != FREEXL_OK ||
        freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
      return jx_im_fail(b, JX_E_IMPORT_XLS_SHEET, s->name, NULL);
    char nr[24], nc[24];
    if ((unsigned long long)rows * cols > 4ull * JX_IM_MAX_CELLS)
      return jx_im_fail(b, JX_E_IMPORT_BIG_XLS, s->name, jx_im_num(nr, rows),
                        jx_im_num(nc, cols), NULL);
    for (unsigned int r = 0; r < rows; r++)
      for (unsigned short c = 0; c < cols; c++) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
          continue;
        char buf[128];
        const char *text = buf;
        im_kind kind = IM_TEXT;
        switch (v.type) {
        case FREEXL_CELL_INT:
          snprintf(buf, sizeof buf, "%d", v.value.int_value);
          kind = IM_NUMBER;
          break;
        case FREEXL_CELL_DOUBLE:
          jx_im_shortest(v.value.double_value, buf, sizeof buf);
          kind = v.value.double_value == v.value.double_value ? IM_NUMBER
                                                              : IM_ERROR;
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
          text = v.value.text_value ? v.value.text_value : "";
          if (!jx_im_utf8_valid(text, strlen(text))) {
            text = "#VALUE!"; /* text in an unknown encoding */
            kind = IM_ERROR;
          }
          break;
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          text = v.value.text_value ? v.value.text_value : "";
          kind = IM_DATE;
          break;
        default:
          continue;
        }
        if (*text &&
            !jx_im_put(b, s, r + 1, (uint32_t)c + 1, kind, text, strlen(text)))
          return -1;
      }
  }
  return 0;
}

int jx_im_read_xls(im_book *b, const char *data, size_t n) {
  const char *dir = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/jxc-import-XXXXXX",
           dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd < 0)
    return jx_im_fail_errno(b, JX_E_IMPORT_XLS_TEMP, errno, NULL);
  size_t off = 0;
  int err = 0;
  while (off < n) {
    ssize_t k = write(fd, data + off, n - off);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0) {
      err = k < 0 ? errno : ENOSPC;
      break;
    }
    off += (size_t)k;
  }
  close(fd);
  const void *h = NULL;
  int rc;
  if (off < n) {
    rc = jx_im_fail_errno(b, JX_E_IMPORT_XLS_TEMP, err, NULL);
  } else if (freexl_open(path, &h) != FREEXL_OK) {
    rc = jx_im_fail(b, JX_E_IMPORT_XLS, NULL);
  } else {
    rc = read_handle(b, h);
  }
  if (h)
    freexl_close(h);
  unlink(path);
  if (rc == 0)
    rc = jx_im_book_finish(b);
  return b->failed ? -1 : rc;
}
