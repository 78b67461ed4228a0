/*
 * out.h — buffered output for the back ends, and atomic output files.
 *
 * Back ends write through a jx_out: a byte buffer that is flushed to a file
 * descriptor when it fills (or grows without bound in memory mode, which
 * the unit tests use).  Escaping for each format lives with its back end;
 * this file only moves bytes.
 *
 * An output file is written to a temporary beside its final name and
 * renamed into place only when the whole run succeeded, so a failed or
 * interrupted build never leaves a partial file behind (the rules for
 * links, devices and metadata are below, at jx_outfile).
 */
#ifndef JX_OUT_H
#define JX_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>  /* FILE, for a spool's temporary */
#include <string.h> /* memcpy, for the inline fast paths */

typedef struct jx_out {
  char *buf;
  size_t len, cap;
  int fd;      /* -1: memory mode */
  bool failed; /* a write failed; errno_saved says why */
  int errno_saved;
  /* A spool (jx_out_init_spool): past spool_limit bytes in memory the
   * bytes move to spool_file, an unlinked temporary, and fd is its; 0 and
   * NULL for every other jx_out. */
  size_t spool_limit;
  FILE *spool_file;
} jx_out;

void jx_out_init_fd(jx_out *o, int fd);
void jx_out_init_mem(jx_out *o);
/*
 * A spool: bytes a back end must hold back and write later, in order
 * (emit_c.c keeps a unit's project initialisers until the unit closes, as
 * the array that holds them can only be written then).  It starts as a
 * memory jx_out; once it would hold more than `limit` bytes they go to an
 * unlinked temporary file (tmpfile(): nothing is left behind, even when
 * jxc is killed) and it goes on in fd mode, so the memory it needs stays
 * under about 2 × limit however much it holds.  If no temporary can be
 * made it simply stays in memory.  Read it back with jx_out_take().
 */
void jx_out_init_spool(jx_out *o, size_t limit);
/* Appends everything src holds (a memory jx_out or a spool) to dst and
 * empties src, which can then be written again.  A spool's failure to
 * write or read its temporary makes dst failed, so the driver's one check
 * of its output sees it. */
void jx_out_take(jx_out *dst, jx_out *src);
/* Empties a spool whose bytes have been read (its temporary closed): back
 * in memory, for the next unit may not need a file. */
void jx_out_spool_empty(jx_out *o);
/* Frees the buffer (and closes a spool's temporary). */
void jx_out_free(jx_out *o);
/* The part of a write that does not fit in the buffer (out.c). */
void jx_out_write_slow(jx_out *o, const char *p, size_t n);

/*
 * jx_out_write and jx_out_putc are inline: the back ends call them for
 * every key, bracket and string (tens of millions of times for a 100 MB
 * build), and the common case is a copy into a buffer with room.  In
 * memory mode the allocation has a spare byte, so the same test serves
 * both modes (out.c).
 */
static inline void jx_out_write(jx_out *o, const void *p, size_t n) {
  if (n <= o->cap - o->len) {
    memcpy(o->buf + o->len, p, n);
    o->len += n;
    return;
  }
  jx_out_write_slow(o, p, n);
}

/*
 * a[0..n) == b[0..n), both readable for n bytes: word compares,
 * overlapping at the end, rather than a call to memcmp (jx_memo below
 * compares strings of 4 to 32 bytes).
 */
static inline bool jx_same_bytes(const char *a, const char *b, size_t n) {
  uint64_t x, y;
  uint32_t u, v;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      memcpy(&x, a + i, 8);
      memcpy(&y, b + i, 8);
      if (x != y)
        return false;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    memcpy(&u, a, 4);
    memcpy(&v, b, 4);
    if (u != v)
      return false;
    memcpy(&u, a + n - 4, 4);
    memcpy(&v, b + n - 4, 4);
    return u == v;
  }
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i])
      return false;
  return true;
}

/*
 * A memo of what recently written short strings became in one format
 * (the JSON, C and CSV writers', for the texts that repeat from one
 * shared copy: category codes and labels, kinds, roles).  Direct-mapped
 * on the pointer; a slot keeps a copy of the bytes it was made from, and
 * a hit needs the pointer AND the bytes (length included) to be equal,
 * since an arena reused for the next project can hold other bytes at the
 * same address.  A hit is a strlen, a compare and one copy of constant
 * size.  Zeroed: empty.
 */
enum {
  JX_MEMO_SLOTS = 64,
  JX_MEMO_SRC = 32,
  JX_MEMO_OUT = 4 * JX_MEMO_SRC + 8
};
typedef struct jx_memo_slot {
  const char *key;
  size_t n, out_n;       /* bytes of the string, of what it became */
  char src[JX_MEMO_SRC]; /* the string's bytes */
  char out[JX_MEMO_OUT]; /* what it became */
} jx_memo_slot;
typedef struct jx_memo {
  jx_memo_slot slot[JX_MEMO_SLOTS];
} jx_memo;

static inline jx_memo_slot *jx_memo_slot_of(jx_memo *m, const char *s) {
  uintptr_t h = (uintptr_t)s;
  return &m->slot[(h >> 3 ^ h >> 9) & (JX_MEMO_SLOTS - 1)];
}

/* Writes what s (n == strlen(s)) became, when e holds it and o has
 * `room` bytes free (at least JX_MEMO_OUT: the copy is of that size);
 * false, writing nothing, otherwise. */
static inline bool jx_memo_put(jx_out *o, const jx_memo_slot *e, const char *s,
                               size_t n, size_t room) {
  if (e->key == s && e->n == n && jx_same_bytes(s, e->src, n) &&
      o->cap - o->len >= room) {
    /* Of constant size: two (the JSON and CSV texts fit 32 bytes). */
    if (e->out_n <= 32)
      memcpy(o->buf + o->len, e->out, 32);
    else
      memcpy(o->buf + o->len, e->out, JX_MEMO_OUT);
    o->len += e->out_n;
    return true;
  }
  return false;
}

/* Keeps in e that s (n bytes) became out[0..out_n), when both fit. */
static inline void jx_memo_keep(jx_memo_slot *e, const char *s, size_t n,
                                const char *out, size_t out_n) {
  if (n > JX_MEMO_SRC || out_n > JX_MEMO_OUT)
    return;
  e->key = s;
  e->n = n;
  e->out_n = out_n;
  memcpy(e->src, s, n);
  memcpy(e->out, out, out_n);
}

/*
 * What a writer made of four texts together (an indicator's category
 * columns: codes and labels of its two levels), kept whole and found by
 * the texts' addresses and one more number of the writer's (roles,
 * layout) alone, without their bytes: only for texts whose addresses are
 * keys for as long as the memo lives (backend.h,
 * framework_texts_stable).  An open-addressed table on the fourth
 * address, emptied when three quarters full: with a slot for each hash,
 * which of a framework's texts took each other's place at every
 * indicator was a matter of where the linker (and, run to run, address
 * space randomisation) put them, and a change anywhere in the program
 * could cost a plan of the card's style 10,000 misses.  Zeroed: empty.
 */
enum { JX_BLOCK_SLOTS = 64, JX_BLOCK_OUT = 480 };
typedef struct jx_block_slot {
  const void *key[4];
  long extra;
  size_t n;               /* bytes of out; 0: empty */
  char out[JX_BLOCK_OUT]; /* what the texts became */
} jx_block_slot;
typedef struct jx_blocks {
  jx_block_slot slot[JX_BLOCK_SLOTS];
  size_t used; /* slots not empty */
} jx_blocks;

/* Where the search for a block whose fourth address is k3 starts. */
static inline size_t jx_block_home(const void *k3) {
  uint64_t h = (uint64_t)(uintptr_t)k3 * 0x9E3779B97F4A7C15u;
  _Static_assert(JX_BLOCK_SLOTS == 64, "the home is the hash's top 6 bits");
  return (size_t)(h >> 58);
}

/* Whether e holds what the texts a..d and extra became. */
static inline bool jx_block_holds(const jx_block_slot *e, const void *a,
                                  const void *b, const void *c, const void *d,
                                  long extra) {
  return e->key[3] == d && e->key[2] == c && e->key[1] == b && e->key[0] == a &&
         e->extra == extra && e->n;
}

/* The slot of m that holds what the texts a..d and extra became, or NULL
 * (an empty slot ends the search: the table is never full). */
static inline const jx_block_slot *jx_block_find(const jx_blocks *m,
                                                 const void *a, const void *b,
                                                 const void *c, const void *d,
                                                 long extra) {
  for (size_t i = jx_block_home(d);; i = (i + 1) % JX_BLOCK_SLOTS) {
    const jx_block_slot *e = &m->slot[i];
    if (jx_block_holds(e, a, b, c, d, extra))
      return e;
    if (!e->n)
      return NULL;
  }
}

/* Keeps in m that the texts a..d and extra became out[0..n), when it
 * fits and jx_block_find did not find them. */
static inline void jx_block_keep(jx_blocks *m, const void *a, const void *b,
                                 const void *c, const void *d, long extra,
                                 const char *out, size_t n) {
  if (n == 0 || n > JX_BLOCK_OUT)
    return;
  if (m->used >= JX_BLOCK_SLOTS * 3 / 4) { /* rare: start again */
    for (size_t i = 0; i < JX_BLOCK_SLOTS; i++)
      m->slot[i].n = 0;
    m->used = 0;
  }
  size_t i = jx_block_home(d);
  while (m->slot[i].n)
    i = (i + 1) % JX_BLOCK_SLOTS;
  jx_block_slot *e = &m->slot[i];
  e->key[0] = a;
  e->key[1] = b;
  e->key[2] = c;
  e->key[3] = d;
  e->extra = extra;
  e->n = n;
  memcpy(e->out, out, n);
  m->used++;
}

/*
 * Copies n bytes to d with at most two overlapping moves of a constant
 * size when n <= 16, and memcpy for more: the back ends write many
 * strings of 4 to 16 bytes, for which the call to memcpy cost more than
 * the copy.  The caller has made room.
 */
static inline void jx_copy_short(char *d, const char *s, size_t n) {
  if (n > 16) {
    memcpy(d, s, n);
  } else if (n >= 8) {
    memcpy(d, s, 8);
    memcpy(d + n - 8, s + n - 8, 8);
  } else if (n >= 4) {
    memcpy(d, s, 4);
    memcpy(d + n - 4, s + n - 4, 4);
  } else if (n > 0) {
    d[0] = s[0];
    d[n / 2] = s[n / 2];
    d[n - 1] = s[n - 1];
  }
}

/*
 * Makes room for n more bytes without writing any (fd mode drains the
 * buffer, memory mode grows it; n at most 64 KiB, the fd buffer), so a
 * writer can put several short pieces in after one test (emit_json.c).
 */
void jx_out_reserve_slow(jx_out *o, size_t n);
static inline void jx_out_reserve(jx_out *o, size_t n) {
  if (o->cap - o->len < n)
    jx_out_reserve_slow(o, n);
}
/* n bytes into room jx_out_reserve made, without a test: the JSON, CSV
 * and C writers put a row's short pieces in after one reserve. */
static inline __attribute__((always_inline)) void
jx_out_put_reserved(jx_out *o, const char *p, size_t n) {
  memcpy(o->buf + o->len, p, n);
  o->len += n;
}

static inline void jx_out_putc(jx_out *o, char c) {
  if (o->len < o->cap) {
    o->buf[o->len++] = c;
    return;
  }
  jx_out_write_slow(o, &c, 1);
}

/*
 * The decimal digits of u, written backwards so that they end at `end`;
 * returns where they start (at most JX_DIGITS_MAX bytes before end).  Two
 * digits at a time from a table: the back ends write a number in every
 * few fields, and a digit loop's divisions were a visible part of them.
 */
#define JX_DIGITS_MAX 20
extern const char jx_digit_pairs[201];
static inline char *jx_digits(char *end, unsigned long long u) {
  char *p = end;
  while (u > 0xFFFFFFFFu) { /* rare: a division of 64 bits */
    unsigned r = (unsigned)(u % 100);
    u /= 100;
    p -= 2;
    memcpy(p, jx_digit_pairs + 2 * r, 2);
  }
  /* the rest in 32 bits, whose division by 100 is a cheaper multiply */
  unsigned v = (unsigned)u;
  while (v >= 100) {
    unsigned r = v % 100;
    v /= 100;
    p -= 2;
    memcpy(p, jx_digit_pairs + 2 * r, 2);
  }
  u = v;
  if (u >= 10) {
    p -= 2;
    memcpy(p, jx_digit_pairs + 2 * u, 2);
  } else {
    *--p = (char)('0' + u);
  }
  return p;
}

void jx_out_puts(jx_out *o, const char *s);
void jx_out_printf(jx_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Writes everything buffered; returns 0, or -1 with o->errno_saved set. */
int jx_out_flush(jx_out *o);
/* Memory mode: the bytes written so far (NUL-terminated). */
const char *jx_out_data(jx_out *o, size_t *len);

/*
 * An output file: `jxc build -o FILE` and `jxc fmt -w FILE` (docs/cli.md,
 * "Output files", says the same for users).
 *
 * - A regular file, or a name that does not exist yet, is written to a
 *   temporary beside it (".NAME.XXXXXX", same directory, so the same file
 *   system) and renamed over it on commit: the old file stays whole until
 *   the new one is complete.
 * - A symbolic link is followed, link by link, to the file it names; that
 *   file is replaced and the link stays a link.  A dangling link creates
 *   its target.
 * - An existing file keeps its mode bits exactly, and its owner and group
 *   where the user may set them (root; the group for a member of it).
 *   jxc refuses what an in-place edit would be refused: a file this user
 *   may not open for writing fails with "Permission denied" and is left
 *   alone.  Other hard links to it keep the old content (rename gives the
 *   name a new inode).
 * - Anything else that exists — a device such as /dev/null, a FIFO — is
 *   opened and written directly, as `cc -o /dev/null` does; nothing is
 *   renamed over it (JX_OUTFILE_REGULAR refuses it instead).
 *
 * While a temporary exists it is in a small registry: SIGHUP, SIGINT,
 * SIGPIPE and SIGTERM remove it and then kill jxc by the same signal, and
 * running out of memory (arena.c) removes it before exiting with status 2.
 */
/* What went wrong, for a diagnostic in the user's language (the
 * write-error rows of diag_codes.def); `error` says the same in English. */
typedef enum jx_outfile_why {
  JX_OUTFILE_ERRNO,       /* err says it all */
  JX_OUTFILE_NOT_REGULAR, /* JX_OUTFILE_REGULAR, and it is a device */
  JX_OUTFILE_STDOUT,      /* "-" is the driver's business */
  JX_OUTFILE_TEMP,        /* no temporary could be made in `where` */
  JX_OUTFILE_MODE         /* the mode of `where` (the temporary) */
} jx_outfile_why;

typedef struct jx_outfile {
  char *path;  /* the file written (links followed); NULL when not open */
  char *tmp;   /* the temporary; NULL when writing straight to a device */
  int fd;      /* where to write; -1 when not open */
  char *error; /* after a failure: why, for "cannot write NAME: ERROR" */
  /* after a failure, the same as data: */
  jx_outfile_why why;
  int err;     /* the errno value */
  char *where; /* the directory or temporary named, or NULL */
} jx_outfile;

/* jx_outfile_open flags. */
enum {
  JX_OUTFILE_REGULAR = 1 /* only a regular file (or none): fmt -w */
};

/* Opens path for writing as above.  Returns 0, or -1 with errno and
 * f->error set.  Either way the caller ends with jx_outfile_abort(). */
int jx_outfile_open(jx_outfile *f, const char *path, int flags);
/* fsyncs, closes and renames into place; returns 0, or -1 with errno and
 * f->error set (the temporary is removed). */
int jx_outfile_commit(jx_outfile *f);
/* Closes and removes the temporary if it was not committed, and frees
 * what f holds.  Safe on a zeroed or failed jx_outfile, after a commit,
 * and twice: the driver calls it on every exit path. */
void jx_outfile_abort(jx_outfile *f);

/* Whether path names something that exists and is neither a regular file
 * nor a directory (symbolic links followed): a device, a FIFO, a socket. */
bool jx_outfile_is_special(const char *path);
/* The index of the first of the n inputs that is the same file (device
 * and inode, links followed) as output, or -1.  "-" is standard input.
 * A character device (/dev/null, a terminal) is never "the same": reading
 * and writing one loses nothing.  A name that cannot be examined is
 * skipped: reading it reports the problem. */
int jx_outfile_same_input(const char *output, const char *const *inputs, int n);
/* Removes every live temporary.  Async-signal-safe: the signal handler
 * and the out-of-memory exit call it. */
void jx_outfile_remove_all(void);

#endif
