package netlab.netlink.nftables.nat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import netlab.netlink.testing.Generators;

/** Random valid source-NAT rules of both families, leaning towards the edges: odd names, /1, /31, /127, full length, ::ffff:. */
final class NatGenerators {
    /** Letters interface names have, and characters nft must quote or escape (a trailing * becomes \*), UTF-8 among them. */
    private static final String NAME_CHARACTERS = "abcxyz019-_.@#$'{};*\\ëñ€";

    private NatGenerators() {}

    static SourceNatRule rule(SplittableRandom random) {
        IpFamily family = random.nextBoolean() ? IpFamily.IPV4 : IpFamily.IPV6;
        return new SourceNatRule(family,
                random.nextBoolean() ? Optional.of(interfaceName(random)) : Optional.empty(),
                random.nextBoolean() ? Optional.of(prefix(random, family)) : Optional.empty(),
                random.nextBoolean() ? Optional.of(prefix(random, family)) : Optional.empty(),
                random.nextBoolean() ? Optional.of(address(random, family)) : Optional.empty());
    }

    /** 1..15 bytes of {@link #NAME_CHARACTERS}, drawn again when it is a name nft or the kernel refuses ({@code ..}, {@code x\*}). */
    static String interfaceName(SplittableRandom random) {
        while (true) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(1, 16);
            for (int i = 0; i < length; i++) {
                String next = name.toString() + NAME_CHARACTERS.charAt(random.nextInt(NAME_CHARACTERS.length()));
                if (next.getBytes(StandardCharsets.UTF_8).length < 16) {
                    name.setLength(0);
                    name.append(next);
                }
            }
            try {
                return InterfaceName.require(name.toString());
            } catch (IllegalArgumentException refused) {
                // drawn again
            }
        }
    }

    static PrefixMatch prefix(SplittableRandom random, IpFamily family) {
        int max = family.maxPrefixLength();
        int length = switch (random.nextInt(5)) {
            case 0 -> 1;
            case 1 -> max - 1;
            case 2 -> max;
            case 3 -> 8 * random.nextInt(1, max / 8 + 1);
            default -> random.nextInt(1, max + 1);
        };
        byte[] network = address(random, family).getAddress();
        for (int bit = length; bit < max; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> bit % 8);
        }
        return new PrefixMatch(family.address(network), length, random.nextBoolean());
    }

    /** Any address of the family; an IPv6 one is IPv4-mapped one time in four. */
    static InetAddress address(SplittableRandom random, IpFamily family) {
        byte[] bytes = Generators.bytes(random, family.addressBytes());
        if (family == IpFamily.IPV6 && random.nextInt(4) == 0) {
            System.arraycopy(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1}, 0, bytes, 0, 12);
        }
        return family.address(bytes);
    }
}
