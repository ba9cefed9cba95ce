package netlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import netlab.sys.Syscall;

/**
 * Network sysctls of one namespace. /proc/sys/net resolves against the namespace of the thread
 * that opens the file, so every access runs on a thread inside the target namespace.
 */
public final class Sysctl {
    /** What /proc/sys holds at a key. */
    public enum Kind {
        /** A setting that can be written. */
        SETTING,
        /** A setting only the kernel changes here (mode 0444: EACCES, for root too). */
        READ_ONLY,
        /** A group of settings. */
        DIRECTORY,
        MISSING
    }

    private Sysctl() {}

    /**
     * Runs {@code task} on a fresh thread in a new network namespace of its own, with no name,
     * which goes with the thread: a look at what every node's namespace starts with (its
     * /proc/sys/net, say) that changes nothing anyone can see.
     */
    public static <T> T inNewNamespace(Callable<T> task) {
        return InNamespace.onNewThread("netlab-netns-new", () -> {
            Syscall.unshare(Syscall.CLONE_NEWNET);
            return task.call();
        });
    }

    /**
     * What {@code key} is in the namespace of the calling thread (inside {@link
     * NetNamespace#call} or {@link #inNewNamespace}). Equivalent to: {@code test -w
     * /proc/sys/net/...}.
     */
    public static Kind kindHere(String key) {
        Path file = pathOf(key);
        if (Files.isDirectory(file)) {
            return Kind.DIRECTORY;
        }
        if (!Files.exists(file)) {
            return Kind.MISSING;
        }
        return Files.isWritable(file) ? Kind.SETTING : Kind.READ_ONLY;
    }

    /**
     * The names in the group {@code key} (net.ipv4 holds ip_forward, conf, ...) in the namespace
     * of the calling thread; empty when it is not a group. Equivalent to: {@code ls
     * /proc/sys/net/ipv4}.
     */
    public static List<String> entriesHere(String key) {
        Path directory = key.equals("net") ? Path.of("/proc/sys/net") : pathOf(key);
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Equivalent to: {@code ip netns exec NS sysctl -n KEY}. */
    public static String read(NetNamespace namespace, String key) {
        Path file = pathOf(key);
        return namespace.call(() -> readOnce(file));
    }

    /**
     * Equivalent to: {@code ip netns exec NS sysctl -w KEY=VALUE}. Returns the value it replaced,
     * so the caller can put it back.
     */
    public static String write(NetNamespace namespace, String key, String value) {
        Path file = pathOf(key);
        return namespace.call(() -> {
            String old = readOnce(file);
            try {
                Files.writeString(file, value);
            } catch (IOException e) {
                // The kernel's reason (EINVAL for a value it does not take) is the useful part.
                throw new UncheckedIOException("cannot set " + key + "=" + value + " in " + namespace.describe()
                        + ": " + e.getMessage(), e);
            }
            return old;
        });
    }

    /**
     * Puts a recorded value back: as {@link #write}, but a key that no longer exists is nothing
     * to restore (a key of an interface the lab made, such as net.ipv4.conf.br0.proxy_arp, goes
     * with the interface). Returns whether the key existed.
     */
    public static boolean restore(NetNamespace namespace, String key, String value) {
        Path file = pathOf(key);
        return namespace.call(() -> {
            try {
                // No CREATE: /proc/sys has every key it has, and a vanished one is not made.
                Files.writeString(file, value, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set " + key + "=" + value + " in " + namespace.describe()
                        + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * net.ipv4.ip_forward -> /proc/sys/net/ipv4/ip_forward. Only net.* keys of non-empty parts
     * without '/' or control characters: the same rule as the language's, so a part may be an
     * interface name such as {@code e*} or {@code x'y} ({@code net.ipv4.conf.e*.forwarding}), and
     * no key leads out of /proc/sys/net.
     */
    static Path pathOf(String key) {
        String[] parts = key.split("\\.", -1);
        boolean valid = parts.length >= 2 && parts[0].equals("net");
        for (String part : parts) {
            valid &= !part.isEmpty() && part.indexOf('/') < 0 && part.chars().noneMatch(Character::isISOControl);
        }
        if (!valid) {
            throw new IllegalArgumentException("not a network sysctl key: '" + key + "'");
        }
        return Path.of("/proc/sys", parts);
    }

    /**
     * In one read(2), as sysctl(8) reads: a /proc/sys file has size 0, so Files.readString reads
     * one byte first and then goes on at offset 1, where the kernel's numeric sysctls answer end of
     * file (64 would read as "6").
     */
    public static String readOnce(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_VALUE_BYTES), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** More than any net.* value holds (the longest are lists of a few numbers). */
    private static final int MAX_VALUE_BYTES = 4096;
}
