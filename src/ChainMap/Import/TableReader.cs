using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace ChainMap.Import;

/// <summary>
/// Reads a table row by row, whatever the file is: delimited text (CsvHelper's parser, raw field
/// access, no per-row objects) or the first sheet of an .xlsx workbook (MiniExcel, streamed).
/// Blank rows are skipped; <see cref="Line"/> is where the current record starts in the file
/// (a text line, or a sheet row), so a quoted field with line breaks still reports its first line.
/// Stray control and zero-width characters are removed from every cell and each changed cell is
/// reported in <see cref="Warnings"/> with its line and column (<see cref="StrayCharacters"/>).
/// </summary>
internal abstract class TableReader : IDisposable
{
    /// <summary>How many rows below a title line are searched for the header.</summary>
    private const int MaxTitleRows = 10;

    private string?[]? scrubbed;
    private IReadOnlyList<string>? columnNames;
    private bool firstCellSeen;
    private bool replay;
    private int strayCells;

    /// <summary>Encoding and delimiter (or "xlsx"), for the import summary.</summary>
    public string Description { get; protected set; } = string.Empty;

    /// <summary>Line (text) or row (sheet) of the current record, 1-based.</summary>
    public abstract int Line { get; }

    public abstract int FieldCount { get; }

    /// <summary>The field at <paramref name="index"/> of the current record, stray characters removed; empty beyond its end.</summary>
    public string this[int index] => scrubbed is not null && index < scrubbed.Length && scrubbed[index] is { } clean ? clean : RawField(index);

    /// <summary>How much of the file has been read, 0 to 1.</summary>
    public abstract double Progress { get; }

    /// <summary>Problems the reader noticed in rows it still returned (e.g. a stray quote).</summary>
    public List<ImportProblem> Warnings { get; } = [];

    /// <summary>The file name problems are reported under.</summary>
    protected string FileName { get; init; } = string.Empty;

    /// <summary>Set when the file could not be read on (a damaged workbook): reading stopped there.</summary>
    public ImportProblem? Failure { get; protected set; }

    /// <summary>The sheet being read (a workbook), or null (a text file).</summary>
    public virtual string? Sheet => null;

    /// <summary>The workbook's sheet names in order (empty for a text file).</summary>
    public virtual IReadOnlyList<string> SheetNames => [];

    /// <summary>
    /// Moves to the start of the workbook's next sheet (false when there is none, or the file is text). Its rows are numbered
    /// on from the last line read (<see cref="Line"/> = that line + the row in the sheet), so lines stay in file order and unique.
    /// </summary>
    public virtual bool NextSheet() => false;

    /// <summary>What <see cref="Line"/> adds to a row of the current sheet (0 on the first sheet and in text files).</summary>
    public virtual int SheetLineOffset => 0;

    /// <summary>
    /// Records that the current sheet's rows are read (not only searched for a header), <paramref name="instead"/> of the sheets
    /// before it when the first held no table: the summary's format names the sheets read.
    /// </summary>
    public virtual void SheetRead(bool instead = false)
    {
    }

    /// <summary>
    /// Reads the workbook's later sheets too once the current one ends (ADR 0670): a sheet whose header (among its first rows,
    /// below any title) is <paramref name="header"/> is read on from the row under it, with a warning naming the sheet and how
    /// its rows are numbered; any other sheet is skipped with a warning. Nothing changes for a text file.
    /// </summary>
    public void FollowSheets(IReadOnlyList<string> header)
    {
        if (SheetNames.Count <= 1)
        {
            return;
        }

        followHeader = Trimmed(header);
        followedFrom = Sheet;
    }

    private IReadOnlyList<string>? followHeader;
    private string? followedFrom;

    /// <summary>Moves to the next non-blank record; false at the end (or on a <see cref="Failure"/>).</summary>
    public Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (replay)
        {
            replay = false;
            return Task.FromResult(true);
        }

        // Text files and workbooks read as one sheet take the path they always took.
        return followHeader is null ? ReadRecordAsync(cancellationToken) : ReadFollowingSheetsAsync(cancellationToken);
    }

    /// <summary><see cref="ReadAsync"/> once <see cref="FollowSheets"/> was called: at a sheet's end, the next sheet with the same header.</summary>
    private async Task<bool> ReadFollowingSheetsAsync(CancellationToken cancellationToken)
    {
        if (await ReadRecordAsync(cancellationToken))
        {
            return true;
        }

        while (followHeader is not null && Failure is null && NextSheet())
        {
            var sheet = Sheet;
            var found = false;
            for (var row = 0; row <= MaxTitleRows + 1 && await ReadRecordAsync(cancellationToken); row++)
            {
                if (Trimmed(Enumerable.Range(0, FieldCount).Select(i => this[i])).SequenceEqual(followHeader))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                if (Failure is null)
                {
                    Warnings.Add(new ImportProblem(FileName, SheetLineOffset + 1, null, sheet,
                        $"sheet {sheet} was not read: none of its first rows is the header of sheet {followedFrom} ({Clip(string.Join(",", followHeader))}); import it on its own (move it to the front, or save it as CSV)",
                        ProblemSeverity.Warning));
                }

                continue;
            }

            var headerRow = Line - SheetLineOffset;
            SheetRead();
            Warnings.Add(new ImportProblem(FileName, Line, null, sheet, string.Create(CultureInfo.InvariantCulture,
                $"sheet {sheet} has the header of sheet {followedFrom} (its row {headerRow}): its rows were read as well, each reported as line {SheetLineOffset} + its row in the sheet"),
                ProblemSeverity.Warning));
            if (await ReadRecordAsync(cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Trimmed(IEnumerable<string> cells)
    {
        var list = cells.Select(c => c.Trim()).ToList();
        while (list.Count > 0 && list[^1].Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }

    private static string Clip(string value) => value.Length > 200 ? value[..200] + "…" : value;

    /// <summary>
    /// The next <see cref="ReadAsync"/> returns the current record again: a caller that read one record ahead (to see
    /// whether it is a second header row) hands it back.
    /// </summary>
    public void Unread() => replay = true;

    /// <summary>The header cells the problems of later rows name their columns by, once a second header row refined them.</summary>
    public void RenameColumns(IReadOnlyList<string> header) => columnNames = header;

    /// <summary>Moves the underlying reader to the next non-blank record.</summary>
    protected abstract Task<bool> ReadRecordAsync(CancellationToken cancellationToken);

    /// <summary>The field as the file holds it; empty beyond the record's end.</summary>
    protected abstract string RawField(int index);

    /// <summary>Removes stray characters from the current record's cells and reports each changed cell as a warning.</summary>
    protected void Scrub()
    {
        scrubbed = null;
        for (var i = 0; i < FieldCount; i++)
        {
            var raw = RawField(i);
            if (!StrayCharacters.Contains(raw))
            {
                continue;
            }

            var (clean, removed) = StrayCharacters.Remove(raw);
            (scrubbed ??= new string?[FieldCount])[i] = clean;
            if (!firstCellSeen && i == 0 && raw.Length > 0 && raw[0] == '\uFEFF' && !StrayCharacters.Contains(raw[1..]))
            {
                // A byte-order mark at the very start of the file is an encoding signature, not noise.
                continue;
            }

            if (strayCells++ >= ImportLimits.MaxListedProblems)
            {
                if (strayCells == ImportLimits.MaxListedProblems + 1)
                {
                    Warnings.Add(new ImportProblem(FileName, Line, null, null,
                        "from this line on, further cells with stray characters were cleaned the same way but are not listed", ProblemSeverity.Warning));
                }

                continue;
            }

            var column = columnNames is not null && i < columnNames.Count && columnNames[i].Length > 0 ? columnNames[i] : $"column {i + 1}";
            Warnings.Add(new ImportProblem(FileName, Line, column, clean.Length > 200 ? clean[..200] + "…" : clean,
                $"removed stray character(s) {removed}: control and zero-width characters are not text; the rest of the value was kept as written",
                ProblemSeverity.Warning));
        }

        firstCellSeen = true;
    }

    /// <summary>Inspects the file (rejecting binary or undecodable input) and opens the right reader.</summary>
    public static async Task<(TableReader? Reader, ImportProblem? Problem)> OpenAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        var inspection = await ImportFileInspector.InspectAsync(path, fileName, cancellationToken);
        if (inspection.File is not { } file)
        {
            return (null, inspection.Problem);
        }

        if (file.Format == TableFormat.Xlsx)
        {
            return XlsxTableReader.Open(path, fileName, cancellationToken);
        }

        if (file.Format == TableFormat.Xls)
        {
            return XlsTableReader.Open(path, fileName);
        }

        var delimiter = await DetectDelimiterAsync(path, file.Encoding!, cancellationToken);
        return (new CsvTableReader(path, fileName, file.Encoding!, delimiter, file.Description), null);
    }

    /// <summary>
    /// <see cref="OpenAsync"/> and reads the header row: the reader positioned after it with the trimmed
    /// header cells, or the summary that rejects the whole file (unreadable, or empty).
    /// </summary>
    public static async Task<(TableReader? Reader, IReadOnlyList<string> Header, ImportSummary? Rejected)> OpenWithHeaderAsync(
        string path, string fileName, CancellationToken cancellationToken)
    {
        var (reader, problem) = await OpenAsync(path, fileName, cancellationToken);
        if (reader is null)
        {
            return (null, [], ImportSummary.RejectedFile(problem!));
        }

        if (!await reader.ReadAsync(cancellationToken))
        {
            var rejected = ImportSummary.RejectedFile(
                reader.Failure ?? new ImportProblem(fileName, 0, null, null, "the file is empty; expected a header row and data rows"), reader.Description);
            reader.Dispose();
            return (null, [], rejected);
        }

        var header = Cells(reader);
        if (header.Count(c => c.Length > 0) <= 1)
        {
            // Vendor exports put a title (企查查数据导出…) and blank lines above the header: the header is the first of
            // the next rows with two or more cells. A file of one column has none, and is read again from its first row.
            var title = (Line: reader.Line, Text: string.Join(" ", header).Trim());
            for (var row = 0; row < MaxTitleRows && await reader.ReadAsync(cancellationToken); row++)
            {
                var cells = Cells(reader);
                if (cells.Count(c => c.Length > 0) >= 2)
                {
                    reader.Warnings.Add(new ImportProblem(fileName, title.Line, null, title.Text.Length > 200 ? title.Text[..200] + "…" : title.Text,
                        string.Create(CultureInfo.InvariantCulture, $"line {title.Line} holds no table header (a title): the header was found on line {reader.Line}, and the lines above it were skipped"),
                        ProblemSeverity.Warning));
                    reader.columnNames = cells;
                    return (reader, cells, null);
                }
            }

            reader.Dispose();
            (reader, problem) = await OpenAsync(path, fileName, cancellationToken);
            if (reader is null || !await reader.ReadAsync(cancellationToken))
            {
                reader?.Dispose();
                return (null, [], ImportSummary.RejectedFile(problem ?? new ImportProblem(fileName, 0, null, null, "the file could not be read again")));
            }

            header = Cells(reader);
        }

        reader.columnNames = header;
        return (reader, header, null);
    }

    private static List<string> Cells(TableReader reader) => Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].Trim()).ToList();

    /// <summary>Of comma, semicolon and tab, the one that occurs most often (outside quotes) in the header line (the first line that has any); comma on a tie.</summary>
    internal static async Task<string> DetectDelimiterAsync(string path, Encoding encoding, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[64 * 1024];
        var length = await reader.ReadBlockAsync(buffer, cancellationToken);
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        var started = false;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                // A line without any delimiter (a title above the header) does not decide.
                if (started && commas + semicolons + tabs > 0)
                {
                    break;
                }

                started = false;
            }
            else if (!quoted)
            {
                started |= !char.IsWhiteSpace(c);
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return tabs > commas && tabs >= semicolons ? "\t" : semicolons > commas ? ";" : ",";
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class CsvTableReader : TableReader
    {
        private readonly FileStream stream;
        private readonly StreamReader text;
        private readonly CsvParser parser;
        private int previousRawRow;
        private int line;

        public CsvTableReader(string path, string fileName, Encoding encoding, string delimiter, string encodingName)
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = delimiter,
                IgnoreBlankLines = false,
                MissingFieldFound = null,
                DetectColumnCountChanges = false,
                TrimOptions = TrimOptions.None,
                BadDataFound = args => Warnings.Add(new ImportProblem(
                    fileName, previousRawRow + 1, null, Clip(args.Field),
                    "stray quote inside an unquoted field; the value was taken as written", ProblemSeverity.Warning)),
            };
            parser = new CsvParser(text, configuration);
            FileName = fileName;
            Description = $"{encodingName}, {DelimiterName(delimiter)}-separated";
        }

        public override int Line => line;

        public override int FieldCount => parser.Count;

        protected override string RawField(int index) => index < parser.Count ? ExcelText(parser[index]) : string.Empty;

        public override double Progress => stream.Length == 0 ? 1 : Math.Min(1, (double)stream.Position / stream.Length);

        /// <summary>
        /// A cell written as an Excel text formula, <c>="000123"</c> (how exports keep a code's leading zeros and an 18-character
        /// USCC from turning into a number when the CSV is opened in Excel), is its text: <c>000123</c>. Anything else is as written.
        /// </summary>
        internal static string ExcelText(string field) =>
            field.Length >= 3 && field[0] == '=' && field[1] == '"' && field[^1] == '"' && field.AsSpan(2, field.Length - 3).IndexOf('"') < 0
                ? field[2..^1]
                : field;

        protected override async Task<bool> ReadRecordAsync(CancellationToken cancellationToken)
        {
            while (await parser.ReadAsync())
            {
                line = previousRawRow + 1;
                previousRawRow = parser.RawRow;
                if (parser.Count > 1 || parser[0].Length > 0)
                {
                    Scrub();
                    return true;
                }
            }

            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                parser.Dispose();
                text.Dispose();
                stream.Dispose();
            }
        }

        private static string DelimiterName(string delimiter) => delimiter switch
        {
            "\t" => "tab",
            ";" => "semicolon",
            _ => "comma",
        };
    }

    /// <summary>
    /// A workbook's first sheet, row by row: the rows are the subclass's (MiniExcel for .xlsx, ExcelDataReader for .xls);
    /// blank rows are skipped, cells written as <see cref="Format"/> writes them.
    /// </summary>
    private abstract class SheetTableReader : TableReader
    {
        private readonly FileStream stream;
        private readonly List<string> current = [];
        private int row;
        private int offset;
        private int sheet;

        protected SheetTableReader(FileStream stream, string fileName, string description)
        {
            this.stream = stream;
            FileName = fileName;
            Description = description;
        }

        public override int Line => offset + row;

        public override string? Sheet => sheet < SheetNames.Count ? SheetNames[sheet] : null;

        public override int SheetLineOffset => offset;

        public override bool NextSheet()
        {
            if (Failure is not null || sheet + 1 >= SheetNames.Count)
            {
                return false;
            }

            try
            {
                if (!OpenSheet(sheet + 1))
                {
                    return false;
                }
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                Failure = new ImportProblem(FileName, Line, null, null, Unreadable(ex));
                return false;
            }

            if (Failure is not null)
            {
                return false;
            }

            sheet++;
            offset += row;
            row = 0;
            return true;
        }

        private readonly List<int> sheetsRead = [0];

        public override void SheetRead(bool instead = false)
        {
            if (instead)
            {
                sheetsRead.Clear();
            }

            if (!sheetsRead.Contains(sheet))
            {
                sheetsRead.Add(sheet);
            }

            Description = sheetsRead is [0]
                ? $"{Kind}, first sheet"
                : $"{Kind}, sheets {string.Join(", ", sheetsRead.Take(10).Select(i => SheetNames[i]))}{(sheetsRead.Count > 10 ? $" … ({sheetsRead.Count})" : string.Empty)}";
        }

        /// <summary>"xlsx" or "xls".</summary>
        protected abstract string Kind { get; }

        /// <summary>Positions the workbook reader before the first row of sheet <paramref name="index"/>; false (or <see cref="TableReader.Failure"/> set) when it cannot be read.</summary>
        protected abstract bool OpenSheet(int index);

        public override int FieldCount => current.Count;

        protected override string RawField(int index) => index < current.Count ? current[index] : string.Empty;

        public override double Progress => stream.Length == 0 ? 1 : Math.Min(1, (double)stream.Position / stream.Length);

        /// <summary>Moves to the next sheet row (its number after <paramref name="previous"/>, and its cells), or says there is none.</summary>
        protected abstract bool TryNextRow(int previous, out int number, out IEnumerable<object?> cells);

        /// <summary>Whether the workbook reader threw this because the file is damaged (the row read fails with <see cref="Unreadable"/>).</summary>
        protected abstract bool IsUnreadable(Exception ex);

        protected abstract string Unreadable(Exception ex);

        protected override Task<bool> ReadRecordAsync(CancellationToken cancellationToken)
        {
            while (MoveNext(out var number, out var cells))
            {
                cancellationToken.ThrowIfCancellationRequested();
                row = number;
                current.Clear();
                var blank = true;
                foreach (var cell in cells)
                {
                    var value = Format(cell);
                    blank &= value.Length == 0;
                    current.Add(value);
                }

                if (!blank)
                {
                    Scrub();
                    return Task.FromResult(true);
                }
            }

            return Task.FromResult(false);
        }

        private bool MoveNext(out int number, out IEnumerable<object?> cells)
        {
            try
            {
                return TryNextRow(row, out number, out cells);
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                Failure = new ImportProblem(FileName, row, null, null, Unreadable(ex));
                (number, cells) = (row, []);
                return false;
            }
        }

        private static string Format(object? value) => value switch
        {
            null => string.Empty,
            string s => s,
            DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        protected static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    private sealed class XlsxTableReader : SheetTableReader
    {
        private readonly FileStream stream;
        private readonly List<string> names;
        private IEnumerator<object> rows;

        private XlsxTableReader(FileStream stream, IEnumerator<object> rows, string fileName, List<string> names)
            : base(stream, fileName, "xlsx, first sheet")
        {
            this.stream = stream;
            this.rows = rows;
            this.names = names;
        }

        public override IReadOnlyList<string> SheetNames => names;

        protected override string Kind => "xlsx";

        public static (TableReader? Reader, ImportProblem? Problem) Open(string path, string fileName, CancellationToken cancellationToken)
        {
            var stream = OpenRead(path);
            try
            {
                var names = MiniExcel.GetSheetNames(stream);
                var (rows, capped) = Query(stream, fileName, 0, null, cancellationToken);
                if (capped is not null)
                {
                    stream.Dispose();
                    return (null, capped);
                }

                return (new XlsxTableReader(stream, rows!, fileName, names), null);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or System.Xml.XmlException or ArgumentException)
            {
                stream.Dispose();
                return (null, new ImportProblem(fileName, 0, null, null, $"not a readable .xlsx workbook: {ex.Message}"));
            }
        }

        /// <summary>The rows of sheet <paramref name="index"/> (the first sheet as MiniExcel picks it when <paramref name="sheetName"/> is null), or the cap it passes.</summary>
        private static (IEnumerator<object>? Rows, ImportProblem? Capped) Query(
            FileStream stream, string fileName, int index, string? sheetName, CancellationToken cancellationToken)
        {
            // The range comes from the cells themselves, never from the declared <dimension> (XlsxSheetScan).
            stream.Position = 0;
            var (lastRow, lastColumn, capped) = XlsxSheetScan.Scan(stream, fileName, index, cancellationToken);
            if (capped is not null)
            {
                return (null, capped);
            }

            stream.Position = 0;
            var rows = (lastRow == 0
                ? MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX)
                : MiniExcel.QueryRange(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX, startCell: "A1",
                    endCell: XlsxSheetScan.ColumnName(lastColumn) + lastRow.ToString(CultureInfo.InvariantCulture))).GetEnumerator();
            return (rows, null);
        }

        protected override bool OpenSheet(int index)
        {
            rows.Dispose();
            var (next, capped) = Query(stream, FileName, index, names[index], CancellationToken.None);
            rows = next ?? Enumerable.Empty<object>().GetEnumerator();
            if (capped is not null)
            {
                Warnings.Add(capped with { Value = names[index], Reason = $"sheet {names[index]}: {capped.Reason}", Severity = ProblemSeverity.Warning });
            }

            return true;
        }

        protected override bool TryNextRow(int previous, out int number, out IEnumerable<object?> cells)
        {
            var moved = rows.MoveNext();
            number = previous + 1;
            cells = moved ? ((IDictionary<string, object?>)rows.Current).Values : [];
            return moved;
        }

        protected override bool IsUnreadable(Exception ex) =>
            ex is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or System.Xml.XmlException or ArgumentException or KeyNotFoundException;

        protected override string Unreadable(Exception ex) => $"not a readable .xlsx workbook: {ex.Message}";

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rows.Dispose();
                stream.Dispose();
            }
        }
    }

    /// <summary>
    /// The first sheet of an Excel 97-2003 workbook (.xls, BIFF8), read row by row with ExcelDataReader: what bureaus' older
    /// spreadsheets and some registers' exports still are. The format caps a sheet at 65,536 rows and 256 columns, so the
    /// .xlsx caps (ADR 0110) cannot be reached.
    /// </summary>
    private sealed class XlsTableReader : SheetTableReader
    {
        private readonly FileStream stream;
        private readonly ExcelDataReader.IExcelDataReader reader;

        private readonly List<string> names = [];

        private XlsTableReader(FileStream stream, ExcelDataReader.IExcelDataReader reader, string fileName)
            : base(stream, fileName, "xls, first sheet")
        {
            this.stream = stream;
            this.reader = reader;
            do
            {
                names.Add(reader.Name ?? string.Empty);
            }
            while (reader.NextResult());

            reader.Reset();
        }

        public override IReadOnlyList<string> SheetNames => names;

        protected override string Kind => "xls";

        protected override bool OpenSheet(int index) => reader.NextResult();

        public static (TableReader? Reader, ImportProblem? Problem) Open(string path, string fileName)
        {
            // BIFF text in a code page other than UTF-16 (old workbooks) needs the code-page encodings.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var stream = OpenRead(path);
            try
            {
                return (new XlsTableReader(stream, ExcelDataReader.ExcelReaderFactory.CreateBinaryReader(stream), fileName), null);
            }
            catch (Exception ex) when (IsDamaged(ex))
            {
                stream.Dispose();
                return (null, new ImportProblem(fileName, 0, null, null, Damaged(ex)));
            }
        }

        protected override bool TryNextRow(int previous, out int number, out IEnumerable<object?> cells)
        {
            var moved = reader.Read();
            number = moved ? reader.Depth + 1 : previous;
            cells = moved ? Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue) : [];
            return moved;
        }

        protected override bool IsUnreadable(Exception ex) => IsDamaged(ex);

        protected override string Unreadable(Exception ex) => Damaged(ex);

        /// <summary>What a damaged, encrypted or foreign compound file throws (ExcelDataReader's own exceptions and the reads beneath them).</summary>
        private static bool IsDamaged(Exception ex) =>
            ex is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException
                or ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or OverflowException;

        private static string Damaged(Exception ex) =>
            $"not a readable Excel 97-2003 (.xls) workbook: {ex.Message}; open it in Excel and save it as .xlsx or CSV UTF-8";

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                reader.Dispose();
                stream.Dispose();
            }
        }
    }
}
