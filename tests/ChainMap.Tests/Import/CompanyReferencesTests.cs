using ChainMap.Import;
using ChainMap.Storage;

namespace ChainMap.Tests.Import;

/// <summary>The rule that names the stored companies a relation row refers to (the same on every store).</summary>
[TestFixture]
internal sealed class CompanyReferencesTests
{
    private const string Uscc = "91421303MA4K0L2X7A";

    private static readonly CompanyKey[] Stored =
    [
        new(3, null, "乙公司", "320000", "320500", "320506"),
        new(1, Uscc, "甲公司", "420000", "421300", "421303"),
        new(2, null, "乙公司", "420000", "421300", "421303"),
        new(4, null, "丙公司", "420000", "421300", null),
    ];

    [Test]
    public void A_uscc_names_its_company_and_no_name_is_looked_up()
    {
        var matches = CompanyReferences.Match(
            [new CompanyReference(Uscc, "乙公司", null), new CompanyReference("91110000100000000X", "甲公司", null)], Stored);

        Assert.That(matches[0], Is.EqualTo(new long[] { 1 }));
        Assert.That(matches[1], Is.Empty, "an unknown USCC does not fall back to the name");
    }

    [Test]
    public void A_name_matches_within_the_division_the_reference_gives_at_any_level()
    {
        var matches = CompanyReferences.Match(
        [
            new CompanyReference(null, "乙公司", "421303"),
            new CompanyReference(null, "乙公司", "421300"),
            new CompanyReference(null, "乙公司", "320000"),
            new CompanyReference(null, "丙公司", "421303"),
            new CompanyReference(null, "丙公司", "421300"),
        ], Stored);

        Assert.That(matches[0], Is.EqualTo(new long[] { 2 }));
        Assert.That(matches[1], Is.EqualTo(new long[] { 2 }));
        Assert.That(matches[2], Is.EqualTo(new long[] { 3 }));
        Assert.That(matches[3], Is.Empty, "a company stored at city level is not inside one of its counties");
        Assert.That(matches[4], Is.EqualTo(new long[] { 4 }));
    }

    [Test]
    public void A_name_without_a_division_lists_every_company_of_that_name_by_id()
    {
        var matches = CompanyReferences.Match([new CompanyReference(null, "乙公司", null), new CompanyReference(null, "丁公司", null), new CompanyReference(null, "", null)], Stored);

        Assert.That(matches[0], Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(matches[1], Is.Empty);
        Assert.That(matches[2], Is.Empty);
    }

    [Test]
    public void The_store_loads_each_uscc_and_each_name_once()
    {
        var (usccs, names) = CompanyReferences.Keys(
            [new CompanyReference(Uscc, "甲公司", null), new CompanyReference(null, "乙公司", "421303"), new CompanyReference(null, "乙公司", null), new CompanyReference(Uscc, null, null)]);

        Assert.That(usccs, Is.EquivalentTo(new[] { Uscc }));
        Assert.That(names, Is.EquivalentTo(new[] { "乙公司" }), "a reference with a USCC is not looked up by name");
    }
}
