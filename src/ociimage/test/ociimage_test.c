/* kr-ociimage's pieces: SHA-256 against the FIPS 180-4 examples, ustar
 * headers and pax records byte by byte, the JSON writer, the name
 * checks, and the same rootfs giving the same layer twice. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../test/check.h"
#include "../ociimage.h"

/* the hex digest of n bytes fed in pieces of at most step bytes */
static const char *digest(const void *data, size_t n, size_t step, char hex[65])
{
	const unsigned char *p = data;
	unsigned char d[32];
	struct sha256 s;
	size_t k;

	sha256_init(&s);
	for (; n; p += k, n -= k) {
		k = n < step ? n : step;
		sha256_update(&s, p, k);
	}
	sha256_final(&s, d);
	sha256_hex(d, hex);
	return hex;
}

static void test_sha256(struct tally *t)
{
	static const char *const around_block[] = { /* bytes 0, 1, 2, ... */
		"463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59",
		"da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562",
		"29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488",
		"fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108",
		"4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781",
	};
	static const size_t lengths[] = { 55, 56, 63, 64, 65 };
	unsigned char seq[65];
	char *million = malloc(1000000), hex[65];
	size_t i;

	CHECK(t, !strcmp(digest("", 0, 1, hex),
	      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
	CHECK(t, !strcmp(digest("abc", 3, 3, hex),
	      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
	CHECK(t, !strcmp(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, 56, hex),
	      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
	if (million) {
		memset(million, 'a', 1000000);
		CHECK(t, !strcmp(digest(million, 1000000, 1000000, hex),
		      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
		/* pieces that never line up with a block */
		CHECK(t, !strcmp(digest(million, 1000000, 37, hex),
		      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
		free(million);
	}
	/* the padding lands in one block or spills into a second */
	for (i = 0; i < sizeof seq; i++)
		seq[i] = (unsigned char)i;
	for (i = 0; i < 5; i++)
		CHECK(t, !strcmp(digest(seq, lengths[i], 1, hex), around_block[i]));
}

static unsigned long field(const unsigned char *h, int off, int width)
{
	char buf[16];

	memcpy(buf, h + off, (size_t)width);
	buf[width] = '\0';
	return strtoul(buf, NULL, 8);
}

static void test_tar_header(struct tally *t)
{
	unsigned char h[TAR_BLOCK];
	struct tar_entry e = { .name = "etc/hostname", .type = '0', .mode = 0640,
	                       .size = 6, .mtime = 1700000000 };
	static const unsigned char zero[32];
	unsigned sum;

	CHECK(t, tar_header(h, &e) == 0);
	CHECK(t, !strcmp((char *)h, "etc/hostname"));
	CHECK(t, !memcmp(h + 100, "0000640", 8));
	CHECK(t, !memcmp(h + 108, "0000000", 8) && !memcmp(h + 116, "0000000", 8));
	CHECK(t, !memcmp(h + 124, "00000000006", 12));
	CHECK(t, field(h, 136, 11) == 1700000000);
	CHECK(t, h[156] == '0' && !memcmp(h + 257, "ustar\0" "00", 8));
	CHECK(t, !memcmp(h + 265, zero, 32) && !memcmp(h + 297, zero, 32)); /* no names */
	CHECK(t, field(h, 148, 6) == tar_checksum(h) && h[154] == '\0' && h[155] == ' ');
	/* the checksum ignores its own field */
	sum = tar_checksum(h);
	memset(h + 148, 'x', 8);
	CHECK(t, tar_checksum(h) == sum);
	e.mode = 010000;
	CHECK(t, tar_header(h, &e) == -1);
	e.mode = 0644, e.type = '3', e.devmajor = 4, e.devminor = 64, e.size = 0;
	CHECK(t, tar_header(h, &e) == 0 && field(h, 329, 7) == 4 && field(h, 337, 7) == 64);
}

static void test_tar_names(struct tally *t)
{
	char name[300], link[200], rec[TAR_PAX_MAX], pax[128];
	unsigned char h[TAR_BLOCK];
	struct tar_entry e = { .name = name, .type = '0', .mode = 0644 };
	size_t prefix, n;

	memset(name, 'n', 100);
	name[100] = '\0';
	CHECK(t, tar_split_name(name, &prefix) == 0 && prefix == 0);
	/* 60 + '/' + 90: the prefix field takes the directory */
	memset(name, 'd', 60), name[60] = '/', memset(name + 61, 'f', 90), name[151] = '\0';
	CHECK(t, tar_split_name(name, &prefix) == 0 && prefix == 60);
	CHECK(t, tar_header(h, &e) == 0 && !memcmp(h + 345, name, 60) && h[345 + 60] == '\0' &&
	      !memcmp(h, name + 61, 90));
	CHECK(t, tar_pax_records(&e, rec, sizeof rec) == 0);
	/* one 120-byte component: only pax can hold it */
	memset(name, 'x', 120), name[120] = '\0';
	CHECK(t, tar_split_name(name, &prefix) == -1);
	n = tar_pax_records(&e, rec, sizeof rec);
	CHECK(t, n == 130 && !memcmp(rec, "130 path=xxx", 12) && rec[129] == '\n');
	/* a directory's trailing '/' is never split off as the name */
	memset(name, 'd', 150), name[150] = '/', name[151] = '\0';
	CHECK(t, tar_split_name(name, &prefix) == -1);
	/* records count their own length, even when that adds a digit */
	CHECK(t, tar_pax_record(rec, sizeof rec, "path", "abc") == 12 &&
	      !strcmp(rec, "12 path=abc\n"));
	memset(link, 'l', 91), link[91] = '\0';
	CHECK(t, tar_pax_record(rec, sizeof rec, "path", link) == 101 &&
	      !strncmp(rec, "101 path=", 9) && strlen(rec) == 101);
	CHECK(t, tar_pax_record(rec, 50, "path", link) == 0);
	memset(link, 'l', 150), link[150] = '\0';
	strcpy(name, "bin/sh");
	e.type = '2', e.link = link, e.size = 0;
	n = tar_pax_records(&e, rec, sizeof rec);
	CHECK(t, n > 0 && !strncmp(rec + strcspn(rec, " ") + 1, "linkpath=lll", 12));
	e.type = '0', e.link = NULL, e.size = TAR_OCTAL_MAX + 1;
	n = tar_pax_records(&e, rec, sizeof rec);
	CHECK(t, n == 19 && !strcmp(rec, "19 size=8589934592\n") && tar_header(h, &e) == 0 &&
	      !memcmp(h + 124, "00000000000", 12));
	memset(name, 'q', 250), name[250] = '/', name[251] = '\0';
	tar_pax_name(name, pax, sizeof pax);
	CHECK(t, strlen(pax) == 100 && !strncmp(pax, "PaxHeaders/qqq", 14));
}

static void test_json(struct tally *t)
{
	char buf[128], small[8];
	struct json j;

	json_to_buffer(&j, buf, sizeof buf, 0);
	json_open(&j, NULL, '{');
	json_open(&j, "a", '[');
	json_str(&j, NULL, "q\"\\\n\x01");
	json_uint(&j, NULL, 42);
	json_close(&j, ']');
	json_open(&j, "b", '{');
	json_close(&j, '}');
	json_close(&j, '}');
	CHECK(t, !j.bad && !strcmp(buf, "{\"a\":[\"q\\\"\\\\\\n\\u0001\",42],\"b\":{}}"));
	json_to_buffer(&j, small, sizeof small, 0);
	json_str(&j, NULL, "far too long");
	CHECK(t, j.bad && strlen(small) < sizeof small);
	CHECK(t, json_utf8_valid("plain") && json_utf8_valid("\xc3\xbc\xe2\x82\xac\xf0\x9f\x98\x80"));
	CHECK(t, !json_utf8_valid("\xc0\xaf") && !json_utf8_valid("\xed\xa0\x80") &&
	      !json_utf8_valid("\xe2\x82") && !json_utf8_valid("\xff"));
}

static void test_names(struct tally *t)
{
	char ts[32];

	CHECK(t, valid_arch("amd64") && valid_arch("arm64") && valid_arch("s390x") &&
	      valid_arch("386"));
	CHECK(t, !valid_arch("") && !valid_arch("x86_64") && !valid_arch("AMD64") &&
	      !valid_arch("arm 64") && !valid_arch("averyveryverylong"));
	CHECK(t, valid_name("kitroot/web") && valid_name("registry.example:5000/a/b-c__d") &&
	      valid_name("localhost/x.y") && valid_name("a--b"));
	CHECK(t, !valid_name("") && !valid_name("Upper") && !valid_name("a//b") &&
	      !valid_name("a/") && !valid_name("a..b") && !valid_name("a___b") &&
	      !valid_name("-a"));
	CHECK(t, valid_tag("latest") && valid_tag("1.0_rc-2") && !valid_tag("") &&
	      !valid_tag(".x") && !valid_tag("a/b"));
	CHECK(t, valid_user("0:0") && valid_user("1000:4294967295") && !valid_user("root") &&
	      !valid_user("1:") && !valid_user("1:4294967296"));
	CHECK(t, rfc3339(0, ts) == 0 && !strcmp(ts, "1970-01-01T00:00:00Z"));
	CHECK(t, rfc3339(1700000000, ts) == 0 && !strcmp(ts, "2023-11-14T22:13:20Z"));
}

static void test_documents(struct tally *t)
{
	static char *const env[] = { "PATH=/bin" }, *const cmd[] = { "/bin/sh", "-c", "x" };
	struct image im = { .arch = "arm64", .epoch = 86400, .name = "kitroot/x", .tag = "v1",
	                    .env = env, .nenv = 1, .cmd = cmd, .ncmd = 3 };
	struct blob layer = { .size = 1024 }, a, b;
	char buf1[2048], buf2[2048];
	struct json j1, j2;
	static const char head[] = "{\"architecture\":\"arm64\",\"os\":\"linux\","
		"\"created\":\"1970-01-02T00:00:00Z\",\"config\":{\"Env\":[\"PATH=/bin\"],"
		"\"Cmd\":[\"/bin/sh\",\"-c\",\"x\"]},\"rootfs\":{\"type\":\"layers\",";

	memset(layer.hex, 'a', 64), layer.hex[64] = '\0';
	json_to_buffer(&j1, buf1, sizeof buf1, 0);
	json_to_buffer(&j2, buf2, sizeof buf2, 0);
	image_config(&j1, &im, &layer);
	image_config(&j2, &im, &layer);
	CHECK(t, !j1.bad && !strcmp(buf1, buf2));
	CHECK(t, !strncmp(buf1, head, sizeof head - 1));
	CHECK(t, strstr(buf1, "\"diff_ids\":[\"sha256:aaaa") && !strstr(buf1, "User"));
	blob_of(&a, buf1, j1.len);
	json_to_buffer(&j1, buf1, sizeof buf1, 0);
	image_manifest(&j1, &a, &layer);
	blob_of(&b, buf1, j1.len);
	json_to_buffer(&j1, buf1, sizeof buf1, 0);
	image_index(&j1, &im, &b, NULL);
	CHECK(t, strstr(buf1, "\"org.opencontainers.image.ref.name\":\"v1\"") &&
	      strstr(buf1, "\"io.containerd.image.name\":\"kitroot/x:v1\"") &&
	      !strstr(buf1, "artifactType"));
	/* the SBOM artifact: its subject is the image manifest, the index
	 * lists it unnamed after the image */
	blob_of(&a, "{\"bomFormat\":\"CycloneDX\"}", 25);
	json_to_buffer(&j2, buf2, sizeof buf2, 0);
	sbom_manifest(&j2, &a, &b);
	CHECK(t, !j2.bad && strstr(buf2, "\"artifactType\":\"application/vnd.cyclonedx+json\"") &&
	      strstr(buf2, "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\","
	             "\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\","
	             "\"size\":2}") &&
	      strstr(buf2, "\"subject\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"") &&
	      strstr(buf2, b.hex));
	blob_of(&a, buf2, j2.len);
	json_to_buffer(&j1, buf1, sizeof buf1, 0);
	image_index(&j1, &im, &b, &a);
	CHECK(t, strstr(buf1, b.hex) && strstr(buf1, a.hex) && strstr(buf1, b.hex) < strstr(buf1, a.hex) &&
	      strstr(buf1, "\"artifactType\":\"application/vnd.cyclonedx+json\"}]"));
}

/* the layer of dir written to a fresh unnamed file: its digest */
static int layer_of(const char *dir, char hex[65], uint64_t *size)
{
	char path[] = "/tmp/ociimage-test-layer.XXXXXX";
	unsigned char d[32];
	struct sink s;
	int fd = mkstemp(path), rc;

	if (fd < 0)
		return -1;
	unlink(path);
	sink_init(&s, fd, path);
	rc = layer_write(dir, 1234, 0, 0, &s);
	sha256_final(&s.sha, d);
	sha256_hex(d, hex);
	*size = s.size;
	close(fd);
	return rc;
}

static void test_layer(struct tally *t)
{
	char dir[] = "/tmp/ociimage-test.XXXXXX", p[256], hex1[65], hex2[65];
	uint64_t size1 = 0, size2 = 0;
	int ok;

	if (!mkdtemp(dir)) {
		CHECK(t, !"mkdtemp");
		return;
	}
	snprintf(p, sizeof p, "%s/b", dir);
	ok = !mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/b/f", dir);
	ok = ok && !close(open(p, O_WRONLY | O_CREAT, 0644));
	snprintf(p, sizeof p, "%s/a", dir);
	ok = ok && !symlink("b/f", p);
	CHECK(t, ok && layer_of(dir, hex1, &size1) == 0 && layer_of(dir, hex2, &size2) == 0);
	/* a, b/, b/f: three headers and the two closing blocks */
	CHECK(t, !strcmp(hex1, hex2) && size1 == size2 && size1 == 5 * TAR_BLOCK);
	snprintf(p, sizeof p, "%s/no-such-dir", dir);
	CHECK(t, layer_of(p, hex1, &size1) == -1);
	snprintf(p, sizeof p, "rm -rf '%s'", dir);
	CHECK(t, system(p) == 0);
}

static void test_modes(struct tally *t)
{
	CHECK(t, tar_normal_mode(S_IFDIR | 0775) == 0755);
	CHECK(t, tar_normal_mode(S_IFDIR | 0700) == 0755);
	CHECK(t, tar_normal_mode(S_IFREG | 0775) == 0755);
	CHECK(t, tar_normal_mode(S_IFREG | 04755) == 0755);
	CHECK(t, tar_normal_mode(S_IFREG | 0664) == 0644);
	CHECK(t, tar_normal_mode(S_IFREG | 0600) == 0644);
	CHECK(t, tar_normal_mode(S_IFLNK | 0755) == 0777);
}

int main(void)
{
	struct tally t = { 0, 0 };

	test_sha256(&t);
	test_tar_header(&t);
	test_tar_names(&t);
	test_json(&t);
	test_names(&t);
	test_documents(&t);
	test_layer(&t);
	test_modes(&t);
	return tally_report("ociimage", &t);
}
