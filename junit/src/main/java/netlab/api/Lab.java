package netlab.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import netlab.check.ExpectationChecks;
import netlab.error.NetlabException;
import netlab.executor.Executor;
import netlab.plan.Planner;
import netlab.state.LabLock;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.sys.ProcessStatus;
import netlab.topology.dsl.TopologyReader;

/**
 * A netlab lab brought up from Java, as {@code netlab up FILE} brings it up (all of it, or nothing
 * and the reason), and taken down by {@link #close()} as {@code netlab down} does. The lab is the
 * machine's (root's, recorded in /run/netlab like the CLI's), so {@code netlab show} and
 * {@code netlab down} see it too.
 *
 * <pre>{@code
 * try (Lab lab = Lab.up(Path.of("topologies/lan.topo"))) {
 *     ExecResult ping = lab.node("ns1").exec("ping", "-c1", "192.168.0.2");
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {
    /** How long to wait for another netlab working on a lab of the same name. */
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(30);

    private final StateStore store;
    private final netlab.topology.Lab lab;
    /** Takes the lab down when the JVM ends normally (SIGTERM, Ctrl-C, System.exit) before close(). */
    private final Thread downAtExit;
    private boolean closed;

    private Lab(StateStore store, netlab.topology.Lab lab) {
        this.store = store;
        this.lab = lab;
        this.downAtExit = Thread.ofPlatform().name("netlab-down-" + lab.name()).unstarted(this::takeDown);
        Runtime.getRuntime().addShutdownHook(downAtExit);
    }

    /**
     * Brings the lab of {@code topology} up. Throws {@link LabException} with netlab's one-line
     * reason when it cannot (a broken file, a name taken, no privileges); then nothing is left.
     * Privileges are root's, or a mapped root's in a user-namespace sandbox: an ordinary user's
     * test JVM started in such a sandbox makes its labs there without root.
     *
     * @param topology the lab's file
     * @return the running lab; close it to take it down
     * @throws LabException when the lab cannot come up, with netlab's reason
     */
    public static Lab up(Path topology) {
        StateStore store = StateStore.system();
        try {
            netlab.topology.Lab lab = TopologyReader.read(topology);
            if (!ProcessStatus.mayAdministerNetworks()) {
                throw new LabException("lab " + lab.name() + " needs CAP_NET_ADMIN and CAP_SYS_ADMIN: run the tests as root,"
                        + " or start their JVM in a user-namespace sandbox (netlab's src/test/sandbox/bin/java)", null);
            }
            try (LabLock lock = lock(store, lab.name())) {
                Optional<LabState> existing = store.load(lab.name());
                if (existing.isPresent()) {
                    throw new LabException("lab " + lab.name() + " is already up; take it down first: netlab down "
                            + lab.name(), null);
                }
                new Executor(store).up(lab, Planner.plan(lab));
            }
            return new Lab(store, lab);
        } catch (NetlabException e) {
            throw new LabException(e.getMessage(), e);
        }
    }

    /**
     * The lab's name, as {@code netlab ls} shows it.
     *
     * @return the name the file gives, or the file's name without {@code .topo}
     */
    public String name() {
        return lab.name();
    }

    /**
     * The lab's nodes.
     *
     * @return its namespaces, in the file's order (the file's {@code host} is the machine, not a node)
     */
    public List<LabNode> nodes() {
        return lab.namespaces().stream().map(LabNode::new).toList();
    }

    /**
     * One node of the lab.
     *
     * @param name the node's name in the file
     * @return the node
     * @throws IllegalArgumentException when the lab has no such node
     */
    public LabNode node(String name) {
        return lab.node(name).filter(node -> !node.isHost()).map(LabNode::new)
                .orElseThrow(() -> new IllegalArgumentException("lab " + lab.name() + " has no node " + name));
    }

    /**
     * Checks the file's {@code expect} statements against the lab as it is now, as {@code netlab
     * test LAB} does.
     *
     * @return one result per statement, in the file's order
     * @throws LabException when the lab is no longer up
     */
    public List<ExpectationResult> test() {
        try {
            LabState state = store.load(lab.name())
                    .orElseThrow(() -> new LabException("lab " + lab.name() + " is not up", null));
            return ExpectationChecks.check(state, lab.expectations()).stream()
                    .map(verdict -> new ExpectationResult(verdict.expectation().text(), verdict.passed(), verdict.seen()))
                    .toList();
        } catch (NetlabException e) {
            throw new LabException(e.getMessage(), e);
        }
    }

    /** Takes the lab down, as {@code netlab down}; a second call does nothing. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(downAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it takes the lab down.
        }
        takeDown();
    }

    private synchronized void takeDown() {
        if (closed) {
            return;
        }
        try (LabLock lock = lock(store, lab.name())) {
            store.load(lab.name()).ifPresent(state -> new Executor(store).down(state));
            closed = true;
        } catch (NetlabException e) {
            throw new LabException(e.getMessage(), e);
        }
    }

    private static LabLock lock(StateStore store, String name) {
        LabLock lock = store.lock(name, LOCK_PATIENCE);
        if (lock == null) {
            throw new LabException("lab " + name + " is busy: another netlab is bringing it up or down", null);
        }
        return lock;
    }
}
