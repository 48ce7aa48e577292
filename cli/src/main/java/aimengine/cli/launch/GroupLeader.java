package aimengine.cli.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rank 0's side of aim-engine's group channel: a TCP port the other ranks join ({@code JOIN RANK NODES}, answered
 * {@code OK} or {@code NO reason}) and keep open with a line every {@link GroupProtocol#PING}. A rank whose
 * connection closes or stays silent for {@link GroupProtocol#SILENCE} is lost, and a lost rank fails the group. The
 * engines' own runtimes carry the model traffic; this channel only tells aim-engine who is there.
 */
public final class GroupLeader implements AutoCloseable {
    private final int nodes;
    private final Wakeup wakeup;
    private final Map<Integer, String> joined = new TreeMap<>();
    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket server;
    private String lost;
    private boolean closed;

    public GroupLeader(int nodes, Wakeup wakeup) {
        this.nodes = nodes;
        this.wakeup = wakeup;
    }

    /** Listens on {@code bind:port} (port 0: any free port, for tests). */
    public void start(String bind, int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        Thread accept = new Thread(this::acceptLoop, "group-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The ranks that have joined and are still there, with the address each connected from (rank 0: this node). */
    public synchronized Map<Integer, String> ranks() {
        return Map.copyOf(joined);
    }

    public synchronized boolean allJoined() {
        return joined.size() == nodes - 1;
    }

    /** Why the group failed: the first rank lost, if any. */
    public synchronized Optional<String> lost() {
        return Optional.ofNullable(lost);
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
        sockets.forEach(GroupLeader::quietClose);
    }

    private void acceptLoop() {
        while (true) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread t = new Thread(() -> serve(s), "group-rank");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        int rank = -1;
        try (s) {
            s.setSoTimeout((int) GroupProtocol.SILENCE.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            String[] join = String.valueOf(in.readLine()).split(" ");
            String refusal = admit(join, s);
            out.write(refusal == null ? "OK\n" : "NO " + refusal + "\n");
            out.flush();
            if (refusal != null) {
                return;
            }
            rank = Integer.parseInt(join[1]);
            wakeup.poke();
            Thread pinger = GroupProtocol.pinger(out, "group-ping-" + rank);
            try {
                while (in.readLine() != null) {
                    // pings keep the rank alive
                }
                fail(rank, "its connection closed");
            } finally {
                pinger.interrupt();
            }
        } catch (SocketTimeoutException e) {
            fail(rank, "silent for " + GroupProtocol.SILENCE.toSeconds() + " s");
        } catch (IOException | RuntimeException e) {
            fail(rank, "connection lost (" + e.getMessage() + ")");
        }
    }

    private synchronized String admit(String[] join, Socket s) {
        if (join.length != 3 || !join[0].equals("JOIN")) {
            return "expected JOIN RANK NODES";
        }
        int rank;
        int theirNodes;
        try {
            rank = Integer.parseInt(join[1]);
            theirNodes = Integer.parseInt(join[2]);
        } catch (NumberFormatException e) {
            return "expected JOIN RANK NODES";
        }
        if (theirNodes != nodes) {
            return "this group has " + nodes + " nodes, rank " + rank + " was started with --nodes " + theirNodes;
        }
        if (rank < 1 || rank >= nodes) {
            return "rank " + rank + " is outside 1.." + (nodes - 1);
        }
        if (joined.containsKey(rank)) {
            return "rank " + rank + " has already joined from " + joined.get(rank);
        }
        if (closed || lost != null) {
            return "the group is failing";
        }
        joined.put(rank, s.getInetAddress().getHostAddress());
        sockets.add(s);
        return null;
    }

    private synchronized void fail(int rank, String why) {
        if (rank < 0 || closed) {
            return;
        }
        joined.remove(rank);
        if (lost == null) {
            lost = "rank " + rank + " left the group: " + why;
        }
        wakeup.poke();
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }
}
