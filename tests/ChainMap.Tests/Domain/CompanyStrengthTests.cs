using ChainMap.Domain;

namespace ChainMap.Tests.Domain;

/// <summary>
/// The strength an import stores (<see cref="CompanyStrength.Score"/>, which words no fact) is the one a company page
/// explains (<see cref="CompanyStrength.Assess"/>), and ranking's signal count is the same count.
/// </summary>
public sealed class CompanyStrengthTests
{
    private static readonly string[][] TagSets =
    [
        [], ["上市"], ["央企"], ["民营企业", "高新技术企业"], ["专精特新", "小巨人"], ["专精特新"], ["500强", "规上企业", "上市"],
        ["工信部公告", "ISO 9001", "IATF 16949", "压力容器"], ["CCC", "军工资质", "外资企业", "其他标签"],
    ];

    [Test]
    public void The_score_and_the_signals_are_those_the_assessment_explains()
    {
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        var cases = 0;
        foreach (var tags in TagSets)
        {
            foreach (var capital in new decimal?[] { null, 50m, 12_345.6789m })
            {
                foreach (var (revenue, employees) in new (decimal?, int?)[] { (null, null), (800m, 120), (2_000_000m, null) })
                {
                    foreach (var listed in new[] { null, "600066", "300750.SZ", "abc" })
                    {
                        foreach (var founded in new DateOnly?[] { null, new DateOnly(1998, 3, 1), asOf.AddYears(-3) })
                        {
                            var assessed = CompanyStrength.Assess(capital, revenue, employees, listed, tags, founded);
                            Assert.That(CompanyStrength.Score(capital, revenue, employees, listed, tags, founded), Is.EqualTo(assessed.Score),
                                $"{string.Join('|', tags)} {capital} {revenue} {employees} {listed} {founded}");
                            Assert.That(CompanyStrength.Signals(capital, revenue, employees, listed, tags, founded), Is.EqualTo(assessed.Signals));
                            cases++;
                        }
                    }
                }
            }
        }

        Assert.That(cases, Is.EqualTo(9 * 3 * 3 * 4 * 3));
    }

    [Test]
    public void The_assessment_words_each_fact_and_names_what_is_missing()
    {
        var nothing = CompanyStrength.Assess(null, null, null, null, []);
        Assert.That((nothing.Score, nothing.Signals, nothing.Facts), Is.EqualTo((0.0, 0, Array.Empty<string>())));
        Assert.That(nothing.Missing, Is.EqualTo(new[] { "企业性质", "注册资本", "营收", "员工人数", "成立日期" }));

        var tagged = CompanyStrength.Assess(null, null, 120, null, ["央企", "高新技术企业", "ISO 9001"]);
        Assert.That(tagged.Signals, Is.EqualTo(3), "controller, staff, the other tags");
        Assert.That(tagged.Facts, Has.Count.EqualTo(4));
        Assert.That(tagged.Facts[0], Does.StartWith("企业性质 央企 "));
        Assert.That(tagged.Facts[1], Does.StartWith("员工 120 人 "));
        Assert.That(tagged.Facts.Skip(2), Is.EqualTo(new[] { "高新技术企业 4 分", "ISO 9001 1 分" }));
        Assert.That(tagged.Missing, Is.EqualTo(new[] { "注册资本", "营收", "成立日期" }));
    }
}
