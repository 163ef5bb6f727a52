/* A tar stream going to a file: every byte is counted and hashed on its
 * way out, so a blob's size and digest are known the moment it ends. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ociimage.h"

static const unsigned char zeros[TAR_BLOCK];

void sink_init(struct sink *s, int fd, const char *path)
{
	s->fd = fd;
	s->path = path;
	s->size = 0;
	sha256_init(&s->sha);
}

int sink_write(struct sink *s, const void *data, size_t n)
{
	const char *p = data;
	ssize_t w;

	sha256_update(&s->sha, data, n);
	s->size += n;
	while (n) {
		w = write(s->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			fprintf(stderr, PROG ": cannot write %s: %s\n", s->path, strerror(errno));
			return -1;
		}
		p += w, n -= (size_t)w;
	}
	return 0;
}

/* zeros up to the next block boundary, after an entry's data */
int sink_pad(struct sink *s)
{
	size_t rest = (size_t)(s->size % TAR_BLOCK);

	return rest ? sink_write(s, zeros, TAR_BLOCK - rest) : 0;
}

/* An entry's header, preceded by a pax header when ustar cannot hold
 * its name, link target or size. */
int sink_entry(struct sink *s, const struct tar_entry *e)
{
	static const char what[] = PROG ": %s: %s\n";
	unsigned char h[TAR_BLOCK];
	char records[TAR_PAX_MAX], paxname[128];
	struct tar_entry pax;
	size_t n = tar_pax_records(e, records, sizeof records);

	if (n == (size_t)-1) {
		fprintf(stderr, what, e->name, "name or link target too long for a pax header");
		return -1;
	}
	if (n) {
		tar_pax_name(e->name, paxname, sizeof paxname);
		pax = (struct tar_entry){ .name = paxname, .type = 'x', .mode = 0644,
		                          .size = n, .mtime = e->mtime };
		if (tar_header(h, &pax) || sink_write(s, h, sizeof h) ||
		    sink_write(s, records, n) || sink_pad(s))
			return -1;
	}
	if (tar_header(h, e)) {
		fprintf(stderr, what, e->name, "mode, time or device number out of the tar range");
		return -1;
	}
	return sink_write(s, h, sizeof h);
}

/* the end of an archive: two zero blocks */
int sink_end(struct sink *s)
{
	return sink_write(s, zeros, TAR_BLOCK) || sink_write(s, zeros, TAR_BLOCK) ? -1 : 0;
}

/* Exactly size bytes of fd as an entry's data, then the padding.  A file
 * that ends early or grows was changed while we read it: the layer would
 * not match the header already written, so that is an error. */
int sink_copy_fd(struct sink *s, int fd, const char *path, uint64_t size)
{
	char buf[65536];
	uint64_t left = size;
	ssize_t r;

	while (left) {
		r = read(fd, buf, left < sizeof buf ? (size_t)left : sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fprintf(stderr, PROG ": cannot read %s: %s\n", path, strerror(errno));
			return -1;
		}
		if (r == 0)
			break;
		if (sink_write(s, buf, (size_t)r))
			return -1;
		left -= (uint64_t)r;
	}
	if (left || read(fd, buf, 1) != 0) {
		fprintf(stderr, PROG ": %s: changed size while being read; "
		        "nothing may write to the rootfs during the export\n", path);
		return -1;
	}
	return sink_pad(s);
}
