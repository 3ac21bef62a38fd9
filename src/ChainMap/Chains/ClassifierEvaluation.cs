using System.Globalization;
using ChainMap.Domain;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMap.Chains;

/// <summary>One hand-labelled company (tests/ChainMap.Tests/Evaluation/labelled/*.csv): its row text and its true segments.</summary>
internal sealed record LabelledCompany(string Id, CompanyText Text, IReadOnlyList<string> Segments);

/// <summary>Precision and recall of one slice (all, a chain, a tier): true positives, predicted and labelled counts.</summary>
internal sealed record PrecisionRecall(int TruePositives, int Predicted, int Labelled)
{
    public double Precision => Predicted == 0 ? 1 : (double)TruePositives / Predicted;

    public double Recall => Labelled == 0 ? 1 : (double)TruePositives / Labelled;
}

/// <summary>How many memberships fell into a confidence band and how many of them are right.</summary>
internal sealed record ConfidenceBand(double From, double To, int Count, int Correct)
{
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;
}

/// <summary>A company the classifier got wrong, for reading.</summary>
internal sealed record EvaluationMistake(LabelledCompany Company, IReadOnlyList<SegmentMatch> Predicted);

/// <summary>
/// One group of proposed memberships (or missed chains) sharing a chain and a cause: <paramref name="Kind"/> is
/// "proposed" (a membership; right = its chain is a labelled chain, segment right = its segment is labelled), "chain-level"
/// (a membership naming only the chain, ADR 0370; segment right counts nothing) or
/// "missed" (a labelled chain the classifier proposed nothing of; right counts nothing). For a chain-level group,
/// <paramref name="FirstSuggested"/> and <paramref name="AnySuggested"/> count the memberships whose first suggested segment, or
/// any suggested segment, is a labelled segment of the row (ADR 0610).
/// </summary>
internal sealed record EvaluationCause(string Kind, string Chain, string Basis, string Cause, int Count, int ChainRight, int SegmentRight, int FirstSuggested = 0, int AnySuggested = 0);

/// <summary>The figures of one evaluation run.</summary>
internal sealed record ClassifierReport(
    int Companies,
    PrecisionRecall Chain,
    PrecisionRecall Segment,
    IReadOnlyDictionary<string, PrecisionRecall> ChainByChain,
    IReadOnlyDictionary<string, PrecisionRecall> SegmentByChain,
    IReadOnlyDictionary<Tier, PrecisionRecall> SegmentByTier,
    IReadOnlyList<ConfidenceBand> Bands,
    int Unconfirmed,
    PrecisionRecall ConfirmedSegment,
    IReadOnlyList<EvaluationMistake> Mistakes)
{
    /// <summary>Memberships by the independent sources that support them (名称+行业 …): how many, how many right, their mean confidence.</summary>
    public IReadOnlyList<(string Basis, int Count, int Correct, double MeanConfidence)> ByBasis { get; init; } = [];

    /// <summary>
    /// Every proposed membership and every missed chain, grouped by chain and by cause (the rule that placed it: the
    /// source and word or label guess; for a miss, what the row's industry cell says), with how many were right.
    /// </summary>
    public IReadOnlyList<EvaluationCause> Causes { get; init; } = [];

    /// <summary>
    /// Chain-level memberships proposed (ADR 0370: the chain named, 环节待定) and how many of them name a labelled chain. They count
    /// in <see cref="Chain"/>; in <see cref="Segment"/> they are neither a right nor a wrong segment.
    /// </summary>
    public PrecisionRecall ChainLevel { get; init; } = new(0, 0, 0);

    /// <summary>Chain-level memberships whose first suggested segment (可定环节) is a labelled segment of the row (ADR 0610).</summary>
    public int ChainLevelFirstSuggested { get; init; }

    /// <summary>Chain-level memberships with any suggested segment among the row's labelled segments (ADR 0610).</summary>
    public int ChainLevelAnySuggested { get; init; }

    /// <summary>Share of proposed memberships (segment and chain-level) that are 待确认 (below <see cref="ClassifierRules.ConfirmThreshold"/>).</summary>
    public double UnconfirmedShare => Segment.Predicted + ChainLevel.Predicted == 0 ? 0 : (double)Unconfirmed / (Segment.Predicted + ChainLevel.Predicted);
}

/// <summary>Measures a classifier against a labelled set: chain- and segment-level precision and recall, per chain and tier, and per confidence band.</summary>
internal static class ClassifierEvaluation
{
    private static readonly double[] BandEdges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];

    /// <summary>Reads a labelled file (header id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note).</summary>
    public static async Task<IReadOnlyList<LabelledCompany>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null });
        var rows = new List<LabelledCompany>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? Field(string name) => csv.GetField(name) is { Length: > 0 } value ? value : null;
            rows.Add(new LabelledCompany(
                Field("id") ?? string.Empty,
                new CompanyText(Field("name"), Field("industry"), Field("products"), Field("scope")),
                (Field("segments") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        return rows;
    }

    /// <summary>Runs <paramref name="classify"/> on every company and compares with the labels.</summary>
    public static ClassifierReport Evaluate(IReadOnlyList<LabelledCompany> companies, IReadOnlyList<ChainDefinition> chains, Func<CompanyText, IReadOnlyList<SegmentMatch>> classify)
    {
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(classify);
        var segmentsByCode = chains.SelectMany(c => c.Segments).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var chain = new Counter();
        var segment = new Counter();
        var confirmed = new Counter();
        var chainLevel = new Counter();
        var chainByChain = chains.ToDictionary(c => c.Chain.Code, _ => new Counter(), StringComparer.Ordinal);
        var segmentByChain = chains.ToDictionary(c => c.Chain.Code, _ => new Counter(), StringComparer.Ordinal);
        var segmentByTier = Enum.GetValues<Tier>().ToDictionary(t => t, _ => new Counter());
        var bandCounts = new int[BandEdges.Length - 1];
        var bandCorrect = new int[BandEdges.Length - 1];
        var unconfirmed = 0;
        var chainLevelFirst = 0;
        var chainLevelAny = 0;
        var byBasis = new SortedDictionary<string, (int Count, int Correct, double Confidence)>(StringComparer.Ordinal);
        var mistakes = new List<EvaluationMistake>();
        var causes = new Dictionary<(string Kind, string Chain, string Basis, string Cause), (int Count, int ChainRight, int SegmentRight, int First, int Any)>();
        void Note(string kind, string chainCode, string basis, string cause, bool chainRight, bool segmentRight, bool first = false, bool any = false)
        {
            var old = causes.GetValueOrDefault((kind, chainCode, basis, cause));
            causes[(kind, chainCode, basis, cause)] = (old.Count + 1, old.ChainRight + (chainRight ? 1 : 0), old.SegmentRight + (segmentRight ? 1 : 0),
                old.First + (first ? 1 : 0), old.Any + (any ? 1 : 0));
        }

        foreach (var company in companies)
        {
            var predicted = classify(company.Text);
            var truth = company.Segments.Where(segmentsByCode.ContainsKey).ToHashSet(StringComparer.Ordinal);
            var guessed = predicted.Where(p => !p.ChainLevel).Select(p => p.Segment.Code).ToHashSet(StringComparer.Ordinal);
            var trueChains = truth.Select(s => segmentsByCode[s].ChainCode).ToHashSet(StringComparer.Ordinal);
            var guessedChains = predicted.Select(p => p.Segment.ChainCode).ToHashSet(StringComparer.Ordinal);
            segment.Add(guessed.Count(truth.Contains), guessed.Count, truth.Count);
            chain.Add(guessedChains.Count(trueChains.Contains), guessedChains.Count, trueChains.Count);
            var sure = predicted.Where(p => p.IsConfirmedByRule && !p.ChainLevel).Select(p => p.Segment.Code).ToList();
            confirmed.Add(sure.Count(truth.Contains), sure.Count, truth.Count);
            foreach (var (code, counter) in chainByChain)
            {
                counter.Add(guessedChains.Contains(code) && trueChains.Contains(code) ? 1 : 0, guessedChains.Contains(code) ? 1 : 0, trueChains.Contains(code) ? 1 : 0);
            }

            foreach (var (code, counter) in segmentByChain)
            {
                counter.Add(guessed.Count(s => truth.Contains(s) && segmentsByCode[s].ChainCode == code), guessed.Count(s => segmentsByCode[s].ChainCode == code), truth.Count(s => segmentsByCode[s].ChainCode == code));
            }

            foreach (var (tier, counter) in segmentByTier)
            {
                counter.Add(guessed.Count(s => truth.Contains(s) && segmentsByCode[s].Tier == tier), guessed.Count(s => segmentsByCode[s].Tier == tier), truth.Count(s => segmentsByCode[s].Tier == tier));
            }

            foreach (var match in predicted)
            {
                if (match.ChainLevel)
                {
                    // A chain-level membership claims no segment: it counts in the chain figures and here, not in the segment ones.
                    var right = trueChains.Contains(match.Segment.ChainCode);
                    chainLevel.Add(right ? 1 : 0, 1, 0);
                    unconfirmed += match.IsConfirmedByRule ? 0 : 1;
                    var first = match.SuggestedSegments.Count > 0 && truth.Contains(match.SuggestedSegments[0]);
                    var any = match.SuggestedSegments.Any(truth.Contains);
                    chainLevelFirst += first ? 1 : 0;
                    chainLevelAny += any ? 1 : 0;
                    Note("chain-level", match.Segment.ChainCode, match.Basis, CauseOf(match.Evidence), right, false, first, any);
                    continue;
                }

                var band = Array.FindLastIndex(BandEdges, e => match.Confidence >= e);
                band = Math.Clamp(band, 0, bandCounts.Length - 1);
                bandCounts[band]++;
                bandCorrect[band] += truth.Contains(match.Segment.Code) ? 1 : 0;
                unconfirmed += match.IsConfirmedByRule ? 0 : 1;
                var basis = byBasis.GetValueOrDefault(match.Basis);
                byBasis[match.Basis] = (basis.Count + 1, basis.Correct + (truth.Contains(match.Segment.Code) ? 1 : 0), basis.Confidence + match.Confidence);
                Note("proposed", match.Segment.ChainCode, match.Basis, CauseOf(match.Evidence), trueChains.Contains(match.Segment.ChainCode), truth.Contains(match.Segment.Code));
            }

            foreach (var missed in trueChains.Where(c => !guessedChains.Contains(c)))
            {
                var elsewhere = guessedChains.Count == 0 ? "nothing proposed" : "placed in " + string.Join('+', guessedChains.Order(StringComparer.Ordinal));
                Note("missed", missed, elsewhere, "行业: " + (company.Text.Industry ?? "-"), false, false);
            }

            // A row is a mistake when its segments or its chains differ from the label: a chain-level membership of a row labelled
            // none claims no segment, so only its chain shows it is wrong.
            if (!guessed.SetEquals(truth) || !guessedChains.SetEquals(trueChains))
            {
                mistakes.Add(new EvaluationMistake(company, predicted));
            }
        }

        return new ClassifierReport(
            companies.Count,
            chain.Result(),
            segment.Result(),
            chainByChain.ToDictionary(p => p.Key, p => p.Value.Result(), StringComparer.Ordinal),
            segmentByChain.ToDictionary(p => p.Key, p => p.Value.Result(), StringComparer.Ordinal),
            segmentByTier.ToDictionary(p => p.Key, p => p.Value.Result()),
            bandCounts.Select((count, i) => new ConfidenceBand(BandEdges[i], Math.Min(1, BandEdges[i + 1]), count, bandCorrect[i])).ToList(),
            unconfirmed,
            confirmed.Result(),
            mistakes)
        {
            ChainLevel = chainLevel.Result(),
            ChainLevelFirstSuggested = chainLevelFirst,
            ChainLevelAnySuggested = chainLevelAny,
            ByBasis = byBasis.Select(p => (p.Key, p.Value.Count, p.Value.Correct, p.Value.Confidence / p.Value.Count)).ToList(),
            Causes = causes.Select(p => new EvaluationCause(p.Key.Kind, p.Key.Chain, p.Key.Basis, p.Key.Cause, p.Value.Count, p.Value.ChainRight, p.Value.SegmentRight, p.Value.First, p.Value.Any))
                .OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Chain, StringComparer.Ordinal).ThenByDescending(c => c.Count - c.ChainRight)
                .ThenBy(c => c.Cause, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// The rule behind a membership, from its evidence: the label or industry word it guessed from (推断: 工程机械), else the
    /// sources' words (产品: 锂电池); the industry code and the sources' worth are left out, so that companies group by rule.
    /// </summary>
    internal static string CauseOf(string evidence)
    {
        var parts = (evidence ?? string.Empty).Split("; ", StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("独立依据", StringComparison.Ordinal)).ToList();
        var guess = parts.Find(p => p.StartsWith("推断", StringComparison.Ordinal));
        if (guess is not null)
        {
            return guess;
        }

        var words = parts.Where(p => !p.StartsWith("行业代码", StringComparison.Ordinal)).ToList();
        return words.Count > 0 ? string.Join("; ", words) : string.Join("; ", parts);
    }

    private sealed class Counter
    {
        private int truePositives;
        private int predicted;
        private int labelled;

        public void Add(int tp, int p, int l)
        {
            truePositives += tp;
            predicted += p;
            labelled += l;
        }

        public PrecisionRecall Result() => new(truePositives, predicted, labelled);
    }
}
