/*
 * chk_set.c — the checker's sets of strings (project codes, unit codes,
 * unit names), each key with the place it was first seen (check_state.h).
 *
 * A national roll-up has some 12 million project codes, and the set is all
 * the checker keeps of each, so it is laid out for size (issue 16: it was
 * ~75 bytes a code, a heap entry with a whole jx_loc and a pointer slot):
 *
 *   entries  one byte string: per key its length, its bytes, and its place
 *            (file, offset, line, column, length), every number a LEB128
 *            varint — a 21-character code and its place in ~33 bytes;
 *   slots    open addressing with linear probing, at most 3/4 full, one
 *            64-bit word each: 40 bits of offset into the entries (plus
 *            one, 0 is empty) and the top 24 bits of the key's hash, so a
 *            probe reads the entries only when those bits agree.
 *
 * Past JX_CHK_SET_MEM bytes of entries (1 MiB) the entries go on in an
 * unlinked temporary file, written 1 MiB at a time: what stays in memory
 * is the slots, ~15 bytes a code, so a gigabyte of the card plan's
 * projects (2.2 million codes) checks in under 64 MB.  The file is read
 * only when a key's 24 bits of hash agree with a slot's — a duplicate,
 * or one time in 16 million — and is written once, so reading it back
 * at most costs a pread a duplicate.  Where no temporary can be had the
 * entries stay in memory, as before.
 *
 * A key's first slot is the top bits of its hash, which the slot keeps:
 * growing a table of up to 2^24 slots (12.5 million keys) places every
 * entry again from its slot alone; only a larger one rehashes the keys
 * (the rest of the hash is not stored).  What a
 * duplicate reports is the first place decoded back into s->found, exactly
 * the jx_loc that was added, so the "first defined here" note is unchanged.
 * Figures: docs/performance.md ("The code set").
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check_state.h"
#include "hash.h"
#include "port.h"

#define OFF_BITS 40
#define OFF_MASK (((uint64_t)1 << OFF_BITS) - 1)

static uint64_t tag_of(uint64_t h) {
  return h >> OFF_BITS << OFF_BITS;
}

/* The first slot of hash h in a table of 2^(64 - shift) slots. */
static size_t first_slot(uint64_t h, unsigned shift) {
  return (size_t)(h >> shift);
}

void jx_chk_set_init(jx_chk_set *s) {
  memset(s, 0, sizeof *s);
}

void jx_chk_set_free(jx_chk_set *s) {
  if (s->spill)
    fclose(s->spill);
  free(s->bytes);
  free(s->slots);
  free(s->scratch);
  memset(s, 0, sizeof *s);
}

size_t jx_chk_set_memory(const jx_chk_set *s) {
  return s->cap_bytes + s->cap * sizeof *s->slots;
}

/* v as a varint at p; returns the bytes written (at most 10).  Through a
 * local pointer: writing through s->bytes[s->n_bytes++] stored and
 * reloaded the count at every byte. */
static size_t put_varint(unsigned char *p, uint64_t v) {
  size_t i = 0;
  for (; v >= 0x80; v >>= 7)
    p[i++] = (unsigned char)(v | 0x80);
  p[i++] = (unsigned char)v;
  return i;
}

static uint64_t get_varint(const unsigned char **p) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    unsigned char b = *(*p)++;
    v |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80))
      return v;
  }
}

/* A failure to read back what the set wrote is not the input's fault and
 * leaves no right answer: like running out of memory, it ends the run. */
static void spill_failed(int err) {
  fprintf(stderr, "jxc: the code set's temporary file: %s\n", strerror(err));
  exit(1);
}

/* Reads len bytes of the temporary at `at` into s->scratch. */
static void read_spill(jx_chk_set *s, uint64_t at, size_t len) {
  if (len > s->cap_scratch) {
    s->scratch = jx_xrealloc(s->scratch, len);
    s->cap_scratch = len;
  }
  for (size_t got = 0; got < len;) {
    ssize_t r =
        jx_pread(fileno(s->spill), s->scratch + got, len - got, at + got);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      spill_failed(r < 0 ? errno : EIO);
    got += (size_t)r;
  }
}

/* The entry at off (an offset into all the entries, spilled or not): its
 * key, whose length goes to *n, followed by its place.  An entry read
 * from the temporary lives in s->scratch until the next read. */
static const char *entry_key(jx_chk_set *s, uint64_t off, size_t *n) {
  if (off >= s->spilled) {
    const unsigned char *p =
        (const unsigned char *)s->bytes + (off - s->spilled);
    *n = (size_t)get_varint(&p);
    return (const char *)p;
  }
  /* The length's varint, the key and five varints: one read of 96 bytes
   * holds a code's entry; a longer key takes a second.  Every entry before
   * s->spilled is whole in the file, and the last may end sooner than the
   * most its varints could take: read no further. */
  uint64_t left = s->spilled - off;
  size_t got = (size_t)(left < 96 ? left : 96);
  read_spill(s, off, got);
  const unsigned char *p = (const unsigned char *)s->scratch;
  *n = (size_t)get_varint(&p);
  size_t head = (size_t)(p - (const unsigned char *)s->scratch);
  uint64_t want = head + *n + 50;
  if (want > got)
    read_spill(s, off, (size_t)(left < want ? left : want));
  return s->scratch + head;
}

/* Room for an entry of up to `need` bytes: past the limit the entries in
 * memory go to the temporary (made on first use) and memory starts over. */
static void make_room(jx_chk_set *s, size_t need) {
  size_t limit = s->mem_limit ? s->mem_limit : JX_CHK_SET_MEM;
  if (s->n_bytes + need > limit && s->n_bytes > 0 && !s->no_spill) {
    if (!s->spill)
      s->spill = tmpfile();
    if (!s->spill || fwrite(s->bytes, 1, s->n_bytes, s->spill) != s->n_bytes ||
        fflush(s->spill) != 0) {
      /* Nothing was lost: what could not be written is still in bytes,
       * and a partial write is never read (spilled has not moved). */
      if (s->spill && s->spilled == 0) {
        fclose(s->spill);
        s->spill = NULL;
      }
      s->no_spill = true;
    } else {
      s->spilled += s->n_bytes;
      s->n_bytes = 0;
    }
  }
  if (s->n_bytes + need > s->cap_bytes) {
    size_t cap = s->cap_bytes ? s->cap_bytes : 4096;
    while (cap < s->n_bytes + need)
      cap *= 2;
    s->bytes = jx_xrealloc(s->bytes, cap);
    s->cap_bytes = cap;
  }
}

static void grow_slots(jx_chk_set *s) {
  size_t cap = s->cap ? s->cap * 2 : 64;
  unsigned shift = s->cap ? s->shift - 1 : 64 - 6;
  uint64_t *slots = jx_xcalloc(cap, sizeof *slots);
  /* The slot's tag holds the top 64 - OFF_BITS bits of the hash. */
  bool from_tag = cap <= (size_t)1 << (64 - OFF_BITS);
  for (size_t i = 0; i < s->cap; i++) {
    uint64_t v = s->slots[i];
    if (!v)
      continue;
    uint64_t h = v & ~OFF_MASK;
    if (!from_tag) {
      size_t n;
      const char *key = entry_key(s, (v & OFF_MASK) - 1, &n);
      h = jx_hash_bytes(key, n);
    }
    size_t j = first_slot(h, shift);
    while (slots[j])
      j = (j + 1) & (cap - 1);
    slots[j] = v;
  }
  free(s->slots);
  s->slots = slots;
  s->cap = cap;
  s->shift = shift;
}

const jx_loc *jx_chk_set_add(jx_chk_set *s, const char *key, size_t n,
                             jx_loc loc) {
  if (s->off)
    return NULL;
  if ((s->n + 1) * 4 > s->cap * 3)
    grow_slots(s);
  uint64_t h = jx_hash_bytes(key, n), tag = tag_of(h);
  size_t j = first_slot(h, s->shift);
  for (uint64_t v; (v = s->slots[j]); j = (j + 1) & (s->cap - 1)) {
    if ((v & ~OFF_MASK) != tag)
      continue;
    size_t len;
    const char *k = entry_key(s, (v & OFF_MASK) - 1, &len);
    if (len != n || memcmp(k, key, n) != 0)
      continue;
    const unsigned char *p = (const unsigned char *)k + len;
    memset(&s->found, 0, sizeof s->found);
    s->found.file = (uint32_t)get_varint(&p);
    s->found.offset = get_varint(&p);
    s->found.line = (uint32_t)get_varint(&p);
    s->found.col = (uint32_t)get_varint(&p);
    s->found.len = (uint32_t)get_varint(&p);
    return &s->found;
  }
  /* Room for the entry: six varints of at most 10 bytes, and the key. */
  make_room(s, n + 60);
  uint64_t off = s->spilled + s->n_bytes;
  if (off + 1 > OFF_MASK) /* a terabyte of keys: past any plan */
    abort();
  unsigned char *p = (unsigned char *)s->bytes + s->n_bytes;
  p += put_varint(p, n);
  memcpy(p, key, n);
  p += n;
  p += put_varint(p, loc.file);
  p += put_varint(p, loc.offset);
  p += put_varint(p, loc.line);
  p += put_varint(p, loc.col);
  p += put_varint(p, loc.len);
  s->n_bytes = (size_t)(p - (unsigned char *)s->bytes);
  s->slots[j] = tag | (off + 1);
  s->n++;
  return NULL;
}
