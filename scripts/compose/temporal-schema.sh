#!/bin/sh
# One-shot (docker-compose.yml, service temporal-schema): sets up or upgrades the schemas of the Temporal server's
# databases (made by postgres-init.sql), as the deprecated temporalio/auto-setup image did at every start.
set -eu

for pair in temporal:temporal temporal_visibility:visibility; do
  database=${pair%%:*}
  schema=${pair#*:}
  temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u "$POSTGRES_USER" --db "$database" setup-schema -v 0.0
  temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u "$POSTGRES_USER" --db "$database" \
    update-schema -d "/etc/temporal/schema/postgresql/v12/$schema/versioned"
done
echo 'Temporal schemas are up to date'
