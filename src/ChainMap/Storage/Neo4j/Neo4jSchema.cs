namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Uniqueness constraints on every key and indexes on the properties that filters start from,
/// created before any data and idempotently at every start. The statements depend on the server
/// version: 3.x to 4.3 know only <c>CREATE CONSTRAINT ON ... ASSERT</c> and <c>CREATE INDEX ON</c>;
/// 4.4 and later use named <c>IF NOT EXISTS</c> statements (the old ones are gone in 5.x).
/// Community edition has uniqueness constraints only: required properties are checked in C#.
/// Later features add their keys and indexes to the lists below.
/// </summary>
internal static class Neo4jSchema
{
    /// <summary>(name, label, property): one uniqueness constraint each.</summary>
    internal static readonly (string Name, string Label, string Property)[] UniqueKeys =
    [
        ("chain_code", "Chain", "code"),
        ("segment_code", "Segment", "code"),
        ("region_code", "Region", "code"),
        ("region_group_name", "RegionGroup", "name"),
        ("home_id", "Home", "id"),
        ("company_key", "Company", "key"),
        ("company_id", "Company", "id"),
        ("company_uscc", "Company", "uscc"),
        ("import_run_id", "ImportRun", "id"),
        ("sequence_name", "Sequence", "name"),
        ("user_id", "User", "id"),
        ("api_key_id", "ApiKey", "id"),
        ("audit_entry_id", "AuditEntry", "id"),
        ("import_job_id", "ImportJob", "id"),
        ("project_id", "Project", "id"),
        ("activity_id", "Activity", "id"),
        ("blocker_id", "Blocker", "id"),
        ("channel_code", "Channel", "code"),
        ("channel_id", "Channel", "id"),
        ("merged_company_id", "MergedCompany", "id"),
        ("segment_count_segment", "SegmentCount", "segment"),
        ("discovery_snapshot_key", "DiscoverySnapshot", "key"),
        ("discovery_write_mark_only", "DiscoveryWriteMark", "only"),
        ("tie_summary_key", "TieSummary", "key"),
        ("target_total_key", "TargetTotal", "key"),
    ];

    /// <summary>
    /// (name, label, property): one index each, for the filters that start a query. Every index
    /// costs every company write, so only filters that start queries get one.
    /// </summary>
    internal static readonly (string Name, string Label, string Property)[] Indexes =
    [
        ("company_province", "Company", "provinceCode"),
        ("company_city", "Company", "cityCode"),
        ("company_county", "Company", "countyCode"),
        ("segment_chain", "Segment", "chainCode"),
        ("import_problem_job", "ImportProblem", "jobId"),
        ("stage_change_project", "StageChange", "projectId"),
        ("activity_project", "Activity", "projectId"),
        ("activity_company", "Activity", "companyId"),
        ("activity_next_step_due", "Activity", "nextStepDue"),
        ("blocker_project", "Blocker", "projectId"),
        ("project_company", "Project", "companyId"),
        ("merged_company_into", "MergedCompany", "into"),
        ("import_change_job", "ImportChange", "jobId"),
        ("candidate_company", "Candidate", "company"),
        ("candidate_segment", "Candidate", "segment"),
        ("candidate_segment_province", "Candidate", "segmentProvince"),
        ("candidate_segment_city", "Candidate", "segmentCity"),
        ("candidate_tie_segment", "Candidate", "tieSegment"),
    ];

    /// <summary>Text indexes (5.x) serve CONTAINS; older servers scan their B-tree index for it.</summary>
    internal static readonly (string Name, string Label, string Property)[] TextIndexes =
    [
        ("company_name_key", "Company", "nameKey"),
    ];

    public static IReadOnlyList<string> StatementsFor(Version version)
    {
        var modern = version.Major > 4 || (version.Major == 4 && version.Minor >= 4);
        var statements = new List<string>();
        foreach (var (name, label, property) in UniqueKeys)
        {
            statements.Add(modern
                ? $"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{property} IS UNIQUE"
                : $"CREATE CONSTRAINT ON (n:{label}) ASSERT n.{property} IS UNIQUE");
        }

        foreach (var (name, label, property) in Indexes)
        {
            statements.Add(modern
                ? $"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{property})"
                : $"CREATE INDEX ON :{label}({property})");
        }

        foreach (var (name, label, property) in TextIndexes)
        {
            statements.Add(version.Major >= 5
                ? $"CREATE TEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{property})"
                : modern ? $"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{property})" : $"CREATE INDEX ON :{label}({property})");
        }

        return statements;
    }

    /// <summary>One statement per transaction (schema changes cannot share one with data); "already exists" is success.</summary>
    public static async Task CreateAsync(Neo4jServer server, CancellationToken cancellationToken)
    {
        foreach (var statement in StatementsFor(server.Version))
        {
            try
            {
                await server.Transport.RunAsync([statement], cancellationToken);
            }
            catch (Neo4jException ex) when (ex.Code.Contains("AlreadyExists", StringComparison.Ordinal))
            {
                // 4.0-4.3 refuse to create an equivalent constraint or index twice; that is what we want.
            }
        }

        // Data the schema changes need: built once for a database written before them (ADRs 0250, 0270).
        await Neo4jCandidates.MigrateAsync(server.Transport, cancellationToken);
    }
}
