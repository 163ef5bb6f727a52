################################################################################
# host-ociimage: kr-ociimage, a container's rootfs as an OCI image archive
################################################################################

HOST_OCIIMAGE_VERSION = $(KR_VERSION)
HOST_OCIIMAGE_SITE = $(TOPDIR)/src/ociimage
HOST_OCIIMAGE_LICENSE = MIT

define HOST_OCIIMAGE_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kr-ociimage $(HOST_DIR)/bin/kr-ociimage
endef

$(eval $(host-c-program-package))
