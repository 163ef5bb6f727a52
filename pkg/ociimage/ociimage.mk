################################################################################
# host-ociimage: kr-ociimage, a container's rootfs as an OCI image archive
################################################################################

HOST_OCIIMAGE_VERSION = $(KR_VERSION)
HOST_OCIIMAGE_SITE = $(TOPDIR)/pkg/ociimage/src
HOST_OCIIMAGE_SITE_METHOD = local
HOST_OCIIMAGE_LICENSE = MIT
HOST_OCIIMAGE_ADD_TOOLCHAIN_DEPENDENCY = NO
HOST_OCIIMAGE_SRCS = main.c names.c walk.c links.c sink.c tar.c sha256.c json.c \
	image.c layout.c

define HOST_OCIIMAGE_BUILD_CMDS
	$(Q)cd $(@D) && gcc -std=c11 -O2 -Wall -Wextra -Werror -D_DEFAULT_SOURCE \
		-o kr-ociimage $(HOST_OCIIMAGE_SRCS)
endef

define HOST_OCIIMAGE_INSTALL_CMDS
	$(Q)install -m 0755 $(@D)/kr-ociimage $(HOST_DIR)/bin/kr-ociimage
endef

$(eval $(host-generic-package))
