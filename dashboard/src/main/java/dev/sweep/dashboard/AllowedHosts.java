package dev.sweep.dashboard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request's Host (and Origin) may give: the address served, and for loopback or every interface the
 * names and addresses of this machine that reach it. Anything else is a page that rebound its own name to this
 * machine (DNS rebinding), or a proxy nobody set up.
 */
final class AllowedHosts {
    private final Set<String> names;

    private AllowedHosts(Set<String> names) {
        this.names = names;
    }

    static AllowedHosts serving(String host) {
        Set<String> names = new HashSet<>();
        names.add(normal(host));
        InetAddress bound = resolve(host);
        if (bound != null && (bound.isLoopbackAddress() || bound.isAnyLocalAddress())) {
            names.add("localhost");
            names.add("127.0.0.1");
            names.add("::1");
        }
        if (bound != null && bound.isAnyLocalAddress()) {
            names.addAll(machineNames());
        } else if (bound != null) {
            names.add(normal(bound.getHostAddress()));
        }
        return new AllowedHosts(Set.copyOf(names));
    }

    /** A Host header: a name or address, and a port. */
    boolean permitsHost(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            String name = URI.create("http://" + header.strip() + "/").getHost();
            return name != null && names.contains(normal(name));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An Origin header: scheme, name or address, port. */
    boolean permitsOrigin(String header) {
        try {
            String name = URI.create(header.strip()).getHost();
            return name != null && names.contains(normal(name));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Where another browser can reach a server on {@code host}: for every interface, this machine's first address. */
    static String reachable(String host) {
        InetAddress bound = resolve(host);
        if (bound == null || !bound.isAnyLocalAddress()) {
            return host;
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        if (!(a instanceof Inet6Address)) {
                            return a.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback, which this machine's own browser can open
        }
        return "127.0.0.1";
    }

    private static Set<String> machineNames() {
        Set<String> names = new HashSet<>();
        try {
            names.add(normal(InetAddress.getLocalHost().getHostName()));
            names.add(normal(InetAddress.getLocalHost().getCanonicalHostName()));
        } catch (UnknownHostException e) {
            // a machine without a resolvable name is reached by its addresses
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    names.add(normal(a.getHostAddress()));
                }
            }
        } catch (SocketException e) {
            // then only the names above
        }
        return names;
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Lower case, without IPv6 brackets or a zone: how the names are compared. */
    private static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        int zone = n.indexOf('%');
        return zone >= 0 ? n.substring(0, zone) : n;
    }
}
