/*
 * strmap.h — a string-keyed multimap of indices, for matching in linear
 * time: the loader finds a unit declared again by its code, jxc diff pairs
 * units, projects, indicators, goals and measures of two plans.
 *
 * Each key holds its values in the order they were added (first in, first
 * out), so that two projects of one name pair up in order of declaration.
 */
#ifndef JX_STRMAP_H
#define JX_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct jx_strmap jx_strmap;

/* expect: about how many keys (a hint; the map grows). */
jx_strmap *jx_strmap_new(size_t expect);
void jx_strmap_free(jx_strmap *m); /* NULL is fine */
/* Adds value under key (the key is not copied: it must outlive the map). */
void jx_strmap_add(jx_strmap *m, const char *key, size_t value);
/* The oldest value under key for which avail(ud, value) is true, removed
 * from the map; values passed over because they are unavailable are
 * dropped too, so every value is looked at once.  SIZE_MAX if none.
 * avail may be NULL (everything is available). */
size_t jx_strmap_take(jx_strmap *m, const char *key,
                      bool (*avail)(void *ud, size_t value), void *ud);
/* The oldest value under key, left in place; SIZE_MAX if none. */
size_t jx_strmap_get(const jx_strmap *m, const char *key);

#endif
