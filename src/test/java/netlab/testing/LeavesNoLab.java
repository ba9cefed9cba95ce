package netlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(LeavesNoLab.class)}: after each test no lab is up ({@code netlab ls}) and
 * nothing a lab could leave behind differs from before the test ({@link KernelTraces}).
 */
public final class LeavesNoLab implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(LeavesNoLab.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(STORE).put("before", KernelTraces.take());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(NetlabRunner.inProcess("ls").out()).isEqualTo("no lab is up\n");
        assertThat(KernelTraces.take()).isEqualTo(context.getStore(STORE).get("before", KernelTraces.class));
    }
}
