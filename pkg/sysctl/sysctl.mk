################################################################################
# sysctl: the hardening sysctl set, applied once at boot
################################################################################

SYSCTL_VERSION = $(KR_VERSION)
SYSCTL_SITE = $(TOPDIR)/pkg/sysctl/files
SYSCTL_SITE_METHOD = local
SYSCTL_LICENSE = MIT
SYSCTL_ADD_TOOLCHAIN_DEPENDENCY = NO

ifeq ($(KR_PACKAGE_RUNC),y)
# An onboot container (sysctl.service): busybox's shell runs the script
# with /proc/sys writable, in the host's network namespace, since net.*
# keys belong to a namespace.
SYSCTL_BUSYBOX_APPLETS = sh
define SYSCTL_ROOTFS_CMDS
	$(Q)install -D -m 0644 $(@D)/10-kitroot-hardening.conf \
		$(SYSCTL_ROOTFS)/etc/sysctl.d/10-kitroot-hardening.conf
	$(Q)install -D -m 0755 $(@D)/05-sysctl $(SYSCTL_ROOTFS)/usr/libexec/kitroot-sysctl
endef
$(eval $(container-package))
else
# Without containers: the first boot step, on the host.
define SYSCTL_INSTALL_CMDS
	$(Q)install -D -m 0644 $(@D)/10-kitroot-hardening.conf \
		$(TARGET_DIR)/etc/sysctl.d/10-kitroot-hardening.conf
	$(Q)install -D -m 0755 $(@D)/05-sysctl $(TARGET_DIR)/etc/kitroot/boot.d/05-sysctl
endef
$(eval $(generic-package))
endif
