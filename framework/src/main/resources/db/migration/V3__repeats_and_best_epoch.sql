-- Repeats (Keras Tuner's executions_per_trial): a trial trains R times with different seeds; its objective_value is
-- their mean, objective_std their standard deviation, and its metrics and model are those of the best repeat.
ALTER TABLE trial ADD COLUMN repeats INT NOT NULL DEFAULT 1;
ALTER TABLE trial ADD COLUMN objective_std DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN best_repeat INT NOT NULL DEFAULT 0;
-- The epoch whose weights the stored model holds (the best one under early stopping, else the last).
ALTER TABLE trial ADD COLUMN best_epoch INT;

CREATE TABLE trial_repeat (
    trial_id        BIGINT NOT NULL REFERENCES trial (id) ON DELETE CASCADE,
    repeat          INT    NOT NULL,   -- from 0
    seed            BIGINT NOT NULL,
    objective_value DOUBLE PRECISION,
    val_accuracy    DOUBLE PRECISION,
    val_loss        DOUBLE PRECISION,
    test_accuracy   DOUBLE PRECISION,
    epochs_done     INT    NOT NULL,
    best_epoch      INT,
    train_seconds   DOUBLE PRECISION,
    PRIMARY KEY (trial_id, repeat)
);

-- Per-epoch metrics of every repeat.
ALTER TABLE epoch_metric ADD COLUMN repeat INT NOT NULL DEFAULT 0;
ALTER TABLE epoch_metric DROP PRIMARY KEY;
ALTER TABLE epoch_metric ADD PRIMARY KEY (trial_id, repeat, epoch);
