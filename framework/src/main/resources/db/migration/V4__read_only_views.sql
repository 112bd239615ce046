-- Documented views for `sweep sql`, which runs as sweep_reader: a user that may only SELECT from these views. It
-- cannot write, and H2 keeps file functions (CSVWRITE, FILE_READ, LINK_SCHEMA ...) from non-admin users.
CREATE VIEW leaderboard AS
SELECT t.id AS trial, s.name AS sweep, s.architecture, t.number, t.state, t.objective_value AS objective, t.objective_std,
       t.repeats, t.val_accuracy, t.val_loss, t.val_macro_f1, t.test_accuracy, t.test_loss, t.test_macro_f1,
       t.test_auc_roc, t.epochs_done, t.best_epoch, t.param_count AS params, t.train_seconds, t.eval_seconds,
       t.wall_seconds, t.seed, t.attempt, t.error, t.started_at, t.finished_at
FROM trial t JOIN sweep s ON s.id = t.sweep_id;

CREATE VIEW trial_params AS
SELECT p.trial_id AS trial, s.name AS sweep, t.number, p.name, p.value_text, p.value_number, p.source
FROM trial_param p JOIN trial t ON t.id = p.trial_id JOIN sweep s ON s.id = t.sweep_id;

CREATE VIEW epoch_metrics AS
SELECT e.trial_id AS trial, s.name AS sweep, t.number, e.repeat, e.epoch, e.train_loss, e.val_loss, e.val_accuracy,
       e.seconds, e.images_per_sec
FROM epoch_metric e JOIN trial t ON t.id = e.trial_id JOIN sweep s ON s.id = t.sweep_id;

CREATE VIEW sweeps AS
SELECT id AS sweep_id, name AS sweep, architecture, strategy, planned_trials, seed, objective_metric, objective_goal,
       dataset, state, created_at, finished_at
FROM sweep;

CREATE USER IF NOT EXISTS sweep_reader PASSWORD 'sweep_reader';
GRANT SELECT ON leaderboard, trial_params, epoch_metrics, sweeps TO sweep_reader;
