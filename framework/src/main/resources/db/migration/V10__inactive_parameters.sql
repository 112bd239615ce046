-- A conditional parameter whose condition does not hold in a trial is stored with source 'inactive'; one that has no
-- default has no value either.
ALTER TABLE trial_param ALTER COLUMN value_text SET NULL;
