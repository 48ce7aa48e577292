package aimengine.cli.command;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest ("dev" when running from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"aim-engine " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
}
