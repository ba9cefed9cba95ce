#include "rtnl.h"

#include <errno.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Room left for the largest request this program builds (a veth pair: about 200 bytes). */
#define REQUEST_ROOM 512

static void die(const char *what, int error)
{
	fprintf(stderr, "floor: %s: %s\n", what, strerror(error));
	exit(1);
}

void rtnl_open(struct rtnl *r, size_t capacity)
{
	int on = 1, room = 4 << 20;
	r->socket = mnl_socket_open(NETLINK_ROUTE);
	/* Acknowledgements without a copy of the request, and room for a whole flush of them. */
	if (r->socket == NULL || mnl_socket_bind(r->socket, 0, MNL_SOCKET_AUTOPID) < 0
	    || mnl_socket_setsockopt(r->socket, NETLINK_CAP_ACK, &on, sizeof(on)) < 0
	    || setsockopt(mnl_socket_get_fd(r->socket), SOL_SOCKET, SO_RCVBUFFORCE, &room, sizeof(room)) < 0)
		die("rtnetlink socket", errno);
	r->capacity = capacity;
	r->buffer = malloc(capacity);
	if (r->buffer == NULL)
		die("request buffer", ENOMEM);
	r->seq = 0;
	r->pending = 0;
	r->length = 0;
}

void rtnl_close(struct rtnl *r)
{
	mnl_socket_close(r->socket);
	free(r->buffer);
}

struct nlmsghdr *rtnl_request(struct rtnl *r, uint16_t type, uint16_t flags)
{
	if (r->length + REQUEST_ROOM > r->capacity)
		rtnl_flush(r, "a batch of requests");
	struct nlmsghdr *request = mnl_nlmsg_put_header(r->buffer + r->length);
	request->nlmsg_type = type;
	request->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	request->nlmsg_seq = ++r->seq;
	return request;
}

void rtnl_add(struct rtnl *r, struct nlmsghdr *request)
{
	r->length += NLMSG_ALIGN(request->nlmsg_len);
	r->pending++;
}

/* The kernel handles a datagram's requests one after another inside sendto, so their
 * acknowledgements are all queued when it returns: the receive buffer must hold them all
 * (about 700 bytes of it each; 64 KiB of requests is a few hundred). */
void rtnl_flush(struct rtnl *r, const char *what)
{
	if (r->length > 0 && mnl_socket_sendto(r->socket, r->buffer, r->length) < 0)
		die(what, errno);
	r->length = 0;
	char answer[MNL_SOCKET_BUFFER_SIZE];
	while (r->pending > 0) {
		ssize_t got = mnl_socket_recvfrom(r->socket, answer, sizeof(answer));
		if (got < 0)
			die(what, errno);
		int left = (int)got;
		for (struct nlmsghdr *m = (struct nlmsghdr *)answer; mnl_nlmsg_ok(m, left);
		     m = mnl_nlmsg_next(m, &left)) {
			if (m->nlmsg_type != NLMSG_ERROR)
				continue;
			struct nlmsgerr *error = mnl_nlmsg_get_payload(m);
			if (error->error != 0) {
				fprintf(stderr, "floor: request %u of this socket:", error->msg.nlmsg_seq);
				die(what, -error->error);
			}
			r->pending--;
		}
	}
}
