# Sourced: cache_trust prints which caches a build started now may
# take compiler output from (KR_NO_CACHE, see the top Makefile).
cache_trust() {
	case ${KR_NO_CACHE:-0} in
	0) echo "caches: compiler output may come from ccache and Go's build cache (KR_NO_CACHE=1 trusts neither)" ;;
	*) echo "caches: none; every object is compiled again (KR_NO_CACHE=$KR_NO_CACHE)" ;;
	esac
}
