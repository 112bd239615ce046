-- Every Sweep command works as sweep_writer, who may read and write rows but, not being an admin, cannot create
-- aliases, functions or tables, nor reach files: a connection made through the mixed-mode port cannot run code in the
-- process that serves the database. The passwords come from the database's owner-only credentials file.
CREATE USER IF NOT EXISTS sweep_writer PASSWORD '${writer_password}';
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO sweep_writer;

-- sweep_reader had a password anyone could read in V4.
ALTER USER sweep_reader SET PASSWORD '${reader_password}';

-- Commits reach the file at once, whichever connection opens the database first: a killed process loses nothing.
SET WRITE_DELAY 0;
