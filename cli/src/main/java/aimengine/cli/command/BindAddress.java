package aimengine.cli.command;

import aimengine.io.InputException;
import java.util.regex.Pattern;

/**
 * Checks --bind before it reaches the engine's command line: an IPv4 or IPv6 literal, or a host name. A dotted
 * number that is no IPv4 address (999.1.1.1) would make the engine fail late, after loading the model.
 */
final class BindAddress {
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private BindAddress() {
    }

    static String check(String address) {
        String a = address.strip();
        boolean ok = DOTTED_NUMBERS.matcher(a).matches() ? IPV4.matcher(a).matches()
                : IPV6.matcher(a).matches() ? a.split("::", -1).length <= 2 && a.chars().filter(c -> c == ':').count() <= 7
                : HOST_NAME.matcher(a).matches();
        if (!ok) {
            throw new InputException("--bind", 0, "'" + address + "' is not an IP address or host name; give an "
                    + "address such as 0.0.0.0 or 127.0.0.1");
        }
        return a;
    }
}
