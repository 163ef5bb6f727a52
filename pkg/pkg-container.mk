# Package containers: a package whose program runs as a container ships
# a service spec, pkg/NAME/NAME.service (docs/service-spec.md), and
# installs its files into its own root filesystem, never the host's.
# Besides the generic variables, its package file sets:
#   _ROOTFS_CMDS       commands that fill $(NAME_ROOTFS)
#   _BUSYBOX_APPLETS   busybox applets it needs: /bin/busybox is hard-
#                      linked in, so the image stores busybox once
# then calls $(eval $(container-package)).  Installing makes, in the image,
#   /containers/KIND/[NN-]NAME/config.json   kr-bundle's OCI config
#   /containers/KIND/[NN-]NAME/rootfs/       the container's files
# (KIND: onboot, services or onshutdown) and images/oci/NAME.tar, the
# same files as a standard OCI image archive (kr-ociimage), with the
# container's own CycloneDX SBOM attached (support/make/sbom.mk), whose
# config has config.json's user, working directory, environment and command:
# `kr-bundle -x` writes them as kr-ociimage's arguments, each ended by a
# NUL byte, so xargs -0 passes every word as it is.
#
# Where the container goes is the spec's alone: its kind, its order NN
# (onboot and onshutdown only, default 50) and, by the file's name, its
# NAME.  `kr-bundle -p` reads them once into $(NAME_DIR)/.container-path
# (onboot/20-dhcp), a step of its own before the install step, so a
# wrong spec stops the build there with its FILE:LINE; _CONTAINER_PATH
# and _ROOTFS read that file.  They are known only in the install step's
# commands (make expands a recipe's lines when it runs that recipe,
# after its prerequisites), and anywhere before, they stop the build.

CONTAINER_BASE_DIRS = bin dev etc proc root run sys tmp usr/bin var

define inner-container-package

# A package may write its spec at build time (getty: its operator
# role's lines by the configuration): it sets _SPEC to a file named
# NAME.service and gives it a rule.
$(2)_SPEC ?= $(3)$(1).service
$(2)_DEPENDENCIES += host-bundle host-ociimage busybox
$(2)_CONTAINER_PATH_FILE = $$($(2)_DIR)/.container-path
$(2)_CONTAINER_PATH = /containers/$$(or $$(file <$$($(2)_CONTAINER_PATH_FILE)),$$(error \
	$(1): $$($(2)_CONTAINER_PATH_FILE) is not written yet: $(2)_CONTAINER_PATH and \
	$(2)_ROOTFS are for the install step's commands only))
$(2)_ROOTFS = $$(TARGET_DIR)$$($(2)_CONTAINER_PATH)/rootfs
$(2)_OCI_ARCHIVE = $$(IMAGES_DIR)/oci/$(1).tar

# The spec was checked when .container-path was written.
define $(2)_INSTALL_CMDS
	$$(Q)rm -rf $$(TARGET_DIR)/containers/*/$(1) $$(TARGET_DIR)/containers/*/[0-9][0-9]-$(1)
	$$(Q)mkdir -p $$(addprefix $$($(2)_ROOTFS)/,$$(CONTAINER_BASE_DIRS))
	$$(Q)printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' \
		> $$($(2)_ROOTFS)/etc/passwd
	$$(Q)printf 'root:x:0:\nnogroup:x:65534:\n' > $$($(2)_ROOTFS)/etc/group
	$$(if $$($(2)_BUSYBOX_APPLETS),$$(Q)ln $$(TARGET_DIR)/bin/busybox $$($(2)_ROOTFS)/bin/busybox && \
		for a in $$($(2)_BUSYBOX_APPLETS); do ln -s busybox $$($(2)_ROOTFS)/bin/$$$$a || exit 1; done)
	$$($(2)_ROOTFS_CMDS)
	$$(Q)$$(HOST_DIR)/bin/kr-bundle -a '$$(KR_SECCOMP_ARCHES)' \
		-f $$(KR_SECCOMP_CLONE_FLAGS_ARG) -n $(1) -r $$($(2)_CONTAINER_PATH)/rootfs \
		-d $$($(2)_ROOTFS) -o $$(TARGET_DIR)$$($(2)_CONTAINER_PATH)/config.json $$($(2)_SPEC)
	$$(Q)mkdir -p $$(IMAGES_DIR)/oci
	$$(Q)$$(HOST_DIR)/bin/kr-bundle -x -d $$($(2)_ROOTFS) $$($(2)_SPEC) > $$($(2)_DIR)/.oci-args
	$$(Q)$$(SBOM_WRITE_CONTAINER) $(1) $$(SBOM_PACKAGES_JSON) $$($(2)_DIR)/.sbom.cdx.json
	$$(Q)xargs -0 -x -a $$($(2)_DIR)/.oci-args $$(HOST_DIR)/bin/kr-ociimage -a '$$(KR_GO_ARCH)' \
		-t $$(SOURCE_DATE_EPOCH) -n kitroot/$(1):$$(KR_VERSION) -s $$($(2)_DIR)/.sbom.cdx.json \
		-o $$($(2)_OCI_ARCHIVE) >/dev/null
endef

endef

# After the generic rules, which define $(2)_DIR.  kr-bundle is there
# once the package is configured (host-bundle is a dependency).
define inner-container-path

$$($(2)_CONTAINER_PATH_FILE): $$($(2)_SPEC) $$($(2)_DIR)/.stamp_configured
	@$$(call MESSAGE,$(1),$$($(2)_VERSION),Checking the spec)
	$$(Q)$$(HOST_DIR)/bin/kr-bundle -p $$($(2)_SPEC) > $$@

$$($(2)_DIR)/.stamp_installed: $$($(2)_CONTAINER_PATH_FILE)

endef

container-package = $(call inner-container-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir))$(call inner-generic-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target)$(call inner-container-path,$(pkgname),$(call UPPERCASE,$(pkgname)))
