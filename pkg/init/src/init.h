/* kitroot init: PID 1 of every kitroot system. */
#ifndef KR_INIT_H
#define KR_INIT_H

#include <stddef.h>
#include <sys/types.h>

#define INIT_NAME "kitroot-init"

/* Bounds on what init reads from files a user writes. */
#define CONSOLE_MAX_ARGS 32
#define CONSOLE_MAX_LINE 512
#define HOSTNAME_MAX 64
#define BOOTSTEPS_MAX 64
#define BOOTSTEP_NAME_MAX 64

/* log.c: every message goes to the console, prefixed "kitroot: ". */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_errno(const char *what, const char *arg);

/* mounts.c */
void mount_early_filesystems(void);
void make_root_read_only(const char *unless_path);
void unmount_all(void);

/* parse.c: pure helpers, unit-tested and fuzzed on the host. */
int parse_hostname(const char *buf, size_t len, char *out, size_t outlen);
int parse_console_line(char *line, char **argv, size_t max_args);
int parse_console_file(char *buf, char **argv, size_t max_args);
int bootstep_name_ok(const char *name);

/* hostname.c */
void set_hostname_from(const char *path);

/* spawn.c */
pid_t spawn(char *const argv[], int new_session);
void run_bootsteps(const char *dir);
pid_t start_console(const char *config_path);

/* shutdown.c */
void shutdown_system(int how, pid_t console);

#endif
