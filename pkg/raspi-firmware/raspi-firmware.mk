################################################################################
# host-raspi-firmware: the Raspberry Pi's GPU boot firmware, for the SD card
################################################################################

# The files the Pi's boot ROM and GPU run before the kernel: bootcode.bin
# (Pi 3; the Pi 4 has it in its EEPROM), start*.elf and fixup*.dat.  They
# go on the SD card's boot partition (support/make/rpi-image.mk), not
# into the root filesystem; a host package, as nothing of it is built.
# Binary only, under Broadcom's redistribution licence (in the copyright
# file; make menuconfig shows it before the SD image can be chosen).
# Debian's package, unpacked into the host directory (never installed
# on the build machine); upstream is https://github.com/raspberrypi/firmware.
# The version is written once, in raspi-firmware.debs.
HOST_RASPI_FIRMWARE_DEBS = $(TOPDIR)/pkg/raspi-firmware/raspi-firmware.debs
HOST_RASPI_FIRMWARE_HASH_FILE = $(TOPDIR)/pkg/raspi-firmware/raspi-firmware.hash
HOST_RASPI_FIRMWARE_VERSION = $(word 2,$(shell grep '^raspi-firmware ' $(HOST_RASPI_FIRMWARE_DEBS)))
HOST_RASPI_FIRMWARE_LICENSE = LicenseRef-Raspberry-Pi-firmware
HOST_RASPI_FIRMWARE_LICENSE_FILES = usr/share/doc/raspi-firmware/copyright
HOST_RASPI_FIRMWARE_IN_TARGET = YES

HOST_RASPI_FIRMWARE_DIR_INSTALLED = $(HOST_DIR)/lib/raspi-firmware
# Pi 4 and 400, Compute Module 4: start4.elf, fixup4.dat; Pi 3:
# bootcode.bin, start.elf, fixup.dat.  The cut-down and extended
# variants (cd, db, x) are left out.
HOST_RASPI_FIRMWARE_FILES = bootcode.bin start.elf fixup.dat start4.elf fixup4.dat

define HOST_RASPI_FIRMWARE_EXTRACT_CMDS
	$(Q)$(call unpack-debs,$(HOST_RASPI_FIRMWARE_DEBS),$(@D))
endef

define HOST_RASPI_FIRMWARE_INSTALL_CMDS
	$(Q)rm -rf $(HOST_RASPI_FIRMWARE_DIR_INSTALLED)
	$(Q)mkdir -p $(HOST_RASPI_FIRMWARE_DIR_INSTALLED)
	$(Q)for f in $(HOST_RASPI_FIRMWARE_FILES); do \
		install -m 0644 $(@D)/usr/lib/raspi-firmware/$$f $(HOST_RASPI_FIRMWARE_DIR_INSTALLED)/ || exit 1; done
endef

$(eval $(host-generic-package))
