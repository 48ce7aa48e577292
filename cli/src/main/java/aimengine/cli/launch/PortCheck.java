package aimengine.cli.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses a port before the engine is spawned: an engine that loads for minutes and then fails to bind wastes the
 * load, and worse, the health check would find whatever already listens there and call it healthy.
 */
public final class PortCheck {
    private PortCheck() {
    }

    /** @return why the engine could not bind {@code bind:port}; empty when it can */
    public static Optional<String> problem(String bind, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return Optional.of("--bind " + bind + " is not an address of this host");
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("port " + port + " on " + bind + " is not free (" + e.getMessage()
                    + "); stop what listens there or choose another --port");
        }
    }
}
