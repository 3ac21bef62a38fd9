using System.Globalization;

namespace ChainMap.Seeding;

/// <summary>
/// What marks data as the demo's (ADR 0195): the company import runs of <see cref="CompanyFile"/> (the demo loader's
/// file name) and the channels, channel links and relations whose source starts with <see cref="SourcePrefix"/>.
/// Names (the "(示例)" marker) play no part: an analyst's own company never becomes demo by its name.
/// </summary>
internal sealed record DemoIdentity(string CompanyFile, string SourcePrefix)
{
    /// <summary>What <see cref="DefaultData"/> and <see cref="DemoNetwork"/> write.</summary>
    public static DemoIdentity Default { get; } = new("demo/companies.csv", "demo/");
}

/// <summary>A company import run of the demo file: its id, its time (as the store wrote it) and whether it left a change log (ADR 0191).</summary>
internal sealed record DemoRun(string Id, string At, bool Logged);

/// <summary>A range of company ids that a demo run's change log says it created.</summary>
internal sealed record DemoCreatedRange(string RunId, long FirstId, long LastId);

/// <summary>A stored company that may be the demo's: in a logged range, or created at the time of a run without a log.</summary>
internal sealed record DemoCandidate(long Id, string Name, string CreatedAt);

/// <summary>A project that refers to a company.</summary>
internal sealed record DemoProjectReference(long ProjectId, string ProjectName, long CompanyId);

/// <summary>What a store knows of the demo set before the rule decides: the runs, their logs, the candidates and what refers to them.</summary>
internal sealed record DemoFootprint(
    IReadOnlyList<DemoRun> Runs,
    IReadOnlyList<DemoCreatedRange> Created,
    IReadOnlyList<DemoCandidate> Candidates,
    IReadOnlyList<DemoProjectReference> Projects,
    IReadOnlyDictionary<long, int> ActivitiesByCompany)
{
    public static DemoFootprint Empty { get; } = new([], [], [], [], new Dictionary<long, int>());
}

/// <summary>
/// The rule's answer: the demo companies, the runs whose records go with them, and what blocks the removal
/// (projects and activities on demo companies; each a sentence). The removal goes ahead only without blockers.
/// </summary>
internal sealed record DemoDecision(IReadOnlyList<long> Companies, IReadOnlyList<string> Runs, IReadOnlyList<DemoProjectReference> Projects, IReadOnlyList<string> Blockers)
{
    public bool Refused => Blockers.Count > 0;
}

/// <summary>How much demo data there is (or was removed): companies, channels, channel links, relations and the demo's import records.</summary>
internal sealed record DemoCounts(long Companies, long Channels, long ChannelLinks, long Relations, long ImportRuns)
{
    public static DemoCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public bool Any => Companies + Channels + ChannelLinks + Relations + ImportRuns > 0;
}

/// <summary>A survey (nothing written) or a removal: the decision and the counts of what is (or was) there to remove.</summary>
internal sealed record DemoOutcome(DemoDecision Decision, DemoCounts Counts, bool Removed);

/// <summary>
/// Which companies are the demo's, and whether they may go (issue 16, ADR 0195), the same on every store. A company is
/// the demo's when a demo run created it: its id is in a range the run's change log says it created and it was created
/// at the run's time (an id handed out again before ids stopped being reused does not count); for a run from before
/// change logs (stores seeded before ADR 0191), every company created at the run's time. Analysts' edits, later imports
/// that matched it and merges into it do not change that. The removal is refused while a project or an activity refers
/// to a demo company.
/// </summary>
internal static class DemoRules
{
    private const int MaxBlockers = 20;

    public static DemoDecision Decide(DemoFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        var runsByTime = footprint.Runs.ToLookup(r => r.At, StringComparer.Ordinal);
        var ranges = footprint.Created.ToLookup(r => r.RunId, StringComparer.Ordinal);
        var demo = footprint.Candidates
            .Where(c => runsByTime[c.CreatedAt].Any(run => !run.Logged || ranges[run.Id].Any(r => c.Id >= r.FirstId && c.Id <= r.LastId)))
            .OrderBy(c => c.Id)
            .ToList();
        var ids = demo.Select(c => c.Id).ToHashSet();
        var names = demo.ToDictionary(c => c.Id, c => c.Name);
        var projects = footprint.Projects.Where(p => ids.Contains(p.CompanyId)).OrderBy(p => p.ProjectId).ToList();
        var blockers = projects
            .Select(p => $"project {Text(p.ProjectId)} ({p.ProjectName}) refers to demo company {Text(p.CompanyId)} ({names[p.CompanyId]})")
            .Concat(footprint.ActivitiesByCompany.Where(a => ids.Contains(a.Key) && a.Value > 0 && projects.All(p => p.CompanyId != a.Key)).OrderBy(a => a.Key)
                .Select(a => $"{Text(a.Value)} activities refer to demo company {Text(a.Key)} ({names[a.Key]})"))
            .ToList();
        if (blockers.Count > MaxBlockers)
        {
            blockers = [.. blockers.Take(MaxBlockers), $"and {Text(blockers.Count - MaxBlockers)} more"];
        }

        return new DemoDecision(demo.Select(c => c.Id).ToList(), footprint.Runs.Select(r => r.Id).ToList(), projects, blockers);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
