-- Validation metrics as complete as the test ones: macro AUC-ROC and the confusion matrix (per-class precision, recall
-- and F1 come from it), measured on the trial's final model.
ALTER TABLE trial ADD COLUMN val_auc_roc DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN val_confusion CLOB;

CREATE OR REPLACE VIEW leaderboard AS
SELECT t.id AS trial, s.name AS sweep, s.architecture, t.number, t.state, t.objective_value AS objective, t.objective_std,
       t.repeats, t.val_accuracy, t.val_loss, t.val_macro_f1, t.val_auc_roc, t.test_accuracy, t.test_loss, t.test_macro_f1,
       t.test_auc_roc, t.epochs_done, t.best_epoch, t.param_count AS params, t.train_seconds, t.eval_seconds,
       t.wall_seconds, t.train_images_per_s, t.model_bytes, t.latency_ms_batch1, t.latency_ms_batch256, t.seed,
       t.attempt, t.error, t.started_at, t.finished_at
FROM trial t JOIN sweep s ON s.id = t.sweep_id;
GRANT SELECT ON leaderboard TO sweep_reader;
