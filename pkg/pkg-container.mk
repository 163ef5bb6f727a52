# Package containers: a package whose program runs as a container ships
# a service spec, pkg/NAME/NAME.service (docs/service-spec.md), and
# installs its files into its own root filesystem, never the host's.
# Besides the generic variables, its package file sets:
#   _ROOTFS_CMDS       commands that fill $(NAME_ROOTFS)
#   _BUSYBOX_APPLETS   busybox applets it needs: /bin/busybox is hard-
#                      linked in, so the image stores busybox once
#   _ORDER             onboot/onshutdown order, two digits (default 50)
# then calls $(eval $(container-package)).  Installing makes, in the image,
#   /containers/KIND/[ORDER-]NAME/config.json   kr-bundle's OCI config
#   /containers/KIND/[ORDER-]NAME/rootfs/       the container's files
# (KIND: onboot, services or onshutdown) and images/oci/NAME.tar, the
# same files as a standard OCI image archive (kr-ociimage).

CONTAINER_BASE_DIRS = bin dev etc proc root run sys tmp usr/bin var

define inner-container-package

$(2)_SPEC = $(3)$(1).service
$(2)_ORDER ?= 50
$(2)_DEPENDENCIES += host-bundle host-ociimage busybox
$(2)_KIND = $$(shell $$(HOST_DIR)/bin/kr-bundle -k $$($(2)_SPEC) 2>/dev/null)
$(2)_CONTAINER_NAME = $$(if $$(filter service,$$($(2)_KIND)),$(1),$$($(2)_ORDER)-$(1))
$(2)_CONTAINER_PATH = /containers/$$(patsubst service,services,$$($(2)_KIND))/$$($(2)_CONTAINER_NAME)
$(2)_ROOTFS = $$(TARGET_DIR)$$($(2)_CONTAINER_PATH)/rootfs
$(2)_OCI_ARCHIVE = $$(IMAGES_DIR)/oci/$(1).tar

# The spec is checked first so a mistake stops the build with its line.
define $(2)_INSTALL_CMDS
	$$(Q)$$(HOST_DIR)/bin/kr-bundle -c $$($(2)_SPEC)
	$$(Q)rm -rf $$(TARGET_DIR)/containers/*/$(1) $$(TARGET_DIR)/containers/*/[0-9][0-9]-$(1)
	$$(Q)mkdir -p $$(addprefix $$($(2)_ROOTFS)/,$$(CONTAINER_BASE_DIRS))
	$$(Q)printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' \
		> $$($(2)_ROOTFS)/etc/passwd
	$$(Q)printf 'root:x:0:\nnogroup:x:65534:\n' > $$($(2)_ROOTFS)/etc/group
	$$(if $$($(2)_BUSYBOX_APPLETS),$$(Q)ln $$(TARGET_DIR)/bin/busybox $$($(2)_ROOTFS)/bin/busybox && \
		for a in $$($(2)_BUSYBOX_APPLETS); do ln -s busybox $$($(2)_ROOTFS)/bin/$$$$a || exit 1; done)
	$$($(2)_ROOTFS_CMDS)
	$$(Q)$$(HOST_DIR)/bin/kr-bundle -a '$$(KR_SECCOMP_ARCHES)' -n $(1) -r $$($(2)_CONTAINER_PATH)/rootfs \
		-d $$($(2)_ROOTFS) -o $$(TARGET_DIR)$$($(2)_CONTAINER_PATH)/config.json $$($(2)_SPEC)
	$$(Q)mkdir -p $$(IMAGES_DIR)/oci
	$$(Q)IFS=$$$$'\n'; $$(HOST_DIR)/bin/kr-ociimage -a '$$(KR_GO_ARCH)' -t $$(SOURCE_DATE_EPOCH) \
		-n kitroot/$(1):$$(KR_VERSION) -o $$($(2)_OCI_ARCHIVE) $$($(2)_ROOTFS) \
		-- $$$$($$(HOST_DIR)/bin/kr-bundle -x $$($(2)_SPEC)) >/dev/null
endef

$$($(2)_DIR)/.stamp_installed: $$($(2)_SPEC)

endef

container-package = $(call inner-container-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir))$(call inner-generic-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target)
