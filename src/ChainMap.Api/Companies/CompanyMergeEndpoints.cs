using System.Globalization;
using ChainMap.Curation;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Companies;

/// <summary>
/// The body of POST /api/companies/{id}/merge: the id of the company merged into {id}, and optionally the versions of
/// both the analyst saw (<c>version</c> of {id}, <c>fromVersion</c> of the other): a stale one is refused (ADR 0197).
/// </summary>
internal sealed record CompanyMergeRequest(long? From, long? Version = null, long? FromVersion = null);

/// <summary>
/// What a merge did: the survivor <see cref="Id"/>, the <see cref="Merged"/> id (it now answers with a redirect to the
/// survivor), the fields taken from the merged company, how many memberships, relations and channel links were
/// written to the survivor, the projects moved to it, the merged company's rejections kept on it, and the survivor as it
/// now is (its new version included).
/// </summary>
internal sealed record CompanyMergeResponse(
    long Id, long Merged, IReadOnlyList<string> TakenFields, int Memberships, int Relations, int ChannelLinks, IReadOnlyList<long> Projects,
    CompanyDetailResponse Company, IReadOnlyList<string> Rejections);

internal static class CompanyMergeEndpoints
{
    public static IEndpointRouteBuilder MapCompanyMerge(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/companies").WithTags("Companies")
            .MapPost("/{id}/merge", MergeCompanies).WithName("MergeCompanies").RequireAuthorization(Access.Policies.Curate)
            .WithSummary("Merge the company {\"from\": id} into this one: memberships, relations, channel links, projects and activities move here, values this one lacks are taken; the merged id then redirects (308) here");
        return app;
    }

    internal static async Task<Results<Ok<CompanyMergeResponse>, ProblemHttpResult>> MergeCompanies(
        string id, CompanyMergeRequest? request, CompanyMerging merging, ICompanyStore store, ICompanyMergeStore merges, RegionDirectory regions,
        CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var survivorId))
        {
            return Problems.Invalid("id", $"'{id}' is not a company id (a whole number).", "Invalid company id");
        }

        if (request?.From is not { } mergedId)
        {
            return Problems.Invalid("from", "Give the id of the company to merge into this one: {\"from\": 123}.", "Missing company to merge");
        }

        if (mergedId == survivorId)
        {
            return Problems.Invalid("from", $"Company {Text(survivorId)} cannot be merged into itself; give another company's id.", "Same company");
        }

        foreach (var (field, given) in new[] { ("version", request.Version), ("fromVersion", request.FromVersion) })
        {
            if (given is < 1)
            {
                return Problems.Invalid(field, $"{field} must be the company's version as its detail shows it (a whole number from 1), not {Text(given.Value)}.", "Invalid company version");
            }
        }

        var outcome = await merging.MergeAsync(survivorId, mergedId, new MergeExpectation(request.Version, request.FromVersion), cancellationToken);
        if (outcome.Missing.Count > 0)
        {
            var parts = new List<string>();
            foreach (var missing in outcome.Missing)
            {
                var role = missing == survivorId ? "the company to keep (id)" : "the company to merge (from)";
                parts.Add(await merges.GetMergedIntoAsync(missing, cancellationToken) is { } into
                    ? $"{role} {Text(missing)} was already merged into company {Text(into)}"
                    : $"{role} {Text(missing)} does not exist");
            }

            return TypedResults.Problem(
                string.Join("; ", parts) + "; nothing was merged.", statusCode: StatusCodes.Status404NotFound, title: "Company not found",
                extensions: new Dictionary<string, object?> { ["missing"] = outcome.Missing, ["field"] = outcome.Missing[0] == survivorId ? "id" : "from" });
        }

        var decision = outcome.Decision!;
        if (decision is { Refusal: MergeRefusal.StaleVersion, StaleCompanyId: { } stale })
        {
            return TypedResults.Problem(
                decision.Detail + "; nothing was merged.", statusCode: StatusCodes.Status409Conflict, title: "Company changed meanwhile",
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "stale-version", ["field"] = stale == survivorId ? "version" : "fromVersion", ["companyId"] = stale, ["currentVersion"] = decision.CurrentVersion,
                });
        }

        if (decision.Plan is not { } plan)
        {
            var (code, title) = decision.Refusal == MergeRefusal.DifferentUscc
                ? ("different-uscc", "Two different USCCs")
                : ("company-has-open-project", "Two open projects");
            return TypedResults.Problem(
                decision.Detail + "; nothing was merged.", statusCode: StatusCodes.Status409Conflict, title: title,
                extensions: new Dictionary<string, object?> { ["code"] = code, ["openProjectIds"] = decision.OpenProjectIds });
        }

        var company = await store.GetCompanyAsync(survivorId, cancellationToken);
        if (company is null)
        {
            return Problems.NotFound($"Company {Text(survivorId)} was removed right after the merge.", "Company not found");
        }

        return TypedResults.Ok(new CompanyMergeResponse(
            survivorId, mergedId, [.. CompanyFields.In(plan.TakenFields)], plan.MembershipsToWrite.Count, plan.RelationsToAdd.Count, plan.ChannelLinksToAdd.Count,
            plan.ProjectsToMove, await CompanyEndpoints.DetailAsync(company, store, regions, cancellationToken), [.. plan.RejectionsToAdd.Select(r => r.SegmentCode)]));
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
