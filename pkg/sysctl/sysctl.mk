################################################################################
# sysctl: the hardening sysctl set, applied once at boot
################################################################################

SYSCTL_VERSION = $(KR_VERSION)
SYSCTL_SITE = $(TOPDIR)/pkg/sysctl/files
SYSCTL_SITE_METHOD = local
SYSCTL_LICENSE = MIT
SYSCTL_ADD_TOOLCHAIN_DEPENDENCY = NO

# A boot step of init's, in every system: with containers too.  The
# keys it writes need CAP_SYS_ADMIN, CAP_SYS_PTRACE (yama) and
# CAP_SYS_RESOURCE (user.*) in the host's user namespace, so a
# container that applied them would be privileged all the same (it
# once was, with mount unfiltered); as a step it runs before any
# container, network or data partition exists, from the read-only
# image, with no input but these files, and is over in a second.
define SYSCTL_INSTALL_CMDS
	$(Q)install -D -m 0644 $(@D)/10-kitroot-hardening.conf \
		$(TARGET_DIR)/etc/sysctl.d/10-kitroot-hardening.conf
	$(Q)install -D -m 0755 $(@D)/05-sysctl $(TARGET_DIR)/etc/kitroot/boot.d/05-sysctl
endef

$(eval $(generic-package))
