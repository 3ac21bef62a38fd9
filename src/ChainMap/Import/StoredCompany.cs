using System.Globalization;
using System.Text;
using System.Text.Json;
using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Import;

/// <summary>
/// What a store knows of a company when an import row meets it: every merged field, the provenance of
/// each field and the memberships by segment code. Stores load it and write it; <see cref="CompanyMerge"/>
/// decides what a row makes of it. <see cref="IdentityKey"/> may be null when the store did not read it.
/// Tags are one '|'-joined text, as they are compared and stored (<see cref="TagList"/> splits them);
/// memberships are few per company, one per segment.
/// </summary>
internal sealed record StoredCompany(
    long Id,
    string? IdentityKey,
    string? Uscc,
    string Name,
    string NameKey,
    string RegionCode,
    string? ProvinceCode,
    string? CityCode,
    string? CountyCode,
    decimal? RegisteredCapital,
    DateOnly? Founded,
    int? Employees,
    decimal? Revenue,
    string? ListedCode,
    string JoinedTags,
    string? Products,
    string? Address,
    string? Industry,
    string? Scope,
    double Strength,
    FieldProvenance Provenance,
    IReadOnlyList<SegmentMembership> Memberships,
    long Version = 1)
{
    public IReadOnlyList<string> TagList => JoinedTags.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The membership of a segment, or null.</summary>
    public SegmentMembership? Membership(string segmentCode)
    {
        for (var i = 0; i < Memberships.Count; i++)
        {
            if (Memberships[i].SegmentCode == segmentCode)
            {
                return Memberships[i];
            }
        }

        return null;
    }
}

/// <summary>
/// The company fields an import stamps with its id (provenance), in the order of their bits. The names are
/// the provenance keys (<see cref="FieldSource.Field"/>) and the order is the one provenance is listed in.
/// </summary>
internal static class CompanyFields
{
    public const int Name = 1 << 0;
    public const int Uscc = 1 << 1;
    public const int Region = 1 << 2;
    public const int RegisteredCapital = 1 << 3;
    public const int Founded = 1 << 4;
    public const int Employees = 1 << 5;
    public const int Revenue = 1 << 6;
    public const int ListedCode = 1 << 7;
    public const int Tags = 1 << 8;
    public const int Products = 1 << 9;
    public const int Address = 1 << 10;
    public const int Industry = 1 << 11;
    public const int Scope = 1 << 12;

    /// <summary>Provenance names by bit: name, uscc, region, registered_capital, founded, employees, revenue, listed_code, tags, products, address, industry, scope.</summary>
    public static readonly IList<string> Names = Array.AsReadOnly<string>(
        ["name", "uscc", "region", "registered_capital", "founded", "employees", "revenue", "listed_code", "tags", "products", "address", "industry", "scope"]);

    /// <summary>The fields a row gives a value (name and region always; tags when there is at least one).</summary>
    public static int Present(CompanyRecord r)
    {
        var mask = Name | Region;
        if (r.Uscc is not null) { mask |= Uscc; }
        if (r.RegisteredCapital is not null) { mask |= RegisteredCapital; }
        if (r.Founded is not null) { mask |= Founded; }
        if (r.Employees is not null) { mask |= Employees; }
        if (r.Revenue is not null) { mask |= Revenue; }
        if (r.ListedCode is not null) { mask |= ListedCode; }
        if (r.Tags.Count > 0) { mask |= Tags; }
        if (r.Products is not null) { mask |= Products; }
        if (r.Address is not null) { mask |= Address; }
        if (r.Industry is not null) { mask |= Industry; }
        if (r.Scope is not null) { mask |= Scope; }
        return mask;
    }

    /// <summary>The names of the fields in <paramref name="mask"/>, in field order.</summary>
    public static IEnumerable<string> In(int mask)
    {
        for (var bit = 0; bit < Names.Count; bit++)
        {
            if ((mask & (1 << bit)) != 0)
            {
                yield return Names[bit];
            }
        }
    }

    /// <summary>The position of a provenance name in the listing order; unknown names last.</summary>
    public static int Order(string field) => Names.IndexOf(field) is var i && i >= 0 ? i : int.MaxValue;

    /// <summary>
    /// A company's provenance as shown: each field (<paramref name="fields"/>: field name → import id or analyst stamp)
    /// with the file and time of its import (<paramref name="runs"/>) or the analyst and time of the edit
    /// (<see cref="AnalystProvenance"/>), in listing order; fields of an unknown import are left out.
    /// </summary>
    public static IReadOnlyList<FieldSource> Sources(
        IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, (string File, DateTimeOffset At)> runs) =>
        fields
            .Where(f => runs.ContainsKey(f.Value) || AnalystProvenance.TryRead(f.Value, out _, out _, out _))
            .OrderBy(f => Order(f.Key))
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => AnalystProvenance.TryRead(f.Value, out var at, out var userId, out var userName)
                ? new FieldSource(f.Key, AnalystProvenance.Source, string.Empty, at) { By = userName, ById = userId }
                : new FieldSource(f.Key, f.Value, runs[f.Value].File, runs[f.Value].At))
            .ToList();
}

/// <summary>
/// Which import last set each field (field name → import id or analyst stamp). Stored compactly (ADR 0350): a
/// JSON object of source → mask of the fields it set (<see cref="CompanyFields"/> bits), e.g.
/// <c>{"imp-…":8191}</c> for a company one import wrote, <c>{"imp-…":8183,"analyst|…":8}</c> after an analyst's edit.
/// Read from the stored text and parsed only when a change needs the map; an import's stamp on top of it is kept
/// as a mask until then, so an unchanged row costs no parsing and a new company no dictionary. The reader also
/// takes the form before migration 235 (field → source, string values), which a Neo4j store may still hold.
/// </summary>
internal sealed class FieldProvenance
{
    public static readonly FieldProvenance None = new(null, null, 0, null);

    // Sources as SQLite's JSON functions write them (migration 235): names in their own characters, not escaped.
    private static readonly JsonSerializerOptions Text = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string? json;
    private readonly FieldProvenance? basis;
    private Dictionary<string, string>? fields;

    private FieldProvenance(string? json, FieldProvenance? basis, int stampedMask, string? stampedBy)
    {
        this.json = json;
        this.basis = basis;
        StampedMask = stampedMask;
        StampedBy = stampedBy;
    }

    /// <summary>The fields stamped by <see cref="StampedBy"/> on top of what was stored (0: nothing).</summary>
    public int StampedMask { get; }

    public string? StampedBy { get; }

    /// <summary>True when these values are <paramref name="basis"/> with <see cref="StampedMask"/> stamped on top (<see cref="Stamp"/>).</summary>
    public bool IsStampOf(FieldProvenance basis) => ReferenceEquals(this.basis, basis);

    /// <summary>True when nothing was stored before the stamp: a new company's provenance is its stamp alone.</summary>
    public bool IsStampOnly => basis is { } b && ReferenceEquals(b, None);

    public IReadOnlyDictionary<string, string> Fields => fields ??= Build();

    public static FieldProvenance FromJson(string? json) => string.IsNullOrEmpty(json) ? None : new FieldProvenance(json, null, 0, null);

    public static FieldProvenance From(IReadOnlyDictionary<string, string> fields) =>
        fields.Count == 0 ? None : new FieldProvenance(Write(fields), null, 0, null);

    /// <summary>
    /// The fields whose value an analyst set (<see cref="AnalystProvenance"/>). A stored text without an analyst's stamp is
    /// not parsed (the import merge asks this of every company a row meets).
    /// </summary>
    public int AnalystMask()
    {
        if (basis is null && (json is null || !json.Contains(AnalystProvenance.JsonMarker, StringComparison.Ordinal)))
        {
            return 0;
        }

        var mask = 0;
        foreach (var (field, source) in Fields)
        {
            var bit = CompanyFields.Names.IndexOf(field);
            if (bit >= 0 && AnalystProvenance.IsAnalyst(source))
            {
                mask |= 1 << bit;
            }
        }

        return mask;
    }

    /// <summary>These provenance values with every field of <paramref name="mask"/> set to <paramref name="importId"/>.</summary>
    public FieldProvenance Stamp(int mask, string importId) => mask == 0 ? this : new FieldProvenance(null, this, mask, importId);

    /// <summary>The JSON object as stored (source → field mask); the stored text itself when nothing was stamped.</summary>
    public string ToJson()
    {
        if (basis is null)
        {
            return json ?? "{}";
        }

        // A new company: one source for all its fields, no dictionary needed.
        return IsStampOnly
            ? string.Concat("{", JsonSerializer.Serialize(StampedBy, Text), ":", StampedMask.ToString(CultureInfo.InvariantCulture), "}")
            : Write(Fields);
    }

    /// <summary>
    /// The stored form of <paramref name="fields"/>: each source once with the mask of its fields, sources in the order
    /// of their first field. Names that are not <see cref="CompanyFields"/> have no bit and are left out.
    /// </summary>
    private static string Write(IReadOnlyDictionary<string, string> fields)
    {
        var sources = new List<(string Source, int Mask)>(2);
        for (var bit = 0; bit < CompanyFields.Names.Count; bit++)
        {
            if (fields.TryGetValue(CompanyFields.Names[bit], out var source))
            {
                var at = sources.FindIndex(s => s.Source == source);
                if (at < 0)
                {
                    sources.Add((source, 1 << bit));
                }
                else
                {
                    sources[at] = (source, sources[at].Mask | (1 << bit));
                }
            }
        }

        var builder = new StringBuilder("{");
        foreach (var (source, mask) in sources)
        {
            builder.Append(builder.Length > 1 ? "," : "").Append(JsonSerializer.Serialize(source, Text)).Append(':').Append(mask.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append('}').ToString();
    }

    private Dictionary<string, string> Build()
    {
        if (basis is null)
        {
            return json is null ? new Dictionary<string, string>(StringComparer.Ordinal) : Read(json);
        }

        var result = new Dictionary<string, string>(basis.Fields, StringComparer.Ordinal);
        foreach (var field in CompanyFields.In(StampedMask))
        {
            result[field] = StampedBy!;
        }

        return result;
    }

    /// <summary>Field → source from a stored text: source → mask, or field → source (the form before migration 235).</summary>
    private static Dictionary<string, string> Read(string json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                foreach (var field in CompanyFields.In(property.Value.GetInt32()))
                {
                    result[field] = property.Name;
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.String)
            {
                result[property.Name] = property.Value.GetString()!;
            }
        }

        return result;
    }
}
