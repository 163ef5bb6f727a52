/* The oci-archive: an OCI image layout directory as one tar, in the
 * order oci-layout, index.json, blobs/, blobs/sha256/, then the layer,
 * config and manifest blobs, each named by its sha256; with an SBOM,
 * then its blob, the empty config and the SBOM's manifest. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ociimage.h"

/* The image config holds the command line and environment: bounded so a
 * runaway -e list is refused rather than written. */
#define CONFIG_MAX (1 << 20)
#define SMALL_MAX 4096

static int put_file(struct sink *out, const char *name, const char *data, size_t n,
                    uint64_t mtime)
{
	struct tar_entry e = { .name = name, .type = '0', .mode = 0644, .size = n,
	                       .mtime = mtime };

	return sink_entry(out, &e) || sink_write(out, data, n) || sink_pad(out) ? -1 : 0;
}

static int put_dir(struct sink *out, const char *name, uint64_t mtime)
{
	struct tar_entry e = { .name = name, .type = '5', .mode = 0755, .mtime = mtime };

	return sink_entry(out, &e);
}

static int put_layer(struct sink *out, int fd, const char *path, const struct blob *b,
                     uint64_t mtime)
{
	char name[128];
	struct tar_entry e = { .name = name, .type = '0', .mode = 0644, .size = b->size,
	                       .mtime = mtime };

	snprintf(name, sizeof name, "blobs/sha256/%s", b->hex);
	if (lseek(fd, 0, SEEK_SET) < 0) {
		fprintf(stderr, PROG ": cannot rewind %s: %s\n", path, strerror(errno));
		return -1;
	}
	return sink_entry(out, &e) || sink_copy_fd(out, fd, path, b->size) ? -1 : 0;
}

static int put_data(struct sink *out, const char *data, size_t n, const struct blob *b,
                    uint64_t mtime)
{
	char name[128];

	snprintf(name, sizeof name, "blobs/sha256/%s", b->hex);
	return put_file(out, name, data, n, mtime);
}

static int put_blob(struct sink *out, const struct json *j, const struct blob *b,
                    uint64_t mtime)
{
	return put_data(out, j->buf, j->len, b, mtime);
}

/* The SBOM, its empty config and its manifest, when there is one. */
static int put_sbom(struct sink *out, const struct image *im, const struct json *manifest,
                    const struct blob *sbom, const struct blob *manifest_blob, uint64_t t)
{
	struct blob empty;

	if (!im->sbom)
		return 0;
	blob_of(&empty, empty_config, strlen(empty_config));
	return put_data(out, im->sbom, im->sbom_len, sbom, t) ||
	       put_data(out, empty_config, strlen(empty_config), &empty, t) ||
	       put_blob(out, manifest, manifest_blob, t) ? -1 : 0;
}

static int too_big(const char *what)
{
	fprintf(stderr, PROG ": the %s is too large; shorten the -e, -n or command "
	        "arguments\n", what);
	return -1;
}

int layout_write(struct sink *out, const struct image *im, int layer_fd,
                 const char *layer_path, const struct blob *layer,
                 struct blob *manifest_blob)
{
	static const char oci_layout[] = "{\"imageLayoutVersion\":\"1.0.0\"}";
	char manifest_buf[SMALL_MAX], index_buf[SMALL_MAX], sbom_manifest_buf[SMALL_MAX];
	char *config_buf = malloc(CONFIG_MAX);
	struct json config, manifest, index, sbom_man;
	struct blob config_blob, sbom_blob = { .size = 0 }, sbom_manifest_blob = { .size = 0 };
	uint64_t t = im->epoch;
	int rc = -1;

	if (!config_buf) {
		fprintf(stderr, PROG ": out of memory\n");
		return -1;
	}
	json_to_buffer(&config, config_buf, CONFIG_MAX, 0);
	image_config(&config, im, layer);
	blob_of(&config_blob, config.buf, config.len);
	json_to_buffer(&manifest, manifest_buf, sizeof manifest_buf, 0);
	image_manifest(&manifest, &config_blob, layer);
	blob_of(manifest_blob, manifest.buf, manifest.len);
	json_to_buffer(&sbom_man, sbom_manifest_buf, sizeof sbom_manifest_buf, 0);
	if (im->sbom) {
		blob_of(&sbom_blob, im->sbom, im->sbom_len);
		sbom_manifest(&sbom_man, &sbom_blob, manifest_blob);
		blob_of(&sbom_manifest_blob, sbom_man.buf, sbom_man.len);
	}
	json_to_buffer(&index, index_buf, sizeof index_buf, 0);
	image_index(&index, im, manifest_blob, im->sbom ? &sbom_manifest_blob : NULL);
	if (config.bad)
		too_big("image config");
	else if (manifest.bad || index.bad || sbom_man.bad)
		too_big("image index");
	else if (!put_file(out, "oci-layout", oci_layout, strlen(oci_layout), t) &&
	         !put_file(out, "index.json", index.buf, index.len, t) &&
	         !put_dir(out, "blobs/", t) && !put_dir(out, "blobs/sha256/", t) &&
	         !put_layer(out, layer_fd, layer_path, layer, t) &&
	         !put_blob(out, &config, &config_blob, t) &&
	         !put_blob(out, &manifest, manifest_blob, t) &&
	         !put_sbom(out, im, &sbom_man, &sbom_blob, &sbom_manifest_blob, t) &&
	         !sink_end(out))
		rc = 0;
	free(config_buf);
	return rc;
}
