#!/bin/sh
# The example post-image script: it runs once every image is in $1
# (also $IMAGES_DIR), and writes a file there, which SHA256SUMS lists:
# the checksum of the initramfs it found.
set -eu
images=$1
[ "$images" = "$IMAGES_DIR" ] || { echo "post-image.sh: \$1 is not \$IMAGES_DIR" >&2; exit 1; }
(cd "$images" && sha256sum rootfs.cpio.*) > "$images/kitroot-test-post-image.txt"
