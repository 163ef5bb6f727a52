# What the SPDX and CycloneDX writers share: which package is in which
# image file, the Go modules, the build tools.  $info[0] is
# packages.json, $files the image files (name, sha256, size), $kernel
# the kernel's file name, $container empty or a container's package.

def packages: $info[0].packages;
def package($name): first(packages[] | select(.name == $name));
def image_packages: [ packages[] | select(.in_image) ];

# A package and the packages of the image it depends on, directly or not.
def closure($names):
	def step: . as $set | ($set + [ $set[] as $n | package($n).dependencies[]
		| select(package(.).in_image) ]) | unique;
	$names | until(. == step; step);

# The package names each image file holds.
def contents($file):
	if $file.name == $kernel then [ "linux" ]
	elif ($file.name | test("^rootfs\\.cpio\\.")) then
		[ image_packages[].name | select(. != "linux" and . != "host-efi-stub" and . != "host-raspi-firmware") ]
	elif ($file.name | test("\\.dtb$")) then [ "linux" ]
	elif $file.name == "sdcard.img" then [ image_packages[].name | select(. != "host-efi-stub") ]
	elif ($file.name | test("^oci/.+\\.tar$")) then
		closure([ $file.name | sub("^oci/"; "") | sub("\\.tar$"; "") ])
	elif ($file.name | test("\\.efi$")) then [ image_packages[].name | select(. != "host-raspi-firmware") ]
	else [] end;
# The image files another one carries whole (a disk image its UKI, the
# Pi's SD card the kernel, initramfs and device trees).
def carried($file):
	if $file.name == "sdcard.img" then
		[ $files[] | select(.name == $kernel or (.name | test("^rootfs\\.cpio\\.|\\.dtb$"))) | .name ]
	elif ($file.name | test("\\.(img|qcow2|iso)$")) then
		[ $files[] | select(.name | test("\\.efi$")) | .name ]
	else [] end;

# The packages described: the image's, or (a container's own SBOM,
# $container set) the container's package and what it links in.
def selected_packages:
	if $container == "" then image_packages else [ closure([ $container ])[] | package(.) ] end;

# Every Go module of the described Go programs, once, with the packages
# built against it.
def go_modules:
	[ selected_packages[] as $p | $p.go_modules[] as $g
	  | ($g.modules | if length == 0 then [ null ] else . end)[]
	  | { module: ., version: $g.version, license: $g.license, debian_license: $g.debian_license,
	      deb: $g.deb, user: $p.name } ]
	| group_by([ .module, .deb.package ])
	| map(.[0] + { users: (map(.user) | unique) } | del(.user));
def module_purl: if .module then "pkg:golang/\(.module)@\(.version)"
	else "pkg:deb/debian/\(.deb.package)@\(.deb.version | @uri)?arch=\(.deb.arch)" end;

# The build tools: the host compiler and binutils (Debian packages) and
# the host packages whose files are in no image.
def build_tools:
	[ $info[0].build_tools[] | { name, version, debian_package,
		purl: "pkg:deb/debian/\(.debian_package)@\(.version | @uri)" } ]
	+ [ packages[] | select((.name | startswith("host-")) and (.in_image | not))
		| { name, version, debian_package: null, purl, license } ];

# What the package was built from, in words (SPDX's sourceInfo).
def source_words:
	[ (if .source then "source \(.source.file) (sha256 \(.source.sha256))" else empty end),
	  (if .debian_patches then "Debian patch series \(.debian_patches.file) (sha256 \(.debian_patches.sha256)): \(.debian_patches.series | join(", "))" else empty end),
	  (.patches[] | "patch \(.file) (sha256 \(.sha256))"),
	  (if .own then "kitroot's own sources (its package file and the sources it names are in the kitroot tree)" else empty end) ]
	| join("; ");

def ref_id: gsub("[^A-Za-z0-9.-]"; "-");
