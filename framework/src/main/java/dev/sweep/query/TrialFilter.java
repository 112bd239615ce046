package dev.sweep.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code --where} condition, parsed into a tree and evaluated in Java on each trial's columns: it never reaches SQL,
 * so it cannot write to or harm the database. Grammar:
 * <pre>
 *   condition  := term ("or" term)*
 *   term       := factor ("and" factor)*
 *   factor     := "not" factor | "(" condition ")" | comparison
 *   comparison := name op literal | name "is" ["not"] "null"
 *   op         := = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;= | like
 *   literal    := number | 'text'
 * </pre>
 */
public final class TrialFilter {
    /** A trial's columns: metrics and parameters, by name; values are numbers, text or null. */
    public interface Row {
        Object get(String column);
    }

    private interface Node {
        boolean test(Row row);
    }

    private final Node root;

    private TrialFilter(Node root) {
        this.root = root;
    }

    public boolean test(Row row) {
        return root.test(row);
    }

    /** @param columns the names a condition may use; an unknown one is an error that names the closest */
    public static TrialFilter parse(String text, Set<String> columns) {
        Parser parser = new Parser(Lexer.tokens(text), text, columns);
        Node node = parser.condition();
        parser.expectEnd();
        return new TrialFilter(node);
    }

    /** A syntax or name error, with where in the condition it is. */
    private static double number(Token literal) {
        try {
            return Double.parseDouble(literal.text());
        } catch (NumberFormatException e) {
            throw new FilterException("'" + literal.text() + "' at position " + (literal.position() + 1)
                    + " is not a number; write it like 0.98 or 1e-3");
        }
    }

    public static final class FilterException extends RuntimeException {
        FilterException(String message) {
            super(message);
        }
    }

    private record Token(String kind, String text, int position) {
    }

    private static final class Lexer {
        static List<Token> tokens(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'') {
                    StringBuilder value = new StringBuilder();
                    int start = i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new FilterException("unterminated text starting at position " + (start + 1) + ": " + text.substring(start));
                        }
                        if (text.charAt(i) == '\'') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                                value.append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        value.append(text.charAt(i++));
                    }
                    tokens.add(new Token("text", value.toString(), start));
                } else if (Character.isDigit(c) || (c == '-' || c == '.') && i + 1 < text.length() && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.')) {
                    int start = i++;
                    while (i < text.length() && (Character.isDigit(text.charAt(i)) || ".eE".indexOf(text.charAt(i)) >= 0
                            || (text.charAt(i) == '-' || text.charAt(i) == '+') && "eE".indexOf(text.charAt(i - 1)) >= 0)) {
                        i++;
                    }
                    tokens.add(new Token("number", text.substring(start, i), start));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                        i++;
                    }
                    tokens.add(new Token("word", text.substring(start, i), start));
                } else if ("<>!=".indexOf(c) >= 0) {
                    int start = i;
                    String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                    if (List.of("<=", ">=", "!=", "<>").contains(two)) {
                        tokens.add(new Token("op", two, start));
                        i += 2;
                    } else if (c == '!') {
                        throw new FilterException("unexpected '!' at position " + (start + 1) + "; use != or <>");
                    } else {
                        tokens.add(new Token("op", String.valueOf(c), start));
                        i++;
                    }
                } else if (c == '(' || c == ')') {
                    tokens.add(new Token(String.valueOf(c), String.valueOf(c), i++));
                } else {
                    throw new FilterException("unexpected '" + c + "' at position " + (i + 1)
                            + ": a condition compares names with numbers or 'text', joined by and, or, not and parentheses");
                }
            }
            return tokens;
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private final String text;
        private final Set<String> columns;
        private int next;

        Parser(List<Token> tokens, String text, Set<String> columns) {
            this.tokens = tokens;
            this.text = text;
            this.columns = columns;
        }

        Node condition() {
            Node left = term();
            while (keyword("or")) {
                Node a = left;
                Node b = term();
                left = row -> a.test(row) || b.test(row);
            }
            return left;
        }

        private Node term() {
            Node left = factor();
            while (keyword("and")) {
                Node a = left;
                Node b = factor();
                left = row -> a.test(row) && b.test(row);
            }
            return left;
        }

        private Node factor() {
            if (keyword("not")) {
                Node inner = factor();
                return row -> !inner.test(row);
            }
            if (peek("(")) {
                next++;
                Node inner = condition();
                if (!peek(")")) {
                    throw error("a ')' is missing");
                }
                next++;
                return inner;
            }
            return comparison();
        }

        private Node comparison() {
            Token name = take("word", "a column name, e.g. val_accuracy or optimizer");
            String column = name.text().toLowerCase(Locale.ROOT);
            if (!columns.contains(column)) {
                throw new FilterException("unknown column '" + name.text() + "' at position " + (name.position() + 1) + "."
                        + dev.sweep.config.DidYouMean.hint(column, columns) + " Columns: " + String.join(", ", columns));
            }
            if (keyword("is")) {
                boolean negate = keyword("not");
                if (!keyword("null")) {
                    throw error("expected null after is");
                }
                return row -> (row.get(column) == null) != negate;
            }
            String op;
            if (keyword("like")) {
                op = "like";
            } else {
                op = take("op", "a comparison (=, !=, <, <=, >, >=, like)").text();
            }
            Token literal = next < tokens.size() ? tokens.get(next++) : null;
            if (literal == null || !(literal.kind().equals("number") || literal.kind().equals("text"))) {
                throw new FilterException("expected a number or 'text' after " + op + " at position "
                        + (literal == null ? text.length() : literal.position() + 1));
            }
            Object value = literal.kind().equals("number") ? number(literal) : literal.text();
            String operator = op;
            return row -> compare(row.get(column), operator, value);
        }

        private static boolean compare(Object actual, String op, Object expected) {
            if (actual == null) {
                return false;
            }
            if (op.equals("like")) {
                String pattern = java.util.regex.Pattern.quote(String.valueOf(expected)).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
                return String.valueOf(actual).matches(pattern);
            }
            int order;
            if (expected instanceof Double number) {
                Double a = asNumber(actual);
                if (a == null) {
                    return false;
                }
                order = Double.compare(a, number);
            } else {
                order = String.valueOf(actual).compareTo((String) expected);
            }
            return switch (op) {
                case "=" -> order == 0;
                case "!=", "<>" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        private static Double asNumber(Object value) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(String.valueOf(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        void expectEnd() {
            if (next < tokens.size()) {
                Token t = tokens.get(next);
                throw new FilterException("unexpected '" + t.text() + "' at position " + (t.position() + 1)
                        + "; join conditions with and / or");
            }
        }

        private boolean keyword(String word) {
            if (next < tokens.size() && tokens.get(next).kind().equals("word") && tokens.get(next).text().equalsIgnoreCase(word)) {
                next++;
                return true;
            }
            return false;
        }

        private boolean peek(String kind) {
            return next < tokens.size() && tokens.get(next).kind().equals(kind);
        }

        private Token take(String kind, String what) {
            if (next >= tokens.size()) {
                throw new FilterException("the condition ends where " + what + " should come");
            }
            Token t = tokens.get(next);
            if (!t.kind().equals(kind) || kind.equals("word") && List.of("and", "or", "not").contains(t.text().toLowerCase(Locale.ROOT))) {
                throw new FilterException("expected " + what + " at position " + (t.position() + 1) + ", found '" + t.text() + "'");
            }
            next++;
            return t;
        }

        private FilterException error(String message) {
            int position = next < tokens.size() ? tokens.get(next).position() + 1 : text.length();
            return new FilterException(message + " (at position " + position + ")");
        }
    }

    /** The columns of a trial as the leaderboard knows them. */
    public static Row rowOf(Map<String, Object> columns) {
        return columns::get;
    }
}
