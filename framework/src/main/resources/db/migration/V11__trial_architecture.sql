-- A sweep may search several architectures: each trial records the one it built. Trials stored before hold their
-- sweep's single architecture.
ALTER TABLE trial ADD COLUMN architecture VARCHAR(100);
UPDATE trial t SET architecture = (SELECT s.architecture FROM sweep s WHERE s.id = t.sweep_id);
ALTER TABLE trial ALTER COLUMN architecture SET NOT NULL;

CREATE OR REPLACE VIEW leaderboard AS
SELECT t.id AS trial, s.name AS sweep, t.architecture, t.number, t.state, t.objective_value AS objective, t.objective_std,
       t.repeats, t.val_accuracy, t.val_loss, t.val_macro_f1, t.val_auc_roc, t.test_accuracy, t.test_loss, t.test_macro_f1,
       t.test_auc_roc, t.epochs_done, t.best_epoch, t.best_val_accuracy_epoch, t.param_count AS params, t.train_seconds,
       t.eval_seconds, t.wall_seconds, t.train_images_per_s, t.model_bytes, t.latency_ms_batch1, t.latency_ms_batch256,
       t.seed, t.attempt, t.error, t.started_at, t.finished_at
FROM trial t JOIN sweep s ON s.id = t.sweep_id;
GRANT SELECT ON leaderboard TO sweep_reader;
