package netlab.executor.held;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sysctl's value, read as sysctl(8) reads it: in one read(2). The kernel's numeric sysctls
 * (proc_dointvec and its kin, kernel/sysctl.c) answer a read at any offset but 0 with end of
 * file, and Files.readString reads a file whose size is 0, as every /proc/sys file's is, one
 * byte first: it would see "1" in "1\t0" and "9" in "96363".
 */
final class ProcSys {
    private ProcSys() {}

    /** Equivalent to: {@code sysctl -n KEY} for {@code KEY} given as its path under /proc/sys. */
    static String read(String path) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys", path))) {
            byte[] value = new byte[4096];
            int length = in.read(value);
            return length <= 0 ? "" : new String(value, 0, length, StandardCharsets.US_ASCII).strip();
        }
    }
}
