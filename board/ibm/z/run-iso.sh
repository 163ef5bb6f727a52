#!/bin/sh
# usage: run-iso.sh IMAGES_DIR [QEMU ARGS...]: as board/qemu/s390x's.
exec sh "$(dirname "$0")/../../qemu/s390x/run-iso.sh" "$@"
