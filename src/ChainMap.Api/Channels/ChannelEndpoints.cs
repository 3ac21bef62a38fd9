using ChainMap.Api.Targets;
using ChainMap.Channels;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Channels;

internal sealed record ChannelRegionResponse(string Code, string Name);

/// <summary>An introduction channel. TiedToHome: one of its ties lies in the home region, so it leads home by itself.</summary>
internal sealed record ChannelResponse(
    long Id, string Code, string Name, string Kind, string KindLabel, ChannelRegionResponse? Region, IReadOnlyList<ChannelRegionResponse> Ties,
    bool TiedToHome, string? Contact, string? Note);

/// <summary>A link of a channel: to a company or another channel. Outgoing: the other side is the member (has <see cref="Role"/> in this channel).</summary>
internal sealed record ChannelLinkResponse(
    string Role, string RoleLabel, bool Outgoing, long? CompanyId, string? CompanyName, string? CompanyRegionCode,
    long? ChannelId, string? ChannelName, string? ChannelKind, string? Note);

internal sealed record ChannelDetailResponse(ChannelResponse Channel, IReadOnlyList<ChannelLinkResponse> Links, int LinkCount);

internal sealed record ChannelPageResponse(IReadOnlyList<ChannelResponse> Items, int Page, int PageSize, long Total);

internal sealed record ImportProblemResponse(string File, int Line, string? Column, string? Value, string Reason);

internal sealed record ChannelImportResponse(
    int ChannelsRead, int ChannelsSaved, int LinksRead, int LinksAdded, int LinksUpdated, int Rejected, IReadOnlyList<ImportProblemResponse> Problems);

internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/channels").WithTags("Channels");
        group.MapGet("/", ListChannels).WithName("ListChannels").WithSummary("Introduction channels (商会, 行业协会, 校友会, 同乡会, 招商大使, 亲友) by name, kind and region");
        group.MapGet("/{id:long}", GetChannel).WithName("GetChannel").WithSummary("One channel with its ties and links");
        group.MapPost("/import", ImportChannels).WithName("ImportChannels").RequireAuthorization(Access.Policies.Import).DisableAntiforgery()
            .WithSummary("Import channels (form file 'channels') and their links (form file 'links') from CSV");
        return app;
    }

    internal static async Task<Results<Ok<ChannelPageResponse>, ProblemHttpResult>> ListChannels(
        IChannelStore store, RegionDirectory regions, TargetFilterResolver resolver, CancellationToken cancellationToken,
        string? q = null, string? kind = null, string? region = null, int page = 1, int pageSize = 50)
    {
        if (Paging.Check(page, pageSize, Paging.ChannelsMaxPageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        ChannelKind? wanted = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!ChannelKinds.TryParse(kind, out var parsed))
            {
                return Problems.Invalid("kind", $"kind must be chamber, industry-association, alumni, hometown, ambassador or person (or 商会, 行业协会, 校友会, 同乡会, 招商大使, 亲友), got '{kind}'.", "Invalid kind");
            }

            wanted = parsed;
        }

        // The region is read as the target filters read it (division code or name, or region group).
        var scope = await resolver.ResolveAsync(new TargetFilterInput(Region: region), chainRequired: false, cancellationToken);
        if (scope.Error is { } error)
        {
            return Problems.For(error);
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var codes = scope.Filter!.Region.SearchCodes;
        var result = await store.SearchChannelsAsync(new ChannelQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), wanted, codes, page, pageSize), cancellationToken);
        var home = await regions.GetHomeAsync(cancellationToken);
        return TypedResults.Ok(new ChannelPageResponse(result.Items.Select(c => c.ToResponse(catalog, home)).ToList(), result.Page, result.PageSize, result.Total));
    }

    internal static async Task<Results<Ok<ChannelDetailResponse>, ProblemHttpResult>> GetChannel(
        long id, IChannelStore store, RegionDirectory regions, CancellationToken cancellationToken, int links = 100)
    {
        if (links is < 0 or > 1000)
        {
            return Problems.Invalid("links", $"links must be between 0 and 1000, got {links}.", "Invalid links");
        }

        var detail = await store.GetChannelAsync(id, links, cancellationToken);
        if (detail is null)
        {
            return Problems.NotFound($"No channel has the id {id}. GET /api/channels lists them.", "Channel not found");
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var home = await regions.GetHomeAsync(cancellationToken);
        return TypedResults.Ok(new ChannelDetailResponse(
            detail.Channel.ToResponse(catalog, home),
            detail.Links.Select(l => new ChannelLinkResponse(
                l.Role.ToWire(), l.Role.ToChinese(), l.Outgoing, l.CompanyId, l.CompanyName, l.CompanyRegionCode,
                l.ChannelId, l.ChannelName, l.ChannelKind?.ToWire(), l.Note)).ToList(),
            detail.LinkCount));
    }

    internal static async Task<Results<Ok<ChannelImportResponse>, ProblemHttpResult>> ImportChannels(
        IFormFile? channels, IFormFile? links, ChannelImporter importer, CancellationToken cancellationToken)
    {
        if (channels is null && links is null)
        {
            return Problems.BadRequest("Send a multipart form with a file field 'channels' (code,name,kind,region,tied_regions,contact,note) and/or 'links' (channel,company_uscc,member_channel,role,note).", "No file");
        }

        try
        {
            await using var channelStream = channels?.OpenReadStream();
            await using var linkStream = links?.OpenReadStream();
            var summary = await importer.ImportAsync(channelStream, channels?.FileName ?? "channels.csv", linkStream, links?.FileName ?? "links.csv", cancellationToken);
            return TypedResults.Ok(new ChannelImportResponse(
                summary.ChannelsRead, summary.ChannelsSaved, summary.LinksRead, summary.LinksAdded, summary.LinksUpdated, summary.Rejected,
                summary.Problems.Select(p => new ImportProblemResponse(p.File, p.Line, p.Column, p.Value, p.Reason)).ToList()));
        }
        catch (ImportRejectedException rejected)
        {
            return Problems.BadRequest(rejected.Message, "File rejected");
        }
    }

    internal static ChannelResponse ToResponse(this Channel c, RegionCatalog catalog, HomeRegion home) => new(
        c.Id, c.Code, c.Name, c.Kind.ToWire(), c.Kind.ToChinese(),
        c.Region is null ? null : new ChannelRegionResponse(c.Region.Code, TargetMappings.FullName(catalog, c.Region.Code)),
        c.Ties.Select(t => new ChannelRegionResponse(t.Code, TargetMappings.FullName(catalog, t.Code))).ToList(),
        home.Code.Length > 0 && c.Ties.Any(t => t.Code == home.Code || t.ProvinceCode == home.Code || t.CityCode == home.Code || t.CountyCode == home.Code),
        c.Contact, c.Note);
}
