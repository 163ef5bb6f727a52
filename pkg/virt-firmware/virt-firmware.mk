################################################################################
# host-virt-firmware: virt-fw-vars, UEFI variable stores with our key enrolled
################################################################################

# Debian's build, unpacked into the host directory (never installed on
# the build machine); upstream is https://gitlab.com/kraxel/virt-firmware.
# Used to test the images, not in them: `make run-efi` and the tests
# boot the UEFI images under OVMF with the build's certificate as PK,
# KEK and db, so Secure Boot is on with the key the build signed with.
# The version is written once, in virt-firmware.debs.
HOST_VIRT_FIRMWARE_DEBS = $(TOPDIR)/pkg/virt-firmware/virt-firmware.debs
HOST_VIRT_FIRMWARE_HASH_FILE = $(TOPDIR)/pkg/virt-firmware/virt-firmware.hash
HOST_VIRT_FIRMWARE_VERSION = $(word 2,$(shell grep '^python3-virt-firmware ' $(HOST_VIRT_FIRMWARE_DEBS)))
HOST_VIRT_FIRMWARE_LICENSE = GPL-2.0-only
HOST_VIRT_FIRMWARE_LICENSE_FILES = usr/share/doc/python3-virt-firmware/copyright

HOST_VIRT_FIRMWARE_PYTHONPATH = $(HOST_DIR)/lib/virt-firmware

define HOST_VIRT_FIRMWARE_EXTRACT_CMDS
	$(Q)$(call unpack-debs,$(HOST_VIRT_FIRMWARE_DEBS),$(@D))
endef

define HOST_VIRT_FIRMWARE_INSTALL_CMDS
	$(Q)rm -rf $(HOST_VIRT_FIRMWARE_PYTHONPATH)
	$(Q)mkdir -p $(HOST_VIRT_FIRMWARE_PYTHONPATH) $(HOST_DIR)/bin
	$(Q)cp -R $(@D)/usr/lib/python3/dist-packages/virt $(HOST_VIRT_FIRMWARE_PYTHONPATH)/
	$(Q)printf '#!/bin/sh\nPYTHONPATH=%s exec /usr/bin/python3 -m virt.firmware.vars "$$@"\n' \
		'$(HOST_VIRT_FIRMWARE_PYTHONPATH)' > $(HOST_DIR)/bin/virt-fw-vars
	$(Q)chmod 0755 $(HOST_DIR)/bin/virt-fw-vars
	$(Q)$(HOST_DIR)/bin/virt-fw-vars --help > /dev/null
endef

$(eval $(host-generic-package))
