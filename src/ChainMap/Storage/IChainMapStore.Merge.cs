using ChainMap.Curation;

namespace ChainMap.Storage;

/// <summary>What a merge did: the companies that do not exist (nothing done), or the decision it wrote (or refused).</summary>
internal sealed record CompanyMergeOutcome(IReadOnlyList<long> Missing, CompanyMergeDecision? Decision)
{
    public bool Merged => Decision is { Plan: not null };
}

/// <summary>Merging two stored companies that are one (issue 16, ADR 0190).</summary>
internal interface ICompanyMergeStore
{
    /// <summary>
    /// In one transaction: loads both companies with their memberships, relations, channel links and projects,
    /// asks <see cref="CompanyMergeRules.Decide"/>, and when it gives a plan writes it: the survivor's fields and
    /// memberships, the relations, links, projects and activities moved to it, the merged company removed, and a
    /// record that <paramref name="mergedId"/> now is <paramref name="survivorId"/> (earlier records pointing at
    /// the merged company follow it), and the survivor's version moves one on (ADR 0197). Nothing is written when a company
    /// is missing or the merge is refused (also when a company is not at the version <paramref name="expected"/> names).
    /// </summary>
    Task<CompanyMergeOutcome> MergeCompaniesAsync(long survivorId, long mergedId, MergeExpectation expected, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The company a merged id went into, or null when the id was never merged.</summary>
    Task<long?> GetMergedIntoAsync(long companyId, CancellationToken cancellationToken);
}
