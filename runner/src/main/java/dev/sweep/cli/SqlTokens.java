package dev.sweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * H2's SQL read as tokens: quoted strings ({@code '...'}), quoted identifiers ({@code "..."}), dollar-quoted text
 * ({@code $$...$$}), comments, words and symbols. What {@code sql} decides about a statement (how many there are, which
 * functions it calls) is decided on these, so a {@code ;} or a word inside quotes is never taken for code.
 */
final class SqlTokens {
    enum Kind { WORD, QUOTED, SYMBOL, COMMENT }

    record Token(Kind kind, String text) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = closingQuote(sql, i, c);
                tokens.add(new Token(Kind.QUOTED, sql.substring(i, end)));
                i = end;
            } else if (sql.startsWith("$$", i)) {
                int close = sql.indexOf("$$", i + 2);
                int end = close < 0 ? n : close + 2;
                tokens.add(new Token(Kind.QUOTED, sql.substring(i, end)));
                i = end;
            } else if (sql.startsWith("--", i)) {
                int close = sql.indexOf('\n', i);
                int end = close < 0 ? n : close + 1;
                tokens.add(new Token(Kind.COMMENT, sql.substring(i, end)));
                i = end;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                tokens.add(new Token(Kind.COMMENT, sql.substring(i, end)));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '.'
                        && end + 1 < n && Character.isDigit(sql.charAt(end + 1)) && Character.isDigit(c))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end).toUpperCase(Locale.ROOT)));
                i = end;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /** The index after the closing quote; a doubled quote is an escaped one. An unclosed quote runs to the end. */
    private static int closingQuote(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
