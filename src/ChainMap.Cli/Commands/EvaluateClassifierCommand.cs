using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChainMap.Chains;
using ChainMap.Import;
using ChainMap.Seeding;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap evaluate-classifier [--set dev|holdout|fresh|products-dev|products-holdout|codes|codes-dev|codes-holdout|registers|registers-random|registers-shown|registers-dev|registers-dev2|registers-dev3|registers-dev4|registers-dev5|registers-dev6|registers-dev7|registers-dev8|registers-dev9|registers-dev10|registers-dev11|registers-dev12|registers-dev13|registers-dev14|registers-dev15|registers-dev16|registers-habits|products-blind|products-zq|modern-dev|modern-holdout|modern-blind|all]</c>: measures the
/// segment classifier on the hand-labelled companies (tests/ChainMap.Tests/Evaluation/labelled): precision and recall
/// at chain and segment level, per chain and tier, per confidence band, and the unconfirmed share. The products
/// halves carry what real lists carry most: a full name, an industry label and the main products; codes (and its halves
/// codes-dev, codes-holdout: tune on the first only) carries what vendor and register exports carry: a CSRC industry code and name, the address and a long 经营范围.
/// registers (parts registers-random and registers-shown) is 300 register rows of four province/year files nobody had read,
/// sampled at random (and at random among the rows the classifier confirmed), never tuned on. registers-dev (session 30) is
/// 240 random register rows of four other files, registers-dev2 (session 31), registers-dev3 (session 32) and registers-dev4
/// (session 33) 160 of four more each: the register rows one may tune on. registers-dev5 (session 36), 160 of four more files, was
/// measured blind in session 36 and may be tuned on from session 37. registers-dev6 (session 37), 160 of four more files, was
/// labelled before any classifier ran on it and measured blind in session 37; registers-dev7 (session 39), 120 of four more files,
/// the same, measured blind in session 39; registers-dev8 (session 40), 120 of four more files, the same, measured blind in
/// session 40; registers-dev9 (session 41), 120 of four more files, the same, measured blind in session 41; registers-dev10
/// (session 42), 120 of four more files, the same, measured blind in session 42; registers-habits (session 42), 60 rows of two
/// more files whose licence carries 许可经营项目：无 or the reform preamble, the same (ADR 0615); registers-dev11 (session 43), 120 of four
/// more files, the same, measured blind in session 43; registers-dev12 (session 44), 120 of four more files, the same, measured blind
/// in session 44; registers-dev13 (session 45), 120 of four more files, the same, measured blind in session 45;
/// registers-dev14 (session 46), 120 of four more files, the same, measured blind in session 46; registers-dev15 (session 47), 120 of
/// four more files (of 1987-1989), the same, measured blind in session 47; registers-dev16 (session 48), 120 of four more files
/// (of 1990-1991), the same, measured blind in session 48. products-blind (session 37) is 120 random listed
/// companies with industry and main products of the products source that no set held, labelled the same way, measured blind;
/// products-zq (session 46) is 120 more such companies, 80 of them of the 申万 industries where 专汽 companies and their look-alikes sit,
/// measured blind once, then tuned on.
/// modern-dev and modern-holdout (session 43) are listed companies whose 经营范围 is written in the 2021+ catalogue format (一般项目/许可项目,
/// 规范表述): tune on the first only; the second was labelled before any classifier ran on it (ADR 0620). modern-blind (session 43, s43-cat)
/// is 11 listed companies of three further files of the same source, labelled and committed before any classifier ran on it (ADR 0635).
/// </summary>
internal static class EvaluateClassifierCommand
{
    /// <summary>The labelled sets, each a file <c>{name}.csv</c> in the labelled folder.</summary>
    private static readonly string[] Sets = ["dev", "holdout", "fresh", "products-dev", "products-holdout", "codes", "codes-dev", "codes-holdout", "registers", "registers-dev", "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5", "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10", "registers-dev11", "registers-dev12", "registers-dev13", "registers-dev14", "registers-dev15", "registers-dev16", "registers-habits", "products-blind", "products-zq", "modern-dev", "modern-holdout", "modern-blind"];

    /// <summary>The two parts of registers.csv, each a file of its own: asked for by name, not part of <c>all</c> (registers holds them).</summary>
    private static readonly string[] Parts = ["registers-random", "registers-shown"];

    public static Command Create()
    {
        var set = new Option<string>("--set")
        {
            Description = "dev, holdout, fresh (never tuned on), products-dev, products-holdout (never tuned on), codes (whole), codes-dev, codes-holdout (never tuned on), registers, registers-random, registers-shown (never tuned on), registers-dev, registers-dev2, registers-dev3, registers-dev4, registers-dev5, registers-dev6, registers-dev7, registers-dev8, registers-dev9, registers-dev10, registers-dev11, registers-dev12 (never tuned on in session 44's first round), registers-dev13 (never tuned on in session 45), registers-dev14 (never tuned on in session 46's first round), registers-dev15 (measured blind in session 47 before its recall round), registers-dev16 (measured blind in session 48 before its recall round), registers-habits, products-blind (never tuned on), products-zq (measured blind in session 46, then tuned on), modern-dev, modern-holdout, modern-blind (never tuned on) or all",
            DefaultValueFactory = _ => "dev",
        };
        set.AcceptOnlyFromAmong([.. Sets, .. Parts, "all"]);
        var classifier = new Option<string>("--classifier")
        {
            Description = "rules (the import's classifier) or keywords (the earlier keyword matcher, for before/after)",
            DefaultValueFactory = _ => "rules",
        };
        classifier.AcceptOnlyFromAmong("rules", "keywords");
        var labelled = new Option<DirectoryInfo?>("--labelled") { Description = "Folder with the sets' .csv files (default: tests/ChainMap.Tests/Evaluation/labelled next to the data folder)" };
        var mistakes = new Option<int>("--mistakes") { Description = "Print up to N companies the classifier got wrong", DefaultValueFactory = _ => 0 };
        var causes = new Option<bool>("--causes") { Description = "Print the memberships proposed and the chains missed, by chain and by cause (the rule: source and word or label)" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data folder (default: found above the working directory)" };
        var command = new Command("evaluate-classifier", "Measure the segment classifier on the hand-labelled companies") { set, classifier, labelled, mistakes, causes, data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dataPath = DefaultData.Locate(result.GetValue(data)?.FullName) ?? throw new InvalidOperationException("No data folder found; pass --data.");
            var folder = result.GetValue(labelled)?.FullName
                ?? Path.Combine(Path.GetDirectoryName(dataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled");
            var which = result.GetValue(set)!;
            var files = which == "all" ? Sets : [which];
            var missing = files.Select(f => Path.Combine(folder, f + ".csv")).Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                await Console.Error.WriteLineAsync($"labelled set not found: {string.Join(", ", missing)} (pass --labelled)");
                return 2;
            }

            var read = await ChainCsv.ReadFolderAsync(Path.Combine(dataPath, "chains"), cancellationToken);
            if (read.Problems.Count > 0)
            {
                await Console.Error.WriteLineAsync("the chain definitions have problems: " + string.Join("; ", read.Problems.Select(p => $"{p.File}:{p.Line} {p.Reason}")));
                return 2;
            }

            var companies = new List<LabelledCompany>();
            foreach (var file in files)
            {
                companies.AddRange(await ClassifierEvaluation.ReadAsync(Path.Combine(folder, file + ".csv"), cancellationToken));
            }

            var matcher = new SegmentMatcher(read.Chains);
            Func<CompanyText, IReadOnlyList<SegmentMatch>> classify = result.GetValue(classifier) == "keywords"
                ? c => matcher.MatchText(string.Join(' ', new[] { c.Products ?? c.Scope, c.Industry, c.Name }.Where(t => t is not null)), limit: 2)
                : matcher.Classify;
            var clock = Stopwatch.StartNew();
            var report = ClassifierEvaluation.Evaluate(companies, read.Chains, classify);
            clock.Stop();
            Write(report, $"{which} ({string.Join(" + ", files.Select(f => f + ".csv"))}), classifier {result.GetValue(classifier)}", clock.Elapsed);
            WriteMistakes(report, result.GetValue(mistakes));
            if (result.GetValue(causes))
            {
                WriteCauses(report);
            }

            return 0;
        });
        return command;
    }

    private static void Write(ClassifierReport report, string title, TimeSpan elapsed)
    {
        static string Pct(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        static string Line(string name, PrecisionRecall pr) =>
            $"  {name,-12} precision {Pct(pr.Precision),8} ({pr.TruePositives}/{pr.Predicted})   recall {Pct(pr.Recall),8} ({pr.TruePositives}/{pr.Labelled})";

        Console.WriteLine($"{report.Companies} labelled companies: {title}; classified in {elapsed.TotalMilliseconds:0} ms (first call builds the classifier)");
        Console.WriteLine("level");
        Console.WriteLine(Line("chain", report.Chain));
        Console.WriteLine(Line("segment", report.Segment));
        Console.WriteLine(Line("confirmed", report.ConfirmedSegment) + "   (segment level, memberships at or above the threshold only)");
        Console.WriteLine($"  chain-level  {report.ChainLevel.Predicted} memberships name the chain only (环节待定), chain right {Pct(report.ChainLevel.Precision)} ({report.ChainLevel.TruePositives}/{report.ChainLevel.Predicted}): counted in chain, neither right nor wrong in segment");
        Console.WriteLine("chain level, per chain");
        foreach (var (code, pr) in report.ChainByChain)
        {
            Console.WriteLine(Line(code, pr));
        }

        Console.WriteLine("segment level, per chain");
        foreach (var (code, pr) in report.SegmentByChain)
        {
            Console.WriteLine(Line(code, pr));
        }

        Console.WriteLine("segment level, per tier");
        foreach (var (tier, pr) in report.SegmentByTier)
        {
            Console.WriteLine(Line(tier.ToString().ToLowerInvariant(), pr));
        }

        Console.WriteLine("confidence bands (memberships proposed; share whose segment is right)");
        foreach (var band in report.Bands)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{band.From:0.00}, {band.To:0.00}{(band.To >= 1 ? "]" : ")")}  {band.Count,5}  right {Pct(band.Accuracy),8}"));
        }

        Console.WriteLine("by independent sources (memberships; share right; mean confidence)");
        foreach (var (basis, count, correct, mean) in report.ByBasis)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(basis.Length == 0 ? "-" : basis),-16} {count,5}  right {Pct((double)correct / count),8}  mean confidence {mean:0.00}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"unconfirmed (confidence < {ClassifierRules.ConfirmThreshold:0.00}, 待确认): {report.Unconfirmed} of {report.Segment.Predicted + report.ChainLevel.Predicted} memberships = {Pct(report.UnconfirmedShare)}"));
    }

    /// <summary>False positives (wrong chain, wrong segment) and missed chains, grouped by chain and by rule, not by company.</summary>
    private static void WriteCauses(ClassifierReport report)
    {
        Console.WriteLine("proposed memberships by chain and cause (count; chain wrong; segment wrong; basis; cause)");
        foreach (var c in report.Causes.Where(c => c.Kind == "proposed"))
        {
            Console.WriteLine($"  {c.Chain,-4} {c.Count,4}  chain wrong {c.Count - c.ChainRight,3}  segment wrong {c.Count - c.SegmentRight,3}  {c.Basis,-12} {c.Cause}");
        }

        Console.WriteLine($"chain-level memberships by chain and cause (count; chain wrong; first suggestion labelled; any suggestion labelled; basis; cause): "
            + $"{report.ChainLevel.Predicted} in all, first {report.ChainLevelFirstSuggested}, any {report.ChainLevelAnySuggested}");
        foreach (var c in report.Causes.Where(c => c.Kind == "chain-level"))
        {
            Console.WriteLine($"  {c.Chain,-4} {c.Count,4}  chain wrong {c.Count - c.ChainRight,3}  first {c.FirstSuggested,3}  any {c.AnySuggested,3}  {c.Basis,-12} {c.Cause}");
        }

        Console.WriteLine("missed chains by chain and cause (count; what was proposed instead; the row's industry cell)");
        foreach (var c in report.Causes.Where(c => c.Kind == "missed"))
        {
            Console.WriteLine($"  {c.Chain,-4} {c.Count,4}  {c.Basis,-20} {c.Cause}");
        }
    }

    private static void WriteMistakes(ClassifierReport report, int limit)
    {
        foreach (var mistake in report.Mistakes.Take(limit))
        {
            var c = mistake.Company;
            Console.WriteLine($"{c.Id} {c.Text.Name} [{c.Text.Industry}] labelled {(c.Segments.Count == 0 ? "none" : string.Join("|", c.Segments))} got "
                + string.Join(" ", mistake.Predicted.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.MembershipCode}({p.Confidence:0.00}: {p.Evidence})"))));
        }
    }
}
