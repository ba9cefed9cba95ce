package netlab.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that touches the kernel. It runs only inside the private sandbox that
 * {@code src/test/sandbox/bin/java} sets up; anywhere else (an IDE on the developer's own
 * machine, say) it fails at once instead of changing the machine's real network.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel")
@ExtendWith(SandboxGuard.class)
public @interface KernelTest {}
