################################################################################
# ifdown: takes the network interfaces down at shutdown
################################################################################

IFDOWN_VERSION = $(KR_VERSION)
IFDOWN_SITE = $(TOPDIR)/pkg/ifdown/files
IFDOWN_SITE_METHOD = local
IFDOWN_LICENSE = MIT
IFDOWN_BUSYBOX_APPLETS = sh ip

define IFDOWN_ROOTFS_CMDS
	$(Q)install -D -m 0755 $(@D)/ifdown-all $(IFDOWN_ROOTFS)/usr/libexec/ifdown-all
endef

$(eval $(container-package))
