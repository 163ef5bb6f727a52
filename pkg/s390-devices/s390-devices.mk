################################################################################
# s390-devices: IBM Z devices online from the kernel command line
################################################################################

S390_DEVICES_VERSION = $(KR_VERSION)
S390_DEVICES_SITE = $(TOPDIR)/pkg/s390-devices/files
S390_DEVICES_SITE_METHOD = local
S390_DEVICES_LICENSE = MIT
S390_DEVICES_ADD_TOOLCHAIN_DEPENDENCY = NO

# A boot step of init's, as sysctl is: it writes the devices' sysfs
# attributes, which only the host's root may, before the network's
# onboot container (dhcp) looks for an interface.
define S390_DEVICES_INSTALL_CMDS
	$(Q)install -D -m 0755 $(@D)/10-s390-devices $(TARGET_DIR)/etc/kitroot/boot.d/10-s390-devices
endef

$(eval $(generic-package))
