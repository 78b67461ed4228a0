/*
 * fuzz_import_xlsx.c — libFuzzer over `jxc import` reading .xlsx: minizip,
 * expat and every part handler (relationships, workbook, shared strings,
 * styles, worksheets with merged ranges), then the recognisers, writer,
 * fmt and checker.
 *
 * Mutating a deflated zip mostly breaks its checksums, so an input that
 * does not start with "PK" is taken as the XML parts themselves, separated
 * by NUL bytes (which XML cannot contain):
 *
 *   workbook.xml \0 sharedStrings.xml \0 styles.xml \0 sheet1.xml [\0 sheet2.xml]
 *
 * and packed here into a stored (uncompressed) zip with the fixed
 * relationship parts, so the fuzzer works on the XML.  An input that
 * starts with "PK" goes in as it is, for the container itself.
 * Seeds: tests/fuzz/corpus-import-xlsx/.  Built and run by `make fuzz`.
 */
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct zipbuf {
  unsigned char *p;
  size_t n, cap;
  unsigned char central[8192];
  size_t cn;
  int entries;
} zipbuf;

static void put(zipbuf *z, const void *s, size_t n) {
  if (z->n + n > z->cap) {
    z->cap = (z->n + n) * 2 + 256;
    z->p = realloc(z->p, z->cap);
    if (!z->p)
      abort();
  }
  memcpy(z->p + z->n, s, n);
  z->n += n;
}

static void le(unsigned char *b, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; i++)
    b[i] = (unsigned char)(v >> (8 * i));
}

/* One stored entry: a local header and its data, and its central record. */
static void entry(zipbuf *z, const char *name, const char *data, size_t n) {
  size_t nl = strlen(name);
  uint32_t crc = (uint32_t)crc32(0L, (const Bytef *)data, (uInt)n);
  uint32_t off = (uint32_t)z->n;
  unsigned char h[30] = {0x50, 0x4b, 0x03, 0x04, 20};
  le(h + 14, crc, 4);
  le(h + 18, (uint32_t)n, 4);
  le(h + 22, (uint32_t)n, 4);
  le(h + 26, (uint32_t)nl, 2);
  put(z, h, 30);
  put(z, name, nl);
  put(z, data, n);
  unsigned char c[46] = {0x50, 0x4b, 0x01, 0x02, 20, 0, 20};
  le(c + 16, crc, 4);
  le(c + 20, (uint32_t)n, 4);
  le(c + 24, (uint32_t)n, 4);
  le(c + 28, (uint32_t)nl, 2);
  le(c + 42, off, 4);
  if (z->cn + 46 + nl <= sizeof z->central) {
    memcpy(z->central + z->cn, c, 46);
    memcpy(z->central + z->cn + 46, name, nl);
    z->cn += 46 + nl;
    z->entries++;
  }
}

static void finish(zipbuf *z) {
  uint32_t at = (uint32_t)z->n;
  put(z, z->central, z->cn);
  unsigned char e[22] = {0x50, 0x4b, 0x05, 0x06};
  le(e + 8, (uint32_t)z->entries, 2);
  le(e + 10, (uint32_t)z->entries, 2);
  le(e + 12, (uint32_t)z->cn, 4);
  le(e + 16, at, 4);
  put(z, e, 22);
}

static const char rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char wb_rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://x/worksheet\" "
    "Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://x/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://x/styles\" "
    "Target=\"./styles.xml\"/></Relationships>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  if (size >= 2 && in[0] == 'P' && in[1] == 'K') {
    fuzz_import(in, size, JX_IMPORT_AUTO);
    return 0;
  }
  static const char *const names[] = {
      "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml",
      "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"};
  zipbuf z = {0};
  entry(&z, "_rels/.rels", rels, sizeof rels - 1);
  entry(&z, "xl/_rels/workbook.xml.rels", wb_rels, sizeof wb_rels - 1);
  size_t start = 0;
  for (int part = 0; part < 5 && start <= size; part++) {
    const char *nul = memchr(in + start, '\0', size - start);
    size_t end = nul ? (size_t)(nul - in) : size;
    entry(&z, names[part], in + start, end - start);
    start = end + 1;
    if (!nul)
      break;
  }
  finish(&z);
  fuzz_import((const char *)z.p, z.n, JX_IMPORT_AUTO);
  free(z.p);
  return 0;
}
