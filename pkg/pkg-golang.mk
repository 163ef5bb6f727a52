# Go packages (runc, containerd): built offline in GOPATH mode from the
# package's own source and the Go sources of its dependencies.  Those
# come from Debian's golang-*-dev packages, pinned one per line in
# pkg/NAME/NAME.godeps (PACKAGE VERSION ARCH, the set apt's solver picks
# for the Debian source package's build dependencies) and hashed in
# NAME.hash.  Besides the generic variables, a Go package file sets:
#   _GOMOD            its import path (github.com/opencontainers/runc)
#   _BUILD_TARGETS    packages to build, relative to it (. cmd/ctr ...)
#   _BIN_NAMES        their output names (default: each target's last element)
#   _TAGS             build tags
#   _LDFLAGS          extra -ldflags (-X version stamps)
#   _CGO = y          cgo through the target toolchain (static, not PIE:
#                     Go's PIE objects carry a glibc .interp that a static
#                     link keeps; kr-elfcheck judges Go programs apart)
#   _ENV              more environment for go build (pkg-config for cgo)
#   _REMOVE           files to delete before building (globs, from the top)
#   _GO_INSTALL_DIR   where in the image they go (default /usr/bin)
# then calls $(eval $(golang-package)).  Binaries land in $(@D)/.bin;
# _INSTALL_GO_PROGRAMS installs them (the default install; a package
# with its own _INSTALL_CMDS calls it).  _GO_PROGRAMS is their paths in
# the image: the image step hands the list to kr-elfcheck (-g), and
# only a file on it may be judged as a Go program (docs/security.md),
# so a Go program installed any other way fails the check.  The
# versions that went in are written to $(BUILD_DIR)/NAME.go-dependencies
# (for the SBOM).

# Go's build cache is shared like ccache's; with KR_NO_CACHE=1 (see the
# top Makefile) each build starts its own, empty, in O.
GO_CACHE_DIR = $(if $(filter-out 0,$(KR_NO_CACHE)),$(BUILD_DIR)/go-cache,$(KR_CACHE_DIR)/go-build)

# GOPATH mode, no network, no toolchain switch, no telemetry; the build
# cache is shared by every output directory (it is keyed by content, and
# by the C compiler's name: cgo's CC is the wrapper found on PATH, not
# its path, which names the output directory).
GO_COMMON_ENV = GOROOT=$(HOST_GO_ROOT) PATH=$(HOST_GO_ROOT)/bin:$(HOST_DIR)/bin:$(PATH) \
	GO111MODULE=off GOPROXY=off GOFLAGS= GOTOOLCHAIN=local GOTELEMETRY=off \
	GOCACHE=$(GO_CACHE_DIR) GOENV=off GOOS=linux GOARCH=$(KR_GO_ARCH)

# -trimpath drops build paths, -buildid= the one ID that is random per
# machine; -s -w drop the symbol table and DWARF.
GO_BUILD_FLAGS = -trimpath -buildvcs=false

define inner-golang-package

$(2)_DEBS ?= $$(wildcard $(3)$(1).godeps)
$(2)_DEPENDENCIES += host-go
$(2)_GOPATH = $$($(2)_DIR)/.gopath
$(2)_BIN_NAMES ?= $$(foreach t,$$($(2)_BUILD_TARGETS),$$(notdir $$(if $$(filter .,$$(t)),$(1),$$(t))))
$(2)_GO_ENV = $$(GO_COMMON_ENV) \
	GOPATH=$$($(2)_GOPATH):$$($(2)_DIR)/.deps/usr/share/gocode \
	$$(if $$(filter y,$$($(2)_CGO)),CGO_ENABLED=1 CC=$$(KR_TUPLE)-gcc CGO_CFLAGS=-O2 CGO_LDFLAGS=,CGO_ENABLED=0) \
	$$($(2)_ENV)
$(2)_GO_LDFLAGS = -s -w -buildid= $$($(2)_LDFLAGS) \
	$$(if $$(filter y,$$($(2)_CGO)),-linkmode=external -extldflags=-no-pie)

# The source tree appears at its import path through a symlink; the
# dot directories are invisible to Go's ... patterns.
define $(2)_CONFIGURE_CMDS
	$$(Q)rm -rf $$(@D)/.gopath $$(@D)/.deps $$(@D)/.bin
	$$(Q)mkdir -p $$(dir $$(@D)/.gopath/src/$$($(2)_GOMOD)) $$(@D)/.bin
	$$(Q)ln -s $$(@D) $$(@D)/.gopath/src/$$($(2)_GOMOD)
	$$(Q)$$(call unpack-debs,$$($(2)_DEBS),$$(@D)/.deps)
	$$(Q)cd $$(@D) && rm -rf $$($(2)_REMOVE)
	$$(Q)grep '^[a-z]' $$($(2)_DEBS) | sort > $$(BUILD_DIR)/$(1).go-dependencies
endef

define $(2)_BUILD_CMDS
	$$(Q)set -e; set -- $$($(2)_BIN_NAMES); for t in $$($(2)_BUILD_TARGETS); do \
		echo "    go build $$$$t -> $$$$1"; \
		cd $$($(2)_GOPATH)/src/$$($(2)_GOMOD) && env $$($(2)_GO_ENV) go build $$(GO_BUILD_FLAGS) \
			-tags '$$($(2)_TAGS)' -ldflags '$$($(2)_GO_LDFLAGS)' \
			-o $$(@D)/.bin/$$$$1 ./$$$$t; \
		shift; done
endef

$(2)_GO_INSTALL_DIR ?= /usr/bin
$(2)_GO_PROGRAMS = $$(addprefix $$($(2)_GO_INSTALL_DIR)/,$$($(2)_BIN_NAMES))
$(2)_INSTALL_GO_PROGRAMS = $$(Q)for b in $$($(2)_BIN_NAMES); do \
		install -D -m 0755 $$(@D)/.bin/$$$$b $$(TARGET_DIR)$$($(2)_GO_INSTALL_DIR)/$$$$b || exit 1; done
$(2)_INSTALL_CMDS ?= $$($(2)_INSTALL_GO_PROGRAMS)

endef

golang-package = $(call inner-golang-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir))$(call inner-generic-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir),target)
