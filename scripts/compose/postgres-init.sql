-- Runs once, when the postgres service initialises its volume: the Temporal server's two databases beside epf's.
-- scripts/compose/temporal-schema.sh then creates or upgrades their schemas at every start.
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
