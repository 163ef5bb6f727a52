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
#define CONTAINERS_MAX 32

#define CONSOLE_CONF "/etc/kitroot/console"

/* Containers (docs/containers.md). */
#define CONTAINERS_DIR "/containers"
/* The initramfs's last entry, an empty directory (mkcpio-list.sh reads
 * the name from here): present only if the kernel unpacked it all. */
#define INITRAMFS_END_MARK "/.kitroot-initramfs-end"
#define RUNC "/usr/bin/runc"
#define RUNC_STATE "/run/runc"
/* With the root read-only, runc init may run from runc's own file
 * rather than a copy in memory (about 10 MiB at each container's
 * start): runc's is_self_cloned() accepts a read-only filesystem and
 * this variable, which pkg/runc's patch passes on to runc init. */
#define RUNC_BINARY_TRUSTED_ENV "_LIBCONTAINER_CLONED_BINARY=1"
/* How long an onboot or onshutdown container may run when its spec
 * gives no `timeout` (docs/service-spec.md), and how long runc then has
 * to end after the container was killed. */
#define BUNDLE_TIMEOUT_DEFAULT_S 60
#define BUNDLE_KILL_GRACE_MS 5000
/* config.json is read for the timeout up to this size (kr-bundle's are
 * about 20 KiB, with the seccomp filter) */
#define BUNDLE_CONFIG_MAX (256 * 1024)
#define CONTAINERD "/usr/bin/containerd"
#define CONTAINERD_CONFIG "/etc/containerd/config.toml"
#define CONTAINERD_STATE "/run/containerd"
#define CONTAINERD_SOCKET CONTAINERD_STATE "/containerd.sock"
#define CTR_FIFO_DIR CONTAINERD_STATE "/fifo"
#define CONTAINERD_LOG "/run/log/containerd.log"
/* then it is renamed containerd.log.old and a new one begun */
#define CONTAINERD_LOG_MAX (512 * 1024)
#define CONTAINERD_WAIT_MS 30000
#define CTR "/usr/bin/ctr"
#define CTR_NAMESPACE "services.kitroot"
#define SERVICE_GRACE_MS 5000
/* The services' ctr supervisors: spared by the OOM killer before any
 * service (0 unless its spec says), after containerd (-999) and the
 * shims (-998).  A killed ctr costs a restart of its service. */
#define SUPERVISOR_OOM_SCORE_ADJ (-900)
#define RESTART_MIN_MS 1000
#define RESTART_MAX_MS 30000
#define RESTART_RESET_MS 60000

/* logkeeper.c */
int start_log_keeper(const char *path, off_t max);

/* log.c: every message goes to the console, prefixed "kitroot: ". */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_errno(const char *what, const char *arg);

/* mounts.c */
void mount_early_filesystems(void);
/* 1 if / is read-only now */
int make_root_read_only(const char *unless_path);
void unmount_all(void);

/* root.c */
/* Puts a bind mount of the initramfs's root over it, so that runc can
 * pivot_root(2) from it (pivot_when_possible then drops --no-pivot). */
void make_root_pivotable(const char *writable_flag);
/* Halts, saying why, if the initramfs root lacks its last entry. */
void check_initramfs_complete(void);
void pivot_when_possible(char **argv);

/* parse.c: pure helpers, unit-tested and fuzzed on the host. */
int parse_hostname(const char *buf, size_t len, char *out, size_t outlen);
int parse_console_line(char *line, char **argv, size_t max_args);
int parse_console_file(char *buf, char **argv, size_t max_args);
int bootstep_name_ok(const char *name);
long restart_delay_ms(int restarts);
long ms_until(long due_ms, long now);
int compare_names(const void *a, const void *b);
int exit_code(int wait_status);
long parse_bundle_timeout(const char *buf, size_t len);

/* names.c */
int list_names(const char *dir, char names[][BOOTSTEP_NAME_MAX + 1], size_t max,
               const char *what);

/* hostname.c */
void set_hostname_from(const char *path);

/* spawn.c */
long uptime_ms(void);
void spawn_trust_runc_binary(void);
pid_t spawn(char *const argv[], int new_session);
void set_oom_score_adj(pid_t pid, int adj);
pid_t spawn_logged(char *const argv[], const char *log_path);
pid_t spawn_to(char *const argv[], int fd);
int run_logged_and_wait(char *const argv[], const char *log_path);
int run_and_wait(char *const argv[]);
void run_bootsteps(const char *dir);
pid_t start_console(const char *config_path);

/* containers.c */
void run_bundles(const char *dir);
pid_t start_containerd(void);
pid_t containerd_wait_ready(pid_t pid, long started_ms);

/* services.c */
struct service {
	char name[BOOTSTEP_NAME_MAX + 1];
	char config[BOOTSTEP_NAME_MAX + 64];
	pid_t pid;              /* its `ctr run`, or -1 */
	int restarts;           /* in a row, for the back-off */
	long started_ms, next_start_ms;
};
struct services {
	struct service list[CONTAINERS_MAX];
	size_t n;
	int stopping;
};
void services_load(struct services *s, const char *dir);
void services_forget(const struct services *s);
int containerd_has_metadata(void);
long services_start_due(struct services *s, long now);
int services_reaped(struct services *s, pid_t pid, int status, long now);
void services_stop(struct services *s);

/* shutdown.c */
struct system {
	pid_t console;          /* the console session's leader, or -1 */
	long console_started_ms;
	long console_due_ms;    /* when to start it again, or -1 */
	int console_quick_ends; /* in a row, each within RESTART_RESET_MS */
	pid_t containerd;       /* or -1 */
	long containerd_started_ms;
	long containerd_due_ms; /* when to start it again, or -1 */
	int containerd_restarts;
	struct services services;
};
void shutdown_system(int how, struct system *sys);

/* containerd.c */
void containerd_start(struct system *sys);
void containerd_started(struct system *sys);
void containerd_start_now(struct system *sys);
void containerd_ended(struct system *sys, int status);
/* Starts containerd if it is due; the ms until it is, or -1. */
long containerd_due(struct system *sys, long now);

/* console.c */
void console_start_now(struct system *sys);
void console_ended(struct system *sys, int status);
/* Starts the console if it is due; the ms until it is, or -1. */
long console_due(struct system *sys, long now);

#endif
