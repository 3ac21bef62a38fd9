using ChainMap.Api.Targets;
using ChainMap.Discovery;
using ChainMap.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Teams;

internal sealed record TeamMemberResponse(string Code, string Name);

/// <summary>A resident team (驻点招商专班) and the divisions of its region group.</summary>
internal sealed record ResidentTeamResponse(string Id, string Name, string RegionGroup, IReadOnlyList<TeamMemberResponse> Members);

internal static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/teams").WithTags("Teams");
        group.MapGet("/", ListTeams).WithName("ListTeams").WithSummary("The resident teams and their region groups");
        group.MapGet("/{id}/targets", ListTeamTargets).WithName("ListTeamTargets")
            .WithSummary("A team's ranked targets: the target list for its region group (same filters as /api/targets)");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<ResidentTeamResponse>>> ListTeams(RegionDirectory regions, CancellationToken cancellationToken)
    {
        var home = await regions.GetHomeAsync(cancellationToken);
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ResidentTeamResponse>>(home.Teams.Select(t => new ResidentTeamResponse(
            t.Id, t.Name, t.RegionGroup,
            (catalog.FindGroup(t.RegionGroup)?.MemberCodes ?? []).Select(c => new TeamMemberResponse(c, TargetMappings.FullName(catalog, c))).ToList())).ToList());
    }

    internal static async Task<Results<TargetPageResult, ProblemHttpResult>> ListTeamTargets(
        string id, TargetFilterResolver resolver, RegionDirectory regions, DiscoveryService discovery, TargetPageJson json, CancellationToken cancellationToken,
        string? chain = null, string? segment = null, string? tier = null, string? tags = null,
        decimal? minCapital = null, int page = 1, int pageSize = 20, int paths = 3)
    {
        if (ChainMap.Access.AccessLimits.TooLong("id", id, ChainMap.Access.AccessLimits.MaxNameLength) is { } longId)
        {
            return Problems.BadRequest(longId + "; a team is named by its id or name.", "Invalid team");
        }

        if (TargetEndpoints.CheckPage(page, pageSize, paths) is { } problem)
        {
            return problem;
        }

        var home = await regions.GetHomeAsync(cancellationToken);
        var team = home.Teams.FirstOrDefault(t => string.Equals(t.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? home.Teams.FirstOrDefault(t => ChainMap.Text.ChineseText.Fold(t.Name) == ChainMap.Text.ChineseText.Fold(id));
        if (team is null)
        {
            return Problems.NotFound($"No resident team has the id or name '{id}'. GET /api/teams lists them.", "Team not found");
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var group = catalog.FindGroup(team.RegionGroup);
        if (group is null)
        {
            return Problems.NotFound($"Team '{team.Id}' works in region group '{team.RegionGroup}', which is not defined. GET /api/region-groups lists them.", "Region group not found");
        }

        // The team's region group is the region; every other filter is read as GET /api/targets reads it.
        var resolution = await resolver.ResolveAsync(new TargetFilterInput(chain, null, segment, tier, tags, minCapital), chainRequired: false, cancellationToken);
        if (resolution.Error is { } error)
        {
            return Problems.For(error);
        }

        return await TargetEndpoints.RunAsync(
            resolution.Filter! with { Region = TargetFilterResolver.GroupScope(group) }, page, pageSize, paths, regions, discovery, json, cancellationToken);
    }
}
