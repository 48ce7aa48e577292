package aimengine.cli.render;

import aimengine.cache.CacheRoot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the cache commands write the cache folder and file times. */
public final class CacheRootText {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private CacheRootText() {
    }

    /** "/data/hub (from HF_HUB_CACHE)", or "(default location)" when no setting chose it. */
    public static String describe(CacheRoot root) {
        String origin = "default".equals(root.origin()) ? "default location" : "from " + root.origin();
        return root.path() + " (" + origin + ")";
    }

    /** A time for JSON: ISO-8601 in UTC, null when unknown. */
    public static String iso(Instant time) {
        return time == null ? null : time.toString();
    }

    /** A time in UTC to the minute; "-" when unknown. */
    public static String minutes(Instant time) {
        return time == null ? "-" : MINUTES.format(time);
    }
}
