using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;
using ChainMap.Import;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// One upsert batch on Neo4j: the rows are decided by <see cref="CompanyMergeBatch"/> (the import merge
/// rules, the same as on SQLite) against the stored companies read in the same transaction; this class
/// only collects the final state of each touched company, to be written once by <see cref="Neo4jStore"/>
/// in UNWIND sections.
/// </summary>
internal sealed class Neo4jCompanyBatch
{
    private readonly CompanyMergeBatch merge;
    private readonly Dictionary<long, CompanyState> states = [];
    private readonly List<CompanyState> touched = [];

    /// <summary>The change log entries of the batch (ADR 0191): what each changed stored company was before.</summary>
    public List<CompanyBefore> Changes { get; } = [];

    /// <summary>Takes the stored companies with a USCC or a name key of the batch, read in the same transaction.</summary>
    public Neo4jCompanyBatch(IEnumerable<CompanyState> stored, IEnumerable<string> existingSegments, long lastId, ImportStamp stamp)
    {
        var companies = new List<StoredCompany>();
        foreach (var company in stored)
        {
            if (states.TryAdd(company.Id, company))
            {
                companies.Add(company.Company);
            }
        }

        merge = new CompanyMergeBatch(companies, existingSegments.ToHashSet(StringComparer.Ordinal).Contains, lastId, stamp);
    }

    /// <summary>The highest company id handed out (ids are allocated from the <c>(:Sequence {name: 'company'})</c> node).</summary>
    public long LastId => merge.LastId;

    /// <summary>Companies to create, in their final state.</summary>
    public IEnumerable<CompanyState> Created => touched.Where(s => s.IsNew);

    /// <summary>Stored companies whose fields changed, in their final state.</summary>
    public IEnumerable<CompanyState> Updated => touched.Where(s => !s.IsNew && s.Dirty);

    /// <summary>Stored companies whose <c>LOCATED_IN</c> must point to another region.</summary>
    public IEnumerable<CompanyState> Relocated => touched.Where(s => !s.IsNew && s.RegionChanged);

    /// <summary>Memberships of stored companies to create or overwrite (new companies bring all of theirs).</summary>
    public IEnumerable<(CompanyState Company, SegmentMembership Membership)> ChangedMemberships =>
        touched.Where(s => !s.IsNew).SelectMany(s => s.ChangedSegments.Select(code => (s, s.Company.Membership(code)!)));

    public IReadOnlyList<UpsertOutcome> Apply(IReadOnlyList<CompanyRecord> batch)
    {
        var outcomes = new List<UpsertOutcome>(batch.Count);
        foreach (var record in batch)
        {
            var decision = merge.Decide(record);
            if (decision.Before is { } stored && CompanyBefore.Of(stored, decision) is { } before)
            {
                Changes.Add(before);
            }

            if (decision.Company is { } company && (decision.IsNew || decision.FieldsChanged || decision.Memberships.Count > 0))
            {
                Track(decision, company);
            }

            outcomes.Add(decision.Outcome);
        }

        return outcomes;
    }

    private void Track(CompanyDecision decision, StoredCompany company)
    {
        if (!states.TryGetValue(company.Id, out var state))
        {
            states[company.Id] = state = new CompanyState(company) { IsNew = decision.IsNew };
        }

        state.Company = company;
        state.Dirty |= decision.FieldsChanged;
        state.RegionChanged |= decision.RegionChanged;
        foreach (var membership in decision.Memberships)
        {
            state.ChangedSegments.Add(membership.SegmentCode);
        }

        if (!state.Touched)
        {
            state.Touched = true;
            touched.Add(state);
        }
    }
}

/// <summary>
/// A company node as read or to be written (the <see cref="StoredCompany"/> the merge decides on), with
/// what an upsert batch did to it.
/// </summary>
internal sealed class CompanyState(StoredCompany company)
{
    public StoredCompany Company { get; set; } = company;

    public long Id => Company.Id;

    public string RegionCode => Company.RegionCode;

    public double Strength => Company.Strength;

    /// <summary>The memberships by segment code.</summary>
    public IReadOnlyDictionary<string, SegmentMembership> Memberships => Company.Memberships.ToDictionary(m => m.SegmentCode, StringComparer.Ordinal);

    public HashSet<string> ChangedSegments { get; } = new(StringComparer.Ordinal);

    public bool IsNew { get; init; }

    public bool Dirty { get; set; }

    public bool RegionChanged { get; set; }

    public bool Touched { get; set; }

    /// <summary>A new company's node (the properties the benchmark writes by hand).</summary>
    public static CompanyState Insert(long id, CompanyRecord record, ImportStamp stamp) =>
        new(CompanyMerge.Insert(id, record, stamp, _ => false).Company!) { IsNew = true, Dirty = true };

    /// <summary>Reads the map of <see cref="Neo4jStore.CompanyMap"/> and the list of <see cref="Neo4jStore.MembershipList"/>.</summary>
    public static CompanyState Read(JsonElement company, JsonElement memberships) =>
        new(new StoredCompany(
            company.Get("id").AsInt64(),
            company.Get("key").AsRequiredString(),
            company.Get("uscc").AsString(),
            company.Get("name").AsRequiredString(),
            company.Get("nameKey").AsRequiredString(),
            company.Get("regionCode").AsRequiredString(),
            company.Get("provinceCode").AsString(),
            company.Get("cityCode").AsString(),
            company.Get("countyCode").AsString(),
            (decimal?)company.Get("registeredCapital").AsNullableDouble(),
            company.Get("founded").AsString() is { } founded ? DateOnly.ParseExact(founded, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            (int?)company.Get("employees").AsNullableInt64(),
            (decimal?)company.Get("revenue").AsNullableDouble(),
            company.Get("listedCode").AsString(),
            string.Join('|', company.Get("tags").AsStringList()),
            company.Get("products").AsString(),
            company.Get("address").AsString(),
            company.Get("industry").AsString(),
            company.Get("scope").AsString(),
            company.Get("strength").AsNullableDouble() ?? 0,
            FieldProvenance.FromJson(company.Get("provenance").AsString()),
            ReadMemberships(memberships).ToList(),
            company.Get("version").AsNullableInt64() ?? 1));

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
                    m.Get("status").AsString() switch
                    {
                        "unconfirmed" => MembershipStatus.Unconfirmed,
                        "rejected" => MembershipStatus.Rejected, // only the import's read has these (ADR 0180)
                        _ => MembershipStatus.Confirmed,
                    }));

    public Company ToCompany()
    {
        var c = Company;
        return new(
            c.Id, c.Uscc, c.Name, c.RegionCode, c.ProvinceCode ?? string.Empty, c.CityCode, c.CountyCode, c.RegisteredCapital, c.Founded,
            c.Employees, c.Revenue, c.ListedCode, c.TagList, c.Products, c.Address,
            c.Memberships.OrderByDescending(m => m.Confidence).ThenBy(m => m.SegmentCode, StringComparer.Ordinal).ToList(),
            c.Industry,
            c.Scope,
            c.Version);
    }

    /// <summary>The node's properties; null removes a property (<c>SET c += $properties</c>).</summary>
    public Dictionary<string, object?> Properties(string at, bool withIdentity)
    {
        var c = Company;
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uscc"] = c.Uscc,
            ["name"] = c.Name,
            ["nameKey"] = c.NameKey,
            ["regionCode"] = c.RegionCode,
            ["provinceCode"] = c.ProvinceCode,
            ["cityCode"] = c.CityCode,
            ["countyCode"] = c.CountyCode,
            ["registeredCapital"] = c.RegisteredCapital is { } capital ? (double)capital : null,
            ["founded"] = c.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["employees"] = c.Employees,
            ["revenue"] = c.Revenue is { } revenue ? (double)revenue : null,
            ["listedCode"] = c.ListedCode,
            ["tags"] = c.TagList,
            ["products"] = c.Products,
            ["address"] = c.Address,
            ["industry"] = c.Industry,
            ["scope"] = c.Scope,
            ["strength"] = c.Strength,
            ["provenance"] = c.Provenance.ToJson(),
            ["updatedAt"] = at,
            ["key"] = c.IdentityKey,
        };
        if (withIdentity)
        {
            properties["id"] = c.Id;
            properties["createdAt"] = at;
            properties["version"] = c.Version;
        }

        return properties;
    }
}
