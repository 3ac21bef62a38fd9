using System.Globalization;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Import;

/// <summary>
/// What one import row does to a stored company, the same on every store: the outcome, the company as it
/// is to be stored after the row (null for a conflict), the fields that changed (<see cref="CompanyFields"/>
/// bits; for a new company the fields it was given), whether the region moved, and the memberships to
/// insert or overwrite, in order, each with its source filled in.
/// </summary>
internal readonly record struct CompanyDecision(
    UpsertOutcome Outcome,
    StoredCompany? Company,
    int ChangedFields,
    bool RegionChanged,
    IReadOnlyList<SegmentMembership> Memberships)
{
    public bool IsNew => Outcome.Kind == UpsertKind.Inserted;

    /// <summary>The stored company as the row met it (a merge), for the import's change log; null for a new company or a conflict.</summary>
    public StoredCompany? Before { get; init; }

    /// <summary>True when a stored company's fields change (its row or node must be rewritten).</summary>
    public bool FieldsChanged => !IsNew && ChangedFields != 0;

    /// <summary>True when a stored company without a USCC gets one (and with it the identity key <c>u:USCC</c>).</summary>
    public bool UsccAdded => !IsNew && (ChangedFields & CompanyFields.Uscc) != 0;
}

/// <summary>
/// The import merge rules (ADR 0010, 0135, 0150), pure: which stored company a row is, and what it
/// makes of it. Stores load the candidates (by USCC and by name key, with their memberships) and write
/// the <see cref="CompanyDecision"/>; they decide nothing themselves.
/// </summary>
internal static class CompanyMerge
{
    /// <summary>
    /// The identity rule: a row is the company stored with its USCC (another name under that USCC is a
    /// conflict); else the one company of its name key in a compatible region (<see cref="IsCompatible"/>),
    /// where a row with a USCC only takes a company stored without one; several such companies are a
    /// conflict. Null target and no conflict: a new company.
    /// </summary>
    public static (StoredCompany? Target, UpsertOutcome? Conflict) Identify(
        CompanyRecord record, IReadOnlyDictionary<string, StoredCompany> byUscc, IReadOnlyDictionary<string, List<StoredCompany>> byName)
    {
        if (record.Uscc is not null && byUscc.TryGetValue(record.Uscc, out var sameCode))
        {
            // An analyst's name correction is the company's name now: the file's old name still means it.
            return sameCode.NameKey == record.NameKey || (sameCode.Provenance.AnalystMask() & CompanyFields.Name) != 0
                ? (sameCode, null)
                : (null, new UpsertOutcome(UpsertKind.Conflict, sameCode.Id,
                    $"USCC {record.Uscc} belongs to '{sameCode.Name}' (company {sameCode.Id.ToString(CultureInfo.InvariantCulture)}), but this row names '{record.Name}'; nothing was merged"));
        }

        if (!byName.TryGetValue(record.NameKey, out var sameName))
        {
            return (null, null);
        }

        // Merging a USCC row into a company that has another USCC would join two legal entities.
        var candidates = sameName.Where(s => (record.Uscc is null || s.Uscc is null) && IsCompatible(s, record)).ToList();
        return candidates.Count > 1
            ? (null, new UpsertOutcome(UpsertKind.Conflict, candidates[0].Id,
                $"'{record.Name}' matches {candidates.Count.ToString(CultureInfo.InvariantCulture)} stored companies ({string.Join(", ", candidates.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)))}); give the USCC or a more specific region"))
            : (candidates.Count == 1 ? candidates[0] : null, null);
    }

    /// <summary>
    /// Whether the stored namesakes of a row whose USCC is not stored can change its identity: a row without a
    /// USCC is matched by name; a row with one only takes a namesake stored without a USCC (<see cref="Identify"/>),
    /// so when the store holds no company without a USCC its namesakes need not be loaded at all.
    /// </summary>
    public static bool NeedsNamesakes(CompanyRecord record, bool storeHasCompaniesWithoutUscc) =>
        record.Uscc is null || storeHasCompaniesWithoutUscc;

    /// <summary>The same division, or one containing the other (a row saying 随州市 is the company stored in 曾都区).</summary>
    public static bool IsCompatible(StoredCompany stored, CompanyRecord record) =>
        stored.RegionCode == record.RegionCode
        || record.RegionCode == stored.ProvinceCode || record.RegionCode == stored.CityCode || record.RegionCode == stored.CountyCode
        || stored.RegionCode == record.ProvinceCode || stored.RegionCode == record.CityCode || stored.RegionCode == record.CountyCode;

    /// <summary>A new company <paramref name="id"/> from the row: every field it gives is stamped with the import.</summary>
    public static CompanyDecision Insert(long id, CompanyRecord record, ImportStamp stamp, Func<string, bool> segmentExists)
    {
        var present = CompanyFields.Present(record);
        var (memberships, written) = MergeMemberships([], record.Memberships, stamp, segmentExists);
        var company = new StoredCompany(
            id, record.Uscc is not null ? "u:" + record.Uscc : record.IdentityKey, record.Uscc, record.Name, record.NameKey,
            record.RegionCode, record.ProvinceCode, record.CityCode, record.CountyCode, record.RegisteredCapital, record.Founded,
            record.Employees, record.Revenue, record.ListedCode, string.Join('|', record.Tags), record.Products, record.Address, record.Industry,
            record.Scope, record.Strength, FieldProvenance.None.Stamp(present, stamp.ImportId), memberships ?? []);
        return new CompanyDecision(new UpsertOutcome(UpsertKind.Inserted, id, null), company, present, false, written ?? []);
    }

    /// <summary>
    /// A row merged into its stored company. Present values that differ win and are stamped with the
    /// import; absent ones (null, no tags) keep what is stored; a USCC is added, never removed; a less
    /// precise region (the province or city of the stored division) does not replace a more precise
    /// one. Memberships merge by segment (<see cref="Replaces"/>); unknown segments are skipped.
    /// </summary>
    public static CompanyDecision Merge(StoredCompany stored, CompanyRecord incoming, ImportStamp stamp, Func<string, bool> segmentExists)
    {
        var changed = 0;
        var kept = 0;
        // An analyst's value stays unless the import is asked to overwrite it (ADR 0185); the mask is read only
        // from a provenance text that holds an analyst's stamp.
        var analyst = stamp.OverwriteAnalyst ? 0 : stored.Provenance.AnalystMask();

        T Pick<T>(int field, T current, T value, bool present)
        {
            if (!present || EqualityComparer<T>.Default.Equals(current, value))
            {
                return current;
            }

            if ((analyst & field) != 0)
            {
                kept++;
                return current;
            }

            changed |= field;
            return value;
        }

        var name = Pick(CompanyFields.Name, stored.Name, incoming.Name, true);
        var uscc = Pick(CompanyFields.Uscc, stored.Uscc, incoming.Uscc, incoming.Uscc is not null);
        var region = Pick(CompanyFields.Region, stored.RegionCode, incoming.RegionCode,
            incoming.RegionCode != stored.ProvinceCode && incoming.RegionCode != stored.CityCode);
        var capital = Pick(CompanyFields.RegisteredCapital, stored.RegisteredCapital, incoming.RegisteredCapital, incoming.RegisteredCapital is not null);
        var founded = Pick(CompanyFields.Founded, stored.Founded, incoming.Founded, incoming.Founded is not null);
        var employees = Pick(CompanyFields.Employees, stored.Employees, incoming.Employees, incoming.Employees is not null);
        var revenue = Pick(CompanyFields.Revenue, stored.Revenue, incoming.Revenue, incoming.Revenue is not null);
        var listed = Pick(CompanyFields.ListedCode, stored.ListedCode, incoming.ListedCode, incoming.ListedCode is not null);
        // Tags are stored as one '|'-joined text: lists that join to the same text are the same tags.
        var tags = stored.JoinedTags;
        if (incoming.Tags.Count > 0 && !JoinsTo(incoming.Tags, stored.JoinedTags))
        {
            if ((analyst & CompanyFields.Tags) != 0)
            {
                kept++;
            }
            else
            {
                changed |= CompanyFields.Tags;
                tags = string.Join('|', incoming.Tags);
            }
        }

        var products = Pick(CompanyFields.Products, stored.Products, incoming.Products, incoming.Products is not null);
        var address = Pick(CompanyFields.Address, stored.Address, incoming.Address, incoming.Address is not null);
        var industry = Pick(CompanyFields.Industry, stored.Industry, incoming.Industry, incoming.Industry is not null);
        var scope = Pick(CompanyFields.Scope, stored.Scope, incoming.Scope, incoming.Scope is not null);

        var company = stored;
        var regionChanged = region != stored.RegionCode;
        if (changed != 0)
        {
            company = stored with
            {
                IdentityKey = uscc != stored.Uscc ? "u:" + uscc : stored.IdentityKey,
                Uscc = uscc,
                Name = name,
                NameKey = name == stored.Name ? stored.NameKey : incoming.NameKey,
                RegionCode = region,
                ProvinceCode = regionChanged ? incoming.ProvinceCode : stored.ProvinceCode,
                CityCode = regionChanged ? incoming.CityCode : stored.CityCode,
                CountyCode = regionChanged ? incoming.CountyCode : stored.CountyCode,
                RegisteredCapital = capital,
                Founded = founded,
                Employees = employees,
                Revenue = revenue,
                ListedCode = listed,
                JoinedTags = tags,
                Products = products,
                Address = address,
                Industry = industry,
                Scope = scope,
                Strength = CompanyStrength.Score(capital, revenue, employees, listed, tags.Split('|', StringSplitOptions.RemoveEmptyEntries), founded),
                Provenance = stored.Provenance.Stamp(changed, stamp.ImportId),
            };
        }

        var (memberships, written) = MergeMemberships(stored.Memberships, incoming.Memberships, stamp, segmentExists);
        if (memberships is not null)
        {
            company = company with { Memberships = memberships };
        }

        var outcome = changed == 0 && written is null
            ? new UpsertOutcome(UpsertKind.Unchanged, stored.Id, null, kept)
            : new UpsertOutcome(UpsertKind.Updated, stored.Id, string.Join(", ", CompanyFields.In(changed).Concat(written is null ? [] : ["segments"])), kept);
        return new CompanyDecision(outcome, company, changed, regionChanged, written ?? []) { Before = stored };
    }

    /// <summary>
    /// Whether an incoming membership overwrites the stored one of its segment: not when it says the same
    /// (role, confidence, evidence, status, and whether the classifier made it), nor when
    /// <see cref="MembershipSources.Replaces"/> keeps the stored one (a classifier guess never replaces a
    /// file's or an analyst's membership and never downgrades a confirmed one to 待确认).
    /// </summary>
    public static bool Replaces(SegmentMembership incoming, SegmentMembership stored) =>
        !(stored.Role == incoming.Role && Math.Abs(stored.Confidence - incoming.Confidence) < 1e-9 && stored.Evidence == incoming.Evidence
            && stored.Status == incoming.Status && stored.IsClassified == incoming.IsClassified)
        && MembershipSources.Replaces(incoming, stored);

    /// <summary>
    /// The memberships after the row (null: unchanged) and the ones it writes (null: none), in row order. When
    /// every write adds a segment to none stored, both are the same list.
    /// </summary>
    private static (List<SegmentMembership>? Memberships, List<SegmentMembership>? Written) MergeMemberships(
        IReadOnlyList<SegmentMembership> stored, IReadOnlyList<SegmentMembership> incoming, ImportStamp stamp, Func<string, bool> segmentExists)
    {
        List<SegmentMembership>? result = null;
        List<SegmentMembership>? written = null;
        var appendedOnly = stored.Count == 0;
        for (var i = 0; i < incoming.Count; i++)
        {
            // An index loop: foreach over the interface boxes an enumerator for every row.
            var membership = incoming[i];
            if (!segmentExists(membership.SegmentCode))
            {
                continue;
            }

            var index = IndexOf(result ?? stored, membership.SegmentCode);
            if (index >= 0 && !Replaces(membership, (result ?? stored)[index]))
            {
                continue;
            }

            var write = membership.Source is null ? membership with { Source = stamp.FileName } : membership;
            result ??= [.. stored];
            if (index >= 0 && appendedOnly)
            {
                // The first overwrite within the row: from here the writes are no longer the list itself.
                written = [.. result];
                appendedOnly = false;
            }

            if (index >= 0)
            {
                result[index] = write;
            }
            else
            {
                result.Add(write);
            }

            if (!appendedOnly)
            {
                (written ??= []).Add(write);
            }
        }

        return (result, appendedOnly ? result : written);
    }

    private static int IndexOf(IReadOnlyList<SegmentMembership> memberships, string segmentCode)
    {
        for (var i = 0; i < memberships.Count; i++)
        {
            if (memberships[i].SegmentCode == segmentCode)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when <c>string.Join('|', parts)</c> is <paramref name="joined"/>, without joining.</summary>
    private static bool JoinsTo(IReadOnlyList<string> parts, string joined)
    {
        var position = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                if (position >= joined.Length || joined[position] != '|')
                {
                    return false;
                }

                position++;
            }

            if (!joined.AsSpan(position).StartsWith(parts[i], StringComparison.Ordinal))
            {
                return false;
            }

            position += parts[i].Length;
        }

        return position == joined.Length;
    }
}

/// <summary>
/// One batch of rows decided in order against the companies a store loaded for it (by USCC and name key):
/// rows see the rows before them (a company inserted or changed by row 1 is the one row 2 meets), and new
/// companies take ids after <see cref="LastId"/>.
/// </summary>
internal sealed class CompanyMergeBatch
{
    private static readonly Dictionary<string, List<StoredCompany>> NoNames = [];

    private readonly Dictionary<string, StoredCompany> byUscc = new(StringComparer.Ordinal);
    private readonly Func<string, bool> segmentExists;
    private readonly ImportStamp stamp;

    // The name index is built when a row first needs it (a file whose USCCs are all stored never does);
    // until then the companies wait in order, a changed one moved to the end as in the index.
    private readonly List<StoredCompany?> pending = [];
    private readonly Dictionary<long, int> pendingAt = [];
    private Dictionary<string, List<StoredCompany>>? byName;

    /// <summary>The name index of the previous batch, emptied, for <see cref="ByName"/> to fill again.</summary>
    private Dictionary<string, List<StoredCompany>>? spareByName;

    /// <summary>
    /// Takes the stored candidates (a company listed twice counts once, in its first place; the order of a
    /// name's candidates is the order of the conflict report), whether a segment exists, and the highest id in use.
    /// </summary>
    public CompanyMergeBatch(IEnumerable<StoredCompany> stored, Func<string, bool> segmentExists, long lastId, ImportStamp stamp)
        : this(segmentExists, stamp) => Begin(stored, lastId);

    /// <summary>A batch to <see cref="Begin"/> again for every batch of a session.</summary>
    public CompanyMergeBatch(Func<string, bool> segmentExists, ImportStamp stamp)
    {
        this.segmentExists = segmentExists;
        this.stamp = stamp;
    }

    /// <summary>
    /// Starts the next batch of a session as the constructor does, forgetting the previous one. Its dictionaries keep
    /// their capacity: a batch of 5,000 new companies grows each to about 170 KB, past the large-object threshold, and
    /// allocating them again for every batch cost a full (gen-2) collection every batch or two of a large import.
    /// </summary>
    public CompanyMergeBatch Begin(IEnumerable<StoredCompany> stored, long lastId)
    {
        byUscc.Clear();
        pending.Clear();
        pendingAt.Clear();
        if (byName is not null)
        {
            byName.Clear();
            spareByName = byName;
            byName = null;
        }

        foreach (var company in stored)
        {
            if (!pendingAt.ContainsKey(company.Id))
            {
                Index(company);
            }
        }

        LastId = lastId;
        return this;
    }

    /// <summary>The highest company id handed out so far.</summary>
    public long LastId { get; private set; }

    public CompanyDecision Decide(CompanyRecord record)
    {
        // A row whose USCC is stored is that company or a conflict: its name is not looked up.
        var names = record.Uscc is not null && byUscc.ContainsKey(record.Uscc) ? NoNames : ByName();
        var (target, conflict) = CompanyMerge.Identify(record, byUscc, names);
        if (conflict is not null)
        {
            return new CompanyDecision(conflict, null, 0, false, []);
        }

        if (target is null)
        {
            var inserted = CompanyMerge.Insert(++LastId, record, stamp, segmentExists);
            Index(inserted.Company!);
            return inserted;
        }

        var decision = CompanyMerge.Merge(target, record, stamp, segmentExists);
        if (!ReferenceEquals(decision.Company, target))
        {
            Replace(target, decision.Company!, decision.FieldsChanged);
        }

        return decision;
    }

    private Dictionary<string, List<StoredCompany>> ByName()
    {
        if (byName is null)
        {
            byName = spareByName ?? new Dictionary<string, List<StoredCompany>>(StringComparer.Ordinal);
            spareByName = null;
            foreach (var company in pending)
            {
                if (company is not null)
                {
                    AddName(company);
                }
            }

            pending.Clear();
            pendingAt.Clear();
        }

        return byName;
    }

    private void Index(StoredCompany company)
    {
        if (company.Uscc is not null)
        {
            byUscc[company.Uscc] = company;
        }

        if (byName is not null)
        {
            AddName(company);
        }
        else
        {
            pendingAt[company.Id] = pending.Count;
            pending.Add(company);
        }
    }

    private void AddName(StoredCompany company)
    {
        if (!byName!.TryGetValue(company.NameKey, out var list))
        {
            byName[company.NameKey] = list = [];
        }

        list.Add(company);
    }

    /// <summary>A company whose fields changed moves to the end of its name's candidates; one whose memberships alone changed keeps its place.</summary>
    private void Replace(StoredCompany old, StoredCompany company, bool fieldsChanged)
    {
        if (byName is null)
        {
            var at = pendingAt[old.Id];
            if (fieldsChanged)
            {
                pending[at] = null;
                Index(company);
            }
            else
            {
                pending[at] = company;
                if (company.Uscc is not null)
                {
                    byUscc[company.Uscc] = company;
                }
            }

            return;
        }

        var list = byName[old.NameKey];
        var index = list.FindIndex(c => ReferenceEquals(c, old));
        if (fieldsChanged)
        {
            list.RemoveAt(index);
            Index(company);
        }
        else
        {
            list[index] = company;
            if (company.Uscc is not null)
            {
                byUscc[company.Uscc] = company;
            }
        }
    }
}
