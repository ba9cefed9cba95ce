package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Network sysctls of one namespace. /proc/sys/net resolves against the namespace of the thread
 * that opens the file, so every access runs on a thread inside the target namespace.
 */
public final class Sysctl {
    private Sysctl() {}

    /** Equivalent to: {@code ip netns exec NS sysctl -n KEY}. */
    public static String read(NetNamespace namespace, String key) {
        Path file = pathOf(key);
        return namespace.call(() -> readFile(file));
    }

    /**
     * Equivalent to: {@code ip netns exec NS sysctl -w KEY=VALUE}. Returns the value it replaced,
     * so the caller can put it back.
     */
    public static String write(NetNamespace namespace, String key, String value) {
        Path file = pathOf(key);
        return namespace.call(() -> {
            String old = readFile(file);
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

    private static String readFile(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
