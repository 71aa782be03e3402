package dev.automateos.server.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so there is one place that defines it: the pom. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"AutomateOS " + version()};
    }
}
