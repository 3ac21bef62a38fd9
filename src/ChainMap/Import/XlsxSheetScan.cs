using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace ChainMap.Import;

/// <summary>
/// A quick streaming pass over the first sheet's XML before it is read: the real last row and
/// column, from the rows and cells themselves. The declared <c>&lt;dimension&gt;</c> is not trusted
/// (a 2 KB workbook declaring A1:XFD1048576 made the reader build 16,384-cell rows for ever), and a
/// sheet with a row, a column or a grid beyond <see cref="ImportLimits"/> is refused here, at the
/// first cell past the cap.
/// </summary>
internal static class XlsxSheetScan
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The first sheet's last row and column (0 when empty), or the problem that refuses it.</summary>
    public static (int LastRow, int LastColumn, ImportProblem? Problem) Scan(Stream workbook, string fileName, CancellationToken cancellationToken) =>
        Scan(workbook, fileName, 0, cancellationToken);

    /// <summary>As <see cref="Scan(Stream, string, CancellationToken)"/>, for sheet <paramref name="index"/> in the workbook's order (0: the first).</summary>
    public static (int LastRow, int LastColumn, ImportProblem? Problem) Scan(Stream workbook, string fileName, int index, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var entry = index == 0 ? FirstSheet(zip) : SheetAt(zip, index);
        if (entry is null)
        {
            return (0, 0, new ImportProblem(fileName, 0, null, null, "not a readable .xlsx workbook: it has no worksheet"));
        }

        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true });
        int row = 0, column = 0, lastRow = 0, lastColumn = 0;
        long elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (++elements % 16_384 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (reader.LocalName == "row")
            {
                row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                column = 0;
                if (row > ImportLimits.MaxSheetRows)
                {
                    return (0, 0, new ImportProblem(fileName, row, null, null, string.Create(CultureInfo.InvariantCulture,
                        $"the sheet has a row {row}, beyond the cap of {ImportLimits.MaxSheetRows:N0} rows read from a workbook; nothing was imported — remove the rows below the table (or split it, or save it as CSV)")));
                }
            }
            else if (reader.LocalName == "c")
            {
                var reference = reader.GetAttribute("r");
                column = reference is null ? column + 1 : ColumnOf(reference);
                if (column > ImportLimits.MaxSheetColumns || column <= 0)
                {
                    return (0, 0, new ImportProblem(fileName, row, reference, null, string.Create(CultureInfo.InvariantCulture,
                        $"the sheet has a cell {reference ?? ColumnName(column) + row.ToString(CultureInfo.InvariantCulture)} beyond the cap of {ImportLimits.MaxSheetColumns:N0} columns read from a workbook; nothing was imported — delete the columns right of the table")));
                }

                lastRow = Math.Max(lastRow, row);
                lastColumn = Math.Max(lastColumn, column);
                if ((long)lastRow * lastColumn > ImportLimits.MaxSheetCells)
                {
                    return (0, 0, new ImportProblem(fileName, row, reference, null, string.Create(CultureInfo.InvariantCulture,
                        $"the sheet spans {lastRow:N0} rows × {lastColumn:N0} columns, beyond the cap of {ImportLimits.MaxSheetCells:N0} cells read from a workbook; nothing was imported — split the sheet or save it as CSV")));
                }
            }
        }

        return (lastRow, lastColumn, null);
    }

    /// <summary>"A" for 1, "XFD" for 16384.</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The 1-based column of a cell reference such as "XFD1048576"; 0 when it has no letters; capped past 16384.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            var letter = char.ToUpperInvariant(c);
            if (letter is < 'A' or > 'Z')
            {
                break;
            }

            column = column * 26 + (letter - 'A' + 1);
            if (column > 1 << 20)
            {
                break;
            }
        }

        return column;
    }

    /// <summary>The entry of the workbook's sheet <paramref name="index"/> in the order of workbook.xml, or null.</summary>
    private static ZipArchiveEntry? SheetAt(ZipArchive zip, int index)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } book || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        var ids = new List<string>();
        using (var reader = XmlReader.Create(book.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    ids.Add(reader.GetAttribute("id", Relationships) ?? string.Empty);
                }
            }
        }

        if (index >= ids.Count)
        {
            return null;
        }

        using var relations = XmlReader.Create(rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (relations.Read())
        {
            if (relations.NodeType == XmlNodeType.Element && relations.LocalName == "Relationship" && relations.GetAttribute("Id") == ids[index])
            {
                var path = relations.GetAttribute("Target") ?? string.Empty;
                return zip.GetEntry(path.StartsWith('/') ? path[1..] : "xl/" + path);
            }
        }

        return null;
    }

    /// <summary>The entry of the workbook's first sheet (as the reader picks it), or null.</summary>
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        string? target = null;
        if (zip.GetEntry("xl/workbook.xml") is { } book && zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            string? id = null;
            using (var reader = XmlReader.Create(book.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            {
                while (id is null && reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                    {
                        id = reader.GetAttribute("id", Relationships) ?? string.Empty;
                    }
                }
            }

            using var relations = XmlReader.Create(rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (target is null && id is not null && relations.Read())
            {
                if (relations.NodeType == XmlNodeType.Element && relations.LocalName == "Relationship" && relations.GetAttribute("Id") == id)
                {
                    var path = relations.GetAttribute("Target") ?? string.Empty;
                    target = path.StartsWith('/') ? path[1..] : "xl/" + path;
                }
            }
        }

        return (target is null ? null : zip.GetEntry(target))
            ?? zip.GetEntry("xl/worksheets/sheet1.xml")
            ?? zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault();
    }
}
