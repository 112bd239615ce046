package dev.sweep.cli;

import dev.sweep.store.h2.DatabaseRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "db", mixinStandardHelpOptions = true, subcommands = {DbCommand.Check.class, DbCommand.Recover.class, DbCommand.Compact.class},
        description = "Look after the experiment database: check reads all of it, recover saves what can be read of a "
                + "damaged one, compact gives back the space that appending took.")
final class DbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new UserInputException("db needs a subcommand: check, recover or compact (./sweep db --help)");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Read every row and every model of the database, read-only (a sweep may run meanwhile).",
                    "Exit 0 when all of it reads, 2 when H2 finds damage."})
    static final class Check extends Subcommand {
        @Override
        public Integer call() {
            DatabaseRepair.Check check = DatabaseRepair.check(database.location);
            PrintWriter out = spec.commandLine().getOut();
            out.println(check.database() + ": " + rows(check.rows()) + ", " + check.blobBytes() / 1024 + " KiB of models.");
            out.flush();
            if (!check.whole()) {
                throw new UserInputException(check.database() + " is damaged: " + check.describeDamage() + ". Fix: ./sweep db recover --db "
                        + database.location + " saves what can be read into a new file and keeps the damaged one beside it.");
            }
            out.println("Every row and model reads back: no damage found.");
            return 0;
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = {"Save what H2's recovery tool can read of a damaged database into a new file in its place,",
                    "keeping the damaged file beside it (NAME.mv.db.damaged-TIME), and say what was lost."})
    static final class Recover extends Subcommand {
        @Override
        public Integer call() {
            DatabaseRepair.Recovery r = DatabaseRepair.recover(database.location);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Recovered " + r.database() + ": " + rows(r.rowsAfter()) + ".");
            out.println("Read before recovery: " + rows(r.rowsBefore()) + ".");
            StringBuilder lost = new StringBuilder();
            for (String table : new TreeSet<>(r.rowsAfter().keySet())) {
                long gained = r.rowsAfter().getOrDefault(table, 0L) - r.rowsBefore().getOrDefault(table, 0L);
                if (gained > 0) {
                    lost.append(lost.isEmpty() ? "" : ", ").append(gained).append(" more ").append(table).append(" rows");
                }
            }
            if (!lost.isEmpty()) {
                out.println("Recovery reached " + lost + " than a plain read could.");
            }
            if (!r.droppedModels().isEmpty()) {
                out.println("Lost: the models of trials " + r.droppedModels() + ", whose zips were damaged; their metrics "
                        + "and parameters stay, so they can be trained again from their stored configuration.");
            }
            out.println(r.unreadable() == 0 ? "H2's recovery tool read every page it found."
                    : "H2's recovery tool could not read " + r.unreadable() + " place(s) of the file: what was stored there is lost.");
            out.println("The damaged file is kept as " + r.damagedCopy() + ". Check the result with ./sweep db check --db "
                    + database.location + " and ./sweep leaderboard --db " + database.location + ".");
            out.flush();
            return 0;
        }
    }

    @Command(name = "compact", mixinStandardHelpOptions = true,
            description = {"Give back the space that appending took (a sweep appends every change, so the file grows past",
                    "its data): H2 compacts the file in place. A sweep may not run meanwhile."})
    static final class Compact extends Subcommand {
        @Override
        public Integer call() {
            DatabaseRepair.Compaction c = DatabaseRepair.compact(database.location);
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Compacted %s: %.1f MB -> %.1f MB.%n", c.database(),
                    c.bytesBefore() / 1e6, c.bytesAfter() / 1e6);
            return 0;
        }
    }

    /** What every db subcommand has: the database it works on, and its place on the command line. */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Spec
        CommandSpec spec;
    }

    private static String rows(Map<String, Long> rows) {
        long trials = rows.getOrDefault("TRIAL", 0L);
        return rows.getOrDefault("SWEEP", 0L) + " sweeps, " + trials + " trials, " + rows.getOrDefault("EPOCH_METRIC", 0L)
                + " epochs, " + rows.getOrDefault("TRIAL_MODEL", 0L) + " models";
    }
}
