-- Institution modules: up to 10 extra questions per institution, as versioned definitions. A new import adds a
-- new version; responses keep the module version they started with.
CREATE TABLE question_modules (
  id TEXT PRIMARY KEY, -- '<BRIN>-<version>', the id inside the definition
  brin TEXT NOT NULL REFERENCES institutions(brin),
  version INTEGER NOT NULL CHECK (version >= 1),
  definition TEXT NOT NULL, -- JSON, as validated on import
  file_name TEXT,
  imported_at TEXT NOT NULL,
  UNIQUE (brin, version)
);

-- The module version the response saw (NULL: the institution had no module when the response started).
ALTER TABLE responses ADD COLUMN module_version TEXT REFERENCES question_modules(id);
