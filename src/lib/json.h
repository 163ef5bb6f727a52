/* A JSON writer for kr-bundle and kr-ociimage.  Keys come in the order
 * they are written, so the same calls give the same bytes.  The output
 * is compact ({"a":1,"b":[]}) or indented (one value a line, tab-
 * indented, ": " after a key, a newline after the outermost close), and
 * goes to a stdio stream or into a fixed buffer.
 *
 * Strings must be UTF-8 already (the callers check, json_utf8_valid
 * helps); only what JSON forbids raw is escaped.  A call that would make
 * invalid JSON (nesting deeper than JSON_DEPTH_MAX, a close that does
 * not match) or that does not fit the buffer sets bad and is dropped.
 * Errors of a stream are left for the caller to find with ferror(). */
#ifndef KR_JSON_H
#define KR_JSON_H

#include <stddef.h>
#include <stdio.h>

#define JSON_DEPTH_MAX 8

struct json {
	FILE *f;                         /* the stream, or NULL: buf */
	char *buf;                       /* cap bytes, kept NUL-terminated */
	size_t cap, len;
	int indent;
	int bad;
	int depth;
	int items[JSON_DEPTH_MAX + 1];   /* values written at each depth */
	char opened[JSON_DEPTH_MAX + 1]; /* the bracket that opened it */
};

void json_to_stream(struct json *j, FILE *f, int indent);
void json_to_buffer(struct json *j, char *buf, size_t cap, int indent);

/* key is NULL for a value inside an array (or the outermost one). */
void json_open(struct json *j, const char *key, char bracket); /* '{' or '[' */
void json_close(struct json *j, char bracket);                 /* '}' or ']' */
void json_str(struct json *j, const char *key, const char *val);
void json_int(struct json *j, const char *key, long long val);
void json_uint(struct json *j, const char *key, unsigned long long val);
void json_bool(struct json *j, const char *key, int val);

/* 1 if s is well-formed UTF-8 (RFC 3629): no overlong forms, no
 * surrogates, nothing above U+10FFFF; else 0. */
int json_utf8_valid(const char *s);

#endif
