# The generic package rules: every package, host or target, gets the
# steps download, extract, patch, configure, build, install, each leaving
# a stamp file in its build directory, and the targets
#   NAME NAME-source NAME-extract NAME-patch NAME-configure NAME-build
#   NAME-rebuild NAME-reconfigure NAME-dirclean
#
# A package file sets, with its upper-case prefix (busybox -> BUSYBOX_):
#   _VERSION _SOURCE _SITE         upstream file and directory URL
#   _DEBIAN                        Debian source mirror: PKG=VERSION[/FILE] (FILE: name there)
#   _SITE_METHOD = local           _SITE is a directory of this tree
#   _DEBIAN_PATCHES                Debian's FILE.debian.tar.xz of the same source
#                                  package: its debian/patches/series is applied
#                                  before the package's own patches
#   _DEBS                          list of pinned Debian binary packages
#                                  (PACKAGE VERSION ARCH per line) to fetch,
#                                  each hashed in NAME.hash (Go dependencies)
#   _DL_FROM = OTHER               reuse OTHER package's download
#   _LICENSE _LICENSE_FILES        SPDX id; files checked against NAME.hash
#                                  (legal-info copies them; a package of this
#                                  tree's own sources may leave them out: the
#                                  tree's COPYING is its licence file)
#   _CPE_ID_VENDOR _CPE_ID_PRODUCT the package's CPE in NVD's dictionary, when
#   _CPE_ID_VERSION _CPE_ID_PART   it has one (version: default _VERSION; part:
#                                  default a, o for an operating system), for
#                                  the SBOMs and cve-check (docs/sbom.md)
#   _IGNORE_CVES                   CVE ids cve-check reports as not affecting this
#                                  build: CVE-ID:FILE.patch when a patch of the
#                                  package fixes it, else CVE-ID with the reason
#                                  in a comment above
#   _IN_TARGET = YES               a host package whose files end up in an image
#                                  (Go's runtime, the EFI stub): legal-info and
#                                  the SBOMs count it with the image's packages
#   _DEPENDENCIES                  packages that must be installed first
#   _ADD_TOOLCHAIN_DEPENDENCY = NO a target package that runs no target compiler:
#                                  the toolchain's own parts, packages that only
#                                  install files.  Never in a host package (it
#                                  never depends on the toolchain) nor a
#                                  container package (busybox brings it).
#   _EXTRACT_CMDS _CONFIGURE_CMDS _BUILD_CMDS _INSTALL_CMDS
#   _INSTALL_STAGING_CMDS          (into the sysroot, before _INSTALL_CMDS)
# and may ship NAME.permissions (see support/build/mkcpio-list.sh) for the image.
# then calls $(eval $(generic-package)) (or host-generic-package).
# In commands, $(@D) is the package's build directory.

KR_PACKAGES :=

# $(1): package name, $(2): upper-case prefix, $(3): directory of its .mk,
# $(4): "target" or "host"
define inner-generic-package

$$(if $$(filter $(1),$$(KR_PACKAGES)),$$(error $(3)$(patsubst host-%,%,$(1)).mk: a package named \
	$(1) is already defined in $$($(2)_PKGDIR): an external tree's package needs a name \
	of its own))
$(2)_NAME := $(1)
$(2)_PKGDIR := $(3)
$(2)_DL_FROM ?= $(1)
$(2)_DIR := $$(BUILD_DIR)/$(1)-$$($(2)_VERSION)
$(2)_HASH_FILE ?= $$(wildcard $$($$(call UPPERCASE,$$($(2)_DL_FROM))_PKGDIR)$$($(2)_DL_FROM).hash)
$(2)_DL_FILE := $$(if $$($(2)_SOURCE),$$(KR_DL_DIR)/$$($(2)_DL_FROM)/$$($(2)_SOURCE))
$(2)_PATCHES ?= $$(sort $$(wildcard $(3)*.patch))
$(2)_DEPENDENCIES += $(if $(filter target,$(4)),$$(if $$(filter NO,$$($(2)_ADD_TOOLCHAIN_DEPENDENCY)),,toolchain))
$(2)_TARGET_INSTALL := $$($(2)_DIR)/.stamp_installed

KR_PACKAGES += $(1)

ifeq ($$($(2)_SITE_METHOD),local)
$(2)_EXTRACT_CMDS ?= $$(Q)cp -a $$($(2)_SITE)/. $$(@D)/
else ifneq ($$($(2)_SOURCE),)
$(2)_EXTRACT_CMDS ?= $$(Q)tar -xf $$($(2)_DL_FILE) -C $$(@D) --strip-components=1 --no-same-owner
endif

# Download: the file itself is the stamp; support/download/dl.sh only renames a
# verified file into place.
ifneq ($$($(2)_SITE_METHOD),local)
ifneq ($$($(2)_SOURCE),)
ifeq ($$($(2)_DL_FROM),$(1))
$$($(2)_DL_FILE): | host-deps
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Downloading)
	$$(Q)sh $$(TOPDIR)/support/download/dl.sh $$@ $$($(2)_HASH_FILE) \
		$$(if $$($(2)_SITE),$$($(2)_SITE)/$$($(2)_SOURCE)) \
		$$(if $$($(2)_DEBIAN),debian:$$($(2)_DEBIAN))
endif
endif
endif

# Debian's patch series, from the source package _DEBIAN names.
ifneq ($$($(2)_DEBIAN_PATCHES),)
$(2)_DEBIAN_PATCHES_FILE := $$(KR_DL_DIR)/$$($(2)_DL_FROM)/$$($(2)_DEBIAN_PATCHES)
$$($(2)_DEBIAN_PATCHES_FILE): | host-deps
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Downloading the Debian patch series)
	$$(Q)sh $$(TOPDIR)/support/download/dl.sh $$@ $$($(2)_HASH_FILE) \
		debian:$$(firstword $$(subst /, ,$$($(2)_DEBIAN)))/$$($(2)_DEBIAN_PATCHES)
endif

# Binary packages: verified on every run (cheap), fetched when missing.
ifneq ($$($(2)_DEBS),)
$(2)_DEBS_STAMP := $$(BUILD_DIR)/.debs-$(1)
$$($(2)_DEBS_STAMP): $$($(2)_DEBS) $$($(2)_HASH_FILE) | host-deps
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Downloading $$(shell grep -c '^[a-z]' $$($(2)_DEBS)) Debian packages)
	$$(Q)sh $$(TOPDIR)/support/download/dl-debs.sh $$(KR_DEBS_DIR) $$($(2)_HASH_FILE) $$($(2)_DEBS)
	$$(Q)mkdir -p $$(@D) && touch $$@
endif

$(1)-source: $$($(2)_DL_FILE) $$($(2)_DEBIAN_PATCHES_FILE) $$($(2)_DEBS_STAMP)

# The cache is verified again on every extract: dl.sh checked the file
# when it was fetched, but the cache may have changed since.
$$($(2)_DIR)/.stamp_extracted: $$($(2)_DL_FILE) $$($(2)_DEBIAN_PATCHES_FILE) $$($(2)_DEBS_STAMP) \
		$$(if $$(filter local,$$($(2)_SITE_METHOD)),$$(shell find $$($(2)_SITE) -type f 2>/dev/null)) \
		| host-deps
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Extracting)
	$$(Q)rm -rf $$(@D)
	$$(Q)mkdir -p $$(@D)
	$$(Q)$$(call step-start,$$(@D))
	$$(Q)for f in $$($(2)_DL_FILE) $$($(2)_DEBIAN_PATCHES_FILE); do \
		sh $$(TOPDIR)/support/download/check-hash.sh $$($(2)_HASH_FILE) $$$$f || { \
		echo "$(1): $$$$f in the download cache is not the file that was pinned;" \
			"delete it to fetch it again" >&2; exit 1; }; done
	$$($(2)_EXTRACT_CMDS)
	$$(Q)for f in $$($(2)_LICENSE_FILES); do \
		KR_HASH_NAME=$$$$f sh $$(TOPDIR)/support/download/check-hash.sh \
			$$($(2)_HASH_FILE) $$(@D)/$$$$f || exit 1; done
	$$(Q)$$(call step-end,$$(@D),$(1),extract)
	$$(Q)touch $$@

$$($(2)_DIR)/.stamp_patched: $$($(2)_DIR)/.stamp_extracted $$($(2)_PATCHES)
	$$(if $$($(2)_PATCHES)$$($(2)_DEBIAN_PATCHES),@$$(call MESSAGE,$(1),$$($(2)_VERSION),Patching))
	$$(if $$($(2)_DEBIAN_PATCHES),$$(Q)sh $$(TOPDIR)/support/build/apply-debian-patches.sh \
		$$($(2)_DEBIAN_PATCHES_FILE) $$(@D))
	$$(Q)for p in $$($(2)_PATCHES); do \
		echo "    applying $$$${p##*/}"; \
		patch -d $$(@D) -p1 -N -s < $$$$p || { \
			echo "$(1): patch $$$$p does not apply; run make $(1)-dirclean and retry" >&2; exit 1; }; \
	done
	$$(Q)touch $$@

$$($(2)_DIR)/.stamp_configured: $$($(2)_DIR)/.stamp_patched
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Configuring)
	$$(Q)$$(call step-start,$$(@D))
	+$$($(2)_CONFIGURE_CMDS)
	$$(Q)$$(call step-end,$$(@D),$(1),configure)
	$$(Q)touch $$@

$$($(2)_DIR)/.stamp_built: $$($(2)_DIR)/.stamp_configured
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Building)
	$$(Q)$$(call step-start,$$(@D))
	+$$($(2)_BUILD_CMDS)
	$$(Q)$$(call step-end,$$(@D),$(1),build)
	$$(Q)touch $$@

$$($(2)_DIR)/.stamp_installed: $$($(2)_DIR)/.stamp_built
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Installing)
	$$(Q)$$(call step-start,$$(@D))
	$$(Q)mkdir -p $$(HOST_DIR)/bin $$(SYSROOT) $$(TARGET_DIR)
	+$$($(2)_INSTALL_STAGING_CMDS)
	+$$($(2)_INSTALL_CMDS)
	$$(Q)$$(call step-end,$$(@D),$(1),install)
	$$(Q)touch $$@

.PHONY: $(1) $(1)-source $(1)-extract $(1)-patch $(1)-configure $(1)-build \
	$(1)-rebuild $(1)-reconfigure $(1)-dirclean
$(1): $$($(2)_TARGET_INSTALL)
$(1)-extract: $$($(2)_DIR)/.stamp_extracted
$(1)-patch: $$($(2)_DIR)/.stamp_patched
$(1)-configure: $$($(2)_DIR)/.stamp_configured
$(1)-build: $$($(2)_DIR)/.stamp_built
$(1)-dirclean:
	rm -rf $$($(2)_DIR)

# Redo from a step: the stamps go when make reads the goal, so the
# ordinary dependency rules then redo exactly the steps after it.
ifneq ($$(filter $(1)-rebuild,$$(MAKECMDGOALS)),)
$$(shell rm -f $$($(2)_DIR)/.stamp_built $$($(2)_DIR)/.stamp_installed)
endif
ifneq ($$(filter $(1)-reconfigure,$$(MAKECMDGOALS)),)
$$(shell rm -f $$($(2)_DIR)/.stamp_configured $$($(2)_DIR)/.stamp_built $$($(2)_DIR)/.stamp_installed)
endif
$(1)-rebuild $(1)-reconfigure: $(1)

# The image's permission table: owners, modes and device nodes.
$(2)_PERMISSIONS_FILE ?= $$(wildcard $(3)$(1).permissions)

endef

# $(call unpack-debs,LIST,DIR): unpacks each .deb of LIST (see _DEBS)
# into DIR, in list order.
KR_DEBS_DIR = $(KR_DL_DIR)/debian-debs
define unpack-debs
mkdir -p $(2) && grep '^[a-z]' $(1) | while read -r p v a; do \
	dpkg-deb -x $(KR_DEBS_DIR)/$${p}_$$(printf '%s' "$$v" | sed 's/:/%3a/')_$$a.deb $(2) || exit 1; done
endef

# The package is named after its .mk file: pkg/busybox/busybox.mk is
# busybox, kernel/linux.mk is linux.
pkgdir = $(dir $(lastword $(MAKEFILE_LIST)))
pkgname = $(basename $(notdir $(lastword $(MAKEFILE_LIST))))

generic-package = $(call inner-generic-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target)
host-generic-package = $(call inner-generic-package,host-$(pkgname),$(call UPPERCASE,host-$(pkgname)),$(pkgdir),host)

# Once every package file is read: a package is configured after its
# dependencies are installed.  Stamp files, not phony names, so nothing
# is redone needlessly.
define kr-link-one
$(foreach d,$($(1)_DEPENDENCIES),$(if $($(call UPPERCASE,$(d))_TARGET_INSTALL),,\
	$(error $($(1)_PKGDIR)$($(1)_NAME).mk: dependency '$(d)' is not a package)))
$($(1)_DIR)/.stamp_configured: $(foreach d,$($(1)_DEPENDENCIES),$($(call UPPERCASE,$(d))_TARGET_INSTALL))
endef
kr-link-dependencies = $(foreach p,$(KR_PACKAGES),$(eval $(call kr-link-one,$(call UPPERCASE,$(p)))))
