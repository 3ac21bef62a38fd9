using ChainMap.Storage;

namespace ChainMap.Tests.Storage;

/// <summary>Kept discovery answers and the write mark (ADR 0295): kept and returned as given, trimmed to the most recent.</summary>
public abstract partial class StoreContract
{
    private static DiscoverySnapshot Snapshot(string key, long mark, int size) =>
        new(key, 1, mark, new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray());

    [Test]
    public async Task The_write_mark_starts_at_zero_and_each_raise_returns_the_new_value()
    {
        Assert.That(await Store.GetWriteMarkAsync(CancellationToken.None), Is.Zero);
        Assert.That(await Store.RaiseWriteMarkAsync(1, CancellationToken.None), Is.EqualTo(1));
        Assert.That(await Store.RaiseWriteMarkAsync(3, CancellationToken.None), Is.EqualTo(4));
        Assert.That(await Store.GetWriteMarkAsync(CancellationToken.None), Is.EqualTo(4));
    }

    [Test]
    public async Task A_kept_answer_reads_back_as_written_is_replaced_by_its_key_and_only_the_most_recent_are_kept()
    {
        Assert.That(await Store.GetSnapshotAsync("list:a", CancellationToken.None), Is.Null);
        var a = Snapshot("list:a", 3, 1000);
        await Store.SaveSnapshotAsync(a, 2, CancellationToken.None);
        var read = await Store.GetSnapshotAsync("list:a", CancellationToken.None);
        Assert.That(read, Is.Not.Null);
        Assert.That((read!.Key, read.Format, read.WriteMark, read.AsOf), Is.EqualTo((a.Key, a.Format, a.WriteMark, a.AsOf)));
        Assert.That(read.Body, Is.EqualTo(a.Body));

        var replaced = a with { WriteMark = 5, Body = [1, 2, 3], AsOf = a.AsOf.AddMinutes(1) };
        await Store.SaveSnapshotAsync(replaced, 2, CancellationToken.None);
        read = await Store.GetSnapshotAsync("list:a", CancellationToken.None);
        Assert.That((read!.WriteMark, read.AsOf, read.Body), Is.EqualTo((5L, replaced.AsOf, new byte[] { 1, 2, 3 })));

        await Store.SaveSnapshotAsync(Snapshot("map:b", 5, 10), 2, CancellationToken.None);
        await Store.SaveSnapshotAsync(Snapshot("map:c", 5, 20), 2, CancellationToken.None);
        Assert.That(await Store.GetSnapshotAsync("list:a", CancellationToken.None), Is.Null, "the least recently written goes first");
        Assert.That(await Store.GetSnapshotAsync("map:b", CancellationToken.None), Is.Not.Null);
        Assert.That(await Store.MeasureSnapshotsAsync(CancellationToken.None), Is.EqualTo((2, 30L)));

        await Store.ClearSnapshotsAsync(CancellationToken.None);
        Assert.That(await Store.MeasureSnapshotsAsync(CancellationToken.None), Is.EqualTo((0, 0L)));
        Assert.That(await Store.GetSnapshotAsync("map:c", CancellationToken.None), Is.Null);
    }
}
