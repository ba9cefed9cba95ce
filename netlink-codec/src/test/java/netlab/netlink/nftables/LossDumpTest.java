package netlab.netlink.nftables;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kernel's replies to {@code nft list ruleset} for a loss table of two chains, against
 * {@code nft -j list ruleset} and, for the devices (which nft 1.0.6's JSON leaves out), the text
 * of {@code nft list ruleset}, both printed in the same namespace.
 */
class LossDumpTest {
    private final NftDump dump = new NftDump("nftables/loss-dump.txt", "nftables/loss-dump.json");

    @Test
    void decodeThenEncodeGivesTheKernelsBytes() {
        assertRoundTrips(dump.messages, dump.fixture);
    }

    @Test
    void tableMatchesNftJson() {
        dump.assertTablesMatchNftJson(1);
        assertThat(payloads(TableMessage.class).getFirst().header().family()).isEqualTo(NfProto.NFPROTO_NETDEV);
    }

    @Test
    void chainsMatchNftJsonAndTheirDevicesNftsText() throws IOException {
        dump.assertChainsMatchNftJson(2);
        assertThat(payloads(ChainMessage.class)).extracting(chain -> chain.hook().flatMap(ChainHook::deviceName).orElseThrow())
                .containsExactlyElementsOf(devicesInNftsText());
    }

    @Test
    void theKernelListsTheDeviceAndNamesItInPlainNestsThatStillDecodeTyped() {
        for (ChainMessage chain : payloads(ChainMessage.class)) {
            ChainHook hook = chain.hook().orElseThrow();
            assertThat(hook.device()).hasValueSatisfying(device -> assertThat(device.listed()).isTrue());
            assertThat(chain.attributes()).contains(new ChainAttribute.Hook(hook, Nesting.PLAIN))
                    .noneMatch(ChainAttribute.Other.class::isInstance);
        }
        for (RuleMessage rule : payloads(RuleMessage.class)) {
            assertThat(rule.expressions().orElseThrow()).noneMatch(RawExpression.class::isInstance);
        }
    }

    @Test
    void rulesMatchNftJson() {
        dump.assertRulesMatchNftJson(2);
    }

    @Test
    void theDumpReadsBackAsTheLossChainsThatMadeIt() {
        List<RuleMessage> rules = payloads(RuleMessage.class);

        assertThat(payloads(ChainMessage.class)).extracting(chain -> LossChain.fromDump(chain, rules))
                .containsExactly(Optional.of(new LossChain("eth0", 3000)), Optional.of(new LossChain("eth1", 50)));
    }

    @Test
    void aChainThatIsNotExactlyALossChainReadsBackAsNothing() {
        ChainMessage eth0 = payloads(ChainMessage.class).getFirst();
        List<RuleMessage> rules = payloads(RuleMessage.class);
        RuleMessage eth0Rule = rules.getFirst();
        List<Expression> expressions = eth0Rule.expressions().orElseThrow();

        Optional<HookDevice> device = eth0.hook().orElseThrow().device();
        // Another name than impair-DEVICE, the egress hook, another priority, a drop policy, another family.
        assertThat(LossChain.fromDump(withAttribute(eth0, new ChainAttribute.Name("impair-eth1")), rules)).isEmpty();
        assertThat(LossChain.fromDump(withAttribute(eth0, new ChainAttribute.Hook(
                new ChainHook(ChainHook.NF_NETDEV_EGRESS, 0, device), Nesting.PLAIN)), rules)).isEmpty();
        assertThat(LossChain.fromDump(withAttribute(eth0, new ChainAttribute.Hook(
                new ChainHook(ChainHook.NF_NETDEV_INGRESS, -10, device), Nesting.PLAIN)), rules)).isEmpty();
        assertThat(LossChain.fromDump(withAttribute(eth0, new ChainAttribute.Policy(NftData.NF_DROP)), rules)).isEmpty();
        assertThat(LossChain.fromDump(new ChainMessage(NfGenMsg.of(NfProto.NFPROTO_INET), eth0.attributes()), rules)).isEmpty();
        // A second rule, a counter added, a threshold of 0.
        assertThat(LossChain.fromDump(eth0, Stream.concat(rules.stream(), Stream.of(eth0Rule)).toList())).isEmpty();
        assertThat(LossChain.fromDump(eth0, List.of(ruleWith(eth0Rule, Stream.concat(expressions.stream(),
                Stream.of(CounterExpression.fresh())).toList())))).isEmpty();
        List<Expression> zero = new ArrayList<>(expressions);
        zero.set(2, CmpExpression.of(Expression.NFT_REG_1, CmpExpression.NFT_CMP_LT, new byte[4]));
        assertThat(LossChain.fromDump(eth0, List.of(ruleWith(eth0Rule, zero)))).isEmpty();
    }

    private static ChainMessage withAttribute(ChainMessage chain, ChainAttribute replacement) {
        return new ChainMessage(chain.header(), chain.attributes().stream()
                .map(attribute -> attribute.getClass() == replacement.getClass() ? replacement : attribute).toList());
    }

    private static RuleMessage ruleWith(RuleMessage rule, List<Expression> expressions) {
        return new RuleMessage(rule.header(), rule.attributes().stream()
                .map(attribute -> attribute instanceof RuleAttribute.Expressions
                        ? new RuleAttribute.Expressions(expressions, Nesting.PLAIN) : attribute)
                .toList());
    }

    /** The {@code device "NAME"} of each chain, in order, as {@code nft list ruleset} printed them. */
    private static List<String> devicesInNftsText() throws IOException {
        try (InputStream in = LossDumpTest.class.getResourceAsStream("/fixtures/nftables/loss-dump.nft")) {
            Matcher device = Pattern.compile("hook ingress device \"([^\"]+)\"")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> devices = new ArrayList<>();
            while (device.find()) {
                devices.add(device.group(1));
            }
            return devices;
        }
    }

    private <P> List<P> payloads(Class<P> kind) {
        return dump.payloads(kind);
    }
}
