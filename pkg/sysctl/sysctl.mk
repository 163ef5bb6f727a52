################################################################################
# sysctl: the hardening sysctl set, applied by the first boot step
################################################################################

SYSCTL_VERSION = $(KR_VERSION)
SYSCTL_SITE = $(TOPDIR)/pkg/sysctl/files
SYSCTL_SITE_METHOD = local
SYSCTL_LICENSE = MIT
SYSCTL_ADD_TOOLCHAIN_DEPENDENCY = NO

define SYSCTL_INSTALL_CMDS
	$(Q)install -D -m 0644 $(@D)/10-kitroot-hardening.conf \
		$(TARGET_DIR)/etc/sysctl.d/10-kitroot-hardening.conf
	$(Q)install -D -m 0755 $(@D)/05-sysctl $(TARGET_DIR)/etc/kitroot/boot.d/05-sysctl
endef

$(eval $(generic-package))
