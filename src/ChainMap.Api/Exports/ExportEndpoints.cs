using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Discovery;
using ChainMap.Export;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChainMap.Api.Exports;

/// <summary>Downloads for planners: the chain map in eight formats and the target list as CSV or .xlsx, streamed.</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chains/{code}/export", ExportChainMap)
            .WithTags("Exports")
            .WithName("ExportChainMap")
            .RequireAuthorization(Access.Policies.Export)
            .WithSummary("Download a chain map: format=json|graphml|cypher|mermaid|svg|png|xlsx|csv (csv = the chain definition zip the import reads, values verbatim and not formula-safe: for spreadsheets use xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: ChainMapFormats.Json.ContentType, additionalContentTypes: [.. ChainMapFormats.All.Skip(1).Select(f => f.ContentType)]);
        app.MapGet("/api/targets/export", ExportTargets)
            .WithTags("Exports")
            .WithName("ExportTargets")
            .RequireAuthorization(Access.Policies.Export)
            .WithSummary("Download the ranked target list of a chain as GET /api/targets ranks it, with the same filters (segment, region, tier, tags, minCapital; at most 10,000 rows): format=csv|xlsx")
            .Produces(StatusCodes.Status200OK, contentType: TargetListFormats.Csv.ContentType, additionalContentTypes: [TargetListFormats.Xlsx.ContentType]);
        return app;
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportChainMap(
        string code, HttpContext context, ChainDirectory chains, ChainMapExportBuilder builder, IOptions<ChainLimits> limits, CancellationToken cancellationToken, string? format = "json")
    {
        if (ChainMapFormats.Find(format) is not { } exportFormat)
        {
            return UnknownFormat(format, ChainMapFormats.All);
        }

        var definition = await chains.GetDefinitionAsync(code, cancellationToken);
        if (definition is null)
        {
            return Problems.ChainNotFound(code);
        }

        var map = await builder.BuildAsync(definition, cancellationToken);
        var maxPixels = limits.Value.MaxPngPixels;
        if (exportFormat == ChainMapFormats.Png && ChainMapWriter.PngTooLarge(map, maxPixels) is { } tooLarge)
        {
            return TypedResults.Problem(
                $"Chain {definition.Chain.Code}: {tooLarge}.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Picture too large",
                extensions: new Dictionary<string, object?> { ["field"] = "format", ["cap"] = ChainLimits.Setting(nameof(ChainLimits.MaxPngPixels)), ["limit"] = maxPixels });
        }

        // Too large is the answer whatever the server has installed, so it comes before the font.
        if (exportFormat == ChainMapFormats.Png && !ChainMapWriter.CanRenderPng)
        {
            return TypedResults.Problem(ChainMapWriter.PngUnavailable, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PNG unavailable");
        }

        SetAttachment(context.Response, ExportFileName.ForChainMap(map, exportFormat));
        return TypedResults.Stream(body => ChainMapWriter.WriteAsync(exportFormat, map, definition, body, maxPixels, cancellationToken), exportFormat.ContentType);
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportTargets(
        HttpContext context, TargetFilterResolver resolver, ITargetExportSource source, CancellationToken cancellationToken,
        string? chain = null, string? segment = null, string? region = null, string? tier = null, string? tags = null, decimal? minCapital = null,
        int? limit = null, string? format = "csv")
    {
        if (TargetListFormats.Find(format) is not { } exportFormat)
        {
            return UnknownFormat(format, TargetListFormats.All);
        }

        if (limit is < 1 or > TargetExportQuery.MaxLimit)
        {
            return Problems.Invalid("limit", $"limit must be between 1 and {TargetExportQuery.MaxLimit} (the ranking's depth), got {limit}.", "Invalid limit");
        }

        var resolution = await resolver.ResolveAsync(new TargetFilterInput(chain, region, segment, tier, tags, minCapital), chainRequired: true, cancellationToken);
        if (resolution.Error is { } error)
        {
            return Problems.For(error);
        }

        var filter = resolution.Filter!;
        // The ranking runs before the first byte is sent, so its failures are problems, not cut-off downloads.
        var rows = source.ReadAsync(new TargetExportQuery(filter, limit), cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await rows.MoveNextAsync();
        }
        catch
        {
            await rows.DisposeAsync();
            throw;
        }

        SetAttachment(context.Response, ExportFileName.ForTargets(filter.Chain!.Chain.Name, filter.Chain.Chain.Code, filter.Region.ShortName, exportFormat));
        return TypedResults.Stream(body => TargetListWriter.WriteAsync(exportFormat, Rest(rows, any), body, cancellationToken), exportFormat.ContentType);
    }

    /// <summary>The rows of an enumerator already moved to its first row (when <paramref name="any"/>), disposing it at the end.</summary>
    private static async IAsyncEnumerable<TargetExportRow> Rest(IAsyncEnumerator<TargetExportRow> rows, bool any)
    {
        await using (rows)
        {
            for (var more = any; more; more = await rows.MoveNextAsync())
            {
                yield return rows.Current;
            }
        }
    }

    /// <summary>RFC 6266 attachment with an ASCII fallback and the Chinese name per RFC 5987 (filename*=UTF-8''...).</summary>
    internal static void SetAttachment(HttpResponse response, ExportFileName name)
    {
        response.Headers.ContentDisposition = $"attachment; filename=\"{name.AsciiFallback}\"; filename*=UTF-8''{Uri.EscapeDataString(name.Name)}";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    private static ProblemHttpResult UnknownFormat(string? format, IReadOnlyList<ExportFormat> formats)
    {
        var problem = Problems.Invalid("format", $"'{format}' is not an export format here; use one of: {string.Join(", ", formats.Select(f => f.Name))}.", "Unknown format");
        problem.ProblemDetails.Extensions["formats"] = formats.Select(f => f.Name).ToArray();
        return problem;
    }
}
