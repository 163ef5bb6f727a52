# package-info.sh's lines ("NAME<TAB>KEY<TAB>VALUE", raw text) to the
# description of the packages (docs/sbom.md).  Packages come sorted by
# name, lists in a fixed order: the output is the same for the same build.

def words: split(" ") | map(select(length > 0));
def basename: split("/") | last;

# Debian copyright files name licences their own way (DEP-5): the SPDX
# id of each that has one, null for the rest (the SBOMs then say
# NOASSERTION and keep Debian's words).  "BSD-3-clause~Google" is
# Debian's name for one holder's copy of a licence.
def spdx_id:
	sub("~.*$"; "") | { "Expat": "MIT", "MIT": "MIT", "Apache-2.0": "Apache-2.0", "Apache-2": "Apache-2.0",
	  "BSD-2-clause": "BSD-2-Clause", "BSD-2-Clause": "BSD-2-Clause",
	  "BSD-3-clause": "BSD-3-Clause", "BSD-3-Clause": "BSD-3-Clause",
	  "ISC": "ISC", "MPL-2.0": "MPL-2.0", "CC0-1.0": "CC0-1.0", "Unlicense": "Unlicense",
	  "Zlib": "Zlib", "zlib": "Zlib", "0BSD": "0BSD", "WTFPL": "WTFPL",
	  "LGPL-3.0-linking-exception": "LGPL-3.0-only WITH LGPL-3.0-linking-exception",
	  "CC-BY-SA-4.0": "CC-BY-SA-4.0", "CC-BY-4.0": "CC-BY-4.0", "Python-2.0": "Python-2.0" }[.];
def spdx_expression:
	if . == "" then null
	else (split(" or ") | map(split(" and ") | map(spdx_id))) as $terms
	| if ($terms | flatten | any(. == null)) then null
	  else $terms | map(if length > 1 then "(" + join(" AND ") + ")" else .[0] end)
		| if length > 1 then join(" OR ") else .[0] end
	  end
	end;

# A Debian version as Go writes a module version: no epoch, no Debian
# revision, no repack suffix (+ds, +dfsg); a snapshot of a commit
# (0.0~git20240927.0f3dac3) as Go's pseudo-version of that day
# (v0.0.0-0.20240927000000-0f3dac3, the hash as Debian shortened it).
# A version that does not fit semver is kept as Debian wrote it,
# without the "v" (which in a purl promises semver).
def semver_core: split(".") | (. + [ "0", "0" ])[0:3] | join(".");
def go_version:
	sub("^[0-9]+:"; "") | sub("-[^-]*$"; "") | sub("[+~](ds|dfsg)[0-9.]*$"; "")
	| if test("^[0-9]+(\\.[0-9]+){0,2}$") then "v" + semver_core
	  elif test("^[0-9]+(\\.[0-9]+){0,2}[~+]git[0-9]{8}\\.[0-9]*\\.?[0-9a-f]+$") then
		capture("^(?<base>[0-9.]+)[~+]git(?<date>[0-9]{8})\\.(?:[0-9]+\\.)?(?<hash>[0-9a-f]+)$")
		| "v\(.base | semver_core)-0.\(.date)000000-\(.hash)"
	  elif test("^[0-9]+\\.[0-9]+\\.[0-9]+[~-](rc|alpha|beta)[.0-9]*$") then "v" + sub("~"; "-")
	  else gsub("~"; "-") end;

split("\n") | map(select(length > 0) | split("\t")) as $rows
| {
	build_tools: [ $rows[] | select(.[0] == "-" and .[1] == "build-tool")
		| { name: .[2], debian_package: .[3], version: .[4] } ],
	packages: [ $rows | map(select(.[0] != "-")) | group_by(.[0])[]
		| . as $r
		| def one($k): ([ $r[] | select(.[1] == $k) | .[2] // "" ] | first) // "";
		  def all($k): [ $r[] | select(.[1] == $k) | .[2] // "" ];
		  def opt: if . == "" then null else . end;
		{
			name: one("name"),
			version: one("version"),
			in_image: (one("in-image") == "yes"),
			own: (one("own") == "yes"),
			license: (one("license") | opt),
			license_files: ((one("license-files") | words) + all("libgcc-copyright")),
			site: (one("site") | opt),
			source: (one("source") as $path | if $path == "" then null else
				{ file: ($path | basename), path: $path, sha256: one("source-sha256"),
				  url: (one("site") | if . == "" then null else . + "/" + ($path | basename) end) } end),
			debian: (one("debian") | if . == "" then null else
				split("/")[0] | split("=") | { package: .[0], version: .[1] } end),
			debian_patches: (one("debian-patches") as $path | if $path == "" then null else
				{ file: ($path | basename), path: $path, sha256: one("debian-patches-sha256"),
				  series: all("debian-patch") } end),
			patches: [ all("patch")[] | split(" ") | { file: (.[1] | basename), path: .[1], sha256: .[0] } ],
			debs: [ all("deb")[] | split(" ") | { package: .[0], version: .[1], arch: .[2], sha256: .[3] } ],
			go_stdlib: (one("go-stdlib") | opt),
			go_modules: [ all("go-deb")[] | split(" ")
				| (.[4] | gsub("_"; " ")) as $debian_license
				| { deb: { package: .[0], version: .[1], arch: .[2], sha256: .[3] },
				    debian_license: $debian_license,
				    license: ($debian_license | spdx_expression),
				    modules: (if .[5] == "-" then [] else .[5:] | map(select(length > 0)) end),
				    version: (.[1] | go_version) } ],
			cpe: (if one("cpe-vendor") != "" and one("cpe-product") != "" then
				"cpe:2.3:\(one("cpe-part")):\(one("cpe-vendor")):\(one("cpe-product")):\(one("cpe-version")):*:*:*:*:*:*:*"
				else null end),
			purl: (if one("own") == "yes" then "pkg:generic/kitroot/\(one("name"))@\(one("version"))"
				else "pkg:generic/\(one("name") | sub("^host-"; ""))@\(one("version"))" end),
			purl_debian: (one("debian") | if . == "" then null else
				split("/")[0] | split("=") | "pkg:deb/debian/\(.[0])@\(.[1] | @uri)?arch=source" end),
			dependencies: (one("dependencies") | words),
			package_dir: one("package-dir"),
			build_dir: one("build-dir"),
			hash_file: (one("hash-file") | opt)
		} ]
  }
