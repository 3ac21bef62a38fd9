using System.Text.Json;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// A kept target (ADR 0295) holds its home ties as <see cref="HomeTiedCompany"/> JSON: the facts ranking reads and, in the
/// same object, the relations and channels with the names its reasons show. Session 33 made the tied company its facts plus
/// those details (ADR 0405); the JSON is the one written before, so an answer kept by an older build still reads.
/// </summary>
public sealed class HomeTiedCompanyJsonTests
{
    private static readonly JsonSerializerOptions Kept = DiscoverySnapshots.Json;

    // What session 32's build (e1dbe6b) wrote for a tied company: one flat object, fields in this order.
    private const string Written =
        """{"CompanyId":42,"ProvinceCode":"310000","CityCode":"310100","CountyCode":null,"Strength":61.5,"RegisteredCapital":3000.5,"Tags":["zjtx"],"SegmentCodes":["ZQ-SAN","ZQ-COLD"],"Relations":[{"HomeCompanyId":7,"HomeCompanyName":"Home A","Kind":1,"OutsideIsFrom":true}],"Channels":[{"ChannelId":3,"ChannelName":"Chamber","Kind":0,"Role":1,"HopsToHome":2}]}""";

    private static HomeTiedCompany Tied() => HomeTiedCompany.Of(
        new HomeTieFacts(42, "310000", "310100", null, 61.5, 3000.5m, ["zjtx"], ["ZQ-SAN", "ZQ-COLD"],
            [new HomeRelationKind(7, CompanyRelationKind.InvestsIn, true)], [new HomeChannelHops(3, 2)]),
        new HomeTieDetails(42,
            [new HomeRelationTie(7, "Home A", CompanyRelationKind.InvestsIn, true)],
            [new HomeChannelTie(3, "Chamber", ChannelKind.ChamberOfCommerce, ChannelRole.Officer, 2)]));

    [Test]
    public void A_tied_company_is_written_as_before()
    {
        Assert.That(JsonSerializer.Serialize(Tied(), Kept), Is.EqualTo(Written));
    }

    [Test]
    public void A_tied_company_kept_before_reads_with_its_facts_and_details()
    {
        var read = JsonSerializer.Deserialize<HomeTiedCompany>(Written, Kept)!;
        var expected = Tied();

        Assert.That(read.Relations, Is.EqualTo(expected.Relations));
        Assert.That(read.Channels, Is.EqualTo(expected.Channels));
        Assert.That(JsonSerializer.Serialize(read, Kept), Is.EqualTo(Written), "every fact read back");
        var facts = read.Facts;
        Assert.That((facts.CompanyId, facts.ProvinceCode, facts.CityCode, facts.CountyCode, facts.Strength, facts.RegisteredCapital),
            Is.EqualTo((42L, "310000", (string?)"310100", (string?)null, 61.5, (decimal?)3000.5m)));
        Assert.That((facts.Tags, facts.SegmentCodes), Is.EqualTo((new[] { "zjtx" }, new[] { "ZQ-SAN", "ZQ-COLD" })));
        Assert.That((facts.Relations, facts.Channels), Is.EqualTo((new[] { new HomeRelationKind(7, CompanyRelationKind.InvestsIn, true) }, new[] { new HomeChannelHops(3, 2) })));
    }
}
