using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// Membership status (待确认): stored and read back, left out of every discovery aggregate until it is
/// confirmed, counted apart, merged on re-import without downgrading, and replaced by re-classification
/// only where the classifier made it.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly string[] ElsewhereScope = ["320000"];

    private static SegmentMembership Guess(string segment, double confidence, MembershipStatus status, string evidence = "名称: 泵") =>
        new(segment, "maker", confidence, evidence, MembershipSources.Classifier("test.csv"), status);

    private async Task<(long Sure, long Unsure)> SeedStatusCompaniesAsync()
    {
        await SeedRegionsAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        // The first import into an empty store is the bulk path (discovery tables rebuilt at the end); the second is row by row.
        var first = await Store.UpsertCompaniesAsync(
            [Company("确定泵业有限公司", "320505", capital: 1000m) with { Memberships = [Guess("T1-PART-PUMP", 0.8, MembershipStatus.Confirmed)] }],
            Stamp, CancellationToken.None);
        var second = await Store.UpsertCompaniesAsync(
            [Company("疑似泵业有限公司", "320505", capital: 500m) with
            {
                Memberships = [Guess("T1-PART-PUMP", 0.45, MembershipStatus.Unconfirmed)],
                Industry = "通用设备制造业",
                Scope = "泵及真空设备制造",
            }],
            Stamp, CancellationToken.None);
        return (first[0].CompanyId, second[0].CompanyId);
    }

    [Test]
    public async Task Membership_status_industry_and_scope_read_back()
    {
        var (sure, unsure) = await SeedStatusCompaniesAsync();

        var confirmed = await Store.GetCompanyAsync(sure, CancellationToken.None);
        var unconfirmed = await Store.GetCompanyAsync(unsure, CancellationToken.None);
        var listed = await Store.GetCompaniesAsync([unsure], CancellationToken.None);

        Assert.That(confirmed!.Memberships.Single().Status, Is.EqualTo(MembershipStatus.Confirmed));
        Assert.That(unconfirmed!.Memberships.Single().Status, Is.EqualTo(MembershipStatus.Unconfirmed));
        Assert.That(unconfirmed.Memberships.Single().Confidence, Is.EqualTo(0.45).Within(1e-9));
        Assert.That(unconfirmed.Memberships.Single().IsClassified, Is.True);
        Assert.That(listed.Single().Memberships.Single().Status, Is.EqualTo(MembershipStatus.Unconfirmed));
        Assert.That((unconfirmed.Industry, unconfirmed.Scope), Is.EqualTo(("通用设备制造业", "泵及真空设备制造")));
    }

    [Test]
    public async Task Unconfirmed_memberships_count_apart_and_in_no_discovery_aggregate()
    {
        var (sure, _) = await SeedStatusCompaniesAsync();

        var stats = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).Single(s => s.SegmentCode == "T1-PART-PUMP");
        var places = await Store.CountSegmentPlacesAsync("T1", null, DiscoveryGraph.HomeCodes, CancellationToken.None);
        var candidates = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(["T1-PART-PUMP"], null, DiscoveryGraph.HomeCodes, [], null, 10), CancellationToken.None);
        var presence = await Store.CountBySegmentAsync("T1", ElsewhereScope, CancellationToken.None);
        var unconfirmed = await Store.CountUnconfirmedBySegmentAsync("T1", null, CancellationToken.None);

        Assert.That(stats.Elsewhere.Companies, Is.EqualTo(1));
        Assert.That(stats.Elsewhere.RegisteredCapital, Is.EqualTo(1000m));
        Assert.That(places.Where(p => p.SegmentCode == "T1-PART-PUMP").Sum(p => p.Companies), Is.EqualTo(1));
        Assert.That(candidates.Candidates.Select(c => c.CompanyId), Is.EqualTo(new[] { sure }));
        Assert.That(candidates.Total, Is.EqualTo(1));
        Assert.That(presence.Single(p => p.SegmentCode == "T1-PART-PUMP").Companies, Is.EqualTo(1));
        Assert.That(unconfirmed, Is.EqualTo(new Dictionary<string, int> { ["T1-PART-PUMP"] = 1 }));
        Assert.That(await Store.CountUnconfirmedBySegmentAsync("T1", ElsewhereScope, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That(await Store.CountUnconfirmedBySegmentAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Setting_a_membership_confirmed_counts_it_at_once_and_back_to_unconfirmed_removes_it()
    {
        var (sure, unsure) = await SeedStatusCompaniesAsync();

        var version = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Version;
        Assert.That(await Store.SetMembershipStatusAsync(unsure, "T1-PART-PUMP", MembershipStatus.Confirmed, CancellationToken.None), Is.True);
        Assert.That((await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Version, Is.EqualTo(version + 1), "an analyst's change moves the version on (ADR 0197)");
        var stats = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).Single(s => s.SegmentCode == "T1-PART-PUMP");
        var candidates = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(["T1-PART-PUMP"], null, DiscoveryGraph.HomeCodes, [], null, 10), CancellationToken.None);
        var membership = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single();

        Assert.That(stats.Elsewhere.Companies, Is.EqualTo(2));
        Assert.That(stats.Elsewhere.RegisteredCapital, Is.EqualTo(1500m));
        Assert.That(candidates.Candidates.Select(c => c.CompanyId), Is.EquivalentTo(new[] { sure, unsure }));
        Assert.That(await Store.CountUnconfirmedBySegmentAsync("T1", null, CancellationToken.None), Is.Empty);
        Assert.That(membership.Status, Is.EqualTo(MembershipStatus.Confirmed));
        Assert.That(membership.IsClassified, Is.False, "an analyst's decision is kept by a re-classification");

        Assert.That(await Store.SetMembershipStatusAsync(sure, "T1-PART-PUMP", MembershipStatus.Unconfirmed, CancellationToken.None), Is.True);
        var after = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(["T1-PART-PUMP"], null, DiscoveryGraph.HomeCodes, [], null, 10), CancellationToken.None);
        Assert.That(after.Candidates.Select(c => c.CompanyId), Is.EqualTo(new[] { unsure }));
        var sureVersion = (await Store.GetCompanyAsync(sure, CancellationToken.None))!.Version;
        Assert.That(await Store.SetMembershipStatusAsync(sure, "T1-VEH", MembershipStatus.Confirmed, CancellationToken.None), Is.False, "no such membership");
        Assert.That((await Store.GetCompanyAsync(sure, CancellationToken.None))!.Version, Is.EqualTo(sureVersion), "nothing changed, no new version");
        Assert.That(await Store.SetMembershipStatusAsync(999_999, "T1-PART-PUMP", MembershipStatus.Confirmed, CancellationToken.None), Is.False, "no such company");
    }

    [Test]
    public async Task A_reimport_never_downgrades_a_confirmed_membership_but_a_file_segment_replaces_a_guess()
    {
        var (sure, unsure) = await SeedStatusCompaniesAsync();

        var outcomes = await Store.UpsertCompaniesAsync(
        [
            Company("确定泵业有限公司", "320505", capital: 1000m) with { Memberships = [Guess("T1-PART-PUMP", 0.5, MembershipStatus.Unconfirmed, "经营范围: 泵")] },
            Company("疑似泵业有限公司", "320505", capital: 500m) with { Memberships = [new SegmentMembership("T1-PART-PUMP", "maker", 1.0, "环节: T1-PART-PUMP", "second.csv")] },
        ], Stamp, CancellationToken.None);

        var kept = (await Store.GetCompanyAsync(sure, CancellationToken.None))!.Memberships.Single();
        var replaced = (await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single();
        Assert.That(outcomes[0].Kind, Is.EqualTo(UpsertKind.Unchanged));
        Assert.That((kept.Status, kept.Confidence, kept.Evidence), Is.EqualTo((MembershipStatus.Confirmed, 0.8, "名称: 泵")));
        Assert.That((replaced.Status, replaced.Confidence, replaced.IsClassified), Is.EqualTo((MembershipStatus.Confirmed, 1.0, false)));
        Assert.That(await Store.CountUnconfirmedBySegmentAsync("T1", null, CancellationToken.None), Is.Empty);

        // A later guess does not replace the file's membership either.
        await Store.UpsertCompaniesAsync(
            [Company("疑似泵业有限公司", "320505", capital: 500m) with { Memberships = [Guess("T1-PART-PUMP", 0.9, MembershipStatus.Confirmed)] }],
            Stamp, CancellationToken.None);
        Assert.That((await Store.GetCompanyAsync(unsure, CancellationToken.None))!.Memberships.Single().IsClassified, Is.False);
    }

    [Test]
    public async Task Replacing_classified_memberships_keeps_those_from_a_file()
    {
        await SeedRegionsAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var ids = await Store.UpsertCompaniesAsync(
        [
            Company("文件泵业有限公司", "320505", segment: "T1-PART-PUMP"),
            Company("猜测泵业有限公司", "320505") with { Memberships = [Guess("T1-PART-PUMP", 0.8, MembershipStatus.Confirmed)] },
        ], Stamp, CancellationToken.None);
        var (file, guessed) = (ids[0].CompanyId, ids[1].CompanyId);

        await Store.ReplaceClassifiedMembershipsAsync(
        [
            new ClassifiedMemberships(file, [Guess("T1-PART-PUMP", 0.5, MembershipStatus.Unconfirmed), Guess("T1-VEH", 0.7, MembershipStatus.Confirmed)]),
            new ClassifiedMemberships(guessed, [Guess("T1-RAW", 0.5, MembershipStatus.Unconfirmed), Guess("T1-NOPE", 0.9, MembershipStatus.Confirmed)]),
        ], CancellationToken.None);

        var fileMemberships = (await Store.GetCompanyAsync(file, CancellationToken.None))!.Memberships.OrderBy(m => m.SegmentCode).ToList();
        var guessedMemberships = (await Store.GetCompanyAsync(guessed, CancellationToken.None))!.Memberships;
        Assert.That(fileMemberships.Select(m => (m.SegmentCode, m.IsClassified, m.Status)), Is.EqualTo(new[]
        {
            ("T1-PART-PUMP", false, MembershipStatus.Confirmed),
            ("T1-VEH", true, MembershipStatus.Confirmed),
        }));
        Assert.That(guessedMemberships.Select(m => (m.SegmentCode, m.Status)), Is.EqualTo(new[] { ("T1-RAW", MembershipStatus.Unconfirmed) }), "the old guess is gone; an unknown segment is not stored");
        var stats = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).ToDictionary(s => s.SegmentCode);
        Assert.That(stats["T1-PART-PUMP"].Elsewhere.Companies, Is.EqualTo(1));
        Assert.That(stats["T1-VEH"].Elsewhere.Companies, Is.EqualTo(1));
        Assert.That(stats.ContainsKey("T1-RAW"), Is.False);

        var page = await Store.ListCompaniesAfterAsync(0, 1, CancellationToken.None);
        var rest = await Store.ListCompaniesAfterAsync(page[0].Id, 10, CancellationToken.None);
        Assert.That(page.Concat(rest).Select(c => c.Id), Is.EqualTo(new[] { file, guessed }.Order()));
    }

    // The chain map's home figures (CountBySegmentAsync for one division; on SQLite read from the discovery counts since the
    // lead's change in session 34) count the confirmed segment memberships of the companies in that division, its counties'
    // included, and follow an analyst's removal; they agree with the same count over a scope of several codes.
    [Test]
    public async Task A_divisions_segment_counts_hold_its_confirmed_segment_members_and_follow_a_removal()
    {
        await SeedRegionsAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var ids = (await Store.UpsertCompaniesAsync(
        [
            Company("虎丘甲泵业有限公司", "320505", segment: "T1-PART", capital: 100m),
            Company("吴中乙泵业有限公司", "320506", segment: "T1-PART", capital: 300m),
            Company("吴中丙专用汽车有限公司", "320506", segment: "T1-VEH", capital: 50m),
            Company("滨湖丁泵业有限公司", "320211", segment: "T1-PART", capital: 1000m),
            Company("虎丘戊汽车有限公司", "320505", capital: 70m) with { Memberships = [Guess("T1-VEH", 0.45, MembershipStatus.Unconfirmed)] },
            Company("虎丘己汽配有限公司", "320505", capital: 90m) with { Memberships = [ChainGuess(0.7, MembershipStatus.Confirmed)] },
        ], Stamp, CancellationToken.None)).Select(r => r.CompanyId).ToList();

        async Task<List<(string, int, decimal)>> CountsAsync(params string[] codes) =>
            (await Store.CountBySegmentAsync("T1", codes, CancellationToken.None))
                .OrderBy(p => p.SegmentCode, StringComparer.Ordinal).Select(p => (p.SegmentCode, p.Companies, p.RegisteredCapital)).ToList();

        Assert.That(await CountsAsync("320500"), Is.EqualTo(new[] { ("T1-PART", 2, 400m), ("T1-VEH", 1, 50m) }),
            "the city's two counties; neither the 待确认 nor the chain-level membership counts");
        Assert.That(await CountsAsync("320505"), Is.EqualTo(new[] { ("T1-PART", 1, 100m) }));
        Assert.That(await CountsAsync("320000"), Is.EqualTo(new[] { ("T1-PART", 3, 1400m), ("T1-VEH", 1, 50m) }));
        Assert.That(await CountsAsync("320500"), Is.EqualTo(await CountsAsync("320500", "320500")), "one code and the same code twice (the scope's join) agree");
        var strengths = (await Store.CountBySegmentAsync("T1", ["320500"], CancellationToken.None)).OrderBy(p => p.SegmentCode, StringComparer.Ordinal).Select(p => p.Strength);
        var joined = (await Store.CountBySegmentAsync("T1", ["320500", "320500"], CancellationToken.None)).OrderBy(p => p.SegmentCode, StringComparer.Ordinal).Select(p => p.Strength);
        Assert.That(strengths, Is.EqualTo(joined).Within(1e-9));

        await Store.ApplyMembershipWritesAsync([new MembershipWrite(ids[2], "T1-VEH", null)], new Dictionary<long, long>(), Stamp.At, "analyst-1", CancellationToken.None);
        Assert.That(await CountsAsync("320500"), Is.EqualTo(new[] { ("T1-PART", 2, 400m) }), "a segment whose last member was removed is no longer listed");
    }
}
