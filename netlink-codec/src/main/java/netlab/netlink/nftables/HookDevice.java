package netlab.netlink.nftables;

import netlab.netlink.AttributeWriter;

/**
 * The device a netdev-family base chain hooks (its ingress or egress), inside NFTA_CHAIN_HOOK.
 * nft names it in NFTA_HOOK_DEV alone; the kernel's dump also lists it in NFTA_HOOK_DEVS first
 * ({@code nft_dump_basechain_hook} in nf_tables_api.c writes the list, then NFTA_HOOK_DEV when the
 * hook has exactly one device), so a decoded device remembers which form it came in.
 *
 * @param name the interface name, written NUL-terminated as nft writes it
 * @param listed whether NFTA_HOOK_DEVS (one NFTA_DEVICE_NAME) comes before NFTA_HOOK_DEV, as in a dump
 */
public record HookDevice(String name, boolean listed) {
    /** In NFTA_HOOK_DEVS ({@code enum nft_devices_attributes}). */
    public static final int NFTA_DEVICE_NAME = 1;

    /** The device as nft sends it: NFTA_HOOK_DEV only. */
    public static HookDevice named(String name) {
        return new HookDevice(name, false);
    }

    /** Writes the device's attributes into the hook's nest; a list nest carries {@code nestedFlag}. */
    void encode(AttributeWriter hookBody, int nestedFlag) {
        if (listed) {
            hookBody.nested(ChainHook.NFTA_HOOK_DEVS | nestedFlag, list -> list.string(NFTA_DEVICE_NAME, name));
        }
        hookBody.string(ChainHook.NFTA_HOOK_DEV, name);
    }
}
