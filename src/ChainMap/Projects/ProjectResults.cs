using ChainMap.Chains;
using ChainMap.Regions;
using ChainMap.Storage;

namespace ChainMap.Projects;

internal enum ResultsDimension
{
    Team,
    Unit,
    Chain,
    Channel,
}

/// <summary>
/// One stage in a period: projects that first reached it in the period and their planned investment
/// (万元); completed stays in the stage that ended in the period and their median length in days.
/// </summary>
internal sealed record StageFigures(ProjectStage Stage, int Projects, decimal PlannedInvestment, int CompletedStays, double? MedianDays);

/// <summary>Of the projects that first reached <see cref="From"/> in the period, how many had reached <see cref="To"/> by its end.</summary>
internal sealed record ConversionFigures(ProjectStage From, ProjectStage To, int Reached, int Converted, double? Rate);

internal sealed record GroupResults(string Key, string Name, IReadOnlyList<StageFigures> Stages, IReadOnlyList<ConversionFigures> Conversions, int Activities);

/// <summary>The results (以实绩论英雄) of a period, per group and in total.</summary>
internal sealed record ResultsReport(DateOnly From, DateOnly To, ResultsDimension By, IReadOnlyList<GroupResults> Groups, GroupResults Total);

/// <summary>A group that is listed even when it achieved nothing (every team, unit, chain and channel).</summary>
internal sealed record KnownGroup(string Key, string Name);

/// <summary>
/// Computes the results of a period from the raw stage changes and activities. The rules are in
/// docs/projects.md ("Results") and ADR 0041; change them there first.
/// </summary>
internal sealed class ProjectResults(IProjectStore store, RegionDirectory regions, ChainDirectory chains)
{
    /// <summary>Key of the group of activities logged against a company only, in the unit, chain and channel views.</summary>
    public const string NoProjectKey = "";

    public const string NoProjectName = "（未关联项目）";

    public static bool TryParseDimension(string? text, out ResultsDimension dimension)
    {
        switch ((text ?? "team").Trim().ToLowerInvariant())
        {
            case "team" or "专班":
                dimension = ResultsDimension.Team;
                return true;
            case "unit" or "承接单位" or "县市区":
                dimension = ResultsDimension.Unit;
                return true;
            case "chain" or "产业链":
                dimension = ResultsDimension.Chain;
                return true;
            case "channel" or "渠道":
                dimension = ResultsDimension.Channel;
                return true;
            default:
                dimension = ResultsDimension.Team;
                return false;
        }
    }

    public static string ToWire(ResultsDimension dimension) => dimension.ToString().ToLowerInvariant();

    public async Task<ResultsReport> ComputeAsync(DateOnly from, DateOnly to, ResultsDimension by, CancellationToken cancellationToken)
    {
        var input = await store.GetResultsInputAsync(from, to, cancellationToken);
        var home = await regions.GetHomeAsync(cancellationToken);
        IReadOnlyList<KnownGroup> known = by switch
        {
            ResultsDimension.Team => home.Teams.Select(t => new KnownGroup(t.Id, t.Name)).ToList(),
            ResultsDimension.Unit => home.Units.Select(u => new KnownGroup(u.Code, u.Name)).ToList(),
            ResultsDimension.Chain => (await chains.ListAsync(cancellationToken)).Select(c => new KnownGroup(c.Code, c.Name)).ToList(),
            _ => ProjectTerms.AllChannels.Select(c => new KnownGroup(c.ToWire(), c.ToChinese())).ToList(),
        };
        return Compute(input, from, to, by, known);
    }

    public static ResultsReport Compute(ResultsInput input, DateOnly from, DateOnly to, ResultsDimension by, IReadOnlyList<KnownGroup> known)
    {
        var facts = input.Timelines.Select(t => Analyse(t, by)).ToList();
        var projectGroup = facts.ToDictionary(f => f.ProjectId, f => f.GroupKey);
        var activityGroups = input.Activities
            .Select(a => by == ResultsDimension.Team ? a.TeamId : a.ProjectId is { } p && projectGroup.TryGetValue(p, out var key) ? key : NoProjectKey)
            .ToList();

        var order = known.Select(k => k.Key).ToList();
        var names = known.ToDictionary(k => k.Key, k => k.Name, StringComparer.Ordinal);
        foreach (var key in facts.Select(f => f.GroupKey).Concat(activityGroups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!names.ContainsKey(key))
            {
                names[key] = key == NoProjectKey ? NoProjectName : key;
                order.Add(key);
            }
        }

        var groups = order
            .Select(key => Figures(key, names[key], facts.Where(f => f.GroupKey == key).ToList(), activityGroups.Count(g => g == key), from, to))
            .ToList();
        var total = Figures("*", "合计", facts, activityGroups.Count, from, to);
        return new ResultsReport(from, to, by, groups, total);
    }

    private sealed record Stay(ProjectStage Stage, DateOnly Start, DateOnly End);

    private sealed record ProjectFacts(long ProjectId, string GroupKey, decimal Investment, IReadOnlyDictionary<ProjectStage, DateOnly> FirstReached, IReadOnlyList<Stay> Stays);

    private static ProjectFacts Analyse(ProjectTimeline timeline, ResultsDimension by)
    {
        var project = timeline.Project;
        var key = by switch
        {
            ResultsDimension.Team => project.Fields.TeamId,
            ResultsDimension.Unit => project.Fields.UnitCode,
            ResultsDimension.Chain => project.Fields.ChainCode,
            _ => project.Fields.Channel.ToWire(),
        };

        var reached = new Dictionary<ProjectStage, DateOnly>();
        var stays = new List<Stay>();
        StageChange? previous = null;
        foreach (var change in timeline.Changes)
        {
            if (change.To.IsOrdered())
            {
                // Reaching a stage also reaches every earlier stage not reached before, on the same date.
                foreach (var stage in ProjectTerms.OrderedStages.Where(s => s <= change.To))
                {
                    reached.TryAdd(stage, change.Date);
                }
            }
            else
            {
                reached.TryAdd(change.To, change.Date);
            }

            if (previous is not null && previous.To.IsOrdered())
            {
                stays.Add(new Stay(previous.To, previous.Date, change.Date));
            }

            previous = change;
        }

        return new ProjectFacts(project.Id, key, project.Fields.PlannedInvestment ?? 0m, reached, stays);
    }

    private static GroupResults Figures(string key, string name, IReadOnlyList<ProjectFacts> projects, int activities, DateOnly from, DateOnly to)
    {
        bool InPeriod(DateOnly date) => date >= from && date <= to;

        var stages = ProjectTerms.AllStages.Select(stage =>
        {
            var reaching = projects.Where(p => p.FirstReached.TryGetValue(stage, out var d) && InPeriod(d)).ToList();
            var days = projects.SelectMany(p => p.Stays).Where(s => s.Stage == stage && InPeriod(s.End)).Select(s => s.End.DayNumber - s.Start.DayNumber).ToList();
            return new StageFigures(stage, reaching.Count, reaching.Sum(p => p.Investment), days.Count, Median(days));
        }).ToList();

        var conversions = new List<ConversionFigures>();
        for (var i = 0; i + 1 < ProjectTerms.OrderedStages.Count; i++)
        {
            var stage = ProjectTerms.OrderedStages[i];
            var next = ProjectTerms.OrderedStages[i + 1];
            var reached = projects.Where(p => p.FirstReached.TryGetValue(stage, out var d) && InPeriod(d)).ToList();
            var converted = reached.Count(p => p.FirstReached.TryGetValue(next, out var d) && d <= to);
            conversions.Add(new ConversionFigures(stage, next, reached.Count, converted, reached.Count == 0 ? null : Math.Round((double)converted / reached.Count, 4)));
        }

        return new GroupResults(key, name, stages, conversions, activities);
    }

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
