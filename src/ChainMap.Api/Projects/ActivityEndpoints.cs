using ChainMap.Projects;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Projects;

/// <summary>The resident teams' daily record: activities with companies that have no project yet, and the activity log.</summary>
internal static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activities").WithTags("Projects");
        group.MapPost("/", LogCompanyActivity).RequireAuthorization(Access.Policies.Projects).WithName("LogCompanyActivity").WithSummary("Log a visit, call, meeting or event with a company (often a target) that has no project");
        group.MapGet("/", ListActivities).WithName("ListActivities").WithSummary("Activities by team, project, company and date range, newest first");
        group.MapGet("/next-steps", ListNextSteps).WithName("ListNextSteps").WithSummary("Current next steps due within some days of the service's today, overdue ones included, earliest first");
        return app;
    }

    internal static async Task<Results<Created<ActivityResponse>, ValidationProblem, ProblemHttpResult>> LogCompanyActivity(
        CompanyActivityRequest request, HttpContext http, ICompanyStore companies, RegionDirectory regions, ProjectService projects, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ProjectInput.Lookups(errors, ("uscc", request.Uscc));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The activity is invalid");
        }

        var (company, problem) = await ProjectInput.CompanyAsync(request.CompanyId, request.Uscc, companies, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return await LogAsync(
            null, company!.Id, request.Team, request.Kind, request.Title, request.Date, request.PeopleMet, request.Notes,
            new NextStepText(request.OurPeople, request.NextStep, request.NextStepDue), ChangeAuthor.Of(http), http.User, regions, projects, cancellationToken);
    }

    internal static async Task<Results<Ok<ActivityPageResponse>, ValidationProblem, ProblemHttpResult>> ListActivities(
        IProjectStore store, RegionDirectory regions, CancellationToken cancellationToken,
        string? team = null, long? project = null, long? company = null, string? from = null, string? to = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = ProjectInput.Date(from, "from", errors);
        var toDate = ProjectInput.Date(to, "to", errors);
        if (fromDate > toDate)
        {
            errors["from"] = [$"{fromDate:yyyy-MM-dd} is after to {toDate:yyyy-MM-dd}."];
        }

        Paging.AddErrors(errors, page, pageSize, Paging.ActivitiesMaxPageSize);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid activity filter");
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

        var result = await store.ListActivitiesAsync(new ActivityQuery(teamId, project, company, fromDate, toDate, page, pageSize), cancellationToken);
        var names = new ProjectNames(home, new Dictionary<string, ChainMap.Domain.ChainDefinition>());
        return TypedResults.Ok(new ActivityPageResponse(result.Items.Select(a => a.ToResponse(names)).ToList(), result.Page, result.PageSize, result.Total));
    }

    /// <summary>The longest window <c>days</c> of the next steps may ask for.</summary>
    public const int MaxNextStepDays = 366;

    internal static async Task<Results<Ok<NextStepsResponse>, ValidationProblem, ProblemHttpResult>> ListNextSteps(
        RegionDirectory regions, ProjectService projects, CancellationToken cancellationToken, string? team = null, int days = 7)
    {
        if (days is < 0 or > MaxNextStepDays)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["days"] = [$"is {days}; ask for 0 to {MaxNextStepDays} days ahead (0: due today or overdue)."] },
                title: "Invalid next-step filter");
        }

        if (team is { Length: > ProjectInput.MaxLookupLength })
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["team"] = [$"is {team.Length} characters long; at most {ProjectInput.MaxLookupLength} are allowed."] },
                title: "Invalid next-step filter");
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

        var (today, steps) = await projects.NextStepsAsync(teamId, days, Paging.ActivitiesMaxPageSize, cancellationToken);
        var names = new ProjectNames(home, new Dictionary<string, ChainMap.Domain.ChainDefinition>());
        return TypedResults.Ok(new NextStepsResponse(
            ProjectMappings.Day(today),
            days,
            steps.Select(a => new NextStepResponse(
                a.ToResponse(names), a.NextStep ?? string.Empty, ProjectMappings.Day(a.NextStepDue!.Value),
                a.NextStepDue!.Value.DayNumber - today.DayNumber, a.NextStepDue!.Value < today)).ToList()));
    }

    /// <summary>An activity's next step and our side's people, as the request wrote them.</summary>
    internal sealed record NextStepText(IReadOnlyList<string>? OurPeople, string? NextStep, string? Due);

    internal static async Task<Results<Created<ActivityResponse>, ValidationProblem, ProblemHttpResult>> LogAsync(
        long? projectId, long companyId, string? team, string? kindText, string? title, string? dateText, IReadOnlyList<string>? peopleMet, string? notes,
        NextStepText next, string by,
        System.Security.Claims.ClaimsPrincipal user, RegionDirectory regions, ProjectService projects, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ActivityKind.Visit;
        if (string.IsNullOrWhiteSpace(kindText))
        {
            errors["kind"] = ["is required: visit, call, meeting or event (拜访, 电话, 会谈, 活动)."];
        }
        else if (!ProjectTerms.TryParseActivityKind(kindText, out kind))
        {
            errors["kind"] = [$"'{kindText}' is not an activity kind; use visit, call, meeting or event (拜访, 电话, 会谈, 活动; 推介会 and 签约仪式 are events)."];
        }

        // 推介会 or 签约仪式 as the kind is an event; keep the word as its title when none is given.
        if (string.IsNullOrWhiteSpace(title) && ChainMap.Text.ChineseText.Fold(kindText) is "推介会" or "签约仪式")
        {
            title = ChainMap.Text.ChineseText.Fold(kindText);
        }

        var date = ProjectInput.Date(dateText, "date", errors);
        var due = ProjectInput.Date(next.Due, "nextStepDue", errors);
        ProjectInput.Length(title, ProjectInput.MaxNameLength, "title", errors);
        ProjectInput.Length(notes, ProjectInput.MaxTextLength, "notes", errors);
        ProjectInput.Length(next.NextStep, ProjectInput.MaxTextLength, "nextStep", errors);
        ProjectInput.Lookups(errors, ("kind", kindText), ("team", team), ("date", dateText), ("nextStepDue", next.Due));
        People(peopleMet, "peopleMet", errors);
        People(next.OurPeople, "ourPeople", errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The activity is invalid");
        }

        var home = await regions.GetHomeAsync(cancellationToken);
        var (found, teamProblem) = ProjectInput.Team(team, home);
        if (teamProblem is not null)
        {
            return teamProblem;
        }

        if (TeamGuard.Check(user, found!.Id) is { } notYourTeam)
        {
            return notYourTeam;
        }

        var outcome = await projects.LogActivityAsync(
            projectId, companyId, kind, title, date, peopleMet?.Where(p => p is not null).ToList() ?? [], notes, found!.Id, by,
            new NextStepInput(next.OurPeople?.Where(p => p is not null).ToList(), next.NextStep, due), cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return problem.ToProblem();
        }

        var names = new ProjectNames(home, new Dictionary<string, ChainMap.Domain.ChainDefinition>());
        var location = projectId is { } p ? $"/api/projects/{p}" : $"/api/activities?company={companyId}";
        return TypedResults.Created(location, outcome.Value!.ToResponse(names));
    }

    private static void People(IReadOnlyList<string>? people, string field, Dictionary<string, string[]> errors)
    {
        if (people is { Count: > 50 })
        {
            errors[field] = [$"lists {people.Count} people; at most 50 are allowed."];
        }
        else if (people?.FirstOrDefault(p => p is { Length: > ProjectInput.MaxNameLength }) is { } tooLong)
        {
            errors[field] = [$"'{tooLong[..20]}…' is longer than {ProjectInput.MaxNameLength} characters."];
        }
    }
}
