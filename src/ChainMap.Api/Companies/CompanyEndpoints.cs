using System.Globalization;
using ChainMap.Api.Imports;
using ChainMap.Chains;
using ChainMap.Import;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Companies;

/// <summary>A membership: its status is confirmed or unconfirmed (待确认: shown, counted apart, not in gap ratings or target lists).</summary>
/// <summary>
/// A membership of a company. <c>segment</c> is a segment's code, or the chain's code for a chain-level membership (环节待定, ADR 0370);
/// <c>suggestedSegments</c> are then the chain's segments its evidence fitted, best first (ADR 0405), else empty.
/// </summary>
internal sealed record MembershipResponse(string Segment, string? Role, double Confidence, string? Evidence, string? Source, string Status, IReadOnlyList<string> SuggestedSegments);

internal sealed record RelationResponse(long From, long To, string Kind, string? Note);

internal sealed record CompanyResponse(
    long Id, string? Uscc, string Name, string RegionCode, string RegionName, string ProvinceCode, string? CityCode, string? CountyCode,
    decimal? RegisteredCapital, string? Founded, int? Employees, decimal? Revenue, string? ListedCode, IReadOnlyList<string> Tags,
    string? Products, string? Address, IReadOnlyList<MembershipResponse> Segments, string? Industry = null, string? Scope = null, long Version = 1);

/// <summary>
/// Where a stored value came from: the field, and the import (id, file name, time) that last set it; or, with source
/// "analyst", the analyst (name, user id) who set it by hand and when (import id and file are then null).
/// </summary>
internal sealed record FieldSourceResponse(string Field, string? ImportId, string? File, DateTimeOffset At, string Source = "import", string? By = null, string? ById = null);

internal sealed record CompanyDetailResponse(CompanyResponse Company, IReadOnlyList<RelationResponse> Relations, IReadOnlyList<FieldSourceResponse> Provenance);

/// <summary>The body of PUT /api/companies/{id}/memberships/{segment}: "confirmed" or "unconfirmed" (待确认).</summary>
internal sealed record MembershipStatusRequest(string? Status);

internal sealed record CompanyPageResponse(IReadOnlyList<CompanyResponse> Items, int Page, int PageSize, long Total);

internal static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies");
        group.MapGet("/", SearchCompanies).WithName("SearchCompanies").WithSummary("Search companies by name (either script), chain, segment and region");
        group.MapPost("/reclassify", Reclassify).WithName("ReclassifyCompanies").RequireAuthorization(Access.Policies.EditChains)
            .WithSummary("Re-classify the stored companies with the current chain definitions: queues a job (202) whose state and counts GET /api/companies/reclassify/{jobId} returns");
        group.MapGet("/reclassify/{jobId}", GetReclassification).WithName("GetReclassification").WithSummary("A re-classification job: state, companies read, changed, left without a segment, unconfirmed memberships");
        group.MapPut("/{id}/memberships/{segment}", SetMembershipStatus).WithName("SetMembershipStatus").RequireAuthorization(Access.Policies.EditChains)
            .WithSummary("Confirm a company's 待确认 membership of a segment (or set it back to unconfirmed): body {\"status\":\"confirmed\"|\"unconfirmed\"}; answers the company detail");
        group.MapGet("/{id}", GetCompany).WithName("GetCompany").WithSummary("One company by id or USCC, with its segments, relations and provenance (which import set each value)");
        return app;
    }

    internal static async Task<Results<Ok<CompanyPageResponse>, ProblemHttpResult>> SearchCompanies(
        ICompanyStore store, ChainDirectory chains, RegionDirectory regions, CancellationToken cancellationToken,
        string? q = null, string? chain = null, string? segment = null, string? region = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Check(page, pageSize, Paging.CompaniesMaxPageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var (filter, problem) = await CompanyListFilter.ResolveAsync(chains, regions, chain, segment, region, cancellationToken);
        if (filter is null)
        {
            return problem!;
        }

        var result = await store.SearchCompaniesAsync(
            new CompanyQuery(string.IsNullOrWhiteSpace(q) ? null : ChineseText.NormalizeCompanyName(q), filter.ChainCode, filter.Segments, filter.RegionCodes, page, pageSize),
            cancellationToken);
        return TypedResults.Ok(new CompanyPageResponse(result.Items.Select(c => c.ToResponse(filter.Catalog)).ToList(), result.Page, result.PageSize, result.Total));
    }

    internal static async Task<Results<Ok<CompanyDetailResponse>, ValidationProblem, ProblemHttpResult, RedirectHttpResult>> GetCompany(
        string id, ICompanyStore store, ICompanyMergeStore merges, RegionDirectory regions, CancellationToken cancellationToken)
    {
        var (company, problem) = await FindCompanyAsync(id, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (company is null)
        {
            // A merged company's id answers with the company it went into (ADR 0190).
            return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)
                && await merges.GetMergedIntoAsync(numeric, cancellationToken) is { } into
                ? TypedResults.Redirect($"/api/companies/{into.ToString(CultureInfo.InvariantCulture)}", permanent: true, preserveMethod: true)
                : CompanyNotFound(id);
        }

        return TypedResults.Ok(await DetailAsync(company, store, regions, cancellationToken));
    }

    /// <summary>
    /// An analyst confirms a 待确认 classifier guess (or sets a membership back to unconfirmed). The
    /// discovery caches are dropped, so a confirmed membership counts in gap ratings and targets at once.
    /// </summary>
    internal static async Task<Results<Ok<CompanyDetailResponse>, ValidationProblem, ProblemHttpResult>> SetMembershipStatus(
        string id, string segment, MembershipStatusRequest? request, ICompanyStore store, ChainDirectory chains, RegionDirectory regions,
        MembershipCuration curation, CancellationToken cancellationToken)
    {
        if (!MembershipStatuses.TryParse(request?.Status, out var status))
        {
            return Problems.Invalid(
                "status",
                $"'{request?.Status}' is not a membership status; use \"confirmed\" or \"unconfirmed\" (待确认).",
                "Invalid membership status");
        }

        var (company, problem) = await FindCompanyAsync(id, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (company is null)
        {
            return CompanyNotFound(id);
        }

        var folded = ChineseText.Fold(segment);
        var membership = company.Memberships.FirstOrDefault(m => ChineseText.Fold(m.SegmentCode) == folded);
        if (membership is null)
        {
            var known = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken)).FindExact(segment);
            membership = known is null ? null : company.Memberships.FirstOrDefault(m => m.SegmentCode == known.Code);
            if (membership is null)
            {
                return known is null
                    ? Problems.NotFound($"No segment has the code, name or alias '{segment}'.", "Segment not found")
                    : Problems.NotFound(
                        $"Company {company.Id} ({company.Name}) has no membership of segment {known.Code}; it is in {(company.Memberships.Count == 0 ? "no segment" : string.Join("、", company.Memberships.Select(m => m.SegmentCode)))}.",
                        "Membership not found");
            }
        }

        if (!await curation.SetStatusAsync(company.Id, membership.SegmentCode, status, cancellationToken))
        {
            return Problems.NotFound($"Company {company.Id} has no membership of segment {membership.SegmentCode} any more.", "Membership not found");
        }

        var updated = await store.GetCompanyAsync(company.Id, cancellationToken);
        return updated is null ? CompanyNotFound(id) : TypedResults.Ok(await DetailAsync(updated, store, regions, cancellationToken));
    }

    /// <summary>A company by id or USCC; a problem when the text is neither.</summary>
    internal static async Task<(Company? Company, ValidationProblem? Problem)> FindCompanyAsync(string id, ICompanyStore store, CancellationToken cancellationToken)
    {
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && id.Length < 18)
        {
            return (await store.GetCompanyAsync(numeric, cancellationToken), null);
        }

        if (Uscc.TryParse(id, out var uscc, out var error))
        {
            return (await store.GetCompanyByUsccAsync(uscc.Value, cancellationToken), null);
        }

        return (null, TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["uscc"] = [$"'{id}' is neither a company id nor a valid USCC: {error}"] },
            title: "Invalid USCC"));
    }

    internal static ProblemHttpResult CompanyNotFound(string id) => Problems.NotFound($"No company has the id or USCC '{id}'.", "Company not found");

    internal static async Task<CompanyDetailResponse> DetailAsync(Company company, ICompanyStore store, RegionDirectory regions, CancellationToken cancellationToken)
    {
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var relations = await store.ListRelationsAsync(company.Id, cancellationToken);
        var provenance = await store.GetCompanyProvenanceAsync(company.Id, cancellationToken);
        return new CompanyDetailResponse(
            company.ToResponse(catalog),
            relations.Select(r => new RelationResponse(r.FromCompanyId, r.ToCompanyId, r.Kind.ToWire(), r.Note)).ToList(),
            provenance.Select(p => p.IsAnalyst
                ? new FieldSourceResponse(p.Field, null, null, p.At, p.ImportId, p.By, p.ById)
                : new FieldSourceResponse(p.Field, p.ImportId, p.FileName, p.At)).ToList());
    }

    internal static async Task<Accepted<ImportJobResponse>> Reclassify(ImportJobs jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.EnqueueReclassifyAsync("on demand", cancellationToken);
        return TypedResults.Accepted($"/api/companies/reclassify/{job.Id}", job.ToResponse(0));
    }

    internal static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetReclassification(string jobId, ImportJobs jobs, CancellationToken cancellationToken)
    {
        var found = await jobs.GetAsync(jobId, cancellationToken);
        return found is { } f && f.Job.Kind == ImportKinds.Reclassify
            ? TypedResults.Ok(f.Job.ToResponse(f.Progress))
            : Problems.NotFound($"No re-classification job has the id '{jobId}'.", "Re-classification not found");
    }

    internal static CompanyResponse ToResponse(this Company c, RegionCatalog catalog) => new(
        c.Id, c.Uscc, c.Name, c.RegionCode,
        string.Concat(catalog.Lineage(c.RegionCode).Where(r => !RegionCatalog.IsPlaceholder(r.Name)).Select(r => r.Name)),
        c.ProvinceCode, c.CityCode, c.CountyCode, c.RegisteredCapital, c.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.Employees, c.Revenue, c.ListedCode, c.Tags, c.Products, c.Address,
        c.Memberships.Select(m => new MembershipResponse(m.SegmentCode, m.Role, m.Confidence, m.Evidence, m.Source, m.Status.ToWire(), m.SuggestedSegments())).ToList(),
        c.Industry,
        c.Scope,
        c.Version);
}
