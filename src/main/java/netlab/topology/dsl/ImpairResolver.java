package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import netlab.topology.Endpoint;
import netlab.topology.Impairment;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;

/**
 * The {@code impair} lines against the interfaces: each names one of its block's node (in the
 * host, one the lab makes there: the machine's own are not the lab's to slow down), at most once,
 * and {@code both} puts the same impairment on the far end of a veth that has none of its own.
 * Once the MTUs are known ({@link #checkFrames}), a tbf must let a full frame through.
 */
final class ImpairResolver {
    private final Problems problems;
    private final Map<String, NodeDraft> nodes;
    private final Map<Syntax.Block, NodeDraft> owners;
    /** Every impaired interface and the line that impairs it: its own, or a {@code both} on its peer. */
    private final Map<Endpoint, Syntax.Impair> placed = new LinkedHashMap<>();
    private final Map<Endpoint, Syntax.Impair> throughPeer = new LinkedHashMap<>();

    ImpairResolver(Problems problems, Map<String, NodeDraft> nodes, Map<Syntax.Block, NodeDraft> owners) {
        this.problems = problems;
        this.nodes = nodes;
        this.owners = owners;
    }

    void resolve(List<Syntax.Block> blocks) {
        List<InterfaceDraft> withBoth = new ArrayList<>();
        for (Syntax.Block block : blocks) {
            NodeDraft node = owners.get(block);
            for (Syntax.Statement statement : block.statements()) {
                if (statement instanceof Syntax.Impair impair) {
                    InterfaceDraft target = target(node, impair);
                    if (target == null) {
                        continue;
                    }
                    Syntax.Impair first = placed.putIfAbsent(target.endpoint(), impair);
                    if (first != null) {
                        problems.add(impair.source(), "impair of " + impair.name().quoted() + " already set at "
                                + first.source());
                    } else if (impair.both().isPresent()) {
                        withBoth.add(target);
                    }
                }
            }
        }
        // After every line is placed: a 'both' may meet the far end's own line further down.
        withBoth.forEach(this::farEnd);
        placed.putAll(throughPeer);
        placed.forEach((endpoint, impair) -> nodes.get(endpoint.node()).impairments.add(model(endpoint, impair)));
    }

    /** The interface the line impairs, or null after saying why there is none. */
    private InterfaceDraft target(NodeDraft node, Syntax.Impair impair) {
        Word name = impair.name();
        InterfaceDraft found = node.interfaces.get(name.text());
        String problem = null;
        if (name.is(NetInterface.Loopback.NAME)) {
            problem = "'lo' cannot be impaired: what it sends never leaves the node; impair the interface the traffic "
                    + "leaves by";
        } else if (found == null && node.isHost()) {
            problem = "impair in the host names an interface the lab makes there, and " + name.quoted() + " is not one"
                    + Suggestions.didYouMean(name.text(), node.interfaces.keySet());
        } else if (found == null) {
            problem = BlockResolver.unknownInterface(node, name);
        } else if (impair.loss().isPresent() && found.kind != InterfaceDraft.Kind.VETH) {
            problem = "a loss drops frames as they arrive at the far end of a veth, and " + name.quoted() + " is "
                    + found.describe() + ", not a veth end";
        } else if (impair.loss().isPresent()) {
            problem = lossProblem(found.peer.interfaceName());
        }
        if (problem != null) {
            problems.add(name, problem);
            return null;
        }
        return found;
    }

    /** {@code both}: the far end of the veth gets the same line, unless it has one of its own. */
    private void farEnd(InterfaceDraft end) {
        Syntax.Impair impair = placed.get(end.endpoint());
        Word both = impair.both().orElseThrow();
        if (end.kind != InterfaceDraft.Kind.VETH) {
            problems.add(both, "'both' impairs the far end of a veth too, and " + impair.name().quoted() + " is "
                    + end.describe() + ", not a veth end");
            return;
        }
        Syntax.Impair own = placed.get(end.peer);
        String far = Word.quote(end.peer.node() + ":" + end.peer.interfaceName());
        String problem = own != null
                ? "'both' would impair " + far + " too, which has its own impair at " + own.source()
                        + "; leave out 'both' or that line"
                : impair.loss().isPresent() ? lossProblem(end.endpoint().interfaceName()) : null;
        if (problem != null) {
            problems.add(both, problem);
            return;
        }
        throughPeer.put(end.peer, impair);
    }

    /**
     * A loss is the nft chain {@code impair-IF} on the ingress of the veth's far end IF, which
     * nft's text must be able to name: its chain names are letters, digits, '_', '-', '.' and '/'
     * (a quoted chain name is refused), and the far end's device name must not end in '*'.
     */
    private static String lossProblem(String device) {
        if (device.matches("[A-Za-z0-9_./-]+") && Names.oifnameProblem(device) == null) {
            return null;
        }
        return "a loss is the nft chain impair-" + device + " on the ingress of the far end " + Word.quote(device)
                + ", and nft can name a chain of letters, digits, '_', '-', '.' and '/' only";
    }

    /**
     * What tbf needs of the interface's MTU: one to size its bucket and queue by (a macvlan on one
     * of the machine's interfaces has its parent's, which the file does not know), a burst of at
     * least a full frame (a bigger frame never gets enough tokens: tbf would drop every one), and
     * a limit of full frames that fits its 32 bits.
     */
    /** tbf times its bucket in 32 bits of 64 ns ticks: about 274.9 s (iproute2's tc_calc_xmittime). */
    private static final double TBF_MAX_BUCKET_SECONDS = 0xFFFF_FFFFL * 64e-9;

    void checkFrames(Mtus mtus) {
        placed.forEach((endpoint, impair) -> {
            if (impair.rate().isEmpty() || impair.delay().isPresent()) {
                return;
            }
            String name = throughPeer.containsKey(endpoint) ? Word.quote(endpoint.node() + ":" + endpoint.interfaceName())
                    : impair.name().quoted();
            OptionalInt mtu = mtus.mtu(endpoint);
            if (mtu.isEmpty()) {
                problems.add(impair.rate().get().source(), "a rate on " + name + " needs its MTU, to size tbf's bucket "
                        + "and queue, and the file leaves it to the machine (a macvlan takes its parent's); set it with "
                        + "'mtu " + endpoint.interfaceName() + " N'");
                return;
            }
            long frame = Impairment.frameBytes(mtu.getAsInt());
            String frames = " (" + frame + " bytes: MTU " + mtu.getAsInt() + " + " + Impairment.ETH_HLEN + ")";
            impair.burst().filter(burst -> burst.value() < frame).ifPresent(burst -> problems.add(burst.source(),
                    "burst of " + burst.value() + " bytes is less than one full frame of " + name + frames
                            + ": tbf would drop every full frame"));
            impair.limit().filter(limit -> limit.value() * frame > Impairment.TBF_MAX_BYTES).ifPresent(limit ->
                    problems.add(limit.source(), "limit " + limit.value() + " full frames of " + name + frames
                            + " is more than tbf can hold (" + Impairment.TBF_MAX_BYTES + " bytes); at most "
                            + Impairment.TBF_MAX_BYTES / frame));
            // What the planner makes of the rest (ImpairmentQueues): the default bucket, 50 ms of queue.
            long rateBytes = impair.rate().get().value() / 8;
            long burst = impair.burst().map(Located::value).orElse(Math.max(frame, rateBytes / 100));
            Located<?> at = impair.burst().isPresent() ? impair.burst().get() : impair.rate().get();
            if (burst / (double) Math.max(rateBytes, 1) > TBF_MAX_BUCKET_SECONDS) {
                problems.add(at.source(), "a bucket of " + burst + " bytes takes more than " + (long) TBF_MAX_BUCKET_SECONDS
                        + " s to fill at this rate, longer than tbf can time; give a smaller burst or a higher rate");
            } else if (impair.limit().isEmpty() && rateBytes / 20 + burst > Impairment.TBF_MAX_BYTES) {
                problems.add(at.source(), "a bucket of " + burst + " bytes and 50 ms of queue at this rate are more than "
                        + "tbf can hold (" + Impairment.TBF_MAX_BYTES + " bytes); give a smaller burst, or a limit");
            }
        });
    }

    private static Impairment model(Endpoint endpoint, Syntax.Impair impair) {
        return new Impairment(endpoint.interfaceName(), value(impair.rate()), value(impair.burst()), impair.delay(),
                impair.jitter(), impair.loss(), impair.limit().map(l -> OptionalInt.of(l.value())).orElse(OptionalInt.empty()),
                impair.source());
    }

    private static OptionalLong value(Optional<Located<Long>> located) {
        return located.map(l -> OptionalLong.of(l.value())).orElse(OptionalLong.empty());
    }
}
