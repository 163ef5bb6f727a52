/* The three JSON documents of an OCI image (image-spec v1.0): the image
 * config, the manifest naming config and layer, and the index naming the
 * manifest.  Keys come in a fixed order, so equal input gives equal
 * bytes and equal digests. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ociimage.h"

#define MT_INDEX "application/vnd.oci.image.index.v1+json"
#define MT_MANIFEST "application/vnd.oci.image.manifest.v1+json"
#define MT_CONFIG "application/vnd.oci.image.config.v1+json"
#define MT_LAYER "application/vnd.oci.image.layer.v1.tar"

/* "1970-01-01T00:00:00Z"; -1 when the year would not have four digits */
int rfc3339(uint64_t epoch, char out[32])
{
	time_t t = (time_t)epoch;
	struct tm tm;

	if (epoch > 253402300799ULL || !gmtime_r(&t, &tm))
		return -1;
	return strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) ? 0 : -1;
}

void blob_of(struct blob *b, const void *data, size_t n)
{
	struct sha256 s;
	unsigned char d[32];

	sha256_init(&s);
	sha256_update(&s, data, n);
	sha256_final(&s, d);
	sha256_hex(d, b->hex);
	b->size = n;
}

static void descriptor(struct json *j, const char *media_type, const struct blob *b)
{
	char digest[8 + 64 + 1];

	snprintf(digest, sizeof digest, "sha256:%s", b->hex);
	json_key(j, "mediaType");
	json_string(j, media_type);
	json_key(j, "digest");
	json_string(j, digest);
	json_key(j, "size");
	json_uint(j, b->size);
}

static void strings(struct json *j, const char *key, char *const *v, size_t n)
{
	size_t i;

	json_key(j, key);
	json_open(j, '[');
	for (i = 0; i < n; i++)
		json_string(j, v[i]);
	json_close(j, ']');
}

void image_config(struct json *j, const struct image *im, const struct blob *layer)
{
	char created[32], diff_id[8 + 64 + 1];

	if (rfc3339(im->epoch, created))
		created[0] = '\0'; /* main refused such an epoch already */
	snprintf(diff_id, sizeof diff_id, "sha256:%s", layer->hex);
	json_open(j, '{');
	json_key(j, "architecture");
	json_string(j, im->arch);
	json_key(j, "os");
	json_string(j, "linux");
	json_key(j, "created");
	json_string(j, created);
	json_key(j, "config");
	json_open(j, '{');
	strings(j, "Env", im->env, im->nenv);
	strings(j, "Cmd", im->cmd, im->ncmd);
	if (im->user) {
		json_key(j, "User");
		json_string(j, im->user);
	}
	if (im->cwd) {
		json_key(j, "WorkingDir");
		json_string(j, im->cwd);
	}
	json_close(j, '}');
	json_key(j, "rootfs");
	json_open(j, '{');
	json_key(j, "type");
	json_string(j, "layers");
	/* the layer is not compressed, so its digest is also its diff_id */
	strings(j, "diff_ids", (char *const[]){ diff_id }, 1);
	json_close(j, '}');
	json_key(j, "history");
	json_open(j, '[');
	json_open(j, '{');
	json_key(j, "created");
	json_string(j, created);
	json_key(j, "created_by");
	json_string(j, "kitroot kr-ociimage");
	json_close(j, '}');
	json_close(j, ']');
	json_close(j, '}');
}

void image_manifest(struct json *j, const struct blob *config, const struct blob *layer)
{
	json_open(j, '{');
	json_key(j, "schemaVersion");
	json_uint(j, 2);
	json_key(j, "mediaType");
	json_string(j, MT_MANIFEST);
	json_key(j, "config");
	json_open(j, '{');
	descriptor(j, MT_CONFIG, config);
	json_close(j, '}');
	json_key(j, "layers");
	json_open(j, '[');
	json_open(j, '{');
	descriptor(j, MT_LAYER, layer);
	json_close(j, '}');
	json_close(j, ']');
	json_close(j, '}');
}

/* Two names for the one manifest: the tag alone, as the image layout
 * spec has it (skopeo, podman), and the full NAME:TAG that containerd
 * ("ctr images import") takes as the image name. */
void image_index(struct json *j, const struct image *im, const struct blob *manifest)
{
	char full[512];

	snprintf(full, sizeof full, "%s:%s", im->name, im->tag);
	json_open(j, '{');
	json_key(j, "schemaVersion");
	json_uint(j, 2);
	json_key(j, "mediaType");
	json_string(j, MT_INDEX);
	json_key(j, "manifests");
	json_open(j, '[');
	json_open(j, '{');
	descriptor(j, MT_MANIFEST, manifest);
	json_key(j, "annotations");
	json_open(j, '{');
	json_key(j, "io.containerd.image.name");
	json_string(j, full);
	json_key(j, "org.opencontainers.image.ref.name");
	json_string(j, im->tag);
	json_close(j, '}');
	json_close(j, '}');
	json_close(j, ']');
	json_close(j, '}');
}
