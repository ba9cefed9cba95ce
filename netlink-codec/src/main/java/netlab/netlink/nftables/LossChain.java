package netlab.netlink.nftables;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Random loss on what arrives at one interface: the base chain netlab puts in a node's own netdev
 * table, {@code chain impair-IF { type filter hook ingress device "IF" priority 0; policy accept;
 * numgen random mod 10000 < N drop; }}, with N the loss in hundredths of a percent (30 % is 3000,
 * 0.5 % is 50). The chain drops at the ingress of {@code interfaceName}; netlab hooks it on the
 * peer end of the impaired interface, so the loss is silent to every sender, as on a wire. A drop
 * at the impaired end's egress would not be: it fails a local sender's sendto with ENOBUFS, and
 * ping then re-sends, so ping from that node measured about 0 % of a 30 % loss. The hook needs no
 * sch_netem and sits beside a tbf or netem on the same link.
 *
 * <p>One model, three faces, as the NAT rules: {@link #text()} is the chain as nft reads it (and
 * the plan prints it); {@link #chain} and {@link #rule} are what nft 1.0.6 sends for that text;
 * {@link #fromDump} reads the kernel's dump back, and only when it is exactly such a chain.
 */
public record LossChain(String interfaceName, int hundredthsOfPercent) {
    public static final String CHAIN_PREFIX = "impair-";
    /** One draw in 10000: the loss is given to two decimals of a percent. */
    public static final int MODULUS = 10_000;
    /** nft's {@code filter} priority, 0 in the netdev family too. */
    public static final int PRIORITY = 0;
    // IFNAMSIZ (<linux/if.h>), NUL included.
    private static final int IFNAMSIZ = 16;

    /** @throws IllegalArgumentException for a loss outside 1..10000 or a name nft cannot write as a device */
    public LossChain {
        if (hundredthsOfPercent < 1 || hundredthsOfPercent > MODULUS) {
            throw new IllegalArgumentException("loss of " + hundredthsOfPercent + " hundredths of a percent; it is 1.."
                    + MODULUS);
        }
        int bytes = interfaceName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name \"" + interfaceName + "\" has " + bytes
                    + " bytes; an interface name has 1.." + (IFNAMSIZ - 1));
        }
        // nft's quoted strings have no escape for a double quote.
        if (interfaceName.chars().anyMatch(c -> c == '"' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("interface name \"" + interfaceName
                    + "\" cannot be written in nft's syntax (a \" or control character)");
        }
    }

    /** {@code impair-IF}, IF the hooked interface (the peer end of the one the lab impairs). */
    public String chainName() {
        return CHAIN_PREFIX + interfaceName;
    }

    /** The rule: {@code numgen random mod 10000 < N drop}. */
    public String statement() {
        return "numgen random mod " + MODULUS + " < " + hundredthsOfPercent + " drop";
    }

    /** The chain block as nft reads it inside a table block. */
    public String text() {
        return "chain " + chainName() + " { type filter hook ingress device \"" + interfaceName + "\" priority "
                + PRIORITY + "; policy accept; " + statement() + "; }";
    }

    /**
     * The nft command that makes the table with every chain, in one transaction:
     * {@code add table netdev TABLE { chain impair-IF { ... }; ... }}. {@link NftRequests#lossTable}
     * sends what nft sends for it.
     */
    public static String addTable(String table, List<LossChain> chains) {
        requireDistinct(chains);
        // nft's grammar wants each chain block closed with a ';' inside the table's.
        return "add table netdev " + table + " { "
                + chains.stream().map(chain -> chain.text() + "; ").collect(Collectors.joining()) + "}";
    }

    /** NFT_MSG_NEWCHAIN's payload, as nft sends the chain of {@link #text()}. */
    public ChainMessage chain(String table) {
        return ChainMessage.baseChain(NfProto.NFPROTO_NETDEV, table, chainName(), "filter",
                ChainHook.ingress(interfaceName, PRIORITY), NftData.NF_ACCEPT);
    }

    /** NFT_MSG_NEWRULE's payload, as nft sends the rule of {@link #statement()}. */
    public RuleMessage rule(String table) {
        return RuleMessage.append(NfProto.NFPROTO_NETDEV, table, chainName(), expressions());
    }

    /**
     * What nft 1.0.6 compiles the statement to: numgen's host-order number turned big-endian,
     * then compared with N in network order (cmp compares bytes), then the drop.
     */
    public List<Expression> expressions() {
        return List.of(NumgenExpression.random(Expression.NFT_REG_1, MODULUS),
                ByteorderExpression.hostToNetwork(Expression.NFT_REG_1, Integer.BYTES),
                CmpExpression.of(Expression.NFT_REG_1, CmpExpression.NFT_CMP_LT,
                        ByteBuffer.allocate(Integer.BYTES).putInt(hundredthsOfPercent).array()),
                ImmediateExpression.verdict(NftData.NF_DROP));
    }

    /**
     * The loss chain that a dumped chain and the rules of its table are: empty unless the chain is
     * exactly one this model makes (netdev family, named for the device it hooks at ingress, filter
     * type, priority 0, policy accept) holding exactly one rule with exactly its expressions.
     */
    public static Optional<LossChain> fromDump(ChainMessage chain, List<RuleMessage> tableRules) {
        Optional<String> table = chain.table();
        Optional<String> name = chain.name();
        Optional<ChainHook> hook = chain.hook();
        Optional<String> device = hook.flatMap(ChainHook::deviceName);
        if (chain.header().family() != NfProto.NFPROTO_NETDEV || table.isEmpty() || name.isEmpty() || device.isEmpty()
                || hook.get().hook() != ChainHook.NF_NETDEV_INGRESS || hook.get().priority() != PRIORITY
                || !chain.type().equals(Optional.of("filter")) || chain.policy().orElse(-1) != NftData.NF_ACCEPT) {
            return Optional.empty();
        }
        List<RuleMessage> rules = tableRules.stream()
                .filter(rule -> rule.header().family() == NfProto.NFPROTO_NETDEV && rule.table().equals(table)
                        && rule.chain().equals(name))
                .toList();
        if (rules.size() != 1) {
            return Optional.empty();
        }
        List<Expression> expressions = rules.getFirst().expressions().orElse(List.of());
        return threshold(expressions).flatMap(n -> candidate(device.get(), n))
                .filter(loss -> loss.chainName().equals(name.get()) && loss.expressions().equals(expressions));
    }

    /**
     * The statement a rule's expressions are ({@code numgen random mod 10000 < N drop}) when they
     * are exactly a loss rule's, read without its chain (a rule dump names the chain only).
     */
    public static Optional<String> statementOf(List<Expression> expressions) {
        return threshold(expressions).flatMap(n -> candidate("x", n)).filter(loss -> loss.expressions().equals(expressions))
                .map(LossChain::statement);
    }

    static void requireDistinct(List<LossChain> chains) {
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("a loss table needs at least one chain");
        }
        Set<String> seen = new HashSet<>();
        for (LossChain chain : chains) {
            if (!seen.add(chain.interfaceName())) {
                throw new IllegalArgumentException("two loss chains for interface \"" + chain.interfaceName() + "\"");
            }
        }
    }

    /** The 4-byte constant of the third expression, if it is a cmp: the N to try. */
    private static Optional<Integer> threshold(List<Expression> expressions) {
        if (expressions.size() == 4 && expressions.get(2) instanceof CmpExpression cmp
                && cmp.data() instanceof NftData.Value value && value.bytes().length == Integer.BYTES) {
            return Optional.of(ByteBuffer.wrap(value.bytes()).getInt());
        }
        return Optional.empty();
    }

    private static Optional<LossChain> candidate(String device, int hundredthsOfPercent) {
        try {
            return Optional.of(new LossChain(device, hundredthsOfPercent));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
