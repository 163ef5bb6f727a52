/* kr-bundle: a service spec (pkg/NAME/NAME.service) turned into an OCI
 * runtime-spec config.json with kitroot's secure defaults.  The spec is
 * parsed into struct spec (pure, no I/O: testable and fuzzable), then
 * written out as JSON by oci_write. */
#ifndef KR_BUNDLE_H
#define KR_BUNDLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../lib/json.h"

/* Bounds on what a spec may hold: a spec is written by hand, so these
 * are far above any real service, and anything beyond is refused. */
#define SPEC_FILE_MAX 65536  /* bytes in a spec file */
#define SPEC_LINE_MAX 1024   /* bytes in one line, without the newline */
#define SPEC_WORDS_MAX 128   /* words in one line, the key included */
#define SPEC_ENV_MAX 64
#define SPEC_MOUNTS_MAX 32   /* bind and tmpfs together */
#define SPEC_DEVICES_MAX 32
#define SPEC_SYSCTL_MAX 32
#define SPEC_ERR_MAX 256
/* The PATH of a spec that sets none (config.json and the OCI image). */
#define DEFAULT_PATH "PATH=/sbin:/bin:/usr/sbin:/usr/bin"
#define SYSCALLS_MAX 512     /* entries in the system call table */

enum spec_kind { SPEC_ONBOOT = 1, SPEC_SERVICE, SPEC_ONSHUTDOWN };

/* Where an onboot or onshutdown container runs among the others (its
 * directory is NN-NAME) when its spec gives no `order`. */
#define SPEC_ORDER_DEFAULT 50

/* The longest `timeout` (seconds): an hour is already no bound. */
#define SPEC_TIMEOUT_MAX 3600

/* Namespaces a spec may share with the host (bits of spec.share). */
enum { SHARE_NET = 1, SHARE_PID = 2, SHARE_IPC = 4, SHARE_UTS = 8 };

struct spec_mount {
	const char *src;         /* bind source; NULL for a tmpfs */
	const char *dest;
	int rw;                  /* bind: read-write */
	unsigned long long size; /* tmpfs: bytes, 0 for the kernel's default */
	int mode;                /* tmpfs: permission bits, -1 for the default */
	int exec;                /* without noexec */
	unsigned line;           /* the spec line it came from */
};

struct spec_device {
	const char *path;
	char type;               /* 'c' or 'b' */
	unsigned major, minor;
	char access[4];          /* a subset of "rwm" */
};

struct spec_sysctl {
	const char *key, *value;
};

struct spec_rlimit {
	int which;               /* index into the rlimit table (tables.c) */
	unsigned long long soft, hard;
};

/* A parsed spec.  Every string points into text, where the words were
 * cut out in place; the struct is therefore self-contained (and large:
 * keep it off small stacks). */
struct spec {
	char text[SPEC_FILE_MAX + 1];
	enum spec_kind kind;
	int order;               /* 0..99; SPEC_ORDER_DEFAULT when not given */
	unsigned timeout;        /* seconds; 0: init's default */
	const char *args[SPEC_WORDS_MAX];
	int nargs;
	unsigned uid, gid;
	const char *cwd;
	const char *env[SPEC_ENV_MAX];
	int nenv;
	uint64_t caps;           /* bit n: capability number n */
	unsigned share;          /* SHARE_* bits */
	struct spec_mount mounts[SPEC_MOUNTS_MAX];
	int nmounts;
	int rootfs_rw;
	unsigned writable;       /* bit n: default read-only path n left writable */
	struct spec_device devices[SPEC_DEVICES_MAX];
	int ndevices;
	struct spec_sysctl sysctl[SPEC_SYSCTL_MAX];
	int nsysctl;
	struct spec_rlimit rlimits[16];
	int nrlimits;
	unsigned long long memory; /* bytes; 0: no limit */
	unsigned long long pids;   /* 0: no limit */
	unsigned cpu_shares;       /* 0: not set */
	int oom_score_adj;         /* 0 unless the spec says */
	uint64_t seccomp_allow[SYSCALLS_MAX / 64]; /* bit n: table entry n allowed */
	const char *host_binds[SPEC_MOUNTS_MAX]; /* bind sources in the host's own state */
	int nhost_binds;
	unsigned host_bind_line;
};

/* Where a spec went wrong: line 0 is the file as a whole. */
struct spec_err {
	unsigned line;
	char msg[SPEC_ERR_MAX];
};

/* spec.c: parses buf[0..len) into s.  Returns 0, or -1 with e filled. */
int spec_parse(struct spec *s, const char *buf, size_t len, struct spec_err *e);
const char *spec_kind_name(enum spec_kind k);

/* words.c: cuts line (NUL-terminated, changed in place) into at most max
 * words.  With quotes, "..." groups blanks into a word, \" and \\ escape
 * inside it.  Returns the number of words, or -1 with a reason in why. */
int split_words(char *line, char **words, int max, int quotes, const char **why);

/* number.c: decimal numbers, with overflow checked; 0 or -1. */
int parse_ull(const char *s, unsigned long long max, unsigned long long *out);
int parse_int_range(const char *s, long lo, long hi, long *out);
int parse_size(const char *s, unsigned long long *out); /* N[K|M|G] */
int parse_octal(const char *s, unsigned max, unsigned *out);
/* An absolute path without empty, "." or ".." components ("/" itself
 * only when root_ok): what can be joined safely under a rootfs.
 * Returns 1 for such a path, 0 otherwise. */
int path_ok(const char *p, int root_ok);

/* tables.c: the fixed name tables. */
#define CAP_COUNT 41
const char *cap_name(int n);
int cap_number(const char *name);
#define RLIMIT_COUNT 16
const char *rlimit_name(int i);            /* "RLIMIT_NOFILE" */
int rlimit_index(const char *short_name);  /* "nofile" -> i, or -1 */
int rlimit_nofile(void);
#define READONLY_COUNT 5
const char *readonly_path(int i);
int readonly_index(const char *path);
#define MASKED_COUNT 11
const char *masked_path(int i);

/* syscalls.c: the system calls a container may make, and when. */
enum seccomp_otherwise {
	SECCOMP_EPERM,         /* the default action */
	SECCOMP_ENOSYS,
	SECCOMP_NO_NAMESPACES  /* clone without CLONE_NEW* flags */
};
struct syscall_rule {
	const char *name;
	const char *needs;     /* "": always; a CAP_ name; NULL: never */
	enum seccomp_otherwise otherwise;
	const char *arches;    /* NULL: all; else libseccomp arch names */
};
int syscall_count(void);
const struct syscall_rule *syscall_rule(int i);
int syscall_index(const char *name);

/* seccomp.c: whether table entry i is allowed to the spec's container,
 * and the list of seccomp architectures the filter applies to:
 * SCMP_ARCH_ names separated by spaces, as libseccomp spells them
 * ("SCMP_ARCH_AARCH64 SCMP_ARCH_ARM"). */
#define SECCOMP_ARCHES_MAX 8
#define SECCOMP_ARCH_NAME_MAX 40
int spec_allows_call(const struct spec *s, int i);
int seccomp_rule_applies(const char *rule_arches, const char *target_arches);
/* 1 if list is 1 to SECCOMP_ARCHES_MAX such names, else 0. */
int seccomp_arches_ok(const char *list);
/* Copies the first name of list into name; returns what follows it,
 * or NULL when no name is left. */
const char *seccomp_arch_next(const char *list, char name[SECCOMP_ARCH_NAME_MAX + 1]);

/* oci.c: what the container is called and where it runs. */
struct target {
	const char *arches;    /* seccomp architectures (KR_SECCOMP_ARCHES) */
	const char *rootpath;  /* root.path on the target */
	const char *name;      /* hostname and cgroup name */
	int clone_flags_arg;   /* clone(2)'s argument holding its flags, 0-5
	                          (KR_SECCOMP_CLONE_FLAGS_ARG) */
};
/* 0, or -1 with a reason in why when t cannot be used. */
int target_ok(const struct target *t, const char **why);
/* 1 if name is 1 to CONTAINER_NAME_MAX letters, digits and -, not
 * starting with -, as a hostname label and a cgroup want; else 0. */
#define CONTAINER_NAME_MAX 63
int container_name_ok(const char *name);
/* The runc shim group of every service: one containerd-shim-runc-v2
 * serves them all (about 1 s of boot under TCG and a shim's memory
 * spared per service; if it ends, every service is started again). */
#define SERVICE_SHIM_GROUP "kitroot-services"
/* Writes config.json to f; 0, or -1 when f failed. */
int oci_write(FILE *f, const struct spec *s, const struct target *t);
/* The destinations of the mounts every container gets. */
#define DEFAULT_MOUNTS 7
const char *default_mount_dest(int i);

/* place.c: the container's directory under /containers, as
 * "services/NAME" or "onboot/NN-NAME" ("onshutdown/NN-NAME"), NAME
 * being spec_path's file name without ".service".  0, or -1 with a
 * message in err when that name is not a container name. */
#define CONTAINER_DIR_MAX 96 /* "onshutdown/NN-" and a name, with room */
int container_dir(const struct spec *s, const char *spec_path, char out[CONTAINER_DIR_MAX],
                  char *err, size_t errlen);

/* mkdirs.c: creates each mount destination missing under rootfs_dir.
 * 0, or -1 with a message (errno's reason included) in err. */
int make_mount_points(const char *rootfs_dir, const struct spec *s, char *err, size_t errlen);

#endif
