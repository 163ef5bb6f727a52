################################################################################
# runc: the OCI runtime that starts every container
################################################################################

RUNC_VERSION = 1.1.15
# Debian's repack of the release drops vendor/: the dependencies come
# from runc.godeps instead.  Upstream's tarball (with vendor/) is
# https://github.com/opencontainers/runc/releases/download/v1.1.15/runc.tar.xz
RUNC_SOURCE = runc_$(RUNC_VERSION)+ds1.orig.tar.xz
RUNC_DEBIAN = runc=1.1.15+ds1-2
# Among them 0011 moves runc to go-criu v7, the version Debian ships.
RUNC_DEBIAN_PATCHES = runc_1.1.15+ds1-2.debian.tar.xz
RUNC_LICENSE = Apache-2.0
RUNC_LICENSE_FILES = LICENSE
RUNC_CPE_ID_VENDOR = linuxfoundation
RUNC_CPE_ID_PRODUCT = runc
RUNC_DEPENDENCIES = libseccomp

RUNC_GOMOD = github.com/opencontainers/runc
RUNC_BUILD_TARGETS = .
RUNC_CGO = y
RUNC_TAGS = seccomp netgo osusergo urfave_cli_no_docs
RUNC_LDFLAGS = -X main.version=$(RUNC_VERSION) -X main.gitCommit=kitroot
RUNC_ENV = PKG_CONFIG_LIBDIR=$(SYSROOT)/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$(SYSROOT) \
	PKG_CONFIG_PATH=

$(eval $(golang-package))
