using ChainMap.Import;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// Ordered, append-only migrations. Each runs once in its own transaction and records its number
/// in schema_version, so start-up is idempotent and an interrupted migration leaves nothing half-done.
/// Later features add their steps at the end of <see cref="Steps"/>.
/// </summary>
internal static class SqliteSchema
{
    private static readonly (int Version, string Sql)[] Steps =
    [
        (1, """
            CREATE TABLE chain(
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                category TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '');
            CREATE TABLE segment(
                code TEXT PRIMARY KEY,
                chain_code TEXT NOT NULL REFERENCES chain(code) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                name TEXT NOT NULL,
                tier TEXT NOT NULL,
                parent_code TEXT,
                aliases TEXT NOT NULL DEFAULT '',
                products TEXT NOT NULL DEFAULT '',
                keywords TEXT NOT NULL DEFAULT '',
                industry_codes TEXT NOT NULL DEFAULT '');
            CREATE INDEX segment_by_chain ON segment(chain_code, ordinal);
            CREATE TABLE flow(
                chain_code TEXT NOT NULL REFERENCES chain(code) ON DELETE CASCADE,
                from_code TEXT NOT NULL,
                to_code TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                PRIMARY KEY(from_code, to_code)) WITHOUT ROWID;
            CREATE INDEX flow_by_chain ON flow(chain_code);
            CREATE TABLE region(
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                level TEXT NOT NULL,
                parent_code TEXT) WITHOUT ROWID;
            CREATE TABLE region_group(
                name TEXT PRIMARY KEY,
                alias TEXT,
                members TEXT NOT NULL);
            CREATE TABLE home(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                units TEXT NOT NULL,
                teams TEXT NOT NULL);
            CREATE TABLE company(
                id INTEGER PRIMARY KEY,
                identity_key TEXT NOT NULL UNIQUE,
                uscc TEXT UNIQUE,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                region_code TEXT NOT NULL,
                province_code TEXT NOT NULL,
                city_code TEXT,
                county_code TEXT,
                registered_capital REAL,
                founded TEXT,
                employees INTEGER,
                revenue REAL,
                listed_code TEXT,
                tags TEXT NOT NULL DEFAULT '',
                products TEXT,
                address TEXT,
                strength REAL NOT NULL DEFAULT 0,
                provenance TEXT NOT NULL DEFAULT '{}',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX company_by_province ON company(province_code, strength DESC);
            CREATE INDEX company_by_city ON company(city_code);
            CREATE INDEX company_by_county ON company(county_code);
            CREATE INDEX company_by_strength ON company(strength DESC, id);
            CREATE TABLE company_segment(
                company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                segment_code TEXT NOT NULL,
                chain_code TEXT NOT NULL,
                role TEXT,
                confidence REAL NOT NULL,
                evidence TEXT,
                source TEXT,
                PRIMARY KEY(company_id, segment_code)) WITHOUT ROWID;
            CREATE INDEX company_segment_by_segment ON company_segment(segment_code, company_id);
            CREATE INDEX company_segment_by_chain ON company_segment(chain_code, company_id);
            CREATE TABLE company_relation(
                from_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                to_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                note TEXT,
                source TEXT,
                PRIMARY KEY(from_id, to_id, kind)) WITHOUT ROWID;
            CREATE INDEX company_relation_by_to ON company_relation(to_id, from_id);
            CREATE TABLE import_run(
                id TEXT PRIMARY KEY,
                file_name TEXT NOT NULL,
                at TEXT NOT NULL) WITHOUT ROWID;
            """),
        (60, """
            CREATE TABLE app_user(
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                team_id TEXT,
                created_at TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE api_key(
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES app_user(id),
                label TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT) WITHOUT ROWID;
            CREATE TABLE audit_log(
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                user_id TEXT,
                user_name TEXT,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                status INTEGER NOT NULL);
            CREATE INDEX audit_log_by_at ON audit_log(at);
            """),
        (40, """
            CREATE TABLE project(
                id INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES company(id),
                name TEXT NOT NULL,
                chain_code TEXT NOT NULL,
                segment_code TEXT,
                channel TEXT NOT NULL,
                channel_detail TEXT,
                team_id TEXT NOT NULL,
                unit_code TEXT NOT NULL,
                planned_investment REAL,
                is_key INTEGER NOT NULL DEFAULT 0,
                notes TEXT,
                stage TEXT NOT NULL,
                stage_date TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                updated_by TEXT NOT NULL);
            CREATE INDEX project_by_team ON project(team_id);
            CREATE INDEX project_by_unit ON project(unit_code);
            CREATE INDEX project_by_chain ON project(chain_code);
            CREATE INDEX project_by_stage ON project(stage);
            CREATE INDEX project_by_company ON project(company_id);
            CREATE INDEX project_listing ON project(is_key DESC, stage_date DESC, id DESC);
            CREATE TABLE project_stage_change(
                project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                from_stage TEXT,
                to_stage TEXT NOT NULL,
                on_date TEXT NOT NULL,
                made_by TEXT NOT NULL,
                note TEXT,
                reason TEXT,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY(project_id, seq)) WITHOUT ROWID;
            CREATE INDEX project_stage_change_by_date ON project_stage_change(on_date);
            CREATE TABLE project_activity(
                id INTEGER PRIMARY KEY,
                project_id INTEGER REFERENCES project(id) ON DELETE CASCADE,
                company_id INTEGER NOT NULL REFERENCES company(id),
                kind TEXT NOT NULL,
                title TEXT,
                on_date TEXT NOT NULL,
                people_met TEXT NOT NULL DEFAULT '[]',
                notes TEXT,
                team_id TEXT NOT NULL,
                made_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL);
            CREATE INDEX project_activity_by_date ON project_activity(on_date, id);
            CREATE INDEX project_activity_by_team ON project_activity(team_id, on_date);
            CREATE INDEX project_activity_by_project ON project_activity(project_id, on_date);
            CREATE INDEX project_activity_by_company ON project_activity(company_id, on_date);
            CREATE TABLE project_blocker(
                id INTEGER PRIMARY KEY,
                project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                description TEXT NOT NULL,
                owner TEXT,
                status TEXT NOT NULL,
                opened_on TEXT NOT NULL,
                opened_by TEXT NOT NULL,
                closed_on TEXT,
                closed_by TEXT,
                closing_note TEXT);
            CREATE INDEX project_blocker_by_project ON project_blocker(project_id, status);
            """),
        (20, SqliteDiscoverySchema.Members),
        (21, SqliteDiscoverySchema.Channels),
        (10, """
            CREATE INDEX company_by_name ON company(name_key);
            CREATE TABLE import_job(
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                file_name TEXT NOT NULL,
                state TEXT NOT NULL,
                dry_run INTEGER NOT NULL,
                all_or_nothing INTEGER NOT NULL,
                rows_read INTEGER NOT NULL DEFAULT 0,
                inserted INTEGER NOT NULL DEFAULT 0,
                updated INTEGER NOT NULL DEFAULT 0,
                unchanged INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0,
                unassigned INTEGER NOT NULL DEFAULT 0,
                problems INTEGER NOT NULL DEFAULT 0,
                written INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT,
                message TEXT) WITHOUT ROWID;
            CREATE INDEX import_job_by_created ON import_job(created_at DESC, id);
            CREATE TABLE import_problem(
                job_id TEXT NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                file TEXT NOT NULL,
                line INTEGER NOT NULL,
                column_name TEXT,
                value TEXT,
                reason TEXT NOT NULL,
                severity TEXT NOT NULL,
                PRIMARY KEY(job_id, seq)) WITHOUT ROWID;
            CREATE TABLE deferred_index(
                name TEXT PRIMARY KEY,
                sql TEXT NOT NULL) WITHOUT ROWID;
            """),
        (22, SqliteDiscoverySchema.Counts),
        (23, SqliteDiscoverySchema.ChannelMembers),

        // Planned investment as exact decimal text (ADR 0100): a REAL column turns 万元 into binary floating
        // point and a TEXT value written into it back into REAL, so the amount moves to a TEXT column. The
        // old column is kept (SQLite cannot drop it cheaply) and emptied; readers still fall back to it.
        (100, """
            ALTER TABLE project ADD COLUMN planned_investment_wan TEXT;
            UPDATE project SET planned_investment_wan = CAST(planned_investment AS TEXT), planned_investment = NULL
            WHERE planned_investment IS NOT NULL;
            """),
        (135, SqliteDiscoverySchema.MembershipStatus),

        // Next steps on activities and due dates on blockers (ADR 0173): nullable, so older rows read as "none".
        (173, """
            ALTER TABLE project_activity ADD COLUMN our_people TEXT;
            ALTER TABLE project_activity ADD COLUMN next_step TEXT;
            ALTER TABLE project_activity ADD COLUMN next_step_due TEXT;
            ALTER TABLE project_blocker ADD COLUMN due_on TEXT;
            CREATE INDEX project_activity_by_next_step_due ON project_activity(next_step_due) WHERE next_step_due IS NOT NULL;
            """),

        // An analyst's rejection of a membership (ADR 0180): a tombstone apart from company_segment, so that
        // nothing that reads memberships sees it; the import's merge and re-classification do.
        (180, """
            CREATE TABLE membership_rejection(
                company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
                segment_code TEXT NOT NULL,
                at TEXT NOT NULL,
                by TEXT,
                PRIMARY KEY(company_id, segment_code)) WITHOUT ROWID;
            """),

        // Company versions for analysts' edits (ADR 0185): companies stored before read as version 1.
        (185, "ALTER TABLE company ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"),

        // Values an import kept because an analyst set them (ADR 0185).
        (186, "ALTER TABLE import_job ADD COLUMN analyst_values_kept INTEGER NOT NULL DEFAULT 0;"),

        // Merged companies (ADR 0190): the merged id keeps answering with the company it went into.
        (190, """
            CREATE TABLE company_merged(
                id INTEGER PRIMARY KEY,
                into_id INTEGER NOT NULL,
                at TEXT NOT NULL);
            CREATE INDEX company_merged_by_into ON company_merged(into_id);
            """),

        // The change log of company imports (ADR 0191): what each job created (id ranges) and changed (values before), for undo.
        (191, """
            CREATE TABLE import_change(
                job_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                first_id INTEGER NOT NULL,
                last_id INTEGER NOT NULL,
                before TEXT,
                PRIMARY KEY(job_id, seq)) WITHOUT ROWID;
            """),

        // The highest company id ever handed out: a deleted or merged company's id is never given to a new one,
        // because merge records, change logs and the audit log still name it.
        (192, """
            CREATE TABLE company_id_high(only INTEGER PRIMARY KEY CHECK (only = 1), last INTEGER NOT NULL);
            INSERT INTO company_id_high(only, last)
                VALUES (1, max(coalesce((SELECT max(id) FROM company), 0), coalesce((SELECT max(id) FROM company_merged), 0)));
            """),

        // Whether an import job was asked to replace analysts' values (ADR 0197); jobs stored before read as not asked.
        (196, "ALTER TABLE import_job ADD COLUMN overwrite_analyst INTEGER NOT NULL DEFAULT 0;"),

        // Tags of confirmed memberships, and memberships by capital, for filtered target lists (ADR 0211).
        (210, SqliteDiscoverySchema.MemberTags),

        // Discovery answers kept across restarts and the write mark that says whether they are current (ADR 0295).
        (215, """
            CREATE TABLE discovery_snapshot(
                key TEXT PRIMARY KEY,
                format INTEGER NOT NULL,
                write_mark INTEGER NOT NULL,
                as_of TEXT NOT NULL,
                written_seq INTEGER NOT NULL,
                body BLOB NOT NULL);
            CREATE TABLE discovery_write_mark(only INTEGER PRIMARY KEY CHECK (only = 1), mark INTEGER NOT NULL);
            INSERT INTO discovery_write_mark(only, mark) VALUES (1, 0);
            """),

        // The discovery triggers run only when a value they copy changed (ADR 0320).
        (220, SqliteDiscoverySchema.TriggersOnChange),

        // A minimum capital is tested from the indexes; a list scoped to provinces counts it by a seek (ADR 0340).
        (230, SqliteDiscoverySchema.CapitalInIndexes),

        // Compact provenance (ADR 0350): field → source becomes source → mask of its fields, each source once.
        (235, CompactProvenance),
        (240, MembershipTargets),

        // The discovery members by place (chain, province, city, county; migration 20): read by no statement — every read
        // of discovery_member names its index (INDEXED BY) or is keyed by segment and company or by company (ADR 0535) —
        // yet built at every large import's end and written on every member row the triggers touch.
        (255, "DROP INDEX IF EXISTS discovery_member_by_place;"),
    ];

    /// <summary>
    /// Migration 240 (ADR 0370): what a membership may name. A segment, or a chain for a chain-level membership (环节待定),
    /// stored under the chain's code with itself as chain; no segment carries a chain's code (the chain service refuses one).
    /// Every write of a membership looks its code up here instead of in <c>segment</c>. A chain-level membership is in no
    /// segment's discovery figure: the triggers copy only segment memberships (segment_code &lt;&gt; chain_code) into discovery_member.
    /// </summary>
    private static string MembershipTargets => """
        CREATE VIEW membership_target(code, chain_code) AS
            SELECT code, chain_code FROM segment
            UNION ALL
            SELECT code, code FROM chain;

        DROP TRIGGER IF EXISTS discovery_member_after_membership_insert;
        CREATE TRIGGER discovery_member_after_membership_insert AFTER INSERT ON company_segment
        WHEN NEW.status = 'confirmed' AND NEW.segment_code <> NEW.chain_code
        BEGIN
            INSERT OR REPLACE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
            SELECT NEW.segment_code, c.id, NEW.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
            FROM company c WHERE c.id = NEW.company_id;
        END;
        """ + SqliteDiscoverySchema.MembershipMoveTrigger("NEW.status = 'confirmed' AND NEW.segment_code <> NEW.chain_code");

    /// <summary>
    /// Migration 235: each company's provenance from <c>{"field":"source",…}</c> to <c>{"source":mask,…}</c>, the form
    /// <see cref="FieldProvenance"/> writes (bits of <see cref="CompanyFields"/>, sources in the order of their first
    /// field). A name that is no company field has no bit and is dropped. Undo records (<c>import_change</c>) keep their own
    /// field → source maps and are not touched.
    /// </summary>
    private static string CompactProvenance => $$"""
        UPDATE company SET provenance = coalesce((
            SELECT json_group_object(source, mask) FROM (
                SELECT source, sum(bit) AS mask, min(bit) AS first FROM (
                    SELECT p.value AS source, CASE p.key {{string.Join(" ", CompanyFields.Names.Select((name, bit) => $"WHEN '{name}' THEN {1 << bit}"))}} END AS bit
                    FROM json_each(company.provenance) p WHERE p.type = 'text')
                WHERE bit IS NOT NULL GROUP BY source ORDER BY first)), '{}')
        WHERE provenance <> '{}';
        """;

    public static async Task MigrateAsync(SqliteConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (version, sql) in Steps.OrderBy(s => s.Version))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT count(*) FROM schema_version WHERE version = $v";
            check.Parameters.AddWithValue("$v", version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            await using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = sql;
            await apply.ExecuteNonQueryAsync(cancellationToken);

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version(version, applied_at) VALUES ($v, $at)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
