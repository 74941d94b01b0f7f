-- Baton team server, first schema. Times are milliseconds since 1970 by the server's clock.

-- Orders every change of every team. Pushes of one team take the team's row lock before they
-- draw from it, so within a team the sequence is also the commit order: a client that pulled up
-- to N never misses a change numbered below N that committed later.
CREATE SEQUENCE change_seq;

CREATE TABLE teams (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at bigint NOT NULL
);

CREATE TABLE members (
  id serial PRIMARY KEY,
  team_id integer NOT NULL REFERENCES teams (id),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('member', 'lead', 'admin')),
  created_at bigint NOT NULL,
  revoked_at bigint,
  UNIQUE (team_id, email)
);

-- Only SHA-256 hashes of tokens and invite codes are kept: a copy of the database lets no one in.
CREATE TABLE tokens (
  hash text PRIMARY KEY,
  member_id integer NOT NULL REFERENCES members (id),
  created_at bigint NOT NULL
);

CREATE TABLE invites (
  code_hash text PRIMARY KEY,
  team_id integer NOT NULL REFERENCES teams (id),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('member', 'lead', 'admin')),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint
);
CREATE INDEX invites_team_email ON invites (team_id, email);

-- Append-only: every change accepted, as pushed, in server order. Client ids make retries harmless.
CREATE TABLE changes (
  seq bigint PRIMARY KEY,
  team_id integer NOT NULL REFERENCES teams (id),
  id text NOT NULL,
  kind text NOT NULL,
  member_id integer NOT NULL REFERENCES members (id),
  server_at bigint NOT NULL,
  body jsonb NOT NULL,
  old_value text,
  overwritten jsonb,
  UNIQUE (team_id, id)
);
CREATE INDEX changes_team_seq ON changes (team_id, seq);
CREATE INDEX changes_team_kind ON changes (team_id, kind, seq);

-- The current value of every field: what the last write in server order left.
CREATE TABLE field_values (
  team_id integer NOT NULL REFERENCES teams (id),
  host text NOT NULL,
  object_type text NOT NULL,
  record_id text NOT NULL,
  template_id text NOT NULL,
  field_id text NOT NULL,
  value text NOT NULL,
  seq bigint NOT NULL,
  member_id integer NOT NULL REFERENCES members (id),
  PRIMARY KEY (team_id, host, object_type, record_id, template_id, field_id)
);

-- The current state of every handoff, for the state machine and the team view.
CREATE TABLE handoffs (
  team_id integer NOT NULL REFERENCES teams (id),
  host text NOT NULL,
  object_type text NOT NULL,
  record_id text NOT NULL,
  template_id text NOT NULL,
  state text NOT NULL,
  owner_id integer NOT NULL REFERENCES members (id),
  title text,
  url text,
  updated_at bigint NOT NULL,
  PRIMARY KEY (team_id, host, object_type, record_id, template_id)
);

CREATE TABLE templates (
  team_id integer NOT NULL REFERENCES teams (id),
  id text NOT NULL,
  body jsonb NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (team_id, id)
);
