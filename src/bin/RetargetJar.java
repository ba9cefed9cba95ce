import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the Java 5 class files of a jar (major version 49) as Java 8 ones (52) with stack
 * maps, and changes nothing else, so that the JDK's AOT cache can hold them: it skips classes
 * older than Java 6 ("Skipping picocli/CommandLine: Old class has been linked"), and picocli is
 * built for Java 5. Every rewritten class must pass the JDK's verifier, or the jar stays as it
 * was. Run by src/bin/train-aot on the launcher's copy in src/target/lib, never on Maven's.
 *
 * <p>Usage: {@code java RetargetJar.java JAR...}; exits 0 when each jar is rewritten or needs
 * nothing.
 */
public final class RetargetJar {
    private static final int JAVA_5 = 49;
    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        int status = 0;
        for (String arg : args) {
            if (!retarget(Path.of(arg).toAbsolutePath())) {
                status = 1;
            }
        }
        System.exit(status);
    }

    /** False when a class would not verify; the jar is then left as it was. */
    private static boolean retarget(Path jar) throws IOException {
        Map<String, byte[]> entries = read(jar);
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(
                        (ClassDesc desc) -> stream(entries, desc)))));
        int rewritten = 0;
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (!entry.getKey().endsWith(".class") || entry.getKey().startsWith("META-INF/")) {
                continue;
            }
            ClassModel model = classFile.parse(entry.getValue());
            if (model.majorVersion() > JAVA_5) {
                continue;
            }
            // Rebuilding every method body is what makes the ClassFile API compute stack maps.
            byte[] bytes = classFile.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> {
                        if (element instanceof ClassFileVersion) {
                            builder.withVersion(JAVA_8, 0);
                        } else {
                            builder.with(element);
                        }
                    }));
            List<VerifyError> errors = classFile.verify(bytes);
            if (!errors.isEmpty()) {
                System.err.println("RetargetJar: " + entry.getKey() + " does not verify, " + jar + " unchanged: "
                        + errors.getFirst().getMessage());
                return false;
            }
            entry.setValue(bytes);
            rewritten++;
        }
        if (rewritten > 0) {
            write(jar, entries);
        }
        return true;
    }

    /** Every file of the jar in its order (the manifest stays first), directories left out. */
    private static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return entries;
    }

    private static InputStream stream(Map<String, byte[]> entries, ClassDesc desc) {
        String descriptor = desc.descriptorString(); // "Lpicocli/CommandLine$Help;"
        byte[] bytes = entries.get(descriptor.substring(1, descriptor.length() - 1) + ".class");
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    /** Replaces the jar in one step, so that a failure halfway leaves the old one. */
    private static void write(Path jar, Map<String, byte[]> entries) throws IOException {
        Path temporary = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(jar));
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
