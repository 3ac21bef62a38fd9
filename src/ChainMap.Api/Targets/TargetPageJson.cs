using System.Runtime.CompilerServices;
using System.Text.Json;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ChainMap.Api.Targets;

/// <summary>
/// Writes a target list page as <see cref="TargetPageResponse"/> JSON (ADR 0260). The items of a page that discovery
/// keeps with its ranking (ADR 0220: the same list instance for as long as the ranking is current) are mapped and
/// serialized once and kept beside that instance; the rest of the page (the list's chain and region, paging, total,
/// reason, <c>asOf</c> and <c>stale</c>) is written per request. A write, a refresh or a new ranking gives a new
/// list of targets, so new JSON; the JSON is the serializer's own for the response type, so the two cannot differ.
/// </summary>
internal sealed class TargetPageJson(IOptions<JsonOptions> json)
{
    private readonly ConditionalWeakTable<IReadOnlyList<Target>, KeptItems> kept = new();

    private JsonSerializerOptions Options => json.Value.SerializerOptions;

    /// <summary>The page as a result writing the same JSON as <c>TypedResults.Ok(TargetPageResponse)</c>.</summary>
    public TargetPageResult Result(string? chain, string? chainName, RegionScopeResponse region, HomeRegion home, TargetPage page, RegionCatalog catalog) =>
        new(this, chain, chainName, region, home, page, catalog);

    /// <summary>The items' JSON (an array), from the kept copy when the same items were written for the same catalog.</summary>
    internal byte[] Items(IReadOnlyList<Target> items, RegionCatalog catalog)
    {
        if (kept.TryGetValue(items, out var known) && ReferenceEquals(known.Catalog, catalog))
        {
            return known.Json;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes<IReadOnlyList<TargetResponse>>(items.Select(t => t.ToResponse(catalog)).ToList(), Options);
        kept.AddOrUpdate(items, new KeptItems(catalog, bytes));
        return bytes;
    }

    /// <summary>
    /// The page's JSON around its items: the envelope property by property with the response type's own names and
    /// converters, split where the items go (they are written apart, so that a 200 KB page is not copied per request).
    /// </summary>
    internal (ReadOnlyMemory<byte> Before, ReadOnlyMemory<byte> After) Envelope(TargetPageResponse envelope)
    {
        var options = Options;
        var info = options.GetTypeInfo(typeof(TargetPageResponse));
        var itemsName = options.PropertyNamingPolicy?.ConvertName(nameof(TargetPageResponse.Items)) ?? nameof(TargetPageResponse.Items);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        var split = -1;
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth }))
        {
            writer.WriteStartObject();
            foreach (var property in info.Properties)
            {
                writer.WritePropertyName(property.Name);
                if (string.Equals(property.Name, itemsName, StringComparison.Ordinal))
                {
                    writer.Flush();
                    split = buffer.WrittenCount;
                    writer.WriteRawValue("[]"u8, skipInputValidation: true);
                    continue;
                }

                JsonSerializer.Serialize(writer, property.Get!(envelope), property.PropertyType, options);
            }

            writer.WriteEndObject();
        }

        var written = buffer.WrittenMemory;
        return split < 0 ? throw new InvalidOperationException("The page has no items property.") : (written[..split], written[(split + 2)..]);
    }

    private sealed record KeptItems(RegionCatalog Catalog, byte[] Json);
}

/// <summary>A target list page written by <see cref="TargetPageJson"/>: 200 with <see cref="TargetPageResponse"/> JSON (the same as <c>Ok&lt;TargetPageResponse&gt;</c>).</summary>
internal sealed class TargetPageResult(
    TargetPageJson writer, string? chain, string? chainName, RegionScopeResponse region, HomeRegion home, TargetPage page, RegionCatalog catalog)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<TargetPageResponse>, IValueHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    /// <summary>The whole response as an object (tests, and any caller that wants it); the endpoint writes the kept JSON instead.</summary>
    public TargetPageResponse Value => Envelope(page.Items.Select(t => t.ToResponse(catalog)).ToList());

    object? IValueHttpResult.Value => Value;

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TargetPageResponse), ["application/json"]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var items = writer.Items(page.Items, catalog);
        var (before, after) = writer.Envelope(Envelope([]));
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = before.Length + items.Length + after.Length;
        await httpContext.Response.Body.WriteAsync(before, httpContext.RequestAborted);
        await httpContext.Response.Body.WriteAsync(items, httpContext.RequestAborted);
        await httpContext.Response.Body.WriteAsync(after, httpContext.RequestAborted);
    }

    private TargetPageResponse Envelope(IReadOnlyList<TargetResponse> items) => new(
        chain, chainName, region, home.Code, home.Name, items, page.Page, page.PageSize, page.Total, page.Reason,
        page.Freshness?.AsOf, page.Freshness?.Stale ?? false);
}
