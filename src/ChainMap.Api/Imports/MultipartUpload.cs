using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChainMap.Api.Imports;

/// <summary>One uploaded file, already on disk in the job's work folder.</summary>
internal sealed record UploadedFile(string FieldName, string FileName, string Path, long Length);

/// <summary>What a multipart upload held, or why it was refused (status 400, 413 or 415).</summary>
internal sealed record UploadResult(IReadOnlyList<UploadedFile> Files, IReadOnlyDictionary<string, string> Fields, int? ErrorStatus, string? Error);

/// <summary>
/// Reads a multipart/form-data request section by section, copying each file straight to disk
/// (never holding it in memory) and counting bytes, so an upload over the limit is stopped as
/// soon as it crosses it. Form fields are small text values (options, a column mapping). The
/// number of parts is capped (Import:MaxUploadParts) and a part that is neither a named file nor
/// a named field is refused, never skipped: thousands of tiny parts cost CPU for nothing.
/// </summary>
internal static class MultipartUpload
{
    private const int MaxFieldBytes = 1 << 20;
    private const long EnvelopeSlack = 1 << 20;

    public static async Task<UploadResult> ReadAsync(HttpRequest request, string folder, long maxBytes, int maxParts, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "send the file as multipart/form-data, in a part named 'file'");
        }

        if (request.ContentLength > maxBytes + EnvelopeSlack)
        {
            return TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + EnvelopeSlack;
        }

        var files = new List<UploadedFile>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, request.Body);
        long total = 0;
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > maxParts)
                {
                    return Error(StatusCodes.Status400BadRequest,
                        $"the upload has more than {maxParts} parts (Import:MaxUploadParts); send the file and its options only");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !(disposition.IsFileDisposition() || disposition.IsFormDisposition()))
                {
                    return Error(StatusCodes.Status400BadRequest,
                        $"part {parts} of the upload has no form-data Content-Disposition; every part must be a named field or file");
                }

                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (field.Length == 0)
                {
                    return Error(StatusCodes.Status400BadRequest, $"part {parts} of the upload has no name; name the file part 'file'");
                }

                if (disposition.IsFileDisposition())
                {
                    var original = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "upload";
                    var fileName = Path.GetFileName(original.Replace('\\', '/'));
                    if (fileName.Length == 0)
                    {
                        fileName = "upload";
                    }

                    var path = Path.Combine(folder, $"{files.Count}-{SafeName(fileName)}");
                    long length;
                    await using (var target = new FileStream(path, ChainMap.Storage.OwnerOnly.NewFile(FileMode.CreateNew, FileOptions.Asynchronous, 1 << 16)))
                    {
                        length = await CopyAsync(section.Body, target, maxBytes - total, cancellationToken);
                    }

                    if (length < 0)
                    {
                        return TooLarge(maxBytes);
                    }

                    total += length;
                    files.Add(new UploadedFile(field, fileName, path, length));
                }
                else
                {
                    // Read in small pieces: a buffer of the largest allowed size per field made every tiny field cost 2 MB.
                    var value = await ReadFieldAsync(section.Body, cancellationToken);
                    if (value is null)
                    {
                        return Error(StatusCodes.Status400BadRequest, $"the form field '{field}' is longer than {MaxFieldBytes} characters");
                    }

                    if (!fields.TryAdd(field, value))
                    {
                        return Error(StatusCodes.Status400BadRequest, $"the form field '{field}' is sent twice; send each option once");
                    }
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (InvalidDataException ex)
        {
            return Error(StatusCodes.Status400BadRequest, $"the multipart body is malformed: {ex.Message}");
        }

        return new UploadResult(files, fields, null, null);
    }

    /// <summary>The field's text, or null when it is longer than <see cref="MaxFieldBytes"/> characters.</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
        var value = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await text.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (value.Length + read > MaxFieldBytes)
            {
                return null;
            }

            value.Append(buffer, 0, read);
        }

        return value.ToString();
    }

    /// <summary>Copies at most <paramref name="budget"/> bytes; returns the length, or -1 when the source holds more.</summary>
    private static async Task<long> CopyAsync(Stream source, Stream target, long budget, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > budget)
            {
                return -1;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return copied;
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return safe.Length > 100 ? safe[^100..] : safe;
    }

    private static UploadResult TooLarge(long maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, $"the upload is larger than the limit of {maxBytes} bytes (Import:MaxUploadBytes); split the file or import it with the command line");

    private static UploadResult Error(int status, string message) => new([], new Dictionary<string, string>(), status, message);
}
