/* kr-elfcheck: checks every ELF file under the given paths against what
 * a hardened kitroot image demands, and prints one table row per file.
 *
 *   kr-elfcheck [-m E_MACHINE] [-p PREFIX] PATH...
 *
 * -m is the ELF e_machine every file must be built for, in decimal (the
 * target's KR_ELF_MACHINE_NUMBER: 62 x86_64, 183 aarch64, 22 s390x);
 * the table's machine column is that number too.  -p is cut from the
 * front of each printed path, so rows name paths as the running system
 * sees them.  Directories are walked in sorted order without following
 * symbolic links.  Exit status: 0 when
 * every file passes, 1 when one does not or none was found, 2 on a
 * usage or read error. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elfcheck.h"

struct run {
	unsigned want_machine;
	const char *prefix;
	unsigned long files, failed;
	int io_error;
};

static const char *shown(const struct run *r, const char *path)
{
	size_t n = r->prefix ? strlen(r->prefix) : 0;

	if (n && !strncmp(path, r->prefix, n) && path[n] == '/')
		return path + n;
	return path;
}

static void report(struct run *r, const char *path, const struct elf_facts *f)
{
	char problems[1024], ssp[32];

	if (f->ssp == SSP_CALLED)
		snprintf(ssp, sizeof ssp, "calls:%lu", f->ssp_calls);
	else
		snprintf(ssp, sizeof ssp, "%s", ssp_name(f->ssp));
	r->files++;
	if (elf_problems(f, r->want_machine, problems, sizeof problems))
		r->failed++;
	printf("%s\t%u\t%s\t%s\t%s\t%s\t%s\t%s\n", shown(r, path), f->machine,
	       kind_name(f->kind),
	       f->relro && f->bind_now ? "full" : f->relro ? "partial" : "none",
	       !f->gnu_stack ? "missing" : f->exec_stack ? "exec" : "nx",
	       f->wx_segment ? "yes" : "no", ssp, problems[0] ? problems : "ok");
}

static void check_file(struct run *r, const char *path, off_t size)
{
	struct elf_facts f;
	unsigned char magic[4];
	char err[160];
	void *map;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		fprintf(stderr, "kr-elfcheck: cannot open %s: %s\n", path, strerror(errno));
		r->io_error = 1;
		return;
	}
	if (size < 4 || read(fd, magic, 4) != 4 || memcmp(magic, "\177ELF", 4)) {
		close(fd);
		return;
	}
	map = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		fprintf(stderr, "kr-elfcheck: cannot map %s: %s\n", path, strerror(errno));
		r->io_error = 1;
		return;
	}
	if (elf_inspect(map, (size_t)size, &f, err, sizeof err)) {
		printf("%s\t-\t-\t-\t-\t-\t-\t%s\n", shown(r, path), err);
		r->files++;
		r->failed++;
	} else {
		report(r, path, &f);
	}
	munmap(map, (size_t)size);
}

static void walk(struct run *r, const char *path)
{
	struct dirent **names;
	struct stat st;
	int n, i;

	if (lstat(path, &st)) {
		fprintf(stderr, "kr-elfcheck: %s: %s\n", path, strerror(errno));
		r->io_error = 1;
		return;
	}
	if (S_ISREG(st.st_mode)) {
		check_file(r, path, st.st_size);
		return;
	}
	if (!S_ISDIR(st.st_mode))
		return;
	n = scandir(path, &names, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "kr-elfcheck: cannot list %s: %s\n", path, strerror(errno));
		r->io_error = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(path) + strlen(name) + 2;
		char *child;

		if (strcmp(name, ".") && strcmp(name, "..")) {
			child = malloc(len);
			if (!child) {
				fprintf(stderr, "kr-elfcheck: out of memory under %s\n", path);
				r->io_error = 1;
			} else {
				snprintf(child, len, "%s/%s", path, name);
				walk(r, child);
				free(child);
			}
		}
		free(names[i]);
	}
	free(names);
}

static int usage(void)
{
	fprintf(stderr, "usage: kr-elfcheck [-m E_MACHINE] [-p PREFIX] PATH...\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct run r = { 0, NULL, 0, 0, 0 };
	int opt, i;

	while ((opt = getopt(argc, argv, "m:p:")) != -1) {
		switch (opt) {
		case 'm':
			r.want_machine = machine_number(optarg);
			if (!r.want_machine) {
				fprintf(stderr, "kr-elfcheck: -m wants the ELF e_machine number in "
				        "decimal, as KR_ELF_MACHINE_NUMBER holds it (62 x86_64, "
				        "183 aarch64, 22 s390x), not '%s'\n", optarg);
				return usage();
			}
			break;
		case 'p':
			r.prefix = optarg;
			break;
		default:
			return usage();
		}
	}
	if (optind == argc)
		return usage();
	printf("# path\tmachine\ttype\trelro\tstack\twx-segment\tstack-protector\tverdict\n");
	for (i = optind; i < argc; i++)
		walk(&r, argv[i]);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "kr-elfcheck: cannot write the table: %s\n", strerror(errno));
		return 2;
	}
	if (r.io_error)
		return 2;
	if (!r.files) {
		fprintf(stderr, "kr-elfcheck: no ELF file found\n");
		return 1;
	}
	fprintf(stderr, "kr-elfcheck: %lu ELF files, %lu with problems\n", r.files, r.failed);
	return r.failed ? 1 : 0;
}
