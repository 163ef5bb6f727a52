#!/bin/sh
# usage: run-iso.sh IMAGES_DIR [QEMU ARGS...]
# IPLs images/kitroot.iso as a CD under QEMU's s390-ccw firmware, as an
# IBM Z machine loads it (run-qemu.sh with KR_S390_BOOT=iso).
KR_S390_BOOT=iso exec sh "$(dirname "$0")/run-qemu.sh" "$@"
