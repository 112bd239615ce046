package dev.sweep.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sql's one-SELECT rule decided on H2's tokens, so quotes of every kind hide nothing. */
class SqlTokensTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT $$x$$; CALL 1",
            "SELECT $$;$$ FROM sweeps; DROP TABLE trial",
            "SELECT \"a;b\" FROM sweeps; DROP TABLE trial",
            "SELECT 'it''s'; DELETE FROM trial",
            "SELECT 1;;SELECT 2"})
    void aSecondStatementIsFoundWhateverQuotesComeBeforeIt(String sql) {
        assertThatThrownBy(() -> SqlCommand.singleSelect(sql)).hasMessageContaining("runs one statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT sweep FROM sweeps WHERE sweep = 'a;b'",
            "SELECT sweep AS \"x;y\" FROM sweeps;",
            "SELECT sweep FROM sweeps WHERE sweep = '--not a comment'",
            "WITH best AS (SELECT MAX(val_accuracy) AS v FROM leaderboard) SELECT v FROM best"})
    void oneStatementWithSemicolonsOrDashesInsideQuotesIsAccepted(String sql) {
        assertThat(SqlCommand.singleSelect(sql)).isEqualTo(sql.replaceFirst(";$", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT LENGTH(REPEAT('x', 2000000000))", "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 10000000000)",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"})
    void costlyQueriesAreTheReadersOwnBusinessAndPass(String sql) {
        // They run in the reader's process, bounded by its timeout and heap, never in a sweep's (ReaderIsolationTest).
        assertThat(SqlCommand.singleSelect(sql)).isEqualTo(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1 -- comment", "SELECT /* c */ 1", "DROP TABLE trial", "CALL 1", "SELECT 1; DROP TABLE trial"})
    void commentsAndOtherStatementsAreRefused(String sql) {
        assertThatThrownBy(() -> SqlCommand.singleSelect(sql)).isInstanceOf(UserInputException.class);
    }
}
