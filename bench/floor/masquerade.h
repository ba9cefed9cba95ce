/* star-N's NAT: one nf_tables table with a postrouting chain that masquerades the lab's /16. */
#ifndef FLOOR_MASQUERADE_H
#define FLOOR_MASQUERADE_H

#include <stdint.h>

/* Adds table `table`: ip saddr NET/16 ip daddr != NET/16 masquerade, in one transaction. */
void add_masquerade(const char *table, uint32_t net, uint32_t mask);
void delete_table(const char *table);

#endif
