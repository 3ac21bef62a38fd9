using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Tests.Import;

/// <summary>The import merge rules as a pure decision (no store): identity, every field, provenance, memberships.</summary>
public sealed class CompanyMergeTests
{
    private const string Hubei = "420000";
    private const string Suizhou = "421300";
    private const string Zengdu = "421303";
    private const string Guangshui = "421381";
    private const string Jiangsu = "320000";
    private const string Suzhou = "320500";
    private const string Gusu = "320508";
    private const string UsccA = "91421303MA4K0L2X7A";
    private const string UsccB = "91421381MA4K0L2X7B";

    private static readonly ImportStamp First = new("imp-1", "first.csv", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private static readonly ImportStamp Second = new("imp-2", "second.csv", new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private static readonly Func<string, bool> AnySegment = code => code.StartsWith("ZQ", StringComparison.Ordinal);

    private static (string Province, string? City, string? County) Place(string region) => region switch
    {
        Hubei => (Hubei, null, null),
        Suizhou => (Hubei, Suizhou, null),
        Zengdu or Guangshui => (Hubei, Suizhou, region),
        Jiangsu => (Jiangsu, null, null),
        Suzhou => (Jiangsu, Suzhou, null),
        _ => (Jiangsu, Suzhou, region),
    };

    private static CompanyRecord Row(string name = "随州专汽有限公司", string region = Zengdu, string? uscc = null, params SegmentMembership[] memberships)
    {
        var key = ChineseText.NormalizeCompanyName(name);
        var (province, city, county) = Place(region);
        return new CompanyRecord(
            uscc is null ? $"n:{key}|{region}" : $"u:{uscc}", uscc, name, key, region, province, city, county,
            null, null, null, null, null, [], null, null, 0, memberships);
    }

    /// <summary>A stored company as the first import left it: every field stamped imp-1.</summary>
    private static StoredCompany Stored(CompanyRecord row, long id = 7, params SegmentMembership[] memberships) =>
        CompanyMerge.Insert(id, row, First, AnySegment).Company! with
        {
            Memberships = memberships,
        };

    private static SegmentMembership FromFile(string segment = "ZQ-01", string role = "maker", double confidence = 1.0) =>
        new(segment, role, confidence, "segment column", "list.csv");

    private static SegmentMembership Guess(string segment = "ZQ-01", double confidence = 0.7, MembershipStatus status = MembershipStatus.Confirmed) =>
        new(segment, "maker", confidence, "液压", MembershipSources.Classifier("list.csv"), status);

    private static (StoredCompany? Target, UpsertOutcome? Conflict) Identify(CompanyRecord row, params StoredCompany[] stored) =>
        CompanyMerge.Identify(
            row,
            stored.Where(s => s.Uscc is not null).ToDictionary(s => s.Uscc!, StringComparer.Ordinal),
            stored.GroupBy(s => s.NameKey).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));

    // Identity

    [Test]
    public void A_row_with_a_new_uscc_needs_its_namesakes_only_when_the_store_has_companies_without_one()
    {
        // Namesakes that all have a USCC never change a USCC row's identity: it is a new company with or without them.
        var namesake = Stored(Row(uscc: UsccB));
        Assert.That(Identify(Row(uscc: UsccA), namesake), Is.EqualTo(Identify(Row(uscc: UsccA))));

        Assert.That(CompanyMerge.NeedsNamesakes(Row(uscc: UsccA), storeHasCompaniesWithoutUscc: false), Is.False);
        Assert.That(CompanyMerge.NeedsNamesakes(Row(uscc: UsccA), storeHasCompaniesWithoutUscc: true), Is.True);
        Assert.That(CompanyMerge.NeedsNamesakes(Row(), storeHasCompaniesWithoutUscc: false), Is.True);
    }

    [Test]
    public void A_row_with_a_stored_uscc_is_that_company_wherever_it_says_it_is()
    {
        var stored = Stored(Row(uscc: UsccA));

        var (target, conflict) = Identify(Row(region: Gusu, uscc: UsccA), stored);

        Assert.That(conflict, Is.Null);
        Assert.That(target, Is.SameAs(stored));
    }

    [Test]
    public void A_stored_uscc_under_another_name_is_a_conflict_naming_both()
    {
        var stored = Stored(Row("随州专汽有限公司", uscc: UsccA));

        var (target, conflict) = Identify(Row("襄阳专汽有限公司", uscc: UsccA), stored);

        Assert.That(target, Is.Null);
        Assert.That(conflict!.Kind, Is.EqualTo(UpsertKind.Conflict));
        Assert.That(conflict.CompanyId, Is.EqualTo(7));
        Assert.That(conflict.Detail, Does.Contain(UsccA).And.Contain("随州专汽有限公司").And.Contain("襄阳专汽有限公司").And.Contain("company 7"));
    }

    [TestCase(Zengdu, Suizhou, TestName = "A row at city level is the company stored in a county of that city")]
    [TestCase(Suizhou, Zengdu, TestName = "A row at county level is the company stored at the city containing it")]
    [TestCase(Zengdu, Hubei, TestName = "A row at province level is the company stored in a county of that province")]
    [TestCase(Zengdu, Zengdu, TestName = "A row in the same division is the company stored there")]
    public void A_row_without_uscc_is_its_namesake_in_a_compatible_region(string storedRegion, string rowRegion)
    {
        var stored = Stored(Row(region: storedRegion));

        var (target, conflict) = Identify(Row(region: rowRegion), stored);

        Assert.That(conflict, Is.Null);
        Assert.That(target, Is.SameAs(stored));
    }

    [TestCase(Zengdu, Guangshui, TestName = "A namesake in a sibling county is another company")]
    [TestCase(Zengdu, Suzhou, TestName = "A namesake in another province is another company")]
    public void A_namesake_in_an_incompatible_region_is_another_company(string storedRegion, string rowRegion)
    {
        var (target, conflict) = Identify(Row(region: rowRegion), Stored(Row(region: storedRegion)));

        Assert.That((target, conflict), Is.EqualTo(((StoredCompany?)null, (UpsertOutcome?)null)));
    }

    [Test]
    public void A_row_with_a_new_uscc_merges_into_its_namesake_stored_without_one()
    {
        var stored = Stored(Row(region: Zengdu));

        var (target, conflict) = Identify(Row(region: Suizhou, uscc: UsccA), stored);

        Assert.That(conflict, Is.Null);
        Assert.That(target, Is.SameAs(stored));
    }

    [Test]
    public void A_row_with_a_new_uscc_never_merges_into_a_namesake_with_another_uscc()
    {
        var (target, conflict) = Identify(Row(uscc: UsccA), Stored(Row(uscc: UsccB)));

        Assert.That((target, conflict), Is.EqualTo(((StoredCompany?)null, (UpsertOutcome?)null)), "two legal entities are never joined");
    }

    [Test]
    public void A_name_matching_two_compatible_companies_is_a_conflict_listing_both()
    {
        var zengdu = Stored(Row(region: Zengdu, uscc: UsccA), id: 3);
        var guangshui = Stored(Row(region: Guangshui, uscc: UsccB), id: 5);

        var (target, conflict) = Identify(Row(region: Suizhou), zengdu, guangshui);

        Assert.That(target, Is.Null);
        Assert.That(conflict!.Kind, Is.EqualTo(UpsertKind.Conflict));
        Assert.That(conflict.CompanyId, Is.EqualTo(3));
        Assert.That(conflict.Detail, Does.Contain("matches 2 stored companies (3, 5)"));
    }

    // Inserting

    [Test]
    public void A_new_company_stamps_only_the_fields_its_row_gives_and_keys_on_its_uscc()
    {
        var row = Row(uscc: UsccA) with { RegisteredCapital = 500m, Products = "专用车" };

        var decision = CompanyMerge.Insert(42, row, Second, AnySegment);

        Assert.That(decision.Outcome, Is.EqualTo(new UpsertOutcome(UpsertKind.Inserted, 42, null)));
        Assert.That(decision.Company!.IdentityKey, Is.EqualTo("u:" + UsccA));
        Assert.That(decision.Company.Provenance.Fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["name"] = "imp-2", ["uscc"] = "imp-2", ["region"] = "imp-2", ["registered_capital"] = "imp-2", ["products"] = "imp-2",
        }));
        Assert.That(decision.Company.Provenance.ToJson(),
            Is.EqualTo("""{"imp-2":527}"""), "one source with the mask of name, uscc, region, registered_capital and products (ADR 0350)");
    }

    [Test]
    public void A_new_company_without_uscc_keeps_the_rows_name_and_region_key()
    {
        var decision = CompanyMerge.Insert(1, Row(), First, AnySegment);

        Assert.That(decision.Company!.IdentityKey, Is.EqualTo("n:" + ChineseText.NormalizeCompanyName("随州专汽有限公司") + "|" + Zengdu));
    }

    // Fields

    private static IEnumerable<TestCaseData> Fields()
    {
        TestCaseData Field(string field, Func<CompanyRecord, CompanyRecord> give, object? value) =>
            new TestCaseData(field, give, value).SetArgDisplayNames(field);

        yield return Field("registered_capital", r => r with { RegisteredCapital = 1200.5m }, 1200.5m);
        yield return Field("founded", r => r with { Founded = new DateOnly(2003, 5, 1) }, new DateOnly(2003, 5, 1));
        yield return Field("employees", r => r with { Employees = 350 }, 350);
        yield return Field("revenue", r => r with { Revenue = 88000m }, 88000m);
        yield return Field("listed_code", r => r with { ListedCode = "300100" }, "300100");
        yield return Field("products", r => r with { Products = "冷藏车" }, "冷藏车");
        yield return Field("address", r => r with { Address = "随州市曾都区交通大道1号" }, "随州市曾都区交通大道1号");
        yield return Field("industry", r => r with { Industry = "汽车制造业" }, "汽车制造业");
        yield return Field("scope", r => r with { Scope = "专用汽车制造" }, "专用汽车制造");
        yield return Field("uscc", r => r with { Uscc = UsccA }, UsccA);
        yield return Field("name", r => r with { Name = "随州专汽有限公司 " }, "随州专汽有限公司 ");
        yield return Field("region", r => Row(region: Gusu) with { Name = r.Name }, Gusu);
    }

    private static object? Value(StoredCompany c, string field) => field switch
    {
        "registered_capital" => c.RegisteredCapital,
        "founded" => c.Founded,
        "employees" => c.Employees,
        "revenue" => c.Revenue,
        "listed_code" => c.ListedCode,
        "products" => c.Products,
        "address" => c.Address,
        "industry" => c.Industry,
        "scope" => c.Scope,
        "uscc" => c.Uscc,
        "name" => c.Name,
        _ => c.RegionCode,
    };

    [TestCaseSource(nameof(Fields))]
    public void A_present_value_that_differs_wins_and_is_stamped_with_the_import(
        string field, Delegate giveCase, object? value)
    {
        var give = (Func<CompanyRecord, CompanyRecord>)giveCase;
        var stored = Stored(Row());

        var decision = CompanyMerge.Merge(stored, give(Row()), Second, AnySegment);

        Assert.That(Value(decision.Company!, field), Is.EqualTo(value));
        Assert.That(decision.Outcome, Is.EqualTo(new UpsertOutcome(UpsertKind.Updated, 7, field)));
        Assert.That(decision.Company!.Provenance.Fields[field], Is.EqualTo("imp-2"));
        Assert.That(decision.Company.Provenance.Fields.Where(f => f.Key != field).Select(f => f.Value), Has.All.EqualTo("imp-1"), "the other fields keep their source");
    }

    [TestCaseSource(nameof(Fields))]
    public void An_absent_or_equal_value_keeps_what_is_stored(
        string field, Delegate giveCase, object? value)
    {
        var give = (Func<CompanyRecord, CompanyRecord>)giveCase;
        var stored = Stored(give(Row()));

        var absent = CompanyMerge.Merge(stored, Row() with { Name = stored.Name, RegionCode = stored.RegionCode }, Second, AnySegment);
        var same = CompanyMerge.Merge(stored, give(Row()), Second, AnySegment);

        Assert.That(Value(absent.Company!, field), Is.EqualTo(value), "absent " + field);
        Assert.That(same.Outcome, Is.EqualTo(new UpsertOutcome(UpsertKind.Unchanged, 7, null)));
        Assert.That(same.Company, Is.SameAs(stored), "nothing to write");
        Assert.That(same.Company!.Provenance.Fields[field], Is.EqualTo("imp-1"));
    }

    [Test]
    public void A_changed_row_lists_its_fields_in_field_order_then_segments()
    {
        var stored = Stored(Row());
        var row = Row(memberships: FromFile()) with { Scope = "改装", RegisteredCapital = 10m, Name = "随州专汽有限公司 " };

        var decision = CompanyMerge.Merge(stored, row, Second, AnySegment);

        Assert.That(decision.Outcome.Detail, Is.EqualTo("name, registered_capital, scope, segments"));
    }

    [TestCase(Suizhou, TestName = "The city of the stored county does not replace it")]
    [TestCase(Hubei, TestName = "The province of the stored county does not replace it")]
    public void A_less_precise_region_does_not_replace_a_more_precise_one(string rowRegion)
    {
        var stored = Stored(Row(region: Zengdu));

        var decision = CompanyMerge.Merge(stored, Row(region: rowRegion), Second, AnySegment);

        Assert.That(decision.Outcome.Kind, Is.EqualTo(UpsertKind.Unchanged));
        Assert.That((decision.Company!.RegionCode, decision.Company.CountyCode, decision.RegionChanged), Is.EqualTo((Zengdu, Zengdu, false)));
    }

    [Test]
    public void A_more_precise_region_replaces_a_less_precise_one_with_its_province_city_and_county()
    {
        var stored = Stored(Row(region: Suizhou));

        var decision = CompanyMerge.Merge(stored, Row(region: Zengdu), Second, AnySegment);

        Assert.That(decision.RegionChanged, Is.True);
        Assert.That(decision.Company, Has.Property(nameof(StoredCompany.RegionCode)).EqualTo(Zengdu)
            .And.Property(nameof(StoredCompany.ProvinceCode)).EqualTo(Hubei)
            .And.Property(nameof(StoredCompany.CityCode)).EqualTo(Suizhou)
            .And.Property(nameof(StoredCompany.CountyCode)).EqualTo(Zengdu));
        Assert.That(decision.Company!.Provenance.Fields["region"], Is.EqualTo("imp-2"));
    }

    [Test]
    public void A_uscc_is_added_with_its_identity_key_and_never_removed()
    {
        var stored = Stored(Row());

        var added = CompanyMerge.Merge(stored, Row(uscc: UsccA), Second, AnySegment);
        var kept = CompanyMerge.Merge(added.Company!, Row(), Second, AnySegment);

        Assert.That((added.UsccAdded, added.Company!.Uscc, added.Company.IdentityKey), Is.EqualTo((true, UsccA, "u:" + UsccA)));
        Assert.That((kept.Outcome.Kind, kept.Company!.Uscc), Is.EqualTo((UpsertKind.Unchanged, UsccA)));
    }

    [Test]
    public void Tags_are_replaced_by_a_row_that_has_some_and_kept_by_one_that_has_none()
    {
        var stored = Stored(Row() with { Tags = [CompanyTags.HighTech] });

        var replaced = CompanyMerge.Merge(stored, Row() with { Tags = [CompanyTags.LittleGiant, CompanyTags.SpecialisedSme] }, Second, AnySegment);
        var kept = CompanyMerge.Merge(stored, Row(), Second, AnySegment);
        var same = CompanyMerge.Merge(stored, Row() with { Tags = [CompanyTags.HighTech] }, Second, AnySegment);

        Assert.That(replaced.Company!.TagList, Is.EqualTo(new[] { CompanyTags.LittleGiant, CompanyTags.SpecialisedSme }));
        Assert.That(replaced.Outcome.Detail, Is.EqualTo("tags"));
        Assert.That(kept.Company!.TagList, Is.EqualTo(new[] { CompanyTags.HighTech }));
        Assert.That(same.Outcome.Kind, Is.EqualTo(UpsertKind.Unchanged));
    }

    [Test]
    public void Tags_that_join_to_the_same_stored_text_are_the_same_tags()
    {
        var stored = Stored(Row() with { Tags = ["甲", "乙"] });

        var decision = CompanyMerge.Merge(stored, Row() with { Tags = ["甲|乙"] }, Second, AnySegment);

        Assert.That(decision.Outcome.Kind, Is.EqualTo(UpsertKind.Unchanged));
    }

    [Test]
    public void The_strength_is_scored_again_from_the_merged_fields()
    {
        var stored = Stored(Row() with { Tags = [CompanyTags.Listed] });

        var decision = CompanyMerge.Merge(stored, Row() with { RegisteredCapital = 50_000m, ListedCode = "300100" }, Second, AnySegment);

        Assert.That(decision.Company!.Strength, Is.EqualTo(CompanyStrength.Score(50_000m, null, null, "300100", [CompanyTags.Listed])));
        Assert.That(decision.Company.Strength, Is.GreaterThan(0));
    }

    [Test]
    public void Stored_provenance_text_is_kept_and_extended_by_the_fields_the_row_changes()
    {
        var stored = Stored(Row()) with { Provenance = FieldProvenance.FromJson("""{"imp-0":1029}""") };

        var unchanged = CompanyMerge.Merge(stored, Row(), Second, AnySegment);
        var changed = CompanyMerge.Merge(stored, Row() with { Address = "新地址", Employees = 12 }, Second, AnySegment);

        Assert.That(unchanged.Company!.Provenance.ToJson(), Is.EqualTo("""{"imp-0":1029}"""));
        Assert.That(changed.Company!.Provenance.ToJson(), Is.EqualTo("""{"imp-0":5,"imp-2":1056}"""));
        Assert.That(changed.Company.Provenance.Fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["name"] = "imp-0", ["region"] = "imp-0", ["address"] = "imp-2", ["employees"] = "imp-2",
        }));
    }

    // Memberships

    [Test]
    public void A_new_segment_is_written_with_the_file_as_its_source_and_an_unknown_one_is_skipped()
    {
        var stored = Stored(Row());
        var given = new SegmentMembership("ZQ-02", "maker", 1.0, "segment column", null);

        var decision = CompanyMerge.Merge(stored, Row(memberships: [given, FromFile("XX-99")]), Second, AnySegment);

        Assert.That(decision.Memberships, Is.EqualTo(new[] { given with { Source = "second.csv" } }));
        Assert.That(decision.Company!.Memberships.Select(m => m.SegmentCode), Is.EquivalentTo(new[] { "ZQ-02" }));
        Assert.That(decision.Outcome.Detail, Is.EqualTo("segments"));
    }

    [Test]
    public void The_same_membership_again_writes_nothing()
    {
        var stored = Stored(Row(), memberships: FromFile());

        var decision = CompanyMerge.Merge(stored, Row(memberships: FromFile() with { Source = "again.csv" }), Second, AnySegment);

        Assert.That(decision.Memberships, Is.Empty);
        Assert.That(decision.Outcome.Kind, Is.EqualTo(UpsertKind.Unchanged));
    }

    private static IEnumerable<TestCaseData> MembershipCases()
    {
        TestCaseData Case(string name, SegmentMembership stored, SegmentMembership incoming, bool writes) =>
            new TestCaseData(stored, incoming, writes).SetName(name);

        yield return Case("A file row with another role overwrites the file's membership", FromFile(), FromFile(role: "supplier"), true);
        yield return Case("A file row with another confidence overwrites the file's membership", FromFile(), FromFile(confidence: 0.9), true);
        yield return Case("A file row overwrites a classifier guess", Guess(), FromFile(), true);
        yield return Case("A file row overwrites an analyst's membership", FromFile() with { Source = MembershipSources.Analyst }, FromFile(role: "supplier"), true);
        yield return Case("A guess never replaces a file's membership", FromFile(), Guess(confidence: 0.9), false);
        yield return Case("A guess never replaces an analyst's membership", Guess() with { Source = MembershipSources.Analyst }, Guess(confidence: 0.9), false);
        yield return Case("A 待确认 guess never downgrades a confirmed guess", Guess(), Guess(confidence: 0.5, status: MembershipStatus.Unconfirmed), false);
        yield return Case("A confirmed guess upgrades a 待确认 guess", Guess(confidence: 0.5, status: MembershipStatus.Unconfirmed), Guess(confidence: 0.7), true);
        yield return Case("A 待确认 guess replaces a 待确认 guess", Guess(confidence: 0.5, status: MembershipStatus.Unconfirmed), Guess(confidence: 0.55, status: MembershipStatus.Unconfirmed), true);
        yield return Case("A confirmed guess replaces a confirmed guess", Guess(confidence: 0.7), Guess(confidence: 0.8), true);
        yield return Case("The same guess with another status is written", Guess(status: MembershipStatus.Unconfirmed), Guess(), true);
    }

    [TestCaseSource(nameof(MembershipCases))]
    public void A_membership_of_a_stored_segment_is_overwritten_by_the_rule_of_its_source(object storedCase, object incomingCase, bool writes)
    {
        var stored = (SegmentMembership)storedCase;
        var incoming = (SegmentMembership)incomingCase;
        var company = Stored(Row(), memberships: stored);

        var decision = CompanyMerge.Merge(company, Row(memberships: incoming), Second, AnySegment);

        Assert.That(decision.Memberships, writes ? Is.EqualTo(new[] { incoming }) : Is.Empty);
        Assert.That(decision.Company!.Membership("ZQ-01"), Is.EqualTo(writes ? incoming : stored));
        Assert.That(decision.Outcome.Kind, Is.EqualTo(writes ? UpsertKind.Updated : UpsertKind.Unchanged));
        Assert.That(company.Membership("ZQ-01"), Is.EqualTo(stored), "the stored state given in is not changed");
    }

    [Test]
    public void A_new_company_brings_each_known_segment_of_its_row_once_by_the_same_rule()
    {
        var decision = CompanyMerge.Insert(1, Row(memberships: [FromFile(), Guess(confidence: 0.9), FromFile("ZQ-02"), FromFile("XX-01")]), First, AnySegment);

        Assert.That(decision.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "ZQ-01", "ZQ-02" }), "the guess did not replace the file's ZQ-01");
        Assert.That(decision.Company!.Memberships, Is.EquivalentTo(new[] { FromFile(), FromFile("ZQ-02") }));
    }

    [Test]
    public void A_row_that_names_a_segment_twice_writes_both_in_order_and_keeps_the_last()
    {
        var guess = Guess(confidence: 0.5, status: MembershipStatus.Unconfirmed);

        var decision = CompanyMerge.Insert(1, Row(memberships: [guess, FromFile("ZQ-02"), FromFile()]), First, AnySegment);

        Assert.That(decision.Memberships, Is.EqualTo(new[] { guess, FromFile("ZQ-02"), FromFile() }));
        Assert.That(decision.Company!.Memberships, Is.EqualTo(new[] { FromFile(), FromFile("ZQ-02") }));
    }

    [Test]
    public void A_stored_company_gets_its_overwritten_and_its_new_segments_and_keeps_the_others()
    {
        var stored = Stored(Row(), memberships: [FromFile(), FromFile("ZQ-03")]);

        var decision = CompanyMerge.Merge(stored, Row(memberships: [FromFile("ZQ-02"), FromFile(role: "supplier")]), Second, AnySegment);

        Assert.That(decision.Memberships, Is.EqualTo(new[] { FromFile("ZQ-02"), FromFile(role: "supplier") }));
        Assert.That(decision.Company!.Memberships, Is.EqualTo(new[] { FromFile(role: "supplier"), FromFile("ZQ-03"), FromFile("ZQ-02") }));
    }

    // A batch

    [Test]
    public void Rows_of_a_batch_see_the_rows_before_them_and_new_ids_follow_the_last_one()
    {
        var batch = new CompanyMergeBatch([], AnySegment, lastId: 100, First);

        var inserted = batch.Decide(Row(region: Suizhou));
        var merged = batch.Decide(Row(region: Zengdu, uscc: UsccA) with { Employees = 9 });
        var again = batch.Decide(Row(region: Hubei, uscc: UsccA) with { Employees = 9 });
        var other = batch.Decide(Row("襄阳专汽有限公司"));

        Assert.That(new[] { inserted.Outcome, merged.Outcome, again.Outcome, other.Outcome }, Is.EqualTo(new[]
        {
            new UpsertOutcome(UpsertKind.Inserted, 101, null),
            new UpsertOutcome(UpsertKind.Updated, 101, "uscc, region, employees"),
            new UpsertOutcome(UpsertKind.Unchanged, 101, null),
            new UpsertOutcome(UpsertKind.Inserted, 102, null),
        }));
        Assert.That(batch.LastId, Is.EqualTo(102));
    }

    [Test]
    public void A_conflict_in_a_batch_writes_nothing()
    {
        var batch = new CompanyMergeBatch([Stored(Row(uscc: UsccA))], AnySegment, lastId: 7, First);

        var decision = batch.Decide(Row("襄阳专汽有限公司", uscc: UsccA, memberships: FromFile()));

        Assert.That((decision.Outcome.Kind, decision.Company, decision.Memberships.Count), Is.EqualTo((UpsertKind.Conflict, (StoredCompany?)null, 0)));
        Assert.That(batch.LastId, Is.EqualTo(7));
    }

    [Test]
    public void A_company_loaded_twice_by_uscc_and_by_name_is_one_candidate()
    {
        var stored = Stored(Row(uscc: UsccA));
        var batch = new CompanyMergeBatch([stored, stored with { }], AnySegment, lastId: 7, First);

        var decision = batch.Decide(Row(region: Suizhou));

        Assert.That(decision.Outcome, Is.EqualTo(new UpsertOutcome(UpsertKind.Unchanged, 7, null)));
    }

    [Test]
    public void A_batch_begun_again_decides_as_a_new_one_and_forgets_the_batch_before()
    {
        // An import session begins one merge batch again for every batch (its collections keep their capacity): what the
        // previous batch indexed (by USCC, by name, the companies waiting for the name index) must not leak into the next.
        var namesake = Stored(Row(), id: 7);
        var withUscc = Stored(Row("襄阳专汽有限公司", uscc: UsccA), id: 8);
        CompanyRecord[] first = [Row(region: Suizhou), Row("孝感专汽有限公司", uscc: UsccB), Row("孝感专汽有限公司", uscc: UsccB) with { Employees = 5 }];
        CompanyRecord[] second = [Row("孝感专汽有限公司", uscc: UsccB), Row(region: Zengdu), Row("襄阳专汽有限公司", uscc: UsccA) with { Employees = 3 }, Row("孝感专汽有限公司")];

        var reused = new CompanyMergeBatch(AnySegment, First);
        var firstReused = first.Select(reused.Begin([namesake], lastId: 100).Decide).Select(Decided).ToList();
        var secondReused = second.Select(reused.Begin([withUscc], lastId: 200).Decide).Select(Decided).ToList();

        var fresh = new CompanyMergeBatch([namesake], AnySegment, lastId: 100, First);
        Assert.That(firstReused, Is.EqualTo(first.Select(fresh.Decide).Select(Decided).ToList()));
        fresh = new CompanyMergeBatch([withUscc], AnySegment, lastId: 200, First);
        Assert.That(secondReused, Is.EqualTo(second.Select(fresh.Decide).Select(Decided).ToList()));
        // The second batch knows nothing of the first: UsccB and the namesake are new again, under ids after 200, and the
        // last row (no USCC) is the namesake this batch wrote in its own region, not one of the first batch.
        Assert.That(secondReused.Select(d => (d.Outcome.Kind, d.Outcome.CompanyId)), Is.EqualTo(new[]
        {
            (UpsertKind.Inserted, 201L), (UpsertKind.Inserted, 202L), (UpsertKind.Updated, 8L), (UpsertKind.Unchanged, 201L),
        }));
        Assert.That(reused.LastId, Is.EqualTo(202));
    }

    /// <summary>What a decision writes, by value (the stored company's provenance and memberships are reference types).</summary>
    private static (UpsertOutcome Outcome, string? Company) Decided(CompanyDecision decision) =>
        (decision.Outcome, decision.Company is { } c
            ? $"{c.Id} {c.IdentityKey} {c.Name} {c.RegionCode} {c.Employees} {c.Provenance.ToJson()} {string.Join(',', c.Memberships.Select(m => m.SegmentCode))} {c.Version}"
            : null);
}
