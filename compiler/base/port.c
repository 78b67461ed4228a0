/*
 * port.c — see port.h.  The POSIX half is the calls jxc always made (the
 * link following, metadata and signal code came here from out.c, the
 * descriptor limit and the poll from source.c, unchanged); the Windows
 * half gives each the nearest Windows meaning, with UTF-8 names turned
 * into UTF-16 for the wide ("W") system calls.
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700 /* realpath */
#endif
#include "port.h"

#include "arena.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifndef _WIN32

#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

void jx_port_init(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
}

int jx_open(const char *path, int flags, int mode) {
  return open(path, flags, (mode_t)mode);
}

FILE *jx_fopen(const char *path, const char *mode) {
  return fopen(path, mode);
}

int jx_stat(const char *path, jx_stat_t *st) {
  return stat(path, st);
}

int jx_fstat(int fd, jx_stat_t *st) {
  return fstat(fd, st);
}

bool jx_same_file(const jx_stat_t *a, const jx_stat_t *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

int jx_unlink(const char *path) {
  return unlink(path);
}

int jx_replace(const char *from, const char *to) {
  return rename(from, to);
}

int jx_fsync(int fd) {
  return fsync(fd);
}

int jx_mkstemp(char *tmpl) {
  return mkstemp(tmpl);
}

char *jx_tmpdir(void) {
  const char *dir = getenv("TMPDIR");
  if (!dir || !*dir)
    dir = "/tmp";
  size_t n = strlen(dir) + 1;
  return memcpy(jx_xmalloc(n), dir, n);
}

int jx_dup_private(int fd) {
  return fcntl(fd, F_DUPFD_CLOEXEC, 0);
}

ssize_t jx_pread(int fd, void *buf, size_t n, uint64_t at) {
  if ((uint64_t)(off_t)at != at || (off_t)at < 0) {
    errno = EOVERFLOW;
    return -1;
  }
  return pread(fd, buf, n, (off_t)at);
}

bool jx_wait_readable(int fd) {
  struct pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, -1) >= 0 || errno == EINTR;
}

/* Holding every input open from the start needs a descriptor per input
 * (and one per regular file for the diagnostics engine): raise the soft
 * limit to the hard one, as far as it goes, when many are given. */
void jx_want_descriptors(int n) {
  struct rlimit r;
  if (getrlimit(RLIMIT_NOFILE, &r) != 0)
    return;
  rlim_t need = (rlim_t)n * 2 + 64;
  if (r.rlim_cur == RLIM_INFINITY || r.rlim_cur >= need)
    return;
  r.rlim_cur =
      r.rlim_max == RLIM_INFINITY || r.rlim_max > need ? need : r.rlim_max;
  setrlimit(RLIMIT_NOFILE, &r); /* best effort: open() reports the rest */
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(jx_xmalloc(n), s, n);
}

size_t jx_dir_len(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? (size_t)(slash - path) + 1 : 0;
}

/* The contents of the symbolic link at path (caller frees), or NULL with
 * errno set.  st_size is only a hint: it is 0 for /proc's links. */
static char *read_link(const char *path, size_t hint) {
  size_t cap = hint + 1 > 64 ? hint + 1 : 64;
  for (;;) {
    char *buf = jx_xmalloc(cap);
    ssize_t n = readlink(path, buf, cap);
    if (n < 0) {
      int e = errno;
      free(buf);
      errno = e;
      return NULL;
    }
    if ((size_t)n < cap) {
      buf[n] = '\0';
      return buf;
    }
    free(buf);
    cap *= 2;
  }
}

char *jx_resolve_links(const char *path) {
  char *cur = xstrdup(path);
  for (int hops = 0;; hops++) {
    struct stat st;
    if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
      return cur;     /* the file, or where it will be; open reports errors */
    if (hops == 40) { /* the kernel's own limit */
      free(cur);
      errno = ELOOP;
      return NULL;
    }
    char *to = read_link(cur, (size_t)st.st_size);
    if (!to) {
      int e = errno;
      free(cur);
      errno = e;
      return NULL;
    }
    size_t dl = to[0] == '/' ? 0 : jx_dir_len(cur);
    char *next = jx_xmalloc(dl + strlen(to) + 1);
    memcpy(next, cur, dl);
    strcpy(next + dl, to);
    free(to);
    free(cur);
    cur = next;
  }
}

char *jx_realpath(const char *path) {
  return realpath(path, NULL);
}

int jx_copy_metadata(int fd, const jx_stat_t *old) {
  mode_t mode;
  if (old) {
    /* Owner first: chown clears the set-user-ID bit, chmod sets it back.
     * Only root may give a file away; a member of the old group may still
     * keep the group.  Neither is an error when not permitted. */
    if (fchown(fd, old->st_uid, old->st_gid) != 0 &&
        fchown(fd, (uid_t)-1, old->st_gid) != 0) {
      /* the new file keeps this user's owner and group */
    }
    mode = old->st_mode & 07777;
  } else {
    /* Reading the umask means setting it; put it straight back (jxc is
     * single-threaded). */
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  return fchmod(fd, mode);
}

/* ---- Signals --------------------------------------------------------- */

static void (*fatal_cleanup)(void);

/* The signals that clean up and then kill jxc as they would have. */
static const int fatal_signals[] = {SIGHUP, SIGINT, SIGPIPE, SIGTERM};
#define N_FATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static void fatal_set(sigset_t *s) {
  sigemptyset(s);
  for (size_t i = 0; i < N_FATAL; i++)
    sigaddset(s, fatal_signals[i]);
}

void jx_port_block(jx_port_mask *old) {
  sigset_t s;
  fatal_set(&s);
  sigprocmask(SIG_BLOCK, &s, &old->set);
}

void jx_port_unblock(const jx_port_mask *old) {
  sigprocmask(SIG_SETMASK, &old->set, NULL);
}

/* Cleans up, then lets the signal do what it would have done without us:
 * with the default action restored and the signal raised again (it stays
 * blocked until the handler returns), jxc dies by it, and the shell sees
 * 128 + the signal number (130 for SIGINT). */
static void on_fatal_signal(int sig) {
  int e = errno;
  if (fatal_cleanup)
    fatal_cleanup();
  struct sigaction dfl;
  dfl.sa_handler = SIG_DFL;
  dfl.sa_flags = 0;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, NULL);
  raise(sig);
  errno = e;
}

void jx_port_on_fatal(void (*cleanup)(void)) {
  if (fatal_cleanup)
    return;
  fatal_cleanup = cleanup;
  struct sigaction sa, old;
  sa.sa_handler = on_fatal_signal;
  sa.sa_flags = 0;
  fatal_set(&sa.sa_mask);
  for (size_t i = 0; i < N_FATAL; i++) {
    if (sigaction(fatal_signals[i], NULL, &old) != 0 ||
        (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL)
      continue;
    sigaction(fatal_signals[i], &sa, NULL);
  }
  if (sigaction(SIGXFSZ, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) &&
      old.sa_handler == SIG_DFL) {
    sa.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &sa, NULL);
  }
}

#else /* _WIN32 */

#include <io.h>
#include <limits.h>
#include <signal.h>
#include <wchar.h>
#include <windows.h>

/* ---- Names: UTF-8 for jxc, UTF-16 for Windows ------------------------ */

/* The system's error code as the nearest errno value. */
static int errno_of(DWORD e) {
  switch (e) {
  case ERROR_FILE_NOT_FOUND:
  case ERROR_PATH_NOT_FOUND:
  case ERROR_INVALID_DRIVE:
  case ERROR_BAD_NETPATH:
  case ERROR_BAD_NET_NAME:
  case ERROR_DIRECTORY:
    return ENOENT;
  case ERROR_ACCESS_DENIED:
  case ERROR_SHARING_VIOLATION:
  case ERROR_LOCK_VIOLATION:
  case ERROR_WRITE_PROTECT:
  case ERROR_PRIVILEGE_NOT_HELD:
    return EACCES;
  case ERROR_FILE_EXISTS:
  case ERROR_ALREADY_EXISTS:
    return EEXIST;
  case ERROR_DISK_FULL:
  case ERROR_HANDLE_DISK_FULL:
    return ENOSPC;
  case ERROR_FILENAME_EXCED_RANGE:
    return ENAMETOOLONG;
  case ERROR_NOT_SAME_DEVICE:
    return EXDEV;
  case ERROR_TOO_MANY_OPEN_FILES:
    return EMFILE;
  case ERROR_NOT_ENOUGH_MEMORY:
  case ERROR_OUTOFMEMORY:
    return ENOMEM;
  case ERROR_INVALID_HANDLE:
    return EBADF;
  case ERROR_BROKEN_PIPE:
  case ERROR_NO_DATA:
    return EPIPE;
  case ERROR_CANT_RESOLVE_FILENAME:
    return ELOOP;
  case ERROR_INVALID_NAME:
  case ERROR_INVALID_PARAMETER:
  case ERROR_INVALID_FUNCTION:
  default:
    return EINVAL;
  }
}

static int fail_last(void) {
  errno = errno_of(GetLastError());
  return -1;
}

/* path as UTF-16 (caller frees), or NULL with errno set: a name that is
 * not UTF-8 cannot name a file here. */
static wchar_t *wide(const char *path) {
  int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
  if (n <= 0) {
    errno = ENOENT;
    return NULL;
  }
  wchar_t *w = jx_xmalloc((size_t)n * sizeof *w);
  MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w, n);
  return w;
}

/* s as UTF-8 (caller frees). */
static char *narrow(const wchar_t *s) {
  int n = WideCharToMultiByte(CP_UTF8, 0, s, -1, NULL, 0, NULL, NULL);
  char *p = jx_xmalloc(n > 0 ? (size_t)n : 1);
  p[0] = '\0';
  if (n > 0)
    WideCharToMultiByte(CP_UTF8, 0, s, -1, p, n, NULL, NULL);
  return p;
}

static UINT console_out_cp, console_in_cp;
static BOOL WINAPI on_console_event(DWORD event);

static void restore_console(void) {
  if (console_out_cp)
    SetConsoleOutputCP(console_out_cp);
  if (console_in_cp)
    SetConsoleCP(console_in_cp);
}

/* Colours: the console understands the escapes jxc writes once asked to. */
static void enable_escapes(DWORD which) {
  HANDLE h = GetStdHandle(which);
  DWORD mode;
  if (h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode))
    SetConsoleMode(h, mode | 0x0004 /* ENABLE_VIRTUAL_TERMINAL_PROCESSING */);
}

void jx_port_init(int *argc, char ***argv) {
  int n = 0;
  wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);
  if (w && n > 0) {
    /* Kept for the life of the process, as the C library's argv is. */
    char **v = jx_xcalloc((size_t)n + 1, sizeof *v);
    for (int i = 0; i < n; i++)
      v[i] = narrow(w[i]);
    LocalFree(w);
    *argc = n;
    *argv = v;
  }
  _setmode(0, _O_BINARY);
  _setmode(1, _O_BINARY);
  _setmode(2, _O_BINARY);
  console_out_cp = GetConsoleOutputCP();
  console_in_cp = GetConsoleCP();
  if (console_out_cp || console_in_cp) {
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    atexit(restore_console);
  }
  SetConsoleCtrlHandler(on_console_event, TRUE);
  enable_escapes(STD_OUTPUT_HANDLE);
  enable_escapes(STD_ERROR_HANDLE);
}

/* ---- Files ----------------------------------------------------------- */

int jx_open(const char *path, int flags, int mode) {
  wchar_t *w = wide(path);
  if (!w)
    return -1;
  int acc = flags & (O_RDONLY | O_WRONLY | O_RDWR);
  DWORD access = acc == O_WRONLY ? GENERIC_WRITE
                 : acc == O_RDWR ? GENERIC_READ | GENERIC_WRITE
                                 : GENERIC_READ;
  DWORD disp;
  if (flags & O_CREAT)
    disp = (flags & O_EXCL)    ? CREATE_NEW
           : (flags & O_TRUNC) ? CREATE_ALWAYS
                               : OPEN_ALWAYS;
  else
    disp = (flags & O_TRUNC) ? TRUNCATE_EXISTING : OPEN_EXISTING;
  DWORD attrs = FILE_ATTRIBUTE_NORMAL;
  if ((flags & O_CREAT) && !(mode & 0222))
    attrs = FILE_ATTRIBUTE_READONLY;
  /* Backup semantics let a directory be opened, so that reading one says
   * "Is a directory" rather than "Permission denied". */
  HANDLE h = CreateFileW(w, access,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                         NULL, disp, attrs | FILE_FLAG_BACKUP_SEMANTICS, NULL);
  free(w);
  if (h == INVALID_HANDLE_VALUE)
    return fail_last();
  int fd = _open_osfhandle((intptr_t)h, acc == O_RDONLY      ? _O_RDONLY
                                        : (flags & O_APPEND) ? acc | _O_APPEND
                                                             : acc);
  if (fd < 0) {
    CloseHandle(h);
    errno = EMFILE;
  }
  return fd;
}

FILE *jx_fopen(const char *path, const char *mode) {
  wchar_t *w = wide(path), *m = wide(mode);
  FILE *f = w && m ? _wfopen(w, m) : NULL;
  free(w);
  free(m);
  return f;
}

/* What a handle is, as stat(2) would say it.  The ...ByHandleEx classes
 * rather than GetFileInformationByHandle, which Wine refuses on a
 * standard input redirected from a file (ERROR_INVALID_HANDLE). */
static int stat_handle(HANDLE h, jx_stat_t *st) {
  memset(st, 0, sizeof *st);
  DWORD type = GetFileType(h);
  if (type == FILE_TYPE_CHAR) {
    st->st_mode = S_IFCHR | 0666;
    return 0;
  }
  if (type == FILE_TYPE_PIPE) {
    st->st_mode = _S_IFIFO | 0666;
    return 0;
  }
  FILE_STANDARD_INFO si;
  FILE_BASIC_INFO bi;
  if (!GetFileInformationByHandleEx(h, FileStandardInfo, &si, sizeof si) ||
      !GetFileInformationByHandleEx(h, FileBasicInfo, &bi, sizeof bi))
    return fail_last();
  st->st_mode = (si.Directory ? S_IFDIR | 0777 : S_IFREG | 0666) &
                ~(bi.FileAttributes & FILE_ATTRIBUTE_READONLY ? 0222 : 0);
  st->st_size = (int64_t)si.EndOfFile.QuadPart;
  /* The file's identity: the volume and the 128-bit file id (ReFS needs
   * all of it), folded to 64 bits; else (Windows 7) the 64-bit index.
   * Neither: an identity no other file has, so nothing is taken for the
   * same file as an input by mistake. */
  FILE_ID_INFO ii;
  BY_HANDLE_FILE_INFORMATION fi;
  if (GetFileInformationByHandleEx(h, FileIdInfo, &ii, sizeof ii)) {
    uint64_t lo, hi;
    memcpy(&lo, ii.FileId.Identifier, 8);
    memcpy(&hi, ii.FileId.Identifier + 8, 8);
    st->st_dev = ii.VolumeSerialNumber;
    st->st_ino = lo ^ (hi * 0x9E3779B97F4A7C15u);
  } else if (GetFileInformationByHandle(h, &fi)) {
    st->st_dev = fi.dwVolumeSerialNumber;
    st->st_ino = ((uint64_t)fi.nFileIndexHigh << 32) | fi.nFileIndexLow;
  } else {
    static uint64_t unknown;
    st->st_dev = UINT64_MAX;
    st->st_ino = UINT64_MAX - ++unknown;
  }
  return 0;
}

int jx_stat(const char *path, jx_stat_t *st) {
  wchar_t *w = wide(path);
  if (!w)
    return -1;
  /* No access asked for: only the metadata is read. */
  HANDLE h =
      CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                  NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
  free(w);
  if (h == INVALID_HANDLE_VALUE)
    return fail_last();
  int r = stat_handle(h, st);
  int e = errno;
  CloseHandle(h);
  errno = e;
  return r;
}

int jx_fstat(int fd, jx_stat_t *st) {
  HANDLE h = (HANDLE)_get_osfhandle(fd);
  if (h == INVALID_HANDLE_VALUE) {
    errno = EBADF;
    return -1;
  }
  return stat_handle(h, st);
}

bool jx_same_file(const jx_stat_t *a, const jx_stat_t *b) {
  return a->st_ino == b->st_ino &&
         (a->st_dev == b->st_dev || a->st_dev == 0 || b->st_dev == 0);
}

/* No allocation: the out-of-memory exit and the Ctrl-C handler call it. */
int jx_unlink(const char *path) {
  wchar_t w[32768];
  if (MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w, 32768) <=
      0) {
    errno = ENOENT;
    return -1;
  }
  return DeleteFileW(w) ? 0 : fail_last();
}

int jx_replace(const char *from, const char *to) {
  wchar_t *wf = wide(from), *wt = wide(to);
  BOOL ok = FALSE;
  if (wf && wt) {
    DWORD attrs = GetFileAttributesW(wt);
    if (attrs != INVALID_FILE_ATTRIBUTES && !(attrs & FILE_ATTRIBUTE_DIRECTORY))
      ok = ReplaceFileW(wt, wf, NULL, REPLACEFILE_IGNORE_MERGE_ERRORS, NULL,
                        NULL);
    /* No file to replace, or ReplaceFileW refused (a file system without
     * its support; the replaced file is then untouched): move over it. */
    if (!ok)
      ok = MoveFileExW(wf, wt,
                       MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
  }
  DWORD e = GetLastError();
  free(wf);
  free(wt);
  if (ok)
    return 0;
  errno = errno_of(e);
  return -1;
}

int jx_fsync(int fd) {
  HANDLE h = (HANDLE)_get_osfhandle(fd);
  if (h == INVALID_HANDLE_VALUE) {
    errno = EBADF;
    return -1;
  }
  if (GetFileType(h) != FILE_TYPE_DISK)
    return 0;
  return FlushFileBuffers(h) ? 0 : fail_last();
}

int jx_mkstemp(char *tmpl) {
  size_t n = strlen(tmpl);
  if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) {
    errno = EINVAL;
    return -1;
  }
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  static uint64_t counter;
  /* Names differ by process, time and attempt; O_EXCL settles a clash.
   * Lower case only: Windows names ignore case. */
  uint64_t seed = ((uint64_t)GetCurrentProcessId() << 32) ^ GetTickCount64();
  for (int attempt = 0; attempt < 100; attempt++) {
    uint64_t v = (seed + counter++ * 0x9E3779B97F4A7C15u) * 0xBF58476D1CE4E5B9u;
    for (int i = 0; i < 6; i++) {
      tmpl[n - 6 + i] = letters[v % 36];
      v /= 36;
    }
    int fd = jx_open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  errno = EEXIST;
  return -1;
}

char *jx_tmpdir(void) {
  wchar_t buf[MAX_PATH + 2];
  DWORD n = GetTempPathW(MAX_PATH + 1, buf);
  if (n == 0 || n > MAX_PATH + 1) {
    char *p = jx_xmalloc(2);
    strcpy(p, ".");
    return p;
  }
  while (n > 1 && (buf[n - 1] == L'\\' || buf[n - 1] == L'/'))
    buf[--n] = 0;
  return narrow(buf);
}

int jx_dup_private(int fd) {
  return _dup(fd);
}

/* A duplicate shares the file's position with the descriptor the input is
 * read from, so the position is put back after the read. */
ssize_t jx_pread(int fd, void *buf, size_t n, uint64_t at) {
  if (at > INT64_MAX) {
    errno = EOVERFLOW;
    return -1;
  }
  long long pos = _lseeki64(fd, 0, SEEK_CUR);
  if (pos < 0 || _lseeki64(fd, (long long)at, SEEK_SET) < 0)
    return -1;
  int r = _read(fd, buf, n > 1u << 30 ? 1u << 30 : (unsigned)n);
  int e = errno;
  _lseeki64(fd, pos, SEEK_SET);
  errno = e;
  return r;
}

bool jx_wait_readable(int fd) {
  (void)fd;
  return false; /* descriptors do not say EAGAIN here */
}

void jx_want_descriptors(int n) {
  (void)n; /* the C library's table holds 2048 */
}

size_t jx_dir_len(const char *path) {
  size_t n = 0;
  for (size_t i = 0; path[i]; i++)
    if (path[i] == '/' || path[i] == '\\' || (i == 1 && path[i] == ':'))
      n = i + 1;
  return n;
}

char *jx_resolve_links(const char *path) {
  wchar_t *w = wide(path);
  if (!w)
    return NULL;
  DWORD attrs = GetFileAttributesW(w);
  char *out = NULL;
  if (attrs != INVALID_FILE_ATTRIBUTES &&
      (attrs & FILE_ATTRIBUTE_REPARSE_POINT)) {
    HANDLE h = CreateFileW(
        w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
        OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (h != INVALID_HANDLE_VALUE) {
      wchar_t buf[32768];
      DWORD n = GetFinalPathNameByHandleW(h, buf, 32768, FILE_NAME_NORMALIZED);
      CloseHandle(h);
      if (n > 0 && n < 32768) {
        /* \\?\C:\x is C:\x, and \\?\UNC\host\x is \\host\x. */
        wchar_t *p = buf;
        if (wcsncmp(p, L"\\\\?\\UNC\\", 8) == 0) {
          p += 6;
          p[0] = L'\\';
        } else if (wcsncmp(p, L"\\\\?\\", 4) == 0) {
          p += 4;
        }
        out = narrow(p);
      }
    }
  }
  free(w);
  if (!out) {
    size_t n = strlen(path) + 1;
    out = memcpy(jx_xmalloc(n), path, n);
  }
  return out;
}

char *jx_realpath(const char *path) {
  wchar_t *w = wide(path);
  if (!w)
    return NULL;
  char *out = NULL;
  DWORD attrs = GetFileAttributesW(w);
  wchar_t buf[32768];
  DWORD n = attrs == INVALID_FILE_ATTRIBUTES
                ? 0
                : GetFullPathNameW(w, 32768, buf, NULL);
  free(w);
  if (n > 0 && n < 32768)
    out = narrow(buf);
  else
    errno = ENOENT;
  return out;
}

int jx_copy_metadata(int fd, const jx_stat_t *old) {
  (void)fd;
  (void)old;
  return 0;
}

/* ---- Ctrl-C ---------------------------------------------------------- */

/* The handler runs on a thread of its own, so "blocking" it means a lock
 * it must take too. */
static SRWLOCK fatal_lock = SRWLOCK_INIT;
static void (*volatile fatal_cleanup)(void);

static BOOL WINAPI on_console_event(DWORD event) {
  (void)event;
  AcquireSRWLockExclusive(&fatal_lock);
  if (fatal_cleanup)
    fatal_cleanup();
  ReleaseSRWLockExclusive(&fatal_lock);
  restore_console(); /* the console's code page, before jxc ends */
  return FALSE;      /* the next handler, the system's, ends jxc */
}

/* The handler itself is installed by jx_port_init (it also puts the
 * console's code page back); this gives it the cleanup.  Not under
 * fatal_lock: out.c calls it between jx_port_block and jx_port_unblock,
 * and an SRW lock is not recursive. */
void jx_port_on_fatal(void (*cleanup)(void)) {
  InterlockedCompareExchangePointer((void *volatile *)&fatal_cleanup,
                                    (void *)cleanup, NULL);
}

void jx_port_block(jx_port_mask *old) {
  (void)old;
  AcquireSRWLockExclusive(&fatal_lock);
}

void jx_port_unblock(const jx_port_mask *old) {
  (void)old;
  ReleaseSRWLockExclusive(&fatal_lock);
}

#endif
