################################################################################
# host-efi-stub: systemd-stub, the EFI program a Unified Kernel Image is built around
################################################################################

# The kernel, initramfs, command line and os-release become its sections
# (support/image/uki.sh).  It runs on the target, inside the UKI; it is
# a host package because nothing of it goes into the root filesystem.

# Debian's build, unpacked into the host directory (never installed on
# the build machine); upstream is https://github.com/systemd/systemd.
# The version is written once, in efi-stub.debs.
HOST_EFI_STUB_DEBS = $(TOPDIR)/pkg/efi-stub/efi-stub.debs
HOST_EFI_STUB_HASH_FILE = $(TOPDIR)/pkg/efi-stub/efi-stub.hash
HOST_EFI_STUB_VERSION = $(word 2,$(shell grep '^systemd-boot-efi ' $(HOST_EFI_STUB_DEBS)))
HOST_EFI_STUB_LICENSE = LGPL-2.1-or-later
HOST_EFI_STUB_LICENSE_FILES = usr/share/doc/systemd-boot-efi/copyright
HOST_EFI_STUB_CPE_ID_VENDOR = systemd_project
HOST_EFI_STUB_CPE_ID_PRODUCT = systemd
HOST_EFI_STUB_CPE_ID_VERSION = $(firstword $(subst -, ,$(HOST_EFI_STUB_VERSION)))
# It is the UKI's boot code: in the image, not only a build tool.
HOST_EFI_STUB_IN_TARGET = YES

HOST_EFI_STUB_DIR_INSTALLED = $(HOST_DIR)/lib/efi-stub

define HOST_EFI_STUB_EXTRACT_CMDS
	$(Q)$(call unpack-debs,$(HOST_EFI_STUB_DEBS),$(@D))
endef

define HOST_EFI_STUB_INSTALL_CMDS
	$(Q)mkdir -p $(HOST_EFI_STUB_DIR_INSTALLED)
	$(Q)install -m 0644 $(@D)/usr/lib/systemd/boot/efi/*.efi.stub $(HOST_EFI_STUB_DIR_INSTALLED)/
endef

$(eval $(host-generic-package))
