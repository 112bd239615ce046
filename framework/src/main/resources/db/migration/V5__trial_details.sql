-- What a trial's report needs beyond its headline metrics: the test confusion matrix (per-class precision, recall and
-- F1 come from it), training speed, the model's size, and inference latency per image at batch 1 and batch 256.
ALTER TABLE trial ADD COLUMN test_confusion CLOB;
ALTER TABLE trial ADD COLUMN train_images_per_s DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN model_bytes BIGINT;
ALTER TABLE trial ADD COLUMN latency_ms_batch1 DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN latency_ms_batch256 DOUBLE PRECISION;

-- The leaderboard view shows them too.
CREATE OR REPLACE VIEW leaderboard AS
SELECT t.id AS trial, s.name AS sweep, s.architecture, t.number, t.state, t.objective_value AS objective, t.objective_std,
       t.repeats, t.val_accuracy, t.val_loss, t.val_macro_f1, t.test_accuracy, t.test_loss, t.test_macro_f1,
       t.test_auc_roc, t.epochs_done, t.best_epoch, t.param_count AS params, t.train_seconds, t.eval_seconds,
       t.wall_seconds, t.train_images_per_s, t.model_bytes, t.latency_ms_batch1, t.latency_ms_batch256, t.seed,
       t.attempt, t.error, t.started_at, t.finished_at
FROM trial t JOIN sweep s ON s.id = t.sweep_id;
GRANT SELECT ON leaderboard TO sweep_reader;
