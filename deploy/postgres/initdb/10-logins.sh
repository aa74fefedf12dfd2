#!/usr/bin/env bash
# Runs once, as the superuser, when the postgres image initialises an empty volume. Creates one
# login per service, each owning its own databases: the engine's `talent` (which runs its own
# migrations as owner) and Temporal's `temporal`; and `talent_app`, the login the engine works as,
# whose privileges in `talent` the migrations grant. None may create roles or databases, and none
# may connect to another service's databases.
set -euo pipefail
: "${TALENT_DB_PASSWORD:?set TALENT_DB_PASSWORD}"
: "${TALENT_APP_DB_PASSWORD:?set TALENT_APP_DB_PASSWORD}"
: "${TEMPORAL_DB_PASSWORD:?set TEMPORAL_DB_PASSWORD}"

# Passwords travel as psql variables, quoted by :'name', never spliced into the SQL text.
psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v talent_password="$TALENT_DB_PASSWORD" -v talent_app_password="$TALENT_APP_DB_PASSWORD" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE talent LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'talent_password';
CREATE ROLE talent_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'talent_app_password';
CREATE ROLE temporal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'temporal_password';

CREATE DATABASE talent OWNER talent;
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;

-- PostgreSQL lets every login connect to every database; owners keep their own.
REVOKE ALL ON DATABASE postgres, talent, temporal, temporal_visibility FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE talent TO talent_app;

-- Temporal's visibility schema indexes with btree_gin; made here so its login needs no more rights.
\connect temporal_visibility
CREATE EXTENSION IF NOT EXISTS btree_gin;
SQL
