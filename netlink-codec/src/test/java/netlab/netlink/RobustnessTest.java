package netlab.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Generators;
import netlab.netlink.testing.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whatever the bytes, decoding ends quickly with messages or a {@link CodecException}: random
 * bytes, every truncation of every captured fixture, and random bit flips in them.
 */
class RobustnessTest {
    /** The decoder for each fixture folder; a new family adds its folder here. */
    private static final Map<String, PayloadDecoder> DECODERS = Map.of(
            "envelope", RtnetlinkDecoder.INSTANCE,
            "route", RtnetlinkDecoder.INSTANCE,
            "nftables", NftablesDecoder.INSTANCE);

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TestFactory
    Stream<DynamicTest> everyFixtureSurvivesTruncationAndBitFlips() {
        return fixtures().map(path -> DynamicTest.dynamicTest(path, () -> {
            PayloadDecoder decoder = DECODERS.get(path.substring(0, path.indexOf('/')));
            byte[] bytes = Fixture.load(path).bytes();
            assertTimeoutPreemptively(BOUND, () -> {
                for (int length = 0; length < bytes.length; length++) {
                    decodeOrCodecError(java.util.Arrays.copyOf(bytes, length), decoder);
                }
                // Cut inside the first message with its length patched to match, so the envelope
                // accepts it and the cut reaches the payload's own decoders.
                int first = bytes.length >= NlMsgHeader.SIZE ? HostOrder.getInt(Unpooled.wrappedBuffer(bytes), 0) : 0;
                for (int length = NlMsgHeader.SIZE; length < Math.min(first, bytes.length); length++) {
                    byte[] cut = java.util.Arrays.copyOf(bytes, length);
                    HostOrder.setInt(Unpooled.wrappedBuffer(cut), 0, length);
                    decodeOrCodecError(cut, decoder);
                }
                Property.forAll("bit flips of " + path, 300, random -> {
                    byte[] flipped = bytes.clone();
                    int flips = random.nextInt(1, 4);
                    for (int i = 0; i < flips; i++) {
                        int bit = random.nextInt(flipped.length * 8);
                        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    decodeOrCodecError(flipped, decoder);
                });
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomBytesNeverEscapeTheCodecException() {
        return DECODERS.entrySet().stream().map(family -> DynamicTest.dynamicTest(family.getKey(), () ->
                assertTimeoutPreemptively(BOUND, () -> Property.forAll("random bytes " + family.getKey(), 4000,
                        random -> decodeOrCodecError(randomDatagram(random, family.getKey()), family.getValue())))));
    }

    /**
     * Random bytes, often behind a plausible header of a type the family's decoder knows (every
     * rtnetlink type up to RTM_GETNEXTHOP, every nf_tables type, the control types), so the
     * decoders' inner paths are reached for each of them.
     */
    private static byte[] randomDatagram(SplittableRandom random, String family) {
        byte[] bytes = Generators.bytes(random, random.nextInt(0, 300));
        if (bytes.length >= NlMsgHeader.SIZE && random.nextInt(4) > 0) {
            io.netty.buffer.ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
            HostOrder.setInt(buffer, 0, bytes.length);
            int type = random.nextInt(8) == 0 ? random.nextInt(0, 0x20) // NLMSG_ERROR, NLMSG_DONE, batch markers
                    : family.equals("nftables") ? 0x0a00 | random.nextInt(0, 0x28) : random.nextInt(0x10, 0x6c);
            HostOrder.setShort(buffer, 4, type);
        }
        return bytes;
    }

    private static void decodeOrCodecError(byte[] bytes, PayloadDecoder decoder) {
        assertThatCode(() -> {
            try {
                List<NlMessage> messages = NetlinkCodec.decode(Unpooled.wrappedBuffer(bytes), decoder);
                assertThat(NetlinkPrinter.print(messages, decoder)).isNotNull();
            } catch (CodecException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }

    private static Stream<String> fixtures() {
        try {
            Path root = Path.of(RobustnessTest.class.getResource("/fixtures").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                List<String> paths = files.filter(p -> p.toString().endsWith(".txt"))
                        .map(p -> root.relativize(p).toString())
                        .filter(p -> DECODERS.containsKey(p.substring(0, p.indexOf('/'))))
                        .sorted().toList();
                assertThat(paths).isNotEmpty();
                return paths.stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
