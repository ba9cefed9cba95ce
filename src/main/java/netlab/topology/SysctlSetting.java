package netlab.topology;

/** {@code sysctl KEY=VALUE}, a net.* key set in the block's namespace. */
public record SysctlSetting(String key, String value, Source source) {}
