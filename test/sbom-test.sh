# The SBOMs, legal-info and cve-check of a system-test build (sourced
# by test/system-test.sh; $sys_o is the build, $work the suite's
# directory).  docs/sbom.md.

# The validators, from npm at the versions test/sbom/package-lock.json
# pins (with their integrity hashes, which npm checks): once per run.
sbom_validators() {
	[ -d "$work/sbom-validators/node_modules" ] && return 0
	mkdir -p "$work/sbom-validators"
	cp "$top/test/sbom/package.json" "$top/test/sbom/package-lock.json" "$work/sbom-validators/"
	(cd "$work/sbom-validators" &&
		npm ci --ignore-scripts --no-audit --no-fund --prefer-offline \
			--cache "${KR_CACHE_DIR:-$HOME/.cache/kitroot}/npm" > npm.log 2>&1) ||
		{ cat "$work/sbom-validators/npm.log"; return 1; }
}

# The SPDX validator (test/sbom/spdx-validate), built once per run with
# the Go toolchain a build of the suite made, against the SPDX project's
# Go library pinned in test/sbom/spdx-tools.debs.
spdx_validator() {
	sb_v=$work/spdx-validate/spdx-validate
	[ -x "$sb_v" ] && return 0
	sb_go=$(ls -d "$work"/o-*/host/lib/go/usr/lib/go-*/bin/go 2>/dev/null | head -n 1)
	[ -n "$sb_go" ] || { echo "no Go toolchain in the suite's builds to build the SPDX validator with"; return 1; }
	sb_goroot=${sb_go%/bin/go}
	sb_dl=${KR_DL_DIR:-${KR_CACHE_DIR:-$HOME/.cache/kitroot}/dl}
	sb_debs=$sb_dl/debian-debs
	KR_DL_DIR=$sb_dl sh "$top/support/download/dl-debs.sh" "$sb_debs" "$top/test/sbom/spdx-tools.hash" \
		"$top/test/sbom/spdx-tools.debs" || return 1
	sb_d=$work/spdx-validate
	mkdir -p "$sb_d/deps" "$sb_d/gopath/src/kitroot"
	grep '^[a-z]' "$top/test/sbom/spdx-tools.debs" | while read -r sb_p sb_ver sb_a; do
		dpkg-deb -x "$sb_debs/${sb_p}_$(printf '%s' "$sb_ver" | sed 's/:/%3a/')_$sb_a.deb" "$sb_d/deps" || exit 1
	done || return 1
	cp -r "$top/test/sbom/spdx-validate" "$sb_d/gopath/src/kitroot/"
	(cd "$sb_d/gopath/src/kitroot/spdx-validate" && env GOROOT="$sb_goroot" PATH="$sb_goroot/bin:$PATH" \
		GO111MODULE=off GOPROXY=off GOTOOLCHAIN=local GOTELEMETRY=off GOFLAGS= CGO_ENABLED=0 \
		GOCACHE="$sb_d/cache" GOPATH="$sb_d/gopath:$sb_d/deps/usr/share/gocode" go build -o "$sb_v" .)
}

# Both SBOMs: valid (CycloneDX's schema, purls, licence expressions),
# complete (every file of images/ with its sha256, every target package
# the build installed, every Go module), free of build paths, and in
# SHA256SUMS.
sys_sbom() {
	sb_images=$sys_o/images
	sb_spdx=$sb_images/sbom.spdx.json sb_cdx=$sb_images/sbom.cdx.json
	for sb_f in "$sb_spdx" "$sb_cdx"; do
		[ -s "$sb_f" ] || { echo "no $sb_f"; return 1; }
		grep -q " ${sb_f##*/}\$" "$sb_images/SHA256SUMS" || { echo "${sb_f##*/} is not in SHA256SUMS"; return 1; }
	done
	sbom_validators || return 1
	# Each OCI archive carries its container's SBOM as an artifact whose
	# subject is the image manifest (the index's first entry).
	sb_oci_sboms=
	for sb_a in "$sb_images"/oci/*.tar; do
		[ -f "$sb_a" ] || continue
		sb_n=${sb_a##*/}; sb_n=${sb_n%.tar}
		tar -xOf "$sb_a" index.json > "$work/oci-index.json" || return 1
		sb_image=$(jq -r '.manifests[0].digest' "$work/oci-index.json")
		sb_art=$(jq -r '.manifests[] | select(.artifactType == "application/vnd.cyclonedx+json") | .digest' \
			"$work/oci-index.json")
		[ -n "$sb_art" ] || { echo "oci/$sb_n.tar: no SBOM artifact in its index.json"; return 1; }
		tar -xOf "$sb_a" "blobs/sha256/${sb_art#sha256:}" > "$work/oci-sbom-manifest.json" || return 1
		[ "$(jq -r .subject.digest "$work/oci-sbom-manifest.json")" = "$sb_image" ] ||
			{ echo "oci/$sb_n.tar: the SBOM's subject is not the image"; return 1; }
		sb_layer=$(jq -r '.layers[0].digest' "$work/oci-sbom-manifest.json")
		tar -xOf "$sb_a" "blobs/sha256/${sb_layer#sha256:}" > "$work/oci-sbom-$sb_n.cdx.json" || return 1
		jq -e --arg sb_n "$sb_n" '.metadata.component.name == "kitroot/\($sb_n)" and
			any(.components[]; .name == $sb_n) and any(.components[]; .name == "busybox")' \
			"$work/oci-sbom-$sb_n.cdx.json" > /dev/null ||
			{ echo "oci/$sb_n.tar: its SBOM does not describe $sb_n and busybox"; return 1; }
		sb_oci_sboms="$sb_oci_sboms $work/oci-sbom-$sb_n.cdx.json"
	done
	# shellcheck disable=SC2086 # a list of paths without spaces
	NODE_PATH=$work/sbom-validators/node_modules node "$top/test/sbom/validate.js" "$sb_cdx" "$sb_spdx" $sb_oci_sboms ||
		return 1
	spdx_validator || return 1
	"$work/spdx-validate/spdx-validate" "$sb_spdx" || return 1
	# Every file of images/ but the SBOMs, SHA256SUMS and build-info.
	(cd "$sb_images" && find . -type f ! -name 'sbom.*' ! -name SHA256SUMS ! -name build-info \
		! -name 'security-report.*' -printf '%P\n' | LC_ALL=C sort |
		while read -r sb_f; do echo "$(sha256sum "$sb_f" | cut -d' ' -f1) $sb_f"; done) > "$work/sbom-files.want"
	jq -r '.packages[] | select(.SPDXID | startswith("SPDXRef-File-")) | "\(.checksums[0].checksumValue) \(.name)"' \
		"$sb_spdx" | LC_ALL=C sort -k2 > "$work/sbom-files.spdx"
	jq -r '.components[] | select(."bom-ref" | startswith("file:")) | "\(.hashes[0].content) \(.name)"' \
		"$sb_cdx" | LC_ALL=C sort -k2 > "$work/sbom-files.cdx"
	for sb_s in spdx cdx; do
		diff "$work/sbom-files.want" "$work/sbom-files.$sb_s" ||
			{ echo "the $sb_s SBOM's files differ from images/ (< images, > SBOM)"; return 1; }
	done
	# The target packages the build installed, read from its stamps,
	# not from the SBOM's own description.
	for sb_stamp in "$sys_o"/build/*/.stamp_installed; do
		sb_d=${sb_stamp%/.stamp_installed}; sb_d=${sb_d##*/}
		case $sb_d in host-*) continue ;; esac
		sb_name=$(printf '%s' "$sb_d" | sed 's/-[0-9][^-]*$//')
		jq -e --arg sb_n "$sb_name" 'any(.packages[]; .name == $sb_n)' "$sb_spdx" > /dev/null ||
			{ echo "$sb_name (installed by the build) is not in the SPDX SBOM"; return 1; }
		jq -e --arg sb_n "$sb_name" 'any(.components[]; .name == $sb_n and ."bom-ref" == "package:\($sb_n)")' "$sb_cdx" > /dev/null ||
			{ echo "$sb_name (installed by the build) is not in the CycloneDX SBOM"; return 1; }
	done
	# Every Go module of the Go dependency lists.
	for sb_godeps in "$sys_o"/build/*.go-dependencies; do
		[ -f "$sb_godeps" ] || continue
		while read -r sb_p sb_v sb_a; do
			jq -e --arg sb_p "$sb_p" 'any(.components[]; any(.properties[]?; .value | startswith("\($sb_p) ")))' "$sb_cdx" > /dev/null ||
				{ echo "Go dependency $sb_p ($sb_godeps) is not in the CycloneDX SBOM"; return 1; }
		done < "$sb_godeps"
	done
	# Nothing of the build machine's paths.
	for sb_p in "$sys_o" "$top" "$HOME"; do
		! grep -l -F "$sb_p" "$sb_spdx" "$sb_cdx" || { echo "an SBOM names $sb_p"; return 1; }
	done
	echo "SPDX: $(jq '.packages | length' "$sb_spdx") packages, $(stat -c %s "$sb_spdx") bytes;" \
		"CycloneDX: $(jq '.components | length' "$sb_cdx") components, $(stat -c %s "$sb_cdx") bytes"
}

# legal-info: every package of the images, each copied file as its
# sha256 says; a package without a licence stops it, by name, and
# leaves what was there.
sys_legal_info() {
	sb_t0=$(date +%s)
	make --no-print-directory -C "$top" O="$sys_o" legal-info > "$work/legal-info.log" 2>&1 || { cat "$work/legal-info.log"; return 1; }
	echo "make legal-info: $(( $(date +%s) - sb_t0 )) s; $(tail -n 1 "$work/legal-info.log")"
	sb_li=$sys_o/legal-info
	(cd "$sb_li" && sha256sum --quiet -c legal-info.sha256) || return 1
	jq -r '.packages[] | select(.SPDXID | startswith("SPDXRef-Package-")) | .name' "$sys_o/images/sbom.spdx.json" |
		while read -r sb_n; do
			jq -e --arg sb_n "$sb_n" 'any(.[]; .package == $sb_n)' "$sb_li/manifest.json" > /dev/null ||
				{ echo "$sb_n is in the SBOM but not in legal-info/manifest.json"; exit 1; }
		done || return 1
	# Each package's sources, as pinned in its .hash file.
	jq -r '.[] | .files[] | select(.role == "source" or .role == "go-dependency") | "\(.sha256) \(.path)"' \
		"$sb_li/manifest.json" | while read -r sb_h sb_p; do
			grep -q "^sha256  $sb_h  ${sb_p##*/}\$" "$top"/pkg/*/*.hash "$top"/kernel/*.hash 2>/dev/null ||
				[ "${sb_p##*/}" = "$(ls "$sb_li/sources" | grep '^kitroot-.*\.tar\.gz$' | head -n 1)" ] ||
				{ echo "$sb_p: sha256 $sb_h is not a pinned hash"; exit 1; }
		done || return 1
	grep -q '^"linux",' "$sb_li/manifest.csv" && grep -q '^"host-linux-tools",' "$sb_li/host-manifest.csv" ||
		{ echo "manifest.csv or host-manifest.csv is incomplete"; return 1; }
	ls "$sb_li/licenses/runc-"*/go-dependencies/*.copyright > /dev/null || return 1
	# No licence: stopped, by name, before anything is written.
	jq '(.packages[] | select(.name == "busybox") | .license) = null' "$sys_o/build/sbom/packages.json" \
		> "$work/no-licence.json"
	mkdir -p "$work/li/legal-info" && : > "$work/li/legal-info/keep"
	if KR_DEBS_DIR=x sh "$top/support/sbom/legal-info.sh" "$work/no-licence.json" "$top" "$work/li/legal-info" \
		> "$work/no-licence.log" 2>&1; then
		echo "legal-info passed without busybox's licence"; return 1
	fi
	grep -q 'no licence for: busybox' "$work/no-licence.log" || { cat "$work/no-licence.log"; return 1; }
	[ -f "$work/li/legal-info/keep" ] || { echo "the failed legal-info removed what was there"; return 1; }
}

# cve-check against the small feeds in test/sbom/feeds: each record's
# expected outcome (matching, not matching, ranges, a CVE a patch fixes,
# malformed records skipped).
sys_cve_check() {
	sb_t0=$(date +%s)
	make --no-print-directory -C "$top" O="$sys_o" cve-check FEED="$top/test/sbom/feeds/osv.json:$top/test/sbom/feeds/nvd.json" \
		RUNC_IGNORE_CVES=CVE-2099-0004:0001-runc-init-trust-a-read-only-tmpfs-binary.patch \
		MUSL_IGNORE_CVES=CVE-2099-1003 > "$work/cve-check.log" 2>&1 || { cat "$work/cve-check.log"; return 1; }
	echo "make cve-check: $(( $(date +%s) - sb_t0 )) s"
	sb_got=$(jq -r '.vulnerabilities[] | "\(.id) \(.package) \(.status)"' "$sys_o/cve-check/cve-report.json" | LC_ALL=C sort)
	sb_want=$(LC_ALL=C sort <<'EOF'
CVE-2099-1001 busybox affected
KRTEST-2026-0003 busybox affected
KRTEST-2026-0001 containerd affected
KRTEST-2026-0005 containerd affected
CVE-2099-1003 musl ignored
KRTEST-2026-0001 runc affected
KRTEST-2026-0004 runc patched
KRTEST-2026-0005 runc affected
EOF
)
	[ "$sb_got" = "$sb_want" ] || { echo "cve-check found:"; echo "$sb_got"; echo "expected:"; echo "$sb_want"; return 1; }
	[ "$(jq '.skipped | length' "$sys_o/cve-check/cve-report.json")" = 3 ] ||
		{ echo "expected 3 malformed records skipped"; jq .skipped "$sys_o/cve-check/cve-report.json"; return 1; }
	grep -q '^PATCHED	KRTEST-2026-0004	runc	.*fixed by 0001-runc-init' "$sys_o/cve-check/cve-report.txt" ||
		{ cat "$sys_o/cve-check/cve-report.txt"; return 1; }
	# A feed that is not JSON: a clear error, nothing else.
	echo 'not json' > "$work/bad-feed.json"
	if make --no-print-directory -C "$top" O="$sys_o" cve-check FEED="$work/bad-feed.json" > "$work/bad-feed.log" 2>&1; then
		echo "cve-check accepted a feed that is not JSON"; return 1
	fi
	grep -q 'bad-feed.json: not JSON' "$work/bad-feed.log" || { cat "$work/bad-feed.log"; return 1; }
}
