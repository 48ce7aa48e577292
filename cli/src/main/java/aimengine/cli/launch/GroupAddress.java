package aimengine.cli.launch;

import aimengine.io.InputException;

/**
 * Where the ranks of a multi-node group meet: the leader's host and, optionally, the port of the engine's distributed
 * runtime (Ray's GCS, vLLM's master port, SGLang's dist-init port); 0 means the runtime's default.
 */
public record GroupAddress(String host, int port) {

    /** "HOST", "HOST:PORT" or "[IPv6]:PORT". */
    public static GroupAddress parse(String text) {
        String t = text == null ? "" : text.trim();
        String host = t;
        int port = 0;
        int colon = t.lastIndexOf(':');
        boolean bracketed = t.startsWith("[");
        if (colon > 0 && (bracketed ? t.indexOf(']') < colon : t.indexOf(':') == colon)) {
            host = t.substring(0, colon);
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        host = bracketed && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (host.isBlank() || port < 0 || port > 65535) {
            throw new InputException("--leader-address", 0, "'" + text + "': expected HOST or HOST:PORT (port 1-65535)");
        }
        return new GroupAddress(host, port);
    }

    public int portOr(int fallback) {
        return port > 0 ? port : fallback;
    }
}
