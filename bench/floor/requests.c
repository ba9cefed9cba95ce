#include "requests.h"

#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <string.h>
#include <sys/socket.h>

static struct ifinfomsg *link_header(struct nlmsghdr *request, int index, unsigned flags)
{
	struct ifinfomsg *link = mnl_nlmsg_put_extra_header(request, sizeof(*link));
	link->ifi_family = AF_UNSPEC;
	link->ifi_index = index;
	link->ifi_flags = flags;
	link->ifi_change = flags;
	return link;
}

void add_bridge(struct rtnl *r, const char *name, uint32_t group)
{
	struct nlmsghdr *request = rtnl_request(r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
	link_header(request, 0, IFF_UP);
	mnl_attr_put_strz(request, IFLA_IFNAME, name);
	mnl_attr_put_u32(request, IFLA_GROUP, group);
	struct nlattr *info = mnl_attr_nest_start(request, IFLA_LINKINFO);
	mnl_attr_put_strz(request, IFLA_INFO_KIND, "bridge");
	mnl_attr_nest_end(request, info);
	rtnl_add(r, request);
}

void add_veth(struct rtnl *r, const char *name, uint32_t group, uint32_t master, const char *peer, int peer_index,
	      int netns_fd)
{
	struct nlmsghdr *request = rtnl_request(r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
	link_header(request, 0, IFF_UP);
	mnl_attr_put_strz(request, IFLA_IFNAME, name);
	mnl_attr_put_u32(request, IFLA_GROUP, group);
	mnl_attr_put_u32(request, IFLA_MASTER, master);
	/* One queue each way: otherwise the kernel makes one per CPU and cuts them down after. */
	mnl_attr_put_u32(request, IFLA_NUM_TX_QUEUES, 1);
	mnl_attr_put_u32(request, IFLA_NUM_RX_QUEUES, 1);
	struct nlattr *info = mnl_attr_nest_start(request, IFLA_LINKINFO);
	mnl_attr_put_strz(request, IFLA_INFO_KIND, "veth");
	struct nlattr *data = mnl_attr_nest_start(request, IFLA_INFO_DATA);
	struct nlattr *peer_info = mnl_attr_nest_start(request, VETH_INFO_PEER);
	/* The peer's index chosen here, so its node's requests need not ask for it. */
	struct ifinfomsg *peer_link = (struct ifinfomsg *)mnl_nlmsg_get_payload_tail(request);
	request->nlmsg_len += MNL_ALIGN(sizeof(*peer_link));
	memset(peer_link, 0, sizeof(*peer_link));
	peer_link->ifi_family = AF_UNSPEC;
	peer_link->ifi_index = peer_index;
	mnl_attr_put_strz(request, IFLA_IFNAME, peer);
	mnl_attr_put_u32(request, IFLA_NET_NS_FD, (uint32_t)netns_fd);
	mnl_attr_put_u32(request, IFLA_NUM_TX_QUEUES, 1);
	mnl_attr_put_u32(request, IFLA_NUM_RX_QUEUES, 1);
	mnl_attr_nest_end(request, peer_info);
	mnl_attr_nest_end(request, data);
	mnl_attr_nest_end(request, info);
	rtnl_add(r, request);
}

void set_up(struct rtnl *r, int index)
{
	struct nlmsghdr *request = rtnl_request(r, RTM_NEWLINK, 0);
	link_header(request, index, IFF_UP);
	rtnl_add(r, request);
}

void add_ipv4_address(struct rtnl *r, int index, uint32_t address, uint8_t prefix)
{
	struct nlmsghdr *request = rtnl_request(r, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
	struct ifaddrmsg *header = mnl_nlmsg_put_extra_header(request, sizeof(*header));
	header->ifa_family = AF_INET;
	header->ifa_prefixlen = prefix;
	header->ifa_index = (uint32_t)index;
	mnl_attr_put_u32(request, IFA_LOCAL, address);
	mnl_attr_put_u32(request, IFA_ADDRESS, address);
	rtnl_add(r, request);
}

void add_default_route(struct rtnl *r, uint32_t gateway)
{
	struct nlmsghdr *request = rtnl_request(r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
	struct rtmsg *header = mnl_nlmsg_put_extra_header(request, sizeof(*header));
	header->rtm_family = AF_INET;
	header->rtm_table = RT_TABLE_MAIN;
	header->rtm_protocol = RTPROT_BOOT;
	header->rtm_scope = RT_SCOPE_UNIVERSE;
	header->rtm_type = RTN_UNICAST;
	mnl_attr_put_u32(request, RTA_GATEWAY, gateway);
	rtnl_add(r, request);
}

void delete_group(struct rtnl *r, uint32_t group)
{
	struct nlmsghdr *request = rtnl_request(r, RTM_DELLINK, 0);
	link_header(request, 0, 0);
	mnl_attr_put_u32(request, IFLA_GROUP, group);
	rtnl_add(r, request);
}
