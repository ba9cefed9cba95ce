package netlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.error.FailureKind;
import netlab.error.InterruptedWaitException;
import netlab.error.LabStateException;
import netlab.error.NetlabException;
import netlab.executor.Executor;
import netlab.executor.StepTimes;
import netlab.executor.TunnelRepointing;
import netlab.executor.step.StepFailedException;
import netlab.executor.step.VxlanStep;
import netlab.kernel.Kernel;
import netlab.kernel.KernelException;
import netlab.plan.Planner;
import netlab.state.LabLock;
import netlab.state.LabRecord;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.sys.Errno;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * {@code netlab up PART --hold}: one machine's part of a split lab, held in the foreground as a
 * pod's (or a simulated host's) main process. It first takes down what an earlier instance of the
 * same lab left (a crashed agent restarted in place finds its record and its tunnels), brings the
 * part up with its tunnels pointed where the peers file says, writes the ready file, then watches
 * the peers file (and the names in it) and re-points the tunnels whose peer moved, until SIGTERM
 * or Ctrl-C, when it takes the part down and exits 0.
 */
final class PartAgent {
    /** How often the peers file's time is looked at; the names in it are looked up every {@link #RESOLVE_EVERY}. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(500);
    private static final Duration RESOLVE_EVERY = Duration.ofSeconds(5);
    /** An earlier instance's tunnels leave the kernel a little after their namespaces (EEXIST until then). */
    private static final int UP_ATTEMPTS = 5;

    private final Lab file;
    private final Optional<Path> peersFile;
    private final Optional<Path> readyFile;
    private final PrintWriter err;
    private final StateStore store = Labs.store();
    private Optional<PeersFileWatch> peers = Optional.empty();
    private Set<String> saidUnresolved = Set.of();
    /** Where each far end the part file names last resolved: where it stays while its name does not. */
    private final Map<InetAddress, InetAddress> lastResolved = new HashMap<>();

    private PartAgent(Lab file, Optional<Path> peersFile, Optional<Path> readyFile, PrintWriter err) {
        this.file = file;
        this.peersFile = peersFile;
        this.readyFile = readyFile;
        this.err = err;
    }

    static void hold(Path file, Optional<Path> peersFile, Optional<Path> readyFile, PrintWriter err) {
        NettyLogging.quiet();
        lookUpAfresh();
        Lab lab = Labs.read(file);
        Privileges.requireAdmin();
        new PartAgent(lab, peersFile, readyFile, err).hold();
    }

    private void hold() {
        try (Interruptions interruptions = Interruptions.catchFrom(err, "taking lab " + file.name() + " down")) {
            // One an earlier instance left (killed, or on a machine that crashed) would say ready too soon.
            ready(false);
            removeEarlierInstance();
            peers = peersFile.map(path -> PeersFileWatch.start(path, this::say));
            Map<Endpoint, List<InetAddress>> written = PeerMap.farEnds(file);
            Map<Endpoint, List<InetAddress>> farEnds = lookUp(written);
            LabState state = up(withFarEnds(file, farEnds), interruptions);
            try {
                ready(true);
                say("lab " + file.name() + " is up; holding it (SIGTERM takes it down)");
                Instant resolved = Instant.now();
                while (!interruptions.requested()) {
                    if (interruptions.whileWaiting(PartAgent::pause).isEmpty()) {
                        break;
                    }
                    if (!stillOurs(state)) {
                        throw new LabStateException("lab " + file.name() + " was taken down or brought up again by "
                                + "another netlab while this agent held it; the agent stops and leaves it as it is");
                    }
                    boolean changed = peers.map(PeersFileWatch::refresh).orElse(false);
                    if (changed || Instant.now().isAfter(resolved.plus(RESOLVE_EVERY))) {
                        resolved = Instant.now();
                        Map<Endpoint, List<InetAddress>> now = lookUp(written);
                        if (!now.equals(farEnds)) {
                            TunnelRepointing.repoint(state, farEnds, now);
                            say("re-pointed " + moved(farEnds, now) + " of lab " + file.name());
                            farEnds = now;
                        }
                    }
                }
            } finally {
                try {
                    ready(false);
                } finally {
                    // A ready file that cannot be removed never keeps the part up.
                    takeDown(state);
                }
            }
        }
    }

    /**
     * Down, under the lab's lock, if the lab is still the instance this agent brought up: after a
     * {@code netlab down} and a new {@code up} by hand (or by a second agent of the part), the
     * names are the new instance's, and taking them down would break it and orphan the rest.
     */
    private void takeDown(LabState state) {
        try (LabLock lock = Labs.lock(store, file.name())) {
            if (stillOurs(state)) {
                new Executor(store).down(state).forEach(this::say);
                say("lab " + file.name() + " is down");
            }
        }
    }

    /** Whether the lab's record is still the one this agent's up wrote: same file, same moment of up. */
    private boolean stillOurs(LabState state) {
        return store.record(file.name()).filter(record -> record instanceof LabRecord.Readable readable
                && readable.state().since().equals(state.since()) && readable.state().file().equals(state.file()))
                .isPresent();
    }

    /**
     * A peer's name is looked up every {@link #RESOLVE_EVERY} because its address changes when its
     * pod moves; the JVM would answer from its own cache for 30 s (10 s for a failure) instead.
     * Set before the first look-up, when the JVM reads it.
     */
    private static void lookUpAfresh() {
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
    }

    /**
     * A crashed instance of this part left its record (and what it lists): down first, as {@code
     * down} would. Only a record of the same part file is an earlier instance: a lab of the same
     * name brought up from another file (the whole lab, another split) is someone else's and is
     * refused, as {@code up} refuses a lab that is already up.
     */
    private void removeEarlierInstance() {
        Optional<LabRecord> record = store.record(file.name());
        if (record.isEmpty()) {
            return;
        }
        String ours = Path.of(file.file()).toAbsolutePath().normalize().toString();
        if (!(record.get() instanceof LabRecord.Readable readable) || !readable.state().file().equals(ours)) {
            String from = record.get() instanceof LabRecord.Readable r ? " from " + r.state().file() : "";
            throw new LabStateException("lab " + file.name() + " is already up" + from + ", not from this part; an "
                    + "agent takes down only what an earlier instance of the same part left (netlab down "
                    + file.name() + " first if it is to go)");
        }
        say("lab " + file.name() + " was left by an earlier instance; taking it down first");
        DownCommand.down(file.name(), true, false, new PrintWriter(PrintWriter.nullWriter()), err);
    }

    private LabState up(Lab lab, Interruptions interruptions) {
        for (int attempt = 1; ; attempt++) {
            try (LabLock lock = Labs.lock(store, lab.name()); Kernel kernel = new Kernel()) {
                return new Executor(store).up(lab, Planner.plan(lab), StepTimes.NONE, kernel);
            } catch (NetlabException e) {
                boolean mayClear = mayClearSoon(e);
                if (mayClear && attempt == UP_ATTEMPTS && e instanceof StepFailedException failed
                        && failed.step() instanceof VxlanStep) {
                    throw new StillRefused(e.getMessage() + "; still so after " + UP_ATTEMPTS + " tries, so no earlier "
                            + "instance holds it: another vxlan of this machine has that VNI and port (netlab partition "
                            + "--vni-base chooses another block)", e);
                }
                if (!mayClear || attempt == UP_ATTEMPTS || interruptions.requested()) {
                    throw e;
                }
                long wait = 200L << attempt;
                say(e.getMessage() + "; trying again in " + wait + " ms");
                if (interruptions.whileWaiting(() -> sleep(Duration.ofMillis(wait))).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    /**
     * An earlier instance's tunnels leave the kernel a little after their namespaces: their VNIs
     * (and names) answer EEXIST until then. Anything else (a module the kernel lacks, a refused
     * address) is the same on the next try, and is said once.
     */
    private static boolean mayClearSoon(NetlabException e) {
        return e instanceof StepFailedException failed && failed.getCause() instanceof KernelException refusal
                && refusal.errno() == Errno.EEXIST;
    }

    /** The far ends as the peers file maps them now; a name that stops or starts resolving is said once. */
    private Map<Endpoint, List<InetAddress>> lookUp(Map<Endpoint, List<InetAddress>> written) {
        Set<String> unresolved = new LinkedHashSet<>();
        Map<Endpoint, List<InetAddress>> now = peerMap().map(written, lastResolved, unresolved::add);
        unresolved.stream().filter(line -> !saidUnresolved.contains(line)).forEach(this::say);
        saidUnresolved = unresolved;
        return now;
    }

    private PeerMap peerMap() {
        return peers.map(PeersFileWatch::peers).orElse(PeerMap.none());
    }

    /** The lab with each vxlan's far ends as {@code farEnds} gives them. */
    static Lab withFarEnds(Lab lab, Map<Endpoint, List<InetAddress>> farEnds) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : lab.nodes()) {
            List<NetInterface> interfaces = node.interfaces().stream().map(i -> i instanceof NetInterface.Vxlan v
                    ? new NetInterface.Vxlan(v.name(), v.vni(),
                            farEnds.getOrDefault(new Endpoint(node.name(), v.name()), v.remotes()),
                            v.local(), v.underlay(), v.machine(), v.port(), v.master(), v.addresses(), v.mtu(), v.mac(),
                            v.source())
                    : i).toList();
            nodes.add(new Node(node.name(), node.source(), interfaces, node.routes(), node.neighbours(), node.sysctls(),
                    node.nat(), node.impairments()));
        }
        return new Lab(lab.name(), lab.file(), nodes, lab.expectations());
    }

    private static String moved(Map<Endpoint, List<InetAddress>> before, Map<Endpoint, List<InetAddress>> after) {
        long count = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
        return count + (count == 1 ? " tunnel" : " tunnels");
    }

    private void ready(boolean up) {
        if (readyFile.isEmpty()) {
            return;
        }
        try {
            if (up) {
                Files.writeString(readyFile.get(), file.name() + "\n");
            } else {
                Files.deleteIfExists(readyFile.get());
            }
        } catch (IOException e) {
            throw new ReadyFileException("cannot " + (up ? "write" : "remove") + " the ready file " + readyFile.get() + ": "
                    + IoReasons.about(readyFile.get(), e));
        }
    }

    /** A tunnel's VNI refused as taken after every try: not an earlier instance's, which would have gone. */
    static final class StillRefused extends NetlabException {
        private static final long serialVersionUID = 1L;

        StillRefused(String message, NetlabException cause) {
            super(message, cause);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.KERNEL;
        }
    }

    /** The ready file could not be written or removed: what it tells a probe would be wrong. */
    static final class ReadyFileException extends NetlabException {
        private static final long serialVersionUID = 1L;

        ReadyFileException(String message) {
            super(message, false);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.LAB_STATE;
        }
    }

    private static Boolean pause() {
        return sleep(LOOK_EVERY);
    }

    private static Boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            throw new InterruptedWaitException("holding the lab", e);
        }
    }

    private void say(String line) {
        err.println("netlab: " + line);
        err.flush();
    }
}
