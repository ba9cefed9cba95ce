# netlab's entry points. Every target finds a JDK >= 25 itself (src/bin/find-jdk), so the
# machine's default java (17 on Debian 12) is never used.
SHELL := /bin/bash
.DEFAULT_GOAL := build

JAVA_HOME := $(shell src/bin/find-jdk 2>/dev/null)
export JAVA_HOME
# Maven 3.8 itself (its bundled Guava) uses sun.misc.Unsafe; keep JDK 25 from warning about it.
export MAVEN_OPTS ?= --sun-misc-unsafe-memory-access=allow
MVN := mvn -B -ntp
LEAK_GUARD := src/test/sandbox/leak-guard
LEAK_DIR := src/target/leak-guard

.PHONY: build test sweep run bench install deps jdk clean

jdk:
	@src/bin/find-jdk >/dev/null

deps:
	@src/bin/install-deps

build: jdk
	@$(MVN) -q -DskipTests install
	@src/bin/train-aot
	@"$$JAVA_HOME/bin/java" -cp src/target/netlab.jar netlab.cli.ManPages src/target/man >/dev/null

# All tests. Kernel tests run inside a private sandbox (src/test/sandbox/bin/java); the
# leak guard then proves that the machine's own network state is exactly as it was before.
# It compares also when the suite failed (a failing test is the likeliest to leave something
# behind), and make fails if either did. NETLAB_LEAK_GUARD_RUN, unique to this run and inherited
# by everything the suite starts, lets the guard tell a process the suite left in a namespace
# from one that something else on the machine started meanwhile.
test: deps jdk
	@mkdir -p $(LEAK_DIR)
	@export NETLAB_LEAK_GUARD_RUN=$$(cat /proc/sys/kernel/random/uuid); \
	$(LEAK_GUARD) snapshot > $(LEAK_DIR)/before.txt || exit; \
	echo "$(MVN) install"; \
	suite=0; $(MVN) install || suite=$$?; \
	if [ $$suite -eq 0 ]; then \
	  echo "$(MVN) -f examples/junit-lab/pom.xml test   (depends on the installed netlab-junit only)"; \
	  $(MVN) -q -f examples/junit-lab/pom.xml test || suite=$$?; \
	fi; \
	guard=0; { $(LEAK_GUARD) snapshot > $(LEAK_DIR)/after.txt \
	  && $(LEAK_GUARD) compare $(LEAK_DIR)/before.txt $(LEAK_DIR)/after.txt; } || guard=$$?; \
	if [ $$suite -ne 0 ]; then echo "make test: the suite failed (exit $$suite)" >&2; exit $$suite; fi; \
	exit $$guard

# The exhaustive sweeps that make test samples (docs: README, Safety): up killed after every one
# of its netlink messages, every message refused by the kernel, down killed after every message,
# for several labs. Kernel tests in the sandbox, as in make test; about a quarter of an hour.
sweep: deps jdk
	$(MVN) -DskipTests install
	$(MVN) -pl src surefire:test -Dtest='EveryMessageTest' -Dnetlab.sweep=full

# The main job: build, bring up the default lab, show it working, take it down again (also
# when a step in between fails, so nothing is left behind).
run: deps build
	./netlab up topologies/lan.topo
	@status=0; \
	./netlab show lan || status=$$?; \
	echo "+ ./netlab test lan"; \
	./netlab test lan || status=$$?; \
	echo "+ ./netlab down lan"; \
	./netlab down lan || status=$$?; \
	exit $$status

# The star-N benchmark (docs/performance.md): netlab against a C floor (bench/floor: the same
# netlink requests and nothing else), an ip script and ip -batch, each run in a private sandbox.
# Never part of test. BENCH_N="10 100" BENCH_RUNS=3 make bench for a quick run.
BENCH_PACKAGES := time gcc libmnl-dev libnftnl-dev
bench: deps build
	@missing=$$(for p in $(BENCH_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  [ "$$(id -u)" -eq 0 ] || { echo "make bench: missing packages:" $$missing "(apt-get install them as root)" >&2; exit 1; }; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@$(MAKE) -s -C bench/floor
	bench/run

# The launcher under two names: netlab, and nlab for machines where ipspace's netlab (pip install
# networklab) owns the name (README: "Two netlabs on one machine"); a /usr/local/bin/netlab that is
# not this launcher is left alone. Then bash completion for both names and the man pages.
LAUNCHER_MARK := \# netlab lab orchestrator launcher
COMPLETIONS := $(shell [ -d /usr/share/bash-completion/completions ] && echo /usr/share/bash-completion/completions || echo /etc/bash_completion.d)
MAN1 := /usr/local/share/man/man1
install: build
	@for name in netlab nlab; do \
	  bin=/usr/local/bin/$$name; \
	  if [ -e $$bin ] && ! grep -qx -e '$(LAUNCHER_MARK)' -e 'exec .*/netlab "$$@"' $$bin; then \
	    echo "left $$bin alone: it is another program's (README: Two netlabs on one machine)"; continue; \
	  fi; \
	  printf '#!/bin/sh\n%s\nexec %s/netlab "$$@"\n' '$(LAUNCHER_MARK)' "$(CURDIR)" > $$bin && chmod 755 $$bin \
	    && echo "installed $$bin (runs $(CURDIR)/netlab)"; \
	done
	@mkdir -p $(COMPLETIONS) && ./netlab completion bash > $(COMPLETIONS)/netlab && ln -sf netlab $(COMPLETIONS)/nlab
	@echo "installed $(COMPLETIONS)/netlab and nlab (bash completion)"
	@mkdir -p $(MAN1) && install -m 644 src/target/man/*.1 $(MAN1)/ && ln -sf netlab.1 $(MAN1)/nlab.1
	@echo "installed the man pages in $(MAN1): man netlab, man netlab-up, ..."
	@echo "installed netlab:netlab-junit:0.1.0-SNAPSHOT in the local Maven repository (make build's mvn install; README: In Java tests)"

clean:
	@$(MVN) -q clean
