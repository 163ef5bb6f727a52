/* kr-ociimage: exports a container's root filesystem as an OCI image
 * layout packed in one tar archive (an "oci-archive", as skopeo, podman
 * and "ctr images import" read it).
 *
 *   kr-ociimage -a ARCH -t EPOCH -n NAME[:TAG] [-e NAME=VALUE]...
 *               [-u UID:GID] [-w CWD] [-s SBOM.cdx.json] -o OUT.tar
 *               ROOTFS_DIR -- CMD [ARG...]
 *
 * ARCH is the image's OCI architecture (amd64, arm64, s390x: KR_GO_ARCH).
 * The image has one uncompressed layer holding ROOTFS_DIR, owned by 0:0
 * and dated EPOCH (SOURCE_DATE_EPOCH), so the same tree and arguments
 * give the same bytes.  -s attaches a CycloneDX SBOM as an OCI artifact
 * whose subject is the image (docs/oci-images.md).  OUT.tar appears
 * complete or not at all: it is
 * written as OUT.tar.tmp and renamed.  Exit status 0, 1 on an error,
 * 2 on a usage error. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ociimage.h"

/* An SBOM larger than this is refused rather than held in memory. */
#define SBOM_MAX (16 << 20)

struct opts {
	struct image im;
	char *sbom;         /* -s's file, read whole, NUL-terminated */
	char name[256];     /* NAME of -n, the tag cut off */
	const char *out;
	const char *root;
	char **env;         /* room for every -e */
};

static int usage(const char *why, const char *arg)
{
	if (why)
		fprintf(stderr, PROG ": %s%s%s%s\n", why, arg ? " '" : "", arg ? arg : "",
		        arg ? "'" : "");
	fprintf(stderr, "usage: " PROG " -a amd64|arm64|s390x|... -t EPOCH -n NAME[:TAG]\n"
	        "       [-e NAME=VALUE]... [-u UID:GID] [-w CWD] [-s SBOM.cdx.json] -o OUT.tar"
	        " ROOTFS_DIR -- CMD [ARG...]\n");
	return 2;
}

/* seconds since 1970, up to what a tar header's 11 octal digits hold */
static int parse_epoch(const char *s, uint64_t *v)
{
	*v = 0;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 10)
		return -1;
	for (; *s; s++)
		*v = *v * 10 + (uint64_t)(*s - '0');
	return *v <= TAR_OCTAL_MAX ? 0 : -1;
}

/* NAME[:TAG]: a ':' after the last '/' starts the tag */
static int parse_ref(struct opts *o, const char *ref)
{
	const char *slash = strrchr(ref, '/'), *colon = strrchr(ref, ':');
	size_t n = strlen(ref);

	if (colon && (!slash || colon > slash)) {
		n = (size_t)(colon - ref);
		o->im.tag = colon + 1;
	}
	if (n >= sizeof o->name)
		return -1;
	memcpy(o->name, ref, n);
	o->name[n] = '\0';
	return valid_name(o->name) && valid_tag(o->im.tag) ? 0 : -1;
}

static int add_env(struct opts *o, char *kv)
{
	size_t n = strcspn(kv, "="), i;

	if (!n || !kv[n] || !json_utf8_valid(kv))
		return usage("-e wants NAME=VALUE in UTF-8, not", kv);
	for (i = 0; i < o->im.nenv; i++)
		if (!strncmp(o->env[i], kv, n + 1))
			return usage("-e sets a variable twice:", kv);
	o->env[o->im.nenv++] = kv;
	return 0;
}

/* The SBOM is taken as it is, but must be UTF-8 text of a sane size. */
static int read_sbom(struct opts *o, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, got;

	if (!f) {
		fprintf(stderr, PROG ": cannot open the SBOM %s: %s\n", path, strerror(errno));
		return 1;
	}
	free(o->sbom);
	if (!(o->sbom = malloc(SBOM_MAX + 1))) {
		fclose(f);
		fprintf(stderr, PROG ": out of memory\n");
		return 1;
	}
	while ((got = fread(o->sbom + n, 1, SBOM_MAX + 1 - n, f)) > 0 && n + got <= SBOM_MAX)
		n += got;
	if (ferror(f) || got > 0) {
		fprintf(stderr, PROG ": %s %s\n", path, ferror(f) ? "could not be read" :
		        "is larger than 16 MiB: not an SBOM this tool attaches");
		fclose(f);
		return 1;
	}
	fclose(f);
	o->sbom[n] = '\0';
	if (!n || strlen(o->sbom) != n || !json_utf8_valid(o->sbom)) {
		fprintf(stderr, PROG ": %s is empty or not UTF-8 text\n", path);
		return 1;
	}
	o->im.sbom = o->sbom;
	o->im.sbom_len = n;
	return 0;
}

static int parse(struct opts *o, int argc, char **argv)
{
	const char *t = NULL, *arch = NULL, *ref = NULL;
	int opt, i;

	o->im.tag = "latest";
	/* '+': options end at ROOTFS_DIR, so the command's own options are
	 * never taken for ours */
	while ((opt = getopt(argc, argv, "+a:t:n:e:u:w:s:o:")) != -1) {
		switch (opt) {
		case 'a': arch = optarg; break;
		case 't': t = optarg; break;
		case 'n': ref = optarg; break;
		case 'e': if (add_env(o, optarg)) return 2; break;
		case 'u': o->im.user = optarg; break;
		case 'w': o->im.cwd = optarg; break;
		case 's': if (read_sbom(o, optarg)) return 1; break;
		case 'o': o->out = optarg; break;
		default: return usage(NULL, NULL);
		}
	}
	if (!arch || !t || !ref || !o->out)
		return usage("-a, -t, -n and -o are all needed", NULL);
	if (!valid_arch(arch))
		return usage("-a wants an OCI architecture name as KR_GO_ARCH holds it "
		             "(amd64, arm64, s390x), not", arch);
	o->im.arch = arch;
	if (parse_epoch(t, &o->im.epoch))
		return usage("-t wants seconds since 1970 (at most 8589934591), not", t);
	if (parse_ref(o, ref))
		return usage("-n wants a lower-case image name and an optional :TAG, not", ref);
	if (o->im.user && !valid_user(o->im.user))
		return usage("-u wants numeric UID:GID, not", o->im.user);
	if (o->im.cwd && (o->im.cwd[0] != '/' || !json_utf8_valid(o->im.cwd)))
		return usage("-w wants an absolute path in UTF-8, not", o->im.cwd);
	if (argc - optind < 3 || strcmp(argv[optind + 1], "--"))
		return usage("ROOTFS_DIR, then -- and the command, are needed", NULL);
	o->root = argv[optind];
	o->im.cmd = argv + optind + 2;
	o->im.ncmd = (size_t)(argc - optind - 2);
	for (i = optind + 2; i < argc; i++)
		if (!json_utf8_valid(argv[i]))
			return usage("the command is not UTF-8 text:", argv[i]);
	return 0;
}

static char *with_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s%s", path, suffix);
	return s;
}

/* The layer goes to an unnamed file beside OUT: it may be larger than
 * /tmp, and it disappears with us whatever happens. */
static int layer_file(const char *out)
{
	char *path = with_suffix(out, ".layer.XXXXXX");
	int fd = path ? mkstemp(path) : -1;

	if (fd < 0)
		fprintf(stderr, PROG ": cannot create a temporary file beside %s: %s\n", out,
		        strerror(path ? errno : ENOMEM));
	else
		unlink(path);
	free(path);
	return fd;
}

static int export(const struct opts *o, const char *tmp, int out_fd,
                  struct blob *layer_blob, struct blob *manifest)
{
	struct sink layer, out;
	unsigned char digest[32];
	struct stat st;
	int fd, rc;

	if (fstat(out_fd, &st)) {
		fprintf(stderr, PROG ": cannot stat %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	if ((fd = layer_file(o->out)) < 0)
		return -1;
	sink_init(&layer, fd, "the layer's temporary file");
	rc = layer_write(o->root, o->im.epoch, st.st_dev, st.st_ino, &layer);
	if (!rc) {
		sha256_final(&layer.sha, digest);
		sha256_hex(digest, layer_blob->hex);
		layer_blob->size = layer.size;
		sink_init(&out, out_fd, tmp);
		rc = layout_write(&out, &o->im, fd, layer.path, layer_blob, manifest);
	}
	close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	struct opts o = { .env = calloc((size_t)argc, sizeof(char *)) };
	struct blob layer, manifest;
	char *tmp;
	int fd, rc;

	if (!o.env) {
		fprintf(stderr, PROG ": out of memory\n");
		return 1;
	}
	o.im.env = o.env;
	o.im.name = o.name;
	if ((rc = parse(&o, argc, argv)) || !(tmp = with_suffix(o.out, ".tmp"))) {
		free(o.env);
		free(o.sbom);
		return rc ? rc : 1;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		fprintf(stderr, PROG ": cannot create %s: %s\n", tmp, strerror(errno));
	rc = fd < 0 ? -1 : export(&o, tmp, fd, &layer, &manifest);
	if (fd >= 0 && close(fd) && !rc) {
		fprintf(stderr, PROG ": cannot write %s: %s\n", tmp, strerror(errno));
		rc = -1;
	}
	if (!rc && rename(tmp, o.out)) {
		fprintf(stderr, PROG ": cannot rename %s to %s: %s\n", tmp, o.out,
		        strerror(errno));
		rc = -1;
	}
	if (!rc)
		printf("%s: %s:%s, manifest sha256:%s, layer %llu bytes\n", o.out, o.name,
		       o.im.tag, manifest.hex, (unsigned long long)layer.size);
	if (rc) {
		/* no half-written archive, and no older one that could pass for
		 * the result of this run */
		unlink(tmp);
		unlink(o.out);
	}
	free(tmp);
	free(o.env);
	free(o.sbom);
	return rc ? 1 : 0;
}
