using ChainMap.Curation;
using ChainMap.Import;

namespace ChainMap.Tests.Import;

/// <summary>The stored provenance (ADR 0350): each source once with the mask of its fields; the form before it still reads.</summary>
public sealed class FieldProvenanceTests
{
    private static readonly string Analyst = AnalystProvenance.Stamp(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero), "u-3", "张三|审核");

    [Test]
    public void A_new_company_is_one_source_and_one_mask_and_reads_back_field_by_field()
    {
        var stamped = FieldProvenance.None.Stamp(CompanyFields.Name | CompanyFields.Region | CompanyFields.Scope, "imp-20261205-0001-abcdefabcdef");

        var json = stamped.ToJson();
        var read = FieldProvenance.FromJson(json);

        Assert.That(json, Is.EqualTo("""{"imp-20261205-0001-abcdefabcdef":4101}"""));
        Assert.That(read.Fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["name"] = "imp-20261205-0001-abcdefabcdef", ["region"] = "imp-20261205-0001-abcdefabcdef", ["scope"] = "imp-20261205-0001-abcdefabcdef",
        }));
        Assert.That(read.AnalystMask(), Is.Zero);
    }

    [Test]
    public void Sources_are_grouped_in_the_order_of_their_first_field_and_an_analysts_stamp_keeps_its_text()
    {
        var fields = new Dictionary<string, string> { ["products"] = "imp-1", ["name"] = Analyst, ["region"] = "imp-1", ["uscc"] = "imp-2", ["tags"] = Analyst };

        var read = FieldProvenance.FromJson(FieldProvenance.From(fields).ToJson());

        Assert.That(FieldProvenance.From(fields).ToJson(), Is.EqualTo($$"""{"{{Analyst}}":257,"imp-2":2,"imp-1":516}"""));
        Assert.That(read.Fields, Is.EquivalentTo(fields));
        Assert.That(read.AnalystMask(), Is.EqualTo(CompanyFields.Name | CompanyFields.Tags));
        Assert.That(AnalystProvenance.TryRead(read.Fields["tags"], out _, out var userId, out var userName), Is.True);
        Assert.That((userId, userName), Is.EqualTo(("u-3", "张三|审核")));
    }

    [Test]
    public void The_form_before_migration_235_reads_the_same_and_is_written_compactly_once_changed()
    {
        var old = FieldProvenance.FromJson($$"""{"name":"imp-0","region":"imp-0","products":"{{Analyst}}"}""");

        var changed = old.Stamp(CompanyFields.Employees, "imp-2");

        Assert.That(old.Fields, Is.EquivalentTo(new Dictionary<string, string> { ["name"] = "imp-0", ["region"] = "imp-0", ["products"] = Analyst }));
        Assert.That(old.AnalystMask(), Is.EqualTo(CompanyFields.Products));
        Assert.That(FieldProvenance.FromJson(changed.ToJson()).Fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["name"] = "imp-0", ["region"] = "imp-0", ["products"] = Analyst, ["employees"] = "imp-2",
        }));
        Assert.That(changed.ToJson(), Does.StartWith("""{"imp-0":5,"imp-2":32,"""));
    }

    [Test]
    public void A_name_that_is_no_company_field_has_no_bit_and_is_not_written()
    {
        Assert.That(FieldProvenance.From(new Dictionary<string, string> { ["name"] = "imp-1", ["colour"] = "imp-1" }).ToJson(), Is.EqualTo("""{"imp-1":1}"""));
        Assert.That(FieldProvenance.FromJson("{}").Fields, Is.Empty);
        Assert.That(FieldProvenance.None.ToJson(), Is.EqualTo("{}"));
    }
}
