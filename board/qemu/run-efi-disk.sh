#!/bin/sh
# usage: run-qemu.sh IMAGES_DIR [QEMU ARGS...]
# The run-qemu.sh of a server board (a link to this file): a server has
# no -kernel, so `make run` boots the disk image under QEMU's UEFI
# firmware with the board's run-efi.sh, beside the link, as `make
# run-efi` does (EFI_BOOT=iso or qcow2 there for the other formats).
set -eu
images=$1
shift
exec sh "$(dirname "$0")/run-efi.sh" "$images" disk "$@"
