using System.Security.Claims;
using ChainMap.Api.Access;
using ChainMap.Seeding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Imports;

/// <summary>How much demo data a store holds (or a removal removed).</summary>
internal sealed record DemoCountsResponse(long Companies, long Channels, long ChannelLinks, long Relations, long ImportRuns);

/// <summary>GET /api/demo: whether the synthetic demo set is present, with its counts.</summary>
internal sealed record DemoResponse(bool Present, DemoCountsResponse Counts);

/// <summary>DELETE /api/demo: what the removal removed.</summary>
internal sealed record DemoRemovedResponse(DemoCountsResponse Removed);

/// <summary>The synthetic demo set (issue 16, ADR 0195): its counts, and removing it with its network in one step.</summary>
internal static class DemoEndpoints
{
    public static IEndpointRouteBuilder MapDemo(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Imports");
        group.MapGet("/", GetDemo).WithName("GetDemo")
            .WithSummary("Whether the synthetic demo set (what the demo loader imported) is in the store, with counts of its companies, channels, channel links, relations and import records");
        group.MapDelete("/", RemoveDemo).WithName("RemoveDemo").RequireAuthorization(Policies.Curate)
            .WithSummary("Remove the demo companies (with their memberships, relations, channel links), the demo channels, links and relations and the demo's import records in one step; " +
                "409 naming the projects and activities on demo companies (nothing removed); 404 when no demo data is present");
        return app;
    }

    internal static async Task<Ok<DemoResponse>> GetDemo(DemoRemoval demo, CancellationToken cancellationToken)
    {
        var counts = await demo.CountAsync(cancellationToken);
        return TypedResults.Ok(new DemoResponse(counts.Any, counts.ToResponse()));
    }

    internal static async Task<Results<Ok<DemoRemovedResponse>, ProblemHttpResult>> RemoveDemo(ClaimsPrincipal user, DemoRemoval demo, CancellationToken cancellationToken)
    {
        var result = await demo.RemoveAsync($"{user.UserName()} ({user.UserId()})", cancellationToken);
        return result.Status switch
        {
            DemoRemovalStatus.Removed => TypedResults.Ok(new DemoRemovedResponse(result.Counts.ToResponse())),
            DemoRemovalStatus.NoDemo => TypedResults.Problem(
                "The store holds no demo data: it was never loaded (Storage:SeedDemoData=false) or was removed already. Nothing was changed.",
                statusCode: StatusCodes.Status404NotFound, title: "No demo data",
                extensions: new Dictionary<string, object?> { ["code"] = "no-demo" }),
            _ => TypedResults.Problem(
                $"The demo data cannot be removed while projects or activities refer to demo companies: {string.Join("; ", result.Blockers)}. " +
                "Move or close those projects first (or merge the demo company into a real one). Nothing was removed.",
                statusCode: StatusCodes.Status409Conflict, title: "Demo companies are in use",
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "demo-in-use",
                    ["dependents"] = result.Blockers,
                    ["projects"] = result.Projects.Select(p => new { id = p.ProjectId, name = p.ProjectName, companyId = p.CompanyId }).ToList(),
                    ["counts"] = result.Counts.ToResponse(),
                }),
        };
    }

    private static DemoCountsResponse ToResponse(this DemoCounts c) => new(c.Companies, c.Channels, c.ChannelLinks, c.Relations, c.ImportRuns);

}
