#!/bin/sh
# usage: rpi-config-check.sh CONFIG_TXT FILE...
#
# The Raspberry Pi's firmware reads config.txt from the SD card's boot
# partition; a kernel=, initramfs or device_tree= naming a file that is
# not there makes the Pi stop with a blank screen, or boot without its
# initramfs or device tree.  This checks each against the FILEs that
# go onto the partition and names what is missing, before the image is
# made.
set -eu
prog=rpi-config-check
[ $# -ge 2 ] || { echo "usage: $prog CONFIG_TXT FILE..." >&2; exit 1; }
config=$1
shift
[ -r "$config" ] || { echo "$prog: $config: cannot read it (KR_IMAGE_RPI_CONFIG_TXT)" >&2; exit 1; }
names=
for f in "$@"; do names="$names ${f##*/}"; done
# kernel=NAME, device_tree=NAME, "initramfs NAME [followkernel|ADDR]"
awk -v names="$names" -v config="$config" '
	BEGIN { n = split(names, list, " "); for (i = 1; i <= n; i++) have[list[i]] = 1 }
	{ sub(/\r$/, ""); sub(/[ \t]*#.*/, "") }
	/^[ \t]*(kernel|device_tree)[ \t]*=/ { file = $0; sub(/^[^=]*=[ \t]*/, "", file); sub(/[ \t]+$/, "", file) }
	/^[ \t]*initramfs[ \t]/ { file = $2 }
	file != "" {
		if (!(file in have)) {
			printf "%s:%d: %s is not on the boot partition, which holds:%s (fix config.txt, or KR_LINUX_DTBS for a device tree)\n",
				config, NR, file, names > "/dev/stderr"
			bad = 1
		}
		file = ""
	}
	END { exit bad }' "$config"
