using System.Text.Json;
using System.Text.Json.Serialization;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>
/// The kept-answer JSON of a <see cref="HomeTiedCompany"/> (ADR 0295, 0405): one object, the facts' fields with the named ties in
/// place of the facts' unnamed ones, as written before the tied company became its facts plus details. The facts read from the
/// same object (a named tie holds every field of an unnamed one; the names are skipped), the named ties from their two fields.
/// </summary>
internal sealed class HomeTiedCompanyJson : JsonConverter<HomeTiedCompany>
{
    public override HomeTiedCompany Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var facts = root.Deserialize<HomeTieFacts>(options) ?? throw new JsonException("A kept tied company has no facts.");
        return new HomeTiedCompany(
            facts, Ties<HomeRelationTie>(root, nameof(HomeTiedCompany.Relations), options), Ties<HomeChannelTie>(root, nameof(HomeTiedCompany.Channels), options));
    }

    public override void Write(Utf8JsonWriter writer, HomeTiedCompany value, JsonSerializerOptions options)
    {
        var flat = JsonSerializer.SerializeToNode(value.Facts, options)!.AsObject();
        flat[Name(nameof(HomeTiedCompany.Relations), options)] = JsonSerializer.SerializeToNode(value.Relations, options);
        flat[Name(nameof(HomeTiedCompany.Channels), options)] = JsonSerializer.SerializeToNode(value.Channels, options);
        flat.WriteTo(writer, options);
    }

    private static List<T> Ties<T>(JsonElement root, string property, JsonSerializerOptions options) =>
        root.TryGetProperty(Name(property, options), out var ties) ? ties.Deserialize<List<T>>(options) ?? [] : [];

    private static string Name(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
