package dev.automateos.server.cli;

import picocli.CommandLine.Option;

/** The paging options of every list command; the server pages with an opaque cursor. */
final class Paging {

    @Option(names = "--limit", paramLabel = "N", description = "Items per page (the server's default when absent).")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR",
            description = "Start at this page (from an earlier next_cursor).")
    String cursor;

    @Option(names = "--all", description = "Follow next_cursor and list every item.")
    boolean all;
}
