/* One rtnetlink socket with a buffer of requests: requests are appended, sent together in one
 * sendto, and their acknowledgements read back; any error ends the program with its reason. */
#ifndef FLOOR_RTNL_H
#define FLOOR_RTNL_H

#include <libmnl/libmnl.h>
#include <stdint.h>

struct rtnl {
	struct mnl_socket *socket;
	uint32_t seq;
	unsigned pending; /* requests sent whose acknowledgement was not read yet */
	size_t length;    /* bytes of requests in buffer, not sent yet */
	size_t capacity;
	char *buffer;
};

/* Opens the socket in the calling thread's network namespace, with a buffer of `capacity`
 * bytes for requests (at least 1 KiB; one flush sends at most that much). */
void rtnl_open(struct rtnl *r, size_t capacity);
void rtnl_close(struct rtnl *r);

/* Starts a request (NLM_F_REQUEST | NLM_F_ACK | flags) at the end of the buffer and returns it,
 * to add its parts to; sends what is buffered first when another request might not fit. */
struct nlmsghdr *rtnl_request(struct rtnl *r, uint16_t type, uint16_t flags);

/* Ends the request rtnl_request returned last: it joins the buffer. */
void rtnl_add(struct rtnl *r, struct nlmsghdr *request);

/* Sends the buffered requests and waits for every acknowledgement; `what` names them in errors. */
void rtnl_flush(struct rtnl *r, const char *what);

#endif
