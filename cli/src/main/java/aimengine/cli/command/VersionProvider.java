package aimengine.cli.command;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest ("dev" when running from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"aim-engine " + version(), "Java " + System.getProperty("java.version")};
    }

    /** This build's version, "dev" when running from classes. */
    static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
