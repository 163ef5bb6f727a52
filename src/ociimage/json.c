/* Compact JSON into a fixed buffer: the writer places the commas, the
 * caller chooses the key order, so the same input gives the same bytes.
 * Running out of room sets overflow and writes nothing more. */
#include <stdio.h>
#include <string.h>

#include "ociimage.h"

void json_init(struct json *j, char *buf, size_t cap)
{
	memset(j, 0, sizeof *j);
	j->buf = buf;
	j->cap = cap;
	if (cap)
		buf[0] = '\0';
}

static void put(struct json *j, const char *s, size_t n)
{
	if (j->overflow || n >= j->cap - j->len) {
		j->overflow = 1;
		return;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
}

/* a comma before every value but the first of its object or array;
 * an object's value follows its key with none */
static void separate(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth && j->count[j->depth - 1]++)
		put(j, ",", 1);
}

void json_open(struct json *j, char brace)
{
	separate(j);
	if (j->depth == JSON_DEPTH) {
		j->overflow = 1;
		return;
	}
	j->count[j->depth++] = 0;
	put(j, &brace, 1);
}

void json_close(struct json *j, char brace)
{
	if (j->depth)
		j->depth--;
	put(j, &brace, 1);
}

static void put_string(struct json *j, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;
	char esc[7];

	put(j, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(j, run, (size_t)(s - run));
		run = s + 1;
		if (c == '"' || c == '\\')
			esc[0] = '\\', esc[1] = (char)c, esc[2] = '\0';
		else if (c == '\n' || c == '\t' || c == '\r')
			esc[0] = '\\', esc[1] = c == '\n' ? 'n' : c == '\t' ? 't' : 'r', esc[2] = '\0';
		else
			snprintf(esc, sizeof esc, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
		put(j, esc, strlen(esc));
	}
	put(j, run, (size_t)(s - run));
	put(j, "\"", 1);
}

void json_key(struct json *j, const char *key)
{
	separate(j);
	put_string(j, key);
	put(j, ":", 1);
	j->after_key = 1;
}

/* The caller checked s with json_utf8_valid: JSON text is UTF-8. */
void json_string(struct json *j, const char *s)
{
	separate(j);
	put_string(j, s);
}

void json_uint(struct json *j, uint64_t v)
{
	char num[24];

	separate(j);
	snprintf(num, sizeof num, "%llu", (unsigned long long)v);
	put(j, num, strlen(num));
}

/* Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
 * above U+10FFFF. */
int json_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp, min;
	int more;

	while (*p) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0)
			cp = *p & 0x1f, more = 1, min = 0x80;
		else if ((*p & 0xf0) == 0xe0)
			cp = *p & 0x0f, more = 2, min = 0x800;
		else if ((*p & 0xf8) == 0xf0)
			cp = *p & 0x07, more = 3, min = 0x10000;
		else
			return 0;
		for (p++; more; more--, p++) {
			if ((*p & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (*p & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
	}
	return 1;
}
