package netlab.kernel;

import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import netlab.netlink.NlMessage;
import netlab.netlink.PayloadDecoder;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.sys.NetlinkSocket;

/**
 * netlab's access to the kernel: one Netty epoll loop, and netlink channels opened once per
 * (namespace, protocol). A socket is created on a thread inside its namespace and belongs to it
 * from then on; the loop's own thread never changes namespace.
 */
public final class Kernel implements AutoCloseable {
    /**
     * equals and hashCode written out: a record's generated ones are slow until compiled, and a
     * big lab looks its channels up thousands of times.
     */
    private record Key(long namespaceInode, int protocol) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && namespaceInode == that.namespaceInode && protocol == that.protocol;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(namespaceInode) * 31 + protocol;
        }
    }

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final Map<Key, NetlinkChannel> channels = new HashMap<>();
    private final List<NetlinkChannel> subscriptions = new ArrayList<>();

    private IoEventLoop loop() {
        return group.next();
    }

    /** The request channel for {@code protocol} in {@code namespace}, opened on first use. */
    public synchronized NetlinkChannel channel(NetNamespace namespace, int protocol, PayloadDecoder decoder) {
        return channels.computeIfAbsent(new Key(namespace.inode(), protocol), key -> NetlinkChannel.register(
                namespace.call(() -> NetlinkSocket.open(protocol, 0)), loop(), decoder));
    }

    /** The rtnetlink request channel of {@code namespace}, opened on first use. */
    public NetlinkChannel route(NetNamespace namespace) {
        return channel(namespace, NetlinkSocket.NETLINK_ROUTE, RtnetlinkDecoder.INSTANCE);
    }

    /**
     * An rtnetlink channel in the namespace of the calling thread, opened there: entering even
     * one's own namespace (setns) needs CAP_SYS_ADMIN, which an ordinary user lacks. The caller
     * closes it.
     */
    public NetlinkChannel routeHere() {
        return NetlinkChannel.register(NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0), loop(), RtnetlinkDecoder.INSTANCE);
    }

    /**
     * Takes over each socket, opened inside its namespace, as that namespace's request channel
     * for the socket's protocol; all registered on the loop at once.
     */
    public synchronized void adoptAll(Map<NetNamespace, NetlinkSocket> sockets, PayloadDecoder decoder) {
        List<Key> keys = new ArrayList<>();
        sockets.forEach((namespace, socket) -> keys.add(new Key(namespace.inode(), socket.protocol())));
        if (keys.stream().anyMatch(channels::containsKey) || new HashSet<>(keys).size() < keys.size()) {
            sockets.values().forEach(NetlinkSocket::close);
            throw new IllegalStateException("a channel for one of " + sockets.keySet() + " is open already");
        }
        List<NetlinkChannel> adopted = NetlinkChannel.registerAll(List.copyOf(sockets.values()), loop(), decoder);
        for (int i = 0; i < keys.size(); i++) {
            channels.put(keys.get(i), adopted.get(i));
        }
    }

    /** Delivers the notifications of the multicast {@code groups} of {@code namespace} to {@code listener}. */
    public synchronized NetlinkChannel subscribe(NetNamespace namespace, int protocol, int groups,
            PayloadDecoder decoder, Consumer<NlMessage> listener) {
        NetlinkChannel channel = NetlinkChannel.register(
                namespace.call(() -> NetlinkSocket.open(protocol, groups)), loop(), decoder, listener);
        subscriptions.add(channel);
        return channel;
    }

    /** Closes the channels of a namespace about to be deleted, so no socket keeps it alive. */
    public synchronized void forget(NetNamespace namespace) {
        channels.entrySet().removeIf(entry -> {
            if (entry.getKey().namespaceInode() == namespace.inode()) {
                entry.getValue().close();
                return true;
            }
            return false;
        });
    }

    @Override
    public synchronized void close() {
        List<NetlinkChannel> all = new ArrayList<>(channels.values());
        all.addAll(subscriptions);
        NetlinkChannel.closeAll(all);
        channels.clear();
        subscriptions.clear();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
