/* kr-elfcheck: checks every ELF file under the given paths against what
 * a hardened kitroot image demands, and prints one table row per file.
 *
 *   kr-elfcheck [-m E_MACHINE] [-p PREFIX] [-g GO_LIST] [-k CERT] PATH...
 *
 * -m is the ELF e_machine every file must be built for, in decimal (the
 * target's KR_ELF_MACHINE_NUMBER: 62 x86_64, 183 aarch64, 22 s390x);
 * the table's machine column is that number too.  -p is cut from the
 * front of each printed path, so rows name paths as the running system
 * sees them.  -g names the build's list of Go programs, one path a line
 * as the rows print it: only those may be judged as Go, and each must
 * be found.  -k is the kernel build's signing certificate (DER,
 * certs/signing_key.x509): every kernel module's signature must verify
 * with it, and a module found without -k is a usage error.
 * Directories are walked in sorted order without following symbolic
 * links.  Exit status: 0 when every file passes, 1 when one does not
 * or none was found, 2 on a usage or read error. */
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
	struct go_list go;       /* -g, empty without */
	struct x509_st *cert;    /* -k, NULL without */
	unsigned long files, failed;
	int io_error;
	int no_cert;             /* a module was found, and no -k given */
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

/* A module's signature needs the build's certificate: without one, the
 * check cannot be made, and that is the caller's mistake (status 2). */
static void check_module(struct run *r, const char *path, const unsigned char *buf,
                         size_t len, struct elf_facts *f)
{
	if (!r->cert) {
		if (!r->no_cert)
			fprintf(stderr, "kr-elfcheck: %s: modules present but no signing certificate "
			        "given (-k: the kernel build's certs/signing_key.x509)\n", path);
		r->no_cert = 1;
		snprintf(f->module_why, sizeof f->module_why, "not checked (no -k certificate)");
		return;
	}
	f->module_signed = !module_sig_verify(buf, len, r->cert, f->module_why,
	                                      sizeof f->module_why);
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
		judge_go(&f, go_list_has(&r->go, shown(r, path)));
		if (f.kind == KIND_KERNEL_MODULE)
			check_module(r, path, map, (size_t)size, &f);
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
	fprintf(stderr, "usage: kr-elfcheck [-m E_MACHINE] [-p PREFIX] [-g GO_LIST] [-k CERT] "
	        "PATH...\n");
	return 2;
}

static int finish(struct run *r, int status)
{
	go_list_free(&r->go);
	module_cert_free(r->cert);
	return status;
}

int main(int argc, char **argv)
{
	struct run r;
	char err[256];
	size_t unseen;
	int opt, i;

	memset(&r, 0, sizeof r);
	while ((opt = getopt(argc, argv, "m:p:g:k:")) != -1) {
		switch (opt) {
		case 'm':
			r.want_machine = machine_number(optarg);
			if (!r.want_machine) {
				fprintf(stderr, "kr-elfcheck: -m wants the ELF e_machine number in "
				        "decimal, as KR_ELF_MACHINE_NUMBER holds it (62 x86_64, "
				        "183 aarch64, 22 s390x), not '%s'\n", optarg);
				return finish(&r, usage());
			}
			break;
		case 'p':
			r.prefix = optarg;
			break;
		case 'g':
			go_list_free(&r.go);
			if (go_list_load(&r.go, optarg, err, sizeof err)) {
				fprintf(stderr, "kr-elfcheck: -g: %s\n", err);
				return finish(&r, usage());
			}
			break;
		case 'k':
			module_cert_free(r.cert);
			r.cert = module_cert_load(optarg, err, sizeof err);
			if (!r.cert) {
				fprintf(stderr, "kr-elfcheck: -k: %s\n", err);
				return finish(&r, usage());
			}
			break;
		default:
			return finish(&r, usage());
		}
	}
	if (optind == argc)
		return finish(&r, usage());
	printf("# path\tmachine\ttype\trelro\tstack\twx-segment\tstack-protector\tverdict\n");
	for (i = optind; i < argc; i++)
		walk(&r, argv[i]);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "kr-elfcheck: cannot write the table: %s\n", strerror(errno));
		return finish(&r, 2);
	}
	unseen = go_list_unseen(&r.go, stderr);
	if (r.io_error || r.no_cert)
		return finish(&r, 2);
	if (!r.files) {
		fprintf(stderr, "kr-elfcheck: no ELF file found\n");
		return finish(&r, 1);
	}
	fprintf(stderr, "kr-elfcheck: %lu ELF files, %lu with problems\n", r.files, r.failed);
	return finish(&r, r.failed || unseen ? 1 : 0);
}
