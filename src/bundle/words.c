/* Cutting a spec line into words, in place.  Words are separated by
 * blanks (space, tab).  Where quotes are allowed (command and env,
 * whose values may hold blanks), a "..." part of a word keeps its
 * blanks, and inside it \" and \\ stand for " and \; a backslash before
 * anything else is an error, so a later meaning can be given to it. */
#include "bundle.h"

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

int split_words(char *line, char **words, int max, int quotes, const char **why)
{
	char *in = line, *out = line;
	int n = 0;

	for (;;) {
		while (blank(*in))
			in++;
		if (!*in)
			return n;
		if (n == max) {
			*why = "too many words";
			return -1;
		}
		/* out never passes in: a word only shrinks as quotes go. */
		words[n++] = out;
		while (*in && !blank(*in)) {
			if (*in != '"') {
				*out++ = *in++;
				continue;
			}
			if (!quotes) {
				*why = "quotes are only allowed in command and env";
				return -1;
			}
			for (in++; *in != '"'; in++) {
				if (!*in) {
					*why = "unterminated quote";
					return -1;
				}
				if (*in == '\\') {
					in++;
					if (*in != '"' && *in != '\\') {
						*why = "a backslash in quotes must be followed by \" or \\";
						return -1;
					}
				}
				*out++ = *in;
			}
			in++;
		}
		/* The blank just read (or the NUL) is at or after out. */
		if (*in)
			in++;
		*out++ = '\0';
	}
}
