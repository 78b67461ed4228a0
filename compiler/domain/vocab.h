/*
 * vocab.h — the language's vocabulary (vocab.def) as lookups.
 *
 * Every word and sign with a fixed spelling (keywords, operators,
 * punctuation, month names) is a jx_kw.  The lexer matches a word by its
 * characters and asks jx_vocab_find which entry, if any, the text spells;
 * tools print an entry with jx_keyword in English or Chinese.  Nothing
 * here knows bison's token numbers: grammar/ maps jx_kw to tokens with the
 * same X-macros.
 */
#ifndef JX_VOCAB_H
#define JX_VOCAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "jixiao.h"

/* Keywords first, in vocab.def's order, then operators, punctuation and
 * the month token. */
typedef enum jx_kw {
#define JX_KEYWORD(tok, en, zh) JX_KW_##tok,
#include "vocab.def"
#define JX_OPERATOR(tok, op, en, zh) JX_KW_##tok,
#define JX_PUNCT(tok, en, zh) JX_KW_##tok,
#include "vocab.def"
  JX_KW_MONTH,
  JX_KW_COUNT
} jx_kw;

/* The canonical spelling of k that fmt writes: English (zh false) or
 * Chinese.  "" for JX_KW_MONTH (see jx_month_name) and out-of-range k. */
const char *jx_keyword(jx_kw k, bool zh);
/* Is k a keyword (not an operator, a mark or a month)? */
bool jx_kw_is_keyword(jx_kw k);

/* The keyword spelling nearest to word by edit distance (in the language
 * of its spelling), or NULL when none is close enough to be a typo. */
const char *jx_keyword_suggest(const char *word);

/* The operator's entry (JX_OP_GE -> JX_KW_GE) and back. */
jx_kw jx_op_kw(jx_op op);
/* "mar" or "3月底" for month 1-12; NULL for any other m. */
const char *jx_month_name(int m, bool zh);
/* Words for value kinds and dimensions (vocab.def); "" when out of range. */
const char *jx_kind_word(jx_kind k, bool zh);
const char *jx_dimension_word(jx_dimension d, bool zh);

/* A role word (either language) and the levels it is valid at (bit 1:
 * level 1, bit 2: level 2); returns its row in vocab.def's role list, or
 * -1.  jx_role_word gives row i's word back. */
int jx_vocab_role_find(const char *word, unsigned *levels);
const char *jx_vocab_role_word(int i, bool zh);

/* ---- Comparisons written after a value (JX_POSTFIX rows) --------------- */

/* What a postfix word means: 90%以上 is ≥, 3个工作日内 is ≤, 9月前 is a
 * deadline (≤ on a date or a month). */
typedef enum jx_postfix {
  JX_POST_NONE = 0,
  JX_POST_GE,
  JX_POST_LE,
  JX_POST_BEFORE
} jx_postfix;

typedef struct jx_vocab_postfix_row {
  const char *text;
  uint8_t len;
  uint8_t kind; /* jx_postfix */
} jx_vocab_postfix_row;

extern const jx_vocab_postfix_row jx_vocab_postfixes[];
extern const size_t jx_vocab_n_postfixes;

/* The comparison a postfix means (BEFORE: a deadline, ≤). */
jx_op jx_postfix_op(jx_postfix p);

/* ---- Looking a spelling up (the lexer, per word) ----------------------- */

/* One accepted spelling (vocab.def: canonical ones and JX_SPELLING). */
typedef struct jx_vocab_spelling {
  const char *text;
  uint8_t len;
  uint8_t kw;    /* jx_kw */
  uint8_t month; /* 1-12 for a month name, else 0 */
} jx_vocab_spelling;

extern const jx_vocab_spelling jx_vocab_spellings[];
extern const size_t jx_vocab_n_spellings;

/* Longest spelling, in bytes: a longer word is looked up no further. */
#define JX_VOCAB_MAX_LEN 32
#define JX_VOCAB_SLOTS 1024

/* A slot of the index: a spelling's key (jx_vocab_key) and length beside
 * its number, so that a probe reads one slot and compares two words,
 * without following the spelling's pointer (but for the middle bytes of
 * a spelling longer than 8). */
typedef struct jx_vocab_slot {
  uint64_t key;
  uint16_t spelling; /* index into jx_vocab_spellings + 1; 0: empty */
  uint8_t len;
} jx_vocab_slot;

/* An open-addressing table of the spellings, at most a quarter full.  It
 * is built per scanner (jx_vocab_index_init: a few microseconds), so no
 * state is shared between parses. */
typedef struct jx_vocab_index {
  jx_vocab_slot slot[JX_VOCAB_SLOTS];
  /* The one-byte spellings (';', '{', '=', …: most tokens of a plan are
   * marks) by their byte, without hashing; the same numbering. */
  uint16_t ascii[128];
  /* Bit b set: some postfix word ends in byte b.  Most units (人, %, 万元)
   * are told from a postfix word by their last byte alone. */
  uint8_t post_last[32];
} jx_vocab_index;

void jx_vocab_index_init(jx_vocab_index *ix);

/* Unaligned loads of 4 and 8 bytes (memcpy compiles to one move). */
static inline uint32_t jx_vocab_load4(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

static inline uint64_t jx_vocab_load8(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* The first and last four bytes of s (overlapping when shorter than
 * eight; never past the end); with the length, all of a spelling of up to
 * 8 bytes.  Never 0 (no spelling holds a NUL), so an empty slot's key
 * matches nothing. */
static inline uint64_t jx_vocab_key(const unsigned char *s, size_t n) {
  if (n >= 4)
    return (uint64_t)jx_vocab_load4(s) << 32 | jx_vocab_load4(s + n - 4);
  return (uint64_t)s[0] << 16 | (uint64_t)s[n / 2] << 8 | s[n - 1];
}

/* The slot a key of length n starts at: one multiplication, whose top
 * bits depend on every bit of the key.  The multiplier is one of 200,000
 * random ones tried on vocab.def's spellings, with which every spelling
 * is found in its first slot or the next (the golden ratio's needs 5);
 * any odd one is correct, and test_vocab checks that no lookup probes
 * more than 4 slots. */
static inline uint32_t jx_vocab_hash(uint64_t key, size_t n) {
  return (uint32_t)(((key ^ n) * 0x46E1ED3397C2F889ull) >> 54);
}

/* a and b hold the same n bytes (1 <= n <= JX_VOCAB_MAX_LEN), compared in
 * overlapping words that stay inside both. */
static inline bool jx_vocab_same(const unsigned char *a, const unsigned char *b,
                                 size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      if (jx_vocab_load8(a + i) != jx_vocab_load8(b + i))
        return false;
    return jx_vocab_load8(a + n - 8) == jx_vocab_load8(b + n - 8);
  }
  if (n >= 4)
    return jx_vocab_load4(a) == jx_vocab_load4(b) &&
           jx_vocab_load4(a + n - 4) == jx_vocab_load4(b + n - 4);
  /* 1-3 bytes: the first, the middle and the last are all of them */
  return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

/* The entry that the n bytes at s spell, exactly and whole, or NULL. */
static inline __attribute__((always_inline)) const jx_vocab_spelling *
jx_vocab_find(const jx_vocab_index *ix, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n == 1) {
    unsigned k = u[0] < 128 ? ix->ascii[u[0]] : 0;
    return k ? &jx_vocab_spellings[k - 1] : NULL;
  }
  if (n == 0 || n > JX_VOCAB_MAX_LEN)
    return NULL;
  uint64_t key = jx_vocab_key(u, n);
  for (uint32_t j = jx_vocab_hash(key, n);;
       j = (j + 1) & (JX_VOCAB_SLOTS - 1)) {
    const jx_vocab_slot *sl = &ix->slot[j];
    if (sl->key == key && sl->len == n) {
      const jx_vocab_spelling *e = &jx_vocab_spellings[sl->spelling - 1];
      /* the key is all of a spelling up to 8 bytes; past that, the middle */
      if (n <= 8 ||
          jx_vocab_same((const unsigned char *)e->text + 4, u + 4, n - 8))
        return e;
    } else if (sl->spelling == 0) {
      return NULL;
    }
  }
}

/* The postfix word that the n bytes at s end with (the longest), and its
 * length in *len; JX_POST_NONE when there is none. */
jx_postfix jx_vocab_postfix_slow(const char *s, size_t n, size_t *len);

static inline jx_postfix jx_vocab_postfix(const jx_vocab_index *ix,
                                          const char *s, size_t n,
                                          size_t *len) {
  unsigned char c = n ? (unsigned char)s[n - 1] : 0;
  if (!(ix->post_last[c >> 3] & (1u << (c & 7))))
    return JX_POST_NONE;
  return jx_vocab_postfix_slow(s, n, len);
}

#endif
