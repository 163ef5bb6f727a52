#!/bin/sh
# usage: legal-info.sh PACKAGES.JSON TOPDIR OUTDIR
#
# make legal-info (docs/sbom.md): OUTDIR gets, for the packages in the
# images,
#   licenses/NAME-VERSION/     their licence files
#   sources/NAME-VERSION/      the exact files they were built from: the
#                              source archive, Debian's patch series, our
#                              patches, and (Go programs) the Debian
#                              packages of their Go dependencies, each
#                              with its copyright file
#   manifest.csv, manifest.json  one entry per package, with every file's sha256
# and for the build tools (host packages in no image) the same in
# host-licenses/ and host-manifest.csv/.json (their sources stay in the
# download cache: they are not distributed with the images).  kitroot's
# own packages are under COPYING; their source is the kitroot tree,
# archived as sources/kitroot-VERSION.tar.gz from a clean git checkout.
# A package without a licence, or (not our own) without licence files,
# stops it, by name.  legal-info.sha256 lists every file.
set -eu

info=$1 top=$2 out=$3
prog=legal-info
die() { echo "$prog: $*" >&2; exit 1; }
[ -r "$info" ] || die "$info: cannot read the package description"

# Licences first: nothing is written if one is missing.
missing=$(jq -r '.packages[] | select(.license == null) | .name' "$info")
[ -z "$missing" ] || die "no licence for: $(echo $missing) (set NAME_LICENSE to an SPDX expression in the package file)"
missing=$(jq -r '.packages[] | select(.own | not) | select(.license_files | length == 0) | .name' "$info")
[ -z "$missing" ] || die "no licence file for: $(echo $missing) (set NAME_LICENSE_FILES, hashed in NAME.hash)"

# OUTDIR is made anew; it must be ours (in O, named legal-info).
case $out in */legal-info) ;; *) die "$out: the output directory must be O/legal-info" ;; esac
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
tmp=$out.tmp
: > "$tmp/.copied"

sha() { sha256sum "$1" | cut -d' ' -f1; }
# put ROLE FILE DIR: copies FILE into OUTDIR/DIR and adds "ROLE
# DIR/NAME SHA256" to the package's file list.
# A file copied once already (linux and linux-headers share a source,
# runc and containerd most Go packages) is hard-linked to that copy.
put() {
	[ -f "$2" ] || die "$2: missing (run make first: legal-info copies what the build used)"
	mkdir -p "$tmp/$3"
	put_sha=$(sha "$2")
	put_first=$(awk -v h="$put_sha" '$1 == h { print $2; exit }' "$tmp/.copied")
	if [ -n "$put_first" ]; then
		ln "$tmp/$put_first" "$tmp/$3/${2##*/}"
	else
		cp "$2" "$tmp/$3/"
		echo "$put_sha $3/${2##*/}" >> "$tmp/.copied"
	fi
	printf '%s %s %s\n' "$1" "$3/${2##*/}" "$put_sha" >> "$files"
}

# kitroot's own sources, when the tree is a clean git checkout.
version=$(jq -r '[.packages[] | select(.own) | .version][0] // "unknown"' "$info")
own_archive=
. "$top/support/lib/git-tree.sh"
if own_checkout "$top" && [ -z "$(git -C "$top" --no-optional-locks status --porcelain)" ]; then
	mkdir -p "$tmp/sources"
	git -C "$top" archive --format=tar --prefix="kitroot-$version/" HEAD | gzip -n -9 \
		> "$tmp/sources/kitroot-$version.tar.gz"
	own_archive="sources/kitroot-$version.tar.gz $(sha "$tmp/sources/kitroot-$version.tar.gz")"
fi

# One package: its files copied, its manifest entry (JSON) printed.
entries=$tmp/entries
: > "$entries"
jq -c '.packages[]' "$info" | while read -r pkg; do
	field() { printf '%s' "$pkg" | jq -r "$1"; }
	name=$(field .name) version=$(field .version)
	if [ "$(field .in_image)" = true ]; then lic_dir=licenses src=y; else lic_dir=host-licenses src=; fi
	dir=$name-$version
	files=$tmp/files.$name
	: > "$files"
	if [ "$(field '.license_files | length')" = 0 ]; then
		put license "$top/COPYING" "$lic_dir/$dir"
	else
		build_dir=$(field .build_dir)
		field '.license_files[]' | while read -r f; do
			[ -f "$f" ] || die "$name: licence file $f is missing (make $name-extract)"
			# Licence files of one name (COPYING, lib/uuid/COPYING) keep
			# their paths in the source.
			sub=
			case $f in "$build_dir"/*/*) sub=/$(dirname "${f#"$build_dir"/}") ;; esac
			put license "$f" "$lic_dir/$dir$sub"
		done
	fi
	if [ -n "$src" ]; then
		s=$(field '.source.path // empty')
		[ -z "$s" ] || put source "$s" "sources/$dir"
		s=$(field '.debian_patches.path // empty')
		[ -z "$s" ] || put debian-patches "$s" "sources/$dir"
		field '.patches[].path' | while read -r s; do
			put patch "$s" "sources/$dir/patches"
		done
		field '.go_modules[].deb | "\(.package) \(.version) \(.arch)"' | while read -r d v a; do
			put go-dependency "$KR_DEBS_DIR/${d}_$(printf '%s' "$v" | sed 's/:/%3a/')_$a.deb" \
				"sources/$dir/go-dependencies"
			c=$(dirname "$info")/go-copyright/$d.copyright
			[ ! -s "$c" ] || put license "$c" "$lic_dir/$dir/go-dependencies"
		done
		field '.debs[] | "\(.package) \(.version) \(.arch)"' | while read -r d v a; do
			put debian-package "$KR_DEBS_DIR/${d}_$(printf '%s' "$v" | sed 's/:/%3a/')_$a.deb" "sources/$dir"
		done
		if [ "$(field .own)" = true ] && [ -n "$own_archive" ]; then
			echo "source $own_archive" >> "$files"
		fi
	fi
	printf '%s' "$pkg" | jq -c --rawfile files "$files" '{
		package: .name, version, license, "in-image": .in_image, "kitroot-own": .own,
		cpe, purl, "source-site": .site,
		"debian-source": (if .debian then "\(.debian.package) \(.debian.version)" else null end),
		files: [ $files | split("\n")[] | select(length > 0) | split(" ")
			| { role: .[0], path: .[1], sha256: .[2] } ] }' >> "$entries"
done

manifest() { # FILTER NAME
	jq -s "[ .[] | select($1) ]" "$entries" > "$tmp/$2.json"
	jq -r '(["PACKAGE", "VERSION", "LICENSE", "LICENSE FILES", "SOURCES", "SHA256"] | @csv),
		(.[] | [ .package, .version, .license,
			([ .files[] | select(.role == "license") | .path ] | join(" ")),
			([ .files[] | select(.role != "license") | .path ] | join(" ")),
			([ .files[] | select(.role != "license") | .sha256 ] | join(" ")) ] | @csv)' \
		"$tmp/$2.json" > "$tmp/$2.csv"
}
manifest '."in-image"' manifest
manifest '."in-image" | not' host-manifest
rm -f "$entries" "$tmp"/files.* "$tmp/.copied"

cat > "$tmp/README" <<EOF
What went into the images of this build, and under which licences.
manifest.csv/.json: the packages in the images; sources/ and licenses/
hold their files.  host-manifest.csv/.json and host-licenses/: the build
tools, which are in no image (their sources are not included).
legal-info.sha256: the sha256 of every file here.  docs/sbom.md in the
kitroot tree explains how to trace a binary back to these sources.
EOF
(cd "$tmp" && find . -type f ! -name legal-info.sha256 -printf '%P\n' | LC_ALL=C sort |
	while read -r f; do sha256sum "$f"; done) > "$tmp/legal-info.sha256"
rm -rf "$out"
mv "$tmp" "$out"
echo "legal-info: $(jq length "$out/manifest.json") packages in the images, $(jq length "$out/host-manifest.json") build tools; $(du -sh "$out" | cut -f1) in $out"
