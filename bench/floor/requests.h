/* The rtnetlink requests star-N needs, each appended to a socket's buffer (rtnl.h). */
#ifndef FLOOR_REQUESTS_H
#define FLOOR_REQUESTS_H

#include <stdint.h>
#include "rtnl.h"

/* A bridge, created up, in link group `group`. */
void add_bridge(struct rtnl *r, const char *name, uint32_t group);

/* A veth pair: `name` up, in link group `group` and a port of bridge `master` here, its peer `peer` (down: the kernel
 * cannot open a peer before the pair is whole, ENOTCONN) with index `peer_index` in the
 * namespace `netns_fd`, one queue each way. */
void add_veth(struct rtnl *r, const char *name, uint32_t group, uint32_t master, const char *peer, int peer_index,
	      int netns_fd);

void set_up(struct rtnl *r, int index);
void add_ipv4_address(struct rtnl *r, int index, uint32_t address, uint8_t prefix);
void add_default_route(struct rtnl *r, uint32_t gateway);
/* Every link of group `group` here, and their veth peers, in one batch of the kernel's. */
void delete_group(struct rtnl *r, uint32_t group);

#endif
