using System.Globalization;
using System.Text.Json;
using ChainMap.Curation;
using ChainMap.Domain;

namespace ChainMap.Import;

/// <summary>
/// One entry of an import's change log (ADR 0191), written by the import session in the transaction of the batch it
/// describes (so a rolled-back batch leaves none): the companies the batch created, as the id range
/// <see cref="FirstId"/>–<see cref="LastId"/> (new ids follow each other within a batch), or one stored company it
/// changed with the values before (<see cref="Before"/>).
/// </summary>
internal sealed record ImportChange(long Seq, long FirstId, long LastId, CompanyBefore? Before)
{
    public bool IsCreated => Before is null;

    public static ImportChange Created(long seq, long firstId, long lastId) => new(seq, firstId, lastId, null);

    public static ImportChange Updated(long seq, CompanyBefore before) => new(seq, before.Id, before.Id, before);
}

/// <summary>
/// A stored company before an import row changed it: the fields it changed (<see cref="CompanyFields"/> bits) with
/// their values and provenance before, the identity key when it changed the USCC, and each membership the row wrote
/// with the one it replaced (null: the segment was added). The values of the fields it did not change are not kept
/// (null, and left out of the change log's text, ADR 0380); records written before session 32 hold them all, and are
/// read the same (undo reads only the changed fields).
/// </summary>
internal sealed record CompanyBefore(
    long Id,
    int Fields,
    string? IdentityKey,
    string? Uscc,
    string? Name,
    string? NameKey,
    string? RegionCode,
    string? ProvinceCode,
    string? CityCode,
    string? CountyCode,
    decimal? RegisteredCapital,
    DateOnly? Founded,
    int? Employees,
    decimal? Revenue,
    string? ListedCode,
    string? JoinedTags,
    string? Products,
    string? Address,
    string? Industry,
    string? Scope,
    Dictionary<string, string> Provenance,
    List<MembershipBefore> Memberships)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>What a decision changed on <paramref name="stored"/>; null when it changed nothing stored (a new company).</summary>
    public static CompanyBefore? Of(StoredCompany stored, CompanyDecision decision)
    {
        if (decision.IsNew || (decision.ChangedFields == 0 && decision.Memberships.Count == 0))
        {
            return null;
        }

        return Changed(stored, decision.ChangedFields, decision.Memberships.Select(m => new MembershipBefore(m, stored.Membership(m.SegmentCode))).ToList());
    }

    /// <summary>The values and provenance of <paramref name="stored"/>'s <paramref name="fields"/> only, with <paramref name="memberships"/>.</summary>
    public static CompanyBefore Changed(StoredCompany stored, int fields, List<MembershipBefore> memberships)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var provenance = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in CompanyFields.In(fields))
        {
            if (stored.Provenance.Fields.TryGetValue(field, out var importId))
            {
                provenance[field] = importId;
            }
        }

        bool Has(int field) => (fields & field) != 0;
        var region = Has(CompanyFields.Region);
        return new CompanyBefore(
            stored.Id, fields, Has(CompanyFields.Uscc) ? stored.IdentityKey : null, Has(CompanyFields.Uscc) ? stored.Uscc : null,
            Has(CompanyFields.Name) ? stored.Name : null, Has(CompanyFields.Name) ? stored.NameKey : null,
            region ? stored.RegionCode : null, region ? stored.ProvinceCode : null, region ? stored.CityCode : null, region ? stored.CountyCode : null,
            Has(CompanyFields.RegisteredCapital) ? stored.RegisteredCapital : null, Has(CompanyFields.Founded) ? stored.Founded : null,
            Has(CompanyFields.Employees) ? stored.Employees : null, Has(CompanyFields.Revenue) ? stored.Revenue : null,
            Has(CompanyFields.ListedCode) ? stored.ListedCode : null, Has(CompanyFields.Tags) ? stored.JoinedTags : null,
            Has(CompanyFields.Products) ? stored.Products : null, Has(CompanyFields.Address) ? stored.Address : null,
            Has(CompanyFields.Industry) ? stored.Industry : null, Has(CompanyFields.Scope) ? stored.Scope : null, provenance, memberships);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static CompanyBefore FromJson(string json) => JsonSerializer.Deserialize<CompanyBefore>(json, Options)
        ?? throw new InvalidDataException("an empty import change record");
}

/// <summary>A membership an import wrote, and the one it replaced (null: none).</summary>
internal sealed record MembershipBefore(SegmentMembership Written, SegmentMembership? Replaced);

/// <summary>What an undo writes: the created companies to remove, each changed company as it is to be stored again, and the memberships to restore or remove.</summary>
internal sealed record ImportUndoPlan(
    IReadOnlyList<long> Remove,
    IReadOnlyList<StoredCompany> Restore,
    IReadOnlyList<(long CompanyId, SegmentMembership Membership)> RestoreMemberships,
    IReadOnlyList<(long CompanyId, string SegmentCode)> RemoveMemberships);

/// <summary>The undo's decision: a plan, or the later changes that depend on the import (each a sentence).</summary>
internal sealed record ImportUndoDecision(ImportUndoPlan? Plan, IReadOnlyList<string> Blockers);

/// <summary>What a store knows now of the companies an import created or changed.</summary>
internal sealed record ImportUndoState(
    IReadOnlyDictionary<long, StoredCompany> Companies,
    IReadOnlyDictionary<long, IReadOnlyList<long>> ProjectsByCompany,
    IReadOnlyDictionary<long, long> MergedInto,
    IReadOnlyDictionary<long, int> ActivitiesByCompany);

/// <summary>
/// Undoing a company import (issue 16, ADR 0191), pure and the same on every store: the companies it created are
/// removed and the values and memberships it changed get back what they were, unless a later change depends on
/// them: a later import or an analyst set one of those values again (its provenance is no longer this import's),
/// a membership it wrote was changed since, a project or activity refers to a company it created, or a company
/// it created or changed was merged into another. Then nothing is undone and each such change is named.
/// </summary>
internal static class ImportUndoRules
{
    private const int MaxBlockers = 20;

    public static ImportUndoDecision Decide(string jobId, IReadOnlyList<ImportChange> changes, ImportUndoState state)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(state);
        var blockers = new List<string>();
        var remove = new List<long>();
        foreach (var range in changes.Where(c => c.IsCreated))
        {
            for (var id = range.FirstId; id <= range.LastId; id++)
            {
                if (state.MergedInto.TryGetValue(id, out var into))
                {
                    blockers.Add($"company {Text(id)}, which this import created, was merged into company {Text(into)}");
                    continue;
                }

                if (!state.Companies.TryGetValue(id, out var company))
                {
                    continue;
                }

                if (state.ProjectsByCompany.TryGetValue(id, out var projects) && projects.Count > 0)
                {
                    blockers.Add($"project {string.Join(", ", projects.Select(Text))} refers to company {Text(id)} ({company.Name}), which this import created");
                }
                else if (state.ActivitiesByCompany.TryGetValue(id, out var activities) && activities > 0)
                {
                    blockers.Add($"{Text(activities)} activities refer to company {Text(id)} ({company.Name}), which this import created");
                }

                foreach (var (field, importId) in company.Provenance.Fields.Where(f => f.Value != jobId).OrderBy(f => CompanyFields.Order(f.Key)))
                {
                    blockers.Add($"{field} of company {Text(id)} ({company.Name}), which this import created, was changed later by {Who(importId)}");
                }

                remove.Add(id);
            }
        }

        var restore = new List<StoredCompany>();
        var restoreMemberships = new List<(long, SegmentMembership)>();
        var removeMemberships = new List<(long, string)>();
        // A company this import created and changed again in a later batch is simply removed.
        var created = changes.Where(c => c.IsCreated).ToList();
        foreach (var group in changes.Where(c => !c.IsCreated && !created.Any(r => c.FirstId >= r.FirstId && c.FirstId <= r.LastId)).GroupBy(c => c.FirstId))
        {
            var id = group.Key;
            var entries = group.OrderBy(c => c.Seq).Select(c => c.Before!).ToList();
            if (!state.Companies.TryGetValue(id, out var current))
            {
                blockers.Add(state.MergedInto.TryGetValue(id, out var into)
                    ? $"company {Text(id)}, which this import changed, was merged into company {Text(into)}"
                    : $"company {Text(id)}, which this import changed, no longer exists");
                continue;
            }

            var fields = entries.Aggregate(0, (mask, e) => mask | e.Fields);
            foreach (var field in CompanyFields.In(fields))
            {
                if (!current.Provenance.Fields.TryGetValue(field, out var importId) || importId != jobId)
                {
                    blockers.Add($"{field} of company {Text(id)} ({current.Name}) was changed later by {Who(importId)}");
                }
            }

            // The last membership this import wrote on a segment must still be there; the first one it replaced comes back.
            foreach (var segment in entries.SelectMany(e => e.Memberships).GroupBy(m => m.Written.SegmentCode, StringComparer.Ordinal))
            {
                var written = segment.Last().Written;
                var now = current.Membership(segment.Key);
                if (now is null || !SameMembership(now, written))
                {
                    blockers.Add($"the membership of company {Text(id)} ({current.Name}) in segment {segment.Key} was changed later{(now is null ? " (removed)" : $" (source {now.Source})")}");
                    continue;
                }

                if (segment.First().Replaced is { } replaced)
                {
                    restoreMemberships.Add((id, replaced));
                }
                else
                {
                    removeMemberships.Add((id, segment.Key));
                }
            }

            if (fields != 0)
            {
                restore.Add(Restored(current, entries, fields));
            }
        }

        return blockers.Count > 0
            ? new ImportUndoDecision(null, blockers.Count > MaxBlockers ? [.. blockers.Take(MaxBlockers), $"and {Text(blockers.Count - MaxBlockers)} more"] : blockers)
            : new ImportUndoDecision(new ImportUndoPlan(remove, restore, restoreMemberships, removeMemberships), []);
    }

    /// <summary>The company with every field the import changed set back to the value (and provenance) it had before the import's first change of it.</summary>
    private static StoredCompany Restored(StoredCompany current, List<CompanyBefore> entries, int fields)
    {
        var c = current;
        var provenance = new Dictionary<string, string>(current.Provenance.Fields, StringComparer.Ordinal);
        foreach (var field in CompanyFields.In(fields))
        {
            var before = entries.First(e => (e.Fields & Bit(field)) != 0);
            c = field switch
            {
                "name" => c with { Name = before.Name ?? c.Name, NameKey = before.NameKey ?? c.NameKey },
                "uscc" => c with { Uscc = before.Uscc, IdentityKey = before.IdentityKey },
                "region" => c with { RegionCode = before.RegionCode ?? c.RegionCode, ProvinceCode = before.ProvinceCode, CityCode = before.CityCode, CountyCode = before.CountyCode },
                "registered_capital" => c with { RegisteredCapital = before.RegisteredCapital },
                "founded" => c with { Founded = before.Founded },
                "employees" => c with { Employees = before.Employees },
                "revenue" => c with { Revenue = before.Revenue },
                "listed_code" => c with { ListedCode = before.ListedCode },
                "tags" => c with { JoinedTags = before.JoinedTags ?? string.Empty },
                "products" => c with { Products = before.Products },
                "address" => c with { Address = before.Address },
                "industry" => c with { Industry = before.Industry },
                _ => c with { Scope = before.Scope },
            };
            if (before.Provenance.TryGetValue(field, out var importId))
            {
                provenance[field] = importId;
            }
            else
            {
                provenance.Remove(field);
            }
        }

        return c with
        {
            Strength = CompanyStrength.Score(c.RegisteredCapital, c.Revenue, c.Employees, c.ListedCode, c.TagList, c.Founded),
            Provenance = FieldProvenance.From(provenance),
        };
    }

    private static bool SameMembership(SegmentMembership a, SegmentMembership b) =>
        a.Role == b.Role && Math.Abs(a.Confidence - b.Confidence) < 1e-9 && a.Evidence == b.Evidence && a.Source == b.Source && a.Status == b.Status;

    private static int Bit(string field) => 1 << CompanyFields.Names.IndexOf(field);

    private static string Who(string? importId) => importId switch
    {
        null => "someone (its provenance was removed)",
        _ when AnalystProvenance.TryRead(importId, out var at, out _, out var name) =>
            $"the analyst {name} on {at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        _ when importId.StartsWith("imp-", StringComparison.Ordinal) => $"import {importId}",
        _ => importId,
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
