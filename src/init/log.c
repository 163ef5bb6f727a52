/* Messages from init, to whatever its stderr is (the console). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "init.h"

void say(const char *fmt, ...)
{
	va_list ap;

	fputs("kitroot: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void warn_errno(const char *what, const char *arg)
{
	int e = errno;

	say("%s %s: %s", what, arg, strerror(e));
}
