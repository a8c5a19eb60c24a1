# SPDX-License-Identifier: GPL-2.0
# Entry points of the lab; lab/lab has the finer-grained jobs.  A target
# that runs lab/jobs/X.sh has the description that lab/lab help gives X.sh.
BASE ?= 7.3
RUNS ?= 20
TESTS ?= tcp_rst_timewait

.PHONY: help deps demo check cost cost-static prove host-check stress submit-check lint series export kselftest clean

# make help: the "## USAGE | WHAT" lines, in columns; README.md's job list
# is this output, word for word (tests/05-shellcheck.sh checks it).
help:
	@sed -n 's/^## //p' Makefile | awk -F ' [|] ' '{ printf "%-40s %s\n", $$1, $$2 }'

## make demo [BASE=7.3] | the race (lost RSTs, stalls) and the cost, unpatched vs patched
demo: deps
	@lab/jobs/demo.sh $(BASE)
## make cost [BASE=7.3, or a list LAB_ROUNDS=3] | the cost in instructions (TCP_RR, TCP_CRR, loops), interleaved icount boots
cost: deps
	@lab/jobs/cost.sh $(BASE)
## make cost-static [BASE=] | instructions added to tcp_v{4,6}_rcv(), from objdump
cost-static: deps
	@lab/jobs/cost-static.sh $(BASE)
## make check | the lab's tests, submit checks of every base, the 7.3 proof (CI runs this)
check: deps
	@tests/run.sh
## make prove [BASE= RUNS=20] | the selftest fails on the unpatched kernel, passes on the patched one
prove: deps
	@lab/jobs/prove.sh $(BASE) $(RUNS)
## make host-check [RUNS=20] | does the running kernel lose RSTs? the selftest in its own netns, as root
host-check: deps
	@lab/jobs/host-check.sh $(RUNS)
## make stress [BASE= LAB_STRESS_SECONDS=600 LAB_STRESS_RUNS=20] | debug kernels (KASAN, lockdep, kmemleak, ...) under load
stress: deps
	@lab/jobs/stress.sh $(BASE)
## make submit-check [BASE=] | netdev patchwork's checks: git am, checkpatch, W=1, sparse, tags
submit-check: deps
	@lab/jobs/submit-check.sh $(BASE)
## make lint [BASE=] | the same as make submit-check
lint: submit-check
## make kselftest [BASE= TESTS= PATCHED=1] | net selftests of the series in a guest
kselftest: deps
	@lab/lab kselftest $(BASE) $(if $(filter 1 yes,$(PATCHED)),--patched) -- $(TESTS)
## make series [BASE=] | git am patches/BASE onto build/src/BASE-patched
series: deps
	@lab/host/apply-series.sh $(BASE)
## make export [BASE=] | git format-patch build/src/BASE-patched to patches/BASE
export:
	@lab/host/export-series.sh $(BASE)
## make deps | install what the lab needs (Debian 12, root)
deps:
	@lab/host/install-deps.sh
## make clean | remove build/ (trees, kernels, runs; ccache stays)
clean:
	rm -rf build
## lab/lab help | every script of the lab, the investigations too
