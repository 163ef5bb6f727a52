#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# An IBM Z machine loads the system from its load files or the ISO:
# `make run` IPLs the ISO under QEMU's s390-ccw firmware, as
# board/qemu/s390x/run-iso.sh does (docs/s390x.md).
exec sh "$(dirname "$0")/../../qemu/s390x/run-iso.sh" "$@"
