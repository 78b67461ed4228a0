/*
 * lsp_rpc.h — JSON-RPC 2.0 over a byte stream, framed as the Language
 * Server Protocol frames it: headers ("Content-Length: N"), an empty
 * line, then exactly N bytes of JSON.
 *
 * The reader is a buffer that bytes are pushed into (from standard input,
 * or from a fuzzer) and messages are taken out of, so that framing is
 * tested without a pipe.  JSON is parsed by jansson, never by hand: it
 * rejects what RFC 8259 rejects, including ill-formed UTF-8.  A message
 * that cannot be framed or parsed is reported and skipped; the stream goes
 * on at the next header.
 */
#ifndef JX_LSP_RPC_H
#define JX_LSP_RPC_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* The longest body taken: a 10 MB document sent whole, with every CJK
 * character escaped as \uXXXX, is about 20 MB of JSON. */
#define JX_RPC_MAX_BODY ((size_t)256 << 20)
/* The longest header block: a few short lines. */
#define JX_RPC_MAX_HEADER 4096

typedef enum jx_rpc_status {
  JX_RPC_MESSAGE,    /* *msg is a JSON value (the caller decrefs it) */
  JX_RPC_NEED_MORE,  /* no whole message is buffered yet */
  JX_RPC_BAD_HEADER, /* headers without a usable Content-Length: dropped */
  JX_RPC_TOO_BIG,    /* a body over JX_RPC_MAX_BODY: being skipped */
  JX_RPC_BAD_JSON    /* a framed body that is not JSON: dropped */
} jx_rpc_status;

typedef struct jx_rpc_reader {
  char *buf;
  size_t start, len, cap; /* unread bytes: buf[start .. start+len) */
  size_t skip;            /* body bytes of a message too big, to drop */
} jx_rpc_reader;

void jx_rpc_reader_init(jx_rpc_reader *r);
void jx_rpc_reader_free(jx_rpc_reader *r);
void jx_rpc_push(jx_rpc_reader *r, const char *p, size_t n);
/* The next message, if a whole one is buffered.  On JX_RPC_BAD_JSON,
 * *why (may be NULL) receives jansson's reason. */
jx_rpc_status jx_rpc_take(jx_rpc_reader *r, json_t **msg, json_error_t *why);

/* Writes msg (which it does not decref) framed to fd, whole: EINTR and
 * short writes are retried.  Returns false when the peer is gone. */
bool jx_rpc_write(int fd, const json_t *msg);

#endif
