/* kr-bundle: turns a service spec into an OCI config.json.
 *
 *   kr-bundle -a ARCHES -f N -r ROOTPATH -n NAME [-d ROOTFS_DIR] -o OUT.json SPEC
 *   kr-bundle -p SPEC   prints the container's directory under /containers
 *                       (services/NAME, onboot/NN-NAME, onshutdown/NN-NAME;
 *                       NAME is SPEC's file name without .service)
 *   kr-bundle -x -d ROOTFS_DIR SPEC
 *                       prints what kr-ociimage needs after its fixed
 *                       options for an image whose config says what
 *                       config.json says: -u UID:GID, -w CWD, -e NAME=VALUE
 *                       for each variable, ROOTFS_DIR, --, the command;
 *                       each argument ends with a NUL byte (xargs -0),
 *                       so no word is split, globbed or lost
 *   kr-bundle -c SPEC   checks the spec only
 *
 * ARCHES are the target's seccomp architectures, SCMP_ARCH_ names
 * separated by spaces (KR_SECCOMP_ARCHES: "SCMP_ARCH_X86_64 SCMP_ARCH_X86
 * SCMP_ARCH_X32" for x86_64); N the number of clone(2)'s argument that
 * holds its flags (KR_SECCOMP_CLONE_FLAGS_ARG); ROOTPATH is the rootfs as the target sees
 * it (root.path); NAME the hostname and cgroup; with -d, missing mount points are made under
 * ROOTFS_DIR, the rootfs being staged.  OUT.json is written whole or
 * not at all (a temporary file renamed).  Exit status: 0 done, 1 the
 * spec is wrong ("SPEC:LINE: what (expected)" on stderr), 2 a usage or
 * I/O error.  A spec whose file name is no container name is wrong too
 * (status 1) for -p. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"

struct options {
	struct target t;
	const char *rootfs_dir, *out, *spec;
	int path_only, check_only, command_only;
};

static int usage(void)
{
	fprintf(stderr, "usage: kr-bundle -a 'SCMP_ARCH_...' -f N -r ROOTPATH -n NAME "
	        "[-d ROOTFS_DIR] -o OUT.json SPEC\n"
	        "       kr-bundle -p SPEC   (print the directory under /containers)\n"
	        "       kr-bundle -x -d ROOTFS_DIR SPEC   (print kr-ociimage's arguments)\n"
	        "       kr-bundle -c SPEC   (check the spec)\n");
	return 2;
}

/* Reads at most SPEC_FILE_MAX + 1 bytes: one more than allowed is
 * enough for spec_parse to refuse the file. */
static int read_spec(const char *path, char *buf, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = 0;

	*len = 0;
	if (fd < 0)
		return -1;
	while (*len < SPEC_FILE_MAX + 1) {
		n = read(fd, buf + *len, SPEC_FILE_MAX + 1 - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		*len += (size_t)n;
	}
	if (n < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return close(fd);
}

/* OUT.json appears whole or not at all: written beside it, renamed. */
static int write_config(const char *out, const struct spec *s, const struct target *t)
{
	char tmp[4096];
	FILE *f;
	int fd;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", out) >= (int)sizeof tmp) {
		fprintf(stderr, "kr-bundle: %s: path too long\n", out);
		return -1;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "kr-bundle: cannot create %s (written beside it first): %s\n", out,
		        strerror(errno));
		return -1;
	}
	f = fdopen(fd, "w");
	if (!f || fchmod(fd, 0644) || oci_write(f, s, t)) {
		fprintf(stderr, "kr-bundle: cannot write %s (written beside it first): %s\n", out,
		        strerror(errno));
		if (f)
			fclose(f);
		else
			close(fd);
		unlink(tmp);
		return -1;
	}
	if (fclose(f) || rename(tmp, out)) {
		fprintf(stderr, "kr-bundle: cannot write %s: %s\n", out, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* -x: kr-ociimage's arguments for an image that runs as config.json
 * does, with the same environment in the same order (oci.c's). */
static int print_image_args(const struct spec *s, const char *rootfs_dir)
{
	const char *a[4 + 2 * (SPEC_ENV_MAX + 1) + 2 + SPEC_WORDS_MAX];
	char user[32];
	int i, n = 0, has_path = 0;

	snprintf(user, sizeof user, "%u:%u", s->uid, s->gid);
	a[n++] = "-u";
	a[n++] = user;
	a[n++] = "-w";
	a[n++] = s->cwd;
	for (i = 0; i < s->nenv; i++)
		has_path |= !strncmp(s->env[i], "PATH=", 5);
	if (!has_path) {
		a[n++] = "-e";
		a[n++] = DEFAULT_PATH;
	}
	for (i = 0; i < s->nenv; i++) {
		a[n++] = "-e";
		a[n++] = s->env[i];
	}
	a[n++] = rootfs_dir;
	a[n++] = "--";
	for (i = 0; i < s->nargs; i++)
		a[n++] = s->args[i];
	for (i = 0; i < n; i++)
		if (fputs(a[i], stdout) < 0 || putchar('\0') == EOF)
			break;
	if (i < n || fflush(stdout)) {
		fprintf(stderr, "kr-bundle: cannot write the image's arguments: %s\n", strerror(errno));
		return 2;
	}
	return 0;
}

/* -p: the container's directory; 1 when the file name is no name. */
static int print_dir(const struct spec *s, const char *spec)
{
	char dir[CONTAINER_DIR_MAX], err[512];

	if (container_dir(s, spec, dir, err, sizeof err)) {
		fprintf(stderr, "%s: %s\n", spec, err);
		return 1;
	}
	return puts(dir) < 0 || fflush(stdout) ? 2 : 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	int opt;

	memset(o, 0, sizeof *o);
	o->t.clone_flags_arg = -1; /* an arch fact: no default */
	while ((opt = getopt(argc, argv, "a:f:r:n:d:o:pcx")) != -1) {
		switch (opt) {
		case 'a': o->t.arches = optarg; break;
		case 'f':
			o->t.clone_flags_arg = optarg[0] >= '0' && optarg[0] <= '5' && !optarg[1] ?
			                       optarg[0] - '0' : -1;
			break;
		case 'r': o->t.rootpath = optarg; break;
		case 'n': o->t.name = optarg; break;
		case 'd': o->rootfs_dir = optarg; break;
		case 'o': o->out = optarg; break;
		case 'p': o->path_only = 1; break;
		case 'c': o->check_only = 1; break;
		case 'x': o->command_only = 1; break;
		default: return -1;
		}
	}
	if (optind != argc - 1)
		return -1;
	o->spec = argv[optind];
	if (o->path_only + o->check_only + o->command_only > 1)
		return -1;
	if (o->command_only)
		return o->rootfs_dir ? 0 : -1;
	if (o->path_only || o->check_only)
		return 0;
	return o->t.arches && o->t.rootpath && o->t.name && o->out ? 0 : -1;
}

int main(int argc, char **argv)
{
	static struct spec s; /* 64 KiB of text: not on the stack */
	static char buf[SPEC_FILE_MAX + 1];
	struct spec_err e;
	struct options o;
	const char *why;
	char err[512];
	size_t len;

	if (parse_options(argc, argv, &o))
		return usage();
	if (!o.path_only && !o.check_only && !o.command_only && target_ok(&o.t, &why)) {
		fprintf(stderr, "kr-bundle: %s\n", why);
		return usage();
	}
	if (read_spec(o.spec, buf, &len)) {
		fprintf(stderr, "kr-bundle: cannot read %s: %s\n", o.spec, strerror(errno));
		return 2;
	}
	if (spec_parse(&s, buf, len, &e)) {
		if (e.line)
			fprintf(stderr, "%s:%u: %s\n", o.spec, e.line, e.msg);
		else
			fprintf(stderr, "%s: %s\n", o.spec, e.msg);
		/* No stale config.json may outlive the spec that broke. */
		if (o.out && unlink(o.out) && errno != ENOENT)
			fprintf(stderr, "kr-bundle: cannot remove %s: %s\n", o.out, strerror(errno));
		return 1;
	}
	if (o.path_only)
		return print_dir(&s, o.spec);
	if (o.check_only)
		return 0;
	if (o.command_only)
		return print_image_args(&s, o.rootfs_dir);
	if (o.rootfs_dir && make_mount_points(o.rootfs_dir, &s, err, sizeof err)) {
		fprintf(stderr, "kr-bundle: %s\n", err);
		return 2;
	}
	return write_config(o.out, &s, &o.t) ? 2 : 0;
}
