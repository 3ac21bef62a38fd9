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

    [TestCase("湖北程力专用汽车股份有限公司", "湖北程力专用汽车股份有限公司")]
    [TestCase("湖北程力 Special Vehicle Co., Ltd.", "湖北程力specialvehiclecoltd")]
    [TestCase("㈱程力（湖北）專用汽車", "株程力湖北专用汽车")]
    [TestCase("程力\u200B汽车\u00A0公司", "程力汽车公司")]
    [TestCase("한국程力 — “汽车”", "한국程力汽车")]
    [TestCase("ＡＢＣ－１２３【汽车】", "abc123汽车")]
    public void A_company_name_key_folds_width_script_case_spaces_and_punctuation(string input, string expected) =>
        Assert.That(ChineseText.NormalizeCompanyName(input), Is.EqualTo(expected));

    [TestCase("\uF900程力汽車")]
    [TestCase("程力汽車\u0301")]
    [TestCase("Ｃｏ．\t程力 ㍿")]
    public void A_name_outside_ascii_and_the_ideographs_is_folded_as_nfkc_then_fold_give(string input) =>
        Assert.That(ChineseText.NormalizeCompanyName(input),
            Is.EqualTo(ChineseText.NormalizeCompanyName(input.Normalize(System.Text.NormalizationForm.FormKC))).And.EqualTo(
                string.Concat(ChineseText.Fold(input).Where(c => !char.IsPunctuation(c)))));

    [Test]
    public void Fold_of_each_ascii_or_ideograph_character_is_its_simplified_lower_case_form_or_nothing()
    {
        // The fold reads one table per character (ADR 0780): it must give what the dictionary lookup and case mapping gave.
        var characters = Enumerable.Range(0, 0x80).Concat(Enumerable.Range(0x3400, 0x4DBF - 0x3400 + 1)).Concat(Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1))
            .Select(i => (char)i);
        foreach (var c in characters)
        {
            var expected = char.IsWhiteSpace(c) || char.IsControl(c)
                ? string.Empty
                : char.ToLowerInvariant(ChineseText.ToSimplified(c.ToString())[0]).ToString();
            Assert.That(ChineseText.Fold(c.ToString()), Is.EqualTo(expected), $"U+{(int)c:X4}");
        }
    }

    [Test]
    public void A_name_already_folded_is_its_own_key() =>
        Assert.That(ChineseText.NormalizeCompanyName("程力汽车abc"), Is.EqualTo("程力汽车abc"));

    [Test]
    public void A_name_longer_than_the_stack_buffer_folds_like_a_short_one() =>
        Assert.That(ChineseText.NormalizeCompanyName(string.Concat(Enumerable.Repeat("專用汽車（ＡＢ）", 60))),
            Is.EqualTo(string.Concat(Enumerable.Repeat("专用汽车ab", 60))));

    [Test]
    public void Table_is_loaded_from_the_data_file() => Assert.That(ChineseText.TableSize, Is.GreaterThan(3000));
}
