package aimengine.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cache key: the hex SHA-256 of a sequence of texts and byte strings, each length-prefixed so that no two different
 * sequences run together into the same bytes ("ab" + "c" is not "a" + "bc").
 */
public final class ContentKey {
    private final MessageDigest sha;

    public ContentKey() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    public ContentKey add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    public ContentKey add(byte[] bytes) {
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
