/* A JSON writer: one value per line, tab-indented, keys in the order
 * they are written, so the same calls give the same bytes.  Errors of
 * the stream are left for the caller to find with ferror(); calls that
 * would make invalid JSON (nesting too deep, a bracket that does not
 * match) set j->bad. */
#include "bundle.h"

void json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->bad = 0;
	j->items[0] = 0;
}

/* Strings are UTF-8 already (spec.c checks); only what JSON forbids
 * raw is escaped. */
static void put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* The comma, newline and indent before a value, and its key inside an
 * object (key is NULL inside an array). */
static void begin_value(struct json *j, const char *key)
{
	int i;

	if (j->depth > 0) {
		if (j->items[j->depth]++)
			fputc(',', j->f);
		fputc('\n', j->f);
		for (i = 0; i < j->depth; i++)
			fputc('\t', j->f);
	}
	if (key) {
		put_string(j->f, key);
		fputs(": ", j->f);
	}
}

void json_open(struct json *j, const char *key, char bracket)
{
	if (j->depth == JSON_DEPTH_MAX) {
		j->bad = 1;
		return;
	}
	begin_value(j, key);
	fputc(bracket, j->f);
	j->items[++j->depth] = 0;
	j->opened[j->depth] = bracket;
}

void json_close(struct json *j, char bracket)
{
	int i;

	if (j->depth == 0 || (j->opened[j->depth] == '{') != (bracket == '}')) {
		j->bad = 1;
		return;
	}
	if (j->items[j->depth]) {
		fputc('\n', j->f);
		for (i = 1; i < j->depth; i++)
			fputc('\t', j->f);
	}
	fputc(bracket, j->f);
	if (--j->depth == 0)
		fputc('\n', j->f);
}

void json_str(struct json *j, const char *key, const char *val)
{
	begin_value(j, key);
	put_string(j->f, val);
}

void json_num(struct json *j, const char *key, long long val)
{
	begin_value(j, key);
	fprintf(j->f, "%lld", val);
}

void json_unum(struct json *j, const char *key, unsigned long long val)
{
	begin_value(j, key);
	fprintf(j->f, "%llu", val);
}

void json_bool(struct json *j, const char *key, int val)
{
	begin_value(j, key);
	fputs(val ? "true" : "false", j->f);
}
