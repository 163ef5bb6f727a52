/* The handlers of a spec's keys (proc_keys.c, linux_keys.c), called by
 * spec.c with the words after the key, their number already checked
 * against the key's table entry. */
#ifndef KR_BUNDLE_KEYS_H
#define KR_BUNDLE_KEYS_H

#include "bundle.h"

typedef int key_fn(struct spec *s, char **w, int n, struct spec_err *e);

/* Fills e->msg and returns -1, so a handler can `return spec_fail(...)`. */
int spec_fail(struct spec_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

key_fn key_kind, key_order, key_timeout, key_command, key_user, key_cwd, key_env, key_capabilities,
	key_rlimit, key_oom_score_adj;
key_fn key_share, key_bind, key_tmpfs, key_rootfs, key_writable, key_device,
	key_sysctl, key_memory, key_pids, key_cpu_shares, key_seccomp_allow, key_host_bind;

/* 1 if p is the host's own state: /, or /proc, /sys, /dev, /run or a
 * path under them.  A bind of it needs the spec's host-bind. */
int host_state_path(const char *p);

#endif
