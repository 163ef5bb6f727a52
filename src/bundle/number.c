/* Numbers and paths as a spec writes them.  Numbers are plain decimal
 * digits: no sign unless the range is signed, no hex, no blanks, and
 * overflow is an error rather than a wrap. */
#include <limits.h>
#include <string.h>

#include "bundle.h"

int parse_ull(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		unsigned d = (unsigned)(*s - '0');

		if (*s < '0' || *s > '9' || v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* A signed number; the ranges used are small, so -LONG_MAX is enough. */
int parse_int_range(const char *s, long lo, long hi, long *out)
{
	unsigned long long v;
	int neg = *s == '-';

	if (parse_ull(s + neg, LONG_MAX, &v))
		return -1;
	*out = neg ? -(long)v : (long)v;
	return *out < lo || *out > hi ? -1 : 0;
}

/* N with an optional K, M or G suffix (binary: K is 1024), in bytes. */
int parse_size(const char *s, unsigned long long *out)
{
	char digits[24];
	size_t n = strlen(s);
	unsigned shift = 0;

	if (n && strchr("KkMmGg", s[n - 1])) {
		shift = strchr("Kk", s[n - 1]) ? 10 : strchr("Mm", s[n - 1]) ? 20 : 30;
		n--;
	}
	if (n == 0 || n >= sizeof digits)
		return -1;
	memcpy(digits, s, n);
	digits[n] = '\0';
	return parse_ull(digits, ~0ULL >> shift, out) ? -1 : (*out <<= shift, 0);
}

int parse_octal(const char *s, unsigned max, unsigned *out)
{
	unsigned v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '7' || v > max / 8)
			return -1;
		v = v * 8 + (unsigned)(*s - '0');
	}
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

int path_ok(const char *p, int root_ok)
{
	const char *c;

	if (p[0] != '/')
		return 0;
	if (!p[1])
		return root_ok;
	for (c = p + 1;; c++) {
		size_t n = strcspn(c, "/");

		if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
			return 0;
		c += n;
		if (!*c)
			return 1;
	}
}
