using ChainMap.Text;

namespace ChainMap.Tests.Text;

public sealed class ChineseTextTests
{
    [TestCase("專汽", "专汽")]
    [TestCase("隨州市", "随州市")]
    [TestCase("醫藥", "医药")]
    [TestCase("ＡＢＣ 有限公司", "abc有限公司")]
    public void Fold_ignores_script_width_case_and_spaces(string input, string expected) =>
        Assert.That(ChineseText.Fold(input), Is.EqualTo(expected));

    [Test]
    public void Company_names_in_either_script_with_any_brackets_normalise_to_one_key() =>
        Assert.That(ChineseText.NormalizeCompanyName("隨州市程力專用汽車股份有限公司（示例） "),
            Is.EqualTo(ChineseText.NormalizeCompanyName("随州市程力专用汽车股份有限公司(示例)")));

    [Test]
    public void Table_is_loaded_from_the_data_file() => Assert.That(ChineseText.TableSize, Is.GreaterThan(3000));
}
