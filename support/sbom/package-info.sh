#!/bin/sh
# usage: package-info.sh PACKAGES.TSV WORKDIR > packages.json
#
# The description of a build's packages that show-info, legal-info, the
# SBOMs and cve-check all read (docs/sbom.md).  PACKAGES.TSV is make's
# "NAME<TAB>KEY<TAB>VALUE" lines (support/make/sbom.mk); this adds what
# only the files tell: the sha256 of each source, Debian patch series
# and patch; the Go modules inside each Go dependency package (from its
# go.mod files) with the licence its Debian copyright file states; and
# the Debian versions of the host compiler and binutils.  WORKDIR gets
# the Go dependency packages' copyright files (for legal-info).
# Environment: KR_DEBS_DIR, KR_GNU_TRIPLET, KR_TUPLE.
set -eu

tsv=$1 work=$2
here=$(dirname "$0")
prog=package-info
die() { echo "$prog: $*" >&2; exit 1; }

[ -r "$tsv" ] || die "$tsv: cannot read the package list"
mkdir -p "$work/go-copyright" "$work/go-scan"

# value PACKAGE KEY
value() { awk -F '\t' -v p="$1" -v k="$2" '$1 == p && $2 == k { print $3; exit }' "$tsv"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

# The Debian package (and its version) that holds a host program.
debian_package_of() {
	path=$(command -v "$1" 2>/dev/null) || return 0
	path=$(readlink -f "$path")
	pkg=$({ dpkg -S "$path" || dpkg -S "${path#/usr}"; } 2>/dev/null | head -n 1 | cut -d: -f1) || pkg=
	[ -n "$pkg" ] || return 0
	printf '%s\t%s\n' "$pkg" "$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null)"
}

# Debian's copyright file (DEP-5): the licence of the "Files: *"
# paragraph, as Debian names it.
debian_license() {
	# (the patterns may start on the next line, indented)
	awk '
		/^Files:/ { whole = ($2 == "*"); pending = ($2 == ""); next }
		pending && /^[ \t]/ { whole = ($1 == "*"); pending = 0; next }
		{ pending = 0 }
		whole && /^License:/ { sub(/^License:[ \t]*/, ""); print; exit }
	' "$1"
}

# scan_go_deb PACKAGE FILE COPYRIGHT: writes COPYRIGHT (the package's
# copyright file, empty if it has none) and prints "LICENCE MODULE...".
scan_go_deb() {
	unpacked=$work/go-deb
	rm -rf "$unpacked" && mkdir -p "$unpacked"
	dpkg-deb --fsys-tarfile "$2" | tar -x -C "$unpacked" --wildcards --no-same-owner \
		'./usr/share/gocode/src/*go.mod' "./usr/share/doc/$1/copyright" 2>/dev/null || true
	modules=$(cd "$unpacked" && find usr/share/gocode/src -name go.mod 2>/dev/null |
		grep -v -e '/testdata/' -e '/_' -e '/vendor/' -e '/internal/' -e '/examples\{0,1\}/' |
		LC_ALL=C sort | while read -r m; do
			awk '$1 == "module" { gsub(/"/, "", $2); print $2; exit }' "$m"; done | tr '\n' ' ')
	if [ -z "$modules" ]; then
		# GOPATH-era packages without go.mod: their import path.
		modules=$(dpkg-deb -c "$2" | awk '{ print $NF }' |
			sed -n 's|^\./usr/share/gocode/src/\(.*\)/$|\1|p' |
			awk -F / '{ n = ($1 ~ /^(github\.com|gitlab\.com|bitbucket\.org|golang\.org|go\.etcd\.io)$/) ? 3 : 2 }
				NF == n { print }' | LC_ALL=C sort | head -n 1)
	fi
	if [ -f "$unpacked/usr/share/doc/$1/copyright" ]; then
		mv "$unpacked/usr/share/doc/$1/copyright" "$3"
	else
		: > "$3"
	fi
	rm -rf "$unpacked"
	printf '%s %s\n' "$(debian_license "$3" | tr ' \t' '__')" "${modules:--}"
}

extra() {
	for p in $(awk -F '\t' '$2 == "name" { print $1 }' "$tsv"); do
		src=$(value "$p" source)
		if [ -n "$src" ]; then
			[ -f "$src" ] || die "$p: $src is not downloaded (make $p-source)"
			printf '%s\tsource-sha256\t%s\n' "$p" "$(sha "$src")"
		fi
		dp=$(value "$p" debian-patches)
		if [ -n "$dp" ]; then
			[ -f "$dp" ] || die "$p: $dp is not downloaded (make $p-source)"
			printf '%s\tdebian-patches-sha256\t%s\n' "$p" "$(sha "$dp")"
			tar -xOf "$dp" debian/patches/series 2>/dev/null | sed 's/#.*//' |
				awk -v p="$p" 'NF { printf "%s\tdebian-patch\t%s\n", p, $1 }'
		fi
		for f in $(value "$p" patches); do
			printf '%s\tpatch\t%s %s\n' "$p" "$(sha "$f")" "$f"
		done
		debs=$(value "$p" debs)
		[ -n "$debs" ] || continue
		gomod=$(value "$p" go-stdlib)
		grep '^[a-z]' "$debs" | while read -r d v a; do
			file=$KR_DEBS_DIR/${d}_$(printf '%s' "$v" | sed 's/:/%3a/')_$a.deb
			[ -f "$file" ] || die "$p: $file is not downloaded (make $p-source)"
			if [ -z "$gomod" ]; then
				printf '%s\tdeb\t%s %s %s %s\n' "$p" "$d" "$v" "$a" "$(sha "$file")"
				continue
			fi
			# A Go dependency package: its modules are named by the go.mod
			# files under usr/share/gocode/src (not test data or examples),
			# its licence by its copyright file.  Read once per package
			# file (by its hash): a new description is then quick.
			deb_sha=$(sha "$file")
			copyright=$work/go-copyright/$d.copyright
			scanned=$work/go-scan/$deb_sha
			if [ ! -f "$scanned" ] || [ ! -f "$copyright" ]; then
				scan_go_deb "$d" "$file" "$copyright" > "$scanned.tmp"
				mv "$scanned.tmp" "$scanned"
			fi
			printf '%s\tgo-deb\t%s %s %s %s %s\n' "$p" "$d" "$v" "$a" "$deb_sha" "$(cat "$scanned")"
		done
	done
}

{
	cat "$tsv"
	extra
	# The compiler and binutils that built the target programs and the
	# kernel, as Debian packages.
	if [ -n "${KR_GNU_TRIPLET:-}" ]; then
		debian_package_of "$KR_GNU_TRIPLET-gcc" | sed 's/^/-\tbuild-tool\tgcc\t/'
		debian_package_of "$KR_GNU_TRIPLET-ld" | sed 's/^/-\tbuild-tool\tbinutils\t/'
		lib=$("$KR_GNU_TRIPLET-gcc" -print-libgcc-file-name 2>/dev/null) || lib=
		pkg=
		[ -z "$lib" ] || pkg=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1) || pkg=
		if [ -n "$pkg" ]; then
			printf 'toolchain\tlibgcc-copyright\t/usr/share/doc/%s/copyright\n' "$pkg"
		fi
	fi
} > "$work/packages.lines"
jq -R -s -f "$here/package-info.jq" "$work/packages.lines"
