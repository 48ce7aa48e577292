package aimengine.probe;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PCI addresses in one spelling ("0000:0c:00.0"), whatever the tool printed ("00000000:0C:00.0", "0c:00.0"). */
public final class BusAddress {
    private static final Pattern ADDRESS =
            Pattern.compile("(?:([0-9a-f]{1,8}):)?([0-9a-f]{1,2}):([0-9a-f]{1,2})\\.([0-7])");

    private BusAddress() {
    }

    /** The address in canonical form, or null when text is not a PCI address (or is "N/A"). */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long domain = m.group(1) == null ? 0 : Long.parseLong(m.group(1), 16);
        return String.format("%04x:%02x:%02x.%x", domain & 0xffff, Integer.parseInt(m.group(2), 16),
                Integer.parseInt(m.group(3), 16), Integer.parseInt(m.group(4), 16));
    }

    /** KFD encodes the address as location_id = bus << 8 | device << 3 | function, with the domain apart. */
    public static String fromKfd(long domain, long locationId) {
        return String.format("%04x:%02x:%02x.%x", domain & 0xffff, (locationId >> 8) & 0xff, (locationId >> 3) & 0x1f,
                locationId & 0x7);
    }

    /**
     * The physical package of a device: its address without the function. The partitions of an MI300X in CPX mode
     * are functions .0 to .7 of one address.
     */
    public static String packageOf(String address) {
        if (address == null) {
            return null;
        }
        int dot = address.lastIndexOf('.');
        return dot < 0 ? address : address.substring(0, dot);
    }
}
