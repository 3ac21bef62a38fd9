using System.Globalization;
using ChainMap.Api.Imports;
using ChainMap.Api.Projects;
using ChainMap.Chains;
using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Companies;

/// <summary>
/// A membership in the review queue, with its company and the evidence the classifier (or a file, or an analyst) gave. For a
/// chain-level membership <c>segment</c> is the chain's code, <c>segmentName</c> 环节待定 (ADR 0370) and <c>suggestedSegments</c>
/// the chain's segments its evidence fitted, best first (ADR 0405); else empty.
/// </summary>
internal sealed record ReviewMembershipResponse(
    long CompanyId, string CompanyName, string RegionCode, string RegionName, string Chain, string Segment, string? SegmentName,
    string? Role, double Confidence, string? Evidence, string Status, string? Source, IReadOnlyList<string> SuggestedSegments);

internal sealed record ReviewMembershipPageResponse(IReadOnlyList<ReviewMembershipResponse> Items, int Page, int PageSize, long Total, double LowConfidence);

/// <summary>One item of POST /api/memberships/review; <c>version</c> (optional) is the company's version the analyst saw.</summary>
internal sealed record ReviewItemRequest(long CompanyId, string? Segment, string? Action, string? ToSegment = null, string? Role = null, long? Version = null);

internal sealed record ReviewRequest(IReadOnlyList<ReviewItemRequest?>? Items);

/// <summary>A company's version after a change.</summary>
internal sealed record CompanyVersionResponse(long CompanyId, long Version);

/// <summary>What a review did: how many items, and each changed company's new version (ADR 0197).</summary>
internal sealed record ReviewResponse(int Reviewed, IReadOnlyList<CompanyVersionResponse> Companies);

/// <summary>
/// The body of POST /api/companies/{id}/memberships: a segment (code, name or alias), a role, and optionally the
/// company's version the analyst saw (a stale one is refused).
/// </summary>
internal sealed record AddMembershipRequest(string? Segment, string? Role, long? Version = null);

/// <summary>
/// The membership review queue and every analyst change of a membership (ADR 0180): list, bulk confirm /
/// reject / move, and per company add or remove. Changes need the curate policy and are in the audit log.
/// </summary>
internal static class MembershipReviewEndpoints
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapMembershipReview(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/memberships").WithTags("Memberships");
        group.MapGet("/", ListMemberships).WithName("ListMemberships")
            .WithSummary("The review queue: memberships by status (unconfirmed, confirmed, low = confidence below 0.8), chain, segment, region and import job, with their evidence; chainLevel=true lists only the chain-level ones (环节待定)");
        group.MapPost("/chain-level/suggest", SuggestSegments).WithName("SuggestChainLevelSegments").RequireAuthorization(Access.Policies.Curate)
            .WithSummary("Gives the chain-level memberships stored without suggested segments (before ADR 0405) their suggestions: queues a job (202) whose state GET /api/imports/{id} returns; nothing else changes (ADR 0425)");
        group.MapPost("/review", Review).WithName("ReviewMemberships").RequireAuthorization(Access.Policies.Curate)
            .WithSummary("Confirm, reject or move many memberships at once: all or nothing; a bad item is a 400 naming its index");
        var companies = app.MapGroup("/api/companies").WithTags("Companies");
        companies.MapPost("/{id}/memberships", AddMembership).WithName("AddMembership").RequireAuthorization(Access.Policies.Curate)
            .WithSummary("An analyst adds the company to a segment with a role (confirmed); answers the company detail");
        companies.MapDelete("/{id}/memberships/{segment}", RemoveMembership).WithName("RemoveMembership").RequireAuthorization(Access.Policies.Curate)
            .WithSummary("An analyst removes the company from a segment; no import or re-classification brings it back; answers the company detail");
        return app;
    }

    internal static async Task<Results<Ok<ReviewMembershipPageResponse>, ProblemHttpResult>> ListMemberships(
        IMembershipReviewStore store, ChainDirectory chains, RegionDirectory regions, ImportJobs jobs, CancellationToken cancellationToken,
        string? status = null, string? chain = null, string? segment = null, string? region = null, string? import = null, bool chainLevel = false, int page = 1, int pageSize = 50)
    {
        if (Paging.Check(page, pageSize, MaxPageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        MembershipStatus? wanted = null;
        double? below = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (string.Equals(status.Trim(), "low", StringComparison.OrdinalIgnoreCase) || status.Trim() == "低置信度")
            {
                below = MembershipReview.LowConfidence;
            }
            else if (MembershipStatuses.TryParse(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                return Problems.Invalid("status", $"'{status}' is not a review status; use unconfirmed (待确认), confirmed or low (confidence below {MembershipReview.LowConfidence}).", "Invalid status");
            }
        }

        var (filter, problem) = await CompanyListFilter.ResolveAsync(chains, regions, chain, segment, region, cancellationToken);
        if (filter is null)
        {
            return problem!;
        }

        string? importId = null;
        if (!string.IsNullOrWhiteSpace(import))
        {
            if (await jobs.GetAsync(import.Trim(), cancellationToken) is null)
            {
                return Problems.NotFound($"No import job has the id '{import}'. GET /api/imports lists them.", "Import not found");
            }

            importId = import.Trim();
        }

        // A chain-level membership is stored under its chain's code (ADR 0370): 环节待定 is the segment filter of the chain's code.
        var segments = filter.Segments;
        if (chainLevel)
        {
            if (segments is not null)
            {
                return Problems.Invalid("chainLevel", "chainLevel lists the memberships that name no segment (环节待定); give it without segment.", "Invalid filter");
            }

            segments = filter.ChainCode is { } only ? [only] : [.. filter.Definitions.Select(d => d.Chain.Code)];
        }

        var result = await store.ListMembershipsAsync(new MembershipListQuery(wanted, below, filter.ChainCode, segments, filter.RegionCodes, importId, page, pageSize), cancellationToken);
        var names = filter.Definitions.SelectMany(d => d.Segments).GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return TypedResults.Ok(new ReviewMembershipPageResponse(
            result.Items.Select(i => new ReviewMembershipResponse(
                i.CompanyId, i.CompanyName, i.RegionCode,
                string.Concat(filter.Catalog.Lineage(i.RegionCode).Where(r => !RegionCatalog.IsPlaceholder(r.Name)).Select(r => r.Name)),
                i.ChainCode, i.Membership.SegmentCode,
                names.GetValueOrDefault(i.Membership.SegmentCode) ?? (i.Membership.SegmentCode == i.ChainCode ? ChainLevelMemberships.PendingSegment : null),
                i.Membership.Role, i.Membership.Confidence, i.Membership.Evidence, i.Membership.Status.ToWire(), i.Membership.Source,
                i.Membership.SuggestedSegments())).ToList(),
            result.Page, result.PageSize, result.Total, MembershipReview.LowConfidence));
    }

    internal static async Task<Accepted<ImportJobResponse>> SuggestSegments(ImportJobs jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.EnqueueSuggestAsync("chain-level suggestions", cancellationToken);
        return TypedResults.Accepted($"/api/imports/{job.Id}", job.ToResponse(0));
    }

    internal static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> Review(
        ReviewRequest? request, MembershipReviewService review, HttpContext http, CancellationToken cancellationToken)
    {
        if (request?.Items is not { Count: > 0 } items)
        {
            return Problems.Invalid("items", "items is required: a list of {companyId, segment, action: confirm|reject|move, toSegment?, role?}.", "Invalid review");
        }

        if (items.Count > MembershipReview.MaxItems)
        {
            return Problems.Invalid("items", $"A review may carry at most {MembershipReview.MaxItems} items, got {items.Count}; send several.", "Invalid review");
        }

        var nullIndex = items.ToList().FindIndex(i => i is null);
        if (nullIndex >= 0)
        {
            return Problems.Invalid($"items[{nullIndex}]", $"Item {nullIndex} is empty. Nothing was changed.", "Invalid review");
        }

        var outcome = await review.ReviewAsync(
            items.Select(i => new ReviewItem(i!.CompanyId, i.Segment, i.Action, i.ToSegment, i.Role, i.Version)).ToList(), ChangeAuthor.Of(http), cancellationToken);
        if (outcome.Error is { } error)
        {
            if (error.IsConflict)
            {
                return TypedResults.Problem(
                    $"Item {error.Index}: {error.Message} Nothing was changed.", statusCode: StatusCodes.Status409Conflict, title: "Company changed meanwhile",
                    extensions: new Dictionary<string, object?>
                    {
                        ["index"] = error.Index, ["field"] = $"items[{error.Index}].version", ["companyId"] = items[error.Index]!.CompanyId, ["currentVersion"] = error.CurrentVersion,
                    });
            }

            var key = $"items[{error.Index}].{error.Field}";
            var problem = Problems.Invalid(new Dictionary<string, string[]> { [key] = [error.Message] }, $"Item {error.Index}: {error.Message} Nothing was changed.", "Invalid review");
            problem.ProblemDetails.Extensions["index"] = error.Index;
            return problem;
        }

        return TypedResults.Ok(new ReviewResponse(items.Count, outcome.Versions.OrderBy(v => v.Key).Select(v => new CompanyVersionResponse(v.Key, v.Value)).ToList()));
    }

    internal static async Task<Results<Ok<CompanyDetailResponse>, ValidationProblem, ProblemHttpResult>> AddMembership(
        string id, AddMembershipRequest? request, MembershipReviewService review, ICompanyStore store, RegionDirectory regions, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (company, problem) = await CompanyEndpoints.FindCompanyAsync(id, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (company is null)
        {
            return CompanyEndpoints.CompanyNotFound(id);
        }

        if (request?.Version is < 1)
        {
            return Problems.Invalid("version", $"version must be the company's version as its detail shows it (a whole number from 1), not {request.Version}.", "Invalid company version");
        }

        var outcome = await review.AddAsync(company.Id, request?.Segment, request?.Role, request?.Version, ChangeAuthor.Of(http), cancellationToken);
        return await AnswerAsync(outcome.Error, company.Id, id, store, regions, cancellationToken);
    }

    internal static async Task<Results<Ok<CompanyDetailResponse>, ValidationProblem, ProblemHttpResult>> RemoveMembership(
        string id, string segment, MembershipReviewService review, ICompanyStore store, RegionDirectory regions, HttpContext http,
        CancellationToken cancellationToken, string? version = null)
    {
        long? expected = null;
        if (!string.IsNullOrEmpty(version))
        {
            if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return Problems.Invalid("version", $"version must be the company's version as its detail shows it (a whole number from 1), not '{version}'.", "Invalid company version");
            }

            expected = parsed;
        }

        var (company, problem) = await CompanyEndpoints.FindCompanyAsync(id, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (company is null)
        {
            return CompanyEndpoints.CompanyNotFound(id);
        }

        var outcome = await review.RemoveAsync(company.Id, segment, expected, ChangeAuthor.Of(http), cancellationToken);
        return await AnswerAsync(outcome.Error, company.Id, id, store, regions, cancellationToken);
    }

    private static async Task<Results<Ok<CompanyDetailResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        ReviewError? error, long companyId, string id, ICompanyStore store, RegionDirectory regions, CancellationToken cancellationToken)
    {
        if (error is { IsConflict: true })
        {
            return CompanyEditEndpoints.StaleVersion(companyId, 0, error.CurrentVersion!.Value, error.Message);
        }

        if (error is not null)
        {
            return error.IsNotFound
                ? Problems.NotFound(error.Message, error.Field == "companyId" ? "Company not found" : "Segment not found")
                : Problems.Invalid(error.Field, error.Message, "Invalid membership");
        }

        var updated = await store.GetCompanyAsync(companyId, cancellationToken);
        return updated is null ? CompanyEndpoints.CompanyNotFound(id) : TypedResults.Ok(await CompanyEndpoints.DetailAsync(updated, store, regions, cancellationToken));
    }
}
