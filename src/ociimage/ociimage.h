/* kr-ociimage: one container's root filesystem as an OCI image layout
 * packed in a single tar archive (an "oci-archive"). */
#ifndef KR_OCIIMAGE_H
#define KR_OCIIMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../lib/json.h"

#define PROG "kr-ociimage"

/* The longest path inside the rootfs we accept, relative to its top.
 * Linux's PATH_MAX: nothing longer can be created with one system call. */
#define REL_PATH_MAX 4096

/* sha256.c: SHA-256 as FIPS 180-4 describes it, fed in pieces. */
struct sha256 {
	uint32_t h[8];
	uint64_t bytes;          /* message length so far */
	unsigned char block[64]; /* a partial block waiting for more */
	size_t fill;
};
void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, unsigned char digest[32]);
void sha256_hex(const unsigned char digest[32], char hex[65]);

/* tar.c: ustar headers and pax records, built in memory only. */
#define TAR_BLOCK 512
#define TAR_OCTAL_MAX 077777777777ULL /* the most 11 octal digits hold */
#define TAR_PAX_MAX (3 * (REL_PATH_MAX + 64)) /* path, linkpath, size */

struct tar_entry {
	const char *name;     /* as stored: relative, directories end in '/' */
	const char *link;     /* hard or symbolic link target, else NULL */
	char type;            /* '0' file, '1' hard link, '2' symlink, '3' char,
	                       * '4' block, '5' directory, '6' fifo, 'x' pax */
	unsigned mode;        /* permission bits, mode & 07777 */
	uint64_t size;
	uint64_t mtime;
	unsigned devmajor, devminor;
};

int tar_split_name(const char *name, size_t *prefix_len);
size_t tar_pax_record(char *out, size_t cap, const char *key, const char *value);
size_t tar_pax_records(const struct tar_entry *e, char *out, size_t cap);
int tar_header(unsigned char h[TAR_BLOCK], const struct tar_entry *e);
unsigned tar_normal_mode(unsigned st_mode);
unsigned tar_checksum(const unsigned char h[TAR_BLOCK]);
void tar_pax_name(const char *name, char *out, size_t cap);

/* sink.c: a tar stream written to a file, counted and hashed. */
struct sink {
	int fd;
	const char *path; /* for messages */
	struct sha256 sha;
	uint64_t size;
};
void sink_init(struct sink *s, int fd, const char *path);
int sink_write(struct sink *s, const void *data, size_t n);
int sink_pad(struct sink *s);
int sink_entry(struct sink *s, const struct tar_entry *e);
int sink_end(struct sink *s);
int sink_copy_fd(struct sink *s, int fd, const char *path, uint64_t size);

/* links.c: which file a hard-linked inode was first stored as. */
struct link_slot;
struct links {
	struct link_slot *slot;
	size_t cap, used;
};
int links_find_or_add(struct links *l, dev_t dev, ino_t ino, const char *name,
                      const char **first);
void links_free(struct links *l);

/* walk.c: the layer, a tar of the rootfs in sorted path order.  skip_dev
 * and skip_ino name the archive being written, refused if found inside. */
int layer_write(const char *root, uint64_t mtime, dev_t skip_dev, ino_t skip_ino,
                struct sink *out);

/* image.c: the image config, manifest and index documents. */
struct image {
	const char *arch;   /* OCI name: amd64, arm64, s390x */
	uint64_t epoch;
	const char *name;   /* repository, without the tag */
	const char *tag;
	char *const *env;   /* NAME=VALUE */
	size_t nenv;
	const char *user;   /* UID:GID or NULL */
	const char *cwd;    /* or NULL */
	char *const *cmd;
	size_t ncmd;
	const char *sbom;   /* CycloneDX JSON of the image's contents, or NULL */
	size_t sbom_len;
};
struct blob {
	char hex[65];
	uint64_t size;
};
int rfc3339(uint64_t epoch, char out[32]);
void image_config(struct json *j, const struct image *im, const struct blob *layer);
void image_manifest(struct json *j, const struct blob *config, const struct blob *layer);
void image_index(struct json *j, const struct image *im, const struct blob *manifest,
                 const struct blob *sbom_manifest);
void sbom_manifest(struct json *j, const struct blob *sbom, const struct blob *subject);
extern const char empty_config[];
void blob_of(struct blob *b, const void *data, size_t n);
int valid_arch(const char *arch);
int valid_name(const char *name);
int valid_tag(const char *tag);
int valid_user(const char *user);

/* layout.c: the oci-archive around the finished layer. */
int layout_write(struct sink *out, const struct image *im, int layer_fd,
                 const char *layer_path, const struct blob *layer,
                 struct blob *manifest);

#endif
