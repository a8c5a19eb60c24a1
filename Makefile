# SPDX-License-Identifier: GPL-2.0
# Entry points of the lab; lab/lab has the finer-grained jobs.
BASE ?= 7.3
RUNS ?= 20
TESTS ?= tcp_rst_timewait

.PHONY: help deps demo check cost cost-static prove host-check stress submit-check lint series export kselftest clean

help:
	@sed -n 's/^## //p' Makefile

## make demo [BASE=7.3]      unpatched vs patched kernel, side by side
demo: deps
	@lab/jobs/demo.sh $(BASE)
## make cost [BASE= ROUNDS=3] the series' cost in instructions (TCP_RR, TCP_CRR, the RST and FIN loops): icount boots, unpatched vs patched (BASE may list several)
cost: deps
	@lab/jobs/cost.sh $(BASE)
## make cost-static [BASE=]  instructions the series adds to tcp_v4_rcv()/tcp_v6_rcv(), from objdump (-Os and -O2 builds)
cost-static: deps
	@lab/jobs/cost-static.sh $(BASE)
## make check                the lab's tests, submit checks of every base, the 7.3 proof (CI runs this)
check: deps
	@tests/run.sh
## make prove [BASE= RUNS=]  selftest fails unpatched, passes patched, RUNS runs each
prove: deps
	@lab/jobs/prove.sh $(BASE) $(RUNS)
## make host-check [RUNS=20] does the running kernel lose RSTs/FINs? the selftest on it, in its own netns (root)
host-check: deps
	@lab/jobs/host-check.sh $(RUNS)
## make stress [BASE= STRESS_SECONDS=600 STRESS_RUNS=20]  debug kernels (KASAN, lockdep...), patched and control
stress: deps
	@lab/jobs/stress.sh $(BASE)
## make submit-check [BASE=] netdev's patchwork checks on patches/BASE (git am, checkpatch, W=1, sparse, tags...)
submit-check: deps
	@lab/jobs/submit-check.sh $(BASE)
## make lint [BASE=]         the same as make submit-check
lint: submit-check
## make kselftest [BASE= TESTS= PATCHED=1]  net selftests of the series in a guest
kselftest: deps
	@lab/lab kselftest $(BASE) $(if $(filter 1 yes,$(PATCHED)),--patched) -- $(TESTS)
## make series [BASE=]       git am patches/BASE onto build/src/BASE-patched
series: deps
	@lab/host/apply-series.sh $(BASE)
## make export [BASE=]       git format-patch build/src/BASE-patched to patches/BASE
export:
	@lab/host/export-series.sh $(BASE)
## make deps                 install what the lab needs (Debian 12, root)
deps:
	@lab/host/install-deps.sh
## make clean                remove build/ (trees, kernels, runs; ccache stays)
clean:
	rm -rf build
