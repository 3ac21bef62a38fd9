using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;
using ChainMap.Projects;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    private const string ProjectColumns = """
        p.id, p.company_id, c.name, c.uscc, p.name, p.chain_code, p.segment_code, p.channel, p.channel_detail,
        p.team_id, p.unit_code, coalesce(p.planned_investment_wan, CAST(p.planned_investment AS TEXT)), p.is_key, p.notes, p.stage, p.stage_date, p.version,
        (SELECT count(*) FROM project_blocker b WHERE b.project_id = p.id AND b.status = 'open'),
        p.created_at, p.created_by, p.updated_at, p.updated_by
        """;

    private const string ActivityColumns = """
        a.id, a.project_id, a.company_id, c.name, c.uscc, a.kind, a.title, a.on_date, a.people_met, a.notes, a.team_id, a.made_by, a.recorded_at,
        a.our_people, a.next_step, a.next_step_due
        """;

    private const string BlockerColumns = """
        id, project_id, kind, description, owner, status, opened_on, opened_by, closed_on, closed_by, closing_note, due_on
        """;

    public async Task<ProjectCreateResult> CreateProjectAsync(long companyId, ProjectFields fields, StageChange initial, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);

        // BEGIN IMMEDIATE takes the write lock before the checks, so two creations for one company cannot both pass them.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var exists = Command(connection, """
            SELECT (SELECT count(*) FROM company WHERE id = $id),
                   (SELECT min(id) FROM project WHERE company_id = $id AND stage <> 'terminated')
            """, transaction))
        {
            exists.Parameters.AddWithValue("$id", companyId);
            await using var reader = await exists.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetInt64(0) == 0)
            {
                return new ProjectCreateResult(ProjectCreateStatus.CompanyNotFound, 0);
            }

            if (!reader.IsDBNull(1))
            {
                return new ProjectCreateResult(ProjectCreateStatus.CompanyHasOpenProject, reader.GetInt64(1));
            }
        }

        long id;
        await using (var insert = Command(connection, """
            INSERT INTO project(company_id, name, chain_code, segment_code, channel, channel_detail, team_id, unit_code,
                planned_investment_wan, is_key, notes, stage, stage_date, version, created_at, created_by, updated_at, updated_by)
            VALUES ($company, $name, $chain, $segment, $channel, $channelDetail, $team, $unit,
                $investment, $key, $notes, $stage, $stageDate, 1, $at, $by, $at, $by)
            RETURNING id
            """, transaction))
        {
            insert.Parameters.AddWithValue("$company", companyId);
            AddFieldParameters(insert, fields);
            insert.Parameters.AddWithValue("$stage", initial.To.ToWire());
            insert.Parameters.AddWithValue("$stageDate", DateText(initial.Date));
            insert.Parameters.AddWithValue("$at", initial.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$by", initial.By);
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await InsertStageChangeAsync(connection, transaction, id, 1, initial, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProjectCreateResult(ProjectCreateStatus.Created, id);
    }

    public async Task<ProjectFile?> GetProjectFileAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var project = await ReadProjectAsync(connection, null, projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var history = new List<StageChange>();
        await using (var command = Command(connection, """
            SELECT from_stage, to_stage, on_date, made_by, note, reason, recorded_at
            FROM project_stage_change WHERE project_id = $id ORDER BY seq
            """))
        {
            command.Parameters.AddWithValue("$id", projectId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(ReadStageChange(reader, 0));
            }
        }

        var activities = new List<Activity>();
        await using (var command = Command(connection, $"""
            SELECT {ActivityColumns} FROM project_activity a JOIN company c ON c.id = a.company_id
            WHERE a.project_id = $id ORDER BY a.on_date DESC, a.id DESC
            """))
        {
            command.Parameters.AddWithValue("$id", projectId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                activities.Add(ReadActivity(reader));
            }
        }

        var blockers = new List<Blocker>();
        await using (var command = Command(connection, $"""
            SELECT {BlockerColumns} FROM project_blocker WHERE project_id = $id
            ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, opened_on DESC, id DESC
            """))
        {
            command.Parameters.AddWithValue("$id", projectId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                blockers.Add(ReadBlocker(reader));
            }
        }

        return new ProjectFile(project, history, activities, blockers);
    }

    public async Task<Paged<Project>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (query.TeamId is not null)
        {
            where.Add("p.team_id = $team");
            parameters.Add(("$team", query.TeamId));
        }

        if (query.UnitCode is not null)
        {
            where.Add("p.unit_code = $unit");
            parameters.Add(("$unit", query.UnitCode));
        }

        if (query.ChainCode is not null)
        {
            where.Add("p.chain_code = $chain");
            parameters.Add(("$chain", query.ChainCode));
        }

        if (query.Stages is { Count: > 0 })
        {
            where.Add("p.stage IN (SELECT value FROM json_each($stages))");
            parameters.Add(("$stages", Json(query.Stages.Select(s => s.ToWire()).ToList())));
        }

        if (query.IsKey is { } key)
        {
            where.Add("p.is_key = $key");
            parameters.Add(("$key", key ? 1 : 0));
        }

        if (query.CompanyId is { } company)
        {
            where.Add("p.company_id = $company");
            parameters.Add(("$company", company));
        }

        var filter = where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
        var total = await CountAsync(connection, $"SELECT count(*) FROM project p {filter}", parameters, cancellationToken);

        var items = new List<Project>();
        await using (var page = Command(connection, $"""
            SELECT {ProjectColumns} FROM project p JOIN company c ON c.id = p.company_id {filter}
            ORDER BY p.is_key DESC, p.stage_date DESC, p.id DESC LIMIT $limit OFFSET $offset
            """, parameters))
        {
            page.Parameters.AddWithValue("$limit", query.PageSize);
            page.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PageSize);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadProject(reader));
            }
        }

        return new Paged<Project>(items, query.Page, query.PageSize, total);
    }

    public async Task<ProjectWriteResult> UpdateProjectAsync(long projectId, long expectedVersion, ProjectFields fields, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Command(connection, """
            UPDATE project SET name = $name, chain_code = $chain, segment_code = $segment, channel = $channel,
                channel_detail = $channelDetail, team_id = $team, unit_code = $unit, planned_investment_wan = $investment, planned_investment = NULL,
                is_key = $key, notes = $notes, version = version + 1, updated_at = $at, updated_by = $by
            WHERE id = $id AND version = $expected
            """, transaction))
        {
            AddFieldParameters(update, fields);
            update.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
            update.Parameters.AddWithValue("$by", by);
            update.Parameters.AddWithValue("$id", projectId);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return await WriteRefusedAsync(connection, transaction, projectId, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return await CurrentStateAsync(connection, null, projectId, ProjectWriteStatus.Applied, cancellationToken);
    }

    public async Task<ProjectWriteResult> ApplyStageChangeAsync(long projectId, long expectedVersion, StageChange change, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);

        // BEGIN IMMEDIATE (the default of Microsoft.Data.Sqlite) takes the write lock first, so the
        // version check and both writes see no other writer in between.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Command(connection, """
            UPDATE project SET stage = $stage, stage_date = $date, version = version + 1, updated_at = $at, updated_by = $by
            WHERE id = $id AND version = $expected
            """, transaction))
        {
            update.Parameters.AddWithValue("$stage", change.To.ToWire());
            update.Parameters.AddWithValue("$date", DateText(change.Date));
            update.Parameters.AddWithValue("$at", change.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
            update.Parameters.AddWithValue("$by", change.By);
            update.Parameters.AddWithValue("$id", projectId);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return await WriteRefusedAsync(connection, transaction, projectId, cancellationToken);
            }
        }

        long next;
        await using (var seq = Command(connection, "SELECT coalesce(max(seq), 0) + 1 FROM project_stage_change WHERE project_id = $id", transaction))
        {
            seq.Parameters.AddWithValue("$id", projectId);
            next = Convert.ToInt64(await seq.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await InsertStageChangeAsync(connection, transaction, projectId, next, change, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await CurrentStateAsync(connection, null, projectId, ProjectWriteStatus.Applied, cancellationToken);
    }

    public async Task<Activity?> AddActivityAsync(NewActivity activity, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var exists = Command(connection, """
            SELECT (SELECT count(*) FROM company WHERE id = $company) > 0
               AND ($project IS NULL OR (SELECT count(*) FROM project WHERE id = $project AND company_id = $company) > 0)
            """, transaction))
        {
            exists.Parameters.AddWithValue("$company", activity.CompanyId);
            exists.Parameters.AddWithValue("$project", Db(activity.ProjectId));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }
        }

        long id;
        await using (var insert = Command(connection, """
            INSERT INTO project_activity(project_id, company_id, kind, title, on_date, people_met, notes, team_id, made_by, recorded_at,
                our_people, next_step, next_step_due)
            VALUES ($project, $company, $kind, $title, $date, $people, $notes, $team, $by, $at, $ours, $nextStep, $nextStepDue)
            RETURNING id
            """, transaction))
        {
            insert.Parameters.AddWithValue("$project", Db(activity.ProjectId));
            insert.Parameters.AddWithValue("$company", activity.CompanyId);
            insert.Parameters.AddWithValue("$kind", activity.Kind.ToWire());
            insert.Parameters.AddWithValue("$title", Db(activity.Title));
            insert.Parameters.AddWithValue("$date", DateText(activity.Date));
            insert.Parameters.AddWithValue("$people", Json(activity.PeopleMet.ToList()));
            insert.Parameters.AddWithValue("$notes", Db(activity.Notes));
            insert.Parameters.AddWithValue("$team", activity.TeamId);
            insert.Parameters.AddWithValue("$by", activity.By);
            insert.Parameters.AddWithValue("$at", activity.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$ours", activity.OurPeople is { Count: > 0 } ours ? Json(ours.ToList()) : DBNull.Value);
            insert.Parameters.AddWithValue("$nextStep", Db(activity.NextStep));
            insert.Parameters.AddWithValue("$nextStepDue", activity.NextStepDue is { } due ? DateText(due) : DBNull.Value);
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken);
        await using var read = Command(connection, $"SELECT {ActivityColumns} FROM project_activity a JOIN company c ON c.id = a.company_id WHERE a.id = $id");
        read.Parameters.AddWithValue("$id", id);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadActivity(reader) : null;
    }

    public async Task<Paged<Activity>> ListActivitiesAsync(ActivityQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (query.TeamId is not null)
        {
            where.Add("a.team_id = $team");
            parameters.Add(("$team", query.TeamId));
        }

        if (query.ProjectId is { } project)
        {
            where.Add("a.project_id = $project");
            parameters.Add(("$project", project));
        }

        if (query.CompanyId is { } company)
        {
            where.Add("a.company_id = $company");
            parameters.Add(("$company", company));
        }

        if (query.From is { } from)
        {
            where.Add("a.on_date >= $from");
            parameters.Add(("$from", DateText(from)));
        }

        if (query.To is { } to)
        {
            where.Add("a.on_date <= $to");
            parameters.Add(("$to", DateText(to)));
        }

        var filter = where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
        var total = await CountAsync(connection, $"SELECT count(*) FROM project_activity a {filter}", parameters, cancellationToken);

        var items = new List<Activity>();
        await using (var page = Command(connection, $"""
            SELECT {ActivityColumns} FROM project_activity a JOIN company c ON c.id = a.company_id {filter}
            ORDER BY a.on_date DESC, a.id DESC LIMIT $limit OFFSET $offset
            """, parameters))
        {
            page.Parameters.AddWithValue("$limit", query.PageSize);
            page.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PageSize);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadActivity(reader));
            }
        }

        return new Paged<Activity>(items, query.Page, query.PageSize, total);
    }

    public async Task<IReadOnlyList<Activity>> ListNextStepsAsync(string? teamId, DateOnly dueBy, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT {ActivityColumns} FROM project_activity a JOIN company c ON c.id = a.company_id
            WHERE a.next_step_due IS NOT NULL AND a.next_step_due <= $due AND ($team IS NULL OR a.team_id = $team)
              AND NOT EXISTS (
                SELECT 1 FROM project_activity l
                WHERE (CASE WHEN a.project_id IS NULL THEN l.company_id = a.company_id ELSE l.project_id = a.project_id END)
                  AND (l.on_date > a.on_date OR (l.on_date = a.on_date AND l.id > a.id)))
            ORDER BY a.next_step_due, a.id LIMIT $limit
            """);
        command.Parameters.AddWithValue("$due", DateText(dueBy));
        command.Parameters.AddWithValue("$team", Db(teamId));
        command.Parameters.AddWithValue("$limit", limit);
        var items = new List<Activity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadActivity(reader));
        }

        return items;
    }

    public async Task<Blocker?> AddBlockerAsync(long projectId, NewBlocker blocker, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var insert = Command(connection, $"""
            INSERT INTO project_blocker(project_id, kind, description, owner, status, opened_on, opened_by, due_on)
            SELECT $project, $kind, $description, $owner, 'open', $opened, $by, $due WHERE EXISTS (SELECT 1 FROM project WHERE id = $project)
            RETURNING {BlockerColumns}
            """);
        insert.Parameters.AddWithValue("$project", projectId);
        insert.Parameters.AddWithValue("$kind", blocker.Kind.ToWire());
        insert.Parameters.AddWithValue("$description", blocker.Description);
        insert.Parameters.AddWithValue("$owner", Db(blocker.Owner));
        insert.Parameters.AddWithValue("$opened", DateText(blocker.OpenedOn));
        insert.Parameters.AddWithValue("$by", blocker.OpenedBy);
        insert.Parameters.AddWithValue("$due", blocker.DueOn is { } due ? DateText(due) : DBNull.Value);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadBlocker(reader) : null;
    }

    public async Task<BlockerCloseResult> CloseBlockerAsync(long projectId, long blockerId, DateOnly closedOn, string by, string? note, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var closed = false;
        await using (var update = Command(connection, """
            UPDATE project_blocker SET status = 'closed', closed_on = $closed, closed_by = $by, closing_note = $note
            WHERE id = $id AND project_id = $project AND status = 'open'
            """, transaction))
        {
            update.Parameters.AddWithValue("$closed", DateText(closedOn));
            update.Parameters.AddWithValue("$by", by);
            update.Parameters.AddWithValue("$note", Db(note));
            update.Parameters.AddWithValue("$id", blockerId);
            update.Parameters.AddWithValue("$project", projectId);
            closed = await update.ExecuteNonQueryAsync(cancellationToken) > 0;
        }

        Blocker? current = null;
        await using (var read = Command(connection, $"SELECT {BlockerColumns} FROM project_blocker WHERE id = $id AND project_id = $project", transaction))
        {
            read.Parameters.AddWithValue("$id", blockerId);
            read.Parameters.AddWithValue("$project", projectId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                current = ReadBlocker(reader);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return current is null
            ? new BlockerCloseResult(BlockerCloseStatus.NotFound, null)
            : new BlockerCloseResult(closed ? BlockerCloseStatus.Closed : BlockerCloseStatus.AlreadyClosed, current);
    }

    public async Task<ResultsInput> GetResultsInputAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);

        // One deferred (read) transaction so that projects and their changes come from the same snapshot
        // without taking the write lock; the async overload has no deferred option.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var changes = new Dictionary<long, List<StageChange>>();
        await using (var command = Command(connection, """
            SELECT project_id, from_stage, to_stage, on_date, made_by, note, reason, recorded_at
            FROM project_stage_change WHERE on_date <= $to ORDER BY project_id, seq
            """, transaction))
        {
            command.Parameters.AddWithValue("$to", DateText(to));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var projectId = reader.GetInt64(0);
                if (!changes.TryGetValue(projectId, out var list))
                {
                    changes[projectId] = list = [];
                }

                list.Add(ReadStageChange(reader, 1));
            }
        }

        var timelines = new List<ProjectTimeline>(changes.Count);
        await using (var command = Command(connection, $"SELECT {ProjectColumns} FROM project p JOIN company c ON c.id = p.company_id ORDER BY p.id", transaction))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var project = ReadProject(reader);
                timelines.Add(new ProjectTimeline(project, changes.TryGetValue(project.Id, out var list) ? list : []));
            }
        }

        var activities = new List<ActivityFact>();
        await using (var command = Command(connection, """
            SELECT id, project_id, team_id, on_date FROM project_activity WHERE on_date >= $from AND on_date <= $to ORDER BY on_date, id
            """, transaction))
        {
            command.Parameters.AddWithValue("$from", DateText(from));
            command.Parameters.AddWithValue("$to", DateText(to));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                activities.Add(new ActivityFact(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), ParseDate(reader.GetString(3))));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ResultsInput(timelines, activities);
    }

    private static void AddFieldParameters(SqliteCommand command, ProjectFields fields)
    {
        command.Parameters.AddWithValue("$name", fields.Name);
        command.Parameters.AddWithValue("$chain", fields.ChainCode);
        command.Parameters.AddWithValue("$segment", Db(fields.SegmentCode));
        command.Parameters.AddWithValue("$channel", fields.Channel.ToWire());
        command.Parameters.AddWithValue("$channelDetail", Db(fields.ChannelDetail));
        command.Parameters.AddWithValue("$team", fields.TeamId);
        command.Parameters.AddWithValue("$unit", fields.UnitCode);
        command.Parameters.AddWithValue("$investment", fields.PlannedInvestment is { } money ? WanYuan.ToStored(money) : DBNull.Value);
        command.Parameters.AddWithValue("$key", fields.IsKey ? 1 : 0);
        command.Parameters.AddWithValue("$notes", Db(fields.Notes));
    }

    private static async Task InsertStageChangeAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long seq, StageChange change, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, """
            INSERT INTO project_stage_change(project_id, seq, from_stage, to_stage, on_date, made_by, note, reason, recorded_at)
            VALUES ($project, $seq, $from, $to, $date, $by, $note, $reason, $at)
            """, transaction);
        insert.Parameters.AddWithValue("$project", projectId);
        insert.Parameters.AddWithValue("$seq", seq);
        insert.Parameters.AddWithValue("$from", Db(change.From?.ToWire()));
        insert.Parameters.AddWithValue("$to", change.To.ToWire());
        insert.Parameters.AddWithValue("$date", DateText(change.Date));
        insert.Parameters.AddWithValue("$by", change.By);
        insert.Parameters.AddWithValue("$note", Db(change.Note));
        insert.Parameters.AddWithValue("$reason", Db(change.Reason));
        insert.Parameters.AddWithValue("$at", change.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ProjectWriteResult> WriteRefusedAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, CancellationToken cancellationToken)
    {
        var state = await CurrentStateAsync(connection, transaction, projectId, ProjectWriteStatus.Conflict, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return state;
    }

    private static async Task<ProjectWriteResult> CurrentStateAsync(SqliteConnection connection, SqliteTransaction? transaction, long projectId, ProjectWriteStatus status, CancellationToken cancellationToken)
    {
        await using var read = Command(connection, "SELECT version, stage FROM project WHERE id = $id", transaction);
        read.Parameters.AddWithValue("$id", projectId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new ProjectWriteResult(ProjectWriteStatus.NotFound, 0, null);
        }

        return new ProjectWriteResult(status, reader.GetInt64(0), ParseStage(reader.GetString(1)));
    }

    private static async Task<Project?> ReadProjectAsync(SqliteConnection connection, SqliteTransaction? transaction, long projectId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {ProjectColumns} FROM project p JOIN company c ON c.id = p.company_id WHERE p.id = $id", transaction);
        command.Parameters.AddWithValue("$id", projectId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadProject(reader) : null;
    }

    private static Project ReadProject(SqliteDataReader r)
    {
        ProjectTerms.TryParseChannel(r.GetString(7), out var channel);
        WanYuan.TryReadStored(NullableString(r, 11), out var investment, out var investmentProblem);
        var fields = new ProjectFields(
            r.GetString(4), r.GetString(5), NullableString(r, 6), channel, NullableString(r, 8), r.GetString(9), r.GetString(10),
            investment, r.GetInt64(12) != 0, NullableString(r, 13));
        return new Project(
            r.GetInt64(0),
            new ProjectCompany(r.GetInt64(1), r.GetString(2), NullableString(r, 3)),
            fields,
            ParseStage(r.GetString(14)),
            ParseDate(r.GetString(15)),
            r.GetInt64(16),
            r.GetInt32(17),
            ParseInstant(r.GetString(18)),
            r.GetString(19),
            ParseInstant(r.GetString(20)),
            r.GetString(21),
            investmentProblem);
    }

    private static StageChange ReadStageChange(SqliteDataReader r, int first) => new(
        r.IsDBNull(first) ? null : ParseStage(r.GetString(first)),
        ParseStage(r.GetString(first + 1)),
        ParseDate(r.GetString(first + 2)),
        r.GetString(first + 3),
        NullableString(r, first + 4),
        NullableString(r, first + 5),
        ParseInstant(r.GetString(first + 6)));

    private static Activity ReadActivity(SqliteDataReader r)
    {
        ProjectTerms.TryParseActivityKind(r.GetString(5), out var kind);
        return new Activity(
            r.GetInt64(0),
            r.IsDBNull(1) ? null : r.GetInt64(1),
            new ProjectCompany(r.GetInt64(2), r.GetString(3), NullableString(r, 4)),
            kind,
            NullableString(r, 6),
            ParseDate(r.GetString(7)),
            JsonSerializer.Deserialize<List<string>>(r.GetString(8)) ?? [],
            NullableString(r, 9),
            r.GetString(10),
            r.GetString(11),
            ParseInstant(r.GetString(12)),
            r.IsDBNull(13) ? [] : JsonSerializer.Deserialize<List<string>>(r.GetString(13)) ?? [],
            NullableString(r, 14),
            r.IsDBNull(15) ? null : ParseDate(r.GetString(15)));
    }

    private static Blocker ReadBlocker(SqliteDataReader r)
    {
        ProjectTerms.TryParseBlockerKind(r.GetString(2), out var kind);
        ProjectTerms.TryParseBlockerStatus(r.GetString(5), out var status);
        return new Blocker(
            r.GetInt64(0), r.GetInt64(1), kind, r.GetString(3), NullableString(r, 4), status,
            ParseDate(r.GetString(6)), r.GetString(7), r.IsDBNull(8) ? null : ParseDate(r.GetString(8)), NullableString(r, 9), NullableString(r, 10),
            r.IsDBNull(11) ? null : ParseDate(r.GetString(11)));
    }

    private static ProjectStage ParseStage(string wire) =>
        ProjectTerms.TryParseStage(wire, out var stage) ? stage : throw new InvalidDataException($"Unknown stored project stage '{wire}'.");

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
