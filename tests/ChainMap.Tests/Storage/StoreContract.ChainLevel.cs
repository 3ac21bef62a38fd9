using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// Chain-level memberships (ADR 0370): a membership stored under the chain's code (环节待定) is read back, found by chain and in
/// the review queue, kept by a chain save, merged on re-import, replaced by re-classification, undone with its import and
/// tombstoned by an analyst's rejection like any other; it is in no segment's figure, even confirmed.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly ImportStamp ChainLevelSecond = new("imp-chain-2", "chain-2.csv", new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

    private static SegmentMembership ChainGuess(double confidence, MembershipStatus status, string chain = "T1") =>
        new(chain, "maker", confidence, ChainLevelMemberships.EvidencePrefix + "汽车配件; 推断: 汽车配件", MembershipSources.Classifier("test.csv"), status);

    /// <summary>甲 is in T1 at chain level, 待确认, by the first (bulk) import; 乙 is in T1 at chain level, confirmed, by a second one.</summary>
    private async Task<(long Unsure, long Sure)> SeedChainLevelAsync()
    {
        await SeedRegionsAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var unsure = (await Store.UpsertCompaniesAsync(
            [Company("链级甲汽配有限公司", "320505", capital: 700m) with { Memberships = [ChainGuess(0.44, MembershipStatus.Unconfirmed)] }],
            Stamp, CancellationToken.None))[0].CompanyId;
        var sure = (await Store.UpsertCompaniesAsync(
            [Company("链级乙汽配有限公司", "320505", capital: 900m) with { Memberships = [ChainGuess(0.7, MembershipStatus.Confirmed)] }],
            Stamp, CancellationToken.None))[0].CompanyId;
        return (unsure, sure);
    }

    [Test]
    public async Task A_chain_level_membership_reads_back_is_found_by_chain_and_counts_in_no_segment()
    {
        var (unsure, sure) = await SeedChainLevelAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);

        var membership = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single();
        Assert.That((membership.SegmentCode, membership.Status, membership.IsClassified), Is.EqualTo(("T1", MembershipStatus.Unconfirmed, true)), "a chain save keeps it");
        Assert.That(membership.Evidence, Does.StartWith("链级: 汽车配件"));
        Assert.That((await Store.GetCompaniesAsync([sure], CancellationToken.None)).Single().Memberships.Single().SegmentCode, Is.EqualTo("T1"));

        var byChain = await Store.SearchCompaniesAsync(new CompanyQuery(null, "T1", null, null, 1, 10), CancellationToken.None);
        Assert.That(byChain.Items.Select(c => c.Id), Is.EquivalentTo(new[] { unsure, sure }), "a chain's company search finds its chain-level members");
        var byChainAndName = await Store.SearchCompaniesAsync(new CompanyQuery("链级甲", "T1", null, null, 1, 10), CancellationToken.None);
        Assert.That(byChainAndName.Items.Select(c => c.Id), Is.EqualTo(new[] { unsure }));
        var bySegment = await Store.SearchCompaniesAsync(new CompanyQuery(null, null, ["T1-PART", "T1-PART-PUMP", "T1-RAW", "T1-VEH", "T1-SVC"], null, 1, 10), CancellationToken.None);
        Assert.That(bySegment.Items, Is.Empty, "no segment lists them");

        var queue = await Store.ListMembershipsAsync(new MembershipListQuery(null, null, "T1", null, null, null, 1, 10), CancellationToken.None);
        Assert.That(queue.Items.Select(i => (i.CompanyId, i.ChainCode, i.Membership.SegmentCode)), Is.EquivalentTo(new[] { (unsure, "T1", "T1"), (sure, "T1", "T1") }));

        // Confirmed or not, a chain-level membership is in no segment's figure, target list or count of 待确认.
        var stats = await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None);
        Assert.That(stats.Sum(s => s.Elsewhere.Companies + s.Local.Companies), Is.Zero);
        Assert.That(stats.Select(s => s.SegmentCode), Has.None.EqualTo("T1"));
        var presence = await Store.CountBySegmentAsync("T1", ElsewhereScope, CancellationToken.None);
        Assert.That(presence.Sum(p => p.Companies), Is.Zero);
        var candidates = await Store.FindTargetCandidatesAsync(
            new TargetCandidateQuery(["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC"], null, DiscoveryGraph.HomeCodes, [], null, 10), CancellationToken.None);
        Assert.That(candidates.Total, Is.Zero);
        Assert.That(await Store.CountUnconfirmedBySegmentAsync("T1", null, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task A_reimport_merges_a_chain_level_membership_by_the_membership_rules()
    {
        var (unsure, sure) = await SeedChainLevelAsync();

        await Store.UpsertCompaniesAsync(
        [
            Company("链级甲汽配有限公司", "320505", capital: 700m) with { Memberships = [ChainGuess(0.65, MembershipStatus.Confirmed)] },
            Company("链级乙汽配有限公司", "320505", capital: 900m) with { Memberships = [ChainGuess(0.4, MembershipStatus.Unconfirmed)] },
        ], ChainLevelSecond, CancellationToken.None);

        var raised = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single();
        var kept = (await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships.Single();
        Assert.That((raised.SegmentCode, raised.Status, raised.Confidence), Is.EqualTo(("T1", MembershipStatus.Confirmed, 0.65)));
        Assert.That((kept.SegmentCode, kept.Status, kept.Confidence), Is.EqualTo(("T1", MembershipStatus.Confirmed, 0.7)), "a guess never downgrades a confirmed one");
    }

    [Test]
    public async Task Reclassification_replaces_a_segment_guess_by_a_chain_level_one_and_back()
    {
        var (unsure, _) = await SeedChainLevelAsync();

        await Store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(unsure, [Guess("T1-PART", 0.5, MembershipStatus.Unconfirmed)])], CancellationToken.None);
        Assert.That((await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-PART" }));

        await Store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(unsure, [ChainGuess(0.45, MembershipStatus.Unconfirmed)])], CancellationToken.None);
        var memberships = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships;
        Assert.That(memberships.Select(m => (m.SegmentCode, m.Status)), Is.EqualTo(new[] { ("T1", MembershipStatus.Unconfirmed) }));
        var queue = await Store.ListMembershipsAsync(new MembershipListQuery(MembershipStatus.Unconfirmed, null, "T1", null, null, null, 1, 10), CancellationToken.None);
        Assert.That(queue.Items.Select(i => i.Membership.SegmentCode), Is.EqualTo(new[] { "T1" }));
    }

    [Test]
    public async Task An_analyst_gives_a_chain_level_membership_a_segment_and_its_tombstone_keeps_the_guess_away()
    {
        var (unsure, _) = await SeedChainLevelAsync();

        var result = await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(unsure, "T1-PART", new SegmentMembership("T1-PART", "maker", 1.0, "analyst", MembershipSources.Analyst)),
            new MembershipWrite(unsure, "T1", null),
        ], new Dictionary<long, long>(), Stamp.At, "analyst-1", CancellationToken.None);

        Assert.That(result.Written, Is.True);
        var memberships = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships;
        Assert.That(memberships.Select(m => (m.SegmentCode, m.IsClassified)), Is.EqualTo(new[] { ("T1-PART", false) }));
        Assert.That((await Store.ListRejectionsAsync([unsure], CancellationToken.None)).Select(r => r.SegmentCode), Is.EqualTo(new[] { "T1" }));
        var stats = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).Single(s => s.SegmentCode == "T1-PART");
        Assert.That(stats.Elsewhere.Companies, Is.EqualTo(1), "the analyst's segment counts at once");

        await Store.UpsertCompaniesAsync(
            [Company("链级甲汽配有限公司", "320505", capital: 700m) with { Memberships = [ChainGuess(0.9, MembershipStatus.Confirmed)] }],
            ChainLevelSecond, CancellationToken.None);
        Assert.That((await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-PART" }),
            "no import brings back the chain-level guess the analyst settled");
    }

    [Test]
    public async Task Undo_restores_the_chain_level_membership_an_import_changed()
    {
        var (unsure, _) = await SeedChainLevelAsync();
        await Store.UpsertCompaniesAsync(
            [Company("链级甲汽配有限公司", "320505", capital: 700m) with { Memberships = [ChainGuess(0.65, MembershipStatus.Confirmed), Guess("T1-VEH", 0.5, MembershipStatus.Unconfirmed)] }],
            ChainLevelSecond, CancellationToken.None);

        var outcome = await Store.UndoImportAsync(UndoneJob(ChainLevelSecond.ImportId), UndoThird.At, CancellationToken.None);

        Assert.That(outcome.Undone, Is.True, string.Join("; ", outcome.Decision?.Blockers ?? []));
        var membership = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single();
        Assert.That((membership.SegmentCode, membership.Status, membership.Confidence), Is.EqualTo(("T1", MembershipStatus.Unconfirmed, 0.44)));
    }
    // The suggested segments of a chain-level membership (ADR 0405) are part of its evidence: the company read, the review queue's
    // chain-level filter (the chain's code as segment) and a re-import's merge keep them; an evidence written before them suggests none.
    [Test]
    public async Task A_chain_level_membership_keeps_its_suggested_segments()
    {
        var (unsure, sure) = await SeedChainLevelAsync();
        var evidence = ChainLevelMemberships.EvidencePrefix + "汽车配件; " + ChainLevelMemberships.SuggestionsPart(["T1-PART", "T1-VEH"]) + "; 推断: 汽车配件";
        var suggesting = ChainGuess(0.5, MembershipStatus.Unconfirmed) with { Evidence = evidence };
        await Store.UpsertCompaniesAsync(
            [Company("链级甲汽配有限公司", "320505", capital: 700m) with { Memberships = [suggesting] }], ChainLevelSecond, CancellationToken.None);

        var read = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single();
        Assert.That((read.SegmentCode, read.Evidence), Is.EqualTo(("T1", evidence)));
        Assert.That(read.SuggestedSegments(), Is.EqualTo(new[] { "T1-PART", "T1-VEH" }));

        var queue = await Store.ListMembershipsAsync(new MembershipListQuery(null, null, null, ["T1"], null, null, 1, 10), CancellationToken.None);
        Assert.That(queue.Items.Select(i => (i.CompanyId, string.Join(",", i.Membership.SuggestedSegments()))),
            Is.EquivalentTo(new[] { (unsure, "T1-PART,T1-VEH"), (sure, "") }), "the older evidence suggests nothing");
        var bySegment = await Store.ListMembershipsAsync(new MembershipListQuery(null, null, null, ["T1-PART"], null, null, 1, 10), CancellationToken.None);
        Assert.That(bySegment.Items, Is.Empty, "a suggestion is no membership of the segment");
    }

    // The chain map's count (ADR 0405) is its own read since ADR 0415: it must stay the review queue's chain-level total as
    // memberships are added, settled by an analyst and re-classified, confirmed or not; another chain's and a segment's are apart.
    [Test]
    public async Task The_chain_level_count_follows_the_memberships_and_is_the_review_queues_total()
    {
        var (unsure, sure) = await SeedChainLevelAsync();
        async Task<(long Count, long Queue)> CountsAsync() =>
            (await Store.CountChainLevelAsync("T1", CancellationToken.None),
             (await Store.ListMembershipsAsync(new MembershipListQuery(null, null, "T1", ["T1"], null, null, 1, 1), CancellationToken.None)).Total);

        Assert.That(await CountsAsync(), Is.EqualTo((2L, 2L)), "one 待确认 and one confirmed, both waiting for a segment");
        Assert.That(await Store.CountChainLevelAsync("T2", CancellationToken.None), Is.Zero, "a chain that does not exist has none");
        Assert.That(await Store.CountChainLevelAsync("T1-PART", CancellationToken.None), Is.Zero, "a segment's code counts no segment membership");

        await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(unsure, "T1-PART", new SegmentMembership("T1-PART", "maker", 1.0, "analyst", MembershipSources.Analyst)),
            new MembershipWrite(unsure, "T1", null),
        ], new Dictionary<long, long>(), Stamp.At, "analyst-1", CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo((1L, 1L)), "the one an analyst moved to a segment waits no longer");

        var third = (await Store.UpsertCompaniesAsync(
            [Company("链级丙汽配有限公司", "320505", capital: 800m) with { Memberships = [Guess("T1-VEH", 0.5, MembershipStatus.Unconfirmed)] }],
            ChainLevelSecond, CancellationToken.None))[0].CompanyId;
        Assert.That(await CountsAsync(), Is.EqualTo((1L, 1L)), "a segment membership is not counted");

        await Store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(third, [ChainGuess(0.45, MembershipStatus.Unconfirmed)])], CancellationToken.None);
        Assert.That(await CountsAsync(), Is.EqualTo((2L, 2L)), "re-classified to chain level, it waits");
        Assert.That(await Store.CountChainLevelAsync("T1", CancellationToken.None), Is.EqualTo(2), $"{sure} (confirmed) and {third} (待确认) alike");
    }

    // The suggestion job (ADR 0425) writes an old chain-level membership back with its suggestions through the re-classification's
    // write: every other field and the company's other classifier membership stay as they were, and so does another company.
    [Test]
    public async Task Suggestions_written_into_an_old_chain_level_membership_change_nothing_else()
    {
        var (unsure, sure) = await SeedChainLevelAsync();
        var old = ChainGuess(0.44, MembershipStatus.Unconfirmed) with { Role = "汽配" };
        var beside = Guess("T1-VEH", 0.5, MembershipStatus.Unconfirmed);
        await Store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(unsure, [old, beside])], CancellationToken.None);
        var before = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships;
        var other = (await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships;
        Assert.That(before.Where(ChainLevelMemberships.LacksSuggestions).Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1" }));

        var filled = before.Select(m => ChainLevelMemberships.LacksSuggestions(m) ? m with { Evidence = ChainLevelMemberships.WithSuggestions(m.Evidence!, ["T1-PART", "T1-VEH"]) } : m).ToList();
        await Store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(unsure, filled)], CancellationToken.None);

        var after = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.OrderBy(m => m.SegmentCode, StringComparer.Ordinal).ToList();
        Assert.That(after, Is.EqualTo(filled.OrderBy(m => m.SegmentCode, StringComparer.Ordinal).ToList()), "every field as written");
        var chainLevel = after.Single(m => m.SegmentCode == "T1");
        Assert.That((chainLevel.Evidence, chainLevel.Confidence, chainLevel.Status, chainLevel.Source, chainLevel.Role),
            Is.EqualTo(("链级: 汽车配件; 可定环节: T1-PART、T1-VEH; 推断: 汽车配件", 0.44, MembershipStatus.Unconfirmed, old.Source, "汽配")));
        Assert.That(after.Single(m => m.SegmentCode == "T1-VEH"), Is.EqualTo(before.Single(m => m.SegmentCode == "T1-VEH")));
        Assert.That((await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships, Is.EqualTo(other), "another company is not written");
        var queue = await Store.ListMembershipsAsync(new MembershipListQuery(null, null, null, ["T1"], null, null, 1, 10), CancellationToken.None);
        Assert.That(queue.Items.Single(i => i.CompanyId == unsure).Membership.SuggestedSegments(), Is.EqualTo(new[] { "T1-PART", "T1-VEH" }));
    }
}
