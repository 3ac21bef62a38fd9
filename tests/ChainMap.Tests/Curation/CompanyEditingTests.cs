using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Tests.Curation;

/// <summary>
/// The rules of an analyst's edit and of imports meeting an analyst's values (ADR 0185), pure: what an edit changes and
/// stamps, the identity check, and the import merge keeping (and counting) analysts' values unless told to overwrite them.
/// </summary>
public sealed class CompanyEditingTests
{
    private const string Zengdu = "421303";
    private const string Uscc = "91350100M000100Y43";
    private static readonly DateTimeOffset EditedAt = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);
    private static readonly string Analyst = AnalystProvenance.Stamp(EditedAt, "u-7", "张三");
    private static readonly ImportStamp First = new("imp-1", "first.csv", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private static readonly ImportStamp Later = new("imp-2", "later.csv", new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));

    private static CompanyRecord Row(string name = "随州甲专用汽车有限公司", string region = Zengdu, string? uscc = null, decimal? capital = 5000m, int? employees = 100, params string[] tags)
    {
        var key = ChineseText.NormalizeCompanyName(name);
        var (province, city, county) = region switch
        {
            "421300" => ("420000", (string?)"421300", (string?)null),
            "320583" => ("320000", "320500", "320583"),
            _ => ("420000", "421300", region),
        };
        return new CompanyRecord(
            uscc is null ? $"n:{key}|{region}" : $"u:{uscc}", uscc, name, key, region, province, city, county,
            capital, null, employees, null, null, tags, null, null, CompanyStrength.Score(capital, null, employees, null, tags), []);
    }

    private static StoredCompany Stored(CompanyRecord row, long id = 7) => CompanyMerge.Insert(id, row, First, _ => true).Company!;

    /// <summary>The company as a store reads it back: provenance from its stored JSON text.</summary>
    private static StoredCompany Reread(StoredCompany company) => company with { Provenance = FieldProvenance.FromJson(company.Provenance.ToJson()) };

    [Test]
    public void An_edit_changes_the_given_fields_stamps_them_with_the_analyst_and_scores_the_strength_again()
    {
        var stored = Stored(Row());

        var decision = CompanyEditing.Apply(stored, new CompanyEdit
        {
            RegisteredCapital = new Given<decimal?>(20000m),
            Tags = [CompanyTags.LittleGiant],
            Employees = new Given<int?>(100),
        }, Analyst);

        Assert.That(CompanyFields.In(decision.ChangedFields), Is.EqualTo(new[] { "registered_capital", "tags" }), "employees were given as stored");
        Assert.That(decision.Company.RegisteredCapital, Is.EqualTo(20000m));
        Assert.That(decision.Company.JoinedTags, Is.EqualTo(CompanyTags.LittleGiant));
        Assert.That(decision.Company.Strength, Is.EqualTo(CompanyStrength.Score(20000m, null, 100, null, [CompanyTags.LittleGiant])));
        Assert.That(decision.Company.Strength, Is.GreaterThan(stored.Strength));
        var provenance = Reread(decision.Company).Provenance;
        Assert.That(provenance.Fields["registered_capital"], Is.EqualTo(Analyst));
        Assert.That(provenance.Fields["employees"], Is.EqualTo("imp-1"));
        Assert.That(provenance.AnalystMask(), Is.EqualTo(CompanyFields.RegisteredCapital | CompanyFields.Tags));
    }

    [Test]
    public void Giving_only_stored_values_changes_nothing_and_clearing_a_value_is_a_change()
    {
        var stored = Stored(Row());

        var same = CompanyEditing.Apply(stored, new CompanyEdit { Name = stored.Name, Region = new EditedRegion(Zengdu, "420000", "421300", Zengdu), Employees = new Given<int?>(100) }, Analyst);
        var cleared = CompanyEditing.Apply(stored, new CompanyEdit { Employees = new Given<int?>(null) }, Analyst);

        Assert.That(same.Changed, Is.False);
        Assert.That(same.Company, Is.SameAs(stored));
        Assert.That(cleared.ChangedFields, Is.EqualTo(CompanyFields.Employees));
        Assert.That(cleared.Company.Employees, Is.Null);
    }

    [Test]
    public void A_company_without_a_uscc_takes_the_identity_key_of_its_new_name_and_region_one_with_keeps_its_uscc_key()
    {
        var plain = Stored(Row());
        var coded = Stored(Row(uscc: Uscc), id: 8);
        var edit = new CompanyEdit { Name = "隨州乙專用汽車有限公司", Region = new EditedRegion("421300", "420000", "421300", null) };

        var movedPlain = CompanyEditing.Apply(plain, edit, Analyst);
        var movedCoded = CompanyEditing.Apply(coded, edit, Analyst);

        Assert.That(movedPlain.RegionChanged, Is.True);
        Assert.That(movedPlain.Company.NameKey, Is.EqualTo(ChineseText.NormalizeCompanyName("随州乙专用汽车有限公司")), "either script, one key");
        Assert.That(movedPlain.Company.IdentityKey, Is.EqualTo($"n:{movedPlain.Company.NameKey}|421300"));
        Assert.That((movedPlain.Company.ProvinceCode, movedPlain.Company.CityCode, movedPlain.Company.CountyCode), Is.EqualTo(("420000", (string?)"421300", (string?)null)));
        Assert.That(movedCoded.Company.IdentityKey, Is.EqualTo("u:" + Uscc));
    }

    [Test]
    public void An_edit_collides_with_a_namesake_in_a_containing_region_but_not_with_one_elsewhere_or_with_another_uscc()
    {
        var edited = Stored(Row(name: "随州丙有限公司"), id: 1);
        var inCity = Stored(Row(name: "随州丙有限公司", region: "421300"), id: 2);
        var elsewhere = Stored(Row(name: "随州丙有限公司", region: "320583"), id: 3);
        var otherUscc = Stored(Row(name: "随州丙有限公司", uscc: "91421303MA4K0L2X7A"), id: 4);
        var editedWithUscc = Stored(Row(name: "随州丙有限公司", uscc: Uscc), id: 5);

        Assert.That(CompanyEditing.Collision(edited, [edited, elsewhere, inCity]), Is.SameAs(inCity));
        Assert.That(CompanyEditing.Collision(edited, [edited, elsewhere]), Is.Null, "another region is another company");
        Assert.That(CompanyEditing.Collision(editedWithUscc, [otherUscc]), Is.Null, "two USCCs are two legal entities");
        Assert.That(CompanyEditing.Collision(edited, [otherUscc]), Is.SameAs(otherUscc), "a row without USCC would merge into it");
    }

    [Test]
    public void An_analysts_stamp_reads_back_with_its_user_and_time_and_is_listed_as_analyst()
    {
        var fields = new Dictionary<string, string> { ["revenue"] = Analyst, ["name"] = "imp-1", ["employees"] = "imp-gone" };
        var runs = new Dictionary<string, (string File, DateTimeOffset At)> { ["imp-1"] = ("first.csv", First.At) };

        var sources = CompanyFields.Sources(fields, runs);

        Assert.That(sources.Select(s => (s.Field, s.IsAnalyst)), Is.EqualTo(new[] { ("name", false), ("revenue", true) }));
        var revenue = sources[1];
        Assert.That((revenue.By, revenue.ById, revenue.At), Is.EqualTo(("张三", (string?)"u-7", EditedAt)));
        Assert.That(AnalystProvenance.TryRead(AnalystProvenance.Stamp(EditedAt, null, "a|b"), out _, out var id, out var name), Is.True);
        Assert.That((id, name), Is.EqualTo(((string?)null, "a|b")));
    }

    [Test]
    public void An_import_keeps_the_analysts_values_and_counts_them_and_changes_the_others()
    {
        var edited = Reread(CompanyEditing.Apply(Stored(Row()), new CompanyEdit { RegisteredCapital = new Given<decimal?>(9000m), Tags = ["专精特新"] }, Analyst).Company);

        var decision = CompanyMerge.Merge(edited, Row(capital: 6000m, employees: 300, tags: "小巨人"), Later, _ => true);

        Assert.That(decision.Outcome.AnalystValuesKept, Is.EqualTo(2));
        Assert.That(decision.Outcome.Kind, Is.EqualTo(UpsertKind.Updated));
        Assert.That(CompanyFields.In(decision.ChangedFields), Is.EqualTo(new[] { "employees" }));
        Assert.That((decision.Company!.RegisteredCapital, decision.Company.Employees, decision.Company.JoinedTags), Is.EqualTo(((decimal?)9000m, (int?)300, "专精特新")));
        Assert.That(decision.Company.Provenance.Fields["registered_capital"], Is.EqualTo(Analyst));
        Assert.That(decision.Company.Provenance.Fields["employees"], Is.EqualTo("imp-2"));
    }

    [Test]
    public void An_import_giving_the_analysts_own_value_keeps_nothing_and_one_asked_to_overwrite_replaces_it()
    {
        var edited = Reread(CompanyEditing.Apply(Stored(Row()), new CompanyEdit { RegisteredCapital = new Given<decimal?>(9000m) }, Analyst).Company);

        var agreeing = CompanyMerge.Merge(edited, Row(capital: 9000m), Later, _ => true);
        var overwriting = CompanyMerge.Merge(edited, Row(capital: 6000m), Later with { OverwriteAnalyst = true }, _ => true);

        Assert.That((agreeing.Outcome.Kind, agreeing.Outcome.AnalystValuesKept), Is.EqualTo((UpsertKind.Unchanged, 0)));
        Assert.That(overwriting.Outcome.AnalystValuesKept, Is.EqualTo(0));
        Assert.That(overwriting.Company!.RegisteredCapital, Is.EqualTo(6000m));
        Assert.That(overwriting.Company.Provenance.Fields["registered_capital"], Is.EqualTo("imp-2"));
    }

    [Test]
    public void A_row_with_the_uscc_and_the_old_name_is_the_company_an_analyst_renamed_and_keeps_the_new_name()
    {
        var stored = Stored(Row(name: "随州旧名有限公司", uscc: Uscc));
        var renamed = Reread(CompanyEditing.Apply(stored, new CompanyEdit { Name = "随州新名有限公司" }, Analyst).Company);
        var byUscc = new Dictionary<string, StoredCompany> { [Uscc] = renamed };
        var row = Row(name: "随州旧名有限公司", uscc: Uscc);

        var (target, conflict) = CompanyMerge.Identify(row, byUscc, new Dictionary<string, List<StoredCompany>>());
        var decision = CompanyMerge.Merge(renamed, row, Later, _ => true);
        var (_, unrenamedConflict) = CompanyMerge.Identify(Row(name: "随州别名有限公司", uscc: Uscc), new Dictionary<string, StoredCompany> { [Uscc] = stored }, new Dictionary<string, List<StoredCompany>>());

        Assert.That(conflict, Is.Null);
        Assert.That(target, Is.SameAs(renamed));
        Assert.That((decision.Company!.Name, decision.Outcome.AnalystValuesKept), Is.EqualTo(("随州新名有限公司", 1)));
        Assert.That(decision.Company.NameKey, Is.EqualTo(renamed.NameKey));
        Assert.That(unrenamedConflict!.Kind, Is.EqualTo(UpsertKind.Conflict), "without an analyst's name, another name under the USCC is still a conflict");
    }
}
