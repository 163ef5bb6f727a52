# kitroot's own C programs, one a directory: src/NAME/.  This file says
# how any of them is compiled, for the host or for the target, with the
# same flags everywhere (and, with the sanitizers, for the unit tests).
#
# A program is every src/NAME/*.c: its unit tests are in src/NAME/test/,
# its fuzz targets in src/NAME/fuzz/, so the directory itself is the
# source list (a hand list could only drift from it, as the copies in
# the package files and the test script once did).  What cannot be seen
# there is stated once in src/NAME/program.mk:
#   NAME_BIN       the file the build writes (kr-bundle)
#   NAME_CPPFLAGS  its feature-test macro
#   NAME_SHARED    units of src/lib/ it is linked with (json: lib/json.c
#                  and lib/json.h)
#   NAME_LDLIBS    libraries it is linked with (-lcrypto), after its
#                  sources, for the program and its tests alike
#
# A package file builds one with
#   FOO_SITE = $(TOPDIR)/src/NAME
#   FOO_DEFINES = -D...      (optional: what the configuration compiles in)
#   $(eval $(c-program-package))   or   $(eval $(host-c-program-package))
# and installs $(@D)/$(NAME_BIN) with its own _INSTALL_CMDS.  The build
# directory holds NAME/ and lib/ as src/ does, so the sources are named
# alike (and relative: no build path in the program) in both places.
# Only the program's own files are copied and watched (not _SITE_METHOD
# = local's whole directory): a changed unit test rebuilds no program,
# and a changed shared unit rebuilds each program that uses it.

C_PROGRAMS := $(sort $(patsubst $(TOPDIR)/src/%/program.mk,%,$(wildcard $(TOPDIR)/src/*/program.mk)))
include $(foreach p,$(C_PROGRAMS),$(TOPDIR)/src/$(p)/program.mk)

C_FLAGS = -std=c11 -Wall -Wextra -Werror
# The target's optimisation is the wrapper's (KR_TARGET_OPTIMIZATION).
C_HOST_FLAGS = -O2
C_SANITIZE_FLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

# $(call c-program-srcs,NAME): its sources, relative to src/.
c-program-srcs = $(patsubst $(TOPDIR)/src/%,%,$(sort $(wildcard $(TOPDIR)/src/$(1)/*.c))) \
	$(foreach u,$($(1)_SHARED),lib/$(u).c)
# $(call c-program-files,NAME): every file the build copies.
c-program-files = $(wildcard $(TOPDIR)/src/$(1)/*.[ch]) \
	$(foreach u,$($(1)_SHARED),$(TOPDIR)/src/lib/$(u).c $(TOPDIR)/src/lib/$(u).h)
c-program-lib-files = $(filter $(TOPDIR)/src/lib/%,$(call c-program-files,$(1)))

# $(1): package prefix, $(2): program, $(3): "target" or "host"
define inner-c-program-vars
$(1)_C_PROGRAM := $(2)
$$(if $$(filter $(2),$$(C_PROGRAMS)),,$$(error $(1)_SITE: $(2) is not a program (no src/$(2)/program.mk)))
define $(1)_EXTRACT_CMDS
	$$(Q)mkdir -p $$(@D)/$(2) $$(if $$($(2)_SHARED),$$(@D)/lib)
	$$(Q)cp $$(filter-out $$(TOPDIR)/src/lib/%,$$(call c-program-files,$(2))) $$(@D)/$(2)/
	$$(if $$($(2)_SHARED),$$(Q)cp $$(call c-program-lib-files,$(2)) $$(@D)/lib/)
endef
define $(1)_BUILD_CMDS
	$$(Q)cd $$(@D) && $(if $(filter target,$(3)),$$(TARGET_MAKE_ENV) $$(TARGET_CC),gcc $$(C_HOST_FLAGS)) \
		$$(C_FLAGS) $$($(2)_CPPFLAGS) $$($(1)_DEFINES) -o $$($(2)_BIN) $$(call c-program-srcs,$(2)) \
		$$($(2)_LDLIBS)
endef
endef

define inner-c-program-deps
$$($(1)_DIR)/.stamp_extracted: $$(call c-program-files,$(2)) $$(TOPDIR)/src/$(2)/program.mk
endef

c-program-package = $(call inner-c-program-vars,$(call UPPERCASE,$(pkgname)),$(notdir $($(call UPPERCASE,$(pkgname))_SITE)),target)$(generic-package)$(call inner-c-program-deps,$(call UPPERCASE,$(pkgname)),$(notdir $($(call UPPERCASE,$(pkgname))_SITE)))
host-c-program-package = $(call inner-c-program-vars,$(call UPPERCASE,host-$(pkgname)),$(notdir $($(call UPPERCASE,host-$(pkgname))_SITE)),host)$(host-generic-package)$(call inner-c-program-deps,$(call UPPERCASE,host-$(pkgname)),$(notdir $($(call UPPERCASE,host-$(pkgname))_SITE)))

# test/unit-tests.sh builds with the same facts: they are printed as
# shell assignments (C_FLAGS, C_SANITIZE_FLAGS, C_PROGRAMS, and for each
# program NAME_cppflags, NAME_ldlibs and NAME_srcs, relative to src/).
sh-quote = '$(subst ','\'',$(1))'
.PHONY: c-program-vars
c-program-vars:
	@printf '%s\n' $(call sh-quote,C_FLAGS=$(call sh-quote,$(C_FLAGS))) \
		$(call sh-quote,C_SANITIZE_FLAGS=$(call sh-quote,$(strip $(C_SANITIZE_FLAGS)))) \
		$(call sh-quote,C_PROGRAMS=$(call sh-quote,$(C_PROGRAMS))) \
		$(foreach p,$(C_PROGRAMS),\
			$(call sh-quote,$(p)_cppflags=$(call sh-quote,$($(p)_CPPFLAGS))) \
			$(call sh-quote,$(p)_ldlibs=$(call sh-quote,$($(p)_LDLIBS))) \
			$(call sh-quote,$(p)_srcs=$(call sh-quote,$(strip $(call c-program-srcs,$(p))))))
