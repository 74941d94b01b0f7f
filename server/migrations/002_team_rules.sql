-- Each team numbers its own changes: a global sequence let one team read how busy the others
-- are from the gaps in its own numbers. A push already holds its team's row lock, so drawing
-- from the team's row keeps the numbers in commit order within the team (see 001_init.sql).
ALTER TABLE teams ADD COLUMN last_seq bigint NOT NULL DEFAULT 0;
UPDATE teams t SET last_seq = COALESCE((SELECT max(c.seq) FROM changes c WHERE c.team_id = t.id), 0);
ALTER TABLE changes DROP CONSTRAINT changes_pkey;
ALTER TABLE changes ADD PRIMARY KEY (team_id, seq);
DROP INDEX changes_team_seq;
DROP SEQUENCE change_seq;

-- The highest change number the server has handed to each device (token) in a pull or a live
-- stream: what its writes may claim to have seen. A conflict is judged from this, never from the
-- number a client sends alone.
-- Devices from before this upgrade start at NULL ("take its word once"): their first pull
-- sets it; new devices start at 0.
ALTER TABLE tokens ADD COLUMN seen_seq bigint;
ALTER TABLE tokens ALTER COLUMN seen_seq SET DEFAULT 0;

-- Who handed out each invite (NULL: the server's operator, from the command line). Revoking a
-- member voids the unused invites they issued, and the members list says who invited whom.
ALTER TABLE invites ADD COLUMN invited_by integer REFERENCES members (id);
ALTER TABLE members ADD COLUMN invited_by integer REFERENCES members (id);
CREATE INDEX invites_invited_by ON invites (invited_by) WHERE used_at IS NULL;
