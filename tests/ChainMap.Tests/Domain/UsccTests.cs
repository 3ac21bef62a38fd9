using ChainMap.Domain;

namespace ChainMap.Tests.Domain;

public sealed class UsccTests
{
    // Published example codes with correct check characters.
    [TestCase("91350100M000100Y43")]
    [TestCase("914403001922038216")]
    public void Valid_codes_parse(string code)
    {
        Assert.That(Uscc.TryParse(code, out var uscc, out var error), Is.True, error);
        Assert.That(uscc.Value, Is.EqualTo(code));
    }

    [Test]
    public void Wrong_check_character_is_explained()
    {
        Assert.That(Uscc.TryParse("91350100M000100Y44", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("check character").And.Contain("'3'"));
    }

    [TestCase("9135010", "18 characters")]
    [TestCase("91350100M000100I43", "position 16")]
    [TestCase("91A50100M000100Y43", "six-digit region code")]
    public void Malformed_codes_say_what_is_wrong(string code, string expected)
    {
        Assert.That(Uscc.TryParse(code, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(expected));
    }

    [Test]
    public void Lower_case_and_spaces_are_accepted() =>
        Assert.That(Uscc.TryParse(" 91350100m000100y43 ", out var uscc), Is.True);

    [TestCase("９１３５０１００Ｍ０００１００Ｙ４３")]
    [TestCase("\u3000９１３５０１００ｍ０００１００ｙ４３\u3000")]
    [TestCase("91350100Ｍ000100Ｙ43")]
    public void Full_width_forms_fold_to_the_same_code(string code)
    {
        Assert.That(Uscc.TryParse(code, out var uscc, out var error), Is.True, error);
        Assert.That(uscc.Value, Is.EqualTo("91350100M000100Y43"));
    }

    [Test]
    public void FromBody_appends_a_valid_check_character() =>
        Assert.That(Uscc.TryParse(Uscc.FromBody("91421303MA49ABCD0").Value, out _), Is.True);
}
