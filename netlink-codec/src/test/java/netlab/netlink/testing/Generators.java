package netlab.netlink.testing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import netlab.netlink.MacAddress;
import netlab.netlink.NlAttr;
import netlab.netlink.RawAttribute;

/** Random building blocks for property tests: addresses, names, unknown attributes. */
public final class Generators {
    private Generators() {}

    public static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    public static InetAddress ipv4(SplittableRandom random) {
        try {
            return InetAddress.getByAddress(bytes(random, 4));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public static InetAddress ipv6(SplittableRandom random) {
        try {
            return Inet6Address.getByAddress(null, bytes(random, 16), -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public static InetAddress address(SplittableRandom random) {
        return random.nextBoolean() ? ipv4(random) : ipv6(random);
    }

    public static MacAddress mac(SplittableRandom random) {
        return new MacAddress(bytes(random, 6));
    }

    /** A printable name of 1..15 characters, as interface names are. */
    public static String name(SplittableRandom random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.";
        StringBuilder name = new StringBuilder();
        int length = random.nextInt(1, 16);
        for (int i = 0; i < length; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    public static int u8(SplittableRandom random) {
        return random.nextInt(256);
    }

    public static int u16(SplittableRandom random) {
        return random.nextInt(65536);
    }

    /**
     * An attribute of a type the family does not model ({@code modelled} are excluded), with a
     * random value of 0..40 bytes and, sometimes, the nested or byte-order flag.
     */
    public static RawAttribute unknownAttribute(SplittableRandom random, Set<Integer> modelled) {
        int type;
        do {
            type = random.nextInt(1, 200);
        } while (modelled.contains(type));
        int flags = switch (random.nextInt(4)) {
            case 0 -> NlAttr.NLA_F_NESTED;
            case 1 -> NlAttr.NLA_F_NET_BYTEORDER;
            default -> 0;
        };
        return new RawAttribute(type | flags, bytes(random, random.nextInt(41)));
    }

    /** 0..max items made by {@code item}. */
    public static <T> List<T> listOf(SplittableRandom random, int max, Function<SplittableRandom, T> item) {
        List<T> items = new ArrayList<>();
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            items.add(item.apply(random));
        }
        return items;
    }
}
