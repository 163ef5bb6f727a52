#!/bin/sh
# usage: sbom.sh PACKAGES.JSON IMAGES_DIR KERNEL_FILE
#
# Writes IMAGES_DIR/sbom.spdx.json (SPDX 2.3) and sbom.cdx.json
# (CycloneDX 1.6): every file of IMAGES_DIR with its sha256, the
# packages each holds (with licences, sources, patches, purls, CPEs and
# the Go modules of the Go programs), and the build tools.  Nothing in
# them depends on the build machine or on O: the date is
# SOURCE_DATE_EPOCH's, the document ids are derived from the files'
# hashes, and every list is sorted (docs/sbom.md).
# Environment: KR_VERSION, KR_ARCH, SOURCE_DATE_EPOCH.
#
# usage: sbom.sh --container NAME PACKAGES.JSON OUT
#
# Writes OUT, the CycloneDX SBOM of container package NAME alone (its
# packages and what they link in): kr-ociimage attaches it to the OCI
# archive (pkg/pkg-container.mk).
set -eu

here=$(dirname "$0")
prog=sbom
die() { echo "$prog: $*" >&2; exit 1; }
: "${KR_VERSION:?}" "${KR_ARCH:?}" "${SOURCE_DATE_EPOCH:?}"
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
# A name-based UUID from a digest of what the document describes.
uuid_of() {
	sha256sum | cut -c1-32 |
		sed 's/^\(.\{8\}\)\(.\{4\}\).\(.\{3\}\).\(.\{3\}\)\(.\{12\}\)$/\1-\2-5\3-8\4-\5/'
}

if [ "${1:-}" = --container ]; then
	[ $# -eq 4 ] || die "usage: sbom.sh --container NAME PACKAGES.JSON OUT"
	name=$2 info=$3 out=$4
	[ -r "$info" ] || die "$info: cannot read the package description"
	jq -e --arg n "$name" 'any(.packages[]; .name == $n and .in_image)' "$info" > /dev/null ||
		die "$name is not a package of the image"
	# Its serial number: from the document itself, written first with
	# a zero one (the description holds build paths; the document not).
	container_sbom() {
		jq -S --slurpfile info "$info" --argjson files '[]' --arg uuid "$1" --arg created "$created" \
			--arg version "$KR_VERSION" --arg arch "$KR_ARCH" --arg kernel '' --arg container "$name" \
			-L "$here" -f "$here/cdx.jq" -n
	}
	uuid=$(container_sbom 00000000-0000-0000-0000-000000000000 | uuid_of)
	container_sbom "$uuid" > "$out.tmp"
	mv "$out.tmp" "$out"
	exit 0
fi

info=$1 images=$2 kernel=$3
[ -r "$info" ] || die "$info: cannot read the package description"

# The files described: every output but the checksums, the build record,
# the SBOMs themselves and a boot's security report.
files=$(cd "$images" && find . -type f ! -name SHA256SUMS ! -name build-info ! -name 'sbom.*' \
	! -name 'security-report.*' ! -name '*.tmp' -printf '%P\n' | LC_ALL=C sort |
	while read -r f; do
		printf '%s\t%s\t%s\n' "$f" "$(sha256sum "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")"
	done | jq -R -s 'split("\n") | map(select(length > 0) | split("\t")
		| { name: .[0], sha256: .[1], size: (.[2] | tonumber) })')

# One id for this set of files.
uuid=$(printf '%s' "$files" | uuid_of)

for format in spdx cdx; do
	jq -S --slurpfile info "$info" --argjson files "$files" --arg uuid "$uuid" \
		--arg created "$created" --arg version "$KR_VERSION" --arg arch "$KR_ARCH" \
		--arg kernel "$kernel" --arg container '' -L "$here" -f "$here/$format.jq" -n > "$images/sbom.$format.json.tmp"
	mv "$images/sbom.$format.json.tmp" "$images/sbom.$format.json"
done
