using System.Globalization;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;

namespace ChainMap.Curation;

/// <summary>A channel's link to a company (the company is implied by the side it was loaded for).</summary>
internal sealed record MergeChannelLink(long ChannelId, string Role, string? Note, string? Source);

/// <summary>A project of a company: open unless it is terminated (终止, ADR 0173).</summary>
internal sealed record MergeProject(long Id, bool IsOpen);

/// <summary>
/// One of the two companies of a merge as its store loaded it (its version included), with everything that refers to
/// it and the segments an analyst said it is not in (its rejections, ADR 0180).
/// </summary>
internal sealed record MergeSide(
    StoredCompany Company,
    IReadOnlyList<CompanyRelation> Relations,
    IReadOnlyList<MergeChannelLink> ChannelLinks,
    IReadOnlyList<MergeProject> Projects,
    IReadOnlyList<MembershipRejection>? Rejections = null)
{
    public IReadOnlyList<MembershipRejection> RejectionList => Rejections ?? [];
}

/// <summary>The versions of the two companies the analyst saw when asking for a merge (null: not checked), ADR 0197.</summary>
internal sealed record MergeExpectation(long? SurvivorVersion, long? MergedVersion)
{
    public static readonly MergeExpectation None = new(null, null);
}

internal enum MergeRefusal
{
    None,

    /// <summary>Both companies carry a USCC and they differ: two legal entities, never one.</summary>
    DifferentUscc,

    /// <summary>More than one open project would end on the survivor (ADR 0173: one open project per company).</summary>
    OpenProjects,

    /// <summary>A company is no longer at the version the analyst saw (ADR 0197): decide again on what it is now.</summary>
    StaleVersion,
}

/// <summary>
/// What a merge writes on the survivor: its fields after the merge (memberships included), the fields taken
/// from the merged company, the memberships to write on it (insert or overwrite), the relations and channel
/// links to add to it (already re-pointed, duplicates and self-relations left out), and the projects that
/// move to it (their activities go with them, as do the merged company's activities without a project). Rejections
/// (ADR 0197): the merged company's rejections to keep on the survivor, the survivor's memberships they remove, and the
/// survivor's rejections that an analyst's membership of the merged company lifts.
/// </summary>
internal sealed record CompanyMergePlan(
    long SurvivorId,
    long MergedId,
    StoredCompany Survivor,
    int TakenFields,
    bool RegionTaken,
    IReadOnlyList<SegmentMembership> MembershipsToWrite,
    IReadOnlyList<CompanyRelation> RelationsToAdd,
    IReadOnlyList<MergeChannelLink> ChannelLinksToAdd,
    IReadOnlyList<long> ProjectsToMove,
    IReadOnlyList<MembershipRejection> RejectionsToAdd,
    IReadOnlyList<string> MembershipsToRemove,
    IReadOnlyList<string> RejectionsToDrop)
{
    /// <summary>True when the survivor's own row (fields, identity) changes.</summary>
    public bool SurvivorChanged => TakenFields != 0;
}

/// <summary>
/// The decision of a merge: a plan, or why it is refused (<see cref="Detail"/>, the projects in the way, or the company
/// whose version is stale with its current version).
/// </summary>
internal sealed record CompanyMergeDecision(
    CompanyMergePlan? Plan, MergeRefusal Refusal, string? Detail, IReadOnlyList<long> OpenProjectIds, long? StaleCompanyId = null, long? CurrentVersion = null)
{
    public static CompanyMergeDecision Refused(MergeRefusal refusal, string detail, IReadOnlyList<long>? projects = null) =>
        new(null, refusal, detail, projects ?? []);
}

/// <summary>
/// The merge of two stored companies that are one (issue 16), pure and the same on every store (ADR 0190):
/// the survivor keeps its id and every value it has; a value it lacks is taken from the merged company with
/// that value's provenance; a USCC on the merged company alone moves to it; on a segment both are in, the
/// stronger membership wins (<see cref="Stronger"/>); relations (both directions), channel links, projects
/// and activities move to the survivor, without self-relations or duplicates. Refused when both carry
/// different USCCs or when two open projects would end on the survivor.
/// Rejections (ADR 0197): the merged company's rejection of a segment moves to the survivor and removes the survivor's
/// membership of it, unless that membership is an analyst's; the survivor's rejection of a segment keeps the merged
/// company's membership of it out, unless that membership is an analyst's (then the rejection is lifted). An analyst's
/// membership on one side thus outweighs a rejection on the other, as an analyst's add lifts a rejection.
/// </summary>
internal static class CompanyMergeRules
{
    public static CompanyMergeDecision Decide(MergeSide survivor, MergeSide merged, MergeExpectation? expected = null)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(merged);
        var s = survivor.Company;
        var m = merged.Company;
        foreach (var (side, version, role) in new[] { (s, expected?.SurvivorVersion, "version"), (m, expected?.MergedVersion, "fromVersion") })
        {
            if (version is { } v && v != side.Version)
            {
                return new CompanyMergeDecision(null, MergeRefusal.StaleVersion,
                    $"company {Id(side.Id)} ({side.Name}) is at version {Id(side.Version)}, not {Id(v)} ({role}): someone changed it since you read it; reload it and decide again",
                    [], side.Id, side.Version);
            }
        }

        if (s.Uscc is not null && m.Uscc is not null && s.Uscc != m.Uscc)
        {
            return CompanyMergeDecision.Refused(MergeRefusal.DifferentUscc,
                $"company {Id(s.Id)} ({s.Name}) has USCC {s.Uscc} and company {Id(m.Id)} ({m.Name}) has USCC {m.Uscc}: two legal entities are not merged");
        }

        var open = survivor.Projects.Concat(merged.Projects).Where(p => p.IsOpen).Select(p => p.Id).Order().ToList();
        if (open.Count > 1)
        {
            return CompanyMergeDecision.Refused(MergeRefusal.OpenProjects,
                $"the merge would leave {open.Count.ToString(CultureInfo.InvariantCulture)} open projects ({string.Join(", ", open.Select(Id))}) on company {Id(s.Id)}; a company has at most one open project: terminate or finish one of them first",
                open);
        }

        var (company, taken, regionTaken) = TakeFields(s, m);
        var kept = survivor.RejectionList.Select(r => r.SegmentCode).ToHashSet(StringComparer.Ordinal);
        var (memberships, written) = MergeMemberships(s.Memberships, m.Memberships.Where(x => !kept.Contains(x.SegmentCode) || IsAnalysts(x)).ToList());
        var lifted = written.Where(x => kept.Contains(x.SegmentCode)).Select(x => x.SegmentCode).ToList();

        // The merged company's rejections: the same company is not in that segment, unless an analyst said it is.
        var rejections = new List<MembershipRejection>();
        var removed = new List<string>();
        foreach (var rejection in merged.RejectionList.OrderBy(r => r.SegmentCode, StringComparer.Ordinal))
        {
            var held = memberships.FirstOrDefault(x => x.SegmentCode == rejection.SegmentCode);
            if (held is not null && IsAnalysts(held))
            {
                continue;
            }

            if (held is not null)
            {
                memberships.Remove(held);
                written.RemoveAll(x => x.SegmentCode == rejection.SegmentCode);
                removed.Add(rejection.SegmentCode);
            }

            if (!kept.Contains(rejection.SegmentCode))
            {
                rejections.Add(rejection with { CompanyId = s.Id });
            }
        }

        company = company with { Memberships = memberships };

        var relations = MoveRelations(s.Id, m.Id, survivor.Relations, merged.Relations);
        var channels = survivor.ChannelLinks.Select(l => l.ChannelId).ToHashSet();
        var links = merged.ChannelLinks.Where(l => !channels.Contains(l.ChannelId)).ToList();
        var projects = merged.Projects.Select(p => p.Id).Order().ToList();

        return new CompanyMergeDecision(
            new CompanyMergePlan(s.Id, m.Id, company, taken, regionTaken, written, relations, links, projects, rejections, removed, lifted),
            MergeRefusal.None, null, []);
    }

    /// <summary>
    /// The membership that wins on a segment both companies are in: an analyst's over a file's over the
    /// classifier's; then confirmed over 待确认; then the higher confidence. On a tie the survivor's stays.
    /// </summary>
    public static bool Stronger(SegmentMembership candidate, SegmentMembership current) =>
        Rank(candidate).CompareTo(Rank(current)) > 0;

    private static bool IsAnalysts(SegmentMembership membership) => membership.Source == MembershipSources.Analyst;

    private static (int Source, int Status, double Confidence) Rank(SegmentMembership membership) => (
        membership.Source == MembershipSources.Analyst ? 2 : membership.IsClassified ? 0 : 1,
        membership.IsConfirmed ? 1 : 0,
        membership.Confidence);

    private static (List<SegmentMembership> All, List<SegmentMembership> Written) MergeMemberships(
        IReadOnlyList<SegmentMembership> survivor, IReadOnlyList<SegmentMembership> merged)
    {
        var all = survivor.ToList();
        var written = new List<SegmentMembership>();
        foreach (var membership in merged.OrderBy(x => x.SegmentCode, StringComparer.Ordinal))
        {
            var index = all.FindIndex(x => x.SegmentCode == membership.SegmentCode);
            if (index < 0)
            {
                all.Add(membership);
                written.Add(membership);
            }
            else if (Stronger(membership, all[index]))
            {
                all[index] = membership;
                written.Add(membership);
            }
        }

        return (all, written);
    }

    private static List<CompanyRelation> MoveRelations(long survivorId, long mergedId, IReadOnlyList<CompanyRelation> survivor, IReadOnlyList<CompanyRelation> merged)
    {
        var existing = survivor.Select(r => (r.FromCompanyId, r.ToCompanyId, r.Kind)).ToHashSet();
        var added = new List<CompanyRelation>();
        foreach (var relation in merged)
        {
            var moved = relation with
            {
                FromCompanyId = relation.FromCompanyId == mergedId ? survivorId : relation.FromCompanyId,
                ToCompanyId = relation.ToCompanyId == mergedId ? survivorId : relation.ToCompanyId,
            };

            // A relation between the two companies would become a company's relation to itself.
            if (moved.FromCompanyId == moved.ToCompanyId || !existing.Add((moved.FromCompanyId, moved.ToCompanyId, moved.Kind)))
            {
                continue;
            }

            added.Add(moved);
        }

        return added;
    }

    /// <summary>Every value the survivor lacks, from the merged company, with the provenance that value had there.</summary>
    private static (StoredCompany Company, int Taken, bool RegionTaken) TakeFields(StoredCompany s, StoredCompany m)
    {
        var taken = 0;

        T Take<T>(int field, T current, T other)
        {
            if (current is null && other is not null)
            {
                taken |= field;
                return other;
            }

            return current;
        }

        var uscc = Take(CompanyFields.Uscc, s.Uscc, m.Uscc);
        var capital = Take(CompanyFields.RegisteredCapital, s.RegisteredCapital, m.RegisteredCapital);
        var founded = Take(CompanyFields.Founded, s.Founded, m.Founded);
        var employees = Take(CompanyFields.Employees, s.Employees, m.Employees);
        var revenue = Take(CompanyFields.Revenue, s.Revenue, m.Revenue);
        var listed = Take(CompanyFields.ListedCode, s.ListedCode, m.ListedCode);
        var products = Take(CompanyFields.Products, s.Products, m.Products);
        var address = Take(CompanyFields.Address, s.Address, m.Address);
        var industry = Take(CompanyFields.Industry, s.Industry, m.Industry);
        var scope = Take(CompanyFields.Scope, s.Scope, m.Scope);
        var tags = s.JoinedTags;
        if (tags.Length == 0 && m.JoinedTags.Length > 0)
        {
            taken |= CompanyFields.Tags;
            tags = m.JoinedTags;
        }

        // A more precise region inside the survivor's (its county where the survivor knows only the city) is a value it lacks.
        var regionTaken = m.RegionCode != s.RegionCode && (s.RegionCode == m.ProvinceCode || s.RegionCode == m.CityCode);
        if (regionTaken)
        {
            taken |= CompanyFields.Region;
        }

        if (taken == 0)
        {
            return (s, 0, false);
        }

        var provenance = new Dictionary<string, string>(s.Provenance.Fields, StringComparer.Ordinal);
        foreach (var field in CompanyFields.In(taken))
        {
            if (m.Provenance.Fields.TryGetValue(field, out var importId))
            {
                provenance[field] = importId;
            }
            else
            {
                provenance.Remove(field);
            }
        }

        var company = s with
        {
            IdentityKey = uscc != s.Uscc ? "u:" + uscc : s.IdentityKey,
            Uscc = uscc,
            RegionCode = regionTaken ? m.RegionCode : s.RegionCode,
            ProvinceCode = regionTaken ? m.ProvinceCode : s.ProvinceCode,
            CityCode = regionTaken ? m.CityCode : s.CityCode,
            CountyCode = regionTaken ? m.CountyCode : s.CountyCode,
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
            Provenance = FieldProvenance.From(provenance),
        };
        return (company, taken, regionTaken);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
