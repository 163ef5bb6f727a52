################################################################################
# e2fsprogs: mke2fs and e2fsck for the data partition
################################################################################

E2FSPROGS_VERSION = 1.47.2
E2FSPROGS_SOURCE = e2fsprogs-$(E2FSPROGS_VERSION).tar.gz
E2FSPROGS_SITE = https://downloads.sourceforge.net/project/e2fsprogs/e2fsprogs/v$(E2FSPROGS_VERSION)
# Debian's orig tarball is the release (shipped with its .asc).
E2FSPROGS_DEBIAN = e2fsprogs=1.47.2-3/e2fsprogs_$(E2FSPROGS_VERSION).orig.tar.gz
# mke2fs and e2fsck are GPL-2.0; the libraries linked in are LGPL-2.0,
# BSD-3-Clause (uuid) and MIT (et, ss): NOTICE gives the terms.
E2FSPROGS_LICENSE = GPL-2.0-only AND LGPL-2.0-only AND BSD-3-Clause AND MIT
E2FSPROGS_LICENSE_FILES = NOTICE lib/uuid/COPYING
E2FSPROGS_CPE_ID_VENDOR = e2fsprogs_project
E2FSPROGS_CPE_ID_PRODUCT = e2fsprogs
# busybox has an mke2fs applet (ext2 only): ours replaces its link.
E2FSPROGS_DEPENDENCIES = $(if $(KR_PACKAGE_BUSYBOX),busybox)

# The private uuid and blkid libraries (the sysroot has none), no
# translations, no daemons, no FUSE, no e2scrub's cron or systemd units.
define E2FSPROGS_CONFIGURE_CMDS
	$(Q)cd $(@D) && $(TARGET_MAKE_ENV) ./configure --host=$(KR_GNU_TRIPLET) \
		--prefix=/usr --sbindir=/sbin --disable-nls --disable-fuse2fs \
		--disable-uuidd --disable-e2initrd-helper --disable-debugfs \
		--disable-imager --disable-resizer --disable-defrag \
		--disable-tdb --disable-bmap-stats --disable-backtrace \
		--enable-libuuid --enable-libblkid --without-libarchive \
		--with-crond-dir=no --with-systemd-unit-dir=no --with-udev-rules-dir=no \
		$(TARGET_CONFIGURE_OPTS) CFLAGS="$(KR_TARGET_OPTIMIZATION)" >/dev/null
endef

# Only the libraries the two programs link, then the programs.
define E2FSPROGS_BUILD_CMDS
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D) libs >/dev/null
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D)/misc mke2fs >/dev/null
	$(Q)$(TARGET_MAKE_ENV) $(MAKE) -s -C $(@D)/e2fsck e2fsck >/dev/null
endef

# mke2fs reads its defaults from /etc/mke2fs.conf when there is one, else
# from the same built-in table; installing it shows what they are.
define E2FSPROGS_INSTALL_CMDS
	$(Q)install -D -m 0755 $(@D)/misc/mke2fs $(TARGET_DIR)/sbin/mke2fs
	$(Q)install -D -m 0755 $(@D)/e2fsck/e2fsck $(TARGET_DIR)/sbin/e2fsck
	$(Q)$(TARGET_STRIP) $(TARGET_DIR)/sbin/mke2fs $(TARGET_DIR)/sbin/e2fsck
	$(Q)install -D -m 0644 $(@D)/misc/mke2fs.conf $(TARGET_DIR)/etc/mke2fs.conf
endef

$(eval $(generic-package))
