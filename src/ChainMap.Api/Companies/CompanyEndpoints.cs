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
public sealed record MembershipResponse(string Segment, string? Role, double Confidence, string? Evidence, string? Source, string Status);

public sealed record RelationResponse(long From, long To, string Kind, string? Note);

public sealed record CompanyResponse(
    long Id, string? Uscc, string Name, string RegionCode, string RegionName, string ProvinceCode, string? CityCode, string? CountyCode,
    decimal? RegisteredCapital, string? Founded, int? Employees, decimal? Revenue, string? ListedCode, IReadOnlyList<string> Tags,
    string? Products, string? Address, IReadOnlyList<MembershipResponse> Segments, string? Industry = null, string? Scope = null);

/// <summary>Where a stored value came from: the field, and the import (id, file name, time) that last set it.</summary>
public sealed record FieldSourceResponse(string Field, string ImportId, string File, DateTimeOffset At);

public sealed record CompanyDetailResponse(CompanyResponse Company, IReadOnlyList<RelationResponse> Relations, IReadOnlyList<FieldSourceResponse> Provenance);

public sealed record CompanyPageResponse(IReadOnlyList<CompanyResponse> Items, int Page, int PageSize, long Total);

internal static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies");
        group.MapGet("/", SearchCompanies).WithName("SearchCompanies").WithSummary("Search companies by name (either script), chain, segment and region");
        group.MapPost("/reclassify", Reclassify).WithName("ReclassifyCompanies").RequireAuthorization(Access.Policies.EditChains)
            .WithSummary("Re-classify the stored companies with the current chain definitions: queues a job (202) whose state and counts GET /api/companies/reclassify/{jobId} returns");
        group.MapGet("/reclassify/{jobId}", GetReclassification).WithName("GetReclassification").WithSummary("A re-classification job: state, companies read, changed, left without a segment, unconfirmed memberships");
        group.MapGet("/{id}", GetCompany).WithName("GetCompany").WithSummary("One company by id or USCC, with its segments, relations and provenance (which import set each value)");
        return app;
    }

    internal static async Task<Results<Ok<CompanyPageResponse>, ProblemHttpResult>> SearchCompanies(
        IChainMapStore store, ChainDirectory chains, RegionDirectory regions, CancellationToken cancellationToken,
        string? q = null, string? chain = null, string? segment = null, string? region = null, int page = 1, int pageSize = 20)
    {
        if (Paging.Check(page, pageSize, Paging.CompaniesMaxPageSize) is { } pagingProblem)
        {
            return pagingProblem;
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

        List<string>? segments = null;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            var matcher = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken));
            segments = [];
            foreach (var part in segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var s = matcher.FindExact(part);
                if (s is null || (chainCode is not null && s.ChainCode != chainCode))
                {
                    return Problems.NotFound($"No segment{(chainCode is null ? "" : $" of chain {chainCode}")} has the code, name or alias '{part}'.", "Segment not found");
                }

                segments.Add(s.Code);
            }
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        List<string>? regionCodes = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            var match = catalog.Resolve(region);
            if (!match.IsFound)
            {
                return match.IsAmbiguous
                    ? Problems.Invalid("region", $"'{region}' names several divisions: {string.Join("、", match.Candidates.Select(c => c.Code))}; use a code.", "Ambiguous region")
                    : Problems.NotFound($"No division or region group has the code or name '{region}'.", "Region not found");
            }

            regionCodes = match.Group is { } g ? [.. g.MemberCodes] : [match.Region!.Code];
        }

        var result = await store.SearchCompaniesAsync(
            new CompanyQuery(string.IsNullOrWhiteSpace(q) ? null : ChineseText.NormalizeCompanyName(q), chainCode, segments, regionCodes, page, pageSize),
            cancellationToken);
        return TypedResults.Ok(new CompanyPageResponse(result.Items.Select(c => c.ToResponse(catalog)).ToList(), result.Page, result.PageSize, result.Total));
    }

    internal static async Task<Results<Ok<CompanyDetailResponse>, ValidationProblem, ProblemHttpResult>> GetCompany(
        string id, IChainMapStore store, RegionDirectory regions, CancellationToken cancellationToken)
    {
        Company? company;
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && id.Length < 18)
        {
            company = await store.GetCompanyAsync(numeric, cancellationToken);
        }
        else if (Uscc.TryParse(id, out var uscc, out var error))
        {
            company = await store.GetCompanyByUsccAsync(uscc.Value, cancellationToken);
        }
        else
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["uscc"] = [$"'{id}' is neither a company id nor a valid USCC: {error}"] },
                title: "Invalid USCC");
        }

        if (company is null)
        {
            return Problems.NotFound($"No company has the id or USCC '{id}'.", "Company not found");
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var relations = await store.ListRelationsAsync(company.Id, cancellationToken);
        var provenance = await store.GetCompanyProvenanceAsync(company.Id, cancellationToken);
        return TypedResults.Ok(new CompanyDetailResponse(
            company.ToResponse(catalog),
            relations.Select(r => new RelationResponse(r.FromCompanyId, r.ToCompanyId, r.Kind.ToWire(), r.Note)).ToList(),
            provenance.Select(p => new FieldSourceResponse(p.Field, p.ImportId, p.FileName, p.At)).ToList()));
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
        c.Memberships.Select(m => new MembershipResponse(m.SegmentCode, m.Role, m.Confidence, m.Evidence, m.Source, m.Status.ToWire())).ToList(),
        c.Industry,
        c.Scope);
}
