namespace Chikaya.Web.Infrastructure.Files;

/// <summary>
/// Decides what a file is from its first bytes, never from its name: a page named photo.jpg
/// stays a page and is refused.
/// </summary>
public static class FileSignature
{
    public sealed record Kind(string ContentType, string[] Extensions);

    public static readonly Kind Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    public static readonly Kind Png = new("image/png", [".png"]);
    public static readonly Kind Gif = new("image/gif", [".gif"]);
    public static readonly Kind Webp = new("image/webp", [".webp"]);
    public static readonly Kind Pdf = new("application/pdf", [".pdf"]);

    public const int HeaderLength = 12;

    public static Kind? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8)) return Gif;
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (header.StartsWith("%PDF-"u8)) return Pdf;
        return null;
    }

    public static string AcceptAttribute => ".jpg,.jpeg,.png,.gif,.webp,.pdf,image/*,application/pdf";
}
