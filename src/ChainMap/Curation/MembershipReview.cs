using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Curation;

/// <summary>
/// One item of a bulk review: a company's membership of a segment, what to do with it, and optionally the company's
/// version the analyst saw (ADR 0197: when given, the review is refused if the company changed since).
/// </summary>
internal sealed record ReviewItem(long CompanyId, string? Segment, string? Action, string? ToSegment = null, string? Role = null, long? Version = null);

/// <summary>
/// Why an item of a review cannot be done: its index in the list, the field at fault and what is wrong; a stale
/// version carries the company's <see cref="CurrentVersion"/> (a conflict, not a bad request).
/// </summary>
internal sealed record ReviewError(int Index, string Field, string Message, bool IsNotFound = false, long? CurrentVersion = null)
{
    public bool IsConflict => CurrentVersion is not null;
}

internal enum ReviewAction
{
    Confirm,
    Reject,
    Move,
}

/// <summary>
/// The analysts' membership decisions (ADR 0180), decided once for every store: which writes a bulk review,
/// an added membership or a removed one makes, or what is wrong with it. An analyst's membership is
/// confirmed, sourced <see cref="MembershipSources.Analyst"/> and sure (confidence 1); confirming keeps the
/// evidence, moving records where it came from. Rejecting, moving away and removing keep a rejection, which
/// no import or re-classification writes over and which an analyst's later add lifts.
/// </summary>
internal static class MembershipReview
{
    /// <summary>The review queue's "low" status: memberships whose confidence is below this.</summary>
    public const double LowConfidence = 0.8;

    /// <summary>The longest role text accepted.</summary>
    public const int MaxRoleLength = 100;

    /// <summary>The most items one bulk review may carry.</summary>
    public const int MaxItems = 1000;

    public static bool TryParseAction(string? text, out ReviewAction action)
    {
        switch (ChineseText.Fold(text))
        {
            case "confirm" or "确认":
                action = ReviewAction.Confirm;
                return true;
            case "reject" or "拒绝" or "驳回":
                action = ReviewAction.Reject;
                return true;
            case "move" or "移动" or "改到":
                action = ReviewAction.Move;
                return true;
            default:
                action = ReviewAction.Confirm;
                return false;
        }
    }

    /// <summary>
    /// The writes of a bulk review, in item order, or the first item that cannot be done (nothing is then written).
    /// <paramref name="companies"/> holds the stored companies the items name (missing: unknown id).
    /// </summary>
    public static (IReadOnlyList<MembershipWrite> Writes, ReviewError? Error) Decide(
        IReadOnlyList<ReviewItem> items, IReadOnlyDictionary<long, Company> companies, SegmentMatcher segments)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(segments);
        var writes = new List<MembershipWrite>();
        var seen = new Dictionary<(long, string), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!TryParseAction(item.Action, out var action))
            {
                return ([], new ReviewError(i, "action", $"'{item.Action}' is not a review action; use confirm, reject or move."));
            }

            if (!companies.TryGetValue(item.CompanyId, out var company))
            {
                return ([], new ReviewError(i, "companyId", $"No company has the id {item.CompanyId}.", IsNotFound: true));
            }

            if (string.IsNullOrWhiteSpace(item.Segment))
            {
                return ([], new ReviewError(i, "segment", "segment is required: the code, name or alias of the membership's segment."));
            }

            // A chain's code names a chain-level membership (环节待定, ADR 0370): confirmed, rejected or moved to a segment alike.
            var code = segments.FindMembershipCode(item.Segment);
            if (code is null)
            {
                return ([], new ReviewError(i, "segment", $"No segment has the code, name or alias '{item.Segment}'.", IsNotFound: true));
            }

            var membership = company.Memberships.FirstOrDefault(m => m.SegmentCode == code);
            if (membership is null)
            {
                return ([], new ReviewError(i, "segment",
                    $"Company {company.Id} ({company.Name}) has no membership of segment {code}; it is in {Describe(company)}.", IsNotFound: true));
            }

            if (item.Role is { Length: > MaxRoleLength })
            {
                return ([], new ReviewError(i, "role", $"role may have at most {MaxRoleLength} characters, got {item.Role.Length}."));
            }

            Segment? target = null;
            if (action == ReviewAction.Move)
            {
                if (string.IsNullOrWhiteSpace(item.ToSegment))
                {
                    return ([], new ReviewError(i, "toSegment", "A move needs toSegment: the code, name or alias of the segment to move the membership to."));
                }

                target = segments.FindExact(item.ToSegment);
                if (target is null)
                {
                    return ([], new ReviewError(i, "toSegment", $"No segment has the code, name or alias '{item.ToSegment}'.", IsNotFound: true));
                }

                if (target.Code == code)
                {
                    return ([], new ReviewError(i, "toSegment", $"The membership is already in {code}; move it to another segment."));
                }
            }

            if (seen.TryGetValue((company.Id, code), out var earlier))
            {
                return ([], new ReviewError(i, "segment", $"Item {earlier} already reviews company {company.Id}'s membership of {code}; review each membership once."));
            }

            if (target is not null && seen.TryGetValue((company.Id, target.Code), out var other))
            {
                return ([], new ReviewError(i, "toSegment", $"Item {other} already reviews company {company.Id}'s membership of {target.Code}."));
            }

            seen[(company.Id, code)] = i;
            var role = string.IsNullOrWhiteSpace(item.Role) ? membership.Role : item.Role.Trim();
            if (target is not null)
            {
                seen[(company.Id, target.Code)] = i;
                writes.Add(new MembershipWrite(company.Id, code, null));
                writes.Add(new MembershipWrite(company.Id, target.Code, Analysts(
                    new SegmentMembership(target.Code, role, 1.0, $"moved by an analyst from {code}", MembershipSources.Analyst))));
            }
            else
            {
                writes.Add(new MembershipWrite(company.Id, code, action == ReviewAction.Confirm ? Analysts(membership with { Role = role }) : null));
            }
        }

        return (writes, null);
    }

    /// <summary>
    /// The company versions a review expects (ADR 0197): an item may name the version of its company the analyst saw;
    /// items of one company must name the same one, and a company changed since is refused (a conflict naming its
    /// current version). Items without a version expect nothing; the store checks the versions again when it writes.
    /// </summary>
    public static (IReadOnlyDictionary<long, long> Expected, ReviewError? Error) ExpectedVersions(
        IReadOnlyList<ReviewItem> items, IReadOnlyDictionary<long, Company> companies)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(companies);
        var expected = new Dictionary<long, long>();
        var first = new Dictionary<long, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Version is not { } version)
            {
                continue;
            }

            var id = items[i].CompanyId;
            if (version < 1)
            {
                return (expected, new ReviewError(i, "version", $"version must be the company's version as its detail shows it (a whole number from 1), not {version}."));
            }

            if (expected.TryGetValue(id, out var earlier) && earlier != version)
            {
                return (expected, new ReviewError(i, "version", $"Item {first[id]} names company {id} at version {earlier}, this item at {version}; give one version per company."));
            }

            if (companies.TryGetValue(id, out var company) && company.Version != version)
            {
                return (expected, Stale(i, id, version, company.Version));
            }

            expected[id] = version;
            first.TryAdd(id, i);
        }

        return (expected, null);
    }

    /// <summary>The conflict of a decision made on an older view of a company: nothing is changed.</summary>
    public static ReviewError Stale(int index, long companyId, long expected, long? current) => current is { } now
        ? new ReviewError(index, "version",
            $"Company {companyId} is at version {now}, not {expected}: someone changed it since you read it. Reload it and decide again.", CurrentVersion: now)
        : new ReviewError(index, "companyId", $"No company has the id {companyId} any more.", IsNotFound: true);

    /// <summary>An analyst adds a company to a segment with a role (an existing membership of it takes the role and is confirmed).</summary>
    public static (MembershipWrite? Write, ReviewError? Error) Add(Company company, string? segmentText, string? role, SegmentMatcher segments)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(segments);
        if (string.IsNullOrWhiteSpace(segmentText))
        {
            return (null, new ReviewError(0, "segment", "segment is required: the code, name or alias of a segment."));
        }

        var segment = segments.FindExact(segmentText);
        if (segment is null)
        {
            return (null, new ReviewError(0, "segment", $"No segment has the code, name or alias '{segmentText}'.", IsNotFound: true));
        }

        if (role is { Length: > MaxRoleLength })
        {
            return (null, new ReviewError(0, "role", $"role may have at most {MaxRoleLength} characters, got {role.Length}."));
        }

        var existing = company.Memberships.FirstOrDefault(m => m.SegmentCode == segment.Code);
        var given = string.IsNullOrWhiteSpace(role) ? existing?.Role : role.Trim();
        var membership = existing is null
            ? new SegmentMembership(segment.Code, given, 1.0, "added by an analyst", MembershipSources.Analyst)
            : Analysts(existing with { Role = given });
        return (new MembershipWrite(company.Id, segment.Code, membership), null);
    }

    /// <summary>An analyst removes a company from a segment: the membership goes and a rejection stays.</summary>
    public static (MembershipWrite? Write, ReviewError? Error) Remove(Company company, string? segmentText, SegmentMatcher segments)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(segments);
        var code = segments.FindMembershipCode(segmentText);
        if (code is null)
        {
            return (null, new ReviewError(0, "segment", $"No segment has the code, name or alias '{segmentText}'.", IsNotFound: true));
        }

        return company.Memberships.Any(m => m.SegmentCode == code)
            ? (new MembershipWrite(company.Id, code, null), null)
            : (null, new ReviewError(0, "segment", $"Company {company.Id} ({company.Name}) has no membership of segment {code}; it is in {Describe(company)}.", IsNotFound: true));
    }

    /// <summary>The classifier's memberships of a company without the segments an analyst rejected (re-classification).</summary>
    public static List<SegmentMembership> WithoutRejected(IReadOnlyList<SegmentMembership> memberships, IReadOnlySet<string>? rejected) =>
        rejected is null || rejected.Count == 0 ? [.. memberships] : memberships.Where(m => !rejected.Contains(m.SegmentCode)).ToList();

    private static SegmentMembership Analysts(SegmentMembership membership) =>
        membership with { Confidence = 1.0, Source = MembershipSources.Analyst, Status = MembershipStatus.Confirmed };

    private static string Describe(Company company) =>
        company.Memberships.Count == 0 ? "no segment" : string.Join("、", company.Memberships.Select(m => m.SegmentCode));
}
