package dev.sweep.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A sweep file's YAML as a node tree, refused where it could crash or hang what reads it: nesting deeper than any
 * sweep file needs (SnakeYAML's composer recurses, and 2,000 levels overflowed the stack), a file of over a million
 * characters, and numbers no setting can take (.nan, .inf, integers beyond 64 bits), each at its line and column.
 */
final class SweepFileYaml {
    static final int MAX_DEPTH = 32;
    static final int MAX_CODE_POINTS = 1_000_000;

    private SweepFileYaml() {
    }

    /** The document's root, or null when it is empty or could not be read (the problems then say why). */
    static Node compose(String text, String label, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema())
                .setCodePointLimit(MAX_CODE_POINTS).build();
        try {
            if (!shallowEnough(text, settings, problems)) {
                return null;
            }
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Node root = composer.getSingleNode().orElse(null);
            if (root != null) {
                checkNumbers(root, problems);
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            problems.add(e.getProblemMark(), "not valid YAML: " + e.getProblem(), "fix the syntax at this place");
        } catch (YamlEngineException e) {
            problems.add(Optional.empty(), "not valid YAML: " + e.getMessage(), "fix the syntax");
        }
        return null;
    }

    /** Walks the parser's events, which need no recursion, before the composer builds the tree with it. */
    private static boolean shallowEnough(String text, LoadSettings settings, Problems problems) {
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        int depth = 0;
        while (parser.hasNext()) {
            Event event = parser.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        problems.add(event.getStartMark(), "the YAML nests more than " + MAX_DEPTH + " levels deep",
                                "a sweep file needs a few levels; remove the extra brackets or indentation");
                        return false;
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
        return true;
    }

    /** Iterative, so a wide tree costs no stack either; children are pushed last first, so problems come in file order. */
    private static void checkNumbers(Node root, Problems problems) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof ScalarNode scalar) {
                checkNumber(scalar, problems);
            } else if (node instanceof SequenceNode seq) {
                for (int i = seq.getValue().size() - 1; i >= 0; i--) {
                    pending.push(seq.getValue().get(i));
                }
            } else if (node instanceof MappingNode map) {
                for (int i = map.getValue().size() - 1; i >= 0; i--) {
                    NodeTuple t = map.getValue().get(i);
                    pending.push(t.getValueNode());
                    pending.push(t.getKeyNode());
                }
            }
        }
    }

    private static void checkNumber(ScalarNode scalar, Problems problems) {
        String text = scalar.getValue().toLowerCase();
        if (Tag.FLOAT.equals(scalar.getTag()) && (text.endsWith(".nan") || text.endsWith(".inf"))) {
            problems.add(scalar, "'" + scalar.getValue() + "' is not a number a setting can take", "write a finite number");
        } else if (Tag.INT.equals(scalar.getTag())) {
            try {
                YamlScalars.value(scalar);
            } catch (NumberFormatException e) {
                problems.add(scalar, "'" + scalar.getValue() + "' is larger than any setting takes (64-bit integers at most)",
                        "write a smaller number");
            }
        }
    }
}
