using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ChainMap.Import;

internal enum TableFormat
{
    Csv,
    Xlsx,

    /// <summary>An Excel 97-2003 workbook (BIFF8 in an OLE compound file), read with ExcelDataReader.</summary>
    Xls,
}

/// <summary>What a file turned out to be: a spreadsheet, or delimited text in a known encoding.</summary>
internal sealed record InspectedFile(TableFormat Format, Encoding? Encoding, string Description);

/// <summary>The inspection result: the file, or the one problem that rejects it as a whole.</summary>
internal sealed record FileInspection(InspectedFile? File, ImportProblem? Problem);

/// <summary>
/// Decides how to read an uploaded file before a single row is imported, so that a file that is
/// not a table is rejected whole: an .xlsx workbook (zip signature); an .xls workbook (OLE signature); UTF-16 text that opens with its
/// byte-order mark (Excel's "Unicode 文本" export); otherwise text that must be
/// valid UTF-8 (with or without BOM) or else valid GB18030 (which includes GBK and GB2312, what
/// Excel on Chinese Windows writes). A NUL byte, or a high share of other control bytes
/// (<see cref="IsBinaryShare"/>), means binary (or UTF-16 without its BOM) input; a few stray control bytes in a
/// text file are not a reason to refuse it: the table reader removes them from the cells and
/// reports each as a warning (<see cref="StrayCharacters"/>).
/// One sequential pass over the file (two for GB18030), in fixed-size buffers.
/// </summary>
internal static class ImportFileInspector
{
    private const int BufferSize = 1 << 20;

    /// <summary>At least this many control bytes (other than NUL) before their share can make a file binary.</summary>
    internal const int MinBinaryControlBytes = 32;

    /// <summary>Control bytes (other than NUL) above one in this many bytes make a file binary.</summary>
    internal const int BinaryShareDivisor = 20;

    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    /// <summary>GB18030 (code page 54936) that throws on undecodable bytes instead of inventing characters.</summary>
    public static Encoding Gb18030 { get; } = CreateGb18030();

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-16 that throws on an unpaired surrogate instead of inventing characters; the reader skips the BOM.</summary>
    public static Encoding Utf16LittleEndian { get; } = new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);

    public static Encoding Utf16BigEndian { get; } = new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);

    public static async Task<FileInspection> InspectAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var head = new byte[8];
        var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (headLength == 0)
        {
            return Reject(fileName, 0, "the file is empty; expected a header row and data rows");
        }

        if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return new(new InspectedFile(TableFormat.Xlsx, null, "xlsx"), null);
        }

        if (headLength >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            // an OLE compound file: an Excel 97-2003 workbook, or a Word or Outlook file that the reader will refuse
            return new(new InspectedFile(TableFormat.Xls, null, "xls"), null);
        }

        if (extension is ".xlsx" or ".xlsm")
        {
            return Reject(fileName, 0, $"the file is named {extension} but is not an Excel workbook (no zip signature)");
        }

        if (headLength >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            // Excel's "Unicode 文本 (*.txt)" (Save As) writes UTF-16 little-endian with its byte-order mark, tab-separated.
            var bigEndian = head[0] == 0xFE;
            stream.Position = 0;
            var utf16Problem = await ScanUtf16Async(stream, fileName, bigEndian, cancellationToken);
            return utf16Problem is null
                ? new(new InspectedFile(TableFormat.Csv, bigEndian ? Utf16BigEndian : Utf16LittleEndian, bigEndian ? "UTF-16BE with BOM" : "UTF-16LE with BOM"), null)
                : new(null, utf16Problem);
        }

        stream.Position = 0;
        var (utf8, problem) = await ScanUtf8Async(stream, fileName, cancellationToken);
        if (problem is not null)
        {
            return new(null, problem);
        }

        var hasBom = headLength >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        if (utf8)
        {
            return new(new InspectedFile(TableFormat.Csv, Utf8, hasBom ? "UTF-8 with BOM" : "UTF-8"), null);
        }

        stream.Position = 0;
        problem = await ScanGb18030Async(stream, fileName, cancellationToken);
        return problem is null ? new(new InspectedFile(TableFormat.Csv, Gb18030, "GB18030/GBK"), null) : new(null, problem);
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static FileInspection Reject(string fileName, int line, string reason) => new(null, new ImportProblem(fileName, line, null, null, reason));

    /// <summary>Checks for control bytes (binary) and whether all of the file is valid UTF-8.</summary>
    private static async Task<(bool Utf8, ImportProblem? Problem)> ScanUtf8Async(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize + 4);
        try
        {
            var valid = true;
            var carry = 0;
            var line = 1;
            long total = 0, controls = 0;
            var firstControlLine = 0;
            byte firstControl = 0;
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(carry, BufferSize), cancellationToken);
                var final = read == 0;
                var span = buffer.AsSpan(0, carry + read);
                var scanned = span[carry..];
                var nul = scanned.IndexOf((byte)0);
                if (nul >= 0)
                {
                    line += scanned[..nul].Count((byte)'\n');
                    return (false, new ImportProblem(fileName, line, null, "0x00",
                        "the file contains NUL bytes: it is binary (or UTF-16 text), not a CSV table; save it as CSV UTF-8 or .xlsx"));
                }

                total += scanned.Length;
                for (var rest = scanned; rest.Length > 0;)
                {
                    var control = rest.IndexOfAny(ControlBytes);
                    if (control < 0)
                    {
                        break;
                    }

                    if (controls == 0)
                    {
                        firstControlLine = line + scanned[..(scanned.Length - rest.Length + control)].Count((byte)'\n');
                        firstControl = rest[control];
                    }

                    controls++;
                    rest = rest[(control + 1)..];
                }

                if (IsBinaryShare(controls, final ? total : Math.Max(total, BufferSize)))
                {
                    return (false, new ImportProblem(fileName, firstControlLine, null, $"0x{firstControl:X2}",
                        string.Create(CultureInfo.InvariantCulture,
                            $"{controls} of the first {total} bytes are control bytes (the first, 0x{firstControl:X2}, on line {firstControlLine}): the file is binary, not a CSV table; save it as CSV UTF-8 or .xlsx")));
                }

                line += scanned.Count((byte)'\n');
                if (valid)
                {
                    var end = final ? span.Length : CompleteLength(span);
                    valid = System.Text.Unicode.Utf8.IsValid(span[..end]);
                    carry = span.Length - end;
                    span[end..].CopyTo(buffer);
                }
                else
                {
                    carry = 0;
                }

                if (final)
                {
                    return (valid, null);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The binary rule for control bytes other than NUL (C0 except tab, LF, CR, and DEL): at least
    /// <see cref="MinBinaryControlBytes"/> of them and more than one in <see cref="BinaryShareDivisor"/>
    /// bytes (5 %). Text has none but the odd stray one; random binary data has about 12 %.
    /// </summary>
    internal static bool IsBinaryShare(long controlBytes, long bytes) =>
        controlBytes >= MinBinaryControlBytes && controlBytes * BinaryShareDivisor > bytes;

    /// <summary>The length of <paramref name="span"/> that ends on a whole UTF-8 sequence (the rest is carried to the next read).</summary>
    private static int CompleteLength(ReadOnlySpan<byte> span)
    {
        var i = span.Length - 1;
        var back = 0;
        while (i >= 0 && back < 3 && (span[i] & 0xC0) == 0x80)
        {
            i--;
            back++;
        }

        if (i < 0)
        {
            return span.Length;
        }

        var lead = span[i];
        var need = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
        return span.Length - i < need ? i : span.Length;
    }

    /// <summary>
    /// Checks a file that opens with a UTF-16 byte-order mark: every code unit pair decodes (no unpaired surrogate, no odd
    /// last byte), no NUL character, and control characters (C0 other than tab, LF and CR, and DEL) under the binary share
    /// that <see cref="IsBinaryShare"/> applies to bytes, counted here in characters.
    /// </summary>
    private static async Task<ImportProblem?> ScanUtf16Async(Stream stream, string fileName, bool bigEndian, CancellationToken cancellationToken)
    {
        var encoding = bigEndian ? Utf16BigEndian : Utf16LittleEndian;
        var decoder = encoding.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(BufferSize);
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(BufferSize));
        var line = 1;
        long total = 0, controls = 0;
        var firstControlLine = 0;
        var firstControl = '\0';
        var skip = 2; // the byte-order mark
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(bytes.AsMemory(0, BufferSize), cancellationToken);
                var final = read == 0;
                int count;
                var from = Math.Min(skip, read);
                skip -= from;
                try
                {
                    count = decoder.GetChars(bytes, from, read - from, chars, 0, flush: final);
                }
                catch (DecoderFallbackException ex)
                {
                    // lines before the bad code unit: LF code units at even offsets of this read
                    var at = from + Math.Clamp(ex.Index, 0, read - from);
                    for (var i = from; i + 1 < at; i += 2)
                    {
                        line += (bigEndian ? bytes[i] == 0 && bytes[i + 1] == '\n' : bytes[i] == '\n' && bytes[i + 1] == 0) ? 1 : 0;
                    }

                    var unknown = string.Join(' ', (ex.BytesUnknown ?? []).Select(b => $"0x{b:X2}"));
                    return new ImportProblem(fileName, line, null, unknown,
                        "undecodable bytes: the file opens with a UTF-16 byte-order mark but is not valid UTF-16 text (an unpaired surrogate or an odd last byte); save it as CSV UTF-8 or .xlsx");
                }

                var text = chars.AsSpan(0, count);
                var nul = text.IndexOf('\0');
                if (nul >= 0)
                {
                    line += text[..nul].Count('\n');
                    return new ImportProblem(fileName, line, null, "U+0000",
                        "the file contains NUL characters: it is binary, not a CSV table; save it as CSV UTF-8 or .xlsx");
                }

                total += count;
                foreach (var c in text)
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    else if (c is < ' ' and not '\t' and not '\r' || c == '\u007F')
                    {
                        if (controls++ == 0)
                        {
                            firstControlLine = line;
                            firstControl = c;
                        }
                    }
                }

                if (IsBinaryShare(controls, final ? total : Math.Max(total, BufferSize / 2)))
                {
                    return new ImportProblem(fileName, firstControlLine, null, $"U+{(int)firstControl:X4}",
                        string.Create(CultureInfo.InvariantCulture,
                            $"{controls} of the first {total} characters are control characters (the first, U+{(int)firstControl:X4}, on line {firstControlLine}): the file is binary, not a CSV table; save it as CSV UTF-8 or .xlsx"));
                }

                if (final)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static async Task<ImportProblem?> ScanGb18030Async(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var decoder = Gb18030.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(BufferSize);
        var chars = ArrayPool<char>.Shared.Rent(Gb18030.GetMaxCharCount(BufferSize));
        var line = 1;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(bytes.AsMemory(0, BufferSize), cancellationToken);
                try
                {
                    decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                }
                catch (DecoderFallbackException ex)
                {
                    var at = Math.Clamp(ex.Index, 0, read);
                    line += bytes.AsSpan(0, at).Count((byte)'\n');
                    var unknown = string.Join(' ', (ex.BytesUnknown ?? []).Select(b => $"0x{b:X2}"));
                    return new ImportProblem(fileName, line, null, unknown,
                        "undecodable bytes: the file is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8 or .xlsx");
                }

                if (read == 0)
                {
                    return null;
                }

                line += bytes.AsSpan(0, read).Count((byte)'\n');
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
