package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.testing.Generators;
import netlab.netlink.testing.Property;
import netlab.netlink.testing.RoundTrip;
import org.junit.jupiter.api.Test;

class QdiscPropertyTest {
    private static final Set<Integer> MODELLED = Set.of(QdiscAttribute.TCA_KIND, QdiscAttribute.TCA_OPTIONS);
    private static final Set<Integer> MODELLED_TBF = Set.of(TbfAttribute.TCA_TBF_PARMS, TbfAttribute.TCA_TBF_RTAB,
            TbfAttribute.TCA_TBF_RATE64, TbfAttribute.TCA_TBF_BURST);
    private static final Set<Integer> MODELLED_NETEM = Set.of(NetemAttribute.TCA_NETEM_RATE,
            NetemAttribute.TCA_NETEM_RATE64, NetemAttribute.TCA_NETEM_LATENCY64, NetemAttribute.TCA_NETEM_JITTER64);

    @Test
    void randomQdiscMessagesSurviveEncodeDecodeEncode() {
        Property.forAll("qdisc round trip", 1000, random -> RoundTrip.assertSurvives(
                new NlMessage(new NlMsgHeader(0, RtmTypes.RTM_NEWQDISC, random.nextInt(0x1000), random.nextInt(), 0),
                        randomQdisc(random)),
                RtnetlinkDecoder.INSTANCE));
    }

    @Test
    void randomTbfRequestsReadBackTheirRateBurstAndLimit() {
        Property.forAll("tbf read back", 1000, random -> {
            long rateBits = random.nextLong(64, 100_000_000_001L);
            long rateBytes = rateBits / 8;
            long burst = random.nextLong(1514, Math.max(1515, rateBytes / 10));
            // Keep rate * latency within the 32-bit limit tc writes.
            long latency = random.nextLong(1, Math.min(1_000_000, 3_000_000_000_000_000L / rateBytes) + 1);
            TbfOptions tbf = TbfOptions.withLatency(rateBits, burst, latency);

            RoundTrip.assertSurvives(QdiscRequests.addRoot(random.nextInt(1, 1000), tbf), RtnetlinkDecoder.INSTANCE);
            assertThat(tbf.rateBitsPerSecond()).isEqualTo(rateBytes * 8);
            assertThat(tbf.burstBytes()).isEqualTo(burst);
            assertThat(tbf.limitBytes()).isEqualTo((long) (rateBytes * (double) latency / 1_000_000 + burst));
        });
    }

    static QdiscMessage randomQdisc(SplittableRandom random) {
        List<QdiscAttribute> attributes = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            attributes.add(new QdiscAttribute.Other(Generators.unknownAttribute(random, MODELLED)));
        }
        QdiscOptions options = switch (random.nextInt(3)) {
            case 0 -> randomTbf(random);
            case 1 -> randomNetem(random);
            default -> null;
        };
        if (options != null) {
            attributes.add(new QdiscAttribute.Kind(options.kind()));
            attributes.addAll(Generators.listOf(random, 2,
                    r -> new QdiscAttribute.Other(Generators.unknownAttribute(r, MODELLED))));
            attributes.add(new QdiscAttribute.Options(options));
        } else if (random.nextBoolean()) {
            attributes.add(new QdiscAttribute.Kind(Generators.name(random)));
        }
        TcMsg header = new TcMsg(Generators.u8(random), random.nextInt(), random.nextInt(), random.nextInt(),
                random.nextInt());
        return new QdiscMessage(header, attributes);
    }

    private static TbfOptions randomTbf(SplittableRandom random) {
        List<TbfAttribute> attributes = new ArrayList<>();
        attributes.add(new TbfAttribute.Parameters(new TbfQopt(rateSpec(random), rateSpec(random), random.nextInt(),
                random.nextInt(), random.nextInt())));
        for (int i = random.nextInt(5); i > 0; i--) {
            attributes.add(switch (random.nextInt(4)) {
                case 0 -> new TbfAttribute.Burst(random.nextInt());
                case 1 -> new TbfAttribute.Rate64(random.nextLong());
                case 2 -> new TbfAttribute.RateTable(random.ints(TbfAttribute.RateTable.ENTRIES).toArray());
                default -> new TbfAttribute.Other(Generators.unknownAttribute(random, MODELLED_TBF));
            });
        }
        // PARMS need not come first.
        Collections.rotate(attributes, random.nextInt(attributes.size()));
        return new TbfOptions(attributes);
    }

    private static TcRateSpec rateSpec(SplittableRandom random) {
        return new TcRateSpec(Generators.u8(random), Generators.u8(random), Generators.u16(random),
                (short) random.nextInt(), Generators.u16(random), random.nextInt());
    }

    private static NetemOptions randomNetem(SplittableRandom random) {
        NetemQopt qopt = new NetemQopt(random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt(),
                random.nextInt(), random.nextInt());
        return new NetemOptions(qopt, Generators.listOf(random, 5, r -> switch (r.nextInt(5)) {
            case 0 -> new NetemAttribute.Rate(r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt());
            case 1 -> new NetemAttribute.Rate64(r.nextLong());
            case 2 -> new NetemAttribute.Latency64(r.nextLong());
            case 3 -> new NetemAttribute.Jitter64(r.nextLong());
            default -> new NetemAttribute.Other(Generators.unknownAttribute(r, MODELLED_NETEM));
        }));
    }
}
