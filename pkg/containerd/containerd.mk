################################################################################
# containerd: the daemon that runs the long-lived services
################################################################################

CONTAINERD_VERSION = 1.7.24
# Debian's repack of the release drops vendor/: the dependencies come
# from containerd.godeps instead.  Upstream's tarball (with vendor/) is
# https://github.com/containerd/containerd/archive/refs/tags/v1.7.24.tar.gz
CONTAINERD_SOURCE = containerd_$(CONTAINERD_VERSION)~ds1.orig.tar.xz
CONTAINERD_DEBIAN = containerd=1.7.24~ds1-6+deb13u1
CONTAINERD_DEBIAN_PATCHES = containerd_1.7.24~ds1-6+deb13u1.debian.tar.xz
CONTAINERD_LICENSE = Apache-2.0
CONTAINERD_LICENSE_FILES = LICENSE
CONTAINERD_CPE_ID_VENDOR = linuxfoundation
CONTAINERD_CPE_ID_PRODUCT = containerd
CONTAINERD_DEPENDENCIES = runc

CONTAINERD_GOMOD = github.com/containerd/containerd
# ctr is containerd run by that name, a link beside it (why: the
# description of 0001-*.patch).  The shim stays its own program:
# shim.Run starts every plugin linked in, and containerd's are.
CONTAINERD_BUILD_TARGETS = cmd/containerd cmd/containerd-shim-runc-v2
# No CRI (kitroot is not a Kubernetes node) and no snapshotters for
# filesystems the kernel does not have.  The fuzz harnesses need a
# package Debian does not ship.
CONTAINERD_TAGS = no_cri no_btrfs no_zfs no_aufs no_devmapper
CONTAINERD_REMOVE = $(shell cd $(CONTAINERD_DIR) 2>/dev/null && find . -name '*_fuzz.go' -o -name 'fuzz_*.go' | grep -v '^./.')
CONTAINERD_LDFLAGS = -X $(CONTAINERD_GOMOD)/version.Version=$(CONTAINERD_VERSION) \
	-X $(CONTAINERD_GOMOD)/version.Revision=kitroot \
	-X $(CONTAINERD_GOMOD)/version.Package=$(CONTAINERD_GOMOD)

# The binaries, ctr, and the configuration: state and content on /run (tmpfs).
define CONTAINERD_INSTALL_CMDS
	$(CONTAINERD_INSTALL_GO_PROGRAMS)
	$(Q)ln -sf containerd $(TARGET_DIR)/usr/bin/ctr
	$(Q)install -D -m 0644 $(CONTAINERD_PKGDIR)files/config.toml \
		$(TARGET_DIR)/etc/containerd/config.toml
endef

$(eval $(golang-package))
