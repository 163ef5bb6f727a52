# What went into the images, for auditors (docs/sbom.md):
#   show-info     one JSON line per package (version, licence, CPE, patches, source)
#   legal-info    $(O)/legal-info/: licences, sources, patches and manifests
#   images/sbom.spdx.json, images/sbom.cdx.json: written with every build
#   cve-check     the packages against a vulnerability feed (FEED=FILE)
#
# One description of the packages feeds them all: make writes each
# package's variables as "NAME<TAB>KEY<TAB>VALUE" lines (make's $(file)
# function, so no value passes through a shell), and
# support/sbom/package-info.sh adds what only the files can tell (hashes,
# the Go modules inside the Debian packages, the host tools' versions)
# and writes $(SBOM_PACKAGES_JSON).

# The packages a build of this configuration uses: those it selects, the
# kernel, the image tools, and every package they depend on.
KR_INFO_PACKAGES = $(call kr-with-dependencies,host-linux-tools linux $(ROOTFS_PACKAGES) $(KR_IMAGE_TOOL_PACKAGES))
# In the images: the target packages among them, and the host packages
# whose files end up there (_IN_TARGET = YES: Go's runtime in every Go
# program, the EFI stub in the UKI) when one of the images uses them.
KR_IMAGE_PACKAGES = $(sort $(filter-out host-%,$(call kr-with-dependencies,linux $(ROOTFS_PACKAGES))) \
	$(foreach p,$(filter host-%,$(KR_INFO_PACKAGES)),$(if $(filter YES,$($(call UPPERCASE,$(p))_IN_TARGET)),$(p))))

SBOM_BUILD_DIR = $(BUILD_DIR)/sbom
SBOM_PACKAGES_TSV = $(SBOM_BUILD_DIR)/packages.tsv
SBOM_PACKAGES_JSON = $(SBOM_BUILD_DIR)/packages.json
SBOM_SPDX = $(IMAGES_DIR)/sbom.spdx.json
SBOM_CYCLONEDX = $(IMAGES_DIR)/sbom.cdx.json

# $(call kr-info-line,PACKAGE,KEY,VALUE)
kr-info-line = $(1)	$(2)	$(strip $(3))
# $(call kr-info-lines,PACKAGE): its lines; paths are absolute.
define kr-info-lines
$(call kr-info-line,$(1),name,$(1))
$(call kr-info-line,$(1),version,$($(2)_VERSION))
$(call kr-info-line,$(1),in-image,$(if $(filter $(1),$(KR_IMAGE_PACKAGES)),yes,no))
$(call kr-info-line,$(1),own,$(if $(or $($(2)_SOURCE),$($(2)_DEBS)),no,$(if $(filter $(TOPDIR)/%,$($(2)_PKGDIR)),yes,no)))
$(call kr-info-line,$(1),license,$($(2)_LICENSE))
$(call kr-info-line,$(1),license-files,$(foreach f,$($(2)_LICENSE_FILES),$(if $(filter /%,$(f)),$(f),$($(2)_DIR)/$(f))))
$(call kr-info-line,$(1),package-dir,$($(2)_PKGDIR))
$(call kr-info-line,$(1),source,$($(2)_DL_FILE))
$(call kr-info-line,$(1),site,$(if $(filter local,$($(2)_SITE_METHOD)),,$($(2)_SITE)))
$(call kr-info-line,$(1),debian,$($(2)_DEBIAN))
$(call kr-info-line,$(1),debian-patches,$($(2)_DEBIAN_PATCHES_FILE))
$(call kr-info-line,$(1),patches,$($(2)_PATCHES))
$(call kr-info-line,$(1),debs,$($(2)_DEBS))
$(call kr-info-line,$(1),hash-file,$($(2)_HASH_FILE))
$(call kr-info-line,$(1),dependencies,$(sort $($(2)_DEPENDENCIES)))
$(call kr-info-line,$(1),cpe-vendor,$($(2)_CPE_ID_VENDOR))
$(call kr-info-line,$(1),cpe-product,$($(2)_CPE_ID_PRODUCT))
$(call kr-info-line,$(1),cpe-version,$(or $($(2)_CPE_ID_VERSION),$($(2)_VERSION)))
$(call kr-info-line,$(1),cpe-part,$(or $($(2)_CPE_ID_PART),a))
$(call kr-info-line,$(1),go-stdlib,$(if $($(2)_GOMOD),$(HOST_GO_VERSION)))
$(call kr-info-line,$(1),build-dir,$($(2)_DIR))
endef

# The TSV is written as make reads the makefiles, and replaced only
# when its text changes: any change of a package's variables (a package
# file, the configuration, a variable given on the command line) makes
# the description again, and nothing else does.
ifeq ($(need_config),y)
$(shell mkdir -p $(SBOM_BUILD_DIR))
$(file >$(SBOM_PACKAGES_TSV).new,$(foreach p,$(KR_INFO_PACKAGES),$(call kr-info-lines,$(p),$(call UPPERCASE,$(p)))$(newline)))
$(shell sed -i 's/^ *//' $(SBOM_PACKAGES_TSV).new && { cmp -s $(SBOM_PACKAGES_TSV).new $(SBOM_PACKAGES_TSV) && \
	rm -f $(SBOM_PACKAGES_TSV).new || mv -f $(SBOM_PACKAGES_TSV).new $(SBOM_PACKAGES_TSV); })
endif

# The Go dependency packages are read from the download cache: they are
# fetched (and verified) first.
$(SBOM_PACKAGES_JSON): $(SBOM_PACKAGES_TSV) $(TOPDIR)/support/sbom/package-info.sh $(TOPDIR)/support/sbom/package-info.jq \
		$(foreach p,$(call UPPERCASE,$(KR_INFO_PACKAGES)),$($(p)_DEBS_STAMP) $($(p)_DL_FILE) $($(p)_DEBIAN_PATCHES_FILE) $($(p)_PATCHES))
	@$(call MESSAGE,sbom,packages.json,Describing $(words $(KR_INFO_PACKAGES)) packages)
	$(Q)KR_DEBS_DIR=$(KR_DEBS_DIR) KR_TUPLE=$(KR_TUPLE) KR_GNU_TRIPLET=$(KR_GNU_TRIPLET) \
		sh $(TOPDIR)/support/sbom/package-info.sh $< $(SBOM_BUILD_DIR) > $@.tmp
	$(Q)mv $@.tmp $@

.PHONY: show-info pkg-stats
show-info: $(SBOM_PACKAGES_JSON)
	$(kr-write-ignore-cves)
	$(Q)jq -c --rawfile ignore $(SBOM_IGNORE_CVES) -L $(TOPDIR)/support/sbom -f $(TOPDIR)/support/sbom/show-info.jq $<
pkg-stats: show-info

# legal-info: every package's licence texts, the exact sources and
# patches it was built from, and manifests of them (with sha256).
LEGAL_INFO_DIR = $(O)/legal-info
# The licence files are read from the extracted sources.
KR_LICENSE_EXTRACTED = $(foreach p,$(call UPPERCASE,$(KR_INFO_PACKAGES)),\
	$(if $($(p)_LICENSE_FILES),$($(p)_DIR)/.stamp_extracted))
.PHONY: legal-info
legal-info: $(SBOM_PACKAGES_JSON) $(KR_LICENSE_EXTRACTED)
	@$(call MESSAGE,legal-info,$(LEGAL_INFO_DIR),Collecting)
	$(Q)KR_DEBS_DIR=$(KR_DEBS_DIR) sh $(TOPDIR)/support/sbom/legal-info.sh $(SBOM_PACKAGES_JSON) $(TOPDIR) $(LEGAL_INFO_DIR)

# The SBOMs describe every file of images/ (written in $(BUILD_INFO)'s
# recipe, after the post-image scripts, before SHA256SUMS).
SBOM_WRITE = KR_VERSION=$(KR_VERSION) KR_ARCH=$(KR_ARCH) SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) \
	sh $(TOPDIR)/support/sbom/sbom.sh $(SBOM_PACKAGES_JSON) $(IMAGES_DIR) $(KR_LINUX_IMAGE)
$(BUILD_INFO): $(SBOM_PACKAGES_JSON)
# Each container's own SBOM, attached to its OCI archive when the
# container package installs (pkg/pkg-container.mk).
SBOM_WRITE_CONTAINER = KR_VERSION=$(KR_VERSION) KR_ARCH=$(KR_ARCH) SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) \
	sh $(TOPDIR)/support/sbom/sbom.sh --container
$(foreach p,$(call UPPERCASE,$(KR_PACKAGES)),$(if $($(p)_CONTAINER_PATH_FILE),\
	$(eval $($(p)_DIR)/.stamp_installed: $(SBOM_PACKAGES_JSON))))

# What each package's _IGNORE_CVES says, apart from the description:
# a CVE verdict changes no image, so it must not make one again.
SBOM_IGNORE_CVES = $(SBOM_BUILD_DIR)/ignore-cves.tsv
kr-write-ignore-cves = $(file >$(SBOM_IGNORE_CVES),$(foreach p,$(KR_INFO_PACKAGES),$(p)	$(strip \
	$($(call UPPERCASE,$(p))_IGNORE_CVES))$(newline)))

# cve-check: an offline feed the user downloaded (OSV JSON, or NVD 2.0
# JSON): support/sbom/cve-check.sh, docs/sbom.md.
CVE_CHECK_DIR = $(O)/cve-check
.PHONY: cve-check
cve-check: $(SBOM_PACKAGES_JSON)
	$(Q)if [ -z "$(FEED)" ]; then echo "usage: make cve-check FEED=FILE[:FILE...] (OSV or NVD 2.0 JSON; docs/sbom.md)" >&2; exit 2; fi
	$(kr-write-ignore-cves)
	$(Q)sh $(TOPDIR)/support/sbom/cve-check.sh $(SBOM_PACKAGES_JSON) $(SBOM_IGNORE_CVES) $(CVE_CHECK_DIR) \
		$(subst :, ,$(FEED))
