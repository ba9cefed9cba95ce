package netlab.netlink;

import java.util.List;
import java.util.Optional;

/** Lookups over a message's attribute list, shared by every family's accessors. */
public final class Attributes {
    private Attributes() {}

    /** The first attribute of record type {@code kind}, as the kernel reads only the first. */
    public static <A, T extends A> Optional<T> first(List<A> attributes, Class<T> kind) {
        return attributes.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }
}
