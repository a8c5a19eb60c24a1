# The stress job, short: the patched debug kernel (KASAN, lockdep,
# debugobjects, kmemleak) stays clean through 3 selftest runs and 120 s of
# race loops with xfrm policies and namespace churn.  make stress runs the
# full length (20 runs, 600 s) with the unpatched control.
. "$(dirname "$0")/lib.sh"
STRESS_RUNS=${STRESS_RUNS:-3} STRESS_SECONDS=${STRESS_SECONDS:-120} lab/stress.sh "$BASE" patched
