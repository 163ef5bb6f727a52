#!/bin/sh
# usage: bench-hardening.sh CONFIG [RUNS]           (e.g. qemu_x86_64)
#        bench-hardening.sh O_HARDENED O_PLAIN [RUNS]
#
# What the kernel hardening costs.  With CONFIG: builds
# configs/CONFIG_defconfig twice, as it is and with KR_LINUX_HARDENING
# off, each in its own output directory under
# ${KR_BENCH_DIR:-$HOME/.cache/kitroot/bench}.  With two output
# directories: compares those finished builds.  Reports the kernel and
# initramfs sizes and the median boot time of RUNS boots (default 5) of
# each, and the differences.  A report, not a test: it fails only when a
# build or a boot does.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/support/lib/config.sh"
[ $# -ge 1 ] || { echo "usage: bench-hardening.sh CONFIG [RUNS] | O_HARDENED O_PLAIN [RUNS]" >&2; exit 1; }
dir=${KR_BENCH_DIR:-$HOME/.cache/kitroot/bench}
if [ -d "$1" ]; then
	[ -d "${2:-}" ] || { echo "bench-hardening: give two output directories" >&2; exit 1; }
	o_hardened=$(cd "$1" && pwd) o_plain=$(cd "$2" && pwd) runs=${3:-5}
	config=$(config_get "$o_hardened/.config" KR_CONFIG_NAME)
else
	config=$1 runs=${2:-5}
	o_hardened=$dir/$config-hardened o_plain=$dir/$config-plain
	[ -f "$top/configs/${config}_defconfig" ] ||
		{ echo "bench-hardening: no configs/${config}_defconfig (make list-defconfigs)" >&2; exit 1; }
fi
mkdir -p "$dir"

build() { # O HARDENING(y|n)
	make -C "$top" O="$1" "${config}_defconfig" > /dev/null
	if [ "$2" = n ]; then
		sed -i 's/^KR_LINUX_HARDENING=y$/# KR_LINUX_HARDENING is not set/' "$1/.config"
		make -C "$top" O="$1" olddefconfig > /dev/null
	fi
	t0=$(date +%s)
	make -C "$top" O="$1" -j2 > "$1.log" 2>&1 ||
		{ echo "bench-hardening: the build failed, see $1.log" >&2; exit 1; }
	echo "$(( $(date +%s) - t0 ))"
}

for variant in hardened plain; do
	eval "o=\$o_$variant"
	if [ -d "$1" ]; then
		echo "$variant: $o"
	else
		h=y
		[ "$variant" = plain ] && h=n
		secs=$(build "$o" "$h")
		echo "$variant: built in $secs s ($o)"
	fi
	sh "$top/utils/bench-boot.sh" "$o" "$runs" > "$dir/$config-$variant.boot"
	image=$(config_get "$o/.config" KR_LINUX_IMAGE)
	eval "${variant}_kernel=\$(wc -c < \"\$o/images/\$image\")"
	eval "${variant}_initramfs=\$(cat \"\$o\"/images/rootfs.cpio.* | wc -c)"
	eval "${variant}_boot=\$(sed -n 's/^median of [0-9]*: guest \([0-9]*\) ms.*/\1/p' \"\$dir/\$config-\$variant.boot\")"
	eval "${variant}_wall=\$(sed -n 's/^median of [0-9]*: guest [0-9]* ms, wall \([0-9]*\) ms.*/\1/p' \"\$dir/\$config-\$variant.boot\")"
done

# shellcheck disable=SC2154
awk -v c="$config" -v runs="$runs" \
	-v hk="$hardened_kernel" -v pk="$plain_kernel" -v hi="$hardened_initramfs" -v pi="$plain_initramfs" \
	-v hb="$hardened_boot" -v pb="$plain_boot" -v hw="$hardened_wall" -v pw="$plain_wall" '
	function row(what, p, h, unit) {
		printf "%-22s %12d %12d %+12d %+8.1f%%\n", what " (" unit ")", p, h, h - p, p ? 100 * (h - p) / p : 0
	}
	BEGIN {
		printf "%s: cost of the kernel hardening (median of %d boots, TCG)\n", c, runs
		printf "%-22s %12s %12s %12s %9s\n", "", "plain", "hardened", "difference", ""
		row("kernel image", pk, hk, "bytes")
		row("initramfs", pi, hi, "bytes")
		row("boot, guest uptime", pb, hb, "ms")
		row("boot, wall", pw, hw, "ms")
	}'
