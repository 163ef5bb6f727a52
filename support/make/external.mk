# External trees (docs/external-tree.md): a vendor's or a product's own
# packages, service containers and configurations, kept outside kitroot.
#
#   make O=DIR KR_EXTERNAL=/path/one[:/path/two] NAME_defconfig
#
# KR_EXTERNAL on the command line (or in the environment) is remembered
# in $(O)/.kr-external.mk, so later runs in that O need not repeat it;
# KR_EXTERNAL= (empty) forgets it.  Each tree holds:
#   external.desc   "name: NAME" (letters, digits, _) and "desc: TEXT"
#   Config.in       its symbols, shown in the menu "External options"
#   external.mk     included after kitroot's packages; usually
#                   include $(sort $(wildcard $(KR_EXTERNAL_NAME_PATH)/pkg/*/*.mk))
#   configs/        NAME_defconfig files (make list-defconfigs shows them)
# and each tree's directory is KR_EXTERNAL_NAME_PATH, in make and in
# Kconfig ($(KR_EXTERNAL_NAME_PATH) in a source line).

KR_EXTERNAL_FILE := $(O)/.kr-external.mk
ifeq ($(filter command line environment,$(origin KR_EXTERNAL)),)
-include $(KR_EXTERNAL_FILE)
else
kr_external_given := y
endif

KR_EXTERNAL_NAMES :=
KR_EXTERNAL_DIRS :=

# $(1): a directory named in KR_EXTERNAL, made absolute.  Every fault
# stops make with the file it concerns and what it should hold.
define kr-external-tree
$(if $(shell printf '%s\n' '$(1)' | grep -x '[A-Za-z0-9._/+,=@~-]*'),,$(error KR_EXTERNAL: \
	'$(1)': a path make cannot carry (a space, a quote or another character \
	outside letters, digits and ._/+,=@~-): move or link the tree to a plain path))
$(if $(wildcard $(1)/.),,$(error KR_EXTERNAL: $(1) is not a directory \
	(KR_EXTERNAL=DIR[:DIR...] names external trees; KR_EXTERNAL= forgets them)))
$(foreach f,external.desc Config.in external.mk,$(if $(wildcard $(1)/$(f)),,$(error \
	$(1)/$(f): no such file: an external tree holds external.desc, Config.in and \
	external.mk (docs/external-tree.md))))
kr_ext_name := $(shell sed -n 's/^name:[[:space:]]*//p' '$(1)/external.desc' | head -n 1)
$$(if $$(shell printf '%s\n' '$$(kr_ext_name)' | grep -x '[A-Za-z0-9_]\{1,40\}'),,$$(error \
	$(1)/external.desc: its name is '$$(kr_ext_name)': it needs a line "name: NAME", \
	NAME 1 to 40 letters, digits and _ (it names the variable KR_EXTERNAL_NAME_PATH)))
$$(if $$(filter $$(kr_ext_name),$$(KR_EXTERNAL_NAMES)),$$(error \
	$(1)/external.desc: the name $$(kr_ext_name) is also that of \
	$$(KR_EXTERNAL_$$(kr_ext_name)_PATH): each external tree needs a name of its own))
KR_EXTERNAL_$$(kr_ext_name)_PATH := $(1)
KR_EXTERNAL_$$(kr_ext_name)_DESC := $$(shell sed -n 's/^desc:[[:space:]]*//p' '$(1)/external.desc' | \
	head -n 1 | tr -d '"\\$$$$')
KR_EXTERNAL_NAMES += $$(kr_ext_name)
KR_EXTERNAL_DIRS += $(1)
export KR_EXTERNAL_$$(kr_ext_name)_PATH
endef

$(if $(findstring $(space),$(strip $(KR_EXTERNAL))),$(error KR_EXTERNAL: '$(strip $(KR_EXTERNAL))' \
	holds a space, a path make cannot carry: separate trees with ':', and move or \
	link a tree whose path has a space to a plain path))
$(foreach d,$(subst :, ,$(KR_EXTERNAL)),$(eval $(call kr-external-tree,$(abspath $(d)))))

# As KR_EXTERNAL takes them, for the scripts that start builds.
kr-external-list = $(subst $(space),:,$(strip $(KR_EXTERNAL_DIRS)))

# Remembered for the next runs in O (not for a goal that only reads).
ifeq ($(kr_external_given),y)
ifneq ($(filter-out $(kr_readonly_goals),$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p '$(O)')
$(file >$(KR_EXTERNAL_FILE),KR_EXTERNAL := $(kr-external-list))
endif
endif

# The menu Config.in sources ($(KR_EXTERNAL_KCONFIG)), rewritten only
# when it changes: a new set of trees settles .config again.
define kr-external-kconfig
$(if $(KR_EXTERNAL_NAMES),menu "External options"
$(foreach n,$(KR_EXTERNAL_NAMES),menu "$(n)$(if $(KR_EXTERNAL_$(n)_DESC),: $(KR_EXTERNAL_$(n)_DESC))"
source "$(KR_EXTERNAL_$(n)_PATH)/Config.in"
endmenu
)endmenu
)
endef
KR_EXTERNAL_KCONFIG := $(O)/.kr-external.in
kr-same-text = $(if $(subst $(1),,$(2))$(subst $(2),,$(1)),,y)
.PHONY: kr-external-kconfig-force
$(KR_EXTERNAL_KCONFIG): kr-external-kconfig-force
	$(if $(and $(wildcard $@),$(call kr-same-text,$(file <$@),$(kr-external-kconfig))),,$(shell \
		mkdir -p '$(O)')$(file >$@,$(kr-external-kconfig)))

# Their saved configurations, by file name, and where each is.
kr-defconfig-path = $(firstword $(wildcard $(TOPDIR)/configs/$(1) \
	$(foreach n,$(KR_EXTERNAL_NAMES),$(KR_EXTERNAL_$(n)_PATH)/configs/$(1))))
