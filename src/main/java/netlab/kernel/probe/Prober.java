package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.net.Inet6Address;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import netlab.error.InterruptedWaitException;
import netlab.kernel.Answers;
import netlab.kernel.NetNamespace;
import netlab.sys.IcmpSocket;

/**
 * Checks reachability from inside namespaces without starting ping: every probe of a run is an
 * ICMP echo exchange, all of them at once on one epoll loop, through one raw socket per
 * (namespace, family) the run uses, opened on a thread inside that namespace. For one probe,
 * equivalent to: {@code ip netns exec FROM ping -c 1 -i 0.2 -w WITHIN TARGET} (send every 200 ms
 * until the first reply or the deadline).
 *
 * <p>A run's sockets are closed when it returns; the loop when the prober is closed.
 */
public final class Prober implements AutoCloseable {
    /** Room for any one read: an ICMPv6 error quotes at most 1280 bytes, but loopback carries up to 64 KiB. */
    private static final int READ_BUFFER = 64 * 1024;

    /** The sockets of a run are keyed by namespace (its nsfs inode) and family. */
    private record SocketKey(long namespaceInode, boolean ipv6) {}

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final IoEventLoop loop = group.next();
    /** Read on the loop's thread only, by every socket of every run. */
    private final ByteBuf readBuffer = Unpooled.directBuffer(READ_BUFFER, READ_BUFFER);
    private final SecureRandom random = new SecureRandom();

    /**
     * Runs every probe at once and returns what each saw, in the probes' order, once each is
     * decided: it has a reply (and, if it listens, a sighting of its request), a failure, or its
     * {@link Probe#within} is over. So a run whose probes all answer returns as soon as the last
     * reply is in, and one with a probe that gets no answer takes that probe's whole time.
     */
    public List<ProbeResult> run(List<Probe> probes) {
        return runInRounds(List.of(probes), () -> {});
    }

    /**
     * Runs the rounds one after another, each as {@link #run} runs its probes, on the same sockets
     * (opened once, for all of them), with {@code afterEachRound} on the caller's thread after each
     * round is decided; returns every probe's result, rounds in order. Each round has a token of
     * its own, so a late reply to an earlier round is not taken for an answer.
     */
    public List<ProbeResult> runInRounds(List<List<Probe>> rounds, Runnable afterEachRound) {
        List<Probe> all = rounds.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return List.of();
        }
        Map<SocketKey, ProbeSocket> sockets = new LinkedHashMap<>();
        AtomicReference<ProbeRun> current = new AtomicReference<>();
        try {
            open(all, sockets);
            loop.submit(() -> {
                // On the loop's own thread, register() completes at once.
                for (ProbeSocket socket : sockets.values()) {
                    socket.registered(loop.register(socket).sync().getNow(), (at, arrival) -> {
                        ProbeRun run = current.get();
                        if (run != null) {
                            run.arrived(at, arrival);
                        }
                    });
                }
                return null;
            }).sync();
            List<ProbeResult> results = new ArrayList<>(all.size());
            for (List<Probe> round : rounds) {
                results.addAll(round(round, sockets, current));
                afterEachRound.run();
            }
            return results;
        } catch (InterruptedException e) {
            throw new InterruptedWaitException("starting the probes", e);
        } finally {
            loop.submit(() -> {
                ProbeRun ended = current.getAndSet(null);
                if (ended != null) {
                    ended.end();
                }
                sockets.values().forEach(ProbeSocket::deregister);
            }).syncUninterruptibly();
            sockets.values().forEach(socket -> socket.socket().close());
        }
    }

    /** One round on the open sockets: started on the loop, awaited here, ended on the loop. */
    private List<ProbeResult> round(List<Probe> probes, Map<SocketKey, ProbeSocket> sockets,
            AtomicReference<ProbeRun> current) throws InterruptedException {
        if (probes.isEmpty()) {
            return List.of();
        }
        List<ProbeState> states = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Set<Long> listeners = new HashSet<>();
            probe.listenAt().forEach(namespace -> listeners.add(namespace.inode()));
            states.add(new ProbeState(probe, i, sockets.get(keyOf(probe.from(), probe)), listeners));
        }
        ProbeRun run = new ProbeRun(loop, random.nextLong(), random.nextInt(1 << 16), states);
        loop.submit(() -> {
            current.set(run);
            run.start();
            return null;
        }).sync();
        List<ProbeResult> results = Answers.await(run.results());
        loop.submit(() -> {
            current.compareAndSet(run, null);
            run.end();
        }).sync();
        return results;
    }

    private static SocketKey keyOf(NetNamespace namespace, Probe probe) {
        return new SocketKey(namespace.inode(), probe.target() instanceof Inet6Address);
    }

    /**
     * Opens the sockets the probes need, each namespace's on one trip into it: a sender's and a
     * listener's alike (a raw socket reads the requests arriving as well as the replies).
     */
    private void open(List<Probe> probes, Map<SocketKey, ProbeSocket> into) {
        Map<Long, NetNamespace> namespaces = new LinkedHashMap<>();
        Map<Long, Set<Boolean>> families = new LinkedHashMap<>();
        for (Probe probe : probes) {
            List<NetNamespace> all = new ArrayList<>(probe.listenAt());
            all.add(probe.from());
            for (NetNamespace namespace : all) {
                namespaces.putIfAbsent(namespace.inode(), namespace);
                families.computeIfAbsent(namespace.inode(), inode -> new HashSet<>()).add(keyOf(namespace, probe).ipv6());
            }
        }
        namespaces.forEach((inode, namespace) -> {
            for (IcmpSocket socket : namespace.call(() -> openAll(families.get(inode)))) {
                into.put(new SocketKey(inode, socket.ipv6()), new ProbeSocket(socket, inode, readBuffer));
            }
        });
    }

    /** On a thread inside the namespace: a socket of each family, or none if one cannot be opened. */
    private static List<IcmpSocket> openAll(Set<Boolean> families) {
        List<IcmpSocket> opened = new ArrayList<>();
        try {
            for (boolean ipv6 : families) {
                opened.add(IcmpSocket.open(ipv6));
            }
        } catch (RuntimeException e) {
            opened.forEach(IcmpSocket::close);
            throw e;
        }
        return opened;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        readBuffer.release();
    }
}
