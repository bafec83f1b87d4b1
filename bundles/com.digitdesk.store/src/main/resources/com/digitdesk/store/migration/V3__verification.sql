-- Verification: what clerks on any workstation sharing the store need to see a field, the field claims
-- by which two workstations never show the same field, and the effort and undoing of each decision.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.

-- where a field's box is on the page raster (NULL for fields stored before)
ALTER TABLE fields ADD COLUMN box_x INTEGER;
ALTER TABLE fields ADD COLUMN box_y INTEGER;
ALTER TABLE fields ADD COLUMN box_width INTEGER;
ALTER TABLE fields ADD COLUMN box_height INTEGER;

-- the review queue in document order: documents as stored, pages, positions. The field keeps its
-- document and page index (as its page has them) so that one index walks the queue from any field on.
ALTER TABLE fields ADD COLUMN document_id BIGINT;
ALTER TABLE fields ADD COLUMN page_index INTEGER;
UPDATE fields SET document_id = (SELECT p.document_id FROM pages p WHERE p.id = fields.page_id),
	page_index = (SELECT p.page_index FROM pages p WHERE p.id = fields.page_id);
CREATE INDEX fields_queue ON fields (status, document_id, page_index, position);

-- the page as scanned, reduced for viewing; boxes scale by the image's width over raster_width
CREATE TABLE page_images (
	page_id BIGINT NOT NULL PRIMARY KEY REFERENCES pages (id),
	raster_width INTEGER NOT NULL CHECK (raster_width > 0),
	raster_height INTEGER NOT NULL CHECK (raster_height > 0),
	png BYTEA NOT NULL
);

-- a field's snippet at the raster's resolution: the part (x, y, width, height) of the raster it shows
CREATE TABLE field_images (
	field_id BIGINT NOT NULL PRIMARY KEY REFERENCES fields (id),
	x INTEGER NOT NULL,
	y INTEGER NOT NULL,
	width INTEGER NOT NULL CHECK (width >= 0),
	height INTEGER NOT NULL CHECK (height >= 0),
	png BYTEA NOT NULL
);

-- a waiting field shown to a clerk; lease_until on the database's clock, as the import claims
CREATE TABLE field_claims (
	field_id BIGINT NOT NULL PRIMARY KEY REFERENCES fields (id),
	clerk VARCHAR NOT NULL,
	lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX field_claims_clerk ON field_claims (clerk, lease_until);

-- a decision's effort, and its undoing (the row stays: the audit keeps both acts)
ALTER TABLE corrections ADD COLUMN changed_positions VARCHAR;
ALTER TABLE corrections ADD COLUMN seconds DOUBLE PRECISION;
ALTER TABLE corrections ADD COLUMN keystrokes INTEGER;
ALTER TABLE corrections ADD COLUMN undone_by VARCHAR;
ALTER TABLE corrections ADD COLUMN undone_at TIMESTAMP WITH TIME ZONE;
