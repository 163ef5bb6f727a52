# The CycloneDX 1.6 document of a build (support/sbom/sbom.sh).
include "common";

def cdx_licenses($debian): if . == null then
		(if ($debian // "") == "" then [] else [ { license: { name: "Debian copyright: \($debian)" } } ] end)
	else [ { expression: . } ] end;
def file_ref: "file:" + .name;
def package_ref: "package:" + .name;
def module_ref: "go-module:" + (.module // .deb.package) + "@" + .version;
def tool_ref: "build-tool:" + .name;
def property($name; $value): if $value == null then empty else { name: $name, value: ($value | tostring) } end;

(go_modules) as $modules
| (build_tools) as $tools
| {
	bomFormat: "CycloneDX",
	specVersion: "1.6",
	serialNumber: "urn:uuid:\($uuid)",
	version: 1,
	metadata: {
		timestamp: $created,
		tools: { components: [ { type: "application", name: "kitroot", version: $version } ] },
		component: (if $container == "" then
			{ type: "operating-system", "bom-ref": "system", name: "kitroot-\($arch)", version: $version }
			else { type: "container", "bom-ref": "system", name: "kitroot/\($container)", version: $version } end)
	},
	components: (
		[ $files[] | {
			type: (if (.name | test("^oci/")) then "container"
				elif .name == $kernel then "operating-system" else "file" end),
			"bom-ref": file_ref, name: .name, version: $version,
			hashes: [ { alg: "SHA-256", content: .sha256 } ],
			properties: [ property("kitroot:size"; .size) ]
		} ]
		+ [ selected_packages[] | {
			type: (if .name == "linux" then "operating-system"
				elif (.go_stdlib or (.name | startswith("host-"))) then "application" else "library" end),
			"bom-ref": package_ref, name: .name, version: .version, scope: "required",
			licenses: (.license | cdx_licenses(null)),
			purl: .purl,
			externalReferences: [
				(if .source.url then { type: "source-distribution", url: .source.url,
					hashes: [ { alg: "SHA-256", content: .source.sha256 } ] } else empty end) ],
			properties: [ property("kitroot:debian-source"; .purl_debian),
				property("kitroot:source-file"; .source.file), property("kitroot:source-sha256"; .source.sha256),
				property("kitroot:debian-patches-file"; .debian_patches.file),
				property("kitroot:debian-patches-sha256"; .debian_patches.sha256),
				(.patches[] | property("kitroot:patch"; "\(.file) sha256 \(.sha256)")),
				property("kitroot:source"; source_words | if . == "" then null else . end) ]
		} + (if .cpe then { cpe: .cpe } else {} end)
		  + (if (.patches | length) + (.debian_patches.series // [] | length) > 0 then
			{ pedigree: { patches: (
				[ .debian_patches.series // [] | .[] | { type: "backport", diff: { url: "debian/patches/\(.)" } } ]
				+ [ .patches[] | { type: "unofficial", diff: { url: .file } } ]) } }
			else {} end) ]
		+ [ $modules[] | {
			type: "library", "bom-ref": module_ref, name: (.module // .deb.package), version: .version,
			scope: "required", purl: module_purl,
			licenses: (.debian_license as $d | .license | cdx_licenses($d)),
			hashes: [ { alg: "SHA-256", content: .deb.sha256 } ],
			properties: [ property("kitroot:debian-package"; "\(.deb.package) \(.deb.version) \(.deb.arch)") ]
		} ]
		+ [ $tools[] | {
			type: "application", "bom-ref": tool_ref, name: .name, version: .version, scope: "excluded",
			purl: .purl, licenses: (.license | cdx_licenses(null)),
			properties: [ property("kitroot:role"; "build-tool"), property("kitroot:debian-package"; .debian_package) ]
		} ]
		| map(with_entries(select(.value != [] and .value != null)))
		| sort_by(."bom-ref")),
	dependencies: (
		[ { ref: "system", dependsOn: (if $container == "" then [ $files[] | file_ref ]
			else [ { name: $container } | package_ref ] end) } ]
		+ [ $files[] as $f | { ref: ($f | file_ref),
			dependsOn: ([ contents($f)[] | { name: . } | package_ref ] + [ carried($f)[] | { name: . } | file_ref ]) } ]
		+ [ selected_packages[] as $p | { ref: ($p | package_ref), dependsOn: (
			[ $p.dependencies[] | select(package(.).in_image) | { name: . } | package_ref ]
			+ [ $modules[] | select(.users | index($p.name)) | module_ref ]) } ]
		| map(.dependsOn |= unique) | sort_by(.ref))
  }
