package aimengine.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Defines classes from the bytes of a jar held in memory: a compiled rules jar is loaded from these bytes whether it
 * came from the cache or was compiled just now (and could not be cached).
 */
final class JarClassLoader extends ClassLoader {
    private final Map<String, byte[]> entries;

    JarClassLoader(byte[] jar, ClassLoader parent) throws IOException {
        super(parent);
        this.entries = read(jar);
    }

    private static Map<String, byte[]> read(byte[] jar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("not a jar, or an empty one");
        }
        return entries;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = entries.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = entries.get(name);
        return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
    }
}
