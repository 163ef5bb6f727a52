################################################################################
# dhcp: configures the first network interface by DHCP at boot
################################################################################

DHCP_VERSION = $(KR_VERSION)
DHCP_SITE = $(TOPDIR)/pkg/dhcp/files
DHCP_SITE_METHOD = local
DHCP_LICENSE = MIT
DHCP_BUSYBOX_APPLETS = sh udhcpc ip

define DHCP_ROOTFS_CMDS
	$(Q)install -D -m 0755 $(@D)/dhcp-first-interface $(DHCP_ROOTFS)/usr/libexec/dhcp-first-interface
	$(Q)install -D -m 0755 $(@D)/udhcpc-event $(DHCP_ROOTFS)/usr/libexec/udhcpc-event
endef

$(eval $(container-package))
