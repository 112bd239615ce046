-- Training accuracy per epoch, for learning curves that show train and validation accuracy side by side. Measured after
-- the epoch on a fixed sample of training images; NULL for epochs stored before this migration.
ALTER TABLE epoch_metric ADD COLUMN train_accuracy DOUBLE PRECISION;

CREATE OR REPLACE VIEW epoch_metrics AS
SELECT e.trial_id AS trial, s.name AS sweep, t.number, e.repeat, e.epoch, e.train_loss, e.train_accuracy, e.val_loss,
       e.val_accuracy, e.seconds, e.images_per_sec
FROM epoch_metric e JOIN trial t ON t.id = e.trial_id JOIN sweep s ON s.id = t.sweep_id;
GRANT SELECT ON epoch_metrics TO sweep_reader;
