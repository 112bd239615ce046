-- Liveness of running trials: which process runs a trial and when it last said so, so that a trial whose process
-- is gone can be told from one that is still running, and re-queued. attempt counts how often a number has started.
ALTER TABLE trial ADD COLUMN worker VARCHAR(300);
ALTER TABLE trial ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE trial ADD COLUMN attempt INT NOT NULL DEFAULT 1;
