/* ustar headers (POSIX.1-2001 "pax" interchange format) and pax extended
 * header records, built in memory: nothing here does I/O, so the unit
 * tests can look at every byte. */
#include <stdio.h>
#include <string.h>

#include <sys/stat.h>

#include "ociimage.h"

/* Field offsets and widths of the ustar header. */
enum {
	F_NAME = 0, W_NAME = 100,
	F_MODE = 100, F_UID = 108, F_GID = 116, W_ID = 8,
	F_SIZE = 124, F_MTIME = 136, W_NUM = 12,
	F_CHKSUM = 148,
	F_TYPE = 156,
	F_LINK = 157,
	F_MAGIC = 257, F_VERSION = 263,
	F_DEVMAJOR = 329, F_DEVMINOR = 337,
	F_PREFIX = 345, W_PREFIX = 155,
};

/* width-1 zero-padded octal digits and a NUL; the caller checked the fit */
static void octal(unsigned char *field, int width, uint64_t v)
{
	int i;

	for (i = width - 2; i >= 0; i--, v >>= 3)
		field[i] = (unsigned char)('0' + (v & 7));
	field[width - 1] = '\0';
}

/* A name fits when it is at most 100 bytes, or splits at a '/' into a
 * prefix of at most 155 and a non-empty rest of at most 100.  The split
 * taken is the one with the longest rest, so it does not depend on
 * anything but the name.  Returns 0 with the prefix length (0: none), or
 * -1 when only a pax "path" record can hold the name. */
int tar_split_name(const char *name, size_t *prefix_len)
{
	size_t len = strlen(name), i;

	*prefix_len = 0;
	if (len <= W_NAME)
		return 0;
	/* a '/' before len - 101 would leave more than 100 bytes after it */
	for (i = len - W_NAME - 1; i <= W_PREFIX && i + 1 < len; i++) {
		if (name[i] == '/' && i > 0) {
			*prefix_len = i;
			return 0;
		}
	}
	return -1;
}

/* One record, "LEN KEY=VALUE\n", where LEN counts the whole record
 * including its own digits.  Returns its length, or 0 when cap cannot
 * hold it and a terminating NUL. */
size_t tar_pax_record(char *out, size_t cap, const char *key, const char *value)
{
	size_t body = strlen(key) + strlen(value) + 3, total, digits = 1, p;

	/* adding the digits may carry into one more digit: 98+2 -> 101 */
	for (p = 10; body + digits >= p; p *= 10)
		digits++;
	total = body + digits;
	if (total >= cap)
		return 0;
	snprintf(out, cap, "%zu %s=%s\n", total, key, value);
	return total;
}

/* The records an entry needs beyond what ustar holds, in a fixed order
 * (path, linkpath, size).  Returns their length, 0 when none are needed,
 * or (size_t)-1 when they do not fit in cap. */
size_t tar_pax_records(const struct tar_entry *e, char *out, size_t cap)
{
	char num[24];
	size_t used = 0, n, prefix;

	if (tar_split_name(e->name, &prefix)) {
		if (!(n = tar_pax_record(out + used, cap - used, "path", e->name)))
			return (size_t)-1;
		used += n;
	}
	if (e->link && strlen(e->link) > W_NAME) {
		if (!(n = tar_pax_record(out + used, cap - used, "linkpath", e->link)))
			return (size_t)-1;
		used += n;
	}
	if (e->size > TAR_OCTAL_MAX) {
		snprintf(num, sizeof num, "%llu", (unsigned long long)e->size);
		if (!(n = tar_pax_record(out + used, cap - used, "size", num)))
			return (size_t)-1;
		used += n;
	}
	return used;
}

/* The name of a pax header entry.  Readers ignore it; it is made from the
 * entry's last component alone so it is the same on every run. */
void tar_pax_name(const char *name, char *out, size_t cap)
{
	size_t len = strlen(name), start;

	if (len && name[len - 1] == '/')
		len--;
	for (start = len; start && name[start - 1] != '/'; start--)
		;
	snprintf(out, cap, "PaxHeaders/%.*s", (int)(len - start), name + start);
	if (strlen(out) > W_NAME)
		out[W_NAME] = '\0';
}

unsigned tar_checksum(const unsigned char h[TAR_BLOCK])
{
	unsigned sum = 0;
	int i;

	for (i = 0; i < TAR_BLOCK; i++)
		sum += i >= F_CHKSUM && i < F_CHKSUM + 8 ? ' ' : h[i];
	return sum;
}

/* Fills a ustar header.  What does not fit (see tar_pax_records) is left
 * truncated or zero, for the pax header before it to override.  Returns
 * -1 for values no format here can hold. */
int tar_header(unsigned char h[TAR_BLOCK], const struct tar_entry *e)
{
	size_t prefix, len;

	if (e->mode > 07777 || e->mtime > TAR_OCTAL_MAX ||
	    e->devmajor > 07777777 || e->devminor > 07777777)
		return -1;
	memset(h, 0, TAR_BLOCK);
	if (tar_split_name(e->name, &prefix)) {
		memcpy(h + F_NAME, e->name, W_NAME);
	} else if (prefix) {
		memcpy(h + F_PREFIX, e->name, prefix);
		memcpy(h + F_NAME, e->name + prefix + 1, strlen(e->name) - prefix - 1);
	} else {
		memcpy(h + F_NAME, e->name, strlen(e->name));
	}
	if (e->link) {
		len = strlen(e->link);
		memcpy(h + F_LINK, e->link, len > W_NAME ? W_NAME : len);
	}
	octal(h + F_MODE, W_ID, e->mode);
	octal(h + F_UID, W_ID, 0);
	octal(h + F_GID, W_ID, 0);
	octal(h + F_SIZE, W_NUM, e->size > TAR_OCTAL_MAX ? 0 : e->size);
	octal(h + F_MTIME, W_NUM, e->mtime);
	h[F_TYPE] = (unsigned char)e->type;
	memcpy(h + F_MAGIC, "ustar", 6);
	memcpy(h + F_VERSION, "00", 2);
	octal(h + F_DEVMAJOR, W_ID, e->devmajor);
	octal(h + F_DEVMINOR, W_ID, e->devminor);
	octal(h + F_CHKSUM, 7, tar_checksum(h));
	h[F_CHKSUM + 7] = ' ';
	return 0;
}

/* The mode stored for a file: the one kitroot's cpio gives it
 * (support/build/mkcpio-list.sh), so the archive does not depend on the
 * builder's umask: directories 0755, files 0755 when the owner may run
 * them and 0644 otherwise, links 0777, devices and FIFOs 0644.  No
 * set-id bit survives. */
unsigned tar_normal_mode(unsigned st_mode)
{
	switch (st_mode & S_IFMT) {
	case S_IFDIR:
		return 0755;
	case S_IFLNK:
		return 0777;
	case S_IFREG:
		return (st_mode & S_IXUSR) ? 0755 : 0644;
	default:
		return 0644;
	}
}
