-- NuMeng.Recognition: the audit log is append-only for the portal's own database role (ADR 0010).
--
-- Two roles: an OWNER role that owns the schema and applies migrations (Database:MigrateOnStartup=false on the portal,
-- migrations run once per release with the owner's connection string), and the PORTAL role the running portal connects
-- with. The portal role may read and write the business tables but may only INSERT and SELECT audit entries: no UPDATE,
-- DELETE or TRUNCATE. (A table's owner can always grant itself everything back, so the portal must NOT own the tables.)
--
-- Apply as the owner or a superuser, after every migration (new tables need their grants):
--   psql "host=… dbname=numeng user=numeng_owner" -v owner_role=numeng_owner -v portal_role=numeng_portal \
--        -f deploy/postgresql/audit-append-only.sql
\set ON_ERROR_STOP on

-- Refuse to run when the portal role owns the audit table: its privileges could not be taken away.
SELECT set_config('numeng.portal_role', :'portal_role', false);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_tables
               WHERE schemaname = 'public' AND tablename = 'AuditEntries'
                 AND tableowner = current_setting('numeng.portal_role')) THEN
        RAISE EXCEPTION '门户角色 % 拥有 "AuditEntries" 表，无法收回其修改权限：请改由单独的属主角色持有这些表 / the portal role owns "AuditEntries"',
            current_setting('numeng.portal_role');
    END IF;
END
$$;

GRANT CONNECT ON DATABASE :"DBNAME" TO :"portal_role";
GRANT USAGE ON SCHEMA public TO :"portal_role";

-- Business tables: read and write.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"portal_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"portal_role";

-- The audit log: append and read only.
REVOKE ALL ON TABLE public."AuditEntries" FROM :"portal_role";
GRANT SELECT, INSERT ON TABLE public."AuditEntries" TO :"portal_role";

-- Migration history: read only (the portal never migrates).
REVOKE ALL ON TABLE public."__EFMigrationsHistory" FROM :"portal_role";
GRANT SELECT ON TABLE public."__EFMigrationsHistory" TO :"portal_role";

-- Tables the owner creates later get read/write grants; re-run this script after each migration all the same.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"portal_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"portal_role";
