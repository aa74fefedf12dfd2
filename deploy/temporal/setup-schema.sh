#!/bin/sh
# One-shot job before each start of the Temporal server: brings its two databases to the schema of
# this server version. Safe to repeat: setup-schema only adds the version tables where missing,
# update-schema applies only the versions not applied yet. The databases themselves come from
# deploy/postgres/initdb, owned by the `temporal` login, which may not create databases.
set -eu
: "${DBNAME:?}" "${VISIBILITY_DBNAME:?}"
schemas=/etc/temporal/schema/postgresql/v12

temporal-sql-tool --db "$DBNAME" setup-schema -v 0.0
temporal-sql-tool --db "$DBNAME" update-schema -d "$schemas/temporal/versioned"
temporal-sql-tool --db "$VISIBILITY_DBNAME" setup-schema -v 0.0
temporal-sql-tool --db "$VISIBILITY_DBNAME" update-schema -d "$schemas/visibility/versioned"
