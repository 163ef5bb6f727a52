/* The build's list of Go programs (-g FILE): one image path a line, as
 * the table prints it (/usr/bin/runc).  Only a listed file may be
 * judged as Go (verdict.c).  The file is the build's, but it is bounded
 * all the same: lines of at most GO_LIST_LINE_MAX bytes, at most
 * GO_LIST_MAX paths. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elfcheck.h"

#define GO_LIST_LINE_MAX 4096
#define GO_LIST_MAX 4096

static int add_path(struct go_list *l, const char *line, size_t len, char *err,
                    size_t errlen, unsigned long lineno)
{
	struct go_path *paths;
	char *copy;

	if (l->n == GO_LIST_MAX) {
		snprintf(err, errlen, "%s:%lu: more than %d paths", l->file, lineno, GO_LIST_MAX);
		return -1;
	}
	paths = realloc(l->paths, (l->n + 1) * sizeof *paths);
	if (!paths) {
		snprintf(err, errlen, "%s: out of memory", l->file);
		return -1;
	}
	l->paths = paths;
	copy = malloc(len + 1);
	if (!copy) {
		snprintf(err, errlen, "%s: out of memory", l->file);
		return -1;
	}
	memcpy(copy, line, len + 1);
	l->paths[l->n].path = copy;
	l->paths[l->n].seen = 0;
	l->n++;
	return 0;
}

int go_list_load(struct go_list *l, const char *file, char *err, size_t errlen)
{
	char line[GO_LIST_LINE_MAX + 2];
	unsigned long lineno = 0;
	FILE *fp = fopen(file, "r");

	memset(l, 0, sizeof *l);
	l->file = file;
	if (!fp) {
		snprintf(err, errlen, "cannot open %s: %s", file, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, fp)) {
		size_t len = strlen(line);

		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (!feof(fp)) {
			snprintf(err, errlen, "%s:%lu: line longer than %d bytes", file, lineno,
			         GO_LIST_LINE_MAX);
			goto fail;
		}
		if (len == 0)
			continue;
		if (line[0] != '/') {
			snprintf(err, errlen, "%s:%lu: '%s' is not a path in the image "
			         "(/usr/bin/NAME)", file, lineno, line);
			goto fail;
		}
		if (add_path(l, line, len, err, errlen, lineno))
			goto fail;
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "cannot read %s: %s", file, strerror(errno));
		goto fail;
	}
	fclose(fp);
	return 0;
fail:
	fclose(fp);
	go_list_free(l);
	return -1;
}

int go_list_has(struct go_list *l, const char *path)
{
	size_t i;
	int found = 0;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->paths[i].path, path)) {
			l->paths[i].seen = 1;
			found = 1;
		}
	return found;
}

size_t go_list_unseen(const struct go_list *l, FILE *out)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (!l->paths[i].seen) {
			fprintf(out, "kr-elfcheck: %s: %s is listed as a Go program, but no ELF "
			        "file of that path was checked\n", l->file, l->paths[i].path);
			n++;
		}
	return n;
}

void go_list_free(struct go_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->paths[i].path);
	free(l->paths);
	l->paths = NULL;
	l->n = 0;
}
