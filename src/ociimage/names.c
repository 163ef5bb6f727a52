/* What the command line may name: the architecture, image names and
 * tags (the grammar of the distribution "reference" that skopeo, podman
 * and containerd parse), and the user to run as. */
#include <string.h>

#include "ociimage.h"

/* An OCI architecture is Go's GOARCH name (amd64, arm64, s390x: the
 * target's KR_GO_ARCH); which ones exist is not ours to list, only the
 * shape is checked: 1 to 16 lower-case letters and digits. */
int valid_arch(const char *arch)
{
	size_t len = strlen(arch);

	return len && len <= 16 && strspn(arch, "abcdefghijklmnopqrstuvwxyz0123456789") == len;
}

static int lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* [a-z0-9]+ runs joined by ".", "_", "__" or any number of "-" */
static int path_component(const char *s, size_t n)
{
	size_t i = 0, sep;

	while (i < n) {
		if (!lower_alnum(s[i]))
			return 0;
		while (i < n && lower_alnum(s[i]))
			i++;
		if (i == n)
			return 1;
		for (sep = i; i < n && !lower_alnum(s[i]); i++)
			if (s[i] != '.' && s[i] != '_' && s[i] != '-')
				return 0;
		if (i == n)
			return 0;
		if (s[sep] == '-' ? strspn(s + sep, "-") < i - sep
		    : i - sep > 1 && !(i - sep == 2 && !strncmp(s + sep, "__", 2)))
			return 0;
	}
	return 0;
}

/* a registry host, with an optional port: "registry.example:5000" */
static int domain(const char *s, size_t n)
{
	size_t host = strcspn(s, ":");

	if (host > n)
		host = n;
	if (!host || s[0] == '-' || s[0] == '.' || s[host - 1] == '-' || s[host - 1] == '.')
		return 0;
	if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") < host)
		return 0;
	if (host == n)
		return 1;
	return n - host > 1 && strspn(s + host + 1, "0123456789") == n - host - 1;
}

/* NAME: path components separated by '/', the first possibly a registry
 * host (it has a '.' or ':', or is "localhost", and more follows). */
int valid_name(const char *name)
{
	size_t len = strlen(name), n;
	const char *p = name;
	int first = 1;

	if (!len || len > 255)
		return 0;
	for (;;) {
		n = strcspn(p, "/");
		if (first && p[n] == '/' &&
		    (memchr(p, '.', n) || memchr(p, ':', n) || (n == 9 && !strncmp(p, "localhost", 9)))) {
			if (!domain(p, n))
				return 0;
		} else if (!path_component(p, n)) {
			return 0;
		}
		if (!p[n])
			return 1;
		p += n + 1;
		first = 0;
	}
}

/* [A-Za-z0-9_][A-Za-z0-9._-]{0,127} */
int valid_tag(const char *tag)
{
	static const char word[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
	size_t len = strlen(tag);

	return len && len <= 128 && strchr(word, tag[0]) &&
	       strspn(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") == len;
}

static int id(const char *s, size_t n)
{
	unsigned long long v = 0;
	size_t i;

	if (!n || n > 10)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v <= 0xffffffffULL;
}

/* UID:GID, both numbers: a name would need the image's /etc/passwd */
int valid_user(const char *user)
{
	const char *colon = strchr(user, ':');

	return colon && id(user, (size_t)(colon - user)) && id(colon + 1, strlen(colon + 1));
}
