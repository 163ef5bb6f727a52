/* The JSON writer (json.h). */
#include <stdio.h>
#include <string.h>

#include "json.h"

static void init(struct json *j, FILE *f, char *buf, size_t cap, int indent)
{
	memset(j, 0, sizeof *j);
	j->f = f;
	j->buf = buf;
	j->cap = cap;
	j->indent = indent;
	if (!f && cap)
		buf[0] = '\0';
}

void json_to_stream(struct json *j, FILE *f, int indent)
{
	init(j, f, NULL, 0, indent);
}

void json_to_buffer(struct json *j, char *buf, size_t cap, int indent)
{
	init(j, NULL, buf, cap, indent);
}

static void put(struct json *j, const char *s, size_t n)
{
	if (j->f) {
		fwrite(s, 1, n, j->f);
		return;
	}
	if (j->bad || n >= j->cap - j->len) {
		j->bad = 1;
		return;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
}

static void put_tabs(struct json *j, int n)
{
	while (n-- > 0)
		put(j, "\t", 1);
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

/* The comma (and, indented, the newline and tabs) before a value, and
 * its key inside an object. */
static void begin_value(struct json *j, const char *key)
{
	if (j->depth > 0) {
		if (j->items[j->depth]++)
			put(j, ",", 1);
		if (j->indent) {
			put(j, "\n", 1);
			put_tabs(j, j->depth);
		}
	}
	if (key) {
		put_string(j, key);
		put(j, j->indent ? ": " : ":", j->indent ? 2 : 1);
	}
}

void json_open(struct json *j, const char *key, char bracket)
{
	if (j->depth == JSON_DEPTH_MAX) {
		j->bad = 1;
		return;
	}
	begin_value(j, key);
	put(j, &bracket, 1);
	j->items[++j->depth] = 0;
	j->opened[j->depth] = bracket;
}

void json_close(struct json *j, char bracket)
{
	if (j->depth == 0 || (j->opened[j->depth] == '{') != (bracket == '}')) {
		j->bad = 1;
		return;
	}
	if (j->indent && j->items[j->depth]) {
		put(j, "\n", 1);
		put_tabs(j, j->depth - 1);
	}
	put(j, &bracket, 1);
	if (--j->depth == 0 && j->indent)
		put(j, "\n", 1);
}

void json_str(struct json *j, const char *key, const char *val)
{
	begin_value(j, key);
	put_string(j, val);
}

void json_int(struct json *j, const char *key, long long val)
{
	char num[24];

	begin_value(j, key);
	snprintf(num, sizeof num, "%lld", val);
	put(j, num, strlen(num));
}

void json_uint(struct json *j, const char *key, unsigned long long val)
{
	char num[24];

	begin_value(j, key);
	snprintf(num, sizeof num, "%llu", val);
	put(j, num, strlen(num));
}

void json_bool(struct json *j, const char *key, int val)
{
	begin_value(j, key);
	put(j, val ? "true" : "false", val ? 4 : 5);
}

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
