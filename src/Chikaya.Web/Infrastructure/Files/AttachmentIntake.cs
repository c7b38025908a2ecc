using Chikaya.Domain.Complaints;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Infrastructure.Files;

/// <summary>An uploaded file before it is checked: from a form, a multipart API call or an e-mail.</summary>
public sealed record IncomingFile(string FileName, long Length, Func<Stream> Open);

/// <summary>Checks uploads (count, size, type by content) and stores them; the rule codes localize the refusals.</summary>
public sealed class AttachmentIntake(IFileStore store, IOptions<AttachmentOptions> options, VirusScanner scanner, TimeProvider clock)
{
    public AttachmentOptions Limits => options.Value;

    public async Task<IReadOnlyList<(string Field, string Code)>> CheckAsync(IReadOnlyList<IncomingFile> files)
    {
        var errors = new List<(string, string)>();
        if (files.Count > Limits.MaxFiles) errors.Add(("files", "attachment.too-many"));
        foreach (var file in files)
        {
            if (file.Length == 0) errors.Add(("files", "attachment.empty"));
            else if (file.Length > Limits.MaxFileBytes) errors.Add(("files", "attachment.too-large"));
            else if (await DetectAsync(file) is not { } kind) errors.Add(("files", "attachment.type-not-allowed"));
            else if (!kind.Extensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
                errors.Add(("files", "attachment.extension-mismatch"));
            else if (scanner.IsEnabled && await ScanAsync(file) is { } refusal) errors.Add(("files", refusal));
        }
        return errors.Distinct().ToList();
    }

    /// <summary>Stores checked files; the caller deletes the keys if the complaint is not saved after all.</summary>
    public async Task<List<Attachment>> StoreAsync(IReadOnlyList<IncomingFile> files, ActorKind addedBy, bool isPublic,
        CancellationToken cancellationToken)
    {
        var stored = new List<Attachment>();
        foreach (var file in files)
        {
            var kind = (await DetectAsync(file))!;
            byte[] bytes;
            await using (var source = file.Open())
            using (var copy = new MemoryStream())
            {
                await source.CopyToAsync(copy, cancellationToken);
                bytes = ImageMetadata.Strip(copy.ToArray(), kind);
            }
            var key = await store.SaveAsync(new MemoryStream(bytes), cancellationToken);
            stored.Add(new Attachment(SafeName(file.FileName), kind.ContentType, bytes.Length, key, addedBy, isPublic,
                clock.GetUtcNow().UtcDateTime));
        }
        return stored;
    }

    public async Task DiscardAsync(IEnumerable<Attachment> attachments)
    {
        foreach (var attachment in attachments) await store.DeleteAsync(attachment.StorageKey, CancellationToken.None);
    }

    private async Task<string?> ScanAsync(IncomingFile file)
    {
        await using var stream = file.Open();
        var (verdict, _) = await scanner.ScanAsync(stream, CancellationToken.None);
        return verdict switch
        {
            ScanVerdict.Infected => "attachment.infected",
            ScanVerdict.Unavailable when scanner.RefusesWhenUnavailable => "attachment.scan-unavailable",
            _ => null,
        };
    }

    private static async Task<FileSignature.Kind?> DetectAsync(IncomingFile file)
    {
        await using var stream = file.Open();
        var header = new byte[FileSignature.HeaderLength];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        return FileSignature.Detect(header.AsSpan(0, read));
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (name.Length > 120) name = name[^120..];
        return name.Length == 0 ? "document" : name;
    }

    public static IReadOnlyList<IncomingFile> FromForm(IEnumerable<IFormFile>? files) =>
        (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
            .Select(f => new IncomingFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
}
