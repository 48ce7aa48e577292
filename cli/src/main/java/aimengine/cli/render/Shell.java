package aimengine.cli.render;

import java.util.List;
import java.util.regex.Pattern;

/** Shows an argv list as a command a person can paste into a POSIX shell. Display only: processes get the list. */
public final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    public static String quote(String arg) {
        return SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            sb.append(sb.length() == 0 ? "" : " ").append(quote(a));
        }
        return sb.toString();
    }
}
