package netlab.netlink.nftables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import netlab.netlink.testing.Generators;

/** Random well-formed nf_tables messages, unknown attributes and unknown expressions included. */
final class NftGenerators {
    private static final Set<Integer> TABLE_MODELLED = Set.of(1, 2, 3, 4, 6);
    private static final Set<Integer> CHAIN_MODELLED = Set.of(1, 2, 3, 4, 5, 6, 7, 10);
    private static final Set<Integer> RULE_MODELLED = Set.of(1, 2, 3, 4, 6);

    private NftGenerators() {}

    static NfGenMsg header(SplittableRandom random) {
        return new NfGenMsg(Generators.u8(random), Generators.u8(random), Generators.u16(random));
    }

    static TableMessage table(SplittableRandom random) {
        List<TableAttribute> attributes = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            attributes.add(switch (random.nextInt(6)) {
                case 0 -> new TableAttribute.Name(Generators.name(random));
                case 1 -> new TableAttribute.Flags(random.nextInt());
                case 2 -> new TableAttribute.Use(random.nextInt());
                case 3 -> new TableAttribute.Handle(random.nextLong());
                case 4 -> new TableAttribute.Userdata(Generators.bytes(random, random.nextInt(20)));
                default -> new TableAttribute.Other(Generators.unknownAttribute(random, TABLE_MODELLED));
            });
        }
        return new TableMessage(header(random), attributes);
    }

    static ChainMessage chain(SplittableRandom random) {
        List<ChainAttribute> attributes = new ArrayList<>();
        for (int i = random.nextInt(9); i > 0; i--) {
            attributes.add(switch (random.nextInt(9)) {
                case 0 -> new ChainAttribute.Table(Generators.name(random));
                case 1 -> new ChainAttribute.Name(Generators.name(random));
                case 2 -> new ChainAttribute.Handle(random.nextLong());
                case 3 -> new ChainAttribute.Hook(hook(random), nesting(random));
                case 4 -> new ChainAttribute.Policy(random.nextInt(2));
                case 5 -> new ChainAttribute.Use(random.nextInt());
                case 6 -> new ChainAttribute.Type(random.nextBoolean() ? "nat" : "filter");
                case 7 -> new ChainAttribute.Flags(random.nextInt());
                default -> new ChainAttribute.Other(Generators.unknownAttribute(random, CHAIN_MODELLED));
            });
        }
        return new ChainMessage(header(random), attributes);
    }

    static ChainHook hook(SplittableRandom random) {
        Optional<HookDevice> device = random.nextBoolean() ? Optional.empty()
                : Optional.of(new HookDevice(Generators.name(random), random.nextBoolean()));
        return new ChainHook(random.nextInt(5), random.nextInt(), device);
    }

    static RuleMessage rule(SplittableRandom random) {
        List<RuleAttribute> attributes = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            attributes.add(switch (random.nextInt(6)) {
                case 0 -> new RuleAttribute.Table(Generators.name(random));
                case 1 -> new RuleAttribute.Chain(Generators.name(random));
                case 2 -> new RuleAttribute.Handle(random.nextLong());
                case 3 -> new RuleAttribute.Position(random.nextLong());
                case 4 -> new RuleAttribute.Expressions(Generators.listOf(random, 8, NftGenerators::expression), nesting(random));
                default -> new RuleAttribute.Other(Generators.unknownAttribute(random, RULE_MODELLED));
            });
        }
        return new RuleMessage(header(random), attributes);
    }

    static Expression expression(SplittableRandom random) {
        return switch (random.nextInt(11)) {
            case 0 -> new MetaExpression(random.nextInt(40), optionalInt(random), optionalInt(random));
            case 1 -> new CmpExpression(register(random), random.nextInt(6), data(random));
            case 2 -> new PayloadExpression(register(random), random.nextInt(4), random.nextInt(64), random.nextInt(1, 17));
            case 3 -> new BitwiseExpression(register(random), register(random), random.nextInt(1, 17), optionalInt(random),
                    data(random), data(random));
            case 4 -> new ImmediateExpression(register(random), data(random));
            case 5 -> new NatExpression(random.nextInt(2), random.nextBoolean() ? 2 : 10, optionalInt(random),
                    optionalInt(random), optionalInt(random), optionalInt(random), optionalInt(random));
            case 6 -> new MasqExpression(optionalInt(random), optionalInt(random), optionalInt(random));
            case 7 -> new CounterExpression(optionalLong(random), optionalLong(random));
            case 8 -> new NumgenExpression(register(random), random.nextInt(), random.nextInt(2), random.nextInt());
            case 9 -> new ByteorderExpression(register(random), register(random), random.nextInt(2), random.nextInt(1, 17),
                    random.nextBoolean() ? 2 : 4);
            default -> new RawExpression("x-" + Generators.name(random), Generators.bytes(random, random.nextInt(40)));
        };
    }

    static NftData data(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            Optional<String> chain = random.nextBoolean() ? Optional.of(Generators.name(random)) : Optional.empty();
            return new NftData.Verdict(random.nextInt(-5, 2), chain);
        }
        return new NftData.Value(Generators.bytes(random, random.nextInt(1, 17)));
    }

    static Nesting nesting(SplittableRandom random) {
        return random.nextBoolean() ? Nesting.FLAGGED : Nesting.PLAIN;
    }

    private static int register(SplittableRandom random) {
        return random.nextInt(24);
    }

    private static Optional<Integer> optionalInt(SplittableRandom random) {
        return random.nextBoolean() ? Optional.of(random.nextInt()) : Optional.empty();
    }

    private static Optional<Long> optionalLong(SplittableRandom random) {
        return random.nextBoolean() ? Optional.of(random.nextLong()) : Optional.empty();
    }
}
