package netlab.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import netlab.sys.Syscall;

/**
 * Creates many named namespaces at once, in two halves. First a few platform threads make the
 * namespaces, unnamed: {@code unshare(CLONE_NEWNET)} moves the calling thread into a new one, so
 * a worker goes from one new namespace straight to the next, holding each by a descriptor and
 * running the caller's {@link Setup} inside it (open a socket, say), which saves a second trip
 * into every namespace. Then the caller hears each namespace's identity ({@code beforeNaming}:
 * the lab's record is written there), and only then is each bind-mounted at /run/netns/NAME, as
 * {@code ip netns add} leaves it. So a namespace's name never exists before its identity is
 * recorded, and a record can always tell the lab's namespace from one someone else made under
 * that name after netlab died. Measured on a 2-core machine: creating 1000 namespaces takes
 * 2.6 s with a fresh thread each and the calling thread waiting, and about half of that on two
 * workers.
 */
public final class NamespaceBatch {
    /** What to do inside each new namespace, on the thread that just made it. */
    @FunctionalInterface
    public interface Setup<T> {
        T inside(String name) throws Exception;
    }

    /** A namespace that exists now; {@code setup} is null if the setup inside it failed. */
    public record Made<T>(NetNamespace namespace, NamespaceIdentity identity, T setup) {}

    /** Why the batch stopped: the first namespace that could not be made, set up or named. */
    public record Failure(String name, RuntimeException cause) {}

    /**
     * Every namespace that exists under its name because of this batch, in request order (so the
     * caller can record and remove them), the names it recorded but could not bind (taken
     * meanwhile), and the failure that stopped it, if one did. After a failure no new namespace
     * is made or named; those made but not named are gone again.
     */
    public record Result<T>(Map<String, Made<T>> made, List<String> notNamed, Optional<Failure> failure) {}

    private NamespaceBatch() {}

    /** As {@link #create(List, int, Setup, Consumer)}, telling no one the identities. */
    public static <T> Result<T> create(List<String> names, int workers, Setup<T> setup) {
        return create(names, workers, setup, identities -> { });
    }

    /**
     * Makes the namespaces, tells {@code beforeNaming} their identities (by name, in request
     * order), then names them. If {@code beforeNaming} throws, no namespace is named and all are
     * gone again.
     */
    public static <T> Result<T> create(List<String> names, int workers, Setup<T> setup,
            Consumer<Map<String, NamespaceIdentity>> beforeNaming) {
        List<Path> paths = names.stream().map(NamedNamespaces::pathOf).toList();
        List<Made<T>> unnamed = new ArrayList<>(Collections.nCopies(names.size(), null));
        AtomicReference<Failure> failure = new AtomicReference<>();
        makeUnnamed(names, workers, setup, unnamed, failure);
        Map<String, NamespaceIdentity> identities = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (unnamed.get(i) != null) {
                identities.put(names.get(i), unnamed.get(i).identity());
            }
        }
        Map<String, Made<T>> made = new LinkedHashMap<>();
        List<String> notNamed = new ArrayList<>();
        try {
            beforeNaming.accept(identities);
            NamedNamespaces.prepareRunDir();
            for (int i = 0; i < names.size(); i++) {
                Made<T> one = unnamed.get(i);
                if (one == null) {
                    continue;
                }
                if (failure.get() == null) {
                    try {
                        NamedNamespaces.bind(paths.get(i), one.namespace());
                        made.put(names.get(i), one);
                        continue;
                    } catch (RuntimeException e) {
                        failure.set(new Failure(names.get(i), e));
                    }
                }
                notNamed.add(names.get(i));
            }
        } finally {
            // Made but never named (a failure, or beforeNaming threw): released, they vanish.
            for (int i = 0; i < names.size(); i++) {
                if (unnamed.get(i) != null && !made.containsKey(names.get(i))) {
                    release(unnamed.get(i));
                }
            }
        }
        return new Result<>(made, notNamed, Optional.ofNullable(failure.get()));
    }

    /** The first half, on the workers: each namespace made, held by a descriptor, and set up. */
    private static <T> void makeUnnamed(List<String> names, int workers, Setup<T> setup, List<Made<T>> made,
            AtomicReference<Failure> failure) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < names.size() && failure.get() == null; i = next.getAndIncrement()) {
                String name = names.get(i);
                NetNamespace namespace;
                NamespaceIdentity identity;
                try {
                    namespace = NamedNamespaces.createUnnamedHere(name);
                    identity = new NamespaceIdentity(namespace.inode(), Syscall.netnsCookie());
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new Failure(name, e));
                    return;
                }
                try {
                    made.set(i, new Made<>(namespace, identity, setup.inside(name)));
                } catch (Exception e) {
                    made.set(i, new Made<>(namespace, identity, null));
                    failure.compareAndSet(null, new Failure(name,
                            e instanceof RuntimeException r ? r : new IllegalStateException(e)));
                    return;
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.min(workers, names.size()); w++) {
            threads.add(Thread.ofPlatform().name("netlab-netns-add-" + w).daemon(true).start(worker));
        }
        joinAll(threads);
    }

    /** A namespace that never got its name: its descriptor and its setup's resources closed. */
    private static void release(Made<?> made) {
        made.namespace().close();
        if (made.setup() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // The namespace vanishes with its last descriptor whatever happens here.
            }
        }
    }

    /** Waits for every worker even when interrupted: a namespace half made must be accounted for. */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
