# Small make helpers shared by the rest of the infrastructure.

empty :=
space := $(empty) $(empty)
comma := ,
define newline


endef

# Kconfig writes strings with their quotes: KR_FOO="bar".
qstrip = $(strip $(subst ",,$(1)))

UPPERCASE = $(strip $(subst -,_,$(subst a,A,$(subst b,B,$(subst c,C,$(subst d,D,$(subst e,E,\
	$(subst f,F,$(subst g,G,$(subst h,H,$(subst i,I,$(subst j,J,$(subst k,K,$(subst l,L,\
	$(subst m,M,$(subst n,N,$(subst o,O,$(subst p,P,$(subst q,Q,$(subst r,R,$(subst s,S,\
	$(subst t,T,$(subst u,U,$(subst v,V,$(subst w,W,$(subst x,X,$(subst y,Y,$(subst z,Z,\
	$(1)))))))))))))))))))))))))))))

# One line per step, Buildroot-style, so a log shows where time goes.
MESSAGE = printf '>>> %s %s %s\n' '$(1)' '$(2)' '$(3)'

# Steps are timed into $(BUILD_TIME_LOG): "package step milliseconds".
step-start = date +%s%N > $(1)/.step_start
step-end = printf '%-24s %-10s %8d ms\n' '$(2)' '$(3)' \
	$$(( ($$(date +%s%N) - $$(cat $(1)/.step_start)) / 1000000 )) >> $(BUILD_TIME_LOG)

# $(call kr-record,FILE,VARIABLE): keeps FILE holding the value of
# VARIABLE, rewriting it only when the value changed.  A step that
# depends on FILE is redone exactly when that part of the configuration
# changes (not on every edit of .config).
kr-record = $(eval $(call kr-record-inner,$(1),$(2)))
# (compared with cmp, not make's ifneq: make 4.3 found the long value of
# LINUX_FRAGMENTS unequal to the same text read back with $(file <),
# and rewrote the record on every run, reconfiguring the kernel)
define kr-record-inner
ifeq ($$(need_config),y)
$$(shell mkdir -p $(dir $(1)))
$$(file >$(1).new,$$(strip $$($(2))))
$$(shell cmp -s $(1).new $(1) && rm -f $(1).new || mv -f $(1).new $(1))
endif
endef

# $(call kr-with-dependencies,PACKAGES): them and every package they
# depend on, directly or not (once the package files are read).
kr-with-dependencies = $(sort $(1) $(foreach p,$(1),$(call kr-with-dependencies,$($(call UPPERCASE,$(p))_DEPENDENCIES))))
