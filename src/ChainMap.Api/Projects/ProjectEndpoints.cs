using ChainMap.Chains;
using ChainMap.Projects;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Projects;

/// <summary>Projects through their lifecycle: create, list, read, edit, change stage, log activities, open and close blockers.</summary>
internal static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Projects");
        var writes = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization(Access.Policies.Projects);
        writes.MapPost("/", CreateProject).WithName("CreateProject").WithSummary("Create a project for an existing company (often a target) with chain, team and receiving unit");
        group.MapGet("/", ListProjects).WithName("ListProjects").WithSummary("Projects filtered by team, unit, stage, chain and key flag");
        group.MapGet("/{id:long}", GetProject).WithName("GetProject").WithSummary("One project with its stage history, next possible stages, activities and blockers");
        writes.MapPatch("/{id:long}", UpdateProject).WithName("UpdateProject").WithSummary("Change a project's fields (not its company or stage)");
        writes.MapPost("/{id:long}/stage", ChangeStage).WithName("ChangeProjectStage").WithSummary("Move a project to another stage under the lifecycle rules");
        writes.MapPost("/{id:long}/activities", LogProjectActivity).WithName("LogProjectActivity").WithSummary("Log a visit, call, meeting or event on a project");
        writes.MapPost("/{id:long}/blockers", OpenBlocker).WithName("OpenBlocker").WithSummary("Open a blocker (要素保障: land, energy, financing, permits, other) on a project");
        writes.MapPost("/{id:long}/blockers/{blockerId:long}/close", CloseBlocker).WithName("CloseBlocker").WithSummary("Close an open blocker");
        return app;
    }

    internal static async Task<Results<Created<ProjectDetailResponse>, ValidationProblem, ProblemHttpResult>> CreateProject(
        CreateProjectRequest request, HttpContext http, IProjectStore store, ICompanyStore companies, IChainStore chainStore, ChainDirectory chains, RegionDirectory regions, ProjectService projects,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var channel = ProjectInput.Channel(request.Channel, errors) ?? ProjectChannel.Other;
        var stage = ProjectInput.Stage(request.Stage, "stage", errors) ?? ProjectStage.Planning;
        var date = ProjectInput.Date(request.Date, "date", errors);
        ProjectInput.Investment(request.PlannedInvestment, errors);
        ProjectInput.Length(request.Name, ProjectInput.MaxNameLength, "name", errors);
        ProjectInput.Length(request.ChannelDetail, ProjectInput.MaxNameLength, "channelDetail", errors);
        ProjectInput.Length(request.Notes, ProjectInput.MaxTextLength, "notes", errors);
        ProjectInput.Length(request.Note, ProjectInput.MaxTextLength, "note", errors);
        ProjectInput.Length(request.Reason, ProjectInput.MaxTextLength, "reason", errors);
        ProjectInput.Lookups(
            errors, ("uscc", request.Uscc), ("chain", request.Chain), ("segment", request.Segment), ("channel", request.Channel),
            ("team", request.Team), ("unit", request.Unit), ("stage", request.Stage), ("date", request.Date));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The project is invalid");
        }

        var (company, companyProblem) = await ProjectInput.CompanyAsync(request.CompanyId, request.Uscc, companies, cancellationToken);
        if (companyProblem is not null)
        {
            return companyProblem;
        }

        var (chain, chainProblem) = await ProjectInput.ChainAsync(request.Chain, chains, cancellationToken);
        if (chainProblem is not null)
        {
            return chainProblem;
        }

        var (segment, segmentProblem) = ProjectInput.Segment(request.Segment, chain!);
        if (segmentProblem is not null)
        {
            return segmentProblem;
        }

        var home = await regions.GetHomeAsync(cancellationToken);
        var (team, teamProblem) = ProjectInput.Team(request.Team, home);
        if (teamProblem is not null)
        {
            return teamProblem;
        }

        if (TeamGuard.Check(http.User, team!.Id) is { } notYourTeam)
        {
            return notYourTeam;
        }

        var (unit, unitProblem) = ProjectInput.Unit(request.Unit, home);
        if (unitProblem is not null)
        {
            return unitProblem;
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{company!.Name}{chain!.Chain.Name}项目" : request.Name.Trim();
        var fields = new ProjectFields(
            name, chain!.Chain.Code, segment, channel, Clean(request.ChannelDetail), team!.Id, unit!.Code,
            request.PlannedInvestment, request.IsKey ?? false, Clean(request.Notes));
        var outcome = await projects.CreateAsync(company!.Id, fields, stage, date, request.Note, request.Reason, ChangeAuthor.Of(http), cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return problem.ToProblem();
        }

        var names = await ProjectInput.NamesAsync([fields.ChainCode], regions, chainStore, cancellationToken);
        return TypedResults.Created($"/api/projects/{outcome.Value!.Project.Id}", outcome.Value.ToResponse(names, projects.Today));
    }

    internal static async Task<Results<Ok<ProjectPageResponse>, ValidationProblem, ProblemHttpResult>> ListProjects(
        IProjectStore store, ICompanyStore companies, IChainStore chainStore, ChainDirectory chains, RegionDirectory regions, CancellationToken cancellationToken,
        string? team = null, string? unit = null, string? stage = null, string? chain = null, string? key = null, string? company = null,
        int page = 1, int pageSize = 50)
    {
        var errors = Paging.Errors(page, pageSize, Paging.ProjectsMaxPageSize);

        List<ProjectStage>? stages = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            stages = [];
            foreach (var part in stage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ProjectInput.Stage(part, "stage", errors) is { } parsed)
                {
                    stages.Add(parsed);
                }
            }
        }

        bool? isKey = null;
        if (!string.IsNullOrWhiteSpace(key))
        {
            switch (key.Trim().ToLowerInvariant())
            {
                case "true" or "1" or "yes" or "是":
                    isKey = true;
                    break;
                case "false" or "0" or "no" or "否":
                    isKey = false;
                    break;
                default:
                    errors["key"] = [$"'{key}' is not true or false."];
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid project filter");
        }

        var home = await regions.GetHomeAsync(cancellationToken);
        string? teamId = null;
        if (!string.IsNullOrWhiteSpace(team))
        {
            var (found, problem) = ProjectInput.Team(team, home);
            if (problem is not null)
            {
                return problem;
            }

            teamId = found!.Id;
        }

        string? unitCode = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var (found, problem) = ProjectInput.Unit(unit, home);
            if (problem is not null)
            {
                return problem;
            }

            unitCode = found!.Code;
        }

        string? chainCode = null;
        if (!string.IsNullOrWhiteSpace(chain))
        {
            var found = await chains.ResolveAsync(chain, cancellationToken);
            if (found is null)
            {
                return Problems.ChainNotFound(chain);
            }

            chainCode = found.Code;
        }

        long? companyId = null;
        if (!string.IsNullOrWhiteSpace(company))
        {
            var byId = long.TryParse(company, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric) && company.Length < 18;
            var (found, problem) = await ProjectInput.CompanyAsync(byId ? numeric : null, byId ? null : company, companies, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            companyId = found!.Id;
        }

        var result = await store.ListProjectsAsync(new ProjectQuery(teamId, unitCode, stages, chainCode, isKey, companyId, page, pageSize), cancellationToken);
        var names = await ProjectInput.NamesAsync(result.Items.Select(p => p.Fields.ChainCode), regions, chainStore, cancellationToken);
        return TypedResults.Ok(new ProjectPageResponse(result.Items.Select(p => p.ToResponse(names)).ToList(), result.Page, result.PageSize, result.Total));
    }

    internal static async Task<Results<Ok<ProjectDetailResponse>, ProblemHttpResult>> GetProject(
        long id, IProjectStore store, IChainStore chainStore, RegionDirectory regions, ProjectService projects, CancellationToken cancellationToken)
    {
        var file = await store.GetProjectFileAsync(id, cancellationToken);
        if (file is null)
        {
            return ProjectService.ProjectNotFound(id).ToProblem();
        }

        var names = await ProjectInput.NamesAsync([file.Project.Fields.ChainCode], regions, chainStore, cancellationToken);
        return TypedResults.Ok(file.ToResponse(names, projects.Today));
    }

    internal static async Task<Results<Ok<ProjectDetailResponse>, ValidationProblem, ProblemHttpResult>> UpdateProject(
        long id, UpdateProjectRequest request, HttpContext http, IProjectStore store, IChainStore chainStore, ChainDirectory chains, RegionDirectory regions, ProjectService projects,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var channel = ProjectInput.Channel(request.Channel, errors);
        ProjectInput.Investment(request.PlannedInvestment, errors);
        ProjectInput.Length(request.Name, ProjectInput.MaxNameLength, "name", errors);
        ProjectInput.Length(request.ChannelDetail, ProjectInput.MaxNameLength, "channelDetail", errors);
        ProjectInput.Length(request.Notes, ProjectInput.MaxTextLength, "notes", errors);
        if (request.Name is { } blank && string.IsNullOrWhiteSpace(blank))
        {
            errors["name"] = ["cannot be blank; leave it out to keep the current name."];
        }

        ProjectInput.Lookups(
            errors, ("chain", request.Chain), ("segment", request.Segment), ("channel", request.Channel), ("team", request.Team), ("unit", request.Unit));

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The project change is invalid");
        }

        var (file, refused) = await TeamGuard.LoadToChangeAsync(id, http.User, store, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var current = file!.Project.Fields;
        var chainCode = current.ChainCode;
        var segment = current.SegmentCode;
        if (!string.IsNullOrWhiteSpace(request.Chain) || request.Segment is { Length: > 0 })
        {
            var (chain, chainProblem) = await ProjectInput.ChainAsync(request.Chain ?? current.ChainCode, chains, cancellationToken);
            if (chainProblem is not null)
            {
                return chainProblem;
            }

            chainCode = chain!.Chain.Code;
            if (request.Segment is { Length: > 0 })
            {
                var (found, segmentProblem) = ProjectInput.Segment(request.Segment, chain);
                if (segmentProblem is not null)
                {
                    return segmentProblem;
                }

                segment = found;
            }
            else if (chainCode != current.ChainCode)
            {
                // The old segment belongs to the old chain.
                segment = null;
            }
        }

        if (request.Segment is "")
        {
            segment = null;
        }

        var home = await regions.GetHomeAsync(cancellationToken);
        var teamId = current.TeamId;
        if (request.Team is not null)
        {
            var (team, problem) = ProjectInput.Team(request.Team, home);
            if (problem is not null)
            {
                return problem;
            }

            if (TeamGuard.Check(http.User, team!.Id) is { } notYourTeam)
            {
                return notYourTeam;
            }

            teamId = team.Id;
        }

        var unitCode = current.UnitCode;
        if (request.Unit is not null)
        {
            var (unit, problem) = ProjectInput.Unit(request.Unit, home);
            if (problem is not null)
            {
                return problem;
            }

            unitCode = unit!.Code;
        }

        var fields = current with
        {
            Name = request.Name?.Trim() ?? current.Name,
            ChainCode = chainCode,
            SegmentCode = segment,
            Channel = channel ?? current.Channel,
            ChannelDetail = request.ChannelDetail is null ? current.ChannelDetail : Clean(request.ChannelDetail),
            TeamId = teamId,
            UnitCode = unitCode,
            PlannedInvestment = request.PlannedInvestment ?? current.PlannedInvestment,
            IsKey = request.IsKey ?? current.IsKey,
            Notes = request.Notes is null ? current.Notes : Clean(request.Notes),
        };
        var outcome = await projects.UpdateAsync(id, fields, request.ExpectedVersion ?? file.Project.Version, ChangeAuthor.Of(http), cancellationToken);
        if (outcome.Problem is { } failed)
        {
            return failed.ToProblem();
        }

        var names = await ProjectInput.NamesAsync([fields.ChainCode], regions, chainStore, cancellationToken);
        return TypedResults.Ok(outcome.Value!.ToResponse(names, projects.Today));
    }

    internal static async Task<Results<Ok<ProjectDetailResponse>, ValidationProblem, ProblemHttpResult>> ChangeStage(
        long id, StageChangeRequest request, HttpContext http, IProjectStore store, IChainStore chainStore, RegionDirectory regions, ProjectService projects, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var stage = ProjectInput.Stage(request.Stage, "stage", errors);
        if (stage is null && !errors.ContainsKey("stage"))
        {
            errors["stage"] = ["is required: the stage to move to (code or Chinese name)."];
        }

        var date = ProjectInput.Date(request.Date, "date", errors);
        ProjectInput.Length(request.Note, ProjectInput.MaxTextLength, "note", errors);
        ProjectInput.Length(request.Reason, ProjectInput.MaxTextLength, "reason", errors);
        ProjectInput.Lookups(errors, ("stage", request.Stage), ("date", request.Date));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The stage change is invalid");
        }

        var (file, refused) = await TeamGuard.LoadToChangeAsync(id, http.User, store, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        // Without an expected version the change is conditional on the version checked above, so a move
        // to another team in between is a 409, never a change to a project the user may no longer change.
        var outcome = await projects.ChangeStageAsync(
            id, stage!.Value, date, request.Note, request.Reason, ChangeAuthor.Of(http), request.ExpectedVersion ?? file!.Project.Version, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return problem.ToProblem();
        }

        var names = await ProjectInput.NamesAsync([outcome.Value!.Project.Fields.ChainCode], regions, chainStore, cancellationToken);
        return TypedResults.Ok(outcome.Value.ToResponse(names, projects.Today));
    }

    internal static async Task<Results<Created<ActivityResponse>, ValidationProblem, ProblemHttpResult>> LogProjectActivity(
        long id, ActivityRequest request, HttpContext http, IProjectStore store, RegionDirectory regions, ProjectService projects, CancellationToken cancellationToken)
    {
        var (file, refused) = await TeamGuard.LoadToChangeAsync(id, http.User, store, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return await ActivityEndpoints.LogAsync(
            id, file!.Project.Company.Id, request.Team ?? file.Project.Fields.TeamId, request.Kind, request.Title, request.Date, request.PeopleMet, request.Notes,
            new ActivityEndpoints.NextStepText(request.OurPeople, request.NextStep, request.NextStepDue), ChangeAuthor.Of(http), http.User, regions, projects, cancellationToken);
    }

    internal static async Task<Results<Created<BlockerResponse>, ValidationProblem, ProblemHttpResult>> OpenBlocker(
        long id, BlockerRequest request, HttpContext http, IProjectStore store, ProjectService projects, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        BlockerKind kind = BlockerKind.Other;
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            errors["kind"] = ["is required: land, energy, financing, permits or other (用地, 能耗, 融资, 审批, 其他)."];
        }
        else if (!ProjectTerms.TryParseBlockerKind(request.Kind, out kind))
        {
            errors["kind"] = [$"'{request.Kind}' is not a blocker kind; use land, energy, financing, permits or other (用地, 能耗, 融资, 审批, 其他)."];
        }

        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors["description"] = ["is required: what is missing and what is needed."];
        }

        ProjectInput.Length(request.Description, ProjectInput.MaxTextLength, "description", errors);
        ProjectInput.Length(request.Owner, ProjectInput.MaxNameLength, "owner", errors);
        var date = ProjectInput.Date(request.Date, "date", errors);
        var dueOn = ProjectInput.Date(request.DueOn, "dueOn", errors);
        ProjectInput.Lookups(errors, ("kind", request.Kind), ("date", request.Date), ("dueOn", request.DueOn));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The blocker is invalid");
        }

        var (_, refused) = await TeamGuard.LoadToChangeAsync(id, http.User, store, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await projects.OpenBlockerAsync(id, kind, request.Description!, request.Owner, date, dueOn, ChangeAuthor.Of(http), cancellationToken);
        return outcome.Problem is { } problem
            ? problem.ToProblem()
            : TypedResults.Created($"/api/projects/{id}", outcome.Value!.ToResponse(projects.Today));
    }

    internal static async Task<Results<Ok<BlockerResponse>, ValidationProblem, ProblemHttpResult>> CloseBlocker(
        long id, long blockerId, HttpContext http, IProjectStore store, ProjectService projects, CancellationToken cancellationToken, CloseBlockerRequest? request = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ProjectInput.Date(request?.Date, "date", errors);
        ProjectInput.Length(request?.Note, ProjectInput.MaxTextLength, "note", errors);
        ProjectInput.Lookups(errors, ("date", request?.Date));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The closing is invalid");
        }

        var (_, refused) = await TeamGuard.LoadToChangeAsync(id, http.User, store, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await projects.CloseBlockerAsync(id, blockerId, date, request?.Note, ChangeAuthor.Of(http), cancellationToken);
        return outcome.Problem is { } problem ? problem.ToProblem() : TypedResults.Ok(outcome.Value!.ToResponse(projects.Today));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
