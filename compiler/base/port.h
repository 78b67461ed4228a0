/*
 * port.h — the operating-system calls that differ between POSIX and
 * Windows, behind one small interface (docs/windows.md).
 *
 * jxc is written against POSIX; the Windows build (`make windows`,
 * mingw-w64) needs other calls in a few places: file names are UTF-8 for
 * jxc and UTF-16 for Windows, a file is replaced with ReplaceFileW or
 * MoveFileExW rather than rename(2), there is no fsync, no pread, no
 * fchmod, and Ctrl-C arrives on a thread of its own rather than as a
 * signal.  Those few places call the functions below instead of the
 * POSIX ones.  On POSIX each is the call it replaces (or the code that
 * was there before, moved here), so Linux behaves exactly as it did.
 *
 * Every path here is UTF-8.  Errors come back as -1 (or NULL) with errno
 * set, as from the POSIX calls; on Windows the system's error codes are
 * translated to the nearest errno value, so messages read the same.
 */
#ifndef JX_PORT_H
#define JX_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <fcntl.h>
#ifndef _WIN32
#include <signal.h>
#endif

#ifdef _WIN32
/* What jxc reads of a struct stat.  The C library's st_ino is 16 bits and
 * always 0 on Windows; here st_dev and st_ino are the volume's serial
 * number and the file's index, which tell two names of one file apart
 * from two files (jx_outfile_same_input). */
typedef struct jx_stat_t {
  unsigned st_mode;
  int64_t st_size;
  uint64_t st_dev, st_ino;
  unsigned st_uid, st_gid;
} jx_stat_t;
/* Flags that mean nothing on Windows (jx_open never lets a handle be
 * inherited, and there is no controlling terminal). */
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK 0
#endif
#ifndef S_ISCHR
#define S_ISCHR(m) (((m)&S_IFMT) == S_IFCHR)
#endif
#else
typedef struct stat jx_stat_t;
#endif

/* Call first thing in main().  POSIX: nothing.  Windows: argv is read
 * again from the UTF-16 command line and converted to UTF-8 (the ANSI
 * argv cannot hold 绩效.jx on an English system), standard input, output
 * and error are switched to binary (jxc writes the same bytes as on
 * Linux: LF line ends), and the console reads and shows UTF-8. */
void jx_port_init(int *argc, char ***argv);

/* open(2) with a UTF-8 path (mode is used with O_CREAT).  Windows: the
 * file is opened in binary, not inherited, and shared for reading,
 * writing and deleting, so an input can be replaced while jxc holds it
 * (fmt -w); a directory can be opened for jx_fstat to see it is one. */
int jx_open(const char *path, int flags, int mode);
/* fopen(3) with a UTF-8 path. */
FILE *jx_fopen(const char *path, const char *mode);
/* stat(2) and fstat(2), links followed. */
int jx_stat(const char *path, jx_stat_t *st);
int jx_fstat(int fd, jx_stat_t *st);
/* Whether a and b (from jx_stat or jx_fstat) are one file.  POSIX: the
 * same device and inode.  Windows: the same file id, on the same volume
 * or where one side's volume is unknown (0): Wine gives no volume for a
 * standard input redirected from a file, and a refusal by mistake loses
 * nothing, where missing the same file would overwrite an input. */
bool jx_same_file(const jx_stat_t *a, const jx_stat_t *b);
/* unlink(2). */
int jx_unlink(const char *path);
/* rename(2) of a file over another, atomically where the system can.
 * Windows: ReplaceFileW when `to` exists (it keeps the replaced file's
 * attributes and access control list), else, or when that fails,
 * MoveFileExW with MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH. */
int jx_replace(const char *from, const char *to);
/* fsync(2).  Windows: FlushFileBuffers, and 0 for what is not a disk
 * file (the console, a pipe, NUL). */
int jx_fsync(int fd);
/* mkstemp(3): the trailing XXXXXX of tmpl replaced, the file created
 * (O_EXCL) and opened for reading and writing, mode 0600. */
int jx_mkstemp(char *tmpl);
/* The directory for temporary files, without a trailing separator:
 * $TMPDIR or /tmp; Windows: GetTempPathW.  Caller frees. */
char *jx_tmpdir(void);
/* A descriptor of the same open file for jxc's own use (never passed to
 * a child), or -1: F_DUPFD_CLOEXEC. */
int jx_dup_private(int fd);
/* pread(2): n bytes at offset `at`, the file's position untouched.
 * Windows has no pread on a C descriptor: the position is saved, moved
 * and put back (jxc is single-threaded). */
ssize_t jx_pread(int fd, void *buf, size_t n, uint64_t at);
/* A non-blocking descriptor gave EAGAIN: waits until it can be read.
 * Returns false when waiting is not possible (then the error stands). */
bool jx_wait_readable(int fd);
/* Asks for room to hold about n descriptors open (RLIMIT_NOFILE), best
 * effort. */
void jx_want_descriptors(int n);

/* The length of path's directory part, with its separator (0: none):
 * up to the last '/'; on Windows also '\\', and the ':' of "C:name". */
size_t jx_dir_len(const char *path);
/* The name the file at path really has, its symbolic links followed (a
 * dangling link names the file to create); caller frees.  NULL with
 * errno set when a link cannot be read or they go round (ELOOP).  POSIX:
 * each link of the last component, read with readlink(2) and taken
 * relative to the link's directory, as the kernel reads it.  Windows: a
 * symbolic link or junction is resolved by GetFinalPathNameByHandleW. */
char *jx_resolve_links(const char *path);
/* The absolute name of an existing file or folder, with "." and ".."
 * and links resolved; caller frees.  NULL with errno set when it does not
 * exist.  POSIX: realpath(3).  Windows: GetFullPathNameW (links are not
 * followed; the name is absolute and clean, which is what callers
 * compare). */
char *jx_realpath(const char *path);
/* Gives the new file fd the metadata of the file it replaces (old), or
 * for a new file (old NULL) the ordinary 0666 & ~umask.  POSIX: owner
 * and group where permitted, then the mode bits; -1 with errno when the
 * mode cannot be set.  Windows: nothing to do (ReplaceFileW keeps the
 * old file's attributes and access control list). */
int jx_copy_metadata(int fd, const jx_stat_t *old);

/*
 * Cleaning up when jxc is stopped.  jx_port_on_fatal(cleanup) installs,
 * once, handlers that call cleanup() and then let jxc end as it would
 * have: POSIX: on SIGHUP, SIGINT, SIGPIPE and SIGTERM (not those ignored
 * when jxc started), dying by the same signal; SIGXFSZ is ignored so that
 * writing past `ulimit -f` is an ordinary write error.  Windows: on
 * Ctrl-C, Ctrl-Break and the console closing (SetConsoleCtrlHandler,
 * installed by jx_port_init),
 * then the system's own handler ends jxc.
 *
 * cleanup() must be async-signal-safe.  Between jx_port_block() and
 * jx_port_unblock() it does not run (on Windows the handler waits), so
 * the registry it reads is never seen half-changed.
 */
typedef struct jx_port_mask {
#ifdef _WIN32
  int unused;
#else
  sigset_t set;
#endif
} jx_port_mask;
void jx_port_on_fatal(void (*cleanup)(void));
void jx_port_block(jx_port_mask *old);
void jx_port_unblock(const jx_port_mask *old);

#endif
