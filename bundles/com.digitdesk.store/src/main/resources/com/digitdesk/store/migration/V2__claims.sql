-- Claims: several importers share one store, each file's content read and stored by one of them.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.

-- One row per claimed content, made before the file is opened (a file that turns out to be no PDF
-- never gets a documents row, but is claimed all the same). lease_until is on the database's clock:
-- a claim whose lease ran out may be taken over by another claimant.
CREATE TABLE claims (
	content_sha256 VARCHAR NOT NULL PRIMARY KEY,
	claimant VARCHAR NOT NULL,
	lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);

-- an importer renews all its claims at once
CREATE INDEX claims_claimant ON claims (claimant, lease_until);

-- the latest quarantine entry of a content
CREATE INDEX quarantine_content ON quarantine (content_sha256, at);
