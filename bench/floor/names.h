/* The nodes' names as netlab gives them (docs/names.md) and bench/gen-star's names.sh makes
 * them: the lab's hosts file, per node a UTS namespace with its name, bound under the lab's
 * directory, and /etc/netns/NODE/hosts linking to the lab's file. */
#ifndef FLOOR_NAMES_H
#define FLOOR_NAMES_H

#include <stdint.h>

/* The lab's directory and hosts file; addresses[i] is node h(i+1)'s, the host's are
 * 10.K.255.254 on brK for each of `bridges` bridges. */
void names_prepare(int n, const uint32_t *addresses, int bridges);

/* Node `node`'s names, from a thread that has just unshared its UTS namespace. */
void names_of_node(int n, int node);

void names_remove_node(int n, int node);
void names_finish(int n);

#endif
