package netlab.kernel;

import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;

/** The index of a link by name, read through a channel: what differential tests name devices by. */
final class LinkIndexes {
    private LinkIndexes() {}

    static int of(NetlinkChannel route, String name) {
        for (NlMessage reply : route.call(new NetlinkRequest("list the links", LinkRequests.dump()))) {
            LinkMessage link = (LinkMessage) reply.payload();
            if (link.name().filter(name::equals).isPresent()) {
                return link.index();
            }
        }
        throw new AssertionError("no link " + name);
    }
}
