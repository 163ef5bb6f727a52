/* Builds the command line the real compiler runs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wrapper.h"

static int push(struct arglist *l, const char *s)
{
	char *copy;

	if (l->n + 1 >= l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **v = realloc(l->v, cap * sizeof *v);

		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	copy = strdup(s);
	if (!copy)
		return -1;
	l->v[l->n++] = copy;
	l->v[l->n] = NULL;
	return 0;
}

/* Pushes the concatenation a b c. */
static int push3(struct arglist *l, const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	int r;

	if (!s)
		return -1;
	snprintf(s, n, "%s%s%s", a, b, c);
	r = push(l, s);
	free(s);
	return r;
}

static int pushf(struct arglist *l, const char *a, const char *b)
{
	return push3(l, a, b, "");
}

/* Pushes each space-separated word of s. */
static int push_words(struct arglist *l, const char *s)
{
	char word[512];

	while (s && *s) {
		size_t n;

		while (*s == ' ')
			s++;
		n = strcspn(s, " ");
		if (n == 0)
			break;
		if (n >= sizeof word) {
			errno = E2BIG;
			return -1;
		}
		memcpy(word, s, n);
		word[n] = '\0';
		if (push(l, word))
			return -1;
		s += n;
	}
	return 0;
}

void arglist_free(struct arglist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Hardening every target object gets; the caller's own flags come after
 * ours, so a package that must (musl's early start code) can turn one
 * off again. */
static const char *const hardening[] = {
	"-fstack-protector-strong", "-fstack-clash-protection", "-fPIE",
};

static int push_startfiles(struct arglist *l, const struct wrapper_config *c,
                           enum link_kind k)
{
	const char *crt1 = k == LINK_STATIC_PIE ? "/lib/rcrt1.o" :
	                   k == LINK_STATIC ? "/lib/crt1.o" : NULL;
	const char *begin = k == LINK_STATIC ? "/crtbeginT.o" : "/crtbeginS.o";

	if (crt1 && pushf(l, c->sysroot, crt1))
		return -1;
	if (pushf(l, c->sysroot, "/lib/crti.o") || pushf(l, c->gcc_libdir, begin))
		return -1;
	return 0;
}

static int push_endfiles(struct arglist *l, const struct wrapper_config *c,
                         enum link_kind k)
{
	const char *end = k == LINK_STATIC ? "/crtend.o" : "/crtendS.o";

	if (pushf(l, c->gcc_libdir, end) || pushf(l, c->sysroot, "/lib/crtn.o"))
		return -1;
	return 0;
}

static int push_libs(struct arglist *l, const struct wrapper_config *c)
{
	if (push(l, "-Wl,--start-group") || push(l, "-lc") ||
	    pushf(l, c->gcc_libdir, "/libgcc.a") ||
	    pushf(l, c->gcc_libdir, "/libgcc_eh.a") || push(l, "-Wl,--end-group"))
		return -1;
	return 0;
}

int build_cmdline(const struct wrapper_config *c, int argc, char **argv,
                  struct arglist *out)
{
	struct cmdline_facts f;
	size_t i;
	int a;
	int linking;

	memset(out, 0, sizeof *out);
	scan_cmdline(argc, argv, &f);
	linking = f.link != LINK_NONE && f.link != LINK_RELOCATABLE;

	if (c->launcher && *c->launcher && !f.query && push(out, c->launcher))
		goto fail;
	if (push(out, c->real_cc))
		goto fail;
	if (f.query) {
		for (a = 1; a < argc; a++)
			if (push(out, argv[a]))
				goto fail;
		return 0;
	}
	if (push_words(out, c->arch_flags) || push_words(out, c->opt_flags))
		goto fail;
	for (i = 0; i < sizeof hardening / sizeof hardening[0]; i++)
		if (push(out, hardening[i]))
			goto fail;
	/* Paths in debug info and __FILE__ become relative to the output
	 * directory, so two builds in different places agree. */
	if (c->prefix_map && *c->prefix_map &&
	    push3(out, "-ffile-prefix-map=", c->prefix_map, "/="))
		goto fail;
	if (!f.nostdinc &&
	    (push(out, "-nostdinc") || push(out, "-isystem") ||
	     pushf(out, c->sysroot, "/include") || push(out, "-isystem") ||
	     push(out, c->gcc_include)))
		goto fail;
	if (linking) {
		if (push(out, "-nostdlib") || push3(out, "-L", c->sysroot, "/lib") ||
		    push(out, "-Wl,-z,relro") || push(out, "-Wl,-z,now") ||
		    push(out, "-Wl,-z,noexecstack"))
			goto fail;
		if (f.link == LINK_STATIC_PIE && push(out, "-static-pie"))
			goto fail;
		if (f.link == LINK_STATIC && push(out, "-static"))
			goto fail;
		if (!f.nostartfiles && push_startfiles(out, c, f.link))
			goto fail;
	}
	for (a = 1; a < argc; a++) {
		/* Every executable is static-pie already: a plain -static
		 * from a package's build would turn PIE off. */
		if (f.link == LINK_STATIC_PIE && !strcmp(argv[a], "-static"))
			continue;
		if (push(out, argv[a]))
			goto fail;
	}
	if (linking) {
		if (!f.nodefaultlibs && push_libs(out, c))
			goto fail;
		if (!f.nostartfiles && push_endfiles(out, c, f.link))
			goto fail;
	}
	return 0;
fail:
	arglist_free(out);
	return -1;
}
