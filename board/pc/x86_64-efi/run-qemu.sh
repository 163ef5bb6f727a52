#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# A PC server has no -kernel: `make run` boots the disk image under
# QEMU's UEFI firmware, as board/qemu/x86_64/run-efi.sh does for
# `make run-efi` (EFI_BOOT=iso or qcow2 there for the other formats).
set -eu
images=$1
shift
exec sh "$(dirname "$0")/../../qemu/x86_64/run-efi.sh" "$images" disk "$@"
