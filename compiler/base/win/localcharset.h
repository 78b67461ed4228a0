/*
 * localcharset.h — for the Windows build only: freexl includes it on
 * mingw and uses nothing from it.
 */
#ifndef JX_WIN_LOCALCHARSET_H
#define JX_WIN_LOCALCHARSET_H

const char *locale_charset(void);

#endif
