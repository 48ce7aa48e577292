package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A worker rank's side of the group channel (see {@link GroupLeader}): joins the leader, then keeps the connection
 * alive; when the leader goes (its engine failed, it was stopped), the member reports the group lost.
 */
public final class GroupMember implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private final String host;
    private final int port;
    private final int rank;
    private final int nodes;
    private final Wakeup wakeup;
    private Socket socket;
    private volatile String lost;

    public GroupMember(String host, int port, int rank, int nodes, Wakeup wakeup) {
        this.host = host;
        this.port = port;
        this.rank = rank;
        this.nodes = nodes;
        this.wakeup = wakeup;
    }

    /**
     * One attempt to join.
     *
     * @return false when the leader cannot be reached yet (not started, not listening): try again later
     * @throws ExitException when the leader refuses this rank (wrong --nodes, a rank taken twice)
     */
    public boolean tryJoin() {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            s.setSoTimeout((int) GroupProtocol.SILENCE.toMillis());
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out.write("JOIN " + rank + " " + nodes + "\n");
            out.flush();
            String answer = in.readLine();
            if (answer == null || !answer.equals("OK")) {
                close(s);
                if (answer != null && answer.startsWith("NO ")) {
                    throw new ExitException(ExitCodes.FAILURE, "the leader at " + host + ":" + port + " refused rank "
                            + rank + ": " + answer.substring(3));
                }
                return false;
            }
            socket = s;
            GroupProtocol.pinger(out, "group-ping");
            Thread reader = new Thread(() -> watch(in), "group-leader");
            reader.setDaemon(true);
            reader.start();
            return true;
        } catch (IOException e) {
            close(s);
            return false;
        }
    }

    /** This node's address as the leader sees it (the local end of the connection): the node's IP for the engines. */
    public String localAddress() {
        return socket.getLocalAddress().getHostAddress();
    }

    public Optional<String> lost() {
        return Optional.ofNullable(lost);
    }

    @Override
    public void close() {
        if (socket != null) {
            close(socket);
        }
    }

    private void watch(BufferedReader in) {
        try {
            while (in.readLine() != null) {
                // the leader's pings
            }
            lost = "the leader at " + host + ":" + port + " closed the group";
        } catch (SocketTimeoutException e) {
            lost = "the leader at " + host + ":" + port + " was silent for " + GroupProtocol.SILENCE.toSeconds() + " s";
        } catch (IOException e) {
            lost = "the connection to the leader at " + host + ":" + port + " broke (" + e.getMessage() + ")";
        }
        wakeup.poke();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }
}
