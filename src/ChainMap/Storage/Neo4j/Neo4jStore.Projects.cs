using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;
using ChainMap.Projects;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// <c>(:Project {id, companyId, name, chainCode, segmentCode, channel, channelDetail, teamId, unitCode,
/// plannedInvestment (exact 万元 text), isKey, notes, stage, stageDate, version, createdAt, createdBy, updatedAt, updatedBy})</c>;
/// <c>(:StageChange {projectId, seq, from, to, date, by, note, reason, recordedAt})</c>;
/// <c>(:Activity {id, projectId, companyId, kind, title, date, peopleMet, notes, teamId, by, recordedAt, ourPeople, nextStep, nextStepDue})</c>;
/// <c>(:Blocker {id, projectId, kind, description, owner, status, openedOn, openedBy, closedOn, closedBy, closingNote, dueOn})</c>.
/// Ids come from <c>(:Sequence {name: 'project' | 'activity' | 'blocker', next})</c>; dates are <c>yyyy-MM-dd</c> text.
/// A conditional write first takes the project's (or blocker's) write lock (<c>SET x.lock = true REMOVE x.lock</c>)
/// and only then reads the version, so of two writers expecting the same version exactly one applies.
/// </summary>
internal sealed partial class Neo4jStore
{
    private const string ProjectMap = """
        {id: p.id, companyId: c.id, companyName: c.name, uscc: c.uscc, name: p.name, chainCode: p.chainCode,
         segmentCode: p.segmentCode, channel: p.channel, channelDetail: p.channelDetail, teamId: p.teamId,
         unitCode: p.unitCode, plannedInvestment: p.plannedInvestment, isKey: p.isKey, notes: p.notes, stage: p.stage,
         stageDate: p.stageDate, version: p.version, openBlockers: open, createdAt: p.createdAt, createdBy: p.createdBy,
         updatedAt: p.updatedAt, updatedBy: p.updatedBy}
        """;

    /// <summary>Follows a <c>MATCH (p:Project)</c> (and its filter): joins the company and counts open blockers.</summary>
    private const string ProjectJoin = """
        MATCH (c:Company {id: p.companyId})
        OPTIONAL MATCH (b:Blocker {projectId: p.id, status: 'open'})
        WITH p, c, count(b) AS open
        """ + "\n";

    private const string ActivityMap = """
        {id: a.id, projectId: a.projectId, companyId: c.id, companyName: c.name, uscc: c.uscc, kind: a.kind, title: a.title,
         date: a.date, peopleMet: a.peopleMet, notes: a.notes, teamId: a.teamId, by: a.by, recordedAt: a.recordedAt,
         ourPeople: a.ourPeople, nextStep: a.nextStep, nextStepDue: a.nextStepDue}
        """;

    private const string StageChangeMap =
        "{from: s.from, to: s.to, date: s.date, by: s.by, note: s.note, reason: s.reason, recordedAt: s.recordedAt}";

    private const string BlockerMap = """
        {id: b.id, projectId: b.projectId, kind: b.kind, description: b.description, owner: b.owner, status: b.status,
         openedOn: b.openedOn, openedBy: b.openedBy, closedOn: b.closedOn, closedBy: b.closedBy, closingNote: b.closingNote, dueOn: b.dueOn}
        """;

    private const string NextId = """
        MERGE (q:Sequence {name: $sequence})
        ON CREATE SET q.next = 0
        SET q.next = q.next + 1
        """;

    /// <remarks>
    /// The company's write lock is taken before looking for its open project, so of two creations for one company the
    /// second waits, then sees the first one's project and creates nothing.
    /// </remarks>
    public async Task<ProjectCreateResult> CreateProjectAsync(long companyId, ProjectFields fields, StageChange initial, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("""
            MATCH (c:Company {id: $company})
            WITH c LIMIT 1
            SET c.lock = true REMOVE c.lock
            WITH c
            OPTIONAL MATCH (e:Project {companyId: c.id}) WHERE e.stage <> 'terminated'
            WITH c, min(e.id) AS existing
            MERGE (q:Sequence {name: $sequence})
            ON CREATE SET q.next = 0
            FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
                SET q.next = q.next + 1
                CREATE (p:Project {id: q.next, companyId: c.id})
                SET p += $fields, p.stage = $change.to, p.stageDate = $change.date, p.version = 1,
                    p.createdAt = $change.recordedAt, p.createdBy = $change.by, p.updatedAt = $change.recordedAt, p.updatedBy = $change.by
                CREATE (s:StageChange {projectId: q.next, seq: 1})
                SET s += $change)
            RETURN existing, q.next
            """,
            ("company", companyId), ("sequence", "project"), ("fields", FieldProps(fields)), ("change", ChangeProps(initial))),
            cancellationToken);
        if (result.Rows.Count == 0)
        {
            return new ProjectCreateResult(ProjectCreateStatus.CompanyNotFound, 0);
        }

        var row = result.Rows[0];
        return row[0].AsNullableInt64() is { } existing
            ? new ProjectCreateResult(ProjectCreateStatus.CompanyHasOpenProject, existing)
            : new ProjectCreateResult(ProjectCreateStatus.Created, row[1].AsInt64());
    }

    public async Task<ProjectFile?> GetProjectFileAsync(long projectId, CancellationToken cancellationToken)
    {
        var results = await RunAsync(
        [
            Cypher("MATCH (p:Project {id: $id})\n" + ProjectJoin + "RETURN " + ProjectMap, ("id", projectId)),
            Cypher("MATCH (s:StageChange {projectId: $id}) RETURN " + StageChangeMap + " ORDER BY s.seq", ("id", projectId)),
            Cypher("""
                MATCH (a:Activity {projectId: $id})
                MATCH (c:Company {id: a.companyId})
                RETURN
                """ + " " + ActivityMap + " ORDER BY a.date DESC, a.id DESC", ("id", projectId)),
            Cypher("""
                MATCH (b:Blocker {projectId: $id})
                RETURN
                """ + " " + BlockerMap + " ORDER BY CASE b.status WHEN 'open' THEN 0 ELSE 1 END, b.openedOn DESC, b.id DESC",
                ("id", projectId)),
        ], cancellationToken);
        if (results[0].Rows.Count == 0)
        {
            return null;
        }

        return new ProjectFile(
            ReadProject(results[0].Rows[0][0]),
            results[1].Rows.Select(r => ReadStageChange(r[0])).ToList(),
            results[2].Rows.Select(r => ReadActivity(r[0])).ToList(),
            results[3].Rows.Select(r => ReadBlocker(r[0])).ToList());
    }

    public async Task<Paged<Project>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken)
    {
        const string Filter = """
            MATCH (p:Project)
            WHERE ($team IS NULL OR p.teamId = $team) AND ($unit IS NULL OR p.unitCode = $unit)
              AND ($chain IS NULL OR p.chainCode = $chain) AND ($stages IS NULL OR p.stage IN $stages)
              AND ($key IS NULL OR p.isKey = $key) AND ($company IS NULL OR p.companyId = $company)

            """;
        (string, object?)[] parameters =
        [
            ("team", query.TeamId), ("unit", query.UnitCode), ("chain", query.ChainCode),
            ("stages", query.Stages is { Count: > 0 } stages ? stages.Select(s => s.ToWire()).ToList() : null),
            ("key", query.IsKey), ("company", query.CompanyId),
            ("skip", (long)(query.Page - 1) * query.PageSize), ("limit", query.PageSize),
        ];
        var results = await RunAsync(
        [
            Cypher(Filter + "RETURN count(p)", parameters),
            Cypher(Filter + "WITH p ORDER BY p.isKey DESC, p.stageDate DESC, p.id DESC SKIP $skip LIMIT $limit\n" + ProjectJoin +
                "RETURN " + ProjectMap + " AS project ORDER BY p.isKey DESC, p.stageDate DESC, p.id DESC", parameters),
        ], cancellationToken);
        return new Paged<Project>(
            results[1].Rows.Select(r => ReadProject(r[0])).ToList(), query.Page, query.PageSize, results[0].Rows[0][0].AsInt64());
    }

    public async Task<ProjectWriteResult> UpdateProjectAsync(long projectId, long expectedVersion, ProjectFields fields, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ConditionalProjectWriteAsync(Cypher("""
            MATCH (p:Project {id: $id})
            SET p.lock = true REMOVE p.lock
            WITH p, p.version = $expected AS ok
            FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
                SET p += $fields, p.version = p.version + 1, p.updatedAt = $at, p.updatedBy = $by)
            RETURN ok, p.version, p.stage
            """,
            ("id", projectId), ("expected", expectedVersion), ("fields", FieldProps(fields)), ("at", Instant(at)), ("by", by)),
            cancellationToken);

    public async Task<ProjectWriteResult> ApplyStageChangeAsync(long projectId, long expectedVersion, StageChange change, CancellationToken cancellationToken) =>
        await ConditionalProjectWriteAsync(Cypher("""
            MATCH (p:Project {id: $id})
            SET p.lock = true REMOVE p.lock
            WITH p, p.version = $expected AS ok
            FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
                SET p.stage = $change.to, p.stageDate = $change.date, p.version = p.version + 1,
                    p.updatedAt = $change.recordedAt, p.updatedBy = $change.by
                CREATE (s:StageChange {projectId: p.id, seq: $expected + 1})
                SET s += $change)
            RETURN ok, p.version, p.stage
            """,
            ("id", projectId), ("expected", expectedVersion), ("change", ChangeProps(change))),
            cancellationToken);

    public async Task<Activity?> AddActivityAsync(NewActivity activity, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($$"""
            MATCH (c:Company {id: $company})
            OPTIONAL MATCH (p:Project {id: $project})
            WITH c, p LIMIT 1
            WHERE $project IS NULL OR (p IS NOT NULL AND p.companyId = $company)
            {{NextId}}
            CREATE (a:Activity {id: q.next, projectId: $project, companyId: c.id})
            SET a += $props
            RETURN {{ActivityMap}}
            """,
            ("company", activity.CompanyId), ("project", activity.ProjectId), ("sequence", "activity"),
            ("props", new Dictionary<string, object?>
            {
                ["kind"] = activity.Kind.ToWire(),
                ["title"] = activity.Title,
                ["date"] = DateText(activity.Date),
                ["peopleMet"] = activity.PeopleMet.ToList(),
                ["notes"] = activity.Notes,
                ["teamId"] = activity.TeamId,
                ["by"] = activity.By,
                ["recordedAt"] = Instant(activity.RecordedAt),
                ["ourPeople"] = activity.OurPeople is { Count: > 0 } ours ? ours.ToList() : null,
                ["nextStep"] = activity.NextStep,
                ["nextStepDue"] = activity.NextStepDue is { } due ? DateText(due) : null,
            })),
            cancellationToken);
        return result.Rows.Count == 0 ? null : ReadActivity(result.Rows[0][0]);
    }

    public async Task<Paged<Activity>> ListActivitiesAsync(ActivityQuery query, CancellationToken cancellationToken)
    {
        const string Filter = """
            MATCH (a:Activity)
            WHERE ($team IS NULL OR a.teamId = $team) AND ($project IS NULL OR a.projectId = $project)
              AND ($company IS NULL OR a.companyId = $company) AND ($from IS NULL OR a.date >= $from)
              AND ($to IS NULL OR a.date <= $to)

            """;
        (string, object?)[] parameters =
        [
            ("team", query.TeamId), ("project", query.ProjectId), ("company", query.CompanyId),
            ("from", query.From is { } from ? DateText(from) : null), ("to", query.To is { } to ? DateText(to) : null),
            ("skip", (long)(query.Page - 1) * query.PageSize), ("limit", query.PageSize),
        ];
        var results = await RunAsync(
        [
            Cypher(Filter + "RETURN count(a)", parameters),
            Cypher(Filter + "WITH a ORDER BY a.date DESC, a.id DESC SKIP $skip LIMIT $limit\nMATCH (c:Company {id: a.companyId})\nRETURN " +
                ActivityMap + " AS activity ORDER BY a.date DESC, a.id DESC", parameters),
        ], cancellationToken);
        return new Paged<Activity>(
            results[1].Rows.Select(r => ReadActivity(r[0])).ToList(), query.Page, query.PageSize, results[0].Rows[0][0].AsInt64());
    }

    public async Task<IReadOnlyList<Activity>> ListNextStepsAsync(string? teamId, DateOnly dueBy, int limit, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("""
            MATCH (a:Activity)
            WHERE a.nextStepDue IS NOT NULL AND a.nextStepDue <= $due AND ($team IS NULL OR a.teamId = $team)
            OPTIONAL MATCH (l:Activity {projectId: a.projectId}) WHERE l.date > a.date OR (l.date = a.date AND l.id > a.id)
            WITH a, count(l) AS laterOnProject
            OPTIONAL MATCH (m:Activity {companyId: a.companyId}) WHERE a.projectId IS NULL AND (m.date > a.date OR (m.date = a.date AND m.id > a.id))
            WITH a, laterOnProject, count(m) AS laterWithCompany
            WHERE laterOnProject = 0 AND laterWithCompany = 0
            WITH a ORDER BY a.nextStepDue, a.id LIMIT $limit
            MATCH (c:Company {id: a.companyId})
            RETURN
            """ + " " + ActivityMap + " AS activity ORDER BY a.nextStepDue, a.id",
            ("due", DateText(dueBy)), ("team", teamId), ("limit", limit)),
            cancellationToken);
        return result.Rows.Select(r => ReadActivity(r[0])).ToList();
    }

    public async Task<Blocker?> AddBlockerAsync(long projectId, NewBlocker blocker, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($$"""
            MATCH (p:Project {id: $project})
            WITH p LIMIT 1
            {{NextId}}
            CREATE (b:Blocker {id: q.next, projectId: p.id, status: 'open'})
            SET b += $props
            RETURN {{BlockerMap}}
            """,
            ("project", projectId), ("sequence", "blocker"),
            ("props", new Dictionary<string, object?>
            {
                ["kind"] = blocker.Kind.ToWire(),
                ["description"] = blocker.Description,
                ["owner"] = blocker.Owner,
                ["openedOn"] = DateText(blocker.OpenedOn),
                ["openedBy"] = blocker.OpenedBy,
                ["dueOn"] = blocker.DueOn is { } due ? DateText(due) : null,
            })),
            cancellationToken);
        return result.Rows.Count == 0 ? null : ReadBlocker(result.Rows[0][0]);
    }

    public async Task<BlockerCloseResult> CloseBlockerAsync(long projectId, long blockerId, DateOnly closedOn, string by, string? note, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($$"""
            MATCH (b:Blocker {id: $id, projectId: $project})
            SET b.lock = true REMOVE b.lock
            WITH b, b.status = 'open' AS open
            FOREACH (_ IN CASE WHEN open THEN [1] ELSE [] END |
                SET b.status = 'closed', b.closedOn = $closed, b.closedBy = $by, b.closingNote = $note)
            RETURN open, {{BlockerMap}}
            """,
            ("id", blockerId), ("project", projectId), ("closed", DateText(closedOn)), ("by", by), ("note", note)),
            cancellationToken);
        if (result.Rows.Count == 0)
        {
            return new BlockerCloseResult(BlockerCloseStatus.NotFound, null);
        }

        var row = result.Rows[0];
        return new BlockerCloseResult(row[0].AsBoolean() ? BlockerCloseStatus.Closed : BlockerCloseStatus.AlreadyClosed, ReadBlocker(row[1]));
    }

    public async Task<ResultsInput> GetResultsInputAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var results = await RunAsync(
        [
            Cypher("MATCH (s:StageChange) WHERE s.date <= $to RETURN s.projectId, " + StageChangeMap + " ORDER BY s.projectId, s.seq",
                ("to", DateText(to))),
            Cypher("MATCH (p:Project)\n" + ProjectJoin + "RETURN " + ProjectMap + " AS project ORDER BY p.id"),
            Cypher("""
                MATCH (a:Activity) WHERE a.date >= $from AND a.date <= $to
                RETURN a.id, a.projectId, a.teamId, a.date ORDER BY a.date, a.id
                """, ("from", DateText(from)), ("to", DateText(to))),
        ], cancellationToken);
        var changes = results[0].Rows
            .GroupBy(r => r[0].AsInt64())
            .ToDictionary(g => g.Key, g => g.Select(r => ReadStageChange(r[1])).ToList());
        var timelines = results[1].Rows
            .Select(r => ReadProject(r[0]))
            .Select(p => new ProjectTimeline(p, changes.TryGetValue(p.Id, out var list) ? list : []))
            .ToList();
        var activities = results[2].Rows
            .Select(r => new ActivityFact(r[0].AsInt64(), r[1].AsNullableInt64(), r[2].AsRequiredString(), ParseDate(r[3].AsRequiredString())))
            .ToList();
        return new ResultsInput(timelines, activities);
    }

    private async Task<ProjectWriteResult> ConditionalProjectWriteAsync(CypherStatement statement, CancellationToken cancellationToken)
    {
        var result = await RunAsync(statement, cancellationToken);
        if (result.Rows.Count == 0)
        {
            return new ProjectWriteResult(ProjectWriteStatus.NotFound, 0, null);
        }

        var row = result.Rows[0];
        return new ProjectWriteResult(
            row[0].AsBoolean() ? ProjectWriteStatus.Applied : ProjectWriteStatus.Conflict, row[1].AsInt64(), ParseStage(row[2].AsRequiredString()));
    }

    private static Dictionary<string, object?> FieldProps(ProjectFields fields) => new()
    {
        ["name"] = fields.Name,
        ["chainCode"] = fields.ChainCode,
        ["segmentCode"] = fields.SegmentCode,
        ["channel"] = fields.Channel.ToWire(),
        ["channelDetail"] = fields.ChannelDetail,
        ["teamId"] = fields.TeamId,
        ["unitCode"] = fields.UnitCode,
        ["plannedInvestment"] = fields.PlannedInvestment is { } money ? WanYuan.ToStored(money) : null,
        ["isKey"] = fields.IsKey,
        ["notes"] = fields.Notes,
    };

    private static Dictionary<string, object?> ChangeProps(StageChange change) => new()
    {
        ["from"] = change.From?.ToWire(),
        ["to"] = change.To.ToWire(),
        ["date"] = DateText(change.Date),
        ["by"] = change.By,
        ["note"] = change.Note,
        ["reason"] = change.Reason,
        ["recordedAt"] = Instant(change.RecordedAt),
    };

    private static Project ReadProject(JsonElement m)
    {
        ProjectTerms.TryParseChannel(m.Get("channel").AsString(), out var channel);
        WanYuan.TryReadStored(StoredMoney(m.Get("plannedInvestment")), out var investment, out var investmentProblem);
        var fields = new ProjectFields(
            m.Get("name").AsRequiredString(), m.Get("chainCode").AsRequiredString(), m.Get("segmentCode").AsString(), channel,
            m.Get("channelDetail").AsString(), m.Get("teamId").AsRequiredString(), m.Get("unitCode").AsRequiredString(),
            investment, m.Get("isKey").AsBoolean(), m.Get("notes").AsString());
        return new Project(
            m.Get("id").AsInt64(),
            new ProjectCompany(m.Get("companyId").AsInt64(), m.Get("companyName").AsRequiredString(), m.Get("uscc").AsString()),
            fields,
            ParseStage(m.Get("stage").AsRequiredString()),
            ParseDate(m.Get("stageDate").AsRequiredString()),
            m.Get("version").AsInt64(),
            (int)m.Get("openBlockers").AsInt64(),
            ParseTime(m.Get("createdAt").AsRequiredString()),
            m.Get("createdBy").AsRequiredString(),
            ParseTime(m.Get("updatedAt").AsRequiredString()),
            m.Get("updatedBy").AsRequiredString(),
            investmentProblem);
    }

    /// <summary>
    /// The planned investment as text: the exact decimal text written since ADR 0100, or the JSON number of a
    /// float written before it (read from its digits, not through a double).
    /// </summary>
    private static string? StoredMoney(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static StageChange ReadStageChange(JsonElement m) => new(
        m.Get("from").AsString() is { } from ? ParseStage(from) : null,
        ParseStage(m.Get("to").AsRequiredString()),
        ParseDate(m.Get("date").AsRequiredString()),
        m.Get("by").AsRequiredString(),
        m.Get("note").AsString(),
        m.Get("reason").AsString(),
        ParseTime(m.Get("recordedAt").AsRequiredString()));

    private static Activity ReadActivity(JsonElement m)
    {
        ProjectTerms.TryParseActivityKind(m.Get("kind").AsString(), out var kind);
        return new Activity(
            m.Get("id").AsInt64(),
            m.Get("projectId").AsNullableInt64(),
            new ProjectCompany(m.Get("companyId").AsInt64(), m.Get("companyName").AsRequiredString(), m.Get("uscc").AsString()),
            kind,
            m.Get("title").AsString(),
            ParseDate(m.Get("date").AsRequiredString()),
            m.Get("peopleMet").AsStringList(),
            m.Get("notes").AsString(),
            m.Get("teamId").AsRequiredString(),
            m.Get("by").AsRequiredString(),
            ParseTime(m.Get("recordedAt").AsRequiredString()),
            m.Get("ourPeople").AsStringList(),
            m.Get("nextStep").AsString(),
            m.Get("nextStepDue").AsString() is { } due ? ParseDate(due) : null);
    }

    private static Blocker ReadBlocker(JsonElement m)
    {
        ProjectTerms.TryParseBlockerKind(m.Get("kind").AsString(), out var kind);
        ProjectTerms.TryParseBlockerStatus(m.Get("status").AsString(), out var status);
        return new Blocker(
            m.Get("id").AsInt64(), m.Get("projectId").AsInt64(), kind, m.Get("description").AsRequiredString(), m.Get("owner").AsString(),
            status, ParseDate(m.Get("openedOn").AsRequiredString()), m.Get("openedBy").AsRequiredString(),
            m.Get("closedOn").AsString() is { } closed ? ParseDate(closed) : null, m.Get("closedBy").AsString(), m.Get("closingNote").AsString(),
            m.Get("dueOn").AsString() is { } due ? ParseDate(due) : null);
    }

    private static ProjectStage ParseStage(string wire) =>
        ProjectTerms.TryParseStage(wire, out var stage) ? stage : throw new InvalidDataException($"Unknown stored project stage '{wire}'.");

    private static string Instant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
