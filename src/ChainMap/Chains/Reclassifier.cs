using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Chains;

/// <summary>What a re-classification did: companies read, whose classifier memberships changed, left without any membership, and 待确认 memberships it stored.</summary>
internal sealed record ReclassifySummary(long Read, long Changed, long Unchanged, long Unassigned, long Unconfirmed)
{
    public static readonly ReclassifySummary Zero = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Re-runs the classifier over every stored company with the current chain definitions (ADR 0136),
/// page by page in id order, with the signals the import kept (name, industry, products, scope).
/// Only memberships the classifier made are replaced; a company with a membership from a file's
/// segment column or from an analyst is not classified, as at import, and keeps that membership; a
/// segment an analyst rejected is left out of the guesses (ADR 0180).
/// Pages are written one transaction each; the discovery caches are dropped at the end.
/// </summary>
internal sealed class Reclassifier(IMembershipStore store, IMembershipReviewStore rejections, ChainDirectory chains, DiscoveryCache cache)
{
    internal const int PageSize = 500;

    public async Task<ReclassifySummary> RunAsync(Action<ReclassifySummary>? progress, CancellationToken cancellationToken)
    {
        var matcher = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken));
        return await RunAsync(progress, readRejections: true, (company, rejected) =>
        {
            var old = company.Memberships.Where(m => m.IsClassified).ToList();
            // A segment an analyst rejected is never guessed again (ADR 0180).
            var fresh = Curation.MembershipReview.WithoutRejected(Classify(matcher, company, old), rejected);
            return (Same(old, fresh) ? null : fresh, fresh);
        }, cancellationToken);
    }

    /// <summary>
    /// Gives every chain-level membership the classifier stored without suggested segments (before ADR 0405) the suggestions the
    /// current classifier makes for its company (ADR 0425), and changes nothing else: the membership keeps its chain, confidence,
    /// status, source, role and the rest of its evidence; the company's other memberships are written back as they were; a
    /// company with a file's or an analyst's membership is left alone. A membership the classifier would no longer make chain-level
    /// is left as it is (a re-classification decides it). Changed counts companies; unconfirmed and unassigned stay 0.
    /// </summary>
    public async Task<ReclassifySummary> FillSuggestionsAsync(Action<ReclassifySummary>? progress, CancellationToken cancellationToken)
    {
        var matcher = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken));
        return await RunAsync(progress, readRejections: false, (company, _) => (WithSuggestions(matcher, company), null), cancellationToken);
    }

    /// <summary>The company's classifier memberships with suggestions where a chain-level one lacks them, or null when none changes.</summary>
    internal static List<SegmentMembership>? WithSuggestions(SegmentMatcher matcher, Company company)
    {
        var old = company.Memberships.Where(m => m.IsClassified).ToList();
        if (!old.Exists(ChainLevelMemberships.LacksSuggestions) || company.Memberships.Any(m => !m.IsClassified))
        {
            return null;
        }

        var fresh = matcher.Classify(new CompanyText(company.Name, company.Industry, company.Products, company.Scope));
        var changed = false;
        var result = old.ConvertAll(m =>
        {
            if (!ChainLevelMemberships.LacksSuggestions(m) || fresh.FirstOrDefault(f => f.ChainLevel && f.MembershipCode == m.SegmentCode) is not { } match)
            {
                return m;
            }

            changed = true;
            return m with { Evidence = ChainLevelMemberships.WithSuggestions(m.Evidence!, match.SuggestedSegments) };
        });
        return changed ? result : null;
    }

    /// <summary>
    /// Reads every company page by page (with the analysts' rejections of its companies when <paramref name="readRejections"/>);
    /// <paramref name="decide"/> answers the company's new classifier memberships (null: unchanged) and the ones the 待确认 and
    /// unassigned figures count (null: none).
    /// </summary>
    private async Task<ReclassifySummary> RunAsync(
        Action<ReclassifySummary>? progress, bool readRejections,
        Func<Company, IReadOnlySet<string>?, (List<SegmentMembership>? Changed, List<SegmentMembership>? Counted)> decide, CancellationToken cancellationToken)
    {
        long read = 0, changed = 0, unassigned = 0, unconfirmed = 0, after = 0;
        try
        {
            while (true)
            {
                var page = await store.ListCompaniesAfterAsync(after, PageSize, cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                var changes = new List<ClassifiedMemberships>();
                var rejected = !readRejections ? [] : (await rejections.ListRejectionsAsync(page.Select(c => c.Id).ToList(), cancellationToken))
                    .GroupBy(r => r.CompanyId)
                    .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.SegmentCode).ToHashSet(StringComparer.Ordinal));
                foreach (var company in page)
                {
                    var (written, fresh) = decide(company, rejected.GetValueOrDefault(company.Id));
                    if (written is not null)
                    {
                        changes.Add(new ClassifiedMemberships(company.Id, written));
                    }

                    unconfirmed += fresh?.Count(m => !m.IsConfirmed) ?? 0;
                    if (fresh is { Count: 0 } && company.Memberships.All(m => m.IsClassified))
                    {
                        unassigned++;
                    }
                }

                await store.ReplaceClassifiedMembershipsAsync(changes, cancellationToken);
                read += page.Count;
                changed += changes.Count;
                after = page[^1].Id;
                progress?.Invoke(new ReclassifySummary(read, changed, read - changed, unassigned, unconfirmed));
            }
        }
        finally
        {
            if (changed > 0)
            {
                cache.Changed();
            }
        }

        return new ReclassifySummary(read, changed, read - changed, unassigned, unconfirmed);
    }

    /// <summary>The classifier's memberships of a company now; none when a file or an analyst gave it one (the import's rule).</summary>
    internal static List<SegmentMembership> Classify(SegmentMatcher matcher, Company company, IReadOnlyList<SegmentMembership> old)
    {
        if (company.Memberships.Any(m => !m.IsClassified))
        {
            return [];
        }

        var role = old.Count > 0 ? old[0].Role : company.Products;
        return matcher.Classify(new CompanyText(company.Name, company.Industry, company.Products, company.Scope))
            .Select(match => new SegmentMembership(
                match.MembershipCode, role, match.Confidence, match.Evidence, MembershipSources.Reclassify,
                match.IsConfirmedByRule ? MembershipStatus.Confirmed : MembershipStatus.Unconfirmed))
            .ToList();
    }

    private static bool Same(IReadOnlyList<SegmentMembership> old, IReadOnlyList<SegmentMembership> fresh) =>
        old.Count == fresh.Count
        && fresh.All(f => old.Any(o => o.SegmentCode == f.SegmentCode && Math.Abs(o.Confidence - f.Confidence) < 1e-9
            && o.Evidence == f.Evidence && o.Status == f.Status));
}
