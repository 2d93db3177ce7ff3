-- Accounts, their sync state, the recorded changes and a log of runs.

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL CHECK (provider IN ('linkup-v2', 'linkup-v1', 'connectsafely')),
  -- AES-GCM (CREDENTIALS_KEY) of {"apiKey", "accountId" | "loginToken"}: base64(iv || ciphertext);
  -- the additional data binds it to this row's id and provider.
  credentials TEXT,
  -- Or the name of a Worker secret holding that JSON.
  credentials_secret TEXT,
  base_url TEXT,
  -- 'active' | 'needs-credentials' (AUTH) | 'paused' (INSUFFICIENT_CREDITS) | 'error'
  status TEXT NOT NULL DEFAULT 'active',
  last_error_code TEXT,
  interval_minutes INTEGER NOT NULL DEFAULT 60,
  next_sync_at INTEGER NOT NULL DEFAULT 0,
  -- Set when a cron tick enqueues the account, cleared when its sync ends.
  lease_until INTEGER,
  last_sync_at INTEGER,
  webhook_url TEXT,
  -- Encrypted like credentials.
  webhook_secret TEXT,
  -- The last change seq the webhook acknowledged.
  webhook_cursor INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE INDEX accounts_due ON accounts (status, next_sync_at);

CREATE TABLE sync_state (
  account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  -- Compare-and-set: a commit applies only on the version it started from.
  version INTEGER NOT NULL DEFAULT 0,
  state TEXT,
  -- The run that wrote this version; the change rows of a commit check it.
  run_id TEXT,
  last_full_sync_at TEXT,
  updated_at INTEGER
);

CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  -- sha-256 of account, base version, resource, kind and key: a replay of a commit inserts nothing.
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL,
  -- The sync_state version this change moved the account to.
  version INTEGER NOT NULL,
  -- 'sentInvitations' | 'receivedInvitations' | 'connections' | 'accepted'
  resource TEXT NOT NULL,
  -- 'added' | 'removed' | 'accepted'
  kind TEXT NOT NULL,
  item_key TEXT NOT NULL,
  baseline INTEGER NOT NULL,
  item TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);

CREATE INDEX changes_by_account ON changes (account_id, seq);

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  message_id TEXT,
  attempt INTEGER,
  -- 'committed' | 'stale' (another run committed first) | 'retry' | 'needs-credentials' | 'paused' | 'error' | 'gave-up' | 'stalled' (a budget that bought no progress)
  outcome TEXT NOT NULL,
  complete INTEGER,
  stop_reason TEXT,
  error_code TEXT,
  requests INTEGER NOT NULL DEFAULT 0,
  credits INTEGER NOT NULL DEFAULT 0,
  changes INTEGER NOT NULL DEFAULT 0,
  subrequests INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL
);

CREATE INDEX sync_runs_by_account ON sync_runs (account_id, id);
