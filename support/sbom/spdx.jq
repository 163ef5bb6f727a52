# The SPDX 2.3 document of a build (support/sbom/sbom.sh).
include "common";

def spdx_license: if . == null then "NOASSERTION" else . end;
def file_id: "SPDXRef-File-" + (.name | ref_id);
def package_id: "SPDXRef-Package-" + (.name | ref_id);
def module_id: "SPDXRef-GoModule-" + ((.module // .deb.package) + "-" + .version | ref_id);
def tool_id: "SPDXRef-BuildTool-" + (.name | ref_id);
def refs: [
	(if .purl then { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: .purl } else empty end),
	(if .purl_debian then { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: .purl_debian } else empty end),
	(if .cpe then { referenceCategory: "SECURITY", referenceType: "cpe23Type", referenceLocator: .cpe } else empty end) ];

(go_modules) as $modules
| (build_tools) as $tools
| {
	spdxVersion: "SPDX-2.3",
	dataLicense: "CC0-1.0",
	SPDXID: "SPDXRef-DOCUMENT",
	name: "kitroot-\($version)-\($arch)",
	documentNamespace: "https://spdx.org/spdxdocs/kitroot-\($version)-\($arch)-\($uuid)",
	creationInfo: { created: $created, creators: [ "Tool: kitroot-\($version)" ] },
	packages: (
		[ $files[] | {
			SPDXID: file_id, name: .name, packageFileName: .name, versionInfo: $version,
			downloadLocation: "NOASSERTION", filesAnalyzed: false,
			licenseConcluded: "NOASSERTION", licenseDeclared: "NOASSERTION", copyrightText: "NOASSERTION",
			checksums: [ { algorithm: "SHA256", checksumValue: .sha256 } ],
			primaryPackagePurpose: (if (.name | test("^oci/")) then "CONTAINER"
				elif .name == $kernel then "OPERATING-SYSTEM" else "FILE" end),
			comment: "An output of the build, \(.size) bytes, in images/."
		} ]
		+ [ image_packages[] | {
			SPDXID: package_id, name: .name, versionInfo: .version,
			downloadLocation: (.source.url // "NOASSERTION"), filesAnalyzed: false,
			licenseConcluded: (.license | spdx_license), licenseDeclared: (.license | spdx_license),
			copyrightText: "NOASSERTION",
			supplier: (if .own then "Organization: kitroot" else "NOASSERTION" end),
			externalRefs: refs,
			sourceInfo: source_words,
			primaryPackagePurpose: (if .name == "linux" then "OPERATING-SYSTEM"
				elif (.go_stdlib or (.name | startswith("host-"))) then "APPLICATION" else "LIBRARY" end)
		} + (if .source then { packageFileName: .source.file,
			checksums: [ { algorithm: "SHA256", checksumValue: .source.sha256 } ] } else {} end) ]
		+ [ $modules[] | {
			SPDXID: module_id, name: (.module // .deb.package), versionInfo: .version,
			downloadLocation: "NOASSERTION", filesAnalyzed: false,
			licenseConcluded: (.license | spdx_license), licenseDeclared: (.license | spdx_license),
			copyrightText: "NOASSERTION", supplier: "NOASSERTION",
			packageFileName: "\(.deb.package)_\(.deb.version)_\(.deb.arch).deb",
			checksums: [ { algorithm: "SHA256", checksumValue: .deb.sha256 } ],
			externalRefs: [ { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: module_purl },
				{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl",
				  referenceLocator: "pkg:deb/debian/\(.deb.package)@\(.deb.version | @uri)?arch=\(.deb.arch)" } ],
			sourceInfo: "Go sources from Debian's \(.deb.package) \(.deb.version) (licence in its copyright file: \(.debian_license | if . == "" then "none stated" else . end))",
			primaryPackagePurpose: "LIBRARY"
		} ]
		+ [ $tools[] | {
			SPDXID: tool_id, name: .name, versionInfo: .version,
			downloadLocation: "NOASSERTION", filesAnalyzed: false,
			licenseConcluded: (.license | spdx_license), licenseDeclared: (.license | spdx_license),
			copyrightText: "NOASSERTION",
			externalRefs: [ { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: .purl } ],
			comment: "A build tool: it made the images and is in none of them.",
			primaryPackagePurpose: "APPLICATION"
		} ]
		| sort_by(.SPDXID)),
	relationships: (
		[ $files[] | { spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: file_id } ]
		+ [ $files[] as $f | contents($f)[] as $p
			| { spdxElementId: ($f | file_id), relationshipType: "CONTAINS",
			    relatedSpdxElement: ({ name: $p } | package_id) } ]
		+ [ $files[] as $f | carried($f)[] as $c
			| { spdxElementId: ($f | file_id), relationshipType: "CONTAINS",
			    relatedSpdxElement: ({ name: $c } | file_id) } ]
		+ [ $modules[] as $m | $m.users[] as $u
			| { spdxElementId: ({ name: $u } | package_id), relationshipType: "STATIC_LINK",
			    relatedSpdxElement: ($m | module_id) } ]
		+ [ image_packages[] as $p | $p.dependencies[] | select(package(.).in_image)
			| { spdxElementId: ($p | package_id), relationshipType: "DEPENDS_ON",
			    relatedSpdxElement: ({ name: . } | package_id) } ]
		+ [ $tools[] as $t | $files[]
			| { spdxElementId: ($t | tool_id), relationshipType: "BUILD_TOOL_OF", relatedSpdxElement: file_id } ]
		| unique | sort_by([ .spdxElementId, .relationshipType, .relatedSpdxElement ]))
  }
# A licence with no SPDX id (LicenseRef-, a package's own, such as the
# Raspberry Pi firmware's) is declared once, pointing at its text.
+ ([ packages[] | select(.license != null) | .name as $n | .license | scan("LicenseRef-[A-Za-z0-9.-]+") | { id: ., package: $n } ]
	| group_by(.id)
	| if length == 0 then {} else { hasExtractedLicensingInfos: map({
		licenseId: .[0].id, name: (.[0].id | sub("^LicenseRef-"; "")),
		extractedText: "The licence in the copyright file of \(map(.package) | unique | join(", ")), as copied by make legal-info (licenses/)." }) } end)
