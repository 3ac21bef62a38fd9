using System.Globalization;
using ChainMap.Domain;
using ChainMap.Projects;

namespace ChainMap.Api.Projects;

/// <summary>
/// Creates a project for an existing company (by <see cref="CompanyId"/> or <see cref="Uscc"/>).
/// Chain (code or name), team (id or name) and unit (code or name) are required; channel defaults to
/// "other", stage to 谋划 and date to today. Starting past 谋划 needs a reason.
/// </summary>
internal sealed record CreateProjectRequest(
    long? CompanyId = null,
    string? Uscc = null,
    string? Chain = null,
    string? Segment = null,
    string? Channel = null,
    string? ChannelDetail = null,
    string? Team = null,
    string? Unit = null,
    decimal? PlannedInvestment = null,
    bool? IsKey = null,
    string? Notes = null,
    string? Name = null,
    string? Stage = null,
    string? Date = null,
    string? Note = null,
    string? Reason = null);

/// <summary>
/// Changes the given fields; absent or null fields stay as they are, and "" clears segment,
/// channelDetail and notes. <see cref="ExpectedVersion"/>, when given, must be the project's version.
/// </summary>
internal sealed record UpdateProjectRequest(
    string? Name = null,
    string? Chain = null,
    string? Segment = null,
    string? Channel = null,
    string? ChannelDetail = null,
    string? Team = null,
    string? Unit = null,
    decimal? PlannedInvestment = null,
    bool? IsKey = null,
    string? Notes = null,
    long? ExpectedVersion = null);

/// <summary>Moves a project to <see cref="Stage"/> (code or Chinese name) on <see cref="Date"/> (yyyy-MM-dd, default today).</summary>
internal sealed record StageChangeRequest(
    string? Stage = null,
    string? Date = null,
    string? Note = null,
    string? Reason = null,
    long? ExpectedVersion = null);

/// <summary>
/// An activity on a project; the team defaults to the project's team. <c>ourPeople</c> are our side besides the
/// recorder; <c>nextStep</c> is what is to be done next and <c>nextStepDue</c> (yyyy-MM-dd) by when.
/// </summary>
internal sealed record ActivityRequest(
    string? Kind = null,
    string? Title = null,
    string? Date = null,
    IReadOnlyList<string>? PeopleMet = null,
    string? Notes = null,
    string? Team = null,
    IReadOnlyList<string>? OurPeople = null,
    string? NextStep = null,
    string? NextStepDue = null);

/// <summary>An activity with a company that has no project (yet); the team is required.</summary>
internal sealed record CompanyActivityRequest(
    long? CompanyId = null,
    string? Uscc = null,
    string? Kind = null,
    string? Title = null,
    string? Date = null,
    IReadOnlyList<string>? PeopleMet = null,
    string? Notes = null,
    string? Team = null,
    IReadOnlyList<string>? OurPeople = null,
    string? NextStep = null,
    string? NextStepDue = null);

/// <summary>A blocker to open; <c>dueOn</c> (yyyy-MM-dd, optional) is when it must be solved by.</summary>
internal sealed record BlockerRequest(string? Kind = null, string? Description = null, string? Owner = null, string? Date = null, string? DueOn = null);

internal sealed record CloseBlockerRequest(string? Date = null, string? Note = null);

internal sealed record NamedRef(string Code, string Name);

internal sealed record CompanyRef(long Id, string Name, string? Uscc);

internal sealed record ProjectResponse(
    long Id,
    string Name,
    CompanyRef Company,
    NamedRef Chain,
    NamedRef? Segment,
    string Channel,
    string ChannelName,
    string? ChannelDetail,
    NamedRef Team,
    NamedRef Unit,
    decimal? PlannedInvestment,
    bool IsKey,
    string? Notes,
    string Stage,
    string StageName,
    string StageDate,
    long Version,
    int OpenBlockers,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string? PlannedInvestmentProblem = null);

internal sealed record StageChangeResponse(
    int Sequence,
    string? From,
    string? FromName,
    string To,
    string ToName,
    string Kind,
    string Date,
    string By,
    string? Note,
    string? Reason,
    DateTimeOffset RecordedAt);

/// <summary>A stage the project may move to next, and whether that move needs a reason.</summary>
internal sealed record TransitionOption(string Stage, string StageName, string Kind, bool NeedsReason);

internal sealed record ActivityResponse(
    long Id,
    long? ProjectId,
    CompanyRef Company,
    string Kind,
    string KindName,
    string? Title,
    string Date,
    IReadOnlyList<string> PeopleMet,
    string? Notes,
    NamedRef Team,
    string By,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> OurPeople,
    string? NextStep,
    string? NextStepDue);

internal sealed record BlockerResponse(
    long Id,
    long ProjectId,
    string Kind,
    string KindName,
    string Description,
    string? Owner,
    string Status,
    string OpenedOn,
    string OpenedBy,
    string? ClosedOn,
    string? ClosedBy,
    string? ClosingNote,
    string? DueOn,
    bool Overdue);

internal sealed record ProjectDetailResponse(
    ProjectResponse Project,
    IReadOnlyList<StageChangeResponse> History,
    IReadOnlyList<TransitionOption> Transitions,
    IReadOnlyList<ActivityResponse> Activities,
    IReadOnlyList<BlockerResponse> Blockers);

internal sealed record ProjectPageResponse(IReadOnlyList<ProjectResponse> Items, int Page, int PageSize, long Total);

internal sealed record ActivityPageResponse(IReadOnlyList<ActivityResponse> Items, int Page, int PageSize, long Total);

/// <summary>A current next step: <c>daysLeft</c> from the service's today (negative when overdue).</summary>
internal sealed record NextStepResponse(ActivityResponse Activity, string NextStep, string Due, int DaysLeft, bool Overdue);

/// <summary>Next steps due by <c>today + days</c>, by the service's date (<c>today</c>), overdue ones included.</summary>
internal sealed record NextStepsResponse(string Today, int Days, IReadOnlyList<NextStepResponse> Items);

/// <summary>Names of the codes a project refers to (chains, segments, teams, units), for responses.</summary>
internal sealed record ProjectNames(HomeRegion Home, IReadOnlyDictionary<string, ChainDefinition> Chains)
{
    public NamedRef Team(string id) => new(id, Home.Teams.FirstOrDefault(t => t.Id == id)?.Name ?? id);

    public NamedRef Unit(string code) => new(code, Home.Units.FirstOrDefault(u => u.Code == code)?.Name ?? code);

    public NamedRef Chain(string code) => new(code, Chains.TryGetValue(code, out var chain) ? chain.Chain.Name : code);

    public NamedRef? Segment(string chainCode, string? code) =>
        code is null ? null : new(code, Chains.TryGetValue(chainCode, out var chain) ? chain.FindSegment(code)?.Name ?? code : code);
}

internal static class ProjectMappings
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ProjectResponse ToResponse(this Project p, ProjectNames names) => new(
        p.Id,
        p.Fields.Name,
        new CompanyRef(p.Company.Id, p.Company.Name, p.Company.Uscc),
        names.Chain(p.Fields.ChainCode),
        names.Segment(p.Fields.ChainCode, p.Fields.SegmentCode),
        p.Fields.Channel.ToWire(),
        p.Fields.Channel.ToChinese(),
        p.Fields.ChannelDetail,
        names.Team(p.Fields.TeamId),
        names.Unit(p.Fields.UnitCode),
        p.Fields.PlannedInvestment,
        p.Fields.IsKey,
        p.Fields.Notes,
        p.Stage.ToWire(),
        p.Stage.ToChinese(),
        Day(p.StageDate),
        p.Version,
        p.OpenBlockers,
        p.CreatedAt,
        p.CreatedBy,
        p.UpdatedAt,
        p.UpdatedBy,
        p.InvestmentProblem is { } problem ? $"{problem}; set plannedInvestment again with PATCH /api/projects/{p.Id}." : null);

    public static ProjectDetailResponse ToResponse(this ProjectFile file, ProjectNames names, DateOnly today) => new(
        file.Project.ToResponse(names),
        file.History.Select((c, i) => c.ToResponse(i + 1)).ToList(),
        Transitions(file.Project.Stage),
        file.Activities.Select(a => a.ToResponse(names)).ToList(),
        file.Blockers.Select(b => b.ToResponse(today)).ToList());

    public static StageChangeResponse ToResponse(this StageChange c, int sequence) => new(
        sequence,
        c.From?.ToWire(),
        c.From?.ToChinese(),
        c.To.ToWire(),
        c.To.ToChinese(),
        WireKind(StageRules.Classify(c.From, c.To)),
        Day(c.Date),
        c.By,
        c.Note,
        c.Reason,
        c.RecordedAt);

    public static ActivityResponse ToResponse(this Activity a, ProjectNames names) => new(
        a.Id,
        a.ProjectId,
        new CompanyRef(a.Company.Id, a.Company.Name, a.Company.Uscc),
        a.Kind.ToWire(),
        a.Kind.ToChinese(),
        a.Title,
        Day(a.Date),
        a.PeopleMet,
        a.Notes,
        names.Team(a.TeamId),
        a.By,
        a.RecordedAt,
        a.OurPeople ?? [],
        a.NextStep,
        a.NextStepDue is { } due ? Day(due) : null);

    public static BlockerResponse ToResponse(this Blocker b, DateOnly today) => new(
        b.Id,
        b.ProjectId,
        b.Kind.ToWire(),
        b.Kind.ToChinese(),
        b.Description,
        b.Owner,
        b.Status.ToWire(),
        Day(b.OpenedOn),
        b.OpenedBy,
        b.ClosedOn is { } closed ? Day(closed) : null,
        b.ClosedBy,
        b.ClosingNote,
        b.DueOn is { } due ? Day(due) : null,
        b.IsOverdue(today));

    public static IReadOnlyList<TransitionOption> Transitions(ProjectStage current) =>
        ProjectTerms.AllStages
            .Where(s => s != current)
            .Select(s =>
            {
                var kind = StageRules.Classify(current, s);
                return new TransitionOption(s.ToWire(), s.ToChinese(), WireKind(kind), kind != TransitionKind.Forward);
            })
            .ToList();

    public static string WireKind(TransitionKind kind) => kind switch
    {
        TransitionKind.Created => "created",
        TransitionKind.Forward => "forward",
        TransitionKind.Skip => "skip",
        TransitionKind.Backward => "backward",
        TransitionKind.Terminate => "terminate",
        _ => "reopen",
    };
}
