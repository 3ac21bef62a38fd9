using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Decides, in C#, what one upsert batch does to the companies it names, with exactly the rules of
/// the SQLite import session (<c>SqliteCompanyImportSession</c>), row by row in input order: a
/// company is found by USCC, else by normalised name within a compatible region (the same
/// division, or one containing the other); a row with a USCC only merges into a namesake stored
/// without one. A known USCC with another name, or a name matching several stored companies, is a
/// conflict and writes nothing. Otherwise present values that differ win and are stamped, absent
/// ones keep what is stored; memberships merge by segment (only segments that exist). Rows of the
/// batch see the rows before them. What is left is the final state of each touched company,
/// written once by <see cref="Neo4jStore"/> in UNWIND sections.
/// </summary>
internal sealed class Neo4jCompanyBatch
{
    private readonly Dictionary<string, CompanyState> byUscc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CompanyState>> byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> segments;
    private readonly ImportStamp stamp;
    private readonly List<CompanyState> touched = [];

    /// <summary>Takes the stored companies with a USCC or a name key of the batch, read in the same transaction.</summary>
    public Neo4jCompanyBatch(IEnumerable<CompanyState> stored, IEnumerable<string> existingSegments, long lastId, ImportStamp stamp)
    {
        foreach (var company in stored.DistinctBy(s => s.Id))
        {
            Index(company);
        }

        segments = existingSegments.ToHashSet(StringComparer.Ordinal);
        LastId = lastId;
        this.stamp = stamp;
    }

    /// <summary>The highest company id handed out (ids are allocated from the <c>(:Sequence {name: 'company'})</c> node).</summary>
    public long LastId { get; private set; }

    /// <summary>Companies to create, in their final state.</summary>
    public IEnumerable<CompanyState> Created => touched.Where(s => s.IsNew);

    /// <summary>Stored companies whose fields changed, in their final state.</summary>
    public IEnumerable<CompanyState> Updated => touched.Where(s => !s.IsNew && s.Dirty);

    /// <summary>Stored companies whose <c>LOCATED_IN</c> must point to another region.</summary>
    public IEnumerable<CompanyState> Relocated => touched.Where(s => !s.IsNew && s.RegionChanged);

    /// <summary>Memberships of stored companies to create or overwrite (new companies bring all of theirs).</summary>
    public IEnumerable<(CompanyState Company, SegmentMembership Membership)> ChangedMemberships =>
        touched.Where(s => !s.IsNew).SelectMany(s => s.ChangedSegments.Select(code => (s, s.Memberships[code])));

    public IReadOnlyList<UpsertOutcome> Apply(IReadOnlyList<CompanyRecord> batch)
    {
        var outcomes = new List<UpsertOutcome>(batch.Count);
        foreach (var record in batch)
        {
            outcomes.Add(Apply(record));
        }

        return outcomes;
    }

    private UpsertOutcome Apply(CompanyRecord record)
    {
        var (target, conflict) = CompanyMatching.Match(record, byUscc, byName);
        if (conflict is not null)
        {
            return conflict;
        }

        if (target is null)
        {
            var created = CompanyState.Insert(++LastId, record, stamp);
            Index(created);
            Touch(created);
            MergeMemberships(created, record.Memberships);
            return new UpsertOutcome(UpsertKind.Inserted, created.Id, null);
        }

        var oldNameKey = target.NameKey;
        var changedFields = target.MergeWith(record, stamp.ImportId);
        var membershipsChanged = MergeMemberships(target, record.Memberships);
        if (changedFields.Count > 0)
        {
            if (byName.TryGetValue(oldNameKey, out var old))
            {
                old.Remove(target);
            }

            Index(target);
        }

        if (changedFields.Count > 0 || membershipsChanged)
        {
            Touch(target);
        }

        return changedFields.Count == 0 && !membershipsChanged
            ? new UpsertOutcome(UpsertKind.Unchanged, target.Id, null)
            : new UpsertOutcome(UpsertKind.Updated, target.Id, string.Join(", ", changedFields.Concat(membershipsChanged ? ["segments"] : [])));
    }

    private void Index(CompanyState company)
    {
        if (company.Uscc is not null)
        {
            byUscc[company.Uscc] = company;
        }

        if (!byName.TryGetValue(company.NameKey, out var list))
        {
            byName[company.NameKey] = list = [];
        }

        if (!list.Contains(company))
        {
            list.Add(company);
        }
    }

    private bool MergeMemberships(CompanyState company, IReadOnlyList<SegmentMembership> memberships)
    {
        var changed = false;
        foreach (var membership in memberships)
        {
            if (company.Memberships.TryGetValue(membership.SegmentCode, out var current)
                && ((current.Role == membership.Role && Math.Abs(current.Confidence - membership.Confidence) < 1e-9
                        && current.Evidence == membership.Evidence && current.Status == membership.Status && current.IsClassified == membership.IsClassified)
                    || !MembershipSources.Replaces(membership, current)))
            {
                continue;
            }

            if (!segments.Contains(membership.SegmentCode))
            {
                // As in SQLite: a membership of an unknown segment is not stored and changes nothing.
                continue;
            }

            company.Memberships[membership.SegmentCode] = membership with { Source = membership.Source ?? stamp.FileName };
            company.ChangedSegments.Add(membership.SegmentCode);
            changed = true;
        }

        return changed;
    }

    private void Touch(CompanyState company)
    {
        if (!company.Touched)
        {
            company.Touched = true;
            touched.Add(company);
        }
    }
}

/// <summary>A company as stored (or as it will be stored): every property of its node, and its memberships.</summary>
internal sealed class CompanyState : IStoredCompanyIdentity
{
    public required long Id { get; init; }

    public required string Key { get; set; }

    public string? Uscc { get; set; }

    public required string Name { get; set; }

    public required string NameKey { get; set; }

    public required string RegionCode { get; set; }

    public string? ProvinceCode { get; set; }

    public string? CityCode { get; set; }

    public string? CountyCode { get; set; }

    public decimal? RegisteredCapital { get; set; }

    public DateOnly? Founded { get; set; }

    public int? Employees { get; set; }

    public decimal? Revenue { get; set; }

    public string? ListedCode { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    public string? Products { get; set; }

    public string? Address { get; set; }

    public string? Industry { get; set; }

    public string? Scope { get; set; }

    public double Strength { get; set; }

    public Dictionary<string, string> Provenance { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SegmentMembership> Memberships { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ChangedSegments { get; } = new(StringComparer.Ordinal);

    public bool IsNew { get; private init; }

    public bool Dirty { get; private set; }

    public bool RegionChanged { get; private set; }

    public bool Touched { get; set; }

    public static CompanyState Insert(long id, CompanyRecord record, ImportStamp stamp)
    {
        var state = new CompanyState
        {
            Id = id,
            Key = record.Uscc is not null ? "u:" + record.Uscc : record.IdentityKey,
            Name = record.Name,
            NameKey = record.NameKey,
            RegionCode = record.RegionCode,
            IsNew = true,
            Dirty = true,
        };
        state.CopyFrom(record);
        state.Strength = record.Strength;
        foreach (var field in PresentFields(record))
        {
            state.Provenance[field] = stamp.ImportId;
        }

        return state;
    }

    /// <summary>Reads the map of <see cref="Neo4jStore.CompanyMap"/> and the list of <see cref="Neo4jStore.MembershipList"/>.</summary>
    public static CompanyState Read(JsonElement company, JsonElement memberships)
    {
        var state = new CompanyState
        {
            Id = company.Get("id").AsInt64(),
            Key = company.Get("key").AsRequiredString(),
            Uscc = company.Get("uscc").AsString(),
            Name = company.Get("name").AsRequiredString(),
            NameKey = company.Get("nameKey").AsRequiredString(),
            RegionCode = company.Get("regionCode").AsRequiredString(),
            ProvinceCode = company.Get("provinceCode").AsString(),
            CityCode = company.Get("cityCode").AsString(),
            CountyCode = company.Get("countyCode").AsString(),
            RegisteredCapital = (decimal?)company.Get("registeredCapital").AsNullableDouble(),
            Founded = company.Get("founded").AsString() is { } founded ? DateOnly.ParseExact(founded, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Employees = (int?)company.Get("employees").AsNullableInt64(),
            Revenue = (decimal?)company.Get("revenue").AsNullableDouble(),
            ListedCode = company.Get("listedCode").AsString(),
            Tags = company.Get("tags").AsStringList(),
            Products = company.Get("products").AsString(),
            Address = company.Get("address").AsString(),
            Industry = company.Get("industry").AsString(),
            Scope = company.Get("scope").AsString(),
            Strength = company.Get("strength").AsNullableDouble() ?? 0,
            Provenance = JsonSerializer.Deserialize<Dictionary<string, string>>(company.Get("provenance").AsString() ?? "{}") ?? [],
        };
        foreach (var membership in ReadMemberships(memberships))
        {
            state.Memberships[membership.SegmentCode] = membership;
        }

        return state;
    }

    public static IEnumerable<SegmentMembership> ReadMemberships(JsonElement memberships) =>
        memberships.ValueKind != JsonValueKind.Array
            ? []
            : memberships.EnumerateArray()
                .Where(m => !m.Get("segment").IsNull())
                .Select(m => new SegmentMembership(
                    m.Get("segment").AsRequiredString(),
                    m.Get("role").AsString(),
                    m.Get("confidence").AsNullableDouble() ?? 0,
                    m.Get("evidence").AsString(),
                    m.Get("source").AsString(),
                    m.Get("status").AsString() == "unconfirmed" ? MembershipStatus.Unconfirmed : MembershipStatus.Confirmed));

    public Company ToCompany() => new(
        Id, Uscc, Name, RegionCode, ProvinceCode ?? string.Empty, CityCode, CountyCode, RegisteredCapital, Founded, Employees, Revenue,
        ListedCode, Tags, Products, Address,
        Memberships.Values.OrderByDescending(m => m.Confidence).ThenBy(m => m.SegmentCode, StringComparer.Ordinal).ToList(),
        Industry,
        Scope);

    /// <summary>
    /// Incoming present values win; absent ones keep what is stored (the rules of the SQLite session:
    /// a USCC is added, never removed; a less specific region does not replace a more specific one).
    /// A company that gets a USCC gets its identity key too. Returns the changed fields (provenance names).
    /// </summary>
    public List<string> MergeWith(CompanyRecord incoming, string importId)
    {
        var fields = new List<string>();
        var provenance = new Dictionary<string, string>(Provenance, StringComparer.Ordinal);

        T Pick<T>(string field, T stored, T value, bool present)
        {
            if (!present || EqualityComparer<T>.Default.Equals(stored, value))
            {
                return stored;
            }

            fields.Add(field);
            provenance[field] = importId;
            return value;
        }

        var name = Pick("name", Name, incoming.Name, true);
        var uscc = Pick("uscc", Uscc, incoming.Uscc, incoming.Uscc is not null);
        var region = Pick("region", RegionCode, incoming.RegionCode, incoming.RegionCode != ProvinceCode && incoming.RegionCode != CityCode);
        var capital = Pick("registered_capital", RegisteredCapital, incoming.RegisteredCapital, incoming.RegisteredCapital is not null);
        var founded = Pick("founded", Founded, incoming.Founded, incoming.Founded is not null);
        var employees = Pick("employees", Employees, incoming.Employees, incoming.Employees is not null);
        var revenue = Pick("revenue", Revenue, incoming.Revenue, incoming.Revenue is not null);
        var listed = Pick("listed_code", ListedCode, incoming.ListedCode, incoming.ListedCode is not null);
        var tagsJoined = Pick("tags", string.Join('|', Tags), string.Join('|', incoming.Tags), incoming.Tags.Count > 0);
        var products = Pick("products", Products, incoming.Products, incoming.Products is not null);
        var address = Pick("address", Address, incoming.Address, incoming.Address is not null);
        var industry = Pick("industry", Industry, incoming.Industry, incoming.Industry is not null);
        var scope = Pick("scope", Scope, incoming.Scope, incoming.Scope is not null);
        if (fields.Count == 0)
        {
            return fields;
        }

        if (region != RegionCode)
        {
            RegionChanged = true;
            ProvinceCode = incoming.ProvinceCode;
            CityCode = incoming.CityCode;
            CountyCode = incoming.CountyCode;
        }

        if (uscc != Uscc)
        {
            Key = "u:" + uscc;
        }

        var tags = tagsJoined.Split('|', StringSplitOptions.RemoveEmptyEntries);
        Uscc = uscc;
        Name = name;
        NameKey = incoming.NameKey;
        RegionCode = region;
        RegisteredCapital = capital;
        Founded = founded;
        Employees = employees;
        Revenue = revenue;
        ListedCode = listed;
        Tags = tags;
        Products = products;
        Address = address;
        Industry = industry;
        Scope = scope;
        Strength = CompanyStrength.Score(capital, revenue, employees, listed, tags);
        Provenance = provenance;
        Dirty = true;
        return fields;
    }

    /// <summary>The node's properties; null removes a property (<c>SET c += $properties</c>).</summary>
    public Dictionary<string, object?> Properties(string at, bool withIdentity)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uscc"] = Uscc,
            ["name"] = Name,
            ["nameKey"] = NameKey,
            ["regionCode"] = RegionCode,
            ["provinceCode"] = ProvinceCode,
            ["cityCode"] = CityCode,
            ["countyCode"] = CountyCode,
            ["registeredCapital"] = RegisteredCapital is { } capital ? (double)capital : null,
            ["founded"] = Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["employees"] = Employees,
            ["revenue"] = Revenue is { } revenue ? (double)revenue : null,
            ["listedCode"] = ListedCode,
            ["tags"] = Tags,
            ["products"] = Products,
            ["address"] = Address,
            ["industry"] = Industry,
            ["scope"] = Scope,
            ["strength"] = Strength,
            ["provenance"] = JsonSerializer.Serialize(Provenance),
            ["updatedAt"] = at,
            ["key"] = Key,
        };
        if (withIdentity)
        {
            properties["id"] = Id;
            properties["createdAt"] = at;
        }

        return properties;
    }

    private void CopyFrom(CompanyRecord record)
    {
        Uscc = record.Uscc;
        ProvinceCode = record.ProvinceCode;
        CityCode = record.CityCode;
        CountyCode = record.CountyCode;
        RegisteredCapital = record.RegisteredCapital;
        Founded = record.Founded;
        Employees = record.Employees;
        Revenue = record.Revenue;
        ListedCode = record.ListedCode;
        Tags = record.Tags;
        Products = record.Products;
        Address = record.Address;
        Industry = record.Industry;
        Scope = record.Scope;
    }

    private static IEnumerable<string> PresentFields(CompanyRecord r)
    {
        yield return "name";
        if (r.Uscc is not null) { yield return "uscc"; }
        yield return "region";
        if (r.RegisteredCapital is not null) { yield return "registered_capital"; }
        if (r.Founded is not null) { yield return "founded"; }
        if (r.Employees is not null) { yield return "employees"; }
        if (r.Revenue is not null) { yield return "revenue"; }
        if (r.ListedCode is not null) { yield return "listed_code"; }
        if (r.Tags.Count > 0) { yield return "tags"; }
        if (r.Products is not null) { yield return "products"; }
        if (r.Address is not null) { yield return "address"; }
        if (r.Industry is not null) { yield return "industry"; }
        if (r.Scope is not null) { yield return "scope"; }
    }
}
