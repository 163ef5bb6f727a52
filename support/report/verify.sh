#!/bin/sh
# usage: verify.sh TOPDIR CONFIG SUMS
#
# Rebuilds CONFIG from scratch in a new output directory and checks the
# result against SUMS, a published images/SHA256SUMS.  When a
# build-info sits beside SUMS, its SOURCE_DATE_EPOCH is used and its
# commit compared with this tree's (docs/reproducibility.md).
# KR_EXTERNAL in the environment names the configuration's external
# trees (make verify passes its own).
# KR_VERIFY_DIR picks the output directory (default: a new one in /tmp).
set -eu
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

top=$1 config=$2 sums=$3
say() { echo "verify: $*"; }
[ -f "$sums" ] || { say "no checksum file at $sums" >&2; exit 1; }
# Names are paths under images/ (oci/NAME.tar): no absolute path, no
# . or .. component, so a hostile file cannot point the check elsewhere.
line='^[0-9a-f]{64}  [A-Za-z0-9_+-][A-Za-z0-9._+-]*(/[A-Za-z0-9_+-][A-Za-z0-9._+-]*)*$'
if ! grep -Eq "$line" "$sums" || grep -Evq "$line" "$sums"; then
	say "$sums is not a SHA256SUMS file (lines of: <sha256>  <file name under images/, no . or .. part>)" >&2
	exit 1
fi

[ -f "$config" ] || { say "no configuration at $config (run make <name>_defconfig first)" >&2; exit 1; }

info=$(dirname "$sums")/build-info
if [ -f "$info" ]; then
	SOURCE_DATE_EPOCH=$(sed -n 's/^source-date-epoch: \([0-9]*\).*/\1/p' "$info")
	export SOURCE_DATE_EPOCH
	say "using SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH from $info"
	published=$(sed -n 's/^kitroot-commit: //p' "$info")
	here=$(git -C "$top" rev-parse HEAD 2>/dev/null || echo unknown)
	case "$published" in
	"$here") ;;
	*) say "WARNING: the images were built from commit $published, this tree is $here" >&2 ;;
	esac
fi

o=${KR_VERIFY_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kitroot-verify.XXXXXX")/output}
mkdir -p "$o"
[ "$config" -ef "$o/.config" ] || cp "$config" "$o/.config"
say "rebuilding in $o (log: $o/verify-build.log)"
. "$top/support/lib/cache-trust.sh"
say "$(cache_trust)"
# A signed UKI cannot be rebuilt without the publisher's key: the
# rebuild checks that the published one, signature removed, is its own
# unsigned UKI, then builds the disk images around the published one.
. "$top/support/lib/config.sh"
published_uki=
if [ "$(config_get "$config" KR_IMAGE_SECURE_BOOT)" = y ]; then
	published_uki=$(cd "$(dirname "$sums")" && pwd)/kitroot.efi
	if [ -f "$published_uki" ]; then
		say "the UKI is signed: checking $published_uki without its signature, and the images around it"
	else
		say "WARNING: the UKI is signed and no kitroot.efi is beside $sums: the rebuild signs with this machine's key, so the signed files will differ" >&2
		published_uki=
	fi
fi
if ! { make -C "$top" O="$o" olddefconfig &&
	make -C "$top" O="$o" -j2 ${published_uki:+KR_PUBLISHED_UKI="$published_uki"}; } > "$o/verify-build.log" 2>&1; then
	tail -n 30 "$o/verify-build.log" >&2
	say "the rebuild failed: see $o/verify-build.log" >&2
	exit 1
fi

status=0 n=0
while read -r sum name; do
	n=$((n + 1))
	if [ ! -f "$o/images/$name" ]; then
		echo "MISSING  $name (the rebuild did not make it)"
		status=1
	elif [ "$(sha256sum < "$o/images/$name" | cut -d' ' -f1)" = "$sum" ]; then
		echo "OK       $name"
	else
		echo "DIFFERS  $name"
		status=1
	fi
done < "$sums"
for f in $(cd "$o/images" && find . -type f ! -name SHA256SUMS ! -name 'security-report.*' -printf '%P\n' | LC_ALL=C sort); do
	awk -v f="$f" '$2 == f { found = 1 } END { exit !found }' "$sums" ||
		echo "EXTRA    $f (made by the rebuild, not in $sums)"
done
if [ "$status" = 0 ]; then
	say "OK: all $n files in $sums match the rebuild"
else
	say "FAILED: the rebuild in $o does not match $sums"
	if [ -f "$info" ]; then
		if diff "$info" "$o/images/build-info" > "$o/build-info.diff"; then
			say "build-info is identical, so this is a reproducibility bug: please report it"
		else
			say "build-info differs from the published one (the cause, most likely):"
			sed 's/^/    /' "$o/build-info.diff"
		fi
	fi
fi
exit "$status"
