# make show-info: one line per package, as Buildroot's show-info and
# pkg-stats give (docs/sbom.md).  $ignore: make's ignore-cves.tsv.
include "ignore";
ignore_lists($ignore) as $ignored
| .packages[] | {
	name, version, license, "in-image": .in_image, "kitroot-own": .own, cpe, purl,
	patches: (.patches | length),
	"debian-patches": (.debian_patches.series // [] | length),
	"go-modules": ([ .go_modules[].modules[] ] | length),
	"ignored-cves": [ ($ignored[.name] // [])[].id ],
	source: .source.file, "source-sha256": .source.sha256, site: .site,
	debian: (if .debian then "\(.debian.package) \(.debian.version)" else null end),
	dependencies
}
