/* Fuzz target for kr-bundle's spec parser and JSON writer: any input
 * either fails with a line number inside the input, or parses into a
 * spec whose config.json is valid JSON and the same twice over.  With
 * clang: -fsanitize=fuzzer.  Without: link with standalone-driver.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bundle.h"

/* An accepted spec has a directory: services/NAME, or KIND/NN-NAME
 * with the order it holds. */
static void check_dir(const struct spec *s)
{
	char dir[CONTAINER_DIR_MAX], want[CONTAINER_DIR_MAX], err[512];

	if (s->kind == SPEC_SERVICE)
		snprintf(want, sizeof want, "services/fuzz");
	else
		snprintf(want, sizeof want, "%s/%02d-fuzz", spec_kind_name(s->kind), s->order);
	if (container_dir(s, "pkg/fuzz/fuzz.service", dir, err, sizeof err) || strcmp(dir, want))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A strict JSON checker, enough to catch a bad escape or comma. */
static const char *value(const char *p, int depth);

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static const char *string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	for (; *p != '"'; p++) {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				int i;

				for (i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
						return NULL;
				p += 4;
			} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
				return NULL;
			}
		}
	}
	return p + 1;
}

static const char *container(const char *p, int depth, char close, int keyed)
{
	p = ws(p + 1);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (keyed) {
			p = string(p);
			if (!p)
				return NULL;
			p = ws(p);
			if (*p++ != ':')
				return NULL;
		}
		p = value(ws(p), depth + 1);
		if (!p)
			return NULL;
		p = ws(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
		p = ws(p);
	}
}

static const char *value(const char *p, int depth)
{
	if (depth > 16)
		return NULL;
	if (*p == '{')
		return container(p, depth, '}', 1);
	if (*p == '[')
		return container(p, depth, ']', 0);
	if (*p == '"')
		return string(p);
	if (!strncmp(p, "true", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9' || (*p == '0' && p[1] >= '0' && p[1] <= '9'))
		return NULL;
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

static char *render(const struct spec *s, const struct target *t, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (!f)
		abort();
	if (oci_write(f, s, t))
		abort();
	fclose(f);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct target t = { "SCMP_ARCH_S390X SCMP_ARCH_S390", "/containers/services/fuzz/rootfs", "fuzz", 1 };
	struct spec *s = malloc(sizeof *s);
	struct spec_err e;
	size_t lines = 1, i, la, lb;
	char *a, *b;
	const char *end;

	if (!s)
		return 0;
	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (spec_parse(s, (const char *)data, size, &e)) {
		/* An error names a line of the input and says something. */
		if (e.line > lines || !e.msg[0] || strlen(e.msg) >= sizeof e.msg)
			abort();
		free(s);
		return 0;
	}
	if (!s->kind || s->nargs < 1 || s->args[0][0] != '/')
		abort();
	/* Two digits, and a service never has one but the default. */
	if (s->order < 0 || s->order > 99 ||
	    (s->kind == SPEC_SERVICE && s->order != SPEC_ORDER_DEFAULT))
		abort();
	check_dir(s);
	a = render(s, &t, &la);
	b = render(s, &t, &lb);
	if (la != lb || memcmp(a, b, la) || strlen(a) != la)
		abort();
	end = value(ws(a), 0);
	if (!end || *ws(end))
		abort();
	free(a);
	free(b);
	free(s);
	return 0;
}
