/* Fuzz target for init's parsers (hostname, console file, boot step
 * names, a bundle's timeout).  With clang: -fsanitize=fuzzer.  Without: link with
 * standalone-driver.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../init.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[HOSTNAME_MAX + 1];
	char *argv[CONSOLE_MAX_ARGS];
	char *buf = malloc(size + 1);
	long seconds = parse_bundle_timeout((const char *)data, size);
	int n, i;

	if (seconds < -1 || seconds > 9999999)
		abort();
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (parse_hostname(buf, size, name, sizeof name) == 0 && strlen(name) > HOSTNAME_MAX)
		abort();
	(void)bootstep_name_ok(buf);
	n = parse_console_file(buf, argv, CONSOLE_MAX_ARGS);
	if (n >= CONSOLE_MAX_ARGS)
		abort();
	for (i = 0; i < n; i++)
		if (!argv[i] || !*argv[i])
			abort();
	if (n >= 0 && argv[n] != NULL)
		abort();
	free(buf);
	return 0;
}
