using ChainMap.Text;

namespace ChainMap.Tests.Text;

public sealed class TermScannerTests
{
    [Test]
    public void Finds_every_word_a_text_holds_overlapping_nested_or_repeated_in_list_order()
    {
        string[] words = ["汽车配件", "汽车", "配件", "车配", "售货车", "汽车", "轮毂单元", "轮毂", "x"];
        var scanner = new TermScanner(words);

        Assert.Multiple(() =>
        {
            Assert.That(scanner.Find("汽车配件制造"), Is.EqualTo(new[] { 0, 1, 2, 3, 5 }));
            Assert.That(scanner.Find("销售货车、轮毂单元"), Is.EqualTo(new[] { 4, 6, 7 }));
            Assert.That(scanner.Find("轮轮毂"), Is.EqualTo(new[] { 7 }));
            Assert.That(scanner.Find("五金交电"), Is.Empty);
            Assert.That(scanner.Find(string.Empty), Is.Empty);
            Assert.That(scanner.Find(null), Is.Empty);
        });
    }

    [Test]
    public void Answers_as_contains_does_for_every_word_of_random_texts()
    {
        // A small alphabet so that words overlap, nest and share prefixes and suffixes often (the failure links are all exercised).
        var random = new Random(780);
        const string alphabet = "汽车配件售销零轮毂ab";
        string Draw(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var words = Enumerable.Range(0, 300).Select(_ => Draw(random.Next(1, 6))).ToList();
        words.Add(string.Empty);
        var scanner = new TermScanner(words);

        for (var round = 0; round < 500; round++)
        {
            var text = Draw(random.Next(0, 40));
            var expected = Enumerable.Range(0, words.Count).Where(i => words[i].Length > 0 && text.Contains(words[i], StringComparison.Ordinal));
            Assert.That(scanner.Find(text), Is.EqualTo(expected), text);
        }
    }

    [Test]
    public void AddFound_appends_each_texts_words_to_the_callers_list_leaving_what_it_held()
    {
        // ADR 0835: several texts read into one list; sorted, it holds each text's finds (a word in two texts twice).
        var random = new Random(835);
        const string alphabet = "汽车配件售销零轮毂ab";
        string Draw(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var words = Enumerable.Range(0, 300).Select(_ => Draw(random.Next(1, 6))).ToList();
        var scanner = new TermScanner(words);

        for (var round = 0; round < 200; round++)
        {
            string[] texts = [Draw(random.Next(0, 30)), Draw(random.Next(0, 30))];
            var found = new List<int> { -1 };
            foreach (var text in texts)
            {
                scanner.AddFound(text, found);
            }

            found.Sort();
            var expected = texts.SelectMany(text => Enumerable.Range(0, words.Count).Where(i => text.Contains(words[i], StringComparison.Ordinal)))
                .Prepend(-1).Order();
            Assert.That(found, Is.EqualTo(expected), string.Join("|", texts));
        }
    }
}
