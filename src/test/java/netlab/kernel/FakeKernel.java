package netlab.kernel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.PayloadDecoder;
import netlab.sys.NetlinkSocket;
import netlab.sys.Syscall;

/**
 * A kernel played by a plain function from one request to its replies, on the other end of a
 * datagram socketpair, for the channel's correlation and error paths that a real kernel will
 * not produce on demand (an interrupted dump, say).
 */
final class FakeKernel implements EpollIoHandle {
    static final int PORT_ID = 4242;
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;

    private final FileDescriptor fd;
    private final PayloadDecoder decoder;
    private final Function<NlMessage, List<NlMessage>> kernel;
    private final ByteBuf buffer = Unpooled.directBuffer(65536, 65536);

    private FakeKernel(int fd, PayloadDecoder decoder, Function<NlMessage, List<NlMessage>> kernel) {
        this.fd = new FileDescriptor(fd);
        this.decoder = decoder;
        this.kernel = kernel;
    }

    /** Starts the fake on {@code loop} and returns the channel's end as a netlink socket. */
    static NetlinkSocket start(IoEventLoop loop, PayloadDecoder decoder, Function<NlMessage, List<NlMessage>> kernel)
            throws Exception {
        int[] pair = Syscall.socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        FakeKernel fake = new FakeKernel(pair[1], decoder, kernel);
        IoRegistration registration = loop.register(fake).sync().getNow();
        loop.submit(() -> registration.submit(EpollIoOps.EPOLLIN)).sync();
        return NetlinkSocket.adopt(pair[0], NetlinkSocket.NETLINK_ROUTE, PORT_ID);
    }

    @Override
    public FileDescriptor fd() {
        return fd;
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        try {
            int length;
            while ((length = fd.read(buffer.nioBuffer(0, 65536), 0, 65536)) > 0) {
                for (NlMessage request : NetlinkCodec.decode(buffer.setIndex(0, length), decoder)) {
                    ByteBuf replies = Unpooled.directBuffer();
                    NetlinkCodec.encodeAll(kernel.apply(request), replies);
                    ByteBuffer nio = replies.nioBuffer();
                    fd.write(nio, nio.position(), nio.limit());
                    replies.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        buffer.release();
        fd.close();
    }
}
