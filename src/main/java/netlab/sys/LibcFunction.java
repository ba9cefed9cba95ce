package netlab.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * One C library function, linked on its first call. Linking costs milliseconds (the JDK
 * generates and loads code for each signature) and a run of netlab calls only a few of the
 * functions {@link Libc} knows: {@code netlab exec} needs none of the socket calls.
 */
final class LibcFunction {
    private static final Linker LINKER = Linker.nativeLinker();

    private final String name;
    private final FunctionDescriptor descriptor;
    private final Linker.Option[] options;
    private volatile MethodHandle handle;

    LibcFunction(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        this.name = name;
        this.descriptor = descriptor;
        this.options = options;
    }

    /** The downcall handle; two threads racing here link the same function twice, harmlessly. */
    MethodHandle handle() {
        MethodHandle linked = handle;
        if (linked == null) {
            MemorySegment symbol = LINKER.defaultLookup().find(name)
                    .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
            linked = LINKER.downcallHandle(symbol, descriptor, options);
            handle = linked;
        }
        return linked;
    }
}
