#!/bin/sh
# The example post-build script: it runs on a copy of the root
# filesystem before the initramfs is made ($1, also $TARGET_DIR), and
# leaves in the console container a line the system test reads back:
# the services it found and the extra arguments it was given.
set -eu
root=$1
shift
[ "$root" = "$TARGET_DIR" ] && [ -f "$KR_CONFIG" ] && [ -d "$HOST_DIR/bin" ] || {
	echo "post-build.sh: the environment is not what docs/customising.md says" >&2; exit 1; }
services=$(cd "$root/containers/services" && echo *)
printf 'post-build saw services: %s; args: %s\n' "$services" "$*" \
	> "$root/containers/services/getty/rootfs/etc/kitroot-test-post-build"
