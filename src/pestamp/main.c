/* kr-pestamp: gives a PE file (a UEFI program) the link time the build
 * chooses and the checksum that goes with it.
 *
 *   kr-pestamp -t SECONDS FILE
 *
 * objcopy writes the current time into the COFF header's TimeDateStamp
 * and recomputes the optional header's CheckSum, ignoring
 * SOURCE_DATE_EPOCH, so a UKI it assembles differs on every run; these
 * two fields are the only difference.  SECONDS is written as the time
 * (it must fit the field's 32 bits) and the checksum recomputed.  FILE
 * is replaced through a temporary file beside it, so it is either the
 * old or the new bytes.  A signed file is refused.  Exit status: 0, 1
 * when FILE is not a PE image we can stamp, 2 on a usage or I/O error. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pestamp.h"

static const char *prog = "kr-pestamp";

static int usage(void)
{
	fprintf(stderr, "usage: %s -t SECONDS FILE\n", prog);
	return 2;
}

static int parse_seconds(const char *s, uint32_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static unsigned char *read_all(const char *path, size_t *len, mode_t *mode)
{
	struct stat st;
	unsigned char *buf;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)UINT32_MAX) {
		fprintf(stderr, "%s: %s: %s\n", prog, path,
		        errno ? strerror(errno) : "not a regular file under 4 GiB");
		close(fd);
		return NULL;
	}
	*mode = st.st_mode & 07777;
	*len = (size_t)st.st_size;
	buf = malloc(*len ? *len : 1);
	if (!buf) {
		fprintf(stderr, "%s: %s: out of memory\n", prog, path);
		close(fd);
		return NULL;
	}
	while (got < *len) {
		ssize_t n = read(fd, buf + got, *len - got);

		if (n <= 0) {
			fprintf(stderr, "%s: %s: %s\n", prog, path, n ? strerror(errno) : "file shrank while read");
			free(buf);
			close(fd);
			return NULL;
		}
		got += (size_t)n;
	}
	close(fd);
	return buf;
}

static int write_all(const char *path, const unsigned char *buf, size_t len, mode_t mode)
{
	size_t plen = strlen(path), put = 0;
	char *tmp = malloc(plen + sizeof ".kr-pestamp.tmp");
	int fd;

	if (!tmp) {
		fprintf(stderr, "%s: %s: out of memory\n", prog, path);
		return -1;
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".kr-pestamp.tmp", sizeof ".kr-pestamp.tmp");
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0) {
		fprintf(stderr, "%s: %s: cannot write beside it: %s\n", prog, path, strerror(errno));
		free(tmp);
		return -1;
	}
	while (put < len) {
		ssize_t n = write(fd, buf + put, len - put);

		if (n < 0)
			break;
		put += (size_t)n;
	}
	if (put < len || fsync(fd) < 0 || close(fd) < 0 || rename(tmp, path) < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int main(int argc, char **argv)
{
	uint32_t stamp = 0;
	int have_stamp = 0, c;
	unsigned char *pe;
	size_t len;
	mode_t mode;
	char why[160];

	while ((c = getopt(argc, argv, "t:")) != -1) {
		if (c != 't')
			return usage();
		if (parse_seconds(optarg, &stamp)) {
			fprintf(stderr, "%s: -t %s: want seconds since 1970 that fit 32 bits\n", prog, optarg);
			return 2;
		}
		have_stamp = 1;
	}
	if (!have_stamp || argc - optind != 1)
		return usage();
	pe = read_all(argv[optind], &len, &mode);
	if (!pe)
		return 2;
	if (pe_stamp(pe, len, stamp, why, sizeof why)) {
		fprintf(stderr, "%s: %s: %s\n", prog, argv[optind], why);
		free(pe);
		return 1;
	}
	c = write_all(argv[optind], pe, len, mode) ? 2 : 0;
	free(pe);
	return c;
}
