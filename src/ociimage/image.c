/* The three JSON documents of an OCI image (image-spec v1.0): the image
 * config, the manifest naming config and layer, and the index naming the
 * manifest; with an SBOM, the artifact manifest that attaches it to the
 * image (image-spec v1.1: artifactType, subject), which the index lists
 * too, as oras and cosign attach SBOMs and "oras discover" finds them.
 * Keys come in a fixed order, so equal input gives equal bytes and
 * equal digests. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ociimage.h"

#define MT_INDEX "application/vnd.oci.image.index.v1+json"
#define MT_MANIFEST "application/vnd.oci.image.manifest.v1+json"
#define MT_CONFIG "application/vnd.oci.image.config.v1+json"
#define MT_LAYER "application/vnd.oci.image.layer.v1.tar"
#define MT_EMPTY "application/vnd.oci.empty.v1+json"
#define MT_CYCLONEDX "application/vnd.cyclonedx+json"

/* An artifact's config: the empty descriptor image-spec v1.1 defines. */
const char empty_config[] = "{}";

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
	json_str(j, "mediaType", media_type);
	json_str(j, "digest", digest);
	json_uint(j, "size", b->size);
}

static void strings(struct json *j, const char *key, char *const *v, size_t n)
{
	size_t i;

	json_open(j, key, '[');
	for (i = 0; i < n; i++)
		json_str(j, NULL, v[i]);
	json_close(j, ']');
}

void image_config(struct json *j, const struct image *im, const struct blob *layer)
{
	char created[32], diff_id[8 + 64 + 1];

	if (rfc3339(im->epoch, created))
		created[0] = '\0'; /* main refused such an epoch already */
	snprintf(diff_id, sizeof diff_id, "sha256:%s", layer->hex);
	json_open(j, NULL, '{');
	json_str(j, "architecture", im->arch);
	json_str(j, "os", "linux");
	json_str(j, "created", created);
	json_open(j, "config", '{');
	strings(j, "Env", im->env, im->nenv);
	strings(j, "Cmd", im->cmd, im->ncmd);
	if (im->user) {
		json_str(j, "User", im->user);
	}
	if (im->cwd) {
		json_str(j, "WorkingDir", im->cwd);
	}
	json_close(j, '}');
	json_open(j, "rootfs", '{');
	json_str(j, "type", "layers");
	/* the layer is not compressed, so its digest is also its diff_id */
	strings(j, "diff_ids", (char *const[]){ diff_id }, 1);
	json_close(j, '}');
	json_open(j, "history", '[');
	json_open(j, NULL, '{');
	json_str(j, "created", created);
	json_str(j, "created_by", "kitroot kr-ociimage");
	json_close(j, '}');
	json_close(j, ']');
	json_close(j, '}');
}

/* A manifest of one config and one layer; an artifact adds its type
 * and the manifest it refers to (NULL for an image). */
static void manifest(struct json *j, const char *artifact_type, const char *config_type,
                     const struct blob *config, const char *layer_type, const struct blob *layer,
                     const struct blob *subject)
{
	json_open(j, NULL, '{');
	json_uint(j, "schemaVersion", 2);
	json_str(j, "mediaType", MT_MANIFEST);
	if (artifact_type)
		json_str(j, "artifactType", artifact_type);
	json_open(j, "config", '{');
	descriptor(j, config_type, config);
	json_close(j, '}');
	json_open(j, "layers", '[');
	json_open(j, NULL, '{');
	descriptor(j, layer_type, layer);
	json_close(j, '}');
	json_close(j, ']');
	if (subject) {
		json_open(j, "subject", '{');
		descriptor(j, MT_MANIFEST, subject);
		json_close(j, '}');
	}
	json_close(j, '}');
}

void image_manifest(struct json *j, const struct blob *config, const struct blob *layer)
{
	manifest(j, NULL, MT_CONFIG, config, MT_LAYER, layer, NULL);
}

/* The SBOM as an artifact whose subject is the image manifest. */
void sbom_manifest(struct json *j, const struct blob *sbom, const struct blob *subject)
{
	struct blob empty;

	blob_of(&empty, empty_config, sizeof empty_config - 1);
	manifest(j, MT_CYCLONEDX, MT_EMPTY, &empty, MT_CYCLONEDX, sbom, subject);
}

/* Two names for the one manifest: the tag alone, as the image layout
 * spec has it (skopeo, podman), and the full NAME:TAG that containerd
 * ("ctr images import") takes as the image name.  The SBOM's manifest,
 * when there is one, has no name: tools that open the archive by tag
 * see the image alone. */
void image_index(struct json *j, const struct image *im, const struct blob *manifest,
                 const struct blob *sbom)
{
	char full[512];

	snprintf(full, sizeof full, "%s:%s", im->name, im->tag);
	json_open(j, NULL, '{');
	json_uint(j, "schemaVersion", 2);
	json_str(j, "mediaType", MT_INDEX);
	json_open(j, "manifests", '[');
	json_open(j, NULL, '{');
	descriptor(j, MT_MANIFEST, manifest);
	json_open(j, "annotations", '{');
	json_str(j, "io.containerd.image.name", full);
	json_str(j, "org.opencontainers.image.ref.name", im->tag);
	json_close(j, '}');
	json_close(j, '}');
	if (sbom) {
		json_open(j, NULL, '{');
		descriptor(j, MT_MANIFEST, sbom);
		json_str(j, "artifactType", MT_CYCLONEDX);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_close(j, '}');
}
