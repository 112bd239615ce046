package dev.sweep.cli;

import dev.sweep.run.SweepPlan;
import dev.sweep.space.ArchitectureBranches;
import dev.sweep.train.TrainerParameters;

import java.io.PrintWriter;
import java.util.List;

/**
 * A plan's parameters as {@code plan} prints them: one table for a single architecture; for several, the parameters
 * every architecture shares, then each architecture as a branch of the tree with its trial count and its own rows.
 */
final class SpaceTree {
    private final TextTable table = new TextTable(List.of("  parameter", "source", "value or space", "meaning"));

    private SpaceTree() {
    }

    static SpaceTree of(SweepPlan.Plan plan, boolean grid) {
        SpaceTree tree = new SpaceTree();
        List<SweepPlan.Branch> branches = plan.branches();
        if (branches.size() == 1) {
            branches.get(0).parameters().forEach(r -> tree.row("  ", r));
            return tree;
        }
        List<SweepPlan.Row> shared = branches.get(0).parameters().stream().filter(r -> sharedByAll(r, branches)).toList();
        shared.forEach(r -> tree.row("  ", r));
        tree.table.add(List.of("  " + ArchitectureBranches.KEY, "searched", "one of " + String.join(", ",
                branches.stream().map(SweepPlan.Branch::architecture).toList()), "the network; each has its own parameters below"));
        for (int i = 0; i < branches.size(); i++) {
            SweepPlan.Branch branch = branches.get(i);
            boolean last = i == branches.size() - 1;
            tree.table.add(List.of("  " + (last ? "└─ " : "├─ ") + branch.architecture(), "",
                    branch.trials() + (grid ? branch.trials() == 1 ? " grid point" : " grid points" : " of the trials"), ""));
            String indent = "  " + (last ? "   " : "│  ") + "  ";
            branch.parameters().stream().filter(r -> !shared.contains(r)).forEach(r -> tree.row(indent, r));
        }
        return tree;
    }

    /** A trainer parameter that reads the same in every branch is printed once, above them. */
    private static boolean sharedByAll(SweepPlan.Row row, List<SweepPlan.Branch> branches) {
        return TrainerParameters.byName().containsKey(row.name())
                && branches.stream().allMatch(b -> b.parameters().contains(row));
    }

    private void row(String indent, SweepPlan.Row r) {
        table.add(List.of(indent + r.name(), r.source(), r.values(), r.meaning()));
    }

    void print(PrintWriter out) {
        table.print(out);
    }
}
