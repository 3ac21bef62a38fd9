using ChainMap.Chains;
using ChainMap.Import;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Evaluation;

/// <summary>
/// The classifier measured on the hand-labelled companies (labelled/dev.csv, labelled/holdout.csv):
/// fails when chain- or segment-level precision or recall drops below the recorded baseline. The
/// baselines are the figures measured when the rules were last tuned (docs/benchmarks.md,
/// "Classifier"), rounded down to the whole per cent and minus one point more, so that a
/// one-company change of a label or a rule does not fail the build but a real regression does.
/// Raise them when the classifier improves. Tuned on dev only; holdout is the "lists it was not
/// tuned on" figure; fresh (195 Jiangsu registrations of 2004, labelled before any classifier ran
/// on them) is the independent second check of issue #19 and is never tuned on either. products-dev and
/// products-holdout (issue #19 round 4) are the halves of a set whose rows carry main products and an industry name:
/// the dev half may be tuned on, the holdout half never.
/// </summary>
[TestFixture]
internal sealed class ClassifierEvaluationTests
{
    // set, chain precision, chain recall, segment precision, segment recall (measured − margin, in per cent)
    private static readonly object[] Baselines =
    [
        // Issue #19 round 4 (s24-classify, docs/benchmarks.md "Issue #19, round 4 (classifier)"): measured, rounded down,
        // minus one point. dev 89.4 / 71.4 / 56.6 / 39.8, holdout 85.5 / 66.8 / 48.7 / 33.1, fresh 82.9 / 45.9 / 64.3 / 34.2.
        new object[] { "dev", 88.0, 70.0, 55.0, 38.0 },
        new object[] { "holdout", 84.0, 65.0, 47.0, 32.0 },
        new object[] { "fresh", 81.0, 44.0, 63.0, 33.0 },
        // products-dev 73.4 / 68.5 / 59.2 / 51.6, products-holdout 67.6 / 67.2 / 50.5 / 45.4 (main 08a2bcb: 54.2 / 72.1 /
        // 37.2 / 49.8 and 53.7 / 71.3 / 37.5 / 50.2). Precision rose 13–22 points; chain recall fell 4 points on both halves
        // and segment recall 5 on products-holdout (a group's side lines no longer place it, ADR 0202), so those three
        // baselines are lowered (71 → 67, 70 → 66, 49 → 44); the reasons are in docs/benchmarks.md.
        // Merged with round 4b (申万 2021 names, data/industry/sw2021.csv, ADR 0199) on main b27c39f: products-dev 77.5 / 71.6 /
        // 64.2 / 55.1, products-holdout 74.7 / 69.5 / 58.8 / 48.8 (dev, holdout and fresh as above).
        new object[] { "products-dev", 76.0, 70.0, 63.0, 54.0 },
        new object[] { "products-holdout", 73.0, 68.0, 57.0, 47.0 },
    ];

    [TestCaseSource(nameof(Baselines))]
    public async Task Precision_and_recall_stay_at_or_above_the_baseline(string set, double chainPrecision, double chainRecall, double segmentPrecision, double segmentRecall)
    {
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
        var path = Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled", set + ".csv");
        var companies = await ClassifierEvaluation.ReadAsync(path, CancellationToken.None);
        var classifier = new CompanyClassifier(chains);

        var report = ClassifierEvaluation.Evaluate(companies, chains, classifier.Classify);

        Assert.That(companies, Has.Count.GreaterThan(100));
        Assert.Multiple(() =>
        {
            Assert.That(report.Chain.Precision * 100, Is.GreaterThanOrEqualTo(chainPrecision), "chain precision");
            Assert.That(report.Chain.Recall * 100, Is.GreaterThanOrEqualTo(chainRecall), "chain recall");
            Assert.That(report.Segment.Precision * 100, Is.GreaterThanOrEqualTo(segmentPrecision), "segment precision");
            Assert.That(report.Segment.Recall * 100, Is.GreaterThanOrEqualTo(segmentRecall), "segment recall");
        });
    }

    [Test]
    public async Task The_earlier_keyword_matcher_is_below_the_baseline_so_the_test_can_fail()
    {
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
        var path = Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled", "dev.csv");
        var companies = await ClassifierEvaluation.ReadAsync(path, CancellationToken.None);
        var matcher = new SegmentMatcher(chains);

        var report = ClassifierEvaluation.Evaluate(companies, chains, c => matcher.MatchText(string.Join(' ', new[] { c.Products ?? c.Scope, c.Industry, c.Name }.Where(t => t is not null)), limit: 2));

        Assert.That(report.Chain.Recall * 100, Is.LessThan((double)((object[])Baselines[0])[2]));
    }
}
