package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.sys.Errno;
import netlab.sys.SyscallException;

/**
 * One {@link Prober#run}, on the loop's thread: sends every probe's first request at once,
 * repeats the undecided ones every {@link #REPEAT} (ARP or neighbour discovery may drop a first
 * request), matches what the sockets read to probes by the run's token and the probe's index,
 * and completes {@link #results()} when the last probe is decided.
 */
final class ProbeRun {
    static final Duration REPEAT = Duration.ofMillis(200);
    /** An echo request: header and token, far below any MTU. */
    private static final int REQUEST_SIZE = EchoMessage.HEADER_SIZE + EchoToken.SIZE;

    private final IoEventLoop loop;
    private final long token;
    private final int identifier;
    private final List<ProbeState> states;
    private final CompletableFuture<List<ProbeResult>> results = new CompletableFuture<>();
    private final ByteBuf request = Unpooled.directBuffer(REQUEST_SIZE, REQUEST_SIZE);
    private int undecided;
    private ScheduledFuture<?> repeats;

    ProbeRun(IoEventLoop loop, long token, int identifier, List<ProbeState> states) {
        this.loop = loop;
        this.token = token;
        this.identifier = identifier;
        this.states = states;
        this.undecided = states.size();
    }

    CompletableFuture<List<ProbeResult>> results() {
        return results;
    }

    /** On the loop. */
    void start() {
        for (ProbeState state : states) {
            state.expiresWith(loop.schedule(() -> decide(state), state.probe().within().toNanos(), TimeUnit.NANOSECONDS));
        }
        repeats = loop.scheduleAtFixedRate(this::repeat, REPEAT.toNanos(), REPEAT.toNanos(), TimeUnit.NANOSECONDS);
        // Nothing is read until this task ends: the replies to this burst wait in the sockets'
        // receive buffers, which is what their size is for.
        states.forEach(this::send);
        if (states.isEmpty()) {
            finish();
        }
    }

    private void repeat() {
        for (ProbeState state : states) {
            if (!state.decided()) {
                send(state);
            }
        }
    }

    private void send(ProbeState state) {
        EchoToken payload = new EchoToken(token, state.index(), System.nanoTime());
        new EchoMessage(state.ipv6(), true, identifier, state.nextSequence(), payload).encode(request.clear());
        try {
            state.sender().socket().send(request.internalNioBuffer(0, request.writerIndex()), state.probe().target());
            state.sent();
        } catch (SyscallException e) {
            if (e.errno() == Errno.EAGAIN || e.errno() == Errno.ENOBUFS) {
                // The socket's or the device's queue is full for now: the next repeat sends again.
                state.queueFull(refusal(e));
                return;
            }
            state.failed(refusal(e));
            decide(state);
        }
    }

    /** "network is unreachable (ENETUNREACH)": the C library's words and the errno's name. */
    private static String refusal(SyscallException e) {
        String name = e.errno() == Errno.UNKNOWN ? "errno " + e.errnoValue() : e.errno().name();
        return e.errnoText().toLowerCase(Locale.ROOT) + " (" + name + ")";
    }

    /** A message one of the run's sockets read; on the loop. */
    void arrived(ProbeSocket at, Arrival arrival) {
        boolean ipv6 = at.socket().ipv6();
        EchoMessage echo = EchoMessage.decode(arrival.icmp(), ipv6);
        if (echo != null) {
            ProbeState state = ours(echo, ipv6);
            if (state == null) {
                return;
            }
            if (echo.request()) {
                if (state.listensAt(at.namespaceInode())) {
                    state.seen(arrival.source());
                }
            } else if (at == state.sender() && echo.identifier() == identifier) {
                state.replied(arrival.hopLimit(), Duration.ofNanos(System.nanoTime() - echo.token().sentNanos()));
            }
            decideIfSettled(state);
            return;
        }
        IcmpError error = IcmpError.decode(arrival.icmp(), ipv6);
        if (error != null) {
            ProbeState state = ours(error.quoted(), ipv6);
            if (state != null && at == state.sender() && error.quoted().identifier() == identifier) {
                state.failed(error.failure(arrival.source()));
                decideIfSettled(state);
            }
        }
    }

    /**
     * The probe a message carrying our token belongs to, or null. A request is matched by token
     * alone: a NAT on its way may have rewritten its identifier (conntrack treats it as a port).
     */
    private ProbeState ours(EchoMessage echo, boolean ipv6) {
        EchoToken carried = echo.token();
        if (carried == null || carried.run() != token || carried.index() < 0 || carried.index() >= states.size()) {
            return null;
        }
        ProbeState state = states.get(carried.index());
        return state.ipv6() == ipv6 ? state : null;
    }

    private void decideIfSettled(ProbeState state) {
        if (state.settled()) {
            decide(state);
        }
    }

    private void decide(ProbeState state) {
        if (state.decided()) {
            return;
        }
        state.decide();
        if (--undecided == 0) {
            finish();
        }
    }

    private void finish() {
        if (repeats != null) {
            repeats.cancel(false);
        }
        results.complete(states.stream().map(ProbeState::result).toList());
    }

    /** Lets go of the run's timers and buffer, deciding what is left (the caller gave up waiting); on the loop. */
    void end() {
        states.forEach(ProbeState::decide);
        if (repeats != null) {
            repeats.cancel(false);
        }
        results.cancel(false);
        request.release();
    }
}
