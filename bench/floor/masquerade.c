#include "masquerade.h"

#include <errno.h>
#include <libmnl/libmnl.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/table.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static void die(const char *what)
{
	fprintf(stderr, "floor: nf_tables %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Sends one transaction and reads the answers to its requests (an error ends the program). */
static void commit(char *buffer, size_t length, uint32_t first_seq, uint32_t last_seq)
{
	struct mnl_socket *nl = mnl_socket_open(NETLINK_NETFILTER);
	if (nl == NULL || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		die("socket");
	if (mnl_socket_sendto(nl, buffer, length) < 0)
		die("send");
	/* Every request of the batch asked for an acknowledgement; an error ends it early. */
	char answer[MNL_SOCKET_BUFFER_SIZE];
	uint32_t acknowledged = first_seq;
	while (acknowledged <= last_seq) {
		ssize_t got = mnl_socket_recvfrom(nl, answer, sizeof(answer));
		if (got < 0)
			die("receive");
		int left = (int)got;
		for (struct nlmsghdr *m = (struct nlmsghdr *)answer; mnl_nlmsg_ok(m, left); m = mnl_nlmsg_next(m, &left)) {
			if (m->nlmsg_type != NLMSG_ERROR)
				continue;
			struct nlmsgerr *error = mnl_nlmsg_get_payload(m);
			if (error->error != 0) {
				errno = -error->error;
				die("request");
			}
			acknowledged++;
		}
	}
	mnl_socket_close(nl);
}

static void put_expression(struct nftnl_rule *rule, struct nftnl_expr *expression)
{
	nftnl_rule_add_expr(rule, expression);
}

/* reg 1 = the IPv4 header's 4 bytes at `offset` & mask, compared to net with `op`. */
static void match_address(struct nftnl_rule *rule, uint32_t offset, uint32_t net, uint32_t mask, uint32_t op)
{
	struct nftnl_expr *load = nftnl_expr_alloc("payload");
	nftnl_expr_set_u32(load, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
	nftnl_expr_set_u32(load, NFTNL_EXPR_PAYLOAD_BASE, NFT_PAYLOAD_NETWORK_HEADER);
	nftnl_expr_set_u32(load, NFTNL_EXPR_PAYLOAD_OFFSET, offset);
	nftnl_expr_set_u32(load, NFTNL_EXPR_PAYLOAD_LEN, 4);
	put_expression(rule, load);
	uint32_t zero = 0;
	struct nftnl_expr *bitwise = nftnl_expr_alloc("bitwise");
	nftnl_expr_set_u32(bitwise, NFTNL_EXPR_BITWISE_SREG, NFT_REG_1);
	nftnl_expr_set_u32(bitwise, NFTNL_EXPR_BITWISE_DREG, NFT_REG_1);
	nftnl_expr_set_u32(bitwise, NFTNL_EXPR_BITWISE_LEN, 4);
	nftnl_expr_set(bitwise, NFTNL_EXPR_BITWISE_MASK, &mask, 4);
	nftnl_expr_set(bitwise, NFTNL_EXPR_BITWISE_XOR, &zero, 4);
	put_expression(rule, bitwise);
	struct nftnl_expr *compare = nftnl_expr_alloc("cmp");
	nftnl_expr_set_u32(compare, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(compare, NFTNL_EXPR_CMP_OP, op);
	nftnl_expr_set(compare, NFTNL_EXPR_CMP_DATA, &net, 4);
	put_expression(rule, compare);
}

void add_masquerade(const char *name, uint32_t net, uint32_t mask)
{
	static char buffer[1 << 14];
	struct mnl_nlmsg_batch *batch = mnl_nlmsg_batch_start(buffer, sizeof(buffer));
	uint32_t seq = 1;
	nftnl_batch_begin(mnl_nlmsg_batch_current(batch), seq++);
	mnl_nlmsg_batch_next(batch);
	uint32_t first = seq;

	struct nftnl_table *table = nftnl_table_alloc();
	nftnl_table_set_str(table, NFTNL_TABLE_NAME, name);
	struct nlmsghdr *request = nftnl_nlmsg_build_hdr(mnl_nlmsg_batch_current(batch), NFT_MSG_NEWTABLE, NFPROTO_IPV4,
							 NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK, seq++);
	nftnl_table_nlmsg_build_payload(request, table);
	mnl_nlmsg_batch_next(batch);

	struct nftnl_chain *chain = nftnl_chain_alloc();
	nftnl_chain_set_str(chain, NFTNL_CHAIN_TABLE, name);
	nftnl_chain_set_str(chain, NFTNL_CHAIN_NAME, "postrouting");
	nftnl_chain_set_str(chain, NFTNL_CHAIN_TYPE, "nat");
	nftnl_chain_set_u32(chain, NFTNL_CHAIN_HOOKNUM, NF_INET_POST_ROUTING);
	nftnl_chain_set_s32(chain, NFTNL_CHAIN_PRIO, 100); /* srcnat */
	nftnl_chain_set_u32(chain, NFTNL_CHAIN_POLICY, NF_ACCEPT);
	request = nftnl_nlmsg_build_hdr(mnl_nlmsg_batch_current(batch), NFT_MSG_NEWCHAIN, NFPROTO_IPV4,
					NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK, seq++);
	nftnl_chain_nlmsg_build_payload(request, chain);
	mnl_nlmsg_batch_next(batch);

	struct nftnl_rule *rule = nftnl_rule_alloc();
	nftnl_rule_set_str(rule, NFTNL_RULE_TABLE, name);
	nftnl_rule_set_str(rule, NFTNL_RULE_CHAIN, "postrouting");
	match_address(rule, 12, net, mask, NFT_CMP_EQ);  /* saddr */
	match_address(rule, 16, net, mask, NFT_CMP_NEQ); /* daddr */
	put_expression(rule, nftnl_expr_alloc("masq"));
	request = nftnl_nlmsg_build_hdr(mnl_nlmsg_batch_current(batch), NFT_MSG_NEWRULE, NFPROTO_IPV4,
					NLM_F_CREATE | NLM_F_APPEND | NLM_F_ACK, seq++);
	nftnl_rule_nlmsg_build_payload(request, rule);
	mnl_nlmsg_batch_next(batch);
	uint32_t last = seq - 1;

	nftnl_batch_end(mnl_nlmsg_batch_current(batch), seq);
	mnl_nlmsg_batch_next(batch);
	commit(mnl_nlmsg_batch_head(batch), mnl_nlmsg_batch_size(batch), first, last);
	nftnl_rule_free(rule);
	nftnl_chain_free(chain);
	nftnl_table_free(table);
	mnl_nlmsg_batch_stop(batch);
}

void delete_table(const char *name)
{
	static char buffer[1 << 12];
	struct mnl_nlmsg_batch *batch = mnl_nlmsg_batch_start(buffer, sizeof(buffer));
	nftnl_batch_begin(mnl_nlmsg_batch_current(batch), 1);
	mnl_nlmsg_batch_next(batch);
	struct nftnl_table *table = nftnl_table_alloc();
	nftnl_table_set_str(table, NFTNL_TABLE_NAME, name);
	struct nlmsghdr *request = nftnl_nlmsg_build_hdr(mnl_nlmsg_batch_current(batch), NFT_MSG_DELTABLE, NFPROTO_IPV4,
							 NLM_F_ACK, 2);
	nftnl_table_nlmsg_build_payload(request, table);
	mnl_nlmsg_batch_next(batch);
	nftnl_batch_end(mnl_nlmsg_batch_current(batch), 3);
	mnl_nlmsg_batch_next(batch);
	commit(mnl_nlmsg_batch_head(batch), mnl_nlmsg_batch_size(batch), 2, 2);
	nftnl_table_free(table);
	mnl_nlmsg_batch_stop(batch);
}
