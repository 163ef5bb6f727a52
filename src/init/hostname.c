/* The hostname, from /etc/hostname. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "init.h"

void set_hostname_from(const char *path)
{
	char buf[HOSTNAME_MAX + 2];
	char name[HOSTNAME_MAX + 1];
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			warn_errno("cannot open", path);
		return;
	}
	n = read(fd, buf, sizeof buf);
	if (n < 0)
		warn_errno("cannot read", path);
	close(fd);
	if (n < 0)
		return;
	if (parse_hostname(buf, (size_t)n, name, sizeof name)) {
		say("%s: not a valid hostname (letters, digits, '-' and '.', at most %d)",
		    path, HOSTNAME_MAX);
		return;
	}
	if (sethostname(name, strlen(name)))
		warn_errno("cannot set hostname", name);
}
